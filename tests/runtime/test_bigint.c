// Test driver of src/runtime/bigint: runs the vectors of bigint_vectors.txt
// (written by gen_bigint_vectors.py, CPython being the oracle), then
// randomised property checks at sizes the vectors do not reach, allocation
// failures, and timings.
//
//     test_bigint VECTORS [--quick]
//
// Prints one line per group of checks, read by bigint.test.sh:
//     pass NAME COUNT | fail NAME MESSAGE | info NAME TEXT
// The exit status is 0 unless the driver itself could not run.
#include "runtime/bigint_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// --- reporting: a group collects checks until group_end()

static const char *group_name;
static long live_blocks;
static long group_checks, group_failures;
static bool any_failure;

static void group_begin(const char *name) {
    group_name = name;
    group_checks = 0;
    group_failures = 0;
}

static void group_end(void) {
    if (group_failures) {
        printf("fail %s %ld of %ld checks failed\n", group_name, group_failures, group_checks);
        any_failure = true;
    } else {
        printf("pass %s %ld\n", group_name, group_checks);
    }
    fflush(stdout);
}

// Records one check; the first few failures of a group are described.
static bool check(bool ok, const char *fmt, ...) {
    group_checks++;
    if (!ok) {
        if (group_failures++ < 5) {
            va_list ap;
            va_start(ap, fmt);
            printf("# %s: ", group_name);
            vprintf(fmt, ap);
            printf("\n");
            va_end(ap);
        }
    }
    return ok;
}

// --- allocator hooks: counting, and failing on demand


static long alloc_calls;
static long fail_at = -1; // the alloc_calls value that fails, or -1

static void *test_alloc(size_t size) {
    if (alloc_calls++ == fail_at) {
        return NULL;
    }
    void *p = malloc(size);
    if (p) {
        live_blocks++;
    }
    return p;
}

static void test_free(void *p) {
    live_blocks--;
    free(p);
}

// --- values

static void die(const char *what) {
    fprintf(stderr, "test_bigint: %s\n", what);
    exit(2);
}

static void must(bigint_err_t err) {
    if (err) {
        die(bigint_strerror(err));
    }
}

// Hex text to a bigint, built digit by digit: independent of bigint_from_str.
static bool parse_int(const char *tok, bigint_t *out) {
    bool neg = *tok == '-';
    if (neg) {
        tok++;
    }
    size_t n = strlen(tok);
    if (n == 0) {
        return false;
    }
    bigint_free(out);
    must(bigint_reserve(out, n / 8 + 1));
    memset(out->digits, 0, (n / 8 + 1) * sizeof(digit_t));
    for (size_t i = 0; i < n; i++) {
        char c = tok[n - 1 - i];
        unsigned v;
        if (c >= '0' && c <= '9') {
            v = (unsigned)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            v = (unsigned)(c - 'a') + 10;
        } else {
            return false;
        }
        out->digits[i / 8] |= (digit_t)v << (4 * (i % 8));
    }
    out->len = n / 8 + 1;
    out->neg = neg;
    bigint_normalize(out);
    return true;
}

// A bigint as hex text for messages (static buffer, truncated).
static const char *show(const bigint_t *a) {
    static char bufs[4][200];
    static int which;
    char *buf = bufs[which++ % 4];
    size_t size = bigint_str_size(a, 16, 0), len;
    char *s = malloc(size);
    if (!s || bigint_to_str(a, 16, 0, s, size, &len)) {
        snprintf(buf, sizeof bufs[0], "(unprintable)");
    } else if (len < sizeof bufs[0]) {
        memcpy(buf, s, len + 1);
    } else {
        snprintf(buf, sizeof bufs[0], "%.90s...%s (%zu hex digits)", s, s + len - 90, len);
    }
    free(s);
    return buf;
}

static uint64_t parse_hex_u64(const char *tok) {
    return strtoull(tok, NULL, 16);
}

