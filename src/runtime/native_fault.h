// Faults in the machine code of native modules. The loader records where
// each module's text lies; once one is loaded, the platform's fault handler
// (platform.h: SIGSEGV, SIGILL, SIGBUS and SIGFPE on a POSIX host) looks the
// faulting instruction up there. A fault inside a
// module's text unwinds the Python stack with an exception that no Python
// handler (except, finally, with) catches, so that it reaches the top level
// with its traceback; a fault anywhere else gets the handling it had before
// (the default action: the process ends by the signal; under ASan, ASan's
// report), as does a second fault while the first is reported.
#ifndef RUNTIME_NATIVE_FAULT_H
#define RUNTIME_NATIVE_FAULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/runtime.h"

// Records the text of a module loaded from path, and installs the
// handlers on first use.
void native_fault_register(const char *path, const void *text, size_t text_len);

// True for the exception a fault raises.
bool native_fault_is(mp_obj_t exc);

// What faulted, once native_fault_is: the signal (number and name), the
// module's .mpy path and name (its file name without .mpy), and the offset
// in its text.
typedef struct {
    int signo;
    const char *signal, *path, *module;
    size_t offset;
} native_fault_t;

const native_fault_t *native_fault_last(void);

#endif
