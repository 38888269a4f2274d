/* make bench: every function of section 11's catalogue (GSL's
 * deriv/test.c at its points, the document's functions, one per rule)
 * differentiated six ways, each with its error in ulps against the
 * hand-derived derivative in quad precision (tests/quad-reference.h),
 * the number of evaluations of the function, and the time per derivative
 * (the median of many runs).  The forward and central differences are
 * shown at their best step on the grid h = 10^(-j/8), which needs the
 * true answer to find and so flatters them; gsl_deriv_central starts
 * from h = 1e-4, the step of GSL's own test, and picks its own.  GSL is a
 * benchmark dependency only. */
#define _POSIX_C_SOURCE 200809L
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_errno.h>
#include "autodiff.h"
#include "cases.h"
#include "calculus.h"
#include "quad-reference.h"

enum { METHODS = 6, RUNS = 31, REPEATS = 2000 };
static const char *const method_names[METHODS] = {
    "forward", "central", "gsl_deriv_central", "complex step", "dual", "reverse"};

struct counted {
    const struct derivative_case *c;
    long calls;
};

static double counted_at(const void *params, double x)
{
    struct counted *k = (struct counted *)params;
    k->calls++;
    return k->c->f(x);
}

static double gsl_at(double x, void *params)
{
    return counted_at(params, x);
}

/* The best step of a difference on the grid, by the reference. */
static double best_step(struct counted *k, double (*method)(struct real_function, double, double),
                        quad truth)
{
    struct real_function f = {counted_at, counted_at, k};
    double best = 1, error = INFINITY;
    for (int j = 0; j <= 8 * 16; j++) {
        double h = pow(10.0, -j / 8.0), e = ulps_from(method(f, k->c->at, h), truth);
        if (e < error) {
            error = e;
            best = h;
        }
    }
    return best;
}

/* One derivative by method m; *calls counts the evaluations of f. */
static double derivative(struct counted *k, int m, const double steps[2], long *calls)
{
    const struct derivative_case *c = k->c;
    struct real_function f = {counted_at, counted_at, k};
    enum status status = STATUS_OK;
    double d = 0;
    k->calls = 0;
    switch (m) {
    case 0:
        d = difference_quotient(f, c->at, steps[0]);
        break;
    case 1:
        d = central_difference(f, c->at, steps[1]);
        break;
    case 2: {
        gsl_function g = {gsl_at, k};
        double abserr;
        gsl_deriv_central(&g, c->at, 1e-4, &d, &abserr);
        break;
    }
    case 3:
        d = complex_step(c->complex_f, c->at, 1e-20);
        k->calls = 1;
        break;
    case 4:
        d = c->dual_f(dual_variable(c->at)).slope;
        k->calls = 1;
        break;
    case 5:
        status = derivative_by_tape(c->tape_f, c->at, &d);
        k->calls = 1;
        break;
    }
    if (status != STATUS_OK) {
        fputs("bench-derivatives: out of memory for the tape\n", stderr);
        exit(1);
    }
    *calls = k->calls;
    return d;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

volatile double bench_sink;   /* keeps the timed derivatives from being optimised away */

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nanoseconds per derivative: the median over RUNS of REPEATS each. */
static double time_per_derivative(struct counted *k, int m, const double steps[2])
{
    double runs[RUNS];
    long calls;
    for (int r = 0; r < RUNS; r++) {
        double start = now();
        for (int i = 0; i < REPEATS; i++)
            bench_sink = derivative(k, m, steps, &calls);
        runs[r] = (now() - start) / REPEATS;
    }
    qsort(runs, RUNS, sizeof runs[0], by_value);
    return runs[RUNS / 2];
}

int main(void)
{
    gsl_set_error_handler_off();
    printf("reference: the derivative by hand in %s\n", REFERENCE_NAME);
    printf("forward and central at their best step h on the grid 10^(-j/8); gsl_deriv_central\n"
           "from h = 1e-4; complex step at h = 1e-20.  Where the derivative is 0 (x^2 at 0) an\n"
           "ulp is the smallest subnormal, so any error at all is enormous.\n\n");
    printf("%-16s %5s | error in ulps:%8s %9s %9s %9s %7s %7s | best h: fwd     central\n",
           "function", "x", method_names[0], method_names[1], "gsl", "complex", "dual",
           "reverse");
    double ns[64][METHODS];
    long evaluations[64][METHODS];
    for (size_t i = 0; i < derivative_case_count && i < 64; i++) {
        struct counted k = {&derivative_cases[i], 0};
        int found;
        quad truth = reference_slope(k.c->name, k.c->at, &found);
        if (!found) {
            fprintf(stderr, "bench-derivatives: no reference for %s\n", k.c->name);
            return 1;
        }
        double steps[2] = {best_step(&k, difference_quotient, truth),
                           best_step(&k, central_difference, truth)};
        printf("%-16s %5g |               ", k.c->name, k.c->at);
        for (int m = 0; m < METHODS; m++) {
            double d = derivative(&k, m, steps, &evaluations[i][m]);
            printf(" %*.3g", m < 4 ? 9 : 7, ulps_from(d, truth));
            ns[i][m] = time_per_derivative(&k, m, steps);
        }
        printf(" |         %7.2g %7.2g\n", steps[0], steps[1]);
    }
    printf("\n%-16s %5s | evaluations of f; nanoseconds per derivative (median of %d runs of %d)\n",
           "function", "x", RUNS, REPEATS);
    printf("%-16s %5s |", "", "");
    for (int m = 0; m < METHODS; m++)
        printf(" %17s", method_names[m]);
    printf("\n");
    for (size_t i = 0; i < derivative_case_count && i < 64; i++) {
        printf("%-16s %5g |", derivative_cases[i].name, derivative_cases[i].at);
        for (int m = 0; m < METHODS; m++)
            printf(" %5ld, %8.1f ns", evaluations[i][m], ns[i][m]);
        printf("\n");
    }
    printf("\nan evaluation is one call of f on double (forward, central, GSL), on double\n"
           "complex (complex step), on dual numbers (dual), or one recording of the tape\n"
           "followed by one backward pass (reverse).\n");
    return 0;
}
