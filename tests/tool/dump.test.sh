#!/usr/bin/env bash
# `mpy-tool dump` of every .mpy under tests/tool against the expected text in
# dump/: bytecode and native fixtures, every example module of
# examples/natmod/ built for x64 and armv7m, and some of the recorded merges
# (the others are only read back: dump must succeed). The JSON
# form against dump/*.json where one is recorded, and (when python3 is
# there) checked to parse for every file; `mpy-tool opcodes` against
# dump/opcodes.txt.
. "$(dirname "$0")/../lib.sh"

: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"
HERE=$TOP/tests/tool

if [ ! -x "$MPY_TOOL" ]; then
    test_fail tool-dump "mpy-tool not built: $MPY_TOOL"
    exit 0
fi
make_tmpdir
have_python=0
python3 -c 'import json' 2>/dev/null && have_python=1

# compare CASE EXPECTED ACTUAL
compare() {
    if [ ! -f "$2" ]; then
        test_fail "$1" "no expected output ${2#"$TOP"/} (run tests/tool/record.sh)"
    elif ! cmp -s "$2" "$3"; then
        test_fail "$1" "differs from ${2#"$TOP"/}"
        diff "$2" "$3" | head -n 10 | sed 's/^/    /'
    else
        test_pass "$1"
    fi
}

cd "$HERE" || exit 1
json_ok=0
json_bad=""
for f in fixtures/*.mpy golden/*.mpy examples/*/*.mpy; do
    [ -f "$f" ] || continue
    base=dump/$(echo "${f%.mpy}" | tr / _)
    case=tool/dump/${f%.mpy}
    if ! "$MPY_TOOL" dump "$f" >"$TMP/out.txt" 2>"$TMP/err"; then
        test_fail "$case" "exit status $?: $(head -n 2 "$TMP/err")"
        continue
    fi
    if [ -f "$base.txt" ] || [ "${f#golden/}" = "$f" ]; then
        compare "$case" "$base.txt" "$TMP/out.txt"
    else
        # most recorded merges are only read back
        test_pass "$case (read)"
    fi
    if ! "$MPY_TOOL" dump --json "$f" >"$TMP/out.json" 2>"$TMP/err"; then
        test_fail "$case/json" "exit status $?: $(head -n 2 "$TMP/err")"
        continue
    fi
    if [ -f "$base.json" ]; then
        compare "$case/json" "$base.json" "$TMP/out.json"
    fi
    if [ $have_python = 1 ]; then
        if python3 -m json.tool "$TMP/out.json" >/dev/null 2>&1; then
            json_ok=$((json_ok + 1))
        else
            json_bad="$json_bad $f"
        fi
    fi
done
if [ $have_python = 0 ]; then
    test_skip tool/dump/json-parses "python3 not installed"
elif [ -n "$json_bad" ]; then
    test_fail tool/dump/json-parses "invalid JSON for:$json_bad"
else
    test_pass "tool/dump/json-parses ($json_ok files)"
fi

# Several files at once: text blocks one after the other, JSON as an array.
if "$MPY_TOOL" dump fixtures/tiny.mpy fixtures/unwind.mpy >"$TMP/two.txt" &&
    cat dump/fixtures_tiny.txt <(echo) dump/fixtures_unwind.txt | cmp -s - "$TMP/two.txt"; then
    test_pass tool/dump/two-files
else
    test_fail tool/dump/two-files
fi
if [ $have_python = 1 ]; then
    if "$MPY_TOOL" dump --json fixtures/tiny.mpy fixtures/unwind.mpy |
        python3 -c 'import json, sys; d = json.load(sys.stdin); assert [x["file"] for x in d] == ["fixtures/tiny.mpy", "fixtures/unwind.mpy"]' 2>/dev/null; then
        test_pass tool/dump/two-files-json
    else
        test_fail tool/dump/two-files-json
    fi
fi

"$MPY_TOOL" opcodes >"$TMP/opcodes.txt"
compare tool/opcodes dump/opcodes.txt "$TMP/opcodes.txt"
