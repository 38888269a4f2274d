/* The reference for derivatives measured in ulps: the hand-derived
 * derivative evaluated in quad precision, gcc's __float128 with
 * libquadmath (113-bit significand), when the compiler has it; otherwise
 * (clang) long double, which must carry at least 11 bits more than double
 * (x86-64's 64-bit significand does).  REFERENCE_NAME says which. */
#ifndef QUAD_REFERENCE_H
#define QUAD_REFERENCE_H
#include <float.h>
#include <math.h>
#include <string.h>
#include "cases.h"
#include "examples.h"

#if defined(__has_include) && !defined(__clang__)
#if __has_include(<quadmath.h>)
#define HAVE_QUADMATH 1
#endif
#endif

#ifdef HAVE_QUADMATH
#include <quadmath.h>
__extension__ typedef __float128 quad;
#define Q(f) f##q
#define REFERENCE_NAME "__float128 (libquadmath, 113-bit significand)"
#else
typedef long double quad;
#define Q(f) f##l
#define REFERENCE_NAME "long double (64-bit significand)"
_Static_assert(LDBL_MANT_DIG >= DBL_MANT_DIG + 11, "long double is too short for a reference");
#endif

/* The error of a double in ulps of the reference: the distance divided by
 * the gap between adjacent doubles at the reference (the smallest
 * subnormal where the reference is 0). */
static inline double ulps_from(double value, quad truth)
{
    double t = fabs((double)truth);
    double gap = t == 0 ? DBL_TRUE_MIN : nextafter(t, INFINITY) - t;
    quad d = (quad)value - truth;
    return (double)((d < 0 ? -d : d) / gap);
}

/* The derivative of each function of the catalogue (derivative_cases),
 * by hand, at x; constants are the doubles the code uses.  Returns 0 and
 * sets *found to 0 for a name it does not know. */
static inline quad reference_slope(const char *name, double at, int *found)
{
    quad x = at;
    *found = 1;
    if (!strcmp(name, "exp(x)"))
        return Q(exp)(x);
    if (!strcmp(name, "x^(3/2)"))
        return (quad)3 / 2 * Q(sqrt)(x);
    if (!strcmp(name, "sin(1/x)"))
        return -Q(cos)(1 / x) / (x * x);
    if (!strcmp(name, "exp(-x^2)"))
        return -2 * x * Q(exp)(-x * x);
    if (!strcmp(name, "x^2 at 0") || !strcmp(name, "x^2"))
        return 2 * x;
    if (!strcmp(name, "1/x"))
        return -1 / (x * x);
    if (!strcmp(name, "x^3"))
        return 3 * x * x;
    if (!strcmp(name, "cost q^2 + 5q"))
        return 2 * x + 5;
    if (!strcmp(name, "fall 4.9 t^2"))
        return 2 * (quad)(0.5 * 9.8) * x;
    if (!strcmp(name, "loss (2w - 4)^2"))
        return 4 * (2 * x - 4);
    if (!strcmp(name, "speed 9.8 t"))
        return (quad)9.8;
    if (!strcmp(name, "x^2 y along x"))
        return 2 * x * 2;
    if (!strcmp(name, "x^2 y along y"))
        return 1;
    if (!strcmp(name, "loss along w")) {          /* b = 0: (2/n) sum (w x - y) x */
        quad sum = 0;
        for (size_t i = 0; i < noisy_line_samples.n; i++)
            sum += 2 * (x * noisy_line_samples.x[i] - noisy_line_samples.y[i])
                   * noisy_line_samples.x[i];
        return sum / (quad)noisy_line_samples.n;
    }
    if (!strcmp(name, "sin(x)"))
        return Q(cos)(x);
    if (!strcmp(name, "cos(x)/x"))
        return -Q(sin)(x) / x - Q(cos)(x) / (x * x);
    if (!strcmp(name, "tan(x)"))
        return 1 + Q(tan)(x) * Q(tan)(x);
    if (!strcmp(name, "atan(x)"))
        return 1 / (1 + x * x);
    if (!strcmp(name, "tanh(x)"))
        return 1 - Q(tanh)(x) * Q(tanh)(x);
    if (!strcmp(name, "log(1 + e^x)"))
        return Q(exp)(x) / (1 + Q(exp)(x));
    if (!strcmp(name, "x^2.5"))
        return (quad)5 / 2 * x * Q(sqrt)(x);
    if (!strcmp(name, "x^-3"))
        return -3 / (x * x * x * x);
    *found = 0;
    return 0;
}
#endif
