// Compiler support routines that Debian's libgcc for xtensa-lx106
// (gcc-xtensa-lx106 12.2) lacks, for xtensa modules (dynruntime.mk links
// them before libgcc) and the lx106 firmware (the Makefile's FW_OS_SRC): its libgcc.a has none of the assembly
// routines of GCC's xtensa lib1funcs (integer division, 64-bit
// multiplication, and the IEEE 754 arithmetic of float and double), though
// its C routines (__udivmoddi4, __floatdidf, comparisons, ...) call them.
// lx106 has a 32-bit multiplier (mull) but no divider and no FPU.
//
// Soft float: round to nearest, ties to even; no exception flags. A NaN
// result is the quiet NaN of an operand, or the default one. float
// arithmetic is done in double and rounded once to float: binary64 has more
// than twice binary32's precision plus two bits, so the result is the
// correctly rounded one.
#if defined(__XTENSA__)

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

// libgcc's C routines used here.
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);

/******************************************************************************/
// Integers

uint32_t __udivsi3(uint32_t n, uint32_t d);
uint32_t __umodsi3(uint32_t n, uint32_t d);
int32_t __divsi3(int32_t n, int32_t d);
uint64_t __muldi3(uint64_t a, uint64_t b);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);

// Shift and subtract, from the divisor's highest useful position down.
static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *rem) {
    if (d == 0) {
        *rem = n;
        return 0xffffffffu; // division by zero: undefined in C, any value will do
    }
    uint32_t q = 0;
    int shift = __builtin_clz(d) - (n == 0 ? 31 : __builtin_clz(n));
    if (shift < 0) {
        *rem = n;
        return 0;
    }
    d <<= shift;
    for (; shift >= 0; shift--) {
        q <<= 1;
        if (n >= d) {
            n -= d;
            q |= 1;
        }
        d >>= 1;
    }
    *rem = n;
    return q;
}

uint32_t __udivsi3(uint32_t n, uint32_t d) {
    uint32_t rem;
    return udivmod32(n, d, &rem);
}

uint32_t __umodsi3(uint32_t n, uint32_t d) {
    uint32_t rem;
    udivmod32(n, d, &rem);
    return rem;
}

int32_t __divsi3(int32_t n, int32_t d) {
    uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
    uint32_t rem;
    uint32_t q = udivmod32(un, ud, &rem);
    return (int32_t)((n < 0) != (d < 0) ? 0u - q : q);
}

// 32 x 32 -> 64 bits from 16-bit halves (mull gives the low 32 bits only).
static uint64_t umul32x32(uint32_t a, uint32_t b) {
    uint32_t al = a & 0xffff, ah = a >> 16, bl = b & 0xffff, bh = b >> 16;
    uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint32_t mid = (ll >> 16) + (lh & 0xffff) + (hl & 0xffff);
    uint32_t lo = (ll & 0xffff) | (mid << 16);
    uint32_t hi = hh + (lh >> 16) + (hl >> 16) + (mid >> 16);
    return ((uint64_t)hi << 32) | lo;
}

uint64_t __umulsidi3(uint32_t a, uint32_t b);

uint64_t __umulsidi3(uint32_t a, uint32_t b) {
    return umul32x32(a, b);
}

uint64_t __muldi3(uint64_t a, uint64_t b) {
    uint32_t al = (uint32_t)a, ah = (uint32_t)(a >> 32), bl = (uint32_t)b, bh = (uint32_t)(b >> 32);
    uint64_t p = umul32x32(al, bl);
    return p + ((uint64_t)(al * bh + ah * bl) << 32);
}

uint64_t __udivdi3(uint64_t n, uint64_t d) {
    return __udivmoddi4(n, d, NULL);
}

uint64_t __umoddi3(uint64_t n, uint64_t d) {
    uint64_t rem;
    __udivmoddi4(n, d, &rem);
    return rem;
}

int64_t __divdi3(int64_t n, int64_t d) {
    uint64_t un = n < 0 ? 0u - (uint64_t)n : (uint64_t)n;
    uint64_t ud = d < 0 ? 0u - (uint64_t)d : (uint64_t)d;
    uint64_t q = __udivmoddi4(un, ud, NULL);
    return (int64_t)((n < 0) != (d < 0) ? 0u - q : q);
}

/******************************************************************************/
// double (binary64)

#define F64_EXP_MAX 0x7ff
#define F64_QNAN 0x7ff8000000000000ull

static uint64_t bits64(double x) {
    uint64_t u;
    memcpy(&u, &x, sizeof(u));
    return u;
}

