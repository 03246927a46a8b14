// list (layout mp_obj_list_t of py/objlayout.h): construction, printing,
// comparison, +, *, +=, indexing, slicing with slice assignment and
// deletion (step 1; other steps raise NotImplementedError as in MicroPython
// v1.21), iteration and the methods append, clear, copy, count, extend,
// index, insert, pop, remove, reverse and sort.
#include <string.h>

#include "runtime/runtime.h"

#define LIST_MIN_ALLOC (4)

static mp_obj_list_t *list_new(size_t n) {
    mp_obj_list_t *o = mp_obj_malloc(mp_obj_list_t, &mp_type_list);
    o->alloc = n < LIST_MIN_ALLOC ? LIST_MIN_ALLOC : n;
    o->len = n;
    o->items = m_new(mp_obj_t, o->alloc);
    for (size_t i = 0; i < o->alloc; i++) {
        o->items[i] = MP_OBJ_NULL;
    }
    return o;
}

// Clears items[from..to): slots past len must not keep objects alive.
static void list_clear_slots(mp_obj_list_t *self, size_t from, size_t to) {
    for (size_t i = from; i < to; i++) {
        self->items[i] = MP_OBJ_NULL;
    }
}

// Makes room for at least n items.
static void list_reserve(mp_obj_list_t *self, size_t n) {
    if (n <= self->alloc) {
        return;
    }
    if (n > SIZE_MAX / sizeof(mp_obj_t)) {
        m_malloc_fail(SIZE_MAX);
    }
    self->items = m_renew(mp_obj_t, self->items, self->alloc, n);
    size_t old = self->alloc;
    self->alloc = n;
    list_clear_slots(self, old, n);
}

// Gives back memory once less than half of it is used.
static void list_maybe_shrink(mp_obj_list_t *self) {
    if (self->alloc > LIST_MIN_ALLOC && self->alloc > 2 * self->len) {
        size_t n = self->alloc / 2;
        self->items = m_renew(mp_obj_t, self->items, self->alloc, n);
        self->alloc = n;
    }
}

static void list_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    mp_obj_list_t *o = MP_OBJ_TO_PTR(o_in);
    if (kind != PRINT_JSON) {
        kind = PRINT_REPR;
    }
    mp_print_str(print, "[");
    for (size_t i = 0; i < o->len; i++) {
        if (i > 0) {
            mp_print_str(print, ", ");
        }
        mp_obj_print_helper(print, o->items[i], kind);
    }
    mp_print_str(print, "]");
}

static void list_extend_from_iter(mp_obj_t list, mp_obj_t iterable) {
    mp_obj_t iter = mp_getiter(iterable, NULL);
    mp_obj_t item;
    while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_list_append(list, item);
    }
}

mp_obj_t mp_obj_list_from_iter(mp_obj_t iterable) {
    mp_obj_t list = MP_OBJ_FROM_PTR(list_new(0));
    list_extend_from_iter(list, iterable);
    return list;
}

static mp_obj_t list_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    mp_obj_t list = MP_OBJ_FROM_PTR(list_new(0));
    if (n_args == 1) {
        list_extend_from_iter(list, args[0]);
    }
    return list;
}

