/*
 * object_type.c — the `object` type: construction rules, default repr /
 * str / hash / compare, and object's methods (__class__, __dir__,
 * __format__, __sizeof__, __reduce_ex__, __init_subclass__, ...).
 */
#include <string.h>

#include "type_new.h"
#include "containers.h"

static int excess_args(KnObject *args, KnObject *kwargs)
{
    return KN_SIZE(args) > 0 || (kwargs != NULL && ob_dict_size(kwargs) > 0);
}

/* "Can't instantiate abstract class X with abstract method(s) a, b" */
static KnObject *abstract_error(KnTypeObject *t)
{
    KnObject *am = ob_dict_getitem(t->tp_dict, KN_ID(__abstractmethods__));
    if (am == NULL)
        am = ob_type_lookup(t, KN_ID(__abstractmethods__));
    KnObject *l = am ? ob_sequence_list(am) : NULL;
    if (l == NULL || ob_list_sort(l) < 0)
        return NULL;
    KnObject *sep = ob_str_from_cstr(", ");
    KnObject *joined = sep ? ob_str_join(sep, l) : NULL;
    if (joined == NULL)
        return NULL;
    return ob_err_format(ob_exc_TypeError,
                         "Can't instantiate abstract class %s with abstract method%s %U",
                         ob_type_name(t), KN_SIZE(l) > 1 ? "s" : "", joined);
}

KnObject *ob_object_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (excess_args(args, kwargs)) {
        if (t->tp_new != ob_object_new)
            return ob_err_format(ob_exc_TypeError,
                                 "object.__new__() takes exactly one argument (the type to instantiate)");
        if (t->tp_init == ob_object_init)
            return ob_err_format(ob_exc_TypeError, "%s() takes no arguments", ob_type_name(t));
    }
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_IS_ABSTRACT))
        return abstract_error(t);
    return t->tp_alloc(t, 0);
}

int ob_object_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnTypeObject *t = KN_TYPE(self);
    if (excess_args(args, kwargs)) {
        if (t->tp_init != ob_object_init) {
            ob_err_set_string(ob_exc_TypeError,
                              "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (t->tp_new == ob_object_new) {
            ob_err_format(ob_exc_TypeError,
                          "%s.__init__() takes exactly one argument (the instance to initialize)",
                          ob_type_name(t));
            return -1;
        }
    }
    return 0;
}

KnObject *ob_object_repr(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    KnObject *mod = NULL;
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE)) {
        mod = ob_dict_getitem(t->tp_dict, KN_ID(__module__));
        if (mod != NULL && !KN_STR_CHECK(mod))
            mod = NULL;
    }
    if (mod != NULL && !ob_str_equal_cstr(mod, "builtins"))
        return ob_str_from_format("<%U.%U object at %p>", mod, ob_type_qualname(t), (void *)o);
    return ob_str_from_format("<%s object at %p>", t->tp_name, (void *)o);
}

KnObject *ob_object_str(KnObject *o)
{
    reprfunc r = KN_TYPE(o)->tp_repr;
    if (r == NULL)
        r = ob_object_repr;
    return r(o);
}

/* ---- __class__ ---- */

static KnObject *object_get_class(KnObject *self, void *c)
{
    return (KnObject *)KN_TYPE(self);
}

