// The debug ELF of a native module: section headers, .symtab's functions and
// objects, and the DWARF sections the line lookup needs (see debug_elf.h).
#include "mpy/debug_elf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>

#define EM_ARM 40
#define SHT_SYMTAB 2
#define SHT_NOBITS 8
#define STT_OBJECT 1
#define STT_FUNC 2

static bool bad(const debug_elf_t *e, char *err, size_t errlen, uint64_t off, const char *what) {
    snprintf(err, errlen, "%s: malformed ELF file at offset 0x%llx: expected %s", e->path,
             (unsigned long long)off, what);
    return false;
}

static uint64_t rd(const uint8_t *p, unsigned n) {
    uint64_t v = 0;
    for (unsigned i = n; i-- > 0;) {
        v = v << 8 | p[i];
    }
    return v;
}

typedef struct {
    uint32_t name, type, link;
    uint64_t offset, size;
} shdr_t;

static bool in_file(const debug_elf_t *e, uint64_t off, uint64_t len) {
    return off <= e->image.len && len <= e->image.len - off;
}

// The NUL-terminated string at off of the string table sh, or NULL.
static const char *string_at(const debug_elf_t *e, const shdr_t *sh, uint64_t off) {
    if (off >= sh->size) {
        return NULL;
    }
    const char *s = (const char *)e->image.data + sh->offset + off;
    return memchr(s, 0, (size_t)(sh->size - off)) ? s : NULL;
}

static bool read_symbols(debug_elf_t *e, const shdr_t *sh, size_t n_sh, const shdr_t *symtab,
                         bool is64, char *err, size_t errlen) {
    size_t entsize = is64 ? 24 : 16;
    if (symtab->link >= n_sh) {
        return bad(e, err, errlen, symtab->offset, "a symbol table linked to a string table");
    }
    const shdr_t *strtab = &sh[symtab->link];
    size_t n = (size_t)(symtab->size / entsize);
    e->symbols = calloc(n ? n : 1, sizeof(debug_symbol_t));
    if (!e->symbols) {
        abort();
    }
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p = e->image.data + symtab->offset + i * entsize;
        uint8_t info = is64 ? p[4] : p[12];
        uint64_t value = is64 ? rd(p + 8, 8) : rd(p + 4, 4);
        uint64_t size = is64 ? rd(p + 16, 8) : rd(p + 8, 4);
        unsigned type = info & 0xf;
        if (type != STT_FUNC && type != STT_OBJECT) {
            continue;
        }
        const char *name = string_at(e, strtab, rd(p, 4));
        if (!name) {
            return bad(e, err, errlen, symtab->offset + i * entsize,
                       "a symbol name inside the string table");
        }
        // Arm: bit 0 of a Thumb function's address says Thumb.
        if (e->machine == EM_ARM && type == STT_FUNC) {
            value &= ~(uint64_t)1;
        }
        e->symbols[e->n_symbols++] = (debug_symbol_t){name, value, size};
    }
    return true;
}

