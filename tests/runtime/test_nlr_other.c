// See test_nlr_other.h. Nothing here calls nlr_* directly.
#include "test_nlr_other.h"

#include <stdint.h>

// The compiler cannot be told that a call through a pointer returns twice
// (gcc and clang accept returns_twice on function declarations only), so
// here, as in a native module, it may reuse a stack slot in the protected
// branch that the handler branch reads. AddressSanitizer's frame set-up
// does exactly that, so this function is built without it (native modules
// are never built with sanitizers anyway); the handler only reads buf and
// `caught`, both safe.
__attribute__((no_sanitize("address")))
unsigned int other_protect(const test_fun_table_t *table, test_body_fn body, void *arg,
    void **caught) {
    nlr_buf_t buf;
    if (table->nlr_push(&buf) == 0) {
        body(table, arg);
        table->nlr_pop();
        *caught = NULL;
        return 0;
    }
    *caught = buf.ret_val;
    return 1;
}

// Not inlined, and the recursion cannot become a loop: each level keeps a
// frame of its own on the way down.
__attribute__((noinline)) static int raise_at(const test_fun_table_t *table, int depth, void *value) {
    volatile int frame_local = depth;
    if (depth > 0) {
        return raise_at(table, depth - 1, value) + frame_local;
    }
    table->raise(value);
    return 0;
}

void other_raise_deep(const test_fun_table_t *table, void *arg) {
    struct other_raise_args *args = arg;
    raise_at(table, args->depth, args->value);
}

void other_catch_and_reraise(const test_fun_table_t *table, void *arg) {
    void *caught;
    if (other_protect(table, other_raise_deep, arg, &caught)) {
        table->raise((void *)((uintptr_t)caught + 1));
    }
}
