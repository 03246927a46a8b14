// Arm Thumb: armv6m (Thumb-1 only) and the Thumb-2 cores armv7m, armv7emsp,
// armv7emdp.
//
// Quirks a linker meets here:
// - Objects are REL: the addend sits in the patched instruction or word, so
//   every patch adds to what is there (bl's split immediate included).
// - Code reaches the GOT as gcc's PIC does: R_ARM_BASE_PREL gives the GOT's
//   distance from a literal, and R_ARM_GOT_BREL an entry's offset in it;
//   clang instead loads R_ARM_GOT_PREL literals (entry - P).
// - armv6m has only a 16-bit b (+-2 KiB) and no b.w: a far mpy_init needs
//   either 6.3's push/bl/pop entry or, in 6.1 and 6.2 whose jump is 2 bytes,
//   a veneer placed first in text. Its switch statements call libgcc's
//   __gnu_thumb1_case_* helpers, taken with -l.
// - PIC code reaches a static variable as `ldr rX, =sym - (.LPIC + 4)`, then
//   `.LPIC: add rX, pc`: a fixed distance, which a variable living in BSS
//   does not have. The literal then holds the variable's address (relocated
//   on load) and the add becomes a nop.
// - Calls to memset/memmove land on stubs that jump through a literal, as
//   both Thumb-1 and Thumb-2 lack a PC-relative indirect jump.
// - The hard-float cores (armv7emsp/dp) keep doubles 8-byte aligned, so a
//   section may start beyond the entry jump.
#include "mpy-ld/arch.h"
#include "mpy-ld/elf.h"
#include "mpy-ld/diag.h"
#include "mpy-ld/reloc.h"
#include "mpy/mpy_format.h"

#include "base/buf.h"

// A 16-bit "b" reaches -2048..2046 bytes from pc + 4.
static bool fits_thumb_b16(int64_t off) {
    return off >= -2048 && off < 2048;
}

// armv6m has no long branch that keeps lr, so a far mpy_init is reached
// through this veneer; it keeps r0-r3 (the arguments) and lr, using ip.
//   push {r0}; ldr r0, [pc, #8]; add r0, pc; mov ip, r0; pop {r0}; bx ip
//   .word entry - (at + 8)        (add r0, pc reads pc as at + 8)
static size_t thumb1_entry_veneer(uint8_t *out, int64_t at, int64_t entry) {
    static const uint16_t code[] = {0xb401, 0x4802, 0x4478, 0x4684, 0xbc01, 0x4760};
    if (out) {
        for (size_t i = 0; i < 6; i++) {
            put_le16(out + 2 * i, code[i]);
        }
        put_le32(out + 12, (uint32_t)(entry - (at + 8)));
    }
    return 16;
}

// Calls to mp_fun_table functions, keeping r0-r3 and lr:
//   push {r0}; ldr r0, [pc, #8]; mov ip, r0; pop {r0}; bx ip; nop; .word f
static size_t thumb1_call_stub(uint8_t *out, int64_t at, int64_t got, size_t *literal) {
    (void)at;
    (void)got;
    static const uint16_t code[] = {0xb401, 0x4802, 0x4684, 0xbc01, 0x4760, 0x46c0};
    *literal = 12;
    if (out) {
        for (size_t i = 0; i < 6; i++) {
            put_le16(out + 2 * i, code[i]);
        }
        put_le32(out + 12, 0);
    }
    return 16;
}

//   ldr.w ip, [pc, #4]; bx ip; nop; .word f
static size_t thumb2_call_stub(uint8_t *out, int64_t at, int64_t got, size_t *literal) {
    (void)at;
    (void)got;
    static const uint16_t code[] = {0xf8df, 0xc004, 0x4760, 0x46c0};
    *literal = 8;
    if (out) {
        for (size_t i = 0; i < 4; i++) {
            put_le16(out + 2 * i, code[i]);
        }
        put_le32(out + 8, 0);
    }
    return 12;
}

// b <entry>: pc reads as 4 ahead.
static size_t thumb_entry_b16(uint8_t out[8], int64_t entry) {
    int64_t off = entry - 4;
    if (!fits_thumb_b16(off)) {
        return 0;
    }
    put_le16(out, 0xe000 | ((uint32_t)(off >> 1) & 0x7ff));
    return 2;
}

