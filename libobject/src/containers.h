/*
 * containers.h — internals shared by the CONTAINERS sources (tuple, list,
 * dict, set, range, slice, iterators).  Not a public header.
 */
#ifndef LIBOBJECT_CONTAINERS_H
#define LIBOBJECT_CONTAINERS_H

#include "libobject/libobject.h"
#include "libobject/slice.h"
#include "libobject/set.h"
#include "libobject/range.h"
#include "libobject/iter.h"
#include "libgc/gc.h"

#define KN_SSIZE_MAX ((kn_ssize_t)(((size_t)-1) >> 1))
#define KN_SSIZE_MIN (-KN_SSIZE_MAX - 1)

/* Iterator types that live beside their containers. */
extern KnTypeObject ob_tuple_iter_type;          /* tuple.c */
extern KnTypeObject ob_list_iter_type, ob_list_reviter_type;   /* list.c */

/* The layout shared by the index-based iterators (list, tuple, bytes,
 * bytearray): the next position, and the sequence (NULL once exhausted). */
typedef struct KnIndexIter {
    KN_OBJECT_HEAD;
    kn_ssize_t index;
    KnObject *seq;
} KnIndexIter;

/* iter_pickle.c: __reduce__ / __setstate__ of those iterators (forward:
 * (iter, (seq,), index); list_reverseiterator: (reversed, (seq,), index)),
 * and builtins.iter itself (NotImplementedError until registered). */
KnObject *ob_cont_iter_reduce(KnObject *self, KnObject *unused);
KnObject *ob_cont_iter_setstate(KnObject *self, KnObject *state);
KnObject *ob_cont_reviter_reduce(KnObject *self, KnObject *unused);
KnObject *ob_cont_reviter_setstate(KnObject *self, KnObject *state);
KnObject *ob_cont_builtin_iter(void);
/* (iter, (list,)) with the items a COPY of an iterator still produces
 * (the copy is drained; the iterator itself is untouched). */
KnObject *ob_cont_reduce_remaining(KnObject *copy);
#define KN_ITER_PICKLE_METHODS(reduce, setstate) \
    {"__reduce__", (KnCFunction)(reduce), KN_METH_NOARGS, "Return state information for pickling."}, \
    {"__setstate__", (KnCFunction)(setstate), KN_METH_O, "Set state information for unpickling."},

/* cont_generic.c: list[int], set[str], ... (types.GenericAlias). */
KnObject *ob_cont_class_getitem(KnObject *cls, KnObject *item);
#define KN_CONT_CLASS_GETITEM_METHOD \
    {"__class_getitem__", (KnCFunction)ob_cont_class_getitem, KN_METH_O | KN_METH_CLASS, \
     "See PEP 585"},

/* iterators.c: tp_iter of every iterator (returns itself). */
KnObject *ob_iter_self(KnObject *o);

/* A subscript that must be an index: key.__index__() as kn_ssize_t, with
 * IndexError "cannot fit 'int' into an index-sized integer" on overflow.
 * -1 with an exception set on failure (check ob_err_occurred()). */
static inline kn_ssize_t ob_cont_as_index(KnObject *key)
{
    return ob_number_as_ssize(key, ob_exc_IndexError);
}

/* The optional start/stop of index(): absent -> keep the default; anything
 * without __index__ (None included) -> TypeError "slice indices must be
 * integers or have an __index__ method"; big values clamp. */
static inline int ob_cont_index_bound(KnObject *v, kn_ssize_t *p)
{
    if (v == NULL)
        return 0;
    if (!ob_index_check(v)) {
        ob_err_set_string(ob_exc_TypeError,
                          "slice indices must be integers or have an __index__ method");
        return -1;
    }
    kn_ssize_t x = ob_number_as_ssize(v, NULL);
    if (x == -1 && ob_err_occurred())
        return -1;
    *p = x;
    return 0;
}

/* "[...]"-style repr of n items read through `get` at each step (the
 * container may change while element reprs run; `get` returns NULL without
 * an error when the index fell off the end).  Implemented in list.c. */
typedef KnObject *(*ob_cont_getter)(KnObject *seq, kn_ssize_t i);
KnObject *ob_cont_repr_items(KnObject *seq, ob_cont_getter get, const char *open,
                             const char *close, int one_comma);

/* tuple.c: the xxHash-based combination tuples use (exposed for
 * frozenset-free reuse by range's hash). */
kn_hash_t ob_tuple_hash_items(KnObject *const *items, kn_ssize_t n);

/* list.c: resize ob_item to hold newsize items with CPython 3.11's
 * over-allocation; sets ob_size. */
int ob_list_resize(KnObject *list, kn_ssize_t newsize);
/* list.c: a[ilow:ihigh] = v (v NULL deletes); drop all items. */
int ob_list_ass_slice(KnObject *list, kn_ssize_t ilow, kn_ssize_t ihigh, KnObject *v);
void ob_list_clear_items(KnObject *list);
KnObject *ob_listiter_new(KnObject *list, int reverse);
/* listsort.c: list.sort(*, key=None, reverse=False). */
KnObject *ob_listsort_method(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                             KnObject *kwnames);

/* set.c: call fn on each item of iterable (lists and tuples by index,
 * anything else through the iterator protocol); stops at the first
 * non-zero result of fn and returns it; -1 on an iteration error. */
int ob_cont_foreach(KnObject *iterable, int (*fn)(KnObject *item, void *ctx), void *ctx);

/* set.c / set_ops.c: the set algebra used by dict views. */
int ob_set_difference_update(KnObject *so, KnObject *other);
int ob_set_symmetric_difference_update(KnObject *so, KnObject *other);
KnObject *ob_set_intersection(KnObject *so, KnObject *other);

/* obj.__getstate__() (object_type.c): what a C type's __reduce__ puts
 * as its state — the instance dict and the filled __slots__. */
KnObject *ob_object_getstate(KnObject *obj);

#endif
