// bool, NoneType and the Ellipsis object. False and True are immediate
// objects; bool arithmetic is int arithmetic on 0 and 1.
#include "runtime/runtime.h"

static void bool_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    bool value = self_in == mp_const_true;
    if (kind == PRINT_JSON) {
        mp_print_str(print, value ? "true" : "false");
    } else {
        mp_print_str(print, value ? "True" : "False");
    }
}

static mp_obj_t bool_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    return mp_obj_new_bool(n_args == 1 && mp_obj_is_true(args[0]));
}

static mp_obj_t bool_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    if (op == MP_UNARY_OP_LEN) {
        return MP_OBJ_NULL;
    }
    return mp_unary_op(op, MP_OBJ_NEW_SMALL_INT(self_in == mp_const_true));
}

// As MicroPython v1.21: even True & False is an int.
static mp_obj_t bool_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    return mp_binary_op(op, MP_OBJ_NEW_SMALL_INT(lhs_in == mp_const_true), rhs_in);
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_bool,
    MP_QSTR_bool,
    MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    make_new, bool_make_new,
    print, bool_print,
    unary_op, bool_unary_op,
    binary_op, bool_binary_op
    );

static void none_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)self_in;
    mp_print_str(print, kind == PRINT_JSON ? "null" : "None");
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_NoneType,
    MP_QSTR_NoneType,
    MP_TYPE_FLAG_NONE,
    print, none_print
    );

// Ellipsis and NotImplemented: objects that print their name, of one
// nameless type, as in MicroPython.
static void singleton_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    const mp_obj_singleton_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "%q", (qstr)self->name);
}

static MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_singleton,
    MP_QSTR_,
    MP_TYPE_FLAG_NONE,
    print, singleton_print
    );

const mp_obj_singleton_t mp_const_ellipsis_obj = {{&mp_type_singleton}, MP_QSTR_Ellipsis};
const mp_obj_singleton_t mp_const_notimplemented_obj = {{&mp_type_singleton}, MP_QSTR_NotImplemented};
