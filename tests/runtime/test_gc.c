// Unit tests of the garbage collector (src/runtime/gc.c).
//
// Whether an allocation is freed depends on what the conservative scan
// finds, so the tests control where pointers live: an allocation that must
// become garbage is only remembered "hidden" (as the complement of its
// address, which points nowhere), pointers are handled in small helpers
// rather than in the test functions, and the stack below the test is wiped
// (test_clear_stack) before collecting so that dead frames hold no stale
// copies.
#include "runtime/gc.h"
#include "test_gc_regs.h"
#include "test_util.h"

#include <stdint.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif
#if defined(TEST_ASAN)
#include <sanitizer/asan_interface.h>
#endif

#define HEAP_BYTES (64 * 1024)

/******************************************************************************/
// Helpers

static volatile uintptr_t hidden[16];

static void hide(int i, void *p) {
    hidden[i] = ~(uintptr_t)p;
}

static void *reveal(int i) {
    return (void *)~hidden[i];
}

// Bytes 1 to 7: words made of them (0x0101...) are never heap addresses,
// which a conservative scan of the pattern would otherwise honour.
static uint8_t pattern_byte(int i) {
    return (uint8_t)(1 + i % 7);
}

// Allocate n bytes filled with pattern i and remember it hidden in slot i.
__attribute__((noinline)) static bool make_hidden(int i, size_t n, unsigned flags) {
    uint8_t *p = gc_alloc(n, flags);
    if (p == NULL) {
        return false;
    }
    memset(p, pattern_byte(i), n);
    hide(i, p);
    return true;
}

// The size of hidden allocation i (0 once freed). This and the other
// helpers that handle pointers are not inlined: their frames lie below the
// test's and are wiped by test_clear_stack, whereas an unoptimised build
// spills temporaries into the test's own frame, where a stale address would
// keep whatever is later allocated there alive.
__attribute__((noinline)) static size_t hidden_nbytes(int i) {
    return gc_nbytes(reveal(i));
}

__attribute__((noinline)) static bool pattern_ok(int i, size_t n) {
    const uint8_t *p = reveal(i);
    for (size_t k = 0; k < n; k++) {
        if (p[k] != pattern_byte(i)) {
            return false;
        }
    }
    return true;
}

__attribute__((noinline)) static bool hidden_poisoned(int i) {
    void *p = reveal(i);
    #if defined(TEST_ASAN)
    return __asan_address_is_poisoned(p) != 0;
    #else
    (void)p;
    return true;
    #endif
}

static size_t used_bytes(void) {
    gc_info_t info;
    gc_info(&info);
    return info.used;
}

typedef struct node {
    struct node *next;
    struct node *other;
    uintptr_t value;
} node_t;

// A registered root, standing in for a module's BSS.
static void *root_table[8];

// Store hidden allocation i (plus offset) in root_table[slot]; in its own
// function so that no register of the test keeps a copy.
__attribute__((noinline)) static void root_hidden(int slot, int i, size_t offset) {
    root_table[slot] = (uint8_t *)reveal(i) + offset;
}

// Make node i's `other` point offset bytes into allocation j.
__attribute__((noinline)) static void point_into(int i, int j, size_t offset) {
    ((node_t *)reveal(i))->other = (node_t *)((uint8_t *)reveal(j) + offset);
}

static void clear_roots(void) {
    memset(root_table, 0, sizeof(root_table));
}

/******************************************************************************/
// Set-up and statistics

static void test_init_size(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    gc_info_t info;
    gc_info(&info);
    CHECK(info.total <= HEAP_BYTES && info.total >= HEAP_BYTES * 15 / 16);
    CHECK(info.total % GC_BLOCK_BYTES == 0);
    CHECK(info.used == 0 && info.free == info.total && info.max_free == info.total);
    CHECK(info.collections == 0);
    gc_deinit();
    CHECK(gc_alloc(16, 0) == NULL); // no heap
}

