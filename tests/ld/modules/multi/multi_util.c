// multi (2/3): helpers called from the other objects, reading their data.
#include "natmod_abi.h"
#include "multi.h"

static mp_int_t clamp(mp_int_t v) {
    return v > 1000 ? 1000 : (v < -1000 ? -1000 : v);
}

mp_int_t multi_util_scale(mp_int_t v, mp_int_t k) {
    multi_data_log(v);
    return clamp(v * k + multi_main_total);
}

mp_int_t multi_util_count(void) {
    mp_int_t n = 0;
    for (size_t i = 0; i < multi_log_len; ++i) {
        n += multi_log[i] != 0;
    }
    return n;
}

static mp_obj_t util_count_fn(void) {
    return NM_INT(multi_util_count());
}

NM_FUN_OBJ(multi_util_count_obj, 0, util_count_fn);
