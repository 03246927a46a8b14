// The m_malloc family: allocation from the collected heap (gc_alloc), with
// MemoryError instead of NULL when the heap cannot hold the request.
#include <string.h>

#include "runtime/runtime.h"

NORETURN void m_malloc_fail(size_t num_bytes) {
    if (gc_is_locked()) {
        mp_raise_msg(&mp_type_MemoryError, MP_ERROR_TEXT("memory allocation failed, heap is locked"));
    }
    mp_raise_msg_varg(&mp_type_MemoryError,
        MP_ERROR_TEXT("memory allocation failed, allocating %u bytes"), (unsigned int)num_bytes);
}

void *m_malloc_maybe(size_t num_bytes) {
    return gc_alloc(num_bytes, 0);
}

void *m_malloc(size_t num_bytes) {
    void *ptr = gc_alloc(num_bytes, 0);
    if (ptr == NULL && num_bytes != 0) {
        m_malloc_fail(num_bytes);
    }
    return ptr;
}

// gc_alloc already returns zeroed memory.
void *m_malloc0(size_t num_bytes) {
    return m_malloc(num_bytes);
}

void *m_malloc_with_finaliser(size_t num_bytes) {
    void *ptr = gc_alloc(num_bytes, GC_ALLOC_FINALISER);
    if (ptr == NULL) {
        m_malloc_fail(num_bytes);
    }
    return ptr;
}

// Without allow_move the block must stay where it is: the collector has no
// "grow in place only" call, so a growth beyond the block's current size is
// refused (NULL) and the caller keeps the old block.
void *m_realloc_maybe(void *ptr, size_t new_num_bytes, bool allow_move) {
    if (!allow_move && ptr != NULL && new_num_bytes > gc_nbytes(ptr)) {
        return NULL;
    }
    return gc_realloc(ptr, new_num_bytes);
}

void *m_realloc(void *ptr, size_t new_num_bytes) {
    void *p = gc_realloc(ptr, new_num_bytes);
    if (p == NULL && new_num_bytes != 0) {
        m_malloc_fail(new_num_bytes);
    }
    return p;
}

void m_free(void *ptr) {
    gc_free(ptr);
}

void *mp_obj_malloc_helper(size_t num_bytes, const mp_obj_type_t *type) {
    mp_obj_base_t *base = (mp_obj_base_t *)m_malloc(num_bytes);
    base->type = type;
    return base;
}
