/* Claims of section 11, "Beyond the limit": the error bounds of the
 * forward and central differences; every rule of the dual numbers and of
 * the tape, and every function of the catalogue (GSL's deriv/test.c, the
 * document's, one per rule), within a bound in ulps of a quad-precision
 * reference (quad-reference.h says which); the ill-conditioned case
 * sin(1/x) within a bound that grows with its condition number;
 * backpropagation against the hand-derived gradient; the Hessian by
 * hyper-dual numbers and section 9's 2/lambda_max against the closed
 * form; and every number the prose quotes from exact-derivatives and the
 * Hessian's from learning-rate, recomputed against the reference. */
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include "autodiff.h"
#include "cases.h"
#include "calculus.h"
#include "examples.h"
#include "linear.h"
#include "quad-reference.h"
#include "values.h"

/* The tape's derivative; the test fails if memory ran out. */
static double tape_slope(size_t (*tape_f)(struct tape *, size_t), double x)
{
    double slope = NAN;
    assert_int_equal(derivative_by_tape(tape_f, x, &slope), STATUS_OK);
    return slope;
}

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

/* Below h = 10^-8 the truncation term h^2/6 is under 2e-17 relative; what
 * is left is the rounding of cexp and of the division by h. */
static void complex_step_is_within_2_ulps_for_every_step_below_1e_minus_8(void **state)
{
    (void)state;
    for (int k = 32; k <= 1200; k++) {
        double h = pow(10.0, -k / 4.0);
        for (double x = -3; x <= 3; x += 0.125)
            assert_true(ulps_from(complex_step_exp(x, h), Q(exp)((quad)x)) <= 2);
    }
}

/* (3 + eps)^2 = 9 + 6 eps, the section's example; a constant has no slope. */
static void dual_numbers_follow_the_example_of_the_text(void **state)
{
    (void)state;
    struct dual three = dual_variable(3);
    struct dual nine = dual_mul(three, three);
    assert_true(nine.value == 9 && nine.slope == 6);
    struct dual c = dual_constant(5), x = dual_variable(2);
    struct dual f = dual_sub(dual_mul(c, x), dual_mul(x, x));   /* 5x - x^2 -> 5 - 2x */
    assert_true(f.value == 6 && f.slope == 1);
    assert_true(dual_add(c, x).slope == 1);
    assert_true(dual_powi(x, 0).value == 1 && dual_powi(x, 0).slope == 0);
}

/* Every rule, on dual numbers and on the tape, against its derivative by
 * hand in quad precision, at 2001 points of a range.  The functions use
 * both inputs of each two-input rule and keep the terms of the sum the
 * rule forms of one sign, so that no cancellation hides or makes error. */
typedef struct dual D;
#define RULE(id, dual_expr, tape_expr, slope_expr) \
    static D id##_d(D x) { return dual_expr; } \
    static size_t id##_t(struct tape *t, size_t x) { return tape_expr; } \
    static quad id##_q(quad x) { return slope_expr; }

RULE(add, dual_add(dual_mul(x, x), x), tape_add(t, tape_mul(t, x, x), x), 2 * x + 1)
RULE(sub, dual_sub(dual_mul(dual_mul(x, x), x), x), tape_sub(t, tape_mul(t, tape_mul(t, x, x), x), x),
     3 * x * x - 1)
RULE(mul, dual_mul(dual_add(x, dual_constant(1)), dual_add(x, dual_constant(2))),
     tape_mul(t, tape_add(t, x, tape_input(t, 1)), tape_add(t, x, tape_input(t, 2))), 2 * x + 3)
RULE(quotient, dual_div(x, dual_sub(dual_constant(3), x)),
     tape_div(t, x, tape_sub(t, tape_input(t, 3), x)), 3 / ((3 - x) * (3 - x)))
