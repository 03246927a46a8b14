#include "mpy-ld/elf.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "mpy-ld/diag.h"

// Field access with the bounds already checked by the caller.
static uint64_t rd(const uint8_t *p, int bytes) {
    switch (bytes) {
        case 1:
            return p[0];
        case 2:
            return get_le16(p);
        case 4:
            return get_le32(p);
        default:
            return get_le64(p);
    }
}

static bool range_ok(const elf_file_t *elf, uint64_t off, uint64_t len) {
    return off <= elf->size && len <= elf->size - off;
}

static bool bad(const elf_file_t *elf, uint64_t off, const char *what) {
    ld_error("%s: malformed ELF file at offset 0x%llx: %s", elf->path, (unsigned long long)off,
             what);
    return false;
}

const char *elf_machine_name(uint16_t machine) {
    switch (machine) {
        case EM_386:
            return "EM_386";
        case EM_ARM:
            return "EM_ARM";
        case EM_X86_64:
            return "EM_X86_64";
        case EM_XTENSA:
            return "EM_XTENSA";
        case EM_RISCV:
            return "EM_RISCV";
        default:
            return NULL;
    }
}

// A NUL-terminated string at offset off of string table section strtab.
static const char *read_string(const elf_file_t *elf, const elf_section_t *strtab, uint64_t off,
                               uint64_t where) {
    if (strtab->type != SHT_STRTAB || !strtab->data) {
        bad(elf, where, "name refers to a section that is not a string table");
        return NULL;
    }
    if (off >= strtab->size) {
        bad(elf, where, "name offset past the end of the string table");
        return NULL;
    }
    const char *s = (const char *)strtab->data + off;
    if (!memchr(s, 0, strtab->size - off)) {
        bad(elf, where, "name is not NUL-terminated inside the string table");
        return NULL;
    }
    return s;
}

static bool read_header(elf_file_t *elf, uint64_t *shoff, size_t *shentsize, size_t *shnum,
                        size_t *shstrndx) {
    const uint8_t *h = elf->image;
    if (elf->size < 16 || memcmp(h, "\x7f" "ELF", 4) != 0) {
        return bad(elf, 0, "not an ELF file (no \\x7fELF magic)");
    }
    if (h[4] != 1 && h[4] != 2) {
        return bad(elf, 4, "expected ELF class 1 (32-bit) or 2 (64-bit)");
    }
    if (h[5] != 1) {
        return bad(elf, 5, "expected little-endian data (ELFDATA2LSB)");
    }
    elf->is64 = h[4] == 2;
    size_t ehsize = elf->is64 ? 64 : 52;
    if (elf->size < ehsize) {
        return bad(elf, elf->size, "file ends inside the ELF header");
    }
    if (rd(h + 16, 2) != 1) {
        return bad(elf, 16, "expected a relocatable object (ET_REL); link .o files, not "
                            "executables or shared libraries");
    }
    elf->machine = (uint16_t)rd(h + 18, 2);
    int w = elf->is64 ? 8 : 4;
    const uint8_t *p = h + 24 + 2 * w; // past e_version, e_entry, e_phoff
    *shoff = rd(p, w);
    elf->flags = (uint32_t)rd(p + w, 4);
    p += w + 4 + 2 + 2 + 2; // e_shoff, e_flags, e_ehsize, e_phentsize, e_phnum
    *shentsize = rd(p, 2);
    *shnum = rd(p + 2, 2);
    *shstrndx = rd(p + 4, 2);
    return true;
}

static bool read_sections(elf_file_t *elf) {
    uint64_t shoff;
    size_t shentsize, shnum, shstrndx;
    if (!read_header(elf, &shoff, &shentsize, &shnum, &shstrndx)) {
        return false;
    }
    size_t want = elf->is64 ? 64 : 40;
    if (shnum == 0) {
        return bad(elf, shoff, "object has no section headers");
    }
    if (shentsize != want) {
        return bad(elf, elf->is64 ? 58 : 46, "unexpected section header entry size");
    }
    if (!range_ok(elf, shoff, (uint64_t)shnum * shentsize)) {
        return bad(elf, shoff, "section header table extends past the end of the file");
    }
    elf->n_sections = shnum;
    elf->sections = xcalloc(shnum, sizeof(elf_section_t));
    uint32_t *name_offs = xcalloc(shnum, sizeof(uint32_t));
    int w = elf->is64 ? 8 : 4;
    for (size_t i = 0; i < shnum; i++) {
        const uint8_t *p = elf->image + shoff + i * shentsize;
        elf_section_t *s = &elf->sections[i];
        name_offs[i] = (uint32_t)rd(p, 4);
        s->type = (uint32_t)rd(p + 4, 4);
        s->flags = rd(p + 8, w);
        s->addr = rd(p + 8 + w, w);
        s->offset = rd(p + 8 + 2 * w, w);
        s->size = rd(p + 8 + 3 * w, w);
        s->link = (uint32_t)rd(p + 8 + 4 * w, 4);
        s->info = (uint32_t)rd(p + 12 + 4 * w, 4);
        s->addralign = rd(p + 16 + 4 * w, w);
        if (s->type != SHT_NOBITS && s->type != SHT_NULL) {
            if (!range_ok(elf, s->offset, s->size)) {
                free(name_offs);
                return bad(elf, shoff + i * shentsize,
                           "section contents extend past the end of the file");
            }
            s->data = elf->image + s->offset;
        }
    }
    if (shstrndx >= shnum) {
        free(name_offs);
        return bad(elf, elf->is64 ? 62 : 50, "section name table index out of range");
    }
    for (size_t i = 0; i < shnum; i++) {
        elf->sections[i].name =
            read_string(elf, &elf->sections[shstrndx], name_offs[i], shoff + i * shentsize);
        if (!elf->sections[i].name) {
            free(name_offs);
            return false;
        }
    }
    free(name_offs);
    return true;
}

