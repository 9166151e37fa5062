/*
 * libobject/memoryview.h — memoryview and its managed buffer
 * (src/memoryview*.c).  Layouts are CPython 3.11's _PyManagedBufferObject
 * and PyMemoryViewObject (Include/memoryobject.h): extensions read
 * PyMemoryView_GET_BUFFER through them.
 *
 * One managed buffer holds the exporter's view ("master") for every
 * memoryview made from it, directly or by slicing / casting; the master is
 * released when the last of those views is released.
 */
#ifndef LIBOBJECT_MEMORYVIEW_H
#define LIBOBJECT_MEMORYVIEW_H
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KN_MBUF_RELEASED 0x001
#define KN_MBUF_FREE_FORMAT 0x002

typedef struct KnManagedBufferObject {
    KN_OBJECT_HEAD;
    int flags;
    kn_ssize_t exports;       /* memoryviews registered on it */
    KnBuffer master;
} KnManagedBufferObject;

#define KN_MV_RELEASED 0x001
#define KN_MV_C 0x002
#define KN_MV_FORTRAN 0x004
#define KN_MV_SCALAR 0x008
#define KN_MV_PIL 0x010

typedef struct KnMemoryViewObject {
    KN_OBJECT_VAR_HEAD;       /* ob_size: 3 * ndim */
    KnManagedBufferObject *mbuf;
    kn_hash_t hash;           /* -1 until computed */
    int flags;                /* KN_MV_* */
    kn_ssize_t exports;       /* buffers exported from this view */
    KnBuffer view;
    KnObject *weakreflist;
    kn_ssize_t ob_array[1];   /* shape, strides, suboffsets */
} KnMemoryViewObject;

extern KnTypeObject ob_memoryview_type, ob_managedbuffer_type, ob_memoryview_iter_type;
#define KN_MEMORYVIEW_CHECK(o) KN_TYPE_CHECK(o, &ob_memoryview_type)

/* memoryview(obj). */
KnObject *ob_memoryview_from_object(KnObject *obj);
/* A view of raw memory (flags KN_BUF_READ or KN_BUF_WRITE). */
KnObject *ob_memoryview_from_memory(char *mem, kn_ssize_t size, int flags);

#ifdef __cplusplus
}
#endif
#endif
