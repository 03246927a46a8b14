// RISC-V: rv32imc (ESP32-C3/C6, RP2350's Hazard3...) and rv64imc, loaded by
// MicroPython v1.25 and v1.28 on (.mpy 6.3).
//
// Quirks a linker meets here:
// - Objects are RELA: the addend is in the relocation, and the patched
//   fields hold zeros. Each patch below writes its field, as the immediate
//   formats of the ISA scatter it (B, J, CB, CJ, I, S, U types).
// - A 32-bit address or offset is built by a pair of instructions: auipc
//   with the upper 20 bits (R_RISCV_PCREL_HI20, or GOT_HI20 to load the
//   address from the GOT) and an addi/load/store with the lower 12. The
//   lower half's relocation (PCREL_LO12_I/S) does not name the target: it
//   names a label at the auipc, whose own relocation says where the pair
//   points and from where. The lower 12 bits are signed, so the upper half
//   is rounded: hi = (v + 0x800) >> 12.
// - Calls are auipc + jalr pairs under one relocation (CALL, CALL_PLT).
// - A static variable lives in BSS, at no fixed distance from text. The
//   auipc of an auipc + addi/load/store pair that reaches one becomes a jump
//   to a stub that loads the variable's address from a GOT entry into the
//   auipc's register and jumps back; the partners' offsets become 0.
// - Label differences (in switch tables, DWARF) are not resolved by the
//   assembler when it may relax: ADDn/SUBn/SETn pairs carry them. mpy-ld
//   never relaxes (RELAX and ALIGN are ignored; the SDK compiles with
//   -mno-relax anyway), so the code keeps its assembled layout.
// - Modules use the soft-float ABI (ilp32, lp64): the firmware of these
//   chips has no floating-point registers in its calling convention.
// - The entry jump is c.j within 2 KiB, else auipc t6 + jalr (8 bytes).
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "mpy-ld/arch.h"
#include "mpy-ld/diag.h"
#include "mpy-ld/elf.h"
#include "mpy-ld/reloc.h"
#include "mpy/mpy_format.h"

// The upper 20 bits (in place, as auipc/lui hold them) and the lower 12
// bits of a 32-bit value whose lower part is sign-extended when used.
static uint32_t hi20(int64_t v) {
    return ((uint32_t)v + 0x800) & 0xfffff000;
}

static uint32_t lo12(int64_t v) {
    return (uint32_t)v & 0xfff;
}

static bool fits_signed(int64_t v, unsigned bits) {
    return v >= -((int64_t)1 << (bits - 1)) && v < ((int64_t)1 << (bits - 1));
}

// auipc/lui: U-type immediate.
static bool apply_hi20(uint8_t *p, int64_t v) {
    if (!fits_signed(v, 32)) {
        return false;
    }
    put_le32(p, (get_le32(p) & 0xfff) | hi20(v));
    return true;
}

// addi, loads, jalr: I-type immediate (bits 31..20).
static bool apply_lo12_i(uint8_t *p, int64_t v) {
    put_le32(p, (get_le32(p) & 0xfffff) | lo12(v) << 20);
    return true;
}

// stores: S-type immediate (bits 31..25 and 11..7).
static bool apply_lo12_s(uint8_t *p, int64_t v) {
    uint32_t lo = lo12(v);
    put_le32(p, (get_le32(p) & 0x01fff07f) | (lo & 0xfe0) << 20 | (lo & 0x1f) << 7);
    return true;
}

// auipc + jalr: a call anywhere within 2 GiB.
static bool apply_call(uint8_t *p, int64_t v) {
    return apply_hi20(p, v) && apply_lo12_i(p + 4, v);
}

// Conditional branch: B-type, +-4 KiB.
static bool apply_branch(uint8_t *p, int64_t v) {
    if (!fits_signed(v, 13) || (v & 1)) {
        return false;
    }
    uint32_t u = (uint32_t)v;
    put_le32(p, (get_le32(p) & 0x01fff07f) | (u & 0x1000) << 19 | (u & 0x800) >> 4 |
                    (u & 0x7e0) << 20 | (u & 0x1e) << 7);
    return true;
}

// jal: J-type, +-1 MiB.
static bool apply_jal(uint8_t *p, int64_t v) {
    if (!fits_signed(v, 21) || (v & 1)) {
        return false;
    }
    uint32_t u = (uint32_t)v;
    put_le32(p, (get_le32(p) & 0xfff) | (u & 0x100000) << 11 | (u & 0xff000) |
                    (u & 0x800) << 9 | (u & 0x7fe) << 20);
    return true;
}

