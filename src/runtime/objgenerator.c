// Generators, as MicroPython v1.21 has them: calling a generator function
// (mp_type_gen_wrap) binds the arguments into a frame kept in the
// generator instance, which the VM runs a step at a time (YIELD_VALUE
// returns to the caller, the next resume continues there). send(),
// throw(), close() and the iterator protocol drive it.
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/vm.h"

typedef struct {
    mp_obj_base_t base;
    mp_obj_dict_t *globals;
    bool running; // guards against re-entering a running generator
    bool finished;
    mp_obj_t pend_exc; // thrown in at the next resume (pend_throw), or MP_OBJ_NULL
    vm_frame_t frame; // its state and handler stack follow in state[]
    mp_obj_t state[];
} gen_instance_t;

mp_obj_t vm_make_generator(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_fun_bc_t *self = MP_OBJ_TO_PTR(fun);
    vm_sig_t sig;
    vm_decode_sig(self->bytecode, &sig);
    size_t exc_words = (sizeof(vm_exc_block_t) + sizeof(mp_obj_t) - 1) / sizeof(mp_obj_t);
    size_t words = sig.n_state + sig.n_exc_stack * exc_words;
    gen_instance_t *o = mp_obj_malloc_helper(sizeof(gen_instance_t) + words * sizeof(mp_obj_t),
        &mp_type_gen_instance);
    o->globals = self->context->module.globals;
    o->pend_exc = MP_OBJ_NULL;
    o->frame.fun_bc = self;
    o->frame.n_state = sig.n_state;
    o->frame.state = o->state;
    o->frame.exc_stack = (vm_exc_block_t *)(o->state + sig.n_state);
    vm_setup_frame(&o->frame, n_args, n_kw, args);
    return MP_OBJ_FROM_PTR(o);
}

static vm_return_kind_t gen_resume(gen_instance_t *self, mp_obj_t send_value, mp_obj_t throw_value,
                                   mp_obj_t *ret_val) {
    mp_stack_check(); // chains of generators resume each other through here
    if (self->finished) {
        // Resuming a finished generator: StopIteration(None).
        *ret_val = mp_const_none;
        return VM_RETURN_NORMAL;
    }
    if (self->running) {
        mp_raise_ValueError(MP_ERROR_TEXT("generator already executing"));
    }
    if (self->pend_exc != MP_OBJ_NULL) {
        throw_value = self->pend_exc;
        self->pend_exc = MP_OBJ_NULL;
    }
    vm_frame_t *f = &self->frame;
    if (f->sp == f->state - 1) {
        // Not started: nothing waits for a value yet.
        if (send_value != mp_const_none) {
            mp_raise_TypeError(MP_ERROR_TEXT("can't send non-None value to a just-started generator"));
        }
    } else {
        // The value of the yield expression it stopped at.
        *f->sp = send_value;
    }
    mp_obj_dict_t *old_globals = mp_globals_get();
    mp_globals_set(self->globals);
    self->running = true;
    vm_return_kind_t kind = vm_execute(f, throw_value, ret_val);
    self->running = false;
    mp_globals_set(old_globals);
    if (kind != VM_RETURN_YIELD) {
        self->finished = true;
    }
    if (kind == VM_RETURN_EXCEPTION &&
        mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(*ret_val)), MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
        // PEP 479: a StopIteration leaving a generator becomes RuntimeError.
        *ret_val = mp_obj_new_exception_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("generator raised StopIteration"));
    }
    return kind;
}

vm_return_kind_t vm_resume(mp_obj_t self_in, mp_obj_t send_value, mp_obj_t throw_value, mp_obj_t *ret_val) {
    if (mp_obj_is_type(self_in, &mp_type_gen_instance)) {
        return gen_resume(MP_OBJ_TO_PTR(self_in), send_value, throw_value, ret_val);
    }
    mp_obj_t dest[3];
    if (throw_value == MP_OBJ_NULL && send_value == mp_const_none) {
        // A plain iterator; its StopIteration's value is the result.
        mp_state.stop_iteration_arg = MP_OBJ_NULL;
        mp_obj_t ret = mp_iternext(self_in);
        if (ret == MP_OBJ_STOP_ITERATION) {
            *ret_val = mp_state.stop_iteration_arg == MP_OBJ_NULL ? mp_const_none : mp_state.stop_iteration_arg;
            return VM_RETURN_NORMAL;
        }
        *ret_val = ret;
        return VM_RETURN_YIELD;
    }
    if (send_value != MP_OBJ_NULL && throw_value == MP_OBJ_NULL) {
        mp_load_method(self_in, MP_QSTR_send, dest);
        dest[2] = send_value;
        *ret_val = mp_call_method_n_kw(1, 0, dest);
        return VM_RETURN_YIELD;
    }
    // Throwing in: close() for GeneratorExit, else throw(), if it has them.
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(throw_value)), MP_OBJ_FROM_PTR(&mp_type_GeneratorExit))) {
        mp_load_method_maybe(self_in, MP_QSTR_close, dest);
        if (dest[0] != MP_OBJ_NULL) {
            *ret_val = mp_call_method_n_kw(0, 0, dest);
            return VM_RETURN_NORMAL;
        }
    } else {
        mp_load_method_maybe(self_in, MP_QSTR_throw, dest);
        if (dest[0] != MP_OBJ_NULL) {
            dest[2] = throw_value;
            *ret_val = mp_call_method_n_kw(1, 0, dest);
            return VM_RETURN_YIELD;
        }
    }
    if (mp_obj_exception_match(throw_value, MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
        *ret_val = mp_obj_new_exception_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("generator raised StopIteration"));
    } else {
        *ret_val = vm_make_raise_obj(throw_value);
    }
    return VM_RETURN_EXCEPTION;
}

