#!/usr/bin/env bash
# import-bench.sh - how fast mpy-host imports a large native module and calls
# a native function, optionally next to a MicroPython v1.21 unix build. A
# benchmark, not a test: it prints figures and ratios and never judges them.
#
#   bench/import-bench.sh
#
# Environment:
#   MPY_HOST     the runtime to time (default: build/mpy-host of this tree)
#   MICROPYTHON  a MicroPython v1.21 unix binary (x64): timed on the same
#                .mpy files and scripts, ratio MicroPython/mpy-host printed
#   FUNCS        functions in the large module (default 4000)
#   CALLS        native calls in the call loop (default 1000000)
#   RUNS         timed runs per figure, best taken (default 7)
set -eu -o pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
: "${MPY_HOST:=$TOP/build/mpy-host}"
: "${MICROPYTHON:=}"
: "${FUNCS:=4000}"
: "${CALLS:=1000000}"
: "${RUNS:=7}"

die() { echo "import-bench: $*" >&2; exit 1; }
[ -x "$MPY_HOST" ] || die "no mpy-host at $MPY_HOST (run make first, or set MPY_HOST)"
[ -z "$MICROPYTHON" ] || [ -x "$MICROPYTHON" ] || die "MICROPYTHON=$MICROPYTHON is not executable"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/import-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The large module: FUNCS functions, each a function object stored under its
# own name by mpy_init (so FUNCS qstrs, relocations and globals), plus one
# small function for the call loop.
gen_module() {
    local n=$1 i
    {
        echo '#include "py/dynruntime.h"'
        for ((i = 0; i < n; i++)); do
            echo "static mp_obj_t f$i(mp_obj_t x) { return mp_obj_new_int(mp_obj_get_int(x) + $i); }"
            echo "static MP_DEFINE_CONST_FUN_OBJ_1(f${i}_obj, f$i);"
        done
        echo 'static mp_obj_t inc(mp_obj_t x) { return MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(x) + 1); }'
        echo 'static MP_DEFINE_CONST_FUN_OBJ_1(inc_obj, inc);'
        echo 'mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {'
        echo '    MP_DYNRUNTIME_INIT_ENTRY'
        for ((i = 0; i < n; i++)); do
            echo "    mp_store_global(MP_QSTR_f$i, MP_OBJ_FROM_PTR(&f${i}_obj));"
        done
        echo '    mp_store_global(MP_QSTR_inc, MP_OBJ_FROM_PTR(&inc_obj));'
        echo '    MP_DYNRUNTIME_INIT_EXIT'
        echo '}'
    } >"$WORK/big.c"
    printf 'MPY_DIR = %s\nMOD = big\nSRC = big.c\nARCH = x64\ninclude $(MPY_DIR)/py/dynruntime.mk\n' \
        "$TOP" >"$WORK/Makefile"
}

echo "building a module of $FUNCS functions..." >&2
gen_module "$FUNCS"
make -C "$WORK" >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log" >&2; die "module build failed"; }
ls -l "$WORK/big.mpy" | awk '{printf "big.mpy: %d bytes\n", $5}'

# best_ms CMD...: the best wall time of RUNS runs, in milliseconds.
best_ms() {
    local best= t0 t1 ms i
    for ((i = 0; i < RUNS; i++)); do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || die "failed: $*"
        t1=$(date +%s%N)
        ms=$(( (t1 - t0) / 1000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    awk -v us="$best" 'BEGIN { printf "%.2f", us / 1000 }'
}

LOOP="import big
f = big.inc
i = 0
x = 0
while i < $CALLS:
    x = f(x)
    i += 1
print(x)"
EMPTY_LOOP="i = 0
x = 0
while i < $CALLS:
    x = x + 1
    i += 1
print(x)"

# figures NAME RUNNER...: start-up, import, and call cost for one runtime.
figures() {
    local name=$1
    shift
    local start imp loop empty
    start=$(best_ms "$@" -c "pass")
    imp=$(best_ms "$@" -c "import big")
    loop=$(best_ms "$@" -c "$LOOP")
    empty=$(best_ms "$@" -c "$EMPTY_LOOP")
    awk -v n="$name" -v s="$start" -v i="$imp" -v l="$loop" -v e="$empty" -v c="$CALLS" -v f="$FUNCS" 'BEGIN {
        printf "%-12s start %8.2f ms   import of %d functions %8.2f ms   per native call %7.1f ns (loop %.1f ms, same loop without the call %.1f ms)\n",
            n, s, f, i - s, (l - e) * 1e6 / c, l, e }'
    echo "$start $imp $loop $empty" >"$WORK/fig.$name"
}

cd "$WORK"
MICROPYPATH=$WORK figures mpy-host "$MPY_HOST"
if [ -n "$MICROPYTHON" ]; then
    MICROPYPATH=$WORK figures micropython "$MICROPYTHON"
    read -r hs hi hl he <"$WORK/fig.mpy-host"
    read -r ms mi ml me <"$WORK/fig.micropython"
    awk -v hs="$hs" -v hi="$hi" -v hl="$hl" -v he="$he" -v ms="$ms" -v mi="$mi" -v ml="$ml" -v me="$me" 'BEGIN {
        printf "ratio MicroPython/mpy-host: import %.2f   native call %.2f   whole call loop %.2f\n",
            (mi - ms) / (hi - hs), (ml - me) / (hl - he), ml / hl }'
fi
