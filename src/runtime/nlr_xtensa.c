// nlr_push and nlr_resume for xtensa with the call0 ABI (lx106, the
// ESP8266's core), in assembly.
//
// call0: a0 holds the return address, a1 is the stack pointer, a12-a15 are
// callee-saved. nlr_push stores a0, a1 and a8-a15 in the slot order of
// MicroPython's nlr_buf_t for xtensa (v1.21, the SDK's py/nlr.h): regs[0]
// a0, regs[1] a1, regs[2..9] a8-a15. (a8-a11 are the caller's to save; the
// layout has room for them, and restoring them does no harm.) It then jumps
// to nlr_push_link with a0 unchanged, so that nlr_push_link returns
// straight to nlr_push's caller; through a register, as `j` reaches only
// 128 KB. (File-scope assembly for the reasons given in nlr_x64.c.)
#include "runtime/nlr_arch.h"

#if defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)

_Static_assert(offsetof(nlr_buf_t, regs[0]) == 8, "a0 slot");
_Static_assert(offsetof(nlr_buf_t, regs[9]) == 44, "a15 slot");

// regs[0] a0, regs[1] a1, regs[2..9] a8-a15: byte 8 + 4 * i of the buffer.
#define NLR_REGS(op) \
    "    " op " a0, a2, 8\n" \
    "    " op " a1, a2, 12\n" \
    "    " op " a8, a2, 16\n" \
    "    " op " a9, a2, 20\n" \
    "    " op " a10, a2, 24\n" \
    "    " op " a11, a2, 28\n" \
    "    " op " a12, a2, 32\n" \
    "    " op " a13, a2, 36\n" \
    "    " op " a14, a2, 40\n" \
    "    " op " a15, a2, 44\n"

__asm__ (
    "    .pushsection .text\n"
    "    .globl nlr_push\n"
    "    .type nlr_push, @function\n"
    "    .p2align 2\n"
    "nlr_push:\n"
    NLR_REGS("s32i")
    "    movi a3, nlr_push_link\n"      // returns to our caller with 0
    "    jx a3\n"
    "    .size nlr_push, .-nlr_push\n"
    "\n"
    "    .globl nlr_resume\n"
    "    .hidden nlr_resume\n"
    "    .type nlr_resume, @function\n"
    "    .p2align 2\n"
    "nlr_resume:\n"
    NLR_REGS("l32i")
    "    movi a2, 1\n"                  // nlr_push returns 1
    "    ret\n"                         // to nlr_push's return address
    "    .size nlr_resume, .-nlr_resume\n"
    "    .popsection\n"
);

#endif
