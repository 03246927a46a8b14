#!/usr/bin/env python3
# Maintainer script (not run by `make test`): writes tests/host/flow/bad-*.mpy,
# bytecode modules assembled by hand, each breaking one rule of the loader's
# flow verifier (src/mpy/bc_verify.h) or one check the VM makes while it
# runs. flow.test.sh imports each in mpy-host and compares the last line of
# the error with bad-NAME.err, which this script writes from the table
# below (the messages were reviewed by hand).
#
#   python3 tests/host/make-flow.py
import os
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "flow")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from mpy_encode import uint  # noqa: E402

# opcodes (src/mpy/bc_opcodes.h)
LOAD_CONST_NONE, LOAD_NULL, POP_TOP = 0x51, 0x53, 0x59
RETURN_VALUE, YIELD_VALUE, END_FINALLY = 0x63, 0x67, 0x5D
GET_ITER_STACK, FOR_ITER, SETUP_EXCEPT = 0x5F, 0x4B, 0x48
POP_JUMP_IF_FALSE, UNWIND_JUMP, JUMP = 0x44, 0x40, 0x42
STORE_COMP, BUILD_SLICE, LOAD_NAME = 0x2F, 0x2E, 0x11
LOAD_DEREF, MAKE_FUNCTION, CALL_FUNCTION = 0x25, 0x32, 0x34
LOAD_SUPER_METHOD, LOAD_FAST0 = 0x15, 0xB0


def small_int(n):
    return 0x70 + 16 + n  # LOAD_CONST_SMALL_INT_MULTI, -16..47


def fwd(target, here):
    """One-byte forward jump offset from the end of a 2-byte instruction at here."""
    return bytes([target - (here + 2)])


def signed(target, here):
    """One-byte signed jump offset (biased by 0x40)."""
    return bytes([0x40 + target - (here + 2)])


def function(code, n_state=2, n_exc=0, generator=False, n_pos=0, n_def=0, cells=b"", name=1):
    """Bytecode data: prelude (signature, sizes, name, no line info, cells) and code."""
    assert n_state - 1 < 16 and n_exc < 2 and n_pos < 4
    flags = 1 if generator else 0
    assert n_def < 4
    sig = bytes([0x80 | (n_state - 1) << 3 | n_exc << 2 | n_pos, 0x80 | flags << 6 | (n_def & 1),
                 (n_def >> 1) & 1])
    info = uint(name) + b"".join(uint(1) for _ in range(n_pos))  # arguments named '<module>'
    assert len(info) < 64
    sizes = bytes([len(info) << 1 | (1 if cells else 0)])
    assert len(cells) <= 1
    return sig + sizes + info + cells + bytes(code)


def raw_code(data, children=()):
    out = uint(len(data) << 3 | (4 if children else 0)) + data
    if children:
        out += uint(len(children)) + b"".join(children)
    return out


def module(top):
    qstrs = [b"flow.py", b"<module>", b"x"]
    out = bytes([ord("M"), 6, 0, 31]) + uint(len(qstrs)) + uint(0)
    for q in qstrs:
        out += uint(len(q) << 1) + q + b"\0"
    return out + top


