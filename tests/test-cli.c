/* The conventions every program shares (appendix of doc.nw): strict
 * numbers, usage errors with exit status 2 and one line on stderr, --help
 * and --version, and no partial output on stdout when the input is bad.
 * The programs run as built with the sanitizers, from $SAN_BIN. */
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
#include <fcntl.h>
#include <stdbool.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"
#include "data.h"
#include "run-program.h"
#include "death.h"

static void read_number_accepts_only_whole_finite_numbers(void **state)
{
    (void)state;
    double v = -1;
    assert_true(read_number("3", &v) == NUMBER_READ && v == 3.0);
    assert_true(read_number("-2.5e-3", &v) == NUMBER_READ && v == -2.5e-3);
    assert_true(read_number("1e-400", &v) == NUMBER_READ && v == 0);   /* underflow: zero */
    const char *bad[] = {"", " 3", "3 ", "1e-3x", "0x", "--1", "three"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        v = 42;
        assert_int_equal(read_number(bad[i], &v), NOT_A_NUMBER);
        assert_true(v == 42);   /* untouched on failure */
    }
    const char *infinite[] = {"nan", "NaN", "inf", "-infinity", "1e999"};
    for (size_t i = 0; i < sizeof infinite / sizeof infinite[0]; i++) {
        v = 42;
        assert_int_equal(read_number(infinite[i], &v), NUMBER_NOT_FINITE);
        assert_true(v == 42);
    }
}

