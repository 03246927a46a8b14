// map.test.sh's module, first file: the entry point, functions exposed to
// Python, a constant table, a BSS counter, and a remainder that is a libgcc
// helper on every 32-bit architecture: of 64-bit numbers, except on xtensa,
// whose 64-bit helpers need 32-bit ones that the ESP8266's ROM has and
// libgcc lacks.
#include "py/dynruntime.h"

#if defined(__XTENSA__)
typedef int32_t wide_t;
#else
typedef int64_t wide_t;
#endif

extern uint32_t map_b_buffer[16];
uint32_t map_b_sum(const uint32_t *v, size_t n);

static const uint32_t map_a_table[8] = {1, 2, 3, 5, 8, 13, 21, 34};
uint32_t map_a_counter;

static mp_obj_t map_a_mod(mp_obj_t a_in, mp_obj_t b_in) {
    wide_t a = (wide_t)mp_obj_get_int(a_in) << 20;
    wide_t b = (wide_t)mp_obj_get_int(b_in) | 1;
    map_a_counter++;
    return mp_obj_new_int((mp_int_t)(a % b));
}
static MP_DEFINE_CONST_FUN_OBJ_2(map_a_mod_obj, map_a_mod);

static mp_obj_t map_a_sum(void) {
    return mp_obj_new_int(map_b_sum(map_a_table, 8) + map_b_sum(map_b_buffer, 16));
}
static MP_DEFINE_CONST_FUN_OBJ_0(map_a_sum_obj, map_a_sum);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY
    mp_store_global(MP_QSTR_mod, MP_OBJ_FROM_PTR(&map_a_mod_obj));
    mp_store_global(MP_QSTR_sum, MP_OBJ_FROM_PTR(&map_a_sum_obj));
    MP_DYNRUNTIME_INIT_EXIT
}
