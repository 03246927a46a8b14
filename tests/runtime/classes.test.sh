#!/usr/bin/env bash
# Classes defined in Python (objclass.c and the compiler's class statement),
# run by mpy-host and mpy-host-x86: each
# tests/runtime/classes/NAME.py must print NAME.py.exp, the output of
# MicroPython v1.21's unix port for the same script (made with
#   micropython NAME.py > NAME.py.exp 2>&1
# in that folder).
source "$(dirname "$0")/../lib.sh"
make_tmpdir
HERE=$TOP/tests/runtime/classes

for host in mpy-host mpy-host-x86; do
    if [ "$host" = mpy-host-x86 ] &&
        ! echo 'int x;' | gcc -m32 -include stdint.h -x c -c -o /dev/null - 2>/dev/null; then
        test_skip "runtime/classes/$host" "gcc -m32 not usable (Debian: gcc-multilib)"
        continue
    fi
    if [ ! -x "$TOOLS_DIR/$host" ]; then
        test_fail "runtime/classes/$host" "$TOOLS_DIR/$host not built"
        continue
    fi
    for test in "$HERE"/*.py; do
        name=$(basename "$test" .py)
        (cd "$HERE" && timeout 60 "$TOOLS_DIR/$host" "$name.py" >"$TMP/$name.out" 2>&1)
        if diff -u "$test.exp" "$TMP/$name.out" >"$TMP/$name.diff"; then
            test_pass "runtime/classes/$host/$name"
        else
            test_fail "runtime/classes/$host/$name" "output differs from $name.py.exp"
            head -30 "$TMP/$name.diff"
        fi
    done
done
exit 0
