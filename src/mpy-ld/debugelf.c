// --debug-elf: the linked module as an ELF file for debuggers. Its .text is
// the text region of the .mpy byte for byte at address 0 (so a text offset is
// an address); rodata (where it is a region of its own) and BSS follow at
// addresses past it, each aligned to 16. .symtab has every function and data
// object of link_defined_symbols, and the objects' DWARF sections are
// concatenated by name with their relocations applied: addresses of the
// module's symbols become these addresses, references between DWARF
// sections the offsets where each object's piece landed.
#include <stdlib.h>
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"

#define REGION_ALIGN 16

static bool starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static uint64_t align_up64(uint64_t v, uint64_t a) {
    return a > 1 ? (v + a - 1) / a * a : v;
}

// One output DWARF section: the pieces of every object that has it.
typedef struct {
    const char *name;
    buf_t data;
} debug_section_t;

typedef struct {
    const link_env_t *env;
    uint64_t base[REGION_NONE]; // address of each region
    debug_section_t *debug;
    size_t n_debug;
    // Per object, per ELF section index: 1 + the output debug section its
    // piece went to (0: none), and the piece's offset there.
    size_t **piece_section;
    uint64_t **piece_offset;
} debug_elf_t;

static bool is_debug_section(const elf_section_t *es) {
    return es->type == SHT_PROGBITS && starts_with(es->name, ".debug_");
}

static size_t debug_section_index(debug_elf_t *d, const char *name) {
    for (size_t i = 0; i < d->n_debug; i++) {
        if (strcmp(d->debug[i].name, name) == 0) {
            return i;
        }
    }
    d->debug = xrealloc(d->debug, (d->n_debug + 1) * sizeof(*d->debug));
    d->debug[d->n_debug] = (debug_section_t){.name = name};
    return d->n_debug++;
}

static bool collect_pieces(debug_elf_t *d) {
    const link_env_t *env = d->env;
    d->piece_section = xcalloc(env->n_objects, sizeof(size_t *));
    d->piece_offset = xcalloc(env->n_objects, sizeof(uint64_t *));
    for (size_t o = 0; o < env->n_objects; o++) {
        const elf_file_t *elf = &env->objects[o]->elf;
        d->piece_section[o] = xcalloc(elf->n_sections, sizeof(size_t));
        d->piece_offset[o] = xcalloc(elf->n_sections, sizeof(uint64_t));
        for (size_t i = 0; i < elf->n_sections; i++) {
            const elf_section_t *es = &elf->sections[i];
            if (!is_debug_section(es) || es->size == 0) {
                continue;
            }
            if (es->flags & SHF_COMPRESSED) {
                ld_error("%s: section %s is compressed; build without -gz for --debug-elf",
                         env->objects[o]->path, es->name);
                return false;
            }
            size_t k = debug_section_index(d, es->name);
            buf_t *b = &d->debug[k].data;
            uint64_t at = align_up64(b->len, es->addralign);
            buf_append_zeros(b, (size_t)(at - b->len));
            buf_append(b, es->data, (size_t)es->size);
            d->piece_section[o][i] = k + 1;
            d->piece_offset[o][i] = at;
        }
    }
    return true;
}

// The address a relocation's symbol has in the debug ELF: in a DWARF piece,
// its offset there; in the module, its address; in code --gc-sections left
// out, a place no code has (half the address space: far above the module,
// and far enough below the top that the lines and ranges of what was left
// out do not wrap around onto the module's code); elsewhere (a section not
// linked) 0.
static uint64_t symbol_address(const debug_elf_t *d, size_t o, uint32_t index) {
    const ld_object_t *obj = d->env->objects[o];
    const elf_symbol_t *es = &obj->elf.symbols[index];
    if (es->shndx != SHN_UNDEF && es->shndx < obj->elf.n_sections &&
        d->piece_section[o][es->shndx]) {
        return d->piece_offset[o][es->shndx] + es->value;
    }
    if (es->shndx == SHN_ABS) {
        return es->value;
    }
    const ld_symbol_t *t = symbol_target(&obj->symbols[index]);
    if (t->section && t->section->discarded) {
        return (uint64_t)1 << (d->env->arch->word_size * 8 - 1);
    }
    region_t region = t->section ? section_region(d->env, t->section) : REGION_NONE;
    if (region == REGION_NONE) {
        return 0;
    }
    return d->base[region] + t->section->addr + t->value;
}

