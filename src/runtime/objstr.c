// str and bytes: interned (qstr) and heap (mp_obj_str_t) objects, their
// constructors, printing, operators, indexing, iteration and the buffer
// protocol. str is UTF-8 indexed by code point, as MicroPython with
// MICROPY_PY_BUILTINS_STR_UNICODE. The methods are in objstr_methods.c,
// "%" and str.format in objstr_format.c.
#include <string.h>

#include "runtime/objstr.h"

/******************************************************************************/
// UTF-8

size_t utf8_charlen(const byte *data, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += !utf8_is_cont(data[i]);
    }
    return n;
}

unsigned utf8_get_char(const byte *s) {
    unsigned c = *s++;
    if (c < 0x80) {
        return c;
    }
    int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    c &= 0x3f >> more;
    while (more-- > 0 && utf8_is_cont(*s)) {
        c = (c << 6) | (*s++ & 0x3f);
    }
    return c;
}

const byte *utf8_next_char(const byte *s) {
    s++;
    while (utf8_is_cont(*s)) {
        s++;
    }
    return s;
}

size_t utf8_offset(const byte *data, size_t len, size_t i) {
    size_t off = 0;
    while (i > 0 && off < len) {
        off++;
        while (off < len && utf8_is_cont(data[off])) {
            off++;
        }
        i--;
    }
    return off;
}

static bool utf8_valid(const byte *p, size_t len) {
    size_t i = 0;
    while (i < len) {
        byte c = p[i++];
        int more;
        if (c < 0x80) {
            continue;
        } else if (c >= 0xc2 && c < 0xe0) {
            more = 1;
        } else if (c >= 0xe0 && c < 0xf0) {
            more = 2;
        } else if (c >= 0xf0 && c < 0xf5) {
            more = 3;
        } else {
            return false;
        }
        while (more-- > 0) {
            if (i >= len || !utf8_is_cont(p[i++])) {
                return false;
            }
        }
    }
    return true;
}

/******************************************************************************/
// Making str and bytes objects

mp_obj_t mp_obj_new_str_copy(const mp_obj_type_t *type, const byte *data, size_t len) {
    mp_obj_str_t *o = mp_obj_malloc_var(mp_obj_str_t, byte, len + 1, type);
    byte *copy = (byte *)(o + 1);
    if (len > 0) {
        memcpy(copy, data, len);
    }
    copy[len] = '\0';
    o->len = len;
    o->data = copy;
    o->hash = qstr_compute_hash(copy, len);
    return MP_OBJ_FROM_PTR(o);
}

mp_obj_t str_new_of_type(const mp_obj_type_t *type, const byte *data, size_t len) {
    if (type == &mp_type_bytearray) {
        return mp_obj_new_bytearray(len, data);
    }
    if (type == &mp_type_str) {
        qstr q = qstr_find_strn((const char *)data, len);
        if (q != MP_QSTRnull) {
            return MP_OBJ_NEW_QSTR(q);
        }
    }
    return mp_obj_new_str_copy(type, data, len);
}

mp_obj_t mp_obj_new_str(const char *data, size_t len) {
    if (!utf8_valid((const byte *)data, len)) {
        mp_raise_type(&mp_type_UnicodeError);
    }
    return str_new_of_type(&mp_type_str, (const byte *)data, len);
}

mp_obj_t mp_obj_new_str_via_qstr(const char *data, size_t len) {
    return MP_OBJ_NEW_QSTR(qstr_from_strn(data, len));
}

mp_obj_t mp_obj_new_bytes(const byte *data, size_t len) {
    return mp_obj_new_str_copy(&mp_type_bytes, data, len);
}

// Takes the vstr's buffer (it is left empty).
static mp_obj_t str_from_vstr(const mp_obj_type_t *type, vstr_t *vstr) {
    if (type == &mp_type_str) {
        qstr q = qstr_find_strn(vstr->buf, vstr->len);
        if (q != MP_QSTRnull) {
            vstr_clear(vstr);
            return MP_OBJ_NEW_QSTR(q);
        }
    }
    if (vstr->fixed_buf) {
        return mp_obj_new_str_copy(type, (const byte *)vstr->buf, vstr->len);
    }
    byte *data = m_realloc(vstr->buf, vstr->len + 1);
    data[vstr->len] = '\0';
    mp_obj_str_t *o = mp_obj_malloc(mp_obj_str_t, type);
    o->len = vstr->len;
    o->data = data;
    o->hash = qstr_compute_hash(data, o->len);
    vstr->buf = NULL;
    vstr->alloc = 0;
    vstr->len = 0;
    return MP_OBJ_FROM_PTR(o);
}

