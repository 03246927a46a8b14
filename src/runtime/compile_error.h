// Raising the compiler's errors: SyntaxError / IndentationError carrying
// MicroPython's message and a traceback entry for the source file and line
// (block: the scope for errors found while compiling, none for errors of the
// lexer and parser, as MicroPython prints them).
#ifndef RUNTIME_COMPILE_ERROR_H
#define RUNTIME_COMPILE_ERROR_H

#include "runtime/runtime.h"

// The file named in errors; mp_compile sets it for the unit it compiles
// and returns the previous one.
qstr compile_error_set_file(qstr file);

NORETURN void compile_error_at(const mp_obj_type_t *type, qstr block, size_t line, const char *msg);

#endif
