// The linker's state: input sections and symbols, the GOT, the output
// regions, and the .mpy relocations collected on the way.
//
// Data flow (link.c drives it): load each object (load.c), resolve undefined
// symbols (resolve.c), build the GOT (got.c), order the output sections
// (order.c: the arch lists the groups) and lay them out in the text, rodata
// and BSS regions (layout.c), fill the GOT, apply relocations
// (reloc.c), then write the .mpy (emit.c).
//
// What differs between architectures lives in one arch_<isa>.c file each
// (arch.h): relocation types and how each is computed and patched, the entry
// jump, call stubs, and the link steps an architecture does its own way
// (xtensa's literal pools). Adding an architecture means adding such a file
// and listing it in arch.c.
#ifndef MPY_LD_LINK_H
#define MPY_LD_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/strmap.h"
#include "mpy-ld/arch.h"
#include "mpy-ld/archive.h"
#include "mpy-ld/elf.h"
#include "mpy/mpy_write.h"

typedef enum {
    SEC_TEXT,           // .text*
    SEC_RODATA,         // .rodata*
    SEC_DATA_REL_RO,    // .data.rel.ro*: read-only after relocation
    SEC_BSS,            // .bss*, and COMMON symbols
    SEC_DATA,           // .data*: initialised writable data (data.c)
    SEC_INIT_ARRAY,     // .init_array*: constructors run on import (data.c)
    SEC_LITERAL,        // .literal* (xtensa): consumed to build GOT and LIT
    SEC_GOT,            // the GOT the linker makes
    SEC_LIT,            // xtensa: the de-duplicated literal table
    // Places outside the module, filled in by the loader:
    SEC_EXT_FUN_TABLE,  // mp_fun_table itself
    SEC_EXT_FUN_ENTRY,  // an object mp_fun_table points to (mp_type_list...)
    SEC_EXT_QSTR_TABLE, // mp_native_qstr_table
    SEC_EXT_OBJ_TABLE,  // mp_native_obj_table
    SEC_EXT_FIXED,      // fixed-address symbols (--externs): never relocated
} sec_kind_t;

typedef enum { REGION_TEXT, REGION_RODATA, REGION_BSS, REGION_NONE } region_t;

struct ld_object;

typedef struct ld_section {
    struct ld_object *obj; // NULL for sections the linker makes
    const char *name;
    sec_kind_t kind;
    const uint8_t *data; // NULL: all zeros
    uint32_t size;
    uint32_t align;
    uint32_t addr; // offset in its region once laid out
    // Writable sections (data.c): placed in text (arch_t.writable_text, for
    // code that reaches them PC-relatively), and for .data kept in BSS, the
    // offset of its initial image in text or rodata.
    bool in_text;
    uint32_t image_addr;
    place_t place; // its group in the output order (order.c)
    elf_reloc_t *relocs;
    size_t n_relocs;
    const char *reloc_name;
    struct got_entry **literal_got; // xtensa literal pools: per word, its GOT entry or NULL
    uint32_t *literal_slot;         // xtensa literal pools: per word, its LIT offset
    bool kept;      // --gc-sections: mpy_init reaches it (gc.c)
    bool discarded; // --gc-sections: not reached, left out of the module
    uint32_t *static_stub;          // per relocation: 1 + its static stub (data.c), or 0
} ld_section_t;

typedef struct ld_symbol {
    const elf_symbol_t *elf;
    struct ld_object *obj;
    ld_section_t *section;     // where it is defined, or a SEC_EXT_* section
    uint64_t value;            // offset in section
    struct ld_symbol *resolved; // an undefined global's definition in another object
    uint32_t fun_table_index;  // for SEC_EXT_FUN_ENTRY
    struct got_entry *got;     // its GOT entry, if code loads it through the GOT
    bool unreferenced;         // --gc-sections: only discarded sections refer to it
} ld_symbol_t;

typedef struct ld_object {
    const char *path;
    elf_file_t elf;
    ld_section_t **by_index; // ELF section index -> loaded section, or NULL
    ld_symbol_t *symbols;    // parallel to elf.symbols
    // An archive member: the undefined symbol that took it, and the object
    // that referenced that symbol.
    const char *taken_for;
    const struct ld_object *taken_by;
} ld_object_t;

typedef struct got_entry {
    const char *name;           // as mpy_ld.py names it: symbol, or "sym+0xN", or "section+0xN"
    ld_symbol_t *sym;     // the symbol as first referenced
    char *owned_name, *owned_key; // allocated for this entry, if any
    const ld_section_t *target; // the section it points into, once resolved
    uint64_t addend;      // xtensa: offset from the symbol
    uint64_t link_addr;   // the value stored before load-time relocation
    uint32_t offset;      // offset in the GOT
} got_entry_t;

// Upper bound on mp_fun_table entries (80 in .mpy 6.1, 87 in 6.3).
#define MPY_FUN_TABLE_MAX 128

