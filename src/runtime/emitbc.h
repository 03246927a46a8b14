// The bytecode emitter of the host compiler: the code generator appends
// instructions with symbolic labels; emit_finish lays them out (1- or
// 2-byte jump offsets, shrunk until stable, as MicroPython's emitter
// does), writes the line-number table and the prelude, and fills the
// scope's raw code. Qstr and object operands go through the unit's tables.
#ifndef RUNTIME_EMITBC_H
#define RUNTIME_EMITBC_H

#include "runtime/runtime.h"

// The unit's shared constant tables (one per compiled source).
typedef struct {
    qstr *qstrs;      // index -> qstr; entry 0 is the source file
    size_t n_qstrs, alloc_qstrs;
    uint16_t *hash;   // open addressing: slot -> index + 1 (0: empty)
    size_t hash_alloc;
    mp_obj_t *objs;
    size_t n_objs, alloc_objs;
} emit_unit_t;

void emit_unit_init(emit_unit_t *unit, qstr source_file);
size_t emit_unit_qstr(emit_unit_t *unit, qstr q);
size_t emit_unit_obj(emit_unit_t *unit, mp_obj_t obj);

// One instruction or label definition.
typedef struct {
    uint8_t op;
    uint8_t kind;     // INSN_xxx (emitbc.c)
    uint8_t extra;    // the byte after the operand, when has_extra
    bool has_extra;
    size_t line;
    mp_int_t arg;     // operand value (qstr/obj/child index, uint, int) or label number
} emit_insn_t;

typedef struct {
    emit_unit_t *unit;
    emit_insn_t *insns;
    size_t n_insns, alloc_insns;
    size_t n_labels;
    int stack, max_stack;
    bool suppress;    // after an unconditional jump: dead code until a label
    size_t line;      // source line of the instructions appended now
    size_t n_children;
} emit_t;

void emit_init(emit_t *e, emit_unit_t *unit);
size_t emit_new_label(emit_t *e);
void emit_label(emit_t *e, size_t label);
void emit_adjust_stack(emit_t *e, int delta);
// Instructions by operand kind; delta is the stack effect.
void emit_op(emit_t *e, uint8_t op, int delta);
void emit_op_uint(emit_t *e, uint8_t op, mp_uint_t arg, int delta);
void emit_op_int(emit_t *e, uint8_t op, mp_int_t arg, int delta);
void emit_op_qstr(emit_t *e, uint8_t op, qstr q, int delta);
void emit_op_obj(emit_t *e, uint8_t op, mp_obj_t obj, int delta);
// MAKE_FUNCTION/MAKE_CLOSURE: the child's index is given by the order of calls.
void emit_op_child(emit_t *e, uint8_t op, int delta, bool has_extra, uint8_t extra);
void emit_jump(emit_t *e, uint8_t op, size_t label, int delta);
void emit_unwind_jump(emit_t *e, size_t label, uint8_t extra);
// Ends a run of code: what follows up to the next label is not emitted.
void emit_suppress(emit_t *e);

// Shorthands with MicroPython's choices of encodings.
void emit_load_small_int(emit_t *e, mp_int_t v);
void emit_load_fast(emit_t *e, size_t local);
void emit_store_fast(emit_t *e, size_t local);
// Operators the code generator passes beside mp_binary_op_t's: emitted as
// IN / IS followed by not, as MicroPython does.
#define MP_BINARY_OP_NOT_IN_BC 0x100
#define MP_BINARY_OP_IS_NOT_BC 0x101
void emit_binary_op(emit_t *e, int op);

// What the prelude says about the function.
typedef struct {
    qstr name;
    const qstr *arg_names; // n_pos_args + n_kwonly_args entries
    size_t n_locals;
    size_t n_exc_stack;
    uint8_t scope_flags;
    size_t n_pos_args, n_kwonly_args, n_def_pos_args;
    const uint8_t *cells; // local numbers of the cells
    size_t n_cells;
} emit_prelude_info_t;

// Lays out the code and fills rc (kind, flags, fun_data, its length).
void emit_finish(emit_t *e, const emit_prelude_info_t *info, rt_raw_code_t *rc);

#endif
