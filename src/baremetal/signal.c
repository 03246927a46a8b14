// sigaction for the REPL's Ctrl-C handler (src/mpy-host/repl.c): no
// signal reaches the firmware (QEMU passes Ctrl-C on the console as a
// byte), so a handler is accepted and never runs.
#include <signal.h>
#include <string.h>

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old) {
    (void)sig;
    (void)act;
    if (old != NULL) {
        memset(old, 0, sizeof(*old));
    }
    return 0;
}
