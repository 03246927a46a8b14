#!/usr/bin/env bash
# The SDK headers on their own:
#  - mp_fun_table's order in py/nativeglue.h, for each .mpy sub-version,
#    against the ABI data in shared/abi (entry by entry, on 64 and 32 bits);
#  - every MP_QSTR_xxx the headers use is a static qstr (the headers are not
#    scanned for qstrs, so they may only use the firmware's own);
#  - tests/sdk/modules/sdkapi/sdkapi.c, which uses most of the API, compiles
#    with -Wall -Werror under gcc and clang for every installed target and
#    every sub-version (the _Static_asserts there pin the layouts);
#  - every header compiles as C++ (g++ and clang++, C++17 and C++20), with
#    the function-object macros used.
#
# Optional environment: ABI_DIR (default: shared/abi beside the repository).
source "$(dirname "$0")/../lib.sh"

: "${ABI_DIR:=$TOP/../shared/abi}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A config header like the one mpy-ld writes, for compiling without a module.
cat >"$WORK/config.h" <<'EOF'
#include <stdint.h>
typedef uintptr_t mp_uint_t;
typedef intptr_t mp_int_t;
typedef uintptr_t mp_off_t;
EOF

# fun_table SUBVER CFLAGS...: the entries of py/nativeglue.h against
# $ABI_DIR/mpy-6.SUBVER/fun_table.txt.
fun_table() {
    local sub=$1; shift
    local data="$ABI_DIR/mpy-6.$sub/fun_table.txt" src="$WORK/fun_table_$sub.c"
    {
        echo '#include "py/nativeglue.h"'
        while read -r index field; do
            echo "_Static_assert(offsetof(mp_fun_table_t, $field) == $index * sizeof(void *), \"$field at $index\");"
        done <"$data"
        echo "_Static_assert(sizeof(mp_fun_table_t) == $(wc -l <"$data") * sizeof(void *), \"table size\");"
    } >"$src"
    gcc "$@" -std=c99 -fsyntax-only -Wall -Werror -I"$TOP" -DMICROPY_ENABLE_DYNRUNTIME -DNO_QSTR \
        -DMP_CONFIGFILE="\"$WORK/config.h\"" -DMPY_SUB_VERSION="$sub" "$src" 2>&1
}

