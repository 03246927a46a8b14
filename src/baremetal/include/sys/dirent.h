// <dirent.h> for the bare-metal firmware (picolibc has none): semihosting
// cannot list a folder, so opendir always fails (posix_fs.c); the types
// are here for the code that would use them.
#ifndef BAREMETAL_SYS_DIRENT_H
#define BAREMETAL_SYS_DIRENT_H

#include <sys/types.h>

#define DT_UNKNOWN 0
#define DTTOIF(type) ((type) << 12)

struct dirent {
    ino_t d_ino;
    unsigned char d_type;
    char d_name[256];
};

typedef struct baremetal_dir DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);

#endif
