/*
 * dict.c — the dict table and the ob_dict_* C API.
 *
 * Design (lookup fast paths shared with set: ../NOTES-set.md): compact and
 * insertion-ordered, an index array of 1/2/4/8-byte slots probed with
 * CPython's perturbation recurrence and a dense entries array.  An empty dict has no table (ma_keys NULL).
 * ma_version_tag takes a fresh value from one global counter on every
 * mutation, so equal tags mean "this dict has not changed".
 *
 * Lookups call __eq__, which can run arbitrary code: when the table or the
 * probed entry changed under the comparison the lookup starts again.
 */
#include <string.h>
#include "dict_internal.h"

static uint64_t dict_global_version;

void ob_dict_bump_version(KnObject *d)
{
    ((KnDictObject *)d)->ma_version_tag = ++dict_global_version;
}

#define USABLE_FRACTION(n) (((n) << 1) / 3)

/* ---- index slots ---- */

static inline kn_ssize_t ix_get(const KnDictKeys *k, kn_ssize_t i)
{
    switch (k->dk_log2_index_bytes) {
    case 0: return ((const int8_t *)k->dk_indices)[i];
    case 1: return ((const int16_t *)k->dk_indices)[i];
    case 2: return ((const int32_t *)k->dk_indices)[i];
    default: return (kn_ssize_t)((const int64_t *)k->dk_indices)[i];
    }
}

static inline void ix_set(KnDictKeys *k, kn_ssize_t i, kn_ssize_t ix)
{
    switch (k->dk_log2_index_bytes) {
    case 0: ((int8_t *)k->dk_indices)[i] = (int8_t)ix; break;
    case 1: ((int16_t *)k->dk_indices)[i] = (int16_t)ix; break;
    case 2: ((int32_t *)k->dk_indices)[i] = (int32_t)ix; break;
    default: ((int64_t *)k->dk_indices)[i] = (int64_t)ix; break;
    }
}

