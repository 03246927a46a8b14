// The semihosting calls of semihost_calls.h on xtensa, over the simulator
// calls of QEMU's xtensa targets (the `simcall` instruction: a2 the call,
// a3-a5 its arguments; the result comes back in a2 and the error number in
// a3). The calls are POSIX's on the host's descriptors (QEMU's
// target/xtensa/xtensa-semi.c): exit 1, read 3, write 4, open 5, close 6,
// lseek 19, and the semihosting arguments (argc 1000, argv_sz 1001, argv
// 1002). Descriptors 0-2 are QEMU's own standard input, output and error.
// Debian's QEMU 7.2 hands open's flags to the host's open() as they are
// (measured: GDB File-I/O's O_CREAT, 0x200, does not create a file; Linux's,
// 0x40, does), so they are Linux's numbers, and so are the error numbers
// (the same as picolibc's for the errors a file call gives).
//
// The Arm interface names a file by a handle that is never 0: a handle
// here is the host descriptor plus one. The console, ":tt", opens as
// descriptor 0, 1 or 2 by mode, as Arm semihosting's does. There is no call
// to remove or rename a file, to tell a file's length or the time: the
// length comes from seeking to the end, the time from the cycle counter,
// and remove and rename fail with ENOSYS.
//
// Also what picolibc's OS libraries give a program on Arm: the C library's
// console (stdin, stdout, stderr), _exit, kill (abort's way out), getpid,
// times and gettimeofday. The simulator calls tell no time of day, so
// gettimeofday counts from the firmware's start (time.time() is seconds
// since 1970 plus the run time so far, that is, near 0).
#include "semihost_calls.h"

#if defined(__XTENSA__)

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/times.h>
#include <unistd.h>

enum {
    SIM_EXIT = 1,
    SIM_READ = 3,
    SIM_WRITE = 4,
    SIM_OPEN = 5,
    SIM_CLOSE = 6,
    SIM_LSEEK = 19,
    SIM_ARGC = 1000,
    SIM_ARGV_SZ = 1001,
    SIM_ARGV = 1002,
};

// Linux's open flags and lseek origins, which QEMU passes to the host.
enum {
    SIM_O_RDONLY = 0,
    SIM_O_WRONLY = 1,
    SIM_O_RDWR = 2,
    SIM_O_CREAT = 0x40,
    SIM_O_TRUNC = 0x200,
    SIM_O_APPEND = 0x400,
    SIM_SEEK_SET = 0,
    SIM_SEEK_CUR = 1,
    SIM_SEEK_END = 2,
};

// The error number of the last failed call.
static int last_error;

static int32_t simcall(int32_t call, int32_t a, int32_t b, int32_t c) {
    register int32_t a2 __asm__ ("a2") = call;
    register int32_t a3 __asm__ ("a3") = a;
    register int32_t a4 __asm__ ("a4") = b;
    register int32_t a5 __asm__ ("a5") = c;
    __asm__ volatile ("simcall" : "+r" (a2), "+r" (a3) : "r" (a4), "r" (a5) : "memory");
    if (a2 == -1) {
        last_error = a3;
    }
    return a2;
}

int sys_semihost_errno(void) {
    return last_error;
}

__attribute__((noreturn)) void sys_semihost_exit_extended(uintptr_t code) {
    for (;;) {
        simcall(SIM_EXIT, (int32_t)code, 0, 0);
    }
}

__attribute__((noreturn)) void _exit(int status) {
    sys_semihost_exit_extended((uintptr_t)status);
}

// Arm's modes "r", "r+", "w", "w+", "a", "a+" (each also binary: the same).
int sys_semihost_open(const char *pathname, int semiflags) {
    static const int32_t flags[6] = {
        SIM_O_RDONLY, SIM_O_RDWR,
        SIM_O_WRONLY | SIM_O_CREAT | SIM_O_TRUNC, SIM_O_RDWR | SIM_O_CREAT | SIM_O_TRUNC,
        SIM_O_WRONLY | SIM_O_CREAT | SIM_O_APPEND, SIM_O_RDWR | SIM_O_CREAT | SIM_O_APPEND,
    };
    if (semiflags < 0 || semiflags > SH_OPEN_A_PLUS_B) {
        last_error = EINVAL;
        return -1;
    }
    if (strcmp(pathname, ":tt") == 0) {
        return semiflags < SH_OPEN_W ? 1 : semiflags < SH_OPEN_A ? 2 : 3;
    }
    int32_t fd = simcall(SIM_OPEN, (int32_t)(uintptr_t)pathname, flags[semiflags / 2], 0644);
    return fd < 0 ? -1 : fd + 1;
}

int sys_semihost_close(int handle) {
    if (handle <= 3) {
        return 0; // the console stays open
    }
    return simcall(SIM_CLOSE, handle - 1, 0, 0) == 0 ? 0 : -1;
}

// Arm's read and write give the number of bytes not transferred.
uintptr_t sys_semihost_read(int handle, void *buf, size_t count) {
    int32_t n = simcall(SIM_READ, handle - 1, (int32_t)(uintptr_t)buf, (int32_t)count);
    return n < 0 ? (uintptr_t)-1 : count - (size_t)n;
}

