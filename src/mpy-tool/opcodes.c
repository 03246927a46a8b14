#include "mpy-tool/opcodes.h"

#include "mpy-tool/json.h"
#include "mpy-tool/text.h"
#include "mpy/bc_opcodes.h"

// The stack effect as a formula of the operand n and the extra byte x.
static void stack_formula(buf_t *b, const bc_opcode_info_t *info) {
    switch ((bc_stack_rule_t)info->stack_rule) {
        case BC_STACK_FIXED:
            buf_printf(b, "%+d", info->stack);
            return;
        case BC_STACK_BUILD:
            text_puts(b, "1-n");
            return;
        case BC_STACK_UNPACK_SEQ:
            text_puts(b, "n-1");
            return;
        case BC_STACK_UNPACK_EX:
            text_puts(b, "(n&0xff)+(n>>8)");
            return;
        case BC_STACK_CALL:
            buf_printf(b, "%d-(n&0xff)-2*(n>>8)", info->stack);
            return;
        case BC_STACK_CLOSURE:
            buf_printf(b, "%d-x", info->stack);
            return;
        case BC_STACK_STORE_COMP:
            text_puts(b, "-1, dict -2");
            return;
    }
}

// Display name: multi-opcodes carry their value ("LOAD_FAST 3").
static void opcode_name(buf_t *b, unsigned op, const bc_opcode_info_t *info) {
    text_puts(b, info->name);
    if (info->implicit) {
        int v = bc_implicit_value((uint8_t)op);
        buf_printf(b, " %d", v);
        const char *name = NULL;
        if (op >= BC_BINARY_OP_MULTI) {
            name = bc_binary_op_name((unsigned)v);
        } else if (op >= BC_UNARY_OP_MULTI) {
            name = bc_unary_op_name((unsigned)v);
        }
        if (name) {
            buf_printf(b, " %s", name);
        }
    }
}

void opcodes_list(buf_t *out, bool as_json) {
    json_t j;
    if (as_json) {
        json_init(&j, out, 0);
        json_begin_array(&j, NULL);
    } else {
        buf_printf(out, "%-4s  %-34s %-13s %-6s %s\n", "op", "name", "operand", "extra",
                    "stack effect (n: operand, x: extra byte)");
    }
    for (unsigned op = 0; op < 256; op++) {
        const bc_opcode_info_t *info = bc_opcode_info((uint8_t)op);
        if (!info || info->internal) {
            continue;
        }
        buf_t name = {0}, stack = {0};
        opcode_name(&name, op, info);
        stack_formula(&stack, info);
        const char *operand = info->implicit ? "-" : bc_operand_name(info->operand);
        if (as_json) {
            json_begin_inline(&j);
            json_begin_object(&j, NULL);
            json_uint(&j, "opcode", op);
            json_str(&j, "name", name.data, name.len);
            json_cstr(&j, "operand", info->implicit ? "implicit" : operand);
            json_bool(&j, "extra_byte", info->extra_byte);
            json_uint(&j, "format", bc_opcode_format((uint8_t)op));
            json_str(&j, "stack", stack.data, stack.len);
            json_end_object(&j);
            json_end_inline(&j);
        } else {
            buf_printf(out, "0x%02x  %-34s %-13s %-6s %s\n", op, text_cstr(&name), operand,
                        info->extra_byte ? "+byte" : "", text_cstr(&stack));
        }
        buf_free(&name);
        buf_free(&stack);
    }
    if (as_json) {
        json_end_array(&j);
        buf_put_u8(out, '\n');
    }
}