RULE(reciprocal, dual_reciprocal(x), tape_reciprocal(t, x), -1 / (x * x))
RULE(root, dual_sqrt(x), tape_sqrt(t, x), 1 / (2 * Q(sqrt)(x)))
RULE(power, dual_pow(x, 2.5), tape_pow(t, x, 2.5), 5 * x * Q(sqrt)(x) / 2)
RULE(power_minus_3, dual_powi(x, -3), tape_powi(t, x, -3), -3 / (x * x * x * x))
RULE(power_5, dual_powi(x, 5), tape_powi(t, x, 5), 5 * x * x * x * x)
RULE(exponential_, dual_exp(x), tape_exp(t, x), Q(exp)(x))
RULE(logarithm, dual_log(x), tape_log(t, x), 1 / x)
RULE(sine, dual_sin(x), tape_sin(t, x), Q(cos)(x))
RULE(cosine, dual_cos(x), tape_cos(t, x), -Q(sin)(x))
RULE(tangent, dual_tan(x), tape_tan(t, x), 1 / (Q(cos)(x) * Q(cos)(x)))
RULE(arc_tangent, dual_atan(x), tape_atan(t, x), 1 / (1 + x * x))
RULE(hyperbolic_tangent, dual_tanh(x), tape_tanh(t, x), 1 / (Q(cosh)(x) * Q(cosh)(x)))

struct rule {
    const char *name;
    D (*dual_f)(D);
    size_t (*tape_f)(struct tape *, size_t);
    quad (*slope)(quad);
    double from, to, bound;
};

#define ENTRY(id, from, to, bound) {#id, id##_d, id##_t, id##_q, from, to, bound}
static const struct rule rules[] = {
    ENTRY(add, 0, 10, 2), ENTRY(sub, 1, 10, 2), ENTRY(mul, 0, 10, 2),
    /* (a' - q b') / b: q, q b', the difference and the division each round */
    ENTRY(quotient, -1, 2.9, 3),
    ENTRY(reciprocal, 0.01, 100, 2), ENTRY(reciprocal, -100, -0.01, 2),
    ENTRY(root, 0.01, 100, 2), ENTRY(power, 0.01, 100, 2), ENTRY(power_minus_3, 0.1, 10, 2),
    ENTRY(power_5, -10, 10, 2), ENTRY(exponential_, -20, 20, 2), ENTRY(logarithm, 0.01, 100, 2),
    ENTRY(sine, -3, 3, 2), ENTRY(cosine, -3, 3, 2), ENTRY(tangent, -1.5, 1.5, 2),
    ENTRY(arc_tangent, -10, 10, 2),
    /* 1/cosh^2: cosh is within 1 ulp, squaring doubles that, two more roundings */
    ENTRY(hyperbolic_tangent, -10, 10, 5),
};

static void every_rule_forward_and_reverse_is_within_its_bound_over_its_range(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        const struct rule *r = &rules[i];
        double worst = 0;
        for (int k = 0; k <= 2000; k++) {
            double x = r->from + (r->to - r->from) * k / 2000;
            quad truth = r->slope(x);
            double by_dual = ulps_from(r->dual_f(dual_variable(x)).slope, truth);
            double by_tape = ulps_from(tape_slope(r->tape_f, x), truth);
            worst = fmax(worst, fmax(by_dual, by_tape));
        }
        if (worst > r->bound)
            fail_msg("rule %s: %.3g ulp > %g", r->name, worst, r->bound);
    }
}

/* The catalogue at its points: every function has a reference here; the
 * library's long double reference is itself within 0.5 ulp (plus its own
 * 2^-11) of quad; dual and reverse within 1 ulp, the complex step within 2. */
static void every_catalogue_function_is_within_1_ulp_by_ad_and_2_by_complex_step(void **state)
{
    (void)state;
    assert_true(derivative_case_count >= 18);
    for (size_t i = 0; i < derivative_case_count; i++) {
        const struct derivative_case *c = &derivative_cases[i];
        int found;
        quad truth = reference_slope(c->name, c->at, &found);
        if (!found)
            fail_msg("no reference for %s", c->name);
        double by_dual = ulps_from(c->dual_f(dual_variable(c->at)).slope, truth);
        double by_tape = ulps_from(tape_slope(c->tape_f, c->at), truth);
        double by_step = ulps_from(complex_step(c->complex_f, c->at, 1e-20), truth);
        double library_reference = ulps_from((double)c->slope(c->at), truth);
        if (by_dual > 1 || by_tape > 1 || by_step > 2 || library_reference > 0.501)
            fail_msg("%s at %g: dual %.3g, reverse %.3g, complex step %.3g, reference %.3g ulp",
                     c->name, c->at, by_dual, by_tape, by_step, library_reference);
        /* the four spellings are one function: its double and dual values agree */
        assert_true(fabs(c->f(c->at) - c->dual_f(dual_variable(c->at)).value)
                    <= 4 * DBL_EPSILON * fabs(c->f(c->at)));
    }
}

