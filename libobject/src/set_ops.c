/*
 * set_ops.c — set and frozenset as Python sees them: the algebra
 * (union, intersection, difference, symmetric difference and their update
 * forms), comparisons as subset tests, the operators, repr, frozenset's
 * hash, constructors, and the two type objects.  The table lives in set.c.
 *
 * Results of the algebra keep CPython's types: a set or frozenset subclass
 * operand yields a plain set / frozenset (make_base), and the element order
 * follows CPython's choice of which operand is walked.
 */
#include "set_internal.h"
#include "dict_internal.h"
#include "core.h"              /* ob_call_tp_call_fallback */

#define SO(o) ((KnSetObject *)(o))

/* The type of a result derived from a set of type t. */
static KnTypeObject *base_type(KnTypeObject *t)
{
    if (t == &ob_set_type || t == &ob_frozenset_type)
        return t;
    return ob_type_is_subtype(t, &ob_set_type) ? &ob_set_type : &ob_frozenset_type;
}

static KnObject *make_base(KnObject *so, KnObject *iterable)
{
    return ob_set_make(base_type(KN_TYPE(so)), iterable);
}

static KnObject *set_copy(KnObject *so, KnObject *unused)
{
    return make_base(so, so);
}

static KnObject *frozenset_copy(KnObject *so, KnObject *unused)
{
    if (KN_FROZENSET_CHECK_EXACT(so))
        return so;
    return set_copy(so, NULL);
}

