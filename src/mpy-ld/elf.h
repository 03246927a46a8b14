// Reading ELF relocatable objects (ELF32 and ELF64, little-endian). Every
// offset and size in the file is checked before use: a malformed object gives
// an error naming the file, the offset and what was expected.
#ifndef MPY_LD_ELF_H
#define MPY_LD_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    EM_386 = 3,
    EM_ARM = 40,
    EM_X86_64 = 62,
    EM_XTENSA = 94,
    EM_RISCV = 243,
};

enum {
    SHT_NULL = 0,
    SHT_PROGBITS = 1,
    SHT_SYMTAB = 2,
    SHT_STRTAB = 3,
    SHT_RELA = 4,
    SHT_NOBITS = 8,
    SHT_REL = 9,
    SHT_INIT_ARRAY = 14,
    SHT_FINI_ARRAY = 15,
};

#define SHF_TLS 0x400
#define SHF_COMPRESSED 0x800

enum {
    SHN_UNDEF = 0,
    SHN_LORESERVE = 0xff00,
    SHN_ABS = 0xfff1,
    SHN_COMMON = 0xfff2,
    SHN_XINDEX = 0xffff,
};

enum { STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2 };
enum { STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4 };

typedef struct {
    const char *name;
    uint32_t type;
    uint64_t flags;
    uint64_t addr;
    uint64_t offset;
    uint64_t size;
    uint64_t addralign;
    uint32_t link;
    uint32_t info;
    const uint8_t *data; // the section's bytes in the file; NULL for SHT_NOBITS
} elf_section_t;

typedef struct {
    const char *name;
    uint64_t value;
    uint64_t size;
    uint8_t bind;
    uint8_t type;
    uint16_t shndx;
} elf_symbol_t;

typedef struct {
    uint64_t offset;
    uint32_t type;
    uint32_t sym;
    int64_t addend; // 0 for SHT_REL, whose addend is in the patched bytes
} elf_reloc_t;

typedef struct elf_file {
    const char *path;
    const uint8_t *image; // not owned
    size_t size;
    bool is64;
    uint16_t machine;
    uint32_t flags; // e_flags: machine-specific (the RISC-V float ABI...)
    elf_section_t *sections;
    size_t n_sections;
    elf_symbol_t *symbols;
    size_t n_symbols;
} elf_file_t;

// Parses the object held in image[0..size), which must outlive the elf_file_t.
// On error prints a message and returns false.
bool elf_read(elf_file_t *elf, const char *path, const uint8_t *image, size_t size);

// Decodes the entries of relocation section index rel_index.
bool elf_read_relocs(const elf_file_t *elf, size_t rel_index, elf_reloc_t **out, size_t *n_out);

void elf_free(elf_file_t *elf);

const char *elf_machine_name(uint16_t machine);

#endif
