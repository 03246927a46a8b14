// Classes defined in Python: the type object a class statement makes
// (mp_obj_new_type), its instances (mp_obj_instance_t of py/objlayout.h,
// with subobj[0] holding the native base object when the class derives from
// a native type such as Exception or list), their special methods, and
// super(). Semantics, lookup order (depth first, left to right, "object"
// skipped) and messages are MicroPython v1.21's.
#include <string.h>

#include "runtime/map.h"
#include "runtime/runtime.h"

static mp_obj_t instance_make_new(const mp_obj_type_t *self, size_t n_args, size_t n_kw, const mp_obj_t *args);

// A native type is any type whose instances are not mp_obj_instance_t.
static bool is_native_type(const mp_obj_type_t *type) {
    return MP_OBJ_TYPE_GET_SLOT_OR_NULL(type, make_new) != instance_make_new;
}

static const mp_obj_type_t *type_parent(const mp_obj_type_t *type) {
    return MP_OBJ_TYPE_HAS_SLOT(type, parent) ? MP_OBJ_TYPE_GET_SLOT(type, parent) : NULL;
}

static bool parent_is_tuple(const void *parent) {
    return ((const mp_obj_base_t *)parent)->type == &mp_type_tuple;
}

// How many native types the hierarchy of type has (at most one is allowed);
// *native_base gets the last one seen.
static size_t count_native_bases(const mp_obj_type_t *type, const mp_obj_type_t **native_base) {
    size_t count = 0;
    for (;;) {
        if (type == &mp_type_object) {
            return count;
        }
        if (is_native_type(type)) {
            *native_base = type;
            return count + 1;
        }
        const void *parent = type_parent(type);
        if (parent == NULL) {
            return count;
        }
        if (parent_is_tuple(parent)) {
            const mp_obj_tuple_t *bases = parent;
            for (size_t i = 0; i < bases->len; i++) {
                count += count_native_bases(MP_OBJ_TO_PTR(bases->items[i]), native_base);
            }
            return count;
        }
        type = parent;
    }
}

// super().__init__(...) reaching a native base: constructs subobj[0].
static mp_obj_t native_base_init_wrapper(size_t n_args, const mp_obj_t *args) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(args[0]);
    const mp_obj_type_t *native_base = NULL;
    count_native_bases(self->base.type, &native_base);
    self->subobj[0] = MP_OBJ_TYPE_GET_SLOT(native_base, make_new)(native_base, n_args - 1, 0, args + 1);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(native_base_init_wrapper_obj, 1, MP_OBJ_FUN_ARGS_MAX, native_base_init_wrapper);

mp_obj_t mp_obj_instance_native(mp_obj_instance_t *o) {
    if (o->subobj[0] == MP_OBJ_FROM_PTR(&native_base_init_wrapper_obj)) {
        // Used before __init__ reached the native base's (raise self, or a
        // method of the base): it is made now, without arguments.
        const mp_obj_type_t *native_base = NULL;
        count_native_bases(o->base.type, &native_base);
        o->subobj[0] = MP_OBJ_TYPE_GET_SLOT(native_base, make_new)(native_base, 0, 0, NULL);
    }
    return o->subobj[0];
}

static mp_obj_instance_t *new_instance(const mp_obj_type_t *class, const mp_obj_type_t **native_base) {
    size_t n_native = count_native_bases(class, native_base);
    mp_obj_instance_t *o = mp_obj_malloc_var(mp_obj_instance_t, mp_obj_t, n_native, class);
    mp_map_init(&o->members, 0);
    if (n_native != 0) {
        // A marker meaning "native base not constructed yet".
        o->subobj[0] = MP_OBJ_FROM_PTR(&native_base_init_wrapper_obj);
    }
    return o;
}

mp_obj_t mp_obj_new_instance(const mp_obj_type_t *class) {
    const mp_obj_type_t *native_base = NULL;
    mp_obj_instance_t *o = new_instance(class, &native_base);
    if (native_base != NULL) {
        mp_obj_instance_native(o); // object.__new__ runs no __init__
    }
    return MP_OBJ_FROM_PTR(o);
}

/******************************************************************************/
// Lookup through the class hierarchy

typedef struct {
    mp_obj_instance_t *obj; // the instance (may be NULL, or a type when is_type)
    qstr attr;
    size_t slot_offset;     // a native base with this slot answers MP_OBJ_SENTINEL
    mp_obj_t *dest;
    bool is_type;
} class_lookup_t;

