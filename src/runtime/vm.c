// The bytecode interpreter for MicroPython's v6 bytecode (the .mpy format
// and what our compiler emits), with v1.21's semantics: one value stack and
// one exception-handler stack per frame, "finally" code run as a coroutine
// when a jump or return unwinds through it (the small-int markers on the
// value stack), and traceback entries added as an exception leaves or is
// caught in a frame.
//
// Operand conventions (see src/mpy/bc_opcodes.h): qstr operands index the
// module's qstr table, object operands its object table, child operands
// the function's child table.
#include <string.h>

#include "mpy/bc_lineinfo.h"
#include "mpy/bc_opcodes.h"
#include "runtime/native_fault.h"
#include "runtime/vm.h"

#define PUSH(val) (*++sp = (val))
#define POP() (*sp--)
#define TOP() (*sp)
#define SET_TOP(val) (*sp = (val))

#define DECODE_UINT mp_uint_t unum = vm_decode_uint(&ip)
#define DECODE_QSTR \
    DECODE_UINT; \
    qstr qst = qstr_table[unum]
#define DECODE_OBJ \
    DECODE_UINT; \
    mp_obj_t obj = obj_table[unum]
#define DECODE_PTR \
    DECODE_UINT; \
    const mp_raw_code_t *ptr = f->fun_bc->child_table[unum]
// Forward jump offsets (one or two bytes).
#define DECODE_ULABEL \
    size_t ulab; \
    do { \
        if (ip[0] & 0x80) { \
            ulab = (size_t)((ip[0] & 0x7f) | (ip[1] << 7)); \
            ip += 2; \
        } else { \
            ulab = ip[0]; \
            ip += 1; \
        } \
    } while (0)
// Signed jump offsets, biased by 0x40 (one byte) or 0x4000 (two).
#define DECODE_SLABEL \
    ptrdiff_t slab; \
    do { \
        if (ip[0] & 0x80) { \
            slab = (ptrdiff_t)((ip[0] & 0x7f) | (ip[1] << 7)) - 0x4000; \
            ip += 2; \
        } else { \
            slab = (ptrdiff_t)ip[0] - 0x40; \
            ip += 1; \
        } \
    } while (0)

// except labels are always forward
#define PUSH_EXC_BLOCK(finally) do { \
        DECODE_ULABEL; \
        ++f->exc_sp; \
        f->exc_sp->handler = ip + ulab; \
        f->exc_sp->val_sp = sp; \
        f->exc_sp->is_finally = (finally); \
        f->exc_sp->unwind = VM_UNWIND_NONE; \
        f->exc_sp->prev_exc = NULL; \
} while (0)

#define POP_EXC_BLOCK() (f->exc_sp--)

// A raise from within the dispatch loop: leave it as nlr_jump would.
#define RAISE(o) do { \
        nlr_pop(); \
        nlr.ret_val = MP_OBJ_TO_PTR(o); \
        goto exception_handler; \
} while (0)

mp_obj_t vm_make_raise_obj(mp_obj_t o) {
    if (mp_obj_is_exception_type(o)) {
        o = mp_call_function_n_kw(o, 0, 0, NULL);
    }
    if (mp_obj_is_exception_instance(o)) {
        return o;
    }
    return mp_obj_new_exception_msg(&mp_type_TypeError, MP_ERROR_TEXT("exceptions must derive from BaseException"));
}

// A local that LOAD_DEREF and friends name. Whether it holds a cell
// depends on how the function was made (a closure passes its cells as the
// first arguments), which the loader cannot check: bytecode that makes a
// plain function of closure code is stopped here.
static mp_obj_t vm_cell(mp_obj_t local) {
    if (local == MP_OBJ_NULL || !mp_obj_is_type(local, &mp_type_cell)) {
        mp_raise_TypeError(MP_ERROR_TEXT("closure variable is not a cell: function made without its closure"));
    }
    return local;
}

static mp_obj_t make_closure(const mp_raw_code_t *rc, const mp_module_context_t *context,
                             mp_uint_t n_closed_over, const mp_obj_t *args) {
    // Bit 8: the defaults (tuple, dict) come first.
    mp_obj_t fun = mp_make_function_from_raw_code(rc, context, (n_closed_over & 0x100) ? args : NULL);
    return mp_obj_new_closure(fun, n_closed_over & 0xff, args + ((n_closed_over >> 7) & 2));
}

