// The virtual file system (vfs.c), as MicroPython's extmod/vfs.c: a table
// of file system objects mounted at paths ("/" for one that covers all of
// the root), a current directory on one of them, and path operations that
// call the owning object's methods (open, stat, ilistdir, chdir, ...).
// mpy-host mounts the host's files at "/" (vfs_posix.c), as the unix port.
#ifndef RUNTIME_VFS_H
#define RUNTIME_VFS_H

#include "runtime/runtime.h"

typedef struct _mp_vfs_mount_t {
    const char *str; // mount point, "/..." (NUL-terminated copy)
    size_t len;
    mp_obj_t obj;
    struct _mp_vfs_mount_t *next;
} mp_vfs_mount_t;

// What mp_vfs_lookup_path gives besides a mount: the virtual root
// directory itself, or a path under no mount.
#define MP_VFS_ROOT ((mp_vfs_mount_t *)0)
#define MP_VFS_NONE ((mp_vfs_mount_t *)1)

// st_mode bits of stat results.
#define MP_S_IFDIR (0x4000)
#define MP_S_IFREG (0x8000)

typedef enum {
    MP_IMPORT_STAT_NO_EXIST,
    MP_IMPORT_STAT_DIR,
    MP_IMPORT_STAT_FILE,
} mp_import_stat_t;

// The mount owning path, with *path_out the path within it.
mp_vfs_mount_t *mp_vfs_lookup_path(const char *path, const char **path_out);
// What the importer finds at path: through VfsPosix directly, else the
// mounted object's stat() (any exception: nothing there).
mp_import_stat_t mp_vfs_import_stat(const char *path);

// os.mount(obj, path, *, readonly=False, mkfs=False) and the path
// operations of the os module; open(file, mode='r', buffering=-1,
// encoding=None) is also the builtin.
extern const mp_obj_fun_builtin_var_t mp_vfs_mount_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_umount_obj;
extern const mp_obj_fun_builtin_var_t mp_vfs_open_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_chdir_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_getcwd_obj;
extern const mp_obj_fun_builtin_var_t mp_vfs_ilistdir_obj;
extern const mp_obj_fun_builtin_var_t mp_vfs_listdir_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_mkdir_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_remove_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_rename_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_rmdir_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_stat_obj;
extern const mp_obj_fun_builtin_fixed_t mp_vfs_statvfs_obj;

// open() from C: the file object for path opened with mode.
mp_obj_t mp_vfs_open_path(const char *path, const char *mode);

// The host's file system (vfs_posix.c).
extern const mp_obj_type_t mp_type_vfs_posix;
extern const mp_obj_type_t mp_type_vfs_posix_fileio;
extern const mp_obj_type_t mp_type_vfs_posix_textio;
mp_import_stat_t mp_vfs_posix_import_stat(mp_obj_t vfs, const char *path);
// A file object of type (FileIO or TextIOWrapper, unless mode's 'b'/'t'
// says otherwise) for a path, or for an int file descriptor.
mp_obj_t mp_vfs_posix_file_open(const mp_obj_type_t *type, mp_obj_t file, mp_obj_t mode);
// Gives Python code the host, as the unix port's start: allows os.VfsPosix,
// open() of a file descriptor, os.system, os.putenv and os.unsetenv
// (mp_state.host_access), and mounts VfsPosix() at "/", made current.
// Without it (the fuzz targets) those raise OSError(EPERM) and there are no
// files.
void mp_vfs_mount_host_root(void);
// OSError(EPERM) unless the host gave access (above).
void mp_vfs_check_host_access(void);

#endif
