// The runtime's system services on the bare-metal firmware (see
// runtime/platform.h): a target board under QEMU, reached through
// semihosting (docs/qemu.md).
#include "runtime/platform.h"

#include <fcntl.h>
#include "semihost_calls.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// The stack's size, from the linker script (picolibc.ld; xtensa.ld).
extern char __stack_size[];

size_t platform_stack_size(void) {
    return (size_t)(uintptr_t)__stack_size;
}

// SYS_CLOCK: centiseconds since the program started (on xtensa from the
// cycle counter, semihost_xtensa.c).
uint64_t platform_monotonic_ns(void) {
    return (uint64_t)sys_semihost_clock() * 10000000u;
}

// Nothing else runs: wait on the clock.
void platform_sleep_ns(uint64_t ns) {
    uint64_t end = platform_monotonic_ns() + ns;
    while (platform_monotonic_ns() < end) {
    }
}

// The board's RAM is executable (the Cortex-M MPU guards address 0 only,
// fault_arm.c; xtensa's sim has no memory protection) and QEMU models no
// caches, so code lives in the C heap, a static region of RAM, and needs
// no cache write-back or instruction-cache invalidation after it is
// written (a core with caches in hardware would need it).
void *platform_code_alloc(size_t len, size_t *reserved) {
    *reserved = len == 0 ? 1 : len;
    return malloc(*reserved);
}

bool platform_code_make_executable(void *code, size_t reserved) {
    (void)code;
    (void)reserved;
    return true;
}

void platform_code_free(void *code, size_t reserved) {
    (void)reserved;
    free(code);
}

// Semihosting cannot resolve a path: an existing one stays as given (QEMU
// resolves it against the folder it was started in).
char *platform_real_path(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return NULL;
    }
    close(fd);
    return strdup(path);
}

// QEMU gives the semihosting arguments joined by spaces, so mpy-host
// percent-encodes each word (src/mpy-host/arch.c): "NAME=VALUE" words for
// the environment, "--", then the arguments.
static char cmdline[16384];
static char *words[512];

static int hex_digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

// Decodes %XX in place.
static void percent_decode(char *s) {
    char *out = s;
    for (; *s != '\0'; s++) {
        if (s[0] == '%' && hex_digit(s[1]) >= 0 && hex_digit(s[2]) >= 0) {
            *out++ = (char)(hex_digit(s[1]) * 16 + hex_digit(s[2]));
            s += 2;
        } else {
            *out++ = *s;
        }
    }
    *out = '\0';
}

void platform_command_line(int *argc, char ***argv) {
    static char *no_args[] = {"mpy-host", NULL};
    *argc = 1;
    *argv = no_args;
    if (sys_semihost_get_cmdline(cmdline, sizeof(cmdline)) != 0) {
        fprintf(stderr, "firmware: cannot read the command line from QEMU (is it over %zu bytes?)\n",
            sizeof(cmdline));
        exit(1);
    }
    int n = 0;
    for (char *w = strtok(cmdline, " "); w != NULL; w = strtok(NULL, " ")) {
        if (n + 1 == (int)(sizeof(words) / sizeof(words[0]))) {
            fprintf(stderr, "firmware: more than %d words on the command line\n", n);
            exit(1);
        }
        words[n++] = w;
    }
    words[n] = NULL;
    int first = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(words[i], "--") == 0) {
            for (int j = 0; j < i; j++) {
                percent_decode(words[j]);
                char *eq = strchr(words[j], '=');
                if (eq != NULL) {
                    *eq = '\0';
                    setenv(words[j], eq + 1, 1);
                }
            }
            first = i + 1;
            break;
        }
    }
    for (int i = first; i < n; i++) {
        percent_decode(words[i]);
    }
    if (first < n) {
        *argc = n - first;
        *argv = words + first;
    }
}

