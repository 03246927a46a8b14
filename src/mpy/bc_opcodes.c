#include "mpy/bc_opcodes.h"

#define OP(name_, operand_, stack_) {name_, operand_, false, false, false, stack_, BC_STACK_FIXED}
#define OPR(name_, operand_, stack_, rule_) {name_, operand_, false, false, false, stack_, rule_}
#define OPX(name_, operand_, stack_, rule_) {name_, operand_, true, false, false, stack_, rule_}

// Opcodes with their own byte. Bytes not listed are not v6 opcodes.
static const bc_opcode_info_t opcodes[256] = {
    // 0x10: qstr operand
    [0x10] = OP("LOAD_CONST_STRING", BC_OPERAND_QSTR, 1),
    [0x11] = OP("LOAD_NAME", BC_OPERAND_QSTR, 1),
    [0x12] = OP("LOAD_GLOBAL", BC_OPERAND_QSTR, 1),
    [0x13] = OP("LOAD_ATTR", BC_OPERAND_QSTR, 0),
    [0x14] = OP("LOAD_METHOD", BC_OPERAND_QSTR, 1),
    [0x15] = OP("LOAD_SUPER_METHOD", BC_OPERAND_QSTR, -1),
    [0x16] = OP("STORE_NAME", BC_OPERAND_QSTR, -1),
    [0x17] = OP("STORE_GLOBAL", BC_OPERAND_QSTR, -1),
    [0x18] = OP("STORE_ATTR", BC_OPERAND_QSTR, -2),
    [0x19] = OP("DELETE_NAME", BC_OPERAND_QSTR, 0),
    [0x1a] = OP("DELETE_GLOBAL", BC_OPERAND_QSTR, 0),
    [0x1b] = OP("IMPORT_NAME", BC_OPERAND_QSTR, -1),
    [0x1c] = OP("IMPORT_FROM", BC_OPERAND_QSTR, 1),

    // 0x20, 0x30: var uint operand
    [0x20] = OPX("MAKE_CLOSURE", BC_OPERAND_CHILD, 1, BC_STACK_CLOSURE),
    [0x21] = OPX("MAKE_CLOSURE_DEFARGS", BC_OPERAND_CHILD, -1, BC_STACK_CLOSURE),
    [0x22] = OP("LOAD_CONST_SMALL_INT", BC_OPERAND_SMALL_INT, 1),
    [0x23] = OP("LOAD_CONST_OBJ", BC_OPERAND_OBJ, 1),
    [0x24] = OP("LOAD_FAST_N", BC_OPERAND_UINT, 1),
    [0x25] = OP("LOAD_DEREF", BC_OPERAND_UINT, 1),
    [0x26] = OP("STORE_FAST_N", BC_OPERAND_UINT, -1),
    [0x27] = OP("STORE_DEREF", BC_OPERAND_UINT, -1),
    [0x28] = OP("DELETE_FAST", BC_OPERAND_UINT, 0),
    [0x29] = OP("DELETE_DEREF", BC_OPERAND_UINT, 0),
    [0x2a] = OPR("BUILD_TUPLE", BC_OPERAND_UINT, 0, BC_STACK_BUILD),
    [0x2b] = OPR("BUILD_LIST", BC_OPERAND_UINT, 0, BC_STACK_BUILD),
    [0x2c] = OP("BUILD_MAP", BC_OPERAND_UINT, 1),
    [0x2d] = OPR("BUILD_SET", BC_OPERAND_UINT, 0, BC_STACK_BUILD),
    [0x2e] = OPR("BUILD_SLICE", BC_OPERAND_UINT, 0, BC_STACK_BUILD),
    [0x2f] = OPR("STORE_COMP", BC_OPERAND_UINT, 0, BC_STACK_STORE_COMP),
    [0x30] = OPR("UNPACK_SEQUENCE", BC_OPERAND_UINT, 0, BC_STACK_UNPACK_SEQ),
    [0x31] = OPR("UNPACK_EX", BC_OPERAND_UINT, 0, BC_STACK_UNPACK_EX),
    [0x32] = OP("MAKE_FUNCTION", BC_OPERAND_CHILD, 1),
    [0x33] = OP("MAKE_FUNCTION_DEFARGS", BC_OPERAND_CHILD, -1),
    [0x34] = OPR("CALL_FUNCTION", BC_OPERAND_UINT, 0, BC_STACK_CALL),
    [0x35] = OPR("CALL_FUNCTION_VAR_KW", BC_OPERAND_UINT, -1, BC_STACK_CALL),
    [0x36] = OPR("CALL_METHOD", BC_OPERAND_UINT, -1, BC_STACK_CALL),
    [0x37] = OPR("CALL_METHOD_VAR_KW", BC_OPERAND_UINT, -2, BC_STACK_CALL),

    // 0x40: jump offset operand
    [0x40] = OPX("UNWIND_JUMP", BC_OPERAND_JUMP, 0, BC_STACK_FIXED),
    [0x41] = {"JUMP_IF_UNWINDING", BC_OPERAND_JUMP, false, false, true, 0, BC_STACK_FIXED},
    [0x42] = OP("JUMP", BC_OPERAND_JUMP, 0),
    [0x43] = OP("POP_JUMP_IF_TRUE", BC_OPERAND_JUMP, -1),
    [0x44] = OP("POP_JUMP_IF_FALSE", BC_OPERAND_JUMP, -1),
    [0x45] = OP("JUMP_IF_TRUE_OR_POP", BC_OPERAND_JUMP_FWD, -1),
    [0x46] = OP("JUMP_IF_FALSE_OR_POP", BC_OPERAND_JUMP_FWD, -1),
    [0x47] = OP("SETUP_WITH", BC_OPERAND_JUMP_FWD, 2),
    [0x48] = OP("SETUP_EXCEPT", BC_OPERAND_JUMP_FWD, 0),
    [0x49] = OP("SETUP_FINALLY", BC_OPERAND_JUMP_FWD, 0),
    [0x4a] = OP("POP_EXCEPT_JUMP", BC_OPERAND_JUMP_FWD, 0),
    [0x4b] = OP("FOR_ITER", BC_OPERAND_JUMP_FWD, 1),

    // 0x50, 0x60: no operand
    [0x50] = OP("LOAD_CONST_FALSE", BC_OPERAND_NONE, 1),
    [0x51] = OP("LOAD_CONST_NONE", BC_OPERAND_NONE, 1),
    [0x52] = OP("LOAD_CONST_TRUE", BC_OPERAND_NONE, 1),
    [0x53] = OP("LOAD_NULL", BC_OPERAND_NONE, 1),
    [0x54] = OP("LOAD_BUILD_CLASS", BC_OPERAND_NONE, 1),
    [0x55] = OP("LOAD_SUBSCR", BC_OPERAND_NONE, -1),
    [0x56] = OP("STORE_SUBSCR", BC_OPERAND_NONE, -3),
    [0x57] = OP("DUP_TOP", BC_OPERAND_NONE, 1),
    [0x58] = OP("DUP_TOP_TWO", BC_OPERAND_NONE, 2),
    [0x59] = OP("POP_TOP", BC_OPERAND_NONE, -1),
    [0x5a] = OP("ROT_TWO", BC_OPERAND_NONE, 0),
    [0x5b] = OP("ROT_THREE", BC_OPERAND_NONE, 0),
    [0x5c] = OP("WITH_CLEANUP", BC_OPERAND_NONE, 2),
    [0x5d] = OP("END_FINALLY", BC_OPERAND_NONE, -1),
    [0x5e] = OP("GET_ITER", BC_OPERAND_NONE, 0),
    [0x5f] = OP("GET_ITER_STACK", BC_OPERAND_NONE, 3),
    [0x62] = OP("STORE_MAP", BC_OPERAND_NONE, -2),
    [0x63] = OP("RETURN_VALUE", BC_OPERAND_NONE, -1),
    [0x64] = OP("RAISE_LAST", BC_OPERAND_NONE, 0),
    [0x65] = OP("RAISE_OBJ", BC_OPERAND_NONE, -1),
    [0x66] = OP("RAISE_FROM", BC_OPERAND_NONE, -2),
    [0x67] = OP("YIELD_VALUE", BC_OPERAND_NONE, 0),
    [0x68] = OP("YIELD_FROM", BC_OPERAND_NONE, -1),
    [0x69] = OP("IMPORT_STAR", BC_OPERAND_NONE, -1),
};

