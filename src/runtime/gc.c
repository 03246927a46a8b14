// The mark-sweep collector (see gc.h for the model).
//
// Layout of the heap range given to gc_init:
//
//   [allocation table][finaliser table][pad to 16][block 0][block 1]...
//
// The allocation table holds 2 bits per block, four blocks per byte, block
// i in bits 2*(i%4)..2*(i%4)+1 of byte i/4. The finaliser table holds 1 bit
// per block, set on the head block of allocations made with
// GC_ALLOC_FINALISER.
//
// Under AddressSanitizer free blocks are poisoned, so that code touching an
// object the collector has freed (a missed root) is reported at once, and
// the functions that scan memory conservatively are not instrumented (see
// GC_SCANNER below).
#include "runtime/gc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define GC_ASAN (1)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GC_ASAN (1)
#endif
#endif
#ifndef GC_ASAN
#define GC_ASAN (0)
#endif

#if GC_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

// Conservative scanning reads every word of the stack, of the registered
// root ranges and of live allocations, whatever C object (if any) is there.
// AddressSanitizer surrounds stack variables and globals with poisoned
// redzones, so such reads are "out of bounds" to it although they are what
// a conservative collector must do. The scanning functions are therefore
// built without address instrumentation (gcc >= 8 and clang both accept
// this spelling), and noinline so they are never merged into instrumented
// callers. They only read memory; writes go to the collector's own tables.
#define GC_NO_ASAN __attribute__((no_sanitize("address")))
#define GC_SCANNER __attribute__((no_sanitize("address"), noinline))

// Block states in the allocation table.
enum { BLOCK_FREE = 0, BLOCK_HEAD = 1, BLOCK_TAIL = 2, BLOCK_MARK = 3 };

// An allocation table byte whose four blocks are all tails.
#define ATB_ALL_TAILS (0xaa)

// Pending allocations whose contents are still to be scanned. When it
// overflows, marking goes on and the heap is rescanned for marked
// allocations afterwards (see drain_marks).
#define MARK_STACK_SIZE (512)

#define NO_BLOCK ((size_t)-1)

typedef struct {
    uintptr_t start, end;
} root_range_t;

static struct {
    uint8_t *atb;           // allocation table
    uint8_t *ftb;           // finaliser table
    uintptr_t pool;         // address of block 0
    size_t pool_bytes;      // n_blocks * GC_BLOCK_BYTES
    size_t n_blocks;
    size_t hint;            // every block below this one is in use
    size_t next_fit;        // where the search for a multi-block run resumes
    void *owned;            // the memory gc_init_size allocated, if any
    void *range_start;      // the range given to gc_init
    size_t range_bytes;
    uintptr_t stack_top;
    unsigned lock_depth;
    size_t collections;
    bool auto_collect;      // collect when an allocation does not fit (gc.enable)
    size_t threshold;       // blocks allocated that trigger a collection, or SIZE_MAX
    size_t allocated;       // blocks allocated since the last collection
    gc_finaliser_t finaliser;
    root_range_t *roots;
    size_t n_roots, roots_cap;
    size_t mark_sp;
    bool mark_overflow;
    // Last: with every other field within 2 KB of the struct's start, RISC-V
    // code reaches them from its address, not from an anchor register
    // pointing past the struct, possibly into the heap, where the register
    // scan would take it for a pointer to a live allocation (rv32imc).
    size_t mark_stack[MARK_STACK_SIZE];
} gc;

/******************************************************************************/
// Block tables

static inline unsigned block_state(size_t b) {
    return (gc.atb[b >> 2] >> ((b & 3) * 2)) & 3;
}

static inline void set_block_state(size_t b, unsigned state) {
    unsigned shift = (unsigned)(b & 3) * 2;
    gc.atb[b >> 2] = (uint8_t)((gc.atb[b >> 2] & ~(3u << shift)) | (state << shift));
}

static inline bool has_finaliser(size_t b) {
    return (gc.ftb[b >> 3] >> (b & 7)) & 1;
}

