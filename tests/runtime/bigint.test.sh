#!/usr/bin/env bash
# The runtime's big ints (src/runtime/bigint*.c), through the C driver
# tests/runtime/test_bigint.c: every vector of bigint_vectors.txt (CPython's
# results, written by gen_bigint_vectors.py; Python is not needed here),
# randomised property checks at larger sizes, allocation failures, leaks,
# and timings (to_str of 10,000 digits under a second). Each group of
# checks is one test. Also: warning-free with gcc and clang, and right as a
# 32-bit (-m32) build.
#
# Environment: CC (default cc), CFLAGS (default -O2 -g), SANITIZE=1 (ASan +
# UBSan).
source "$(dirname "$0")/../lib.sh"
make_tmpdir

CC=${CC:-cc}
HERE=$TOP/tests/runtime
SOURCES=("$TOP"/src/runtime/bigint*.c)
VECTORS=$HERE/bigint_vectors.txt
read -r -a FLAGS <<<"${CFLAGS:--O2 -g}"
FLAGS=(-std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L "${FLAGS[@]}")
if [ "${SANITIZE:-0}" = 1 ]; then
    FLAGS+=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
fi

# build OUT CC EXTRA_FLAGS...
build() {
    local out=$1 cc=$2
    shift 2
    "$cc" "${FLAGS[@]}" "$@" -I"$TOP/src" -o "$out" "$HERE/test_bigint.c" "${SOURCES[@]}"
}

# run_driver BIN SUFFIX ARGS...: one test per "pass|fail GROUP ..." line.
run_driver() {
    local bin=$1 suffix=$2 status kind group rest
    shift 2
    "$bin" "$VECTORS" "$@" >"$TMP/out" 2>"$TMP/err"
    status=$?
    while read -r kind group rest; do
        case $kind in
        pass) test_pass "runtime/bigint/$group$suffix" ;;
        fail) test_fail "runtime/bigint/$group$suffix" "$rest" ;;
        info) echo "    $group$suffix: $rest" ;;
        '#') echo "    # $group $rest" ;;
        esac
    done <"$TMP/out"
    # The driver reports failures in its output and exits 0; anything else
    # (a crash, a sanitizer report) is a failure of its own.
    if [ "$status" -ne 0 ]; then
        test_fail "runtime/bigint/driver$suffix" \
            "exit status $status: $(head -c 600 "$TMP/err" | tr '\n' ' ')"
    fi
}

# The builds run side by side; their results are reported in order.
build "$TMP/test" "$CC" 2>"$TMP/build.err" &
native_pid=$!
# Warning-free under the other compilers too (a full optimised build: some
# of gcc's warnings come from its optimiser).
other_ccs=()
other_pids=()
for cc in gcc clang; do
    [ "$(basename "$CC")" = "$cc" ] && continue
    if ! have_tool "$cc"; then
        test_skip "runtime/bigint/build-$cc" "$cc not installed"
        continue
    fi
    build "$TMP/test-$cc" "$cc" -O2 2>"$TMP/build-$cc.err" &
    other_ccs+=("$cc")
    other_pids+=($!)
done
# 32 bits: size_t of 32 bits, and 64-bit arithmetic through library calls.
m32_pid=
if x86_probe "$CC" "${FLAGS[@]}"; then
    build "$TMP/test32" "$CC" -m32 2>"$TMP/build32.err" &
    m32_pid=$!
fi

if wait "$native_pid"; then
    test_pass runtime/bigint/build
    run_driver "$TMP/test" ""
else
    test_fail runtime/bigint/build "$(head -c 600 "$TMP/build.err" | tr '\n' ' ')"
fi
for i in "${!other_ccs[@]}"; do
    cc=${other_ccs[$i]}
    if wait "${other_pids[$i]}"; then
        test_pass "runtime/bigint/build-$cc"
    else
        test_fail "runtime/bigint/build-$cc" "$(head -c 600 "$TMP/build-$cc.err" | tr '\n' ' ')"
    fi
done
if [ -z "$m32_pid" ]; then
    test_skip runtime/bigint/m32 "$X86_WHY"
elif wait "$m32_pid" && x86_wrap "$TMP/test32"; then
    run_driver "$TMP/test32" /m32 --quick
else
    test_fail runtime/bigint/m32 "$(head -c 600 "$TMP/build32.err" | tr '\n' ' ')"
fi
