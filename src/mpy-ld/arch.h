// What mpy-ld knows about one target architecture: its ELF machine, word
// size, how it reaches the GOT, the entry jump, and what each ELF relocation
// type means. One arch_*.c file per architecture family fills this in.
#ifndef MPY_LD_ARCH_H
#define MPY_LD_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct elf_file;
struct link_env;
struct reloc_site;

// What the linker does for a relocation found in text or rodata.
typedef enum {
    RELOC_UNSUPPORTED = 0,
    RELOC_IGNORE,        // nothing to patch (e.g. R_*_NONE)
    RELOC_PC_RELATIVE,   // S + A - P, to a fixed place in text or rodata
    RELOC_GOT_BASE,      // GOT - P + A (address of the GOT itself)
    RELOC_GOT_OFFSET,    // G: offset of the symbol's GOT entry from the GOT
    RELOC_GOT_PC_RELATIVE, // GOT + G - P + A
    RELOC_GOT_RELATIVE,  // S + A - GOT
    RELOC_ABSOLUTE,      // S + A as an aligned machine word, with a load-time relocation
    RELOC_ARCH,          // computed by the arch file (arch_reloc_t.compute)
} reloc_action_t;

// What an arch's own computation decided: patch the value in, nothing to
// do, or an error (already reported).
typedef enum { RELOC_DO_PATCH, RELOC_DO_NOTHING, RELOC_FAILED } reloc_result_t;

// How the computed value is written into the instruction or data: the
// size bytes at the place get value added to their field. apply returns
// false when the bytes are not the instruction the relocation expects
// (expected then names it, for the error).
typedef struct {
    size_t size;
    bool (*apply)(uint8_t *p, int64_t value);
    const char *expected;
} reloc_patch_t;

// A little-endian 32- or 64-bit word (arch.c); each arch file defines its
// own instruction fields (Thumb bl, xtensa l32r, RISC-V immediates).
extern const reloc_patch_t patch_le32, patch_le64;

// Further properties of a relocation type (arch_reloc_t.flags).
enum {
    RF_MAKES_GOT = 1,  // a global symbol referenced this way from text gets a GOT entry
    RF_DATA_WORD = 2,  // a machine word holding an address: allowed in .data.rel.ro
    RF_LITERAL = 4,    // allowed in an xtensa .literal pool
    // A PC-relative address that the arch turns into a load from a GOT entry
    // when it points to a variable in BSS, through a stub of its own
    // (arch_t.static_stub_size, arch_riscv.c); the entry is made for the
    // symbol and addend (link_static_got_key).
    RF_STATIC_VIA_GOT = 8,
};

typedef struct {
    uint32_t type;
    const char *name;
    reloc_action_t action; // when found in text or rodata
    const reloc_patch_t *patch;
    unsigned flags;
    // RELOC_ARCH: sets *value (and the site's log fields); see reloc.h.
    reloc_result_t (*compute)(struct reloc_site *s, int64_t *value);
} arch_reloc_t;

// How a relocation in a debug section (--debug-elf) changes its field, of
// `bits` bits (6: the low 6 bits of a byte): ABS and ADD add S + A to the
// field (SHT_REL: the field is the addend), SUB subtracts S + A (RISC-V's
// label differences), SET stores S + A, KEEP leaves a
// difference the assembler already wrote (xtensa's DIFF relocations: the
// linker does not relax, so distances within a section hold).
typedef enum { DEBUG_ABS, DEBUG_ADD, DEBUG_SUB, DEBUG_SET, DEBUG_KEEP } debug_op_t;

typedef struct {
    uint32_t type;
    debug_op_t op;
    unsigned bits;
} debug_reloc_t;

// The groups of output sections, in the order an arch lists them
// (arch_t.placement): the one place that decides the order of the output.
typedef enum {
    PLACE_END = 0,    // ends a list
    PLACE_VENEER,     // the entry veneer, when mpy_init is beyond the entry jump
    PLACE_INPUTS,     // the objects' sections in load order (archive members as
                      // they were taken), then the COMMON blocks
    PLACE_CALL_STUBS, // stubs to mp_fun_table's C functions, in first-call order
    PLACE_STATIC_STUBS, // stubs that load the address of a variable in BSS (RF_STATIC_VIA_GOT)
    PLACE_GOT,
    PLACE_LIT,        // xtensa's de-duplicated literal words
    PLACE_INIT_ARRAY, // the constructor table (.init_array sections, in run order)
    PLACE_DATA_IMAGE, // the initial values of the .data kept in BSS
} place_t;

