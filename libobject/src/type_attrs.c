/*
 * type_attrs.c — the `type` type object itself: its attributes
 * (__name__, __qualname__, __bases__, __mro__, __module__, __doc__,
 * __dict__, ...) and methods (mro, __subclasses__, __prepare__, ...).
 */
#include <string.h>

#include "type_new.h"

KnObject *ob_type_instancecheck(KnObject *self, KnObject *o);
KnObject *ob_type_subclasscheck(KnObject *self, KnObject *o);
KnObject *ob_type_new_entry(KnTypeObject *meta, KnObject *args, KnObject *kwargs);
int ob_type_init_entry(KnObject *self, KnObject *args, KnObject *kwargs);
KnObject *ob_mappingproxy_new(KnObject *mapping);

#define TYPE(o) ((KnTypeObject *)(o))
#define IS_HEAP(t) KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE)

static int check_settable(KnTypeObject *t, KnObject *v, const char *name)
{
    if (!IS_HEAP(t) || KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_IMMUTABLETYPE)) {
        ob_err_format(ob_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                      name, t->tp_name);
        return -1;
    }
    if (v == NULL) {
        ob_err_format(ob_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                      name, t->tp_name);
        return -1;
    }
    return 0;
}

static KnObject *type_get_name(KnObject *self, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (IS_HEAP(t))
        return ((KnHeapTypeObject *)t)->ht_name;
    return ob_str_from_cstr(ob_type_name(t));
}

