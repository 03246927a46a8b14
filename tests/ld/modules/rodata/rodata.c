// rodata: string literals, constant tables of plain numbers, and constant
// tables holding pointers (to functions, to other read-only data and to
// global BSS). With -fpic the pointer tables land in .data.rel.ro and
// .data.rel.ro.local and need load-time relocations.
#include "natmod_abi.h"

mp_int_t rodata_scratch[8];
mp_int_t rodata_counter;

mp_int_t rodata_inc(mp_int_t x);
mp_int_t rodata_dec(mp_int_t x);

mp_int_t rodata_inc(mp_int_t x) {
    return x + 1;
}

mp_int_t rodata_dec(mp_int_t x) {
    return x - 1;
}

static mp_int_t neg(mp_int_t x) {
    return -x;
}

static const uint16_t primes[16] = {
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53,
};

static const char *const names[] = {
    "zero", "one", "two", "three", "four",
};
static const uint8_t name_lens[] = { 4, 3, 3, 5, 4 };

typedef struct _op_t {
    const char *name;
    mp_int_t (*fn)(mp_int_t);
    const uint16_t *table;
    mp_int_t *slot;
} op_t;

// pointers to global functions, a static function, rodata and global BSS
const op_t rodata_ops[] = {
    { "inc", rodata_inc, &primes[0], &rodata_scratch[0] },
    { "dec", rodata_dec, &primes[4], &rodata_scratch[3] },
    { "neg", neg, primes, &rodata_counter },
};

// a local table of pointers (.data.rel.ro.local)
static const mp_int_t *const slots[] = {
    &rodata_scratch[1], &rodata_scratch[7], &rodata_counter,
};

static mp_int_t apply(mp_int_t which, mp_int_t x) {
    const op_t *op = &rodata_ops[which & 1 ? 1 : (which & 2 ? 2 : 0)];
    *op->slot += op->table[x & 3];
    return op->fn(x);
}

static mp_obj_t rodata_name(mp_obj_t n) {
    mp_int_t i = NM_INT_VAL(n);
    return mp_fun_table.obj_new_str(names[i & 3], name_lens[i & 3]);
}

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    mp_int_t acc = 0;
    for (size_t i = 0; i < 3; ++i) {
        acc += apply(i, primes[i + n_args]);
        acc += *slots[i];
    }
    mp_fun_table.store_global(MP_QSTR_print, NM_INT(acc));
    mp_fun_table.store_global(MP_QSTR___name__, rodata_name(NM_INT(n_kw)));
    mp_fun_table.store_global(MP_QSTR_len, NM_NEW_STR("a constant table test module"));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
