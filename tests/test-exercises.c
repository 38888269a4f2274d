/* The answers to the exercises (the appendix of answers), as printed in
 * build/data/exercise-answers/values.tex, against references computed
 * here: exact rational arithmetic for what the reader works by hand, and
 * a second computation, operation by operation, for what a program is
 * asked to show.  tests/values.h says how a check works. */
#define _POSIX_C_SOURCE 200809L
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "values.h"

/* ------------------------------------------------------------ exact rationals */

/* n/d in lowest terms, d > 0.  Every hand answer's numbers are small
 * enough that no product here comes near 2^63 (asserted). */
struct q {
    long long n, d;
};

static long long gcd(long long a, long long b)
{
    a = llabs(a), b = llabs(b);
    while (b) {
        long long t = a % b;
        a = b, b = t;
    }
    return a ? a : 1;
}

static struct q q_make(long long n, long long d)
{
    assert_true(d != 0);
    if (d < 0)
        n = -n, d = -d;
    long long g = gcd(n, d);
    return (struct q){n / g, d / g};
}

static long long mul_checked(long long a, long long b)
{
    long long r;
    assert_false(__builtin_mul_overflow(a, b, &r));
    return r;
}

static struct q q_add(struct q a, struct q b)
{
    return q_make(mul_checked(a.n, b.d) + mul_checked(b.n, a.d), mul_checked(a.d, b.d));
}

static struct q q_sub(struct q a, struct q b)
{
    return q_add(a, (struct q){-b.n, b.d});
}

static struct q q_mul(struct q a, struct q b)
{
    return q_make(mul_checked(a.n, b.n), mul_checked(a.d, b.d));
}

static struct q q_div(struct q a, struct q b)
{
    return q_make(mul_checked(a.n, b.d), mul_checked(a.d, b.n));
}

static struct q q_pow(struct q a, int k)
{
    struct q r = {1, 1};
    while (k-- > 0)
        r = q_mul(r, a);
    return r;
}

static double q_value(struct q a)
{
    return (double)((long double)a.n / (long double)a.d);
}

/* The rational arithmetic itself: 1/3 + 1/6 = 1/2, (3/2)^2 = 9/4. */
static void rationals_add_and_multiply_exactly(void **state)
{
    (void)state;
    struct q half = q_add(q_make(1, 3), q_make(1, 6));
    assert_true(half.n == 1 && half.d == 2);
    struct q sq = q_pow(q_make(3, 2), 2);
    assert_true(sq.n == 9 && sq.d == 4);
    struct q neg = q_sub(q_make(1, 4), q_make(1, 1));
    assert_true(neg.n == -3 && neg.d == 4);
}

/* The difference quotient of f at x with step h, in rationals. */
typedef struct q rational_function(struct q x);

static struct q quotient(rational_function *f, struct q x, struct q h)
{
    return q_div(q_sub(f(q_add(x, h)), f(x)), h);
}

/* ------------------------------------------------------------ section 1 */

static struct q fall(struct q t)    /* s(t) = 9.8 t^2 / 2 = 49/10 t^2 */
{
    return q_mul(q_make(49, 10), q_pow(t, 2));
}

static void ball_answers_are_exact_averages_of_49_10_t_squared(void **state)
{
    (void)state;
    check_number("exercise-answers/ball-half-drop",
                 q_value(q_sub(fall(q_make(5, 2)), fall(q_make(2, 1)))), 6);
    check_number("exercise-answers/ball-half-second",
                 q_value(quotient(fall, q_make(2, 1), q_make(1, 2))), 6);
    check_number("exercise-answers/ball-t3-average",
                 q_value(quotient(fall, q_make(3, 1), q_make(1, 1000))), 6);
    check_number("exercise-answers/ball-t3-speed", q_value(q_mul(q_make(98, 10), q_make(3, 1))), 6);
    /* The backward quotient over [1, 2] is the forward one from 1. */
    check_number("exercise-answers/ball-backward",
                 q_value(quotient(fall, q_make(1, 1), q_make(1, 1))), 6);
}

/* ------------------------------------------------------------ section 2 */

static struct q cube(struct q x) { return q_pow(x, 3); }
static struct q square(struct q x) { return q_pow(x, 2); }
static struct q fourth(struct q x) { return q_pow(x, 4); }

static void cube_quotient_is_3x2_plus_3xh_plus_h2(void **state)
{
    (void)state;
    struct q x = q_make(2, 1), h = q_make(1, 10);
    struct q q = quotient(cube, x, h);
    /* The algebra's form of the same number. */
    struct q algebra = q_add(q_add(q_mul(q_make(3, 1), q_pow(x, 2)),
                                   q_mul(q_make(3, 1), q_mul(x, h))), q_pow(h, 2));
    assert_true(q.n == algebra.n && q.d == algebra.d);
    check_number("exercise-answers/cube-quotient", q_value(q), 6);
    check_number("exercise-answers/cube-slope", 12, 6);
}

/* The quotient of x^2 at 100, operation by operation, as the program's
 * table computes it; its best decimal step, found here. */
