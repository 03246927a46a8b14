#include "runtime/native_code.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy/mpy_format.h"
#include "runtime/platform.h"

// The destination address of one relocation record, or false if there is none.
static bool reloc_dest(const native_code_t *code, const native_targets_t *to, uint32_t dest,
                       uintptr_t *addr) {
    switch (dest) {
        case MPY_RELOC_TEXT:
            *addr = (uintptr_t)code->text;
            return true;
        case MPY_RELOC_RODATA:
            *addr = (uintptr_t)code->rodata;
            return code->rodata != NULL;
        case MPY_RELOC_BSS:
            *addr = (uintptr_t)code->bss;
            return code->bss != NULL;
        case MPY_RELOC_QSTR_TABLE:
            *addr = to->qstr_table;
            return true;
        case MPY_RELOC_OBJ_TABLE:
            *addr = to->obj_table;
            return true;
        case MPY_RELOC_FUN_TABLE:
            *addr = (uintptr_t)to->fun_table;
            return true;
        default:
            if (dest < MPY_RELOC_FUN_TABLE_ENTRY ||
                dest - MPY_RELOC_FUN_TABLE_ENTRY >= to->fun_table_len) {
                return false;
            }
            *addr = to->fun_table[dest - MPY_RELOC_FUN_TABLE_ENTRY];
            return true;
    }
}

// Adds each record's destination to the words it names. The reader checked
// the stream against the sizes already; this checks again against the
// memory actually patched, since a wrong offset here would write anywhere.
static bool apply_relocs(native_code_t *code, const mpy_raw_code_t *rc,
                         const native_targets_t *to, char *err, size_t errlen) {
    for (size_t i = 0; i < rc->n_relocs; i++) {
        const mpy_reloc_entry_t *e = &rc->relocs[i];
        bool in_text = e->base == MPY_RELOC_IN_TEXT;
        uint8_t *region = in_text ? code->text : code->rodata;
        size_t words = (in_text ? code->text_len : code->rodata_len) / sizeof(uintptr_t);
        uintptr_t dest;
        if (!region || e->word > words || e->count > words - e->word) {
            snprintf(err, errlen, "relocation at file offset 0x%zx patches words %llu..%llu "
                                  "outside %s",
                     e->offset, (unsigned long long)e->word,
                     (unsigned long long)(e->word + e->count), in_text ? "text" : "rodata");
            return false;
        }
        if (!reloc_dest(code, to, e->dest, &dest)) {
            snprintf(err, errlen, "relocation at file offset 0x%zx has destination %" PRIu32 ", which "
                                  "this module does not have",
                     e->offset, e->dest);
            return false;
        }
        for (uint64_t w = e->word; w < e->word + e->count; w++) {
            uintptr_t word;
            memcpy(&word, region + w * sizeof(uintptr_t), sizeof(word));
            word += dest;
            memcpy(region + w * sizeof(uintptr_t), &word, sizeof(word));
        }
    }
    return true;
}

bool native_code_load(native_code_t *code, const mpy_raw_code_t *rc, const native_targets_t *to,
                      char *err, size_t errlen) {
    memset(code, 0, sizeof(*code));
    if (rc->kind != MPY_CODE_NATIVE_VIPER) {
        snprintf(err, errlen, "raw code at file offset 0x%zx is not native viper code",
                 rc->offset);
        return false;
    }
    code->text_len = rc->data_len;
    void *text = platform_code_alloc(rc->data_len, &code->text_map_len);
    if (text == NULL) {
        snprintf(err, errlen, "cannot allocate %zu bytes for native code", rc->data_len);
        return false;
    }
    code->text = text;
    memcpy(code->text, rc->data, rc->data_len);
    // Word-aligned copies (malloc aligns) so relocations may patch them.
    if (rc->has_rodata && rc->rodata_size) {
        code->rodata_len = (size_t)rc->rodata_size;
        code->rodata = malloc(code->rodata_len);
        if (!code->rodata) {
            snprintf(err, errlen, "cannot allocate %zu bytes of rodata", code->rodata_len);
            native_code_free(code);
            return false;
        }
        memcpy(code->rodata, rc->rodata, code->rodata_len);
    }
    if (rc->has_bss && rc->bss_size) {
        code->bss_len = (size_t)rc->bss_size;
        code->bss = calloc(1, code->bss_len);
        if (!code->bss) {
            snprintf(err, errlen, "cannot allocate %zu bytes of BSS", code->bss_len);
            native_code_free(code);
            return false;
        }
    }
    if (!apply_relocs(code, rc, to, err, errlen)) {
        native_code_free(code);
        return false;
    }
    if (!platform_code_make_executable(code->text, code->text_map_len)) {
        snprintf(err, errlen, "cannot make native code executable");
        native_code_free(code);
        return false;
    }
    return true;
}

void native_code_free(native_code_t *code) {
    if (code->text) {
        platform_code_free(code->text, code->text_map_len);
    }
    free(code->rodata);
    free(code->bss);
    memset(code, 0, sizeof(*code));
}
