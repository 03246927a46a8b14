// Cortex-M fault handlers: a fault (a bad address, an instruction the core
// lacks, a branch without the Thumb bit) would otherwise stop the core in
// picolibc's halt loop and leave QEMU running forever. Report where it
// happened on stderr and end QEMU with the status a host program killed by
// SIGSEGV gets (128 + 11).
#include "semihost_calls.h"
#include <stdint.h>
#include <stdio.h>

#if defined(__thumb__)

#define FAULT_STATUS (128 + 11)

// frame: what the core pushed on entry (r0-r3, r12, lr, pc, xpsr); number:
// the exception number (IPSR).
__attribute__((noreturn, used)) void baremetal_fault(const uint32_t *frame, uint32_t number) {
    static const char *const names[] = {"HardFault", "MemManage", "BusFault", "UsageFault"};
    const char *name = number >= 3 && number <= 6 ? names[number - 3] : "exception";
    fprintf(stderr, "firmware: %s at pc=0x%08lx (lr=0x%08lx)\n", name, (unsigned long)frame[6],
        (unsigned long)frame[5]);
    fflush(stderr);
    sys_semihost_exit_extended(FAULT_STATUS);
}

// The entry: the main stack holds the frame (the firmware never switches
// to the process stack). Thumb-1 only, for armv6m.
__asm__ (
    "    .pushsection .text\n"
    "    .syntax unified\n"
    "    .thumb\n"
    "    .globl arm_hardfault_isr, arm_memmanage_isr, arm_busfault_isr, arm_usagefault_isr\n"
    "    .type arm_hardfault_isr, %function\n"
    "    .thumb_func\n"
    "    .p2align 2\n"
    "arm_hardfault_isr:\n"
    "    .thumb_set arm_memmanage_isr, arm_hardfault_isr\n"
    "    .thumb_set arm_busfault_isr, arm_hardfault_isr\n"
    "    .thumb_set arm_usagefault_isr, arm_hardfault_isr\n"
    "    mrs r0, msp\n"
    "    mrs r1, ipsr\n"
    "    ldr r2, 1f\n"
    "    bx r2\n"
    "    .p2align 2\n"
    "1:  .word baremetal_fault\n"
    "    .size arm_hardfault_isr, .-arm_hardfault_isr\n"
    "    .popsection\n"
);

#endif