/* Exchange the contents of two sets (intersection_update). */
static void swap_bodies(KnSetObject *a, KnSetObject *b)
{
    KnSetObject tmp;
    kn_ssize_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    KnSetEntry *ta = a->table, *tb = b->table;
    memcpy(tmp.smalltable, a->smalltable, sizeof tmp.smalltable);
    memcpy(a->smalltable, b->smalltable, sizeof tmp.smalltable);
    memcpy(b->smalltable, tmp.smalltable, sizeof tmp.smalltable);
    a->table = tb == b->smalltable ? a->smalltable : tb;
    b->table = ta == a->smalltable ? b->smalltable : ta;
    if (ob_frozenset_check((KnObject *)a) && ob_frozenset_check((KnObject *)b)) {
        kn_hash_t h = a->hash; a->hash = b->hash; b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

/* `x in s`, discard and remove accept a set as key by looking up the
 * equal frozenset (CPython does this for unhashable set keys). */
typedef int (*keyop)(KnSetObject *, KnObject *);
static int with_frozen_fallback(keyop op, KnSetObject *so, KnObject *key)
{
    int r = op(so, key);
    if (r < 0 && ob_set_check(key) && ob_err_matches((KnObject *)ob_exc_TypeError)) {
        ob_err_clear();
        KnObject *tmp = ob_set_make(&ob_frozenset_type, key);
        if (tmp == NULL)
            return -1;
        r = op(so, tmp);
    }
    return r;
}

static int set_sq_contains(KnObject *so, KnObject *key)
{
    return with_frozen_fallback(ob_set_contains_key, SO(so), key);
}

int ob_set_contains_exact(KnObject *so, KnObject *key)
{
    return set_sq_contains(so, key);
}

static kn_ssize_t set_len(KnObject *so)
{
    return SO(so)->used;
}

/* ---- algebra ---- */

typedef struct {
    KnSetObject *so, *result;
} PairCtx;

static int intersect_one(KnObject *key, void *ctx)
{
    PairCtx *c = ctx;
    kn_hash_t h = ob_key_hash_fast(key);
    if (h == -1)
        return -1;
    int r = ob_set_contains_entry(c->so, key, h);
    if (r < 0)
        return -1;
    return r ? (ob_set_add_entry(c->result, key, h) < 0 ? -1 : 0) : 0;
}

static KnObject *set_intersection(KnObject *so, KnObject *other)
{
    if (so == other)
        return set_copy(so, NULL);
    KnObject *result = make_base(so, NULL);
    if (result == NULL)
        return NULL;
    if (ob_anyset_check(other)) {
        KnSetObject *a = SO(so), *b = SO(other);
        if (b->used > a->used) {
            KnSetObject *t = a; a = b; b = t;
        }
        kn_ssize_t pos = 0;
        KnSetEntry *e;
        while (ob_set_next_entry(b, &pos, &e)) {
            KnObject *key = e->key;
            kn_hash_t h = e->hash;
            int r = ob_set_contains_entry(a, key, h);
            if (r < 0 || (r > 0 && ob_set_add_entry(SO(result), key, h) < 0))
                return NULL;
        }
        return result;
    }
    PairCtx c = {SO(so), SO(result)};
    if (ob_cont_foreach(other, intersect_one, &c) < 0)
        return NULL;
    return result;
}

KnObject *ob_set_intersection(KnObject *so, KnObject *other)
{
    return set_intersection(so, other);
}

static KnObject *set_intersection_multi(KnObject *so, KnObject *const *args, kn_ssize_t n)
{
    if (n == 0)
        return set_copy(so, NULL);
    KnObject *result = so;
    for (kn_ssize_t i = 0; i < n; i++) {
        result = set_intersection(result, args[i]);
        if (result == NULL)
            return NULL;
    }
    return result;
}

static KnObject *set_intersection_update_multi(KnObject *so, KnObject *const *args,
                                               kn_ssize_t n)
{
    KnObject *tmp = set_intersection_multi(so, args, n);
    if (tmp == NULL)
        return NULL;
    swap_bodies(SO(so), SO(tmp));
    return KN_None;
}

static int discard_one(KnObject *key, void *ctx)
{
    return ob_set_discard_key(ctx, key) < 0 ? -1 : 0;
}

static int difference_update(KnSetObject *so, KnObject *other)
{
    if ((KnObject *)so == other) {
        ob_set_clear_internal(so);
        return 0;
    }
    if (ob_anyset_check(other)) {
        kn_ssize_t pos = 0;
        KnSetEntry *e;
        while (ob_set_next_entry(SO(other), &pos, &e))
            if (ob_set_discard_entry(so, e->key, e->hash) < 0)
                return -1;
    } else if (ob_cont_foreach(other, discard_one, so) < 0) {
        return -1;
    }
    /* more than a quarter dummies: rebuild the table */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return ob_set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

int ob_set_difference_update(KnObject *so, KnObject *other)
{
    return difference_update(SO(so), other);
}

static KnObject *copy_and_difference(KnObject *so, KnObject *other)
{
    KnObject *result = set_copy(so, NULL);
    if (result == NULL || difference_update(SO(result), other) < 0)
        return NULL;
    return result;
}

static KnObject *set_difference(KnObject *so, KnObject *other)
{
    kn_ssize_t other_size;
    int is_dict = KN_TYPE(other) == &ob_dict_type;
    if (ob_anyset_check(other))
        other_size = SO(other)->used;
    else if (is_dict)
        other_size = ob_dict_size(other);
    else
        return copy_and_difference(so, other);
    /* a much larger self: copy it and strike out other's elements */
    if ((SO(so)->used >> 2) > other_size)
        return copy_and_difference(so, other);
    KnObject *result = make_base(so, NULL);
    if (result == NULL)
        return NULL;
    kn_ssize_t pos = 0;
    KnSetEntry *e;
    while (ob_set_next_entry(SO(so), &pos, &e)) {
        KnObject *key = e->key;
        kn_hash_t h = e->hash;
        int r = is_dict ? ob_dict_contains_known_hash(other, key, h)
                        : ob_set_contains_entry(SO(other), key, h);
        if (r < 0 || (r == 0 && ob_set_add_entry(SO(result), key, h) < 0))
            return NULL;
    }
    return result;
}

static KnObject *set_difference_multi(KnObject *so, KnObject *const *args, kn_ssize_t n)
{
    if (n == 0)
        return set_copy(so, NULL);
    KnObject *result = set_difference(so, args[0]);
    if (result == NULL)
        return NULL;
    for (kn_ssize_t i = 1; i < n; i++)
        if (difference_update(SO(result), args[i]) < 0)
            return NULL;
    return result;
}

static KnObject *set_difference_update_multi(KnObject *so, KnObject *const *args,
                                             kn_ssize_t n)
{
    for (kn_ssize_t i = 0; i < n; i++)
        if (difference_update(SO(so), args[i]) < 0)
            return NULL;
    return KN_None;
}

/* Remove key if present, else add it. */
static int toggle(KnSetObject *so, KnObject *key, kn_hash_t h)
{
    int r = ob_set_discard_entry(so, key, h);
    if (r < 0)
        return -1;
    return r == 0 ? ob_set_add_entry(so, key, h) : 0;
}

int ob_set_symmetric_difference_update(KnObject *set, KnObject *other)
{
    KnSetObject *so = SO(set);
    if (set == other) {
        ob_set_clear_internal(so);
        return 0;
    }
    if (KN_TYPE(other) == &ob_dict_type) {
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        kn_hash_t h;
        while (ob_dict_next_hash(other, &pos, &k, &v, &h))
            if (toggle(so, k, h) < 0)
                return -1;
        return 0;
    }
    KnObject *otherset = other;
    if (!ob_anyset_check(other)) {
        otherset = make_base(set, other);
        if (otherset == NULL)
            return -1;
    }
    kn_ssize_t pos = 0;
    KnSetEntry *e;
    while (ob_set_next_entry(SO(otherset), &pos, &e))
        if (toggle(so, e->key, e->hash) < 0)
            return -1;
    return 0;
}

static KnObject *set_symmetric_difference_update_meth(KnObject *so, KnObject *other)
{
    return ob_set_symmetric_difference_update(so, other) < 0 ? NULL : KN_None;
}

static KnObject *set_symmetric_difference(KnObject *so, KnObject *other)
{
    KnObject *result = make_base(so, other);
    if (result == NULL || ob_set_symmetric_difference_update(result, so) < 0)
        return NULL;
    return result;
}

static KnObject *set_union(KnObject *so, KnObject *const *args, kn_ssize_t n)
{
    KnObject *result = set_copy(so, NULL);
    if (result == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        if (args[i] == so)
            continue;
        if (ob_set_update_internal(SO(result), args[i]) < 0)
            return NULL;
    }
    return result;
}

static KnObject *set_update_multi(KnObject *so, KnObject *const *args, kn_ssize_t n)
{
    for (kn_ssize_t i = 0; i < n; i++)
        if (ob_set_update_internal(SO(so), args[i]) < 0)
            return NULL;
    return KN_None;
}

/* ---- subset tests and comparison ---- */

static int contains_all(KnObject *key, void *ctx)
{
    int r = ob_set_contains_key(ctx, key);
    return r < 0 ? -1 : r == 0 ? 1 : 0;   /* 1: a missing element, stop */
}

static KnObject *set_issubset(KnObject *so, KnObject *other)
{
    if (!ob_anyset_check(other)) {
        KnObject *tmp = ob_set_make(&ob_set_type, other);
        if (tmp == NULL)
            return NULL;
        return set_issubset(so, tmp);
    }
    if (SO(so)->used > SO(other)->used)
        return KN_False;
    kn_ssize_t pos = 0;
    KnSetEntry *e;
    while (ob_set_next_entry(SO(so), &pos, &e)) {
        int r = ob_set_contains_entry(SO(other), e->key, e->hash);
        if (r < 0)
            return NULL;
        if (r == 0)
            return KN_False;
    }
    return KN_True;
}

static KnObject *set_issuperset(KnObject *so, KnObject *other)
{
    if (ob_anyset_check(other))
        return set_issubset(other, so);
    int r = ob_cont_foreach(other, contains_all, so);
    return r < 0 ? NULL : KN_BOOL(r == 0);
}

static int disjoint_one(KnObject *key, void *ctx)
{
    return ob_set_contains_key(ctx, key);   /* 1: common element, stop */
}

static KnObject *set_isdisjoint(KnObject *so, KnObject *other)
{
    if (so == other)
        return KN_BOOL(SO(so)->used == 0);
    if (KN_SET_CHECK_EXACT(other) || KN_FROZENSET_CHECK_EXACT(other)) {
        KnSetObject *a = SO(so), *b = SO(other);
        if (b->used > a->used) {
            KnSetObject *t = a; a = b; b = t;
        }
        kn_ssize_t pos = 0;
        KnSetEntry *e;
        while (ob_set_next_entry(b, &pos, &e)) {
            int r = ob_set_contains_entry(a, e->key, e->hash);
            if (r < 0)
                return NULL;
            if (r)
                return KN_False;
        }
        return KN_True;
    }
    int r = ob_cont_foreach(other, disjoint_one, so);
    return r < 0 ? NULL : KN_BOOL(r == 0);
}

static KnObject *set_richcompare(KnObject *v, KnObject *w, int op)
{
    if (!ob_anyset_check(w))
        return KN_NotImplemented;
    KnSetObject *a = SO(v), *b = SO(w);
    KnObject *r;
    switch (op) {
    case KN_EQ:
    case KN_NE:
        if (a->used != b->used)
            return KN_BOOL(op == KN_NE);
        if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
            return KN_BOOL(op == KN_NE);
        r = set_issubset(v, w);
        if (r == NULL || op == KN_EQ)
            return r;
        return KN_BOOL(r == KN_False);
    case KN_LE:
        return set_issubset(v, w);
    case KN_GE:
        return set_issuperset(v, w);
    case KN_LT:
        if (a->used >= b->used)
            return KN_False;
        return set_issubset(v, w);
    case KN_GT:
        if (a->used <= b->used)
            return KN_False;
        return set_issuperset(v, w);
    }
    return KN_NotImplemented;
}

/* ---- operators: both operands must be sets (else NotImplemented) ---- */

static KnObject *set_or(KnObject *a, KnObject *b)
{
    if (!ob_anyset_check(a) || !ob_anyset_check(b))
        return KN_NotImplemented;
    return set_union(a, &b, 1);
}

KnObject *ob_set_or_exact(KnObject *a, KnObject *b)
{
    return set_union(a, &b, 1);
}

static KnObject *set_and(KnObject *a, KnObject *b)
{
    if (!ob_anyset_check(a) || !ob_anyset_check(b))
        return KN_NotImplemented;
    return set_intersection(a, b);
}

static KnObject *set_sub(KnObject *a, KnObject *b)
{
    if (!ob_anyset_check(a) || !ob_anyset_check(b))
        return KN_NotImplemented;
    return set_difference(a, b);
}

static KnObject *set_xor(KnObject *a, KnObject *b)
{
    if (!ob_anyset_check(a) || !ob_anyset_check(b))
        return KN_NotImplemented;
    return set_symmetric_difference(a, b);
}

static KnObject *set_ior(KnObject *a, KnObject *b)
{
    if (!ob_anyset_check(b))
        return KN_NotImplemented;
    return ob_set_update_internal(SO(a), b) < 0 ? NULL : a;
}

static KnObject *set_iand(KnObject *a, KnObject *b)
{
    if (!ob_anyset_check(b))
        return KN_NotImplemented;
    return set_intersection_update_multi(a, &b, 1) == NULL ? NULL : a;
}

static KnObject *set_isub(KnObject *a, KnObject *b)
{
    if (!ob_anyset_check(b))
        return KN_NotImplemented;
    return difference_update(SO(a), b) < 0 ? NULL : a;
}

static KnObject *set_ixor(KnObject *a, KnObject *b)
{
    if (!ob_anyset_check(b))
        return KN_NotImplemented;
    return ob_set_symmetric_difference_update(a, b) < 0 ? NULL : a;
}

/* ---- single-element methods ---- */

static KnObject *set_add_meth(KnObject *so, KnObject *key)
{
    return ob_set_add_key(SO(so), key) < 0 ? NULL : KN_None;
}

static KnObject *set_discard_meth(KnObject *so, KnObject *key)
{
    return with_frozen_fallback(ob_set_discard_key, SO(so), key) < 0 ? NULL : KN_None;
}

static KnObject *set_remove_meth(KnObject *so, KnObject *key)
{
    int r = with_frozen_fallback(ob_set_discard_key, SO(so), key);
    if (r < 0)
        return NULL;
    if (r == 0) {
        ob_dict_set_key_error(key);     /* a tuple key stays one argument */
        return NULL;
    }
    return KN_None;
}

static KnObject *set_contains_meth(KnObject *so, KnObject *key)
{
    int r = set_sq_contains(so, key);
    return r < 0 ? NULL : KN_BOOL(r);
}

static KnObject *set_pop_meth(KnObject *so, KnObject *unused)
{
    return ob_set_pop(so);
}

static KnObject *set_clear_meth(KnObject *so, KnObject *unused)
{
    ob_set_clear_internal(SO(so));
    return KN_None;
}

static KnObject *set_sizeof(KnObject *so, KnObject *unused)
{
    size_t n = (size_t)KN_TYPE(so)->tp_basicsize;
    if (SO(so)->table != SO(so)->smalltable)
        n += (size_t)(SO(so)->mask + 1) * sizeof(KnSetEntry);
    return ob_int_from_size(n);
}

/* (type(s), (list(s),), s.__getstate__()) */
static KnObject *set_reduce(KnObject *so, KnObject *unused)
{
    KnObject *keys = ob_list_new(0);
    if (keys == NULL)
        return NULL;
    kn_ssize_t pos = 0;
    KnSetEntry *e;
    while (ob_set_next_entry(SO(so), &pos, &e))
        if (ob_list_append(keys, e->key) < 0)
            return NULL;
    KnObject *args = ob_tuple_pack(1, keys);
    if (args == NULL)
        return NULL;
    KnObject *state = ob_object_getstate(so);
    return state ? ob_tuple_pack(3, (KnObject *)KN_TYPE(so), args, state) : NULL;
}

/* ---- repr and hash ---- */

static KnObject *set_repr(KnObject *so)
{
    const char *name = KN_TYPE(so)->tp_name;
    int r = ob_repr_enter(so);
    if (r != 0)
        return r < 0 ? NULL : ob_str_from_format("%s(...)", name);
    KnObject *res = NULL;
    if (SO(so)->used == 0) {
        res = ob_str_from_format("%s()", name);
        goto done;
    }
    KnObject *keys = ob_list_new(0);
    if (keys == NULL)
        goto done;
    kn_ssize_t pos = 0;
    KnSetEntry *e;
    while (ob_set_next_entry(SO(so), &pos, &e))
        if (ob_list_append(keys, e->key) < 0)
            goto done;
    KnObject *lr = ob_repr(keys);
    if (lr == NULL)
        goto done;
    KnObject *inner = ob_str_substring(lr, 1, ob_str_length(lr) - 1);
    if (inner == NULL)
        goto done;
    if (KN_SET_CHECK_EXACT(so))
        res = ob_str_from_format("{%U}", inner);
    else
        res = ob_str_from_format("%s({%U})", name, inner);
done:
    ob_repr_leave(so);
    return res;
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* Order-independent: xor of every slot's shuffled hash, corrected for the
 * empty and dummy slots, then mixed with the size (CPython's algorithm,
 * so hash(frozenset(...)) agrees). */
static kn_hash_t frozenset_hash(KnObject *self)
{
    KnSetObject *so = SO(self);
    if (so->hash != -1)
        return so->hash;
    uint64_t h = 0;
    for (kn_ssize_t i = 0; i <= so->mask; i++)
        h ^= shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1)
        h ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        h ^= shuffle_bits((uint64_t)-1);
    h ^= ((uint64_t)so->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    if (h == (uint64_t)-1)
        h = 590923713UL;
    so->hash = (kn_hash_t)h;
    return so->hash;
}

/* ---- construction ---- */

static KnObject *set_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    return ob_set_make(type, NULL);
}

/* set() / set(iterable) without building an args tuple; anything else
 * (a subclass, keywords, more arguments) takes tp_new + tp_init. */
static KnObject *set_vectorcall(KnObject *type, KnObject *const *args, size_t nargsf,
                                KnObject *kwnames)
{
    kn_ssize_t n = KN_VECTORCALL_NARGS(nargsf);
    if ((KnTypeObject *)type != &ob_set_type || (kwnames != NULL && KN_SIZE(kwnames) != 0) ||
        n > 1)
        return ob_call_tp_call_fallback(type, args, nargsf, kwnames);
    return ob_set_make(&ob_set_type, n == 1 ? args[0] : NULL);
}

static int set_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("set", kwargs) < 0)
        return -1;
    if (ob_args_check_positional("set", KN_SIZE(args), 0, 1) < 0)
        return -1;
    KnSetObject *so = SO(self);
    if (so->fill)
        ob_set_clear_internal(so);
    so->hash = -1;
    if (KN_SIZE(args) == 0)
        return 0;
    return ob_set_update_internal(so, KN_TUPLE_GET(args, 0));
}

static KnObject *frozenset_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    if (ob_args_new_no_kwargs(type, &ob_frozenset_type, "frozenset", kwargs) < 0)
        return NULL;
    if (ob_args_check_positional(type->tp_name, KN_SIZE(args), 0, 1) < 0)
        return NULL;
    KnObject *iterable = KN_SIZE(args) ? KN_TUPLE_GET(args, 0) : NULL;
    if (type == &ob_frozenset_type && iterable != NULL && KN_FROZENSET_CHECK_EXACT(iterable))
        return iterable;
    return ob_set_make(type, iterable);
}

