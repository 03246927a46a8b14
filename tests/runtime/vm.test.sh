#!/usr/bin/env bash
# The bytecode VM and the .mpy loader end to end: the vectors in
# tests/runtime/vm/ (programs compiled by MicroPython v1.21's mpy-cross,
# with the output of MicroPython v1.21 itself) are imported by
# tests/runtime/test_vm.c and the output compared; the natmod factorial
# example is built with this SDK and imported (x64, and x86 under -m32);
# damaged headers give MicroPython's errors and leave nothing in
# sys.modules.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/ctest.sh"
make_tmpdir
VEC=$TOP/tests/runtime/vm

# build_driver OUT [-m32]: the driver, see ctest_build_driver.
build_driver() { local out=$1; shift; ctest_build_driver "$out" "$CTEST_DIR/test_vm.c" "$@"; }

# build_factorial ARCH DIR: examples/natmod/factorial built into DIR.
build_factorial() {
    mkdir -p "$2"
    cp "$TOP/examples/natmod/factorial/factorial.c" "$TOP/examples/natmod/factorial/Makefile" "$2/"
    make -C "$2" MPY_DIR="$TOP" ARCH="$1" MPY_LD="$MPY_LD" >"$2/build.log" 2>&1
}

# run_vectors NAME DRIVER MODDIR: every vector with an .exp.
run_vectors() {
    local name=$1 driver=$2 dir=$3 exp t out
    cp "$VEC"/*.mpy "$dir/"
    for exp in "$VEC"/*.exp; do
        t=$(basename "$exp" .exp)
        if [ "$t" = vm_native ] && [ ! -f "$dir/factorial.mpy" ]; then
            continue
        fi
        out=$("$driver" "$dir" "$t" 2>&1)
        if [ "$out" = "$(cat "$exp")" ]; then
            test_pass "$name/$t"
        else
            test_fail "$name/$t" "$(diff <(echo "$out") "$exp" | head -12 | tr '\n' '|')"
        fi
    done
}

# check_load NAME DRIVER FILE EXPECTED: loading FILE prints EXPECTED.
check_load() {
    local out
    out=$("$3" --load "$4" 2>&1)
    if [ "$out" = "$5" ]; then
        test_pass "$1/$2"
    else
        test_fail "$1/$2" "$(echo "$out" | head -5 | tr '\n' '|')"
    fi
}

# header_checks NAME DRIVER OWN OTHER: OWN is a module of the driver's
# architecture, OTHER (may be empty) one of the other architecture.
header_checks() {
    local name=$1 driver=$2 own=$3 other=$4 f=$TMP/hdr
    printf 'X\x06\x00\x1f' >"$f-magic.mpy"
    printf 'M\x05\x00\x1f' >"$f-version.mpy"
    printf 'M\x06\x08\x1f\x00\x00' >"$f-subversion.mpy"
    printf 'M\x06\x00\x40' >"$f-smallint.mpy"
    # Raised before any code ran: no traceback entries.
    local bad='ValueError: incompatible .mpy file
in sys.modules: 0'
    check_load "$name" magic "$driver" "$f-magic.mpy" "$bad"
    check_load "$name" version "$driver" "$f-version.mpy" "$bad"
    # x64 code of sub-version 0, which no release has: mpy-host says why.
    check_load "$name" sub-version "$driver" "$f-subversion.mpy" "ValueError: incompatible .mpy file: $f-subversion.mpy: native code for .mpy 6.0; this runtime loads 6.1, 6.2 and 6.3
in sys.modules: 0"
    check_load "$name" small-int-bits "$driver" "$f-smallint.mpy" "$bad"
    if [ -n "$other" ]; then
        local arch=x64 other_arch=x86
        [ "$own" = "$X86/factorial.mpy" ] && arch=x86 other_arch=x64
        check_load "$name" other-arch "$driver" "$other" "ValueError: incompatible .mpy arch: $other: native code for $other_arch; this runtime runs $arch
in sys.modules: 0"
    fi
    if [ -n "$own" ]; then
        check_load "$name" native-load "$driver" "$own" 'loaded; in sys.modules: 1'
    fi
    # A module whose code raises is taken out of sys.modules again.
    check_load "$name" failing-module "$driver" "$VEC/vm_traceback.mpy" 'before
Traceback (most recent call last):
  File "vm_traceback.py", line 18, in <module>
  File "vm_traceback.py", line 15, in outer
  File "vm_traceback.py", line 8, in middle
  File "vm_traceback.py", line 4, in inner
ZeroDivisionError: divide by zero
in sys.modules: 0'
}

if [ "$(uname -m)" != x86_64 ]; then
    test_skip runtime/vm "the host is not x86-64"
    exit 0
fi

X64=$TMP/x64
X86=$TMP/x86
build_factorial x64 "$X64" || test_fail runtime/vm/factorial-x64 "build: $(tail -3 "$X64/build.log")"
x86_why=
if ! x86_probe; then
    x86_why=$X86_WHY
elif ! build_factorial x86 "$X86"; then
    x86_why="the x86 factorial module did not build"
    test_fail runtime/vm/factorial-x86 "build: $(tail -3 "$X86/build.log")"
fi

if build_driver "$TMP/test_vm"; then
    run_vectors runtime/vm "$TMP/test_vm" "$X64"
    header_checks runtime/vm/header "$TMP/test_vm" "$X64/factorial.mpy" \
        "$([ -z "$x86_why" ] && echo "$X86/factorial.mpy")"
else
    ctest_build_fail runtime/vm "$TMP/test_vm"
fi

if [ -n "$x86_why" ]; then
    test_skip runtime/vm/x86 "$x86_why"
elif build_driver "$TMP/test_vm32" -m32; then
    run_vectors runtime/vm/x86 "$TMP/test_vm32" "$X86"
    header_checks runtime/vm/x86/header "$TMP/test_vm32" "$X86/factorial.mpy" "$X64/factorial.mpy"
else
    ctest_build_fail runtime/vm/x86 "$TMP/test_vm32"
fi
