/*
 * type_new_union.c — `X | Y` on classes (PEP 604): types.UnionType, the
 * result of type.__or__ / __ror__.  The stdlib needs it early:
 * types.py runs `UnionType = type(int | str)` on import.
 *
 * A union holds its members in __args__ (flattened: unions inside are
 * expanded; None is stored as type(None); duplicates dropped, first one
 * kept).  One member left: the member itself is the result.
 * isinstance()/issubclass() treat a union like the tuple of its args
 * (type.c).  Comparison is as sets; the hash does not depend on order.
 */
#include <string.h>

#include "type_new.h"

typedef struct KnUnionObject {
    KN_OBJECT_HEAD;
    KnObject *args;         /* tuple */
    KnObject *parameters;   /* tuple, computed on first use */
} KnUnionObject;

#define UNION(o) ((KnUnionObject *)(o))

int ob_type_union_check(KnObject *o)
{
    return KN_TYPE(o) == &ob_union_type;
}

KnObject *ob_type_union_args(KnObject *u)
{
    return UNION(u)->args;
}

/* types.GenericAlias (list[int]) is unionable too */
static int is_generic_alias(KnObject *o)
{
    return KN_TYPE(o) == &ob_generic_alias_type;
}

static int is_unionable(KnObject *o)
{
    return o == KN_None || KN_TYPE_OBJ_CHECK(o) || ob_type_union_check(o) || is_generic_alias(o);
}

/* Two members are the same when identical, or equal generic aliases. */
static int same_member(KnObject *a, KnObject *b)
{
    if (a == b)
        return 1;
    if (is_generic_alias(a) && is_generic_alias(b))
        return ob_richcompare_bool(a, b, KN_EQ);
    return 0;
}

/* Append x (a union contributes its args) to list l unless present. */
static int add_member(KnObject *l, KnObject *x)
{
    if (ob_type_union_check(x)) {
        KnObject *a = UNION(x)->args;
        for (kn_ssize_t i = 0; i < KN_SIZE(a); i++)
            if (add_member(l, KN_TUPLE_GET(a, i)) < 0)
                return -1;
        return 0;
    }
    if (x == KN_None)
        x = (KnObject *)&ob_none_type;
    for (kn_ssize_t i = 0; i < KN_SIZE(l); i++) {
        int r = same_member(KN_LIST_GET(l, i), x);
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    return ob_list_append(l, x);
}

static KnObject *make_union(KnObject *a, KnObject *b)
{
    KnObject *l = ob_list_new(0);
    if (l == NULL || add_member(l, a) < 0 || add_member(l, b) < 0)
        return NULL;
    if (KN_SIZE(l) == 1)
        return KN_LIST_GET(l, 0);
    KnObject *u = ob_alloc(&ob_union_type, 0);
    if (u == NULL || (UNION(u)->args = ob_tuple_from_array(KN_LIST_ITEMS(l), KN_SIZE(l))) == NULL)
        return NULL;
    return u;
}

/* type.__or__ / __ror__ and the union's own | (one slot serves both). */
KnObject *ob_type_union_or(KnObject *a, KnObject *b)
{
    if (!is_unionable(a) || !is_unionable(b))
        return KN_NotImplemented;
    return make_union(a, b);
}

/* How unions and generic aliases print a member: "module.Qualname"
 * ("Qualname" for builtins), or its repr for aliases and anything without
 * a __qualname__/__module__. */
KnObject *ob_type_repr_item(KnObject *p)
{
    KnObject *x, *qn, *mod;
    if (KN_TYPE(p) == &ob_generic_alias_type)
        return ob_repr(p);
    int r = ob_lookup_attr(p, ob_str_intern_cstr("__origin__"), &x);        /* typing's aliases */
    if (r > 0)
        r = ob_lookup_attr(p, ob_str_intern_cstr("__args__"), &x);
    if (r != 0)
        return r < 0 ? NULL : ob_repr(p);
    if ((r = ob_lookup_attr(p, KN_ID(__qualname__), &qn)) <= 0)
        return r < 0 ? NULL : ob_repr(p);
    if ((r = ob_lookup_attr(p, KN_ID(__module__), &mod)) <= 0 || mod == KN_None)
        return r < 0 ? NULL : ob_repr(p);
    if (KN_STR_CHECK(mod) && ob_str_equal_cstr(mod, "builtins"))
        return ob_str(qn);
    return ob_str_from_format("%S.%S", mod, qn);
}

static KnObject *member_repr(KnObject *p)
{
    if (p == (KnObject *)&ob_none_type)
        return ob_str_from_cstr("None");
    return ob_type_repr_item(p);
}

static KnObject *union_repr(KnObject *self)
{
    KnObject *parts = ob_list_new(0), *args = UNION(self)->args;
    for (kn_ssize_t i = 0; parts != NULL && i < KN_SIZE(args); i++) {
        KnObject *s = member_repr(KN_TUPLE_GET(args, i));
        if (s == NULL || ob_list_append(parts, s) < 0)
            return NULL;
    }
    KnObject *sep = ob_str_from_cstr(" | ");
    return parts && sep ? ob_str_join(sep, parts) : NULL;
}

/* every member of a is among b's */
static int covered(KnObject *a, KnObject *b)
{
    for (kn_ssize_t i = 0; i < KN_SIZE(a); i++) {
        int found = 0;
        for (kn_ssize_t j = 0; j < KN_SIZE(b) && !found; j++) {
            int r = ob_richcompare_bool(KN_TUPLE_GET(a, i), KN_TUPLE_GET(b, j), KN_EQ);
            if (r < 0)
                return -1;
            found = r;
        }
        if (!found)
            return 0;
    }
    return 1;
}

static KnObject *union_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!ob_type_union_check(b) || (op != KN_EQ && op != KN_NE))
        return KN_NotImplemented;
    int r = covered(UNION(a)->args, UNION(b)->args);
    if (r > 0)
        r = covered(UNION(b)->args, UNION(a)->args);
    if (r < 0)
        return NULL;
    return KN_BOOL(op == KN_EQ ? r : !r);
}

