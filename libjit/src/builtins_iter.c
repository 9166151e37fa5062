/* builtins_iter.c — builtins that consume iterables:
 * all any iter next aiter anext min max sorted. */
#include "builtins.h"
#include "gen_inline.h"

/* all() and any(): stop at the first item whose truth equals `stop_on`.
 * Over an exact generator the items whose truth needs no Python code
 * (None, bools, exact ints, floats, strs, tuples, lists, dicts) and does
 * not stop the scan are taken in the generator's own eval loop
 * (gen_inline.h); the others come back here. */
typedef struct TruthScan {
    jit_gen_driver drv;
    int stop_on;
} TruthScan;

static int truth_take(jit_gen_driver *drv, KnObject *item)
{
    KnTypeObject *t = KN_TYPE(item);
    if (item != KN_None && t != &ob_bool_type && t != &ob_int_type && t != &ob_float_type &&
        t != &ob_str_type && t != &ob_tuple_type && t != &ob_list_type && t != &ob_dict_type)
        return 1;
    return ob_is_true(item) == ((TruthScan *)drv)->stop_on;
}

static KnObject *truth_scan(KnObject *iterable, int stop_on)
{
    KnObject *it = ob_get_iter(iterable);
    if (it == NULL)
        return NULL;
    TruthScan ts = { { NULL, truth_take, NULL }, stop_on };
    int driven = KN_TYPE(it) == &jit_gen_type;
    KnObject *item;
    while ((item = driven ? jit_gen_next_driven(it, &ts.drv) : ob_iter_next(it)) != NULL) {
        int t = ob_is_true(item);
        if (t < 0)
            return NULL;
        if (t == stop_on)
            return KN_BOOL(stop_on);
    }
    if (ob_err_occurred())
        return NULL;
    return KN_BOOL(!stop_on);
}

static KnObject *bi_all(KnObject *self, KnObject *x) { return truth_scan(x, 0); }
static KnObject *bi_any(KnObject *self, KnObject *x) { return truth_scan(x, 1); }

static KnObject *bi_iter(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return ob_get_iter(args[0]);
    if (!ob_callable_check(args[0]))
        return ob_err_format(ob_exc_TypeError, "iter(v, w): v must be callable");
    return ob_calliter_new(args[0], args[1]);
}

static KnObject *bi_next(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("next", nargs, 1, 2) < 0)
        return NULL;
    KnObject *it = args[0];
    if (!ob_iter_check(it))
        return ob_err_format(ob_exc_TypeError, "'%s' object is not an iterator",
                             ob_type_name(KN_TYPE(it)));
    /* tp_iternext directly: a StopIteration carrying a value (a generator's
     * return) must reach the caller unchanged when there is no default. */
    KnObject *r = KN_TYPE(it)->tp_iternext(it);
    if (r != NULL)
        return r;
    if (ob_err_occurred()) {
        if (nargs < 2 || !ob_err_matches((KnObject *)ob_exc_StopIteration))
            return NULL;
        ob_err_clear();
        return args[1];
    }
    if (nargs > 1)
        return args[1];
    ob_err_set_none(ob_exc_StopIteration);
    return NULL;
}

static KnObject *bi_aiter(KnObject *self, KnObject *x)
{
    KnTypeObject *t = KN_TYPE(x);
    if (t->tp_as_async == NULL || t->tp_as_async->am_aiter == NULL)
        return ob_err_format(ob_exc_TypeError, "'%s' object is not an async iterable",
                             ob_type_name(t));
    KnObject *it = t->tp_as_async->am_aiter(x);
    if (it == NULL)
        return NULL;
    KnTypeObject *it_t = KN_TYPE(it);
    if (it_t->tp_as_async == NULL || it_t->tp_as_async->am_anext == NULL)
        return ob_err_format(ob_exc_TypeError,
                             "aiter() returned not an async iterator of type '%s'",
                             ob_type_name(it_t));
    return it;
}

static KnObject *bi_anext(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("anext", nargs, 1, 2) < 0)
        return NULL;
    KnTypeObject *t = KN_TYPE(args[0]);
    if (t->tp_as_async == NULL || t->tp_as_async->am_anext == NULL)
        return ob_err_format(ob_exc_TypeError, "'%s' object is not an async iterator",
                             ob_type_name(t));
    KnObject *awaitable = t->tp_as_async->am_anext(args[0]);
    if (awaitable == NULL || nargs == 1)
        return awaitable;
    return jit_anext_awaitable_new(awaitable, args[1]);
}

/* min() and max(): op is KN_LT for min, KN_GT for max. */
/* min()/max() without key over an exact generator: an exact int or bool
 * compared with a best so far of the same family, or an exact float with
 * an exact float, runs no Python code and cannot fail, so such items are
 * taken in the generator's own eval loop (gen_inline.h); anything else
 * comes back. */
typedef struct MinMax {
    jit_gen_driver drv;
    KnObject *best;
    int op;
} MinMax;

