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
    char error[512];
    /* The three header rules; the first byte chooses one, so the corpus
     * reaches all of them. */
    struct data_reader *r = open_data_stream(in, "fuzz", (enum header_rule)(bytes[0] % 3),
                                             error, sizeof error);
    if (r) {
        size_t column;
        double sum = 0;
        const double *cells;
        if (find_column(r, "2", &column, error, sizeof error))
            while (next_data_row(r, &cells) == 1)
                sum += cells[column];
        find_column(r, "y", &column, error, sizeof error);
        (void)sum;
        close_data(r);
    }
    fclose(in);
    return 0;
}
