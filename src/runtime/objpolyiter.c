// The polymorphic iterator type: an iterator object whose second word is
// its own iternext function (the str, bytes and array iterators, which live
// in the caller's mp_obj_iter_buf_t).
#include "runtime/runtime.h"

typedef struct _mp_obj_polymorph_iter_t {
    mp_obj_base_t base;
    mp_fun_1_t iternext;
} mp_obj_polymorph_iter_t;

static mp_obj_t polymorph_it_iternext(mp_obj_t self_in) {
    mp_obj_polymorph_iter_t *self = MP_OBJ_TO_PTR(self_in);
    return self->iternext(self_in);
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_polymorph_iter,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, polymorph_it_iternext
    );
