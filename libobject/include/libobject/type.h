/*
 * libobject/type.h — `type`, `object`, classes created at run time, super
 * (src/type.c, type_new.c, type_slots.c, mro.c, super.c).
 *
 * See ../../NOTES-type.md for slots, version tags, the MRO and layouts.
 */
#ifndef LIBOBJECT_TYPE_H
#define LIBOBJECT_TYPE_H

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

extern KnTypeObject ob_type_type, ob_object_type, ob_super_type;

#define KN_TYPE_OBJ_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_TYPE_SUBCLASS)

/* type(name, bases, dict): a new heap class (metaclass `meta`, usually
 * &ob_type_type).  bases is a tuple (empty: (object,)). */
KnObject *ob_type_new(KnTypeObject *meta, KnObject *name, KnObject *bases, KnObject *dict);
/* type(x). */
KnObject *ob_type_of(KnObject *o);
/* The metaclass type(name, bases, ns) would use ("metaclass conflict" when
 * none is derived from all). */
KnTypeObject *ob_type_calculate_meta(KnTypeObject *meta, KnObject *bases);

/* Call after changing a type's dict or bases from C: bumps the version
 * tag of the type and every subclass (the interpreter's caches key on it). */
void ob_type_modified(KnTypeObject *t);
/* A valid (non-zero) version tag for t, assigning one if needed; 0 when
 * the type cannot be tagged (tags exhausted). */
unsigned int ob_type_version(KnTypeObject *t);

KnObject *ob_type_qualname(KnTypeObject *t);     /* __qualname__ (str) */
KnObject *ob_type_mro_tuple(KnTypeObject *t);    /* tp_mro */

/* Generic instance creation for classes: tp_alloc + zero. */
KnObject *ob_type_generic_alloc(KnTypeObject *t, kn_ssize_t nitems);
KnObject *ob_type_generic_new(KnTypeObject *t, KnObject *args, KnObject *kwargs);

/* super(type, obj) — the two-argument form.  libjit supplies the implicit
 * __class__ cell and first argument for the zero-argument form. */
KnObject *ob_super_new(KnTypeObject *type, KnObject *obj);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_TYPE_H */
