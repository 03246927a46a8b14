// Driver for the VM and .mpy loader tests (tests/runtime/vm.test.sh):
//   test_vm DIR MODULE      imports MODULE with DIR on sys.path
//   test_vm --load FILE     loads FILE as module "m" with mp_load_mpy_module
// An uncaught exception is printed to stdout with its traceback (exit 1).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/vfs.h"

static int run(int argc, char **argv) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        if (strcmp(argv[1], "--load") == 0) {
            FILE *fp = fopen(argv[2], "rb");
            if (fp == NULL) {
                perror(argv[2]);
                exit(2);
            }
            static byte data[1 << 20];
            size_t len = fread(data, 1, sizeof(data), fp);
            fclose(fp);
            mp_import_mpy_data(qstr_from_str("m"), argv[2], data, len);
            printf("loaded; in sys.modules: %d\n",
                   mp_map_lookup(mp_obj_dict_get_map(mp_state.loaded_modules),
                                 MP_OBJ_NEW_QSTR(qstr_from_str("m")), MP_MAP_LOOKUP) != NULL);
        } else {
            mp_obj_list_append(mp_state.sys_path, mp_obj_new_str(argv[1], strlen(argv[1])));
            mp_import_name(qstr_from_str(argv[2]), mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
        }
        nlr_pop();
        (void)argc;
        return 0;
    }
    mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
    if (strcmp(argv[1], "--load") == 0) {
        printf("in sys.modules: %d\n",
               mp_map_lookup(mp_obj_dict_get_map(mp_state.loaded_modules),
                             MP_OBJ_NEW_QSTR(qstr_from_str("m")), MP_MAP_LOOKUP) != NULL);
    }
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: test_vm DIR MODULE | test_vm --load FILE\n");
        return 2;
    }
    mp_init(4 << 20);
    int here;
    gc_set_stack_top(&here);
    mp_vfs_mount_host_root(); // imports read files through the VFS
    int status = run(argc, argv);
    fflush(stdout);
    mp_deinit();
    return status;
}
