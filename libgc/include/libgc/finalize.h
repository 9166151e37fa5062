/*
 * libgc/finalize.h -- finalization at a safe point, in PEP 442 order.
 *
 * The collector never runs client code from inside a collection.  An object
 * that needs work before its memory goes (a __del__/tp_finalize, a
 * non-default tp_dealloc, an open file, or weak references to it) is
 * registered once with kgc_register_finalizer.  When a collection finds such
 * objects unreachable they are kept alive -- with everything they point to --
 * and queued.  The queue is processed only by kgc_run_finalizers (libjit calls
 * it with the GIL held; kgc_collect calls it too), in this order for every
 * object found unreachable together:
 *
 *   1. the finalize hook, at most once in the object's life;
 *   2. a resurrection check: the objects are handed back to the collector and
 *      only those that a later collection finds unreachable again go on;
 *   3. weak slots that point at them are set to the sentinel, then the weak
 *      callbacks of live weak references run;
 *   4. the clear hook (tp_clear) breaks cycles;
 *   5. the dealloc hook releases external resources;
 * after which the memory is reclaimed by an ordinary collection.  Cycles of
 * finalizable objects are finalized like anything else.
 */
#ifndef LIBGC_FINALIZE_H
#define LIBGC_FINALIZE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What libobject plugs in.  Any function pointer may be NULL (the step is
 * skipped).  The hooks run at a safe point in the thread that called
 * kgc_run_finalizers / kgc_collect, never inside the collector; they may
 * allocate, register finalizers, attach weak slots and even call
 * kgc_collect (a nested call collects but does not process the queue). */
struct kgc_hooks {
    void (*finalize)(void *obj);        /* step 1: tp_finalize / __del__  */
    void (*weak_callback)(void *cookie);/* step 3: cookie of kgc_weak_attach */
    void (*clear)(void *obj);           /* step 4: tp_clear               */
    void (*dealloc)(void *obj);         /* step 5: tp_dealloc-ish         */
    void *weak_sentinel;                /* written into cleared weak slots
                                           (Py_None); NULL if unset       */
};

/* Install the hooks (copied).  Call once at start-up, before any object is
 * registered; replacing them later is allowed but not synchronised with a
 * kgc_run_finalizers running in another thread. */
void kgc_set_hooks(const struct kgc_hooks *hooks);

/* Ask for obj (a pointer returned by kgc_alloc_object or
 * kgc_alloc_weakref_object) to go through the steps above when it becomes
 * unreachable.  Idempotent: registering twice, or again after the finalizer
 * ran, changes nothing (the finalizer still runs at most once).
 * Returns 0, or -1 when obj is not the start of a collectable object or
 * memory is exhausted. */
int kgc_register_finalizer(void *obj);

/* Non-zero when a collection has queued objects that kgc_run_finalizers
 * would process.  Cheap (no lock): meant for the interpreter's safe-point
 * check. */
int kgc_finalizers_pending(void);

/* Process the queue (see the steps above).  Returns how many objects
 * reached step 5 in this call.  Re-entrant calls (from a hook) and calls
 * while another thread is processing return 0 at once. */
size_t kgc_run_finalizers(void);

#ifdef __cplusplus
}
#endif
#endif /* LIBGC_FINALIZE_H */
