// Reading a whole .mpy file (version 6) into a tree that points into the
// file's bytes: header, qstr table, object table, and the raw-code tree with
// bytecode preludes and, for native code, rodata, BSS and relocation stream.
// The input is treated as hostile: every count and length is checked
// against what is left, and errors tell the offset and what was expected.
// The layout followed is the one MicroPython's loader reads:
//
//   header      'M', 6, arch << 2 | sub-version, small-int bits; from 6.3,
//               if bit 6 of the third byte is set, the arch flags (var uint)
//   counts      n_qstr, n_obj (var uints)
//   qstrs       static: (number << 1 | 1); other: (len << 1), bytes, NUL
//   objects     kind byte, then per kind: nothing, a tuple's length and
//               items, or a length and bytes (str and bytes add a NUL)
//   raw code    kind/length (len << 3 | has_children << 2 | kind - 2),
//               the function's data, then for native code:
//                 native Python: prelude offset
//                 viper, asm:    scope flags; asm: n_pos_args, type signature
//                 viper:         rodata size, BSS size, rodata (as the
//                                scope flags say)
//                 relocation stream (when the scope flags say so)
//               then (if has_children) the number of children and each child
#ifndef MPY_MPY_READ_H
#define MPY_MPY_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpy/bc_prelude.h"

// Kinds of constant objects in the object table.
typedef enum {
    MPY_OBJ_FUN_TABLE = 0,
    MPY_OBJ_NONE = 1,
    MPY_OBJ_FALSE = 2,
    MPY_OBJ_TRUE = 3,
    MPY_OBJ_ELLIPSIS = 4,
    MPY_OBJ_STR = 5,
    MPY_OBJ_BYTES = 6,
    MPY_OBJ_INT = 7,
    MPY_OBJ_FLOAT = 8,
    MPY_OBJ_COMPLEX = 9,
    MPY_OBJ_TUPLE = 10,
} mpy_obj_kind_t;

// "str", "tuple", ... ; NULL for an unknown kind.
const char *mpy_obj_kind_name(unsigned kind);

// Deepest nesting of raw codes and of tuples accepted.
#define MPY_READ_MAX_DEPTH 200

typedef struct {
    size_t offset;      // of the entry in the file
    uint32_t static_id; // number of a static qstr, 0 for one spelled out
    const char *str;    // its text (into the file, or the static qstr table)
    size_t len;
} mpy_qstr_t;

typedef struct mpy_obj {
    size_t offset; // of the kind byte
    uint8_t kind;  // mpy_obj_kind_t
    // str, bytes: the contents; int, float, complex: the number as text.
    const uint8_t *data;
    size_t len; // bytes of data, or items of a tuple
    struct mpy_obj *items;
} mpy_obj_t;

// One record of a relocation stream: count machine words, starting at word
// "word" of text or rodata (base), each get the address of dest added.
typedef struct {
    size_t offset;  // of the op byte in the file
    bool has_addr;  // the record sets the position (otherwise it continues)
    uint8_t base;   // enum mpy_reloc_base
    uint64_t word;  // first word patched
    uint32_t dest;  // enum mpy_reloc_dest; MPY_RELOC_FUN_TABLE_ENTRY + i for entry i
    uint64_t count;
} mpy_reloc_entry_t;

typedef struct mpy_raw_code {
    size_t offset;    // of the kind/length field
    uint8_t kind;     // enum mpy_code_kind
    bool has_children; // the flag in the kind/length field
    size_t data_offset; // of the function's data (bytecode or machine code)
    size_t data_len;
    const uint8_t *data;

    // Bytecode and native Python functions: the prelude (at prelude_offset
    // in data; 0 for bytecode).
    bool has_prelude;
    size_t prelude_offset;
    bc_prelude_t prelude;

    // Native code.
    uint32_t scope_flags; // bytecode and native Python: from the prelude
    uint64_t asm_n_pos_args, asm_type_sig;
    bool has_rodata, has_bss;
    uint64_t rodata_size, bss_size;
    size_t rodata_offset;
    const uint8_t *rodata;
    bool has_relocs;
    size_t relocs_offset; // of the stream; it ends with a 0xff byte
    mpy_reloc_entry_t *relocs;
    size_t n_relocs;

    struct mpy_raw_code *children;
    size_t n_children;
    size_t end; // just after this raw code and all its children
} mpy_raw_code_t;

typedef struct {
    const char *name; // for messages
    const uint8_t *data;
    size_t len;
    unsigned version, sub_version, arch, small_int_bits;
    bool has_arch_flags; // bit 6 of the feature byte
    uint64_t arch_flags;
    size_t qstrs_offset, objs_offset, raw_code_offset;
    mpy_qstr_t *qstrs;
    size_t n_qstrs;
    mpy_obj_t *objs;
    size_t n_objs;
    mpy_raw_code_t rc; // the module's outer code
    size_t end;        // just after the raw-code tree; data[end..len) is trailing
} mpy_file_t;

typedef struct {
    size_t offset; // in the file
    char message[256];
} mpy_error_t;

// Reads the .mpy held in data[0..len) (which must outlive *f). name is used
// in messages. On failure returns false with *err filled in and *f empty.
bool mpy_read(mpy_file_t *f, const char *name, const uint8_t *data, size_t len, mpy_error_t *err);
void mpy_file_free(mpy_file_t *f);

// The function name of a raw code (from its prelude), or NULL for viper and
// asm code, which store none.
const mpy_qstr_t *mpy_raw_code_name(const mpy_file_t *f, const mpy_raw_code_t *rc);

// "bytecode", "native", "viper", "asm".
const char *mpy_code_kind_name(unsigned kind);

#endif
