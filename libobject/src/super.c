/*
 * super.c — super(type, obj), super(type, type2), super(type): attribute
 * lookup that starts in the class after `type` in the MRO of obj's class.
 * The zero-argument form needs the caller's frame: libjit either calls
 * ob_super_new with the __class__ cell and the first argument, or answers
 * through the super_zero_args hook when `super()` is called as a builtin.
 */
#include "type_new.h"

#define SU(o) ((KnSuperObject *)(o))

KnObject *ob_super_lookup(KnTypeObject *start, KnTypeObject *after, KnObject *obj,
                          KnObject *name)
{
    KnObject *mro = start->tp_mro;
    if (mro == NULL)
        return NULL;
    kn_ssize_t n = KN_SIZE(mro), i = 0;
    while (i < n && KN_TUPLE_GET(mro, i) != (KnObject *)after)
        i++;
    for (i++; i < n; i++) {
        KnObject *d = ((KnTypeObject *)KN_TUPLE_GET(mro, i))->tp_dict;
        KnObject *res = d ? ob_dict_getitem(d, name) : NULL;
        if (res == NULL) {
            if (ob_err_occurred())
                return NULL;
            continue;
        }
        descrgetfunc get = KN_TYPE(res)->tp_descr_get;
        if (get == NULL)
            return res;
        return get(res, obj == (KnObject *)start ? NULL : obj, (KnObject *)start);
    }
    return NULL;
}

/* The class whose MRO super() searches: obj itself when it is a subclass
 * of type, else obj's class (or its __class__, for proxies). */
static KnTypeObject *supercheck(KnTypeObject *type, KnObject *obj)
{
    if (KN_TYPE_OBJ_CHECK(obj) && ob_type_is_subtype((KnTypeObject *)obj, type))
        return (KnTypeObject *)obj;
    if (ob_type_is_subtype(KN_TYPE(obj), type))
        return KN_TYPE(obj);
    KnObject *cls;
    int r = ob_lookup_attr(obj, KN_ID(__class__), &cls);
    if (r < 0)
        return NULL;
    if (r > 0 && KN_TYPE_OBJ_CHECK(cls) && cls != (KnObject *)KN_TYPE(obj) &&
        ob_type_is_subtype((KnTypeObject *)cls, type))
        return (KnTypeObject *)cls;
    return (KnTypeObject *)ob_err_format(ob_exc_TypeError,
                         "super(type, obj): obj must be an instance or subtype of type");
}

static int super_fill(KnObject *self, KnTypeObject *type, KnObject *obj)
{
    KnTypeObject *obj_type = NULL;
    if (obj != NULL && (obj_type = supercheck(type, obj)) == NULL)
        return -1;
    SU(self)->type = type;
    SU(self)->obj = obj;
    SU(self)->obj_type = obj_type;
    return 0;
}

KnObject *ob_super_new(KnTypeObject *type, KnObject *obj)
{
    KnObject *s = ob_alloc(&ob_super_type, 0);
    if (s == NULL || super_fill(s, type, obj) < 0)
        return NULL;
    return s;
}

static int super_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("super", kwargs) < 0 ||
        ob_args_check_positional("super()", KN_SIZE(args), 0, 2) < 0)
        return -1;
    KnTypeObject *type;
    KnObject *obj = NULL;
    if (KN_SIZE(args) == 0) {
        if (ob_type_hooks.super_zero_args == NULL) {
            ob_err_set_string(ob_exc_RuntimeError, "super(): no arguments");
            return -1;
        }
        if (ob_type_hooks.super_zero_args(&type, &obj) < 0)
            return -1;
    } else {
        KnObject *t = KN_TUPLE_GET(args, 0);
        if (!KN_TYPE_OBJ_CHECK(t)) {
            ob_err_format(ob_exc_TypeError, "super() argument 1 must be a type, not %s",
                          KN_TNAME(t));
            return -1;
        }
        type = (KnTypeObject *)t;
        if (KN_SIZE(args) == 2 && KN_TUPLE_GET(args, 1) != KN_None)
            obj = KN_TUPLE_GET(args, 1);
    }
    return super_fill(self, type, obj);
}

static KnObject *super_getattro(KnObject *self, KnObject *name)
{
    KnSuperObject *su = SU(self);
    /* __class__ is the super object's own; unbound super looks nothing up */
    if (su->obj_type != NULL && !(KN_STR_CHECK(name) && ob_str_equal_cstr(name, "__class__"))) {
        KnObject *r = ob_super_lookup(su->obj_type, su->type, su->obj, name);
        if (r != NULL || ob_err_occurred())
            return r;
    }
    return ob_generic_getattr(self, name);
}

static KnObject *super_descr_get(KnObject *self, KnObject *obj, KnObject *type)
{
    KnSuperObject *su = SU(self);
    if (obj == NULL || obj == KN_None || su->obj != NULL)
        return self;
    if (KN_TYPE(self) != &ob_super_type)
    {
        KnObject *args[2] = { (KnObject *)su->type, obj };
        return ob_vectorcall((KnObject *)KN_TYPE(self), args, 2, NULL);
    }
    return ob_super_new(su->type, obj);
}

static KnObject *super_repr(KnObject *self)
{
    KnSuperObject *su = SU(self);
    const char *tn = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type != NULL)
        return ob_str_from_format("<super: <class '%s'>, <%s object>>", tn, su->obj_type->tp_name);
    return ob_str_from_format("<super: <class '%s'>, NULL>", tn);
}

static KnMemberDef super_members[] = {
    { "__thisclass__", KN_T_OBJECT, offsetof(KnSuperObject, type), KN_READONLY,
      "the class invoking super()" },
    { "__self__", KN_T_OBJECT, offsetof(KnSuperObject, obj), KN_READONLY,
      "the instance invoking super(); may be None" },
    { "__self_class__", KN_T_OBJECT, offsetof(KnSuperObject, obj_type), KN_READONLY,
      "the type of the instance invoking super(); may be None" },
    { NULL, 0, 0, 0, NULL }
};

KnTypeObject ob_super_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "super",
    .tp_basicsize = sizeof(KnSuperObject),
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC | KN_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
              "Typical use to call a cooperative superclass method:\n"
              "class C(B):\n"
              "    def meth(self, arg):\n"
              "        super().meth(arg)\n"
              "This works for class methods too:\n"
              "class C(B):\n"
              "    @classmethod\n"
              "    def cmeth(cls, arg):\n"
              "        super().cmeth(arg)\n",
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = ob_type_generic_alloc,
    .tp_new = ob_type_generic_new,
};