static KnDictKeys *keys_new(kn_ssize_t size)
{
    int log2b = size <= 128 ? 0 : size <= 0x8000 ? 1 : size <= 0x80000000LL ? 2 : 3;
    size_t index_bytes = (((size_t)size << log2b) + 7) & ~(size_t)7;
    kn_ssize_t nent = USABLE_FRACTION(size);
    size_t total = sizeof(KnDictKeys) + index_bytes + (size_t)nent * sizeof(KnDictEntry);
    KnDictKeys *k = (KnDictKeys *)kgc_alloc(total);
    if (k == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    k->dk_size = size;
    k->dk_usable = nent;
    k->dk_nentries = 0;
    k->dk_log2_index_bytes = log2b;
    k->dk_entries = (KnDictEntry *)((char *)k->dk_indices + index_bytes);
    memset(k->dk_indices, 0xff, index_bytes);     /* every slot DKIX_EMPTY */
    return k;
}

/* First EMPTY slot on hash's probe sequence (dummies are not reused:
 * they are cleared by the next resize). */
static kn_ssize_t find_empty_slot(KnDictKeys *k, kn_hash_t hash)
{
    size_t mask = (size_t)k->dk_size - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (ix_get(k, (kn_ssize_t)i) != DKIX_EMPTY) {
        perturb >>= DICT_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (kn_ssize_t)i;
}

/* Rebuild with `size` index slots (a power of two that leaves room for
 * every live entry), dropping deleted ones. */
static int dict_resize_size(KnObject *d, kn_ssize_t size)
{
    KnDictKeys *old = DK(d), *nk = keys_new(size);
    if (nk == NULL)
        return -1;
    kn_ssize_t n = 0;
    if (old != NULL) {
        for (kn_ssize_t i = 0; i < old->dk_nentries; i++) {
            KnDictEntry *e = &old->dk_entries[i];
            if (e->key == NULL)
                continue;
            nk->dk_entries[n] = *e;
            ix_set(nk, find_empty_slot(nk, e->hash), n);
            n++;
        }
    }
    nk->dk_nentries = n;
    nk->dk_usable -= n;
    ((KnDictObject *)d)->ma_keys = nk;
    return 0;
}

/* Rebuild with room for at least `minused` entries, dropping deleted ones. */
static int dict_resize(KnObject *d, kn_ssize_t minused)
{
    kn_ssize_t size = DICT_MINSIZE;
    while (USABLE_FRACTION(size) < minused) {
        if (size > KN_SSIZE_MAX / 2) {
            ob_err_nomemory();
            return -1;
        }
        size <<= 1;
    }
    return dict_resize_size(d, size);
}

kn_hash_t ob_dict_key_hash(KnObject *key)
{
    return ob_key_hash_fast(key);
}

/* Probe for key.  *slot receives the index slot where the search ended. */
static kn_ssize_t lookup(KnObject *d, KnObject *key, kn_hash_t hash, kn_ssize_t *slot)
{
restart:;
    KnDictKeys *k = DK(d);
    if (k == NULL)
        return DKIX_EMPTY;
    size_t mask = (size_t)k->dk_size - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        kn_ssize_t ix = ix_get(k, (kn_ssize_t)i);
        if (ix == DKIX_EMPTY) {
            if (slot)
                *slot = (kn_ssize_t)i;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            KnDictEntry *e = &k->dk_entries[ix];
            KnObject *ek = e->key;
            if (ek == key)
                goto found;
            if (ek != NULL && e->hash == hash) {
                int quick = ob_key_quick_eq(ek, key);
                if (quick == 1)
                    goto found;
                if (quick < 0) {
                    int cmp = ob_richcompare_bool(ek, key, KN_EQ);
                    if (cmp < 0)
                        return DKIX_ERROR;
                    if (DK(d) != k || e->key != ek)
                        goto restart;
                    if (cmp > 0)
                        goto found;
                }
            }
        }
        perturb >>= DICT_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        continue;
    found:
        if (slot)
            *slot = (kn_ssize_t)i;
        return ix;
    }
}

kn_ssize_t ob_dict_lookup(KnObject *d, KnObject *key, kn_hash_t hash)
{
    return lookup(d, key, hash, NULL);
}

int ob_dict_insert(KnObject *d, KnObject *key, kn_hash_t hash, KnObject *value)
{
    KnDictObject *mp = (KnDictObject *)d;
    kn_ssize_t slot = -1;
    kn_ssize_t ix = lookup(d, key, hash, &slot);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix >= 0) {
        /* an existing key keeps its object and its place */
        DK(d)->dk_entries[ix].value = value;
        ob_dict_bump_version(d);
        return 0;
    }
    if (DK(d) == NULL || DK(d)->dk_usable <= 0) {
        /* CPython 3.11's growth: the smallest power of two >= used * 3
         * index slots (so a full table of n entries grows to about 2n
         * usable ones, and one mostly of deleted entries may shrink). */
        kn_ssize_t size = DICT_MINSIZE;
        while (size < mp->ma_used * 3) {
            if (size > KN_SSIZE_MAX / 2) {
                ob_err_nomemory();
                return -1;
            }
            size <<= 1;
        }
        if (dict_resize_size(d, size) < 0)
            return -1;
        slot = -1;
    }
    KnDictKeys *k = DK(d);
    /* The probe that found no key ended at the first EMPTY slot of hash's
     * sequence -- where find_empty_slot would land -- and no Python code
     * ran since; a resize makes a new table, so probe again then. */
    if (slot < 0)
        slot = find_empty_slot(k, hash);
    kn_ssize_t n = k->dk_nentries;
    KnDictEntry *e = &k->dk_entries[n];
    e->key = key;
    e->value = value;
    e->hash = hash;
    ix_set(k, slot, n);
    k->dk_nentries = n + 1;
    k->dk_usable--;
    mp->ma_used++;
    ob_dict_bump_version(d);
    return 0;
}

