// Unit tests of non-local return (src/runtime/nlr*.c).
//
// With the argument "jump-fail" the program instead calls nlr_jump with
// nothing pushed, which must print a message and abort (nlr.test.sh checks).
#include "runtime/gc.h"
#include "runtime/nlr.h"
#include "test_nlr_other.h"
#include "test_util.h"

#include <stdint.h>

#define NLR_TEST_VALUE ((void *)0x5eed)

unsigned int nlr_test_regs_harness(nlr_buf_t *buf, void (*thrower)(void));
void nlr_test_clobber_and_jump(void);

static const test_fun_table_t table = {nlr_push, nlr_pop, nlr_jump};

__attribute__((noinline)) static void raise_value(void *val) {
    nlr_jump(val);
}

// nlr_jump, hidden from the compiler's noreturn analysis (which would
// otherwise call the recursion below infinite).
static void (*volatile jump_fn)(void *) = nlr_jump;

// Recurse `depth` levels, then raise.
__attribute__((noinline)) static int recurse_and_raise(int depth, void *val) {
    volatile int local = depth;
    if (depth == 0) {
        jump_fn(val);
        return 0;
    }
    return recurse_and_raise(depth - 1, val) + local;
}

static void test_push_pop(void) {
    nlr_buf_t buf;
    CHECK(*nlr_top_ptr() == NULL);
    CHECK(nlr_push(&buf) == 0);
    CHECK(*nlr_top_ptr() == &buf);
    CHECK(buf.prev == NULL);
    nlr_pop();
    CHECK(*nlr_top_ptr() == NULL);
    nlr_pop(); // popping an empty chain does nothing
    CHECK(*nlr_top_ptr() == NULL);
}

static void test_jump(void) {
    nlr_buf_t buf;
    volatile int reached = 0;
    if (nlr_push(&buf) == 0) {
        reached = 1;
        raise_value(NLR_TEST_VALUE);
        reached = 2;
        nlr_pop();
    } else {
        CHECK(reached == 1);
        CHECK(buf.ret_val == NLR_TEST_VALUE);
        CHECK(*nlr_top_ptr() == NULL); // the buffer is popped
        return;
    }
    CHECK(!"nlr_jump returned");
}

static void test_nested(void) {
    nlr_buf_t outer, inner;
    volatile int stage = 0;
    if (nlr_push(&outer) == 0) {
        if (nlr_push(&inner) == 0) {
            CHECK(inner.prev == &outer);
            stage = 1;
            raise_value((void *)1);
        } else {
            CHECK(stage == 1 && inner.ret_val == (void *)1);
            CHECK(*nlr_top_ptr() == &outer);
            stage = 2;
            raise_value((void *)2); // from the handler: to the outer buffer
        }
        CHECK(!"not reached");
    } else {
        CHECK(stage == 2 && outer.ret_val == (void *)2);
        CHECK(*nlr_top_ptr() == NULL);
    }
    // The inner buffer popped normally, then a jump to the outer one.
    stage = 0;
    if (nlr_push(&outer) == 0) {
        if (nlr_push(&inner) == 0) {
            nlr_pop();
        }
        CHECK(*nlr_top_ptr() == &outer);
        raise_value((void *)3);
    } else {
        CHECK(outer.ret_val == (void *)3 && *nlr_top_ptr() == NULL);
    }
}

static void test_across_calls(void) {
    nlr_buf_t buf;
    volatile int before = 1234;
    if (nlr_push(&buf) == 0) {
        recurse_and_raise(200, NLR_TEST_VALUE);
        nlr_pop();
        CHECK(!"not reached");
    }
    CHECK(buf.ret_val == NLR_TEST_VALUE);
    CHECK(before == 1234);
}

// Locals changed after nlr_push keep their new value if volatile.
static void test_volatile_locals(void) {
    nlr_buf_t buf;
    volatile int counter = 0;
    volatile double real = 1.5;
    if (nlr_push(&buf) == 0) {
        counter = 42;
        real = 2.5;
        raise_value(NULL);
    }
    CHECK(counter == 42 && real == 2.5);
    CHECK(buf.ret_val == NULL);
}

static void body_returns(const test_fun_table_t *t, void *arg) {
    (void)t;
    *(int *)arg = 1;
}

