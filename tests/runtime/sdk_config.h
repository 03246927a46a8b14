// Stands in for the per-module header that `mpy-ld --preprocess` writes,
// so that the SDK headers can be compiled here without a module.
#include <stdint.h>
typedef uintptr_t mp_uint_t;
typedef intptr_t mp_int_t;
typedef uintptr_t mp_off_t;
