/* sys_namespace.c — the simple attribute namespace sys.implementation is
 * (CPython's types.SimpleNamespace: attributes in an instance dict, repr
 * "namespace(name='kiln', ...)", equality by the dicts).  Only what sys
 * needs; the types module will expose the same type later. */
#include <stddef.h>

#include "builtins.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *ns_dict;
} NamespaceObject;

static KnObject *ns_repr(KnObject *self)
{
    KnObject *d = ((NamespaceObject *)self)->ns_dict;
    int r = ob_repr_enter(self);
    if (r != 0)
        return r > 0 ? ob_str_from_cstr("namespace(...)") : NULL;
    KnObject *parts = ob_list_new(0), *k, *v, *out = NULL;
    kn_ssize_t pos = 0;
    if (parts == NULL)
        goto done;
    while (d != NULL && ob_dict_next(d, &pos, &k, &v)) {
        if (!KN_STR_CHECK(k))
            continue;
        KnObject *vr = ob_repr(v);
        KnObject *item = vr ? ob_str_from_format("%U=%U", k, vr) : NULL;
        if (item == NULL || ob_list_append(parts, item) < 0)
            goto done;
    }
    KnObject *body = ob_str_join(ob_str_intern_cstr(", "), parts);
    if (body != NULL)
        out = ob_str_from_format("namespace(%U)", body);
done:
    ob_repr_leave(self);
    return out;
}

static KnObject *ns_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((op != KN_EQ && op != KN_NE) || KN_TYPE(b) != KN_TYPE(a))
        return KN_NotImplemented;
    KnObject *da = ((NamespaceObject *)a)->ns_dict, *db = ((NamespaceObject *)b)->ns_dict;
    if (da == NULL)
        da = ob_dict_new();
    if (db == NULL)
        db = ob_dict_new();
    if (da == NULL || db == NULL)
        return NULL;
    return ob_richcompare(da, db, op);
}

static KnObject *ns_get_dict(KnObject *self, void *closure)
{
    NamespaceObject *ns = (NamespaceObject *)self;
    if (ns->ns_dict == NULL && (ns->ns_dict = ob_dict_new()) == NULL)
        return NULL;
    return ns->ns_dict;
}

static KnGetSetDef ns_getset[] = {
    { "__dict__", ns_get_dict, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

KnTypeObject jit_namespace_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(NamespaceObject),
    .tp_repr = ns_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "A simple attribute-based namespace.",
    .tp_richcompare = ns_richcompare,
    .tp_getset = ns_getset,
    .tp_dictoffset = offsetof(NamespaceObject, ns_dict),
    .tp_new = ob_type_generic_new,
};

KnObject *jit_namespace_new(KnObject *dict)
{
    if (!(jit_namespace_type.tp_flags & KN_TPFLAGS_READY) && ob_type_ready(&jit_namespace_type) < 0)
        return NULL;
    NamespaceObject *ns = (NamespaceObject *)ob_alloc(&jit_namespace_type, 0);
    if (ns == NULL)
        return NULL;
    ns->ns_dict = dict;
    return (KnObject *)ns;
}
