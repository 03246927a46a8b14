// mpy-tool dump: a readable description of a .mpy file.
#include <stdio.h>

#include "mpy-tool/describe.h"
#include "mpy-tool/dump.h"
#include "mpy-tool/text.h"
#include "mpy/bc_decode.h"
#include "mpy/mpy_arch.h"
#include "mpy/mpy_format.h"

static void indent(buf_t *b, unsigned depth) {
    for (unsigned i = 0; i < depth; i++) {
        text_puts(b, "  ");
    }
}

static void dump_header(buf_t *b, const mpy_file_t *f) {
    buf_printf(b, "header: ");
    text_hex(b, f->data, 4, ' ');
    const char *arch = mpy_arch_name(f->arch);
    buf_printf(b, ": .mpy version %u, sub-version %u, arch %s (%u)", f->version, f->sub_version,
                arch ? arch : "unknown", f->arch);
    if (f->arch == MP_NATIVE_ARCH_NONE) {
        text_puts(b, ", bytecode only");
    }
    buf_printf(b, ", small int bits %u\n", f->small_int_bits);
    if (f->has_arch_flags) {
        char names[128];
        size_t n_defined;
        mpy_arch_flags_describe(f->arch, f->arch_flags, names, sizeof(names));
        buf_printf(b, "arch flags: 0x%llx", (unsigned long long)f->arch_flags);
        if (mpy_arch_flags(f->arch, &n_defined)) {
            buf_printf(b, " (%s)\n", names[0] ? names : "none");
        } else {
            const char *arch = mpy_arch_name(f->arch);
            buf_printf(b, " (no flags are defined for %s)\n", arch ? arch : "this arch");
        }
    }
    text_puts(b, "for: ");
    describe_releases(b, f);
    buf_put_u8(b, '\n');
}

static void dump_qstrs(buf_t *b, const mpy_file_t *f) {
    buf_printf(b, "qstr table: %zu %s at 0x%zx\n", f->n_qstrs, f->n_qstrs == 1 ? "entry" : "entries",
                f->qstrs_offset);
    for (size_t i = 0; i < f->n_qstrs; i++) {
        const mpy_qstr_t *q = &f->qstrs[i];
        buf_printf(b, "  %4zu  ", i);
        text_quoted(b, (const uint8_t *)q->str, q->len, '\'', 0);
        if (q->static_id) {
            buf_printf(b, "  static %u", q->static_id);
        }
        buf_put_u8(b, '\n');
    }
}

static void dump_objs(buf_t *b, const mpy_file_t *f) {
    buf_printf(b, "object table: %zu %s at 0x%zx\n", f->n_objs, f->n_objs == 1 ? "entry" : "entries",
                f->objs_offset);
    for (size_t i = 0; i < f->n_objs; i++) {
        const mpy_obj_t *o = &f->objs[i];
        buf_printf(b, "  %4zu  %-9s ", i, mpy_obj_kind_name(o->kind));
        describe_obj(b, o, 0);
        buf_put_u8(b, '\n');
    }
}

static void dump_prelude(buf_t *b, const mpy_file_t *f, const mpy_raw_code_t *rc,
                         unsigned depth) {
    const bc_prelude_t *p = &rc->prelude;
    const uint8_t *base = rc->data + rc->prelude_offset;
    indent(b, depth);
    if (rc->kind != MPY_CODE_BYTECODE) {
        buf_printf(b, "prelude at +0x%zx: ", rc->prelude_offset);
    } else {
        text_puts(b, "prelude: ");
    }
    buf_printf(b, "n_state %u, n_exc_stack %u, scope flags 0x%02x (", p->n_state, p->n_exc_stack,
                p->scope_flags);
    describe_scope_flags(b, MPY_CODE_BYTECODE, p->scope_flags);
    buf_printf(b, "), %u positional (%u with defaults), %u keyword-only\n", p->n_pos_args,
                p->n_def_pos_args, p->n_kwonly_args);
    indent(b, depth);
    text_puts(b, "name: ");
    const mpy_qstr_t *name = &f->qstrs[p->names[0]];
    text_quoted(b, (const uint8_t *)name->str, name->len, '\'', 0);
    for (size_t i = 1; i < p->n_names; i++) {
        const mpy_qstr_t *q = &f->qstrs[p->names[i]];
        if (i == 1) {
            text_puts(b, p->n_pos_args ? ", positional: " : ", keyword-only: ");
        } else if (i == 1 + p->n_pos_args) {
            text_puts(b, ", keyword-only: ");
        } else {
            text_puts(b, " ");
        }
        text_quoted(b, (const uint8_t *)q->str, q->len, '\'', 0);
    }
    buf_put_u8(b, '\n');
    indent(b, depth);
    size_t n_line = p->closure_offset - p->line_info_offset;
    buf_printf(b, "line info: %zu bytes", n_line);
    if (n_line) {
        text_puts(b, ": ");
        text_hex(b, base + p->line_info_offset, n_line, ' ');
    }
    buf_printf(b, "\n");
    indent(b, depth);
    buf_printf(b, "closure cells: %u", p->n_cell);
    if (p->n_cell) {
        text_puts(b, " (locals");
        for (size_t i = 0; i < p->n_cell; i++) {
            buf_printf(b, " %u", base[p->closure_offset + i]);
        }
        buf_put_u8(b, ')');
    }
    buf_put_u8(b, '\n');
}

