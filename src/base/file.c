#include "base/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int file_read_all(const char *path, buf_t *out) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return errno;
    }
    uint8_t chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        buf_append(out, chunk, n);
    }
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    return err;
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
