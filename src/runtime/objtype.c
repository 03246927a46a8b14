// The type of types (calling a type makes an instance, type(x), printing
// "<class 'name'>", attributes looked up through the type's locals dict and
// its parents) and the base type object. Types defined by native modules
// (constant, or filled in at import with MP_OBJ_TYPE_SET_SLOT) are plain
// mp_obj_type_t objects and go through the same code.
#include <string.h>

#include "runtime/runtime.h"

static void type_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    const mp_obj_type_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<class '%q'>", (qstr)self->name);
}

// type(x): the type of x. type(name, bases, dict) would define a class.
static mp_obj_t type_make_new(const mp_obj_type_t *type_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type_in;
    mp_arg_check_num(n_args, n_kw, 1, 3, false);
    switch (n_args) {
        case 1:
            return MP_OBJ_FROM_PTR(mp_obj_get_type(args[0]));
        case 3:
            return mp_obj_new_type(mp_obj_str_get_qstr(args[0]), args[1], args[2]);
        default:
            mp_raise_TypeError(MP_ERROR_TEXT("type takes 1 or 3 arguments"));
    }
}

// Calling a type: its make_new slot.
static mp_obj_t type_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_type_t *self = MP_OBJ_TO_PTR(self_in);
    if (!MP_OBJ_TYPE_HAS_SLOT(self, make_new)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't create '%q' instances"), (qstr)self->name);
    }
    return MP_OBJ_TYPE_GET_SLOT(self, make_new)(self, n_args, n_kw, args);
}

// The parents of a type as a tuple (object for a type without any).
static mp_obj_t type_bases(const mp_obj_type_t *self) {
    if (!MP_OBJ_TYPE_HAS_SLOT(self, parent) || MP_OBJ_TYPE_GET_SLOT(self, parent) == NULL) {
        if (self == &mp_type_object) {
            return mp_const_empty_tuple;
        }
        mp_obj_t object = MP_OBJ_FROM_PTR(&mp_type_object);
        return mp_obj_new_tuple(1, &object);
    }
    const void *parent = MP_OBJ_TYPE_GET_SLOT(self, parent);
    if (((const mp_obj_base_t *)parent)->type == &mp_type_tuple) {
        return MP_OBJ_FROM_PTR(parent);
    }
    mp_obj_t p = MP_OBJ_FROM_PTR(parent);
    return mp_obj_new_tuple(1, &p);
}

// A built-in type's method taken from the type (list.append): the C
// function trusts its first argument to be of that type, so the call checks
// it, as MicroPython does.
typedef struct {
    mp_obj_base_t base;
    const mp_obj_type_t *type;
    mp_obj_t fun;
} checked_fun_t;

static mp_obj_t checked_fun_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    checked_fun_t *self = MP_OBJ_TO_PTR(self_in);
    if (n_args > 0) {
        const mp_obj_type_t *arg0_type = mp_obj_get_type(args[0]);
        if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(arg0_type), MP_OBJ_FROM_PTR(self->type))) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("argument should be a '%q' not a '%q'"),
                self->type->name, arg0_type->name);
        }
        if (arg0_type != self->type) {
            // A Python subclass: the method works on its native part.
            mp_obj_t *native_args = m_new(mp_obj_t, n_args + 2 * n_kw);
            memcpy(native_args, args, (n_args + 2 * n_kw) * sizeof(mp_obj_t));
            native_args[0] = mp_obj_cast_to_native_base(args[0], MP_OBJ_FROM_PTR(self->type));
            mp_obj_t ret = mp_call_function_n_kw(self->fun, n_args, n_kw, native_args);
            m_free(native_args);
            return ret;
        }
    }
    return mp_call_function_n_kw(self->fun, n_args, n_kw, args);
}

static MP_DEFINE_CONST_OBJ_TYPE(checked_fun_type, MP_QSTR_function, MP_TYPE_FLAG_NONE,
    call, checked_fun_call);

// type.__dict__, as MicroPython's: a read-only dict of the type's own
// attributes; the locals dict itself when it is fixed (a built-in type's),
// else a fixed copy (of the same type: a class made from an OrderedDict
// keeps its order).
static mp_obj_t type_dict(const mp_obj_type_t *self) {
    static const mp_obj_dict_t empty_dict = {
        .base = { &mp_type_dict },
        .map = { .all_keys_are_qstrs = 0, .is_fixed = 1, .is_ordered = 1, .used = 0, .alloc = 0, .table = NULL },
    };
    const mp_obj_dict_t *dict = MP_OBJ_TYPE_GET_SLOT_OR_NULL(self, locals_dict);
    if (dict == NULL) {
        dict = &empty_dict;
    }
    if (dict->map.is_fixed) {
        return MP_OBJ_FROM_PTR(dict);
    }
    mp_obj_t copy = mp_call_function_0(mp_load_attr(MP_OBJ_FROM_PTR(dict), MP_QSTR_copy));
    ((mp_obj_dict_t *)MP_OBJ_TO_PTR(copy))->map.is_fixed = 1;
    return copy;
}