if [ -d "$ABI_DIR" ]; then
    for sub in 1 2 3; do
        for bits in 64 32; do
            flags=()
            [ "$bits" = 32 ] && flags=(-m32)
            if [ "$bits" = 32 ] && ! echo 'int x;' | gcc -m32 -include stdint.h -x c -c -o /dev/null - 2>/dev/null; then
                test_skip "sdk/headers/fun_table/6.$sub/$bits" "gcc -m32 not usable (Debian: gcc-multilib)"
                continue
            fi
            if out=$(fun_table "$sub" "${flags[@]}"); then
                test_pass "sdk/headers/fun_table/6.$sub/$bits"
            else
                test_fail "sdk/headers/fun_table/6.$sub/$bits" "$(echo "$out" | grep -m1 -A1 'error' | tr -s ' \n' ' ')"
            fi
        done
    done

    missing=""
    # (names in comments, such as examples of module code, do not count)
    for q in $(sed -e 's://.*::' "$TOP"/py/*.h | grep -o 'MP_QSTR_[A-Za-z0-9_]*' | sort -u); do
        grep -qxF "${q#MP_QSTR_}" "$ABI_DIR/mpy-6.1/static_qstrs.txt" || missing="$missing ${q#MP_QSTR_}"
    done
    if [ -z "$missing" ]; then
        test_pass "sdk/headers/static-qstrs"
    else
        test_fail "sdk/headers/static-qstrs" "not static qstrs:$missing"
    fi
else
    test_skip "sdk/headers/abi-data" "no ABI data at $ABI_DIR"
fi

# An API of a later .mpy version stops the compile with a message naming
# the release that has it; mp_obj_exception_init works in every version.
# api_use SUBVER CALL: compiles a function making CALL for sub-version SUBVER.
api_use() {
    printf '#include "py/dynruntime.h"\nvoid f(mp_obj_t o, mp_obj_t *d, const mp_arg_t *a, mp_arg_val_t *v, mp_obj_full_type_t *t);\nvoid f(mp_obj_t o, mp_obj_t *d, const mp_arg_t *a, mp_arg_val_t *v, mp_obj_full_type_t *t) {\n    (void)o; (void)d; (void)a; (void)v; (void)t;\n    %s;\n}\n' "$2" >"$WORK/api.c"
    # the qstr config header, as a module build makes it
    "$MPY_LD" --preprocess -o "$WORK/api.config.h" "$WORK/api.c" >/dev/null 2>&1 || return 1
    gcc -std=c99 -Os -c -o /dev/null -Wall -Werror -I"$TOP" -DMICROPY_ENABLE_DYNRUNTIME -DNO_QSTR \
        -DMP_CONFIGFILE="\"$WORK/api.config.h\"" -DMPY_SUB_VERSION="$1" "$WORK/api.c" 2>&1
}
if have_tool gcc && [ -x "$MPY_LD" ]; then
    for call in "mp_load_method_maybe(o, MP_QSTR_append, d)" \
        "mp_arg_parse_all(1, d, NULL, 1, a, v)" "mp_arg_parse_all_kw_array(1, 0, d, 1, a, v)" \
        "(void)mp_binary_get_size('@', 'i', NULL)" "(void)mp_binary_get_val_array('i', d, 0)" \
        "mp_binary_set_val_array('i', d, 0, o)" "(void)mp_make_function_from_proto_fun(d, NULL, NULL)"; do
        api=${call#(void)}
        api=${api%%(*}
        for sub in 1 2; do
            out=$(api_use "$sub" "$call")
            if echo "$out" | grep -qF "$api needs MicroPython v1.23 or later (.mpy 6.3); this module is built for" &&
                echo "$out" | grep -qF "make MPY_VERSION=6.3"; then
                test_pass "sdk/headers/version-error/$api/6.$sub"
            else
                test_fail "sdk/headers/version-error/$api/6.$sub" "$(echo "$out" | grep -m1 error)"
            fi
        done
        if out=$(api_use 3 "$call"); then test_pass "sdk/headers/version-ok/$api/6.3"; else
            test_fail "sdk/headers/version-ok/$api/6.3" "$(echo "$out" | grep -m1 error)"; fi
    done
    out=$(api_use 3 "(void)mp_make_function_from_raw_code(d, NULL, NULL)")
    if echo "$out" | grep -qF "mp_make_function_from_raw_code is not in MicroPython v1.23 and later"; then
        test_pass sdk/headers/version-error/mp_make_function_from_raw_code/6.3
    else
        test_fail sdk/headers/version-error/mp_make_function_from_raw_code/6.3 "$(echo "$out" | grep -m1 error)"
    fi
    for sub in 1 2 3; do
        if out=$(api_use "$sub" "mp_obj_exception_init(t, MP_QSTR_ValueError, &mp_type_Exception)"); then
            test_pass "sdk/headers/exception-init/6.$sub"
        else
            test_fail "sdk/headers/exception-init/6.$sub" "$(echo "$out" | grep -m1 error)"
        fi
    done
fi

# The headers in C++ (C++ modules include them too: py/natmod_cxx.cpp).
cxx_headers() { # LABEL COMPILER FLAGS...
    local label=$1 src="$WORK/cxx.cpp"
    shift
    {
        for h in "$TOP"/py/*.h; do echo "#include \"py/$(basename "$h")\""; done
        printf 'static mp_obj_t f0() { return mp_const_none; }\n'
        printf 'static mp_obj_t f2(mp_obj_t a, mp_obj_t b) { (void)b; return a; }\n'
        printf 'static mp_obj_t fv(size_t n, const mp_obj_t *a) { (void)n; return a[0]; }\n'
        printf 'static mp_obj_t fk(size_t n, const mp_obj_t *a, mp_map_t *k) { (void)n; (void)k; return a[0]; }\n'
        printf 'MP_DEFINE_CONST_FUN_OBJ_0(f0_obj, f0);\nMP_DEFINE_CONST_FUN_OBJ_2(f2_obj, f2);\n'
        printf 'MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(fv_obj, 1, 2, fv);\nMP_DEFINE_CONST_FUN_OBJ_KW(fk_obj, 1, fk);\n'
        printf 'mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {\n'
        printf '    MP_DYNRUNTIME_INIT_ENTRY\n    mp_store_global(MP_QSTR_f0, MP_OBJ_FROM_PTR(&f0_obj));\n'
        printf '    mp_store_global(MP_QSTR_f2, MP_OBJ_FROM_PTR(&f2_obj));\n'
        printf '    mp_store_global(MP_QSTR_fv, MP_OBJ_FROM_PTR(&fv_obj));\n'
        printf '    mp_store_global(MP_QSTR_fk, MP_OBJ_FROM_PTR(&fk_obj));\n    MP_DYNRUNTIME_INIT_EXIT\n}\n'
    } >"$src"
    "$MPY_LD" --preprocess -o "$WORK/cxx.config.h" "$src" >/dev/null 2>&1 &&
        if out=$("$@" -fno-exceptions -fno-rtti -Wall -Werror -c -o "$WORK/cxx.o" -I"$TOP" \
            -DMICROPY_ENABLE_DYNRUNTIME -DNO_QSTR -DMP_CONFIGFILE="\"$WORK/cxx.config.h\"" "$src" 2>&1) &&
            nm "$WORK/cxx.o" | grep -q ' T mpy_init$'; then
            test_pass "sdk/headers/cxx/$label"
        else
            test_fail "sdk/headers/cxx/$label" "$(echo "$out" | grep -m1 error) (or mpy_init without C linkage)"
        fi
}
if [ -x "$MPY_LD" ]; then
    for std in c++17 c++20; do
        for cxx in g++ clang++; do
            if have_tool $cxx; then cxx_headers "$cxx/$std" $cxx -std=$std -fpic; else
                test_skip "sdk/headers/cxx/$cxx/$std" "$cxx not installed"; fi
        done
    done
    if have_tool arm-none-eabi-g++; then
        cxx_headers "arm-none-eabi-g++/c++17" arm-none-eabi-g++ -std=c++17 -mthumb -mcpu=cortex-m0 -fpic \
            -isystem /usr/lib/picolibc/arm-none-eabi/include
    fi
fi

# The API module under every compiler, target and sub-version.
MOD_SRC="$TOP/tests/sdk/modules/sdkapi"
mkdir -p "$WORK/sdkapi"
cp -r "$MOD_SRC"/. "$WORK/sdkapi/"
compile() {
    local label=$1; shift
    local build="build-${label//\//-}"
    if out=$(make -C "$WORK/sdkapi" MPY_DIR="$TOP" MPY_LD="$MPY_LD" BUILD="$build" "$@" "$build/sdkapi.o" 2>&1); then
        test_pass "sdk/headers/compile/$label"
    else
        test_fail "sdk/headers/compile/$label" "$(echo "$out" | grep -m1 -E 'error|Error')"
    fi
}

for arch in x64 x86 armv6m armv7m armv7emsp armv7emdp xtensa; do
    case $arch in
        x64) gcc_ok=$(have_tool gcc && echo y); clang_cc=clang ;;
        x86) gcc_ok=$(echo 'int x;' | gcc -m32 -include stdint.h -x c -c -o /dev/null - 2>/dev/null && echo y)
            clang_cc=clang ;;
        armv*) gcc_ok=$(have_tool arm-none-eabi-gcc && echo y)
            # clang finds the C library headers only through the picolibc
            # include directory that py/dynruntime.mk adds.
            clang_cc=""
            [ -d /usr/lib/picolibc/arm-none-eabi/include ] && clang_cc="clang --target=arm-none-eabi" ;;
        xtensa) gcc_ok=$(have_tool xtensa-lx106-elf-gcc && echo y); clang_cc="" ;;
    esac
    for sub in 1 2 3; do
        if [ -n "$gcc_ok" ]; then
            compile "gcc/$arch/6.$sub" ARCH="$arch" CFLAGS_EXTRA="-DMPY_SUB_VERSION=$sub"
        else
            test_skip "sdk/headers/compile/gcc/$arch/6.$sub" "no gcc for $arch"
        fi
        if [ -n "$clang_cc" ] && [ -n "$gcc_ok" ] && have_tool clang; then
            compile "clang/$arch/6.$sub" ARCH="$arch" CC="$clang_cc" CFLAGS_EXTRA="-DMPY_SUB_VERSION=$sub"
        fi
    done
done
# RISC-V exists in .mpy 6.3 only: its config header says so by itself.
for arch in rv32imc rv64imc; do
    if have_tool riscv64-unknown-elf-gcc; then
        compile "gcc/$arch/6.3" ARCH="$arch"
        if have_tool clang && [ -d /usr/lib/picolibc/riscv64-unknown-elf/include ]; then
            compile "clang/$arch/6.3" ARCH="$arch" CC="clang --target=riscv${arch:2:2}-unknown-elf"
        fi
    else
        test_skip "sdk/headers/compile/gcc/$arch/6.3" "no riscv64-unknown-elf-gcc (Debian: gcc-riscv64-unknown-elf)"
    fi
done
if [ -n "$(have_tool gcc && echo y)" ]; then
    compile "gcc/x64/c11" ARCH=x64 CFLAGS_EXTRA="-std=c11"
    have_tool clang && compile "clang/x64/c11" ARCH=x64 CC=clang CFLAGS_EXTRA="-std=c11"
fi
exit 0
