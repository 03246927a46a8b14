#include "mpy-tool/text.h"

#include <string.h>

void text_puts(buf_t *b, const char *s) {
    buf_append(b, s, strlen(s));
}

void text_quoted(buf_t *b, const uint8_t *s, size_t len, char quote, size_t max) {
    bool cut = max && len > max;
    if (cut) {
        len = max;
    }
    buf_put_u8(b, (uint8_t)quote);
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        if (c == '\\' || c == (uint8_t)quote) {
            buf_put_u8(b, '\\');
            buf_put_u8(b, c);
        } else if (c == '\n') {
            text_puts(b, "\\n");
        } else if (c == '\r') {
            text_puts(b, "\\r");
        } else if (c == '\t') {
            text_puts(b, "\\t");
        } else if (c < 0x20 || c >= 0x7f) {
            buf_printf(b, "\\x%02x", c);
        } else {
            buf_put_u8(b, c);
        }
    }
    buf_put_u8(b, (uint8_t)quote);
    if (cut) {
        text_puts(b, "...");
    }
}

void text_hex(buf_t *b, const uint8_t *s, size_t len, char sep) {
    for (size_t i = 0; i < len; i++) {
        if (i && sep) {
            buf_put_u8(b, (uint8_t)sep);
        }
        buf_printf(b, "%02x", s[i]);
    }
}

const char *text_cstr(buf_t *b) {
    buf_reserve(b, 1);
    b->data[b->len] = 0;
    return (const char *)b->data;
}
