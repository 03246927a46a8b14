// Running the line-number programs of .debug_line (DWARF 2-5) to find the
// row that covers an address: the last row at or below it, within a
// sequence whose next row lies above it.
#include "mpy/dwarf_line.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A bounds-checked reader over one section. The first failure is kept (with
// its offset) and later reads fail at once.
typedef struct {
    const uint8_t *data;
    size_t len, pos;
    char *err;
    size_t errlen;
    bool failed;
} reader_t;

static bool fail(reader_t *r, const char *what) {
    if (!r->failed) {
        snprintf(r->err, r->errlen, "malformed .debug_line at offset 0x%zx: expected %s", r->pos,
                 what);
        r->failed = true;
    }
    return false;
}

static bool read_bytes(reader_t *r, size_t n, const uint8_t **p, const char *what) {
    if (r->failed || n > r->len - r->pos) {
        return fail(r, what);
    }
    *p = r->data + r->pos;
    r->pos += n;
    return true;
}

static bool read_uint(reader_t *r, unsigned n, uint64_t *v, const char *what) {
    const uint8_t *p;
    if (!read_bytes(r, n, &p, what)) {
        return false;
    }
    *v = 0;
    for (unsigned i = n; i-- > 0;) {
        *v = *v << 8 | p[i];
    }
    return true;
}

static bool read_uleb(reader_t *r, uint64_t *v, const char *what) {
    *v = 0;
    for (unsigned shift = 0;; shift += 7) {
        const uint8_t *p;
        if (!read_bytes(r, 1, &p, what)) {
            return false;
        }
        if (shift < 64) {
            *v |= (uint64_t)(*p & 0x7f) << shift;
        }
        if (!(*p & 0x80)) {
            return true;
        }
    }
}

static bool read_sleb(reader_t *r, int64_t *v, const char *what) {
    uint64_t u = 0;
    unsigned shift = 0;
    const uint8_t *p;
    do {
        if (!read_bytes(r, 1, &p, what)) {
            return false;
        }
        if (shift < 64) {
            u |= (uint64_t)(*p & 0x7f) << shift;
        }
        shift += 7;
    } while (*p & 0x80);
    if (shift < 64 && (*p & 0x40)) {
        u |= ~(uint64_t)0 << shift;
    }
    *v = (int64_t)u;
    return true;
}

static bool read_cstring(reader_t *r, const char **s, size_t *n, const char *what) {
    if (r->failed || r->pos >= r->len) {
        return fail(r, what);
    }
    const uint8_t *end = memchr(r->data + r->pos, 0, r->len - r->pos);
    if (!end) {
        return fail(r, what);
    }
    *s = (const char *)r->data + r->pos;
    *n = (size_t)(end - (r->data + r->pos));
    r->pos += *n + 1;
    return true;
}

// A string at offset off of a string section (DW_FORM_strp, line_strp).
static bool section_string(reader_t *r, const dwarf_section_t *sec, uint64_t off, const char **s,
                           size_t *n, const char *what) {
    if (off >= sec->len) {
        return fail(r, what);
    }
    const uint8_t *end = memchr(sec->data + off, 0, sec->len - off);
    if (!end) {
        return fail(r, what);
    }
    *s = (const char *)sec->data + off;
    *n = (size_t)(end - (sec->data + off));
    return true;
}

typedef struct {
    const char *name;
    size_t len;
} file_name_t;

// One line-number program's header.
typedef struct {
    unsigned version, offset_size, address_size;
    uint8_t min_inst_len, default_is_stmt, line_range, opcode_base;
    int8_t line_base;
    const uint8_t *opcode_lengths;
    file_name_t *files;
    size_t n_files;
    size_t program, end; // where the program starts and the unit ends
} line_header_t;

enum {
    DW_FORM_block = 0x09,
    DW_FORM_data1 = 0x0b,
    DW_FORM_data2 = 0x05,
    DW_FORM_data4 = 0x06,
    DW_FORM_data8 = 0x07,
    DW_FORM_data16 = 0x1e,
    DW_FORM_string = 0x08,
    DW_FORM_strp = 0x0e,
    DW_FORM_udata = 0x0f,
    DW_FORM_line_strp = 0x1f,
};

