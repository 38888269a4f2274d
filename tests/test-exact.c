/* Claims of the section "Beyond the limit": the error bounds of the
 * forward and central differences, the complex step and dual numbers
 * exact to a few ulp, and backpropagation against the hand-derived
 * gradient and against a numeric one. */
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "autodiff.h"
#include "calculus.h"
#include "examples.h"
#include "linear.h"

static double relative(double a, double b)
{
    return fabs(a - b) / fabs(b);
}

/* The best step of a method over h = 10^(-j/8), and its error. */
static double best_step(double (*method)(struct real_function, double, double),
                        double *error)
{
    double best = 1;
    *error = INFINITY;
    for (int j = 0; j <= 8 * 16; j++) {
        double h = pow(10.0, -j / 8.0), e = relative(method(exponential, 1.0, h), exp(1.0));
        if (e < *error) {
            *error = e;
            best = h;
        }
    }
    return best;
}

/* Forward: error about sqrt(eps) at h about sqrt(eps), within the factors
 * that f and f'' (both e here) and the luck of rounding allow. */
static void forward_difference_is_limited_to_about_sqrt_epsilon(void **state)
{
    (void)state;
    double error, h = best_step(difference_quotient, &error);
    assert_true(h > sqrt(DBL_EPSILON) / 30 && h < sqrt(DBL_EPSILON) * 30);
    assert_true(error > sqrt(DBL_EPSILON) / 100 && error < sqrt(DBL_EPSILON) * 10);
}

/* Central: error about eps^(2/3) at h about eps^(1/3). */
static void central_difference_is_limited_to_about_epsilon_to_two_thirds(void **state)
{
    (void)state;
    double error, h = best_step(central_difference, &error);
    assert_true(h > cbrt(DBL_EPSILON) / 30 && h < cbrt(DBL_EPSILON) * 30);
    double bound = pow(DBL_EPSILON, 2.0 / 3);
    assert_true(error > bound / 100 && error < bound * 10);
}

static void complex_step_is_exact_for_every_tiny_step(void **state)
{
    (void)state;
    for (int k = 8; k <= 300; k += 4) {
        double h = pow(10.0, -k);
        for (double x = -3; x <= 3; x += 0.5)
            assert_true(relative(complex_step_exp(x, h), exp(x)) <= 2 * DBL_EPSILON);
    }
}

/* Dual numbers against closed forms, within a few ulp. */
static void dual_numbers_give_derivatives_to_a_few_ulp(void **state)
{
    (void)state;
    for (double x = -4; x <= 4; x += 0.125) {
        struct dual v = dual_variable(x);
        struct dual square = dual_mul(v, v), cube = dual_mul(dual_mul(v, v), v);
        struct dual e = dual_exp(v), s = dual_sin(v);
        assert_true(square.value == x * x && square.slope == 2 * x);
        assert_true(fabs(cube.slope - 3 * x * x) <= 4 * DBL_EPSILON * 3 * x * x);
        assert_true(e.slope == exp(x));
        assert_true(s.slope == cos(x));
        /* The document's example: (3 + eps)^2 = 9 + 6 eps. */
    }
    struct dual three = dual_variable(3);
    struct dual nine = dual_mul(three, three);
    assert_true(nine.value == 9 && nine.slope == 6);
    /* A constant has no slope; a difference and a product follow the rules. */
    struct dual c = dual_constant(5), x = dual_variable(2);
    struct dual f = dual_sub(dual_mul(c, x), dual_mul(x, x));   /* 5x - x^2 -> 5 - 2x */
    assert_true(f.value == 6 && f.slope == 1);
    assert_true(dual_add(c, x).slope == 1);
}

/* The tape on a small expression whose gradient is known by hand:
 * L = (u v - 3)^2 at u = 2, v = 5: dL/du = 2 (uv - 3) v = 70, dL/dv = 28. */
static void tape_backward_applies_the_chain_rule(void **state)
{
    (void)state;
    struct tape t = {NULL, 0, 0, false};
    size_t u = tape_input(&t, 2), v = tape_input(&t, 5);
    size_t loss = tape_square(&t, tape_sub(&t, tape_mul(&t, u, v), tape_input(&t, 3)));
    size_t half = tape_scale(&t, 0.5, loss);
    tape_backward(&t, half);
    assert_false(t.failed);
    assert_true(t.nodes[half].value == 24.5);
    assert_true(t.nodes[u].adjoint == 35 && t.nodes[v].adjoint == 14);
    tape_free(&t);
}

static void backpropagation_equals_the_hand_derived_gradient(void **state)
{
    (void)state;
    const struct line points[] = {{0, 0}, {2, 1}, {-3.5, 7.25}, {1.969, 1.036}};
    for (size_t i = 0; i < 4; i++) {
        struct line by_tape, by_hand = loss_gradient(&noisy_line_samples, points[i]);
        assert_true(loss_gradient_by_backprop(&noisy_line_samples, points[i], &by_tape));
        assert_true(fabs(by_tape.w - by_hand.w) <= 16 * DBL_EPSILON * (fabs(by_hand.w) + 1));
        assert_true(fabs(by_tape.b - by_hand.b) <= 16 * DBL_EPSILON * (fabs(by_hand.b) + 1));
        double h = 1e-6, m = points[i].w, b = points[i].b;
        double numeric_w = (mean_squared_error(&noisy_line_samples, (struct line){m + h, b})
                            - mean_squared_error(&noisy_line_samples, (struct line){m - h, b}))
                           / (2 * h);
        assert_true(fabs(by_tape.w - numeric_w) < 1e-6);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forward_difference_is_limited_to_about_sqrt_epsilon),
        cmocka_unit_test(central_difference_is_limited_to_about_epsilon_to_two_thirds),
        cmocka_unit_test(complex_step_is_exact_for_every_tiny_step),
        cmocka_unit_test(dual_numbers_give_derivatives_to_a_few_ulp),
        cmocka_unit_test(tape_backward_applies_the_chain_rule),
        cmocka_unit_test(backpropagation_equals_the_hand_derived_gradient),
    };
    return cmocka_run_group_tests_name("exact derivatives", tests, NULL, NULL);
}
