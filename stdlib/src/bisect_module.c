/*
 * bisect_module.c — `_bisect`: bisect_left/right and insort_left/right
 * with lo, hi and key, as CPython 3.11: items fetched with the sequence
 * protocol, compared with `<` (ob_richcompare_bool), hi=None meaning
 * len(a); insort inserts with a.insert(i, x).
 */
#include "libobject/libobject.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

static const char *const bisect_names[] = { "a", "x", "lo", "hi", "key", NULL };

typedef struct {
    KnObject *a, *x, *key;
    kn_ssize_t lo, hi;
} BisectArgs;

/* A Py_ssize_t argument; `none_ok`: None gives -1 (hi). */
static int ssize_arg(KnObject *o, int none_ok, kn_ssize_t *out)
{
    if (none_ok && o == KN_None) {
        *out = -1;
        return 0;
    }
    if (!ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      KN_TYPE(o)->tp_name);
        return -1;
    }
    kn_ssize_t v = ob_number_as_ssize(o, ob_exc_OverflowError);
    if (v == -1 && ob_err_occurred())
        return -1;
    *out = v;
    return 0;
}

static int parse(const char *fname, KnObject *const *args, kn_ssize_t nargs,
                 KnObject *kwnames, BisectArgs *b)
{
    KnArgSpec spec = { fname, bisect_names, 2, 4, 0 };
    KnObject *v[5];
    if (ob_args_parse(&spec, args, nargs, kwnames, v) < 0)
        return -1;
    b->a = v[0];
    b->x = v[1];
    b->lo = 0;
    b->hi = -1;
    b->key = v[4] != NULL ? v[4] : KN_None;
    if (v[2] != NULL && ssize_arg(v[2], 0, &b->lo) < 0)
        return -1;
    if (v[3] != NULL && ssize_arg(v[3], 1, &b->hi) < 0)
        return -1;
    return 0;
}

/* The insertion point; right: after equal items.  -1 on error. */
static kn_ssize_t bisect(KnObject *a, KnObject *x, kn_ssize_t lo, kn_ssize_t hi,
                         KnObject *key, int right)
{
    if (lo < 0) {
        ob_err_set_string(ob_exc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi == -1) {
        hi = ob_length(a);
        if (hi < 0)
            return -1;
    }
    while (lo < hi) {
        kn_ssize_t mid = (kn_ssize_t)(((size_t)lo + (size_t)hi) / 2);
        KnObject *item = ob_sequence_getitem(a, mid);
        if (item == NULL)
            return -1;
        if (key != KN_None && (item = ob_call_onearg(key, item)) == NULL)
            return -1;
        int lt = right ? ob_richcompare_bool(x, item, KN_LT) : ob_richcompare_bool(item, x, KN_LT);
        if (lt < 0)
            return -1;
        if (right ? lt : !lt)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static KnObject *do_bisect(const char *fname, int right, KnObject *const *args,
                           kn_ssize_t nargs, KnObject *kwnames)
{
    BisectArgs b;
    if (parse(fname, args, nargs, kwnames, &b) < 0)
        return NULL;
    kn_ssize_t i = bisect(b.a, b.x, b.lo, b.hi, b.key, right);
    return i < 0 ? NULL : ob_int_from_ssize(i);
}

static KnObject *do_insort(const char *fname, int right, KnObject *const *args,
                           kn_ssize_t nargs, KnObject *kwnames)
{
    BisectArgs b;
    if (parse(fname, args, nargs, kwnames, &b) < 0)
        return NULL;
    KnObject *kx = b.x;
    if (b.key != KN_None && (kx = ob_call_onearg(b.key, b.x)) == NULL)
        return NULL;
    kn_ssize_t i = bisect(b.a, kx, b.lo, b.hi, b.key, right);
    if (i < 0)
        return NULL;
    KnObject *idx = ob_int_from_ssize(i);
    if (idx == NULL || ob_call_method(b.a, "insert", 2, idx, b.x) == NULL)
        return NULL;
    return KN_None;
}

static KnObject *bisect_right(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return do_bisect("bisect_right", 1, a, n, kw);
}

static KnObject *bisect_left(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return do_bisect("bisect_left", 0, a, n, kw);
}

static KnObject *insort_right(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return do_insort("insort_right", 1, a, n, kw);
}

static KnObject *insort_left(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return do_insort("insort_left", 0, a, n, kw);
}

#define KWFAST (KN_METH_FASTCALL | KN_METH_KEYWORDS)
static KnMethodDef bisect_functions[] = {
    { "bisect_right", FC(bisect_right), KWFAST, "Return the index where to insert item x in list a, assuming a is sorted (after any equal items)." },
    { "insort_right", FC(insort_right), KWFAST, "Insert item x in list a, and keep it sorted assuming a is sorted (after any equal items)." },
    { "bisect_left", FC(bisect_left), KWFAST, "Return the index where to insert item x in list a, assuming a is sorted (before any equal items)." },
    { "insort_left", FC(insort_left), KWFAST, "Insert item x in list a, and keep it sorted assuming a is sorted (before any equal items)." },
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init__bisect(void)
{
    KnObject *m = ob_module_new_cstr("_bisect");
    if (m == NULL || ob_module_add_functions(m, bisect_functions) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n")) < 0)
        return NULL;
    return m;
}
