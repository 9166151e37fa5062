/*
 * itertools_group.c — islice, groupby (+ _grouper), tee (+ _tee,
 * _tee_dataobject) and zip_longest.
 *
 * tee: the copies share a chain of _tee_dataobject blocks of TEE_CELLS
 * values each; every copy holds (block, index).  A block reads from the
 * shared source iterator only when a copy is at its end, so each item is
 * fetched once and kept as long as some copy still points before it.
 */
#include "itertools_internal.h"

#define KN_SSIZE_MAX ((kn_ssize_t)(((size_t)-1) >> 1))

/* ------------------------------------------------------------ islice */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *it;           /* NULL when exhausted */
    kn_ssize_t next, stop, step, cnt;   /* stop -1: none */
} ISliceObj;

/* An islice argument: None -> dflt, else a non-negative index. */
static int islice_arg(KnObject *o, kn_ssize_t dflt, kn_ssize_t *out, const char *msg)
{
    if (o == KN_None) {
        *out = dflt;
        return 0;
    }
    kn_ssize_t v = -1;
    if (ob_index_check(o)) {
        v = ob_number_as_ssize(o, ob_exc_OverflowError);
        if (v == -1 && ob_err_occurred())
            ob_err_clear();
    }
    if (v < 0) {
        ob_err_set_string(ob_exc_ValueError, msg);
        return -1;
    }
    *out = v;
    return 0;
}

static KnObject *islice_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char stopmsg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char idxmsg[] =
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (it_posonly("islice", t, args, kwargs, 2, 4) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(args), start = 0, stop = -1, step = 1;
    if (n == 2) {
        if (islice_arg(KN_TUPLE_GET(args, 1), -1, &stop, stopmsg) < 0)
            return NULL;
    } else {
        if (islice_arg(KN_TUPLE_GET(args, 1), 0, &start, idxmsg) < 0 ||
            islice_arg(KN_TUPLE_GET(args, 2), -1, &stop, idxmsg) < 0)
            return NULL;
        if (n == 4) {
            KnObject *s = KN_TUPLE_GET(args, 3);
            kn_ssize_t v = -1;
            if (s == KN_None)
                v = 1;
            else if (ob_index_check(s)) {
                v = ob_number_as_ssize(s, ob_exc_OverflowError);
                if (v == -1 && ob_err_occurred())
                    ob_err_clear();
            }
            if (v <= 0) {
                ob_err_set_string(ob_exc_ValueError,
                                  "Step for islice() must be a positive integer or None.");
                return NULL;
            }
            step = v;
        }
    }
    KnObject *it = ob_get_iter(KN_TUPLE_GET(args, 0));
    if (it == NULL)
        return NULL;
    ISliceObj *o = (ISliceObj *)it_alloc(t);
    if (o == NULL)
        return NULL;
    o->it = it;
    o->next = start;
    o->stop = stop;
    o->step = step;
    return (KnObject *)o;
}

static KnObject *islice_next(KnObject *self)
{
    ISliceObj *o = (ISliceObj *)self;
    if (o->it == NULL)
        return NULL;
    while (o->cnt < o->next) {
        if (ob_iter_next(o->it) == NULL)
            goto empty;
        o->cnt++;
    }
    if (o->stop != -1 && o->cnt >= o->stop)
        goto empty;
    KnObject *item = ob_iter_next(o->it);
    if (item == NULL)
        goto empty;
    o->cnt++;
    /* past the stop, or past sys.maxsize (where CPython's wrapped sum
     * lands on stop as well) */
    if ((o->next >= 0 && o->step > KN_SSIZE_MAX - o->next) ||
        (o->stop != -1 && o->next + o->step > o->stop))
        o->next = o->stop;
    else
        o->next += o->step;
    return item;
empty:
    o->it = NULL;
    return NULL;
}

