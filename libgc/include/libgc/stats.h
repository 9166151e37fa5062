/*
 * libgc/stats.h -- numbers for the gc module and for debugging.
 */
#ifndef LIBGC_STATS_H
#define LIBGC_STATS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct kgc_stats {
    size_t heap_size;          /* bytes of heap obtained from the OS, mapped */
    size_t free_bytes;         /* of which free                              */
    size_t unmapped_bytes;     /* heap returned to the OS                    */
    size_t bytes_since_gc;     /* allocated since the last collection        */
    size_t total_bytes;        /* allocated since start-up                   */
    uint64_t collections;      /* collections so far                         */
    uint64_t finalizers_run;   /* finalize hook calls                        */
    uint64_t objects_destroyed;/* objects that reached the dealloc step      */
    uint64_t weak_cleared;     /* weak slots set to the sentinel             */
    uint64_t refcount_kept;    /* objects kept by refcount > BASE in the
                                  last collection                            */
};

/* Fill *out.  Safe to call from any registered thread. */
void kgc_get_stats(struct kgc_stats *out);

#ifdef __cplusplus
}
#endif
#endif /* LIBGC_STATS_H */
