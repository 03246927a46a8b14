#!/usr/bin/env bash
# Maintainer script (not run by `make test`): re-records the test data of
# mpy-tool in tests/tool/ (see README.md there).
#
#   MPY_DIR=/path/to/micropython-1.21.0 tests/tool/record.sh
#
# MPY_DIR is a MicroPython v1.21.0 source tree whose mpy-cross is built
# (make -C mpy-cross). Needs python3, and for the example modules the
# compilers of tests/sdk (gcc, arm-none-eabi-gcc). This project's tools must
# be built first (make).
#
# 1. fixtures/NAME.mpy      mpy-cross of py/NAME.py (run in py/, so the
#                           file names inside are relative); emitters.py with
#                           -march=x64, thumb.py with -march=armv7m; and
#                           tiny-bits30.mpy, tiny.mpy with header 4d 06 02 1e
# 2. fixtures/ARCH-NAME.mpy copies of tests/ld/golden/ARCH/NAME.mpy (natives.txt)
# 3. examples/ARCH/NAME.mpy the modules of examples/natmod/ built with this
#                           SDK (x64 and armv7m); x64/factorial is also copied
#                           to fixtures/x64-factorial.mpy
# 4. golden/CASE.*          tools/mpy-tool.py --merge of each case of
#                           merge-cases.txt, and ref-fixed.py's output where it
#                           differs (or where the reference fails)
# 5. dump/*.txt, *.json     this project's mpy-tool dump of the fixtures, the
#                           examples and some merges, to be reviewed before
#                           committing
# 6. a check of the opcode table against the reference's, and of the
#    disassembly of the bytecode fixtures against the reference's -d
set -euo pipefail

: "${MPY_DIR:?set MPY_DIR to a MicroPython v1.21.0 source tree with mpy-cross built}"
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
MPY_CROSS=${MPY_CROSS:-$MPY_DIR/mpy-cross/build/mpy-cross}
MPY_TOOL_PY=$MPY_DIR/tools/mpy-tool.py
MPY_TOOL=${MPY_TOOL:-$TOP/build/mpy-tool}
PYTHON=${PYTHON:-python3}
export MPY_TOOL_PY