// The native object a lookup in the native base binds. Looking up
// __init__ or __new__ (while the instance is made) must not make it: the
// native base's constructor then gets the instance's arguments.
static mp_obj_t native_for_lookup(class_lookup_t *lookup) {
    if (lookup->attr == MP_QSTR___init__ || lookup->attr == MP_QSTR___new__) {
        return lookup->obj->subobj[0];
    }
    return mp_obj_instance_native(lookup->obj);
}

// Depth-first, left-to-right; leaves dest[0] MP_OBJ_NULL when not found.
static void class_lookup(class_lookup_t *lookup, const mp_obj_type_t *type) {
    for (;;) {
        if (lookup->slot_offset != 0 && is_native_type(type)
            && MP_OBJ_TYPE_HAS_SLOT_BY_OFFSET(type, lookup->slot_offset)) {
            lookup->dest[0] = MP_OBJ_SENTINEL;
            return;
        }
        if (MP_OBJ_TYPE_HAS_SLOT(type, locals_dict) && MP_OBJ_TYPE_GET_SLOT(type, locals_dict) != NULL) {
            mp_map_t *locals = &MP_OBJ_TYPE_GET_SLOT(type, locals_dict)->map;
            mp_map_elem_t *elem = mp_map_lookup(locals, MP_OBJ_NEW_QSTR(lookup->attr), MP_MAP_LOOKUP);
            if (elem != NULL) {
                if (lookup->is_type) {
                    // A classmethod binds the type the lookup started from.
                    const mp_obj_type_t *org_type = (const mp_obj_type_t *)lookup->obj;
                    mp_convert_member_lookup(MP_OBJ_NULL, org_type, elem->value, lookup->dest);
                } else {
                    mp_obj_instance_t *obj = lookup->obj;
                    mp_obj_t self = MP_OBJ_FROM_PTR(obj);
                    if (obj != NULL && is_native_type(type) && type != &mp_type_object) {
                        // Methods of the native base apply to the native object.
                        self = native_for_lookup(lookup);
                    }
                    mp_convert_member_lookup(self, type, elem->value, lookup->dest);
                }
                return;
            }
        }
        // Native types may answer attributes through their attr slot.
        if (lookup->obj != NULL && !lookup->is_type && is_native_type(type) && type != &mp_type_object) {
            mp_load_method_maybe(native_for_lookup(lookup), lookup->attr, lookup->dest);
            if (lookup->dest[0] != MP_OBJ_NULL) {
                return;
            }
        }
        const void *parent = type_parent(type);
        if (parent == NULL) {
            return;
        }
        if (parent_is_tuple(parent)) {
            const mp_obj_tuple_t *bases = parent;
            if (bases->len == 0) {
                return;
            }
            for (size_t i = 0; i + 1 < bases->len; i++) {
                const mp_obj_type_t *bt = MP_OBJ_TO_PTR(bases->items[i]);
                if (bt == &mp_type_object) {
                    continue;
                }
                class_lookup(lookup, bt);
                if (lookup->dest[0] != MP_OBJ_NULL) {
                    return;
                }
            }
            type = MP_OBJ_TO_PTR(bases->items[bases->len - 1]);
        } else {
            type = parent;
        }
        if (type == &mp_type_object) {
            return;
        }
    }
}

// Looks attr up for the instance self; MP_OBJ_SENTINEL in member[0] when a
// native base has the slot at slot_offset.
static void instance_lookup(mp_obj_instance_t *self, qstr attr, size_t slot_offset, mp_obj_t *member) {
    class_lookup_t lookup = { self, attr, slot_offset, member, false };
    class_lookup(&lookup, self->base.type);
}

/******************************************************************************/
// Instances: creation and printing

static mp_obj_t call_with_first(mp_obj_t fun, mp_obj_t first, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    size_t n = n_args + 2 * n_kw;
    mp_obj_t *args2 = m_new(mp_obj_t, 1 + n);
    args2[0] = first;
    if (n) {
        memcpy(args2 + 1, args, n * sizeof(mp_obj_t));
    }
    mp_obj_t ret = mp_call_function_n_kw(fun, n_args + 1, n_kw, args2);
    m_free(args2);
    return ret;
}

