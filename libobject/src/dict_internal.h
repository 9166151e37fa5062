/*
 * dict_internal.h — the dict table, shared by dict.c, dict_methods.c,
 * dict_views.c and dict_iter.c (and set*.c for the key fast paths).  See
 * ../NOTES-set.md, "Lookup fast paths shared with dict".
 *
 * A table is one kgc_alloc block: this header, then dk_size index slots of
 * 1/2/4/8 bytes, then the dense entries array (dk_size * 2/3 entries).
 * Index slots hold DKIX_EMPTY, DKIX_DUMMY (a deleted entry was here, keep
 * probing) or the position of an entry.  Entries are in insertion order; a
 * deleted entry keeps its place with key == NULL until the next resize.
 */
#ifndef LIBOBJECT_DICT_INTERNAL_H
#define LIBOBJECT_DICT_INTERNAL_H

#include <string.h>
#include "containers.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DICT_MINSIZE 8
#define DICT_PERTURB_SHIFT 5

typedef struct KnDictEntry {
    KnObject *key;          /* NULL: deleted */
    KnObject *value;
    kn_hash_t hash;
} KnDictEntry;

typedef struct KnDictKeys {
    kn_ssize_t dk_size;         /* index slots: a power of two */
    kn_ssize_t dk_usable;       /* entries that may still be appended */
    kn_ssize_t dk_nentries;     /* entries appended (live + deleted) */
    int dk_log2_index_bytes;    /* 0..3: slots are 1, 2, 4 or 8 bytes */
    KnDictEntry *dk_entries;    /* inside this block, after the indices */
    int64_t dk_indices[];       /* really 1..8-byte slots; 8-aligned */
} KnDictKeys;

#define DK(d) ((KnDictKeys *)((KnDictObject *)(d))->ma_keys)
/* Live entries: used; all entries: DK(d) ? DK(d)->dk_nentries : 0. */
static inline kn_ssize_t ob_dict_nentries(KnObject *d)
{
    return DK(d) ? DK(d)->dk_nentries : 0;
}
static inline KnDictEntry *ob_dict_entries(KnObject *d)
{
    return DK(d) ? DK(d)->dk_entries : NULL;
}

/* hash(key) with the common cases inline: an exact str whose hash is
 * cached, an exact int of at most two digits (hash == value, -1 -> -2,
 * as int.__hash__).  Everything else through ob_hash; -1 on error. */
static inline kn_hash_t ob_key_hash_fast(KnObject *key)
{
    if (KN_STR_CHECK_EXACT(key)) {
        kn_hash_t h = KN_STR_ASCII(key)->hash;
        if (h != -1)
            return h;
    } else if (KN_TYPE(key) == &ob_int_type && KN_SIZE(key) >= -2 && KN_SIZE(key) <= 2) {
        /* |v| < 2**60 < the modulus 2**61 - 1: the hash is v itself */
        const kn_digit *dg = ((KnLongObject *)key)->ob_digit;
        kn_ssize_t n = KN_SIZE(key);
        kn_hash_t v = n == 0 ? 0 : (kn_hash_t)dg[0];
        if (n == 2 || n == -2)
            v |= (kn_hash_t)dg[1] << KN_INT_SHIFT;
        if (n < 0)
            v = -v;
        return v == -1 ? -2 : v;
    }
    return ob_hash(key);
}

/* Equality of two exact str keys whose hashes already agree: lengths,
 * then kinds, then the bytes (short keys without a call to memcmp). */
static inline int ob_key_str_eq(KnObject *a, KnObject *b)
{
    kn_ssize_t n = KN_STR_LEN(a);
    if (n != KN_STR_LEN(b))
        return 0;
    int kind = KN_STR_KIND(a);
    if (kind != KN_STR_KIND(b) || kind == 0)      /* 0: a legacy string */
        return ob_str_equal(a, b);
    const unsigned char *pa = KN_STR_DATA(a), *pb = KN_STR_DATA(b);
    size_t nb = (size_t)n * (size_t)kind;
    if (nb > 16)
        return memcmp(pa, pb, nb) == 0;
    for (size_t i = 0; i < nb; i++)
        if (pa[i] != pb[i])
            return 0;
    return 1;
}

/* Equality of two keys with equal hashes when no Python code can be
 * involved: both exact str, or both exact int.  1 equal, 0 unequal, -1
 * unknown (the caller asks __eq__). */
static inline int ob_key_quick_eq(KnObject *a, KnObject *b)
{
    KnTypeObject *t = KN_TYPE(a);
    if (t != KN_TYPE(b))
        return -1;
    if (t == &ob_str_type)
        return ob_key_str_eq(a, b);
    if (t == &ob_int_type) {
        kn_ssize_t n = KN_SIZE(a);
        if (n != KN_SIZE(b))
            return 0;
        if (n < 0)
            n = -n;
        return memcmp(((KnLongObject *)a)->ob_digit, ((KnLongObject *)b)->ob_digit,
                      (size_t)n * sizeof(kn_digit)) == 0;
    }
    return -1;
}

