#!/usr/bin/env bash
# verify-bench.sh - what verifying bytecode costs an import: the time of
# mpy-host's bytecode checks per .mpy file, structural only and with the
# flow verifier. A benchmark, not a test: it prints figures, never judges.
#
#   bench/verify-bench.sh [FILE.mpy | DIR]...
#
# Without arguments: the bytecode .mpy files of tests/. A folder given is
# searched for *.mpy (for instance MicroPython's tests compiled by its
# mpy-cross). Needs make (build/libmpy.a).
set -eu -o pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$TOP/build/libmpy.a" ] || { echo "verify-bench: run make first" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/verify-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -I"$TOP/src" -o "$WORK/verify_bench" \
    "$TOP/bench/verify_bench.c" "$TOP/build/libmpy.a"
[ $# -gt 0 ] || set -- "$TOP/tests"
find "$@" -name '*.mpy' -not -path '*/fuzz/*' -not -path '*/bad*' -print0 |
    xargs -0 "$WORK/verify_bench"
