#include "mpy/mpy_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "mpy/mpy_cursor.h"
#include "mpy/mpy_format.h"
#include "mpy/qstr_static.h"

static const char *const obj_kind_names[] = {
    "fun_table", "None", "False", "True", "Ellipsis", "str",
    "bytes",     "int",  "float", "complex", "tuple",
};

const char *mpy_obj_kind_name(unsigned kind) {
    return kind < sizeof(obj_kind_names) / sizeof(obj_kind_names[0]) ? obj_kind_names[kind] : NULL;
}

const char *mpy_code_kind_name(unsigned kind) {
    switch (kind) {
        case MPY_CODE_BYTECODE:
            return "bytecode";
        case MPY_CODE_NATIVE_PY:
            return "native";
        case MPY_CODE_NATIVE_VIPER:
            return "viper";
        case MPY_CODE_NATIVE_ASM:
            return "asm";
    }
    return "?";
}

const mpy_qstr_t *mpy_raw_code_name(const mpy_file_t *f, const mpy_raw_code_t *rc) {
    if (!rc->has_prelude || rc->prelude.n_names == 0 || rc->prelude.names[0] >= f->n_qstrs) {
        return NULL;
    }
    return &f->qstrs[rc->prelude.names[0]];
}

static bool read_header(mpy_cursor_t *c, mpy_file_t *f) {
    const uint8_t *h;
    if (!cursor_bytes(c, 4, &h, "the .mpy header")) {
        return false;
    }
    if (h[0] != MPY_MAGIC) {
        return cursor_fail(c, 0, "not a .mpy file: expected 'M' (0x4d) first, found 0x%02x", h[0]);
    }
    f->version = h[1];
    f->arch = MPY_FEATURE_ARCH(h[2]);
    f->sub_version = MPY_FEATURE_SUB_VERSION(h[2]);
    f->small_int_bits = h[3];
    if (f->version != MPY_VERSION) {
        return cursor_fail(c, 1, ".mpy version %u, expected %u (MicroPython v1.19 to v1.28)",
                           f->version, MPY_VERSION);
    }
    f->has_arch_flags = (h[2] & MPY_FEATURE_ARCH_FLAGS) != 0;
    return !f->has_arch_flags || cursor_uint(c, &f->arch_flags, "the architecture flags");
}

static bool read_qstr(mpy_cursor_t *c, size_t index, mpy_qstr_t *q) {
    char what[64];
    q->offset = c->pos;
    uint64_t v;
    snprintf(what, sizeof(what), "the length of qstr %zu", index);
    if (!cursor_uint(c, &v, what)) {
        return false;
    }
    if (v & 1) {
        uint64_t id = v >> 1;
        if (id == 0 || id > QSTR_STATIC_COUNT) {
            return cursor_fail(c, q->offset,
                               "qstr %zu names static qstr %llu, expected 1 to %d", index,
                               (unsigned long long)id, QSTR_STATIC_COUNT);
        }
        q->static_id = (uint32_t)id;
        q->str = qstr_static_table[id - 1];
        q->len = strlen(q->str);
        return true;
    }
    const uint8_t *p, *nul;
    snprintf(what, sizeof(what), "the text of qstr %zu", index);
    if (!cursor_bytes(c, v >> 1, &p, what)) {
        return false;
    }
    snprintf(what, sizeof(what), "the NUL that ends qstr %zu", index);
    if (!cursor_bytes(c, 1, &nul, what)) {
        return false;
    }
    q->str = (const char *)p;
    q->len = (size_t)(v >> 1);
    return true;
}

