// libFuzzer target: mpy-tool on the input as a .mpy file: read and checked,
// dumped as text and as JSON, and merged with itself and with a small
// bytecode module (merging takes at most one native input).
#include <stdlib.h>
#include <string.h>

#include "mpy-tool/dump.h"
#include "mpy-tool/input.h"
#include "mpy-tool/merge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// `x = 1` compiled by mpy-cross v1.21.
static const uint8_t small_module[] = {
    0x4d, 0x06, 0x00, 0x1f, 0x03, 0x00, 0x10, 0x73, 0x6d, 0x61, 0x6c, 0x6c, 0x2e, 0x70, 0x79, 0x00,
    0x0f, 0x02, 0x78, 0x00, 0x40, 0x00, 0x02, 0x01, 0x81, 0x16, 0x02, 0x51, 0x63,
};

static bool fuzz_input(tool_input_t *in, const char *path, const uint8_t *data, size_t size) {
    *in = (tool_input_t){0};
    in->path = path;
    buf_append(&in->bytes, data, size);
    return input_parse(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    tool_input_t in[3];
    if (fuzz_input(&in[0], "fuzz.mpy", data, size)) {
        buf_t out = {0};
        dump_text(&out, &in[0]);
        dump_json(&out, &in[0], 0);
        buf_free(&out);
        if (fuzz_input(&in[1], "fuzz.mpy", data, size) &&
            fuzz_input(&in[2], "small.mpy", small_module, sizeof(small_module))) {
            merge_inputs(in, 2, &out);
            buf_free(&out);
            merge_inputs(in + 1, 2, &out);
            buf_free(&out);
        }
        input_free(&in[1]);
        input_free(&in[2]);
    }
    input_free(&in[0]);
    return 0;
}
