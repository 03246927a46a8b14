# Encoding helpers for the maintainer scripts that write .mpy test files
# (tests/tool/make-bad.py, tests/host/make-flow.py).


def uint(v):
    """A .mpy var uint: 7 bits per byte, most significant first."""
    out = [v & 0x7F]
    v >>= 7
    while v:
        out.insert(0, 0x80 | (v & 0x7F))
        v >>= 7
    return bytes(out)