// member[0..1] = method and self, as mp_load_method gives them.
static mp_obj_t call_method_with(const mp_obj_t *member, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    if (member[1] == MP_OBJ_NULL) {
        return mp_call_function_n_kw(member[0], n_args, n_kw, args);
    }
    size_t n = n_args + 2 * n_kw;
    mp_obj_t *args2 = m_new(mp_obj_t, 2 + n);
    args2[0] = member[0];
    args2[1] = member[1];
    memcpy(args2 + 2, args, n * sizeof(mp_obj_t));
    mp_obj_t ret = mp_call_method_n_kw(n_args, n_kw, args2);
    m_free(args2);
    return ret;
}

static mp_obj_t instance_make_new(const mp_obj_type_t *self, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_t init_fn[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    class_lookup_t lookup = { NULL, MP_QSTR___new__, MP_OBJ_TYPE_OFFSETOF_SLOT(make_new), init_fn, false };
    class_lookup(&lookup, self);

    const mp_obj_type_t *native_base = NULL;
    mp_obj_instance_t *o;
    if (init_fn[0] == MP_OBJ_NULL || init_fn[0] == MP_OBJ_SENTINEL) {
        // A blank instance; a native base is constructed after __init__
        // unless __init__ does it through super().__init__().
        o = new_instance(self, &native_base);
    } else {
        mp_obj_t new_ret = call_with_first(init_fn[0], MP_OBJ_FROM_PTR(self), n_args, n_kw, args);
        // __new__ giving something else than an instance of the class: no __init__.
        if (mp_obj_get_type(new_ret) != self) {
            return new_ret;
        }
        o = MP_OBJ_TO_PTR(new_ret);
    }

    init_fn[0] = init_fn[1] = MP_OBJ_NULL;
    lookup.obj = o;
    lookup.attr = MP_QSTR___init__;
    lookup.slot_offset = 0;
    class_lookup(&lookup, self);
    if (init_fn[0] != MP_OBJ_NULL) {
        mp_obj_t init_ret = call_method_with(init_fn, n_args, n_kw, args);
        if (init_ret != mp_const_none) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("__init__() should return None, not '%s'"),
                mp_obj_get_type_str(init_ret));
        }
    }

    if (native_base != NULL && o->subobj[0] == MP_OBJ_FROM_PTR(&native_base_init_wrapper_obj)) {
        o->subobj[0] = MP_OBJ_TYPE_GET_SLOT(native_base, make_new)(native_base, n_args, n_kw, args);
    }
    return MP_OBJ_FROM_PTR(o);
}

static void instance_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t member[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    instance_lookup(self, kind == PRINT_STR ? MP_QSTR___str__ : MP_QSTR___repr__,
        MP_OBJ_TYPE_OFFSETOF_SLOT(print), member);
    if (member[0] == MP_OBJ_NULL && kind == PRINT_STR) {
        // No __str__: __repr__.
        instance_lookup(self, MP_QSTR___repr__, 0, member);
    }
    if (member[0] == MP_OBJ_SENTINEL) {
        mp_obj_t native = mp_obj_instance_native(self);
        if (mp_obj_is_exception_instance(native) && !(mp_obj_get_type(native)->flags & MP_TYPE_FLAG_INSTANCE_TYPE)) {
            // An exception subclass prints its own name before the arguments.
            if (kind != PRINT_STR) {
                mp_print_str(print, qstr_str(self->base.type->name));
            }
            mp_obj_print_helper(print, native, kind | PRINT_EXC_SUBCLASS);
        } else {
            mp_obj_print_helper(print, native, kind);
        }
        return;
    }
    if (member[0] != MP_OBJ_NULL) {
        mp_obj_t r = mp_call_function_1(member[0], self_in);
        mp_obj_print_helper(print, r, PRINT_STR);
        return;
    }
    mp_printf(print, "<%s object at %p>", mp_obj_get_type_str(self_in), self);
}

/******************************************************************************/
// Operators

