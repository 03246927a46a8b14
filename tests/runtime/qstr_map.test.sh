#!/usr/bin/env bash
# The runtime's qstr pool and maps (src/runtime/qstr.c, map.c), through the C
# driver tests/runtime/test_qstr_map.c: static qstr numbers and MicroPython's
# hashes, interning, map and set semantics against a reference model, growth,
# ROM tables, the map layout against the SDK's py/obj.h, and iteration orders
# recorded from MicroPython v1.21.
#
# Environment: CC (default cc), SANITIZE=1 (ASan + UBSan), ABI_DIR (default:
# shared/abi beside the repository, for the static qstr numbers of the ROM
# table that the SDK side defines).
source "$(dirname "$0")/../lib.sh"
make_tmpdir

: "${ABI_DIR:=$TOP/../shared/abi}"
CC=${CC:-cc}
CFLAGS=(-std=c11 -Wall -Wextra -Werror -O1 -g -D_POSIX_C_SOURCE=200809L -DMICROPY_SDK_RUNTIME=1 -I"$TOP")
if [ "${SANITIZE:-0}" = 1 ]; then
    CFLAGS+=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
fi
RUNTIME_SRC=("$TOP/src/runtime/qstr.c" "$TOP/src/runtime/map.c" "$TOP/src/mpy/qstr_static.c")
DRIVER="$TOP/tests/runtime/test_qstr_map.c"

# The SDK side needs what mpy-ld --preprocess would write: the integer types
# and, for its ROM table, static qstr numbers (taken from the ABI data).
cat >"$TMP/config.h" <<'EOF'
#include <stdint.h>
typedef uintptr_t mp_uint_t;
typedef intptr_t mp_int_t;
typedef uintptr_t mp_off_t;
EOF
SDK_DEFS=()
qlist="$ABI_DIR/mpy-6.1/static_qstrs.txt"
if [ -f "$qlist" ]; then
    qnum() { grep -nxF -- "$1" "$qlist" | head -n1 | cut -d: -f1; }
    for pair in NAME:__name__ APPEND:append SELF:self VALUE:value; do
        n=$(qnum "${pair#*:}")
        [ -n "$n" ] && SDK_DEFS+=(-DSDK_Q_"${pair%%:*}"="$n")
    done
    [ ${#SDK_DEFS[@]} -eq 4 ] || SDK_DEFS=()
fi

# build OUT CC EXTRA_FLAGS...: the driver and the runtime code, two units.
build() {
    local out=$1 cc=$2; shift 2
    "$cc" "${CFLAGS[@]}" "$@" -I"$TOP" -DMICROPY_ENABLE_DYNRUNTIME \
        -DMP_CONFIGFILE="\"$TMP/config.h\"" -DSDK_SIDE "${SDK_DEFS[@]}" \
        -c -o "$out.sdk.o" "$DRIVER" &&
        "$cc" "${CFLAGS[@]}" "$@" -I"$TOP/src" "${SDK_DEFS[@]}" -o "$out" \
            "$DRIVER" "${RUNTIME_SRC[@]}" "$out.sdk.o"
}

# run_driver BIN [SUFFIX]: one test_pass/fail/skip per line the driver prints.
run_driver() {
    local bin=$1 suffix=${2:-} status
    "$bin" >"$TMP/out" 2>"$TMP/err"
    status=$?
    while read -r verdict name why; do
        case $verdict in
            pass) test_pass "$name$suffix" ;;
            fail) test_fail "$name$suffix" "$why" ;;
            skip) test_skip "$name$suffix" "$why" ;;
        esac
    done < <(sed -e 's/^\(fail\|skip\) \([^:]*\): /\1 \2 /' "$TMP/out")
    # Status 1 goes with failures reported above; anything else (a crash, a
    # sanitizer report) or a silent 1 is a failure of its own.
    if [ "$status" -gt 1 ] || { [ "$status" -eq 1 ] && ! grep -q '^fail ' "$TMP/out"; }; then
        test_fail "runtime/qstr_map/driver$suffix" \
            "exit status $status: $(head -c 600 "$TMP/err" | tr '\n' ' ')"
    fi
}

if build "$TMP/test" "$CC" 2>"$TMP/build.err"; then
    test_pass "runtime/qstr_map/build"
    run_driver "$TMP/test"
else
    test_fail "runtime/qstr_map/build" "$(head -c 600 "$TMP/build.err" | tr '\n' ' ')"
fi

# Warning-free under the other compilers too, and right on 32 bits (where
# mp_map_t's used field is 29 bits wide).
for cc in gcc clang; do
    [ "$(basename "$CC")" = "$cc" ] && continue
    if ! have_tool "$cc"; then
        test_skip "runtime/qstr_map/build-$cc" "$cc not installed"
    elif build "$TMP/test-$cc" "$cc" 2>"$TMP/build.err"; then
        test_pass "runtime/qstr_map/build-$cc"
    else
        test_fail "runtime/qstr_map/build-$cc" "$(head -c 600 "$TMP/build.err" | tr '\n' ' ')"
    fi
done
if ! x86_probe "$CC" "${CFLAGS[@]}"; then
    test_skip "runtime/qstr_map/m32" "$X86_WHY"
elif build "$TMP/test32" "$CC" -m32 2>"$TMP/build.err" && x86_wrap "$TMP/test32"; then
    run_driver "$TMP/test32" "/m32"
else
    test_fail "runtime/qstr_map/m32" "$(head -c 600 "$TMP/build.err" | tr '\n' ' ')"
fi
