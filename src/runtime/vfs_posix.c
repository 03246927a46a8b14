// DTTOIF (a directory entry's type as st_mode bits) is glibc's, with
// _DEFAULT_SOURCE. 64-bit inode numbers and sizes on 32-bit hosts too:
// without, readdir and stat fail with EOVERFLOW on large file systems.
#define _DEFAULT_SOURCE
#define _FILE_OFFSET_BITS 64

// os.VfsPosix([root]): the host's file system as a mountable object, as
// the unix port's (extmod/vfs_posix.c). Paths it is given are host paths,
// under `root` when one was given.
#include "runtime/vfs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "py/mperrno.h"

typedef struct {
    mp_obj_base_t base;
    vstr_t root; // root + '/' then scratch space for the last path made
    size_t root_len; // 0: no root, paths are used as given
    bool readonly;
} vfs_posix_t;

// The host path for path (a C string valid until the next call).
static const char *host_path(vfs_posix_t *self, const char *path) {
    if (self->root_len == 0) {
        return path;
    }
    self->root.len = self->root_len;
    vstr_add_str(&self->root, path);
    return vstr_null_terminated_str(&self->root);
}

static const char *host_path_obj(mp_obj_t self_in, mp_obj_t path) {
    return host_path(MP_OBJ_TO_PTR(self_in), mp_obj_str_get_str(path));
}

// Raises OSError(errno) when ret says a call failed.
static mp_obj_t none_or_raise(int ret) {
    if (ret != 0) {
        mp_raise_OSError(errno);
    }
    return mp_const_none;
}

mp_import_stat_t mp_vfs_posix_import_stat(mp_obj_t vfs, const char *path) {
    struct stat st;
    if (stat(host_path(MP_OBJ_TO_PTR(vfs), path), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            return MP_IMPORT_STAT_DIR;
        }
        if (S_ISREG(st.st_mode)) {
            return MP_IMPORT_STAT_FILE;
        }
    }
    return MP_IMPORT_STAT_NO_EXIST;
}

void mp_vfs_check_host_access(void) {
    if (!mp_state.host_access) {
        mp_raise_OSError(MP_EPERM);
    }
}

static mp_obj_t vfs_posix_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    mp_vfs_check_host_access();
    vfs_posix_t *self = mp_obj_malloc(vfs_posix_t, type);
    vstr_init(&self->root, 0);
    if (n_args == 1) {
        vstr_add_str(&self->root, mp_obj_str_get_str(args[0]));
        vstr_add_char(&self->root, '/');
    }
    self->root_len = self->root.len;
    self->readonly = false;
    return MP_OBJ_FROM_PTR(self);
}