static void dump_bytecode(buf_t *b, const mpy_file_t *f, const mpy_raw_code_t *rc,
                          unsigned depth) {
    const uint8_t *code = rc->data + rc->prelude.code_offset;
    size_t len = rc->data_len - rc->prelude.code_offset;
    size_t count = 0;
    bc_insn_t in;
    for (size_t ip = 0; ip < len && bc_decode_insn(code, len, ip, &in) == BC_DECODE_OK;
         ip += in.size) {
        count++;
    }
    indent(b, depth);
    buf_printf(b, "bytecode: %zu bytes at 0x%zx, %zu instructions\n", len,
                rc->data_offset + rc->prelude.code_offset, count);
    for (size_t ip = 0; ip < len && bc_decode_insn(code, len, ip, &in) == BC_DECODE_OK;
         ip += in.size) {
        indent(b, depth + 1);
        size_t start = b->len;
        buf_printf(b, "%04zx  ", ip);
        text_hex(b, code + ip, in.size, ' ');
        while (b->len - start < 24) {
            buf_put_u8(b, ' ');
        }
        buf_printf(b, " %s", in.info->name);
        size_t before = b->len;
        buf_put_u8(b, ' ');
        describe_operand(b, f, rc, &in);
        if (b->len == before + 1) {
            b->len = before;
        }
        buf_put_u8(b, '\n');
    }
}

static void dump_relocs(buf_t *b, const mpy_file_t *f, const mpy_raw_code_t *rc,
                        unsigned depth) {
    size_t ws = mpy_arch_word_size(f->arch);
    indent(b, depth);
    buf_printf(b, "relocations: %zu %s at 0x%zx (%zu-byte words)\n", rc->n_relocs,
                rc->n_relocs == 1 ? "record" : "records", rc->relocs_offset, ws);
    for (size_t i = 0; i < rc->n_relocs; i++) {
        const mpy_reloc_entry_t *e = &rc->relocs[i];
        indent(b, depth + 1);
        size_t start = b->len;
        buf_printf(b, "%s+0x%llx", e->base == MPY_RELOC_IN_TEXT ? "text" : "rodata",
                    (unsigned long long)(e->word * ws));
        while (b->len - start < 16) {
            buf_put_u8(b, ' ');
        }
        buf_printf(b, " %4llu word%s += ", (unsigned long long)e->count, e->count == 1 ? " " : "s");
        describe_reloc_dest(b, e->dest);
        const char *name = reloc_fun_table_name(f, e->dest);
        if (name) {
            buf_printf(b, " (%s)", name);
        }
        if (!e->has_addr) {
            text_puts(b, "  [continues]");
        }
        buf_put_u8(b, '\n');
    }
}

static void dump_native(buf_t *b, const mpy_file_t *f, const mpy_raw_code_t *rc,
                        unsigned depth) {
    if (rc->kind != MPY_CODE_NATIVE_PY) {
        indent(b, depth);
        buf_printf(b, "scope flags: 0x%02x (", rc->scope_flags);
        describe_scope_flags(b, rc->kind, rc->scope_flags);
        text_puts(b, ")\n");
    }
    if (rc->kind == MPY_CODE_NATIVE_ASM) {
        indent(b, depth);
        buf_printf(b, "asm: %llu positional arguments, type signature 0x%llx\n",
                    (unsigned long long)rc->asm_n_pos_args, (unsigned long long)rc->asm_type_sig);
    }
    if (rc->has_prelude) {
        dump_prelude(b, f, rc, depth);
    }
    indent(b, depth);
    buf_printf(b, "text: %zu bytes at 0x%zx", rc->data_len, rc->data_offset);
    if (rc->kind == MPY_CODE_NATIVE_VIPER) {
        text_puts(b, ", rodata: ");
        if (rc->has_rodata) {
            buf_printf(b, "%llu bytes at 0x%zx", (unsigned long long)rc->rodata_size,
                        rc->rodata_offset);
        } else {
            text_puts(b, "none");
        }
        text_puts(b, ", bss: ");
        if (rc->has_bss) {
            buf_printf(b, "%llu bytes", (unsigned long long)rc->bss_size);
        } else {
            text_puts(b, "none");
        }
    }
    buf_put_u8(b, '\n');
    if (rc->has_relocs) {
        dump_relocs(b, f, rc, depth);
    }
}

static void dump_raw_code(buf_t *b, const mpy_file_t *f, const mpy_raw_code_t *rc,
                          const char *path, unsigned depth) {
    indent(b, depth);
    buf_printf(b, "raw code %s", path);
    const mpy_qstr_t *name = mpy_raw_code_name(f, rc);
    if (name) {
        buf_put_u8(b, ' ');
        text_quoted(b, (const uint8_t *)name->str, name->len, '\'', 0);
    }
    buf_printf(b, ": %s, %zu bytes at 0x%zx, %zu %s\n", mpy_code_kind_name(rc->kind),
                rc->data_len, rc->data_offset, rc->n_children,
                rc->n_children == 1 ? "child" : "children");
    if (rc->kind == MPY_CODE_BYTECODE) {
        dump_prelude(b, f, rc, depth + 1);
        dump_bytecode(b, f, rc, depth + 1);
    } else {
        dump_native(b, f, rc, depth + 1);
    }
    buf_t child_path = {0};
    for (size_t i = 0; i < rc->n_children; i++) {
        child_path.len = 0;
        buf_printf(&child_path, "%s.%zu", path, i);
        dump_raw_code(b, f, &rc->children[i], text_cstr(&child_path), depth + 1);
    }
    buf_free(&child_path);
}

void dump_text(buf_t *b, const tool_input_t *in) {
    const mpy_file_t *f = &in->mpy;
    buf_printf(b, "file: %s, %zu bytes\n", in->path, f->len);
    dump_header(b, f);
    dump_qstrs(b, f);
    dump_objs(b, f);
    dump_raw_code(b, f, &f->rc, "0", 0);
    if (f->end != f->len) {
        buf_printf(b, "trailing data: %zu bytes at 0x%zx\n", f->len - f->end, f->end);
    }
}
