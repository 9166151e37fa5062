/*
 * call.c — calling objects (abstract.h).
 *
 * Vectorcall (PEP 590) is the fast path: a type that sets
 * KN_TPFLAGS_HAVE_VECTORCALL stores a vectorcallfunc at
 * tp_vectorcall_offset inside each instance (NULL there means "use
 * tp_call").  Everything else goes through tp_call with a tuple and a dict.
 */
#include <stdarg.h>
#include <string.h>

#include "libgc/gc.h"
#include "core.h"

static vectorcallfunc vectorcall_of(KnObject *callable)
{
    KnTypeObject *tp = KN_TYPE(callable);
    if (!KN_TYPE_HAS_FLAG(tp, KN_TPFLAGS_HAVE_VECTORCALL) || tp->tp_vectorcall_offset <= 0)
        return NULL;
    return *(vectorcallfunc *)((char *)callable + tp->tp_vectorcall_offset);
}

static KnObject *not_callable(KnObject *callable)
{
    return ob_err_format(ob_exc_TypeError, "'%s' object is not callable", KN_TNAME(callable));
}

/* A result must come with no exception, a NULL with one. */
static KnObject *check_result(KnObject *callable, KnObject *r)
{
    if (r == NULL) {
        if (!ob_err_occurred())
            return ob_err_format(ob_exc_SystemError,
                                 "%R returned NULL without setting an exception", callable);
    } else if (ob_err_occurred()) {
        ob_err_clear();
        return ob_err_format(ob_exc_SystemError, "%R returned a result with an exception set",
                             callable);
    }
    return r;
}

static KnObject *call_tp_call(KnObject *callable, KnObject *args, KnObject *kwargs)
{
    ternaryfunc call = KN_TYPE(callable)->tp_call;
    if (call == NULL)
        return not_callable(callable);
    if (ob_enter_recursive_call(" while calling a Python object") < 0)
        return NULL;
    KnObject *r = call(callable, args, kwargs);
    ob_leave_recursive_call();
    return check_result(callable, r);
}

