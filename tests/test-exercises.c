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


/* ------------------------------------------------------------ section 5 */

static struct q cost(struct q q) { return q_add(q_pow(q, 2), q_mul(q_make(5, 1), q)); }

static void marginal_cost_and_next_unit_differ_by_one(void **state)
{
    (void)state;
    struct q ten = q_make(10, 1);
    struct q marginal = q_add(q_mul(q_make(2, 1), ten), q_make(5, 1));    /* C'(q) = 2q + 5 */
    struct q next = q_sub(cost(q_make(11, 1)), cost(ten));
    check_number("exercise-answers/marginal-10", q_value(marginal), 6);
    check_number("exercise-answers/next-unit-10", q_value(next), 6);
    check_number("exercise-answers/next-unit-excess", q_value(q_sub(next, marginal)), 6);
    /* L(w) = (2w - 6)^2: L'(1) = 2 (2 - 6) 2; zero at w = 3. */
    check_number("exercise-answers/gradient-y6", 2 * (2 - 6) * 2, 6);
    check_number("exercise-answers/gradient-y6-zero", q_value(q_make(6, 2)), 6);
}

/* ------------------------------------------------------------ section 6 */

static struct q x2y(struct q x, struct q y) { return q_mul(q_pow(x, 2), y); }

static void partials_by_hand_and_the_diagonal_slope(void **state)
{
    (void)state;
    /* f = x y^3 + x^2 at (2, 1): quotients in x and in y with h = 10^-3,
     * whose distance from the claimed partials is O(h). */
    struct q h = q_make(1, 1000), x = q_make(2, 1), y = q_make(1, 1);
#define F(a, b) q_add(q_mul((a), q_pow((b), 3)), q_pow((a), 2))
    struct q qx = q_div(q_sub(F(q_add(x, h), y), F(x, y)), h);
    struct q qy = q_div(q_sub(F(x, q_add(y, h)), F(x, y)), h);
#undef F
    assert_true(fabs(q_value(qx) - 5) < 1e-2 && fabs(q_value(qy) - 6) < 1e-2);
    check_number("exercise-answers/partial-dx", 5, 6);
    check_number("exercise-answers/partial-dy", 6, 6);
    struct q qn = q_div(q_sub(x2y(q_add(x, h), q_make(-1, 1)), x2y(x, q_make(-1, 1))), h);
    assert_true(fabs(q_value(qn) + 4) < 1e-2);
    check_number("exercise-answers/partial-neg-dx", -4, 6);
    check_number("exercise-answers/partial-pos-dx", 4, 6);
    /* At (3, 2) the diagonal quotient is exactly 21 + 8h + h^2. */
    struct q a = q_make(3, 1), b = q_make(2, 1);
    struct q diag = q_div(q_sub(x2y(q_add(a, h), q_add(b, h)), x2y(a, b)), h);
    struct q rest = q_sub(diag, q_add(q_make(21, 1), q_add(q_mul(q_make(8, 1), h), q_pow(h, 2))));
    assert_true(rest.n == 0);
    check_number("exercise-answers/partial-diagonal", 21, 6);
}

/* ------------------------------------------------------------ section 7 */

/* Section 7's data as exact decimals: y = 2x + 1 + noise. */
static const int noise_hundredths[8] = {30, -45, 20, 35, -30, -15, 40, -25};
static struct q data_x(int i) { return q_make(i - 2, 2); }
static struct q data_y(int i)
{
    return q_add(q_add(q_mul(q_make(2, 1), data_x(i)), q_make(1, 1)), q_make(noise_hundredths[i], 100));
}

static struct q loss_q(int n, struct q (*xs)(int), struct q (*ys)(int), struct q w, struct q b)
{
    struct q sum = {0, 1};
    for (int i = 0; i < n; i++)
        sum = q_add(sum, q_pow(q_sub(q_add(q_mul(w, xs(i)), b), ys(i)), 2));
    return q_div(sum, q_make(n, 1));
}

static struct q two_xs(int i) { return q_make(i + 1, 1); }
static struct q two_ys(int i) { return q_make(i ? 5 : 3, 1); }

static void one_step_on_two_examples_is_exact(void **state)
{
    (void)state;
    struct q zero = {0, 1}, dw = zero, db = zero;
    for (int i = 0; i < 2; i++) {
        struct q e = q_sub(zero, two_ys(i));
        dw = q_add(dw, q_mul(e, two_xs(i)));
        db = q_add(db, e);
    }  /* times 2/n = 1 */
    struct q w = q_mul(q_make(-1, 10), dw), b = q_mul(q_make(-1, 10), db);
    check_number("exercise-answers/step-loss-0", q_value(loss_q(2, two_xs, two_ys, zero, zero)), 6);
    check_number("exercise-answers/step-dw", q_value(dw), 6);
    check_number("exercise-answers/step-db", q_value(db), 6);
    check_number("exercise-answers/step-w", q_value(w), 6);
    check_number("exercise-answers/step-b", q_value(b), 6);
    check_number("exercise-answers/step-loss-1", q_value(loss_q(2, two_xs, two_ys, w, b)), 6);
}

