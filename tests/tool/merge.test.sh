#!/usr/bin/env bash
# shellcheck disable=SC2086 # input lists are split on purpose
# Golden tests of `mpy-tool merge`: every case of merge-cases.txt is merged
# from the fixtures and compared byte for byte with what MicroPython v1.21's
# tools/mpy-tool.py --merge wrote for it (golden/NAME.mpy), or, where that is
# wrong or fails, with the corrected reference's output
# (golden/NAME.expected.mpy; see README.md). Cases with a native input are
# also merged with that input linked afresh by mpy-ld from tests/ld/objs/.
. "$(dirname "$0")/../lib.sh"

: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"
HERE=$TOP/tests/tool
FIX=$HERE/fixtures

if [ ! -x "$MPY_TOOL" ]; then
    test_fail tool-merge "mpy-tool not built: $MPY_TOOL"
    exit 0
fi
make_tmpdir

cases() { grep -v '^[[:space:]]*\(#\|$\)' "$HERE/merge-cases.txt"; }

# expected_of NAME: the recorded output the merge must match.
expected_of() {
    if [ -f "$HERE/golden/$1.expected.mpy" ]; then
        echo "$HERE/golden/$1.expected.mpy"
    else
        echo "$HERE/golden/$1.mpy"
    fi
}

# check CASE EXPECTED DIR ARGS...: run mpy-tool in DIR with ARGS (which write
# $TMP/out.mpy) and compare with EXPECTED.
check() {
    local case=$1 expected=$2 dir=$3
    shift 3
    rm -f "$TMP/out.mpy"
    if ! (cd "$dir" && "$MPY_TOOL" "$@") >"$TMP/log" 2>&1; then
        test_fail "$case" "mpy-tool failed: $(head -n 3 "$TMP/log")"
    elif ! cmp -s "$expected" "$TMP/out.mpy"; then
        test_fail "$case" "output differs from ${expected#"$TOP"/}: $(cmp "$expected" "$TMP/out.mpy" 2>&1 | head -n 1)"
    else
        test_pass "$case"
    fi
}

identical=0
while read -r name inputs; do
    expected=$(expected_of "$name")
    if [ ! -f "$expected" ]; then
        test_fail "tool/merge/$name" "no recorded output (run tests/tool/record.sh)"
        continue
    fi
    check "tool/merge/$name" "$expected" "$FIX" merge -o "$TMP/out.mpy" $inputs
    [ "$expected" = "$HERE/golden/$name.mpy" ] && identical=$((identical + 1))
done < <(cases)
echo "  ($identical cases byte-identical to the reference's output, the others to the corrected reference)"

# Native parts of .mpy 6.2 and 6.3 (architecture flags included), against
# the mpy-tool.py of v1.22.2 and v1.28.0 (record-versions.sh).
while read -r name _ inputs; do
    check "tool/merge/$name" "$HERE/golden/$name.mpy" "$FIX" merge -o "$TMP/out.mpy" $inputs
done < <(grep -v '^[[:space:]]*\(#\|$\)' "$HERE/merge-cases-versions.txt")

# The upstream spelling of the command line.
for name in x64-bss bytecode-pair; do
    inputs=$(cases | awk -v n=$name '$1 == n { $1 = ""; print }')
    check "tool/merge/$name/upstream-cli" "$(expected_of $name)" "$FIX" --merge -o "$TMP/out.mpy" $inputs
    check "tool/merge/$name/output-first" "$(expected_of $name)" "$FIX" -o "$TMP/out.mpy" merge $inputs
done

# Standard output when -o is not given.
if (cd "$FIX" && "$MPY_TOOL" merge values.mpy tiny.mpy) >"$TMP/stdout.mpy" 2>"$TMP/log" &&
    cmp -s "$TMP/stdout.mpy" "$(expected_of bytecode-pair)"; then
    test_pass tool/merge/stdout
else
    test_fail tool/merge/stdout "$(head -n 3 "$TMP/log")"
fi

# Native parts linked now by mpy-ld, as py/dynruntime.mk would.
if [ ! -x "$MPY_LD" ]; then
    test_skip tool/merge/relinked "mpy-ld not built: $MPY_LD"
else
    LD=$TOP/tests/ld
    mkdir -p "$TMP/relinked"
    ld_natives=""
    while read -r arch mod; do
        ld_natives="$ld_natives $arch-$mod.mpy"
        objarch=$arch
        [ "$arch" = xtensawin ] && objarch=xtensa
        work=$TMP/link-$arch-$mod
        mkdir -p "$work"
        objs=$(grep -v '^[[:space:]]*\(#\|$\)' "$LD/modules/$mod/SRC" | sed 's/\.c$/.o/')
        cp "$LD/modules/$mod/$mod.config.h" "$work/"
        for o in $objs; do cp "$LD/objs/$objarch/$mod/$o" "$work/"; done
        if (cd "$work" && "$MPY_LD" --arch "$arch" --qstrs "$mod.config.h" -o "$mod.mpy" $objs) \
            >"$work/log" 2>&1; then
            cp "$work/$mod.mpy" "$TMP/relinked/$arch-$mod.mpy"
        fi
    done < <(grep -v '^[[:space:]]*\(#\|$\)' "$HERE/natives.txt")
    while read -r name inputs; do
        # the case's native input, if it is one of natives.txt
        native=""
        for f in $inputs; do
            case " $ld_natives " in *" $f "*) native=$f ;; esac
        done
        [ -n "$native" ] || continue
        case=tool/merge/$name/relinked
        if [ ! -f "$TMP/relinked/$native" ]; then
            test_fail "$case" "mpy-ld could not link ${native%.mpy}"
            continue
        fi
        # The bytecode inputs from the fixtures, the native one from mpy-ld.
        mkdir -p "$TMP/in-$name"
        for f in $inputs; do cp "$FIX/$f" "$TMP/in-$name/"; done
        cp "$TMP/relinked/$native" "$TMP/in-$name/"
        check "$case" "$(expected_of "$name")" "$TMP/in-$name" merge -o "$TMP/out.mpy" $inputs
    done < <(cases)
fi
