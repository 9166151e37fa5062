/* libobject/set.h — set and frozenset (src/set.c, src/set_ops.c).
 *
 * Layout = CPython 3.11's PySetObject and the table algorithm is CPython's
 * too (linear probing in runs of 9, then perturbation; the same fill/resize
 * rules and dummy handling), so iteration order is CPython's for equal
 * hashes — programs print sets.  See ../../NOTES-set.md. */
#ifndef LIBOBJECT_SET_H
#define LIBOBJECT_SET_H
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KN_SET_MINSIZE 8

/* Unused: key NULL, hash 0.  Dummy: key == the dummy marker, hash -1.
 * Active: anything else (hash never -1). */
typedef struct KnSetEntry {
    KnObject *key;
    kn_hash_t hash;
} KnSetEntry;

typedef struct KnSetObject {
    KN_OBJECT_HEAD;
    kn_ssize_t fill;        /* active + dummy entries */
    kn_ssize_t used;        /* active entries */
    kn_ssize_t mask;        /* table size - 1 (a power of two minus one) */
    KnSetEntry *table;      /* smalltable or a kgc_alloc block */
    kn_hash_t hash;         /* frozenset only; -1 until computed */
    kn_ssize_t finger;      /* pop() resumes its scan here */
    KnSetEntry smalltable[KN_SET_MINSIZE];
    KnObject *weakreflist;
} KnSetObject;

extern KnTypeObject ob_set_type, ob_frozenset_type, ob_setiter_type;
#define KN_FROZENSET_CHECK_EXACT(o) (KN_TYPE(o) == &ob_frozenset_type)
#define KN_SET_CHECK_EXACT(o) (KN_TYPE(o) == &ob_set_type)
int ob_set_check(KnObject *o);          /* set or subclass */
int ob_frozenset_check(KnObject *o);    /* frozenset or subclass */
int ob_anyset_check(KnObject *o);       /* either */
#define KN_SET_USED(o) (((KnSetObject *)(o))->used)

/* set(iterable) / frozenset(iterable); iterable may be NULL (empty). */
KnObject *ob_set_new(KnObject *iterable);
KnObject *ob_frozenset_new(KnObject *iterable);
int ob_set_add(KnObject *set, KnObject *key);
/* 1 removed, 0 absent, -1 error. */
int ob_set_discard(KnObject *set, KnObject *key);
int ob_set_contains(KnObject *set, KnObject *key);   /* 1 / 0 / -1 */
kn_ssize_t ob_set_size(KnObject *set);
int ob_set_clear(KnObject *set);
KnObject *ob_set_pop(KnObject *set);                  /* KeyError when empty */
/* Iterate: kn_ssize_t pos = 0; while (ob_set_next(s, &pos, &key, &hash)) ... */
int ob_set_next(KnObject *set, kn_ssize_t *pos, KnObject **key, kn_hash_t *hash);
int ob_set_update(KnObject *set, KnObject *iterable);

/* sets (r4): for libjit's set forms, exact set/frozenset operands only:
 * a | b, and a | {key} for an exact int or str key (whose hash cannot
 * fail) without building the one-element set. */
KnObject *ob_set_or_exact(KnObject *a, KnObject *b);
KnObject *ob_set_or_one(KnObject *left, KnObject *key);
/* `key in so` for an exact set or frozenset (its __contains__). */
int ob_set_contains_exact(KnObject *so, KnObject *key);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_SET_H */
