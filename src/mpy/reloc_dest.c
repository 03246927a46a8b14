#include "mpy/reloc_dest.h"

#include "mpy/mpy_format.h"

const char *mpy_reloc_dest_name(uint32_t dest) {
    switch (dest) {
        case MPY_RELOC_TEXT:
            return "text";
        case MPY_RELOC_RODATA:
            return "rodata";
        case MPY_RELOC_BSS:
            return "bss";
        case MPY_RELOC_QSTR_TABLE:
            return "qstr_table";
        case MPY_RELOC_OBJ_TABLE:
            return "obj_table";
        default:
            return "fun_table";
    }
}
