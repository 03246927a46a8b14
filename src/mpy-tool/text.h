// Building text in a byte buffer.
#ifndef MPY_TOOL_TEXT_H
#define MPY_TOOL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "mpy-tool/diag.h"

void text_puts(buf_t *b, const char *s);

// A quoted literal in Python style, ASCII only: quote, then the bytes with
// \\, \quote, \n, \r, \t and \xNN escapes, then quote. At most max bytes of
// input are shown (then "..." follows the closing quote); 0 shows all.
void text_quoted(buf_t *b, const uint8_t *s, size_t len, char quote, size_t max);

// Bytes as lowercase hex pairs separated by sep (0 for none).
void text_hex(buf_t *b, const uint8_t *s, size_t len, char sep);

// Makes b a NUL-terminated C string (the NUL is not counted in b->len).
const char *text_cstr(buf_t *b);

#endif
