// The bytecode emitter (see emitbc.h).
#include <string.h>

#include "mpy/bc_lineinfo.h"
#include "mpy/bc_opcodes.h"
#include "mpy/bc_prelude.h"
#include "runtime/compile.h"
#include "runtime/emitbc.h"

enum {
    INSN_PLAIN,   // opcode byte only
    INSN_UINT,    // var uint operand (also qstr, obj and child indices)
    INSN_INT,     // signed var int operand
    INSN_JUMP,    // jump to label arg
    INSN_LABEL,   // defines label arg; no code
};

/******************************************************************************/
// The unit's tables

static size_t qstr_slot(qstr q, size_t alloc) {
    return (q * 2654435761u) & (alloc - 1);
}

static void unit_rehash(emit_unit_t *unit, size_t alloc) {
    unit->hash = m_malloc0(alloc * sizeof(uint16_t));
    unit->hash_alloc = alloc;
    for (size_t i = 0; i < unit->n_qstrs; i++) {
        size_t s = qstr_slot(unit->qstrs[i], alloc);
        while (unit->hash[s] != 0) {
            s = (s + 1) & (alloc - 1);
        }
        unit->hash[s] = (uint16_t)(i + 1);
    }
}

void emit_unit_init(emit_unit_t *unit, qstr source_file) {
    memset(unit, 0, sizeof(*unit));
    unit_rehash(unit, 64);
    emit_unit_qstr(unit, source_file);
}

size_t emit_unit_qstr(emit_unit_t *unit, qstr q) {
    size_t s = qstr_slot(q, unit->hash_alloc);
    while (unit->hash[s] != 0) {
        if (unit->qstrs[unit->hash[s] - 1] == q) {
            return unit->hash[s] - 1;
        }
        s = (s + 1) & (unit->hash_alloc - 1);
    }
    if (unit->n_qstrs >= 0xfffe) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("too many names in one unit"));
    }
    if (unit->n_qstrs == unit->alloc_qstrs) {
        unit->alloc_qstrs = unit->alloc_qstrs ? unit->alloc_qstrs * 2 : 32;
        unit->qstrs = m_realloc(unit->qstrs, unit->alloc_qstrs * sizeof(qstr));
    }
    size_t idx = unit->n_qstrs++;
    unit->qstrs[idx] = q;
    unit->hash[s] = (uint16_t)(idx + 1);
    if (unit->n_qstrs * 2 > unit->hash_alloc) {
        unit_rehash(unit, unit->hash_alloc * 2);
    }
    return idx;
}

size_t emit_unit_obj(emit_unit_t *unit, mp_obj_t obj) {
    if (unit->n_objs == unit->alloc_objs) {
        unit->alloc_objs = unit->alloc_objs ? unit->alloc_objs * 2 : 8;
        unit->objs = m_realloc(unit->objs, unit->alloc_objs * sizeof(mp_obj_t));
    }
    unit->objs[unit->n_objs] = obj;
    return unit->n_objs++;
}

/******************************************************************************/
// Appending instructions

void emit_init(emit_t *e, emit_unit_t *unit) {
    memset(e, 0, sizeof(*e));
    e->unit = unit;
    e->line = 1;
}

size_t emit_new_label(emit_t *e) {
    return e->n_labels++;
}

void emit_adjust_stack(emit_t *e, int delta) {
    e->stack += delta;
    if (e->stack > e->max_stack) {
        e->max_stack = e->stack;
    }
}

static emit_insn_t *append(emit_t *e, uint8_t kind, uint8_t op, mp_int_t arg) {
    if (e->n_insns == e->alloc_insns) {
        e->alloc_insns = e->alloc_insns ? e->alloc_insns * 2 : 64;
        e->insns = m_realloc(e->insns, e->alloc_insns * sizeof(emit_insn_t));
    }
    emit_insn_t *in = &e->insns[e->n_insns++];
    memset(in, 0, sizeof(*in));
    in->kind = kind;
    in->op = op;
    in->arg = arg;
    in->line = e->line;
    return in;
}

void emit_label(emit_t *e, size_t label) {
    e->suppress = false;
    append(e, INSN_LABEL, 0, (mp_int_t)label);
}