static KnObject *islice_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    ISliceObj *o = (ISliceObj *)self;
    KnObject *type = (KnObject *)KN_TYPE(self);
    if (o->it == NULL) {
        KnObject *empty = ob_get_iter(ob_list_new(0));
        return ob_tuple_pack(3, type, ob_tuple_pack(2, empty, ob_int_from_ssize(0)),
                             ob_int_from_ssize(0));
    }
    KnObject *stop = o->stop == -1 ? KN_None : ob_int_from_ssize(o->stop);
    return ob_tuple_pack(3, type,
                         ob_tuple_pack(4, o->it, ob_int_from_ssize(o->next), stop,
                                       ob_int_from_ssize(o->step)),
                         ob_int_from_ssize(o->cnt));
}

static KnObject *islice_setstate(KnObject *self, KnObject *state)
{
    kn_ssize_t c = ob_number_as_ssize(state, ob_exc_OverflowError);
    if (c == -1 && ob_err_occurred())
        return NULL;
    ((ISliceObj *)self)->cnt = c;
    return KN_None;
}

static KnMethodDef islice_methods[] = {
    {"__reduce__", FC(islice_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", FC(islice_setstate), KN_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

IT_TYPE(it_islice_type, "islice", ISliceObj, islice_new, islice_next, islice_methods,
        "islice(iterable, stop) --> islice object\n"
        "islice(iterable, start, stop[, step]) --> islice object\n\n"
        "Return an iterator whose next() method returns selected values from an\n"
        "iterable.  If start is specified, will skip all preceding elements;\n"
        "otherwise, start defaults to zero.  Step defaults to one.  If\n"
        "specified as another value, step determines how many values are\n"
        "skipped between successive calls.  Works like a slice() on a list\n"
        "but returns an iterator.");

/* ----------------------------------------------------------- groupby */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *it, *keyfunc, *tgtkey, *currkey, *currvalue;
    KnObject *currgrouper;  /* the only _grouper that may still advance */
} GroupByObj;

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *parent, *tgtkey;
} GrouperObj;

static KnObject *groupby_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"iterable", "key", NULL};
    static const KnArgSpec spec = {"groupby", kw, 1, 2, 0};
    KnObject *a[2];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    KnObject *it = ob_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    GroupByObj *g = (GroupByObj *)it_alloc(t);
    if (g == NULL)
        return NULL;
    g->it = it;
    g->keyfunc = a[1] ? a[1] : KN_None;
    return (KnObject *)g;
}

static int groupby_step(GroupByObj *g)
{
    KnObject *v = ob_iter_next(g->it);
    if (v == NULL)
        return -1;
    KnObject *k = v;
    if (g->keyfunc != KN_None) {
        k = ob_call_onearg(g->keyfunc, v);
        if (k == NULL)
            return -1;
    }
    g->currvalue = v;
    g->currkey = k;
    return 0;
}

static KnObject *groupby_next(KnObject *self)
{
    GroupByObj *g = (GroupByObj *)self;
    g->currgrouper = NULL;
    for (;;) {
        if (g->currkey != NULL) {
            if (g->tgtkey == NULL)
                break;
            int eq = ob_richcompare_bool(g->tgtkey, g->currkey, KN_EQ);
            if (eq < 0)
                return NULL;
            if (eq == 0)
                break;
        }
        if (groupby_step(g) < 0)
            return NULL;
    }
    g->tgtkey = g->currkey;
    GrouperObj *gr = (GrouperObj *)it_alloc(&it_grouper_type);
    if (gr == NULL)
        return NULL;
    gr->parent = self;
    gr->tgtkey = g->tgtkey;
    g->currgrouper = (KnObject *)gr;
    return ob_tuple_pack(2, g->currkey, (KnObject *)gr);
}

static KnObject *grouper_next(KnObject *self)
{
    GrouperObj *gr = (GrouperObj *)self;
    GroupByObj *g = (GroupByObj *)gr->parent;
    if (g->currgrouper != self)
        return NULL;
    if (g->currvalue == NULL && groupby_step(g) < 0)
        return NULL;
    int eq = ob_richcompare_bool(gr->tgtkey, g->currkey, KN_EQ);
    if (eq <= 0)
        return NULL;
    KnObject *r = g->currvalue;
    g->currvalue = NULL;
    g->currkey = NULL;
    return r;
}

