/* libjit/src/function.c — Python functions (jit_function_type).
 *
 * The layout is CPython 3.11's PyFunctionObject.  A call pushes a frame on
 * the thread's frame stack and binds the arguments straight into its fast
 * locals (bind_args, CPython's initialize_locals order of checks, so the
 * same call fails with the same TypeError), then runs the interpreter. */
#include <string.h>
#include <stddef.h>

#include "libgc/gc.h"
#include "eval.h"
#include "frame_fast.h"
#include "specialize_attr.h"    /* libobject's dict_internal.h: newinst */

static uint32_t next_func_version = 1;

static KnObject *func_vectorcall(KnObject *func, KnObject *const *args, size_t nargsf,
                                 KnObject *kwnames);

/* globals[key] for an interned key made once (a nested `def` runs this on
 * every call of its parent: no str built and hashed per lookup). */
static KnObject *globals_item(KnObject *globals, KnObject **key, const char *name)
{
    if (*key == NULL && (*key = ob_str_intern_cstr(name)) == NULL)
        return NULL;
    return ob_dict_getitem(globals, *key);
}

KnObject *jit_function_new(KnObject *code, KnObject *globals)
{
    static KnObject *builtins_key, *name_key;
    KnCodeObject *co = JIT_CODE(code);
    /* As jit_builtins_from_globals: globals' __builtins__ (a module's
     * dict), else the interpreter's builtins. */
    KnObject *builtins = globals_item(globals, &builtins_key, "__builtins__");
    if (builtins == NULL && !ob_err_occurred())
        builtins = jit_builtins_dict();
    else if (builtins != NULL && KN_MODULE_CHECK(builtins))
        builtins = ob_module_get_dict(builtins);
    if (builtins == NULL)
        return NULL;
    KnFunctionObject *f = (KnFunctionObject *)ob_alloc(&jit_function_type, 0);
    if (f == NULL)
        return NULL;
    f->func_globals = globals;
    f->func_builtins = builtins;
    f->func_name = co->co_name;
    f->func_qualname = co->co_qualname ? co->co_qualname : co->co_name;
    f->func_code = code;
    KnObject *doc = KN_None;
    if (co->co_consts != NULL && KN_SIZE(co->co_consts) > 0 &&
        KN_STR_CHECK(KN_TUPLE_GET(co->co_consts, 0)))
        doc = KN_TUPLE_GET(co->co_consts, 0);
    f->func_doc = doc;
    KnObject *module = globals_item(globals, &name_key, "__name__");
    if (module == NULL && ob_err_occurred())
        return NULL;
    f->func_module = module;
    f->vectorcall = func_vectorcall;
    f->func_version = next_func_version++;
    return (KnObject *)f;
}

KnObject *jit_function_str(KnObject *func)
{
    KnObject *qualname = NULL, *module = NULL;
    if (ob_lookup_attr(func, ob_str_intern_cstr("__qualname__"), &qualname) <= 0) {
        ob_err_clear();
        return ob_str_from_format("%S()", func);
    }
    if (ob_lookup_attr(func, ob_str_intern_cstr("__module__"), &module) < 0)
        ob_err_clear();
    if (module != NULL && KN_STR_CHECK(module) && !ob_str_equal_cstr(module, "builtins"))
        return ob_str_from_format("%U.%U()", module, qualname);
    return ob_str_from_format("%U()", qualname);
}

/* ---- argument binding ---- */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static KnObject *name_list(KnObject **names, int n)
{
    KnObject *acc = ob_str_empty();
    for (int i = 0; i < n && acc != NULL; i++) {
        const char *sep = "";
        if (i > 0)
            sep = (n == 2) ? " and " : (i == n - 1 ? ", and " : ", ");
        acc = ob_str_from_format("%U%s%R", acc, sep, names[i]);
    }
    return acc;
}

static void missing_args(KnFunctionObject *fn, jit_frame *fr, int kwonly, KnObject *defaults)
{
    KnCodeObject *co = fr->code;
    int start = kwonly ? co->co_argcount : 0;
    int end = kwonly ? co->co_argcount + co->co_kwonlyargcount : co->co_argcount;
    int ndef = defaults ? (int)KN_SIZE(defaults) : 0;
    KnObject *names[256];
    int n = 0;
    for (int i = start; i < end; i++) {
        if (fr->localsplus[i] != NULL)
            continue;
        if (!kwonly && i >= co->co_argcount - ndef)
            continue;
        if (n < 256)
            names[n++] = KN_TUPLE_GET(co->co_localsplusnames, i);
    }
    KnObject *list = name_list(names, n);
    if (list == NULL)
        return;
    ob_err_format(ob_exc_TypeError, "%U() missing %d required %s argument%s: %U",
                  fn->func_qualname, n, kwonly ? "keyword-only" : "positional",
                  n == 1 ? "" : "s", list);
}

