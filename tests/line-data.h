/* Data sets whose least-squares line is known exactly, by construction,
 * for tests and for make bench.  Rows come in blocks of four with x
 * evenly spaced inside a block (x = a, a+h, a+2h, a+3h, with a and h
 * drawn afresh for each block) and y = w x + b + e, where the residuals
 * e = d (+1, -1, -1, +1) sum to zero and are orthogonal to x:
 * d (a - (a+h) - (a+2h) + (a+3h)) = 0.  The normal equations are then
 * solved by (w, b) exactly, for any number of whole blocks, whatever the
 * a, h and d.  Every number is written as a short decimal (integers and
 * fixed decimals computed in integer arithmetic), so the file holds
 * exactly the data the answer is for. */
#ifndef LINE_DATA_H
#define LINE_DATA_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct line_data {
    const char *name;
    double w, b;       /* the exact least-squares line of any 4k rows */
};

enum { DATA_DECIMALS, DATA_NEAR_1E9, DATA_NEAR_1E15, DATA_COLLINEAR, DATA_ORIGIN, DATA_KINDS };

static const struct line_data line_data[DATA_KINDS] = {
    {"decimals: x with 2 digits, y with 3", 1.7, -3.1},
    {"x near 1e9, y in eighths", 2.5, -7},
    {"x near 1e15, integers", 3, -7},
    {"nearly collinear: residuals 1e-3 on y up to 1.7e6", 1.7, -3.1},
    {"through the origin: b = 0", 1.7, 0},
};

static inline uint64_t line_data_hash(uint64_t k)   /* splitmix64 */
{
    uint64_t z = k + UINT64_C(0x9E3779B97F4A7C15);
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* v / 10^digits as a decimal, exactly. */
static inline int fixed_text(char *out, long long v, int digits)
{
    long long scale = digits == 2 ? 100 : 1000, a = v < 0 ? -v : v;
    return sprintf(out, "%s%lld.%0*lld", v < 0 ? "-" : "", a / scale, digits, a % scale);
}

/* Row i of data set `kind` as "x,y\n" in out; returns its length. */
static inline int line_data_row(int kind, uint64_t i, char *out)
{
    uint64_t r = line_data_hash(i / 4), j = i % 4;
    long long sign = (j == 0 || j == 3) ? 1 : -1;
    long long a = (long long)(r % 2000001) - 1000000, h = 1 + (long long)((r >> 21) % 1000);
    long long d = (long long)((r >> 32) % 1000), x = a + h * (long long)j;
    int n;
    switch (kind) {
    case DATA_DECIMALS:          /* x = X/100, y = (17 X - 3100 + e)/1000 */
        n = fixed_text(out, x, 2);
        out[n++] = ',';
        n += fixed_text(out + n, 17 * x - 3100 + sign * d, 3);
        out[n++] = '\n';
        return n;
    case DATA_NEAR_1E9: {        /* x = 1e9 + a + hj, 8y = 20x - 56 + e */
        long long X = 1000000000LL + a + h * (long long)j, y8 = 20 * X - 56 + sign * d;
        return sprintf(out, "%lld,%lld.%03lld\n", X, y8 / 8, y8 % 8 * 125);   /* y8 > 0 */
    }
    case DATA_NEAR_1E15: {       /* x = 1e15 + a + hj, y = 3x - 7 + e */
        long long X = 1000000000000000LL + a + h * (long long)j;
        return sprintf(out, "%lld,%lld\n", X, 3 * X - 7 + sign * d);
    }
    case DATA_COLLINEAR:         /* x = a + hj, y = 1.7x - 3.1 +- 0.001 */
        n = sprintf(out, "%lld,", x);
        n += fixed_text(out + n, 1700 * x - 3100 + sign * (d % 2), 3);
        out[n++] = '\n';
        return n;
    default: {                   /* x = (1e6 + a + hj)/100 > 0, y = 1.7x + e */
        long long X = 1000000LL + a + h * (long long)j + 1;
        n = fixed_text(out, X, 2);
        out[n++] = ',';
        n += fixed_text(out + n, 17 * X + sign * d, 3);
        out[n++] = '\n';
        return n;
    }
    }
}
#endif
