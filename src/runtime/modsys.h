// The sys module's parts (modsys.c, modsys_stdio.c) and its hook for
// modules.c.
#ifndef RUNTIME_MODSYS_H
#define RUNTIME_MODSYS_H

#include "runtime/runtime.h"

// sys.stdin/stdout/stderr: text streams on file descriptors 0, 1, 2.
typedef struct {
    mp_obj_base_t base;
    int fd;
} stdio_obj_t;
extern const mp_obj_type_t mp_type_host_textio;
extern const stdio_obj_t mp_sys_stdin_obj;
extern const stdio_obj_t mp_sys_stdout_obj;
extern const stdio_obj_t mp_sys_stderr_obj;

// Points sys.argv, sys.path and sys.modules at the runtime's current lists
// and dict (mp_state), which mp_init creates: called whenever the sys
// module is handed out.
void mp_module_sys_refresh(void);

#endif
