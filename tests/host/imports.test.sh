#!/usr/bin/env bash
# Imports: packages whose __init__ is a .py or a .mpy importing their own
# submodules, and a module whose top-level code fails (not left in
# sys.modules, run again on the next import). Output compared with
# MicroPython v1.21's (tests/host/imports/README.md).
. "$(dirname "$0")/../lib.sh"

HOST=$TOOLS_DIR/mpy-host
DIR=$TOP/tests/host/imports
if [ ! -x "$HOST" ]; then
    test_fail host/imports "no $HOST (make builds it)"
    exit 0
fi
make_tmpdir
(cd "$DIR" && MICROPYPATH=. "$HOST" main.py >"$TMP/out" 2>&1)
st=$?
if [ "$st" = 0 ] && cmp -s "$TMP/out" "$DIR/main.py.exp"; then
    test_pass host/imports
else
    test_fail host/imports "status $st: $(diff "$DIR/main.py.exp" "$TMP/out" | head -5 | tr '\n' ' ')"
fi
