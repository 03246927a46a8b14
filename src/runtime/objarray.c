// array.array, bytearray and memoryview over mp_obj_array_t (py/objlayout.h):
// construction, printing, append/extend, indexing, slicing and slice
// assignment, concatenation, comparison, iteration and the buffer protocol,
// as MicroPython v1.21. A bytearray's typecode is BYTEARRAY_TYPECODE (1);
// its items are bytes. A memoryview's `free` field is its offset (in items)
// into the viewed buffer; MP_OBJ_ARRAY_TYPECODE_FLAG_RW marks it writable.
#include <string.h>

#include "runtime/objstr.h"

#define BYTEARRAY_TYPECODE 1

static char array_typecode(const mp_obj_array_t *o) {
    return (char)(o->typecode & ~MP_OBJ_ARRAY_TYPECODE_FLAG_RW);
}

static size_t array_itemsize(const mp_obj_array_t *o) {
    return mp_binary_get_size('@', array_typecode(o), NULL);
}

// The first item (a memoryview's items start at its offset).
static byte *array_items(const mp_obj_array_t *o) {
    byte *p = o->items;
    if (o->base.type == &mp_type_memoryview) {
        p += (size_t)o->free * array_itemsize(o);
    }
    return p;
}

static mp_obj_array_t *array_new(const mp_obj_type_t *type, char typecode, size_t n) {
    size_t size = mp_binary_get_size('@', typecode, NULL);
    mp_obj_array_t *o = mp_obj_malloc(mp_obj_array_t, type);
    o->typecode = (byte)typecode;
    o->free = 0;
    o->len = n;
    o->items = m_malloc0(size * n);
    return o;
}

mp_obj_t mp_obj_new_bytearray(size_t n, const void *items) {
    mp_obj_array_t *o = array_new(&mp_type_bytearray, BYTEARRAY_TYPECODE, n);
    if (n > 0) {
        memcpy(o->items, items, n);
    }
    return MP_OBJ_FROM_PTR(o);
}

mp_obj_t mp_obj_new_bytearray_by_ref(size_t n, void *items) {
    mp_obj_array_t *o = mp_obj_malloc(mp_obj_array_t, &mp_type_bytearray);
    o->typecode = BYTEARRAY_TYPECODE;
    o->free = 0;
    o->len = n;
    o->items = items;
    return MP_OBJ_FROM_PTR(o);
}

mp_obj_t mp_obj_new_memoryview(byte typecode, size_t nitems, void *items) {
    mp_obj_array_t *o = mp_obj_malloc(mp_obj_array_t, &mp_type_memoryview);
    o->typecode = typecode;
    o->free = 0;
    o->len = nitems;
    o->items = items;
    return MP_OBJ_FROM_PTR(o);
}

// Makes room for n more items at the end.
static void array_grow(mp_obj_array_t *o, size_t n) {
    if (o->free >= n) {
        return;
    }
    size_t size = array_itemsize(o);
    size_t want = o->len + n;
    size_t spare = want / 2 + 4;
    o->items = m_realloc(o->items, (want + spare) * size);
    o->free = spare;
}

/******************************************************************************/
// Construction

// Fills an array from an iterable of values (or a buffer, copied raw when
// the item types agree in MicroPython's sense).
static mp_obj_t array_construct(const mp_obj_type_t *type, char typecode, mp_obj_t init) {
    mp_buffer_info_t bufinfo;
    if ((typecode == BYTEARRAY_TYPECODE || mp_obj_is_exact_type(init, &mp_type_bytes)
         || mp_obj_is_exact_type(init, &mp_type_bytearray))
        && !mp_obj_is_str(init) && mp_get_buffer(init, &bufinfo, MP_BUFFER_READ)) {
        size_t size = mp_binary_get_size('@', typecode, NULL);
        size_t n = bufinfo.len / size;
        mp_obj_array_t *o = array_new(type, typecode, n);
        if (n > 0) {
            memcpy(o->items, bufinfo.buf, n * size);
        }
        return MP_OBJ_FROM_PTR(o);
    }
    mp_obj_array_t *o = array_new(type, typecode, 0);
    mp_obj_iter_buf_t iter_buf;
    mp_obj_t iter = mp_getiter(init, &iter_buf);
    mp_obj_t item;
    while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        array_grow(o, 1);
        if (typecode == BYTEARRAY_TYPECODE) {
            ((byte *)o->items)[o->len] = (byte)mp_obj_get_int_truncated(item);
        } else {
            mp_binary_set_val_array(typecode, o->items, o->len, item);
        }
        o->len++;
        o->free--;
    }
    return MP_OBJ_FROM_PTR(o);
}

