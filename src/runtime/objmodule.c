// Module objects: a namespace (the globals dict) with attribute access
// through it, printed as <module 'name'> (or <module 'name' from 'file'>).
#include "runtime/runtime.h"

static const char *name_text(mp_obj_t name) {
    if (mp_obj_is_qstr(name)) {
        return qstr_str(MP_OBJ_QSTR_VALUE(name));
    }
    return mp_obj_str_get_str(name);
}

static void module_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_module_t *self = MP_OBJ_TO_PTR(self_in);
    const char *module_name = "";
    mp_map_elem_t *elem = mp_map_lookup(&self->globals->map, MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_MAP_LOOKUP);
    if (elem != NULL) {
        module_name = name_text(elem->value);
    }
    elem = mp_map_lookup(&self->globals->map, MP_OBJ_NEW_QSTR(MP_QSTR___file__), MP_MAP_LOOKUP);
    if (elem != NULL) {
        mp_printf(print, "<module '%s' from '%s'>", module_name, name_text(elem->value));
        return;
    }
    mp_printf(print, "<module '%s'>", module_name);
}

static void module_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mp_obj_module_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_dict_t *dict = self->globals;
    if (self == &mp_module_builtins) {
        // builtins' own table is fixed: names stored into it go to a dict
        // of their own, looked up first (MicroPython's builtins override).
        if (dest[0] == MP_OBJ_NULL) {
            mp_obj_t custom = mp_builtins_override_lookup(attr);
            if (custom != MP_OBJ_NULL) {
                dest[0] = custom;
                return;
            }
        } else {
            if (mp_state.builtins_override == NULL) {
                mp_state.builtins_override = MP_OBJ_TO_PTR(mp_obj_new_dict(1));
            }
            dict = mp_state.builtins_override;
        }
    }
    if (dest[0] == MP_OBJ_NULL) {
        if (attr == MP_QSTR___dict__) {
            dest[0] = MP_OBJ_FROM_PTR(self->globals);
            return;
        }
        mp_map_elem_t *elem = mp_map_lookup(&dict->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        if (elem != NULL) {
            dest[0] = elem->value;
        } else if (attr != MP_QSTR___getattr__) {
            // A module-level __getattr__(name) answers for missing names.
            elem = mp_map_lookup(&dict->map, MP_OBJ_NEW_QSTR(MP_QSTR___getattr__), MP_MAP_LOOKUP);
            if (elem != NULL) {
                dest[0] = mp_call_function_1(elem->value, MP_OBJ_NEW_QSTR(attr));
            }
        }
        return;
    }
    if (dict->map.is_fixed) {
        return; // a built-in module's table cannot change
    }
    if (dest[1] == MP_OBJ_NULL) {
        mp_obj_dict_delete(MP_OBJ_FROM_PTR(dict), MP_OBJ_NEW_QSTR(attr));
    } else {
        mp_obj_dict_store(MP_OBJ_FROM_PTR(dict), MP_OBJ_NEW_QSTR(attr), dest[1]);
    }
    dest[0] = MP_OBJ_NULL;
}

MP_DEFINE_CONST_OBJ_TYPE(mp_type_module, MP_QSTR_module, MP_TYPE_FLAG_NONE,
    print, module_print,
    attr, module_attr);

// The module registered as module_name in sys.modules, made (with its
// __name__) if there is none yet. It is allocated as a module context, so
// that code loaded into it can use it as its mp_module_context_t.
mp_obj_t mp_obj_new_module(qstr module_name) {
    mp_map_t *loaded = mp_obj_dict_get_map(mp_state.loaded_modules);
    mp_map_elem_t *el = mp_map_lookup(loaded, MP_OBJ_NEW_QSTR(module_name), MP_MAP_LOOKUP);
    if (el != NULL) {
        return el->value;
    }
    mp_obj_t o = MP_OBJ_FROM_PTR(mp_module_context_new(module_name));
    mp_obj_dict_store(mp_state.loaded_modules, MP_OBJ_NEW_QSTR(module_name), o);
    return o;
}

mp_module_context_t *mp_module_context_new(qstr module_name) {
    mp_module_context_t *o = m_new0(mp_module_context_t, 1);
    o->module.base.type = &mp_type_module;
    o->module.globals = MP_OBJ_TO_PTR(mp_obj_new_dict(2));
    mp_obj_dict_store(MP_OBJ_FROM_PTR(o->module.globals), MP_OBJ_NEW_QSTR(MP_QSTR___name__),
        MP_OBJ_NEW_QSTR(module_name));
    return o;
}

mp_obj_dict_t *mp_obj_module_globals(mp_obj_t module) {
    return ((mp_obj_module_t *)MP_OBJ_TO_PTR(module))->globals;
}
