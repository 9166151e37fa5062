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