static mp_obj_t array_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 1, 2, false);
    size_t len;
    const char *tc = mp_obj_str_get_data(args[0], &len);
    if (len != 1) {
        mp_raise_ValueError(MP_ERROR_TEXT("bad typecode"));
    }
    mp_binary_get_size('@', tc[0], NULL); // validates it
    if (n_args == 1) {
        return MP_OBJ_FROM_PTR(array_new(&mp_type_array, tc[0], 0));
    }
    return array_construct(&mp_type_array, tc[0], args[1]);
}

static mp_obj_t bytearray_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 0, 3, false);
    if (n_args == 0) {
        return MP_OBJ_FROM_PTR(array_new(&mp_type_bytearray, BYTEARRAY_TYPECODE, 0));
    }
    if (mp_obj_is_str(args[0])) {
        if (n_args == 1) {
            mp_raise_TypeError(MP_ERROR_TEXT("string argument without an encoding"));
        }
        size_t len;
        const byte *data = str_data_len(args[0], &len);
        return mp_obj_new_bytearray(len, data);
    }
    if (n_args > 1) {
        mp_raise_TypeError(MP_ERROR_TEXT("wrong number of arguments"));
    }
    if (mp_obj_is_int(args[0])) {
        mp_int_t n = mp_obj_get_int(args[0]); // OverflowError for a big int
        if (n < 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("negative count"));
        }
        return MP_OBJ_FROM_PTR(array_new(&mp_type_bytearray, BYTEARRAY_TYPECODE, n));
    }
    return array_construct(&mp_type_bytearray, BYTEARRAY_TYPECODE, args[0]);
}

static mp_obj_t memoryview_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[0], &bufinfo, MP_BUFFER_READ);
    char typecode = (char)bufinfo.typecode;
    size_t size = mp_binary_get_size('@', typecode, NULL);
    mp_obj_array_t *o = MP_OBJ_TO_PTR(mp_obj_new_memoryview(typecode, bufinfo.len / size, bufinfo.buf));
    mp_buffer_info_t wbuf;
    if (mp_get_buffer(args[0], &wbuf, MP_BUFFER_WRITE)) {
        o->typecode |= MP_OBJ_ARRAY_TYPECODE_FLAG_RW;
    }
    return MP_OBJ_FROM_PTR(o);
}

/******************************************************************************/
// Printing

static void array_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_array_t *o = MP_OBJ_TO_PTR(self_in);
    if (array_typecode(o) == BYTEARRAY_TYPECODE) {
        mp_print_str(print, "bytearray(b");
        mp_str_print_quoted(print, o->items, o->len, true);
    } else {
        mp_printf(print, "array('%c'", array_typecode(o));
        if (o->len > 0) {
            mp_print_str(print, ", [");
            for (size_t i = 0; i < o->len; i++) {
                if (i > 0) {
                    mp_print_str(print, ", ");
                }
                mp_obj_print_helper(print, mp_binary_get_val_array(array_typecode(o), o->items, i), PRINT_REPR);
            }
            mp_print_str(print, "]");
        }
    }
    mp_print_str(print, ")");
}

/******************************************************************************/
// Operators

static mp_obj_t array_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mp_obj_array_t *o = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(o->len != 0);
        case MP_UNARY_OP_LEN:
            return MP_OBJ_NEW_SMALL_INT(o->len);
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t array_extend(mp_obj_t self_in, mp_obj_t arg_in);

// The lower-case typecode of a buffer, for deciding whether two buffers can
// be compared as bytes; sets *is_unsigned for an unsigned (upper-case) one.
static int typecode_for_comparison(char typecode, bool *is_unsigned) {
    if (typecode == BYTEARRAY_TYPECODE) {
        typecode = 'B';
    }
    if (typecode >= 'A' && typecode <= 'Z') {
        *is_unsigned = true;
        return typecode - 'A' + 'a';
    }
    return typecode;
}

