// Loading the .mpy files given on the command line: read, parsed and with
// the bytecode of every function checked.
#ifndef MPY_TOOL_INPUT_H
#define MPY_TOOL_INPUT_H

#include <stdbool.h>

#include "base/buf.h"
#include "mpy/mpy_read.h"

typedef struct {
    const char *path;
    buf_t bytes;
    mpy_file_t mpy;
} tool_input_t;

// Loads path into *in; reports any problem on stderr and returns false.
bool input_load(tool_input_t *in, const char *path);
// The same for in->bytes, already filled (in->path names them in messages).
bool input_parse(tool_input_t *in);
void input_free(tool_input_t *in);

#endif