static mp_obj_t list_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(self->len != 0);
        case MP_UNARY_OP_LEN:
            return MP_OBJ_NEW_SMALL_INT(self->len);
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t list_extend(mp_obj_t self_in, mp_obj_t arg_in) {
    if (mp_obj_is_type(arg_in, &mp_type_list)) {
        mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
        mp_obj_list_t *arg = MP_OBJ_TO_PTR(arg_in);
        size_t n = arg->len; // arg may be self
        if (self->len + n > self->alloc) {
            list_reserve(self, self->len + n + 4);
        }
        memmove(self->items + self->len, arg->items, n * sizeof(mp_obj_t));
        self->len += n;
    } else {
        list_extend_from_iter(self_in, arg_in);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(list_extend_obj, list_extend);

static mp_obj_t list_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    mp_obj_list_t *o = MP_OBJ_TO_PTR(lhs);
    switch (op) {
        case MP_BINARY_OP_ADD: {
            if (!mp_obj_is_type(rhs, &mp_type_list)) {
                return MP_OBJ_NULL;
            }
            mp_obj_list_t *p = MP_OBJ_TO_PTR(rhs);
            mp_obj_list_t *s = list_new(o->len + p->len);
            memcpy(s->items, o->items, o->len * sizeof(mp_obj_t));
            memcpy(s->items + o->len, p->items, p->len * sizeof(mp_obj_t));
            return MP_OBJ_FROM_PTR(s);
        }
        case MP_BINARY_OP_INPLACE_ADD:
            list_extend(lhs, rhs);
            return lhs;
        case MP_BINARY_OP_MULTIPLY: {
            mp_int_t n;
            if (!mp_obj_get_int_maybe(rhs, &n)) {
                return MP_OBJ_NULL;
            }
            if (n < 0 || o->len == 0) {
                n = 0;
            }
            if (o->len != 0 && (size_t)n > SIZE_MAX / sizeof(mp_obj_t) / o->len) {
                m_malloc_fail(SIZE_MAX);
            }
            mp_obj_list_t *s = list_new(o->len * (size_t)n);
            mp_seq_multiply(o->items, sizeof(mp_obj_t), o->len, (size_t)n, s->items);
            return MP_OBJ_FROM_PTR(s);
        }
        case MP_BINARY_OP_EQUAL:
        case MP_BINARY_OP_LESS:
        case MP_BINARY_OP_LESS_EQUAL:
        case MP_BINARY_OP_MORE:
        case MP_BINARY_OP_MORE_EQUAL: {
            if (!mp_obj_is_type(rhs, &mp_type_list)) {
                return op == MP_BINARY_OP_EQUAL ? mp_const_false : MP_OBJ_NULL;
            }
            mp_obj_list_t *p = MP_OBJ_TO_PTR(rhs);
            return mp_obj_new_bool(mp_seq_cmp_objs(op, o->items, o->len, p->items, p->len));
        }
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t list_pop(size_t n_args, const mp_obj_t *args) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(args[0]);
    if (self->len == 0) {
        mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("pop from empty list"));
    }
    size_t index = mp_get_index(self->base.type, self->len, n_args == 1 ? MP_OBJ_NEW_SMALL_INT(-1) : args[1], false);
    mp_obj_t ret = self->items[index];
    self->len -= 1;
    memmove(self->items + index, self->items + index + 1, (self->len - index) * sizeof(mp_obj_t));
    self->items[self->len] = MP_OBJ_NULL;
    list_maybe_shrink(self);
    return ret;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(list_pop_obj, 1, 2, list_pop);

// Replaces items[start:stop) by value_items[0..value_len).
static void list_replace_range(mp_obj_list_t *self, size_t start, size_t stop, mp_obj_t *value_items, size_t value_len) {
    size_t old_len = self->len;
    size_t new_len = old_len - (stop - start) + value_len;
    if (value_len > stop - start && value_items == self->items) {
        // a[i:j] = a while growing: the items move under us, copy them first.
        mp_obj_t *copy = m_new(mp_obj_t, value_len);
        memcpy(copy, value_items, value_len * sizeof(mp_obj_t));
        value_items = copy;
    }
    list_reserve(self, new_len);
    memmove(self->items + start + value_len, self->items + stop, (old_len - stop) * sizeof(mp_obj_t));
    if (value_len > 0) {
        memmove(self->items + start, value_items, value_len * sizeof(mp_obj_t));
    }
    if (new_len < old_len) {
        list_clear_slots(self, new_len, old_len);
    }
    self->len = new_len;
}

static mp_obj_t list_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    bool is_slice = mp_obj_is_type(index, &mp_type_slice);
    if (value == MP_OBJ_SENTINEL) {
        // load
        if (is_slice) {
            mp_bound_slice_t slice;
            if (!mp_seq_get_fast_slice_indexes(self->len, index, &slice)) {
                return mp_seq_extract_slice(&mp_type_list, self->items, &slice);
            }
            size_t n = (size_t)(slice.stop - slice.start);
            mp_obj_list_t *res = list_new(n);
            memcpy(res->items, self->items + slice.start, n * sizeof(mp_obj_t));
            return MP_OBJ_FROM_PTR(res);
        }
        return self->items[mp_get_index(self->base.type, self->len, index, false)];
    }
    if (value == MP_OBJ_NULL) {
        // delete
        if (is_slice) {
            mp_bound_slice_t slice;
            if (!mp_seq_get_fast_slice_indexes(self->len, index, &slice)) {
                mp_raise_type(&mp_type_NotImplementedError);
            }
            list_replace_range(self, (size_t)slice.start, (size_t)slice.stop, NULL, 0);
            list_maybe_shrink(self);
            return mp_const_none;
        }
        mp_obj_t args[2] = {self_in, index};
        list_pop(2, args);
        return mp_const_none;
    }
    // store
    if (is_slice) {
        size_t value_len;
        mp_obj_t *value_items;
        mp_obj_get_array(value, &value_len, &value_items);
        mp_bound_slice_t slice;
        if (!mp_seq_get_fast_slice_indexes(self->len, index, &slice)) {
            mp_raise_type(&mp_type_NotImplementedError);
        }
        list_replace_range(self, (size_t)slice.start, (size_t)slice.stop, value_items, value_len);
        return mp_const_none;
    }
    mp_obj_list_store(self_in, index, value);
    return mp_const_none;
}

// Iteration: the list may change while it is walked, so the length is
// checked at each step.
typedef struct {
    mp_obj_base_t base;
    mp_obj_list_t *list;
    size_t cur;
} list_it_t;

static mp_obj_t list_it_iternext(mp_obj_t self_in) {
    list_it_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->cur < self->list->len) {
        return self->list->items[self->cur++];
    }
    return MP_OBJ_STOP_ITERATION;
}