// The usual order: the objects' code and data, then the GOT.
extern const place_t place_got_last[];

typedef struct arch {
    const char *name;          // the --arch value
    uint16_t elf_machine;
    unsigned mpy_arch;         // enum mpy_native_arch
    unsigned word_size;
    bool separate_rodata;      // rodata is its own region, reached through the GOT
    uint8_t func_addr_bit;     // set in the address of every function (Thumb: 1)
    // The firmware's native code memory is writable (x86, x64: the unix
    // port maps it read-write-execute): writable sections that code reaches PC-relatively (static
    // variables) go into text, the one region at a fixed distance from code.
    bool writable_text;
    // Writes the jump from the start of text to the entry point into out and
    // returns its length; entry is the offset of mpy_init in text. Returns 0
    // if entry cannot be reached with this jump. The reference linkers of
    // .mpy 6.1 and 6.2 reserve one length whatever the distance; 6.3's
    // writes the shortest jump that reaches (shortest true).
    size_t (*encode_entry_jump)(uint8_t out[8], int64_t entry, bool shortest);
    // Where the fixed-length entry jump is short, a veneer placed first in
    // text can reach a far entry: writes it for position `at` and returns
    // its size (called with out NULL to ask the size). NULL if none.
    size_t (*encode_entry_veneer)(uint8_t *out, int64_t at, int64_t entry);
    // A stub at `at` through which code calls a function of mp_fun_table
    // (memset, memmove) as if it were in the module: it jumps to the address
    // in its literal word, which the loader fills in. Returns the stub's size
    // and sets *literal to the literal's offset in it; out NULL asks the size
    // only. got is the GOT's address (x86 reaches the literal through ebx).
    // NULL where calls to such functions go through literals anyway (xtensa).
    size_t (*encode_call_stub)(uint8_t *out, int64_t at, int64_t got, size_t *literal);
    // The size of a stub through which code reaches a variable in BSS
    // (RF_STATIC_VIA_GOT), one per instruction that does; 0: none.
    size_t static_stub_size;
    // Refuses an object this arch cannot link although its ELF machine is
    // right (another word size or ABI): writes why into why. NULL: none.
    bool (*object_ok)(const struct elf_file *elf, char *why, size_t why_len);
    const arch_reloc_t *relocs;
    size_t n_relocs;
    // The relocation types of the objects' DWARF sections (--debug-elf).
    const debug_reloc_t *debug_relocs;
    size_t n_debug_relocs;
    // Global symbols that several objects may define (gcc gives each x86
    // object its own copy of the pc thunks), by prefix; NULL if none.
    const char *shared_symbol_prefix;
    // The output sections, group by group (ends with PLACE_END).
    const place_t *placement;
    // Steps of the link an arch does its own way (NULL: the generic step).
    // Collects the GOT entries (generic: from relocations with RF_MAKES_GOT).
    bool (*build_got)(struct link_env *env);
    // Fills the arch's own tables once the layout is final.
    void (*write_tables)(struct link_env *env);
} arch_t;

const arch_t *arch_find(const char *name);
// The architectures in the order of arch_names(): arch_at(0 .. arch_count()-1).
size_t arch_count(void);
const arch_t *arch_at(size_t index);
// Space-separated list of the valid --arch values, for messages.
const char *arch_names(void);
const arch_reloc_t *arch_find_reloc(const arch_t *arch, uint32_t type);
const debug_reloc_t *arch_find_debug_reloc(const arch_t *arch, uint32_t type);

extern const arch_t arch_x86, arch_x64;
extern const arch_t arch_armv6m, arch_armv7m, arch_armv7emsp, arch_armv7emdp;
extern const arch_t arch_xtensa, arch_xtensawin;
extern const arch_t arch_rv32imc, arch_rv64imc;

#endif
