/*
 * finalize.c — the object model's side of libgc's PEP 442 queue: which
 * objects are registered, and the hooks libgc calls at a safe point
 * (finalize → weak callbacks → dealloc).  See NOTES-finalize.md.
 */
#include "libgc/gc.h"
#include "core.h"
#include "weakref_internal.h"

/* Step 1: tp_finalize (a class's __del__ is slot_tp_finalize), at most once
 * per object; the exception being handled by the interrupted code is kept. */
static void hook_finalize(void *p)
{
    KnObject *o = p;
    destructor fin = KN_TYPE(o)->tp_finalize;
    if (fin == NULL)
        return;
    KnObject *exc = ob_err_fetch();
    fin(o);
    if (ob_err_occurred())          /* a finalizer must not leave one */
        ob_err_write_unraisable(o);
    ob_err_restore(exc);
}

/* Step 3: the weak reference's callback, called with the (now dead) weak
 * reference, once. */
static void hook_weak_callback(void *cookie)
{
    KnWeakReference *w = cookie;
    KnObject *cb = w->wr_callback;
    if (cb == NULL)
        return;
    w->wr_callback = NULL;
    KnObject *exc = ob_err_fetch();
    if (ob_call_onearg(cb, (KnObject *)w) == NULL)
        ob_err_write_unraisable(cb);
    ob_err_restore(exc);
}

/* Step 5: the legacy tp_del, then a type's own tp_dealloc (external
 * resources only: the memory is Boehm's). */
static void hook_dealloc(void *p)
{
    KnObject *o = p;
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_del == NULL && t->tp_dealloc == NULL)
        return;
    KnObject *exc = ob_err_fetch();
    if (t->tp_del != NULL)
        t->tp_del(o);
    if (t->tp_dealloc != NULL)
        t->tp_dealloc(o);
    if (ob_err_occurred())
        ob_err_write_unraisable(o);
    ob_err_restore(exc);
}

void ob_finalize_install_hooks(void)
{
    static int installed;
    if (installed)
        return;
    /* No clear hook: Boehm reclaims cycles without tp_clear, and clearing
     * could only damage an object resurrected late (NOTES-finalize.md). */
    struct kgc_hooks h = {
        .finalize = hook_finalize,
        .weak_callback = hook_weak_callback,
        .clear = NULL,
        .dealloc = hook_dealloc,
        .weak_sentinel = KN_None,
    };
    kgc_set_hooks(&h);
    installed = 1;
}

int ob_finalize_register_new(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_finalize == NULL && t->tp_del == NULL && t->tp_dealloc == NULL)
        return 0;
    ob_finalize_install_hooks();
    if (kgc_register_finalizer(o) < 0) {
        ob_err_nomemory();
        return -1;
    }
    return 0;
}

kn_ssize_t ob_gc_collect(void)
{
    ob_finalize_install_hooks();
    KnObject *exc = ob_err_fetch();
    size_t n = kgc_collect();
    ob_err_restore(exc);
    return (kn_ssize_t)n;
}