static MP_DEFINE_CONST_OBJ_TYPE(
    list_it_type,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, list_it_iternext
    );

static mp_obj_t list_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(list_it_t) <= sizeof(mp_obj_iter_buf_t), "list iterator fits the buffer");
    list_it_t *it = iter_buf != NULL ? (list_it_t *)iter_buf : mp_obj_malloc(list_it_t, &list_it_type);
    it->base.type = &list_it_type;
    it->list = MP_OBJ_TO_PTR(self_in);
    it->cur = 0;
    return MP_OBJ_FROM_PTR(it);
}

mp_obj_t mp_obj_list_append(mp_obj_t self_in, mp_obj_t arg) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->len >= self->alloc) {
        list_reserve(self, self->alloc * 2);
    }
    self->items[self->len++] = arg;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(list_append_obj, mp_obj_list_append);

static mp_obj_t list_clear(mp_obj_t self_in) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    self->len = 0;
    self->items = m_renew(mp_obj_t, self->items, self->alloc, LIST_MIN_ALLOC);
    self->alloc = LIST_MIN_ALLOC;
    list_clear_slots(self, 0, LIST_MIN_ALLOC);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(list_clear_obj, list_clear);

static mp_obj_t list_copy(mp_obj_t self_in) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_list(self->len, self->items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(list_copy_obj, list_copy);

static mp_obj_t list_count(mp_obj_t self_in, mp_obj_t value) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_seq_count_obj(self->items, self->len, value);
}
static MP_DEFINE_CONST_FUN_OBJ_2(list_count_obj, list_count);