static const uint16_t unary_op_method_name[MP_UNARY_OP_NUM_RUNTIME] = {
    [MP_UNARY_OP_BOOL] = MP_QSTR___bool__,
    [MP_UNARY_OP_LEN] = MP_QSTR___len__,
    [MP_UNARY_OP_HASH] = MP_QSTR___hash__,
    [MP_UNARY_OP_INT_MAYBE] = MP_QSTR___int__,
    [MP_UNARY_OP_POSITIVE] = MP_QSTR___pos__,
    [MP_UNARY_OP_NEGATIVE] = MP_QSTR___neg__,
    [MP_UNARY_OP_INVERT] = MP_QSTR___invert__,
    [MP_UNARY_OP_ABS] = MP_QSTR___abs__,
    [MP_UNARY_OP_FLOAT_MAYBE] = MP_QSTR___float__,
    [MP_UNARY_OP_COMPLEX_MAYBE] = MP_QSTR___complex__,
    [MP_UNARY_OP_SIZEOF] = MP_QSTR___sizeof__,
};

static mp_obj_t instance_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(self_in);
    if (op == MP_UNARY_OP_SIZEOF) {
        const mp_obj_type_t *native_base;
        size_t n_native = count_native_bases(self->base.type, &native_base);
        return MP_OBJ_NEW_SMALL_INT(sizeof(*self) + sizeof(mp_obj_t) * n_native
            + sizeof(*self->members.table) * self->members.alloc);
    }
    mp_obj_t member[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    instance_lookup(self, unary_op_method_name[op], MP_OBJ_TYPE_OFFSETOF_SLOT(unary_op), member);
    if (member[0] == MP_OBJ_SENTINEL) {
        return mp_unary_op(op, mp_obj_instance_native(self));
    }
    if (member[0] != MP_OBJ_NULL) {
        mp_obj_t val = mp_call_function_1(member[0], self_in);
        if (op == MP_UNARY_OP_HASH) {
            val = MP_OBJ_NEW_SMALL_INT(mp_obj_get_int_truncated(val));
        } else if (op == MP_UNARY_OP_INT_MAYBE && !mp_obj_is_int(val)) {
            mp_raise_TypeError(NULL);
        }
        return val;
    }
    if (op == MP_UNARY_OP_HASH) {
        // Without __eq__ an instance hashes by identity; with __eq__ and no
        // __hash__ it is unhashable.
        member[0] = member[1] = MP_OBJ_NULL;
        instance_lookup(self, MP_QSTR___eq__, MP_OBJ_TYPE_OFFSETOF_SLOT(unary_op), member);
        if (member[0] == MP_OBJ_NULL) {
            return MP_OBJ_NEW_SMALL_INT((mp_uint_t)self_in);
        }
    }
    return MP_OBJ_NULL;
}

static mp_obj_t instance_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    // Special methods come from the class only, never from the members.
    mp_obj_instance_t *lhs = MP_OBJ_TO_PTR(lhs_in);
    mp_obj_t dest[3] = { MP_OBJ_NULL, MP_OBJ_NULL, MP_OBJ_NULL };
    qstr name = op <= MP_BINARY_OP_REVERSE_POWER ? mp_binary_op_method_name[op] : MP_QSTRnull;
    instance_lookup(lhs, name, MP_OBJ_TYPE_OFFSETOF_SLOT(binary_op), dest);
    if (dest[0] == MP_OBJ_SENTINEL) {
        return mp_binary_op(op, mp_obj_instance_native(lhs), rhs_in);
    }
    if (dest[0] != MP_OBJ_NULL) {
        dest[2] = rhs_in;
        mp_obj_t res = mp_call_method_n_kw(1, 0, dest);
        if (res == mp_const_notimplemented) {
            return MP_OBJ_NULL; // not supported: the reflected method may be
        }
        return op == MP_BINARY_OP_CONTAINS ? mp_obj_new_bool(mp_obj_is_true(res)) : res;
    }
    if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
        return instance_binary_op(op - (MP_BINARY_OP_INPLACE_OR - MP_BINARY_OP_OR), lhs_in, rhs_in);
    }
    return MP_OBJ_NULL;
}

/******************************************************************************/
// Attributes

static mp_obj_t members_as_dict(mp_obj_instance_t *self) {
    // A copy of the members (MicroPython's __dict__ is not live either).
    mp_obj_t dict = mp_obj_new_dict(self->members.used);
    for (size_t i = 0; i < self->members.alloc; i++) {
        if (mp_map_slot_is_filled(&self->members, i)) {
            mp_obj_dict_store(dict, self->members.table[i].key, self->members.table[i].value);
        }
    }
    return dict;
}