static void parse_count_accepts_only_whole_numbers(void **state)
{
    (void)state;
    long n = 0;
    assert_true(parse_count("17", &n) && n == 17);
    assert_true(parse_count("-3", &n) && n == -3);
    const char *bad[] = {"", "1.5", "3x", "99999999999999999999999", " 4", "+"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(parse_count(bad[i], &n));
}

static void tex_numbers_use_times_ten_to_the(void **state)
{
    (void)state;
    char buf[64];
    format_tex_number(buf, sizeof buf, 1.5e-8, 2);
    assert_string_equal(buf, "1.5\\times10^{-8}");
    format_tex_number(buf, sizeof buf, 1e-16, 3);
    assert_string_equal(buf, "10^{-16}");
    format_tex_number(buf, sizeof buf, 6.1000000000000005, 10);
    assert_string_equal(buf, "6.1");
}

/* A table column keeps one notation.  The strings are worked out by hand;
 * over exponents -40..40 a decimal cell reads back as the number rounded
 * to its digits by printf's own %.*e, and never carries a power of ten. */

/* What a table writer wrote to the temporary file f, which it closes. */
static void read_back(FILE *f, char *text, size_t size)
{
    rewind(f);
    size_t n = fread(text, 1, size - 1, f);
    text[n] = '\0';
    assert_int_equal(fclose(f), 0);
}
/* A column marked E has one precision: every mantissa with all its digits,
 * trailing zeros too, where a column marked e writes the shortest.  The
 * rows are worked out by hand: 0.1 and 9.999999995e-4 to 4 digits. */
static void a_column_of_one_precision_keeps_every_digit(void **state)
{
    (void)state;
    static const char *const names[] = {"h", "error"};
    FILE *f = tmpfile();
    assert_non_null(f);
    struct table_writer t = TABLE(f, TABLE_TEX, names, 4);
    t.notation = "eE";
    table_row(&t, (double[]){0.1, 0.1});
    table_row(&t, (double[]){1e-3, 9.999999995e-4});
    table_row(&t, (double[]){-2.5e7, -2.5e7});
    char text[256];
    read_back(f, text, sizeof text);
    assert_string_equal(text, "$10^{-1}$ & $1.000\\times10^{-1}$ \\\\\n"
                              "$10^{-3}$ & $1.000\\times10^{-3}$ \\\\\n"
                              "$-2.5\\times10^{7}$ & $-2.500\\times10^{7}$ \\\\\n");
}

/* A column marked with a digit has that many places in every cell, zero
 * too, so that its points align; a negative number that rounds to zero
 * loses its sign.  The rows are worked out by hand. */
static void a_column_of_fixed_places_writes_every_place(void **state)
{
    (void)state;
    static const char *const names[] = {"t", "speed", "error"};
    FILE *f = tmpfile();
    assert_non_null(f);
    struct table_writer t = TABLE(f, TABLE_TEX, names, 4);
    t.notation = "30E";
    table_row(&t, (double[]){1, 2.6, 0.1});
    table_row(&t, (double[]){0.001, -0.4, 1e-3});
    table_row(&t, (double[]){-0.0004, 19.6049, 0.5});
    table_row(&t, (double[]){0, -7.5001, 2});
    char text[512];
    read_back(f, text, sizeof text);
    assert_string_equal(text, "$1.000$ & $3$ & $1.000\\times10^{-1}$ \\\\\n"
                              "$0.001$ & $0$ & $1.000\\times10^{-3}$ \\\\\n"
                              "$0.000$ & $20$ & $5.000\\times10^{-1}$ \\\\\n"
                              "$0.000$ & $-8$ & $2.000\\times10^{0}$ \\\\\n");
    char buf[64];
    format_tex_fixed(buf, sizeof buf, -0.0, 2);
    assert_string_equal(buf, "0.00");
    format_tex_fixed(buf, sizeof buf, -0.005001, 2);
    assert_string_equal(buf, "-0.01");
}

static void tex_table_cells_keep_their_column_notation(void **state)
{
    (void)state;
    char buf[128];
    format_tex_cell(buf, sizeof buf, 19.6049 - 19.6, 6, false);   /* 0.0048999999999... */
    assert_string_equal(buf, "0.0049");
    format_tex_cell(buf, sizeof buf, 19.6049 - 19.6, 6, true);
    assert_string_equal(buf, "4.9\\times10^{-3}");
    format_tex_cell(buf, sizeof buf, 1e-5, 10, false);
    assert_string_equal(buf, "0.00001");
    format_tex_cell(buf, sizeof buf, 1e-5, 10, true);
    assert_string_equal(buf, "10^{-5}");
    format_tex_cell(buf, sizeof buf, -1e-3, 10, true);
    assert_string_equal(buf, "-10^{-3}");
    format_tex_cell(buf, sizeof buf, 9.9996, 4, false);   /* rounds up a decade */
    assert_string_equal(buf, "10");
    format_tex_cell(buf, sizeof buf, 9.9996, 4, true);
    assert_string_equal(buf, "10^{1}");
    format_tex_cell(buf, sizeof buf, 6.000000496442226, 10, false);
    assert_string_equal(buf, "6.000000496");
    format_tex_cell(buf, sizeof buf, 6, 10, true);
    assert_string_equal(buf, "6\\times10^{0}");
    format_tex_cell(buf, sizeof buf, -0.0, 10, false);
    assert_string_equal(buf, "0");
    for (int k = -40; k <= 40; k++) {
        const double mantissas[] = {1, -2.5, 9.87654321, 3.3333333333};
        for (size_t i = 0; i < sizeof mantissas / sizeof mantissas[0]; i++) {
            double x = mantissas[i] * pow(10, k);
            char rounded[64];
            snprintf(rounded, sizeof rounded, "%.*e", 5, x);
            format_tex_cell(buf, sizeof buf, x, 6, false);
            assert_null(strpbrk(buf, "e^"));
            assert_true(strtod(buf, NULL) == strtod(rounded, NULL));
            format_tex_cell(buf, sizeof buf, x, 6, true);
            assert_non_null(strstr(buf, "10^{"));
        }
    }
}

/* A usage error: status 2, nothing on stdout, one line on stderr that
 * names the program and contains `expected`. */
static void assert_usage_error_of(const struct run *r, const char *program,
                                  const char *expected)
{
    assert_refused(r, program, 2, expected);
}

static void assert_usage_error(const struct run *r, const char *expected)
{
    assert_usage_error_of(r, "limit-quotient", expected);
}

/* The shared convention holds for every program, present and future. */
static void every_program_follows_the_convention(void **state)
{
    (void)state;
    char names[64][64];
    size_t n = list_programs(names, 64);
    assert_true(n >= 5);
    char data[] = "/tmp/test-cli-data-XXXXXX";
    int fd = mkstemp(data);
    assert_true(fd >= 0);
    static const char csv[] = "x,y\n1,3\n2,5\n4,9\n";
    assert_true(write(fd, csv, sizeof csv - 1) == (ssize_t)(sizeof csv - 1));
    close(fd);
    for (size_t i = 0; i < n; i++) {
        struct run r;
        run_program(&r, names[i], "--help", NULL);
        assert_int_equal(r.status, 0);
        assert_non_null(strstr(r.out, "Usage: "));
        assert_non_null(strstr(r.out, "Exit status"));
        /* A program that reads a file says so in its usage line. */
        const char *file = strstr(strtok(r.out, "\n"), "FILE") ? data : NULL;
        run_program(&r, names[i], "--version", NULL);
        assert_int_equal(r.status, 0);
        run_program(&r, names[i], "--tsv", file, NULL);
        assert_int_equal(r.status, 0);
        assert_string_equal(r.err, "");
        assert_true(count_lines(r.out) >= 2);
        run_program(&r, names[i], "--bogus", NULL);
        assert_usage_error_of(&r, names[i], "unknown option");
        run_program(&r, names[i], file ? file : "extra", file ? "extra" : NULL, NULL);
        assert_usage_error_of(&r, names[i], "unexpected argument");
        run_program(&r, names[i], "--data-dir", NULL);
        assert_usage_error_of(&r, names[i], "needs a value");
        run_program(&r, names[i], "--data-dir", "/nonexistent/dir", file, NULL);
        assert_int_equal(r.status, 1);
        assert_int_equal(count_lines(r.err), 1);
    }
    unlink(data);
}

/* A file for the programs that read one; NULL for the others. */
static const char *file_for(const char *program)
{
    static char data[] = "/tmp/test-cli-file-XXXXXX";
    static bool made;
    if (!made) {
        int fd = mkstemp(data);
        assert_true(fd >= 0);
        static const char csv[] = "x,y\n1,3\n2,5\n4,9\n";
        assert_true(write(fd, csv, sizeof csv - 1) == (ssize_t)(sizeof csv - 1));
        close(fd);
        made = true;
    }
    struct run r;
    run_program(&r, program, "--help", NULL);
    return strstr(strtok(r.out, "\n"), "FILE") ? data : NULL;
}

/* Each program, given these arguments before its data file (if it takes
 * one), refuses them as bad usage and says what is wrong with them. */
struct misuse {
    const char *arg[2]; /* one or two arguments */
    const char *says;
};

static void every_program_refuses(const struct misuse *m, size_t count)
{
    char names[64][64];
    size_t n = list_programs(names, 64);
    for (size_t i = 0; i < n; i++) {
        const char *file = file_for(names[i]);
        for (size_t k = 0; k < count; k++) {
            struct run r;
            if (m[k].arg[1])
                run_program(&r, names[i], m[k].arg[0], m[k].arg[1], file, NULL);
            else
                run_program(&r, names[i], m[k].arg[0], file, NULL);
            assert_usage_error_of(&r, names[i], m[k].says);
        }
    }
}

/* An empty --data-dir would put the files in the root directory. */
static void an_empty_data_dir_is_bad_usage(void **state)
{
    (void)state;
    static const struct misuse empty[] = {
        {{"--data-dir=", NULL}, "--data-dir: the value is empty"},
        {{"--data-dir", ""}, "--data-dir: the value is empty"},
    };
    every_program_refuses(empty, sizeof empty / sizeof *empty);
}

/* However a run fails, standard output stays empty: no table is printed
 * before the error that makes it worthless. */
static void a_failed_run_prints_nothing_on_stdout(void **state)
{
    (void)state;
    static char too_long[6000];
    memset(too_long, 'a', sizeof too_long - 1);
    memcpy(too_long, "/tmp/", 5);
    const char *unwritable[] = {"/nonexistent/deep/er/dir", "/dev/full", "/etc/passwd", too_long};
    char names[64][64];
    size_t n = list_programs(names, 64);
    for (size_t i = 0; i < n; i++) {
        const char *file = file_for(names[i]);
        for (size_t d = 0; d < sizeof unwritable / sizeof *unwritable; d++) {
            struct run r;
            run_program(&r, names[i], "--data-dir", unwritable[d], file, NULL);
            assert_refused(&r, names[i], 1, "");
            assert_int_equal(r.out_bytes, 0);
        }
    }
    /* descend-loss prints its path as it descends; a descent that then
     * diverges shows none of it. */
    struct run r;
    run_program(&r, "descend-loss", "--rate", "50", NULL);
    assert_refused(&r, "descend-loss", 1, "diverged");
    assert_int_equal(r.out_bytes, 0);
}

/* getopt_long's four kinds of refusal, each named for what it is. */
static void option_mistakes_are_named_for_what_they_are(void **state)
{
    (void)state;
    static const struct misuse mistakes[] = {
        {{"-xy", NULL}, "unknown option \"-x\""},
        {{"--tsv=1", NULL}, "--tsv takes no value"},
        {{"--help=1", NULL}, "--help takes no value"},
        {{"--bogus=3", NULL}, "unknown option \"--bogus=3\""},
    };
    every_program_refuses(mistakes, sizeof mistakes / sizeof *mistakes);
    struct run r;
    run_program(&r, "descend-loss", "--t", NULL);
    assert_usage_error_of(&r, "descend-loss", "ambiguous option \"--t\": --tolerance, --tsv");
    run_program(&r, "descend-loss", "--t=1", NULL);
    assert_usage_error_of(&r, "descend-loss", "ambiguous option \"--t\": --tolerance, --tsv");
    run_program(&r, "fit-line", "--t", file_for("fit-line"), NULL);
    assert_usage_error_of(&r, "fit-line",
                          "ambiguous option \"--t\": --through-origin, --tolerance, --tsv");
    run_program(&r, "fit-line", "--through-origin=yes", file_for("fit-line"), NULL);
    assert_usage_error_of(&r, "fit-line", "--through-origin takes no value");
    /* An abbreviation that names one option is that option. */
    run_program(&r, "descend-loss", "--to", NULL);
    assert_usage_error_of(&r, "descend-loss", "--to needs a value");
}

/* `fit-line -` with standard input closed says so, not "read error". */
static void a_closed_standard_input_is_named(void **state)
{
    (void)state;
    struct run r;
    char *argv[] = {"fit-line", "-", NULL};
    run_argv_stdin(&r, argv, -1);
    assert_refused(&r, "fit-line", 2, "fit-line: standard input is closed");
    int fd = open(file_for("fit-line"), O_RDONLY);
    assert_true(fd >= 0);
    run_argv_stdin(&r, argv, fd);
    close(fd);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "w\t"));
}

