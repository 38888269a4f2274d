/* Every number the prose quotes (\val{program/key} in doc.nw), as printed
 * in build/data/<program>/values.tex, against a reference computed here
 * another way: the closed form, the algebra, exact integer arithmetic, or
 * a second method in long double.  tests/values.h says how a check works;
 * tests/check-values.sh fails `make check` for a key no test checked. */
#define _POSIX_C_SOURCE 200809L
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "calculus.h"
#include "examples.h"
#include "linear.h"
#include "values.h"
#include "run-program.h"

/* ------------------------------------------------------------ section 1 */

/* s(t) = g t^2 / 2: the average over [t, t + dt] is g t + g dt / 2. */
static void falling_ball_averages_are_g_t_plus_half_g_dt(void **state)
{
    (void)state;
    const long double g = option_default("falling-ball", "gravity"),
                      t = option_default("falling-ball", "t");
    check_number("falling-ball/g", (double)g, 6);
    check_number("falling-ball/half-g", (double)(g / 2), 6);
    check_number("falling-ball/t", (double)t, 6);
    check_number("falling-ball/t-plus-1", (double)(t + 1), 6);
    check_number("falling-ball/speed", (double)(g * t), 6);
    char formula[64];
    snprintf(formula, sizeof formula, "%.6Lg + %.6Lg\\,\\Delta t", g * t, g / 2);
    check_text("falling-ball/average-formula", formula);
    check_number("falling-ball/average-0", (double)(g * t + g / 2), 10);
    check_number("falling-ball/average-1", (double)(g * t + g / 2 / 10), 10);
    check_number("falling-ball/average-2", (double)(g * t + g / 2 / 100), 10);
}

/* ------------------------------------------------------------ section 2 */

/* The point x of section 2, as limit-quotient's description gives it.
 * The exact integer reference below needs a whole x from 1 to 15 (its
 * squares, in units of 2^-120, fit 128 bits). */
static double limit_x(void)
{
    double x = option_default("limit-quotient", "x");
    if (!(x >= 1 && x <= 15 && x == floor(x)))
        fail_msg("limit-quotient's default x = %g: these references need a whole x in [1, 15]",
                 x);
    return x;
}

/* The gap between x and the next double: 2^(e - 53) for x = m 2^e with
 * m in [1/2, 1), from the 53 bits of the significand. */
static double gap_above(double x)
{
    int e;
    frexp(x, &e);
    return ldexp(1, e - 53);
}

/* The quotient of x^2 at x is 2x + h in exact arithmetic. */
static void limit_quotients_are_2x_plus_h(void **state)
{
    (void)state;
    const double x = limit_x();
    check_number("limit-quotient/x", x, 6);
    check_number("limit-quotient/fx", x * x, 6);
    check_number("limit-quotient/slope", 2 * x, 6);
    char tangent[64];   /* y = f(x) + f'(x) (u - x) = 2x u - x^2 */
    snprintf(tangent, sizeof tangent, "%gx - %g", 2 * x, x * x);
    check_text("limit-quotient/tangent", tangent);
    check_number("limit-quotient/quotient-0", 2 * x + 1, 10);
    check_number("limit-quotient/quotient-1", 2 * x + 0.1, 10);
    check_number("limit-quotient/quotient-2", 2 * x + 0.01, 10);
    check_number("limit-quotient/quotient-3", 2 * x + 0.001, 10);
}

/* A double has 53 significant bits: the gap above 1 is 2^-52, the gap
 * above x is gap_above(x), and sqrt(eps f(x)) = x 2^-26. */
static void limit_epsilon_and_balance_follow_from_53_bits(void **state)
{
    (void)state;
    const double x = limit_x();
    check_number("limit-quotient/epsilon", ldexp(1, -52), 2);
    check_number("limit-quotient/sqrt-epsilon", ldexp(1, -26), 3);
    check_number("limit-quotient/gap-at-x", gap_above(x), 2);
    /* Below 2^-1022 the exponent runs out and the gaps stop shrinking. */
    check_number("limit-quotient/smallest-normal", ldexp(1, -1022), 2);
    check_number("limit-quotient/balance-h", x * ldexp(1, -26), 2);
    check_number("limit-quotient/balance-error", 2 * x * ldexp(1, -26), 2);
}

/* The quotient of x^2 at x computed here, operation by operation. */
static double quotient_at(double x, double h)
{
    volatile double xh = x + h, square = xh * xh;
    return (square - x * x) / h;
}

/* "the error falls at every step down to h = 10^-8 ... and at every
 * smaller step it is larger": checked for every row of the table. */
