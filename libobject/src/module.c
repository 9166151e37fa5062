/*
 * module.c — the `module` type (types.ModuleType) and the C helpers that
 * build built-in modules.
 *
 * A module is its __dict__: attribute lookup is the generic one (the
 * type's descriptors, then md_dict), followed by the module-level
 * __getattr__ of PEP 562 when that fails.  repr() reproduces
 * importlib._bootstrap._module_repr (CPython 3.11 calls into importlib for
 * it; libobject cannot, so the same rules are written here).
 */
#include "protocols.h"

#define MOD(o) ((KnModuleObject *)(o))

static KnObject *module_alloc_dict(KnTypeObject *type)
{
    KnObject *m = type->tp_alloc(type, 0);
    if (m == NULL)
        return NULL;
    if ((MOD(m)->md_dict = ob_dict_new()) == NULL)
        return NULL;
    return m;
}

/* __name__, __doc__ and the import attributes every module starts with. */
static int module_init_dict(KnObject *m, KnObject *name, KnObject *doc)
{
    KnObject *d = MOD(m)->md_dict;
    if (ob_dict_setitem(d, KN_ID(__name__), name) < 0 ||
        ob_dict_setitem(d, KN_ID(__doc__), doc) < 0 ||
        ob_dict_setitem(d, KN_ID(__package__), KN_None) < 0 ||
        ob_dict_setitem(d, KN_ID(__loader__), KN_None) < 0 ||
        ob_dict_setitem(d, KN_ID(__spec__), KN_None) < 0)
        return -1;
    MOD(m)->md_name = name;
    return 0;
}

KnObject *ob_module_new(KnObject *name)
{
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "module name must be str, not %s",
                             KN_TNAME(name));
    KnObject *m = module_alloc_dict(&ob_module_type);
    if (m == NULL || module_init_dict(m, name, KN_None) < 0)
        return NULL;
    return m;
}

KnObject *ob_module_new_cstr(const char *name)
{
    KnObject *n = ob_str_from_cstr(name);
    return n ? ob_module_new(n) : NULL;
}

KnObject *ob_module_get_dict(KnObject *m)
{
    if (!KN_MODULE_CHECK(m)) {
        ob_err_bad_internal_call();
        return NULL;
    }
    if (MOD(m)->md_dict == NULL && (MOD(m)->md_dict = ob_dict_new()) == NULL)
        return NULL;
    return MOD(m)->md_dict;
}

int ob_module_add_functions(KnObject *m, KnMethodDef *methods)
{
    KnObject *d = ob_module_get_dict(m);
    if (d == NULL)
        return -1;
    KnObject *modname = ob_dict_getitem(d, KN_ID(__name__));
    if (modname == NULL && ob_err_occurred())
        return -1;
    for (KnMethodDef *ml = methods; ml->ml_name != NULL; ml++) {
        if (ml->ml_flags & (KN_METH_CLASS | KN_METH_STATIC)) {
            ob_err_set_string(ob_exc_ValueError,
                              "module functions cannot set METH_CLASS or METH_STATIC");
            return -1;
        }
        KnObject *f = ob_cfunction_new(ml, m, modname);
        if (f == NULL || ob_dict_setitem_str(d, ml->ml_name, f) < 0)
            return -1;
    }
    return 0;
}

int ob_module_add_object(KnObject *m, const char *name, KnObject *value)
{
    if (value == NULL) {
        if (!ob_err_occurred())
            ob_err_set_string(ob_exc_SystemError,
                              "ob_module_add_object() called with a NULL value and no exception");
        return -1;
    }
    KnObject *d = ob_module_get_dict(m);
    return d ? ob_dict_setitem_str(d, name, value) : -1;
}

/* --------------------------------------------------------- the type */

static KnObject *module_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    return module_alloc_dict(type);
}

static const char *const module_init_names[] = { "name", "doc", NULL };
static const KnArgSpec module_init_spec = { "module", module_init_names, 1, 2, 0 };

static int module_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *a[2] = { NULL, NULL };
    if (ob_args_parse_tuple(&module_init_spec, args, kwargs, a) < 0)
        return -1;
    if (!KN_STR_CHECK(a[0])) {
        ob_err_format(ob_exc_TypeError, "module() argument 'name' must be str, not %s",
                      KN_TNAME(a[0]));
        return -1;
    }
    if (MOD(self)->md_dict == NULL && (MOD(self)->md_dict = ob_dict_new()) == NULL)
        return -1;
    return module_init_dict(self, a[0], a[1] ? a[1] : KN_None);
}

