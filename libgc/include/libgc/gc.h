/*
 * libgc — Kiln's one wrapper around the Boehm-Demers-Weiser collector.
 *
 * Every other Kiln library allocates through this header and never includes
 * Boehm's own headers.  Prefix: kgc_ (functions, types), KGC_ (constants).
 *
 * The allocation entry points below are a fixed contract that libobject and
 * libjit are written against; the rest of the API (finalization queue,
 * weak references, threads, statistics) is documented in libgc/README.md.
 */
#ifndef LIBGC_GC_H
#define LIBGC_GC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every object is born with this refcount.  Extension code (through libcapi)
 * may raise it; an object whose refcount is above KGC_REFCNT_BASE is kept
 * alive, with everything it points to, even when no scanned memory refers to
 * it.  The refcount is the first word of every object (CPython's ob_refcnt). */
#define KGC_REFCNT_BASE ((intptr_t)1 << 60)

/* Turn on the refcount rule above.  Kiln's own runtime never raises a
 * refcount, so until this is called collections skip the refcount scan (a
 * walk over every object page at each collection).  libcapi calls it before
 * the first extension module runs; it cannot be turned off again. */
void kgc_refcounts_enable(void);

/* Start the collector.  Idempotent; call from the main thread before any
 * allocation. */
void kgc_init(void);

/* A Python object of n bytes (n >= 16): zeroed, scanned, first word set to
 * KGC_REFCNT_BASE.  Returns NULL when memory is exhausted (the caller raises
 * MemoryError). */
void *kgc_alloc_object(size_t n);

/* Collectable, scanned, zeroed memory that is not an object (dict tables,
 * list item arrays, frames' spill areas). */
void *kgc_alloc(size_t n);

/* Collectable memory that is never scanned for pointers (str/bytes data, int
 * digits, buffers).  NOT zeroed.  Safe to read() into. */
void *kgc_alloc_atomic(size_t n);

/* Resize memory from kgc_alloc / kgc_alloc_atomic (keeps its kind). */
void *kgc_realloc(void *p, size_t n);

/* Uncollectable, scanned, zeroed memory (PyMem_*, global roots); released
 * only by kgc_free. */
void *kgc_alloc_uncollectable(size_t n);
void kgc_free(void *p);

/* A weak-reference object of n bytes (n >= 24): like kgc_alloc_object (zeroed,
 * refcount KGC_REFCNT_BASE, scanned) except that its third word -- offset 16,
 * CPython's PyWeakReference.wr_object -- is never traced.  That word is
 * meant to be a weak slot (see libgc/weakref.h): C code reads it as a plain
 * pointer while the target lives, yet it does not keep the target alive. */
void *kgc_alloc_weakref_object(size_t n);

/* ---- the inline fast path (NOTES-gc.md §6 and §8) ----
 *
 * kgc_alloc_object_fast(n) is kgc_alloc_object(n) with the common case --
 * popping the calling thread's free list -- inlined into the caller; when
 * n is a compile-time constant the size class folds away and the whole
 * allocation is a TLS load, two loads and two stores.  Anything else (empty
 * list, big object, no lists yet, debug build) calls kgc_alloc_object.
 *
 * The layout below is libgc's, exposed only so the pop can be inlined:
 * every object of g granules is taken from head[KGC_FAST_OBJ][g]; a free
 * object's word 0 links to the next one and every other word is zero.
 * Nothing outside libgc may write these lists. */
#define KGC_GRANULE ((size_t)16)
/* Boehm's EXTRA_BYTES with all-interior-pointers on (checked in init.c; if
 * Boehm had 0 the rounding here would only waste a granule sometimes). */
#define KGC_EXTRA_BYTES ((size_t)1)
#define KGC_FAST_GRANULES 64          /* lists for objects up to 1023 bytes */
#define KGC_FAST_OBJ 0
#define KGC_FAST_WEAK 1
#define KGC_FAST_HEAD 2
#define KGC_FAST_PLAIN 3              /* kgc_alloc: Boehm's NORMAL kind */
#define KGC_FAST_ROWS 4
struct kgc_fast_lists {
    void *head[KGC_FAST_ROWS][KGC_FAST_GRANULES + 1];  /* [row][granules]; [.][0] unused */
};
/* The calling thread's lists, NULL until its first object (fastalloc.c). */
extern __thread struct kgc_fast_lists *kgc_fast_tl;

/* Granules a request of n bytes occupies, as Boehm rounds it. */
#define KGC_GRANULES(n) (((size_t)(n) + KGC_EXTRA_BYTES + KGC_GRANULE - 1) / KGC_GRANULE)

static inline void *kgc_alloc_object_fast(size_t n)
{
#ifdef NDEBUG
    size_t g = KGC_GRANULES(n);
    struct kgc_fast_lists *t = kgc_fast_tl;
    if (__builtin_expect(g <= KGC_FAST_GRANULES && n >= 2 * sizeof(intptr_t) &&
                         t != NULL, 1)) {
        intptr_t *p = (intptr_t *)t->head[KGC_FAST_OBJ][g];
        if (__builtin_expect(p != NULL, 1)) {
            t->head[KGC_FAST_OBJ][g] = (void *)p[0];
            p[0] = KGC_REFCNT_BASE;
            return p;
        }
    }
#endif
    return kgc_alloc_object(n);     /* debug builds: checks the zeroing */
}

/* kgc_alloc(n), inlined the same way: zeroed, scanned, not an object. */
static inline void *kgc_alloc_fast(size_t n)
{
#ifdef NDEBUG
    size_t g = KGC_GRANULES(n);
    struct kgc_fast_lists *t = kgc_fast_tl;
    if (__builtin_expect(g <= KGC_FAST_GRANULES && t != NULL, 1)) {
        void **p = (void **)t->head[KGC_FAST_PLAIN][g];
        if (__builtin_expect(p != NULL, 1)) {
            t->head[KGC_FAST_PLAIN][g] = p[0];
            p[0] = NULL;
            return p;
        }
    }
#endif
    return kgc_alloc(n);
}

#ifdef __cplusplus
}
#endif

/* The rest of the public API, one header per concern. */
#include "libgc/finalize.h"
#include "libgc/weakref.h"
#include "libgc/thread.h"
#include "libgc/collect.h"
#include "libgc/stats.h"

#endif /* LIBGC_GC_H */