/* Section 7's descent in long double, as tests/test-values.c repeats it,
 * at the two other rates; and the first step taken uphill, exactly. */
static long descent_epochs_ld(long double rate)
{
    long double w = -0.5L, b = -2.5L;
    for (long epochs = 0; epochs < 100000; epochs++) {
        long double gw = 0, gb = 0;
        for (int i = 0; i < 8; i++) {
            long double x = (i - 2) / 2.0L, y = 2 * x + 1 + noise_hundredths[i] / 100.0L;
            long double e = w * x + b - y;
            gw += e * x / 4;
            gb += e / 4;
        }
        if (sqrtl(gw * gw + gb * gb) <= 1e-10L)
            return epochs;
        w -= rate * gw;
        b -= rate * gb;
    }
    return -1;
}

static void other_rates_and_the_uphill_step(void **state)
{
    (void)state;
    long fast = descent_epochs_ld(0.3L), slow = descent_epochs_ld(0.01L);
    assert_true(fast > 0 && slow > fast);
    /* The stopping test meets rounding near 1e-10: a step either way. */
    check_between("exercise-answers/epochs-fast", fast - 1, fast + 1);
    check_between("exercise-answers/epochs-slow", slow - 1, slow + 1);
    struct q w = q_make(-1, 2), b = q_make(-5, 2), zero = {0, 1}, gw = zero, gb = zero;
    for (int i = 0; i < 8; i++) {
        struct q e = q_sub(q_add(q_mul(w, data_x(i)), b), data_y(i));
        gw = q_add(gw, q_mul(e, data_x(i)));
        gb = q_add(gb, e);
    }
    gw = q_mul(gw, q_make(2, 8));
    gb = q_mul(gb, q_make(2, 8));
    struct q up_w = q_add(w, q_mul(q_make(1, 10), gw)), up_b = q_add(b, q_mul(q_make(1, 10), gb));
    check_number("exercise-answers/uphill-loss-0", q_value(loss_q(8, data_x, data_y, w, b)), 4);
    check_number("exercise-answers/uphill-loss-1", q_value(loss_q(8, data_x, data_y, up_w, up_b)), 4);
    assert_true(q_value(loss_q(8, data_x, data_y, up_w, up_b)) > q_value(loss_q(8, data_x, data_y, w, b)));
}

/* ------------------------------------------------------------ section 8 */

static void fits_with_and_without_a_bias_are_exact(void **state)
{
    (void)state;
    struct q w = q_make(1 * 3 + 2 * 5, 1 + 4), zero = {0, 1};
    check_number("exercise-answers/origin-w", q_value(w), 6);
    check_number("exercise-answers/origin-loss", q_value(loss_q(2, two_xs, two_ys, w, zero)), 6);
    /* The line through (1, 3) and (2, 5). */
    check_number("exercise-answers/bias-w", 2, 6);
    check_number("exercise-answers/bias-b", 1, 6);
    assert_int_equal(loss_q(2, two_xs, two_ys, q_make(2, 1), q_make(1, 1)).n, 0);
    /* dL/db at w = 2, b = 0: (2/2) sum of the errors. */
    struct q db = zero;
    for (int i = 0; i < 2; i++)
        db = q_add(db, q_sub(q_mul(q_make(2, 1), two_xs(i)), two_ys(i)));
    check_number("exercise-answers/dldb-w2", q_value(db), 6);
    struct q sxy = zero, sxx = zero;
    for (int i = 0; i < 8; i++) {
        sxy = q_add(sxy, q_mul(data_x(i), data_y(i)));
        sxx = q_add(sxx, q_pow(data_x(i), 2));
    }
    struct q origin = q_div(sxy, sxx);
    check_number("exercise-answers/fit-origin-w", q_value(origin), 4);
    check_number("exercise-answers/fit-origin-loss", q_value(loss_q(8, data_x, data_y, origin, zero)), 4);
    /* F + 10 = 9/5 C + 42 exactly, so the fit with a bias is that line. */
    check_number("exercise-answers/shift-w", q_value(q_make(9, 5)), 6);
    check_number("exercise-answers/shift-b", 42, 6);
}

/* ------------------------------------------------------------ section 9 */

