/*
 * itertools_comb.c — the combinatoric iterators: product, permutations,
 * combinations, combinations_with_replacement.
 *
 * Each keeps its pool(s) as tuples and an array of indices into them; the
 * first call yields the initial selection, later calls advance the indices
 * as the pure-Python equivalents in the itertools documentation do.
 * `stopped` is set once the sequence is over (or empty from the start).
 */
#include <string.h>

#include "itertools_internal.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *pool;             /* tuple (product: tuple of tuples) */
    kn_ssize_t *indices, *cycles;
    kn_ssize_t n, r;
    int first, stopped;
} CombObj;

static kn_ssize_t *idx_alloc(kn_ssize_t n)
{
    kn_ssize_t *p = kgc_alloc_atomic((size_t)(n + 1) * sizeof(kn_ssize_t));
    if (p == NULL)
        ob_err_nomemory();
    else
        memset(p, 0, (size_t)(n + 1) * sizeof(kn_ssize_t));   /* atomic memory is not zeroed */
    return p;
}

static KnObject *comb_result(CombObj *c)
{
    KnObject *t = ob_tuple_new(c->r);
    if (t == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < c->r; i++)
        KN_TUPLE_SET(t, i, KN_TUPLE_GET(c->pool, c->indices[i]));
    return t;
}

static CombObj *comb_make(KnTypeObject *t, KnObject *iterable, kn_ssize_t r)
{
    KnObject *pool = ob_sequence_tuple(iterable);
    if (pool == NULL)
        return NULL;
    CombObj *c = (CombObj *)it_alloc(t);
    if (c == NULL || (c->indices = idx_alloc(r)) == NULL)
        return NULL;
    c->pool = pool;
    c->n = KN_SIZE(pool);
    c->r = r;
    c->first = 1;
    return c;
}

static int r_arg(KnObject *o, kn_ssize_t *r)
{
    *r = ob_number_as_ssize(o, ob_exc_OverflowError);
    if (*r == -1 && ob_err_occurred())
        return -1;
    if (*r < 0) {
        ob_err_set_string(ob_exc_ValueError, "r must be non-negative");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------ pickling support */

static KnObject *idx_tuple(const kn_ssize_t *ix, kn_ssize_t n)
{
    KnObject *t = ob_tuple_new(n);
    for (kn_ssize_t i = 0; t != NULL && i < n; i++) {
        KnObject *v = ob_int_from_ssize(ix[i]);
        if (v == NULL)
            return NULL;
        KN_TUPLE_SET(t, i, v);
    }
    return t;
}

/* Read n indices from `state` (a tuple), clamping item i into
 * [lo(i), hi(i)] as CPython does for hand-made states. */
static int idx_read(KnObject *state, kn_ssize_t *ix, kn_ssize_t n, kn_ssize_t lo_base,
                    kn_ssize_t hi_base, int hi_step)
{
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != n) {
        ob_err_set_string(ob_exc_ValueError, "invalid arguments");
        return -1;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        kn_ssize_t v = ob_number_as_ssize(KN_TUPLE_GET(state, i), ob_exc_OverflowError);
        if (v == -1 && ob_err_occurred())
            return -1;
        kn_ssize_t hi = hi_base + hi_step * i;
        if (v > hi)
            v = hi;
        if (v < lo_base)
            v = lo_base;
        ix[i] = v;
    }
    return 0;
}

/* (type, (pool, r)) before the first item, (type, ((), r)) when over,
 * else (type, (pool, r), state). */
static KnObject *comb_reduce_with(KnObject *self, KnObject *state)
{
    CombObj *c = (CombObj *)self;
    KnObject *type = (KnObject *)KN_TYPE(self), *r = ob_int_from_ssize(c->r);
    if (c->first)
        return ob_tuple_pack(2, type, ob_tuple_pack(2, c->pool, r));
    if (c->stopped)
        return ob_tuple_pack(2, type, ob_tuple_pack(2, ob_tuple_empty(), r));
    if (state == NULL)
        return NULL;
    return ob_tuple_pack(3, type, ob_tuple_pack(2, c->pool, r), state);
}

static KnObject *comb_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    CombObj *c = (CombObj *)self;
    return comb_reduce_with(self, idx_tuple(c->indices, c->r));
}

/* after a state is set the next call advances from it */
static KnObject *comb_setstate(KnObject *self, KnObject *state)
{
    CombObj *c = (CombObj *)self;
    if (idx_read(state, c->indices, c->r, 0, c->n - c->r, 1) < 0)
        return NULL;
    c->first = 0;
    return KN_None;
}

static KnObject *cwr_setstate(KnObject *self, KnObject *state)
{
    CombObj *c = (CombObj *)self;
    if (idx_read(state, c->indices, c->r, 0, c->n - 1, 0) < 0)
        return NULL;
    c->first = 0;
    return KN_None;
}

static KnObject *perm_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    CombObj *c = (CombObj *)self;
    KnObject *ix = idx_tuple(c->indices, c->n), *cy = idx_tuple(c->cycles, c->r);
    return comb_reduce_with(self, ix && cy ? ob_tuple_pack(2, ix, cy) : NULL);
}