static double from64(uint64_t u) {
    double x;
    memcpy(&x, &u, sizeof(x));
    return x;
}

// Right shift keeping a 1 in bit 0 when any bit shifted out was 1.
static uint64_t shift_right_sticky(uint64_t x, int n) {
    if (n <= 0) {
        return x;
    }
    if (n >= 64) {
        return x != 0;
    }
    return (x >> n) | ((x << (64 - n)) != 0);
}

// A finite number sig * 2^(exp - 1023 - 62), sig having its leading 1 at
// bit 62 (or sig 0), rounded and packed. The exponent field is added to the
// significand, so a rounding carry into bit 53 (or from subnormal to
// normal) raises the exponent.
static uint64_t pack64(bool sign, int exp, uint64_t sig) {
    uint64_t s = (uint64_t)sign << 63;
    if (sig == 0) {
        return s;
    }
    if (exp >= F64_EXP_MAX) {
        return s | ((uint64_t)F64_EXP_MAX << 52);
    }
    if (exp <= 0) {
        sig = shift_right_sticky(sig, 1 - exp);
        exp = 1; // a subnormal: field 0 below
    }
    uint32_t round = (uint32_t)sig & 0x3ff;
    sig = (sig + 0x200) >> 10;
    if (round == 0x200) {
        sig &= ~(uint64_t)1; // a tie: to even
    }
    return s + ((uint64_t)(exp - 1) << 52) + sig;
}

// Moves the leading 1 of sig to bit 62 (from anywhere in 0-63).
static uint64_t normalize64(int *exp, uint64_t sig) {
    if (sig >> 63) {
        *exp += 1;
        return shift_right_sticky(sig, 1);
    }
    int shift = __builtin_clzll(sig) - 1;
    *exp -= shift;
    return sig << shift;
}

typedef struct {
    bool sign;
    int exp;      // biased; for a subnormal as if normalized
    uint64_t sig; // leading 1 at bit 62; 0 for a zero
    int kind;     // 0 finite (or zero), 1 infinity, 2 NaN
} unpacked64_t;

static unpacked64_t unpack64(uint64_t u) {
    unpacked64_t r = {u >> 63, (int)(u >> 52) & F64_EXP_MAX, u & 0xfffffffffffffull, 0};
    if (r.exp == F64_EXP_MAX) {
        r.kind = r.sig != 0 ? 2 : 1;
    } else if (r.exp == 0) {
        if (r.sig != 0) {
            r.exp = 1;
            r.sig = normalize64(&r.exp, r.sig << 10);
        }
    } else {
        r.sig = (r.sig | (1ull << 52)) << 10;
    }
    return r;
}

static uint64_t nan64(uint64_t a, uint64_t b) {
    unpacked64_t ua = unpack64(a);
    return (ua.kind == 2 ? a : b) | (1ull << 51);
}

static uint64_t add64(uint64_t a, uint64_t b) {
    unpacked64_t x = unpack64(a), y = unpack64(b);
    if (x.kind == 2 || y.kind == 2) {
        return nan64(a, b);
    }
    if (x.kind == 1 || y.kind == 1) {
        if (x.kind == 1 && y.kind == 1 && x.sign != y.sign) {
            return F64_QNAN;
        }
        return x.kind == 1 ? a : b;
    }
    if (x.sig == 0 || y.sig == 0) {
        if (x.sig == 0 && y.sig == 0) {
            return (uint64_t)(x.sign && y.sign) << 63;
        }
        return x.sig == 0 ? b : a;
    }
    // One bit of headroom for a carry, then align to the larger exponent.
    x.sig >>= 1;
    y.sig >>= 1;
    if (x.exp < y.exp || (x.exp == y.exp && x.sig < y.sig)) {
        unpacked64_t t = x;
        x = y;
        y = t;
    }
    y.sig = shift_right_sticky(y.sig, x.exp - y.exp);
    int exp = x.exp + 1;
    uint64_t sig;
    if (x.sign == y.sign) {
        sig = x.sig + y.sig;
    } else {
        sig = x.sig - y.sig;
        if (sig == 0) {
            return 0; // an exact zero is +0
        }
    }
    sig = normalize64(&exp, sig);
    return pack64(x.sign, exp, sig);
}