static void limit_decimal_error_falls_to_its_best_then_stays_above(void **state)
{
    (void)state;
    const double x = limit_x();
    const int decades = 16;
    int best = 0;
    double error[17];
    for (int k = 0; k <= decades; k++) {
        error[k] = fabs(quotient_at(x, pow(10.0, -k)) - 2 * x);
        if (error[k] < error[best])
            best = k;
    }
    for (int k = 1; k <= best; k++)
        assert_true(error[k] < error[k - 1]);
    for (int k = best + 1; k <= decades; k++)
        assert_true(error[k] > error[best]);
    struct decimal_steps walk = walk_decimal_steps(x_squared, x, decades);
    assert_int_equal(walk.best_k, best);
    assert_true(walk.best_error == error[best]);
    check_number("limit-quotient/best-decimal-h", pow(10.0, -best), 3);
    check_number("limit-quotient/best-decimal-error", error[best], 2);
    /* The first decimal step below half the gap above x. */
    int collapse = 0;
    while (!(pow(10.0, -collapse) < gap_above(x) / 2))
        collapse++;
    assert_true(collapse <= decades);
    check_number("limit-quotient/collapse-h", pow(10.0, -collapse), 3);
    check_number("limit-quotient/collapse-quotient", 0, 3);
    assert_true(quotient_at(x, pow(10.0, -collapse)) == 0);
    assert_true(quotient_at(x, pow(10.0, -(collapse - 1))) != 0);
    assert_int_equal(walk.collapse_k, collapse);
}

/* "The rows from h = 10^-9 to 10^-11 all show 6.000000496 ... the step
 * the computer actually takes, (x + h) - x, is h times the same factor":
 * x + h rounds to x + n g, g the gap above x and n the integer nearest
 * 10^-k / g, found here in long double (64 bits hold 10^-k / g to far
 * better than the 0.001 by which it misses a half-integer), so the factor
 * is n g / 10^-k, the same in exact arithmetic for every row of the run. */
static void limit_repeated_rows_share_one_rounded_step(void **state)
{
    (void)state;
    const double x = limit_x(), gap = gap_above(x);
    int first = -1, last = -1;
    for (int k = 1; k <= 16; k++) {
        double q = quotient_at(x, pow(10.0, -k));
        if (q == quotient_at(x, pow(10.0, -(k - 1))) && q != 0) {
            if (first < 0)
                first = k - 1;
            last = k;
        } else if (first >= 0) {
            break;
        }
    }
    if (first < 0) {   /* no two rows repeat at this x */
        check_text("limit-quotient/repeat-first-h", "\\text{(none)}");
        check_text("limit-quotient/repeat-last-h", "\\text{(none)}");
        check_text("limit-quotient/repeat-step-ratio", "\\text{(none)}");
        check_text("limit-quotient/repeat-quotient", "\\text{(none)}");
        return;
    }
    long double ratio[17];
    for (int k = first; k <= last; k++) {
        long double scaled = powl(10.0L, -k) / gap;
        long double n = rintl(scaled);
        assert_true(fabsl(scaled - n) < 0.499L);     /* no tie, no doubt */
        ratio[k] = n / scaled;
        assert_true(fabsl(ratio[k] / ratio[first] - 1) < 1e-13L);
        volatile double h = pow(10.0, -k), xh = x + h, step = xh - x, rise = xh * xh - x * x;
        assert_true(step == (double)(n * gap));
        assert_true(rise == 2 * x * step);           /* "exactly 2x times that step" */
    }
    check_number("limit-quotient/repeat-first-h", pow(10.0, -first), 3);
    check_number("limit-quotient/repeat-last-h", pow(10.0, -last), 3);
    check_number("limit-quotient/repeat-step-ratio", (double)ratio[first], 11);
    check_number("limit-quotient/repeat-quotient", (double)(2 * x * ratio[first]), 10);
}

/* The bottom of the V on the grid h = 10^(-j/8), j = 0 ... 8 * 18. */
static void limit_bottom_of_the_v_is_the_grid_minimum(void **state)
{
    (void)state;
    const double x = limit_x();
    double best_h = 1, best_error = INFINITY;
    for (int j = 0; j <= 8 * 18; j++) {
        double h = pow(10.0, -(double)j / 8), error = fabs(quotient_at(x, h) - 2 * x);
        if (error < best_error) {
            best_error = error;
            best_h = h;
        }
    }
    check_number("limit-quotient/per-decade", 8, 2);
    check_number("limit-quotient/best-h", best_h, 2);
    check_number("limit-quotient/best-error", best_error, 2);
    /* "near the predicted step, and ... times below the predicted error" */
    double predicted = x * ldexp(1, -26);
    assert_true(best_h > predicted / 3 && best_h < predicted * 3);
    assert_true(best_error < 2 * predicted);
    check_number("limit-quotient/best-below", 2 * predicted / best_error, 2);
}

/* Exact integer arithmetic: round n (a count of some power of two) to the
 * 53 significant bits of a double, ties to even. */
__extension__ typedef unsigned __int128 wide;

static wide round_to_double(wide n)
{
    int bits = 0;
    for (wide m = n; m; m >>= 1)
        bits++;
    if (bits <= 53)
        return n;
    int drop = bits - 53;
    wide kept = n >> drop, rest = n & (((wide)1 << drop) - 1), half = (wide)1 << (drop - 1);
    if (rest > half || (rest == half && (kept & 1)))
        kept++;
    return kept << drop;
}