static KnObject *perm_setstate(KnObject *self, KnObject *state)
{
    CombObj *c = (CombObj *)self;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 2)
        return ob_err_format(ob_exc_ValueError, "invalid arguments");
    if (idx_read(KN_TUPLE_GET(state, 0), c->indices, c->n, 0, c->n - 1, 0) < 0 ||
        idx_read(KN_TUPLE_GET(state, 1), c->cycles, c->r, 1, c->n, -1) < 0)
        return NULL;
    c->first = 0;
    return KN_None;
}

static KnObject *product_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    CombObj *c = (CombObj *)self;
    KnObject *type = (KnObject *)KN_TYPE(self);
    if (c->stopped)
        return ob_tuple_pack(2, type, ob_tuple_pack(1, ob_tuple_empty()));
    if (c->first)
        return ob_tuple_pack(2, type, c->pool);
    KnObject *st = idx_tuple(c->indices, c->r);
    return st ? ob_tuple_pack(3, type, c->pool, st) : NULL;
}

static KnObject *product_setstate(KnObject *self, KnObject *state)
{
    CombObj *c = (CombObj *)self;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != c->r)
        return ob_err_format(ob_exc_ValueError, "invalid arguments");
    for (kn_ssize_t i = 0; i < c->r; i++) {
        kn_ssize_t v = ob_number_as_ssize(KN_TUPLE_GET(state, i), ob_exc_OverflowError);
        if (v == -1 && ob_err_occurred())
            return NULL;
        kn_ssize_t n = KN_SIZE(KN_TUPLE_GET(c->pool, i));
        if (n == 0) {
            c->stopped = 1;
            return KN_None;
        }
        c->indices[i] = v < 0 ? 0 : v > n - 1 ? n - 1 : v;
    }
    c->first = 0;
    return KN_None;
}

#define COMB_METHODS(cname, red, set) \
    static KnMethodDef cname[] = { \
        {"__reduce__", FC(red), KN_METH_NOARGS, "Return state information for pickling."}, \
        {"__setstate__", FC(set), KN_METH_O, "Set state information for unpickling."}, \
        {NULL, NULL, 0, NULL} \
    }
COMB_METHODS(combinations_methods, comb_reduce, comb_setstate);
COMB_METHODS(cwr_methods, comb_reduce, cwr_setstate);
COMB_METHODS(perm_methods, perm_reduce, perm_setstate);
COMB_METHODS(product_methods, product_reduce, product_setstate);

/* ------------------------------------------------------ combinations */

static KnObject *comb_new_common(const char *name, KnTypeObject *t, KnObject *args,
                                 KnObject *kwargs, int repl)
{
    static const char *const kw[] = {"iterable", "r", NULL};
    KnArgSpec spec = {name, kw, 2, 2, 0};
    KnObject *a[2];
    kn_ssize_t r;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0 || r_arg(a[1], &r) < 0)
        return NULL;
    CombObj *c = comb_make(t, a[0], r);
    if (c == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < r; i++)
        c->indices[i] = repl ? 0 : i;
    c->stopped = repl ? (c->n == 0 && r > 0) : r > c->n;
    return (KnObject *)c;
}

static KnObject *combinations_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    return comb_new_common("combinations", t, args, kwargs, 0);
}

static KnObject *combinations_next(KnObject *self)
{
    CombObj *c = (CombObj *)self;
    if (c->stopped)
        return NULL;
    if (c->first) {
        c->first = 0;
        return comb_result(c);
    }
    kn_ssize_t i = c->r - 1;
    while (i >= 0 && c->indices[i] == i + c->n - c->r)
        i--;
    if (i < 0) {
        c->stopped = 1;
        return NULL;
    }
    c->indices[i]++;
    for (kn_ssize_t j = i + 1; j < c->r; j++)
        c->indices[j] = c->indices[j - 1] + 1;
    return comb_result(c);
}

IT_TYPE(it_combinations_type, "combinations", CombObj, combinations_new, combinations_next,
        combinations_methods,
        "Return successive r-length combinations of elements in the iterable.\n\n"
        "combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)");

static KnObject *cwr_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    return comb_new_common("combinations_with_replacement", t, args, kwargs, 1);
}

static KnObject *cwr_next(KnObject *self)
{
    CombObj *c = (CombObj *)self;
    if (c->stopped)
        return NULL;
    if (c->first) {
        c->first = 0;
        return comb_result(c);
    }
    kn_ssize_t i = c->r - 1;
    while (i >= 0 && c->indices[i] == c->n - 1)
        i--;
    if (i < 0) {
        c->stopped = 1;
        return NULL;
    }
    kn_ssize_t v = c->indices[i] + 1;
    for (kn_ssize_t j = i; j < c->r; j++)
        c->indices[j] = v;
    return comb_result(c);
}

IT_TYPE(it_cwr_type, "combinations_with_replacement", CombObj, cwr_new, cwr_next, cwr_methods,
        "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\n"
        "combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')");

/* ------------------------------------------------------ permutations */

