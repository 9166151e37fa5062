/*
 * builtin_iters.c — the lazy iterator classes of builtins: enumerate, zip,
 * map, filter and reversed.  libjit's builtins module exposes the type
 * objects; calling them runs tp_new here.
 *
 * Each keeps only what it needs to produce the next item, and each has
 * the __reduce__ CPython gives it (so copy/pickle of a live iterator
 * resumes where it stopped).
 */
#include "protocols.h"
#include "containers.h"
#include "iter_internal.h"

typedef KnEnumerateIter Enumerate;     /* iter_internal.h (read by libjit) */
typedef KnZipIter Zip;

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *func;
    KnObject *iters;           /* tuple of iterators */
} Map;

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *func;            /* None or bool: the item's own truth */
    KnObject *it;
} Filter;

typedef struct {
    KN_OBJECT_HEAD;
    kn_ssize_t index;          /* next position to read; -1: exhausted */
    KnObject *seq;             /* NULL once exhausted */
} Reversed;

/* A tuple of iter(x) for each of the n objects at args. */
static KnObject *iter_tuple(KnObject *const *args, kn_ssize_t n)
{
    KnObject *t = ob_tuple_new(n);
    if (t == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *it = ob_get_iter(args[i]);
        if (it == NULL)
            return NULL;
        KN_TUPLE_SET(t, i, it);
    }
    return t;
}

/* Calling the exact type with positional arguments only takes the
 * vectorcall fast path (no argument tuple); anything else goes through
 * type.__call__ and tp_new, where the argument errors are produced. */
#define FAST_CALL_OK(type, exact, kwnames) \
    ((KnTypeObject *)(type) == (exact) && ((kwnames) == NULL || KN_SIZE(kwnames) == 0))

/* (type(self), args) or (type(self), args, state) */
static KnObject *reduce_value(KnObject *self, KnObject *args, KnObject *state)
{
    if (args == NULL)
        return NULL;
    if (state == NULL)
        return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), args);
    return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), args, state);
}

#define REDUCE_DEF(fn) \
    {"__reduce__", (KnCFunction)fn, KN_METH_NOARGS, "Return state information for pickling."}
#define SETSTATE_DEF(fn) \
    {"__setstate__", (KnCFunction)fn, KN_METH_O, "Set state information for unpickling."}

#define ITER_TYPE(var, name, ctype, next, new, vcall, methods, doc)   \
    KnTypeObject var = {                                             \
        KN_VAR_HEAD_INIT(&ob_type_type, 0),                          \
        .tp_name = name,                                             \
        .tp_basicsize = sizeof(ctype),                               \
        .tp_getattro = ob_generic_getattr,                           \
        .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,        \
        .tp_doc = doc,                                               \
        .tp_iter = ob_iter_self,                                     \
        .tp_iternext = next,                                         \
        .tp_methods = methods,                                       \
        .tp_new = new,                                               \
        .tp_vectorcall = vcall,                                      \
    }

/* --------------------------------------------------------- enumerate */

static const char *const enumerate_names[] = { "iterable", "start", NULL };
static const KnArgSpec enumerate_spec = { "enumerate", enumerate_names, 1, 2, 0 };

static KnObject *enumerate_make(KnTypeObject *type, KnObject *iterable, KnObject *start_arg)
{
    kn_ssize_t start = 0;
    KnObject *long_start = NULL;
    if (start_arg != NULL) {
        KnObject *s = ob_number_index(start_arg);
        if (s == NULL)
            return NULL;
        int overflow;
        long long v = ob_int_as_long_long_and_overflow(s, &overflow);
        if (overflow || v > (long long)OB_PROTO_SSIZE_MAX || v < (long long)OB_PROTO_SSIZE_MIN)
            long_start = s;
        else
            start = (kn_ssize_t)v;
    }
    KnObject *it = ob_get_iter(iterable);
    if (it == NULL)
        return NULL;
    Enumerate *e = (Enumerate *)type->tp_alloc(type, 0);
    if (e == NULL)
        return NULL;
    e->it = it;
    e->index = start;
    e->long_index = long_start;
    return (KnObject *)e;
}

static KnObject *enumerate_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    KnObject *a[2] = { NULL, NULL };
    if (ob_args_parse_tuple(&enumerate_spec, args, kwargs, a) < 0)
        return NULL;
    return enumerate_make(type, a[0], a[1]);
}

