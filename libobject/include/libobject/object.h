/*
 * libobject/object.h — the object header, type objects and slot tables.
 *
 * These layouts ARE CPython 3.11's (x86-64): an extension compiled against
 * CPython's headers reads and writes Kiln objects through its own macros, so
 * every struct here must keep the size and field offsets of its CPython
 * counterpart (libcapi keeps a test that static-asserts them).  Field names
 * follow CPython's (they are the documented ABI); Kiln's own type names are
 * Kn*, functions ob_<file>_*.
 *
 * Memory: objects live in the Boehm heap through libgc.  The runtime never
 * counts references; ob_refcnt starts at KGC_REFCNT_BASE and only the C-API
 * layer moves it.
 */
#ifndef LIBOBJECT_OBJECT_H
#define LIBOBJECT_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef ssize_t kn_ssize_t;
typedef kn_ssize_t kn_hash_t;

typedef struct KnTypeObject KnTypeObject;

/* Every object starts with this (CPython's PyObject, 16 bytes). */
typedef struct KnObject {
    kn_ssize_t ob_refcnt;
    KnTypeObject *ob_type;
} KnObject;

/* Variable-size objects add their item count (CPython's PyVarObject). */
typedef struct KnVarObject {
    KnObject ob_base;
    kn_ssize_t ob_size;
} KnVarObject;

#define KN_OBJECT_HEAD KnObject ob_base
#define KN_OBJECT_VAR_HEAD KnVarObject ob_base

#define KN_TYPE(o) (((KnObject *)(o))->ob_type)
#define KN_SIZE(o) (((KnVarObject *)(o))->ob_size)
#define KN_SET_SIZE(o, n) (((KnVarObject *)(o))->ob_size = (n))

/* ---- slot signatures (CPython's, same order of arguments) ---- */

typedef struct KnBuffer KnBuffer;

