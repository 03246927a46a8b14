#include "mpy/mpy_check.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "mpy/bc_decode.h"
#include "mpy/bc_lower.h"
#include "mpy/bc_prelude.h"
#include "mpy/bc_verify.h"
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
    // The mp_fun_table entry of the object table is a pointer for native
    // code, not an object.
    if (in->info->operand == BC_OPERAND_OBJ && f->objs[in->arg].kind == MPY_OBJ_FUN_TABLE) {
        return fail(f, rc, err, "%s refers to object %lld, mp_fun_table, which is no object",
                    in->info->name, (long long)in->arg);
    }
    return true;
}

// The frame's slots below its locals, which the value stack may use: the
// arguments, the closure cells and every local the code names sit at the
// top of the frame.
static bool frame_stack_slots(const mpy_file_t *f, const mpy_raw_code_t *rc, uint64_t n_locals,
                              uint32_t *n_stack, mpy_error_t *err) {
    const bc_prelude_t *pr = &rc->prelude;
    uint64_t n_args = (uint64_t)pr->n_pos_args + pr->n_kwonly_args +
                      ((pr->scope_flags & BC_SCOPE_VARARGS) != 0) +
                      ((pr->scope_flags & BC_SCOPE_VARKEYWORDS) != 0);
    err->offset = rc->data_offset;
    if (pr->n_def_pos_args > pr->n_pos_args) {
        return fail(f, rc, err, "%u of the %u positional arguments have defaults",
                    (unsigned)pr->n_def_pos_args, (unsigned)pr->n_pos_args);
    }
    if (n_args > pr->n_state) {
        return fail(f, rc, err, "the arguments need %llu slots, but the frame has %u",
                    (unsigned long long)n_args, (unsigned)pr->n_state);
    }
    n_locals = n_locals > n_args ? n_locals : n_args;
    for (uint32_t i = 0; i < pr->n_cell; i++) {
        uint8_t local = rc->data[pr->closure_offset + i];
        if (local >= pr->n_state) {
            err->offset = rc->data_offset + pr->closure_offset + i;
            return fail(f, rc, err, "closure cell %" PRIu32 " is local %u, but the frame has %u slots", i,
                        local, (unsigned)pr->n_state);
        }
        n_locals = n_locals > (uint64_t)local + 1 ? n_locals : (uint64_t)local + 1;
    }
    *n_stack = (uint32_t)(pr->n_state - n_locals);
    return true;
}

// The frame sizes the VM allocates from: bounded so that their sum cannot
// overflow on a 32-bit machine.
#define MAX_FRAME_SLOTS (1u << 20)

static bool verify_flow(const mpy_file_t *f, const mpy_raw_code_t *rc, uint64_t n_locals,
                        mpy_error_t *err) {
    const bc_prelude_t *pr = &rc->prelude;
    if (pr->n_state > MAX_FRAME_SLOTS || pr->n_exc_stack > MAX_FRAME_SLOTS) {
        err->offset = rc->data_offset;
        return fail(f, rc, err, "the frame of %u slots and %u handler blocks is too large",
                    (unsigned)pr->n_state, (unsigned)pr->n_exc_stack);
    }
    // The code as the VM will run it.
    size_t len = rc->data_len - pr->code_offset;
    uint8_t *code = xmalloc(len ? len : 1);
    memcpy(code, rc->data + pr->code_offset, len);
    bc_lower(f, code, len);
    bc_verify_input_t in = {code, len, 0, pr->n_exc_stack,
                            (pr->scope_flags & BC_SCOPE_GENERATOR) != 0};
    char msg[200];
    size_t ip = 0;
    bool ok = frame_stack_slots(f, rc, n_locals, &in.n_stack, err);
    if (ok && !bc_verify(&in, msg, sizeof(msg), &ip)) {
        err->offset = rc->data_offset + pr->code_offset + ip;
        ok = fail(f, rc, err, "%s", msg);
    }
    free(code);
    return ok;
}

static bool check_function(const mpy_file_t *f, const mpy_raw_code_t *rc, bool flow,
                           mpy_error_t *err) {
    const uint8_t *code = rc->data + rc->prelude.code_offset;
    size_t len = rc->data_len - rc->prelude.code_offset;
    size_t base = rc->data_offset + rc->prelude.code_offset;
    // Pass 1: decode everything and mark where instructions start.
    uint8_t *starts = xcalloc(len ? len : 1, 1);
    bool ok = true;
    bc_insn_t in;
    uint64_t n_locals = 0; // one more than the highest local named
    for (size_t ip = 0; ok && ip < len; ip += in.size) {
        bc_decode_status_t s = bc_decode_insn(code, len, ip, &in);
        err->offset = base + ip;
        if (s != BC_DECODE_OK) {
            ok = fail(f, rc, err, "bytecode at +0x%zx (opcode 0x%02x): %s", ip, code[ip],
                      bc_decode_status_text(s));
        } else if (in.info->internal) {
            ok = fail(f, rc, err, "bytecode at +0x%zx (opcode 0x%02x): %s", ip, code[ip],
                      bc_decode_status_text(BC_DECODE_UNKNOWN_OPCODE));
        } else {
            starts[ip] = 1;
            ok = check_operand(f, rc, &in, len, err);
            if (ok && names_local(in.opcode) && (uint64_t)in.arg + 1 > n_locals) {
                n_locals = (uint64_t)in.arg + 1;
            }
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
    return ok && (!flow || verify_flow(f, rc, n_locals, err));
}

bool mpy_check_function(const mpy_file_t *f, const mpy_raw_code_t *rc, mpy_error_t *err) {
    return check_function(f, rc, false, err);
}

static bool check_tree(const mpy_file_t *f, const mpy_raw_code_t *rc, bool flow, mpy_error_t *err) {
    if (rc->kind == MPY_CODE_BYTECODE && !check_function(f, rc, flow, err)) {
        return false;
    }
    for (size_t i = 0; i < rc->n_children; i++) {
        if (!check_tree(f, &rc->children[i], flow, err)) {
            return false;
        }
    }
    return true;
}

bool mpy_check_bytecode(const mpy_file_t *f, mpy_error_t *err) {
    return check_tree(f, &f->rc, false, err);
}

bool mpy_verify_bytecode(const mpy_file_t *f, mpy_error_t *err) {
    return check_tree(f, &f->rc, true, err);
}
