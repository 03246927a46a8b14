// The object word: the type of any object, printing by type, C values out
// of objects, and the type hierarchy (parents, native bases, locals dicts).
#include "runtime/objint.h"
#include "runtime/runtime.h"

const mp_obj_type_t *mp_obj_get_type(mp_const_obj_t o) {
    if (mp_obj_is_small_int(o)) {
        return &mp_type_int;
    } else if (mp_obj_is_qstr(o)) {
        return &mp_type_str;
    } else if (mp_obj_is_immediate_obj(o)) {
        // None is 0; False and True are 1 and 3.
        return MP_OBJ_IMMEDIATE_OBJ_VALUE(o) == 0 ? &mp_type_NoneType : &mp_type_bool;
    }
    return ((const mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type;
}

const char *mp_obj_get_type_str(mp_const_obj_t o) {
    return qstr_str(mp_obj_get_type(o)->name);
}

void mp_obj_print_helper(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    // Nested (or self-referencing) containers recurse through here.
    mp_stack_check();
    if (o_in == MP_OBJ_NULL) {
        mp_print_str(print, "(nil)");
        return;
    }
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    if (MP_OBJ_TYPE_HAS_SLOT(type, print)) {
        MP_OBJ_TYPE_GET_SLOT(type, print)(print, o_in, kind);
    } else {
        // MicroPython's default for a type without a print slot.
        mp_printf(print, "<%q>", (qstr)type->name);
    }
}

void mp_obj_print(mp_obj_t o, mp_print_kind_t kind) {
    mp_obj_print_helper(&mp_plat_print, o, kind);
}

/******************************************************************************/
// C values

bool mp_obj_get_int_maybe(mp_const_obj_t arg, mp_int_t *value) {
    if (arg == mp_const_false) {
        *value = 0;
    } else if (arg == mp_const_true) {
        *value = 1;
    } else if (mp_obj_is_small_int(arg)) {
        *value = MP_OBJ_SMALL_INT_VALUE(arg);
    } else if (mp_obj_is_exact_type(arg, &mp_type_int)) {
        *value = mp_obj_int_get_checked(arg);
    } else {
        // A type that converts itself (__int__).
        mp_obj_t i = mp_unary_op(MP_UNARY_OP_INT_MAYBE, (mp_obj_t)arg);
        if (i == MP_OBJ_NULL) {
            return false;
        }
        *value = mp_obj_int_get_checked(i);
    }
    return true;
}

mp_int_t mp_obj_get_int(mp_const_obj_t arg) {
    mp_int_t value;
    if (!mp_obj_get_int_maybe(arg, &value)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't convert %s to int"), mp_obj_get_type_str(arg));
    }
    return value;
}

mp_int_t mp_obj_get_int_truncated(mp_const_obj_t arg) {
    if (mp_obj_is_int(arg)) {
        return mp_obj_int_get_truncated(arg);
    }
    return mp_obj_get_int(arg);
}

bool mp_obj_get_float_maybe(mp_obj_t arg, mp_float_t *value) {
    if (arg == mp_const_false) {
        *value = 0;
    } else if (arg == mp_const_true) {
        *value = 1;
    } else if (mp_obj_is_small_int(arg)) {
        *value = (mp_float_t)MP_OBJ_SMALL_INT_VALUE(arg);
    } else if (mp_obj_is_exact_type(arg, &mp_type_int)) {
        *value = mp_obj_int_as_float(arg);
    } else if (mp_obj_is_exact_type(arg, &mp_type_float)) {
        *value = mp_obj_float_get(arg);
    } else {
        // A type that converts itself (__float__).
        mp_obj_t f = mp_unary_op(MP_UNARY_OP_FLOAT_MAYBE, arg);
        if (f == MP_OBJ_NULL || !mp_obj_is_exact_type(f, &mp_type_float)) {
            return false;
        }
        *value = mp_obj_float_get(f);
    }
    return true;
}

mp_float_t mp_obj_get_float(mp_obj_t arg) {
    mp_float_t value;
    if (!mp_obj_get_float_maybe(arg, &value)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't convert %s to float"), mp_obj_get_type_str(arg));
    }
    return value;
}

/******************************************************************************/
// The type hierarchy

bool mp_obj_is_subclass_fast(mp_const_obj_t object, mp_const_obj_t classinfo) {
    for (;;) {
        if (object == classinfo) {
            return true;
        }
        if (!mp_obj_is_type(object, &mp_type_type)) {
            return false;
        }
        const mp_obj_type_t *self = MP_OBJ_TO_PTR(object);
        if (!MP_OBJ_TYPE_HAS_SLOT(self, parent)) {
            return false;
        }
        const void *parent = MP_OBJ_TYPE_GET_SLOT(self, parent);
        if (((const mp_obj_base_t *)parent)->type == &mp_type_tuple) {
            // Several bases: all but the last by recursion, the last by the loop.
            const mp_obj_tuple_t *bases = parent;
            if (bases->len == 0) {
                return false;
            }
            for (size_t i = 0; i + 1 < bases->len; i++) {
                if (mp_obj_is_subclass_fast(bases->items[i], classinfo)) {
                    return true;
                }
            }
            object = bases->items[bases->len - 1];
        } else {
            object = MP_OBJ_FROM_PTR(parent);
        }
    }
}

bool mp_obj_is_instance_of(mp_obj_t obj, const mp_obj_type_t *type) {
    return mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(obj)), MP_OBJ_FROM_PTR(type));
}

