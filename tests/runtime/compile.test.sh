#!/usr/bin/env bash
# The Python compiler (src/runtime/lexer.c, parse.c, compile*.c, emitbc.c,
# exec.c) through tests/runtime/test_compile.c:
#   - unit cases of the lexer, the parser, syntax errors and the REPL's
#     continuation rule;
#   - end to end: tests/runtime/compile/*.py compiled and run by the VM must
#     print what MicroPython v1.21 printed (*.exp), and repl.in through the
#     REPL loop must print repl.exp;
#   - bytecode: compile/bytecode.py must compile to the same instructions as
#     MicroPython's mpy-cross (when MPY_CROSS or the reference build exists);
#   - the same under -m32 (x86). (tests/build/compilers.test.sh builds the
#     whole runtime with gcc and clang.)
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/ctest.sh"
make_tmpdir
CASES=$TOP/tests/runtime/compile
: "${MPY_CROSS:=$TOP/../up121/mpy-cross/build/mpy-cross}"
: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"

# build_driver OUT [-m32]: the driver, see ctest_build_driver.
build_driver() { local out=$1; shift; ctest_build_driver "$out" "$CTEST_DIR/test_compile.c" "$@"; }

# run_cases NAME DRIVER: every end-to-end case.
run_cases() {
    local name=$1 driver=$2 exp t out
    for exp in "$CASES"/*.exp; do
        t=$(basename "$exp" .exp)
        if [ "$t" = repl ]; then
            out=$(cd "$CASES" && "$driver" repl <repl.in 2>&1)
        else
            out=$(cd "$CASES" && "$driver" run "$t.py" 2>&1)
        fi
        if [ "$out" = "$(cat "$exp")" ]; then
            test_pass "$name/$t"
        else
            test_fail "$name/$t" "$(diff <(echo "$out") "$exp" | head -12 | tr '\n' '|')"
        fi
    done
}

# The instructions of a dump, without numbering, offsets and line tables.
dump_insns() {
    "$MPY_TOOL" dump "$1" | sed -E 's/^ *[0-9a-f]{4}  ([0-9a-f]{2} )+ *//; s/\((qstr|obj) [0-9]+\)//; s/-> [0-9a-f]+//; s/ at 0x[0-9a-f]*//' |
        grep -v "^ *[0-9]* *'\|line info\|bytes\|^file:\|entries"
}

DRIVER=$TMP/test_compile
if build_driver "$DRIVER"; then
    ctest_run "runtime/compile/unit" "$DRIVER" unit
    run_cases runtime/compile "$DRIVER"
    if [ -x "$MPY_CROSS" ] && [ -x "$MPY_TOOL" ]; then
        if "$MPY_CROSS" -o "$TMP/ref.mpy" "$CASES/bytecode.py" 2>"$TMP/cross.err" &&
            (cd "$CASES" && "$DRIVER" mpy bytecode.py "$TMP/ours.mpy") >"$TMP/ours.err" 2>&1; then
            if diff <(dump_insns "$TMP/ref.mpy") <(dump_insns "$TMP/ours.mpy") >"$TMP/insn.diff"; then
                test_pass runtime/compile/bytecode-as-mpy-cross
            else
                test_fail runtime/compile/bytecode-as-mpy-cross "$(head -12 "$TMP/insn.diff" | tr '\n' '|')"
            fi
        else
            test_fail runtime/compile/bytecode-as-mpy-cross "$(cat "$TMP/cross.err" "$TMP/ours.err" | head -5 | tr '\n' '|')"
        fi
    else
        test_skip runtime/compile/bytecode-as-mpy-cross "no mpy-cross (set MPY_CROSS) or mpy-tool"
    fi
else
    ctest_build_fail runtime/compile "$DRIVER"
fi

if x86_probe; then
    if build_driver "$TMP/test_compile-x86" -m32; then
        ctest_run_all runtime/compile/x86/unit "$TMP/test_compile-x86" unit
        run_cases runtime/compile/x86 "$TMP/test_compile-x86"
    else
        ctest_build_fail runtime/compile/x86 "$TMP/test_compile-x86"
    fi
else
    test_skip runtime/compile/x86 "$X86_WHY"
fi