/* A descent of E >= 1000 epochs prints epoch 0, every k-th epoch with
 * k = floor(E/1000) + 1, and the last: at most 1001 rows.  Below 1000
 * epochs it prints every one. */
static void a_long_descent_prints_a_thinned_path(void **state)
{
    (void)state;
    const char *rates[] = {"0.1", "0.003", "0.0003", "0.00003"};
    for (size_t i = 0; i < sizeof rates / sizeof *rates; i++) {
        char out[] = "/tmp/test-cli-path-XXXXXX";
        int fd = mkstemp(out);
        assert_true(fd >= 0);
        close(fd);
        char command[256];
        snprintf(command, sizeof command, "\"$SAN_BIN/descend-loss\" --tsv --rate %s "
                 "--epochs 100000000 >%s", rates[i], out);
        assert_int_equal(system(command), 0);
        FILE *f = fopen(out, "r");
        assert_non_null(f);
        char line[256];
        assert_non_null(fgets(line, sizeof line, f));   /* the header */
        long epochs[1100], rows = 0, e;
        while (fgets(line, sizeof line, f)) {
            assert_true(rows < 1100);
            assert_int_equal(sscanf(line, "%ld", &e), 1);
            epochs[rows++] = e;
        }
        fclose(f);
        unlink(out);
        long last = epochs[rows - 1], k = last / 1000 + 1;
        assert_int_equal(rows, last / k + 1 + (last % k != 0));
        for (long j = 0; j <= last / k; j++)
            assert_int_equal(epochs[j], j * k);
        assert_true(rows <= 1001);
        if (last < 1000)
            assert_int_equal(rows, last + 1);
        if (i == sizeof rates / sizeof *rates - 1)
            assert_true(last > 100000);   /* the thinning was exercised */
    }
}

