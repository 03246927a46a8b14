#!/usr/bin/env bash
# shellcheck disable=SC2046,SC2086 # object and source names are split on purpose
# Golden tests of the linker: links every committed test object set
# (tests/ld/objs/) with $MPY_LD exactly as record-golden.sh linked it with
# the reference mpy_ld.py, and compares the .mpy bytes and the -vvv log with
# the recorded ones (tests/ld/golden/). Where a <name>.expected.mpy exists
# (the reference fails or writes wrong code there, see golden/README.md) it
# and <name>.expected.log are compared instead; a case with only a
# <name>.fail.log is skipped.
# Also checks --preprocess against the committed <module>.config.h files, and
# --mpy-version 6.N against golden/mpy-6.N.sha256, the reference linkers of
# later releases on the same objects (record-versions.sh).
. "$(dirname "$0")/../lib.sh"
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

if [ ! -x "$MPY_LD" ]; then
    test_fail ld-golden "linker not built: $MPY_LD"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# show_diff WHAT EXPECTED ACTUAL: a short report of how two files differ.
show_diff() {
    echo "  $1 differs: $(cmp "$2" "$3" 2>&1 | head -n 1 | sed "s/^.* differ: /first difference at /")"
    if [ "$1" = log ]; then
        diff "$2" "$3" | head -n 20 | sed 's/^/    /'
    else
        diff <(xxd "$2") <(xxd "$3") | head -n 20 | sed 's/^/    /'
    fi
}

for arch in $LD_LINK_ARCHS; do
    gold=$LD_GOLDEN/$arch
    [ -d "$gold" ] || continue
    for name in $(ld_modules); do
        case=ld-golden/$arch/$name
        if [ -f "$gold/$name.expected.mpy" ]; then
            # the reference fails or is known to be wrong here
            expect_mpy=$gold/$name.expected.mpy
            expect_log=$gold/$name.expected.log
            [ -f "$expect_log" ] || expect_log=
        elif [ -f "$gold/$name.mpy" ]; then
            expect_mpy=$gold/$name.mpy
            expect_log=$gold/$name.log
        elif [ -f "$gold/$name.fail.log" ]; then
            test_skip "$case" "reference fails ($(tail -n 1 "$gold/$name.fail.log"))"
            continue
        else
            continue
        fi
        work=$tmp/$arch-$name
        mkdir "$work"
        if ! objs=$(ld_stage "$name" "$arch" "$work"); then
            test_fail "$case" "cannot stage the objects"
            continue
        fi
        (cd "$work" && "$MPY_LD" $(ld_link_args "$arch" "$name" $objs)) >"$work/log" 2>&1
        rc=$?
        if [ $rc -ne 0 ] || [ ! -f "$work/$name.mpy" ]; then
            test_fail "$case" "mpy-ld exit status $rc: $(tail -n 1 "$work/log")"
            continue
        fi
        ok=1
        if ! cmp -s "$expect_mpy" "$work/$name.mpy"; then
            show_diff .mpy "$expect_mpy" "$work/$name.mpy"
            ok=0
        fi
        if [ -n "$expect_log" ] && ! cmp -s "$expect_log" "$work/log"; then
            show_diff log "$expect_log" "$work/log"
            ok=0
        fi
        if [ $ok -eq 1 ]; then
            test_pass "$case"
        else
            test_fail "$case" "output differs from ${expect_mpy#"$LD_DIR"/}"
        fi
    done
done

# --preprocess: the config header generated from the module's sources.
for name in $(ld_modules); do
    case=ld-preprocess/$name
    work=$tmp/pp-$name
    mkdir "$work"
    srcs=$(ld_module_srcs "$name")
    for src in $srcs; do
        cp "$LD_MODULES/$name/$src" "$work/"
    done
    if ! (cd "$work" && "$MPY_LD" --preprocess -o "$name.config.h" $srcs) >"$work/log" 2>&1; then
        test_fail "$case" "mpy-ld --preprocess failed: $(tail -n 1 "$work/log")"
    elif cmp -s "$LD_MODULES/$name/$name.config.h" "$work/$name.config.h"; then
        test_pass "$case"
    else
        show_diff log "$LD_MODULES/$name/$name.config.h" "$work/$name.config.h"
        test_fail "$case" "config header differs"
    fi
done

# --mpy-version 6.N: what the reference linker of that release writes, or
# where it fails or writes wrong code, what it writes with its known defects
# corrected (the "expected" sum; see record-versions.sh).
for sums in "$LD_GOLDEN"/mpy-6.*.sha256; do
    [ -f "$sums" ] || continue
    sub=$(basename "$sums" .sha256)
    sub=${sub#mpy-6.}
    [ "$sub" = 1 ] && continue
    while read -r key sum _ expected; do
        case $key in "#"*) continue ;; esac
        arch=${key%/*} name=${key#*/}
        case=ld-golden-6.$sub/$arch/$name
        sum=${expected:-$sum}
        if [ "$sum" = fails ]; then
            test_skip "$case" "reference fails"
            continue
        fi
        work=$tmp/v$sub-$arch-$name
        mkdir "$work"
        objs=$(ld_stage "$name" "$arch" "$work") || { test_fail "$case" "cannot stage the objects"; continue; }
        (cd "$work" && "$MPY_LD" --mpy-version "6.$sub" $(ld_link_args "$arch" "$name" $objs)) >"$work/log" 2>&1
        if [ ! -f "$work/$name.mpy" ]; then
            test_fail "$case" "mpy-ld failed: $(tail -n 1 "$work/log")"
            continue
        fi
        if [ "$(sha256sum <"$work/$name.mpy" | cut -d' ' -f1)" = "$sum" ]; then
            test_pass "$case"
        else
            test_fail "$case" "output differs from the reference of .mpy 6.$sub"
        fi
    done <"$sums"
done
