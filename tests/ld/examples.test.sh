#!/usr/bin/env bash
# shellcheck disable=SC2086 # object names are split on purpose
# The examples of examples/natmod/ as compiled objects (tests/ld/examples/,
# made by record-examples.sh): mpy-ld links each and must write exactly
# what the reference linker wrote (golden/examples-6.3.sha256). Where the
# compiler is installed, the SDK builds each example again and its objects
# must be the committed ones.
. "$(dirname "$0")/../lib.sh"
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
make_tmpdir

while read -r key sum; do
    case $key in "#"* | "") continue ;; esac
    dir=$LD_DIR/examples/$key
    arch=${key%/*}
    case=ld-examples/$key
    if [ ! -f "$dir/LINK" ]; then
        test_fail "$case" "no objects in ${dir#"$LD_DIR"/}"
        continue
    fi
    read -r mod objs <"$dir/LINK"
    libs=
    if [ -f "$dir/LIBS" ]; then
        # the module was recorded with libgcc: link with the installed one if it is that file
        read -r _ want <"$dir/LIBS"
        libgcc=$($(ld_cc "$arch") $(ld_cflags "$arch") -print-libgcc-file-name 2>/dev/null)
        if [ ! -f "$libgcc" ] || [ "$(sha256sum <"$libgcc" | cut -d' ' -f1)" != "$want" ]; then
            test_skip "$case" "needs the libgcc it was recorded with (Debian 12's $(ld_cc_package "$arch"))"
            continue
        fi
        libs="-l $libgcc"
    fi
    work=$TMP/${key/\//-}
    cp -r "$dir" "$work"
    if ! (cd "$work" && "$MPY_LD" --mpy-version 6.3 --arch "$arch" --qstrs "$mod.config.h" \
        -o "$mod.mpy" $objs $libs) >"$work/log" 2>&1; then
        test_fail "$case" "mpy-ld failed: $(tail -n 1 "$work/log")"
    elif [ "$(sha256sum <"$work/$mod.mpy" | cut -d' ' -f1)" = "$sum" ]; then
        test_pass "$case"
    else
        test_fail "$case" "output differs from the reference linker's"
    fi
done <"$LD_GOLDEN/examples-6.3.sha256"

# Recompiled with the SDK and the installed compiler: the same objects
# (GC_SECTIONS=0: the recorded objects have the reference's one section per
# kind, not one per function; DEBUG_ELF=0: they have no DWARF either).
for key in $(sed -n 's/^\([a-z0-9]*\/[a-z]*\) .*/\1/p' "$LD_GOLDEN/examples-6.3.sha256"); do
    arch=${key%/*} name=${key#*/}
    case=ld-examples-recompile/$key
    if ! ld_have_cc "$arch"; then
        test_skip "$case" "no $(ld_cc "$arch") (Debian package $(ld_cc_package "$arch"))"
        continue
    fi
    work=$TMP/recompile-$arch-$name
    cp -r "$LD_TOP/examples/natmod/$name" "$work"
    rm -rf "$work/build" "$work"/*.mpy
    if ! make -C "$work" MPY_DIR="$LD_TOP" MPY_LD="$MPY_LD" ARCH="$arch" GC_SECTIONS=0 DEBUG_ELF=0 >"$work/make.log" 2>&1; then
        test_fail "$case" "build failed: $(grep -m1 -iE 'error' "$work/make.log")"
        continue
    fi
    read -r mod objs <"$LD_DIR/examples/$key/LINK"
    differ=
    for o in $objs; do
        cmp -s "$LD_DIR/examples/$key/$o" "$work/build/$o" || differ="$differ $o"
    done
    if [ -z "$differ" ]; then
        test_pass "$case"
    else
        test_fail "$case" "recompiled objects differ:$differ ($(ld_cc "$arch") $($(ld_cc "$arch") -dumpversion) is not the compiler that made them?)"
    fi
done