static inline void set_finaliser_bit(size_t b, bool on) {
    uint8_t bit = (uint8_t)(1u << (b & 7));
    gc.ftb[b >> 3] = on ? (uint8_t)(gc.ftb[b >> 3] | bit) : (uint8_t)(gc.ftb[b >> 3] & ~bit);
}

static inline void *block_ptr(size_t b) {
    return (void *)(gc.pool + b * GC_BLOCK_BYTES);
}

// Blocks for an n-byte request (at least one); NO_BLOCK when n overflows.
static size_t blocks_for(size_t n) {
    if (n > SIZE_MAX - (GC_BLOCK_BYTES - 1)) {
        return NO_BLOCK;
    }
    return n == 0 ? 1 : (n + GC_BLOCK_BYTES - 1) / GC_BLOCK_BYTES;
}

// The number of blocks of the allocation whose head is b.
static size_t run_length(size_t b) {
    size_t end = b + 1;
    while (end < gc.n_blocks && block_state(end) == BLOCK_TAIL) {
        end++;
    }
    return end - b;
}

// The head block of a live allocation that starts exactly at ptr.
static bool head_of(const void *ptr, size_t *b_out) {
    uintptr_t p = (uintptr_t)ptr;
    if (gc.n_blocks == 0 || p - gc.pool >= gc.pool_bytes || (p - gc.pool) % GC_BLOCK_BYTES != 0) {
        return false;
    }
    size_t b = (p - gc.pool) / GC_BLOCK_BYTES;
    unsigned state = block_state(b);
    if (state != BLOCK_HEAD && state != BLOCK_MARK) {
        return false;
    }
    *b_out = b;
    return true;
}

// Return blocks [b, b + n) to the free pool.
static void free_blocks(size_t b, size_t n) {
    for (size_t i = b; i < b + n; i++) {
        set_block_state(i, BLOCK_FREE);
    }
    set_finaliser_bit(b, false);
    POISON(block_ptr(b), n * GC_BLOCK_BYTES);
    if (b < gc.hint) {
        gc.hint = b;
    }
}

/******************************************************************************/
// Set-up

extern void *__libc_stack_end __attribute__((weak)); // glibc: main stack top
extern char __stack[] __attribute__((weak)); // picolibc's linker script: the same

// Give back the current heap: unpoison the range for its owner, free it if
// gc_init_size allocated it.
static void release_heap(void) {
    if (gc.range_start != NULL) {
        UNPOISON(gc.range_start, gc.range_bytes);
    }
    free(gc.owned);
    gc.owned = NULL;
    gc.range_start = NULL;
    gc.range_bytes = 0;
    gc.n_blocks = 0;
    gc.pool_bytes = 0;
}

// frame: the frame of gc_init, the stack top when glibc does not tell.
static bool setup_heap(void *start, void *end, uintptr_t frame) {
    uintptr_t lo = (uintptr_t)start, hi = (uintptr_t)end;
    if (start == NULL || hi <= lo) {
        return false;
    }
    // Each block costs its 16 bytes and 3 bits of tables: start from that
    // estimate and step down until tables, padding and pool all fit.
    size_t n = (size_t)(((uint64_t)(hi - lo) * 8) / (GC_BLOCK_BYTES * 8 + 3));
    uintptr_t pool = 0;
    for (; n > 0; n--) {
        size_t tables = (n + 3) / 4 + (n + 7) / 8;
        pool = (lo + tables + GC_BLOCK_BYTES - 1) & ~(uintptr_t)(GC_BLOCK_BYTES - 1);
        if (pool >= lo && pool <= hi && (hi - pool) / GC_BLOCK_BYTES >= n) {
            break;
        }
    }
    if (n < 4) {
        return false;
    }
    gc.atb = (uint8_t *)lo;
    gc.ftb = gc.atb + (n + 3) / 4;
    memset(gc.atb, 0, (size_t)(pool - lo));
    gc.pool = pool;
    gc.n_blocks = n;
    gc.pool_bytes = n * GC_BLOCK_BYTES;
    gc.hint = 0;
    gc.next_fit = 0;
    gc.range_start = start;
    gc.range_bytes = (size_t)(hi - lo);
    gc.lock_depth = 0;
    gc.collections = 0;
    gc.auto_collect = true;
    gc.threshold = SIZE_MAX;
    gc.allocated = 0;
    POISON((void *)pool, gc.pool_bytes);
    if (gc.stack_top == 0) {
        // The whole main-thread stack when the C library says where it
        // starts.
        if (&__libc_stack_end != NULL && __libc_stack_end != NULL) {
            gc.stack_top = (uintptr_t)__libc_stack_end;
        } else if (__stack != NULL) {
            gc.stack_top = (uintptr_t)__stack;
        } else {
            gc.stack_top = frame;
        }
    }
    return true;
}

