/*
 * slot_wrap.c — wrapper_descriptor (`int.__add__`) and method-wrapper
 * (`(1).__add__`): a C slot called from Python.  The KnSlotDef says how
 * to unpack the arguments (KnWrapKind).
 */
#include "core.h"

#define WD(o) ((KnWrapperDescrObject *)(o))

static int want(kn_ssize_t nargs, kn_ssize_t n)
{
    if (nargs == n)
        return 0;
    ob_err_format(ob_exc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s", nargs);
    return -1;
}

static KnObject *int_or_none(int r)
{
    return r < 0 ? NULL : KN_None;
}

/* object.__setattr__(x, ...) must not bypass a C-level tp_setattro that
 * x's class inherits after the one being called (type's, say): find the
 * class that supplied x's slot, then walk its bases down to the one that
 * defines f; a non-Python override met first refuses the call. */
static int setattr_hackcheck(KnObject *self, setattrofunc f, const char *what)
{
    KnTypeObject *t = KN_TYPE(self);
    KnObject *mro = t->tp_mro;
    if (mro == NULL)
        return 0;
    KnTypeObject *defining = t;
    for (kn_ssize_t i = KN_SIZE(mro) - 1; i >= 0; i--) {
        KnTypeObject *base = (KnTypeObject *)KN_TUPLE_GET(mro, i);
        if (!ob_slot_is_python_setattro(base->tp_setattro) && base->tp_setattro == t->tp_setattro) {
            defining = base;
            break;
        }
    }
    for (KnTypeObject *base = defining; base != NULL; base = base->tp_base) {
        if (base->tp_setattro == f)
            break;
        if (!ob_slot_is_python_setattro(base->tp_setattro)) {
            ob_err_format(ob_exc_TypeError, "can't apply this %s to %s object", what, t->tp_name);
            return -1;
        }
    }
    return 0;
}

KnObject *ob_slot_wrapper_call(KnWrapperDescrObject *d, KnObject *self, KnObject *const *args,
                               kn_ssize_t nargs, KnObject *kwnames)
{
    const KnSlotDef *s = d->d_base;
    void *f = d->d_wrapped;
    if (s->wrap != KN_WRAP_CALL && s->wrap != KN_WRAP_INIT && kwnames != NULL &&
        KN_SIZE(kwnames) > 0)
        return ob_err_format(ob_exc_TypeError, "wrapper %s() takes no keyword arguments", s->name);
    KnObject *r;
    switch ((KnWrapKind)s->wrap) {
    case KN_WRAP_UNARY:
        return want(nargs, 0) ? NULL : ((unaryfunc)f)(self);
    case KN_WRAP_BINARY:
        return want(nargs, 1) ? NULL : ((binaryfunc)f)(self, args[0]);
    case KN_WRAP_BINARY_R:
        return want(nargs, 1) ? NULL : ((binaryfunc)f)(args[0], self);
    case KN_WRAP_TERNARY:
    case KN_WRAP_TERNARY_R: {
        /* CPython unpacks these with an empty function name */
        if (nargs < 1)
            return ob_err_format(ob_exc_TypeError, " expected at least 1 argument, got %zd", nargs);
        if (nargs > 2)
            return ob_err_format(ob_exc_TypeError, " expected at most 2 arguments, got %zd", nargs);
        KnObject *mod = nargs == 2 ? args[1] : KN_None;
        if (s->wrap == KN_WRAP_TERNARY)
            return ((ternaryfunc)f)(self, args[0], mod);
        return ((ternaryfunc)f)(args[0], self, mod);
    }
    case KN_WRAP_INQUIRY: {
        if (want(nargs, 0))
            return NULL;
        int t = ((inquiry)f)(self);
        return t < 0 ? NULL : KN_BOOL(t);
    }
    case KN_WRAP_LEN: {
        if (want(nargs, 0))
            return NULL;
        kn_ssize_t n = ((lenfunc)f)(self);
        return n < 0 ? NULL : ob_int_from_ssize(n);
    }
    case KN_WRAP_SQ_ITEM:
    case KN_WRAP_SQ_REPEAT: {
        if (want(nargs, 1))
            return NULL;
        kn_ssize_t i = ob_number_as_ssize(args[0], s->wrap == KN_WRAP_SQ_ITEM
                                                   ? ob_exc_IndexError : ob_exc_OverflowError);
        if (i == -1 && ob_err_occurred())
            return NULL;
        if (s->wrap == KN_WRAP_SQ_ITEM && i < 0 && KN_TYPE(self)->tp_as_sequence &&
            KN_TYPE(self)->tp_as_sequence->sq_length) {
            kn_ssize_t n = KN_TYPE(self)->tp_as_sequence->sq_length(self);
            if (n < 0)
                return NULL;
            i += n;
        }
        return ((ssizeargfunc)f)(self, i);
    }
    case KN_WRAP_SQ_SETITEM:
    case KN_WRAP_SQ_DELITEM: {
        if (want(nargs, s->wrap == KN_WRAP_SQ_SETITEM ? 2 : 1))
            return NULL;
        kn_ssize_t i = ob_number_as_ssize(args[0], ob_exc_IndexError);
        if (i == -1 && ob_err_occurred())
            return NULL;
        if (i < 0 && KN_TYPE(self)->tp_as_sequence && KN_TYPE(self)->tp_as_sequence->sq_length) {
            kn_ssize_t n = KN_TYPE(self)->tp_as_sequence->sq_length(self);
            if (n < 0)
                return NULL;
            i += n;
        }
        return int_or_none(((ssizeobjargproc)f)(self, i,
                                                s->wrap == KN_WRAP_SQ_SETITEM ? args[1] : NULL));
    }
    case KN_WRAP_OBJOBJ: {
        if (want(nargs, 1))
            return NULL;
        int t = ((objobjproc)f)(self, args[0]);
        return t < 0 ? NULL : KN_BOOL(t);
    }
    case KN_WRAP_OBJOBJARG_SET:
        return want(nargs, 2) ? NULL : int_or_none(((objobjargproc)f)(self, args[0], args[1]));
    case KN_WRAP_OBJOBJARG_DEL:
        return want(nargs, 1) ? NULL : int_or_none(((objobjargproc)f)(self, args[0], NULL));
    case KN_WRAP_HASH: {
        if (want(nargs, 0))
            return NULL;
        kn_hash_t h = ((hashfunc)f)(self);
        return h == -1 ? NULL : ob_int_from_ssize(h);
    }
    case KN_WRAP_CALL:
    case KN_WRAP_INIT: {
        KnObject *tup = ob_tuple_from_array(args, nargs);
        KnObject *kw = NULL;
        if (tup == NULL)
            return NULL;
        if (kwnames != NULL && KN_SIZE(kwnames) > 0) {
            if ((kw = ob_dict_new()) == NULL)
                return NULL;
            for (kn_ssize_t i = 0; i < KN_SIZE(kwnames); i++)
                if (ob_dict_setitem(kw, KN_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                    return NULL;
        }
        if (s->wrap == KN_WRAP_CALL)
            return ((ternaryfunc)f)(self, tup, kw);
        return int_or_none(((initproc)f)(self, tup, kw));
    }
    case KN_WRAP_RICHCMP:
        return want(nargs, 1) ? NULL : ((richcmpfunc)f)(self, args[0], s->richop);
    case KN_WRAP_NEXT:
        if (want(nargs, 0))
            return NULL;
        r = ((iternextfunc)f)(self);
        if (r == NULL && !ob_err_occurred())
            ob_err_set_none(ob_exc_StopIteration);
        return r;
    case KN_WRAP_DESCR_GET: {
        /* CPython unpacks these with an empty function name */
        if (nargs < 1)
            return ob_err_format(ob_exc_TypeError, " expected at least 1 argument, got %zd", nargs);
        if (nargs > 2)
            return ob_err_format(ob_exc_TypeError, " expected at most 2 arguments, got %zd", nargs);
        KnObject *obj = args[0] == KN_None ? NULL : args[0];
        KnObject *type = nargs == 2 && args[1] != KN_None ? args[1] : NULL;
        if (obj == NULL && type == NULL)
            return ob_err_format(ob_exc_TypeError, "__get__(None, None) is invalid");
        return ((descrgetfunc)f)(self, obj, type);
    }
    case KN_WRAP_DESCR_SET:
        return want(nargs, 2) ? NULL : int_or_none(((descrsetfunc)f)(self, args[0], args[1]));
    case KN_WRAP_DESCR_DELETE:
        return want(nargs, 1) ? NULL : int_or_none(((descrsetfunc)f)(self, args[0], NULL));
    case KN_WRAP_SETATTR:
        if (want(nargs, 2) || setattr_hackcheck(self, (setattrofunc)f, "__setattr__") < 0)
            return NULL;
        return int_or_none(((setattrofunc)f)(self, args[0], args[1]));
    case KN_WRAP_DELATTR:
        if (want(nargs, 1) || setattr_hackcheck(self, (setattrofunc)f, "__delattr__") < 0)
            return NULL;
        return int_or_none(((setattrofunc)f)(self, args[0], NULL));
    case KN_WRAP_GETATTR:
        return want(nargs, 1) ? NULL : ((getattrofunc)f)(self, args[0]);
    case KN_WRAP_DEL:
        if (want(nargs, 0))
            return NULL;
        ((destructor)f)(self);
        return KN_None;
    }
    return ob_err_format(ob_exc_SystemError, "bad slot wrapper kind");
}

static int wrapper_check_self(KnWrapperDescrObject *d, KnObject *self)
{
    if (KN_TYPE_CHECK(self, d->d_common.d_type))
        return 0;
    ob_err_format(ob_exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
                  d->d_base->name, d->d_common.d_type->tp_name, KN_TNAME(self));
    return -1;
}

static KnObject *wrapper_descr_call(KnObject *d, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t n = KN_SIZE(args);
    if (n < 1)
        return ob_err_format(ob_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                             WD(d)->d_base->name, WD(d)->d_common.d_type->tp_name);
    KnObject *self = KN_TUPLE_GET(args, 0);
    if (wrapper_check_self(WD(d), self) < 0)
        return NULL;
    KnObject **stack, *kwnames;
    kn_ssize_t nargs;
    if (ob_call_split_kwargs(args, kwargs, &stack, &nargs, &kwnames) < 0)
        return NULL;
    return ob_slot_wrapper_call(WD(d), self, stack + 1, nargs - 1, kwnames);
}

static KnObject *wrapper_descr_get(KnObject *d, KnObject *obj, KnObject *type)
{
    if (obj == NULL)
        return d;
    if (wrapper_check_self(WD(d), obj) < 0)
        return NULL;
    KnMethodWrapperObject *mw = (KnMethodWrapperObject *)ob_alloc(&ob_method_wrapper_type, 0);
    if (mw == NULL)
        return NULL;
    mw->descr = WD(d);
    mw->self = obj;
    return (KnObject *)mw;
}

static KnObject *wrapper_descr_repr(KnObject *d)
{
    return ob_str_from_format("<slot wrapper '%s' of '%s' objects>", WD(d)->d_base->name,
                              WD(d)->d_common.d_type->tp_name);
}

static KnObject *wd_get_name(KnObject *d, void *c) { return WD(d)->d_common.d_name; }
static KnObject *wd_get_objclass(KnObject *d, void *c) { return (KnObject *)WD(d)->d_common.d_type; }
static KnObject *wd_get_qualname(KnObject *d, void *c)
{
    return ob_str_from_format("%s.%s", ob_type_name(WD(d)->d_common.d_type), WD(d)->d_base->name);
}
static KnObject *wd_get_doc(KnObject *d, void *c)
{
    return WD(d)->d_base->doc ? ob_str_from_cstr(WD(d)->d_base->doc) : KN_None;
}

static KnGetSetDef wrapper_descr_getset[] = {
    { "__name__", wd_get_name, NULL, NULL, NULL },
    { "__qualname__", wd_get_qualname, NULL, NULL, NULL },
    { "__objclass__", wd_get_objclass, NULL, NULL, NULL },
    { "__doc__", wd_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject ob_wrapper_descr_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(KnWrapperDescrObject),
    .tp_repr = wrapper_descr_repr,
    .tp_call = wrapper_descr_call,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_methods = ob_descr_methods,
    .tp_getset = wrapper_descr_getset,
    .tp_descr_get = wrapper_descr_get,
};

KnObject *ob_descr_new_wrapper(KnTypeObject *t, const struct KnSlotDef *s, void *wrapped)
{
    KnWrapperDescrObject *d = (KnWrapperDescrObject *)ob_alloc(&ob_wrapper_descr_type, 0);
    if (d == NULL)
        return NULL;
    d->d_common.d_type = t;
    d->d_common.d_name = ob_str_intern_cstr(s->name);
    d->d_base = s;
    d->d_wrapped = wrapped;
    return d->d_common.d_name ? (KnObject *)d : NULL;
}

/* ---- method-wrapper ---- */

#define MW(o) ((KnMethodWrapperObject *)(o))

static KnObject *method_wrapper_call(KnObject *m, KnObject *args, KnObject *kwargs)
{
    KnObject **stack, *kwnames;
    kn_ssize_t nargs;
    if (ob_call_split_kwargs(args, kwargs, &stack, &nargs, &kwnames) < 0)
        return NULL;
    return ob_slot_wrapper_call(MW(m)->descr, MW(m)->self, stack, nargs, kwnames);
}

static KnObject *method_wrapper_repr(KnObject *m)
{
    return ob_str_from_format("<method-wrapper '%s' of %s object at %p>", MW(m)->descr->d_base->name,
                              KN_TNAME(MW(m)->self), (void *)MW(m)->self);
}

static KnObject *mw_get_self(KnObject *m, void *c) { return MW(m)->self; }
static KnObject *mw_get_name(KnObject *m, void *c) { return MW(m)->descr->d_common.d_name; }
static KnObject *mw_get_objclass(KnObject *m, void *c) { return (KnObject *)MW(m)->descr->d_common.d_type; }
static KnObject *mw_get_qualname(KnObject *m, void *c) { return wd_get_qualname((KnObject *)MW(m)->descr, c); }
static KnObject *mw_get_doc(KnObject *m, void *c) { return wd_get_doc((KnObject *)MW(m)->descr, c); }

/* getattr(bound object, name), as for any method bound to an object. */
static KnObject *method_wrapper_reduce(KnObject *m, KnObject *unused)
{
    (void)unused;
    return ob_reduce_as_getattr(MW(m)->self, MW(m)->descr->d_common.d_name);
}

static KnMethodDef method_wrapper_methods[] = {
    { "__reduce__", method_wrapper_reduce, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static KnGetSetDef method_wrapper_getset[] = {
    { "__self__", mw_get_self, NULL, NULL, NULL },
    { "__name__", mw_get_name, NULL, NULL, NULL },
    { "__objclass__", mw_get_objclass, NULL, NULL, NULL },
    { "__qualname__", mw_get_qualname, NULL, NULL, NULL },
    { "__doc__", mw_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnObject *method_wrapper_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((op != KN_EQ && op != KN_NE) || KN_TYPE(b) != &ob_method_wrapper_type)
        return KN_NotImplemented;
    int eq = MW(a)->descr == MW(b)->descr && MW(a)->self == MW(b)->self;
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

KnTypeObject ob_method_wrapper_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(KnMethodWrapperObject),
    .tp_repr = method_wrapper_repr,
    .tp_call = method_wrapper_call,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_richcompare = method_wrapper_richcompare,
    .tp_methods = method_wrapper_methods,
    .tp_getset = method_wrapper_getset,
};
