/* Fuzz target: the data reader (appendix "Reading data files") on any
 * bytes, then the column lookups fit-line makes.  Built with libFuzzer by
 * `make fuzz`, and replayed over tests/fuzz-cases/data/ by `make check`. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
    struct data_reader *r;
    enum status status = open_data_stream(in, "fuzz", (enum header_rule)(bytes[0] % 3), &r,
                                          error, sizeof error);
    if ((status == STATUS_OK) != (r != NULL))
        abort();   /* a reader exactly when the status says so */
    if (r) {
        size_t column;
        double sum = 0;
        const double *cells;
        if (find_column(r, "2", &column, error, sizeof error) == STATUS_OK)
            while (next_data_row(r, &cells, error, sizeof error) == STATUS_OK && cells)
                sum += cells[column];
        find_column(r, "y", &column, error, sizeof error);
        (void)sum;
        close_data(r);
    }
    fclose(in);
    return 0;
}
