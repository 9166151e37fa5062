/*
 * finalize.c — the object model's side of libgc's PEP 442 queue: which
 * objects are registered, and the hooks libgc calls at a safe point
 * (finalize → weak callbacks → dealloc).  See NOTES-finalize.md.
 */
#include <string.h>

#include "libgc/gc.h"
#include "core.h"
#include "libobject/complex.h"
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

/* Step 3: a weak reference's callback, called with the (now dead) weak
 * reference, once.  libgc hands the references of one referent over oldest
 * first; CPython calls the newest first.  So they are queued here and run,
 * newest first, by the clear hook (step 4), which libgc calls for every
 * object of the batch right after the weak references are cleared. */
static KnObject *pending_callbacks;     /* a list; static: a root */

static void call_weak_callback(KnWeakReference *w)
{
    KnObject *cb = w->wr_callback;
    if (cb == NULL)
        return;
    w->wr_callback = NULL;
    KnObject *exc = ob_err_fetch();
    if (ob_call_onearg(cb, (KnObject *)w) == NULL)
        ob_err_write_unraisable(cb);
    ob_err_restore(exc);
}

static void hook_weak_callback(void *cookie)
{
    KnObject *exc = ob_err_fetch();
    if ((pending_callbacks == NULL && (pending_callbacks = ob_list_new(0)) == NULL) ||
        ob_list_append(pending_callbacks, cookie) < 0) {
        ob_err_restore(exc);
        call_weak_callback(cookie);     /* no memory to queue: now */
        return;
    }
    ob_err_restore(exc);
}

/* Step 4 (see above): run the queued callbacks, newest first. */
static void hook_clear(void *p)
{
    (void)p;
    KnObject *list = pending_callbacks;
    if (list == NULL || KN_SIZE(list) == 0)
        return;
    pending_callbacks = NULL;           /* callbacks may queue anew */
    for (kn_ssize_t i = KN_SIZE(list) - 1; i >= 0; i--)
        call_weak_callback((KnWeakReference *)KN_LIST_ITEMS(list)[i]);
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
    /* The clear hook only runs the weak callbacks: Boehm reclaims cycles
     * without tp_clear, and clearing could only damage an object resurrected
     * late (NOTES-finalize.md). */
    struct kgc_hooks h = {
        .finalize = hook_finalize,
        .weak_callback = hook_weak_callback,
        .clear = hook_clear,
        .dealloc = hook_dealloc,
        .weak_sentinel = KN_None,
    };
    kgc_set_hooks(&h);
    installed = 1;
}

/* Types whose objects register themselves later (ob_finalize_defer_type):
 * a generator needs its finalizer only once it is suspended inside its
 * body, and registering every generator at birth costs ~1 us each. */
static KnTypeObject *deferred_types[8];
static int n_deferred;

int ob_finalize_defer_type(KnTypeObject *t)
{
    for (int i = 0; i < n_deferred; i++)
        if (deferred_types[i] == t)
            return 0;
    if (n_deferred == (int)(sizeof deferred_types / sizeof deferred_types[0])) {
        ob_err_set_string(ob_exc_SystemError, "ob_finalize_defer_type: table full");
        return -1;
    }
    deferred_types[n_deferred++] = t;
    return 0;
}

int ob_finalize_register(KnObject *o)
{
    ob_finalize_install_hooks();
    if (kgc_register_finalizer(o) < 0) {
        ob_err_nomemory();
        return -1;
    }
    return 0;
}

int ob_finalize_register_new(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_finalize == NULL && t->tp_del == NULL && t->tp_dealloc == NULL)
        return 0;
    for (int i = 0; i < n_deferred; i++)
        if (deferred_types[i] == t)
            return 0;
    return ob_finalize_register(o);
}

/* Zero the unused C stack below the caller: dead frames of deeper calls
 * (the interpreter's, a C callee's) hold stale pointers that the
 * collector's own frames would otherwise expose to conservative scanning. */
__attribute__((noinline)) static void wipe_dead_stack(void)
{
    volatile char buf[65536];
    memset((char *)buf, 0, sizeof buf);
    __asm__ volatile("" : : "r"(buf) : "memory");
}

kn_ssize_t ob_gc_collect(void)
{
    ob_finalize_install_hooks();
    KnObject *exc = ob_err_fetch();
    wipe_dead_stack();
    size_t n = kgc_collect();
    ob_err_restore(exc);
    return (kn_ssize_t)n;
}

/* ------------------------------------------------------ interpreter exit */

/* At exit, __main__'s globals are dropped in two rounds, each followed by
 * a collection: first the objects that have a finalizer themselves, while
 * the containers the __del__ methods may use are still there; then the
 * other instances and containers.  Classes, functions, modules, numbers
 * and strings stay for the __del__ methods that still run. */
static int dropped_at_exit(KnObject *v, int round)
{
    KnTypeObject *t = KN_TYPE(v);
    if (t->tp_finalize != NULL)
        return 1;
    if (round == 0)
        return 0;
    if (v == KN_None || KN_INT_CHECK(v) || KN_FLOAT_CHECK(v) || KN_STR_CHECK(v) ||
        KN_BYTES_CHECK(v) || KN_TYPE_CHECK(v, &ob_complex_type) ||
        KN_TYPE_CHECK(v, &ob_type_type) || KN_MODULE_CHECK(v))
        return 0;
    return t->tp_descr_get == NULL;
}

/* In a frame of its own: the values it drops must not stay in registers or
 * stack slots of the frame that then collects. */
__attribute__((noinline)) static void drop_main_values(KnObject *main_globals, int round)
{
    KnObject *keys = ob_dict_keys_list(main_globals);
    for (kn_ssize_t i = 0; keys != NULL && i < KN_SIZE(keys); i++) {
        KnObject *k = KN_LIST_ITEMS(keys)[i];
        if (!KN_STR_CHECK(k))
            continue;
        const char *name = ob_str_as_utf8(k, NULL);
        size_t n = name ? strlen(name) : 0;
        if (n > 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' &&
            name[n - 2] == '_')
            continue;
        KnObject *v = ob_dict_getitem(main_globals, k);
        if (v != NULL && dropped_at_exit(v, round))
            ob_dict_delitem(main_globals, k);
    }
    ob_err_clear();
}

void ob_finalize_at_exit(KnObject *main_globals)
{
    KnObject *exc = ob_err_fetch();
    int have = main_globals != NULL && KN_DICT_CHECK(main_globals);
    for (int round = 0; round < 2; round++) {
        if (have)
            drop_main_values(main_globals, round);
        ob_gc_collect();
    }
    ob_err_restore(exc);
}