/* Runs argv with standard output on /dev/full, or closed if full is false:
 * fills r's status and stderr; stdout is nothing to read. */
static void run_with_broken_stdout(struct run *r, char *argv[], bool full)
{
    const char *dir = getenv("SAN_BIN");
    assert_non_null(dir);
    char path[4096], err[] = "/tmp/test-cli-err-XXXXXX";
    snprintf(path, sizeof path, "%s/%s", dir, argv[0]);
    int fe = mkstemp(err);
    assert_true(fe >= 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fe, 2);
        close(STDOUT_FILENO);
        if (full && open("/dev/full", O_WRONLY) != STDOUT_FILENO)
            _exit(126);
        execv(path, argv);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    close(fe);
    r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r->out[0] = '\0';
    slurp(err, r->err, sizeof r->err);
    unlink(err);
}

/* Every write is checked: --help, --version and a normal run, with
 * standard output full or closed, exit 1 with one line on stderr. */
static void a_failed_write_to_stdout_is_exit_1_for_every_program(void **state)
{
    (void)state;
    char names[64][64];
    size_t n = list_programs(names, 64);
    assert_true(n >= 12);
    for (size_t i = 0; i < n; i++) {
        char *file = (char *)file_for(names[i]);
        char *runs[][4] = {{names[i], "--help", NULL}, {names[i], "--version", NULL},
                           {names[i], file, NULL}, {names[i], "--tsv", file, NULL}};
        for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++)
            for (int full = 0; full <= 1; full++) {
                struct run r;
                run_with_broken_stdout(&r, runs[k], full);
                assert_refused(&r, names[i], 1, "writing standard output failed");
            }
    }
}