// A fixed-address symbol from --externs.
typedef struct {
    char *name;
    uint32_t addr;
    size_t line; // where the file defines it
} ld_extern_t;

typedef struct link_env {
    const arch_t *arch;
    unsigned sub_version; // of the .mpy written: its header and mp_fun_table
    uint64_t arch_flags;  // the header's architecture flags (6.3), or 0
    ld_object_t **objects;
    size_t n_objects;
    ld_section_t **inputs;   // the objects' sections in load order, then COMMON blocks
    size_t n_inputs;
    ld_section_t **sections; // every output section in output order (order.c)
    size_t n_sections;
    ld_section_t **literal_sections;
    size_t n_literal_sections;
    bool gc_sections;          // --gc-sections: drop what mpy_init does not reach
    ld_section_t **discarded;  // the input sections it dropped, in load order
    size_t n_discarded;
    strmap_t known_syms;    // defined globals by name
    ld_symbol_t **undefined; // undefined globals, in file and symbol order
    size_t n_undefined;
    ld_symbol_t **commons;   // COMMON symbols, in file and symbol order
    size_t n_commons;
    ld_section_t **common_sections; // the BSS made for them
    size_t n_common_sections;
    ld_extern_t *externs;   // fixed-address symbols (--externs), in file order
    size_t n_externs;
    strmap_t externs_by_name; // name -> 1 + index in externs
    archive_t *archives;    // libraries to take members from
    size_t n_archives;
    char **owned_paths;     // names of objects taken from archives
    size_t n_owned_paths;
    struct {
        const uint8_t *data;
        size_t len;
    } *mapped;              // input files, mapped for the whole link
    size_t n_mapped;

    got_entry_t **got;      // GOT entries, in first-reference order, then sorted
    size_t n_got;
    strmap_t got_by_key;
    uint32_t *lit_values;   // xtensa LIT entries in order (arch_xtensa.c)
    size_t n_lit;
    ld_section_t got_section;
    ld_section_t lit_section;
    size_t entry_jump_len;       // bytes before the first section: the jump to mpy_init
    ld_section_t veneer_section; // armv6m: long jump to a far mpy_init
    ld_section_t *call_stubs[MPY_FUN_TABLE_MAX]; // by mp_fun_table index
    uint32_t stub_order[MPY_FUN_TABLE_MAX];      // their indexes, in first-call order
    size_t n_stubs;
    ld_section_t ext_fun_table, ext_fun_entry, ext_qstr_table, ext_obj_table, ext_fixed;

    // Initialised data and constructors (data.c).
    const char *init_object;  // --init-object: linked when the module needs it
    const char *entry_name;   // the function the entry jump reaches
    ld_section_t data_image;  // the .data sections' initial values, in text or rodata
    ld_section_t data_live;   // where they live: the start of BSS
    ld_section_t **init_arrays; // .ctors, then .init_array sections in the order they run
    size_t n_init_arrays;
    ld_section_t init_array;  // marks the constructor table: its start and size
    ld_section_t static_stubs; // RF_STATIC_VIA_GOT: one stub per site
    elf_symbol_t init_elf_syms[6];
    ld_symbol_t init_syms[6]; // the symbols the init object refers to

    buf_t text, rodata;
    uint32_t bss_size;
    mpy_reloc_t *mpy_relocs;
    size_t n_mpy_relocs, cap_mpy_relocs;
    // Where the parts of the .mpy went (file offsets), once written.
    struct {
        size_t text, text_end, rodata, relocs, end;
    } emitted;
} link_env_t;

// load.c
// Loads an object file, or registers a library (an ar archive, also when
// given as an ordinary input).
bool link_load_input(link_env_t *env, const char *path, bool library);
// The same for a file already in memory (image, which must outlive the link).
bool link_load_image(link_env_t *env, const char *path, const uint8_t *image, size_t size,
                     bool library);
// A library named by a linker script, depth scripts deep.
bool link_load_library(link_env_t *env, const char *path, unsigned depth);
bool link_load_archive_members(link_env_t *env);
// libscript.c: libraries that are GNU ld scripts (GROUP(...) of archives)
bool libscript_is_script(const uint8_t *image, size_t size);
bool libscript_load(link_env_t *env, const char *path, const uint8_t *image, size_t size,
                    unsigned depth);
// Adds an input section (of an object, or a COMMON block).
void link_add_input(link_env_t *env, ld_section_t *sec);
// externs.c
// Reads the fixed-address symbols of a linker-script file (--externs).
bool link_read_externs(link_env_t *env, const char *path);
// True (with *addr) if name is a fixed-address symbol.
bool link_find_extern(const link_env_t *env, const char *name, uint32_t *addr);
// resolve.c
bool link_resolve_symbols(link_env_t *env);
// True if name is defined by an object or provided by the loader.
bool link_symbol_is_provided(link_env_t *env, const char *name);
// True for the mp_fun_table entries that are C library functions (memset...).
bool link_is_fun_table_function(const link_env_t *env, uint32_t index);
bool link_allocate_commons(link_env_t *env);
ld_symbol_t *symbol_target(ld_symbol_t *sym); // follows ->resolved
// gc.c
// Drops the input sections that mpy_init does not reach (--gc-sections).
void link_gc_sections(link_env_t *env);
// got.c
bool link_build_got(link_env_t *env);
// Adds a GOT entry for sym, or returns the entry already filed under key
// (key NULL: an entry of its own). The entry takes ownership of owned_name
// and owned_key, or frees them if one exists already.
got_entry_t *link_got_add(link_env_t *env, const char *key, ld_symbol_t *sym, const char *name,
                          char *owned_name, char *owned_key, uint64_t addend);
