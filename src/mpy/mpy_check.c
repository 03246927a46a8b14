#include "mpy/mpy_check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "mpy/bc_decode.h"
#include "mpy/mpy_format.h"

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static bool
fail(const mpy_file_t *f, const mpy_raw_code_t *rc, mpy_error_t *err, const char *fmt, ...) {
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    const mpy_qstr_t *name = mpy_raw_code_name(f, rc);
    if (name) {
        snprintf(err->message, sizeof(err->message), "in function '%.*s': %s",
                 (int)(name->len > 40 ? 40 : name->len), name->str, msg);
    } else {
        snprintf(err->message, sizeof(err->message), "%s", msg);
    }
    return false;
}

// Instructions that name a local slot (a variable or a closure cell): the
// VM indexes the frame's state with it.
static bool names_local(uint8_t opcode) {
    return (opcode >= BC_LOAD_FAST_N && opcode <= BC_DELETE_DEREF) ||
           (opcode >= BC_LOAD_FAST_MULTI && opcode < BC_UNARY_OP_MULTI);
}

static bool check_operand(const mpy_file_t *f, const mpy_raw_code_t *rc, const bc_insn_t *in,
                          size_t code_len, mpy_error_t *err) {
    const char *what = NULL;
    size_t limit = 0;
    if (names_local(in->opcode)) {
        if (in->arg < 0 || (uint64_t)in->arg >= rc->prelude.n_state) {
            return fail(f, rc, err, "%s refers to local %lld, but the frame has %u slots",
                        in->info->name, (long long)in->arg, (unsigned)rc->prelude.n_state);
        }
        return true;
    }
    switch ((bc_operand_t)in->info->operand) {
        case BC_OPERAND_QSTR:
            what = "qstr";
            limit = f->n_qstrs;
            break;
        case BC_OPERAND_OBJ:
            what = "object";
            limit = f->n_objs;
            break;
        case BC_OPERAND_CHILD:
            what = "child";
            limit = rc->n_children;
            break;
        case BC_OPERAND_JUMP:
        case BC_OPERAND_JUMP_FWD:
            if (in->target < 0 || (uint64_t)in->target >= code_len) {
                return fail(f, rc, err, "%s jumps to %lld, outside the %zu bytes of bytecode",
                            in->info->name, (long long)in->target, code_len);
            }
            return true;
        default:
            return true;
    }
    if ((uint64_t)in->arg >= limit) {
        return fail(f, rc, err, "%s refers to %s %lld, but there are %zu", in->info->name, what,
                    (long long)in->arg, limit);
    }
    return true;
}

bool mpy_check_function(const mpy_file_t *f, const mpy_raw_code_t *rc, mpy_error_t *err) {
    const uint8_t *code = rc->data + rc->prelude.code_offset;
    size_t len = rc->data_len - rc->prelude.code_offset;
    size_t base = rc->data_offset + rc->prelude.code_offset;
    // Pass 1: decode everything and mark where instructions start.
    uint8_t *starts = xcalloc(len ? len : 1, 1);
    bool ok = true;
    bc_insn_t in;
    for (size_t ip = 0; ok && ip < len; ip += in.size) {
        bc_decode_status_t s = bc_decode_insn(code, len, ip, &in);
        err->offset = base + ip;
        if (s != BC_DECODE_OK) {
            ok = fail(f, rc, err, "bytecode at +0x%zx (opcode 0x%02x): %s", ip, code[ip],
                      bc_decode_status_text(s));
        } else {
            starts[ip] = 1;
            ok = check_operand(f, rc, &in, len, err);
        }
    }
    // Pass 2: every jump lands on an instruction.
    for (size_t ip = 0; ok && ip < len; ip += in.size) {
        bc_decode_insn(code, len, ip, &in);
        if ((in.info->operand == BC_OPERAND_JUMP || in.info->operand == BC_OPERAND_JUMP_FWD) &&
            !starts[in.target]) {
            err->offset = base + ip;
            ok = fail(f, rc, err, "%s at +0x%zx jumps to +0x%llx, inside an instruction",
                      in.info->name, ip, (unsigned long long)in.target);
        }
    }
    free(starts);
    return ok;
}

static bool check_tree(const mpy_file_t *f, const mpy_raw_code_t *rc, mpy_error_t *err) {
    if (rc->kind == MPY_CODE_BYTECODE && !mpy_check_function(f, rc, err)) {
        return false;
    }
    for (size_t i = 0; i < rc->n_children; i++) {
        if (!check_tree(f, &rc->children[i], err)) {
            return false;
        }
    }
    return true;
}

bool mpy_check_bytecode(const mpy_file_t *f, mpy_error_t *err) {
    return check_tree(f, &f->rc, err);
}
