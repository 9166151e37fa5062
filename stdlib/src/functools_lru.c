/*
 * functools_lru.c — functools._lru_cache_wrapper, the engine of
 * functools.lru_cache.
 *
 * maxsize None: an unbounded dict cache.  maxsize 0: no cache, every call
 * is a miss.  maxsize N: the dict maps key -> link; the links form a
 * circular doubly linked list through `root`, most recent before root
 * (root->prev), oldest after it (root->next).  A call that misses looks
 * the key up again after the user function returns, since the function
 * may have cached the same key meanwhile (recursion); then it is only
 * returned.  A full cache evicts the oldest link.
 */
#include "functools_internal.h"

typedef struct Link {
    KN_OBJECT_HEAD;
    struct Link *prev, *next;
    KnObject *key, *result;
} Link;

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *func, *cache, *cache_info_type, *dict, *weakreflist;
    kn_ssize_t maxsize;     /* -1: unbounded */
    int typed;
    kn_ssize_t hits, misses;
    Link root;
} LruObj;

#define L(o) ((LruObj *)(o))

KnTypeObject ft_lru_link_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "functools._lru_list_elem",
    .tp_basicsize = sizeof(Link),
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

static KnObject *kwd_mark;

static KnObject *lru_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"user_function", "maxsize", "typed", "cache_info_type", NULL};
    static const KnArgSpec spec = {"lru_cache", kw, 4, 4, 0};
    KnObject *a[4];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    if (!ob_callable_check(a[0]))
        return ob_err_format(ob_exc_TypeError, "the first argument must be callable");
    kn_ssize_t maxsize = -1;
    if (a[1] != KN_None) {
        if (!ob_index_check(a[1]))
            return ob_err_format(ob_exc_TypeError, "maxsize should be integer or None");
        maxsize = ob_number_as_ssize(a[1], ob_exc_OverflowError);
        if (maxsize == -1 && ob_err_occurred())
            return NULL;
        if (maxsize < 0)
            maxsize = 0;
    }
    int typed = ob_is_true(a[2]);
    if (typed < 0)
        return NULL;
    if (kwd_mark == NULL && (kwd_mark = ob_call_noargs((KnObject *)&ob_object_type)) == NULL)
        return NULL;
    LruObj *w = (LruObj *)ob_type_generic_alloc(t, 0);
    if (w == NULL || (w->cache = ob_dict_new()) == NULL)
        return NULL;
    w->func = a[0];
    w->maxsize = maxsize;
    w->typed = typed;
    w->cache_info_type = a[3];
    w->root.prev = w->root.next = &w->root;
    return (KnObject *)w;
}

/* The cache key: one exact int/str argument stands for itself; otherwise
 * args + (mark, k1, v1, ...) + (types when typed). */
static KnObject *make_key(LruObj *w, KnObject *const *args, kn_ssize_t n, KnObject *kwnames)
{
    kn_ssize_t nk = kwnames ? KN_SIZE(kwnames) : 0;
    if (!w->typed && nk == 0 && n == 1 &&
        (KN_INT_CHECK_EXACT(args[0]) || KN_STR_CHECK_EXACT(args[0])))
        return args[0];
    kn_ssize_t size = n + (nk ? 1 + 2 * nk : 0) + (w->typed ? n + nk : 0);
    KnObject *key = ob_tuple_new(size);
    if (key == NULL)
        return NULL;
    kn_ssize_t j = 0;
    for (kn_ssize_t i = 0; i < n; i++)
        KN_TUPLE_SET(key, j++, args[i]);
    if (nk) {
        KN_TUPLE_SET(key, j++, kwd_mark);
        for (kn_ssize_t i = 0; i < nk; i++) {
            KN_TUPLE_SET(key, j++, KN_TUPLE_GET(kwnames, i));
            KN_TUPLE_SET(key, j++, args[n + i]);
        }
    }
    if (w->typed)
        for (kn_ssize_t i = 0; i < n + nk; i++)
            KN_TUPLE_SET(key, j++, (KnObject *)KN_TYPE(args[i]));
    return key;
}

static void link_unlink(Link *l)
{
    l->prev->next = l->next;
    l->next->prev = l->prev;
}

static void link_push(LruObj *w, Link *l)
{
    Link *root = &w->root;
    l->prev = root->prev;
    l->next = root;
    root->prev->next = l;
    root->prev = l;
}