mp_obj_t mp_obj_cast_to_native_base(mp_obj_t self_in, mp_const_obj_t native_type) {
    const mp_obj_type_t *self_type = mp_obj_get_type(self_in);
    if (MP_OBJ_FROM_PTR(self_type) == native_type) {
        return self_in;
    }
    if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(self_type), native_type)) {
        return MP_OBJ_NULL;
    }
    if (self_type->flags & MP_TYPE_FLAG_INSTANCE_TYPE) {
        // An instance of a Python class keeps its native base object apart.
        return mp_obj_instance_native(MP_OBJ_TO_PTR(self_in));
    }
    // A native subtype shares its base's layout.
    return self_in;
}

mp_map_elem_t *mp_obj_type_lookup(const mp_obj_type_t *type, qstr attr) {
    return mp_obj_type_lookup_owner(type, attr, NULL);
}

mp_map_elem_t *mp_obj_type_lookup_owner(const mp_obj_type_t *type, qstr attr, const mp_obj_type_t **owner) {
    for (;;) {
        if (MP_OBJ_TYPE_HAS_SLOT(type, locals_dict)) {
            mp_obj_dict_t *locals = MP_OBJ_TYPE_GET_SLOT(type, locals_dict);
            if (locals != NULL) {
                mp_map_elem_t *elem = mp_map_lookup(&locals->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
                if (elem != NULL) {
                    if (owner != NULL) {
                        *owner = type;
                    }
                    return elem;
                }
            }
        }
        if (!MP_OBJ_TYPE_HAS_SLOT(type, parent)) {
            return NULL;
        }
        const void *parent = MP_OBJ_TYPE_GET_SLOT(type, parent);
        if (parent == NULL) {
            return NULL;
        }
        if (((const mp_obj_base_t *)parent)->type == &mp_type_tuple) {
            const mp_obj_tuple_t *bases = parent;
            if (bases->len == 0) {
                return NULL;
            }
            for (size_t i = 0; i + 1 < bases->len; i++) {
                mp_map_elem_t *elem = mp_obj_type_lookup_owner(MP_OBJ_TO_PTR(bases->items[i]), attr, owner);
                if (elem != NULL) {
                    return elem;
                }
            }
            type = MP_OBJ_TO_PTR(bases->items[bases->len - 1]);
        } else {
            type = parent;
        }
    }
}