// c.beqz/c.bnez: CB format, +-256 bytes.
static bool apply_rvc_branch(uint8_t *p, int64_t v) {
    if (!fits_signed(v, 9) || (v & 1)) {
        return false;
    }
    uint32_t u = (uint32_t)v;
    put_le16(p, (uint16_t)((get_le16(p) & 0xe383) | (u & 0x100) << 4 | (u & 0xc0) >> 1 |
                           (u & 0x20) >> 3 | (u & 0x18) << 7 | (u & 0x6) << 2));
    return true;
}

// The immediate of c.j/c.jal (CJ format): offset bits 11|4|9:8|10|6|7|3:1|5.
static uint16_t cj_imm(uint32_t u) {
    return (uint16_t)((u & 0x800) << 1 | (u & 0x400) >> 2 | (u & 0x300) << 1 | (u & 0x80) >> 1 |
                      (u & 0x40) << 1 | (u & 0x20) >> 3 | (u & 0x10) << 7 | (u & 0xe) << 2);
}

// c.j: CJ format, +-2 KiB.
static bool apply_rvc_jump(uint8_t *p, int64_t v) {
    if (!fits_signed(v, 12) || (v & 1)) {
        return false;
    }
    put_le16(p, (uint16_t)((get_le16(p) & 0xe003) | cj_imm((uint32_t)v)));
    return true;
}

// A 32-bit offset written over the field (32_PCREL, PLT32, GOT32_PCREL).
static bool apply_set32_pcrel(uint8_t *p, int64_t v) {
    if (!fits_signed(v, 32)) {
        return false;
    }
    put_le32(p, (uint32_t)v);
    return true;
}

// Label arithmetic: the low `bits` bits of a little-endian field of `bytes`
// bytes take (field + v), (field - v) or v; the other bits stay.
static void label_field(uint8_t *p, unsigned bytes, unsigned bits, int64_t v, int how) {
    uint64_t field = 0;
    for (unsigned i = 0; i < bytes; i++) {
        field |= (uint64_t)p[i] << (8 * i);
    }
    uint64_t mask = bits == 64 ? ~(uint64_t)0 : ((uint64_t)1 << bits) - 1;
    uint64_t x = how > 0 ? field + (uint64_t)v : how < 0 ? field - (uint64_t)v : (uint64_t)v;
    field = (field & ~mask) | (x & mask);
    for (unsigned i = 0; i < bytes; i++) {
        p[i] = (uint8_t)(field >> (8 * i));
    }
}

#define LABEL_PATCH(name, bytes, bits, how) \
    static bool apply_##name(uint8_t *p, int64_t v) { \
        label_field(p, bytes, bits, v, how); \
        return true; \
    } \
    static const reloc_patch_t patch_##name = {bytes, apply_##name, NULL};

LABEL_PATCH(add8, 1, 8, 1)
LABEL_PATCH(add16, 2, 16, 1)
LABEL_PATCH(add32, 4, 32, 1)
LABEL_PATCH(add64, 8, 64, 1)
LABEL_PATCH(sub6, 1, 6, -1)
LABEL_PATCH(sub8, 1, 8, -1)
LABEL_PATCH(sub16, 2, 16, -1)
LABEL_PATCH(sub32, 4, 32, -1)
LABEL_PATCH(sub64, 8, 64, -1)
LABEL_PATCH(set6, 1, 6, 0)
LABEL_PATCH(set8, 1, 8, 0)
LABEL_PATCH(set16, 2, 16, 0)
LABEL_PATCH(set32, 4, 32, 0)

#define OUT_OF_REACH "the target is out of this instruction's reach"
static const reloc_patch_t patch_hi20 = {4, apply_hi20, OUT_OF_REACH};
static const reloc_patch_t patch_lo12_i = {4, apply_lo12_i, NULL};
static const reloc_patch_t patch_lo12_s = {4, apply_lo12_s, NULL};
static const reloc_patch_t patch_call = {8, apply_call, OUT_OF_REACH};
static const reloc_patch_t patch_branch = {4, apply_branch, OUT_OF_REACH};
static const reloc_patch_t patch_jal = {4, apply_jal, OUT_OF_REACH};
static const reloc_patch_t patch_rvc_branch = {2, apply_rvc_branch, OUT_OF_REACH};
static const reloc_patch_t patch_rvc_jump = {2, apply_rvc_jump, OUT_OF_REACH};
static const reloc_patch_t patch_set32_pcrel = {4, apply_set32_pcrel, OUT_OF_REACH};

