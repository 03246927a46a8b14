// fixed: symbols at fixed addresses outside the module (mpy-ld --externs,
// from fixed.externs.ld): a ROM variable, table and function pointer read
// through the GOT; on xtensa also ROM functions called directly (the call
// loads their address from a literal, which becomes a GOT entry). A
// symbol both listed and defined here takes the module's definition.
#include "natmod_abi.h"

extern volatile mp_int_t rom_counter;
extern const uint8_t rom_table[];
extern mp_int_t (*const rom_hook)(mp_int_t);
#ifdef __XTENSA__
extern mp_int_t rom_add(mp_int_t a, mp_int_t b);
extern void rom_delay(mp_int_t us);
#endif

// Also listed in the externs file: this definition wins.
mp_int_t fixed_shadowed(mp_int_t x);
mp_int_t fixed_shadowed(mp_int_t x) {
    return x + 1;
}

static mp_int_t fixed_sum(mp_int_t x) {
    mp_int_t acc = rom_counter + rom_table[x & 15] + rom_hook(x) + fixed_shadowed(x);
#ifdef __XTENSA__
    rom_delay(x);
    acc = rom_add(acc, rom_table[3]);
#endif
    return acc;
}

static mp_obj_t fixed_call(mp_obj_t arg) {
    return NM_INT(fixed_sum(NM_INT_VAL(arg)));
}

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    mp_fun_table.store_global(MP_QSTR_count, fixed_call(NM_INT(n_args)));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
