// DWARF line tables (.debug_line, versions 2 to 5): the source file and line
// of a code address. The section is treated as hostile: every read is
// bounds-checked, and a malformed table gives an error naming the offset in
// the section and what was expected.
#ifndef MPY_DWARF_LINE_H
#define MPY_DWARF_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const uint8_t *data;
    size_t len;
} dwarf_section_t;

// The sections a line table reads: the table itself and the string
// sections its version 5 file names may point into (empty if absent).
typedef struct {
    dwarf_section_t line, line_str, str;
} dwarf_line_sections_t;

typedef struct {
    const char *file; // as the table names it (not NUL-terminated)
    size_t file_len;
    uint64_t line;
} dwarf_line_t;

typedef enum { DWARF_LINE_FOUND, DWARF_LINE_NONE, DWARF_LINE_ERROR } dwarf_line_result_t;

// Looks addr up in every line program of the section. On DWARF_LINE_ERROR,
// err (errlen bytes) says what is wrong and where.
dwarf_line_result_t dwarf_line_find(const dwarf_line_sections_t *s, uint64_t addr,
                                    dwarf_line_t *out, char *err, size_t errlen);

#endif