static void test_init_caller_memory(void) {
    static uint8_t area[4096];
    CHECK(!gc_init(area, area + 32));       // too small for a heap
    CHECK(!gc_init(area + 100, area + 100)); // empty
    CHECK(gc_init(area + 3, area + sizeof(area)));
    gc_info_t info;
    gc_info(&info);
    CHECK(info.total > 3500 && info.total < 4096);
    uint8_t *p = gc_alloc(100, 0);
    CHECK(p != NULL && p > area && p + 100 <= area + sizeof(area));
    CHECK((uintptr_t)p % GC_BLOCK_BYTES == 0);
    // The whole pool can be allocated in one piece.
    gc_free(p);
    p = gc_alloc(info.total, 0);
    CHECK(p != NULL && p + info.total <= area + sizeof(area));
    gc_deinit();
}

static void test_info(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    void *volatile a = gc_alloc(1, 0);
    void *volatile b = gc_alloc(17, 0);
    void *volatile c = gc_alloc(100, 0);
    gc_info_t info;
    gc_info(&info);
    CHECK(info.used == (1 + 2 + 7) * GC_BLOCK_BYTES);
    CHECK(info.free == info.total - info.used);
    CHECK(info.max_free == info.free); // all free blocks follow c
    gc_free(b);
    gc_info(&info);
    CHECK(info.used == 8 * GC_BLOCK_BYTES && info.max_free == info.free - 2 * GC_BLOCK_BYTES);
    (void)a;
    (void)c;
    gc_deinit();
}

/******************************************************************************/
// Allocation, free, realloc

static void test_alloc_zeroed_aligned(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    static const size_t sizes[] = {0, 1, 15, 16, 17, 31, 32, 100, 1000, 4096};
    uint8_t *prev_end = NULL;
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        uint8_t *p = gc_alloc(sizes[i], 0);
        CHECK(p != NULL);
        CHECK((uintptr_t)p % GC_BLOCK_BYTES == 0);
        size_t blocks = sizes[i] == 0 ? 1 : (sizes[i] + GC_BLOCK_BYTES - 1) / GC_BLOCK_BYTES;
        CHECK(gc_nbytes(p) == blocks * GC_BLOCK_BYTES);
        for (size_t k = 0; k < gc_nbytes(p); k++) {
            CHECK(p[k] == 0);
        }
        CHECK(prev_end == NULL || p >= prev_end); // no overlap
        prev_end = p + gc_nbytes(p);
        memset(p, 0xff, gc_nbytes(p));
        gc_free(p);
        p = gc_alloc(sizes[i], 0); // recycled memory is zeroed again
        for (size_t k = 0; k < gc_nbytes(p); k++) {
            CHECK(p[k] == 0);
        }
    }
    gc_deinit();
}

static void test_free(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    uint8_t *a = gc_alloc(40, 0);
    CHECK(a != NULL);
    gc_free(a);
    CHECK(gc_nbytes(a) == 0);
    CHECK(used_bytes() == 0);
    hide(0, a);
    CHECK(hidden_poisoned(0));
    // A run of blocks: next fit, after the last run found; one block: first
    // fit from the lowest free block, the freed one.
    uint8_t *b = gc_alloc(40, 0);
    CHECK(b == a + 48);
    CHECK(gc_alloc(16, 0) == a);
    gc_free(a);
    // Ignored: NULL, an interior pointer, memory outside the heap, a
    // second free.
    int local = 0;
    gc_free(NULL);
    gc_free(b + 16);
    gc_free(&local);
    CHECK(gc_nbytes(b) == 48);
    gc_free(b);
    gc_free(b);
    CHECK(used_bytes() == 0);
    gc_deinit();
}

static void test_first_fit(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    uint8_t *a = gc_alloc(16, 0), *b = gc_alloc(16, 0), *c = gc_alloc(16, 0);
    CHECK(a && b == a + 16 && c == b + 16);
    gc_free(b);
    uint8_t *d = gc_alloc(32, 0); // does not fit in b's hole
    CHECK(d == c + 16);
    uint8_t *e = gc_alloc(16, 0); // fills the hole
    CHECK(e == b);
    gc_free(a);
    gc_free(e);
    // Runs of several blocks: next fit, so after d, not in the freed hole
    // (searching from every freed hole made filling a heap quadratic)...
    uint8_t *f = gc_alloc(32, 0);
    CHECK(f == d + 32);
    // ...until the search wraps: then a and e's blocks together.
    gc_info_t info;
    gc_info(&info);
    CHECK(gc_alloc(info.max_free, 0) == f + 32);
    uint8_t *g = gc_alloc(32, 0);
    CHECK(g == a);
    gc_deinit();
}

