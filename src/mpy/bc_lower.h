// Lowering bytecode for the host VM before it is verified and run.
//
// `async with` compiles to a finally handler that tells an exception from
// the marker of a jump or return by testing the value on top with
//     DUP_TOP; LOAD_GLOBAL BaseException; BINARY_OP <exception match>;
//     POP_JUMP_IF_FALSE L
// and then handles the two with stacks of different depths. Whether the test
// is right depends on what the name BaseException means when it runs, which
// a module can change: the verifier (bc_verify.h) could not trust it, and
// the VM's stack would be wrong if it lied. So the sequence is rewritten to
//     JUMP +k; POP_TOP...(never run); JUMP_IF_UNWINDING L
// where JUMP_IF_UNWINDING (an opcode of this VM only) asks the innermost
// handler block how it was entered: by a jump or return, or not. For an
// except clause `except BaseException:` (the same sequence) the answer is
// the same as the test's: its block is never entered by a jump or return.
// Offsets do not change, so line numbers and jump targets stay valid; a
// sequence that some jump lands inside is left alone.
#ifndef MPY_BC_LOWER_H
#define MPY_BC_LOWER_H

#include <stddef.h>
#include <stdint.h>

#include "mpy/mpy_read.h"

// Rewrites code[0..len) (the bytecode of one function of f, already
// checked by mpy_check_function) in place.
void bc_lower(const mpy_file_t *f, uint8_t *code, size_t len);

#endif
