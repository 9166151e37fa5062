/*
 * alloc.c -- the allocation entry points of libgc/gc.h.
 *
 * Objects live in two Boehm kinds of their own (created in init.c):
 *   obj_kind   conservatively scanned, zeroed (kgc_alloc_object);
 *   weak_kind  zeroed, scanned by kgc_weak_kind_mark, which skips word 2
 *              (kgc_alloc_weakref_object).
 * Both are walked at every collection for the refcount rule (refcount.c),
 * which is why every object's heap block is noted before it is returned.
 * Everything else uses Boehm's ordinary kinds.
 */
#include "gc_internal.h"

static void *kgc_new_object(size_t n, int kind)
{
    KGC_ENSURE_INIT();
    if (n < 2 * sizeof(intptr_t))
        n = 2 * sizeof(intptr_t);
    intptr_t *p = GC_generic_malloc(n, kind);
    if (p == NULL)
        return NULL;
    /* Noted before the caller can raise the refcount: an object whose
     * refcount may exceed BASE is always on a noted block. */
    if (kgc_refcount_note_page(p) != 0)
        return NULL;
    p[0] = KGC_REFCNT_BASE;
    return p;
}

void *kgc_alloc_object(size_t n)
{
    return kgc_new_object(n, kgc_state.obj_kind);
}

void *kgc_alloc_weakref_object(size_t n)
{
    if (n < (KGC_WEAK_WORD + 1) * sizeof(void *))
        n = (KGC_WEAK_WORD + 1) * sizeof(void *);
    return kgc_new_object(n, kgc_state.weak_kind);
}

void *kgc_alloc(size_t n)
{
    KGC_ENSURE_INIT();
    return GC_malloc(n);
}

void *kgc_alloc_atomic(size_t n)
{
    KGC_ENSURE_INIT();
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
