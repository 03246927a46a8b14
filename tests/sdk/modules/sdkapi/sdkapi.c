// sdkapi: a test module that touches as much of py/dynruntime.h as it can,
// so that tests/sdk can check both that the API compiles warning-free on
// every target and ABI version, and that it behaves in real firmware.
#include "py/dynruntime.h"

/******************************************************************************/
// Object predicates and integers

// Which of the mp_obj_is_* tests hold for o, as a string of flags.
STATIC mp_obj_t kinds(mp_obj_t o) {
    char buf[10];
    size_t n = 0;
    if (mp_obj_is_small_int(o)) {
        buf[n++] = 's';
    }
    if (mp_obj_is_qstr(o)) {
        buf[n++] = 'q';
    }
    if (mp_obj_is_obj(o)) {
        buf[n++] = 'o';
    }
    if (mp_obj_is_int(o)) {
        buf[n++] = 'i';
    }
    if (mp_obj_is_str(o)) {
        buf[n++] = 'S';
    }
    if (mp_obj_is_bool(o)) {
        buf[n++] = 'b';
    }
    if (mp_obj_is_float(o)) {
        buf[n++] = 'f';
    }
    if (mp_obj_is_integer(o)) {
        buf[n++] = 'I';
    }
    if (mp_obj_is_type(o, &mp_type_list)) {
        buf[n++] = 'L';
    }
    if (mp_obj_is_immediate_obj(o)) {
        buf[n++] = 'm';
    }
    return mp_obj_new_str(buf, n);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(kinds_obj, kinds);

// Integer conversions, including values wider than a machine word.
STATIC mp_obj_t ints(void) {
    mp_obj_t items[8] = {
        mp_obj_new_int_from_ll(-(1LL << 40)),
        mp_obj_new_int_from_ull(0xffffffffffffffffULL),
        mp_obj_new_int_from_ll(-5),
        mp_obj_new_int_from_ll(-9223372036854775807LL - 1),
        mp_obj_new_int_from_uint(0x80000000u),
        mp_obj_new_int(-7),
        MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(MP_OBJ_NEW_SMALL_INT(-123))),
        mp_obj_new_bool(mp_obj_get_int(MP_OBJ_NEW_SMALL_INT(-1)) < 0),
    };
    return mp_obj_new_tuple(MP_ARRAY_SIZE(items), items);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(ints_obj, ints);

/******************************************************************************/
// Sequences, iteration, buffers

STATIC mp_obj_t iterate(mp_obj_t iterable) {
    mp_obj_t iter = mp_getiter(iterable, NULL);
    mp_obj_t list = mp_obj_new_list(0, NULL);
    mp_obj_t item;
    while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_list_append(list, item);
    }
    return list;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(iterate_obj, iterate);

// Buffer length, or None when o has no buffer protocol (mp_get_buffer).
STATIC mp_obj_t buflen(mp_obj_t o) {
    mp_buffer_info_t bufinfo;
    if (!mp_get_buffer(o, &bufinfo, MP_BUFFER_READ)) {
        return mp_const_none;
    }
    return mp_obj_new_int(bufinfo.len);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(buflen_obj, buflen);

STATIC mp_obj_t sum3(mp_obj_t seq) {
    mp_obj_t *items;
    mp_obj_get_array_fixed_n(seq, 3, &items);
    mp_obj_t sum = mp_binary_op(MP_BINARY_OP_ADD, items[0], items[1]);
    return mp_binary_op(MP_BINARY_OP_ADD, sum, items[2]);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(sum3_obj, sum3);

STATIC mp_obj_t containers(void) {
    mp_obj_t items[3] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_SMALL_INT(3) };
    mp_obj_t list = mp_obj_new_list(3, items);
    mp_obj_t slice = mp_obj_new_slice(MP_OBJ_NEW_SMALL_INT(1), mp_const_none, mp_const_none);
    mp_obj_t tail = mp_obj_subscr(list, slice, MP_OBJ_SENTINEL);
    mp_obj_list_store(list, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_NEW_SMALL_INT(10));
    mp_obj_t set = mp_obj_new_set(0, NULL);
    mp_obj_set_store(set, MP_OBJ_NEW_SMALL_INT(4));
    mp_obj_set_store(set, MP_OBJ_NEW_SMALL_INT(4));
    mp_obj_t dict = mp_obj_new_dict(0);
    mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(MP_QSTR_value), MP_OBJ_NEW_SMALL_INT(5));
    mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(MP_QSTR_key_two), MP_OBJ_NEW_SMALL_INT(6));
    mp_obj_t got = mp_obj_dict_get(dict, MP_OBJ_NEW_QSTR(MP_QSTR_value));
    mp_obj_dict_delete(dict, MP_OBJ_NEW_QSTR(MP_QSTR_value));
    size_t n;
    mp_obj_t *list_items;
    mp_obj_list_get(list, &n, &list_items);
    mp_obj_t tuple = mp_obj_new_tuple(n, list_items);
    mp_obj_t *tuple_items;
    mp_obj_tuple_get(tuple, &n, &tuple_items);
    mp_obj_t out[7] = { list, tail, set, dict, got, mp_obj_len(tuple), tuple_items[0] };
    return mp_obj_new_tuple(MP_ARRAY_SIZE(out), out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(containers_obj, containers);

STATIC mp_obj_t strings(mp_obj_t s) {
    size_t len;
    const char *data = mp_obj_str_get_data(s, &len);
    const char *cstr = mp_obj_str_get_str(s);
    mp_obj_t out[6] = {
        mp_obj_new_int(len),
        mp_obj_new_bool(cstr[len] == '\0'),
        mp_obj_new_str_of_type(&mp_type_str, (const byte *)data, len),
        mp_obj_new_str_of_type(&mp_type_bytes, (const byte *)data, len),
        mp_obj_new_bytearray(len, data),
        mp_obj_new_bool(mp_obj_equal(s, mp_obj_new_str_of_type(mp_obj_get_type(s), (const byte *)data, len))),
    };
    return mp_obj_new_tuple(MP_ARRAY_SIZE(out), out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(strings_obj, strings);

/******************************************************************************/
// Calls, attributes, imports

STATIC mp_obj_t upper(mp_obj_t s) {
    mp_obj_t dest[2];
    mp_load_method(s, MP_QSTR_upper, dest);
    return mp_call_method_n_kw(0, 0, dest);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(upper_obj, upper);

STATIC mp_obj_t byteorder(void) {
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return mp_load_attr(sys, MP_QSTR_byteorder);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(byteorder_obj, byteorder);

STATIC mp_obj_t calls(mp_obj_t f) {
    mp_obj_t out[3] = {
        mp_call_function_0(f),
        mp_call_function_1(f, MP_OBJ_NEW_SMALL_INT(1)),
        mp_call_function_2(f, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(2)),
    };
    return mp_obj_new_tuple(3, out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(calls_obj, calls);

// Keyword function: (number of positional args, number of keywords).
STATIC mp_obj_t kw(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    mp_obj_t out[2] = { mp_obj_new_int(n_args), mp_obj_new_int(kw_args->used) };
    return mp_obj_new_tuple(2, out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kw_obj, 1, kw);

STATIC mp_obj_t three(mp_obj_t a, mp_obj_t b, mp_obj_t c) {
    return mp_binary_op(MP_BINARY_OP_MULTIPLY, mp_binary_op(MP_BINARY_OP_ADD, a, b), c);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(three_obj, three);

STATIC mp_obj_t var(size_t n_args, const mp_obj_t *args) {
    return mp_obj_new_int(n_args);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR(var_obj, 0, var);

// A function with the full calling convention (MP_DYNRUNTIME_MAKE_FUNCTION).
STATIC mp_obj_t raw(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 4, false);
    return mp_obj_new_int(n_args);
}

STATIC mp_obj_t printing(mp_obj_t o) {
    mp_printf(&mp_plat_print, "int %d, str %s, qstr %q, hex %x\n", 42, "text", MP_QSTR_value, 255);
    mp_print_str(&mp_plat_print, "plain\n");
    mp_print_strn(&mp_plat_print, "strn!\n", 6, 0, ' ', 0);
    mp_printf(MP_PYTHON_PRINTER, "type %q\n", (qstr)mp_obj_get_type(o)->name);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(printing_obj, printing);

/******************************************************************************/
// Exceptions

STATIC mp_obj_t fmt_error(mp_obj_t n) {
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("bad %d %s %q"),
        (int)mp_obj_get_int(n), "arg", MP_QSTR_value);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(fmt_error_obj, fmt_error);

// Raise by kind: each of the raising helpers, called through a table of
// function pointers in rodata. (Not a switch: on armv6m that can become a
// call to a compiler helper routine.)
STATIC void raise_0(void) {
    mp_raise_TypeError(MP_ERROR_TEXT("type"));
}
STATIC void raise_1(void) {
    mp_raise_NotImplementedError(MP_ERROR_TEXT("notimpl"));
}
STATIC void raise_2(void) {
    mp_raise_type(&mp_type_IndexError);
}
STATIC void raise_3(void) {
    mp_raise_type_arg(&mp_type_KeyError, MP_OBJ_NEW_SMALL_INT(3));
}
STATIC void raise_4(void) {
    mp_raise_OSError(MP_EIO);
}
STATIC void raise_5(void) {
    mp_raise_ValueError_no_msg();
}
STATIC void raise_6(void) {
    nlr_raise(mp_obj_new_exception_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("runtime")));
}
STATIC void raise_7(void) {
    nlr_raise(mp_obj_new_exception(&mp_type_ZeroDivisionError));
}
STATIC void raise_8(void) {
    mp_raise_StopIteration(MP_OBJ_NEW_SMALL_INT(8));
}
STATIC void raise_9(void) {
    mp_raise_msg(&mp_type_AttributeError, MP_ERROR_TEXT("attr"));
}

STATIC void (*const raisers[10])(void) = {
    raise_0, raise_1, raise_2, raise_3, raise_4, raise_5, raise_6, raise_7, raise_8, raise_9,
};

STATIC mp_obj_t raise_kind(mp_obj_t kind_in) {
    mp_uint_t kind = mp_obj_get_int(kind_in);
    raisers[kind < 10 ? kind : 9]();
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(raise_obj, raise_kind);

STATIC mp_obj_t exc_args(void) {
    mp_obj_t args[2] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(2) };
    return mp_obj_new_exception_args(&mp_type_OSError, 2, args);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(exc_args_obj, exc_args);

// Nested exception frames: the inner one catches, the outer one sees a
// second raise.
STATIC mp_obj_t nested(mp_obj_t f) {
    volatile int stage = 0;
    nlr_buf_t outer;
    if (nlr_push(&outer) == 0) {
        nlr_buf_t inner;
        if (nlr_push(&inner) == 0) {
            stage = 1;
            mp_call_function_0(f);
            nlr_pop();
        } else {
            stage = 2;
        }
        mp_call_function_0(f);
        nlr_pop();
        return mp_obj_new_int(stage);
    }
    mp_obj_t out[2] = { mp_obj_new_int(stage + 10), MP_OBJ_FROM_PTR(outer.ret_val) };
    return mp_obj_new_tuple(2, out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(nested_obj, nested);

/******************************************************************************/
// Memory

STATIC mp_obj_t memory(void) {
    mp_int_t *p = m_new(mp_int_t, 2);
    p[0] = 1;
    p[1] = 2;
    p = m_renew(mp_int_t, p, 2, 100);
    for (int i = 2; i < 100; ++i) {
        p[i] = p[i - 1] + p[i - 2];
    }
    mp_int_t *z = m_new0(mp_int_t, 8);
    mp_int_t zsum = 0;
    for (int i = 0; i < 8; ++i) {
        zsum += z[i];
    }
    m_del(mp_int_t, z, 8);
    mp_obj_t out[2] = { mp_obj_new_int(p[40]), mp_obj_new_int(zsum) };
    m_free(p);
    void *maybe = m_malloc_maybe(16);
    m_free(maybe);
    return mp_obj_new_tuple(2, out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(memory_obj, memory);

/******************************************************************************/
// A constant type in rodata (its name must be a static qstr), which Python
// can also subclass.

typedef struct _value_obj_t {
    mp_obj_base_t base;
    mp_int_t v;
} value_obj_t;

extern const mp_obj_type_t value_type;

STATIC mp_obj_t value_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    value_obj_t *o = mp_obj_malloc(value_obj_t, type);
    o->v = mp_obj_get_int(args[0]);
    return MP_OBJ_FROM_PTR(o);
}

STATIC void value_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    value_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "value(%d)", (int)self->v);
}

STATIC mp_obj_t value_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    value_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (op == MP_UNARY_OP_NEGATIVE) {
        return mp_obj_new_int(-self->v);
    } else if (op == MP_UNARY_OP_BOOL) {
        return mp_obj_new_bool(self->v != 0);
    }
    return MP_OBJ_NULL;
}

MP_DEFINE_CONST_OBJ_TYPE(
    value_type,
    MP_QSTR_value,
    MP_TYPE_FLAG_NONE,
    make_new, value_make_new,
    print, value_print,
    unary_op, value_unary_op
    );

// The native value inside v (directly or via a Python subclass), or None.
STATIC mp_obj_t native(mp_obj_t v) {
    mp_obj_t base = mp_obj_cast_to_native_base(v, MP_OBJ_FROM_PTR(&value_type));
    if (base == MP_OBJ_NULL) {
        return mp_const_none;
    }
    return mp_obj_new_int(((value_obj_t *)MP_OBJ_TO_PTR(base))->v);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(native_obj, native);

/******************************************************************************/
// A type with the stream protocol, whose methods are the firmware's.

mp_obj_full_type_t source_type;
mp_map_elem_t source_locals_table[3];
STATIC MP_DEFINE_CONST_DICT(source_locals, source_locals_table);

typedef struct _source_obj_t {
    mp_obj_base_t base;
    mp_obj_t data;
    size_t pos;
} source_obj_t;

STATIC mp_uint_t source_read(mp_obj_t self_in, void *buf, mp_uint_t size, int *errcode) {
    source_obj_t *self = MP_OBJ_TO_PTR(self_in);
    size_t len;
    const char *data = mp_obj_str_get_data(self->data, &len);
    mp_uint_t n = 0;
    while (n < size && self->pos < len) {
        ((char *)buf)[n++] = data[self->pos++];
    }
    return n;
}

STATIC mp_uint_t source_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    *errcode = MP_EINVAL;
    return MP_STREAM_ERROR;
}

STATIC const mp_stream_p_t source_stream = {
    .read = source_read,
    .ioctl = source_ioctl,
};

STATIC mp_obj_t source_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    source_obj_t *o = mp_obj_malloc(source_obj_t, type);
    o->data = args[0];
    o->pos = 0;
    return MP_OBJ_FROM_PTR(o);
}

STATIC mp_obj_t protocols(mp_obj_t s) {
    const mp_stream_p_t *p = mp_get_stream_raise(s, MP_STREAM_OP_READ);
    return mp_obj_new_bool(p == &source_stream && mp_get_stream(s) == p);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(protocols_obj, protocols);

/******************************************************************************/
// Spellings of later MicroPython sources (compiled, not run): the allocators
// of objects with a flexible array member, with the member's name (v1.22)
// and without (v1.21); py/cstack.h (v1.24); INT_MAX without <limits.h>.
#include "py/cstack.h"

typedef struct {
    mp_obj_base_t base;
    uint16_t len;
    mp_obj_t items[];
} var_obj_t;

_Static_assert(MP_SDK_VAR_SIZE(var_obj_t, mp_obj_t, 3) == sizeof(var_obj_t) + 3 * sizeof(mp_obj_t), "v1.21 size");
_Static_assert(MP_SDK_VAR_SIZE(var_obj_t, items, mp_obj_t, 3) == offsetof(var_obj_t, items) + 3 * sizeof(mp_obj_t),
    "v1.22 size");
_Static_assert(INT_MAX >= 32767 && INT_MIN < 0, "limits");

STATIC void var_objects(size_t n) {
    var_obj_t *a = m_new_obj_var(var_obj_t, mp_obj_t, n);
    var_obj_t *b = m_new_obj_var(var_obj_t, items, mp_obj_t, n);
    var_obj_t *c = m_new_obj_var0(var_obj_t, items, mp_obj_t, n);
    var_obj_t *d = m_new_obj_var_maybe(var_obj_t, items, mp_obj_t, n);
    var_obj_t *e = mp_obj_malloc_var(var_obj_t, mp_obj_t, n, &mp_type_tuple);
    var_obj_t *f = mp_obj_malloc_var(var_obj_t, items, mp_obj_t, n, &mp_type_tuple);
    mp_cstack_check();
    m_del_var(var_obj_t, mp_obj_t, n, a);
    m_del_var(var_obj_t, items, mp_obj_t, n, b);
    m_del_var(var_obj_t, items, mp_obj_t, n, c);
    m_del_var(var_obj_t, items, mp_obj_t, n, d);
    m_del_var(var_obj_t, mp_obj_t, n, e);
    m_del_var(var_obj_t, items, mp_obj_t, n, f);
}

/******************************************************************************/

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    source_locals_table[0] = (mp_map_elem_t){ MP_OBJ_NEW_QSTR(MP_QSTR_read), MP_OBJ_FROM_PTR(&mp_stream_read_obj) };
    source_locals_table[1] = (mp_map_elem_t){ MP_OBJ_NEW_QSTR(MP_QSTR_readinto), MP_OBJ_FROM_PTR(&mp_stream_readinto_obj) };
    source_locals_table[2] = (mp_map_elem_t){ MP_OBJ_NEW_QSTR(MP_QSTR_readline), MP_OBJ_FROM_PTR(&mp_stream_unbuffered_readline_obj) };
    source_type.base.type = &mp_type_type;
    source_type.flags = MP_TYPE_FLAG_ITER_IS_STREAM;
    source_type.name = MP_QSTR_Source;
    MP_OBJ_TYPE_SET_SLOT(&source_type, make_new, source_make_new, 0);
    MP_OBJ_TYPE_SET_SLOT(&source_type, protocol, &source_stream, 1);
    MP_OBJ_TYPE_SET_SLOT(&source_type, locals_dict, &source_locals, 2);
    mp_store_global(MP_QSTR_Source, MP_OBJ_FROM_PTR(&source_type));
    mp_store_global(MP_QSTR_value, MP_OBJ_FROM_PTR(&value_type));

    mp_store_global(MP_QSTR_kinds, MP_OBJ_FROM_PTR(&kinds_obj));
    mp_store_global(MP_QSTR_ints, MP_OBJ_FROM_PTR(&ints_obj));
    mp_store_global(MP_QSTR_iterate, MP_OBJ_FROM_PTR(&iterate_obj));
    mp_store_global(MP_QSTR_buflen, MP_OBJ_FROM_PTR(&buflen_obj));
    mp_store_global(MP_QSTR_sum3, MP_OBJ_FROM_PTR(&sum3_obj));
    mp_store_global(MP_QSTR_containers, MP_OBJ_FROM_PTR(&containers_obj));
    mp_store_global(MP_QSTR_strings, MP_OBJ_FROM_PTR(&strings_obj));
    mp_store_global(MP_QSTR_upper, MP_OBJ_FROM_PTR(&upper_obj));
    mp_store_global(MP_QSTR_byteorder, MP_OBJ_FROM_PTR(&byteorder_obj));
    mp_store_global(MP_QSTR_calls, MP_OBJ_FROM_PTR(&calls_obj));
    mp_store_global(MP_QSTR_kw, MP_OBJ_FROM_PTR(&kw_obj));
    mp_store_global(MP_QSTR_three, MP_OBJ_FROM_PTR(&three_obj));
    mp_store_global(MP_QSTR_var, MP_OBJ_FROM_PTR(&var_obj));
    mp_store_global(MP_QSTR_raw, MP_DYNRUNTIME_MAKE_FUNCTION(raw));
    mp_store_global(MP_QSTR_printing, MP_OBJ_FROM_PTR(&printing_obj));
    mp_store_global(MP_QSTR_fmt_error, MP_OBJ_FROM_PTR(&fmt_error_obj));
    mp_store_global(MP_QSTR_raise, MP_OBJ_FROM_PTR(&raise_obj));
    mp_store_global(MP_QSTR_exc_args, MP_OBJ_FROM_PTR(&exc_args_obj));
    mp_store_global(MP_QSTR_nested, MP_OBJ_FROM_PTR(&nested_obj));
    mp_store_global(MP_QSTR_memory, MP_OBJ_FROM_PTR(&memory_obj));
    mp_store_global(MP_QSTR_native, MP_OBJ_FROM_PTR(&native_obj));
    mp_store_global(MP_QSTR_protocols, MP_OBJ_FROM_PTR(&protocols_obj));
    mp_store_global(MP_QSTR_ABI, MP_OBJ_NEW_SMALL_INT(MPY_SUB_VERSION));
    (void)var_objects;

    MP_DYNRUNTIME_INIT_EXIT
}
