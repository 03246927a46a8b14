#!/usr/bin/env bash
# shellcheck disable=SC2046,SC2086 # compiler flags are split on purpose
# mpy-ld --map and --size on every architecture with a compiler: the module
# of tests/ld/map/ (two sources, and libgcc's remainder helper on the 32-bit
# architectures, which must then be taken) is built with the SDK and linked again with --map and
# --size. The map must list every symbol the objects define (as readelf
# shows them), the archive members with the symbol that took them, GOT
# entries, mp_fun_table entries and relocation records that agree with
# mpy-tool's dump of the .mpy; the size report's parts must add up to the
# file; neither option may change the .mpy.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/common.sh"
make_tmpdir
MPY_TOOL=${MPY_TOOL:-$TOOLS_DIR/mpy-tool}

# build_objs OBJARCH: compiles the module with the SDK into $TMP/OBJARCH/build.
build_objs() {
    [ -d "$TMP/$1/build" ] && return 0
    mkdir -p "$TMP/$1" && cp "$LD_DIR/map/"* "$TMP/$1/" &&
        make -s -C "$TMP/$1" MPY_DIR="$TOP" MPY_LD="$MPY_LD" ARCH="$1" >"$TMP/$1/make.log" 2>&1
}

# linked_section NAME: true for the sections mpy-ld links.
linked_section() {
    case $1 in
        .text* | .rodata* | .data.rel.ro* | .bss* | .srodata* | .sbss*) return 0 ;;
        *) return 1 ;;
    esac
}

# defined_symbols OBJ PATH: "name size section path" for each function and
# object OBJ defines in a linked section (PATH: how the map names OBJ).
defined_symbols() {
    local -A secname=()
    local idx name size ndx
    while read -r idx name; do
        secname[$idx]=$name
    done < <(readelf -SW "$1" | sed -n 's/^ *\[ *\([0-9]*\)\] \([^ ]*\) .*/\1 \2/p')
    while read -r size _ ndx name; do
        [[ $ndx =~ ^[0-9]+$ ]] || continue
        linked_section "${secname[$ndx]}" || continue
        [[ $size == 0x* ]] && size=$((size))
        echo "$name $size ${secname[$ndx]} $2"
    done < <(readelf -sW "$1" | awk '$4 == "FUNC" || $4 == "OBJECT" { print $3, $4, $7, $8 }')
}

# map_section NAME: the lines of section NAME of map.map.
map_section() {
    awk -v h="$1" 'index($0, h) == 1 { on = 1; next } /^$/ { on = 0 } on' map.map
}

# tool_relocs: mpy-tool's relocation records as "in offset count dest".
tool_relocs() {
    "$MPY_TOOL" dump plain.mpy | sed -n 's/^ *\(text\|rodata\)+0x\([0-9a-f]*\) *\([0-9]*\) words\? *+= \([^ ]*\).*/\1 \2 \3 \4/p' |
        while read -r in off n dest; do echo "$in $((16#$off)) $n $dest"; done
}

# map_relocs: the map's relocation records in the same form.
map_relocs() {
    map_section "Relocation records" | awk 'NR > 1 { print $1, $2, $3, $4 }' |
        while read -r in off n dest; do echo "$in $((16#$off)) $n $dest"; done
}

# first_number_sum: the sum of the first number of each line read.
first_number_sum() {
    awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) { s += $i; break } } END { print s + 0 }'
}

