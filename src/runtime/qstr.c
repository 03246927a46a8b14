// The qstr pool: an array of entries indexed by qstr number, an open-addressing
// index from string to number, and chunks holding the bytes of dynamic qstrs.
// Static qstrs point straight at the strings of mpy/qstr_static.c.
#include "runtime/qstr.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Bytes of dynamic qstrs are packed into chunks of this size (a longer
// string gets a chunk of its own). Chunks are never reallocated, which keeps
// every data pointer stable.
#define CHUNK_BYTES 4096

typedef struct {
    const char *data; // NUL-terminated
    size_t len;
    size_t full_hash; // djb2 over all bits of size_t: spreads the index
} qstr_entry_t;

typedef struct chunk {
    struct chunk *next;
    size_t size; // bytes of the whole allocation, header included
} chunk_t;

static struct {
    int live;
    qstr_allocator_t mem;
    qstr_entry_t *entries; // entries[q] for q < count
    size_t count;
    size_t entries_alloc;
    // index: open addressing, linear probing, power-of-two size, at most half
    // full; a slot holds a qstr number, 0 (MP_QSTRnull) marks a free slot.
    qstr *index;
    size_t index_size;
    chunk_t *chunks; // newest first
    size_t chunk_used; // bytes used in chunks (the newest), header included
} pool;

static void *default_alloc(size_t nbytes) {
    void *p = malloc(nbytes);
    if (p == NULL) {
        fprintf(stderr, "qstr: out of memory (%zu bytes)\n", nbytes);
        abort();
    }
    return p;
}

static void default_free(void *ptr, size_t nbytes) {
    (void)nbytes;
    free(ptr);
}

// djb2 (h * 33 ^ byte), the function MicroPython hashes qstrs and str with,
// over all bits of size_t. MicroPython keeps only the low QSTR_HASH_BITS;
// those bits do not depend on the higher ones, so one pass gives both
// MicroPython's hash and a wide hash for our own index.
static size_t full_hash_of(const unsigned char *data, size_t len) {
    size_t h = 5381;
    for (size_t i = 0; i < len; i++) {
        h = (h * 33) ^ data[i];
    }
    return h;
}

// MicroPython's hash from the full one: masked, and 0 (reserved for "not
// computed") becomes 1.
static size_t mp_hash_of(size_t full_hash) {
    size_t h = full_hash & (((size_t)1 << QSTR_HASH_BITS) - 1);
    return h == 0 ? 1 : h;
}

size_t qstr_compute_hash(const unsigned char *data, size_t len) {
    return mp_hash_of(full_hash_of(data, len));
}

// Index slot for a full hash: multiplicative (Fibonacci) hashing uses the
// high bits of the product, which depend on all bits of the hash.
static size_t index_slot(size_t full_hash, size_t index_size) {
    uint64_t x = (uint64_t)full_hash * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(x >> 32) & (index_size - 1);
}

static void index_insert(qstr *index, size_t index_size, qstr q, size_t full_hash) {
    size_t i = index_slot(full_hash, index_size);
    while (index[i] != MP_QSTRnull) {
        i = (i + 1) & (index_size - 1);
    }
    index[i] = q;
}

// Makes room for one more qstr in the entry array and the index. Each step
// swaps in a complete new array, so the pool stays valid if alloc escapes.
static void reserve_one(void) {
    if (pool.count == pool.entries_alloc) {
        size_t n = pool.entries_alloc * 2;
        qstr_entry_t *e = pool.mem.alloc(n * sizeof *e);
        memcpy(e, pool.entries, pool.count * sizeof *e);
        pool.mem.free(pool.entries, pool.entries_alloc * sizeof *e);
        pool.entries = e;
        pool.entries_alloc = n;
    }
    if ((pool.count + 1) * 2 > pool.index_size) {
        size_t n = pool.index_size * 2;
        qstr *index = pool.mem.alloc(n * sizeof *index);
        memset(index, 0, n * sizeof *index);
        for (qstr q = 1; q < pool.count; q++) {
            index_insert(index, n, q, pool.entries[q].full_hash);
        }
        pool.mem.free(pool.index, pool.index_size * sizeof *index);
        pool.index = index;
        pool.index_size = n;
    }
}

// Stable storage for nbytes of string data.
static char *data_alloc(size_t nbytes) {
    if (pool.chunks == NULL || pool.chunk_used + nbytes > pool.chunks->size) {
        size_t size = sizeof(chunk_t) + nbytes;
        if (size < CHUNK_BYTES) {
            size = CHUNK_BYTES;
        }
        chunk_t *c = pool.mem.alloc(size);
        c->next = pool.chunks;
        c->size = size;
        pool.chunks = c;
        pool.chunk_used = sizeof(chunk_t);
    }
    char *p = (char *)pool.chunks + pool.chunk_used;
    pool.chunk_used += nbytes;
    return p;
}