static int object_set_class(KnObject *self, KnObject *v, void *c)
{
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!KN_TYPE_OBJ_CHECK(v)) {
        ob_err_format(ob_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                      KN_TNAME(v));
        return -1;
    }
    KnTypeObject *newt = (KnTypeObject *)v, *oldt = KN_TYPE(self);
    int mutable_ok = (KN_TYPE_HAS_FLAG(newt, KN_TPFLAGS_HEAPTYPE) &&
                      KN_TYPE_HAS_FLAG(oldt, KN_TPFLAGS_HEAPTYPE)) ||
                     (ob_type_is_subtype(newt, &ob_module_type) &&
                      ob_type_is_subtype(oldt, &ob_module_type));
    if (!mutable_ok) {
        ob_err_set_string(ob_exc_TypeError,
                          "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!ob_heaptype_layout_compatible(oldt, newt, "__class__"))
        return -1;
    self->ob_type = newt;
    return 0;
}

KnGetSetDef ob_object_getset[] = {
    { "__class__", object_get_class, object_set_class, "the object's class", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

/* ---- methods ---- */

static KnObject *object_dir(KnObject *self, KnObject *unused)
{
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    KnObject **dp = ob_object_dict_ptr(self);
    if (dp != NULL && *dp != NULL && ob_dict_update(d, *dp) < 0)
        return NULL;
    KnObject *mro = KN_TYPE(self)->tp_mro;
    for (kn_ssize_t i = 0; i < KN_SIZE(mro); i++)
        if (ob_dict_update(d, ((KnTypeObject *)KN_TUPLE_GET(mro, i))->tp_dict) < 0)
            return NULL;
    return ob_dict_keys_list(d);
}

static KnObject *object_format(KnObject *self, KnObject *spec)
{
    if (!KN_STR_CHECK(spec))
        return ob_err_format(ob_exc_TypeError, "__format__() argument must be str, not %s",
                             KN_TNAME(spec));
    if (ob_str_length(spec) > 0)
        return ob_err_format(ob_exc_TypeError, "unsupported format string passed to %s.__format__",
                             KN_TNAME(self));
    return ob_str(self);
}

static KnObject *object_sizeof(KnObject *self, KnObject *unused)
{
    KnTypeObject *t = KN_TYPE(self);
    kn_ssize_t size = t->tp_basicsize;
    if (t->tp_itemsize != 0) {
        kn_ssize_t n = KN_SIZE(self);
        size += (n < 0 ? -n : n) * t->tp_itemsize;
    }
    return ob_int_from_ssize(size);
}

static KnObject *object_init_subclass(KnObject *cls, KnObject *const *args, kn_ssize_t nargs,
                                      KnObject *kwnames)
{
    /* Accepts no arguments: keywords from a class statement that nobody
     * consumed end up here. */
    if (nargs > 0 || (kwnames != NULL && KN_SIZE(kwnames) > 0))
        return ob_err_format(ob_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                             ob_type_name((KnTypeObject *)cls));
    return KN_None;
}

static KnObject *object_subclasshook(KnObject *cls, KnObject *const *args, kn_ssize_t nargs)
{
    return KN_NotImplemented;
}

/* ------------------------------------------------------------ pickling
 * object.__reduce_ex__ / __reduce__ / __getstate__ as CPython 3.11: protocol
 * 2+ answers (copyreg.__newobj__, (cls, *args), state, listitems,
 * dictitems); older protocols defer to copyreg._reduce_ex.
 *
 * copyreg is looked up in sys.modules on every call, as CPython does: a
 * present entry (whatever it is, None included) is used as is, so a user
 * replacing sys.modules['copyreg'] is honoured; only a missing entry goes
 * through the import hook libjit registers.  The sys module's dict is
 * found once through that same hook (again when the hook changes); a hook
 * that cannot give `sys` (libobject's unit tests) means always importing. */

static KnObject *(*copyreg_hook)(KnObject *name);
static KnObject *copyreg_sysdict;   /* sys.__dict__, or NULL: no fast path */

static KnObject *import_copyreg(void)
{
    KnObject *(*hook)(KnObject *) = ob_type_hooks.import_module;
    if (hook == NULL)
        return ob_err_format(ob_exc_NotImplementedError,
                             "Kiln: pickling needs the copyreg module and no import hook is set");
    if (hook != copyreg_hook) {
        KnObject *sys = hook(KN_ID(sys));
        copyreg_sysdict = sys != NULL && KN_MODULE_CHECK(sys) ? ob_module_get_dict(sys) : NULL;
        if (sys == NULL)
            ob_err_clear();
        copyreg_hook = hook;
    }
    if (copyreg_sysdict != NULL) {
        KnObject *modules = ob_dict_getitem(copyreg_sysdict, KN_ID(modules));
        if (modules != NULL && KN_DICT_CHECK(modules)) {
            KnObject *m = ob_dict_getitem(modules, KN_ID(copyreg));
            if (m != NULL)
                return m;
        }
        if (ob_err_occurred())
            return NULL;
    }
    return hook(KN_ID(copyreg));
}

/* copyreg._slotnames(cls): the slot names along the MRO, mangled, cached
 * in cls.__slotnames__ when the class allows it. */
static KnObject *slot_names(KnTypeObject *cls)
{
    KnObject *key = KN_ID(__slotnames__);
    KnObject *names = key ? ob_dict_getitem(cls->tp_dict, key) : NULL;
    if (names != NULL && names != KN_None) {
        if (!KN_LIST_CHECK(names))
            return ob_err_format(ob_exc_TypeError, "%s.__slotnames__ should be a list or None, not %s",
                                 cls->tp_name, KN_TNAME(names));
        return names;
    }
    if (ob_err_occurred() || (names = ob_list_new(0)) == NULL)
        return NULL;
    KnObject *mro = cls->tp_mro;
    for (kn_ssize_t i = 0; ob_type_lookup(cls, KN_ID(__slots__)) && i < KN_SIZE(mro); i++) {
        KnTypeObject *c = (KnTypeObject *)KN_TUPLE_GET(mro, i);
        KnObject *slots = ob_dict_getitem(c->tp_dict, KN_ID(__slots__));
        if (slots == NULL)
            continue;
        KnObject *tup = KN_STR_CHECK(slots) ? ob_tuple_pack(1, slots) : ob_sequence_tuple(slots);
        KnObject *cname = ob_str_from_cstr(ob_type_name(c));
        if (tup == NULL || cname == NULL)
            return NULL;
        for (kn_ssize_t j = 0; j < KN_SIZE(tup); j++) {
            KnObject *n = KN_TUPLE_GET(tup, j);
            if (KN_STR_CHECK(n) && (ob_str_equal_cstr(n, "__dict__") ||
                                    ob_str_equal_cstr(n, "__weakref__")))
                continue;
            if (KN_STR_CHECK(n) && (n = ob_heaptype_mangle(cname, n)) == NULL)
                return NULL;
            if (ob_list_append(names, n) < 0)
                return NULL;
        }
    }
    if (ob_setattr((KnObject *)cls, key, names) < 0)
        ob_err_clear();     /* a class that refuses the cache still pickles */
    return names;
}

/* object.__getstate__: the instance dict (None when empty), paired with a
 * dict of the filled slots when there are any.  `required`: the object
 * cannot be rebuilt from arguments, so C-level state would be lost. */
static KnObject *getstate_default(KnObject *obj, int required)
{
    KnTypeObject *t = KN_TYPE(obj);
    if (required && t->tp_itemsize != 0)
        return ob_err_format(ob_exc_TypeError, "cannot pickle %s objects", t->tp_name);
    KnObject **dp = ob_object_dict_ptr(obj);
    KnObject *state = dp != NULL && *dp != NULL && ob_dict_size(*dp) > 0 ? *dp : KN_None;
    KnObject *names = slot_names(t);
    if (names == NULL)
        return NULL;
    if (required) {
        kn_ssize_t size = ob_object_type.tp_basicsize;
        if (t->tp_dictoffset != 0)
            size += (kn_ssize_t)sizeof(KnObject *);
        if (t->tp_weaklistoffset != 0)
            size += (kn_ssize_t)sizeof(KnObject *);
        size += (kn_ssize_t)sizeof(KnObject *) * KN_SIZE(names);
        if (t->tp_basicsize > size)
            return ob_err_format(ob_exc_TypeError, "cannot pickle '%s' object", t->tp_name);
    }
    if (KN_SIZE(names) > 0) {
        KnObject *slots = ob_dict_new();
        if (slots == NULL)
            return NULL;
        for (kn_ssize_t i = 0; i < KN_SIZE(names); i++) {
            KnObject *v;
            int r = ob_lookup_attr(obj, KN_LIST_GET(names, i), &v);
            if (r < 0 || (r > 0 && ob_dict_setitem(slots, KN_LIST_GET(names, i), v) < 0))
                return NULL;
        }
        if (ob_dict_size(slots) > 0)
            state = ob_tuple_pack(2, state, slots);
    }
    return state;
}

static KnObject *object_getstate(KnObject *self, KnObject *unused)
{
    return getstate_default(self, 0);
}

/* obj.__getstate__(), or the default without a bound-method round trip */
static KnObject *getstate_of(KnObject *obj, int required)
{
    KnObject *g = ob_getattr(obj, KN_ID(__getstate__));
    if (g == NULL)
        return NULL;
    if (KN_TYPE(g) == &ob_cfunction_type && ((KnCFunctionObject *)g)->m_self == obj &&
        ((KnCFunctionObject *)g)->m_ml->ml_meth == (KnCFunction)object_getstate)
        return getstate_default(obj, required);
    return ob_call_noargs(g);
}

KnObject *ob_object_getstate(KnObject *obj)
{
    return getstate_of(obj, 0);
}

/* __getnewargs_ex__() / __getnewargs__(): *args (tuple or NULL) and
 * *kwargs (dict or NULL) for cls.__new__. */
static int new_arguments(KnObject *obj, KnObject **args, KnObject **kwargs)
{
    *args = *kwargs = NULL;
    KnObject *f = ob_lookup_special(obj, KN_ID(__getnewargs_ex__));
    if (f != NULL) {
        KnObject *r = ob_call_noargs(f);
        if (r == NULL)
            return -1;
        if (!KN_TUPLE_CHECK(r)) {
            ob_err_format(ob_exc_TypeError, "__getnewargs_ex__ should return a tuple, not '%s'",
                          KN_TNAME(r));
            return -1;
        }
        if (KN_SIZE(r) != 2) {
            ob_err_format(ob_exc_ValueError,
                          "__getnewargs_ex__ should return a tuple of length 2, not %zd", KN_SIZE(r));
            return -1;
        }
        *args = KN_TUPLE_GET(r, 0);
        *kwargs = KN_TUPLE_GET(r, 1);
        if (!KN_TUPLE_CHECK(*args)) {
            ob_err_format(ob_exc_TypeError, "first item of the tuple returned by __getnewargs_ex__ "
                          "must be a tuple, not '%s'", KN_TNAME(*args));
            return -1;
        }
        if (!KN_DICT_CHECK(*kwargs)) {
            ob_err_format(ob_exc_TypeError, "second item of the tuple returned by __getnewargs_ex__ "
                          "must be a dict, not '%s'", KN_TNAME(*kwargs));
            return -1;
        }
        return 0;
    }
    if (ob_err_occurred())
        return -1;
    f = ob_lookup_special(obj, KN_ID(__getnewargs__));
    if (f != NULL) {
        KnObject *r = ob_call_noargs(f);
        if (r == NULL)
            return -1;
        if (!KN_TUPLE_CHECK(r)) {
            ob_err_format(ob_exc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                          KN_TNAME(r));
            return -1;
        }
        *args = r;
        return 0;
    }
    return ob_err_occurred() ? -1 : 0;
}

static KnObject *reduce_newobj(KnObject *obj)
{
    KnTypeObject *t = KN_TYPE(obj);
    if (t->tp_new == NULL)
        return ob_err_format(ob_exc_TypeError, "cannot pickle '%s' object", t->tp_name);
    KnObject *args, *kwargs;
    if (new_arguments(obj, &args, &kwargs) < 0)
        return NULL;
    KnObject *copyreg = import_copyreg();
    if (copyreg == NULL)
        return NULL;
    KnObject *newobj, *newargs;
    if (kwargs == NULL || ob_dict_size(kwargs) == 0) {
        newobj = ob_getattr(copyreg, KN_ID(__newobj__));
        kn_ssize_t n = args ? KN_SIZE(args) : 0;
        if ((newargs = ob_tuple_new(n + 1)) == NULL)
            return NULL;
        KN_TUPLE_SET(newargs, 0, (KnObject *)t);
        for (kn_ssize_t i = 0; i < n; i++)
            KN_TUPLE_SET(newargs, i + 1, KN_TUPLE_GET(args, i));
    } else {
        newobj = ob_getattr(copyreg, KN_ID(__newobj_ex__));
        newargs = ob_tuple_pack(3, (KnObject *)t, args, kwargs);
    }
    if (newobj == NULL || newargs == NULL)
        return NULL;
    KnObject *state = getstate_of(obj, !(args != NULL || KN_LIST_CHECK(obj) || KN_DICT_CHECK(obj)));
    if (state == NULL)
        return NULL;
    KnObject *listitems = KN_None, *dictitems = KN_None;
    if (KN_LIST_CHECK(obj) && (listitems = ob_get_iter(obj)) == NULL)
        return NULL;
    if (KN_DICT_CHECK(obj)) {
        KnObject *items = ob_call_method(obj, "items", 0);
        if (items == NULL || (dictitems = ob_get_iter(items)) == NULL)
            return NULL;
    }
    return ob_tuple_pack(5, newobj, newargs, state, listitems, dictitems);
}

static KnObject *common_reduce(KnObject *self, kn_ssize_t proto)
{
    if (proto >= 2)
        return reduce_newobj(self);
    KnObject *copyreg = import_copyreg();
    KnObject *p = ob_int_from_ssize(proto);
    KnObject *f = copyreg != NULL && p != NULL ? ob_getattr(copyreg, KN_ID(_reduce_ex)) : NULL;
    if (f == NULL)
        return NULL;
    KnObject *args[2] = { self, p };
    return ob_vectorcall(f, args, 2, NULL);
}

static KnObject *object_reduce(KnObject *self, KnObject *unused)
{
    return common_reduce(self, 0);
}

static KnObject *object_reduce_ex(KnObject *self, KnObject *protocol)
{
    if (!ob_index_check(protocol))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             KN_TNAME(protocol));
    kn_ssize_t proto = ob_number_as_ssize(protocol, NULL);
    if (proto == -1 && ob_err_occurred())
        return NULL;
    /* a class that overrides __reduce__ decides */
    KnObject *reduce;
    int r = ob_lookup_attr(self, KN_ID(__reduce__), &reduce);
    if (r < 0)
        return NULL;
    if (r > 0) {
        KnObject *mine = ob_type_lookup(KN_TYPE(self), KN_ID(__reduce__));
        KnObject *objs = ob_dict_getitem(ob_object_type.tp_dict, KN_ID(__reduce__));
        if (mine != objs)
            return ob_call_noargs(reduce);
    }
    return common_reduce(self, proto);
}

KnMethodDef ob_object_methods[] = {
    { "__reduce_ex__", (KnCFunction)object_reduce_ex, KN_METH_O, "Helper for pickle." },
    { "__reduce__", (KnCFunction)object_reduce, KN_METH_NOARGS, "Helper for pickle." },
    { "__getstate__", (KnCFunction)object_getstate, KN_METH_NOARGS, "Helper for pickle." },
    { "__subclasshook__", (KnCFunction)(void (*)(void))object_subclasshook,
      KN_METH_CLASS | KN_METH_FASTCALL,
      "Abstract classes can override this to customize issubclass()." },
    { "__init_subclass__", (KnCFunction)(void (*)(void))object_init_subclass,
      KN_METH_CLASS | KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "This method is called when a class is subclassed." },
    { "__format__", (KnCFunction)object_format, KN_METH_O, "Default object formatter." },
    { "__sizeof__", (KnCFunction)object_sizeof, KN_METH_NOARGS,
      "Size of object in memory, in bytes." },
    { "__dir__", (KnCFunction)object_dir, KN_METH_NOARGS, "Default dir() implementation." },
    { NULL, NULL, 0, NULL }
};

KnTypeObject ob_object_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "object",
    .tp_basicsize = sizeof(KnObject),
    .tp_repr = ob_object_repr,
    .tp_hash = ob_object_hash,
    .tp_str = ob_object_str,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = ob_object_richcompare,
    .tp_methods = ob_object_methods,
    .tp_getset = ob_object_getset,
    .tp_init = ob_object_init,
    .tp_alloc = ob_type_generic_alloc,
    .tp_new = ob_object_new,
};
