// Messages of mpy-tool on stderr.
#ifndef MPY_TOOL_DIAG_H
#define MPY_TOOL_DIAG_H

#include "mpy/mpy_read.h"

#if defined(__GNUC__)
#define TOOL_PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define TOOL_PRINTF_LIKE(f, a)
#endif

// "mpy-tool: error: <message>".
void tool_error(const char *fmt, ...) TOOL_PRINTF_LIKE(1, 2);

// "mpy-tool: error: FILE: offset 0xN: <message>" for an error of the reader.
void tool_file_error(const char *file, const mpy_error_t *err);

#endif
