# shellcheck shell=bash disable=SC2034,SC2046,SC2086
# Shared by the scripts of the linker test corpus (tests/ld/): the list of
# architectures, the compiler and flags for each (the same as a module
# Makefile that includes py/dynruntime.mk would use), and small helpers.
# Source it; it defines functions only.

LD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LD_MODULES=$LD_DIR/modules
LD_OBJS=$LD_DIR/objs
LD_GOLDEN=$LD_DIR/golden

# Architectures with their own objects; xtensawin links the xtensa objects.
LD_OBJ_ARCHS="x86 x64 armv6m armv7m armv7emsp armv7emdp xtensa rv32imc rv64imc"
LD_LINK_ARCHS="$LD_OBJ_ARCHS xtensawin"

# ld_obj_arch ARCH: the architecture whose objects ARCH links.
ld_obj_arch() {
    case $1 in
        xtensawin) echo xtensa ;;
        *) echo "$1" ;;
    esac
}

# The compiler, flags and Debian package for each architecture come from
# py/dynruntime.mk (make print-toolchain), so that the test objects are
# compiled exactly as a module is; asked once per architecture.
LD_TOP=$(cd "$LD_DIR/../.." && pwd)
declare -A LD_TOOLCHAIN_CACHE=()
ld_toolchain() { # ARCH FIELD: CC, CFLAGS or TOOLCHAIN_PKG
    if [ -z "${LD_TOOLCHAIN_CACHE[$1]+set}" ]; then
        LD_TOOLCHAIN_CACHE[$1]=$(make -s --no-print-directory -f "$LD_TOP/py/dynruntime.mk" \
            MPY_DIR="$LD_TOP" ARCH="$1" print-toolchain 2>/dev/null) || LD_TOOLCHAIN_CACHE[$1]=
    fi
    [ -n "${LD_TOOLCHAIN_CACHE[$1]}" ] || return 1
    sed -n "s/^$2=//p" <<<"${LD_TOOLCHAIN_CACHE[$1]}"
}

# ld_cc ARCH: compiler command for ARCH (x86: gcc, whose -m32 is in the flags).
ld_cc() {
    ld_toolchain "$1" CC
}

# ld_cc_package ARCH: Debian package(s) that provide the compiler.
ld_cc_package() {
    ld_toolchain "$1" TOOLCHAIN_PKG
}

# ld_have_cc ARCH: true when the compiler for ARCH works (for x86 this
# needs the 32-bit multilib headers, so try a real compile).
ld_have_cc() {
    local cc
    cc=$(ld_cc "$1") || return 1
    command -v "${cc%% *}" >/dev/null 2>&1 || return 1
    echo '#include <stdint.h>
int ld_probe;' | $cc $(ld_cflags "$1") -x c -c -o /dev/null - >/dev/null 2>&1
}

# ld_sdk_objs NAME OBJARCH: runs the calling script's build_objs OBJARCH
# (its module built with the SDK) and sets LD_LIBGCC to that compiler's
# libgcc; without a compiler reports NAME skipped, when the build fails
# reports it failed, and returns 1.
ld_sdk_objs() {
    local name=$1 objarch=$2 cc
    if ! ld_have_cc "$objarch"; then
        test_skip "$name" "no compiler for $objarch ($(ld_cc "$objarch")): install $(ld_cc_package "$objarch")"
        return 1
    fi
    if ! build_objs "$objarch"; then
        test_fail "$name" "the SDK did not build the module: $(tail -3 "$TMP/$objarch/make.log")"
        return 1
    fi
    cc=$(ld_cc "$objarch")
    LD_LIBGCC=$($cc $(ld_cflags "$objarch") -print-libgcc-file-name)
}

# ld_cflags ARCH: compiler flags for ARCH (without the per-module parts).
ld_cflags() {
    ld_toolchain "$1" CFLAGS
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