bool gc_init(void *start, void *end) {
    release_heap();
    return setup_heap(start, end, (uintptr_t)__builtin_frame_address(0));
}

bool gc_init_size(size_t bytes) {
    release_heap();
    void *mem = malloc(bytes);
    if (mem == NULL) {
        return false;
    }
    if (!setup_heap(mem, (uint8_t *)mem + bytes, (uintptr_t)__builtin_frame_address(0))) {
        free(mem);
        return false;
    }
    gc.owned = mem;
    return true;
}

void gc_deinit(void) {
    release_heap();
    free(gc.roots);
    memset(&gc, 0, sizeof(gc));
}

void gc_set_stack_top(void *top) {
    gc.stack_top = (uintptr_t)top;
}

void gc_set_finaliser(gc_finaliser_t fn) {
    gc.finaliser = fn;
}

void gc_lock(void) {
    gc.lock_depth++;
}

void gc_unlock(void) {
    if (gc.lock_depth > 0) {
        gc.lock_depth--;
    }
}

bool gc_is_locked(void) {
    return gc.lock_depth > 0;
}

/******************************************************************************/
// Allocation

// True when all four blocks of an allocation table byte are in use.
static inline bool byte_all_used(uint8_t byte) {
    return ((byte | (byte >> 1)) & 0x55) == 0x55;
}

// First fit in [from, n_blocks): the first block of a run of n free blocks.
static size_t find_free_run_from(size_t from, size_t n) {
    size_t run = 0;
    for (size_t b = from; b < gc.n_blocks; b++) {
        // Whole table bytes at a time where possible: four free blocks that
        // do not complete the run, or four used blocks.
        if ((b & 3) == 0 && b + 4 <= gc.n_blocks) {
            uint8_t byte = gc.atb[b >> 2];
            if (byte == 0 && run + 4 < n) {
                run += 4;
                b += 3;
                continue;
            }
            if (byte_all_used(byte)) {
                run = 0;
                b += 3;
                continue;
            }
        }
        if (block_state(b) != BLOCK_FREE) {
            run = 0;
        } else if (++run == n) {
            return b + 1 - n;
        }
    }
    return NO_BLOCK;
}

// One block: first fit from the hint. Longer runs: next fit from where the
// last one was found, wrapping to the hint once. First fit alone would
// rescan the same one-block holes for every multi-block allocation, which
// makes filling a heap quadratic in its size.
static size_t find_free_run(size_t n) {
    if (n == 1) {
        return find_free_run_from(gc.hint, 1);
    }
    size_t start = gc.next_fit > gc.hint ? gc.next_fit : gc.hint;
    size_t b = find_free_run_from(start, n);
    if (b == NO_BLOCK && start > gc.hint) {
        b = find_free_run_from(gc.hint, n);
    }
    if (b != NO_BLOCK) {
        gc.next_fit = b + n;
    }
    return b;
}