/* ---- method tables ---- */

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

/* Methods both types have (frozenset has only these). */
#define SET_READ_METHODS(copy_fn) \
    {"__contains__", (KnCFunction)set_contains_meth, KN_METH_O | KN_METH_COEXIST, \
     "x.__contains__(y) <==> y in x."}, \
    {"copy", (KnCFunction)copy_fn, KN_METH_NOARGS, "Return a shallow copy of a set."}, \
    {"difference", FAST(set_difference_multi), KN_METH_FASTCALL, \
     "Return the difference of two or more sets as a new set.\n\n" \
     "(i.e. all elements that are in this set but not the others.)"}, \
    {"intersection", FAST(set_intersection_multi), KN_METH_FASTCALL, \
     "Return the intersection of two sets as a new set.\n\n" \
     "(i.e. all elements that are in both sets.)"}, \
    {"isdisjoint", (KnCFunction)set_isdisjoint, KN_METH_O, \
     "Return True if two sets have a null intersection."}, \
    {"issubset", (KnCFunction)set_issubset, KN_METH_O, \
     "Report whether another set contains this set."}, \
    {"issuperset", (KnCFunction)set_issuperset, KN_METH_O, \
     "Report whether this set contains another set."}, \
    {"__reduce__", (KnCFunction)set_reduce, KN_METH_NOARGS, \
     "Return state information for pickling."}, \
    {"__sizeof__", (KnCFunction)set_sizeof, KN_METH_NOARGS, \
     "S.__sizeof__() -> size of S in memory, in bytes"}, \
    {"symmetric_difference", (KnCFunction)set_symmetric_difference, KN_METH_O, \
     "Return the symmetric difference of two sets as a new set.\n\n" \
     "(i.e. all elements that are in exactly one of the sets.)"}, \
    {"union", FAST(set_union), KN_METH_FASTCALL, \
     "Return the union of sets as a new set.\n\n" \
     "(i.e. all elements that are in either set.)"}, \
    KN_CONT_CLASS_GETITEM_METHOD

