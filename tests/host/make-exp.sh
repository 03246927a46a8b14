#!/usr/bin/env bash
# Writes tests/host/NAME.py.exp: the output of MicroPython v1.21's unix port
# (x64) running tests/host/NAME.py with the example module built by this SDK
# (MICROPYPATH pointing at the .mpy files), exactly as examples.test.sh runs
# mpy-host. Usage:
#   MICROPYTHON=/path/to/micropython MPY_CROSS=/path/to/mpy-cross tests/host/make-exp.sh [NAME...]
set -eu
source "$(dirname "$0")/../lib.sh"
source "$TOP/tests/host/examples-lib.sh"
: "${MICROPYTHON:?set MICROPYTHON to the unix micropython of MicroPython v1.21}"
HERE=$TOP/tests/host
make_tmpdir
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for t in "$HERE"/*.py; do names+=("$(basename "$t" .py)"); done
fi
for name in "${names[@]}"; do
    [ -d "$TOP/examples/natmod/$name" ] || continue
    why=$(host_example_missing "$name")
    if [ -n "$why" ]; then
        echo "skip $name: $why"
        continue
    fi
    host_build_example "$name" x64 "$TMP" || { echo "build of $name failed"; cat "$TMP/build-$name/build.log"; exit 1; }
    host_run_example "$MICROPYTHON" "$name" "$TMP" >"$HERE/$name.py.exp" || true
    echo "wrote tests/host/$name.py.exp"
done