mp_obj_t mp_obj_new_str_from_vstr(vstr_t *vstr) {
    return str_from_vstr(&mp_type_str, vstr);
}

mp_obj_t mp_obj_new_bytes_from_vstr(vstr_t *vstr) {
    return str_from_vstr(&mp_type_bytes, vstr);
}

/******************************************************************************/
// Accessors

NORETURN static void str_bad_implicit_conversion(mp_obj_t arg) {
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't convert '%q' object to %q implicitly"),
        (qstr)mp_obj_get_type(arg)->name, (qstr)MP_QSTR_str);
}

const char *mp_obj_str_get_data(mp_obj_t self_in, size_t *len) {
    if (!str_is_str_or_bytes(self_in)) {
        str_bad_implicit_conversion(self_in);
    }
    return (const char *)str_data_len(self_in, len);
}

const char *mp_obj_str_get_str(mp_obj_t self_in) {
    size_t len;
    return mp_obj_str_get_data(self_in, &len);
}

size_t mp_obj_str_get_len(mp_obj_t self_in) {
    size_t len;
    const byte *data = (const byte *)mp_obj_str_get_data(self_in, &len);
    return mp_obj_is_str(self_in) ? utf8_charlen(data, len) : len;
}

size_t mp_obj_str_get_hash(mp_obj_t self_in) {
    if (mp_obj_is_qstr(self_in)) {
        return qstr_hash(MP_OBJ_QSTR_VALUE(self_in));
    }
    mp_obj_str_t *s = MP_OBJ_TO_PTR(self_in);
    if (s->hash == 0) {
        // A constant str (MP_DEFINE_STR_OBJ) comes without its hash.
        return qstr_compute_hash(s->data, s->len);
    }
    return s->hash;
}

qstr mp_obj_str_get_qstr(mp_obj_t self_in) {
    if (mp_obj_is_qstr(self_in)) {
        return MP_OBJ_QSTR_VALUE(self_in);
    }
    // A name must be a str: bytes are refused, as by MicroPython.
    if (!mp_obj_is_str(self_in)) {
        str_bad_implicit_conversion(self_in);
    }
    size_t len;
    const char *data = mp_obj_str_get_data(self_in, &len);
    return qstr_from_strn(data, len);
}

bool mp_obj_str_equal(mp_obj_t s1, mp_obj_t s2) {
    if (mp_obj_is_qstr(s1) && mp_obj_is_qstr(s2)) {
        return s1 == s2;
    }
    if (mp_obj_str_get_hash(s1) != mp_obj_str_get_hash(s2)) {
        return false;
    }
    size_t l1, l2;
    const byte *d1 = str_data_len(s1, &l1);
    const byte *d2 = str_data_len(s2, &l2);
    return l1 == l2 && memcmp(d1, d2, l1) == 0;
}

const byte *mp_obj_bytes_data(mp_obj_t o, size_t *len) {
    if (str_is_str_or_bytes(o)) {
        return str_data_len(o, len);
    }
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(o, &bufinfo, MP_BUFFER_READ);
    *len = bufinfo.len;
    return bufinfo.buf;
}

const byte *str_arg_data(const mp_obj_type_t *self_type, mp_obj_t arg, size_t *len) {
    if (self_type == &mp_type_str) {
        if (!mp_obj_is_str(arg)) {
            str_bad_implicit_conversion(arg);
        }
        return str_data_len(arg, len);
    }
    if (mp_obj_is_str(arg)) {
        str_bad_implicit_conversion(arg);
    }
    mp_buffer_info_t bufinfo;
    if (!mp_get_buffer(arg, &bufinfo, MP_BUFFER_READ)) {
        str_bad_implicit_conversion(arg);
    }
    *len = bufinfo.len;
    return bufinfo.buf;
}

