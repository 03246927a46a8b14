// Test driver for the runtime's qstr pool and maps (src/runtime/qstr.c,
// src/runtime/map.c). Run by tests/runtime/qstr_map.test.sh, which builds it
// from two translation units of this file:
//
//  - with SDK_SIDE defined: the module's view of the layouts, through the
//    SDK's py/obj.h (which cannot share a unit with the runtime's map.h);
//  - without: the runtime side and the tests.
//
// Prints "pass NAME", "fail NAME: why" or "skip NAME: why" per test.
// Expected values marked "MicroPython v1.21" were obtained by running the
// unix port of MicroPython v1.21.0 on the Python program quoted beside them
// (and, for hashes, upstream's makeqstrdata.compute_hash agrees).

#ifdef SDK_SIDE
/******************************************************************************/
// The module side

#include "py/obj.h"

#include <string.h>

size_t sdk_layout(size_t out[8]) {
    out[0] = sizeof(mp_map_t);
    out[1] = offsetof(mp_map_t, alloc);
    out[2] = offsetof(mp_map_t, table);
    out[3] = sizeof(mp_map_elem_t);
    out[4] = offsetof(mp_map_elem_t, value);
    out[5] = sizeof(mp_set_t);
    out[6] = offsetof(mp_set_t, used);
    out[7] = offsetof(mp_set_t, table);
    return 8;
}

void sdk_map_write(void *raw, size_t f[5], void *table) {
    mp_map_t m;
    memset(&m, 0, sizeof m);
    m.all_keys_are_qstrs = f[0];
    m.is_fixed = f[1];
    m.is_ordered = f[2];
    m.used = f[3];
    m.alloc = f[4];
    m.table = table;
    memcpy(raw, &m, sizeof m);
}

void *sdk_map_read(const void *raw, size_t f[5]) {
    mp_map_t m;
    memcpy(&m, raw, sizeof m);
    f[0] = m.all_keys_are_qstrs;
    f[1] = m.is_fixed;
    f[2] = m.is_ordered;
    f[3] = m.used;
    f[4] = m.alloc;
    return m.table;
}

#ifdef SDK_Q_NAME
// A locals dict as a module writes it; the key numbers come from the ABI
// data (shared/abi/mpy-6.1/static_qstrs.txt), not from the runtime.
static const mp_rom_map_elem_t sdk_rom_table[] = {
    { MP_ROM_QSTR(SDK_Q_NAME), MP_ROM_INT(10) },
    { MP_ROM_QSTR(SDK_Q_APPEND), MP_ROM_INT(20) },
    { MP_ROM_QSTR(SDK_Q_SELF), MP_ROM_NONE },
    { MP_ROM_QSTR(SDK_Q_VALUE), MP_ROM_INT(-40) },
};
static MP_DEFINE_CONST_MAP(sdk_rom_map, sdk_rom_table);

const void *sdk_rom_map_ptr(void) {
    return &sdk_rom_map;
}
#endif

#else
/******************************************************************************/
// The runtime side

#include "runtime/map.h"
#include "runtime/qstr.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

size_t sdk_layout(size_t out[8]);
void sdk_map_write(void *raw, size_t f[5], void *table);
void *sdk_map_read(const void *raw, size_t f[5]);
#ifdef SDK_Q_NAME
const void *sdk_rom_map_ptr(void);
#endif

/******************************************************************************/
// Reporting

static const char *cur_test;
static int cur_failed;
static char cur_why[256];
static int total_failed;

#define CHECK(cond) check((cond), #cond, __LINE__)

static int check(int ok, const char *what, int line) {
    if (!ok && !cur_failed) {
        cur_failed = 1;
        snprintf(cur_why, sizeof cur_why, "line %d: %s", line, what);
    }
    return ok;
}

static void run(const char *name, void (*fn)(void)) {
    cur_test = name;
    cur_failed = 0;
    clock_t t0 = clock();
    fn();
    fprintf(stderr, "%s: %.3f s\n", name, (double)(clock() - t0) / CLOCKS_PER_SEC);
    if (cur_failed) {
        printf("fail %s: %s\n", name, cur_why);
        total_failed++;
    } else {
        printf("pass %s\n", name);
    }
    fflush(stdout);
}

// A slot's value or key, or a word no object has when the slot is NULL
// (so that a failing check reports instead of crashing).
#define NOT_FOUND ((mp_obj_t)(uintptr_t)0xbad0)
static mp_obj_t value_in(const mp_map_elem_t *e) {
    return e != NULL ? e->value : NOT_FOUND;
}

static mp_obj_t key_in(const mp_map_elem_t *e) {
    return e != NULL ? e->key : NOT_FOUND;
}

static void skip(const char *name, const char *why) {
    printf("skip %s: %s\n", name, why);
}

/******************************************************************************/
// Object words (representation A) and test objects

static mp_obj_t Q(qstr q) {
    return (mp_obj_t)(((uintptr_t)q << 3) | 2);
}

static mp_obj_t QS(const char *s) {
    return Q(qstr_from_str(s));
}

static mp_obj_t I(intptr_t v) {
    return (mp_obj_t)(((uintptr_t)v << 1) | 1);
}

static int is_q(mp_obj_t o) {
    return ((uintptr_t)o & 7) == 2;
}

static int is_i(mp_obj_t o) {
    return ((uintptr_t)o & 1) != 0;
}

static intptr_t int_of(mp_obj_t o) {
    return (intptr_t)o >> 1;
}

static const char *str_of_q(mp_obj_t o) {
    return qstr_str((qstr)((uintptr_t)o >> 3));
}

// Heap-style objects the tests hash and compare through the hooks:
//   INTLIKE equals the small int of its value (like True and 1, or 1.0);
//   STR is a non-interned str, equal to the qstr or STR of its spelling;
//   PLAIN compares by identity, and hashes collide on purpose;
//   NAN is unequal even to itself.
enum { T_INTLIKE, T_STR, T_PLAIN, T_NAN };
typedef struct {
    int kind;
    intptr_t val;
    const char *text;
} tobj_t;

static int is_tobj(mp_obj_t o) {
    return o != NULL && ((uintptr_t)o & 3) == 0;
}

static unsigned long hook_hash_calls, hook_equal_calls, hook_is_str_calls;

static size_t hook_hash(mp_obj_t o) {
    hook_hash_calls++;
    const tobj_t *t = o;
    switch (t->kind) {
        case T_INTLIKE:
            return (size_t)t->val; // same as the small int of that value
        case T_STR:
            return qstr_compute_hash((const unsigned char *)t->text, strlen(t->text));
        case T_PLAIN:
            return (size_t)(t->val % 3);
        default:
            return 7;
    }
}

// The "Python value" class of a word: 0 int, 1 str, 2 identity, 3 never equal.
static int value_class(mp_obj_t o, intptr_t *ival, const char **sval) {
    if (is_i(o)) {
        *ival = int_of(o);
        return 0;
    }
    if (is_q(o)) {
        *sval = str_of_q(o);
        return 1;
    }
    const tobj_t *t = o;
    switch (t->kind) {
        case T_INTLIKE:
            *ival = t->val;
            return 0;
        case T_STR:
            *sval = t->text;
            return 1;
        case T_PLAIN:
            return 2;
        default:
            return 3;
    }
}

// Python ==, including identity (NAN excepted).
static int py_equal(mp_obj_t a, mp_obj_t b) {
    intptr_t ia = 0, ib = 0;
    const char *sa = NULL, *sb = NULL;
    int ca = value_class(a, &ia, &sa), cb = value_class(b, &ib, &sb);
    if (ca != cb || ca == 3) {
        return 0;
    }
    switch (ca) {
        case 0:
            return ia == ib;
        case 1:
            return strcmp(sa, sb) == 0;
        default:
            return a == b;
    }
}

static bool hook_equal(mp_obj_t key, mp_obj_t other) {
    hook_equal_calls++;
    return py_equal(key, other);
}

static bool hook_is_str(mp_obj_t o) {
    hook_is_str_calls++;
    return is_tobj(o) && ((const tobj_t *)o)->kind == T_STR;
}

