// The os module, with the unix port's contents (extmod/modos.c,
// ports/unix/modos.c): the file system operations of the VFS (vfs.c),
// VfsPosix, and the environment, system, urandom and errno of the host.
#include "runtime/vfs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "py/mperrno.h"

// getenv(key, default=None)
static mp_obj_t os_getenv(size_t n_args, const mp_obj_t *args) {
    const char *value = getenv(mp_obj_str_get_str(args[0]));
    if (value == NULL) {
        return n_args == 2 ? args[1] : mp_const_none;
    }
    return mp_obj_new_str(value, strlen(value));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(os_getenv_obj, 1, 2, os_getenv);

static mp_obj_t os_putenv(mp_obj_t key, mp_obj_t value) {
    mp_vfs_check_host_access();
    if (setenv(mp_obj_str_get_str(key), mp_obj_str_get_str(value), 1) == -1) {
        mp_raise_OSError(errno);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(os_putenv_obj, os_putenv);

static mp_obj_t os_unsetenv(mp_obj_t key) {
    mp_vfs_check_host_access();
    if (unsetenv(mp_obj_str_get_str(key)) == -1) {
        mp_raise_OSError(errno);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_unsetenv_obj, os_unsetenv);

// system(command): the wait status system() returns.
static mp_obj_t os_system(mp_obj_t command) {
    mp_vfs_check_host_access();
    fflush(NULL);
    int status = system(mp_obj_str_get_str(command));
    if (status == -1) {
        mp_raise_OSError(errno);
    }
    return MP_OBJ_NEW_SMALL_INT(status);
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_system_obj, os_system);

// urandom(n): n bytes from the host's /dev/urandom.
static mp_obj_t os_urandom(mp_obj_t n_in) {
    mp_int_t n = mp_obj_get_int(n_in);
    if (n < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("negative count"));
    }
    vstr_t vstr;
    vstr_init_len(&vstr, (size_t)n);
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0) {
        mp_raise_OSError(errno);
    }
    size_t done = 0;
    while (done < (size_t)n) {
        ssize_t got = read(fd, vstr.buf + done, (size_t)n - done);
        if (got <= 0 && errno != EINTR) {
            int err = got == 0 ? MP_EIO : errno;
            close(fd);
            mp_raise_OSError(err);
        }
        done += got > 0 ? (size_t)got : 0;
    }
    close(fd);
    return mp_obj_new_bytes_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_1(os_urandom_obj, os_urandom);

// errno([value]): the host's C errno, read or set.
static mp_obj_t os_errno(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        return MP_OBJ_NEW_SMALL_INT(errno);
    }
    errno = (int)mp_obj_get_int(args[0]);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(os_errno_obj, 0, 1, os_errno);

static const mp_rom_map_elem_t os_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_os) },
    { MP_ROM_QSTR(MP_QSTR_getenv), MP_ROM_PTR(&os_getenv_obj) },
    { MP_ROM_QSTR(MP_QSTR_putenv), MP_ROM_PTR(&os_putenv_obj) },
    { MP_ROM_QSTR(MP_QSTR_unsetenv), MP_ROM_PTR(&os_unsetenv_obj) },
    { MP_ROM_QSTR(MP_QSTR_sep), MP_ROM_QSTR(MP_QSTR__slash_) },
    { MP_ROM_QSTR(MP_QSTR_system), MP_ROM_PTR(&os_system_obj) },
    { MP_ROM_QSTR(MP_QSTR_urandom), MP_ROM_PTR(&os_urandom_obj) },
    { MP_ROM_QSTR(MP_QSTR_chdir), MP_ROM_PTR(&mp_vfs_chdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_getcwd), MP_ROM_PTR(&mp_vfs_getcwd_obj) },
    { MP_ROM_QSTR(MP_QSTR_listdir), MP_ROM_PTR(&mp_vfs_listdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_mkdir), MP_ROM_PTR(&mp_vfs_mkdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_remove), MP_ROM_PTR(&mp_vfs_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_rename), MP_ROM_PTR(&mp_vfs_rename_obj) },
    { MP_ROM_QSTR(MP_QSTR_rmdir), MP_ROM_PTR(&mp_vfs_rmdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_stat), MP_ROM_PTR(&mp_vfs_stat_obj) },
    { MP_ROM_QSTR(MP_QSTR_statvfs), MP_ROM_PTR(&mp_vfs_statvfs_obj) },
    { MP_ROM_QSTR(MP_QSTR_unlink), MP_ROM_PTR(&mp_vfs_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_errno), MP_ROM_PTR(&os_errno_obj) },
    { MP_ROM_QSTR(MP_QSTR_ilistdir), MP_ROM_PTR(&mp_vfs_ilistdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_mount), MP_ROM_PTR(&mp_vfs_mount_obj) },
    { MP_ROM_QSTR(MP_QSTR_umount), MP_ROM_PTR(&mp_vfs_umount_obj) },
    { MP_ROM_QSTR(MP_QSTR_VfsPosix), MP_ROM_PTR(&mp_type_vfs_posix) },
};
static MP_DEFINE_CONST_DICT(os_dict, os_table);

const mp_obj_module_t mp_module_os = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&os_dict,
};