/* Is keyword i named `name`?  If not: CPython's "invalid keyword" error. */
static int enumerate_kw_is(KnObject *kwnames, kn_ssize_t i, const char *name)
{
    KnObject *kw = KN_TUPLE_GET(kwnames, i);
    if (ob_str_equal_cstr(kw, name))
        return 1;
    ob_err_format(ob_exc_TypeError, "'%s' is an invalid keyword argument for enumerate()",
                  ob_str_as_utf8(kw, NULL));
    return 0;
}

/* enumerate(...) itself (not a subclass) takes iterable and start by
 * position or keyword, with the messages of CPython's hand-written fast
 * path (no "(pos 1)"); subclasses go through tp_new's argument parser. */
static KnObject *enumerate_vectorcall(KnObject *type, KnObject *const *args, size_t nargsf,
                                      KnObject *kwnames)
{
    kn_ssize_t n = KN_VECTORCALL_NARGS(nargsf);
    kn_ssize_t nkw = kwnames ? KN_SIZE(kwnames) : 0;
    if ((KnTypeObject *)type != &ob_enumerate_type)
        return ob_call_tp_call_fallback(type, args, nargsf, kwnames);
    if (n + nkw == 2) {
        if (nkw == 1 && !enumerate_kw_is(kwnames, 0, "start"))
            return NULL;
        if (nkw == 2) {
            if (ob_str_equal_cstr(KN_TUPLE_GET(kwnames, 0), "start"))
                return enumerate_kw_is(kwnames, 1, "iterable")
                           ? enumerate_make(&ob_enumerate_type, args[1], args[0]) : NULL;
            if (!enumerate_kw_is(kwnames, 0, "iterable") || !enumerate_kw_is(kwnames, 1, "start"))
                return NULL;
        }
        return enumerate_make(&ob_enumerate_type, args[0], args[1]);
    }
    if (n + nkw == 1) {
        if (nkw == 1 && !enumerate_kw_is(kwnames, 0, "iterable"))
            return NULL;
        return enumerate_make(&ob_enumerate_type, args[0], NULL);
    }
    if (n == 0)
        return ob_err_format(ob_exc_TypeError, "enumerate() missing required argument 'iterable'");
    return ob_err_format(ob_exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                         n + nkw);
}

/* The count for the next item, advancing the counter. */
static KnObject *enumerate_count(Enumerate *e)
{
    if (e->long_index == NULL && e->index != OB_PROTO_SSIZE_MAX)
        return ob_int_from_ssize(e->index++);
    if (e->long_index == NULL && (e->long_index = ob_int_from_ssize(e->index)) == NULL)
        return NULL;
    KnObject *cur = e->long_index;
    KnObject *one = ob_int_from_ssize(1);
    KnObject *nxt = one ? ob_number_add(cur, one) : NULL;
    if (nxt == NULL)
        return NULL;
    e->long_index = nxt;
    return cur;
}

static KnObject *enumerate_next(KnObject *self)
{
    Enumerate *e = (Enumerate *)self;
    KnObject *item = ob_iter_next(e->it);
    if (item == NULL)
        return NULL;
    KnObject *count = enumerate_count(e);
    return count ? ob_tuple_pack(2, count, item) : NULL;
}

static KnObject *enumerate_reduce(KnObject *self, KnObject *unused)
{
    Enumerate *e = (Enumerate *)self;
    KnObject *count = e->long_index ? e->long_index : ob_int_from_ssize(e->index);
    if (count == NULL)
        return NULL;
    return reduce_value(self, ob_tuple_pack(2, e->it, count), NULL);
}

static KnMethodDef enumerate_methods[] = {
    REDUCE_DEF(enumerate_reduce),
    KN_CONT_CLASS_GETITEM_METHOD
    {NULL, NULL, 0, NULL}
};

ITER_TYPE(ob_enumerate_type, "enumerate", Enumerate, enumerate_next, enumerate_new,
          enumerate_vectorcall, enumerate_methods,
          "enumerate(iterable, start=0)\n--\n\n"
          "Yield (count, item) pairs: count runs from start (default 0) and item\n"
          "comes from iterable.  enumerate(s) gives (0, s[0]), (1, s[1]), ...");

/* --------------------------------------------------------------- zip */