const byte *str_find_bytes(const byte *hay, size_t hlen, const byte *needle, size_t nlen, int direction) {
    if (nlen > hlen) {
        return NULL;
    }
    size_t last = hlen - nlen;
    for (size_t k = 0; k <= last; k++) {
        size_t i = direction > 0 ? k : last - k;
        if (memcmp(hay + i, needle, nlen) == 0) {
            return hay + i;
        }
    }
    return NULL;
}

/******************************************************************************/
// Printing

// Bytes: printable ASCII as is, the rest as \xNN (and \n \r \t).
// Str: printable ASCII as is, other code points as \xNN, \uNNNN, \UNNNNNNNN.
void mp_str_print_quoted(const mp_print_t *print, const byte *str_data, size_t str_len, bool is_bytes) {
    const byte *top = str_data + str_len;
    bool has_single = false, has_double = false;
    for (const byte *s = str_data; s < top && !has_double; s++) {
        has_single |= *s == '\'';
        has_double |= *s == '"';
    }
    char quote = has_single && !has_double ? '"' : '\'';
    char buf[12];
    print->print_strn(print->data, &quote, 1);
    for (const byte *s = str_data; s < top;) {
        unsigned ch;
        if (is_bytes) {
            ch = *s++;
        } else {
            ch = utf8_get_char(s);
            s = utf8_next_char(s);
            if (s > top) {
                s = top;
            }
        }
        const char *esc = NULL;
        size_t n = 0;
        if (ch == (unsigned)quote) {
            buf[0] = '\\';
            buf[1] = quote;
            n = 2;
        } else if (ch == '\\') {
            esc = "\\\\";
        } else if (ch >= 0x20 && ch < 0x7f) {
            buf[0] = (char)ch;
            n = 1;
        } else if (ch == '\n') {
            esc = "\\n";
        } else if (ch == '\r') {
            esc = "\\r";
        } else if (ch == '\t') {
            esc = "\\t";
        } else {
            static const char hex[] = "0123456789abcdef";
            int digits = ch < 0x100 ? 2 : ch < 0x10000 ? 4 : 8;
            buf[0] = '\\';
            buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
            for (int i = 0; i < digits; i++) {
                buf[2 + i] = hex[(ch >> (4 * (digits - 1 - i))) & 15];
            }
            n = 2 + digits;
        }
        if (esc) {
            print->print_strn(print->data, esc, strlen(esc));
        } else {
            print->print_strn(print->data, buf, n);
        }
    }
    print->print_strn(print->data, &quote, 1);
}

static void str_print_json(const mp_print_t *print, const byte *data, size_t len) {
    print->print_strn(print->data, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        byte c = data[i];
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            print->print_strn(print->data, esc, 2);
        } else if (c >= 32) {
            print->print_strn(print->data, (const char *)&data[i], 1);
        } else if (c == '\n') {
            print->print_strn(print->data, "\\n", 2);
        } else if (c == '\r') {
            print->print_strn(print->data, "\\r", 2);
        } else if (c == '\t') {
            print->print_strn(print->data, "\\t", 2);
        } else {
            mp_printf(print, "\\u%04x", c);
        }
    }
    print->print_strn(print->data, "\"", 1);
}

static void str_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    size_t len;
    const byte *data = str_data_len(self_in, &len);
    if (kind == PRINT_JSON) {
        str_print_json(print, data, len);
    } else if (kind == PRINT_STR || kind == PRINT_RAW) {
        print->print_strn(print->data, (const char *)data, len);
    } else {
        mp_str_print_quoted(print, data, len, false);
    }
}

static void bytes_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    size_t len;
    const byte *data = str_data_len(self_in, &len);
    if (kind == PRINT_JSON) {
        str_print_json(print, data, len);
    } else if (kind == PRINT_RAW) {
        print->print_strn(print->data, (const char *)data, len);
    } else {
        print->print_strn(print->data, "b", 1);
        mp_str_print_quoted(print, data, len, true);
    }
}

mp_obj_t mp_obj_str_make(mp_obj_t o, mp_print_kind_t kind) {
    if (kind == PRINT_STR && mp_obj_is_str(o)) {
        return o;
    }
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_obj_print_helper(&print, o, kind);
    return mp_obj_new_str_from_vstr(&vstr);
}

/******************************************************************************/
// Constructors

