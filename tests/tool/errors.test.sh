#!/usr/bin/env bash
# Malformed input and misuse of mpy-tool: every file of bad/ gives the error
# recorded in bad/NAME.err (exit status 1) for dump and for merge, and merge
# then writes nothing; every truncation of some fixtures gives an error with
# an offset; single-byte corruptions never crash (status 0 or 1 only, which
# also catches the sanitizers' statuses), and whatever merge accepts, dump
# reads back. Plus the command-line errors (status 2), two native inputs,
# and unwritable outputs.
. "$(dirname "$0")/../lib.sh"

: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"
HERE=$TOP/tests/tool

if [ ! -x "$MPY_TOOL" ]; then
    test_fail tool-errors "mpy-tool not built: $MPY_TOOL"
    exit 0
fi
make_tmpdir
cd "$HERE" || exit 1

# expect_error CASE STATUS EXPECTED_STDERR_FILE ARGS...
expect_error() {
    local case=$1 want=$2 errfile=$3
    shift 3
    "$MPY_TOOL" "$@" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    if [ $rc -ne "$want" ]; then
        test_fail "$case" "exit status $rc, expected $want: $(head -n 2 "$TMP/err")"
    elif [ -n "$errfile" ] && ! cmp -s "$errfile" "$TMP/err"; then
        test_fail "$case" "message differs: $(head -n 2 "$TMP/err")"
        diff "$errfile" "$TMP/err" | head -n 5 | sed 's/^/    /'
    elif [ -s "$TMP/out" ]; then
        test_fail "$case" "wrote to standard output despite the error"
    else
        test_pass "$case"
    fi
}

# --- bad/: one defect per file
for f in bad/*.mpy; do
    name=$(basename "$f" .mpy)
    if [ "$name" = trailing ]; then
        # readable (dump says so), but refused by merge
        if "$MPY_TOOL" dump "$f" | grep -q '^trailing data: 2 bytes'; then
            test_pass tool/errors/trailing/dump
        else
            test_fail tool/errors/trailing/dump
        fi
        rm -f "$TMP/merged.mpy"
        expect_error tool/errors/trailing/merge 1 bad/trailing.err merge -o "$TMP/merged.mpy" fixtures/tiny.mpy "$f"
        [ -e "$TMP/merged.mpy" ] && test_fail tool/errors/trailing/no-output "output written"
        continue
    fi
    expect_error "tool/errors/$name" 1 "bad/$name.err" dump "$f"
    rm -f "$TMP/merged.mpy"
    expect_error "tool/errors/$name/merge" 1 "bad/$name.err" merge -o "$TMP/merged.mpy" fixtures/tiny.mpy "$f"
    if [ -e "$TMP/merged.mpy" ]; then
        test_fail "tool/errors/$name/no-output" "merge wrote $TMP/merged.mpy"
    fi
done

# --- every truncation gives an error that names an offset
# text_range FILE: start and end offset of the (first) machine code in FILE,
# which is not parsed, so that the sweeps below can skip most of it.
text_range() {
    local size at
    if read -r size at < <("$MPY_TOOL" dump "$1" | sed -n 's/^ *text: \([0-9]*\) bytes at \(0x[0-9a-f]*\).*/\1 \2/p'); then
        echo $((at)) $((at + size))
    else
        wc -c <"$1"
        wc -c <"$1"
    fi | tr '\n' ' '
}

for f in fixtures/tiny.mpy fixtures/unwind.mpy fixtures/x64-qstrs.mpy fixtures/xtensawin-rodata.mpy; do
    size=$(wc -c <"$f")
    read -r text_start text_end < <(text_range "$f")
    bad=""
    for ((n = 0; n < size; n++)); do
        [ $n -gt $((text_start + 1)) ] && [ $n -lt $((text_end - 1)) ] && continue
        head -c $n "$f" >"$TMP/cut.mpy"
        "$MPY_TOOL" dump "$TMP/cut.mpy" >/dev/null 2>"$TMP/err"
        rc=$?
        if [ $rc -ne 1 ] || ! grep -q ': offset 0x[0-9a-f]*: ' "$TMP/err"; then
            bad="$bad $n(status $rc)"
        fi
    done
    if [ -z "$bad" ]; then
        test_pass "tool/errors/truncated/$(basename "$f" .mpy)"
    else
        test_fail "tool/errors/truncated/$(basename "$f" .mpy)" "lengths:$(echo $bad | cut -c 1-200)"
    fi
done

