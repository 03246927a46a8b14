// The virtual file system: the mount table and the path operations of the
// os module and open(), with MicroPython v1.21's semantics (extmod/vfs.c).
// Each operation finds the mount owning its path and calls the mounted
// object's method of the same name with the path inside that mount; the
// root directory itself lists the mount points.
#include "runtime/vfs.h"

#include <string.h>

#include "py/mperrno.h"

// The most arguments a path operation passes to a mounted object.
#define VFS_MAX_ARGS (2)

mp_vfs_mount_t *mp_vfs_lookup_path(const char *path, const char **path_out) {
    if (*path != '/' && mp_state.vfs_cur != MP_VFS_ROOT) {
        // Relative to the current directory, on the current mount.
        *path_out = path;
        return mp_state.vfs_cur;
    }
    bool is_abs = *path == '/';
    if (is_abs) {
        path++;
    }
    if (*path == '\0') {
        return MP_VFS_ROOT;
    }
    for (mp_vfs_mount_t *vfs = mp_state.vfs_mount_table; vfs != NULL; vfs = vfs->next) {
        size_t len = vfs->len - 1; // without the leading '/'
        if (len == 0) {
            // Mounted at the root: it owns every path no other mount took
            // (the root mount is kept last).
            *path_out = path - is_abs;
            return vfs;
        }
        if (strncmp(path, vfs->str + 1, len) == 0) {
            if (path[len] == '/') {
                *path_out = path + len;
                return vfs;
            }
            if (path[len] == '\0') {
                *path_out = "/";
                return vfs;
            }
        }
    }
    return MP_VFS_NONE;
}

// The mount owning path_in, and the path inside it as an object of
// path_in's type (str or bytes); MP_OBJ_NULL for the root or no mount.
static mp_vfs_mount_t *lookup_path(mp_obj_t path_in, mp_obj_t *path_out) {
    const char *inner;
    mp_vfs_mount_t *vfs = mp_vfs_lookup_path(mp_obj_str_get_str(path_in), &inner);
    *path_out = MP_OBJ_NULL;
    if (vfs != MP_VFS_NONE && vfs != MP_VFS_ROOT) {
        *path_out = mp_obj_is_type(path_in, &mp_type_bytes)
            ? mp_obj_new_bytes((const byte *)inner, strlen(inner))
            : mp_obj_new_str(inner, strlen(inner));
    }
    return vfs;
}

// vfs.obj.meth(*args); ENODEV under no mount, EPERM on the root itself.
static mp_obj_t proxy_call(mp_vfs_mount_t *vfs, qstr meth, size_t n_args, const mp_obj_t *args) {
    if (vfs == MP_VFS_NONE) {
        mp_raise_OSError(MP_ENODEV);
    }
    if (vfs == MP_VFS_ROOT) {
        mp_raise_OSError(MP_EPERM);
    }
    mp_obj_t call[2 + VFS_MAX_ARGS];
    mp_load_method(vfs->obj, meth, call);
    for (size_t i = 0; i < n_args; i++) {
        call[2 + i] = args[i];
    }
    return mp_call_method_n_kw(n_args, 0, call);
}

// The mount at "/", if any.
static mp_vfs_mount_t *root_mount(void) {
    for (mp_vfs_mount_t *vfs = mp_state.vfs_mount_table; vfs != NULL; vfs = vfs->next) {
        if (vfs->len == 1) {
            return vfs;
        }
    }
    return NULL;
}

mp_import_stat_t mp_vfs_import_stat(const char *path) {
    const char *inner;
    mp_vfs_mount_t *vfs = mp_vfs_lookup_path(path, &inner);
    if (vfs == MP_VFS_NONE || vfs == MP_VFS_ROOT) {
        return MP_IMPORT_STAT_NO_EXIST;
    }
    if (mp_obj_is_type(vfs->obj, &mp_type_vfs_posix)) {
        return mp_vfs_posix_import_stat(vfs->obj, inner);
    }
    mp_obj_t path_obj = mp_obj_new_str(inner, strlen(inner));
    mp_obj_t st;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        st = proxy_call(vfs, MP_QSTR_stat, 1, &path_obj);
        nlr_pop();
    } else {
        return MP_IMPORT_STAT_NO_EXIST; // any exception: not there
    }
    mp_obj_t *items;
    mp_obj_get_array_fixed_n(st, 10, &items);
    return (mp_obj_get_int(items[0]) & MP_S_IFDIR) ? MP_IMPORT_STAT_DIR : MP_IMPORT_STAT_FILE;
}

