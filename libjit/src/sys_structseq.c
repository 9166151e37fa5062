/* sys_structseq.c — struct sequences: tuple subclasses whose items also
 * have names (sys.version_info, sys.flags, sys.float_info, ...).
 *
 * Each struct-sequence type is a static-style type object built at start-up
 * (kgc memory, never freed): tp_base is tuple, so hashing, comparison,
 * indexing and unpacking are tuple's; the names are getset descriptors
 * whose closure is the item index.  Instances cannot be created from
 * Python ("cannot create 'sys.flags' instances"), as in CPython for the
 * sys ones. */
#include <string.h>

#include "builtins.h"
#include "libgc/gc.h"

static KnObject *seq_get_item(KnObject *self, void *closure)
{
    return KN_TUPLE_GET(self, (kn_ssize_t)(intptr_t)closure);
}

/* "sys.flags(debug=0, ...)": the field names are the getset names. */
static KnObject *seq_repr(KnObject *self)
{
    KnTypeObject *t = KN_TYPE(self);
    KnGetSetDef *gs = t->tp_getset;
    KnObject *parts = ob_list_new(0);
    if (parts == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < KN_SIZE(self) && gs[i].name != NULL; i++) {
        KnObject *r = ob_repr(KN_TUPLE_GET(self, i));
        if (r == NULL)
            return NULL;
        KnObject *item = ob_str_from_format("%s=%U", gs[i].name, r);
        if (item == NULL || ob_list_append(parts, item) < 0)
            return NULL;
    }
    KnObject *body = ob_str_join(ob_str_intern_cstr(", "), parts);
    if (body == NULL)
        return NULL;
    return ob_str_from_format("%s(%U)", t->tp_name, body);
}

static KnObject *seq_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    return ob_err_format(ob_exc_TypeError, "cannot create '%s' instances", t->tp_name);
}

KnTypeObject *jit_structseq_new_type(const char *name, const char *const *fields)
{
    int n = 0;
    while (fields[n] != NULL)
        n++;
    KnTypeObject *t = kgc_alloc_uncollectable(sizeof *t);
    KnGetSetDef *gs = kgc_alloc_uncollectable(sizeof *gs * (size_t)(n + 1));
    if (t == NULL || gs == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memset(t, 0, sizeof *t);
    memset(gs, 0, sizeof *gs * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        gs[i].name = fields[i];
        gs[i].get = seq_get_item;
        gs[i].closure = (void *)(intptr_t)i;
    }
    KnVarObject head = KN_VAR_HEAD_INIT(&ob_type_type, 0);
    t->ob_base = head;
    t->tp_name = name;
    t->tp_basicsize = ob_tuple_type.tp_basicsize;
    t->tp_itemsize = ob_tuple_type.tp_itemsize;
    t->tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_TUPLE_SUBCLASS;
    t->tp_repr = seq_repr;
    t->tp_getset = gs;
    t->tp_base = &ob_tuple_type;
    t->tp_new = seq_new;
    if (ob_type_ready(t) < 0)
        return NULL;
    KnObject *d = t->tp_dict;
    if (ob_dict_setitem_str(d, "n_sequence_fields", ob_int_from_ssize(n)) < 0
        || ob_dict_setitem_str(d, "n_fields", ob_int_from_ssize(n)) < 0
        || ob_dict_setitem_str(d, "n_unnamed_fields", ob_int_from_ssize(0)) < 0)
        return NULL;
    KnObject *match = ob_tuple_new(n);
    if (match == NULL)
        return NULL;
    for (int i = 0; i < n; i++)
        KN_TUPLE_SET(match, i, ob_str_from_cstr(fields[i]));
    if (ob_dict_setitem_str(d, "__match_args__", match) < 0)
        return NULL;
    return t;
}

KnObject *jit_structseq_new(KnTypeObject *type, KnObject *const *values)
{
    kn_ssize_t n = 0;
    while (type->tp_getset[n].name != NULL)
        n++;
    KnObject *o = ob_alloc(type, n);
    if (o == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++)
        KN_TUPLE_SET(o, i, values[i]);
    return o;
}
