// Helpers in assembly that hold a pointer only in one callee-saved
// register while they call back into C (test_gc_regs.c).
#ifndef TESTS_RUNTIME_TEST_GC_REGS_H
#define TESTS_RUNTIME_TEST_GC_REGS_H

typedef void (*gc_test_keeper_fn)(void *p, void (*callback)(void));

typedef struct {
    const char *reg;
    gc_test_keeper_fn fn;
} gc_test_keeper_t;

// One helper per callee-saved register: puts p in that register, wipes it
// from the argument register (or stack slot) and calls callback.
extern const gc_test_keeper_t gc_test_keepers[];
extern const int gc_test_keeper_count;

// The control: calls callback after wiping p, keeping it nowhere.
void gc_test_keep_none(void *p, void (*callback)(void));

#endif