static kn_hash_t union_hash(KnObject *self)
{
    /* order-independent: a sum of mixed member hashes */
    KnObject *args = UNION(self)->args;
    size_t acc = (size_t)KN_SIZE(args) * 0x9e3779b97f4a7c15u;
    for (kn_ssize_t i = 0; i < KN_SIZE(args); i++) {
        kn_hash_t h = ob_hash(KN_TUPLE_GET(args, i));
        if (h == -1)
            return -1;
        size_t x = (size_t)h;
        x ^= x >> 29;
        x *= 0xbf58476d1ce4e5b9u;
        acc += x ^ (x >> 32);
    }
    kn_hash_t r = (kn_hash_t)acc;
    return r == -1 ? -2 : r;
}

/* __parameters__: the type variables of the members, in order */
static int is_typevar_like(KnObject *o)
{
    const char *n = ob_type_name(KN_TYPE(o));
    return strcmp(n, "TypeVar") == 0 || strcmp(n, "ParamSpec") == 0 ||
           strcmp(n, "TypeVarTuple") == 0;
}

static KnObject *union_parameters(KnObject *self, void *closure)
{
    if (UNION(self)->parameters != NULL)
        return UNION(self)->parameters;
    KnObject *l = ob_list_new(0), *args = UNION(self)->args;
    for (kn_ssize_t i = 0; l != NULL && i < KN_SIZE(args); i++) {
        KnObject *a = KN_TUPLE_GET(args, i), *ps;
        if (is_typevar_like(a)) {
            if (add_member(l, a) < 0)
                return NULL;
            continue;
        }
        if (KN_TYPE_OBJ_CHECK(a))
            continue;
        int r = ob_lookup_attr(a, ob_str_intern_cstr("__parameters__"), &ps);
        if (r < 0)
            return NULL;
        for (kn_ssize_t j = 0; r > 0 && KN_TUPLE_CHECK(ps) && j < KN_SIZE(ps); j++)
            if (add_member(l, KN_TUPLE_GET(ps, j)) < 0)
                return NULL;
    }
    if (l == NULL)
        return NULL;
    UNION(self)->parameters = ob_tuple_from_array(KN_LIST_ITEMS(l), KN_SIZE(l));
    return UNION(self)->parameters;
}

static KnObject *union_getitem(KnObject *self, KnObject *key)
{
    KnObject *ps = union_parameters(self, NULL);
    if (ps == NULL)
        return NULL;
    if (KN_SIZE(ps) == 0)
        return ob_err_format(ob_exc_TypeError, "%R is not a generic class", self);
    return ob_err_format(ob_exc_NotImplementedError,
                         "Kiln: substituting the type parameters of a union is not supported yet");
}

static KnObject *union_instancecheck(KnObject *self, KnObject *o)
{
    int r = ob_isinstance(o, self);
    return r < 0 ? NULL : KN_BOOL(r);
}

static KnObject *union_subclasscheck(KnObject *self, KnObject *o)
{
    int r = ob_issubclass(o, self);
    return r < 0 ? NULL : KN_BOOL(r);
}

static KnMethodDef union_methods[] = {
    { "__instancecheck__", (KnCFunction)union_instancecheck, KN_METH_O, NULL },
    { "__subclasscheck__", (KnCFunction)union_subclasscheck, KN_METH_O, NULL },
    { NULL, NULL, 0, NULL }
};

static KnMemberDef union_members[] = {
    { "__args__", KN_T_OBJECT, offsetof(KnUnionObject, args), KN_READONLY, NULL },
    { NULL, 0, 0, 0, NULL }
};

static KnGetSetDef union_getset[] = {
    { "__parameters__", union_parameters, NULL, "Type variables in the types.UnionType.", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnNumberMethods union_as_number = { .nb_or = ob_type_union_or };
static KnMappingMethods union_as_mapping = { .mp_subscript = union_getitem };

KnTypeObject ob_union_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(KnUnionObject),
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_as_mapping = &union_as_mapping,
    .tp_hash = union_hash,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_richcompare = union_richcompare,
    .tp_methods = union_methods,
    .tp_members = union_members,
    .tp_getset = union_getset,
};
