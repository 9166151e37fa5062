/*
 * slice.c — the slice type and the index helpers every sequence uses.
 *
 * slice.indices() works on arbitrary ints (CPython computes it with ints,
 * not C integers: slice(10**30).indices(10**25) is exact), so it goes
 * through the abstract number protocol; the sequence types use the C-integer
 * helpers (ob_slice_unpack / ob_slice_adjust_indices), which clamp.
 */
#include "libobject/slice.h"
#include "libobject/abstract.h"
#include "libobject/args.h"
#include "libobject/errors.h"
#include "libobject/int.h"
#include "libobject/singletons.h"
#include "libobject/str.h"
#include "libobject/tuple.h"
#include "libobject/type.h"

#define SSIZE_MAX_ ((kn_ssize_t)(((size_t)-1) >> 1))
#define SSIZE_MIN_ (-SSIZE_MAX_ - 1)

KnObject *ob_slice_new(KnObject *start, KnObject *stop, KnObject *step)
{
    KnSliceObject *s = (KnSliceObject *)ob_alloc(&ob_slice_type, 0);
    if (s == NULL)
        return NULL;
    s->start = start ? start : KN_None;
    s->stop = stop ? stop : KN_None;
    s->step = step ? step : KN_None;
    return (KnObject *)s;
}

/* An exact int of at most one digit (|v| < 2**30, no clamping needed)
 * read in place; 0 for anything else. */
static inline int small_int_index(KnObject *v, kn_ssize_t *pi)
{
    if (KN_TYPE(v) != &ob_int_type || KN_SIZE(v) < -1 || KN_SIZE(v) > 1)
        return 0;
    kn_ssize_t n = KN_SIZE(v);
    kn_ssize_t x = n == 0 ? 0 : (kn_ssize_t)((KnLongObject *)v)->ob_digit[0];
    *pi = n < 0 ? -x : x;
    return 1;
}

int ob_slice_index(KnObject *v, kn_ssize_t *pi)
{
    if (v == KN_None || small_int_index(v, pi))
        return 0;
    if (!ob_index_check(v)) {
        ob_err_set_string(ob_exc_TypeError, "slice indices must be integers or "
                                            "None or have an __index__ method");
        return -1;
    }
    kn_ssize_t x = ob_number_as_ssize(v, NULL);   /* NULL: clamp, never overflow */
    if (x == -1 && ob_err_occurred())
        return -1;
    *pi = x;
    return 0;
}