/* sin(1/x): the derivative -u^2 cos u, u = 1/x, has condition number
 * kappa = |2 - u tan u| with respect to u, which the code rounds (half an
 * ulp).  The error stays within 1.5 (1 + kappa) ulp; near the zeros of
 * cos(1/x) kappa, and the error, are unbounded. */
static const struct derivative_case *case_named(const char *name)
{
    for (size_t i = 0; i < derivative_case_count; i++)
        if (!strcmp(derivative_cases[i].name, name))
            return &derivative_cases[i];
    fail_msg("no case %s", name);
    return NULL;
}

static void sin_of_reciprocal_is_within_a_bound_set_by_its_condition_number(void **state)
{
    (void)state;
    const struct derivative_case *c = case_named("sin(1/x)");
    double largest = 0;
    for (int k = 0; k <= 2700; k++) {
        double x = 0.3 + 2.7 * k / 2700;
        quad u = 1 / (quad)x, truth = reference_slope(c->name, x, &(int){0});
        double kappa = fabs((double)(2 - u * Q(tan)(u)));
        double worst = fmax(ulps_from(c->dual_f(dual_variable(x)).slope, truth),
                            fmax(ulps_from(tape_slope(c->tape_f, x), truth),
                                 ulps_from(complex_step(c->complex_f, x, 1e-20), truth)));
        assert_true(worst <= 1.5 * (1 + kappa));
        largest = fmax(largest, worst);
    }
    assert_true(largest > 10);   /* it is ill-conditioned: the error does grow */
}

/* The tape on a small expression whose gradient is known by hand:
 * L = (u v - 3)^2 at u = 2, v = 5: dL/du = 2 (uv - 3) v = 70, dL/dv = 28. */
static void tape_backward_applies_the_chain_rule(void **state)
{
    (void)state;
    struct tape t = {NULL, 0, 0, STATUS_OK};
    size_t u = tape_input(&t, 2), v = tape_input(&t, 5);
    size_t loss = tape_square(&t, tape_sub(&t, tape_mul(&t, u, v), tape_input(&t, 3)));
    size_t half = tape_scale(&t, 0.5, loss);
    tape_backward(&t, half);
    assert_int_equal(t.status, STATUS_OK);
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
        assert_true(STATUS_OK == loss_gradient_by_backprop(&noisy_line_samples, points[i], &by_tape));
        assert_true(fabs(by_tape.w - by_hand.w) <= 16 * DBL_EPSILON * (fabs(by_hand.w) + 1));
        assert_true(fabs(by_tape.b - by_hand.b) <= 16 * DBL_EPSILON * (fabs(by_hand.b) + 1));
        double h = 1e-6, m = points[i].w, b = points[i].b;
        double numeric_w = (mean_squared_error(&noisy_line_samples, (struct line){m + h, b})
                            - mean_squared_error(&noisy_line_samples, (struct line){m - h, b}))
                           / (2 * h);
        assert_true(fabs(by_tape.w - numeric_w) < 1e-6);
    }
}

/* Hyper-dual numbers: (x + e1 + e2)^3 has e12 part f'' = 6x; for small
 * integers every operation is exact. */
static void hyperdual_numbers_give_the_second_derivative(void **state)
{
    (void)state;
    for (double x = -8; x <= 8; x += 1) {
        struct hyperdual v = {x, 1, 1, 0};
        struct hyperdual cube = hyperdual_mul(hyperdual_mul(v, v), v);
        assert_true(cube.value == x * x * x && cube.e1 == 3 * x * x && cube.e2 == 3 * x * x);
        assert_true(cube.e12 == 6 * x);
    }
}

/* The Hessian of the mean squared error is 2 [[mean x^2, mean x], [mean x,
 * 1]] at every (w, b); for section 7's data, computed here in quad from the
 * points, [[3.75, 1.5], [1.5, 2]].  2 / lambda_max of that matrix, from
 * the closed form in quad, is within 4 ulp of the library's. */
static void closed_form_hessian(double h[2][2])
{
    quad sx = 0, sxx = 0, n = (quad)noisy_line_samples.n;
    for (size_t i = 0; i < noisy_line_samples.n; i++) {
        sx += noisy_line_samples.x[i];
        sxx += (quad)noisy_line_samples.x[i] * noisy_line_samples.x[i];
    }
    h[0][0] = (double)(2 * sxx / n);
    h[0][1] = h[1][0] = (double)(2 * sx / n);
    h[1][1] = 2;
}

