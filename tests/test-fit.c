/* Section 8's fit: the descent on the quadratic of sums is section 7's
 * descent; it stops honestly; and fit-line's answer is the exact
 * least-squares line to 1e-12, checked against exact references (integer
 * arithmetic, or data built so that the answer is known by algebra:
 * tests/line-data.h), and against the method of GSL's gsl_fit_linear. */
#define _GNU_SOURCE
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "examples.h"
#include "linear.h"
#include "autodiff.h"
#include "run-program.h"
#include "line-data.h"

static double relative(double a, double b)
{
    return fabs(a - b) / fabs(b);
}

/* ---- section 7's descent, step by step */
struct path {
    long steps;
    struct line at[4096];
    double loss[4096];
};

static void record(void *context, long epoch, struct line line, double loss)
{
    struct path *p = context;
    if (epoch < 4096) {
        p->at[epoch] = line;
        p->loss[epoch] = loss;
        p->steps = epoch;
    }
}

static void descent_on_the_sums_takes_section_7s_steps(void **state)
{
    (void)state;
    static struct path per_sample, on_sums;
    const struct descent_settings settings = {0.1, 100000, 1e-10, false};
    struct descent a = gradient_descent(&noisy_line_samples, (struct line){-0.5, -2.5},
                                        &settings, record, &per_sample);
    const struct line_quadratic q = loss_quadratic(&noisy_line_samples);
    struct descent b = descend_quadratic(&q, (struct line){-0.5, -2.5}, &settings, record,
                                         &on_sums);
    assert_int_equal(a.status, DESCENT_CONVERGED);
    assert_int_equal(b.status, DESCENT_CONVERGED);
    assert_int_equal(a.epochs, b.epochs);
    assert_true(a.epochs > 50 && a.epochs < 4096);
    for (long k = 0; k <= a.epochs; k++) {
        /* the same step, to the rounding of two ways of adding 8 terms */
        if (fabs(per_sample.at[k].w - on_sums.at[k].w) > 1e-13
            || fabs(per_sample.at[k].b - on_sums.at[k].b) > 1e-13
            || fabs(per_sample.loss[k] - on_sums.loss[k]) > 1e-13 * per_sample.loss[0])
            fail_msg("step %ld: (%.17g, %.17g) against (%.17g, %.17g)", k, per_sample.at[k].w,
                     per_sample.at[k].b, on_sums.at[k].w, on_sums.at[k].b);
    }
    /* and the quadratic is the loss: L and its gradient at a few points */
    for (int i = 0; i < 5; i++) {
        struct line m = {-1 + 0.9 * i, 2 - 1.3 * i};
        struct line g = loss_gradient(&noisy_line_samples, m), h = quadratic_gradient(&q, m);
        assert_true(relative(quadratic_loss(&q, m), mean_squared_error(&noisy_line_samples, m))
                    < 1e-13);
        assert_true(fabs(g.w - h.w) < 1e-13 * (1 + fabs(g.w)));
        assert_true(fabs(g.b - h.b) < 1e-13 * (1 + fabs(g.b)));
    }
}

/* On a quadratic the gradient cannot grow when the rate is below
 * 2 / lambda_max, and must when it is above: lambda_max of section 7's
 * Hessian by the formula of section 9 (a test of its own there). */
static void divergence_only_when_the_rate_is_too_large(void **state)
{
    (void)state;
    const struct line_quadratic q = loss_quadratic(&noisy_line_samples);
    double limit = largest_stable_rate(&noisy_line_samples);
    struct descent_settings s = {0.999 * limit, 1000000, 0, false};
    struct descent d = descend_quadratic(&q, (struct line){0, 0}, &s, NULL, NULL);
    assert_int_equal(d.status, DESCENT_CONVERGED);
    /* so near the limit, rounding sustains a two-step cycle about 1e-13
     * from the bottom (the steepest direction shrinks by 0.998 a step) */
    struct line best;
    assert_int_equal(least_squares_line(&noisy_line_samples, &best), STATUS_OK);
    assert_true(fabs(d.line.w - best.w) < 1e-11 && fabs(d.line.b - best.b) < 1e-11);
    s.rate = 1.001 * limit;
    assert_int_equal(descend_quadratic(&q, (struct line){0, 0}, &s, NULL, NULL).status,
                     DESCENT_DIVERGED);
    /* with tolerance 0, it stops on its own, long before the epoch limit */
    s.rate = 0.1;
    d = descend_quadratic(&q, (struct line){0, 0}, &s, NULL, NULL);
    assert_int_equal(d.status, DESCENT_CONVERGED);
    assert_true(d.epochs < 10000);
}

