// A bounds-checked position in a file being read, used by the .mpy reader.
// Every read names what it expects, so that a failure can say so: the first
// failure is kept in *err (with its offset) and later reads fail at once.
#ifndef MPY_MPY_CURSOR_H
#define MPY_MPY_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpy/mpy_read.h"

#if defined(__GNUC__)
#define MPY_PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define MPY_PRINTF_LIKE(f, a)
#endif

typedef struct {
    const uint8_t *data;
    size_t len;
    size_t pos;
    mpy_error_t *err;
    bool failed;
} mpy_cursor_t;

// Records an error at offset (the first one only) and returns false.
bool cursor_fail(mpy_cursor_t *c, size_t offset, const char *fmt, ...) MPY_PRINTF_LIKE(3, 4);

size_t cursor_left(const mpy_cursor_t *c);
bool cursor_byte(mpy_cursor_t *c, uint8_t *value, const char *what);
bool cursor_bytes(mpy_cursor_t *c, uint64_t n, const uint8_t **p, const char *what);
bool cursor_uint(mpy_cursor_t *c, uint64_t *value, const char *what);
// A var uint that also has to be at most max.
bool cursor_uint_max(mpy_cursor_t *c, uint64_t *value, uint64_t max, const char *what);

// Reading the parts of a native raw code that follow its machine code.
bool mpy_read_native_tail(mpy_cursor_t *c, const mpy_file_t *f, mpy_raw_code_t *rc);

#endif
