// map.test.sh's module, second file: a global function, BSS, and a string
// constant.
#include "py/dynruntime.h"

uint32_t map_b_buffer[16];
uint32_t map_b_calls; // global: code reaches BSS through the GOT only
const char map_b_name[] = "map test module";

uint32_t map_b_sum(const uint32_t *v, size_t n) {
    uint32_t s = map_b_name[map_b_calls++ & 7];
    for (size_t i = 0; i < n; i++) {
        s += v[i] * (uint32_t)(i + 1);
    }
    return s;
}
