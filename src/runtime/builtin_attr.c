// Attribute and type built-ins: getattr, setattr, hasattr, delattr,
// isinstance, issubclass.
#include "runtime/modbuiltins.h"

static mp_obj_t builtin_getattr(size_t n_args, const mp_obj_t *args) {
    qstr attr = mp_obj_str_get_qstr(args[1]);
    if (n_args == 2) {
        return mp_load_attr(args[0], attr);
    }
    mp_obj_t dest[2];
    mp_load_method_protected(args[0], attr, dest, false);
    if (dest[0] == MP_OBJ_NULL) {
        return args[2];
    }
    if (dest[1] == MP_OBJ_NULL) {
        return dest[0];
    }
    return mp_obj_new_bound_meth(dest[0], dest[1]);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_getattr_obj, 2, 3, builtin_getattr);

static mp_obj_t builtin_setattr(mp_obj_t base, mp_obj_t attr, mp_obj_t value) {
    mp_store_attr(base, mp_obj_str_get_qstr(attr), value);
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_3(mp_builtin_setattr_obj, builtin_setattr);

static mp_obj_t builtin_hasattr(mp_obj_t base, mp_obj_t attr) {
    mp_obj_t dest[2];
    mp_load_method_protected(base, mp_obj_str_get_qstr(attr), dest, false);
    return mp_obj_new_bool(dest[0] != MP_OBJ_NULL);
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_builtin_hasattr_obj, builtin_hasattr);

static mp_obj_t builtin_delattr(mp_obj_t base, mp_obj_t attr) {
    mp_delete_attr(base, mp_obj_str_get_qstr(attr));
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_builtin_delattr_obj, builtin_delattr);

// cls (a type) is classinfo, a subclass of it, or of one of a tuple's types.
static bool is_subclass(mp_obj_t cls, mp_obj_t classinfo) {
    size_t len;
    mp_obj_t *items;
    if (mp_obj_is_type(classinfo, &mp_type_type)) {
        len = 1;
        items = &classinfo;
    } else if (mp_obj_is_type(classinfo, &mp_type_tuple)) {
        mp_obj_tuple_get(classinfo, &len, &items);
    } else {
        mp_raise_TypeError(MP_ERROR_TEXT("issubclass() arg 2 must be a class or a tuple of classes"));
    }
    for (size_t i = 0; i < len; i++) {
        // Types nested in the tuple are checked as MicroPython does: each
        // must be a type too.
        if (!mp_obj_is_type(items[i], &mp_type_type)) {
            mp_raise_TypeError(MP_ERROR_TEXT("issubclass() arg 2 must be a class or a tuple of classes"));
        }
        // Every type derives from object, though no parent slot says so.
        if (items[i] == MP_OBJ_FROM_PTR(&mp_type_object) || mp_obj_is_subclass_fast(cls, items[i])) {
            return true;
        }
    }
    return false;
}

static mp_obj_t builtin_isinstance(mp_obj_t obj, mp_obj_t classinfo) {
    return mp_obj_new_bool(is_subclass(MP_OBJ_FROM_PTR(mp_obj_get_type(obj)), classinfo));
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_builtin_isinstance_obj, builtin_isinstance);

static mp_obj_t builtin_issubclass(mp_obj_t cls, mp_obj_t classinfo) {
    if (!mp_obj_is_type(cls, &mp_type_type)) {
        mp_raise_TypeError(MP_ERROR_TEXT("issubclass() arg 1 must be a class"));
    }
    return mp_obj_new_bool(is_subclass(cls, classinfo));
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_builtin_issubclass_obj, builtin_issubclass);

// dir(): the names of the local scope. dir(obj): every interned name that
// obj has as an attribute, in qstr order, as MicroPython finds them (it
// tries each name in turn).
static mp_obj_t builtin_dir(size_t n_args, const mp_obj_t *args) {
    mp_obj_t list = mp_obj_new_list(0, NULL);
    if (n_args == 0) {
        mp_map_t *map = &mp_locals_get()->map;
        for (size_t i = 0; i < map->alloc; i++) {
            if (mp_map_slot_is_filled(map, i)) {
                mp_obj_list_append(list, map->table[i].key);
            }
        }
        return list;
    }
    if (mp_obj_get_type(args[0])->flags & MP_TYPE_FLAG_INSTANCE_TYPE) {
        // An instance whose class defines __dir__ answers itself.
        mp_obj_t dest[2];
        mp_load_method_maybe(args[0], MP_QSTR___dir__, dest);
        if (dest[0] != MP_OBJ_NULL) {
            return mp_call_method_n_kw(0, 0, dest);
        }
    }
    size_t n_qstr = qstr_count();
    for (size_t q = MP_QSTR_ + 1; q < n_qstr; q++) {
        mp_obj_t dest[2];
        mp_load_method_protected(args[0], (qstr)q, dest, false);
        if (dest[0] != MP_OBJ_NULL) {
            mp_obj_list_append(list, MP_OBJ_NEW_QSTR(q));
        }
    }
    return list;
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_dir_obj, 0, 1, builtin_dir);
