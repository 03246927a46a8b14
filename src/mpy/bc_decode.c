#include "mpy/bc_decode.h"

#include "mpy/varint.h"

const char *bc_decode_status_text(bc_decode_status_t status) {
    switch (status) {
        case BC_DECODE_OK:
            return "ok";
        case BC_DECODE_UNKNOWN_OPCODE:
            return "not an opcode of .mpy v6 bytecode";
        case BC_DECODE_TRUNCATED:
            return "instruction runs past the end of the code";
        case BC_DECODE_TOO_LARGE:
            return "operand does not fit in 64 bits";
    }
    return "?";
}

static bc_decode_status_t from_varint(varint_status_t s) {
    return s == VARINT_TRUNCATED ? BC_DECODE_TRUNCATED : BC_DECODE_TOO_LARGE;
}

static bc_decode_status_t decode_jump(const uint8_t *code, size_t len, size_t *p, bc_insn_t *insn) {
    if (*p >= len) {
        return BC_DECODE_TRUNCATED;
    }
    uint8_t b = code[(*p)++];
    bool is_signed = insn->info->operand == BC_OPERAND_JUMP;
    if (!(b & 0x80)) {
        insn->arg = (int64_t)b - (is_signed ? 0x40 : 0);
    } else {
        if (*p >= len) {
            return BC_DECODE_TRUNCATED;
        }
        insn->wide = true;
        insn->arg = (int64_t)((b & 0x7f) | (uint32_t)code[(*p)++] << 7) - (is_signed ? 0x4000 : 0);
    }
    return BC_DECODE_OK;
}

bc_decode_status_t bc_decode_insn(const uint8_t *code, size_t len, size_t offset, bc_insn_t *insn) {
    *insn = (bc_insn_t){0};
    insn->offset = offset;
    if (offset >= len) {
        return BC_DECODE_TRUNCATED;
    }
    insn->opcode = code[offset];
    insn->info = bc_opcode_info(insn->opcode);
    if (!insn->info) {
        return BC_DECODE_UNKNOWN_OPCODE;
    }
    size_t p = offset + 1;
    varint_status_t vs;
    switch ((bc_operand_t)insn->info->operand) {
        case BC_OPERAND_NONE:
            insn->arg = insn->info->implicit ? bc_implicit_value(insn->opcode) : 0;
            break;
        case BC_OPERAND_SMALL_INT:
            if ((vs = varint_decode_sint(code, len, &p, &insn->arg)) != VARINT_OK) {
                return from_varint(vs);
            }
            break;
        case BC_OPERAND_QSTR:
        case BC_OPERAND_UINT:
        case BC_OPERAND_OBJ:
        case BC_OPERAND_CHILD: {
            uint64_t u;
            if ((vs = varint_decode_uint(code, len, &p, &u)) != VARINT_OK) {
                return from_varint(vs);
            }
            if (u > (uint64_t)INT64_MAX) {
                return BC_DECODE_TOO_LARGE;
            }
            insn->arg = (int64_t)u;
            break;
        }
        case BC_OPERAND_JUMP:
        case BC_OPERAND_JUMP_FWD: {
            bc_decode_status_t s = decode_jump(code, len, &p, insn);
            if (s != BC_DECODE_OK) {
                return s;
            }
            break;
        }
    }
    if (insn->info->extra_byte) {
        if (p >= len) {
            return BC_DECODE_TRUNCATED;
        }
        insn->extra = code[p++];
    }
    insn->size = p - offset;
    if (insn->info->operand == BC_OPERAND_JUMP || insn->info->operand == BC_OPERAND_JUMP_FWD) {
        // The offset counts from the end of the operand, before any extra byte.
        insn->target = (int64_t)(offset + 1 + (insn->wide ? 2 : 1)) + insn->arg;
    }
    return BC_DECODE_OK;
}

static size_t encode_jump(bool is_signed, int64_t distance, uint8_t *out, bool *overflow) {
    // distance counts from the opcode byte; the stored offset from the end
    // of a one-byte operand, and one byte later for the two-byte form.
    int64_t rel = distance - 2;
    if ((is_signed && rel >= -64 && rel <= 63) || (!is_signed && rel <= 127)) {
        if (is_signed) {
            rel += 0x40;
        }
        if (rel < 0 || rel > 0x7f) {
            *overflow = true;
        }
        out[0] = (uint8_t)((uint64_t)rel & 0x7f);
        return 1;
    }
    rel -= 1;
    if (is_signed) {
        rel += 0x4000;
    }
    if (rel < 0 || rel > 0x7fff) {
        *overflow = true;
    }
    out[0] = (uint8_t)(0x80 | ((uint64_t)rel & 0x7f));
    out[1] = (uint8_t)(((uint64_t)rel >> 7) & 0xff);
    return 2;
}

size_t bc_encode_insn(uint8_t opcode, int64_t arg, uint8_t extra, uint8_t *out, bool *overflow) {
    const bc_opcode_info_t *info = bc_opcode_info(opcode);
    size_t n = 0;
    out[n++] = opcode;
    if (info) {
        switch ((bc_operand_t)info->operand) {
            case BC_OPERAND_NONE:
                break;
            case BC_OPERAND_SMALL_INT:
                n += varint_encode_sint(arg, out + n);
                break;
            case BC_OPERAND_QSTR:
            case BC_OPERAND_UINT:
            case BC_OPERAND_OBJ:
            case BC_OPERAND_CHILD:
                if (arg < 0) {
                    *overflow = true;
                    arg = 0;
                }
                n += varint_encode_uint((uint64_t)arg, out + n);
                break;
            case BC_OPERAND_JUMP:
            case BC_OPERAND_JUMP_FWD:
                n += encode_jump(info->operand == BC_OPERAND_JUMP, arg, out + n, overflow);
                break;
        }
        if (info->extra_byte) {
            out[n++] = extra;
        }
    }
    return n;
}

int64_t bc_stack_effect(const bc_insn_t *insn) {
    const bc_opcode_info_t *info = insn->info;
    if (!info) {
        return 0;
    }
    // Operands that pack counts are at most a few bytes in real code; keep
    // the arithmetic in range for any value a file may hold.
    int64_t n = insn->arg & 0xffffffff;
    switch ((bc_stack_rule_t)info->stack_rule) {
        case BC_STACK_FIXED:
            return info->stack;
        case BC_STACK_BUILD:
            return 1 - n;
        case BC_STACK_UNPACK_SEQ:
            return n - 1;
        case BC_STACK_UNPACK_EX:
            return (n & 0xff) + (n >> 8);
        case BC_STACK_CALL:
            return info->stack - (n & 0xff) - 2 * (n >> 8);
        case BC_STACK_CLOSURE:
            return info->stack - insn->extra;
        case BC_STACK_STORE_COMP:
            return (n & 3) == 1 ? -2 : -1;
    }
    return 0;
}