static int type_set_name(KnObject *self, KnObject *v, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (check_settable(t, v, "__name__") < 0)
        return -1;
    if (!KN_STR_CHECK(v)) {
        ob_err_format(ob_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                      t->tp_name, KN_TNAME(v));
        return -1;
    }
    kn_ssize_t n;
    const char *s = ob_str_as_utf8(v, &n);
    if (s == NULL)
        return -1;
    if ((kn_ssize_t)strlen(s) != n) {
        ob_err_set_string(ob_exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    KnHeapTypeObject *ht = (KnHeapTypeObject *)t;
    ht->ht_name = v;
    t->tp_name = s;
    return 0;
}

KnObject *ob_type_qualname(KnTypeObject *t)
{
    if (IS_HEAP(t))
        return ((KnHeapTypeObject *)t)->ht_qualname;
    return ob_str_from_cstr(ob_type_name(t));
}

static KnObject *type_get_qualname(KnObject *self, void *c)
{
    return ob_type_qualname(TYPE(self));
}

static int type_set_qualname(KnObject *self, KnObject *v, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (check_settable(t, v, "__qualname__") < 0)
        return -1;
    if (!KN_STR_CHECK(v)) {
        ob_err_format(ob_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                      t->tp_name, KN_TNAME(v));
        return -1;
    }
    ((KnHeapTypeObject *)t)->ht_qualname = v;
    return 0;
}

static KnObject *type_get_bases(KnObject *self, void *c)
{
    return TYPE(self)->tp_bases;
}

static KnObject *type_get_base(KnObject *self, void *c)
{
    KnTypeObject *b = TYPE(self)->tp_base;
    return b ? (KnObject *)b : KN_None;
}

static KnObject *type_get_mro(KnObject *self, void *c)
{
    KnObject *m = TYPE(self)->tp_mro;
    return m ? m : KN_None;
}

static KnObject *type_get_module(KnObject *self, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (IS_HEAP(t)) {
        KnObject *m = ob_dict_getitem(t->tp_dict, KN_ID(__module__));
        if (m == NULL) {
            if (!ob_err_occurred())
                ob_err_attribute(self, KN_ID(__module__));
            return NULL;
        }
        return m;
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot != NULL)
        return ob_str_from_utf8(t->tp_name, dot - t->tp_name);
    return ob_str_intern_cstr("builtins");
}

static int type_set_module(KnObject *self, KnObject *v, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (check_settable(t, v, "__module__") < 0)
        return -1;
    ob_type_modified(t);
    return ob_dict_setitem(t->tp_dict, KN_ID(__module__), v);
}

static KnObject *type_get_doc(KnObject *self, void *c)
{
    KnTypeObject *t = TYPE(self);
    /* a static type's __doc__ in its dict may be a descriptor for its
     * instances (property.__doc__): the class answers with tp_doc */
    if (!IS_HEAP(t) && t->tp_doc != NULL)
        return ob_type_internal_doc(t);
    KnObject *d = ob_dict_getitem(t->tp_dict, KN_ID(__doc__));
    if (d == NULL)
        return ob_err_occurred() ? NULL : KN_None;
    descrgetfunc get = KN_TYPE(d)->tp_descr_get;
    if (get != NULL)
        return get(d, NULL, self);
    return d;
}

static int type_set_doc(KnObject *self, KnObject *v, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (check_settable(t, v, "__doc__") < 0)
        return -1;
    ob_type_modified(t);
    return ob_dict_setitem(t->tp_dict, KN_ID(__doc__), v);
}

static KnObject *type_get_dict(KnObject *self, void *c)
{
    return ob_mappingproxy_new(TYPE(self)->tp_dict);
}

static KnObject *type_get_abstractmethods(KnObject *self, void *c)
{
    KnObject *v = NULL;
    if (self != (KnObject *)&ob_type_type)
        v = ob_dict_getitem(TYPE(self)->tp_dict, KN_ID(__abstractmethods__));
    if (v == NULL && !ob_err_occurred())      /* CPython's message is the bare name */
        ob_err_format(ob_exc_AttributeError, "__abstractmethods__");
    return v;
}

static int type_set_abstractmethods(KnObject *self, KnObject *v, void *c)
{
    KnTypeObject *t = TYPE(self);
    int abstract = 0;
    if (v != NULL) {
        abstract = ob_is_true(v);
        if (abstract < 0)
            return -1;
        if (ob_dict_setitem(t->tp_dict, KN_ID(__abstractmethods__), v) < 0)
            return -1;
    } else {
        if (ob_dict_getitem(t->tp_dict, KN_ID(__abstractmethods__)) == NULL) {
            if (!ob_err_occurred())
                ob_err_format(ob_exc_AttributeError, "__abstractmethods__");
            return -1;
        }
        if (ob_dict_delitem(t->tp_dict, KN_ID(__abstractmethods__)) < 0)
            return -1;
    }
    ob_type_modified(t);
    if (abstract)
        t->tp_flags |= KN_TPFLAGS_IS_ABSTRACT;
    else
        t->tp_flags &= ~KN_TPFLAGS_IS_ABSTRACT;
    return 0;
}

static KnObject *type_get_text_signature(KnObject *self, void *c)
{
    return KN_None;
}

static KnObject *type_get_annotations(KnObject *self, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (!IS_HEAP(t))
        return ob_err_format(ob_exc_AttributeError,
                             "type object '%s' has no attribute '__annotations__'", t->tp_name);
    KnObject *a = ob_dict_getitem(t->tp_dict, KN_ID(__annotations__));
    if (a != NULL) {
        descrgetfunc get = KN_TYPE(a)->tp_descr_get;
        return get ? get(a, NULL, self) : a;
    }
    if (ob_err_occurred() || (a = ob_dict_new()) == NULL)
        return NULL;
    if (ob_dict_setitem(t->tp_dict, KN_ID(__annotations__), a) < 0)
        return NULL;
    ob_type_modified(t);
    return a;
}

static int type_set_annotations(KnObject *self, KnObject *v, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_IMMUTABLETYPE)) {
        ob_err_format(ob_exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                      t->tp_name);
        return -1;
    }
    ob_type_modified(t);
    if (v == NULL)
        return ob_dict_delitem(t->tp_dict, KN_ID(__annotations__));
    return ob_dict_setitem(t->tp_dict, KN_ID(__annotations__), v);
}

/* ---- __bases__ assignment ---- */

/* A copy of list l without x (tp_subclasses entries). */
static KnObject *list_without(KnObject *l, KnObject *x)
{
    KnObject *r = ob_list_new(0);
    for (kn_ssize_t i = 0; r != NULL && i < KN_SIZE(l); i++)
        if (KN_LIST_GET(l, i) != x && ob_list_append(r, KN_LIST_GET(l, i)) < 0)
            return NULL;
    return r;
}

/* Recompute the MRO of t and every subclass below it, remembering the
 * old ones in `saved` (type, mro, type, mro, ...) for an undo. */
static int remro_hierarchy(KnTypeObject *t, KnObject *saved)
{
    KnObject *old_mro = t->tp_mro;
    if (ob_mro_compute(t) < 0)
        return -1;
    if (ob_list_append(saved, (KnObject *)t) < 0 || ob_list_append(saved, old_mro) < 0)
        return -1;
    KnObject *subs = t->tp_subclasses;
    for (kn_ssize_t i = 0; subs != NULL && i < KN_SIZE(subs); i++)
        if (remro_hierarchy(TYPE(KN_LIST_GET(subs, i)), saved) < 0)
            return -1;
    return 0;
}

