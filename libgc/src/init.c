/*
 * init.c -- start the collector and configure it for Kiln.
 *
 * Settings and why:
 *   - suspend/restart signals SIGPWR/SIGXCPU (DESIGN §4), set before GC_INIT;
 *   - out-of-memory returns NULL to the caller (never aborts);
 *   - finalize-on-demand: Boehm only queues; kgc_run_finalizers runs;
 *   - "java finalization": Boehm marks everything reachable from queued
 *     unordered finalizable objects in the same collection -- without it
 *     their referents would be swept while they wait in the queue;
 *   - no incremental mode, ever (mprotect dirty bits break syscalls that
 *     write into the heap);
 *   - Boehm's warnings are silenced unless KILN_GC_VERBOSE is set.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "gc_internal.h"

struct kgc_state kgc_state = { .lock = PTHREAD_MUTEX_INITIALIZER };

static pthread_once_t kgc_init_once = PTHREAD_ONCE_INIT;

static void *GC_CALLBACK kgc_oom(size_t n)
{
    (void)n;
    return NULL;
}

/* kgc_state.lock is held across fork() so the child never inherits it
 * taken by a thread that does not exist there. */
static void kgc_fork_prepare(void)
{
    pthread_mutex_lock(&kgc_state.lock);
}

static void kgc_fork_parent(void)
{
    pthread_mutex_unlock(&kgc_state.lock);
}

static void kgc_fork_child(void)
{
    pthread_mutex_init(&kgc_state.lock, NULL);
}

static void kgc_init_body(void)
{
    GC_set_suspend_signal(SIGPWR);
    GC_set_thr_restart_signal(SIGXCPU);
    if (!getenv("KILN_GC_VERBOSE"))
        GC_set_warn_proc(GC_ignore_warn_proc);
    GC_set_finalize_on_demand(1);
    GC_set_java_finalization(1);
    /* fork() in a threaded process: Boehm takes its lock around the fork
     * and forgets the threads the child does not have. */
    GC_set_handle_fork(1);
    /* One marker (the collecting thread, no helper threads): the
     * interpreter runs one thread at a time, CPU time is what a
     * collection costs it, and parallel marking only adds lock traffic
     * (in every GC_generic_malloc_many refill, too).  NOTES-gc.md §7.
     * GC_MARKERS in the environment still chooses. */
    if (getenv("GC_MARKERS") == NULL)
        GC_set_markers_count(1);
    GC_INIT();
    GC_set_oom_fn(kgc_oom);
    /* Boehm starts with a 64 KiB heap and collects whenever a third of it
     * has been allocated since the last collection; a Kiln process has a
     * few MiB of live data after start-up, so number-crunching loops that
     * make short-lived floats collected every ~3 MiB, each collection
     * marking everything live (~1 ms).  A larger first heap spaces them
     * out (mandelbrot/nbody ~25% faster; NOTES-gc.md §7).  Pages are only
     * touched when used.  GC_INITIAL_HEAP_SIZE still overrides it. */
    if (getenv("GC_INITIAL_HEAP_SIZE") == NULL &&
        GC_expand_hp(KGC_INITIAL_HEAP) != 0) {
        atomic_store(&kgc_state.heap_grow_at, GC_get_gc_no() + KGC_GROW_EVERY);
        atomic_store(&kgc_state.heap_requested, KGC_INITIAL_HEAP);
    }
    GC_allow_register_threads();
    /* Registered after Boehm's handlers, so prepare runs first and keeps
     * the lock order (kgc_state.lock before the allocation lock). */
    pthread_atfork(kgc_fork_prepare, kgc_fork_parent, kgc_fork_child);

    kgc_state.obj_kind = (int)GC_new_kind(GC_new_free_list(),
                                          GC_DS_LENGTH, 1, 1);
    kgc_state.weak_kind = (int)GC_new_kind(
        GC_new_free_list(),
        GC_MAKE_PROC(GC_new_proc(kgc_weak_kind_mark), 0), 0, 1);
    /* Only the first KGC_HEAD_SCANNED bytes of each object are traced
     * (a fixed length descriptor, not adjusted by the object size). */
    kgc_state.head_kind = (int)GC_new_kind(GC_new_free_list(),
                                           GC_DS_LENGTH | KGC_HEAD_SCANNED, 0, 1);
    kgc_refcount_install();

    /* The block walk in refcount.c assumes 4 KiB heap blocks: a large
     * object must start on a block boundary. */
    void *probe = GC_malloc_atomic(KGC_MAXSMALL + 64);
    if (probe && ((uintptr_t)probe & (KGC_HBLKSIZE - 1)) != 0) {
        fprintf(stderr, "libgc: Boehm heap block size is not 4096\n");
        abort();
    }
    GC_free(probe);
    /* Boehm adds a byte to every object when interior pointers are
     * recognised (EXTRA_BYTES); the per-thread lists size by granules and
     * must round exactly as it does. */
    probe = GC_malloc_atomic(KGC_GRANULE);
    kgc_state.extra_bytes = probe && GC_size(probe) > KGC_GRANULE;
    GC_free(probe);
    /* The inline fast path (libgc/gc.h) rounds with KGC_EXTRA_BYTES, a
     * constant: it may only overestimate Boehm's. */
    if (kgc_state.extra_bytes > KGC_EXTRA_BYTES) {
        fprintf(stderr, "libgc: Boehm's extra bytes exceed KGC_EXTRA_BYTES\n");
        abort();
    }
    kgc_fast_init();
    kgc_stats_env_init();
    atomic_store_explicit(&kgc_state.ready, 1, memory_order_release);
}

/* A collection frees every empty block, so Boehm collects again once the
 * blocks in use reach the heap size requested by GC_expand_hp: the larger
 * that is, the fewer collections (each marks all live data), but the more
 * fresh pages the process touches (one fault per 4 KiB).  Start at
 * KGC_INITIAL_HEAP, and grow towards KGC_GROWN_HEAP only while collections
 * keep coming.  Runs outside any lock, from the refill path; a race between
 * threads is settled by the compare-exchange (one of them grows). */
void kgc_heap_grow_check(void)
{
    size_t req = atomic_load_explicit(&kgc_state.heap_requested, memory_order_relaxed);
    if (req == 0 || req >= KGC_GROWN_HEAP)
        return;
    unsigned long gc_no = (unsigned long)GC_get_gc_no();
    unsigned long at = atomic_load_explicit(&kgc_state.heap_grow_at, memory_order_relaxed);
    if (gc_no < at)
        return;
    if (!atomic_compare_exchange_strong(&kgc_state.heap_requested, &req,
                                        req + KGC_INITIAL_HEAP))
        return;
    atomic_store(&kgc_state.heap_grow_at, gc_no + KGC_GROW_EVERY);
    GC_expand_hp(KGC_INITIAL_HEAP);
}

void kgc_init(void)
{
    pthread_once(&kgc_init_once, kgc_init_body);
}
