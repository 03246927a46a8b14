// mpy-tool merge: several .mpy files into one, as MicroPython v1.21's
// tools/mpy-tool.py --merge does it.
//
// The merged file holds the qstr tables and then the object tables of all
// inputs, one after the other; an outer bytecode function that makes and
// calls each input's module code in turn; and the inputs' module code as its
// children. The input with native code (at most one) goes first and is
// copied as it is; the code of each other input is rewritten so that its
// qstr and object indices point into the combined tables.
#ifndef MPY_TOOL_MERGE_H
#define MPY_TOOL_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "mpy-tool/input.h"

// Merges inputs[0..n) (in command-line order) into out. Problems are
// reported on stderr.
bool merge_inputs(tool_input_t *inputs, size_t n, buf_t *out);

#endif
