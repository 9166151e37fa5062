/*
 * dict_iter.c — the six dict iterators (keys/values/items, forward and
 * reversed).
 *
 * Protection against mutation is CPython's: an iterator remembers ma_used
 * and the number of items still to produce.  A size change raises
 * "dictionary changed size during iteration" (and keeps raising); finding
 * more entries than expected with the size unchanged (delete + insert)
 * raises "dictionary keys changed during iteration".
 */
#include "dict_internal.h"
#include "iter_internal.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *di_dict;      /* NULL once exhausted */
    kn_ssize_t di_used;
    kn_ssize_t di_pos;
    kn_ssize_t len;         /* items still expected */
} DictIter;

enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

static int iter_kind(KnTypeObject *t)
{
    if (t == &ob_dict_keyiter_type || t == &ob_dict_revkeyiter_type)
        return KIND_KEYS;
    if (t == &ob_dict_valueiter_type || t == &ob_dict_revvalueiter_type)
        return KIND_VALUES;
    return KIND_ITEMS;
}

static int iter_reversed(KnTypeObject *t)
{
    return t == &ob_dict_revkeyiter_type || t == &ob_dict_revvalueiter_type ||
           t == &ob_dict_revitemiter_type;
}

KnObject *ob_dict_iter_new(KnObject *d, KnTypeObject *type)
{
    DictIter *it = (DictIter *)ob_alloc(type, 0);
    if (it == NULL)
        return NULL;
    it->di_dict = d;
    it->di_used = ob_dict_size(d);
    it->len = it->di_used;
    it->di_pos = iter_reversed(type) ? ob_dict_nentries(d) - 1 : 0;
    return (KnObject *)it;
}

/* The next live entry, or NULL at the end (exception set on a mutation
 * error, none when simply exhausted). */
static KnDictEntry *dictiter_step(DictIter *it, int reversed)
{
    KnObject *d = it->di_dict;
    if (d == NULL)
        return NULL;
    if (it->di_used != ob_dict_size(d)) {
        ob_err_set_string(ob_exc_RuntimeError, "dictionary changed size during iteration");
        it->di_used = -1;   /* make this state sticky */
        return NULL;
    }
    kn_ssize_t i = it->di_pos, n = ob_dict_nentries(d);
    KnDictEntry *ents = ob_dict_entries(d);
    KnDictEntry *e = NULL;
    if (reversed) {
        if (i >= n)
            i = n - 1;
        while (i >= 0 && ents[i].key == NULL)
            i--;
        if (i >= 0) {
            e = &ents[i];
            it->di_pos = i - 1;
        }
    } else {
        while (i < n && ents[i].key == NULL)
            i++;
        if (i < n) {
            e = &ents[i];
            it->di_pos = i + 1;
        }
    }
    if (e == NULL) {
        it->di_dict = NULL;
        it->len = 0;
        return NULL;
    }
    if (it->len == 0) {
        ob_err_set_string(ob_exc_RuntimeError, "dictionary keys changed during iteration");
        it->di_dict = NULL;
        return NULL;
    }
    it->len--;
    return e;
}

static KnObject *dictiter_next(KnObject *self)
{
    KnDictEntry *e = dictiter_step((DictIter *)self, iter_reversed(KN_TYPE(self)));
    if (e == NULL)
        return NULL;
    switch (iter_kind(KN_TYPE(self))) {
    case KIND_KEYS: return e->key;
    case KIND_VALUES: return e->value;
    default: return ob_tuple_pack(2, e->key, e->value);
    }
}

/* iter_internal.h: one step of a (forward) dict_itemiterator without
 * the pair tuple, for libjit's FOR_ITER_DICT_ITEMS. */
int ob_dict_itemiter_next2(KnObject *self, KnObject **key, KnObject **value)
{
    KnDictEntry *e = dictiter_step((DictIter *)self, 0);
    if (e == NULL)
        return ob_err_occurred() ? -1 : 0;
    *key = e->key;
    *value = e->value;
    return 1;
}

static KnObject *dictiter_length_hint(KnObject *self, KnObject *unused)
{
    DictIter *it = (DictIter *)self;
    kn_ssize_t n = 0;
    if (it->di_dict != NULL && it->di_used == ob_dict_size(it->di_dict))
        n = it->len;
    return ob_int_from_ssize(n);
}

/* (iter, (list of what is still to come,)), as CPython's dict iterators. */
static KnObject *dictiter_reduce(KnObject *self, KnObject *unused)
{
    DictIter copy = *(DictIter *)self;
    return ob_cont_reduce_remaining((KnObject *)&copy);
}

static KnMethodDef dictiter_methods[] = {
    {"__length_hint__", (KnCFunction)dictiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (KnCFunction)dictiter_reduce, KN_METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

#define DICT_ITER_TYPE(var, name)                                   \
    KnTypeObject var = {                                            \
        KN_VAR_HEAD_INIT(&ob_type_type, 0),                         \
        .tp_name = name,                                            \
        .tp_basicsize = sizeof(DictIter),                           \
        .tp_getattro = ob_generic_getattr,                          \
        .tp_flags = KN_TPFLAGS_DEFAULT,                             \
        .tp_iter = ob_iter_self,                                    \
        .tp_iternext = dictiter_next,                               \
        .tp_methods = dictiter_methods,                             \
    };

DICT_ITER_TYPE(ob_dict_keyiter_type, "dict_keyiterator")
DICT_ITER_TYPE(ob_dict_valueiter_type, "dict_valueiterator")
DICT_ITER_TYPE(ob_dict_itemiter_type, "dict_itemiterator")
DICT_ITER_TYPE(ob_dict_revkeyiter_type, "dict_reversekeyiterator")
DICT_ITER_TYPE(ob_dict_revvalueiter_type, "dict_reversevalueiterator")
DICT_ITER_TYPE(ob_dict_revitemiter_type, "dict_reverseitemiterator")