// True if sym (referenced from sec at offset) can be reached through the GOT.
bool link_check_got_symbol(const ld_symbol_t *sym, const ld_section_t *sec, uint64_t offset);
bool link_populate_got(link_env_t *env);
// order.c
// Makes env->sections: the output sections in the order the arch lists
// their groups.
void link_order_sections(link_env_t *env);
// layout.c
region_t section_region(const link_env_t *env, const ld_section_t *sec);
const char *region_name(region_t region); // "text", "rodata", "bss"
// Orders and places every section; false (with an error) if a region grows too large.
bool link_layout(link_env_t *env);
void link_log_sections(const link_env_t *env);
void link_add_mpy_reloc(link_env_t *env, region_t where, uint32_t byte_offset, uint32_t dest);
uint32_t section_reloc_dest(const link_env_t *env, const ld_section_t *sec);
// data.c
// Loads the init object when the module has initialised data in BSS or
// constructors, and defines the symbols it refers to.
bool link_add_init_object(link_env_t *env);
// Decides which writable sections go into text (arch_t.writable_text) and
// refuses what cannot work; after the symbols are resolved.
bool link_plan_data(link_env_t *env);
// Places the .data kept in BSS at its start and sizes their image (from link_layout).
void link_layout_data(link_env_t *env);
// Copies the .data sections into their image, once laid out.
void link_write_data_image(link_env_t *env);
// Whether sym (not yet resolved) is defined in a section that lives in BSS.
bool link_symbol_in_bss(link_env_t *env, const ld_symbol_t *sym);
// The GOT key of a variable in BSS reached PC-relatively (RF_STATIC_VIA_GOT).
void link_static_got_key(const ld_symbol_t *sym, int64_t addend, char *key, size_t len);
// Makes room for the stub of a RF_STATIC_VIA_GOT relocation (got.c).
void link_add_static_stub(link_env_t *env, ld_section_t *sec, const elf_reloc_t *r);
// The offset in text of the stub of a RF_STATIC_VIA_GOT relocation, or -1.
int64_t link_static_stub(link_env_t *env, const ld_section_t *sec, const elf_reloc_t *r);
// Whether a section's relocations patch its image (.data kept in BSS).
bool section_has_image(const link_env_t *env, const ld_section_t *sec);
// stubs.c
void link_add_call_stubs(link_env_t *env);
const ld_section_t *link_call_stub(const link_env_t *env, const ld_symbol_t *target);
void link_write_call_stubs(link_env_t *env);
// reloc.c
bool link_apply_relocations(link_env_t *env);
// link.c
void link_init(link_env_t *env, const arch_t *arch, unsigned sub_version);
// Links the inputs: on success text starts with the jump to mpy_init.
bool link_run(link_env_t *env, char **inputs, size_t n_inputs, char **libs, size_t n_libs);
// The link proper, once the inputs are loaded.
bool link_finish(link_env_t *env);
void link_free(link_env_t *env);
// symtab.c
// A symbol the module defines, where it ended up.
typedef struct {
    const char *name;
    const ld_symbol_t *sym;       // the definition (sym->obj: the object it came from)
    const ld_section_t *section;  // the output section holding it
    region_t region;
    uint32_t offset;              // from the start of the region
    uint32_t size;
    bool unused;                  // a weak definition that a strong one replaced
    size_t order;                 // in the objects' symbol tables
} link_symbol_t;
// Every function, data object and COMMON block of the linked sections, by
// region and offset (the caller frees the list).
link_symbol_t *link_defined_symbols(const link_env_t *env, size_t *n);
// map.c
// The link map: sections, symbols, inputs, GOT, mp_fun_table entries and
// relocation records of the module written as mpy_name.
void link_write_map(const link_env_t *env, buf_t *out, const char *mpy_name);
// size.c
// What the .mpy's bytes are spent on, and the largest symbols and inputs.
void link_write_size_report(const link_env_t *env, buf_t *out, const char *mpy_name);
// debugelf.c
// The module as an ELF file for debuggers (--debug-elf): text at address 0
// as in the .mpy, symbols, and the objects' DWARF relocated to match.
bool link_write_debug_elf(const link_env_t *env, buf_t *out);
// emit.c
void link_write_mpy(link_env_t *env, buf_t *out, const char *mpy_name, char **qstrs,
                    size_t n_qstrs);

#endif