static KnObject *zip_make(KnTypeObject *type, KnObject *const *args, kn_ssize_t n, int strict)
{
    KnObject *iters = iter_tuple(args, n);
    if (iters == NULL)
        return NULL;
    Zip *z = (Zip *)type->tp_alloc(type, 0);
    if (z == NULL)
        return NULL;
    z->iters = iters;
    z->strict = strict;
    return (KnObject *)z;
}

static KnObject *zip_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    int strict = 0;
    if (kwargs != NULL) {
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(kwargs, &pos, &k, &v)) {
            if (!KN_STR_CHECK(k))
                return ob_err_format(ob_exc_TypeError, "keywords must be strings");
            if (!ob_str_equal_cstr(k, "strict"))
                return ob_err_format(ob_exc_TypeError,
                                     "'%U' is an invalid keyword argument for zip()", k);
            if ((strict = ob_is_true(v)) < 0)
                return NULL;
        }
    }
    return zip_make(type, KN_TUPLE_ITEMS(args), KN_SIZE(args), strict);
}

static KnObject *zip_vectorcall(KnObject *type, KnObject *const *args, size_t nargsf,
                                KnObject *kwnames)
{
    if (!FAST_CALL_OK(type, &ob_zip_type, kwnames))
        return ob_call_tp_call_fallback(type, args, nargsf, kwnames);
    return zip_make(&ob_zip_type, args, KN_VECTORCALL_NARGS(nargsf), 0);
}

/* "argument 1" / "arguments 1-3": the ones before position i (0-based). */
static KnObject *zip_length_error(kn_ssize_t i, const char *how)
{
    return ob_err_format(ob_exc_ValueError, "zip() argument %zd is %s than argument%s%zd",
                         i + 1, how, i == 1 ? " " : "s 1-", i);
}

/* strict=True and iterator i ran out: every other iterator must be done
 * at the same step. */
static KnObject *zip_strict_end(Zip *z, kn_ssize_t i)
{
    if (ob_err_occurred())
        return NULL;
    if (i > 0)
        return zip_length_error(i, "shorter");
    for (kn_ssize_t j = 1; j < KN_SIZE(z->iters); j++) {
        KnObject *x = ob_iter_next(KN_TUPLE_GET(z->iters, j));
        if (x != NULL)
            return zip_length_error(j, "longer");
        if (ob_err_occurred())
            return NULL;
    }
    return NULL;
}

static KnObject *zip_next(KnObject *self)
{
    Zip *z = (Zip *)self;
    kn_ssize_t n = KN_SIZE(z->iters);
    if (n == 0)
        return NULL;
    KnObject *r = ob_tuple_new(n);
    if (r == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *x = ob_iter_next(KN_TUPLE_GET(z->iters, i));
        if (x == NULL)
            return z->strict ? zip_strict_end(z, i) : NULL;
        KN_TUPLE_SET(r, i, x);
    }
    return r;
}

static KnObject *zip_reduce(KnObject *self, KnObject *unused)
{
    Zip *z = (Zip *)self;
    return reduce_value(self, z->iters, z->strict ? ob_tuple_pack(1, KN_True) : NULL);
}

static KnObject *zip_setstate(KnObject *self, KnObject *state)
{
    int s = ob_is_true(state);
    if (s < 0)
        return NULL;
    ((Zip *)self)->strict = s;
    return KN_None;
}

static KnMethodDef zip_methods[] = {
    REDUCE_DEF(zip_reduce),
    SETSTATE_DEF(zip_setstate),
    {NULL, NULL, 0, NULL}
};

ITER_TYPE(ob_zip_type, "zip", Zip, zip_next, zip_new, zip_vectorcall, zip_methods,
          "zip(*iterables, strict=False)\n--\n\n"
          "Yield tuples holding the i-th item of every iterable, until the\n"
          "shortest one is exhausted.  With strict=True a length mismatch\n"
          "raises ValueError instead.");

/* --------------------------------------------------------------- map */

static KnObject *map_make(KnTypeObject *type, KnObject *const *args, kn_ssize_t n)
{
    if (n < 2)
        return ob_err_format(ob_exc_TypeError, "map() must have at least two arguments.");
    KnObject *iters = iter_tuple(args + 1, n - 1);
    if (iters == NULL)
        return NULL;
    Map *m = (Map *)type->tp_alloc(type, 0);
    if (m == NULL)
        return NULL;
    m->func = args[0];
    m->iters = iters;
    return (KnObject *)m;
}

