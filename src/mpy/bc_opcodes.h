// The opcodes of MicroPython's v6 bytecode (.mpy version 6): one table of
// names, operand formats and stack effects, shared by everything that reads
// or writes bytecode (mpy-tool merge and dump, the compiler, the VM).
//
// An instruction is an opcode byte, then at most one operand, then (for four
// opcodes) one extra byte:
//   - var uint: 7 bits per byte, most significant group first, bit 7 set on
//     every byte but the last (qstr index, object index, child index, count);
//   - signed var int: the same, bit 6 of the first byte is the sign;
//   - jump offset, relative to the end of the operand: one byte when bit 7 is
//     clear, else two bytes (low 7 bits, then 8 more); a signed offset is
//     stored biased by 0x40 (one byte) or 0x4000 (two bytes).
#ifndef MPY_BC_OPCODES_H
#define MPY_BC_OPCODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// What follows the opcode byte.
typedef enum {
    BC_OPERAND_NONE,      // nothing (the multi-opcodes carry a value in the opcode itself)
    BC_OPERAND_QSTR,      // var uint: index into the module's qstr table
    BC_OPERAND_UINT,      // var uint: a count, a local number, packed counts
    BC_OPERAND_SMALL_INT, // signed var int
    BC_OPERAND_OBJ,       // var uint: index into the module's object table
    BC_OPERAND_CHILD,     // var uint: index of a child raw code
    BC_OPERAND_JUMP,      // signed relative jump offset
    BC_OPERAND_JUMP_FWD,  // unsigned (forward) relative jump offset
} bc_operand_t;

// The four coarse formats the VM tells apart by the high nibble of the opcode.
typedef enum {
    BC_FORMAT_BYTE = 0,
    BC_FORMAT_QSTR = 1,
    BC_FORMAT_VAR_UINT = 2,
    BC_FORMAT_OFFSET = 3,
} bc_format_t;

// How the stack depth changes: a fixed amount, or one computed from the
// operand (n) or the extra byte (x). The figures are those the compiler
// books when it emits the instruction, from which it sizes the stack.
typedef enum {
    BC_STACK_FIXED,       // stack
    BC_STACK_BUILD,       // 1 - n
    BC_STACK_UNPACK_SEQ,  // n - 1
    BC_STACK_UNPACK_EX,   // (n & 0xff) + (n >> 8)
    BC_STACK_CALL,        // stack - (n & 0xff) - 2 * (n >> 8)
    BC_STACK_CLOSURE,     // stack - x
    BC_STACK_STORE_COMP,  // -1, or -2 for a dict (n & 3 == 1)
} bc_stack_rule_t;

typedef struct {
    const char *name;   // as MicroPython names it, without "MP_BC_"
    uint8_t operand;    // bc_operand_t
    bool extra_byte;    // a byte follows the operand
    bool implicit;      // a multi-opcode: the value is part of the opcode byte
    int8_t stack;       // fixed part of the stack effect
    uint8_t stack_rule; // bc_stack_rule_t
} bc_opcode_info_t;

// Ranges of the multi-opcodes.
#define BC_LOAD_CONST_SMALL_INT_MULTI 0x70 // 64 values, -16..47
#define BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS 16
#define BC_LOAD_FAST_MULTI 0xb0  // 16 locals
#define BC_STORE_FAST_MULTI 0xc0 // 16 locals
#define BC_UNARY_OP_MULTI 0xd0   // 4 operators
#define BC_BINARY_OP_MULTI 0xd7  // 35 operators
#define BC_UNARY_OP_COUNT 4
#define BC_BINARY_OP_COUNT 35

// Opcodes that tools generate or look for by value.
enum {
    BC_LOAD_CONST_STRING = 0x10,
    BC_LOAD_CONST_SMALL_INT = 0x22,
    BC_LOAD_CONST_OBJ = 0x23,
    BC_MAKE_FUNCTION = 0x32,
    BC_CALL_FUNCTION = 0x34,
    BC_LOAD_CONST_NONE = 0x51,
    BC_POP_TOP = 0x59,
    BC_RETURN_VALUE = 0x63,
};

// The opcode's entry, or NULL for a byte that is no opcode of v6 bytecode.
const bc_opcode_info_t *bc_opcode_info(uint8_t opcode);

// The value a multi-opcode carries (small int, local number, operator).
int bc_implicit_value(uint8_t opcode);

// The format nibble rule of the VM; defined for every byte.
bc_format_t bc_opcode_format(uint8_t opcode);

// Special-method name of unary operator 0..3 and binary operator 0..34, as
// MicroPython's tools print them ("__add__", "<in>"); NULL when out of range.
const char *bc_unary_op_name(unsigned op);
const char *bc_binary_op_name(unsigned op);

// Name of an operand kind ("qstr", "jump", ...).
const char *bc_operand_name(bc_operand_t operand);

#endif