enum { DW_LNCT_path = 1 };

// Reads one attribute of a version 5 directory or file entry; a path
// (form string, strp or line_strp) is returned in *s.
static bool read_form(reader_t *r, const dwarf_line_sections_t *secs, const line_header_t *h,
                      uint64_t form, const char **s, size_t *n) {
    uint64_t v;
    const uint8_t *p;
    *s = NULL;
    switch (form) {
        case DW_FORM_string:
            return read_cstring(r, s, n, "a file or directory name");
        case DW_FORM_strp:
        case DW_FORM_line_strp:
            if (!read_uint(r, h->offset_size, &v, "a string offset")) {
                return false;
            }
            return section_string(r, form == DW_FORM_strp ? &secs->str : &secs->line_str, v, s, n,
                                  form == DW_FORM_strp ? "a .debug_str offset inside the section"
                                                       : "a .debug_line_str offset inside the "
                                                         "section");
        case DW_FORM_udata:
            return read_uleb(r, &v, "a number");
        case DW_FORM_data1:
        case DW_FORM_data2:
        case DW_FORM_data4:
        case DW_FORM_data8:
            return read_uint(r, form == DW_FORM_data1 ? 1 : form == DW_FORM_data2 ? 2
                                : form == DW_FORM_data4 ? 4 : 8,
                             &v, "a number");
        case DW_FORM_data16:
            return read_bytes(r, 16, &p, "a 16-byte value");
        case DW_FORM_block:
            return read_uleb(r, &v, "a block length") &&
                   read_bytes(r, v > SIZE_MAX ? SIZE_MAX : (size_t)v, &p, "a block");
        default:
            return fail(r, "an entry format of form string, strp, line_strp, udata, data1-16 or "
                           "block");
    }
}

static void add_file(line_header_t *h, const char *name, size_t len) {
    if ((h->n_files & (h->n_files + 1)) == 0) {
        file_name_t *p = realloc(h->files, (h->n_files * 2 + 1) * sizeof(*p));
        if (!p) {
            abort();
        }
        h->files = p;
    }
    h->files[h->n_files++] = (file_name_t){name, len};
}

// Version 5's directory or file table: formats, then entries. Files go
// into h->files (directories are read past).
static bool read_entry_table(reader_t *r, const dwarf_line_sections_t *secs, line_header_t *h,
                             bool files) {
    uint64_t n_formats, n_entries, formats[2 * 16];
    if (!read_uint(r, 1, &n_formats, "an entry format count")) {
        return false;
    }
    if (n_formats > 16) {
        return fail(r, "at most 16 entry formats");
    }
    for (uint64_t i = 0; i < n_formats; i++) {
        if (!read_uleb(r, &formats[2 * i], "an entry content type") ||
            !read_uleb(r, &formats[2 * i + 1], "an entry form")) {
            return false;
        }
    }
    if (!read_uleb(r, &n_entries, "an entry count")) {
        return false;
    }
    for (uint64_t e = 0; e < n_entries; e++) {
        const char *path = NULL;
        size_t path_len = 0;
        for (uint64_t i = 0; i < n_formats; i++) {
            const char *s;
            size_t n;
            if (!read_form(r, secs, h, formats[2 * i + 1], &s, &n)) {
                return false;
            }
            if (formats[2 * i] == DW_LNCT_path && s) {
                path = s;
                path_len = n;
            }
        }
        if (files) {
            add_file(h, path ? path : "?", path ? path_len : 1);
        }
    }
    return true;
}

// Versions 2-4: include directories, then file entries, each list ended by
// an empty name. File 0 stands for "none": a placeholder keeps the indexes.
static bool read_v4_tables(reader_t *r, line_header_t *h) {
    const char *s;
    size_t n;
    do {
        if (!read_cstring(r, &s, &n, "an include directory")) {
            return false;
        }
    } while (n);
    add_file(h, "?", 1);
    for (;;) {
        uint64_t v;
        if (!read_cstring(r, &s, &n, "a file name")) {
            return false;
        }
        if (!n) {
            return true;
        }
        add_file(h, s, n);
        for (int i = 0; i < 3; i++) {
            if (!read_uleb(r, &v, "a file's directory, time and size")) {
                return false;
            }
        }
    }
}

