/* Replays fuzz cases (seeds and every crash ever found) through a fuzz
 * target without libFuzzer, so `make check` runs them under the
 * sanitizers with any compiler. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        static uint8_t buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        uint8_t *copy = malloc(n ? n : 1);   /* exact size, so ASan sees overreads */
        if (!copy)
            return 1;
        for (size_t j = 0; j < n; j++)
            copy[j] = buf[j];
        LLVMFuzzerTestOneInput(copy, n);
        free(copy);
    }
    printf("%s: %d cases replayed\n", argv[0], argc - 1);
    return 0;
}
