// RISC-V machine-mode trap handler: picolibc's start-up code leaves mtvec
// unset, so an exception (an illegal instruction, an access fault, an
// ebreak that is not semihosting's) would jump to address 0 and loop there
// with QEMU running forever. Report the cause and where it happened on
// stderr and end QEMU with the status a host program killed by SIGSEGV
// gets (128 + 11), as fault_arm.c does on Cortex-M.
#include "semihost_calls.h"
#include <stdint.h>
#include <stdio.h>

#if defined(__riscv)

#define FAULT_STATUS (128 + 11)

// cause: mcause (no interrupt is enabled); pc: mepc; value: mtval (the
// faulting address or instruction); ra: the interrupted code's ra.
__attribute__((noreturn, used)) void baremetal_fault(uintptr_t cause, uintptr_t pc, uintptr_t value,
    uintptr_t ra) {
    static const char *const names[] = {
        "instruction address misaligned", "instruction access fault", "illegal instruction",
        "breakpoint", "load address misaligned", "load access fault", "store address misaligned",
        "store access fault",
    };
    const char *name = cause < sizeof(names) / sizeof(names[0]) ? names[cause] : "exception";
    fprintf(stderr, "firmware: %s at pc=0x%08lx (mtval=0x%08lx, ra=0x%08lx)\n", name,
        (unsigned long)pc, (unsigned long)value, (unsigned long)ra);
    fflush(stderr);
    sys_semihost_exit_extended(FAULT_STATUS);
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
    "    mv a3, ra\n"
    "    tail baremetal_fault\n"
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
