// The methods of str, bytes and bytearray (bytearray shares the bytes
// methods, as in MicroPython with MICROPY_CPYTHON_COMPAT), with MicroPython
// v1.21's argument rules and messages. Positions of str methods count code
// points; bytes and bytearray count bytes.
#include <string.h>

#include "runtime/objstr.h"

// self's type for results (str, bytes or bytearray) and its bytes.
static const byte *self_data(mp_obj_t self, const mp_obj_type_t **type, size_t *len) {
    if (mp_obj_is_str(self)) {
        *type = &mp_type_str;
        return str_data_len(self, len);
    }
    *type = mp_obj_get_type(self);
    return mp_obj_bytes_data(self, len);
}

static mp_obj_t empty_of_type(const mp_obj_type_t *type) {
    return str_new_of_type(type, NULL, 0);
}

static bool is_ws(byte c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// Converts a Python index (code points for str) into a byte offset,
// clamped to [0, len] as slice bounds are; arg None gives dflt.
static size_t index_arg(bool is_str, const byte *data, size_t len, mp_obj_t arg, size_t dflt) {
    if (arg == mp_const_none) {
        return dflt;
    }
    size_t n = is_str ? utf8_charlen(data, len) : len;
    mp_int_t i = mp_obj_get_int(arg);
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    } else if ((size_t)i > n) {
        i = n;
    }
    return is_str ? utf8_offset(data, len, i) : (size_t)i;
}

static mp_obj_t str_finder(size_t n_args, const mp_obj_t *args, int direction, bool is_index) {
    const mp_obj_type_t *type;
    size_t len, nlen;
    const byte *data = self_data(args[0], &type, &len);
    const byte *needle = str_arg_data(type, args[1], &nlen);
    bool is_str = type == &mp_type_str;
    size_t start = n_args >= 3 ? index_arg(is_str, data, len, args[2], 0) : 0;
    size_t end = n_args >= 4 ? index_arg(is_str, data, len, args[3], len) : len;
    const byte *p = NULL;
    if (start <= end) {
        p = str_find_bytes(data + start, end - start, needle, nlen, direction);
    }
    if (p == NULL) {
        if (is_index) {
            mp_raise_ValueError(MP_ERROR_TEXT("substring not found"));
        }
        return MP_OBJ_NEW_SMALL_INT(-1);
    }
    size_t off = p - data;
    return MP_OBJ_NEW_SMALL_INT(is_str ? utf8_charlen(data, off) : off);
}

static mp_obj_t str_find(size_t n_args, const mp_obj_t *args) {
    return str_finder(n_args, args, 1, false);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_find_obj, 2, 4, str_find);

static mp_obj_t str_rfind(size_t n_args, const mp_obj_t *args) {
    return str_finder(n_args, args, -1, false);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_rfind_obj, 2, 4, str_rfind);

static mp_obj_t str_index(size_t n_args, const mp_obj_t *args) {
    return str_finder(n_args, args, 1, true);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_index_obj, 2, 4, str_index);

static mp_obj_t str_rindex(size_t n_args, const mp_obj_t *args) {
    return str_finder(n_args, args, -1, true);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_rindex_obj, 2, 4, str_rindex);

static mp_obj_t str_count(size_t n_args, const mp_obj_t *args) {
    const mp_obj_type_t *type;
    size_t len, nlen;
    const byte *data = self_data(args[0], &type, &len);
    const byte *needle = str_arg_data(type, args[1], &nlen);
    bool is_str = type == &mp_type_str;
    size_t start = n_args >= 3 ? index_arg(is_str, data, len, args[2], 0) : 0;
    size_t end = n_args >= 4 ? index_arg(is_str, data, len, args[3], len) : len;
    if (start > end) {
        return MP_OBJ_NEW_SMALL_INT(0);
    }
    if (nlen == 0) {
        size_t n = end - start;
        return MP_OBJ_NEW_SMALL_INT((is_str ? utf8_charlen(data + start, n) : n) + 1);
    }
    mp_int_t count = 0;
    for (size_t i = start; i + nlen <= end;) {
        if (memcmp(data + i, needle, nlen) == 0) {
            count++;
            i += nlen;
        } else {
            i++;
        }
    }
    return MP_OBJ_NEW_SMALL_INT(count);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_count_obj, 2, 4, str_count);

