// See test_gc_regs.h. Each helper saves the caller's value of its register
// on the stack (the old value, not p), so while callback runs p exists only
// in that register, or wherever callback's own prologue saves it.
#include "test_gc_regs.h"

#if defined(__x86_64__)

#define KEEP_IN(reg) \
    "    .globl gc_test_keep_in_" #reg "\n" \
    "    .type gc_test_keep_in_" #reg ", @function\n" \
    "gc_test_keep_in_" #reg ":\n" \
    "    pushq %" #reg "\n" \
    "    movq %rdi, %" #reg "\n" \
    "    xorl %edi, %edi\n" \
    "    callq *%rsi\n" \
    "    popq %" #reg "\n" \
    "    ret\n" \
    "    .size gc_test_keep_in_" #reg ", .-gc_test_keep_in_" #reg "\n"

__asm__ (
    "    .pushsection .text\n"
    KEEP_IN(rbx) KEEP_IN(rbp) KEEP_IN(r12) KEEP_IN(r13) KEEP_IN(r14) KEEP_IN(r15)
    "    .globl gc_test_keep_none\n"
    "    .type gc_test_keep_none, @function\n"
    "gc_test_keep_none:\n"
    "    xorl %edi, %edi\n"
    "    subq $8, %rsp\n"
    "    callq *%rsi\n"
    "    addq $8, %rsp\n"
    "    ret\n"
    "    .size gc_test_keep_none, .-gc_test_keep_none\n"
    "    .popsection\n"
);

#define KEEPERS(X) X(rbx) X(rbp) X(r12) X(r13) X(r14) X(r15)

#elif defined(__i386__)

// cdecl: p at 4(%esp), callback at 8(%esp) on entry. The argument slot
// holding p is zeroed: it is in the caller's frame, which is scanned.
#define KEEP_IN(reg) \
    "    .globl gc_test_keep_in_" #reg "\n" \
    "    .type gc_test_keep_in_" #reg ", @function\n" \
    "gc_test_keep_in_" #reg ":\n" \
    "    pushl %" #reg "\n" \
    "    movl 8(%esp), %" #reg "\n" \
    "    movl 12(%esp), %eax\n" \
    "    movl $0, 8(%esp)\n" \
    "    subl $8, %esp\n" \
    "    calll *%eax\n" \
    "    addl $8, %esp\n" \
    "    popl %" #reg "\n" \
    "    ret\n" \
    "    .size gc_test_keep_in_" #reg ", .-gc_test_keep_in_" #reg "\n"

__asm__ (
    "    .pushsection .text\n"
    KEEP_IN(ebx) KEEP_IN(esi) KEEP_IN(edi) KEEP_IN(ebp)
    "    .globl gc_test_keep_none\n"
    "    .type gc_test_keep_none, @function\n"
    "gc_test_keep_none:\n"
    "    movl 8(%esp), %eax\n"
    "    movl $0, 4(%esp)\n"
    "    subl $12, %esp\n"
    "    calll *%eax\n"
    "    addl $12, %esp\n"
    "    ret\n"
    "    .size gc_test_keep_none, .-gc_test_keep_none\n"
    "    .popsection\n"
);

#define KEEPERS(X) X(ebx) X(esi) X(edi) X(ebp)

#elif defined(__thumb__)

// p in r0, callback in r1. Thumb-1 instructions only, for armv6m too: a
// high register's old value waits in r4 (saved on the stack first). The
// pushes keep the stack 8-byte aligned at the call.
#define KEEP_HEAD(reg) \
    "    .globl gc_test_keep_in_" #reg "\n" \
    "    .type gc_test_keep_in_" #reg ", %function\n" \
    "    .thumb_func\n" \
    "gc_test_keep_in_" #reg ":\n"
#define KEEP_TAIL(reg) \
    "    .size gc_test_keep_in_" #reg ", .-gc_test_keep_in_" #reg "\n"
#define KEEP_LOW(reg) \
    KEEP_HEAD(reg) \
    "    push {" #reg ", lr}\n" \
    "    mov " #reg ", r0\n" \
    "    movs r0, #0\n" \
    "    blx r1\n" \
    "    pop {" #reg ", pc}\n" \
    KEEP_TAIL(reg)
#define KEEP_HIGH(reg) \
    KEEP_HEAD(reg) \
    "    push {r4, lr}\n" \
    "    mov r4, " #reg "\n" \
    "    mov " #reg ", r0\n" \
    "    movs r0, #0\n" \
    "    blx r1\n" \
    "    mov " #reg ", r4\n" \
    "    pop {r4, pc}\n" \
    KEEP_TAIL(reg)

