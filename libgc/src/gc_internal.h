/*
 * gc_internal.h -- what libgc's source files share.  Not installed.
 *
 * The collector is process-wide, so libgc's state is one documented global,
 * kgc_state (defined in init.c).  Lock order, which every file must keep:
 *
 *     kgc_state.lock  (our pthread mutex: finalization records, weak lists)
 *        -> Boehm's allocation lock (taken by every GC_* call)
 *
 * Never take kgc_state.lock while holding the allocation lock (inside a
 * GC_call_with_alloc_lock function or a Boehm callback), and never call
 * client hooks while holding either.
 */
#ifndef KGC_GC_INTERNAL_H
#define KGC_GC_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* Thread support declarations, without Boehm's pthread_create redirects:
 * Kiln's threads register explicitly (thread.c). */
#define GC_THREADS 1
#define GC_NO_THREAD_REDIRECTS 1
#include <gc/gc.h>
#include <gc/gc_mark.h>
#include <gc/gc_inline.h>     /* GC_generic_malloc_many */

#include "libgc/gc.h"
#include "libgc/head.h"

/* Boehm's heap-block size on x86-64 Linux (LOG_HBLKSIZE 12); objects up to
 * half of it share a block and never straddle a block boundary, larger ones
 * start on a block boundary.  Checked at start-up in init.c. */
#define KGC_HBLKSIZE ((uintptr_t)4096)
#define KGC_MAXSMALL (KGC_HBLKSIZE / 2)

/* Word index of PyWeakReference.wr_object, the untraced word of the weakref
 * kind. */
#define KGC_WEAK_WORD 2

struct kgc_record;

struct kgc_state {
    atomic_int ready;             /* kgc_init finished                   */
    int obj_kind;                 /* Boehm kind of kgc_alloc_object      */
    int weak_kind;                /* Boehm kind of kgc_alloc_weakref_object */
    int head_kind;                /* Boehm kind of kgc_alloc_object_head */
    size_t extra_bytes;           /* Boehm's byte added to each object (0/1) */
    int fast_disabled;            /* no per-thread free lists (no TLS key) */
    atomic_size_t heap_requested; /* heap asked of Boehm so far; 0 = no policy */
    atomic_ulong heap_grow_at;    /* collection number of the next growth */
    pthread_mutex_t lock;         /* see the lock order above            */
    struct kgc_hooks hooks;
    /* statistics (relaxed atomics) */
    atomic_uint_fast64_t finalizers_run;
    atomic_uint_fast64_t objects_destroyed;
    atomic_uint_fast64_t weak_cleared;
    atomic_uint_fast64_t refcount_kept;
};

extern struct kgc_state kgc_state;

#define KGC_ENSURE_INIT() \
    do { \
        if (!atomic_load_explicit(&kgc_state.ready, memory_order_acquire)) \
            kgc_init(); \
    } while (0)

/* refcount.c: the refcount rule (objects with refcount > BASE are roots). */
int kgc_refcount_note_page(void *obj);      /* 0, or -1 on exhaustion   */
extern atomic_int kgc_refcounts_on;         /* kgc_refcounts_enable ran */
void kgc_collect_world(void);               /* collect.c: one GC_gcollect */
void kgc_refcount_install(void);            /* hook into root pushing   */

/* fastalloc.c: per-thread free lists of obj_kind (row 0) and weak_kind
 * (row 1) objects, indexed by size in granules (NOTES-gc.md §6).  An object
 * of g granules holds g * KGC_GRANULE - extra_bytes usable bytes. */
/* KGC_GRANULE, KGC_FAST_*, struct kgc_fast_lists and kgc_fast_tl are in
 * libgc/gc.h (the inline fast path). */
/* Heap policy (init.c, NOTES-gc.md §7): the first heap is KGC_INITIAL_HEAP;
 * every KGC_GROW_EVERY collections it grows by KGC_INITIAL_HEAP until it is
 * KGC_GROWN_HEAP, so only programs that keep allocating pay for touching
 * the bigger heap. */
