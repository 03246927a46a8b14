// The REPL: reads a line, asks the compiler whether the statement goes on
// (a compound statement, an open bracket, a trailing backslash), reads
// continuation lines until it does not, then runs the whole as one
// interactive statement. Line editing is the terminal's own (cooked mode).
#include "mpy-host/repl.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy-host/run.h"
#include "runtime/target.h"

// The compiler's answer to "does this input need more lines?" (compile
// part; MicroPython's py/repl.h).
bool mp_repl_continue_with_input(const char *input);

// Set by SIGINT while a line is being read: the input so far is dropped.
static volatile sig_atomic_t interrupted;

static void on_sigint(int sig) {
    (void)sig;
    interrupted = 1;
}

typedef enum { LINE_OK, LINE_EOF, LINE_CANCELLED } line_status_t;

// Appends one line (without its newline) to *buf after printing prompt.
static line_status_t read_line(const char *prompt, char **buf, size_t *len, size_t *alloc) {
    fputs(prompt, stdout);
    fflush(stdout);
    for (;;) {
        int c = getchar();
        if (c == EOF) {
            if (interrupted) {
                interrupted = 0;
                clearerr(stdin);
                return LINE_CANCELLED;
            }
            // Ctrl-D on an empty line ends the session; after some text it
            // ends the line.
            return LINE_EOF;
        }
        if (c == '\n') {
            return LINE_OK;
        }
        if (*len + 2 > *alloc) {
            *alloc = *alloc * 2 + 64;
            char *bigger = realloc(*buf, *alloc);
            if (bigger == NULL) {
                fputs("mpy-host: out of memory\n", stderr);
                exit(1);
            }
            *buf = bigger;
        }
        (*buf)[(*len)++] = (char)c;
        (*buf)[*len] = '\0';
    }
}

int host_repl(void) {
    printf("MicroPython v1.21.0 compatible mpy-host; " RT_TARGET_SYSTEM " " RT_TARGET_NAME "\n"
           "Use Ctrl-D to exit\n");

    struct sigaction sa, old_sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    // No SA_RESTART: Ctrl-C interrupts the read, which then returns EOF.
    sigaction(SIGINT, &sa, &old_sa);

    size_t alloc = 256;
    char *buf = malloc(alloc);
    int ret = 0;
    for (;;) {
        size_t len = 0;
        buf[0] = '\0';
        line_status_t st = read_line(">>> ", &buf, &len, &alloc);
        if (st == LINE_CANCELLED) {
            putchar('\n');
            continue;
        }
        if (st == LINE_EOF && len == 0) {
            putchar('\n');
            break;
        }
        if (len == 0) {
            continue;
        }
        bool cancelled = false;
        while (st == LINE_OK && mp_repl_continue_with_input(buf)) {
            if (len + 2 > alloc) {
                alloc = alloc * 2 + 64;
                buf = realloc(buf, alloc);
                if (buf == NULL) {
                    fputs("mpy-host: out of memory\n", stderr);
                    exit(1);
                }
            }
            buf[len++] = '\n';
            buf[len] = '\0';
            st = read_line("... ", &buf, &len, &alloc);
            if (st == LINE_CANCELLED) {
                putchar('\n');
                cancelled = true;
            }
        }
        if (cancelled) {
            continue;
        }
        // Ctrl-C while the code runs: the default action (end the process),
        // as there is no KeyboardInterrupt delivery into running code.
        sigaction(SIGINT, &old_sa, NULL);
        ret = host_run_source(buf, len, MP_QSTR__lt_stdin_gt_, MP_PARSE_SINGLE_INPUT);
        sigaction(SIGINT, &sa, NULL);
        if (ret & HOST_FORCED_EXIT) {
            break;
        }
        ret = 0;
        if (st == LINE_EOF) {
            clearerr(stdin);
        }
    }
    sigaction(SIGINT, &old_sa, NULL);
    free(buf);
    return ret;
}
