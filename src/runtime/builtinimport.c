// The import statement: mp_import_name (sys.modules, then built-in
// modules, then package directories / NAME.py / NAME.mpy on sys.path, then
// the extensible built-in modules: see modules.c),
// mp_import_from and mp_import_all, with MicroPython v1.21's messages.
//
// A package is a directory; its __init__.py or __init__.mpy (if any) is its
// code, and its __path__ names the directory its submodules are searched in.
// Files are looked for and read through the VFS (vfs.h), so a module may
// come from any mounted file system object.
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/stream.h"
#include "runtime/vfs.h"

// The whole file, read through the VFS (so from any mounted file system),
// in a heap block of len bytes plus a NUL.
static byte *read_file(const char *path, size_t *len) {
    mp_obj_t file = mp_vfs_open_path(path, "rb");
    vstr_t buf;
    vstr_init(&buf, 4096);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_stream_read_all(file, &buf);
        nlr_pop();
    } else {
        vstr_clear(&buf);
        mp_stream_close(file);
        nlr_jump(nlr.ret_val);
    }
    mp_stream_close(file);
    *len = buf.len;
    return (byte *)vstr_null_terminated_str(&buf);
}

static void store_in(mp_obj_t module, qstr attr, mp_obj_t value) {
    mp_obj_dict_store(MP_OBJ_FROM_PTR(mp_obj_module_globals(module)), MP_OBJ_NEW_QSTR(attr), value);
}

// Runs fun, the top-level code of module `name` (source file path), with
// the module's namespace as globals and locals: the module is in
// sys.modules while it runs, and taken out again if it raises.
static mp_obj_t run_module_code(qstr name, const char *path, mp_obj_t module, mp_obj_t fun) {
    store_in(module, MP_QSTR___file__, MP_OBJ_NEW_QSTR(qstr_from_str(path)));
    mp_obj_t name_obj = MP_OBJ_NEW_QSTR(name);
    mp_obj_dict_store(mp_state.loaded_modules, name_obj, module);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_dict_t *globals = mp_obj_module_globals(module);
        mp_call_in_scope(fun, globals, globals);
        nlr_pop();
        return module;
    }
    mp_map_lookup(mp_obj_dict_get_map(mp_state.loaded_modules), name_obj, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    nlr_jump(nlr.ret_val);
}

// Compiles a .py source file (is_mpy false) or loads a .mpy file into
// module (fresh, or a package's), then runs it.
static mp_obj_t import_file(qstr name, const char *path, mp_module_context_t *module, bool is_mpy) {
    size_t len;
    byte *data = read_file(path, &len);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t fun = is_mpy ? mp_load_mpy_module(module, path, data, len)
                              : mp_compile((const char *)data, len, qstr_from_str(path), MP_PARSE_FILE_INPUT,
                                  module->module.globals);
        nlr_pop();
        m_free(data);
        return run_module_code(name, path, MP_OBJ_FROM_PTR(module), fun);
    }
    m_free(data);
    nlr_jump(nlr.ret_val);
}

mp_obj_t mp_import_mpy_data(qstr name, const char *file, const byte *data, size_t len) {
    mp_module_context_t *module = mp_module_context_new(name);
    return run_module_code(name, file, MP_OBJ_FROM_PTR(module), mp_load_mpy_module(module, file, data, len));
}

// dir/leaf + ext into buf (a vstr); "" as dir is the current directory.
static const char *make_path(vstr_t *buf, const char *dir, size_t dir_len, const char *leaf, const char *ext) {
    vstr_reset(buf);
    if (dir_len) {
        vstr_add_strn(buf, dir, dir_len);
        vstr_add_char(buf, '/');
    }
    vstr_add_str(buf, leaf);
    vstr_add_str(buf, ext);
    return vstr_null_terminated_str(buf);
}

