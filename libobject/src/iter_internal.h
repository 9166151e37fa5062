/*
 * iter_internal.h — the layouts of the builtin sequence iterators, for
 * libjit's FOR_ITER_RANGE / _LIST / _TUPLE (which step them inline
 * instead of calling tp_iternext).  Not a public header: code outside
 * libobject that includes it must keep exactly the semantics of the
 * iternext functions below.
 *
 *   range_iterator (range.c, rangeiter_next): yields start + index * step
 *     (wrapping unsigned arithmetic; the value always fits a long) while
 *     index < len.  Ranges whose values do not fit a long use
 *     longrange_iterator (a different type).
 *   list_iterator / tuple_iterator (list.c / tuple.c): yield
 *     seq[index++] while index < len(seq); the first time index reaches
 *     the end, seq becomes NULL and stays NULL (so a list that grows
 *     later is not resumed).
 *   enumerate (builtin_iters.c, enumerate_next): the next item of `it`,
 *     then the count: index (post-incremented) while long_index is NULL
 *     and index is below KN_SSIZE_MAX, else the int long_index.
 *   zip (builtin_iters.c, zip_next): one item of each iterator in
 *     `iters` in order, ending at the first exhausted one (strict: the
 *     length check).
 *   dict_itemiterator (dict_iter.c): ob_dict_itemiter_next2 is its
 *     tp_iternext without the (key, value) tuple.
 */
#ifndef LIBOBJECT_ITER_INTERNAL_H
#define LIBOBJECT_ITER_INTERNAL_H

#include "containers.h"

typedef struct KnRangeIter {
    KN_OBJECT_HEAD;
    long index, start, step, len;
} KnRangeIter;

typedef struct KnEnumerateIter {
    KN_OBJECT_HEAD;
    KnObject *it;              /* the underlying iterator */
    kn_ssize_t index;          /* next count while it fits */
    KnObject *long_index;      /* next count once it does not (else NULL) */
} KnEnumerateIter;

typedef struct KnZipIter {
    KN_OBJECT_HEAD;
    KnObject *iters;           /* tuple of iterators */
    int strict;
} KnZipIter;

/* One step of an exact dict_itemiterator: 1 with *key / *value set, 0
 * when exhausted, -1 with the exception set (the same RuntimeErrors as
 * its tp_iternext). */
extern KnTypeObject ob_dict_itemiter_type;   /* dict_iter.c */
int ob_dict_itemiter_next2(KnObject *self, KnObject **key, KnObject **value);

#endif
