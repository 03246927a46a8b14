// collections.namedtuple as MicroPython v1.21's unix port has it:
// namedtuple(name, fields) makes a type whose instances are tuples (the
// tuple's slots) with the fields as read-only attributes. fields is a list
// or tuple of names, or one str split at whitespace (not at commas: "a, b"
// gives the fields "a," and "b", as in MicroPython). Instances are made
// from positional and keyword arguments and print as Name(a=1, b=2); they
// have no other attributes (no _asdict, _fields, _replace, and not even
// tuple's count and index: those are found on the type only).
#include <string.h>

#include "runtime/runtime.h"

// A namedtuple type: a type with eight slots, then its fields.
typedef struct {
    mp_obj_empty_type_t base;
    const void *slots[8];
    size_t n_fields;
    qstr fields[];
} namedtuple_type_t;

static size_t namedtuple_find_field(const namedtuple_type_t *type, qstr name) {
    for (size_t i = 0; i < type->n_fields; i++) {
        if (type->fields[i] == name) {
            return i;
        }
    }
    return (size_t)-1;
}

static void namedtuple_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_tuple_t *o = MP_OBJ_TO_PTR(o_in);
    const namedtuple_type_t *type = (const namedtuple_type_t *)o->base.type;
    mp_printf(print, "%q(", (qstr)o->base.type->name);
    for (size_t i = 0; i < o->len; i++) {
        if (i > 0) {
            mp_print_str(print, ", ");
        }
        mp_printf(print, "%q=", type->fields[i]);
        mp_obj_print_helper(print, o->items[i], PRINT_REPR);
    }
    mp_print_str(print, ")");
}

// Fields load; nothing else is found on an instance, and nothing stores.
static void namedtuple_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] == MP_OBJ_NULL) {
        mp_obj_tuple_t *self = MP_OBJ_TO_PTR(self_in);
        size_t id = namedtuple_find_field((const namedtuple_type_t *)self->base.type, attr);
        if (id != (size_t)-1) {
            dest[0] = self->items[id];
        }
    } else {
        mp_raise_msg(&mp_type_AttributeError, MP_ERROR_TEXT("can't set attribute"));
    }
}

static mp_obj_t namedtuple_make_new(const mp_obj_type_t *type_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const namedtuple_type_t *type = (const namedtuple_type_t *)type_in;
    size_t num_fields = type->n_fields;
    if (n_args + n_kw != num_fields) {
        mp_raise_msg_varg(&mp_type_TypeError,
            MP_ERROR_TEXT("%q() takes %d positional arguments but %d were given"),
            (qstr)type_in->name, (int)num_fields, (int)(n_args + n_kw));
    }
    // Always a new object, also for no fields (mp_obj_new_tuple would give
    // the shared empty tuple, whose type is tuple).
    mp_obj_tuple_t *tuple = mp_obj_malloc_var(mp_obj_tuple_t, mp_obj_t, num_fields, type_in);
    tuple->len = num_fields;
    memcpy(&tuple->items[0], args, sizeof(mp_obj_t) * n_args);
    memset(&tuple->items[n_args], 0, sizeof(mp_obj_t) * n_kw);
    for (size_t i = n_args; i < n_args + 2 * n_kw; i += 2) {
        qstr kw = mp_obj_str_get_qstr(args[i]);
        size_t id = namedtuple_find_field(type, kw);
        if (id == (size_t)-1) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unexpected keyword argument '%q'"), kw);
        }
        if (tuple->items[id] != MP_OBJ_NULL) {
            mp_raise_msg_varg(&mp_type_TypeError,
                MP_ERROR_TEXT("function got multiple values for argument '%q'"), kw);
        }
        tuple->items[id] = args[i + 1];
    }
    return MP_OBJ_FROM_PTR(tuple);
}

static mp_obj_t namedtuple_new_type(qstr name, size_t n_fields, mp_obj_t *fields) {
    namedtuple_type_t *o = m_new_obj_var0(namedtuple_type_t, qstr, n_fields);
    o->n_fields = n_fields;
    for (size_t i = 0; i < n_fields; i++) {
        o->fields[i] = mp_obj_str_get_qstr(fields[i]);
    }
    mp_obj_type_t *type = (mp_obj_type_t *)&o->base;
    const mp_obj_type_t *tuple = &mp_type_tuple;
    type->base.type = &mp_type_type;
    type->flags = MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE; // equal to a tuple with the same items
    type->name = name;
    MP_OBJ_TYPE_SET_SLOT(type, make_new, namedtuple_make_new, 0);
    MP_OBJ_TYPE_SET_SLOT(type, print, namedtuple_print, 1);
    MP_OBJ_TYPE_SET_SLOT(type, unary_op, MP_OBJ_TYPE_GET_SLOT(tuple, unary_op), 2);
    MP_OBJ_TYPE_SET_SLOT(type, binary_op, MP_OBJ_TYPE_GET_SLOT(tuple, binary_op), 3);
    MP_OBJ_TYPE_SET_SLOT(type, attr, namedtuple_attr, 4);
    MP_OBJ_TYPE_SET_SLOT(type, subscr, MP_OBJ_TYPE_GET_SLOT(tuple, subscr), 5);
    MP_OBJ_TYPE_SET_SLOT(type, iter, MP_OBJ_TYPE_GET_SLOT(tuple, iter), 6);
    MP_OBJ_TYPE_SET_SLOT(type, parent, tuple, 7);
    return MP_OBJ_FROM_PTR(o);
}

static mp_obj_t namedtuple_fun(mp_obj_t name_in, mp_obj_t fields_in) {
    qstr name = mp_obj_str_get_qstr(name_in);
    if (mp_obj_is_str(fields_in)) {
        fields_in = mp_call_function_0(mp_load_attr(fields_in, MP_QSTR_split));
    }
    size_t n_fields;
    mp_obj_t *fields;
    mp_obj_get_array(fields_in, &n_fields, &fields);
    return namedtuple_new_type(name, n_fields, fields);
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_namedtuple_obj, namedtuple_fun);