static mp_obj_t str_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 0, 3, false);
    if (n_args == 0) {
        return MP_OBJ_NEW_QSTR(MP_QSTR_);
    }
    if (n_args == 1) {
        return mp_obj_str_make(args[0], PRINT_STR);
    }
    // str(bytes, encoding[, errors]): decode UTF-8.
    size_t len;
    const byte *data = mp_obj_bytes_data(args[0], &len);
    if (mp_obj_is_str(args[0])) {
        mp_raise_TypeError(MP_ERROR_TEXT("decoding str is not supported"));
    }
    return mp_obj_new_str((const char *)data, len);
}

static mp_obj_t bytes_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    (void)n_kw;
    if (n_args == 0) {
        return mp_obj_new_bytes(NULL, 0);
    }
    if (mp_obj_is_str(args[0])) {
        if (n_args < 2 || n_args > 3) {
            mp_raise_TypeError(MP_ERROR_TEXT("string argument without an encoding"));
        }
        size_t len;
        const byte *data = str_data_len(args[0], &len);
        return mp_obj_new_bytes(data, len);
    }
    if (n_args > 1) {
        mp_raise_TypeError(MP_ERROR_TEXT("wrong number of arguments"));
    }
    if (mp_obj_is_small_int(args[0])) {
        mp_int_t n = MP_OBJ_SMALL_INT_VALUE(args[0]);
        if (n < 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("negative count"));
        }
        vstr_t vstr;
        vstr_init_len(&vstr, n);
        memset(vstr.buf, 0, n);
        return mp_obj_new_bytes_from_vstr(&vstr);
    }
    mp_buffer_info_t bufinfo;
    if (mp_get_buffer(args[0], &bufinfo, MP_BUFFER_READ)) {
        return mp_obj_new_bytes(bufinfo.buf, bufinfo.len);
    }
    vstr_t vstr;
    vstr_init(&vstr, 16);
    mp_obj_iter_buf_t iter_buf;
    mp_obj_t iter = mp_getiter(args[0], &iter_buf);
    mp_obj_t item;
    while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_int_t v = mp_obj_get_int(item);
        if (v < 0 || v > 255) {
            mp_raise_ValueError(MP_ERROR_TEXT("bytes value out of range"));
        }
        vstr_add_byte(&vstr, (byte)v);
    }
    return mp_obj_new_bytes_from_vstr(&vstr);
}

/******************************************************************************/
// Operators

static int str_compare(const byte *a, size_t alen, const byte *b, size_t blen) {
    int c = memcmp(a, b, MIN(alen, blen));
    if (c == 0) {
        c = (alen > blen) - (alen < blen);
    }
    return c;
}

static mp_obj_t str_repeat(const mp_obj_type_t *type, const byte *data, size_t len, mp_obj_t count) {
    mp_int_t n;
    if (!mp_obj_get_int_maybe(count, &n)) {
        return MP_OBJ_NULL;
    }
    if (n <= 0 || len == 0) {
        return type == &mp_type_str ? MP_OBJ_NEW_QSTR(MP_QSTR_) : mp_obj_new_bytes(NULL, 0);
    }
    vstr_t vstr;
    vstr_init_len(&vstr, len * n);
    for (mp_int_t i = 0; i < n; i++) {
        memcpy(vstr.buf + i * len, data, len);
    }
    return str_from_vstr(type, &vstr);
}