static void instance_load_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(self_in);
    mp_map_elem_t *elem = mp_map_lookup(&self->members, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
    if (elem != NULL) {
        dest[0] = elem->value; // a member is a plain value, never bound
        return;
    }
    if (attr == MP_QSTR___dict__) {
        dest[0] = members_as_dict(self);
        return;
    }
    instance_lookup(self, attr, 0, dest);
    mp_obj_t member = dest[0];
    if (member != MP_OBJ_NULL) {
        if (!(self->base.type->flags & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS)) {
            return;
        }
        if (mp_obj_is_type(member, &mp_type_property)) {
            const mp_obj_t *proxy = mp_obj_property_get(member);
            if (proxy[0] == mp_const_none) {
                mp_raise_msg(&mp_type_AttributeError, MP_ERROR_TEXT("unreadable attribute"));
            }
            dest[0] = mp_call_function_n_kw(proxy[0], 1, 0, &self_in);
            dest[1] = MP_OBJ_NULL;
            return;
        }
        // A descriptor: its __get__(instance, owner).
        mp_obj_t get[4];
        mp_load_method_maybe(member, MP_QSTR___get__, get);
        if (get[0] != MP_OBJ_NULL) {
            get[2] = self_in;
            get[3] = MP_OBJ_FROM_PTR(mp_obj_get_type(self_in));
            dest[0] = mp_call_method_n_kw(2, 0, get);
            dest[1] = MP_OBJ_NULL;
        }
        return;
    }
    // Not found: __getattr__ (never for __setattr__/__delattr__ themselves).
    if (attr != MP_QSTR___getattr__ && attr != MP_QSTR___setattr__ && attr != MP_QSTR___delattr__) {
        mp_obj_t getattr[3];
        mp_load_method_maybe(self_in, MP_QSTR___getattr__, getattr);
        if (getattr[0] != MP_OBJ_NULL) {
            getattr[2] = MP_OBJ_NEW_QSTR(attr);
            dest[0] = mp_call_method_n_kw(1, 0, getattr);
        }
    }
}

// value MP_OBJ_NULL deletes. False: no such attribute (AttributeError).
static bool instance_store_attr(mp_obj_t self_in, qstr attr, mp_obj_t value) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->base.type->flags & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS) {
        mp_obj_t member[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
        instance_lookup(self, attr, 0, member);
        if (member[0] != MP_OBJ_NULL) {
            if (mp_obj_is_type(member[0], &mp_type_property)) {
                const mp_obj_t *proxy = mp_obj_property_get(member[0]);
                mp_obj_t args[2] = { self_in, value };
                mp_obj_t fun = proxy[value == MP_OBJ_NULL ? 2 : 1];
                if (fun == mp_const_none) {
                    return false;
                }
                mp_call_function_n_kw(fun, value == MP_OBJ_NULL ? 1 : 2, 0, args);
                return true;
            }
            mp_obj_t meth[4];
            mp_load_method_maybe(member[0], value == MP_OBJ_NULL ? MP_QSTR___delete__ : MP_QSTR___set__, meth);
            if (meth[0] != MP_OBJ_NULL) {
                meth[2] = self_in;
                meth[3] = value;
                mp_call_method_n_kw(value == MP_OBJ_NULL ? 1 : 2, 0, meth);
                return true;
            }
        }
        mp_obj_t meth[4];
        mp_load_method_maybe(self_in, value == MP_OBJ_NULL ? MP_QSTR___delattr__ : MP_QSTR___setattr__, meth);
        if (meth[0] != MP_OBJ_NULL) {
            meth[2] = MP_OBJ_NEW_QSTR(attr);
            meth[3] = value;
            mp_call_method_n_kw(value == MP_OBJ_NULL ? 1 : 2, 0, meth);
            return true;
        }
    }
    if (value == MP_OBJ_NULL) {
        return mp_map_lookup(&self->members, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL;
    }
    mp_map_lookup(&self->members, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    return true;
}

static void instance_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] == MP_OBJ_NULL) {
        instance_load_attr(self_in, attr, dest);
    } else if (instance_store_attr(self_in, attr, dest[1])) {
        dest[0] = MP_OBJ_NULL;
    }
}

/******************************************************************************/
// Subscripts, calls, iteration, buffers

