// Faults on the firmware (fault.c): what an instruction set's fault entry
// (fault_arm.c, fault_riscv.c) tells the shared part. Faults happen in an
// exception handler, where the runtime cannot unwind; the entry calls
// baremetal_fault_enter there and, when it returns, resumes the
// faulting code at baremetal_fault_resume instead of the faulting
// instruction, with the faulting stack. That function runs the runtime's
// handler (platform_catch_faults) as a POSIX host runs it in a signal
// handler: a fault in a module's code is reported with its traceback and
// the module's function, as mpy-host does.
#ifndef BAREMETAL_FAULT_H
#define BAREMETAL_FAULT_H

#include <stdbool.h>
#include <stdint.h>

// The signals of a Linux host, whose numbers make the exit status (128 +
// the number) mpy-host gives there; picolibc numbers some differently.
enum {
    FAULT_SIGILL = 4,
    FAULT_SIGTRAP = 5,
    FAULT_SIGBUS = 7,
    FAULT_SIGFPE = 8,
    FAULT_SIGSEGV = 11,
};

// A fault: the signal a Linux host would raise (number and name), what the
// core calls it, the faulting pc, and one more register the core reports
// (its name and value: the return address, the faulting address...).
// Returns when the entry is to resume at baremetal_fault_resume; ends the
// firmware when the runtime has no handler, a fault is being handled, or
// the core cannot resume (resumable false: xtensa's double exception).
void baremetal_fault_enter(int signo, const char *signal, const char *what, uintptr_t pc,
    const char *reg, uintptr_t value, bool resumable);

void baremetal_fault_resume(void);

#endif
