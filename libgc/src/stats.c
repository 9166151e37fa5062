/*
 * stats.c -- struct kgc_stats: Boehm's heap figures plus libgc's counters;
 * KILN_GC_STATS=1: every collection timed by phase, a summary printed on
 * stderr at exit (a measurement aid, NOTES-gc.md §9).  The event callback
 * runs inside the collector (allocation lock held): it only reads the
 * clock and adds to static counters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

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

static struct {
    double t_start, t_mark, t_reclaim;
    double total, mark, reclaim;
    unsigned long n;
} kgc_ev;

static atomic_ulong kgc_refills;
int kgc_stats_on;
static atomic_ulong kgc_refill_hist[KGC_FAST_ROWS][KGC_FAST_GRANULES + 1];

void kgc_stats_refill(int which, size_t granules)
{
    atomic_fetch_add_explicit(&kgc_refills, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&kgc_refill_hist[which][granules], 1,
                              memory_order_relaxed);
}

/* CPU time of the collecting thread: on a shared machine, wall-clock time
 * would count the time the process waited for a core. */
static double kgc_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void GC_CALLBACK kgc_on_event(GC_EventType ev)
{
    double t = kgc_now();
    switch (ev) {
    case GC_EVENT_START:
        kgc_ev.t_start = t;
        break;
    case GC_EVENT_MARK_START:
        kgc_ev.t_mark = t;
        break;
    case GC_EVENT_MARK_END:
        kgc_ev.mark += t - kgc_ev.t_mark;
        break;
    case GC_EVENT_RECLAIM_START:
        kgc_ev.t_reclaim = t;
        break;
    case GC_EVENT_RECLAIM_END:
        kgc_ev.reclaim += t - kgc_ev.t_reclaim;
        break;
    case GC_EVENT_END:
        kgc_ev.total += t - kgc_ev.t_start;
        kgc_ev.n++;
        break;
    default:
        break;
    }
}

static atomic_ulong kgc_big_count[KGC_STATS_N], kgc_big_bytes[KGC_STATS_N];
static atomic_ulong kgc_big_held[KGC_STATS_N];

/* Heap bytes a request of n bytes takes: Boehm adds its extra byte, then
 * rounds a small object to granules and a large one (over half a block)
 * to whole 4 KiB blocks. */
static size_t kgc_held_bytes(size_t n)
{
    size_t b = n + kgc_state.extra_bytes;
    if (b <= KGC_MAXSMALL)
        return (b + KGC_GRANULE - 1) & ~(KGC_GRANULE - 1);
    return (b + KGC_HBLKSIZE - 1) & ~(size_t)(KGC_HBLKSIZE - 1);
}

void kgc_stats_big(int what, size_t n)
{
    atomic_fetch_add_explicit(&kgc_big_count[what], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&kgc_big_bytes[what], n, memory_order_relaxed);
    atomic_fetch_add_explicit(&kgc_big_held[what], kgc_held_bytes(n),
                              memory_order_relaxed);
}

static void kgc_stats_report(void)
{
    GC_word heap, free_b, unmapped, since, total;
    GC_get_heap_usage_safe(&heap, &free_b, &unmapped, &since, &total);
    fprintf(stderr,
            "kgc: collections %lu (gc_no %lu) total %.1f ms mark %.1f ms "
            "reclaim %.1f ms; heap %.1f MiB free %.1f MiB unmapped %.1f MiB; "
            "allocated %.1f MiB; refills %lu\n",
            kgc_ev.n, (unsigned long)GC_get_gc_no(), kgc_ev.total * 1e3,
            kgc_ev.mark * 1e3, kgc_ev.reclaim * 1e3, heap / 1048576.0,
            free_b / 1048576.0, unmapped / 1048576.0, total / 1048576.0,
            (unsigned long)atomic_load(&kgc_refills));
    static const char *const big[KGC_STATS_N] = { "large objects",
                                                   "large kgc_alloc",
                                                   "kgc_alloc_atomic" };
    for (int i = 0; i < KGC_STATS_N; i++)
        fprintf(stderr, "kgc:   %s: %lu, %.1f MiB (%.1f MiB of heap)\n",
                big[i], (unsigned long)atomic_load(&kgc_big_count[i]),
                atomic_load(&kgc_big_bytes[i]) / 1048576.0,
                atomic_load(&kgc_big_held[i]) / 1048576.0);
    /* The sizes that took the most refills (one refill = one heap block). */
    static const char *const rows[KGC_FAST_ROWS] = { "obj", "weak", "head",
                                                     "plain" };
    for (int r = 0; r < KGC_FAST_ROWS; r++)
        for (size_t g = 1; g <= KGC_FAST_GRANULES; g++) {
            unsigned long n = atomic_load(&kgc_refill_hist[r][g]);
            if (n * 50 >= atomic_load(&kgc_refills) && n > 0)
                fprintf(stderr, "kgc:   refills %-5s %3zu bytes: %lu\n",
                        rows[r], g * KGC_GRANULE, n);
        }
}

void kgc_stats_env_init(void)
{
    if (getenv("KILN_GC_STATS") == NULL)
        return;
    kgc_stats_on = 1;
    GC_set_on_collection_event(kgc_on_event);
    atexit(kgc_stats_report);
}