/* The kind of the quotient of x^2 at a whole x = m with h = 2^-k, and the
 * quotient, from integers: m + h is (m 2^k + 1) units of 2^-k; its square
 * is in units of 2^-2k; the rise divided by h is rise / 2^k. */
static enum quotient_kind reference_kind(wide m, int k, double *quotient)
{
    wide unit_k = (wide)1 << k, sum = round_to_double(m * unit_k + 1);
    wide square = round_to_double(sum * sum), rise = square - m * m * unit_k * unit_k;
    *quotient = ldexp((double)rise, -k);
    if (sum == m * unit_k)
        return QUOTIENT_COLLAPSED;
    if (rise == 2 * m * unit_k + 1)
        return QUOTIENT_IS_2X_PLUS_H;
    if (rise == 2 * m * unit_k)
        return QUOTIENT_IS_SLOPE;
    return QUOTIENT_OTHER;
}

/* The run of one kind: its first k as a number, or "(none)". */
static void check_run_end(const char *key, int k)
{
    if (k < 0)
        check_text(key, "\\text{(none)}");
    else
        check_number(key, k, 3);
}

/* "for every k from 0 to 24 ... from 25 to 50 ... at 51 ... from 52 to
 * 60": every k of the range, the library's kind and the quotient against
 * the integers, then the runs the prose quotes. */
static void limit_every_power_of_two_from_0_to_60_is_of_its_stated_kind(void **state)
{
    (void)state;
    const double x = limit_x();
    const int last = 60;
    int first_of[4] = {-1, -1, -1, -1}, last_of[4] = {-1, -1, -1, -1};
    double odd_quotient = NAN;
    for (int k = 0; k <= last; k++) {
        double q;
        enum quotient_kind kind = reference_kind((wide)x, k, &q);
        assert_int_equal(square_quotient_kind(x, ldexp(1, -k)), kind);
        assert_true(difference_quotient(x_squared, x, ldexp(1, -k)) == q);
        if (first_of[kind] < 0)
            first_of[kind] = k;
        else
            assert_int_equal(last_of[kind], k - 1);   /* each kind is one run */
        last_of[kind] = k;
        if (kind == QUOTIENT_OTHER)
            odd_quotient = q;
    }
    assert_int_equal(first_of[QUOTIENT_IS_2X_PLUS_H], 0);
    assert_int_equal(first_of[QUOTIENT_OTHER], last_of[QUOTIENT_OTHER]);
    assert_int_equal(last_of[QUOTIENT_COLLAPSED], last);
    check_run_end("limit-quotient/pow2-exact-last", last_of[QUOTIENT_IS_2X_PLUS_H]);
    check_run_end("limit-quotient/pow2-slope-first", first_of[QUOTIENT_IS_SLOPE]);
    check_run_end("limit-quotient/pow2-slope-last", last_of[QUOTIENT_IS_SLOPE]);
    check_run_end("limit-quotient/pow2-odd-k", first_of[QUOTIENT_OTHER]);
    if (first_of[QUOTIENT_OTHER] >= 0) {
        check_number("limit-quotient/pow2-odd-quotient", odd_quotient, 6);
        check_number("limit-quotient/pow2-odd-error", fabs(odd_quotient - 2 * x), 6);
    } else {
        check_text("limit-quotient/pow2-odd-quotient", "\\text{(none)}");
        check_text("limit-quotient/pow2-odd-error", "\\text{(none)}");
    }
    check_run_end("limit-quotient/pow2-collapse", first_of[QUOTIENT_COLLAPSED]);
    check_number("limit-quotient/pow2-last", last, 3);
    /* The ties the prose names: h^2 where the slope run starts is at most
     * half the gap near x^2 (exactly half at x = 3), and h where the
     * collapse starts is exactly half the gap above x. */
    assert_true(ldexp(1, -2 * first_of[QUOTIENT_IS_SLOPE]) <= gap_above(x * x) / 2);
    assert_true(ldexp(1, -first_of[QUOTIENT_COLLAPSED]) == gap_above(x) / 2);
}

/* ------------------------------------------------------------ section 3 */

/* rise = (x + h)^2 - x^2 = 2xh + h^2, slope = 2x + h, at the x and h of
 * rise-run's description. */
static void rise_run_numbers_follow_from_2xh_plus_h_squared(void **state)
{
    (void)state;
    const double x = option_default("rise-run", "x"), h = option_default("rise-run", "h");
    check_number("rise-run/x", x, 6);
    check_number("rise-run/h", h, 6);
    check_number("rise-run/x-plus-h", x + h, 6);
    check_number("rise-run/height-x", x * x, 6);
    check_number("rise-run/height-xh", (x + h) * (x + h), 6);
    check_number("rise-run/rise", 2 * x * h + h * h, 6);
    check_number("rise-run/slope", 2 * x + h, 6);
}

/* ------------------------------------------------------------ section 4 */

/* The leftover terms: h for x^2 and 3xh + h^2 for x^3, largest at an
 * end of the description's range [from, to]. */
