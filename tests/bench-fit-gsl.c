/* make bench: the yardstick for fit-line.  A plain C program that reads
 * two comma-separated columns with getline and strtod into arrays and
 * fits them with GSL's gsl_fit_linear; it prints w and b.  It checks
 * nothing beyond what strtod reports, as a quick program would. */
#define _POSIX_C_SOURCE 200809L
#include <gsl/gsl_fit.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    size_t n = 0, capacity = 1 << 20;
    double *x = malloc(capacity * sizeof *x), *y = malloc(capacity * sizeof *y);
    char *line = NULL, *end;
    size_t size = 0;
    while (x && y && getline(&line, &size, in) != -1) {
        if (n == capacity) {
            capacity *= 2;
            x = realloc(x, capacity * sizeof *x);
            y = realloc(y, capacity * sizeof *y);
            if (!x || !y)
                break;
        }
        x[n] = strtod(line, &end);
        y[n] = strtod(end + 1, NULL);
        n++;
    }
    if (!x || !y || ferror(in)) {
        fprintf(stderr, "bench-fit-gsl: out of memory or read error\n");
        return 1;
    }
    double b, w, cov00, cov01, cov11, sumsq;
    gsl_fit_linear(x, 1, y, 1, n, &b, &w, &cov00, &cov01, &cov11, &sumsq);
    printf("w\t%.17g\nb\t%.17g\n", w, b);
    free(line);
    free(x);
    free(y);
    return 0;
}
