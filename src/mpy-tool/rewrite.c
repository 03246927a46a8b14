#include "mpy-tool/rewrite.h"

#include <stdio.h>
#include <stdlib.h>

#include "mpy/bc_decode.h"
#include "mpy/mpy_format.h"
#include "mpy/mpy_write.h"
#include "mpy/varint.h"

// Encoding passes before giving up on jump offsets that never settle.
#define MAX_PASSES 100

typedef struct {
    bc_insn_t *insns;
    size_t n;
    size_t *offsets; // current offset of each instruction
    size_t *targets; // index of the destination of each jump
} code_t;

static bool is_jump(const bc_insn_t *in) {
    return in->info->operand == BC_OPERAND_JUMP || in->info->operand == BC_OPERAND_JUMP_FWD;
}

static bool fail(mpy_error_t *err, size_t offset, const char *msg) {
    err->offset = offset;
    snprintf(err->message, sizeof(err->message), "%s", msg);
    return false;
}

// Index of the instruction at offset, or n if none starts there.
static size_t find_insn(const code_t *c, int64_t offset) {
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((int64_t)c->insns[mid].offset < offset) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < c->n && (int64_t)c->insns[lo].offset == offset ? lo : c->n;
}

static bool decode_all(const uint8_t *code, size_t len, size_t base, code_t *c, mpy_error_t *err) {
    size_t cap = 16;
    c->insns = xmalloc(cap * sizeof(bc_insn_t));
    for (size_t ip = 0; ip < len; ip += c->insns[c->n++].size) {
        if (c->n == cap) {
            cap *= 2;
            c->insns = xrealloc(c->insns, cap * sizeof(bc_insn_t));
        }
        if (bc_decode_insn(code, len, ip, &c->insns[c->n]) != BC_DECODE_OK) {
            return fail(err, base + ip, "cannot decode the bytecode");
        }
    }
    c->offsets = xcalloc(c->n + 1, sizeof(size_t));
    c->targets = xcalloc(c->n + 1, sizeof(size_t));
    for (size_t i = 0; i < c->n; i++) {
        c->offsets[i] = c->insns[i].offset;
        if (is_jump(&c->insns[i])) {
            c->targets[i] = find_insn(c, c->insns[i].target);
            if (c->targets[i] == c->n) {
                return fail(err, base + c->insns[i].offset,
                            "jump destination is not the start of an instruction");
            }
        }
    }
    return true;
}

// One encoding pass with the current offsets; records the new ones.
// Returns whether any offset moved; *overflow if a jump does not fit.
static bool encode_pass(code_t *c, buf_t *out, bool *overflow) {
    bool moved = false;
    out->len = 0;
    for (size_t i = 0; i < c->n; i++) {
        const bc_insn_t *in = &c->insns[i];
        if (c->offsets[i] != out->len) {
            moved = true;
            c->offsets[i] = out->len;
        }
        int64_t arg = in->arg;
        if (is_jump(in)) {
            arg = (int64_t)c->offsets[c->targets[i]] - (int64_t)c->offsets[i];
        }
        uint8_t bytes[BC_INSN_MAX_BYTES];
        size_t n = bc_encode_insn(in->opcode, arg, in->extra, bytes, overflow);
        buf_append(out, bytes, n);
    }
    return moved;
}

static bool relink_code(const uint8_t *code, size_t len, size_t base, size_t qstr_base,
                        size_t obj_base, buf_t *out, mpy_error_t *err) {
    code_t c = {0};
    bool ok = decode_all(code, len, base, &c, err);
    if (ok) {
        for (size_t i = 0; i < c.n; i++) {
            if (c.insns[i].info->operand == BC_OPERAND_QSTR) {
                c.insns[i].arg += (int64_t)qstr_base;
            } else if (c.insns[i].info->operand == BC_OPERAND_OBJ) {
                c.insns[i].arg += (int64_t)obj_base;
            }
        }
        buf_t pass = {0};
        bool overflow = false;
        size_t passes = 0;
        do {
            overflow = false;
            if (++passes > MAX_PASSES) {
                ok = fail(err, base, "jump offsets do not settle while re-encoding the bytecode");
                break;
            }
        } while (encode_pass(&c, &pass, &overflow));
        if (ok && overflow) {
            ok = fail(err, base, "a jump no longer fits its offset after re-encoding");
        }
        if (ok) {
            buf_append(out, pass.data, pass.len);
        }
        buf_free(&pass);
    }
    free(c.insns);
    free(c.offsets);
    free(c.targets);
    return ok;
}

bool rewrite_raw_code(const mpy_file_t *f, const mpy_raw_code_t *rc, size_t qstr_base,
                      size_t obj_base, buf_t *out, mpy_error_t *err) {
    if (rc->kind != MPY_CODE_BYTECODE) {
        return fail(err, rc->offset, "only bytecode can be moved into a merged file");
    }
    const bc_prelude_t *pr = &rc->prelude;
    buf_t fun = {0};
    // Signature as it was.
    buf_append(&fun, rc->data, pr->size_offset);
    // Names, re-based; the line info is not carried over.
    buf_t names = {0};
    for (size_t i = 0; i < pr->n_names; i++) {
        mpy_write_uint(&names, pr->names[i] + qstr_base);
    }
    uint8_t size_field[BC_PRELUDE_SIZE_MAX_BYTES];
    size_t n = bc_prelude_encode_size((uint32_t)names.len, pr->n_cell, size_field);
    buf_append(&fun, size_field, n);
    buf_append(&fun, names.data, names.len);
    buf_free(&names);
    buf_append(&fun, rc->data + pr->closure_offset, pr->n_cell);
    bool ok = relink_code(rc->data + pr->code_offset, rc->data_len - pr->code_offset,
                          rc->data_offset + pr->code_offset, qstr_base, obj_base, &fun, err);
    if (ok) {
        mpy_write_uint(out, (uint64_t)fun.len << 3 | (uint64_t)(rc->n_children > 0) << 2);
        buf_append(out, fun.data, fun.len);
        if (rc->n_children > 0) {
            mpy_write_uint(out, rc->n_children);
        }
    }
    buf_free(&fun);
    for (size_t i = 0; ok && i < rc->n_children; i++) {
        ok = rewrite_raw_code(f, &rc->children[i], qstr_base, obj_base, out, err);
    }
    return ok;
}
