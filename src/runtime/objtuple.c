// tuple: construction, printing, hashing, comparison, concatenation,
// repetition, indexing and slicing (step 1 only, as MicroPython v1.21),
// iteration, index() and count().
#include "runtime/runtime.h"

const mp_obj_tuple_t mp_const_empty_tuple_obj = {{&mp_type_tuple}, 0};

// Where a tuple's hash starts: MicroPython starts from the address of the
// empty tuple; a fixed value keeps hashes (and set orders) the same from run
// to run.
#define TUPLE_HASH_SEED ((mp_uint_t)0x5bd1e995u)

static void tuple_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    mp_obj_tuple_t *o = MP_OBJ_TO_PTR(o_in);
    bool json = kind == PRINT_JSON;
    if (!json) {
        kind = PRINT_REPR;
    }
    mp_print_str(print, json ? "[" : "(");
    for (size_t i = 0; i < o->len; i++) {
        if (i > 0) {
            mp_print_str(print, ", ");
        }
        mp_obj_print_helper(print, o->items[i], kind);
    }
    if (json) {
        mp_print_str(print, "]");
    } else {
        mp_print_str(print, o->len == 1 ? ",)" : ")");
    }
}

mp_obj_t mp_obj_tuple_from_iter(mp_obj_t iterable) {
    size_t alloc = 4;
    size_t len = 0;
    mp_obj_t *items = m_new(mp_obj_t, alloc);
    mp_obj_t iter = mp_getiter(iterable, NULL);
    mp_obj_t item;
    while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        if (len >= alloc) {
            items = m_renew(mp_obj_t, items, alloc, alloc * 2);
            alloc *= 2;
        }
        items[len++] = item;
    }
    mp_obj_t tuple = mp_obj_new_tuple(len, items);
    m_del(mp_obj_t, items, alloc);
    return tuple;
}

static mp_obj_t tuple_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    if (n_args == 0) {
        return mp_const_empty_tuple;
    }
    if (mp_obj_is_type(args[0], &mp_type_tuple)) {
        return args[0]; // tuples are immutable: share it
    }
    return mp_obj_tuple_from_iter(args[0]);
}

static mp_obj_t tuple_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mp_obj_tuple_t *self = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(self->len != 0);
        case MP_UNARY_OP_LEN:
            return MP_OBJ_NEW_SMALL_INT(self->len);
        case MP_UNARY_OP_HASH: {
            // The sum of the items' hashes (raises for an unhashable item).
            mp_stack_check(); // nested tuples hash their items through here
            mp_uint_t hash = TUPLE_HASH_SEED;
            for (size_t i = 0; i < self->len; i++) {
                hash += (mp_uint_t)MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, self->items[i]));
            }
            return MP_OBJ_NEW_SMALL_INT(hash);
        }
        default:
            return MP_OBJ_NULL;
    }
}

// The tuple behind rhs: itself, the native tuple of an instance of a tuple
// subclass, or NULL when rhs is no tuple.
static mp_obj_tuple_t *tuple_operand(mp_obj_t rhs) {
    if (mp_obj_is_type(rhs, &mp_type_tuple)) {
        return MP_OBJ_TO_PTR(rhs);
    }
    if (!mp_obj_is_obj(rhs)) {
        return NULL;
    }
    mp_obj_t native = mp_obj_cast_to_native_base(rhs, MP_OBJ_FROM_PTR(&mp_type_tuple));
    return native == MP_OBJ_NULL ? NULL : MP_OBJ_TO_PTR(native);
}