static bool read_obj(mpy_cursor_t *c, mpy_obj_t *o, unsigned depth) {
    o->offset = c->pos;
    if (!cursor_byte(c, &o->kind, "an object kind byte")) {
        return false;
    }
    if (o->kind > MPY_OBJ_TUPLE) {
        return cursor_fail(c, o->offset, "unknown object kind %u, expected 0 to %d", o->kind,
                           MPY_OBJ_TUPLE);
    }
    if (o->kind <= MPY_OBJ_ELLIPSIS) {
        return true;
    }
    uint64_t n;
    if (!cursor_uint(c, &n, o->kind == MPY_OBJ_TUPLE ? "the length of a tuple"
                                                     : "the length of an object")) {
        return false;
    }
    if (o->kind == MPY_OBJ_TUPLE) {
        if (depth >= MPY_READ_MAX_DEPTH) {
            return cursor_fail(c, o->offset, "tuples nested more than %d deep",
                               MPY_READ_MAX_DEPTH);
        }
        if (n > cursor_left(c)) {
            return cursor_fail(c, o->offset, "tuple of %llu items, but only %zu bytes are left",
                               (unsigned long long)n, cursor_left(c));
        }
        o->len = (size_t)n;
        o->items = xcalloc(o->len ? o->len : 1, sizeof(mpy_obj_t));
        for (size_t i = 0; i < o->len; i++) {
            if (!read_obj(c, &o->items[i], depth + 1)) {
                return false;
            }
        }
        return true;
    }
    char what[64];
    snprintf(what, sizeof(what), "the contents of a %s object", mpy_obj_kind_name(o->kind));
    if (!cursor_bytes(c, n, &o->data, what)) {
        return false;
    }
    o->len = (size_t)n;
    if (o->kind == MPY_OBJ_STR || o->kind == MPY_OBJ_BYTES) {
        const uint8_t *nul;
        snprintf(what, sizeof(what), "the NUL that ends a %s object", mpy_obj_kind_name(o->kind));
        return cursor_bytes(c, 1, &nul, what);
    }
    return true;
}

static bool read_tables(mpy_cursor_t *c, mpy_file_t *f) {
    uint64_t n_qstrs, n_objs;
    size_t at = c->pos;
    if (!cursor_uint(c, &n_qstrs, "the number of qstrs") ||
        !cursor_uint(c, &n_objs, "the number of objects")) {
        return false;
    }
    // Each entry takes a byte at least.
    if (n_qstrs > cursor_left(c) || n_objs > cursor_left(c) - n_qstrs) {
        return cursor_fail(c, at, "%llu qstrs and %llu objects, but only %zu bytes are left",
                           (unsigned long long)n_qstrs, (unsigned long long)n_objs,
                           cursor_left(c));
    }
    f->qstrs_offset = c->pos;
    f->n_qstrs = (size_t)n_qstrs;
    f->qstrs = xcalloc(f->n_qstrs ? f->n_qstrs : 1, sizeof(mpy_qstr_t));
    for (size_t i = 0; i < f->n_qstrs; i++) {
        if (!read_qstr(c, i, &f->qstrs[i])) {
            return false;
        }
    }
    f->objs_offset = c->pos;
    f->n_objs = (size_t)n_objs;
    f->objs = xcalloc(f->n_objs ? f->n_objs : 1, sizeof(mpy_obj_t));
    for (size_t i = 0; i < f->n_objs; i++) {
        if (!read_obj(c, &f->objs[i], 0)) {
            return false;
        }
    }
    return true;
}

// Decodes the prelude of rc at rc->data[rc->prelude_offset..] and checks
// that the names it gives are in the qstr table.
static bool read_prelude(mpy_cursor_t *c, const mpy_file_t *f, mpy_raw_code_t *rc) {
    size_t where = 0;
    const uint8_t *start = rc->data + rc->prelude_offset;
    const char *msg = bc_prelude_decode(start, rc->data_len - rc->prelude_offset, &rc->prelude,
                                        &where);
    size_t base = rc->data_offset + rc->prelude_offset;
    if (msg) {
        return cursor_fail(c, base + where, "%s", msg);
    }
    rc->has_prelude = true;
    for (size_t i = 0; i < rc->prelude.n_names; i++) {
        if (rc->prelude.names[i] >= f->n_qstrs) {
            return cursor_fail(c, base + rc->prelude.source_offset,
                               "%s %zu of the function is qstr %llu, but the qstr table has %zu "
                               "entries",
                               i == 0 ? "name" : "argument name", i,
                               (unsigned long long)rc->prelude.names[i], f->n_qstrs);
        }
    }
    return true;
}

