// Faults in native module code (see native_fault.h): the loaded modules'
// text regions, and what the platform's fault handler (platform.h) is told
// about a fault. One inside a module's text leaves through nlr_jump, as a
// raise from the faulting C function would: the module's C frames are
// abandoned, as any raise abandons them.
#include "runtime/native_fault.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/platform.h"

typedef struct {
    char *path, *module;
    uintptr_t text;
    size_t text_len;
} region_t;

static region_t *regions;
static size_t n_regions;
static native_fault_t last;
static bool reporting;

static bool on_fault(int signo, const char *name, uintptr_t pc) {
    const region_t *r = NULL;
    for (size_t i = 0; i < n_regions; i++) {
        if (pc - regions[i].text < regions[i].text_len) {
            r = &regions[i];
        }
    }
    // Outside the modules' code, or again while the first is reported:
    // the handling from before (the process ends by the signal).
    if (!r || reporting) {
        return false;
    }
    reporting = true;
    last = (native_fault_t){signo, name, r->path, r->module, pc - r->text};
    nlr_jump(MP_OBJ_TO_PTR(mp_state.native_fault));
}

void native_fault_register(const char *path, const void *text, size_t text_len) {
    if (mp_state.native_fault == MP_OBJ_NULL) {
        mp_state.native_fault = mp_obj_new_exception_msg(
            &mp_type_BaseException, MP_ERROR_TEXT("fault in native module code"));
    }
    region_t *p = realloc(regions, (n_regions + 1) * sizeof(*p));
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".mpy") == 0) {
        len -= 4;
    }
    char *copy = malloc(strlen(path) + 1), *module = malloc(len + 1);
    if (!p || !copy || !module) {
        free(copy);
        free(module);
        m_malloc_fail(sizeof(*p));
    }
    strcpy(copy, path);
    memcpy(module, base, len);
    module[len] = 0;
    p[n_regions] = (region_t){copy, module, (uintptr_t)text, text_len};
    // The list is complete before the handler can see the new count.
    regions = p;
    n_regions++;
    if (n_regions == 1) {
        platform_catch_faults(on_fault);
    }
}

bool native_fault_is(mp_obj_t exc) {
    return exc != MP_OBJ_NULL && exc == mp_state.native_fault;
}

const native_fault_t *native_fault_last(void) {
    return &last;
}
