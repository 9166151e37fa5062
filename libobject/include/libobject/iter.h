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

/* ---- r5-json: C consumers driving a generator (src/abstract_seq.c) ----
 * list()/tuple()/str.join()/list.extend() take the values of an exact
 * generator without resuming it once per value: libjit registers its
 * generator type and a function that runs one of its objects offering
 * each yielded value to take(ctx, value) first.  take returns 0 when it
 * took the value (the generator goes on at once, as if next() had resumed
 * it) or 1 to give it back (the generator suspends and the value is
 * returned, as next() would).  take must run no Python code and cannot
 * fail: the generator is executing while it runs.  drive returns the
 * first value given back, or NULL when the generator is exhausted (no
 * exception) or failed (exception set); libjit's driving falls back to
 * plain suspension whenever anything traces or profiles. */
typedef int (*KnIterTake)(void *ctx, KnObject *value);
typedef KnObject *(*KnIterDrive)(KnObject *it, KnIterTake take, void *ctx);
void ob_iter_set_drive_hook(KnTypeObject *type, KnIterDrive drive);
/* ob_iter_next(it), with take offered the values first when `it` is of
 * the registered type (NULL: exhausted, no exception; or failed). */
KnObject *ob_iter_next_taking(KnObject *it, KnIterTake take, void *ctx);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_ITER_H */