static KnObject *grouper_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (it_posonly("_grouper", t, args, kwargs, 2, 2) < 0)
        return NULL;
    KnObject *parent = KN_TUPLE_GET(args, 0);
    if (!KN_TYPE_CHECK(parent, &it_groupby_type))
        return ob_err_format(ob_exc_TypeError,
                             "_grouper() argument 1 must be itertools.groupby, not %N",
                             KN_TYPE(parent));
    GrouperObj *gr = (GrouperObj *)it_alloc(t);
    if (gr == NULL)
        return NULL;
    gr->parent = parent;
    gr->tgtkey = KN_TUPLE_GET(args, 1);
    ((GroupByObj *)parent)->currgrouper = (KnObject *)gr;
    return (KnObject *)gr;
}

static KnObject *grouper_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    GrouperObj *gr = (GrouperObj *)self;
    if (((GroupByObj *)gr->parent)->currgrouper != self)
        return ob_tuple_pack(2, ob_getattr_str(ob_get_iter(ob_tuple_empty()), "__class__"),
                             ob_tuple_pack(1, ob_tuple_empty()));
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), ob_tuple_pack(2, gr->parent, gr->tgtkey));
}

static KnMethodDef grouper_methods[] = {
    {"__reduce__", FC(grouper_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

static KnObject *groupby_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    GroupByObj *g = (GroupByObj *)self;
    KnObject *type = (KnObject *)KN_TYPE(self);
    KnObject *args = ob_tuple_pack(2, g->it, g->keyfunc);
    if (g->tgtkey && g->currkey && g->currvalue)
        return ob_tuple_pack(3, type, args, ob_tuple_pack(3, g->currkey, g->currvalue, g->tgtkey));
    return ob_tuple_pack(2, type, args);
}

static KnObject *groupby_setstate(KnObject *self, KnObject *state)
{
    GroupByObj *g = (GroupByObj *)self;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 3)
        return ob_err_format(ob_exc_TypeError, "state is not a tuple");
    g->currkey = KN_TUPLE_GET(state, 0);
    g->currvalue = KN_TUPLE_GET(state, 1);
    g->tgtkey = KN_TUPLE_GET(state, 2);
    return KN_None;
}

static KnMethodDef groupby_methods[] = {
    {"__reduce__", FC(groupby_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", FC(groupby_setstate), KN_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

IT_TYPE(it_groupby_type, "groupby", GroupByObj, groupby_new, groupby_next, groupby_methods,
        "make an iterator that returns consecutive keys and groups from the iterable\n\n"
        "  iterable\n    Elements to divide into groups according to the key function.\n"
        "  key\n    A function for computing the group category for each element.\n"
        "    If the key function is not specified or is None, the element itself\n"
        "    is used for grouping.");
IT_TYPE(it_grouper_type, "_grouper", GrouperObj, grouper_new, grouper_next, grouper_methods, NULL);

/* --------------------------------------------------------------- tee */

#define TEE_CELLS 57

typedef struct TeeData {
    KN_OBJECT_HEAD;
    KnObject *it;
    int numread, running;
    struct TeeData *nextlink;
    KnObject *values[TEE_CELLS];
} TeeData;

typedef struct {
    KN_OBJECT_HEAD;
    TeeData *data;
    int index;
    KnObject *weakreflist;
} TeeObj;

static TeeData *teedata_make(KnObject *it)
{
    TeeData *d = (TeeData *)it_alloc(&it_teedata_type);
    if (d != NULL)
        d->it = it;
    return d;
}

static KnObject *teedata_get(TeeData *d, int i)
{
    if (i < d->numread)
        return d->values[i];
    if (d->running)
        return ob_err_format(ob_exc_RuntimeError, "cannot re-enter the tee iterator");
    d->running = 1;
    KnObject *v = ob_iter_next(d->it);
    d->running = 0;
    if (v == NULL)
        return NULL;
    d->values[d->numread++] = v;
    return v;
}

static KnObject *teedata_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (it_posonly("_tee_dataobject", t, args, kwargs, 3, 3) < 0)
        return NULL;
    KnObject *values = KN_TUPLE_GET(args, 1), *next = KN_TUPLE_GET(args, 2);
    if (!KN_LIST_CHECK(values))
        return ob_err_format(ob_exc_TypeError,
                             "_tee_dataobject() argument 2 must be list, not %N", KN_TYPE(values));
    TeeData *d = (TeeData *)it_alloc(t);
    if (d == NULL)
        return NULL;
    d->it = KN_TUPLE_GET(args, 0);
    if (KN_SIZE(values) > TEE_CELLS)
        return ob_err_format(ob_exc_ValueError, "_tee_dataobject too many values");
    for (kn_ssize_t i = 0; i < KN_SIZE(values); i++)
        d->values[i] = KN_LIST_GET(values, i);
    d->numread = (int)KN_SIZE(values);
    if (KN_TYPE_CHECK(next, &it_teedata_type))
        d->nextlink = (TeeData *)next;
    else if (next != KN_None)
        return ob_err_format(ob_exc_ValueError, "_tee_dataobject next link must be a _tee_dataobject");
    return (KnObject *)d;
}

static KnObject *teedata_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    TeeData *d = (TeeData *)self;
    KnObject *vals = ob_list_from_array(d->values, d->numread);
    if (vals == NULL)
        return NULL;
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self),
                         ob_tuple_pack(3, d->it, vals, d->nextlink ? (KnObject *)d->nextlink : KN_None));
}

