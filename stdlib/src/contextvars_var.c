/*
 * contextvars_var.c — _contextvars.ContextVar (get / set / reset, name,
 * __class_getitem__) and Token (var, old_value, MISSING), and the module
 * entry point.  set() publishes a new mapping (copy plus one item): the
 * old one may be shared by copies of the context (NOTES-contextvars.md).
 */
#include "contextvars_internal.h"

KnObject *kn_init__contextvars(void);
extern KnMethodDef cv_module_methods[];

static KnObject *var_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"name", "default", NULL};
    static const KnArgSpec spec = {"ContextVar", names, 1, 1, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    if (!KN_STR_CHECK(a[0])) {
        ob_err_set_string(ob_exc_TypeError, "context variable name must be a str");
        return NULL;
    }
    CvVar *v = (CvVar *)ob_type_generic_alloc(t, 0);
    if (v == NULL)
        return NULL;
    v->name = a[0];
    v->dflt = a[1];
    return (KnObject *)v;
}

static KnObject *var_repr(KnObject *self)
{
    CvVar *v = (CvVar *)self;
    if (v->dflt != NULL)
        return ob_str_from_format("<ContextVar name=%R default=%R at %p>", v->name, v->dflt, self);
    return ob_str_from_format("<ContextVar name=%R at %p>", v->name, self);
}

static KnObject *var_get(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"", NULL};
    static const KnArgSpec spec = {"get", names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    CvContext *c = cv_current();
    if (c == NULL)
        return NULL;
    KnObject *r = ob_dict_getitem(c->vars, self);
    if (r != NULL || ob_err_occurred())
        return r;
    if (a[0] != NULL)
        return a[0];
    if (((CvVar *)self)->dflt != NULL)
        return ((CvVar *)self)->dflt;
    ob_err_set_object(ob_exc_LookupError, self);
    return NULL;
}

/* Publish the current context's mapping with var = value (NULL: removed). */
static int var_store(CvContext *c, KnObject *var, KnObject *value)
{
    KnObject *d = ob_dict_copy(c->vars);
    if (d == NULL)
        return -1;
    if ((value != NULL ? ob_dict_setitem(d, var, value) : ob_dict_delitem(d, var)) < 0)
        return -1;
    cv_set_vars(c, d);
    return 0;
}

static KnObject *var_set(KnObject *self, KnObject *value)
{
    CvContext *c = cv_current();
    if (c == NULL)
        return NULL;
    KnObject *old = ob_dict_getitem(c->vars, self);
    if (old == NULL && ob_err_occurred())
        return NULL;
    CvToken *t = (CvToken *)ob_type_generic_alloc(&cv_token_type, 0);
    if (t == NULL || var_store(c, self, value) < 0)
        return NULL;
    t->ctx = (KnObject *)c;
    t->var = self;
    t->old = old;
    return (KnObject *)t;
}

static KnObject *var_reset(KnObject *self, KnObject *tokobj)
{
    if (KN_TYPE(tokobj) != &cv_token_type)
        return ob_err_format(ob_exc_TypeError, "expected an instance of Token, got %R", tokobj);
    CvToken *t = (CvToken *)tokobj;
    if (t->used)
        return ob_err_format(ob_exc_RuntimeError, "%R has already been used once", tokobj);
    if (t->var != self)
        return ob_err_format(ob_exc_ValueError, "%R was created by a different ContextVar", tokobj);
    CvContext *c = cv_current();
    if (c == NULL)
        return NULL;
    if ((KnObject *)c != t->ctx)
        return ob_err_format(ob_exc_ValueError, "%R was created in a different Context", tokobj);
    if (var_store(c, self, t->old) < 0)
        return NULL;
    t->used = 1;
    return KN_None;
}

static KnObject *var_name(KnObject *self, void *closure)
{
    (void)closure;
    return ((CvVar *)self)->name;
}

static KnMethodDef var_methods[] = {
    {"get", (KnCFunction)(void (*)(void))var_get, KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a value for the context variable for the current context."},
    {"set", (KnCFunction)(void (*)(void))var_set, KN_METH_O,
     "Call to set a new value for the context variable in the current context."},
    {"reset", (KnCFunction)(void (*)(void))var_reset, KN_METH_O,
     "Reset the context variable to the value it had before the set() that created the token."},
    {NULL, NULL, 0, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef var_getset[] = {
    {"name", var_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject cv_var_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_contextvars.ContextVar",
    .tp_basicsize = sizeof(CvVar),
    .tp_repr = var_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = var_methods,
    .tp_getset = var_getset,
    .tp_new = var_new,
};

/* ---- Token ---- */

static KnObject *tok_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)t;
    (void)args;
    (void)kwargs;
    ob_err_set_string(ob_exc_RuntimeError, "Tokens can only be created by ContextVars");
    return NULL;
}

static KnObject *tok_repr(KnObject *self)
{
    CvToken *t = (CvToken *)self;
    return ob_str_from_format("<Token%s var=%R at %p>", t->used ? " used" : "", t->var, self);
}

static KnObject *tok_var(KnObject *self, void *closure)
{
    (void)closure;
    return ((CvToken *)self)->var;
}

static KnObject *tok_old_value(KnObject *self, void *closure)
{
    (void)closure;
    KnObject *o = ((CvToken *)self)->old;
    return o != NULL ? o : &cv_missing;
}

static KnGetSetDef tok_getset[] = {
    {"var", tok_var, NULL, NULL, NULL},
    {"old_value", tok_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMethodDef tok_methods[] = {
    {NULL, NULL, 0, NULL},
    {NULL, NULL, 0, NULL}
};

KnTypeObject cv_token_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_contextvars.Token",
    .tp_basicsize = sizeof(CvToken),
    .tp_repr = tok_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = tok_methods,
    .tp_getset = tok_getset,
    .tp_new = tok_new,
};

static KnObject *missing_repr(KnObject *self)
{
    (void)self;
    return ob_str_from_cstr("<Token.MISSING>");
}

KnTypeObject cv_missing_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "Token.MISSING",
    .tp_basicsize = sizeof(KnObject),
    .tp_repr = missing_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_DISALLOW_INSTANTIATION,
};

KnObject cv_missing = KN_HEAD_INIT(&cv_missing_type);

KnObject *kn_init__contextvars(void)
{
    var_methods[3] = ob_generic_alias_class_getitem_def;
    tok_methods[0] = ob_generic_alias_class_getitem_def;
    KnTypeObject *types[] = {&cv_context_type, &cv_var_type, &cv_token_type, &cv_missing_type};
    for (int i = 0; i < 4; i++)
        if (ob_type_ready(types[i]) < 0)
            return NULL;
    if (ob_dict_setitem_str(cv_token_type.tp_dict, "MISSING", &cv_missing) < 0)
        return NULL;
    ob_type_modified(&cv_token_type);
    KnObject *mod = ob_module_new_cstr("_contextvars");
    if (mod == NULL || ob_module_add_functions(mod, cv_module_methods) < 0
        || ob_module_add_object(mod, "Context", (KnObject *)&cv_context_type) < 0
        || ob_module_add_object(mod, "ContextVar", (KnObject *)&cv_var_type) < 0
        || ob_module_add_object(mod, "Token", (KnObject *)&cv_token_type) < 0)
        return NULL;
    return mod;
}
