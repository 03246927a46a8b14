#!/usr/bin/env bash
# Modules run on their own instruction set: every SDK example of
# examples/natmod/ built with this SDK for each architecture whose runtime
# is bare-metal firmware (Arm Cortex-M on mps2 boards in qemu-system-arm,
# RISC-V on virt in qemu-system-riscv32/64, xtensa lx106 on sim in
# qemu-system-xtensa: the Makefile's FW_ARCHS), imported
# by `mpy-host --arch ARCH` (docs/qemu.md), and tests/host/NAME.py's output must
# equal NAME.py.exp, the same file as on x64. Then the runtime's own
# exceptions (nlr) and collector on the target, the exit status, a module
# calling memset/memcpy/memmove, and a module that faults (the report a
# Linux host gives, not a hung QEMU).
#
# Floats: only armv7emdp computes in double precision as x64 does. The
# others build with single-precision floats (armv7emsp on its FPU; rv32imc
# and rv64imc by default, and armv6m, armv7m and xtensa, whose SDK default is
# no floats, with MICROPY_FLOAT_IMPL=float: libgcc's software floats, on
# xtensa the SDK's py/libgcc_xtensa.c, linked in by mpy-ld), and print what
# NAME.py.float.exp holds where it exists: the same single-precision values,
# shown in the runtime's double precision (docs/qemu.md).
source "$(dirname "$0")/../lib.sh"
source "$TOP/tests/host/examples-lib.sh"
source "$TOP/tests/fw-lib.sh"
HERE=$TOP/tests/host
make_tmpdir

# build_module MOD ARCH OUTDIR LINE...: a module MOD of the C lines given
# (after py/dynruntime.h; "EXPORT NAME" stores NAME_obj as MOD.NAME), built
# with this SDK in OUTDIR/MOD; a failed build is a failure of
# host/qemu/ARCH/MOD.
build_module() {
    local mod=$1 arch=$2 dir=$3/$1 line exports=()
    shift 3
    mkdir -p "$dir"
    {
        echo '#include "py/dynruntime.h"'
        for line in "$@"; do
            case $line in
                "EXPORT "*) exports+=("${line#EXPORT }") ;;
                *) echo "$line" ;;
            esac
        done
        echo 'mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {'
        echo '    MP_DYNRUNTIME_INIT_ENTRY'
        for line in "${exports[@]}"; do
            echo "    mp_store_global(MP_QSTR_$line, MP_OBJ_FROM_PTR(&${line}_obj));"
        done
        echo '    MP_DYNRUNTIME_INIT_EXIT'
        echo '}'
    } >"$dir/$mod.c"
    printf 'MPY_DIR = %s\nMOD = %s\nSRC = %s.c\nARCH = %s\ninclude $(MPY_DIR)/py/dynruntime.mk\n' \
        "$TOP" "$mod" "$mod" "$arch" >"$dir/Makefile"
    if ! (unset MICROPY_FLOAT_IMPL; make -C "$dir" MPY_LD="$MPY_LD" >"$dir/build.log" 2>&1); then
        test_fail "host/qemu/$arch/$mod" "build failed: $(grep -m1 -iE 'error|undefined' "$dir/build.log")"
        return 1
    fi
}

