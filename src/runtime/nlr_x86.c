// nlr_push and nlr_resume for x86 (i386 System V ABI, cdecl), in assembly.
//
// The callee-saved registers are ebx, esi, edi, ebp and esp; with the
// return address they are all the state a caller expects to find again.
// nlr_push stores them in the slot order of MicroPython v1.21's nlr_buf_t
// (see nlr.h), then tail-calls nlr_push_link with its argument still in
// place on the stack. nlr_resume reloads them and lands at the return
// address with esp as it is after nlr_push's own ret, returning 1.
// (File-scope assembly for the reasons given in nlr_x64.c.)
#include "runtime/nlr_arch.h"

#if defined(__i386__)

// Offsets of the slots used below (regs starts at 8).
_Static_assert(offsetof(nlr_buf_t, regs[0]) == 8, "eip slot");
_Static_assert(offsetof(nlr_buf_t, regs[5]) == 28, "esi slot");

__asm__ (
    "    .pushsection .text\n"
    "    .globl nlr_push\n"
    "    .type nlr_push, @function\n"
    "    .p2align 4\n"
    "nlr_push:\n"
    "    .cfi_startproc\n"
    NLR_ENDBR
    "    movl 4(%esp), %edx\n"      // buf
    "    movl (%esp), %eax\n"       // the return address
    "    movl %eax, 8(%edx)\n"      // regs[0] = eip
    "    movl %ebp, 12(%edx)\n"     // regs[1] = ebp
    "    movl %esp, 16(%edx)\n"     // regs[2] = esp on entry
    "    movl %ebx, 20(%edx)\n"     // regs[3] = ebx
    "    movl %edi, 24(%edx)\n"     // regs[4] = edi
    "    movl %esi, 28(%edx)\n"     // regs[5] = esi
    "    jmp nlr_push_link\n"       // buf is still at 4(%esp)
    "    .cfi_endproc\n"
    "    .size nlr_push, .-nlr_push\n"
    "\n"
    "    .globl nlr_resume\n"
    "    .hidden nlr_resume\n"
    "    .type nlr_resume, @function\n"
    "    .p2align 4\n"
    "nlr_resume:\n"
    "    movl 4(%esp), %edx\n"      // buf
    "    movl 28(%edx), %esi\n"
    "    movl 24(%edx), %edi\n"
    "    movl 20(%edx), %ebx\n"
    "    movl 12(%edx), %ebp\n"
    "    movl 16(%edx), %esp\n"
    "    addl $4, %esp\n"           // as nlr_push's ret would leave it
    "    movl $1, %eax\n"           // nlr_push returns 1
    "    jmp *8(%edx)\n"            // to nlr_push's return address
    "    .size nlr_resume, .-nlr_resume\n"
    "    .popsection\n"
);

#endif
