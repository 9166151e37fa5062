/*
 * weakref_module.c — what the `_weakref` module exposes, for the module
 * file in stdlib to install with one call (ob_weakref_module_fill): the
 * three types under CPython's names, proxy, getweakrefcount, getweakrefs
 * and _remove_dead_weakref.
 */
#include "core.h"
#include "weakref_internal.h"

static KnObject *mod_getweakrefcount(KnObject *self, KnObject *obj)
{
    (void)self;
    return ob_int_from_ssize(ob_weakref_count(obj));
}

static KnObject *mod_getweakrefs(KnObject *self, KnObject *obj)
{
    (void)self;
    return ob_weakref_list(obj);
}

static KnObject *mod_proxy(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)self;
    if (ob_args_check_positional("proxy", nargs, 1, 2) < 0)
        return NULL;
    return ob_weakref_new_proxy(args[0], nargs > 1 ? args[1] : NULL);
}

/* Delete dct[key] if it is a dead weak reference (WeakValueDictionary). */
static KnObject *mod_remove_dead(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)self;
    if (ob_args_check_positional("_remove_dead_weakref", nargs, 2, 2) < 0)
        return NULL;
    KnObject *d = args[0], *key = args[1];
    if (!KN_DICT_CHECK(d)) {
        ob_err_format(ob_exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                      KN_TNAME(d));
        return NULL;
    }
    KnObject *v = ob_dict_getitem(d, key);
    if (v == NULL)
        return ob_err_occurred() ? NULL : KN_None;
    if (KN_WEAKREF_REF_CHECK(v) && ((KnWeakReference *)v)->wr_object == KN_None &&
        ob_dict_delitem(d, key) < 0) {
        if (!ob_err_matches((KnObject *)ob_exc_KeyError))
            return NULL;
        ob_err_clear();
    }
    return KN_None;
}

static KnMethodDef weakref_functions[] = {
    { "getweakrefcount", (KnCFunction)mod_getweakrefcount, KN_METH_O,
      "Return the number of weak references to 'object'." },
    { "getweakrefs", (KnCFunction)mod_getweakrefs, KN_METH_O,
      "Return a list of all weak reference objects pointing to 'object'." },
    { "proxy", (KnCFunction)(void (*)(void))mod_proxy, KN_METH_FASTCALL,
      "Create a proxy object that weakly references 'object'." },
    { "_remove_dead_weakref", (KnCFunction)(void (*)(void))mod_remove_dead, KN_METH_FASTCALL,
      "Atomically remove key from dict if it points to a dead weakref." },
    { NULL, NULL, 0, NULL }
};

int ob_weakref_module_fill(KnObject *m)
{
    if (ob_weakref_init() < 0 || ob_module_add_functions(m, weakref_functions) < 0 ||
        ob_module_add_object(m, "ref", (KnObject *)&ob_weakref_ref_type) < 0 ||
        ob_module_add_object(m, "ReferenceType", (KnObject *)&ob_weakref_ref_type) < 0 ||
        ob_module_add_object(m, "ProxyType", (KnObject *)&ob_weakref_proxy_type) < 0 ||
        ob_module_add_object(m, "CallableProxyType",
                             (KnObject *)&ob_weakref_callable_proxy_type) < 0)
        return -1;
    return 0;
}
