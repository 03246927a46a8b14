// Writing the linked module as a .mpy file: one native (viper) raw code
// holding text, with rodata, BSS size and the load-time relocations.
#include "mpy-ld/diag.h"
#include "mpy-ld/elf.h"
#include "mpy-ld/link.h"
#include "mpy/mpy_format.h"

#include <string.h>

void link_write_mpy(link_env_t *env, buf_t *out, const char *mpy_name, char **qstrs,
                    size_t n_qstrs) {
    const arch_t *arch = env->arch;

    ld_log(1, "arch:         %s", elf_machine_name(arch->elf_machine));
    ld_log(1, "text size:    %zu", env->text.len);
    if (env->rodata.len) {
        ld_log(1, "rodata size:  %zu", env->rodata.len);
    }
    ld_log(1, "bss size:     %u", env->bss_size);
    ld_log(1, "GOT entries:  %zu", env->n_got);

    mpy_write_header(out, arch->mpy_arch, env->sub_version, env->arch_flags);
    // qstr table: the module's file name, then the qstrs of the config header.
    mpy_write_uint(out, 1 + n_qstrs);
    mpy_write_uint(out, 0); // object table: empty
    mpy_write_qstr(out, mpy_name, strlen(mpy_name));
    for (size_t i = 0; i < n_qstrs; i++) {
        mpy_write_qstr(out, qstrs[i], strlen(qstrs[i]));
    }

    mpy_write_uint(out, (uint64_t)env->text.len << 3 | (MPY_CODE_NATIVE_VIPER - MPY_CODE_BYTECODE));
    env->emitted.text = out->len;
    buf_append(out, env->text.data, env->text.len);
    env->emitted.text_end = out->len;

    unsigned scope_flags = MPY_SCOPE_FLAG_VIPERRELOC;
    if (env->rodata.len) {
        scope_flags |= MPY_SCOPE_FLAG_VIPERRODATA;
    }
    if (env->bss_size) {
        scope_flags |= MPY_SCOPE_FLAG_VIPERBSS;
    }
    mpy_write_uint(out, scope_flags);
    if (env->rodata.len) {
        mpy_write_uint(out, env->rodata.len);
    }
    if (env->bss_size) {
        mpy_write_uint(out, env->bss_size);
    }
    env->emitted.rodata = out->len;
    buf_append(out, env->rodata.data, env->rodata.len);
    env->emitted.relocs = out->len;
    mpy_write_relocs(out, env->mpy_relocs, env->n_mpy_relocs);
    env->emitted.end = out->len;
}
