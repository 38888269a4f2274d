/* The bad-input catalogue: every program, every numeric option, every bad
 * value, and for programs that read a file every bad file.  Each must be
 * refused with the right exit status, one line on stderr naming the
 * program, and nothing on stdout.  The options and their allowed ranges
 * are read from each program's own --help, so a new program or option is
 * covered without editing this file. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "run-program.h"
#include "bad-files.h"

struct numeric_option {
    char name[64];
    bool count, min_excluded;
    double min, max;
};

/* The numeric options of a program, read from its --help: lines
 * "  --NAME=NUMBER" then "... must be > MIN and <= MAX)". */
static size_t numeric_options(const char *program, struct numeric_option *o, size_t max,
                              bool *needs_file)
{
    static struct run r;
    run_program(&r, program, "--help", NULL);
    assert_int_equal(r.status, 0);
    size_t n = 0;
    *needs_file = strstr(strtok(r.out, "\n"), "FILE") != NULL;
    char *line, *pending = NULL;
    bool count = false;
    while ((line = strtok(NULL, "\n")) != NULL) {
        char *eq = strchr(line, '=');
        if (strncmp(line, "  --", 4) == 0 && eq
            && (strcmp(eq, "=NUMBER") == 0 || strcmp(eq, "=COUNT") == 0)) {
            *eq = '\0';
            pending = line + 4;
            count = strcmp(eq + 1, "COUNT") == 0;
            continue;
        }
        char *range = strstr(line, "must be ");
        if (pending && range && n < max) {
            char op[3];
            assert_int_equal(sscanf(range, "must be %2s %lf and <= %lf", op, &o[n].min,
                                    &o[n].max), 3);
            snprintf(o[n].name, sizeof o[n].name, "--%s", pending);
            o[n].count = count;
            o[n].min_excluded = strcmp(op, ">") == 0;
            n++;
        }
        pending = NULL;
    }
    return n;
}

static const char *good_file(void)
{
    static char path[] = "/tmp/test-catalogue-XXXXXX";
    static bool made;
    if (!made) {
        int fd = mkstemp(path);
        static const char csv[] = "x,y\n1,3\n2,5\n4,9\n";
        assert_true(fd >= 0 && write(fd, csv, sizeof csv - 1) == (ssize_t)(sizeof csv - 1));
        close(fd);
        made = true;
    }
    return path;
}

static void refuse_value(const char *program, const char *option, const char *value,
                         const char *file)
{
    struct run r;
    char *argv[] = {(char *)program, (char *)option, (char *)value, (char *)file, NULL};
    run_argv(&r, argv);
    assert_refused(&r, program, 2, option);
}

static void every_bad_value_of_every_option_is_refused(void **state)
{
    (void)state;
    static const char *const not_numbers[] = {
        "", "abc", "1e-3x", "nan", "NaN", "inf", "-inf", "infinity", "1e999", "--", "0x",
        "3,5", " 1", "1 "};
    char names[64][64];
    size_t programs = list_programs(names, 64), checked = 0;
    for (size_t p = 0; p < programs; p++) {
        struct numeric_option o[32];
        bool needs_file;
        size_t n = numeric_options(names[p], o, 32, &needs_file);
        const char *file = needs_file ? good_file() : NULL;
        for (size_t i = 0; i < n; i++) {
            for (size_t v = 0; v < sizeof not_numbers / sizeof *not_numbers; v++)
                refuse_value(names[p], o[i].name, not_numbers[v], file);
            char value[64];
            /* just outside the range on each side: zero and negative steps,
             * huge values */
            snprintf(value, sizeof value, "%.17g", o[i].min_excluded ? o[i].min
                                                   : o[i].min - fmax(1, fabs(o[i].min)));
            refuse_value(names[p], o[i].name, value, file);
            snprintf(value, sizeof value, "%.17g", o[i].max + fmax(1, fabs(o[i].max)));
            refuse_value(names[p], o[i].name, value, file);
            if (o[i].count) {
                refuse_value(names[p], o[i].name, "2.5", file);
                refuse_value(names[p], o[i].name, "99999999999999999999999", file);
            }
            checked++;
        }
    }
    assert_true(checked >= 20);
}

/* A mistyped count must not fill a disk: with every count option at the
 * top of its range, standard output and each data file stay under 16 MiB. */
static void every_output_stays_small_at_the_largest_counts(void **state)
{
    (void)state;
    enum { LIMIT = 16 << 20 };
    char dir[] = "/tmp/test-catalogue-big-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char names[64][64];
    size_t programs = list_programs(names, 64), checked = 0;
    for (size_t p = 0; p < programs; p++) {
        struct run r;
        struct numeric_option o[32];
        bool needs_file;
        size_t n = numeric_options(names[p], o, 32, &needs_file);
        for (size_t i = 0; i < n; i++) {
            if (!o[i].count)
                continue;
            char value[64];
            snprintf(value, sizeof value, "%.0f", o[i].max);
            char *argv[] = {names[p], "--tsv", "--data-dir", dir, o[i].name, value,
                            needs_file ? (char *)good_file() : NULL, NULL};
            run_argv(&r, argv);
            if (r.status != 0)
                fail_msg("%s %s %s: status %d: %s", names[p], o[i].name, value, r.status, r.err);
            if (r.out_bytes >= LIMIT)
                fail_msg("%s %s %s: %ld bytes on stdout", names[p], o[i].name, value, r.out_bytes);
            DIR *d = opendir(dir);
            assert_non_null(d);
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                char path[512];
                struct stat st;
                snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
                assert_int_equal(stat(path, &st), 0);
                if (S_ISREG(st.st_mode) && st.st_size >= LIMIT)
                    fail_msg("%s %s %s: %s has %lld bytes", names[p], o[i].name, value,
                             e->d_name, (long long)st.st_size);
                if (S_ISREG(st.st_mode))
                    unlink(path);
            }
            closedir(d);
            checked++;
        }
    }
    rmdir(dir);
    assert_true(checked >= 5);
}

/* Bad files, for every program that reads one. */
static void every_bad_file_is_refused(void **state)
{
    (void)state;
    char dir[] = "/tmp/test-catalogue-dir-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char names[64][64];
    size_t programs = list_programs(names, 64), readers = 0;
    for (size_t p = 0; p < programs; p++) {
        struct run r;
        run_program(&r, names[p], "--help", NULL);
        if (!strstr(strtok(r.out, "\n"), "FILE"))
            continue;
        readers++;
        for (size_t i = 0; i < BAD_FILES; i++) {
            char path[512];
            write_bad_file(dir, i, path, sizeof path);
            run_program(&r, names[p], path, NULL);
            assert_refused(&r, names[p], 2, bad_files[i].expected);
        }
        run_program(&r, names[p], "/nonexistent/data.csv", NULL);
        assert_refused(&r, names[p], 2, "No such file");
        run_program(&r, names[p], dir, NULL);
        assert_refused(&r, names[p], 2, "is a directory");
        /* Unreadable even for root: reading a process's memory at offset 0
         * fails with an I/O error. */
        run_program(&r, names[p], "/proc/self/mem", NULL);
        assert_refused(&r, names[p], 2, "read error");
        run_program(&r, names[p], NULL);
        assert_refused(&r, names[p], 2, "missing FILE");
    }
    char command[128];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    assert_int_equal(system(command), 0);
    assert_true(readers >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_bad_value_of_every_option_is_refused),
        cmocka_unit_test(every_bad_file_is_refused),
        cmocka_unit_test(every_output_stays_small_at_the_largest_counts),
    };
    return cmocka_run_group_tests_name("bad-input catalogue", tests, NULL, NULL);
}
