// Reading static libraries (ar archives, as made by GNU ar) so that the
// linker can take from them the members that define symbols a module needs,
// such as libgcc's division and switch-table helpers.
#ifndef MPY_LD_ARCHIVE_H
#define MPY_LD_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/strmap.h"

typedef struct {
    char *name;          // member file name
    const uint8_t *data; // its bytes inside the archive image
    size_t size;
    bool loaded;
} ar_member_t;

typedef struct {
    const char *path;
    const uint8_t *image; // not owned
    size_t size;
    ar_member_t *members;
    size_t n_members;
    strmap_t index; // defined symbol name -> ar_member_t *
} archive_t;

// True if image starts like an ar archive.
bool archive_is_archive(const uint8_t *image, size_t size);

// Parses the archive in image[0..size), which must outlive the archive_t. On error prints
// a message and returns false.
bool archive_read(archive_t *ar, const char *path, const uint8_t *image, size_t size);

// The member that defines symbol name, or NULL.
ar_member_t *archive_find_symbol(const archive_t *ar, const char *name);

void archive_free(archive_t *ar);

#endif
