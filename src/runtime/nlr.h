// Non-local return: the runtime's exception frames, as MicroPython has them.
//
//     nlr_buf_t buf;
//     if (nlr_push(&buf) == 0) {
//         ... code that may call nlr_jump(exc) ...
//         nlr_pop();
//     } else {
//         ... buf.ret_val is exc; buf is already popped ...
//     }
//
// nlr_push records the callee-saved registers, stack pointer and return
// address of its caller in the buffer and makes the buffer the top of the
// chain. nlr_jump(val) takes the top buffer off the chain and resumes its
// nlr_push a second time, now returning 1, with ret_val = val. Like setjmp:
// a local changed after nlr_push and read after the jump must be volatile.
//
// Native modules reach nlr_push and nlr_pop through mp_fun_table and raise
// through it too, so nlr_buf_t has exactly MicroPython v1.21's layout for
// the host architecture (the SDK's py/nlr.h is the module side of it):
//
//   x64 (System V): regs[8] = rip, rbp, rsp, rbx, r12, r13, r14, r15
//   x86 (i386):     regs[6] = eip, ebp, esp, ebx, edi, esi
//   Arm Thumb:      regs[10] = lr, r4-r11, sp; with a hardware FPU
//                   regs[16], the last six words d8-d10 (s16-s21)
//   RISC-V:         regs[14] = ra, s0-s11, sp (RV32 and RV64: XLEN words)
//   Xtensa (call0): regs[10] = a0, a1 (sp), a8-a15
//
// where rip/eip is nlr_push's return address and rsp/esp the stack pointer
// on entry to nlr_push (pointing at that return address).
//
// The chain lives in one global: the runtime is single-threaded. Buffers
// are on the C stack, so the collector sees them (and what they hold) as it
// sees any stack memory.
#ifndef RUNTIME_NLR_H
#define RUNTIME_NLR_H

#include <stddef.h>

#if defined(__x86_64__) && !defined(_WIN32) && !defined(__CYGWIN__)
#define NLR_REG_COUNT (8)
#elif defined(__i386__)
#define NLR_REG_COUNT (6)
#elif defined(__thumb__) && defined(__SOFTFP__)
#define NLR_REG_COUNT (10)
#elif defined(__thumb__)
#define NLR_REG_COUNT (16)
#elif defined(__riscv) && (__riscv_xlen == 32 || __riscv_xlen == 64)
#define NLR_REG_COUNT (14)
#elif defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)
#define NLR_REG_COUNT (10)
#else
#error "the runtime's nlr supports x64 (System V), x86, Arm Thumb, RISC-V and xtensa (call0) only"
#endif

// The buffer. A translation unit that includes the SDK's py/nlr.h first
// (for mp_fun_table_t, say) gets the SDK's definition of the same struct:
// then only check that it has the layout this file expects. (Including
// py/nlr.h after this file is an error: the struct would be defined twice.)
#ifndef MP_SDK_PY_NLR_H
typedef struct _nlr_buf_t nlr_buf_t;
struct _nlr_buf_t {
    nlr_buf_t *prev;            // the next older buffer, NULL at the bottom
    void *ret_val;              // the value given to nlr_jump
    void *regs[NLR_REG_COUNT];  // the caller's registers, see above
};
#else
_Static_assert(MICROPY_NLR_NUM_REGS == NLR_REG_COUNT, "py/nlr.h register count");
#endif

_Static_assert(offsetof(nlr_buf_t, prev) == 0, "nlr_buf_t.prev");
_Static_assert(offsetof(nlr_buf_t, ret_val) == sizeof(void *), "nlr_buf_t.ret_val");
_Static_assert(offsetof(nlr_buf_t, regs) == 2 * sizeof(void *), "nlr_buf_t.regs");
_Static_assert(sizeof(nlr_buf_t) == (2 + NLR_REG_COUNT) * sizeof(void *), "nlr_buf_t size");

// Push buf: returns 0. Returns 1 a second time when nlr_jump unwinds to it.
// A real function written in assembly (never inlined), so that it can be
// called through mp_fun_table; returns_twice tells the compiler what setjmp
// would tell it about the caller's registers.
__attribute__((returns_twice)) unsigned int nlr_push(nlr_buf_t *buf);

// Take the top buffer off the chain (the protected code finished normally).
void nlr_pop(void);

// Unwind to the top buffer: pop it, set its ret_val to val and make its
// nlr_push return 1. With no buffer pushed, calls nlr_jump_fail.
__attribute__((noreturn)) void nlr_jump(void *val);

// Called by nlr_jump when no buffer is pushed: prints a message naming val
// to stderr and aborts. The definition in nlr.c is weak: an embedder may
// define its own (which must not return either).
__attribute__((noreturn)) void nlr_jump_fail(void *val);

// The top of the chain (NULL when empty), for the runtime to inspect or to
// save and restore.
nlr_buf_t **nlr_top_ptr(void);

#endif
