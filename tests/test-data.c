/* The data reader (appendix "Reading data files") and fit-line run as a
 * user would: every file here is written by the test, and every expected
 * number follows from the file's contents by hand. */
#define _GNU_SOURCE
#include <errno.h>
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

/* Reads the whole file: its rows go to cells (at most max numbers), the
 * column count and the header to the caller.  Returns the rows read, or
 * -1 with the message in error. */
static long read_all(const char *path, enum header_rule header, double *cells, size_t max,
                     size_t *columns, char names[][32], char *error, size_t size)
{
    struct data_reader *r;
    if (open_data_file(path, header, &r, error, size) != STATUS_OK) {
        assert_null(r);
        return -1;
    }
    *columns = data_columns(r);
    for (size_t j = 0; names && j < *columns; j++)
        snprintf(names[j], 32, "%s", data_column_name(r, j) ? data_column_name(r, j) : "");
    const double *row;
    long rows = 0;
    enum status status;
    size_t k = 0;
    while ((status = next_data_row(r, &row, error, size)) == STATUS_OK && row) {
        for (size_t j = 0; j < *columns && k < max; j++)
            cells[k++] = row[j];
        rows++;
    }
    if (status != STATUS_OK)
        rows = -1;
    close_data(r);
    return rows;
}

static void reads_csv_with_header_comments_and_blank_lines(void **state)
{
    (void)state;
    double c[16];
    size_t columns;
    char names[4][32], error[512];
    const char *path = FILE_WITH("a.csv", "# temperatures\n\ncelsius, fahrenheit\n"
                                          "0,32\n  # a comment\n100, 212\n\n-40,-40\n");
    assert_int_equal(read_all(path, HEADER_GUESS, c, 16, &columns, names, error, sizeof error), 3);
    assert_int_equal(columns, 2);
    assert_string_equal(names[1], "fahrenheit");
    assert_true(c[2] == 100 && c[3] == 212 && c[5] == -40);
    struct data_reader *r;
    assert_int_equal(open_data_file(path, HEADER_GUESS, &r, error, sizeof error), STATUS_OK);
    size_t i;
    assert_true(find_column(r, "fahrenheit", &i, error, sizeof error) == STATUS_OK && i == 1);
    assert_true(find_column(r, "1", &i, error, sizeof error) == STATUS_OK && i == 0);
    assert_int_equal(find_column(r, "3", &i, error, sizeof error), STATUS_BAD_USAGE);
    assert_int_equal(find_column(r, "kelvin", &i, error, sizeof error), STATUS_BAD_USAGE);
    close_data(r);
}

static void reads_tsv_crlf_bom_and_quotes(void **state)
{
    (void)state;
    double c[16];
    size_t columns;
    char names[4][32], error[512];
    const char *path = FILE_WITH("b.tsv", "\xEF\xBB\xBF" "\"x value\"\t\"y \"\"quoted\"\"\"\r\n"
                                          "1.5\t\"2.5\"\r\n3\t4\r\n");
    assert_int_equal(read_all(path, HEADER_GUESS, c, 16, &columns, names, error, sizeof error), 2);
    assert_string_equal(names[0], "x value");
    assert_string_equal(names[1], "y \"quoted\"");
    assert_true(c[1] == 2.5 && c[2] == 3);
    /* No header: every line is numbers; the last line has no newline. */
    path = FILE_WITH("c.csv", "1,2\n3,4");
    assert_int_equal(read_all(path, HEADER_GUESS, c, 16, &columns, names, error, sizeof error), 2);
    assert_string_equal(names[0], "");
    assert_true(c[3] == 4);
}

/* The first row is a header only if none of its cells is a number; a
 * cell that merely fails to parse is an error there as on any line. */
static void a_first_row_with_a_number_is_data(void **state)
{
    (void)state;
    static const struct {
        const char *text, *expected;
    } refused[] = {
        {"100,NA\n1,2\n", ":1: column 2: \"NA\" is not a finite number"},
        {"1,\n1,2\n", ":1: column 2: the cell is empty"},
        {"1,2.o\n1,2\n", ":1: column 2: \"2.o\" is not a finite number"},
        {"nan,y\n1,2\n", ":1: column 1: \"nan\" is not a finite number"},
    };
    double c[16];
    size_t columns;
    char error[512];
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        const char *path = file_with("first.csv", refused[i].text, strlen(refused[i].text));
        assert_int_equal(read_all(path, HEADER_GUESS, c, 16, &columns, NULL, error,
                                  sizeof error), -1);
        if (!strstr(error, refused[i].expected))
            fail_msg("%s: expected \"%s\", got \"%s\"", refused[i].text, refused[i].expected,
                     error);
    }
    /* A header of numbers is data unless --header says otherwise. */
    const char *path = FILE_WITH("years.csv", "2019,2020\n1,2\n");
    char names[4][32];
    assert_int_equal(read_all(path, HEADER_GUESS, c, 16, &columns, names, error, sizeof error), 2);
    assert_true(c[0] == 2019 && c[3] == 2);
    assert_int_equal(read_all(path, HEADER_YES, c, 16, &columns, names, error, sizeof error), 1);
    assert_string_equal(names[1], "2020");
    struct data_reader *r;
    assert_int_equal(open_data_file(path, HEADER_YES, &r, error, sizeof error), STATUS_OK);
    size_t i;
    assert_true(find_column(r, "2020", &i, error, sizeof error) == STATUS_OK && i == 1);
    close_data(r);
    /* --no-header: a row of words is then a bad data row. */
    path = FILE_WITH("words.csv", "x,y\n1,2\n");
    assert_int_equal(read_all(path, HEADER_NO, c, 16, &columns, names, error, sizeof error), -1);
    assert_non_null(strstr(error, "words.csv:1: column 1: \"x\" is not a finite number"));
}

