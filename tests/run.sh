#!/usr/bin/env bash
# Runs every tests/*/*.test.sh script (or the ones named on the command line)
# and prints the closing line "N passed, N failed, N skipped".
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
export RESULTS
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

if [ $# -gt 0 ]; then scripts=("$@"); else scripts=("$TOP"/tests/*/*.test.sh); fi
for script in "${scripts[@]}"; do
    echo "== ${script#"$TOP"/}"
    fails_before=$(grep -c '^fail ' "$RESULTS")
    if ! bash "$script"; then
        # A script that dies without reporting a failure still counts as one.
        if [ "$(grep -c '^fail ' "$RESULTS")" -eq "$fails_before" ]; then
            echo "fail ${script#"$TOP"/}" >>"$RESULTS"
        fi
        echo "FAIL ${script#"$TOP"/} exited non-zero"
    fi
done

passed=$(grep -c '^pass ' "$RESULTS")
failed=$(grep -c '^fail ' "$RESULTS")
skipped=$(grep -c '^skip ' "$RESULTS")
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
