// The architecture-independent half of non-local return: the chain of
// buffers and the jump logic. nlr_push itself and the final register
// restore are in assembly, in nlr_x64.c, nlr_x86.c and nlr_thumb.c.
#include "runtime/nlr.h"
#include "runtime/nlr_arch.h"

#include <stdio.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define NLR_ASAN (1)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NLR_ASAN (1)
#endif
#endif
#ifndef NLR_ASAN
#define NLR_ASAN (0)
#endif
#if NLR_ASAN
#include <sanitizer/asan_interface.h>
#endif

// The newest buffer (single-threaded runtime).
static nlr_buf_t *nlr_top;

nlr_buf_t **nlr_top_ptr(void) {
    return &nlr_top;
}

unsigned int nlr_push_link(nlr_buf_t *buf) {
    buf->prev = nlr_top;
    nlr_top = buf;
    return 0;
}

void nlr_pop(void) {
    if (nlr_top != NULL) {
        nlr_top = nlr_top->prev;
    }
}

void nlr_jump(void *val) {
    nlr_buf_t *top = nlr_top;
    if (top == NULL) {
        nlr_jump_fail(val);
    }
    top->ret_val = val;
    nlr_top = top->prev;
    #if NLR_ASAN
    // The frames between here and the buffer's owner end without running
    // their epilogues, which would have unpoisoned their stack redzones:
    // tell AddressSanitizer, as its longjmp interceptor does.
    __asan_handle_no_return();
    #endif
    nlr_resume(top);
}

__attribute__((weak)) void nlr_jump_fail(void *val) {
    fprintf(stderr, "FATAL: uncaught exception %p: nlr_jump with no nlr_push\n", val);
    fflush(stderr);
    abort();
}
