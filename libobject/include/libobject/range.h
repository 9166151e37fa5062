/* libobject/range.h — range and its iterators (src/range.c).
 * Layout follows CPython's rangeobject: four int objects. */
#ifndef LIBOBJECT_RANGE_H
#define LIBOBJECT_RANGE_H
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KnRangeObject {
    KN_OBJECT_HEAD;
    KnObject *start, *stop, *step, *length;   /* exact ints */
} KnRangeObject;

extern KnTypeObject ob_range_type, ob_range_iter_type, ob_longrange_iter_type;
#define KN_RANGE_CHECK(o) (KN_TYPE(o) == &ob_range_type)

/* range(start, stop, step) from ints (step != 0). */
KnObject *ob_range_new(KnObject *start, KnObject *stop, KnObject *step);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_RANGE_H */
