/*
 * dict_views.c — dict_keys, dict_values, dict_items.
 *
 * Keys and items views are set-like: comparisons with sets and other
 * set-like views, & | - ^ returning sets, isdisjoint.  The results are
 * built the way CPython builds them (a set made from the view, or from the
 * dict itself for keys, then a set method) so the printed order of the
 * resulting sets matches.
 */
#include "dict_internal.h"

/* CORE's mappingproxy (src/type_attrs.c; declared in core.h). */
KnObject *ob_mappingproxy_new(KnObject *mapping);

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *dv_dict;
} DictView;

#define VIEW_DICT(v) (((DictView *)(v))->dv_dict)

KnObject *ob_dict_view_new(KnObject *d, KnTypeObject *type)
{
    DictView *v = (DictView *)ob_alloc(type, 0);
    if (v == NULL)
        return NULL;
    v->dv_dict = d;
    return (KnObject *)v;
}

static int is_setlike_view(KnObject *o)
{
    return KN_TYPE(o) == &ob_dict_keys_type || KN_TYPE(o) == &ob_dict_items_type;
}

static kn_ssize_t view_len(KnObject *self)
{
    return ob_dict_size(VIEW_DICT(self));
}

static KnObject *view_iter(KnObject *self)
{
    KnTypeObject *t = KN_TYPE(self) == &ob_dict_keys_type     ? &ob_dict_keyiter_type
                      : KN_TYPE(self) == &ob_dict_values_type ? &ob_dict_valueiter_type
                                                              : &ob_dict_itemiter_type;
    return ob_dict_iter_new(VIEW_DICT(self), t);
}

static KnObject *view_reversed(KnObject *self, KnObject *unused)
{
    KnTypeObject *t = KN_TYPE(self) == &ob_dict_keys_type     ? &ob_dict_revkeyiter_type
                      : KN_TYPE(self) == &ob_dict_values_type ? &ob_dict_revvalueiter_type
                                                              : &ob_dict_revitemiter_type;
    return ob_dict_iter_new(VIEW_DICT(self), t);
}

static KnObject *view_mapping(KnObject *self, void *closure)
{
    return ob_mappingproxy_new(VIEW_DICT(self));
}

static KnObject *view_repr(KnObject *self)
{
    int r = ob_repr_enter(self);
    if (r != 0)
        return r > 0 ? ob_str_from_cstr("...") : NULL;
    KnObject *res = NULL;
    KnObject *seq = ob_sequence_list(self);
    if (seq != NULL)
        res = ob_str_from_format("%s(%R)", KN_TYPE(self)->tp_name, seq);
    ob_repr_leave(self);
    return res;
}

static int keys_contains(KnObject *self, KnObject *key)
{
    return ob_dict_contains(VIEW_DICT(self), key);
}

static int items_contains(KnObject *self, KnObject *obj)
{
    if (!KN_TUPLE_CHECK(obj) || KN_SIZE(obj) != 2)
        return 0;
    KnObject *d = VIEW_DICT(self);
    KnObject *key = KN_TUPLE_GET(obj, 0);
    KnObject *found = ob_dict_getitem(d, key);
    if (found == NULL)
        return ob_err_occurred() ? -1 : 0;
    return ob_richcompare_bool(found, KN_TUPLE_GET(obj, 1), KN_EQ);
}

/* every item of `self` is in `other` */
static int all_contained_in(KnObject *self, KnObject *other)
{
    KnObject *it = ob_get_iter(self);
    if (it == NULL)
        return -1;
    for (;;) {
        KnObject *x = ob_iter_next(it);
        if (x == NULL)
            return ob_err_occurred() ? -1 : 1;
        int r = ob_contains(other, x);
        if (r <= 0)
            return r;
    }
}

