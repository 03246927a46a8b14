// Function objects made from code: bytecode functions (run by the VM, with
// MicroPython's argument binding from the prelude), native/viper functions
// (machine code called with the firmware's calling convention
// fun(self, n_args, n_kw, args)) and inline-assembler functions.
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/vm.h"
#include "runtime/native_code.h"

// Frames up to this many words live on the C stack, larger ones on the heap.
#define VM_STACK_FRAME_WORDS 40

// The qstr of local number i's name etc. are stored as indices into the
// module's qstr table.
static qstr context_qstr(const mp_obj_fun_bc_t *self, mp_uint_t index) {
    return self->context->constants.qstr_table[index];
}

static NORETURN void pos_args_mismatch(mp_obj_fun_bc_t *f, size_t expected, size_t given) {
    mp_raise_msg_varg(&mp_type_TypeError,
        MP_ERROR_TEXT("%q() takes %d positional arguments but %d were given"),
        mp_obj_fun_bc_get_name(MP_OBJ_FROM_PTR(f)), (int)expected, (int)given);
}

// A keyword's name as a qstr object (callers pass qstrs; **kwargs may
// bring str objects).
static mp_obj_t kw_name(mp_obj_t key) {
    if (mp_obj_is_qstr(key)) {
        return key;
    }
    return MP_OBJ_NEW_QSTR(mp_obj_str_get_qstr(key));
}

