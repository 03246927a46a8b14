// staticmethod and classmethod wrappers (unwrapped by attribute lookup, see
// mp_convert_member_lookup) and property objects.
#include "runtime/runtime.h"

static mp_obj_t static_class_method_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    mp_obj_static_class_method_t *o = mp_obj_malloc(mp_obj_static_class_method_t, type);
    o->fun = args[0];
    return MP_OBJ_FROM_PTR(o);
}

MP_DEFINE_CONST_OBJ_TYPE(mp_type_staticmethod, MP_QSTR_staticmethod, MP_TYPE_FLAG_NONE,
    make_new, static_class_method_make_new);

MP_DEFINE_CONST_OBJ_TYPE(mp_type_classmethod, MP_QSTR_classmethod, MP_TYPE_FLAG_NONE,
    make_new, static_class_method_make_new);

/******************************************************************************/
// property(fget=None, fset=None, fdel=None, doc=None)

typedef struct {
    mp_obj_base_t base;
    mp_obj_t proxy[3]; // getter, setter, deleter
} mp_obj_property_t;

static mp_obj_t property_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 4, true);
    mp_obj_property_t *o = mp_obj_malloc(mp_obj_property_t, type);
    for (size_t i = 0; i < 3; i++) {
        o->proxy[i] = i < n_args ? args[i] : mp_const_none;
    }
    // Keyword forms: fget, fset, fdel (doc is accepted and dropped).
    static const uint16_t names[3] = { MP_QSTR_fget, MP_QSTR_fset, MP_QSTR_fdel };
    for (size_t k = 0; k < n_kw; k++) {
        qstr key = mp_obj_str_get_qstr(args[n_args + 2 * k]);
        size_t i = 0;
        while (i < 3 && names[i] != key) {
            i++;
        }
        if (i < 3) {
            o->proxy[i] = args[n_args + 2 * k + 1];
        } else if (key != MP_QSTR_doc) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unexpected keyword argument '%q'"), key);
        }
    }
    return MP_OBJ_FROM_PTR(o);
}

// The getter, setter and deleter (None when absent), for instance attribute
// access in objclass.c.
const mp_obj_t *mp_obj_property_get(mp_obj_t self_in) {
    mp_obj_property_t *self = MP_OBJ_TO_PTR(self_in);
    return self->proxy;
}

// A copy of the property with one accessor replaced.
static mp_obj_t property_with(mp_obj_t self_in, size_t which, mp_obj_t fun) {
    mp_obj_property_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_property_t *o = mp_obj_malloc(mp_obj_property_t, &mp_type_property);
    o->proxy[0] = self->proxy[0];
    o->proxy[1] = self->proxy[1];
    o->proxy[2] = self->proxy[2];
    o->proxy[which] = fun;
    return MP_OBJ_FROM_PTR(o);
}

static mp_obj_t property_getter(mp_obj_t self, mp_obj_t fun) {
    return property_with(self, 0, fun);
}
static MP_DEFINE_CONST_FUN_OBJ_2(property_getter_obj, property_getter);

static mp_obj_t property_setter(mp_obj_t self, mp_obj_t fun) {
    return property_with(self, 1, fun);
}
static MP_DEFINE_CONST_FUN_OBJ_2(property_setter_obj, property_setter);

static mp_obj_t property_deleter(mp_obj_t self, mp_obj_t fun) {
    return property_with(self, 2, fun);
}
static MP_DEFINE_CONST_FUN_OBJ_2(property_deleter_obj, property_deleter);

static const mp_rom_map_elem_t property_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_getter), MP_ROM_PTR(&property_getter_obj) },
    { MP_ROM_QSTR(MP_QSTR_setter), MP_ROM_PTR(&property_setter_obj) },
    { MP_ROM_QSTR(MP_QSTR_deleter), MP_ROM_PTR(&property_deleter_obj) },
};
static MP_DEFINE_CONST_DICT(property_locals_dict, property_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(mp_type_property, MP_QSTR_property, MP_TYPE_FLAG_NONE,
    make_new, property_make_new,
    locals_dict, &property_locals_dict);