// One step, as the caller wants the end reported: raised as StopIteration,
// or (iteration) MP_OBJ_STOP_ITERATION when the value is None.
static mp_obj_t gen_resume_and_raise(mp_obj_t self_in, mp_obj_t send_value, mp_obj_t throw_value,
                                     bool raise_stop_iteration) {
    mp_obj_t ret;
    switch (gen_resume(MP_OBJ_TO_PTR(self_in), send_value, throw_value, &ret)) {
        case VM_RETURN_YIELD:
            return ret;
        case VM_RETURN_EXCEPTION:
            nlr_raise(ret);
        default:
            if (ret == mp_const_none) {
                ret = MP_OBJ_NULL;
            }
            if (raise_stop_iteration) {
                mp_raise_StopIteration(ret);
            }
            // Plain iteration (for, list(), sum()) ends quietly whatever the
            // return value; next() raises it (yield from gets it through
            // gen_resume).
            mp_state.stop_iteration_arg = ret;
            return MP_OBJ_STOP_ITERATION;
    }
}

static mp_obj_t gen_iternext(mp_obj_t self_in) {
    return gen_resume_and_raise(self_in, mp_const_none, MP_OBJ_NULL, false);
}

static mp_obj_t gen_send(mp_obj_t self_in, mp_obj_t send_value) {
    return gen_resume_and_raise(self_in, send_value, MP_OBJ_NULL, true);
}
static MP_DEFINE_CONST_FUN_OBJ_2(gen_send_obj, gen_send);

// throw(exc) or throw(type, value[, traceback]): value wins when given.
static mp_obj_t gen_throw(size_t n_args, const mp_obj_t *args) {
    mp_obj_t exc = args[1];
    if (n_args > 2 && args[2] != mp_const_none) {
        exc = args[2];
    }
    return gen_resume_and_raise(args[0], mp_const_none, exc, true);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(gen_throw_obj, 2, 4, gen_throw);

static mp_obj_t gen_close(mp_obj_t self_in) {
    mp_obj_t ret;
    switch (gen_resume(MP_OBJ_TO_PTR(self_in), mp_const_none, mp_obj_new_exception(&mp_type_GeneratorExit), &ret)) {
        case VM_RETURN_YIELD:
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("generator ignored GeneratorExit"));
        case VM_RETURN_EXCEPTION:
            if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(ret)), MP_OBJ_FROM_PTR(&mp_type_GeneratorExit)) ||
                mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(ret)), MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
                return mp_const_none;
            }
            nlr_raise(ret);
        default:
            return mp_const_none;
    }
}
static MP_DEFINE_CONST_FUN_OBJ_1(gen_close_obj, gen_close);

// pend_throw(exc): exc is thrown in when the generator next resumes (None
// cancels); returns the exception pending before. MicroPython's asyncio
// cancels tasks with it.
static mp_obj_t gen_pend_throw(mp_obj_t self_in, mp_obj_t exc) {
    gen_instance_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->running) {
        mp_raise_ValueError(MP_ERROR_TEXT("generator already executing"));
    }
    mp_obj_t prev = self->pend_exc == MP_OBJ_NULL ? mp_const_none : self->pend_exc;
    self->pend_exc = exc == mp_const_none ? MP_OBJ_NULL : exc;
    return prev;
}
static MP_DEFINE_CONST_FUN_OBJ_2(gen_pend_throw_obj, gen_pend_throw);

static void gen_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    gen_instance_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<generator object '%q' at %p>",
        mp_obj_fun_bc_get_name(MP_OBJ_FROM_PTR(self->frame.fun_bc)), self);
}

static const mp_rom_map_elem_t gen_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_close), MP_ROM_PTR(&gen_close_obj) },
    { MP_ROM_QSTR(MP_QSTR_pend_throw), MP_ROM_PTR(&gen_pend_throw_obj) },
    { MP_ROM_QSTR(MP_QSTR_send), MP_ROM_PTR(&gen_send_obj) },
    { MP_ROM_QSTR(MP_QSTR_throw), MP_ROM_PTR(&gen_throw_obj) },
};
static MP_DEFINE_CONST_DICT(gen_locals_dict, gen_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_gen_instance,
    MP_QSTR_generator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    print, gen_print,
    iter, gen_iternext,
    locals_dict, &gen_locals_dict
    );

// The generator function itself: same layout as a bytecode function, and
// calling it makes the instance.
static mp_obj_t gen_wrap_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return vm_make_generator(self_in, n_args, n_kw, args);
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_gen_wrap,
    MP_QSTR_generator,
    MP_TYPE_FLAG_BINDS_SELF,
    attr, mp_obj_fun_bc_attr,
    call, gen_wrap_call
    );
