/* Checked runtime errors (status.h's REQUIRE): a call that breaks a
 * function's precondition stops the program with SIGABRT and one line on
 * stderr naming the condition, whatever the build.  Each call runs in a
 * child process, which must die; the parent reads what it said. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "autodiff.h"
#include "calculus.h"
#include "examples.h"
#include "linear.h"
#include "status.h"
#include "death.h"

/* Runs call() in a child; asserts that it aborted, with one line on
 * stderr containing `expected`. */
static void call_it(void *call)
{
    (*(void (**)(void))call)();
}

static void assert_dies(void (*call)(void), const char *expected)
{
    assert_aborts_saying(call_it, &call, "", expected);
}

static void read_past_the_tape(void)
{
    struct tape t = {NULL, 0, 0, STATUS_OK};
    tape_input(&t, 2.0);
    printf("%g\n", tape_value(&t, 1));   /* one node: index 1 is past it */
}

static void record_from_a_node_not_on_the_tape(void)
{
    struct tape t = {NULL, 0, 0, STATUS_OK};
    size_t x = tape_input(&t, 2.0);
    tape_mul(&t, x, x + 5);
}

static void backward_from_a_node_not_on_the_tape(void)
{
    struct tape t = {NULL, 0, 0, STATUS_OK};
    tape_input(&t, 2.0);
    tape_backward(&t, 1);   /* one node: index 1 is past it */
}

static void step_with_no_steps_per_decade(void)
{
    printf("%g\n", log_spaced_step(1, 0));
}

static void loss_of_no_samples(void)
{
    const struct samples none = {0, NULL, NULL};
    printf("%g\n", mean_squared_error(&none, (struct line){1, 0}));
}

static void an_unknown_status(void)
{
    printf("%d\n", exit_status((enum status)42));
}

static void tape_value_out_of_range_aborts(void **state)
{
    (void)state;
    assert_dies(read_past_the_tape, "tape_value: requires i < t->count");
}

static void a_tape_operation_on_a_foreign_node_aborts(void **state)
{
    (void)state;
    assert_dies(record_from_a_node_not_on_the_tape, "tape_value: requires i < t->count");
    assert_dies(backward_from_a_node_not_on_the_tape,
                "tape_backward: requires output < t->count");
}

static void other_preconditions_abort(void **state)
{
    (void)state;
    assert_dies(step_with_no_steps_per_decade, "log_spaced_step: requires per_decade > 0");
    assert_dies(loss_of_no_samples, "mean_squared_error: requires s->n > 0");
    assert_dies(an_unknown_status, "exit_status: requires a known status");
}

/* The checks cost nothing where they hold: the same calls in range work. */
static void calls_in_range_do_not_abort(void **state)
{
    (void)state;
    struct tape t = {NULL, 0, 0, STATUS_OK};
    size_t x = tape_input(&t, 2.0);
    assert_true(tape_value(&t, tape_mul(&t, x, x)) == 4.0);
    tape_free(&t);
    assert_true(log_spaced_step(2, 2) == 0.1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tape_value_out_of_range_aborts),
        cmocka_unit_test(a_tape_operation_on_a_foreign_node_aborts),
        cmocka_unit_test(other_preconditions_abort),
        cmocka_unit_test(calls_in_range_do_not_abort),
    };
    return cmocka_run_group_tests_name("checked runtime errors", tests, NULL, NULL);
}
