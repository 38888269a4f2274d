/* make bench: writes N rows of one of the data sets of line-data.h (whose
 * exact least-squares line is known by construction) to standard output,
 * and the exact w and b to standard error.  Usage: bench-fit-data KIND N */
#include <stdio.h>
#include <stdlib.h>
#include "line-data.h"

int main(int argc, char **argv)
{
    if (argc != 3 || atoi(argv[1]) < 0 || atoi(argv[1]) >= DATA_KINDS || atol(argv[2]) % 4) {
        fprintf(stderr, "usage: bench-fit-data KIND(0-%d) N(a multiple of 4)\n",
                DATA_KINDS - 1);
        return 2;
    }
    int kind = atoi(argv[1]);
    long n = atol(argv[2]);
    char row[128];
    for (long i = 0; i < n; i++) {
        int length = line_data_row(kind, (uint64_t)i, row);
        if (fwrite(row, 1, (size_t)length, stdout) != (size_t)length)
            return 1;
    }
    fprintf(stderr, "%.15g %.15g %s\n", line_data[kind].w, line_data[kind].b,
            line_data[kind].name);
    return fflush(stdout) == 0 ? 0 : 1;
}