static KnMethodDef teedata_methods[] = {
    {"__reduce__", FC(teedata_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject it_teedata_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(TeeData),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Data container common to multiple tee objects.",
    .tp_methods = teedata_methods,
    .tp_new = teedata_new,
};

static KnObject *tee_next(KnObject *self)
{
    TeeObj *t = (TeeObj *)self;
    if (t->index >= TEE_CELLS) {
        if (t->data->nextlink == NULL) {
            t->data->nextlink = teedata_make(t->data->it);
            if (t->data->nextlink == NULL)
                return NULL;
        }
        t->data = t->data->nextlink;
        t->index = 0;
    }
    KnObject *v = teedata_get(t->data, t->index);
    if (v == NULL)
        return NULL;
    t->index++;
    return v;
}

static KnObject *tee_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    TeeObj *n = (TeeObj *)it_alloc(&it_tee_type);
    if (n == NULL)
        return NULL;
    n->data = ((TeeObj *)self)->data;
    n->index = ((TeeObj *)self)->index;
    return (KnObject *)n;
}

KnObject *it_tee_from_iterable(KnObject *iterable)
{
    KnObject *it = ob_get_iter(iterable);
    if (it == NULL)
        return NULL;
    if (KN_TYPE_CHECK(it, &it_tee_type))
        return tee_copy(it, NULL);
    TeeData *d = teedata_make(it);
    if (d == NULL)
        return NULL;
    TeeObj *t = (TeeObj *)it_alloc(&it_tee_type);
    if (t == NULL)
        return NULL;
    t->data = d;
    return (KnObject *)t;
}

static KnObject *tee_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)t;
    static const char *const kw[] = {"iterable", NULL};
    static const KnArgSpec spec = {"_tee", kw, 1, 1, 0};
    KnObject *a[1];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    return it_tee_from_iterable(a[0]);
}

static KnObject *tee_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    TeeObj *t = (TeeObj *)self;
    return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), ob_tuple_pack(1, ob_tuple_empty()),
                         ob_tuple_pack(2, (KnObject *)t->data, ob_int_from_ssize(t->index)));
}

static KnObject *tee_setstate(KnObject *self, KnObject *state)
{
    TeeObj *t = (TeeObj *)self;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 2 ||
        !KN_TYPE_CHECK(KN_TUPLE_GET(state, 0), &it_teedata_type))
        return ob_err_format(ob_exc_TypeError, "state is not a tuple");
    kn_ssize_t i = ob_number_as_ssize(KN_TUPLE_GET(state, 1), ob_exc_OverflowError);
    if (i == -1 && ob_err_occurred())
        return NULL;
    if (i < 0 || i > TEE_CELLS)
        return ob_err_format(ob_exc_ValueError, "Index out of range");
    t->data = (TeeData *)KN_TUPLE_GET(state, 0);
    t->index = (int)i;
    return KN_None;
}

