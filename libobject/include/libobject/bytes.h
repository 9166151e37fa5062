/* libobject/bytes.h — bytes (src/bytes.c), bytearray (src/bytearray.c). */
#ifndef LIBOBJECT_BYTES_H
#define LIBOBJECT_BYTES_H
#include "libobject/object.h"

typedef struct KnBytesObject {
    KN_OBJECT_VAR_HEAD;
    kn_hash_t ob_shash;       /* -1 until computed */
    char ob_sval[1];          /* ob_size bytes + a NUL */
} KnBytesObject;

typedef struct KnByteArrayObject {
    KN_OBJECT_VAR_HEAD;
    kn_ssize_t ob_alloc;
    char *ob_bytes;
    char *ob_start;
    kn_ssize_t ob_exports;
} KnByteArrayObject;

extern KnTypeObject ob_bytes_type, ob_bytearray_type;
#define KN_BYTES_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_BYTES_SUBCLASS)
#define KN_BYTES_AS_STRING(o) (((KnBytesObject *)(o))->ob_sval)

KnObject *ob_bytes_from_data(const void *data, kn_ssize_t len);  /* data NULL: zeroed */
KnObject *ob_bytearray_from_data(const void *data, kn_ssize_t len);

/* ---- bytes.c ---- */
/* A fresh bytes of len bytes to fill before use (never shared, unless 0). */
KnObject *ob_bytes_new_uninit(kn_ssize_t len);
kn_hash_t ob_bytes_hash(KnObject *b);            /* cached in ob_shash */
KnObject *ob_bytes_repr(KnObject *b);            /* b'...' */
KnObject *ob_bytes_concat(KnObject *a, KnObject *b);
/* <0, 0, >0 as memcmp, then by length. */
int ob_bytes_compare_data(const char *a, kn_ssize_t na, const char *b, kn_ssize_t nb);
/* repr text of raw bytes wrapped in prefix/suffix ("bytearray(" ... ")"). */
KnObject *ob_bytes_repr_data(const char *data, kn_ssize_t n, const char *prefix,
                             const char *suffix);
/* CPython's PyBuffer_FillInfo: a 1-D byte view of buf. */
int ob_bytes_fill_buffer(KnBuffer *view, KnObject *obj, void *buf, kn_ssize_t len,
                         int readonly, int flags);
int ob_bytes_getbuffer(KnObject *b, KnBuffer *view, int flags);

/* ---- ob-format: printf-style % (src/bytes_percent.c) ----
 * fmt % args for a bytes or bytearray fmt (the result has fmt's type:
 * bytes, or bytearray for a bytearray fmt), CPython 3.11's rules. */
KnObject *ob_bytes_mod_format(KnObject *fmt, KnObject *args);

#endif
