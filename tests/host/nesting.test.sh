#!/usr/bin/env bash
# Input nested deeper than the C stack allows: source code (the parser and
# the compiler), data (printing, comparing, hashing, iterating) and .mpy
# files (raw code nested inside raw code). Each case must end in a Python
# exception and exit status 1 (MemoryError from the parser as in MicroPython,
# RuntimeError "maximum recursion depth exceeded" or "bytecode overflow"
# from the compiler and at run time; for the tools an error naming file and
# offset), never a signal. The heap is made large so that the nesting, not
# the memory, is what gives out.
. "$(dirname "$0")/../lib.sh"

HOST=$TOOLS_DIR/mpy-host
if [ ! -x "$HOST" ]; then
    test_fail host/nesting "no $HOST (make builds it)"
    exit 0
fi
make_tmpdir
HEAP="-X heapsize=512m"

# repeat N TEXT: TEXT (one line) N times.
repeat() {
    yes -- "$2" | head -n "$1" | tr -d '\n'
}

# expect NAME EXCEPTION CMD...: CMD exits with status 1 and prints EXCEPTION.
expect() {
    local name=$1 want=$2
    shift 2
    "$@" >"$TMP/out" 2>&1
    local st=$?
    if [ $st -eq 1 ] && grep -q "$want" "$TMP/out"; then
        test_pass "host/nesting/$name"
    else
        test_fail "host/nesting/$name" "status $st, expected 1 and '$want': $(tail -c 300 "$TMP/out")"
    fi
}

# source NAME TEXT...: a script made of the TEXT parts.
source_case() {
    local name=$1
    shift
    printf '%s' "$@" >"$TMP/$name.py"
    expect "source/$name" "MemoryError\|RuntimeError" \
        "$HOST" $HEAP "$TMP/$name.py"
}

N=100000
source_case parens "x = $(repeat $N '(')1$(repeat $N ')')"
source_case lists "x = $(repeat $N '[')$(repeat $N ']')"
source_case dicts "x = $(repeat $N '{1:')1$(repeat $N '}')"
source_case lambdas "x = $(repeat 1000000 'lambda: ')1"
source_case nots "x = $(repeat 1000000 'not ')1"
source_case unary "x = $(repeat $N '-')1"
source_case power "x = 2$(repeat $N '**2')"
source_case calls "x = $(repeat $N 'f(')$(repeat $N ')')"
source_case subscripts "x = a$(repeat $N '[a')$(repeat $N ']')"
source_case sums "x = 1$(repeat 300000 '+1')"
source_case attributes "x = a$(repeat 300000 '.b')"
source_case ternaries "x = $(repeat $N '1 if 1 else ')1"
source_case comprehensions "x = $(repeat 30000 '[')1$(repeat 30000 ' for a in b]')"
source_case with-items "with a$(repeat $N ', a'): pass"

# data CASE CODE: CODE builds nested data and then walks it.
data_case() {
    expect "data/$1" "RuntimeError: maximum recursion depth exceeded" "$HOST" $HEAP -c "$2"
}
data_case repr 'x = []
for i in range(1000000): x = [x]
print(repr(x))'
data_case list-equal 'x = []; y = []
for i in range(1000000): x = [x]; y = [y]
print(x == y)'
data_case list-less 'x = []; y = []
for i in range(1000000): x = [x]; y = [y]
print(x < y)'
data_case dict-equal 'x = {}; y = {}
for i in range(1000000): x = {1: x}; y = {1: y}
print(x == y)'
data_case tuple-hash 'x = ()
for i in range(1000000): x = (x,)
print(hash(x))'
data_case map-chain 'x = iter([1])
for i in range(1000000): x = map(abs, x)
print(list(x))'
data_case generator-chain 'g = iter([1])
for i in range(1000000): g = (x for x in g)
print(list(g))'
data_case python-recursion 'def f(n): return f(n + 1)
f(0)'

# .mpy: a module whose function holds a function ... 5000 deep (each level
# `def f():` with the next inside, as mpy-cross writes it).
nest_mpy() {
    local i
    printf 'M\x06\x00\x1f\x03\x00\x0enest.py\x00\x0f\x02f\x00'
    printf '\x4c\x00\x02\x01\x32\x00\x16\x02\x51\x63\x01'
    for ((i = 0; i < $1; i++)); do printf '\x4c\x08\x04\x02\x20\x32\x00\xc0\x51\x63\x01'; done
    printf '\x38\x00\x06\x02\x60\x20\x51\x63'
}
mkdir -p "$TMP/m"
nest_mpy 100 >"$TMP/m/nest.mpy"
if (cd "$TMP/m" && MICROPYPATH=. "$HOST" -c 'import nest; print(type(nest.f).__name__)') 2>&1 | grep -qx function; then
    test_pass host/nesting/mpy-100-deep-loads
else
    test_fail host/nesting/mpy-100-deep-loads "a 100-deep .mpy does not import"
fi
nest_mpy 5000 >"$TMP/m/nest.mpy"
(cd "$TMP/m" && expect mpy-children "ValueError: incompatible .mpy file: .*raw code nested more than" \
    env MICROPYPATH=. "$HOST" -c 'import nest')
(cd "$TMP/m" && expect mpy-tool-dump "mpy-tool: error: nest.mpy: offset 0x[0-9a-f]*: raw code nested more than" \
    "$TOOLS_DIR/mpy-tool" dump nest.mpy)
(cd "$TMP/m" && expect mpy-tool-merge "mpy-tool: error: nest.mpy: offset 0x[0-9a-f]*: raw code nested more than" \
    "$TOOLS_DIR/mpy-tool" merge -o merged.mpy nest.mpy nest.mpy)
