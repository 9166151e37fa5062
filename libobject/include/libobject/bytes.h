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

#endif
