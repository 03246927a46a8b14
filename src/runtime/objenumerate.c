// enumerate(iterable, start=0): yields (index, item) tuples.
#include "runtime/runtime.h"

typedef struct {
    mp_obj_base_t base;
    mp_obj_t iter;
    mp_int_t cur;
} mp_obj_enumerate_t;

// The arguments as MicroPython's mp_arg_parse_all takes them for
// (iterable, start): positionally or by keyword, with its messages.
static void enumerate_parse_args(size_t n_args, size_t n_kw, const mp_obj_t *args, mp_obj_t *iterable, mp_obj_t *start) {
    static const qstr names[2] = {MP_QSTR_iterable, MP_QSTR_start};
    mp_obj_t *out[2] = {iterable, start};
    if (n_args > 2) {
        mp_raise_TypeError(MP_ERROR_TEXT("extra positional arguments given"));
    }
    mp_map_t kw;
    mp_map_init_fixed_table(&kw, n_kw, args + n_args);
    size_t kw_used = 0;
    for (size_t i = 0; i < 2; i++) {
        if (i < n_args) {
            *out[i] = args[i];
            continue;
        }
        mp_map_elem_t *e = mp_map_lookup(&kw, MP_OBJ_NEW_QSTR(names[i]), MP_MAP_LOOKUP);
        if (e != NULL) {
            *out[i] = e->value;
            kw_used++;
        } else if (i == 0) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%q' argument required"), names[i]);
        }
    }
    if (kw_used != n_kw) {
        mp_raise_TypeError(MP_ERROR_TEXT("extra keyword arguments given"));
    }
}

static mp_obj_t enumerate_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_t iterable = MP_OBJ_NULL;
    mp_obj_t start = MP_OBJ_NEW_SMALL_INT(0);
    enumerate_parse_args(n_args, n_kw, args, &iterable, &start);
    mp_int_t cur = mp_obj_get_int(start);
    mp_obj_enumerate_t *o = mp_obj_malloc(mp_obj_enumerate_t, type);
    o->iter = mp_getiter(iterable, NULL);
    o->cur = cur;
    return MP_OBJ_FROM_PTR(o);
}

static mp_obj_t enumerate_iternext(mp_obj_t self_in) {
    mp_obj_enumerate_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t next = mp_iternext(self->iter);
    if (next == MP_OBJ_STOP_ITERATION) {
        return MP_OBJ_STOP_ITERATION;
    }
    mp_obj_t items[2] = {mp_obj_new_int(self->cur++), next};
    return mp_obj_new_tuple(2, items);
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_enumerate,
    MP_QSTR_enumerate,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    make_new, enumerate_make_new,
    iter, enumerate_iternext
    );
