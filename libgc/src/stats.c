/*
 * stats.c -- struct kgc_stats: Boehm's heap figures plus libgc's counters.
 */
#include "gc_internal.h"

void kgc_get_stats(struct kgc_stats *out)
{
    KGC_ENSURE_INIT();
    GC_word heap, free_b, unmapped, since, total;
    GC_get_heap_usage_safe(&heap, &free_b, &unmapped, &since, &total);
    out->heap_size = heap;
    out->free_bytes = free_b;
    out->unmapped_bytes = unmapped;
    out->bytes_since_gc = since;
    out->total_bytes = total;
    out->collections = GC_get_gc_no();
    out->finalizers_run = atomic_load_explicit(&kgc_state.finalizers_run,
                                               memory_order_relaxed);
    out->objects_destroyed = atomic_load_explicit(
        &kgc_state.objects_destroyed, memory_order_relaxed);
    out->weak_cleared = atomic_load_explicit(&kgc_state.weak_cleared,
                                             memory_order_relaxed);
    out->refcount_kept = atomic_load_explicit(&kgc_state.refcount_kept,
                                              memory_order_relaxed);
}