static void test_realloc(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    uint8_t *p = gc_realloc(NULL, 20); // like gc_alloc
    CHECK(p != NULL && gc_nbytes(p) == 32);
    memset(p, 0xab, 20);
    // Grow in place: the blocks after p are free.
    uint8_t *q = gc_realloc(p, 100);
    CHECK(q == p && gc_nbytes(q) == 112);
    for (int k = 0; k < 20; k++) {
        CHECK(q[k] == 0xab);
    }
    for (int k = 32; k < 112; k++) {
        CHECK(q[k] == 0);
    }
    // Shrink in place; the freed tail is reused.
    CHECK(gc_realloc(q, 30) == q && gc_nbytes(q) == 32);
    uint8_t *r = gc_alloc(16, 0);
    CHECK(r == q + 32);
    // Grow with r in the way: moves, copies, frees the old blocks.
    uint8_t *s = gc_realloc(q, 64);
    CHECK(s != NULL && s != q && gc_nbytes(s) == 64 && gc_nbytes(q) == 0);
    for (int k = 0; k < 20; k++) {
        CHECK(s[k] == 0xab);
    }
    for (int k = 32; k < 64; k++) {
        CHECK(s[k] == 0);
    }
    // Same size: nothing happens.
    CHECK(gc_realloc(s, 60) == s);
    // Too big: NULL, and s is left alone.
    CHECK(gc_realloc(s, 10 * HEAP_BYTES) == NULL);
    CHECK(gc_nbytes(s) == 64 && s[0] == 0xab);
    CHECK(gc_realloc(s, SIZE_MAX) == NULL);
    // Not an allocation: NULL.
    CHECK(gc_realloc(s + 16, 100) == NULL);
    // Size 0 frees.
    CHECK(gc_realloc(s, 0) == NULL && gc_nbytes(s) == 0);
    gc_deinit();
}

// Allocate garbage until no run of `run` bytes is left.
__attribute__((noinline)) static bool fill_with_garbage(size_t run) {
    gc_info_t info;
    do {
        if (gc_alloc(16, 0) == NULL) {
            return false;
        }
        gc_info(&info);
    } while (info.max_free >= run);
    return true;
}

// A move that needs a collection to find room keeps the old contents.
static void test_realloc_collects(void) {
    CHECK(gc_init_size(8 * 1024));
    uint8_t *volatile p = gc_alloc(64, 0);
    memset(p, 0x77, 64);
    CHECK(fill_with_garbage(2048));
    gc_info_t info;
    gc_info(&info);
    CHECK(info.collections == 0);
    uint8_t *q = gc_realloc(p, 2048);
    CHECK(q != NULL && gc_nbytes(q) == 2048);
    for (int k = 0; k < 64; k++) {
        CHECK(q[k] == 0x77);
    }
    gc_info(&info);
    CHECK(info.collections == 1);
    // Only q is left, give or take a stale pointer in an AddressSanitizer
    // fake frame (see gc.c), which are scanned whole.
    CHECK(info.used <= 2048 + 4 * GC_BLOCK_BYTES);
    gc_deinit();
}

/******************************************************************************/
// Collection: what is freed, what is kept

static void test_unreachable_freed(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    for (int i = 0; i < 8; i++) {
        CHECK(make_hidden(i, 16 + 40 * (size_t)i, 0));
    }
    test_clear_stack();
    gc_collect();
    for (int i = 0; i < 8; i++) {
        CHECK(hidden_nbytes(i) == 0);
        CHECK(hidden_poisoned(i));
    }
    CHECK(used_bytes() == 0);
    gc_info_t info;
    gc_info(&info);
    CHECK(info.collections == 1 && info.max_free == info.total);
    gc_deinit();
}

