/*
 * type_new_generic.c — types.GenericAlias (PEP 585): `list[int]` is
 * GenericAlias(list, (int,)).  Built-in classes get it as their
 * __class_getitem__ (ob_generic_alias_class_getitem_def); _collections_abc
 * and types.py need `type(list[int])` at import time.
 *
 * Attribute access forwards to the origin except for the alias's own
 * names; calling it calls the origin and tags the result's
 * __orig_class__; __mro_entries__ gives (origin,) so `class C(list[int])`
 * works.  Type-variable substitution (`dict[str, T][int]`) covers plain
 * TypeVars; TypeVarTuple/ParamSpec expansion is not implemented.
 */
#include <string.h>

#include "type_new.h"

typedef struct KnGenericAliasObject {
    KN_OBJECT_HEAD;
    KnObject *origin;
    KnObject *args;         /* tuple */
    KnObject *parameters;   /* tuple, computed on first use */
} KnGenericAliasObject;

#define GA(o) ((KnGenericAliasObject *)(o))

KnObject *ob_generic_alias_new(KnObject *origin, KnObject *args)
{
    if (!KN_TUPLE_CHECK(args) && (args = ob_tuple_pack(1, args)) == NULL)
        return NULL;
    KnObject *ga = ob_alloc(&ob_generic_alias_type, 0);
    if (ga == NULL)
        return NULL;
    GA(ga)->origin = origin;
    GA(ga)->args = args;
    return ga;
}

/* __class_getitem__ of built-in generic classes: cls[item] */
static KnObject *class_getitem(KnObject *cls, KnObject *item)
{
    return ob_generic_alias_new(cls, item);
}

KnMethodDef ob_generic_alias_class_getitem_def = {
    "__class_getitem__", (KnCFunction)class_getitem, KN_METH_O | KN_METH_CLASS,
    "See PEP 585"
};

static KnObject *ga_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("GenericAlias", kwargs) < 0 ||
        ob_args_check_positional("GenericAlias", KN_SIZE(args), 2, 2) < 0)
        return NULL;
    return ob_generic_alias_new(KN_TUPLE_GET(args, 0), KN_TUPLE_GET(args, 1));
}

/* ------------------------------------------------------------- repr */

static KnObject *repr_item(KnObject *p)
{
    return p == KN_Ellipsis ? ob_str_from_cstr("...") : ob_type_repr_item(p);
}

static KnObject *ga_repr(KnObject *self)
{
    KnObject *parts = ob_list_new(0), *args = GA(self)->args;
    KnObject *origin = repr_item(GA(self)->origin);
    if (parts == NULL || origin == NULL)
        return NULL;
    if (KN_SIZE(args) == 0)
        return ob_str_from_format("%U[()]", origin);
    for (kn_ssize_t i = 0; i < KN_SIZE(args); i++) {
        KnObject *a = KN_TUPLE_GET(args, i), *s;
        if (KN_LIST_CHECK(a)) {             /* Callable[[int, str], ...] */
            KnObject *inner = ob_list_new(0);
            for (kn_ssize_t j = 0; inner != NULL && j < KN_SIZE(a); j++) {
                KnObject *x = repr_item(KN_LIST_GET(a, j));
                if (x == NULL || ob_list_append(inner, x) < 0)
                    return NULL;
            }
            KnObject *j = inner ? ob_str_join(ob_str_from_cstr(", "), inner) : NULL;
            s = j ? ob_str_from_format("[%U]", j) : NULL;
        } else {
            s = repr_item(a);
        }
        if (s == NULL || ob_list_append(parts, s) < 0)
            return NULL;
    }
    KnObject *joined = ob_str_join(ob_str_from_cstr(", "), parts);
    return joined ? ob_str_from_format("%U[%U]", origin, joined) : NULL;
}

/* ------------------------------------------------- type parameters */

static int is_typevar_like(KnObject *o)
{
    if (KN_TYPE_OBJ_CHECK(o))
        return 0;
    KnObject *subst = ob_type_lookup(KN_TYPE(o), ob_str_intern_cstr("__typing_subst__"));
    return subst != NULL;
}

static int add_unique(KnObject *l, KnObject *x)
{
    for (kn_ssize_t i = 0; i < KN_SIZE(l); i++)
        if (KN_LIST_GET(l, i) == x)
            return 0;
    return ob_list_append(l, x);
}