static uint64_t read_field(const uint8_t *p, unsigned bits) {
    switch (bits) {
        case 6:
            return p[0] & 0x3f;
        case 8:
            return p[0];
        case 16:
            return get_le16(p);
        case 32:
            return get_le32(p);
        default:
            return get_le64(p);
    }
}

static void write_field(uint8_t *p, unsigned bits, uint64_t v) {
    switch (bits) {
        case 6:
            p[0] = (uint8_t)((p[0] & 0xc0) | (v & 0x3f));
            break;
        case 8:
            p[0] = (uint8_t)v;
            break;
        case 16:
            put_le16(p, (uint32_t)v);
            break;
        case 32:
            put_le32(p, (uint32_t)v);
            break;
        default:
            put_le64(p, v);
            break;
    }
}

// Applies the relocations of object o's relocation section rel_index, whose
// target is a DWARF piece.
static bool apply_relocs(debug_elf_t *d, size_t o, size_t rel_index) {
    const ld_object_t *obj = d->env->objects[o];
    const elf_section_t *rs = &obj->elf.sections[rel_index];
    const elf_section_t *target = &obj->elf.sections[rs->info];
    buf_t *b = &d->debug[d->piece_section[o][rs->info] - 1].data;
    uint64_t piece = d->piece_offset[o][rs->info];
    elf_reloc_t *relocs;
    size_t n;
    if (!elf_read_relocs(&obj->elf, rel_index, &relocs, &n)) {
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const elf_reloc_t *r = &relocs[i];
        const debug_reloc_t *info = arch_find_debug_reloc(d->env->arch, r->type);
        if (!info) {
            ld_error("%s: %s+0x%llx: relocation type %u in debug information is not supported "
                     "by --debug-elf for %s",
                     obj->path, target->name, (unsigned long long)r->offset, r->type,
                     d->env->arch->name);
            ok = false;
            break;
        }
        unsigned bytes = info->bits <= 8 ? 1 : info->bits / 8;
        if (r->offset > target->size || bytes > target->size - r->offset) {
            ld_error("%s: %s: relocation at offset 0x%llx is outside the section (0x%llx bytes)",
                     obj->path, target->name, (unsigned long long)r->offset,
                     (unsigned long long)target->size);
            ok = false;
            break;
        }
        uint8_t *p = b->data + piece + r->offset;
        uint64_t field = read_field(p, info->bits);
        uint64_t s = symbol_address(d, o, r->sym);
        // The field takes part as the generic patches treat it (arch.c):
        // SHT_REL keeps the addend there, and xtensa's RELA relocations
        // are partial-in-place (addend and field add up).
        uint64_t sa = s + (uint64_t)r->addend;
        switch (info->op) {
            case DEBUG_ABS:
            case DEBUG_ADD:
                write_field(p, info->bits, field + sa);
                break;
            case DEBUG_SET:
                write_field(p, info->bits, sa);
                break;
            case DEBUG_SUB:
                write_field(p, info->bits, field - sa);
                break;
            case DEBUG_KEEP:
                break;
        }
    }
    free(relocs);
    return ok;
}

static bool relocate_pieces(debug_elf_t *d) {
    for (size_t o = 0; o < d->env->n_objects; o++) {
        const elf_file_t *elf = &d->env->objects[o]->elf;
        for (size_t i = 0; i < elf->n_sections; i++) {
            const elf_section_t *es = &elf->sections[i];
            if ((es->type == SHT_REL || es->type == SHT_RELA) && es->info < elf->n_sections &&
                d->piece_section[o][es->info] && !apply_relocs(d, o, i)) {
                return false;
            }
        }
    }
    return true;
}

// The ELF file being written: sections appended with their headers.
typedef struct {
    bool is64;
    buf_t file, headers, shstrtab;
    size_t n_headers;
} elf_out_t;

static void put_word(buf_t *b, bool is64, uint64_t v) {
    uint8_t w[8];
    put_le64(w, v);
    buf_append(b, w, is64 ? 8 : 4);
}

static void put_u32(buf_t *b, uint32_t v) {
    uint8_t w[4];
    put_le32(w, v);
    buf_append(b, w, 4);
}

static void put_u16(buf_t *b, uint32_t v) {
    uint8_t w[2];
    put_le16(w, v);
    buf_append(b, w, 2);
}