static void derivative_function_errors_are_the_leftover_terms(void **state)
{
    (void)state;
    const char *program = "derivative-function";
    const double h = option_default(program, "h"), from = option_default(program, "from"),
                 to = option_default(program, "to");
    check_number("derivative-function/h", h, 3);
    check_number("derivative-function/points", option_default(program, "points"), 6);
    check_number("derivative-function/from", from, 6);
    check_number("derivative-function/to", to, 6);
    check_number("derivative-function/max-error-square", h, 2);
    check_number("derivative-function/max-error-cube",
                 fmax(fabs(3 * from * h + h * h), fabs(3 * to * h + h * h)), 2);
}

/* ------------------------------------------------------------ section 5 */

/* C(q) = q^2 + 5q, C'(q) = 2q + 5; L(w) = (wx - y)^2, L' = 2(wx - y)x. */
static void slope_disguise_numbers_follow_from_the_closed_forms(void **state)
{
    (void)state;
    const double q = option_default("slope-disguise", "q"), x = 2, y = 4,
                 w = option_default("slope-disguise", "w");
    check_number("slope-disguise/h", 1e-6, 3);
    check_number("slope-disguise/q", q, 6);
    check_number("slope-disguise/marginal", 2 * q + 5, 6);
    check_number("slope-disguise/next-unit", ((q + 1) * (q + 1) + 5 * (q + 1)) - (q * q + 5 * q),
                 6);
    check_number("slope-disguise/example-x", x, 6);
    check_number("slope-disguise/example-y", y, 6);
    check_number("slope-disguise/w", w, 6);
    check_number("slope-disguise/gradient", 2 * (w * x - y) * x, 6);
}

/* ------------------------------------------------------------ section 6 */

/* f = x^2 y: df/dx = 2xy, df/dy = x^2; the x quotient is exactly
 * y (2x + h) in real arithmetic, the y quotient exactly x^2, here off by
 * rounding alone (computed in double, operation by operation). */
static void partial_slopes_follow_from_x_squared_y(void **state)
{
    (void)state;
    const double x = option_default("partial-slopes", "x"),
                 y = option_default("partial-slopes", "y"),
                 h = option_default("partial-slopes", "h");
    check_number("partial-slopes/x", x, 6);
    check_number("partial-slopes/y", y, 6);
    check_number("partial-slopes/f", x * x * y, 6);
    check_number("partial-slopes/h", h, 3);
    check_number("partial-slopes/dfdx", 2 * x * y, 6);
    check_number("partial-slopes/dfdy", x * x, 6);
    check_number("partial-slopes/numeric-dfdx", (double)(y * (2 * x + (long double)h)), 10);
    volatile double yh = y + h, above = x * x * yh, here = x * x * y;
    double numeric = (above - here) / h;
    check_number("partial-slopes/numeric-dfdy", numeric, 10);
    assert_true(numeric != x * x && fabs(numeric - x * x) < 1e-8);
}

/* ------------------------------------------------------------ section 7 */

/* Least squares in long double from the centred sums. */
struct ld_line {
    long double w, b;
};

static struct ld_line least_squares_ld(const struct samples *s)
{
    long double mx = 0, my = 0, sxy = 0, sxx = 0;
    for (size_t i = 0; i < s->n; i++) {
        mx += s->x[i];
        my += s->y[i];
    }
    mx /= s->n;
    my /= s->n;
    for (size_t i = 0; i < s->n; i++) {
        sxy += (s->x[i] - mx) * (s->y[i] - my);
        sxx += (s->x[i] - mx) * (s->x[i] - mx);
    }
    return (struct ld_line){sxy / sxx, my - sxy / sxx * mx};
}

static long double loss_ld(const struct samples *s, long double w, long double b)
{
    long double sum = 0;
    for (size_t i = 0; i < s->n; i++) {
        long double e = w * s->x[i] + b - s->y[i];
        sum += e * e;
    }
    return sum / s->n;
}

static void gradient_ld(const struct samples *s, long double w, long double b,
                        long double *gw, long double *gb)
{
    *gw = *gb = 0;
    for (size_t i = 0; i < s->n; i++) {
        long double e = w * s->x[i] + b - s->y[i];
        *gw += 2 * e * s->x[i] / s->n;
        *gb += 2 * e / s->n;
    }
}

/* The descent of section 7 repeated in long double: the same steps, the
 * same stopping rule, and the closed form it must reach. */
