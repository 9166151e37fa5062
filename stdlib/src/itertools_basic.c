/*
 * itertools_basic.c — the simple iterators of itertools: count, cycle,
 * repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse,
 * starmap, pairwise.  islice is in itertools_islice.c.
 */
#include "itertools_internal.h"

KnObject *it_self_iter(KnObject *self)
{
    return self;
}

KnObject *it_alloc(KnTypeObject *t)
{
    return ob_type_generic_alloc(t, 0);
}

/* None of the itertools classes has an __init__ of its own: the class and
 * a subclass that adds none still have object's tp_init. */
static int no_kwargs(const char *name, KnTypeObject *t, KnObject *kwargs)
{
    return ob_args_new_no_kwargs(t, &ob_object_type, name, kwargs);
}

int it_posonly(const char *name, KnTypeObject *t, KnObject *args, KnObject *kwargs,
               kn_ssize_t min, kn_ssize_t max)
{
    if (no_kwargs(name, t, kwargs) < 0)
        return -1;
    return ob_args_check_positional(name, KN_SIZE(args), min, max);
}

static KnObject *one_tuple(KnObject *a)
{
    return ob_tuple_pack(1, a);
}

/* ------------------------------------------------------------- count */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *cnt, *step;
} CountObj;

static int is_number(KnObject *o)
{
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    if (KN_TYPE_CHECK(o, &ob_complex_type))
        return 1;
    return nb != NULL && (nb->nb_index != NULL || nb->nb_int != NULL || nb->nb_float != NULL);
}

static KnObject *count_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"start", "step", NULL};
    static const KnArgSpec spec = {"count", kw, 0, 2, 0};
    KnObject *a[2];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    KnObject *start = a[0] ? a[0] : ob_int_from_ssize(0);
    KnObject *step = a[1] ? a[1] : ob_int_from_ssize(1);
    if (!is_number(start) || !is_number(step))
        return ob_err_format(ob_exc_TypeError, "a number is required");
    CountObj *c = (CountObj *)it_alloc(t);
    if (c == NULL)
        return NULL;
    c->cnt = start;
    c->step = step;
    return (KnObject *)c;
}

static KnObject *count_next(KnObject *self)
{
    CountObj *c = (CountObj *)self;
    KnObject *r = c->cnt;
    KnObject *n = ob_number_add(r, c->step);
    if (n == NULL)
        return NULL;
    c->cnt = n;
    return r;
}

static int step_is_one(KnObject *step)
{
    return KN_INT_CHECK_EXACT(step) && ob_richcompare_bool(step, ob_int_from_ssize(1), KN_EQ) == 1;
}

static KnObject *count_repr(KnObject *self)
{
    CountObj *c = (CountObj *)self;
    const char *name = ob_type_name(KN_TYPE(self));
    if (step_is_one(c->step))
        return ob_str_from_format("%s(%R)", name, c->cnt);
    return ob_str_from_format("%s(%R, %R)", name, c->cnt, c->step);
}

static KnObject *count_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    CountObj *c = (CountObj *)self;
    KnObject *args = step_is_one(c->step) ? one_tuple(c->cnt) : ob_tuple_pack(2, c->cnt, c->step);
    if (args == NULL)
        return NULL;
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), args);
}

static KnMethodDef count_methods[] = {
    {"__reduce__", FC(count_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject it_count_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "itertools.count",
    .tp_basicsize = sizeof(CountObj),
    .tp_repr = count_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Return a count object whose .__next__() method returns consecutive values.",
    .tp_iter = it_self_iter,
    .tp_iternext = count_next,
    .tp_methods = count_methods,
    .tp_new = count_new,
};

/* ------------------------------------------------------------- cycle */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *it;       /* NULL after the first pass */
    KnObject *saved;    /* list */
    kn_ssize_t index;
    int firstpass;      /* set by __setstate__: saved is already complete and
                           `it` only yields the rest of it (not saved again) */
} CycleObj;

static KnObject *cycle_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (it_posonly("cycle", t, args, kwargs, 1, 1) < 0)
        return NULL;
    KnObject *it = ob_get_iter(KN_TUPLE_GET(args, 0));
    if (it == NULL)
        return NULL;
    CycleObj *c = (CycleObj *)it_alloc(t);
    if (c == NULL)
        return NULL;
    c->it = it;
    c->saved = ob_list_new(0);
    if (c->saved == NULL)
        return NULL;
    return (KnObject *)c;
}

