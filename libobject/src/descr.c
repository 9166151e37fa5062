/*
 * descr.c — descriptors for C-level definitions: method descriptors
 * (KnMethodDef, incl. classmethod descriptors), member descriptors
 * (KnMemberDef), getset descriptors (KnGetSetDef).  Slot wrappers and
 * method-wrappers are in type_slots.c / slot_wrap.c.
 */
#include <string.h>

#include "core.h"

KnObject *ob_call_via_vectorcall(KnObject *callable, KnObject *args, KnObject *kwargs);
KnObject *ob_cfunction_call_def(KnMethodDef *ml, KnObject *self, const char *qualprefix,
                                KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);

static KnObject *descr_alloc(KnTypeObject *dt, KnTypeObject *owner, const char *name)
{
    KnDescrObject *d = (KnDescrObject *)ob_alloc(dt, 0);
    if (d == NULL)
        return NULL;
    d->d_type = owner;
    d->d_name = ob_str_intern_cstr(name);
    if (d->d_name == NULL)
        return NULL;
    return (KnObject *)d;
}

#define DESCR(o) ((KnDescrObject *)(o))


/* obj must be an instance of the descriptor's class. */
static int descr_check(KnObject *d, KnObject *obj)
{
    if (KN_TYPE_CHECK(obj, DESCR(d)->d_type))
        return 0;
    ob_err_format(ob_exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                  DESCR(d)->d_name, DESCR(d)->d_type->tp_name, KN_TNAME(obj));
    return -1;
}

static KnObject *descr_get_name(KnObject *d, void *c) { return DESCR(d)->d_name; }
static KnObject *descr_get_objclass(KnObject *d, void *c) { return (KnObject *)DESCR(d)->d_type; }
static KnObject *descr_get_qualname(KnObject *d, void *c)
{
    if (DESCR(d)->d_qualname == NULL)
        DESCR(d)->d_qualname = ob_str_from_format("%s.%U", ob_type_name(DESCR(d)->d_type),
                                                  DESCR(d)->d_name);
    return DESCR(d)->d_qualname;
}

static KnObject *descr_reduce(KnObject *d, KnObject *unused)
{
    (void)unused;
    return ob_reduce_as_getattr((KnObject *)DESCR(d)->d_type, DESCR(d)->d_name);
}

