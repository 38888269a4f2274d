/* One number reader (read_number, appendix "Reading numbers strictly")
 * for options and data cells: a text is accepted exactly when strtod
 * reads all of it and the result is finite, and the double is then
 * strtod's, bit for bit.  strtod (glibc, correctly rounded) is the
 * independent reference: the test never asks the library what a number
 * should be.  The strings are generated (NUMBER_STRINGS of them, 100000
 * by default; make bench runs millions) with the hard cases built in:
 * halfway points between two doubles written out to 800 digits and
 * nudged by one digit, mantissas of 19 to 800 digits, leading zeros
 * against huge exponents, exponents past +-10^5.  Each string goes
 * through read_number and through the data reader (the shortcut inside
 * a row, the careful route in the first row), which must agree with
 * strtod on the verdict and the bits. */
#define _GNU_SOURCE
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "data.h"
#include "run-program.h"
#include "xorshift.h"

/* The reference verdict: strtod reads the whole text, and it is finite. */
static bool strtod_accepts(const char *text, double *value)
{
    char *end;
    if (*text == '\0' || *text == ' ' || (*text >= '\t' && *text <= '\r'))
        return false;
    *value = strtod(text, &end);
    return *end == '\0' && isfinite(*value);
}

static bool same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t next_random(void)
{
    return xorshift64(&rng);
}

static double random_double(void)
{
    uint64_t bits = next_random() & ~(UINT64_C(1) << 63);
    double d;
    memcpy(&d, &bits, sizeof d);
    return isfinite(d) ? d : 1.5;
}

static int digits_into(char *p, int count, bool leading_nonzero)
{
    for (int i = 0; i < count; i++)
        p[i] = (char)('0' + (i == 0 && leading_nonzero ? 1 + next_random() % 9
                                                       : next_random() % 10));
    p[count] = '\0';
    return count;
}

/* A point halfway between two neighbouring doubles, written with up to
 * 800 significant digits (long double holds it exactly), then perhaps
 * nudged by one unit of its last digit. */
static void halfway(char *out)
{
    double d = fabs(random_double());
    long double mid = ((long double)d + (long double)nextafter(d, INFINITY)) / 2;
    int digits = 17 + (int)(next_random() % 784);
    int n = sprintf(out, "%.*Le", digits, mid);
    char *e = strchr(out, 'e');
    char *last = e - 1;
    int nudge = (int)(next_random() % 3) - 1;
    if (nudge && *last + nudge >= '0' && *last + nudge <= '9')
        *last = (char)(*last + nudge);
    (void)n;
}

/* Many digits, the point anywhere, an exponent from small to past 10^5. */
static void long_mantissa(char *out)
{
    char *p = out;
    if (next_random() % 2)
        *p++ = '-';
    int n = 19 + (int)(next_random() % 782);
    p += digits_into(p, n, next_random() % 4 != 0);
    if (next_random() % 2) {
        int at = (int)(next_random() % (uint64_t)n);
        memmove(p - at + 1, p - at, (size_t)at + 1);
        p[-at] = '.';
        p++;
    }
    static const int exponents[] = {0, 5, -5, 300, -300, 330, -330, 400, -400, 1000,
                                    -1000, 100000, -100000, 123456, -123456};
    int k = exponents[next_random() % (sizeof exponents / sizeof exponents[0])];
    sprintf(p, "e%d", k + (int)(next_random() % 41) - 20);
}

/* Leading zeros that an exponent brings back, as in "0." 9,999 zeros
 * "1e100000" (10^90000: infinite to strtod). */
static void zeros_against_exponent(char *out, size_t room)
{
    int zeros = next_random() % 2 ? (int)(next_random() % 12000) : 9970 + (int)(next_random() % 60);
    if ((size_t)zeros + 64 > room)
        zeros = (int)room - 64;
    int shift = next_random() % 2 ? (int)(next_random() % 2000) - 1000 : 0;
    char *p = out + sprintf(out, "%s0.", next_random() % 2 ? "" : "-");
    memset(p, '0', (size_t)zeros);
    p += zeros;
    p += digits_into(p, 1 + (int)(next_random() % 20), true);
    sprintf(p, "e%d", zeros + shift + (next_random() % 2 ? 90000 : 0));
}

/* Short decimals of every shape the shortcut reads, and near misses. */
static void short_text(char *out)
{
    static const char *const odd[] = {
        "", "+", "-", ".", "e5", "1e", "1e+", "1e-", "--1", "+-1", "1..2", "1e5.5", "0x",
        "0x1p-3", "0X1.8P+3", "inf", "-inf", "INF", "infinity", "nan", "NaN", "nan(0)",
        "1e999", "-1e999", "1e-400", "1e-310", "-4.9e-324", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623159e308",
        "9007199254740993", "9007199254740992.5", "0e100000", "-0", "-0.0e-5", "1x", "x1",
        "1 ", " 1", "\t1", "1\t", "1e22", "1e23", "8.5e-22", "123456789012345678",
        "1234567890123456789", "12345678901234567890"};
    if (next_random() % 4 == 0) {
        strcpy(out, odd[next_random() % (sizeof odd / sizeof odd[0])]);
        return;
    }
    char *p = out;
    static const char *const signs[] = {"", "", "-", "+"};
    p += sprintf(p, "%s", signs[next_random() % 4]);
    p += digits_into(p, (int)(next_random() % 12), false);
    if (next_random() % 2) {
        *p++ = '.';
        p += digits_into(p, (int)(next_random() % 12), false);
    }
    if (next_random() % 2)
        sprintf(p, "%c%s%d", next_random() % 2 ? 'e' : 'E', signs[next_random() % 4],
                (int)(next_random() % 40));
}

