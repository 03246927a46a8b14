#!/usr/bin/env bash
# The native-code loader, differentially: each x64 linker test module that
# only needs the stubbed table entries is run compiled into a test program
# and loaded from the .mpy that mpy-ld links (tests/runtime/test_native_code.c).
. "$(dirname "$0")/../lib.sh"
make_tmpdir
: "${TEST_CC:=cc}"
: "${TEST_CFLAGS:=-O2 -g}"
MODS=$TOP/tests/ld/modules
if [ "$(uname -m)" != x86_64 ]; then
    test_skip runtime/native-code "the host is not x86-64"
    exit 0
fi
for mod in basic rodata bss multi; do
    name=runtime/native-code/$mod
    srcs=$(cat "$MODS/$mod/SRC")
    objs=()
    (cd "$MODS/$mod" && cp $srcs "$mod.config.h" "$TMP/") 2>/dev/null
    cp "$MODS/$mod"/*.h "$TMP/" 2>/dev/null
    ok=1
    for s in $srcs; do
        # The module as ordinary C in this program, and as mpy-ld links it.
        $TEST_CC -std=c99 -Os -fpic -fno-common -fno-stack-protector -I"$MODS" -I"$TMP" \
            -include "$TMP/$mod.config.h" -Dmpy_init=native_mpy_init -c "$TMP/$s" \
            -o "$TMP/native_${s%.c}.o" 2>"$TMP/cc.log" &&
            $TEST_CC -std=c99 -Os -fpic -fno-common -fno-stack-protector -I"$MODS" -I"$TMP" \
                -include "$TMP/$mod.config.h" -c "$TMP/$s" -o "$TMP/${s%.c}.o" 2>>"$TMP/cc.log" ||
            ok=0
        objs+=("${s%.c}.o")
    done
    if [ $ok = 0 ]; then
        test_fail "$name" "compile: $(head -c 300 "$TMP/cc.log")"
        continue
    fi
    (cd "$TMP" && "$MPY_LD" --arch x64 --qstrs "$mod.config.h" -o "$mod.mpy" "${objs[@]}" \
        >/dev/null 2>"$TMP/ld.log") || { test_fail "$name" "link: $(cat "$TMP/ld.log")"; continue; }
    # shellcheck disable=SC2086
    if ! $TEST_CC -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L $TEST_CFLAGS \
        -I"$TOP/src" -I"$TOP" "$TOP/tests/runtime/test_native_code.c" "$TOP/src/runtime/native_code.c" "$TOP/src/runtime/platform_posix.c" \
        "$TMP"/native_*.o "$TOOLS_DIR/libmpy.a" -o "$TMP/test_$mod" 2>"$TMP/build.log"; then
        test_fail "$name" "build: $(grep -m3 error "$TMP/build.log")"
        rm -f "$TMP"/native_*.o
        continue
    fi
    rm -f "$TMP"/native_*.o
    out=$("$TMP/test_$mod" "$TMP/$mod.mpy" 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && ! grep -q '^fail' <<<"$out"; then
        test_pass "$name ($(grep -c '^ok' <<<"$out") checks)"
    else
        test_fail "$name" "status $rc: $(head -c 1500 <<<"$out")"
    fi
done
