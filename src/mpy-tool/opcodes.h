// mpy-tool opcodes: the bytecode opcode table, as text or JSON.
#ifndef MPY_TOOL_OPCODES_H
#define MPY_TOOL_OPCODES_H

#include <stdbool.h>

#include "base/buf.h"

void opcodes_list(buf_t *out, bool json);

#endif
