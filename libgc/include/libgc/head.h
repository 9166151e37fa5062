/*
 * libgc/head.h -- objects the collector scans only in their head.
 */
#ifndef LIBGC_HEAD_H
#define LIBGC_HEAD_H

#include <stddef.h>

/* An object (zeroed, word 0 = KGC_REFCNT_BASE, like kgc_alloc_object) whose
 * pointers all lie in its first KGC_HEAD_SCANNED bytes: the rest (a str's
 * inline characters) is never scanned, so the collector neither reads it
 * nor retains anything through it.  An object shorter than
 * KGC_HEAD_SCANNED is scanned whole (it is all head) and takes only its own
 * size.  NULL when memory is exhausted. */
#define KGC_HEAD_SCANNED 72
void *kgc_alloc_object_head(size_t n);

#endif /* LIBGC_HEAD_H */
