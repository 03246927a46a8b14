#!/usr/bin/env python3
# Maintainer helper for record-golden.sh: runs the reference linker
# (MicroPython v1.21.0 tools/mpy_ld.py, its path in MPY_LD_PY) with three
# defects corrected, to produce the expected output where the reference
# stops with an assertion or silently writes wrong code. Same command line
# as the reference. All three concern GOT entries built from xtensa
# literals, where gcc may fold a constant offset into the literal
# (R_XTENSA_32 against a global symbol with a non-zero addend):
#
# 1. For `sym+N` the reference makes a GOT entry of its own but fills it
#    with the address of sym, dropping N: code that reads &array[k] gets
#    &array[0] (a silent miscompile). Fixed: the entry holds sym's address
#    plus N.
# 2. For `mp_native_qstr_table+N` (from MP_QSTR_xxx, which expands to
#    mp_native_qstr_table[k] with k >= 1) the reference finds no relocation
#    kind and fails an assertion. Fixed: the entry holds N and carries the
#    qstr-table relocation (kind 6); the loader adds the table's address.
# 3. Several entries of one such kind then sit next to each other. The
#    reference would merge them into a counted record, which the .mpy
#    format only has for text/rodata/bss, and fails another assertion.
#    Fixed: one record per word (the loader's target advances by itself).
#
# One more concerns the linkers from v1.28 (.mpy 6.3), whose entry jump
# (the first bytes of text) is computed before layout, from mpy_init's
# offset in its own section, as if that section began right after the jump:
#
# 4. Where it does not (the section is aligned beyond the jump's length, or
#    mpy_init is not in the first section) the jump lands before or after
#    mpy_init (a silent miscompile); on xtensa the early computation fails
#    when mpy_init is near the start of its section. Fixed: the jump is
#    written again once the layout is known, from mpy_init's real address
#    (the reference does so for xtensa already), and on xtensa a placeholder
#    of the same length stands in before.
#
# And one concerns fixed-address symbols (--externs, v1.28):
#
# 5. A symbol both listed and defined in an object is resolved to the
#    object's definition (calls go there), but a GOT entry for it gets the
#    listed address: on xtensa, where calls load their target from the GOT,
#    the same module then calls the other one. Fixed: the object's
#    definition is used everywhere.
#
# The corrections are applied from outside by wrapping some of the
# reference's functions; the reference file itself is not modified.
import os
import struct
import sys

ref = os.environ["MPY_LD_PY"]
sys.path.insert(0, os.path.dirname(os.path.abspath(ref)))
sys.argv[0] = ref
import mpy_ld  # noqa: E402

QSTR_TABLE = "mp_native_qstr_table"


class QstrTableEntryName(str):
    """The name of a GOT entry 'mp_native_qstr_table+0xN': prints in full
    but compares equal to 'mp_native_qstr_table', so the reference treats
    the entry as one into the qstr table."""

    def __eq__(self, other):
        return str.__eq__(self, other) or str.__eq__(QSTR_TABLE, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = str.__hash__


_populate_got = mpy_ld.populate_got


def populate_got_fixed(env):
    for key, entry in env.got_entries.items():
        if "+0x" not in key or entry.sym.entry["st_info"]["type"] == "STT_SECTION":
            continue  # no addend, or a section-relative literal (handled right)
        base, addend = key.rsplit("+0x", 1)
        if base == "mp_fun_table":
            continue  # the reference gives this form a meaning of its own
        entry.link_addr += int(addend, 16)
        if base == QSTR_TABLE:
            entry.name = QstrTableEntryName(key)
    externs = getattr(env, "externs", {})
    shadowed = {name: externs.pop(name) for name in list(externs) if name in env.known_syms}
    try:
        _populate_got(env)
    finally:
        externs.update(shadowed)


_write_reloc = mpy_ld.MPYOutput.write_reloc


def write_reloc_fixed(self, base, offset, dest, n):
    if dest <= 2:
        _write_reloc(self, base, offset, dest, n)
    else:
        for i in range(n):
            _write_reloc(self, base, offset + i, dest, 1)


_link_objects = mpy_ld.link_objects
_build_mpy = mpy_ld.build_mpy


def placeholder_jump(asm_jump):
    def jump(entry):
        try:
            return asm_jump(entry)
        except (mpy_ld.LinkError, struct.error):
            return asm_jump(4)  # same length (xtensa's jump has one)

    return jump


def link_objects_fixed(env, *args):
    asm_jump = env.arch.asm_jump
    env.arch.asm_jump = placeholder_jump(asm_jump)
    try:
        _link_objects(env, *args)
    finally:
        env.arch.asm_jump = asm_jump


def build_mpy_fixed(env, *args):
    # xtensa's jump is already rewritten from the real address by the
    # reference; the others add a distance of their own to the offset they
    # are given: the jump's length (RISC-V, Thumb's b.w and bl forms) or for
    # Thumb's 16-bit b, its pc (4).
    if not env.arch.delayed_entry_offset:
        n = env.entry_trampoline_len
        thumb_b16 = n == 2 and env.arch.name == "EM_ARM"
        jump = env.arch.asm_jump(env.find_entry_addr() - (4 if thumb_b16 else n))
        assert len(jump) == n, "the entry jump changed length"
        env.full_text[:n] = jump
    _build_mpy(env, *args)


if hasattr(mpy_ld, "fit_signed"):  # the v1.28 entry jump
    mpy_ld.link_objects = link_objects_fixed
    mpy_ld.build_mpy = build_mpy_fixed
mpy_ld.populate_got = populate_got_fixed
mpy_ld.MPYOutput.write_reloc = write_reloc_fixed
mpy_ld.main()