void *gc_alloc(size_t n, unsigned flags) {
    if (gc.n_blocks == 0 || gc.lock_depth > 0) {
        return NULL;
    }
    size_t nb = blocks_for(n);
    if (nb == NO_BLOCK || nb > gc.n_blocks) {
        return NULL;
    }
    bool collected = !gc.auto_collect;
    if (!collected && gc.allocated >= gc.threshold) {
        gc_collect();
        collected = true;
    }
    size_t b = find_free_run(nb);
    if (b == NO_BLOCK) {
        if (collected) {
            return NULL;
        }
        gc_collect();
        b = find_free_run(nb);
        if (b == NO_BLOCK) {
            return NULL;
        }
    }
    gc.allocated += nb;
    set_block_state(b, BLOCK_HEAD);
    for (size_t i = b + 1; i < b + nb; i++) {
        set_block_state(i, BLOCK_TAIL);
    }
    set_finaliser_bit(b, (flags & GC_ALLOC_FINALISER) != 0);
    // A one-block request takes the first free block, and a run found at
    // the hint starts there: either way all blocks up to the run's end are
    // now in use.
    if (nb == 1 || b == gc.hint) {
        gc.hint = b + nb;
    }
    void *p = block_ptr(b);
    UNPOISON(p, nb * GC_BLOCK_BYTES);
    memset(p, 0, nb * GC_BLOCK_BYTES);
    return p;
}

void gc_free(void *ptr) {
    size_t b;
    if (gc.lock_depth > 0 || !head_of(ptr, &b)) {
        return;
    }
    free_blocks(b, run_length(b));
    // The next multi-block search does not go back to the hole: containers
    // free their old table each time they grow, and searching from there
    // would rescan all the heap allocated since, for every allocation. The
    // hole is found when the search wraps, and one-block requests (first
    // fit from the hint) take it at once.
}

size_t gc_nbytes(const void *ptr) {
    size_t b;
    return head_of(ptr, &b) ? run_length(b) * GC_BLOCK_BYTES : 0;
}

void *gc_realloc(void *ptr, size_t n) {
    if (ptr == NULL) {
        return gc_alloc(n, 0);
    }
    if (n == 0) {
        gc_free(ptr);
        return NULL;
    }
    size_t b;
    if (gc.lock_depth > 0 || !head_of(ptr, &b)) {
        return NULL;
    }
    size_t have = run_length(b), want = blocks_for(n);
    if (want == NO_BLOCK) {
        return NULL;
    }
    if (want <= have) {
        if (want < have) {
            free_blocks(b + want, have - want);
        }
        return ptr;
    }
    // Grow in place when the blocks that follow are free.
    size_t end = b + have;
    if (want - have <= gc.n_blocks - end) {
        size_t i = end;
        while (i < b + want && block_state(i) == BLOCK_FREE) {
            i++;
        }
        if (i == b + want) {
            for (i = end; i < b + want; i++) {
                set_block_state(i, BLOCK_TAIL);
            }
            if (gc.hint >= end && gc.hint < b + want) {
                gc.hint = b + want;
            }
            UNPOISON(block_ptr(end), (want - have) * GC_BLOCK_BYTES);
            memset(block_ptr(end), 0, (want - have) * GC_BLOCK_BYTES);
            return ptr;
        }
    }
    // Move. The allocation below may collect: the volatile copy keeps the
    // old allocation visible on the stack until it has been copied.
    void *volatile keep = ptr;
    void *fresh = gc_alloc(n, has_finaliser(b) ? GC_ALLOC_FINALISER : 0);
    if (fresh == NULL) {
        return NULL;
    }
    memcpy(fresh, keep, have * GC_BLOCK_BYTES);
    gc_free(keep);
    return fresh;
}

/******************************************************************************/
// Roots

bool gc_add_root(void *start, size_t bytes) {
    if (gc.n_roots == gc.roots_cap) {
        size_t cap = gc.roots_cap ? gc.roots_cap * 2 : 16;
        root_range_t *roots = realloc(gc.roots, cap * sizeof(*roots));
        if (roots == NULL) {
            return false;
        }
        gc.roots = roots;
        gc.roots_cap = cap;
    }
    gc.roots[gc.n_roots].start = (uintptr_t)start;
    gc.roots[gc.n_roots].end = (uintptr_t)start + bytes;
    gc.n_roots++;
    return true;
}

