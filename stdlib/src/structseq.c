/*
 * structseq.c — struct sequences (structseq.h).
 *
 * The type object is followed by a small descriptor (field names and
 * counts).  Instances are constructible from Python, as CPython's are:
 * T(sequence, dict=None) takes the visible fields from the sequence and the
 * remaining ones from the sequence's tail or the dict (None when absent).
 */
#include <string.h>

#include "structseq.h"
#include "libgc/gc.h"

typedef struct SsType {
    KnTypeObject type;
    const char *const *fields;
    int n_fields, n_in_sequence;
    void (*post_new)(KnObject *self);   /* ss_set_post_new */
} SsType;

static KnObject *ss_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs);

/* The struct-sequence type a (possibly subclassed) instance belongs to. */
static SsType *ss_desc(KnTypeObject *t)
{
    while (t != NULL && t->tp_new != ss_tp_new)
        t = t->tp_base;
    return (SsType *)t;
}

KnObject *ss_get(KnObject *self, int i)
{
    return KN_TUPLE_ITEMS(self)[i];
}

static KnObject *ss_get_field(KnObject *self, void *closure)
{
    return ss_get(self, (int)(intptr_t)closure);
}

KnObject *ss_new(KnTypeObject *type, KnObject *const *values)
{
    SsType *d = ss_desc(type);
    KnObject *o = ob_alloc(type, d->n_fields);
    if (o == NULL)
        return NULL;
    for (int i = 0; i < d->n_fields; i++)
        KN_TUPLE_ITEMS(o)[i] = values[i] ? values[i] : KN_None;
    KN_SET_SIZE(o, d->n_in_sequence);
    return o;
}

/* Visible items are paired with the named fields in order, unnamed fields
 * skipped — so stat_result's repr labels its integer times st_atime...,
 * as CPython's does. */
static KnObject *ss_repr(KnObject *self)
{
    SsType *d = ss_desc(KN_TYPE(self));
    KnObject *parts = ob_list_new(0);
    if (parts == NULL)
        return NULL;
    int f = 0;
    for (int i = 0; i < d->n_in_sequence; i++) {
        while (f < d->n_fields && d->fields[f] == NULL)
            f++;
        if (f >= d->n_fields)
            break;
        KnObject *r = ob_repr(KN_TUPLE_ITEMS(self)[i]);
        if (r == NULL)
            return NULL;
        KnObject *item = ob_str_from_format("%s=%U", d->fields[f++], r);
        if (item == NULL || ob_list_append(parts, item) < 0)
            return NULL;
    }
    KnObject *body = ob_str_join(ob_str_intern_cstr(", "), parts);
    if (body == NULL)
        return NULL;
    return ob_str_from_format("%s(%U)", d->type.tp_name, body);
}

