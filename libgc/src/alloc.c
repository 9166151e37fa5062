/*
 * alloc.c -- the allocation entry points of libgc/gc.h.
 *
 * Objects live in two Boehm kinds of their own (created in init.c):
 *   obj_kind   conservatively scanned, zeroed (kgc_alloc_object);
 *   weak_kind  zeroed, scanned by kgc_weak_kind_mark, which skips word 2
 *              (kgc_alloc_weakref_object);
 *   head_kind  zeroed, only the first KGC_HEAD_SCANNED bytes scanned
 *              (kgc_alloc_object_head: str and its inline characters;
 *              objects shorter than that come from obj_kind).
 * Both are walked at every collection for the refcount rule (refcount.c),
 * which is why every object's heap block is noted before it is returned.
 * Small objects come from per-thread free lists without taking Boehm's
 * allocation lock (fastalloc.c, NOTES-gc.md §6).
 * Everything else uses Boehm's ordinary kinds.
 */
#include "gc_internal.h"

/* Objects too large for the per-thread lists, or any object while they are
 * unavailable: one GC_generic_malloc (allocation lock) each. */
static void *kgc_new_object_locked(size_t n, int kind)
{
    intptr_t *p = GC_generic_malloc(n, kind);
    if (p == NULL)
        return NULL;
    if (kgc_stats_on)
        kgc_stats_big(KGC_STATS_BIG_OBJECT, n);
    /* Noted before the caller can raise the refcount: an object whose
     * refcount may exceed BASE is always on a noted block. */
    if (kgc_refcount_note_page(p) != 0)
        return NULL;
    p[0] = KGC_REFCNT_BASE;
    return p;
}

static void *kgc_new_object_slow(size_t n, size_t granules, int which)
{
    KGC_ENSURE_INIT();
    int kind = which == KGC_FAST_OBJ    ? kgc_state.obj_kind
               : which == KGC_FAST_WEAK ? kgc_state.weak_kind
               : which == KGC_FAST_HEAD ? kgc_state.head_kind
                                        : GC_I_NORMAL;

    if (granules <= KGC_FAST_GRANULES && !kgc_state.fast_disabled) {
        void *p = kgc_fast_refill(granules, which, kind);
        if (p != NULL || kgc_fast_tl != NULL)
            return p;
    }
    if (which == KGC_FAST_PLAIN) {
        if (kgc_stats_on)
            kgc_stats_big(KGC_STATS_BIG_PLAIN, n);
        return GC_malloc(n);
    }
    return kgc_new_object_locked(n, kind);
}

/* The common path: pop the calling thread's free list, no lock.  Objects
 * on it are zeroed but for word 0, the link (fastalloc.c). */
static inline void *kgc_new_object(size_t n, size_t min, int which)
{
    if (n < min)
        n = min;
    size_t granules = KGC_FAST_GRANULES + 1;
    if (n <= KGC_FAST_GRANULES * KGC_GRANULE)
        granules = KGC_GRANULES(n);
    struct kgc_fast_lists *t = kgc_fast_tl;
    if (__builtin_expect(t != NULL && granules <= KGC_FAST_GRANULES, 1)) {
        intptr_t *p = t->head[which][granules];
        if (__builtin_expect(p != NULL, 1)) {
            t->head[which][granules] = (void *)p[0];
#ifndef NDEBUG
            for (size_t w = 1; w < granules * KGC_GRANULE / sizeof *p; w++)
                if (p[w] != 0)
                    __builtin_trap();   /* Boehm's batch was not cleared */
#endif
            p[0] = which == KGC_FAST_PLAIN ? 0 : KGC_REFCNT_BASE;
            return p;
        }
    }
    return kgc_new_object_slow(n, granules, which);
}

void *kgc_alloc_object(size_t n)
{
    return kgc_new_object(n, 2 * sizeof(intptr_t), KGC_FAST_OBJ);
}

/* An object shorter than the scanned head lies wholly inside it: scanning
 * all of it, as obj_kind does, is what head_kind would do, and obj_kind
 * serves it at its own size instead of the head_kind minimum (a 5-char
 * ASCII str takes 64 bytes, not 80).  NOTES-gc.md §9. */
void *kgc_alloc_object_head(size_t n)
{
    if (n < KGC_HEAD_SCANNED)
        return kgc_new_object(n, 2 * sizeof(intptr_t), KGC_FAST_OBJ);
    return kgc_new_object(n, KGC_HEAD_SCANNED, KGC_FAST_HEAD);
}

void *kgc_alloc_weakref_object(size_t n)
{
    return kgc_new_object(n, (KGC_WEAK_WORD + 1) * sizeof(void *),
                          KGC_FAST_WEAK);
}

/* Boehm's own thread-local lists serve GC_malloc too, but through
 * __tls_get_addr and a few calls; ours are one pop (row KGC_FAST_PLAIN). */
void *kgc_alloc(size_t n)
{
    return kgc_new_object(n, 1, KGC_FAST_PLAIN);
}

void *kgc_alloc_atomic(size_t n)
{
    KGC_ENSURE_INIT();
    if (kgc_stats_on)
        kgc_stats_big(KGC_STATS_ATOMIC, n);
    return GC_malloc_atomic(n);
}

void *kgc_realloc(void *p, size_t n)
{
    KGC_ENSURE_INIT();
    if (n == 0)
        n = 1;      /* never free behind the caller's back */
    return GC_realloc(p, n);
}

void *kgc_alloc_uncollectable(size_t n)
{
    KGC_ENSURE_INIT();
    return GC_malloc_uncollectable(n);
}

void kgc_free(void *p)
{
    if (p != NULL)
        GC_free(p);
}

/* Mark procedure of weak_kind: every word of the object but word 2 is a
 * possible pointer.  Called by markers (possibly in parallel) with the
 * object's base address; also called for objects sitting on free lists,
 * which are zeroed apart from their link word, so reading them is safe. */
struct GC_ms_entry *kgc_weak_kind_mark(GC_word *addr, struct GC_ms_entry *sp,
                                       struct GC_ms_entry *lim, GC_word env)
{
    (void)env;
    size_t words = GC_size(addr) / sizeof(GC_word);
    for (size_t i = 0; i < words; i++) {
        if (i == KGC_WEAK_WORD)
            continue;
        sp = GC_MARK_AND_PUSH((void *)addr[i], sp, lim, (void **)&addr[i]);
    }
    return sp;
}
