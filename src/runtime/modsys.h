// The sys module's parts (modsys.c; its stdio objects are files, in
// vfs_posix_file.c) and its hook for modules.c.
#ifndef RUNTIME_MODSYS_H
#define RUNTIME_MODSYS_H

#include "runtime/runtime.h"

// A file of the host (vfs_posix_file.c): a file descriptor, -1 once closed.
// sys.stdin/stdout/stderr are text files on descriptors 0, 1, 2.
typedef struct {
    mp_obj_base_t base;
    int fd;
} host_file_t;
extern const host_file_t mp_sys_stdin_obj;
extern const host_file_t mp_sys_stdout_obj;
extern const host_file_t mp_sys_stderr_obj;

// Points sys.argv, sys.path and sys.modules at the runtime's current lists
// and dict (mp_state), which mp_init creates: called whenever the sys
// module is handed out.
void mp_module_sys_refresh(void);

#endif
