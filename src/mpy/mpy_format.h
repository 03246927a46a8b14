// Constants of the .mpy container, version 6, as stock MicroPython reads it.
#ifndef MPY_FORMAT_H
#define MPY_FORMAT_H

#define MPY_MAGIC 'M'
#define MPY_VERSION (6) // spelled as in py/mpyabi.h, which the runtime also includes
#define MPY_SMALL_INT_BITS 31

// Third header byte: architecture in bits 2..5 and 7, sub-version in bits
// 0..1, and (from .mpy 6.3) bit 6 set when a var uint of architecture flags
// (such as the RISC-V extensions the code needs) follows the 4-byte header.
#define MPY_FEATURE_ENCODE(arch, sub_version) (((arch) << 2) | (sub_version))
#define MPY_FEATURE_ARCH(feature) (((feature) >> 2) & 0x2f)
#define MPY_FEATURE_SUB_VERSION(feature) ((feature) & 3)
#define MPY_FEATURE_ARCH_FLAGS 0x40

// Architecture codes: MP_NATIVE_ARCH_* of the SDK's py/mpyarch.h.
#include "py/mpyarch.h"


// Raw-code kinds; a .mpy stores (kind - MPY_CODE_BYTECODE) in the low bits.
enum mpy_code_kind {
    MPY_CODE_BYTECODE = 2,
    MPY_CODE_NATIVE_PY = 3,
    MPY_CODE_NATIVE_VIPER = 4,
    MPY_CODE_NATIVE_ASM = 5,
};

// Scope flags of a native (viper) raw code loaded from a .mpy.
#define MPY_SCOPE_FLAG_VIPERRELOC 0x10
#define MPY_SCOPE_FLAG_VIPERRODATA 0x20
#define MPY_SCOPE_FLAG_VIPERBSS 0x40

// Destinations in the relocation stream of a native raw code.
enum mpy_reloc_dest {
    MPY_RELOC_TEXT = 0,
    MPY_RELOC_RODATA = 1,
    MPY_RELOC_BSS = 2,
    MPY_RELOC_QSTR_TABLE = 6,
    MPY_RELOC_OBJ_TABLE = 7,
    MPY_RELOC_FUN_TABLE = 8,
    MPY_RELOC_FUN_TABLE_ENTRY = 9, // + index of the mp_fun_table entry
};

// Where a relocation patches: a word of text or of rodata.
enum mpy_reloc_base {
    MPY_RELOC_IN_TEXT = 0,
    MPY_RELOC_IN_RODATA = 1,
};

#define MPY_RELOC_END 0xff

#endif