void emit_suppress(emit_t *e) {
    e->suppress = true;
}

void emit_op(emit_t *e, uint8_t op, int delta) {
    emit_adjust_stack(e, delta);
    if (!e->suppress) {
        append(e, INSN_PLAIN, op, 0);
    }
}

void emit_op_uint(emit_t *e, uint8_t op, mp_uint_t arg, int delta) {
    emit_adjust_stack(e, delta);
    if (!e->suppress) {
        append(e, INSN_UINT, op, (mp_int_t)arg);
    }
}

void emit_op_int(emit_t *e, uint8_t op, mp_int_t arg, int delta) {
    emit_adjust_stack(e, delta);
    if (!e->suppress) {
        append(e, INSN_INT, op, arg);
    }
}

void emit_op_qstr(emit_t *e, uint8_t op, qstr q, int delta) {
    emit_op_uint(e, op, emit_unit_qstr(e->unit, q), delta);
}

void emit_op_obj(emit_t *e, uint8_t op, mp_obj_t obj, int delta) {
    emit_adjust_stack(e, delta);
    if (!e->suppress) {
        append(e, INSN_UINT, op, (mp_int_t)emit_unit_obj(e->unit, obj));
    }
}

void emit_op_child(emit_t *e, uint8_t op, int delta, bool has_extra, uint8_t extra) {
    // The child index counts every function made, even in dead code, so
    // that it matches the order in which the compiler lists the children.
    size_t idx = e->n_children++;
    emit_adjust_stack(e, delta);
    if (!e->suppress) {
        emit_insn_t *in = append(e, INSN_UINT, op, (mp_int_t)idx);
        in->has_extra = has_extra;
        in->extra = extra;
    }
}

void emit_jump(emit_t *e, uint8_t op, size_t label, int delta) {
    emit_adjust_stack(e, delta);
    if (!e->suppress) {
        append(e, INSN_JUMP, op, (mp_int_t)label);
    }
    if (op == BC_JUMP || op == BC_POP_EXCEPT_JUMP) {
        e->suppress = true;
    }
}

void emit_unwind_jump(emit_t *e, size_t label, uint8_t extra) {
    if (!e->suppress) {
        emit_insn_t *in = append(e, INSN_JUMP, BC_UNWIND_JUMP, (mp_int_t)label);
        in->has_extra = true;
        in->extra = extra;
    }
    e->suppress = true;
}

void emit_load_small_int(emit_t *e, mp_int_t v) {
    if (v >= -BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS && v < 64 - BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS) {
        emit_op(e, (uint8_t)(BC_LOAD_CONST_SMALL_INT_MULTI + BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS + v), 1);
    } else {
        emit_op_int(e, BC_LOAD_CONST_SMALL_INT, v, 1);
    }
}

void emit_load_fast(emit_t *e, size_t local) {
    if (local <= 15) {
        emit_op(e, (uint8_t)(BC_LOAD_FAST_MULTI + local), 1);
    } else {
        emit_op_uint(e, BC_LOAD_FAST_N, local, 1);
    }
}

void emit_store_fast(emit_t *e, size_t local) {
    if (local <= 15) {
        emit_op(e, (uint8_t)(BC_STORE_FAST_MULTI + local), -1);
    } else {
        emit_op_uint(e, BC_STORE_FAST_N, local, -1);
    }
}

void emit_binary_op(emit_t *e, int op) {
    bool invert = false;
    if (op == MP_BINARY_OP_NOT_IN_BC) {
        op = MP_BINARY_OP_IN;
        invert = true;
    } else if (op == MP_BINARY_OP_IS_NOT_BC) {
        op = MP_BINARY_OP_IS;
        invert = true;
    }
    emit_op(e, (uint8_t)(BC_BINARY_OP_MULTI + op), -1);
    if (invert) {
        emit_op(e, BC_UNARY_OP_MULTI + MP_UNARY_OP_NOT, 0);
    }
}

/******************************************************************************/
// Layout

static size_t uint_len(mp_uint_t v) {
    size_t n = 1;
    while (v >>= 7) {
        n++;
    }
    return n;
}