static mp_obj_t list_index(size_t n_args, const mp_obj_t *args) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(args[0]);
    return mp_seq_index_obj(self->items, self->len, n_args, args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(list_index_obj, 2, 4, list_index);

static mp_obj_t list_insert(mp_obj_t self_in, mp_obj_t idx, mp_obj_t obj) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t len = (mp_int_t)self->len;
    mp_int_t index = mp_obj_get_int(idx);
    if (index < 0) {
        index += len;
    }
    if (index < 0) {
        index = 0;
    } else if (index > len) {
        index = len;
    }
    mp_obj_list_append(self_in, mp_const_none);
    memmove(self->items + index + 1, self->items + index, (size_t)(len - index) * sizeof(mp_obj_t));
    self->items[index] = obj;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_3(list_insert_obj, list_insert);

static mp_obj_t list_remove(mp_obj_t self_in, mp_obj_t value) {
    mp_obj_t args[2] = {self_in, value};
    args[1] = list_index(2, args);
    list_pop(2, args);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(list_remove_obj, list_remove);

static mp_obj_t list_reverse(mp_obj_t self_in) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    for (size_t i = 0, j = self->len; i + 1 < j; i++) {
        j--;
        mp_obj_t t = self->items[i];
        self->items[i] = self->items[j];
        self->items[j] = t;
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(list_reverse_obj, list_reverse);

/******************************************************************************/
// Sorting
//
// MicroPython sorts in place with a quicksort that is NOT stable (items with
// equal keys may change order: sorted([(1,'a'),(0,'b'),(1,'c'),(0,'d'),
// (1,'e'),(0,'f')], key=lambda x: x[0]) gives [(0, 'f'), (0, 'd'), (0, 'b'),
// (1, 'e'), (1, 'c'), (1, 'a')] in MicroPython v1.21). The
// same partitioning is used here so that equal keys end up in the same
// order as with MicroPython, and the key function is called on the same
// items in the same order (once per comparison, as MicroPython does).

static mp_obj_t sort_key(mp_obj_t key_fn, mp_obj_t item) {
    return key_fn == MP_OBJ_NULL ? item : mp_call_function_1(key_fn, item);
}

// Sorts a[head..tail] (inclusive). "x before y" is (x < y) == before: True
// for ascending order, False for descending.
static void sort_range(mp_obj_t *a, mp_int_t head, mp_int_t tail, mp_obj_t key_fn, mp_obj_t before) {
    while (head < tail) {
        // Partition around the last item: h scans up for an item not before
        // the pivot, t scans down for one the pivot is not before; they swap.
        mp_int_t h = head - 1;
        mp_int_t t = tail;
        mp_obj_t pivot = sort_key(key_fn, a[tail]);
        for (;;) {
            do {
                h++;
            } while (h < t && mp_binary_op(MP_BINARY_OP_LESS, sort_key(key_fn, a[h]), pivot) == before);
            do {
                t--;
            } while (h < t && mp_binary_op(MP_BINARY_OP_LESS, pivot, sort_key(key_fn, a[t])) == before);
            if (h >= t) {
                break;
            }
            mp_obj_t x = a[h];
            a[h] = a[t];
            a[t] = x;
        }
        mp_obj_t x = a[h];
        a[h] = a[tail];
        a[tail] = x;
        // Recurse into the smaller side, loop on the larger: O(log n) depth.
        if (t - head < tail - h - 1) {
            sort_range(a, head, t, key_fn, before);
            head = h + 1;
        } else {
            sort_range(a, h + 1, tail, key_fn, before);
            tail = t;
        }
    }
}

void mp_obj_list_sort_items(mp_obj_t *items, size_t n, mp_obj_t key_fn, bool reverse) {
    if (key_fn == mp_const_none) {
        key_fn = MP_OBJ_NULL;
    }
    if (n > 1) {
        sort_range(items, 0, (mp_int_t)n - 1, key_fn, reverse ? mp_const_false : mp_const_true);
    }
}

// list.sort(*, key=None, reverse=False)
static mp_obj_t list_sort(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    if (n_args > 1) {
        mp_raise_TypeError(MP_ERROR_TEXT("extra positional arguments given"));
    }
    mp_obj_t key_fn = mp_const_none;
    bool reverse = false;
    size_t n_used = 0;
    mp_map_elem_t *e = mp_map_lookup(kw_args, MP_OBJ_NEW_QSTR(MP_QSTR_key), MP_MAP_LOOKUP);
    if (e != NULL) {
        key_fn = e->value;
        n_used++;
    }
    e = mp_map_lookup(kw_args, MP_OBJ_NEW_QSTR(MP_QSTR_reverse), MP_MAP_LOOKUP);
    if (e != NULL) {
        reverse = mp_obj_is_true(e->value);
        n_used++;
    }
    if (n_used != kw_args->used) {
        mp_raise_TypeError(MP_ERROR_TEXT("extra keyword arguments given"));
    }
    mp_obj_list_t *self = MP_OBJ_TO_PTR(args[0]);
    mp_obj_list_sort_items(self->items, self->len, key_fn, reverse);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(list_sort_obj, 1, list_sort);

static const mp_rom_map_elem_t list_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_append), MP_ROM_PTR(&list_append_obj) },
    { MP_ROM_QSTR(MP_QSTR_clear), MP_ROM_PTR(&list_clear_obj) },
    { MP_ROM_QSTR(MP_QSTR_copy), MP_ROM_PTR(&list_copy_obj) },
    { MP_ROM_QSTR(MP_QSTR_count), MP_ROM_PTR(&list_count_obj) },
    { MP_ROM_QSTR(MP_QSTR_extend), MP_ROM_PTR(&list_extend_obj) },
    { MP_ROM_QSTR(MP_QSTR_index), MP_ROM_PTR(&list_index_obj) },
    { MP_ROM_QSTR(MP_QSTR_insert), MP_ROM_PTR(&list_insert_obj) },
    { MP_ROM_QSTR(MP_QSTR_pop), MP_ROM_PTR(&list_pop_obj) },
    { MP_ROM_QSTR(MP_QSTR_remove), MP_ROM_PTR(&list_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_reverse), MP_ROM_PTR(&list_reverse_obj) },
    { MP_ROM_QSTR(MP_QSTR_sort), MP_ROM_PTR(&list_sort_obj) },
};
static MP_DEFINE_CONST_DICT(list_locals_dict, list_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_list,
    MP_QSTR_list,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, list_make_new,
    print, list_print,
    unary_op, list_unary_op,
    binary_op, list_binary_op,
    subscr, list_subscr,
    iter, list_getiter,
    locals_dict, &list_locals_dict
    );

/******************************************************************************/
// The C interface

mp_obj_t mp_obj_new_list(size_t n, mp_obj_t *items) {
    mp_obj_list_t *o = list_new(n);
    if (items != NULL) {
        memcpy(o->items, items, n * sizeof(mp_obj_t));
    }
    return MP_OBJ_FROM_PTR(o);
}

void mp_obj_list_get(mp_obj_t self_in, size_t *len, mp_obj_t **items) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    *len = self->len;
    *items = self->items;
}

void mp_obj_list_set_len(mp_obj_t self_in, size_t len) {
    // Only to shrink a list made with room for len items (or more).
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    self->len = len;
}

void mp_obj_list_store(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    mp_obj_list_t *self = MP_OBJ_TO_PTR(self_in);
    size_t i = mp_get_index(self->base.type, self->len, index, false);
    self->items[i] = value;
}
