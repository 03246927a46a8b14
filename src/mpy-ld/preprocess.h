// mpy-ld --preprocess: the qstr config header of a module's sources.
#ifndef MPY_LD_PREPROCESS_H
#define MPY_LD_PREPROCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"

// Scans the sources for MP_QSTR_ names and writes into out the header that
// numbers the static qstrs and maps the others to mp_native_qstr_table.
// With a sub_version (not 0) the header also sets MPY_SUB_VERSION, which
// selects the SDK's ABI (py/mpyabi.h) and tells the link what to write.
bool preprocess_sources(char **sources, size_t n_sources, unsigned sub_version, buf_t *out);

// Reads the names the config header maps to mp_native_qstr_table, in order,
// and the MPY_SUB_VERSION it sets (0 if none).
bool read_config_qstrs(const char *path, char ***names, size_t *n_names, unsigned *sub_version);

#endif
