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

static const mp_rom_map_elem_t gc_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_gc) },
    { MP_ROM_QSTR(MP_QSTR_collect), MP_ROM_PTR(&gc_collect_obj) },
    { MP_ROM_QSTR(MP_QSTR_mem_alloc), MP_ROM_PTR(&gc_mem_alloc_obj) },
    { MP_ROM_QSTR(MP_QSTR_mem_free), MP_ROM_PTR(&gc_mem_free_obj) },
};
static MP_DEFINE_CONST_DICT(gc_dict, gc_table);

const mp_obj_module_t mp_module_gc = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&gc_dict,
};
