// The runtime's system services on a POSIX host (see platform.h).
// MAP_ANONYMOUS is not POSIX, nor are ucontext_t's register names (REG_RIP):
// glibc shows them with _GNU_SOURCE.
#define _GNU_SOURCE
#include "runtime/platform.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
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

bool platform_code_make_executable(void *code, size_t reserved) {
    return mprotect(code, reserved, PROT_READ | PROT_WRITE | PROT_EXEC) == 0;
}

void platform_code_free(void *code, size_t reserved) {
    munmap(code, reserved);
}

char *platform_real_path(const char *path) {
    return realpath(path, NULL);
}

static const struct {
    int signo;
    const char *name;
} fault_signals[] = {{SIGSEGV, "SIGSEGV"}, {SIGILL, "SIGILL"}, {SIGBUS, "SIGBUS"}, {SIGFPE, "SIGFPE"}};
#define N_FAULT_SIGNALS (sizeof(fault_signals) / sizeof(fault_signals[0]))
static struct sigaction fault_previous[N_FAULT_SIGNALS];
static bool (*fault_handler)(int signo, const char *name, uintptr_t pc);

// The address of the faulting instruction: the one per-architecture part.
static uintptr_t fault_pc(const void *context) {
    const ucontext_t *uc = context;
#if defined(__x86_64__)
    return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__i386__)
    return (uintptr_t)uc->uc_mcontext.gregs[REG_EIP];
#else
#error "platform_posix.c: the program counter of this architecture's ucontext_t is not known"
#endif
}

static void on_fault_signal(int signo, siginfo_t *info, void *context) {
    for (size_t i = 0; i < N_FAULT_SIGNALS; i++) {
        if (fault_signals[i].signo != signo) {
            continue;
        }
        // A signal sent (kill) is no fault of the code running.
        if (info->si_code > 0 && fault_handler(signo, fault_signals[i].name, fault_pc(context))) {
            return;
        }
        // The handling from before: a fault happens again when the
        // instruction is retried, a sent signal is sent again.
        sigaction(signo, &fault_previous[i], NULL);
        if (info->si_code <= 0) {
            raise(signo);
        }
    }
}

void platform_catch_faults(bool (*on_fault)(int signo, const char *name, uintptr_t pc)) {
    // The alternate stack: a handler on the faulting stack would fault
    // again when the fault is a stack overflow.
    static char alt_stack[64 * 1024];
    stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof(alt_stack)};
    sigaltstack(&ss, NULL);
    fault_handler = on_fault;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_fault_signal;
    // SA_NODEFER: the handler may leave by nlr_jump, and the signal must
    // not stay blocked then.
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < N_FAULT_SIGNALS; i++) {
        sigaction(fault_signals[i].signo, &sa, &fault_previous[i]);
    }
}
