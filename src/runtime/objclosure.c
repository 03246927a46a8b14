// Closures (a function with the cells of the variables it closes over, which
// are passed in front of its arguments) and the cells themselves.
#include <string.h>

#include "runtime/runtime.h"

typedef struct {
    mp_obj_base_t base;
    mp_obj_t fun;
    size_t n_closed;
    mp_obj_t closed[];
} mp_obj_closure_t;

static mp_obj_t closure_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_closure_t *self = MP_OBJ_TO_PTR(self_in);
    size_t n_total = self->n_closed + n_args + 2 * n_kw;
    mp_obj_t small[8];
    mp_obj_t *args2 = small;
    if (n_total > MP_ARRAY_SIZE(small)) {
        args2 = m_new(mp_obj_t, n_total);
    }
    memcpy(args2, self->closed, self->n_closed * sizeof(mp_obj_t));
    if (n_args + 2 * n_kw) {
        memcpy(args2 + self->n_closed, args, (n_args + 2 * n_kw) * sizeof(mp_obj_t));
    }
    mp_obj_t res = mp_call_function_n_kw(self->fun, self->n_closed + n_args, n_kw, args2);
    if (args2 != small) {
        m_free(args2);
    }
    return res;
}

// "<closure <function g at 0x...> at 7f..., n_closed=1 <cell 7f... 3> >"
static void closure_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_closure_t *o = MP_OBJ_TO_PTR(o_in);
    mp_print_str(print, "<closure ");
    mp_obj_print_helper(print, o->fun, PRINT_REPR);
    mp_printf(print, " at %p, n_closed=%u ", o, (unsigned int)o->n_closed);
    for (size_t i = 0; i < o->n_closed; i++) {
        if (o->closed[i] == MP_OBJ_NULL) {
            mp_print_str(print, "(nil)");
        } else {
            mp_obj_print_helper(print, o->closed[i], PRINT_REPR);
        }
        mp_print_str(print, " ");
    }
    mp_print_str(print, ">");
}

// Attributes are the function's (__name__, __globals__).
static void closure_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    mp_obj_closure_t *self = MP_OBJ_TO_PTR(self_in);
    mp_load_method_maybe(self->fun, attr, dest);
}

MP_DEFINE_CONST_OBJ_TYPE(mp_type_closure, MP_QSTR_closure, MP_TYPE_FLAG_BINDS_SELF,
    print, closure_print,
    call, closure_call,
    attr, closure_attr);

mp_obj_t mp_obj_new_closure(mp_obj_t fun, size_t n_closed, const mp_obj_t *closed) {
    mp_obj_closure_t *o = mp_obj_malloc_var(mp_obj_closure_t, mp_obj_t, n_closed, &mp_type_closure);
    o->fun = fun;
    o->n_closed = n_closed;
    memcpy(o->closed, closed, n_closed * sizeof(mp_obj_t));
    return MP_OBJ_FROM_PTR(o);
}

/******************************************************************************/
// Cells

static void cell_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_cell_t *o = MP_OBJ_TO_PTR(o_in);
    mp_printf(print, "<cell %p ", o->obj);
    if (o->obj == MP_OBJ_NULL) {
        mp_print_str(print, "(nil)");
    } else {
        mp_obj_print_helper(print, o->obj, PRINT_REPR);
    }
    mp_print_str(print, ">");
}

MP_DEFINE_CONST_OBJ_TYPE(mp_type_cell, MP_QSTR_cell, MP_TYPE_FLAG_NONE,
    print, cell_print);

mp_obj_t mp_obj_new_cell(mp_obj_t obj) {
    mp_obj_cell_t *o = mp_obj_malloc(mp_obj_cell_t, &mp_type_cell);
    o->obj = obj;
    return MP_OBJ_FROM_PTR(o);
}