/* Point the slots of t and its subclasses at what their new MROs define. */
static int refix_hierarchy(KnTypeObject *t)
{
    if (ob_type_fixup_slots(t) < 0)
        return -1;
    KnObject *subs = t->tp_subclasses;
    for (kn_ssize_t i = 0; subs != NULL && i < KN_SIZE(subs); i++)
        if (refix_hierarchy(TYPE(KN_LIST_GET(subs, i))) < 0)
            return -1;
    return 0;
}

static int type_set_bases(KnObject *self, KnObject *v, void *c)
{
    KnTypeObject *t = TYPE(self);
    if (check_settable(t, v, "__bases__") < 0)
        return -1;
    if (!KN_TUPLE_CHECK(v)) {
        ob_err_format(ob_exc_TypeError, "can only assign tuple to %s.__bases__, not %s",
                      t->tp_name, KN_TNAME(v));
        return -1;
    }
    if (KN_SIZE(v) == 0) {
        ob_err_format(ob_exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                      t->tp_name);
        return -1;
    }
    for (kn_ssize_t i = 0; i < KN_SIZE(v); i++) {
        KnObject *b = KN_TUPLE_GET(v, i);
        if (!KN_TYPE_OBJ_CHECK(b)) {
            ob_err_format(ob_exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                          t->tp_name, KN_TNAME(b));
            return -1;
        }
        if (ob_type_is_subtype(TYPE(b), t)) {
            ob_err_set_string(ob_exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    KnTypeObject *new_base = ob_heaptype_best_base(v);
    if (new_base == NULL || !ob_heaptype_layout_compatible(t->tp_base, new_base, "__bases__"))
        return -1;

    KnObject *old_bases = t->tp_bases;
    KnTypeObject *old_base = t->tp_base;
    KnObject *saved = ob_list_new(0);
    if (saved == NULL)
        return -1;
    t->tp_bases = v;
    t->tp_base = new_base;
    if (remro_hierarchy(t, saved) < 0) {
        for (kn_ssize_t i = 0; i + 1 < KN_SIZE(saved); i += 2)
            TYPE(KN_LIST_GET(saved, i))->tp_mro = KN_LIST_GET(saved, i + 1);
        if (t->tp_bases == v) {     /* not replaced again by a reentrant mro() */
            t->tp_bases = old_bases;
            t->tp_base = old_base;
        }
        ob_type_modified(t);    /* lookups made meanwhile saw the new MROs */
        return -1;
    }
    /* A metaclass mro() may itself have assigned __bases__ meanwhile; that
     * inner assignment already moved t between the subclass lists. */
    if (t->tp_bases != v) {
        ob_type_modified(t);
        return refix_hierarchy(t);
    }
    for (kn_ssize_t i = 0; i < KN_SIZE(old_bases); i++) {
        KnTypeObject *b = TYPE(KN_TUPLE_GET(old_bases, i));
        if (b->tp_subclasses != NULL &&
            (b->tp_subclasses = list_without(b->tp_subclasses, self)) == NULL)
            return -1;
    }
    for (kn_ssize_t i = 0; i < KN_SIZE(v); i++)
        if (ob_type_add_subclass(TYPE(KN_TUPLE_GET(v, i)), t) < 0)
            return -1;
    ob_type_modified(t);
    return refix_hierarchy(t);
}

static KnGetSetDef type_getset[] = {
    { "__name__", type_get_name, type_set_name, NULL, NULL },
    { "__qualname__", type_get_qualname, type_set_qualname, NULL, NULL },
    { "__bases__", type_get_bases, type_set_bases, NULL, NULL },
    { "__mro__", type_get_mro, NULL, NULL, NULL },
    { "__base__", type_get_base, NULL, NULL, NULL },
    { "__module__", type_get_module, type_set_module, NULL, NULL },
    { "__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL },
    { "__dict__", type_get_dict, NULL, NULL, NULL },
    { "__doc__", type_get_doc, type_set_doc, NULL, NULL },
    { "__text_signature__", type_get_text_signature, NULL, NULL, NULL },
    { "__annotations__", type_get_annotations, type_set_annotations, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnMemberDef type_members[] = {
    { "__basicsize__", KN_T_PYSSIZET, offsetof(KnTypeObject, tp_basicsize), KN_READONLY, NULL },
    { "__itemsize__", KN_T_PYSSIZET, offsetof(KnTypeObject, tp_itemsize), KN_READONLY, NULL },
    { "__flags__", KN_T_ULONG, offsetof(KnTypeObject, tp_flags), KN_READONLY, NULL },
    { "__weakrefoffset__", KN_T_PYSSIZET, offsetof(KnTypeObject, tp_weaklistoffset), KN_READONLY, NULL },
    { "__dictoffset__", KN_T_PYSSIZET, offsetof(KnTypeObject, tp_dictoffset), KN_READONLY, NULL },
    { NULL, 0, 0, 0, NULL }
};

/* ---- methods ---- */

static KnObject *type_mro_method(KnObject *self, KnObject *unused)
{
    /* The C3 order, as a list (whatever a metaclass's mro() made tp_mro). */
    KnObject *m = ob_mro_c3(TYPE(self));
    return m ? ob_list_from_array(KN_TUPLE_ITEMS(m), KN_SIZE(m)) : NULL;
}

static KnObject *type_subclasses(KnObject *self, KnObject *unused)
{
    KnObject *subs = TYPE(self)->tp_subclasses;
    if (subs == NULL)
        return ob_list_new(0);
    return ob_list_from_array(KN_LIST_ITEMS(subs), KN_SIZE(subs));
}

static KnObject *type_prepare(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              KnObject *kwnames)
{
    return ob_dict_new();
}

static KnObject *type_dir(KnObject *self, KnObject *unused)
{
    /* Names from the class and all its bases. */
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    KnObject *mro = TYPE(self)->tp_mro;
    for (kn_ssize_t i = KN_SIZE(mro) - 1; i >= 0; i--)
        if (ob_dict_update(d, TYPE(KN_TUPLE_GET(mro, i))->tp_dict) < 0)
            return NULL;
    return ob_dict_keys_list(d);
}

static KnObject *type_sizeof(KnObject *self, KnObject *unused)
{
    kn_ssize_t size = IS_HEAP(TYPE(self)) ? (kn_ssize_t)sizeof(KnHeapTypeObject)
                                          : (kn_ssize_t)sizeof(KnTypeObject);
    return ob_int_from_ssize(size);
}

static KnMethodDef type_methods[] = {
    { "mro", (KnCFunction)type_mro_method, KN_METH_NOARGS,
      "Return a type's method resolution order." },
    { "__subclasses__", (KnCFunction)type_subclasses, KN_METH_NOARGS,
      "Return a list of immediate subclasses." },
    { "__prepare__", (KnCFunction)(void (*)(void))type_prepare,
      KN_METH_FASTCALL | KN_METH_KEYWORDS | KN_METH_CLASS,
      "__prepare__() -> dict\nused to create the namespace for the class statement" },
    { "__instancecheck__", (KnCFunction)ob_type_instancecheck, KN_METH_O,
      "Check if an object is an instance." },
    { "__subclasscheck__", (KnCFunction)ob_type_subclasscheck, KN_METH_O,
      "Check if a class is a subclass." },
    { "__dir__", (KnCFunction)type_dir, KN_METH_NOARGS, "Specialized __dir__ implementation for types." },
    { "__sizeof__", (KnCFunction)type_sizeof, KN_METH_NOARGS, "Return memory consumption of the type object." },
    { NULL, NULL, 0, NULL }
};

static KnObject *type_repr(KnObject *self)
{
    KnTypeObject *t = TYPE(self);
    KnObject *mod = type_get_module(self, NULL);
    if (mod == NULL)
        ob_err_clear();
    else if (!KN_STR_CHECK(mod))
        mod = NULL;
    KnObject *name = ob_type_qualname(t);
    if (name == NULL)
        return NULL;
    if (mod != NULL && !ob_str_equal_cstr(mod, "builtins"))
        return ob_str_from_format("<class '%U.%U'>", mod, name);
    return ob_str_from_format("<class '%s'>", t->tp_name);
}

/* int | str (type_new_union.c) */
static KnNumberMethods type_as_number = { .nb_or = ob_type_union_or };

KnTypeObject ob_type_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "type",
    .tp_basicsize = sizeof(KnHeapTypeObject),
    .tp_itemsize = sizeof(KnMemberDef),
    .tp_vectorcall_offset = offsetof(KnTypeObject, tp_vectorcall),
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = ob_type_call,
    .tp_getattro = ob_type_getattro,
    .tp_setattro = ob_type_setattro,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC | KN_TPFLAGS_BASETYPE |
                KN_TPFLAGS_TYPE_SUBCLASS | KN_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_richcompare = NULL,
    .tp_weaklistoffset = offsetof(KnTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getset,
    .tp_base = &ob_object_type,
    .tp_dictoffset = offsetof(KnTypeObject, tp_dict),
    .tp_init = ob_type_init_entry,
    .tp_new = ob_type_new_entry,
};
