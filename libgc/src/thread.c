/*
 * thread.c -- registering threads that run Python (include/libgc/thread.h).
 * kgc_init calls GC_allow_register_threads from the main thread, after which
 * any thread may register itself with its own stack base.
 */
#include <errno.h>

#include "gc_internal.h"

int kgc_thread_register(void)
{
    KGC_ENSURE_INIT();
    struct GC_stack_base sb;
    if (GC_get_stack_base(&sb) != GC_SUCCESS)
        return -1;
    int r = GC_register_my_thread(&sb);
    return (r == GC_SUCCESS || r == GC_DUPLICATE) ? 0 : -1;
}

int kgc_thread_unregister(void)
{
    kgc_fast_release();     /* the thread's free lists go back to the heap */
    if (!GC_thread_is_registered())
        return 0;
    return GC_unregister_my_thread() == GC_SUCCESS ? 0 : -1;
}

int kgc_thread_is_registered(void)
{
    return GC_thread_is_registered();
}

/* ---- kgc_thread_start ----
 * The start record is uncollectable, so fn's argument stays reachable
 * while the new thread is not yet registered (its stack is not scanned);
 * the thread frees the record only after it registered and copied the
 * argument to its own stack. */

struct kgc_thread_boot {
    void (*fn)(void *);
    void *arg;
};

static void *kgc_thread_trampoline(void *p)
{
    struct kgc_thread_boot *boot = p;
    if (kgc_thread_register() != 0) {
        /* Cannot run collected code unregistered; drop the thread. */
        kgc_free(boot);
        return NULL;
    }
    void (*volatile fn)(void *) = boot->fn;
    void *volatile arg = boot->arg;
    kgc_free(boot);
    fn(arg);
    arg = NULL;
    kgc_thread_unregister();
    return NULL;
}

int kgc_thread_start(void (*fn)(void *), void *arg, size_t stack_size,
                     unsigned long *ident)
{
    KGC_ENSURE_INIT();
    struct kgc_thread_boot *boot = kgc_alloc_uncollectable(sizeof *boot);
    if (boot == NULL)
        return ENOMEM;
    boot->fn = fn;
    boot->arg = arg;
    pthread_attr_t attr;
    int r = pthread_attr_init(&attr);
    if (r != 0) {
        kgc_free(boot);
        return r;
    }
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_size != 0)
        r = pthread_attr_setstacksize(&attr, stack_size);
    pthread_t t;
    if (r == 0)
        r = pthread_create(&t, &attr, kgc_thread_trampoline, boot);
    pthread_attr_destroy(&attr);
    if (r != 0) {
        kgc_free(boot);
        return r;
    }
    if (ident != NULL)
        *ident = (unsigned long)t;
    return 0;
}
