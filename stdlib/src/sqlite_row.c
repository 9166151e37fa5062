/*
 * sqlite_row.c — sqlite3.Row: a row tuple plus the cursor's description,
 * indexed by position, slice or column name (ASCII case-insensitive);
 * keys(), len, iteration, equality and hash.
 */
#include <string.h>

#include "sqlite_internal.h"
#include "libobject/slice.h"

typedef struct SqRow {
    KN_OBJECT_HEAD;
    KnObject *data;          /* tuple */
    KnObject *description;   /* the cursor's description (tuple or None) */
} SqRow;

#define ROW(o) ((SqRow *)(o))

static KnObject *sq_row_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (kwargs != NULL && ob_length(kwargs) > 0) {
        ob_err_set_string(ob_exc_TypeError, "Row() takes no keyword arguments");
        return NULL;
    }
    if (ob_args_check_positional("Row", ob_length(args), 2, 2) < 0)
        return NULL;
    KnObject *cur = KN_TUPLE_GET(args, 0), *data = KN_TUPLE_GET(args, 1);
    if (!ob_type_is_subtype(KN_TYPE(cur), &sq_cursor_type)) {
        ob_err_format(ob_exc_TypeError, "Row() argument 1 must be sqlite3.Cursor, not %s",
                      ob_type_name(KN_TYPE(cur)));
        return NULL;
    }
    if (!KN_TUPLE_CHECK(data)) {
        ob_err_format(ob_exc_TypeError, "Row() argument 2 must be tuple, not %s", ob_type_name(KN_TYPE(data)));
        return NULL;
    }
    SqRow *r = (SqRow *)ob_type_generic_alloc(t, 0);
    if (r == NULL)
        return NULL;
    r->data = data;
    r->description = ((SqCursor *)cur)->description;
    return (KnObject *)r;
}

static kn_ssize_t sq_row_len(KnObject *self)
{
    return ob_length(ROW(self)->data);
}

static KnObject *sq_row_item(KnObject *self, kn_ssize_t i)
{
    return ob_sequence_getitem(ROW(self)->data, i);
}

/* ASCII case-insensitive equality of two UTF-8 names. */
static int sq_name_eq(const char *a, kn_ssize_t na, const char *b, kn_ssize_t nb)
{
    if (na != nb)
        return 0;
    for (kn_ssize_t i = 0; i < na; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y)
            return 0;
    }
    return 1;
}

static KnObject *sq_row_subscript(KnObject *self, KnObject *key)
{
    SqRow *r = ROW(self);
    if (KN_INT_CHECK(key)) {
        kn_ssize_t i = ob_number_as_ssize(key, ob_exc_IndexError);
        if (i == -1 && ob_err_occurred())
            return NULL;
        if (i < 0)
            i += ob_length(r->data);
        if (i < 0) {
            ob_err_set_string(ob_exc_IndexError, "tuple index out of range");
            return NULL;
        }
        return ob_sequence_getitem(r->data, i);
    }
    if (KN_STR_CHECK(key)) {
        kn_ssize_t nk;
        const char *k = ob_str_as_utf8(key, &nk);
        if (k == NULL)
            return NULL;
        kn_ssize_t n = r->description == KN_None ? 0 : ob_length(r->description);
        for (kn_ssize_t i = 0; i < n; i++) {
            KnObject *d = ob_sequence_getitem(r->description, i);
            KnObject *name = d ? ob_sequence_getitem(d, 0) : NULL;
            if (name == NULL)
                return NULL;
            kn_ssize_t nn;
            const char *s = KN_STR_CHECK(name) ? ob_str_as_utf8(name, &nn) : NULL;
            if (s != NULL && sq_name_eq(s, nn, k, nk))
                return ob_sequence_getitem(r->data, i);
        }
        ob_err_set_string(ob_exc_IndexError, "No item with that key");
        return NULL;
    }
    if (KN_TYPE(key) == &ob_slice_type)
        return ob_getitem(r->data, key);
    ob_err_set_string(ob_exc_IndexError, "Index must be int or string");
    return NULL;
}

static KnObject *sq_row_keys(KnObject *self, KnObject *unused)
{
    (void)unused;
    SqRow *r = ROW(self);
    KnObject *list = ob_list_new(0);
    if (list == NULL || r->description == KN_None)
        return list;
    kn_ssize_t n = ob_length(r->description);
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *d = ob_sequence_getitem(r->description, i);
        KnObject *name = d ? ob_sequence_getitem(d, 0) : NULL;
        if (name == NULL || ob_list_append(list, name) < 0)
            return NULL;
    }
    return list;
}

static KnObject *sq_row_iter(KnObject *self)
{
    return ob_get_iter(ROW(self)->data);
}

static kn_hash_t sq_row_hash(KnObject *self)
{
    kn_hash_t a = ob_hash(ROW(self)->description);
    if (a == -1)
        return -1;
    kn_hash_t b = ob_hash(ROW(self)->data);
    if (b == -1)
        return -1;
    kn_hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static KnObject *sq_row_richcompare(KnObject *self, KnObject *other, int op)
{
    if ((op != KN_EQ && op != KN_NE) || !ob_type_is_subtype(KN_TYPE(other), &sq_row_type))
        return KN_NotImplemented;
    int eq = ob_richcompare_bool(ROW(self)->description, ROW(other)->description, KN_EQ);
    if (eq < 0)
        return NULL;
    if (eq) {
        eq = ob_richcompare_bool(ROW(self)->data, ROW(other)->data, KN_EQ);
        if (eq < 0)
            return NULL;
    }
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

static KnMethodDef sq_row_methods[] = {
    {"keys", SQ_FC(sq_row_keys), KN_METH_NOARGS, "Returns the keys of the row."},
    {NULL, NULL, 0, NULL}
};

static KnSequenceMethods sq_row_as_sequence = {
    .sq_length = sq_row_len,
    .sq_item = sq_row_item,
};

static KnMappingMethods sq_row_as_mapping = {
    .mp_length = sq_row_len,
    .mp_subscript = sq_row_subscript,
};

KnTypeObject sq_row_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "sqlite3.Row",
    .tp_basicsize = sizeof(SqRow),
    .tp_as_sequence = &sq_row_as_sequence,
    .tp_as_mapping = &sq_row_as_mapping,
    .tp_hash = sq_row_hash,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_richcompare = sq_row_richcompare,
    .tp_iter = sq_row_iter,
    .tp_methods = sq_row_methods,
    .tp_new = sq_row_new,
};