/* The slot that points at entry ix (probing with its stored hash). */
static kn_ssize_t slot_of_entry(KnDictKeys *k, kn_ssize_t ix)
{
    kn_hash_t hash = k->dk_entries[ix].hash;
    size_t mask = (size_t)k->dk_size - 1;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    while (ix_get(k, (kn_ssize_t)i) != ix) {
        perturb >>= DICT_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (kn_ssize_t)i;
}

void ob_dict_del_entry(KnObject *d, kn_ssize_t ix)
{
    KnDictKeys *k = DK(d);
    ix_set(k, slot_of_entry(k, ix), DKIX_DUMMY);
    k->dk_entries[ix].key = NULL;
    k->dk_entries[ix].value = NULL;
    ((KnDictObject *)d)->ma_used--;
    /* The entry's position is not handed out again (only popitem gives the
     * last one back, as CPython): a later insertion lands after it, where
     * a live iterator sees it and reports "dictionary keys changed".
     * dk_usable is NOT given back either: the index slot stays a dummy,
     * and only a resize clears dummies. */
    ob_dict_bump_version(d);
}

/* ---- public API ---- */

KnObject *ob_dict_new(void)
{
    KnDictObject *d = (KnDictObject *)ob_alloc(&ob_dict_type, 0);
    if (d == NULL)
        return NULL;
    d->ma_version_tag = ++dict_global_version;
    return (KnObject *)d;
}

KnObject *ob_dict_new_presized(kn_ssize_t n)
{
    KnObject *d = ob_dict_new();
    if (d != NULL && n > USABLE_FRACTION(DICT_MINSIZE) && dict_resize(d, n) < 0)
        return NULL;
    return d;
}

KnObject *ob_dict_getitem(KnObject *d, KnObject *key)
{
    kn_hash_t hash = ob_key_hash_fast(key);
    if (hash == -1)
        return NULL;
    kn_ssize_t ix = lookup(d, key, hash, NULL);
    if (ix < 0)
        return NULL;
    return DK(d)->dk_entries[ix].value;
}

KnObject *ob_dict_getitem_str(KnObject *d, const char *key)
{
    KnObject *k = ob_str_from_cstr(key);
    if (k == NULL)
        return NULL;
    return ob_dict_getitem(d, k);
}

int ob_dict_setitem(KnObject *d, KnObject *key, KnObject *value)
{
    kn_hash_t hash = ob_key_hash_fast(key);
    if (hash == -1)
        return -1;
    return ob_dict_insert(d, key, hash, value);
}

int ob_dict_setitem_str(KnObject *d, const char *key, KnObject *value)
{
    KnObject *k = ob_str_intern_cstr(key);
    if (k == NULL)
        return -1;
    return ob_dict_setitem(d, k, value);
}

void ob_dict_set_key_error(KnObject *key)
{
    /* wrapped in a 1-tuple so a tuple key is not taken as the args */
    KnObject *args = ob_tuple_pack(1, key);
    if (args != NULL)
        ob_err_set_object(ob_exc_KeyError, args);
}

int ob_dict_delitem(KnObject *d, KnObject *key)
{
    kn_hash_t hash = ob_key_hash_fast(key);
    if (hash == -1)
        return -1;
    kn_ssize_t ix = lookup(d, key, hash, NULL);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix < 0) {
        ob_dict_set_key_error(key);
        return -1;
    }
    ob_dict_del_entry(d, ix);
    return 0;
}

int ob_dict_contains(KnObject *d, KnObject *key)
{
    kn_hash_t hash = ob_key_hash_fast(key);
    if (hash == -1)
        return -1;
    kn_ssize_t ix = lookup(d, key, hash, NULL);
    if (ix == DKIX_ERROR)
        return -1;
    return ix >= 0;
}

int ob_dict_next(KnObject *d, kn_ssize_t *pos, KnObject **key, KnObject **value)
{
    return ob_dict_next_hash(d, pos, key, value, NULL);
}

int ob_dict_next_hash(KnObject *d, kn_ssize_t *pos, KnObject **key, KnObject **value,
                      kn_hash_t *hash)
{
    KnDictKeys *k = DK(d);
    if (k == NULL)
        return 0;
    kn_ssize_t i = *pos;
    while (i < k->dk_nentries && k->dk_entries[i].key == NULL)
        i++;
    if (i >= k->dk_nentries)
        return 0;
    KnDictEntry *e = &k->dk_entries[i];
    *pos = i + 1;
    if (key)
        *key = e->key;
    if (value)
        *value = e->value;
    if (hash)
        *hash = e->hash;
    return 1;
}

