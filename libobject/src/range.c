/*
 * range.c — the range type and its two iterators.
 *
 * A range holds four exact ints (CPython's layout): start, stop, step and
 * the precomputed length, so ranges larger than kn_ssize_t work for every
 * operation except len().  Iteration uses machine words (range_iterator)
 * when start, step and length fit a C long, else int objects
 * (longrange_iterator), as CPython does; the type names are visible.
 */
#include "containers.h"
#include "iter_internal.h"
#include <limits.h>
#include "int_internal.h"

#define RO(o) ((KnRangeObject *)(o))

/* operator.index(v) as an exact int; exact ints need no protocol call. */
static KnObject *as_index(KnObject *v)
{
    if (KN_INT_CHECK_EXACT(v))
        return v;
    KnObject *r = ob_number_index(v);
    return r == NULL ? NULL : ob_int_exact(r);
}

/* Has __index__ (what ob_index_check answers, without the call). */
static int has_index(KnObject *v)
{
    KnNumberMethods *nb = KN_TYPE(v)->tp_as_number;
    return KN_INT_CHECK(v) || (nb != NULL && nb->nb_index != NULL);
}

/* Number of items: (hi - lo - 1) // step + 1 when non-empty. */
static KnObject *range_length_obj(KnObject *start, KnObject *stop, KnObject *step)
{
    KnObject *lo, *hi, *st = step;
    if (ob_int_sign(step) > 0) {
        lo = start;
        hi = stop;
    } else {
        lo = stop;
        hi = start;
        st = ob_int_neg(step);
        if (st == NULL)
            return NULL;
    }
    if (ob_int_compare(lo, hi) >= 0)
        return ob_int_from_ssize(0);
    KnObject *d = ob_int_sub(hi, lo);
    if (d == NULL || (d = ob_int_sub(d, ob_int_from_ssize(1))) == NULL ||
        (d = ob_int_floordiv(d, st)) == NULL)
        return NULL;
    return ob_int_add(d, ob_int_from_ssize(1));
}

static KnObject *make_range(KnTypeObject *type, KnObject *start, KnObject *stop,
                            KnObject *step)
{
    KnObject *len = range_length_obj(start, stop, step);
    if (len == NULL)
        return NULL;
    KnRangeObject *r = (KnRangeObject *)ob_alloc(type, 0);
    if (r == NULL)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return (KnObject *)r;
}

