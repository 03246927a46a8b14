// Assembly helpers that check nlr_push/nlr_jump restore every callee-saved
// register. C code cannot pin values in given registers, so this is done
// in assembly:
//
// nlr_test_regs_harness(buf, thrower) saves its caller's callee-saved
// registers, loads a distinct marker into each, calls nlr_push(buf), and
// on the 0 return calls thrower (which must jump) or, if thrower is NULL,
// nlr_pop. Wherever it ends up, it compares every register with its marker
// and returns the mismatches as bits 0..11, plus nlr_push's return value
// (0 or 1) shifted left by 16.
//
// nlr_test_clobber_and_jump() overwrites every callee-saved register with
// garbage, then tail-calls nlr_jump(NLR_TEST_VALUE).
#include "runtime/nlr.h"

#if defined(__x86_64__)

// Compare REG with marker M, set bit B of eax on a mismatch.
#define CMP64(reg, m, b) \
    "    movabsq $" m ", %rcx\n" \
    "    cmpq %rcx, %" reg "\n" \
    "    je 1f\n" \
    "    orl $" #b ", %eax\n" \
    "1:\n"

#define M_RBX "0x0123456789abcd01"
#define M_RBP "0x1123456789abcd02"
#define M_R12 "0x2123456789abcd03"
#define M_R13 "0x3123456789abcd04"
#define M_R14 "0x4123456789abcd05"
#define M_R15 "0x5123456789abcd06"

__asm__ (
    "    .pushsection .text\n"
    "    .globl nlr_test_regs_harness\n"
    "    .type nlr_test_regs_harness, @function\n"
    "nlr_test_regs_harness:\n"
    "    pushq %rbx\n"
    "    pushq %rbp\n"
    "    pushq %r12\n"
    "    pushq %r13\n"
    "    pushq %r14\n"
    "    pushq %r15\n"
    "    subq $24, %rsp\n"              // 0: buf, 8: thrower, 16: push result
    "    movq %rdi, 0(%rsp)\n"
    "    movq %rsi, 8(%rsp)\n"
    "    movabsq $" M_RBX ", %rbx\n"
    "    movabsq $" M_RBP ", %rbp\n"
    "    movabsq $" M_R12 ", %r12\n"
    "    movabsq $" M_R13 ", %r13\n"
    "    movabsq $" M_R14 ", %r14\n"
    "    movabsq $" M_R15 ", %r15\n"
    "    callq nlr_push\n"              // buf is still in rdi
    "    movl %eax, 16(%rsp)\n"
    "    testl %eax, %eax\n"
    "    jnz 3f\n"
    "    movq 8(%rsp), %rax\n"
    "    testq %rax, %rax\n"
    "    jz 2f\n"
    "    callq *%rax\n"                 // jumps back to the nlr_push above
    "    ud2\n"
    "2:\n"
    "    callq nlr_pop\n"
    "3:\n"
    "    xorl %eax, %eax\n"
    CMP64("rbx", M_RBX, 1)
    CMP64("rbp", M_RBP, 2)
    CMP64("r12", M_R12, 4)
    CMP64("r13", M_R13, 8)
    CMP64("r14", M_R14, 16)
    CMP64("r15", M_R15, 32)
    "    movl 16(%rsp), %ecx\n"
    "    shll $16, %ecx\n"
    "    orl %ecx, %eax\n"
    "    addq $24, %rsp\n"
    "    popq %r15\n"
    "    popq %r14\n"
    "    popq %r13\n"
    "    popq %r12\n"
    "    popq %rbp\n"
    "    popq %rbx\n"
    "    ret\n"
    "    .size nlr_test_regs_harness, .-nlr_test_regs_harness\n"
    "\n"
    "    .globl nlr_test_clobber_and_jump\n"
    "    .type nlr_test_clobber_and_jump, @function\n"
    "nlr_test_clobber_and_jump:\n"
    "    movabsq $0xdead0000dead0001, %rbx\n"
    "    movabsq $0xdead0000dead0002, %rbp\n"
    "    movabsq $0xdead0000dead0003, %r12\n"
    "    movabsq $0xdead0000dead0004, %r13\n"
    "    movabsq $0xdead0000dead0005, %r14\n"
    "    movabsq $0xdead0000dead0006, %r15\n"
    "    movl $0x5eed, %edi\n"
    "    jmp nlr_jump\n"
    "    .size nlr_test_clobber_and_jump, .-nlr_test_clobber_and_jump\n"
    "    .popsection\n"
);

#elif defined(__i386__)