/* The module's own dict entry `name` (borrowed); NULL with no error when
 * absent. */
static KnObject *own(KnObject *m, KnObject *name)
{
    KnObject *d = MOD(m)->md_dict;
    return d != NULL && KN_DICT_CHECK(d) ? ob_dict_getitem(d, name) : NULL;
}

/* The module's __spec__.<attr> (borrowed); NULL when there is none.  Any
 * error while looking counts as "none" (cleared), as in CPython. */
static KnObject *spec_attr(KnObject *m, KnObject **cache, const char *attr)
{
    KnObject *spec = own(m, KN_ID(__spec__)), *v = NULL;
    if (spec == NULL || spec == KN_None || ob_proto_name(cache, attr) == NULL ||
        ob_lookup_attr(spec, *cache, &v) <= 0)
        v = NULL;
    ob_err_clear();
    return v;
}

/* Is the module still executing its body (__spec__._initializing)? */
static int initializing(KnObject *m)
{
    static KnObject *name_initializing;
    KnObject *v = spec_attr(m, &name_initializing, "_initializing");
    int r = v != NULL ? ob_is_true(v) : 0;
    ob_err_clear();
    return r > 0;
}

/* Is `name` a submodule importlib is still loading
 * (name in __spec__._uninitialized_submodules, 3.11)? */
static int uninitialized_submodule(KnObject *m, KnObject *name)
{
    static KnObject *name_uninit;
    KnObject *v = spec_attr(m, &name_uninit, "_uninitialized_submodules");
    int r = v != NULL ? ob_contains(v, name) : 0;
    ob_err_clear();
    return r > 0;
}

static KnObject *module_getattro(KnObject *m, KnObject *name)
{
    KnObject *r = ob_generic_getattr(m, name);
    if (r != NULL || !ob_err_matches((KnObject *)ob_exc_AttributeError))
        return r;
    ob_err_clear();
    KnObject *getattr = own(m, KN_ID(__getattr__));
    if (getattr != NULL)
        return ob_call_onearg(getattr, name);
    if (ob_err_occurred())
        return NULL;
    KnObject *modname = own(m, KN_ID(__name__));
    if (modname == NULL || !KN_STR_CHECK(modname)) {
        if (ob_err_occurred())
            return NULL;
        return ob_err_format(ob_exc_AttributeError, "module has no attribute '%U'", name);
    }
    if (initializing(m))
        return ob_err_format(ob_exc_AttributeError,
                             "partially initialized module '%U' has no attribute '%U' "
                             "(most likely due to a circular import)", modname, name);
    if (uninitialized_submodule(m, name))
        return ob_err_format(ob_exc_AttributeError,
                             "cannot access submodule '%U' of module '%U' "
                             "(most likely due to a circular import)", name, modname);
    ob_err_format(ob_exc_AttributeError, "module '%U' has no attribute '%U'", modname, name);
    KnObject *exc = ob_tstate_get()->curexc_value;
    if (exc != NULL && KN_TYPE_CHECK(exc, ob_exc_AttributeError)) {
        ((KnAttributeErrorObject *)exc)->name = name;
        ((KnAttributeErrorObject *)exc)->obj = m;
    }
    return NULL;
}

/* getattr(o, name, None), for repr (errors other than AttributeError
 * propagate). */
static int attr_or_none(KnObject *o, const char *name, KnObject **out)
{
    KnObject *n = ob_str_intern_cstr(name);
    if (n == NULL)
        return -1;
    int found = ob_lookup_attr(o, n, out);
    if (found == 0)
        *out = KN_None;
    return found < 0 ? -1 : 0;
}

static KnObject *repr_from_spec(KnObject *spec)
{
    KnObject *name, *origin, *loader, *located;
    if (attr_or_none(spec, "name", &name) < 0 || attr_or_none(spec, "origin", &origin) < 0)
        return NULL;
    KnObject *shown = name;
    if (name == KN_None && (shown = ob_str_from_cstr("?")) == NULL)
        return NULL;
    if (origin == KN_None) {
        if (attr_or_none(spec, "loader", &loader) < 0)
            return NULL;
        if (loader == KN_None)
            return ob_str_from_format("<module %R>", shown);
        return ob_str_from_format("<module %R (%R)>", shown, loader);
    }
    KnObject *has_location = ob_str_intern_cstr("has_location");
    if (has_location == NULL || (located = ob_getattr(spec, has_location)) == NULL)
        return NULL;
    int loc = ob_is_true(located);
    if (loc < 0)
        return NULL;
    if (loc)
        return ob_str_from_format("<module %R from %R>", shown, origin);
    /* importlib prints spec.name here, not the '?' stand-in */
    return ob_str_from_format("<module %R (%S)>", name, origin);
}

