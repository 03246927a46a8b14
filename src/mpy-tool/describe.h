// Wording shared by the text and JSON dumps: objects, scope flags,
// relocation destinations and instruction operands.
#ifndef MPY_TOOL_DESCRIBE_H
#define MPY_TOOL_DESCRIBE_H

#include <stddef.h>

#include "base/buf.h"
#include "mpy/bc_decode.h"
#include "mpy/mpy_read.h"

// An object as Python would write it: 'abc', b'xy', 1.5, (1, 2), None...
// Strings longer than max bytes are cut (0: never).
void describe_obj(buf_t *b, const mpy_obj_t *o, size_t max);

// Names of the set scope flags joined by '|' ("VARARGS|GENERATOR"), or
// "none". Bits 0x10..0x40 are named after the code kind (viper flags for
// native code loaded from a .mpy).
void describe_scope_flags(buf_t *b, unsigned kind, uint32_t flags);

// The firmware releases that load the file: "MicroPython v1.20-v1.21 (.mpy
// 6.1)" for native code, which only loads into its own sub-version; any
// release from v1.19 for bytecode alone.
void describe_releases(buf_t *b, const mpy_file_t *f);

// Destination of a relocation: "text", "rodata", "bss", "qstr_table",
// "obj_table", "fun_table", "fun_table[12]".
void describe_reloc_dest(buf_t *b, uint32_t dest);
// The field name of a mp_fun_table entry destination, or NULL.
const char *reloc_fun_table_name(const mpy_file_t *f, uint32_t dest);

// The operand of an instruction, for a disassembly: "'print' (qstr 4)",
// "-> 0012", "3", "__add__"; empty when it has none.
void describe_operand(buf_t *b, const mpy_file_t *f, const mpy_raw_code_t *rc,
                      const bc_insn_t *in);

#endif