static void type_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    const mp_obj_type_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] == MP_OBJ_NULL) {
        if (attr == MP_QSTR___name__) {
            dest[0] = MP_OBJ_NEW_QSTR(self->name);
            return;
        }
        if (attr == MP_QSTR___bases__) {
            dest[0] = type_bases(self);
            return;
        }
        if (attr == MP_QSTR___dict__) {
            dest[0] = type_dict(self);
            return;
        }
        const mp_obj_type_t *owner = self;
        mp_map_elem_t *elem = mp_obj_type_lookup_owner(self, attr, &owner);
        if (elem == NULL) {
            return;
        }
        // object's methods check their argument themselves: every object is one.
        if (!(owner->flags & MP_TYPE_FLAG_INSTANCE_TYPE) && owner != &mp_type_object && mp_obj_is_obj(elem->value) &&
            (((mp_obj_base_t *)MP_OBJ_TO_PTR(elem->value))->type->flags & MP_TYPE_FLAG_BUILTIN_FUN)) {
            checked_fun_t *o = mp_obj_malloc(checked_fun_t, &checked_fun_type);
            o->type = owner;
            o->fun = elem->value;
            dest[0] = MP_OBJ_FROM_PTR(o);
            return;
        }
        // Looked up on the type: methods come back unbound.
        mp_convert_member_lookup(MP_OBJ_NULL, self, elem->value, dest);
        return;
    }
    // Store or delete: only in a locals dict that is not fixed.
    if (!MP_OBJ_TYPE_HAS_SLOT(self, locals_dict)) {
        return;
    }
    mp_obj_dict_t *locals = MP_OBJ_TYPE_GET_SLOT(self, locals_dict);
    if (locals == NULL || locals->map.is_fixed) {
        return;
    }
    if (dest[1] == MP_OBJ_NULL) {
        mp_map_elem_t *elem = mp_map_lookup(&locals->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
        if (elem != NULL) {
            dest[0] = MP_OBJ_NULL;
        }
    } else {
        if (!(self->flags & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS)
            && mp_obj_class_is_special_accessor(MP_OBJ_NEW_QSTR(attr), dest[1])) {
            // A subclass copied this flag when it was made: it would miss
            // the accessor.
            if (self->flags & MP_TYPE_FLAG_IS_SUBCLASSED) {
                mp_raise_msg(&mp_type_AttributeError, MP_ERROR_TEXT("can't add special method to already-subclassed class"));
            }
            ((mp_obj_type_t *)self)->flags |= MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS;
        }
        mp_map_lookup(&locals->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
        dest[0] = MP_OBJ_NULL;
    }
}

MP_DEFINE_CONST_OBJ_TYPE(mp_type_type, MP_QSTR_type, MP_TYPE_FLAG_NONE,
    make_new, type_make_new,
    print, type_print,
    call, type_call,
    attr, type_attr);

/******************************************************************************/
// object

typedef struct {
    mp_obj_base_t base;
} object_obj_t;

static mp_obj_t object_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)args;
    mp_arg_check_num(n_args, n_kw, 0, 0, false);
    return MP_OBJ_FROM_PTR(mp_obj_malloc(object_obj_t, type));
}

static mp_obj_t object___init__(mp_obj_t self) {
    (void)self;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(object___init___obj, object___init__);

static mp_obj_t object___new__(mp_obj_t cls) {
    if (!mp_obj_is_type(cls, &mp_type_type) ||
        !(((const mp_obj_type_t *)MP_OBJ_TO_PTR(cls))->flags & MP_TYPE_FLAG_INSTANCE_TYPE)) {
        mp_raise_TypeError(MP_ERROR_TEXT("arg must be user-type"));
    }
    // An instance of a Python class, as its __new__ would make it.
    return mp_obj_new_instance(MP_OBJ_TO_PTR(cls));
}
static MP_DEFINE_CONST_FUN_OBJ_1(object___new___fun_obj, object___new__);
static const mp_rom_obj_static_class_method_t object___new___obj = {
    { &mp_type_staticmethod }, MP_ROM_PTR(&object___new___fun_obj)
};

// object.__setattr__ and object.__delattr__ work on the instance's own
// members, bypassing the class's __setattr__/__delattr__.
static mp_obj_instance_t *object_members_owner(mp_obj_t self, mp_obj_t attr) {
    if (!(mp_obj_get_type(self)->flags & MP_TYPE_FLAG_INSTANCE_TYPE)) {
        mp_raise_TypeError(MP_ERROR_TEXT("arg must be user-type"));
    }
    if (!mp_obj_is_str(attr)) {
        mp_raise_TypeError(NULL);
    }
    return MP_OBJ_TO_PTR(self);
}

static mp_obj_t object___setattr__(mp_obj_t self, mp_obj_t attr, mp_obj_t value) {
    mp_obj_instance_t *o = object_members_owner(self, attr);
    mp_map_lookup(&o->members, attr, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_3(object___setattr___obj, object___setattr__);

static mp_obj_t object___delattr__(mp_obj_t self, mp_obj_t attr) {
    mp_obj_instance_t *o = object_members_owner(self, attr);
    if (mp_map_lookup(&o->members, attr, MP_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        mp_raise_msg(&mp_type_AttributeError, MP_ERROR_TEXT("no such attribute"));
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(object___delattr___obj, object___delattr__);

static const mp_rom_map_elem_t object_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___init__), MP_ROM_PTR(&object___init___obj) },
    { MP_ROM_QSTR(MP_QSTR___new__), MP_ROM_PTR(&object___new___obj) },
    { MP_ROM_QSTR(MP_QSTR___setattr__), MP_ROM_PTR(&object___setattr___obj) },
    { MP_ROM_QSTR(MP_QSTR___delattr__), MP_ROM_PTR(&object___delattr___obj) },
};
static MP_DEFINE_CONST_DICT(object_locals_dict, object_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(mp_type_object, MP_QSTR_object, MP_TYPE_FLAG_NONE,
    make_new, object_make_new,
    locals_dict, &object_locals_dict);
