// mpy-tool addr2line: the function and source line of text offsets of a
// native module, from its debug ELF (mpy-ld --debug-elf).
#ifndef MPY_TOOL_ADDR2LINE_H
#define MPY_TOOL_ADDR2LINE_H

#include <stddef.h>

// file: a .mpy (its ELF is the same name with .elf) or the ELF itself;
// offsets: hexadecimal, with or without 0x. Returns the exit status.
int addr2line_run(const char *file, char **offsets, size_t n_offsets);

#endif