static double bits_to_double(uint64_t u) {
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static uint64_t double_to_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

// ':' then hex pairs; returns the length.
static size_t parse_bytes(const char *tok, uint8_t *out, size_t cap) {
    size_t n = strlen(tok + 1) / 2;
    if (tok[0] != ':' || n > cap) {
        die("bad byte string in the vectors");
    }
    for (size_t i = 0; i < n; i++) {
        char pair[3] = {tok[1 + 2 * i], tok[2 + 2 * i], 0};
        out[i] = (uint8_t)strtoul(pair, NULL, 16);
    }
    return n;
}

// "'" then text with %XX escapes; returns the length.
static size_t parse_literal(const char *tok, char *out) {
    if (tok[0] != '\'') {
        die("bad literal in the vectors");
    }
    size_t n = 0;
    for (const char *p = tok + 1; *p; p++) {
        if (*p == '%') {
            char pair[3] = {p[1], p[2], 0};
            out[n++] = (char)strtoul(pair, NULL, 16);
            p += 2;
        } else {
            out[n++] = *p;
        }
    }
    return n;
}

static const char *err_name(bigint_err_t err) {
    switch (err) {
    case BIGINT_OK:
        return "OK";
    case BIGINT_ENOMEM:
        return "!ENOMEM";
    case BIGINT_EZERODIV:
        return "!EZERODIV";
    case BIGINT_EOVERFLOW:
        return "!EOVERFLOW";
    case BIGINT_ENEGATIVE:
        return "!ENEGATIVE";
    case BIGINT_EVALUE:
        return "!EVALUE";
    }
    return "?";
}

// --- vectors

#define MAX_TOKENS 8

typedef struct {
    const char *op;
    const char *tok[MAX_TOKENS]; // operands and expected results
    int ntok;
    long line;
} vector_t;

// Checks err and r against an expected token (a value or an error).
static void expect_int(const vector_t *v, const char *what, bigint_err_t err, const bigint_t *r,
                       const char *want) {
    if (want[0] == '!') {
        check(strcmp(err_name(err), want) == 0, "line %ld %s %s: got %s, want %s", v->line,
              v->op, what, err ? err_name(err) : show(r), want);
        return;
    }
    bigint_t w;
    bigint_init(&w);
    if (!parse_int(want, &w)) {
        die("bad integer in the vectors");
    }
    check(err == BIGINT_OK && bigint_cmp(r, &w) == 0 && (r->len == 0 || r->digits[r->len - 1]) &&
              (r->len || !r->neg),
          "line %ld %s %s: got %s, want %s", v->line, v->op, what,
          err ? err_name(err) : show(r), want);
    bigint_free(&w);
}

static void expect_err(const vector_t *v, bigint_err_t err, const char *want) {
    check(strcmp(err_name(err), want[0] == '!' ? want : "OK") == 0, "line %ld %s: got %s, want %s",
          v->line, v->op, err_name(err), want);
}

typedef bigint_err_t (*binary_fn)(bigint_t *, const bigint_t *, const bigint_t *);

// A binary operation into a fresh result, into a result holding an old
// value, and in place over each operand.
static void run_binary(const vector_t *v, binary_fn fn) {
    bigint_t a, b, r;
    bigint_init(&a);
    bigint_init(&b);
    bigint_init(&r);
    parse_int(v->tok[0], &a);
    parse_int(v->tok[1], &b);
    const char *want = v->tok[2];
    expect_int(v, "fresh", fn(&r, &a, &b), &r, want);
    must(bigint_set_i64(&r, -12345));
    must(bigint_shl(&r, &r, 300));
    expect_int(v, "reused", fn(&r, &a, &b), &r, want);
    bigint_t x;
    bigint_init(&x);
    must(bigint_copy(&x, &a));
    expect_int(v, "r=a", fn(&x, &x, &b), &x, want);
    must(bigint_copy(&x, &b));
    expect_int(v, "r=b", fn(&x, &a, &x), &x, want);
    if (bigint_cmp(&a, &b) == 0) {
        must(bigint_copy(&x, &a));
        expect_int(v, "r=a=b", fn(&x, &x, &x), &x, want);
    }
    bigint_free(&x);
    bigint_free(&a);
    bigint_free(&b);
    bigint_free(&r);
}

typedef bigint_err_t (*unary_fn)(bigint_t *, const bigint_t *);

static void run_unary(const vector_t *v, unary_fn fn) {
    bigint_t a, r;
    bigint_init(&a);
    bigint_init(&r);
    parse_int(v->tok[0], &a);
    expect_int(v, "fresh", fn(&r, &a), &r, v->tok[1]);
    expect_int(v, "r=a", fn(&a, &a), &a, v->tok[1]);
    bigint_free(&a);
    bigint_free(&r);
}

static void run_divmod(const vector_t *v) {
    bigint_t a, b, q, m;
    bigint_init(&a);
    bigint_init(&b);
    bigint_init(&q);
    bigint_init(&m);
    parse_int(v->tok[0], &a);
    parse_int(v->tok[1], &b);
    const char *wq = v->tok[2], *wm = v->ntok > 3 ? v->tok[3] : wq;
    expect_int(v, "q", bigint_divmod(&q, &m, &a, &b), &q, wq);
    if (wq[0] != '!') {
        expect_int(v, "m", BIGINT_OK, &m, wm);
    }
    bigint_free(&q);
    expect_int(v, "floordiv", bigint_floordiv(&q, &a, &b), &q, wq);
    bigint_free(&m);
    expect_int(v, "mod", bigint_mod(&m, &a, &b), &m, wm);
    // q over a, m over b.
    bigint_t x, y;
    bigint_init(&x);
    bigint_init(&y);
    must(bigint_copy(&x, &a));
    must(bigint_copy(&y, &b));
    bigint_err_t err = bigint_divmod(&x, &y, &x, &y);
    expect_int(v, "q=a", err, &x, wq);
    if (!err) {
        expect_int(v, "m=b", err, &y, wm);
    }
    // m over a, q over b.
    must(bigint_copy(&x, &a));
    must(bigint_copy(&y, &b));
    err = bigint_divmod(&y, &x, &x, &y);
    expect_int(v, "q=b", err, &y, wq);
    if (!err) {
        expect_int(v, "m=a", err, &x, wm);
    }
    bigint_free(&x);
    bigint_free(&y);
    bigint_free(&a);
    bigint_free(&b);
    bigint_free(&q);
    bigint_free(&m);
}

static void run_shift(const vector_t *v, bool left) {
    bigint_t a, r;
    bigint_init(&a);
    bigint_init(&r);
    parse_int(v->tok[0], &a);
    size_t n = (size_t)strtoull(v->tok[1], NULL, 10);
    bigint_err_t (*fn)(bigint_t *, const bigint_t *, size_t) = left ? bigint_shl : bigint_shr;
    expect_int(v, "fresh", fn(&r, &a, n), &r, v->tok[2]);
    expect_int(v, "r=a", fn(&a, &a, n), &a, v->tok[2]);
    bigint_free(&a);
    bigint_free(&r);
}

static void run_vector(const vector_t *v) {
    const char *op = v->op;
    bigint_t a, b, c, r;
    bigint_init(&a);
    bigint_init(&b);
    bigint_init(&c);
    bigint_init(&r);
    if (!strcmp(op, "add")) {
        run_binary(v, bigint_add);
    } else if (!strcmp(op, "sub")) {
        run_binary(v, bigint_sub);
    } else if (!strcmp(op, "mul")) {
        run_binary(v, bigint_mul);
    } else if (!strcmp(op, "and")) {
        run_binary(v, bigint_and);
    } else if (!strcmp(op, "or")) {
        run_binary(v, bigint_or);
    } else if (!strcmp(op, "xor")) {
        run_binary(v, bigint_xor);
    } else if (!strcmp(op, "gcd")) {
        run_binary(v, bigint_gcd);
    } else if (!strcmp(op, "pow")) {
        run_binary(v, bigint_pow);
    } else if (!strcmp(op, "neg")) {
        run_unary(v, bigint_neg);
    } else if (!strcmp(op, "abs")) {
        run_unary(v, bigint_abs);
    } else if (!strcmp(op, "invert")) {
        run_unary(v, bigint_invert);
    } else if (!strcmp(op, "divmod")) {
        run_divmod(v);
    } else if (!strcmp(op, "shl")) {
        run_shift(v, true);
    } else if (!strcmp(op, "shr")) {
        run_shift(v, false);
    } else if (!strcmp(op, "powmod")) {
        parse_int(v->tok[0], &a);
        parse_int(v->tok[1], &b);
        parse_int(v->tok[2], &c);
        expect_int(v, "fresh", bigint_pow_mod(&r, &a, &b, &c), &r, v->tok[3]);
        expect_int(v, "r=m", bigint_pow_mod(&c, &a, &b, &c), &c, v->tok[3]);
    } else if (!strcmp(op, "cmp")) {
        parse_int(v->tok[0], &a);
        parse_int(v->tok[1], &b);
        int want = atoi(v->tok[2]);
        check(bigint_cmp(&a, &b) == want && bigint_cmp(&b, &a) == -want, "line %ld cmp",
              v->line);
        int64_t x;
        if (bigint_to_i64(&b, &x) == BIGINT_OK) {
            check(bigint_cmp_i64(&a, x) == want, "line %ld cmp_i64", v->line);
        }
    } else if (!strcmp(op, "bitlen") || !strcmp(op, "bitcount")) {
        parse_int(v->tok[0], &a);
        size_t got = op[3] == 'l' ? bigint_bit_length(&a) : bigint_bit_count(&a);
        check(got == (size_t)strtoull(v->tok[1], NULL, 10), "line %ld %s: got %zu", v->line, op,
              got);
    } else if (!strcmp(op, "i64")) {
        parse_int(v->tok[0], &a);
        int64_t x = 0;
        bigint_err_t err = bigint_to_i64(&a, &x);
        expect_err(v, err, v->tok[1]);
        if (!err) {
            check(x == strtoll(v->tok[1], NULL, 10), "line %ld i64: got %lld", v->line,
                  (long long)x);
        }
    } else if (!strcmp(op, "u64")) {
        parse_int(v->tok[0], &a);
        uint64_t x = 0;
        bigint_err_t err = bigint_to_u64(&a, &x);
        expect_err(v, err, v->tok[1]);
        if (!err) {
            check(x == strtoull(v->tok[1], NULL, 10), "line %ld u64", v->line);
        }
    } else if (!strcmp(op, "u64wrap")) {
        parse_int(v->tok[0], &a);
        check(bigint_to_u64_wrap(&a) == strtoull(v->tok[1], NULL, 10), "line %ld u64wrap",
              v->line);
    } else if (!strcmp(op, "seti64")) {
        int64_t x = strtoll(v->tok[0], NULL, 10);
        expect_int(v, "set", bigint_set_i64(&r, x), &r, v->tok[1]);
        digit_t store[BIGINT_I64_DIGITS];
        bigint_view_i64(&b, store, x);
        expect_int(v, "view", BIGINT_OK, &b, v->tok[1]);
        bigint_init(&b);
    } else if (!strcmp(op, "setu64")) {
        expect_int(v, "set", bigint_set_u64(&r, strtoull(v->tok[0], NULL, 10)), &r, v->tok[1]);
    } else if (!strcmp(op, "todouble")) {
        parse_int(v->tok[0], &a);
        double d = 0;
        bigint_err_t err = bigint_to_double(&a, &d);
        expect_err(v, err, v->tok[1]);
        if (!err) {
            check(double_to_bits(d) == parse_hex_u64(v->tok[1]), "line %ld todouble: got %016llx",
                  v->line, (unsigned long long)double_to_bits(d));
        }
    } else if (!strcmp(op, "fromdouble")) {
        double d = bits_to_double(parse_hex_u64(v->tok[0]));
        expect_int(v, "fresh", bigint_set_double(&r, d), &r, v->tok[1]);
    } else if (!strcmp(op, "cmpdouble")) {
        parse_int(v->tok[0], &a);
        int c = 2;
        bigint_err_t err = bigint_cmp_double(&a, bits_to_double(parse_hex_u64(v->tok[1])), &c);
        expect_err(v, err, v->tok[2]);
        if (!err) {
            check(c == atoi(v->tok[2]), "line %ld cmpdouble: got %d", v->line, c);
        }
    } else if (!strcmp(op, "truediv")) {
        parse_int(v->tok[0], &a);
        parse_int(v->tok[1], &b);
        double d = 0;
        bigint_err_t err = bigint_truediv(&a, &b, &d);
        expect_err(v, err, v->tok[2]);
        if (!err) {
            check(double_to_bits(d) == parse_hex_u64(v->tok[2]), "line %ld truediv: got %016llx",
                  v->line, (unsigned long long)double_to_bits(d));
        }
    } else if (!strcmp(op, "tostr")) {
        parse_int(v->tok[0], &a);
        unsigned base = (unsigned)atoi(v->tok[1]);
        unsigned flags = (strchr(v->tok[2], 'p') ? BIGINT_STR_PREFIX : 0) |
                         (strchr(v->tok[2], 'u') ? BIGINT_STR_UPPER : 0);
        size_t size = bigint_str_size(&a, base, flags), len = 0;
        char *s = malloc(size);
        bigint_err_t err = bigint_to_str(&a, base, flags, s, size, &len);
        check(!err && len == strlen(v->tok[3]) && !strcmp(s, v->tok[3]),
              "line %ld tostr: got %s %s", v->line, err_name(err), err ? "" : s);
        if (size > 0) {
            check(bigint_to_str(&a, base, flags, s, size - 1, &len) == BIGINT_EOVERFLOW,
                  "line %ld tostr: short buffer accepted", v->line);
        }
        free(s);
    } else if (!strcmp(op, "fromstr")) {
        unsigned base = (unsigned)atoi(v->tok[0]);
        char *text = malloc(strlen(v->tok[1]) + 1);
        size_t len = parse_literal(v->tok[1], text);
        expect_int(v, "fresh", bigint_from_str(&r, text, len, base), &r, v->tok[2]);
        free(text);
    } else if (!strcmp(op, "tobytes")) {
        parse_int(v->tok[0], &a);
        size_t len = (size_t)strtoull(v->tok[1], NULL, 10);
        bool big = !strcmp(v->tok[2], "big"), is_signed = atoi(v->tok[3]);
        uint8_t *got = malloc(len + 1), *want = malloc(len + 1);
        bigint_err_t err = bigint_to_bytes(&a, got, len, big, is_signed);
        expect_err(v, err, v->tok[4]);
        if (!err) {
            size_t n = parse_bytes(v->tok[4], want, len);
            check(n == len && memcmp(got, want, len) == 0, "line %ld tobytes", v->line);
        }
        free(got);
        free(want);
    } else if (!strcmp(op, "frombytes")) {
        size_t cap = strlen(v->tok[0]);
        uint8_t *bytes = malloc(cap + 1);
        size_t len = parse_bytes(v->tok[0], bytes, cap);
        bool big = !strcmp(v->tok[1], "big"), is_signed = atoi(v->tok[2]);
        expect_int(v, "fresh", bigint_from_bytes(&r, bytes, len, big, is_signed), &r, v->tok[3]);
        free(bytes);
    } else if (!strcmp(op, "hash")) {
        parse_int(v->tok[0], &a);
        int64_t h = bigint_hash(&a);
        check(h == strtoll(v->tok[1], NULL, 10), "line %ld hash: got %lld", v->line,
              (long long)h);
    } else if (!strcmp(op, "hashi64")) {
        int64_t h = bigint_hash_i64(strtoll(v->tok[0], NULL, 10));
        check(h == strtoll(v->tok[1], NULL, 10), "line %ld hashi64: got %lld", v->line,
              (long long)h);
    } else if (!strcmp(op, "hashdouble")) {
        int64_t h = bigint_hash_double(bits_to_double(parse_hex_u64(v->tok[0])));
        check(h == strtoll(v->tok[1], NULL, 10), "line %ld hashdouble: got %lld", v->line,
              (long long)h);
    } else {
        check(false, "line %ld: unknown operation %s", v->line, op);
    }
    bigint_free(&a);
    bigint_free(&b);
    bigint_free(&c);
    bigint_free(&r);
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        die("cannot open the vector file");
    }
    size_t cap = 1 << 20, len = 0;
    char *data = malloc(cap);
    size_t n;
    while (data && (n = fread(data + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len - 1 == 0) {
            cap *= 2;
            data = realloc(data, cap);
        }
    }
    fclose(f);
    if (!data) {
        die("out of memory");
    }
    data[len] = 0;
    return data;
}

// Runs every vector, one group per operation (in order of appearance).
static void run_vectors(const char *path) {
    char *data = read_file(path);
    enum { MAX_OPS = 64 };
    const char *ops[MAX_OPS];
    int nops = 0;
    // First pass: the operations, in order.
    vector_t *all = NULL;
    size_t count = 0, cap = 0;
    long line_no = 0;
    for (char *line = data; line && *line;) {
        char *next = strchr(line, '\n');
        if (next) {
            *next++ = 0;
        }
        line_no++;
        if (*line && *line != '#') {
            vector_t v = {.line = line_no};
            char *save = line;
            v.op = strtok(save, " ");
            char *t;
            while ((t = strtok(NULL, " ")) != NULL && v.ntok < MAX_TOKENS) {
                v.tok[v.ntok++] = t;
            }
            if (count == cap) {
                cap = cap ? cap * 2 : 1024;
                all = realloc(all, cap * sizeof *all);
                if (!all) {
                    die("out of memory");
                }
            }
            all[count++] = v;
            int k = 0;
            while (k < nops && strcmp(ops[k], v.op)) {
                k++;
            }
            if (k == nops && nops < MAX_OPS) {
                ops[nops++] = v.op;
            }
        }
        line = next;
    }
    char name[80];
    for (int k = 0; k < nops; k++) {
        snprintf(name, sizeof name, "vectors/%s", ops[k]);
        group_begin(name);
        for (size_t i = 0; i < count; i++) {
            if (!strcmp(all[i].op, ops[k])) {
                run_vector(&all[i]);
            }
        }
        group_end();
    }
    free(all);
    free(data);
}

// --- randomised properties

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rnd(void) {
    // xorshift64*
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1du;
}

static size_t rnd_below(size_t n) {
    return (size_t)(rnd() % n);
}

// A random magnitude of n digits, often made of the digits that stress
// carries and corrections.
static void rnd_mag(digit_t *d, size_t n) {
    static const digit_t special[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe};
    bool patterned = rnd() % 3 == 0;
    for (size_t i = 0; i < n; i++) {
        d[i] = patterned && rnd() % 4 ? special[rnd_below(6)] : (digit_t)rnd();
    }
}

static void rnd_int(bigint_t *a, size_t n) {
    bigint_free(a);
    if (n == 0) {
        return;
    }
    must(bigint_reserve(a, n));
    rnd_mag(a->digits, n);
    if (a->digits[n - 1] == 0) {
        a->digits[n - 1] = 1;
    }
    a->len = n;
    a->neg = rnd() & 1;
}

// A random length: mostly small, sometimes around the Karatsuba threshold
// and beyond.
static size_t rnd_len(size_t max) {
    switch (rnd() % 4) {
    case 0:
        return rnd_below(4);
    case 1:
        return rnd_below(16);
    default:
        return rnd_below(max + 1);
    }
}

static void check_mul_against_basecase(int rounds, size_t max) {
    group_begin("random/mul-karatsuba");
    bigint_t a, b, r;
    bigint_init(&a);
    bigint_init(&b);
    bigint_init(&r);
    for (int i = 0; i < rounds; i++) {
        rnd_int(&a, 1 + rnd_len(max));
        rnd_int(&b, 1 + (i % 3 == 0 ? a.len : rnd_len(max)));
        must(bigint_mul(&r, &a, &b));
        size_t n = a.len + b.len;
        digit_t *want = malloc(n * sizeof(digit_t));
        mag_mul_basecase(want, a.digits, a.len, b.digits, b.len);
        size_t wn = mag_trim(want, n);
        check(r.neg == (a.neg != b.neg) && mag_cmp(r.digits, r.len, want, wn) == 0,
              "%zu x %zu digits", a.len, b.len);
        free(want);
        // Squares go through the same code with equal operands.
        must(bigint_mul(&r, &a, &a));
        must(bigint_pow(&b, &a, &(bigint_t){.digits = (digit_t[]){2}, .len = 1}));
        check(bigint_cmp(&r, &b) == 0, "square of %zu digits", a.len);
    }
    bigint_free(&a);
    bigint_free(&b);
    bigint_free(&r);
    group_end();
}

static void check_divmod_identity(int rounds, size_t max) {
    group_begin("random/divmod");
    bigint_t a, b, q, m, t;
    bigint_init(&a);
    bigint_init(&b);
    bigint_init(&q);
    bigint_init(&m);
    bigint_init(&t);
    for (int i = 0; i < rounds; i++) {
        rnd_int(&b, 1 + rnd_len(max));
        rnd_int(&a, b.len + rnd_len(max));
        if (i % 5 == 0) {
            // An exact multiple, plus or minus a little.
            rnd_int(&t, 1 + rnd_len(max / 2));
            must(bigint_mul(&a, &b, &t));
            bigint_t one;
            digit_t store[BIGINT_I64_DIGITS];
            bigint_view_i64(&one, store, (int64_t)(i % 3) - 1);
            must(bigint_add(&a, &a, &one));
        }
        must(bigint_divmod(&q, &m, &a, &b));
        // a == q * b + m, |m| < |b|, m has b's sign (or is 0).
        must(bigint_mul(&t, &q, &b));
        must(bigint_add(&t, &t, &m));
        check(bigint_cmp(&t, &a) == 0 && bigint_cmp_abs(&m, &b) < 0 &&
                  (m.len == 0 || m.neg == b.neg),
              "%zu / %zu digits: %s / %s", a.len, b.len, show(&a), show(&b));
    }
    bigint_free(&a);
    bigint_free(&b);
    bigint_free(&q);
    bigint_free(&m);
    bigint_free(&t);
    group_end();
}

static void check_text_round_trip(int rounds, size_t max) {
    group_begin("random/text");
    bigint_t a, r;
    bigint_init(&a);
    bigint_init(&r);
    for (int i = 0; i < rounds; i++) {
        rnd_int(&a, rnd_len(max));
        unsigned base = 2 + (unsigned)rnd_below(35);
        unsigned flags = (unsigned)rnd_below(4);
        size_t size = bigint_str_size(&a, base, flags), len;
        char *s = malloc(size);
        must(bigint_to_str(&a, base, flags, s, size, &len));
        // Base 0 reads the prefixed forms back.
        bool prefixed = (flags & BIGINT_STR_PREFIX) && (base == 2 || base == 8 || base == 16);
        bigint_err_t err = bigint_from_str(&r, s, len, prefixed && i % 2 ? 0 : base);
        check(!err && bigint_cmp(&a, &r) == 0 && len == strlen(s), "base %u: %s", base, s);
        free(s);
    }
    bigint_free(&a);
    bigint_free(&r);
    group_end();
}

static void check_bit_identities(int rounds, size_t max) {
    group_begin("random/bits");
    bigint_t a, b, x, y, z;
    bigint_init(&a);
    bigint_init(&b);
    bigint_init(&x);
    bigint_init(&y);
    bigint_init(&z);
    for (int i = 0; i < rounds; i++) {
        rnd_int(&a, rnd_len(max));
        rnd_int(&b, rnd_len(max));
        // (a & b) + (a | b) == a + b
        must(bigint_and(&x, &a, &b));
        must(bigint_or(&y, &a, &b));
        must(bigint_add(&x, &x, &y));
        must(bigint_add(&z, &a, &b));
        check(bigint_cmp(&x, &z) == 0, "and + or: %s, %s", show(&a), show(&b));
        // a ^ b == (a | b) - (a & b)
        must(bigint_and(&x, &a, &b));
        must(bigint_sub(&y, &y, &x));
        must(bigint_xor(&z, &a, &b));
        check(bigint_cmp(&y, &z) == 0, "xor: %s, %s", show(&a), show(&b));
        // ~(a & b) == ~a | ~b
        must(bigint_invert(&x, &x));
        must(bigint_invert(&y, &a));
        must(bigint_invert(&z, &b));
        must(bigint_or(&y, &y, &z));
        check(bigint_cmp(&x, &y) == 0, "de Morgan: %s, %s", show(&a), show(&b));
        // (a << n) >> n == a; a >> n == a // 2**n
        size_t n = rnd_below(200);
        must(bigint_shl(&x, &a, n));
        must(bigint_shr(&x, &x, n));
        check(bigint_cmp(&x, &a) == 0, "shift back by %zu: %s", n, show(&a));
        must(bigint_set_i64(&y, 1));
        must(bigint_shl(&y, &y, n));
        must(bigint_floordiv(&y, &a, &y));
        must(bigint_shr(&x, &a, n));
        check(bigint_cmp(&x, &y) == 0, "a >> %zu: %s", n, show(&a));
    }
    bigint_free(&a);
    bigint_free(&b);
    bigint_free(&x);
    bigint_free(&y);
    bigint_free(&z);
    group_end();
}

static void check_bytes_round_trip(int rounds, size_t max) {
    group_begin("random/bytes");
    bigint_t a, r;
    bigint_init(&a);
    bigint_init(&r);
    for (int i = 0; i < rounds; i++) {
        rnd_int(&a, rnd_len(max));
        bool big = rnd() & 1;
        // The shortest signed length, and a few more bytes.
        size_t len = (bigint_bit_length(&a) + 8) / 8 + rnd_below(3);
        uint8_t *bytes = malloc(len + 1);
        must(bigint_to_bytes(&a, bytes, len, big, true));
        must(bigint_from_bytes(&r, bytes, len, big, true));
        check(bigint_cmp(&a, &r) == 0, "%s in %zu bytes", show(&a), len);
        free(bytes);
    }
    bigint_free(&a);
    bigint_free(&r);
    group_end();
}

static void check_pow_mod(int rounds) {
    group_begin("random/powmod");
    bigint_t a, e, m, r, s;
    bigint_init(&a);
    bigint_init(&e);
    bigint_init(&m);
    bigint_init(&r);
    bigint_init(&s);
    for (int i = 0; i < rounds; i++) {
        rnd_int(&a, rnd_len(12));
        rnd_int(&m, 1 + rnd_len(12));
        must(bigint_set_i64(&e, (int64_t)rnd_below(40)));
        must(bigint_pow_mod(&r, &a, &e, &m));
        must(bigint_pow(&s, &a, &e));
        must(bigint_mod(&s, &s, &m));
        check(bigint_cmp(&r, &s) == 0, "pow(%s, %s, %s)", show(&a), show(&e), show(&m));
    }
    bigint_free(&a);
    bigint_free(&e);
    bigint_free(&m);
    bigint_free(&r);
    bigint_free(&s);
    group_end();
}

// Every integer of the form m * 2**k with m < 2**53 is a double, whose hash
// and conversions must agree with the int's.
static void check_float_agreement(int rounds) {
    group_begin("random/float-int-agreement");
    bigint_t a, r;
    bigint_init(&a);
    bigint_init(&r);
    for (int i = 0; i < rounds; i++) {
        int64_t m = (int64_t)(rnd() >> 11);
        if (rnd() & 1) {
            m = -m;
        }
        must(bigint_set_i64(&a, m));
        must(bigint_shl(&a, &a, rnd_below(960)));
        double d;
        must(bigint_to_double(&a, &d));
        must(bigint_set_double(&r, d));
        check(bigint_cmp(&a, &r) == 0, "int(float(%s))", show(&a));
        check(bigint_hash(&a) == bigint_hash_double(d), "hash of %s", show(&a));
        bigint_t one;
        digit_t store[BIGINT_I64_DIGITS];
        bigint_view_i64(&one, store, 1);
        double q;
        must(bigint_truediv(&a, &one, &q));
        check(double_to_bits(q) == double_to_bits(d), "%s / 1", show(&a));
        int64_t small;
        if (bigint_to_i64(&a, &small) == BIGINT_OK) {
            check(bigint_hash_i64(small) == bigint_hash(&a), "hash_i64 %lld", (long long)small);
        }
    }
    bigint_free(&a);
    bigint_free(&r);
    group_end();
}

// --- limits and allocation failures

static void check_limits(void) {
    group_begin("limits");
    bigint_t a, r;
    bigint_init(&a);
    bigint_init(&r);
    must(bigint_set_i64(&a, 3));
    check(bigint_shl(&r, &a, SIZE_MAX) == BIGINT_ENOMEM, "1 << SIZE_MAX");
    check(r.len == 0, "result untouched");
    bigint_t e;
    bigint_init(&e);
    must(bigint_set_u64(&e, UINT64_MAX));
    check(bigint_pow(&r, &a, &e) == BIGINT_ENOMEM, "3 ** (2**64 - 1)");
    must(bigint_shl(&e, &e, 100));
    check(bigint_pow(&r, &a, &e) == BIGINT_ENOMEM, "3 ** 2**164");
    must(bigint_set_i64(&a, -1));
    check(bigint_pow(&r, &a, &e) == BIGINT_OK && bigint_cmp_i64(&r, 1) == 0, "-1 ** even");
    check(bigint_from_str(&r, "12", 2, 1) == BIGINT_EVALUE, "base 1");
    check(bigint_str_size(&a, 37, 0) == 0, "str_size base 37");
    char buf[8];
    size_t len;
    check(bigint_to_str(&a, 1, 0, buf, sizeof buf, &len) == BIGINT_EVALUE, "to_str base 1");
    check(bigint_from_bytes(&r, NULL, 0, true, true) == BIGINT_OK && r.len == 0, "no bytes");
    // A view as a result gets storage of its own and is not freed.
    digit_t store[BIGINT_I64_DIGITS];
    bigint_free(&a);
    bigint_view_i64(&a, store, INT64_MIN);
    must(bigint_set_i64(&r, 1));
    must(bigint_add(&a, &a, &r));
    check(bigint_cmp_i64(&a, INT64_MIN + 1) == 0 && a.cap > 0, "view as result");
    check(store[1] == 0x80000000u && store[0] == 0, "view storage untouched");
    bigint_free(&a);
    bigint_free(&e);
    bigint_free(&r);
    for (size_t i = 0; i < 6; i++) {
        check(bigint_strerror((bigint_err_t)i)[0] != 0, "strerror %zu", i);
    }
    group_end();
}

typedef bigint_err_t (*fault_fn)(bigint_t *r, const bigint_t *a, const bigint_t *b);

static bigint_err_t op_divmod(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    return bigint_divmod(r, NULL, a, b);
}

static bigint_err_t op_str(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    (void)b;
    size_t size = bigint_str_size(a, 10, 0), len;
    char *s = malloc(size);
    bigint_err_t err = bigint_to_str(a, 10, 0, s, size, &len);
    if (!err) {
        err = bigint_from_str(r, s, len, 10);
    }
    free(s);
    return err;
}

static bigint_err_t op_truediv(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    double d;
    bigint_err_t err = bigint_truediv(a, b, &d);
    return err ? err : bigint_set_double(r, d);
}

static bigint_err_t op_powmod(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    bigint_t e;
    digit_t store[BIGINT_I64_DIGITS];
    bigint_view_i64(&e, store, -3);
    return bigint_pow_mod(r, a, &e, b);
}

static bigint_err_t op_small_pow(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    (void)b;
    bigint_t e;
    digit_t store[BIGINT_I64_DIGITS];
    bigint_view_i64(&e, store, 5);
    return bigint_pow(r, a, &e);
}

static bigint_err_t op_shl(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    (void)b;
    return bigint_shl(r, a, 77);
}

static bigint_err_t op_shr(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    (void)b;
    return bigint_shr(r, a, 77);
}

static bigint_err_t op_bytes(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    (void)b;
    uint8_t buf[400];
    bigint_err_t err = bigint_to_bytes(a, buf, sizeof buf, false, true);
    return err ? err : bigint_from_bytes(r, buf, sizeof buf, false, true);
}

static bigint_err_t op_set_double(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    (void)a;
    (void)b;
    return bigint_set_double(r, 1e300);
}

// Each operation, with the n-th allocation failing for every n until it
// succeeds: it returns BIGINT_ENOMEM and leaves its result as it was, and
// leaks nothing.
static void check_allocation_failures(void) {
    group_begin("allocation-failures");
    // Operand sizes (digits): large enough for Karatsuba where that
    // matters, small where the operation allocates at every step.
    static const struct {
        const char *name;
        fault_fn fn;
        size_t an, bn;
    } ops[] = {
        {"add", bigint_add, 70, 40},       {"sub", bigint_sub, 70, 40},
        {"mul", bigint_mul, 70, 40},       {"divmod", op_divmod, 70, 40},
        {"and", bigint_and, 70, 40},       {"xor", bigint_xor, 70, 40},
        {"gcd", bigint_gcd, 5, 3},         {"powmod", op_powmod, 5, 3},
        {"pow", op_small_pow, 40, 1},      {"str", op_str, 70, 1},
        {"truediv", op_truediv, 70, 40},   {"shl", op_shl, 70, 1},
        {"shr", op_shr, 70, 1},            {"bytes", op_bytes, 70, 1},
        {"set_double", op_set_double, 1, 1},
    };
    bigint_t a, b, r, before;
    bigint_init(&a);
    bigint_init(&b);
    bigint_init(&r);
    bigint_init(&before);
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        // Odd, so that inverses may exist.
        rnd_int(&a, ops[k].an);
        rnd_int(&b, ops[k].bn);
        a.digits[0] |= 1;
        b.digits[0] |= 1;
        b.neg = false;
        // The outcome without failures.
        bigint_t want;
        bigint_init(&want);
        bigint_err_t want_err = ops[k].fn(&want, &a, &b);
        must(bigint_set_i64(&r, 424242));
        must(bigint_copy(&before, &r));
        long base_live = live_blocks;
        for (long n = 0;; n++) {
            alloc_calls = 0;
            fail_at = n;
            bigint_err_t err = ops[k].fn(&r, &a, &b);
            fail_at = -1;
            if (err == want_err && err != BIGINT_ENOMEM) {
                check(err || bigint_cmp(&r, &want) == 0, "%s: wrong result after %ld failures",
                      ops[k].name, n);
                break;
            }
            check(err == BIGINT_ENOMEM, "%s: allocation %ld failing gave %s", ops[k].name, n,
                  err_name(err));
            check(bigint_cmp(&r, &before) == 0, "%s: result changed by a failure at %ld",
                  ops[k].name, n);
            check(live_blocks == base_live, "%s: %ld blocks leaked by a failure at %ld",
                  ops[k].name, live_blocks - base_live, n);
            if (n > 10000) {
                check(false, "%s never succeeds", ops[k].name);
                break;
            }
        }
        bigint_free(&want);
    }
    bigint_free(&a);
    bigint_free(&b);
    bigint_free(&r);
    bigint_free(&before);
    group_end();
}

