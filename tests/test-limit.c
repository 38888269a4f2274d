/* Claims of section 2, "The limit definition formula", checked against the
 * algebra: (x + h)^2 - x^2 = 2xh + h^2, so the quotient is 2x + h. */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "calculus.h"
#include "examples.h"

/* For h = 2^-k with k <= 24, x = 3: 3 + h, (3 + h)^2 = 9 + 6h + h^2 and the
 * difference 6h + h^2 all fit in 53 bits, so every operation is exact. */
static void quotient_of_x_squared_is_exactly_6_plus_h_for_powers_of_two(void **state)
{
    (void)state;
    for (int k = 0; k <= 24; k++) {
        double h = ldexp(1.0, -k);
        assert_true(difference_quotient(x_squared, 3.0, h) == 6.0 + h);
    }
}

/* For decimal steps the quotient is 2x + h up to rounding; the rounding
 * error of the subtraction, divided by h, is bounded by a few eps*x^2/h. */
static void quotient_matches_2x_plus_h_to_rounding(void **state)
{
    (void)state;
    const double xs[] = {-2.5, 0.75, 3.0, 10.0};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i];
        for (int k = 0; k <= 6; k++) {
            double h = pow(10.0, -k);
            double q = difference_quotient(x_squared, x, h);
            double bound = 8 * DBL_EPSILON * (x * x + 1) / h;
            assert_true(fabs(q - (2 * x + h)) <= bound);
        }
    }
}

static void slope_of_x_squared_at_3_tends_to_6(void **state)
{
    (void)state;
    double previous = INFINITY;
    for (int k = 0; k <= 6; k++) {
        double error = fabs(difference_quotient(x_squared, 3.0, pow(10.0, -k)) - 6.0);
        assert_true(error < previous);
        previous = error;
    }
    assert_true(previous < 2e-6);
}

/* Truncation error h and rounding error about eps*x^2/h balance near
 * sqrt(eps) (times the scale of x); the best step must lie within a decade
 * of sqrt(eps), and its error must not beat that balance by much. */
static void error_is_smallest_near_sqrt_epsilon(void **state)
{
    (void)state;
    double h = best_log_spaced_step(x_squared, 3.0, 8, 18);
    assert_true(h > sqrt(DBL_EPSILON) / 10 && h < sqrt(DBL_EPSILON) * 10);
    double error = fabs(difference_quotient(x_squared, 3.0, h) - 6.0);
    assert_true(error < 1e-7);
    assert_true(error > 1e-10);
}

/* Once h is below half the spacing of doubles near x, x + h rounds to x:
 * both heights are the same and the quotient is exactly zero. */
static void quotient_collapses_to_zero_when_x_plus_h_equals_x(void **state)
{
    (void)state;
    double x = 3.0, h = 1e-16;
    assert_true(x + h == x);
    assert_true(difference_quotient(x_squared, x, h) == 0.0);
    h = ldexp(1.0, -52);    /* half an ulp of 3: ties to even, back to 3 */
    assert_true(x + h == x);
    assert_true(difference_quotient(x_squared, x, h) == 0.0);
}

static void exact_slope_of_x_squared_is_2x(void **state)
{
    (void)state;
    assert_true(exact_slope(x_squared, 3.0) == 6.0);
    assert_true(exact_slope(x_squared, -1.5) == -3.0);
    assert_true(evaluate(x_squared, -1.5) == 2.25);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quotient_of_x_squared_is_exactly_6_plus_h_for_powers_of_two),
        cmocka_unit_test(quotient_matches_2x_plus_h_to_rounding),
        cmocka_unit_test(slope_of_x_squared_at_3_tends_to_6),
        cmocka_unit_test(error_is_smallest_near_sqrt_epsilon),
        cmocka_unit_test(quotient_collapses_to_zero_when_x_plus_h_equals_x),
        cmocka_unit_test(exact_slope_of_x_squared_is_2x),
    };
    return cmocka_run_group_tests_name("section 2: the limit definition", tests, NULL, NULL);
}
