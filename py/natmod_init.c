// The init step of a native module that has initialised writable data or
// global constructors (C++). mpy-ld links it in only then, and makes
// mpy_natmod_entry the module's entry instead of mpy_init (see
// src/mpy-ld/data.c). py/dynruntime.mk compiles it with the module's flags.
//
// The firmware's loader allocates BSS and relocates text and rodata; the
// linker keeps the module's .data at the start of BSS and its initial values,
// pointers included, as an image in text or rodata. On every import this
// copies the image into BSS, runs the constructors in order, then mpy_init.
#include "py/dynruntime.h"

// Defined by mpy-ld: the image, the live data (whole words), the
// constructors: those of .ctors (the older form, run from last to first),
// then those of .init_array.
extern const uint32_t mpy_natmod_data_image[];
extern uint32_t mpy_natmod_data[], mpy_natmod_data_end[];
typedef void (*mpy_natmod_ctor_t)(void);
extern const mpy_natmod_ctor_t mpy_natmod_ctors[], mpy_natmod_init_array[],
    mpy_natmod_init_array_end[];

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args);

mp_obj_t mpy_natmod_entry(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    // Word loads: the image may sit in memory that takes no byte loads
    // (ESP8266/ESP32 IRAM); volatile keeps the compiler from calling memcpy.
    const volatile uint32_t *from = mpy_natmod_data_image;
    for (uint32_t *to = mpy_natmod_data; to < mpy_natmod_data_end; to++) {
        *to = *from++;
    }
    for (const mpy_natmod_ctor_t *ctor = mpy_natmod_init_array; ctor > mpy_natmod_ctors;) {
        (*--ctor)();
    }
    for (const mpy_natmod_ctor_t *ctor = mpy_natmod_init_array; ctor < mpy_natmod_init_array_end;
         ctor++) {
        (*ctor)();
    }
    return mpy_init(self, n_args, n_kw, args);
}
