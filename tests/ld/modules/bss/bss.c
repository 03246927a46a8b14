// bss: global zero-initialised variables and arrays (reached through the
// GOT), and pointers to global functions taken in code (GOT entries that
// point into .text). Only static qstrs are used.
#include "natmod_abi.h"

typedef mp_int_t (*bss_fn_t)(mp_int_t);

typedef struct _bss_state_t {
    mp_int_t count;
    bss_fn_t hook;
    uint8_t bytes[13];
} bss_state_t;

bss_state_t bss_state;
mp_int_t bss_history[32];
uint8_t bss_flags[5];
bss_fn_t bss_hooks[4];
mp_int_t *bss_cursor;

mp_int_t bss_square(mp_int_t x);
mp_int_t bss_cube(mp_int_t x);
mp_int_t bss_run(mp_int_t x);

mp_int_t bss_square(mp_int_t x) {
    return x * x;
}

mp_int_t bss_cube(mp_int_t x) {
    return x * x * x;
}

static void bss_record(mp_int_t v) {
    if (bss_cursor == NULL || bss_cursor == &bss_history[32]) {
        bss_cursor = &bss_history[0];
    }
    *bss_cursor++ = v;
    bss_state.count += 1;
    bss_state.bytes[v & 7] ^= (uint8_t)v;
    bss_flags[v & 3] = 1;
}

mp_int_t bss_run(mp_int_t x) {
    mp_int_t acc = 0;
    for (int i = 0; i < 4; ++i) {
        if (bss_hooks[i] != NULL) {
            acc += bss_hooks[i](x + i);
            bss_record(acc);
        }
    }
    if (bss_state.hook != NULL) {
        acc = bss_state.hook(acc);
    }
    return acc;
}

static mp_obj_t bss_call(mp_obj_t arg) {
    return NM_INT(bss_run(NM_INT_VAL(arg)));
}

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    // store function pointers into BSS at run time
    bss_hooks[0] = bss_square;
    bss_hooks[2] = bss_cube;
    bss_state.hook = bss_square;
    bss_cursor = &bss_history[n_args & 3];
    mp_fun_table.store_global(MP_QSTR_count, bss_call(NM_INT(n_kw)));
    mp_fun_table.store_global(MP_QSTR_value, NM_INT(bss_state.count + bss_flags[1]));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
