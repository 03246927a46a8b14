#!/usr/bin/env python3
# Maintainer script (not run by `make test`): writes the malformed .mpy
# files of tests/tool/bad/ from the fixtures, one defect each, for
# errors.test.sh. Run from anywhere after the fixtures are recorded:
#
#   python3 tests/tool/make-bad.py
#
# The offsets it patches are found with this project's own mpy-tool dump
# --json (build it first). The expected messages, bad/NAME.err, are the
# tool's own, reviewed by hand (see README.md).
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
TOOL = os.environ.get("MPY_TOOL", os.path.join(TOP, "build", "mpy-tool"))
FIX = os.path.join(HERE, "fixtures")
BAD = os.path.join(HERE, "bad")
sys.path.insert(0, os.path.join(TOP, "tests"))
from mpy_encode import uint  # noqa: E402


def fixture(name):
    with open(os.path.join(FIX, name), "rb") as f:
        return bytearray(f.read())


def dump(name):
    out = subprocess.run([TOOL, "dump", "--json", os.path.join(FIX, name)], check=True,
                         capture_output=True).stdout
    return json.loads(out)


def functions(d):
    todo = [d["raw_code"]]
    while todo:
        rc = todo.pop(0)
        yield rc
        todo.extend(rc["children"])


def insn(d, func, op):
    """File offset of the first instruction op in function func."""
    for rc in functions(d):
        if rc["name"] == func:
            for i in rc["bytecode"]["instructions"]:
                if i["op"] == op:
                    return rc["bytecode"]["offset"] + i["offset"]
    raise KeyError((func, op))


def write(name, data):
    with open(os.path.join(BAD, name + ".mpy"), "wb") as f:
        f.write(bytes(data))
    print("bad/%s.mpy" % name)


os.makedirs(BAD, exist_ok=True)
tiny, unwind = dump("tiny.mpy"), dump("unwind.mpy")

write("empty", b"")
write("text", b"print('not a .mpy')\n")

b = fixture("tiny.mpy")
b[1] = 5
write("version5", b)

b = fixture("tiny.mpy")
b[insn(tiny, "twice", "BINARY_OP")] = 0x41
write("unknown-opcode", b)

# POP_JUMP_IF_FALSE of first_true aimed at the middle of the UNWIND_JUMP
b = fixture("unwind.mpy")
at = insn(unwind, "first_true", "POP_JUMP_IF_FALSE")
b[at + 1] -= 2
write("jump-inside", b)

# LOAD_GLOBAL 'value' in native_value: qstr index 120
b = fixture("tiny.mpy")
b[insn(tiny, "native_value", "LOAD_GLOBAL") + 1] = 120
write("qstr-index", b)

# MAKE_FUNCTION of the module's first function: child 9
b = fixture("tiny.mpy")
b[insn(tiny, "<module>", "MAKE_FUNCTION") + 1] = 9
write("child-index", b)

# LOAD_FAST 0 of twice (3 state slots) turned into LOAD_FAST 15
b = fixture("tiny.mpy")
b[insn(tiny, "twice", "LOAD_FAST")] = 0xbf
write("local-index", b)

# LOAD_CONST_STRING 'tiny' turned into LOAD_CONST_OBJ (the module has no objects)
b = fixture("tiny.mpy")
b[insn(tiny, "<module>", "LOAD_CONST_STRING")] = 0x23
write("obj-index", b)

# qstr 1 ('<module>', static 7) as static qstr 200
b = fixture("tiny.mpy")
q = tiny["qstrs"][1]
assert b[q["offset"]] == 7 << 1 | 1
b[q["offset"] : q["offset"] + 1] = uint(200 << 1 | 1)
write("static-qstr", b)

# an object of kind 11 in the table of values.mpy
values = dump("values.mpy")
b = fixture("values.mpy")
b[values["objects"][0]["offset"]] = 11
write("obj-kind", b)

# tuples nested 300 deep as the only object
b = fixture("tiny.mpy")
assert b[4] == len(tiny["qstrs"]) and b[5] == 0  # n_qstr, n_obj
b[5] = 1
table_end = tiny["object_table_offset"]
b[table_end:table_end] = bytes([10, 1] * 300 + [1])
write("deep-tuple", b)

# the number of qstrs written with 11 bytes
b = fixture("tiny.mpy")
b[4:5] = bytes([0xFF] * 10 + [0x7F])
write("huge-varint", b)

# a qstr count of 2**40
b = fixture("tiny.mpy")
b[4:5] = uint(1 << 40)
write("huge-count", b)

# the native part of x64-bss.mpy: a relocation record placed past the text
bss = dump("x64-bss.mpy")
rel = bss["raw_code"]["relocations"]["records"][0]
b = fixture("x64-bss.mpy")
assert b[rel["offset"]] & 1
words = bss["raw_code"]["text"]["size"] // 8
b[rel["offset"] + 1 : rel["offset"] + 1 + len(uint(rel["word"] << 1))] = uint(words << 1)
write("reloc-range", b)

# a relocation to mp_fun_table entry 100 (op byte (9 + 100) << 1 | 1)
b = fixture("x64-bss.mpy")
assert b[rel["offset"]] == 8 << 1 | 1
b[rel["offset"]] = (9 + 100) << 1 | 1
write("fun-table-entry", b)

# native code in a file whose header names no architecture
b = fixture("x64-bss.mpy")
b[2] = 0
write("native-no-arch", b)

# two bytes after the end of the module
write("trailing", fixture("tiny.mpy") + b"\x00\x00")

# the function data of tiny's first function runs past the end of the file
b = fixture("tiny.mpy")
at = tiny["raw_code"]["offset"]
b[at : at + 1] = uint(4000 << 3 | 4)
write("data-past-end", b)

sys.exit(0)