static bool read_symbols(elf_file_t *elf) {
    const elf_section_t *symtab = NULL;
    uint64_t symtab_hdr = 0;
    for (size_t i = 0; i < elf->n_sections; i++) {
        if (elf->sections[i].type == SHT_SYMTAB) {
            if (symtab) {
                return bad(elf, elf->sections[i].offset, "more than one symbol table");
            }
            symtab = &elf->sections[i];
            symtab_hdr = symtab->offset;
        }
    }
    if (!symtab) {
        // An object with no symbols at all has nothing to link.
        return true;
    }
    size_t entsize = elf->is64 ? 24 : 16;
    if (symtab->size % entsize != 0) {
        return bad(elf, symtab_hdr, "symbol table size is not a multiple of the entry size");
    }
    if (symtab->link >= elf->n_sections) {
        return bad(elf, symtab_hdr, "symbol table names a string table that does not exist");
    }
    const elf_section_t *strtab = &elf->sections[symtab->link];
    elf->n_symbols = symtab->size / entsize;
    elf->symbols = xcalloc(elf->n_symbols, sizeof(elf_symbol_t));
    for (size_t i = 0; i < elf->n_symbols; i++) {
        const uint8_t *p = symtab->data + i * entsize;
        uint64_t where = symtab->offset + i * entsize;
        elf_symbol_t *s = &elf->symbols[i];
        uint8_t info;
        if (elf->is64) {
            info = p[4];
            s->shndx = (uint16_t)rd(p + 6, 2);
            s->value = rd(p + 8, 8);
            s->size = rd(p + 16, 8);
        } else {
            s->value = rd(p + 4, 4);
            s->size = rd(p + 8, 4);
            info = p[12];
            s->shndx = (uint16_t)rd(p + 14, 2);
        }
        s->bind = info >> 4;
        s->type = info & 0xf;
        s->name = read_string(elf, strtab, rd(p, 4), where);
        if (!s->name) {
            return false;
        }
        if (s->shndx == SHN_XINDEX) {
            return bad(elf, where, "extended section indices (SHN_XINDEX) are not supported");
        }
        if (s->shndx != SHN_UNDEF && s->shndx < SHN_LORESERVE && s->shndx >= elf->n_sections) {
            return bad(elf, where, "symbol's section index out of range");
        }
    }
    return true;
}

bool elf_read(elf_file_t *elf, const char *path, const uint8_t *image, size_t size) {
    memset(elf, 0, sizeof(*elf));
    elf->path = path;
    elf->image = image;
    elf->size = size;
    return read_sections(elf) && read_symbols(elf);
}

bool elf_read_relocs(const elf_file_t *elf, size_t rel_index, elf_reloc_t **out, size_t *n_out) {
    const elf_section_t *rs = &elf->sections[rel_index];
    bool rela = rs->type == SHT_RELA;
    int w = elf->is64 ? 8 : 4;
    size_t entsize = (size_t)w * (rela ? 3 : 2);
    if (rs->size % entsize != 0) {
        return bad(elf, rs->offset, "relocation section size is not a multiple of the entry size");
    }
    size_t n = rs->size / entsize;
    elf_reloc_t *relocs = xcalloc(n, sizeof(elf_reloc_t));
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p = rs->data + i * entsize;
        uint64_t info = rd(p + w, w);
        relocs[i].offset = rd(p, w);
        relocs[i].type = elf->is64 ? (uint32_t)(info & 0xffffffff) : (uint32_t)(info & 0xff);
        relocs[i].sym = elf->is64 ? (uint32_t)(info >> 32) : (uint32_t)(info >> 8);
        if (rela) {
            uint64_t a = rd(p + 2 * w, w);
            relocs[i].addend = elf->is64 ? (int64_t)a : (int64_t)(int32_t)(uint32_t)a;
        }
        if (relocs[i].sym >= elf->n_symbols) {
            free(relocs);
            return bad(elf, rs->offset + i * entsize, "relocation refers to a symbol that does "
                                                      "not exist");
        }
    }
    *out = relocs;
    *n_out = n;
    return true;
}

void elf_free(elf_file_t *elf) {
    free(elf->sections);
    free(elf->symbols);
    memset(elf, 0, sizeof(*elf));
}
