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
 */
#ifndef LIBOBJECT_ITER_INTERNAL_H
#define LIBOBJECT_ITER_INTERNAL_H

#include "containers.h"

typedef struct KnRangeIter {
    KN_OBJECT_HEAD;
    long index, start, step, len;
} KnRangeIter;

#endif