// A long Thumb branch, encoding T4 with S=0 and J1=J2=1 (offsets 0 to 4 MiB):
// second is 0xb800 for b.w, 0xf800 for bl.
static bool thumb_long_branch(uint8_t out[4], int64_t off, uint16_t second) {
    if (off < 0 || off >= (1 << 22)) {
        return false;
    }
    put_le16(out, 0xf000 | ((uint32_t)(off >> 12) & 0x7ff));
    put_le16(out + 2, second | ((uint32_t)(off >> 1) & 0x7ff));
    return true;
}

// armv6m: a 16-bit b; beyond its reach, 6.3 calls the entry and returns
// (armv6m has no b.w):  push {r0, lr}; bl entry; pop {r0, pc}
static size_t thumb1_entry_jump(uint8_t out[8], int64_t entry, bool shortest) {
    if (thumb_entry_b16(out, entry)) {
        return 2;
    }
    if (!shortest || !thumb_long_branch(out + 2, entry - 6, 0xf800)) {
        return 0;
    }
    put_le16(out, 0xb501);
    put_le16(out + 6, 0xbd01);
    return 8;
}

// Thumb-2: a 16-bit b, or b.w when the entry is further away. The fixed
// form always takes 4 bytes (the 16-bit b then followed by a zero halfword).
static size_t thumb2_entry_jump(uint8_t out[8], int64_t entry, bool shortest) {
    if (thumb_entry_b16(out, entry)) {
        if (shortest) {
            return 2;
        }
        put_le16(out + 2, 0);
        return 4;
    }
    return thumb_long_branch(out, entry - 4, 0xb800) ? 4 : 0;
}

// bl / b.w: imm11 of the first halfword holds offset bits 12..22, imm11 of
// the second bits 1..11 (S=0, J1=J2=1); the addend is in the instruction.
static bool apply_thumb_branch(uint8_t *p, int64_t value) {
    uint32_t hi = get_le16(p), lo = get_le16(p + 2);
    int64_t existing = (int64_t)((hi & 0x7ff) << 12 | (lo & 0x7ff) << 1);
    if (existing >= 0x400000) {
        existing -= 0x800000;
    }
    uint64_t v = (uint64_t)(existing + value);
    put_le16(p, (hi & 0xf800) | ((v >> 12) & 0x7ff));
    put_le16(p + 2, (lo & 0xf800) | ((v >> 1) & 0x7ff));
    return true;
}

static const reloc_patch_t patch_thumb_branch = {4, apply_thumb_branch, NULL};

#define THUMB_NOP 0x46c0 // mov r8, r8

// The register a pc-relative ldr at `at` (in text) loads the literal at
// `literal` into, or -1 if the instruction there is no such ldr.
static int ldr_literal_register(const uint8_t *text, uint32_t at, uint32_t literal) {
    uint32_t base = (at + 4) & ~3u;
    uint16_t h = get_le16(text + at);
    if ((h & 0xf800) == 0x4800 && base + (h & 0xff) * 4u == literal) {
        return (h >> 8) & 7; // ldr rt, [pc, #imm8*4]
    }
    if (h == 0xf8df && at + 4 <= literal) {
        uint16_t h2 = get_le16(text + at + 2); // ldr.w rt, [pc, #imm12]
        if (base + (h2 & 0xfffu) == literal) {
            return h2 >> 12;
        }
    }
    return -1;
}

// A literal `sym + k - (.LPIC + 4)` for a variable in BSS (see the top).
static reloc_result_t arm_static_literal(reloc_site_t *s, const ld_symbol_t *t) {
    uint8_t *text = s->region->data;
    uint32_t start = s->sec->addr, literal = s->place;
    if (s->sec->kind != SEC_TEXT || literal % 4 != 0) {
        reloc_error(s, "a PC-relative word to a variable in BSS that is not a literal of code");
        return RELOC_FAILED;
    }
    for (uint32_t at = start; at + 2 <= literal; at += 2) {
        int rt = ldr_literal_register(text, at, literal);
        if (rt < 0) {
            continue;
        }
        uint16_t add_pc = (uint16_t)(0x4478 | (rt & 7) | (rt & 8) << 4);
        for (uint32_t add = at + 2; add + 2 <= literal; add += 2) {
            if (get_le16(text + add) != add_pc) {
                continue;
            }
            int64_t k = (int64_t)(int32_t)get_le32(text + literal) + add + 4 - literal;
            if (k < 0 || k > (int64_t)t->section->size) {
                break;
            }
            put_le32(text + literal, (uint32_t)(t->section->addr + t->value + (uint64_t)k));
            put_le16(text + add, THUMB_NOP);
            link_add_mpy_reloc(s->env, REGION_TEXT, literal, section_reloc_dest(s->env, t->section));
            s->log_addr = (int64_t)(t->section->addr + t->value + (uint64_t)k);
            return RELOC_DO_NOTHING;
        }
        break;
    }
    reloc_error(s, "the code reaches a static variable at a fixed distance, but BSS (where "
                   "variables live) is allocated apart from text, and the `add rX, pc` that "
                   "uses this literal was not found");
    ld_hint("remove `static` from the variable so that code reaches it through the GOT");
    return RELOC_FAILED;
}

