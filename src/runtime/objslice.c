// slice objects: made by the VM for a[i:j:k] (Python code cannot create them:
// slice(...) raises TypeError, as in MicroPython v1.21), their start/stop/step
// attributes, indices(), and binding a slice to a sequence length.
#include "runtime/runtime.h"

static void slice_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_slice_t *o = MP_OBJ_TO_PTR(o_in);
    mp_print_str(print, "slice(");
    mp_obj_print_helper(print, o->start, PRINT_REPR);
    mp_print_str(print, ", ");
    mp_obj_print_helper(print, o->stop, PRINT_REPR);
    mp_print_str(print, ", ");
    mp_obj_print_helper(print, o->step, PRINT_REPR);
    mp_print_str(print, ")");
}

static mp_obj_t slice_indices(mp_obj_t self_in, mp_obj_t length_obj) {
    mp_int_t length = mp_obj_get_int(length_obj);
    mp_bound_slice_t bound;
    mp_obj_slice_indices(self_in, length, &bound);
    mp_obj_t items[3] = {
        mp_obj_new_int(bound.start),
        mp_obj_new_int(bound.stop),
        mp_obj_new_int(bound.step),
    };
    return mp_obj_new_tuple(3, items);
}
static MP_DEFINE_CONST_FUN_OBJ_2(slice_indices_obj, slice_indices);

static void slice_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // read-only attributes
    }
    mp_obj_slice_t *self = MP_OBJ_TO_PTR(self_in);
    if (attr == MP_QSTR_start) {
        dest[0] = self->start;
    } else if (attr == MP_QSTR_stop) {
        dest[0] = self->stop;
    } else if (attr == MP_QSTR_step) {
        dest[0] = self->step;
    } else if (attr == MP_QSTR_indices) {
        dest[0] = MP_OBJ_FROM_PTR(&slice_indices_obj);
        dest[1] = self_in;
    }
}

// A slice supports no unary operator; having one at all makes it
// unhashable (no hash by identity), as in MicroPython.
static mp_obj_t slice_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    (void)op;
    (void)self_in;
    return MP_OBJ_NULL;
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_slice,
    MP_QSTR_slice,
    MP_TYPE_FLAG_NONE,
    print, slice_print,
    unary_op, slice_unary_op,
    attr, slice_attr
    );

mp_obj_t mp_obj_new_slice(mp_obj_t start, mp_obj_t stop, mp_obj_t step) {
    mp_obj_slice_t *o = mp_obj_malloc(mp_obj_slice_t, &mp_type_slice);
    o->start = start;
    o->stop = stop;
    o->step = step;
    return MP_OBJ_FROM_PTR(o);
}

// Clamps a bound into [lo, hi] after counting a negative one from the end.
static mp_int_t slice_bound(mp_obj_t v, mp_int_t length, mp_int_t lo, mp_int_t hi) {
    mp_int_t i = mp_obj_get_int(v);
    if (i < 0) {
        i += length;
    }
    return i < lo ? lo : i > hi ? hi : i;
}

// CPython's slice.indices(): for a positive step the bounds lie in
// [0, length]; for a negative one in [-1, length - 1] (stop exclusive both
// ways).
void mp_obj_slice_indices(mp_obj_t self_in, mp_int_t length, mp_bound_slice_t *result) {
    mp_obj_slice_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t step = 1;
    if (self->step != mp_const_none) {
        step = mp_obj_get_int(self->step);
        if (step == 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("slice step can't be zero"));
        }
    }
    if (step > 0) {
        result->start = self->start == mp_const_none ? 0 : slice_bound(self->start, length, 0, length);
        result->stop = self->stop == mp_const_none ? length : slice_bound(self->stop, length, 0, length);
    } else {
        result->start = self->start == mp_const_none ? length - 1 : slice_bound(self->start, length, -1, length - 1);
        result->stop = self->stop == mp_const_none ? -1 : slice_bound(self->stop, length, -1, length - 1);
    }
    result->step = step;
}

bool mp_seq_get_fast_slice_indexes(mp_uint_t len, mp_obj_t slice, mp_bound_slice_t *indexes) {
    mp_obj_slice_indices(slice, (mp_int_t)len, indexes);
    if (indexes->step < 0) {
        // From here on a negative step's stop is inclusive (the last item).
        indexes->stop++;
    } else if (indexes->start > indexes->stop) {
        // An empty slice: the insertion point for assignment is start.
        indexes->stop = indexes->start;
    }
    return indexes->step == 1;
}
