/*
 * collections_module.c — _collections: defaultdict, _count_elements,
 * _tuplegetter and the module (deque is in collections_deque.c).
 * OrderedDict is left to collections/__init__.py's pure-Python class.
 */
#include "collections_internal.h"

/* ------------------------------------------------------- defaultdict */

typedef struct {
    KnDictObject dict;
    KnObject *default_factory;      /* NULL: None */
} DefDict;

#define DD(o) ((DefDict *)(o))

static int dd_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *factory = NULL, *rest = args;
    if (KN_SIZE(args) > 0) {
        factory = KN_TUPLE_GET(args, 0);
        if (factory == KN_None)
            factory = NULL;
        else if (!ob_callable_check(factory)) {
            ob_err_set_string(ob_exc_TypeError, "first argument must be callable or None");
            return -1;
        }
        rest = ob_tuple_from_array(KN_TUPLE_ITEMS(args) + 1, KN_SIZE(args) - 1);
        if (rest == NULL)
            return -1;
    }
    DD(self)->default_factory = factory;
    return ob_dict_type.tp_init(self, rest, kwargs);
}

static KnObject *dd_missing(KnObject *self, KnObject *key)
{
    KnObject *f = DD(self)->default_factory;
    if (f == NULL) {
        ob_err_set_object(ob_exc_KeyError, ob_tuple_pack(1, key));
        return NULL;
    }
    KnObject *v = ob_call_noargs(f);
    if (v == NULL || ob_setitem(self, key, v) < 0)
        return NULL;
    return v;
}

static KnObject *dd_factory(KnObject *self)
{
    return DD(self)->default_factory ? DD(self)->default_factory : KN_None;
}

/* type(self)(factory, source) */
static KnObject *dd_new_from(KnObject *self, KnObject *source)
{
    return ob_vectorcall((KnObject *)KN_TYPE(self), (KnObject *[]){dd_factory(self), source}, 2,
                         NULL);
}

static KnObject *dd_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dd_new_from(self, self);
}

static KnObject *dd_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *args = DD(self)->default_factory ? ob_tuple_pack(1, DD(self)->default_factory)
                                               : ob_tuple_empty();
    KnObject *items = ob_call_method(self, "items", 0);
    KnObject *it = items ? ob_get_iter(items) : NULL;
    if (args == NULL || it == NULL)
        return NULL;
    return ob_tuple_pack(5, (KnObject *)KN_TYPE(self), args, KN_None, KN_None, it);
}

static KnObject *dd_repr(KnObject *self)
{
    KnObject *base = ob_dict_type.tp_repr(self);
    if (base == NULL)
        return NULL;
    KnObject *f = dd_factory(self), *fr;
    int rec = ob_repr_enter(f);
    if (rec < 0)
        return NULL;
    if (rec > 0) {
        fr = ob_str_from_cstr("...");
    } else {
        fr = ob_repr(f);
        ob_repr_leave(f);
    }
    if (fr == NULL)
        return NULL;
    return ob_str_from_format("%s(%U, %U)", ob_type_name(KN_TYPE(self)), fr, base);
}

static KnObject *dd_or(KnObject *left, KnObject *right)
{
    KnObject *self = left, *other = right;
    if (!KN_TYPE_CHECK(left, &co_defaultdict_type)) {
        self = right;
        other = left;
    }
    if (!KN_DICT_CHECK(other))
        return KN_NotImplemented;
    KnObject *n = dd_new_from(self, left);
    if (n == NULL || ob_dict_update(n, right) < 0)
        return NULL;
    return n;
}

static KnNumberMethods dd_as_number = {
    .nb_or = dd_or,
};

