#!/usr/bin/env bash
# Merged modules in a real MicroPython (skipped unless MICROPYTHON names one,
# e.g. MicroPython v1.21's unix port, which loads x64 native code): for each
# merge case whose parts are bytecode, the x64 factorial example or x64 code
# from mpy-cross, the module
# mpy-tool merges is imported, and what it prints and the names it defines
# must equal those of its parts imported one after the other (native part
# first). (The native modules of tests/ld are made to be linked, not run.)
#
#   MICROPYTHON=/path/to/micropython tests/run.sh tests/tool/run.test.sh
. "$(dirname "$0")/../lib.sh"

: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"
HERE=$TOP/tests/tool
FIX=$HERE/fixtures

if [ -z "${MICROPYTHON:-}" ]; then
    test_skip tool/run "no MicroPython to run modules in (set MICROPYTHON)"
    exit 0
fi
if [ ! -x "$MPY_TOOL" ]; then
    test_fail tool/run "mpy-tool not built: $MPY_TOOL"
    exit 0
fi
make_tmpdir

# The script that imports module "mod" from each of the folders given, in
# turn, and prints the public names they defined together.
import_script() {
    echo "import sys"
    echo "names = set()"
    for d in "$@"; do
        echo "sys.path.insert(0, '$d')"
        echo "import mod"
        echo "names.update(k for k in dir(mod) if not k.startswith('__'))"
        echo "del sys.modules['mod']"
        echo "sys.path.pop(0)"
    done
    echo "print(sorted(names))"
}

while read -r name inputs; do
    # Only parts that run here: bytecode, the x64 factorial example, and the
    # x64 code of mpy-cross.
    runnable=1
    natives=""
    parts=""
    for f in $inputs; do
        case $f in
            x64-factorial.mpy | emitters.mpy) natives="$natives $f" ;;
            x86-* | x64-* | armv* | xtensa* | thumb.mpy) runnable=0 ;;
            *) parts="$parts $f" ;;
        esac
    done
    [ $runnable = 1 ] || continue
    case=tool/run/$name
    work=$TMP/$name
    mkdir -p "$work/merged"
    # shellcheck disable=SC2086 # the inputs are split on purpose
    if ! (cd "$FIX" && "$MPY_TOOL" merge -o "$work/merged/mod.mpy" $inputs) 2>"$work/log"; then
        test_fail "$case" "merge failed: $(head -n 2 "$work/log")"
        continue
    fi
    dirs=""
    i=0
    for f in $natives $parts; do
        i=$((i + 1))
        mkdir -p "$work/part$i"
        cp "$FIX/$f" "$work/part$i/mod.mpy"
        dirs="$dirs $work/part$i"
    done
    # shellcheck disable=SC2086
    import_script $dirs >"$work/expected.py"
    import_script "$work/merged" >"$work/actual.py"
    (cd "$work" && "$MICROPYTHON" expected.py) >"$work/expected.out" 2>&1
    (cd "$work" && "$MICROPYTHON" actual.py) >"$work/actual.out" 2>&1
    if ! grep -q '^\[' "$work/expected.out"; then
        test_fail "$case" "the parts do not import: $(tail -n 2 "$work/expected.out")"
    elif cmp -s "$work/expected.out" "$work/actual.out"; then
        test_pass "$case"
    else
        test_fail "$case" "the merged module behaves differently"
        diff "$work/expected.out" "$work/actual.out" | head -n 10 | sed 's/^/    /'
    fi
    # Where the reference's own merge is recorded as wrong (see README.md),
    # show that it is: the module it wrote behaves differently.
    if [ -f "$HERE/golden/$name.expected.mpy" ] && [ -f "$HERE/golden/$name.mpy" ]; then
        mkdir -p "$work/reference"
        cp "$HERE/golden/$name.mpy" "$work/reference/mod.mpy"
        import_script "$work/reference" >"$work/reference.py"
        (cd "$work" && "$MICROPYTHON" reference.py) >"$work/reference.out" 2>&1
        if cmp -s "$work/expected.out" "$work/reference.out"; then
            test_fail "$case/reference-is-wrong" "the reference's merge runs correctly after all"
        else
            test_pass "$case/reference-is-wrong"
        fi
    fi
done < <(grep -v '^[[:space:]]*\(#\|$\)' "$HERE/merge-cases.txt")