/* ---- exact references */
__extension__ typedef __int128 wide;

/* The least-squares line of x[i] = X[i] / xs, y[i] = Y[i] / ys (integers
 * X, Y): w = (n Sxy - Sx Sy) / (n Sxx - Sx^2) and b = (Sy - w Sx) / n in
 * exact integer arithmetic, divided out in long double at the end. */
static void exact_line(size_t n, const long long *X, long long xs, const long long *Y,
                       long long ys, long double *w, long double *b, long double *w_origin)
{
    wide sx = 0, sy = 0, sxx = 0, sxy = 0, nn = (wide)n;
    for (size_t i = 0; i < n; i++) {
        sx += X[i];
        sy += Y[i];
        sxx += (wide)X[i] * X[i];
        sxy += (wide)X[i] * Y[i];
    }
    wide p = nn * sxy - sx * sy, q = nn * sxx - sx * sx, r = sy * q - p * sx;
    *w = (long double)p / (long double)q * xs / ys;
    *b = (long double)r / ((long double)q * (long double)n) / ys;
    *w_origin = (long double)sxy / (long double)sxx * xs / ys;
}

/* gsl_fit_linear's method (GSL 2.7, fit/linear.c): running means, then
 * running means of the centred squares and products. */
static void gsl_method(size_t n, const double *x, const double *y, double *w, double *b)
{
    double mx = 0, my = 0, mxx = 0, mxy = 0;
    for (size_t i = 0; i < n; i++) {
        mx += (x[i] - mx) / (double)(i + 1);
        my += (y[i] - my) / (double)(i + 1);
    }
    for (size_t i = 0; i < n; i++) {
        double dx = x[i] - mx, dy = y[i] - my;
        mxx += (dx * dx - mxx) / (double)(i + 1);
        mxy += (dx * dy - mxy) / (double)(i + 1);
    }
    *w = mxy / mxx;
    *b = my - mx * *w;
}

static double text_number(const char *text, long long scale, long long *integer)
{
    double v = strtod(text, NULL);
    *integer = llroundl(strtold(text, NULL) * scale);
    return v;
}

/* "At least as accurate as gsl_fit_linear" is judged on the doubles both
 * methods are given (the decimal data's own rounding is the same for
 * both): against their least-squares line computed in quadruple
 * precision (113 bits), centred in two passes.  Below 2 epsilon, a
 * difference of one rounding, the two are taken as equal. */
__extension__ typedef __float128 quad;