static mp_obj_t instance_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t member[4] = { MP_OBJ_NULL, MP_OBJ_NULL, index, value };
    qstr name = value == MP_OBJ_NULL ? MP_QSTR___delitem__
        : value == MP_OBJ_SENTINEL ? MP_QSTR___getitem__ : MP_QSTR___setitem__;
    instance_lookup(self, name, MP_OBJ_TYPE_OFFSETOF_SLOT(subscr), member);
    if (member[0] == MP_OBJ_SENTINEL) {
        return mp_obj_subscr(mp_obj_instance_native(self), index, value);
    }
    if (member[0] == MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    size_t n_args = (value == MP_OBJ_NULL || value == MP_OBJ_SENTINEL) ? 1 : 2;
    mp_obj_t ret = mp_call_method_n_kw(n_args, 0, member);
    return value == MP_OBJ_SENTINEL ? ret : mp_const_none;
}

static mp_obj_t instance_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t member[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    instance_lookup(self, MP_QSTR___call__, MP_OBJ_TYPE_OFFSETOF_SLOT(call), member);
    if (member[0] == MP_OBJ_NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't callable"),
            mp_obj_get_type_str(self_in));
    }
    if (member[0] == MP_OBJ_SENTINEL) {
        return mp_call_function_n_kw(mp_obj_instance_native(self), n_args, n_kw, args);
    }
    return call_method_with(member, n_args, n_kw, args);
}

static mp_obj_t instance_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t member[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    instance_lookup(self, MP_QSTR___iter__, MP_OBJ_TYPE_OFFSETOF_SLOT(iter), member);
    if (member[0] == MP_OBJ_NULL) {
        return MP_OBJ_NULL; // mp_getiter goes on with __getitem__
    }
    if (member[0] == MP_OBJ_SENTINEL) {
        return mp_getiter(mp_obj_instance_native(self), iter_buf);
    }
    return mp_call_method_n_kw(0, 0, member);
}

static mp_int_t instance_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    mp_obj_instance_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t member[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
    instance_lookup(self, MP_QSTR_, MP_OBJ_TYPE_OFFSETOF_SLOT(buffer), member);
    if (member[0] == MP_OBJ_SENTINEL) {
        const mp_obj_type_t *type = mp_obj_get_type(mp_obj_instance_native(self));
        return MP_OBJ_TYPE_GET_SLOT(type, buffer)(mp_obj_instance_native(self), bufinfo, flags);
    }
    return 1; // no buffer protocol
}

/******************************************************************************/
// The type a class statement makes

bool mp_obj_class_is_special_accessor(mp_obj_t key, mp_obj_t value) {
    if (key == MP_OBJ_NEW_QSTR(MP_QSTR___setattr__) || key == MP_OBJ_NEW_QSTR(MP_QSTR___delattr__)) {
        return true;
    }
    if (mp_obj_is_type(value, &mp_type_property)) {
        return true;
    }
    static const uint16_t descriptor_names[] = { MP_QSTR___get__, MP_QSTR___set__, MP_QSTR___delete__ };
    for (size_t i = 0; i < MP_ARRAY_SIZE(descriptor_names); i++) {
        mp_obj_t dest[2];
        mp_load_method_protected(value, descriptor_names[i], dest, true);
        if (dest[0] != MP_OBJ_NULL) {
            return true;
        }
    }
    return false;
}