// The multi-opcodes: one entry per family.
static const bc_opcode_info_t multi_small_int = {"LOAD_CONST_SMALL_INT", BC_OPERAND_NONE, false, true, false, 1, BC_STACK_FIXED};
static const bc_opcode_info_t multi_load_fast = {"LOAD_FAST", BC_OPERAND_NONE, false, true, false, 1,
                                                 BC_STACK_FIXED};
static const bc_opcode_info_t multi_store_fast = {"STORE_FAST", BC_OPERAND_NONE, false, true, false, -1,
                                                  BC_STACK_FIXED};
static const bc_opcode_info_t multi_unary = {"UNARY_OP", BC_OPERAND_NONE, false, true, false, 0,
                                             BC_STACK_FIXED};
static const bc_opcode_info_t multi_binary = {"BINARY_OP", BC_OPERAND_NONE, false, true, false, -1,
                                              BC_STACK_FIXED};

static const char *const unary_op_names[BC_UNARY_OP_COUNT] = {
    "__pos__", "__neg__", "__invert__", "<not>",
};

static const char *const binary_op_names[BC_BINARY_OP_COUNT] = {
    "__lt__",      "__gt__",       "__eq__",       "__le__",        "__ge__",
    "__ne__",      "<in>",         "<is>",         "<exception match>",
    "__ior__",     "__ixor__",     "__iand__",     "__ilshift__",   "__irshift__",
    "__iadd__",    "__isub__",     "__imul__",     "__imatmul__",   "__ifloordiv__",
    "__itruediv__", "__imod__",    "__ipow__",     "__or__",        "__xor__",
    "__and__",     "__lshift__",   "__rshift__",   "__add__",       "__sub__",
    "__mul__",     "__matmul__",   "__floordiv__", "__truediv__",   "__mod__",
    "__pow__",
};

