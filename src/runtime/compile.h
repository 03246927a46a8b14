// The compiler's unit-level entry for tools and tests: source to raw codes
// and the module context holding their constant tables (mp_compile wraps
// this and makes the function object).
#ifndef RUNTIME_COMPILE_H
#define RUNTIME_COMPILE_H

#include "runtime/runtime.h"

typedef struct {
    rt_raw_code_t *rc;            // the module's code; children via rc->rc.children
    mp_module_context_t *context; // constants.qstr_table / obj_table
    size_t n_qstrs, n_objs;
} compiled_unit_t;

// MicroPython's optimisation level (-O[N], micropython.opt_level()): from 1
// __debug__ is False and assert statements compile to nothing; from 3 the
// code keeps no line numbers. Read when code is compiled.
extern mp_uint_t compile_opt_level;

void compile_unit(const char *source, size_t len, qstr source_file, mp_parse_input_kind_t kind,
    mp_obj_dict_t *globals, compiled_unit_t *out);

#endif
