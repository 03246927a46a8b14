// xtensa (lx106) exception handler: without one, an exception (an illegal
// instruction such as __builtin_trap's `ill`, a load from no memory, an
// unaligned access) would jump to the reset-time vectors at 0x40000000,
// where the `sim` machine has nothing of ours, and leave QEMU running.
// Report the cause and where it happened on stderr and end QEMU with the
// status a host program killed by SIGSEGV gets (128 + 11), as fault_arm.c
// does on Cortex-M.
//
// lx106 has relocatable vectors: VECBASE (256-byte aligned) is pointed at
// the table below, whose entries sit at the core's offsets: kernel 0x30,
// user 0x50 (crt0_xtensa.c sets PS.UM, so a fault takes this one), double
// exception 0x70 (a fault with PS.EXCM set: in the handler, say).
#include "semihost_calls.h"

#include <stdint.h>
#include <stdio.h>

#if defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)

#define FAULT_STATUS (128 + 11)

static const char *cause_name(uint32_t cause) {
    static const struct {
        uint8_t cause;
        const char *name;
    } names[] = {
        {0, "illegal instruction"}, {1, "syscall"}, {2, "instruction fetch error"},
        {3, "load/store error"}, {5, "alloca"}, {6, "integer divide by zero"},
        {8, "privileged instruction"}, {9, "unaligned load/store"},
        {12, "instruction bus data error"}, {13, "load/store bus data error"},
        {14, "instruction bus address error"}, {15, "load/store bus address error"},
        {20, "instruction fetch prohibited"}, {28, "load prohibited"}, {29, "store prohibited"},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (names[i].cause == cause) {
            return names[i].name;
        }
    }
    return "exception";
}

// kind: 0 user, 1 kernel, 2 double exception vector; cause: EXCCAUSE; pc:
// EPC1 (DEPC for a double exception); vaddr: EXCVADDR; ra: the
// interrupted code's a0.
__attribute__((noreturn, used)) void baremetal_fault(uint32_t kind, uint32_t cause, uint32_t pc,
    uint32_t vaddr, uint32_t ra) {
    static int entered;
    if (entered++) {
        sys_semihost_exit_extended(FAULT_STATUS); // a fault while reporting one
    }
    fprintf(stderr, "firmware: %s%s at pc=0x%08lx (excvaddr=0x%08lx, a0=0x%08lx)\n", cause_name(cause),
        kind == 2 ? " (double exception)" : "", (unsigned long)pc, (unsigned long)vaddr,
        (unsigned long)ra);
    sys_semihost_exit_extended(FAULT_STATUS);
}

// The handler runs on a stack of its own: the fault may come from a bad
// stack pointer.
static uint32_t fault_stack[256] __attribute__((aligned(16), used));

// Each vector loads the handler's address from the table's first word
// (l32r reads only below itself; `j` would reach the handler only within
// 128 KB) and jumps there with the vector's kind in a2.
#define VECTOR(offset, kind) \
    "    .org " #offset "\n" \
    "    movi a2, " #kind "\n" \
    "    l32r a3, xtensa_vectors\n" \
    "    jx a3\n"

__asm__ (
    "    .pushsection .vectors, \"ax\"\n"
    "    .p2align 8\n"
    "    .globl xtensa_vectors\n"
    "xtensa_vectors:\n"
    "    .word xtensa_fault_entry\n"
    VECTOR(0x30, 1)
    VECTOR(0x50, 0)
    VECTOR(0x70, 2)
    "    .popsection\n"
    "\n"
    "    .pushsection .text\n"
    "    .p2align 2\n"
    "xtensa_fault_entry:\n"
    "    rsr.epc1 a4\n"
    "    bnei a2, 2, 1f\n"
    "    rsr.depc a4\n"
    "1:  rsr.exccause a3\n"
    "    rsr.excvaddr a5\n"
    "    mov a6, a0\n"
    "    movi a1, fault_stack + 1024\n"
    "    movi a0, baremetal_fault\n"
    "    callx0 a0\n"
    "    .popsection\n"
);

__attribute__((constructor)) static void install_vectors(void) {
    extern char xtensa_vectors[];
    __asm__ volatile ("wsr.vecbase %0\n\trsync" : : "r" (xtensa_vectors));
}

#endif
