#!/usr/bin/env python3
# Maintainer helper for record.sh: runs the reference merger (MicroPython
# v1.21.0 tools/mpy-tool.py, its path in MPY_TOOL_PY) with one defect
# corrected, to record the expected output where the reference writes wrong
# code or fails. Same command line as the reference.
#
# The defect: to re-encode jumps, --merge turns each jump's relative offset
# into an absolute target by adding the end of the instruction. For
# UNWIND_JUMP (the jump of a break or continue that leaves a try/finally or
# a with block) the instruction ends with an extra byte after the offset,
# but the offset counts from the end of the offset itself, as the VM reads
# it. So the reference aims one byte too far: the rewritten jump skips the
# first byte at its destination (the merged module computes wrong results),
# or, when that byte is no instruction start, the reference stops with a
# KeyError. Fixed here: the decoded offset of UNWIND_JUMP is made one less,
# so that the target comes out right; re-encoding is already correct.
#
# The correction wraps one function of the reference from outside; the
# reference file itself is not modified.
import importlib.util
import os
import sys

ref = os.environ["MPY_TOOL_PY"]
sys.path.insert(0, os.path.dirname(os.path.abspath(ref)))
sys.argv[0] = ref
spec = importlib.util.spec_from_file_location("mpy_tool_ref", ref)
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)

UNWIND_JUMP = tool.Opcode.MP_BC_UNWIND_JUMP
original_decode = tool.mp_opcode_decode


def decode_with_fixed_unwind_jump(bytecode, ip):
    fmt, size, arg, extra_arg = original_decode(bytecode, ip)
    if bytecode[ip] == UNWIND_JUMP:
        # The caller adds ip + size, which counts the extra byte too.
        arg -= 1
    return fmt, size, arg, extra_arg


tool.mp_opcode_decode = decode_with_fixed_unwind_jump
tool.main()