static mp_obj_t vfs_mount(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        { MP_QSTR_readonly, MP_ARG_KW_ONLY | MP_ARG_OBJ, { .u_rom_obj = MP_ROM_FALSE } },
        { MP_QSTR_mkfs, MP_ARG_KW_ONLY | MP_ARG_OBJ, { .u_rom_obj = MP_ROM_FALSE } },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args - 2, pos_args + 2, kw_args, MP_ARRAY_SIZE(allowed), allowed, args);
    size_t len;
    const char *point = mp_obj_str_get_data(pos_args[1], &len);
    mp_obj_t dest[2];
    mp_load_method_maybe(pos_args[0], MP_QSTR_mount, dest);
    if (dest[0] == MP_OBJ_NULL) {
        // No mount method: a block device, and this runtime has no file
        // system format to find on one.
        mp_raise_OSError(MP_ENODEV);
    }
    mp_vfs_mount_t *vfs = m_new_obj(mp_vfs_mount_t);
    char *str = m_new(char, len + 1);
    memcpy(str, point, len);
    str[len] = '\0';
    vfs->str = str;
    vfs->len = len;
    vfs->obj = pos_args[0];
    vfs->next = NULL;
    mp_obj_t mount_args[2] = { args[0].u_obj, args[1].u_obj };
    proxy_call(vfs, MP_QSTR_mount, 2, mount_args);

    // The point must be free; under a root mount, any other point is.
    const char *inner;
    mp_vfs_mount_t *existing = mp_vfs_lookup_path(str, &inner);
    if (existing != MP_VFS_NONE && existing != MP_VFS_ROOT && !(len != 1 && existing->len == 1)) {
        mp_raise_OSError(MP_EPERM);
    }
    // Insert before a root mount, which stays last.
    mp_vfs_mount_t **p = &mp_state.vfs_mount_table;
    while (*p != NULL && (*p)->len != 1) {
        p = &(*p)->next;
    }
    vfs->next = *p;
    *p = vfs;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_KW(mp_vfs_mount_obj, 2, vfs_mount);

// umount(point or object)
static mp_obj_t vfs_umount(mp_obj_t target) {
    size_t len = 0;
    const char *point = mp_obj_is_str(target) ? mp_obj_str_get_data(target, &len) : NULL;
    mp_vfs_mount_t *vfs = NULL;
    for (mp_vfs_mount_t **p = &mp_state.vfs_mount_table; *p != NULL; p = &(*p)->next) {
        if ((point != NULL && (*p)->len == len && memcmp(point, (*p)->str, len) == 0) || (*p)->obj == target) {
            vfs = *p;
            *p = vfs->next;
            break;
        }
    }
    if (vfs == NULL) {
        mp_raise_OSError(MP_EINVAL);
    }
    if (mp_state.vfs_cur == vfs) {
        mp_state.vfs_cur = MP_VFS_ROOT;
    }
    proxy_call(vfs, MP_QSTR_umount, 0, NULL);
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_vfs_umount_obj, vfs_umount);

// open(file, mode='r', buffering=-1, encoding=None): buffering and
// encoding are accepted and ignored, as in MicroPython.
static mp_obj_t vfs_open(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    static const mp_arg_t allowed[] = {
        { MP_QSTR_file, MP_ARG_OBJ | MP_ARG_REQUIRED, { .u_rom_obj = MP_ROM_NONE } },
        { MP_QSTR_mode, MP_ARG_OBJ, { .u_rom_obj = MP_ROM_QSTR(MP_QSTR_r) } },
        { MP_QSTR_buffering, MP_ARG_INT, { .u_int = -1 } },
        { MP_QSTR_encoding, MP_ARG_OBJ, { .u_rom_obj = MP_ROM_NONE } },
    };
    mp_arg_val_t args[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args, pos_args, kw_args, MP_ARRAY_SIZE(allowed), allowed, args);
    if (mp_obj_is_small_int(args[0].u_obj)) {
        // A file descriptor of the host.
        return mp_vfs_posix_file_open(&mp_type_vfs_posix_textio, args[0].u_obj, args[1].u_obj);
    }
    mp_obj_t call_args[2];
    mp_vfs_mount_t *vfs = lookup_path(args[0].u_obj, &call_args[0]);
    call_args[1] = args[1].u_obj;
    return proxy_call(vfs, MP_QSTR_open, 2, call_args);
}
MP_DEFINE_CONST_FUN_OBJ_KW(mp_vfs_open_obj, 0, vfs_open);

