/*
 * mro.c — C3 linearisation (the method resolution order).
 *
 * mro(C) = [C] + merge(mro(B1), ..., mro(Bn), [B1, ..., Bn]); the merge
 * repeatedly takes the first head that appears in no list's tail.  When no
 * head qualifies the hierarchy is inconsistent and CPython names the heads
 * that remain, in order: "Cannot create a consistent method resolution
 * order (MRO) for bases A, B".  A metaclass overriding mro() is honoured.
 */
#include <string.h>

#include "libgc/gc.h"
#include "type_new.h"

static int in_tail(KnObject *x, KnObject **seq, kn_ssize_t start, kn_ssize_t len)
{
    for (kn_ssize_t i = start + 1; i < len; i++)
        if (seq[i] == x)
            return 1;
    return 0;
}

/* Returns a new list, NULL + TypeError when inconsistent. */
static KnObject *c3_merge(KnTypeObject *t)
{
    KnObject *bases = t->tp_bases;
    kn_ssize_t nb = KN_SIZE(bases);
    kn_ssize_t nseq = nb + 1;
    /* seqs[i]: items of mro(base i), the last one is the bases list itself */
    KnObject ***seqs = kgc_alloc(sizeof(KnObject **) * (size_t)nseq);
    kn_ssize_t *lens = kgc_alloc(sizeof(kn_ssize_t) * (size_t)nseq);
    kn_ssize_t *pos = kgc_alloc(sizeof(kn_ssize_t) * (size_t)nseq);
    if (seqs == NULL || lens == NULL || pos == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < nb; i++) {
        KnObject *bm = ((KnTypeObject *)KN_TUPLE_GET(bases, i))->tp_mro;
        seqs[i] = KN_TUPLE_ITEMS(bm);
        lens[i] = KN_SIZE(bm);
    }
    seqs[nb] = KN_TUPLE_ITEMS(bases);
    lens[nb] = nb;

    KnObject *result = ob_list_new(0);
    if (result == NULL || ob_list_append(result, (KnObject *)t) < 0)
        return NULL;
    for (;;) {
        int empty = 1;
        KnObject *candidate = NULL;
        for (kn_ssize_t i = 0; i < nseq; i++) {
            if (pos[i] >= lens[i])
                continue;
            empty = 0;
            KnObject *head = seqs[i][pos[i]];
            int ok = 1;
            for (kn_ssize_t j = 0; j < nseq && ok; j++)
                if (pos[j] < lens[j] && in_tail(head, seqs[j], pos[j], lens[j]))
                    ok = 0;
            if (ok) {
                candidate = head;
                break;
            }
        }
        if (empty)
            return result;
        if (candidate == NULL)
            break;
        if (ob_list_append(result, candidate) < 0)
            return NULL;
        for (kn_ssize_t i = 0; i < nseq; i++)
            if (pos[i] < lens[i] && seqs[i][pos[i]] == candidate)
                pos[i]++;
    }
    /* inconsistent: list the remaining heads (each once, in order) */
    KnObject *names = ob_list_new(0);
    if (names == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < nseq; i++) {
        if (pos[i] >= lens[i])
            continue;
        KnObject *head = seqs[i][pos[i]];
        int seen = 0;
        for (kn_ssize_t j = 0; j < i; j++)
            if (pos[j] < lens[j] && seqs[j][pos[j]] == head)
                seen = 1;
        if (seen)
            continue;
        KnObject *n = ob_str_from_cstr(ob_type_name((KnTypeObject *)head));
        if (n == NULL || ob_list_append(names, n) < 0)
            return NULL;
    }
    KnObject *sep = ob_str_from_cstr(", ");
    KnObject *joined = sep ? ob_str_join(sep, names) : NULL;
    if (joined == NULL)
        return NULL;
    return ob_err_format(ob_exc_TypeError,
                         "Cannot create a consistent method resolution\norder (MRO) for bases %U",
                         joined);
}

