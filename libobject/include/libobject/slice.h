/* libobject/slice.h — slice objects (src/slice.c).  Layout = PySliceObject.
 *
 * The helpers below are what every sequence type uses to turn a slice into
 * C indices: ob_slice_unpack (clamped start/stop/step, step 0 rejected),
 * then ob_slice_adjust_indices (fit to a length, returns the item count). */
#ifndef LIBOBJECT_SLICE_H
#define LIBOBJECT_SLICE_H
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KnSliceObject {
    KN_OBJECT_HEAD;
    KnObject *start, *stop, *step;   /* never NULL: None when absent */
} KnSliceObject;

extern KnTypeObject ob_slice_type;
#define KN_SLICE_CHECK(o) (KN_TYPE(o) == &ob_slice_type)

/* slice(start, stop, step); NULL arguments mean None. */
KnObject *ob_slice_new(KnObject *start, KnObject *stop, KnObject *step);

/* CPython's PySlice_Unpack: None -> defaults, big values clamped to the
 * kn_ssize_t range, step == 0 -> ValueError "slice step cannot be zero".
 * 0 on success, -1 with an exception. */
int ob_slice_unpack(KnObject *slice, kn_ssize_t *start, kn_ssize_t *stop,
                    kn_ssize_t *step);

/* CPython's PySlice_AdjustIndices: clip to `length`; returns the number of
 * items the slice selects.  Never fails. */
kn_ssize_t ob_slice_adjust_indices(kn_ssize_t length, kn_ssize_t *start,
                                   kn_ssize_t *stop, kn_ssize_t step);

/* Both steps at once; *slicelength receives the item count.  0 / -1. */
int ob_slice_get_indices(KnObject *slice, kn_ssize_t length, kn_ssize_t *start,
                         kn_ssize_t *stop, kn_ssize_t *step, kn_ssize_t *slicelength);

/* CPython's _PyEval_SliceIndex: None leaves *pi alone; an object with
 * __index__ is clamped into *pi; anything else raises TypeError "slice
 * indices must be integers or None or have an __index__ method".
 * 0 on success, -1 on error. */
int ob_slice_index(KnObject *v, kn_ssize_t *pi);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_SLICE_H */
