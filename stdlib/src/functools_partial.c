/*
 * functools_partial.c — functools.partial: a callable holding a function
 * and leading positional / keyword arguments.  partial(partial(f, a), b)
 * is flattened to partial(f, a, b) when both are exactly partial and the
 * inner one has no instance __dict__, as CPython does.
 */
#include "functools_internal.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *fn, *args, *kw;   /* callable, tuple, dict */
    KnObject *dict, *weakreflist;
    vectorcallfunc vectorcall;
} PartialObj;

#define P(o) ((PartialObj *)(o))

KnObject *ft_dict_get(KnObject **slot)
{
    if (*slot == NULL && (*slot = ob_dict_new()) == NULL)
        return NULL;
    return *slot;
}

int ft_dict_set(KnObject **slot, KnObject *value)
{
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!KN_DICT_CHECK(value)) {
        ob_err_format(ob_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      ob_type_name(KN_TYPE(value)));
        return -1;
    }
    *slot = value;
    return 0;
}

static KnObject *partial_vectorcall(KnObject *self, KnObject *const *args, size_t nargsf,
                                    KnObject *kwnames);
static KnObject *partial_call(KnObject *self, KnObject *args, KnObject *kwargs);

static KnObject *partial_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (KN_SIZE(args) < 1)
        return ob_err_format(ob_exc_TypeError, "type 'partial' takes at least one argument");
    KnObject *fn = KN_TUPLE_GET(args, 0);
    KnObject *pargs = ob_tuple_empty(), *pkw = NULL;
    /* flatten any partial whose call is ours (subclasses too) and that has
     * no instance attributes */
    if (KN_TYPE(fn)->tp_call == partial_call && P(fn)->dict == NULL) {
        pargs = P(fn)->args;
        pkw = P(fn)->kw;
        fn = P(fn)->fn;
    }
    if (!ob_callable_check(fn))
        return ob_err_format(ob_exc_TypeError, "the first argument must be callable");
    kn_ssize_t na = KN_SIZE(pargs), nb = KN_SIZE(args) - 1;
    KnObject *all = ob_tuple_new(na + nb);
    if (all == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < na; i++)
        KN_TUPLE_SET(all, i, KN_TUPLE_GET(pargs, i));
    for (kn_ssize_t i = 0; i < nb; i++)
        KN_TUPLE_SET(all, na + i, KN_TUPLE_GET(args, i + 1));
    KnObject *kw = pkw ? ob_dict_copy(pkw) : ob_dict_new();
    if (kw == NULL || (kwargs != NULL && ob_dict_update(kw, kwargs) < 0))
        return NULL;
    PartialObj *p = (PartialObj *)ob_type_generic_alloc(t, 0);
    if (p == NULL)
        return NULL;
    p->fn = fn;
    p->args = all;
    p->kw = kw;
    p->vectorcall = partial_vectorcall;
    return (KnObject *)p;
}

/* fn(*self.args, *args, **{**self.kw, **kwnames}) */
static KnObject *partial_vectorcall(KnObject *self, KnObject *const *args, size_t nargsf,
                                    KnObject *kwnames)
{
    PartialObj *p = P(self);
    kn_ssize_t n = KN_VECTORCALL_NARGS(nargsf), na = KN_SIZE(p->args);
    kn_ssize_t nk = kwnames ? KN_SIZE(kwnames) : 0;
    if (ob_dict_size(p->kw) == 0) {
        KnObject **buf = kgc_alloc((size_t)(na + n + nk + 1) * sizeof(KnObject *));
        if (buf == NULL)
            return ob_err_nomemory();
        for (kn_ssize_t i = 0; i < na; i++)
            buf[i] = KN_TUPLE_GET(p->args, i);
        for (kn_ssize_t i = 0; i < n + nk; i++)
            buf[na + i] = args[i];
        return ob_vectorcall(p->fn, buf, (size_t)(na + n), kwnames);
    }
    KnObject *kw = ob_dict_copy(p->kw);
    if (kw == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < nk; i++)
        if (ob_dict_setitem(kw, KN_TUPLE_GET(kwnames, i), args[n + i]) < 0)
            return NULL;
    KnObject **buf = kgc_alloc((size_t)(na + n + 1) * sizeof(KnObject *));
    if (buf == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < na; i++)
        buf[i] = KN_TUPLE_GET(p->args, i);
    for (kn_ssize_t i = 0; i < n; i++)
        buf[na + i] = args[i];
    return ob_vectorcall_dict(p->fn, buf, (size_t)(na + n), kw);
}

static KnObject *partial_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    PartialObj *p = P(self);
    KnObject *all = ob_tuple_new(KN_SIZE(p->args) + KN_SIZE(args));
    if (all == NULL)
        return NULL;
    kn_ssize_t na = KN_SIZE(p->args);
    for (kn_ssize_t i = 0; i < na; i++)
        KN_TUPLE_SET(all, i, KN_TUPLE_GET(p->args, i));
    for (kn_ssize_t i = 0; i < KN_SIZE(args); i++)
        KN_TUPLE_SET(all, na + i, KN_TUPLE_GET(args, i));
    KnObject *kw = p->kw;
    if (kwargs != NULL && ob_dict_size(kwargs) > 0) {
        if ((kw = ob_dict_copy(p->kw)) == NULL || ob_dict_update(kw, kwargs) < 0)
            return NULL;
    }
    return ob_call(p->fn, all, kw);
}

