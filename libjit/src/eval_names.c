/* libjit/src/eval_names.c — name lookups, imports and the errors they
 * raise (LOAD_NAME, LOAD_GLOBAL, IMPORT_*, unbound locals). */
#include "eval.h"

void jit_eval_name_error(KnTypeObject *type, const char *fmt, KnObject *name)
{
    ob_err_format(type, fmt, name);
    KnObject *exc = ob_err_fetch();
    if (exc == NULL)
        return;
    if (ob_type_is_subtype(KN_TYPE(exc), ob_exc_NameError))
        ((KnNameErrorObject *)exc)->name = name;
    ob_err_restore(exc);
}

void jit_eval_unbound_error(KnCodeObject *co, int slot)
{
    KnObject *name = KN_TUPLE_GET(co->co_localsplusnames, slot);
    if (co->co_localspluskinds[slot] & JIT_LOCAL_FREE)
        jit_eval_name_error(ob_exc_NameError,
                            "cannot access free variable '%U' where it is not associated "
                            "with a value in enclosing scope",
                            name);
    else
        jit_eval_name_error(ob_exc_UnboundLocalError,
                            "cannot access local variable '%U' where it is not associated "
                            "with a value",
                            name);
}

/* mapping[name], NULL without error when missing. */
static KnObject *mapping_lookup(KnObject *mapping, KnObject *name)
{
    if (KN_DICT_CHECK_EXACT(mapping))
        return ob_dict_getitem(mapping, name);
    KnObject *v = ob_getitem(mapping, name);
    if (v == NULL && ob_err_matches((KnObject *)ob_exc_KeyError))
        ob_err_clear();
    return v;
}

KnObject *jit_eval_load_global(jit_frame *f, KnObject *name)
{
    /* A dict subclass as globals (exec) gets its __getitem__ called. */
    KnObject *v = mapping_lookup(f->globals, name);
    if (v != NULL || ob_err_occurred())
        return v;
    v = mapping_lookup(f->builtins, name);
    if (v != NULL || ob_err_occurred())
        return v;
    jit_eval_name_error(ob_exc_NameError, "name '%U' is not defined", name);
    return NULL;
}

KnObject *jit_eval_load_name(jit_frame *f, KnObject *name)
{
    if (f->locals == NULL)
        return ob_err_format(ob_exc_SystemError, "no locals when loading %R", name);
    KnObject *v = mapping_lookup(f->locals, name);
    if (v != NULL || ob_err_occurred())
        return v;
    return jit_eval_load_global(f, name);
}

KnObject *jit_eval_sys_attr(const char *name)
{
    jit_frame *f = jit_frame_current();
    KnObject *builtins = f ? f->builtins : jit_builtins_dict();
    if (builtins == NULL)
        return NULL;
    KnObject *imp = mapping_lookup(builtins, ob_str_intern_cstr("__import__"));
    if (imp == NULL)
        return NULL;
    KnObject *sys = ob_call_onearg(imp, ob_str_intern_cstr("sys"));
    if (sys == NULL)
        return NULL;
    KnObject *v = NULL;
    if (ob_lookup_attr(sys, ob_str_intern_cstr(name), &v) <= 0)
        return NULL;
    return v;
}

KnObject *jit_eval_import_name(jit_frame *f, KnObject *name, KnObject *fromlist,
                               KnObject *level)
{
    KnObject *imp = mapping_lookup(f->builtins, ob_str_intern_cstr("__import__"));
    if (imp == NULL) {
        if (!ob_err_occurred())
            ob_err_set_string(ob_exc_ImportError, "__import__ not found");
        return NULL;
    }
    KnObject *args[5] = { name, f->globals, f->locals ? f->locals : KN_None, fromlist, level };
    return ob_vectorcall(imp, args, 5, NULL);
}

static int module_initializing(KnObject *module)
{
    KnObject *spec = NULL, *init = NULL;
    if (ob_lookup_attr(module, ob_str_intern_cstr("__spec__"), &spec) <= 0) {
        ob_err_clear();
        return 0;
    }
    if (ob_lookup_attr(spec, ob_str_intern_cstr("_initializing"), &init) <= 0) {
        ob_err_clear();
        return 0;
    }
    int r = ob_is_true(init);
    if (r < 0)
        ob_err_clear();
    return r > 0;
}

