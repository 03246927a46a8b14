// range: construction, printing range(0, 10) / range(0, 10, 2), len,
// indexing, slicing (a new range), iteration, and the start/stop/step
// attributes. `in` goes through iteration, as in MicroPython v1.21 (whose
// unix port also has no range comparison: range == range is identity).
#include "runtime/runtime.h"

typedef struct {
    mp_obj_base_t base;
    mp_int_t start;
    mp_int_t stop;
    mp_int_t step;
} mp_obj_range_t;

typedef struct {
    mp_obj_base_t base;
    mp_int_t cur;
    mp_int_t stop;
    mp_int_t step;
} range_it_t;

static mp_obj_t range_it_iternext(mp_obj_t o_in) {
    range_it_t *o = MP_OBJ_TO_PTR(o_in);
    if ((o->step > 0 && o->cur < o->stop) || (o->step < 0 && o->cur > o->stop)) {
        mp_obj_t value = mp_obj_new_int(o->cur);
        o->cur += o->step;
        return value;
    }
    return MP_OBJ_STOP_ITERATION;
}

static MP_DEFINE_CONST_OBJ_TYPE(
    range_it_type,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, range_it_iternext
    );

static mp_obj_t range_getiter(mp_obj_t o_in, mp_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(range_it_t) <= sizeof(mp_obj_iter_buf_t), "range iterator fits the buffer");
    mp_obj_range_t *o = MP_OBJ_TO_PTR(o_in);
    range_it_t *it = iter_buf != NULL ? (range_it_t *)iter_buf : mp_obj_malloc(range_it_t, &range_it_type);
    it->base.type = &range_it_type;
    it->cur = o->start;
    it->stop = o->stop;
    it->step = o->step;
    return MP_OBJ_FROM_PTR(it);
}

static void range_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_range_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "range(" INT_FMT ", " INT_FMT, self->start, self->stop);
    if (self->step != 1) {
        mp_printf(print, ", " INT_FMT, self->step);
    }
    mp_print_str(print, ")");
}

static mp_obj_t range_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 3, false);
    mp_obj_range_t *o = mp_obj_malloc(mp_obj_range_t, type);
    o->start = 0;
    o->step = 1;
    if (n_args == 1) {
        o->stop = mp_obj_get_int(args[0]);
    } else {
        o->start = mp_obj_get_int(args[0]);
        o->stop = mp_obj_get_int(args[1]);
        if (n_args == 3) {
            o->step = mp_obj_get_int(args[2]);
            if (o->step == 0) {
                mp_raise_ValueError(MP_ERROR_TEXT("zero step"));
            }
        }
    }
    return MP_OBJ_FROM_PTR(o);
}

// The number of items, with either sign of step.
static mp_int_t range_len(const mp_obj_range_t *self) {
    mp_int_t len = self->stop - self->start + self->step;
    if (self->step > 0) {
        len -= 1;
    } else {
        len += 1;
    }
    len = len / self->step;
    return len < 0 ? 0 : len;
}

static mp_obj_t range_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mp_obj_range_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t len = range_len(self);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(len > 0);
        case MP_UNARY_OP_LEN:
            return mp_obj_new_int(len);
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t range_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    if (value != MP_OBJ_SENTINEL) {
        return MP_OBJ_NULL; // immutable
    }
    mp_obj_range_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t len = range_len(self);
    if (mp_obj_is_type(index, &mp_type_slice)) {
        mp_bound_slice_t slice;
        mp_seq_get_fast_slice_indexes((mp_uint_t)len, index, &slice);
        mp_obj_range_t *o = mp_obj_malloc(mp_obj_range_t, &mp_type_range);
        o->start = self->start + slice.start * self->step;
        o->stop = self->start + slice.stop * self->step;
        o->step = slice.step * self->step;
        if (slice.step < 0) {
            // The bound slice's stop is inclusive for a negative step.
            o->stop -= self->step;
        }
        return MP_OBJ_FROM_PTR(o);
    }
    size_t i = mp_get_index(self->base.type, (size_t)len, index, false);
    return mp_obj_new_int(self->start + (mp_int_t)i * self->step);
}

static void range_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // read-only
    }
    mp_obj_range_t *o = MP_OBJ_TO_PTR(self_in);
    if (attr == MP_QSTR_start) {
        dest[0] = mp_obj_new_int(o->start);
    } else if (attr == MP_QSTR_stop) {
        dest[0] = mp_obj_new_int(o->stop);
    } else if (attr == MP_QSTR_step) {
        dest[0] = mp_obj_new_int(o->step);
    }
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_range,
    MP_QSTR_range,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, range_make_new,
    print, range_print,
    unary_op, range_unary_op,
    subscr, range_subscr,
    attr, range_attr,
    iter, range_getiter
    );

mp_obj_t mp_obj_new_range(mp_int_t start, mp_int_t stop, mp_int_t step) {
    if (step == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("zero step"));
    }
    mp_obj_range_t *o = mp_obj_malloc(mp_obj_range_t, &mp_type_range);
    o->start = start;
    o->stop = stop;
    o->step = step;
    return MP_OBJ_FROM_PTR(o);
}