/* Every cell is the double strtod gives for it, through the shortcut or
 * not: short and long decimals, exponents at and past the shortcut's
 * limits, signs, subnormals and underflow to zero. */
static void cells_are_the_doubles_strtod_gives(void **state)
{
    (void)state;
    enum { CELLS = 20000 };
    char *text = malloc(CELLS * 40), *p = text;
    assert_non_null(text);
    static const char *const fixed[] = {
        "0", "-0", "+7", "1e-310", "-4.9e-324", "1e-400", "2.2250738585072011e-308",
        "9007199254740993", "9007199254740992", "123456789012345678901234567890",
        "1e22", "1e23", "3e-22", "3e-23", "0.1", "1.", ".5", "0x1p-3", "1E+5",
        "0.000000000000000000000000001", "4503599627370497.5", "00000000000000000000001"};
    enum { FIXED = sizeof fixed / sizeof fixed[0] };
    uint64_t state_ = 12345;
    for (int i = 0; i < CELLS; i++) {
        if (i < FIXED) {
            p += sprintf(p, "%s\n", fixed[i]);
            continue;
        }
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        unsigned long long m = state_ >> (11 + state_ % 40);
        int k = (int)((state_ >> 3) % 60) - 30, dot = (int)((state_ >> 9) % 22);
        char digits[32];
        int n = sprintf(digits, "%llu", m);
        if (dot < n)
            p += sprintf(p, "%s%.*s.%se%d\n", i % 3 ? "" : "-", n - dot, digits,
                         digits + n - dot, k);
        else
            p += sprintf(p, "%s%se%d\n", i % 3 ? "" : "-", digits, k);
    }
    const char *path = file_with("numbers.csv", text, (size_t)(p - text));
    double *c = malloc(CELLS * sizeof *c);
    size_t columns;
    char error[512];
    assert_int_equal(read_all(path, HEADER_NO, c, CELLS, &columns, NULL, error, sizeof error),
                     CELLS);
    char *line = text;
    for (int i = 0; i < CELLS; i++) {
        char *end = strchr(line, '\n');
        *end = '\0';
        double expected = strtod(line, NULL);
        if (memcmp(&expected, &c[i], sizeof expected) != 0)
            fail_msg("\"%s\": read %.17g, strtod gives %.17g", line, c[i], expected);
        line = end + 1;
    }
    free(c);
    free(text);
}

static void reads_a_very_long_line(void **state)
{
    (void)state;
    enum { COLUMNS = 1000000 };   /* 2 rows of a million columns: 4 MB */
    size_t size = 2 * (COLUMNS * 2 + 1);
    char *text = malloc(size), *p = text;
    assert_non_null(text);
    for (int row = 0; row < 2; row++) {
        for (int i = 0; i < COLUMNS; i++)
            p += sprintf(p, "%s%d", i ? "," : "", i % 10);
        *p++ = '\n';
    }
    double c[1];
    size_t columns;
    char error[512];
    assert_int_equal(read_all(file_with("long.csv", text, (size_t)(p - text)), HEADER_GUESS,
                              c, 1, &columns, NULL, error, sizeof error), 2);
    assert_int_equal(columns, COLUMNS);
    free(text);
}

/* A stream that delivers good rows and then fails, as a disk or a pipe
 * can: the reader must report the error, not the end of the data. */
struct failing {
    size_t served, limit;
};

static ssize_t failing_read(void *cookie, char *buf, size_t size)
{
    struct failing *f = cookie;
    if (f->served >= f->limit) {
        errno = EIO;
        return -1;
    }
    size_t n = 0;
    while (n + 4 <= size && f->served < f->limit) {
        memcpy(buf + n, "1,2\n", 4);
        n += 4;
        f->served += 4;
    }
    return (ssize_t)n;
}

