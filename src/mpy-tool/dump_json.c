// mpy-tool dump --json: the same description as the text dump, for scripts.
#include "mpy-tool/describe.h"
#include "mpy-tool/dump.h"
#include "mpy-tool/json.h"
#include "mpy-tool/text.h"
#include "mpy/bc_decode.h"
#include "mpy/mpy_arch.h"
#include "mpy/mpy_format.h"

// A string field made with one of the describe_* functions.
#define JSON_DESCRIBED(j, key, call)                      \
    do {                                                  \
        buf_t tmp_ = {0};                                 \
        buf_t *b = &tmp_;                                 \
        call;                                             \
        json_str(j, key, tmp_.data ? (const char *)tmp_.data : "", tmp_.len); \
        buf_free(&tmp_);                                  \
    } while (0)

static void json_header(json_t *j, const mpy_file_t *f) {
    json_begin_object(j, "header");
    json_hex(j, "bytes", f->data, 4);
    json_uint(j, "version", f->version);
    json_uint(j, "sub_version", f->sub_version);
    const char *arch = mpy_arch_name(f->arch);
    if (arch) {
        json_cstr(j, "arch", arch);
    } else {
        json_null(j, "arch");
    }
    json_uint(j, "arch_code", f->arch);
    json_uint(j, "small_int_bits", f->small_int_bits);
    if (f->has_arch_flags) {
        json_uint(j, "arch_flags", f->arch_flags);
    }
    JSON_DESCRIBED(j, "releases", describe_releases(b, f));
    json_end_object(j);
}

static void json_qstrs(json_t *j, const mpy_file_t *f) {
    json_uint(j, "qstr_table_offset", f->qstrs_offset);
    json_begin_array(j, "qstrs");
    for (size_t i = 0; i < f->n_qstrs; i++) {
        const mpy_qstr_t *q = &f->qstrs[i];
        json_begin_inline(j);
        json_begin_object(j, NULL);
        json_uint(j, "index", i);
        json_uint(j, "offset", q->offset);
        json_str(j, "str", q->str, q->len);
        if (q->static_id) {
            json_uint(j, "static", q->static_id);
        } else {
            json_null(j, "static");
        }
        json_end_object(j);
        json_end_inline(j);
    }
    json_end_array(j);
}

static void json_obj_value(json_t *j, const mpy_obj_t *o) {
    json_cstr(j, "kind", mpy_obj_kind_name(o->kind));
    switch ((mpy_obj_kind_t)o->kind) {
        case MPY_OBJ_STR:
        case MPY_OBJ_INT:
        case MPY_OBJ_FLOAT:
        case MPY_OBJ_COMPLEX:
            json_str(j, "value", o->data, o->len);
            break;
        case MPY_OBJ_BYTES:
            json_hex(j, "hex", o->data, o->len);
            break;
        case MPY_OBJ_TUPLE:
            json_begin_array(j, "items");
            for (size_t i = 0; i < o->len; i++) {
                json_begin_object(j, NULL);
                json_obj_value(j, &o->items[i]);
                json_end_object(j);
            }
            json_end_array(j);
            break;
        default:
            break;
    }
}

static void json_objs(json_t *j, const mpy_file_t *f) {
    json_uint(j, "object_table_offset", f->objs_offset);
    json_begin_array(j, "objects");
    for (size_t i = 0; i < f->n_objs; i++) {
        const mpy_obj_t *o = &f->objs[i];
        json_begin_inline(j);
        json_begin_object(j, NULL);
        json_uint(j, "index", i);
        json_uint(j, "offset", o->offset);
        json_obj_value(j, o);
        JSON_DESCRIBED(j, "repr", describe_obj(b, o, 0));
        json_end_object(j);
        json_end_inline(j);
    }
    json_end_array(j);
}

