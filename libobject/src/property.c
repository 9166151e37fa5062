/*
 * property.c — the property descriptor: fget/fset/fdel, a docstring taken
 * from the getter, getter()/setter()/deleter() copies, and the name
 * learnt from __set_name__ for CPython 3.11's error messages
 * ("property 'x' of 'C' object has no setter").
 */
#include "core.h"

#define PROP(o) ((KnPropertyObject *)(o))

static KnObject *none_to_null(KnObject *o)
{
    return o == KN_None ? NULL : o;
}

static KnObject *no_accessor(KnObject *self, KnObject *obj, const char *what)
{
    KnObject *qn = ob_type_qualname(KN_TYPE(obj));
    if (qn == NULL)
        return NULL;
    if (PROP(self)->prop_name != NULL)
        return ob_err_format(ob_exc_AttributeError, "property %R of %R object has no %s",
                             PROP(self)->prop_name, qn, what);
    return ob_err_format(ob_exc_AttributeError, "property of %R object has no %s", qn, what);
}

static KnObject *property_get(KnObject *self, KnObject *obj, KnObject *type)
{
    if (obj == NULL || obj == KN_None)
        return self;
    if (PROP(self)->prop_get == NULL)
        return no_accessor(self, obj, "getter");
    return ob_call_onearg(PROP(self)->prop_get, obj);
}