static KnMethodDef tee_methods[] = {
    {"__copy__", FC(tee_copy), KN_METH_NOARGS, "Returns an independent iterator."},
    {"__reduce__", FC(tee_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", FC(tee_setstate), KN_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject it_tee_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(TeeObj),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Iterator wrapped to make it copyable.",
    .tp_weaklistoffset = offsetof(TeeObj, weakreflist),
    .tp_iter = it_self_iter,
    .tp_iternext = tee_next,
    .tp_methods = tee_methods,
    .tp_new = tee_new,
};

/* ------------------------------------------------------- zip_longest */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject **its;     /* NULL entries: exhausted */
    kn_ssize_t n, numactive;
    KnObject *fillvalue;
} ZipLObj;

static KnObject *ziplongest_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnObject *fill = KN_None;
    if (kwargs != NULL && ob_dict_size(kwargs) > 0) {
        fill = ob_dict_getitem_str(kwargs, "fillvalue");
        if (fill == NULL || ob_dict_size(kwargs) > 1)
            return ob_err_format(ob_exc_TypeError,
                                 "zip_longest() got an unexpected keyword argument");
    }
    kn_ssize_t n = KN_SIZE(args);
    KnObject **its = kgc_alloc((size_t)(n + 1) * sizeof(KnObject *));
    if (its == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < n; i++) {
        its[i] = ob_get_iter(KN_TUPLE_GET(args, i));
        if (its[i] == NULL)
            return NULL;
    }
    ZipLObj *z = (ZipLObj *)it_alloc(t);
    if (z == NULL)
        return NULL;
    z->its = its;
    z->n = z->numactive = n;
    z->fillvalue = fill;
    return (KnObject *)z;
}

static KnObject *ziplongest_next(KnObject *self)
{
    ZipLObj *z = (ZipLObj *)self;
    if (z->n == 0 || z->numactive == 0)
        return NULL;
    KnObject *r = ob_tuple_new(z->n);
    if (r == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < z->n; i++) {
        KnObject *item = z->fillvalue;
        if (z->its[i] != NULL) {
            KnObject *v = ob_iter_next(z->its[i]);
            if (v != NULL)
                item = v;
            else {
                z->numactive--;
                if (z->numactive == 0 || ob_err_occurred()) {
                    z->numactive = 0;
                    return NULL;
                }
                z->its[i] = NULL;
            }
        }
        KN_TUPLE_SET(r, i, item);
    }
    return r;
}

static KnObject *ziplongest_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    ZipLObj *z = (ZipLObj *)self;
    KnObject *args = ob_tuple_new(z->n);
    if (args == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < z->n; i++) {
        KnObject *it = z->its[i];
        if (it == NULL && (it = ob_get_iter(ob_tuple_empty())) == NULL)
            return NULL;
        KN_TUPLE_SET(args, i, it);
    }
    return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), args, z->fillvalue);
}

static KnObject *ziplongest_setstate(KnObject *self, KnObject *state)
{
    ((ZipLObj *)self)->fillvalue = state;
    return KN_None;
}

static KnMethodDef ziplongest_methods[] = {
    {"__reduce__", FC(ziplongest_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", FC(ziplongest_setstate), KN_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

IT_TYPE(it_zip_longest_type, "zip_longest", ZipLObj, ziplongest_new, ziplongest_next,
        ziplongest_methods,
        "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\n"
        "Return a zip_longest object whose .__next__() method returns a tuple where\n"
        "the i-th element comes from the i-th iterable argument.  The .__next__()\n"
        "method continues until the longest iterable in the argument sequence\n"
        "is exhausted and then it raises StopIteration.  When the shorter iterables\n"
        "are exhausted, the fillvalue is substituted in their place.  The fillvalue\n"
        "defaults to None or can be specified by a keyword argument.\n");
