/* The data reader (appendix "Reading data files") and fit-line run as a
 * user would: every file here is written by the test, and every expected
 * number follows from the file's contents by hand. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "data.h"
#include "run-program.h"
#include "bad-files.h"

static char dir[] = "/tmp/test-data-XXXXXX";

static int make_dir(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char command[128];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    return system(command) == 0 ? 0 : -1;
}

/* Write `length` bytes to a file named `name` in the test directory. */
static const char *file_with(const char *name, const char *bytes, size_t length)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, length, f), length);
    fclose(f);
    return path;
}

#define FILE_WITH(name, text) file_with(name, text, sizeof text - 1)

static void reads_csv_with_header_comments_and_blank_lines(void **state)
{
    (void)state;
    struct data_table t;
    char error[512];
    const char *path = FILE_WITH("a.csv", "# temperatures\n\ncelsius, fahrenheit\n"
                                          "0,32\n  # a comment\n100, 212\n\n-40,-40\n");
    assert_true(read_data_file(path, &t, error, sizeof error));
    assert_int_equal(t.rows, 3);
    assert_int_equal(t.columns, 2);
    assert_string_equal(t.names[1], "fahrenheit");
    assert_true(data_cell(&t, 1, 0) == 100 && data_cell(&t, 1, 1) == 212);
    assert_true(data_cell(&t, 2, 1) == -40);
    size_t i;
    assert_true(find_column(&t, "fahrenheit", &i, error, sizeof error) && i == 1);
    assert_true(find_column(&t, "1", &i, error, sizeof error) && i == 0);
    assert_false(find_column(&t, "3", &i, error, sizeof error));
    assert_false(find_column(&t, "kelvin", &i, error, sizeof error));
    free_data_table(&t);
}

static void reads_tsv_crlf_bom_and_quotes(void **state)
{
    (void)state;
    struct data_table t;
    char error[512];
    const char *path = FILE_WITH("b.tsv", "\xEF\xBB\xBF" "\"x value\"\t\"y \"\"quoted\"\"\"\r\n"
                                          "1.5\t\"2.5\"\r\n3\t4\r\n");
    assert_true(read_data_file(path, &t, error, sizeof error));
    assert_int_equal(t.rows, 2);
    assert_string_equal(t.names[0], "x value");
    assert_string_equal(t.names[1], "y \"quoted\"");
    assert_true(data_cell(&t, 0, 1) == 2.5 && data_cell(&t, 1, 0) == 3);
    free_data_table(&t);
    /* No header: every line is numbers. */
    path = FILE_WITH("c.csv", "1,2\n3,4\n");
    assert_true(read_data_file(path, &t, error, sizeof error));
    assert_null(t.names);
    assert_int_equal(t.rows, 2);
    free_data_table(&t);
}

static void reads_a_very_long_line(void **state)
{
    (void)state;
    enum { COLUMNS = 20000 };
    size_t size = COLUMNS * 4 + 2;
    char *text = malloc(size), *p = text;
    assert_non_null(text);
    for (int i = 0; i < COLUMNS; i++)
        p += sprintf(p, "%s7", i ? "," : "");
    *p++ = '\n';
    struct data_table t;
    char error[512];
    assert_true(read_data_file(file_with("long.csv", text, (size_t)(p - text)), &t, error,
                               sizeof error));
    assert_int_equal(t.columns, COLUMNS);
    assert_true(data_cell(&t, 0, COLUMNS - 1) == 7);
    free_data_table(&t);
    free(text);
}

/* Each bad file is refused with a message that names the file, and where
 * it can, the line. */
static void refuses_bad_files_with_file_and_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < BAD_FILES; i++) {
        struct data_table t;
        char error[512], path[512];
        write_bad_file(dir, i, path, sizeof path);
        assert_false(read_data_file(path, &t, error, sizeof error));
        if (!strstr(error, bad_files[i].expected))
            fail_msg("%s: expected \"%s\", got \"%s\"", bad_files[i].name,
                     bad_files[i].expected, error);
        assert_null(t.cells);
        assert_null(t.names);
    }
    struct data_table t;
    char error[512];
    assert_false(read_data_file("/nonexistent/file.csv", &t, error, sizeof error));
    assert_non_null(strstr(error, "/nonexistent/file.csv: No such file"));
    assert_false(read_data_file(dir, &t, error, sizeof error));
    assert_non_null(strstr(error, "is a directory"));
}

/* fit-line run as a user would, on files whose least-squares lines are
 * known by hand. */
static double value_named(const char *out, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "%s\t", name);
    for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        if (strncmp(p, key, strlen(key)) == 0)
            return strtod(p + strlen(key), NULL);
    fail_msg("no line %s in output", name);
    return NAN;
}

static void fit_line_prints_the_least_squares_line(void **state)
{
    (void)state;
    struct run r;
    /* y = 2.2 x + 0.7 is the least-squares line of these four points
     * (normal equations solved by hand). */
    const char *path = FILE_WITH("four.csv", "hours,score\n0,1\n1,3\n2,4\n3,8\n");
    run_program(&r, "fit-line", "--x", "hours", "--y", "score", path, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_true(fabs(value_named(r.out, "w") - 2.2) < 1e-9 * 2.2);
    assert_true(fabs(value_named(r.out, "b") - 0.7) < 1e-9 * 0.7);
    /* Residuals -0.7+1... : errors 0.7-1, 2.9-3, 5.1-4, 7.3-8 -> mean 0.45. */
    assert_true(fabs(value_named(r.out, "loss") - 0.45) < 1e-9);
    /* Through the origin: w = sum xy / sum x^2 = (3 + 8 + 24) / 14 = 2.5. */
    run_program(&r, "fit-line", "--through-origin", path, NULL);
    assert_int_equal(r.status, 0);
    assert_true(fabs(value_named(r.out, "w") - 2.5) < 1e-9 * 2.5);
    assert_true(value_named(r.out, "b") == 0);
}

static void fit_line_refuses_to_print_an_unconverged_answer(void **state)
{
    (void)state;
    struct run r;
    const char *path = FILE_WITH("four.csv", "0,1\n1,3\n2,4\n3,8\n");
    run_program(&r, "fit-line", "--epochs", "3", path, NULL);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "did not converge"));
    path = FILE_WITH("same.csv", "5,1\n5,2\n5,3\n");
    run_program(&r, "fit-line", path, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "not determined"));
    run_program(&r, "fit-line", "--y", "3", path, NULL);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "column 3 does not exist"));
    path = FILE_WITH("bad.csv", "1,2\n3,x\n");
    run_program(&r, "fit-line", path, NULL);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "bad.csv:2: column 2"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_csv_with_header_comments_and_blank_lines),
        cmocka_unit_test(reads_tsv_crlf_bom_and_quotes),
        cmocka_unit_test(reads_a_very_long_line),
        cmocka_unit_test(refuses_bad_files_with_file_and_line),
        cmocka_unit_test(fit_line_prints_the_least_squares_line),
        cmocka_unit_test(fit_line_refuses_to_print_an_unconverged_answer),
    };
    return cmocka_run_group_tests_name("data files and fit-line", tests, make_dir, remove_dir);
}
