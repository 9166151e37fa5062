/*
 * contextvars_context.c — _contextvars.Context: a read-only mapping from
 * ContextVar to value, run(), copy(), and copy_context().  The current
 * context lives in KnThreadState.context; run() swaps it in and back.
 */
#include "contextvars_internal.h"

CvContext *cv_context_new(KnObject *vars)
{
    CvContext *c = (CvContext *)ob_type_generic_alloc(&cv_context_type, 0);
    if (c == NULL)
        return NULL;
    c->vars = vars != NULL ? vars : ob_dict_new();
    return c->vars == NULL ? NULL : c;
}

CvContext *cv_current(void)
{
    KnThreadState *ts = ob_tstate_get();
    if (ts->context == NULL || KN_TYPE(ts->context) != &cv_context_type) {
        CvContext *c = cv_context_new(NULL);
        if (c == NULL)
            return NULL;
        c->entered = 1;
        ts->context = (KnObject *)c;
        ts->context_ver++;
    }
    return (CvContext *)ts->context;
}

void cv_set_vars(CvContext *c, KnObject *vars)
{
    c->vars = vars;
    ob_tstate_get()->context_ver++;
}

static KnObject *ctx_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)t;
    if (ob_length(args) != 0 || (kwargs != NULL && ob_length(kwargs) != 0)) {
        ob_err_set_string(ob_exc_TypeError, "Context() does not accept any arguments");
        return NULL;
    }
    return (KnObject *)cv_context_new(NULL);
}

static int ctx_key(KnObject *key)
{
    if (!CV_VAR_CHECK(key)) {
        ob_err_format(ob_exc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

static KnObject *ctx_getitem(KnObject *self, KnObject *key)
{
    if (ctx_key(key) < 0)
        return NULL;
    KnObject *v = ob_dict_getitem(((CvContext *)self)->vars, key);
    if (v == NULL && !ob_err_occurred())
        ob_err_set_object(ob_exc_KeyError, key);
    return v;
}

static int ctx_contains(KnObject *self, KnObject *key)
{
    if (ctx_key(key) < 0)
        return -1;
    return ob_dict_contains(((CvContext *)self)->vars, key);
}

static kn_ssize_t ctx_len(KnObject *self)
{
    return ob_dict_size(((CvContext *)self)->vars);
}

static KnObject *ctx_iter(KnObject *self)
{
    return ob_get_iter(((CvContext *)self)->vars);
}

static KnObject *ctx_get(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"get", names, 1, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || ctx_key(a[0]) < 0)
        return NULL;
    KnObject *v = ob_dict_getitem(((CvContext *)self)->vars, a[0]);
    if (v == NULL && !ob_err_occurred())
        return a[1] != NULL ? a[1] : KN_None;
    return v;
}

/* keys / values / items: views of the (never mutated) mapping. */
static KnObject *ctx_keys(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_call_method(((CvContext *)self)->vars, "keys", 0);
}

static KnObject *ctx_values(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_call_method(((CvContext *)self)->vars, "values", 0);
}

static KnObject *ctx_items(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_call_method(((CvContext *)self)->vars, "items", 0);
}

static KnObject *ctx_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    return (KnObject *)cv_context_new(((CvContext *)self)->vars);
}

static KnObject *ctx_run(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    CvContext *c = (CvContext *)self;
    if (nargs < 1) {
        ob_err_set_string(ob_exc_TypeError, "run() missing 1 required positional argument");
        return NULL;
    }
    if (c->entered)
        return ob_err_format(ob_exc_RuntimeError, "cannot enter context: %R is already entered", self);
    KnThreadState *ts = ob_tstate_get();
    if (cv_current() == NULL)
        return NULL;
    c->prev = ts->context;
    c->entered = 1;
    ts->context = self;
    ts->context_ver++;
    KnObject *r = ob_vectorcall(args[0], args + 1, (size_t)(nargs - 1), kwnames);
    ts->context = c->prev;
    ts->context_ver++;
    c->prev = NULL;
    c->entered = 0;
    return r;
}

static KnObject *cv_copy_context(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    CvContext *cur = cv_current();
    return cur ? (KnObject *)cv_context_new(cur->vars) : NULL;
}

KnMethodDef cv_module_methods[] = {
    {"copy_context", (KnCFunction)(void (*)(void))cv_copy_context, KN_METH_NOARGS,
     "Return a copy of the current context."},
    {NULL, NULL, 0, NULL}
};

static KnMethodDef ctx_methods[] = {
    {"run", (KnCFunction)(void (*)(void))ctx_run, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"copy", (KnCFunction)(void (*)(void))ctx_copy, KN_METH_NOARGS, "Return a shallow copy of the context object."},
    {"get", (KnCFunction)(void (*)(void))ctx_get, KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return the value for `key` if `key` has the value in the context object."},
    {"keys", (KnCFunction)(void (*)(void))ctx_keys, KN_METH_NOARGS, "Return a list of all variables in the context object."},
    {"values", (KnCFunction)(void (*)(void))ctx_values, KN_METH_NOARGS, "Return a list of all variables' values in the context object."},
    {"items", (KnCFunction)(void (*)(void))ctx_items, KN_METH_NOARGS, "Return all variables and their values in the context object."},
    {NULL, NULL, 0, NULL}
};

static KnSequenceMethods ctx_as_sequence = {.sq_contains = ctx_contains};
static KnMappingMethods ctx_as_mapping = {.mp_length = ctx_len, .mp_subscript = ctx_getitem};

KnTypeObject cv_context_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_contextvars.Context",
    .tp_basicsize = sizeof(CvContext),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_as_sequence = &ctx_as_sequence,
    .tp_as_mapping = &ctx_as_mapping,
    .tp_iter = ctx_iter,
    .tp_methods = ctx_methods,
    .tp_new = ctx_new,
};
