#include "mpy/bc_lineinfo.h"

// One step: the short form unless the lines need the long one and the bytes
// fit it. Returns its length; *b and *l are what it covers.
static size_t lineinfo_step(size_t bytes, size_t lines, size_t *b, size_t *l, uint8_t *out) {
    if (lines <= 6 || bytes > 0xf) {
        *b = bytes < 0x1f ? bytes : 0x1f;
        // Lines only once all the bytes are skipped: they belong to the
        // instruction after them.
        *l = *b < bytes ? 0 : (lines < 3 ? lines : 3);
        if (out) {
            out[0] = (uint8_t)(*b | (*l << 5));
        }
        return 1;
    }
    *b = bytes;
    *l = lines < 0x7ff ? lines : 0x7ff;
    if (out) {
        out[0] = (uint8_t)(0x80 | *b | ((*l >> 4) & 0x70));
        out[1] = (uint8_t)(*l & 0xff);
    }
    return 2;
}

static size_t lineinfo_encode(size_t bytes, size_t lines, uint8_t *out) {
    size_t n = 0;
    while (bytes > 0 || lines > 0) {
        size_t b, l;
        n += lineinfo_step(bytes, lines, &b, &l, out ? out + n : NULL);
        bytes -= b;
        lines -= l;
    }
    return n;
}

size_t bc_lineinfo_encode(size_t bytes_to_skip, size_t lines_to_skip, uint8_t *out) {
    return lineinfo_encode(bytes_to_skip, lines_to_skip, out);
}

size_t bc_lineinfo_encoded_len(size_t bytes_to_skip, size_t lines_to_skip) {
    return lineinfo_encode(bytes_to_skip, lines_to_skip, NULL);
}

size_t bc_lineinfo_line(const uint8_t *info, size_t len, size_t bc_offset) {
    size_t line = 1;
    size_t i = 0;
    while (i < len) {
        size_t b, l;
        if ((info[i] & 0x80) == 0) {
            b = info[i] & 0x1f;
            l = info[i] >> 5;
            i += 1;
        } else {
            if (i + 1 >= len) {
                break;
            }
            b = info[i] & 0xf;
            l = ((size_t)(info[i] & 0x70) << 4) | info[i + 1];
            i += 2;
        }
        if (bc_offset < b) {
            break;
        }
        bc_offset -= b;
        line += l;
    }
    return line;
}