/* dict.c */
/* Entry index of key (>= 0), DKIX_EMPTY when absent, -3 on error. */
#define DKIX_ERROR (-3)
kn_ssize_t ob_dict_lookup(KnObject *d, KnObject *key, kn_hash_t hash);
kn_hash_t ob_dict_key_hash(KnObject *key);      /* str fast path; -1 on error */
int ob_dict_insert(KnObject *d, KnObject *key, kn_hash_t hash, KnObject *value);
/* Remove the live entry at index ix (found by ob_dict_lookup). */
void ob_dict_del_entry(KnObject *d, kn_ssize_t ix);
void ob_dict_bump_version(KnObject *d);
KnObject *ob_dict_new_presized(kn_ssize_t n);
/* d[key] lookup that honours __missing__ for subclasses; KeyError(key). */
KnObject *ob_dict_subscript(KnObject *d, KnObject *key);
void ob_dict_set_key_error(KnObject *key);
/* update-from-anything (mapping with keys(), or iterable of pairs);
 * `fname` names the method in the "expected at most 1 argument" check. */
int ob_dict_update_arg(KnObject *d, KnObject *arg);
int ob_dict_merge(KnObject *d, KnObject *other, int override);
int ob_dict_merge_pairs(KnObject *d, KnObject *seq);

/* dict_views.c / dict_iter.c */
extern KnTypeObject ob_dict_keys_type, ob_dict_values_type, ob_dict_items_type;
extern KnTypeObject ob_dict_keyiter_type, ob_dict_valueiter_type, ob_dict_itemiter_type;
extern KnTypeObject ob_dict_revkeyiter_type, ob_dict_revvalueiter_type,
    ob_dict_revitemiter_type;
KnObject *ob_dict_view_new(KnObject *d, KnTypeObject *type);
KnObject *ob_dict_iter_new(KnObject *d, KnTypeObject *type);
extern KnMethodDef ob_dict_methods[];

/* ---- attr: index hints for the interpreter's attribute caches ----
 * libjit's LOAD_ATTR / STORE_ATTR / LOAD_METHOD forms remember where in an
 * instance dict's entry array a name was found and check that entry first
 * (the key object itself, so no hash or comparison).  A stale hint only
 * costs a lookup: entries never move except in a resize, which builds a
 * new table, and a deleted entry's key is NULL. */

/* The value stored under exactly the object `key` at entry ix, else NULL. */
static inline KnObject *ob_dict_hinted_value(KnObject *d, KnObject *key, kn_ssize_t ix)
{
    KnDictKeys *k = DK(d);
    if (k != NULL && ix < k->dk_nentries && k->dk_entries[ix].key == key)
        return k->dk_entries[ix].value;
    return NULL;
}

/* Replace the value at entry ix when it holds exactly `key` (1), else 0
 * (nothing done).  The version changes as for any store. */
static inline int ob_dict_hinted_store(KnObject *d, KnObject *key, kn_ssize_t ix, KnObject *v)
{
    KnDictKeys *k = DK(d);
    if (k == NULL || ix >= k->dk_nentries || k->dk_entries[ix].key != key)
        return 0;
    k->dk_entries[ix].value = v;
    ob_dict_bump_version(d);
    return 1;
}

/* 1 when the str `key` (hash already computed) is certainly not in d:
 * its probe sequence reaches an empty slot passing only entries of other
 * hashes or other key objects of other hashes.  0 means "don't know" (an
 * entry with the same hash, or a wide index: do a lookup). */
static inline int ob_dict_str_surely_absent(KnObject *d, KnObject *key, kn_hash_t hash)
{
    KnDictKeys *k = DK(d);
    if (k == NULL)
        return 1;
    if (hash == -1 || k->dk_log2_index_bytes != 0)
        return 0;
    const int8_t *ix = (const int8_t *)k->dk_indices;
    size_t mask = (size_t)k->dk_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        int e = ix[i];
        if (e == DKIX_EMPTY)
            return 1;
        if (e >= 0 && (k->dk_entries[e].key == key || k->dk_entries[e].hash == hash))
            return 0;
        perturb >>= DICT_PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Entry index of key (>= 0), DKIX_EMPTY when absent, DKIX_ERROR with the
 * exception set (hash or comparison failed). */
kn_ssize_t ob_dict_index_of(KnObject *d, KnObject *key);
/* d[key] = value (a str-keyed store of the interpreter) with one probe
 * sequence: the entry index it now occupies, or DKIX_ERROR. */
kn_ssize_t ob_dict_store_index(KnObject *d, KnObject *key, KnObject *value);
/* An empty dict whose table already has room for n keys (instance dicts
 * made before __init__ fills them). */
KnObject *ob_dict_new_with_room(kn_ssize_t n);
/* ---- end attr ---- */

/* ---- newinst: instance dicts made by class instantiation ---- */
/* An empty exact dict with room for n keys (the size learned after
 * __init__); n <= 5 comes as one block, dict object and table. */
KnObject *ob_dict_new_instance(kn_ssize_t n);
/* d[key] = v for an exact str key with a cached hash when it is certainly
 * absent and would be appended at entry ix (a hint naming the next free
 * entry, as in a dict fresh from ob_dict_new_instance): 1 done, 0 nothing
 * done (take the general store). */
int ob_dict_append_absent_str(KnObject *d, KnObject *key, kn_ssize_t ix, KnObject *v);
/* ---- end newinst ---- */

#endif