KnMethodDef ob_descr_methods[] = {
    { "__reduce__", descr_reduce, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static KnObject *doc_from(const char *doc)
{
    return doc ? ob_str_from_cstr(doc) : KN_None;
}

/* ----------------------------------------------------- method descriptor */

#define MDESCR(o) ((KnMethodDescrObject *)(o))

static KnObject *method_vectorcall(KnObject *d, KnObject *const *args, size_t nargsf,
                                   KnObject *kwnames)
{
    kn_ssize_t nargs = KN_VECTORCALL_NARGS(nargsf);
    if (nargs < 1)
        return ob_err_format(ob_exc_TypeError, "unbound method %s.%U() needs an argument",
                             ob_type_name(DESCR(d)->d_type), DESCR(d)->d_name);
    if (descr_check(d, args[0]) < 0)
        return NULL;
    return ob_cfunction_call_def(MDESCR(d)->d_method, args[0],
                                 ob_type_name(DESCR(d)->d_type), args + 1, nargs - 1, kwnames);
}

static KnObject *classmethod_vectorcall(KnObject *d, KnObject *const *args, size_t nargsf,
                                        KnObject *kwnames)
{
    kn_ssize_t nargs = KN_VECTORCALL_NARGS(nargsf);
    if (nargs < 1)
        return ob_err_format(ob_exc_TypeError,
                             "descriptor '%U' of '%s' object needs an argument",
                             DESCR(d)->d_name, DESCR(d)->d_type->tp_name);
    if (!KN_TYPE_OBJ_CHECK(args[0]))
        return ob_err_format(ob_exc_TypeError,
                             "descriptor '%U' for type '%s' needs a type, not a '%s' as arg 2",
                             DESCR(d)->d_name, DESCR(d)->d_type->tp_name, KN_TNAME(args[0]));
    return ob_cfunction_call_def(MDESCR(d)->d_method, args[0],
                                 ob_type_name(DESCR(d)->d_type), args + 1, nargs - 1, kwnames);
}

static KnObject *method_get(KnObject *d, KnObject *obj, KnObject *type)
{
    if (obj == NULL)
        return d;
    if (descr_check(d, obj) < 0)
        return NULL;
    return ob_cfunction_new(MDESCR(d)->d_method, obj, NULL);
}

static KnObject *classmethod_get(KnObject *d, KnObject *obj, KnObject *type)
{
    if (type == NULL)
        type = (KnObject *)KN_TYPE(obj);
    if (!KN_TYPE_OBJ_CHECK(type) || !ob_type_is_subtype((KnTypeObject *)type, DESCR(d)->d_type))
        return ob_err_format(ob_exc_TypeError,
                             "descriptor '%U' for type '%s' doesn't apply to type '%s'",
                             DESCR(d)->d_name, DESCR(d)->d_type->tp_name,
                             ((KnTypeObject *)type)->tp_name);
    return ob_cfunction_new(MDESCR(d)->d_method, type, NULL);
}

static KnObject *method_repr(KnObject *d)
{
    return ob_str_from_format("<method '%U' of '%s' objects>", DESCR(d)->d_name,
                              DESCR(d)->d_type->tp_name);
}

static KnObject *method_get_doc(KnObject *d, void *c)
{
    return ob_doc_body(MDESCR(d)->d_method->ml_name, MDESCR(d)->d_method->ml_doc);
}

static KnObject *method_get_text_signature(KnObject *d, void *c)
{
    return ob_doc_text_signature(MDESCR(d)->d_method->ml_name, MDESCR(d)->d_method->ml_doc);
}

static KnGetSetDef method_getset[] = {
    { "__name__", descr_get_name, NULL, NULL, NULL },
    { "__qualname__", descr_get_qualname, NULL, NULL, NULL },
    { "__objclass__", descr_get_objclass, NULL, NULL, NULL },
    { "__doc__", method_get_doc, NULL, NULL, NULL },
    { "__text_signature__", method_get_text_signature, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject ob_method_descr_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(KnMethodDescrObject),
    .tp_vectorcall_offset = offsetof(KnMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = ob_call_via_vectorcall,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_VECTORCALL | KN_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_methods = ob_descr_methods,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
};

KnTypeObject ob_classmethod_descr_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(KnMethodDescrObject),
    .tp_vectorcall_offset = offsetof(KnMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = ob_call_via_vectorcall,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_VECTORCALL,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_get,
};

KnObject *ob_descr_new_method(KnTypeObject *t, KnMethodDef *m)
{
    KnObject *d = descr_alloc(&ob_method_descr_type, t, m->ml_name);
    if (d != NULL) {
        MDESCR(d)->d_method = m;
        MDESCR(d)->vectorcall = method_vectorcall;
    }
    return d;
}

KnObject *ob_descr_new_classmethod(KnTypeObject *t, KnMethodDef *m)
{
    KnObject *d = descr_alloc(&ob_classmethod_descr_type, t, m->ml_name);
    if (d != NULL) {
        MDESCR(d)->d_method = m;
        MDESCR(d)->vectorcall = classmethod_vectorcall;
    }
    return d;
}

/* tp_call for vectorcall-only types: go through the vectorcall slot. */
KnObject *ob_call_via_vectorcall(KnObject *callable, KnObject *args, KnObject *kwargs)
{
    vectorcallfunc f = *(vectorcallfunc *)((char *)callable + KN_TYPE(callable)->tp_vectorcall_offset);
    KnObject **stack, *kwnames;
    kn_ssize_t nargs;
    if (ob_call_split_kwargs(args, kwargs, &stack, &nargs, &kwnames) < 0)
        return NULL;
    return f(callable, stack, (size_t)nargs, kwnames);
}

/* ----------------------------------------------------- member descriptor */

#define MEMBER(o) (((KnMemberDescrObject *)(o))->d_member)

KnObject *ob_member_get(KnObject *obj, KnMemberDef *m)
{
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case KN_T_SHORT: return ob_int_from_ssize(*(short *)addr);
    case KN_T_INT: return ob_int_from_ssize(*(int *)addr);
    case KN_T_LONG: return ob_int_from_ssize(*(long *)addr);
    case KN_T_PYSSIZET: return ob_int_from_ssize(*(kn_ssize_t *)addr);
    case KN_T_UINT: return ob_int_from_unsigned_long_long(*(unsigned *)addr);
    case KN_T_USHORT: return ob_int_from_ssize(*(unsigned short *)addr);
    case KN_T_ULONG: return ob_int_from_unsigned_long_long(*(unsigned long *)addr);
    case KN_T_LONGLONG: return ob_int_from_long_long(*(long long *)addr);
    case KN_T_ULONGLONG: return ob_int_from_unsigned_long_long(*(unsigned long long *)addr);
    case KN_T_BYTE: return ob_int_from_ssize(*(signed char *)addr);
    case KN_T_UBYTE: return ob_int_from_ssize(*(unsigned char *)addr);
    case KN_T_BOOL: return KN_BOOL(*(char *)addr);
    case KN_T_FLOAT: return ob_float_from_double(*(float *)addr);
    case KN_T_DOUBLE: return ob_float_from_double(*(double *)addr);
    case KN_T_CHAR: return ob_str_from_utf8(addr, 1);
    case KN_T_STRING: {
        const char *s = *(const char **)addr;
        return s ? ob_str_from_cstr(s) : KN_None;
    }
    case KN_T_STRING_INPLACE: return ob_str_from_cstr(addr);
    case KN_T_NONE: return KN_None;
    case KN_T_OBJECT: {
        KnObject *v = *(KnObject **)addr;
        return v ? v : KN_None;
    }
    case KN_T_OBJECT_EX: {
        KnObject *v = *(KnObject **)addr;
        if (v == NULL) {
            KnObject *n = ob_str_from_cstr(m->name);
            if (n != NULL)
                ob_err_attribute(obj, n);
        }
        return v;
    }
    default:
        ob_err_set_string(ob_exc_SystemError, "bad memberdescr type");
        return NULL;
    }
}

int ob_member_set(KnObject *obj, KnMemberDef *m, KnObject *v)
{
    char *addr = (char *)obj + m->offset;
    if (m->flags & KN_READONLY) {
        ob_err_set_string(ob_exc_AttributeError, "readonly attribute");
        return -1;
    }
    if (v == NULL) {
        if (m->type == KN_T_OBJECT_EX) {
            if (*(KnObject **)addr == NULL) {
                ob_err_set_object(ob_exc_AttributeError, ob_str_from_cstr(m->name));
                return -1;
            }
            *(KnObject **)addr = NULL;
            return 0;
        }
        if (m->type == KN_T_OBJECT) {
            *(KnObject **)addr = NULL;
            return 0;
        }
        ob_err_set_string(ob_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case KN_T_OBJECT: case KN_T_OBJECT_EX:
        *(KnObject **)addr = v;
        return 0;
    case KN_T_BOOL:
        if (v != KN_True && v != KN_False) {
            ob_err_set_string(ob_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = v == KN_True;
        return 0;
    case KN_T_DOUBLE: case KN_T_FLOAT: {
        double d = ob_float_as_double(v);
        if (d == -1.0 && ob_err_occurred())
            return -1;
        if (m->type == KN_T_DOUBLE) *(double *)addr = d; else *(float *)addr = (float)d;
        return 0;
    }
    case KN_T_SHORT: case KN_T_INT: case KN_T_LONG: case KN_T_PYSSIZET: case KN_T_UINT:
    case KN_T_USHORT: case KN_T_ULONG: case KN_T_LONGLONG: case KN_T_ULONGLONG:
    case KN_T_BYTE: case KN_T_UBYTE: {
        if (!KN_INT_CHECK(v)) {
            ob_err_set_string(ob_exc_TypeError, "an integer is required");
            return -1;
        }
        long long x = ob_int_as_long_long(v);
        if (x == -1 && ob_err_occurred())
            return -1;
        switch (m->type) {
        case KN_T_SHORT: *(short *)addr = (short)x; break;
        case KN_T_INT: *(int *)addr = (int)x; break;
        case KN_T_LONG: *(long *)addr = (long)x; break;
        case KN_T_PYSSIZET: *(kn_ssize_t *)addr = (kn_ssize_t)x; break;
        case KN_T_UINT: *(unsigned *)addr = (unsigned)x; break;
        case KN_T_USHORT: *(unsigned short *)addr = (unsigned short)x; break;
        case KN_T_ULONG: *(unsigned long *)addr = (unsigned long)x; break;
        case KN_T_LONGLONG: *(long long *)addr = x; break;
        case KN_T_ULONGLONG: *(unsigned long long *)addr = (unsigned long long)x; break;
        case KN_T_BYTE: *(signed char *)addr = (signed char)x; break;
        default: *(unsigned char *)addr = (unsigned char)x; break;
        }
        return 0;
    }
    default:
        ob_err_set_string(ob_exc_TypeError, "bad memberdescr type for setting");
        return -1;
    }
}

static KnObject *member_get(KnObject *d, KnObject *obj, KnObject *type)
{
    if (obj == NULL)
        return d;
    if (descr_check(d, obj) < 0)
        return NULL;
    return ob_member_get(obj, MEMBER(d));
}

static int member_set(KnObject *d, KnObject *obj, KnObject *v)
{
    if (descr_check(d, obj) < 0)
        return -1;
    return ob_member_set(obj, MEMBER(d), v);
}

static KnObject *member_repr(KnObject *d)
{
    return ob_str_from_format("<member '%U' of '%s' objects>", DESCR(d)->d_name,
                              ob_type_name(DESCR(d)->d_type));
}

static KnObject *member_get_doc(KnObject *d, void *c)
{
    return doc_from(MEMBER(d)->doc);
}

static KnGetSetDef member_getset[] = {
    { "__name__", descr_get_name, NULL, NULL, NULL },
    { "__qualname__", descr_get_qualname, NULL, NULL, NULL },
    { "__objclass__", descr_get_objclass, NULL, NULL, NULL },
    { "__doc__", member_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject ob_member_descr_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(KnMemberDescrObject),
    .tp_repr = member_repr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = ob_descr_methods,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

KnObject *ob_descr_new_member(KnTypeObject *t, KnMemberDef *m)
{
    KnObject *d = descr_alloc(&ob_member_descr_type, t, m->name);
    if (d != NULL)
        ((KnMemberDescrObject *)d)->d_member = m;
    return d;
}

/* ----------------------------------------------------- getset descriptor */

#define GETSET(o) (((KnGetSetDescrObject *)(o))->d_getset)

static KnObject *getset_get(KnObject *d, KnObject *obj, KnObject *type)
{
    if (obj == NULL)
        return d;
    if (descr_check(d, obj) < 0)
        return NULL;
    if (GETSET(d)->get == NULL)
        return ob_err_format(ob_exc_AttributeError, "attribute '%U' of '%s' objects is not readable",
                             DESCR(d)->d_name, DESCR(d)->d_type->tp_name);
    return GETSET(d)->get(obj, GETSET(d)->closure);
}

static int getset_set(KnObject *d, KnObject *obj, KnObject *v)
{
    if (descr_check(d, obj) < 0)
        return -1;
    if (GETSET(d)->set == NULL) {
        ob_err_format(ob_exc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                      DESCR(d)->d_name, DESCR(d)->d_type->tp_name);
        return -1;
    }
    return GETSET(d)->set(obj, v, GETSET(d)->closure);
}

static KnObject *getset_repr(KnObject *d)
{
    return ob_str_from_format("<attribute '%U' of '%s' objects>", DESCR(d)->d_name,
                              ob_type_name(DESCR(d)->d_type));
}

static KnObject *getset_get_doc(KnObject *d, void *c)
{
    return doc_from(GETSET(d)->doc);
}

static KnGetSetDef getset_getset[] = {
    { "__name__", descr_get_name, NULL, NULL, NULL },
    { "__qualname__", descr_get_qualname, NULL, NULL, NULL },
    { "__objclass__", descr_get_objclass, NULL, NULL, NULL },
    { "__doc__", getset_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject ob_getset_descr_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(KnGetSetDescrObject),
    .tp_repr = getset_repr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

KnObject *ob_descr_new_getset(KnTypeObject *t, KnGetSetDef *g)
{
    KnObject *d = descr_alloc(&ob_getset_descr_type, t, g->name);
    if (d != NULL)
        ((KnGetSetDescrObject *)d)->d_getset = g;
    return d;
}

