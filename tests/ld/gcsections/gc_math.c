// gcsections.test.sh's module: arithmetic, half of it unused (a function,
// its constant table and a BSS array only the unused function touches).
#include "py/dynruntime.h"

static const mp_int_t gc_used_factors[4] = {3, 5, 7, 11};
mp_int_t gc_used_calls; // BSS that kept code counts in

const mp_int_t gc_unused_powers[16] = {1, 2, 4, 8, 16, 32, 64, 128,
                                       256, 512, 1024, 2048, 4096, 8192, 16384, 32768};
mp_int_t gc_unused_history[32];

mp_int_t gc_used_scale(mp_int_t v) {
    mp_int_t f = gc_used_factors[gc_used_calls++ & 3];
    return v * f;
}

mp_int_t gc_unused_cube(mp_int_t v) {
    mp_int_t r = v * v * v;
    for (int i = 0; i < 16; i++) {
        r ^= gc_unused_powers[i] * gc_unused_history[i * 2];
        gc_unused_history[i * 2 + 1] = r;
    }
    return r;
}