mp_obj_t mp_vfs_open_path(const char *path, const char *mode) {
    mp_obj_t args[2] = { mp_obj_new_str(path, strlen(path)), mp_obj_new_str(mode, strlen(mode)) };
    return vfs_open(2, args, NULL);
}

static mp_obj_t vfs_chdir(mp_obj_t path_in) {
    mp_obj_t path_out;
    mp_vfs_mount_t *vfs = lookup_path(path_in, &path_out);
    if (vfs == MP_VFS_ROOT) {
        // Relative paths now start at the root: that of a root mount too.
        mp_vfs_mount_t *root = root_mount();
        if (root != NULL) {
            mp_obj_t slash = MP_OBJ_NEW_QSTR(MP_QSTR__slash_);
            proxy_call(root, MP_QSTR_chdir, 1, &slash);
        }
    } else {
        proxy_call(vfs, MP_QSTR_chdir, 1, &path_out);
    }
    mp_state.vfs_cur = vfs;
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_vfs_chdir_obj, vfs_chdir);

static mp_obj_t vfs_getcwd(void) {
    mp_vfs_mount_t *cur = mp_state.vfs_cur;
    if (cur == MP_VFS_ROOT) {
        return MP_OBJ_NEW_QSTR(MP_QSTR__slash_);
    }
    mp_obj_t cwd_obj = proxy_call(cur, MP_QSTR_getcwd, 0, NULL);
    if (cur->len == 1) {
        return cwd_obj; // a root mount's paths are already absolute
    }
    const char *cwd = mp_obj_str_get_str(cwd_obj);
    vstr_t vstr;
    vstr_init(&vstr, cur->len + strlen(cwd) + 1);
    vstr_add_strn(&vstr, cur->str, cur->len);
    if (strcmp(cwd, "/") != 0) {
        vstr_add_str(&vstr, cwd);
    }
    return mp_obj_new_str_from_vstr(&vstr);
}
MP_DEFINE_CONST_FUN_OBJ_0(mp_vfs_getcwd_obj, vfs_getcwd);

// Iterating the root directory: a (name, S_IFDIR, 0) entry per mount
// point, then the entries of a root mount's own root.
typedef struct {
    mp_obj_base_t base;
    mp_fun_1_t iternext;
    mp_vfs_mount_t *next_mount;
    mp_obj_t root_iter; // once the root mount is reached
    bool is_str;
} root_ilistdir_t;

static mp_obj_t root_ilistdir_next(mp_obj_t self_in) {
    root_ilistdir_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->root_iter != MP_OBJ_NULL) {
        return mp_iternext(self->root_iter);
    }
    mp_vfs_mount_t *vfs = self->next_mount;
    if (vfs == NULL) {
        return MP_OBJ_STOP_ITERATION;
    }
    self->next_mount = vfs->next;
    if (vfs->len == 1) {
        mp_obj_t slash = MP_OBJ_NEW_QSTR(MP_QSTR__slash_);
        self->root_iter = proxy_call(vfs, MP_QSTR_ilistdir, 1, &slash);
        return mp_iternext(self->root_iter);
    }
    mp_obj_t entry[3] = {
        self->is_str ? mp_obj_new_str(vfs->str + 1, vfs->len - 1)
                     : mp_obj_new_bytes((const byte *)vfs->str + 1, vfs->len - 1),
        MP_OBJ_NEW_SMALL_INT(MP_S_IFDIR),
        MP_OBJ_NEW_SMALL_INT(0), // no inode number
    };
    return mp_obj_new_tuple(3, entry);
}

static mp_obj_t vfs_ilistdir(size_t n_args, const mp_obj_t *args) {
    mp_obj_t path_in = n_args == 1 ? args[0] : MP_OBJ_NEW_QSTR(MP_QSTR_);
    mp_obj_t path_out;
    mp_vfs_mount_t *vfs = lookup_path(path_in, &path_out);
    if (vfs == MP_VFS_ROOT) {
        root_ilistdir_t *it = mp_obj_malloc(root_ilistdir_t, &mp_type_polymorph_iter);
        it->iternext = root_ilistdir_next;
        it->next_mount = mp_state.vfs_mount_table;
        it->root_iter = MP_OBJ_NULL;
        it->is_str = mp_obj_get_type(path_in) == &mp_type_str;
        return MP_OBJ_FROM_PTR(it);
    }
    return proxy_call(vfs, MP_QSTR_ilistdir, 1, &path_out);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_vfs_ilistdir_obj, 0, 1, vfs_ilistdir);