static KnObject *cycle_next(KnObject *self)
{
    CycleObj *c = (CycleObj *)self;
    if (c->it != NULL) {
        KnObject *item = ob_iter_next(c->it);
        if (item != NULL) {
            if (!c->firstpass && ob_list_append(c->saved, item) < 0)
                return NULL;
            return item;
        }
        if (ob_err_occurred())
            return NULL;
        c->it = NULL;
    }
    if (KN_SIZE(c->saved) == 0)
        return NULL;
    KnObject *item = KN_LIST_GET(c->saved, c->index);
    c->index++;
    if (c->index >= KN_SIZE(c->saved))
        c->index = 0;
    return item;
}

static KnObject *cycle_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    CycleObj *c = (CycleObj *)self;
    KnObject *type = (KnObject *)KN_TYPE(self);
    if (c->it == NULL) {
        /* (cycle, (iter(saved),), (saved, True)) positioned at index */
        KnObject *it = ob_get_iter(c->saved);
        if (it == NULL)
            return NULL;
        for (kn_ssize_t i = 0; i < c->index; i++)
            if (ob_iter_next(it) == NULL)
                return NULL;
        return ob_tuple_pack(3, type, one_tuple(it), ob_tuple_pack(2, c->saved, KN_True));
    }
    return ob_tuple_pack(3, type, one_tuple(c->it),
                         ob_tuple_pack(2, c->saved, KN_BOOL(c->firstpass)));
}

static KnObject *cycle_setstate(KnObject *self, KnObject *state)
{
    CycleObj *c = (CycleObj *)self;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 2 || !KN_LIST_CHECK(KN_TUPLE_GET(state, 0)))
        return ob_err_format(ob_exc_TypeError, "state is not a tuple");
    int first = ob_is_true(KN_TUPLE_GET(state, 1));
    if (first < 0)
        return NULL;
    c->saved = KN_TUPLE_GET(state, 0);
    c->firstpass = first;
    c->index = 0;
    return KN_None;
}

static KnMethodDef cycle_methods[] = {
    {"__reduce__", FC(cycle_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", FC(cycle_setstate), KN_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

IT_TYPE(it_cycle_type, "cycle", CycleObj, cycle_new, cycle_next, cycle_methods,
        "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.");

/* ------------------------------------------------------------ repeat */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *element;
    kn_ssize_t cnt;     /* -1: forever */
} RepeatObj;

static KnObject *repeat_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"object", "times", NULL};
    static const KnArgSpec spec = {"repeat", kw, 1, 2, 0};
    KnObject *a[2];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    kn_ssize_t cnt = -1;
    if (a[1] != NULL) {
        cnt = ob_number_as_ssize(a[1], ob_exc_OverflowError);
        if (cnt == -1 && ob_err_occurred())
            return NULL;
        if (cnt < 0)
            cnt = 0;
    }
    RepeatObj *r = (RepeatObj *)it_alloc(t);
    if (r == NULL)
        return NULL;
    r->element = a[0];
    r->cnt = cnt;
    return (KnObject *)r;
}

static KnObject *repeat_next(KnObject *self)
{
    RepeatObj *r = (RepeatObj *)self;
    if (r->cnt == 0)
        return NULL;
    if (r->cnt > 0)
        r->cnt--;
    return r->element;
}

static KnObject *repeat_repr(KnObject *self)
{
    RepeatObj *r = (RepeatObj *)self;
    const char *name = ob_type_name(KN_TYPE(self));
    if (r->cnt == -1)
        return ob_str_from_format("%s(%R)", name, r->element);
    return ob_str_from_format("%s(%R, %zd)", name, r->element, r->cnt);
}

static KnObject *repeat_len(KnObject *self, KnObject *unused)
{
    (void)unused;
    RepeatObj *r = (RepeatObj *)self;
    if (r->cnt == -1)
        return ob_err_format(ob_exc_TypeError, "len() of unsized object");
    return ob_int_from_ssize(r->cnt);
}

static KnObject *repeat_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    RepeatObj *r = (RepeatObj *)self;
    KnObject *args = r->cnt == -1 ? one_tuple(r->element)
                                  : ob_tuple_pack(2, r->element, ob_int_from_ssize(r->cnt));
    if (args == NULL)
        return NULL;
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), args);
}