static mp_obj_t str_startswith(size_t n_args, const mp_obj_t *args) {
    const mp_obj_type_t *type;
    size_t len, plen;
    const byte *data = self_data(args[0], &type, &len);
    const byte *prefix = str_arg_data(type, args[1], &plen);
    size_t start = n_args >= 3 ? index_arg(type == &mp_type_str, data, len, args[2], 0) : 0;
    return mp_obj_new_bool(start + plen <= len && memcmp(data + start, prefix, plen) == 0);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_startswith_obj, 2, 3, str_startswith);

static mp_obj_t str_endswith(size_t n_args, const mp_obj_t *args) {
    if (n_args > 2) {
        mp_raise_NotImplementedError(MP_ERROR_TEXT("start/end indices"));
    }
    const mp_obj_type_t *type;
    size_t len, slen;
    const byte *data = self_data(args[0], &type, &len);
    const byte *suffix = str_arg_data(type, args[1], &slen);
    return mp_obj_new_bool(slen <= len && memcmp(data + len - slen, suffix, slen) == 0);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_endswith_obj, 2, 3, str_endswith);

static mp_obj_t str_join(mp_obj_t self_in, mp_obj_t iterable) {
    const mp_obj_type_t *type;
    size_t sep_len;
    const byte *sep = self_data(self_in, &type, &sep_len);
    mp_obj_t list = mp_obj_is_exact_type(iterable, &mp_type_list) || mp_obj_is_exact_type(iterable, &mp_type_tuple)
        ? iterable : mp_obj_list_from_iter(iterable);
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(list, &n, &items);
    vstr_t vstr;
    vstr_init(&vstr, 16);
    for (size_t i = 0; i < n; i++) {
        // bytes and bytearray mix, as in MicroPython.
        bool ok = type == &mp_type_str ? mp_obj_is_str(items[i])
            : mp_obj_is_exact_type(items[i], &mp_type_bytes) || mp_obj_is_exact_type(items[i], &mp_type_bytearray);
        if (!ok) {
            mp_raise_TypeError(MP_ERROR_TEXT("join expects a list of str/bytes objects consistent with self object"));
        }
        if (i > 0) {
            vstr_add_strn(&vstr, (const char *)sep, sep_len);
        }
        size_t l;
        const byte *d = mp_obj_bytes_data(items[i], &l);
        vstr_add_strn(&vstr, (const char *)d, l);
    }
    mp_obj_t res = str_new_of_type(type, (const byte *)vstr.buf, vstr.len);
    vstr_clear(&vstr);
    return res;
}
static MP_DEFINE_CONST_FUN_OBJ_2(str_join_obj, str_join);