static void descend_loss_reaches_the_closed_form_least_squares_line(void **state)
{
    (void)state;
    const struct samples *s = &noisy_line_samples;
    const long double rate = option_default("descend-loss", "rate"),
                      tolerance = option_default("descend-loss", "tolerance"),
                      start_w = option_default("descend-loss", "start-w"),
                      start_b = option_default("descend-loss", "start-b");
    long double w = start_w, b = start_b, gw, gb;
    long epochs = 0;
    for (gradient_ld(s, w, b, &gw, &gb); sqrtl(gw * gw + gb * gb) > tolerance;
         gradient_ld(s, w, b, &gw, &gb)) {
        w -= rate * gw;
        b -= rate * gb;
        epochs++;
    }
    struct ld_line best = least_squares_ld(s);
    check_number("descend-loss/n", 8, 6);
    check_number("descend-loss/true-w", 2, 6);
    check_number("descend-loss/true-b", 1, 6);
    check_number("descend-loss/start-w", (double)start_w, 6);
    check_number("descend-loss/start-b", (double)start_b, 6);
    check_number("descend-loss/rate", (double)rate, 6);
    check_number("descend-loss/tolerance", (double)tolerance, 2);
    check_number("descend-loss/epochs", (double)epochs, 8);
    check_number("descend-loss/w", (double)best.w, 8);
    check_number("descend-loss/b", (double)best.b, 8);
    check_number("descend-loss/loss", (double)loss_ld(s, best.w, best.b), 4);
    check_number("descend-loss/exact-w", (double)best.w, 8);
    check_number("descend-loss/exact-b", (double)best.b, 8);
    check_number("descend-loss/slice-b", (double)best.b, 4);
    check_number("descend-loss/slice-w", 0, 4);
    gradient_ld(s, 0, best.b, &gw, &gb);
    check_number("descend-loss/slice-slope", (double)gw, 4);
}

/* ------------------------------------------------------------ section 8 */

static const double celsius[] = {-40, -20, -5, 0, 15, 37, 60, 100};
enum { TEMPERATURES = sizeof celsius / sizeof celsius[0] };

/* Section 8's fit centres x and y and divides them by the powers of two
 * s at or above their root mean square, so mean x'^2 = a lies in
 * [1/4, 1) and the scaled loss is a w'^2 + b'^2 - 2 c w' + const with
 * c = a w s_x / s_y.  From (0, 0) a step of rate 0.1 multiplies w' - c/a
 * by 1 - 0.2 a (b' stays 0), so the gradient is 2 |c| (1 - 0.2 a)^k and
 * the descent stops at the first k where that is at most the tolerance. */
static long double power_of_two_above(long double rms)
{
    int e;
    frexpl(rms, &e);
    return ldexpl(1, e);
}

static long steps_to_tolerance(long double a, long double c, long double tolerance)
{
    long k = 0;
    for (long double g = 2 * fabsl(c); g > tolerance; g *= 1 - 0.2L * a)
        k++;
    return k;
}

/* The best line through the origin is w = sum xy / sum x^2; the law has
 * loss zero; the fitted line's loss is the distance the stopped descent
 * left, (1.8 (1 - 0.2 a)^k)^2 times the variance of the temperatures. */
static void bias_fit_numbers_follow_from_the_algebra_of_both_fits(void **state)
{
    (void)state;
    long double sxy = 0, sxx = 0, mean = 0, variance = 0;
    double fahrenheit[TEMPERATURES];
    for (int i = 0; i < TEMPERATURES; i++) {
        fahrenheit[i] = 1.8 * celsius[i] + 32;
        sxy += celsius[i] * (1.8L * celsius[i] + 32);
        sxx += (long double)celsius[i] * celsius[i];
        mean += celsius[i] / (long double)TEMPERATURES;
    }
    for (int i = 0; i < TEMPERATURES; i++)
        variance += (celsius[i] - mean) * (celsius[i] - mean) / TEMPERATURES;
    long double w = sxy / sxx, loss = 0;
    for (int i = 0; i < TEMPERATURES; i++) {
        long double gap = 1.8L * celsius[i] + 32 - w * celsius[i];
        assert_true(gap > 0);       /* "it passes below every point" */
        loss += gap * gap / TEMPERATURES;
    }
    check_number("bias-fit/n", TEMPERATURES, 4);
    check_number("bias-fit/min-c", celsius[0], 4);
    check_number("bias-fit/max-c", celsius[TEMPERATURES - 1], 4);
    check_number("bias-fit/origin-w", (double)w, 6);
    check_number("bias-fit/origin-loss", (double)loss, 4);
    check_number("bias-fit/origin-gap-min-c", (double)(32 + (1.8L - w) * celsius[0]), 2);
    check_number("bias-fit/origin-gap-max-c",
                 (double)(32 + (1.8L - w) * celsius[TEMPERATURES - 1]), 2);
    check_number("bias-fit/law-w", 1.8, 6);
    check_number("bias-fit/law-b", 32, 6);
    check_number("bias-fit/w", 1.8, 10);
    check_number("bias-fit/b", 32, 10);
    check_number("bias-fit/tolerance", 1e-12, 2);
    /* exact data: y - y_mean = 1.8 (x - x_mean), so s_y is s_x * 2 */
    long double sx = power_of_two_above(sqrtl(variance)), a = variance / (sx * sx);
    long double c = a * 1.8L * sx / (2 * sx);
    long k = steps_to_tolerance(a, c, 1e-12L);
    check_number("bias-fit/loss",
                 (double)(powl(1.8L * powl(1 - 0.2L * a, k), 2) * variance), 2);
    const struct samples data = {TEMPERATURES, celsius, fahrenheit};
    struct descent_settings settings = {0.1, 10000, 1e-12, false};
    struct fit fit = fit_line(&data, &settings);
    assert_int_equal(fit.descent.status, DESCENT_CONVERGED);
    /* The printed loss is also the loss of the line the fit returns,
     * computed here in long double; it is not zero only because of the
     * tolerance: the loss falls with the tolerance, and with tolerance 0
     * the fit returns the law itself. */
    check_number("bias-fit/loss", (double)loss_ld(&data, fit.descent.line.w, fit.descent.line.b),
                 2);
    double previous = INFINITY;
    for (double tolerance = 1e-6; tolerance >= 1e-14; tolerance /= 100) {
        settings.tolerance = tolerance;
        fit = fit_line(&data, &settings);
        assert_true(fit.descent.loss < previous && fit.descent.loss > 0);
        previous = fit.descent.loss;
    }
    settings.tolerance = 0;
    fit = fit_line(&data, &settings);
    assert_true(fit.descent.line.w == 1.8 && fit.descent.line.b == 32);   /* the law itself */
    assert_true(mean_squared_error(&data, (struct line){1.8, 32}) == 0);
    check_number("bias-fit/law-loss", 0, 2);
    /* dL/db = 2 * mean(w x + 0 - (w x + 32)) = -64 */
    check_number("bias-fit/dldb-at-zero", -2 * 32, 6);
    /* dL/dw = 2 * mean((w x - (w x + 32)) x) = -64 * mean(x), "larger still" */
    assert_true(fabsl(-64 * mean) > 64);
    check_number("bias-fit/dldw-at-zero", (double)(-64 * mean), 6);
}

