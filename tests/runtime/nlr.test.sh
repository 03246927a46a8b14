#!/usr/bin/env bash
# Non-local return (src/runtime/nlr*.c): tests/runtime/test_nlr.c in every
# build variant (see ctest.sh) and on each Arm target under QEMU; nlr_jump with nothing pushed; and the
# buffer layout against the SDK's py/nlr.h, for x64, x86 and Arm Thumb.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/ctest.sh"
make_tmpdir

ctest_variants nlr test_nlr.c test_nlr_other.c test_nlr_regs.c test_stack.c
ctest_arm nlr test_nlr.c test_nlr_other.c test_nlr_regs.c test_stack.c

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
# The Arm firmware's targets, with the flags the Makefile builds them with.
for arm in "armv6m -mcpu=cortex-m0" "armv7m -mcpu=cortex-m3" \
    "armv7emsp -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard" \
    "armv7emdp -mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard"; do
    name=${arm%% *}
    if ! have_tool arm-none-eabi-gcc; then
        test_skip "runtime/nlr/abi-$name" "arm-none-eabi-gcc not installed (Debian: gcc-arm-none-eabi)"
        continue
    fi
    # shellcheck disable=SC2086
    if out=$(TEST_CC=arm-none-eabi-gcc abi_check -mthumb ${arm#* } --specs=picolibc.specs); then
        test_pass "runtime/nlr/abi-$name"
    else
        test_fail "runtime/nlr/abi-$name" "$(echo "$out" | grep -m2 error | tr -s ' \n' ' ')"
    fi
done
