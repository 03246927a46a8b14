#!/usr/bin/env bash
# perfbench.sh - MicroPython's own benchmark programs (tests/perf_bench of an
# upstream tree) under mpy-host and under a given micropython binary, side by
# side: for each program both interpreters run in turn, REPEATS times each,
# and the best time of each is printed with the ratio mpy-host / micropython
# (above 1: mpy-host is slower). A benchmark, not a test: it prints figures,
# never judges; a program whose result differs between the two is marked.
#
#   MICROPYTHON=/path/to/micropython bench/perfbench.sh UPSTREAM_TESTS_DIR [N M [REPEATS]]
#
# N and M are upstream's run-perfbench.py parameters (CPU speed in MHz and
# heap in kB the program may assume; default 1000 1000, upstream's choice for
# a PC), REPEATS defaults to 3. MPY_HOST overrides the runtime measured
# (default build/mpy-host). The programs run as run-perfbench.py runs them:
# the program, then benchrun.py, then bm_run(N, M), one script on stdin.
# Skipped: viper_* (native code emitters: mpy-host compiles to bytecode) and
# programs that either interpreter cannot run (printed with the reason).
set -eu -o pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
: "${MICROPYTHON:?set MICROPYTHON to the micropython binary to compare with}"
MPY_HOST=${MPY_HOST:-$TOP/build/mpy-host}
[ $# -ge 1 ] || { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
BENCH=$1/perf_bench
N=${2:-1000}
M=${3:-1000}
REPEATS=${4:-3}
[ -f "$BENCH/benchrun.py" ] || { echo "perfbench: no $BENCH/benchrun.py (give the tests/ folder of a MicroPython tree)" >&2; exit 2; }
[ -x "$MPY_HOST" ] || { echo "perfbench: $MPY_HOST not built (run make)" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/perfbench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# run_once INTERPRETER SCRIPT: prints "TIME_US RESULT" or "ERROR why". The
# script comes on standard input, as run-perfbench.py gives it.
run_once() {
    local out
    if ! out=$(cd "$WORK" && timeout 600 "$1" <"$2" 2>&1); then
        echo "ERROR $(echo "$out" | tail -n 1)"
        return
    fi
    case $out in
        SKIP*|-1\ *) echo "ERROR skipped by the program: $out" ;;
        *) set -- $out; echo "$1 ${*:3}" ;;
    esac
}

printf '%-28s %12s %12s %7s\n' program mpy-host/us micropython/us ratio
sum_log=0
n_ratio=0
for prog in "$BENCH"/*.py; do
    name=$(basename "$prog" .py)
    case $name in benchrun|viper_*) continue ;; esac
    script=$WORK/$name.py
    { printf 'import sys\nsys.path.remove("")\n\n'; cat "$prog" "$BENCH/benchrun.py"; printf 'bm_run(%s, %s)\n' "$N" "$M"; } >"$script"
    best_host='' best_ref='' result_host='' result_ref='' why=''
    for ((i = 0; i < REPEATS; i++)); do
        for which in host ref; do
            if [ "$which" = host ]; then interp=$MPY_HOST; else interp=$MICROPYTHON; fi
            read -r time result < <(run_once "$interp" "$script")
            if [ "$time" = ERROR ]; then
                why="$which: $result"
                break 2
            fi
            if [ "$which" = host ]; then
                result_host=$result
                if [ -z "$best_host" ] || [ "$time" -lt "$best_host" ]; then best_host=$time; fi
            else
                result_ref=$result
                if [ -z "$best_ref" ] || [ "$time" -lt "$best_ref" ]; then best_ref=$time; fi
            fi
        done
    done
    if [ -n "$why" ]; then
        printf '%-28s skipped (%s)\n' "$name" "$why"
        continue
    fi
    ratio=$(awk -v a="$best_host" -v b="$best_ref" 'BEGIN { printf "%.2f", a / b }')
    mark=''
    if [ "$result_host" != "$result_ref" ]; then mark='  (results differ)'; fi
    printf '%-28s %12s %12s %7s%s\n' "$name" "$best_host" "$best_ref" "$ratio" "$mark"
    sum_log=$(awk -v s="$sum_log" -v r="$ratio" 'BEGIN { print s + log(r) }')
    n_ratio=$((n_ratio + 1))
done
if [ "$n_ratio" -gt 0 ]; then
    awk -v s="$sum_log" -v n="$n_ratio" 'BEGIN { printf "geometric mean of %d ratios: %.2f\n", n, exp(s / n) }'
fi
