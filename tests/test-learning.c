/* Claims of sections 6 to 10: partial derivatives, the loss gradient,
 * gradient descent against the closed-form least-squares line, the fit with
 * centring and scaling, the bias, the learning-rate threshold and the knob.
 * Each is checked against algebra or a second method, never against a
 * number copied from a program's output. */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include "calculus.h"
#include "examples.h"
#include "linear.h"
#include "autodiff.h"

static double relative(double a, double b)
{
    return fabs(a - b) / fmax(fabs(b), DBL_MIN);
}

/* Section 6: nudging one input of x^2 y at (3, 2) gives 2xy = 12 and x^2 = 9. */
static void numeric_partials_equal_analytic_ones(void **state)
{
    (void)state;
    const struct held_point p = {x_squared_y, 3.0, 2.0};
    struct real_function along_x = slice_along_x(&p), along_y = slice_along_y(&p);
    assert_true(exact_slope(along_x, 3.0) == 12.0);
    assert_true(exact_slope(along_y, 2.0) == 9.0);
    double h = 1e-5;
    double fx = (x_squared_y.at(NULL, 3 + h, 2) - x_squared_y.at(NULL, 3 - h, 2)) / (2 * h);
    double fy = (x_squared_y.at(NULL, 3, 2 + h) - x_squared_y.at(NULL, 3, 2 - h)) / (2 * h);
    assert_true(fabs(fx - 12) < 1e-8 && fabs(fy - 9) < 1e-8);
    assert_true(fabs(difference_quotient(along_x, 3.0, 1e-6) - 12) < 1e-5);
    assert_true(fabs(difference_quotient(along_y, 2.0, 1e-6) - 9) < 1e-5);
}

/* Section 7: the hand-derived gradient equals central differences of the
 * loss, at several points of the (w, b) plane. */
static void loss_gradient_equals_numeric_gradient(void **state)
{
    (void)state;
    const struct samples *s = &noisy_line_samples;
    const struct line points[] = {{0, 0}, {-1, 2.5}, {3.5, -1}, {1.97, 1.04}};
    double h = 1e-6;
    for (size_t i = 0; i < 4; i++) {
        struct line m = points[i], g = loss_gradient(s, m);
        double dw = (mean_squared_error(s, (struct line){m.w + h, m.b})
                     - mean_squared_error(s, (struct line){m.w - h, m.b})) / (2 * h);
        double db = (mean_squared_error(s, (struct line){m.w, m.b + h})
                     - mean_squared_error(s, (struct line){m.w, m.b - h})) / (2 * h);
        assert_true(fabs(g.w - dw) < 1e-6 && fabs(g.b - db) < 1e-6);
    }
}

static void observe_loss_never_rises(void *context, long epoch, struct line line, double loss)
{
    (void)line;
    double *previous = context;
    if (epoch > 0)   /* lower, or equal up to the rounding of the sum */
        assert_true(loss <= *previous * (1 + 8 * DBL_EPSILON));
    *previous = loss;
}

static void each_step_lowers_the_loss_for_a_small_rate(void **state)
{
    (void)state;
    double previous = INFINITY;
    const struct descent_settings settings = {0.05, 5000, 1e-10, false};
    struct descent d = gradient_descent(&noisy_line_samples, (struct line){-0.5, -2.5},
                                        &settings, observe_loss_never_rises, &previous);
    assert_int_equal(d.status, DESCENT_CONVERGED);
}

/* The closed form is checked first against the normal equations solved by
 * hand for the data (x_i, y_i) = (0, 1), (1, 3), (2, 4), (3, 8): w = 2.2,
 * b = 0.7. */
static void least_squares_line_solves_the_normal_equations(void **state)
{
    (void)state;
    const double x[] = {0, 1, 2, 3}, y[] = {1, 3, 4, 8};
    const struct samples s = {4, x, y};
    struct line best;
    assert_int_equal(least_squares_line(&s, &best), STATUS_OK);
    assert_true(fabs(best.w - 2.2) < 1e-14 && fabs(best.b - 0.7) < 1e-14);
    const double same[] = {2, 2, 2, 2};
    assert_int_equal(least_squares_line(&(struct samples){4, same, y}, &best), STATUS_NO_ANSWER);
}

