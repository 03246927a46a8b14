// Maps and sets: the hash tables behind dict, set, module globals, instance
// members and locals dicts, with MicroPython v1.21's layouts and semantics.
//
// Native modules read and build these structures directly (a ROM locals
// dict is an mp_map_t in the module's rodata), so the structs are the SDK's
// own (py/obj.h, included in the runtime's configuration MICROPY_SDK_RUNTIME).
//
// Same table sizes, hashing, probing, removal and growth as MicroPython, so a
// dict or set fed the same operations iterates in the same order.
//
// What a key hashes to and which keys are equal belongs to the object model:
// the runtime provides it through mp_map_hooks_t. Qstr and small-int keys
// (object representation A) are handled here without a callback.
#ifndef RUNTIME_MAP_H
#define RUNTIME_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime/qstr.h"

#include "py/obj.h"

typedef struct {
    // hash(key) for a key that is neither a qstr nor a small int, as the
    // C conversion of the Python int to size_t (negative values wrap, as
    // MicroPython's mp_uint_t does). Default: the object word itself.
    size_t (*hash)(mp_obj_t key);
    // key == other in Python: MicroPython's mp_obj_equal, stored key first.
    // Called only where MicroPython calls mp_obj_equal and the tags do not
    // already decide (two small ints, two qstrs, a small int and a qstr).
    // Maps try identity first; sets do not (a NaN is not in {nan}), so this
    // must handle key == other itself. Default: identity.
    bool (*equal)(mp_obj_t key, mp_obj_t other);
    // True for an object that may equal a qstr although it is no qstr:
    // MicroPython asks "exact str type?" (a non-interned str). A map whose
    // keys are all qstrs answers any other non-qstr lookup with "absent"
    // straight away. Default: no such object.
    bool (*is_str)(mp_obj_t obj);
    // Table memory. alloc never returns NULL: it succeeds or does not return
    // (raises MemoryError); a map is consistent whenever it is called. The
    // map zeroes what it gets. Default: malloc, aborting when out of memory.
    void *(*alloc)(size_t nbytes);
    void (*free)(void *ptr, size_t nbytes);
} mp_map_hooks_t;

// Installs hooks (copied; NULL restores all defaults). Set them before any
// map exists: a table must be freed by the allocator that made it.
void mp_map_set_hooks(const mp_map_hooks_t *hooks);

// An empty hash map with room for n entries (no allocation when n is 0).
void mp_map_init(mp_map_t *map, size_t n);
// A fixed, ordered view of n key/value pairs at table (2 * n words), as for
// a ROM dict or keyword arguments: searched linearly, never written.
void mp_map_init_fixed_table(mp_map_t *map, size_t n, const mp_obj_t *table);
// Frees the table (not a fixed one); the map is left empty.
void mp_map_deinit(mp_map_t *map);
// Frees the table (not a fixed one) and leaves an empty, writable map.
void mp_map_clear(mp_map_t *map);

// MP_MAP_LOOKUP: the slot holding key, or NULL.
// MP_MAP_LOOKUP_ADD_IF_NOT_FOUND: the slot holding key; a new slot has
//   value MP_OBJ_NULL for the caller to fill in. May grow the table.
// MP_MAP_LOOKUP_REMOVE_IF_FOUND: NULL if absent; else the key is removed and
//   the returned slot still holds its value (its key is no longer the key).
// A fixed map only answers MP_MAP_LOOKUP; other kinds give NULL.
mp_map_elem_t *mp_map_lookup(mp_map_t *map, mp_obj_t key, mp_map_lookup_kind_t kind);

// Iteration in MicroPython's dict order: start with *pos = 0; each call
// returns the next entry, or NULL at the end. The map must not change
// during the walk.
mp_map_elem_t *mp_map_iter_next(const mp_map_t *map, size_t *pos);

// Sets: the same hash table with keys only.
void mp_set_init(mp_set_t *set, size_t n);
// MP_MAP_LOOKUP: the stored item equal to item, or MP_OBJ_NULL.
// ..._ADD_IF_NOT_FOUND: the stored item (item itself if it was added).
// ..._REMOVE_IF_FOUND: the stored item that was removed, or MP_OBJ_NULL.
// ..._ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND: removes it if present (returning
//   it), else adds it (returning item).
mp_obj_t mp_set_lookup(mp_set_t *set, mp_obj_t item, mp_map_lookup_kind_t kind);
// Removes and returns the first item in iteration order (set.pop), or
// MP_OBJ_NULL when empty.
mp_obj_t mp_set_remove_first(mp_set_t *set);
void mp_set_clear(mp_set_t *set);
mp_obj_t mp_set_iter_next(const mp_set_t *set, size_t *pos);

#endif
