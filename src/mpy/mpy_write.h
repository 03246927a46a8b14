// Writing the pieces of a .mpy file: header, variable-length integers,
// qstrs and the relocation stream of native code.
#ifndef MPY_WRITE_H
#define MPY_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

// The 4-byte header, then arch_flags (a var uint) when it is not 0.
void mpy_write_header(buf_t *out, unsigned arch, unsigned sub_version, uint64_t arch_flags);

// Unsigned integer, 7 bits per byte, most significant group first; every
// byte but the last has bit 7 set.
void mpy_write_uint(buf_t *out, uint64_t value);

// A qstr-table entry: a static qstr as (number << 1) | 1, any other as
// (length << 1) followed by its bytes and a NUL.
void mpy_write_qstr(buf_t *out, const char *str, size_t len);

// One word that the loader adjusts: the word at word_offset (counted in
// machine words) in text or rodata (enum mpy_reloc_base) gets the address of
// dest (enum mpy_reloc_dest) added to it.
typedef struct {
    uint8_t base;
    uint32_t word_offset;
    uint32_t dest;
} mpy_reloc_t;

// How many of relocs[i..n) the stream writes as one record: a run of
// consecutive words with the same text, rodata or BSS destination.
size_t mpy_reloc_run_length(const mpy_reloc_t *relocs, size_t n, size_t i);

// Writes the relocation stream, runs of consecutive words with the same
// destination merged, and the end marker.
void mpy_write_relocs(buf_t *out, const mpy_reloc_t *relocs, size_t n);

#endif