/* The program's own check of its description (check_program) passes for
 * every program: --version runs it and succeeds, saying nothing on stderr. */
static void every_program_description_is_valid(void **state)
{
    (void)state;
    char names[64][64];
    size_t n = list_programs(names, 64);
    for (size_t i = 0; i < n; i++) {
        struct run r;
        run_program(&r, names[i], "--version", NULL);
        assert_int_equal(r.status, 0);
        assert_string_equal(r.err, "");
    }
}

/* A description that breaks a rule aborts at start-up, before any
 * argument is read, with one line naming the program and the option. */
static double step = 0.5, rate = 0.1;
static long epochs = 10;
static bool verbose;
static int compute_nothing(const struct invocation *r)
{
    (void)r;
    printf("a\tb\n1\t2\n");
    return EXIT_OK;
}

static struct option_spec spec[2];
static struct program bad = {
    .info = {.name = "bad-program", .summary = "s", .description = "d", .example = "e",
             .options = spec, .option_count = 2},
    .compute = compute_nothing,
};

/* Runs program_main(&bad) in a child, with `arg` as its one argument
 * (or none); asserts an abort whose one line on stderr names the program
 * and contains `expected`. */
static void run_bad_program(void *arg)
{
    int out = open("/dev/null", O_WRONLY);
    dup2(out, STDOUT_FILENO);
    char *argv[] = {"bad-program", arg, NULL};
    _exit(program_main(&bad, arg ? 2 : 1, argv) == 0 ? 0 : 3);
}