void vm_setup_frame(vm_frame_t *f, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_fun_bc_t *self = f->fun_bc;
    size_t n_state = f->n_state;
    vm_sig_t sig;
    const byte *ip = vm_decode_sig(self->bytecode, &sig);
    size_t n_info, n_cell;
    ip = vm_decode_size(ip, &n_info, &n_cell);
    const byte *source_info = ip; // function name, then argument names
    size_t n_pos_args = sig.n_pos_args, n_kwonly_args = sig.n_kwonly_args;
    size_t n_def_pos_args = sig.n_def_pos_args, scope_flags = sig.scope_flags;
    mp_obj_t *state = f->state;
    memset(state, 0, n_state * sizeof(mp_obj_t));
    const mp_obj_t *kwargs = n_args ? args + n_args : args; // args may be NULL when empty

    // Where *args and then **kwargs go: the locals after the named arguments.
    mp_obj_t *var_pos_kw_args = &state[n_state - 1 - n_pos_args - n_kwonly_args];

    if (n_args > n_pos_args) {
        if ((scope_flags & MP_SCOPE_FLAG_VARARGS) == 0) {
            pos_args_mismatch(self, n_pos_args, n_args);
        }
        *var_pos_kw_args-- = mp_obj_new_tuple(n_args - n_pos_args, args + n_pos_args);
        n_args = n_pos_args;
    } else {
        if ((scope_flags & MP_SCOPE_FLAG_VARARGS) != 0) {
            *var_pos_kw_args-- = mp_const_empty_tuple;
        }
        // Positional-only calls are checked here; with keywords below.
        if (n_kw == 0 && (scope_flags & MP_SCOPE_FLAG_DEFKWARGS) == 0) {
            if (n_args >= n_pos_args - n_def_pos_args) {
                for (size_t i = n_args; i < n_pos_args; i++) {
                    state[n_state - 1 - i] = self->extra_args[i - (n_pos_args - n_def_pos_args)];
                }
            } else {
                pos_args_mismatch(self, n_pos_args - n_def_pos_args, n_args);
            }
        }
    }

    for (size_t i = 0; i < n_args; i++) {
        state[n_state - 1 - i] = args[i];
    }

    if (n_kw != 0 || (scope_flags & MP_SCOPE_FLAG_DEFKWARGS) != 0) {
        mp_obj_t dict = MP_OBJ_NULL;
        if ((scope_flags & MP_SCOPE_FLAG_VARKEYWORDS) != 0) {
            dict = mp_obj_new_dict(n_kw);
            *var_pos_kw_args = dict;
        }
        for (size_t i = 0; i < n_kw; i++) {
            mp_obj_t wanted = kw_name(kwargs[2 * i]);
            const byte *arg_names = vm_skip_uint(source_info);
            bool matched = false;
            for (size_t j = 0; j < n_pos_args + n_kwonly_args; j++) {
                qstr arg_qstr = context_qstr(self, vm_decode_uint(&arg_names));
                if (wanted == MP_OBJ_NEW_QSTR(arg_qstr)) {
                    if (state[n_state - 1 - j] != MP_OBJ_NULL) {
                        goto error_multiple;
                    }
                    state[n_state - 1 - j] = kwargs[2 * i + 1];
                    matched = true;
                    break;
                }
            }
            if (matched) {
                continue;
            }
            if ((scope_flags & MP_SCOPE_FLAG_VARKEYWORDS) == 0) {
                mp_raise_msg_varg(&mp_type_TypeError,
                    MP_ERROR_TEXT("unexpected keyword argument '%q'"), (qstr)MP_OBJ_QSTR_VALUE(wanted));
            }
            mp_map_elem_t *elem = mp_map_lookup(mp_obj_dict_get_map(dict), wanted, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
            if (elem->value != MP_OBJ_NULL) {
                goto error_multiple;
            }
            elem->value = kwargs[2 * i + 1];
            continue;
        error_multiple:
            mp_raise_msg_varg(&mp_type_TypeError,
                MP_ERROR_TEXT("function got multiple values for argument '%q'"), (qstr)MP_OBJ_QSTR_VALUE(wanted));
        }

        // Defaults for the positional arguments not given: the last
        // n_def_pos_args arguments (stored in reverse order in state[]).
        mp_obj_t *d = &state[n_state - n_pos_args];
        for (size_t i = n_def_pos_args; i > 0; i--, d++) {
            if (*d == MP_OBJ_NULL) {
                *d = self->extra_args[i - 1];
            }
        }
        while (d < &state[n_state]) {
            if (*d++ == MP_OBJ_NULL) {
                mp_raise_msg_varg(&mp_type_TypeError,
                    MP_ERROR_TEXT("function missing required positional argument #%d"),
                    (int)(&state[n_state] - d));
            }
        }

        // Keyword-only arguments: given, from the defaults dict, or an error.
        const byte *arg_names = vm_skip_uint(source_info);
        for (size_t i = 0; i < n_pos_args; i++) {
            arg_names = vm_skip_uint(arg_names);
        }
        for (size_t i = 0; i < n_kwonly_args; i++) {
            qstr arg_qstr = context_qstr(self, vm_decode_uint(&arg_names));
            if (state[n_state - 1 - n_pos_args - i] == MP_OBJ_NULL) {
                mp_map_elem_t *elem = NULL;
                if ((scope_flags & MP_SCOPE_FLAG_DEFKWARGS) != 0) {
                    elem = mp_map_lookup(mp_obj_dict_get_map(self->extra_args[n_def_pos_args]),
                        MP_OBJ_NEW_QSTR(arg_qstr), MP_MAP_LOOKUP);
                }
                if (elem == NULL) {
                    mp_raise_msg_varg(&mp_type_TypeError,
                        MP_ERROR_TEXT("function missing required keyword argument '%q'"), arg_qstr);
                }
                state[n_state - 1 - n_pos_args - i] = elem->value;
            }
        }
    } else {
        if (n_kwonly_args != 0) {
            mp_raise_TypeError(MP_ERROR_TEXT("function missing keyword-only argument"));
        }
        if ((scope_flags & MP_SCOPE_FLAG_VARKEYWORDS) != 0) {
            *var_pos_kw_args = mp_obj_new_dict(0);
        }
    }

    // Closed-over locals become cells (holding the argument, if any).
    ip = source_info + n_info;
    for (; n_cell; --n_cell) {
        size_t local_num = *ip++;
        state[n_state - 1 - local_num] = mp_obj_new_cell(state[n_state - 1 - local_num]);
    }
    f->ip = ip;
    f->sp = &state[0] - 1;
    f->exc_sp = f->exc_stack - 1;
}

mp_obj_t mp_obj_fun_bc_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_stack_check();
    mp_obj_fun_bc_t *self = MP_OBJ_TO_PTR(self_in);
    vm_sig_t sig;
    vm_decode_sig(self->bytecode, &sig);
    if (sig.scope_flags & MP_SCOPE_FLAG_GENERATOR) {
        return vm_make_generator(self_in, n_args, n_kw, args);
    }
    size_t exc_words = (sizeof(vm_exc_block_t) + sizeof(mp_obj_t) - 1) / sizeof(mp_obj_t);
    size_t words = sig.n_state + sig.n_exc_stack * exc_words;
    mp_obj_t local[VM_STACK_FRAME_WORDS];
    mp_obj_t *mem = words <= VM_STACK_FRAME_WORDS ? local : m_malloc(words * sizeof(mp_obj_t));
    vm_frame_t f;
    f.fun_bc = self;
    f.n_state = sig.n_state;
    f.state = mem;
    f.exc_stack = (vm_exc_block_t *)(mem + sig.n_state);
    vm_setup_frame(&f, n_args, n_kw, args);

    mp_obj_dict_t *old_globals = mp_globals_get();
    mp_globals_set(self->context->module.globals);
    mp_obj_t result;
    vm_return_kind_t kind = vm_execute(&f, MP_OBJ_NULL, &result);
    mp_globals_set(old_globals);
    if (mem != local) {
        m_free(mem);
    }
    if (kind != VM_RETURN_NORMAL) {
        nlr_raise(result);
    }
    return result;
}

qstr mp_obj_fun_bc_get_name(mp_const_obj_t fun_in) {
    const mp_obj_fun_bc_t *fun = MP_OBJ_TO_PTR(fun_in);
    if (fun->base.type != &mp_type_fun_bc && fun->base.type != &mp_type_gen_wrap) {
        // Native code keeps no name (as in the firmware).
        return MP_QSTR_;
    }
    vm_sig_t sig;
    size_t n_info, n_cell;
    const byte *ip = vm_decode_size(vm_decode_sig(fun->bytecode, &sig), &n_info, &n_cell);
    return context_qstr(fun, vm_decode_uint(&ip));
}

