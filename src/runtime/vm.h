// The bytecode VM's private interface: decoding a function's prelude and the
// frame a bytecode function runs in. Shared by the function objects
// (objfun_bc.c: argument setup, calls) and the interpreter (vm.c).
#ifndef RUNTIME_VM_H
#define RUNTIME_VM_H

#include "runtime/runtime.h"

// The prelude signature (see src/mpy/bc_prelude.h for the bit layout).
typedef struct {
    size_t n_state, n_exc_stack, scope_flags, n_pos_args, n_kwonly_args, n_def_pos_args;
} vm_sig_t;

static inline const byte *vm_decode_sig(const byte *ip, vm_sig_t *s) {
    uint8_t z = *ip++;
    // xSSSSEAA, then while x: xFSSKAED
    s->n_state = (z >> 3) & 0xf;
    s->n_exc_stack = (z >> 2) & 1;
    s->scope_flags = 0;
    s->n_pos_args = z & 3;
    s->n_kwonly_args = 0;
    s->n_def_pos_args = 0;
    for (unsigned n = 0; z & 0x80; ++n) {
        z = *ip++;
        s->n_state |= (size_t)(z & 0x30) << (2 * n);
        s->n_exc_stack |= (size_t)(z & 0x02) << n;
        s->scope_flags |= (size_t)((z & 0x40) >> 6) << n;
        s->n_pos_args |= (size_t)(z & 0x04) << n;
        s->n_kwonly_args |= (size_t)((z & 0x08) >> 3) << n;
        s->n_def_pos_args |= (size_t)(z & 0x01) << n;
    }
    s->n_state += 1;
    return ip;
}

// The sizes field: n_info (source info) and n_cell (closure info) bytes.
static inline const byte *vm_decode_size(const byte *ip, size_t *n_info, size_t *n_cell) {
    *n_info = 0;
    *n_cell = 0;
    for (unsigned n = 0;; ++n) {
        uint8_t z = *ip++;
        // xIIIIIIC
        *n_cell |= (size_t)(z & 1) << n;
        *n_info |= (size_t)((z & 0x7e) >> 1) << (6 * n);
        if (!(z & 0x80)) {
            break;
        }
    }
    return ip;
}

static inline mp_uint_t vm_decode_uint(const byte **ptr) {
    mp_uint_t unum = 0;
    const byte *p = *ptr;
    byte val;
    do {
        val = *p++;
        unum = (unum << 7) | (val & 0x7f);
    } while (val & 0x80);
    *ptr = p;
    return unum;
}

static inline const byte *vm_skip_uint(const byte *p) {
    while (*p++ & 0x80) {
    }
    return p;
}

// An inline-assembler function: machine code taking up to 4 machine-word
// arguments converted as type_sig says, returning one.
typedef struct {
    mp_obj_base_t base;
    size_t n_args;
    const void *fun_data;
    mp_uint_t type_sig; // 4 bits per argument (after the return type's)
} mp_obj_fun_asm_t;

// One entry of a frame's exception-handler stack.
typedef struct {
    const byte *handler; // where the except/finally code starts
    mp_obj_t *val_sp;    // value stack pointer when the block was set up
    bool is_finally;     // finally or with: also run when unwinding a jump/return
    // How a finally handler was entered: by an exception or by falling in
    // (one value on the stack for it), or by a jump or return (a value and a
    // small-int marker). END_FINALLY and WITH_CLEANUP go by this, not by the
    // values, which bytecode could forge.
    uint8_t unwind;       // VM_UNWIND_*
    uint8_t unwind_count; // jump: handler blocks left to unwind (bit 7: pop an iterator)
    const byte *unwind_dest;
    void *prev_exc;      // the exception being handled, for a bare "raise"
} vm_exc_block_t;

enum { VM_UNWIND_NONE, VM_UNWIND_JUMP, VM_UNWIND_RETURN };

// A running bytecode function. The locals live at the top of state[]
// (local i at state[n_state - 1 - i]); the value stack grows up from
// state[0].
typedef struct {
    mp_obj_fun_bc_t *fun_bc;
    const byte *ip;  // on entry the bytecode; then the instruction running
    mp_obj_t *sp;    // top of the value stack (state - 1 when empty)
    size_t n_state;
    vm_exc_block_t *exc_stack;
    vm_exc_block_t *exc_sp; // innermost handler (exc_stack - 1 when none)
    mp_obj_t *state;
} vm_frame_t;

// Fills the frame's locals from the call's arguments as the prelude says
// (positional, defaults, keywords, *args, **kwargs, keyword-only, cells) and
// points ip at the first instruction. f->fun_bc, f->state and f->n_state
// must be set. Raises TypeError for a mismatch.
void vm_setup_frame(vm_frame_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args);

typedef enum {
    VM_RETURN_NORMAL,    // *result: the value returned
    VM_RETURN_YIELD,     // *result: the value yielded (also at *f->sp)
    VM_RETURN_EXCEPTION, // *result: the exception
} vm_return_kind_t;

// Runs the frame from f->ip until it returns, yields (a generator; then
// f->ip/f->sp say where to resume) or an exception leaves it. inject_exc,
// if not MP_OBJ_NULL, is raised at the resume point first (generator
// throw()).
vm_return_kind_t vm_execute(vm_frame_t *f, mp_obj_t inject_exc, mp_obj_t *result);

// Generators (objgenerator.c): calling a generator function makes a
// generator instance; vm_resume runs one (or any iterator, for "yield
// from") one step further, as MicroPython's mp_resume.
extern const mp_obj_type_t mp_type_gen_wrap;
extern const mp_obj_type_t mp_type_gen_instance;
mp_obj_t vm_make_generator(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args);
vm_return_kind_t vm_resume(mp_obj_t self_in, mp_obj_t send_value, mp_obj_t throw_value, mp_obj_t *ret_val);

// The exception that "raise o" raises: o itself when an exception
// instance, a new instance when o is an exception type, else TypeError.
mp_obj_t vm_make_raise_obj(mp_obj_t o);

#endif
