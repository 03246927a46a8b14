// Loading a .mpy file as a module, as MicroPython's persistentcode.c and
// builtinimport.c do between them: check the header, intern the qstr table,
// build the constant objects, turn the raw-code tree into rt_raw_code_t
// (placing native code in executable memory, relocated against the
// module's tables and mp_fun_table), then run the module's top-level code
// with the module's globals as globals and locals.
//
// The module object is the module's mp_module_context_t (as in the
// firmware): its constants are what bytecode operands and native
// relocations index. The qstr table's entry 0 is the source file, as
// mpy-cross and the compiler write it (tracebacks name it).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy/bc_lower.h"
#include "mpy/mpy_arch.h"
#include "mpy/mpy_check.h"
#include "mpy/mpy_format.h"
#include "mpy/mpy_read.h"
#include "mpy/mpy_version.h"
#include "runtime/native_code.h"
#include "runtime/native_fault.h"
#include "runtime/runtime.h"
#include "runtime/target.h"

#define LOAD_ARCH_HOST RT_TARGET_MPY_ARCH
// Small ints use every bit of a word but the tag bit.
#define LOAD_SMALL_INT_BITS (8 * sizeof(mp_int_t) - 1)

// What a load holds outside the collected heap, released at the end (the
// file's parse) or on failure (the placed native code too).
typedef struct {
    mpy_file_t file;
    bool file_read;
    native_code_t *native; // placed native code, kept for good on success
    size_t n_native, alloc_native;
    mp_module_context_t *context;
    native_targets_t targets;
} loader_t;

static NORETURN void incompatible_file(void) {
    mp_raise_ValueError(MP_ERROR_TEXT("incompatible .mpy file"));
}

// The same, saying why (stock firmware does not).
static NORETURN void incompatible_file_because(const char *why) {
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("incompatible .mpy file: %s"), why);
}

// The sub-versions of native code this runtime loads, as text ("6.1", or
// "6.1, 6.2 and 6.3").
static const char *accepted_sub_versions(void) {
    static char text[32];
    if (mp_state.mpy_sub_version != 0) {
        snprintf(text, sizeof(text), "6.%u", mp_state.mpy_sub_version);
        return text;
    }
    return mpy_version_sub_versions();
}

// Stock firmware only says "incompatible .mpy file"; this says why.
static void check_header(const char *file, const byte *data, size_t len) {
    if (len < 4 || data[0] != MPY_MAGIC || data[1] != 6 || data[3] > LOAD_SMALL_INT_BITS) {
        incompatible_file();
    }
    unsigned arch = MPY_FEATURE_ARCH(data[2]), sub_version = MPY_FEATURE_SUB_VERSION(data[2]);
    if (arch == MP_NATIVE_ARCH_NONE) {
        return; // bytecode loads whatever the sub-version
    }
    char releases[64];
    mpy_version_describe(sub_version, releases, sizeof(releases));
    bool accepted = mp_state.mpy_sub_version != 0 ? sub_version == mp_state.mpy_sub_version
                                                  : mpy_version_known(sub_version);
    if (!accepted) {
        mp_raise_msg_varg(&mp_type_ValueError,
            MP_ERROR_TEXT("incompatible .mpy file: %s: native code for %s; this runtime loads %s"),
            file, releases, accepted_sub_versions());
    }
    if ((int)arch != LOAD_ARCH_HOST) {
        const char *name = mpy_arch_name(arch);
        const char *host = LOAD_ARCH_HOST < 0 ? NULL : mpy_arch_name((unsigned)LOAD_ARCH_HOST);
        mp_raise_msg_varg(&mp_type_ValueError,
            MP_ERROR_TEXT("incompatible .mpy arch: %s: native code for %s; this runtime runs %s"),
            file, name ? name : "an unknown architecture", host ? host : "no native code");
    }
    if (data[2] & MPY_FEATURE_ARCH_FLAGS) {
        // .mpy 6.3 defines architecture flags for rv32imc only.
        mp_raise_msg_varg(&mp_type_ValueError,
            MP_ERROR_TEXT("incompatible .mpy file: %s: architecture flags, which %s code does not have"),
            file, mpy_arch_name(arch));
    }
}

