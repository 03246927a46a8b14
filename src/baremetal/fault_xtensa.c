// xtensa (lx106) fault entry (fault.h): without one, an exception (an
// illegal instruction such as __builtin_trap's `ill`, a load from no
// memory, an unaligned access) would jump to the reset-time vectors at
// 0x40000000, where the `sim` machine has nothing of ours, and leave QEMU
// running. The handler classifies it as the signal a Linux host would
// raise and returns from the exception (rfe) into baremetal_fault_resume,
// on the faulting stack.
//
// lx106 has relocatable vectors: VECBASE (256-byte aligned) is pointed at
// the table below, whose entries sit at the core's offsets: kernel 0x30,
// user 0x50 (crt0_xtensa.c sets PS.UM, so a fault takes this one), double
// exception 0x70 (a fault with PS.EXCM set: in the handler, say).
#include <stddef.h>
#include <stdint.h>

#include "baremetal/fault.h"

#if defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)

#define DOUBLE_EXCEPTION 2

static const struct {
    uint8_t cause;
    const char *what, *signal;
    int signo;
} causes[] = {
    {0, "illegal instruction", "SIGILL", FAULT_SIGILL},
    {1, "syscall", "SIGILL", FAULT_SIGILL},
    {2, "instruction fetch error", "SIGSEGV", FAULT_SIGSEGV},
    {3, "load/store error", "SIGSEGV", FAULT_SIGSEGV},
    {5, "alloca", "SIGILL", FAULT_SIGILL},
    {6, "integer divide by zero", "SIGFPE", FAULT_SIGFPE},
    {8, "privileged instruction", "SIGILL", FAULT_SIGILL},
    {9, "unaligned load/store", "SIGBUS", FAULT_SIGBUS},
    {12, "instruction bus data error", "SIGBUS", FAULT_SIGBUS},
    {13, "load/store bus data error", "SIGBUS", FAULT_SIGBUS},
    {14, "instruction bus address error", "SIGSEGV", FAULT_SIGSEGV},
    {15, "load/store bus address error", "SIGSEGV", FAULT_SIGSEGV},
    {20, "instruction fetch prohibited", "SIGSEGV", FAULT_SIGSEGV},
    {28, "load prohibited", "SIGSEGV", FAULT_SIGSEGV},
    {29, "store prohibited", "SIGSEGV", FAULT_SIGSEGV},
};

// kind: 0 user, 1 kernel, 2 double exception vector; cause: EXCCAUSE; pc:
// EPC1 (DEPC for a double exception); vaddr: EXCVADDR. Returns to the
// entry, which resumes at baremetal_fault_resume, except after a double
// exception (a fault while one is handled), which ends the firmware.
__attribute__((used)) void baremetal_fault(uint32_t kind, uint32_t cause, uint32_t pc,
    uint32_t vaddr) {
    const char *what = "exception", *signal = "SIGSEGV";
    int signo = FAULT_SIGSEGV;
    for (size_t i = 0; i < sizeof(causes) / sizeof(causes[0]); i++) {
        if (causes[i].cause == cause) {
            what = causes[i].what, signal = causes[i].signal, signo = causes[i].signo;
        }
    }
    bool double_exception = kind == DOUBLE_EXCEPTION;
    baremetal_fault_enter(signo, signal, double_exception ? "double exception" : what, pc,
        "excvaddr", vaddr, !double_exception);
}

// The classification runs on a stack of its own (the fault may come from a
// bad stack pointer); the code resumed runs on the faulting one.
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
    "    mov a12, a1\n"
    "    movi a1, fault_stack + 1024\n"
    "    movi a0, baremetal_fault\n"
    "    callx0 a0\n"
    "    mov a1, a12\n"
    "    movi a2, baremetal_fault_resume\n"
    "    wsr.epc1 a2\n"
    "    rsync\n"
    "    rfe\n"
    "    .popsection\n"
);

__attribute__((constructor)) static void install_vectors(void) {
    extern char xtensa_vectors[];
    __asm__ volatile ("wsr.vecbase %0\n\trsync" : : "r" (xtensa_vectors));
}

#endif