#define KGC_INITIAL_HEAP ((size_t)32 << 20)
#define KGC_GROWN_HEAP ((size_t)128 << 20)
#define KGC_GROW_EVERY 4
/* Called by the refill slow path: grow the heap if it is time. */
void kgc_heap_grow_check(void);
void kgc_fast_init(void);                   /* init.c, once */
/* The slow path: refill the calling thread's list if empty and pop one
 * object (noted, word 0 = BASE), or NULL on exhaustion. */
void *kgc_fast_refill(size_t granules, int which, int kind);
void kgc_fast_release(void);                /* thread exit */
size_t kgc_fast_count(int which, size_t granules);   /* tests */

/* stats.c: KILN_GC_STATS=1 (collection times, refills; printed at exit) */
void kgc_stats_env_init(void);
extern int kgc_stats_on;                   /* KILN_GC_STATS was set */
void kgc_stats_refill(int which, size_t granules);   /* counts, if on */
/* Allocations outside the per-thread lists, counted if on: objects and
 * kgc_alloc memory above KGC_FAST_GRANULES, and all kgc_alloc_atomic. */
enum { KGC_STATS_BIG_OBJECT, KGC_STATS_BIG_PLAIN, KGC_STATS_ATOMIC, KGC_STATS_N };
void kgc_stats_big(int what, size_t n);

/* alloc.c */
struct GC_ms_entry *kgc_weak_kind_mark(GC_word *addr,
                                       struct GC_ms_entry *sp,
                                       struct GC_ms_entry *lim, GC_word env);

/* finalize.c: one record per registered object, owned by kgc_state.lock. */
enum kgc_rec_state {
    KGC_REC_LIVE,        /* registered, finalizer not run yet          */
    KGC_REC_FINALIZED,   /* finalizer ran (or skipped); awaiting death  */
    KGC_REC_DYING        /* being destroyed (steps 3-5)                 */
};

struct kgc_weak_entry;

struct kgc_record {
    GC_hidden_pointer hidden_obj;   /* hidden so the table never retains */
    struct kgc_record *next;        /* hash chain                        */
    struct kgc_weak_entry *weak;    /* slots pointing at this object     */
    unsigned char state;            /* enum kgc_rec_state                */
    unsigned char deferred;         /* resurrection check repeated once  */
    unsigned long seq;              /* registration order */
};

struct kgc_record *kgc_record_find(void *obj);      /* lock held */
/* kgc_run_finalizers, also telling how many objects were handed back to the
 * collector for a resurrection check. */
size_t kgc_fin_process(size_t *rearmed);
struct kgc_record *kgc_record_ensure(void *obj);    /* lock held; NULL on OOM */

/* weakref.c */
struct kgc_weak_entry {
    struct kgc_weak_entry *next;
    void **slot;
    GC_hidden_pointer long_link;   /* owner, cleared by Boehm when the owner
                                      is truly gone (even from finalizers) */
    GC_hidden_pointer short_link;  /* owner, cleared when the owner is not
                                      reachable from the roots             */
    GC_hidden_pointer cookie;
    void *owner;                   /* GC_base(slot) or NULL; only compared */
};

/* Steps 3 for a batch of dying records: clear their slots, run callbacks. */
void kgc_weak_clear_batch(struct kgc_record **recs, size_t n);
/* Before a resurrection check: re-arm the short links of rec's slots. */
void kgc_weak_rearm(struct kgc_record *rec);
/* Free rec's entries (lock held); links unregistered first. */
void kgc_weak_free_list(struct kgc_weak_entry *e);

/* A growable array of collectable pointers kept alive while stored
 * (uncollectable, scanned storage) plus a parallel malloc'd array. */
struct kgc_vec {
    void **items;        /* GC_malloc_uncollectable: strong references */
    void **aux;          /* malloc: side data (records)                */
    size_t len, cap;
};
int kgc_vec_reserve(struct kgc_vec *v, size_t cap);
int kgc_vec_push(struct kgc_vec *v, void *item, void *aux);
void kgc_vec_clear(struct kgc_vec *v);

#endif /* KGC_GC_INTERNAL_H */
