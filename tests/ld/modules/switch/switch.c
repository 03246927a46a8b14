// switch: dense switch statements that compilers turn into jump tables
// (tables of code offsets in .rodata on x86/x64, tbb/tbh on Thumb-2, a
// libgcc case helper on Thumb-1), next to a sparse one that stays a tree.
#include "natmod_abi.h"

mp_int_t switch_dense(mp_int_t op, mp_int_t a, mp_int_t b);
mp_int_t switch_sparse(mp_int_t key);

mp_int_t switch_dense(mp_int_t op, mp_int_t a, mp_int_t b) {
    switch (op) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 3: return a & b;
        case 4: return a | b;
        case 5: return a ^ b;
        case 6: return a << (b & 31);
        case 7: return a >> (b & 31);
        case 8: return -a;
        case 9: return ~b;
        case 10: return a == b;
        case 11: return a < b;
        case 12: return a * 3 + b;
        case 13: return b * 5 - a;
        case 14: return (a & 0xff) | (b << 8);
        case 15: return a > b ? a : b;
        default: return 0;
    }
}

mp_int_t switch_sparse(mp_int_t key) {
    switch (key) {
        case 3: return 30;
        case 100: return 7;
        case 1000: return -1;
        case 40000: return 12;
        default: return key;
    }
}

static uint8_t classify(unsigned c) {
    switch (c) {
        case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
        case 'b': case 'c': case 'd': case 'f': case 'g': return 2;
        case 'h': case 'j': case 'k': case 'l': return 3;
        case 'm': case 'n': case 'p': case 'q': return 4;
        case 'r': case 's': case 't': return 5;
        case 'v': case 'w': case 'x': return 6;
        case 'y': case 'z': return 7;
        default: return 0;
    }
}

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    mp_int_t v = switch_dense(n_args, 6, 7) + switch_sparse(n_kw);
    v += classify('a' + n_args);
    mp_fun_table.store_global(MP_QSTR_value, NM_INT(v));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
