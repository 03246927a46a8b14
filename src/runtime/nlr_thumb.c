// nlr_push and nlr_resume for Arm Thumb (Cortex-M: armv6m, armv7m,
// armv7em), in assembly.
//
// The callee-saved registers are r4-r11 and sp (AAPCS), and with a hardware
// FPU also s16-s31. nlr_push stores lr, r4-r11 and sp in the slot order of
// MicroPython v1.21's nlr_buf_t (see nlr.h), and with an FPU d8-d10: the
// firmware's buffer has room for no more. The FPU builds therefore compile
// the runtime with s22-s31 reserved (the Makefile's -ffixed-sNN flags), so
// that no runtime frame keeps a value there that a jump could lose.
//
// One instruction sequence serves Thumb-1 (armv6m) and Thumb-2: armv6m can
// store and load only r0-r7 (and sp via mov), so r8-r11 pass through r1.
// nlr_push then jumps to nlr_push_link with lr unchanged, so that
// nlr_push_link returns straight to nlr_push's caller; a literal holds the
// address because a Thumb-1 branch reaches only 2 KB. (File-scope assembly
// for the reasons given in nlr_x64.c.)
#include "runtime/nlr_arch.h"

#if defined(__thumb__)

_Static_assert(offsetof(nlr_buf_t, regs[0]) == 8, "lr slot");
_Static_assert(offsetof(nlr_buf_t, regs[9]) == 44, "sp slot");

#if NLR_REG_COUNT == 16
#define NLR_SAVE_FPU \
    "    vstr d8, [r0, #48]\n"     /* regs[10..15] = d8-d10 */ \
    "    vstr d9, [r0, #56]\n" \
    "    vstr d10, [r0, #64]\n"
#define NLR_LOAD_FPU \
    "    vldr d8, [r0, #48]\n" \
    "    vldr d9, [r0, #56]\n" \
    "    vldr d10, [r0, #64]\n"
#else
#define NLR_SAVE_FPU ""
#define NLR_LOAD_FPU ""
#endif

__asm__ (
    "    .pushsection .text\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .globl nlr_push\n"
    "    .type nlr_push, %function\n"
    "    .thumb_func\n"
    "    .p2align 2\n"
    "nlr_push:\n"
    "    str r4, [r0, #12]\n"       // regs[1..4] = r4-r7
    "    str r5, [r0, #16]\n"
    "    str r6, [r0, #20]\n"
    "    str r7, [r0, #24]\n"
    "    mov r1, r8\n"              // regs[5..8] = r8-r11
    "    str r1, [r0, #28]\n"
    "    mov r1, r9\n"
    "    str r1, [r0, #32]\n"
    "    mov r1, r10\n"
    "    str r1, [r0, #36]\n"
    "    mov r1, r11\n"
    "    str r1, [r0, #40]\n"
    "    mov r1, sp\n"              // regs[9] = sp on entry
    "    str r1, [r0, #44]\n"
    "    mov r1, lr\n"              // regs[0] = the return address
    "    str r1, [r0, #8]\n"
    NLR_SAVE_FPU
    "    ldr r1, 1f\n"
    "    bx r1\n"                   // nlr_push_link(buf), returning to our caller
    "    .p2align 2\n"
    "1:  .word nlr_push_link\n"
    "    .size nlr_push, .-nlr_push\n"
    "\n"
    "    .globl nlr_resume\n"
    "    .hidden nlr_resume\n"
    "    .type nlr_resume, %function\n"
    "    .thumb_func\n"
    "    .p2align 2\n"
    "nlr_resume:\n"
    NLR_LOAD_FPU
    "    ldr r4, [r0, #12]\n"
    "    ldr r5, [r0, #16]\n"
    "    ldr r6, [r0, #20]\n"
    "    ldr r7, [r0, #24]\n"
    "    ldr r1, [r0, #28]\n"
    "    mov r8, r1\n"
    "    ldr r1, [r0, #32]\n"
    "    mov r9, r1\n"
    "    ldr r1, [r0, #36]\n"
    "    mov r10, r1\n"
    "    ldr r1, [r0, #40]\n"
    "    mov r11, r1\n"
    "    ldr r1, [r0, #44]\n"
    "    mov sp, r1\n"
    "    ldr r1, [r0, #8]\n"
    "    mov lr, r1\n"
    "    movs r0, #1\n"             // nlr_push returns 1
    "    bx r1\n"                   // to nlr_push's return address (Thumb bit set)
    "    .size nlr_resume, .-nlr_resume\n"
    "    .popsection\n"
);

#endif
