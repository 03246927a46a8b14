#!/usr/bin/env bash
# shellcheck disable=SC2046,SC2086 # compiler flags are split on purpose
# mpy-ld --gc-sections on every architecture with a compiler: the module of
# tests/ld/gcsections/ (three sources with unused functions, constants, BSS
# and strings) is built with the SDK, which compiles with -fdata-sections
# (and -ffunction-sections, which the test adds where the SDK does not) and
# links with --gc-sections, then linked again with and
# without the option. With it the .mpy must be smaller, the map must list
# the used symbols and none of the unused ones (those under "Discarded
# sections"), mpy_init must start the text (no entry jump, but on xtensa),
# and the SDK's .mpy must be that one; on x64 and x86 both
# modules must import in mpy-host and print the same. Undefined symbols that
# only removed code uses are no error then.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/common.sh"
make_tmpdir

USED="mpy_init gc_used_scale gc_used_greeting gc_used_calls"
UNUSED="gc_unused_entry gc_unused_table gc_unused_cube gc_unused_powers gc_unused_history
gc_unused_banner gc_unused_banner_length"

# build_objs OBJARCH: builds the module with the SDK into $TMP/OBJARCH, with
# a section per function also where the SDK does not make them (xtensa).
build_objs() {
    [ -d "$TMP/$1/build" ] && return 0
    mkdir -p "$TMP/$1" && cp "$LD_DIR/gcsections/"* "$TMP/$1/" &&
        make -s -C "$TMP/$1" MPY_DIR="$TOP" MPY_LD="$MPY_LD" ARCH="$1" \
            CFLAGS_EXTRA=-ffunction-sections >"$TMP/$1/make.log" 2>&1
}

# map_section NAME: the lines of section NAME of gc/gc_test.map.
map_section() {
    awk -v h="$1" 'index($0, h) == 1 { on = 1; next } /^$/ { on = 0 } on' gc/gc_test.map
}

# run_both ARCH: runs the module linked both ways in mpy-host.
run_both() {
    local arch=$1 name=ld-gcsections/$1/host why host
    why=$(host_runtime_missing "$arch")
    host=$(host_command "$arch")
    if [ -n "$why" ]; then
        test_skip "$name" "$why"
        return
    fi
    cat >test.py <<'PY'
import gc_test
print(gc_test.scale(4), gc_test.scale(4), gc_test.scale(-2), gc_test.scale(10))
print(gc_test.greet())
PY
    local d
    for d in plain gc; do
        cp test.py "$d/" && (cd "$d" && MICROPYPATH=. timeout 60 "$host" test.py >out 2>&1)
    done
    if [ "$(cat gc/out)" = "$(printf '12 20 -14 110\nhello')" ] && cmp -s plain/out gc/out; then
        test_pass "$name"
    else
        test_fail "$name" "outputs: $(tr '\n' ' ' <plain/out) / $(tr '\n' ' ' <gc/out)"
    fi
}

check_arch() {
    local arch=$1 objarch libgcc name=ld-gcsections/$1 fail='' sym
    objarch=$(ld_obj_arch "$arch")
    ld_sdk_objs "$name" "$objarch" || return
    libgcc=$LD_LIBGCC
    mkdir -p "$TMP/link-$arch/plain" "$TMP/link-$arch/gc" && cd "$TMP/link-$arch" || return
    # The SDK's objects with a section per function and variable.
    local b=$TMP/$objarch/build
    local link=(--arch "$arch" --qstrs "$b/gc_test.config.h" "$b/gc/gc_main.o" "$b/gc/gc_math.o"
        "$b/gc/gc_text.o" -l "$libgcc")
    if ! "$MPY_LD" "${link[@]}" -o plain/gc_test.mpy >plain.log 2>&1 ||
        ! "$MPY_LD" "${link[@]}" --gc-sections --map gc/gc_test.map -v -o gc/gc_test.mpy >gc.log 2>&1; then
        test_fail "$name" "link failed: $(tail -3 plain.log gc.log)"
        return
    fi
    local plain_size gc_size
    plain_size=$(stat -c %s plain/gc_test.mpy)
    gc_size=$(stat -c %s gc/gc_test.mpy)
    if [ "$gc_size" -lt "$plain_size" ] && grep -q -- '--gc-sections: removed [1-9][0-9]* unused sections' gc.log; then
        test_pass "$name/smaller"
    else
        test_fail "$name/smaller" "$plain_size bytes without --gc-sections, $gc_size with; $(grep -- --gc-sections gc.log)"
    fi

    map_section "Symbols" | awk 'NR > 1 { print $6 }' >listed
    map_section "Discarded sections" | tr ' ' '\n' >discarded
    for sym in $USED; do
        grep -qx "$sym" listed || fail="$fail $sym not listed;"
    done
    for sym in $UNUSED; do
        grep -qx "$sym" listed && fail="$fail $sym listed;"
        grep -qx "$sym" discarded || fail="$fail $sym not discarded;"
    done
    if [ -z "$fail" ]; then test_pass "$name/map"; else test_fail "$name/map" "$fail"; fi

    # mpy_init's section goes first, so the text needs no entry jump (xtensa
    # puts its literals first, so it keeps one).
    local jump ok
    jump=$(map_section "Sections" | awk '$5 == "(entry" { print $3 }')
    case $arch in
        xtensa*) ok=$([ "${jump:-0}" -gt 0 ] && echo yes) ;;
        *) ok=$([ "$jump" = 0 ] && echo yes) ;;
    esac
    if [ -n "$ok" ]; then
        test_pass "$name/entry"
    else
        test_fail "$name/entry" "entry jump of ${jump:-?} bytes"
    fi

    # The SDK keeps the --gc-sections link, being smaller (its objects, for
    # its arch only; linked to the same name, which the .mpy holds).
    if [ "$arch" = "$objarch" ]; then
        mkdir -p sdk/build && (cd sdk && "$MPY_LD" "${link[@]}" --gc-sections --source-name gc_test \
            -o build/gc_test.native.mpy >/dev/null 2>&1)
        if cmp -s "$b/gc_test.native.mpy" sdk/build/gc_test.native.mpy; then
            test_pass "$name/sdk"
        else
            test_fail "$name/sdk" "the SDK's build/gc_test.native.mpy is not the --gc-sections link"
        fi
    fi
    case $arch in x64 | x86) run_both "$arch" ;; esac
    cd "$TMP" || exit 1
}

