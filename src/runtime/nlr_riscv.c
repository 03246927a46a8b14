// nlr_push and nlr_resume for RISC-V (RV32 and RV64, the I base with or
// without C), in assembly.
//
// The callee-saved registers are s0-s11 and sp (the standard calling
// convention; the SDK's modules use no FPU). nlr_push stores ra, s0-s11 and
// sp in the slot order of MicroPython's nlr_buf_t for RISC-V (v1.25 and
// later, see nlr.h), words of XLEN bits, then jumps to nlr_push_link with
// ra unchanged, so that nlr_push_link returns straight to nlr_push's caller.
// (File-scope assembly for the reasons given in nlr_x64.c.)
#include "runtime/nlr_arch.h"

#if defined(__riscv)

// The store and load of a register, and its size in bytes (NLR_W).
#if __riscv_xlen == 64
#define NLR_S "sd"
#define NLR_L "ld"
#define NLR_W "8"
#else
#define NLR_S "sw"
#define NLR_L "lw"
#define NLR_W "4"
#endif

_Static_assert(offsetof(nlr_buf_t, regs[13]) == 15 * sizeof(void *), "sp slot");

// regs[0] ra, regs[1..12] s0-s11, regs[13] sp: buffer word 2 + i.
#define NLR_REGS(op) \
    "    " op " ra, 2*NLR_W(a0)\n" \
    "    " op " s0, 3*NLR_W(a0)\n" \
    "    " op " s1, 4*NLR_W(a0)\n" \
    "    " op " s2, 5*NLR_W(a0)\n" \
    "    " op " s3, 6*NLR_W(a0)\n" \
    "    " op " s4, 7*NLR_W(a0)\n" \
    "    " op " s5, 8*NLR_W(a0)\n" \
    "    " op " s6, 9*NLR_W(a0)\n" \
    "    " op " s7, 10*NLR_W(a0)\n" \
    "    " op " s8, 11*NLR_W(a0)\n" \
    "    " op " s9, 12*NLR_W(a0)\n" \
    "    " op " s10, 13*NLR_W(a0)\n" \
    "    " op " s11, 14*NLR_W(a0)\n" \
    "    " op " sp, 15*NLR_W(a0)\n"

__asm__ (
    "    .pushsection .text\n"
    "    .equ NLR_W, " NLR_W "\n"
    "    .globl nlr_push\n"
    "    .type nlr_push, @function\n"
    "    .p2align 1\n"
    "nlr_push:\n"
    NLR_REGS(NLR_S)
    "    tail nlr_push_link\n"          // returns to our caller with 0
    "    .size nlr_push, .-nlr_push\n"
    "\n"
    "    .globl nlr_resume\n"
    "    .hidden nlr_resume\n"
    "    .type nlr_resume, @function\n"
    "    .p2align 1\n"
    "nlr_resume:\n"
    NLR_REGS(NLR_L)
    "    li a0, 1\n"                    // nlr_push returns 1
    "    ret\n"                         // to nlr_push's return address
    "    .size nlr_resume, .-nlr_resume\n"
    "    .popsection\n"
);

#endif