#define CMP32(reg, m, b) \
    "    cmpl $" m ", %" reg "\n" \
    "    je 1f\n" \
    "    orl $" #b ", %eax\n" \
    "1:\n"

#define M_EBX "0x01234501"
#define M_ESI "0x11234502"
#define M_EDI "0x21234503"
#define M_EBP "0x31234504"

// Entry: buf at 4(%esp), thrower at 8(%esp). After 4 pushes and 28 bytes
// of locals they are at 48 and 52; 0: outgoing argument, 4: push result.
__asm__ (
    "    .pushsection .text\n"
    "    .globl nlr_test_regs_harness\n"
    "    .type nlr_test_regs_harness, @function\n"
    "nlr_test_regs_harness:\n"
    "    pushl %ebp\n"
    "    pushl %ebx\n"
    "    pushl %esi\n"
    "    pushl %edi\n"
    "    subl $28, %esp\n"
    "    movl 48(%esp), %eax\n"
    "    movl %eax, 0(%esp)\n"
    "    movl $" M_EBX ", %ebx\n"
    "    movl $" M_ESI ", %esi\n"
    "    movl $" M_EDI ", %edi\n"
    "    movl $" M_EBP ", %ebp\n"
    "    calll nlr_push\n"
    "    movl %eax, 4(%esp)\n"
    "    testl %eax, %eax\n"
    "    jnz 3f\n"
    "    movl 52(%esp), %eax\n"
    "    testl %eax, %eax\n"
    "    jz 2f\n"
    "    calll *%eax\n"
    "    ud2\n"
    "2:\n"
    "    calll nlr_pop\n"
    "3:\n"
    "    xorl %eax, %eax\n"
    CMP32("ebx", M_EBX, 1)
    CMP32("esi", M_ESI, 2)
    CMP32("edi", M_EDI, 4)
    CMP32("ebp", M_EBP, 8)
    "    movl 4(%esp), %ecx\n"
    "    shll $16, %ecx\n"
    "    orl %ecx, %eax\n"
    "    addl $28, %esp\n"
    "    popl %edi\n"
    "    popl %esi\n"
    "    popl %ebx\n"
    "    popl %ebp\n"
    "    ret\n"
    "    .size nlr_test_regs_harness, .-nlr_test_regs_harness\n"
    "\n"
    "    .globl nlr_test_clobber_and_jump\n"
    "    .type nlr_test_clobber_and_jump, @function\n"
    "nlr_test_clobber_and_jump:\n"
    "    movl $0xdead0001, %ebx\n"
    "    movl $0xdead0002, %esi\n"
    "    movl $0xdead0003, %edi\n"
    "    movl $0xdead0004, %ebp\n"
    "    movl $0x5eed, 4(%esp)\n"       // the argument slot of nlr_jump
    "    jmp nlr_jump\n"
    "    .size nlr_test_clobber_and_jump, .-nlr_test_clobber_and_jump\n"
    "    .popsection\n"
);

#elif defined(__thumb__)

// Thumb-1 instructions only, for armv6m too: r8-r11 pass through low
// registers. Mismatches of r4..r11 are bits 0..7. (With an FPU, d8-d10 are
// restored too; this checks the core registers.)
#define CMP_LOW(reg, m, b) \
    "    ldr r2, =" m "\n" \
    "    cmp " reg ", r2\n" \
    "    beq 1f\n" \
    "    movs r3, #" #b "\n" \
    "    orrs r0, r3\n" \
    "1:\n"
#define CMP_HIGH(reg, m, b) \
    "    mov r1, " reg "\n" \
    CMP_LOW("r1", m, b)
#define LOAD_HIGH(reg, m) \
    "    ldr r2, =" m "\n" \
    "    mov " reg ", r2\n"

#define M_R4 "0x01234504"
#define M_R5 "0x11234505"
#define M_R6 "0x21234506"
#define M_R7 "0x31234507"
#define M_R8 "0x41234508"
#define M_R9 "0x51234509"
#define M_R10 "0x6123450a"
#define M_R11 "0x7123450b"

