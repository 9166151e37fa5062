/*
 * libgc/weakref.h -- weak slots.
 *
 * A weak slot is a pointer-sized word, in memory the collector does not
 * trace, that refers to a target without keeping it alive.  The slot holds a
 * plain pointer to the target for as long as the target lives; when the
 * target is destroyed (step 3 of finalize.h) the slot is set to the
 * sentinel given in struct kgc_hooks and the slot's cookie, if any, is
 * handed to the weak_callback hook.
 *
 * Where a slot may live: word 2 of an object from kgc_alloc_weakref_object
 * (PyWeakReference.wr_object -- the intended use), or memory the collector
 * does not scan (libc malloc, kgc_alloc_atomic).  A slot inside a scanned
 * object would keep the target alive.  The object holding the slot (its
 * "owner") may die before the target: libgc notices and never writes into
 * freed memory, and a dead owner's callback is not called.
 */
#ifndef LIBGC_WEAKREF_H
#define LIBGC_WEAKREF_H

#ifdef __cplusplus
extern "C" {
#endif

/* Point *slot at target and track it.  cookie (may be NULL: no callback) is
 * passed to the weak_callback hook when the target dies while the slot's
 * owner is still reachable; it is not kept alive by the slot (use the weakref
 * object itself).  The target is registered for finalization
 * (kgc_register_finalizer) as a side effect.  A target outside the
 * collected heap (a static type object) is stored but never cleared.
 * Returns 0, or -1 when memory is exhausted (the slot is then the
 * sentinel). */
int kgc_weak_attach(void *target, void **slot, void *cookie);

/* Stop tracking slot (weakref dealloc/clear): its current target forgets
 * it and *slot becomes the sentinel.  No-op if slot is not attached. */
void kgc_weak_detach(void **slot);

#ifdef __cplusplus
}
#endif
#endif /* LIBGC_WEAKREF_H */
