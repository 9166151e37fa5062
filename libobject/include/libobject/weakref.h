/*
 * libobject/weakref.h — weak references (CPython 3.11's _weakref types) and
 * the glue between the object model and libgc's finalization queue.
 *
 * Layout = CPython's PyWeakReference: wr_object is word 2, the word libgc's
 * weakref kind leaves untraced; while the referent lives it points at it,
 * after the referent's destruction it is KN_None.  Every object whose type
 * has tp_weaklistoffset keeps there the head of a doubly-linked list of the
 * weak references to it (wr_prev / wr_next), so getweakrefcount/getweakrefs
 * and the reuse of the basic ref (no callback) work as in CPython.
 *
 * Destruction follows DESIGN §4: at the next collection, not when the last
 * reference goes.  See libobject/NOTES-finalize.md.
 */
#ifndef LIBOBJECT_WEAKREF_H
#define LIBOBJECT_WEAKREF_H

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KnWeakReference KnWeakReference;
struct KnWeakReference {
    KnObject ob_base;
    KnObject *wr_object;        /* word 2: untraced; KN_None once dead */
    KnObject *wr_callback;      /* NULL when none (or already called) */
    kn_hash_t hash;             /* -1 until computed */
    KnWeakReference *wr_prev;
    KnWeakReference *wr_next;
    void *vectorcall;           /* ABI slot; Kiln calls through tp_call */
};

extern KnTypeObject ob_weakref_ref_type;            /* weakref.ReferenceType */
extern KnTypeObject ob_weakref_proxy_type;          /* weakref.ProxyType */
extern KnTypeObject ob_weakref_callable_proxy_type; /* weakref.CallableProxyType */

#define KN_WEAKREF_REF_CHECK(o) ob_type_is_subtype(KN_TYPE(o), &ob_weakref_ref_type)
#define KN_WEAKREF_PROXY_CHECK(o) \
    (KN_TYPE(o) == &ob_weakref_proxy_type || KN_TYPE(o) == &ob_weakref_callable_proxy_type)

/* ---- part: ob-finalize (weak references) ---- */

/* Ready the three types and install libgc's hooks (idempotent; every
 * function below calls it).  0, or -1 with an exception set. */
int ob_weakref_init(void);

/* weakref.ref(obj, callback): the shared basic ref when callback is NULL or
 * None; TypeError "cannot create weak reference to 'int' object" when obj's
 * type has no weak list. */
KnObject *ob_weakref_new_ref(KnObject *obj, KnObject *callback);
/* weakref.proxy(obj, callback): ProxyType, or CallableProxyType when obj is
 * callable. */
KnObject *ob_weakref_new_proxy(KnObject *obj, KnObject *callback);
/* The referent of a ref or proxy, KN_None once it is dead (borrowed). */
KnObject *ob_weakref_get_object(KnObject *ref);
/* _weakref.getweakrefcount / weakref.getweakrefs (a new list; [] and 0 for
 * objects that cannot be weakly referenced). */
kn_ssize_t ob_weakref_count(KnObject *obj);
KnObject *ob_weakref_list(KnObject *obj);

/* Fill module m (the `_weakref` module) with ref, ReferenceType,
 * ProxyType, CallableProxyType, proxy, getweakrefcount, getweakrefs and
 * _remove_dead_weakref.  0, or -1 with an exception set. */
int ob_weakref_module_fill(KnObject *m);

/* ---- part: ob-finalize (finalization) ---- */

/* Register a new object with libgc when its type needs finalization
 * (tp_finalize, tp_del, a tp_dealloc).  Called by ob_alloc; 0 or -1
 * (MemoryError set). */
int ob_finalize_register_new(KnObject *o);
/* Register o now (idempotent; its finalizer still runs at most once): for
 * objects of a deferred type, when they start to need finalization.  0 or
 * -1 (MemoryError set). */
int ob_finalize_register(KnObject *o);
/* Objects of type t (exactly t) are not registered by ob_alloc; their
 * code calls ob_finalize_register when it matters (libjit: a generator at
 * its first suspension).  0, or -1 (SystemError: at most 8 types). */
int ob_finalize_defer_type(KnTypeObject *t);
/* gc.collect(): a full collection, then the finalization queue (finalizers,
 * weak references cleared and their callbacks, destruction), repeated until
 * the garbage found is destroyed.  Returns how many objects were destroyed.
 * The current exception, if any, is kept. */
kn_ssize_t ob_gc_collect(void);
/* Interpreter exit (jit_finalize): drop from __main__'s globals first the
 * objects with a finalizer, then the other instances and containers
 * (classes, functions, modules, numbers and strings stay for the __del__
 * methods that still run), with ob_gc_collect after each round, so that the
 * __del__ of what only __main__ kept runs as in CPython.  main_globals may
 * be NULL.  The current exception is kept. */
void ob_finalize_at_exit(KnObject *main_globals);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_WEAKREF_H */