// All of it through function pointers, from and to another translation
// unit, the way native module code does it.
static void test_function_pointers(void) {
    void *caught = (void *)1;
    struct other_raise_args args = {50, NLR_TEST_VALUE};
    CHECK(other_protect(&table, other_raise_deep, &args, &caught) == 1);
    CHECK(caught == NLR_TEST_VALUE);
    CHECK(*nlr_top_ptr() == NULL);
    // A body that does not raise.
    int ran = 0;
    CHECK(other_protect(&table, body_returns, &ran, &caught) == 0);
    CHECK(ran == 1 && caught == NULL && *nlr_top_ptr() == NULL);
    // Raised in the other unit, caught here.
    nlr_buf_t buf;
    if (nlr_push(&buf) == 0) {
        args.depth = 10;
        other_raise_deep(&table, &args);
        CHECK(!"not reached");
    }
    CHECK(buf.ret_val == NLR_TEST_VALUE);
    // Caught there, re-raised, caught here.
    if (nlr_push(&buf) == 0) {
        struct other_raise_args two = {5, (void *)40};
        other_catch_and_reraise(&table, &two);
        CHECK(!"not reached");
    }
    CHECK(buf.ret_val == (void *)41);
    CHECK(*nlr_top_ptr() == NULL);
}

// Every callee-saved register of nlr_push's caller comes back, after a
// jump from code that trashed them all, and after a plain push and pop.
static void test_callee_saved_registers(void) {
    nlr_buf_t buf;
    unsigned int r = nlr_test_regs_harness(&buf, nlr_test_clobber_and_jump);
    if ((r & 0xffff) != 0) {
        printf("# registers not restored after a jump: mask 0x%x\n", r & 0xffff);
    }
    CHECK(r == 0x10000); // jumped, nothing lost
    CHECK(buf.ret_val == NLR_TEST_VALUE);
    r = nlr_test_regs_harness(&buf, NULL);
    CHECK(r == 0);
    CHECK(*nlr_top_ptr() == NULL);
}

__attribute__((noinline)) static uintptr_t stack_depth_probe(void) {
    return (uintptr_t)__builtin_frame_address(0);
}

// Push, raise val from `depth` calls down, return what was caught.
__attribute__((noinline)) static void *catch_from(int depth, void *val) {
    nlr_buf_t buf;
    if (nlr_push(&buf) == 0) {
        recurse_and_raise(depth, val);
        nlr_pop();
        return NULL;
    }
    return buf.ret_val;
}

// Many jumps: the stack does not creep and the chain stays consistent.
static void test_many_jumps(void) {
    uintptr_t first = 0;
    for (int i = 0; i < 100000; i++) {
        CHECK(catch_from(i % 8, (void *)(uintptr_t)i) == (void *)(uintptr_t)i);
        uintptr_t probe = stack_depth_probe();
        if (i == 0) {
            first = probe;
        }
        CHECK(probe == first);
    }
    CHECK(*nlr_top_ptr() == NULL);
}

// The chain head can be saved and restored by the runtime.
static void test_top_ptr(void) {
    nlr_buf_t a, b;
    nlr_buf_t **top = nlr_top_ptr();
    CHECK(nlr_push(&a) == 0);
    CHECK(nlr_push(&b) == 0);
    CHECK(*top == &b && b.prev == &a);
    nlr_buf_t *saved = *top;
    *top = NULL;
    CHECK(*nlr_top_ptr() == NULL);
    *top = saved;
    nlr_pop();
    nlr_pop();
    CHECK(*top == NULL);
}

// An object raised and caught stays alive through a collection: the only
// reference is buf.ret_val, in a buffer on the stack.
__attribute__((noinline)) static void raise_new_object(void) {
    uintptr_t *obj = gc_alloc(32, 0);
    obj[0] = 0xabc;
    nlr_jump(obj);
}

static void test_gc_keeps_raised_object(void) {
    CHECK(gc_init_size(16 * 1024));
    nlr_buf_t buf;
    if (nlr_push(&buf) == 0) {
        raise_new_object();
    }
    for (int i = 0; i < 5000; i++) { // several collections' worth of garbage
        CHECK(gc_alloc(48, 0) != NULL);
    }
    gc_info_t info;
    gc_info(&info);
    CHECK(info.collections > 0);
    CHECK(gc_nbytes(buf.ret_val) == 32);
    CHECK(((uintptr_t *)buf.ret_val)[0] == 0xabc);
    gc_deinit();
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "jump-fail") == 0) {
        nlr_jump(NLR_TEST_VALUE);
    }
    RUN(test_push_pop);
    RUN(test_jump);
    RUN(test_nested);
    RUN(test_across_calls);
    RUN(test_volatile_locals);
    RUN(test_function_pointers);
    RUN(test_callee_saved_registers);
    RUN(test_many_jumps);
    RUN(test_top_ptr);
    RUN(test_gc_keeps_raised_object);
    return test_done();
}
