/*
 * lsprof_module.c — the `_lsprof` module: Profiler (enable, disable,
 * getstats, clear), the engine of cProfile.  It installs a C-level profile
 * hook through libjit (jit_set_profile): 'call' / 'return' events of
 * Python frames and, when `builtins` is on, 'c_call' / 'c_return' /
 * 'c_exception' events of built-in functions.  Bookkeeping is in
 * lsprof_table.c (lsprof.h).
 */
#include "libobject/descr.h"
#include "libobject/module.h"
#include "libjit/jit.h"
#include "lsprof.h"
#include "structseq.h"

KnObject *kn_init__lsprof(void);

/* libjit is linked into every program that runs Python code; stdlib's
 * own test programs do not link it. */
#pragma weak jit_set_profile
#pragma weak jit_frame_object_code

static KnTypeObject lsp_type;
static KnTypeObject *entry_type, *subentry_type;

#define LSP(o) ((lsp_profiler *)(o))

/* What CPython's profiler shows for a built-in: the repr of the method
 * it is ("<method 'append' of 'list' objects>"), else
 * "<built-in method module.name>", or "<name>" / "<module.name>" for an
 * unbound one. */
static KnObject *builtin_label(KnCFunctionObject *fn)
{
    const char *name = fn->m_ml->ml_name;
    KnObject *mod = fn->m_module;
    if (fn->m_self == NULL) {
        KnObject *modname = NULL;
        if (mod != NULL && KN_STR_CHECK(mod))
            modname = mod;
        else if (mod != NULL && KN_MODULE_CHECK(mod))
            modname = ob_getattr_str(mod, "__name__");
        if (modname == NULL)
            ob_err_clear();
        if (modname != NULL && KN_STR_CHECK(modname) &&
            !ob_str_equal_cstr(modname, "builtins"))
            return ob_str_from_format("<%U.%s>", modname, name);
        return ob_str_from_format("<%s>", name);
    }
    KnObject *pyname = ob_str_from_cstr(name);
    if (pyname == NULL)
        return NULL;
    KnObject *meth = ob_type_lookup(KN_TYPE(fn->m_self), pyname);
    if (meth != NULL) {
        KnObject *r = ob_repr(meth);
        if (r != NULL)
            return r;
    }
    ob_err_clear();
    if (mod != NULL && KN_STR_CHECK(mod))
        return ob_str_from_format("<built-in method %U.%s>", mod, name);
    return ob_str_from_format("<built-in method %s>", name);
}

static int lsp_callback(KnObject *obj, KnObject *frame, int what, KnObject *arg)
{
    lsp_profiler *p = LSP(obj);
    KnObject *exc = ob_err_fetch();
    switch (what) {
    case JIT_TRACE_CALL: {
        KnObject *code = jit_frame_object_code(frame);
        lsp_entry *e = code ? lsp_entry_get(p, code, code) : NULL;
        if (e != NULL)
            lsp_enter(p, e);
        break;
    }
    case JIT_TRACE_RETURN: {
        KnObject *code = jit_frame_object_code(frame);
        lsp_leave(p, code ? lsp_entry_find(p, code) : NULL);
        break;
    }
    case JIT_TRACE_C_CALL:
        if (p->builtins && arg != NULL && KN_TYPE_CHECK(arg, &ob_cfunction_type)) {
            KnCFunctionObject *fn = (KnCFunctionObject *)arg;
            lsp_entry *e = lsp_entry_find(p, fn->m_ml);
            if (e == NULL) {
                KnObject *label = builtin_label(fn);
                e = label ? lsp_entry_get(p, fn->m_ml, label) : NULL;
            }
            if (e != NULL)
                lsp_enter(p, e);
        }
        break;
    case JIT_TRACE_C_RETURN:
    case JIT_TRACE_C_EXCEPTION:
        if (p->builtins && arg != NULL && KN_TYPE_CHECK(arg, &ob_cfunction_type))
            lsp_leave(p, lsp_entry_find(p, ((KnCFunctionObject *)arg)->m_ml));
        break;
    default:
        break;
    }
    /* The profiler never raises into the profiled program. */
    ob_err_clear();
    ob_err_restore(exc);
    return 0;
}

static int flag_arg(KnObject *v, int *out)
{
    if (v == NULL)
        return 0;
    int t = ob_is_true(v);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
}

static int lsp_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"timer", "timeunit", "subcalls", "builtins", NULL};
    static const KnArgSpec spec = {"Profiler", names, 0, 4, 0};
    KnObject *a[4] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return -1;
    lsp_profiler *p = LSP(self);
    p->subcalls = p->builtins = 1;
    p->timeunit = 0.0;
    if (a[1] != NULL) {
        p->timeunit = ob_float_as_double(a[1]);
        if (p->timeunit == -1.0 && ob_err_occurred())
            return -1;
    }
    if (flag_arg(a[2], &p->subcalls) < 0 || flag_arg(a[3], &p->builtins) < 0)
        return -1;
    p->timer = (a[0] == NULL || a[0] == KN_None) ? NULL : a[0];
    return 0;
}