// An object of the table; in_tuple: an item of a tuple constant, where
// mp_fun_table (no object) has no place.
static mp_obj_t load_obj(const mpy_obj_t *o, unsigned sub_version, bool in_tuple) {
    const char *text = (const char *)o->data;
    switch (o->kind) {
        case MPY_OBJ_FUN_TABLE: {
            if (in_tuple) {
                incompatible_file_because("mp_fun_table inside a tuple constant");
            }
            // Native code finds mp_fun_table through the object table.
            size_t len;
            return MP_OBJ_FROM_PTR(mp_fun_table_words(sub_version, &len));
        }
        case MPY_OBJ_NONE:
            return mp_const_none;
        case MPY_OBJ_FALSE:
            return mp_const_false;
        case MPY_OBJ_TRUE:
            return mp_const_true;
        case MPY_OBJ_ELLIPSIS:
            return mp_const_ellipsis;
        case MPY_OBJ_STR:
            return mp_obj_new_str(text, o->len);
        case MPY_OBJ_BYTES:
            return mp_obj_new_bytes(o->data, o->len);
        case MPY_OBJ_INT:
            return mp_parse_num_integer(text, o->len, 10);
        case MPY_OBJ_FLOAT:
            return mp_parse_num_decimal(text, o->len, false, false);
        case MPY_OBJ_COMPLEX:
            return mp_parse_num_decimal(text, o->len, true, true);
        case MPY_OBJ_TUPLE: {
            mp_obj_t tuple = mp_obj_new_tuple(o->len, NULL);
            size_t n;
            mp_obj_t *items;
            mp_obj_tuple_get(tuple, &n, &items);
            for (size_t i = 0; i < n; i++) {
                items[i] = load_obj(&o->items[i], sub_version, true);
            }
            return tuple;
        }
        default:
            incompatible_file();
    }
}

static native_code_t *new_native_slot(loader_t *ld) {
    if (ld->n_native == ld->alloc_native) {
        size_t alloc = ld->alloc_native ? 2 * ld->alloc_native : 4;
        native_code_t *p = realloc(ld->native, alloc * sizeof(*p));
        if (p == NULL) {
            m_malloc_fail(alloc * sizeof(*p));
        }
        ld->native = p;
        ld->alloc_native = alloc;
    }
    native_code_t *code = &ld->native[ld->n_native];
    memset(code, 0, sizeof(*code));
    return code;
}

// Places one native raw code; its rodata and BSS may hold heap pointers,
// so the collector scans them.
static void place_native(loader_t *ld, const mpy_raw_code_t *src, rt_raw_code_t *rc) {
    if (src->kind != MP_CODE_NATIVE_VIPER) {
        mp_raise_NotImplementedError(src->kind == MP_CODE_NATIVE_PY
            ? MP_ERROR_TEXT("@micropython.native code in .mpy files is not supported")
            : MP_ERROR_TEXT("inline assembler code in .mpy files is not supported"));
    }
    // BSS comes from the heap in the firmware: more than the heap is a
    // MemoryError there, and here too (before asking the system for it).
    if (src->has_bss && src->bss_size > mp_state.heap_size) {
        m_malloc_fail((size_t)src->bss_size);
    }
    native_code_t *code = new_native_slot(ld);
    char err[256];
    if (!native_code_load(code, src, &ld->targets, err, sizeof(err))) {
        incompatible_file_because(err);
    }
    ld->n_native++;
    // Text is a root too, as the unix port traces its executable memory: x86
    // and x64 modules keep static variables there (mpy-ld).
    if (!gc_add_root(code->text, code->text_len) ||
        (code->rodata && !gc_add_root(code->rodata, code->rodata_len)) ||
        (code->bss && !gc_add_root(code->bss, code->bss_len))) {
        m_malloc_fail(code->text_len + code->rodata_len + code->bss_len);
    }
    rc->rc.fun_data = code->text;
    rc->fun_data_len = code->text_len;
}

static rt_raw_code_t *load_raw_code(loader_t *ld, const mpy_raw_code_t *src) {
    rt_raw_code_t *rc = m_malloc0(sizeof(rt_raw_code_t));
    rc->rc.kind = src->kind;
    rc->n_children = src->n_children;
    if (src->n_children && src->kind != MP_CODE_BYTECODE && ld->file.sub_version >= 3) {
        // Native code of 6.3 makes its nested functions from 6.3 raw codes,
        // which this loader does not build (mpy-ld writes no children).
        mp_raise_NotImplementedError(MP_ERROR_TEXT("native functions with nested functions in .mpy 6.3 files are not supported"));
    }
    if (src->n_children) {
        rc->rc.children = m_malloc0(src->n_children * sizeof(mp_raw_code_t *));
        for (size_t i = 0; i < src->n_children; i++) {
            rc->rc.children[i] = &load_raw_code(ld, &src->children[i])->rc;
        }
    }
    if (src->kind == MP_CODE_BYTECODE) {
        // The bytecode is kept in the heap: the file's bytes are the caller's.
        byte *code = m_malloc(src->data_len ? src->data_len : 1);
        memcpy(code, src->data, src->data_len);
        bc_lower(&ld->file, code + src->prelude.code_offset, src->data_len - src->prelude.code_offset);
        rc->rc.fun_data = code;
        rc->fun_data_len = src->data_len;
        rc->rc.scope_flags = src->prelude.scope_flags & 0x7f;
        rc->rc.n_pos_args = src->prelude.n_pos_args & 0x7ff;
    } else {
        place_native(ld, src, rc);
        rc->rc.scope_flags = src->scope_flags & 0x7f;
        rc->prelude_offset = (uint16_t)src->prelude_offset;
        if (src->kind == MP_CODE_NATIVE_ASM) {
            rc->rc.n_pos_args = src->asm_n_pos_args & 0x7ff;
            rc->type_sig = (uint32_t)src->asm_type_sig;
        }
    }
    return rc;
}

