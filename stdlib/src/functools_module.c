/*
 * functools_module.c — _functools: reduce, cmp_to_key (KeyWrapper) and
 * the module; partial is in functools_partial.c, _lru_cache_wrapper in
 * functools_lru.c.
 */
#include "functools_internal.h"

extern KnMethodDef *ft_partial_methods;

/* ------------------------------------------------------------ reduce */

static KnObject *ft_reduce(KnObject *m, KnObject *const *args, kn_ssize_t n, KnObject *kwnames)
{
    /* CPython's reduce is METH_VARARGS: its message has the bare name */
    if (kwnames != NULL && KN_SIZE(kwnames) > 0)
        return ob_err_format(ob_exc_TypeError, "reduce() takes no keyword arguments");
    (void)m;
    if (ob_args_check_positional("reduce", n, 2, 3) < 0)
        return NULL;
    KnObject *func = args[0], *acc = n == 3 ? args[2] : NULL;
    KnObject *it = ob_get_iter(args[1]);
    if (it == NULL) {
        if (ob_err_occurred() == ob_exc_TypeError) {
            ob_err_clear();
            ob_err_set_string(ob_exc_TypeError, "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    for (KnObject *x; (x = ob_iter_next(it)) != NULL;) {
        if (acc == NULL) {
            acc = x;
            continue;
        }
        acc = ob_vectorcall(func, (KnObject *[]){acc, x}, 2, NULL);
        if (acc == NULL)
            return NULL;
    }
    if (ob_err_occurred())
        return NULL;
    if (acc == NULL)
        return ob_err_format(ob_exc_TypeError, "reduce() of empty iterable with no initial value");
    return acc;
}

/* -------------------------------------------------- cmp_to_key, KeyWrapper */

/* cmp_to_key(f) is a KeyWrapper with obj NULL; calling it wraps a value. */
typedef struct {
    KN_OBJECT_HEAD;
    KnObject *cmp, *obj;
} KeyObj;

static KnObject *key_make(KnObject *cmp, KnObject *obj)
{
    KeyObj *k = (KeyObj *)ob_alloc(&ft_keywrapper_type, 0);
    if (k != NULL) {
        k->cmp = cmp;
        k->obj = obj;
    }
    return (KnObject *)k;
}

static KnObject *key_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"obj", NULL};
    static const KnArgSpec spec = {"K", kw, 1, 1, 0};
    KnObject *a[1];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    return key_make(((KeyObj *)self)->cmp, a[0]);
}

static KnObject *key_richcompare(KnObject *a, KnObject *b, int op)
{
    if (KN_TYPE(b) != &ft_keywrapper_type)
        return ob_err_format(ob_exc_TypeError, "other argument must be K instance");
    KeyObj *x = (KeyObj *)a, *y = (KeyObj *)b;
    if (x->obj == NULL || y->obj == NULL)
        return ob_err_format(ob_exc_AttributeError, "object");
    KnObject *r = ob_vectorcall(x->cmp, (KnObject *[]){x->obj, y->obj}, 2, NULL);
    if (r == NULL)
        return NULL;
    return ob_richcompare(r, ob_int_from_ssize(0), op);
}

static kn_hash_t key_hash(KnObject *self)
{
    ob_err_format(ob_exc_TypeError, "unhashable type: '%s'", KN_TYPE(self)->tp_name);
    return -1;
}

static KnMemberDef key_members[] = {
    {"obj", KN_T_OBJECT, offsetof(KeyObj, obj), 0, "Value wrapped by a key function."},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject ft_keywrapper_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(KeyObj),
    .tp_hash = key_hash,
    .tp_call = key_call,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_richcompare = key_richcompare,
    .tp_members = key_members,
};

static KnObject *ft_cmp_to_key(KnObject *m, KnObject *const *args, kn_ssize_t n, KnObject *kwnames)
{
    (void)m;
    static const char *const kw[] = {"mycmp", NULL};
    static const KnArgSpec spec = {"cmp_to_key", kw, 1, 1, 0};
    KnObject *a[1];
    if (ob_args_parse(&spec, args, n, kwnames, a) < 0)
        return NULL;
    return key_make(a[0], NULL);
}

/* ------------------------------------------------------------ module */

static KnMethodDef functools_functions[] = {
    {"reduce", FT_FC(ft_reduce), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "reduce(function, iterable[, initial]) -> value\n\n"
     "Apply a function of two arguments cumulatively to the items of a sequence\n"
     "or iterable, from left to right, so as to reduce the iterable to a single\n"
     "value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n"
     "((((1+2)+3)+4)+5).  If initial is present, it is placed before the items\n"
     "of the iterable in the calculation, and serves as a default when the\n"
     "iterable is empty."},
    {"cmp_to_key", FT_FC(ft_cmp_to_key), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Convert a cmp= function into a key= function."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__functools(void)
{
    static int ready;
    if (!ready) {
        for (KnMethodDef *d = ft_partial_methods;; d++)
            if (d->ml_name == NULL) {
                *d = ob_generic_alias_class_getitem_def;
                break;
            }
        if (ob_type_ready(&ft_partial_type) < 0 || ob_type_ready(&ft_keywrapper_type) < 0 ||
            ob_type_ready(&ft_lru_type) < 0 || ob_type_ready(&ft_lru_link_type) < 0)
            return NULL;
        ready = 1;
    }
    KnObject *m = ob_module_new_cstr("_functools");
    if (m == NULL || ob_module_add_functions(m, functools_functions) < 0)
        return NULL;
    if (ob_module_add_object(m, "__doc__", ob_str_from_cstr(
            "Tools that operate on functions.")) < 0 ||
        ob_module_add_object(m, "partial", (KnObject *)&ft_partial_type) < 0 ||
        ob_module_add_object(m, "_lru_cache_wrapper", (KnObject *)&ft_lru_type) < 0)
        return NULL;
    return m;
}
