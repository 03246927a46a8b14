// MAP_POPULATE is Linux's; glibc shows it with _DEFAULT_SOURCE.
#define _DEFAULT_SOURCE
#include "base/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int file_read_all(const char *path, buf_t *out) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return errno;
    }
    // One read into a buffer of the file's size; more if the file grows.
    struct stat st;
    size_t want = fstat(fileno(f), &st) == 0 && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    size_t n;
    do {
        buf_reserve(out, want);
        n = fread(out->data + out->len, 1, out->cap - out->len, f);
        out->len += n;
        want = out->cap;
    } while (n > 0);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    return err;
}

int file_map(const char *path, const uint8_t **data, size_t *len) {
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return errno;
    }
    struct stat st;
    int err = fstat(fd, &st) != 0 ? errno : 0;
    if (!err && !S_ISREG(st.st_mode)) {
        err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
    }
    if (!err && st.st_size > 0) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED) {
            err = errno;
        } else {
            *data = p;
            *len = (size_t)st.st_size;
        }
    }
    close(fd);
    return err;
}

void file_unmap(const uint8_t *data, size_t len) {
    if (data) {
        munmap((void *)data, len);
    }
}

int file_write_atomic(const char *path, const void *data, size_t len) {
    size_t n = strlen(path) + 16;
    char *tmp = xmalloc(n);
    snprintf(tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        return err;
    }
    // mkstemp makes the file private; give it the usual permissions.
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    int err = 0;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        err = errno;
        close(fd);
    } else {
        if (fwrite(data, 1, len, f) != len) {
            err = errno ? errno : EIO;
        }
        if (fclose(f) != 0 && !err) {
            err = errno;
        }
    }
    if (!err && rename(tmp, path) != 0) {
        err = errno;
    }
    if (err) {
        remove(tmp);
    }
    free(tmp);
    return err;
}
