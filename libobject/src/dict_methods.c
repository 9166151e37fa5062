/*
 * dict_methods.c — the dict type as Python sees it: construction, repr,
 * ==, subscripts with __missing__, | and |=, and the named methods.
 */
#include "dict_internal.h"

/* ---- subscripts ---- */

KnObject *ob_dict_subscript(KnObject *d, KnObject *key)
{
    kn_hash_t hash = ob_key_hash_fast(key);
    if (hash == -1)
        return NULL;
    kn_ssize_t ix = ob_dict_lookup(d, key, hash);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0)
        return DK(d)->dk_entries[ix].value;
    if (!KN_DICT_CHECK_EXACT(d)) {
        KnObject *name = ob_str_intern_cstr("__missing__");
        if (name == NULL)
            return NULL;
        KnObject *missing = ob_lookup_special(d, name);
        if (missing != NULL)
            return ob_call_onearg(missing, key);
        if (ob_err_occurred())
            return NULL;
    }
    ob_dict_set_key_error(key);
    return NULL;
}

static int dict_ass_subscript(KnObject *d, KnObject *key, KnObject *value)
{
    if (value == NULL)
        return ob_dict_delitem(d, key);
    return ob_dict_setitem(d, key, value);
}

static kn_ssize_t dict_length(KnObject *d)
{
    return ob_dict_size(d);
}

static int dict_contains_slot(KnObject *d, KnObject *key)
{
    return ob_dict_contains(d, key);
}

/* ---- repr ---- */

static KnObject *dict_repr(KnObject *d)
{
    if (ob_dict_size(d) == 0)
        return ob_str_from_cstr("{}");
    int r = ob_repr_enter(d);
    if (r != 0)
        return r > 0 ? ob_str_from_cstr("{...}") : NULL;
    KnObject *res = NULL;
    KnObject *parts = ob_list_new(0);
    KnObject *colon = ob_str_from_cstr(": ");
    if (parts == NULL || colon == NULL)
        goto done;
    kn_ssize_t pos = 0;
    KnObject *k, *v;
    while (ob_dict_next(d, &pos, &k, &v)) {
        if (ob_enter_recursive_call(" while getting the repr of an object") < 0)
            goto done;
        KnObject *kr = ob_repr(k);
        KnObject *vr = kr ? ob_repr(v) : NULL;
        ob_leave_recursive_call();
        if (vr == NULL)
            goto done;
        KnObject *s = ob_str_concat(kr, colon);
        s = s ? ob_str_concat(s, vr) : NULL;
        if (s == NULL || ob_list_append(parts, s) < 0)
            goto done;
    }
    KnObject *sep = ob_str_from_cstr(", ");
    KnObject *body = sep ? ob_str_join(sep, parts) : NULL;
    if (body != NULL)
        res = ob_str_from_format("{%U}", body);
done:
    ob_repr_leave(d);
    return res;
}

/* ---- comparison: == and != only ---- */

static int dict_equal(KnObject *a, KnObject *b)
{
    if (ob_dict_size(a) != ob_dict_size(b))
        return 0;
    for (kn_ssize_t i = 0; i < ob_dict_nentries(a); i++) {
        KnDictEntry *e = &ob_dict_entries(a)[i];
        KnObject *key = e->key;
        if (key == NULL)
            continue;
        KnObject *aval = e->value;
        kn_ssize_t ix = ob_dict_lookup(b, key, e->hash);
        if (ix == DKIX_ERROR)
            return -1;
        if (ix < 0)
            return 0;
        KnObject *bval = DK(b)->dk_entries[ix].value;
        int r = ob_richcompare_bool(aval, bval, KN_EQ);
        if (r <= 0)
            return r;
    }
    return 1;
}

static KnObject *dict_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!KN_DICT_CHECK(a) || !KN_DICT_CHECK(b) || (op != KN_EQ && op != KN_NE))
        return KN_NotImplemented;
    int r = dict_equal(a, b);
    if (r < 0)
        return NULL;
    return KN_BOOL(op == KN_EQ ? r : !r);
}

/* ---- | and |= ---- */

