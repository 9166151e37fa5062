/*
 * libobject/descr.h — descriptors and C-function objects
 * (src/descr.c, src/func.c, src/property.c).
 *
 * Layouts follow CPython 3.11 (PyDescrObject family, PyCFunctionObject,
 * PyMethodObject, classmethod/staticmethod) so C extensions that peek at
 * them keep working.
 */
#ifndef LIBOBJECT_DESCR_H
#define LIBOBJECT_DESCR_H

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Common prefix of method/member/getset/wrapper descriptors. */
typedef struct KnDescrObject {
    KN_OBJECT_HEAD;
    KnTypeObject *d_type;
    KnObject *d_name;
    KnObject *d_qualname;
} KnDescrObject;

typedef struct KnMethodDescrObject {
    KnDescrObject d_common;
    KnMethodDef *d_method;
    vectorcallfunc vectorcall;
} KnMethodDescrObject;

typedef struct KnMemberDescrObject {
    KnDescrObject d_common;
    KnMemberDef *d_member;
} KnMemberDescrObject;

typedef struct KnGetSetDescrObject {
    KnDescrObject d_common;
    KnGetSetDef *d_getset;
} KnGetSetDescrObject;

/* A slot exposed as a method ("slot wrapper"): d_base describes the slot
 * (Kiln's KnSlotDef, src/type_slots.c), d_wrapped the C slot function. */
struct KnSlotDef;
typedef struct KnWrapperDescrObject {
    KnDescrObject d_common;
    const struct KnSlotDef *d_base;
    void *d_wrapped;
} KnWrapperDescrObject;

/* A slot wrapper bound to an instance ("method-wrapper"). */
typedef struct KnMethodWrapperObject {
    KN_OBJECT_HEAD;
    KnWrapperDescrObject *descr;
    KnObject *self;
} KnMethodWrapperObject;

/* builtin_function_or_method (CPython's PyCFunctionObject). */
typedef struct KnCFunctionObject {
    KN_OBJECT_HEAD;
    KnMethodDef *m_ml;
    KnObject *m_self;        /* bound instance, module, or NULL */
    KnObject *m_module;      /* __module__ */
    KnObject *m_weakreflist;
    vectorcallfunc vectorcall;
} KnCFunctionObject;

/* A Python function bound to an instance (CPython's PyMethodObject). */
typedef struct KnMethodObject {
    KN_OBJECT_HEAD;
    KnObject *im_func;
    KnObject *im_self;
    KnObject *im_weakreflist;
    vectorcallfunc vectorcall;
} KnMethodObject;

/* classmethod / staticmethod. */
typedef struct KnClassMethodObject {
    KN_OBJECT_HEAD;
    KnObject *cm_callable;
    KnObject *cm_dict;
} KnClassMethodObject;

typedef struct KnPropertyObject {
    KN_OBJECT_HEAD;
    KnObject *prop_get, *prop_set, *prop_del, *prop_doc, *prop_name;
    int getter_doc;
} KnPropertyObject;

extern KnTypeObject ob_method_descr_type, ob_classmethod_descr_type, ob_member_descr_type,
    ob_getset_descr_type, ob_wrapper_descr_type, ob_method_wrapper_type,
    ob_cfunction_type, ob_method_type, ob_classmethod_type, ob_staticmethod_type,
    ob_property_type;

KnObject *ob_descr_new_method(KnTypeObject *t, KnMethodDef *m);
KnObject *ob_descr_new_classmethod(KnTypeObject *t, KnMethodDef *m);
KnObject *ob_descr_new_member(KnTypeObject *t, KnMemberDef *m);
KnObject *ob_descr_new_getset(KnTypeObject *t, KnGetSetDef *g);
KnObject *ob_descr_new_wrapper(KnTypeObject *t, const struct KnSlotDef *s, void *wrapped);

/* A builtin function for `ml`, bound to `self` (NULL: unbound / module). */
KnObject *ob_cfunction_new(KnMethodDef *ml, KnObject *self, KnObject *module);
/* Bound method object for a Python function (or any callable). */
KnObject *ob_method_new(KnObject *func, KnObject *self);
KnObject *ob_classmethod_new(KnObject *callable);
KnObject *ob_staticmethod_new(KnObject *callable);

/* Member access for KnMemberDef (used by descriptors and __slots__). */
KnObject *ob_member_get(KnObject *obj, KnMemberDef *m);
int ob_member_set(KnObject *obj, KnMemberDef *m, KnObject *value);

#ifdef __cplusplus
}
#endif

/* ---- part jit-fixes: text signatures of built-in docstrings ----
 * A docstring "name(params)\n--\n\nbody" (src/doc_sig.c): the
 * __text_signature__ "(params)" (None when doc has no such header for
 * name), and the __doc__ body (None when empty or doc is NULL). */
KnObject *ob_doc_text_signature(const char *name, const char *doc);
KnObject *ob_doc_body(const char *name, const char *doc);

/* ---- part jit-fixes: pickling bound methods (src/func_reduce.c) ----
 * libjit registers builtins.getattr at start-up; a bound method (Python
 * or built-in) then reduces to (getattr, (obj, name)). */
void ob_func_register_builtin_getattr(KnObject *getattr_function);
KnObject *ob_reduce_as_getattr(KnObject *obj, KnObject *name);
KnObject *ob_method_reduce(KnObject *method, KnObject *unused);

#endif /* LIBOBJECT_DESCR_H */
