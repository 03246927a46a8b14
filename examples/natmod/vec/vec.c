// vec: a class defined in C, a 2-D integer vector.
//
// The type object lives in BSS and is filled in by mpy_init: make_new
// (construction), print (repr/str), binary_op (+, - and ==), attr (the
// read-only x and y attributes) and locals_dict (the methods). Its name and
// method names are this module's own qstrs, which are only known at import
// time, so the locals dict table is filled in there too.
//
//     from vec import Vec
//     v = Vec(3, 4)
//     v                    # Vec(3, 4)
//     v.x, v.y             # (3, 4)
//     v + Vec(1, 1)        # Vec(4, 5)
//     v.dot(Vec(2, 0))     # 6
//     v.scale(2)           # Vec(6, 8)
//     v.length2()          # 25
//     Vec(1, 2) == Vec(1, 2)   # True
#include "py/dynruntime.h"

mp_obj_full_type_t vec_type;

typedef struct _vec_obj_t {
    mp_obj_base_t base;
    mp_int_t x;
    mp_int_t y;
} vec_obj_t;

STATIC mp_obj_t vec_new(mp_int_t x, mp_int_t y) {
    vec_obj_t *v = mp_obj_malloc(vec_obj_t, (mp_obj_type_t *)&vec_type);
    v->x = x;
    v->y = y;
    return MP_OBJ_FROM_PTR(v);
}

// The argument as a Vec, or a TypeError.
STATIC vec_obj_t *vec_arg(mp_obj_t obj) {
    if (!mp_obj_is_type(obj, (mp_obj_type_t *)&vec_type)) {
        mp_raise_TypeError(MP_ERROR_TEXT("expected a Vec"));
    }
    return MP_OBJ_TO_PTR(obj);
}

// Vec(x=0, y=0)
STATIC mp_obj_t vec_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 2, false);
    mp_int_t x = n_args > 0 ? mp_obj_get_int(args[0]) : 0;
    mp_int_t y = n_args > 1 ? mp_obj_get_int(args[1]) : 0;
    return vec_new(x, y);
}

STATIC void vec_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    vec_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "Vec(%d, %d)", (int)self->x, (int)self->y);
}

STATIC mp_obj_t vec_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    if (!mp_obj_is_type(rhs_in, (mp_obj_type_t *)&vec_type)) {
        return MP_OBJ_NULL; // not supported: Python tries the reflected operation
    }
    vec_obj_t *a = MP_OBJ_TO_PTR(lhs_in);
    vec_obj_t *b = MP_OBJ_TO_PTR(rhs_in);
    switch (op) {
        case MP_BINARY_OP_ADD:
            return vec_new(a->x + b->x, a->y + b->y);
        case MP_BINARY_OP_SUBTRACT:
            return vec_new(a->x - b->x, a->y - b->y);
        case MP_BINARY_OP_EQUAL:
            return mp_obj_new_bool(a->x == b->x && a->y == b->y);
        default:
            return MP_OBJ_NULL;
    }
}

// Attribute access: x and y are read here; anything else (the methods) is
// looked up in the locals dict by the runtime.
STATIC void vec_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    vec_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] != MP_OBJ_NULL) {
        return; // store/delete: the attributes are read-only
    }
    if (attr == MP_QSTR_x) {
        dest[0] = mp_obj_new_int(self->x);
    } else if (attr == MP_QSTR_y) {
        dest[0] = mp_obj_new_int(self->y);
    } else {
        dest[1] = MP_OBJ_SENTINEL; // continue lookup in locals_dict
    }
}

STATIC mp_obj_t vec_dot(mp_obj_t self_in, mp_obj_t other_in) {
    vec_obj_t *a = vec_arg(self_in);
    vec_obj_t *b = vec_arg(other_in);
    return mp_obj_new_int(a->x * b->x + a->y * b->y);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(vec_dot_obj, vec_dot);

STATIC mp_obj_t vec_scale(mp_obj_t self_in, mp_obj_t k_in) {
    vec_obj_t *self = vec_arg(self_in);
    mp_int_t k = mp_obj_get_int(k_in);
    return vec_new(self->x * k, self->y * k);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(vec_scale_obj, vec_scale);

STATIC mp_obj_t vec_length2(mp_obj_t self_in) {
    return vec_dot(self_in, self_in);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(vec_length2_obj, vec_length2);

// The locals dict: its table is in BSS and filled in by mpy_init.
mp_map_elem_t vec_locals_table[3];
STATIC MP_DEFINE_CONST_DICT(vec_locals_dict, vec_locals_table);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    vec_locals_table[0] = (mp_map_elem_t){ MP_OBJ_NEW_QSTR(MP_QSTR_dot), MP_OBJ_FROM_PTR(&vec_dot_obj) };
    vec_locals_table[1] = (mp_map_elem_t){ MP_OBJ_NEW_QSTR(MP_QSTR_scale), MP_OBJ_FROM_PTR(&vec_scale_obj) };
    vec_locals_table[2] = (mp_map_elem_t){ MP_OBJ_NEW_QSTR(MP_QSTR_length2), MP_OBJ_FROM_PTR(&vec_length2_obj) };

    vec_type.base.type = &mp_type_type;
    vec_type.flags = MP_TYPE_FLAG_NONE;
    vec_type.name = MP_QSTR_Vec;
    MP_OBJ_TYPE_SET_SLOT(&vec_type, make_new, vec_make_new, 0);
    MP_OBJ_TYPE_SET_SLOT(&vec_type, print, vec_print, 1);
    MP_OBJ_TYPE_SET_SLOT(&vec_type, binary_op, vec_binary_op, 2);
    MP_OBJ_TYPE_SET_SLOT(&vec_type, attr, vec_attr, 3);
    MP_OBJ_TYPE_SET_SLOT(&vec_type, locals_dict, &vec_locals_dict, 4);

    mp_store_global(MP_QSTR_Vec, MP_OBJ_FROM_PTR(&vec_type));

    MP_DYNRUNTIME_INIT_EXIT
}