KnObject *ob_call_tp_call_fallback(KnObject *callable, KnObject *const *args, size_t nargsf,
                                   KnObject *kwnames)
{
    kn_ssize_t nargs = KN_VECTORCALL_NARGS(nargsf);
    KnObject *tup = ob_tuple_from_array(args, nargs);
    if (tup == NULL)
        return NULL;
    KnObject *kw = NULL;
    if (kwnames != NULL && KN_SIZE(kwnames) > 0) {
        if ((kw = ob_dict_new()) == NULL)
            return NULL;
        for (kn_ssize_t i = 0; i < KN_SIZE(kwnames); i++)
            if (ob_dict_setitem(kw, KN_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                return NULL;
    }
    return call_tp_call(callable, tup, kw);
}

KnObject *ob_vectorcall(KnObject *callable, KnObject *const *args, size_t nargsf,
                        KnObject *kwnames)
{
    vectorcallfunc f = vectorcall_of(callable);
    if (f == NULL)
        return ob_call_tp_call_fallback(callable, args, nargsf, kwnames);
    if (kwnames != NULL && KN_SIZE(kwnames) == 0)
        kwnames = NULL;
    return check_result(callable, f(callable, args, nargsf, kwnames));
}

int ob_call_split_kwargs(KnObject *args, KnObject *kwargs, KnObject ***stack,
                         kn_ssize_t *nargs, KnObject **kwnames)
{
    kn_ssize_t n = KN_SIZE(args);
    kn_ssize_t nk = kwargs ? ob_dict_size(kwargs) : 0;
    *nargs = n;
    *kwnames = NULL;
    if (nk == 0) {
        *stack = KN_TUPLE_ITEMS(args);
        return 0;
    }
    KnObject **st = kgc_alloc(sizeof(KnObject *) * (size_t)(n + nk + 1));
    KnObject *names = ob_tuple_new(nk);
    if (st == NULL || names == NULL) {
        ob_err_nomemory();
        return -1;
    }
    st++;               /* room for a prepended self (ARGUMENTS_OFFSET) */
    memcpy(st, KN_TUPLE_ITEMS(args), sizeof(KnObject *) * (size_t)n);
    kn_ssize_t pos = 0, i = 0;
    KnObject *k, *v;
    while (ob_dict_next(kwargs, &pos, &k, &v)) {
        if (!KN_STR_CHECK(k)) {
            ob_err_set_string(ob_exc_TypeError, "keywords must be strings");
            return -1;
        }
        KN_TUPLE_SET(names, i, k);
        st[n + i] = v;
        i++;
    }
    *stack = st;
    *kwnames = names;
    return 0;
}

KnObject *ob_call(KnObject *callable, KnObject *args, KnObject *kwargs)
{
    if (args == NULL)
        args = ob_tuple_empty();
    vectorcallfunc f = vectorcall_of(callable);
    if (f == NULL)
        return call_tp_call(callable, args, kwargs);
    KnObject **stack, *kwnames;
    kn_ssize_t nargs;
    if (ob_call_split_kwargs(args, kwargs, &stack, &nargs, &kwnames) < 0)
        return NULL;
    return check_result(callable, f(callable, stack, (size_t)nargs, kwnames));
}

KnObject *ob_vectorcall_dict(KnObject *callable, KnObject *const *args, size_t nargs,
                             KnObject *kwargs)
{
    nargs = (size_t)KN_VECTORCALL_NARGS(nargs);
    if (kwargs == NULL || ob_dict_size(kwargs) == 0)
        return ob_vectorcall(callable, args, nargs, NULL);
    KnObject *tup = ob_tuple_from_array(args, (kn_ssize_t)nargs);
    return tup ? ob_call(callable, tup, kwargs) : NULL;
}

KnObject *ob_call_noargs(KnObject *callable)
{
    return ob_vectorcall(callable, NULL, 0, NULL);
}

KnObject *ob_call_onearg(KnObject *callable, KnObject *arg)
{
    KnObject *a[2] = { NULL, arg };
    return ob_vectorcall(callable, a + 1, 1 | KN_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

KnObject *ob_call_with_self(KnObject *callable, KnObject *self, KnObject *const *args,
                            kn_ssize_t nargs, KnObject *kwnames)
{
    kn_ssize_t nk = kwnames ? KN_SIZE(kwnames) : 0;
    KnObject *small[8];
    KnObject **st = small;
    if (nargs + nk + 1 > 8 && (st = kgc_alloc(sizeof(KnObject *) * (size_t)(nargs + nk + 1))) == NULL)
        return ob_err_nomemory();
    st[0] = self;
    if (nargs + nk > 0)
        memcpy(st + 1, args, sizeof(KnObject *) * (size_t)(nargs + nk));
    return ob_vectorcall(callable, st, (size_t)(nargs + 1), kwnames);
}

/* Call method `name` of o: an unbound method descriptor or Python
 * function found on the type is called with o prepended, which skips
 * creating a bound method. */
static KnObject *call_method_vec(KnObject *o, KnObject *name, KnObject *const *args,
                                 kn_ssize_t nargs)
{
    KnObject *m = ob_type_lookup(KN_TYPE(o), name);
    if (m != NULL && KN_TYPE_HAS_FLAG(KN_TYPE(m), KN_TPFLAGS_METHOD_DESCRIPTOR)) {
        /* still let an instance attribute of that name win */
        KnObject **dp = ob_object_dict_ptr(o);
        if (KN_TYPE(o)->tp_getattro == ob_generic_getattr &&
            (dp == NULL || *dp == NULL || ob_dict_getitem(*dp, name) == NULL))
            return ob_call_with_self(m, o, args, nargs, NULL);
    }
    KnObject *bound = ob_getattr(o, name);
    if (bound == NULL)
        return NULL;
    return ob_vectorcall(bound, args, (size_t)nargs, NULL);
}

KnObject *ob_call_method(KnObject *o, const char *name, int nargs, ...)
{
    KnObject *n = ob_str_intern_cstr(name);
    if (n == NULL)
        return NULL;
    KnObject *small[8];
    KnObject **args = small;
    if (nargs > 8 && (args = kgc_alloc(sizeof(KnObject *) * (size_t)nargs)) == NULL)
        return ob_err_nomemory();
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        args[i] = va_arg(ap, KnObject *);
    va_end(ap);
    return call_method_vec(o, n, args, nargs);
}

KnObject *ob_call_special(KnObject *o, KnObject *name, KnObject *const *args,
                          kn_ssize_t nargs, int *found)
{
    KnObject *m = ob_type_lookup(KN_TYPE(o), name);
    if (m == NULL) {
        *found = 0;
        return NULL;
    }
    *found = 1;
    if (KN_TYPE_HAS_FLAG(KN_TYPE(m), KN_TPFLAGS_METHOD_DESCRIPTOR))
        return ob_call_with_self(m, o, args, nargs, NULL);
    descrgetfunc get = KN_TYPE(m)->tp_descr_get;
    if (get != NULL && (m = get(m, o, (KnObject *)KN_TYPE(o))) == NULL)
        return NULL;
    return ob_vectorcall(m, args, (size_t)nargs, NULL);
}
