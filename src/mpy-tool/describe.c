#include "mpy-tool/describe.h"

#include "mpy-tool/text.h"
#include "mpy/fun_table.h"
#include "mpy/mpy_format.h"
#include "mpy/mpy_version.h"
#include "mpy/reloc_dest.h"

void describe_obj(buf_t *b, const mpy_obj_t *o, size_t max) {
    switch ((mpy_obj_kind_t)o->kind) {
        case MPY_OBJ_FUN_TABLE:
            text_puts(b, "mp_fun_table");
            return;
        case MPY_OBJ_NONE:
        case MPY_OBJ_FALSE:
        case MPY_OBJ_TRUE:
        case MPY_OBJ_ELLIPSIS:
            text_puts(b, mpy_obj_kind_name(o->kind));
            return;
        case MPY_OBJ_STR:
            text_quoted(b, o->data, o->len, '\'', max);
            return;
        case MPY_OBJ_BYTES:
            buf_put_u8(b, 'b');
            text_quoted(b, o->data, o->len, '\'', max);
            return;
        case MPY_OBJ_INT:
        case MPY_OBJ_FLOAT:
        case MPY_OBJ_COMPLEX:
            // The number as the file spells it; quoted only if it holds
            // bytes that are no part of a number.
            for (size_t i = 0; i < o->len; i++) {
                if (o->data[i] <= 0x20 || o->data[i] >= 0x7f) {
                    text_quoted(b, o->data, o->len, '\'', max);
                    return;
                }
            }
            buf_append(b, o->data, o->len);
            return;
        case MPY_OBJ_TUPLE:
            buf_put_u8(b, '(');
            for (size_t i = 0; i < o->len; i++) {
                if (i) {
                    text_puts(b, ", ");
                }
                describe_obj(b, &o->items[i], max);
            }
            text_puts(b, o->len == 1 ? ",)" : ")");
            return;
    }
}

void describe_scope_flags(buf_t *b, unsigned kind, uint32_t flags) {
    static const char *const sig_names[] = {"GENERATOR", "VARKEYWORDS", "VARARGS", "DEFKWARGS"};
    static const char *const viper_names[] = {"VIPERRELOC", "VIPERRODATA", "VIPERBSS"};
    size_t start = b->len;
    for (unsigned bit = 0; bit < 32; bit++) {
        if (!(flags & (1u << bit))) {
            continue;
        }
        if (b->len != start) {
            buf_put_u8(b, '|');
        }
        if (bit < 4) {
            text_puts(b, sig_names[bit]);
        } else if (bit < 7 && kind != MPY_CODE_BYTECODE) {
            text_puts(b, viper_names[bit - 4]);
        } else {
            buf_printf(b, "0x%x", 1u << bit);
        }
    }
    if (b->len == start) {
        text_puts(b, "none");
    }
}

void describe_reloc_dest(buf_t *b, uint32_t dest) {
    text_puts(b, mpy_reloc_dest_name(dest));
    if (dest >= MPY_RELOC_FUN_TABLE_ENTRY) {
        buf_printf(b, "[%u]", dest - MPY_RELOC_FUN_TABLE_ENTRY);
    }
}

const char *reloc_fun_table_name(const mpy_file_t *f, uint32_t dest) {
    if (dest < MPY_RELOC_FUN_TABLE_ENTRY) {
        return NULL;
    }
    return fun_table_name(f->sub_version, dest - MPY_RELOC_FUN_TABLE_ENTRY);
}

static void describe_child(buf_t *b, const mpy_file_t *f, const mpy_raw_code_t *rc, int64_t i) {
    const mpy_raw_code_t *child = &rc->children[i];
    const mpy_qstr_t *name = mpy_raw_code_name(f, child);
    if (name) {
        text_quoted(b, (const uint8_t *)name->str, name->len, '\'', 0);
        buf_put_u8(b, ' ');
    }
    buf_printf(b, "(child %lld)", (long long)i);
}

static void describe_uint(buf_t *b, const bc_insn_t *in) {
    uint64_t n = (uint64_t)in->arg;
    switch (in->opcode) {
        case 0x34: // CALL_FUNCTION and the other calls: n_keyword << 8 | n_positional
        case 0x35:
        case 0x36:
        case 0x37:
            buf_printf(b, "%llu", (unsigned long long)(n & 0xff));
            if (n >> 8) {
                buf_printf(b, " + %llu keyword", (unsigned long long)(n >> 8));
            }
            return;
        case 0x31: // UNPACK_EX: n_right << 8 | n_left
            buf_printf(b, "%llu, %llu", (unsigned long long)(n & 0xff),
                        (unsigned long long)(n >> 8));
            return;
        default:
            buf_printf(b, "%llu", (unsigned long long)n);
    }
}

void describe_operand(buf_t *b, const mpy_file_t *f, const mpy_raw_code_t *rc,
                      const bc_insn_t *in) {
    switch ((bc_operand_t)in->info->operand) {
        case BC_OPERAND_NONE:
            if (in->info->implicit) {
                buf_printf(b, "%lld", (long long)in->arg);
                const char *op = NULL;
                if (in->opcode >= BC_BINARY_OP_MULTI) {
                    op = bc_binary_op_name((unsigned)in->arg);
                } else if (in->opcode >= BC_UNARY_OP_MULTI) {
                    op = bc_unary_op_name((unsigned)in->arg);
                }
                if (op) {
                    buf_printf(b, " %s", op);
                }
            }
            return;
        case BC_OPERAND_QSTR: {
            const mpy_qstr_t *q = &f->qstrs[in->arg];
            text_quoted(b, (const uint8_t *)q->str, q->len, '\'', 60);
            buf_printf(b, " (qstr %lld)", (long long)in->arg);
            return;
        }
        case BC_OPERAND_OBJ:
            describe_obj(b, &f->objs[in->arg], 60);
            buf_printf(b, " (obj %lld)", (long long)in->arg);
            return;
        case BC_OPERAND_CHILD:
            describe_child(b, f, rc, in->arg);
            if (in->info->extra_byte) {
                buf_printf(b, ", %u closed over", in->extra);
            }
            return;
        case BC_OPERAND_SMALL_INT:
            buf_printf(b, "%lld", (long long)in->arg);
            return;
        case BC_OPERAND_UINT:
            describe_uint(b, in);
            return;
        case BC_OPERAND_JUMP:
        case BC_OPERAND_JUMP_FWD:
            buf_printf(b, "-> %04llx", (unsigned long long)in->target);
            if (in->info->extra_byte) {
                buf_printf(b, ", unwind %u", in->extra & 0x7f);
                if (in->extra & 0x80) {
                    text_puts(b, ", pop iterator");
                }
            }
            return;
    }
}

void describe_releases(buf_t *b, const mpy_file_t *f) {
    if (f->arch == MP_NATIVE_ARCH_NONE) {
        text_puts(b, "MicroPython v1.19 and later (bytecode only, .mpy 6)");
        return;
    }
    char text[96];
    mpy_version_describe_arch(f->sub_version, f->arch, text, sizeof(text));
    text_puts(b, text);
    if (!mpy_version_known(f->sub_version)) {
        text_puts(b, ": no MicroPython release loads native code of this sub-version");
    }
}
