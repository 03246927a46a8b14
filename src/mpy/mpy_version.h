// The .mpy sub-versions of native code and the MicroPython releases that
// load each: the one table the linker, mpy-tool and the runtime share. A
// user names a target by sub-version ("6.3") or by release ("v1.23").
#ifndef MPY_MPY_VERSION_H
#define MPY_MPY_VERSION_H

#include <stdbool.h>
#include <stddef.h>

// What the tools write when no version is asked for: MicroPython v1.20 and
// v1.21, the firmware of the seed document.
#define MPY_SUB_VERSION_DEFAULT 1

// The sub-version that text names ("6.1", "6.2", "6.3", or a release
// "v1.20" ... "v1.28", with or without the "v" and a patch level such as
// "v1.22.2"), or 0 when it names none.
unsigned mpy_version_parse(const char *text);

// True for the sub-versions of the table (1 to 3).
bool mpy_version_known(unsigned sub_version);

// Writes "MicroPython v1.23-v1.28 (.mpy 6.3)" for a known sub-version, or
// ".mpy 6.N" for another, into buf (NUL-terminated, cut to size).
void mpy_version_describe(unsigned sub_version, char *buf, size_t size);

// The same for the releases of that sub-version that load native code for
// arch (rv32imc: from v1.25), e.g. "MicroPython v1.25-v1.28 (.mpy 6.3)"; if
// none does: "no MicroPython release (rv32imc needs v1.25 or later, .mpy 6.3)".
void mpy_version_describe_arch(unsigned sub_version, unsigned arch, char *buf, size_t size);

// The sub-version of release v1.<minor>, or 0 if the table has none.
unsigned mpy_version_of_minor(unsigned minor);

// The sub-versions of the table as prose ("6.1, 6.2 and 6.3").
const char *mpy_version_sub_versions(void);

// The values mpy_version_parse accepts, for error messages:
// "6.1 6.2 6.3 v1.20 v1.21 ... v1.28".
const char *mpy_version_accepted(void);

#endif
