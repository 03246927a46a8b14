#!/usr/bin/env bash
# mpy-host's report of a fault in native module code: the crash module of
# tests/host/crash/ (crash.write_null stores through a NULL pointer in
# crash_store) built with the SDK for x64 and x86, run by mpy-host and
# mpy-host-x86, and for each firmware architecture, run by `mpy-host --arch
# ARCH` under QEMU (its fault handler reports as a Linux host would; the
# Cortex-M firmware makes address 0 fault with the MPU). fault.py calls it inside try/except/finally: no handler may
# run; stderr has the Python traceback and the line
#   Fatal: SIGSEGV in native module 'crash' at text+0xNN (crash_store+0xN at crash.c:LINE)
# and the status is 139 (128 + SIGSEGV). Without crash.elf the line still
# names the module and the same offset, and says how to get the names;
# mpy-tool addr2line names the same function for that offset. A fault in
# the runtime's own code (crash.runtime_fault) is no module's: no report
# (on the firmware: its one-line message, status 139).
source "$(dirname "$0")/../lib.sh"
source "$TOP/tests/host/examples-lib.sh"
source "$TOP/tests/fw-lib.sh"
make_tmpdir
SRC_DIR=$TOP/tests/host/crash
MPY_TOOL=${MPY_TOOL:-$TOOLS_DIR/mpy-tool}
STORE_LINE=$(grep -n 'CRASH-LINE' "$SRC_DIR/crash.c" | cut -d: -f1)

# run HOST ARGS...: runs in the module's folder; stdout, stderr and the
# status in $TMP/out, $TMP/err, $rc.
run() {
    local host=$1
    shift
    (cd "$dir" && timeout 60 "$host" "$@" >"$TMP/out" 2>"$TMP/err") 2>/dev/null
    rc=$?
}

for arch in x64 x86 $(fw_archs); do
    case $arch in
        x64 | x86)
            host=$(host_command "$arch")
            why=$(host_arch_missing "$arch")
            [ -z "$why" ] && why=$(host_runtime_missing "$arch")
            ;;
        *)
            host=$TMP/mpy-host-$arch
            fw_host_command "$host" "$arch"
            why=$(fw_arch_missing "$arch")
            ;;
    esac
    if [ -n "$why" ]; then
        test_skip "host/crash/$arch" "$why"
        continue
    fi
    dir=$TMP/$arch
    mkdir -p "$dir" && cp "$SRC_DIR"/* "$dir/"
    if ! make -s -C "$dir" MPY_DIR="$TOP" MPY_LD="$MPY_LD" ARCH="$arch" >"$dir/make.log" 2>&1; then
        test_fail "host/crash/$arch/build" "make failed"
        tail -5 "$dir/make.log"
        continue
    fi

    run "$host" fault.py
    fatal=$(grep '^Fatal: ' "$TMP/err")
    offset=$(sed -n 's/.* at text+\(0x[0-9a-f]*\).*/\1/p' <<<"$fatal")
    if [ $rc = 139 ] && [ "$(cat "$TMP/out")" = 3 ] &&
        grep -qx 'Traceback (most recent call last):' "$TMP/err" &&
        grep -qx '  File "fault.py", line 10, in f' "$TMP/err" &&
        [[ $fatal =~ ^"Fatal: SIGSEGV in native module 'crash' at text+0x"[0-9a-f]+" (crash_store+0x"[0-9a-f]+" at crash.c:$STORE_LINE)"$ ]]; then
        test_pass "host/crash/$arch/report"
    else
        test_fail "host/crash/$arch/report" "status $rc (expected 139), output:"
        cat "$TMP/out" "$TMP/err"
    fi

    # The ELF's answer for the same offset.
    if [ -n "$offset" ] &&
        [[ $("$MPY_TOOL" addr2line "$dir/crash.mpy" "$offset" 2>&1) == "crash_store+0x"*" at crash.c:$STORE_LINE" ]]; then
        test_pass "host/crash/$arch/addr2line"
    else
        test_fail "host/crash/$arch/addr2line" "mpy-tool addr2line crash.mpy '$offset' does not name crash_store"
    fi

    rm "$dir/crash.elf"
    run "$host" fault.py
    if [ $rc = 139 ] && grep -qx "Fatal: SIGSEGV in native module 'crash' at text+$offset" "$TMP/err" &&
        grep -q "no .*crash.elf, which names the function and line: the SDK writes it" "$TMP/err" &&
        grep -qx '  File "fault.py", line 10, in f' "$TMP/err"; then
        test_pass "host/crash/$arch/no-elf"
    else
        test_fail "host/crash/$arch/no-elf" "status $rc, stderr:"
        cat "$TMP/err"
    fi

    run "$host" -c 'import crash; crash.runtime_fault()'
    if [ $rc != 0 ] && ! grep -q 'Fatal:' "$TMP/err" &&
        { [[ $arch == x* ]] || grep -q '^firmware: .* at pc=0x' "$TMP/err"; }; then
        test_pass "host/crash/$arch/runtime-fault"
    else
        test_fail "host/crash/$arch/runtime-fault" "status $rc; a fault outside the module's code was reported as the module's"
        cat "$TMP/err"
    fi
done