static KnMethodDef set_methods[] = {
    SET_READ_METHODS(set_copy)
    {"add", (KnCFunction)set_add_meth, KN_METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", (KnCFunction)set_clear_meth, KN_METH_NOARGS, "Remove all elements from this set."},
    {"discard", (KnCFunction)set_discard_meth, KN_METH_O,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference_update", FAST(set_difference_update_multi), KN_METH_FASTCALL,
     "Remove all elements of another set from this set."},
    {"intersection_update", FAST(set_intersection_update_multi), KN_METH_FASTCALL,
     "Update a set with the intersection of itself and another."},
    {"pop", (KnCFunction)set_pop_meth, KN_METH_NOARGS,
     "Remove and return an arbitrary set element.\n"
     "Raises KeyError if the set is empty."},
    {"remove", (KnCFunction)set_remove_meth, KN_METH_O,
     "Remove an element from a set; it must be a member.\n\n"
     "If the element is not a member, raise a KeyError."},
    {"symmetric_difference_update", (KnCFunction)set_symmetric_difference_update_meth, KN_METH_O,
     "Update a set with the symmetric difference of itself and another."},
    {"update", FAST(set_update_multi), KN_METH_FASTCALL,
     "Update a set with the union of itself and others."},
    {NULL, NULL, 0, NULL}
};

static KnMethodDef frozenset_methods[] = {
    SET_READ_METHODS(frozenset_copy)
    {NULL, NULL, 0, NULL}
};

static KnNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static KnNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static KnSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_sq_contains,
};

