// Arbitrary-precision integers with the semantics of Python's int, for the
// runtime's big ints (a small int that overflows becomes one of these).
//
// A bigint_t is a value: sign plus magnitude, the magnitude as 32-bit digits,
// least significant first, in an array from the allocator set with
// bigint_set_allocator (malloc/free by default). Zero has no digits and is
// never negative.
//
// Conventions for every operation:
// - Results come first, operands after. A result may be the same bigint_t as
//   any operand (bigint_add(&x, &x, &y) is fine).
// - Results must have been initialised (bigint_init, or any earlier value,
//   whose storage is reused or released).
// - Errors are returned as bigint_err_t, never raised. On any error the
//   bigint_t results keep their previous values (a text or byte buffer may
//   be partly written).
// - The allocator (bigint_set_allocator) is the only global state.
#ifndef RUNTIME_BIGINT_H
#define RUNTIME_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t bigint_digit_t;
#define BIGINT_DIGIT_BITS 32

typedef struct {
    bigint_digit_t *digits; // magnitude, least significant first
    size_t len;             // digits in use (0 for zero); digits[len - 1] != 0
    size_t cap;             // digits allocated; 0 when the array is not owned
    bool neg;               // never set for zero
} bigint_t;

// The Python exception each code stands for, with its usual message.
typedef enum {
    BIGINT_OK = 0,
    BIGINT_ENOMEM,    // MemoryError (allocation failed, or absurd size)
    BIGINT_EZERODIV,  // ZeroDivisionError
    BIGINT_EOVERFLOW, // OverflowError: "... too large to convert ..."
    BIGINT_ENEGATIVE, // OverflowError: "can't convert negative int to unsigned"
    BIGINT_EVALUE,    // ValueError: bad literal, bad base, NaN, pow modulus 0,
                      // negative exponent, base not invertible
} bigint_err_t;

// A generic English message for an error code.
const char *bigint_strerror(bigint_err_t err);

// --- storage

// Sets the allocator of digit arrays (NULL for either restores malloc/free).
// Call it before any bigint_t holds storage: arrays are released with the
// free function current at that time. alloc returns NULL on failure (or
// does not return at all, e.g. a GC raising MemoryError: then the temporary
// arrays of the interrupted operation are left to the collector).
void bigint_set_allocator(void *(*alloc)(size_t size), void (*free_fn)(void *p));

void bigint_init(bigint_t *a);              // a = 0, no storage
void bigint_free(bigint_t *a);              // releases storage, a = 0
void bigint_swap(bigint_t *a, bigint_t *b); // exchanges values (no copying)
bigint_err_t bigint_copy(bigint_t *r, const bigint_t *a);

// A read-only operand for a machine integer without allocation (for mixed
// small/big arithmetic). store must outlive the view; do not free the view.
#define BIGINT_I64_DIGITS 2
void bigint_view_i64(bigint_t *view, bigint_digit_t store[BIGINT_I64_DIGITS], int64_t v);

// --- machine integers

bigint_err_t bigint_set_i64(bigint_t *r, int64_t v);
bigint_err_t bigint_set_u64(bigint_t *r, uint64_t v);
// BIGINT_EOVERFLOW when a does not fit (*out untouched).
bigint_err_t bigint_to_i64(const bigint_t *a, int64_t *out);
// BIGINT_ENEGATIVE for a < 0, BIGINT_EOVERFLOW for a >= 2**64.
bigint_err_t bigint_to_u64(const bigint_t *a, uint64_t *out);
// The low 64 bits of a's two's complement (a mod 2**64), never fails.
uint64_t bigint_to_u64_wrap(const bigint_t *a);

// --- tests and comparisons

bool bigint_is_zero(const bigint_t *a);
int bigint_sign(const bigint_t *a);                       // -1, 0 or 1
int bigint_cmp(const bigint_t *a, const bigint_t *b);     // -1, 0 or 1
int bigint_cmp_i64(const bigint_t *a, int64_t v);         // -1, 0 or 1
int bigint_cmp_abs(const bigint_t *a, const bigint_t *b); // compares |a|, |b|

// --- arithmetic

bigint_err_t bigint_neg(bigint_t *r, const bigint_t *a);
bigint_err_t bigint_abs(bigint_t *r, const bigint_t *a);
bigint_err_t bigint_add(bigint_t *r, const bigint_t *a, const bigint_t *b);
bigint_err_t bigint_sub(bigint_t *r, const bigint_t *a, const bigint_t *b);
bigint_err_t bigint_mul(bigint_t *r, const bigint_t *a, const bigint_t *b);

// Floor division like Python's divmod: q = a // b rounds toward -infinity,
// m = a % b has the sign of b. q or m may be NULL; they must differ.
// BIGINT_EZERODIV when b == 0.
bigint_err_t bigint_divmod(bigint_t *q, bigint_t *m, const bigint_t *a, const bigint_t *b);
bigint_err_t bigint_floordiv(bigint_t *q, const bigint_t *a, const bigint_t *b);
bigint_err_t bigint_mod(bigint_t *m, const bigint_t *a, const bigint_t *b);