kn_ssize_t ob_dict_size(KnObject *d)
{
    return ((KnDictObject *)d)->ma_used;
}

uint64_t ob_dict_version(KnObject *d)
{
    return ((KnDictObject *)d)->ma_version_tag;
}

KnObject *ob_dict_copy(KnObject *d)
{
    KnObject *c = ob_dict_new();
    if (c == NULL)
        return NULL;
    if (ob_dict_merge(c, d, 1) < 0)
        return NULL;
    return c;
}

void ob_dict_clear(KnObject *d)
{
    KnDictObject *mp = (KnDictObject *)d;
    mp->ma_keys = NULL;
    mp->ma_used = 0;
    ob_dict_bump_version(d);
}

KnObject *ob_dict_keys_list(KnObject *d)
{
    KnObject *l = ob_list_new(ob_dict_size(d));
    if (l == NULL)
        return NULL;
    kn_ssize_t pos = 0, j = 0;
    KnObject *k;
    while (ob_dict_next(d, &pos, &k, NULL))
        KN_LIST_ITEMS(l)[j++] = k;
    return l;
}

KnObject *ob_dict_values_list(KnObject *d)
{
    KnObject *l = ob_list_new(ob_dict_size(d));
    if (l == NULL)
        return NULL;
    kn_ssize_t pos = 0, j = 0;
    KnObject *v;
    while (ob_dict_next(d, &pos, NULL, &v))
        KN_LIST_ITEMS(l)[j++] = v;
    return l;
}

KnObject *ob_dict_items_list(KnObject *d)
{
    KnObject *l = ob_list_new(ob_dict_size(d));
    if (l == NULL)
        return NULL;
    kn_ssize_t pos = 0, j = 0;
    KnObject *k, *v;
    while (ob_dict_next(d, &pos, &k, &v)) {
        KnObject *t = ob_tuple_pack(2, k, v);
        if (t == NULL)
            return NULL;
        KN_LIST_ITEMS(l)[j++] = t;
    }
    return l;
}

KnObject *ob_dict_getitem_known_hash(KnObject *d, KnObject *key, kn_hash_t hash)
{
    kn_ssize_t ix = lookup(d, key, hash, NULL);
    return ix >= 0 ? DK(d)->dk_entries[ix].value : NULL;
}

int ob_dict_contains_known_hash(KnObject *d, KnObject *key, kn_hash_t hash)
{
    kn_ssize_t ix = lookup(d, key, hash, NULL);
    if (ix == DKIX_ERROR)
        return -1;
    return ix >= 0;
}

int ob_dict_setitem_known_hash(KnObject *d, KnObject *key, kn_hash_t hash, KnObject *value)
{
    return ob_dict_insert(d, key, hash, value);
}

KnObject *ob_dict_setdefault(KnObject *d, KnObject *key, KnObject *dflt)
{
    kn_hash_t hash = ob_key_hash_fast(key);
    if (hash == -1)
        return NULL;
    kn_ssize_t ix = lookup(d, key, hash, NULL);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0)
        return DK(d)->dk_entries[ix].value;
    if (ob_dict_insert(d, key, hash, dflt) < 0)
        return NULL;
    return dflt;
}

KnObject *ob_dict_pop(KnObject *d, KnObject *key, KnObject *dflt)
{
    if (((KnDictObject *)d)->ma_used == 0) {
        if (dflt != NULL)
            return dflt;
        ob_dict_set_key_error(key);
        return NULL;
    }
    kn_hash_t hash = ob_key_hash_fast(key);
    if (hash == -1)
        return NULL;
    kn_ssize_t ix = lookup(d, key, hash, NULL);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix < 0) {
        if (dflt != NULL)
            return dflt;
        ob_dict_set_key_error(key);
        return NULL;
    }
    KnObject *v = DK(d)->dk_entries[ix].value;
    ob_dict_del_entry(d, ix);
    return v;
}

/* ---- merging ---- */