// R_ARM_REL32: a PC-relative word; to a variable in BSS, see arm_static_literal.
static reloc_result_t arm_compute_rel32(reloc_site_t *s, int64_t *value) {
    const ld_symbol_t *t = symbol_target(s->sym);
    if (t->section && section_region(s->env, t->section) == REGION_BSS) {
        return arm_static_literal(s, t);
    }
    int64_t addr;
    if (!reloc_fixed_target(s, &addr)) {
        return RELOC_FAILED;
    }
    *value = reloc_add(reloc_sub(addr, s->place), s->r->addend);
    s->log_addr = addr;
    return RELOC_DO_PATCH;
}

static const arch_reloc_t arm_relocs[] = {
    {0, "R_ARM_NONE", RELOC_IGNORE, &patch_le32, 0, NULL},
    {2, "R_ARM_ABS32", RELOC_ABSOLUTE, &patch_le32, RF_DATA_WORD, NULL},
    {3, "R_ARM_REL32", RELOC_ARCH, &patch_le32, 0, arm_compute_rel32},
    {10, "R_ARM_THM_CALL", RELOC_PC_RELATIVE, &patch_thumb_branch, 0, NULL},
    {25, "R_ARM_BASE_PREL", RELOC_GOT_BASE, &patch_le32, 0, NULL},
    {26, "R_ARM_GOT_BREL", RELOC_GOT_OFFSET, &patch_le32, RF_MAKES_GOT, NULL},
    {30, "R_ARM_THM_JUMP24", RELOC_PC_RELATIVE, &patch_thumb_branch, 0, NULL},
    // The words of .init_array: absolute on arm-none-eabi.
    {38, "R_ARM_TARGET1", RELOC_ABSOLUTE, &patch_le32, RF_DATA_WORD, NULL},
    // clang's form of a GOT load: a literal holding GOT entry - P.
    {96, "R_ARM_GOT_PREL", RELOC_GOT_PC_RELATIVE, &patch_le32, RF_MAKES_GOT, NULL},
};

static const debug_reloc_t arm_debug_relocs[] = {
    {2, DEBUG_ABS, 32}, // R_ARM_ABS32
};

#define ARM_ARCH(var, arch_name, mpy, jump, veneer, stub) \
    const arch_t var = { \
        .name = arch_name, \
        .elf_machine = EM_ARM, \
        .mpy_arch = mpy, \
        .word_size = 4, \
        .func_addr_bit = 1, \
        .encode_entry_jump = jump, \
        .encode_entry_veneer = veneer, \
        .encode_call_stub = stub, \
        .relocs = arm_relocs, \
        .n_relocs = sizeof(arm_relocs) / sizeof(arm_relocs[0]), \
        .debug_relocs = arm_debug_relocs, \
        .n_debug_relocs = sizeof(arm_debug_relocs) / sizeof(arm_debug_relocs[0]), \
        .placement = place_got_last, \
    }

ARM_ARCH(arch_armv6m, "armv6m", MP_NATIVE_ARCH_ARMV6M, thumb1_entry_jump, thumb1_entry_veneer,
         thumb1_call_stub);
ARM_ARCH(arch_armv7m, "armv7m", MP_NATIVE_ARCH_ARMV7M, thumb2_entry_jump, NULL, thumb2_call_stub);
ARM_ARCH(arch_armv7emsp, "armv7emsp", MP_NATIVE_ARCH_ARMV7EMSP, thumb2_entry_jump, NULL, thumb2_call_stub);
ARM_ARCH(arch_armv7emdp, "armv7emdp", MP_NATIVE_ARCH_ARMV7EMDP, thumb2_entry_jump, NULL, thumb2_call_stub);
