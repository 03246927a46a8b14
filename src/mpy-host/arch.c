// `mpy-host --arch ARCH`: hands the command line to the runtime built for
// ARCH. A runtime that is a host program is first executed directly; where
// the kernel refuses the program's format (execv fails with ENOEXEC: a
// 64-bit kernel built without IA-32 emulation refuses every i386 program),
// it runs under the user-mode QEMU for that instruction set instead.
// argv[0] stays the user's, so that messages name the command they typed.
// A runtime that is bare-metal firmware (src/baremetal/) runs on its board
// in QEMU's system emulator, its command line passed by semihosting.
// readlink() is POSIX.1-2008.
#define _POSIX_C_SOURCE 200809L

#include "mpy-host/arch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpy/mpy_arch.h"

#if defined(__SANITIZE_ADDRESS__)
#define HOST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HOST_ASAN 1
#endif
#endif

typedef struct {
    const char *name;       // the --arch value
    const char *program;    // its runtime, relative to the build folder
    const char *built_when; // what `make` needs to build it
    const char *emulator;   // user-mode QEMU that runs it on any kernel, or
                            // the system emulator that runs the firmware
    const char *emulator_package;
    const char *machine;    // firmware: QEMU's board for it; NULL: a host program
    const char *cpu;        // firmware: the core, where the board has no default one
} host_arch_runtime_t;

#define ARM_FIRMWARE_BUILT "where arm-none-eabi-gcc and picolibc can link (Debian: gcc-arm-none-eabi picolibc-arm-none-eabi)"
#define XTENSA_FIRMWARE_BUILT \
    "where xtensa-lx106-elf-gcc and picolibc can link (Debian: gcc-xtensa-lx106 picolibc-xtensa-lx106-elf)"
#define RISCV_FIRMWARE_BUILT \
    "where riscv64-unknown-elf-gcc and picolibc can link (Debian: gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf)"

// The boards: docs/qemu.md says why each.
#define ARCH_RUNTIME_COUNT 9
static const host_arch_runtime_t arch_runtimes[ARCH_RUNTIME_COUNT] = {
    {"x64", "mpy-host", "always", "qemu-x86_64", "qemu-user", NULL, NULL},
    {"x86", "x86/mpy-host", "where gcc -m32 can link (Debian: gcc-multilib)", "qemu-i386", "qemu-user", NULL, NULL},
    {"armv6m", "armv6m/firmware.elf", ARM_FIRMWARE_BUILT, "qemu-system-arm", "qemu-system-arm", "mps2-an385", NULL},
    {"armv7m", "armv7m/firmware.elf", ARM_FIRMWARE_BUILT, "qemu-system-arm", "qemu-system-arm", "mps2-an385", NULL},
    {"armv7emsp", "armv7emsp/firmware.elf", ARM_FIRMWARE_BUILT, "qemu-system-arm", "qemu-system-arm", "mps2-an386", NULL},
    {"armv7emdp", "armv7emdp/firmware.elf", ARM_FIRMWARE_BUILT, "qemu-system-arm", "qemu-system-arm", "mps2-an500", NULL},
    {"rv32imc", "rv32imc/firmware.elf", RISCV_FIRMWARE_BUILT, "qemu-system-riscv32", "qemu-system-misc", "virt", NULL},
    {"rv64imc", "rv64imc/firmware.elf", RISCV_FIRMWARE_BUILT, "qemu-system-riscv64", "qemu-system-misc", "virt", NULL},
    {"xtensa", "xtensa/firmware.elf", XTENSA_FIRMWARE_BUILT, "qemu-system-xtensa", "qemu-system-misc", "sim", "lx106"},
};

bool host_arch_is_own(const char *arch) {
    return strcmp(arch, HOST_ARCH_NAME) == 0;
}

static const host_arch_runtime_t *find_runtime(const char *arch) {
    for (size_t i = 0; i < ARCH_RUNTIME_COUNT; i++) {
        if (strcmp(arch_runtimes[i].name, arch) == 0) {
            return &arch_runtimes[i];
        }
    }
    return NULL;
}

static bool is_mpy_arch(const char *arch) {
    for (unsigned code = 1; code <= MPY_ARCH_MAX_KNOWN; code++) {
        if (strcmp(mpy_arch_name(code), arch) == 0) {
            return true;
        }
    }
    return false;
}