static void a_read_error_mid_stream_is_an_error(void **state)
{
    (void)state;
    struct failing f = {0, 400000};
    FILE *in = fopencookie(&f, "r", (cookie_io_functions_t){failing_read, NULL, NULL, NULL});
    assert_non_null(in);
    char error[512];
    struct data_reader *r;
    assert_int_equal(open_data_stream(in, "pipe", HEADER_GUESS, &r, error, sizeof error),
                     STATUS_OK);
    const double *row;
    long rows = 0;
    enum status status;
    while ((status = next_data_row(r, &row, error, sizeof error)) == STATUS_OK && row)
        rows++;
    assert_int_equal(status, STATUS_BAD_INPUT);
    assert_int_equal(rows, 100000);
    assert_non_null(strstr(error, "read error: Input/output error"));
    close_data(r);
    fclose(in);
}

/* Each bad file is refused with a message that names the file, and where
 * it can, the line. */
static void refuses_bad_files_with_file_and_line(void **state)
{
    (void)state;
    double c[16];
    size_t columns;
    for (size_t i = 0; i < BAD_FILES; i++) {
        char error[512], path[512];
        write_bad_file(dir, i, path, sizeof path);
        assert_int_equal(read_all(path, HEADER_GUESS, c, 16, &columns, NULL, error,
                                  sizeof error), -1);
        if (!strstr(error, bad_files[i].expected))
            fail_msg("%s: expected \"%s\", got \"%s\"", bad_files[i].name,
                     bad_files[i].expected, error);
    }
    char error[512];
    struct data_reader *r;
    assert_int_equal(open_data_file("/nonexistent/file.csv", HEADER_GUESS, &r, error,
                                    sizeof error), STATUS_BAD_INPUT);
    assert_null(r);
    assert_non_null(strstr(error, "/nonexistent/file.csv: No such file"));
    assert_int_equal(open_data_file(dir, HEADER_GUESS, &r, error, sizeof error),
                     STATUS_BAD_INPUT);
    assert_non_null(strstr(error, "is a directory"));
}

/* fit-line run as a user would, on files whose least-squares lines are
 * known by hand. */
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

/* Memory that runs out is the machine's failure, not bad input: status 1
 * (README), where a bad file is 2.  A line of 4 MiB, read by a process whose
 * sanitizer refuses any allocation over 1 MiB, makes the reader's buffer
 * fail to grow. */
static void running_out_of_memory_is_a_failure_not_bad_input(void **state)
{
    (void)state;
    enum { ZEROS = 4 << 20 };     /* y = 1.000...0 on line 2: a fine number */
    char *text = malloc(ZEROS + 32);
    assert_non_null(text);
    memcpy(text, "x,y\n1,1.", 8);
    memset(text + 8, '0', ZEROS);
    memcpy(text + 8 + ZEROS, "\n2,3\n", 5);
    const char *path = file_with("long-line.csv", text, 8 + ZEROS + 5);
    free(text);
    const char *old = getenv("ASAN_OPTIONS");
    char *saved = old ? strdup(old) : NULL, options[1024];
    snprintf(options, sizeof options, "%s%sallocator_may_return_null=1:max_allocation_size_mb=1",
             old ? old : "", old ? ":" : "");
    setenv("ASAN_OPTIONS", options, 1);
    struct run r;
    run_program(&r, "fit-line", path, NULL);
    if (saved)
        setenv("ASAN_OPTIONS", saved, 1);
    else
        unsetenv("ASAN_OPTIONS");
    free(saved);
    assert_int_equal(r.status, 1);
    assert_int_equal(r.out_bytes, 0);
    assert_non_null(strstr(r.err, "long-line.csv:2: out of memory"));
    /* The same file is fine where memory suffices: the line through
     * (1, 1) and (2, 3) is y = 2x - 1. */
    run_program(&r, "fit-line", path, NULL);
    assert_int_equal(r.status, 0);
    assert_true(value_named(r.out, "w") == 2);
    assert_true(value_named(r.out, "b") == -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_csv_with_header_comments_and_blank_lines),
        cmocka_unit_test(reads_tsv_crlf_bom_and_quotes),
        cmocka_unit_test(a_first_row_with_a_number_is_data),
        cmocka_unit_test(cells_are_the_doubles_strtod_gives),
        cmocka_unit_test(reads_a_very_long_line),
        cmocka_unit_test(a_read_error_mid_stream_is_an_error),
        cmocka_unit_test(refuses_bad_files_with_file_and_line),
        cmocka_unit_test(fit_line_prints_the_least_squares_line),
        cmocka_unit_test(fit_line_refuses_to_print_an_unconverged_answer),
        cmocka_unit_test(running_out_of_memory_is_a_failure_not_bad_input),
    };
    return cmocka_run_group_tests_name("data files and fit-line", tests, make_dir, remove_dir);
}
