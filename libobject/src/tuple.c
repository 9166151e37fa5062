/*
 * tuple.c — the tuple type and its iterator.
 *
 * Layout is CPython's PyTupleObject: items inline after ob_size, so
 * tp_basicsize excludes the one-element ob_item[1] placeholder.  The empty
 * tuple is a static singleton: every way of making () returns it (programs
 * test `() is ()`).  Tuples are immutable once handed out; ob_tuple_new's
 * NULL items are filled by the creator before anyone else sees the tuple.
 */
#include "containers.h"
#include "ob_alloc.h"
#include "dict_internal.h"     /* ob_key_hash_fast, ob_key_quick_eq */

#define TUPLE_BASICSIZE (sizeof(KnTupleObject) - sizeof(KnObject *))

/* The () singleton: statically allocated, ob_size 0. */
static KnTupleObject tuple_empty = {
    KN_VAR_HEAD_INIT(&ob_tuple_type, 0), {NULL}
};

KnObject *ob_tuple_empty(void)
{
    return (KnObject *)&tuple_empty;
}

KnObject *ob_tuple_new(kn_ssize_t n)
{
    if (n < 0) {
        ob_err_bad_internal_call();
        return NULL;
    }
    if (n == 0)
        return ob_tuple_empty();
    if ((size_t)n > ((size_t)KN_SSIZE_MAX - TUPLE_BASICSIZE) / sizeof(KnObject *))
        return ob_err_nomemory();
    return ob_alloc_exact_var(&ob_tuple_type,
                              TUPLE_BASICSIZE + (size_t)n * sizeof(KnObject *), n);
}

KnObject *ob_tuple_from_array(KnObject *const *items, kn_ssize_t n)
{
    KnObject *t = ob_tuple_new(n);
    if (t == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++)
        KN_TUPLE_SET(t, i, items[i]);
    return t;
}

KnObject *ob_tuple_pack(kn_ssize_t n, ...)
{
    KnObject *t = ob_tuple_new(n);
    if (t == NULL)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (kn_ssize_t i = 0; i < n; i++)
        KN_TUPLE_SET(t, i, va_arg(ap, KnObject *));
    va_end(ap);
    return t;
}

/* ---- hashing: CPython 3.11's xxHash-derived combination ---- */

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

