#include "mpy-tool/merge.h"

#include <stdlib.h>

#include "mpy-tool/diag.h"
#include "mpy-tool/rewrite.h"
#include "mpy/bc_opcodes.h"
#include "mpy/mpy_arch.h"
#include "mpy/mpy_format.h"
#include "mpy/mpy_write.h"

// The order the inputs go in: the native one first, the others as given.
// Refuses a second native input.
static bool order_inputs(tool_input_t *inputs, size_t n, tool_input_t **order) {
    tool_input_t *native = NULL;
    for (size_t i = 0; i < n; i++) {
        if (inputs[i].mpy.arch == MP_NATIVE_ARCH_NONE) {
            continue;
        }
        if (native) {
            const char *a = mpy_arch_name(native->mpy.arch), *b = mpy_arch_name(inputs[i].mpy.arch);
            tool_error("cannot merge %s and %s: both contain native code (%s, %s); at most one "
                       "input may",
                       native->path, inputs[i].path, a ? a : "?", b ? b : "?");
            return false;
        }
        native = &inputs[i];
    }
    size_t k = 0;
    if (native) {
        order[k++] = native;
    }
    for (size_t i = 0; i < n; i++) {
        if (&inputs[i] != native) {
            order[k++] = &inputs[i];
        }
    }
    return true;
}

// The outer function: make and call each part, then return None.
static void write_outer_code(buf_t *out, size_t n_parts) {
    buf_t code = {0};
    buf_put_u8(&code, 0x00); // signature: n_state 1, no arguments
    buf_put_u8(&code, 0x02); // sizes: n_info 1, n_cell 0
    buf_put_u8(&code, 0x00); // name: qstr 0, the first part's source file
    for (size_t i = 0; i < n_parts; i++) {
        buf_put_u8(&code, BC_MAKE_FUNCTION);
        mpy_write_uint(&code, i);
        buf_put_u8(&code, BC_CALL_FUNCTION);
        buf_put_u8(&code, 0x00);
        buf_put_u8(&code, BC_POP_TOP);
    }
    buf_put_u8(&code, BC_LOAD_CONST_NONE);
    buf_put_u8(&code, BC_RETURN_VALUE);
    mpy_write_uint(out, (uint64_t)code.len << 3 | 1 << 2); // bytecode with children
    buf_append(out, code.data, code.len);
    mpy_write_uint(out, n_parts);
    buf_free(&code);
}

static bool merge_parts(tool_input_t **parts, size_t n, unsigned small_int_bits, buf_t *out) {
    const mpy_file_t *first = &parts[0]->mpy;
    uint8_t feature = 0;
    if (first->arch != MP_NATIVE_ARCH_NONE) {
        feature = (uint8_t)MPY_FEATURE_ENCODE(first->arch, first->sub_version);
        if (first->arch_flags) {
            feature |= MPY_FEATURE_ARCH_FLAGS;
        }
    }
    uint8_t header[4] = {MPY_MAGIC, MPY_VERSION, feature, (uint8_t)small_int_bits};
    buf_append(out, header, sizeof(header));
    if (feature & MPY_FEATURE_ARCH_FLAGS) {
        mpy_write_uint(out, first->arch_flags);
    }

    size_t n_qstrs = 0, n_objs = 0;
    for (size_t i = 0; i < n; i++) {
        n_qstrs += parts[i]->mpy.n_qstrs;
        n_objs += parts[i]->mpy.n_objs;
    }
    mpy_write_uint(out, n_qstrs);
    mpy_write_uint(out, n_objs);
    // The tables are copied byte for byte.
    for (size_t i = 0; i < n; i++) {
        const mpy_file_t *f = &parts[i]->mpy;
        buf_append(out, f->data + f->qstrs_offset, f->objs_offset - f->qstrs_offset);
    }
    for (size_t i = 0; i < n; i++) {
        const mpy_file_t *f = &parts[i]->mpy;
        buf_append(out, f->data + f->objs_offset, f->raw_code_offset - f->objs_offset);
    }

    write_outer_code(out, n);

    size_t qstr_base = 0, obj_base = 0;
    for (size_t i = 0; i < n; i++) {
        const mpy_file_t *f = &parts[i]->mpy;
        if (i == 0) {
            // The first part keeps its indices: copied to the end of its file.
            buf_append(out, f->data + f->raw_code_offset, f->len - f->raw_code_offset);
        } else {
            mpy_error_t err = {0};
            if (!rewrite_raw_code(f, &f->rc, qstr_base, obj_base, out, &err)) {
                tool_file_error(parts[i]->path, &err);
                return false;
            }
        }
        qstr_base += f->n_qstrs;
        obj_base += f->n_objs;
    }
    return true;
}

bool merge_inputs(tool_input_t *inputs, size_t n, buf_t *out) {
    for (size_t i = 0; i < n; i++) {
        const mpy_file_t *f = &inputs[i].mpy;
        if (f->n_qstrs == 0) {
            tool_error("%s: the qstr table is empty; a module's table starts with its source "
                       "file name",
                       inputs[i].path);
            return false;
        }
        if (f->end != f->len && n > 1) {
            tool_error("%s: offset 0x%zx: %zu more bytes after the end of the module; mpy-cross "
                       "and mpy-ld write none, and merging would misplace them",
                       inputs[i].path, f->end, f->len - f->end);
            return false;
        }
    }
    if (n == 1) {
        buf_append(out, inputs[0].mpy.data, inputs[0].mpy.len);
        return true;
    }
    tool_input_t **order = xcalloc(n, sizeof(tool_input_t *));
    bool ok = order_inputs(inputs, n, order) &&
              merge_parts(order, n, inputs[n - 1].mpy.small_int_bits, out);
    free(order);
    return ok;
}
