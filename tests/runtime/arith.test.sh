#!/usr/bin/env bash
# The project's own compiler routines: for each firmware target whose
# programs link the SDK's (py/libgcc_*.c in the Makefile's FW_OS_SRC: on
# xtensa, py/libgcc_xtensa.c stands in for what Debian's libgcc for lx106
# lacks), integer division, 64-bit multiplication, float and double
# arithmetic and conversions on pseudo-random and special operands
# (tests/runtime/test_arith.c), printed bit for bit, must equal what the
# host's hardware computes (IEEE 754, round to nearest even).
#
# The other targets use libgcc's routines, which are not the project's:
# there Debian's arm-none-eabi libgcc 12.2 differs on armv7m and armv7emsp
# (its __aeabi_dsub gives -2^31 - -0x1.ead77dc725e3cp-2 one unit in the
# last place off, c1dfffffffe15289 for c1dfffffffe15288), docs/qemu.md.
source "$(dirname "$0")/../lib.sh"
source "$TOP/tests/fw-lib.sh"
make_tmpdir
SRC=$TOP/tests/runtime/test_arith.c
WARN=(-std=c11 -Wall -Wextra -Werror -O2)

# SSE arithmetic on the host (x64): no excess precision.
if ! "$TEST_CC" "${WARN[@]}" "$SRC" -o "$TMP/host" >"$TMP/host.log" 2>&1 || ! "$TMP/host" >"$TMP/host.out"; then
    test_fail runtime/arith/host "$(head -3 "$TMP/host.log")"
    exit 0
fi
for arch in $(fw_archs); do
    fw_config "$arch"
    case " $FW_OS_SRC " in
        *" py/libgcc_"*) ;;
        *) continue ;;
    esac
    why=$(fw_missing)
    if [ -n "$why" ]; then
        test_skip "runtime/arith/$arch" "$why"
        continue
    fi
    mapfile -t os_srcs < <(fw_os_src)
    # FW_FLAGS and FW_LIB are flag lists: split on purpose.
    # shellcheck disable=SC2086
    if ! $FW_CC "${WARN[@]}" $FW_FLAGS "$SRC" "${os_srcs[@]}" $FW_LIB -o "$TMP/$arch.elf" >"$TMP/$arch.log" 2>&1; then
        test_fail "runtime/arith/$arch" "build failed: $(grep -m3 -E 'error|undefined' "$TMP/$arch.log" | tr -s ' \n' ' ')"
        continue
    fi
    fw_runner "$TMP/$arch" "$TMP/$arch.elf"
    "$TMP/$arch" >"$TMP/$arch.out" 2>&1
    status=$?
    if [ "$status" = 0 ] && cmp -s "$TMP/host.out" "$TMP/$arch.out"; then
        test_pass "runtime/arith/$arch"
    else
        test_fail "runtime/arith/$arch" "status $status, $(diff "$TMP/host.out" "$TMP/$arch.out" | grep -c '^>') lines differ from the host's, first: $(diff "$TMP/host.out" "$TMP/$arch.out" | grep -m1 '^>')"
    fi
done
