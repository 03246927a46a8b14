// The semihosting calls the firmware makes (semihost_io.c, posix_fs.c,
// platform.c, the fault handlers): picolibc's <semihost.h>, Arm's
// semihosting interface, which picolibc implements for Arm and RISC-V.
// picolibc has none for xtensa, whose QEMU offers the simulator calls
// (simcall) instead: semihost_xtensa.c gives the same functions over them.
#ifndef BAREMETAL_SEMIHOST_CALLS_H
#define BAREMETAL_SEMIHOST_CALLS_H

#if defined(__XTENSA__)
#include <stddef.h>
#include <stdint.h>

// The open modes of Arm semihosting (fopen's "r", "rb", "r+", ...).
#define SH_OPEN_R 0
#define SH_OPEN_R_B 1
#define SH_OPEN_R_PLUS 2
#define SH_OPEN_R_PLUS_B 3
#define SH_OPEN_W 4
#define SH_OPEN_W_B 5
#define SH_OPEN_W_PLUS 6
#define SH_OPEN_W_PLUS_B 7
#define SH_OPEN_A 8
#define SH_OPEN_A_B 9
#define SH_OPEN_A_PLUS 10
#define SH_OPEN_A_PLUS_B 11

uintptr_t sys_semihost_clock(void);
int sys_semihost_close(int fd);
int sys_semihost_errno(void);
__attribute__((noreturn)) void sys_semihost_exit_extended(uintptr_t code);
uintptr_t sys_semihost_flen(int fd);
int sys_semihost_get_cmdline(char *buf, int size);
int sys_semihost_istty(int fd);
int sys_semihost_open(const char *pathname, int semiflags);
uintptr_t sys_semihost_read(int fd, void *buf, size_t count);
int sys_semihost_remove(const char *pathname);
int sys_semihost_rename(const char *old_pathname, const char *new_pathname);
int sys_semihost_seek(int fd, uintptr_t pos);
uintptr_t sys_semihost_write(int fd, const void *buf, uintptr_t count);
#else
#include <semihost.h>
#endif

#endif
