/*
 * fastalloc.c -- per-thread free lists for libgc's object kinds and for
 * Boehm's NORMAL kind (kgc_alloc).
 *
 * kgc_alloc_object & co. pop an object off a list owned by the calling
 * thread (alloc.c, or inline from libgc/gc.h; no lock); only an empty list
 * comes here, where GC_generic_malloc_many hands over a batch of one size and
 * kind (at most a heap block's worth) under a single allocation-lock
 * acquisition.  NOTES-gc.md §6 explains the invariants; in short:
 *
 *   - The list heads live in uncollectable, scanned memory (one struct per
 *     thread), and a free object's word 0 is the link to the next one; both
 *     kinds trace word 0, so every object on a list stays reachable (it is
 *     not swept while the thread still owns it) and nothing else in it is
 *     traced: Boehm hands the batch over zeroed except for the link word.
 *   - The link is a heap address (< 2^47) or NULL, never above
 *     KGC_REFCNT_BASE = 2^60, so the refcount walk never keeps a free object.
 *   - Every block of an object batch is noted for the refcount walk before
 *     the batch is put on the list (plain kgc_alloc batches never are).
 *   - kgc_thread_unregister releases the struct (kgc_fast_release); a
 *     pthread key destructor does so for a thread that exits without it.
 *     Released objects are unreachable and swept by the next collection.
 */
#include <string.h>

#include "gc_internal.h"

__thread struct kgc_fast_lists *kgc_fast_tl;

static pthread_key_t kgc_fast_key;

static void kgc_fast_free(struct kgc_fast_lists *t)
{
    /* Zeroed first so the struct, on Boehm's uncollectable free list, can
     * never retain the objects (GC_free clears it too; this is explicit). */
    memset(t, 0, sizeof *t);
    GC_free(t);
}

static void kgc_fast_destructor(void *arg)
{
    if (arg != NULL)
        kgc_fast_free(arg);
}

void kgc_fast_init(void)
{
    if (pthread_key_create(&kgc_fast_key, kgc_fast_destructor) != 0)
        kgc_state.fast_disabled = 1;    /* every allocation takes the lock */
}

void kgc_fast_release(void)
{
    struct kgc_fast_lists *t = kgc_fast_tl;
    if (t == NULL)
        return;
    kgc_fast_tl = NULL;
    pthread_setspecific(kgc_fast_key, NULL);
    kgc_fast_free(t);
}

static struct kgc_fast_lists *kgc_fast_lists_get(void)
{
    struct kgc_fast_lists *t = kgc_fast_tl;
    if (t != NULL || kgc_state.fast_disabled)
        return t;
    t = GC_malloc_uncollectable(sizeof *t);
    if (t == NULL)
        return NULL;
    if (pthread_setspecific(kgc_fast_key, t) != 0) {
        GC_free(t);
        return NULL;
    }
    kgc_fast_tl = t;
    return t;
}

/* Note every heap block of the batch at *head for the refcount walk.  The
 * block address kept for comparison is hidden (~): it is the address of
 * the block's first object, and a visible copy left in a stack slot would
 * retain that object once handed out. */
static int kgc_fast_note_batch(void **head)
{
    if (!atomic_load(&kgc_refcounts_on))
        return 0;                  /* noted from mark bits when turned on */
    uintptr_t last_hidden = ~(uintptr_t)0;
    for (void **p = *head; p != NULL; p = *p) {
        uintptr_t hidden = ~((uintptr_t)p & ~(KGC_HBLKSIZE - 1));
        if (hidden == last_hidden)
            continue;
        if (kgc_refcount_note_page(p) != 0)
            return -1;
        last_hidden = hidden;
    }
    return 0;
}

void *kgc_fast_refill(size_t granules, int which, int kind)
{
    struct kgc_fast_lists *t = kgc_fast_lists_get();
    if (t == NULL)
        return NULL;
    void **head = &t->head[which][granules];
    if (*head == NULL) {
        kgc_heap_grow_check();
        /* The result is written straight into the traced struct: the batch
         * is reachable from the moment Boehm lets go of the lock.  The size
         * is the raw granule size, extra byte included (Boehm asserts it is
         * a multiple of the granule; gc_inline.h passes the same). */
        GC_generic_malloc_many(granules * KGC_GRANULE, kind, head);
        if (kgc_stats_on)
            kgc_stats_refill(which, granules);
        if (*head == NULL)
            return NULL;
        /* Plain memory is not an object: never seen by the refcount walk. */
        if (which != KGC_FAST_PLAIN && kgc_fast_note_batch(head) != 0) {
            *head = NULL;          /* unnoted objects are never handed out */
            return NULL;
        }
    }
    intptr_t *p = *head;
    *head = *(void **)p;
    p[0] = which == KGC_FAST_PLAIN ? 0 : KGC_REFCNT_BASE;
    return p;
}

size_t kgc_fast_count(int which, size_t granules)
{
    struct kgc_fast_lists *t = kgc_fast_tl;
    size_t n = 0;
    if (t != NULL)
        for (void **p = t->head[which][granules]; p != NULL; p = *p)
            n++;
    return n;
}
