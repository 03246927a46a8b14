#include "mpy/mpy_arch.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const arch_names[MPY_ARCH_MAX_KNOWN + 1] = {
    [MP_NATIVE_ARCH_NONE] = "none",
    [MP_NATIVE_ARCH_X86] = "x86",
    [MP_NATIVE_ARCH_X64] = "x64",
    [MP_NATIVE_ARCH_ARMV6] = "armv6",
    [MP_NATIVE_ARCH_ARMV6M] = "armv6m",
    [MP_NATIVE_ARCH_ARMV7M] = "armv7m",
    [MP_NATIVE_ARCH_ARMV7EM] = "armv7em",
    [MP_NATIVE_ARCH_ARMV7EMSP] = "armv7emsp",
    [MP_NATIVE_ARCH_ARMV7EMDP] = "armv7emdp",
    [MP_NATIVE_ARCH_XTENSA] = "xtensa",
    [MP_NATIVE_ARCH_XTENSAWIN] = "xtensawin",
    [MP_NATIVE_ARCH_RV32IMC] = "rv32imc",
    [MP_NATIVE_ARCH_RV64IMC] = "rv64imc",
};

const char *mpy_arch_name(unsigned arch) {
    return arch <= MPY_ARCH_MAX_KNOWN ? arch_names[arch] : NULL;
}

size_t mpy_arch_word_size(unsigned arch) {
    switch (arch) {
        case MP_NATIVE_ARCH_NONE:
            return 0;
        case MP_NATIVE_ARCH_X64:
        case MP_NATIVE_ARCH_RV64IMC:
            return 8;
        default:
            return arch <= MPY_ARCH_MAX_KNOWN ? 4 : 0;
    }
}

unsigned mpy_arch_first_minor(unsigned arch) {
    switch (arch) {
        case MP_NATIVE_ARCH_RV32IMC:
            return 25;
        case MP_NATIVE_ARCH_RV64IMC:
            return 28;
        default:
            return 20;
    }
}

// MicroPython v1.27 and later (py/asmrv32.h): the RV32 extensions the
// firmware's own native emitter may use, and a module may ask for.
static const mpy_arch_flag_t rv32_flags[] = {
    {"zba", 1 << 0},
    {"zcmp", 1 << 1},
};

const mpy_arch_flag_t *mpy_arch_flags(unsigned arch, size_t *n) {
    if (arch == MP_NATIVE_ARCH_RV32IMC) {
        *n = sizeof(rv32_flags) / sizeof(rv32_flags[0]);
        return rv32_flags;
    }
    *n = 0;
    return NULL;
}

static uint64_t known_bits(const mpy_arch_flag_t *defs, size_t n) {
    uint64_t bits = 0;
    for (size_t i = 0; i < n; i++) {
        bits |= defs[i].bit;
    }
    return bits;
}

static void list_names(const mpy_arch_flag_t *defs, size_t n, char *out, size_t len) {
    size_t used = 0;
    out[0] = 0;
    for (size_t i = 0; i < n && used < len; i++) {
        used += (size_t)snprintf(out + used, len - used, "%s%s", i ? ", " : "", defs[i].name);
    }
}

// A number as the reference linker reads one: 0x.. hex, 0b.. binary, else decimal.
static bool parse_number(const char *text, uint64_t *value) {
    int base = 10;
    const char *digits = text;
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        digits = text + 2;
    } else if (text[0] == '0' && (text[1] == 'b' || text[1] == 'B')) {
        base = 2;
        digits = text + 2;
    }
    if (!isalnum((unsigned char)digits[0])) {
        return false;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(digits, &end, base);
    if (*end || errno) {
        return false;
    }
    *value = v;
    return true;
}

static const mpy_arch_flag_t *find_flag(const mpy_arch_flag_t *defs, size_t n, const char *name,
                                        size_t len) {
    for (size_t i = 0; i < n; i++) {
        if (strlen(defs[i].name) == len && strncasecmp(defs[i].name, name, len) == 0) {
            return &defs[i];
        }
    }
    return NULL;
}

bool mpy_arch_flags_parse(unsigned arch, const char *text, uint64_t *flags, char *err,
                          size_t err_len) {
    size_t n;
    const mpy_arch_flag_t *defs = mpy_arch_flags(arch, &n);
    char names[128];
    if (!defs) {
        snprintf(err, err_len, "architecture %s has no flags (.mpy 6.3 defines them for rv32imc only)",
                 mpy_arch_name(arch));
        return false;
    }
    list_names(defs, n, names, sizeof(names));
    *flags = 0;
    if (isdigit((unsigned char)text[0])) {
        if (!parse_number(text, flags)) {
            snprintf(err, err_len, "'%s' is not a number", text);
            return false;
        }
        if (*flags & ~known_bits(defs, n)) {
            snprintf(err, err_len, "0x%llx has bits that no %s flag defines (known: %s = 0x%llx)",
                     (unsigned long long)*flags, mpy_arch_name(arch), names,
                     (unsigned long long)known_bits(defs, n));
            return false;
        }
        return true;
    }
    for (const char *p = text;;) {
        size_t len = strcspn(p, ",");
        const mpy_arch_flag_t *f = find_flag(defs, n, p, len);
        if (!f) {
            snprintf(err, err_len, "unknown flag '%.*s' for %s; known flags: %s", (int)len, p,
                     mpy_arch_name(arch), names);
            return false;
        }
        *flags |= f->bit;
        if (!p[len]) {
            return true;
        }
        p += len + 1;
    }
}

void mpy_arch_flags_describe(unsigned arch, uint64_t flags, char *out, size_t len) {
    size_t n, used = 0;
    const mpy_arch_flag_t *defs = mpy_arch_flags(arch, &n);
    uint64_t rest = flags;
    out[0] = 0;
    for (size_t i = 0; i < n && used < len; i++) {
        if (flags & defs[i].bit) {
            used += (size_t)snprintf(out + used, len - used, "%s%s", used ? "," : "", defs[i].name);
            rest &= ~defs[i].bit;
        }
    }
    if (rest && used < len) {
        snprintf(out + used, len - used, "%s0x%llx", used ? "," : "", (unsigned long long)rest);
    }
}
