/*
 * libobject/buffer.h — the buffer protocol (src/buffer.c).
 *
 * A KnBuffer (CPython's Py_buffer, object.h) describes memory an exporter
 * (bytes, bytearray, memoryview, array, a C extension ...) lends out.  A
 * consumer asks with ob_buffer_get and a request made of the KN_BUF_* bits
 * below (CPython's PyBUF_* values, part of the ABI), and must call
 * ob_buffer_release exactly once afterwards: a bytearray refuses to resize
 * while it has live exports.
 */
#ifndef LIBOBJECT_BUFFER_H
#define LIBOBJECT_BUFFER_H
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KN_BUF_MAX_NDIM 64

/* request flags (PyBUF_*) */
#define KN_BUF_SIMPLE 0
#define KN_BUF_WRITABLE 0x0001
#define KN_BUF_FORMAT 0x0004
#define KN_BUF_ND 0x0008
#define KN_BUF_STRIDES (0x0010 | KN_BUF_ND)
#define KN_BUF_C_CONTIGUOUS (0x0020 | KN_BUF_STRIDES)
#define KN_BUF_F_CONTIGUOUS (0x0040 | KN_BUF_STRIDES)
#define KN_BUF_ANY_CONTIGUOUS (0x0080 | KN_BUF_STRIDES)
#define KN_BUF_INDIRECT (0x0100 | KN_BUF_STRIDES)
#define KN_BUF_CONTIG (KN_BUF_ND | KN_BUF_WRITABLE)
#define KN_BUF_CONTIG_RO (KN_BUF_ND)
#define KN_BUF_STRIDED (KN_BUF_STRIDES | KN_BUF_WRITABLE)
#define KN_BUF_STRIDED_RO (KN_BUF_STRIDES)
#define KN_BUF_RECORDS (KN_BUF_STRIDES | KN_BUF_WRITABLE | KN_BUF_FORMAT)
#define KN_BUF_RECORDS_RO (KN_BUF_STRIDES | KN_BUF_FORMAT)
#define KN_BUF_FULL (KN_BUF_INDIRECT | KN_BUF_WRITABLE | KN_BUF_FORMAT)
#define KN_BUF_FULL_RO (KN_BUF_INDIRECT | KN_BUF_FORMAT)
/* PyMemoryView_FromMemory access modes */
#define KN_BUF_READ 0x100
#define KN_BUF_WRITE 0x200

/* 1 when o's type exports buffers. */
int ob_buffer_check(KnObject *o);
/* Fill view from obj's exporter; TypeError "a bytes-like object is
 * required, not 'T'" when it exports none.  0 / -1. */
int ob_buffer_get(KnObject *obj, KnBuffer *view, int flags);
/* End an export made by ob_buffer_get (no-op on a released view). */
void ob_buffer_release(KnBuffer *view);
/* PyBuffer_FillInfo: a 1-D unsigned-byte view of buf (BufferError
 * "Object is not writable." for a writable request on read-only memory). */
int ob_buffer_fill_info(KnBuffer *view, KnObject *obj, void *buf, kn_ssize_t len,
                        int readonly, int flags);
/* order 'C', 'F' or 'A' (either). */
int ob_buffer_is_contiguous(const KnBuffer *view, char order);
/* Strides of a contiguous array of shape (order 'F': first index fastest). */
void ob_buffer_fill_contiguous_strides(int ndim, const kn_ssize_t *shape,
                                       kn_ssize_t *strides, kn_ssize_t itemsize,
                                       char order);
/* Copy view's items into dst (len bytes, = view->len) in order 'C', 'F'
 * or 'A' (the view's own if contiguous, else C). 0 / -1. */
int ob_buffer_to_contiguous(void *dst, const KnBuffer *view, kn_ssize_t len, char order);
/* A C-order copy of the bytes o exports (gathered when the view is not
 * contiguous, as bytes(x), bytearray(x) and int.from_bytes(x) do in
 * CPython): *data is GC memory with a NUL after *len bytes.  1 when copied,
 * 0 with no error when o exports no buffer, -1 with the exception set. */
int ob_buffer_copy_data(KnObject *o, char **data, kn_ssize_t *len);
/* Address of the item at indices[0 .. ndim-1] (suboffsets followed). */
void *ob_buffer_get_pointer(const KnBuffer *view, const kn_ssize_t *indices);

#ifdef __cplusplus
}
#endif
#endif