// --- timings

static double now_ms(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

// A random number of `digits` decimal digits.
static void decimal_number(bigint_t *a, size_t digits) {
    char *s = malloc(digits);
    for (size_t i = 0; i < digits; i++) {
        s[i] = (char)('0' + rnd_below(10));
    }
    s[0] = (char)('1' + rnd_below(9));
    must(bigint_from_str(a, s, digits, 10));
    free(s);
}

static void check_timings(bool quick) {
    group_begin("timing");
    bigint_t a, b, r;
    bigint_init(&a);
    bigint_init(&b);
    bigint_init(&r);

    // 10,000 decimal digits to text and back.
    decimal_number(&a, 10000);
    size_t size = bigint_str_size(&a, 10, 0), len = 0;
    char *s = malloc(size);
    double best = 1e9;
    for (int i = 0; i < 5; i++) {
        double t0 = now_ms();
        must(bigint_to_str(&a, 10, 0, s, size, &len));
        double t = now_ms() - t0;
        best = t < best ? t : best;
    }
    check(len == 10000, "10k digits printed as %zu", len);
    check(best < 1000, "to_str of 10k digits took %.1f ms", best);
    printf("info to_str_10000_digits %.3f ms\n", best);
    double t0 = now_ms();
    must(bigint_from_str(&r, s, len, 10));
    printf("info from_str_10000_digits %.3f ms\n", now_ms() - t0);
    check(bigint_cmp(&a, &r) == 0, "10k digits round trip");
    free(s);

    // 1000 x 1000 decimal digits.
    decimal_number(&a, 1000);
    decimal_number(&b, 1000);
    int reps = quick ? 100 : 2000;
    t0 = now_ms();
    for (int i = 0; i < reps; i++) {
        must(bigint_mul(&r, &a, &b));
    }
    double per = (now_ms() - t0) / reps;
    check(per < 50, "1000-digit multiply took %.3f ms", per);
    printf("info mul_1000x1000_digits %.2f us\n", per * 1000);

    // Larger operations, for information.
    decimal_number(&a, 100000);
    decimal_number(&b, 100000);
    t0 = now_ms();
    must(bigint_mul(&r, &a, &b));
    printf("info mul_100000x100000_digits %.2f ms\n", now_ms() - t0);
    decimal_number(&a, 20000);
    decimal_number(&b, 10000);
    t0 = now_ms();
    must(bigint_divmod(&r, NULL, &a, &b));
    printf("info divmod_20000_by_10000_digits %.2f ms\n", now_ms() - t0);
    bigint_t e;
    bigint_init(&e);
    must(bigint_set_i64(&a, 3));
    must(bigint_set_i64(&e, 1000000));
    t0 = now_ms();
    must(bigint_pow(&r, &a, &e));
    printf("info pow_3_1000000 %.2f ms\n", now_ms() - t0);
    bigint_free(&e);
    bigint_free(&a);
    bigint_free(&b);
    bigint_free(&r);
    group_end();
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_bigint VECTORS [--quick]\n");
        return 2;
    }
    bool quick = argc > 2 && !strcmp(argv[2], "--quick");
    bigint_set_allocator(test_alloc, test_free);
    run_vectors(argv[1]);
    int scale = quick ? 1 : 4;
    check_mul_against_basecase(100 * scale, 300);
    check_divmod_identity(300 * scale, 200);
    check_text_round_trip(300 * scale, 100);
    check_bit_identities(300 * scale, 40);
    check_bytes_round_trip(300 * scale, 40);
    check_pow_mod(100 * scale);
    check_float_agreement(300 * scale);
    check_limits();
    check_allocation_failures();
    check_timings(quick);
    group_begin("no-leaks");
    check(live_blocks == 0, "%ld blocks still allocated", live_blocks);
    group_end();
    return 0;
}
