/*
 * atexit_module.c — `atexit`: register (with arguments), unregister (by
 * ==), _run_exitfuncs, _clear, _ncallbacks, and kn_atexit_run for the
 * interpreter's exit (stdlib/atexit.h).
 */
#include <stdio.h>

#include "stdlib/atexit.h"
#include "libobject/libobject.h"

KnObject *kn_init_atexit(void);

/* libjit's traceback printer when linked (weak: the tests link without). */
int jit_traceback_print(KnObject *exc, FILE *out) __attribute__((weak));

static KnObject *callbacks;    /* list of (func, args, kwargs-or-None) */

static int ensure_list(void)
{
    if (callbacks == NULL)
        callbacks = ob_list_new(0);
    return callbacks == NULL ? -1 : 0;
}

static KnObject *ax_register(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                             KnObject *kwnames)
{
    (void)m;
    if (nargs < 1)
        return ob_err_format(ob_exc_TypeError, "register() takes at least 1 argument (0 given)");
    if (!ob_callable_check(args[0]))
        return ob_err_format(ob_exc_TypeError, "the first argument must be callable");
    KnObject *kw = KN_None;
    kn_ssize_t nkw = kwnames ? KN_SIZE(kwnames) : 0;
    if (nkw > 0) {
        kw = ob_dict_new();
        for (kn_ssize_t i = 0; kw != NULL && i < nkw; i++)
            if (ob_dict_setitem(kw, KN_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                return NULL;
    }
    KnObject *pos = ob_tuple_from_array(args + 1, nargs - 1);
    KnObject *entry = kw && pos ? ob_tuple_pack(3, args[0], pos, kw) : NULL;
    if (entry == NULL || ensure_list() < 0 || ob_list_append(callbacks, entry) < 0)
        return NULL;
    return args[0];
}

static KnObject *ax_unregister(KnObject *m, KnObject *func)
{
    (void)m;
    if (ensure_list() < 0)
        return NULL;
    KnObject *keep = ob_list_new(0);
    if (keep == NULL)
        return NULL;
    kn_ssize_t n = ob_length(callbacks);
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *e = ob_sequence_getitem(callbacks, i);
        if (e == NULL)
            return NULL;
        int eq = ob_richcompare_bool(KN_TUPLE_GET(e, 0), func, KN_EQ);
        if (eq < 0)
            return NULL;
        if (!eq && ob_list_append(keep, e) < 0)
            return NULL;
    }
    callbacks = keep;
    return KN_None;
}

static void report(KnObject *func)
{
    KnObject *exc = ob_err_fetch();
    KnObject *r = ob_repr(func);
    const char *s = r ? ob_str_as_utf8(r, NULL) : NULL;
    if (s == NULL)
        ob_err_clear();
    fprintf(stderr, "Exception ignored in atexit callback: %s\n", s ? s : "<object repr() failed>");
    if (jit_traceback_print != NULL && jit_traceback_print(exc, stderr) == 0)
        return;
    KnObject *msg = ob_str(exc);
    const char *ms = msg ? ob_str_as_utf8(msg, NULL) : NULL;
    ob_err_clear();
    if (ms != NULL && ms[0] != '\0')
        fprintf(stderr, "%s: %s\n", ob_type_name(KN_TYPE(exc)), ms);
    else
        fprintf(stderr, "%s\n", ob_type_name(KN_TYPE(exc)));
}

int kn_atexit_run(void)
{
    if (callbacks == NULL)
        return 0;
    KnObject *todo = callbacks;
    callbacks = ob_list_new(0);
    for (kn_ssize_t i = ob_length(todo) - 1; i >= 0; i--) {
        KnObject *e = ob_sequence_getitem(todo, i);
        if (e == NULL) {
            ob_err_clear();
            continue;
        }
        KnObject *kw = KN_TUPLE_GET(e, 2);
        KnObject *r = ob_call(KN_TUPLE_GET(e, 0), KN_TUPLE_GET(e, 1), kw == KN_None ? NULL : kw);
        if (r == NULL)
            report(KN_TUPLE_GET(e, 0));
    }
    fflush(stderr);
    return 0;
}

static KnObject *ax_run_exitfuncs(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    kn_atexit_run();
    return KN_None;
}

static KnObject *ax_clear(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    callbacks = ob_list_new(0);
    return callbacks ? KN_None : NULL;
}

static KnObject *ax_ncallbacks(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_ssize(callbacks ? ob_length(callbacks) : 0);
}

static KnMethodDef ax_methods[] = {
    {"register", (KnCFunction)(void *)ax_register, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"unregister", (KnCFunction)ax_unregister, KN_METH_O, NULL},
    {"_run_exitfuncs", (KnCFunction)ax_run_exitfuncs, KN_METH_NOARGS, NULL},
    {"_clear", (KnCFunction)ax_clear, KN_METH_NOARGS, NULL},
    {"_ncallbacks", (KnCFunction)ax_ncallbacks, KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init_atexit(void)
{
    KnObject *m = ob_module_new_cstr("atexit");
    if (m == NULL || ensure_list() < 0 || ob_module_add_functions(m, ax_methods) < 0)
        return NULL;
    return m;
}
