/*
 * operator_getters.c — operator.attrgetter, itemgetter and methodcaller:
 * callables built once and applied to many objects (repr and __reduce__
 * as CPython's).
 */
#include <string.h>

#include "libobject/libobject.h"
#include "operator_internal.h"

/* ------------------------------------------------------- itemgetter */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *items;        /* tuple */
} GetterObj;

static KnObject *getter_alloc(KnTypeObject *t, KnObject *items)
{
    GetterObj *g = (GetterObj *)ob_type_generic_alloc(t, 0);
    if (g != NULL)
        g->items = items;
    return (KnObject *)g;
}

static KnObject *itemgetter_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("itemgetter", kwargs) < 0 ||
        (KN_SIZE(args) < 1 && ob_args_check_positional("itemgetter", 0, 1, 1) < 0))
        return NULL;
    return getter_alloc(t, args);
}

static int one_arg(const char *name, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict(name, kwargs) < 0)
        return -1;
    return ob_args_check_positional(name, KN_SIZE(args), 1, 1);
}

static KnObject *itemgetter_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (one_arg("itemgetter", args, kwargs) < 0)
        return NULL;
    KnObject *obj = KN_TUPLE_GET(args, 0), *items = ((GetterObj *)self)->items;
    kn_ssize_t n = KN_SIZE(items);
    if (n == 1)
        return ob_getitem(obj, KN_TUPLE_GET(items, 0));
    KnObject *r = ob_tuple_new(n);
    for (kn_ssize_t i = 0; r != NULL && i < n; i++) {
        KnObject *v = ob_getitem(obj, KN_TUPLE_GET(items, i));
        if (v == NULL)
            return NULL;
        KN_TUPLE_SET(r, i, v);
    }
    return r;
}

/* "operator.NAME(repr(a0), repr(a1), ...)" with the recursion guard. */
static KnObject *getter_repr(KnObject *self, KnObject *shown)
{
    const char *name = KN_TYPE(self)->tp_name;
    int rec = ob_repr_enter(self);
    if (rec < 0)
        return NULL;
    if (rec > 0)
        return ob_str_from_format("%s(...)", name);
    KnObject *parts = ob_list_new(0), *r = NULL;
    for (kn_ssize_t i = 0; parts != NULL && i < KN_SIZE(shown); i++) {
        KnObject *s = ob_repr(KN_TUPLE_GET(shown, i));
        if (s == NULL || ob_list_append(parts, s) < 0)
            goto done;
    }
    if (parts != NULL) {
        KnObject *joined = ob_str_join(ob_str_from_cstr(", "), parts);
        if (joined != NULL)
            r = ob_str_from_format("%s(%U)", name, joined);
    }
done:
    ob_repr_leave(self);
    return r;
}

static KnObject *itemgetter_repr(KnObject *self)
{
    return getter_repr(self, ((GetterObj *)self)->items);
}

static KnObject *getter_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), ((GetterObj *)self)->items);
}

static KnMethodDef getter_methods[] = {
    {"__reduce__", OP_FC(getter_reduce), KN_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL}
};

KnTypeObject op_itemgetter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "operator.itemgetter",
    .tp_basicsize = sizeof(GetterObj),
    .tp_repr = itemgetter_repr,
    .tp_call = itemgetter_call,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "itemgetter(item, ...) --> itemgetter object\n\n"
              "Return a callable object that fetches the given item(s) from its operand.\n"
              "After f = itemgetter(2), the call f(r) returns r[2].\n"
              "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
    .tp_methods = getter_methods,
    .tp_new = itemgetter_new,
};

/* ------------------------------------------------------- attrgetter */

/* items: the names as given; chains: per name a tuple of its dotted parts. */
typedef struct {
    GetterObj base;
    KnObject *chains;
} AttrGetterObj;

static KnObject *attrgetter_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("attrgetter", kwargs) < 0 ||
        (KN_SIZE(args) < 1 && ob_args_check_positional("attrgetter", 0, 1, 1) < 0))
        return NULL;
    kn_ssize_t n = KN_SIZE(args);
    KnObject *chains = ob_tuple_new(n);
    if (chains == NULL)
        return NULL;
    KnObject *dot = ob_str_from_cstr(".");
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *name = KN_TUPLE_GET(args, i);
        if (!KN_STR_CHECK(name))
            return ob_err_format(ob_exc_TypeError, "attribute name must be a string");
        KnObject *parts = ob_call_method(name, "split", 1, dot);
        if (parts == NULL || (parts = ob_sequence_tuple(parts)) == NULL)
            return NULL;
        for (kn_ssize_t k = 0; k < KN_SIZE(parts); k++)
            KN_TUPLE_SET(parts, k, ob_str_intern(KN_TUPLE_GET(parts, k)));
        KN_TUPLE_SET(chains, i, parts);
    }
    AttrGetterObj *g = (AttrGetterObj *)getter_alloc(t, args);
    if (g != NULL)
        g->chains = chains;
    return (KnObject *)g;
}

