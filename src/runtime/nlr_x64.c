// nlr_push and nlr_resume for x64 (System V ABI), in assembly.
//
// The callee-saved registers are rbx, rbp, r12-r15 and rsp; with the return
// address they are all the state a caller expects to find again. nlr_push
// stores them in the slot order of MicroPython v1.21's nlr_buf_t (see
// nlr.h) so that buffers are interchangeable with the firmware's, then
// tail-calls nlr_push_link. nlr_resume reloads them and lands at the return
// address with rsp as it is after nlr_push's own ret, returning 1.
//
// Written as file-scope assembly rather than a C function with inline asm:
// no prologue the compiler could add, no frame pointer push, nothing to
// inline, under both gcc and clang and at every optimisation level.
#include "runtime/nlr_arch.h"

#if defined(__x86_64__) && !defined(_WIN32) && !defined(__CYGWIN__)

// Offsets of the slots used below (regs starts at 16).
_Static_assert(offsetof(nlr_buf_t, regs[0]) == 16, "rip slot");
_Static_assert(offsetof(nlr_buf_t, regs[7]) == 72, "r15 slot");

__asm__ (
    "    .pushsection .text\n"
    "    .globl nlr_push\n"
    "    .type nlr_push, @function\n"
    "    .p2align 4\n"
    "nlr_push:\n"
    "    .cfi_startproc\n"
    NLR_ENDBR
    "    movq (%rsp), %rax\n"       // the return address
    "    movq %rax, 16(%rdi)\n"     // regs[0] = rip
    "    movq %rbp, 24(%rdi)\n"     // regs[1] = rbp
    "    movq %rsp, 32(%rdi)\n"     // regs[2] = rsp on entry
    "    movq %rbx, 40(%rdi)\n"     // regs[3] = rbx
    "    movq %r12, 48(%rdi)\n"     // regs[4] = r12
    "    movq %r13, 56(%rdi)\n"     // regs[5] = r13
    "    movq %r14, 64(%rdi)\n"     // regs[6] = r14
    "    movq %r15, 72(%rdi)\n"     // regs[7] = r15
    "    jmp nlr_push_link\n"       // buf is still in rdi
    "    .cfi_endproc\n"
    "    .size nlr_push, .-nlr_push\n"
    "\n"
    "    .globl nlr_resume\n"
    "    .hidden nlr_resume\n"
    "    .type nlr_resume, @function\n"
    "    .p2align 4\n"
    "nlr_resume:\n"
    "    movq 72(%rdi), %r15\n"
    "    movq 64(%rdi), %r14\n"
    "    movq 56(%rdi), %r13\n"
    "    movq 48(%rdi), %r12\n"
    "    movq 40(%rdi), %rbx\n"
    "    movq 24(%rdi), %rbp\n"
    "    movq 32(%rdi), %rsp\n"
    "    addq $8, %rsp\n"           // as nlr_push's ret would leave it
    "    movl $1, %eax\n"           // nlr_push returns 1
    "    jmp *16(%rdi)\n"           // to nlr_push's return address
    "    .size nlr_resume, .-nlr_resume\n"
    "    .popsection\n"
);

#endif
