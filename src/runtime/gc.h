// The runtime's garbage-collected heap: a tracing mark-sweep collector over
// one contiguous heap whose size is chosen at start-up.
//
// The heap is cut into 16-byte blocks. An allocation is a run of blocks: a
// head block followed by tail blocks. A table of 2 bits per block records
// each block's state (free, head, tail, or head marked during a collection).
//
// Collection is conservative: every pointer-sized, pointer-aligned word in a
// root is treated as a possible pointer. Roots are the C stack of the
// calling thread, the callee-saved registers, and the ranges registered with
// gc_add_root (loaded modules' BSS and rodata, the runtime's globals). A
// reachable allocation has all its words scanned in turn. A word pointing
// anywhere inside an allocation keeps the whole allocation alive, not only a
// pointer to its first byte: native code and compilers keep interior
// pointers (a pointer to the current element, base+offset addressing).
//
// The collector is single-threaded: it scans the stack of the thread that
// calls it, between the current stack pointer and the recorded stack top.
// Allocation never aborts: when the heap is full the collector runs, and if
// the request still does not fit gc_alloc returns NULL (the runtime turns
// that into MemoryError).
#ifndef RUNTIME_GC_H
#define RUNTIME_GC_H

#include <stdbool.h>
#include <stddef.h>

// Size of one heap block; allocations are rounded up to whole blocks and are
// aligned to a block, which suits any C type on the host (max_align_t).
#define GC_BLOCK_BYTES (16)

// gc_alloc flags.
#define GC_ALLOC_FINALISER (1u) // call the finaliser hook before freeing it

// Heap statistics, in bytes (blocks times GC_BLOCK_BYTES).
typedef struct {
    size_t total;       // bytes in the allocatable pool
    size_t used;        // bytes in allocated blocks
    size_t free;        // bytes in free blocks
    size_t max_free;    // the largest run of free blocks
    size_t collections; // collections run since gc_init
} gc_info_t;

// Set up the heap in [start, end), memory owned by the caller. The
// allocation table is carved out of the same range. Returns false when the
// range is too small to hold a few blocks.
bool gc_init(void *start, void *end);
// Set up a heap of the given size in bytes from the system allocator
// (`-X heapsize=N`). Returns false when the memory cannot be had.
bool gc_init_size(size_t bytes);
// Forget the heap (and free it if gc_init_size allocated it) and the roots.
void gc_deinit(void);

// The top of the C stack (its highest address): scanning runs from the
// current stack pointer up to here. Unless set before, gc_init takes the
// start of the main thread's stack from glibc (__libc_stack_end); with
// another C library it takes its own frame, which leaves out the frames of
// its callers: there, call this from main with the address of a local.
void gc_set_stack_top(void *top);

// A zeroed allocation of n bytes (n = 0 gives one block), or NULL when the
// heap cannot hold it even after a collection, or the collector is locked.
void *gc_alloc(size_t n, unsigned flags);
// Free an allocation at once. NULL, pointers outside the heap and pointers
// that are not the start of a live allocation are ignored.
void gc_free(void *ptr);
// Resize an allocation, in place when the following blocks are free,
// otherwise by moving it. Bytes added are zero. NULL allocates, n = 0 frees
// (and returns NULL). On failure returns NULL and ptr is left as it was.
void *gc_realloc(void *ptr, size_t n);
// The size in bytes of the allocation starting at ptr (whole blocks), or 0
// when ptr is not the start of a live allocation.
size_t gc_nbytes(const void *ptr);

// Run a collection now (nothing happens while the collector is locked).
void gc_collect(void);

// Automatic collection (on by default, gc.enable/gc.disable): when off, an
// allocation that does not fit fails instead of collecting first.
void gc_set_auto_collect(bool on);
bool gc_auto_collect(void);
// Collect before an allocation once this many bytes (rounded down to whole
// blocks) were allocated since the last collection; SIZE_MAX (the default)
// never does (gc.threshold).
void gc_set_threshold(size_t bytes);
size_t gc_threshold(void);

// While locked (calls nest), gc_alloc returns NULL and nothing is collected
// or freed; finalisers run with the collector locked.
void gc_lock(void);
void gc_unlock(void);
bool gc_is_locked(void);

// Extra roots: every word in [start, start + bytes) is scanned. Returns
// false when the root list cannot grow. gc_remove_root forgets the range
// registered with that start address.
bool gc_add_root(void *start, size_t bytes);
void gc_remove_root(void *start);

// The finaliser hook, called during a collection for each unreachable
// allocation made with GC_ALLOC_FINALISER, before any of that collection's
// garbage is freed (so it may read objects its allocation points to).
typedef void (*gc_finaliser_t)(void *ptr);
void gc_set_finaliser(gc_finaliser_t fn);

void gc_info(gc_info_t *info);

#endif