static KnObject *lsp_enable(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kwnames)
{
    static const char *const names[] = {"subcalls", "builtins", NULL};
    static const KnArgSpec spec = {"enable", names, 0, 2, 0};
    KnObject *a[2] = {0};
    lsp_profiler *p = LSP(self);
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 ||
        flag_arg(a[0], &p->subcalls) < 0 || flag_arg(a[1], &p->builtins) < 0)
        return NULL;
    if (jit_set_profile == NULL)
        return ob_err_format(ob_exc_RuntimeError, "_lsprof needs libjit's profile hook");
    jit_set_profile(lsp_callback, self);
    p->enabled = 1;
    return KN_None;
}

static KnObject *lsp_disable(KnObject *self, KnObject *unused)
{
    (void)unused;
    lsp_profiler *p = LSP(self);
    if (p->enabled) {
        jit_set_profile(NULL, NULL);
        lsp_flush(p);
        p->enabled = 0;
    }
    return KN_None;
}

static KnObject *lsp_clear_m(KnObject *self, KnObject *unused)
{
    (void)unused;
    lsp_clear(LSP(self));
    return KN_None;
}

static KnObject *stat_values(KnObject *label, const lsp_stat *st, double factor, KnObject **v)
{
    v[0] = label;
    v[1] = ob_int_from_long_long(st->callcount);
    v[2] = ob_int_from_long_long(st->reccallcount);
    v[3] = ob_float_from_double((double)st->tt * factor);
    v[4] = ob_float_from_double((double)st->it * factor);
    for (int i = 1; i < 5; i++)
        if (v[i] == NULL)
            return NULL;
    return KN_None;
}

static KnObject *lsp_getstats(KnObject *self, KnObject *unused)
{
    (void)unused;
    lsp_profiler *p = LSP(self);
    double factor = (p->timer != NULL && p->timeunit > 0.0) ? p->timeunit : 1e-9;
    KnObject *out = ob_list_new(0);
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < p->nslots; i++) {
        lsp_entry *e = p->slots[i];
        if (e == NULL)
            continue;
        KnObject *v[6];
        if (stat_values(e->label, &e->st, factor, v) == NULL)
            return NULL;
        v[5] = KN_None;
        if (e->subs != NULL) {
            if ((v[5] = ob_list_new(0)) == NULL)
                return NULL;
            for (lsp_sub *s = e->subs; s != NULL; s = s->next) {
                KnObject *sv[5];
                KnObject *sub = stat_values(s->callee->label, &s->st, factor, sv)
                                    ? ss_new(subentry_type, sv) : NULL;
                if (sub == NULL || ob_list_append(v[5], sub) < 0)
                    return NULL;
            }
        }
        KnObject *entry = ss_new(entry_type, v);
        if (entry == NULL || ob_list_append(out, entry) < 0)
            return NULL;
    }
    return out;
}

#define LSP_FC(f) ((KnCFunction)(void (*)(void))(f))

static KnMethodDef lsp_methods[] = {
    {"getstats", LSP_FC(lsp_getstats), KN_METH_NOARGS,
     "getstats() -> list of profiler_entry objects\n\nReturn all information collected by "
     "the profiler."},
    {"enable", LSP_FC(lsp_enable), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "enable(subcalls=True, builtins=True)\n\nStart collecting profiling information."},
    {"disable", LSP_FC(lsp_disable), KN_METH_NOARGS,
     "disable()\n\nStop collecting profiling information."},
    {"clear", LSP_FC(lsp_clear_m), KN_METH_NOARGS,
     "clear()\n\nClear all profiling information collected so far."},
    {NULL, NULL, 0, NULL},
};

static void lsp_finalize(KnObject *self)
{
    /* A profiler collected while still installed must not stay the hook. */
    if (LSP(self)->enabled && jit_set_profile != NULL) {
        KnThreadState *ts = ob_tstate_get();
        if (ts != NULL && ts->c_profileobj == self)
            jit_set_profile(NULL, NULL);
    }
}

static KnTypeObject lsp_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_lsprof.Profiler",
    .tp_basicsize = sizeof(lsp_profiler),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n"
              "    Builds a profiler object using the specified timer function.\n"
              "    The default timer is a fast built-in one based on real time.\n"
              "    For custom timer functions returning integers, timeunit can\n"
              "    be a float specifying a scale (i.e. how long each integer unit\n"
              "    is, in seconds).\n",
    .tp_methods = lsp_methods,
    .tp_init = lsp_init,
    .tp_new = ob_type_generic_new,
    .tp_finalize = lsp_finalize,
};

KnObject *kn_init__lsprof(void)
{
    static const char *const entry_fields[] = {"code", "callcount", "reccallcount",
                                               "totaltime", "inlinetime", "calls"};
    if (ob_type_ready(&lsp_type) < 0)
        return NULL;
    if (entry_type == NULL) {
        entry_type = ss_new_type("_lsprof.profiler_entry", NULL, entry_fields, 6, 6);
        subentry_type = ss_new_type("_lsprof.profiler_subentry", NULL, entry_fields, 5, 5);
        if (entry_type == NULL || subentry_type == NULL)
            return NULL;
    }
    KnObject *mod = ob_module_new_cstr("_lsprof");
    if (mod == NULL || ob_module_add_object(mod, "Profiler", (KnObject *)&lsp_type) < 0 ||
        ob_module_add_object(mod, "profiler_entry", (KnObject *)entry_type) < 0 ||
        ob_module_add_object(mod, "profiler_subentry", (KnObject *)subentry_type) < 0)
        return NULL;
    return mod;
}