/* 1: exact int or bool, 2: exact float, 0: anything else. */
static int number_family(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    return t == &ob_int_type || t == &ob_bool_type ? 1 : t == &ob_float_type ? 2 : 0;
}

static int min_max_take(jit_gen_driver *drv, KnObject *item)
{
    MinMax *m = (MinMax *)drv;
    int f;
    if (m->best == NULL || (f = number_family(item)) == 0 || f != number_family(m->best))
        return 1;
    if (ob_richcompare_bool(item, m->best, m->op) > 0)
        m->best = item;
    return 0;
}

static KnObject *min_max(const char *name, KnObject *const *args, kn_ssize_t nargs,
                         KnObject *kwnames, int op)
{
    static const char *const names[] = { "key", "default", NULL };
    KnArgSpec spec = { name, names, 0, 0, 0 };
    KnObject *kw[2];
    if (nargs == 0)
        return ob_err_format(ob_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (ob_args_parse(&spec, args + nargs, 0, kwnames, kw) < 0)
        return NULL;
    KnObject *key = kw[0] == KN_None ? NULL : kw[0], *dflt = kw[1];
    if (nargs > 1 && dflt != NULL)
        return ob_err_format(ob_exc_TypeError,
                             "Cannot specify a default for %s() with multiple positional "
                             "arguments", name);
    KnObject *source = nargs == 1 ? args[0] : ob_tuple_from_array(args, nargs);
    if (source == NULL)
        return NULL;
    KnObject *it = ob_get_iter(source);
    if (it == NULL)
        return NULL;
    KnObject *best = NULL, *best_key = NULL, *item;
    MinMax mm = { { NULL, min_max_take, NULL }, NULL, op };
    int driven = key == NULL && KN_TYPE(it) == &jit_gen_type;
    for (;;) {
        if (driven) {
            mm.best = best;
            item = jit_gen_next_driven(it, &mm.drv);
            best = best_key = mm.best;
        } else {
            item = ob_iter_next(it);
        }
        if (item == NULL)
            break;
        KnObject *k = key ? ob_call_onearg(key, item) : item;
        if (k == NULL)
            return NULL;
        if (best == NULL) {
            best = item;
            best_key = k;
            continue;
        }
        int better = ob_richcompare_bool(k, best_key, op);
        if (better < 0)
            return NULL;
        if (better) {
            best = item;
            best_key = k;
        }
    }
    if (ob_err_occurred())
        return NULL;
    if (best != NULL)
        return best;
    if (dflt != NULL)
        return dflt;
    return ob_err_format(ob_exc_ValueError, "%s() arg is an empty sequence", name);
}

static KnObject *bi_min(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                        KnObject *kwnames)
{
    return min_max("min", args, nargs, kwnames, KN_LT);
}

static KnObject *bi_max(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                        KnObject *kwnames)
{
    return min_max("max", args, nargs, kwnames, KN_GT);
}

static KnObject *bi_sorted(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    if (ob_args_check_positional("sorted", nargs, 1, 1) < 0)
        return NULL;
    KnObject *list = ob_sequence_list(args[0]);
    if (list == NULL)
        return NULL;
    if (list == args[0] && (list = ob_list_from_array(KN_LIST_ITEMS(list), KN_SIZE(list))) == NULL)
        return NULL;
    KnObject *sort = ob_getattr_str(list, "sort");
    if (sort == NULL)
        return NULL;
    /* list.sort(*, key=None, reverse=False) checks the keywords itself. */
    if (ob_vectorcall(sort, args + nargs, 0, kwnames) == NULL)
        return NULL;
    return list;
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

KnMethodDef jit_builtins_iter_methods[] = {
    { "aiter", bi_aiter, KN_METH_O, "aiter($module, async_iterable, /)\n--\n\n"
      "Return an AsyncIterator for an AsyncIterable object." },
    { "all", bi_all, KN_METH_O, "all($module, iterable, /)\n--\n\n"
      "Return True if bool(x) is True for all values x in the iterable." },
    { "anext", FAST(bi_anext), KN_METH_FASTCALL,
      "anext($module, aiterator, default=<unrepresentable>, /)\n--\n\n"
      "Return the next item from the async iterator." },
    { "any", bi_any, KN_METH_O, "any($module, iterable, /)\n--\n\n"
      "Return True if bool(x) is True for any x in the iterable." },
    { "iter", FAST(bi_iter), KN_METH_FASTCALL, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\n"
      "Get an iterator from an object." },
    { "max", FAST(bi_max), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\n"
      "With a single iterable argument, return its biggest item." },
    { "min", FAST(bi_min), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\n"
      "With a single iterable argument, return its smallest item." },
    { "next", FAST(bi_next), KN_METH_FASTCALL, "next(iterator[, default])\n\n"
      "Return the next item from the iterator." },
    { "sorted", FAST(bi_sorted), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\n"
      "Return a new list containing all items from the iterable in ascending order." },
    { NULL, NULL, 0, NULL },
};