static KnObject *perm_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"iterable", "r", NULL};
    static const KnArgSpec spec = {"permutations", kw, 1, 2, 0};
    KnObject *a[2];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    KnObject *pool = ob_sequence_tuple(a[0]);
    if (pool == NULL)
        return NULL;
    kn_ssize_t n = KN_SIZE(pool), r = n;
    if (a[1] != NULL && a[1] != KN_None) {
        if (!KN_INT_CHECK(a[1]))
            return ob_err_format(ob_exc_TypeError, "Expected int as r");
        if (r_arg(a[1], &r) < 0)
            return NULL;
    }
    CombObj *c = (CombObj *)it_alloc(t);
    if (c == NULL || (c->indices = idx_alloc(n)) == NULL || (c->cycles = idx_alloc(r)) == NULL)
        return NULL;
    c->pool = pool;
    c->n = n;
    c->r = r;
    c->first = 1;
    c->stopped = r > n;
    for (kn_ssize_t i = 0; i < n; i++)
        c->indices[i] = i;
    for (kn_ssize_t i = 0; i < r; i++)
        c->cycles[i] = n - i;
    return (KnObject *)c;
}

static KnObject *perm_next(KnObject *self)
{
    CombObj *c = (CombObj *)self;
    if (c->stopped)
        return NULL;
    if (c->first) {
        c->first = 0;
        return comb_result(c);
    }
    kn_ssize_t n = c->n, *ix = c->indices;
    for (kn_ssize_t i = c->r - 1; i >= 0; i--) {
        c->cycles[i]--;
        if (c->cycles[i] == 0) {
            /* rotate indices[i:] left by one */
            kn_ssize_t v = ix[i];
            for (kn_ssize_t j = i; j < n - 1; j++)
                ix[j] = ix[j + 1];
            ix[n - 1] = v;
            c->cycles[i] = n - i;
        } else {
            kn_ssize_t j = c->cycles[i];
            kn_ssize_t v = ix[i];
            ix[i] = ix[n - j];
            ix[n - j] = v;
            return comb_result(c);
        }
    }
    c->stopped = 1;
    return NULL;
}

IT_TYPE(it_permutations_type, "permutations", CombObj, perm_new, perm_next, perm_methods,
        "Return successive r-length permutations of elements in the iterable.\n\n"
        "permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)");

/* ----------------------------------------------------------- product */

/* product: pool is a tuple of n*repeat pools (tuples), r == its size. */
static KnObject *product_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t repeat = 1;
    if (kwargs != NULL && ob_dict_size(kwargs) > 0) {
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(kwargs, &pos, &k, &v)) {
            if (ob_richcompare_bool(k, ob_str_from_cstr("repeat"), KN_EQ) != 1)
                return ob_err_format(ob_exc_TypeError,
                                     "'%U' is an invalid keyword argument for product()", k);
            repeat = ob_number_as_ssize(v, ob_exc_OverflowError);
            if (repeat == -1 && ob_err_occurred())
                return NULL;
            if (repeat < 0)
                return ob_err_format(ob_exc_ValueError, "repeat argument cannot be negative");
        }
    }
    kn_ssize_t np = KN_SIZE(args);
    if (repeat > 0 && np > (kn_ssize_t)(SIZE_MAX / sizeof(void *) / 2) / repeat)
        return ob_err_format(ob_exc_OverflowError, "repeat argument too large");
    kn_ssize_t total = np * repeat;
    KnObject *pools = ob_tuple_new(total);
    if (pools == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < np; i++) {
        KnObject *p = ob_sequence_tuple(KN_TUPLE_GET(args, i));
        if (p == NULL)
            return NULL;
        for (kn_ssize_t k = 0; k < repeat; k++)
            KN_TUPLE_SET(pools, k * np + i, p);
    }
    CombObj *c = (CombObj *)it_alloc(t);
    if (c == NULL || (c->indices = idx_alloc(total)) == NULL)
        return NULL;
    c->pool = pools;
    c->r = total;
    c->first = 1;
    for (kn_ssize_t i = 0; i < total; i++)
        if (KN_SIZE(KN_TUPLE_GET(pools, i)) == 0)
            c->stopped = 1;
    return (KnObject *)c;
}

static KnObject *product_result(CombObj *c)
{
    KnObject *t = ob_tuple_new(c->r);
    if (t == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < c->r; i++)
        KN_TUPLE_SET(t, i, KN_TUPLE_GET(KN_TUPLE_GET(c->pool, i), c->indices[i]));
    return t;
}

static KnObject *product_next(KnObject *self)
{
    CombObj *c = (CombObj *)self;
    if (c->stopped)
        return NULL;
    if (c->first) {
        c->first = 0;
        return product_result(c);
    }
    kn_ssize_t i = c->r - 1;
    for (; i >= 0; i--) {
        c->indices[i]++;
        if (c->indices[i] < KN_SIZE(KN_TUPLE_GET(c->pool, i)))
            break;
        c->indices[i] = 0;
    }
    if (i < 0) {
        c->stopped = 1;
        return NULL;
    }
    return product_result(c);
}

IT_TYPE(it_product_type, "product", CombObj, product_new, product_next, product_methods,
        "Cartesian product of input iterables.  Equivalent to nested for-loops.");
