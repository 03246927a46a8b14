// Helpers shared by the sequence types (tuple, list, str, bytes): index
// normalisation, comparisons, index()/count(), repetition, extended slices,
// and access to the items of a tuple or list.
#include <string.h>

#include "runtime/runtime.h"

size_t mp_get_index(const mp_obj_type_t *type, size_t len, mp_obj_t index, bool is_slice) {
    mp_int_t i;
    if (mp_obj_is_small_int(index)) {
        i = MP_OBJ_SMALL_INT_VALUE(index);
    } else if (!mp_obj_get_int_maybe(index, &i)) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("%q indices must be integers, not %s"),
            (qstr)type->name, mp_obj_get_type_str(index));
    }
    if (i < 0) {
        i += (mp_int_t)len;
    }
    if (is_slice) {
        // A slice bound is clamped into [0, len].
        if (i < 0) {
            i = 0;
        } else if ((mp_uint_t)i > len) {
            i = (mp_int_t)len;
        }
    } else if (i < 0 || (mp_uint_t)i >= len) {
        mp_raise_msg_varg(&mp_type_IndexError, MP_ERROR_TEXT("%q index out of range"), (qstr)type->name);
    }
    return (size_t)i;
}

void mp_obj_get_array(mp_obj_t o, size_t *len, mp_obj_t **items) {
    if (mp_obj_is_type(o, &mp_type_tuple)) {
        mp_obj_tuple_get(o, len, items);
    } else if (mp_obj_is_type(o, &mp_type_list)) {
        mp_obj_list_get(o, len, items);
    } else {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("object '%s' isn't a tuple or list"),
            mp_obj_get_type_str(o));
    }
}

void mp_obj_get_array_fixed_n(mp_obj_t o, size_t len, mp_obj_t **items) {
    size_t seq_len;
    mp_obj_get_array(o, &seq_len, items);
    if (seq_len != len) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("requested length %d but object has length %d"),
            (int)len, (int)seq_len);
    }
}

// Both comparisons below reduce LESS/LESS_EQUAL to MORE/MORE_EQUAL by
// swapping the operands, then decide on the first difference or, when one
// sequence is a prefix of the other, on the lengths.
static bool seq_order_on_lengths(mp_uint_t op, size_t len1, size_t len2) {
    if (len1 != len2) {
        return len1 > len2;
    }
    return op != MP_BINARY_OP_MORE; // equal sequences: only >= (or ==) holds
}

bool mp_seq_cmp_bytes(mp_uint_t op, const byte *data1, size_t len1, const byte *data2, size_t len2) {
    if (op == MP_BINARY_OP_EQUAL && len1 != len2) {
        return false;
    }
    if (op == MP_BINARY_OP_LESS || op == MP_BINARY_OP_LESS_EQUAL) {
        const byte *d = data1;
        data1 = data2;
        data2 = d;
        size_t l = len1;
        len1 = len2;
        len2 = l;
        op = op == MP_BINARY_OP_LESS ? MP_BINARY_OP_MORE : MP_BINARY_OP_MORE_EQUAL;
    }
    size_t min_len = len1 < len2 ? len1 : len2;
    int res = min_len ? memcmp(data1, data2, min_len) : 0;
    if (op == MP_BINARY_OP_EQUAL) {
        return res == 0;
    }
    if (res != 0) {
        return res > 0;
    }
    return seq_order_on_lengths(op, len1, len2);
}

bool mp_seq_cmp_objs(mp_uint_t op, const mp_obj_t *items1, size_t len1, const mp_obj_t *items2, size_t len2) {
    mp_stack_check(); // nested lists and tuples compare through here
    if (op == MP_BINARY_OP_EQUAL && len1 != len2) {
        return false;
    }
    if (op == MP_BINARY_OP_LESS || op == MP_BINARY_OP_LESS_EQUAL) {
        const mp_obj_t *i = items1;
        items1 = items2;
        items2 = i;
        size_t l = len1;
        len1 = len2;
        len2 = l;
        op = op == MP_BINARY_OP_LESS ? MP_BINARY_OP_MORE : MP_BINARY_OP_MORE_EQUAL;
    }
    size_t min_len = len1 < len2 ? len1 : len2;
    for (size_t i = 0; i < min_len; i++) {
        if (mp_obj_equal(items1[i], items2[i])) {
            continue;
        }
        if (op == MP_BINARY_OP_EQUAL) {
            return false;
        }
        // The first differing pair decides.
        return mp_binary_op((mp_binary_op_t)op, items1[i], items2[i]) == mp_const_true;
    }
    if (op == MP_BINARY_OP_EQUAL) {
        return true;
    }
    return seq_order_on_lengths(op, len1, len2);
}

mp_obj_t mp_seq_index_obj(const mp_obj_t *items, size_t len, size_t n_args, const mp_obj_t *args) {
    const mp_obj_type_t *type = mp_obj_get_type(args[0]);
    mp_obj_t value = args[1];
    size_t start = 0;
    size_t stop = len;
    if (n_args >= 3) {
        start = mp_get_index(type, len, args[2], true);
        if (n_args >= 4) {
            stop = mp_get_index(type, len, args[3], true);
        }
    }
    for (size_t i = start; i < stop; i++) {
        if (mp_obj_equal(items[i], value)) {
            return MP_OBJ_NEW_SMALL_INT(i);
        }
    }
    mp_raise_ValueError(MP_ERROR_TEXT("object not in sequence"));
}

mp_obj_t mp_seq_count_obj(const mp_obj_t *items, size_t len, mp_obj_t value) {
    size_t count = 0;
    for (size_t i = 0; i < len; i++) {
        if (mp_obj_equal(items[i], value)) {
            count++;
        }
    }
    return MP_OBJ_NEW_SMALL_INT(count);
}

void mp_seq_multiply(const void *items, size_t item_sz, size_t len, size_t times, void *dest) {
    size_t chunk = item_sz * len;
    byte *d = dest;
    for (size_t i = 0; i < times; i++) {
        memcpy(d, items, chunk);
        d += chunk;
    }
}

// Number of items of an extended slice whose bounds came from
// mp_seq_get_fast_slice_indexes (a negative step's stop is inclusive there).
static size_t seq_slice_count(const mp_bound_slice_t *s) {
    if (s->step > 0) {
        return s->start < s->stop ? (size_t)((s->stop - s->start + s->step - 1) / s->step) : 0;
    }
    return s->start >= s->stop ? (size_t)((s->start - s->stop) / -s->step + 1) : 0;
}

mp_obj_t mp_seq_extract_slice(const mp_obj_type_t *type, const mp_obj_t *items, const mp_bound_slice_t *indexes) {
    size_t n = seq_slice_count(indexes);
    mp_obj_t res = type == &mp_type_tuple ? mp_obj_new_tuple(n, NULL) : mp_obj_new_list(n, NULL);
    size_t len;
    mp_obj_t *dest;
    mp_obj_get_array(res, &len, &dest);
    mp_int_t i = indexes->start;
    for (size_t k = 0; k < n; k++, i += indexes->step) {
        dest[k] = items[i];
    }
    return res;
}
