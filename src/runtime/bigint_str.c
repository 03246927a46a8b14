// Conversions to and from text in bases 2 to 36, with Python's rules for
// int(str, base).
#include "runtime/bigint_internal.h"

#include <string.h>

// ceil(65536 / log2(base)): digits per bit in 16.16 fixed point, an upper
// bound (digits of an n-bit number <= n * this / 65536 + 1).
static const uint32_t digits_per_bit[37] = {
    0,     0,     65536, 41349, 32768, 28225, 25353, 23345, 21846, 20675,
    19729, 18945, 18281, 17711, 17213, 16775, 16384, 16034, 15717, 15428,
    15164, 14921, 14697, 14488, 14294, 14113, 13943, 13783, 13633, 13491,
    13356, 13229, 13108, 12992, 12882, 12777, 12677,
};

static const char lower_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char upper_digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static bool is_power_of_two(unsigned x) {
    return (x & (x - 1)) == 0;
}

static unsigned log2_exact(unsigned x) {
    unsigned n = 0;
    while (x > 1) {
        x >>= 1;
        n++;
    }
    return n;
}

// The largest power of base that fits in a digit, and its exponent.
static digit_t chunk_power(unsigned base, unsigned *exponent) {
    ddigit_t p = base;
    unsigned k = 1;
    while (p * base <= DIGIT_MASK) {
        p *= base;
        k++;
    }
    *exponent = k;
    return (digit_t)p;
}

static const char *base_prefix(unsigned base, unsigned flags) {
    if (!(flags & BIGINT_STR_PREFIX)) {
        return "";
    }
    bool upper = flags & BIGINT_STR_UPPER;
    switch (base) {
    case 2:
        return upper ? "0B" : "0b";
    case 8:
        return upper ? "0O" : "0o";
    case 16:
        return upper ? "0X" : "0x";
    default:
        return "";
    }
}

size_t bigint_str_size(const bigint_t *a, unsigned base, unsigned flags) {
    (void)flags;
    if (base < 2 || base > 36) {
        return 0;
    }
    uint64_t bits = bigint_bit_length(a);
    uint64_t digits = (bits * digits_per_bit[base] >> 16) + 1;
    return (size_t)digits + 1 + 2 + 1; // sign, prefix, NUL
}

// Writes the digits of a nonzero magnitude backwards, ending just before
// end; returns where they start.
static char *write_digits(const digit_t *a, size_t n, unsigned base, const char *alphabet,
                          char *end, bigint_err_t *err) {
    char *p = end;
    if (is_power_of_two(base)) {
        // Each digit is a group of bits: linear time.
        unsigned k = log2_exact(base);
        size_t count = (mag_bit_length(a, n) + k - 1) / k;
        for (size_t i = 0; i < count; i++) {
            *--p = alphabet[mag_get_bits(a, n, i * k, k)];
        }
        return p;
    }
    // Other bases: divide a copy by the largest power of the base that fits
    // in a digit, which gives several output digits per pass.
    digit_t *t = bigint_alloc_digits(n);
    if (!t) {
        *err = BIGINT_ENOMEM;
        return p;
    }
    memcpy(t, a, n * sizeof(digit_t));
    unsigned k;
    digit_t chunk = chunk_power(base, &k);
    while (n > 0) {
        digit_t rem = mag_div_1(t, t, n, chunk);
        n = mag_trim(t, n);
        // All k digits of a chunk, except for the leading one: no zeros.
        for (unsigned j = 0; n > 0 ? j < k : rem != 0; j++) {
            *--p = alphabet[rem % base];
            rem /= base;
        }
    }
    bigint_free_digits(t);
    return p;
}

bigint_err_t bigint_to_str(const bigint_t *a, unsigned base, unsigned flags, char *buf,
                           size_t size, size_t *len) {
    size_t need = bigint_str_size(a, base, flags);
    if (need == 0) {
        return BIGINT_EVALUE;
    }
    if (size < need) {
        return BIGINT_EOVERFLOW;
    }
    const char *alphabet = flags & BIGINT_STR_UPPER ? upper_digits : lower_digits;
    char *end = buf + size - 1;
    *end = '\0';
    char *p = end;
    if (a->len == 0) {
        *--p = '0';
    } else {
        bigint_err_t err = BIGINT_OK;
        p = write_digits(a->digits, a->len, base, alphabet, end, &err);
        if (err) {
            return err;
        }
    }
    // Sign and prefix in front, then everything moved to the start of buf.
    const char *prefix = base_prefix(base, flags);
    size_t head = (a->neg ? 1 : 0) + strlen(prefix);
    size_t body = (size_t)(end - p);
    memmove(buf + head, p, body + 1);
    if (a->neg) {
        buf[0] = '-';
    }
    memcpy(buf + (a->neg ? 1 : 0), prefix, strlen(prefix));
    *len = head + body;
    return BIGINT_OK;
}

