// multi (1/3): the entry point. Calls global functions defined in the other
// objects and uses their global data; its own BSS is used by them.
#include "natmod_abi.h"
#include "multi.h"

mp_int_t multi_main_total;

static mp_int_t collect(mp_int_t n) {
    mp_int_t acc = 0;
    for (mp_int_t i = 0; i < n; ++i) {
        acc += multi_util_scale(multi_table[i & 7], i);
    }
    return acc;
}

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    multi_main_total = collect(5 + n_args);
    multi_data_log(multi_main_total);
    // register the functions listed in a table of another object
    for (size_t i = 0; i < MULTI_N_ENTRIES; ++i) {
        mp_fun_table.store_global(multi_entries[i].name, (mp_obj_t)multi_entries[i].obj);
    }
    mp_fun_table.store_global(MP_QSTR_count, NM_INT(multi_util_count()));
    mp_fun_table.store_global(MP_QSTR_sum, NM_INT(multi_main_total));
    // entry 0 of the qstr table is the module's file name
    mp_fun_table.store_global(MP_QSTR___module__,
        mp_fun_table.native_to_obj(mp_native_qstr_table[0], 2));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