enum {
    R_RISCV_GOT_HI20 = 20,
    R_RISCV_PCREL_HI20 = 23,
};

#define RV_REG(insn) (((insn) >> 7) & 0x1f) // rd
#define RV_AUIPC 0x17
#define RV_JAL_ZERO 0x6f // jal zero, 0

// Whether an auipc's relocation reaches a variable in BSS (see the top).
static bool reaches_bss(const reloc_site_t *s, const elf_reloc_t *r, const ld_symbol_t *sym) {
    const ld_symbol_t *t = symbol_target((ld_symbol_t *)sym);
    return r->type == R_RISCV_PCREL_HI20 && t->section &&
           section_region(s->env, t->section) == REGION_BSS;
}

// The auipc at the site jumps to its stub instead:
//   stub: auipc rd, %hi(GOT entry); lw/ld rd, %lo(GOT entry)(rd); j back
static reloc_result_t jump_to_static_stub(reloc_site_t *s) {
    link_env_t *env = s->env;
    char key[64];
    link_static_got_key(s->sym, s->r->addend, key, sizeof(key));
    got_entry_t *e = strmap_get(&env->got_by_key, key, strlen(key));
    int64_t stub = link_static_stub(env, s->sec, s->r);
    uint8_t *p = s->region->data + s->place;
    uint32_t insn = get_le32(p);
    if (!e || stub < 0 || (insn & 0x7f) != RV_AUIPC) {
        reloc_error(s, "no auipc, or no GOT entry and stub, for a variable in BSS");
        return RELOC_FAILED;
    }
    uint32_t rd = RV_REG(insn);
    uint8_t *q = s->region->data + stub;
    int64_t got = (int64_t)env->got_section.addr + e->offset - stub;
    put_le32(q, RV_AUIPC | rd << 7);
    apply_hi20(q, got);
    put_le32(q + 4, (env->arch->word_size == 8 ? 0x3003u : 0x2003u) | rd << 15 | rd << 7);
    apply_lo12_i(q + 4, got);
    put_le32(q + 8, RV_JAL_ZERO);
    put_le32(p, RV_JAL_ZERO);
    if (!apply_jal(q + 8, (int64_t)s->place + 4 - (stub + 8)) || !apply_jal(p, stub - s->place)) {
        reloc_error(s, "the stub that reaches the variable in BSS is out of the jump's reach");
        return RELOC_FAILED;
    }
    s->log_addr = stub;
    return RELOC_DO_NOTHING;
}

// PCREL_HI20: the distance to text or rodata; to a variable in BSS, the stub.
static reloc_result_t compute_pcrel_hi20(reloc_site_t *s, int64_t *value) {
    if (reaches_bss(s, s->r, s->sym)) {
        return jump_to_static_stub(s);
    }
    int64_t addr;
    if (!reloc_fixed_target(s, &addr)) {
        return RELOC_FAILED;
    }
    *value = reloc_add(reloc_sub(addr, s->place), s->r->addend);
    s->log_addr = addr;
    return RELOC_DO_PATCH;
}

// PCREL_LO12_I/S: the symbol is a label at an auipc; the lower 12 bits are
// those of the value the auipc's relocation computes.
static reloc_result_t compute_pcrel_lo12(reloc_site_t *s, int64_t *value) {
    ld_section_t *sec = s->sym->section;
    if (!sec || (sec->kind != SEC_TEXT)) {
        reloc_error(s, "the label of a PCREL_LO12 relocation is not in text");
        return RELOC_FAILED;
    }
    for (size_t i = 0; i < sec->n_relocs; i++) {
        const elf_reloc_t *r = &sec->relocs[i];
        if (r->offset != s->sym->value ||
            (r->type != R_RISCV_PCREL_HI20 && r->type != R_RISCV_GOT_HI20)) {
            continue;
        }
        // The register holds the variable's address: no offset.
        if (reaches_bss(s, r, &sec->obj->symbols[r->sym])) {
            *value = 0;
            s->log_addr = sec->addr + (uint32_t)r->offset;
            return RELOC_DO_PATCH;
        }
        reloc_site_t hi = {
            .env = s->env,
            .sec = sec,
            .r = r,
            .info = arch_find_reloc(s->env->arch, r->type),
            .sym = &sec->obj->symbols[r->sym],
            .place = sec->addr + (uint32_t)r->offset,
            .region = s->region,
        };
        // The auipc's value: its target (or GOT entry) less its own address.
        if (reloc_compute(&hi, value) != RELOC_DO_PATCH) {
            return RELOC_FAILED;
        }
        s->log_addr = hi.place;
        return RELOC_DO_PATCH;
    }
    reloc_error(s, "no PCREL_HI20 or GOT_HI20 relocation at the auipc this refers to");
    return RELOC_FAILED;
}

