// hybrid: Python code alongside C code in one module.
//
// The C part (this file) provides fast primitives; hybrid_py.py, compiled to
// bytecode by mpy-cross and merged into the same .mpy, builds a friendlier
// API on top. When the module is imported mpy_init runs first, so the Python
// part can use the names it stores. Building needs mpy-cross (MPY_CROSS=...)
// and this SDK's mpy-tool.
//
//     import hybrid
//     hybrid.dot([1, 2, 3], [4, 5, 6])      # 32 (C)
//     hybrid.norm2([3, 4])                  # 25 (Python, calls dot)
//     hybrid.Matrix([[1, 2], [3, 4]]) * [1, 1]   # [3, 7] (Python class)
#include "py/dynruntime.h"

// Sum of products of two equally long sequences of ints.
STATIC mp_obj_t dot(mp_obj_t a_in, mp_obj_t b_in) {
    size_t na, nb;
    mp_obj_t *a, *b;
    mp_obj_get_array(a_in, &na, &a);
    mp_obj_get_array(b_in, &nb, &b);
    if (na != nb) {
        mp_raise_ValueError(MP_ERROR_TEXT("length mismatch"));
    }
    mp_int_t sum = 0;
    for (size_t i = 0; i < na; ++i) {
        sum += mp_obj_get_int(a[i]) * mp_obj_get_int(b[i]);
    }
    return mp_obj_new_int(sum);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(dot_obj, dot);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    mp_store_global(MP_QSTR_dot, MP_OBJ_FROM_PTR(&dot_obj));

    MP_DYNRUNTIME_INIT_EXIT
}
