/*
 * set.c — the hash table behind set and frozenset, and the public ob_set_*
 * API.  The methods, operators and type objects are in set_ops.c.
 *
 * The table follows CPython 3.11 exactly (see NOTES-set.md): probe runs of
 * LINEAR_PROBES adjacent slots, then a perturbed jump; the last dummy seen
 * on an insert's way is reused; resize at fill*5 >= mask*3 to a power of two
 * above used*4 (used*2 past 50000).  Iteration walks the slots in order, so
 * equal hashes give CPython's iteration order.
 */
#include "set_internal.h"
#include "ob_alloc.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* The dummy marker: never handed out, compared by address only. */
static KnObject set_dummy_obj = KN_HEAD_INIT(&ob_object_type);
KnObject *const ob_set_dummy = &set_dummy_obj;

int ob_set_check(KnObject *o)
{
    return KN_TYPE_CHECK(o, &ob_set_type);
}

int ob_frozenset_check(KnObject *o)
{
    return KN_TYPE_CHECK(o, &ob_frozenset_type);
}

int ob_anyset_check(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t == &ob_set_type || t == &ob_frozenset_type)
        return 1;       /* the common case, without walking an MRO */
    return ob_set_check(o) || ob_frozenset_check(o);
}

/* Place key in a table known to hold no dummies and no equal key. */
static void insert_clean(KnSetEntry *table, size_t mask, KnObject *key, kn_hash_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    KnSetEntry *e;
    for (;;) {
        e = &table[i];
        if (e->key == NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    e->key = key;
    e->hash = hash;
}

int ob_set_table_resize(KnSetObject *so, kn_ssize_t minused)
{
    size_t newsize = KN_SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        if (newsize > ((size_t)KN_SSIZE_MAX >> 5)) {
            ob_err_nomemory();
            return -1;
        }
        newsize <<= 1;
    }
    KnSetEntry *old = so->table;
    KnSetEntry small_copy[KN_SET_MINSIZE];
    KnSetEntry *newtable;
    size_t oldmask = (size_t)so->mask;
    if (newsize == KN_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == old) {
            if (so->fill == so->used)
                return 0;           /* nothing to clean */
            memcpy(small_copy, old, sizeof small_copy);
            old = small_copy;
        }
        memset(newtable, 0, newsize * sizeof(KnSetEntry));
    } else {
        /* kgc_alloc memory comes zeroed: every slot unused */
        newtable = kgc_alloc_fast(newsize * sizeof(KnSetEntry));
        if (newtable == NULL) {
            ob_err_nomemory();
            return -1;
        }
    }
    kn_ssize_t oldfill = so->fill;
    so->mask = (kn_ssize_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (size_t i = 0; oldfill > 0 && i <= oldmask; i++) {   /* (a fresh copy has none) */
        KnObject *k = old[i].key;
        if (k != NULL && k != ob_set_dummy)
            insert_clean(newtable, newsize - 1, k, old[i].hash);
    }
    return 0;
}

int ob_set_add_entry(KnSetObject *so, KnObject *key, kn_hash_t hash)
{
    KnSetEntry *e, *freeslot;
    size_t mask, i, perturb;
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;
    for (;;) {
        e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == NULL)
                goto found_unused;
            if (e->hash == hash) {
                KnObject *start = e->key;
                if (start == key)
                    return 0;
                int cmp = ob_key_quick_eq(start, key);
                if (cmp == 1)
                    return 0;
                if (cmp == 0)
                    goto next_add;
                KnSetEntry *table = so->table;
                cmp = ob_richcompare_bool(start, key, KN_EQ);
                if (cmp > 0)
                    return 0;
                if (cmp < 0)
                    return -1;
                /* __eq__ may have changed the set: start over */
                if (table != so->table || e->key != start)
                    goto restart;
                mask = (size_t)so->mask;
            } else if (e->hash == -1) {
                freeslot = e;       /* the LAST dummy on the path wins */
            }
        next_add:
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    if (freeslot != NULL) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    e->key = key;
    e->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return ob_set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

/* The slot holding key, a slot with key NULL when absent, NULL on error. */
static KnSetEntry *lookkey(KnSetObject *so, KnObject *key, kn_hash_t hash)
{
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        KnSetEntry *e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == NULL)
                return e;
            if (e->hash == hash) {
                KnObject *start = e->key;
                if (start == key)
                    return e;
                int cmp = ob_key_quick_eq(start, key);
                if (cmp == 1)
                    return e;
                if (cmp == 0)
                    goto next_look;
                KnSetEntry *table = so->table;
                cmp = ob_richcompare_bool(start, key, KN_EQ);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || e->key != start)
                    goto restart;
                if (cmp > 0)
                    return e;
                mask = (size_t)so->mask;
            }
        next_look:
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int ob_set_contains_entry(KnSetObject *so, KnObject *key, kn_hash_t hash)
{
    KnSetEntry *e = lookkey(so, key, hash);
    if (e == NULL)
        return -1;
    return e->key != NULL;
}

int ob_set_discard_entry(KnSetObject *so, KnObject *key, kn_hash_t hash)
{
    KnSetEntry *e = lookkey(so, key, hash);
    if (e == NULL)
        return -1;
    if (e->key == NULL)
        return 0;
    e->key = ob_set_dummy;
    e->hash = -1;
    so->used--;
    return 1;
}

int ob_set_add_key(KnSetObject *so, KnObject *key)
{
    kn_hash_t h = ob_key_hash_fast(key);
    if (h == -1)
        return -1;
    return ob_set_add_entry(so, key, h);
}

int ob_set_contains_key(KnSetObject *so, KnObject *key)
{
    kn_hash_t h = ob_key_hash_fast(key);
    if (h == -1)
        return -1;
    return ob_set_contains_entry(so, key, h);
}

int ob_set_discard_key(KnSetObject *so, KnObject *key)
{
    kn_hash_t h = ob_key_hash_fast(key);
    if (h == -1)
        return -1;
    return ob_set_discard_entry(so, key, h);
}

void ob_set_clear_internal(KnSetObject *so)
{
    so->table = so->smalltable;
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->mask = KN_SET_MINSIZE - 1;
    so->fill = 0;
    so->used = 0;
    so->hash = -1;
}

/* Walk the active entries: *pos is the next slot to look at. */
int ob_set_next_entry(KnSetObject *so, kn_ssize_t *pos, KnSetEntry **entry)
{
    kn_ssize_t i = *pos;
    while (i <= so->mask) {
        KnSetEntry *e = &so->table[i++];
        if (e->key != NULL && e->key != ob_set_dummy) {
            *pos = i;
            *entry = e;
            return 1;
        }
    }
    *pos = i;
    return 0;
}

/* Add every element of another set (one resize up front). */
static int set_merge(KnSetObject *so, KnSetObject *other)
{
    if (other == so || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        ob_set_table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* same size, no dummies: the slots copy as they are */
        memcpy(so->table, other->table, (size_t)(other->mask + 1) * sizeof(KnSetEntry));
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (kn_ssize_t i = 0; i <= other->mask; i++) {
            KnSetEntry *e = &other->table[i];
            if (e->key != NULL && e->key != ob_set_dummy)
                insert_clean(so->table, (size_t)so->mask, e->key, e->hash);
        }
        return 0;
    }
    for (kn_ssize_t i = 0; i <= other->mask; i++) {
        KnSetEntry *e = &other->table[i];
        if (e->key != NULL && e->key != ob_set_dummy &&
            ob_set_add_entry(so, e->key, e->hash) < 0)
            return -1;
    }
    return 0;
}

int ob_cont_foreach(KnObject *iterable, int (*fn)(KnObject *item, void *ctx), void *ctx)
{
    /* lists and tuples by index (what their iterators do) */
    if (KN_LIST_CHECK_EXACT(iterable) || KN_TUPLE_CHECK_EXACT(iterable)) {
        int is_list = KN_LIST_CHECK_EXACT(iterable);
        for (kn_ssize_t i = 0; i < KN_SIZE(iterable); i++) {
            KnObject *x = is_list ? KN_LIST_GET(iterable, i) : KN_TUPLE_GET(iterable, i);
            int r = fn(x, ctx);
            if (r != 0)
                return r;
        }
        return 0;
    }
    KnObject *it = ob_get_iter(iterable);
    if (it == NULL)
        return -1;
    KnObject *x;
    while ((x = ob_iter_next(it)) != NULL) {
        int r = fn(x, ctx);
        if (r != 0)
            return r;
    }
    return ob_err_occurred() ? -1 : 0;
}

static int add_one(KnObject *item, void *ctx)
{
    return ob_set_add_key((KnSetObject *)ctx, item) < 0 ? -1 : 0;
}

int ob_set_update_internal(KnSetObject *so, KnObject *other)
{
    if (ob_anyset_check(other))
        return set_merge(so, (KnSetObject *)other);
    if (KN_TYPE(other) == &ob_dict_type) {
        kn_ssize_t n = ob_dict_size(other);
        if ((so->fill + n) * 5 >= so->mask * 3 &&
            ob_set_table_resize(so, (so->used + n) * 2) < 0)
            return -1;
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        kn_hash_t h;
        while (ob_dict_next_hash(other, &pos, &k, &v, &h))
            if (ob_set_add_entry(so, k, h) < 0)
                return -1;
        return 0;
    }
    return ob_cont_foreach(other, add_one, so);
}

/* A new empty instance of type (set, frozenset or a subclass), then
 * filled from iterable when given. */
KnObject *ob_set_make(KnTypeObject *type, KnObject *iterable)
{
    KnSetObject *so;
    if (type == &ob_set_type || type == &ob_frozenset_type)
        so = (KnSetObject *)ob_alloc_exact(type, sizeof(KnSetObject));
    else
        so = (KnSetObject *)(type->tp_alloc ? type->tp_alloc(type, 0) : ob_alloc(type, 0));
    if (so == NULL)
        return NULL;
    so->table = so->smalltable;
    so->mask = KN_SET_MINSIZE - 1;
    so->hash = -1;
    if (iterable != NULL && ob_set_update_internal(so, iterable) < 0)
        return NULL;
    return (KnObject *)so;
}

/* left | {key} for an exact set or frozenset left, key's hash known:
 * (any key; libjit passes exact int/str)
 * the table CPython builds by copying left and then merging the
 * one-element set (set_merge's up-front resize; an empty copy takes the
 * element where the one-element set had it: its first probe slot). */
KnObject *ob_set_or_one(KnObject *left, KnObject *key)
{
    kn_hash_t hash = ob_key_hash_fast(key);
    if (hash == -1)
        return NULL;
    /* ob_set_make(type, left) without its dispatch: left is exact */
    KnSetObject *so = (KnSetObject *)ob_alloc_exact(KN_TYPE(left), sizeof(KnSetObject));
    if (so == NULL)
        return NULL;
    so->table = so->smalltable;
    so->mask = KN_SET_MINSIZE - 1;
    so->hash = -1;
    if (set_merge(so, (KnSetObject *)left) < 0)
        return NULL;
    if ((so->fill + 1) * 5 >= so->mask * 3 && ob_set_table_resize(so, (so->used + 1) * 2) < 0)
        return NULL;
    if (so->fill == 0) {
        insert_clean(so->table, (size_t)so->mask, key, hash);
        so->fill = 1;
        so->used = 1;
        return (KnObject *)so;
    }
    if (ob_set_add_entry(so, key, hash) < 0)
        return NULL;
    return (KnObject *)so;
}

/* ---- the public API ---- */

static int bad_set(KnObject *o, int frozen_ok)
{
    if (o == NULL || !(frozen_ok ? ob_anyset_check(o) : ob_set_check(o))) {
        ob_err_bad_internal_call();
        return 1;
    }
    return 0;
}

KnObject *ob_set_new(KnObject *iterable)
{
    return ob_set_make(&ob_set_type, iterable);
}

KnObject *ob_frozenset_new(KnObject *iterable)
{
    return ob_set_make(&ob_frozenset_type, iterable);
}

/* CPython's PySet_Add also accepts a frozenset still being filled. */
int ob_set_add(KnObject *set, KnObject *key)
{
    if (bad_set(set, 1))
        return -1;
    return ob_set_add_key((KnSetObject *)set, key);
}

int ob_set_discard(KnObject *set, KnObject *key)
{
    if (bad_set(set, 0))
        return -1;
    return ob_set_discard_key((KnSetObject *)set, key);
}

int ob_set_contains(KnObject *set, KnObject *key)
{
    if (bad_set(set, 1))
        return -1;
    return ob_set_contains_key((KnSetObject *)set, key);
}

kn_ssize_t ob_set_size(KnObject *set)
{
    if (bad_set(set, 1))
        return -1;
    return ((KnSetObject *)set)->used;
}

int ob_set_clear(KnObject *set)
{
    if (bad_set(set, 0))
        return -1;
    ob_set_clear_internal((KnSetObject *)set);
    return 0;
}

int ob_set_next(KnObject *set, kn_ssize_t *pos, KnObject **key, kn_hash_t *hash)
{
    if (bad_set(set, 1))
        return 0;
    KnSetEntry *e;
    if (!ob_set_next_entry((KnSetObject *)set, pos, &e))
        return 0;
    if (key != NULL)
        *key = e->key;
    if (hash != NULL)
        *hash = e->hash;
    return 1;
}

int ob_set_update(KnObject *set, KnObject *iterable)
{
    if (bad_set(set, 0))
        return -1;
    return ob_set_update_internal((KnSetObject *)set, iterable);
}

KnObject *ob_set_pop(KnObject *set)
{
    if (bad_set(set, 0))
        return NULL;
    KnSetObject *so = (KnSetObject *)set;
    if (so->used == 0) {
        ob_err_set_string(ob_exc_KeyError, "pop from an empty set");
        return NULL;
    }
    /* resume the scan where the last pop stopped (amortised O(1)) */
    KnSetEntry *e = so->table + (so->finger & so->mask);
    KnSetEntry *last = so->table + so->mask;
    while (e->key == NULL || e->key == ob_set_dummy) {
        e++;
        if (e > last)
            e = so->table;
    }
    KnObject *key = e->key;
    e->key = ob_set_dummy;
    e->hash = -1;
    so->used--;
    so->finger = (e - so->table) + 1;
    return key;
}