// Looks for `leaf` in directory dir, in MicroPython's order: a package
// directory leaf/, then leaf.py, then leaf.mpy. Loads it as module
// full_name; MP_OBJ_NULL if absent.
static mp_obj_t load_from_dir(qstr full_name, const char *dir, size_t dir_len, const char *leaf) {
    vstr_t path;
    vstr_init(&path, dir_len + strlen(leaf) + 16);
    mp_obj_t module = MP_OBJ_NULL;
    if (mp_vfs_import_stat(make_path(&path, dir, dir_len, leaf, "")) == MP_IMPORT_STAT_DIR) {
        // A package: __path__ is its directory (set before its __init__
        // runs, which may import its submodules), __init__ its code.
        mp_module_context_t *pkg = mp_module_context_new(full_name);
        module = MP_OBJ_FROM_PTR(pkg);
        store_in(module, MP_QSTR___path__, MP_OBJ_NEW_QSTR(qstr_from_str(vstr_null_terminated_str(&path))));
        size_t pkg_dir_len = path.len;
        char *pkg_dir = m_malloc(pkg_dir_len + 1);
        memcpy(pkg_dir, path.buf, pkg_dir_len + 1);
        if (mp_vfs_import_stat(make_path(&path, pkg_dir, pkg_dir_len, "__init__", ".py")) == MP_IMPORT_STAT_FILE) {
            import_file(full_name, vstr_null_terminated_str(&path), pkg, false);
        } else if (mp_vfs_import_stat(make_path(&path, pkg_dir, pkg_dir_len, "__init__", ".mpy")) == MP_IMPORT_STAT_FILE) {
            import_file(full_name, vstr_null_terminated_str(&path), pkg, true);
        } else {
            mp_obj_dict_store(mp_state.loaded_modules, MP_OBJ_NEW_QSTR(full_name), module);
        }
        m_free(pkg_dir);
    } else if (mp_vfs_import_stat(make_path(&path, dir, dir_len, leaf, ".py")) == MP_IMPORT_STAT_FILE) {
        module = import_file(full_name, vstr_null_terminated_str(&path), mp_module_context_new(full_name), false);
    } else if (mp_vfs_import_stat(make_path(&path, dir, dir_len, leaf, ".mpy")) == MP_IMPORT_STAT_FILE) {
        module = import_file(full_name, vstr_null_terminated_str(&path), mp_module_context_new(full_name), true);
    }
    vstr_clear(&path);
    return module;
}

// The package directory of a module (its __path__), or NULL.
static const char *package_dir(mp_obj_t module, size_t *len) {
    if (!mp_obj_is_type(module, &mp_type_module)) {
        return NULL;
    }
    mp_map_elem_t *elem = mp_map_lookup(mp_obj_dict_get_map(MP_OBJ_FROM_PTR(mp_obj_module_globals(module))),
        MP_OBJ_NEW_QSTR(MP_QSTR___path__), MP_MAP_LOOKUP);
    if (elem == NULL) {
        return NULL;
    }
    return mp_obj_str_get_data(elem->value, len);
}

static NORETURN void no_module(const char *name, size_t len) {
    mp_raise_msg_varg(&mp_type_ImportError, MP_ERROR_TEXT("no module named '%q'"), qstr_from_strn(name, len));
}

// Imports the module full[0..len) (whose parent, if dotted, is loaded
// already as `parent`), from sys.modules, the built-ins or the file system.
static mp_obj_t import_one(const char *full, size_t len, mp_obj_t parent, const char *leaf) {
    qstr full_q = qstr_from_strn(full, len);
    mp_map_elem_t *elem = mp_map_lookup(mp_obj_dict_get_map(mp_state.loaded_modules),
        MP_OBJ_NEW_QSTR(full_q), MP_MAP_LOOKUP);
    if (elem != NULL) {
        return elem->value;
    }
    mp_obj_t module = MP_OBJ_NULL;
    if (parent == MP_OBJ_NULL) {
        module = mp_module_get_builtin(full_q);
        if (module != MP_OBJ_NULL) {
            return module;
        }
        size_t n_dirs = 0;
        mp_obj_t *dirs = NULL;
        if (mp_state.sys_path != MP_OBJ_NULL) {
            mp_obj_list_get(mp_state.sys_path, &n_dirs, &dirs);
        }
        for (size_t i = 0; i < n_dirs && module == MP_OBJ_NULL; i++) {
            size_t dir_len;
            const char *dir = mp_obj_str_get_data(dirs[i], &dir_len);
            module = load_from_dir(full_q, dir, dir_len, leaf);
        }
        if (module == MP_OBJ_NULL) {
            // Not on sys.path: an extensible built-in (time, struct, ...).
            module = mp_module_get_builtin_extensible(full_q);
            if (module != MP_OBJ_NULL) {
                return module;
            }
        }
    } else {
        size_t dir_len;
        const char *dir = package_dir(parent, &dir_len);
        if (dir != NULL) {
            module = load_from_dir(full_q, dir, dir_len, leaf);
        }
    }
    if (module == MP_OBJ_NULL) {
        no_module(full, len);
    }
    if (parent != MP_OBJ_NULL) {
        store_in(parent, qstr_from_str(leaf), module);
    }
    return module;
}

