// Internals shared by the bigint_*.c files: storage management and the
// primitives on magnitudes (unsigned digit arrays, least significant digit
// first). Not for users of bigint.h.
#ifndef RUNTIME_BIGINT_INTERNAL_H
#define RUNTIME_BIGINT_INTERNAL_H

#include "runtime/bigint.h"

typedef bigint_digit_t digit_t;
typedef uint64_t ddigit_t; // holds any digit * digit + digit + digit

#define DIGIT_MASK ((ddigit_t)0xffffffffu)

// Largest digit count: keeps bit counts (len * 32) and byte counts in size_t
// with room to spare for the intermediate sums of the algorithms.
#define BIGINT_MAX_DIGITS (SIZE_MAX / 64)

// --- storage (bigint.c)

// n digits from the allocator; NULL when it fails or n is 0 or too large.
digit_t *bigint_alloc_digits(size_t n);
void bigint_free_digits(digit_t *p);
// Makes room for n digits in a, keeping its value.
bigint_err_t bigint_reserve(bigint_t *a, size_t n);
// Drops leading zero digits; zero is never negative.
void bigint_normalize(bigint_t *a);
// r takes t's value and storage (releasing its own); t becomes 0.
void bigint_move(bigint_t *r, bigint_t *t);
// A fresh bigint_t with room for n digits (value 0).
bigint_err_t bigint_new_with(bigint_t *t, size_t n);

// --- magnitude primitives (bigint_mag.c)
//
// Results may be the same array as an operand at the same index (r == a)
// unless said otherwise.

size_t mag_trim(const digit_t *a, size_t n); // length without leading zeros
int mag_cmp(const digit_t *a, size_t an, const digit_t *b, size_t bn);
// r[0..an) = a + b for an >= bn; returns the carry out.
digit_t mag_add(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn);
// r[0..an) = a - b for a >= b (an >= bn); returns the borrow (0 when a >= b).
digit_t mag_sub(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn);
// r[0..n) = a + x, returns the carry out.
digit_t mag_add_1(digit_t *r, const digit_t *a, size_t n, digit_t x);
// r[0..n) = a - x, returns the borrow out.
digit_t mag_sub_1(digit_t *r, const digit_t *a, size_t n, digit_t x);
// r[0..n) = a * m + c, returns the carry out (the digit r[n] would hold).
digit_t mag_mul_1(digit_t *r, const digit_t *a, size_t n, digit_t m, digit_t c);
// r[0..n) += a * m, returns the carry out. r must not overlap a.
digit_t mag_addmul_1(digit_t *r, const digit_t *a, size_t n, digit_t m);
// r[0..n) -= a * m, returns the borrow out. r must not overlap a.
digit_t mag_submul_1(digit_t *r, const digit_t *a, size_t n, digit_t m);
// q[0..n) = a / d (d != 0), returns the remainder. q may be a.
digit_t mag_div_1(digit_t *q, const digit_t *a, size_t n, digit_t d);
// r[0..n) = a << bits (0 <= bits < 32), returns the bits shifted out on top.
// r may be a or any higher position of the same array (it works downwards).
digit_t mag_shl_bits(digit_t *r, const digit_t *a, size_t n, unsigned bits);
// r[0..n) = a >> bits (0 <= bits < 32), returns the bits shifted out at the
// bottom (in the high end of the digit). r may be a or any lower position.
digit_t mag_shr_bits(digit_t *r, const digit_t *a, size_t n, unsigned bits);
size_t mag_bit_length(const digit_t *a, size_t n);
// Bits [pos, pos + count) of a as a number (count <= 64); bits past the end
// read as 0.
uint64_t mag_get_bits(const digit_t *a, size_t n, size_t pos, unsigned count);
// Whether any of the bits below pos is set.
bool mag_any_bits_below(const digit_t *a, size_t n, size_t pos);

// --- multiplication (bigint_mul.c)

// r[0..an+bn) = a * b, schoolbook. r must not overlap a or b.
void mag_mul_basecase(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn);
// r[0..an+bn) = a * b, Karatsuba for large operands. r must not overlap a
// or b. Fails only when its scratch space cannot be allocated.
bigint_err_t mag_mul(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn);

// --- division (bigint_div.c)

// Truncating division of magnitudes: q[0..an-bn+1) = a / b, m[0..bn) = a % b,
// for an >= bn >= 1 and b[bn - 1] != 0. m may be NULL; neither may overlap
// a or b.
bigint_err_t mag_divmod(digit_t *q, digit_t *m, const digit_t *a, size_t an, const digit_t *b,
                        size_t bn);

// --- Euclid (bigint_gcd.c)

// r = the inverse of a modulo m (m > 1), in [0, m). BIGINT_EVALUE when a and
// m are not coprime.
bigint_err_t bigint_mod_inverse(bigint_t *r, const bigint_t *a, const bigint_t *m);

// --- floats (bigint_float.c)

// Rounds (a + f) * 2**exp2 to the nearest double, ties to even, where f is a
// fraction in (0, 1) when sticky is set and 0 otherwise (a must then have at
// least 55 bits). a must be nonzero. BIGINT_EOVERFLOW beyond the largest
// double.
bigint_err_t mag_round_to_double(const digit_t *a, size_t n, bool sticky, int64_t exp2, bool neg,
                                 double *out);

#endif
