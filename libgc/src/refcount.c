/*
 * refcount.c -- the refcount rule: an object whose first word (ob_refcnt) is
 * above KGC_REFCNT_BASE is a root.  It is marked, and everything it points
 * to is traced, at every collection, wherever (or whether) it is referenced.
 *
 * Mechanism (NOTES-gc.md explains why not a disclaim procedure):
 *   - once kgc_refcounts_enable ran, every heap block that ever held an
 *     object of obj_kind, weak_kind or head_kind is noted in a set
 *     (kgc_refcount_note_page, from the allocators; a small per-thread
 *     cache keeps that off the fast path; enabling notes the blocks of the
 *     objects that exist by then, NOTES-gc.md §7);
 *   - Boehm calls kgc_push_refcounted while pushing roots, world stopped,
 *     allocation lock held.  It walks the noted blocks that still belong to
 *     one of our kinds and, for each object whose refcount word is above
 *     BASE, sets its mark bit and pushes its contents.
 *
 * Free-list entries hold a link pointer (< 2^47) or zero in their first
 * word, so they can never look like a refcount above BASE = 2^60.
 * The set is only ever written and read under the allocation lock, and it
 * never shrinks: stale entries (blocks freed or given to another kind) are
 * recognised by asking Boehm for the block's kind each time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc_internal.h"

/* Open-addressing set of block addresses, stored hidden (~address) so that
 * no copy of them -- here or in the per-thread cache, which may sit in
 * memory the collector scans -- looks like a pointer: a large object starts
 * at its block's address, and a visible copy would retain it.  0 marks an
 * empty bucket. */
static uintptr_t *kgc_pages;
static size_t kgc_pages_cap;   /* power of two */
static size_t kgc_pages_len;

static GC_push_other_roots_proc kgc_prev_push;

#define KGC_PAGE_CACHE 16
static _Thread_local uintptr_t kgc_page_cache[KGC_PAGE_CACHE];

