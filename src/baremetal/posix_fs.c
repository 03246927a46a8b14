// The POSIX file-system calls of the runtime's VfsPosix (vfs_posix.c) over
// Arm semihosting (semihost_calls.h), which offers files only: open, remove
// and rename (on xtensa only open: remove and rename fail with ENOSYS). What
// a path is comes from opening it (a folder opens too, on a Linux host,
// and so does "folder/."); folders cannot be listed, made or removed, and
// there is no current folder to change: those calls fail with ENOTSUP.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include "semihost_calls.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

static int unsupported(void) {
    errno = ENOTSUP;
    return -1;
}

// Whether path names an existing folder: "path/." opens only then.
static int is_folder(const char *path) {
    size_t n = strlen(path);
    char *dot = malloc(n + 3);
    if (dot == NULL) {
        return 0;
    }
    memcpy(dot, path, n);
    memcpy(dot + n, "/.", 3);
    intptr_t h = sys_semihost_open(dot, SH_OPEN_R);
    free(dot);
    if (h <= 0) {
        return 0;
    }
    sys_semihost_close((int)h);
    return 1;
}

int stat(const char *restrict path, struct stat *restrict st) {
    intptr_t h = sys_semihost_open(path, SH_OPEN_R_B);
    if (h <= 0) {
        errno = sys_semihost_errno();
        return -1;
    }
    intptr_t len = sys_semihost_flen((int)h);
    sys_semihost_close((int)h);
    memset(st, 0, sizeof(*st));
    if (is_folder(path)) {
        st->st_mode = S_IFDIR | 0755;
    } else {
        st->st_mode = S_IFREG | 0644;
        st->st_size = len < 0 ? 0 : (off_t)len;
    }
    st->st_nlink = 1;
    return 0;
}

int unlink(const char *path) {
    if (sys_semihost_remove(path) != 0) {
        errno = sys_semihost_errno();
        return -1;
    }
    return 0;
}

int rename(const char *old_path, const char *new_path) {
    if (sys_semihost_rename(old_path, new_path) != 0) {
        errno = sys_semihost_errno();
        return -1;
    }
    return 0;
}

// The folder QEMU runs in, as mpy-host passed it (PWD).
char *getcwd(char *buf, size_t size) {
    const char *pwd = getenv("PWD");
    if (pwd == NULL) {
        pwd = "";
    }
    if (strlen(pwd) >= size) {
        errno = ERANGE;
        return NULL;
    }
    strcpy(buf, pwd);
    return buf;
}

int chdir(const char *path) {
    (void)path;
    return unsupported();
}

int mkdir(const char *path, mode_t mode) {
    (void)path;
    (void)mode;
    return unsupported();
}

int rmdir(const char *path) {
    (void)path;
    return unsupported();
}

DIR *opendir(const char *path) {
    (void)path;
    unsupported();
    return NULL;
}

struct dirent *readdir(DIR *dir) {
    (void)dir;
    return NULL;
}

int closedir(DIR *dir) {
    (void)dir;
    return 0;
}

int statvfs(const char *path, struct statvfs *buf) {
    (void)path;
    (void)buf;
    return unsupported();
}
