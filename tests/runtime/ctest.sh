# shellcheck shell=bash
# Building and running the runtime's C unit tests; sourced by
# tests/runtime/*.test.sh after tests/lib.sh.
#
# Compiler and flags come from the environment, as `make test` passes them:
# TEST_CC, TEST_CFLAGS (the build's CFLAGS: under SANITIZE=1 they carry the
# sanitizer flags) and TEST_LDFLAGS. The main build links
# $TOOLS_DIR/libruntime.a, as mpy-host will; the variants (x86, the other
# compiler, -O0) compile the runtime sources they need themselves.
#
# A test program prints "ok NAME", "fail NAME: WHY" and "# note" lines, then
# "done N" (tests/runtime/test_util.h).

source "$TOP/tests/fw-lib.sh"

CTEST_DIR=$TOP/tests/runtime
RUNTIME_DIR=$TOP/src/runtime
CTEST_WARN=(-std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -DMICROPY_SDK_RUNTIME=1 -I"$TOP")

# ctest_build OUT CC ARGS...: compile and link ARGS (flags, sources,
# libraries) into OUT with the test flags; the log goes to OUT.log.
ctest_build() {
    local out=$1 cc=$2
    shift 2
    # TEST_CFLAGS and TEST_LDFLAGS are flag lists: split on purpose.
    # shellcheck disable=SC2086
    $cc "${CTEST_WARN[@]}" $TEST_CFLAGS -I"$TOP/src" -I"$CTEST_DIR" "$@" $TEST_LDFLAGS \
        -o "$out" >"$out.log" 2>&1
}

# ctest_build_fail NAME OUT: report a failed build with its first errors.
ctest_build_fail() {
    test_fail "$1" "build failed: $(grep -m3 -E 'error|undefined' "$2.log" | tr -s ' \n' ' ')"
}

# ctest_run PREFIX PROGRAM [ARGS...]: one result per test case, named
# PREFIX/CASE, plus a failure named PREFIX when the program does not
# finish (a crash, a sanitizer report).
ctest_run() {
    local prefix=$1 prog=$2 out status line rest finished=""
    shift 2
    out=$("$prog" "$@" 2>&1)
    status=$?
    while IFS= read -r line; do
        case $line in
            "ok "*) test_pass "$prefix/${line#ok }" ;;
            "fail "*)
                rest=${line#fail }
                test_fail "$prefix/${rest%%:*}" "${rest#*: }"
                ;;
            "done "*) finished=1 ;;
            "# "*) echo "$line" ;;
        esac
    done <<<"$out"
    if [ -z "$finished" ] || [ "$status" -ne 0 ]; then
        test_fail "$prefix" "exit status $status: $(echo "$out" | grep -v '^ok ' | head -8 | tr -s ' \n' ' ')"
    fi
}

# ctest_run_all NAME PROGRAM [ARGS...]: a single result for the whole
# program: pass when every case passed and it finished.
ctest_run_all() {
    local name=$1 prog=$2 out status
    shift 2
    out=$("$prog" "$@" 2>&1)
    status=$?
    if [ "$status" -eq 0 ] && echo "$out" | grep -q '^done ' && ! echo "$out" | grep -q '^fail '; then
        test_pass "$name"
    else
        test_fail "$name" "exit status $status: $(echo "$out" | grep -v '^ok ' | head -8 | tr -s ' \n' ' ')"
    fi
}

# ctest_is_clang CC: true when CC is clang.
ctest_is_clang() {
    "$1" --version 2>/dev/null | grep -qi clang
}

# ctest_other_cc: the other installed compiler (clang for gcc and the
# reverse), or nothing.
ctest_other_cc() {
    if ctest_is_clang "$TEST_CC"; then
        have_tool gcc && echo gcc
    else
        have_tool clang && echo clang
    fi
}

# ctest_asan: true when the test flags enable AddressSanitizer.
ctest_asan() {
    case " $TEST_CFLAGS " in
        *-fsanitize=*address*) return 0 ;;
    esac
    return 1
}

