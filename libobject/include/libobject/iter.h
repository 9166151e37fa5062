/* libobject/iter.h — built-in iterator types (src/iterators.c,
 * src/iter_funcs.c): the sequence iterator used for classes that only have
 * __getitem__, iter(callable, sentinel), enumerate, zip, map, filter and
 * reversed. */
#ifndef LIBOBJECT_ITER_H
#define LIBOBJECT_ITER_H
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

extern KnTypeObject ob_seqiter_type, ob_calliter_type;
extern KnTypeObject ob_enumerate_type, ob_zip_type, ob_map_type, ob_filter_type,
    ob_reversed_type;

/* iter(seq) for an object with __getitem__ but no __iter__. */
KnObject *ob_seqiter_new(KnObject *seq);
/* iter(callable, sentinel). */
KnObject *ob_calliter_new(KnObject *callable, KnObject *sentinel);

/* ---- CONTAINERS (src/iter_pickle.c): pickling the built-in iterators ----
 * The container iterators' __reduce__ returns (builtins.iter, (seq,),
 * index) as CPython's do.  libjit's builtins module registers its iter
 * function here at start-up; until one is registered, __reduce__ raises
 * NotImplementedError. */
void ob_iter_register_builtin_iter(KnObject *iter_function);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_ITER_H */
