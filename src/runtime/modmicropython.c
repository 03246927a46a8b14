// The micropython module: const() (the compiler folds it; at run time it is
// the identity), the compiler's opt_level(), and a look at the heap.
#include "runtime/compile.h"
#include "runtime/runtime.h"

static mp_obj_t micropython_const(mp_obj_t value) {
    return value;
}
static MP_DEFINE_CONST_FUN_OBJ_1(micropython_const_obj, micropython_const);

// mem_info(): the heap's totals, in MicroPython's "GC:" line format.
static mp_obj_t micropython_mem_info(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    (void)args;
    gc_info_t info;
    gc_info(&info);
    mp_printf(&mp_plat_print, "GC: total: %u, used: %u, free: %u\n",
        (unsigned)info.total, (unsigned)info.used, (unsigned)info.free);
    mp_printf(&mp_plat_print, " max free sz: %u, collections: %u\n",
        (unsigned)(info.max_free / GC_BLOCK_BYTES), (unsigned)info.collections);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(micropython_mem_info_obj, 0, 1, micropython_mem_info);

static mp_obj_t micropython_heap_lock(void) {
    gc_lock();
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(micropython_heap_lock_obj, micropython_heap_lock);

static mp_obj_t micropython_heap_unlock(void) {
    gc_unlock();
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(micropython_heap_unlock_obj, micropython_heap_unlock);

// opt_level([level]): the compiler's optimisation level, read or set.
static mp_obj_t micropython_opt_level(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        return MP_OBJ_NEW_SMALL_INT(compile_opt_level);
    }
    compile_opt_level = (mp_uint_t)mp_obj_get_int(args[0]);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(micropython_opt_level_obj, 0, 1, micropython_opt_level);

static const mp_rom_map_elem_t micropython_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_micropython) },
    { MP_ROM_QSTR(MP_QSTR_const), MP_ROM_PTR(&micropython_const_obj) },
    { MP_ROM_QSTR(MP_QSTR_opt_level), MP_ROM_PTR(&micropython_opt_level_obj) },
    { MP_ROM_QSTR(MP_QSTR_heap_lock), MP_ROM_PTR(&micropython_heap_lock_obj) },
    { MP_ROM_QSTR(MP_QSTR_heap_unlock), MP_ROM_PTR(&micropython_heap_unlock_obj) },
    { MP_ROM_QSTR(MP_QSTR_mem_info), MP_ROM_PTR(&micropython_mem_info_obj) },
};
static MP_DEFINE_CONST_DICT(micropython_dict, micropython_table);

const mp_obj_module_t mp_module_micropython = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&micropython_dict,
};