static KnObject *lru_vectorcall(LruObj *w, KnObject *const *args, kn_ssize_t n, KnObject *kwnames)
{
    if (w->maxsize == 0) {
        w->misses++;
        return ob_vectorcall(w->func, args, (size_t)n, kwnames);
    }
    KnObject *key = make_key(w, args, n, kwnames);
    if (key == NULL)
        return NULL;
    kn_hash_t h = ob_hash(key);
    if (h == -1 && ob_err_occurred())
        return NULL;
    KnObject *hit = ob_dict_getitem_known_hash(w->cache, key, h);
    if (hit == NULL && ob_err_occurred())
        return NULL;
    if (hit != NULL) {
        w->hits++;
        if (w->maxsize < 0)
            return hit;
        Link *l = (Link *)hit;
        link_unlink(l);
        link_push(w, l);
        return l->result;
    }
    w->misses++;
    KnObject *result = ob_vectorcall(w->func, args, (size_t)n, kwnames);
    if (result == NULL)
        return NULL;
    if (w->maxsize < 0)
        return ob_dict_setitem_known_hash(w->cache, key, h, result) < 0 ? NULL : result;
    /* the call may have cached the key itself */
    KnObject *again = ob_dict_getitem_known_hash(w->cache, key, h);
    if (again != NULL)
        return result;
    if (ob_err_occurred())
        return NULL;
    Link *l;
    if (ob_dict_size(w->cache) < w->maxsize) {
        if ((l = (Link *)ob_alloc(&ft_lru_link_type, 0)) == NULL)
            return NULL;
    } else {
        l = w->root.next;       /* the oldest */
        link_unlink(l);
        if (ob_dict_delitem(w->cache, l->key) < 0)
            return NULL;
    }
    l->key = key;
    l->result = result;
    if (ob_dict_setitem_known_hash(w->cache, key, h, (KnObject *)l) < 0)
        return NULL;
    link_push(w, l);
    return result;
}

static KnObject *lru_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t n = KN_SIZE(args), nk = kwargs ? ob_dict_size(kwargs) : 0;
    KnObject **buf = kgc_alloc((size_t)(n + nk + 1) * sizeof(KnObject *));
    if (buf == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < n; i++)
        buf[i] = KN_TUPLE_GET(args, i);
    KnObject *kwnames = NULL;
    if (nk > 0) {
        if ((kwnames = ob_tuple_new(nk)) == NULL)
            return NULL;
        kn_ssize_t pos = 0, i = 0;
        KnObject *k, *v;
        while (ob_dict_next(kwargs, &pos, &k, &v)) {
            KN_TUPLE_SET(kwnames, i, k);
            buf[n + i++] = v;
        }
    }
    return lru_vectorcall(L(self), buf, n, kwnames);
}

static KnObject *lru_cache_info(KnObject *self, KnObject *unused)
{
    (void)unused;
    LruObj *w = L(self);
    KnObject *maxsize = w->maxsize < 0 ? KN_None : ob_int_from_ssize(w->maxsize);
    KnObject *a[4] = {ob_int_from_ssize(w->hits), ob_int_from_ssize(w->misses), maxsize,
                      ob_int_from_ssize(ob_dict_size(w->cache))};
    return ob_vectorcall(w->cache_info_type, a, 4, NULL);
}

static KnObject *lru_cache_clear(KnObject *self, KnObject *unused)
{
    (void)unused;
    LruObj *w = L(self);
    w->hits = w->misses = 0;
    w->root.prev = w->root.next = &w->root;
    ob_dict_clear(w->cache);
    return KN_None;
}

static KnObject *lru_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_getattr_str(self, "__qualname__");
}

static KnObject *lru_copy(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    (void)args;
    (void)n;
    return self;
}

static KnObject *lru_descr_get(KnObject *self, KnObject *obj, KnObject *type)
{
    (void)type;
    if (obj == NULL || obj == KN_None)
        return self;
    return ob_method_new(self, obj);
}

static KnObject *lru_dict_get(KnObject *self, void *closure)
{
    (void)closure;
    return ft_dict_get(&L(self)->dict);
}

static int lru_dict_set(KnObject *self, KnObject *value, void *closure)
{
    (void)closure;
    return ft_dict_set(&L(self)->dict, value);
}

static KnMethodDef lru_methods[] = {
    {"cache_info", FT_FC(lru_cache_info), KN_METH_NOARGS, "Report cache statistics"},
    {"cache_clear", FT_FC(lru_cache_clear), KN_METH_NOARGS, "Clear the cache and cache statistics"},
    {"__reduce__", FT_FC(lru_reduce), KN_METH_NOARGS, NULL},
    {"__copy__", FT_FC(lru_copy), KN_METH_FASTCALL, NULL},
    {"__deepcopy__", FT_FC(lru_copy), KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef lru_getset[] = {
    {"__dict__", lru_dict_get, lru_dict_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject ft_lru_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(LruObj),
    .tp_call = lru_call,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a cached callable that wraps another function.\n\n"
              "user_function:      the function being cached\n\n"
              "maxsize:  0         for no caching\n"
              "          None      for unlimited cache size\n"
              "          n         for a bounded cache\n\n"
              "typed:    False     cache f(3) and f(3.0) as identical calls\n"
              "          True      cache f(3) and f(3.0) as distinct calls\n\n"
              "cache_info_type:    namedtuple class with the fields:\n"
              "                        hits misses currsize maxsize\n",
    .tp_weaklistoffset = offsetof(LruObj, weakreflist),
    .tp_methods = lru_methods,
    .tp_getset = lru_getset,
    .tp_descr_get = lru_descr_get,
    .tp_dictoffset = offsetof(LruObj, dict),
    .tp_new = lru_new,
};
