// Cortex-M fault entry (fault.h): a fault (a bad address, an instruction
// the core lacks, a branch without the Thumb bit) would otherwise stop the
// core in picolibc's halt loop and leave QEMU running forever. The handler
// classifies it as the signal a Linux host would raise and returns from
// the exception into baremetal_fault_resume, in thread mode on the
// faulting stack.
#include <stdint.h>

#include "baremetal/fault.h"

#if defined(__thumb__)

// The Configurable Fault Status Register of ARMv7-M: UsageFault (bits
// 16-31), BusFault (8-15) and MemManage (0-7) causes.
#define CFSR (*(volatile uint32_t *)0xe000ed28)
#define CFSR_DIVBYZERO (1u << 25)
#define CFSR_UNALIGNED (1u << 24)
#define CFSR_USAGE 0xffff0000u
#define CFSR_BUS 0x0000ff00u

#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
// The signal a Linux host raises for the fault, from why the CFSR says it
// happened.
static int fault_signal(uintptr_t pc, const char **name) {
    (void)pc;
    uint32_t cfsr = CFSR;
    CFSR = cfsr; // the bits are sticky: clear them for the next fault
    if (cfsr & CFSR_DIVBYZERO) {
        return *name = "SIGFPE", FAULT_SIGFPE;
    }
    if (cfsr & CFSR_UNALIGNED) {
        return *name = "SIGBUS", FAULT_SIGBUS;
    }
    if (cfsr & CFSR_USAGE) {
        return *name = "SIGILL", FAULT_SIGILL;
    }
    if (cfsr & CFSR_BUS) {
        return *name = "SIGBUS", FAULT_SIGBUS;
    }
    return *name = "SIGSEGV", FAULT_SIGSEGV;
}
#else
// The memory the board has (Makefile: --defsym), where the instruction of
// a fault can be read back.
extern char __flash[], __flash_size[], __ram[], __ram_size[];

// ARMv6-M has no CFSR; an undefined instruction (udf, as __builtin_trap
// compiles) is told by reading it, anything else is taken for a bad
// address.
static int fault_signal(uintptr_t pc, const char **name) {
    bool readable = pc - (uintptr_t)__flash < (uintptr_t)__flash_size ||
                    pc - (uintptr_t)__ram < (uintptr_t)__ram_size;
    if (pc % 2 == 0 && readable && (*(const uint16_t *)pc & 0xff00) == 0xde00) {
        return *name = "SIGILL", FAULT_SIGILL;
    }
    return *name = "SIGSEGV", FAULT_SIGSEGV;
}
#endif

// A store or load through a NULL pointer: the boards have RAM at 0 (the
// code's SSRAM), where it would succeed and overwrite the vector table.
// Where the core has an MPU (all the cores QEMU's mps2 boards emulate), a
// 32-byte region at 0 that nothing may access makes it fault, as on a
// host; the vector table moves to RAM first, since exception entry reads
// it through the same map. Privileged code keeps the default map
// everywhere else (PRIVDEFENA).
#define SCB_VTOR (*(volatile uint32_t *)0xe000ed08)
#define MPU_TYPE (*(volatile uint32_t *)0xe000ed90)
#define MPU_CTRL (*(volatile uint32_t *)0xe000ed94)
#define MPU_RNR (*(volatile uint32_t *)0xe000ed98)
#define MPU_RBAR (*(volatile uint32_t *)0xe000ed9c)
#define MPU_RASR (*(volatile uint32_t *)0xe000eda0)
#define MPU_RASR_XN (1u << 28)
#define MPU_RASR_SIZE_32 (4u << 1) // 2^(4 + 1) bytes; AP bits 0: no access
#define MPU_RASR_ENABLE 1u
#define MPU_CTRL_PRIVDEFENA (1u << 2)
#define MPU_CTRL_ENABLE 1u

__attribute__((constructor)) static void guard_null_pointer(void) {
    // The system exceptions' vectors (the firmware enables no interrupt);
    // VTOR needs 128-byte alignment.
    static uint32_t vectors[16] __attribute__((aligned(128)));
    if (((MPU_TYPE >> 8) & 0xff) == 0) {
        return;
    }
    // The table is at address 0, which C may not read as a pointer.
    uintptr_t table = 0;
    __asm__ ("" : "+r" (table));
    for (int i = 0; i < 16; i++) {
        vectors[i] = ((const volatile uint32_t *)table)[i];
    }
    SCB_VTOR = (uint32_t)(uintptr_t)vectors;
    MPU_RNR = 0;
    MPU_RBAR = 0;
    MPU_RASR = MPU_RASR_XN | MPU_RASR_SIZE_32 | MPU_RASR_ENABLE;
    MPU_CTRL = MPU_CTRL_PRIVDEFENA | MPU_CTRL_ENABLE;
    __asm__ volatile ("dsb\n\tisb" : : : "memory");
}

// frame: what the core pushed on entry (r0-r3, r12, lr, pc, xpsr); number:
// the exception number (IPSR). Returning resumes at frame[6].
__attribute__((used)) void baremetal_fault(uint32_t *frame, uint32_t number) {
    static const char *const names[] = {"HardFault", "MemManage", "BusFault", "UsageFault"};
    const char *what = number >= 3 && number <= 6 ? names[number - 3] : "exception";
    const char *signal;
    int signo = fault_signal(frame[6], &signal);
    baremetal_fault_enter(signo, signal, what, frame[6], "lr", frame[5], true);
    frame[6] = (uint32_t)(uintptr_t)baremetal_fault_resume & ~1u;
    frame[7] = 1u << 24; // xPSR: Thumb state, no IT block
}

// The entry: the main stack holds the frame (the firmware never switches
// to the process stack); lr holds the exception return value, which
// popping it into pc uses. Thumb-1 only, for armv6m.
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
    "    push {r4, lr}\n"
    "    ldr r2, 1f\n"
    "    blx r2\n"
    "    pop {r4, pc}\n"
    "    .p2align 2\n"
    "1:  .word baremetal_fault\n"
    "    .size arm_hardfault_isr, .-arm_hardfault_isr\n"
    "    .popsection\n"
);

#endif