static bool parse(debug_elf_t *e, char *err, size_t errlen) {
    const uint8_t *h = e->image.data;
    size_t len = e->image.len;
    if (len < 52 || memcmp(h, "\x7f" "ELF", 4) != 0) {
        return bad(e, err, errlen, 0, "an ELF file (\\x7fELF magic)");
    }
    if ((h[4] != 1 && h[4] != 2) || h[5] != 1) {
        return bad(e, err, errlen, 4, "a little-endian ELF32 or ELF64 file");
    }
    bool is64 = h[4] == 2;
    if (is64 && len < 64) {
        return bad(e, err, errlen, len, "the rest of the ELF header");
    }
    e->machine = (uint16_t)rd(h + 18, 2);
    uint64_t shoff = is64 ? rd(h + 40, 8) : rd(h + 32, 4);
    const uint8_t *q = h + (is64 ? 58 : 46);
    size_t shentsize = (size_t)rd(q, 2), n_sh = (size_t)rd(q + 2, 2), shstrndx = (size_t)rd(q + 4, 2);
    if (shentsize != (is64 ? 64u : 40u)) {
        return bad(e, err, errlen, is64 ? 58 : 46, "the section header size of the ELF class");
    }
    if (!in_file(e, shoff, (uint64_t)n_sh * shentsize)) {
        return bad(e, err, errlen, shoff, "section headers inside the file");
    }
    if (shstrndx >= n_sh) {
        return bad(e, err, errlen, is64 ? 62 : 50, "a section name table index below the count");
    }
    shdr_t *sh = calloc(n_sh ? n_sh : 1, sizeof(shdr_t));
    if (!sh) {
        abort();
    }
    unsigned w = is64 ? 8 : 4;
    bool ok = true;
    for (size_t i = 0; i < n_sh && ok; i++) {
        const uint8_t *p = h + shoff + i * shentsize;
        sh[i] = (shdr_t){.name = (uint32_t)rd(p, 4), .type = (uint32_t)rd(p + 4, 4),
                         .offset = rd(p + 8 + 2 * w, w), .size = rd(p + 8 + 3 * w, w),
                         .link = (uint32_t)rd(p + 8 + 4 * w, 4)};
        if (sh[i].type == SHT_NOBITS) {
            sh[i].size = 0;
        }
        if (!in_file(e, sh[i].offset, sh[i].size)) {
            ok = bad(e, err, errlen, shoff + i * shentsize, "section contents inside the file");
        }
    }
    const shdr_t *symtab = NULL;
    for (size_t i = 0; i < n_sh && ok; i++) {
        const char *name = string_at(e, &sh[shstrndx], sh[i].name);
        if (!name) {
            ok = bad(e, err, errlen, shoff + i * shentsize, "a section name inside the name table");
            break;
        }
        dwarf_section_t d = {h + sh[i].offset, (size_t)sh[i].size};
        if (strcmp(name, ".debug_line") == 0) {
            e->dwarf.line = d;
        } else if (strcmp(name, ".debug_line_str") == 0) {
            e->dwarf.line_str = d;
        } else if (strcmp(name, ".debug_str") == 0) {
            e->dwarf.str = d;
        } else if (sh[i].type == SHT_SYMTAB) {
            symtab = &sh[i];
        }
    }
    if (ok && symtab) {
        ok = read_symbols(e, sh, n_sh, symtab, is64, err, errlen);
    }
    free(sh);
    return ok;
}

// The file's bytes, with stdio: the runtime's firmware build reads it too
// (base/file.c serves the tools only). Returns 0 or an errno value.
static int read_file(const char *path, buf_t *out) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return errno ? errno : ENOENT;
    }
    uint8_t chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        buf_append(out, chunk, n);
    }
    int rc = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    return rc;
}

bool debug_elf_load(debug_elf_t *e, const char *path, char *err, size_t errlen) {
    memset(e, 0, sizeof(*e));
    e->path = path;
    int rc = read_file(path, &e->image);
    if (rc) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(rc));
        buf_free(&e->image);
        return false;
    }
    if (!parse(e, err, errlen)) {
        debug_elf_free(e);
        return false;
    }
    return true;
}

void debug_elf_free(debug_elf_t *e) {
    buf_free(&e->image);
    free(e->symbols);
    memset(e, 0, sizeof(*e));
}

bool debug_elf_locate(const debug_elf_t *e, uint64_t addr, debug_location_t *loc, char *err,
                      size_t errlen) {
    memset(loc, 0, sizeof(*loc));
    // The smallest symbol that holds addr (a function rather than the
    // object around it, should they overlap); else the nearest one below
    // (alignment padding after a function), as binutils' addr2line does.
    const debug_symbol_t *below = NULL;
    for (size_t i = 0; i < e->n_symbols; i++) {
        const debug_symbol_t *s = &e->symbols[i];
        if (addr >= s->addr && addr - s->addr < s->size && (!loc->sym || s->size < loc->sym->size)) {
            loc->sym = s;
        }
        if (addr >= s->addr && (!below || s->addr > below->addr)) {
            below = s;
        }
    }
    if (!loc->sym) {
        loc->sym = below;
    }
    if (loc->sym) {
        loc->offset = addr - loc->sym->addr;
    }
    if (!e->dwarf.line.len) {
        return true;
    }
    char why[200];
    switch (dwarf_line_find(&e->dwarf, addr, &loc->line, why, sizeof(why))) {
        case DWARF_LINE_FOUND:
            loc->have_line = true;
            return true;
        case DWARF_LINE_NONE:
            return true;
        default:
            snprintf(err, errlen, "%s: %s", e->path, why);
            return false;
    }
}

void debug_location_format(const debug_location_t *loc, char *out, size_t outlen) {
    int n = 0;
    if (loc->sym) {
        n = snprintf(out, outlen, "%s+0x%llx", loc->sym->name, (unsigned long long)loc->offset);
    } else {
        n = snprintf(out, outlen, "?");
    }
    if (loc->have_line && n >= 0 && (size_t)n < outlen) {
        snprintf(out + n, outlen - (size_t)n, " at %.*s:%llu", (int)loc->line.file_len,
                 loc->line.file, (unsigned long long)loc->line.line);
    }
}
