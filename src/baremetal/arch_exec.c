// `mpy-host --arch ARCH` inside the firmware: the firmware runs its own
// architecture only (src/mpy-host/arch.c chose it); any other is an error.
#include "mpy-host/arch.h"

#include <stdio.h>
#include <string.h>

bool host_arch_is_own(const char *arch) {
    return strcmp(arch, HOST_ARCH_NAME) == 0;
}

const char *host_arch_from_program_name(const char *argv0) {
    (void)argv0;
    return NULL;
}

void host_arch_exec(const char *arch, char **argv) {
    fprintf(stderr, "%s: this is the %s firmware: it cannot run %s code\n", argv[0], HOST_ARCH_NAME, arch);
}