static void quad_line(size_t n, const double *x, const double *y, double *w, double *b)
{
    quad mx = 0, my = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= (quad)n;
    my /= (quad)n;
    for (size_t i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    *w = (double)(sxy / sxx);
    *b = (double)(my - sxy / sxx * mx);
}

static void at_least_as_accurate_as_gsl(const char *what, size_t n, const double *x,
                                        const double *y, struct line mine)
{
    double qw, qb, gw, gb;
    quad_line(n, x, y, &qw, &qb);
    gsl_method(n, x, y, &gw, &gb);
    double floor = 2 * DBL_EPSILON;
    if (relative(mine.w, qw) > fmax(relative(gw, qw), floor)
        || relative(mine.b, qb) > fmax(relative(gb, qb), floor))
        fail_msg("%s: errors %.3g %.3g, gsl_fit_linear's method %.3g %.3g", what,
                 relative(mine.w, qw), relative(mine.b, qb), relative(gw, qw),
                 relative(gb, qb));
}

/* The issue's small rounded sets: 3 to 10 points on lines such as
 * y = pi x + e, y rounded to 6 decimals; some nearly collinear (noise
 * 1e-7), some with x near 1e6 to 6e7 or near 1e9. */
static void small_rounded_sets_are_fitted_exactly(void **state)
{
    (void)state;
    const struct descent_settings bias = {0.1, 100000, 0, false},
                                  origin = {0.1, 100000, 0, true};
    int sets = 0;
    for (int n = 3; n <= 10; n++)
        for (int k = 0; k < 57; k++) {
            double x[10], y[10];
            long long X[10], Y[10];
            long long x_scale = k % 3 == 0 ? 1 : k % 3 == 1 ? 100 : 1;
            double offset = k % 6 == 5 ? 1e9 + 1e6 * k : k % 3 == 2 ? 1e6 * (1 + k) : 0;
            for (int i = 0; i < n; i++) {
                char text[64];
                double xi = offset + (i + 1) * (1 + k % 5) / (double)x_scale;
                snprintf(text, sizeof text, "%.2f", xi);
                x[i] = text_number(text, x_scale, &X[i]);
                double line = (M_PI + k / 7.0) * xi + (1 + k) * (k % 2 ? -1 : 1) * M_E
                              + (k % 4 == 0 ? 1e-7 * sin(i * 1.0 + k) : 0);
                /* far from 0, y in 64ths (6 decimals, exact in binary): decimals
                 * there would not be the numbers the doubles hold */
                snprintf(text, sizeof text, "%.6f", offset ? round(line * 64) / 64 : line);
                y[i] = text_number(text, 1000000, &Y[i]);
            }
            long double w, b, w0;
            exact_line((size_t)n, X, x_scale, Y, 1000000, &w, &b, &w0);
            struct fit f = fit_line(&(struct samples){(size_t)n, x, y}, &bias);
            assert_int_equal(f.descent.status, DESCENT_CONVERGED);
            double ew = fabs(f.descent.line.w - (double)w) / fabs((double)w);
            double eb = fabs(f.descent.line.b - (double)b) / fabs((double)b);
            if (ew > 1e-12 || eb > 1e-12)
                fail_msg("set n=%d k=%d: w %.17g b %.17g, exact %.17Lg %.17Lg", n, k,
                         f.descent.line.w, f.descent.line.b, w, b);
            char what[64];
            snprintf(what, sizeof what, "set n=%d k=%d", n, k);
            at_least_as_accurate_as_gsl(what, (size_t)n, x, y, f.descent.line);
            struct fit o = fit_line(&(struct samples){(size_t)n, x, y}, &origin);
            assert_int_equal(o.descent.status, DESCENT_CONVERGED);
            if (relative(o.descent.line.w, (double)w0) > 1e-12 || o.descent.line.b != 0)
                fail_msg("set n=%d k=%d through the origin: w %.17g, exact %.17Lg", n, k,
                         o.descent.line.w, w0);
            sets++;
        }
    assert_int_equal(sets, 456);
}

/* ---- data sets of tests/line-data.h, whose answer is known exactly */
static size_t generate(int kind, size_t n, double *x, double *y)
{
    char row[128];
    for (size_t i = 0; i < n; i++) {
        line_data_row(kind, i, row);
        char *comma = strchr(row, ',');
        x[i] = strtod(row, NULL);
        y[i] = strtod(comma + 1, NULL);
    }
    return n;
}

static void check_line(const char *what, size_t n, double w, double b, const struct line_data *d,
                       bool through_origin)
{
    double ew = relative(w, d->w);
    double eb = d->b != 0 ? relative(b, d->b) : fabs(b);
    if (ew > 1e-12 || eb > 1e-12 || (through_origin && b != 0))
        fail_msg("%s, %zu rows, %s: w %.17g b %.17g, exact %.17g %.17g (errors %.2g %.2g)",
                 d->name, n, what, w, b, d->w, d->b, ew, eb);
}

static void exact_data_sets_are_fitted_to_1e_12(void **state)
{
    (void)state;
    enum { MOST = 100000 };
    double *x = malloc(MOST * sizeof *x), *y = malloc(MOST * sizeof *y);
    assert_true(x && y);
    const struct descent_settings bias = {0.1, 100000, 0, false},
                                  origin = {0.1, 100000, 0, true};
    const size_t sizes[] = {1000, 4096, MOST};
    for (int kind = 0; kind < DATA_KINDS; kind++)
        for (size_t s = 0; s < 3; s++) {
            size_t n = generate(kind, sizes[s], x, y);
            struct fit f = fit_line(&(struct samples){n, x, y}, &bias);
            assert_int_equal(f.descent.status, DESCENT_CONVERGED);
            check_line("with a bias", n, f.descent.line.w, f.descent.line.b, &line_data[kind],
                       false);
            at_least_as_accurate_as_gsl(line_data[kind].name, n, x, y, f.descent.line);
            if (kind == DATA_ORIGIN) {
                struct fit o = fit_line(&(struct samples){n, x, y}, &origin);
                assert_int_equal(o.descent.status, DESCENT_CONVERGED);
                check_line("through the origin", n, o.descent.line.w, o.descent.line.b,
                           &line_data[kind], true);
            }
        }
    free(x);
    free(y);
}

/* --tolerance T means what --help says at every n: the descent stops
 * once the gradient of the scaled loss is at most T.  In the scaled units
 * the gradient in w' is 2 a (w' - w'*), a = var(x) / x_scale^2 (b' stays
 * 0), with w'* = w* x_scale / y_scale from the exact line. */
static void tolerance_bounds_the_scaled_gradient_at_every_n(void **state)
{
    (void)state;
    enum { MOST = 100000 };
    double *x = malloc(MOST * sizeof *x), *y = malloc(MOST * sizeof *y);
    assert_true(x && y);
    const size_t sizes[] = {1000, MOST};
    const double tolerances[] = {1e-3, 1e-8, 1e-13};
    for (size_t s = 0; s < 2; s++) {
        size_t n = generate(DATA_DECIMALS, sizes[s], x, y);
        long double mean = 0, variance = 0;
        for (size_t i = 0; i < n; i++)
            mean += x[i] / (long double)n;
        for (size_t i = 0; i < n; i++)
            variance += (x[i] - mean) * (x[i] - mean) / n;
        long previous = -1;
        for (int t = 0; t < 3; t++) {
            const struct descent_settings settings = {0.1, 100000, tolerances[t], false};
            struct fit f = fit_line(&(struct samples){n, x, y}, &settings);
            assert_int_equal(f.descent.status, DESCENT_CONVERGED);
            long double a = variance / ((long double)f.x_scale * f.x_scale);
            long double g = 2 * a * ((long double)f.descent.line.w - line_data[DATA_DECIMALS].w)
                            * f.x_scale / f.y_scale;
            if (fabsl(g) > tolerances[t])
                fail_msg("%zu rows, tolerance %g: the scaled gradient is %Lg", n, tolerances[t], g);
            assert_true(f.descent.epochs > previous);   /* a smaller tolerance, more steps */
            previous = f.descent.epochs;
        }
    }
    free(x);
    free(y);
}

/* ---- fit-line as a user runs it, rows streamed through a pipe */
struct piped {
    struct run run;
    long max_rss_kb;
};

/* Runs program (a path) on standard input fed with n rows of data set
 * kind, then the extra lines; options before the "-". */
static void pipe_rows(struct piped *p, const char *program, int kind, size_t n,
                      const char *options)
{
    char out[] = "/tmp/test-fit-out-XXXXXX", err[] = "/tmp/test-fit-err-XXXXXX";
    int fo = mkstemp(out), fe = mkstemp(err), fds[2];
    assert_true(fo >= 0 && fe >= 0 && pipe(fds) == 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[0], 0);
        dup2(fo, 1);
        dup2(fe, 2);
        close(fds[1]);
        execl("/bin/sh", "sh", "-c", options, program, (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    signal(SIGPIPE, SIG_IGN);      /* a program that stops reading fails the test, not kills it */
    FILE *in = fdopen(fds[1], "w");
    char row[128];
    for (size_t i = 0; i < n; i++) {
        int len = line_data_row(kind, i, row);
        fwrite(row, 1, (size_t)len, in);
    }
    fclose(in);
    int status;
    struct rusage usage;
    assert_true(wait4(pid, &status, 0, &usage) == pid);
    p->run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    p->max_rss_kb = usage.ru_maxrss;
    slurp(out, p->run.out, sizeof p->run.out);
    slurp(err, p->run.err, sizeof p->run.err);
    unlink(out);
    unlink(err);
    close(fo);
    close(fe);
}

static char *program_path(char *path, size_t size, const char *dir_var, const char *suffix)
{
    snprintf(path, size, "%s%s/fit-line", getenv(dir_var), suffix);
    return path;
}

/* A million rows through a pipe, for three data sets, with the
 * sanitizer build: the exact line to 1e-12. */
static void a_million_rows_from_a_pipe_give_the_exact_line(void **state)
{
    (void)state;
    char program[4096];
    program_path(program, sizeof program, "SAN_BIN", "");
    const int kinds[] = {DATA_DECIMALS, DATA_NEAR_1E15, DATA_COLLINEAR};
    for (int i = 0; i < 3; i++) {
        struct piped p;
        pipe_rows(&p, program, kinds[i], 1000000, "exec \"$0\" -");
        if (p.run.status != 0)
            fail_msg("status %d: %s", p.run.status, p.run.err);
        check_line("fit-line", 1000000, value_named(p.run.out, "w"),
                   value_named(p.run.out, "b"), &line_data[kinds[i]], false);
    }
    struct piped p;
    pipe_rows(&p, program, DATA_ORIGIN, 1000000, "exec \"$0\" --through-origin -");
    assert_int_equal(p.run.status, 0);
    check_line("fit-line --through-origin", 1000000, value_named(p.run.out, "w"),
               value_named(p.run.out, "b"), &line_data[DATA_ORIGIN], true);
}

/* Memory does not grow with rows: the optimised build (build/bin, next
 * to build/san/bin) stays under 16 MB on 10^5 and on 2 * 10^6 rows, and
 * within 1 MB of itself. */
static void memory_does_not_grow_with_rows(void **state)
{
    (void)state;
    char program[4096];
    program_path(program, sizeof program, "SAN_BIN", "/../../bin");
    struct piped small, large;
    pipe_rows(&small, program, DATA_DECIMALS, 100000, "exec \"$0\" -");
    pipe_rows(&large, program, DATA_DECIMALS, 2000000, "exec \"$0\" -");
    assert_int_equal(small.run.status, 0);
    assert_int_equal(large.run.status, 0);
    if (large.max_rss_kb > 16 * 1024 || large.max_rss_kb > small.max_rss_kb + 1024)
        fail_msg("peak memory %ld kB on 2e6 rows, %ld kB on 1e5", large.max_rss_kb,
                 small.max_rss_kb);
}

/* The issue's repros, each with its verdict (those of issue 26, against
 * exact rationals, are in tests/test-fit-exact.c). */
static void the_issues_repros_behave(void **state)
{
    (void)state;
    char dir[] = "/tmp/test-fit-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const struct {
        const char *name, *text, *options;
        int status;
        const char *expected;
    } cases[] = {
        {"pi.csv", "x,y\n1,4.141593\n2,7.283185\n3,10.424778\n", "", 0, NULL},
        {"pi-slow.csv", "x,y\n1,4.141593\n2,7.283185\n3,10.424778\n", "--rate 0.01", 0, NULL},
        {"subnormal.csv", "1,1e-310\n2,3\n", "", 0, NULL},
        {"both.csv", "1,2\n2,3\n", "--header --no-header", 2, "contradict"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512], command[2048];
        snprintf(path, sizeof path, "%s/%s", dir, cases[i].name);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(cases[i].text, f);
        fclose(f);
        struct run r;
        char *argv[8] = {"fit-line"};
        int argc = 1;
        char options[128];
        snprintf(options, sizeof options, "%s", cases[i].options);
        for (char *t = strtok(options, " "); t; t = strtok(NULL, " "))
            argv[argc++] = t;
        argv[argc++] = path;
        argv[argc] = NULL;
        run_argv(&r, argv);
        if (cases[i].expected)
            assert_refused(&r, "fit-line", cases[i].status, cases[i].expected);
        else if (r.status != 0 || strstr(r.out, "inf") || strstr(r.out, "nan"))
            fail_msg("%s: status %d, out %s, err %s", cases[i].name, r.status, r.out, r.err);
        (void)command;
    }
    /* pi: w = (10.424778 - 4.141593) / 2 exactly, and b = mean y - 2 w */
    struct run r;
    char path[512];
    snprintf(path, sizeof path, "%s/pi.csv", dir);
    run_program(&r, "fit-line", path, NULL);
    assert_true(value_named(r.out, "w") == 6.283185 / 2);
    assert_true(relative(value_named(r.out, "b"), 21.849556 / 3 - 6.283185) < 1e-12);
    char command[600];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    assert_int_equal(system(command), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descent_on_the_sums_takes_section_7s_steps),
        cmocka_unit_test(divergence_only_when_the_rate_is_too_large),
        cmocka_unit_test(small_rounded_sets_are_fitted_exactly),
        cmocka_unit_test(exact_data_sets_are_fitted_to_1e_12),
        cmocka_unit_test(tolerance_bounds_the_scaled_gradient_at_every_n),
        cmocka_unit_test(a_million_rows_from_a_pipe_give_the_exact_line),
        cmocka_unit_test(memory_does_not_grow_with_rows),
        cmocka_unit_test(the_issues_repros_behave),
    };
    return cmocka_run_group_tests_name("section 8: fitting a line to any data", tests, NULL,
                                       NULL);
}
