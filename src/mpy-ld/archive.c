#include "mpy-ld/archive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "mpy-ld/diag.h"

#define AR_MAGIC "!<arch>\n"
#define AR_MAGIC_LEN 8
#define AR_HEADER_LEN 60

bool archive_is_archive(const uint8_t *image, size_t size) {
    return size >= AR_MAGIC_LEN && memcmp(image, AR_MAGIC, AR_MAGIC_LEN) == 0;
}

static bool bad(const archive_t *ar, size_t off, const char *what) {
    ld_error("%s: malformed archive at offset 0x%zx: %s", ar->path, off, what);
    return false;
}

// A decimal header field, space padded.
static bool parse_decimal(const uint8_t *p, size_t len, size_t *out) {
    size_t v = 0, i = 0;
    for (; i < len && p[i] >= '0' && p[i] <= '9'; i++) {
        if (v > (SIZE_MAX - 9) / 10) {
            return false;
        }
        v = v * 10 + (p[i] - '0');
    }
    for (size_t j = i; j < len; j++) {
        if (p[j] != ' ') {
            return false;
        }
    }
    *out = v;
    return i > 0;
}

static uint32_t get_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

// The member whose data starts at offset off (members are in file order).
static ar_member_t *member_at(const archive_t *ar, size_t off) {
    size_t lo = 0, hi = ar->n_members;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t m_off = (size_t)(ar->members[mid].data - ar->image);
        if (m_off == off) {
            return &ar->members[mid];
        }
        if (m_off < off) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

// The GNU symbol index ("/" member): a big-endian count, that many member
// header offsets, then the symbol names NUL-terminated.
static bool read_symbol_index(archive_t *ar, const uint8_t *data, size_t size, size_t where) {
    if (size < 4) {
        return bad(ar, where, "symbol index too short");
    }
    size_t count = get_be32(data);
    if (count > (size - 4) / 4) {
        return bad(ar, where, "symbol index count larger than the index");
    }
    const char *names = (const char *)data + 4 + count * 4;
    size_t names_len = size - 4 - count * 4;
    size_t pos = 0;
    for (size_t i = 0; i < count; i++) {
        const char *nul = pos < names_len ? memchr(names + pos, 0, names_len - pos) : NULL;
        if (!nul) {
            return bad(ar, where, "symbol index names run past the index");
        }
        ar_member_t *m = member_at(ar, (size_t)get_be32(data + 4 + i * 4) + AR_HEADER_LEN);
        if (!m) {
            return bad(ar, where, "symbol index points at no member");
        }
        // A name several members define is taken from the last of them, as
        // mpy_ld.py (v1.28) takes it: Thumb-2 libgcc defines __aeabi_fmul
        // weakly in _arm_mulsf3.o and then strongly in _arm_muldivsf3.o.
        size_t len = (size_t)(nul - (names + pos));
        strmap_put(&ar->index, names + pos, len, m);
        pos += len + 1;
    }
    return true;
}

// Member name: "name/" in the header, or "/N" for entry N of the "//" table.
static char *member_name(archive_t *ar, const uint8_t *h, const uint8_t *longnames,
                         size_t longnames_len, size_t where) {
    size_t len = 16;
    while (len > 0 && h[len - 1] == ' ') {
        len--;
    }
    if (len > 1 && h[0] == '/' && h[1] >= '0' && h[1] <= '9') {
        size_t off;
        if (!parse_decimal(h + 1, len - 1, &off) || !longnames || off >= longnames_len) {
            bad(ar, where, "long member name not found in the name table");
            return NULL;
        }
        const uint8_t *start = longnames + off, *end = start;
        while (end < longnames + longnames_len && *end != '\n' && *end != '/') {
            end++;
        }
        h = start;
        len = (size_t)(end - start);
    } else if (len > 0 && h[len - 1] == '/') {
        len--;
    }
    char *name = xmalloc(len + 1);
    memcpy(name, h, len);
    name[len] = 0;
    return name;
}

bool archive_read(archive_t *ar, const char *path, const uint8_t *image, size_t size) {
    memset(ar, 0, sizeof(*ar));
    ar->path = path;
    ar->image = image;
    ar->size = size;
    if (!archive_is_archive(image, size)) {
        return bad(ar, 0, "not an ar archive (no !<arch> magic; thin archives are not supported)");
    }
    const uint8_t *index = NULL, *longnames = NULL;
    size_t index_size = 0, longnames_len = 0, index_where = 0;
    for (size_t off = AR_MAGIC_LEN; off < size;) {
        if (size - off < AR_HEADER_LEN) {
            return bad(ar, off, "archive ends inside a member header");
        }
        const uint8_t *h = image + off;
        size_t msize;
        if (h[58] != '`' || h[59] != '\n' || !parse_decimal(h + 48, 10, &msize)) {
            return bad(ar, off, "member header is not valid");
        }
        size_t data_off = off + AR_HEADER_LEN;
        if (msize > size - data_off) {
            return bad(ar, off, "member extends past the end of the archive");
        }
        const uint8_t *data = image + data_off;
        if (memcmp(h, "/               ", 16) == 0) {
            index = data;
            index_size = msize;
            index_where = off;
        } else if (memcmp(h, "//              ", 16) == 0) {
            longnames = data;
            longnames_len = msize;
        } else if (memcmp(h, "/SYM64/", 7) == 0) {
            return bad(ar, off, "64-bit symbol index (/SYM64/) is not supported");
        } else {
            char *name = member_name(ar, h, longnames, longnames_len, off);
            if (!name) {
                return false;
            }
            ar->members = xrealloc(ar->members, (ar->n_members + 1) * sizeof(ar_member_t));
            ar->members[ar->n_members++] = (ar_member_t){name, data, msize, false};
        }
        off = data_off + msize + (msize & 1);
    }
    if (!index) {
        ld_error("%s: archive has no symbol index", path);
        ld_hint("run ranlib on it (or create it with `ar rcs`)");
        return false;
    }
    return read_symbol_index(ar, index, index_size, index_where);
}

ar_member_t *archive_find_symbol(const archive_t *ar, const char *name) {
    return strmap_get(&ar->index, name, strlen(name));
}

void archive_free(archive_t *ar) {
    for (size_t i = 0; i < ar->n_members; i++) {
        free(ar->members[i].name);
    }
    free(ar->members);
    strmap_free(&ar->index);
    memset(ar, 0, sizeof(*ar));
}