static size_t put_uint(uint8_t *out, mp_uint_t v) {
    size_t n = uint_len(v);
    for (size_t i = n; i > 0; i--) {
        out[i - 1] = (uint8_t)((v & 0x7f) | (i == n ? 0 : 0x80));
        v >>= 7;
    }
    return n;
}

// Signed var int: 7 bits a byte, most significant first; bit 6 of the
// first byte carries the sign.
static size_t put_int(uint8_t *out, mp_int_t v) {
    uint8_t buf[sizeof(mp_int_t) * 8 / 7 + 2];
    size_t n = 0;
    mp_int_t x = v;
    do {
        buf[n++] = (uint8_t)(x & 0x7f);
        x >>= 7; // arithmetic shift
    } while (!((x == 0 && (buf[n - 1] & 0x40) == 0) || (x == -1 && (buf[n - 1] & 0x40) != 0)));
    for (size_t i = 0; i < n; i++) {
        out[i] = (uint8_t)(buf[n - 1 - i] | (i + 1 < n ? 0x80 : 0));
    }
    return n;
}

// The size of every instruction: jumps start at 2-byte offsets and shrink
// while the offsets allow, as the layout converges.
static size_t insn_size(const emit_insn_t *in, bool long_jump) {
    uint8_t tmp[16];
    size_t n;
    switch (in->kind) {
        case INSN_LABEL:
            return 0;
        case INSN_PLAIN:
            n = 1;
            break;
        case INSN_UINT:
            n = 1 + uint_len((mp_uint_t)in->arg);
            break;
        case INSN_INT:
            n = 1 + put_int(tmp, in->arg);
            break;
        default:
            n = long_jump ? 3 : 2;
            break;
    }
    return n + (in->has_extra ? 1 : 0);
}

static bool jump_is_signed(uint8_t op) {
    return op <= BC_POP_JUMP_IF_FALSE;
}

