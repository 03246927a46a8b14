#!/usr/bin/env bash
# Numbers, strings, bytes and arrays (src/runtime/objint.c, objfloat.c,
# formatfloat.c, parsenum.c, objbool.c, objstr*.c, objarray.c, binary.c):
# C-level cases, float repr and parsing against MicroPython v1.21 bit for bit
# (numstr_floats.txt), and Python programs whose output must match
# MicroPython's (numstr/*.py and *.exp, see numstr/README.md). Main build
# (libruntime.a) and x86.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/ctest.sh"
make_tmpdir
VEC=$TOP/tests/runtime/numstr

# build_driver OUT [-m32]: the driver, see ctest_build_driver.
build_driver() { local out=$1; shift; ctest_build_driver "$out" "$CTEST_DIR/test_numstr.c" "$@"; }

# run_all NAME DRIVER FLOATS [MIN]: FLOATS is MicroPython's float data for
# the word size (numstr_floats.txt from the 64-bit build, numstr_floats32.txt
# from the x86 one, whose x87 arithmetic rounds differently).
run_all() {
    local name=$1 driver=$2 floats=$3 min=${4:-0} exp t out
    ctest_run "$name" "$driver" --unit
    ctest_run "$name" "$driver" --floats "$TOP/tests/runtime/$floats" "$min"
    for exp in "$VEC"/*.exp; do
        t=$(basename "$exp" .exp)
        out=$(cd "$VEC" && "$driver" "$t.py" 2>/dev/null) # as the .exp: stdout only
        if [ "$out" = "$(cat "$exp")" ]; then
            test_pass "$name/$t"
        else
            test_fail "$name/$t" "$(diff <(echo "$out") "$exp" | head -12 | tr '\n' '|')"
        fi
    done
}

if build_driver "$TMP/test_numstr"; then
    run_all runtime/numstr "$TMP/test_numstr" numstr_floats.txt
else
    ctest_build_fail runtime/numstr "$TMP/test_numstr"
fi

if x86_probe; then
    if build_driver "$TMP/test_numstr32" -m32; then
        # Below about 1e-290 MicroPython's x86 build scales parsed values
        # with x87 intermediates kept at extended precision where the
        # compiler chose to: those last bits are not reproduced.
        run_all runtime/numstr/x86 "$TMP/test_numstr32" numstr_floats32.txt 1e-290
    else
        ctest_build_fail runtime/numstr/x86 "$TMP/test_numstr32"
    fi
else
    test_skip runtime/numstr/x86 "$X86_WHY"
fi
