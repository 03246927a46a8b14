// Checking the bytecode of every function in a .mpy file: each instruction
// decodes, its qstr, object and child indices are in range, and every jump
// lands on the start of an instruction of the same function.
#ifndef MPY_MPY_CHECK_H
#define MPY_MPY_CHECK_H

#include <stdbool.h>

#include "mpy/mpy_read.h"

bool mpy_check_bytecode(const mpy_file_t *f, mpy_error_t *err);

// mpy_check_bytecode, and each function's flow verified for the VM (see
// bc_verify.h), after its frame layout: arguments and closure cells within
// n_state. What the runtime checks before it loads a file.
bool mpy_verify_bytecode(const mpy_file_t *f, mpy_error_t *err);

// Checks one function (rc must be bytecode).
bool mpy_check_function(const mpy_file_t *f, const mpy_raw_code_t *rc, mpy_error_t *err);

#endif