KnObject *jit_eval_import_from(KnObject *module, KnObject *name)
{
    KnObject *x = NULL;
    int r = ob_lookup_attr(module, name, &x);
    if (r != 0)
        return r > 0 ? x : NULL;
    /* A submodule imported during a circular import: look in sys.modules. */
    KnObject *pkgname = NULL;
    if (ob_lookup_attr(module, ob_str_intern_cstr("__name__"), &pkgname) < 0)
        return NULL;
    if (pkgname != NULL && KN_STR_CHECK(pkgname)) {
        KnObject *full = ob_str_from_format("%U.%U", pkgname, name);
        KnObject *modules = full ? jit_eval_sys_attr("modules") : NULL;
        if (modules != NULL) {
            x = ob_getitem(modules, full);
            if (x != NULL)
                return x;
        }
        ob_err_clear();
    }
    KnObject *path = NULL;
    if (ob_lookup_attr(module, ob_str_intern_cstr("__file__"), &path) < 0)
        ob_err_clear();
    if (pkgname == NULL || !KN_STR_CHECK(pkgname)) {
        pkgname = ob_str_from_cstr("<unknown module name>");
        ob_err_format(ob_exc_ImportError, "cannot import name %R from %R (unknown location)",
                      name, pkgname);
    } else if (module_initializing(module)) {
        ob_err_format(ob_exc_ImportError,
                      "cannot import name %R from partially initialized module %R "
                      "(most likely due to a circular import) (%S)",
                      name, pkgname, path && KN_STR_CHECK(path) ? path :
                      ob_str_from_cstr("unknown location"));
    } else if (path != NULL && KN_STR_CHECK(path)) {
        ob_err_format(ob_exc_ImportError, "cannot import name %R from %R (%S)", name, pkgname,
                      path);
    } else {
        ob_err_format(ob_exc_ImportError, "cannot import name %R from %R (unknown location)",
                      name, pkgname);
    }
    KnObject *exc = ob_err_fetch();
    if (exc != NULL && ob_type_is_subtype(KN_TYPE(exc), ob_exc_ImportError)) {
        ((KnImportErrorObject *)exc)->name = pkgname;
        ((KnImportErrorObject *)exc)->path = path && KN_STR_CHECK(path) ? path : NULL;
    }
    ob_err_restore(exc);
    return NULL;
}

int jit_eval_import_star(jit_frame *f, KnObject *module)
{
    if (f->locals == NULL) {
        ob_err_set_string(ob_exc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    KnObject *all = NULL;
    int skip_private = 0;
    if (ob_lookup_attr(module, ob_str_intern_cstr("__all__"), &all) < 0)
        return -1;
    if (all == NULL) {
        KnObject *dict = NULL;
        if (ob_lookup_attr(module, ob_str_intern_cstr("__dict__"), &dict) < 0)
            return -1;
        if (dict == NULL) {
            ob_err_set_string(ob_exc_ImportError,
                              "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = ob_call_method(dict, "keys", 0);
        if (all == NULL || (all = ob_sequence_list(all)) == NULL)
            return -1;
        skip_private = 1;
    }
    for (kn_ssize_t i = 0;; i++) {
        KnObject *name = ob_sequence_getitem(all, i);
        if (name == NULL) {
            if (!ob_err_matches((KnObject *)ob_exc_IndexError))
                return -1;
            ob_err_clear();
            return 0;
        }
        if (!KN_STR_CHECK(name)) {
            KnObject *modname = ob_getattr(module, ob_str_intern_cstr("__name__"));
            if (modname == NULL)
                return -1;
            if (!KN_STR_CHECK(modname)) {
                ob_err_format(ob_exc_TypeError, "module __name__ must be a string, not %s",
                              ob_type_name(KN_TYPE(modname)));
                return -1;
            }
            ob_err_format(ob_exc_TypeError, skip_private
                              ? "Key in %U.__dict__ must be str, not %s"
                              : "Item in %U.__all__ must be str, not %s",
                          modname, ob_type_name(KN_TYPE(name)));
            return -1;
        }
        if (skip_private && KN_STR_LEN(name) > 0 && ob_str_read_char(name, 0) == '_')
            continue;
        KnObject *v = ob_getattr(module, name);
        if (v == NULL)
            return -1;
        int r = KN_DICT_CHECK_EXACT(f->locals) ? ob_dict_setitem(f->locals, name, v)
                                                : ob_setitem(f->locals, name, v);
        if (r < 0)
            return -1;
    }
}

int jit_eval_setup_annotations(KnObject *locals)
{
    KnObject *key = ob_str_intern_cstr("__annotations__");
    if (locals == NULL) {
        ob_err_set_string(ob_exc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    KnObject *v = mapping_lookup(locals, key);
    if (v != NULL)
        return 0;
    if (ob_err_occurred())
        return -1;
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return -1;
    return KN_DICT_CHECK_EXACT(locals) ? ob_dict_setitem(locals, key, d)
                                       : ob_setitem(locals, key, d);
}
