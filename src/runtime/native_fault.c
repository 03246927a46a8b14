// The fault handlers of native module code (see native_fault.h). The
// handler runs on an alternate stack (the fault may be a stack overflow)
// and leaves through nlr_jump, as a raise from the faulting C function
// would: the C frames of the module are abandoned, as any raise abandons
// them.
// ucontext_t's register names (REG_RIP...) are GNU extensions.
#define _GNU_SOURCE

#include "runtime/native_fault.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

typedef struct {
    char *path, *module;
    uintptr_t text;
    size_t text_len;
} region_t;

static region_t *regions;
static size_t n_regions;
static native_fault_t last;
static volatile sig_atomic_t reporting;

static const int fault_signals[] = {SIGSEGV, SIGILL, SIGBUS, SIGFPE};
#define N_FAULT_SIGNALS (sizeof(fault_signals) / sizeof(fault_signals[0]))
static struct sigaction previous[N_FAULT_SIGNALS];

const char *native_fault_signal_name(int signo) {
    switch (signo) {
        case SIGSEGV:
            return "SIGSEGV";
        case SIGILL:
            return "SIGILL";
        case SIGBUS:
            return "SIGBUS";
        default:
            return "SIGFPE";
    }
}

// The address of the faulting instruction: the one per-architecture part.
static uintptr_t fault_pc(const void *context) {
    const ucontext_t *uc = context;
#if defined(__x86_64__)
    return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__i386__)
    return (uintptr_t)uc->uc_mcontext.gregs[REG_EIP];
#else
#error "native_fault.c: the program counter of this architecture's ucontext_t is not known"
#endif
}

static void write_str(const char *s) {
    ssize_t n = write(2, s, strlen(s));
    (void)n;
}

// Gives the signal back to the handling it had before: a fault then
// happens again when the instruction is retried, a sent signal is sent again.
static void pass_on(int signo, const siginfo_t *info) {
    for (size_t i = 0; i < N_FAULT_SIGNALS; i++) {
        if (fault_signals[i] == signo) {
            sigaction(signo, &previous[i], NULL);
        }
    }
    if (info->si_code <= 0) {
        raise(signo);
    }
}

static void handler(int signo, siginfo_t *info, void *context) {
    uintptr_t pc = fault_pc(context);
    const region_t *r = NULL;
    for (size_t i = 0; i < n_regions; i++) {
        if (pc - regions[i].text < regions[i].text_len) {
            r = &regions[i];
        }
    }
    if (!r || info->si_code <= 0) {
        pass_on(signo, info);
        return;
    }
    if (reporting) {
        write_str("Fatal: ");
        write_str(native_fault_signal_name(signo));
        write_str(" in native module '");
        write_str(r->module);
        write_str("' again while reporting a fault\n");
        _exit(128 + signo);
    }
    reporting = 1;
    last = (native_fault_t){signo, r->path, r->module, pc - r->text};
    nlr_jump(MP_OBJ_TO_PTR(mp_state.native_fault));
}

static void install(void) {
    // The alternate stack: a handler on the faulting stack would fault
    // again when the fault is a stack overflow.
    static char alt_stack[64 * 1024];
    stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof(alt_stack)};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = handler;
    // SA_NODEFER: the handler does not return, so the signal must not stay
    // blocked (a second fault would then kill the process unreported).
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < N_FAULT_SIGNALS; i++) {
        sigaction(fault_signals[i], &sa, &previous[i]);
    }
}

void native_fault_register(const char *path, const void *text, size_t text_len) {
    if (mp_state.native_fault == MP_OBJ_NULL) {
        mp_state.native_fault = mp_obj_new_exception_msg(
            &mp_type_BaseException, MP_ERROR_TEXT("fault in native module code"));
    }
    region_t *p = realloc(regions, (n_regions + 1) * sizeof(*p));
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".mpy") == 0) {
        len -= 4;
    }
    char *copy = strdup(path), *module = strndup(base, len);
    if (!p || !copy || !module) {
        free(copy);
        free(module);
        m_malloc_fail(sizeof(*p));
    }
    p[n_regions] = (region_t){copy, module, (uintptr_t)text, text_len};
    // The list is complete before the handler can see the new count.
    regions = p;
    n_regions++;
    if (n_regions == 1) {
        install();
    }
}

bool native_fault_is(mp_obj_t exc) {
    return exc != MP_OBJ_NULL && exc == mp_state.native_fault;
}

const native_fault_t *native_fault_last(void) {
    return &last;
}
