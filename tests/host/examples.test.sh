#!/usr/bin/env bash
# mpy-host end to end: every SDK example in examples/natmod/ is built with
# this SDK for each .mpy version (6.1, 6.2, 6.3) and architecture (x64, and
# x86 where gcc -m32 works), imported by mpy-host (x64) and mpy-host-x86
# (x86, natively or under qemu-i386), and tests/host/NAME.py's output must
# equal NAME.py.exp. The .exp files are MicroPython v1.21's own output for
# the same scripts and .mpy files (see make-exp.sh). Then modules of all
# three versions in one process, and -X mpy-version.
#
# Optional environment: MPY_CROSS (MicroPython v1.21's mpy-cross, for the
# hybrid example), MPY_TOOL (default $TOOLS_DIR/mpy-tool).
source "$(dirname "$0")/../lib.sh"
source "$TOP/tests/host/examples-lib.sh"
HERE=$TOP/tests/host
make_tmpdir

for arch in x64 x86; do
    why=$(host_arch_missing "$arch")
    [ -z "$why" ] && why=$(host_runtime_missing "$arch")
    host=$(host_command "$arch")
    if [ -z "$why" ] && [ ! -x "$host" ]; then
        test_fail "host/examples/$arch" "$host not built"
        continue
    fi
    for version in 6.1 6.2 6.3; do
    for test in "$HERE"/*.py; do
        name=$(basename "$test" .py)
        label=host/examples/$name/$arch/$version
        [ -d "$TOP/examples/natmod/$name" ] || continue
        reason=$why
        [ -z "$reason" ] && reason=$(host_example_missing "$name")
        if [ -n "$reason" ]; then
            test_skip "$label" "$reason"
            continue
        fi
        out=$TMP/$arch-$version
        mkdir -p "$out"
        if ! host_build_example "$name" "$arch" "$out" "$version"; then
            test_fail "$label" "build failed: $(grep -m1 -iE 'error|undefined' "$out/build-$name/build.log")"
            continue
        fi
        host_run_example "$host" "$name" "$out" >"$out/$name.out"
        if diff -u "$test.exp" "$out/$name.out" >"$out/$name.diff"; then
            test_pass "$label"
        else
            test_fail "$label" "output differs from $name.py.exp"
            head -30 "$out/$name.diff"
        fi
    done
    done
done

# One process, three firmware ABIs: the factorial module of each version
# under its own name, then -X mpy-version=6.2 behaving as v1.22 does.
if [ -f "$TMP/x64-6.1/factorial.mpy" ] && [ -f "$TMP/x64-6.2/factorial.mpy" ] &&
    [ -f "$TMP/x64-6.3/factorial.mpy" ]; then
    mix=$TMP/mix
    mkdir -p "$mix"
    for v in 1 2 3; do cp "$TMP/x64-6.$v/factorial.mpy" "$mix/fact6$v.mpy"; done
    cat >"$mix/all.py" <<'PY'
import sys
for name in ("fact61", "fact62", "fact63"):
    try:
        print(name, __import__(name).factorial(10))
    except ValueError as e:
        print(name, "ValueError:", e)
print("sys.implementation._mpy sub-version", sys.implementation._mpy >> 8 & 3)
PY
    host_test_output() {
        local label=$1 expected=$2
        shift 2
        local got
        got=$(cd "$mix" && MICROPYPATH="$mix" "$TOOLS_DIR/mpy-host" "$@" all.py 2>&1)
        if [ "$got" = "$expected" ]; then test_pass "$label"; else
            test_fail "$label" "got: $got"; fi
    }
    host_test_output host/mpy-versions/one-process "fact61 3628800
fact62 3628800
fact63 3628800
sys.implementation._mpy sub-version 1"
    host_test_output host/mpy-versions/X-mpy-version "fact61 ValueError: incompatible .mpy file: $mix/fact61.mpy: native code for MicroPython v1.20-v1.21 (.mpy 6.1); this runtime loads 6.2
fact62 3628800
fact63 ValueError: incompatible .mpy file: $mix/fact63.mpy: native code for MicroPython v1.23-v1.28 (.mpy 6.3); this runtime loads 6.2
sys.implementation._mpy sub-version 2" -X mpy-version=v1.22
else
    test_skip host/mpy-versions "the factorial example was not built for x64"
fi
exit 0
