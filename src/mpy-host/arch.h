// `mpy-host --arch ARCH`: running code and modules of another architecture.
// Each architecture's runtime is a program of its own (the x86 one is
// build/x86/mpy-host, built with -m32); mpy-host hands the whole command
// line over to it.
#ifndef MPY_HOST_ARCH_H
#define MPY_HOST_ARCH_H

#include <stdbool.h>

#include "runtime/target.h"

// The architecture this program runs natively ("x64", "x86", or that of
// the firmware it is part of).
#define HOST_ARCH_NAME RT_TARGET_NAME

// The architecture a program name mpy-host-ARCH names (ARCH one of the .mpy
// architectures), or NULL: such a name is a link to mpy-host that runs as
// `mpy-host --arch ARCH`.
const char *host_arch_from_program_name(const char *argv0);

// True when arch is the one this program runs itself.
bool host_arch_is_own(const char *arch);

// Replaces this process with the runtime for arch, given argv unchanged.
// Returns only on failure, after a message on stderr saying what to install
// or build.
void host_arch_exec(const char *arch, char **argv);

#endif