static mp_obj_t array_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    mp_obj_array_t *lhs = MP_OBJ_TO_PTR(lhs_in);
    switch (op) {
        case MP_BINARY_OP_ADD: {
            if (lhs->base.type == &mp_type_memoryview) {
                return MP_OBJ_NULL; // as MicroPython: a view does not concatenate
            }
            mp_buffer_info_t rbuf;
            mp_get_buffer_raise(rhs_in, &rbuf, MP_BUFFER_READ);
            size_t size = array_itemsize(lhs);
            size_t rn = rbuf.len / size;
            char tc = array_typecode(lhs);
            const mp_obj_type_t *type = lhs->base.type == &mp_type_memoryview ? &mp_type_bytearray : lhs->base.type;
            if (type == &mp_type_bytearray) {
                tc = BYTEARRAY_TYPECODE;
                size = 1;
                rn = rbuf.len;
            }
            mp_obj_array_t *res = array_new(type, tc, lhs->len + rn);
            memcpy(res->items, array_items(lhs), lhs->len * size);
            memcpy((byte *)res->items + lhs->len * size, rbuf.buf, rn * size);
            return MP_OBJ_FROM_PTR(res);
        }
        case MP_BINARY_OP_INPLACE_ADD:
            if (lhs->base.type == &mp_type_memoryview) {
                return MP_OBJ_NULL;
            }
            array_extend(lhs_in, rhs_in);
            return lhs_in;
        case MP_BINARY_OP_CONTAINS: {
            // As MicroPython: a bytearray is searched for a byte string; an
            // array is never searched for a number (not implemented), and
            // nothing else is in it.
            mp_buffer_info_t lbuf, rbuf;
            if (mp_get_buffer(rhs_in, &rbuf, MP_BUFFER_READ)) {
                if (lhs->base.type != &mp_type_bytearray) {
                    return mp_const_false;
                }
                mp_get_buffer_raise(lhs_in, &lbuf, MP_BUFFER_READ);
                return mp_obj_new_bool(str_find_bytes(lbuf.buf, lbuf.len, rbuf.buf, rbuf.len, 1) != NULL);
            }
            if (mp_obj_is_int(rhs_in) || mp_obj_is_type(rhs_in, &mp_type_float)) {
                mp_raise_NotImplementedError(NULL);
            }
            return mp_const_false;
        }
        case MP_BINARY_OP_EQUAL:
        case MP_BINARY_OP_LESS:
        case MP_BINARY_OP_LESS_EQUAL:
        case MP_BINARY_OP_MORE:
        case MP_BINARY_OP_MORE_EQUAL: {
            // Compared as bytes, which is right only for the same item
            // layout (signedness aside for ==, unsigned bytes-like for
            // ordering) and no floats (a NaN is unequal to itself): other
            // pairs are not implemented, as in MicroPython.
            mp_buffer_info_t lbuf, rbuf;
            mp_get_buffer_raise(lhs_in, &lbuf, MP_BUFFER_READ);
            if (!mp_get_buffer(rhs_in, &rbuf, MP_BUFFER_READ)) {
                return mp_const_false;
            }
            bool is_unsigned = false;
            int lcode = typecode_for_comparison((char)lbuf.typecode, &is_unsigned);
            int rcode = typecode_for_comparison((char)rbuf.typecode, &is_unsigned);
            if (lcode == rcode && lcode != 'f' && lcode != 'd' && (op == MP_BINARY_OP_EQUAL || is_unsigned)) {
                return mp_obj_new_bool(mp_seq_cmp_bytes(op, lbuf.buf, lbuf.len, rbuf.buf, rbuf.len));
            }
            mp_raise_NotImplementedError(NULL);
        }
        default:
            return MP_OBJ_NULL;
    }
}

/******************************************************************************/
// Methods

static mp_obj_t array_append(mp_obj_t self_in, mp_obj_t arg) {
    mp_obj_array_t *o = MP_OBJ_TO_PTR(self_in);
    array_grow(o, 1);
    char tc = array_typecode(o);
    if (tc == BYTEARRAY_TYPECODE) {
        // As MicroPython: the value is truncated to a byte, not checked.
        ((byte *)o->items)[o->len] = (byte)mp_obj_get_int_truncated(arg);
    } else {
        mp_binary_set_val_array(tc, o->items, o->len, arg);
    }
    o->len++;
    o->free--;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_obj_array_append_obj, array_append);