static KnObject *ss_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"sequence", "dict", NULL};
    static const KnArgSpec spec = {"structseq", names, 1, 2, 0};
    KnObject *a[2] = {NULL, NULL};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    SsType *d = ss_desc(t);
    const char *tn = d->type.tp_name;
    KnObject *seq = ob_sequence_tuple(a[0]);
    if (seq == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
            ob_err_clear();
            ob_err_set_string(ob_exc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    KnObject *dict = a[1];
    if (dict == KN_None)
        dict = NULL;
    if (dict != NULL && !KN_DICT_CHECK(dict))
        return ob_err_format(ob_exc_TypeError, "%s() takes a dict as second arg, if any", tn);
    kn_ssize_t len = KN_SIZE(seq);
    if (d->n_in_sequence == d->n_fields) {
        if (len != d->n_fields)
            return ob_err_format(ob_exc_TypeError, "%s() takes a %d-sequence (%zd-sequence given)",
                                 tn, d->n_fields, len);
    } else if (len < d->n_in_sequence) {
        return ob_err_format(ob_exc_TypeError, "%s() takes an at least %d-sequence (%zd-sequence given)",
                             tn, d->n_in_sequence, len);
    } else if (len > d->n_fields) {
        return ob_err_format(ob_exc_TypeError, "%s() takes an at most %d-sequence (%zd-sequence given)",
                             tn, d->n_fields, len);
    }
    KnObject **vals = kgc_alloc(sizeof *vals * (size_t)d->n_fields);
    if (vals == NULL)
        return ob_err_nomemory();
    for (int i = 0; i < d->n_fields; i++) {
        if (i < len)
            vals[i] = KN_TUPLE_GET(seq, i);
        else if (dict != NULL && d->fields[i] != NULL) {
            KnObject *v = ob_dict_getitem_str(dict, d->fields[i]);
            if (v == NULL && ob_err_occurred())
                return NULL;
            vals[i] = v;
        } else
            vals[i] = NULL;
    }
    KnObject *o = ss_new(t, vals);
    if (o != NULL && d->post_new != NULL)
        d->post_new(o);
    return o;
}

void ss_set_post_new(KnTypeObject *type, void (*post_new)(KnObject *self))
{
    ss_desc(type)->post_new = post_new;
}

/* (type, (visible items, {hidden named fields})) — what pickle needs. */
static KnObject *ss_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    SsType *d = ss_desc(KN_TYPE(self));
    KnObject *vis = ob_tuple_from_array(KN_TUPLE_ITEMS(self), d->n_in_sequence);
    KnObject *hidden = ob_dict_new();
    if (vis == NULL || hidden == NULL)
        return NULL;
    for (int i = d->n_in_sequence; i < d->n_fields; i++)
        if (d->fields[i] != NULL && ob_dict_setitem_str(hidden, d->fields[i], ss_get(self, i)) < 0)
            return NULL;
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), ob_tuple_pack(2, vis, hidden));
}

static KnMethodDef ss_methods[] = {
    {"__reduce__", ss_reduce, KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

KnTypeObject *ss_new_type(const char *name, const char *doc, const char *const *fields,
                          int n_fields, int n_in_sequence)
{
    SsType *st = kgc_alloc_uncollectable(sizeof *st);
    KnGetSetDef *gs = kgc_alloc_uncollectable(sizeof *gs * (size_t)(n_fields + 1));
    if (st == NULL || gs == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memset(st, 0, sizeof *st);
    memset(gs, 0, sizeof *gs * (size_t)(n_fields + 1));
    int k = 0, unnamed = 0;
    for (int i = 0; i < n_fields; i++) {
        if (fields[i] == NULL) {
            unnamed++;
            continue;
        }
        gs[k].name = fields[i];
        gs[k].get = ss_get_field;
        gs[k].closure = (void *)(intptr_t)i;
        k++;
    }
    st->fields = fields;
    st->n_fields = n_fields;
    st->n_in_sequence = n_in_sequence;
    KnTypeObject *t = &st->type;
    KnVarObject head = KN_VAR_HEAD_INIT(&ob_type_type, 0);
    t->ob_base = head;
    t->tp_name = name;
    t->tp_doc = doc;
    t->tp_basicsize = ob_tuple_type.tp_basicsize;
    t->tp_itemsize = ob_tuple_type.tp_itemsize;
    t->tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_TUPLE_SUBCLASS;
    t->tp_repr = ss_repr;
    t->tp_getset = gs;
    t->tp_methods = ss_methods;
    t->tp_base = &ob_tuple_type;
    t->tp_new = ss_tp_new;
    if (ob_type_ready(t) < 0)
        return NULL;
    KnObject *dct = t->tp_dict;
    if (ob_dict_setitem_str(dct, "n_sequence_fields", ob_int_from_ssize(n_in_sequence)) < 0
        || ob_dict_setitem_str(dct, "n_fields", ob_int_from_ssize(n_fields)) < 0
        || ob_dict_setitem_str(dct, "n_unnamed_fields", ob_int_from_ssize(unnamed)) < 0)
        return NULL;
    /* match by position over the named fields that are items */
    KnObject *match = ob_list_new(0);
    if (match == NULL)
        return NULL;
    for (int i = 0; i < n_in_sequence; i++)
        if (fields[i] != NULL && ob_list_append(match, ob_str_from_cstr(fields[i])) < 0)
            return NULL;
    KnObject *mt = ob_sequence_tuple(match);
    if (mt == NULL || ob_dict_setitem_str(dct, "__match_args__", mt) < 0)
        return NULL;
    return t;
}
