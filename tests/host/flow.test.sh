#!/usr/bin/env bash
# The loader's flow verifier (src/mpy/bc_verify.h) and the VM's own checks,
# on .mpy files: flow/bad-NAME.mpy (hand-assembled by make-flow.py) must
# fail to import with the message in flow/bad-NAME.err and exit status 1,
# never crash; flow/unwind.mpy (mpy-cross's output for unwind.py: every way
# out of finally, with and async-with blocks) must load and print
# unwind.py.exp, also under the sanitizers.
. "$(dirname "$0")/../lib.sh"

HOST=$TOOLS_DIR/mpy-host
DIR=$TOP/tests/host/flow
if [ ! -x "$HOST" ]; then
    test_fail host/flow "no $HOST (make builds it)"
    exit 0
fi
make_tmpdir

# run FILE: imports FILE as module m; output in $TMP/out, prints the status.
run() {
    cp "$1" "$TMP/m.mpy"
    (cd "$TMP" && MICROPYPATH=. "$HOST" -c 'import m' >out 2>&1)
    echo $?
}

for f in "$DIR"/bad-*.mpy; do
    name=$(basename "$f" .mpy)
    want=$(cat "$DIR/$name.err")
    st=$(run "$f")
    if [ "$st" = 1 ] && tail -1 "$TMP/out" | grep -qF -- "$want"; then
        test_pass "host/flow/$name"
    else
        test_fail "host/flow/$name" "status $st: $(tail -1 "$TMP/out" | head -c 300)"
    fi
done

st=$(run "$DIR/unwind.mpy")
if [ "$st" = 0 ] && cmp -s "$TMP/out" "$DIR/unwind.py.exp"; then
    test_pass host/flow/unwind
else
    test_fail host/flow/unwind "status $st: $(diff "$DIR/unwind.py.exp" "$TMP/out" | head -5 | tr '\n' ' ')"
fi