static KnObject *map_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    if (ob_args_new_no_kwargs(type, &ob_map_type, "map", kwargs) < 0)
        return NULL;
    return map_make(type, KN_TUPLE_ITEMS(args), KN_SIZE(args));
}

static KnObject *map_vectorcall(KnObject *type, KnObject *const *args, size_t nargsf,
                                KnObject *kwnames)
{
    if (!FAST_CALL_OK(type, &ob_map_type, kwnames))
        return ob_call_tp_call_fallback(type, args, nargsf, kwnames);
    return map_make(&ob_map_type, args, KN_VECTORCALL_NARGS(nargsf));
}

static KnObject *map_next(KnObject *self)
{
    Map *m = (Map *)self;
    kn_ssize_t n = KN_SIZE(m->iters);
    KnObject *small[8];
    KnObject **argv = small;
    if (n > 8 && (argv = kgc_alloc(sizeof(KnObject *) * (size_t)n)) == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < n; i++)
        if ((argv[i] = ob_iter_next(KN_TUPLE_GET(m->iters, i))) == NULL)
            return NULL;
    return ob_vectorcall(m->func, argv, (size_t)n, NULL);
}

static KnObject *map_reduce(KnObject *self, KnObject *unused)
{
    Map *m = (Map *)self;
    kn_ssize_t n = KN_SIZE(m->iters);
    KnObject *args = ob_tuple_new(n + 1);
    if (args == NULL)
        return NULL;
    KN_TUPLE_SET(args, 0, m->func);
    for (kn_ssize_t i = 0; i < n; i++)
        KN_TUPLE_SET(args, i + 1, KN_TUPLE_GET(m->iters, i));
    return reduce_value(self, args, NULL);
}

static KnMethodDef map_methods[] = {
    REDUCE_DEF(map_reduce),
    {NULL, NULL, 0, NULL}
};

ITER_TYPE(ob_map_type, "map", Map, map_next, map_new, map_vectorcall, map_methods,
          "map(func, *iterables) --> map object\n\n"
          "Yield func applied to the items of the iterables taken in step (one\n"
          "argument per iterable), until the shortest iterable is exhausted.");

/* ------------------------------------------------------------ filter */

static KnObject *filter_make(KnTypeObject *type, KnObject *func, KnObject *iterable)
{
    KnObject *it = ob_get_iter(iterable);
    if (it == NULL)
        return NULL;
    Filter *f = (Filter *)type->tp_alloc(type, 0);
    if (f == NULL)
        return NULL;
    f->func = func;
    f->it = it;
    return (KnObject *)f;
}

static KnObject *filter_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    if (ob_args_new_no_kwargs(type, &ob_filter_type, "filter", kwargs) < 0)
        return NULL;
    if (ob_args_check_positional("filter", KN_SIZE(args), 2, 2) < 0)
        return NULL;
    return filter_make(type, KN_TUPLE_GET(args, 0), KN_TUPLE_GET(args, 1));
}

static KnObject *filter_vectorcall(KnObject *type, KnObject *const *args, size_t nargsf,
                                   KnObject *kwnames)
{
    if (!FAST_CALL_OK(type, &ob_filter_type, kwnames) || KN_VECTORCALL_NARGS(nargsf) != 2)
        return ob_call_tp_call_fallback(type, args, nargsf, kwnames);
    return filter_make(&ob_filter_type, args[0], args[1]);
}

static KnObject *filter_next(KnObject *self)
{
    Filter *f = (Filter *)self;
    int plain = f->func == KN_None || f->func == (KnObject *)&ob_bool_type;
    for (;;) {
        KnObject *item = ob_iter_next(f->it);
        if (item == NULL)
            return NULL;
        KnObject *verdict = plain ? item : ob_call_onearg(f->func, item);
        if (verdict == NULL)
            return NULL;
        int ok = ob_is_true(verdict);
        if (ok > 0)
            return item;
        if (ok < 0)
            return NULL;
    }
}

static KnObject *filter_reduce(KnObject *self, KnObject *unused)
{
    Filter *f = (Filter *)self;
    return reduce_value(self, ob_tuple_pack(2, f->func, f->it), NULL);
}

static KnMethodDef filter_methods[] = {
    REDUCE_DEF(filter_reduce),
    {NULL, NULL, 0, NULL}
};