static bool read_header(reader_t *r, const dwarf_line_sections_t *secs, line_header_t *h) {
    uint64_t v, unit_len, header_len;
    if (!read_uint(r, 4, &unit_len, "a unit length")) {
        return false;
    }
    h->offset_size = 4;
    if (unit_len == 0xffffffff) {
        h->offset_size = 8;
        if (!read_uint(r, 8, &unit_len, "a 64-bit unit length")) {
            return false;
        }
    }
    if (unit_len > r->len - r->pos) {
        return fail(r, "a unit length within the section");
    }
    h->end = r->pos + (size_t)unit_len;
    if (!read_uint(r, 2, &v, "a version")) {
        return false;
    }
    h->version = (unsigned)v;
    if (h->version < 2 || h->version > 5) {
        r->pos -= 2;
        return fail(r, "a line table version 2 to 5");
    }
    h->address_size = 0;
    if (h->version >= 5) {
        if (!read_uint(r, 1, &v, "an address size") || !read_uint(r, 1, &v, "a segment size")) {
            return false;
        }
    }
    if (!read_uint(r, h->offset_size, &header_len, "a header length")) {
        return false;
    }
    if (header_len > h->end - r->pos) {
        return fail(r, "a header length within the unit");
    }
    h->program = r->pos + (size_t)header_len;
    const uint8_t *p;
    if (!read_bytes(r, h->version >= 4 ? 5 : 4, &p, "the header's parameters")) {
        return false;
    }
    h->min_inst_len = p[0];
    if (h->version >= 4) {
        p++; // maximum operations per instruction: 1 except on VLIW machines
    }
    h->default_is_stmt = p[1];
    h->line_base = (int8_t)p[2];
    h->line_range = p[3];
    if (!read_uint(r, 1, &v, "the opcode base")) {
        return false;
    }
    h->opcode_base = (uint8_t)v;
    if (h->line_range == 0) {
        return fail(r, "a line range other than 0");
    }
    if (h->opcode_base == 0 ||
        !read_bytes(r, h->opcode_base - 1u, &h->opcode_lengths, "the standard opcode lengths")) {
        return h->opcode_base ? false : fail(r, "an opcode base other than 0");
    }
    bool ok = h->version >= 5 ? read_entry_table(r, secs, h, false) &&
                                    read_entry_table(r, secs, h, true)
                              : read_v4_tables(r, h);
    if (ok && r->pos > h->program) {
        return fail(r, "the file table to end within the header length");
    }
    return ok;
}

typedef struct {
    uint64_t address, file, line;
} row_t;

enum {
    DW_LNS_copy = 1,
    DW_LNS_advance_pc,
    DW_LNS_advance_line,
    DW_LNS_set_file,
    DW_LNS_set_column,
    DW_LNS_negate_stmt,
    DW_LNS_set_basic_block,
    DW_LNS_const_add_pc,
    DW_LNS_fixed_advance_pc,
};

enum { DW_LNE_end_sequence = 1, DW_LNE_set_address = 2 };

// The search: the rows come in order within a sequence, and the previous
// row covers addr when the new one lies above it.
typedef struct {
    uint64_t addr;
    row_t prev;
    bool have_prev; // prev is a row of the current sequence
    row_t best;
    bool found;
} search_t;

// A row emitted (end_seq: the end of its sequence, which covers nothing);
// true when it makes a better match.
static bool emit(search_t *s, const row_t *row, bool end_seq) {
    bool hit = s->have_prev && s->prev.address <= s->addr && s->addr < row->address &&
               (!s->found || s->prev.address >= s->best.address);
    if (hit) {
        s->best = s->prev;
        s->found = true;
    }
    s->prev = *row;
    s->have_prev = !end_seq;
    return hit;
}

