/*
 * weakref_internal.h — shared by weakref.c, weakref_proxy.c and finalize.c.
 */
#ifndef LIBOBJECT_WEAKREF_INTERNAL_H
#define LIBOBJECT_WEAKREF_INTERNAL_H

#include "libobject/weakref.h"

/* Where obj keeps the head of its weak-reference list; NULL when its type
 * has no tp_weaklistoffset (and, for the _or_error form, TypeError set). */
KnWeakReference **ob_weakref_list_head(KnObject *obj);
KnWeakReference **ob_weakref_head_or_error(KnObject *obj);

/* A new weak reference of type (ref, a subclass of it, or a proxy type),
 * or the shared basic one.  callback NULL or None: none. */
KnObject *ob_weakref_make(KnTypeObject *type, KnObject *obj, KnObject *callback);

/* kgc_set_hooks with libobject's finalize / weak-callback / dealloc hooks
 * (idempotent). */
void ob_finalize_install_hooks(void);

#endif
