#!/usr/bin/env bash
# Hostile .mpy files given to mpy-host's importer: the factorial example
# (x64) truncated at every byte; every byte of its header, qstr table,
# object table and raw-code fields replaced by 0x00, 0xff and its value + 1;
# a wrong magic, version, sub-version, small-int width and architecture;
# relocations aimed outside the text. Each import must end in a Python
# exception (a message and exit status 1), never a crash or a sanitizer
# report; the header cases must give MicroPython's wording. A corrupted file
# may also import (a changed name, say): then it must still exit cleanly.
# Machine code and relocation records that stay inside their region are not
# corrupted: no loader can tell a wrong instruction or a wrong in-range
# address from a right one.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/host/examples-lib.sh"

HOST=$TOOLS_DIR/mpy-host
if [ ! -x "$HOST" ]; then
    test_fail host/malformed "no $HOST (make builds it)"
    exit 0
fi
why=$(host_arch_missing x64)
if [ -n "$why" ]; then
    test_skip host/malformed "$why"
    exit 0
fi
make_tmpdir
if ! host_build_example factorial x64 "$TMP"; then
    test_fail host/malformed "build: $(tail -3 "$TMP/build-factorial/build.log")"
    exit 0
fi
GOOD=$TMP/factorial.mpy
mkdir -p "$TMP/m"

# try NAME: imports $TMP/m/bad.mpy; prints the exit status, then the output.
try() {
    (cd "$TMP/m" && MICROPYPATH=. "$HOST" -c 'import bad' >out 2>&1)
    echo $?
}

# A crash is a signal (status > 128) or a sanitizer's exit code.
is_clean() { [ "$1" -le 1 ]; }

# expect_error NAME MESSAGE: bad.mpy must fail to import with MESSAGE.
expect_error() {
    local st
    st=$(try)
    if [ "$st" = 1 ] && grep -q "$2" "$TMP/m/out"; then
        test_pass "host/malformed/$1"
    else
        test_fail "host/malformed/$1" "status $st: $(tr '\n' ' ' <"$TMP/m/out" | head -c 300)"
    fi
}

# patch_byte OFFSET VALUE: bad.mpy is the good file with one byte changed.
patch_byte() {
    cp "$GOOD" "$TMP/m/bad.mpy"
    printf "$(printf '\\%03o' "$2")" | dd of="$TMP/m/bad.mpy" bs=1 seek="$1" conv=notrunc status=none
}

patch_byte 0 $((0x4e)); expect_error magic "ValueError: incompatible .mpy file"
patch_byte 1 5; expect_error version "ValueError: incompatible .mpy file"
# Sub-version 0 is no release's; mpy-host names what it loads.
patch_byte 2 $((2 << 2)); expect_error sub-version \
    "ValueError: incompatible .mpy file: bad.mpy: native code for .mpy 6.0; this runtime loads 6.1, 6.2 and 6.3"
# The architecture-flags bit (.mpy 6.3): no flags exist for x64.
patch_byte 2 $(((2 << 2) | 1 | 0x40)); expect_error arch-flags "architecture flags, which x64 code does not have"
# The firmware refuses only a width above its own (63 bits on x64).
patch_byte 3 64; expect_error small-int-bits "ValueError: incompatible .mpy file"
patch_byte 2 $(((1 << 2) | 1)); expect_error arch "ValueError: incompatible .mpy arch"
: >"$TMP/m/bad.mpy"; expect_error empty "ValueError: incompatible .mpy file"
# RISC-V modules (linked from the committed rv32imc/rv64imc objects) and the
# rv32imc extension flags are refused by name on this host.
for rv in rv32imc:--arch-flags=zba rv64imc; do
    objs=$TOP/tests/ld/examples/${rv%%:*}/factorial
    flags=${rv#*:}
    [ "$flags" = "$rv" ] && flags=
    (cd "$objs" && "$TOOLS_DIR/mpy-ld" --arch "${rv%%:*}" $flags --qstrs factorial.config.h \
        -o "$TMP/m/bad.mpy" factorial.o) >/dev/null 2>&1
    expect_error "${rv%%:*}" "ValueError: incompatible .mpy arch: bad.mpy: native code for ${rv%%:*}; this runtime runs"
done

# Where the text and the relocation stream are (mpy-tool dump --json).
"$TOOLS_DIR/mpy-tool" dump --json "$GOOD" >"$TMP/dump.json"
text_off=$(grep -A1 '"text": {' "$TMP/dump.json" | sed -n 's/.*"offset": \([0-9]*\).*/\1/p' | head -1)
reloc_off=$(grep -A1 '"relocations": {' "$TMP/dump.json" | sed -n 's/.*"offset": \([0-9]*\).*/\1/p' | head -1)
if [ -z "$text_off" ] || [ -z "$reloc_off" ]; then
    test_fail host/malformed "cannot find text and relocations in mpy-tool dump --json"
    exit 0
fi

# A relocation record is an op byte and a word index: aim the first one past
# the end of the text, and at a destination that does not exist.
patch_byte $((reloc_off + 1)) 127; expect_error reloc-outside-text "ValueError"
patch_byte "$reloc_off" $((0x7e)); expect_error reloc-bad-dest "ValueError"

# Every truncation, and three corruptions of every byte before the code.
size=$(stat -c %s "$GOOD")
bad=0 checked=0 first=
for ((i = 0; i < size; i++)); do
    head -c "$i" "$GOOD" >"$TMP/m/bad.mpy"
    st=$(try); checked=$((checked + 1))
    if [ "$st" != 1 ]; then bad=$((bad + 1)); first=${first:-"truncated to $i bytes: status $st: $(head -c 200 "$TMP/m/out")"}; fi
    # From the text on: machine code, its scope flags (without the
    # "relocate me" flag the code runs unrelocated, in the firmware too) and
    # the relocation records.
    if [ "$i" -ge "$text_off" ]; then continue; fi
    orig=$(od -An -tu1 -j "$i" -N1 "$GOOD" | tr -d ' ')
    for v in 0 255 $(((orig + 1) & 255)); do
        patch_byte "$i" "$v"
        st=$(try); checked=$((checked + 1))
        if ! is_clean "$st"; then bad=$((bad + 1)); first=${first:-"byte $i = $v: status $st: $(head -c 200 "$TMP/m/out")"}; fi
    done
done
if [ "$bad" = 0 ]; then
    test_pass "host/malformed/every-byte ($checked files)"
else
    test_fail "host/malformed/every-byte" "$bad of $checked files: first: $first"
fi
