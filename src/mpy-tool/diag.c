#include "mpy-tool/diag.h"

#include <stdarg.h>
#include <stdio.h>

void tool_error(const char *fmt, ...) {
    fputs("mpy-tool: error: ", stderr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void tool_file_error(const char *file, const mpy_error_t *err) {
    tool_error("%s: offset 0x%zx: %s", file, err->offset, err->message);
}
