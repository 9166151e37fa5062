/*
 * array_internal.h — what the files of the `array` module share: the
 * array object, the per-typecode descriptors (array_types.c) and the
 * storage helpers (array_module.c).  See NOTES-array.md.
 */
#ifndef STDLIB_ARRAY_INTERNAL_H
#define STDLIB_ARRAY_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "libobject/buffer.h"
#include "libobject/libobject.h"
#include "libobject/slice.h"

typedef struct ArrDesc {
    char typecode;
    int itemsize;
    KnObject *(*get)(const char *p);
    int (*set)(char *p, KnObject *v);   /* -1 with the error set */
    const char *format;                 /* buffer format */
    int is_int, is_signed;
    int mformat;                        /* machine format code (little-endian host) */
} ArrDesc;

typedef struct ArrObject {
    KN_OBJECT_VAR_HEAD;                 /* ob_size: item count */
    char *items;
    kn_ssize_t allocated;               /* in items */
    const ArrDesc *d;
    KnObject *weakreflist;
    kn_ssize_t exports;
} ArrObject;

extern KnTypeObject arr_type;
extern const ArrDesc arr_descs[];       /* ends with typecode 0 */
extern KnMethodDef arr_methods[];

#define ARR_SSIZE_MAX ((kn_ssize_t)PTRDIFF_MAX)
#define ARR(o) ((ArrObject *)(o))
#define ARR_CHECK(o) ob_type_is_subtype(KN_TYPE(o), &arr_type)
#define ARR_LEN(o) KN_SIZE(o)
#define ARR_AT(o, i) (ARR(o)->items + (size_t)(i) * (size_t)ARR(o)->d->itemsize)

const ArrDesc *arr_desc_for(int typecode);
KnObject *arr_new_of(KnTypeObject *t, const ArrDesc *d, kn_ssize_t n);
/* Resize to n items (contents kept); BufferError while exporting. */
int arr_resize(KnObject *a, kn_ssize_t n);
/* Append raw items / Python items. */
int arr_append_raw(KnObject *a, const void *data, kn_ssize_t n);
int arr_extend_iterable(KnObject *a, KnObject *it);
int arr_frombytes_data(KnObject *a, const char *p, kn_ssize_t len);
int arr_fromunicode_obj(KnObject *a, KnObject *s);
KnObject *arr_tolist_obj(KnObject *a);
KnObject *arr_tounicode_obj(KnObject *a);
KnObject *arr_slice(KnObject *a, kn_ssize_t lo, kn_ssize_t hi);
/* Reverse the bytes of every item (array_methods.c). */
void arr_byteswap(KnObject *a);

#endif /* STDLIB_ARRAY_INTERNAL_H */