static void test_keeps_stack(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    void *volatile p = gc_alloc(100, 0);
    CHECK(p != NULL);
    memset(p, 7, 100);
    // Churn: enough garbage to fill the heap many times over.
    for (int i = 0; i < 20000; i++) {
        CHECK(gc_alloc(64, 0) != NULL);
    }
    gc_info_t info;
    gc_info(&info);
    CHECK(info.collections > 10);
    CHECK(gc_nbytes(p) == 112);
    for (int k = 0; k < 100; k++) {
        CHECK(((uint8_t *)p)[k] == 7);
    }
    gc_deinit();
}

static volatile size_t callback_nbytes;
static volatile bool callback_pattern;

// Collect, then look at hidden allocation 0 (only read it if it survived).
static void collect_and_look(void) {
    gc_collect();
    callback_nbytes = hidden_nbytes(0);
    callback_pattern = callback_nbytes != 0 && pattern_ok(0, 64);
}

// A pointer held only in a callee-saved register survives a collection.
static void test_keeps_registers(void) {
    for (int r = 0; r < gc_test_keeper_count; r++) {
        CHECK(gc_init_size(HEAP_BYTES));
        CHECK(make_hidden(0, 64, 0));
        test_clear_stack();
        gc_test_keepers[r].fn(reveal(0), collect_and_look);
        if (callback_nbytes != 64 || !callback_pattern) {
            printf("# lost a pointer held in %s\n", gc_test_keepers[r].reg);
        }
        CHECK(callback_nbytes == 64 && callback_pattern);
        gc_deinit();
    }
    // The control: the same path without the register frees it.
    CHECK(gc_init_size(HEAP_BYTES));
    CHECK(make_hidden(0, 64, 0));
    test_clear_stack();
    gc_test_keep_none(reveal(0), collect_and_look);
    CHECK(callback_nbytes == 0);
    gc_deinit();
}

static void test_roots(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    clear_roots();
    CHECK(gc_add_root(root_table, sizeof(root_table)));
    CHECK(make_hidden(0, 32, 0));
    CHECK(make_hidden(1, 32, 0));
    root_hidden(3, 0, 0);
    test_clear_stack();
    gc_collect();
    CHECK(hidden_nbytes(0) == 32 && pattern_ok(0, 32));
    CHECK(hidden_nbytes(1) == 0);
    // Removed: no longer a root.
    gc_remove_root(root_table);
    test_clear_stack();
    gc_collect();
    CHECK(hidden_nbytes(0) == 0);
    // A range that starts off word alignment still has its aligned words
    // scanned.
    CHECK(make_hidden(2, 32, 0));
    root_hidden(1, 2, 0);
    CHECK(gc_add_root((uint8_t *)root_table + 3, sizeof(root_table) - 3));
    test_clear_stack();
    gc_collect();
    CHECK(hidden_nbytes(2) == 32);
    gc_remove_root((uint8_t *)root_table + 3);
    // Memory from malloc, as a loaded module's BSS would be.
    void **bss = calloc(64, sizeof(void *));
    CHECK(bss != NULL);
    CHECK(gc_add_root(bss, 64 * sizeof(void *)));
    CHECK(make_hidden(3, 48, 0));
    bss[63] = reveal(3);
    test_clear_stack();
    gc_collect();
    CHECK(hidden_nbytes(3) == 48 && pattern_ok(3, 48));
    // Many roots at once (the list grows).
    static void *many[100];
    for (int i = 0; i < 100; i++) {
        CHECK(gc_add_root(&many[i], sizeof(void *)));
    }
    for (int i = 0; i < 100; i++) {
        gc_remove_root(&many[i]);
    }
    gc_remove_root(bss);
    free(bss);
    clear_roots();
    gc_deinit();
}

// Build a list of n nodes (values 0..n-1) reachable from root_table[0].
__attribute__((noinline)) static bool build_list(size_t n) {
    node_t *head = NULL;
    for (size_t i = n; i-- > 0;) {
        node_t *node = gc_alloc(sizeof(node_t), 0);
        if (node == NULL) {
            return false;
        }
        node->value = i;
        node->next = head;
        head = node;
        root_table[0] = head;
    }
    return true;
}

