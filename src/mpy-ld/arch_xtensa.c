// Xtensa: xtensa (call0 ABI, ESP8266) and xtensawin (windowed ABI, ESP32).
//
// Quirks a linker meets here:
// - Code loads every constant and address with l32r, a 24-bit instruction
//   whose 16-bit word offset reaches only backwards from the instruction:
//   the constants live in .literal pools that the assembler places before
//   the code. mpy-ld does not keep those pools. Each pool word that holds a
//   symbol's address becomes a GOT entry (relocated by the loader), every
//   other word a LIT entry shared by value, and GOT and LIT go first in
//   text so that every l32r reaches them; the l32r offsets are then patched.
// - xtensawin keeps rodata in its own region (ESP32 text memory only takes
//   32-bit loads), reached through the GOT.
// - Objects are RELA, but the assembler has already resolved branches and
//   label differences inside text (the relocations of those stay as
//   relaxation records, ignored here).
// - The entry jump `j` reaches 128 KiB forwards.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy-ld/arch.h"
#include "mpy-ld/diag.h"
#include "mpy-ld/elf.h"
#include "mpy-ld/reloc.h"
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

// Registers the pool word at `offset` of literal section `sec`, relocated by
// r, as a GOT entry.
static bool xtensa_literal_got(link_env_t *env, ld_section_t *sec, const elf_reloc_t *r) {
    ld_symbol_t *sym = &sec->obj->symbols[r->sym];
    const arch_reloc_t *info = arch_find_reloc(env->arch, r->type);
    if (!info || !(info->flags & RF_LITERAL)) {
        ld_error("%s: %s+0x%llx: relocation type %u is not expected in a literal pool",
                 sec->obj->path, sec->name, (unsigned long long)r->offset, r->type);
        return false;
    }
    if (r->offset % 4 != 0 || r->offset + 4 > sec->size) {
        ld_error("%s: %s+0x%llx: literal relocation is not on a word inside the section",
                 sec->obj->path, sec->name, (unsigned long long)r->offset);
        return false;
    }
    if (!link_check_got_symbol(sym, sec, r->offset)) {
        return false;
    }
    // The offset from the symbol is in the pool word and/or the addend.
    uint64_t offset = (uint64_t)(get_le32(sec->data + r->offset) + (uint32_t)r->addend);
    bool in_section = sym->elf->type == STT_SECTION;
    if (in_section && !sym->section) {
        ld_error("%s: %s+0x%llx: literal refers to a section that is not linked",
                 sec->obj->path, sec->name, (unsigned long long)r->offset);
        return false;
    }
    // Named as mpy_ld.py names them: "section+0xN", "symbol+0xN" or "symbol".
    const char *base = in_section ? sym->section->name : sym->elf->name;
    size_t len = strlen(base) + 32;
    char *name = xmalloc(len);
    if (offset || in_section) {
        snprintf(name, len, "%s+0x%llx", base, (unsigned long long)offset);
    } else {
        snprintf(name, len, "%s", base);
    }
    // Globals are shared by name; section names and local symbols repeat
    // across objects, so those are keyed on the section or symbol itself.
    char *key = NULL;
    if (in_section || sym->elf->bind == STB_LOCAL) {
        key = xmalloc(64);
        snprintf(key, 64, "%p+0x%llx", in_section ? (void *)sym->section : (void *)sym,
                 (unsigned long long)offset);
    }
    sec->literal_got[r->offset / 4] =
        link_got_add(env, key ? key : name, sym, name, name, key, offset);
    return true;
}

static bool xtensa_build_got(link_env_t *env) {
    strmap_t lit_by_value = {0};
    bool ok = true;
    for (size_t i = 0; i < env->n_literal_sections; i++) {
        ld_section_t *sec = env->literal_sections[i];
        if (sec->size % 4 != 0 || !sec->data) {
            ld_error("%s: literal section %s has size %u, not a whole number of words",
                     sec->obj->path, sec->name, sec->size);
            ok = false;
            continue;
        }
        size_t n_words = sec->size / 4;
        sec->literal_got = xcalloc(n_words, sizeof(got_entry_t *));
        sec->literal_slot = xcalloc(n_words, sizeof(uint32_t));
        for (size_t j = 0; j < sec->n_relocs; j++) {
            ok = xtensa_literal_got(env, sec, &sec->relocs[j]) && ok;
        }
        // Words that hold no address are plain constants, shared by value.
        for (size_t w = 0; w < n_words; w++) {
            if (sec->literal_got[w]) {
                continue;
            }
            const char *value = (const char *)sec->data + w * 4;
            uintptr_t slot = (uintptr_t)strmap_get(&lit_by_value, value, 4);
            if (!slot) {
                env->lit_values = xrealloc(env->lit_values, (env->n_lit + 1) * sizeof(uint32_t));
                env->lit_values[env->n_lit++] = get_le32(sec->data + w * 4);
                slot = env->n_lit; // stored 1-based so that 0 means absent
                strmap_put(&lit_by_value, value, 4, (void *)slot);
            }
            sec->literal_slot[w] = (uint32_t)(slot - 1) * 4;
        }
    }
    strmap_free(&lit_by_value);
    env->lit_section.size = (uint32_t)(env->n_lit * 4);
    return ok;
}

// GOT and then LIT go first in text, where every l32r reaches them.
static const place_t xtensa_placement[] = {PLACE_GOT, PLACE_LIT, PLACE_INPUTS, PLACE_INIT_ARRAY,
                                            PLACE_DATA_IMAGE, PLACE_END};