static void generate(char *out, size_t room, uint64_t kind)
{
    switch (kind % 4) {
    case 0: short_text(out); break;
    case 1: halfway(out); break;
    case 2: long_mantissa(out); break;
    default: zeros_against_exponent(out, room); break;
    }
}

static size_t how_many(void)
{
    const char *n = getenv("NUMBER_STRINGS");
    return n ? strtoul(n, NULL, 10) : 100000;
}

/* The data reader on one cell: in a second row (the shortcut where the
 * cell lies, or the careful route), or in the first row (cut out first,
 * as a possible header is). */
static bool data_reader_reads(const char *text, double *value, bool first_row)
{
    char file[16384];
    int n = snprintf(file, sizeof file, first_row ? "%s,0\n0,0\n" : "0,0\n%s,0\n", text);
    FILE *in = fmemopen(file, (size_t)n, "r");
    assert_non_null(in);
    char error[512];
    struct data_reader *r = NULL;
    bool ok = open_data_stream(in, "cell", HEADER_NO, &r, error, sizeof error) == STATUS_OK;
    if (ok) {           /* a bad first row is refused by the opening itself */
        const double *cells = NULL;
        ok = next_data_row(r, &cells, error, sizeof error) == STATUS_OK && cells;
        if (ok && first_row)
            *value = cells[0];
        ok = ok && next_data_row(r, &cells, error, sizeof error) == STATUS_OK && cells;
        if (ok && !first_row)
            *value = cells[0];
    }
    if (!ok && !strstr(error, *text ? "is not a finite number" : "the cell is empty"))
        fail_msg("\"%.60s\": %s", text, error);
    close_data(r);
    fclose(in);
    return ok;
}

static bool data_reader_accepts(const char *text, double *value)
{
    return data_reader_reads(text, value, false);
}

static void fail_on(const char *who, const char *text, bool accepted, double got, bool want_ok,
                    double want)
{
    fail_msg("%s on \"%.60s%s\" (%zu chars): %s %.17g, strtod: %s %.17g", who, text,
             strlen(text) > 60 ? "..." : "", strlen(text), accepted ? "accepted" : "refused",
             got, want_ok ? "accepts" : "refuses", want);
}

static void readers_agree_with_strtod_bit_for_bit(void **state)
{
    (void)state;
    static char text[16384];
    size_t n = how_many(), accepted = 0, through_the_data_reader = 0;
    for (size_t i = 0; i < n; i++) {
        generate(text, sizeof text, next_random());
        double want = 0, got = 0;
        bool ok = strtod_accepts(text, &want);
        accepted += ok;
        bool mine = read_number(text, &got) == NUMBER_READ;
        if (mine != ok || (ok && !same_bits(got, want)))
            fail_on("read_number", text, mine, got, ok, want);
        if (strpbrk(text, " \t\n\r,\"#"))
            continue;   /* CSV syntax: not one cell */
        through_the_data_reader++;
        mine = data_reader_reads(text, &got, i % 2);
        if (mine != ok || (ok && !same_bits(got, want)))
            fail_on(i % 2 ? "the data reader's first row" : "the data reader", text, mine, got,
                    ok, want);
    }
    print_message("numbers: %zu strings (%zu finite numbers), %zu also through the data "
                  "reader (half as a first row), all as strtod reads them\n", n, accepted,
                  through_the_data_reader);
    assert_true(accepted > n / 3 && accepted < n);
}

/* The issue's case: "0." 9,999 zeros "1e100000" is 10^90000, infinite. */
static void zeros_then_a_huge_exponent_are_not_finite(void **state)
{
    (void)state;
    static char text[10100];
    strcpy(text, "0.");
    memset(text + 2, '0', 9999);
    strcpy(text + 2 + 9999, "1e100000");
    double v = 42;
    assert_int_equal(read_number(text, &v), NUMBER_NOT_FINITE);
    assert_false(data_reader_accepts(text, &v));
    text[2 + 9999 + 2] = '\0';        /* "0.000...01e-1": 10^-10001, zero */
    strcat(text, "-1");
    assert_true(data_reader_accepts(text, &v) && v == 0);
}

/* Option values and data cells follow the same rule and say the same
 * words: 1e-310 and 1e-400 are read (a subnormal, and zero), 1e999 is not
 * finite, in both. */
static void options_and_cells_share_one_rule(void **state)
{
    (void)state;
    char path[] = "/tmp/test-numbers-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("1,2\n2,4.5\n3,6\n", f);
    fclose(f);
    struct run r;
    run_program(&r, "fit-line", "--tolerance", "1e-310", path, NULL);
    assert_int_equal(r.status, 0);
    run_program(&r, "fit-line", "--tolerance", "1e-400", path, NULL);
    assert_int_equal(r.status, 0);
    run_program(&r, "fit-line", "--tolerance", "1e999", path, NULL);
    assert_refused(&r, "fit-line", 2, "--tolerance: \"1e999\" is not a finite number");
    double v;
    assert_int_equal(read_number("1e-310", &v), NUMBER_READ);
    assert_true(v == strtod("1e-310", NULL) && v > 0);
    assert_int_equal(read_number("1e999", &v), NUMBER_NOT_FINITE);
    assert_int_equal(read_number("nan", &v), NUMBER_NOT_FINITE);
    assert_int_equal(read_number("3x", &v), NOT_A_NUMBER);
    assert_false(data_reader_accepts("1e999", &v));
    assert_true(data_reader_accepts("1e-310", &v) && v == strtod("1e-310", NULL));
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(readers_agree_with_strtod_bit_for_bit),
        cmocka_unit_test(zeros_then_a_huge_exponent_are_not_finite),
        cmocka_unit_test(options_and_cells_share_one_rule),
    };
    return cmocka_run_group_tests_name("one number reader, as strtod reads numbers", tests,
                                       NULL, NULL);
}