mp_obj_t mp_obj_new_type(qstr name, mp_obj_t bases_tuple, mp_obj_t locals_dict) {
    if (!mp_obj_is_type(bases_tuple, &mp_type_tuple) || !mp_obj_is_dict_or_ordereddict(locals_dict)) {
        mp_raise_TypeError(NULL);
    }
    uint16_t flags = MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE
        | MP_TYPE_FLAG_EQ_HAS_NEQ_TEST | MP_TYPE_FLAG_ITER_IS_GETITER | MP_TYPE_FLAG_INSTANCE_TYPE;
    size_t n_bases;
    mp_obj_t *bases;
    mp_obj_tuple_get(bases_tuple, &n_bases, &bases);
    for (size_t i = 0; i < n_bases; i++) {
        if (!mp_obj_is_type(bases[i], &mp_type_type)) {
            mp_raise_TypeError(NULL);
        }
        mp_obj_type_t *t = MP_OBJ_TO_PTR(bases[i]);
        if (!MP_OBJ_TYPE_HAS_SLOT(t, make_new)) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("type '%q' isn't an acceptable base type"),
                (qstr)t->name);
        }
        if (!is_native_type(t)) {
            t->flags |= MP_TYPE_FLAG_IS_SUBCLASSED;
            flags |= t->flags & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS;
        }
    }
    const void *base_protocol = n_bases > 0
        ? MP_OBJ_TYPE_GET_SLOT_OR_NULL(((mp_obj_type_t *)MP_OBJ_TO_PTR(bases[0])), protocol) : NULL;

    mp_obj_full_type_t *full = m_malloc0(sizeof(mp_obj_full_type_t));
    mp_obj_type_t *o = (mp_obj_type_t *)full;
    o->base.type = &mp_type_type;
    o->flags = flags;
    o->name = name;
    MP_OBJ_TYPE_SET_SLOT(o, make_new, instance_make_new, 0);
    MP_OBJ_TYPE_SET_SLOT(o, print, instance_print, 1);
    MP_OBJ_TYPE_SET_SLOT(o, call, instance_call, 2);
    MP_OBJ_TYPE_SET_SLOT(o, unary_op, instance_unary_op, 3);
    MP_OBJ_TYPE_SET_SLOT(o, binary_op, instance_binary_op, 4);
    MP_OBJ_TYPE_SET_SLOT(o, attr, instance_attr, 5);
    MP_OBJ_TYPE_SET_SLOT(o, subscr, instance_subscr, 6);
    MP_OBJ_TYPE_SET_SLOT(o, iter, instance_getiter, 7);
    MP_OBJ_TYPE_SET_SLOT(o, buffer, instance_get_buffer, 8);
    mp_obj_dict_t *locals = MP_OBJ_TO_PTR(locals_dict);
    MP_OBJ_TYPE_SET_SLOT(o, locals_dict, locals, 9);
    if (n_bases > 0) {
        // One base is the parent itself, several the tuple of them.
        const void *parent = n_bases >= 2 ? MP_OBJ_TO_PTR(bases_tuple) : MP_OBJ_TO_PTR(bases[0]);
        MP_OBJ_TYPE_SET_SLOT(o, parent, parent, 10);
        if (base_protocol != NULL) {
            // A native protocol (e.g. a stream) is inherited from the first base.
            MP_OBJ_TYPE_SET_SLOT(o, protocol, base_protocol, 11);
        }
    }

    if (!(o->flags & MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS)) {
        for (size_t i = 0; i < locals->map.alloc; i++) {
            if (mp_map_slot_is_filled(&locals->map, i)
                && mp_obj_class_is_special_accessor(locals->map.table[i].key, locals->map.table[i].value)) {
                o->flags |= MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS;
                break;
            }
        }
    }

    const mp_obj_type_t *native_base;
    if (count_native_bases(o, &native_base) > 1) {
        mp_raise_TypeError(MP_ERROR_TEXT("multiple bases have instance lay-out conflict"));
    }

    // __new__ is implicitly a staticmethod.
    mp_map_elem_t *elem = mp_map_lookup(&locals->map, MP_OBJ_NEW_QSTR(MP_QSTR___new__), MP_MAP_LOOKUP);
    if (elem != NULL && mp_obj_is_callable(elem->value) && !mp_obj_is_type(elem->value, &mp_type_staticmethod)
        && !mp_obj_is_type(elem->value, &mp_type_classmethod)) {
        mp_obj_static_class_method_t *sm = mp_obj_malloc(mp_obj_static_class_method_t, &mp_type_staticmethod);
        sm->fun = elem->value;
        elem->value = MP_OBJ_FROM_PTR(sm);
    }
    return MP_OBJ_FROM_PTR(o);
}

/******************************************************************************/
// __build_class__(body, name, *bases): runs the class body with a fresh
// locals dict (its STORE_NAMEs fill it), makes the type by calling the
// metaclass (the type of the first base, else type), and fills the
// __class__ cell the body returns when methods use super() or __class__.

