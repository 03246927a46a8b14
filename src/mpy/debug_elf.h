// Reading the debug ELF of a native module (mpy-ld --debug-elf: text at
// address 0, so a text offset is an address): the function or object at an
// address from .symtab, and its source line from .debug_line. Used by
// mpy-tool addr2line and by mpy-host's fault report. The file is treated as
// hostile: a malformed one gives an error naming the file, the offset and
// what was expected.
#ifndef MPY_DEBUG_ELF_H
#define MPY_DEBUG_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "mpy/dwarf_line.h"

typedef struct {
    const char *name; // NUL-terminated inside the image
    uint64_t addr, size;
} debug_symbol_t;

typedef struct {
    const char *path;
    buf_t image;
    uint16_t machine;
    debug_symbol_t *symbols; // functions and objects
    size_t n_symbols;
    dwarf_line_sections_t dwarf;
} debug_elf_t;

// Reads and checks the ELF file at path. On failure, err (errlen bytes)
// says why; *e holds nothing to free.
bool debug_elf_load(debug_elf_t *e, const char *path, char *err, size_t errlen);
void debug_elf_free(debug_elf_t *e);

// What is at an address: the symbol holding it (or NULL) and its line.
typedef struct {
    const debug_symbol_t *sym;
    uint64_t offset; // from the symbol's start
    bool have_line;
    dwarf_line_t line;
} debug_location_t;

// Looks addr up; false (with err) only for a malformed line table.
bool debug_elf_locate(const debug_elf_t *e, uint64_t addr, debug_location_t *loc, char *err,
                      size_t errlen);

// "NAME+0xNN at FILE:LINE", "NAME+0xNN", or "?" as available.
void debug_location_format(const debug_location_t *loc, char *out, size_t outlen);

#endif