static bool read_raw_code(mpy_cursor_t *c, const mpy_file_t *f, mpy_raw_code_t *rc,
                          unsigned depth) {
    rc->offset = c->pos;
    if (depth >= MPY_READ_MAX_DEPTH) {
        return cursor_fail(c, c->pos, "raw code nested more than %d deep", MPY_READ_MAX_DEPTH);
    }
    uint64_t kind_len;
    if (!cursor_uint(c, &kind_len, "the kind and length of a raw code")) {
        return false;
    }
    rc->kind = (uint8_t)((kind_len & 3) + MPY_CODE_BYTECODE);
    rc->has_children = (kind_len >> 2) & 1;
    rc->data_offset = c->pos;
    if (!cursor_bytes(c, kind_len >> 3, &rc->data, rc->kind == MPY_CODE_BYTECODE
                                                        ? "the bytecode of a function"
                                                        : "the machine code of a function")) {
        return false;
    }
    rc->data_len = (size_t)(kind_len >> 3);

    if (rc->kind == MPY_CODE_BYTECODE) {
        if (!read_prelude(c, f, rc)) {
            return false;
        }
        rc->scope_flags = rc->prelude.scope_flags;
    } else if (!mpy_read_native_tail(c, f, rc)) {
        return false;
    }

    if (rc->has_children) {
        uint64_t n;
        size_t at = c->pos;
        if (!cursor_uint(c, &n, "the number of children of a raw code")) {
            return false;
        }
        if (n > cursor_left(c)) {
            return cursor_fail(c, at, "%llu children, but only %zu bytes are left",
                               (unsigned long long)n, cursor_left(c));
        }
        rc->n_children = (size_t)n;
        rc->children = xcalloc(rc->n_children ? rc->n_children : 1, sizeof(mpy_raw_code_t));
        for (size_t i = 0; i < rc->n_children; i++) {
            if (!read_raw_code(c, f, &rc->children[i], depth + 1)) {
                return false;
            }
        }
    }
    rc->end = c->pos;
    return true;
}

bool mpy_read(mpy_file_t *f, const char *name, const uint8_t *data, size_t len, mpy_error_t *err) {
    *f = (mpy_file_t){0};
    f->name = name;
    f->data = data;
    f->len = len;
    mpy_cursor_t c = {data, len, 0, err, false};
    bool ok = read_header(&c, f) && read_tables(&c, f);
    if (ok) {
        f->raw_code_offset = c.pos;
        ok = read_raw_code(&c, f, &f->rc, 0);
    }
    if (!ok) {
        mpy_file_free(f);
        return false;
    }
    f->end = c.pos;
    return true;
}

static void free_obj(mpy_obj_t *o) {
    if (o->kind == MPY_OBJ_TUPLE && o->items) {
        for (size_t i = 0; i < o->len; i++) {
            free_obj(&o->items[i]);
        }
        free(o->items);
    }
}

static void free_raw_code(mpy_raw_code_t *rc) {
    if (rc->children) {
        for (size_t i = 0; i < rc->n_children; i++) {
            free_raw_code(&rc->children[i]);
        }
        free(rc->children);
    }
    bc_prelude_free(&rc->prelude);
    free(rc->relocs);
}

void mpy_file_free(mpy_file_t *f) {
    if (f->objs) {
        for (size_t i = 0; i < f->n_objs; i++) {
            free_obj(&f->objs[i]);
        }
    }
    free(f->objs);
    free(f->qstrs);
    free_raw_code(&f->rc);
    const char *name = f->name;
    *f = (mpy_file_t){0};
    f->name = name;
}