# --- single-byte corruptions: never a crash; merge output always readable
# patch FILE OFFSET BYTE OUT: FILE with the byte at OFFSET replaced.
patch() {
    cp "$1" "$4"
    printf "\\x$(printf %02x "$3")" | dd of="$4" bs=1 seek="$2" conv=notrunc status=none
}
for f in fixtures/tiny.mpy fixtures/unwind.mpy fixtures/x64-qstrs.mpy; do
    size=$(wc -c <"$f")
    read -r text_start text_end < <(text_range "$f")
    bad=""
    runs=0
    for ((i = 0; i < size; i++)); do
        [ $i -ge $text_start ] && [ $i -lt $text_end ] && continue
        orig=$(od -An -tu1 -j $i -N1 "$f" | tr -d ' ')
        for v in $((orig ^ 0xff)) $((orig ^ 0x01)) $((orig ^ 0x80)); do
            patch "$f" $i $v "$TMP/bad.mpy"
            "$MPY_TOOL" dump "$TMP/bad.mpy" >/dev/null 2>&1
            rc=$?
            [ $rc -le 1 ] || bad="$bad dump@$i=$v(status $rc)"
            "$MPY_TOOL" merge -o "$TMP/m.mpy" "$TMP/bad.mpy" fixtures/tiny.mpy >/dev/null 2>&1
            rc=$?
            if [ $rc -eq 0 ]; then
                "$MPY_TOOL" dump "$TMP/m.mpy" >/dev/null 2>&1 || bad="$bad unreadable-merge@$i=$v"
            elif [ $rc -ne 1 ]; then
                bad="$bad merge@$i=$v(status $rc)"
            fi
            rm -f "$TMP/m.mpy"
            runs=$((runs + 1))
        done
    done
    if [ -z "$bad" ]; then
        test_pass "tool/errors/corrupted/$(basename "$f" .mpy) ($runs files)"
    else
        test_fail "tool/errors/corrupted/$(basename "$f" .mpy)" "$(echo $bad | cut -c 1-300)"
    fi
done

# --- two native inputs
echo "mpy-tool: error: cannot merge fixtures/x64-bss.mpy and fixtures/armv7m-externs.mpy: both contain native code (x64, armv7m); at most one input may" >"$TMP/two.err"
rm -f "$TMP/merged.mpy"
expect_error tool/errors/two-natives 1 "$TMP/two.err" merge -o "$TMP/merged.mpy" fixtures/x64-bss.mpy fixtures/tiny.mpy fixtures/armv7m-externs.mpy
[ -e "$TMP/merged.mpy" ] && test_fail tool/errors/two-natives/no-output "output written"

# --- a failed merge leaves an existing output as it was
echo "previous contents" >"$TMP/keep.mpy"
"$MPY_TOOL" merge -o "$TMP/keep.mpy" fixtures/tiny.mpy bad/unknown-opcode.mpy 2>/dev/null
if [ "$(cat "$TMP/keep.mpy")" = "previous contents" ] && [ -z "$(ls "$TMP" | grep 'keep.mpy.tmp')" ]; then
    test_pass tool/errors/output-untouched
else
    test_fail tool/errors/output-untouched
fi

# --- outputs and inputs that cannot be opened
expect_error tool/errors/unwritable 1 "" merge -o "$TMP/no/such/dir/out.mpy" fixtures/tiny.mpy fixtures/values.mpy
grep -q "cannot write" "$TMP/err" || test_fail tool/errors/unwritable/message "$(cat "$TMP/err")"
expect_error tool/errors/missing-input 1 "" dump fixtures/no-such-file.mpy
grep -q "no-such-file.mpy: cannot read" "$TMP/err" || test_fail tool/errors/missing-input/message "$(cat "$TMP/err")"

# --- command-line errors: status 2 with the usage
expect_error tool/usage/no-command 2 "" fixtures/tiny.mpy
expect_error tool/usage/nothing 2 ""
expect_error tool/usage/no-files 2 "" merge -o "$TMP/x.mpy"
expect_error tool/usage/unknown-option 2 "" dump --frobnicate fixtures/tiny.mpy
expect_error tool/usage/output-for-dump 2 "" dump -o "$TMP/x.mpy" fixtures/tiny.mpy
expect_error tool/usage/two-commands 2 "" dump --merge fixtures/tiny.mpy
if "$MPY_TOOL" --help | grep -q '^usage: mpy-tool merge'; then
    test_pass tool/usage/help
else
    test_fail tool/usage/help
fi
