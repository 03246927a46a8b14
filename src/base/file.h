// Reading and writing whole files.
#ifndef BASE_FILE_H
#define BASE_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

// Appends the contents of path to out; returns 0 or an errno value.
int file_read_all(const char *path, buf_t *out);

// Maps path read-only into memory, all pages read in at once (cheaper than
// read() into a buffer for large inputs). A file of 0 bytes gives data NULL.
// Returns 0 or an errno value; release with file_unmap.
int file_map(const char *path, const uint8_t **data, size_t *len);
void file_unmap(const uint8_t *data, size_t len);

// Writes data to path through a temporary file in the same directory that is
// renamed over path only once complete, so a failure never leaves a partial
// file. Returns 0 or an errno value.
int file_write_atomic(const char *path, const void *data, size_t len);

#endif