for arch in $(fw_archs); do
    float=float
    [ "$arch" = armv7emdp ] && float=double
    why=$(fw_arch_missing "$arch")
    if [ -n "$why" ]; then
        test_skip "host/qemu/$arch" "$why"
        continue
    fi
    host=$TMP/mpy-host-$arch
    fw_host_command "$host" "$arch"
    out=$TMP/$arch
    mkdir -p "$out"
    for test in "$HERE"/*.py; do
        name=$(basename "$test" .py)
        [ -d "$TOP/examples/natmod/$name" ] || continue
        label=host/qemu/$arch/$name
        reason=$(host_example_missing "$name")
        if [ -n "$reason" ]; then
            test_skip "$label" "$reason"
            continue
        fi
        exp=$test.exp
        unset MICROPY_FLOAT_IMPL # the SDK's default for the architecture
        if [ "$float" = float ] && [ -f "$test.float.exp" ]; then
            exp=$test.float.exp
            export MICROPY_FLOAT_IMPL=float
        fi
        if ! host_build_example "$name" "$arch" "$out"; then
            test_fail "$label" "build failed: $(grep -m1 -iE 'error|undefined' "$out/build-$name/build.log")"
            continue
        fi
        host_run_example "$host" "$name" "$out" >"$out/$name.out"
        if diff -u "$exp" "$out/$name.out" >"$out/$name.diff"; then
            test_pass "$label"
        else
            test_fail "$label" "output differs from $(basename "$exp")"
            head -30 "$out/$name.diff"
        fi
    done

    # nlr: a raise through many frames, caught and re-raised, with values
    # kept in callee-saved registers across it; the collector: garbage made
    # and collected while live objects are only on the stack.
    cat >"$out/core.py" <<'PY'
import gc
def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1) + 1
total = 0
for i in range(50):
    try:
        deep(i)
    except ValueError as e:
        total += i
        msg = e
print(total, msg)
keep = [bytes(100) * (i % 7) for i in range(200)]
for i in range(300):
    junk = [str(j) for j in range(50)]
gc.collect()
print(len(keep), sum(len(k) for k in keep), junk[-1])
raise SystemExit(3)
PY
    (cd "$out" && timeout 60 "$host" core.py >core.out 2>&1)
    status=$?
    if [ "$status" = 3 ] && [ "$(cat "$out/core.out")" = "$(printf '1225 bottom\n200 59400 49')" ]; then
        test_pass "host/qemu/$arch/core"
    else
        test_fail "host/qemu/$arch/core" "status $status, output: $(head -5 "$out/core.out")"
    fi

    # A module whose C calls memset, memcpy and memmove (mpy-ld binds them
    # to the firmware's through mp_fun_table).
    if build_module mem "$arch" "$out" \
        '#include <string.h>' \
        'static mp_obj_t fill(mp_obj_t n_in, mp_obj_t c_in) {' \
        '    size_t n = mp_obj_get_int(n_in);' \
        '    char buf[256], copy[256];' \
        '    if (n > sizeof(buf)) n = sizeof(buf);' \
        '    memset(buf, (int)mp_obj_get_int(c_in), n);' \
        '    memcpy(copy, buf, n);' \
        '    memmove(copy + 1, copy, n > 0 ? n - 1 : 0);' \
        '    copy[0] = 0x21;' \
        '    return mp_obj_new_bytes((const byte *)copy, n);' \
        '}' \
        'static MP_DEFINE_CONST_FUN_OBJ_2(fill_obj, fill);' \
        'EXPORT fill'; then
        got=$(cd "$out/mem" && timeout 60 "$host" -c 'import mem; print(mem.fill(5, 65), len(mem.fill(300, 0)))' 2>&1)
        if [ "$got" = "b'!AAAA' 256" ]; then
            test_pass "host/qemu/$arch/memfuncs"
        else
            test_fail "host/qemu/$arch/memfuncs" "$got"
        fi
    fi

    # armv6m: a module only this linker links. Its mpy_init lies more than
    # 2 KB into text (a 3 KB function comes first; GC_SECTIONS=0 keeps the
    # sources' order), out of reach of the 16-bit jump that .mpy 6.1 puts at
    # the start: mpy-ld places its entry veneer there (the map says so).
    # The division by a run-time value calls libgcc's __aeabi_idiv.
    if [ "$arch" = armv6m ]; then
        if GC_SECTIONS=0 MAP=1 MPY_VERSION=6.1 build_module far "$arch" "$out" \
            'static volatile int sink[64];' \
            '#define S(i) sink[(i) % 64] = n * (i) + sink[((i) + 7) % 64];' \
            '#define S4(i) S(i) S(i + 1) S(i + 2) S(i + 3)' \
            '#define S16(i) S4(i) S4(i + 4) S4(i + 8) S4(i + 12)' \
            '#define S64(i) S16(i) S16(i + 16) S16(i + 32) S16(i + 48)' \
            'static mp_obj_t spread(mp_obj_t n_in) {' \
            '    int n = mp_obj_get_int(n_in);' \
            '    S64(0) S64(64) S64(128) S64(192)' \
            '    return mp_obj_new_int(n);' \
            '}' \
            'static MP_DEFINE_CONST_FUN_OBJ_1(spread_obj, spread);' \
            'static mp_obj_t quot(mp_obj_t a, mp_obj_t b) {' \
            '    return mp_obj_new_int(mp_obj_get_int(a) / mp_obj_get_int(b));' \
            '}' \
            'static MP_DEFINE_CONST_FUN_OBJ_2(quot_obj, quot);' \
            'EXPORT spread' 'EXPORT quot'; then
            got=$(cd "$out/far" && timeout 60 "$host" -c 'import far; print(far.spread(3), far.quot(-100, 7))' 2>&1)
            if [ "$got" = "3 -14" ] && grep -q 'entry veneer' "$out/far/far.map" &&
                grep -q '__aeabi_idiv' "$out/far/far.map"; then
                test_pass "host/qemu/$arch/entry-veneer"
            else
                test_fail "host/qemu/$arch/entry-veneer" "output '$got'; map: $(grep -c 'entry veneer' "$out/far/far.map") veneer lines"
            fi
        fi
    fi

    # A fault in module code (__builtin_trap: udf on Arm, ebreak on RISC-V,
    # ill on xtensa) is reported as on a Linux host of that instruction set:
    # the module and offset, and the status of SIGILL (Arm, xtensa) or
    # SIGTRAP (RISC-V), not a hung QEMU. (tests/host/crash.test.sh: the full
    # report of a NULL store, on every architecture.)
    build_module trap "$arch" "$out" \
        'static mp_obj_t crash(void) { __builtin_trap(); }' \
        'static MP_DEFINE_CONST_FUN_OBJ_0(crash_obj, crash);' \
        'EXPORT crash' || continue
    (cd "$out/trap" && timeout 60 "$host" -c 'import trap; print("in"); trap.crash(); print("after")' \
        >trap.out 2>trap.err)
    status=$?
    case $arch in
        rv*) signal=SIGTRAP expect=133 ;;
        *) signal=SIGILL expect=132 ;;
    esac
    if [ "$status" = $expect ] && [ "$(cat "$out/trap/trap.out")" = in ] &&
        grep -qE "^Fatal: $signal in native module 'trap' at text\+0x[0-9a-f]+ \(crash\+0x" "$out/trap/trap.err"; then
        test_pass "host/qemu/$arch/fault"
    else
        test_fail "host/qemu/$arch/fault" "status $status (expected $expect): $(head -c 300 "$out/trap/trap.err")"
    fi
done
