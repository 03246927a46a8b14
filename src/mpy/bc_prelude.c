#include "mpy/bc_prelude.h"

#include <stdlib.h>

#include "base/buf.h"
#include "mpy/varint.h"

// Bounds on the extension bytes, which keep every field within 32 bits
// (n_cell takes one bit per byte of the size field).
#define MAX_SIG_EXT_BYTES 13
#define MAX_SIZE_BYTES 32

static const char *decode_signature(const uint8_t *data, size_t len, size_t *p, bc_prelude_t *pr) {
    if (*p >= len) {
        return "truncated prelude: expected the signature byte";
    }
    uint8_t z = data[(*p)++];
    uint64_t S = (z >> 3) & 0xf, E = (z >> 2) & 1, F = 0, A = z & 3, K = 0, D = 0;
    for (unsigned n = 0; z & 0x80; n++) {
        if (n >= MAX_SIG_EXT_BYTES) {
            return "prelude signature too long";
        }
        if (*p >= len) {
            return "truncated prelude signature";
        }
        z = data[(*p)++];
        S |= (uint64_t)(z & 0x30) << (2 * n);
        E |= (uint64_t)(z & 0x02) << n;
        F |= (uint64_t)((z & 0x40) >> 6) << n;
        A |= (uint64_t)(z & 0x04) << n;
        K |= (uint64_t)((z & 0x08) >> 3) << n;
        D |= (uint64_t)(z & 0x01) << n;
    }
    pr->n_state = (uint32_t)(S + 1);
    pr->n_exc_stack = (uint32_t)E;
    pr->scope_flags = (uint32_t)F;
    pr->n_pos_args = (uint32_t)A;
    pr->n_kwonly_args = (uint32_t)K;
    pr->n_def_pos_args = (uint32_t)D;
    return NULL;
}

static const char *decode_sizes(const uint8_t *data, size_t len, size_t *p, bc_prelude_t *pr) {
    uint64_t I = 0, C = 0;
    for (unsigned n = 0;; n++) {
        if (n >= MAX_SIZE_BYTES) {
            return "prelude size field too long";
        }
        if (*p >= len) {
            return "truncated prelude: expected the size field";
        }
        uint8_t z = data[(*p)++];
        uint64_t i_bits = (uint64_t)((z & 0x7e) >> 1);
        if (6 * n < 36) {
            I |= i_bits << (6 * n);
        } else if (i_bits) {
            return "prelude source-info size too large";
        }
        C |= (uint64_t)(z & 1) << n;
        if (!(z & 0x80)) {
            break;
        }
    }
    if (I > UINT32_MAX) {
        return "prelude source-info size too large";
    }
    pr->n_info = (uint32_t)I;
    pr->n_cell = (uint32_t)C;
    return NULL;
}

const char *bc_prelude_decode(const uint8_t *data, size_t len, bc_prelude_t *pr,
                              size_t *err_offset) {
    *pr = (bc_prelude_t){0};
    size_t p = 0;
    const char *err = decode_signature(data, len, &p, pr);
    if (!err) {
        pr->size_offset = p;
        err = decode_sizes(data, len, &p, pr);
    }
    if (err) {
        *err_offset = p;
        return err;
    }
    pr->source_offset = p;
    if (pr->n_info > len - p) {
        *err_offset = pr->size_offset;
        return "prelude source-info section runs past the end of the function";
    }
    pr->closure_offset = p + pr->n_info;
    if (pr->n_cell > len - pr->closure_offset) {
        *err_offset = pr->size_offset;
        return "prelude closure section runs past the end of the function";
    }
    pr->code_offset = pr->closure_offset + pr->n_cell;

    // The names lie inside the source-info section.
    uint64_t n_names = 1 + (uint64_t)pr->n_pos_args + pr->n_kwonly_args;
    if (n_names > pr->n_info) {
        *err_offset = pr->size_offset;
        return "prelude source-info section too small for the function's name and arguments";
    }
    pr->names = xcalloc((size_t)n_names, sizeof(uint64_t));
    pr->n_names = (size_t)n_names;
    for (size_t i = 0; i < pr->n_names; i++) {
        size_t start = p;
        varint_status_t vs = varint_decode_uint(data, pr->closure_offset, &p, &pr->names[i]);
        if (vs != VARINT_OK) {
            *err_offset = start;
            bc_prelude_free(pr);
            return vs == VARINT_TRUNCATED
                       ? "argument names run past the prelude's source-info section"
                       : "argument name index does not fit in 64 bits";
        }
    }
    pr->line_info_offset = p;
    return NULL;
}

void bc_prelude_free(bc_prelude_t *pr) {
    free(pr->names);
    pr->names = NULL;
    pr->n_names = 0;
}

size_t bc_prelude_encode_size(uint32_t n_info, uint32_t n_cell, uint8_t *out) {
    size_t n = 0;
    uint32_t I = n_info, C = n_cell;
    for (;;) {
        uint8_t z = (uint8_t)((I & 0x3f) << 1 | (C & 1));
        C >>= 1;
        I >>= 6;
        if (C | I) {
            z |= 0x80;
        }
        out[n++] = z;
        if (!(C | I)) {
            return n;
        }
    }
}