typedef struct {
    const char *name;
    uint32_t type;
    uint64_t flags, addr;
    const void *data;
    uint64_t size;
    uint32_t link, info;
    uint64_t align, entsize;
} out_section_t;

// Appends a section (its bytes, unless NOBITS) and its header; returns its index.
static uint32_t add_section(elf_out_t *e, const out_section_t *s) {
    uint32_t name = (uint32_t)e->shstrtab.len;
    buf_append(&e->shstrtab, s->name, strlen(s->name) + 1);
    uint64_t align = s->align ? s->align : 1;
    uint64_t offset = align_up64(e->file.len, align);
    buf_append_zeros(&e->file, (size_t)(offset - e->file.len));
    if (s->type != SHT_NOBITS) {
        buf_append(&e->file, s->data, (size_t)s->size);
    }
    buf_t *h = &e->headers;
    put_u32(h, name);
    put_u32(h, s->type);
    put_word(h, e->is64, s->flags);
    put_word(h, e->is64, s->addr);
    put_word(h, e->is64, offset);
    put_word(h, e->is64, s->size);
    put_u32(h, s->link);
    put_u32(h, s->info);
    put_word(h, e->is64, align);
    put_word(h, e->is64, s->entsize);
    return (uint32_t)e->n_headers++;
}

#define SHF_WRITE 1
#define SHF_ALLOC 2
#define SHF_EXECINSTR 4

// .symtab and .strtab: a null symbol, then the locals, then the others
// (ELF wants the locals first; sh_info is the first non-local).
static void add_symbols(elf_out_t *e, const debug_elf_t *d, const uint32_t *region_shndx) {
    size_t n;
    link_symbol_t *list = link_defined_symbols(d->env, &n);
    buf_t syms = {0}, strtab = {0};
    buf_put_u8(&strtab, 0);
    buf_append_zeros(&syms, e->is64 ? 24 : 16);
    uint32_t first_global = 1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            const link_symbol_t *ls = &list[i];
            const elf_symbol_t *es = ls->sym->elf;
            bool local = es->bind == STB_LOCAL;
            if (ls->unused || local != (pass == 0)) {
                continue;
            }
            uint32_t name = (uint32_t)strtab.len;
            buf_append(&strtab, ls->name, strlen(ls->name) + 1);
            uint8_t info = (uint8_t)(es->bind << 4 | (es->type == STT_FUNC ? STT_FUNC
                                                      : es->type == STT_OBJECT ? STT_OBJECT
                                                                                : STT_NOTYPE));
            uint64_t value = d->base[ls->region] + ls->offset;
            put_u32(&syms, name);
            if (e->is64) {
                buf_put_u8(&syms, info);
                buf_put_u8(&syms, 0);
                put_u16(&syms, region_shndx[ls->region]);
                put_word(&syms, true, value);
                put_word(&syms, true, ls->size);
            } else {
                put_u32(&syms, (uint32_t)value);
                put_u32(&syms, ls->size);
                buf_put_u8(&syms, info);
                buf_put_u8(&syms, 0);
                put_u16(&syms, region_shndx[ls->region]);
            }
            if (pass == 0) {
                first_global++;
            }
        }
    }
    uint32_t symtab_index = (uint32_t)e->n_headers;
    add_section(e, &(out_section_t){.name = ".symtab", .type = SHT_SYMTAB, .data = syms.data,
                                    .size = syms.len, .link = symtab_index + 1,
                                    .info = first_global, .align = e->is64 ? 8 : 4,
                                    .entsize = e->is64 ? 24 : 16});
    add_section(e, &(out_section_t){.name = ".strtab", .type = SHT_STRTAB, .data = strtab.data,
                                    .size = strtab.len, .align = 1});
    buf_free(&syms);
    buf_free(&strtab);
    free(list);
}