static size_t kgc_page_hash(uintptr_t page, size_t cap)
{
    uintptr_t h = (~page >> 12) * (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(h >> 20) & (cap - 1);
}

static void kgc_pages_put(uintptr_t *tab, size_t cap, uintptr_t page)
{
    size_t i = kgc_page_hash(page, cap);
    while (tab[i] != 0 && tab[i] != page)
        i = (i + 1) & (cap - 1);
    tab[i] = page;
}

static int kgc_pages_has(uintptr_t page)
{
    if (kgc_pages_cap == 0)
        return 0;
    size_t i = kgc_page_hash(page, kgc_pages_cap);
    while (kgc_pages[i] != 0) {
        if (kgc_pages[i] == page)
            return 1;
        i = (i + 1) & (kgc_pages_cap - 1);
    }
    return 0;
}

/* Runs under the allocation lock (GC_call_with_alloc_lock): uses libc
 * malloc only, never the collector. */
static void *GC_CALLBACK kgc_pages_insert(void *arg)
{
    uintptr_t page = (uintptr_t)arg;
    if (kgc_pages_has(page))
        return (void *)1;
    if ((kgc_pages_len + 1) * 2 > kgc_pages_cap) {
        size_t cap = kgc_pages_cap ? kgc_pages_cap * 2 : 1024;
        uintptr_t *tab = calloc(cap, sizeof *tab);
        if (tab == NULL)
            return NULL;
        for (size_t i = 0; i < kgc_pages_cap; i++)
            if (kgc_pages[i] != 0)
                kgc_pages_put(tab, cap, kgc_pages[i]);
        free(kgc_pages);
        kgc_pages = tab;
        kgc_pages_cap = cap;
    }
    kgc_pages_put(kgc_pages, kgc_pages_cap, page);
    kgc_pages_len++;
    return (void *)1;
}

/* Off until kgc_refcounts_enable: nothing can raise a refcount before, so
 * no block needs noting and the collection hook skips the walk. */
atomic_int kgc_refcounts_on;

int kgc_refcount_note_page(void *obj)
{
    if (!atomic_load(&kgc_refcounts_on))
        return 0;
    uintptr_t page = ~((uintptr_t)obj & ~(KGC_HBLKSIZE - 1));   /* hidden */
    size_t c = (size_t)(~page >> 12) & (KGC_PAGE_CACHE - 1);
    if (kgc_page_cache[c] == page)
        return 0;
    if (GC_call_with_alloc_lock(kgc_pages_insert, (void *)page) == NULL)
        return -1;
    kgc_page_cache[c] = page;
    return 0;
}

/* Keep obj and what it points to.  World stopped, allocation lock held. */
static void kgc_keep(char *obj, size_t size, int kind)
{
    if (GC_is_marked(obj))
        return;           /* already marked: its contents are or will be
                             traced (also after a mark-stack overflow) */
    GC_set_mark_bit(obj);
    if (kind == kgc_state.weak_kind) {
        GC_push_all(obj, obj + KGC_WEAK_WORD * sizeof(void *));
        GC_push_all(obj + (KGC_WEAK_WORD + 1) * sizeof(void *), obj + size);
    } else if (kind == kgc_state.head_kind) {
        GC_push_all(obj, obj + KGC_HEAD_SCANNED);
    } else {
        GC_push_all(obj, obj + size);
    }
    atomic_fetch_add_explicit(&kgc_state.refcount_kept, 1,
                              memory_order_relaxed);
}

static int kgc_refcount_raised(const char *obj)
{
    return *(const intptr_t *)obj > KGC_REFCNT_BASE;
}

static void kgc_scan_block(uintptr_t hidden)
{
    uintptr_t page = ~hidden;
    char *base = GC_base((void *)page);
    if (base == NULL)
        return;                       /* free block, or not heap any more */
    size_t size;
    int kind = GC_get_kind_and_size(base, &size);
    if (kind != kgc_state.obj_kind && kind != kgc_state.weak_kind &&
        kind != kgc_state.head_kind)
        return;
    if (size > KGC_MAXSMALL) {
        /* one large object; handle it from its first block only */
        if ((uintptr_t)base == page && kgc_refcount_raised(base))
            kgc_keep(base, size, kind);
        return;
    }
    for (uintptr_t off = 0; off + size <= KGC_HBLKSIZE; off += size) {
        char *obj = (char *)page + off;
        if (kgc_refcount_raised(obj))
            kgc_keep(obj, size, kind);
    }
}

/* Enumeration callback, allocation lock held: note the block of every
 * marked object of our kinds. */
static void GC_CALLBACK kgc_note_marked(void *obj, size_t bytes, void *failed)
{
    (void)bytes;
    int kind = GC_get_kind_and_size(obj, NULL);
    if (kind != kgc_state.obj_kind && kind != kgc_state.weak_kind &&
        kind != kgc_state.head_kind)
        return;
    uintptr_t page = ~((uintptr_t)obj & ~(KGC_HBLKSIZE - 1));   /* hidden */
    if (kgc_pages_insert((void *)page) == NULL)
        *(int *)failed = 1;
}

static void *GC_CALLBACK kgc_note_all_marked(void *failed)
{
    GC_enumerate_reachable_objects_inner(kgc_note_marked, failed);
    return NULL;
}

/* Blocks are not noted while refcounts are off.  Turning them on sets the
 * flag first (allocations from then on note their blocks), then collects:
 * every object allocated before is then either garbage or marked -- on a
 * thread's free list, on a stack, or referenced -- and its block is noted
 * from the mark bits.  An allocator that read the flag as off got its
 * object before that collection, so the object is marked. */
void kgc_refcounts_enable(void)
{
    KGC_ENSURE_INIT();
    if (atomic_exchange(&kgc_refcounts_on, 1))
        return;
    kgc_collect_world();
    int failed = 0;
    GC_call_with_alloc_lock(kgc_note_all_marked, &failed);
    if (failed) {
        fprintf(stderr, "libgc: out of memory noting heap blocks for refcounts\n");
        abort();
    }
}

static void GC_CALLBACK kgc_push_refcounted(void)
{
    if (kgc_prev_push != NULL)
        kgc_prev_push();      /* Boehm's default pushes thread stacks */
    if (!atomic_load(&kgc_refcounts_on))
        return;               /* nothing can have raised a refcount */
    /* Roots may be pushed again after a mark-stack overflow: count per
     * collection, not per call. */
    static GC_word last_gc_no = ~(GC_word)0;
    if (GC_get_gc_no() != last_gc_no) {
        last_gc_no = GC_get_gc_no();
        atomic_store_explicit(&kgc_state.refcount_kept, 0,
                              memory_order_relaxed);
    }
    for (size_t i = 0; i < kgc_pages_cap; i++)
        if (kgc_pages[i] != 0)
            kgc_scan_block(kgc_pages[i]);
}

void kgc_refcount_install(void)
{
    kgc_prev_push = GC_get_push_other_roots();
    GC_set_push_other_roots(kgc_push_refcounted);
}