KnObject *ob_setiter_new(KnObject *so);

/* What set and frozenset have in common. */
#define SET_TYPE_COMMON                                              \
    KN_VAR_HEAD_INIT(&ob_type_type, 0),                              \
    .tp_basicsize = sizeof(KnSetObject),                             \
    .tp_repr = set_repr,                                             \
    .tp_as_sequence = &set_as_sequence,                              \
    .tp_getattro = ob_generic_getattr,                               \
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC |            \
                KN_TPFLAGS_BASETYPE | KN_TPFLAGS_MATCH_SELF,         \
    .tp_richcompare = set_richcompare,                               \
    .tp_weaklistoffset = offsetof(KnSetObject, weakreflist),         \
    .tp_iter = ob_setiter_new

KnTypeObject ob_set_type = {
    SET_TYPE_COMMON,
    .tp_name = "set",
    .tp_as_number = &set_as_number,
    .tp_hash = ob_hash_not_implemented,
    .tp_doc = "set() -> new empty set object\n"
              "set(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_new = set_tp_new,
    .tp_vectorcall = set_vectorcall,
};

KnTypeObject ob_frozenset_type = {
    SET_TYPE_COMMON,
    .tp_name = "frozenset",
    .tp_as_number = &frozenset_as_number,
    .tp_hash = frozenset_hash,
    .tp_doc = "frozenset() -> empty frozenset object\n"
              "frozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
    .tp_methods = frozenset_methods,
    .tp_new = frozenset_tp_new,
};

