// Bound methods: a function with its first argument (self) fixed, made when
// a method is loaded as an attribute (x.append) rather than called at once.
#include <string.h>

#include "runtime/runtime.h"

typedef struct {
    mp_obj_base_t base;
    mp_obj_t meth;
    mp_obj_t self;
} mp_obj_bound_meth_t;

static void bound_meth_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_bound_meth_t *o = MP_OBJ_TO_PTR(o_in);
    mp_printf(print, "<bound_method %p ", o);
    mp_obj_print_helper(print, o->self, PRINT_REPR);
    mp_print_str(print, ".");
    mp_obj_print_helper(print, o->meth, PRINT_REPR);
    mp_print_str(print, ">");
}

static mp_obj_t bound_meth_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_bound_meth_t *self = MP_OBJ_TO_PTR(self_in);
    size_t n_total = n_args + 2 * n_kw;
    // self goes in front of the other arguments.
    mp_obj_t small[6];
    mp_obj_t *args2 = small;
    if (1 + n_total > MP_ARRAY_SIZE(small)) {
        args2 = m_new(mp_obj_t, 1 + n_total);
    }
    args2[0] = self->self;
    if (n_total) {
        memcpy(args2 + 1, args, n_total * sizeof(mp_obj_t));
    }
    mp_obj_t res = mp_call_function_n_kw(self->meth, n_args + 1, n_kw, args2);
    if (args2 != small) {
        m_free(args2);
    }
    return res;
}

// Other attributes are the function's (__name__, ...).
static void bound_meth_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // no storing
    }
    mp_obj_bound_meth_t *self = MP_OBJ_TO_PTR(self_in);
    if (attr == MP_QSTR___self__) {
        dest[0] = self->self;
    } else if (attr == MP_QSTR___func__) {
        dest[0] = self->meth;
    } else {
        mp_load_method_maybe(self->meth, attr, dest);
    }
}

MP_DEFINE_CONST_OBJ_TYPE(mp_type_bound_meth, MP_QSTR_bound_method, MP_TYPE_FLAG_NONE,
    print, bound_meth_print,
    call, bound_meth_call,
    attr, bound_meth_attr);

mp_obj_t mp_obj_new_bound_meth(mp_obj_t meth, mp_obj_t self) {
    mp_obj_bound_meth_t *o = mp_obj_malloc(mp_obj_bound_meth_t, &mp_type_bound_meth);
    o->meth = meth;
    o->self = self;
    return MP_OBJ_FROM_PTR(o);
}
