/* make bench: the document's derivative methods beside GSL's
 * gsl_deriv_central, on the same functions and points: relative error
 * against the closed form, and how many times each method evaluated the
 * function.  GSL is a benchmark dependency only. */
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_errno.h>
#include "autodiff.h"
#include "calculus.h"
#include "examples.h"

struct counted {
    double (*f)(double);
    double complex (*fc)(double complex);
    struct dual (*fd)(struct dual);
    double (*slope)(double);
    const char *name;
    long calls;
};

static double cube(double x) { return x * x * x; }
static double complex ccube(double complex x) { return x * x * x; }
static struct dual dcube(struct dual x) { return dual_mul(dual_mul(x, x), x); }
static double cube_slope(double x) { return 3 * x * x; }
static double complex csin_(double complex x) { return csin(x); }
static double complex cexp_(double complex x) { return cexp(x); }

static double counted_at(const void *params, double x)
{
    struct counted *c = (struct counted *)params;
    c->calls++;
    return c->f(x);
}

static double gsl_at(double x, void *params)
{
    return counted_at(params, x);
}

static void report(const struct counted *c, double x, const char *method, double value,
                   long calls)
{
    double truth = c->slope(x);
    printf("%-6s %5g  %-27s %10.2e %8ld\n", c->name, x, method,
           fabs(value - truth) / fabs(truth), calls);
}

int main(void)
{
    struct counted functions[] = {
        {exp, cexp_, dual_exp, exp, "e^x", 0},
        {cube, ccube, dcube, cube_slope, "x^3", 0},
        {sin, csin_, dual_sin, cos, "sin x", 0},
    };
    const double points[] = {1.0, 2.0, 0.5};
    gsl_set_error_handler_off();
    printf("%-6s %5s  %-27s %10s %8s\n", "f", "x", "method", "rel. error", "f evals");
    for (int i = 0; i < 3; i++) {
        struct counted *c = &functions[i];
        struct real_function f = {counted_at, counted_at, c};
        double x = points[i], h, v;
        c->calls = 0;
        h = sqrt(DBL_EPSILON) * fmax(1, fabs(x));
        v = difference_quotient(f, x, h);
        report(c, x, "forward, h=sqrt(eps)", v, c->calls);
        c->calls = 0;
        h = cbrt(DBL_EPSILON) * fmax(1, fabs(x));
        v = central_difference(f, x, h);
        report(c, x, "central, h=eps^(1/3)", v, c->calls);
        v = cimag(c->fc(x + 1e-20 * I)) / 1e-20;
        report(c, x, "complex step, h=1e-20", v, 1);
        v = c->fd(dual_variable(x)).slope;
        report(c, x, "dual numbers", v, 1);
        const double gsl_steps[] = {1e-8, 1e-4};
        for (int s = 0; s < 2; s++) {
            gsl_function g = {gsl_at, c};
            double result, abserr;
            char label[40];
            c->calls = 0;
            gsl_deriv_central(&g, x, gsl_steps[s], &result, &abserr);
            snprintf(label, sizeof label, "gsl_deriv_central h=%g", gsl_steps[s]);
            report(c, x, label, result, c->calls);
        }
    }
    return 0;
}