void emit_finish(emit_t *e, const emit_prelude_info_t *info, rt_raw_code_t *rc) {
    size_t n = e->n_insns;
    bool *long_jump = m_malloc(n + 1);
    size_t *offset = m_malloc((n + 1) * sizeof(size_t));
    size_t *label_offset = m_malloc((e->n_labels + 1) * sizeof(size_t));
    for (size_t i = 0; i < n; i++) {
        long_jump[i] = true;
    }
    size_t code_len;
    for (;;) {
        size_t pos = 0;
        for (size_t i = 0; i < n; i++) {
            offset[i] = pos;
            if (e->insns[i].kind == INSN_LABEL) {
                label_offset[e->insns[i].arg] = pos;
            }
            pos += insn_size(&e->insns[i], long_jump[i]);
        }
        code_len = pos;
        bool changed = false;
        for (size_t i = 0; i < n; i++) {
            const emit_insn_t *in = &e->insns[i];
            if (in->kind != INSN_JUMP || !long_jump[i]) {
                continue;
            }
            // As MicroPython: measured from the end of a 1-byte-offset jump.
            mp_int_t rel = (mp_int_t)label_offset[in->arg] - (mp_int_t)offset[i] - 2;
            bool fits = jump_is_signed(in->op) ? (rel >= -64 && rel <= 63) : (rel >= 0 && rel <= 127);
            if (fits) {
                long_jump[i] = false;
                changed = true;
            }
        }
        if (!changed) {
            break;
        }
    }

    // The line-number table, from the lines of the emitted instructions
    // (none from optimisation level 3).
    size_t lineinfo_alloc = 16, lineinfo_len = 0;
    uint8_t *lineinfo = m_malloc(lineinfo_alloc);
    size_t last_line = 1, last_offset = 0;
    for (size_t i = 0; i < n && compile_opt_level < 3; i++) {
        const emit_insn_t *in = &e->insns[i];
        if (in->kind == INSN_LABEL || in->line <= last_line) {
            continue;
        }
        size_t bytes = offset[i] - last_offset, lines = in->line - last_line;
        size_t need = bc_lineinfo_encoded_len(bytes, lines);
        while (lineinfo_len + need > lineinfo_alloc) {
            lineinfo_alloc *= 2;
            lineinfo = m_realloc(lineinfo, lineinfo_alloc);
        }
        lineinfo_len += bc_lineinfo_encode(bytes, lines, lineinfo + lineinfo_len);
        last_line = in->line;
        last_offset = offset[i];
    }

    // The source-info section: the name and argument names, then the lines.
    size_t n_args = info->n_pos_args + info->n_kwonly_args;
    size_t n_info = uint_len(emit_unit_qstr(e->unit, info->name));
    for (size_t i = 0; i < n_args; i++) {
        n_info += uint_len(emit_unit_qstr(e->unit, info->arg_names[i]));
    }
    n_info += lineinfo_len;

    // The signature, as MicroPython packs it (see bc_prelude.h).
    uint8_t sig[32];
    size_t sig_len = 0;
    {
        size_t S = e->max_stack + info->n_locals;
        if (S == 0) {
            S = 1;
        }
        S -= 1;
        size_t E = info->n_exc_stack, F = info->scope_flags, A = info->n_pos_args;
        size_t K = info->n_kwonly_args, D = info->n_def_pos_args;
        uint8_t z = (uint8_t)((S & 0xf) << 3 | (E & 1) << 2 | (A & 3));
        S >>= 4;
        E >>= 1;
        A >>= 2;
        while (S | E | F | A | K | D) {
            sig[sig_len++] = 0x80 | z;
            z = (uint8_t)((F & 1) << 6 | (S & 3) << 4 | (K & 1) << 3 | (A & 1) << 2 | (E & 1) << 1 | (D & 1));
            S >>= 2;
            E >>= 1;
            F >>= 1;
            A >>= 1;
            K >>= 1;
            D >>= 1;
        }
        sig[sig_len++] = z;
    }
    uint8_t size_field[BC_PRELUDE_SIZE_MAX_BYTES];
    size_t size_len = bc_prelude_encode_size((uint32_t)n_info, (uint32_t)info->n_cells, size_field);

    size_t total = sig_len + size_len + n_info + info->n_cells + code_len;
    uint8_t *data = m_malloc(total);
    uint8_t *w = data;
    memcpy(w, sig, sig_len);
    w += sig_len;
    memcpy(w, size_field, size_len);
    w += size_len;
    w += put_uint(w, emit_unit_qstr(e->unit, info->name));
    for (size_t i = 0; i < n_args; i++) {
        w += put_uint(w, emit_unit_qstr(e->unit, info->arg_names[i]));
    }
    memcpy(w, lineinfo, lineinfo_len);
    w += lineinfo_len;
    memcpy(w, info->cells, info->n_cells);
    w += info->n_cells;

    uint8_t *code = w;
    for (size_t i = 0; i < n; i++) {
        const emit_insn_t *in = &e->insns[i];
        uint8_t *c = code + offset[i];
        switch (in->kind) {
            case INSN_LABEL:
                continue;
            case INSN_PLAIN:
                *c++ = in->op;
                break;
            case INSN_UINT:
                *c++ = in->op;
                c += put_uint(c, (mp_uint_t)in->arg);
                break;
            case INSN_INT:
                *c++ = in->op;
                c += put_int(c, in->arg);
                break;
            default: {
                *c++ = in->op;
                mp_int_t rel = (mp_int_t)label_offset[in->arg] - (mp_int_t)offset[i] - (long_jump[i] ? 3 : 2);
                bool is_signed = jump_is_signed(in->op);
                if (!long_jump[i]) {
                    *c++ = (uint8_t)(is_signed ? rel + 0x40 : rel);
                } else {
                    mp_int_t v = is_signed ? rel + 0x4000 : rel;
                    if (v < 0 || v > 0x7fff) {
                        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("bytecode overflow"));
                    }
                    *c++ = (uint8_t)(0x80 | (v & 0x7f));
                    *c++ = (uint8_t)(v >> 7);
                }
                break;
            }
        }
        if (in->has_extra) {
            *c++ = in->extra;
        }
    }

    rc->rc.kind = MP_CODE_BYTECODE;
    #if !MP_ABI_HAS_PROTO_FUN
    rc->rc.scope_flags = info->scope_flags;
    rc->rc.n_pos_args = info->n_pos_args;
    #endif
    rc->rc.fun_data = data;
    rc->fun_data_len = total;
}