__asm__ (
    "    .pushsection .text\n"
    "    .syntax unified\n"
    "    .thumb\n"
    KEEP_LOW(r4) KEEP_LOW(r5) KEEP_LOW(r6) KEEP_LOW(r7)
    KEEP_HIGH(r8) KEEP_HIGH(r9) KEEP_HIGH(r10) KEEP_HIGH(r11)
    "    .globl gc_test_keep_none\n"
    "    .type gc_test_keep_none, %function\n"
    "    .thumb_func\n"
    "gc_test_keep_none:\n"
    "    push {r4, lr}\n"
    "    movs r0, #0\n"
    "    blx r1\n"
    "    pop {r4, pc}\n"
    "    .size gc_test_keep_none, .-gc_test_keep_none\n"
    "    .popsection\n"
);

#define KEEPERS(X) X(r4) X(r5) X(r6) X(r7) X(r8) X(r9) X(r10) X(r11)

#elif defined(__riscv)

// p in a0, callback in a1; RV32 and RV64 (T_S/T_L: a register of XLEN
// bits, T_W bytes). The frame keeps sp 16-byte aligned.
#include "test_riscv_xlen.h"
#define KEEP_IN(reg) \
    "    .globl gc_test_keep_in_" #reg "\n" \
    "    .type gc_test_keep_in_" #reg ", @function\n" \
    "gc_test_keep_in_" #reg ":\n" \
    "    addi sp, sp, -16\n" \
    "    " T_S " ra, 0(sp)\n" \
    "    " T_S " " #reg ", " T_W "(sp)\n" \
    "    mv " #reg ", a0\n" \
    "    li a0, 0\n" \
    "    jalr a1\n" \
    "    " T_L " " #reg ", " T_W "(sp)\n" \
    "    " T_L " ra, 0(sp)\n" \
    "    addi sp, sp, 16\n" \
    "    ret\n" \
    "    .size gc_test_keep_in_" #reg ", .-gc_test_keep_in_" #reg "\n"

__asm__ (
    "    .pushsection .text\n"
    KEEP_IN(s0) KEEP_IN(s1) KEEP_IN(s2) KEEP_IN(s3) KEEP_IN(s4) KEEP_IN(s5)
    KEEP_IN(s6) KEEP_IN(s7) KEEP_IN(s8) KEEP_IN(s9) KEEP_IN(s10) KEEP_IN(s11)
    "    .globl gc_test_keep_none\n"
    "    .type gc_test_keep_none, @function\n"
    "gc_test_keep_none:\n"
    "    addi sp, sp, -16\n"
    "    " T_S " ra, 0(sp)\n"
    "    li a0, 0\n"
    "    jalr a1\n"
    "    " T_L " ra, 0(sp)\n"
    "    addi sp, sp, 16\n"
    "    ret\n"
    "    .size gc_test_keep_none, .-gc_test_keep_none\n"
    "    .popsection\n"
);

#define KEEPERS(X) X(s0) X(s1) X(s2) X(s3) X(s4) X(s5) X(s6) X(s7) X(s8) X(s9) X(s10) X(s11)

#elif defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)

// call0: p in a2, callback in a3; the callee-saved a12-a15. The frame keeps
// sp 16-byte aligned.
#define KEEP_IN(reg) \
    "    .globl gc_test_keep_in_" #reg "\n" \
    "    .type gc_test_keep_in_" #reg ", @function\n" \
    "    .p2align 2\n" \
    "gc_test_keep_in_" #reg ":\n" \
    "    addi a1, a1, -16\n" \
    "    s32i a0, a1, 0\n" \
    "    s32i " #reg ", a1, 4\n" \
    "    mov " #reg ", a2\n" \
    "    movi a2, 0\n" \
    "    callx0 a3\n" \
    "    l32i " #reg ", a1, 4\n" \
    "    l32i a0, a1, 0\n" \
    "    addi a1, a1, 16\n" \
    "    ret\n" \
    "    .size gc_test_keep_in_" #reg ", .-gc_test_keep_in_" #reg "\n"

__asm__ (
    "    .pushsection .text\n"
    KEEP_IN(a12) KEEP_IN(a13) KEEP_IN(a14) KEEP_IN(a15)
    "    .globl gc_test_keep_none\n"
    "    .type gc_test_keep_none, @function\n"
    "    .p2align 2\n"
    "gc_test_keep_none:\n"
    "    addi a1, a1, -16\n"
    "    s32i a0, a1, 0\n"
    "    movi a2, 0\n"
    "    callx0 a3\n"
    "    l32i a0, a1, 0\n"
    "    addi a1, a1, 16\n"
    "    ret\n"
    "    .size gc_test_keep_none, .-gc_test_keep_none\n"
    "    .popsection\n"
);

#define KEEPERS(X) X(a12) X(a13) X(a14) X(a15)

#else
#error "test_gc_regs.c: x64, x86, Arm Thumb, RISC-V or xtensa (call0) only"
#endif

#define DECLARE(reg) void gc_test_keep_in_##reg(void *p, void (*callback)(void));
KEEPERS(DECLARE)

#define ENTRY(reg) {#reg, gc_test_keep_in_##reg},
const gc_test_keeper_t gc_test_keepers[] = {KEEPERS(ENTRY)};
const int gc_test_keeper_count = (int)(sizeof(gc_test_keepers) / sizeof(gc_test_keepers[0]));