int ob_dict_merge(KnObject *d, KnObject *other, int override)
{
    if (KN_DICT_CHECK(other) && KN_TYPE(other)->tp_iter == ob_dict_type.tp_iter) {
        if (other == d || ob_dict_size(other) == 0)
            return 0;
        kn_ssize_t need = ob_dict_size(d) + ob_dict_size(other);
        if (DK(d) == NULL || DK(d)->dk_usable < ob_dict_size(other)) {
            if (dict_resize(d, need) < 0)
                return -1;
        }
        KnDictKeys *ok = DK(other);
        for (kn_ssize_t i = 0; i < ok->dk_nentries; i++) {
            KnDictEntry *e = &ok->dk_entries[i];
            if (e->key == NULL)
                continue;
            if (!override) {
                int r = ob_dict_contains_known_hash(d, e->key, e->hash);
                if (r < 0)
                    return -1;
                if (r)
                    continue;
            }
            if (ob_dict_insert(d, e->key, e->hash, e->value) < 0)
                return -1;
            if (DK(other) != ok) {
                ob_err_set_string(ob_exc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* a generic mapping: for k in other.keys(): d[k] = other[k] */
    KnObject *keys = ob_call_method(other, "keys", 0);
    if (keys == NULL)
        return -1;
    KnObject *it = ob_get_iter(keys);
    if (it == NULL)
        return -1;
    for (;;) {
        KnObject *k = ob_iter_next(it);
        if (k == NULL)
            return ob_err_occurred() ? -1 : 0;
        if (!override) {
            int r = ob_dict_contains(d, k);
            if (r < 0)
                return -1;
            if (r)
                continue;
        }
        KnObject *v = ob_getitem(other, k);
        if (v == NULL || ob_dict_setitem(d, k, v) < 0)
            return -1;
    }
}

int ob_dict_merge_pairs(KnObject *d, KnObject *seq)
{
    KnObject *it = ob_get_iter(seq);
    if (it == NULL)
        return -1;
    for (kn_ssize_t i = 0;; i++) {
        KnObject *item = ob_iter_next(it);
        if (item == NULL)
            return ob_err_occurred() ? -1 : 0;
        KnObject *pair;
        if (KN_TUPLE_CHECK_EXACT(item) || KN_LIST_CHECK_EXACT(item)) {
            pair = item;
        } else {
            KnObject *pit = ob_get_iter(item);
            if (pit == NULL) {
                if (ob_err_matches((KnObject *)ob_exc_TypeError))
                    ob_err_format(ob_exc_TypeError,
                                  "cannot convert dictionary update sequence element #%zd "
                                  "to a sequence", i);
                return -1;
            }
            pair = ob_sequence_list(pit);
            if (pair == NULL)
                return -1;
        }
        kn_ssize_t n = KN_SIZE(pair);
        if (n != 2) {
            ob_err_format(ob_exc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; "
                          "2 is required", i, n);
            return -1;
        }
        KnObject **items = KN_LIST_CHECK_EXACT(pair) ? KN_LIST_ITEMS(pair)
                                                     : KN_TUPLE_ITEMS(pair);
        KnObject *k = items[0], *v = items[1];
        if (ob_dict_setitem(d, k, v) < 0)
            return -1;
    }
}

int ob_dict_update_arg(KnObject *d, KnObject *arg)
{
    if (KN_DICT_CHECK_EXACT(arg))
        return ob_dict_merge(d, arg, 1);
    KnObject *keys_name = ob_str_intern_cstr("keys");
    if (keys_name == NULL)
        return -1;
    KnObject *func;
    int r = ob_lookup_attr(arg, keys_name, &func);
    if (r < 0)
        return -1;
    if (r > 0)
        return ob_dict_merge(d, arg, 1);
    return ob_dict_merge_pairs(d, arg);
}

int ob_dict_update(KnObject *d, KnObject *other)
{
    return ob_dict_update_arg(d, other);
}

/* ---- attr: index hints (dict_internal.h) ---- */

kn_ssize_t ob_dict_index_of(KnObject *d, KnObject *key)
{
    kn_hash_t hash = ob_dict_key_hash(key);
    if (hash == -1)
        return DKIX_ERROR;
    return lookup(d, key, hash, NULL);
}

kn_ssize_t ob_dict_store_index(KnObject *d, KnObject *key, KnObject *value)
{
    kn_hash_t hash = ob_dict_key_hash(key);
    if (hash == -1)
        return DKIX_ERROR;
    kn_ssize_t slot;
    kn_ssize_t ix = lookup(d, key, hash, &slot);
    if (ix == DKIX_ERROR)
        return DKIX_ERROR;
    KnDictKeys *k = DK(d);
    if (ix >= 0) {
        k->dk_entries[ix].value = value;
        ob_dict_bump_version(d);
        return ix;
    }
    if (k == NULL || k->dk_usable <= 0) {
        /* A resize first: the general insertion. */
        if (ob_dict_insert(d, key, hash, value) < 0)
            return DKIX_ERROR;
        return DK(d)->dk_nentries - 1;
    }
    /* lookup stopped at the first empty slot of key's probe sequence,
     * which is where an insertion puts it (dummies are not reused). */
    ix = k->dk_nentries;
    k->dk_entries[ix].key = key;
    k->dk_entries[ix].value = value;
    k->dk_entries[ix].hash = hash;
    ix_set(k, slot, ix);
    k->dk_nentries = ix + 1;
    k->dk_usable--;
    ((KnDictObject *)d)->ma_used++;
    ob_dict_bump_version(d);
    return ix;
}

KnObject *ob_dict_new_with_room(kn_ssize_t n)
{
    KnObject *d = ob_dict_new();
    if (d != NULL && dict_resize(d, n > 0 ? n : 1) < 0)
        return NULL;
    return d;
}
/* ---- end attr ---- */

/* ---- newinst: instance dicts made by class instantiation ----
 * See libjit/NOTES-specialization.md, "Class instantiation". */
#include "ob_alloc.h"

KnObject *ob_dict_new_instance(kn_ssize_t n)
{
    if (n < 1 || n > USABLE_FRACTION(DICT_MINSIZE))
        return ob_dict_new_with_room(n);
    /* The dict object and its table in one block: the table keeps the
     * usual 8 one-byte index slots (so probing and __sizeof__ are as for
     * any small dict) but only n entries; the insertion after them sees
     * dk_usable == 0 and resizes into a separate, ordinary table. */
    size_t head = (sizeof(KnDictObject) + 7) & ~(size_t)7;
    size_t total = head + sizeof(KnDictKeys) + 8 + (size_t)n * sizeof(KnDictEntry);
    KnDictObject *d = (KnDictObject *)ob_alloc_exact(&ob_dict_type, total);
    if (d == NULL)
        return NULL;
    KnDictKeys *k = (KnDictKeys *)((char *)d + head);
    k->dk_size = DICT_MINSIZE;
    k->dk_usable = n;
    k->dk_nentries = 0;
    k->dk_log2_index_bytes = 0;
    k->dk_indices[0] = -1;                  /* the 8 slots DKIX_EMPTY */
    k->dk_entries = (KnDictEntry *)((char *)k->dk_indices + 8);
    d->ma_keys = k;
    d->ma_version_tag = ++dict_global_version;
    return (KnObject *)d;
}

int ob_dict_append_absent_str(KnObject *d, KnObject *key, kn_ssize_t ix, KnObject *v)
{
    KnDictKeys *k = DK(d);
    if (k == NULL || ix != k->dk_nentries || k->dk_usable <= 0 || !KN_STR_CHECK_EXACT(key))
        return 0;
    kn_hash_t hash = KN_STR_ASCII(key)->hash;
    if (!ob_dict_str_surely_absent(d, key, hash))
        return 0;               /* maybe present, or no cached hash */
    KnDictEntry *en = &k->dk_entries[ix];
    en->key = key;
    en->value = v;
    en->hash = hash;
    ix_set(k, find_empty_slot(k, hash), ix);
    k->dk_nentries = ix + 1;
    k->dk_usable--;
    ((KnDictObject *)d)->ma_used++;
    ob_dict_bump_version(d);
    return 1;
}
/* ---- end newinst ---- */
