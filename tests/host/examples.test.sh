#!/usr/bin/env bash
# mpy-host end to end: every SDK example in examples/natmod/ is built with
# this SDK (x64, and x86 where gcc -m32 works), imported by mpy-host (x64)
# and mpy-host-x86 (x86, natively or under qemu-i386), and
# tests/host/NAME.py's output must equal NAME.py.exp. The .exp files are MicroPython v1.21's own output for the
# same scripts and .mpy files (see make-exp.sh).
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
    for test in "$HERE"/*.py; do
        name=$(basename "$test" .py)
        label=host/examples/$name/$arch
        [ -d "$TOP/examples/natmod/$name" ] || continue
        reason=$why
        [ -z "$reason" ] && reason=$(host_example_missing "$name")
        if [ -n "$reason" ]; then
            test_skip "$label" "$reason"
            continue
        fi
        out=$TMP/$arch
        mkdir -p "$out"
        if ! host_build_example "$name" "$arch" "$out"; then
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
exit 0