void gc_remove_root(void *start) {
    for (size_t i = 0; i < gc.n_roots; i++) {
        if (gc.roots[i].start == (uintptr_t)start) {
            gc.roots[i] = gc.roots[--gc.n_roots];
            return;
        }
    }
}

/******************************************************************************/
// Marking

// Mark the allocation that the word w points into, if any, and queue it for
// scanning. A pointer into a tail block is followed back to its head: a
// walk over the table, four blocks per step, so an interior pointer costs
// time in proportion to the allocation's length (a head pointer costs
// nothing extra).
GC_NO_ASAN static inline void mark_word(uintptr_t w) {
    if (w - gc.pool >= gc.pool_bytes) {
        return;
    }
    size_t b = (w - gc.pool) / GC_BLOCK_BYTES;
    unsigned state = block_state(b);
    if (state == BLOCK_TAIL) {
        // Step back a table byte at a time through long allocations.
        while (block_state(b) == BLOCK_TAIL) {
            if ((b & 3) == 3 && gc.atb[b >> 2] == ATB_ALL_TAILS) {
                b -= 4;
            } else {
                b--;
            }
        }
        state = block_state(b);
    }
    if (state != BLOCK_HEAD) {
        return; // free, or already marked
    }
    set_block_state(b, BLOCK_MARK);
    if (gc.mark_sp < MARK_STACK_SIZE) {
        gc.mark_stack[gc.mark_sp++] = b;
    } else {
        gc.mark_overflow = true;
    }
}

// Mark from every aligned word in [start, end).
GC_SCANNER static void scan_words(uintptr_t start, uintptr_t end) {
    const uintptr_t align = sizeof(uintptr_t);
    start = (start + align - 1) & ~(align - 1);
    for (uintptr_t p = start; p + align <= end; p += align) {
        mark_word(*(const uintptr_t *)p);
    }
}

GC_SCANNER static void scan_allocation(size_t b) {
    uintptr_t start = (uintptr_t)block_ptr(b);
    scan_words(start, start + run_length(b) * GC_BLOCK_BYTES);
}

// Scan queued allocations until none is left. If the queue overflowed,
// some marked allocations were never queued: rescan every marked one
// (which queues their unmarked children) until a pass ends without
// overflow.
static void drain_marks(void) {
    for (;;) {
        while (gc.mark_sp > 0) {
            scan_allocation(gc.mark_stack[--gc.mark_sp]);
        }
        if (!gc.mark_overflow) {
            return;
        }
        gc.mark_overflow = false;
        for (size_t b = 0; b < gc.n_blocks; b++) {
            if (block_state(b) == BLOCK_MARK) {
                scan_allocation(b);
                while (gc.mark_sp > 0) {
                    scan_allocation(gc.mark_stack[--gc.mark_sp]);
                }
            }
        }
    }
}

// The stack, scanned word by word. Under AddressSanitizer with
// detect_stack_use_after_return, locals whose address is taken live in
// "fake frames" on the side instead of the machine stack; each live fake
// frame is referenced from its function's machine frame or registers, so a
// stack word that points into a fake frame makes us scan that frame too.
GC_SCANNER static void scan_stack_words(uintptr_t start, uintptr_t end) {
    #if GC_ASAN
    void *fake_stack = __asan_get_current_fake_stack();
    #endif
    const uintptr_t align = sizeof(uintptr_t);
    start = (start + align - 1) & ~(align - 1);
    for (uintptr_t p = start; p + align <= end; p += align) {
        uintptr_t w = *(const uintptr_t *)p;
        mark_word(w);
        #if GC_ASAN
        void *beg, *frame_end;
        if (fake_stack != NULL
            && __asan_addr_is_in_fake_stack(fake_stack, (void *)w, &beg, &frame_end) != NULL) {
            scan_words((uintptr_t)beg, (uintptr_t)frame_end);
        }
        #endif
    }
}