static void fun_bc_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    (void)kind;
    mp_printf(print, "<function %q at 0x%p>", mp_obj_fun_bc_get_name(o_in), MP_OBJ_TO_PTR(o_in));
}

void mp_obj_fun_bc_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // store/delete: not supported
    }
    if (attr == MP_QSTR___name__) {
        dest[0] = MP_OBJ_NEW_QSTR(mp_obj_fun_bc_get_name(self_in));
    } else if (attr == MP_QSTR___globals__) {
        mp_obj_fun_bc_t *self = MP_OBJ_TO_PTR(self_in);
        dest[0] = MP_OBJ_FROM_PTR(self->context->module.globals);
    }
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_fun_bc,
    MP_QSTR_function,
    MP_TYPE_FLAG_BINDS_SELF,
    print, fun_bc_print,
    attr, mp_obj_fun_bc_attr,
    call, mp_obj_fun_bc_call
    );

/******************************************************************************/
// Native and viper functions: the machine code takes the call as is.

static mp_obj_t fun_native_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_stack_check();
    mp_obj_fun_bc_t *self = MP_OBJ_TO_PTR(self_in);
    mp_call_fun_t fun = (mp_call_fun_t)native_code_entry(self->bytecode);
    return fun(self_in, n_args, n_kw, args);
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_fun_native,
    MP_QSTR_function,
    MP_TYPE_FLAG_BINDS_SELF,
    print, fun_bc_print,
    attr, mp_obj_fun_bc_attr,
    call, fun_native_call
    );

/******************************************************************************/
// Inline-assembler functions: arguments become machine words.

static mp_uint_t asm_arg(mp_obj_t obj) {
    if (mp_obj_is_small_int(obj)) {
        return (mp_uint_t)MP_OBJ_SMALL_INT_VALUE(obj);
    } else if (obj == mp_const_none || obj == mp_const_false) {
        return 0;
    } else if (obj == mp_const_true) {
        return 1;
    } else if (mp_obj_is_str(obj)) {
        size_t len;
        return (mp_uint_t)(uintptr_t)mp_obj_str_get_data(obj, &len);
    } else if (mp_obj_is_type(obj, &mp_type_float)) {
        // As the firmware: a float goes over as its value, truncated.
        return (mp_uint_t)(mp_int_t)mp_obj_float_get(obj);
    } else if (mp_obj_is_type(obj, &mp_type_tuple) || mp_obj_is_type(obj, &mp_type_list)) {
        size_t len;
        mp_obj_t *items;
        mp_obj_get_array(obj, &len, &items);
        return (mp_uint_t)(uintptr_t)items;
    } else {
        mp_buffer_info_t bufinfo;
        if (mp_get_buffer(obj, &bufinfo, MP_BUFFER_READ)) {
            return (mp_uint_t)(uintptr_t)bufinfo.buf;
        }
        return (mp_uint_t)(uintptr_t)obj;
    }
}

typedef mp_uint_t (*asm_fun_0_t)(void);
typedef mp_uint_t (*asm_fun_1_t)(mp_uint_t);
typedef mp_uint_t (*asm_fun_2_t)(mp_uint_t, mp_uint_t);
typedef mp_uint_t (*asm_fun_3_t)(mp_uint_t, mp_uint_t, mp_uint_t);
typedef mp_uint_t (*asm_fun_4_t)(mp_uint_t, mp_uint_t, mp_uint_t, mp_uint_t);

static mp_obj_t fun_asm_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_fun_asm_t *self = MP_OBJ_TO_PTR(self_in);
    mp_arg_check_num(n_args, n_kw, self->n_args, self->n_args, false);
    uintptr_t code = native_code_entry(self->fun_data);
    mp_uint_t ret;
    switch (n_args) {
        case 0:
            ret = ((asm_fun_0_t)code)();
            break;
        case 1:
            ret = ((asm_fun_1_t)code)(asm_arg(args[0]));
            break;
        case 2:
            ret = ((asm_fun_2_t)code)(asm_arg(args[0]), asm_arg(args[1]));
            break;
        case 3:
            ret = ((asm_fun_3_t)code)(asm_arg(args[0]), asm_arg(args[1]), asm_arg(args[2]));
            break;
        case 4:
            ret = ((asm_fun_4_t)code)(asm_arg(args[0]), asm_arg(args[1]), asm_arg(args[2]), asm_arg(args[3]));
            break;
        default:
            mp_raise_ValueError(MP_ERROR_TEXT("can only have up to 4 parameters to Thumb assembly"));
    }
    return mp_native_to_obj(ret, self->type_sig & 0xf);
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_fun_asm,
    MP_QSTR_function,
    MP_TYPE_FLAG_BINDS_SELF,
    call, fun_asm_call
    );