static void too_many_positional(KnFunctionObject *fn, jit_frame *fr, kn_ssize_t given)
{
    KnCodeObject *co = fr->code;
    int argc = co->co_argcount;
    int ndef = fn->func_defaults ? (int)KN_SIZE(fn->func_defaults) : 0;
    int kwonly_given = 0;
    for (int i = argc; i < argc + co->co_kwonlyargcount; i++)
        if (fr->localsplus[i] != NULL)
            kwonly_given++;
    KnObject *sig;
    int plural;
    if (ndef > 0) {
        sig = ob_str_from_format("from %d to %d", argc - ndef, argc);
        plural = 1;
    } else {
        sig = ob_str_from_format("%d", argc);
        plural = argc != 1;
    }
    if (sig == NULL)
        return;
    KnObject *kwsig;
    if (kwonly_given)
        kwsig = ob_str_from_format(" positional argument%s (and %d keyword-only argument%s)",
                                   given != 1 ? "s" : "", kwonly_given,
                                   kwonly_given != 1 ? "s" : "");
    else
        kwsig = ob_str_empty();
    if (kwsig == NULL)
        return;
    ob_err_format(ob_exc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                  fn->func_qualname, sig, plural ? "s" : "", given, kwsig,
                  (given == 1 && !kwonly_given) ? "was" : "were");
}

/* Positional-only parameters named by keyword: the error when there is
 * no **kwargs to absorb them.  1 when raised. */