static void json_prelude(json_t *j, const mpy_file_t *f, const mpy_raw_code_t *rc) {
    const bc_prelude_t *p = &rc->prelude;
    const uint8_t *base = rc->data + rc->prelude_offset;
    json_begin_object(j, "prelude");
    json_uint(j, "offset", rc->prelude_offset);
    json_uint(j, "n_state", p->n_state);
    json_uint(j, "n_exc_stack", p->n_exc_stack);
    json_uint(j, "scope_flags", p->scope_flags);
    json_uint(j, "n_pos_args", p->n_pos_args);
    json_uint(j, "n_kwonly_args", p->n_kwonly_args);
    json_uint(j, "n_def_pos_args", p->n_def_pos_args);
    json_uint(j, "n_info", p->n_info);
    json_uint(j, "n_cell", p->n_cell);
    json_begin_inline(j);
    json_begin_array(j, "names");
    for (size_t i = 0; i < p->n_names; i++) {
        const mpy_qstr_t *q = &f->qstrs[p->names[i]];
        json_str(j, NULL, q->str, q->len);
    }
    json_end_array(j);
    json_begin_array(j, "name_qstrs");
    for (size_t i = 0; i < p->n_names; i++) {
        json_uint(j, NULL, p->names[i]);
    }
    json_end_array(j);
    json_end_inline(j);
    json_hex(j, "line_info", base + p->line_info_offset, p->closure_offset - p->line_info_offset);
    json_begin_inline(j);
    json_begin_array(j, "closure_cells");
    for (size_t i = 0; i < p->n_cell; i++) {
        json_uint(j, NULL, base[p->closure_offset + i]);
    }
    json_end_array(j);
    json_end_inline(j);
    json_end_object(j);
}

static void json_insn(json_t *j, const mpy_file_t *f, const mpy_raw_code_t *rc,
                      const uint8_t *code, const bc_insn_t *in) {
    json_begin_inline(j);
    json_begin_object(j, NULL);
    json_uint(j, "offset", in->offset);
    json_hex(j, "bytes", code + in->offset, in->size);
    json_cstr(j, "op", in->info->name);
    bc_operand_t operand = (bc_operand_t)in->info->operand;
    if (operand != BC_OPERAND_NONE || in->info->implicit) {
        json_cstr(j, "operand_kind", in->info->implicit ? "implicit" : bc_operand_name(operand));
        json_int(j, "arg", in->arg);
    }
    if (operand == BC_OPERAND_JUMP || operand == BC_OPERAND_JUMP_FWD) {
        json_int(j, "target", in->target);
    }
    if (in->info->extra_byte) {
        json_uint(j, "extra", in->extra);
    }
    JSON_DESCRIBED(j, "text", describe_operand(b, f, rc, in));
    json_int(j, "stack", bc_stack_effect(in));
    json_end_object(j);
    json_end_inline(j);
}

static void json_bytecode(json_t *j, const mpy_file_t *f, const mpy_raw_code_t *rc) {
    const uint8_t *code = rc->data + rc->prelude.code_offset;
    size_t len = rc->data_len - rc->prelude.code_offset;
    json_begin_object(j, "bytecode");
    json_uint(j, "offset", rc->data_offset + rc->prelude.code_offset);
    json_uint(j, "size", len);
    json_begin_array(j, "instructions");
    bc_insn_t in;
    for (size_t ip = 0; ip < len && bc_decode_insn(code, len, ip, &in) == BC_DECODE_OK;
         ip += in.size) {
        json_insn(j, f, rc, code, &in);
    }
    json_end_array(j);
    json_end_object(j);
}

