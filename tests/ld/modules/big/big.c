// big: fifty small global functions, a constant table of pointers to all of
// them (one long run of identical load-time relocations), and the entry
// point at the very end so that it lies more than 2 KiB after the start of
// .text (Thumb-2 then needs the long form of the entry jump; the Thumb-1
// entry jump of armv6m cannot reach that far).
#include "natmod_abi.h"

typedef mp_int_t (*big_fn_t)(mp_int_t);

mp_int_t big_state[4];

static __attribute__((noinline)) mp_int_t big_mix(mp_int_t a, mp_int_t b) {
    a ^= b << 3;
    a += (b >> 2) | 1;
    return a * 5 - (b & 0x3f);
}

#define BIG_FN(n) \
    mp_int_t big_fn_##n(mp_int_t x); \
    mp_int_t big_fn_##n(mp_int_t x) { \
        mp_int_t y = x * (n * 2 + 3) + (x >> ((n) & 7)); \
        if (y & (1 << ((n) & 3))) { \
            y = big_mix(y, n + 100); \
        } else { \
            y -= big_state[(n) & 3]; \
        } \
        big_state[((n) + 1) & 3] += y & 0xff; \
        return big_mix(y ^ (n * 0x101), x + n); \
    }

BIG_FN(0) BIG_FN(1) BIG_FN(2) BIG_FN(3) BIG_FN(4)
BIG_FN(5) BIG_FN(6) BIG_FN(7) BIG_FN(8) BIG_FN(9)
BIG_FN(10) BIG_FN(11) BIG_FN(12) BIG_FN(13) BIG_FN(14)
BIG_FN(15) BIG_FN(16) BIG_FN(17) BIG_FN(18) BIG_FN(19)
BIG_FN(20) BIG_FN(21) BIG_FN(22) BIG_FN(23) BIG_FN(24)
BIG_FN(25) BIG_FN(26) BIG_FN(27) BIG_FN(28) BIG_FN(29)
BIG_FN(30) BIG_FN(31) BIG_FN(32) BIG_FN(33) BIG_FN(34)
BIG_FN(35) BIG_FN(36) BIG_FN(37) BIG_FN(38) BIG_FN(39)
BIG_FN(40) BIG_FN(41) BIG_FN(42) BIG_FN(43) BIG_FN(44)
BIG_FN(45) BIG_FN(46) BIG_FN(47) BIG_FN(48) BIG_FN(49)

#define BIG_REF5(a) big_fn_##a##0, big_fn_##a##1, big_fn_##a##2, big_fn_##a##3, big_fn_##a##4, \
    big_fn_##a##5, big_fn_##a##6, big_fn_##a##7, big_fn_##a##8, big_fn_##a##9

const big_fn_t big_fns[50] = {
    big_fn_0, big_fn_1, big_fn_2, big_fn_3, big_fn_4,
    big_fn_5, big_fn_6, big_fn_7, big_fn_8, big_fn_9,
    BIG_REF5(1), BIG_REF5(2), BIG_REF5(3), BIG_REF5(4),
};

static mp_obj_t big_run(mp_obj_t arg) {
    mp_int_t x = NM_INT_VAL(arg);
    for (int i = 0; i < 50; ++i) {
        x = big_fns[i](x);
    }
    return NM_INT(x);
}

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    mp_int_t v = big_fn_49(n_args) + big_fn_0(n_kw);
    mp_fun_table.store_global(MP_QSTR_main, big_run(NM_INT(v)));
    mp_fun_table.store_global(MP_QSTR_value, NM_INT(big_state[0] + big_state[3]));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
