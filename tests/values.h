/* Checking the numbers the prose quotes.
 *
 * Every \val{program/key} that doc.nw uses is a number some program wrote
 * into build/data/<program>/values.tex, the very file the document was
 * typeset from.  A test checks it with one of
 *
 *     check_number("program/key", reference, digits);
 *     check_at_most("program/key", bound);
 *     check_between("program/key", low, high);
 *     check_text("program/key", "expected TeX");
 *
 * where the reference comes from somewhere else than the program: a
 * closed form, the algebra, a second method, exact arithmetic.  A check
 * that passes records its key in the file named by $VALUES_CHECKED, and
 * `make check` (tests/check-values.sh) fails when a key doc.nw uses was
 * checked by no test.  The values are read from $VALUES_DIR
 * (build/data), and doc.nw from $DOC_NW.
 */
#ifndef VALUES_H
#define VALUES_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_VALUES = 512 };

static struct {
    int loaded;
    int n;
    char key[MAX_VALUES][64];
    char tex[MAX_VALUES][160];
    char *doc;
} values_;

static inline char *read_whole_file_(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "values.h: cannot read %s\n", path);
        return NULL;
    }
    char *buf = NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1))) {
        size_t n = fread(buf, 1, (size_t)size, f);
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

/* Every build/data/<program>/values.tex, each line \defval{key}{tex}. */
static inline void load_values_(const char *program)
{
    const char *dir = getenv("VALUES_DIR");
    assert_non_null(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/values.tex", dir, program);
    char *text = read_whole_file_(path);
    assert_non_null(text);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        const char *prefix = "\\defval{";
        if (strncmp(line, prefix, strlen(prefix)) != 0)
            continue;
        char *key = line + strlen(prefix), *end = strstr(key, "}{");
        assert_non_null(end);
        assert_true(values_.n < MAX_VALUES);
        *end = '\0';
        char *tex = end + 2;
        size_t len = strlen(tex);
        assert_true(len > 0 && tex[len - 1] == '}');
        tex[len - 1] = '\0';
        snprintf(values_.key[values_.n], sizeof values_.key[0], "%s", key);
        snprintf(values_.tex[values_.n], sizeof values_.tex[0], "%s", tex);
        values_.n++;
    }
    free(text);
}

/* Does doc.nw use \val{key}? */
static inline int used_by_document_(const char *key)
{
    if (!values_.doc) {
        const char *doc = getenv("DOC_NW");
        assert_non_null(doc);
        values_.doc = read_whole_file_(doc);
        assert_non_null(values_.doc);
    }
    char pattern[128];
    snprintf(pattern, sizeof pattern, "\\val{%s}", key);
    return strstr(values_.doc, pattern) != NULL;
}

/* The TeX a program wrote for key, or NULL. */
static inline const char *printed_tex(const char *key)
{
    for (int i = 0; i < values_.n; i++)
        if (strcmp(values_.key[i], key) == 0)
            return values_.tex[i];
    char program[64];
    snprintf(program, sizeof program, "%s", key);
    char *slash = strchr(program, '/');
    assert_non_null(slash);
    *slash = '\0';
    for (int i = 0; i < values_.n; i++)
        if (strncmp(values_.key[i], program, strlen(program)) == 0
            && values_.key[i][strlen(program)] == '/')
            return NULL;    /* the program's file is loaded; no such key */
    load_values_(program);
    return printed_tex(key);
}

static inline void record_checked_(const char *key)
{
    const char *path = getenv("VALUES_CHECKED");
    if (!path)
        return;
    FILE *f = fopen(path, "a");
    assert_non_null(f);
    fprintf(f, "%s\n", key);
    assert_int_equal(fclose(f), 0);
}

/* The printed TeX, or NULL (and a note) when a key that doc.nw does not
 * use is not written any more: a check may outlive the sentence. */
static inline const char *value_to_check_(const char *key)
{
    const char *tex = printed_tex(key);
    if (!tex) {
        if (used_by_document_(key))
            fail_msg("doc.nw uses \\val{%s}, but no program wrote it", key);
        fprintf(stderr, "note: %s is checked but no longer written or used\n", key);
    }
    return tex;
}

/* A number as format_tex_number writes it: 24, -0.5, 10^{-8},
 * 2.2\times10^{-16}. */
static inline double parse_tex_number(const char *key, const char *tex)
{
    char mantissa[64] = "1";
    int exponent = 0;
    const char *times = strstr(tex, "\\times10^{"), *power = strstr(tex, "10^{");
    if (times) {
        snprintf(mantissa, sizeof mantissa, "%.*s", (int)(times - tex), tex);
        exponent = atoi(times + strlen("\\times10^{"));
    } else if (power == tex) {
        exponent = atoi(tex + strlen("10^{"));
    } else {
        snprintf(mantissa, sizeof mantissa, "%s", tex);
    }
    char *end;
    double m = strtod(mantissa, &end);
    if (*end != '\0' || end == mantissa)
        fail_msg("%s: \"%s\" is not a number", key, tex);
    char whole[96];
    snprintf(whole, sizeof whole, "%.17ge%d", m, exponent);
    return strtod(whole, NULL);
}

/* The printed number is the reference rounded to `digits` significant
 * digits (a reference of exactly 0 must be printed as 0).  A reference
 * that lies within a hair of a rounding boundary may round either way. */
static inline void check_number(const char *key, double reference, int digits)
{
    const char *tex = value_to_check_(key);
    if (!tex)
        return;
    double printed = parse_tex_number(key, tex);
    if (reference == 0) {
        if (printed != 0)
            fail_msg("%s: printed %s, but the reference is exactly 0", key, tex);
    } else {
        double larger = fmax(fabs(printed), fabs(reference));
        double unit = pow(10.0, floor(log10(larger)) - digits + 1);
        if (!(fabs(printed - reference) <= 0.5 * unit * (1 + 1e-9)))
            fail_msg("%s: printed %s, but the reference %.17g rounds to %.*g", key, tex,
                     reference, digits, reference);
    }
    record_checked_(key);
}

/* For a number that is rounding noise, whose only claim is its size:
 * 0 <= printed <= bound. */
static inline void check_at_most(const char *key, double bound)
{
    const char *tex = value_to_check_(key);
    if (!tex)
        return;
    double printed = parse_tex_number(key, tex);
    if (!(printed >= 0 && printed <= bound))
        fail_msg("%s: printed %s, outside [0, %.3g]", key, tex, bound);
    record_checked_(key);
}

/* For a count only bounded by a second method: low <= printed <= high. */
static inline void check_between(const char *key, double low, double high)
{
    const char *tex = value_to_check_(key);
    if (!tex)
        return;
    double printed = parse_tex_number(key, tex);
    if (!(printed >= low && printed <= high))
        fail_msg("%s: printed %s, outside [%.6g, %.6g]", key, tex, low, high);
    record_checked_(key);
}

static inline void check_text(const char *key, const char *expected)
{
    const char *tex = value_to_check_(key);
    if (!tex)
        return;
    if (strcmp(tex, expected) != 0)
        fail_msg("%s: printed \"%s\", expected \"%s\"", key, tex, expected);
    record_checked_(key);
}
#endif