static uint64_t mul64(uint64_t a, uint64_t b) {
    unpacked64_t x = unpack64(a), y = unpack64(b);
    bool sign = x.sign != y.sign;
    if (x.kind == 2 || y.kind == 2) {
        return nan64(a, b);
    }
    if (x.kind == 1 || y.kind == 1) {
        if ((x.kind == 0 && x.sig == 0) || (y.kind == 0 && y.sig == 0)) {
            return F64_QNAN;
        }
        return ((uint64_t)sign << 63) | ((uint64_t)F64_EXP_MAX << 52);
    }
    if (x.sig == 0 || y.sig == 0) {
        return (uint64_t)sign << 63;
    }
    // 53-bit significands (leading 1 at bit 52): a 106-bit product.
    uint64_t ma = x.sig >> 10, mb = y.sig >> 10;
    uint32_t a0 = (uint32_t)ma, a1 = (uint32_t)(ma >> 32), b0 = (uint32_t)mb, b1 = (uint32_t)(mb >> 32);
    uint64_t p00 = umul32x32(a0, b0), p01 = umul32x32(a0, b1), p10 = umul32x32(a1, b0);
    uint64_t p11 = umul32x32(a1, b1);
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    uint64_t lo = (uint32_t)p00 | (mid << 32);
    uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    // product * 2^(ex + ey - 2046 - 104): keep bits 42 and up, the rest sticky.
    uint64_t sig = (hi << 22) | (lo >> 42) | ((lo & ((1ull << 42) - 1)) != 0);
    int exp = x.exp + y.exp - 1023;
    sig = normalize64(&exp, sig);
    return pack64(sign, exp, sig);
}

static uint64_t div64(uint64_t a, uint64_t b) {
    unpacked64_t x = unpack64(a), y = unpack64(b);
    bool sign = x.sign != y.sign;
    uint64_t inf = ((uint64_t)sign << 63) | ((uint64_t)F64_EXP_MAX << 52);
    if (x.kind == 2 || y.kind == 2) {
        return nan64(a, b);
    }
    if (x.kind == 1) {
        return y.kind == 1 ? F64_QNAN : inf;
    }
    if (y.kind == 1) {
        return (uint64_t)sign << 63;
    }
    if (y.sig == 0) {
        return x.sig == 0 ? F64_QNAN : inf;
    }
    if (x.sig == 0) {
        return (uint64_t)sign << 63;
    }
    // 64 quotient bits of ma / mb: q = floor(ma * 2^63 / mb).
    uint64_t rem = x.sig >> 10, d = y.sig >> 10, q = 0;
    for (int i = 0; i < 64; i++) {
        q <<= 1;
        if (rem >= d) {
            rem -= d;
            q |= 1;
        }
        rem <<= 1;
    }
    q |= rem != 0;
    int exp = x.exp - y.exp + 1023 - 1;
    q = normalize64(&exp, q);
    return pack64(sign, exp, q);
}

double __adddf3(double a, double b);
double __subdf3(double a, double b);
double __muldf3(double a, double b);
double __divdf3(double a, double b);
double __floatsidf(int32_t i);
double __floatunsidf(uint32_t i);
int32_t __fixdfsi(double a);
uint32_t __fixunsdfsi(double a);

double __adddf3(double a, double b) {
    return from64(add64(bits64(a), bits64(b)));
}

double __subdf3(double a, double b) {
    return from64(add64(bits64(a), bits64(b) ^ (1ull << 63)));
}

double __muldf3(double a, double b) {
    return from64(mul64(bits64(a), bits64(b)));
}

double __divdf3(double a, double b) {
    return from64(div64(bits64(a), bits64(b)));
}

// Exact: 32 bits fit in 53.
static uint64_t from_u32_64(bool sign, uint32_t m) {
    if (m == 0) {
        return (uint64_t)sign << 63;
    }
    int exp = 1023 + 62;
    uint64_t sig = normalize64(&exp, m);
    return pack64(sign, exp, sig);
}

double __floatsidf(int32_t i) {
    return from64(from_u32_64(i < 0, i < 0 ? 0u - (uint32_t)i : (uint32_t)i));
}

double __floatunsidf(uint32_t i) {
    return from64(from_u32_64(false, i));
}

// The magnitude toward zero (NaN: 0); 2^max_bits (max_bits < 64) when it
// has more bits: the callers saturate (out of range is undefined in C).
static uint64_t to_u64_magnitude(const unpacked64_t *x, int max_bits) {
    if (x->kind == 2 || x->sig == 0) {
        return 0;
    }
    int shift = x->exp - 1023; // the integer has shift + 1 bits
    if (x->kind == 1 || shift >= max_bits) {
        return 1ull << max_bits; // beyond every value of the type
    }
    if (shift < 0) {
        return 0;
    }
    return x->sig >> (62 - shift);
}