static void rates_on_steeper_bowls(void **state)
{
    (void)state;
    check_number("exercise-answers/steeper-threshold", q_value(q_make(1, 3)), 4);
    struct q factor = q_sub(q_make(1, 1), q_mul(q_make(1, 4), q_make(6, 1)));
    check_number("exercise-answers/steeper-factor", q_value(factor), 6);
    check_number("exercise-answers/steeper-x2", q_value(q_mul(q_make(10, 1), q_pow(factor, 2))), 6);
    const struct q rates[3] = {{1, 20}, {1, 5}, {11, 10}};
    const char *keys[3] = {"exercise-answers/three-steps-0", "exercise-answers/three-steps-1",
                           "exercise-answers/three-steps-2"};
    for (int i = 0; i < 3; i++) {
        struct q f = q_sub(q_make(1, 1), q_mul(q_make(2, 1), rates[i]));
        check_number(keys[i], q_value(q_mul(q_make(10, 1), q_pow(f, 3))), 6);
    }
    check_number("exercise-answers/one-step-rate", q_value(q_make(1, 2)), 6);
    /* With every x doubled: H = 2 [[mean (2x)^2, mean 2x], [mean 2x, 1]]. */
    struct q m1 = {0, 1}, m2 = {0, 1};
    for (int i = 0; i < 8; i++) {
        struct q x2 = q_mul(q_make(2, 1), data_x(i));
        m1 = q_add(m1, q_mul(x2, q_make(1, 8)));
        m2 = q_add(m2, q_mul(q_pow(x2, 2), q_make(1, 8)));
    }
    struct q ww = q_mul(q_make(2, 1), m2), wb = q_mul(q_make(2, 1), m1);
    check_number("exercise-answers/double-hessian-ww", q_value(ww), 6);
    check_number("exercise-answers/double-hessian-wb", q_value(wb), 6);
    check_number("exercise-answers/double-hessian-bb", 2, 6);
    /* The larger root of lambda^2 - (ww + 2) lambda + (2 ww - wb^2) = 0. */
    long double p = q_value(ww), r = 2, c = q_value(wb);
    long double lambda = (p + r) / 2 + sqrtl((p - r) * (p - r) / 4 + c * c);
    assert_true(fabsl(lambda * lambda - (p + r) * lambda + (p * r - c * c)) < 1e-12L);
    check_number("exercise-answers/double-lambda-max", (double)lambda, 5);
    check_number("exercise-answers/double-threshold", (double)(2 / lambda), 4);
    assert_true(2 / lambda > 0.1L);
}

/* ------------------------------------------------------------ section 10 */

static void knob_turns_and_settling(void **state)
{
    (void)state;
    struct q eta = q_make(1, 20);
    /* w <- w - eta 2 (w x - y) x from w = 0. */
    check_number("exercise-answers/turn-loud", q_value(q_mul(q_mul(eta, q_make(2 * 3, 1)), q_make(2, 1))), 6);
    check_number("exercise-answers/turn-quiet",
                 q_value(q_mul(q_mul(eta, q_mul(q_make(2, 1), q_make(3, 10))), q_make(1, 5))), 6);
    check_number("exercise-answers/knob-rate-1-factor", 1 - 2 * 1 * 2 * 2, 6);
    /* With exact targets target * x, the distance from the target shrinks
     * by (1 - 2 eta x^2), or (1 - 2 eta x) without the last x, at every
     * song: after tune-knob's 200 songs (their loudness as in
     * tests/test-values.c) both are far below the digits printed, so the
     * knob, started at 0, ends at the target. */
    const long double golden = (sqrtl(5) - 1) / 2;
    long double far = 1, far_without_x = 1;
    for (int i = 0; i < 200; i++) {
        long double x = 0.2L + 1.8L * fmodl((i + 1) * golden, 1);   /* song i's loudness */
        far *= fabsl(1 - 2 * 0.05L * x * x);
        far_without_x *= fabsl(1 - 2 * 0.05L * x);
    }
    assert_true(far * 0.5L < 0.5e-6L * 0.5L && far_without_x * 1.5L < 0.5e-6L * 1.5L);
    check_number("exercise-answers/knob-half", 0.5, 6);
    check_number("exercise-answers/knob-without-x", 1.5, 6);
}

/* ------------------------------------------------------------ section 11 */

static void dual_numbers_by_hand(void **state)
{
    (void)state;
    /* (a + a' e)(b + b' e) = ab + (a'b + ab') e, e^2 = 0, in rationals. */
    struct q v = q_make(2, 1), d = q_make(1, 1);
    struct q v2 = q_mul(v, v), d2 = q_add(q_mul(d, v), q_mul(v, d));
    struct q v3 = q_mul(v2, v), d3 = q_add(q_mul(d2, v), q_mul(v2, d));
    check_number("exercise-answers/dual-cube-value", q_value(v3), 6);
    check_number("exercise-answers/dual-cube-slope", q_value(d3), 6);
    /* (1 + e)(1 - e) = 1: the slope of 1/(1 + e) is -1. */
    check_number("exercise-answers/dual-reciprocal-slope", -1, 6);
    /* Without a'b: (3 + e)(3 + e) has slope 3 * 1. */
    check_number("exercise-answers/dual-half-slope", 3, 6);
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
        cmocka_unit_test(marginal_cost_and_next_unit_differ_by_one),
        cmocka_unit_test(partials_by_hand_and_the_diagonal_slope),
        cmocka_unit_test(one_step_on_two_examples_is_exact),
        cmocka_unit_test(other_rates_and_the_uphill_step),
        cmocka_unit_test(fits_with_and_without_a_bias_are_exact),
        cmocka_unit_test(rates_on_steeper_bowls),
        cmocka_unit_test(knob_turns_and_settling),
        cmocka_unit_test(dual_numbers_by_hand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