// Extends by the items of a buffer (MicroPython takes no other iterable).
static mp_obj_t array_extend(mp_obj_t self_in, mp_obj_t arg_in) {
    mp_obj_array_t *o = MP_OBJ_TO_PTR(self_in);
    mp_buffer_info_t bufinfo;
    if (!mp_obj_is_str(arg_in) && mp_get_buffer(arg_in, &bufinfo, MP_BUFFER_READ)) {
        size_t size = array_itemsize(o);
        if (bufinfo.len % size != 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("lhs and rhs should be compatible"));
        }
        size_t n = bufinfo.len / size;
        // The source may be this array: copy it before growing.
        byte *copy = m_malloc(bufinfo.len + 1);
        memcpy(copy, bufinfo.buf, bufinfo.len);
        array_grow(o, n);
        memcpy((byte *)o->items + o->len * size, copy, n * size);
        m_free(copy);
        o->len += n;
        o->free -= n;
        return mp_const_none;
    }
    mp_raise_TypeError(MP_ERROR_TEXT("object with buffer protocol required"));
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_obj_array_extend_obj, array_extend);

/******************************************************************************/
// Indexing and slicing

static mp_obj_t array_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    mp_obj_array_t *o = MP_OBJ_TO_PTR(self_in);
    char tc = array_typecode(o);
    size_t size = array_itemsize(o);
    bool is_view = o->base.type == &mp_type_memoryview;
    if (mp_obj_is_exact_type(index, &mp_type_slice)) {
        mp_bound_slice_t slice;
        if (!mp_seq_get_fast_slice_indexes(o->len, index, &slice)) {
            mp_raise_NotImplementedError(MP_ERROR_TEXT("only slices with step=1 (aka None) are supported"));
        }
        if (slice.stop < slice.start) {
            slice.stop = slice.start;
        }
        size_t start = slice.start, n = slice.stop - slice.start;
        if (value == MP_OBJ_SENTINEL) {
            if (is_view) {
                mp_obj_array_t *v = MP_OBJ_TO_PTR(mp_obj_new_memoryview(o->typecode, n, o->items));
                v->free = o->free + start;
                return MP_OBJ_FROM_PTR(v);
            }
            mp_obj_array_t *res = array_new(o->base.type, tc, n);
            memcpy(res->items, (byte *)o->items + start * size, n * size);
            return MP_OBJ_FROM_PTR(res);
        }
        // Store (value NULL: delete) a slice: the sizes may differ except
        // in a memoryview.
        const byte *src = NULL;
        size_t src_n = 0;
        byte *copy = NULL;
        if (value != MP_OBJ_NULL) {
            mp_buffer_info_t bufinfo;
            if (mp_obj_is_str(value) || !mp_get_buffer(value, &bufinfo, MP_BUFFER_READ)) {
                mp_raise_NotImplementedError(MP_ERROR_TEXT("array/bytes required on right side"));
            }
            if (mp_binary_get_size('@', (char)bufinfo.typecode, NULL) != size && size != 1) {
                mp_raise_ValueError(MP_ERROR_TEXT("lhs and rhs should be compatible"));
            }
            src_n = bufinfo.len / size;
            copy = m_malloc(bufinfo.len + 1);
            memcpy(copy, bufinfo.buf, bufinfo.len);
            src = copy;
        }
        if (is_view) {
            if (!(o->typecode & MP_OBJ_ARRAY_TYPECODE_FLAG_RW)) {
                mp_raise_TypeError(MP_ERROR_TEXT("'memoryview' object doesn't support item assignment"));
            }
            if (src_n != n) {
                mp_raise_ValueError(MP_ERROR_TEXT("lhs and rhs should be compatible"));
            }
            memcpy(array_items(o) + start * size, src, n * size);
        } else {
            if (src_n > n) {
                array_grow(o, src_n - n);
            }
            byte *items = o->items;
            memmove(items + (start + src_n) * size, items + (start + n) * size, (o->len - start - n) * size);
            if (src_n > 0) {
                memcpy(items + start * size, src, src_n * size);
            }
            o->free += n;
            o->free -= src_n;
            o->len = o->len - n + src_n;
        }
        if (copy) {
            m_free(copy);
        }
        return mp_const_none;
    }
    size_t i = mp_get_index(o->base.type, o->len, index, false);
    byte *items = array_items(o);
    if (value == MP_OBJ_SENTINEL) {
        if (tc == BYTEARRAY_TYPECODE) {
            return MP_OBJ_NEW_SMALL_INT(items[i]);
        }
        return mp_binary_get_val_array(tc, items, i);
    }
    if (value == MP_OBJ_NULL) {
        return MP_OBJ_NULL; // no item deletion
    }
    if (is_view && !(o->typecode & MP_OBJ_ARRAY_TYPECODE_FLAG_RW)) {
        mp_raise_TypeError(MP_ERROR_TEXT("'memoryview' object doesn't support item assignment"));
    }
    if (tc == BYTEARRAY_TYPECODE) {
        items[i] = (byte)mp_obj_get_int_truncated(value);
    } else {
        mp_binary_set_val_array(tc, items, i, value);
    }
    return mp_const_none;
}