static KnObject *resolve(KnObject *obj, KnObject *chain)
{
    for (kn_ssize_t i = 0; obj != NULL && i < KN_SIZE(chain); i++)
        obj = ob_getattr(obj, KN_TUPLE_GET(chain, i));
    return obj;
}

static KnObject *attrgetter_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (one_arg("attrgetter", args, kwargs) < 0)
        return NULL;
    KnObject *obj = KN_TUPLE_GET(args, 0), *chains = ((AttrGetterObj *)self)->chains;
    kn_ssize_t n = KN_SIZE(chains);
    if (n == 1)
        return resolve(obj, KN_TUPLE_GET(chains, 0));
    KnObject *r = ob_tuple_new(n);
    for (kn_ssize_t i = 0; r != NULL && i < n; i++) {
        KnObject *v = resolve(obj, KN_TUPLE_GET(chains, i));
        if (v == NULL)
            return NULL;
        KN_TUPLE_SET(r, i, v);
    }
    return r;
}

static KnObject *attrgetter_repr(KnObject *self)
{
    return getter_repr(self, ((GetterObj *)self)->items);
}

KnTypeObject op_attrgetter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "operator.attrgetter",
    .tp_basicsize = sizeof(AttrGetterObj),
    .tp_repr = attrgetter_repr,
    .tp_call = attrgetter_call,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "attrgetter(attr, ...) --> attrgetter object\n\n"
              "Return a callable object that fetches the given attribute(s) from its operand.\n"
              "After f = attrgetter('name'), the call f(r) returns r.name.\n"
              "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
              "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
              "(r.name.first, r.name.last).",
    .tp_methods = getter_methods,
    .tp_new = attrgetter_new,
};

/* ----------------------------------------------------- methodcaller */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *name, *args, *kwargs;     /* str, tuple, dict */
} CallerObj;

static KnObject *methodcaller_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (KN_SIZE(args) < 1)
        return ob_err_format(ob_exc_TypeError,
                             "methodcaller needs at least one argument, the method name");
    KnObject *name = KN_TUPLE_GET(args, 0);
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "method name must be a string");
    CallerObj *c = (CallerObj *)ob_type_generic_alloc(t, 0);
    if (c == NULL)
        return NULL;
    c->name = ob_str_intern(name);
    c->args = ob_tuple_from_array(KN_TUPLE_ITEMS(args) + 1, KN_SIZE(args) - 1);
    c->kwargs = kwargs ? ob_dict_copy(kwargs) : ob_dict_new();
    if (c->args == NULL || c->kwargs == NULL)
        return NULL;
    return (KnObject *)c;
}

static KnObject *methodcaller_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (one_arg("methodcaller", args, kwargs) < 0)
        return NULL;
    CallerObj *c = (CallerObj *)self;
    KnObject *meth = ob_getattr(KN_TUPLE_GET(args, 0), c->name);
    if (meth == NULL)
        return NULL;
    return ob_call(meth, c->args, c->kwargs);
}

static KnObject *methodcaller_repr(KnObject *self)
{
    CallerObj *c = (CallerObj *)self;
    return ft_call_repr(self, "operator.methodcaller(...)", c->name, c->args, c->kwargs);
}

static KnObject *methodcaller_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    CallerObj *c = (CallerObj *)self;
    KnObject *type = (KnObject *)KN_TYPE(self);
    if (ob_dict_size(c->kwargs) == 0) {
        KnObject *a = ob_tuple_new(KN_SIZE(c->args) + 1);
        if (a == NULL)
            return NULL;
        KN_TUPLE_SET(a, 0, c->name);
        for (kn_ssize_t i = 0; i < KN_SIZE(c->args); i++)
            KN_TUPLE_SET(a, i + 1, KN_TUPLE_GET(c->args, i));
        return ob_tuple_pack(2, type, a);
    }
    /* partial(type, name, **kwargs) applied to the positional args */
    KnObject *p = ob_call((KnObject *)&ft_partial_type, ob_tuple_pack(2, type, c->name), c->kwargs);
    if (p == NULL)
        return NULL;
    return ob_tuple_pack(2, p, c->args);
}

static KnMethodDef methodcaller_methods[] = {
    {"__reduce__", OP_FC(methodcaller_reduce), KN_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL}
};

KnTypeObject op_methodcaller_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "operator.methodcaller",
    .tp_basicsize = sizeof(CallerObj),
    .tp_repr = methodcaller_repr,
    .tp_call = methodcaller_call,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "methodcaller(name, ...) --> methodcaller object\n\n"
              "Return a callable object that calls the given method on its operand.\n"
              "After f = methodcaller('name'), the call f(r) returns r.name().\n"
              "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
              "r.name('date', foo=1).",
    .tp_methods = methodcaller_methods,
    .tp_new = methodcaller_new,
};

int op_getters_ready(void)
{
    if (ob_type_ready(&op_itemgetter_type) < 0 || ob_type_ready(&op_attrgetter_type) < 0 ||
        ob_type_ready(&op_methodcaller_type) < 0)
        return -1;
    return 0;
}
