// Internals shared by the str/bytes files (objstr*.c).
#ifndef RUNTIME_OBJSTR_H
#define RUNTIME_OBJSTR_H

#include "runtime/runtime.h"

// The data and length of a str or bytes object (qstr or heap).
static inline const byte *str_data_len(mp_const_obj_t o, size_t *len) {
    if (mp_obj_is_qstr(o)) {
        return qstr_data(MP_OBJ_QSTR_VALUE(o), len);
    }
    const mp_obj_str_t *s = MP_OBJ_TO_PTR(o);
    *len = s->len;
    return s->data;
}

static inline bool str_is_str_or_bytes(mp_const_obj_t o) {
    return mp_obj_is_qstr(o) || mp_obj_is_exact_type(o, &mp_type_str) || mp_obj_is_exact_type(o, &mp_type_bytes);
}

static inline bool utf8_is_cont(byte b) {
    return (b & 0xc0) == 0x80;
}

// Code points in data[0..len).
size_t utf8_charlen(const byte *data, size_t len);
// The code point at s, and the position after it.
unsigned utf8_get_char(const byte *s);
const byte *utf8_next_char(const byte *s);
// Byte offset of code point index i (i <= number of code points).
size_t utf8_offset(const byte *data, size_t len, size_t i);

// A new str/bytes/bytearray of the given type holding a copy of data.
mp_obj_t str_new_of_type(const mp_obj_type_t *type, const byte *data, size_t len);

// The data of arg as an operand of a method of self's type (str or bytes):
// TypeError "can't convert 'X' object to str implicitly" otherwise.
const byte *str_arg_data(const mp_obj_type_t *self_type, mp_obj_t arg, size_t *len);

// Search in haystack for needle: direction 1 finds the first, -1 the last.
const byte *str_find_bytes(const byte *hay, size_t hlen, const byte *needle, size_t nlen, int direction);

// The "%" operator (objstr_format.c) and str.format.
mp_obj_t str_modulo_format(mp_obj_t pattern, size_t n_args, const mp_obj_t *args, mp_obj_t dict);
mp_obj_t mp_obj_str_format(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs);
MP_DECLARE_CONST_FUN_OBJ_KW(str_format_obj);

extern const mp_obj_dict_t mp_obj_str_locals_dict;
extern const mp_obj_dict_t mp_obj_bytes_locals_dict;
extern const mp_obj_dict_t mp_obj_bytearray_locals_dict;

#endif
