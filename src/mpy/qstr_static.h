// The static qstr list shared by stock firmware and .mpy files.
#ifndef MPY_QSTR_STATIC_H
#define MPY_QSTR_STATIC_H

#include <stddef.h>

#define QSTR_STATIC_COUNT 165

extern const char *const qstr_static_table[QSTR_STATIC_COUNT];

// Number (1-based) of the static qstr spelled str[0..len), or 0 if not static.
size_t qstr_static_find(const char *str, size_t len);

#endif
