/* libobject/dict.h — dict (src/dict.c).  The public prefix is CPython's
 * PyDictObject (ma_used, ma_version_tag); the table is Kiln's own design
 * (insertion-ordered; design in src/dict.c).  ma_version_tag changes on every
 * mutation (the interpreter's global caches key on it). */
#ifndef LIBOBJECT_DICT_H
#define LIBOBJECT_DICT_H
#include "libobject/object.h"

typedef struct KnDictObject {
    KN_OBJECT_HEAD;
    kn_ssize_t ma_used;
    uint64_t ma_version_tag;
    void *ma_keys;            /* Kiln's table */
    KnObject **ma_values;     /* unused by Kiln (split tables); NULL */
} KnDictObject;

extern KnTypeObject ob_dict_type;
#define KN_DICT_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_DICT_SUBCLASS)
#define KN_DICT_CHECK_EXACT(o) (KN_TYPE(o) == &ob_dict_type)

KnObject *ob_dict_new(void);
/* Borrowed value or NULL when missing; NULL + exception on a hash/compare error
 * (check ob_err_occurred()). */
KnObject *ob_dict_getitem(KnObject *d, KnObject *key);
KnObject *ob_dict_getitem_str(KnObject *d, const char *key);
int ob_dict_setitem(KnObject *d, KnObject *key, KnObject *value);
int ob_dict_setitem_str(KnObject *d, const char *key, KnObject *value);
int ob_dict_delitem(KnObject *d, KnObject *key);   /* KeyError when missing */
int ob_dict_contains(KnObject *d, KnObject *key);
/* Iterate: kn_ssize_t pos = 0; while (ob_dict_next(d, &pos, &k, &v)) ... */
int ob_dict_next(KnObject *d, kn_ssize_t *pos, KnObject **key, KnObject **value);
kn_ssize_t ob_dict_size(KnObject *d);
KnObject *ob_dict_copy(KnObject *d);
int ob_dict_update(KnObject *d, KnObject *other);  /* dict.update(other) */
KnObject *ob_dict_keys_list(KnObject *d);
void ob_dict_clear(KnObject *d);

/* ---- additions (CONTAINERS) ---- */
/* ob_dict_next that also yields the stored hash (hash may be NULL). */
int ob_dict_next_hash(KnObject *d, kn_ssize_t *pos, KnObject **key, KnObject **value,
                      kn_hash_t *hash);
/* With a hash the caller already has (set operations, the interpreter). */
KnObject *ob_dict_getitem_known_hash(KnObject *d, KnObject *key, kn_hash_t hash);
int ob_dict_contains_known_hash(KnObject *d, KnObject *key, kn_hash_t hash);
int ob_dict_setitem_known_hash(KnObject *d, KnObject *key, kn_hash_t hash, KnObject *value);
/* d.setdefault(key, dflt): the value now stored (borrowed); NULL on error. */
KnObject *ob_dict_setdefault(KnObject *d, KnObject *key, KnObject *dflt);
/* d.pop(key[, dflt]): dflt NULL -> KeyError(key) when missing. */
KnObject *ob_dict_pop(KnObject *d, KnObject *key, KnObject *dflt);
/* Copy other's items into d: other a dict or any mapping with keys();
 * override 0 keeps d's existing values (for **kwargs merging). */
int ob_dict_merge(KnObject *d, KnObject *other, int override);
/* Merge an iterable of 2-item sequences (dict(pairs)). */
int ob_dict_merge_pairs(KnObject *d, KnObject *seq);
KnObject *ob_dict_values_list(KnObject *d);
KnObject *ob_dict_items_list(KnObject *d);
/* The current version tag (changes on every mutation). */
uint64_t ob_dict_version(KnObject *d);

#endif
