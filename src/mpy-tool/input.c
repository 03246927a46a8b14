#include "mpy-tool/input.h"

#include <string.h>

#include "base/file.h"
#include "mpy-tool/diag.h"
#include "mpy/mpy_check.h"

bool input_load(tool_input_t *in, const char *path) {
    *in = (tool_input_t){0};
    in->path = path;
    int e = file_read_all(path, &in->bytes);
    if (e) {
        tool_error("%s: cannot read: %s", path, strerror(e));
        return false;
    }
    return input_parse(in);
}

bool input_parse(tool_input_t *in) {
    const char *path = in->path;
    mpy_error_t err = {0};
    if (!mpy_read(&in->mpy, path, in->bytes.data, in->bytes.len, &err) ||
        !mpy_check_bytecode(&in->mpy, &err)) {
        tool_file_error(path, &err);
        return false;
    }
    return true;
}

void input_free(tool_input_t *in) {
    mpy_file_free(&in->mpy);
    buf_free(&in->bytes);
}
