/* Fuzz target: the shared command-line reader.  The input is split at
 * newlines into at most 15 arguments and parsed against options of every
 * kind and a FILE operand.  Built with libFuzzer by `make fuzz`, and
 * replayed over tests/fuzz-cases/options/ by `make check`. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, bytes, size);
    text[size] = '\0';
    char *argv[17] = {"fuzz"};
    int argc = 1;
    for (char *p = text; argc < 16 && p; argc++) {
        argv[argc] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = '\0';
    }
    argv[argc] = NULL;
    double real = 1;
    long count = 3;
    const char *name = "x";
    bool flag = false;
    const struct option_spec options[] = {
        {"real", OPTION_REAL, "m", "a number", &real, 0, 10, true},
        {"count", OPTION_COUNT, "", "a count", &count, -5, 5, false},
        {"name", OPTION_TEXT, "", "a text", &name, 0, 0, false},
        {"flag", OPTION_FLAG, "", "a flag", &flag, 0, 0, false},
    };
    const struct program_info program = {"fuzz", "s", "d", "e", options, 4, "FILE"};
    struct common_options common;
    enum status status = parse_command_line(&program, argc, argv, &common);
    if (status == STATUS_OK && common.action == ACTION_RUN) {
        if (!(real > 0 && real <= 10 && count >= -5 && count <= 5 && common.operand))
            abort();     /* a value outside its range got through */
    } else if (status != STATUS_OK && status != STATUS_BAD_USAGE) {
        abort();
    }
    free(text);
    return 0;
}