// Entry: buf in r0, thrower in r1. Locals: 0: thrower, 4: push result.
__asm__ (
    "    .pushsection .text\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .globl nlr_test_regs_harness\n"
    "    .type nlr_test_regs_harness, %function\n"
    "    .thumb_func\n"
    "nlr_test_regs_harness:\n"
    "    push {r4-r7, lr}\n"
    "    mov r4, r8\n"
    "    mov r5, r9\n"
    "    mov r6, r10\n"
    "    mov r7, r11\n"
    "    push {r4-r7}\n"
    "    sub sp, #8\n"
    "    str r1, [sp, #0]\n"
    "    ldr r4, =" M_R4 "\n"
    "    ldr r5, =" M_R5 "\n"
    "    ldr r6, =" M_R6 "\n"
    "    ldr r7, =" M_R7 "\n"
    LOAD_HIGH("r8", M_R8)
    LOAD_HIGH("r9", M_R9)
    LOAD_HIGH("r10", M_R10)
    LOAD_HIGH("r11", M_R11)
    "    bl nlr_push\n"                // buf is still in r0
    "    str r0, [sp, #4]\n"
    "    cmp r0, #0\n"
    "    bne 3f\n"
    "    ldr r2, [sp, #0]\n"
    "    cmp r2, #0\n"
    "    beq 2f\n"
    "    blx r2\n"                     // jumps back to the nlr_push above
    "    udf #0\n"
    "2:\n"
    "    bl nlr_pop\n"
    "3:\n"
    "    movs r0, #0\n"
    CMP_LOW("r4", M_R4, 1)
    CMP_LOW("r5", M_R5, 2)
    CMP_LOW("r6", M_R6, 4)
    CMP_LOW("r7", M_R7, 8)
    CMP_HIGH("r8", M_R8, 16)
    CMP_HIGH("r9", M_R9, 32)
    CMP_HIGH("r10", M_R10, 64)
    CMP_HIGH("r11", M_R11, 128)
    "    ldr r1, [sp, #4]\n"
    "    lsls r1, r1, #16\n"
    "    orrs r0, r1\n"
    "    add sp, #8\n"
    "    pop {r4-r7}\n"
    "    mov r8, r4\n"
    "    mov r9, r5\n"
    "    mov r10, r6\n"
    "    mov r11, r7\n"
    "    pop {r4-r7, pc}\n"
    "    .ltorg\n"
    "    .size nlr_test_regs_harness, .-nlr_test_regs_harness\n"
    "\n"
    "    .globl nlr_test_clobber_and_jump\n"
    "    .type nlr_test_clobber_and_jump, %function\n"
    "    .thumb_func\n"
    "nlr_test_clobber_and_jump:\n"
    "    ldr r4, =0xdead0004\n"
    "    ldr r5, =0xdead0005\n"
    "    ldr r6, =0xdead0006\n"
    "    ldr r7, =0xdead0007\n"
    LOAD_HIGH("r8", "0xdead0008")
    LOAD_HIGH("r9", "0xdead0009")
    LOAD_HIGH("r10", "0xdead000a")
    LOAD_HIGH("r11", "0xdead000b")
    "    ldr r0, =0x5eed\n"
    "    ldr r1, =nlr_jump\n"
    "    bx r1\n"
    "    .ltorg\n"
    "    .size nlr_test_clobber_and_jump, .-nlr_test_clobber_and_jump\n"
    "    .popsection\n"
);

#elif defined(__riscv)

// s0-s11 (bits 0..11 of the mismatches), RV32 and RV64: T_S/T_L store and
// load a register of XLEN bits, T_W bytes. Locals, in words: 0 ra, 1..12
// s0-s11, 13 thrower, 14 push result.
#include "test_riscv_xlen.h"
#define FOR_S(X) X(s0, 1, 0x001) X(s1, 2, 0x002) X(s2, 3, 0x004) X(s3, 4, 0x008) \
    X(s4, 5, 0x010) X(s5, 6, 0x020) X(s6, 7, 0x040) X(s7, 8, 0x080) X(s8, 9, 0x100) \
    X(s9, 10, 0x200) X(s10, 11, 0x400) X(s11, 12, 0x800)
#define SAVE(reg, i, b) "    " T_S " " #reg ", " #i "*T_W(sp)\n"
#define RESTORE(reg, i, b) "    " T_L " " #reg ", " #i "*T_W(sp)\n"
#define MARK(reg, i, b) "    li " #reg ", 0x0123450" #i "0\n"
#define CMP(reg, i, b) \
    "    li t0, 0x0123450" #i "0\n" \
    "    beq " #reg ", t0, 1f\n" \
    "    li t1, " #b "\n" \
    "    or a0, a0, t1\n" \
    "1:\n"
#define GARBAGE(reg, i, b) "    li " #reg ", 0xdead00" #i "0\n"

