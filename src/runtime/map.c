// Maps and sets with MicroPython v1.21's behaviour: open addressing with
// linear probing from hash % alloc, growth only when a probe finds the table
// full, removed slots marked MP_OBJ_SENTINEL, ordered maps as plain arrays.
// Matching these details (not just "a hash table") is what makes dicts and
// sets iterate in MicroPython's order.
#include "runtime/map.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/******************************************************************************/
// Object words (representation A) and hooks

static bool is_small_int(mp_obj_t o) {
    return ((uintptr_t)o & 1) != 0;
}

static bool is_qstr(mp_obj_t o) {
    return ((uintptr_t)o & 7) == 2;
}

static size_t default_hash(mp_obj_t key) {
    return (size_t)(uintptr_t)key;
}

static bool default_equal(mp_obj_t key, mp_obj_t other) {
    return key == other;
}

static bool default_is_str(mp_obj_t obj) {
    (void)obj;
    return false;
}

static void *default_alloc(size_t nbytes) {
    void *p = malloc(nbytes);
    if (p == NULL) {
        fprintf(stderr, "map: out of memory (%zu bytes)\n", nbytes);
        abort();
    }
    return p;
}

static void default_free(void *ptr, size_t nbytes) {
    (void)nbytes;
    free(ptr);
}

static mp_map_hooks_t hooks = {
    default_hash, default_equal, default_is_str, default_alloc, default_free,
};

void mp_map_set_hooks(const mp_map_hooks_t *h) {
    static const mp_map_hooks_t none;
    if (h == NULL) {
        h = &none;
    }
    hooks.hash = h->hash != NULL ? h->hash : default_hash;
    hooks.equal = h->equal != NULL ? h->equal : default_equal;
    hooks.is_str = h->is_str != NULL ? h->is_str : default_is_str;
    hooks.alloc = h->alloc != NULL ? h->alloc : default_alloc;
    hooks.free = h->free != NULL ? h->free : default_free;
}

// hash(key) as MicroPython computes it: a qstr's stored hash, a small int's
// own value (MP_OBJ_SMALL_INT_VALUE, an arithmetic shift, then taken as
// unsigned), anything else from the object model.
static size_t hash_of(mp_obj_t key) {
    if (is_qstr(key)) {
        return qstr_hash((qstr)((uintptr_t)key >> 3));
    }
    if (is_small_int(key)) {
        return (size_t)((intptr_t)key >> 1);
    }
    return hooks.hash(key);
}

// Two different words that are both qstrs or small ints are never equal:
// qstrs are unique per spelling and a small int has one encoding.
static bool tags_say_unequal(mp_obj_t a, mp_obj_t b) {
    return (is_qstr(a) || is_small_int(a)) && (is_qstr(b) || is_small_int(b));
}

// mp_obj_equal(key, other) for key != other.
static bool differing_equal(mp_obj_t key, mp_obj_t other) {
    return !tags_say_unequal(key, other) && hooks.equal(key, other);
}

// mp_obj_equal(a, b) in full. Identity is not enough for pointer objects:
// MicroPython lets a type be unequal to itself (NaN), and sets honour that.
static bool items_equal(mp_obj_t a, mp_obj_t b) {
    if (a == b && (is_qstr(a) || is_small_int(a))) {
        return true;
    }
    return !tags_say_unequal(a, b) && hooks.equal(a, b);
}

static void *table_new(size_t n, size_t elem_size) {
    if (n == 0) {
        return NULL;
    }
    if (n > SIZE_MAX / elem_size) {
        n = SIZE_MAX / elem_size; // unsatisfiable: the allocator reports it
    }
    void *p = hooks.alloc(n * elem_size);
    memset(p, 0, n * elem_size);
    return p;
}

static void table_free(void *table, size_t n, size_t elem_size) {
    if (table != NULL) {
        hooks.free(table, n * elem_size);
    }
}

/******************************************************************************/
// Table sizes

// MicroPython's growth sequence: small even sizes first (their tables fill
// whole 4-word GC blocks), then primes growing ever faster. Iteration order
// depends on hash % alloc, so these exact values matter.
static const uint16_t growth_sizes[] = {
    0, 2, 4, 6, 8, 10, 12,
    17, 23, 29, 37, 47, 59, 73,
    97, 127, 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161,
    3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
};

static size_t size_at_least(size_t n) {
    for (size_t i = 0; i < sizeof growth_sizes / sizeof growth_sizes[0]; i++) {
        if (growth_sizes[i] >= n) {
            return growth_sizes[i];
        }
    }
    // Past the list: half as big again, and odd.
    return (n + n / 2) | 1;
}

/******************************************************************************/
// Maps

void mp_map_init(mp_map_t *map, size_t n) {
    map->alloc = n;
    map->table = table_new(n, sizeof(mp_map_elem_t));
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 0;
    map->is_ordered = 0;
}

