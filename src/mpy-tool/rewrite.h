// Re-basing the bytecode of one .mpy's functions onto the combined qstr and
// object tables of a merged file, the way MicroPython v1.21's
// tools/mpy-tool.py --merge writes them (so that the bytes are identical):
// the prelude's name indices are raised and re-encoded, its line info is
// dropped, and every instruction is re-encoded with shortest operands, jumps
// re-measured until all offsets settle.
#ifndef MPY_TOOL_REWRITE_H
#define MPY_TOOL_REWRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "mpy/mpy_read.h"

// Appends rc (and its children) to out with qstr indices raised by qstr_base
// and object indices by obj_base. rc must be bytecode whose instructions
// mpy_check_function accepted.
bool rewrite_raw_code(const mpy_file_t *f, const mpy_raw_code_t *rc, size_t qstr_base,
                      size_t obj_base, buf_t *out, mpy_error_t *err);

#endif