static void assert_description_refused(const char *expected, char *arg)
{
    assert_aborts_saying(run_bad_program, arg, "bad-program: ", expected);
}

static void a_malformed_description_aborts_naming_the_option(void **state)
{
    (void)state;
    const struct option_spec good_rate = {.name = "rate", .kind = OPTION_REAL, .help = "h",
                                          .value = &rate, .min = 0, .max = 1};
    spec[0] = good_rate;
    spec[1] = (struct option_spec){.name = "step", .kind = OPTION_REAL, .help = "h",
                                   .value = &step};   /* no .max: the range [0, 0] */
    assert_description_refused("--step: a real option needs a range", "--version");
    spec[1].max = 0.25;   /* the default 0.5 lies outside */
    assert_description_refused("--step: the default 0.5 is out of its range", NULL);
    spec[1] = (struct option_spec){.name = "epochs", .kind = OPTION_COUNT, .help = "h",
                                   .value = &epochs, .min = 20, .max = 30};
    assert_description_refused("--epochs: the default 10 is out of its range", NULL);
    spec[1] = good_rate;
    assert_description_refused("--rate: declared twice", NULL);
    spec[1] = (struct option_spec){.name = "verbose", .kind = OPTION_FLAG, .help = "h",
                                   .value = &verbose, .max = 1};
    assert_description_refused("--verbose: a flag option takes no range", NULL);
    spec[1] = (struct option_spec){.name = "tsv", .kind = OPTION_FLAG, .help = "h",
                                   .value = &verbose};
    assert_description_refused("--tsv: every program has this option already", NULL);
    spec[1] = (struct option_spec){.name = "Step", .kind = OPTION_REAL, .help = "h",
                                   .value = &step, .min = 0, .max = 1};
    assert_description_refused("an option's name must be a word", NULL);
    spec[1].name = "step";   /* now well formed: the check passes */
    check_program(&bad);
}

/* --tsv output must have the shape the description promises. */
static int compute_ragged(const struct invocation *r)
{
    (void)r;
    printf("a\tb\n1\t2\n3\n");
    return EXIT_OK;
}

static int compute_headless(const struct invocation *r)
{
    (void)r;
    printf("1\t2\n3\t4\n");
    return EXIT_OK;
}

static void tsv_output_that_breaks_its_shape_aborts(void **state)
{
    (void)state;
    bad.info.option_count = 0;
    bad.compute = compute_ragged;
    assert_description_refused("--tsv output line 3 breaks the shape TSV_TABLE", "--tsv");
    bad.compute = compute_headless;
    assert_description_refused("--tsv output line 1 breaks the shape TSV_TABLE", "--tsv");
    bad.tsv = TSV_NAMED_VALUES;
    bad.compute = compute_nothing;
    assert_description_refused("--tsv output line 1 breaks the shape TSV_NAMED_VALUES", "--tsv");
    bad.tsv = TSV_TABLE;
    bad.compute = compute_nothing;
    bad.info.option_count = 2;
}

/* The significant digits of a decimal: those of its mantissa from the
 * first non-zero one, without the zeros that only place an integer's
 * units (100 has one, 100.5 four, 0.0049 two, 1.50 three). */
static int significant_digits(const char *cell)
{
    char digits[64] = "";
    size_t n = 0;
    bool point = false;
    for (const char *c = cell; *c && *c != 'e' && *c != 'E' && n < sizeof digits - 1; c++) {
        if (*c == '.')
            point = true;
        else if (*c >= '0' && *c <= '9' && (n > 0 || *c != '0'))
            digits[n++] = *c;
    }
    while (!point && n > 1 && digits[n - 1] == '0')
        n--;
    return n > 0 ? (int)n : 1;
}

/* A cell is a shortest number: it reads back (strtod) as a double that
 * its own number of significant digits gives again, and no fewer do. */