void mp_map_init_fixed_table(mp_map_t *map, size_t n, const mp_obj_t *table) {
    map->alloc = n;
    map->used = n;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 1;
    map->is_ordered = 1;
    // Never written through: lookups on a fixed map are read-only.
    map->table = (mp_map_elem_t *)(uintptr_t)table;
}

void mp_map_deinit(mp_map_t *map) {
    if (!map->is_fixed) {
        table_free(map->table, map->alloc, sizeof(mp_map_elem_t));
    }
    map->used = 0;
    map->alloc = 0;
}

void mp_map_clear(mp_map_t *map) {
    if (!map->is_fixed) {
        table_free(map->table, map->alloc, sizeof(mp_map_elem_t));
    }
    map->alloc = 0;
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->is_fixed = 0;
    map->table = NULL;
}

// Moves the entries into the next bigger table, re-adding them in slot order
// (as MicroPython does; the new positions, hence the order, depend on it).
// The new table exists before the map changes, so a failed allocation
// leaves the map as it was.
static void map_grow(mp_map_t *map) {
    size_t old_alloc = map->alloc;
    mp_map_elem_t *old_table = map->table;
    size_t new_alloc = size_at_least(old_alloc + 1);
    mp_map_elem_t *new_table = table_new(new_alloc, sizeof(mp_map_elem_t));
    map->alloc = new_alloc;
    map->used = 0;
    map->all_keys_are_qstrs = 1;
    map->table = new_table;
    for (size_t i = 0; i < old_alloc; i++) {
        mp_obj_t key = old_table[i].key;
        if (key != MP_OBJ_NULL && key != MP_OBJ_SENTINEL) {
            mp_map_lookup(map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = old_table[i].value;
        }
    }
    table_free(old_table, old_alloc, sizeof(mp_map_elem_t));
}

static mp_map_elem_t *fill_slot(mp_map_t *map, mp_map_elem_t *slot, mp_obj_t key) {
    map->used++;
    slot->key = key;
    slot->value = MP_OBJ_NULL;
    if (!is_qstr(key)) {
        map->all_keys_are_qstrs = 0;
    }
    return slot;
}

// An ordered map is an array in insertion order, searched linearly.
static mp_map_elem_t *ordered_lookup(mp_map_t *map, mp_obj_t key, bool only_ptrs,
    mp_map_lookup_kind_t kind) {
    for (size_t i = 0; i < map->used; i++) {
        mp_map_elem_t *elem = &map->table[i];
        if (elem->key == key || (!only_ptrs && differing_equal(elem->key, key))) {
            if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                // Close the gap to keep the order, and leave the removed
                // entry just past the end where the caller can read its value.
                mp_obj_t value = elem->value;
                map->used--;
                memmove(elem, elem + 1, (map->used - i) * sizeof *elem);
                elem = &map->table[map->used];
                elem->key = MP_OBJ_NULL;
                elem->value = value;
            }
            return elem;
        }
    }
    if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
        return NULL;
    }
    if (map->used == map->alloc) {
        // MicroPython grows ordered maps 4 entries at a time.
        size_t new_alloc = map->alloc + 4;
        mp_map_elem_t *table = table_new(new_alloc, sizeof(mp_map_elem_t));
        if (map->used != 0) {
            memcpy(table, map->table, map->used * sizeof *table);
        }
        table_free(map->table, map->alloc, sizeof(mp_map_elem_t));
        map->table = table;
        map->alloc = new_alloc;
    }
    return fill_slot(map, &map->table[map->used], key);
}

mp_map_elem_t *mp_map_lookup(mp_map_t *map, mp_obj_t key, mp_map_lookup_kind_t kind) {
    if (map->is_fixed && kind != MP_MAP_LOOKUP) {
        return NULL; // read-only table (MicroPython asserts)
    }

    // In a map of qstr keys only, identity decides, unless key is a str
    // object that may spell one of them; any other key cannot be present.
    bool only_ptrs = map->all_keys_are_qstrs;
    if (only_ptrs && !is_qstr(key)) {
        if (!is_small_int(key) && hooks.is_str(key)) {
            only_ptrs = false;
        } else if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
    }

    if (map->is_ordered) {
        return ordered_lookup(map, key, only_ptrs, kind);
    }

    if (map->alloc == 0) {
        if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
        map_grow(map);
    }

    size_t hash = hash_of(key);
    size_t pos = hash % map->alloc;
    size_t start = pos;
    mp_map_elem_t *free_slot = NULL; // first removed slot on the probe path
    for (;;) {
        mp_map_elem_t *slot = &map->table[pos];
        if (slot->key == MP_OBJ_NULL) {
            // End of the probe chain: key is absent.
            if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
                return NULL;
            }
            return fill_slot(map, free_slot != NULL ? free_slot : slot, key);
        } else if (slot->key == MP_OBJ_SENTINEL) {
            if (free_slot == NULL) {
                free_slot = slot;
            }
        } else if (slot->key == key || (!only_ptrs && differing_equal(slot->key, key))) {
            // The stored key stays (as in CPython: {True: 1} then d[1] = 2
            // keeps the key True).
            if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
                map->used--;
                // A removed slot must not end probe chains that pass it,
                // unless the next slot ends them anyway.
                slot->key = map->table[(pos + 1) % map->alloc].key == MP_OBJ_NULL
                    ? MP_OBJ_NULL : MP_OBJ_SENTINEL;
            }
            return slot;
        }

        pos = (pos + 1) % map->alloc;
        if (pos == start) {
            // Every slot probed: key is absent and the table holds no NULL.
            if (kind != MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
                return NULL;
            }
            if (free_slot != NULL) {
                return fill_slot(map, free_slot, key);
            }
            // Full: MicroPython grows only now (no load factor).
            map_grow(map);
            start = pos = hash % map->alloc;
        }
    }
}