// Two nodes pointing at each other, remembered hidden in slots 0 and 1.
__attribute__((noinline)) static bool build_cycle(void) {
    node_t *a = gc_alloc(sizeof(node_t), 0), *b = gc_alloc(sizeof(node_t), 0);
    if (a == NULL || b == NULL) {
        return false;
    }
    a->next = b;
    b->next = a;
    hide(0, a);
    hide(1, b);
    return true;
}

__attribute__((noinline)) static bool cycle_intact(void) {
    node_t *a = reveal(0), *b = reveal(1);
    return a->next == b && b->next == a;
}

// The list at root_table[0] has n nodes with values 0..n-1.
__attribute__((noinline)) static bool list_ok(size_t n) {
    size_t count = 0;
    for (node_t *node = root_table[0]; node != NULL; node = node->next) {
        if (node->value != count) {
            return false;
        }
        count++;
    }
    return count == n;
}

static void test_heap_graph(void) {
    CHECK(gc_init_size(256 * 1024));
    clear_roots();
    CHECK(gc_add_root(root_table, sizeof(root_table)));
    // A long chain, kept through one root.
    CHECK(build_list(5000));
    test_clear_stack();
    gc_collect();
    CHECK(list_ok(5000));
    size_t node_bytes = (sizeof(node_t) + GC_BLOCK_BYTES - 1) / GC_BLOCK_BYTES * GC_BLOCK_BYTES;
    CHECK(used_bytes() == 5000 * node_bytes);
    root_table[0] = NULL;
    test_clear_stack();
    gc_collect();
    CHECK(used_bytes() == 0);
    // An unreachable cycle is freed; a reachable one is kept.
    CHECK(build_cycle());
    test_clear_stack();
    gc_collect();
    CHECK(hidden_nbytes(0) == 0 && hidden_nbytes(1) == 0);
    CHECK(build_cycle());
    root_hidden(2, 1, 0);
    test_clear_stack();
    gc_collect();
    CHECK(hidden_nbytes(0) != 0 && hidden_nbytes(1) != 0);
    CHECK(cycle_intact());
    clear_roots();
    gc_deinit();
}

// Interior pointers keep the whole allocation.
static void test_interior_pointers(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    clear_roots();
    CHECK(gc_add_root(root_table, sizeof(root_table)));
    CHECK(make_hidden(0, 1000, 0)); // 63 blocks
    CHECK(make_hidden(1, 1000, 0));
    CHECK(make_hidden(2, 1000, 0));
    CHECK(make_hidden(3, 1000, 0));
    root_hidden(0, 0, 8);    // inside the head block
    root_hidden(1, 1, 500);  // in a tail block
    root_hidden(2, 2, 999);  // the last byte
    root_hidden(3, 3, 1008); // one past the end: not a pointer into 3
    test_clear_stack();
    gc_collect();
    CHECK(hidden_nbytes(0) == 1008 && pattern_ok(0, 1000));
    CHECK(hidden_nbytes(1) == 1008 && pattern_ok(1, 1000));
    CHECK(hidden_nbytes(2) == 1008 && pattern_ok(2, 1000));
    CHECK(hidden_nbytes(3) == 0);
    // An interior pointer stored in a heap object works the same way.
    clear_roots();
    CHECK(make_hidden(4, 16 * 300, 0));
    CHECK(make_hidden(5, sizeof(node_t), 0));
    point_into(5, 4, 16 * 257 + 4);
    root_hidden(0, 5, 0);
    test_clear_stack();
    gc_collect();
    CHECK(hidden_nbytes(4) == 16 * 300 && pattern_ok(4, 16 * 300));
    CHECK(hidden_nbytes(0) == 0); // its pointer went with clear_roots
    clear_roots();
    gc_deinit();
}

// An object pointing to thousands of others overflows the mark stack.
enum { WIDE = 3000 };

// root_table[0] = an array of WIDE pointers to 16-byte objects holding
// their index, with as much garbage in between.
__attribute__((noinline)) static bool build_wide(void) {
    void **array = gc_alloc(WIDE * sizeof(void *), 0);
    if (array == NULL) {
        return false;
    }
    root_table[0] = array;
    for (int i = 0; i < WIDE; i++) {
        array[i] = gc_alloc(16, 0);
        if (array[i] == NULL || gc_alloc(16, 0) == NULL) {
            return false;
        }
        ((uintptr_t *)array[i])[0] = (uintptr_t)i;
    }
    return true;
}

