// What the runtime needs from the system it runs on, beyond the C library:
// one implementation per platform. platform_posix.c serves Linux and other
// POSIX hosts (mpy-host); src/baremetal/platform.c the firmware that runs
// the runtime under QEMU on a target instruction set (docs/qemu.md).
#ifndef RUNTIME_PLATFORM_H
#define RUNTIME_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The program's command line: on a POSIX host main's own (left as it is);
// the firmware fetches it from QEMU (and its environment with it).
void platform_command_line(int *argc, char ***argv);

// The size of the C stack the program started on (0: unknown, unlimited).
size_t platform_stack_size(void);

// Sleeps for ns nanoseconds (resuming after signals).
void platform_sleep_ns(uint64_t ns);

// A monotonic clock, in nanoseconds since an arbitrary start.
uint64_t platform_monotonic_ns(void);

// Memory for len bytes of machine code, readable and writable, or NULL;
// *reserved gets the size actually set aside (a whole number of pages, say),
// to be given back to the two functions below.
void *platform_code_alloc(size_t len, size_t *reserved);

// Makes code from platform_code_alloc executable; it stays writable, as in
// MicroPython's unix port (mp_unix_alloc_exec maps it read-write-execute):
// x86 and x64 modules keep their static variables there (mpy-ld places
// writable data that code reaches PC-relatively in text, the one region at
// a fixed distance from it). False when that fails.
bool platform_code_make_executable(void *code, size_t reserved);

void platform_code_free(void *code, size_t reserved);

// The absolute, resolved form of path in fresh malloc'ed memory, or NULL
// when path does not exist (or the platform cannot tell: then the caller
// keeps path as given).
char *platform_real_path(const char *path);

// Hands faults of machine code to on_fault, from where the fault happened
// (on a POSIX host: SIGSEGV, SIGILL, SIGBUS and SIGFPE, in a signal handler
// on an alternate stack): its signal number and name, and the address of
// the faulting instruction. on_fault may leave by nlr_jump; when it returns
// false, the fault gets the handling it had before. Installed once.
void platform_catch_faults(bool (*on_fault)(int signo, const char *name, uintptr_t pc));

#endif
