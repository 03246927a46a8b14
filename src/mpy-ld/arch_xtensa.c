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

// Floor division by 4 of a signed value, as the l32r offset needs.
static int64_t floor_div4(int64_t v) {
    return v >= 0 ? v / 4 : -((-v + 3) / 4);
}

// l32r: a 16-bit word offset in the top two bytes of the 3-byte instruction
// (op0 = 1); value is a byte distance.
static bool apply_l32r(uint8_t *p, int64_t value) {
    uint32_t insn = p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
    if ((insn & 0xf) != 1) {
        return false;
    }
    int64_t imm = (int64_t)(insn >> 8) + value;
    insn = (insn & 0xff) | (uint32_t)(floor_div4(imm) & 0xffff) << 8;
    p[0] = insn & 0xff;
    p[1] = (insn >> 8) & 0xff;
    p[2] = (insn >> 16) & 0xff;
    return true;
}

static const reloc_patch_t patch_l32r = {3, apply_l32r, "the instruction is not an l32r"};

static const arch_reloc_t xtensa_relocs[] = {
    {0, "R_XTENSA_NONE", RELOC_IGNORE, &patch_le32, 0},
    // A word holding an address: a load-time relocation wherever it is (in text
    // only with literals kept in text, -mtext-section-literals).
    {1, "R_XTENSA_32", RELOC_ABSOLUTE, &patch_le32, RF_DATA_WORD | RF_LITERAL},
    {6, "R_XTENSA_PLT", RELOC_UNSUPPORTED, &patch_le32, RF_LITERAL},
    // Relaxation hints on calls the assembler has already encoded.
    {11, "R_XTENSA_ASM_EXPAND", RELOC_IGNORE, &patch_le32, 0},
    {17, "R_XTENSA_DIFF8", RELOC_XTENSA_DIFF, &patch_le32, 0},
    {18, "R_XTENSA_DIFF16", RELOC_XTENSA_DIFF, &patch_le32, 0},
    {19, "R_XTENSA_DIFF32", RELOC_XTENSA_DIFF, &patch_le32, 0},
    {20, "R_XTENSA_SLOT0_OP", RELOC_XTENSA_L32R, &patch_l32r, 0},
    {57, "R_XTENSA_PDIFF8", RELOC_XTENSA_DIFF, &patch_le32, 0},
    {58, "R_XTENSA_PDIFF16", RELOC_XTENSA_DIFF, &patch_le32, 0},
    {59, "R_XTENSA_PDIFF32", RELOC_XTENSA_DIFF, &patch_le32, 0},
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