static void json_relocs(json_t *j, const mpy_file_t *f, const mpy_raw_code_t *rc) {
    size_t ws = mpy_arch_word_size(f->arch);
    json_begin_object(j, "relocations");
    json_uint(j, "offset", rc->relocs_offset);
    json_uint(j, "word_size", ws);
    json_begin_array(j, "records");
    for (size_t i = 0; i < rc->n_relocs; i++) {
        const mpy_reloc_entry_t *e = &rc->relocs[i];
        json_begin_inline(j);
        json_begin_object(j, NULL);
        json_uint(j, "offset", e->offset);
        json_cstr(j, "in", e->base == MPY_RELOC_IN_TEXT ? "text" : "rodata");
        json_uint(j, "word", e->word);
        json_uint(j, "byte_offset", e->word * ws);
        json_uint(j, "count", e->count);
        JSON_DESCRIBED(j, "dest", describe_reloc_dest(b, e->dest));
        const char *name = reloc_fun_table_name(f, e->dest);
        if (name) {
            json_cstr(j, "fun_table_name", name);
        }
        json_bool(j, "continues", !e->has_addr);
        json_end_object(j);
        json_end_inline(j);
    }
    json_end_array(j);
    json_end_object(j);
}

static void json_native(json_t *j, const mpy_file_t *f, const mpy_raw_code_t *rc) {
    json_begin_object(j, "text");
    json_uint(j, "offset", rc->data_offset);
    json_uint(j, "size", rc->data_len);
    json_end_object(j);
    if (rc->kind == MPY_CODE_NATIVE_ASM) {
        json_uint(j, "asm_n_pos_args", rc->asm_n_pos_args);
        json_uint(j, "asm_type_sig", rc->asm_type_sig);
    }
    if (rc->kind == MPY_CODE_NATIVE_VIPER) {
        if (rc->has_rodata) {
            json_begin_object(j, "rodata");
            json_uint(j, "offset", rc->rodata_offset);
            json_uint(j, "size", rc->rodata_size);
            json_end_object(j);
        } else {
            json_null(j, "rodata");
        }
        if (rc->has_bss) {
            json_uint(j, "bss_size", rc->bss_size);
        } else {
            json_null(j, "bss_size");
        }
    }
    if (rc->has_prelude) {
        json_prelude(j, f, rc);
    }
    if (rc->has_relocs) {
        json_relocs(j, f, rc);
    }
}

static void json_raw_code(json_t *j, const char *key, const mpy_file_t *f,
                          const mpy_raw_code_t *rc, const char *path) {
    json_begin_object(j, key);
    json_cstr(j, "path", path);
    json_uint(j, "offset", rc->offset);
    json_cstr(j, "kind", mpy_code_kind_name(rc->kind));
    const mpy_qstr_t *name = mpy_raw_code_name(f, rc);
    if (name) {
        json_str(j, "name", name->str, name->len);
    } else {
        json_null(j, "name");
    }
    json_uint(j, "data_offset", rc->data_offset);
    json_uint(j, "size", rc->data_len);
    json_uint(j, "scope_flags", rc->scope_flags);
    JSON_DESCRIBED(j, "scope_flag_names", describe_scope_flags(b, rc->kind, rc->scope_flags));
    if (rc->kind == MPY_CODE_BYTECODE) {
        json_prelude(j, f, rc);
        json_bytecode(j, f, rc);
    } else {
        json_native(j, f, rc);
    }
    json_begin_array(j, "children");
    buf_t child_path = {0};
    for (size_t i = 0; i < rc->n_children; i++) {
        child_path.len = 0;
        buf_printf(&child_path, "%s.%zu", path, i);
        json_raw_code(j, NULL, f, &rc->children[i], text_cstr(&child_path));
    }
    buf_free(&child_path);
    json_end_array(j);
    json_end_object(j);
}

void dump_json(buf_t *out, const tool_input_t *in, unsigned indent) {
    const mpy_file_t *f = &in->mpy;
    json_t j;
    json_init(&j, out, indent);
    j.first = true;
    // The object itself starts where the caller is (no line break first).
    text_puts(out, "{");
    j.depth++;
    json_cstr(&j, "file", in->path);
    json_uint(&j, "size", f->len);
    json_header(&j, f);
    json_qstrs(&j, f);
    json_objs(&j, f);
    json_raw_code(&j, "raw_code", f, &f->rc, "0");
    json_uint(&j, "trailing_bytes", f->len - f->end);
    json_end_object(&j);
}
