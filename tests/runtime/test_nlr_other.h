// Code in another translation unit that reaches nlr only through a table
// of function pointers, the way a native module reaches the runtime
// through mp_fun_table (test_nlr_other.c).
#ifndef TESTS_RUNTIME_TEST_NLR_OTHER_H
#define TESTS_RUNTIME_TEST_NLR_OTHER_H

#include "runtime/nlr.h"

typedef struct {
    unsigned int (*nlr_push)(nlr_buf_t *);
    void (*nlr_pop)(void);
    void (*raise)(void *);
} test_fun_table_t;

typedef void (*test_body_fn)(const test_fun_table_t *table, void *arg);

// Run body(table, arg) under a buffer pushed through the table. Returns 0
// if body returned, 1 if it raised (then *caught is the raised value).
unsigned int other_protect(const test_fun_table_t *table, test_body_fn body, void *arg,
    void **caught);

// Raise arg through the table after `depth` nested calls (arg is a
// pointer to a struct other_raise_args).
struct other_raise_args {
    int depth;
    void *value;
};
void other_raise_deep(const test_fun_table_t *table, void *arg);

// Catch whatever body raises, add 1 to it (an integer in a pointer) and
// raise that again.
void other_catch_and_reraise(const test_fun_table_t *table, void *arg);

#endif
