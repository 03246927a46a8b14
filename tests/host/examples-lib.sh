# Helpers shared by tests/host/examples.test.sh and tests/host/make-exp.sh:
# building the SDK examples (examples/natmod/NAME) for x64 or x86 into a
# scratch directory. Expects TOP, MPY_LD and have_tool (tests/lib.sh).

: "${MPY_CROSS:=mpy-cross}"
: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"

# Why ARCH (x64 or x86) modules cannot be built here, or nothing.
host_arch_missing() {
    case $1 in
        x64) have_tool gcc || echo "gcc not installed" ;;
        x86) x86_cc_missing ;;
    esac
}

# Why example NAME cannot be built here (a missing build tool), or nothing.
host_example_missing() {
    local src=$TOP/examples/natmod/$1
    if ls "$src"/*.py >/dev/null 2>&1 && grep -q '^SRC.*\.py' "$src/Makefile"; then
        command -v "${MPY_CROSS%% *}" >/dev/null 2>&1 || { echo "needs mpy-cross (set MPY_CROSS)"; return; }
        command -v "${MPY_TOOL%% *}" >/dev/null 2>&1 || { echo "needs mpy-tool ($MPY_TOOL not built)"; return; }
    fi
    if grep -q 'jsmn' "$src/Makefile" && [ ! -f /usr/include/jsmn.h ]; then
        echo "needs jsmn.h (Debian: libjsmn-dev)"
    fi
}

# host_build_example NAME ARCH OUTDIR [MPY_VERSION]: builds the example (for
# that .mpy version; default the SDK's) in a copy under OUTDIR/build-NAME and
# leaves MOD.mpy in OUTDIR. Returns non-zero on failure (log in
# OUTDIR/build-NAME/build.log).
host_build_example() {
    local name=$1 arch=$2 out=$3 version=${4:-}
    local dir=$out/build-$name
    mkdir -p "$dir"
    cp -r "$TOP/examples/natmod/$name"/. "$dir"/
    rm -rf "$dir"/build "$dir"/build-* "$dir"/*.mpy
    local mod
    mod=$(sed -n 's/^MOD *= *//p' "$dir/Makefile")
    make -C "$dir" MPY_DIR="$TOP" ARCH="$arch" MPY_LD="$MPY_LD" ${version:+MPY_VERSION=$version} \
        MPY_CROSS="$MPY_CROSS" MPY_TOOL="$MPY_TOOL" >"$dir/build.log" 2>&1 &&
        cp "$dir/$mod.mpy" "$out/"
}

# host_run_example RUNTIME NAME OUTDIR: runs tests/host/NAME.py as
# OUTDIR/run-NAME/test.py (a script named NAME.py would shadow the module
# NAME: sys.path[0] is the script's directory) with MICROPYPATH=OUTDIR, where
# the .mpy is. Prints stdout and stderr.
host_run_example() {
    local runtime=$1 name=$2 out=$3
    local run=$out/run-$name
    mkdir -p "$run"
    cp "$TOP/tests/host/$name.py" "$run/test.py"
    (cd "$run" && MICROPYPATH="$out" timeout 60 "$runtime" test.py 2>&1)
}
