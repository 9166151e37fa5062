/*
 * test_type_helpers.h — shared by the classes tests (test_type_*.c,
 * test_property.c, test_super.c).
 *
 * There is no interpreter yet, so class bodies are built from C: a
 * "function" here is a small static type that behaves as a Python
 * function does where class creation can tell (it binds to instances
 * through ob_method_new, is a method descriptor, and is registered as
 * the hooks' function_type so __new__ / __init_subclass__ get wrapped).
 */
#ifndef TEST_TYPE_HELPERS_H
#define TEST_TYPE_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"

typedef KnObject *(*tfn)(KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);

typedef struct TFunc {
    KN_OBJECT_HEAD;
    tfn fn;
    KnObject *doc;
    vectorcallfunc vectorcall;
} TFunc;

static inline KnObject *tfunc_vectorcall(KnObject *f, KnObject *const *args, size_t nargsf,
                                  KnObject *kwnames)
{
    return ((TFunc *)f)->fn(args, KN_VECTORCALL_NARGS(nargsf), kwnames);
}

static inline KnObject *tfunc_get(KnObject *f, KnObject *obj, KnObject *type)
{
    (void)type;
    return obj == NULL || obj == KN_None ? f : ob_method_new(f, obj);
}

static inline KnObject *tfunc_call(KnObject *f, KnObject *args, KnObject *kwargs)
{
    return ob_vectorcall_dict(f, KN_TUPLE_ITEMS(args), (size_t)KN_SIZE(args), kwargs);
}

static KnMemberDef tfunc_members[] = {
    { "__doc__", KN_T_OBJECT, offsetof(TFunc, doc), 0, NULL },
    { NULL, 0, 0, 0, NULL }
};

static KnTypeObject tfunc_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "function",
    .tp_basicsize = sizeof(TFunc),
    .tp_vectorcall_offset = offsetof(TFunc, vectorcall),
    .tp_call = tfunc_call,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_VECTORCALL | KN_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_members = tfunc_members,
    .tp_descr_get = tfunc_get,
};

static inline KnObject *fn_doc(tfn fn, const char *doc)
{
    TFunc *f = (TFunc *)ob_alloc(&tfunc_type, 0);
    assert_non_null(f);
    f->fn = fn;
    f->vectorcall = tfunc_vectorcall;
    f->doc = doc ? ob_str_from_cstr(doc) : NULL;
    return (KnObject *)f;
}

static inline KnObject *fn(tfn f)
{
    return fn_doc(f, NULL);
}

static inline KnObject *S(const char *s)
{
    KnObject *o = ob_str_intern_cstr(s);
    assert_non_null(o);
    return o;
}

static inline KnObject *I(long v)
{
    return ob_int_from_ssize(v);
}

static inline long as_long(KnObject *o)
{
    assert_non_null(o);
    assert_true(KN_INT_CHECK(o));
    return (long)ob_int_as_long_long(o);
}

/* A namespace dict from name/value pairs, NULL-terminated. */
static inline KnObject *ns(const char *name, ...)
{
    KnObject *d = ob_dict_new();
    assert_non_null(d);
    assert_int_equal(ob_dict_setitem(d, S("__module__"), S("tmod")), 0);
    va_list ap;
    va_start(ap, name);
    for (const char *n = name; n != NULL; n = va_arg(ap, const char *)) {
        KnObject *v = va_arg(ap, KnObject *);
        assert_int_equal(ob_dict_setitem_str(d, n, v), 0);
    }
    va_end(ap);
    return d;
}

static inline KnObject *bases0(void)
{
    return ob_tuple_empty();
}

static inline KnObject *bases1(KnObject *a)
{
    return ob_tuple_pack(1, a);
}

static inline KnObject *bases2(KnObject *a, KnObject *b)
{
    return ob_tuple_pack(2, a, b);
}

/* class `name`(bases) with namespace d (metaclass type); must succeed. */
static inline KnObject *mkclass(const char *name, KnObject *bases, KnObject *d)
{
    KnObject *c = ob_type_new(&ob_type_type, S(name), bases, d);
    if (c == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("class %s: %s", name, e ? ob_str_as_utf8(ob_str(e), NULL) : "?");
    }
    return c;
}

/* The pending exception is of class `exc` with message `msg`; clears it. */
static inline void expect_error(KnTypeObject *exc, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    KnObject *s = ob_str(e);
    const char *got = s ? ob_str_as_utf8(s, NULL) : "?";
    if (!KN_TYPE_CHECK(e, exc) || (msg != NULL && strcmp(got, msg) != 0))
        fail_msg("expected %s(%s), got %s(%s)", exc->tp_name, msg ? msg : "*",
                 KN_TYPE(e)->tp_name, got);
}

static inline KnObject *call0(KnObject *c)
{
    return ob_call_noargs(c);
}

static inline KnObject *callm(KnObject *o, const char *name, int nargs, KnObject *a1)
{
    return nargs == 0 ? ob_call_method(o, name, 0) : ob_call_method(o, name, 1, a1);
}

static inline const char *cstr(KnObject *s)
{
    assert_non_null(s);
    assert_true(KN_STR_CHECK(s));
    return ob_str_as_utf8(s, NULL);
}

static inline KnObject *getattr_s(KnObject *o, const char *name)
{
    return ob_getattr(o, S(name));
}

static inline int setup_runtime(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    if (ob_type_ready(&tfunc_type) < 0)
        return -1;
    KnClassHooks h = { .function_type = &tfunc_type };
    ob_type_set_hooks(&h);
    return 0;
}

#endif /* TEST_TYPE_HELPERS_H */
