#include "mpy-tool/json.h"

#include <string.h>

#include "mpy-tool/text.h"

void json_init(json_t *j, buf_t *out, unsigned start_depth) {
    *j = (json_t){out, start_depth, true, false, 0};
}

static bool is_inline(const json_t *j) {
    return j->inline_depth_set && j->depth > j->inline_from;
}

static void write_escaped(buf_t *b, const uint8_t *s, size_t len);

// Comma, line break and indentation before a value, then its key.
static void prefix(json_t *j, const char *key) {
    if (!j->first) {
        buf_put_u8(j->out, ',');
    }
    if (is_inline(j)) {
        if (!j->first) {
            buf_put_u8(j->out, ' ');
        }
    } else if (j->depth > 0 || !j->first) {
        buf_put_u8(j->out, '\n');
        for (unsigned i = 0; i < j->depth; i++) {
            text_puts(j->out, "  ");
        }
    }
    j->first = false;
    if (key) {
        write_escaped(j->out, (const uint8_t *)key, strlen(key));
        text_puts(j->out, ": ");
    }
}

static void begin(json_t *j, const char *key, char bracket) {
    prefix(j, key);
    buf_put_u8(j->out, (uint8_t)bracket);
    j->depth++;
    j->first = true;
}

static void end(json_t *j, char bracket) {
    bool empty = j->first;
    bool inline_members = is_inline(j);
    j->depth--;
    if (!empty && !inline_members) {
        buf_put_u8(j->out, '\n');
        for (unsigned i = 0; i < j->depth; i++) {
            text_puts(j->out, "  ");
        }
    }
    buf_put_u8(j->out, (uint8_t)bracket);
    j->first = false;
}

void json_begin_object(json_t *j, const char *key) {
    begin(j, key, '{');
}

void json_end_object(json_t *j) {
    end(j, '}');
}

void json_begin_array(json_t *j, const char *key) {
    begin(j, key, '[');
}

void json_end_array(json_t *j) {
    end(j, ']');
}

void json_begin_inline(json_t *j) {
    if (!j->inline_depth_set) {
        j->inline_depth_set = true;
        j->inline_from = j->depth;
    }
}

void json_end_inline(json_t *j) {
    if (j->inline_depth_set && j->depth <= j->inline_from) {
        j->inline_depth_set = false;
    }
}

void json_int(json_t *j, const char *key, int64_t value) {
    prefix(j, key);
    buf_printf(j->out, "%lld", (long long)value);
}

void json_uint(json_t *j, const char *key, uint64_t value) {
    prefix(j, key);
    buf_printf(j->out, "%llu", (unsigned long long)value);
}

void json_bool(json_t *j, const char *key, bool value) {
    prefix(j, key);
    text_puts(j->out, value ? "true" : "false");
}

void json_null(json_t *j, const char *key) {
    prefix(j, key);
    text_puts(j->out, "null");
}

// Length of the valid UTF-8 sequence at s (1 to 4), or 0 if invalid.
static size_t utf8_sequence(const uint8_t *s, size_t len) {
    uint8_t c = s[0];
    size_t n;
    uint32_t min;
    if (c < 0x80) {
        return 1;
    } else if ((c & 0xe0) == 0xc0) {
        n = 2, min = 0x80;
    } else if ((c & 0xf0) == 0xe0) {
        n = 3, min = 0x800;
    } else if ((c & 0xf8) == 0xf0) {
        n = 4, min = 0x10000;
    } else {
        return 0;
    }
    if (n > len) {
        return 0;
    }
    uint32_t cp = c & (0x7f >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            return 0;
        }
        cp = cp << 6 | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return 0;
    }
    return n;
}

static void write_escaped(buf_t *b, const uint8_t *s, size_t len) {
    buf_put_u8(b, '"');
    for (size_t i = 0; i < len;) {
        uint8_t c = s[i];
        size_t n = utf8_sequence(s + i, len - i);
        if (c == '"' || c == '\\') {
            buf_put_u8(b, '\\');
            buf_put_u8(b, c);
        } else if (c == '\n') {
            text_puts(b, "\\n");
        } else if (c == '\t') {
            text_puts(b, "\\t");
        } else if (c == '\r') {
            text_puts(b, "\\r");
        } else if (c < 0x20 || c == 0x7f || n == 0) {
            buf_printf(b, "\\u%04x", c);
        } else {
            buf_append(b, s + i, n);
            i += n;
            continue;
        }
        i++;
    }
    buf_put_u8(b, '"');
}

void json_str(json_t *j, const char *key, const void *s, size_t len) {
    prefix(j, key);
    write_escaped(j->out, s, len);
}

void json_cstr(json_t *j, const char *key, const char *s) {
    json_str(j, key, s, strlen(s));
}

void json_hex(json_t *j, const char *key, const uint8_t *s, size_t len) {
    prefix(j, key);
    buf_put_u8(j->out, '"');
    text_hex(j->out, s, len, 0);
    buf_put_u8(j->out, '"');
}
