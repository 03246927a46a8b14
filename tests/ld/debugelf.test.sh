#!/usr/bin/env bash
# mpy-ld --debug-elf on every architecture with a compiler: the crash test
# module (tests/host/crash/) built with the SDK, which writes crash.elf beside
# crash.mpy. With the binutils of the architecture's toolchain: the ELF has
# the inputs' machine and class, each symbol's address is its text offset in
# the link map, and addr2line names crash_store and a line of it for every
# address of crash_store (gdb too, where it knows the machine). The .mpy is
# the same without the ELF and without -g; an ELF that cannot be written is
# an error that leaves no .mpy. xtensawin, whose rodata is a region of its
# own (placed after the text in the ELF), links the xtensa objects.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/common.sh"
make_tmpdir
MOD_DIR=$TOP/tests/host/crash
STORE_LINE=$(grep -n 'CRASH-LINE' "$MOD_DIR/crash.c" | cut -d: -f1)

# build DIR ARCH [MAKE ARGS...]: the module built into DIR.
build() {
    local dir=$1 arch=$2
    shift 2
    mkdir -p "$dir" && cp "$MOD_DIR/crash.c" "$MOD_DIR/Makefile" "$dir/" &&
        make -s -C "$dir" MPY_DIR="$TOP" MPY_LD="$MPY_LD" ARCH="$arch" "$@" >"$dir/make.log" 2>&1
}

# binutils ARCH: the prefix of the toolchain's binutils (empty: the host's).
binutils() {
    local cc
    cc=$(ld_cc "$1")
    cc=${cc%% *}
    echo "${cc%gcc}"
}

