#include "mpy/mpy_version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy/mpy_arch.h"

typedef struct {
    unsigned sub_version;
    unsigned first_minor, last_minor; // releases v1.<first> to v1.<last>
} mpy_version_t;

// Stock firmware refuses native code of any other sub-version than its own.
static const mpy_version_t versions[] = {
    {1, 20, 21},
    {2, 22, 22},
    {3, 23, 28},
};

#define N_VERSIONS (sizeof(versions) / sizeof(versions[0]))

static const mpy_version_t *find(unsigned sub_version) {
    for (size_t i = 0; i < N_VERSIONS; i++) {
        if (versions[i].sub_version == sub_version) {
            return &versions[i];
        }
    }
    return NULL;
}

bool mpy_version_known(unsigned sub_version) {
    return find(sub_version) != NULL;
}

// A decimal number of one to three digits at *p, advancing p; -1 if none.
static int read_number(const char **p) {
    int n = 0, digits = 0;
    while (**p >= '0' && **p <= '9' && digits < 3) {
        n = n * 10 + (**p - '0');
        (*p)++;
        digits++;
    }
    return digits == 0 ? -1 : n;
}

unsigned mpy_version_parse(const char *text) {
    const char *p = text;
    bool release = *p == 'v';
    p += release;
    int major = read_number(&p);
    if (*p++ != '.') {
        return 0;
    }
    int minor = read_number(&p);
    if (major == 6 && !release && *p == '\0') {
        return mpy_version_known((unsigned)minor) ? (unsigned)minor : 0;
    }
    if (major != 1 || minor < 0) {
        return 0;
    }
    if (*p == '.') {
        p++;
        if (read_number(&p) < 0) {
            return 0;
        }
    }
    if (*p != '\0') {
        return 0;
    }
    return mpy_version_of_minor((unsigned)minor);
}

// Releases v1.<first> to v1.<last> of sub_version.
static void describe_range(unsigned first, unsigned last, unsigned sub_version, char *buf,
                           size_t size) {
    if (first == last) {
        snprintf(buf, size, "MicroPython v1.%u (.mpy 6.%u)", first, sub_version);
    } else {
        snprintf(buf, size, "MicroPython v1.%u-v1.%u (.mpy 6.%u)", first, last, sub_version);
    }
}

void mpy_version_describe(unsigned sub_version, char *buf, size_t size) {
    const mpy_version_t *v = find(sub_version);
    if (v == NULL) {
        snprintf(buf, size, ".mpy 6.%u", sub_version);
    } else {
        describe_range(v->first_minor, v->last_minor, sub_version, buf, size);
    }
}

void mpy_version_describe_arch(unsigned sub_version, unsigned arch, char *buf, size_t size) {
    const mpy_version_t *v = find(sub_version);
    unsigned first = mpy_arch_first_minor(arch);
    if (v == NULL || first <= v->first_minor) {
        mpy_version_describe(sub_version, buf, size);
    } else if (first <= v->last_minor) {
        describe_range(first, v->last_minor, sub_version, buf, size);
    } else {
        const char *name = mpy_arch_name(arch);
        snprintf(buf, size, "no MicroPython release (%s needs v1.%u or later, .mpy 6.%u)",
                 name ? name : "this arch", first, mpy_version_of_minor(first));
    }
}

unsigned mpy_version_of_minor(unsigned minor) {
    for (size_t i = 0; i < N_VERSIONS; i++) {
        if (minor >= versions[i].first_minor && minor <= versions[i].last_minor) {
            return versions[i].sub_version;
        }
    }
    return 0;
}

const char *mpy_version_accepted(void) {
    static char text[160];
    if (text[0] == '\0') {
        size_t n = 0;
        for (size_t i = 0; i < N_VERSIONS && n < sizeof(text); i++) {
            n += (size_t)snprintf(text + n, sizeof(text) - n, "%s6.%u", n ? " " : "", versions[i].sub_version);
        }
        for (size_t i = 0; i < N_VERSIONS; i++) {
            for (unsigned m = versions[i].first_minor; m <= versions[i].last_minor && n < sizeof(text); m++) {
                n += (size_t)snprintf(text + n, sizeof(text) - n, " v1.%u", m);
            }
        }
    }
    return text;
}

const char *mpy_version_sub_versions(void) {
    static char text[64];
    if (text[0] == '\0') {
        size_t n = 0;
        for (size_t i = 0; i < N_VERSIONS && n < sizeof(text); i++) {
            const char *sep = i == 0 ? "" : i + 1 == N_VERSIONS ? " and " : ", ";
            n += (size_t)snprintf(text + n, sizeof(text) - n, "%s6.%u", sep, versions[i].sub_version);
        }
    }
    return text;
}
