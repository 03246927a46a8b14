// RISC-V machine-mode trap entry (fault.h): picolibc's start-up code leaves
// mtvec unset, so an exception (an illegal instruction, an access fault, an
// ebreak that is not semihosting's) would jump to address 0 and loop there
// with QEMU running forever. The handler classifies it as the signal a
// Linux host would raise and returns from the trap (mret, still in machine
// mode) into baremetal_fault_resume, on the faulting stack.
#include <stddef.h>
#include <stdint.h>

#include "baremetal/fault.h"

#if defined(__riscv)

// cause: mcause (no interrupt is enabled); pc: mepc; value: mtval (the
// faulting address or instruction). Returning resumes at mepc.
__attribute__((used)) void baremetal_fault(uintptr_t cause, uintptr_t pc, uintptr_t value) {
    static const struct {
        const char *what, *signal;
        int signo;
    } causes[] = {
        {"instruction address misaligned", "SIGBUS", FAULT_SIGBUS},
        {"instruction access fault", "SIGSEGV", FAULT_SIGSEGV},
        {"illegal instruction", "SIGILL", FAULT_SIGILL},
        {"breakpoint", "SIGTRAP", FAULT_SIGTRAP},
        {"load address misaligned", "SIGBUS", FAULT_SIGBUS},
        {"load access fault", "SIGSEGV", FAULT_SIGSEGV},
        {"store address misaligned", "SIGBUS", FAULT_SIGBUS},
        {"store access fault", "SIGSEGV", FAULT_SIGSEGV},
    };
    size_t n = sizeof(causes) / sizeof(causes[0]);
    const char *what = cause < n ? causes[cause].what : "exception";
    const char *signal = cause < n ? causes[cause].signal : "SIGSEGV";
    int signo = cause < n ? causes[cause].signo : FAULT_SIGSEGV;
    baremetal_fault_enter(signo, signal, what, pc, "mtval", value, true);
    __asm__ volatile (".option push\n\t.option arch, +zicsr\n\tcsrw mepc, %0\n\t.option pop"
        : : "r" (baremetal_fault_resume));
}

// The vector (direct mode: 4-byte aligned), installed before main. The
// CSR instructions are Zicsr's, outside the SDK's -march (rv32imac,
// rv64imac), which the firmware keeps.
__asm__ (
    "    .pushsection .text\n"
    "    .option push\n"
    "    .option arch, +zicsr\n"
    "    .type baremetal_trap, @function\n"
    "    .p2align 2\n"
    "baremetal_trap:\n"
    "    csrr a0, mcause\n"
    "    csrr a1, mepc\n"
    "    csrr a2, mtval\n"
    "    call baremetal_fault\n"
    "    mret\n"
    "    .size baremetal_trap, .-baremetal_trap\n"
    "    .option pop\n"
    "    .popsection\n"
);

__attribute__((constructor)) static void install_trap_vector(void) {
    extern char baremetal_trap[];
    __asm__ volatile (".option push\n\t.option arch, +zicsr\n\tcsrw mtvec, %0\n\t.option pop"
        : : "r" (baremetal_trap));
}

#endif