const char *host_arch_from_program_name(const char *argv0) {
    const char *slash = strrchr(argv0, '/');
    const char *name = slash == NULL ? argv0 : slash + 1;
    const char *prefix = "mpy-host-";
    size_t n = strlen(prefix);
    return strncmp(name, prefix, n) == 0 && is_mpy_arch(name + n) ? name + n : NULL;
}

static void report_unknown(const char *arch) {
    fprintf(stderr, "mpy-host: --arch %s: ", arch);
    if (is_mpy_arch(arch)) {
        fprintf(stderr, "this mpy-host cannot run %s code;", arch);
    } else {
        fprintf(stderr, "unknown architecture;");
    }
    fprintf(stderr, " it runs");
    for (size_t i = 0; i < ARCH_RUNTIME_COUNT; i++) {
        fprintf(stderr, "%s %s", i == 0 ? "" : i + 1 == ARCH_RUNTIME_COUNT ? " and" : ",", arch_runtimes[i].name);
    }
    fprintf(stderr, "\n");
}

// The runtime's path. This program is the runtime of its own architecture,
// so its path less its own entry's program gives the build folder.
static bool runtime_path(const host_arch_runtime_t *rt, char *path, size_t size) {
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n <= 0) {
        fprintf(stderr, "mpy-host: --arch %s: cannot find this program's folder: %s\n", rt->name,
            strerror(errno));
        return false;
    }
    self[n] = '\0';
    const host_arch_runtime_t *own = find_runtime(HOST_ARCH_NAME);
    size_t levels = 1; // the program's own name
    for (const char *p = own == NULL ? "" : own->program; *p != '\0'; p++) {
        levels += *p == '/';
    }
    int dir_len = (int)n;
    while (levels-- > 0 && dir_len > 0) {
        do {
            dir_len--;
        } while (dir_len > 0 && self[dir_len] != '/');
    }
    int len = snprintf(path, size, "%.*s/%s", dir_len, self, rt->program);
    if (len < 0 || (size_t)len >= size) {
        fprintf(stderr, "mpy-host: --arch %s: path too long\n", rt->name);
        return false;
    }
    return true;
}

// In an AddressSanitizer build (whose other runtimes are built alike), the
// leak check at exit stops the other threads with ptrace, which qemu-user
// does not emulate: an emulated program would hang, so the other runtimes go
// without. (A kernel may also hand them to qemu unasked, via binfmt_misc.)
static void disable_leak_check(void) {
#ifdef HOST_ASAN
    const char *old = getenv("ASAN_OPTIONS");
    char options[1024];
    snprintf(options, sizeof(options), "%s%sdetect_leaks=0", old == NULL ? "" : old,
        old == NULL || *old == '\0' ? "" : ":");
    setenv("ASAN_OPTIONS", options, 1);
#endif
}

static void exec_under_emulator(const host_arch_runtime_t *rt, const char *path, char **argv) {
    size_t argc = 0;
    while (argv[argc] != NULL) {
        argc++;
    }
    // emulator -0 ARGV0 PATH ARGV[1..] NULL
    char **qemu_argv = calloc(argc + 4, sizeof(char *));
    if (qemu_argv == NULL) {
        fprintf(stderr, "mpy-host: out of memory\n");
        return;
    }
    qemu_argv[0] = (char *)rt->emulator;
    qemu_argv[1] = (char *)"-0";
    qemu_argv[2] = argv[0];
    qemu_argv[3] = (char *)path;
    for (size_t i = 1; i < argc; i++) {
        qemu_argv[3 + i] = argv[i];
    }
    execvp(rt->emulator, qemu_argv);
    if (errno == ENOENT) {
        fprintf(stderr,
            "mpy-host: this machine's kernel cannot run %s programs such as %s, and %s is not installed "
            "to run them under emulation: install it (Debian: %s)\n",
            rt->name, path, rt->emulator, rt->emulator_package);
    } else {
        fprintf(stderr, "mpy-host: cannot run %s under %s: %s\n", path, rt->emulator, strerror(errno));
    }
    free(qemu_argv);
}

