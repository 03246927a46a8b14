// The runtime's qstr pool: interned strings, each named by a small number.
//
// Numbering follows MicroPython v1.21 as a .mpy file sees it: 0 is the null
// qstr, 1..QSTR_STATIC_COUNT are the static qstrs in their fixed order (the
// numbers a native module compiles in), and every string interned after that
// gets the next free number.
//
// The bytes of a qstr are NUL-terminated and never move or get freed until
// qstr_deinit: native modules and str objects keep pointers to them.
//
// Hashes are MicroPython's (djb2, masked to QSTR_HASH_BITS, never 0), so maps
// keyed by qstrs iterate in the same order as in MicroPython.
//
// The pool is one global object, like MicroPython's; it is not thread-safe.
#ifndef RUNTIME_QSTR_H
#define RUNTIME_QSTR_H

#include <stddef.h>

#include "mpy/qstr_static.h"

// Same type as the SDK's py/qstr.h (a repeated identical typedef is valid C11).
typedef size_t qstr;

#define MP_QSTRnull ((qstr)0)

// MicroPython's unix port stores 2-byte qstr hashes (MICROPY_QSTR_BYTES_IN_HASH
// is 2 from ROM level "core features" up), and str objects use the same hash.
#define QSTR_HASH_BITS 16

// MicroPython's unix port refuses to intern names of this length or more
// ("name too long", MICROPY_QSTR_BYTES_IN_LEN = 1). The pool itself has no
// limit; a caller that wants MicroPython's behaviour checks before interning.
#define QSTR_MP_LEN_LIMIT 256

// Where the pool gets its memory. alloc never returns NULL: it either
// succeeds or does not return (raises MemoryError, aborts). The pool leaves
// itself consistent before each allocation, so an escaping alloc is safe.
typedef struct {
    void *(*alloc)(size_t nbytes);
    void (*free)(void *ptr, size_t nbytes);
} qstr_allocator_t;

// Sets up the pool with the static qstrs. allocator NULL: malloc (aborting
// when memory runs out). The allocator is copied. Using the pool before
// qstr_init initialises it with malloc. Calling qstr_init on a live pool
// tears it down first.
void qstr_init(const qstr_allocator_t *allocator);

// Frees everything the pool allocated; earlier qstr data pointers die.
void qstr_deinit(void);

// MicroPython's qstr/str hash of the bytes data[0..len): in 1..2^QSTR_HASH_BITS-1
// (the value hash() gives for a str, and mp_obj_str_t.hash holds).
size_t qstr_compute_hash(const unsigned char *data, size_t len);

// The qstr spelled s[0..len) (s may contain NUL bytes), interned if new.
qstr qstr_from_strn(const char *s, size_t len);
qstr qstr_from_str(const char *s);

// The qstr spelled s[0..len) if it is interned, else MP_QSTRnull.
qstr qstr_find_strn(const char *s, size_t len);

// One more than the highest qstr number in use.
size_t qstr_count(void);

// Properties of qstr q. q must be below qstr_count(); MP_QSTRnull reads as
// the empty string with hash 0. An out-of-range q gives NULL / 0.
const char *qstr_str(qstr q);
size_t qstr_len(qstr q);
size_t qstr_hash(qstr q);
const unsigned char *qstr_data(qstr q, size_t *len);

#endif