// Appends an entry whose room reserve_one made.
static qstr add_entry(const char *data, size_t len, size_t full_hash) {
    qstr q = pool.count++;
    pool.entries[q] = (qstr_entry_t){data, len, full_hash};
    index_insert(pool.index, pool.index_size, q, full_hash);
    return q;
}

void qstr_init(const qstr_allocator_t *allocator) {
    if (pool.live) {
        qstr_deinit();
    }
    static const qstr_allocator_t none;
    if (allocator == NULL) {
        allocator = &none;
    }
    pool.mem.alloc = allocator->alloc != NULL ? allocator->alloc : default_alloc;
    pool.mem.free = allocator->free != NULL ? allocator->free : default_free;
    // Room for the statics and as many dynamic qstrs again before growing.
    pool.entries_alloc = 2 * (QSTR_STATIC_COUNT + 1);
    pool.entries = pool.mem.alloc(pool.entries_alloc * sizeof *pool.entries);
    pool.index_size = 1024; // > 2 * entries_alloc: no growth at start-up
    pool.index = pool.mem.alloc(pool.index_size * sizeof *pool.index);
    memset(pool.index, 0, pool.index_size * sizeof *pool.index);
    pool.chunks = NULL;
    pool.chunk_used = 0;
    pool.entries[0] = (qstr_entry_t){"", 0, 0};
    pool.count = 1;
    for (size_t i = 0; i < QSTR_STATIC_COUNT; i++) {
        const char *s = qstr_static_table[i];
        size_t len = strlen(s);
        add_entry(s, len, full_hash_of((const unsigned char *)s, len));
    }
    pool.live = 1;
}

void qstr_deinit(void) {
    if (!pool.live) {
        return;
    }
    while (pool.chunks != NULL) {
        chunk_t *next = pool.chunks->next;
        pool.mem.free(pool.chunks, pool.chunks->size);
        pool.chunks = next;
    }
    pool.mem.free(pool.index, pool.index_size * sizeof *pool.index);
    pool.mem.free(pool.entries, pool.entries_alloc * sizeof *pool.entries);
    memset(&pool, 0, sizeof pool);
}

static void ensure_live(void) {
    if (!pool.live) {
        qstr_init(NULL);
    }
}

// Looks s up given its full hash.
static qstr find(const char *s, size_t len, size_t full_hash) {
    for (size_t i = index_slot(full_hash, pool.index_size);; i = (i + 1) & (pool.index_size - 1)) {
        qstr q = pool.index[i];
        if (q == MP_QSTRnull) {
            return MP_QSTRnull;
        }
        const qstr_entry_t *e = &pool.entries[q];
        if (e->full_hash == full_hash && e->len == len
            && (len == 0 || memcmp(e->data, s, len) == 0)) {
            return q;
        }
    }
}

qstr qstr_find_strn(const char *s, size_t len) {
    ensure_live();
    return find(s, len, full_hash_of((const unsigned char *)s, len));
}

qstr qstr_from_strn(const char *s, size_t len) {
    ensure_live();
    size_t full_hash = full_hash_of((const unsigned char *)s, len);
    qstr q = find(s, len, full_hash);
    if (q != MP_QSTRnull) {
        return q;
    }
    reserve_one();
    char *data = data_alloc(len + 1);
    memcpy(data, s, len);
    data[len] = '\0';
    return add_entry(data, len, full_hash);
}

qstr qstr_from_str(const char *s) {
    return qstr_from_strn(s, strlen(s));
}

size_t qstr_count(void) {
    ensure_live();
    return pool.count;
}

const char *qstr_str(qstr q) {
    ensure_live();
    return q < pool.count ? pool.entries[q].data : NULL;
}

size_t qstr_len(qstr q) {
    ensure_live();
    return q < pool.count ? pool.entries[q].len : 0;
}

size_t qstr_hash(qstr q) {
    ensure_live();
    // MP_QSTRnull keeps hash 0, as in MicroPython's table.
    return q != MP_QSTRnull && q < pool.count ? mp_hash_of(pool.entries[q].full_hash) : 0;
}

const unsigned char *qstr_data(qstr q, size_t *len) {
    *len = qstr_len(q);
    return (const unsigned char *)qstr_str(q);
}