static int posonly_as_keyword(KnFunctionObject *fn, KnCodeObject *co, KnObject *kwnames)
{
    KnObject *names[256];
    int n = 0;
    for (int i = 0; i < co->co_posonlyargcount; i++) {
        KnObject *pname = KN_TUPLE_GET(co->co_localsplusnames, i);
        for (kn_ssize_t k = 0; k < KN_SIZE(kwnames); k++) {
            KnObject *kw = KN_TUPLE_GET(kwnames, k);
            if (kw == pname || (KN_STR_CHECK(kw) && ob_str_equal(kw, pname))) {
                if (n < 256)
                    names[n++] = pname;
                break;
            }
        }
    }
    if (n == 0)
        return 0;
    KnObject *acc = ob_str_empty();
    for (int i = 0; i < n && acc != NULL; i++)
        acc = ob_str_from_format(i ? "%U, %U" : "%U%U", acc, names[i]);
    if (acc != NULL)
        ob_err_format(ob_exc_TypeError,
                      "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                      fn->func_qualname, acc);
    return 1;
}

/* Can the str a equal the str b, another object?  Not when both are
 * interned: the intern table holds one string per value. */
static inline int may_equal(KnObject *a, KnObject *b)
{
    return !(KN_STR_ASCII(a)->state.interned && KN_STR_ASCII(b)->state.interned) &&
           ob_str_equal(a, b);
}

/* Find keyword `kw` (a str) among the parameters that may be named
 * (co_posonlyargcount .. argcount + kwonlyargcount); -1 when absent. */
static int find_keyword(KnCodeObject *co, KnObject *kw)
{
    int total = co->co_argcount + co->co_kwonlyargcount;
    KnObject **names = KN_TUPLE_ITEMS(co->co_localsplusnames);
    for (int i = co->co_posonlyargcount; i < total; i++)
        if (names[i] == kw)
            return i;
    for (int i = co->co_posonlyargcount; i < total; i++)
        if (may_equal(names[i], kw))
            return i;
    return -1;
}

/* One keyword argument: into its parameter's slot, or into **kwargs.
 * `allnames` (a tuple, or the dict the keywords come from) names every
 * keyword of the call for the positional-only error. */
static int bind_keyword(KnFunctionObject *fn, KnCodeObject *co, KnObject **lp, KnObject *kwdict,
                        KnObject *kw, KnObject *value, KnObject *allnames)
{
    if (!KN_STR_CHECK(kw)) {
        ob_err_format(ob_exc_TypeError, "%U() keywords must be strings", fn->func_qualname);
        return -1;
    }
    int i = find_keyword(co, kw);
    if (i < 0) {
        /* **kwargs: a new key is appended without a lookup when it surely
         * is not there yet (exact str with its hash cached). */
        if (kwdict != NULL)
            return ob_dict_append_absent_str(kwdict, kw, ob_dict_size(kwdict), value)
                       ? 0 : ob_dict_setitem(kwdict, kw, value);
        if (KN_DICT_CHECK(allnames)) {
            KnObject *keys = ob_dict_keys_list(allnames);
            allnames = keys ? ob_sequence_tuple(keys) : NULL;
            if (allnames == NULL)
                return -1;
        }
        if (!posonly_as_keyword(fn, co, allnames))
            ob_err_format(ob_exc_TypeError, "%U() got an unexpected keyword argument '%S'",
                          fn->func_qualname, kw);
        return -1;
    }
    if (lp[i] != NULL) {
        ob_err_format(ob_exc_TypeError, "%U() got multiple values for argument '%S'",
                      fn->func_qualname, kw);
        return -1;
    }
    lp[i] = value;
    return 0;
}

/* Keywords come either as kwnames (values after the positional args) or
 * as the dict kwmap (a call with **kwargs); at most one of them. */
static int bind_args(KnFunctionObject *fn, jit_frame *fr, KnObject *const *args,
                     kn_ssize_t nargs, KnObject *kwnames, KnObject *kwmap)
{
    KnCodeObject *co = fr->code;
    KnObject **lp = fr->localsplus;
    int argc = co->co_argcount;
    int total = argc + co->co_kwonlyargcount;
    KnObject *kwdict = NULL;
    if (co->co_flags & JIT_CO_VARKEYWORDS) {
        /* sized for every keyword given: dict and table in one block */
        kn_ssize_t nkw = kwnames ? KN_SIZE(kwnames) : kwmap ? ob_dict_size(kwmap) : 0;
        if ((kwdict = nkw ? ob_dict_new_instance(nkw) : ob_dict_new()) == NULL)
            return -1;
        int slot = total + ((co->co_flags & JIT_CO_VARARGS) ? 1 : 0);
        lp[slot] = kwdict;
    }
    kn_ssize_t n = nargs < argc ? nargs : argc;
    for (kn_ssize_t i = 0; i < n; i++)
        lp[i] = args[i];
    if (co->co_flags & JIT_CO_VARARGS) {
        KnObject *rest = nargs > argc ? ob_tuple_from_array(args + argc, nargs - argc)
                                      : ob_tuple_empty();
        if (rest == NULL)
            return -1;
        lp[total] = rest;
    }
    if (kwnames != NULL) {
        for (kn_ssize_t k = 0; k < KN_SIZE(kwnames); k++)
            if (bind_keyword(fn, co, lp, kwdict, KN_TUPLE_GET(kwnames, k), args[nargs + k],
                             kwnames) < 0)
                return -1;
    }
    if (kwmap != NULL) {
        kn_ssize_t pos = 0;
        KnObject *kw, *value;
        while (ob_dict_next(kwmap, &pos, &kw, &value))
            if (bind_keyword(fn, co, lp, kwdict, kw, value, kwmap) < 0)
                return -1;
    }
    if (nargs > argc && !(co->co_flags & JIT_CO_VARARGS)) {
        too_many_positional(fn, fr, nargs);
        return -1;
    }
    if (nargs < argc) {
        KnObject *defs = fn->func_defaults;
        int ndef = defs ? (int)KN_SIZE(defs) : 0;
        int first_def = argc - ndef;
        for (int i = (int)nargs; i < first_def; i++)
            if (lp[i] == NULL) {
                missing_args(fn, fr, 0, defs);
                return -1;
            }
        for (int i = first_def > nargs ? first_def : (int)nargs; i < argc; i++)
            if (lp[i] == NULL)
                lp[i] = KN_TUPLE_GET(defs, i - first_def);
    }
    if (co->co_kwonlyargcount > 0) {
        int missing = 0;
        for (int i = argc; i < total; i++) {
            if (lp[i] != NULL)
                continue;
            KnObject *d = NULL;
            if (fn->func_kwdefaults != NULL) {
                d = ob_dict_getitem(fn->func_kwdefaults, KN_TUPLE_GET(co->co_localsplusnames, i));
                if (d == NULL && ob_err_occurred())
                    return -1;
            }
            if (d != NULL)
                lp[i] = d;
            else
                missing++;
        }
        if (missing) {
            missing_args(fn, fr, 1, NULL);
            return -1;
        }
    }
    return 0;
}

static KnObject *func_vectorcall(KnObject *func, KnObject *const *args, size_t nargsf,
                                 KnObject *kwnames)
{
    KnFunctionObject *fn = JIT_FUNC(func);
    KnCodeObject *co = JIT_CODE(fn->func_code);
    jit_tstate *jt = jit_tstate_fast(ob_tstate_get());
    if (jt == NULL)
        return NULL;
    /* Code that is not a function body's (FunctionType of a module's or
     * an eval's code) reads its names from the globals, as CPython does. */
    jit_frame *fr = (co->co_flags & JIT_CO_OPTIMIZED)
                        ? jit_frame_push_fast(jt, func, co, fn->func_globals, fn->func_builtins)
                        : jit_frame_push(jt, func, co, fn->func_globals, fn->func_builtins,
                                         fn->func_globals);
    if (fr == NULL)
        return NULL;
    kn_ssize_t nargs = KN_VECTORCALL_NARGS(nargsf);
    if (kwnames != NULL && KN_SIZE(kwnames) == 0)
        kwnames = NULL;
    if (kwnames == NULL && nargs == co->co_argcount &&
        (co->co_flags & (JIT_CO_VARARGS | JIT_CO_VARKEYWORDS)) == 0 &&
        co->co_kwonlyargcount == 0) {
        for (kn_ssize_t i = 0; i < nargs; i++)
            fr->localsplus[i] = args[i];
    } else if (bind_args(fn, fr, args, nargs, kwnames, NULL) < 0) {
        jit_frame_pop(jt, fr);
        return NULL;
    }
    return jit_eval_frame(jt, fr, 0);
}

KnObject *jit_function_call_with_locals(KnObject *func, KnObject *locals)
{
    if (!JIT_FUNCTION_CHECK(func))
        return ob_err_format(ob_exc_TypeError, "expected a function, not %s",
                             ob_type_name(KN_TYPE(func)));
    KnFunctionObject *fn = JIT_FUNC(func);
    jit_tstate *jt = jit_tstate_get(ob_tstate_get());
    if (jt == NULL)
        return NULL;
    jit_frame *fr = jit_frame_push(jt, func, JIT_CODE(fn->func_code), fn->func_globals,
                                   fn->func_builtins, locals);
    if (fr == NULL)
        return NULL;
    return jit_eval_frame(jt, fr, 0);
}

/* ---- Python-level attributes ---- */

#define FN(o) JIT_FUNC(o)

static KnObject *func_get_code(KnObject *self, void *c)
{
    (void)c;
    return FN(self)->func_code;
}

static int func_set_code(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == NULL || KN_TYPE(v) != KN_TYPE(FN(self)->func_code)) {
        ob_err_set_string(ob_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    kn_ssize_t nfree = JIT_CODE(v)->co_nfreevars;
    kn_ssize_t nclosure = FN(self)->func_closure ? KN_SIZE(FN(self)->func_closure) : 0;
    if (nfree != nclosure) {
        ob_err_format(ob_exc_ValueError,
                      "%U() requires a code object with %zd free vars, not %zd",
                      FN(self)->func_name, nclosure, nfree);
        return -1;
    }
    FN(self)->func_code = v;
    FN(self)->func_version = next_func_version++;
    return 0;
}

static KnObject *func_get_defaults(KnObject *self, void *c)
{
    (void)c;
    return FN(self)->func_defaults ? FN(self)->func_defaults : KN_None;
}

static int func_set_defaults(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == KN_None)
        v = NULL;
    if (v != NULL && !KN_TUPLE_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    FN(self)->func_defaults = (v && KN_SIZE(v) > 0) ? v : NULL;
    FN(self)->func_version = next_func_version++;
    return 0;
}

static KnObject *func_get_kwdefaults(KnObject *self, void *c)
{
    (void)c;
    return FN(self)->func_kwdefaults ? FN(self)->func_kwdefaults : KN_None;
}

static int func_set_kwdefaults(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == KN_None)
        v = NULL;
    if (v != NULL && !KN_DICT_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    FN(self)->func_kwdefaults = v;
    FN(self)->func_version = next_func_version++;
    return 0;
}

static KnObject *func_get_name(KnObject *self, void *c)
{
    (void)c;
    return FN(self)->func_name;
}

static int func_set_name(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == NULL || !KN_STR_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    FN(self)->func_name = v;
    return 0;
}

static KnObject *func_get_qualname(KnObject *self, void *c)
{
    (void)c;
    return FN(self)->func_qualname;
}

static int func_set_qualname(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == NULL || !KN_STR_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    FN(self)->func_qualname = v;
    return 0;
}

static KnObject *func_get_annotations(KnObject *self, void *c)
{
    (void)c;
    KnFunctionObject *f = FN(self);
    if (f->func_annotations == NULL) {
        if ((f->func_annotations = ob_dict_new()) == NULL)
            return NULL;
    } else if (KN_TUPLE_CHECK(f->func_annotations)) {
        /* MAKE_FUNCTION's (name, value, ...) tuple becomes a dict on first use. */
        KnObject *t = f->func_annotations, *d = ob_dict_new();
        if (d == NULL)
            return NULL;
        for (kn_ssize_t i = 0; i + 1 < KN_SIZE(t); i += 2)
            if (ob_dict_setitem(d, KN_TUPLE_GET(t, i), KN_TUPLE_GET(t, i + 1)) < 0)
                return NULL;
        f->func_annotations = d;
    }
    return f->func_annotations;
}

static int func_set_annotations(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == KN_None)
        v = NULL;
    if (v != NULL && !KN_DICT_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    FN(self)->func_annotations = v;
    return 0;
}

static KnObject *func_get_dict(KnObject *self, void *c)
{
    (void)c;
    if (FN(self)->func_dict == NULL && (FN(self)->func_dict = ob_dict_new()) == NULL)
        return NULL;
    return FN(self)->func_dict;
}

static int func_set_dict(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!KN_DICT_CHECK(v)) {
        ob_err_format(ob_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      ob_type_name(KN_TYPE(v)));
        return -1;
    }
    FN(self)->func_dict = v;
    return 0;
}

static KnGetSetDef func_getset[] = {
    { "__code__", func_get_code, func_set_code, NULL, NULL },
    { "__defaults__", func_get_defaults, func_set_defaults, NULL, NULL },
    { "__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL },
    { "__annotations__", func_get_annotations, func_set_annotations, NULL, NULL },
    { "__dict__", func_get_dict, func_set_dict, NULL, NULL },
    { "__name__", func_get_name, func_set_name, NULL, NULL },
    { "__qualname__", func_get_qualname, func_set_qualname, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static KnMemberDef func_members[] = {
    { "__doc__", KN_T_OBJECT, offsetof(KnFunctionObject, func_doc), 0, NULL },
    { "__module__", KN_T_OBJECT, offsetof(KnFunctionObject, func_module), 0, NULL },
    /* read-only members as CPython's: assigning says "readonly attribute" */
    { "__closure__", KN_T_OBJECT, offsetof(KnFunctionObject, func_closure), KN_READONLY, NULL },
    { "__globals__", KN_T_OBJECT, offsetof(KnFunctionObject, func_globals), KN_READONLY, NULL },
    { "__builtins__", KN_T_OBJECT, offsetof(KnFunctionObject, func_builtins), KN_READONLY,
      NULL },
    { NULL, 0, 0, 0, NULL },
};

static KnObject *func_repr(KnObject *self)
{
    return ob_str_from_format("<function %U at %p>", FN(self)->func_qualname, (void *)self);
}

/* tp_call: a tuple and a dict become a vectorcall. */
static KnObject *func_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t nargs = KN_SIZE(args);
    kn_ssize_t nkw = kwargs ? ob_dict_size(kwargs) : 0;
    if (nkw == 0)
        return func_vectorcall(self, KN_TUPLE_ITEMS(args), (size_t)nargs, NULL);
    KnObject **stack = kgc_alloc((size_t)(nargs + nkw) * sizeof(KnObject *));
    KnObject *kwnames = ob_tuple_new(nkw);
    if (stack == NULL || kwnames == NULL)
        return stack ? NULL : ob_err_nomemory();
    for (kn_ssize_t i = 0; i < nargs; i++)
        stack[i] = KN_TUPLE_GET(args, i);
    kn_ssize_t pos = 0, k = 0;
    KnObject *key, *value;
    while (ob_dict_next(kwargs, &pos, &key, &value)) {
        KN_TUPLE_SET(kwnames, k, key);
        stack[nargs + k++] = value;
    }
    return func_vectorcall(self, stack, (size_t)nargs, kwnames);
}

/* types.FunctionType(code, globals, name=None, argdefs=None, closure=None) */
static KnObject *func_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "code", "globals", "name", "argdefs", "closure", NULL };
    static const KnArgSpec spec = { "function", names, 2, 5, 0 };
    KnObject *a[5] = { NULL };
    (void)type;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    if (KN_TYPE(a[0]) != &jit_code_type)
        return ob_err_format(ob_exc_TypeError, "function() argument 'code' must be code, not %s",
                             ob_type_name(KN_TYPE(a[0])));
    if (!KN_DICT_CHECK(a[1]))
        return ob_err_format(ob_exc_TypeError,
                             "function() argument 'globals' must be dict, not %s",
                             ob_type_name(KN_TYPE(a[1])));
    KnObject *name = a[2] == KN_None ? NULL : a[2];
    KnObject *defs = a[3] == KN_None ? NULL : a[3];
    KnObject *closure = a[4] == KN_None ? NULL : a[4];
    if (name != NULL && !KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "arg 3 (name) must be None or string");
    if (defs != NULL && !KN_TUPLE_CHECK(defs))
        return ob_err_format(ob_exc_TypeError, "arg 4 (defaults) must be None or tuple");
    if (closure != NULL && !KN_TUPLE_CHECK(closure))
        return ob_err_format(ob_exc_TypeError, "arg 5 (closure) must be None or tuple");
    KnCodeObject *co = JIT_CODE(a[0]);
    kn_ssize_t nclosure = closure ? KN_SIZE(closure) : 0;
    if (co->co_nfreevars != nclosure)
        return ob_err_format(ob_exc_ValueError, "%U requires closure of length %zd, not %zd",
                             co->co_name, (kn_ssize_t)co->co_nfreevars, nclosure);
    for (kn_ssize_t i = 0; i < nclosure; i++)
        if (KN_TYPE(KN_TUPLE_GET(closure, i)) != &ob_cell_type)
            return ob_err_format(ob_exc_TypeError,
                                 "arg 5 (closure) expected cell, found %s",
                                 ob_type_name(KN_TYPE(KN_TUPLE_GET(closure, i))));
    KnObject *f = jit_function_new(a[0], a[1]);
    if (f == NULL)
        return NULL;
    if (name != NULL)
        JIT_FUNC(f)->func_name = name;
    JIT_FUNC(f)->func_defaults = defs;
    JIT_FUNC(f)->func_closure = closure;
    return f;
}

static KnObject *func_descr_get(KnObject *self, KnObject *obj, KnObject *type)
{
    (void)type;
    if (obj == NULL || obj == KN_None)
        return self;
    return ob_method_new(self, obj);
}

KnTypeObject jit_function_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "function",
    .tp_basicsize = sizeof(KnFunctionObject),
    .tp_vectorcall_offset = offsetof(KnFunctionObject, vectorcall),
    .tp_repr = func_repr,
    .tp_call = func_call,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_VECTORCALL | KN_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.",
    .tp_weaklistoffset = offsetof(KnFunctionObject, func_weakreflist),
    .tp_members = func_members,
    .tp_getset = func_getset,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(KnFunctionObject, func_dict),
    .tp_new = func_new,
};

