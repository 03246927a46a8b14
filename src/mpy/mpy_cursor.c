#include "mpy/mpy_cursor.h"

#include <stdarg.h>
#include <stdio.h>

#include "mpy/varint.h"

bool cursor_fail(mpy_cursor_t *c, size_t offset, const char *fmt, ...) {
    if (!c->failed) {
        c->failed = true;
        c->err->offset = offset;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->err->message, sizeof(c->err->message), fmt, ap);
        va_end(ap);
    }
    return false;
}

size_t cursor_left(const mpy_cursor_t *c) {
    return c->len - c->pos;
}

bool cursor_byte(mpy_cursor_t *c, uint8_t *value, const char *what) {
    if (c->failed) {
        return false;
    }
    if (c->pos >= c->len) {
        return cursor_fail(c, c->pos, "expected %s, but the file ends", what);
    }
    *value = c->data[c->pos++];
    return true;
}

bool cursor_bytes(mpy_cursor_t *c, uint64_t n, const uint8_t **p, const char *what) {
    if (c->failed) {
        return false;
    }
    if (n > cursor_left(c)) {
        return cursor_fail(c, c->pos, "expected %s (%llu bytes), but only %zu bytes are left",
                           what, (unsigned long long)n, cursor_left(c));
    }
    *p = c->data + c->pos;
    c->pos += (size_t)n;
    return true;
}

bool cursor_uint(mpy_cursor_t *c, uint64_t *value, const char *what) {
    if (c->failed) {
        return false;
    }
    size_t start = c->pos;
    switch (varint_decode_uint(c->data, c->len, &c->pos, value)) {
        case VARINT_OK:
            return true;
        case VARINT_TRUNCATED:
            return cursor_fail(c, start, "expected %s (a var uint), but the file ends inside it",
                               what);
        case VARINT_TOO_LARGE:
            break;
    }
    return cursor_fail(c, start, "%s does not fit in 64 bits", what);
}

bool cursor_uint_max(mpy_cursor_t *c, uint64_t *value, uint64_t max, const char *what) {
    size_t start = c->pos;
    if (!cursor_uint(c, value, what)) {
        return false;
    }
    if (*value > max) {
        return cursor_fail(c, start, "%s is %llu, more than the %llu allowed here", what,
                           (unsigned long long)*value, (unsigned long long)max);
    }
    return true;
}
