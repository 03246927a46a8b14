// Placing the machine code of a native .mpy in memory: executable pages for
// text, rodata and zeroed BSS, and the relocation stream applied to them as
// stock MicroPython's loader applies it (py/persistentcode.c).
#ifndef RUNTIME_NATIVE_CODE_H
#define RUNTIME_NATIVE_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpy/mpy_read.h"

// What a relocation can point at, besides the module's own text, rodata and
// BSS: the module's qstr and object tables and mp_fun_table.
typedef struct {
    uintptr_t qstr_table;
    uintptr_t obj_table;
    const uintptr_t *fun_table; // the table, as words
    size_t fun_table_len;
} native_targets_t;

typedef struct {
    uint8_t *text; // mapped read+write while loading, then read+execute
    size_t text_len;
    size_t text_map_len;
    uint8_t *rodata; // NULL if none
    size_t rodata_len;
    uint8_t *bss; // zeroed; NULL if none
    size_t bss_len;
} native_code_t;

// Copies the native raw code rc (read by mpy_read) into fresh memory and
// applies its relocations; then makes text executable and not writable.
// On failure frees what it allocated and returns false with a message in
// err (errlen bytes).
bool native_code_load(native_code_t *code, const mpy_raw_code_t *rc, const native_targets_t *to,
                      char *err, size_t errlen);

void native_code_free(native_code_t *code);

// The address by which machine code starting at p is called: Thumb code is
// entered with bit 0 set (a branch to an even address would fault).
static inline uintptr_t native_code_entry(const void *p) {
    #if defined(__thumb__)
    return (uintptr_t)p | 1;
    #else
    return (uintptr_t)p;
    #endif
}

#endif
