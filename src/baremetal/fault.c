// The instruction-set-independent part of fault handling (fault.h).
#include "baremetal/fault.h"

#include <stdio.h>

#include "baremetal/semihost_calls.h"

#include "runtime/platform.h"

static bool (*fault_handler)(int signo, const char *name, uintptr_t pc);

// The fault being handled; a second one while it is (in the runtime's
// handler or its report) ends the firmware.
static struct {
    bool active;
    int signo;
    const char *signal, *what, *reg;
    uintptr_t pc, value;
} fault;

void platform_catch_faults(bool (*on_fault)(int signo, const char *name, uintptr_t pc)) {
    fault_handler = on_fault;
}

// The end when no module's code faulted: where it happened on stderr, and
// the status of a host program killed by the signal (a fault elsewhere in
// a host program keeps its default action).
__attribute__((noreturn)) static void fault_exit(void) {
    fprintf(stderr, "firmware: %s at pc=0x%08lx (%s=0x%08lx)\n", fault.what,
        (unsigned long)fault.pc, fault.reg, (unsigned long)fault.value);
    fflush(stderr);
    sys_semihost_exit_extended(128 + fault.signo);
}

void baremetal_fault_enter(int signo, const char *signal, const char *what, uintptr_t pc,
    const char *reg, uintptr_t value, bool resumable) {
    bool again = fault.active;
    if (!again) {
        fault.active = true;
        fault.signo = signo;
        fault.signal = signal;
        fault.what = what;
        fault.pc = pc;
        fault.reg = reg;
        fault.value = value;
    }
    if (again || fault_handler == NULL || !resumable) {
        fault_exit();
    }
}

void baremetal_fault_resume(void) {
    // Does not return when the fault is in a module's code (nlr_jump).
    fault_handler(fault.signo, fault.signal, fault.pc);
    fault_exit();
}
