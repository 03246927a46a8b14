// Diagnostics of mpy-ld: errors (counted, so a run can report every problem
// before it stops), hints for the module author, and -v logging.
#ifndef MPY_LD_DIAG_H
#define MPY_LD_DIAG_H

#include <stddef.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

// "mpy-ld: error: <message>" on stderr.
void ld_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
// An indented follow-up line to the previous error telling what to do.
void ld_hint(const char *fmt, ...) PRINTF_LIKE(1, 2);
size_t ld_error_count(void);
// A warning: the link goes on.
void ld_warning(const char *fmt, ...) PRINTF_LIKE(1, 2);

// Log levels as mpy_ld.py numbers them: 1 is the default summary, -v gives 2
// (sections, GOT), -vv gives 3 (relocations).
extern int ld_log_level;
void ld_log(int level, const char *fmt, ...) PRINTF_LIKE(2, 3);

#endif