/* fit-line on section 7's data: the closed form (it descends to the last
 * bit, tolerance 0), and its defaults. */
static void fit_line_numbers_are_the_closed_form_and_the_defaults(void **state)
{
    (void)state;
    struct ld_line best = least_squares_ld(&noisy_line_samples);
    check_number("fit-line/default-rate", 0.1, 6);
    check_number("fit-line/default-epochs", 100000, 8);
    check_number("fit-line/default-tolerance", 0, 2);
    check_number("fit-line/w", (double)best.w, 8);
    check_number("fit-line/b", (double)best.b, 8);
}

/* ------------------------------------------------------------ section 9 */

/* x_k = (1 - 2 eta)^k x_0 on f(x) = x^2. */
static void learning_rate_parabola_follows_the_factor_1_minus_2_eta(void **state)
{
    (void)state;
    const long double rates[] = {0.05L, 0.2L, 1.1L},
                      start = option_default("learning-rate", "start");
    const int steps = (int)option_default("learning-rate", "steps");
    check_number("learning-rate/start", (double)start, 6);
    check_number("learning-rate/steps", steps, 6);
    check_number("learning-rate/threshold", 1, 3);    /* |1 - 2 eta| < 1 */
    for (int i = 0; i < 3; i++) {
        char key[64];
        snprintf(key, sizeof key, "learning-rate/rate-%d", i);
        check_number(key, (double)rates[i], 4);
        snprintf(key, sizeof key, "learning-rate/factor-%d", i);
        check_number(key, (double)(1 - 2 * rates[i]), 4);
        snprintf(key, sizeof key, "learning-rate/x-%d", i);
        check_number(key, (double)(powl(1 - 2 * rates[i], steps) * start), 3);
    }
}

/* 2 / lambda_max of the Hessian 2 [[mean x^2, mean x], [mean x, 1]],
 * here by power iteration; the first rising step by a long double
 * descent with the library's rule (a rise of more than 1e-9 relative). */
static void learning_rate_limit_is_2_over_the_largest_curvature(void **state)
{
    (void)state;
    const struct samples *s = &noisy_line_samples;
    long double m1 = 0, m2 = 0;
    for (size_t i = 0; i < s->n; i++) {
        m1 += s->x[i] / (long double)s->n;
        m2 += s->x[i] * (long double)s->x[i] / s->n;
    }
    long double v0 = 1, v1 = 0, lambda = 0;
    for (int it = 0; it < 1000; it++) {
        long double a = 2 * (m2 * v0 + m1 * v1), c = 2 * (m1 * v0 + v1);
        lambda = sqrtl(a * a + c * c);
        v0 = a / lambda;
        v1 = c / lambda;
    }
    long double limit = 2 / lambda;
    const long double fractions[] = {0.02L, 0.5L, 1.05L};
    check_number("learning-rate/loss-threshold", (double)limit, 4);
    for (int i = 0; i < 3; i++) {
        char key[64];
        snprintf(key, sizeof key, "learning-rate/loss-rate-%d", i);
        check_number(key, (double)(fractions[i] * limit), 3);
    }
    long double w = 0, b = 0, loss = loss_ld(s, w, b), rate = fractions[2] * limit;
    long epoch = 0;
    for (;;) {
        long double gw, gb;
        gradient_ld(s, w, b, &gw, &gb);
        w -= rate * gw;
        b -= rate * gb;
        epoch++;
        long double next = loss_ld(s, w, b);
        if (next > loss * (1 + 1e-9L))
            break;
        loss = next;
        assert_true(epoch < 1000);
    }
    check_number("learning-rate/diverged-at", (double)epoch, 6);
}