# ctest_variants NAME SOURCES...: build and run the test program NAME from
# SOURCES (under tests/runtime) in every variant:
#   NAME/CASE        each case, TEST_CC, linked with libruntime.a
#   NAME/x86         TEST_CC -m32, run natively or under qemu-i386
#                    (skipped where neither builds and runs it, see x86_probe)
#   NAME/CC          the other compiler
#   NAME/O0          TEST_CC -O0 (frame pointers, everything spilled)
#   NAME/asan-fake-stack   under AddressSanitizer: again, with locals in
#                    fake frames (detect_stack_use_after_return=1)
# Also sets CTEST_PROG to the main build, for the caller's extra checks.
ctest_variants() {
    local name=$1 srcs=() src lib=$TOOLS_DIR/libruntime.a other
    shift
    for src in "$@"; do
        srcs+=("$CTEST_DIR/$src")
    done
    local runtime_srcs=("$RUNTIME_DIR/gc.c" "$RUNTIME_DIR/nlr.c" "$RUNTIME_DIR/nlr_x64.c"
        "$RUNTIME_DIR/nlr_x86.c")
    CTEST_PROG=$TMP/$name
    if [ ! -f "$lib" ]; then
        echo "# $lib not built: compiling the runtime sources instead"
        lib=("${runtime_srcs[@]}")
    fi
    if ctest_build "$CTEST_PROG" "$TEST_CC" "${srcs[@]}" "${lib[@]}"; then
        ctest_run "runtime/$name" "$CTEST_PROG"
        if ctest_asan; then
            ASAN_OPTIONS="$ASAN_OPTIONS:detect_stack_use_after_return=1" \
                ctest_run_all "runtime/$name/asan-fake-stack" "$CTEST_PROG"
        fi
    else
        CTEST_PROG=""
        ctest_build_fail "runtime/$name" "$TMP/$name"
    fi

    if x86_probe; then
        if ctest_build "$TMP/$name-x86" "$TEST_CC" -m32 "${srcs[@]}" "${runtime_srcs[@]}"; then
            x86_wrap "$TMP/$name-x86"
            ctest_run_all "runtime/$name/x86" "$TMP/$name-x86"
        else
            ctest_build_fail "runtime/$name/x86" "$TMP/$name-x86"
        fi
    else
        test_skip "runtime/$name/x86" "$X86_WHY"
    fi

    other=$(ctest_other_cc)
    if [ -n "$other" ]; then
        if ctest_build "$TMP/$name-$other" "$other" "${srcs[@]}" "${runtime_srcs[@]}"; then
            ctest_run_all "runtime/$name/$other" "$TMP/$name-$other"
        else
            ctest_build_fail "runtime/$name/$other" "$TMP/$name-$other"
        fi
    else
        test_skip "runtime/$name/other-cc" "only one of gcc and clang is installed"
    fi

    if ctest_build "$TMP/$name-O0" "$TEST_CC" -O0 "${srcs[@]}" "${runtime_srcs[@]}"; then
        ctest_run_all "runtime/$name/O0" "$TMP/$name-O0"
    else
        ctest_build_fail "runtime/$name/O0" "$TMP/$name-O0"
    fi
}

# ctest_build_driver OUT DRIVER.c [-m32]: a C test driver linked with the
# build's runtime libraries ($TOOLS_DIR, or $TOOLS_DIR/x86 for -m32, which
# the Makefile builds where -m32 links); compiled from the sources where
# those libraries are not built. An -m32 driver is made runnable as it is
# (x86_wrap: call x86_probe first).
ctest_build_driver() {
    local out=$1 driver=$2 libs=$TOOLS_DIR m32=
    shift 2
    [ "${1:-}" = -m32 ] && libs=$TOOLS_DIR/x86 m32=1
    if [ -f "$libs/libruntime.a" ] && [ -f "$libs/libmpy.a" ]; then
        ctest_build "$out" "$TEST_CC" "$@" "$driver" "$libs/libruntime.a" "$libs/libmpy.a" -lm
    else
        ctest_build "$out" "$TEST_CC" "$@" "$driver" "$RUNTIME_DIR"/*.c \
            "$TOP"/src/mpy/*.c "$TOP"/src/base/*.c -lm
    fi && { [ -z "$m32" ] || x86_wrap "$out"; }
}

# ctest_firmware NAME SOURCES...: build the test program NAME from SOURCES
# with the runtime's collector and nlr for each firmware target (compiler,
# flags, board and QEMU from the Makefile: tests/fw-lib.sh) and run it on
# its board in QEMU, output through semihosting: one result each,
# NAME/ARCH, skipped where the compiler or QEMU is missing.
ctest_firmware() {
    local name=$1 srcs=() src arch prog why
    shift
    for src in "$@"; do
        srcs+=("$CTEST_DIR/$src")
    done
    for arch in $(fw_archs); do
        local FW_CC FW_FLAGS FW_LIB FW_OS_SRC FW_SPECS FW_BOARD FW_CPU FW_QEMU FW_PKG FW_QEMU_PKG os_srcs
        fw_config "$arch"
        why=$(fw_missing)
        if [ -n "$why" ]; then
            test_skip "runtime/$name/$arch" "$why"
            continue
        fi
        prog=$TMP/$name-$arch
        mapfile -t os_srcs < <(fw_os_src)
        # FW_FLAGS and FW_LIB are flag lists: split on purpose; each
        # nlr_*.c holds the assembly of its own instruction set only.
        # shellcheck disable=SC2086
        if ! $FW_CC "${CTEST_WARN[@]}" $FW_FLAGS -O2 -I"$TOP/src" -I"$CTEST_DIR" "${srcs[@]}" \
            "$RUNTIME_DIR/gc.c" "$RUNTIME_DIR"/nlr*.c "${os_srcs[@]}" $FW_LIB \
            -o "$prog.elf" >"$prog.log" 2>&1; then
            ctest_build_fail "runtime/$name/$arch" "$prog"
            continue
        fi
        fw_runner "$prog" "$prog.elf"
        ctest_run_all "runtime/$name/$arch" "$prog"
    done
}
