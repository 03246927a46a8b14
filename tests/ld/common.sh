# shellcheck shell=bash disable=SC2034,SC2086
# Shared by the scripts of the linker test corpus (tests/ld/): the list of
# architectures, the compiler and flags for each (the same as a module
# Makefile that includes py/dynruntime.mk would use), and small helpers.
# Source it; it defines functions only.

LD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LD_MODULES=$LD_DIR/modules
LD_OBJS=$LD_DIR/objs
LD_GOLDEN=$LD_DIR/golden

# Architectures with their own objects; xtensawin links the xtensa objects.
LD_OBJ_ARCHS="x86 x64 armv6m armv7m armv7emsp armv7emdp xtensa"
LD_LINK_ARCHS="$LD_OBJ_ARCHS xtensawin"

# ld_obj_arch ARCH: the architecture whose objects ARCH links.
ld_obj_arch() {
    case $1 in
        xtensawin) echo xtensa ;;
        *) echo "$1" ;;
    esac
}

# ld_cc ARCH: compiler command for ARCH.
ld_cc() {
    case $1 in
        x86) echo "gcc -m32" ;;
        x64) echo "gcc" ;;
        armv6m | armv7m | armv7emsp | armv7emdp) echo "arm-none-eabi-gcc" ;;
        xtensa) echo "xtensa-lx106-elf-gcc" ;;
        *) return 1 ;;
    esac
}

# ld_cc_package ARCH: Debian package that provides the compiler.
ld_cc_package() {
    case $1 in
        x86) echo gcc-multilib ;;
        x64) echo gcc ;;
        armv6m | armv7m | armv7emsp | armv7emdp) echo gcc-arm-none-eabi ;;
        xtensa) echo gcc-xtensa-lx106 ;;
    esac
}

# ld_have_cc ARCH: true when the compiler for ARCH works (for x86 this
# needs the 32-bit multilib headers, so try a real compile).
ld_have_cc() {
    local cc
    cc=$(ld_cc "$1") || return 1
    command -v "${cc%% *}" >/dev/null 2>&1 || return 1
    echo '#include <stdint.h>
int ld_probe;' | $cc -x c -c -o /dev/null - >/dev/null 2>&1
}

# ld_cflags ARCH: compiler flags for ARCH (without the per-module parts).
ld_cflags() {
    local common="-std=c99 -Os -Wall -Werror -DNDEBUG -DNO_QSTR -DMICROPY_ENABLE_DYNRUNTIME"
    common="$common -fpic -fno-common -U _FORTIFY_SOURCE"
    case $1 in
        x86) echo "$common -m32 -fno-stack-protector -DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_DOUBLE" ;;
        x64) echo "$common -fno-stack-protector -DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_DOUBLE" ;;
        armv6m) echo "$common -mthumb -mcpu=cortex-m0 -DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_NONE" ;;
        armv7m) echo "$common -mthumb -mcpu=cortex-m3 -DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_NONE" ;;
        armv7emsp) echo "$common -mthumb -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard -DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_FLOAT" ;;
        armv7emdp) echo "$common -mthumb -mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard -DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_DOUBLE" ;;
        xtensa) echo "$common -mforce-l32 -DMICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_NONE" ;;
        *) return 1 ;;
    esac
}

# ld_modules: names of all test modules.
ld_modules() {
    local d
    for d in "$LD_MODULES"/*/; do
        [ -f "$d/SRC" ] && basename "$d"
    done
}

# ld_module_srcs NAME: the module's C sources in link order.
ld_module_srcs() {
    grep -v '^[[:space:]]*\(#\|$\)' "$LD_MODULES/$1/SRC"
}

# ld_module_objs NAME: the module's object file names in link order.
ld_module_objs() {
    ld_module_srcs "$1" | sed 's/\.c$/.o/'
}

# ld_module_has_arch NAME ARCH: true when NAME is built for ARCH (object arch).
ld_module_has_arch() {
    local f=$LD_MODULES/$1/ARCHS
    [ ! -f "$f" ] || grep -qx "$2" "$f"
}

# ld_compile NAME ARCH OUTDIR: compile module NAME for ARCH into OUTDIR.
ld_compile() {
    local name=$1 arch=$2 out=$3 cc flags src
    cc=$(ld_cc "$arch") && flags=$(ld_cflags "$arch") || return 1
    mkdir -p "$out" || return 1
    for src in $(ld_module_srcs "$name"); do
        # Run in the module folder with relative names only, so the objects
        # do not depend on where the tree is checked out.
        (cd "$LD_MODULES/$name" &&
            $cc $flags -I.. -include "$name.config.h" -c -o "$out/${src%.c}.o" "$src") || return 1
    done
}

# ld_stage NAME ARCH DIR: copy the module's objects (for ARCH's object arch)
# and config header into DIR, and print the object names in link order.
ld_stage() {
    local name=$1 objarch o
    objarch=$(ld_obj_arch "$2")
    cp "$LD_MODULES/$name/$name.config.h" "$3/" || return 1
    if [ -f "$LD_MODULES/$name/$name.externs.ld" ]; then
        cp "$LD_MODULES/$name/$name.externs.ld" "$3/" || return 1
    fi
    for o in $(ld_module_objs "$name"); do
        cp "$LD_OBJS/$objarch/$name/$o" "$3/" || return 1
    done
    ld_module_objs "$name"
}

# ld_link_args ARCH NAME OBJS...: the arguments a linker gets for a module
# (after the program name), identical for the reference and for mpy-ld.
# A module with a NAME.externs.ld gets its fixed-address symbols (-e).
ld_link_args() {
    local arch=$1 name=$2 externs=
    shift 2
    [ -f "$LD_MODULES/$name/$name.externs.ld" ] && externs="-e $name.externs.ld "
    echo "-vvv --arch $arch --qstrs $name.config.h $externs-o $name.mpy $*"
}