static mp_obj_t builtin___build_class__(size_t n_args, const mp_obj_t *args) {
    mp_obj_dict_t *old_locals = mp_locals_get();
    mp_obj_t class_locals = mp_obj_new_dict(0);
    mp_locals_set(MP_OBJ_TO_PTR(class_locals));
    nlr_buf_t nlr;
    mp_obj_t cell;
    if (nlr_push(&nlr) == 0) {
        cell = mp_call_function_0(args[0]);
        nlr_pop();
    } else {
        mp_locals_set(old_locals);
        nlr_jump(nlr.ret_val);
    }
    mp_locals_set(old_locals);

    mp_obj_t meta = n_args == 2 ? MP_OBJ_FROM_PTR(&mp_type_type) : MP_OBJ_FROM_PTR(mp_obj_get_type(args[2]));
    mp_obj_t meta_args[3] = { args[1], mp_obj_new_tuple(n_args - 2, args + 2), class_locals };
    mp_obj_t new_class = mp_call_function_n_kw(meta, 3, 0, meta_args);
    if (mp_obj_is_type(cell, &mp_type_cell)) { // (a body called directly may return anything)
        mp_obj_cell_set(cell, new_class);
    }
    return new_class;
}
MP_DEFINE_CONST_FUN_OBJ_VAR(mp_builtin___build_class___obj, 2, builtin___build_class__);

mp_obj_t mp_load_build_class(void) {
    // A script may have stored a replacement into builtins.
    mp_obj_t custom = mp_builtins_override_lookup(MP_QSTR___build_class__);
    return custom != MP_OBJ_NULL ? custom : MP_OBJ_FROM_PTR(&mp_builtin___build_class___obj);
}

/******************************************************************************/
// super(type, obj); the compiler turns super() into super(__class__, self)

typedef struct {
    mp_obj_base_t base;
    mp_obj_t type;
    mp_obj_t obj;
} mp_obj_super_t;

static void super_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_super_t *self = MP_OBJ_TO_PTR(self_in);
    mp_print_str(print, "<super: ");
    mp_obj_print_helper(print, self->type, PRINT_STR);
    mp_print_str(print, ", ");
    mp_obj_print_helper(print, self->obj, PRINT_STR);
    mp_print_str(print, ">");
}

static mp_obj_t super_make_new(const mp_obj_type_t *type_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    if (!mp_obj_is_type(args[0], &mp_type_type)) {
        mp_raise_TypeError(NULL);
    }
    mp_obj_super_t *o = mp_obj_malloc(mp_obj_super_t, type_in);
    o->type = args[0];
    o->obj = args[1];
    return MP_OBJ_FROM_PTR(o);
}

static void super_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // only loads
    }
    mp_obj_super_t *self = MP_OBJ_TO_PTR(self_in);
    const mp_obj_type_t *type = MP_OBJ_TO_PTR(self->type);
    class_lookup_t lookup = { MP_OBJ_TO_PTR(self->obj), attr, 0, dest, false };
    if (attr == MP_QSTR___init__) {
        // super().__init__() may reach a native base's constructor.
        lookup.slot_offset = MP_OBJ_TYPE_OFFSETOF_SLOT(make_new);
    }
    const void *parent = type_parent(type);
    if (parent == NULL) {
        // nothing but object below
    } else if (parent_is_tuple(parent)) {
        const mp_obj_tuple_t *bases = parent;
        for (size_t i = 0; i < bases->len; i++) {
            if (MP_OBJ_TO_PTR(bases->items[i]) == &mp_type_object) {
                continue; // searched last, below
            }
            class_lookup(&lookup, MP_OBJ_TO_PTR(bases->items[i]));
            if (dest[0] != MP_OBJ_NULL) {
                break;
            }
        }
    } else if (parent != &mp_type_object) {
        class_lookup(&lookup, parent);
    }
    if (dest[0] != MP_OBJ_NULL) {
        if (dest[0] == MP_OBJ_SENTINEL) {
            dest[0] = MP_OBJ_FROM_PTR(&native_base_init_wrapper_obj);
            dest[1] = self->obj;
        }
        return;
    }
    // Finally object (its __init__ and __new__), never its native slots.
    lookup.slot_offset = 0;
    class_lookup(&lookup, &mp_type_object);
}

MP_DEFINE_CONST_OBJ_TYPE(mp_type_super, MP_QSTR_super, MP_TYPE_FLAG_NONE,
    make_new, super_make_new,
    print, super_print,
    attr, super_attr);

// LOAD_SUPER_METHOD: dest = [super, __class__, self] on entry, the method
// and self on return.
void mp_load_super_method(qstr attr, mp_obj_t *dest) {
    if (!mp_obj_is_type(dest[1], &mp_type_type)) {
        mp_raise_TypeError(MP_ERROR_TEXT("super() argument 1 must be a type"));
    }
    mp_obj_super_t super = { { &mp_type_super }, dest[1], dest[2] };
    mp_load_method(MP_OBJ_FROM_PTR(&super), attr, dest);
}