static void write_file(const debug_elf_t *d, buf_t *out) {
    const link_env_t *env = d->env;
    elf_out_t e = {.is64 = env->arch->word_size == 8};
    size_t ehsize = e.is64 ? 64 : 52;
    buf_append_zeros(&e.file, ehsize);
    buf_put_u8(&e.shstrtab, 0);
    buf_append_zeros(&e.headers, e.is64 ? 64 : 40); // the null section
    e.n_headers = 1;
    uint32_t region_shndx[REGION_NONE + 1] = {0};
    region_shndx[REGION_TEXT] =
        add_section(&e, &(out_section_t){.name = ".text", .type = SHT_PROGBITS,
                                         .flags = SHF_ALLOC | SHF_EXECINSTR, .data = env->text.data,
                                         .size = env->text.len, .align = REGION_ALIGN});
    if (env->rodata.len) {
        region_shndx[REGION_RODATA] = add_section(
            &e, &(out_section_t){.name = ".rodata", .type = SHT_PROGBITS, .flags = SHF_ALLOC,
                                 .addr = d->base[REGION_RODATA], .data = env->rodata.data,
                                 .size = env->rodata.len, .align = REGION_ALIGN});
    }
    if (env->bss_size) {
        region_shndx[REGION_BSS] = add_section(
            &e, &(out_section_t){.name = ".bss", .type = SHT_NOBITS, .flags = SHF_ALLOC | SHF_WRITE,
                                 .addr = d->base[REGION_BSS], .size = env->bss_size,
                                 .align = REGION_ALIGN});
    }
    for (size_t i = 0; i < d->n_debug; i++) {
        add_section(&e, &(out_section_t){.name = d->debug[i].name, .type = SHT_PROGBITS,
                                         .data = d->debug[i].data.data,
                                         .size = d->debug[i].data.len, .align = 1});
    }
    add_symbols(&e, d, region_shndx);
    uint32_t shstrndx = (uint32_t)e.n_headers;
    // The name table names itself: its header's name is added before its bytes.
    buf_append(&e.shstrtab, ".shstrtab", 10);
    put_u32(&e.headers, (uint32_t)(e.shstrtab.len - 10));
    put_u32(&e.headers, SHT_STRTAB);
    put_word(&e.headers, e.is64, 0);
    put_word(&e.headers, e.is64, 0);
    put_word(&e.headers, e.is64, e.file.len);
    put_word(&e.headers, e.is64, e.shstrtab.len);
    buf_append_zeros(&e.headers, 8);
    put_word(&e.headers, e.is64, 1);
    put_word(&e.headers, e.is64, 0);
    e.n_headers++;
    buf_append(&e.file, e.shstrtab.data, e.shstrtab.len);
    uint64_t shoff = align_up64(e.file.len, 8);
    buf_append_zeros(&e.file, (size_t)(shoff - e.file.len));
    buf_append(&e.file, e.headers.data, e.headers.len);

    // The ELF header.
    buf_t h = {0};
    static const uint8_t ident[8] = {0x7f, 'E', 'L', 'F', 0, 1 /* LSB */, 1 /* EV_CURRENT */, 0};
    buf_append(&h, ident, 8);
    h.data[4] = e.is64 ? 2 : 1;
    buf_append_zeros(&h, 8);
    put_u16(&h, 2); // ET_EXEC: addresses are final
    put_u16(&h, env->arch->elf_machine);
    put_u32(&h, 1);
    put_word(&h, e.is64, 0); // e_entry
    put_word(&h, e.is64, 0); // e_phoff
    put_word(&h, e.is64, shoff);
    put_u32(&h, env->n_objects ? env->objects[0]->elf.flags : 0);
    put_u16(&h, (uint32_t)ehsize);
    put_u16(&h, 0); // e_phentsize
    put_u16(&h, 0); // e_phnum
    put_u16(&h, e.is64 ? 64 : 40);
    put_u16(&h, (uint32_t)e.n_headers);
    put_u16(&h, shstrndx);
    memcpy(e.file.data, h.data, ehsize);
    buf_free(&h);
    buf_free(&e.headers);
    buf_free(&e.shstrtab);
    *out = e.file;
}

bool link_write_debug_elf(const link_env_t *env, buf_t *out) {
    debug_elf_t d = {.env = env};
    d.base[REGION_TEXT] = 0;
    d.base[REGION_RODATA] = align_up64(env->text.len, REGION_ALIGN);
    d.base[REGION_BSS] = align_up64(d.base[REGION_RODATA] + env->rodata.len, REGION_ALIGN);
    bool ok = collect_pieces(&d) && relocate_pieces(&d);
    if (ok) {
        write_file(&d, out);
    }
    for (size_t o = 0; d.piece_section && o < env->n_objects; o++) {
        free(d.piece_section[o]);
        free(d.piece_offset[o]);
    }
    free(d.piece_section);
    free(d.piece_offset);
    for (size_t i = 0; i < d.n_debug; i++) {
        buf_free(&d.debug[i].data);
    }
    free(d.debug);
    return ok;
}