// Runs the program of header h; *hit when a row of it became the best match.
static bool run_program(reader_t *r, const line_header_t *h, search_t *s, bool *hit) {
    row_t row = {0, 1, 1};
    s->have_prev = false;
    r->pos = h->program;    while (r->pos < h->end && !r->failed) {
        uint64_t op, v;
        int64_t delta;
        if (!read_uint(r, 1, &op, "an opcode")) {
            return false;
        }
        if (op >= h->opcode_base) {
            unsigned adj = (unsigned)op - h->opcode_base;
            row.address += (uint64_t)(adj / h->line_range) * h->min_inst_len;
            row.line += (uint64_t)(int64_t)(h->line_base + (int)(adj % h->line_range));
            *hit |= emit(s, &row, false);
            continue;
        }
        switch (op) {
            case 0: {
                if (!read_uleb(r, &v, "an extended opcode length") ||
                    v > h->end - r->pos || v == 0) {
                    return r->failed ? false : fail(r, "an extended opcode within the unit");
                }
                size_t next = r->pos + (size_t)v;
                uint64_t sub;
                if (!read_uint(r, 1, &sub, "an extended opcode")) {
                    return false;
                }
                if (sub == DW_LNE_end_sequence) {
                    *hit |= emit(s, &row, true);
                    row = (row_t){0, 1, 1};
                } else if (sub == DW_LNE_set_address) {
                    if (v - 1 > 8 || !read_uint(r, (unsigned)(v - 1), &row.address, "an address")) {
                        return r->failed ? false : fail(r, "an address of at most 8 bytes");
                    }
                }
                r->pos = next;
                break;
            }
            case DW_LNS_copy:
                *hit |= emit(s, &row, false);
                break;
            case DW_LNS_advance_pc:
                if (!read_uleb(r, &v, "an address advance")) {
                    return false;
                }
                row.address += v * h->min_inst_len;
                break;
            case DW_LNS_advance_line:
                if (!read_sleb(r, &delta, "a line advance")) {
                    return false;
                }
                row.line += (uint64_t)delta;
                break;
            case DW_LNS_set_file:
                if (!read_uleb(r, &row.file, "a file index")) {
                    return false;
                }
                break;
            case DW_LNS_const_add_pc:
                row.address += (uint64_t)((255u - h->opcode_base) / h->line_range) * h->min_inst_len;
                break;
            case DW_LNS_fixed_advance_pc:
                if (!read_uint(r, 2, &v, "a fixed address advance")) {
                    return false;
                }
                row.address += v;
                break;
            default:
                // Any other standard opcode: skip its operands, whose count
                // the header gives (set_column, negate_stmt... included).
                for (unsigned i = 0; i < h->opcode_lengths[op - 1]; i++) {
                    if (!read_uleb(r, &v, "an opcode operand")) {
                        return false;
                    }
                }
                break;
        }
    }
    return !r->failed;
}

dwarf_line_result_t dwarf_line_find(const dwarf_line_sections_t *s, uint64_t addr,
                                    dwarf_line_t *out, char *err, size_t errlen) {
    reader_t r = {.data = s->line.data, .len = s->line.len, .err = err, .errlen = errlen};
    search_t search = {.addr = addr};
    const char *file = NULL;
    size_t file_len = 0;
    while (r.pos < r.len) {
        line_header_t h = {0};
        bool hit = false;
        bool ok = read_header(&r, s, &h) && run_program(&r, &h, &search, &hit);
        if (ok && hit) {
            if (search.best.file < h.n_files) {
                file = h.files[search.best.file].name;
                file_len = h.files[search.best.file].len;
            } else {
                file = "?";
                file_len = 1;
            }
        }
        free(h.files);
        if (!ok) {
            return DWARF_LINE_ERROR;
        }
        r.pos = h.end;
    }
    if (!search.found) {
        return DWARF_LINE_NONE;
    }
    *out = (dwarf_line_t){file, file_len, search.best.line};
    return DWARF_LINE_FOUND;
}
