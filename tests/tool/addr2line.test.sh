#!/usr/bin/env bash
# mpy-tool addr2line on the crash module of tests/host/crash/, built with the
# SDK on every architecture with a compiler (and on x64 also with DWARF 2, 3
# and 4 line tables), and the module of tests/ld/gcsections/, linked with
# --gc-sections, on five: for every text offset it must give the function of the
# debug ELF's symbols and the file:line that the toolchain's own addr2line
# gives. A .mpy without its ELF gives each offset's place and a note; a
# malformed ELF or .debug_line is an error naming the file, the offset and
# what was expected (status 1, never a crash); each byte of the line table
# and of the ELF header, and every 8th of the section headers, set to 0xff
# gives status 0 or 1 (which also catches the sanitizers' statuses).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/ld/common.sh"
make_tmpdir
: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"
SRC_DIR=$TOP/tests/host/crash

# build DIR ARCH [MAKE ARGS...]
build() {
    local dir=$1 arch=$2
    shift 2
    mkdir -p "$dir" && cp "$SRC_DIR/crash.c" "$SRC_DIR/Makefile" "$dir/" &&
        make -s -C "$dir" MPY_DIR="$TOP" MPY_LD="$MPY_LD" ARCH="$arch" "$@" >"$dir/make.log" 2>&1
}

# section READELF FILE NAME: "offset size" of section NAME (hex).
section() {
    "$1" -SW "$2" | sed 's/^ *\[ *[0-9]*\] *//' | awk -v n="$3" '$1 == n { print $4, $5 }'
}

