/* libobject/list.h — list (src/list.c, src/listsort.c).  Layout = PyListObject. */
#ifndef LIBOBJECT_LIST_H
#define LIBOBJECT_LIST_H
#include "libobject/object.h"

typedef struct KnListObject {
    KN_OBJECT_VAR_HEAD;
    KnObject **ob_item;
    kn_ssize_t allocated;
} KnListObject;

extern KnTypeObject ob_list_type;
#define KN_LIST_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_LIST_SUBCLASS)
#define KN_LIST_CHECK_EXACT(o) (KN_TYPE(o) == &ob_list_type)
#define KN_LIST_ITEMS(o) (((KnListObject *)(o))->ob_item)
#define KN_LIST_GET(o, i) (((KnListObject *)(o))->ob_item[i])

KnObject *ob_list_new(kn_ssize_t n);             /* n items, all None... set before use */
int ob_list_append(KnObject *list, KnObject *item);
KnObject *ob_list_from_array(KnObject *const *items, kn_ssize_t n);
int ob_list_extend(KnObject *list, KnObject *iterable);
int ob_list_sort(KnObject *list);

/* slices: self[start:stop:step] from unpacked bounds (ob_slice_unpack's
 * output: clamped, step != 0; not yet fitted to the length). */
KnObject *ob_list_get_slice(KnObject *list, kn_ssize_t start, kn_ssize_t stop,
                            kn_ssize_t step);
/* slices: list[ilow:ihigh] = v (v NULL: delete; ilow/ihigh clipped to the
 * list as CPython's list_ass_slice; v is read through its iterator unless
 * it is an exact list or tuple).  0 / -1. */
int ob_list_ass_slice(KnObject *list, kn_ssize_t ilow, kn_ssize_t ihigh, KnObject *v);

#endif
