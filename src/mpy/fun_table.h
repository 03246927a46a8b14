// Entries of mp_fun_table by .mpy sub-version: 80 in 6.1 and 6.2 (MicroPython
// v1.20 to v1.22), 87 in 6.3 (v1.23 on).
#ifndef MPY_FUN_TABLE_H
#define MPY_FUN_TABLE_H

#include <stddef.h>

// Entries in the table of that sub-version (0 and unknown ones count as 6.1).
size_t fun_table_size(unsigned sub_version);

// Field name of entry index ("load_name", "type_list", ...), or NULL.
const char *fun_table_name(unsigned sub_version, size_t index);

#endif