// The absolute name for a relative import of `name` at `level` from the
// module whose globals are current.
static qstr resolve_relative(qstr name, size_t level) {
    mp_obj_dict_t *globals = mp_globals_get();
    mp_map_t *map = mp_obj_dict_get_map(MP_OBJ_FROM_PTR(globals));
    mp_map_elem_t *this_name = mp_map_lookup(map, MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_MAP_LOOKUP);
    bool is_package = mp_map_lookup(map, MP_OBJ_NEW_QSTR(MP_QSTR___path__), MP_MAP_LOOKUP) != NULL;
    if (this_name == NULL) {
        mp_raise_msg(&mp_type_ImportError, MP_ERROR_TEXT("can't perform relative import"));
    }
    size_t base_len;
    const char *base = mp_obj_str_get_data(this_name->value, &base_len);
    // A module's own package is its name minus the last part; a package's
    // is its own name. Each further level drops one more part.
    size_t drop = level - (is_package ? 1 : 0);
    for (; drop > 0; drop--) {
        while (base_len > 0 && base[base_len - 1] != '.') {
            base_len--;
        }
        if (base_len == 0) {
            mp_raise_msg(&mp_type_ImportError, MP_ERROR_TEXT("can't perform relative import"));
        }
        base_len--; // the dot
    }
    if (base_len == 0 || (base_len == 8 && memcmp(base, "__main__", 8) == 0)) {
        mp_raise_msg(&mp_type_ImportError, MP_ERROR_TEXT("can't perform relative import"));
    }
    vstr_t full;
    vstr_init(&full, base_len + qstr_len(name) + 2);
    vstr_add_strn(&full, base, base_len);
    if (qstr_len(name) != 0) {
        vstr_add_char(&full, '.');
        vstr_add_str(&full, qstr_str(name));
    }
    qstr q = qstr_from_strn(full.buf, full.len);
    vstr_clear(&full);
    return q;
}

mp_obj_t mp_import_name(qstr name, mp_obj_t fromlist, mp_obj_t level) {
    mp_obj_t custom = mp_builtins_override_lookup(MP_QSTR___import__);
    if (custom != MP_OBJ_NULL) {
        mp_obj_t args[5] = { MP_OBJ_NEW_QSTR(name), mp_const_none, mp_const_none, fromlist, level };
        return mp_call_function_n_kw(custom, 5, 0, args);
    }
    return mp_builtin_import(name, fromlist, level);
}

mp_obj_t mp_builtin_import(qstr name, mp_obj_t fromlist, mp_obj_t level_in) {
    mp_int_t level = level_in == MP_OBJ_NULL ? 0 : mp_obj_get_int(level_in);
    if (level < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("level must be >= 0"));
    }
    if (level > 0) {
        name = resolve_relative(name, (size_t)level);
    }
    size_t len;
    const char *full = (const char *)qstr_data(name, &len);
    if (len == 0) {
        no_module(full, len);
    }
    // Import each dotted prefix in turn: a, a.b, a.b.c.
    mp_obj_t top = MP_OBJ_NULL, module = MP_OBJ_NULL;
    char leaf[QSTR_MP_LEN_LIMIT + 1];
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || full[i] == '.') {
            size_t leaf_len = i - start;
            if (leaf_len == 0 || leaf_len > QSTR_MP_LEN_LIMIT) {
                no_module(full, len);
            }
            memcpy(leaf, full + start, leaf_len);
            leaf[leaf_len] = '\0';
            module = import_one(full, i, module, leaf);
            if (top == MP_OBJ_NULL) {
                top = module;
            }
            start = i + 1;
        }
    }
    // "import a.b" binds a; "from a.b import x" wants a.b.
    bool has_fromlist = fromlist != MP_OBJ_NULL && fromlist != mp_const_none &&
        mp_obj_is_true(fromlist);
    return has_fromlist || level > 0 ? module : top;
}

mp_obj_t mp_import_from(mp_obj_t module, qstr name) {
    mp_obj_t dest[2];
    mp_load_method_maybe(module, name, dest);
    if (dest[1] != MP_OBJ_NULL) {
        // A bound method is no importable name.
        goto import_error;
    }
    if (dest[0] != MP_OBJ_NULL) {
        return dest[0];
    }
    // A submodule of a package, not imported yet.
    size_t dir_len;
    if (package_dir(module, &dir_len) != NULL) {
        mp_load_method_maybe(module, MP_QSTR___name__, dest);
        if (dest[0] != MP_OBJ_NULL) {
            size_t pkg_len;
            const char *pkg = mp_obj_str_get_data(dest[0], &pkg_len);
            vstr_t full;
            vstr_init(&full, pkg_len + qstr_len(name) + 2);
            vstr_add_strn(&full, pkg, pkg_len);
            vstr_add_char(&full, '.');
            vstr_add_str(&full, qstr_str(name));
            qstr full_q = qstr_from_strn(full.buf, full.len);
            vstr_clear(&full);
            return mp_import_name(full_q, mp_const_true, MP_OBJ_NEW_SMALL_INT(0));
        }
    }
import_error:
    mp_raise_msg_varg(&mp_type_ImportError, MP_ERROR_TEXT("can't import name %q"), name);
}

void mp_import_all(mp_obj_t module) {
    if (!mp_obj_is_type(module, &mp_type_module)) {
        mp_raise_msg(&mp_type_ImportError, MP_ERROR_TEXT("import * needs a module"));
    }
    mp_map_t *map = mp_obj_dict_get_map(MP_OBJ_FROM_PTR(mp_obj_module_globals(module)));
    for (size_t i = 0; i < map->alloc; i++) {
        if (!mp_map_slot_is_filled(map, i)) {
            continue;
        }
        qstr name = mp_obj_str_get_qstr(map->table[i].key);
        if (*qstr_str(name) != '_') {
            mp_store_name(name, map->table[i].value);
        }
    }
}
