// The POSIX file calls the runtime makes (open, read, write, lseek, close,
// isatty, fsync), over Arm semihosting's interface (semihost_calls.h; on
// xtensa semihost_xtensa.c's, over the simulator calls): QEMU performs each
// on the host's files, relative to the folder QEMU was started in.
//
// Semihosting numbers its handles itself, so descriptors are an index into
// a table of handles here; 0, 1 and 2 are the console (":tt", which QEMU
// opens for reading as its standard input, for writing as its standard
// output, and for appending as its standard error). Semihosting seeks to
// absolute positions only, so the table keeps each file's position.
#include <errno.h>
#include <fcntl.h>
#include "semihost_calls.h"
#include <stdarg.h>
#include <stdbool.h>
#include <unistd.h>

#define MAX_FILES 32

typedef struct {
    int handle; // 0: the slot is free
    off_t pos;
} open_file_t;

static open_file_t files[MAX_FILES];

static int fail(int err) {
    errno = err;
    return -1;
}

static open_file_t *file_of(int fd) {
    if (fd < 0 || fd >= MAX_FILES) {
        return NULL;
    }
    if (files[fd].handle == 0 && fd <= 2) {
        // The console, opened on first use.
        static const int modes[3] = {SH_OPEN_R, SH_OPEN_W, SH_OPEN_A};
        intptr_t h = sys_semihost_open(":tt", modes[fd]);
        files[fd].handle = h > 0 ? (int)h : 0;
    }
    return files[fd].handle == 0 ? NULL : &files[fd];
}

// The semihosting mode ("rb", "w+b", ...) for open's flags.
static int open_mode(int flags) {
    bool plus = (flags & O_ACCMODE) == O_RDWR;
    if (flags & O_APPEND) {
        return plus ? SH_OPEN_A_PLUS_B : SH_OPEN_A_B;
    }
    if ((flags & O_ACCMODE) == O_RDONLY) {
        return SH_OPEN_R_B;
    }
    if (flags & O_TRUNC) {
        return plus ? SH_OPEN_W_PLUS_B : SH_OPEN_W_B;
    }
    return SH_OPEN_R_PLUS_B; // writing without truncating (open creates the file first)
}

int open(const char *path, int flags, ...) {
    int fd = 3;
    while (fd < MAX_FILES && files[fd].handle != 0) {
        fd++;
    }
    if (fd == MAX_FILES) {
        return fail(EMFILE);
    }
    intptr_t existing = sys_semihost_open(path, SH_OPEN_R_B);
    if (existing > 0) {
        sys_semihost_close((int)existing);
        if ((flags & O_CREAT) && (flags & O_EXCL)) {
            return fail(EEXIST);
        }
    } else if ((flags & O_CREAT) && !(flags & (O_TRUNC | O_APPEND))) {
        // "r+" does not create: create the file empty first.
        intptr_t h = sys_semihost_open(path, SH_OPEN_W_B);
        if (h <= 0) {
            return fail(sys_semihost_errno());
        }
        sys_semihost_close((int)h);
    }
    intptr_t h = sys_semihost_open(path, open_mode(flags));
    if (h <= 0) {
        return fail(sys_semihost_errno());
    }
    files[fd].handle = (int)h;
    files[fd].pos = 0;
    if (flags & O_APPEND) {
        files[fd].pos = (off_t)sys_semihost_flen((int)h);
    }
    return fd;
}

int close(int fd) {
    open_file_t *f = file_of(fd);
    if (f == NULL) {
        return fail(EBADF);
    }
    int ret = fd > 2 ? sys_semihost_close(f->handle) : 0;
    if (fd > 2) {
        f->handle = 0;
    }
    return ret == 0 ? 0 : fail(sys_semihost_errno());
}

// Semihosting reads and writes at the handle's own position: move it to
// ours first (files only; the console has none).
static bool seek_to(int fd, open_file_t *f) {
    return fd <= 2 || sys_semihost_seek(f->handle, (uintptr_t)f->pos) == 0;
}

ssize_t read(int fd, void *buf, size_t count) {
    open_file_t *f = file_of(fd);
    if (f == NULL) {
        return fail(EBADF);
    }
    if (!seek_to(fd, f)) {
        return fail(sys_semihost_errno());
    }
    // The result is the number of bytes not read.
    intptr_t left = sys_semihost_read(f->handle, buf, count);
    if (left < 0 || (size_t)left > count) {
        return fail(sys_semihost_errno());
    }
    f->pos += (off_t)(count - (size_t)left);
    return (ssize_t)(count - (size_t)left);
}

ssize_t write(int fd, const void *buf, size_t count) {
    open_file_t *f = file_of(fd);
    if (f == NULL) {
        return fail(EBADF);
    }
    if (!seek_to(fd, f)) {
        return fail(sys_semihost_errno());
    }
    intptr_t left = sys_semihost_write(f->handle, buf, count);
    if (left < 0 || (size_t)left > count) {
        return fail(sys_semihost_errno());
    }
    f->pos += (off_t)(count - (size_t)left);
    return (ssize_t)(count - (size_t)left);
}

off_t lseek(int fd, off_t offset, int whence) {
    open_file_t *f = file_of(fd);
    if (f == NULL) {
        return fail(EBADF);
    }
    if (fd <= 2) {
        return fail(ESPIPE);
    }
    off_t base = 0;
    if (whence == SEEK_CUR) {
        base = f->pos;
    } else if (whence == SEEK_END) {
        intptr_t len = sys_semihost_flen(f->handle);
        if (len < 0) {
            return fail(sys_semihost_errno());
        }
        base = (off_t)len;
    } else if (whence != SEEK_SET) {
        return fail(EINVAL);
    }
    if (base + offset < 0) {
        return fail(EINVAL);
    }
    f->pos = base + offset;
    return f->pos;
}

int isatty(int fd) {
    open_file_t *f = file_of(fd);
    if (f == NULL) {
        errno = EBADF;
        return 0;
    }
    return sys_semihost_istty(f->handle) == 1;
}

// Every write has reached the host when it returns.
int fsync(int fd) {
    return file_of(fd) == NULL ? fail(EBADF) : 0;
}
