// vstr_t: a byte string that grows on the collected heap, and the printer
// that appends to one (vstr_init_print).
#include <string.h>

#include "runtime/runtime.h"

// Room for a terminating NUL is kept out of the counts callers see only when
// they ask for it (vstr_null_terminated_str).
#define VSTR_MIN_ALLOC (16)

void vstr_init(vstr_t *vstr, size_t alloc) {
    if (alloc < 1) {
        alloc = 1;
    }
    vstr->alloc = alloc;
    vstr->len = 0;
    vstr->buf = m_new(char, alloc);
    vstr->fixed_buf = false;
}

void vstr_init_len(vstr_t *vstr, size_t len) {
    vstr_init(vstr, len + 1);
    vstr->len = len;
}

void vstr_init_fixed_buf(vstr_t *vstr, size_t alloc, char *buf) {
    vstr->alloc = alloc;
    vstr->len = 0;
    vstr->buf = buf;
    vstr->fixed_buf = true;
}

static void vstr_print_strn(void *data, const char *str, size_t len) {
    vstr_add_strn((vstr_t *)data, str, len);
}

void vstr_init_print(vstr_t *vstr, size_t alloc, mp_print_t *print) {
    vstr_init(vstr, alloc);
    print->data = vstr;
    print->print_strn = vstr_print_strn;
}

void vstr_clear(vstr_t *vstr) {
    if (!vstr->fixed_buf) {
        m_free(vstr->buf);
    }
    vstr->buf = NULL;
    vstr->alloc = 0;
    vstr->len = 0;
}

void vstr_reset(vstr_t *vstr) {
    vstr->len = 0;
}

// Makes room for size more bytes; a fixed buffer cannot grow.
static void vstr_ensure_extra(vstr_t *vstr, size_t size) {
    if (vstr->len + size <= vstr->alloc) {
        return;
    }
    if (vstr->fixed_buf) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("fixed buffer overflow"));
    }
    size_t new_alloc = vstr->len + size + VSTR_MIN_ALLOC;
    if (new_alloc < vstr->alloc * 2) {
        new_alloc = vstr->alloc * 2;
    }
    vstr->buf = m_renew(char, vstr->buf, vstr->alloc, new_alloc);
    vstr->alloc = new_alloc;
}

// Grows the allocation by size bytes without changing len; returns the start
// of the new room.
char *vstr_extend(vstr_t *vstr, size_t size) {
    if (vstr->fixed_buf) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("fixed buffer overflow"));
    }
    vstr->buf = m_renew(char, vstr->buf, vstr->alloc, vstr->alloc + size);
    char *p = vstr->buf + vstr->alloc;
    vstr->alloc += size;
    return p;
}

char *vstr_add_len(vstr_t *vstr, size_t len) {
    vstr_ensure_extra(vstr, len);
    char *p = vstr->buf + vstr->len;
    vstr->len += len;
    return p;
}

char *vstr_null_terminated_str(vstr_t *vstr) {
    if (vstr->fixed_buf && vstr->len == vstr->alloc) {
        // No room for the NUL: drop the last byte, as a fixed buffer must.
        vstr->len--;
    }
    vstr_ensure_extra(vstr, 1);
    vstr->buf[vstr->len] = '\0';
    return vstr->buf;
}

void vstr_add_byte(vstr_t *vstr, byte v) {
    *vstr_add_len(vstr, 1) = (char)v;
}

void vstr_add_char(vstr_t *vstr, unsigned int c) {
    if (c < 0x80) {
        vstr_add_byte(vstr, (byte)c);
    } else if (c < 0x800) {
        char *p = vstr_add_len(vstr, 2);
        p[0] = (char)((c >> 6) | 0xC0);
        p[1] = (char)((c & 0x3F) | 0x80);
    } else if (c < 0x10000) {
        char *p = vstr_add_len(vstr, 3);
        p[0] = (char)((c >> 12) | 0xE0);
        p[1] = (char)(((c >> 6) & 0x3F) | 0x80);
        p[2] = (char)((c & 0x3F) | 0x80);
    } else {
        char *p = vstr_add_len(vstr, 4);
        p[0] = (char)(((c >> 18) & 0x07) | 0xF0);
        p[1] = (char)(((c >> 12) & 0x3F) | 0x80);
        p[2] = (char)(((c >> 6) & 0x3F) | 0x80);
        p[3] = (char)((c & 0x3F) | 0x80);
    }
}

void vstr_add_str(vstr_t *vstr, const char *str) {
    vstr_add_strn(vstr, str, strlen(str));
}

void vstr_add_strn(vstr_t *vstr, const char *str, size_t len) {
    if (len == 0) {
        return;
    }
    // str may point into vstr's own buffer, which ensure_extra may move.
    if (vstr->buf != NULL && str >= vstr->buf && str < vstr->buf + vstr->alloc) {
        size_t off = (size_t)(str - vstr->buf);
        vstr_ensure_extra(vstr, len);
        str = vstr->buf + off;
    } else {
        vstr_ensure_extra(vstr, len);
    }
    memmove(vstr->buf + vstr->len, str, len);
    vstr->len += len;
}

void vstr_cut_tail_bytes(vstr_t *vstr, size_t bytes_to_cut) {
    if (bytes_to_cut > vstr->len) {
        vstr->len = 0;
    } else {
        vstr->len -= bytes_to_cut;
    }
}

void vstr_printf(vstr_t *vstr, const char *fmt, ...) {
    mp_print_t print = { vstr, vstr_print_strn };
    va_list ap;
    va_start(ap, fmt);
    mp_vprintf(&print, fmt, ap);
    va_end(ap);
}