/* ---- attr: binding for the interpreter's inline calls ---- */

/* Slot of keyword kw among pnames[from..total): the name object itself,
 * else (with `equal`) an equal exact str; total when absent. */
static int slot_by_equality(KnObject **pnames, int from, int total, KnObject *kw)
{
    int j = from;
    if (KN_STR_CHECK_EXACT(kw))
        while (j < total && !may_equal(pnames[j], kw))
            j++;
    return KN_STR_CHECK_EXACT(kw) ? j : total;
}

static inline int simple_slot(KnObject **pnames, int from, int total, KnObject *kw, int equal)
{
    int j = from;
    while (j < total && pnames[j] != kw)
        j++;
    return j == total && equal ? slot_by_equality(pnames, from, total, kw) : j;
}

/* The common keyword call, bound without the general binder's checks:
 * no *args / **kwargs, every keyword naming a parameter not yet filled,
 * every missing parameter with a default.  Keywords come as kwnames (the
 * very name objects of the parameters: the compiler's constants) or as
 * the dict kwdict (f(**d): exact str keys, equal names accepted; the dict
 * is only read, so it may be the caller's own).  No Python code runs.
 * 1 when bound; 0 (slots cleared again) sends the call to bind_args,
 * which also raises whatever error applies. */
static int bind_kw_simple(KnFunctionObject *fn, KnCodeObject *co, KnObject **lp,
                          KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames,
                          KnObject *kwdict)
{
    int argc = co->co_argcount, total = argc + co->co_kwonlyargcount;
    if ((co->co_flags & (JIT_CO_VARARGS | JIT_CO_VARKEYWORDS)) || nargs > argc)
        return 0;
    KnObject **pnames = KN_TUPLE_ITEMS(co->co_localsplusnames);
    int from = (int)nargs > co->co_posonlyargcount ? (int)nargs : co->co_posonlyargcount;
    for (kn_ssize_t i = 0; i < nargs; i++)
        lp[i] = args[i];
    if (kwnames != NULL) {
        for (kn_ssize_t k = 0; k < KN_SIZE(kwnames); k++) {
            int j = simple_slot(pnames, from, total, KN_TUPLE_GET(kwnames, k), 0);
            if (j == total || lp[j] != NULL)
                goto fallback;
            lp[j] = args[nargs + k];
        }
    } else {
        kn_ssize_t pos = 0;
        KnObject *kw, *value;
        while (ob_dict_next(kwdict, &pos, &kw, &value)) {
            int j = simple_slot(pnames, from, total, kw, 1);
            if (j == total || lp[j] != NULL)
                goto fallback;
            lp[j] = value;
        }
    }
    KnObject *defs = fn->func_defaults;
    int first_def = argc - (defs ? (int)KN_SIZE(defs) : 0);
    for (int i = (int)nargs; i < argc; i++) {
        if (lp[i] != NULL)
            continue;
        if (i < first_def)
            goto fallback;
        lp[i] = KN_TUPLE_GET(defs, i - first_def);
    }
    for (int i = argc; i < total; i++) {
        if (lp[i] != NULL)
            continue;
        KnObject *d = fn->func_kwdefaults != NULL && KN_DICT_CHECK(fn->func_kwdefaults)
                          ? ob_dict_getitem(fn->func_kwdefaults, pnames[i]) : NULL;
        if (d == NULL) {
            ob_err_clear();
            goto fallback;
        }
        lp[i] = d;
    }
    return 1;
fallback:
    memset(lp, 0, (size_t)total * sizeof(KnObject *));
    return 0;
}