const bc_opcode_info_t *bc_opcode_info(uint8_t opcode) {
    if (opcode >= BC_LOAD_CONST_SMALL_INT_MULTI && opcode < BC_LOAD_FAST_MULTI) {
        return &multi_small_int;
    }
    if (opcode >= BC_LOAD_FAST_MULTI && opcode < BC_STORE_FAST_MULTI) {
        return &multi_load_fast;
    }
    if (opcode >= BC_STORE_FAST_MULTI && opcode < BC_UNARY_OP_MULTI) {
        return &multi_store_fast;
    }
    if (opcode >= BC_UNARY_OP_MULTI && opcode < BC_UNARY_OP_MULTI + BC_UNARY_OP_COUNT) {
        return &multi_unary;
    }
    if (opcode >= BC_BINARY_OP_MULTI && opcode < BC_BINARY_OP_MULTI + BC_BINARY_OP_COUNT) {
        return &multi_binary;
    }
    return opcodes[opcode].name ? &opcodes[opcode] : NULL;
}

int bc_implicit_value(uint8_t opcode) {
    if (opcode >= BC_LOAD_CONST_SMALL_INT_MULTI && opcode < BC_LOAD_FAST_MULTI) {
        return opcode - BC_LOAD_CONST_SMALL_INT_MULTI - BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS;
    }
    if (opcode >= BC_LOAD_FAST_MULTI && opcode < BC_STORE_FAST_MULTI) {
        return opcode - BC_LOAD_FAST_MULTI;
    }
    if (opcode >= BC_STORE_FAST_MULTI && opcode < BC_UNARY_OP_MULTI) {
        return opcode - BC_STORE_FAST_MULTI;
    }
    if (opcode >= BC_UNARY_OP_MULTI && opcode < BC_BINARY_OP_MULTI) {
        return opcode - BC_UNARY_OP_MULTI;
    }
    if (opcode >= BC_BINARY_OP_MULTI) {
        return opcode - BC_BINARY_OP_MULTI;
    }
    return 0;
}

bc_format_t bc_opcode_format(uint8_t opcode) {
    // Two bits per high nibble: 0x1_ qstr, 0x2_ and 0x3_ var uint, 0x4_ offset.
    return (bc_format_t)((0x000003a4u >> (2 * (opcode >> 4))) & 3);
}

const char *bc_unary_op_name(unsigned op) {
    return op < BC_UNARY_OP_COUNT ? unary_op_names[op] : NULL;
}

const char *bc_binary_op_name(unsigned op) {
    return op < BC_BINARY_OP_COUNT ? binary_op_names[op] : NULL;
}

const char *bc_operand_name(bc_operand_t operand) {
    switch (operand) {
        case BC_OPERAND_NONE:
            return "none";
        case BC_OPERAND_QSTR:
            return "qstr";
        case BC_OPERAND_UINT:
            return "uint";
        case BC_OPERAND_SMALL_INT:
            return "int";
        case BC_OPERAND_OBJ:
            return "obj";
        case BC_OPERAND_CHILD:
            return "child";
        case BC_OPERAND_JUMP:
            return "jump";
        case BC_OPERAND_JUMP_FWD:
            return "jump-forward";
    }
    return "?";
}
