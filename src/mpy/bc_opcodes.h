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
    bool internal;      // the host VM's own, never in a .mpy file (see bc_lower.h)
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

// Every opcode with its own byte, by value (BC_<MicroPython's name>).
enum {
    BC_LOAD_CONST_STRING = 0x10,
    BC_LOAD_NAME = 0x11,
    BC_LOAD_GLOBAL = 0x12,
    BC_LOAD_ATTR = 0x13,
    BC_LOAD_METHOD = 0x14,
    BC_LOAD_SUPER_METHOD = 0x15,
    BC_STORE_NAME = 0x16,
    BC_STORE_GLOBAL = 0x17,
    BC_STORE_ATTR = 0x18,
    BC_DELETE_NAME = 0x19,
    BC_DELETE_GLOBAL = 0x1a,
    BC_IMPORT_NAME = 0x1b,
    BC_IMPORT_FROM = 0x1c,
    BC_MAKE_CLOSURE = 0x20,
    BC_MAKE_CLOSURE_DEFARGS = 0x21,
    BC_LOAD_CONST_SMALL_INT = 0x22,
    BC_LOAD_CONST_OBJ = 0x23,
    BC_LOAD_FAST_N = 0x24,
    BC_LOAD_DEREF = 0x25,
    BC_STORE_FAST_N = 0x26,
    BC_STORE_DEREF = 0x27,
    BC_DELETE_FAST = 0x28,
    BC_DELETE_DEREF = 0x29,
    BC_BUILD_TUPLE = 0x2a,
    BC_BUILD_LIST = 0x2b,
    BC_BUILD_MAP = 0x2c,
    BC_BUILD_SET = 0x2d,
    BC_BUILD_SLICE = 0x2e,
    BC_STORE_COMP = 0x2f,
    BC_UNPACK_SEQUENCE = 0x30,
    BC_UNPACK_EX = 0x31,
    BC_MAKE_FUNCTION = 0x32,
    BC_MAKE_FUNCTION_DEFARGS = 0x33,
    BC_CALL_FUNCTION = 0x34,
    BC_CALL_FUNCTION_VAR_KW = 0x35,
    BC_CALL_METHOD = 0x36,
    BC_CALL_METHOD_VAR_KW = 0x37,
    BC_UNWIND_JUMP = 0x40,
    BC_JUMP_IF_UNWINDING = 0x41, // internal: see bc_lower.h
    BC_JUMP = 0x42,
    BC_POP_JUMP_IF_TRUE = 0x43,
    BC_POP_JUMP_IF_FALSE = 0x44,
    BC_JUMP_IF_TRUE_OR_POP = 0x45,
    BC_JUMP_IF_FALSE_OR_POP = 0x46,
    BC_SETUP_WITH = 0x47,
    BC_SETUP_EXCEPT = 0x48,
    BC_SETUP_FINALLY = 0x49,
    BC_POP_EXCEPT_JUMP = 0x4a,
    BC_FOR_ITER = 0x4b,
    BC_LOAD_CONST_FALSE = 0x50,
    BC_LOAD_CONST_NONE = 0x51,
    BC_LOAD_CONST_TRUE = 0x52,
    BC_LOAD_NULL = 0x53,
    BC_LOAD_BUILD_CLASS = 0x54,
    BC_LOAD_SUBSCR = 0x55,
    BC_STORE_SUBSCR = 0x56,
    BC_DUP_TOP = 0x57,
    BC_DUP_TOP_TWO = 0x58,
    BC_POP_TOP = 0x59,
    BC_ROT_TWO = 0x5a,
    BC_ROT_THREE = 0x5b,
    BC_WITH_CLEANUP = 0x5c,
    BC_END_FINALLY = 0x5d,
    BC_GET_ITER = 0x5e,
    BC_GET_ITER_STACK = 0x5f,
    BC_STORE_MAP = 0x62,
    BC_RETURN_VALUE = 0x63,
    BC_RAISE_LAST = 0x64,
    BC_RAISE_OBJ = 0x65,
    BC_RAISE_FROM = 0x66,
    BC_YIELD_VALUE = 0x67,
    BC_YIELD_FROM = 0x68,
    BC_IMPORT_STAR = 0x69,
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
