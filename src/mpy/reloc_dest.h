// Names of the destinations of .mpy relocations, as the tools print them.
#ifndef MPY_RELOC_DEST_H
#define MPY_RELOC_DEST_H

#include <stdint.h>

// "text", "rodata", "bss", "qstr_table", "obj_table", or "fun_table" (the
// table itself, and its entries, which the caller numbers:
// dest - MPY_RELOC_FUN_TABLE_ENTRY).
const char *mpy_reloc_dest_name(uint32_t dest);

#endif
