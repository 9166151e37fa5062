/* compress_internal.h — shared by the _bz2 and _lzma modules (part
 * compress).  Not public.  Both libraries allocate through the collector,
 * so a stream object needs no finalizer: its state dies with it. */
#ifndef STDLIB_COMPRESS_INTERNAL_H
#define STDLIB_COMPRESS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/buffer.h"

/* A growing output buffer.  `limit` caps the total (CX_NO_LIMIT: none),
 * which is how decompress(max_length) stops. */
typedef struct {
    uint8_t *buf;
    size_t len, cap;
} CxOut;

#define CX_NO_LIMIT SIZE_MAX

/* Free space after the current data, growing the buffer when it is full
 * (first block 32 KiB, then doubling) but never past `limit` total bytes.
 * *next / *avail describe the free space (capped at max_avail, the width
 * of the library's counter).  0, or -1 with MemoryError. */
int cx_out_room(CxOut *o, size_t limit, size_t max_avail, uint8_t **next, size_t *avail);
/* After a library call: the data now ends at `next`. */
static inline void cx_out_sync(CxOut *o, const uint8_t *next)
{
    if (o->buf != NULL)
        o->len = (size_t)(next - o->buf);
}
KnObject *cx_out_bytes(const CxOut *o);

/* Unconsumed input kept between decompress() calls (the caller's buffer
 * is only borrowed for one call). */
typedef struct {
    uint8_t *buf;       /* GC memory, or NULL */
    size_t len;
} CxPending;

/* The bytes to feed this call: the pending ones followed by `data`
 * (data itself when nothing is pending).  NULL with MemoryError. */
const uint8_t *cx_pending_join(CxPending *p, const uint8_t *data, size_t len, size_t *total);
/* Keep [from, from + len) for the next call (len 0: drop everything). */
int cx_pending_keep(CxPending *p, const uint8_t *from, size_t len);

/* Type helpers: a class `name` deriving from Exception in `module`. */
KnObject *cx_new_exception(const char *module, const char *name, const char *doc);

#endif