// listdir([path]): the names ilistdir gives.
static mp_obj_t vfs_listdir(size_t n_args, const mp_obj_t *args) {
    mp_obj_t iter = vfs_ilistdir(n_args, args);
    mp_obj_t names = mp_obj_new_list(0, NULL);
    mp_obj_t entry;
    while ((entry = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_list_append(names, mp_obj_subscr(entry, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_SENTINEL));
    }
    return names;
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_vfs_listdir_obj, 0, 1, vfs_listdir);

static mp_obj_t vfs_mkdir(mp_obj_t path_in) {
    mp_obj_t path_out;
    mp_vfs_mount_t *vfs = lookup_path(path_in, &path_out);
    if (vfs == MP_VFS_ROOT || (vfs != MP_VFS_NONE && strcmp(mp_obj_str_get_str(path_out), "/") == 0)) {
        mp_raise_OSError(MP_EEXIST); // the root or a mount point
    }
    return proxy_call(vfs, MP_QSTR_mkdir, 1, &path_out);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_vfs_mkdir_obj, vfs_mkdir);

// An operation that just passes the path on: remove, rmdir, stat.
static mp_obj_t vfs_path_call(mp_obj_t path_in, qstr meth) {
    mp_obj_t path_out;
    mp_vfs_mount_t *vfs = lookup_path(path_in, &path_out);
    return proxy_call(vfs, meth, 1, &path_out);
}

static mp_obj_t vfs_remove(mp_obj_t path_in) {
    return vfs_path_call(path_in, MP_QSTR_remove);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_vfs_remove_obj, vfs_remove);

static mp_obj_t vfs_rmdir(mp_obj_t path_in) {
    return vfs_path_call(path_in, MP_QSTR_rmdir);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_vfs_rmdir_obj, vfs_rmdir);

static mp_obj_t vfs_rename(mp_obj_t old_in, mp_obj_t new_in) {
    mp_obj_t paths[2];
    mp_vfs_mount_t *old_vfs = lookup_path(old_in, &paths[0]);
    mp_vfs_mount_t *new_vfs = lookup_path(new_in, &paths[1]);
    if (old_vfs != new_vfs) {
        mp_raise_OSError(MP_EPERM); // not across file systems
    }
    return proxy_call(old_vfs, MP_QSTR_rename, 2, paths);
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_vfs_rename_obj, vfs_rename);

// A 10-tuple of small ints: first, then nine copies of rest, except the
// last which is last.
static mp_obj_t int_tuple10(mp_int_t first, mp_int_t rest, mp_int_t last) {
    mp_obj_t items[10];
    items[0] = MP_OBJ_NEW_SMALL_INT(first);
    for (size_t i = 1; i < 9; i++) {
        items[i] = MP_OBJ_NEW_SMALL_INT(rest);
    }
    items[9] = MP_OBJ_NEW_SMALL_INT(last);
    return mp_obj_new_tuple(10, items);
}

static mp_obj_t vfs_stat(mp_obj_t path_in) {
    mp_obj_t path_out;
    mp_vfs_mount_t *vfs = lookup_path(path_in, &path_out);
    if (vfs == MP_VFS_ROOT) {
        return int_tuple10(MP_S_IFDIR, 0, 0);
    }
    return proxy_call(vfs, MP_QSTR_stat, 1, &path_out);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_vfs_stat_obj, vfs_stat);

static mp_obj_t vfs_statvfs(mp_obj_t path_in) {
    mp_obj_t path_out;
    mp_vfs_mount_t *vfs = lookup_path(path_in, &path_out);
    if (vfs == MP_VFS_ROOT) {
        vfs = root_mount();
        if (vfs == NULL) {
            return int_tuple10(0, 0, 4096); // only f_namemax: the unix port's path limit
        }
        path_out = MP_OBJ_NEW_QSTR(MP_QSTR__slash_);
    }
    return proxy_call(vfs, MP_QSTR_statvfs, 1, &path_out);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_vfs_statvfs_obj, vfs_statvfs);