static KnMethodDef repeat_methods[] = {
    {"__length_hint__", FC(repeat_len), KN_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", FC(repeat_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject it_repeat_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "itertools.repeat",
    .tp_basicsize = sizeof(RepeatObj),
    .tp_repr = repeat_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "repeat(object [,times]) -> create an iterator which returns the object\n"
              "for the specified number of times.  If not specified, returns the object\nendlessly.",
    .tp_iter = it_self_iter,
    .tp_iternext = repeat_next,
    .tp_methods = repeat_methods,
    .tp_new = repeat_new,
};

/* -------------------------------------------------------- accumulate */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *it, *func, *total, *initial;
} AccObj;

static KnObject *acc_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"iterable", "func", "initial", NULL};
    static const KnArgSpec spec = {"accumulate", kw, 1, 2, 0};
    KnObject *a[3];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    KnObject *it = ob_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    AccObj *o = (AccObj *)it_alloc(t);
    if (o == NULL)
        return NULL;
    o->it = it;
    o->func = a[1] == KN_None ? NULL : a[1];
    o->initial = a[2] == KN_None ? NULL : a[2];
    return (KnObject *)o;
}

static KnObject *acc_next(KnObject *self)
{
    AccObj *o = (AccObj *)self;
    if (o->initial != NULL) {
        o->total = o->initial;
        o->initial = NULL;
        return o->total;
    }
    KnObject *val = ob_iter_next(o->it);
    if (val == NULL)
        return NULL;
    if (o->total == NULL) {
        o->total = val;
        return val;
    }
    KnObject *n = o->func == NULL ? ob_number_add(o->total, val)
                                  : ob_vectorcall(o->func, (KnObject *[]){o->total, val}, 2, NULL);
    if (n == NULL)
        return NULL;
    o->total = n;
    return n;
}

static KnObject *acc_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    AccObj *o = (AccObj *)self;
    KnObject *type = (KnObject *)KN_TYPE(self);
    KnObject *func = o->func ? o->func : KN_None;
    if (o->initial != NULL)
        return ob_err_format(ob_exc_NotImplementedError,
                             "accumulate.__reduce__ with a pending initial value is not supported");
    return ob_tuple_pack(3, type, ob_tuple_pack(2, o->it, func), o->total ? o->total : KN_None);
}

static KnObject *acc_setstate(KnObject *self, KnObject *state)
{
    ((AccObj *)self)->total = state;
    return KN_None;
}

static KnMethodDef acc_methods[] = {
    {"__reduce__", FC(acc_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", FC(acc_setstate), KN_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

IT_TYPE(it_accumulate_type, "accumulate", AccObj, acc_new, acc_next, acc_methods,
        "Return series of accumulated sums (or other binary function results).");

/* ------------------------------------------------------------- chain */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *source;   /* iterator over the iterables, NULL when done */
    KnObject *active;   /* current iterator or NULL */
} ChainObj;

static KnObject *chain_make(KnTypeObject *t, KnObject *source)
{
    ChainObj *c = (ChainObj *)it_alloc(t);
    if (c == NULL)
        return NULL;
    c->source = source;
    return (KnObject *)c;
}

static KnObject *chain_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (no_kwargs("chain", t, kwargs) < 0)
        return NULL;
    KnObject *src = ob_get_iter(args);
    return src == NULL ? NULL : chain_make(t, src);
}

static KnObject *chain_from_iterable(KnObject *cls, KnObject *arg)
{
    KnObject *src = ob_get_iter(arg);
    return src == NULL ? NULL : chain_make((KnTypeObject *)cls, src);
}

static KnObject *chain_next(KnObject *self)
{
    ChainObj *c = (ChainObj *)self;
    while (c->source != NULL) {
        if (c->active == NULL) {
            KnObject *iterable = ob_iter_next(c->source);
            if (iterable == NULL) {
                c->source = NULL;
                return NULL;
            }
            c->active = ob_get_iter(iterable);
            if (c->active == NULL)
                return NULL;
        }
        KnObject *item = ob_iter_next(c->active);
        if (item != NULL)
            return item;
        if (ob_err_occurred())
            return NULL;
        c->active = NULL;
    }
    return NULL;
}

static KnObject *chain_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    ChainObj *c = (ChainObj *)self;
    KnObject *type = (KnObject *)KN_TYPE(self);
    if (c->source == NULL)
        return ob_tuple_pack(2, type, ob_tuple_empty());
    if (c->active == NULL)
        return ob_tuple_pack(3, type, ob_tuple_empty(), one_tuple(c->source));
    return ob_tuple_pack(3, type, ob_tuple_empty(), ob_tuple_pack(2, c->source, c->active));
}

