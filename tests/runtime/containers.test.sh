#!/usr/bin/env bash
# The container types (src/runtime/objtuple.c, objlist.c, objdict.c,
# objset.c, objslice.c, objrange.c, the iterator built-ins and sequence.c):
# C-level cases of their API, then the programs of tests/runtime/containers/
# (compiled by MicroPython v1.21's mpy-cross) imported and their output
# compared with MicroPython v1.21's. Main build (libruntime.a) and x86.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/ctest.sh"
make_tmpdir
VEC=$TOP/tests/runtime/containers

# build_driver OUT [-m32]: the driver, see ctest_build_driver.
build_driver() { local out=$1; shift; ctest_build_driver "$out" "$CTEST_DIR/test_containers.c" "$@"; }

# run_all NAME DRIVER: the unit cases and every vector.
run_all() {
    local name=$1 driver=$2 exp t out
    ctest_run "$name" "$driver" --unit
    cp "$VEC"/*.mpy "$TMP/"
    for exp in "$VEC"/*.exp; do
        t=$(basename "$exp" .exp)
        out=$("$driver" "$TMP" "$t" 2>&1)
        if [ "$out" = "$(cat "$exp")" ]; then
            test_pass "$name/$t"
        else
            test_fail "$name/$t" "$(diff <(echo "$out") "$exp" | head -12 | tr '\n' '|')"
        fi
    done
}

if build_driver "$TMP/test_containers"; then
    run_all runtime/containers "$TMP/test_containers"
else
    ctest_build_fail runtime/containers "$TMP/test_containers"
fi

if x86_probe; then
    if build_driver "$TMP/test_containers32" -m32; then
        run_all runtime/containers/x86 "$TMP/test_containers32"
    else
        ctest_build_fail runtime/containers/x86 "$TMP/test_containers32"
    fi
else
    test_skip runtime/containers/x86 "$X86_WHY"
fi
