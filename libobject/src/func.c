/*
 * func.c — C function objects (builtin_function_or_method), bound methods
 * of Python functions (`method`), classmethod and staticmethod.
 */
#include <stdio.h>
#include <string.h>

#include "libgc/gc.h"
#include "core.h"
#include "ob_alloc.h"

/* ------------------------------------------- calling a KnMethodDef */

static const char *cf_qualprefix(KnObject *f);

/* The name CPython prints in argument errors: "list.append" for methods,
 * "len" for module-level functions.  The prefix comes from `cf` (a
 * builtin_function_or_method) when given: worked out only here, when an
 * error is reported, not on every call. */
static const char *def_fullname(KnMethodDef *ml, const char *qualprefix, KnObject *cf,
                                char *buf, size_t n)
{
    if (cf != NULL)
        qualprefix = cf_qualprefix(cf);
    if (qualprefix == NULL)
        return ml->ml_name;
    snprintf(buf, n, "%s.%s", qualprefix, ml->ml_name);
    return buf;
}

static KnObject *call_def(KnMethodDef *ml, KnObject *self, const char *qualprefix,
                          KnObject *cf, KnObject *const *args, kn_ssize_t nargs,
                          KnObject *kwnames)
{
    char buf[200];
    int flags = ml->ml_flags & ~(KN_METH_CLASS | KN_METH_STATIC | KN_METH_COEXIST);
    kn_ssize_t nkw = kwnames ? KN_SIZE(kwnames) : 0;
    if (ob_enter_recursive_call(" while calling a Python object") < 0)
        return NULL;
    KnObject *r = NULL;
    switch (flags) {
    case KN_METH_NOARGS:
        if (nkw > 0)
            ob_err_format(ob_exc_TypeError, "%s() takes no keyword arguments",
                          def_fullname(ml, qualprefix, cf, buf, sizeof buf));
        else if (nargs != 0)
            ob_err_format(ob_exc_TypeError, "%s() takes no arguments (%zd given)",
                          def_fullname(ml, qualprefix, cf, buf, sizeof buf), nargs);
        else
            r = ml->ml_meth(self, NULL);
        break;
    case KN_METH_O:
        if (nkw > 0)
            ob_err_format(ob_exc_TypeError, "%s() takes no keyword arguments",
                          def_fullname(ml, qualprefix, cf, buf, sizeof buf));
        else if (nargs != 1)
            ob_err_format(ob_exc_TypeError, "%s() takes exactly one argument (%zd given)",
                          def_fullname(ml, qualprefix, cf, buf, sizeof buf), nargs);
        else
            r = ml->ml_meth(self, args[0]);
        break;
    case KN_METH_FASTCALL:
        if (nkw > 0)
            ob_err_format(ob_exc_TypeError, "%s() takes no keyword arguments",
                          def_fullname(ml, qualprefix, cf, buf, sizeof buf));
        else
            r = ((KnCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
        break;
    case KN_METH_FASTCALL | KN_METH_KEYWORDS:
        r = ((KnCFunctionFastKw)(void (*)(void))ml->ml_meth)(self, args, nargs,
                                                             nkw ? kwnames : NULL);
        break;
    case KN_METH_VARARGS:
    case KN_METH_VARARGS | KN_METH_KEYWORDS: {
        if (flags == KN_METH_VARARGS && nkw > 0) {
            /* CPython words this one with the bare name for module functions */
            ob_err_format(ob_exc_TypeError, "%s() takes no keyword arguments",
                          self != NULL && KN_MODULE_CHECK(self)
                              ? ml->ml_name : def_fullname(ml, qualprefix, cf, buf, sizeof buf));
            break;
        }
        KnObject *tup = ob_tuple_from_array(args, nargs);
        if (tup == NULL)
            break;
        if (flags == KN_METH_VARARGS) {
            r = ml->ml_meth(self, tup);
            break;
        }
        KnObject *kw = NULL;
        if (nkw > 0) {
            if ((kw = ob_dict_new()) == NULL)
                break;
            int bad = 0;
            for (kn_ssize_t i = 0; i < nkw && !bad; i++)
                bad = ob_dict_setitem(kw, KN_TUPLE_GET(kwnames, i), args[nargs + i]) < 0;
            if (bad)
                break;
        }
        r = ((KnCFunctionKw)(void (*)(void))ml->ml_meth)(self, tup, kw);
        break;
    }
    case KN_METH_METHOD | KN_METH_FASTCALL | KN_METH_KEYWORDS:
        r = ((KnCMethod)(void (*)(void))ml->ml_meth)(self, self ? KN_TYPE(self) : NULL, args,
                                                     (size_t)nargs, nkw ? kwnames : NULL);
        break;
    default:
        ob_err_format(ob_exc_SystemError, "%s() method: bad call flags", ml->ml_name);
        break;
    }
    ob_leave_recursive_call();
    return r;
}

KnObject *ob_cfunction_call_def(KnMethodDef *ml, KnObject *self, const char *qualprefix,
                                KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    return call_def(ml, self, qualprefix, NULL, args, nargs, kwnames);
}

/* ---------------------------------------------- builtin_function_or_method */

#define CF(o) ((KnCFunctionObject *)(o))

/* A METH_STATIC function remembers its class in m_self (for __qualname__,
 * repr and pickling) but is called, and reports __self__, without it. */
static KnObject *cf_call_self(KnObject *f)
{
    return (CF(f)->m_ml->ml_flags & KN_METH_STATIC) ? NULL : CF(f)->m_self;
}

/* Prefix for messages: the class for methods, none for functions. */
static const char *cf_qualprefix(KnObject *f)
{
    KnObject *self = cf_call_self(f);
    if (self == NULL)
        return NULL;
    if (KN_MODULE_CHECK(self)) {
        /* "math.sqrt()", as CPython's function string; builtins unprefixed */
        KnObject *name = CF(f)->m_module;
        if (name == NULL || !KN_STR_CHECK(name))
            name = ((KnModuleObject *)self)->md_name;
        if (name == NULL || !KN_STR_CHECK(name))
            return NULL;
        const char *s = ob_str_as_utf8(name, NULL);
        if (s == NULL) {
            ob_err_clear();
            return NULL;
        }
        return strcmp(s, "builtins") == 0 ? NULL : s;
    }
    if (KN_TYPE_OBJ_CHECK(self) && (CF(f)->m_ml->ml_flags & KN_METH_CLASS))
        return ob_type_name((KnTypeObject *)self);
    if (KN_TYPE_OBJ_CHECK(self) && strcmp(CF(f)->m_ml->ml_name, "__new__") == 0)
        return ob_type_name((KnTypeObject *)self);
    return KN_TNAME(self);
}

static KnObject *cfunction_vectorcall(KnObject *f, KnObject *const *args, size_t nargsf,
                                      KnObject *kwnames)
{
    return call_def(CF(f)->m_ml, cf_call_self(f), NULL, f, args, KN_VECTORCALL_NARGS(nargsf),
                    kwnames);
}

KnObject *ob_cfunction_new(KnMethodDef *ml, KnObject *self, KnObject *module)
{
    KnCFunctionObject *f = (KnCFunctionObject *)ob_alloc(&ob_cfunction_type, 0);
    if (f == NULL)
        return NULL;
    f->m_ml = ml;
    f->m_self = self;
    f->m_module = module;
    f->vectorcall = cfunction_vectorcall;
    return (KnObject *)f;
}

static KnObject *cfunction_repr(KnObject *f)
{
    KnObject *self = CF(f)->m_self;
    if (self == NULL || KN_MODULE_CHECK(self))
        return ob_str_from_format("<built-in function %s>", CF(f)->m_ml->ml_name);
    return ob_str_from_format("<built-in method %s of %s object at %p>", CF(f)->m_ml->ml_name,
                              KN_TNAME(self), (void *)self);
}

static KnObject *cf_get_name(KnObject *f, void *c)
{
    return ob_str_from_cstr(CF(f)->m_ml->ml_name);
}

static KnObject *cf_get_qualname(KnObject *f, void *c)
{
    KnObject *self = CF(f)->m_self;
    if (self == NULL || KN_MODULE_CHECK(self))
        return cf_get_name(f, c);
    KnTypeObject *t = KN_TYPE_OBJ_CHECK(self) ? (KnTypeObject *)self : KN_TYPE(self);
    KnObject *q = ob_type_qualname(t);
    return q ? ob_str_from_format("%U.%s", q, CF(f)->m_ml->ml_name) : NULL;
}

static KnObject *cf_get_self(KnObject *f, void *c)
{
    KnObject *self = cf_call_self(f);
    return self ? self : KN_None;
}

static KnObject *cf_get_doc(KnObject *f, void *c)
{
    return ob_doc_body(CF(f)->m_ml->ml_name, CF(f)->m_ml->ml_doc);
}

static KnObject *cf_get_text_signature(KnObject *f, void *c)
{
    return ob_doc_text_signature(CF(f)->m_ml->ml_name, CF(f)->m_ml->ml_doc);
}

static KnGetSetDef cfunction_getset[] = {
    { "__name__", cf_get_name, NULL, NULL, NULL },
    { "__qualname__", cf_get_qualname, NULL, NULL, NULL },
    { "__self__", cf_get_self, NULL, NULL, NULL },
    { "__doc__", cf_get_doc, NULL, NULL, NULL },
    { "__text_signature__", cf_get_text_signature, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

/* A module-level function pickles as its name (found again in its
 * module); a method bound to an object as getattr(obj, name). */
static KnObject *cfunction_reduce(KnObject *f, KnObject *unused)
{
    KnObject *self = CF(f)->m_self;
    if (self == NULL || KN_MODULE_CHECK(self))
        return ob_str_from_cstr(CF(f)->m_ml->ml_name);
    return ob_reduce_as_getattr(self, ob_str_from_cstr(CF(f)->m_ml->ml_name));
}

static KnMethodDef cfunction_methods[] = {
    { "__reduce__", (KnCFunction)cfunction_reduce, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static KnMemberDef cfunction_members[] = {
    { "__module__", KN_T_OBJECT, offsetof(KnCFunctionObject, m_module), 0, NULL },
    { NULL, 0, 0, 0, NULL }
};

static KnObject *cfunction_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((op != KN_EQ && op != KN_NE) || KN_TYPE(b) != &ob_cfunction_type)
        return KN_NotImplemented;
    int eq = CF(a)->m_self == CF(b)->m_self && CF(a)->m_ml->ml_meth == CF(b)->m_ml->ml_meth;
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

static kn_hash_t cfunction_hash(KnObject *f)
{
    kn_hash_t h = ob_object_hash(CF(f)->m_self ? CF(f)->m_self : f);
    h ^= (kn_hash_t)(size_t)CF(f)->m_ml->ml_meth;
    return h == -1 ? -2 : h;
}

KnTypeObject ob_cfunction_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(KnCFunctionObject),
    .tp_vectorcall_offset = offsetof(KnCFunctionObject, vectorcall),
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_call = ob_call_via_vectorcall,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_VECTORCALL,
    .tp_richcompare = cfunction_richcompare,
    .tp_weaklistoffset = offsetof(KnCFunctionObject, m_weakreflist),
    .tp_members = cfunction_members,
    .tp_getset = cfunction_getset,
    .tp_methods = cfunction_methods,
};

/* ------------------------------------------------------- bound method */

#define METH(o) ((KnMethodObject *)(o))

static KnObject *method_vectorcall(KnObject *m, KnObject *const *args, size_t nargsf,
                                   KnObject *kwnames)
{
    kn_ssize_t nargs = KN_VECTORCALL_NARGS(nargsf);
    KnObject *self = METH(m)->im_self, *func = METH(m)->im_func;
    if (nargsf & KN_VECTORCALL_ARGUMENTS_OFFSET) {
        /* the caller left a free slot before args: use it for self */
        KnObject **slot = (KnObject **)args - 1;
        KnObject *saved = *slot;
        *slot = self;
        KnObject *r = ob_vectorcall(func, slot, (size_t)(nargs + 1), kwnames);
        *slot = saved;
        return r;
    }
    return ob_call_with_self(func, self, args, nargs, kwnames);
}

KnObject *ob_method_new(KnObject *func, KnObject *self)
{
    KnMethodObject *m = (KnMethodObject *)ob_alloc_exact(&ob_method_type, sizeof(KnMethodObject));
    if (m == NULL)
        return NULL;
    m->im_func = func;
    m->im_self = self;
    m->vectorcall = method_vectorcall;
    return (KnObject *)m;
}

static KnObject *method_repr(KnObject *m)
{
    KnObject *name;
    int r = ob_lookup_attr(METH(m)->im_func, KN_ID(__qualname__), &name);
    if (r == 0)
        r = ob_lookup_attr(METH(m)->im_func, KN_ID(__name__), &name);
    if (r < 0)
        return NULL;
    if (r == 0 || !KN_STR_CHECK(name))
        name = ob_str_from_cstr("?");
    KnObject *self_repr = ob_repr(METH(m)->im_self);
    if (self_repr == NULL)
        return NULL;
    return ob_str_from_format("<bound method %U of %U>", name, self_repr);
}

static KnObject *method_getattro(KnObject *m, KnObject *name)
{
    /* attributes of the method type first, then the function's */
    KnObject *descr = ob_type_lookup(KN_TYPE(m), name);
    if (descr != NULL) {
        descrgetfunc get = KN_TYPE(descr)->tp_descr_get;
        return get ? get(descr, m, (KnObject *)KN_TYPE(m)) : descr;
    }
    return ob_getattr(METH(m)->im_func, name);
}

static KnObject *method_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((op != KN_EQ && op != KN_NE) || KN_TYPE(b) != &ob_method_type)
        return KN_NotImplemented;
    int eq = METH(a)->im_self == METH(b)->im_self;
    if (eq) {
        eq = ob_richcompare_bool(METH(a)->im_func, METH(b)->im_func, KN_EQ);
        if (eq < 0)
            return NULL;
    }
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

static kn_hash_t method_hash(KnObject *m)
{
    kn_hash_t a = ob_object_hash(METH(m)->im_self);
    kn_hash_t b = ob_hash(METH(m)->im_func);
    if (b == -1)
        return -1;
    kn_hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static KnObject *method_get_doc(KnObject *m, void *c)
{
    return ob_getattr(METH(m)->im_func, KN_ID(__doc__));
}

static KnMemberDef method_members[] = {
    { "__func__", KN_T_OBJECT, offsetof(KnMethodObject, im_func), KN_READONLY, NULL },
    { "__self__", KN_T_OBJECT, offsetof(KnMethodObject, im_self), KN_READONLY, NULL },
    { NULL, 0, 0, 0, NULL }
};

static KnGetSetDef method_getset[] = {
    { "__doc__", method_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnMethodDef method_methods[] = {
    { "__reduce__", ob_method_reduce, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

/* types.MethodType(func, obj): CPython's checks, in its order. */
static KnObject *method_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("method", kwargs) < 0 ||
        ob_args_check_positional("method", KN_SIZE(args), 2, 2) < 0)
        return NULL;
    KnObject *func = KN_TUPLE_GET(args, 0), *self = KN_TUPLE_GET(args, 1);
    if (!ob_callable_check(func))
        return ob_err_format(ob_exc_TypeError, "first argument must be callable");
    if (self == KN_None)
        return ob_err_format(ob_exc_TypeError, "instance must not be None");
    return ob_method_new(func, self);
}

KnTypeObject ob_method_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "method",
    .tp_basicsize = sizeof(KnMethodObject),
    .tp_vectorcall_offset = offsetof(KnMethodObject, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = ob_call_via_vectorcall,
    .tp_getattro = method_getattro,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_VECTORCALL,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(KnMethodObject, im_weakreflist),
    .tp_members = method_members,
    .tp_getset = method_getset,
    .tp_methods = method_methods,
    .tp_doc = "Create a bound instance method object.",
    .tp_new = method_tp_new,
};

/* ------------------------------------------ classmethod, staticmethod */

#define CM(o) ((KnClassMethodObject *)(o))

static KnObject *classmethod_get(KnObject *cm, KnObject *obj, KnObject *type)
{
    if (type == NULL)
        type = (KnObject *)KN_TYPE(obj);
    KnObject *f = CM(cm)->cm_callable;
    /* a wrapped descriptor (e.g. a property) is bound through its __get__ */
    descrgetfunc get = KN_TYPE(f)->tp_descr_get;
    if (get != NULL && KN_TYPE(f) != &ob_cfunction_type && KN_TYPE(f) != &ob_method_type &&
        KN_TYPE(f) != &ob_classmethod_type && KN_TYPE(f) != &ob_staticmethod_type &&
        !KN_TYPE_HAS_FLAG(KN_TYPE(f), KN_TPFLAGS_METHOD_DESCRIPTOR))
        return get(f, type, NULL);
    return ob_method_new(f, type);
}

static KnObject *staticmethod_get(KnObject *sm, KnObject *obj, KnObject *type)
{
    return CM(sm)->cm_callable;
}

static KnObject *staticmethod_call(KnObject *sm, KnObject *args, KnObject *kwargs)
{
    return ob_call(CM(sm)->cm_callable, args, kwargs);
}

static int cm_init(KnObject *self, KnObject *args, KnObject *kwargs, const char *name)
{
    if (ob_args_no_kwargs_dict(name, kwargs) < 0 ||
        ob_args_check_positional(name, KN_SIZE(args), 1, 1) < 0)
        return -1;
    KnObject *f = KN_TUPLE_GET(args, 0);
    CM(self)->cm_callable = f;
    /* as functools.wraps: the wrapped callable's names and docstring go
     * into the wrapper's __dict__ (CPython 3.10+) */
    static const char *const copied[] = { "__module__", "__name__", "__qualname__", "__doc__",
                                         "__annotations__", NULL };
    for (int i = 0; copied[i] != NULL; i++) {
        KnObject *name = ob_str_intern_cstr(copied[i]), *v;
        if (name == NULL)
            return -1;
        int r = ob_lookup_attr(f, name, &v);
        if (r < 0)
            return -1;
        if (r > 0 && ob_setattr(self, name, v) < 0)
            return -1;
    }
    return 0;
}

static int classmethod_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return cm_init(self, args, kwargs, "classmethod");
}

static int staticmethod_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return cm_init(self, args, kwargs, "staticmethod");
}

static KnObject *cm_get_isabstract(KnObject *cm, void *c)
{
    KnObject *v;
    int r = ob_lookup_attr(CM(cm)->cm_callable, KN_ID(__isabstractmethod__), &v);
    if (r < 0)
        return NULL;
    if (r == 0)
        return KN_False;
    int t = ob_is_true(v);
    return t < 0 ? NULL : KN_BOOL(t);
}

static KnObject *cm_repr_common(KnObject *cm, const char *kind)
{
    KnObject *r = ob_repr(CM(cm)->cm_callable);
    return r ? ob_str_from_format("<%s(%U)>", kind, r) : NULL;
}

static KnObject *classmethod_repr(KnObject *cm) { return cm_repr_common(cm, "classmethod"); }
static KnObject *staticmethod_repr(KnObject *cm) { return cm_repr_common(cm, "staticmethod"); }

static KnMemberDef cm_members[] = {
    { "__func__", KN_T_OBJECT, offsetof(KnClassMethodObject, cm_callable), KN_READONLY, NULL },
    { "__wrapped__", KN_T_OBJECT, offsetof(KnClassMethodObject, cm_callable), KN_READONLY, NULL },
    { NULL, 0, 0, 0, NULL }
};

static KnGetSetDef cm_getset[] = {
    { "__isabstractmethod__", cm_get_isabstract, NULL, NULL, NULL },
    { "__dict__", ob_object_get_dict, ob_object_set_dict, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject ob_classmethod_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(KnClassMethodObject),
    .tp_repr = classmethod_repr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "classmethod(function) -> method",
    .tp_members = cm_members,
    .tp_getset = cm_getset,
    .tp_descr_get = classmethod_get,
    .tp_dictoffset = offsetof(KnClassMethodObject, cm_dict),
    .tp_init = classmethod_init,
    .tp_new = ob_type_generic_new,
};

KnTypeObject ob_staticmethod_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(KnClassMethodObject),
    .tp_repr = staticmethod_repr,
    .tp_call = staticmethod_call,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "staticmethod(function) -> method",
    .tp_members = cm_members,
    .tp_getset = cm_getset,
    .tp_descr_get = staticmethod_get,
    .tp_dictoffset = offsetof(KnClassMethodObject, cm_dict),
    .tp_init = staticmethod_init,
    .tp_new = ob_type_generic_new,
};

KnObject *ob_classmethod_new(KnObject *callable)
{
    KnObject *cm = ob_alloc(&ob_classmethod_type, 0);
    if (cm != NULL)
        CM(cm)->cm_callable = callable;
    return cm;
}

KnObject *ob_staticmethod_new(KnObject *callable)
{
    KnObject *sm = ob_alloc(&ob_staticmethod_type, 0);
    if (sm != NULL)
        CM(sm)->cm_callable = callable;
    return sm;
}
