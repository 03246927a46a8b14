// The runtime's system services on a POSIX host (see platform.h).
// MAP_ANONYMOUS is not POSIX; glibc shows it with _DEFAULT_SOURCE.
#define _DEFAULT_SOURCE
#include "runtime/platform.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

void platform_command_line(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
}

size_t platform_stack_size(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) {
        return 0;
    }
    return (size_t)rl.rlim_cur;
}

void platform_sleep_ns(uint64_t ns) {
    struct timespec req = { .tv_sec = (time_t)(ns / 1000000000u), .tv_nsec = (long)(ns % 1000000000u) };
    struct timespec rem;
    while (nanosleep(&req, &rem) == -1 && errno == EINTR) {
        req = rem;
    }
}

uint64_t platform_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// Whole pages of their own, so that they can be made read+execute.
void *platform_code_alloc(size_t len, size_t *reserved) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t size = len == 0 ? page : (len + page - 1) / page * page;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        return NULL;
    }
    *reserved = size;
    return p;
}

bool platform_code_seal(void *code, size_t reserved) {
    return mprotect(code, reserved, PROT_READ | PROT_EXEC) == 0;
}

void platform_code_free(void *code, size_t reserved) {
    munmap(code, reserved);
}

char *platform_real_path(const char *path) {
    return realpath(path, NULL);
}
