#include "mpy-ld/diag.h"

#include <stdarg.h>
#include <stdio.h>

int ld_log_level = 1;
static size_t error_count;

void ld_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("mpy-ld: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    error_count++;
}

void ld_hint(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("  hint: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void ld_warning(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("mpy-ld: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

size_t ld_error_count(void) {
    return error_count;
}

void ld_log(int level, const char *fmt, ...) {
    if (level > ld_log_level) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
}
