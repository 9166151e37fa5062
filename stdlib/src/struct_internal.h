/*
 * struct_internal.h — the _struct module's compiled formats (NOTES-sre.md,
 * section _struct).  A format compiles once into a flat list of items, one
 * per Python value, each with its code, byte offset and size.
 */
#ifndef STDLIB_STRUCT_INTERNAL_H
#define STDLIB_STRUCT_INTERNAL_H

#include <stdint.h>

#include "libobject/libobject.h"

#define ST_SSIZE_MAX ((kn_ssize_t)(SIZE_MAX >> 1))

typedef struct StItem {
    char code;              /* the format char */
    kn_ssize_t offset;      /* byte offset in the packed data */
    kn_ssize_t size;        /* bytes of this value ('s'/'p': the count) */
} StItem;

typedef struct StStruct {
    KN_OBJECT_HEAD;
    KnObject *format;       /* str, or NULL before __init__ */
    kn_ssize_t size;        /* total bytes */
    kn_ssize_t nitems;      /* Python values packed / unpacked */
    StItem *items;
    char order;             /* '@' native, '=' native order standard sizes,
                               '<' little, '>' big */
} StStruct;

extern KnTypeObject st_struct_type, st_unpack_iter_type;
extern KnObject *st_error;              /* struct.error */

/* Compile fmt (str or bytes) into s; -1 with struct.error / TypeError. */
int st_compile(StStruct *s, KnObject *fmt);

/* Pack args[0..s->nitems-1] into buf (s->size bytes, zeroed by the caller
 * for pad bytes); -1 with the exception set. */
int st_pack_items(StStruct *s, char *buf, KnObject *const *args);
/* A tuple of the values in buf (s->size bytes). */
KnObject *st_unpack_items(StStruct *s, const char *buf);

/* A read-only (writable=0) or writable view of o's buffer. */
typedef struct StView {
    KnBuffer view;
    int has_view;
} StView;
int st_view_get(KnObject *o, StView *v, int writable);
void st_view_release(StView *v);

#endif /* STDLIB_STRUCT_INTERNAL_H */