static KnObject *chain_setstate(KnObject *self, KnObject *state)
{
    ChainObj *c = (ChainObj *)self;
    if (!KN_TUPLE_CHECK(state))
        return ob_err_format(ob_exc_TypeError, "state is not a tuple");
    if (KN_SIZE(state) < 1 || KN_SIZE(state) > 2)
        return ob_err_format(ob_exc_TypeError, "chain.__setstate__ expected 1 or 2 items");
    KnObject *src = KN_TUPLE_GET(state, 0);
    KnObject *act = KN_SIZE(state) == 2 ? KN_TUPLE_GET(state, 1) : NULL;
    if (!ob_iter_check(src) || (act != NULL && !ob_iter_check(act)))
        return ob_err_format(ob_exc_TypeError, "Arguments must be iterators.");
    c->source = src;
    c->active = act;
    return KN_None;
}

static KnMethodDef chain_methods[] = {
    {"from_iterable", FC(chain_from_iterable), KN_METH_O | KN_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__reduce__", FC(chain_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", FC(chain_setstate), KN_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},   /* __class_getitem__ is copied in by itertools_module.c */
    {NULL, NULL, 0, NULL}
};
KnMethodDef *it_chain_methods = chain_methods;

IT_TYPE(it_chain_type, "chain", ChainObj, chain_new, chain_next, chain_methods,
        "Return a chain object whose .__next__() method returns elements from the\n"
        "first iterable until it is exhausted, then elements from the next\n"
        "iterable, until all of the iterables are exhausted.");

/* --------------------------------------- two-iterator predicate forms */

/* compress, dropwhile, takewhile, filterfalse, starmap share one layout. */
typedef struct {
    KN_OBJECT_HEAD;
    KnObject *func;     /* predicate / function / selectors iterator */
    KnObject *it;
    int state;          /* dropwhile: done dropping; takewhile: stopped */
} PredObj;

static KnObject *pred_make(KnTypeObject *t, KnObject *func, KnObject *iterable)
{
    KnObject *it = ob_get_iter(iterable);
    if (it == NULL)
        return NULL;
    PredObj *p = (PredObj *)it_alloc(t);
    if (p == NULL)
        return NULL;
    p->func = func;
    p->it = it;
    return (KnObject *)p;
}

static KnObject *pred_new_pos(const char *name, KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (it_posonly(name, t, args, kwargs, 2, 2) < 0)
        return NULL;
    return pred_make(t, KN_TUPLE_GET(args, 0), KN_TUPLE_GET(args, 1));
}

static KnObject *pred_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    PredObj *p = (PredObj *)self;
    KnObject *r = ob_tuple_pack(2, (KnObject *)KN_TYPE(self), ob_tuple_pack(2, p->func, p->it));
    if (r == NULL || (KN_TYPE(self) != &it_dropwhile_type && KN_TYPE(self) != &it_takewhile_type))
        return r;
    return ob_tuple_pack(3, KN_TUPLE_GET(r, 0), KN_TUPLE_GET(r, 1), ob_int_from_ssize(p->state));
}

static KnObject *pred_setstate(KnObject *self, KnObject *state)
{
    int v = ob_is_true(state);
    if (v < 0)
        return NULL;
    ((PredObj *)self)->state = v;
    return KN_None;
}

static KnMethodDef pred_methods[] = {
    {"__reduce__", FC(pred_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};
static KnMethodDef predstate_methods[] = {
    {"__reduce__", FC(pred_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", FC(pred_setstate), KN_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

static KnObject *compress_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"data", "selectors", NULL};
    static const KnArgSpec spec = {"compress", kw, 2, 2, 0};
    KnObject *a[2];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    KnObject *data = ob_get_iter(a[0]);
    if (data == NULL)
        return NULL;
    KnObject *sel = ob_get_iter(a[1]);
    if (sel == NULL)
        return NULL;
    PredObj *p = (PredObj *)it_alloc(t);
    if (p == NULL)
        return NULL;
    p->it = data;
    p->func = sel;
    return (KnObject *)p;
}

static KnObject *compress_next(KnObject *self)
{
    PredObj *p = (PredObj *)self;
    for (;;) {
        KnObject *d = ob_iter_next(p->it);
        if (d == NULL)
            return NULL;
        KnObject *s = ob_iter_next(p->func);
        if (s == NULL)
            return NULL;
        int ok = ob_is_true(s);
        if (ok < 0)
            return NULL;
        if (ok)
            return d;
    }
}

static KnObject *compress_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    PredObj *p = (PredObj *)self;
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), ob_tuple_pack(2, p->it, p->func));
}

