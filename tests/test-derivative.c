/* Claims of sections 1, 3, 4 and 5, each checked against the algebra in
 * the text or against a second way of computing the same slope. */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "calculus.h"
#include "examples.h"

/* Rounding of a quotient (a - b) / h whose terms are about `scale`. */
static double rounding_bound(double scale, double h)
{
    return 8 * DBL_EPSILON * (fabs(scale) + 1) / h;
}

/* Section 1: s(t) = g t^2 / 2, so the average speed over [t, t + dt] is
 * g t + g dt / 2: 19.6 + 4.9 dt for g = 9.8 at t = 2. */
static void average_speed_is_19_6_plus_4_9_dt(void **state)
{
    (void)state;
    const double g = 9.8;
    struct real_function s = falling_distance(&g);
    for (int k = 0; k <= 4; k++) {
        double dt = pow(10.0, -k);
        double average = difference_quotient(s, 2.0, dt);
        assert_true(fabs(average - (19.6 + 4.9 * dt)) <= rounding_bound(20, dt));
    }
}

static void average_speed_approaches_the_speed_right_now(void **state)
{
    (void)state;
    const double g = 9.8;
    struct real_function s = falling_distance(&g);
    assert_true(fabs(exact_slope(s, 2.0) - 19.6) < 1e-14);
    double previous = INFINITY;
    for (int k = 0; k <= 5; k++) {
        double gap = difference_quotient(s, 2.0, pow(10.0, -k)) - 19.6;
        assert_true(gap > 0 && gap < previous);
        previous = gap;
    }
    assert_true(previous < 1e-4);
}

/* Section 3: the rise of x^2 from x to x + h is 2xh + h^2, the slope 2x + h;
 * at x = 3, h = 1 the heights are 9 and 16. */
static void rise_is_2xh_plus_h_squared_and_slope_is_2x_plus_h(void **state)
{
    (void)state;
    assert_true(evaluate(x_squared, 3.0) == 9.0);
    assert_true(evaluate(x_squared, 4.0) == 16.0);
    const double runs[] = {1, 0.5, 0.1, 0.01};
    for (size_t i = 0; i < 4; i++) {
        double x = 3.0, h = runs[i];
        double rise = evaluate(x_squared, x + h) - evaluate(x_squared, x);
        assert_true(fabs(rise - (2 * x * h + h * h)) <= 8 * DBL_EPSILON * 16);
        assert_true(fabs(difference_quotient(x_squared, x, h) - (2 * x + h))
                    <= rounding_bound(16, h));
    }
}

/* Section 4: across a range of x the quotient is 2x + h for x^2 and
 * 3x^2 + 3xh + h^2 for x^3, so its largest distance from the derivative on
 * [-2, 2] is h, and 6h + h^2, up to rounding. */
static void quotient_matches_the_derivative_across_a_range(void **state)
{
    (void)state;
    double h = 1e-6;
    double square = largest_quotient_error(x_squared, -2, 2, 21, h);
    assert_true(fabs(square - h) <= rounding_bound(4, h));
    double cube = largest_quotient_error(x_cubed, -2, 2, 21, h);
    assert_true(fabs(cube - (6 * h + h * h)) <= rounding_bound(8, h));
}

/* The closed-form derivatives against a second method: the central
 * difference (f(x+h) - f(x-h)) / 2h, exact for x^2 and off by h^2 for x^3. */
static void closed_form_slopes_agree_with_central_differences(void **state)
{
    (void)state;
    const struct real_function *fs[] = {&x_squared, &x_cubed, &production_cost};
    double h = 1e-4;
    for (size_t i = 0; i < 3; i++)
        for (double x = -3; x <= 3; x += 0.25) {
            double central = (evaluate(*fs[i], x + h) - evaluate(*fs[i], x - h)) / (2 * h);
            assert_true(fabs(central - exact_slope(*fs[i], x)) < 1e-7);
        }
}

/* Section 5: velocity 19.6 m/s and acceleration 9.8 m/s^2 at t = 2 s;
 * marginal cost C'(1) = 7 against the next unit's C(2) - C(1) = 8; the
 * gradient 2(wx - y)x = -8 at w = 1 for the example x = 2, y = 4. */
static void each_named_rate_equals_the_derivative(void **state)
{
    (void)state;
    const double g = 9.8;
    const struct example_point example = {2.0, 4.0};
    struct real_function position = falling_distance(&g), velocity = falling_velocity(&g);
    struct real_function loss = squared_error_in_w(&example);
    assert_true(fabs(exact_slope(position, 2.0) - 19.6) < 1e-14);
    assert_true(exact_slope(velocity, 2.0) == 9.8);
    assert_true(exact_slope(production_cost, 1.0) == 7.0);
    assert_true(difference_quotient(production_cost, 1.0, 1.0) == 8.0);
    assert_true(exact_slope(loss, 1.0) == -8.0);
    assert_true(evaluate(loss, 1.0) == 4.0);
    const struct real_function fs[] = {position, velocity, production_cost, loss};
    const double at[] = {2.0, 2.0, 1.0, 1.0};
    for (size_t i = 0; i < 4; i++)
        assert_true(fabs(difference_quotient(fs[i], at[i], 1e-6) - exact_slope(fs[i], at[i]))
                    < 1e-4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(average_speed_is_19_6_plus_4_9_dt),
        cmocka_unit_test(average_speed_approaches_the_speed_right_now),
        cmocka_unit_test(rise_is_2xh_plus_h_squared_and_slope_is_2x_plus_h),
        cmocka_unit_test(quotient_matches_the_derivative_across_a_range),
        cmocka_unit_test(closed_form_slopes_agree_with_central_differences),
        cmocka_unit_test(each_named_rate_equals_the_derivative),
    };
    return cmocka_run_group_tests_name("sections 1, 3, 4, 5", tests, NULL, NULL);
}
