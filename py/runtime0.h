// Numbers shared by the firmware and native code: the unary and binary
// operator codes taken by mp_unary_op/mp_binary_op, the native type codes of
// mp_fun_table's conversion entries, and the scope flags.
#ifndef MP_SDK_PY_RUNTIME0_H
#define MP_SDK_PY_RUNTIME0_H

// Scope flags (of a function's code).
#define MP_SCOPE_FLAG_ALL_SIG (0x0f)
#define MP_SCOPE_FLAG_GENERATOR (0x01)
#define MP_SCOPE_FLAG_VARKEYWORDS (0x02)
#define MP_SCOPE_FLAG_VARARGS (0x04)
#define MP_SCOPE_FLAG_DEFKWARGS (0x08)
#define MP_SCOPE_FLAG_REFGLOBALS (0x10)
#define MP_SCOPE_FLAG_HASCONSTS (0x20)
#define MP_SCOPE_FLAG_VIPERRET_POS (6)
#define MP_SCOPE_FLAG_VIPERRELOC (0x10)
#define MP_SCOPE_FLAG_VIPERRODATA (0x20)
#define MP_SCOPE_FLAG_VIPERBSS (0x40)

// Type codes for mp_fun_table.native_from_obj / native_to_obj.
#define MP_NATIVE_TYPE_OBJ (0x00)
#define MP_NATIVE_TYPE_BOOL (0x01)
#define MP_NATIVE_TYPE_INT (0x02)
#define MP_NATIVE_TYPE_UINT (0x03)
#define MP_NATIVE_TYPE_PTR (0x04)
#define MP_NATIVE_TYPE_PTR8 (0x05)
#define MP_NATIVE_TYPE_PTR16 (0x06)
#define MP_NATIVE_TYPE_PTR32 (0x07)
#define MP_NATIVE_TYPE_QSTR (0x08)

typedef enum {
    // Operators that bytecode can name.
    MP_UNARY_OP_POSITIVE = 0,
    MP_UNARY_OP_NEGATIVE = 1,
    MP_UNARY_OP_INVERT = 2,
    MP_UNARY_OP_NOT = 3,
    // Runtime-only operators (special methods).
    MP_UNARY_OP_BOOL = 4,          // __bool__
    MP_UNARY_OP_LEN = 5,           // __len__
    MP_UNARY_OP_HASH = 6,          // __hash__, gives a small int
    MP_UNARY_OP_ABS = 7,           // __abs__
    MP_UNARY_OP_INT_MAYBE = 8,     // __int__
    MP_UNARY_OP_FLOAT_MAYBE = 9,   // __float__
    MP_UNARY_OP_COMPLEX_MAYBE = 10, // __complex__
    MP_UNARY_OP_SIZEOF = 11,       // sys.getsizeof()
} mp_unary_op_t;

#define MP_UNARY_OP_NUM_BYTECODE (MP_UNARY_OP_NOT + 1)
#define MP_UNARY_OP_NUM_RUNTIME (MP_UNARY_OP_SIZEOF + 1)

typedef enum {
    // Comparisons (0-8).
    MP_BINARY_OP_LESS = 0,
    MP_BINARY_OP_MORE = 1,
    MP_BINARY_OP_EQUAL = 2,
    MP_BINARY_OP_LESS_EQUAL = 3,
    MP_BINARY_OP_MORE_EQUAL = 4,
    MP_BINARY_OP_NOT_EQUAL = 5,
    MP_BINARY_OP_IN = 6,
    MP_BINARY_OP_IS = 7,
    MP_BINARY_OP_EXCEPTION_MATCH = 8,

    // In-place arithmetic (9-21).
    MP_BINARY_OP_INPLACE_OR = 9,
    MP_BINARY_OP_INPLACE_XOR = 10,
    MP_BINARY_OP_INPLACE_AND = 11,
    MP_BINARY_OP_INPLACE_LSHIFT = 12,
    MP_BINARY_OP_INPLACE_RSHIFT = 13,
    MP_BINARY_OP_INPLACE_ADD = 14,
    MP_BINARY_OP_INPLACE_SUBTRACT = 15,
    MP_BINARY_OP_INPLACE_MULTIPLY = 16,
    MP_BINARY_OP_INPLACE_MAT_MULTIPLY = 17,
    MP_BINARY_OP_INPLACE_FLOOR_DIVIDE = 18,
    MP_BINARY_OP_INPLACE_TRUE_DIVIDE = 19,
    MP_BINARY_OP_INPLACE_MODULO = 20,
    MP_BINARY_OP_INPLACE_POWER = 21,

    // Arithmetic (22-34), in the same order as the in-place group.
    MP_BINARY_OP_OR = 22,
    MP_BINARY_OP_XOR = 23,
    MP_BINARY_OP_AND = 24,
    MP_BINARY_OP_LSHIFT = 25,
    MP_BINARY_OP_RSHIFT = 26,
    MP_BINARY_OP_ADD = 27,
    MP_BINARY_OP_SUBTRACT = 28,
    MP_BINARY_OP_MULTIPLY = 29,
    MP_BINARY_OP_MAT_MULTIPLY = 30,
    MP_BINARY_OP_FLOOR_DIVIDE = 31,
    MP_BINARY_OP_TRUE_DIVIDE = 32,
    MP_BINARY_OP_MODULO = 33,
    MP_BINARY_OP_POWER = 34,

    // Runtime-only operators.
    MP_BINARY_OP_DIVMOD = 35,
    MP_BINARY_OP_CONTAINS = 36,    // IN with the operands swapped

    // Reflected arithmetic (__rxxx__), same order as the arithmetic group.
    MP_BINARY_OP_REVERSE_OR = 37,
    MP_BINARY_OP_REVERSE_XOR = 38,
    MP_BINARY_OP_REVERSE_AND = 39,
    MP_BINARY_OP_REVERSE_LSHIFT = 40,
    MP_BINARY_OP_REVERSE_RSHIFT = 41,
    MP_BINARY_OP_REVERSE_ADD = 42,
    MP_BINARY_OP_REVERSE_SUBTRACT = 43,
    MP_BINARY_OP_REVERSE_MULTIPLY = 44,
    MP_BINARY_OP_REVERSE_MAT_MULTIPLY = 45,
    MP_BINARY_OP_REVERSE_FLOOR_DIVIDE = 46,
    MP_BINARY_OP_REVERSE_TRUE_DIVIDE = 47,
    MP_BINARY_OP_REVERSE_MODULO = 48,
    MP_BINARY_OP_REVERSE_POWER = 49,

    // Compiler-only: synthesised from IN/IS, never passed to the runtime.
    MP_BINARY_OP_NOT_IN = 50,
    MP_BINARY_OP_IS_NOT = 51,
} mp_binary_op_t;

#define MP_BINARY_OP_NUM_BYTECODE (MP_BINARY_OP_POWER + 1)

#endif // MP_SDK_PY_RUNTIME0_H