static void xtensa_write_lit(link_env_t *env) {
    ld_log(2, "LIT: %08x", env->lit_section.addr);
    for (size_t i = 0; i < env->n_lit; i++) {
        ld_log(2, "  %08zx = %08x", i * 4, env->lit_values[i]);
        put_le32(env->text.data + env->lit_section.addr + i * 4, env->lit_values[i]);
    }
}

// l32r: the literal the instruction loads is now a GOT or LIT word; an l32r
// relocation against text is a branch the assembler already resolved.
static reloc_result_t xtensa_compute_l32r(reloc_site_t *s, int64_t *value) {
    const ld_section_t *lsec = s->sym->section;
    if (lsec && lsec->kind == SEC_TEXT) {
        return RELOC_DO_NOTHING;
    }
    if (!lsec || lsec->kind != SEC_LITERAL) {
        reloc_error(s, "only literal loads and branches within text are supported");
        return RELOC_FAILED;
    }
    uint64_t off = s->sym->value + (uint64_t)s->r->addend;
    if (off % 4 != 0 || off >= lsec->size || !lsec->literal_got) {
        reloc_error(s, "l32r does not load a word of the literal pool");
        return RELOC_FAILED;
    }
    got_entry_t *e = lsec->literal_got[off / 4];
    if (e) {
        s->log_addr = (int64_t)s->env->got_section.addr + e->offset;
        snprintf(s->log_buf, sizeof(s->log_buf), "GOT %s", e->name);
        s->log_name = s->log_buf;
    } else {
        s->log_addr = (int64_t)s->env->lit_section.addr + lsec->literal_slot[off / 4];
        s->log_name = "LIT";
    }
    *value = s->log_addr - s->place;
    return RELOC_DO_PATCH;
}

// A difference of two labels: already final inside one text section.
static reloc_result_t xtensa_compute_diff(reloc_site_t *s, int64_t *value) {
    (void)value;
    const ld_section_t *ssec = s->sym->section;
    if (ssec && ssec->kind == SEC_TEXT) {
        return RELOC_DO_NOTHING;
    }
    reloc_error(s, "label difference outside text is not supported");
    return RELOC_FAILED;
}

static const arch_reloc_t xtensa_relocs[] = {
    {0, "R_XTENSA_NONE", RELOC_IGNORE, &patch_le32, 0, NULL},
    // A word holding an address: a load-time relocation wherever it is (in text
    // only with literals kept in text, -mtext-section-literals).
    {1, "R_XTENSA_32", RELOC_ABSOLUTE, &patch_le32, RF_DATA_WORD | RF_LITERAL, NULL},
    {6, "R_XTENSA_PLT", RELOC_UNSUPPORTED, &patch_le32, RF_LITERAL, NULL},
    // Relaxation hints on calls the assembler has already encoded.
    {11, "R_XTENSA_ASM_EXPAND", RELOC_IGNORE, &patch_le32, 0, NULL},
    {17, "R_XTENSA_DIFF8", RELOC_ARCH, &patch_le32, 0, xtensa_compute_diff},
    {18, "R_XTENSA_DIFF16", RELOC_ARCH, &patch_le32, 0, xtensa_compute_diff},
    {19, "R_XTENSA_DIFF32", RELOC_ARCH, &patch_le32, 0, xtensa_compute_diff},
    {20, "R_XTENSA_SLOT0_OP", RELOC_ARCH, &patch_l32r, 0, xtensa_compute_l32r},
    {57, "R_XTENSA_PDIFF8", RELOC_ARCH, &patch_le32, 0, xtensa_compute_diff},
    {58, "R_XTENSA_PDIFF16", RELOC_ARCH, &patch_le32, 0, xtensa_compute_diff},
    {59, "R_XTENSA_PDIFF32", RELOC_ARCH, &patch_le32, 0, xtensa_compute_diff},
};

static const debug_reloc_t xtensa_debug_relocs[] = {
    {1, DEBUG_ABS, 32},   // R_XTENSA_32
    {17, DEBUG_KEEP, 8},  // R_XTENSA_DIFF8
    {18, DEBUG_KEEP, 16}, // R_XTENSA_DIFF16
    {19, DEBUG_KEEP, 32}, // R_XTENSA_DIFF32
    {57, DEBUG_KEEP, 8},  // R_XTENSA_PDIFF8
    {58, DEBUG_KEEP, 16}, // R_XTENSA_PDIFF16
    {59, DEBUG_KEEP, 32}, // R_XTENSA_PDIFF32
    {60, DEBUG_KEEP, 8},  // R_XTENSA_NDIFF8
    {61, DEBUG_KEEP, 16}, // R_XTENSA_NDIFF16
    {62, DEBUG_KEEP, 32}, // R_XTENSA_NDIFF32
};

#define XTENSA_ARCH(var, arch_name, mpy, separate) \
    const arch_t var = { \
        .name = arch_name, \
        .elf_machine = EM_XTENSA, \
        .mpy_arch = mpy, \
        .word_size = 4, \
        .separate_rodata = separate, \
        .encode_entry_jump = xtensa_entry_jump, \
        .relocs = xtensa_relocs, \
        .n_relocs = sizeof(xtensa_relocs) / sizeof(xtensa_relocs[0]), \
        .debug_relocs = xtensa_debug_relocs, \
        .n_debug_relocs = sizeof(xtensa_debug_relocs) / sizeof(xtensa_debug_relocs[0]), \
        .build_got = xtensa_build_got, \
        .placement = xtensa_placement, \
        .write_tables = xtensa_write_lit, \
    }

XTENSA_ARCH(arch_xtensa, "xtensa", MP_NATIVE_ARCH_XTENSA, false);
XTENSA_ARCH(arch_xtensawin, "xtensawin", MP_NATIVE_ARCH_XTENSAWIN, true);