static int property_set(KnObject *self, KnObject *obj, KnObject *value)
{
    KnObject *f = value == NULL ? PROP(self)->prop_del : PROP(self)->prop_set;
    if (f == NULL) {
        no_accessor(self, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    KnObject *r;
    if (value == NULL) {
        r = ob_call_onearg(f, obj);
    } else {
        KnObject *args[2] = { obj, value };
        r = ob_vectorcall(f, args, 2, NULL);
    }
    return r ? 0 : -1;
}

static const char *const prop_kw[] = { "fget", "fset", "fdel", "doc", NULL };
static const KnArgSpec prop_spec = { "property", prop_kw, 0, 4, 0 };

static int property_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *a[4] = { NULL, NULL, NULL, NULL };
    if (ob_args_parse_tuple(&prop_spec, args, kwargs, a) < 0)
        return -1;
    KnPropertyObject *p = PROP(self);
    p->prop_get = a[0] ? none_to_null(a[0]) : NULL;
    p->prop_set = a[1] ? none_to_null(a[1]) : NULL;
    p->prop_del = a[2] ? none_to_null(a[2]) : NULL;
    p->prop_doc = a[3] ? none_to_null(a[3]) : NULL;
    p->getter_doc = 0;
    /* no doc given: the getter's docstring */
    if (p->prop_doc == NULL && p->prop_get != NULL) {
        KnObject *doc;
        int r = ob_lookup_attr(p->prop_get, KN_ID(__doc__), &doc);
        if (r < 0)
            return -1;
        if (r > 0) {
            if (KN_TYPE(self) == &ob_property_type) {
                p->prop_doc = none_to_null(doc);
            } else if (ob_setattr(self, KN_ID(__doc__), doc) < 0) {
                /* a subclass keeps the docstring in its instance dict */
                return -1;
            }
            p->getter_doc = 1;
        }
    }
    return 0;
}

/* A new property of the same class with one accessor replaced. */
static KnObject *property_copy(KnObject *old, KnObject *get, KnObject *set, KnObject *del)
{
    KnPropertyObject *p = PROP(old);
    /* None, like a missing accessor, keeps the old one (CPython) */
    if (get == NULL || get == KN_None)
        get = p->prop_get ? p->prop_get : KN_None;
    if (set == NULL || set == KN_None)
        set = p->prop_set ? p->prop_set : KN_None;
    if (del == NULL || del == KN_None)
        del = p->prop_del ? p->prop_del : KN_None;
    KnObject *doc;
    if (p->getter_doc && get != KN_None)
        doc = KN_None;       /* let the new getter's docstring in */
    else
        doc = p->prop_doc ? p->prop_doc : KN_None;
    KnObject *args[4] = { get, set, del, doc };
    KnObject *n = ob_vectorcall((KnObject *)KN_TYPE(old), args, 4, NULL);
    if (n != NULL && KN_TYPE_CHECK(n, &ob_property_type))
        PROP(n)->prop_name = p->prop_name;
    return n;
}

static KnObject *property_getter(KnObject *self, KnObject *f)
{
    return property_copy(self, f, NULL, NULL);
}

static KnObject *property_setter(KnObject *self, KnObject *f)
{
    return property_copy(self, NULL, f, NULL);
}

static KnObject *property_deleter(KnObject *self, KnObject *f)
{
    return property_copy(self, NULL, NULL, f);
}

static KnObject *property_set_name(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (nargs != 2)
        return ob_err_format(ob_exc_TypeError,
                             "__set_name__() takes 2 positional arguments but %zd were given",
                             nargs);
    PROP(self)->prop_name = args[1];
    return KN_None;
}

static KnObject *property_isabstract(KnObject *self, void *closure)
{
    KnObject *fs[3] = { PROP(self)->prop_get, PROP(self)->prop_set, PROP(self)->prop_del };
    for (int i = 0; i < 3; i++) {
        if (fs[i] == NULL)
            continue;
        KnObject *v;
        int r = ob_lookup_attr(fs[i], KN_ID(__isabstractmethod__), &v);
        if (r < 0)
            return NULL;
        if (r > 0) {
            int t = ob_is_true(v);
            if (t < 0)
                return NULL;
            if (t)
                return KN_True;
        }
    }
    return KN_False;
}

static KnMethodDef property_methods[] = {
    { "getter", (KnCFunction)property_getter, KN_METH_O,
      "Descriptor to obtain a copy of the property with a different getter." },
    { "setter", (KnCFunction)property_setter, KN_METH_O,
      "Descriptor to obtain a copy of the property with a different setter." },
    { "deleter", (KnCFunction)property_deleter, KN_METH_O,
      "Descriptor to obtain a copy of the property with a different deleter." },
    { "__set_name__", (KnCFunction)(void (*)(void))property_set_name, KN_METH_FASTCALL,
      "Method to set name of a property." },
    { NULL, NULL, 0, NULL }
};

static KnMemberDef property_members[] = {
    { "fget", KN_T_OBJECT, offsetof(KnPropertyObject, prop_get), KN_READONLY, NULL },
    { "fset", KN_T_OBJECT, offsetof(KnPropertyObject, prop_set), KN_READONLY, NULL },
    { "fdel", KN_T_OBJECT, offsetof(KnPropertyObject, prop_del), KN_READONLY, NULL },
    { "__doc__", KN_T_OBJECT, offsetof(KnPropertyObject, prop_doc), 0, NULL },
    { NULL, 0, 0, 0, NULL }
};

static KnGetSetDef property_getset[] = {
    { "__isabstractmethod__", property_isabstract, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject ob_property_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "property",
    .tp_basicsize = sizeof(KnPropertyObject),
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.\n\n"
              "  fget\n    function to be used for getting an attribute value\n"
              "  fset\n    function to be used for setting an attribute value\n"
              "  fdel\n    function to be used for del'ing an attribute\n"
              "  doc\n    docstring\n\n"
              "Typical use is to define a managed attribute x:\n\n"
              "class C(object):\n"
              "    def getx(self): return self._x\n"
              "    def setx(self, value): self._x = value\n"
              "    def delx(self): del self._x\n"
              "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\n"
              "Decorators make defining new properties or modifying existing ones easy:\n\n"
              "class C(object):\n"
              "    @property\n"
              "    def x(self):\n"
              "        \"I am the 'x' property.\"\n"
              "        return self._x\n"
              "    @x.setter\n"
              "    def x(self, value):\n"
              "        self._x = value\n"
              "    @x.deleter\n"
              "    def x(self):\n"
              "        del self._x",
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_alloc = ob_type_generic_alloc,
    .tp_new = ob_type_generic_new,
};