// ADDn/SUBn/SETn: the address of a label (a difference of two labels takes
// a pair of them); such a difference is final inside the text region.
static reloc_result_t compute_label(reloc_site_t *s, int64_t *value) {
    const ld_symbol_t *t = symbol_target(s->sym);
    if (!t->section || section_region(s->env, t->section) != REGION_TEXT) {
        reloc_error(s, "label arithmetic on a symbol outside text and rodata is not supported");
        return RELOC_FAILED;
    }
    *value = reloc_add(reloc_add((int64_t)t->section->addr, (int64_t)t->value), s->r->addend);
    s->log_addr = *value;
    return RELOC_DO_PATCH;
}

static reloc_result_t refuse_absolute(reloc_site_t *s, int64_t *value) {
    (void)value;
    reloc_error(s, "absolute address in an instruction: where the module is loaded is not known "
                   "when linking");
    ld_hint("compile with -fpic (py/dynruntime.mk does), so that code reaches data PC-relative "
            "or through the GOT");
    return RELOC_FAILED;
}

static reloc_result_t refuse_tls(reloc_site_t *s, int64_t *value) {
    (void)value;
    reloc_error(s, "thread-local storage is not supported in native modules");
    ld_hint("remove _Thread_local/__thread from the variable");
    return RELOC_FAILED;
}

static reloc_result_t refuse_uleb128(reloc_site_t *s, int64_t *value) {
    (void)value;
    reloc_error(s, "ULEB128 label differences are not supported");
    ld_hint("these come from exception tables; compile with -fno-exceptions "
            "-fno-asynchronous-unwind-tables");
    return RELOC_FAILED;
}

