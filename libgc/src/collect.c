/*
 * collect.c -- kgc_collect and the automatic-collection switch.
 *
 * Boehm's GC_disable/GC_enable nest and also block explicit collections;
 * the gc module wants a boolean switch and a gc.collect() that works while
 * disabled, so the state is kept here, under its own mutex.
 */
#include "gc_internal.h"

static pthread_mutex_t kgc_switch_lock = PTHREAD_MUTEX_INITIALIZER;
static int kgc_disabled;

/* One full collection, even when automatic collection is off (no
 * finalizers run; refcount.c uses it too). */
void kgc_collect_world(void)
{
    pthread_mutex_lock(&kgc_switch_lock);
    if (kgc_disabled)
        GC_enable();
    GC_gcollect();
    if (kgc_disabled)
        GC_disable();
    pthread_mutex_unlock(&kgc_switch_lock);
}

/* Zero the stack below the caller: pointers libgc's own frames left there
 * (objects it just processed) must not be mistaken for live references by
 * the next collection round. */
static __attribute__((noinline)) void kgc_wipe_stack(void)
{
    volatile char buf[8192];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = 0;
}

/* A finalizer can make more garbage with finalizers; bound the rounds so a
 * program that does so forever cannot hang gc.collect(). */
#define KGC_COLLECT_MAX_ROUNDS 4

size_t kgc_collect(void)
{
    KGC_ENSURE_INIT();
    size_t destroyed = 0, rearmed = 0;
    for (int round = 0; round < KGC_COLLECT_MAX_ROUNDS; round++) {
        kgc_wipe_stack();
        kgc_collect_world();
        destroyed += kgc_fin_process(&rearmed);
        if (rearmed == 0)
            break;
    }
    return destroyed;
}

void kgc_disable(void)
{
    KGC_ENSURE_INIT();
    pthread_mutex_lock(&kgc_switch_lock);
    if (!kgc_disabled) {
        kgc_disabled = 1;
        GC_disable();
    }
    pthread_mutex_unlock(&kgc_switch_lock);
}

void kgc_enable(void)
{
    KGC_ENSURE_INIT();
    pthread_mutex_lock(&kgc_switch_lock);
    if (kgc_disabled) {
        kgc_disabled = 0;
        GC_enable();
    }
    pthread_mutex_unlock(&kgc_switch_lock);
}

int kgc_is_enabled(void)
{
    pthread_mutex_lock(&kgc_switch_lock);
    int on = !kgc_disabled;
    pthread_mutex_unlock(&kgc_switch_lock);
    return on;
}
