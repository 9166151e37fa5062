/*
 * libgc/collect.h -- explicit collection and automatic-collection switch
 * (the gc module's collect/disable/enable/isenabled).
 */
#ifndef LIBGC_COLLECT_H
#define LIBGC_COLLECT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A full, stop-the-world collection followed by the finalization queue
 * (kgc_run_finalizers), repeated until objects that were finalized have had
 * their resurrection check, so that garbage with finalizers is destroyed in
 * one call as in CPython.  Works while automatic collection is disabled.
 * Returns the number of objects destroyed (reached the dealloc step). */
size_t kgc_collect(void);

/* Turn automatic collection off / on.  Not nested: like gc.disable() and
 * gc.enable(), the last call wins. */
void kgc_disable(void);
void kgc_enable(void);
int kgc_is_enabled(void);

#ifdef __cplusplus
}
#endif
#endif /* LIBGC_COLLECT_H */