static quad closed_form_lambda_max(void)
{
    quad p = (quad)3.75, q = (quad)1.5, r = 2;
    return (p + r) / 2 + Q(sqrt)((p - r) * (p - r) / 4 + q * q);
}

static void stable_rate_from_the_automatic_hessian_is_within_4_ulp_of_the_closed_form(void **state)
{
    (void)state;
    double expected[2][2];
    closed_form_hessian(expected);
    assert_true(expected[0][0] == 3.75 && expected[0][1] == 1.5 && expected[1][1] == 2);
    const struct line points[] = {{0, 0}, {2, 1}, {-3.5, 7.25}};
    for (size_t i = 0; i < 3; i++) {
        double h[2][2];
        loss_hessian(&noisy_line_samples, points[i], h);
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++)
                assert_true(fabs(h[r][c] - expected[r][c]) <= 4 * DBL_EPSILON * expected[r][c]);
    }
    double rate = largest_stable_rate(&noisy_line_samples);
    assert_true(ulps_from(rate, 2 / closed_form_lambda_max()) <= 4);
    assert_true(fabs(rate - 0.4337) < 5e-5);
}

/* ---------------------------------------------------------------------
 * The numbers section 11 quotes and section 9's Hessian, as the programs
 * printed them (tests/values.h), against the quad reference. */
/* An error in ulps measured by the program against long double: printed
 * to `places` decimals, as the table's columns print it, it may differ
 * from ours by the rounding of the print and by 2^-10 ulp, the long double
 * reference's own error (which can tip the print across a rounding
 * boundary). */
static void check_near(const char *key, double reference, int places)
{
    double unit = pow(10.0, -places);
    double printed = parse_tex_number(key, printed_tex(key));
    if (fabs(printed - reference) > 0.5 * unit + ldexp(1, -10))
        fail_msg("%s: printed %g, reference %.6g", key, printed, reference);
    check_at_most(key, reference + 0.5 * unit + ldexp(1, -10));
}