static mp_obj_t tuple_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    mp_obj_tuple_t *o = MP_OBJ_TO_PTR(lhs);
    switch (op) {
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_INPLACE_ADD: {
            mp_obj_tuple_t *p = tuple_operand(rhs);
            if (p == NULL) {
                return MP_OBJ_NULL;
            }
            mp_obj_tuple_t *s = MP_OBJ_TO_PTR(mp_obj_new_tuple(o->len + p->len, NULL));
            for (size_t i = 0; i < o->len; i++) {
                s->items[i] = o->items[i];
            }
            for (size_t i = 0; i < p->len; i++) {
                s->items[o->len + i] = p->items[i];
            }
            return MP_OBJ_FROM_PTR(s);
        }
        case MP_BINARY_OP_MULTIPLY:
        case MP_BINARY_OP_INPLACE_MULTIPLY: {
            mp_int_t n;
            if (!mp_obj_get_int_maybe(rhs, &n)) {
                return MP_OBJ_NULL;
            }
            if (n <= 0 || o->len == 0) {
                return mp_const_empty_tuple;
            }
            if ((size_t)n > SIZE_MAX / sizeof(mp_obj_t) / o->len) {
                m_malloc_fail(SIZE_MAX);
            }
            mp_obj_tuple_t *s = MP_OBJ_TO_PTR(mp_obj_new_tuple(o->len * (size_t)n, NULL));
            mp_seq_multiply(o->items, sizeof(mp_obj_t), o->len, (size_t)n, s->items);
            return MP_OBJ_FROM_PTR(s);
        }
        case MP_BINARY_OP_EQUAL:
        case MP_BINARY_OP_LESS:
        case MP_BINARY_OP_LESS_EQUAL:
        case MP_BINARY_OP_MORE:
        case MP_BINARY_OP_MORE_EQUAL: {
            mp_obj_tuple_t *p = tuple_operand(rhs);
            if (p == NULL) {
                return op == MP_BINARY_OP_EQUAL ? mp_const_false : MP_OBJ_NULL;
            }
            return mp_obj_new_bool(mp_seq_cmp_objs(op, o->items, o->len, p->items, p->len));
        }
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t tuple_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    if (value != MP_OBJ_SENTINEL) {
        return MP_OBJ_NULL; // immutable
    }
    mp_obj_tuple_t *self = MP_OBJ_TO_PTR(self_in);
    if (mp_obj_is_type(index, &mp_type_slice)) {
        mp_bound_slice_t slice;
        if (!mp_seq_get_fast_slice_indexes(self->len, index, &slice)) {
            mp_raise_NotImplementedError(MP_ERROR_TEXT("only slices with step=1 (aka None) are supported"));
        }
        return mp_obj_new_tuple((size_t)(slice.stop - slice.start), self->items + slice.start);
    }
    return self->items[mp_get_index(self->base.type, self->len, index, false)];
}

// Iteration: the iterator fits in the caller's mp_obj_iter_buf_t.
typedef struct {
    mp_obj_base_t base;
    mp_obj_tuple_t *tuple;
    size_t cur;
} tuple_it_t;

static mp_obj_t tuple_it_iternext(mp_obj_t self_in) {
    tuple_it_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->cur < self->tuple->len) {
        return self->tuple->items[self->cur++];
    }
    return MP_OBJ_STOP_ITERATION;
}

static MP_DEFINE_CONST_OBJ_TYPE(
    tuple_it_type,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, tuple_it_iternext
    );

static mp_obj_t tuple_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(tuple_it_t) <= sizeof(mp_obj_iter_buf_t), "tuple iterator fits the buffer");
    tuple_it_t *it = iter_buf != NULL ? (tuple_it_t *)iter_buf : mp_obj_malloc(tuple_it_t, &tuple_it_type);
    it->base.type = &tuple_it_type;
    it->tuple = MP_OBJ_TO_PTR(self_in);
    it->cur = 0;
    return MP_OBJ_FROM_PTR(it);
}

static mp_obj_t tuple_count(mp_obj_t self_in, mp_obj_t value) {
    mp_obj_tuple_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_seq_count_obj(self->items, self->len, value);
}
static MP_DEFINE_CONST_FUN_OBJ_2(tuple_count_obj, tuple_count);

static mp_obj_t tuple_index(size_t n_args, const mp_obj_t *args) {
    mp_obj_tuple_t *self = MP_OBJ_TO_PTR(args[0]);
    return mp_seq_index_obj(self->items, self->len, n_args, args);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(tuple_index_obj, 2, 4, tuple_index);

static const mp_rom_map_elem_t tuple_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_count), MP_ROM_PTR(&tuple_count_obj) },
    { MP_ROM_QSTR(MP_QSTR_index), MP_ROM_PTR(&tuple_index_obj) },
};
static MP_DEFINE_CONST_DICT(tuple_locals_dict, tuple_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_tuple,
    MP_QSTR_tuple,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, tuple_make_new,
    print, tuple_print,
    unary_op, tuple_unary_op,
    binary_op, tuple_binary_op,
    subscr, tuple_subscr,
    iter, tuple_getiter,
    locals_dict, &tuple_locals_dict
    );

mp_obj_t mp_obj_new_tuple(size_t n, const mp_obj_t *items) {
    if (n == 0) {
        return mp_const_empty_tuple;
    }
    mp_obj_tuple_t *o = mp_obj_malloc_var(mp_obj_tuple_t, mp_obj_t, n, &mp_type_tuple);
    o->len = n;
    if (items != NULL) {
        for (size_t i = 0; i < n; i++) {
            o->items[i] = items[i];
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            o->items[i] = MP_OBJ_NULL;
        }
    }
    return MP_OBJ_FROM_PTR(o);
}

void mp_obj_tuple_get(mp_obj_t self_in, size_t *len, mp_obj_t **items) {
    mp_obj_tuple_t *self = MP_OBJ_TO_PTR(self_in);
    *len = self->len;
    *items = &self->items[0];
}