/******************************************************************************/
// Iteration and the buffer protocol

typedef struct _array_it_t {
    mp_obj_base_t base;
    mp_fun_1_t iternext;
    mp_obj_t array;
    size_t cur;
} array_it_t;

static mp_obj_t array_it_next(mp_obj_t self_in) {
    array_it_t *it = MP_OBJ_TO_PTR(self_in);
    mp_obj_array_t *o = MP_OBJ_TO_PTR(it->array);
    if (it->cur >= o->len) {
        return MP_OBJ_STOP_ITERATION;
    }
    size_t i = it->cur++;
    if (array_typecode(o) == BYTEARRAY_TYPECODE) {
        return MP_OBJ_NEW_SMALL_INT(array_items(o)[i]);
    }
    return mp_binary_get_val_array(array_typecode(o), array_items(o), i);
}

static mp_obj_t array_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(array_it_t) <= sizeof(mp_obj_iter_buf_t), "iterator fits the buffer");
    array_it_t *it = iter_buf ? (array_it_t *)iter_buf : m_new_obj(array_it_t);
    it->base.type = &mp_type_polymorph_iter;
    it->iternext = array_it_next;
    it->array = self_in;
    it->cur = 0;
    return MP_OBJ_FROM_PTR(it);
}

static mp_int_t array_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    mp_obj_array_t *o = MP_OBJ_TO_PTR(self_in);
    if (o->base.type == &mp_type_memoryview && (flags & MP_BUFFER_WRITE)
        && !(o->typecode & MP_OBJ_ARRAY_TYPECODE_FLAG_RW)) {
        return 1;
    }
    char tc = array_typecode(o);
    bufinfo->buf = array_items(o);
    bufinfo->len = o->len * array_itemsize(o);
    bufinfo->typecode = tc == BYTEARRAY_TYPECODE ? 'B' : tc;
    return 0;
}

static const mp_rom_map_elem_t array_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR_append), MP_ROM_PTR(&mp_obj_array_append_obj)},
    {MP_ROM_QSTR(MP_QSTR_extend), MP_ROM_PTR(&mp_obj_array_extend_obj)},
};
static MP_DEFINE_CONST_DICT(array_locals_dict, array_locals_table);

extern const mp_obj_fun_builtin_var_t mp_obj_bytes_hex_obj;
static const mp_rom_map_elem_t memoryview_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR_hex), MP_ROM_PTR(&mp_obj_bytes_hex_obj)},
};
static MP_DEFINE_CONST_DICT(memoryview_locals_dict, memoryview_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_array,
    MP_QSTR_array,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, array_make_new,
    print, array_print,
    iter, array_getiter,
    unary_op, array_unary_op,
    binary_op, array_binary_op,
    subscr, array_subscr,
    buffer, array_get_buffer,
    locals_dict, &array_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_bytearray,
    MP_QSTR_bytearray,
    MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, bytearray_make_new,
    print, array_print,
    iter, array_getiter,
    unary_op, array_unary_op,
    binary_op, array_binary_op,
    subscr, array_subscr,
    buffer, array_get_buffer,
    locals_dict, &mp_obj_bytearray_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_memoryview,
    MP_QSTR_memoryview,
    MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, memoryview_make_new,
    iter, array_getiter,
    unary_op, array_unary_op,
    binary_op, array_binary_op,
    subscr, array_subscr,
    buffer, array_get_buffer,
    locals_dict, &memoryview_locals_dict
    );