static void quoted_numbers_of_exact_derivatives_match_the_reference(void **state)
{
    (void)state;
    double x = 1;
    quad truth = Q(exp)((quad)x);
    check_text("exact-derivatives/x", "1");
    /* the best steps on the grid h = 10^(-j/4), against quad */
    double best_f = INFINITY, best_c = INFINITY, hf = 0, hc = 0, below = 0;
    for (int j = 0; j <= 80; j++) {
        double h = pow(10.0, -j / 4.0);
        double f = (double)Q(fabs)((quad)difference_quotient(exponential, x, h) - truth) /
                   (double)truth;
        double c = (double)Q(fabs)((quad)central_difference(exponential, x, h) - truth) /
                   (double)truth;
        if (f < best_f) {
            best_f = f;
            hf = h;
        }
        if (c < best_c) {
            best_c = c;
            hc = h;
        }
    }
    for (int j = 80; j >= 0 && ulps_from(complex_step_exp(x, pow(10.0, -j / 4.0)), truth) <= 2; j--)
        below = pow(10.0, -j / 4.0);
    check_number("exact-derivatives/forward-error", best_f, 2);
    check_number("exact-derivatives/forward-h", hf, 2);
    check_number("exact-derivatives/central-error", best_c, 2);
    check_number("exact-derivatives/central-h", hc, 2);
    check_number("exact-derivatives/complex-within-2-ulps-below", below, 2);
    check_number("exact-derivatives/complex-h", 1e-100, 2);
    /* Table 6 steps at 1e-20: far below rounding for every function of
       the catalogue (truncation h^2 f'''/6f), far above underflow. */
    check_number("exact-derivatives/table-complex-h", 1e-20, 2);
    check_number("exact-derivatives/complex-ulps",
                   ulps_from(complex_step_exp(x, 1e-100), truth), 2);
    /* "the same as at the h of Table 6" */
    assert_true(ulps_from(complex_step_exp(x, 1e-20), truth) ==
                ulps_from(complex_step_exp(x, 1e-100), truth));
    /* the largest errors over the catalogue */
    double dual_max = 0, reverse_max = 0, complex_max = 0;
    for (size_t i = 0; i < derivative_case_count; i++) {
        const struct derivative_case *c = &derivative_cases[i];
        quad slope = reference_slope(c->name, c->at, &(int){0});
        dual_max = fmax(dual_max, ulps_from(c->dual_f(dual_variable(c->at)).slope, slope));
        reverse_max = fmax(reverse_max, ulps_from(tape_slope(c->tape_f, c->at), slope));
        complex_max = fmax(complex_max, ulps_from(complex_step(c->complex_f, c->at, 1e-20), slope));
    }
    /* the program's reference has 11 bits more than double, ours 60 more:
     * they differ by about 2^-11 ulp, far below the 2 places printed */
    /* GSL's 6, the document's 9 (x^2, x^3, cost, fall, loss (2w - 4)^2,
     * speed, x^2 y along x and along y, the loss along w), 8 for rules */
    check_number("exact-derivatives/case-count", 6 + 9 + 8, 6);
    check_near("exact-derivatives/dual-max", dual_max, 2);
    check_near("exact-derivatives/reverse-max", reverse_max, 2);
    check_near("exact-derivatives/complex-max", complex_max, 2);
    quad u = 1 / (quad)0.45;
    check_number("exact-derivatives/sin-recip-kappa", (double)Q(fabs)(2 - u * Q(tan)(u)), 3);
    /* the gradient at (0, 0) by hand: dL/dw = -2 mean(x y), dL/db = -2 mean(y) */
    quad sxy = 0, sy = 0;
    for (size_t i = 0; i < noisy_line_samples.n; i++) {
        sxy += (quad)noisy_line_samples.x[i] * noisy_line_samples.y[i];
        sy += noisy_line_samples.y[i];
    }
    check_number("exact-derivatives/at-w", 0, 6);
    check_number("exact-derivatives/at-b", 0, 6);
    check_number("exact-derivatives/backprop-w", (double)(-2 * sxy / 8), 12);
    check_number("exact-derivatives/backprop-b", (double)(-2 * sy / 8), 12);
    struct line by_tape, by_hand = loss_gradient(&noisy_line_samples, (struct line){0, 0});
    assert_true(STATUS_OK == loss_gradient_by_backprop(&noisy_line_samples, (struct line){0, 0}, &by_tape));
    check_number("exact-derivatives/backprop-difference",
                 fmax(fabs(by_tape.w - by_hand.w), fabs(by_tape.b - by_hand.b)), 2);
    check_at_most("exact-derivatives/backprop-difference", 16 * DBL_EPSILON * 9);
}

static void quoted_hessian_and_stable_rate_match_the_closed_form(void **state)
{
    (void)state;
    double h[2][2];
    closed_form_hessian(h);
    check_number("learning-rate/hessian-ww", h[0][0], 6);
    check_number("learning-rate/hessian-wb", h[0][1], 6);
    check_number("learning-rate/hessian-bb", h[1][1], 6);
    check_number("learning-rate/lambda-max", (double)closed_form_lambda_max(), 5);
    check_number("learning-rate/loss-threshold", (double)(2 / closed_form_lambda_max()), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forward_difference_is_limited_to_about_sqrt_epsilon),
        cmocka_unit_test(central_difference_is_limited_to_about_epsilon_to_two_thirds),
        cmocka_unit_test(complex_step_is_within_2_ulps_for_every_step_below_1e_minus_8),
        cmocka_unit_test(dual_numbers_follow_the_example_of_the_text),
        cmocka_unit_test(every_rule_forward_and_reverse_is_within_its_bound_over_its_range),
        cmocka_unit_test(every_catalogue_function_is_within_1_ulp_by_ad_and_2_by_complex_step),
        cmocka_unit_test(sin_of_reciprocal_is_within_a_bound_set_by_its_condition_number),
        cmocka_unit_test(tape_backward_applies_the_chain_rule),
        cmocka_unit_test(backpropagation_equals_the_hand_derived_gradient),
        cmocka_unit_test(hyperdual_numbers_give_the_second_derivative),
        cmocka_unit_test(stable_rate_from_the_automatic_hessian_is_within_4_ulp_of_the_closed_form),
        cmocka_unit_test(quoted_numbers_of_exact_derivatives_match_the_reference),
        cmocka_unit_test(quoted_hessian_and_stable_rate_match_the_closed_form),
    };
    printf("exact derivatives: reference %s\n", REFERENCE_NAME);
    return cmocka_run_group_tests_name("exact derivatives", tests, NULL, NULL);
}
