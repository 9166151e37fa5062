/* zlib_internal.h — shared by zlib_module.c and zlib_objects.c.  Not
 * public.  zlib's own allocations go through the collector (zlib_zalloc),
 * so a stream needs no finalizer: its state dies with its object. */
#ifndef STDLIB_ZLIB_INTERNAL_H
#define STDLIB_ZLIB_INTERNAL_H

#include <zlib.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/buffer.h"

#define ZL_DEF_BUF_SIZE 16384

extern KnObject *zlib_error_type;

/* zlib.error "Error <err> <msg>: <zlib's message or a fallback>". */
void zl_error(z_stream *zs, int err, const char *msg);
/* Point zs's allocator at the collector. */
void zl_init_stream(z_stream *zs);

/* A growing output buffer. */
typedef struct {
    uint8_t *buf;
    size_t len, cap;
} ZlOut;
/* Make room for at least `want` more bytes (doubling); sets zs->next_out /
 * avail_out to the free space, capped at `limit` (0: none) total bytes.
 * Returns the free space, or -1 with MemoryError. */
long long zl_out_room(ZlOut *o, z_stream *zs, size_t want, size_t limit);
/* After a call: count what zlib wrote. */
void zl_out_done(ZlOut *o, z_stream *zs);
KnObject *zl_out_bytes(ZlOut *o);

/* Feed up to UINT_MAX bytes of [*p, *p + *left) to zs. */
void zl_feed(z_stream *zs, const uint8_t **p, size_t *left);

/* Argument helpers (clinic's int and unsigned_int(bitwise=True)). */
int zl_int_arg(KnObject *o, int *out);
int zl_ssize_arg(KnObject *o, kn_ssize_t *out);

extern KnTypeObject zlib_compress_type, zlib_decompress_type;
KnObject *zl_compressobj(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *zl_decompressobj(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames);

#endif