__attribute__((noinline)) static bool wide_ok(void) {
    void **array = root_table[0];
    for (int i = 0; i < WIDE; i++) {
        if (gc_nbytes(array[i]) != 16 || ((uintptr_t *)array[i])[0] != (uintptr_t)i) {
            return false;
        }
    }
    return true;
}

static void test_wide_object(void) {
    CHECK(gc_init_size(256 * 1024));
    clear_roots();
    CHECK(gc_add_root(root_table, sizeof(root_table)));
    CHECK(build_wide());
    test_clear_stack();
    gc_collect();
    CHECK(wide_ok());
    size_t array_bytes = (WIDE * sizeof(void *) + GC_BLOCK_BYTES - 1) / GC_BLOCK_BYTES * GC_BLOCK_BYTES;
    CHECK(used_bytes() == WIDE * 16 + array_bytes);
    clear_roots();
    gc_deinit();
}

// A million short-lived objects in a 64 KB heap, 16 of them live at a
// time in an array on the stack.
static void test_million_objects(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    node_t *ring[16] = {NULL};
    for (uintptr_t i = 0; i < 1000000; i++) {
        node_t *n = gc_alloc(sizeof(node_t), 0);
        CHECK(n != NULL);
        n->value = i;
        ring[i % 16] = n;
        uint8_t *tmp = gc_alloc(1 + i % 200, 0); // plus variable-size garbage
        CHECK(tmp != NULL);
        tmp[i % 200] = 1;
        if (i >= 15) {
            CHECK(ring[(i + 1) % 16]->value == i - 15);
        }
    }
    gc_info_t info;
    gc_info(&info);
    CHECK(info.collections > 100);
    CHECK(info.used <= info.total);
    for (int k = 0; k < 16; k++) {
        CHECK(gc_nbytes(ring[k]) != 0);
    }
    gc_deinit();
}

// Running out of heap returns NULL, after a collection, and never crashes.
static void test_exhaustion(void) {
    static void *keep[2048];
    CHECK(gc_init_size(16 * 1024));
    CHECK(gc_add_root(keep, sizeof(keep)));
    size_t n = 0;
    while (n < 2048 && (keep[n] = gc_alloc(64, 0)) != NULL) {
        n++;
    }
    CHECK(n > 100 && n < 2048);
    gc_info_t info;
    gc_info(&info);
    CHECK(info.collections >= 1); // the failing allocation collected first
    CHECK(gc_alloc(64, 0) == NULL);
    CHECK(gc_alloc(SIZE_MAX, 0) == NULL);
    CHECK(gc_alloc(SIZE_MAX - 8, 0) == NULL);
    CHECK(gc_alloc(1 << 20, 0) == NULL);
    // Small requests still fit in the leftover blocks, if any.
    gc_info(&info);
    CHECK(info.free < 64);
    // Let half go: allocation works again.
    for (size_t i = 0; i < n; i += 2) {
        keep[i] = NULL;
    }
    CHECK(gc_alloc(64, 0) != NULL);
    // Fragmented: lots of free memory, but no 2 KB run.
    gc_info(&info);
    CHECK(info.free > 4096);
    CHECK(gc_alloc(2048, 0) == NULL);
    memset(keep, 0, sizeof(keep));
    CHECK(gc_alloc(2048, 0) != NULL);
    gc_remove_root(keep);
    gc_deinit();
}

/******************************************************************************/
// Finalisers and locking

static void *finalised[8];
static int finalised_count;
static bool finaliser_alloc_refused;
static bool finaliser_saw_child;

static void finaliser(void *p) {
    if (finalised_count < 8) {
        finalised[finalised_count] = p;
    }
    finalised_count++;
    finaliser_alloc_refused = gc_alloc(16, 0) == NULL;
    // The child is garbage too, but not freed yet: reading it is fine.
    node_t *node = p;
    if (node->value == 0xfeed) {
        finaliser_saw_child = node->next->value == 42;
    }
}

