// collections.deque as MicroPython v1.21 has it: a fixed-size ring made
// with deque((), maxlen[, flags]) (only the empty tuple as the iterable),
// with append, popleft, len() and truth. Appending to a full deque drops
// the oldest item, or raises IndexError('full') when flags has bit 0 set.
// No iteration, subscripts or other methods (v1.22 added those).
#include "runtime/runtime.h"

typedef struct {
    mp_obj_base_t base;
    size_t alloc; // maxlen + 1: one slot always stays empty
    size_t i_get;
    size_t i_put;
    mp_obj_t *items;
    uint32_t flags;
} deque_t;

#define DEQUE_FLAG_CHECK_OVERFLOW 1

static mp_obj_t deque_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 3, false);
    // No items to start with: only the empty tuple itself is accepted.
    if (args[0] != mp_const_empty_tuple) {
        mp_raise_ValueError(NULL);
    }
    mp_int_t maxlen = mp_obj_get_int(args[1]);
    if (maxlen < 0 || (mp_uint_t)maxlen >= SIZE_MAX / sizeof(mp_obj_t)) {
        mp_raise_ValueError(NULL);
    }
    deque_t *o = mp_obj_malloc(deque_t, type);
    o->alloc = (size_t)maxlen + 1;
    o->i_get = o->i_put = 0;
    o->items = m_new0(mp_obj_t, o->alloc);
    o->flags = n_args > 2 ? (uint32_t)mp_obj_get_int(args[2]) : 0;
    return MP_OBJ_FROM_PTR(o);
}

static mp_obj_t deque_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    deque_t *self = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(self->i_get != self->i_put);
        case MP_UNARY_OP_LEN: {
            size_t len = self->i_put >= self->i_get
                ? self->i_put - self->i_get
                : self->i_put + self->alloc - self->i_get;
            return MP_OBJ_NEW_SMALL_INT(len);
        }
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t deque_append(mp_obj_t self_in, mp_obj_t arg) {
    deque_t *self = MP_OBJ_TO_PTR(self_in);
    size_t new_i_put = self->i_put + 1;
    if (new_i_put == self->alloc) {
        new_i_put = 0;
    }
    if ((self->flags & DEQUE_FLAG_CHECK_OVERFLOW) && new_i_put == self->i_get) {
        mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("full"));
    }
    self->items[self->i_put] = arg;
    self->i_put = new_i_put;
    // Full: the oldest item goes.
    if (self->i_get == new_i_put) {
        self->items[self->i_get] = MP_OBJ_NULL;
        if (++self->i_get == self->alloc) {
            self->i_get = 0;
        }
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(deque_append_obj, deque_append);

static mp_obj_t deque_popleft(mp_obj_t self_in) {
    deque_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->i_get == self->i_put) {
        mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("empty"));
    }
    mp_obj_t ret = self->items[self->i_get];
    self->items[self->i_get] = MP_OBJ_NULL; // let the collector have it
    if (++self->i_get == self->alloc) {
        self->i_get = 0;
    }
    return ret;
}
static MP_DEFINE_CONST_FUN_OBJ_1(deque_popleft_obj, deque_popleft);

static const mp_rom_map_elem_t deque_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_append), MP_ROM_PTR(&deque_append_obj) },
    { MP_ROM_QSTR(MP_QSTR_popleft), MP_ROM_PTR(&deque_popleft_obj) },
};
static MP_DEFINE_CONST_DICT(deque_locals_dict, deque_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_deque,
    MP_QSTR_deque,
    MP_TYPE_FLAG_NONE,
    make_new, deque_make_new,
    unary_op, deque_unary_op,
    locals_dict, &deque_locals_dict
    );