/* the type variables of args, in order of first appearance */
static KnObject *collect_parameters(KnObject *args)
{
    KnObject *l = ob_list_new(0);
    for (kn_ssize_t i = 0; l != NULL && i < KN_SIZE(args); i++) {
        KnObject *a = KN_TUPLE_GET(args, i), *ps;
        if (KN_TYPE_OBJ_CHECK(a))
            continue;
        if (is_typevar_like(a)) {
            if (add_unique(l, a) < 0)
                return NULL;
            continue;
        }
        KnObject *src = KN_LIST_CHECK(a) ? ob_tuple_from_array(KN_LIST_ITEMS(a), KN_SIZE(a)) : NULL;
        if (src != NULL) {          /* Callable[[T], ...] */
            KnObject *inner = collect_parameters(src);
            for (kn_ssize_t j = 0; inner != NULL && j < KN_SIZE(inner); j++)
                if (add_unique(l, KN_TUPLE_GET(inner, j)) < 0)
                    return NULL;
            continue;
        }
        int r = ob_lookup_attr(a, ob_str_intern_cstr("__parameters__"), &ps);
        if (r < 0)
            return NULL;
        for (kn_ssize_t j = 0; r > 0 && KN_TUPLE_CHECK(ps) && j < KN_SIZE(ps); j++)
            if (add_unique(l, KN_TUPLE_GET(ps, j)) < 0)
                return NULL;
    }
    return l ? ob_tuple_from_array(KN_LIST_ITEMS(l), KN_SIZE(l)) : NULL;
}

static KnObject *ga_parameters(KnObject *self, void *closure)
{
    if (GA(self)->parameters == NULL)
        GA(self)->parameters = collect_parameters(GA(self)->args);
    return GA(self)->parameters;
}

/* arg with the parameters replaced by their values */
static KnObject *subst_one(KnObject *arg, KnObject *params, KnObject *values)
{
    if (KN_TYPE_OBJ_CHECK(arg))
        return arg;
    for (kn_ssize_t i = 0; i < KN_SIZE(params); i++)
        if (KN_TUPLE_GET(params, i) == arg) {
            KnObject *subst = ob_getattr(arg, ob_str_intern_cstr("__typing_subst__"));
            return subst ? ob_call_onearg(subst, KN_TUPLE_GET(values, i)) : NULL;
        }
    KnObject *sub;
    int r = ob_lookup_attr(arg, ob_str_intern_cstr("__parameters__"), &sub);
    if (r <= 0 || !KN_TUPLE_CHECK(sub) || KN_SIZE(sub) == 0)
        return r < 0 ? NULL : arg;
    KnObject *vals = ob_tuple_new(KN_SIZE(sub));
    for (kn_ssize_t j = 0; vals != NULL && j < KN_SIZE(sub); j++) {
        KnObject *v = subst_one(KN_TUPLE_GET(sub, j), params, values);
        if (v == NULL)
            return NULL;
        KN_TUPLE_SET(vals, j, v);
    }
    return vals ? ob_getitem(arg, KN_SIZE(vals) == 1 ? KN_TUPLE_GET(vals, 0) : vals) : NULL;
}

static KnObject *ga_getitem(KnObject *self, KnObject *item)
{
    KnObject *params = ga_parameters(self, NULL);
    if (params == NULL)
        return NULL;
    kn_ssize_t np = KN_SIZE(params);
    if (np == 0)
        return ob_err_format(ob_exc_TypeError, "%R is not a generic class", self);
    for (kn_ssize_t i = 0; i < np; i++) {
        const char *tn = ob_type_name(KN_TYPE(KN_TUPLE_GET(params, i)));
        if (strcmp(tn, "TypeVar") != 0)
            return ob_err_format(ob_exc_NotImplementedError,
                                 "Kiln: substituting a %s is not supported yet", tn);
    }
    KnObject *values = KN_TUPLE_CHECK(item) ? item : ob_tuple_pack(1, item);
    if (values == NULL)
        return NULL;
    kn_ssize_t nv = KN_SIZE(values);
    if (nv != np)
        return ob_err_format(ob_exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                             nv > np ? "many" : "few", self, nv, np);
    KnObject *args = GA(self)->args, *out = ob_tuple_new(KN_SIZE(args));
    for (kn_ssize_t i = 0; out != NULL && i < KN_SIZE(args); i++) {
        KnObject *a = KN_TUPLE_GET(args, i), *v;
        if (KN_LIST_CHECK(a)) {
            KnObject *l = ob_list_new(0);
            for (kn_ssize_t j = 0; l != NULL && j < KN_SIZE(a); j++) {
                KnObject *x = subst_one(KN_LIST_GET(a, j), params, values);
                if (x == NULL || ob_list_append(l, x) < 0)
                    return NULL;
            }
            v = l;
        } else {
            v = subst_one(a, params, values);
        }
        if (v == NULL)
            return NULL;
        KN_TUPLE_SET(out, i, v);
    }
    return out ? ob_generic_alias_new(GA(self)->origin, out) : NULL;
}

