// Reading and writing whole files.
#ifndef BASE_FILE_H
#define BASE_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

// Appends the contents of path to out; returns 0 or an errno value.
int file_read_all(const char *path, buf_t *out);

// Writes data to path through a temporary file in the same directory that is
// renamed over path only once complete, so a failure never leaves a partial
// file. Returns 0 or an errno value.
int file_write_atomic(const char *path, const void *data, size_t len);

#endif
