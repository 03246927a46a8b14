#!/usr/bin/env bash
# How long code takes on each architecture mpy-host runs (natively, under
# qemu-i386, or as firmware in qemu-system-arm/riscv32/riscv64/xtensa): one
#   mpy-host --arch ARCH -c 'import factorial; print(factorial.factorial(10))'
# start-up included (the median of RUNS runs), and the time the example
# scripts of tests/host/ take together (each module imported and
# exercised, as tests/host/qemu.test.sh runs them; building excluded).
# A benchmark: it prints figures, it does not pass or fail.
#
#   bench/arch-bench.sh            (after make; TOOLS_DIR=build by default)
#   RUNS=20 ARCHS="x64 armv7m" bench/arch-bench.sh
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
: "${TOOLS_DIR:=$TOP/build}"
: "${RUNS:=10}"
: "${ARCHS:=x64 x86 $(make -s -C "$TOP" fw-archs)}"
export TOOLS_DIR
source "$TOP/tests/lib.sh"
source "$TOP/tests/host/examples-lib.sh"
MPY_LD=${MPY_LD:-$TOOLS_DIR/mpy-ld}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }

printf '%-10s %14s %14s\n' arch "factorial(ms)" "examples(ms)"
for arch in $ARCHS; do
    out=$WORK/$arch
    mkdir -p "$out"
    if ! host_build_example factorial "$arch" "$out" ||
        [ "$("$TOOLS_DIR/mpy-host" --arch "$arch" -c 1 2>&1)" != "" ]; then
        printf '%-10s %14s\n' "$arch" "cannot run here (missing compiler, runtime or QEMU)"
        continue
    fi
    times=()
    for ((i = 0; i < RUNS; i++)); do
        t0=$(now_ms)
        MICROPYPATH=$out "$TOOLS_DIR/mpy-host" --arch "$arch" \
            -c 'import factorial; print(factorial.factorial(10))' >/dev/null
        times+=($(($(now_ms) - t0)))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$((RUNS / 2 + 1))p")
    host=$WORK/mpy-host-$arch
    printf '#!/bin/sh\nexec "%s" --arch %s "$@"\n' "$TOOLS_DIR/mpy-host" "$arch" >"$host"
    chmod +x "$host"
    names=()
    for test in "$TOP"/tests/host/*.py; do
        name=$(basename "$test" .py)
        [ -d "$TOP/examples/natmod/$name" ] && [ -z "$(host_example_missing "$name")" ] &&
            host_build_example "$name" "$arch" "$out" && names+=("$name")
    done
    t0=$(now_ms)
    for name in "${names[@]}"; do
        host_run_example "$host" "$name" "$out" >/dev/null
    done
    printf '%-10s %14s %14s  (%d scripts)\n' "$arch" "$median" "$(($(now_ms) - t0))" "${#names[@]}"
done