static void reset_hook_counts(void) {
    hook_hash_calls = hook_equal_calls = hook_is_str_calls = 0;
}

/******************************************************************************/
// Allocators: counting, and one that fails on demand by longjmp (the way the
// runtime's raises MemoryError).

static size_t live_bytes, live_blocks;
static long fail_countdown = -1; // allocations left before failing; -1: never
static jmp_buf *fail_jump;

static void *count_alloc(size_t n) {
    if (fail_countdown == 0 && fail_jump != NULL) {
        longjmp(*fail_jump, 1);
    }
    if (fail_countdown > 0) {
        fail_countdown--;
    }
    void *p = malloc(n);
    if (p == NULL) {
        abort();
    }
    live_bytes += n;
    live_blocks++;
    return p;
}

static void count_free(void *p, size_t n) {
    live_bytes -= n;
    live_blocks--;
    free(p);
}

static const qstr_allocator_t counting_qstr_mem = {count_alloc, count_free};

static void use_test_hooks(void) {
    mp_map_hooks_t h = {hook_hash, hook_equal, hook_is_str, count_alloc, count_free};
    mp_map_set_hooks(&h);
}

/******************************************************************************/
// qstr tests

// MicroPython v1.21's hashes of the 165 static qstrs, in order (from the
// unix port's generated qstrdefs.generated.h; makeqstrdata agrees).
static const uint16_t static_hashes[QSTR_STATIC_COUNT] = {
    5381, 36730, 46511, 46469, 46479, 46474, 38077, 46586, 63911, 50475, 13821, 47725, 63557,
    63552, 14630, 51447, 42335, 6934, 13007, 45282, 5006, 12543, 14562, 5497, 29442, 107, 2832,
    15922, 52688, 35885, 23191, 56865, 37383, 49041, 57584, 10738, 25110, 39968, 8284, 44419, 234,
    58031, 27135, 33756, 11706, 26647, 39110, 26017, 57729, 61793, 7402, 36756, 65312, 38437,
    34710, 10166, 12949, 13124, 13075, 38763, 50882, 15595, 12791, 41846, 32034, 45660, 28685,
    19676, 36020, 41084, 26419, 65472, 56288, 19878, 64575, 7930, 1208, 8970, 41755, 42651, 49182,
    59491, 13312, 13094, 29749, 15155, 6080, 18845, 45196, 28855, 28456, 10363, 21522, 21270,
    14315, 39592, 48822, 33020, 63579, 32693, 42973, 21475, 8591, 23719, 27954, 4865, 16482, 7463,
    27273, 41275, 52166, 47589, 47054, 17337, 31755, 34882, 36240, 15057, 24092, 29482, 11455,
    29485, 50772, 24090, 63927, 48971, 6649, 35427, 9545, 63440, 10789, 40146, 11241, 9703, 165,
    38203, 30585, 30393, 36643, 36647, 43220, 41836, 40383, 5470, 13239, 61317, 59508, 44898,
    13911, 13981, 36176, 7721, 36142, 45764, 17587, 16088, 16893, 32669, 30388, 37927, 33463,
    13390, 48765, 43160, 44262,
};

static void test_qstr_static(void) {
    qstr_init(NULL);
    CHECK(qstr_count() == QSTR_STATIC_COUNT + 1);
    CHECK(qstr_str(MP_QSTRnull) != NULL && qstr_str(MP_QSTRnull)[0] == '\0');
    CHECK(qstr_len(MP_QSTRnull) == 0);
    CHECK(qstr_hash(MP_QSTRnull) == 0);
    for (qstr q = 1; q <= QSTR_STATIC_COUNT; q++) {
        const char *s = qstr_static_table[q - 1];
        CHECK(strcmp(qstr_str(q), s) == 0);
        CHECK(qstr_len(q) == strlen(s));
        CHECK(qstr_find_strn(s, strlen(s)) == q);
        CHECK(qstr_from_str(s) == q);
        CHECK(qstr_hash(q) == static_hashes[q - 1]);
    }
    // A few numbers modules compile in (MP_QSTR_xxx of mpy-ld --preprocess).
    CHECK(qstr_find_strn("", 0) == 1);
    CHECK(qstr_from_strn(NULL, 0) == 1 && qstr_find_strn(NULL, 0) == 1);
    CHECK(qstr_from_str("__dir__") == 2);
    CHECK(qstr_from_str("\n") == 3);
    CHECK(qstr_from_str("__name__") == 23);
    CHECK(qstr_from_str("zip") == 165);
    CHECK(qstr_count() == QSTR_STATIC_COUNT + 1);
    CHECK(qstr_str(QSTR_STATIC_COUNT + 1) == NULL);
    qstr_deinit();
}

static void test_qstr_intern(void) {
    qstr_init(NULL);
    CHECK(qstr_find_strn("mpy_init", 8) == MP_QSTRnull);
    qstr a = qstr_from_str("mpy_init");
    CHECK(a == QSTR_STATIC_COUNT + 1);
    CHECK(qstr_from_strn("mpy_init_and_more", 8) == a);
    CHECK(qstr_find_strn("mpy_init", 8) == a);
    qstr b = qstr_from_str("factorial");
    CHECK(b == a + 1);
    CHECK(qstr_count() == b + 1);
    CHECK(strcmp(qstr_str(a), "mpy_init") == 0 && qstr_len(a) == 8);
    // Embedded NUL bytes are part of the string; the data stays terminated.
    qstr c = qstr_from_strn("a\0b", 3);
    CHECK(c == b + 1);
    CHECK(qstr_len(c) == 3 && memcmp(qstr_str(c), "a\0b", 4) == 0);
    CHECK(qstr_find_strn("a", 1) != c);
    size_t len = 0;
    const unsigned char *d = qstr_data(c, &len);
    CHECK(d == (const unsigned char *)qstr_str(c) && len == 3);
    // Prefixes and near-misses are different qstrs.
    CHECK(qstr_find_strn("mpy_ini", 7) == MP_QSTRnull);
    CHECK(qstr_find_strn("mpy_inix", 8) == MP_QSTRnull);
    // A long string gets stable storage of its own.
    char *big = malloc(10000);
    memset(big, 'z', 10000);
    qstr q = qstr_from_strn(big, 10000);
    CHECK(qstr_len(q) == 10000 && memcmp(qstr_str(q), big, 10000) == 0);
    CHECK(qstr_str(q)[10000] == '\0');
    CHECK(qstr_find_strn(big, 10000) == q);
    CHECK(qstr_find_strn(big, 9999) == MP_QSTRnull);
    free(big);
    // Using the pool after deinit starts a fresh one.
    qstr_deinit();
    CHECK(qstr_find_strn("mpy_init", 8) == MP_QSTRnull);
    CHECK(qstr_count() == QSTR_STATIC_COUNT + 1);
    qstr_deinit();
}

// MicroPython v1.21: print(hash(s)) for each s (and makeqstrdata.compute_hash).
// "dndk" and "mpmu" hash to 0 in 16 bits, which MicroPython turns into 1.
static void test_qstr_hash(void) {
    static const struct {
        const char *s;
        size_t len;
        size_t hash;
    } samples[] = {
        {"", 0, 5381},
        {"a", 1, 46532},
        {"abc", 3, 12933},
        {"hello world", 11, 21317},
        {"__init__", 8, 42335},
        {"mpy_init", 8, 42148},
        {"\xc3\xa9", 2, 25231},                         // "é"
        {"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 9, 13723}, // "日本語"
        {"\0nul", 4, 45010},
        {"dndk", 4, 1},
        {"mpmu", 4, 1},
        {"\xff\x00", 2, 24730}, // hash(b"\xff\x00")
    };
    qstr_init(NULL);
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const unsigned char *s = (const unsigned char *)samples[i].s;
        CHECK(qstr_compute_hash(s, samples[i].len) == samples[i].hash);
        CHECK(qstr_hash(qstr_from_strn(samples[i].s, samples[i].len)) == samples[i].hash);
    }
    char x1000[1000];
    memset(x1000, 'x', sizeof x1000);
    CHECK(qstr_compute_hash((const unsigned char *)x1000, sizeof x1000) == 50437);
    qstr_deinit();
}