// split and rsplit: sep NULL splits at runs of whitespace.
static mp_obj_t str_splitter(size_t n_args, const mp_obj_t *args, bool from_right) {
    const mp_obj_type_t *type;
    size_t len;
    const byte *data = self_data(args[0], &type, &len);
    mp_int_t maxsplit = n_args >= 3 ? mp_obj_get_int(args[2]) : -1;
    mp_obj_t sep_in = n_args >= 2 ? args[1] : mp_const_none;
    mp_obj_t res = mp_obj_new_list(0, NULL);
    const byte *top = data + len;
    if (sep_in == mp_const_none) {
        if (from_right && maxsplit >= 0) {
            mp_raise_NotImplementedError(MP_ERROR_TEXT("rsplit(None,n)"));
        }
        const byte *s = data;
        while (s < top && is_ws(*s)) {
            s++;
        }
        while (s < top && maxsplit != 0) {
            const byte *word = s;
            while (s < top && !is_ws(*s)) {
                s++;
            }
            mp_obj_list_append(res, str_new_of_type(type, word, s - word));
            while (s < top && is_ws(*s)) {
                s++;
            }
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
        if (s < top) {
            mp_obj_list_append(res, str_new_of_type(type, s, top - s));
        }
        return res;
    }
    size_t sep_len;
    const byte *sep = str_arg_data(type, sep_in, &sep_len);
    if (sep_len == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("empty separator"));
    }
    if (!from_right) {
        const byte *s = data;
        for (;;) {
            const byte *p = maxsplit == 0 ? NULL : str_find_bytes(s, top - s, sep, sep_len, 1);
            if (p == NULL) {
                mp_obj_list_append(res, str_new_of_type(type, s, top - s));
                return res;
            }
            mp_obj_list_append(res, str_new_of_type(type, s, p - s));
            s = p + sep_len;
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
    }
    // From the right: collect the pieces backwards, then reverse.
    const byte *end = top;
    for (;;) {
        const byte *p = maxsplit == 0 ? NULL : str_find_bytes(data, end - data, sep, sep_len, -1);
        if (p == NULL) {
            mp_obj_list_append(res, str_new_of_type(type, data, end - data));
            break;
        }
        mp_obj_list_append(res, str_new_of_type(type, p + sep_len, end - p - sep_len));
        end = p;
        if (maxsplit > 0) {
            maxsplit--;
        }
    }
    size_t n;
    mp_obj_t *items;
    mp_obj_list_get(res, &n, &items);
    for (size_t i = 0; i < n / 2; i++) {
        mp_obj_t t = items[i];
        items[i] = items[n - 1 - i];
        items[n - 1 - i] = t;
    }
    return res;
}

static mp_obj_t str_split(size_t n_args, const mp_obj_t *args) {
    return str_splitter(n_args, args, false);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_split_obj, 1, 3, str_split);

static mp_obj_t str_rsplit(size_t n_args, const mp_obj_t *args) {
    return str_splitter(n_args, args, true);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_rsplit_obj, 1, 3, str_rsplit);

// which: 1 strips the left, 2 the right, 3 both.
static mp_obj_t str_stripper(size_t n_args, const mp_obj_t *args, int which) {
    const mp_obj_type_t *type;
    size_t len, clen = 0;
    const byte *data = self_data(args[0], &type, &len);
    const byte *chars = NULL;
    if (n_args > 1 && args[1] != mp_const_none) {
        chars = str_arg_data(type, args[1], &clen);
    }
    size_t a = 0, b = len;
#define STRIP_THIS(c) (chars ? memchr(chars, (c), clen) != NULL : is_ws(c))
    if (which & 1) {
        while (a < b && STRIP_THIS(data[a])) {
            a++;
        }
    }
    if (which & 2) {
        while (b > a && STRIP_THIS(data[b - 1])) {
            b--;
        }
    }
#undef STRIP_THIS
    if (a == 0 && b == len && type != &mp_type_bytearray) {
        return args[0];
    }
    return str_new_of_type(type, data + a, b - a);
}

static mp_obj_t str_strip(size_t n_args, const mp_obj_t *args) {
    return str_stripper(n_args, args, 3);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_strip_obj, 1, 2, str_strip);

static mp_obj_t str_lstrip(size_t n_args, const mp_obj_t *args) {
    return str_stripper(n_args, args, 1);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_lstrip_obj, 1, 2, str_lstrip);

static mp_obj_t str_rstrip(size_t n_args, const mp_obj_t *args) {
    return str_stripper(n_args, args, 2);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_rstrip_obj, 1, 2, str_rstrip);

static mp_obj_t str_replace(size_t n_args, const mp_obj_t *args) {
    const mp_obj_type_t *type;
    size_t len, olen, nlen;
    const byte *data = self_data(args[0], &type, &len);
    const byte *old = str_arg_data(type, args[1], &olen);
    const byte *new_ = str_arg_data(type, args[2], &nlen);
    mp_int_t max = n_args > 3 ? mp_obj_get_int(args[3]) : -1;
    vstr_t vstr;
    vstr_init(&vstr, len + 1);
    size_t i = 0;
    mp_int_t done = 0;
    if (olen == 0) {
        // An empty pattern matches before every character and at the end.
        bool is_str = type == &mp_type_str;
        for (;;) {
            if (max >= 0 && done >= max) {
                break;
            }
            vstr_add_strn(&vstr, (const char *)new_, nlen);
            done++;
            if (i >= len) {
                break;
            }
            size_t next = is_str ? (size_t)(utf8_next_char(data + i) - data) : i + 1;
            next = MIN(next, len);
            vstr_add_strn(&vstr, (const char *)data + i, next - i);
            i = next;
        }
    } else {
        while (max < 0 || done < max) {
            const byte *p = str_find_bytes(data + i, len - i, old, olen, 1);
            if (p == NULL) {
                break;
            }
            vstr_add_strn(&vstr, (const char *)data + i, p - (data + i));
            vstr_add_strn(&vstr, (const char *)new_, nlen);
            i = p - data + olen;
            done++;
        }
    }
    if (done == 0 && type != &mp_type_bytearray) {
        vstr_clear(&vstr);
        return args[0];
    }
    vstr_add_strn(&vstr, (const char *)data + i, len - i);
    mp_obj_t res = str_new_of_type(type, (const byte *)vstr.buf, vstr.len);
    vstr_clear(&vstr);
    return res;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_replace_obj, 3, 4, str_replace);

static mp_obj_t str_caser(mp_obj_t self_in, bool upper) {
    const mp_obj_type_t *type;
    size_t len;
    const byte *data = self_data(self_in, &type, &len);
    vstr_t vstr;
    vstr_init_len(&vstr, len);
    for (size_t i = 0; i < len; i++) {
        byte c = data[i];
        if (upper && c >= 'a' && c <= 'z') {
            c -= 32;
        } else if (!upper && c >= 'A' && c <= 'Z') {
            c += 32;
        }
        vstr.buf[i] = (char)c;
    }
    mp_obj_t res = str_new_of_type(type, (const byte *)vstr.buf, len);
    vstr_clear(&vstr);
    return res;
}

static mp_obj_t str_lower(mp_obj_t self_in) {
    return str_caser(self_in, false);
}
static MP_DEFINE_CONST_FUN_OBJ_1(str_lower_obj, str_lower);

static mp_obj_t str_upper(mp_obj_t self_in) {
    return str_caser(self_in, true);
}
static MP_DEFINE_CONST_FUN_OBJ_1(str_upper_obj, str_upper);

typedef enum { IS_SPACE, IS_ALPHA, IS_DIGIT, IS_UPPER, IS_LOWER } str_class_t;

static bool byte_is_alpha(byte c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// ASCII classes, byte by byte; isupper/islower look at letters only and
// need at least one.
static mp_obj_t str_is(mp_obj_t self_in, str_class_t cls) {
    const mp_obj_type_t *type;
    size_t len;
    const byte *data = self_data(self_in, &type, &len);
    if (len == 0) {
        return mp_const_false;
    }
    bool any_alpha = false;
    for (size_t i = 0; i < len; i++) {
        byte c = data[i];
        bool ok;
        switch (cls) {
            case IS_SPACE:
                ok = is_ws(c);
                break;
            case IS_ALPHA:
                ok = byte_is_alpha(c);
                break;
            case IS_DIGIT:
                ok = c >= '0' && c <= '9';
                break;
            default:
                if (!byte_is_alpha(c)) {
                    continue;
                }
                any_alpha = true;
                ok = cls == IS_UPPER ? c <= 'Z' : c >= 'a';
                break;
        }
        if (!ok) {
            return mp_const_false;
        }
    }
    return mp_obj_new_bool(cls < IS_UPPER || any_alpha);
}

static mp_obj_t str_isspace(mp_obj_t self_in) {
    return str_is(self_in, IS_SPACE);
}
static MP_DEFINE_CONST_FUN_OBJ_1(str_isspace_obj, str_isspace);

static mp_obj_t str_isalpha(mp_obj_t self_in) {
    return str_is(self_in, IS_ALPHA);
}
static MP_DEFINE_CONST_FUN_OBJ_1(str_isalpha_obj, str_isalpha);

static mp_obj_t str_isdigit(mp_obj_t self_in) {
    return str_is(self_in, IS_DIGIT);
}
static MP_DEFINE_CONST_FUN_OBJ_1(str_isdigit_obj, str_isdigit);

static mp_obj_t str_isupper(mp_obj_t self_in) {
    return str_is(self_in, IS_UPPER);
}
static MP_DEFINE_CONST_FUN_OBJ_1(str_isupper_obj, str_isupper);

static mp_obj_t str_islower(mp_obj_t self_in) {
    return str_is(self_in, IS_LOWER);
}
static MP_DEFINE_CONST_FUN_OBJ_1(str_islower_obj, str_islower);

static mp_obj_t str_center(mp_obj_t self_in, mp_obj_t width_in) {
    const mp_obj_type_t *type;
    size_t len;
    const byte *data = self_data(self_in, &type, &len);
    mp_int_t width = mp_obj_get_int(width_in);
    if (width <= (mp_int_t)len) {
        return self_in;
    }
    size_t left = (width - len) / 2;
    vstr_t vstr;
    vstr_init_len(&vstr, width);
    memset(vstr.buf, ' ', width);
    memcpy(vstr.buf + left, data, len);
    mp_obj_t res = str_new_of_type(type, (const byte *)vstr.buf, width);
    vstr_clear(&vstr);
    return res;
}
static MP_DEFINE_CONST_FUN_OBJ_2(str_center_obj, str_center);

static mp_obj_t str_partitioner(mp_obj_t self_in, mp_obj_t sep_in, int direction) {
    const mp_obj_type_t *type;
    size_t len, sep_len;
    const byte *data = self_data(self_in, &type, &len);
    const byte *sep = str_arg_data(type, sep_in, &sep_len);
    if (sep_len == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("empty separator"));
    }
    mp_obj_t items[3];
    const byte *p = str_find_bytes(data, len, sep, sep_len, direction);
    if (p == NULL) {
        mp_obj_t empty = empty_of_type(type);
        mp_obj_t whole = type == &mp_type_bytearray ? str_new_of_type(type, data, len) : self_in;
        items[0] = direction > 0 ? whole : empty;
        items[1] = empty;
        items[2] = direction > 0 ? empty : whole;
    } else {
        items[0] = str_new_of_type(type, data, p - data);
        items[1] = str_new_of_type(type, sep, sep_len);
        items[2] = str_new_of_type(type, p + sep_len, data + len - p - sep_len);
    }
    return mp_obj_new_tuple(3, items);
}

static mp_obj_t str_partition(mp_obj_t self_in, mp_obj_t sep) {
    return str_partitioner(self_in, sep, 1);
}
static MP_DEFINE_CONST_FUN_OBJ_2(str_partition_obj, str_partition);

static mp_obj_t str_rpartition(mp_obj_t self_in, mp_obj_t sep) {
    return str_partitioner(self_in, sep, -1);
}
static MP_DEFINE_CONST_FUN_OBJ_2(str_rpartition_obj, str_rpartition);

// splitlines(keepends=False)
static mp_obj_t str_splitlines(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        { MP_QSTR_keepends, MP_ARG_BOOL, { .u_bool = false } },
    };
    mp_arg_val_t vals[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args - 1, args + 1, kw_args, MP_ARRAY_SIZE(allowed), allowed, vals);
    const mp_obj_type_t *type;
    size_t len;
    const byte *data = self_data(args[0], &type, &len);
    bool keepends = vals[0].u_bool;
    mp_obj_t res = mp_obj_new_list(0, NULL);
    size_t start = 0;
    for (size_t i = 0; i < len;) {
        if (data[i] == '\n' || data[i] == '\r') {
            size_t eol = i;
            i += (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n') ? 2 : 1;
            mp_obj_list_append(res, str_new_of_type(type, data + start, (keepends ? i : eol) - start));
            start = i;
        } else {
            i++;
        }
    }
    if (start < len) {
        mp_obj_list_append(res, str_new_of_type(type, data + start, len - start));
    }
    return res;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(str_splitlines_obj, 1, str_splitlines);

static mp_obj_t str_encode(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    size_t len;
    const byte *data = str_data_len(args[0], &len);
    return mp_obj_new_bytes(data, len);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(str_encode_obj, 1, 3, str_encode);

static mp_obj_t bytes_decode(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    size_t len;
    const byte *data = mp_obj_bytes_data(args[0], &len);
    return mp_obj_new_str((const char *)data, len);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(bytes_decode_obj, 1, 3, bytes_decode);

// bytes.hex([sep]): two lower-case hex digits a byte, sep between them.
static mp_obj_t bytes_hex(size_t n_args, const mp_obj_t *args) {
    size_t len, sep_len = 0;
    const byte *data = mp_obj_bytes_data(args[0], &len);
    const char *sep = n_args > 1 ? mp_obj_str_get_data(args[1], &sep_len) : NULL;
    static const char digits[] = "0123456789abcdef";
    vstr_t vstr;
    vstr_init(&vstr, 2 * len + 1);
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && sep_len) {
            vstr_add_strn(&vstr, sep, sep_len);
        }
        vstr_add_byte(&vstr, digits[data[i] >> 4]);
        vstr_add_byte(&vstr, digits[data[i] & 15]);
    }
    return mp_obj_new_str_from_vstr(&vstr);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_obj_bytes_hex_obj, 1, 2, bytes_hex);

static int hex_digit(byte c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static mp_obj_t bytes_fromhex(mp_obj_t type_in, mp_obj_t text) {
    size_t len;
    const byte *s = (const byte *)mp_obj_str_get_data(text, &len);
    if (len & 1) {
        mp_raise_ValueError(MP_ERROR_TEXT("odd-length string"));
    }
    vstr_t vstr;
    vstr_init_len(&vstr, len / 2);
    for (size_t i = 0; i < len; i += 2) {
        int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
        if (hi < 0 || lo < 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("non-hex digit found"));
        }
        vstr.buf[i / 2] = (char)(hi << 4 | lo);
    }
    if (MP_OBJ_TO_PTR(type_in) == &mp_type_bytearray) {
        mp_obj_t res = mp_obj_new_bytearray(vstr.len, vstr.buf);
        vstr_clear(&vstr);
        return res;
    }
    return mp_obj_new_bytes_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_2(bytes_fromhex_fun_obj, bytes_fromhex);
static const mp_rom_obj_static_class_method_t bytes_fromhex_obj = {
    {&mp_type_classmethod}, MP_ROM_PTR(&bytes_fromhex_fun_obj)
};

/******************************************************************************/
// The tables, in MicroPython's order (dir() lists them so).

#define STR_COMMON_METHODS_1 \
    {MP_ROM_QSTR(MP_QSTR_count), MP_ROM_PTR(&str_count_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_endswith), MP_ROM_PTR(&str_endswith_obj)},
#define STR_COMMON_METHODS_2 \
    {MP_ROM_QSTR(MP_QSTR_find), MP_ROM_PTR(&str_find_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_format), MP_ROM_PTR(&str_format_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_index), MP_ROM_PTR(&str_index_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_isalpha), MP_ROM_PTR(&str_isalpha_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_isdigit), MP_ROM_PTR(&str_isdigit_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_islower), MP_ROM_PTR(&str_islower_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_isspace), MP_ROM_PTR(&str_isspace_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_isupper), MP_ROM_PTR(&str_isupper_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_join), MP_ROM_PTR(&str_join_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_lower), MP_ROM_PTR(&str_lower_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_lstrip), MP_ROM_PTR(&str_lstrip_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_replace), MP_ROM_PTR(&str_replace_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_rfind), MP_ROM_PTR(&str_rfind_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_rindex), MP_ROM_PTR(&str_rindex_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_rsplit), MP_ROM_PTR(&str_rsplit_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_rstrip), MP_ROM_PTR(&str_rstrip_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_split), MP_ROM_PTR(&str_split_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_startswith), MP_ROM_PTR(&str_startswith_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_strip), MP_ROM_PTR(&str_strip_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_upper), MP_ROM_PTR(&str_upper_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_center), MP_ROM_PTR(&str_center_obj)},
#define STR_COMMON_METHODS_3 \
    {MP_ROM_QSTR(MP_QSTR_partition), MP_ROM_PTR(&str_partition_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_rpartition), MP_ROM_PTR(&str_rpartition_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_splitlines), MP_ROM_PTR(&str_splitlines_obj)},
#define BYTES_EXTRA_METHODS \
    {MP_ROM_QSTR(MP_QSTR_decode), MP_ROM_PTR(&bytes_decode_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_fromhex), MP_ROM_PTR(&bytes_fromhex_obj)}, \
    {MP_ROM_QSTR(MP_QSTR_hex), MP_ROM_PTR(&mp_obj_bytes_hex_obj)},

static const mp_rom_map_elem_t str_locals_table[] = {
    STR_COMMON_METHODS_1
    STR_COMMON_METHODS_2
    {MP_ROM_QSTR(MP_QSTR_encode), MP_ROM_PTR(&str_encode_obj)},
    STR_COMMON_METHODS_3
};
MP_DEFINE_CONST_DICT(mp_obj_str_locals_dict, str_locals_table);

static const mp_rom_map_elem_t bytes_locals_table[] = {
    STR_COMMON_METHODS_1
    STR_COMMON_METHODS_2
    BYTES_EXTRA_METHODS
    STR_COMMON_METHODS_3
};
MP_DEFINE_CONST_DICT(mp_obj_bytes_locals_dict, bytes_locals_table);

// bytearray: append and extend (objarray.c) among the bytes methods.
extern const mp_obj_fun_builtin_fixed_t mp_obj_array_append_obj;
extern const mp_obj_fun_builtin_fixed_t mp_obj_array_extend_obj;
static const mp_rom_map_elem_t bytearray_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR_append), MP_ROM_PTR(&mp_obj_array_append_obj)},
    STR_COMMON_METHODS_1
    {MP_ROM_QSTR(MP_QSTR_extend), MP_ROM_PTR(&mp_obj_array_extend_obj)},
    STR_COMMON_METHODS_2
    BYTES_EXTRA_METHODS
    STR_COMMON_METHODS_3
};
MP_DEFINE_CONST_DICT(mp_obj_bytearray_locals_dict, bytearray_locals_table);
