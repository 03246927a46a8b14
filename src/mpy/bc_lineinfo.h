// The line-number table in a bytecode prelude's source-info section (v6):
// a run of (bytes to skip, lines to skip) steps from bytecode offset 0 and
// line 1, each step one of
//   0LLBBBBB            B bytes (0..31), L lines (0..3)
//   1LLLBBBB LLLLLLLL   B bytes (0..15), L lines (0..2047; high 3 bits first)
// The compiler writes it and the VM reads it for tracebacks.
#ifndef MPY_BC_LINEINFO_H
#define MPY_BC_LINEINFO_H

#include <stddef.h>
#include <stdint.h>

// Most bytes one bc_lineinfo_encode call writes per 2048 lines and 16 bytes.
#define BC_LINEINFO_STEP_MAX_BYTES 2

// Writes steps covering bytes_to_skip bytecode bytes and lines_to_skip lines
// (bytes first, so a line starts at the right instruction) to out, which
// must hold bc_lineinfo_encoded_len(...) bytes; returns the bytes written.
size_t bc_lineinfo_encode(size_t bytes_to_skip, size_t lines_to_skip, uint8_t *out);
size_t bc_lineinfo_encoded_len(size_t bytes_to_skip, size_t lines_to_skip);

// The source line of the instruction at bytecode offset bc_offset, from the
// table info[0..len). A truncated last step is ignored.
size_t bc_lineinfo_line(const uint8_t *info, size_t len, size_t bc_offset);

#endif