#define RISCV_RELOCS \
    {0, "R_RISCV_NONE", RELOC_IGNORE, &patch_le32, 0, NULL}, \
    {16, "R_RISCV_BRANCH", RELOC_PC_RELATIVE, &patch_branch, 0, NULL}, \
    {17, "R_RISCV_JAL", RELOC_PC_RELATIVE, &patch_jal, 0, NULL}, \
    {18, "R_RISCV_CALL", RELOC_PC_RELATIVE, &patch_call, 0, NULL}, \
    {19, "R_RISCV_CALL_PLT", RELOC_PC_RELATIVE, &patch_call, 0, NULL}, \
    {20, "R_RISCV_GOT_HI20", RELOC_GOT_PC_RELATIVE, &patch_hi20, RF_MAKES_GOT, NULL}, \
    {21, "R_RISCV_TLS_GOT_HI20", RELOC_ARCH, &patch_hi20, 0, refuse_tls}, \
    {22, "R_RISCV_TLS_GD_HI20", RELOC_ARCH, &patch_hi20, 0, refuse_tls}, \
    {23, "R_RISCV_PCREL_HI20", RELOC_ARCH, &patch_hi20, RF_STATIC_VIA_GOT, compute_pcrel_hi20}, \
    {24, "R_RISCV_PCREL_LO12_I", RELOC_ARCH, &patch_lo12_i, 0, compute_pcrel_lo12}, \
    {25, "R_RISCV_PCREL_LO12_S", RELOC_ARCH, &patch_lo12_s, 0, compute_pcrel_lo12}, \
    {26, "R_RISCV_HI20", RELOC_ARCH, &patch_hi20, 0, refuse_absolute}, \
    {27, "R_RISCV_LO12_I", RELOC_ARCH, &patch_lo12_i, 0, refuse_absolute}, \
    {28, "R_RISCV_LO12_S", RELOC_ARCH, &patch_lo12_s, 0, refuse_absolute}, \
    {29, "R_RISCV_TPREL_HI20", RELOC_ARCH, &patch_hi20, 0, refuse_tls}, \
    {30, "R_RISCV_TPREL_LO12_I", RELOC_ARCH, &patch_lo12_i, 0, refuse_tls}, \
    {31, "R_RISCV_TPREL_LO12_S", RELOC_ARCH, &patch_lo12_s, 0, refuse_tls}, \
    {32, "R_RISCV_TPREL_ADD", RELOC_ARCH, &patch_le32, 0, refuse_tls}, \
    {33, "R_RISCV_ADD8", RELOC_ARCH, &patch_add8, 0, compute_label}, \
    {34, "R_RISCV_ADD16", RELOC_ARCH, &patch_add16, 0, compute_label}, \
    {35, "R_RISCV_ADD32", RELOC_ARCH, &patch_add32, 0, compute_label}, \
    {36, "R_RISCV_ADD64", RELOC_ARCH, &patch_add64, 0, compute_label}, \
    {37, "R_RISCV_SUB8", RELOC_ARCH, &patch_sub8, 0, compute_label}, \
    {38, "R_RISCV_SUB16", RELOC_ARCH, &patch_sub16, 0, compute_label}, \
    {39, "R_RISCV_SUB32", RELOC_ARCH, &patch_sub32, 0, compute_label}, \
    {40, "R_RISCV_SUB64", RELOC_ARCH, &patch_sub64, 0, compute_label}, \
    {41, "R_RISCV_GOT32_PCREL", RELOC_GOT_PC_RELATIVE, &patch_set32_pcrel, RF_MAKES_GOT, NULL}, \
    {43, "R_RISCV_ALIGN", RELOC_IGNORE, &patch_le32, 0, NULL}, \
    {44, "R_RISCV_RVC_BRANCH", RELOC_PC_RELATIVE, &patch_rvc_branch, 0, NULL}, \
    {45, "R_RISCV_RVC_JUMP", RELOC_PC_RELATIVE, &patch_rvc_jump, 0, NULL}, \
    {51, "R_RISCV_RELAX", RELOC_IGNORE, &patch_le32, 0, NULL}, \
    {52, "R_RISCV_SUB6", RELOC_ARCH, &patch_sub6, 0, compute_label}, \
    {53, "R_RISCV_SET6", RELOC_ARCH, &patch_set6, 0, compute_label}, \
    {54, "R_RISCV_SET8", RELOC_ARCH, &patch_set8, 0, compute_label}, \
    {55, "R_RISCV_SET16", RELOC_ARCH, &patch_set16, 0, compute_label}, \
    {56, "R_RISCV_SET32", RELOC_ARCH, &patch_set32, 0, compute_label}, \
    {57, "R_RISCV_32_PCREL", RELOC_PC_RELATIVE, &patch_set32_pcrel, 0, NULL}, \
    {59, "R_RISCV_PLT32", RELOC_PC_RELATIVE, &patch_set32_pcrel, 0, NULL}, \
    {60, "R_RISCV_SET_ULEB128", RELOC_ARCH, &patch_le32, 0, refuse_uleb128}, \
    {61, "R_RISCV_SUB_ULEB128", RELOC_ARCH, &patch_le32, 0, refuse_uleb128}, \
    {62, "R_RISCV_TLSDESC_HI20", RELOC_ARCH, &patch_hi20, 0, refuse_tls}, \
    {63, "R_RISCV_TLSDESC_LOAD_LO12", RELOC_ARCH, &patch_lo12_i, 0, refuse_tls}, \
    {64, "R_RISCV_TLSDESC_ADD_LO12", RELOC_ARCH, &patch_lo12_i, 0, refuse_tls}, \
    {65, "R_RISCV_TLSDESC_CALL", RELOC_ARCH, &patch_le32, 0, refuse_tls}

// The machine word holding an address: a load-time relocation. MicroPython's
// linker gives every global symbol referenced this way a GOT entry (used or
// not); doing the same keeps the output byte-identical.
static const arch_reloc_t rv32_relocs[] = {
    {1, "R_RISCV_32", RELOC_ABSOLUTE, &patch_le32, RF_DATA_WORD | RF_MAKES_GOT, NULL},
    RISCV_RELOCS,
};

static const arch_reloc_t rv64_relocs[] = {
    {2, "R_RISCV_64", RELOC_ABSOLUTE, &patch_le64, RF_DATA_WORD | RF_MAKES_GOT, NULL},
    RISCV_RELOCS,
};

// c.j entry within 2 KiB, else  auipc t6, %hi(entry); jalr zero, %lo(entry)(t6)
static size_t riscv_entry_jump(uint8_t out[8], int64_t entry, bool shortest) {
    (void)shortest; // RISC-V exists in .mpy 6.3 only, whose linker writes the shortest
    if (fits_signed(entry, 12)) {
        put_le16(out, (uint16_t)(0xa001 | cj_imm((uint32_t)entry)));
        return 2;
    }
    if (!fits_signed(entry, 32)) {
        return 0;
    }
    put_le32(out, hi20(entry) | 0xf97);
    put_le32(out + 4, lo12(entry) << 20 | 0xf8067);
    return 8;
}