// Entry: buf in a0, thrower in a1.
__asm__ (
    "    .pushsection .text\n"
    "    .equ T_W, " T_W "\n"
    "    .globl nlr_test_regs_harness\n"
    "    .type nlr_test_regs_harness, @function\n"
    "nlr_test_regs_harness:\n"
    "    addi sp, sp, -16*T_W\n"
    "    " T_S " ra, 0(sp)\n"
    FOR_S(SAVE)
    "    " T_S " a1, 13*T_W(sp)\n"
    FOR_S(MARK)
    "    call nlr_push\n"              // buf is still in a0
    "    " T_S " a0, 14*T_W(sp)\n"
    "    bnez a0, 3f\n"
    "    " T_L " t0, 13*T_W(sp)\n"
    "    beqz t0, 2f\n"
    "    jalr t0\n"                    // jumps back to the nlr_push above
    "    unimp\n"
    "2:\n"
    "    call nlr_pop\n"
    "3:\n"
    "    li a0, 0\n"
    FOR_S(CMP)
    "    " T_L " t0, 14*T_W(sp)\n"
    "    slli t0, t0, 16\n"
    "    or a0, a0, t0\n"
    FOR_S(RESTORE)
    "    " T_L " ra, 0(sp)\n"
    "    addi sp, sp, 16*T_W\n"
    "    ret\n"
    "    .size nlr_test_regs_harness, .-nlr_test_regs_harness\n"
    "\n"
    "    .globl nlr_test_clobber_and_jump\n"
    "    .type nlr_test_clobber_and_jump, @function\n"
    "nlr_test_clobber_and_jump:\n"
    FOR_S(GARBAGE)
    "    li a0, 0x5eed\n"
    "    tail nlr_jump\n"
    "    .size nlr_test_clobber_and_jump, .-nlr_test_clobber_and_jump\n"
    "    .popsection\n"
);

#elif defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)

// The call0 ABI: a12-a15 (bits 0..3 of the mismatches). Entry: buf in a2,
// thrower in a3. Locals, in words: 0 a0, 1..4 a12-a15, 5 thrower, 6 push
// result. Calls go through a register (call0 reaches only 512 KB).
#define FOR_A(X) X(a12, 1, 0x1) X(a13, 2, 0x2) X(a14, 3, 0x4) X(a15, 4, 0x8)
#define SAVE(reg, i, b) "    s32i " #reg ", a1, " #i "*4\n"
#define RESTORE(reg, i, b) "    l32i " #reg ", a1, " #i "*4\n"
#define MARK(reg, i, b) "    movi " #reg ", 0x0123450" #i "\n"
#define CMP(reg, i, b) \
    "    movi a4, 0x0123450" #i "\n" \
    "    beq " #reg ", a4, 1f\n" \
    "    movi a5, " #b "\n" \
    "    or a2, a2, a5\n" \
    "1:\n"
#define GARBAGE(reg, i, b) "    movi " #reg ", 0xdead000" #i "\n"

__asm__ (
    "    .pushsection .text\n"
    "    .globl nlr_test_regs_harness\n"
    "    .type nlr_test_regs_harness, @function\n"
    "    .p2align 2\n"
    "nlr_test_regs_harness:\n"
    "    addi a1, a1, -32\n"
    "    s32i a0, a1, 0\n"
    FOR_A(SAVE)
    "    s32i a3, a1, 20\n"
    FOR_A(MARK)
    "    movi a0, nlr_push\n"         // buf is still in a2
    "    callx0 a0\n"
    "    s32i a2, a1, 24\n"
    "    bnez a2, 3f\n"
    "    l32i a4, a1, 20\n"
    "    beqz a4, 2f\n"
    "    callx0 a4\n"                 // jumps back to the nlr_push above
    "    ill\n"
    "2:\n"
    "    movi a0, nlr_pop\n"
    "    callx0 a0\n"
    "3:\n"
    "    movi a2, 0\n"
    FOR_A(CMP)
    "    l32i a4, a1, 24\n"
    "    slli a4, a4, 16\n"
    "    or a2, a2, a4\n"
    FOR_A(RESTORE)
    "    l32i a0, a1, 0\n"
    "    addi a1, a1, 32\n"
    "    ret\n"
    "    .size nlr_test_regs_harness, .-nlr_test_regs_harness\n"
    "\n"
    "    .globl nlr_test_clobber_and_jump\n"
    "    .type nlr_test_clobber_and_jump, @function\n"
    "    .p2align 2\n"
    "nlr_test_clobber_and_jump:\n"
    FOR_A(GARBAGE)
    "    movi a2, 0x5eed\n"
    "    movi a3, nlr_jump\n"
    "    jx a3\n"
    "    .size nlr_test_clobber_and_jump, .-nlr_test_clobber_and_jump\n"
    "    .popsection\n"
);

#else
#error "test_nlr_regs.c: x64, x86, Arm Thumb, RISC-V or xtensa (call0) only"
#endif
