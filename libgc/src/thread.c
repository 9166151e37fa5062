/*
 * thread.c -- registering threads that run Python (include/libgc/thread.h).
 * kgc_init calls GC_allow_register_threads from the main thread, after which
 * any thread may register itself with its own stack base.
 */
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
