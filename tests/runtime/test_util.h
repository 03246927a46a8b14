// A minimal unit-test harness for the runtime's C tests.
//
// Each case is a void function run by RUN(name). CHECK(cond) ends the case
// at the first failed condition. The program prints one line per case,
// "ok NAME" or "fail NAME: FILE:LINE: COND", then "done N"; ctest.sh turns
// these lines into test results (a missing "done" line means a crash).
#ifndef TESTS_RUNTIME_TEST_UTIL_H
#define TESTS_RUNTIME_TEST_UTIL_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char *test_case_name;
static bool test_case_failed;
static int test_cases_run;

#define CHECK(cond) \
    do { \
        if (!(cond)) { \
            printf("fail %s: %s:%d: %s\n", test_case_name, __FILE__, __LINE__, #cond); \
            test_case_failed = true; \
            return; \
        } \
    } while (0)

// Zero the 16 KB of stack below the caller (test_stack.c).
void test_clear_stack(void);

// Not inlined: each case then runs in a frame of its own, below the wiped
// stack, rather than inlined into main.
__attribute__((noinline)) static void test_run(const char *name, void (*fn)(void)) {
    test_case_name = name;
    test_clear_stack(); // where fn's frame will be
    test_case_failed = false;
    fn();
    if (!test_case_failed) {
        printf("ok %s\n", name);
    }
    fflush(stdout);
    test_cases_run++;
}

#define RUN(fn) test_run(#fn, fn)

// The closing line; returns main's exit status.
static inline int test_done(void) {
    printf("done %d\n", test_cases_run);
    return 0;
}

#endif
