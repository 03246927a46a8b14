// The gc module: run the collector, and how much of the heap is in use.
#include "runtime/runtime.h"

static mp_obj_t gc_collect_fun(void) {
    gc_collect();
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(gc_collect_obj, gc_collect_fun);

static mp_obj_t gc_mem_free(void) {
    gc_info_t info;
    gc_info(&info);
    return mp_obj_new_int_from_uint(info.free);
}
static MP_DEFINE_CONST_FUN_OBJ_0(gc_mem_free_obj, gc_mem_free);

static mp_obj_t gc_mem_alloc(void) {
    gc_info_t info;
    gc_info(&info);
    return mp_obj_new_int_from_uint(info.used);
}
static MP_DEFINE_CONST_FUN_OBJ_0(gc_mem_alloc_obj, gc_mem_alloc);

static mp_obj_t gc_enable(void) {
    gc_set_auto_collect(true);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(gc_enable_obj, gc_enable);

static mp_obj_t gc_disable(void) {
    gc_set_auto_collect(false);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(gc_disable_obj, gc_disable);

static mp_obj_t gc_isenabled(void) {
    return mp_obj_new_bool(gc_auto_collect());
}
static MP_DEFINE_CONST_FUN_OBJ_0(gc_isenabled_obj, gc_isenabled);

// threshold() gives the threshold in bytes (-1: none); threshold(n) sets it,
// a negative n removes it.
static mp_obj_t gc_threshold_fun(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        size_t bytes = gc_threshold();
        return bytes == SIZE_MAX ? MP_OBJ_NEW_SMALL_INT(-1) : mp_obj_new_int_from_uint(bytes);
    }
    mp_int_t bytes = mp_obj_get_int(args[0]);
    gc_set_threshold(bytes < 0 ? SIZE_MAX : (size_t)bytes);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(gc_threshold_obj, 0, 1, gc_threshold_fun);

static const mp_rom_map_elem_t gc_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_gc) },
    { MP_ROM_QSTR(MP_QSTR_collect), MP_ROM_PTR(&gc_collect_obj) },
    { MP_ROM_QSTR(MP_QSTR_disable), MP_ROM_PTR(&gc_disable_obj) },
    { MP_ROM_QSTR(MP_QSTR_enable), MP_ROM_PTR(&gc_enable_obj) },
    { MP_ROM_QSTR(MP_QSTR_isenabled), MP_ROM_PTR(&gc_isenabled_obj) },
    { MP_ROM_QSTR(MP_QSTR_threshold), MP_ROM_PTR(&gc_threshold_obj) },
    { MP_ROM_QSTR(MP_QSTR_mem_alloc), MP_ROM_PTR(&gc_mem_alloc_obj) },
    { MP_ROM_QSTR(MP_QSTR_mem_free), MP_ROM_PTR(&gc_mem_free_obj) },
};
static MP_DEFINE_CONST_DICT(gc_dict, gc_table);

const mp_obj_module_t mp_module_gc = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&gc_dict,
};
