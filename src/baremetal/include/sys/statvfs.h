// <sys/statvfs.h> for the bare-metal firmware (picolibc has none):
// semihosting cannot tell, so statvfs always fails (posix_fs.c).
#ifndef BAREMETAL_SYS_STATVFS_H
#define BAREMETAL_SYS_STATVFS_H

struct statvfs {
    unsigned long f_bsize, f_frsize, f_blocks, f_bfree, f_bavail;
    unsigned long f_files, f_ffree, f_favail, f_flag, f_namemax;
};

int statvfs(const char *path, struct statvfs *buf);

#endif