mp_obj_t mp_obj_str_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    const mp_obj_type_t *type = mp_obj_is_str(lhs_in) ? &mp_type_str : &mp_type_bytes;
    size_t llen;
    const byte *ldata = str_data_len(lhs_in, &llen);

    if (op == MP_BINARY_OP_MODULO || op == MP_BINARY_OP_INPLACE_MODULO) {
        if (mp_obj_is_exact_type(rhs_in, &mp_type_tuple)) {
            size_t n;
            mp_obj_t *items;
            mp_obj_tuple_get(rhs_in, &n, &items);
            return str_modulo_format(lhs_in, n, items, MP_OBJ_NULL);
        }
        bool is_dict = mp_obj_is_exact_type(rhs_in, &mp_type_dict);
        return str_modulo_format(lhs_in, 1, &rhs_in, is_dict ? rhs_in : MP_OBJ_NULL);
    }
    if (op == MP_BINARY_OP_MULTIPLY || op == MP_BINARY_OP_INPLACE_MULTIPLY) {
        return str_repeat(type, ldata, llen, rhs_in);
    }

    // The other operators take the same kind of operand; bytes take any
    // buffer, as in MicroPython (even a str: b'a' + 'b' is b'ab').
    bool same_kind = type == &mp_type_str ? mp_obj_is_str(rhs_in) : mp_obj_is_exact_type(rhs_in, &mp_type_bytes);
    size_t rlen = 0;
    const byte *rdata = NULL;
    if (same_kind) {
        rdata = str_data_len(rhs_in, &rlen);
    } else if (type == &mp_type_bytes) {
        mp_buffer_info_t bufinfo;
        if (mp_get_buffer(rhs_in, &bufinfo, MP_BUFFER_READ)) {
            rdata = bufinfo.buf;
            rlen = bufinfo.len;
            same_kind = true;
        }
    }

    switch (op) {
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_INPLACE_ADD: {
            if (!same_kind) {
                return MP_OBJ_NULL;
            }
            if (llen == 0 && type == &mp_type_str) {
                return rhs_in;
            }
            if (rlen == 0 && type == &mp_type_str) {
                return lhs_in;
            }
            vstr_t vstr;
            vstr_init_len(&vstr, llen + rlen);
            memcpy(vstr.buf, ldata, llen);
            memcpy(vstr.buf + llen, rdata, rlen);
            return str_from_vstr(type, &vstr);
        }
        case MP_BINARY_OP_CONTAINS:
            if (type == &mp_type_bytes && mp_obj_is_small_int(rhs_in)) {
                mp_int_t v = MP_OBJ_SMALL_INT_VALUE(rhs_in);
                return mp_obj_new_bool(v >= 0 && v < 256 && memchr(ldata, (int)v, llen) != NULL);
            }
            if (!same_kind) {
                str_bad_implicit_conversion(rhs_in);
            }
            return mp_obj_new_bool(str_find_bytes(ldata, llen, rdata, rlen, 1) != NULL);
        case MP_BINARY_OP_EQUAL:
            if (!same_kind) {
                return str_is_str_or_bytes(rhs_in) ? mp_const_false : MP_OBJ_NULL;
            }
            return mp_obj_new_bool(llen == rlen && memcmp(ldata, rdata, llen) == 0);
        case MP_BINARY_OP_NOT_EQUAL:
            if (!same_kind) {
                return str_is_str_or_bytes(rhs_in) ? mp_const_true : MP_OBJ_NULL;
            }
            return mp_obj_new_bool(!(llen == rlen && memcmp(ldata, rdata, llen) == 0));
        case MP_BINARY_OP_LESS:
        case MP_BINARY_OP_LESS_EQUAL:
        case MP_BINARY_OP_MORE:
        case MP_BINARY_OP_MORE_EQUAL: {
            if (!same_kind) {
                return MP_OBJ_NULL;
            }
            int c = str_compare(ldata, llen, rdata, rlen);
            bool r = op == MP_BINARY_OP_LESS ? c < 0 : op == MP_BINARY_OP_LESS_EQUAL ? c <= 0
                : op == MP_BINARY_OP_MORE ? c > 0 : c >= 0;
            return mp_obj_new_bool(r);
        }
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t str_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    size_t len;
    const byte *data = str_data_len(self_in, &len);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(len != 0);
        case MP_UNARY_OP_LEN:
            return MP_OBJ_NEW_SMALL_INT(mp_obj_is_str(self_in) ? utf8_charlen(data, len) : len);
        case MP_UNARY_OP_HASH:
            return MP_OBJ_NEW_SMALL_INT(mp_obj_str_get_hash(self_in));
        default:
            return MP_OBJ_NULL;
    }
}

/******************************************************************************/
// Indexing and slicing