KnObject *ob_range_new(KnObject *start, KnObject *stop, KnObject *step)
{
    if (!KN_INT_CHECK(start) || !KN_INT_CHECK(stop) || !KN_INT_CHECK(step)) {
        ob_err_bad_internal_call();
        return NULL;
    }
    if (ob_int_sign(step) == 0) {
        ob_err_set_string(ob_exc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return make_range(&ob_range_type, ob_int_exact(start), ob_int_exact(stop),
                      ob_int_exact(step));
}

static KnObject *range_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("range", kwargs) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(args);
    if (ob_args_check_positional("range", n, 1, 3) < 0)
        return NULL;
    KnObject *v[3];
    for (kn_ssize_t i = 0; i < n; i++)
        if ((v[i] = as_index(KN_TUPLE_GET(args, i))) == NULL)
            return NULL;
    if (n == 1)
        return make_range(type, ob_int_from_ssize(0), v[0], ob_int_from_ssize(1));
    KnObject *step = n == 3 ? v[2] : ob_int_from_ssize(1);
    if (ob_int_sign(step) == 0) {
        ob_err_set_string(ob_exc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return make_range(type, v[0], v[1], step);
}

/* ---- sequence behaviour ---- */

static kn_ssize_t range_len(KnObject *self)
{
    return ob_int_as_ssize(RO(self)->length);
}

static int range_bool(KnObject *self)
{
    return ob_int_sign(RO(self)->length) != 0;
}

/* start + i * step for an exact int i already known to be in range. */
static KnObject *item_at(KnRangeObject *r, KnObject *i)
{
    KnObject *p = ob_int_mul(i, r->step);
    return p == NULL ? NULL : ob_int_add(r->start, p);
}

static KnObject *item_checked(KnRangeObject *r, KnObject *i)
{
    if (ob_int_sign(i) < 0) {
        i = ob_int_add(i, r->length);
        if (i == NULL)
            return NULL;
    }
    if (ob_int_sign(i) < 0 || ob_int_compare(i, r->length) >= 0) {
        ob_err_set_string(ob_exc_IndexError, "range object index out of range");
        return NULL;
    }
    return item_at(r, i);
}

static KnObject *range_sq_item(KnObject *self, kn_ssize_t i)
{
    KnObject *io = ob_int_from_ssize(i);
    return io == NULL ? NULL : item_checked(RO(self), io);
}

/* One slice bound over a sequence of `length` items (CPython's
 * _PySlice_GetLongIndices rules): None -> dflt; negative -> +length;
 * then clamped into [lower, upper]. */
static KnObject *slice_bound(KnObject *v, KnObject *dflt, KnObject *length, KnObject *lower,
                             KnObject *upper)
{
    if (v == KN_None)
        return dflt;
    if (!has_index(v)) {
        ob_err_set_string(ob_exc_TypeError, "slice indices must be integers or "
                                            "None or have an __index__ method");
        return NULL;
    }
    KnObject *x = as_index(v);
    if (x == NULL)
        return NULL;
    if (ob_int_sign(x) < 0 && (x = ob_int_add(x, length)) == NULL)
        return NULL;
    if (ob_int_compare(x, lower) < 0)
        return lower;
    return ob_int_compare(x, upper) > 0 ? upper : x;
}

static KnObject *range_slice(KnRangeObject *r, KnObject *slice)
{
    KnSliceObject *sl = (KnSliceObject *)slice;
    KnObject *step = ob_int_from_ssize(1);
    if (sl->step != KN_None) {
        if (!has_index(sl->step)) {
            ob_err_set_string(ob_exc_TypeError, "slice indices must be integers or "
                                                "None or have an __index__ method");
            return NULL;
        }
        if ((step = as_index(sl->step)) == NULL)
            return NULL;
        if (ob_int_sign(step) == 0) {
            ob_err_set_string(ob_exc_ValueError, "slice step cannot be zero");
            return NULL;
        }
    }
    int neg = ob_int_sign(step) < 0;
    KnObject *lower = ob_int_from_ssize(neg ? -1 : 0);
    KnObject *upper = neg ? ob_int_add(r->length, lower) : r->length;
    if (upper == NULL)
        return NULL;
    KnObject *i0 = slice_bound(sl->start, neg ? upper : lower, r->length, lower, upper);
    KnObject *i1 = i0 ? slice_bound(sl->stop, neg ? lower : upper, r->length, lower, upper)
                      : NULL;
    KnObject *start = i1 ? item_at(r, i0) : NULL;
    KnObject *stop = start ? item_at(r, i1) : NULL;
    KnObject *nstep = stop ? ob_int_mul(r->step, step) : NULL;
    if (nstep == NULL)
        return NULL;
    return make_range(&ob_range_type, start, stop, nstep);
}

static KnObject *range_subscript(KnObject *self, KnObject *key)
{
    if (KN_SLICE_CHECK(key))
        return range_slice(RO(self), key);
    if (has_index(key)) {
        KnObject *i = as_index(key);
        return i == NULL ? NULL : item_checked(RO(self), i);
    }
    return ob_err_format(ob_exc_TypeError, "range indices must be integers or slices, not %.200s",
                         ob_type_name(KN_TYPE(key)));
}

/* For an int: is it one of the range's values (no iteration). */
static int contains_int(KnRangeObject *r, KnObject *x)
{
    int pos = ob_int_sign(r->step) > 0;
    if (pos) {
        if (ob_int_compare(r->start, x) > 0 || ob_int_compare(x, r->stop) >= 0)
            return 0;
    } else {
        if (ob_int_compare(r->stop, x) >= 0 || ob_int_compare(x, r->start) > 0)
            return 0;
    }
    KnObject *d = ob_int_sub(x, r->start);
    KnObject *m = d ? ob_int_mod(d, r->step) : NULL;
    if (m == NULL)
        return -1;
    return ob_int_sign(m) == 0;
}

/* Walk the values (for non-int needles): fn returns non-zero to stop. */
static int range_walk(KnRangeObject *r, KnObject *x, kn_ssize_t *count, kn_ssize_t *found)
{
    KnObject *i = ob_int_from_ssize(0), *one = ob_int_from_ssize(1);
    kn_ssize_t k = 0;
    while (ob_int_compare(i, r->length) < 0) {
        KnObject *v = item_at(r, i);
        if (v == NULL)
            return -1;
        int eq = ob_richcompare_bool(v, x, KN_EQ);
        if (eq < 0)
            return -1;
        if (eq) {
            if (found != NULL) {
                *found = k;
                return 1;
            }
            (*count)++;
        }
        if ((i = ob_int_add(i, one)) == NULL)
            return -1;
        k++;
    }
    return 0;
}

static int is_int_or_bool(KnObject *x)
{
    return KN_INT_CHECK_EXACT(x) || KN_TYPE(x) == &ob_bool_type;
}

static int range_contains(KnObject *self, KnObject *x)
{
    if (is_int_or_bool(x))
        return contains_int(RO(self), x);
    kn_ssize_t idx;
    return range_walk(RO(self), x, NULL, &idx);
}

static KnObject *range_count(KnObject *self, KnObject *x)
{
    if (is_int_or_bool(x)) {
        int r = contains_int(RO(self), x);
        return r < 0 ? NULL : ob_int_from_ssize(r);
    }
    kn_ssize_t n = 0;
    if (range_walk(RO(self), x, &n, NULL) < 0)
        return NULL;
    return ob_int_from_ssize(n);
}

static KnObject *range_index(KnObject *self, KnObject *x)
{
    KnRangeObject *r = RO(self);
    if (is_int_or_bool(x)) {
        int c = contains_int(r, x);
        if (c < 0)
            return NULL;
        if (c == 0)
            return ob_err_format(ob_exc_ValueError, "%R is not in range", x);
        KnObject *d = ob_int_sub(x, r->start);
        return d == NULL ? NULL : ob_int_floordiv(d, r->step);
    }
    kn_ssize_t idx;
    int f = range_walk(r, x, NULL, &idx);
    if (f < 0)
        return NULL;
    if (f == 0) {
        ob_err_set_string(ob_exc_ValueError, "sequence.index(x): x not in sequence");
        return NULL;
    }
    return ob_int_from_ssize(idx);
}

/* ---- comparison, hash, repr ---- */

/* Equal as sequences: same length, and (when non-empty) the same first
 * element, and (when longer than one) the same step. */
static int range_equal(KnRangeObject *a, KnRangeObject *b)
{
    if (a == b)
        return 1;
    if (ob_int_compare(a->length, b->length) != 0)
        return 0;
    if (ob_int_sign(a->length) == 0)
        return 1;
    if (ob_int_compare(a->start, b->start) != 0)
        return 0;
    if (ob_int_compare(a->length, ob_int_from_ssize(1)) == 0)
        return 1;
    return ob_int_compare(a->step, b->step) == 0;
}

static KnObject *range_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!KN_RANGE_CHECK(b) || (op != KN_EQ && op != KN_NE))
        return KN_NotImplemented;
    int eq = range_equal(RO(a), RO(b));
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

/* hash((len, start, step)) with None for what does not matter. */
static kn_hash_t range_hash(KnObject *self)
{
    KnRangeObject *r = RO(self);
    KnObject *items[3] = {r->length, KN_None, KN_None};
    if (ob_int_sign(r->length) != 0) {
        items[1] = r->start;
        if (ob_int_compare(r->length, ob_int_from_ssize(1)) != 0)
            items[2] = r->step;
    }
    return ob_tuple_hash_items(items, 3);
}

static KnObject *range_repr(KnObject *self)
{
    KnRangeObject *r = RO(self);
    if (ob_int_compare(r->step, ob_int_from_ssize(1)) == 0)
        return ob_str_from_format("range(%R, %R)", r->start, r->stop);
    return ob_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static KnObject *range_reduce(KnObject *self, KnObject *unused)
{
    KnRangeObject *r = RO(self);
    KnObject *args = ob_tuple_pack(3, r->start, r->stop, r->step);
    return args == NULL ? NULL : ob_tuple_pack(2, (KnObject *)KN_TYPE(self), args);
}

/* ---- iterators ---- */

/* CPython 3.11's iterators: the value at position index is start +
 * index * step; __reduce__ rebuilds the range from (start, step, len). */
typedef KnRangeIter RangeIter;      /* iter_internal.h (read by libjit) */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *index, *start, *step, *len;
} LongRangeIter;

static KnObject *fast_iter(long start, long step, long len)
{
    RangeIter *it = (RangeIter *)ob_alloc(&ob_range_iter_type, 0);
    if (it == NULL)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    return (KnObject *)it;
}

static KnObject *long_iter(KnObject *start, KnObject *step, KnObject *len)
{
    LongRangeIter *it = (LongRangeIter *)ob_alloc(&ob_longrange_iter_type, 0);
    if (it == NULL)
        return NULL;
    it->index = ob_int_from_ssize(0);
    it->start = start;
    it->step = step;
    it->len = len;
    return (KnObject *)it;
}

/* start, stop, step as C longs; 0 when one does not fit. */
static int as_longs(KnRangeObject *r, long *start, long *stop, long *step)
{
    int o1 = 0, o2 = 0, o3 = 0;
    *start = (long)ob_int_as_long_long_and_overflow(r->start, &o1);
    *stop = (long)ob_int_as_long_long_and_overflow(r->stop, &o2);
    *step = (long)ob_int_as_long_long_and_overflow(r->step, &o3);
    return !o1 && !o2 && !o3;
}

/* Items in range(lo, hi, step) as an unsigned count (no overflow). */
static unsigned long len_of_range(long lo, long hi, long step)
{
    if (step > 0 && lo < hi)
        return 1UL + ((unsigned long)hi - 1UL - (unsigned long)lo) / (unsigned long)step;
    if (step < 0 && lo > hi)
        return 1UL + ((unsigned long)lo - 1UL - (unsigned long)hi) / (0UL - (unsigned long)step);
    return 0UL;
}

/* The machine-word iterator is chosen by CPython's exact conditions (the
 * type name is visible), else the int-object one. */
static KnObject *range_iter(KnObject *self)
{
    KnRangeObject *r = RO(self);
    long start, stop, step;
    if (as_longs(r, &start, &stop, &step)) {
        unsigned long n = len_of_range(start, stop, step);
        int fits = n <= (unsigned long)LONG_MAX;
        /* the increment after the last item must not overflow */
        if (fits && n > 0) {
            if (step > 0)
                fits = stop <= LONG_MAX - (step - 1);
            else
                fits = stop >= LONG_MIN + (-1 - step);
        }
        if (fits)
            return fast_iter(start, step, (long)n);
    }
    return long_iter(r->start, r->step, r->length);
}

static KnObject *range_reversed(KnObject *self, KnObject *unused)
{
    KnRangeObject *r = RO(self);
    long start, stop, step;
    /* fast when start, stop, step, -step, start - step and the length fit */
    if (as_longs(r, &start, &stop, &step) && step != LONG_MIN) {
        int fits = step > 0
                       ? (unsigned long)start - (unsigned long)LONG_MIN >= (unsigned long)step
                       : (unsigned long)LONG_MAX - (unsigned long)start >= 0UL - (unsigned long)step;
        unsigned long n = len_of_range(start, stop, step);
        if (fits && n <= (unsigned long)LONG_MAX) {
            long new_stop = (long)((unsigned long)start - (unsigned long)step);
            long new_start = (long)((unsigned long)new_stop + n * (unsigned long)step);
            return fast_iter(new_start, -step, (long)n);
        }
    }
    /* last = start + (len - 1) * step, walked with -step */
    KnObject *n1 = ob_int_sub(r->length, ob_int_from_ssize(1));
    KnObject *last = n1 ? item_at(r, n1) : NULL;
    KnObject *neg = last ? ob_int_neg(r->step) : NULL;
    if (neg == NULL)
        return NULL;
    return long_iter(last, neg, r->length);
}

static KnObject *rangeiter_next(KnObject *self)
{
    RangeIter *it = (RangeIter *)self;
    if (it->index >= it->len)
        return NULL;
    /* wraps like CPython's unsigned arithmetic; the value itself fits */
    long v = (long)((unsigned long)it->start + (unsigned long)it->index * (unsigned long)it->step);
    it->index++;
    return ob_int_from_long_long(v);
}

static KnObject *rangeiter_length_hint(KnObject *self, KnObject *unused)
{
    RangeIter *it = (RangeIter *)self;
    return ob_int_from_long_long(it->len - it->index);
}

/* (iter, (range(start, start + len * step, step),), index) */
static KnObject *reduce_range(KnObject *start, KnObject *step, KnObject *len, KnObject *index)
{
    KnObject *fn = ob_cont_builtin_iter();
    KnObject *span = fn ? ob_int_mul(len, step) : NULL;
    KnObject *stop = span ? ob_int_add(start, span) : NULL;
    KnObject *r = stop ? make_range(&ob_range_type, start, stop, step) : NULL;
    KnObject *args = r ? ob_tuple_pack(1, r) : NULL;
    return args ? ob_tuple_pack(3, fn, args, index) : NULL;
}

static KnObject *rangeiter_reduce(KnObject *self, KnObject *unused)
{
    RangeIter *it = (RangeIter *)self;
    return reduce_range(ob_int_from_long_long(it->start), ob_int_from_long_long(it->step),
                        ob_int_from_long_long(it->len), ob_int_from_long_long(it->index));
}

static KnObject *rangeiter_setstate(KnObject *self, KnObject *state)
{
    RangeIter *it = (RangeIter *)self;
    kn_ssize_t index = ob_number_as_ssize(state, ob_exc_OverflowError);
    if (index == -1 && ob_err_occurred())
        return NULL;
    it->index = index < 0 ? 0 : index > it->len ? it->len : (long)index;
    return KN_None;
}

static KnObject *longrangeiter_next(KnObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    if (ob_int_compare(it->index, it->len) >= 0)
        return NULL;
    KnObject *off = ob_int_mul(it->index, it->step);
    KnObject *v = off ? ob_int_add(it->start, off) : NULL;
    KnObject *next = v ? ob_int_add(it->index, ob_int_from_ssize(1)) : NULL;
    if (next == NULL)
        return NULL;
    it->index = next;
    return v;
}

static KnObject *longrangeiter_length_hint(KnObject *self, KnObject *unused)
{
    LongRangeIter *it = (LongRangeIter *)self;
    return ob_int_sub(it->len, it->index);
}

static KnObject *longrangeiter_reduce(KnObject *self, KnObject *unused)
{
    LongRangeIter *it = (LongRangeIter *)self;
    return reduce_range(it->start, it->step, it->len, it->index);
}

static KnObject *longrangeiter_setstate(KnObject *self, KnObject *state)
{
    LongRangeIter *it = (LongRangeIter *)self;
    KnObject *i = as_index(state);
    if (i == NULL)
        return NULL;
    if (ob_int_sign(i) < 0)
        i = ob_int_from_ssize(0);
    else if (ob_int_compare(i, it->len) > 0)
        i = it->len;
    it->index = i;
    return KN_None;
}

static KnMethodDef rangeiter_methods[] = {
    {"__length_hint__", (KnCFunction)rangeiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    KN_ITER_PICKLE_METHODS(rangeiter_reduce, rangeiter_setstate)
    {NULL, NULL, 0, NULL}
};

static KnMethodDef longrangeiter_methods[] = {
    {"__length_hint__", (KnCFunction)longrangeiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    KN_ITER_PICKLE_METHODS(longrangeiter_reduce, longrangeiter_setstate)
    {NULL, NULL, 0, NULL}
};

KnTypeObject ob_range_iter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ob_iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

KnTypeObject ob_longrange_iter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ob_iter_self,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

/* ---- the type ---- */

static KnMethodDef range_methods[] = {
    {"__reversed__", (KnCFunction)range_reversed, KN_METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", (KnCFunction)range_reduce, KN_METH_NOARGS, NULL},
    {"count", (KnCFunction)range_count, KN_METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", (KnCFunction)range_index, KN_METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef range_members[] = {
    {"start", KN_T_OBJECT, offsetof(KnRangeObject, start), KN_READONLY, NULL},
    {"stop", KN_T_OBJECT, offsetof(KnRangeObject, stop), KN_READONLY, NULL},
    {"step", KN_T_OBJECT, offsetof(KnRangeObject, step), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static KnNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static KnSequenceMethods range_as_sequence = {
    .sq_length = range_len,
    .sq_item = range_sq_item,
    .sq_contains = range_contains,
};

static KnMappingMethods range_as_mapping = {
    .mp_length = range_len,
    .mp_subscript = range_subscript,
};

KnTypeObject ob_range_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "range",
    .tp_basicsize = sizeof(KnRangeObject),
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_tp_new,
};
