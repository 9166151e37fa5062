/* libobject/tuple.h — tuple (src/tuple.c).  Layout = PyTupleObject. */
#ifndef LIBOBJECT_TUPLE_H
#define LIBOBJECT_TUPLE_H
#include "libobject/object.h"

typedef struct KnTupleObject {
    KN_OBJECT_VAR_HEAD;
    KnObject *ob_item[1];
} KnTupleObject;

extern KnTypeObject ob_tuple_type;
#define KN_TUPLE_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_TUPLE_SUBCLASS)
#define KN_TUPLE_CHECK_EXACT(o) (KN_TYPE(o) == &ob_tuple_type)
#define KN_TUPLE_ITEMS(o) (((KnTupleObject *)(o))->ob_item)
#define KN_TUPLE_GET(o, i) (((KnTupleObject *)(o))->ob_item[i])
#define KN_TUPLE_SET(o, i, v) (((KnTupleObject *)(o))->ob_item[i] = (v))

KnObject *ob_tuple_new(kn_ssize_t n);            /* items NULL; fill before use */
KnObject *ob_tuple_pack(kn_ssize_t n, ...);
KnObject *ob_tuple_from_array(KnObject *const *items, kn_ssize_t n);
KnObject *ob_tuple_empty(void);                  /* the () singleton */

/* slices: self[start:stop:step] from unpacked bounds (ob_slice_unpack's
 * output, step != 0); a full slice of an exact tuple is the tuple itself. */
KnObject *ob_tuple_get_slice(KnObject *tuple, kn_ssize_t start, kn_ssize_t stop,
                             kn_ssize_t step);

#endif
