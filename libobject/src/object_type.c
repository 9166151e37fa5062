/*
 * object_type.c — the `object` type: construction rules, default repr /
 * str / hash / compare, and object's methods (__class__, __dir__,
 * __format__, __sizeof__, __reduce_ex__, __init_subclass__, ...).
 */
#include <string.h>

#include "type_new.h"

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
        return ob_err_format(ob_exc_TypeError, "format() argument 2 must be str, not %s",
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

static KnObject *object_reduce_ex(KnObject *self, KnObject *proto)
{
    return ob_err_format(ob_exc_NotImplementedError,
                         "Kiln: object.__reduce_ex__ (pickling of '%s' objects) is not implemented yet",
                         KN_TNAME(self));
}

static KnObject *object_reduce(KnObject *self, KnObject *unused)
{
    return object_reduce_ex(self, NULL);
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

static KnObject *object_getstate(KnObject *self, KnObject *unused)
{
    KnObject **dp = ob_object_dict_ptr(self);
    if (dp == NULL || *dp == NULL || ob_dict_size(*dp) == 0)
        return KN_None;
    return *dp;
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
