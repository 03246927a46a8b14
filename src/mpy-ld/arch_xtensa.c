// Xtensa: xtensa (call0 ABI, ESP8266) and xtensawin (windowed ABI, ESP32).
// Code loads addresses with l32r from .literal pools; the linker turns each
// pool word into a GOT entry (for a symbol) or a de-duplicated literal.
#include "mpy-ld/arch.h"
#include "mpy-ld/elf.h"
#include "mpy/mpy_format.h"

// j <offset>: op0 = 6, signed 18-bit offset from pc + 4, in every .mpy version.
static size_t xtensa_entry_jump(uint8_t out[8], int64_t entry, bool shortest) {
    (void)shortest;
    int64_t off = entry - 4;
    if (off < 0 || off >= (1 << 17)) {
        return 0;
    }
    uint32_t op = (uint32_t)off << 6 | 6;
    out[0] = op & 0xff;
    out[1] = (op >> 8) & 0xff;
    out[2] = (op >> 16) & 0xff;
    return 3;
}

static const arch_reloc_t xtensa_relocs[] = {
    {0, "R_XTENSA_NONE", RELOC_IGNORE, PATCH_LE32, 0},
    // A word holding an address: a load-time relocation wherever it is (in text
    // only with literals kept in text, -mtext-section-literals).
    {1, "R_XTENSA_32", RELOC_ABSOLUTE, PATCH_LE32, RF_DATA_WORD | RF_LITERAL},
    {6, "R_XTENSA_PLT", RELOC_UNSUPPORTED, PATCH_LE32, RF_LITERAL},
    // Relaxation hints on calls the assembler has already encoded.
    {11, "R_XTENSA_ASM_EXPAND", RELOC_IGNORE, PATCH_LE32, 0},
    {17, "R_XTENSA_DIFF8", RELOC_XTENSA_DIFF, PATCH_LE32, 0},
    {18, "R_XTENSA_DIFF16", RELOC_XTENSA_DIFF, PATCH_LE32, 0},
    {19, "R_XTENSA_DIFF32", RELOC_XTENSA_DIFF, PATCH_LE32, 0},
    {20, "R_XTENSA_SLOT0_OP", RELOC_XTENSA_L32R, PATCH_XTENSA_L32R, 0},
    {57, "R_XTENSA_PDIFF8", RELOC_XTENSA_DIFF, PATCH_LE32, 0},
    {58, "R_XTENSA_PDIFF16", RELOC_XTENSA_DIFF, PATCH_LE32, 0},
    {59, "R_XTENSA_PDIFF32", RELOC_XTENSA_DIFF, PATCH_LE32, 0},
};

#define XTENSA_ARCH(var, arch_name, mpy, separate) \
    const arch_t var = { \
        .name = arch_name, \
        .elf_machine = EM_XTENSA, \
        .mpy_arch = mpy, \
        .word_size = 4, \
        .separate_rodata = separate, \
        .xtensa_literals = true, \
        .encode_entry_jump = xtensa_entry_jump, \
        .relocs = xtensa_relocs, \
        .n_relocs = sizeof(xtensa_relocs) / sizeof(xtensa_relocs[0]), \
    }

XTENSA_ARCH(arch_xtensa, "xtensa", MPY_ARCH_XTENSA, false);
XTENSA_ARCH(arch_xtensawin, "xtensawin", MPY_ARCH_XTENSAWIN, true);