// ASCII whitespace, as str.strip() and int() see it in ASCII text.
static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// The value of a digit character in bases up to 36; 36 for anything else.
static unsigned digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return (unsigned)(c - '0');
    }
    if (c >= 'a' && c <= 'z') {
        return (unsigned)(c - 'a') + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return (unsigned)(c - 'A') + 10;
    }
    return 36;
}

// The base that a prefix letter (after a '0') announces, or 0.
static unsigned prefix_base(char c) {
    switch (c) {
    case 'x':
    case 'X':
        return 16;
    case 'o':
    case 'O':
        return 8;
    case 'b':
    case 'B':
        return 2;
    default:
        return 0;
    }
}

// Checks the digits of [p, end) (digits with single underscores between
// them) and counts them. zeros_only: base 0 read a decimal number starting
// with 0, where Python allows no other digit ("010" is an error).
static bool check_digits(const char *p, const char *end, unsigned base, bool zeros_only,
                         size_t *count) {
    size_t n = 0;
    bool after_digit = false; // an underscore may only follow a digit
    for (; p < end; p++) {
        if (*p == '_') {
            if (!after_digit) {
                return false;
            }
            after_digit = false;
            continue;
        }
        unsigned v = digit_value(*p);
        if (v >= base || (zeros_only && v != 0)) {
            return false;
        }
        after_digit = true;
        n++;
    }
    *count = n;
    return after_digit; // at least one digit, and no trailing underscore
}

// Bases 2, 4, 8, 16, 32: bits are placed directly, from the last digit.
static void parse_power_of_two(digit_t *r, const char *p, const char *end, unsigned base) {
    unsigned k = log2_exact(base);
    size_t i = 0;
    unsigned used = 0; // bits filled in r[i]
    r[0] = 0;
    for (const char *c = end; c-- > p;) {
        if (*c == '_') {
            continue;
        }
        digit_t v = digit_value(*c);
        r[i] |= v << used;
        used += k;
        if (used >= 32) {
            used -= 32;
            // Bits of v that did not fit start the next digit.
            r[++i] = used ? v >> (k - used) : 0;
        }
    }
}

// Other bases: groups of k digits, r = r * base**k + group, from the first.
static size_t parse_general(digit_t *r, const char *p, const char *end, unsigned base,
                            size_t count) {
    unsigned k;
    chunk_power(base, &k);
    size_t n = 0;
    // The first group takes the odd digits, so all the others are whole.
    unsigned in_group = (unsigned)(count % k);
    if (in_group == 0) {
        in_group = k;
    }
    digit_t group = 0, scale = 1;
    for (; p < end; p++) {
        if (*p == '_') {
            continue;
        }
        group = group * base + digit_value(*p);
        scale *= base;
        if (--in_group == 0) {
            digit_t carry = mag_mul_1(r, r, n, scale, group);
            if (carry) {
                r[n++] = carry;
            }
            group = 0;
            scale = 1;
            in_group = k;
        }
    }
    return n;
}

bigint_err_t bigint_from_str(bigint_t *r, const char *s, size_t len, unsigned base) {
    if (base == 1 || base > 36) {
        return BIGINT_EVALUE;
    }
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p)) {
        p++;
    }
    while (end > p && is_space(end[-1])) {
        end--;
    }
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    bool zeros_only = false;
    if (base == 0) {
        base = end - p >= 2 && p[0] == '0' ? prefix_base(p[1]) : 0;
        if (base == 0) {
            base = 10;
            zeros_only = p < end && p[0] == '0';
        }
    }
    if (end - p >= 2 && p[0] == '0' && prefix_base(p[1]) == base) {
        p += 2;
        if (p < end && *p == '_') {
            p++; // Python allows one underscore right after the prefix
        }
    }
    size_t count;
    if (!check_digits(p, end, base, zeros_only, &count)) {
        return BIGINT_EVALUE;
    }
    // At most bit_length(base - 1) bits per digit.
    uint64_t bits = (uint64_t)count * log2_exact(2 * base - 1);
    if (bits / 32 + 2 > BIGINT_MAX_DIGITS) {
        return BIGINT_ENOMEM;
    }
    bigint_t t;
    bigint_err_t err = bigint_new_with(&t, (size_t)(bits / 32 + 2));
    if (err) {
        return err;
    }
    if (is_power_of_two(base)) {
        memset(t.digits, 0, t.cap * sizeof(digit_t));
        parse_power_of_two(t.digits, p, end, base);
        t.len = t.cap;
    } else {
        t.len = parse_general(t.digits, p, end, base, count);
    }
    t.neg = neg;
    bigint_normalize(&t);
    bigint_move(r, &t);
    return BIGINT_OK;
}