int32_t __fixdfsi(double a) {
    unpacked64_t x = unpack64(bits64(a));
    uint64_t m = to_u64_magnitude(&x, 31);
    if (x.sign) {
        return m >= 0x80000000u ? INT32_MIN : -(int32_t)m;
    }
    return m > 0x7fffffffu ? INT32_MAX : (int32_t)m;
}

uint32_t __fixunsdfsi(double a) {
    unpacked64_t x = unpack64(bits64(a));
    if (x.sign) {
        return 0;
    }
    uint64_t m = to_u64_magnitude(&x, 32);
    return m > 0xffffffffu ? 0xffffffffu : (uint32_t)m;
}

/******************************************************************************/
// float (binary32), through double

static uint32_t bits32(float x) {
    uint32_t u;
    memcpy(&u, &x, sizeof(u));
    return u;
}

static float from32(uint32_t u) {
    float x;
    memcpy(&x, &u, sizeof(x));
    return x;
}

double __extendsfdf2(float a);
float __truncdfsf2(double a);
float __addsf3(float a, float b);
float __subsf3(float a, float b);
float __mulsf3(float a, float b);
float __divsf3(float a, float b);
float __floatsisf(int32_t i);
float __floatunsisf(uint32_t i);
uint32_t __fixunssfsi(float a);

// Exact.
double __extendsfdf2(float a) {
    uint32_t u = bits32(a);
    bool sign = u >> 31;
    int exp = (int)(u >> 23) & 0xff;
    uint32_t m = u & 0x7fffff;
    uint64_t s = (uint64_t)sign << 63;
    if (exp == 0xff) {
        return from64(s | ((uint64_t)F64_EXP_MAX << 52) | ((uint64_t)m << 29) | (m != 0 ? 1ull << 51 : 0));
    }
    if (exp == 0) {
        if (m == 0) {
            return from64(s);
        }
        exp = 1; // subnormal: normalized by pack64's caller below
    } else {
        m |= 1u << 23;
    }
    // m * 2^(exp - 127 - 23) = sig * 2^(e - 1023 - 62)
    int e = exp - 127 + 1023 + 39;
    uint64_t sig = normalize64(&e, m);
    return from64(pack64(sign, e, sig));
}

// Rounds a double to float: the same scheme as pack64 with 23 fraction bits.
float __truncdfsf2(double a) {
    unpacked64_t x = unpack64(bits64(a));
    uint32_t s = (uint32_t)x.sign << 31;
    if (x.kind == 2) {
        return from32(s | 0x7fc00000u | (uint32_t)((bits64(a) >> 29) & 0x3fffff));
    }
    if (x.kind == 1) {
        return from32(s | 0x7f800000u);
    }
    if (x.sig == 0) {
        return from32(s);
    }
    int exp = x.exp - 1023 + 127;
    if (exp >= 0xff) {
        return from32(s | 0x7f800000u);
    }
    // sig's leading 1 at bit 62: keep 31 bits (leading at 30) and a sticky bit.
    uint32_t sig = (uint32_t)shift_right_sticky(x.sig, 32);
    if (exp <= 0) {
        sig = (uint32_t)shift_right_sticky(sig, 1 - exp);
        exp = 1;
    }
    uint32_t round = sig & 0x7f;
    sig = (sig + 0x40) >> 7;
    if (round == 0x40) {
        sig &= ~1u;
    }
    return from32(s + ((uint32_t)(exp - 1) << 23) + sig);
}

float __addsf3(float a, float b) {
    return __truncdfsf2(__adddf3(__extendsfdf2(a), __extendsfdf2(b)));
}

float __subsf3(float a, float b) {
    return __truncdfsf2(__subdf3(__extendsfdf2(a), __extendsfdf2(b)));
}

float __mulsf3(float a, float b) {
    return __truncdfsf2(__muldf3(__extendsfdf2(a), __extendsfdf2(b)));
}

float __divsf3(float a, float b) {
    return __truncdfsf2(__divdf3(__extendsfdf2(a), __extendsfdf2(b)));
}

float __floatsisf(int32_t i) {
    return __truncdfsf2(__floatsidf(i));
}

float __floatunsisf(uint32_t i) {
    return __truncdfsf2(__floatunsidf(i));
}

uint32_t __fixunssfsi(float a) {
    return __fixunsdfsi(__extendsfdf2(a));
}

#endif