// Adds (file, line, function) for the instruction at f->ip to exc.
static void add_traceback(vm_frame_t *f, mp_obj_t exc) {
    const mp_obj_fun_bc_t *fun = f->fun_bc;
    const qstr_short_t *qstr_table = fun->context->constants.qstr_table;
    vm_sig_t sig;
    size_t n_info, n_cell;
    const byte *ip = vm_decode_size(vm_decode_sig(fun->bytecode, &sig), &n_info, &n_cell);
    const byte *line_info_top = ip + n_info;
    const byte *bytecode_start = ip + n_info + n_cell;
    qstr block_name = qstr_table[vm_decode_uint(&ip)];
    for (size_t i = 0; i < sig.n_pos_args + sig.n_kwonly_args; i++) {
        ip = vm_skip_uint(ip);
    }
    size_t bc = (size_t)(f->ip - bytecode_start);
    size_t line = bc_lineinfo_line(ip, (size_t)(line_info_top - ip), bc);
    mp_obj_exception_add_traceback(exc, qstr_table[0], line, block_name);
}

vm_return_kind_t vm_execute(vm_frame_t *f, volatile mp_obj_t inject_exc, mp_obj_t *result) {
    mp_obj_t *const fastn = &f->state[f->n_state - 1];
    vm_exc_block_t *const exc_stack = f->exc_stack;
    const qstr_short_t *const qstr_table = f->fun_bc->context->constants.qstr_table;
    mp_obj_t *const obj_table = f->fun_bc->context->constants.obj_table;

    for (;;) {
        nlr_buf_t nlr;
    outer_dispatch_loop:
        if (nlr_push(&nlr) == 0) {
            const byte *ip = f->ip;
            mp_obj_t *sp = f->sp;
            mp_obj_t obj_shared;
            const byte *unwind_dest = NULL; // a jump being unwound: where to
            mp_uint_t unwind_count = 0;      // and how many blocks (UNWIND_JUMP)
            // An exception thrown into a generator is raised where it
            // resumes (a "yield from" passes it on to its iterator).
            if (inject_exc != MP_OBJ_NULL && *ip != BC_YIELD_FROM) {
                mp_obj_t exc = vm_make_raise_obj(inject_exc);
                inject_exc = MP_OBJ_NULL;
                RAISE(exc);
            }
            for (;;) {
            dispatch_loop:
                f->ip = ip; // the instruction an exception is reported at
                switch (*ip++) {
                    case BC_LOAD_CONST_FALSE:
                        PUSH(mp_const_false);
                        break;
                    case BC_LOAD_CONST_NONE:
                        PUSH(mp_const_none);
                        break;
                    case BC_LOAD_CONST_TRUE:
                        PUSH(mp_const_true);
                        break;
                    case BC_LOAD_CONST_SMALL_INT: {
                        mp_uint_t num = 0;
                        if (ip[0] & 0x40) {
                            num--; // negative
                        }
                        do {
                            num = (num << 7) | (*ip & 0x7f);
                        } while (*ip++ & 0x80);
                        PUSH(MP_OBJ_NEW_SMALL_INT((mp_int_t)num));
                        break;
                    }
                    case BC_LOAD_CONST_STRING: {
                        DECODE_QSTR;
                        PUSH(MP_OBJ_NEW_QSTR(qst));
                        break;
                    }
                    case BC_LOAD_CONST_OBJ: {
                        DECODE_OBJ;
                        PUSH(obj);
                        break;
                    }
                    case BC_LOAD_NULL:
                        PUSH(MP_OBJ_NULL);
                        break;
                    case BC_LOAD_FAST_N: {
                        DECODE_UINT;
                        obj_shared = fastn[-(mp_int_t)unum];
                    load_check:
                        if (obj_shared == MP_OBJ_NULL) {
                        local_name_error: {
                                mp_obj_t obj = mp_obj_new_exception_msg(&mp_type_NameError,
                                    MP_ERROR_TEXT("local variable referenced before assignment"));
                                RAISE(obj);
                            }
                        }
                        PUSH(obj_shared);
                        break;
                    }
                    case BC_LOAD_DEREF: {
                        DECODE_UINT;
                        obj_shared = mp_obj_cell_get(vm_cell(fastn[-(mp_int_t)unum]));
                        goto load_check;
                    }
                    case BC_LOAD_NAME: {
                        DECODE_QSTR;
                        PUSH(mp_load_name(qst));
                        break;
                    }
                    case BC_LOAD_GLOBAL: {
                        DECODE_QSTR;
                        PUSH(mp_load_global(qst));
                        break;
                    }
                    case BC_LOAD_ATTR: {
                        DECODE_QSTR;
                        SET_TOP(mp_load_attr(TOP(), qst));
                        break;
                    }
                    case BC_LOAD_METHOD: {
                        DECODE_QSTR;
                        mp_load_method(*sp, qst, sp);
                        sp += 1;
                        break;
                    }
                    case BC_LOAD_SUPER_METHOD: {
                        DECODE_QSTR;
                        sp -= 1;
                        mp_load_super_method(qst, sp - 1);
                        break;
                    }
                    case BC_LOAD_BUILD_CLASS:
                        PUSH(mp_load_build_class());
                        break;
                    case BC_LOAD_SUBSCR: {
                        mp_obj_t index = POP();
                        SET_TOP(mp_obj_subscr(TOP(), index, MP_OBJ_SENTINEL));
                        break;
                    }
                    case BC_STORE_FAST_N: {
                        DECODE_UINT;
                        fastn[-(mp_int_t)unum] = POP();
                        break;
                    }
                    case BC_STORE_DEREF: {
                        DECODE_UINT;
                        mp_obj_cell_set(vm_cell(fastn[-(mp_int_t)unum]), POP());
                        break;
                    }
                    case BC_STORE_NAME: {
                        DECODE_QSTR;
                        mp_store_name(qst, POP());
                        break;
                    }
                    case BC_STORE_GLOBAL: {
                        DECODE_QSTR;
                        mp_store_global(qst, POP());
                        break;
                    }
                    case BC_STORE_ATTR: {
                        DECODE_QSTR;
                        mp_store_attr(sp[0], qst, sp[-1]);
                        sp -= 2;
                        break;
                    }
                    case BC_STORE_SUBSCR:
                        mp_obj_subscr(sp[-1], sp[0], sp[-2]);
                        sp -= 3;
                        break;
                    case BC_DELETE_FAST: {
                        DECODE_UINT;
                        if (fastn[-(mp_int_t)unum] == MP_OBJ_NULL) {
                            goto local_name_error;
                        }
                        fastn[-(mp_int_t)unum] = MP_OBJ_NULL;
                        break;
                    }
                    case BC_DELETE_DEREF: {
                        DECODE_UINT;
                        if (mp_obj_cell_get(vm_cell(fastn[-(mp_int_t)unum])) == MP_OBJ_NULL) {
                            goto local_name_error;
                        }
                        mp_obj_cell_set(fastn[-(mp_int_t)unum], MP_OBJ_NULL);
                        break;
                    }
                    case BC_DELETE_NAME: {
                        DECODE_QSTR;
                        mp_delete_name(qst);
                        break;
                    }
                    case BC_DELETE_GLOBAL: {
                        DECODE_QSTR;
                        mp_delete_global(qst);
                        break;
                    }
                    case BC_DUP_TOP: {
                        mp_obj_t top = TOP();
                        PUSH(top);
                        break;
                    }
                    case BC_DUP_TOP_TWO:
                        sp += 2;
                        sp[0] = sp[-2];
                        sp[-1] = sp[-3];
                        break;
                    case BC_POP_TOP:
                        sp -= 1;
                        break;
                    case BC_ROT_TWO: {
                        mp_obj_t top = sp[0];
                        sp[0] = sp[-1];
                        sp[-1] = top;
                        break;
                    }
                    case BC_ROT_THREE: {
                        mp_obj_t top = sp[0];
                        sp[0] = sp[-1];
                        sp[-1] = sp[-2];
                        sp[-2] = top;
                        break;
                    }
                    case BC_JUMP: {
                        DECODE_SLABEL;
                        ip += slab;
                        if (slab < 0) {
                            mp_hook_loop();
                        }
                        break;
                    }
                    case BC_JUMP_IF_UNWINDING: {
                        // Written by the loader for an `async with` handler's
                        // test (src/mpy/bc_lower.h).
                        DECODE_SLABEL;
                        if (f->exc_sp >= exc_stack && f->exc_sp->unwind != VM_UNWIND_NONE) {
                            ip += slab;
                        }
                        break;
                    }
                    case BC_POP_JUMP_IF_TRUE: {
                        DECODE_SLABEL;
                        if (mp_obj_is_true(POP())) {
                            ip += slab;
                            if (slab < 0) {
                                mp_hook_loop();
                            }
                        }
                        break;
                    }
                    case BC_POP_JUMP_IF_FALSE: {
                        DECODE_SLABEL;
                        if (!mp_obj_is_true(POP())) {
                            ip += slab;
                            if (slab < 0) {
                                mp_hook_loop();
                            }
                        }
                        break;
                    }
                    case BC_JUMP_IF_TRUE_OR_POP: {
                        DECODE_ULABEL;
                        if (mp_obj_is_true(TOP())) {
                            ip += ulab;
                        } else {
                            sp--;
                        }
                        break;
                    }
                    case BC_JUMP_IF_FALSE_OR_POP: {
                        DECODE_ULABEL;
                        if (mp_obj_is_true(TOP())) {
                            sp--;
                        } else {
                            ip += ulab;
                        }
                        break;
                    }
                    case BC_SETUP_WITH: {
                        // (..., ctx_mgr) -> (..., __exit__, ctx_mgr, as_value)
                        mp_obj_t obj = TOP();
                        mp_load_method(obj, MP_QSTR___exit__, sp);
                        mp_load_method(obj, MP_QSTR___enter__, sp + 2);
                        mp_obj_t ret = mp_call_method_n_kw(0, 0, sp + 2);
                        sp += 1;
                        PUSH_EXC_BLOCK(true);
                        PUSH(ret);
                        break;
                    }
                    case BC_WITH_CLEANUP: {
                        // On top: the "exception control block" (None, an
                        // unwind marker or an exception), under it __exit__
                        // and self. Calls __exit__ and drops it, moving the
                        // block down. The compiler reserved room above.
                        if (f->exc_sp->unwind != VM_UNWIND_NONE) {
                            // unwind return: (..., __exit__, ctx_mgr, ret_val, SMALL_INT(-1))
                            // unwind jump:   (..., __exit__, ctx_mgr, None, SMALL_INT(num_exc))
                            mp_obj_t data = sp[-1];
                            mp_obj_t cause = sp[0];
                            sp[-1] = mp_const_none;
                            sp[0] = mp_const_none;
                            sp[1] = mp_const_none;
                            mp_call_method_n_kw(3, 0, sp - 3);
                            sp[-3] = data;
                            sp[-2] = cause;
                            sp -= 2;
                        } else if (TOP() == mp_const_none) {
                            // (..., __exit__, ctx_mgr, None)
                            sp[1] = mp_const_none;
                            sp[2] = mp_const_none;
                            sp -= 2;
                            mp_call_method_n_kw(3, 0, sp);
                            SET_TOP(mp_const_none);
                        } else {
                            // (..., __exit__, ctx_mgr, exc_instance): call
                            // __exit__(type, instance, None).
                            sp[1] = sp[0];
                            sp[0] = MP_OBJ_FROM_PTR(mp_obj_get_type(sp[0]));
                            sp[2] = mp_const_none;
                            sp -= 2;
                            mp_obj_t ret_value = mp_call_method_n_kw(3, 0, sp);
                            if (mp_obj_is_true(ret_value)) {
                                // Swallowed: END_FINALLY sees None.
                                SET_TOP(mp_const_none);
                            } else {
                                // Re-raised by END_FINALLY.
                                sp[0] = sp[3];
                            }
                        }
                        break;
                    }
                    case BC_UNWIND_JUMP: {
                        DECODE_SLABEL;
                        unwind_dest = ip + slab;
                        // Handlers to unwind; bit 7: also pop a for-iterator.
                        unwind_count = *ip;
                    unwind_jump:
                        while ((unwind_count & 0x7f) > 0) {
                            unwind_count -= 1;
                            if (f->exc_sp->is_finally) {
                                if (f->exc_sp->handler >= ip) {
                                    // A finally not yet running: run it
                                    // on (..., None, SMALL_INT(count)); its
                                    // END_FINALLY goes on with the jump.
                                    f->exc_sp->unwind = VM_UNWIND_JUMP;
                                    f->exc_sp->unwind_count = (uint8_t)unwind_count;
                                    f->exc_sp->unwind_dest = unwind_dest;
                                    PUSH(mp_const_none);
                                    PUSH(MP_OBJ_NEW_SMALL_INT(unwind_count));
                                    ip = f->exc_sp->handler;
                                    goto dispatch_loop;
                                }
                                // One already running: drop what it was
                                // entered with.
                                sp -= f->exc_sp->unwind != VM_UNWIND_NONE ? 2 : 1;
                            }
                            POP_EXC_BLOCK();
                        }
                        ip = unwind_dest;
                        if (unwind_count != 0) {
                            sp -= MP_OBJ_ITER_BUF_NSLOTS; // the exhausted iterator
                        }
                        break;
                    }
                    case BC_SETUP_EXCEPT:
                    case BC_SETUP_FINALLY: {
                        bool finally = ip[-1] == BC_SETUP_FINALLY;
                        PUSH_EXC_BLOCK(finally);
                        break;
                    }
                    case BC_END_FINALLY: {
                        // A block entered by a jump or return goes on with
                        // it (the value and the marker on top). Else None on
                        // top goes on, anything else is raised.
                        const vm_exc_block_t *b = f->exc_sp;
                        POP_EXC_BLOCK();
                        if (b->unwind == VM_UNWIND_RETURN) {
                            sp--; // the marker: the value is on top
                            goto unwind_return;
                        } else if (b->unwind == VM_UNWIND_JUMP) {
                            sp -= 2; // the marker and its placeholder
                            unwind_dest = b->unwind_dest;
                            unwind_count = b->unwind_count;
                            goto unwind_jump;
                        } else if (TOP() == mp_const_none) {
                            sp--;
                        } else {
                            RAISE(vm_make_raise_obj(TOP()));
                        }
                        break;
                    }
                    case BC_GET_ITER:
                        SET_TOP(mp_getiter(TOP(), NULL));
                        break;
                    case BC_GET_ITER_STACK: {
                        // The iterator takes MP_OBJ_ITER_BUF_NSLOTS stack
                        // slots: it lives there, or slot 0 is NULL and slot
                        // 1 holds it.
                        mp_obj_t obj = TOP();
                        mp_obj_iter_buf_t *iter_buf = (mp_obj_iter_buf_t *)sp;
                        sp += MP_OBJ_ITER_BUF_NSLOTS - 1;
                        obj = mp_getiter(obj, iter_buf);
                        if (obj != MP_OBJ_FROM_PTR(iter_buf)) {
                            *(sp - MP_OBJ_ITER_BUF_NSLOTS + 1) = MP_OBJ_NULL;
                            *(sp - MP_OBJ_ITER_BUF_NSLOTS + 2) = obj;
                        }
                        break;
                    }
                    case BC_FOR_ITER: {
                        DECODE_ULABEL;
                        f->sp = sp; // a StopIteration raised pops the iterator from here
                        mp_obj_t obj;
                        if (*(sp - MP_OBJ_ITER_BUF_NSLOTS + 1) == MP_OBJ_NULL) {
                            obj = *(sp - MP_OBJ_ITER_BUF_NSLOTS + 2);
                        } else {
                            obj = MP_OBJ_FROM_PTR(&sp[-(int)MP_OBJ_ITER_BUF_NSLOTS + 1]);
                        }
                        mp_obj_t value = mp_iternext_allow_raise(obj);
                        if (value == MP_OBJ_STOP_ITERATION) {
                            sp -= MP_OBJ_ITER_BUF_NSLOTS;
                            ip += ulab;
                        } else {
                            PUSH(value);
                        }
                        break;
                    }
                    case BC_POP_EXCEPT_JUMP: {
                        POP_EXC_BLOCK();
                        DECODE_ULABEL;
                        ip += ulab;
                        break;
                    }
                    case BC_BUILD_TUPLE: {
                        DECODE_UINT;
                        sp = sp + 1 - unum; // unum may be 0
                        SET_TOP(mp_obj_new_tuple(unum, sp));
                        break;
                    }
                    case BC_BUILD_LIST: {
                        DECODE_UINT;
                        sp = sp + 1 - unum; // unum may be 0
                        SET_TOP(mp_obj_new_list(unum, sp));
                        break;
                    }
                    case BC_BUILD_MAP: {
                        DECODE_UINT;
                        PUSH(mp_obj_new_dict(unum));
                        break;
                    }
                    case BC_STORE_MAP:
                        sp -= 2;
                        mp_obj_dict_store(sp[0], sp[2], sp[1]);
                        break;
                    case BC_BUILD_SET: {
                        DECODE_UINT;
                        sp = sp + 1 - unum; // unum may be 0
                        SET_TOP(mp_obj_new_set(unum, sp));
                        break;
                    }
                    case BC_BUILD_SLICE: {
                        DECODE_UINT;
                        mp_obj_t step = mp_const_none;
                        if (unum == 3) {
                            step = POP();
                        }
                        mp_obj_t stop = POP();
                        mp_obj_t start = TOP();
                        SET_TOP(mp_obj_new_slice(start, stop, step));
                        break;
                    }
                    case BC_STORE_COMP: {
                        // unum >> 2: depth of the collection; & 3: list, dict, set
                        DECODE_UINT;
                        mp_obj_t obj = sp[-(mp_int_t)(unum >> 2)];
                        if ((unum & 3) == 0) {
                            mp_obj_list_append(obj, sp[0]);
                            sp--;
                        } else if ((unum & 3) == 1) {
                            mp_obj_dict_store(obj, sp[0], sp[-1]);
                            sp -= 2;
                        } else {
                            mp_obj_set_store(obj, sp[0]);
                            sp--;
                        }
                        break;
                    }
                    case BC_UNPACK_SEQUENCE: {
                        DECODE_UINT;
                        mp_unpack_sequence(sp[0], unum, sp);
                        sp = sp + unum - 1;
                        break;
                    }
                    case BC_UNPACK_EX: {
                        DECODE_UINT;
                        mp_unpack_ex(sp[0], unum, sp);
                        sp += (unum & 0xff) + ((unum >> 8) & 0xff);
                        break;
                    }
                    case BC_MAKE_FUNCTION: {
                        DECODE_PTR;
                        PUSH(mp_make_function_from_raw_code(ptr, f->fun_bc->context, NULL));
                        break;
                    }
                    case BC_MAKE_FUNCTION_DEFARGS: {
                        DECODE_PTR;
                        // (..., def_tuple, def_dict)
                        sp -= 1;
                        SET_TOP(mp_make_function_from_raw_code(ptr, f->fun_bc->context, sp));
                        break;
                    }
                    case BC_MAKE_CLOSURE: {
                        DECODE_PTR;
                        size_t n_closed_over = *ip++;
                        sp = sp + 1 - n_closed_over;
                        SET_TOP(make_closure(ptr, f->fun_bc->context, n_closed_over, sp));
                        break;
                    }
                    case BC_MAKE_CLOSURE_DEFARGS: {
                        DECODE_PTR;
                        size_t n_closed_over = *ip++;
                        // (..., def_tuple, def_dict, closed_overs...)
                        sp = sp - 1 - n_closed_over;
                        SET_TOP(make_closure(ptr, f->fun_bc->context, 0x100 | n_closed_over, sp));
                        break;
                    }
                    case BC_CALL_FUNCTION: {
                        // unum: n_positional | n_keyword << 8
                        DECODE_UINT;
                        sp -= (unum & 0xff) + ((unum >> 7) & 0x1fe);
                        SET_TOP(mp_call_function_n_kw(*sp, unum & 0xff, (unum >> 8) & 0xff, sp + 1));
                        break;
                    }
                    case BC_CALL_FUNCTION_VAR_KW: {
                        // (fun, args..., kw/value pairs..., bitmap)
                        DECODE_UINT;
                        sp -= (unum & 0xff) + ((unum >> 7) & 0x1fe) + 1;
                        SET_TOP(mp_call_method_n_kw_var(false, unum, sp));
                        break;
                    }
                    case BC_CALL_METHOD: {
                        DECODE_UINT;
                        sp -= (unum & 0xff) + ((unum >> 7) & 0x1fe) + 1;
                        SET_TOP(mp_call_method_n_kw(unum & 0xff, (unum >> 8) & 0xff, sp));
                        break;
                    }
                    case BC_CALL_METHOD_VAR_KW: {
                        DECODE_UINT;
                        sp -= (unum & 0xff) + ((unum >> 7) & 0x1fe) + 2;
                        SET_TOP(mp_call_method_n_kw_var(true, unum, sp));
                        break;
                    }
                    case BC_RETURN_VALUE:
                    unwind_return:
                        // Run the finally handlers not yet running; each
                        // comes back here through END_FINALLY (marker -1).
                        // From here on only the value on top matters: the
                        // state of a finally already running is left where
                        // it is (it need not lie just below the value).
                        while (f->exc_sp >= exc_stack) {
                            if (f->exc_sp->is_finally && f->exc_sp->handler >= ip) {
                                // (..., X, [iterators...,] ret_val): drop
                                // the iterators, keep the value.
                                mp_obj_t *finally_sp = f->exc_sp->val_sp;
                                finally_sp[1] = sp[0];
                                sp = &finally_sp[1];
                                PUSH(MP_OBJ_NEW_SMALL_INT(-1));
                                f->exc_sp->unwind = VM_UNWIND_RETURN;
                                ip = f->exc_sp->handler;
                                goto dispatch_loop;
                            }
                            POP_EXC_BLOCK();
                        }
                        nlr_pop();
                        f->sp = sp;
                        *result = *sp;
                        return VM_RETURN_NORMAL;
                    case BC_RAISE_LAST: {
                        // Re-raise the innermost exception being handled.
                        mp_obj_t obj = MP_OBJ_NULL;
                        for (vm_exc_block_t *e = f->exc_sp; e >= exc_stack; --e) {
                            if (e->prev_exc != NULL) {
                                obj = MP_OBJ_FROM_PTR(e->prev_exc);
                                break;
                            }
                        }
                        if (obj == MP_OBJ_NULL) {
                            obj = mp_obj_new_exception_msg(&mp_type_RuntimeError,
                                MP_ERROR_TEXT("no active exception to reraise"));
                        }
                        RAISE(obj);
                    }
                    case BC_RAISE_OBJ: {
                        mp_obj_t obj = vm_make_raise_obj(TOP());
                        RAISE(obj);
                    }
                    case BC_RAISE_FROM: {
                        mp_printf(&mp_stderr_print, "Warning: exception chaining not supported\n");
                        sp--; // the "from" object is ignored
                        mp_obj_t obj = vm_make_raise_obj(TOP());
                        RAISE(obj);
                    }
                    case BC_YIELD_VALUE:
                    yield:
                        nlr_pop();
                        f->ip = ip;
                        f->sp = sp;
                        *result = *sp;
                        return VM_RETURN_YIELD;
                    case BC_YIELD_FROM: {
                        // (..., iterator, send_value): one step of the
                        // iterator; while it yields, so does this frame,
                        // resuming at this instruction.
                        mp_obj_t send_value = POP();
                        mp_obj_t t_exc = MP_OBJ_NULL;
                        mp_obj_t ret_value;
                        vm_return_kind_t ret_kind;
                        f->sp = sp; // for a StopIteration raised by the resume
                        if (inject_exc != MP_OBJ_NULL) {
                            t_exc = inject_exc;
                            inject_exc = MP_OBJ_NULL;
                            ret_kind = vm_resume(TOP(), MP_OBJ_NULL, t_exc, &ret_value);
                        } else {
                            ret_kind = vm_resume(TOP(), send_value, MP_OBJ_NULL, &ret_value);
                        }
                        if (ret_kind == VM_RETURN_YIELD) {
                            ip--;
                            PUSH(ret_value);
                            goto yield;
                        } else if (ret_kind == VM_RETURN_NORMAL) {
                            // Finished: its return value replaces it.
                            SET_TOP(ret_value);
                            // A GeneratorExit passed on is raised here even
                            // when the iterator swallowed it.
                            if (t_exc != MP_OBJ_NULL &&
                                mp_obj_exception_match(t_exc, MP_OBJ_FROM_PTR(&mp_type_GeneratorExit))) {
                                mp_obj_t raise_t = vm_make_raise_obj(t_exc);
                                RAISE(raise_t);
                            }
                        } else {
                            sp--; // the exhausted iterator
                            RAISE(ret_value);
                        }
                        break;
                    }
                    case BC_IMPORT_NAME: {
                        // (..., level, fromlist)
                        DECODE_QSTR;
                        mp_obj_t obj = POP();
                        SET_TOP(mp_import_name(qst, obj, TOP()));
                        break;
                    }
                    case BC_IMPORT_FROM: {
                        DECODE_QSTR;
                        mp_obj_t obj = mp_import_from(TOP(), qst);
                        PUSH(obj);
                        break;
                    }
                    case BC_IMPORT_STAR:
                        mp_import_all(POP());
                        break;
                    default: {
                        byte op = ip[-1];
                        if (op >= BC_LOAD_CONST_SMALL_INT_MULTI && op < BC_LOAD_CONST_SMALL_INT_MULTI + 64) {
                            PUSH(MP_OBJ_NEW_SMALL_INT((mp_int_t)op - BC_LOAD_CONST_SMALL_INT_MULTI
                                - BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS));
                        } else if (op >= BC_LOAD_FAST_MULTI && op < BC_LOAD_FAST_MULTI + 16) {
                            obj_shared = fastn[BC_LOAD_FAST_MULTI - (mp_int_t)op];
                            goto load_check;
                        } else if (op >= BC_STORE_FAST_MULTI && op < BC_STORE_FAST_MULTI + 16) {
                            fastn[BC_STORE_FAST_MULTI - (mp_int_t)op] = POP();
                        } else if (op >= BC_UNARY_OP_MULTI && op < BC_UNARY_OP_MULTI + BC_UNARY_OP_COUNT) {
                            SET_TOP(mp_unary_op((mp_unary_op_t)(op - BC_UNARY_OP_MULTI), TOP()));
                        } else if (op >= BC_BINARY_OP_MULTI && op < BC_BINARY_OP_MULTI + BC_BINARY_OP_COUNT) {
                            mp_obj_t rhs = POP();
                            mp_obj_t lhs = TOP();
                            SET_TOP(mp_binary_op((mp_binary_op_t)(op - BC_BINARY_OP_MULTI), lhs, rhs));
                        } else {
                            mp_obj_t obj = mp_obj_new_exception_msg_varg(&mp_type_NotImplementedError,
                                MP_ERROR_TEXT("opcode 0x%02x"), (unsigned)op);
                            nlr_pop();
                            *result = obj;
                            return VM_RETURN_EXCEPTION;
                        }
                        break;
                    }
                }
            }
        } else {
        exception_handler:;
            mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
            const mp_obj_type_t *exc_type = ((mp_obj_base_t *)nlr.ret_val)->type;
            if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(exc_type), MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
                if (*f->ip == BC_FOR_ITER) {
                    // StopIteration out of a for loop's iterator ends the loop.
                    const byte *ip = f->ip + 1;
                    DECODE_ULABEL;
                    f->ip = ip + ulab;
                    f->sp -= MP_OBJ_ITER_BUF_NSLOTS;
                    goto outer_dispatch_loop;
                } else if (*f->ip == BC_YIELD_FROM) {
                    // The delegate finished: its value is the result.
                    *f->sp = mp_obj_exception_get_value(exc);
                    f->ip++;
                    goto outer_dispatch_loop;
                }
            }

            // Exceptions re-raised by END_FINALLY and "raise" carry their
            // place already.
            if (*f->ip != BC_END_FINALLY && *f->ip != BC_RAISE_LAST) {
                add_traceback(f, exc);
            }

            // Handlers whose code is running (the exception came from
            // inside them) are done with.
            while (f->exc_sp >= exc_stack && f->exc_sp->handler <= f->ip) {
                POP_EXC_BLOCK();
            }

            // A fault of native code is caught by no handler (native_fault.h).
            if (f->exc_sp >= exc_stack && !native_fault_is(exc)) {
                // Caught: continue at the handler with the exception pushed.
                f->ip = f->exc_sp->handler;
                f->exc_sp->unwind = VM_UNWIND_NONE;
                mp_obj_t *sp = f->exc_sp->val_sp;
                f->exc_sp->prev_exc = nlr.ret_val;
                PUSH(exc);
                f->sp = sp;
            } else {
                *result = exc;
                return VM_RETURN_EXCEPTION;
            }
        }
    }
}
