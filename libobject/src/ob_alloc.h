/*
 * ob_alloc.h — inline allocation for libobject's hot constructors (not a
 * public header).
 *
 * ob_alloc (object.c) serves every type: it sizes the object from the type,
 * and registers finalizable objects.  The constructors of the exact
 * built-in types that the interpreter makes by the million (int, float,
 * tuple, list, cell, bound method) know their size at compile time and have
 * no finalizer, so they take libgc's inlined free-list pop directly
 * (kgc_alloc_object_fast, NOTES-gc.md §8 in libgc): no call at all in the
 * common case.  Only for types with tp_finalize, tp_del and tp_dealloc all
 * NULL (ob_alloc would register the object otherwise).
 */
#ifndef LIBOBJECT_OB_ALLOC_H
#define LIBOBJECT_OB_ALLOC_H

#include "libgc/gc.h"
#include "libgc/head.h"
#include "libobject/libobject.h"

/* A zeroed object of `size` bytes (>= sizeof(KnObject)) whose type is
 * `type`; NULL with MemoryError set when memory is exhausted. */
static inline KnObject *ob_alloc_exact(KnTypeObject *type, size_t size)
{
    KnObject *o = (KnObject *)kgc_alloc_object_fast(size);
    if (__builtin_expect(o == NULL, 0))
        return ob_err_nomemory();
    o->ob_type = type;
    return o;
}

/* The same for a variable-size object: ob_size set to `nitems`. */
static inline KnObject *ob_alloc_exact_var(KnTypeObject *type, size_t size,
                                           kn_ssize_t nitems)
{
    KnObject *o = ob_alloc_exact(type, size);
    if (o != NULL)
        KN_SET_SIZE(o, nitems);
    return o;
}

#endif /* LIBOBJECT_OB_ALLOC_H */