static KnObject *dict_or(KnObject *a, KnObject *b)
{
    if (!KN_DICT_CHECK(a) || !KN_DICT_CHECK(b))
        return KN_NotImplemented;
    KnObject *res = ob_call_method(a, "copy", 0);
    if (res == NULL)
        return NULL;
    if (ob_dict_update_arg(res, b) < 0)
        return NULL;
    return res;
}

static KnObject *dict_ior(KnObject *a, KnObject *b)
{
    if (ob_dict_update_arg(a, b) < 0)
        return NULL;
    return a;
}

/* ---- construction ---- */

static KnObject *dict_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    KnObject *d = type == &ob_dict_type ? ob_dict_new()
                  : (type->tp_alloc ? type->tp_alloc(type, 0) : ob_alloc(type, 0));
    if (d != NULL)
        ob_dict_bump_version(d);
    return d;
}

/* dict(...) / d.update(...): one optional positional, then keywords. */
static int update_common(KnObject *d, KnObject *const *args, kn_ssize_t nargs,
                         KnObject *kwnames_or_dict, int is_dict, const char *fname)
{
    if (ob_args_check_positional(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && ob_dict_update_arg(d, args[0]) < 0)
        return -1;
    if (kwnames_or_dict == NULL)
        return 0;
    if (is_dict)
        return ob_dict_merge(d, kwnames_or_dict, 1);
    for (kn_ssize_t i = 0; i < KN_SIZE(kwnames_or_dict); i++) {
        if (ob_dict_setitem(d, KN_TUPLE_GET(kwnames_or_dict, i), args[nargs + i]) < 0)
            return -1;
    }
    return 0;
}

static int dict_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return update_common(self, KN_TUPLE_ITEMS(args), KN_SIZE(args), kwargs, 1, "dict");
}

static KnObject *dict_update_m(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                               KnObject *kwnames)
{
    if (update_common(self, args, nargs, kwnames, 0, "update") < 0)
        return NULL;
    return KN_None;
}

/* ---- methods ---- */

static KnObject *dict_get(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("get", nargs, 1, 2) < 0)
        return NULL;
    kn_hash_t hash = ob_key_hash_fast(args[0]);
    if (hash == -1)
        return NULL;
    kn_ssize_t ix = ob_dict_lookup(self, args[0], hash);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0)
        return DK(self)->dk_entries[ix].value;
    return nargs == 2 ? args[1] : KN_None;
}

static KnObject *dict_setdefault_m(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("setdefault", nargs, 1, 2) < 0)
        return NULL;
    return ob_dict_setdefault(self, args[0], nargs == 2 ? args[1] : KN_None);
}

static KnObject *dict_pop_m(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("pop", nargs, 1, 2) < 0)
        return NULL;
    return ob_dict_pop(self, args[0], nargs == 2 ? args[1] : NULL);
}

