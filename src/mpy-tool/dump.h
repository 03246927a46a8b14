// mpy-tool dump: the description of a loaded .mpy, as text or as JSON.
#ifndef MPY_TOOL_DUMP_H
#define MPY_TOOL_DUMP_H

#include "base/buf.h"
#include "mpy-tool/input.h"

void dump_text(buf_t *out, const tool_input_t *in);
void dump_json(buf_t *out, const tool_input_t *in, unsigned indent);

#endif
