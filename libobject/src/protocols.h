/*
 * protocols.h — internals shared by the PROTOCOLS sources (abstract_*.c,
 * module.c, cell.c, mappingproxy.c, builtin_iters*.c).  Not a public header.
 */
#ifndef LIBOBJECT_PROTOCOLS_H
#define LIBOBJECT_PROTOCOLS_H

#include "libobject/libobject.h"
#include "libobject/iter.h"
#include "libgc/gc.h"
#include "core.h"

#define OB_PROTO_SSIZE_MAX ((kn_ssize_t)(((size_t)-1) >> 1))
#define OB_PROTO_SSIZE_MIN (-OB_PROTO_SSIZE_MAX - 1)

/* An interned str for a name that names.def does not carry, looked up
 * once and kept in *cache (a static: static data is a GC root).  NULL with
 * an error when interning fails. */
static inline KnObject *ob_proto_name(KnObject **cache, const char *text)
{
    if (*cache == NULL)
        *cache = ob_str_intern_cstr(text);
    return *cache;
}

/* iterators.c (CONTAINERS): tp_iter of every iterator. */
KnObject *ob_iter_self(KnObject *o);

/* abstract_seq.c: does o have a length (sq_length or mp_length)? */
int ob_proto_has_len(KnObject *o);

/* abstract_seq.c: `seq` looks like a sequence for iter()/reversed():
 * sq_item present and not a dict (CPython's PySequence_Check). */
int ob_sequence_check(KnObject *o);

#endif