CASES = [
    # name, top-level raw code, expected last line of the error
    ("underflow", raw_code(function([POP_TOP, LOAD_CONST_NONE, RETURN_VALUE])),
     "POP_TOP at +0x0 pops a value from an empty stack"),
    ("overflow", raw_code(function([LOAD_CONST_NONE, LOAD_CONST_NONE, POP_TOP, RETURN_VALUE],
                                   n_state=1)),
     "LOAD_CONST_NONE at +0x1 needs 2 stack slots, but the frame has 1"),
    # LOAD_NONE; POP_JUMP_IF_FALSE L; LOAD_NONE; L: LOAD_NONE; RETURN_VALUE
    ("depth-mismatch", raw_code(function([LOAD_CONST_NONE, POP_JUMP_IF_FALSE, 0x41,
                                          LOAD_CONST_NONE, LOAD_CONST_NONE, RETURN_VALUE],
                                         n_state=3)),
     "reaches +0x4 with"),
    ("for-iter-object", raw_code(function([LOAD_CONST_NONE] * 4 + [FOR_ITER, 0x00,
                                          LOAD_CONST_NONE, RETURN_VALUE], n_state=6)),
     "FOR_ITER at +0x4 needs an iterator buffer on top of the stack"),
    ("iterator-as-object", raw_code(function([LOAD_CONST_NONE, GET_ITER_STACK, RETURN_VALUE],
                                             n_state=5)),
     "RETURN_VALUE at +0x2 needs an object, but the stack holds slot 3 of an iterator"),
    ("null-as-object", raw_code(function([LOAD_NULL, RETURN_VALUE])),
     "RETURN_VALUE at +0x1 needs an object, but the stack holds NULL"),
    ("store-comp-target", raw_code(function([LOAD_CONST_NONE, LOAD_CONST_NONE, STORE_COMP, 1 << 2,
                                            RETURN_VALUE], n_state=3)),
     "STORE_COMP at +0x2 needs a list 1 slots down, but the stack holds an object"),
    ("handler-stack", raw_code(function([SETUP_EXCEPT, 0x00, LOAD_CONST_NONE, RETURN_VALUE])),
     "SETUP_EXCEPT at +0x0 needs 1 handler blocks, but the frame has 0"),
    ("end-finally-no-block", raw_code(function([LOAD_CONST_NONE, END_FINALLY, LOAD_CONST_NONE,
                                               RETURN_VALUE])),
     "END_FINALLY at +0x1 ends a handler block, but none is active"),
    ("unwind-no-block", raw_code(function([UNWIND_JUMP, 0x41, 0x01, LOAD_CONST_NONE,
                                          RETURN_VALUE])),
     "UNWIND_JUMP at +0x0 unwinds more handler blocks than are active"),
    # LOAD_NONE; SETUP_EXCEPT H; POP_TOP; LOAD_NAME x; POP_TOP; LOAD_NONE; RETURN; H: ...
    ("handler-below-stack", raw_code(function([LOAD_CONST_NONE, SETUP_EXCEPT, 0x06, POP_TOP,
                                              LOAD_NAME, 2, POP_TOP, LOAD_CONST_NONE,
                                              RETURN_VALUE, RETURN_VALUE],
                                             n_state=3, n_exc=1)),
     "LOAD_NAME at +0x4 leaves 0 values on the stack, but the handler at +0x9 starts on 1"),
    ("yield-outside-generator", raw_code(function([LOAD_CONST_NONE, YIELD_VALUE, RETURN_VALUE])),
     "YIELD_VALUE at +0x1 in a function that is not a generator"),
    ("off-the-end", raw_code(function([LOAD_CONST_NONE, POP_TOP])),
     "POP_TOP at +0x1 is followed by the end of the code: execution would run past it"),
    ("build-slice-count", raw_code(function([LOAD_CONST_NONE] * 4 + [BUILD_SLICE, 4,
                                            RETURN_VALUE], n_state=5)),
     "BUILD_SLICE at +0x4 takes 2 or 3 values, not 4"),
    ("args-beyond-frame", raw_code(function([LOAD_CONST_NONE, RETURN_VALUE], n_state=1,
                                            n_pos=3)),
     "the arguments need 3 slots, but the frame has 1"),
    ("defaults-beyond-args", raw_code(function([LOAD_CONST_NONE, RETURN_VALUE], n_pos=1,
                                               n_def=3)),
     "3 of the 1 positional arguments have defaults"),
    ("cell-beyond-frame", raw_code(function([LOAD_CONST_NONE, RETURN_VALUE], cells=b"\x05")),
     "closure cell 0 is local 5, but the frame has 2 slots"),
    # Checked while running: a function of closure code made without its
    # closure (LOAD_DEREF of a plain argument).
    ("deref-not-cell", raw_code(function([MAKE_FUNCTION, 0, small_int(5), CALL_FUNCTION, 1,
                                          RETURN_VALUE], n_state=3),
                                [raw_code(function([LOAD_DEREF, 0, RETURN_VALUE], n_pos=1))]),
     "TypeError: closure variable is not a cell: function made without its closure"),
    # A function whose prelude announces a default that MAKE_FUNCTION does not give.
    ("missing-defaults", raw_code(function([MAKE_FUNCTION, 0, RETURN_VALUE]),
                                  [raw_code(function([LOAD_FAST0, RETURN_VALUE], n_pos=1,
                                                     n_def=1))]),
     "TypeError: function defaults do not match its signature"),
    # super() whose class is an int.
    ("super-not-type", raw_code(function([LOAD_CONST_NONE, small_int(1), LOAD_CONST_NONE,
                                          LOAD_SUPER_METHOD, 2, POP_TOP, RETURN_VALUE],
                                         n_state=4)),
     "TypeError: super() argument 1 must be a type"),
]


def main():
    os.makedirs(HERE, exist_ok=True)
    for name, top, err in CASES:
        with open(os.path.join(HERE, "bad-%s.mpy" % name), "wb") as f:
            f.write(module(top))
        with open(os.path.join(HERE, "bad-%s.err" % name), "w") as f:
            f.write(err + "\n")


main()