__attribute__((noinline)) static bool make_parent_child(int i) {
    node_t *parent = gc_alloc(sizeof(node_t), GC_ALLOC_FINALISER);
    node_t *child = gc_alloc(sizeof(node_t), 0);
    if (parent == NULL || child == NULL) {
        return false;
    }
    child->value = 42;
    parent->next = child;
    parent->value = 0xfeed;
    hide(i, parent);
    hide(i + 1, child);
    return true;
}

__attribute__((noinline)) static bool finalised_is(int k, int i) {
    return finalised[k] == reveal(i);
}

__attribute__((noinline)) static void free_hidden(int i) {
    gc_free(reveal(i));
}

__attribute__((noinline)) static bool realloc_hidden(int i, size_t n) {
    void *p = gc_realloc(reveal(i), n);
    hide(i, p);
    return p != NULL;
}

static void test_finalisers(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    gc_set_finaliser(finaliser);
    finalised_count = 0;
    clear_roots();
    CHECK(gc_add_root(root_table, sizeof(root_table)));
    CHECK(make_hidden(0, 32, GC_ALLOC_FINALISER)); // garbage, finaliser
    CHECK(make_hidden(1, 32, 0));                  // garbage, none
    CHECK(make_hidden(2, 32, GC_ALLOC_FINALISER)); // reachable
    root_hidden(0, 2, 0);
    test_clear_stack();
    gc_collect();
    CHECK(finalised_count == 1 && finalised_is(0, 0));
    CHECK(finaliser_alloc_refused);
    CHECK(hidden_nbytes(0) == 0 && hidden_nbytes(1) == 0);
    CHECK(hidden_nbytes(2) == 32);
    gc_collect();
    CHECK(finalised_count == 1);
    // The finaliser runs before the garbage it points to is freed.
    CHECK(make_parent_child(3));
    test_clear_stack();
    gc_collect();
    CHECK(finalised_count == 2 && finalised_is(1, 3) && finaliser_saw_child);
    CHECK(hidden_nbytes(4) == 0);
    // gc_free does not finalise; a moved allocation keeps its finaliser.
    CHECK(make_hidden(6, 16, GC_ALLOC_FINALISER));
    free_hidden(6);
    CHECK(make_hidden(5, 16, GC_ALLOC_FINALISER));
    CHECK(make_hidden(6, 16, 0)); // in the way
    CHECK(realloc_hidden(5, 64));
    clear_roots();
    test_clear_stack();
    gc_collect();
    CHECK(finalised_count == 4); // 2 and the moved 5
    gc_set_finaliser(NULL);
    gc_deinit();
}

static void test_lock(void) {
    CHECK(gc_init_size(HEAP_BYTES));
    void *volatile p = gc_alloc(16, 0);
    CHECK(!gc_is_locked());
    gc_lock();
    gc_lock();
    CHECK(gc_is_locked());
    CHECK(gc_alloc(16, 0) == NULL);
    CHECK(gc_realloc(p, 64) == NULL);
    gc_free(p); // ignored while locked
    CHECK(gc_nbytes(p) == 16);
    gc_collect(); // nothing happens
    gc_info_t info;
    gc_info(&info);
    CHECK(info.collections == 0);
    gc_unlock();
    CHECK(gc_alloc(16, 0) == NULL);
    gc_unlock();
    CHECK(gc_alloc(16, 0) != NULL);
    gc_unlock(); // unbalanced: harmless
    CHECK(!gc_is_locked());
    gc_deinit();
}

int main(void) {
    RUN(test_init_size);
    RUN(test_init_caller_memory);
    RUN(test_info);
    RUN(test_alloc_zeroed_aligned);
    RUN(test_free);
    RUN(test_first_fit);
    RUN(test_realloc);
    RUN(test_realloc_collects);
    RUN(test_unreachable_freed);
    RUN(test_keeps_stack);
    RUN(test_keeps_registers);
    RUN(test_roots);
    RUN(test_heap_graph);
    RUN(test_interior_pointers);
    RUN(test_wide_object);
    RUN(test_million_objects);
    RUN(test_exhaustion);
    RUN(test_finalisers);
    RUN(test_lock);
    return test_done();
}
