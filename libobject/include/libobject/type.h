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


/* ---- additions (CLASSES: type_new*.c, heaptype.c, super.c; libobject/NOTES-classes.md) ---- */

/* Hooks libjit registers at start-up: libobject never calls the
 * interpreter directly.  Every field may be NULL. */
typedef struct KnClassHooks {
    /* The Python function type: class creation wraps a function __new__
     * in staticmethod and __init_subclass__ / __class_getitem__ in
     * classmethod, as CPython does for functions only. */
    KnTypeObject *function_type;
    /* Globals dict of the running Python frame (borrowed), NULL when
     * none: type(name, bases, dict) takes __module__ from its __name__. */
    KnObject *(*current_globals)(void);
    /* super() with no arguments: store the calling frame's __class__
     * cell contents in *type and its first argument in *obj; -1 with
     * RuntimeError set otherwise ("super(): no arguments", ...). */
    int (*super_zero_args)(KnTypeObject **type, KnObject **obj);
    /* `import name` (name a str): object.__reduce_ex__ needs copyreg. */
    KnObject *(*import_module)(KnObject *name);
} KnClassHooks;
void ob_type_set_hooks(const KnClassHooks *hooks);

/* meta(name, bases, dict, **kwargs): kwargs (a dict or NULL) go to
 * __init_subclass__ (and a metaclass's __new__/__init__). */
KnObject *ob_type_new_kw(KnTypeObject *meta, KnObject *name, KnObject *bases,
                         KnObject *dict, KnObject *kwargs);

/* The steps of a class statement, for builtins.__build_class__:
 *   bases = ob_type_build_bases(orig_bases)            (PEP 560 __mro_entries__)
 *   meta  = ob_type_build_meta(bases, kwargs)          (pops kwargs["metaclass"])
 *   ns    = ob_type_build_prepare(meta, name, bases, kwargs)
 *   ... run the class body in ns; it may store ns["__classcell__"] ...
 *   cls   = ob_type_build_class(meta, name, bases, orig_bases, ns, kwargs, cell)
 * kwargs is a dict or NULL; meta may be any callable; cell is the body's
 * __class__ cell or NULL (checked to hold the new class afterwards). */
KnObject *ob_type_build_bases(KnObject *orig_bases);
KnObject *ob_type_build_meta(KnObject *bases, KnObject *kwargs);
KnObject *ob_type_build_prepare(KnObject *meta, KnObject *name, KnObject *bases,
                                KnObject *kwargs);
KnObject *ob_type_build_class(KnObject *meta, KnObject *name, KnObject *bases,
                              KnObject *orig_bases, KnObject *ns, KnObject *kwargs,
                              KnObject *cell);

/* types.UnionType: `int | str` (PEP 604). */
extern KnTypeObject ob_union_type;

/* types.GenericAlias: `list[int]` (PEP 585).  Built-in generic classes put
 * ob_generic_alias_class_getitem_def (a classmethod __class_getitem__) in
 * their tp_methods; `type[X]` is ob_generic_alias_new(&ob_type_type, X). */
extern KnTypeObject ob_generic_alias_type;
extern KnMethodDef ob_generic_alias_class_getitem_def;
KnObject *ob_generic_alias_new(KnObject *origin, KnObject *args);   /* args: tuple or one item */

/* super(type, obj) object layout (CPython's superobject). */
typedef struct KnSuperObject {
    KN_OBJECT_HEAD;
    KnTypeObject *type;      /* the class after which lookup starts */
    KnObject *obj;           /* instance or class; NULL: unbound */
    KnTypeObject *obj_type;  /* the class whose MRO is searched */
} KnSuperObject;

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_TYPE_H */