// a ** e. BIGINT_EVALUE for e < 0 (Python gives a float there: the caller's
// business), BIGINT_ENOMEM when the result could not be held in memory.
bigint_err_t bigint_pow(bigint_t *r, const bigint_t *a, const bigint_t *e);
// pow(a, e, m) like Python 3.8+: the result has the sign of m; e < 0 uses
// the inverse of a modulo m. BIGINT_EVALUE for m == 0 or a not invertible.
bigint_err_t bigint_pow_mod(bigint_t *r, const bigint_t *a, const bigint_t *e, const bigint_t *m);
// Greatest common divisor like math.gcd: never negative, gcd(0, 0) == 0.
bigint_err_t bigint_gcd(bigint_t *r, const bigint_t *a, const bigint_t *b);

// --- bits (negative numbers behave as infinite two's complement, as in Python)

bigint_err_t bigint_shl(bigint_t *r, const bigint_t *a, size_t n); // a << n
bigint_err_t bigint_shr(bigint_t *r, const bigint_t *a, size_t n); // a >> n, floors
bigint_err_t bigint_and(bigint_t *r, const bigint_t *a, const bigint_t *b);
bigint_err_t bigint_or(bigint_t *r, const bigint_t *a, const bigint_t *b);
bigint_err_t bigint_xor(bigint_t *r, const bigint_t *a, const bigint_t *b);
bigint_err_t bigint_invert(bigint_t *r, const bigint_t *a); // ~a == -a - 1
size_t bigint_bit_length(const bigint_t *a); // int.bit_length(): bits of |a|
size_t bigint_bit_count(const bigint_t *a);  // int.bit_count(): ones in |a|

// --- floats (IEEE 754 binary64)

// int(d): truncates toward zero. BIGINT_EOVERFLOW for an infinity,
// BIGINT_EVALUE for a NaN.
bigint_err_t bigint_set_double(bigint_t *r, double d);
// float(a), correctly rounded (to nearest, ties to even).
// BIGINT_EOVERFLOW when it rounds beyond the largest double.
bigint_err_t bigint_to_double(const bigint_t *a, double *out);
// Compares a with d exactly (as CPython does; 2**53 + 1 > 2.0**53): *out is
// -1, 0 or 1. BIGINT_EVALUE for a NaN (unordered: only != holds).
bigint_err_t bigint_cmp_double(const bigint_t *a, double d, int *out);
// a / b, correctly rounded as in CPython (0 / -1 gives -0.0).
// BIGINT_EZERODIV when b == 0, BIGINT_EOVERFLOW when too large.
bigint_err_t bigint_truediv(const bigint_t *a, const bigint_t *b, double *out);

// --- text

// Flags of bigint_to_str.
#define BIGINT_STR_PREFIX 1u // 0b, 0o, 0x for bases 2, 8, 16 (after the sign)
#define BIGINT_STR_UPPER 2u  // A-Z digits and an upper-case prefix ('%#X')

// A buffer size (terminating NUL included) enough for bigint_to_str, 0 for a
// bad base.
size_t bigint_str_size(const bigint_t *a, unsigned base, unsigned flags);
// Writes a in base 2..36 ("-" for negatives, then the prefix, then the
// digits, NUL-terminated) and its length (NUL excluded) to *len.
// BIGINT_EVALUE for a bad base; BIGINT_EOVERFLOW when size is below
// bigint_str_size(a, base, flags).
bigint_err_t bigint_to_str(const bigint_t *a, unsigned base, unsigned flags, char *buf,
                           size_t size, size_t *len);
// Python's int(s, base) for base 0 or 2..36: surrounding whitespace, a sign,
// the prefix 0b/0o/0x of the base (base 0 picks the base from it, and then
// allows no leading zeros in decimal), single underscores between digits
// and after a prefix. BIGINT_EVALUE for a bad literal or base. Unlike
// CPython only ASCII whitespace (" \t\n\v\f\r") and ASCII digits count.
bigint_err_t bigint_from_str(bigint_t *r, const char *s, size_t len, unsigned base);

// --- bytes

// int.to_bytes(len, byteorder, signed=is_signed): BIGINT_ENEGATIVE for a < 0
// unsigned, BIGINT_EOVERFLOW when a does not fit in len bytes.
bigint_err_t bigint_to_bytes(const bigint_t *a, uint8_t *out, size_t len, bool big_endian,
                             bool is_signed);
// int.from_bytes(bytes, byteorder, signed=is_signed).
bigint_err_t bigint_from_bytes(bigint_t *r, const uint8_t *bytes, size_t len, bool big_endian,
                               bool is_signed);

// --- hashing
//
// CPython's numeric hash (64-bit builds): |x| mod (2**61 - 1) with x's sign,
// and -2 in place of -1. It is the same for equal ints and floats, so an int
// and a float that compare equal find each other in a dict when the runtime
// hashes floats with bigint_hash_double and small ints with bigint_hash_i64.
// (MicroPython itself hashes a big int by its low machine word; nothing in
// the ABI depends on the hash values.)
int64_t bigint_hash(const bigint_t *a);
int64_t bigint_hash_i64(int64_t v);
// Of a float: CPython's value for finite numbers, +-314159 for infinities;
// 0 for NaN (CPython >= 3.10 hashes a NaN by its object identity).
int64_t bigint_hash_double(double d);

#endif