kn_hash_t ob_tuple_hash_items(KnObject *const *items, kn_ssize_t n)
{
    uint64_t acc = XXPRIME_5;
    for (kn_ssize_t i = 0; i < n; i++) {
        kn_hash_t lane = ob_key_hash_fast(items[i]);     /* == ob_hash */
        if (lane == -1)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    /* the length is mixed in so (), ((),), (((),),) differ */
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (kn_hash_t)acc;
}

static kn_hash_t tuple_hash(KnObject *self)
{
    return ob_tuple_hash_items(KN_TUPLE_ITEMS(self), KN_SIZE(self));
}

/* ---- repr ---- */

static KnObject *tuple_repr_get(KnObject *seq, kn_ssize_t i)
{
    return i < KN_SIZE(seq) ? KN_TUPLE_GET(seq, i) : NULL;
}

static KnObject *tuple_repr(KnObject *self)
{
    if (KN_SIZE(self) == 0)
        return ob_str_from_cstr("()");
    /* a tuple can only recur through a mutable element */
    int r = ob_repr_enter(self);
    if (r != 0)
        return r > 0 ? ob_str_from_cstr("(...)") : NULL;
    KnObject *res = ob_cont_repr_items(self, tuple_repr_get, "(", ")", 1);
    ob_repr_leave(self);
    return res;
}

/* ---- sequence protocol ---- */

static kn_ssize_t tuple_length(KnObject *self)
{
    return KN_SIZE(self);
}

static KnObject *tuple_item(KnObject *self, kn_ssize_t i)
{
    if (i < 0 || i >= KN_SIZE(self)) {
        ob_err_set_string(ob_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return KN_TUPLE_GET(self, i);
}

static int tuple_contains(KnObject *self, KnObject *x)
{
    for (kn_ssize_t i = 0; i < KN_SIZE(self); i++) {
        int r = ob_richcompare_bool(KN_TUPLE_GET(self, i), x, KN_EQ);
        if (r != 0)
            return r;
    }
    return 0;
}

static KnObject *tuple_slice(KnObject *self, kn_ssize_t lo, kn_ssize_t hi)
{
    if (lo < 0)
        lo = 0;
    if (hi > KN_SIZE(self))
        hi = KN_SIZE(self);
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == KN_SIZE(self) && KN_TUPLE_CHECK_EXACT(self))
        return self;
    return ob_tuple_from_array(KN_TUPLE_ITEMS(self) + lo, hi - lo);
}

/* self[start:stop:step] from unpacked (not yet adjusted) bounds, step != 0
 * (tuple_subscript once the slice is read; libjit's fused BUILD_SLICE
 * forms call it directly).  A full slice of an exact tuple is the tuple. */
KnObject *ob_tuple_get_slice(KnObject *self, kn_ssize_t start, kn_ssize_t stop,
                             kn_ssize_t step)
{
    kn_ssize_t n = ob_slice_adjust_indices(KN_SIZE(self), &start, &stop, step);
    if (step == 1)
        return tuple_slice(self, start, start + n);
    KnObject *res = ob_tuple_new(n);
    if (res == NULL)
        return NULL;
    for (kn_ssize_t k = 0, cur = start; k < n; k++, cur += step)
        KN_TUPLE_SET(res, k, KN_TUPLE_GET(self, cur));
    return res;
}

static KnObject *tuple_subscript(KnObject *self, KnObject *key)
{
    if (ob_index_check(key)) {
        kn_ssize_t i = ob_cont_as_index(key);
        if (i == -1 && ob_err_occurred())
            return NULL;
        if (i < 0)
            i += KN_SIZE(self);
        return tuple_item(self, i);
    }
    if (KN_SLICE_CHECK(key)) {
        kn_ssize_t start, stop, step;
        if (ob_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        return ob_tuple_get_slice(self, start, stop, step);
    }
    return ob_err_format(ob_exc_TypeError,
                         "tuple indices must be integers or slices, not %.200s",
                         ob_type_name(KN_TYPE(key)));
}

static KnObject *tuple_concat(KnObject *a, KnObject *b)
{
    if (!KN_TUPLE_CHECK(b))
        return ob_err_format(ob_exc_TypeError,
                             "can only concatenate tuple (not \"%.200s\") to tuple",
                             ob_type_name(KN_TYPE(b)));
    if (KN_SIZE(b) == 0 && KN_TUPLE_CHECK_EXACT(a))
        return a;
    if (KN_SIZE(a) == 0 && KN_TUPLE_CHECK_EXACT(b))
        return b;
    kn_ssize_t na = KN_SIZE(a), nb = KN_SIZE(b);
    if (na > KN_SSIZE_MAX - nb)
        return ob_err_nomemory();
    KnObject *res = ob_tuple_new(na + nb);
    if (res == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < na; i++)
        KN_TUPLE_SET(res, i, KN_TUPLE_GET(a, i));
    for (kn_ssize_t i = 0; i < nb; i++)
        KN_TUPLE_SET(res, na + i, KN_TUPLE_GET(b, i));
    return res;
}

static KnObject *tuple_repeat(KnObject *self, kn_ssize_t n)
{
    kn_ssize_t len = KN_SIZE(self);
    if (len == 0 || n == 1) {
        if (KN_TUPLE_CHECK_EXACT(self))
            return self;
    }
    if (len == 0 || n <= 0)
        return ob_tuple_empty();
    if (len > KN_SSIZE_MAX / n)
        return ob_err_nomemory();
    KnObject *res = ob_tuple_new(len * n);
    if (res == NULL)
        return NULL;
    KnObject **dst = KN_TUPLE_ITEMS(res);
    for (kn_ssize_t r = 0; r < n; r++)
        for (kn_ssize_t i = 0; i < len; i++)
            *dst++ = KN_TUPLE_GET(self, i);
    return res;
}

/* ---- comparison: lexicographic, the first unequal pair decides ---- */

static KnObject *cmp_sizes(kn_ssize_t a, kn_ssize_t b, int op)
{
    int r;
    switch (op) {
    case KN_LT: r = a < b; break;
    case KN_LE: r = a <= b; break;
    case KN_EQ: r = a == b; break;
    case KN_NE: r = a != b; break;
    case KN_GT: r = a > b; break;
    default: r = a >= b; break;
    }
    return KN_BOOL(r);
}

static KnObject *tuple_richcompare(KnObject *v, KnObject *w, int op)
{
    if (!KN_TUPLE_CHECK(v) || !KN_TUPLE_CHECK(w))
        return KN_NotImplemented;
    kn_ssize_t vlen = KN_SIZE(v), wlen = KN_SIZE(w), i;
    for (i = 0; i < vlen && i < wlen; i++) {
        /* identity is equality (as ob_richcompare_bool); two exact strs
         * or ints are compared in C, everything else through __eq__ */
        KnObject *a = KN_TUPLE_GET(v, i), *b = KN_TUPLE_GET(w, i);
        if (a == b)
            continue;
        int k = ob_key_quick_eq(a, b);
        if (k < 0)
            k = ob_richcompare_bool(a, b, KN_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        return cmp_sizes(vlen, wlen, op);
    if (op == KN_EQ)
        return KN_False;
    if (op == KN_NE)
        return KN_True;
    return ob_richcompare(KN_TUPLE_GET(v, i), KN_TUPLE_GET(w, i), op);
}

/* ---- methods ---- */

static KnObject *tuple_index(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    kn_ssize_t start = 0, stop = KN_SSIZE_MAX;
    if (nargs >= 2 && ob_cont_index_bound(args[1], &start) < 0)
        return NULL;
    if (nargs >= 3 && ob_cont_index_bound(args[2], &stop) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(self);
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += n;
    else if (stop > n)
        stop = n;
    for (kn_ssize_t i = start; i < stop; i++) {
        int r = ob_richcompare_bool(KN_TUPLE_GET(self, i), args[0], KN_EQ);
        if (r < 0)
            return NULL;
        if (r)
            return ob_int_from_ssize(i);
    }
    ob_err_set_string(ob_exc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static KnObject *tuple_count(KnObject *self, KnObject *value)
{
    kn_ssize_t count = 0;
    for (kn_ssize_t i = 0; i < KN_SIZE(self); i++) {
        int r = ob_richcompare_bool(KN_TUPLE_GET(self, i), value, KN_EQ);
        if (r < 0)
            return NULL;
        count += r;
    }
    return ob_int_from_ssize(count);
}

static KnObject *tuple_getnewargs(KnObject *self, KnObject *unused)
{
    KnObject *copy = tuple_slice(self, 0, KN_SIZE(self));
    if (copy == NULL)
        return NULL;
    return ob_tuple_pack(1, copy);
}

/* tuple(iterable=()): exact tuples are returned as they are; a subclass
 * gets a fresh instance holding the items. */
static KnObject *tuple_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    if (type == &ob_tuple_type && ob_args_no_kwargs_dict("tuple", kwargs) < 0)
        return NULL;
    kn_ssize_t nargs = KN_SIZE(args);
    if (ob_args_check_positional("tuple", nargs, 0, 1) < 0)
        return NULL;
    KnObject *items = nargs ? ob_sequence_tuple(KN_TUPLE_GET(args, 0)) : ob_tuple_empty();
    if (items == NULL || type == &ob_tuple_type)
        return items;
    kn_ssize_t n = KN_SIZE(items);
    KnObject *res = type->tp_alloc ? type->tp_alloc(type, n) : ob_alloc(type, n);
    if (res == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++)
        KN_TUPLE_SET(res, i, KN_TUPLE_GET(items, i));
    return res;
}

static KnObject *tuple_iter(KnObject *self);

static KnMethodDef tuple_methods[] = {
    {"__getnewargs__", (KnCFunction)tuple_getnewargs, KN_METH_NOARGS, NULL},
    {"index", (KnCFunction)(void (*)(void))tuple_index, KN_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (KnCFunction)tuple_count, KN_METH_O,
     "Return number of occurrences of value."},
    KN_CONT_CLASS_GETITEM_METHOD
    {NULL, NULL, 0, NULL}
};

static KnSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static KnMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

KnTypeObject ob_tuple_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "tuple",
    .tp_basicsize = TUPLE_BASICSIZE,
    .tp_itemsize = sizeof(KnObject *),
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_TUPLE_SUBCLASS |
                KN_TPFLAGS_SEQUENCE | KN_TPFLAGS_MATCH_SELF,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_new = tuple_tp_new,
};

/* ---- tuple_iterator ---- */

typedef KnIndexIter TupleIter;    /* seq NULL once exhausted */

static KnObject *tuple_iter(KnObject *self)
{
    TupleIter *it = (TupleIter *)ob_alloc(&ob_tuple_iter_type, 0);
    if (it == NULL)
        return NULL;
    it->seq = self;
    return (KnObject *)it;
}

static KnObject *tupleiter_next(KnObject *self)
{
    TupleIter *it = (TupleIter *)self;
    if (it->seq == NULL)
        return NULL;
    if (it->index < KN_SIZE(it->seq))
        return KN_TUPLE_GET(it->seq, it->index++);
    it->seq = NULL;
    return NULL;
}

static KnObject *tupleiter_length_hint(KnObject *self, KnObject *unused)
{
    TupleIter *it = (TupleIter *)self;
    kn_ssize_t n = it->seq ? KN_SIZE(it->seq) - it->index : 0;
    return ob_int_from_ssize(n < 0 ? 0 : n);
}

static KnMethodDef tupleiter_methods[] = {
    {"__length_hint__", (KnCFunction)tupleiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    KN_ITER_PICKLE_METHODS(ob_cont_iter_reduce, ob_cont_iter_setstate)
    {NULL, NULL, 0, NULL}
};

KnTypeObject ob_tuple_iter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ob_iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};
