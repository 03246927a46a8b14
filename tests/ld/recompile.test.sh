#!/usr/bin/env bash
# shellcheck disable=SC2046,SC2086 # object and source names are split on purpose
# Rebuilds every test module from source with the installed cross compilers
# (into a temporary folder, the tree is not touched), links each with
# $MPY_LD and checks the result against the golden .mpy (the
# <name>.expected.mpy where there is one, as golden.test.sh does). With the same
# compiler versions as the ones that made the committed objects the outputs
# must be identical; a difference is reported as a failure that says whether
# the recompiled objects already differ from the committed ones. A module
# with golden sums of later releases only (golden.test.sh links those) must
# recompile to the committed objects.
. "$(dirname "$0")/../lib.sh"
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

if [ ! -x "$MPY_LD" ]; then
    test_fail ld-recompile "linker not built: $MPY_LD"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for arch in $LD_LINK_ARCHS; do
    objarch=$(ld_obj_arch "$arch")
    if ! ld_have_cc "$objarch"; then
        test_skip "ld-recompile/$arch" "no working $(ld_cc "$objarch") (Debian package $(ld_cc_package "$objarch"))"
        continue
    fi
    for name in $(ld_modules); do
        ld_module_has_arch "$name" "$objarch" || continue
        case=ld-recompile/$arch/$name
        gold=$LD_GOLDEN/$arch/$name
        if [ -f "$gold.expected.mpy" ]; then
            expect=$gold.expected.mpy
        elif [ -f "$gold.mpy" ]; then
            expect=$gold.mpy
        elif [ -f "$gold.fail.log" ]; then
            test_skip "$case" "reference fails ($(tail -n 1 "$gold.fail.log"))"
            continue
        else
            expect= # only later releases' sums (golden.test.sh links those)
        fi
        work=$tmp/$arch-$name
        if ! ld_compile "$name" "$objarch" "$work" >"$tmp/cc.log" 2>&1; then
            test_fail "$case" "compile failed: $(head -n 1 "$tmp/cc.log")"
            continue
        fi
        if [ -z "$expect" ]; then
            same_objs=yes
            for o in $(ld_module_objs "$name"); do
                cmp -s "$LD_OBJS/$objarch/$name/$o" "$work/$o" || same_objs=no
            done
            if [ $same_objs = yes ]; then test_pass "$case"; else
                test_fail "$case" "the recompiled objects differ from the committed ones"; fi
            continue
        fi
        cp "$LD_MODULES/$name/$name.config.h" "$work/"
        objs=$(ld_module_objs "$name")
        (cd "$work" && "$MPY_LD" $(ld_link_args "$arch" "$name" $objs)) >"$work/log" 2>&1
        rc=$?
        if [ $rc -ne 0 ] || [ ! -f "$work/$name.mpy" ]; then
            test_fail "$case" "mpy-ld exit status $rc: $(tail -n 1 "$work/log")"
        elif cmp -s "$expect" "$work/$name.mpy"; then
            test_pass "$case"
        else
            same_objs=yes
            for o in $objs; do
                cmp -s "$LD_OBJS/$objarch/$name/$o" "$work/$o" || same_objs=no
            done
            if [ $same_objs = yes ]; then
                why="the recompiled objects equal the committed ones, so the linker output is wrong"
            else
                why="the recompiled objects differ from the committed ones ($(ld_cc "$objarch") $($(ld_cc "$objarch") -dumpversion) is not the compiler that made them?)"
            fi
            test_fail "$case" "links, but the .mpy differs from ${expect#"$LD_DIR"/}: $why"
        fi
    done
done