mp_map_elem_t *mp_map_iter_next(const mp_map_t *map, size_t *pos) {
    for (size_t i = *pos; i < map->alloc; i++) {
        if (mp_map_slot_is_filled(map, i)) {
            *pos = i + 1;
            return &map->table[i];
        }
    }
    *pos = map->alloc;
    return NULL;
}

/******************************************************************************/
// Sets

void mp_set_init(mp_set_t *set, size_t n) {
    set->alloc = n;
    set->used = 0;
    set->table = table_new(n, sizeof(mp_obj_t));
}

static void set_grow(mp_set_t *set) {
    size_t old_alloc = set->alloc;
    mp_obj_t *old_table = set->table;
    size_t new_alloc = size_at_least(old_alloc + 1);
    mp_obj_t *new_table = table_new(new_alloc, sizeof(mp_obj_t));
    set->alloc = new_alloc;
    set->used = 0;
    set->table = new_table;
    for (size_t i = 0; i < old_alloc; i++) {
        if (old_table[i] != MP_OBJ_NULL && old_table[i] != MP_OBJ_SENTINEL) {
            mp_set_lookup(set, old_table[i], MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
        }
    }
    table_free(old_table, old_alloc, sizeof(mp_obj_t));
}

// Removes the item at pos, as a map does.
static void set_remove_at(mp_set_t *set, size_t pos) {
    set->used--;
    bool next_empty = set->table[(pos + 1) % set->alloc] == MP_OBJ_NULL;
    set->table[pos] = next_empty ? MP_OBJ_NULL : MP_OBJ_SENTINEL;
}

mp_obj_t mp_set_lookup(mp_set_t *set, mp_obj_t item, mp_map_lookup_kind_t kind) {
    // The kinds are bit flags here: 3 adds when absent and removes when present.
    bool add = (kind & MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) != 0;
    bool remove = (kind & MP_MAP_LOOKUP_REMOVE_IF_FOUND) != 0;
    if (set->alloc == 0) {
        if (!add) {
            return MP_OBJ_NULL;
        }
        set_grow(set);
    }
    size_t hash = hash_of(item);
    size_t pos = hash % set->alloc;
    size_t start = pos;
    mp_obj_t *free_slot = NULL;
    for (;;) {
        mp_obj_t elem = set->table[pos];
        if (elem == MP_OBJ_NULL) {
            if (!add) {
                return MP_OBJ_NULL;
            }
            set->used++;
            *(free_slot != NULL ? free_slot : &set->table[pos]) = item;
            return item;
        } else if (elem == MP_OBJ_SENTINEL) {
            if (free_slot == NULL) {
                free_slot = &set->table[pos];
            }
        } else if (items_equal(elem, item)) {
            if (remove) {
                set_remove_at(set, pos);
            }
            return elem;
        }

        pos = (pos + 1) % set->alloc;
        if (pos == start) {
            if (!add) {
                return MP_OBJ_NULL;
            }
            if (free_slot != NULL) {
                set->used++;
                *free_slot = item;
                return item;
            }
            set_grow(set);
            start = pos = hash % set->alloc;
        }
    }
}

mp_obj_t mp_set_remove_first(mp_set_t *set) {
    for (size_t pos = 0; pos < set->alloc; pos++) {
        if (mp_set_slot_is_filled(set, pos)) {
            mp_obj_t item = set->table[pos];
            set_remove_at(set, pos);
            return item;
        }
    }
    return MP_OBJ_NULL;
}

void mp_set_clear(mp_set_t *set) {
    table_free(set->table, set->alloc, sizeof(mp_obj_t));
    set->alloc = 0;
    set->used = 0;
    set->table = NULL;
}

mp_obj_t mp_set_iter_next(const mp_set_t *set, size_t *pos) {
    for (size_t i = *pos; i < set->alloc; i++) {
        if (mp_set_slot_is_filled(set, i)) {
            *pos = i + 1;
            return set->table[i];
        }
    }
    *pos = set->alloc;
    return MP_OBJ_NULL;
}