// Appends word to the semihosting argument list of QEMU's command line:
// ",arg=" and the word percent-encoded (QEMU joins the arguments with
// spaces and splits options at commas; src/baremetal/platform.c decodes).
static bool add_firmware_word(char **config, size_t *len, const char *word) {
    size_t need = *len + 5 + 3 * strlen(word) + 1;
    char *grown = realloc(*config, need);
    if (grown == NULL) {
        return false;
    }
    *config = grown;
    *len += (size_t)sprintf(*config + *len, ",arg=");
    for (const unsigned char *p = (const unsigned char *)word; *p != '\0'; p++) {
        if (*p <= ' ' || *p >= 0x7f || *p == '%' || *p == ',') {
            *len += (size_t)sprintf(*config + *len, "%%%02X", *p);
        } else {
            (*config)[(*len)++] = (char)*p;
        }
    }
    (*config)[*len] = '\0';
    return true;
}

// The environment the firmware sees: the variables mpy-host reads, and PWD
// (semihosting has no current folder; paths are relative to QEMU's).
static const char *const firmware_env[] = {"MICROPYPATH", "MICROPYINSPECT", "HOME"};

static void exec_firmware(const host_arch_runtime_t *rt, const char *path, char **argv) {
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "mpy-host: there is no %s firmware (%s): make builds it %s\n", rt->name, path,
            rt->built_when);
        return;
    }
    char *config = strdup("enable=on,target=native");
    size_t len = config == NULL ? 0 : strlen(config);
    bool ok = config != NULL;
    char cwd[PATH_MAX], var[PATH_MAX + 16];
    if (ok && getcwd(cwd, sizeof(cwd)) != NULL) {
        snprintf(var, sizeof(var), "PWD=%s", cwd);
        ok = add_firmware_word(&config, &len, var);
    }
    for (size_t i = 0; ok && i < sizeof(firmware_env) / sizeof(firmware_env[0]); i++) {
        const char *value = getenv(firmware_env[i]);
        if (value != NULL) {
            snprintf(var, sizeof(var), "%s=%s", firmware_env[i], value);
            ok = add_firmware_word(&config, &len, var);
        }
    }
    ok = ok && add_firmware_word(&config, &len, "--");
    for (size_t i = 0; ok && argv[i] != NULL; i++) {
        ok = add_firmware_word(&config, &len, argv[i]);
    }
    if (!ok) {
        fprintf(stderr, "mpy-host: out of memory\n");
        free(config);
        return;
    }
    char *qemu_argv[] = {
        (char *)rt->emulator, (char *)"-M", (char *)rt->machine, (char *)"-bios", (char *)"none", (char *)"-nographic",
        (char *)"-monitor", (char *)"none", (char *)"-serial", (char *)"none",
        (char *)"-semihosting-config", config, (char *)"-kernel", (char *)path,
        rt->cpu == NULL ? NULL : (char *)"-cpu", (char *)rt->cpu, NULL,
    };
    execvp(rt->emulator, qemu_argv);
    if (errno == ENOENT) {
        fprintf(stderr, "mpy-host: %s code runs under %s, which is not installed: install it (Debian: %s)\n",
            rt->name, rt->emulator, rt->emulator_package);
    } else {
        fprintf(stderr, "mpy-host: cannot run %s: %s\n", rt->emulator, strerror(errno));
    }
    free(config);
}

void host_arch_exec(const char *arch, char **argv) {
    const host_arch_runtime_t *rt = find_runtime(arch);
    if (rt == NULL) {
        report_unknown(arch);
        return;
    }
    char path[PATH_MAX];
    if (!runtime_path(rt, path, sizeof(path))) {
        return;
    }
    if (rt->machine != NULL) {
        exec_firmware(rt, path, argv);
        return;
    }
    disable_leak_check();
    execv(path, argv);
    if (errno == ENOEXEC) {
        exec_under_emulator(rt, path, argv);
    } else if (errno == ENOENT) {
        fprintf(stderr, "mpy-host: there is no %s runtime (%s): make builds it %s\n", arch, path,
            rt->built_when);
    } else {
        fprintf(stderr, "mpy-host: cannot run %s: %s\n", path, strerror(errno));
    }
}