static void assert_shortest(const char *program, const char *cell)
{
    char *end, retry[400];
    double x = strtod(cell, &end);
    if (*end != '\0' || !isfinite(x))
        return;   /* a label, not a number */
    int n = significant_digits(cell);
    snprintf(retry, sizeof retry, "%.*g", n, x);
    bool reads_back = strtod(retry, NULL) == x && n <= 17;
    snprintf(retry, sizeof retry, "%.*g", n - 1, x);
    bool shorter_does = n > 1 && strtod(retry, NULL) == x;
    if (!reads_back || shorter_does)
        fail_msg("%s: \"%s\" is not the shortest decimal of %.17g (\"%s\" reads back)",
                 program, cell, x, shorter_does ? retry : "none");
}

/* Every cell of the text: a table or name<TAB>value lines. */
static void assert_all_shortest(const char *program, char *text)
{
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *save, *cell = strtok_r(line, "\t", &save);
        for (; cell; cell = strtok_r(NULL, "\t", &save))
            assert_shortest(program, cell);
    }
}

/* The checker itself: it refuses what %.17g prints for 0.1, and a
 * trailing zero, and accepts the shortest forms. */
static void the_shortest_check_refuses_noise_digits(void **state)
{
    (void)state;
    assert_int_equal(significant_digits("100"), 1);
    assert_int_equal(significant_digits("100.5"), 4);
    assert_int_equal(significant_digits("0.0049"), 2);
    assert_int_equal(significant_digits("1.50"), 3);
    assert_int_equal(significant_digits("-1.25e-07"), 3);
    const char *good[] = {"0.1", "19.6", "100", "1e+06", "-0", "5e-324", "0.30000000000000004"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        assert_shortest("self-test", good[i]);
    char buf[32];
    const double x[] = {0.1, 19.6, 100, 1e6, 5e-324, 0.1 + 0.2, 123456.75, 1e-5, 2.0 / 3};
    const char *want[] = {"0.1", "19.6", "100", "1e+06", "5e-324", "0.30000000000000004",
                          "123456.75", "1e-05", "0.6666666666666666"};
    for (size_t i = 0; i < sizeof x / sizeof *x; i++) {
        format_shortest(buf, sizeof buf, x[i]);
        assert_string_equal(buf, want[i]);
    }
}

/* Every number a program prints with --tsv, and fit-line's name<TAB>value
 * lines, is the shortest decimal that reads back as the same double. */
static void every_number_printed_is_the_shortest_that_reads_back(void **state)
{
    (void)state;
    char names[64][64];
    size_t n = list_programs(names, 64);
    for (size_t i = 0; i < n; i++) {
        const char *file = file_for(names[i]);
        struct run r;
        run_program(&r, names[i], "--tsv", file, NULL);
        assert_int_equal(r.status, 0);
        assert_true(r.out_bytes < (long)sizeof r.out);   /* all of it is checked */
        assert_all_shortest(names[i], r.out);
        if (file) {
            run_program(&r, names[i], file, NULL);
            assert_int_equal(r.status, 0);
            assert_all_shortest(names[i], r.out);
        }
    }
}

static void bad_options_are_usage_errors(void **state)
{
    (void)state;
    struct run r;
    run_program(&r, "limit-quotient", "--x", "1e-3x", NULL);
    assert_usage_error(&r, "--x: \"1e-3x\" is not a finite number");
    run_program(&r, "limit-quotient", "--x=nan", NULL);
    assert_usage_error(&r, "is not a finite number");
    run_program(&r, "limit-quotient", "--x", "inf", NULL);
    assert_usage_error(&r, "is not a finite number");
    run_program(&r, "limit-quotient", "--x", "", NULL);
    assert_usage_error(&r, "is not a finite number");
    run_program(&r, "limit-quotient", "--x", "1e200", NULL);
    assert_usage_error(&r, "out of range");
    run_program(&r, "limit-quotient", "--decades", "-1", NULL);
    assert_usage_error(&r, "out of range");
    run_program(&r, "limit-quotient", "--decades", "2.5", NULL);
    assert_usage_error(&r, "is not a whole number");
    run_program(&r, "limit-quotient", "--no-such-option", NULL);
    assert_usage_error(&r, "unknown option");
    run_program(&r, "limit-quotient", "--x", NULL);
    assert_usage_error(&r, "needs a value");
    run_program(&r, "limit-quotient", "stray", NULL);
    assert_usage_error(&r, "unexpected argument");
}

static void help_and_version_succeed(void **state)
{
    (void)state;
    struct run r;
    run_program(&r, "limit-quotient", "--help", NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Usage: limit-quotient"));
    assert_non_null(strstr(r.out, "--x=NUMBER"));
    assert_non_null(strstr(r.out, "; must be >= -1e+150 and <= 1e+150)"));
    assert_non_null(strstr(r.out, "Exit status"));
    run_program(&r, "limit-quotient", "--version", NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "limit-quotient"));
}

/* The TSV the program prints is the library's computation at full
 * precision: reading it back gives the same doubles. */
static void tsv_output_reads_back_exactly(void **state)
{
    (void)state;
    struct run r;
    run_program(&r, "limit-quotient", "--tsv", "--x", "2", "--decades", "3", NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    char *line = strtok(r.out, "\n");
    assert_string_equal(line, "h\tquotient\t2x + h\terror");
    for (int k = 0; k <= 3; k++) {
        line = strtok(NULL, "\n");
        assert_non_null(line);
        double h, q, exact, error;
        assert_int_equal(sscanf(line, "%lf\t%lf\t%lf\t%lf", &h, &q, &exact, &error), 4);
        assert_true(h == pow(10.0, -k));
        assert_true(q == (((2 + h) * (2 + h)) - 4) / h);
        assert_true(exact == 4 + h);
        assert_true(error == fabs(q - 4));
    }
    assert_null(strtok(NULL, "\n"));
}

static void unwritable_data_dir_fails_with_status_1(void **state)
{
    (void)state;
    struct run r;
    run_program(&r, "limit-quotient", "--data-dir", "/nonexistent/dir", NULL);
    assert_int_equal(r.status, 1);
    assert_int_equal(count_lines(r.err), 1);
    assert_non_null(strstr(r.err, "cannot write /nonexistent/dir/"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(read_number_accepts_only_whole_finite_numbers),
        cmocka_unit_test(parse_count_accepts_only_whole_numbers),
        cmocka_unit_test(tex_numbers_use_times_ten_to_the),
        cmocka_unit_test(a_column_of_fixed_places_writes_every_place),
        cmocka_unit_test(tex_table_cells_keep_their_column_notation),
        cmocka_unit_test(a_column_of_one_precision_keeps_every_digit),
        cmocka_unit_test(bad_options_are_usage_errors),
        cmocka_unit_test(help_and_version_succeed),
        cmocka_unit_test(every_program_follows_the_convention),
        cmocka_unit_test(tsv_output_reads_back_exactly),
        cmocka_unit_test(unwritable_data_dir_fails_with_status_1),
        cmocka_unit_test(an_empty_data_dir_is_bad_usage),
        cmocka_unit_test(a_failed_run_prints_nothing_on_stdout),
        cmocka_unit_test(option_mistakes_are_named_for_what_they_are),
        cmocka_unit_test(a_closed_standard_input_is_named),
        cmocka_unit_test(a_long_descent_prints_a_thinned_path),
        cmocka_unit_test(a_failed_write_to_stdout_is_exit_1_for_every_program),
        cmocka_unit_test(every_program_description_is_valid),
        cmocka_unit_test(a_malformed_description_aborts_naming_the_option),
        cmocka_unit_test(tsv_output_that_breaks_its_shape_aborts),
        cmocka_unit_test(the_shortest_check_refuses_noise_digits),
        cmocka_unit_test(every_number_printed_is_the_shortest_that_reads_back),
    };
    return cmocka_run_group_tests_name("program conventions", tests, NULL, NULL);
}
