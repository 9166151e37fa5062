/*
 * core.h — internals shared by CORE's files (not a public header).
 */
#ifndef LIBOBJECT_CORE_H
#define LIBOBJECT_CORE_H

#include "libobject/libobject.h"

/* ---- interned names: KN_ID(__add__) is the str "__add__" ---- */
enum {
#define X(n) OB_NAME_##n,
#include "names.def"
#undef X
    OB_NAME_COUNT
};
extern KnObject *ob_names[OB_NAME_COUNT];
#define KN_ID(n) (ob_names[OB_NAME_##n])
int ob_names_init(void);

/* Short name of an object's type, for messages. */
#define KN_TNAME(o) ob_type_name(KN_TYPE(o))

/* ---- slot table (type_slots.c) ---- */

/* How a slot wrapper calls its C function. */
typedef enum {
    KN_WRAP_UNARY, KN_WRAP_BINARY, KN_WRAP_BINARY_R, KN_WRAP_TERNARY,
    KN_WRAP_TERNARY_R, KN_WRAP_INQUIRY, KN_WRAP_LEN, KN_WRAP_SQ_ITEM,
    KN_WRAP_SQ_SETITEM, KN_WRAP_SQ_DELITEM, KN_WRAP_OBJOBJ, KN_WRAP_OBJOBJARG_SET,
    KN_WRAP_OBJOBJARG_DEL, KN_WRAP_HASH, KN_WRAP_CALL, KN_WRAP_RICHCMP,
    KN_WRAP_NEXT, KN_WRAP_DESCR_GET, KN_WRAP_DESCR_SET, KN_WRAP_DESCR_DELETE,
    KN_WRAP_INIT, KN_WRAP_SETATTR, KN_WRAP_DELATTR, KN_WRAP_GETATTR,
    KN_WRAP_SQ_REPEAT, KN_WRAP_DEL
} KnWrapKind;

typedef struct KnSlotDef {
    const char *name;       /* "__add__" */
    int table;              /* 0 type, 1 number, 2 sequence, 3 mapping, 4 async */
    size_t offset;          /* offset of the slot within its table/type */
    void *dispatch;         /* slot function for Python-defined dunders */
    int wrap;               /* KnWrapKind; -1: no wrapper exposed */
    int richop;             /* for KN_WRAP_RICHCMP */
    const char *doc;
} KnSlotDef;

extern const KnSlotDef ob_slotdefs[];
extern const int ob_slotdefs_count;
void **ob_slot_ptr(KnTypeObject *t, const KnSlotDef *s);   /* NULL: table absent */
KnObject *ob_slot_wrapper_call(KnWrapperDescrObject *d, KnObject *self,
                               KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
/* After a class is created or its __dict__ changes: point every C slot at
 * the dispatch function for each dunder found along the MRO. */
int ob_type_fixup_slots(KnTypeObject *t);
int ob_type_update_slot(KnTypeObject *t, KnObject *name);
/* Add slot wrappers for t's own C slots to t->tp_dict. */
int ob_type_add_slot_wrappers(KnTypeObject *t);

/* ---- type internals ---- */
int ob_mro_compute(KnTypeObject *t);          /* mro.c: fills tp_mro */
void ob_type_inherit_slots(KnTypeObject *t, KnTypeObject *base);
KnObject *ob_type_call(KnObject *type, KnObject *args, KnObject *kwargs);
KnObject *ob_type_getattro(KnObject *type, KnObject *name);
int ob_type_setattro(KnObject *type, KnObject *name, KnObject *value);
KnObject *ob_object_new(KnTypeObject *t, KnObject *args, KnObject *kwargs);
int ob_object_init(KnObject *self, KnObject *args, KnObject *kwargs);
KnObject *ob_object_richcompare(KnObject *a, KnObject *b, int op);
KnObject *ob_object_repr(KnObject *o);
KnObject *ob_object_str(KnObject *o);
kn_hash_t ob_object_hash(KnObject *o);          /* identity hash */
int ob_type_add_subclass(KnTypeObject *base, KnTypeObject *sub);
extern KnMethodDef ob_object_methods[];
extern KnGetSetDef ob_object_getset[];
/* Instance __dict__ slot (NULL when the type has none). */
KnObject **ob_object_dict_ptr(KnObject *o);
KnObject *ob_object_get_dict(KnObject *o, void *closure);
int ob_object_set_dict(KnObject *o, KnObject *v, void *closure);

/* ---- calls ---- */
KnObject *ob_call_tp_call_fallback(KnObject *callable, KnObject *const *args,
                                   size_t nargsf, KnObject *kwnames);
KnObject *ob_call_with_self(KnObject *callable, KnObject *self, KnObject *const *args,
                            kn_ssize_t nargs, KnObject *kwnames);
/* Look a special method up on type(o) and call it bound to o; *found set
 * to 0 when missing (returns NULL without error). */
KnObject *ob_call_special(KnObject *o, KnObject *name, KnObject *const *args,
                          kn_ssize_t nargs, int *found);
/* kwargs dict -> (values appended to a new array, kwnames tuple). */
int ob_call_split_kwargs(KnObject *args, KnObject *kwargs, KnObject ***stack,
                         kn_ssize_t *nargs, KnObject **kwnames);

/* __reduce__ of the method, member and slot-wrapper descriptors:
 * getattr(owner class, name) (descr.c).  As in CPython, classmethod and
 * getset descriptors have none and do not pickle. */
extern KnMethodDef ob_descr_methods[];
/* tp_call for vectorcall-only types (descr.c). */
KnObject *ob_call_via_vectorcall(KnObject *callable, KnObject *args, KnObject *kwargs);
/* Call a KnMethodDef with its calling convention (func.c); qualprefix is
 * the class name printed in argument errors ("list" -> "list.append()"). */
KnObject *ob_cfunction_call_def(KnMethodDef *ml, KnObject *self, const char *qualprefix,
                                KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *ob_type_instancecheck(KnObject *self, KnObject *o);
KnObject *ob_type_subclasscheck(KnObject *self, KnObject *o);
KnObject *ob_type_new_entry(KnTypeObject *meta, KnObject *args, KnObject *kwargs);
int ob_type_init_entry(KnObject *self, KnObject *args, KnObject *kwargs);
KnObject *ob_mappingproxy_new(KnObject *mapping);
extern KnTypeObject ob_mappingproxy_type;

/* ---- errors ---- */
/* Format like ob_err_format into a fresh str (own small formatter). */
KnObject *ob_errfmt_str(const char *fmt, va_list ap);
void ob_err_attribute(KnObject *o, KnObject *name);   /* "'X' object has no attribute 'y'" */

/* ---- exceptions ---- */
int ob_exceptions_init(void);
int ob_none_init(void);

/* ---- ob-difftest: is f the tp_setattro of classes with __setattr__ in Python? ---- */
int ob_slot_is_python_setattro(setattrofunc f);

#endif /* LIBOBJECT_CORE_H */