/* ------------------------------------------------ the alias's own names */

static const char *const own_names[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL
};

static KnObject *ga_getattro(KnObject *self, KnObject *name)
{
    if (KN_STR_CHECK(name))
        for (int i = 0; own_names[i] != NULL; i++)
            if (ob_str_equal_cstr(name, own_names[i]))
                return ob_generic_getattr(self, name);
    return ob_getattr(GA(self)->origin, name);
}

static KnObject *ga_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *obj = ob_call(GA(self)->origin, args, kwargs);
    if (obj == NULL)
        return NULL;
    if (ob_setattr(obj, ob_str_intern_cstr("__orig_class__"), self) < 0) {
        if (!ob_err_matches((KnObject *)ob_exc_AttributeError) &&
            !ob_err_matches((KnObject *)ob_exc_TypeError))
            return NULL;
        ob_err_clear();
    }
    return obj;
}

static KnObject *ga_richcompare(KnObject *a, KnObject *b, int op)
{
    if (KN_TYPE(b) != &ob_generic_alias_type || (op != KN_EQ && op != KN_NE))
        return KN_NotImplemented;
    int eq = ob_richcompare_bool(GA(a)->origin, GA(b)->origin, KN_EQ);
    if (eq > 0)
        eq = ob_richcompare_bool(GA(a)->args, GA(b)->args, KN_EQ);
    if (eq < 0)
        return NULL;
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

static kn_hash_t ga_hash(KnObject *self)
{
    kn_hash_t h0 = ob_hash(GA(self)->origin);
    if (h0 == -1)
        return -1;
    kn_hash_t h1 = ob_hash(GA(self)->args);
    if (h1 == -1)
        return -1;
    kn_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static KnObject *ga_mro_entries(KnObject *self, KnObject *bases)
{
    return ob_tuple_pack(1, GA(self)->origin);
}

static KnObject *ga_instancecheck(KnObject *self, KnObject *o)
{
    return ob_err_format(ob_exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static KnObject *ga_subclasscheck(KnObject *self, KnObject *o)
{
    return ob_err_format(ob_exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static KnObject *ga_reduce(KnObject *self, KnObject *unused)
{
    KnObject *a = ob_tuple_pack(2, GA(self)->origin, GA(self)->args);
    return a ? ob_tuple_pack(2, (KnObject *)KN_TYPE(self), a) : NULL;
}

static KnObject *ga_unpacked(KnObject *self, void *closure)
{
    return KN_False;
}

static KnMethodDef ga_methods[] = {
    { "__mro_entries__", (KnCFunction)ga_mro_entries, KN_METH_O, NULL },
    { "__instancecheck__", (KnCFunction)ga_instancecheck, KN_METH_O, NULL },
    { "__subclasscheck__", (KnCFunction)ga_subclasscheck, KN_METH_O, NULL },
    { "__reduce__", (KnCFunction)ga_reduce, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static KnMemberDef ga_members[] = {
    { "__origin__", KN_T_OBJECT, offsetof(KnGenericAliasObject, origin), KN_READONLY, NULL },
    { "__args__", KN_T_OBJECT, offsetof(KnGenericAliasObject, args), KN_READONLY, NULL },
    { NULL, 0, 0, 0, NULL }
};

static KnGetSetDef ga_getset[] = {
    { "__parameters__", ga_parameters, NULL, "Type variables in the GenericAlias.", NULL },
    { "__unpacked__", ga_unpacked, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnNumberMethods ga_as_number = { .nb_or = ob_type_union_or };
static KnMappingMethods ga_as_mapping = { .mp_subscript = ga_getitem };

KnTypeObject ob_generic_alias_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(KnGenericAliasObject),
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
              "and t.__args__ is (int,).",
    .tp_richcompare = ga_richcompare,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
    .tp_alloc = ob_type_generic_alloc,
    .tp_new = ga_new,
};
