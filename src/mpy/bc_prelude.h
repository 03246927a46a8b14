// The prelude at the start of a bytecode function (and inside the data of a
// native Python function): the signature, the sizes of the source-info and
// closure sections, and the qstr indices of the function's name and arguments.
//
//   signature     xSSSSEAA, then while x: xFSSKAED (fields interleaved bit-wise)
//                 S = n_state - 1, E = n_exc_stack, F = scope flags,
//                 A = n_pos_args, K = n_kwonly_args, D = n_def_pos_args
//   sizes         xIIIIIIC repeated: I = n_info, C = n_cell
//   source info   n_info bytes: var uint qstr indices of the name and of the
//                 1 + n_pos_args + n_kwonly_args - 1 arguments, then line info
//   closure info  n_cell bytes: local numbers of the cells
//   bytecode      (bytecode functions only) up to the end of the data
#ifndef MPY_BC_PRELUDE_H
#define MPY_BC_PRELUDE_H

#include <stddef.h>
#include <stdint.h>

// Scope flags of the prelude signature.
#define BC_SCOPE_GENERATOR 0x01
#define BC_SCOPE_VARKEYWORDS 0x02
#define BC_SCOPE_VARARGS 0x04
#define BC_SCOPE_DEFKWARGS 0x08

typedef struct {
    // Signature.
    uint32_t n_state, n_exc_stack, scope_flags, n_pos_args, n_kwonly_args, n_def_pos_args;
    // Sizes.
    uint32_t n_info, n_cell;
    // Offsets from the start of the prelude: of the sizes, of the source-info
    // section (first name), of the line info, of the closure section, of the
    // bytecode (the end of the prelude).
    size_t size_offset, source_offset, line_info_offset, closure_offset, code_offset;
    // qstr indices of the name and the arguments (1 + n_pos_args + n_kwonly_args).
    uint64_t *names;
    size_t n_names;
} bc_prelude_t;

// Decodes the prelude at data[0..len). Returns NULL, or a message saying
// what is wrong, with *err_offset set to where (from data). names is
// allocated; release with bc_prelude_free.
const char *bc_prelude_decode(const uint8_t *data, size_t len, bc_prelude_t *prelude,
                              size_t *err_offset);
void bc_prelude_free(bc_prelude_t *prelude);

// Writes the sizes field for n_info and n_cell; returns its length (at
// most BC_PRELUDE_SIZE_MAX_BYTES).
#define BC_PRELUDE_SIZE_MAX_BYTES 40
size_t bc_prelude_encode_size(uint32_t n_info, uint32_t n_cell, uint8_t *out);

#endif