static KnMethodDef compress_methods[] = {
    {"__reduce__", FC(compress_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

IT_TYPE(it_compress_type, "compress", PredObj, compress_new, compress_next, compress_methods,
        "Return data elements corresponding to true selector elements.");

static int call_pred(KnObject *f, KnObject *item)
{
    KnObject *r = ob_call_onearg(f, item);
    return r == NULL ? -1 : ob_is_true(r);
}

static KnObject *dropwhile_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    return pred_new_pos("dropwhile", t, args, kwargs);
}

static KnObject *dropwhile_next(KnObject *self)
{
    PredObj *p = (PredObj *)self;
    for (;;) {
        KnObject *item = ob_iter_next(p->it);
        if (item == NULL)
            return NULL;
        if (p->state)
            return item;
        int ok = call_pred(p->func, item);
        if (ok < 0)
            return NULL;
        if (!ok) {
            p->state = 1;
            return item;
        }
    }
}

IT_TYPE(it_dropwhile_type, "dropwhile", PredObj, dropwhile_new, dropwhile_next, predstate_methods,
        "Drop items from the iterable while predicate(item) is true.");

static KnObject *takewhile_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    return pred_new_pos("takewhile", t, args, kwargs);
}

static KnObject *takewhile_next(KnObject *self)
{
    PredObj *p = (PredObj *)self;
    if (p->state)
        return NULL;
    KnObject *item = ob_iter_next(p->it);
    if (item == NULL)
        return NULL;
    int ok = call_pred(p->func, item);
    if (ok < 0)
        return NULL;
    if (ok)
        return item;
    p->state = 1;
    return NULL;
}

IT_TYPE(it_takewhile_type, "takewhile", PredObj, takewhile_new, takewhile_next, predstate_methods,
        "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.");

static KnObject *filterfalse_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    return pred_new_pos("filterfalse", t, args, kwargs);
}

static KnObject *filterfalse_next(KnObject *self)
{
    PredObj *p = (PredObj *)self;
    for (;;) {
        KnObject *item = ob_iter_next(p->it);
        if (item == NULL)
            return NULL;
        int ok = p->func == KN_None || KN_TYPE(p->func) == &ob_bool_type ? ob_is_true(item)
                                                                         : call_pred(p->func, item);
        if (ok < 0)
            return NULL;
        if (!ok)
            return item;
    }
}

IT_TYPE(it_filterfalse_type, "filterfalse", PredObj, filterfalse_new, filterfalse_next, pred_methods,
        "Return those items of iterable for which function(item) is false.\n\n"
        "If function is None, return the items that are false.");

static KnObject *starmap_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    return pred_new_pos("starmap", t, args, kwargs);
}

static KnObject *starmap_next(KnObject *self)
{
    PredObj *p = (PredObj *)self;
    KnObject *args = ob_iter_next(p->it);
    if (args == NULL)
        return NULL;
    if (!KN_TUPLE_CHECK_EXACT(args)) {
        args = ob_sequence_tuple(args);
        if (args == NULL)
            return NULL;
    }
    return ob_call(p->func, args, NULL);
}

IT_TYPE(it_starmap_type, "starmap", PredObj, starmap_new, starmap_next, pred_methods,
        "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.");

/* ---------------------------------------------------------- pairwise */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *it;       /* NULL when exhausted */
    KnObject *old;
} PairObj;

static KnObject *pairwise_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (it_posonly("pairwise", t, args, kwargs, 1, 1) < 0)
        return NULL;
    KnObject *it = ob_get_iter(KN_TUPLE_GET(args, 0));
    if (it == NULL)
        return NULL;
    PairObj *p = (PairObj *)it_alloc(t);
    if (p == NULL)
        return NULL;
    p->it = it;
    return (KnObject *)p;
}

static KnObject *pairwise_next(KnObject *self)
{
    PairObj *p = (PairObj *)self;
    if (p->it == NULL)
        return NULL;
    if (p->old == NULL) {
        p->old = ob_iter_next(p->it);
        if (p->old == NULL) {
            p->it = NULL;
            return NULL;
        }
    }
    KnObject *n = ob_iter_next(p->it);
    if (n == NULL) {
        p->it = NULL;
        p->old = NULL;
        return NULL;
    }
    KnObject *r = ob_tuple_pack(2, p->old, n);
    p->old = n;
    return r;
}

IT_TYPE(it_pairwise_type, "pairwise", PairObj, pairwise_new, pairwise_next, NULL,
        "Return an iterator of overlapping pairs taken from the input iterator.\n\n"
        "    s -> (s0,s1), (s1,s2), (s2, s3), ...");