check_arch() {
    local arch=$1 objarch libgcc name=ld-map/$1 fail=
    objarch=$(ld_obj_arch "$arch")
    ld_sdk_objs "$name" "$objarch" || return
    libgcc=$LD_LIBGCC
    mkdir -p "$TMP/link-$arch" && cd "$TMP/link-$arch" || return
    cp "$TMP/$objarch/build/"*.o "$TMP/$objarch/build/map_test.config.h" .
    local link=(--arch "$arch" --qstrs map_test.config.h map_a.o map_b.o -l "$libgcc")
    # Both named m.mpy: the name is in the file.
    if ! "$MPY_LD" "${link[@]}" -o m.mpy >plain.log 2>&1 || ! mv m.mpy plain.mpy ||
        ! "$MPY_LD" "${link[@]}" --map map.map --size -o m.mpy >mapped.log 2>&1; then
        test_fail "$name" "link failed: $(tail -3 plain.log mapped.log)"
        return
    fi
    if cmp -s plain.mpy m.mpy; then test_pass "$name/same-mpy"; else
        test_fail "$name/same-mpy" "--map/--size changed the .mpy"; fi

    # Every symbol of the objects and of the archive members taken.
    local members=() m
    mapfile -t members < <(map_section "Input files" | sed -n 's/^  \([^ ]*\)(\([^)]*\))  for \([^ ]*\), referenced by .*/\2 \3/p')
    defined_symbols map_a.o map_a.o >expected
    defined_symbols map_b.o map_b.o >>expected
    for m in "${members[@]}"; do
        (mkdir -p members && cd members && ar x "$libgcc" "${m%% *}") &&
            defined_symbols "members/${m%% *}" "$libgcc(${m%% *})" >>expected
    done
    map_section "Symbols" | awk 'NR > 1 { print $6, $3, $7, $8 }' >listed
    if [ "$(wc -l <expected)" -lt 10 ]; then
        fail="readelf found only $(wc -l <expected) symbols"
    elif [ "$objarch" != x64 ] && [ "$objarch" != rv64imc ] && [ ${#members[@]} -eq 0 ]; then
        fail="no libgcc member taken"
    elif [ ${#members[@]} -gt 0 ] && ! grep -q "${members[0]#* }" expected; then
        fail="the symbol that took ${members[0]%% *} (${members[0]#* }) is not listed"
    elif [ "$(sort -u expected | comm -23 - <(sort -u listed))" ]; then
        fail="symbols missing or wrong: $(sort -u expected | comm -23 - <(sort -u listed) | head -3 | tr '\n' ';')"
    elif ! grep -q '^mpy_init ' listed || ! grep -q '^map_b_buffer 64 ' listed; then
        fail="mpy_init or map_b_buffer not listed"
    fi
    if [ -z "$fail" ]; then test_pass "$name/symbols"; else test_fail "$name/symbols" "$fail"; fi

    # GOT, relocation records and mp_fun_table entries against mpy-tool.
    local got_map got_log
    got_map=$(sed -n 's/^GOT: \([0-9]*\) entries.*/\1/p' map.map)
    got_log=$(sed -n 's/^GOT entries: *\([0-9]*\)/\1/p' mapped.log)
    if [ -z "$got_map" ] || [ "$got_map" != "$got_log" ] ||
        [ "$(map_section "GOT:" | tail -n +2 | wc -l)" != "$got_map" ]; then
        test_fail "$name/got" "map: ${got_map:-none}, log: ${got_log:-none}"
    else
        test_pass "$name/got"
    fi
    tool_relocs >tool.relocs
    map_relocs >map.relocs
    if [ -s tool.relocs ] && cmp -s tool.relocs map.relocs; then test_pass "$name/relocations"; else
        test_fail "$name/relocations" "$(diff tool.relocs map.relocs | head -4 | tr '\n' ';')"; fi
    local tool_fun map_fun
    tool_fun=$(grep -o 'fun_table\[[0-9]*\]' tool.relocs | sort -u | tr -d 'a-z_[]' | tr '\n' ' ')
    map_fun=$(map_section "mp_fun_table entries" | sed -n 's/^  \[ *\([0-9]*\)\].*/\1/p' | sort -u | tr '\n' ' ')
    if [ -n "$tool_fun" ] && [ "$tool_fun" = "$map_fun" ]; then test_pass "$name/fun-table"; else
        test_fail "$name/fun-table" "mpy-tool: $tool_fun, map: $map_fun"; fi

    # The size report: the parts add up to the file, text's parts to text.
    local size parts text_parts text bss tool_bss
    size=$(stat -c %s plain.mpy)
    # The parts are the lines indented by 2, text's by 4: "name  N  (note)".
    parts=$(awk '/^  [a-zA-Z]/ && !/^  BSS/ { print }' mapped.log | first_number_sum)
    text=$(awk '$1 == "text" && NF == 2 { print $2 }' mapped.log)
    text_parts=$(awk '/^    [a-zA-Z]/ { print }' mapped.log | first_number_sum)
    bss=$(sed -n 's/^  BSS at run time *\([0-9]*\).*/\1/p' mapped.log)
    tool_bss=$("$MPY_TOOL" dump plain.mpy | sed -n 's/.*bss: \([0-9]*\) bytes.*/\1/p')
    if grep -q "^m.mpy: $size bytes" mapped.log && [ "$parts" = "$size" ] &&
        [ "$text_parts" = "$text" ] && [ "$bss" = "${tool_bss:-0}" ] &&
        grep -q '^largest symbols:' mapped.log && grep -q '^  *[0-9]*  map_a.o (text' mapped.log; then
        test_pass "$name/size"
    else
        test_fail "$name/size" "file $size, parts $parts, text $text = $text_parts?, bss $bss/$tool_bss"
    fi
    cd "$TMP" || exit 1
}

for arch in $LD_LINK_ARCHS; do
    check_arch "$arch"
done

# A map that cannot be written: a clear error, and no .mpy either.
cd "$TMP" || exit 1
if [ -f "$TMP/link-x64/map_a.o" ]; then
    cd "$TMP/link-x64" || exit 1
    rm -f out.mpy
    "$MPY_LD" --arch x64 --qstrs map_test.config.h --map "$TMP/no-such-dir/m.map" -o out.mpy \
        map_a.o map_b.o >err.log 2>&1
    rc=$?
    if [ $rc -eq 1 ] && [ ! -e out.mpy ] && grep -q "no-such-dir/m.map: cannot write" err.log; then
        test_pass ld-map/unwritable
    else
        test_fail ld-map/unwritable "status $rc, $(ls out.mpy 2>/dev/null) $(head -2 err.log)"
    fi
else
    test_skip ld-map/unwritable "no x64 objects (gcc missing)"
fi
