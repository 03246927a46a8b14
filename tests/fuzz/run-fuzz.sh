#!/usr/bin/env bash
# Fuzzes the parsers with libFuzzer (clang, with AddressSanitizer and
# UndefinedBehaviorSanitizer): each target for SECONDS (default 60), seeded
# from the test suite and the committed regression inputs. Not part of make
# test, which only replays tests/fuzz/regress/ (regress.test.sh).
#   tests/fuzz/run-fuzz.sh [SECONDS [TARGET...]]      (make fuzz FUZZ_TIME=N)
# Targets: mpy_ld (an object or archive linked, the first byte picks arch
# and .mpy version), mpy_tool (dump and merge of a .mpy), mpy_load (the
# runtime's .mpy loader, code not run), compile (lexer, parser and compiler
# on Python source), vm (bytecode-only .mpy files run within a loop budget).
# A crash stops its target and leaves the input as build/fuzz/TARGET/crash-*:
# fix it, and commit the input to tests/fuzz/regress/TARGET/.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=${*:-mpy_ld mpy_tool mpy_load compile vm}
out=$TOP/build/fuzz
mkdir -p "$out"
make -s -C "$TOP" build/mpy-ld >/dev/null

# sources TARGET: the project sources the target links (mains left out).
sources() {
    local dirs="base mpy"
    case $1 in
        mpy_ld) dirs="$dirs mpy-ld" ;;
        mpy_tool) dirs="$dirs mpy-tool" ;;
        *) dirs="$dirs runtime" ;;
    esac
    for d in $dirs; do ls "$TOP/src/$d"/*.c; done | grep -v '/main\.c$'
}

# seed TARGET DIR: fill DIR with inputs from the test suite.
seed() {
    local i=0 f arch n
    case $1 in
        mpy_ld)
            # each committed object, prefixed with the byte of its
            # architecture: its index in mpy-ld's arch table
            local archs
            archs=$("$TOP/build/mpy-ld" --help | sed -n '/^  --arch ARCH/{n;p}')
            for f in "$TOP"/tests/ld/objs/*/*/*.o; do
                arch=$(basename "$(dirname "$(dirname "$f")")")
                n=0
                for a in $archs; do [ "$a" = "$arch" ] && break; n=$((n + 1)); done
                { printf "\\x$(printf %02x $n)"; cat "$f"; } >"$2/seed$i"
                i=$((i + 1))
            done
            ;;
        compile)
            find "$TOP/tests" -name '*.py' -size -64k -exec cp {} "$2/" \;
            ;;
        *)
            # (not tests/fuzz/open/: inputs that still crash)
            find "$TOP/tests" -name '*.mpy' -size -64k -not -path '*/fuzz/open/*' | while read -r f; do
                cp "$f" "$2/seed-$(echo "${f#"$TOP"/tests/}" | tr / _)"
            done
            ;;
    esac
}

summary=()
for t in $targets; do
    dir=$out/$t
    mkdir -p "$dir/corpus" "$dir/seeds"
    echo "== $t: building"
    # shellcheck disable=SC2046
    clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -D_POSIX_C_SOURCE=200809L -DMICROPY_SDK_RUNTIME=1 -I"$TOP/src" -I"$TOP" \
        "$TOP/tests/fuzz/fuzz_$t.c" $(sources "$t") -lm -o "$dir/fuzz_$t"
    seed "$t" "$dir/seeds"
    regress=$TOP/tests/fuzz/regress/$t
    [ -d "$regress" ] || regress=
    echo "== $t: fuzzing for $seconds s"
    status=0
    (cd "$dir" && ./"fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
        -rss_limit_mb=2048 -close_fd_mask=3 corpus seeds $regress) >"$dir/log" 2>&1 || status=$?
    stats=$(grep -E '^#[0-9]+' "$dir/log" | tail -n 1)
    runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$dir/log")
    if [ $status -eq 0 ]; then
        summary+=("$t: ${runs:-?} runs, no crash; last: $stats")
    else
        summary+=("$t: FAILED (status $status): $(ls "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-* 2>/dev/null | head -n 3 | tr '\n' ' ')")
        grep -m 5 -E 'ERROR|SUMMARY|runtime error' "$dir/log" || true
    fi
done
printf '%s\n' "${summary[@]}"
