/*
 * mappingproxy.c — the read-only view of a mapping (types.MappingProxyType;
 * what type.__dict__ returns).
 *
 * Every read goes to the wrapped mapping, so the view follows its
 * changes; nothing writes through it.  Assignment and deletion fail with
 * the generic "does not support item assignment" messages because the
 * type has no mp_ass_subscript.
 */
#include "protocols.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *mapping;
} MappingProxy;

#define PROXY(o) (((MappingProxy *)(o))->mapping)
#define IS_PROXY(o) KN_TYPE_CHECK(o, &ob_mappingproxy_type)

/* A mapping, and not a list or tuple (those have mp_subscript too). */
static int check_mapping(KnObject *m)
{
    KnMappingMethods *mp = KN_TYPE(m)->tp_as_mapping;
    if (mp == NULL || mp->mp_subscript == NULL || KN_LIST_CHECK(m) || KN_TUPLE_CHECK(m)) {
        ob_err_format(ob_exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                      KN_TYPE(m)->tp_name);
        return -1;
    }
    return 0;
}

static KnObject *proxy_alloc(KnTypeObject *type, KnObject *mapping)
{
    if (check_mapping(mapping) < 0)
        return NULL;
    KnObject *p = ob_alloc(type, 0);
    if (p != NULL)
        PROXY(p) = mapping;
    return p;
}

KnObject *ob_mappingproxy_new(KnObject *mapping)
{
    return proxy_alloc(&ob_mappingproxy_type, mapping);
}

static const char *const proxy_new_names[] = { "mapping", NULL };
static const KnArgSpec proxy_new_spec = { "mappingproxy", proxy_new_names, 1, 1, 0 };

static KnObject *proxy_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    KnObject *m = NULL;
    if (ob_args_parse_tuple(&proxy_new_spec, args, kwargs, &m) < 0)
        return NULL;
    return proxy_alloc(type, m);
}

/* ---------------------------------------------------- the protocols */

static kn_ssize_t proxy_len(KnObject *self)
{
    return ob_length(PROXY(self));
}

static KnObject *proxy_getitem(KnObject *self, KnObject *key)
{
    return ob_getitem(PROXY(self), key);
}

static int proxy_contains(KnObject *self, KnObject *key)
{
    if (KN_DICT_CHECK_EXACT(PROXY(self)))
        return ob_dict_contains(PROXY(self), key);
    return ob_contains(PROXY(self), key);
}

static KnObject *proxy_iter(KnObject *self)
{
    return ob_get_iter(PROXY(self));
}

static KnObject *proxy_repr(KnObject *self)
{
    return ob_str_from_format("mappingproxy(%R)", PROXY(self));
}

static KnObject *proxy_str(KnObject *self)
{
    return ob_str(PROXY(self));
}

static KnObject *proxy_richcompare(KnObject *self, KnObject *other, int op)
{
    return ob_richcompare(PROXY(self), other, op);
}

/* proxy | other and other | proxy: the underlying mappings are or-ed. */
static KnObject *proxy_or(KnObject *a, KnObject *b)
{
    if (IS_PROXY(a))
        a = PROXY(a);
    if (IS_PROXY(b))
        b = PROXY(b);
    return ob_number_or(a, b);
}

static KnObject *proxy_ior(KnObject *self, KnObject *other)
{
    return ob_err_format(ob_exc_TypeError,
                         "'|=' is not supported by %s; use '|' instead", KN_TNAME(self));
}

/* ------------------------------------------------------- the methods */

static KnObject *forward(KnObject *self, const char *meth)
{
    return ob_call_method(PROXY(self), meth, 0);
}

static KnObject *proxy_keys(KnObject *self, KnObject *unused) { return forward(self, "keys"); }
static KnObject *proxy_values(KnObject *self, KnObject *unused) { return forward(self, "values"); }
static KnObject *proxy_items(KnObject *self, KnObject *unused) { return forward(self, "items"); }
static KnObject *proxy_copy(KnObject *self, KnObject *unused) { return forward(self, "copy"); }
static KnObject *proxy_reversed(KnObject *self, KnObject *unused)
{
    return forward(self, "__reversed__");
}

static KnObject *proxy_get(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("get", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return ob_call_method(PROXY(self), "get", 1, args[0]);
    return ob_call_method(PROXY(self), "get", 2, args[0], args[1]);
}

static KnMethodDef proxy_methods[] = {
    {"get", (KnCFunction)(void (*)(void))proxy_get, KN_METH_FASTCALL,
     "Return the value for key if key is in the mapping, else default."},
    {"keys", proxy_keys, KN_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", proxy_values, KN_METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"items", proxy_items, KN_METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", proxy_copy, KN_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", proxy_reversed, KN_METH_NOARGS,
     "D.__reversed__() -> reverse iterator"},
    {NULL, NULL, 0, NULL}
};

static KnMappingMethods proxy_as_mapping = {
    .mp_length = proxy_len,
    .mp_subscript = proxy_getitem,
};

static KnSequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static KnNumberMethods proxy_as_number = {
    .nb_or = proxy_or,
    .nb_inplace_or = proxy_ior,
};

KnTypeObject ob_mappingproxy_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(MappingProxy),
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = ob_hash_not_implemented,
    .tp_str = proxy_str,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC | KN_TPFLAGS_MAPPING,
    .tp_doc = "mappingproxy(mapping)\n--\n\n"
              "A read-only view of a mapping that follows its changes.",
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_methods = proxy_methods,
    .tp_new = proxy_tp_new,
};