/* ------------------------------------------------------------ section 10 */

/* The songs computed here in long double: x_i = 0.2 + 1.8 frac((i+1) phi),
 * y_i = 1.5 x_i + noise (2 frac((i+1) sqrt 2) - 1).  Each turn is affine,
 * w <- a_i w + c_i with a_i = 1 - 2 eta x_i^2 and c_i = 2 eta x_i y_i, so
 * the final knob is the closed form  w_N = sum_i c_i prod_{j>i} a_j
 * + w_0 prod_j a_j, summed here from the last song backwards. */
struct knob_reference {
    long double final, best;
};

/* tune-knob's description gives the count, the start, the rate, the
 * target and the noise (the range of loudness is fixed in its example). */
static double knob_default(const char *option)
{
    return option_default("tune-knob", option);
}

static struct knob_reference play_reference(long double noise, int reversed)
{
    const long n = (long)knob_default("songs");
    const long double start = knob_default("start"), eta = knob_default("rate"),
                      target = knob_default("target"), golden = (sqrtl(5) - 1) / 2;
    long double later = 1, w = 0, sxy = 0, sxx = 0;
    for (long step = n - 1; step >= 0; step--) {
        long i = reversed ? n - 1 - step : step;
        long double x = 0.2L + 1.8L * fmodl((i + 1) * golden, 1);
        long double y = target * x + noise * (2 * fmodl((i + 1) * sqrtl(2), 1) - 1);
        w += 2 * eta * x * y * later;
        later *= 1 - 2 * eta * x * x;
        sxy += x * y;
        sxx += x * x;
    }
    return (struct knob_reference){w + start * later, sxy / sxx};
}

static void tune_knob_final_settings_follow_from_the_closed_form(void **state)
{
    (void)state;
    const long double noise = knob_default("noise");
    check_number("tune-knob/songs", knob_default("songs"), 6);
    check_number("tune-knob/min-x", 0.2, 4);
    check_number("tune-knob/max-x", 2, 4);
    check_number("tune-knob/start", knob_default("start"), 4);
    check_number("tune-knob/target", knob_default("target"), 4);
    check_number("tune-knob/rate", knob_default("rate"), 4);
    check_number("tune-knob/noise", (double)noise, 4);
    check_number("tune-knob/final", (double)play_reference(0, 0).final, 12);
    check_number("tune-knob/final-reversed", (double)play_reference(0, 1).final, 12);
    check_number("tune-knob/noisy-final", (double)play_reference(noise, 0).final, 4);
    check_number("tune-knob/noisy-final-reversed", (double)play_reference(noise, 1).final, 4);
    check_number("tune-knob/noisy-best", (double)play_reference(noise, 0).best, 5);
}

/* The library's knob loop (what the program plays) against the closed
 * form, for both orders and both kinds of targets. */
static void tune_knob_library_loop_matches_the_closed_form(void **state)
{
    (void)state;
    for (int noisy = 0; noisy <= 1; noisy++) {
        const struct song_stream songs = {0.2, 2.0, (long)knob_default("songs"),
                                          knob_default("target"),
                                          noisy ? knob_default("noise") : 0};
        for (int reversed = 0; reversed <= 1; reversed++) {
            struct knob_reference r = play_reference(songs.noise, reversed);
            double w = play_songs(&songs, knob_default("start"), knob_default("rate"), reversed,
                                  NULL, NULL);
            assert_true(fabsl(w - r.final) < 1e-12L);
        }
        assert_true(fabsl(best_knob(&songs) - play_reference(songs.noise, 0).best) < 1e-12L);
    }
}

/* "A song multiplies the knob's distance from t by 1 - 2 eta x^2 ... the
 * program refuses any rate for which the loudest possible song would do
 * that (eta x_max^2 >= 1)": the factor, from one turn of the library's knob
 * on exact targets, is -1 or less exactly from eta x^2 = 1 on, and the
 * program refuses eta = 1/4 (x_max = 2) and accepts the double below it. */
static void tune_knob_refuses_exactly_the_rates_that_do_not_shrink_the_distance(void **state)
{
    (void)state;
    const double x = 2, t = 1.5;
    for (double rate = 0.2; rate <= 0.3; rate += 0.0078125) {
        double factor = (turn_knob(t + 1, x, t * x, rate) - t) / 1.0;
        assert_true((factor <= -1) == (rate * x * x >= 1));
    }
    struct run r;
    run_program(&r, "tune-knob", "--rate", "0.25", NULL);
    assert_refused(&r, "tune-knob", 2, "--rate");
    char below[32];
    snprintf(below, sizeof below, "%.17g", nextafter(0.25, 0));
    run_program(&r, "tune-knob", "--rate", below, "--songs", "3", NULL);
    assert_int_equal(r.status, 0);
    /* "a sufficient condition, not the edge ... some refused rates would
     * have settled on t all the same": on exact targets w_N - t is
     * (w_0 - t) prod_i (1 - 2 eta x_i^2); for eta = 1/2, refused, the
     * product over the 200 songs leaves less than 1e-12 of the start's
     * distance 1.5, and for eta = 0.8 the knob runs away. */
    const long double golden = (sqrtl(5) - 1) / 2;
    long double settles = 1, runs_away = 1;
    for (long i = 0; i < 200; i++) {
        long double xi = 0.2L + 1.8L * fmodl((i + 1) * golden, 1);
        settles *= 1 - 2 * 0.5L * xi * xi;
        runs_away *= 1 - 2 * 0.8L * xi * xi;
    }
    assert_true(fabsl(settles) * 1.5L < 1e-12L && fabsl(runs_away) > 1);
    run_program(&r, "tune-knob", "--rate", "0.5", NULL);
    assert_refused(&r, "tune-knob", 2, "--rate");
}

