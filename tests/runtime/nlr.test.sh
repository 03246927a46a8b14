#!/usr/bin/env bash
# Non-local return (src/runtime/nlr*.c): tests/runtime/test_nlr.c in every
# build variant (see ctest.sh) and on each firmware target under QEMU; nlr_jump with nothing pushed; and the
# buffer layout against the SDK's py/nlr.h, for x64, x86 and each firmware target.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/ctest.sh"
make_tmpdir

ctest_variants nlr test_nlr.c test_nlr_other.c test_nlr_regs.c test_stack.c
ctest_firmware nlr test_nlr.c test_nlr_other.c test_nlr_regs.c test_stack.c

# An uncaught jump prints a message and aborts.
if [ -n "$CTEST_PROG" ]; then
    # In a subshell, whose "Aborted" notice then goes to the log too.
    ("$CTEST_PROG" jump-fail; exit $?) >"$TMP/jump-fail.out" 2>&1
    status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 99 ] && [ "$status" -ne 98 ] \
        && grep -q 'nlr_jump with no nlr_push' "$TMP/jump-fail.out"; then
        test_pass "runtime/nlr/jump-fail"
    else
        test_fail "runtime/nlr/jump-fail" "status $status: $(head -c 300 "$TMP/jump-fail.out")"
    fi
fi

# runtime/nlr.h checks the SDK's nlr_buf_t when both are included.
abi_check() {
    # shellcheck disable=SC2086
    $TEST_CC "$@" -std=c11 -Wall -Wextra -Werror -fsyntax-only -I"$TOP" -I"$TOP/src" \
        -DMICROPY_ENABLE_DYNRUNTIME -DMP_CONFIGFILE="\"$CTEST_DIR/sdk_config.h\"" \
        "$CTEST_DIR/test_nlr_abi.c" 2>&1
}
if out=$(abi_check); then
    test_pass "runtime/nlr/abi-x64"
else
    test_fail "runtime/nlr/abi-x64" "$(echo "$out" | grep -m2 error | tr -s ' \n' ' ')"
fi
why=$(x86_cc_missing "$TEST_CC")
if [ -z "$why" ]; then
    if out=$(abi_check -m32); then
        test_pass "runtime/nlr/abi-x86"
    else
        test_fail "runtime/nlr/abi-x86" "$(echo "$out" | grep -m2 error | tr -s ' \n' ' ')"
    fi
else
    test_skip "runtime/nlr/abi-x86" "$why"
fi
# The firmware's targets, with the flags the Makefile builds them with.
for arch in $(fw_archs); do
    fw_config "$arch"
    if ! have_tool "$FW_CC"; then
        test_skip "runtime/nlr/abi-$arch" "$FW_CC not installed (Debian: $FW_PKG)"
        continue
    fi
    # shellcheck disable=SC2086
    if out=$(TEST_CC=$FW_CC abi_check $FW_FLAGS --specs="$FW_SPECS"); then
        test_pass "runtime/nlr/abi-$arch"
    else
        test_fail "runtime/nlr/abi-$arch" "$(echo "$out" | grep -m2 error | tr -s ' \n' ' ')"
    fi
done
