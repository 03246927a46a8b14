// A hash map from byte strings to pointers (open addressing, never shrinks).
#ifndef BASE_STRMAP_H
#define BASE_STRMAP_H

#include <stddef.h>

typedef struct {
    const char *key; // not owned: the caller keeps it alive
    size_t key_len;
    size_t hash;
    void *value;
} strmap_slot_t;

typedef struct {
    strmap_slot_t *slots;
    size_t cap; // a power of two, or 0
    size_t used;
} strmap_t;

void *strmap_get(const strmap_t *m, const char *key, size_t len);
// Sets key to value; returns the previous value or NULL.
void *strmap_put(strmap_t *m, const char *key, size_t len, void *value);
void strmap_free(strmap_t *m);

#endif