static mp_obj_t str_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    if (value != MP_OBJ_SENTINEL) {
        return MP_OBJ_NULL; // immutable
    }
    bool is_str = mp_obj_is_str(self_in);
    const mp_obj_type_t *type = is_str ? &mp_type_str : &mp_type_bytes;
    size_t len;
    const byte *data = str_data_len(self_in, &len);
    size_t n = is_str ? utf8_charlen(data, len) : len;
    if (mp_obj_is_exact_type(index, &mp_type_slice)) {
        mp_bound_slice_t slice;
        if (!mp_seq_get_fast_slice_indexes(n, index, &slice)) {
            mp_raise_NotImplementedError(MP_ERROR_TEXT("only slices with step=1 (aka None) are supported"));
        }
        if (slice.stop < slice.start) {
            slice.stop = slice.start;
        }
        size_t start = slice.start, stop = slice.stop;
        if (is_str) {
            start = utf8_offset(data, len, start);
            stop = start + utf8_offset(data + start, len - start, slice.stop - slice.start);
        }
        return str_new_of_type(type, data + start, stop - start);
    }
    if (!is_str) {
        size_t i = mp_get_index(type, n, index, false);
        return MP_OBJ_NEW_SMALL_INT(data[i]);
    }
    // str's messages say "string", not the type's name.
    if (!mp_obj_is_small_int(index) && !mp_obj_is_bool(index)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("string indices must be integers, not %s"),
            mp_obj_get_type_str(index));
    }
    mp_int_t i = mp_obj_is_bool(index) ? index == mp_const_true : MP_OBJ_SMALL_INT_VALUE(index);
    if (i < 0) {
        i += n;
    }
    if (i < 0 || (size_t)i >= n) {
        mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("string index out of range"));
    }
    size_t off = utf8_offset(data, len, i);
    size_t end = utf8_next_char(data + off) - data;
    return str_new_of_type(type, data + off, MIN(end, len) - off);
}

/******************************************************************************/
// Iteration: a polymorphic iterator in the caller's buffer.

typedef struct _str_it_t {
    mp_obj_base_t base;
    mp_fun_1_t iternext;
    mp_obj_t str;
    size_t cur; // byte offset
} str_it_t;

static mp_obj_t str_it_next(mp_obj_t self_in) {
    str_it_t *self = MP_OBJ_TO_PTR(self_in);
    size_t len;
    const byte *data = str_data_len(self->str, &len);
    if (self->cur >= len) {
        return MP_OBJ_STOP_ITERATION;
    }
    size_t start = self->cur;
    size_t end = utf8_next_char(data + start) - data;
    self->cur = MIN(end, len);
    return str_new_of_type(&mp_type_str, data + start, self->cur - start);
}

static mp_obj_t bytes_it_next(mp_obj_t self_in) {
    str_it_t *self = MP_OBJ_TO_PTR(self_in);
    size_t len;
    const byte *data = str_data_len(self->str, &len);
    if (self->cur >= len) {
        return MP_OBJ_STOP_ITERATION;
    }
    return MP_OBJ_NEW_SMALL_INT(data[self->cur++]);
}

static mp_obj_t str_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(str_it_t) <= sizeof(mp_obj_iter_buf_t), "iterator fits the buffer");
    str_it_t *it = iter_buf ? (str_it_t *)iter_buf : m_new_obj(str_it_t);
    it->base.type = &mp_type_polymorph_iter;
    it->iternext = mp_obj_is_str(self_in) ? str_it_next : bytes_it_next;
    it->str = self_in;
    it->cur = 0;
    return MP_OBJ_FROM_PTR(it);
}

/******************************************************************************/
// Buffer protocol (read-only)

static mp_int_t str_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    if (flags & MP_BUFFER_WRITE) {
        return 1;
    }
    size_t len;
    bufinfo->buf = (void *)str_data_len(self_in, &len);
    bufinfo->len = len;
    bufinfo->typecode = 'B';
    return 0;
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_str,
    MP_QSTR_str,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, str_make_new,
    print, str_print,
    unary_op, str_unary_op,
    binary_op, mp_obj_str_binary_op,
    subscr, str_subscr,
    iter, str_getiter,
    buffer, str_get_buffer,
    locals_dict, &mp_obj_str_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_bytes,
    MP_QSTR_bytes,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, bytes_make_new,
    print, bytes_print,
    unary_op, str_unary_op,
    binary_op, mp_obj_str_binary_op,
    subscr, str_subscr,
    iter, str_getiter,
    buffer, str_get_buffer,
    locals_dict, &mp_obj_bytes_locals_dict
    );