// The callee-saved registers may hold the only reference to an object (a
// caller keeps a pointer in rbx across the call that ended up here). Store
// them into an array in this frame, then scan from this frame's stack
// pointer up to the top of the stack: the array, the registers this
// function's prologue saved, and every caller's frame are all in that
// range. Caller-saved registers need nothing: they are dead across a call
// by the ABI. glibc's setjmp is not used for this because it mangles the
// frame and stack pointers it saves, and rbp may hold an object pointer in
// code built without frame pointers.
#if defined(__thumb__) && !defined(__SOFTFP__)
#define GC_THUMB_FPU_WORDS 16
#else
#define GC_THUMB_FPU_WORDS 0
#endif

GC_SCANNER static void scan_stack_and_registers(void) {
    uintptr_t sp;
    #if defined(__x86_64__)
    uintptr_t regs[6];
    __asm__ volatile (
        "movq %%rbx, 0(%1)\n\t"
        "movq %%rbp, 8(%1)\n\t"
        "movq %%r12, 16(%1)\n\t"
        "movq %%r13, 24(%1)\n\t"
        "movq %%r14, 32(%1)\n\t"
        "movq %%r15, 40(%1)\n\t"
        "movq %%rsp, %0\n\t"
        : "=r" (sp) : "r" (regs) : "memory");
    #elif defined(__i386__)
    uintptr_t regs[4];
    __asm__ volatile (
        "movl %%ebx, 0(%1)\n\t"
        "movl %%esi, 4(%1)\n\t"
        "movl %%edi, 8(%1)\n\t"
        "movl %%ebp, 12(%1)\n\t"
        "movl %%esp, %0\n\t"
        : "=r" (sp) : "r" (regs) : "memory");
    #elif defined(__thumb__)
    // r4-r11 (armv6m stores only r0-r7, so r8-r11 go through a low
    // register), and with an FPU s16-s31, where the compiler may keep an
    // integer too.
    uintptr_t regs[8 + GC_THUMB_FPU_WORDS];
    __asm__ volatile (
        "str r4, [%1, #0]\n\t"
        "str r5, [%1, #4]\n\t"
        "str r6, [%1, #8]\n\t"
        "str r7, [%1, #12]\n\t"
        "mov %0, r8\n\t"
        "str %0, [%1, #16]\n\t"
        "mov %0, r9\n\t"
        "str %0, [%1, #20]\n\t"
        "mov %0, r10\n\t"
        "str %0, [%1, #24]\n\t"
        "mov %0, r11\n\t"
        "str %0, [%1, #28]\n\t"
        #if GC_THUMB_FPU_WORDS
        "vstr d8, [%1, #32]\n\t"
        "vstr d9, [%1, #40]\n\t"
        "vstr d10, [%1, #48]\n\t"
        "vstr d11, [%1, #56]\n\t"
        "vstr d12, [%1, #64]\n\t"
        "vstr d13, [%1, #72]\n\t"
        "vstr d14, [%1, #80]\n\t"
        "vstr d15, [%1, #88]\n\t"
        #endif
        "mov %0, sp\n\t"
        : "=&l" (sp) : "l" (regs) : "memory");
    #elif defined(__riscv)
    // s0-s11, in words of XLEN bits.
    #if __riscv_xlen == 64
    #define GC_RISCV_STORE(reg, i) "sd " reg ", " #i "*8(%1)\n\t"
    #else
    #define GC_RISCV_STORE(reg, i) "sw " reg ", " #i "*4(%1)\n\t"
    #endif
    uintptr_t regs[12];
    __asm__ volatile (
        GC_RISCV_STORE("s0", 0) GC_RISCV_STORE("s1", 1) GC_RISCV_STORE("s2", 2)
        GC_RISCV_STORE("s3", 3) GC_RISCV_STORE("s4", 4) GC_RISCV_STORE("s5", 5)
        GC_RISCV_STORE("s6", 6) GC_RISCV_STORE("s7", 7) GC_RISCV_STORE("s8", 8)
        GC_RISCV_STORE("s9", 9) GC_RISCV_STORE("s10", 10) GC_RISCV_STORE("s11", 11)
        "mv %0, sp\n\t"
        : "=r" (sp) : "r" (regs) : "memory");
    #elif defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)
    // The call0 ABI's callee-saved a12-a15.
    uintptr_t regs[4];
    __asm__ volatile (
        "s32i a12, %1, 0\n\t"
        "s32i a13, %1, 4\n\t"
        "s32i a14, %1, 8\n\t"
        "s32i a15, %1, 12\n\t"
        "mov %0, a1\n\t"
        : "=r" (sp) : "r" (regs) : "memory");
    #else
    // Elsewhere: make the compiler save every callee-saved register in
    // this function's frame, and start at a local (the frame's bottom part
    // holds nothing of the callers).
    volatile uintptr_t regs[1] = {0};
    __builtin_unwind_init();
    sp = (uintptr_t)regs;
    #endif
    if (gc.stack_top > sp) {
        scan_stack_words(sp, gc.stack_top);
    }
}