/* ---- set_iterator ---- */

typedef struct {
    KN_OBJECT_HEAD;
    KnSetObject *set;       /* NULL once exhausted */
    kn_ssize_t used;        /* the set's size when iteration began; -1 after a change */
    kn_ssize_t pos;
    kn_ssize_t len;
} SetIter;

KnObject *ob_setiter_new(KnObject *so)
{
    SetIter *it = (SetIter *)ob_alloc(&ob_setiter_type, 0);
    if (it == NULL)
        return NULL;
    it->set = SO(so);
    it->used = SO(so)->used;
    it->len = SO(so)->used;
    return (KnObject *)it;
}

static KnObject *setiter_next(KnObject *self)
{
    SetIter *it = (SetIter *)self;
    KnSetObject *so = it->set;
    if (so == NULL)
        return NULL;
    if (it->used != so->used) {
        ob_err_set_string(ob_exc_RuntimeError, "Set changed size during iteration");
        it->used = -1;      /* stays broken */
        return NULL;
    }
    KnSetEntry *e;
    if (!ob_set_next_entry(so, &it->pos, &e)) {
        it->set = NULL;
        return NULL;
    }
    it->len--;
    return e->key;
}

static KnObject *setiter_length_hint(KnObject *self, KnObject *unused)
{
    SetIter *it = (SetIter *)self;
    kn_ssize_t n = (it->set != NULL && it->used == it->set->used) ? it->len : 0;
    return ob_int_from_ssize(n);
}

static KnObject *setiter_reduce(KnObject *self, KnObject *unused)
{
    SetIter copy = *(SetIter *)self;
    return ob_cont_reduce_remaining((KnObject *)&copy);
}

static KnMethodDef setiter_methods[] = {
    {"__length_hint__", (KnCFunction)setiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (KnCFunction)setiter_reduce, KN_METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject ob_setiter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC,
    .tp_iter = ob_iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};