typedef KnObject *(*unaryfunc)(KnObject *);
typedef KnObject *(*binaryfunc)(KnObject *, KnObject *);
typedef KnObject *(*ternaryfunc)(KnObject *, KnObject *, KnObject *);
typedef int (*inquiry)(KnObject *);
typedef kn_ssize_t (*lenfunc)(KnObject *);
typedef KnObject *(*ssizeargfunc)(KnObject *, kn_ssize_t);
typedef KnObject *(*ssizessizeargfunc)(KnObject *, kn_ssize_t, kn_ssize_t);
typedef int (*ssizeobjargproc)(KnObject *, kn_ssize_t, KnObject *);
typedef int (*ssizessizeobjargproc)(KnObject *, kn_ssize_t, kn_ssize_t, KnObject *);
typedef int (*objobjargproc)(KnObject *, KnObject *, KnObject *);
typedef int (*objobjproc)(KnObject *, KnObject *);
typedef int (*visitproc)(KnObject *, void *);
typedef int (*traverseproc)(KnObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(KnObject *);
typedef KnObject *(*getattrfunc)(KnObject *, char *);
typedef KnObject *(*getattrofunc)(KnObject *, KnObject *);
typedef int (*setattrfunc)(KnObject *, char *, KnObject *);
typedef int (*setattrofunc)(KnObject *, KnObject *, KnObject *);
typedef KnObject *(*reprfunc)(KnObject *);
typedef kn_hash_t (*hashfunc)(KnObject *);
typedef KnObject *(*richcmpfunc)(KnObject *, KnObject *, int);
typedef KnObject *(*getiterfunc)(KnObject *);
typedef KnObject *(*iternextfunc)(KnObject *);
typedef KnObject *(*descrgetfunc)(KnObject *, KnObject *, KnObject *);
typedef int (*descrsetfunc)(KnObject *, KnObject *, KnObject *);
typedef int (*initproc)(KnObject *, KnObject *, KnObject *);
typedef KnObject *(*newfunc)(KnTypeObject *, KnObject *, KnObject *);
typedef KnObject *(*allocfunc)(KnTypeObject *, kn_ssize_t);
typedef int (*getbufferproc)(KnObject *, KnBuffer *, int);
typedef void (*releasebufferproc)(KnObject *, KnBuffer *);
typedef KnObject *(*getter)(KnObject *, void *);
typedef int (*setter)(KnObject *, KnObject *, void *);

/* PEP 590 vectorcall: Kiln's internal calling convention.  nargsf carries
 * the positional count, possibly or-ed with KN_VECTORCALL_ARGUMENTS_OFFSET;
 * kwnames is a tuple of keyword names whose values follow the positionals. */
typedef KnObject *(*vectorcallfunc)(KnObject *callable, KnObject *const *args,
                                    size_t nargsf, KnObject *kwnames);
#define KN_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
#define KN_VECTORCALL_NARGS(n) ((kn_ssize_t)((n) & ~KN_VECTORCALL_ARGUMENTS_OFFSET))

typedef enum { KN_SEND_RETURN = 0, KN_SEND_ERROR = -1, KN_SEND_NEXT = 1 } KnSendResult;
typedef KnSendResult (*sendfunc)(KnObject *iter, KnObject *value, KnObject **result);

/* ---- slot tables ---- */

typedef struct KnNumberMethods {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved;
    unaryfunc nb_float;
    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;
    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} KnNumberMethods;

typedef struct KnSequenceMethods {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} KnSequenceMethods;

typedef struct KnMappingMethods {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} KnMappingMethods;

typedef struct KnAsyncMethods {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    sendfunc am_send;
} KnAsyncMethods;

typedef struct KnBufferProcs {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} KnBufferProcs;

/* CPython's Py_buffer. */
struct KnBuffer {
    void *buf;
    KnObject *obj;
    kn_ssize_t len;
    kn_ssize_t itemsize;
    int readonly;
    int ndim;
    char *format;
    kn_ssize_t *shape;
    kn_ssize_t *strides;
    kn_ssize_t *suboffsets;
    void *internal;
};

/* ---- method / member / getset definitions (CPython's layouts) ---- */

typedef KnObject *(*KnCFunction)(KnObject *self, KnObject *args);
typedef KnObject *(*KnCFunctionFast)(KnObject *self, KnObject *const *args, kn_ssize_t nargs);
typedef KnObject *(*KnCFunctionFastKw)(KnObject *self, KnObject *const *args,
                                       kn_ssize_t nargs, KnObject *kwnames);
typedef KnObject *(*KnCFunctionKw)(KnObject *self, KnObject *args, KnObject *kwargs);
typedef KnObject *(*KnCMethod)(KnObject *self, KnTypeObject *defining_class,
                               KnObject *const *args, size_t nargsf, KnObject *kwnames);

typedef struct KnMethodDef {
    const char *ml_name;
    KnCFunction ml_meth;    /* cast according to ml_flags */
    int ml_flags;
    const char *ml_doc;
} KnMethodDef;

#define KN_METH_VARARGS  0x0001
#define KN_METH_KEYWORDS 0x0002
#define KN_METH_NOARGS   0x0004
#define KN_METH_O        0x0008
#define KN_METH_CLASS    0x0010
#define KN_METH_STATIC   0x0020
#define KN_METH_COEXIST  0x0040
#define KN_METH_FASTCALL 0x0080
#define KN_METH_METHOD   0x0200

typedef struct KnMemberDef {
    const char *name;
    int type;               /* KN_T_* below (CPython's T_* values) */
    kn_ssize_t offset;
    int flags;              /* KN_READONLY */
    const char *doc;
} KnMemberDef;

#define KN_T_SHORT 0
#define KN_T_INT 1
#define KN_T_LONG 2
#define KN_T_FLOAT 3
#define KN_T_DOUBLE 4
#define KN_T_STRING 5
#define KN_T_OBJECT 6
#define KN_T_CHAR 7
#define KN_T_BYTE 8
#define KN_T_UBYTE 9
#define KN_T_USHORT 10
#define KN_T_UINT 11
#define KN_T_ULONG 12
#define KN_T_STRING_INPLACE 13
#define KN_T_BOOL 14
#define KN_T_OBJECT_EX 16
#define KN_T_LONGLONG 17
#define KN_T_ULONGLONG 18
#define KN_T_PYSSIZET 19
#define KN_T_NONE 20
#define KN_READONLY 1

typedef struct KnGetSetDef {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
} KnGetSetDef;

/* ---- the type object: CPython's PyTypeObject, field for field ---- */

struct KnTypeObject {
    KN_OBJECT_VAR_HEAD;
    const char *tp_name;
    kn_ssize_t tp_basicsize, tp_itemsize;
    destructor tp_dealloc;
    kn_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    KnAsyncMethods *tp_as_async;
    reprfunc tp_repr;
    KnNumberMethods *tp_as_number;
    KnSequenceMethods *tp_as_sequence;
    KnMappingMethods *tp_as_mapping;
    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    KnBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;
    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    kn_ssize_t tp_weaklistoffset;
    getiterfunc tp_iter;
    iternextfunc tp_iternext;
    KnMethodDef *tp_methods;
    KnMemberDef *tp_members;
    KnGetSetDef *tp_getset;
    KnTypeObject *tp_base;
    KnObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    kn_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    KnObject *tp_bases;
    KnObject *tp_mro;
    KnObject *tp_cache;
    KnObject *tp_subclasses;
    KnObject *tp_weaklist;
    destructor tp_del;
    unsigned int tp_version_tag;
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
};

/* A class created at run time (class statement, type(name, bases, dict)):
 * CPython's PyHeapTypeObject.  The slot tables live inline. */
typedef struct KnHeapTypeObject {
    KnTypeObject ht_type;
    KnAsyncMethods as_async;
    KnNumberMethods as_number;
    KnMappingMethods as_mapping;
    KnSequenceMethods as_sequence;
    KnBufferProcs as_buffer;
    KnObject *ht_name, *ht_slots, *ht_qualname;
    void *ht_cached_keys;
    KnObject *ht_module;
    char *_ht_tpname;
    struct { KnObject *getitem; } _spec_cache;
} KnHeapTypeObject;

/* ---- type flags (CPython's bit values) ---- */
#define KN_TPFLAGS_HAVE_FINALIZE        (1UL << 0)
#define KN_TPFLAGS_MANAGED_DICT         (1UL << 4)
#define KN_TPFLAGS_SEQUENCE             (1UL << 5)
#define KN_TPFLAGS_MAPPING              (1UL << 6)
#define KN_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define KN_TPFLAGS_IMMUTABLETYPE        (1UL << 8)
#define KN_TPFLAGS_HEAPTYPE             (1UL << 9)
#define KN_TPFLAGS_BASETYPE             (1UL << 10)
#define KN_TPFLAGS_HAVE_VECTORCALL      (1UL << 11)
#define KN_TPFLAGS_READY                (1UL << 12)
#define KN_TPFLAGS_READYING             (1UL << 13)
#define KN_TPFLAGS_HAVE_GC              (1UL << 14)
#define KN_TPFLAGS_METHOD_DESCRIPTOR    (1UL << 17)
#define KN_TPFLAGS_HAVE_VERSION_TAG     (1UL << 18)
#define KN_TPFLAGS_VALID_VERSION_TAG    (1UL << 19)
#define KN_TPFLAGS_IS_ABSTRACT          (1UL << 20)
#define KN_TPFLAGS_MATCH_SELF           (1UL << 22)
#define KN_TPFLAGS_LONG_SUBCLASS        (1UL << 24)
#define KN_TPFLAGS_LIST_SUBCLASS        (1UL << 25)
#define KN_TPFLAGS_TUPLE_SUBCLASS       (1UL << 26)
#define KN_TPFLAGS_BYTES_SUBCLASS       (1UL << 27)
#define KN_TPFLAGS_UNICODE_SUBCLASS     (1UL << 28)
#define KN_TPFLAGS_DICT_SUBCLASS        (1UL << 29)
#define KN_TPFLAGS_BASE_EXC_SUBCLASS    (1UL << 30)
#define KN_TPFLAGS_TYPE_SUBCLASS        (1UL << 31)
#define KN_TPFLAGS_DEFAULT KN_TPFLAGS_HAVE_VERSION_TAG

#define KN_TYPE_HAS_FLAG(t, f) (((t)->tp_flags & (f)) != 0)
#define KN_FAST_SUBCLASS(o, f) KN_TYPE_HAS_FLAG(KN_TYPE(o), f)

/* Rich comparison operators (CPython's values). */
#define KN_LT 0
#define KN_LE 1
#define KN_EQ 2
#define KN_NE 3
#define KN_GT 4
#define KN_GE 5

/* ---- allocation ---- */

/* A new instance of `type` with tp_basicsize + nitems * tp_itemsize bytes,
 * zeroed, ob_type and (for var objects) ob_size set.  Registers the object
 * for finalization when its type needs it.  NULL + MemoryError on failure. */
KnObject *ob_alloc(KnTypeObject *type, kn_ssize_t nitems);

/* Initialisers for statically allocated objects (singletons, static types):
 * refcount BASE (KGC_REFCNT_BASE), type set.
 *   KnObject ob_none_obj = KN_HEAD_INIT(&ob_none_type);
 *   KnTypeObject ob_int_type = { KN_VAR_HEAD_INIT(&ob_type_type, 0), "int", ... }; */
#define KN_HEAD_INIT(type) { (kn_ssize_t)1 << 60, (type) }
#define KN_VAR_HEAD_INIT(type, size) { KN_HEAD_INIT(type), (size) }

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_OBJECT_H */
