// test_clear_stack(): zero the 16 KB of stack below the caller's stack
// pointer, so that a collector test finds no stale pointers left in dead
// frames by earlier code.
//
// In assembly, with no frame of its own: a C function could only clear
// its own locals, and the slots its frame leaves unwritten (padding, the
// area between its locals and its saved registers) would keep stale data
// exactly where the caller's next callee puts its frame. The words below
// the stack pointer are free, so writing them is harmless.
#if defined(__x86_64__)
__asm__ (
    "    .pushsection .text\n"
    "    .globl test_clear_stack\n"
    "    .type test_clear_stack, @function\n"
    "test_clear_stack:\n"
    "    leaq -16384(%rsp), %rax\n"
    "1:  movq $0, (%rax)\n"
    "    addq $8, %rax\n"
    "    cmpq %rsp, %rax\n"
    "    jb 1b\n"
    "    ret\n"
    "    .size test_clear_stack, .-test_clear_stack\n"
    "    .popsection\n"
);
#elif defined(__i386__)
__asm__ (
    "    .pushsection .text\n"
    "    .globl test_clear_stack\n"
    "    .type test_clear_stack, @function\n"
    "test_clear_stack:\n"
    "    leal -16384(%esp), %eax\n"
    "1:  movl $0, (%eax)\n"
    "    addl $4, %eax\n"
    "    cmpl %esp, %eax\n"
    "    jb 1b\n"
    "    ret\n"
    "    .size test_clear_stack, .-test_clear_stack\n"
    "    .popsection\n"
);
#elif defined(__thumb__)
// Thumb-1 instructions only, for armv6m too.
__asm__ (
    "    .pushsection .text\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .globl test_clear_stack\n"
    "    .type test_clear_stack, %function\n"
    "    .thumb_func\n"
    "test_clear_stack:\n"
    "    mov r0, sp\n"
    "    ldr r1, =16384\n"
    "    subs r1, r0, r1\n"
    "    movs r2, #0\n"
    "1:  str r2, [r1]\n"
    "    adds r1, #4\n"
    "    cmp r1, r0\n"
    "    blo 1b\n"
    "    bx lr\n"
    "    .ltorg\n"
    "    .size test_clear_stack, .-test_clear_stack\n"
    "    .popsection\n"
);
#elif defined(__riscv)
// RV32 and RV64: word stores (4 bytes) cover both.
__asm__ (
    "    .pushsection .text\n"
    "    .globl test_clear_stack\n"
    "    .type test_clear_stack, @function\n"
    "test_clear_stack:\n"
    "    li t0, 16384\n"
    "    sub t0, sp, t0\n"
    "1:  sw zero, 0(t0)\n"
    "    addi t0, t0, 4\n"
    "    bltu t0, sp, 1b\n"
    "    ret\n"
    "    .size test_clear_stack, .-test_clear_stack\n"
    "    .popsection\n"
);
#elif defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)
__asm__ (
    "    .pushsection .text\n"
    "    .globl test_clear_stack\n"
    "    .type test_clear_stack, @function\n"
    "    .p2align 2\n"
    "test_clear_stack:\n"
    "    movi a2, 16384\n"
    "    sub a2, a1, a2\n"
    "    movi a3, 0\n"
    "1:  s32i a3, a2, 0\n"
    "    addi a2, a2, 4\n"
    "    bltu a2, a1, 1b\n"
    "    ret\n"
    "    .size test_clear_stack, .-test_clear_stack\n"
    "    .popsection\n"
);
#else
#error "test_stack.c: x64, x86, Arm Thumb, RISC-V or xtensa (call0) only"
#endif