static mp_obj_t vfs_posix_mount(mp_obj_t self_in, mp_obj_t readonly, mp_obj_t mkfs) {
    vfs_posix_t *self = MP_OBJ_TO_PTR(self_in);
    if (mp_obj_is_true(readonly)) {
        self->readonly = true;
    }
    if (mp_obj_is_true(mkfs)) {
        mp_raise_OSError(MP_EPERM);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_3(vfs_posix_mount_obj, vfs_posix_mount);

static mp_obj_t vfs_posix_umount(mp_obj_t self_in) {
    (void)self_in;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(vfs_posix_umount_obj, vfs_posix_umount);

static mp_obj_t vfs_posix_open(mp_obj_t self_in, mp_obj_t path, mp_obj_t mode_in) {
    vfs_posix_t *self = MP_OBJ_TO_PTR(self_in);
    const char *mode = mp_obj_str_get_str(mode_in);
    if (self->readonly && strpbrk(mode, "wa+") != NULL) {
        mp_raise_OSError(MP_EROFS);
    }
    if (!mp_obj_is_small_int(path)) {
        const char *p = host_path_obj(self_in, path);
        path = mp_obj_new_str(p, strlen(p));
    }
    return mp_vfs_posix_file_open(&mp_type_vfs_posix_textio, path, mode_in);
}
static MP_DEFINE_CONST_FUN_OBJ_3(vfs_posix_open_obj, vfs_posix_open);

static mp_obj_t vfs_posix_chdir(mp_obj_t self_in, mp_obj_t path) {
    return none_or_raise(chdir(host_path_obj(self_in, path)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(vfs_posix_chdir_obj, vfs_posix_chdir);

static mp_obj_t vfs_posix_getcwd(mp_obj_t self_in) {
    vfs_posix_t *self = MP_OBJ_TO_PTR(self_in);
    char buf[4097];
    if (getcwd(buf, sizeof(buf)) == NULL) {
        mp_raise_OSError(errno);
    }
    // Under a root the host's cwd is within it: drop the root's part.
    const char *cwd = buf;
    size_t skip = self->root_len;
    cwd += strlen(buf) < skip ? strlen(buf) : skip;
    return mp_obj_new_str(cwd, strlen(cwd));
}
static MP_DEFINE_CONST_FUN_OBJ_1(vfs_posix_getcwd_obj, vfs_posix_getcwd);

// ilistdir's iterator: (name, type, inode) per entry but . and ..; the
// directory is closed when the entries run out, or by __del__ when the
// collector finds the iterator dropped before that.
typedef struct {
    mp_obj_base_t base;
    DIR *dir;
    bool is_str;
} posix_ilistdir_t;

static mp_obj_t posix_ilistdir_next(mp_obj_t self_in) {
    posix_ilistdir_t *self = MP_OBJ_TO_PTR(self_in);
    while (self->dir != NULL) {
        struct dirent *entry = readdir(self->dir);
        if (entry == NULL) {
            closedir(self->dir);
            self->dir = NULL;
            break;
        }
        const char *name = entry->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
            continue;
        }
        mp_obj_t item[3] = {
            self->is_str ? mp_obj_new_str(name, strlen(name)) : mp_obj_new_bytes((const byte *)name, strlen(name)),
            MP_OBJ_NEW_SMALL_INT(DTTOIF(entry->d_type)),
            mp_obj_new_int_from_uint(entry->d_ino),
        };
        return mp_obj_new_tuple(3, item);
    }
    return MP_OBJ_STOP_ITERATION;
}

static mp_obj_t posix_ilistdir_del(mp_obj_t self_in) {
    posix_ilistdir_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->dir != NULL) {
        closedir(self->dir);
        self->dir = NULL;
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(posix_ilistdir_del_obj, posix_ilistdir_del);

static const mp_rom_map_elem_t posix_ilistdir_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&posix_ilistdir_del_obj) },
};
static MP_DEFINE_CONST_DICT(posix_ilistdir_locals_dict, posix_ilistdir_locals_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    posix_ilistdir_type,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, posix_ilistdir_next,
    locals_dict, &posix_ilistdir_locals_dict
);

static mp_obj_t vfs_posix_ilistdir(mp_obj_t self_in, mp_obj_t path_in) {
    const char *path = host_path_obj(self_in, path_in);
    DIR *dir = opendir(path[0] == '\0' ? "." : path);
    if (dir == NULL) {
        mp_raise_OSError(errno);
    }
    // Made once the directory is open, for the finaliser to close it.
    posix_ilistdir_t *it = m_malloc_with_finaliser(sizeof(posix_ilistdir_t));
    it->base.type = &posix_ilistdir_type;
    it->dir = dir;
    it->is_str = mp_obj_get_type(path_in) == &mp_type_str;
    return MP_OBJ_FROM_PTR(it);
}
static MP_DEFINE_CONST_FUN_OBJ_2(vfs_posix_ilistdir_obj, vfs_posix_ilistdir);

static mp_obj_t vfs_posix_mkdir(mp_obj_t self_in, mp_obj_t path) {
    return none_or_raise(mkdir(host_path_obj(self_in, path), 0777));
}
static MP_DEFINE_CONST_FUN_OBJ_2(vfs_posix_mkdir_obj, vfs_posix_mkdir);

static mp_obj_t vfs_posix_remove(mp_obj_t self_in, mp_obj_t path) {
    return none_or_raise(unlink(host_path_obj(self_in, path)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(vfs_posix_remove_obj, vfs_posix_remove);

static mp_obj_t vfs_posix_rmdir(mp_obj_t self_in, mp_obj_t path) {
    return none_or_raise(rmdir(host_path_obj(self_in, path)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(vfs_posix_rmdir_obj, vfs_posix_rmdir);

static mp_obj_t vfs_posix_rename(mp_obj_t self_in, mp_obj_t old_path, mp_obj_t new_path) {
    // host_path reuses one buffer: keep a copy of the first.
    const char *p = host_path_obj(self_in, old_path);
    mp_obj_t old_host = mp_obj_new_str(p, strlen(p));
    const char *new_host = host_path_obj(self_in, new_path);
    return none_or_raise(rename(mp_obj_str_get_str(old_host), new_host));
}
static MP_DEFINE_CONST_FUN_OBJ_3(vfs_posix_rename_obj, vfs_posix_rename);

// A tuple of n unsigned values.
static mp_obj_t uint_tuple(size_t n, const unsigned long long *values) {
    mp_obj_t items[10];
    for (size_t i = 0; i < n; i++) {
        items[i] = mp_obj_new_int_from_ull(values[i]);
    }
    return mp_obj_new_tuple(n, items);
}

// stat(path): (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime).
static mp_obj_t vfs_posix_stat(mp_obj_t self_in, mp_obj_t path) {
    struct stat st;
    const char *p = host_path_obj(self_in, path);
    while (stat(p, &st) != 0) {
        if (errno != EINTR) {
            mp_raise_OSError(errno);
        }
    }
    const unsigned long long values[10] = {
        st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid,
        (unsigned long long)st.st_size, (unsigned long long)st.st_atime,
        (unsigned long long)st.st_mtime, (unsigned long long)st.st_ctime,
    };
    return uint_tuple(10, values);
}
static MP_DEFINE_CONST_FUN_OBJ_2(vfs_posix_stat_obj, vfs_posix_stat);

// statvfs(path): (bsize, frsize, blocks, bfree, bavail, files, ffree,
// favail, flag, namemax).
static mp_obj_t vfs_posix_statvfs(mp_obj_t self_in, mp_obj_t path) {
    struct statvfs sv;
    const char *p = host_path_obj(self_in, path);
    while (statvfs(p, &sv) != 0) {
        if (errno != EINTR) {
            mp_raise_OSError(errno);
        }
    }
    const unsigned long long values[10] = {
        sv.f_bsize, sv.f_frsize, sv.f_blocks, sv.f_bfree, sv.f_bavail,
        sv.f_files, sv.f_ffree, sv.f_favail, sv.f_flag, sv.f_namemax,
    };
    return uint_tuple(10, values);
}
static MP_DEFINE_CONST_FUN_OBJ_2(vfs_posix_statvfs_obj, vfs_posix_statvfs);

static const mp_rom_map_elem_t vfs_posix_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_mount), MP_ROM_PTR(&vfs_posix_mount_obj) },
    { MP_ROM_QSTR(MP_QSTR_umount), MP_ROM_PTR(&vfs_posix_umount_obj) },
    { MP_ROM_QSTR(MP_QSTR_open), MP_ROM_PTR(&vfs_posix_open_obj) },
    { MP_ROM_QSTR(MP_QSTR_chdir), MP_ROM_PTR(&vfs_posix_chdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_getcwd), MP_ROM_PTR(&vfs_posix_getcwd_obj) },
    { MP_ROM_QSTR(MP_QSTR_ilistdir), MP_ROM_PTR(&vfs_posix_ilistdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_mkdir), MP_ROM_PTR(&vfs_posix_mkdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_remove), MP_ROM_PTR(&vfs_posix_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_rename), MP_ROM_PTR(&vfs_posix_rename_obj) },
    { MP_ROM_QSTR(MP_QSTR_rmdir), MP_ROM_PTR(&vfs_posix_rmdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_stat), MP_ROM_PTR(&vfs_posix_stat_obj) },
    { MP_ROM_QSTR(MP_QSTR_statvfs), MP_ROM_PTR(&vfs_posix_statvfs_obj) },
};
static MP_DEFINE_CONST_DICT(vfs_posix_locals_dict, vfs_posix_locals_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_vfs_posix,
    MP_QSTR_VfsPosix,
    MP_TYPE_FLAG_NONE,
    make_new, vfs_posix_make_new,
    locals_dict, &vfs_posix_locals_dict
);

void mp_vfs_mount_host_root(void) {
    mp_state.host_access = true;
    mp_obj_t args[2] = {
        vfs_posix_make_new(&mp_type_vfs_posix, 0, 0, NULL),
        MP_OBJ_NEW_QSTR(MP_QSTR__slash_),
    };
    mp_vfs_mount_obj.fun.kw(2, args, NULL);
    mp_state.vfs_cur = mp_state.vfs_mount_table;
}