/* ------------------------------------------------------------ section 11 */

static double relative(double estimate, double truth)
{
    return fabs(estimate - truth) / fabs(truth);
}

/* The two differences of e^x at 1 computed here, on the grid
 * h = 10^(-j/4); their best steps and errors. */
static void exact_derivatives_best_steps_are_the_grid_minima(void **state)
{
    (void)state;
    const double x = 1, truth = exp(x);
    double best_f = INFINITY, best_c = INFINITY, h_f = 1, h_c = 1;
    for (int j = 0; j <= 80; j++) {
        double h = pow(10.0, -(double)j / 4);
        volatile double up = exp(x + h), here = exp(x), down = exp(x - h);
        double f = relative((up - here) / h, truth), c = relative((up - down) / (2 * h), truth);
        if (f < best_f) {
            best_f = f;
            h_f = h;
        }
        if (c < best_c) {
            best_c = c;
            h_c = h;
        }
    }
    check_number("exact-derivatives/x", x, 6);
    check_number("exact-derivatives/forward-error", best_f, 2);
    check_number("exact-derivatives/forward-h", h_f, 2);
    check_number("exact-derivatives/central-error", best_c, 2);
    check_number("exact-derivatives/central-h", h_c, 2);
    check_number("exact-derivatives/per-decade", 4, 2);   /* the grid above */
}

/* The complex step's numbers, the ulps of every method over the catalogue
 * and the Hessian of section 9 are checked against __float128 in
 * tests/test-exact.c. */

/* At (0, 0) the gradient is dL/dw = -2 mean(x y), dL/db = -2 mean(y). */
static void exact_derivatives_backprop_gives_the_closed_form_gradient(void **state)
{
    (void)state;
    const struct samples *s = &noisy_line_samples;
    long double gw, gb;
    gradient_ld(s, 0, 0, &gw, &gb);
    check_number("exact-derivatives/at-w", 0, 6);
    check_number("exact-derivatives/at-b", 0, 6);
    check_number("exact-derivatives/backprop-w", (double)gw, 12);
    check_number("exact-derivatives/backprop-b", (double)gb, 12);
    /* Two roundings of the same sum: a few ulps of the larger partial. */
    check_at_most("exact-derivatives/backprop-difference",
                  8 * DBL_EPSILON * (double)fmaxl(fabsl(gw), fabsl(gb)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(falling_ball_averages_are_g_t_plus_half_g_dt),
        cmocka_unit_test(limit_quotients_are_2x_plus_h),
        cmocka_unit_test(limit_epsilon_and_balance_follow_from_53_bits),
        cmocka_unit_test(limit_decimal_error_falls_to_its_best_then_stays_above),
        cmocka_unit_test(limit_repeated_rows_share_one_rounded_step),
        cmocka_unit_test(limit_bottom_of_the_v_is_the_grid_minimum),
        cmocka_unit_test(limit_every_power_of_two_from_0_to_60_is_of_its_stated_kind),
        cmocka_unit_test(rise_run_numbers_follow_from_2xh_plus_h_squared),
        cmocka_unit_test(derivative_function_errors_are_the_leftover_terms),
        cmocka_unit_test(slope_disguise_numbers_follow_from_the_closed_forms),
        cmocka_unit_test(partial_slopes_follow_from_x_squared_y),
        cmocka_unit_test(descend_loss_reaches_the_closed_form_least_squares_line),
        cmocka_unit_test(bias_fit_numbers_follow_from_the_algebra_of_both_fits),
        cmocka_unit_test(fit_line_numbers_are_the_closed_form_and_the_defaults),
        cmocka_unit_test(learning_rate_parabola_follows_the_factor_1_minus_2_eta),
        cmocka_unit_test(learning_rate_limit_is_2_over_the_largest_curvature),
        cmocka_unit_test(tune_knob_final_settings_follow_from_the_closed_form),
        cmocka_unit_test(tune_knob_library_loop_matches_the_closed_form),
        cmocka_unit_test(tune_knob_refuses_exactly_the_rates_that_do_not_shrink_the_distance),
        cmocka_unit_test(exact_derivatives_best_steps_are_the_grid_minima),
        cmocka_unit_test(exact_derivatives_backprop_gives_the_closed_form_gradient),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