uintptr_t sys_semihost_write(int handle, const void *buf, uintptr_t count) {
    int32_t n = simcall(SIM_WRITE, handle - 1, (int32_t)(uintptr_t)buf, (int32_t)count);
    return n < 0 ? (uintptr_t)-1 : count - (uintptr_t)n;
}

int sys_semihost_seek(int handle, uintptr_t pos) {
    return simcall(SIM_LSEEK, handle - 1, (int32_t)pos, SIM_SEEK_SET) < 0 ? -1 : 0;
}

uintptr_t sys_semihost_flen(int handle) {
    int32_t here = simcall(SIM_LSEEK, handle - 1, 0, SIM_SEEK_CUR);
    if (here < 0) {
        return (uintptr_t)-1;
    }
    int32_t end = simcall(SIM_LSEEK, handle - 1, 0, SIM_SEEK_END);
    simcall(SIM_LSEEK, handle - 1, here, SIM_SEEK_SET);
    return end < 0 ? (uintptr_t)-1 : (uintptr_t)end;
}

// The console is QEMU's terminal; a file is none.
int sys_semihost_istty(int handle) {
    return handle <= 3;
}

int sys_semihost_remove(const char *pathname) {
    (void)pathname;
    last_error = ENOSYS;
    return -1;
}

int sys_semihost_rename(const char *old_pathname, const char *new_pathname) {
    (void)old_pathname;
    (void)new_pathname;
    last_error = ENOSYS;
    return -1;
}

// CCOUNT counts the core's cycles: QEMU advances it with its virtual clock
// at the core's clock frequency. Centiseconds, extended past the 32-bit
// counter's wrap (read often enough: a wrap takes over a minute).
#define CCOUNT_HZ 40000000u

uintptr_t sys_semihost_clock(void) {
    static uint32_t last;
    static uint64_t high;
    uint32_t now;
    __asm__ volatile ("rsr.ccount %0" : "=r" (now));
    if (now < last) {
        high += (uint64_t)1 << 32;
    }
    last = now;
    return (uintptr_t)((high + now) / (CCOUNT_HZ / 100));
}

// The status a host program killed by sig gets.
int kill(pid_t pid, int sig) {
    (void)pid;
    sys_semihost_exit_extended(128u + (unsigned)sig);
}

pid_t getpid(void) {
    return 1;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz) {
    (void)tz;
    uintptr_t cs = sys_semihost_clock();
    tv->tv_sec = (time_t)(cs / 100);
    tv->tv_usec = (suseconds_t)(cs % 100 * 10000);
    return 0;
}

// CLOCKS_PER_SEC ticks: the firmware's run time, all of it the program's.
clock_t times(struct tms *buf) {
    clock_t now = (clock_t)((uint64_t)sys_semihost_clock() * (CLOCKS_PER_SEC / 100));
    buf->tms_utime = now;
    buf->tms_stime = 0;
    buf->tms_cutime = 0;
    buf->tms_cstime = 0;
    return now;
}

// The semihosting arguments, joined by spaces as Arm's SYS_GET_CMDLINE
// gives them.
int sys_semihost_get_cmdline(char *buf, int size) {
    int32_t argc = simcall(SIM_ARGC, 0, 0, 0);
    int32_t bytes = simcall(SIM_ARGV_SZ, 0, 0, 0);
    if (argc < 0 || bytes < 0) {
        return -1;
    }
    char **argv = malloc((size_t)bytes);
    if (argv == NULL) {
        return -1;
    }
    simcall(SIM_ARGV, (int32_t)(uintptr_t)argv, 0, 0);
    int len = 0;
    bool fits = true;
    for (int32_t i = 0; i < argc && fits; i++) {
        size_t n = strlen(argv[i]);
        fits = (size_t)len + n + 1 < (size_t)size;
        if (fits) {
            if (i > 0) {
                buf[len++] = ' ';
            }
            memcpy(buf + len, argv[i], n);
            len += (int)n;
        }
    }
    free(argv);
    if (!fits || size <= 0) {
        return -1;
    }
    buf[len] = '\0';
    return 0;
}

// picolibc's console streams, unbuffered: a byte per call.
static int console_put(char c, FILE *file) {
    int fd = file == stderr ? 2 : 1;
    return simcall(SIM_WRITE, fd, (int32_t)(uintptr_t)&c, 1) == 1 ? (unsigned char)c : EOF;
}

static int console_get(FILE *file) {
    (void)file;
    unsigned char c;
    return simcall(SIM_READ, 0, (int32_t)(uintptr_t)&c, 1) == 1 ? c : EOF;
}

static FILE console_in = FDEV_SETUP_STREAM(NULL, console_get, NULL, _FDEV_SETUP_READ);
static FILE console_out = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
static FILE console_err = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdin = &console_in;
FILE *const stdout = &console_out;
FILE *const stderr = &console_err;

#endif