for arch in $LD_LINK_ARCHS; do
    check_arch "$arch"
done

# A symbol that only removed code uses needs no definition: the link fails
# without --gc-sections and succeeds with it.
if [ -d "$TMP/x64/build" ]; then
    cd "$TMP/link-x64" || exit 1
    printf 'int gc_missing(int);\nint gc_dead(int v) { return gc_missing(v) + 1; }\n' >dead.c
    gcc $(ld_cflags x64) -ffunction-sections -c -o dead.o dead.c
    b=$TMP/x64/build
    link=(--arch x64 --qstrs "$b/gc_test.config.h" "$b/gc/gc_main.o" "$b/gc/gc_math.o" "$b/gc/gc_text.o" dead.o)
    if ! "$MPY_LD" "${link[@]}" -o dead.mpy >dead-plain.log 2>&1 &&
        grep -q 'undefined symbol: gc_missing' dead-plain.log &&
        "$MPY_LD" "${link[@]}" --gc-sections -o dead.mpy >dead-gc.log 2>&1; then
        test_pass ld-gcsections/undefined-in-removed-code
    else
        test_fail ld-gcsections/undefined-in-removed-code "$(head -2 dead-plain.log dead-gc.log | tr '\n' ' ')"
    fi
else
    test_skip ld-gcsections/undefined-in-removed-code "no x64 objects (gcc missing)"
fi

# Never larger: a module with nothing to remove (examples/natmod/vec, whose
# function sections cost bytes on Arm) comes out of the SDK no larger than
# with GC_SECTIONS=0, whose link is the reference's, and where --gc-sections
# gains nothing, as exactly that .mpy.
for arch in $LD_OBJ_ARCHS; do
    name=ld-gcsections/$arch/never-larger
    if ! ld_have_cc "$arch"; then
        test_skip "$name" "no compiler for $arch ($(ld_cc "$arch")): install $(ld_cc_package "$arch")"
        continue
    fi
    for gc in 0 1; do
        rm -rf "$TMP/vec-$gc" && mkdir -p "$TMP/vec-$gc" && cp "$TOP/examples/natmod/vec/"* "$TMP/vec-$gc/"
        make -s -C "$TMP/vec-$gc" MPY_DIR="$TOP" MPY_LD="$MPY_LD" ARCH="$arch" GC_SECTIONS=$gc \
            >"$TMP/vec-$gc.log" 2>&1
    done
    plain=$(stat -c %s "$TMP/vec-0/vec.mpy" 2>/dev/null)
    kept=$(stat -c %s "$TMP/vec-1/vec.mpy" 2>/dev/null)
    if [ -z "$plain" ] || [ -z "$kept" ]; then
        test_fail "$name" "build failed: $(tail -2 "$TMP/vec-0.log" "$TMP/vec-1.log" | tr '\n' ' ')"
    elif [ "$kept" -lt "$plain" ] || cmp -s "$TMP/vec-0/vec.mpy" "$TMP/vec-1/vec.mpy"; then
        test_pass "$name"
    else
        test_fail "$name" "$kept bytes by default, $plain with GC_SECTIONS=0"
    fi
done

# --source-name: the name the .mpy records as its source file (qstr 0)
# instead of the output's path; nothing else changes.
if [ -d "$TMP/x64/build" ]; then
    cd "$TMP/link-x64" || exit 1
    b=$TMP/x64/build
    link=(--arch x64 --qstrs "$b/gc_test.config.h" "$b/gc/gc_main.o" "$b/gc/gc_math.o" "$b/gc/gc_text.o")
    "$MPY_LD" "${link[@]}" -o long-output-name.mpy >/dev/null 2>&1
    "$MPY_LD" "${link[@]}" --source-name gc_test -o named.mpy >/dev/null 2>&1
    q0=$("$TOOLS_DIR/mpy-tool" dump named.mpy 2>&1 | awk '/^qstr table/ { getline; print $2 }')
    saved=$(($(stat -c %s long-output-name.mpy) - $(stat -c %s named.mpy)))
    # 20 characters of name against 7, each with a one-byte length.
    if [ "$q0" = "'gc_test'" ] && [ "$saved" = 13 ]; then
        test_pass ld-gcsections/source-name
    else
        test_fail ld-gcsections/source-name "qstr 0 is $q0, $saved bytes saved"
    fi
fi