# map_symbol NAME: "offset size" of a symbol in crash.map, the offset from
# the start of the ELF (rodata's region starts at the ELF's .rodata).
map_symbol() {
    local rodata region off size
    rodata=$("${bu}readelf" -SW crash.elf | sed 's/^ *\[ *[0-9]*\] *//' | awk '$1 == ".rodata" { print $3 }')
    read -r region off size < <(awk -v n="$1" '$6 == n && ($1 == "text" || $1 == "rodata") { print $1, $2, $3; exit }' crash.map)
    [ -n "$off" ] || return 0
    [ "$region" = rodata ] && off=$(printf '%x' $((16#$off + 16#${rodata:-0})))
    echo "$off $size"
}

# link_xtensawin DIR: the xtensa objects linked for xtensawin into DIR,
# with the map and ELF, and without them into DIR/plain (linked from there:
# the .mpy holds its name as given to -o).
link_xtensawin() {
    mkdir -p "$1/build" "$1/plain" && cp "$TMP/xtensa/crash.c" "$1/" &&
        cp "$TMP/xtensa/build/crash.o" "$TMP/xtensa/build/crash.config.h" "$1/build/" &&
        (cd "$1" && "$MPY_LD" --arch xtensawin --qstrs build/crash.config.h --map crash.map \
            --debug-elf crash.elf -o crash.mpy build/crash.o &&
            cd plain && "$MPY_LD" --arch xtensawin --qstrs ../build/crash.config.h -o crash.mpy ../build/crash.o) \
            >"$1/make.log" 2>&1
}

check_arch() {
    local arch=$1 dir=$TMP/$1 bu addr size sym elfaddr ok out line
    if [ "$arch" = xtensawin ]; then
        link_xtensawin "$dir"
    else
        build "$dir" "$arch" MAP=1
    fi
    if [ $? != 0 ]; then
        test_fail "ld/debugelf/$arch/build" "make failed"
        tail -5 "$dir/make.log"
        return
    fi
    cd "$dir" || return
    bu=$(binutils "$(ld_obj_arch "$arch")")
    if [ ! -f crash.elf ] || ! have_tool "${bu}readelf" || ! have_tool "${bu}addr2line"; then
        [ -f crash.elf ] && test_skip "ld/debugelf/$arch" "no ${bu}readelf/${bu}addr2line" ||
            test_fail "ld/debugelf/$arch/written" "the SDK wrote no crash.elf"
        return
    fi
    # The machine and class of the objects.
    if [ "$("${bu}readelf" -h crash.elf | grep -E 'Class|Machine')" = \
        "$("${bu}readelf" -h build/crash.o | grep -E 'Class|Machine')" ]; then
        test_pass "ld/debugelf/$arch/header"
    else
        test_fail "ld/debugelf/$arch/header" "class or machine differ from the objects'"
    fi
    # Every function and object of the map at its text offset.
    ok=1
    for sym in crash_store crash_write_null crash_add mpy_init crash_add_obj; do
        read -r addr size < <(map_symbol "$sym")
        elfaddr=$("${bu}readelf" -sW crash.elf | awk -v n="$sym" '$8 == n { print $2, $3 }')
        if [ -z "$addr" ] || [ "$(printf '%x %d' $((16#${elfaddr%% *})) "${elfaddr##* }")" != \
            "$(printf '%x %d' $((16#$addr)) "$size")" ]; then
            ok=0
            echo "  $sym: map '$addr $size', ELF '$elfaddr'"
        fi
    done
    [ $ok = 1 ] && test_pass "ld/debugelf/$arch/symbols" ||
        test_fail "ld/debugelf/$arch/symbols" "symbol addresses differ from the map's"
    # Each address of crash_store: the function, a line of it (the store's
    # line among them).
    # (Arm: bit 0 of a Thumb function's address is set, as in the objects.)
    read -r addr size < <(map_symbol crash_store)
    [[ $arch == arm* ]] && addr=$(printf '%x' $((16#$addr & ~1)))
    out=$(for ((i = 0; i < size; i++)); do printf '0x%x\n' $((16#$addr + i)); done |
        "${bu}addr2line" -f -e crash.elf)
    line=$(sed -n 's/.*crash\.c:\([0-9]*\).*/\1/p' <<<"$out" | sort -un | tr '\n' ' ')
    if [ "$(grep -vc '^crash_store$\|crash\.c:' <<<"$out")" = 0 ] && grep -qw "$STORE_LINE" <<<"$line" &&
        [ "$(grep -c '^crash_store$' <<<"$out")" = "$size" ]; then
        test_pass "ld/debugelf/$arch/addr2line"
    else
        test_fail "ld/debugelf/$arch/addr2line" "crash_store's addresses give lines '$line' (the store is line $STORE_LINE)"
        head -6 <<<"$out"
    fi
    # gdb, for the machines it knows.
    if have_tool gdb && gdb -batch -ex 'info line *0' crash.elf 2>&1 | grep -q 'Line\|No line'; then
        if gdb -batch -ex "info line *0x$addr" crash.elf 2>&1 | grep -q "of \"crash.c\""; then
            test_pass "ld/debugelf/$arch/gdb"
        else
            test_fail "ld/debugelf/$arch/gdb" "gdb finds no line for crash_store"
        fi
    fi
    # The .mpy without the ELF and without -g.
    if { [ "$arch" = xtensawin ] || build "$dir/plain" "$arch" DEBUG_ELF=0; } && cmp -s crash.mpy plain/crash.mpy &&
        [ ! -e plain/crash.elf ]; then
        test_pass "ld/debugelf/$arch/mpy-unchanged"
    else
        test_fail "ld/debugelf/$arch/mpy-unchanged" "the .mpy differs with -g and --debug-elf"
    fi
    cd "$TMP" || return
}

for arch in $LD_LINK_ARCHS; do
    if ! ld_have_cc "$(ld_obj_arch "$arch")"; then
        test_skip "ld/debugelf/$arch" "no compiler for $arch (Debian: $(ld_cc_package "$(ld_obj_arch "$arch")"))"
        continue
    fi
    check_arch "$arch"
done

# An ELF that cannot be written: an error naming it, and no .mpy.
if [ -f "$TMP/x64/build/crash.o" ]; then
    cd "$TMP/x64" || exit 1
    if ! "$MPY_LD" --qstrs build/crash.config.h --debug-elf "$TMP/no/such/dir/crash.elf" \
        -o "$TMP/out.mpy" build/crash.o >/dev/null 2>"$TMP/err" && grep -q 'no/such/dir/crash.elf' "$TMP/err" &&
        [ ! -e "$TMP/out.mpy" ]; then
        test_pass "ld/debugelf/unwritable"
    else
        test_fail "ld/debugelf/unwritable" "expected an error and no .mpy"
        cat "$TMP/err"
    fi
fi

# make clean removes the ELF.
if [ -f "$TMP/x64/crash.elf" ]; then
    if make -s -C "$TMP/x64" MPY_DIR="$TOP" clean >/dev/null 2>&1 && [ ! -e "$TMP/x64/crash.elf" ]; then
        test_pass "ld/debugelf/clean"
    else
        test_fail "ld/debugelf/clean" "make clean left crash.elf"
    fi
fi