// Calls to mp_fun_table functions (memset...): the stub loads the function's
// address from its literal into t1 (free at a call: the psABI's PLT uses it
// too) and jumps there.
//   auipc t1, 0; lw/ld t1, L(t1); jr t1; [nop]; L: .word/.dword f
static size_t riscv_call_stub(uint8_t *out, unsigned word, size_t *literal) {
    *literal = word == 8 ? 16 : 12;
    if (out) {
        uint32_t load = word == 8 ? 0x3303 : 0x2303; // ld / lw t1, 0(t1)
        put_le32(out, 0x00000317);
        put_le32(out + 4, (uint32_t)*literal << 20 | 0x30000 | load);
        put_le32(out + 8, 0x00030067);
        if (word == 8) {
            put_le32(out + 12, 0x00000013);
        }
        memset(out + *literal, 0, word);
    }
    return *literal + word;
}

static size_t rv32_call_stub(uint8_t *out, int64_t at, int64_t got, size_t *literal) {
    (void)at;
    (void)got;
    return riscv_call_stub(out, 4, literal);
}

static size_t rv64_call_stub(uint8_t *out, int64_t at, int64_t got, size_t *literal) {
    (void)at;
    (void)got;
    return riscv_call_stub(out, 8, literal);
}

// e_flags: the float ABI (bits 1..2) and RVE (bit 3).
#define EF_RISCV_FLOAT_ABI 0x6
#define EF_RISCV_RVE 0x8

static bool riscv_object_ok(const elf_file_t *elf, char *why, size_t why_len) {
    const char *soft = elf->is64 ? "lp64" : "ilp32";
    if (elf->flags & EF_RISCV_FLOAT_ABI) {
        snprintf(why, why_len,
                 "it uses a hard-float ABI (%s%s), but MicroPython's RISC-V firmware calls "
                 "native code with the soft-float ABI: compile with -mabi=%s",
                 soft, (elf->flags & EF_RISCV_FLOAT_ABI) == 2 ? "f" : "d", soft);
        return false;
    }
    if (elf->flags & EF_RISCV_RVE) {
        snprintf(why, why_len, "it is built for RV32E (16 registers): compile with -mabi=%s", soft);
        return false;
    }
    return true;
}

// R_RISCV_32, _64, then the label arithmetic of the line tables and
// call-frame information.
static const debug_reloc_t riscv_debug_relocs[] = {
    {1, DEBUG_ABS, 32},  {2, DEBUG_ABS, 64},  {33, DEBUG_ADD, 8},  {34, DEBUG_ADD, 16},
    {35, DEBUG_ADD, 32}, {36, DEBUG_ADD, 64}, {37, DEBUG_SUB, 8},  {38, DEBUG_SUB, 16},
    {39, DEBUG_SUB, 32}, {40, DEBUG_SUB, 64}, {52, DEBUG_SUB, 6},  {53, DEBUG_SET, 6},
    {54, DEBUG_SET, 8},  {55, DEBUG_SET, 16}, {56, DEBUG_SET, 32},
};

#define RISCV_ARCH(var, arch_name, mpy, word, relocs_table, stub) \
    const arch_t var = { \
        .name = arch_name, \
        .elf_machine = EM_RISCV, \
        .mpy_arch = mpy, \
        .word_size = word, \
        .encode_entry_jump = riscv_entry_jump, \
        .encode_call_stub = stub, \
        .object_ok = riscv_object_ok, \
        .relocs = relocs_table, \
        .n_relocs = sizeof(relocs_table) / sizeof(relocs_table[0]), \
        .debug_relocs = riscv_debug_relocs, \
        .n_debug_relocs = sizeof(riscv_debug_relocs) / sizeof(riscv_debug_relocs[0]), \
        .placement = place_got_last, \
        .static_stub_size = 12, \
    }

RISCV_ARCH(arch_rv32imc, "rv32imc", MP_NATIVE_ARCH_RV32IMC, 4, rv32_relocs, rv32_call_stub);
RISCV_ARCH(arch_rv64imc, "rv64imc", MP_NATIVE_ARCH_RV64IMC, 8, rv64_relocs, rv64_call_stub);
