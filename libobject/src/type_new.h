/*
 * type_new.h — internals of class creation (type_new*.c, heaptype.c,
 * super.c), not a public header.  See NOTES-classes.md.
 */
#ifndef LIBOBJECT_TYPE_NEW_H
#define LIBOBJECT_TYPE_NEW_H

#include "core.h"

/* The hooks libjit registered (all NULL until it does). */
extern KnClassHooks ob_type_hooks;
/* Is o a Python function (the hook's function_type, exactly)? */
int ob_type_is_function(KnObject *o);

/* Is o the `__new__` a static type's dict holds (type.c's tp_new
 * wrapper, a builtin bound to that type)? */
int ob_type_is_new_wrapper(KnObject *o);
/* A static type's tp_doc as a str, text signature stripped (type.c). */
KnObject *ob_type_internal_doc(KnTypeObject *t);

/* The C3 linearisation of t (mro.c): a tuple, TypeError when the bases
 * admit none.  type.mro() answers with it. */
KnObject *ob_mro_c3(KnTypeObject *t);

/* ---- layout (heaptype.c) ---- */

/* What __slots__ and the bases ask of a new class's instance layout. */
typedef struct KnSlotsPlan {
    KnTypeObject *base;      /* best base: its layout is extended */
    KnObject *slots;         /* tuple of mangled, sorted slot names; NULL: no __slots__ */
    kn_ssize_t nslot;
    int add_dict, add_weak;  /* add a __dict__ / __weakref__ pointer */
} KnSlotsPlan;

/* The base whose layout a class made from `bases` extends ("multiple
 * bases have instance lay-out conflict" when none extends all others). */
KnTypeObject *ob_heaptype_best_base(KnObject *bases);
/* The most derived base of t that adds C fields (instance variables). */
KnTypeObject *ob_heaptype_solid_base(KnTypeObject *t);
/* Read __slots__ from dict (the class namespace) and decide the layout. */
int ob_heaptype_plan_slots(KnSlotsPlan *plan, KnObject *name, KnObject *bases, KnObject *dict);
/* Fill tp_basicsize, tp_itemsize, tp_dictoffset, tp_weaklistoffset,
 * tp_members and tp_getset of a fresh heap type; mp has room for
 * nslot + 1 zeroed KnMemberDefs (usually inline after the type object). */
void ob_heaptype_apply_layout(KnHeapTypeObject *ht, const KnSlotsPlan *plan, KnMemberDef *mp);
/* May an instance of oldt become one of newt?  attr names the
 * assignment ("__class__", "__bases__") in the TypeError raised (0) when
 * the layouts differ. */
int ob_heaptype_layout_compatible(KnTypeObject *oldt, KnTypeObject *newt, const char *attr);
/* Private-name mangling: "__x" in class "_A" -> "_A__x". */
KnObject *ob_heaptype_mangle(KnObject *classname, KnObject *ident);

/* ---- X | Y (type_new_union.c) ---- */

int ob_type_union_check(KnObject *o);          /* a types.UnionType? */
KnObject *ob_type_union_args(KnObject *u);     /* its __args__ tuple */
/* type.__or__/__ror__: a union, the single member, or NotImplemented */
KnObject *ob_type_union_or(KnObject *a, KnObject *b);

/* How unions and generic aliases print a member (type_new_union.c). */
KnObject *ob_type_repr_item(KnObject *p);

/* ---- super (super.c) ---- */

/* Look `name` up along start's MRO in the classes after `after` and bind
 * it (descriptor __get__ with obj, or NULL when obj is start itself).
 * Returns NULL without an error when no class defines it. */
KnObject *ob_super_lookup(KnTypeObject *start, KnTypeObject *after, KnObject *obj,
                          KnObject *name);

#endif /* LIBOBJECT_TYPE_NEW_H */