static void gradient_descent_reaches_the_closed_form(void **state)
{
    (void)state;
    const struct descent_settings settings = {0.1, 100000, 1e-13, false};
    struct descent d = gradient_descent(&noisy_line_samples, (struct line){-0.5, -2.5},
                                        &settings, NULL, NULL);
    struct line best;
    assert_int_equal(least_squares_line(&noisy_line_samples, &best), STATUS_OK);
    assert_int_equal(d.status, DESCENT_CONVERGED);
    assert_true(relative(d.line.w, best.w) < 1e-9 && relative(d.line.b, best.b) < 1e-9);
}

/* fit_line must match the closed form to a relative 1e-9 on data a user
 * might have: inputs in the thousands, far from zero, from a known line
 * with noise, with the default settings of fit-line. */
static void fit_line_matches_closed_form_on_raw_data(void **state)
{
    (void)state;
    enum { N = 200 };
    double x[N], y[N];
    for (int i = 0; i < N; i++) {
        x[i] = 41000 + 37.5 * i;                          /* far from zero */
        y[i] = -0.0031 * x[i] + 250 + 0.8 * sin(1.7 * i);  /* a known line, noise */
    }
    const struct samples s = {N, x, y};
    const struct descent_settings defaults = {0.1, 10000, 1e-12, false};
    struct fit f = fit_line(&s, &defaults);
    struct line best;
    assert_int_equal(f.descent.status, DESCENT_CONVERGED);
    assert_int_equal(least_squares_line(&s, &best), STATUS_OK);
    assert_true(relative(f.descent.line.w, best.w) < 1e-9);
    assert_true(relative(f.descent.line.b, best.b) < 1e-9);
    assert_true(fabs(best.w + 0.0031) < 1e-4);    /* and near the line it came from */
}

/* Section 8: through the origin the closed form is sum(xy) / sum(x^2);
 * with a bias, exact Celsius-Fahrenheit data are fitted to near-zero loss. */
static void through_origin_fit_is_sum_xy_over_sum_x_squared(void **state)
{
    (void)state;
    const double c[] = {-40, -20, -5, 0, 15, 37, 60, 100};
    double f[8], sxy = 0, sxx = 0;
    for (int i = 0; i < 8; i++) {
        f[i] = 1.8 * c[i] + 32;
        sxy += c[i] * f[i];
        sxx += c[i] * c[i];
    }
    const struct samples s = {8, c, f};
    const struct descent_settings origin = {0.1, 10000, 1e-12, true};
    struct fit fo = fit_line(&s, &origin);
    assert_int_equal(fo.descent.status, DESCENT_CONVERGED);
    assert_true(fo.descent.line.b == 0);
    assert_true(relative(fo.descent.line.w, sxy / sxx) < 1e-9);
    assert_true(relative(least_squares_through_origin(&s), sxy / sxx) < 1e-15);
    assert_true(fo.descent.loss > 100);   /* it misses every point */
    const struct descent_settings bias = {0.1, 10000, 1e-12, false};
    struct fit fb = fit_line(&s, &bias);
    assert_int_equal(fb.descent.status, DESCENT_CONVERGED);
    assert_true(fabs(fb.descent.line.w - 1.8) < 1e-9 && fabs(fb.descent.line.b - 32) < 1e-7);
    assert_true(fb.descent.loss < 1e-12);
    /* dL/db is twice the mean error: at w = 1.8, b = 0 every error is -32. */
    assert_true(fabs(loss_gradient(&s, (struct line){1.8, 0}).b + 64) < 1e-12);
}

static void degenerate_data_is_reported_not_fitted(void **state)
{
    (void)state;
    const double x[] = {5, 5, 5}, y[] = {1, 2, 3};
    const struct descent_settings settings = {0.1, 10000, 1e-12, false};
    assert_int_equal(fit_line(&(struct samples){3, x, y}, &settings).descent.status,
                     DESCENT_DEGENERATE);
}

/* Section 9: on x^2 a step multiplies x by 1 - 2 rate, so x_10 from 10 is
 * 10 (1 - 2 rate)^10; the descent converges for 0 < rate < 1 only. */
