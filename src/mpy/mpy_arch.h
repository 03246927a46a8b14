// Names and word sizes of the architectures a .mpy header can name.
#ifndef MPY_MPY_ARCH_H
#define MPY_MPY_ARCH_H

#include <stddef.h>

// Highest architecture code known (v1.21 knows up to xtensawin, 10; later
// MicroPython adds rv32imc 11 and rv64imc 12).
#define MPY_ARCH_MAX_KNOWN 12

// "x64", "armv7m", ... ; "none" for 0; NULL for an unknown code.
const char *mpy_arch_name(unsigned arch);

// Bytes in a machine word (the unit of relocation offsets); 0 if unknown.
size_t mpy_arch_word_size(unsigned arch);

#endif