static double quotient_at_100(double h)
{
    volatile double xh = 100.0 + h, sq = xh * xh, base = 100.0 * 100.0;
    return (sq - base) / h;
}

static void square_at_100_is_best_near_100_sqrt_eps(void **state)
{
    (void)state;
    int best = 0;
    for (int k = 1; k <= 16; k++)
        if (fabs(quotient_at_100(pow(10.0, -k)) - 200) < fabs(quotient_at_100(pow(10.0, -best)) - 200))
            best = k;
    /* The rule's prediction 100 sqrt(eps) = 100 * 2^-26 lies within a
     * factor ten of the best decimal step. */
    double predicted = 100 * ldexp(1, -26);
    assert_true(pow(10.0, -best) / predicted < 10 && predicted / pow(10.0, -best) < 10);
    check_number("exercise-answers/square-100-best-h", pow(10.0, -best), 3);
    check_number("exercise-answers/square-100-best-error",
                 fabs(quotient_at_100(pow(10.0, -best)) - 200), 2);
    check_number("exercise-answers/square-100-predicted-h", predicted, 3);
    double small = fabs(quotient_at_100(1e-10) - 200);
    assert_true(small > 100 * fabs(quotient_at_100(pow(10.0, -best)) - 200));
    check_number("exercise-answers/square-100-error-small-h", small, 2);
}

/* ((x+h)^2 - (x-h)^2) / 2h = 2x exactly. */
static void central_difference_of_square_is_2x(void **state)
{
    (void)state;
    struct q x = q_make(3, 1), h = q_make(1, 1);
    struct q c = q_div(q_sub(square(q_add(x, h)), square(q_sub(x, h))), q_mul(q_make(2, 1), h));
    assert_true(c.n == 6 && c.d == 1);
    check_number("exercise-answers/central-square-h1", q_value(c), 6);
}

/* ------------------------------------------------------------ section 3 */

static void rise_and_run_of_square_are_exact(void **state)
{
    (void)state;
    struct q x = q_make(3, 2), h = q_make(1, 2);
    check_number("exercise-answers/rise-height-x", q_value(square(x)), 6);
    check_number("exercise-answers/rise-height-xh", q_value(square(q_add(x, h))), 6);
    struct q rise = q_sub(square(q_add(x, h)), square(x));
    struct q formula = q_add(q_mul(q_make(2, 1), q_mul(x, h)), q_pow(h, 2));
    assert_true(rise.n == formula.n && rise.d == formula.d);
    check_number("exercise-answers/rise-rise", q_value(rise), 6);
    check_number("exercise-answers/rise-slope", q_value(q_div(rise, h)), 6);
    struct q m1 = q_make(-1, 1);
    check_number("exercise-answers/rise-negative",
                 q_value(q_sub(square(q_add(m1, h)), square(m1))), 6);
    check_number("exercise-answers/rise-negative-slope", q_value(quotient(square, m1, h)), 6);
    check_number("exercise-answers/rise-missing", q_value(q_pow(q_make(1, 10), 2)), 6);
    check_number("exercise-answers/rise-without-square", 4, 6);
}

/* ------------------------------------------------------------ section 4 */

static void quartic_and_coarse_quotients_are_exact(void **state)
{
    (void)state;
    struct q one = q_make(1, 1), h = q_make(1, 10);
    check_number("exercise-answers/quartic-quotient", q_value(quotient(fourth, one, h)), 6);
    check_number("exercise-answers/quartic-slope", 4, 6);
    check_number("exercise-answers/coarse-square", q_value(quotient(square, one, h)), 6);
    check_number("exercise-answers/coarse-cube", q_value(quotient(cube, one, h)), 6);
    /* The largest gap over x = 0, 1/2, 1: h for x^2, 3xh + h^2 at x = 1
     * for x^3. */
    struct q gap_square = {0, 1}, gap_cube = {0, 1};
    for (int i = 0; i <= 2; i++) {
        struct q x = q_make(i, 2);
        struct q gs = q_sub(quotient(square, x, h), q_mul(q_make(2, 1), x));
        struct q gc = q_sub(quotient(cube, x, h), q_mul(q_make(3, 1), square(x)));
        if (q_value(gs) > q_value(gap_square))
            gap_square = gs;
        if (q_value(gc) > q_value(gap_cube))
            gap_cube = gc;
    }
    check_number("exercise-answers/coarse-square-gap", q_value(gap_square), 6);
    check_number("exercise-answers/coarse-cube-gap", q_value(gap_cube), 6);
    check_number("exercise-answers/square-slope-at-3", 6, 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rationals_add_and_multiply_exactly),
        cmocka_unit_test(ball_answers_are_exact_averages_of_49_10_t_squared),
        cmocka_unit_test(cube_quotient_is_3x2_plus_3xh_plus_h2),
        cmocka_unit_test(square_at_100_is_best_near_100_sqrt_eps),
        cmocka_unit_test(central_difference_of_square_is_2x),
        cmocka_unit_test(rise_and_run_of_square_are_exact),
        cmocka_unit_test(quartic_and_coarse_quotients_are_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
