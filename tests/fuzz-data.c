/* Fuzz target: the data reader (appendix "Reading data files") on any
 * bytes, then the column lookups fit-line makes.  Built with libFuzzer by
 * `make fuzz`, and replayed over tests/fuzz-cases/data/ by `make check`. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "data.h"

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size == 0)
        return 0;
    FILE *in = fmemopen((void *)bytes, size, "r");
    if (!in)
        return 0;
    struct data_table t;
    char error[512];
    if (read_data_stream(in, "fuzz", &t, error, sizeof error)) {
        size_t column;
        double sum = 0;
        if (find_column(&t, "2", &column, error, sizeof error))
            for (size_t i = 0; i < t.rows; i++)
                sum += data_cell(&t, i, column);
        find_column(&t, "y", &column, error, sizeof error);
        (void)sum;
        free_data_table(&t);
    }
    fclose(in);
    return 0;
}
