// gcsections.test.sh's module, entry file: mpy_init registers two
// functions; gc_unused_entry and gc_unused_table are reached by nothing.
#include "py/dynruntime.h"

mp_int_t gc_used_scale(mp_int_t v);
const char *gc_used_greeting(void);
mp_int_t gc_unused_cube(mp_int_t v);

static mp_obj_t gc_scale(mp_obj_t v) {
    return mp_obj_new_int(gc_used_scale(mp_obj_get_int(v)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(gc_scale_obj, gc_scale);

static mp_obj_t gc_greet(void) {
    return mp_obj_new_str(gc_used_greeting(), 5);
}
static MP_DEFINE_CONST_FUN_OBJ_0(gc_greet_obj, gc_greet);

// Unused, but calls into the other files and keeps a table of pointers.
mp_obj_t gc_unused_entry(mp_obj_t v) {
    return mp_obj_new_int(gc_unused_cube(mp_obj_get_int(v)));
}
const void *const gc_unused_table[] = {gc_unused_entry, gc_used_greeting};

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY
    mp_store_global(MP_QSTR_scale, MP_OBJ_FROM_PTR(&gc_scale_obj));
    mp_store_global(MP_QSTR_greet, MP_OBJ_FROM_PTR(&gc_greet_obj));
    MP_DYNRUNTIME_INIT_EXIT
}
