// Integer division and IEEE 754 arithmetic on pseudo-random operands
// (special values included), printed bit for bit: the host's hardware and
// a target's software routines (py/libgcc_xtensa.c on xtensa) must print
// the same lines (arith.test.sh). The compiler turns each operation into
// a call of the routine on a target without the instruction.
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static uint64_t state = 0x9e3779b97f4a7c15ull;

static uint64_t next(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static const uint64_t specials[] = {
    0, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
    0x0000000000000001ull, 0x000fffffffffffffull, 0x0010000000000000ull,
    0x7fefffffffffffffull, 0x3fe0000000000000ull, 0x4340000000000000ull,
    0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x41efffffffe00000ull,
};

// Mostly numbers of nearby magnitudes (so that sums round and cancel),
// some anywhere, some special.
static double operand(void) {
    uint64_t r = next(), u;
    switch (r % 8) {
        case 0:
            u = specials[(r >> 8) % (sizeof(specials) / sizeof(specials[0]))];
            break;
        case 1:
            u = next();
            break;
        case 2:
            u = (next() & 0x800fffffffffffffull) | (uint64_t)((r >> 8) % 64) << 52; // subnormal region
            break;
        default:
            u = (next() & 0x800fffffffffffffull) | (uint64_t)(1013 + (r >> 8) % 20) << 52;
            break;
    }
    double d;
    memcpy(&d, &u, sizeof(d));
    return d;
}

static uint64_t bits(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof(u));
    // Any NaN is "a NaN": the hardware's and the routines' payloads differ.
    return d != d ? 0x7ff8000000000000ull : u;
}

static uint32_t fbits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof(u));
    return f != f ? 0x7fc00000u : u;
}

int main(void) {
    for (int i = 0; i < 3000; i++) {
        volatile double a = operand(), b = operand();
        printf("d %016" PRIx64 " %016" PRIx64 " %016" PRIx64 " %016" PRIx64 "\n", bits(a + b), bits(a - b),
            bits(a * b), bits(a / b));
        volatile float fa = (float)a, fb = (float)(b * 0x1p-3);
        printf("f %08" PRIx32 " %08" PRIx32 " %08" PRIx32 " %08" PRIx32 " %08" PRIx32 " %016" PRIx64 "\n",
            fbits(fa + fb), fbits(fa - fb), fbits(fa * fb), fbits(fa / fb), fbits(fa), bits((double)fb));
        if (a == a && a > -2147483648.0 && a < 2147483648.0) {
            printf("i %" PRId32 "\n", (int32_t)a);
        }
        if (a == a && a >= 0 && a < 4294967296.0) {
            printf("u %" PRIu32 "\n", (uint32_t)a);
        }
        volatile int32_t n = (int32_t)next(), d = (int32_t)(next() >> (next() % 32));
        volatile uint64_t un = next() >> (next() % 64), ud = next() >> (next() % 64);
        volatile int64_t sn = (int64_t)next() >> (next() % 64), sd = (int64_t)next() >> (next() % 64);
        if (d != 0 && !(n == INT32_MIN && d == -1)) {
            printf("n %" PRId32 " %" PRId32 " %" PRIu32 " %" PRIu32 "\n", n / d, n % d, (uint32_t)n / (uint32_t)d,
                (uint32_t)n % (uint32_t)d);
        }
        if (ud != 0) {
            printf("l %" PRIu64 " %" PRIu64 " %" PRIu64 "\n", un / ud, un % ud, un * ud);
        }
        if (sd != 0 && !(sn == INT64_MIN && sd == -1)) {
            printf("s %" PRId64 " %" PRId64 "\n", sn / sd, sn % sd);
        }
        printf("c %016" PRIx64 " %016" PRIx64 " %08" PRIx32 " %08" PRIx32 "\n", bits((double)n), bits((double)(uint32_t)n),
            fbits((float)n), fbits((float)(uint32_t)d));
    }
    return 0;
}
