#include "base/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

// FNV-1a: simple and good enough for symbol names.
static size_t hash_bytes(const char *key, size_t len) {
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (uint8_t)key[i]) * 0x100000001b3u;
    }
    return (size_t)(h ^ (h >> 32));
}

static strmap_slot_t *find_slot(const strmap_t *m, const char *key, size_t len, size_t hash) {
    size_t mask = m->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        strmap_slot_t *s = &m->slots[i];
        if (!s->key ||
            (s->hash == hash && s->key_len == len && memcmp(s->key, key, len) == 0)) {
            return s;
        }
    }
}

void *strmap_get(const strmap_t *m, const char *key, size_t len) {
    if (m->cap == 0) {
        return NULL;
    }
    strmap_slot_t *s = find_slot(m, key, len, hash_bytes(key, len));
    return s->key ? s->value : NULL;
}

static void grow(strmap_t *m) {
    strmap_t bigger = {xcalloc(m->cap ? m->cap * 2 : 64, sizeof(strmap_slot_t)),
                       m->cap ? m->cap * 2 : 64, m->used};
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key) {
            const strmap_slot_t *old = &m->slots[i];
            *find_slot(&bigger, old->key, old->key_len, old->hash) = *old;
        }
    }
    free(m->slots);
    *m = bigger;
}

void *strmap_put(strmap_t *m, const char *key, size_t len, void *value) {
    if ((m->used + 1) * 2 > m->cap) {
        grow(m);
    }
    size_t hash = hash_bytes(key, len);
    strmap_slot_t *s = find_slot(m, key, len, hash);
    void *old = s->key ? s->value : NULL;
    if (!s->key) {
        s->key = key;
        s->key_len = len;
        s->hash = hash;
        m->used++;
    }
    s->value = value;
    return old;
}

void strmap_free(strmap_t *m) {
    free(m->slots);
    m->slots = NULL;
    m->cap = m->used = 0;
}
