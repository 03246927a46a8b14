// Decoding and encoding single bytecode instructions (see bc_opcodes.h).
#ifndef MPY_BC_DECODE_H
#define MPY_BC_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpy/bc_opcodes.h"

// Longest instruction: opcode, 10-byte operand, extra byte.
#define BC_INSN_MAX_BYTES 12

typedef struct {
    size_t offset; // of the opcode byte, from the start of the code
    size_t size;   // bytes of the whole instruction
    uint8_t opcode;
    const bc_opcode_info_t *info;
    // The operand, or the value of a multi-opcode; for a jump the offset
    // relative to the end of the operand.
    int64_t arg;
    uint8_t extra; // the extra byte, when info->extra_byte
    bool wide;     // a jump offset in the two-byte form
    int64_t target; // jumps: offset of the destination (may lie outside the code)
} bc_insn_t;

typedef enum {
    BC_DECODE_OK,
    BC_DECODE_UNKNOWN_OPCODE,
    BC_DECODE_TRUNCATED,
    BC_DECODE_TOO_LARGE,
} bc_decode_status_t;

// Decodes the instruction at code[offset] (code has len bytes).
bc_decode_status_t bc_decode_insn(const uint8_t *code, size_t len, size_t offset, bc_insn_t *insn);

// What went wrong, for a message such as "bytecode at 0x12: <this>".
const char *bc_decode_status_text(bc_decode_status_t status);

// How the instruction changes the stack depth (bc_stack_rule_t).
int64_t bc_stack_effect(const bc_insn_t *insn);

// Encodes opcode with its operand into out (BC_INSN_MAX_BYTES) and returns
// the length. For a jump, arg is the distance from the opcode byte to the
// destination; the one-byte form is chosen whenever it reaches, and
// *overflow is set when not even the two-byte form does. For other opcodes
// arg is the operand (ignored for opcodes without one); extra is written
// for the opcodes that take an extra byte.
size_t bc_encode_insn(uint8_t opcode, int64_t arg, uint8_t extra, uint8_t *out, bool *overflow);

#endif