static KnMethodDef dd_methods[] = {
    {"__missing__", CO_FC(dd_missing), KN_METH_O,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n  return value"},
    {"copy", CO_FC(dd_copy), KN_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", CO_FC(dd_copy), KN_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", CO_FC(dd_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef dd_members[] = {
    {"default_factory", KN_T_OBJECT, offsetof(DefDict, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject co_defaultdict_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(DefDict),
    .tp_repr = dd_repr,
    .tp_as_number = &dd_as_number,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_DICT_SUBCLASS |
                KN_TPFLAGS_MAPPING,
    .tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
              "The default factory is called without arguments to produce\n"
              "a new value when a key is not present, in __getitem__ only.\n"
              "A defaultdict compares equal to a dict with the same items.\n"
              "All remaining arguments are treated the same as if they were\n"
              "passed to the dict constructor, including keyword arguments.\n",
    .tp_methods = dd_methods,
    .tp_members = dd_members,
    .tp_base = &ob_dict_type,
    .tp_init = dd_init,
};

/* --------------------------------------------------- _count_elements */

static KnObject *co_count_elements(KnObject *m, KnObject *const *args, kn_ssize_t n)
{
    (void)m;
    if (ob_args_check_positional("_count_elements", n, 2, 2) < 0)
        return NULL;
    KnObject *mapping = args[0], *it = ob_get_iter(args[1]), *one = ob_int_from_ssize(1);
    if (it == NULL)
        return NULL;
    KnObject *get = NULL;
    if (!KN_DICT_CHECK_EXACT(mapping) && (get = ob_getattr_str(mapping, "get")) == NULL)
        return NULL;
    for (KnObject *x; (x = ob_iter_next(it)) != NULL;) {
        KnObject *old;
        if (get == NULL) {
            old = ob_dict_getitem(mapping, x);
            if (old == NULL && ob_err_occurred())
                return NULL;
        } else {
            old = ob_vectorcall(get, (KnObject *[]){x, ob_int_from_ssize(0)}, 2, NULL);
            if (old == NULL)
                return NULL;
        }
        KnObject *nv = old ? ob_number_add(old, one) : one;
        if (nv == NULL || ob_setitem(mapping, x, nv) < 0)
            return NULL;
    }
    return ob_err_occurred() ? NULL : KN_None;
}

/* ------------------------------------------------------ _tuplegetter */

typedef struct {
    KN_OBJECT_HEAD;
    kn_ssize_t index;
    KnObject *doc;
} TupleGetter;

#define TG(o) ((TupleGetter *)(o))

static KnObject *tg_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("_tuplegetter", kwargs) < 0 ||
        ob_args_check_positional("_tuplegetter", KN_SIZE(args), 2, 2) < 0)
        return NULL;
    kn_ssize_t i = ob_number_as_ssize(KN_TUPLE_GET(args, 0), ob_exc_OverflowError);
    if (i == -1 && ob_err_occurred())
        return NULL;
    TupleGetter *g = (TupleGetter *)ob_type_generic_alloc(t, 0);
    if (g == NULL)
        return NULL;
    g->index = i;
    g->doc = KN_TUPLE_GET(args, 1);
    return (KnObject *)g;
}

static KnObject *tg_get(KnObject *self, KnObject *obj, KnObject *type)
{
    (void)type;
    if (obj == NULL || obj == KN_None)
        return self;
    if (!KN_TUPLE_CHECK(obj))
        return ob_err_format(ob_exc_TypeError,
                             "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                             TG(self)->index, ob_type_name(KN_TYPE(obj)));
    kn_ssize_t i = TG(self)->index;
    if (i < 0 || i >= KN_SIZE(obj))
        return ob_err_format(ob_exc_IndexError, "tuple index out of range");
    return KN_TUPLE_GET(obj, i);
}

static int tg_set(KnObject *self, KnObject *obj, KnObject *value)
{
    (void)self;
    (void)obj;
    ob_err_set_string(ob_exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static KnObject *tg_repr(KnObject *self)
{
    return ob_str_from_format("%s(%zd, %R)", ob_type_name(KN_TYPE(self)), TG(self)->index,
                              TG(self)->doc);
}

static KnObject *tg_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self),
                         ob_tuple_pack(2, ob_int_from_ssize(TG(self)->index), TG(self)->doc));
}

static KnMethodDef tg_methods[] = {
    {"__reduce__", CO_FC(tg_reduce), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef tg_members[] = {
    {"__doc__", KN_T_OBJECT, offsetof(TupleGetter, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject co_tuplegetter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(TupleGetter),
    .tp_repr = tg_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_methods = tg_methods,
    .tp_members = tg_members,
    .tp_descr_get = tg_get,
    .tp_descr_set = tg_set,
    .tp_new = tg_new,
};

/* ------------------------------------------------------------ module */

static KnMethodDef collections_functions[] = {
    {"_count_elements", CO_FC(co_count_elements), KN_METH_FASTCALL,
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__collections(void)
{
    static int ready;
    if (!ready) {
        for (KnMethodDef *d = co_deque_methods;; d++)
            if (d->ml_name == NULL) {
                *d = ob_generic_alias_class_getitem_def;
                break;
            }
        co_defaultdict_type.tp_new = ob_dict_type.tp_new;
        if (ob_type_ready(&co_deque_type) < 0 || ob_type_ready(&co_dequeiter_type) < 0 ||
            ob_type_ready(&co_dequereviter_type) < 0 || ob_type_ready(&co_defaultdict_type) < 0 ||
            ob_type_ready(&co_tuplegetter_type) < 0)
            return NULL;
        ready = 1;
    }
    KnObject *m = ob_module_new_cstr("_collections");
    if (m == NULL || ob_module_add_functions(m, collections_functions) < 0)
        return NULL;
    if (ob_module_add_object(m, "__doc__", ob_str_from_cstr(
            "High performance data structures.\n- deque:        ordered collection accessible "
            "from endpoints only\n- defaultdict:  dict subclass with a default value factory\n")) < 0 ||
        ob_module_add_object(m, "deque", (KnObject *)&co_deque_type) < 0 ||
        ob_module_add_object(m, "defaultdict", (KnObject *)&co_defaultdict_type) < 0 ||
        ob_module_add_object(m, "_deque_iterator", (KnObject *)&co_dequeiter_type) < 0 ||
        ob_module_add_object(m, "_deque_reverse_iterator", (KnObject *)&co_dequereviter_type) < 0 ||
        ob_module_add_object(m, "_tuplegetter", (KnObject *)&co_tuplegetter_type) < 0)
        return NULL;
    return m;
}