KnObject *ft_call_repr(KnObject *self, const char *recursive, KnObject *first, KnObject *args,
                       KnObject *kw)
{
    int rec = ob_repr_enter(self);
    if (rec < 0)
        return NULL;
    if (rec > 0)
        return ob_str_from_cstr(recursive);
    KnObject *parts = ob_list_new(0), *r = NULL, *s = ob_repr(first);
    if (parts == NULL || s == NULL || ob_list_append(parts, s) < 0)
        goto done;
    for (kn_ssize_t i = 0; i < KN_SIZE(args); i++)
        if ((s = ob_repr(KN_TUPLE_GET(args, i))) == NULL || ob_list_append(parts, s) < 0)
            goto done;
    kn_ssize_t pos = 0;
    KnObject *k, *v;
    while (ob_dict_next(kw, &pos, &k, &v))
        if ((s = ob_str_from_format("%S=%R", k, v)) == NULL || ob_list_append(parts, s) < 0)
            goto done;
    KnObject *joined = ob_str_join(ob_str_from_cstr(", "), parts);
    if (joined != NULL)
        r = ob_str_from_format("%s(%U)", KN_TYPE(self)->tp_name, joined);
done:
    ob_repr_leave(self);
    return r;
}

static KnObject *partial_repr(KnObject *self)
{
    return ft_call_repr(self, "...", P(self)->fn, P(self)->args, P(self)->kw);
}

static KnObject *partial_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    PartialObj *p = P(self);
    return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), ob_tuple_pack(1, p->fn),
                         ob_tuple_pack(4, p->fn, p->args, p->kw, p->dict ? p->dict : KN_None));
}

static KnObject *partial_setstate(KnObject *self, KnObject *state)
{
    PartialObj *p = P(self);
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 4)
        return ob_err_format(ob_exc_TypeError, "invalid partial state");
    KnObject *fn = KN_TUPLE_GET(state, 0), *fnargs = KN_TUPLE_GET(state, 1),
             *kw = KN_TUPLE_GET(state, 2), *dict = KN_TUPLE_GET(state, 3);
    if (!ob_callable_check(fn) || !KN_TUPLE_CHECK(fnargs) || (kw != KN_None && !KN_DICT_CHECK(kw)))
        return ob_err_format(ob_exc_TypeError, "invalid partial state");
    if (!KN_TUPLE_CHECK_EXACT(fnargs) && (fnargs = ob_sequence_tuple(fnargs)) == NULL)
        return NULL;
    if (kw == KN_None)
        kw = ob_dict_new();
    else if (!KN_DICT_CHECK_EXACT(kw))
        kw = ob_dict_copy(kw);
    if (kw == NULL)
        return NULL;
    p->fn = fn;
    p->args = fnargs;
    p->kw = kw;
    p->dict = dict == KN_None ? NULL : dict;
    return KN_None;
}

static KnObject *partial_dict_get(KnObject *self, void *closure)
{
    (void)closure;
    return ft_dict_get(&P(self)->dict);
}

static int partial_dict_set(KnObject *self, KnObject *value, void *closure)
{
    (void)closure;
    return ft_dict_set(&P(self)->dict, value);
}

static KnMethodDef partial_methods[] = {
    {"__reduce__", FT_FC(partial_reduce), KN_METH_NOARGS, NULL},
    {"__setstate__", FT_FC(partial_setstate), KN_METH_O, NULL},
    {NULL, NULL, 0, NULL},   /* __class_getitem__, filled in at start-up */
    {NULL, NULL, 0, NULL}
};
KnMethodDef *ft_partial_methods = partial_methods;

static KnMemberDef partial_members[] = {
    {"func", KN_T_OBJECT, offsetof(PartialObj, fn), KN_READONLY,
     "function object to use in future partial calls"},
    {"args", KN_T_OBJECT, offsetof(PartialObj, args), KN_READONLY,
     "tuple of arguments to future partial calls"},
    {"keywords", KN_T_OBJECT, offsetof(PartialObj, kw), KN_READONLY,
     "dictionary of keyword arguments to future partial calls"},
    {"__vectorcalloffset__", KN_T_PYSSIZET, offsetof(PartialObj, vectorcall), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static KnGetSetDef partial_getset[] = {
    {"__dict__", partial_dict_get, partial_dict_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject ft_partial_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(PartialObj),
    .tp_vectorcall_offset = offsetof(PartialObj, vectorcall),
    .tp_repr = partial_repr,
    .tp_call = partial_call,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "partial(func, *args, **keywords) - new function with partial application\n"
              "    of the given arguments and keywords.\n",
    .tp_weaklistoffset = offsetof(PartialObj, weakreflist),
    .tp_methods = partial_methods,
    .tp_members = partial_members,
    .tp_getset = partial_getset,
    .tp_dictoffset = offsetof(PartialObj, dict),
    .tp_new = partial_new,
};