static KnObject *view_richcompare(KnObject *self, KnObject *other, int op)
{
    if (!ob_anyset_check(other) && !is_setlike_view(other))
        return KN_NotImplemented;
    kn_ssize_t len_self = ob_length(self), len_other = ob_length(other);
    if (len_self < 0 || len_other < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case KN_NE:
    case KN_EQ:
        if (len_self == len_other)
            ok = all_contained_in(self, other);
        if (op == KN_NE && ok >= 0)
            ok = !ok;
        break;
    case KN_LT:
        if (len_self < len_other)
            ok = all_contained_in(self, other);
        break;
    case KN_LE:
        if (len_self <= len_other)
            ok = all_contained_in(self, other);
        break;
    case KN_GT:
        if (len_self > len_other)
            ok = all_contained_in(other, self);
        break;
    case KN_GE:
        if (len_self >= len_other)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return KN_BOOL(ok);
}

/* The left operand as a new set: keys views copy the dict's keys with their
 * stored hashes, anything else is iterated. */
static KnObject *view_to_set(KnObject *self)
{
    if (KN_TYPE(self) == &ob_dict_keys_type)
        return ob_set_new(VIEW_DICT(self));
    return ob_set_new(self);
}

static KnObject *views_sub(KnObject *self, KnObject *other)
{
    KnObject *res = view_to_set(self);
    if (res == NULL || ob_set_difference_update(res, other) < 0)
        return NULL;
    return res;
}

static KnObject *views_or(KnObject *self, KnObject *other)
{
    KnObject *res = view_to_set(self);
    if (res == NULL || ob_set_update(res, other) < 0)
        return NULL;
    return res;
}

static KnObject *views_xor(KnObject *self, KnObject *other)
{
    KnObject *res = view_to_set(self);
    if (res == NULL || ob_set_symmetric_difference_update(res, other) < 0)
        return NULL;
    return res;
}

static KnObject *views_and(KnObject *self, KnObject *other)
{
    /* the interpreter swaps operands when the view is on the right */
    if (!is_setlike_view(self)) {
        KnObject *t = self;
        self = other;
        other = t;
    }
    kn_ssize_t len_self = view_len(self);
    if (KN_SET_CHECK_EXACT(other) && len_self <= KN_SET_USED(other))
        return ob_set_intersection(other, self);
    if (is_setlike_view(other) && view_len(other) > len_self) {
        KnObject *t = self;
        self = other;
        other = t;
    }
    KnObject *res = ob_set_new(NULL);
    KnObject *it = res ? ob_get_iter(other) : NULL;
    if (it == NULL)
        return NULL;
    int keys = KN_TYPE(self) == &ob_dict_keys_type;
    for (;;) {
        KnObject *x = ob_iter_next(it);
        if (x == NULL)
            return ob_err_occurred() ? NULL : res;
        int r = keys ? keys_contains(self, x) : items_contains(self, x);
        if (r < 0 || (r > 0 && ob_set_add(res, x) < 0))
            return NULL;
    }
}

static KnObject *view_isdisjoint(KnObject *self, KnObject *other)
{
    if (self == other)
        return KN_BOOL(view_len(self) == 0);
    if (ob_anyset_check(other) || is_setlike_view(other)) {
        kn_ssize_t len_other = ob_length(other);
        if (len_other < 0)
            return NULL;
        if (view_len(self) > len_other) {
            KnObject *t = self;
            self = other;
            other = t;
        }
    }
    KnObject *it = ob_get_iter(other);
    if (it == NULL)
        return NULL;
    for (;;) {
        KnObject *x = ob_iter_next(it);
        if (x == NULL)
            return ob_err_occurred() ? NULL : KN_True;
        int r = ob_contains(self, x);
        if (r < 0)
            return NULL;
        if (r)
            return KN_False;
    }
}

static KnMethodDef setview_methods[] = {
    {"isdisjoint", (KnCFunction)view_isdisjoint, KN_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (KnCFunction)view_reversed, KN_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}
};

static KnMethodDef values_methods[] = {
    {"__reversed__", (KnCFunction)view_reversed, KN_METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef view_getset[] = {
    {"mapping", view_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnNumberMethods setview_as_number = {
    .nb_subtract = views_sub,
    .nb_and = views_and,
    .nb_xor = views_xor,
    .nb_or = views_or,
};

static KnSequenceMethods keys_as_sequence = {
    .sq_length = view_len,
    .sq_contains = keys_contains,
};

static KnSequenceMethods items_as_sequence = {
    .sq_length = view_len,
    .sq_contains = items_contains,
};

static KnSequenceMethods values_as_sequence = {
    .sq_length = view_len,
};

KnTypeObject ob_dict_keys_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictView),
    .tp_repr = view_repr,
    .tp_as_number = &setview_as_number,
    .tp_as_sequence = &keys_as_sequence,
    .tp_hash = ob_hash_not_implemented,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_methods = setview_methods,
    .tp_getset = view_getset,
};

KnTypeObject ob_dict_items_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictView),
    .tp_repr = view_repr,
    .tp_as_number = &setview_as_number,
    .tp_as_sequence = &items_as_sequence,
    .tp_hash = ob_hash_not_implemented,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_methods = setview_methods,
    .tp_getset = view_getset,
};

KnTypeObject ob_dict_values_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictView),
    .tp_repr = view_repr,
    .tp_as_sequence = &values_as_sequence,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = view_iter,
    .tp_methods = values_methods,
    .tp_getset = view_getset,
};