int jit_function_bind(KnObject *func, jit_frame *fr, KnObject *const *args, kn_ssize_t nargs,
                      KnObject *kwnames)
{
    if (kwnames != NULL && KN_SIZE(kwnames) == 0)
        kwnames = NULL;
    KnFunctionObject *fn = JIT_FUNC(func);
    if (kwnames != NULL &&
        bind_kw_simple(fn, fr->code, fr->localsplus, args, nargs, kwnames, NULL))
        return 0;
    return bind_args(fn, fr, args, nargs, kwnames, NULL);
}

int jit_function_bind_array(KnObject *func, jit_frame *fr, KnObject *const *args,
                            kn_ssize_t nargs, KnObject *kwargs)
{
    if (kwargs != NULL && ob_dict_size(kwargs) == 0)
        kwargs = NULL;
    if (kwargs != NULL && KN_DICT_CHECK_EXACT(kwargs) &&
        bind_kw_simple(JIT_FUNC(func), fr->code, fr->localsplus, args, nargs, NULL, kwargs))
        return 0;
    if (kwargs != NULL) {
        /* As a call through a dict checks every key before binding. */
        kn_ssize_t pos = 0;
        KnObject *kw;
        while (ob_dict_next(kwargs, &pos, &kw, NULL))
            if (!KN_STR_CHECK(kw)) {
                ob_err_set_string(ob_exc_TypeError, "keywords must be strings");
                return -1;
            }
    }
    return bind_args(JIT_FUNC(func), fr, args, nargs, NULL, kwargs);
}

int jit_function_bind_ex(KnObject *func, jit_frame *fr, KnObject *callargs, KnObject *kwargs)
{
    return jit_function_bind_array(func, fr, KN_TUPLE_ITEMS(callargs), KN_SIZE(callargs), kwargs);
}
