/* Running a program under test: its exit status, standard output and
 * standard error, for the tests that check programs as a user runs them.
 * The programs are the sanitizer builds in $SAN_BIN. */
#ifndef RUN_PROGRAM_H
#define RUN_PROGRAM_H
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct run {
    int status;
    char out[65536];      /* the first 64 KiB of standard output */
    char err[4096];
    long out_bytes;       /* the whole size of standard output */
};

/* Reads the file's start into buf; returns its whole size. */
static inline long slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long bytes = ftell(f);
    fclose(f);
    return bytes;
}

/* The value on the line "name<TAB>value" of a program's output, such as
 * fit-line's; fails the test if there is no such line. */
static inline double value_named(const char *out, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "%s\t", name);
    for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        if (strncmp(p, key, strlen(key)) == 0)
            return strtod(p + strlen(key), NULL);
    fail_msg("no line %s in output \"%s\"", name, out);
    return NAN;
}

/* As run_argv, with standard input read from in, or closed if in < 0. */
static inline void run_argv_stdin(struct run *r, char *argv[], int in);

/* argv[0] is the program's name in $SAN_BIN; argv ends with NULL. */
static inline void run_argv(struct run *r, char *argv[])
{
    run_argv_stdin(r, argv, STDIN_FILENO);
}

static inline void run_argv_stdin(struct run *r, char *argv[], int in)
{
    const char *dir = getenv("SAN_BIN");
    assert_non_null(dir);
    char path[4096], out[] = "/tmp/test-run-out-XXXXXX", err[] = "/tmp/test-run-err-XXXXXX";
    snprintf(path, sizeof path, "%s/%s", dir, argv[0]);
    int fo = mkstemp(out), fe = mkstemp(err);
    assert_true(fo >= 0 && fe >= 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fo, 1);
        dup2(fe, 2);
        if (in < 0)
            close(STDIN_FILENO);
        else if (in != STDIN_FILENO)
            dup2(in, STDIN_FILENO);
        execv(path, argv);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    close(fo);
    close(fe);
    r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r->out_bytes = slurp(out, r->out, sizeof r->out);
    slurp(err, r->err, sizeof r->err);
    unlink(out);
    unlink(err);
}

/* run_program(&r, "name", "arg", ..., NULL); a NULL argument ends the list. */
static inline void run_program(struct run *r, const char *name, ...)
{
    char *argv[32] = {(char *)name};
    va_list args;
    va_start(args, name);
    int argc = 1;
    while (argc < 31 && (argv[argc] = va_arg(args, char *)) != NULL)
        argc++;
    va_end(args);
    argv[argc] = NULL;
    run_argv(r, argv);
}

static inline size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* A refusal: `status`, nothing on stdout, one line on stderr that starts
 * with the program's name and contains `expected`. */
static inline void assert_refused(const struct run *r, const char *program, int status,
                           const char *expected)
{
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%s: ", program);
    if (r->status != status || r->out[0] != '\0' || count_lines(r->err) != 1
        || strncmp(r->err, prefix, strlen(prefix)) != 0 || !strstr(r->err, expected))
        fail_msg("%s: expected status %d and one line with \"%s\"; got status %d, "
                 "stdout \"%.60s\", stderr \"%s\"", program, status, expected, r->status,
                 r->out, r->err);
}

/* The default of a program's option as its description states it: the
 * number after "(default " in the option's entry of --help, which prints
 * it so that it reads back as the same double.  A test that takes its
 * example's parameters from here follows a change of the default. */
static inline double option_default(const char *program, const char *option)
{
    struct run r;
    run_program(&r, program, "--help", NULL);
    assert_int_equal(r.status, 0);
    char key[80];
    snprintf(key, sizeof key, "\n  --%s=", option);
    const char *entry = strstr(r.out, key), *next, *found;
    if (!entry)
        fail_msg("%s --help has no option --%s", program, option);
    next = strstr(entry + 1, "\n  -");
    found = strstr(entry, "(default ");
    if (!found || (next && found > next))
        fail_msg("%s --help states no default for --%s", program, option);
    return strtod(found + strlen("(default "), NULL);
}

/* Every program in $SAN_BIN, by name; returns how many. */
#include <dirent.h>
static inline size_t list_programs(char names[][64], size_t max)
{
    DIR *d = opendir(getenv("SAN_BIN"));
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max)
        if (e->d_name[0] != '.')
            snprintf(names[n++], 64, "%.63s", e->d_name);
    closedir(d);
    return n;
}
#endif
