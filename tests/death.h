/* Death tests: run a call in a child process and assert that it stopped
 * with SIGABRT and exactly one line on stderr that starts with `prefix`
 * and contains `expected`.  A check that should fire but does not lets
 * the child exit 0, which fails the test.  Include after <cmocka.h>. */
#ifndef DEATH_H
#define DEATH_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static inline void assert_aborts_saying(void (*call)(void *), void *arg, const char *prefix,
                                        const char *expected)
{
    char err[] = "/tmp/test-death-XXXXXX";
    int fd = mkstemp(err);
    assert_true(fd >= 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGABRT, SIG_DFL);
        dup2(fd, STDERR_FILENO);
        call(arg);
        _exit(0);   /* the check did not fire */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    char text[1024] = "";
    ssize_t n = pread(fd, text, sizeof text - 1, 0);
    close(fd);
    unlink(err);
    text[n > 0 ? n : 0] = '\0';
    size_t len = strlen(text);
    bool one_line = len > 0 && strchr(text, '\n') == text + len - 1;
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT || !one_line
        || strncmp(text, prefix, strlen(prefix)) != 0 || !strstr(text, expected))
        fail_msg("expected an abort saying \"%s%s\"; got status %#x, stderr \"%s\"", prefix,
                 expected, status, text);
}

#endif
