#!/usr/bin/env bash
# shellcheck disable=SC2086 # object names are split on purpose
# The examples of examples/natmod/ as compiled objects (tests/ld/examples/,
# made by record-examples.sh): mpy-ld links each and must write exactly
# what the reference linker wrote (golden/examples-6.3.sha256).
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