// Many names: numbers are sequential, lookups find them, data never moves.
static void test_qstr_many(void) {
    enum { N = 200000 };
    qstr_init(&counting_qstr_mem);
    const char **kept = malloc((N / 997 + 1) * sizeof *kept);
    char name[32];
    clock_t t0 = clock();
    for (unsigned i = 0; i < N; i++) {
        int n = snprintf(name, sizeof name, "name_%u", i);
        qstr q = qstr_from_strn(name, (size_t)n);
        CHECK(q == QSTR_STATIC_COUNT + 1 + i);
        if (i % 997 == 0) {
            kept[i / 997] = qstr_str(q);
        }
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    for (unsigned i = 0; i < N; i++) {
        int n = snprintf(name, sizeof name, "name_%u", i);
        qstr q = QSTR_STATIC_COUNT + 1 + i;
        CHECK(qstr_find_strn(name, (size_t)n) == q);
        CHECK(qstr_from_strn(name, (size_t)n) == q);
        if (i % 997 == 0) {
            CHECK(kept[i / 997] == qstr_str(q) && strcmp(kept[i / 997], name) == 0);
        }
    }
    CHECK(qstr_count() == QSTR_STATIC_COUNT + 1 + N);
    // Interning 200k names takes well under a second unless lookup is slow.
    CHECK(secs < 5.0);
    fprintf(stderr, "qstr: interned %d names in %.3f s\n", N, secs);
    free(kept);
    qstr_deinit();
    CHECK(live_bytes == 0 && live_blocks == 0);
}

// An allocation that escapes (longjmp, as MemoryError would) leaves the
// pool usable, with everything interned before it intact.
static void test_qstr_alloc_failure(void) {
    qstr_init(&counting_qstr_mem);
    char name[32];
    jmp_buf env;
    volatile unsigned interned = 0, failures = 0;
    for (long budget = 0; budget < 40; budget++) {
        fail_jump = &env;
        fail_countdown = budget % 4;
        if (setjmp(env) == 0) {
            for (;;) {
                int n = snprintf(name, sizeof name, "f%u", interned);
                qstr q = qstr_from_strn(name, (size_t)n);
                CHECK(q == QSTR_STATIC_COUNT + 1 + interned);
                interned++;
            }
        }
        failures++;
        fail_jump = NULL;
        fail_countdown = -1;
        // The name whose interning failed is absent; all earlier ones remain.
        int n = snprintf(name, sizeof name, "f%u", interned);
        CHECK(qstr_find_strn(name, (size_t)n) == MP_QSTRnull);
        for (unsigned i = 0; i < interned; i++) {
            n = snprintf(name, sizeof name, "f%u", i);
            CHECK(qstr_find_strn(name, (size_t)n) == QSTR_STATIC_COUNT + 1 + i);
        }
        CHECK(qstr_count() == QSTR_STATIC_COUNT + 1 + interned);
    }
    CHECK(failures == 40 && interned > 1000);
    qstr_deinit();
    CHECK(live_bytes == 0 && live_blocks == 0);
}

/******************************************************************************/
// Map tests

static void test_map_layout(void) {
    size_t sdk[8];
    CHECK(sdk_layout(sdk) == 8);
    CHECK(sdk[0] == sizeof(mp_map_t));
    CHECK(sdk[1] == offsetof(mp_map_t, alloc));
    CHECK(sdk[2] == offsetof(mp_map_t, table));
    CHECK(sdk[3] == sizeof(mp_map_elem_t));
    CHECK(sdk[4] == offsetof(mp_map_elem_t, value));
    CHECK(sdk[5] == sizeof(mp_set_t));
    CHECK(sdk[6] == offsetof(mp_set_t, used));
    CHECK(sdk[7] == offsetof(mp_set_t, table));
    // The bitfields: write through one view, read through the other, with
    // each flag alone and the largest "used".
    size_t max_used = ((size_t)1 << (8 * sizeof(size_t) - 3)) - 1;
    size_t cases[][5] = {
        {1, 0, 0, 0, 0}, {0, 1, 0, 1, 2}, {0, 0, 1, 5, 7},
        {1, 1, 1, max_used, SIZE_MAX}, {0, 0, 0, max_used, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t *f = cases[i];
        unsigned char raw[sizeof(mp_map_t)];
        sdk_map_write(raw, f, &raw);
        mp_map_t m;
        memcpy(&m, raw, sizeof m);
        CHECK(m.all_keys_are_qstrs == f[0] && m.is_fixed == f[1] && m.is_ordered == f[2]);
        CHECK(m.used == f[3] && m.alloc == f[4] && (void *)m.table == (void *)&raw);
        memset(&m, 0, sizeof m);
        m.all_keys_are_qstrs = f[0];
        m.is_fixed = f[1];
        m.is_ordered = f[2];
        m.used = f[3];
        m.alloc = f[4];
        m.table = (mp_map_elem_t *)&m;
        memcpy(raw, &m, sizeof m);
        size_t g[5];
        CHECK(sdk_map_read(raw, g) == (void *)&m);
        CHECK(memcmp(f, g, sizeof g) == 0);
    }
}

static void test_map_qstr_keys(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    CHECK(m.alloc == 0 && m.table == NULL && m.all_keys_are_qstrs && !m.is_fixed && !m.is_ordered);
    CHECK(mp_map_lookup(&m, QS("a"), MP_MAP_LOOKUP) == NULL);
    CHECK(mp_map_lookup(&m, QS("a"), MP_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL);
    CHECK(m.alloc == 0);
    reset_hook_counts();
    const char *names[] = {"a", "b", "__name__", "append", "self", "value", "mpy_init", "zzz"};
    for (size_t i = 0; i < 8; i++) {
        mp_map_elem_t *e = mp_map_lookup(&m, QS(names[i]), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
        CHECK(e != NULL && e->key == QS(names[i]) && e->value == MP_OBJ_NULL);
        e->value = I((intptr_t)i);
    }
    CHECK(m.used == 8 && m.all_keys_are_qstrs);
    // Adding an existing key returns its slot with the value in place.
    mp_map_elem_t *e = mp_map_lookup(&m, QS("self"), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    CHECK(e != NULL && e->value == I(4) && m.used == 8);
    for (size_t i = 0; i < 8; i++) {
        e = mp_map_lookup(&m, QS(names[i]), MP_MAP_LOOKUP);
        CHECK(e != NULL && e->value == I((intptr_t)i));
    }
    CHECK(mp_map_lookup(&m, QS("absent"), MP_MAP_LOOKUP) == NULL);
    // Qstr keys and small-int probes need no hook; a small int (or any
    // non-str) cannot be in a map of qstrs.
    CHECK(mp_map_lookup(&m, I(3), MP_MAP_LOOKUP) == NULL);
    tobj_t plain = {T_PLAIN, 1, NULL};
    CHECK(mp_map_lookup(&m, &plain, MP_MAP_LOOKUP) == NULL);
    CHECK(hook_hash_calls == 0 && hook_equal_calls == 0);
    // A str object finds the qstr of its spelling.
    tobj_t s = {T_STR, 0, "append"};
    e = mp_map_lookup(&m, &s, MP_MAP_LOOKUP);
    CHECK(e != NULL && e->key == QS("append") && e->value == I(3));
    tobj_t s2 = {T_STR, 0, "nope"};
    CHECK(mp_map_lookup(&m, &s2, MP_MAP_LOOKUP) == NULL);
    // Removal keeps the value readable in the returned slot.
    e = mp_map_lookup(&m, QS("b"), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    CHECK(e != NULL && e->value == I(1) && (e->key == MP_OBJ_NULL || e->key == MP_OBJ_SENTINEL));
    CHECK(m.used == 7 && mp_map_lookup(&m, QS("b"), MP_MAP_LOOKUP) == NULL);
    CHECK(mp_map_lookup(&m, QS("b"), MP_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL);
    // Kind 3 is a plain lookup for maps.
    CHECK(mp_map_lookup(&m, QS("b"), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND) == NULL);
    e = mp_map_lookup(&m, QS("a"), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND);
    CHECK(e != NULL && e->value == I(0) && m.used == 7);
    // A non-qstr key clears all_keys_are_qstrs.
    e = mp_map_lookup(&m, I(5), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    e->value = I(50);
    CHECK(!m.all_keys_are_qstrs && m.used == 8);
    CHECK(value_in(mp_map_lookup(&m, I(5), MP_MAP_LOOKUP)) == I(50));
    mp_map_clear(&m);
    CHECK(m.used == 0 && m.alloc == 0 && m.table == NULL && m.all_keys_are_qstrs);
    mp_map_deinit(&m);
}

static void test_map_int_keys(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    reset_hook_counts();
    for (intptr_t v = -50; v <= 50; v++) {
        mp_map_lookup(&m, I(v * 3), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(v);
    }
    CHECK(m.used == 101);
    for (intptr_t v = -150; v <= 150; v++) {
        mp_map_elem_t *e = mp_map_lookup(&m, I(v), MP_MAP_LOOKUP);
        CHECK(v % 3 == 0 ? e != NULL && e->value == I(v / 3) : e == NULL);
    }
    // All small ints: no hook was needed.
    CHECK(hook_hash_calls == 0 && hook_equal_calls == 0);
    // An int-like object equals the small int of its value (True == 1).
    tobj_t one = {T_INTLIKE, 3, NULL};
    mp_map_elem_t *e = mp_map_lookup(&m, &one, MP_MAP_LOOKUP);
    CHECK(e != NULL && e->key == I(3) && e->value == I(1));
    // ...and adding it keeps the stored key (CPython does the same).
    e = mp_map_lookup(&m, &one, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    CHECK(e != NULL && e->key == I(3) && m.used == 101);
    mp_map_deinit(&m);
}

static void test_map_custom_keys(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    tobj_t objs[30];
    for (int i = 0; i < 30; i++) {
        objs[i] = (tobj_t){T_PLAIN, i, NULL};
        mp_map_lookup(&m, &objs[i], MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(i);
    }
    CHECK(m.used == 30 && !m.all_keys_are_qstrs);
    for (int i = 0; i < 30; i++) {
        mp_map_elem_t *e = mp_map_lookup(&m, &objs[i], MP_MAP_LOOKUP);
        CHECK(e != NULL && e->key == &objs[i] && e->value == I(i));
    }
    tobj_t other = {T_PLAIN, 1, NULL};
    CHECK(mp_map_lookup(&m, &other, MP_MAP_LOOKUP) == NULL);
    // A NaN-like key is found by identity in a map (not in a set, below).
    tobj_t nan = {T_NAN, 0, NULL};
    mp_map_lookup(&m, &nan, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(99);
    CHECK(mp_map_lookup(&m, &nan, MP_MAP_LOOKUP) != NULL);
    tobj_t nan2 = {T_NAN, 0, NULL};
    CHECK(mp_map_lookup(&m, &nan2, MP_MAP_LOOKUP) == NULL);
    // Str objects with the same spelling are one key.
    tobj_t s1 = {T_STR, 0, "not interned"}, s2 = {T_STR, 0, "not interned"};
    mp_map_lookup(&m, &s1, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(7);
    mp_map_elem_t *e = mp_map_lookup(&m, &s2, MP_MAP_LOOKUP);
    CHECK(e != NULL && e->key == &s1 && e->value == I(7));
    mp_map_deinit(&m);
}

// Removal in a probe chain: keys that all hash alike sit one after another;
// removing one in the middle must not hide those after it.
static void test_map_removal_chain(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    tobj_t k[6];
    for (int i = 0; i < 6; i++) {
        k[i] = (tobj_t){T_PLAIN, 3 * i, NULL}; // all hash to 0
        mp_map_lookup(&m, &k[i], MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(i);
    }
    CHECK(m.alloc == 6 && m.used == 6);
    // Full table: slot i holds k[i]. Remove k[2]: next slot is taken, so the
    // slot becomes a sentinel and k[3..5] stay reachable.
    mp_map_elem_t *e = mp_map_lookup(&m, &k[2], MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    CHECK(e == &m.table[2] && e->key == MP_OBJ_SENTINEL && e->value == I(2));
    for (int i = 3; i < 6; i++) {
        CHECK(mp_map_lookup(&m, &k[i], MP_MAP_LOOKUP) != NULL);
    }
    // The last slot of the table is followed (cyclically) by slot 0, which is
    // full: sentinel again. Remove k[0] then k[5]: k[5]'s successor (slot 0)
    // is now a sentinel, not empty, so it is a sentinel too.
    CHECK(key_in(mp_map_lookup(&m, &k[0], MP_MAP_LOOKUP_REMOVE_IF_FOUND)) == MP_OBJ_SENTINEL);
    CHECK(key_in(mp_map_lookup(&m, &k[5], MP_MAP_LOOKUP_REMOVE_IF_FOUND)) == MP_OBJ_SENTINEL);
    CHECK(m.used == 3);
    // Re-adding reuses the first free slot on the probe path (slot 0),
    // without growing, even though no slot is empty.
    tobj_t n1 = {T_PLAIN, 30, NULL};
    e = mp_map_lookup(&m, &n1, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    CHECK(e == &m.table[0] && m.alloc == 6 && m.used == 4);
    e->value = I(30);
    // Lookups of absent keys terminate in a table without an empty slot.
    tobj_t absent = {T_PLAIN, 33, NULL};
    CHECK(mp_map_lookup(&m, &absent, MP_MAP_LOOKUP) == NULL);
    CHECK(mp_map_lookup(&m, &absent, MP_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL);
    // Removing just before an empty slot leaves an empty slot.
    mp_map_t m2;
    mp_map_init(&m2, 4);
    mp_map_lookup(&m2, I(1), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(1);
    e = mp_map_lookup(&m2, I(1), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    CHECK(e == &m2.table[1] && e->key == MP_OBJ_NULL && e->value == I(1));
    mp_map_deinit(&m2);
    mp_map_deinit(&m);
}

static size_t next_size_after(size_t n) {
    static const size_t sizes[] = {0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167,
                                   223, 293, 389, 521, 691, 919, 1223, 1627, 2161, 3229, 4831, 7243,
                                   10861, 16273, 24407, 36607, 54907};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        if (sizes[i] > n) {
            return sizes[i];
        }
    }
    return (n + 1 + (n + 1) / 2) | 1;
}

// The table grows only when full, to MicroPython's next size.
static void test_map_growth(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    size_t expect = 0;
    for (intptr_t i = 0; i < 130000; i++) {
        if ((size_t)i == expect) {
            expect = next_size_after(expect);
        }
        mp_map_lookup(&m, I(i), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(i);
        if (!CHECK(m.alloc == expect && m.used == (size_t)i + 1)) {
            break;
        }
    }
    CHECK(m.alloc == 185323); // 54907 -> 82363 -> 123547 -> 185323
    for (intptr_t i = 0; i < 130000; i += 101) {
        CHECK(value_in(mp_map_lookup(&m, I(i), MP_MAP_LOOKUP)) == I(i));
    }
    mp_map_deinit(&m);
    // A pre-sized map (a dict literal) grows from its own size.
    mp_map_init(&m, 3);
    for (intptr_t i = 0; i < 4; i++) {
        mp_map_lookup(&m, I(i), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(i);
        CHECK(m.alloc == (i < 3 ? 3u : 4u));
    }
    mp_map_deinit(&m);
    // Ordered maps grow by 4.
    mp_map_init(&m, 0);
    m.is_ordered = 1;
    for (intptr_t i = 0; i < 10; i++) {
        mp_map_lookup(&m, I(i), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(i);
        CHECK(m.alloc == (size_t)(i / 4 + 1) * 4);
    }
    mp_map_deinit(&m);
}

// A growth whose allocation escapes leaves the map as it was.
static void test_map_alloc_failure(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    for (intptr_t i = 0; i < 12; i++) {
        mp_map_lookup(&m, I(i), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(i);
    }
    CHECK(m.alloc == 12);
    jmp_buf env;
    fail_jump = &env;
    fail_countdown = 0;
    if (setjmp(env) == 0) {
        mp_map_lookup(&m, I(12), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
        CHECK(0); // growth should have failed
    }
    fail_jump = NULL;
    fail_countdown = -1;
    CHECK(m.alloc == 12 && m.used == 12 && mp_map_lookup(&m, I(12), MP_MAP_LOOKUP) == NULL);
    for (intptr_t i = 0; i < 12; i++) {
        CHECK(value_in(mp_map_lookup(&m, I(i), MP_MAP_LOOKUP)) == I(i));
    }
    mp_map_lookup(&m, I(12), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(12);
    CHECK(m.alloc == 17 && m.used == 13);
    mp_map_deinit(&m);
}

// A table a module defines: fixed, ordered, searched linearly, read-only.
static const mp_obj_t rom_pairs[] = {
    (mp_obj_t)((23 << 3) | 2), (mp_obj_t)((10 << 1) | 1),  // __name__: 10
    (mp_obj_t)((60 << 3) | 2), (mp_obj_t)((20 << 1) | 1),  // append: 20
    (mp_obj_t)((137 << 3) | 2), (mp_obj_t)((30 << 1) | 1), // self: 30
};

static void test_map_fixed(void) {
    qstr_init(NULL);
    mp_map_t m;
    mp_map_init_fixed_table(&m, 3, rom_pairs);
    CHECK(m.is_fixed && m.is_ordered && m.all_keys_are_qstrs && m.used == 3 && m.alloc == 3);
    reset_hook_counts();
    CHECK(value_in(mp_map_lookup(&m, QS("__name__"), MP_MAP_LOOKUP)) == I(10));
    CHECK(value_in(mp_map_lookup(&m, QS("self"), MP_MAP_LOOKUP)) == I(30));
    CHECK(mp_map_lookup(&m, QS("zip"), MP_MAP_LOOKUP) == NULL);
    CHECK(mp_map_lookup(&m, I(1), MP_MAP_LOOKUP) == NULL);
    CHECK(hook_hash_calls == 0 && hook_equal_calls == 0);
    tobj_t s = {T_STR, 0, "append"};
    CHECK(value_in(mp_map_lookup(&m, &s, MP_MAP_LOOKUP)) == I(20));
    // Writes are refused: the table may be in read-only memory.
    CHECK(mp_map_lookup(&m, QS("zip"), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == NULL);
    CHECK(mp_map_lookup(&m, QS("self"), MP_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL);
    CHECK(m.used == 3);
    size_t pos = 0, n = 0;
    for (mp_map_elem_t *e; (e = mp_map_iter_next(&m, &pos)) != NULL; n++) {
        CHECK(e == (const mp_map_elem_t *)rom_pairs + n);
    }
    CHECK(n == 3);
    mp_map_clear(&m); // forgets the table, frees nothing
    CHECK(!m.is_fixed && m.table == NULL);
    qstr_deinit();
}

#ifdef SDK_Q_NAME
// The same through a map built by the SDK's MP_DEFINE_CONST_MAP.
static void test_map_sdk_rom(void) {
    qstr_init(NULL);
    mp_map_t *m = (mp_map_t *)sdk_rom_map_ptr();
    CHECK(m->is_fixed && m->is_ordered && m->all_keys_are_qstrs && m->used == 4 && m->alloc == 4);
    CHECK(value_in(mp_map_lookup(m, QS("__name__"), MP_MAP_LOOKUP)) == I(10));
    CHECK(value_in(mp_map_lookup(m, QS("append"), MP_MAP_LOOKUP)) == I(20));
    CHECK(value_in(mp_map_lookup(m, QS("self"), MP_MAP_LOOKUP)) == (mp_obj_t)6); // None
    CHECK(value_in(mp_map_lookup(m, QS("value"), MP_MAP_LOOKUP)) == I(-40));
    CHECK(mp_map_lookup(m, QS("y"), MP_MAP_LOOKUP) == NULL);
    size_t pos = 0;
    CHECK(key_in(mp_map_iter_next(m, &pos)) == QS("__name__"));
    CHECK(key_in(mp_map_iter_next(m, &pos)) == QS("append"));
    qstr_deinit();
}
#endif

/******************************************************************************/
// Random operations against a reference model

static uint64_t rng_state;

static uint32_t rnd(uint32_t n) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

enum { POOL_MAX = 128 };
static mp_obj_t key_pool[POOL_MAX];
static size_t key_pool_n;
static tobj_t pool_objs[64];

// Keys of every kind, several of them equal to others (int-like and small
// int, str object and qstr, two str objects of one spelling), plus many
// colliding hashes.
static void build_key_pool(void) {
    static const char *names[] = {"a", "b", "c", "__name__", "append", "self", "alpha", "beta",
                                  "gamma", "delta", "k0", "k1", "k2", "k3", "k4", "k5"};
    static const char *strs[] = {"a", "append", "gamma", "zz0", "zz1", "zz0", "zz1", "k5"};
    size_t n = 0, o = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        key_pool[n++] = QS(names[i]);
    }
    for (intptr_t v = -12; v <= 12; v++) {
        key_pool[n++] = I(v);
    }
    key_pool[n++] = I(12 + 17);
    key_pool[n++] = I(-1000003);
    for (intptr_t v = -3; v <= 3; v++) {
        pool_objs[o] = (tobj_t){T_INTLIKE, v, NULL};
        key_pool[n++] = &pool_objs[o++];
    }
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        pool_objs[o] = (tobj_t){T_STR, 0, strs[i]};
        key_pool[n++] = &pool_objs[o++];
    }
    for (intptr_t v = 0; v < 14; v++) {
        pool_objs[o] = (tobj_t){T_PLAIN, v, NULL};
        key_pool[n++] = &pool_objs[o++];
    }
    pool_objs[o] = (tobj_t){T_NAN, 0, NULL};
    key_pool[n++] = &pool_objs[o++];
    key_pool_n = n;
}

typedef struct {
    mp_obj_t key, value;
} model_entry_t;

static model_entry_t model[POOL_MAX];
static size_t model_n;

// Map equality: identity first, then Python ==.
static int map_key_equal(mp_obj_t a, mp_obj_t b) {
    return a == b || py_equal(a, b);
}

static long model_find(mp_obj_t key) {
    for (size_t i = 0; i < model_n; i++) {
        if (map_key_equal(model[i].key, key)) {
            return (long)i;
        }
    }
    return -1;
}

// Everything the model says, the map says, and nothing else.
static void check_against_model(mp_map_t *m) {
    CHECK(m->used == model_n);
    for (size_t i = 0; i < key_pool_n; i++) {
        mp_obj_t k = key_pool[i];
        long at = model_find(k);
        mp_map_elem_t *e = mp_map_lookup(m, k, MP_MAP_LOOKUP);
        if (at < 0) {
            CHECK(e == NULL);
        } else if (CHECK(e != NULL)) {
            CHECK(e->key == model[at].key && e->value == model[at].value);
        }
    }
    size_t pos = 0, n = 0;
    int all_qstrs = 1;
    for (mp_map_elem_t *e; (e = mp_map_iter_next(m, &pos)) != NULL; n++) {
        if (m->is_ordered) {
            CHECK(n < model_n && e->key == model[n].key && e->value == model[n].value);
        } else {
            long at = model_find(e->key);
            CHECK(at >= 0 && model[at].key == e->key);
        }
        all_qstrs &= is_q(e->key);
    }
    CHECK(n == model_n);
    // The flag may stay clear after removals, but set means "qstrs only".
    CHECK(!m->all_keys_are_qstrs || all_qstrs);
}

static void random_map_run(int ordered, uint64_t seed, size_t presize) {
    rng_state = seed;
    mp_map_t m;
    mp_map_init(&m, presize);
    m.is_ordered = ordered ? 1 : 0;
    model_n = 0;
    for (int step = 0; step < 1500 && !cur_failed; step++) {
        mp_obj_t k = key_pool[rnd((uint32_t)key_pool_n)];
        long at = model_find(k);
        uint32_t op = rnd(8);
        if (op < 4) { // d[k] = v
            mp_obj_t v = I(step + 1);
            mp_map_elem_t *e = mp_map_lookup(&m, k, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
            if (at < 0) {
                CHECK(e->key == k && e->value == MP_OBJ_NULL);
                model[model_n++] = (model_entry_t){k, v};
            } else {
                CHECK(e->key == model[at].key && e->value == model[at].value);
                model[at].value = v;
            }
            e->value = v;
        } else if (op < 7) { // del d[k]
            mp_map_elem_t *e = mp_map_lookup(&m, k, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
            if (at < 0) {
                CHECK(e == NULL);
            } else if (CHECK(e != NULL)) {
                CHECK(e->value == model[at].value);
                CHECK(e->key == MP_OBJ_NULL || (!ordered && e->key == MP_OBJ_SENTINEL));
                memmove(&model[at], &model[at + 1], (model_n - (size_t)at - 1) * sizeof model[0]);
                model_n--;
            }
        } else if (rnd(4) == 0) { // d.clear()
            mp_map_clear(&m);
            m.is_ordered = ordered ? 1 : 0;
            model_n = 0;
        }
        check_against_model(&m);
    }
    mp_map_deinit(&m);
}

static void test_map_random_hash(void) {
    qstr_init(NULL);
    build_key_pool();
    for (uint64_t seed = 1; seed <= 24 && !cur_failed; seed++) {
        random_map_run(0, seed * 0x9E3779B97F4A7C15u, seed % 5);
    }
    qstr_deinit();
}

static void test_map_random_ordered(void) {
    qstr_init(NULL);
    build_key_pool();
    for (uint64_t seed = 1; seed <= 10 && !cur_failed; seed++) {
        random_map_run(1, seed * 0x2545F4914F6CDD1Du, 0);
    }
    qstr_deinit();
}

/******************************************************************************/
// Sets

static void test_set_basics(void) {
    qstr_init(NULL);
    mp_set_t s;
    mp_set_init(&s, 0);
    CHECK(mp_set_lookup(&s, I(1), MP_MAP_LOOKUP) == MP_OBJ_NULL);
    CHECK(mp_set_lookup(&s, I(1), MP_MAP_LOOKUP_REMOVE_IF_FOUND) == MP_OBJ_NULL);
    CHECK(mp_set_lookup(&s, I(1), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == I(1));
    CHECK(mp_set_lookup(&s, QS("a"), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == QS("a"));
    CHECK(s.used == 2);
    // Equal items are one member; the first stays.
    tobj_t one = {T_INTLIKE, 1, NULL};
    CHECK(mp_set_lookup(&s, &one, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == I(1) && s.used == 2);
    tobj_t a = {T_STR, 0, "a"};
    CHECK(mp_set_lookup(&s, &a, MP_MAP_LOOKUP) == QS("a"));
    // A NaN-like item is not found even by itself (MicroPython v1.21:
    // x = float('nan'); print(x in {x}) gives False, and True for a dict).
    tobj_t nan = {T_NAN, 0, NULL};
    CHECK(mp_set_lookup(&s, &nan, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == &nan && s.used == 3);
    CHECK(mp_set_lookup(&s, &nan, MP_MAP_LOOKUP) == MP_OBJ_NULL);
    CHECK(mp_set_lookup(&s, &nan, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) == &nan && s.used == 4);
    // Kind 3 toggles.
    const mp_map_lookup_kind_t toggle = MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND;
    CHECK(mp_set_lookup(&s, I(1), toggle) == I(1) && s.used == 3);
    CHECK(mp_set_lookup(&s, I(1), MP_MAP_LOOKUP) == MP_OBJ_NULL);
    CHECK(mp_set_lookup(&s, I(1), toggle) == I(1) && s.used == 4);
    CHECK(mp_set_lookup(&s, &a, MP_MAP_LOOKUP_REMOVE_IF_FOUND) == QS("a") && s.used == 3);
    size_t n = 0;
    while (mp_set_remove_first(&s) != MP_OBJ_NULL) {
        n++;
    }
    CHECK(n == 3 && s.used == 0);
    CHECK(mp_set_remove_first(&s) == MP_OBJ_NULL);
    mp_set_clear(&s);
    CHECK(s.alloc == 0 && s.table == NULL);
    qstr_deinit();
}

/******************************************************************************/
// Iteration order against MicroPython v1.21

// Compares the order of n values; a helper fills got[] from the map.
static void check_order(const long long *got, size_t n_got, const long long *expect, size_t n) {
    CHECK(n_got == n);
    for (size_t i = 0; i < n && i < n_got; i++) {
        if (!CHECK(got[i] == expect[i])) {
            fprintf(stderr, "order differs at %zu: got %lld, expected %lld\n", i, got[i],
                expect[i]);
            break;
        }
    }
}

// The values of the map in iteration order (all small ints).
static size_t map_values(const mp_map_t *m, long long *out) {
    size_t pos = 0, n = 0;
    for (mp_map_elem_t *e; (e = mp_map_iter_next(m, &pos)) != NULL;) {
        out[n++] = int_of(e->value);
    }
    return n;
}

static void set_str(mp_map_t *m, const char *k, intptr_t v) {
    mp_map_lookup(m, QS(k), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(v);
}

static void del_str(mp_map_t *m, const char *k) {
    CHECK(mp_map_lookup(m, QS(k), MP_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL);
}

static void set_int(mp_map_t *m, intptr_t k, intptr_t v) {
    mp_map_lookup(m, I(k), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = I(v);
}

static const char *const WORDS[] = {
    "apple", "banana", "cherry", "date", "elderberry", "fig", "grape",
    "honeydew", "kiwi", "lemon", "mango", "nectarine", "orange", "papaya",
    "quince", "raspberry", "strawberry", "tangerine", "ugli", "vanilla",
    "watermelon", "xigua", "yam", "zucchini", "__name__", "append", "self",
    "x", "y", "z", "a_much_longer_name_than_ten"};
enum { N_WORDS = sizeof WORDS / sizeof WORDS[0] };

// d = {}
// for w in WORDS: d[w] = 1
// print([WORDS.index(k) for k in d])
static const long long order_a[] = {
    21, 20, 4, 12, 9, 6, 28, 27, 29, 30, 17, 2, 19, 22, 15, 24, 14, 26, 3, 10, 8, 7, 18, 13, 25, 0,
    1, 11, 23, 5, 16,
};

static void test_order_str_keys(void) {
    qstr_init(NULL);
    mp_map_t m;
    mp_map_init(&m, 0);
    for (size_t i = 0; i < N_WORDS; i++) {
        set_str(&m, WORDS[i], (intptr_t)i);
    }
    long long got[64];
    check_order(got, map_values(&m, got), order_a, sizeof order_a / sizeof order_a[0]);
    mp_map_deinit(&m);
    qstr_deinit();
}

static const long long INTS[] = {
    5, -3, 100, 17, 2, 0, 33, -100, 1000, 7, 12, 64, 8, -1, 99999, 4611686018427387903LL,
    -4611686018427387904LL, 23, 46,
};
enum { N_INTS = sizeof INTS / sizeof INTS[0] };

// d = {}
// for i in INTS: d[i] = 1
// print([INTS.index(k) for k in d])
static const long long order_b[] = {
    5, 17, 4, 1, 18, 0, 13, 9, 12, 2, 6, 8, 15, 10, 16, 3, 14, 11, 7,
};

static void test_order_int_keys(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    for (size_t i = 0; i < N_INTS; i++) {
        set_int(&m, (intptr_t)INTS[i], (intptr_t)i);
    }
    long long got[64];
    check_order(got, map_values(&m, got), order_b, sizeof order_b / sizeof order_b[0]);
    mp_map_deinit(&m);
}

// d = {}
// for i in range(20): d['k%d' % i] = i
// for i in range(0, 20, 3): del d['k%d' % i]
// for i in range(10): d['x%d' % i] = i
// for i in range(0, 20, 3): d['k%d' % i] = i
// for i in range(1, 10, 2): del d['x%d' % i]
// print([d[k] if k[0] == 'k' else 100 + d[k] for k in d])
static const long long order_c[] = {
    8, 7, 4, 5, 2, 0, 1, 17, 16, 3, 14, 13, 6, 11, 10, 9, 12, 15, 19, 18, 108, 104, 106, 100, 102,
};

static void test_order_removals(void) {
    qstr_init(NULL);
    mp_map_t m;
    mp_map_init(&m, 0);
    char k[16];
    for (int i = 0; i < 20; i++) {
        snprintf(k, sizeof k, "k%d", i);
        set_str(&m, k, i);
    }
    for (int i = 0; i < 20; i += 3) {
        snprintf(k, sizeof k, "k%d", i);
        del_str(&m, k);
    }
    for (int i = 0; i < 10; i++) {
        snprintf(k, sizeof k, "x%d", i);
        set_str(&m, k, 100 + i);
    }
    for (int i = 0; i < 20; i += 3) {
        snprintf(k, sizeof k, "k%d", i);
        set_str(&m, k, i);
    }
    for (int i = 1; i < 10; i += 2) {
        snprintf(k, sizeof k, "x%d", i);
        del_str(&m, k);
    }
    long long got[64];
    check_order(got, map_values(&m, got), order_c, sizeof order_c / sizeof order_c[0]);
    mp_map_deinit(&m);
    qstr_deinit();
}

// d = {'x': 1, 'y': 2, 'z': 3}    (BUILD_MAP 3: the table starts at 3)
// print([k for k in d])  ->  ['x', 'z', 'y']
static void test_order_literal(void) {
    qstr_init(NULL);
    mp_map_t m;
    mp_map_init(&m, 3);
    set_str(&m, "x", 1);
    set_str(&m, "y", 2);
    set_str(&m, "z", 3);
    static const long long expect[] = {
    1, 3, 2,
};
    long long got[8];
    check_order(got, map_values(&m, got), expect, 3);
    mp_map_deinit(&m);
    qstr_deinit();
}

// d = {}
// for i in range(300): d[(i * 7919) % 1009] = i
// print([d[k] for k in d])
static const long long order_e[] = {
    0, 244, 70, 140, 37, 211, 107, 281, 4, 178, 248, 74, 41, 145, 215, 285, 8, 112, 182, 252, 79,
    149, 219, 46, 116, 186, 290, 13, 257, 83, 153, 50, 224, 120, 294, 17, 191, 261, 87, 54, 158,
    228, 298, 21, 125, 195, 265, 92, 162, 232, 59, 129, 199, 26, 96, 270, 166, 63, 237, 133, 30,
    204, 274, 100, 67, 171, 241, 34, 138, 208, 278, 1, 105, 175, 245, 72, 142, 212, 39, 109, 283,
    179, 6, 250, 76, 146, 43, 217, 287, 113, 10, 184, 254, 80, 47, 151, 221, 291, 14, 118, 258,
    188, 225, 85, 155, 192, 52, 122, 296, 159, 19, 263, 89, 126, 230, 56, 93, 197, 23, 267, 60,
    164, 234, 27, 131, 271, 201, 238, 98, 168, 205, 65, 135, 172, 32, 276, 102, 139, 243, 69, 106,
    210, 36, 280, 73, 177, 3, 247, 40, 144, 284, 214, 7, 251, 111, 181, 218, 78, 148, 185, 45, 289,
    115, 152, 12, 256, 82, 119, 223, 49, 293, 86, 190, 16, 260, 53, 157, 227, 297, 20, 194, 264,
    124, 161, 231, 91, 128, 198, 58, 95, 165, 25, 269, 62, 132, 236, 29, 99, 273, 203, 66, 240,
    170, 33, 207, 277, 137, 174, 104, 141, 71, 108, 38, 282, 75, 5, 249, 42, 286, 216, 9, 253, 183,
    220, 150, 187, 117, 154, 84, 121, 51, 295, 88, 18, 262, 55, 229, 299, 22, 266, 196, 233, 163,
    200, 130, 97, 167, 64, 134, 31, 101, 275, 68, 242, 35, 209, 279, 2, 176, 246, 143, 213, 110,
    180, 77, 147, 44, 114, 288, 11, 81, 255, 48, 222, 292, 15, 189, 259, 156, 226, 123, 193, 90,
    160, 57, 127, 24, 268, 94, 61, 235, 28, 202, 272, 169, 239, 136, 206, 103, 173,
};

static void test_order_many_ints(void) {
    mp_map_t m;
    mp_map_init(&m, 0);
    for (intptr_t i = 0; i < 300; i++) {
        set_int(&m, (i * 7919) % 1009, i);
    }
    long long got[400];
    check_order(got, map_values(&m, got), order_e, sizeof order_e / sizeof order_e[0]);
    mp_map_deinit(&m);
}

// d = {}
// for i in range(200): d['n%d' % i] = i
// print([d[k] for k in d])
static const long long order_f[] = {
    177, 178, 179, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 180, 181, 182, 183, 184, 185, 186, 187,
    188, 189, 29, 28, 58, 59, 56, 57, 54, 55, 52, 53, 50, 51, 158, 157, 156, 155, 154, 153, 152,
    151, 150, 159, 108, 109, 102, 103, 83, 82, 81, 80, 87, 86, 85, 84, 100, 101, 139, 138, 89, 88,
    106, 107, 104, 21, 20, 23, 133, 132, 135, 134, 137, 136, 22, 25, 24, 27, 26, 105, 92, 93, 90,
    91, 96, 97, 94, 95, 130, 131, 98, 99, 38, 39, 30, 31, 32, 33, 164, 165, 9, 8, 160, 161, 162,
    163, 3, 2, 1, 0, 7, 6, 5, 4, 166, 18, 19, 34, 35, 36, 37, 12, 13, 10, 119, 118, 11, 16, 17, 14,
    113, 112, 111, 110, 117, 116, 115, 114, 15, 167, 168, 169, 190, 191, 192, 193, 194, 195, 196,
    69, 68, 197, 198, 65, 64, 67, 66, 61, 60, 63, 148, 149, 146, 147, 144, 145, 142, 143, 140, 141,
    62, 199, 78, 79, 128, 129, 74, 75, 76, 77, 70, 71, 120, 121, 122, 123, 124, 125, 126, 127, 72,
    73, 170, 171, 172, 173, 174, 175, 176,
};

static void test_order_many_strs(void) {
    qstr_init(NULL);
    mp_map_t m;
    mp_map_init(&m, 0);
    char k[16];
    for (int i = 0; i < 200; i++) {
        snprintf(k, sizeof k, "n%d", i);
        set_str(&m, k, i);
    }
    long long got[256];
    check_order(got, map_values(&m, got), order_f, sizeof order_f / sizeof order_f[0]);
    mp_map_deinit(&m);
    qstr_deinit();
}

// d = {}
// for i in range(12):
//     d[i] = i
//     d['s%d' % i] = 100 + i
// del d[3]; del d['s5']; d[3] = 3
// print([d[k] for k in d])
static const long long order_g[] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 106, 107, 104, 102, 103, 100, 101, 110, 108, 109, 11, 111,
};

static void test_order_mixed(void) {
    qstr_init(NULL);
    mp_map_t m;
    mp_map_init(&m, 0);
    char k[16];
    for (int i = 0; i < 12; i++) {
        set_int(&m, i, i);
        snprintf(k, sizeof k, "s%d", i);
        set_str(&m, k, 100 + i);
    }
    CHECK(mp_map_lookup(&m, I(3), MP_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL);
    del_str(&m, "s5");
    set_int(&m, 3, 3);
    long long got[32];
    check_order(got, map_values(&m, got), order_g, sizeof order_g / sizeof order_g[0]);
    mp_map_deinit(&m);
    qstr_deinit();
}

// Code of a set member for the orders below: its WORDS index, or 100 + N
// for "pN".
static intptr_t word_code(mp_obj_t o) {
    const char *s = str_of_q(o);
    for (size_t i = 0; i < N_WORDS; i++) {
        if (strcmp(s, WORDS[i]) == 0) {
            return (intptr_t)i;
        }
    }
    return 100 + atoi(s + 1);
}

static size_t set_codes(const mp_set_t *s, long long *out, int words) {
    size_t pos = 0, n = 0;
    for (mp_obj_t o; (o = mp_set_iter_next(s, &pos)) != MP_OBJ_NULL;) {
        out[n++] = words ? word_code(o) : int_of(o);
    }
    return n;
}

// s = set()
// for w in WORDS: s.add(w)
// print([WORDS.index(k) for k in s])                                  (h1)
// for w in WORDS[::4]: s.remove(w)
// for w in ['p%d' % i for i in range(8)]: s.add(w)
// print([WORDS.index(k) if k in WORDS else 100 + int(k[1:]) for k in s])   (h2)
// popped = [s.pop() for i in range(5)]                               (h3)
static const long long order_h2[] = {
    21, 102, 103, 105, 106, 107, 9, 6, 27, 29, 30, 17, 2, 19, 22, 15, 14, 26, 3, 10, 104, 7, 18,
    13, 25, 100, 1, 11, 23, 5, 101,
};
static const long long order_h3[] = {
    21, 102, 103, 105, 106,
};

static void test_order_set(void) {
    qstr_init(NULL);
    mp_set_t s;
    mp_set_init(&s, 0);
    for (size_t i = 0; i < N_WORDS; i++) {
        mp_set_lookup(&s, QS(WORDS[i]), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
    long long got[64];
    // The same order as the dict of test_order_str_keys.
    check_order(got, set_codes(&s, got, 1), order_a, sizeof order_a / sizeof order_a[0]);
    for (size_t i = 0; i < N_WORDS; i += 4) {
        CHECK(mp_set_lookup(&s, QS(WORDS[i]), MP_MAP_LOOKUP_REMOVE_IF_FOUND) == QS(WORDS[i]));
    }
    char p[16];
    for (int i = 0; i < 8; i++) {
        snprintf(p, sizeof p, "p%d", i);
        mp_set_lookup(&s, QS(p), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
    check_order(got, set_codes(&s, got, 1), order_h2, sizeof order_h2 / sizeof order_h2[0]);
    for (int i = 0; i < 5; i++) {
        got[i] = word_code(mp_set_remove_first(&s));
    }
    check_order(got, 5, order_h3, 5);
    mp_set_clear(&s);
    qstr_deinit();
}

// s = {9, 3, 27, 81, 243, 729}    (BUILD_SET 6: the table starts at 6)
// for i in range(10): s.add(i * 11)
// print([k for k in s])
static const long long order_i[] = {
    0, 66, 99, 3, 55, 22, 243, 88, 9, 27, 44, 11, 81, 77, 729, 33,
};

static void test_order_set_literal(void) {
    static const intptr_t items[] = {9, 3, 27, 81, 243, 729};
    mp_set_t s;
    mp_set_init(&s, 6);
    for (size_t i = 0; i < 6; i++) {
        mp_set_lookup(&s, I(items[i]), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
    for (intptr_t i = 0; i < 10; i++) {
        mp_set_lookup(&s, I(i * 11), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
    long long got[32];
    check_order(got, set_codes(&s, got, 0), order_i, sizeof order_i / sizeof order_i[0]);
    mp_set_clear(&s);
}

// s = set()
// for i in INTS: s.add(i)
// s ^= {5, 7, 2000}    (toggles each item of the literal, in its order)
// print([k for k in s])
static const long long order_j[] = {
    0, 23, 2, -3, 46, -1, 8, 100, 33, 1000, 4611686018427387903LL, 12, -4611686018427387904LL, 17,
    99999, 64, -100, 2000,
};

static void test_order_set_toggle(void) {
    mp_set_t s, lit;
    mp_set_init(&s, 0);
    for (size_t i = 0; i < N_INTS; i++) {
        mp_set_lookup(&s, I((intptr_t)INTS[i]), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
    mp_set_init(&lit, 3);
    mp_set_lookup(&lit, I(5), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    mp_set_lookup(&lit, I(7), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    mp_set_lookup(&lit, I(2000), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    size_t pos = 0;
    for (mp_obj_t o; (o = mp_set_iter_next(&lit, &pos)) != MP_OBJ_NULL;) {
        mp_set_lookup(&s, o, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND);
    }
    long long got[32];
    check_order(got, set_codes(&s, got, 0), order_j, sizeof order_j / sizeof order_j[0]);
    mp_set_clear(&lit);
    mp_set_clear(&s);
}

// Past the end of the size table (54907 entries), checked by order checksums:
// d = {}
// for i in range(54908): d[i] = i            (fills 54907 slots, then grows)
// for k in range(1, 60): d[k * 1000003] = 100000 + k
// c = 0
// for v in d.values(): c = (c * 31 + v) % 1000000007
// print(c)                                   -> 837724094
// and the same with a set s.add(...), c over its items -> 210399017
static void test_order_beyond_table(void) {
    mp_map_t m;
    mp_set_t s;
    mp_map_init(&m, 0);
    mp_set_init(&s, 0);
    for (intptr_t i = 0; i < 54908; i++) {
        set_int(&m, i, i);
        mp_set_lookup(&s, I(i), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
    for (intptr_t k = 1; k < 60; k++) {
        set_int(&m, k * 1000003, 100000 + k);
        mp_set_lookup(&s, I(k * 1000003), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
    CHECK(m.alloc == 82363 && s.alloc == 82363 && m.used == 54967 && s.used == 54967);
    long long c = 0;
    size_t pos = 0;
    for (mp_map_elem_t *e; (e = mp_map_iter_next(&m, &pos)) != NULL;) {
        c = (c * 31 + int_of(e->value)) % 1000000007;
    }
    CHECK(c == 837724094);
    c = 0;
    pos = 0;
    for (mp_obj_t o; (o = mp_set_iter_next(&s, &pos)) != MP_OBJ_NULL;) {
        c = (c * 31 + int_of(o)) % 1000000007;
    }
    CHECK(c == 210399017);
    mp_map_deinit(&m);
    mp_set_clear(&s);
}

/******************************************************************************/

static void test_no_leaks(void) {
    CHECK(live_bytes == 0 && live_blocks == 0);
}

int main(void) {
    run("runtime/qstr/static", test_qstr_static);
    run("runtime/qstr/intern", test_qstr_intern);
    run("runtime/qstr/hash", test_qstr_hash);
    run("runtime/qstr/many", test_qstr_many);
    run("runtime/qstr/alloc-failure", test_qstr_alloc_failure);

    // From here on, maps allocate through the counting allocator.
    use_test_hooks();
    run("runtime/map/layout", test_map_layout);
    qstr_init(NULL);
    run("runtime/map/qstr-keys", test_map_qstr_keys);
    run("runtime/map/int-keys", test_map_int_keys);
    run("runtime/map/custom-keys", test_map_custom_keys);
    run("runtime/map/removal-chain", test_map_removal_chain);
    run("runtime/map/growth", test_map_growth);
    run("runtime/map/alloc-failure", test_map_alloc_failure);
    qstr_deinit();
    run("runtime/map/fixed", test_map_fixed);
#ifdef SDK_Q_NAME
    run("runtime/map/sdk-rom-map", test_map_sdk_rom);
#else
    skip("runtime/map/sdk-rom-map", "no static qstr numbers from the ABI data");
#endif
    run("runtime/map/random-hash", test_map_random_hash);
    run("runtime/map/random-ordered", test_map_random_ordered);
    run("runtime/set/basics", test_set_basics);

    run("runtime/map/order-str", test_order_str_keys);
    run("runtime/map/order-removals", test_order_removals);
    run("runtime/map/order-literal", test_order_literal);
    run("runtime/map/order-many-ints", test_order_many_ints);
    run("runtime/map/order-many-strs", test_order_many_strs);
    run("runtime/map/order-mixed", test_order_mixed);
    run("runtime/set/order", test_order_set);
    run("runtime/set/order-literal", test_order_set_literal);
    run("runtime/map/order-beyond-table", test_order_beyond_table);
    // These keys (up to 2**62 - 1) and hashes of negative ints (taken as
    // unsigned) are those of a 64-bit build.
    if (sizeof(void *) == 8) {
        run("runtime/map/order-ints", test_order_int_keys);
        run("runtime/set/order-toggle", test_order_set_toggle);
    } else {
        skip("runtime/map/order-ints", "64-bit values");
        skip("runtime/set/order-toggle", "64-bit values");
    }
    run("runtime/map/no-leaks", test_no_leaks);
    return total_failed != 0;
}

#endif
