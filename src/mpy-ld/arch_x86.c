// x86 (32-bit, i386 psABI) and x64 (x86-64 psABI).
//
// Quirks a linker meets here:
// - x86 objects are REL (addends in place), x64 objects RELA; both patch
//   plain 32-bit fields, so one patch serves all.
// - 32-bit PIC code has no PC-relative data access: it calls a
//   __x86.get_pc_thunk.* helper (each object brings its own copy, and the
//   duplicates are allowed), keeps the GOT's address in ebx (R_386_GOTPC) and
//   reaches data GOT-relative (R_386_GOTOFF) or through GOT entries
//   (R_386_GOT32/GOT32X). Calls to memset/memmove go through the PLT
//   convention, so their stub finds its literal relative to ebx.
// - x64 reaches data PC-relative and GOT entries with GOTPCREL; newer
//   assemblers write the relaxable GOTPCRELX forms, handled the same way
//   (this linker does not relax them).
// - The entry jump is a 5-byte jmp rel32 in every .mpy version.
#include "mpy-ld/arch.h"
#include "mpy-ld/elf.h"
#include "mpy/mpy_format.h"

#include <string.h>

#include "base/buf.h"

// jmp rel32, in every .mpy version.
static size_t x86_entry_jump(uint8_t out[8], int64_t entry, bool shortest) {
    (void)shortest;
    if (entry - 5 > INT32_MAX) {
        return 0;
    }
    out[0] = 0xe9;
    put_le32(out + 1, (uint32_t)(entry - 5));
    return 5;
}

// jmp *disp32(%ebx): PIC code calls through the PLT with ebx holding the
// GOT's address, so the literal is found relative to it.
static size_t x86_call_stub(uint8_t *out, int64_t at, int64_t got, size_t *literal) {
    *literal = 8;
    if (out) {
        static const uint8_t code[8] = {0xff, 0xa3, 0, 0, 0, 0, 0xcc, 0xcc};
        memcpy(out, code, sizeof(code));
        put_le32(out + 2, (uint32_t)(at + 8 - got));
        put_le32(out + 8, 0);
    }
    return 12;
}

// jmp *2(%rip): the 8-byte literal follows the instruction and its padding.
static size_t x64_call_stub(uint8_t *out, int64_t at, int64_t got, size_t *literal) {
    (void)at;
    (void)got;
    *literal = 8;
    if (out) {
        static const uint8_t code[16] = {0xff, 0x25, 2, 0, 0, 0, 0xcc, 0xcc};
        memcpy(out, code, sizeof(code));
    }
    return 16;
}

static const arch_reloc_t x86_relocs[] = {
    {0, "R_386_NONE", RELOC_IGNORE, &patch_le32, 0, NULL},
    {1, "R_386_32", RELOC_ABSOLUTE, &patch_le32, RF_DATA_WORD, NULL},
    // mpy_ld.py v1.21 gives every global symbol reached by R_386_PC32 a GOT
    // entry (used or not); doing the same keeps the output byte-identical.
    {2, "R_386_PC32", RELOC_PC_RELATIVE, &patch_le32, RF_MAKES_GOT, NULL},
    {3, "R_386_GOT32", RELOC_GOT_OFFSET, &patch_le32, RF_MAKES_GOT, NULL},
    {4, "R_386_PLT32", RELOC_PC_RELATIVE, &patch_le32, 0, NULL},
    {9, "R_386_GOTOFF", RELOC_GOT_RELATIVE, &patch_le32, 0, NULL},
    {10, "R_386_GOTPC", RELOC_GOT_BASE, &patch_le32, 0, NULL},
    {43, "R_386_GOT32X", RELOC_GOT_OFFSET, &patch_le32, RF_MAKES_GOT, NULL},
};

static const arch_reloc_t x64_relocs[] = {
    {0, "R_X86_64_NONE", RELOC_IGNORE, &patch_le32, 0, NULL},
    {1, "R_X86_64_64", RELOC_ABSOLUTE, &patch_le64, RF_DATA_WORD, NULL},
    {2, "R_X86_64_PC32", RELOC_PC_RELATIVE, &patch_le32, 0, NULL},
    {4, "R_X86_64_PLT32", RELOC_PC_RELATIVE, &patch_le32, 0, NULL},
    {9, "R_X86_64_GOTPCREL", RELOC_GOT_PC_RELATIVE, &patch_le32, RF_MAKES_GOT, NULL},
    // GOTPCRELX is what newer compilers emit for a GOT load without a REX
    // prefix; mpy_ld.py v1.21 does not know it.
    {41, "R_X86_64_GOTPCRELX", RELOC_GOT_PC_RELATIVE, &patch_le32, RF_MAKES_GOT, NULL},
    {42, "R_X86_64_REX_GOTPCRELX", RELOC_GOT_PC_RELATIVE, &patch_le32, RF_MAKES_GOT, NULL},
};

static const debug_reloc_t x86_debug_relocs[] = {
    {1, DEBUG_ABS, 32}, // R_386_32
};

static const debug_reloc_t x64_debug_relocs[] = {
    {1, DEBUG_ABS, 64},  // R_X86_64_64
    {10, DEBUG_ABS, 32}, // R_X86_64_32
};

const arch_t arch_x86 = {
    .name = "x86",
    .elf_machine = EM_386,
    .mpy_arch = MP_NATIVE_ARCH_X86,
    .word_size = 4,
    .writable_text = true,
    .encode_entry_jump = x86_entry_jump,
    .encode_call_stub = x86_call_stub,
    .relocs = x86_relocs,
    .n_relocs = sizeof(x86_relocs) / sizeof(x86_relocs[0]),
    .debug_relocs = x86_debug_relocs,
    .n_debug_relocs = sizeof(x86_debug_relocs) / sizeof(x86_debug_relocs[0]),
    .placement = place_got_last,
    .shared_symbol_prefix = "__x86.get_pc_thunk.",
};

const arch_t arch_x64 = {
    .name = "x64",
    .elf_machine = EM_X86_64,
    .mpy_arch = MP_NATIVE_ARCH_X64,
    .word_size = 8,
    .writable_text = true,
    .encode_entry_jump = x86_entry_jump,
    .encode_call_stub = x64_call_stub,
    .relocs = x64_relocs,
    .n_relocs = sizeof(x64_relocs) / sizeof(x64_relocs[0]),
    .debug_relocs = x64_debug_relocs,
    .n_debug_relocs = sizeof(x64_debug_relocs) / sizeof(x64_debug_relocs[0]),
    .placement = place_got_last,
};