GC_SCANNER static void mark_roots(void) {
    for (size_t i = 0; i < gc.n_roots; i++) {
        scan_words(gc.roots[i].start, gc.roots[i].end);
    }
    scan_stack_and_registers();
}

/******************************************************************************/
// Sweeping

// Call the finaliser of every unmarked allocation that has one, before any
// garbage is freed.
static void run_finalisers(void) {
    if (gc.finaliser == NULL) {
        return;
    }
    size_t ftb_bytes = (gc.n_blocks + 7) / 8;
    for (size_t i = 0; i < ftb_bytes; i++) {
        if (gc.ftb[i] == 0) {
            continue;
        }
        for (size_t b = i * 8; b < i * 8 + 8 && b < gc.n_blocks; b++) {
            if (has_finaliser(b) && block_state(b) == BLOCK_HEAD) {
                gc.finaliser(block_ptr(b));
            }
        }
    }
}

// Free unmarked allocations and unmark the others.
static void sweep(void) {
    bool in_garbage = false;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        if ((b & 3) == 0 && gc.atb[b >> 2] == 0) {
            in_garbage = false;
            b += 3;
            continue;
        }
        switch (block_state(b)) {
            case BLOCK_HEAD:
                in_garbage = true;
                free_blocks(b, 1);
                break;
            case BLOCK_TAIL:
                if (in_garbage) {
                    set_block_state(b, BLOCK_FREE);
                    POISON(block_ptr(b), GC_BLOCK_BYTES);
                }
                break;
            case BLOCK_MARK:
                in_garbage = false;
                set_block_state(b, BLOCK_HEAD);
                break;
            default:
                in_garbage = false;
                break;
        }
    }
}

void gc_collect(void) {
    if (gc.n_blocks == 0 || gc.lock_depth > 0) {
        return;
    }
    gc.lock_depth++;
    gc.mark_sp = 0;
    gc.mark_overflow = false;
    mark_roots();
    drain_marks();
    run_finalisers();
    sweep();
    gc.next_fit = 0; // freed runs anywhere: search from the hint again
    gc.collections++;
    gc.allocated = 0;
    gc.lock_depth--;
}

void gc_set_auto_collect(bool on) {
    gc.auto_collect = on;
}

bool gc_auto_collect(void) {
    return gc.auto_collect;
}

void gc_set_threshold(size_t bytes) {
    gc.threshold = bytes == SIZE_MAX ? SIZE_MAX : bytes / GC_BLOCK_BYTES;
}

size_t gc_threshold(void) {
    return gc.threshold == SIZE_MAX ? SIZE_MAX : gc.threshold * GC_BLOCK_BYTES;
}

void gc_info(gc_info_t *info) {
    size_t used = 0, max_run = 0, run = 0;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        if (block_state(b) == BLOCK_FREE) {
            if (++run > max_run) {
                max_run = run;
            }
        } else {
            used++;
            run = 0;
        }
    }
    info->total = gc.pool_bytes;
    info->used = used * GC_BLOCK_BYTES;
    info->free = gc.pool_bytes - info->used;
    info->max_free = max_run * GC_BLOCK_BYTES;
    info->collections = gc.collections;
}