static void learning_rate_threshold_on_the_parabola(void **state)
{
    (void)state;
    const double rates[] = {0.05, 0.2, 0.9, 1.1};
    for (int i = 0; i < 4; i++) {
        double x = 10;
        for (int k = 0; k < 10; k++)
            x -= rates[i] * exact_slope(x_squared, x);
        assert_true(relative(x, 10 * pow(1 - 2 * rates[i], 10)) < 1e-12);
    }
    const double one[] = {1}, zero[] = {0};
    /* One example x = 1, y = 0 through the origin: L(w) = w^2, the same
     * parabola, whose steps converge exactly when the rate is below 1. */
    const struct samples parabola = {1, one, zero};
    const struct descent_settings below = {0.99, 10000, 1e-12, true};
    const struct descent_settings above = {1.01, 10000, 1e-12, true};
    assert_int_equal(gradient_descent(&parabola, (struct line){10, 0}, &below, NULL, NULL).status,
                     DESCENT_CONVERGED);
    assert_int_equal(gradient_descent(&parabola, (struct line){10, 0}, &above, NULL, NULL).status,
                     DESCENT_DIVERGED);
}

/* On section 7's loss the limit is 2 / lambda_max of the Hessian. */
static void divergence_is_detected_just_past_the_stable_rate(void **state)
{
    (void)state;
    double limit = largest_stable_rate(&noisy_line_samples);
    /* Hessian 2[[mean x^2, mean x], [mean x, 1]]; for x = -1, -0.5, ..., 2.5
     * mean x = 6 / 8 = 0.75 and mean x^2 = 15 / 8 = 1.875. */
    double a = 3.75, b = 1.5, c = 2.0;
    double lambda = (a + c) / 2 + sqrt((a - c) * (a - c) / 4 + b * b);
    assert_true(relative(limit, 2 / lambda) < 1e-12);
    struct descent_settings s = {0.99 * limit, 100000, 1e-10, false};
    assert_int_equal(gradient_descent(&noisy_line_samples, (struct line){0, 0}, &s, NULL,
                                      NULL).status, DESCENT_CONVERGED);
    s.rate = 1.01 * limit;
    struct descent d = gradient_descent(&noisy_line_samples, (struct line){0, 0}, &s, NULL, NULL);
    assert_int_equal(d.status, DESCENT_DIVERGED);
    s.rate = 0.5 * limit;
    s.max_epochs = 3;
    assert_int_equal(gradient_descent(&noisy_line_samples, (struct line){0, 0}, &s, NULL,
                                      NULL).status, DESCENT_NOT_CONVERGED);
}

/* Section 10: w <- w - rate 2 (w x - y) x with y = 1.5 x settles at 1.5 in
 * any order of the inputs: each step multiplies w - 1.5 by 1 - 2 rate x^2. */
static void knob_converges_to_the_same_value_in_any_order(void **state)
{
    (void)state;
    enum { SONGS = 300 };
    double x[SONGS];
    for (int i = 0; i < SONGS; i++)
        x[i] = 0.2 + 1.8 * fmod((i + 1) * 0.6180339887498949, 1.0);
    double finals[3];
    for (int order = 0; order < 3; order++) {
        double w = 0;
        for (int i = 0; i < SONGS; i++) {
            int j = order == 0 ? i : order == 1 ? SONGS - 1 - i : (i * 7) % SONGS;
            struct example_point e = {x[j], 1.5 * x[j]};
            w -= 0.05 * exact_slope(squared_error_in_w(&e), w);
        }
        finals[order] = w;
    }
    for (int order = 0; order < 3; order++)
        assert_true(fabs(finals[order] - 1.5) < 1e-9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numeric_partials_equal_analytic_ones),
        cmocka_unit_test(loss_gradient_equals_numeric_gradient),
        cmocka_unit_test(each_step_lowers_the_loss_for_a_small_rate),
        cmocka_unit_test(least_squares_line_solves_the_normal_equations),
        cmocka_unit_test(gradient_descent_reaches_the_closed_form),
        cmocka_unit_test(fit_line_matches_closed_form_on_raw_data),
        cmocka_unit_test(through_origin_fit_is_sum_xy_over_sum_x_squared),
        cmocka_unit_test(degenerate_data_is_reported_not_fitted),
        cmocka_unit_test(learning_rate_threshold_on_the_parabola),
        cmocka_unit_test(divergence_is_detected_just_past_the_stable_rate),
        cmocka_unit_test(knob_converges_to_the_same_value_in_any_order),
    };
    return cmocka_run_group_tests_name("sections 6 to 10", tests, NULL, NULL);
}