static int check_duplicates(KnObject *bases)
{
    for (kn_ssize_t i = 0; i < KN_SIZE(bases); i++)
        for (kn_ssize_t j = i + 1; j < KN_SIZE(bases); j++)
            if (KN_TUPLE_GET(bases, i) == KN_TUPLE_GET(bases, j)) {
                ob_err_format(ob_exc_TypeError, "duplicate base class %s",
                              ob_type_name((KnTypeObject *)KN_TUPLE_GET(bases, i)));
                return -1;
            }
    return 0;
}

/* The C3 order of t from its bases' MROs (type.mro()'s answer). */
KnObject *ob_mro_c3(KnTypeObject *t)
{
    KnObject *bases = t->tp_bases;
    KnObject *mro;
    if (KN_SIZE(bases) == 0) {
        mro = ob_tuple_pack(1, (KnObject *)t);
    } else if (KN_SIZE(bases) == 1) {
        /* single inheritance: [t] + mro(base) */
        KnObject *bm = ((KnTypeObject *)KN_TUPLE_GET(bases, 0))->tp_mro;
        mro = ob_tuple_new(KN_SIZE(bm) + 1);
        if (mro == NULL)
            return NULL;
        KN_TUPLE_SET(mro, 0, (KnObject *)t);
        for (kn_ssize_t i = 0; i < KN_SIZE(bm); i++)
            KN_TUPLE_SET(mro, i + 1, KN_TUPLE_GET(bm, i));
    } else {
        if (check_duplicates(bases) < 0)
            return NULL;
        KnObject *l = c3_merge(t);
        if (l == NULL)
            return NULL;
        mro = ob_tuple_from_array(KN_LIST_ITEMS(l), KN_SIZE(l));
    }
    return mro;
}

int ob_mro_compute(KnTypeObject *t)
{
    KnObject *mro = ob_mro_c3(t);
    if (mro == NULL)
        return -1;
    /* A metaclass with its own mro() decides (heap metaclasses only: the
     * built-in type.mro() is the C3 order computed above). */
    KnTypeObject *meta = KN_TYPE(t);
    if (meta != &ob_type_type && KN_TYPE_HAS_FLAG(meta, KN_TPFLAGS_HEAPTYPE)) {
        KnObject *m = ob_type_lookup(meta, KN_ID(mro));
        KnObject *dflt = ob_dict_getitem(ob_type_type.tp_dict, KN_ID(mro));
        if (m != NULL && m != dflt) {
            t->tp_mro = mro;    /* visible to the custom mro() */
            KnObject *custom = ob_call_method((KnObject *)t, "mro", 0);
            if (custom == NULL)
                return -1;
            KnObject *tup = KN_TUPLE_CHECK(custom) ? custom
                            : KN_LIST_CHECK(custom)
                                ? ob_tuple_from_array(KN_LIST_ITEMS(custom), KN_SIZE(custom))
                                : ob_sequence_tuple(custom);
            if (tup == NULL)
                return -1;
            for (kn_ssize_t i = 0; i < KN_SIZE(tup); i++)
                if (!KN_TYPE_OBJ_CHECK(KN_TUPLE_GET(tup, i))) {
                    ob_err_format(ob_exc_TypeError, "mro() returned a non-class ('%s')",
                                  KN_TNAME(KN_TUPLE_GET(tup, i)));
                    return -1;
                }
            /* every class in it must share t's instance layout */
            KnTypeObject *solid = ob_heaptype_solid_base(t);
            for (kn_ssize_t i = 0; i < KN_SIZE(tup); i++) {
                KnTypeObject *c = (KnTypeObject *)KN_TUPLE_GET(tup, i);
                if (!ob_type_is_subtype(solid, ob_heaptype_solid_base(c))) {
                    ob_err_format(ob_exc_TypeError, "mro() returned base with unsuitable layout ('%s')",
                                  c->tp_name);
                    return -1;
                }
            }
            mro = tup;
            t->tp_flags &= ~KN_TPFLAGS_HAVE_VERSION_TAG;   /* see ob_type_version */
        }
    }
    t->tp_mro = mro;
    return 0;
}
