// multi (3/3): the data of the module: a constant table, a log in BSS and a
// table of (name, function object) pairs filled in at load time.
#include "natmod_abi.h"
#include "multi.h"

extern const natmod_fun_obj_t multi_util_count_obj;

const int16_t multi_table[8] = { 3, -1, 4, -1, 5, -9, 2, -6 };
mp_int_t multi_log[16];
size_t multi_log_len;
multi_entry_t multi_entries[MULTI_N_ENTRIES];

static mp_obj_t data_len_fn(void) {
    return NM_INT(multi_log_len);
}

static NM_FUN_OBJ(data_len_obj, 0, data_len_fn);

void multi_data_log(mp_int_t v) {
    if (multi_log_len == 0) {
        multi_data_init();
    }
    multi_log[multi_log_len++ & 15] = v;
}

void multi_data_init(void) {
    multi_entries[0].name = MP_QSTR_get;
    multi_entries[0].obj = &multi_util_count_obj;
    multi_entries[1].name = MP_QSTR_len;
    multi_entries[1].obj = &data_len_obj;
    multi_entries[2].name = MP_QSTR_index;
    multi_entries[2].obj = &multi_util_count_obj;
}
