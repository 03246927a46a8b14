// The compiler's SyntaxError/IndentationError with file and line.
#include "runtime/compile_error.h"

static qstr error_file = MP_QSTR__lt_stdin_gt_;

qstr compile_error_set_file(qstr file) {
    qstr old = error_file;
    error_file = file;
    return old;
}

void compile_error_at(const mp_obj_type_t *type, qstr block, size_t line, const char *msg) {
    // Formatted, so that the text is copied (msg may be a transient buffer).
    mp_obj_t exc = mp_obj_new_exception_msg_varg(type, MP_ERROR_TEXT("%s"), msg);
    mp_obj_exception_add_traceback(exc, error_file, line, block);
    nlr_raise(exc);
}