static KnObject *dict_popitem(KnObject *self, KnObject *unused)
{
    kn_ssize_t i = ob_dict_nentries(self) - 1;
    KnDictEntry *ents = ob_dict_entries(self);
    while (i >= 0 && ents[i].key == NULL)
        i--;
    if (i < 0) {
        ob_err_set_string(ob_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    KnObject *res = ob_tuple_pack(2, ents[i].key, ents[i].value);
    if (res == NULL)
        return NULL;
    /* delete it, then drop it and the deleted entries after it (their index
     * slots stay dummies, so dk_usable is not given back: see
     * ob_dict_del_entry) */
    ob_dict_del_entry(self, i);
    DK(self)->dk_nentries = i;
    return res;
}

static KnObject *dict_keys_m(KnObject *self, KnObject *unused)
{
    return ob_dict_view_new(self, &ob_dict_keys_type);
}

static KnObject *dict_values_m(KnObject *self, KnObject *unused)
{
    return ob_dict_view_new(self, &ob_dict_values_type);
}

static KnObject *dict_items_m(KnObject *self, KnObject *unused)
{
    return ob_dict_view_new(self, &ob_dict_items_type);
}

static KnObject *dict_copy_m(KnObject *self, KnObject *unused)
{
    return ob_dict_copy(self);
}

static KnObject *dict_clear_m(KnObject *self, KnObject *unused)
{
    ob_dict_clear(self);
    return KN_None;
}

static KnObject *dict_contains_m(KnObject *self, KnObject *key)
{
    int r = ob_dict_contains(self, key);
    return r < 0 ? NULL : KN_BOOL(r);
}

static KnObject *dict_getitem_m(KnObject *self, KnObject *key)
{
    return ob_dict_subscript(self, key);
}

static KnObject *dict_sizeof(KnObject *self, KnObject *unused)
{
    kn_ssize_t n = (kn_ssize_t)sizeof(KnDictObject) + 16;
    KnDictKeys *k = DK(self);
    if (k != NULL)
        n += (kn_ssize_t)sizeof(KnDictKeys) + (k->dk_size << k->dk_log2_index_bytes) +
             ((k->dk_size << 1) / 3) * (kn_ssize_t)sizeof(KnDictEntry);
    return ob_int_from_ssize(n);
}

static KnObject *dict_reversed(KnObject *self, KnObject *unused)
{
    return ob_dict_iter_new(self, &ob_dict_revkeyiter_type);
}

/* dict.fromkeys(iterable, value=None): a classmethod. */
static KnObject *dict_fromkeys(KnObject *cls, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    KnObject *value = nargs == 2 ? args[1] : KN_None;
    KnObject *d = ob_call_noargs(cls);
    if (d == NULL)
        return NULL;
    int exact = KN_DICT_CHECK_EXACT(d);
    if (exact && KN_DICT_CHECK_EXACT(args[0])) {
        kn_ssize_t pos = 0;
        KnObject *k;
        kn_hash_t h;
        while (ob_dict_next_hash(args[0], &pos, &k, NULL, &h))
            if (ob_dict_insert(d, k, h, value) < 0)
                return NULL;
        return d;
    }
    if (exact && ob_anyset_check(args[0])) {
        kn_ssize_t pos = 0;
        KnObject *k;
        kn_hash_t h;
        while (ob_set_next(args[0], &pos, &k, &h))
            if (ob_dict_insert(d, k, h, value) < 0)
                return NULL;
        return d;
    }
    KnObject *it = ob_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    for (;;) {
        KnObject *k = ob_iter_next(it);
        if (k == NULL)
            return ob_err_occurred() ? NULL : d;
        if ((exact ? ob_dict_setitem(d, k, value) : ob_setitem(d, k, value)) < 0)
            return NULL;
    }
}

static KnObject *dict_iter(KnObject *self)
{
    return ob_dict_iter_new(self, &ob_dict_keyiter_type);
}

#define FAST(f) (KnCFunction)(void (*)(void))(f)

KnMethodDef ob_dict_methods[] = {
    KN_CONT_CLASS_GETITEM_METHOD
    {"__contains__", (KnCFunction)dict_contains_m, KN_METH_O | KN_METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", (KnCFunction)dict_getitem_m, KN_METH_O | KN_METH_COEXIST,
     "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", (KnCFunction)dict_sizeof, KN_METH_NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", FAST(dict_get), KN_METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", FAST(dict_setdefault_m), KN_METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", FAST(dict_pop_m), KN_METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"popitem", (KnCFunction)dict_popitem, KN_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", (KnCFunction)dict_keys_m, KN_METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", (KnCFunction)dict_items_m, KN_METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", (KnCFunction)dict_values_m, KN_METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"update", FAST(dict_update_m), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n"
     "If E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\n"
     "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
     "In either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", FAST(dict_fromkeys), KN_METH_FASTCALL | KN_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", (KnCFunction)dict_clear_m, KN_METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", (KnCFunction)dict_copy_m, KN_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", (KnCFunction)dict_reversed, KN_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}
};

static KnSequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains_slot,
};

static KnMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = ob_dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};

static KnNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

KnTypeObject ob_dict_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "dict",
    .tp_basicsize = sizeof(KnDictObject),
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = ob_hash_not_implemented,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_DICT_SUBCLASS |
                KN_TPFLAGS_MAPPING | KN_TPFLAGS_MATCH_SELF | KN_TPFLAGS_HAVE_GC,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = ob_dict_methods,
    .tp_init = dict_init,
    .tp_new = dict_tp_new,
};
