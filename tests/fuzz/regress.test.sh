#!/usr/bin/env bash
# Replays the inputs that fuzzing found crashing (tests/fuzz/regress/TARGET/,
# each fixed since) through the fuzz targets built as plain programs
# (build/fuzz/replay_TARGET, made by make test): each must run to the end,
# and under make test SANITIZE=1 without a sanitizer report.
. "$(dirname "$0")/../lib.sh"

REGRESS=$TOP/tests/fuzz/regress
for dir in "$REGRESS"/*/; do
    target=$(basename "$dir")
    replay=$TOOLS_DIR/fuzz/replay_$target
    if [ ! -x "$replay" ]; then
        test_fail "fuzz/regress/$target" "no $replay (make test builds it)"
        continue
    fi
    for input in "$dir"*; do
        [ -f "$input" ] || continue
        case=fuzz/regress/$target/$(basename "$input")
        out=$(timeout 120 "$replay" "$input" 2>&1 >/dev/null)
        st=$?
        if [ $st -eq 0 ]; then
            test_pass "$case"
        else
            test_fail "$case" "status $st: $(printf '%s' "$out" | grep -m 3 -E 'ERROR|runtime error|SUMMARY' | tr '\n' ' ')"
        fi
    done
done