// Interns the file's qstrs; the table holds 16-bit numbers (qstr_short_t).
static void load_qstrs(loader_t *ld) {
    mp_module_context_t *ctx = ld->context;
    size_t n = ld->file.n_qstrs;
    ctx->constants.qstr_table = m_malloc((n ? n : 1) * sizeof(qstr_short_t));
    for (size_t i = 0; i < n; i++) {
        const mpy_qstr_t *q = &ld->file.qstrs[i];
        qstr id = q->static_id ? q->static_id : qstr_from_strn(q->str, q->len);
        if (id > 0xffff) {
            mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("too many qstrs for a .mpy module"));
        }
        ctx->constants.qstr_table[i] = (qstr_short_t)id;
    }
}

static void load_objs(loader_t *ld) {
    mp_module_context_t *ctx = ld->context;
    size_t n = ld->file.n_objs;
    ctx->constants.obj_table = m_malloc0((n ? n : 1) * sizeof(mp_obj_t));
    for (size_t i = 0; i < n; i++) {
        ctx->constants.obj_table[i] = load_obj(&ld->file.objs[i], ld->file.sub_version, false);
    }
}

static void loader_free(loader_t *ld, bool failed) {
    if (failed) {
        for (size_t i = 0; i < ld->n_native; i++) {
            gc_remove_root(ld->native[i].text);
            if (ld->native[i].rodata) {
                gc_remove_root(ld->native[i].rodata);
            }
            if (ld->native[i].bss) {
                gc_remove_root(ld->native[i].bss);
            }
            native_code_free(&ld->native[i]);
        }
    }
    // On success the placed code stays for the life of the process (modules
    // are never unloaded); only the bookkeeping array goes.
    free(ld->native);
    if (ld->file_read) {
        mpy_file_free(&ld->file);
    }
    free(ld);
}

// Loads a .mpy into ctx and returns its top-level function; keep: false
// (mp_check_mpy_module) discards the placed code once it is in place.
// Placed code is never unmapped once a module's function exists: objects
// made by code that later fails may still call into it.
static mp_obj_t load_mpy(mp_module_context_t *ctx, const char *file, const byte *data, size_t len, bool keep) {
    check_header(file, data, len);

    loader_t *ld = calloc(1, sizeof(loader_t));
    if (ld == NULL) {
        m_malloc_fail(sizeof(loader_t));
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mpy_error_t err;
        if (!mpy_read(&ld->file, file, data, len, &err)) {
            incompatible_file_because(err.message);
        }
        ld->file_read = true;
        // The VM trusts its bytecode: what it would trust wrongly is
        // refused here instead (src/mpy/bc_verify.h).
        if (!mpy_verify_bytecode(&ld->file, &err)) {
            incompatible_file_because(err.message);
        }
        ld->context = ctx;
        load_qstrs(ld);
        load_objs(ld);

        ld->targets.qstr_table = (uintptr_t)ctx->constants.qstr_table;
        ld->targets.obj_table = (uintptr_t)ctx->constants.obj_table;
        ld->targets.fun_table = mp_fun_table_words(ld->file.sub_version, &ld->targets.fun_table_len);
        rt_raw_code_t *top = load_raw_code(ld, &ld->file.rc);
        mp_obj_t fun = keep ? mp_make_function_from_raw_code(&top->rc, ctx, NULL) : mp_const_none;
        for (size_t i = 0; keep && i < ld->n_native; i++) {
            native_fault_register(file, ld->native[i].text, ld->native[i].text_len);
        }
        nlr_pop();
        loader_free(ld, !keep);
        return fun;
    }
    loader_free(ld, true);
    nlr_jump(nlr.ret_val);
}

mp_obj_t mp_load_mpy_module(mp_module_context_t *ctx, const char *file, const byte *data, size_t len) {
    return load_mpy(ctx, file, data, len, true);
}

void mp_check_mpy_module(const char *file, const byte *data, size_t len) {
    load_mpy(mp_module_context_new(MP_QSTR___main__), file, data, len, false);
}
