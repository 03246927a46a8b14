// Built-in function objects (C functions taking 0..3 or a variable number
// of arguments, with or without keywords), the argument count checks, and
// the name of any function object.
#include "runtime/runtime.h"

void mp_arg_check_num_sig(size_t n_args, size_t n_kw, uint32_t sig) {
    bool takes_kw = sig & 1;
    size_t n_args_min = sig >> 17;
    size_t n_args_max = (sig >> 1) & 0xffff;
    if (n_kw > 0 && !takes_kw) {
        mp_raise_TypeError(MP_ERROR_TEXT("function doesn't take keyword arguments"));
    }
    if (n_args_min == n_args_max) {
        if (n_args != n_args_min) {
            mp_raise_msg_varg(&mp_type_TypeError,
                MP_ERROR_TEXT("function takes %d positional arguments but %d were given"),
                (int)n_args_min, (int)n_args);
        }
    } else if (n_args < n_args_min) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("function missing %d required positional arguments"),
            (int)(n_args_min - n_args));
    } else if (n_args > n_args_max) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("function expected at most %d arguments, got %d"),
            (int)n_args_max, (int)n_args);
    }
}

void mp_arg_check_num(size_t n_args, size_t n_kw, size_t n_args_min, size_t n_args_max, bool takes_kw) {
    mp_arg_check_num_sig(n_args, n_kw, MP_OBJ_FUN_MAKE_SIG(n_args_min, n_args_max, takes_kw));
}

static mp_obj_t fun_builtin_0_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)args;
    const mp_obj_fun_builtin_fixed_t *self = MP_OBJ_TO_PTR(self_in);
    mp_arg_check_num(n_args, n_kw, 0, 0, false);
    return self->fun._0();
}

static mp_obj_t fun_builtin_1_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_fun_builtin_fixed_t *self = MP_OBJ_TO_PTR(self_in);
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    return self->fun._1(args[0]);
}

static mp_obj_t fun_builtin_2_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_fun_builtin_fixed_t *self = MP_OBJ_TO_PTR(self_in);
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    return self->fun._2(args[0], args[1]);
}

static mp_obj_t fun_builtin_3_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_fun_builtin_fixed_t *self = MP_OBJ_TO_PTR(self_in);
    mp_arg_check_num(n_args, n_kw, 3, 3, false);
    return self->fun._3(args[0], args[1], args[2]);
}

static mp_obj_t fun_builtin_var_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_fun_builtin_var_t *self = MP_OBJ_TO_PTR(self_in);
    mp_arg_check_num_sig(n_args, n_kw, self->sig);
    if (self->sig & 1) {
        // The keyword pairs follow the positional args: view them as a map.
        mp_map_t kw_args;
        mp_map_init_fixed_table(&kw_args, n_kw, args + n_args);
        return self->fun.kw(n_args, args, &kw_args);
    }
    return self->fun.var(n_args, args);
}

// Printed as "<function>" (no print slot: the default "<name>").
#define BUILTIN_FUN_FLAGS (MP_TYPE_FLAG_BINDS_SELF | MP_TYPE_FLAG_BUILTIN_FUN)
MP_DEFINE_CONST_OBJ_TYPE(mp_type_fun_builtin_0, MP_QSTR_function, BUILTIN_FUN_FLAGS, call, fun_builtin_0_call);
MP_DEFINE_CONST_OBJ_TYPE(mp_type_fun_builtin_1, MP_QSTR_function, BUILTIN_FUN_FLAGS, call, fun_builtin_1_call);
MP_DEFINE_CONST_OBJ_TYPE(mp_type_fun_builtin_2, MP_QSTR_function, BUILTIN_FUN_FLAGS, call, fun_builtin_2_call);
MP_DEFINE_CONST_OBJ_TYPE(mp_type_fun_builtin_3, MP_QSTR_function, BUILTIN_FUN_FLAGS, call, fun_builtin_3_call);
MP_DEFINE_CONST_OBJ_TYPE(mp_type_fun_builtin_var, MP_QSTR_function, BUILTIN_FUN_FLAGS, call, fun_builtin_var_call);

qstr mp_obj_fun_get_name(mp_const_obj_t fun) {
    if (!mp_obj_is_obj(fun)) {
        return MP_QSTRnull;
    }
    const mp_obj_type_t *type = ((const mp_obj_base_t *)MP_OBJ_TO_PTR(fun))->type;
    if (type == &mp_type_fun_bc || type == &mp_type_fun_native) {
        return mp_obj_fun_bc_get_name(fun);
    }
    // Built-in functions carry no name.
    return MP_QSTRnull;
}