"$MPY_CROSS" --version | grep -q 'v1\.21\.' || {
    echo "record.sh: $MPY_CROSS is not MicroPython v1.21's mpy-cross" >&2
    exit 1
}
[ -x "$MPY_TOOL" ] || {
    echo "record.sh: build this project first ($MPY_TOOL is missing)" >&2
    exit 1
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# cases: "NAME INPUT..." lines of merge-cases.txt
cases() { grep -v '^[[:space:]]*\(#\|$\)' "$HERE/merge-cases.txt"; }

echo "== fixtures"
mkdir -p "$HERE/fixtures"
for src in "$HERE"/py/*.py; do
    name=$(basename "$src" .py)
    # the sources for the native emitters of mpy-cross
    case $name in
        emitters) march=-march=x64 ;;
        thumb) march=-march=armv7m ;;
        *) march= ;;
    esac
    (cd "$HERE/py" && "$MPY_CROSS" $march -o "$HERE/fixtures/$name.mpy" "$name.py")
    echo "fixtures/$name.mpy"
done
# tiny.mpy with another header: small-int bits 30, and sub-version bits set
# (which a bytecode-only file does not use); the merged header takes its
# small-int bits from the last input
cp "$HERE/fixtures/tiny.mpy" "$HERE/fixtures/tiny-bits30.mpy"
printf '\x02\x1e' | dd of="$HERE/fixtures/tiny-bits30.mpy" bs=1 seek=2 conv=notrunc status=none
echo "fixtures/tiny-bits30.mpy"
grep -v '^[[:space:]]*\(#\|$\)' "$HERE/natives.txt" | while read -r arch name; do
    cp "$TOP/tests/ld/golden/$arch/$name.mpy" "$HERE/fixtures/$arch-$name.mpy"
    echo "fixtures/$arch-$name.mpy"
done

echo "== example modules"
for arch in x64 armv7m; do
    mkdir -p "$HERE/examples/$arch"
    for dir in "$TOP"/examples/natmod/*/; do
        name=$(basename "$dir")
        rm -rf "$WORK/ex"
        cp -r "$dir" "$WORK/ex"
        if make -C "$WORK/ex" MPY_DIR="$TOP" ARCH=$arch MPY_CROSS="$MPY_CROSS" \
            MPY_TOOL="$MPY_TOOL" >"$WORK/ex.log" 2>&1; then
            cp "$WORK/ex/$name.mpy" "$HERE/examples/$arch/$name.mpy"
            echo "examples/$arch/$name.mpy"
        else
            echo "examples/$arch/$name: not built (see below)"
            tail -n 5 "$WORK/ex.log"
        fi
    done
done

# The x64 factorial example is also the native part of the merge cases that
# run in MicroPython (the linker test modules are made to be linked, not run).
cp "$HERE/examples/x64/factorial.mpy" "$HERE/fixtures/x64-factorial.mpy"
echo "fixtures/x64-factorial.mpy"

echo "== merges"
mkdir -p "$HERE/golden"
rm -f "$HERE"/golden/*
cases | while read -r name inputs; do
    # shellcheck disable=SC2086 # the inputs are split on purpose
    if (cd "$HERE/fixtures" && "$PYTHON" "$MPY_TOOL_PY" --merge -o "$WORK/ref.mpy" $inputs) \
        >"$WORK/ref.log" 2>&1; then
        cp "$WORK/ref.mpy" "$HERE/golden/$name.mpy"
        ref_ok=1
    else
        # keep the error, without the traceback's frames (they name paths)
        { echo "Traceback (frames omitted)"; tail -n 1 "$WORK/ref.log"; } >"$HERE/golden/$name.fail.log"
        ref_ok=0
    fi
    # shellcheck disable=SC2086
    (cd "$HERE/fixtures" && "$PYTHON" "$HERE/ref-fixed.py" --merge -o "$WORK/fixed.mpy" $inputs)
    if [ $ref_ok = 0 ] || ! cmp -s "$WORK/ref.mpy" "$WORK/fixed.mpy"; then
        cp "$WORK/fixed.mpy" "$HERE/golden/$name.expected.mpy"
        echo "golden/$name: reference $([ $ref_ok = 1 ] && echo wrong || echo fails), fixed output kept"
    else
        echo "golden/$name.mpy"
    fi
done

echo "== dumps"
mkdir -p "$HERE/dump"
rm -f "$HERE"/dump/*
# every fixture and example module, and a few merges (the test only reads
# the other merges back)
for f in "$HERE"/fixtures/*.mpy "$HERE"/examples/*/*.mpy "$HERE"/golden/bytecode-pair.mpy \
    "$HERE"/golden/bytecode-unwind.expected.mpy "$HERE"/golden/x64-bss.mpy \
    "$HERE"/golden/mpy-cross-x64.mpy "$HERE"/golden/xtensawin-rodata.mpy; do
    rel=${f#"$HERE"/}
    out=$HERE/dump/$(echo "${rel%.mpy}" | tr / _).txt
    (cd "$HERE" && "$MPY_TOOL" dump "$rel") >"$out"
done
for f in fixtures/values.mpy fixtures/emitters.mpy fixtures/thumb.mpy fixtures/x64-qstrs.mpy \
    fixtures/xtensawin-rodata.mpy fixtures/rv32imc-flags.mpy golden/x64-bss.mpy; do
    (cd "$HERE" && "$MPY_TOOL" dump --json "$f") >"$HERE/dump/$(echo "${f%.mpy}" | tr / _).json"
done
"$MPY_TOOL" opcodes >"$HERE/dump/opcodes.txt"
echo "dump/: $(ls "$HERE/dump" | wc -l) files; review them with git diff"

echo "== opcode table against the reference"
"$MPY_TOOL" opcodes --json >"$WORK/opcodes.json"
"$PYTHON" - "$MPY_TOOL_PY" "$WORK/opcodes.json" <<'PY'
import importlib.util, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[1])))
spec = importlib.util.spec_from_file_location("ref", sys.argv[1])
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)
ours = {o["opcode"]: o for o in json.load(open(sys.argv[2]))}
bad = 0
for op in range(256):
    name = ref.Opcode.mapping[op]
    # The reference's table also catches a few constants that are no opcodes.
    if name.startswith("BASE_") or name.endswith(("_NUM", "_EXCESS")):
        name = "unknown"
    if name == "unknown":
        if op in ours:
            print("0x%02x: ours %s, reference unknown" % (op, ours[op]["name"])); bad += 1
        continue
    o = ours.get(op)
    fmt = (0x000003A4 >> (2 * (op >> 4))) & 3
    extra = op & ref.MP_BC_MASK_EXTRA_BYTE == 0
    if o is None or o["name"] != name or o["format"] != fmt or o["extra_byte"] != extra:
        print("0x%02x: reference %s format %d extra %s, ours %s" % (op, name, fmt, extra, o)); bad += 1
print("opcode table: %s" % ("agrees with the reference" if not bad else "%d differences" % bad))
sys.exit(1 if bad else 0)
PY

echo "== disassembly against the reference"
(cd "$HERE" && "$PYTHON" - "$MPY_TOOL_PY" "$MPY_TOOL" fixtures/values.mpy fixtures/flow.mpy \
    fixtures/bigjump.mpy fixtures/unwind.mpy fixtures/tiny.mpy fixtures/emitters.mpy \
    fixtures/thumb.mpy golden/bigjump-twice.mpy) <<'PY'
import re, subprocess, sys, json
ref, tool, files = sys.argv[1], sys.argv[2], sys.argv[3:]
bad = 0
for f in files:
    r = subprocess.run([sys.executable, ref, "-d", f], capture_output=True, text=True).stdout
    refops = []
    for line in r.splitlines():
        m = re.match(r"  ([0-9a-f]{2}(?::[0-9a-f]{2})*)\s+(\S.*?)\s*$", line)
        if m and not line.startswith("  raw") and not line.startswith("  prelude"):
            name = m.group(2)
            # the reference's name, without its operand
            refops.append((m.group(1).replace(":", ""), name))
    d = json.loads(subprocess.run([tool, "dump", "--json", f], capture_output=True, text=True).stdout)
    ours = []
    def walk(rc):
        if "bytecode" in rc:
            for i in rc["bytecode"]["instructions"]:
                ours.append((i["bytes"], i["op"]))
        for c in rc["children"]:
            walk(c)
    walk(d["raw_code"])
    # the reference prints depth-first too
    if len(refops) != len(ours):
        print(f, "count", len(refops), len(ours)); bad += 1; continue
    for (rh, rn), (oh, on) in zip(refops, ours):
        if rh != oh or not rn.startswith(on):
            print(f, rh, rn, "|", oh, on); bad += 1; break
    print("%s: %d instructions agree with the reference's disassembly" % (f, len(ours)))
sys.exit(bad)
PY