int ob_slice_unpack(KnObject *slice, kn_ssize_t *start, kn_ssize_t *stop,
                    kn_ssize_t *step)
{
    KnSliceObject *s = (KnSliceObject *)slice;
    *step = 1;
    if (s->step == KN_None) {
        /* a[i:j] with small-int or omitted bounds: no calls */
        *start = 0;
        *stop = SSIZE_MAX_;
        if ((s->start == KN_None || small_int_index(s->start, start)) &&
            (s->stop == KN_None || small_int_index(s->stop, stop)))
            return 0;
    } else {
        if (ob_slice_index(s->step, step) < 0)
            return -1;
        if (*step == 0) {
            ob_err_set_string(ob_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* -step must not overflow in the length computation */
        if (*step < -SSIZE_MAX_)
            *step = -SSIZE_MAX_;
    }
    *start = *step < 0 ? SSIZE_MAX_ : 0;
    if (ob_slice_index(s->start, start) < 0)
        return -1;
    *stop = *step < 0 ? SSIZE_MIN_ : SSIZE_MAX_;
    if (ob_slice_index(s->stop, stop) < 0)
        return -1;
    return 0;
}

kn_ssize_t ob_slice_adjust_indices(kn_ssize_t length, kn_ssize_t *start,
                                   kn_ssize_t *stop, kn_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    /* steps of 1 and -1 (the common ones) without a division */
    if (step < 0) {
        if (*stop < *start)
            return step == -1 ? *start - *stop : (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return step == 1 ? *stop - *start : (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int ob_slice_get_indices(KnObject *slice, kn_ssize_t length, kn_ssize_t *start,
                         kn_ssize_t *stop, kn_ssize_t *step, kn_ssize_t *slicelength)
{
    if (ob_slice_unpack(slice, start, stop, step) < 0)
        return -1;
    *slicelength = ob_slice_adjust_indices(length, start, stop, *step);
    return 0;
}

/* ---- slice.indices(length) on arbitrary ints ---- */

static KnObject *slice_index_obj(KnObject *v)
{
    if (!ob_index_check(v)) {
        ob_err_set_string(ob_exc_TypeError, "slice indices must be integers or "
                                            "None or have an __index__ method");
        return NULL;
    }
    return ob_number_index(v);
}

/* Clamp x into [lo, hi] (ints); NULL on a comparison error. */
static KnObject *clamp_obj(KnObject *x, KnObject *lo, KnObject *hi)
{
    int r = ob_richcompare_bool(x, lo, KN_LT);
    if (r < 0)
        return NULL;
    if (r)
        return lo;
    r = ob_richcompare_bool(x, hi, KN_GT);
    if (r < 0)
        return NULL;
    return r ? hi : x;
}

/* One bound: None -> default; negative -> +length; then clamp. */
static KnObject *bound_obj(KnObject *v, KnObject *dflt, KnObject *length,
                           KnObject *lower, KnObject *upper)
{
    if (v == KN_None)
        return dflt;
    KnObject *x = slice_index_obj(v);
    if (x == NULL)
        return NULL;
    if (ob_int_sign(x) < 0) {
        x = ob_number_add(x, length);
        if (x == NULL)
            return NULL;
    }
    return clamp_obj(x, lower, upper);
}

static KnObject *slice_indices(KnObject *self, KnObject *len_arg)
{
    KnSliceObject *s = (KnSliceObject *)self;
    KnObject *length = ob_number_index(len_arg);   /* "'str' object cannot be interpreted..." */
    if (length == NULL)
        return NULL;
    if (ob_int_sign(length) < 0) {
        ob_err_set_string(ob_exc_ValueError, "length should not be negative");
        return NULL;
    }
    KnObject *step;
    if (s->step == KN_None) {
        step = ob_int_from_ssize(1);
    } else {
        step = slice_index_obj(s->step);
        if (step == NULL)
            return NULL;
        if (ob_int_sign(step) == 0) {
            ob_err_set_string(ob_exc_ValueError, "slice step cannot be zero");
            return NULL;
        }
    }
    if (step == NULL)
        return NULL;
    int neg = ob_int_sign(step) < 0;
    KnObject *lower, *upper;
    if (neg) {
        lower = ob_int_from_ssize(-1);
        upper = lower ? ob_number_add(length, lower) : NULL;
    } else {
        lower = ob_int_from_ssize(0);
        upper = length;
    }
    if (lower == NULL || upper == NULL)
        return NULL;
    KnObject *start = bound_obj(s->start, neg ? upper : lower, length, lower, upper);
    if (start == NULL)
        return NULL;
    KnObject *stop = bound_obj(s->stop, neg ? lower : upper, length, lower, upper);
    if (stop == NULL)
        return NULL;
    return ob_tuple_pack(3, start, stop, step);
}

/* ---- the type ---- */

static KnObject *slice_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("slice", kwargs) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(args);
    if (ob_args_check_positional("slice", n, 1, 3) < 0)
        return NULL;
    if (n == 1)
        return ob_slice_new(NULL, KN_TUPLE_GET(args, 0), NULL);
    return ob_slice_new(KN_TUPLE_GET(args, 0), KN_TUPLE_GET(args, 1),
                        n == 3 ? KN_TUPLE_GET(args, 2) : NULL);
}

static KnObject *slice_repr(KnObject *self)
{
    KnSliceObject *s = (KnSliceObject *)self;
    return ob_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static KnObject *slice_as_tuple(KnObject *self)
{
    KnSliceObject *s = (KnSliceObject *)self;
    return ob_tuple_pack(3, s->start, s->stop, s->step);
}

/* Slices compare like the tuples (start, stop, step). */
static KnObject *slice_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!KN_SLICE_CHECK(a) || !KN_SLICE_CHECK(b))
        return KN_NotImplemented;
    if (a == b) {
        if (op == KN_EQ || op == KN_LE || op == KN_GE)
            return KN_True;
        if (op == KN_NE || op == KN_LT || op == KN_GT)
            return KN_False;
    }
    KnObject *ta = slice_as_tuple(a), *tb = ta ? slice_as_tuple(b) : NULL;
    if (tb == NULL)
        return NULL;
    return ob_richcompare(ta, tb, op);
}

static KnObject *slice_reduce(KnObject *self, KnObject *unused)
{
    KnObject *t = slice_as_tuple(self);
    if (t == NULL)
        return NULL;
    return ob_tuple_pack(2, (KnObject *)&ob_slice_type, t);
}

static KnMethodDef slice_methods[] = {
    {"indices", (KnCFunction)slice_indices, KN_METH_O,
     "S.indices(len) -> (start, stop, stride)"},
    {"__reduce__", (KnCFunction)slice_reduce, KN_METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef slice_members[] = {
    {"start", KN_T_OBJECT, offsetof(KnSliceObject, start), KN_READONLY, NULL},
    {"stop", KN_T_OBJECT, offsetof(KnSliceObject, stop), KN_READONLY, NULL},
    {"step", KN_T_OBJECT, offsetof(KnSliceObject, step), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject ob_slice_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "slice",
    .tp_basicsize = sizeof(KnSliceObject),
    .tp_repr = slice_repr,
    .tp_hash = ob_hash_not_implemented,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing "
              "(e.g. a[0:10:2]).",
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_tp_new,
};
