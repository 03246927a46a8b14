// Names, word sizes and header flags of the architectures a .mpy header can
// name (the codes are MP_NATIVE_ARCH_* of py/mpyarch.h).
#ifndef MPY_MPY_ARCH_H
#define MPY_MPY_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "py/mpyarch.h"

// Highest architecture code known.
#define MPY_ARCH_MAX_KNOWN MP_NATIVE_ARCH_MAX

// "x64", "armv7m", ... ; "none" for 0; NULL for an unknown code.
const char *mpy_arch_name(unsigned arch);

// Bytes in a machine word (the unit of relocation offsets); 0 if unknown.
size_t mpy_arch_word_size(unsigned arch);

// The first MicroPython release v1.N that loads native code for arch: N
// (20, the oldest these tools write for, for the architectures it knows).
unsigned mpy_arch_first_minor(unsigned arch);

// One architecture flag of a .mpy 6.3 header: an instruction-set extension
// the code uses, which the firmware must have.
typedef struct {
    const char *name; // as --arch-flags spells it: "zba"
    uint64_t bit;
} mpy_arch_flag_t;

// The flags defined for arch (*n of them); NULL if it has none.
const mpy_arch_flag_t *mpy_arch_flags(unsigned arch, size_t *n);

// Reads --arch-flags text: names separated by commas ("zba,zcmp", any case)
// or a number (decimal, 0x.. or 0b..). On error writes why into err.
bool mpy_arch_flags_parse(unsigned arch, const char *text, uint64_t *flags, char *err,
                          size_t err_len);

// Writes flags as names ("zba,zcmp"), bits without a name as a hex number.
void mpy_arch_flags_describe(unsigned arch, uint64_t flags, char *out, size_t len);

#endif