ITER_TYPE(ob_filter_type, "filter", Filter, filter_next, filter_new, filter_vectorcall,
          filter_methods,
          "filter(function or None, iterable) --> filter object\n\n"
          "Yield the items of iterable for which function(item) is true; with\n"
          "None, the items that are true themselves.");

/* ---------------------------------------------------------- reversed */

static KnObject *reversed_make(KnTypeObject *type, KnObject *seq)
{
    KnObject *meth = ob_lookup_special(seq, KN_ID(__reversed__));
    if (meth == KN_None)
        return ob_err_format(ob_exc_TypeError, "'%s' object is not reversible", KN_TNAME(seq));
    if (meth != NULL)
        return ob_call_noargs(meth);
    if (ob_err_occurred())
        return NULL;
    if (!ob_sequence_check(seq))
        return ob_err_format(ob_exc_TypeError, "'%s' object is not reversible", KN_TNAME(seq));
    kn_ssize_t n = ob_length(seq);
    if (n < 0)
        return NULL;
    Reversed *r = (Reversed *)type->tp_alloc(type, 0);
    if (r == NULL)
        return NULL;
    r->index = n - 1;
    r->seq = seq;
    return (KnObject *)r;
}

static KnObject *reversed_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    if (ob_args_new_no_kwargs(type, &ob_reversed_type, "reversed", kwargs) < 0)
        return NULL;
    if (ob_args_check_positional("reversed", KN_SIZE(args), 1, 1) < 0)
        return NULL;
    return reversed_make(type, KN_TUPLE_GET(args, 0));
}

static KnObject *reversed_vectorcall(KnObject *type, KnObject *const *args, size_t nargsf,
                                     KnObject *kwnames)
{
    if (!FAST_CALL_OK(type, &ob_reversed_type, kwnames) || KN_VECTORCALL_NARGS(nargsf) != 1)
        return ob_call_tp_call_fallback(type, args, nargsf, kwnames);
    return reversed_make(&ob_reversed_type, args[0]);
}

static KnObject *reversed_next(KnObject *self)
{
    Reversed *r = (Reversed *)self;
    if (r->seq != NULL && r->index >= 0) {
        KnObject *item = ob_sequence_getitem(r->seq, r->index);
        if (item != NULL) {
            r->index--;
            return item;
        }
        if (!ob_err_matches((KnObject *)ob_exc_IndexError) &&
            !ob_err_matches((KnObject *)ob_exc_StopIteration))
            return NULL;
        ob_err_clear();
    }
    r->index = -1;
    r->seq = NULL;
    return NULL;
}

static KnObject *reversed_length_hint(KnObject *self, KnObject *unused)
{
    Reversed *r = (Reversed *)self;
    if (r->seq == NULL)
        return ob_int_from_ssize(0);
    kn_ssize_t n = ob_length(r->seq);
    if (n < 0)
        return NULL;
    kn_ssize_t left = r->index + 1;
    return ob_int_from_ssize(n < left ? 0 : left);
}

static KnObject *reversed_reduce(KnObject *self, KnObject *unused)
{
    Reversed *r = (Reversed *)self;
    if (r->seq == NULL)
        return reduce_value(self, ob_tuple_pack(1, ob_tuple_empty()), NULL);
    KnObject *index = ob_int_from_ssize(r->index);
    if (index == NULL)
        return NULL;
    return reduce_value(self, ob_tuple_pack(1, r->seq), index);
}

static KnObject *reversed_setstate(KnObject *self, KnObject *state)
{
    Reversed *r = (Reversed *)self;
    kn_ssize_t i = ob_number_as_ssize(state, NULL);
    if (i == -1 && ob_err_occurred())
        return NULL;
    if (r->seq != NULL) {
        kn_ssize_t n = ob_length(r->seq);
        if (n < 0)
            return NULL;
        r->index = i < -1 ? -1 : i > n - 1 ? n - 1 : i;
    }
    return KN_None;
}

static KnMethodDef reversed_methods[] = {
    {"__length_hint__", (KnCFunction)reversed_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    REDUCE_DEF(reversed_reduce),
    SETSTATE_DEF(reversed_setstate),
    {NULL, NULL, 0, NULL}
};

ITER_TYPE(ob_reversed_type, "reversed", Reversed, reversed_next, reversed_new,
          reversed_vectorcall, reversed_methods,
          "reversed(sequence, /)\n--\n\n"
          "Yield the items of a sequence from the last to the first.");