static KnObject *module_repr(KnObject *m)
{
    KnObject *loader, *spec, *name, *file;
    if (attr_or_none(m, "__loader__", &loader) < 0 || attr_or_none(m, "__spec__", &spec) < 0)
        return NULL;
    int has_spec = ob_is_true(spec);
    if (has_spec < 0)
        return NULL;
    if (has_spec)
        return repr_from_spec(spec);
    /* a loader's module_repr() (deprecated; its failure is ignored) */
    KnObject *lrepr;
    if (attr_or_none(loader, "module_repr", &lrepr) < 0)
        return NULL;
    if (lrepr != KN_None) {
        KnObject *r = ob_call_onearg(lrepr, m);
        if (r != NULL)
            return r;
        if (!ob_err_matches((KnObject *)ob_exc_Exception))
            return NULL;
        ob_err_clear();
    }
    int found = ob_lookup_attr(m, KN_ID(__name__), &name);
    if (found < 0)
        return NULL;
    if (found == 0 && (name = ob_str_from_cstr("?")) == NULL)
        return NULL;
    found = ob_lookup_attr(m, KN_ID(__file__), &file);
    if (found < 0)
        return NULL;
    if (found)
        return ob_str_from_format("<module %R from %R>", name, file);
    if (loader == KN_None)
        return ob_str_from_format("<module %R>", name);
    return ob_str_from_format("<module %R (%R)>", name, loader);
}

/* The instance __dict__, which must be a dict. */
static KnObject *module_dict_checked(KnObject *self, const char *what)
{
    KnObject *d = ob_getattr(self, KN_ID(__dict__));
    if (d == NULL)
        return NULL;
    if (!KN_DICT_CHECK(d))
        return ob_err_format(ob_exc_TypeError, "%s.__dict__ is not a dictionary", what);
    return d;
}

static KnObject *module_dir(KnObject *self, KnObject *unused)
{
    KnObject *d = module_dict_checked(self, "<module>");
    if (d == NULL)
        return NULL;
    KnObject *f = ob_dict_getitem(d, KN_ID(__dir__));
    if (f != NULL)
        return ob_call_noargs(f);
    if (ob_err_occurred())
        return NULL;
    return ob_dict_keys_list(d);
}

static KnObject *module_get_annotations(KnObject *self, void *closure)
{
    KnObject *d = module_dict_checked(self, "<module>");
    if (d == NULL)
        return NULL;
    KnObject *a = ob_dict_getitem(d, KN_ID(__annotations__));
    if (a != NULL || ob_err_occurred())
        return a;
    if ((a = ob_dict_new()) == NULL || ob_dict_setitem(d, KN_ID(__annotations__), a) < 0)
        return NULL;
    return a;
}

static int module_set_annotations(KnObject *self, KnObject *value, void *closure)
{
    KnObject *d = module_dict_checked(self, "<module>");
    if (d == NULL)
        return -1;
    if (value != NULL)
        return ob_dict_setitem(d, KN_ID(__annotations__), value);
    if (ob_dict_delitem(d, KN_ID(__annotations__)) == 0)
        return 0;
    if (ob_err_matches((KnObject *)ob_exc_KeyError))
        ob_err_set_string(ob_exc_AttributeError, "__annotations__");
    return -1;
}

static KnMethodDef module_methods[] = {
    {"__dir__", (KnCFunction)module_dir, KN_METH_NOARGS,
     "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef module_members[] = {
    {"__dict__", KN_T_OBJECT, offsetof(KnModuleObject, md_dict), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static KnGetSetDef module_getset[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject ob_module_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "module",
    .tp_basicsize = sizeof(KnModuleObject),
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC | KN_TPFLAGS_BASETYPE,
    .tp_doc = "module(name, doc=None)\n--\n\n"
              "A module object: a namespace with a name and an optional docstring.",
    .tp_weaklistoffset = offsetof(KnModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(KnModuleObject, md_dict),
    .tp_init = module_init,
    .tp_new = module_new,
};