# compare LABEL DIR BINUTILS_PREFIX [MOD]: every text offset of MOD (default
# crash), mpy-tool against the toolchain's addr2line (function from -f, line
# as FILE:LINE).
compare() {
    local label=$1 dir=$2 bu=$3 mod=${4:-crash} len offs
    len=$(section "${bu}readelf" "$dir/$mod.elf" .text)
    len=${len#* }
    offs=$(for ((i = 0; i < 16#$len; i++)); do printf '%x\n' "$i"; done)
    # shellcheck disable=SC2086
    "$MPY_TOOL" addr2line "$dir/$mod.mpy" $offs >"$TMP/ours" 2>"$TMP/ours.err"
    local rc=$?
    # binutils: "?? / ??:0" or "name / path/file:line (discriminator N)".
    # shellcheck disable=SC2086
    "${bu}addr2line" -f -e "$dir/$mod.elf" $offs | paste - - |
        sed 's| (discriminator [0-9]*)||; s|\t.*/|\t|' |
        awk -F'\t' '{ fn = $1 == "??" ? "?" : $1; line = $2 ~ /:0$|^\?\?/ ? "" : " at " $2; print fn "|" line }' >"$TMP/theirs"
    # ours: "name+0xNN at file:line" -> "name| at file:line"
    sed 's/+0x[0-9a-f]*//; s/^\([^ ]*\)\( at .*\)\{0,1\}$/\1|\2/' "$TMP/ours" >"$TMP/ours.cmp"
    # Where binutils has no line (data kept in text), it names the function
    # before it, mpy-tool the object there: compared where there is a line.
    paste -d'\n' "$TMP/theirs" "$TMP/ours.cmp" | paste - - | awk -F'\t' '$1 ~ /\| at / && $1 != $2' >"$TMP/diff"
    if [ $rc = 0 ] && [ "$(wc -l <"$TMP/ours.cmp")" = $((16#$len)) ] && [ ! -s "$TMP/diff" ] &&
        [ "$(grep -c '| at ' "$TMP/theirs")" -gt 10 ]; then
        test_pass "$label"
    else
        test_fail "$label" "status $rc; differs from ${bu}addr2line (binutils, then mpy-tool):"
        head -10 "$TMP/diff" "$TMP/ours.err"
    fi
}

binutils() {
    local cc
    cc=$(ld_cc "$1")
    cc=${cc%% *}
    echo "${cc%gcc}"
}

for arch in $LD_OBJ_ARCHS; do
    label=tool/addr2line/$arch
    if ! ld_have_cc "$arch"; then
        test_skip "$label" "no compiler for $arch (Debian: $(ld_cc_package "$arch"))"
        continue
    fi
    bu=$(binutils "$arch")
    if ! have_tool "${bu}addr2line"; then
        test_skip "$label" "no ${bu}addr2line"
        continue
    fi
    if ! build "$TMP/$arch" "$arch"; then
        test_fail "$label" "make failed"
        continue
    fi
    compare "$label" "$TMP/$arch" "$bu"
done

# A module with code that --gc-sections leaves out (tests/ld/gcsections/):
# the DWARF of that code must not land on the module's.
for arch in x64 x86 armv6m rv32imc xtensa; do
    label=tool/addr2line/gc-sections/$arch
    bu=$(binutils "$arch")
    if ! ld_have_cc "$arch" || ! have_tool "${bu}addr2line"; then
        test_skip "$label" "no compiler or ${bu}addr2line for $arch"
        continue
    fi
    mkdir -p "$TMP/gc-$arch" && cp "$TOP"/tests/ld/gcsections/*.c "$TOP/tests/ld/gcsections/Makefile" "$TMP/gc-$arch/"
    if make -s -C "$TMP/gc-$arch" MPY_DIR="$TOP" MPY_LD="$MPY_LD" ARCH="$arch" >"$TMP/gc-$arch/make.log" 2>&1 &&
        grep -q 'kept the --gc-sections link' "$TMP/gc-$arch/make.log"; then
        compare "$label" "$TMP/gc-$arch" "$bu" gc_test
    else
        test_fail "$label" "make failed, or kept the plain link"
    fi
done

# DWARF 2-4 line tables (x64).
if ld_have_cc x64; then
    for v in 2 3 4; do
        if build "$TMP/dwarf$v" x64 CFLAGS_EXTRA="-gdwarf-$v"; then
            compare "tool/addr2line/dwarf$v" "$TMP/dwarf$v" ""
        else
            test_fail "tool/addr2line/dwarf$v" "make failed"
        fi
    done
fi

[ -f "$TMP/x64/crash.elf" ] || exit 0
cd "$TMP/x64" || exit 1

# The ELF given directly, and offsets in both spellings.
store=$(readelf -sW crash.elf | awk '$8 == "crash_store" { print $2 }')
if [ "$("$MPY_TOOL" addr2line crash.elf "0x$store" "$store" | sort -u | wc -l)" = 1 ] &&
    "$MPY_TOOL" addr2line crash.elf "$store" | grep -q '^crash_store+0x0 at crash.c:'; then
    test_pass tool/addr2line/elf
else
    test_fail tool/addr2line/elf "expected crash_store+0x0 for 0x$store"
fi

# A .mpy without its ELF.
cp crash.mpy alone.mpy
out=$("$MPY_TOOL" addr2line alone.mpy "$store" 10000 2>"$TMP/err")
text=$(section readelf crash.elf .text)
if [ $? = 0 ] && [ "$out" = "text+0x$(printf '%x' $((16#$store)))
0x10000: outside the text (0x$(printf '%x' $((16#${text#* }))) bytes)" ]; then
    if grep -q 'alone.elf' "$TMP/err" && grep -q 'debug-elf' "$TMP/err"; then
        test_pass tool/addr2line/no-elf
    else
        test_fail tool/addr2line/no-elf "no note on how to get the ELF"
    fi
else
    test_fail tool/addr2line/no-elf "got: $out"
fi

# expect_error NAME FILE PATTERN: addr2line on FILE fails with status 1
# and an error matching PATTERN.
expect_error() {
    "$MPY_TOOL" addr2line "$2" "$store" >/dev/null 2>"$TMP/err"
    local rc=$?
    if [ $rc = 1 ] && grep -q "$3" "$TMP/err"; then
        test_pass "tool/addr2line/bad/$1"
    else
        test_fail "tool/addr2line/bad/$1" "status $rc, expected 1 and '$3'"
        cat "$TMP/err"
    fi
}

# patch FILE OFFSET HEXBYTES: overwrites bytes of a copy.
patch() {
    printf "$(sed 's/\(..\)/\\x\1/g' <<<"$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

line_off=$(section readelf crash.elf .debug_line)
line_off=$((16#${line_off%% *}))
# The first header of gcc's DWARF 5 table: length (4 bytes), version (2),
# address and segment size, header length (4), instruction length, maximum
# operations, default is_stmt, line base, line range (offset 16), opcode
# base 13 and its 12 opcode lengths, the directory format count (30).
for case in "version 4 0900:a line table version 2 to 5" \
    "length 0 f0ffff7f:a unit length within the section" \
    "range 16 00:a line range other than 0" \
    "formats 30 ff:at most 16 entry formats"; do
    read -r name at bytes <<<"${case%%:*}"
    cp crash.elf "$name.elf"
    patch "$name.elf" $((line_off + at)) "$bytes"
    expect_error "debug_line-$name" "$name.elf" "$name.elf: malformed .debug_line at offset 0x[0-9a-f]*: expected ${case#*:}"
done
head -c 40 crash.elf >short.elf
expect_error truncated short.elf "short.elf: malformed ELF file at offset"
printf 'not an ELF file at all, just text\n' >text.elf
expect_error magic text.elf "text.elf: malformed ELF file at offset 0x0: expected an ELF file"
cp crash.elf shoff.elf
patch shoff.elf 40 ffffff00
expect_error shoff shoff.elf "shoff.elf: malformed ELF file at offset 0xffffff: expected section headers inside the file"
expect_error missing no-such.elf "no-such.elf: cannot read"

# Single-byte corruptions: status 0 or 1 only.
sh_off=$((16#$(od -An -tx8 -j40 -N8 crash.elf | tr -d ' ')))
sh_num=$(od -An -tu2 -j60 -N2 crash.elf | tr -d ' ')
line_len=$(section readelf crash.elf .debug_line)
line_len=$((16#${line_len#* }))
bad=
for at in $(seq 0 63) $(seq "$sh_off" 8 $((sh_off + 64 * sh_num - 1))) $(seq "$line_off" $((line_off + line_len - 1))); do
    cp crash.elf flip.elf
    patch flip.elf "$at" ff
    "$MPY_TOOL" addr2line flip.elf "$store" 20 >/dev/null 2>&1
    rc=$?
    [ $rc -le 1 ] || bad="$bad $at:$rc"
done
if [ -z "$bad" ]; then
    test_pass tool/addr2line/bad/corruptions
else
    test_fail tool/addr2line/bad/corruptions "offset:status:$bad"
fi
