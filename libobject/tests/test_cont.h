/* test_cont.h — helpers for the container tests (test_set.c, test_list.c,
 * ...): build values, call methods by name, check reprs and exceptions
 * against what /usr/bin/python3.11 prints. */
#ifndef TEST_CONT_H
#define TEST_CONT_H
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <stdio.h>
#include <cmocka.h>
#include "libobject/libobject.h"
#include "libobject/set.h"
#include "libobject/range.h"
#include "libobject/slice.h"
#include "libobject/iter.h"

static inline int tc_setup(void **state)
{
    (void)state;
    return ob_runtime_init() == 0 ? 0 : -1;
}

static inline KnObject *I(long long v)
{
    return ob_int_from_long_long(v);
}

static inline KnObject *S(const char *s)
{
    return ob_str_from_cstr(s);
}

/* bytes / bytearray from a string literal (embedded NULs kept). */
#define B(lit) ob_bytes_from_data((lit), (kn_ssize_t)sizeof(lit) - 1)
#define BA(lit) ob_bytearray_from_data((lit), (kn_ssize_t)sizeof(lit) - 1)

static inline KnObject *T(int n, ...)
{
    KnObject *t = ob_tuple_new(n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        KN_TUPLE_SET(t, i, va_arg(ap, KnObject *));
    va_end(ap);
    return t;
}

static inline KnObject *L(int n, ...)
{
    KnObject *l = ob_list_new(0);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        ob_list_append(l, va_arg(ap, KnObject *));
    va_end(ap);
    return l;
}

/* A list of ints lo, lo+1, ..., hi-1. */
static inline KnObject *LR(long long lo, long long hi)
{
    KnObject *l = ob_list_new(0);
    for (long long i = lo; i < hi; i++)
        ob_list_append(l, I(i));
    return l;
}

/* slice(a, b, c); NULL means None. */
#define SL(a, b, c) ob_slice_new((a), (b), (c))

static inline const char *text(KnObject *s)
{
    assert_non_null(s);
    return ob_str_as_utf8(s, NULL);
}

/* repr(o) as a C string; fails the test on an exception. */
static inline const char *R(KnObject *o)
{
    assert_non_null(o);
    KnObject *r = ob_repr(o);
    if (r == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("repr raised %s", e ? text(ob_repr(e)) : "?");
    }
    return text(r);
}

#define assert_repr(o, want) assert_string_equal(R(o), (want))

/* Check that the last call failed with exactly `type` and message `msg`
 * (msg NULL: any message); clears the exception. */
static inline void tc_expect_exc(KnObject *res, KnTypeObject *type, const char *msg)
{
    assert_null(res);
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_string_equal(ob_type_name(KN_TYPE(e)), ob_type_name(type));
    assert_ptr_equal(KN_TYPE(e), type);
    if (msg != NULL)
        assert_string_equal(text(ob_str(e)), msg);
}
#define assert_exc(expr, type, msg) tc_expect_exc((expr), ob_exc_##type, (msg))

/* Call a method: call(o, "name", 2, a, b); fails the test if it raises. */
#define call(o, name, ...) tc_ok(ob_call_method((o), (name), __VA_ARGS__))
#define try_call(o, name, ...) ob_call_method((o), (name), __VA_ARGS__)

static inline KnObject *tc_ok(KnObject *r)
{
    if (r == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("raised %s", e ? text(ob_repr(e)) : "(no exception set)");
    }
    return r;
}

/* Is the result True/False (a bool). */
#define assert_true_obj(o) assert_ptr_equal(tc_ok(o), KN_True)
#define assert_false_obj(o) assert_ptr_equal(tc_ok(o), KN_False)

static inline long long tc_int(KnObject *o)
{
    assert_non_null(tc_ok(o));
    long long v = ob_int_as_long_long(o);
    assert_null(ob_err_occurred());
    return v;
}
#define assert_int_obj(o, v) assert_int_equal(tc_int(o), (v))

/* Instantiate a type object with positional args: new(&ob_set_type, 1, x). */
static inline KnObject *tc_new(KnTypeObject *t, int n, ...)
{
    KnObject *args = ob_tuple_new(n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        KN_TUPLE_SET(args, i, va_arg(ap, KnObject *));
    va_end(ap);
    return ob_call((KnObject *)t, args, NULL);
}

#endif

/* ---- builtins.iter for the iterators' __reduce__ ---- */

static inline KnObject *tc_iter_fn(KnObject *self, KnObject *arg)
{
    return ob_get_iter(arg);
}

static KnMethodDef tc_iter_def = {"iter", (KnCFunction)tc_iter_fn, KN_METH_O, NULL};

/* Register a stand-in for libjit's builtins.iter (same name and repr). */
static inline void tc_register_iter(void)
{
    ob_iter_register_builtin_iter(tc_ok(ob_cfunction_new(&tc_iter_def, NULL, NULL)));
}

/* ---- classes built from C (there is no interpreter in libobject) ---- */

/* A method usable on any object: a method descriptor of object. */
static inline KnObject *tc_method(KnMethodDef *def)
{
    return tc_ok(ob_descr_new_method(&ob_object_type, def));
}

/* class name(base) with namespace name/value pairs, NULL-terminated. */
static inline KnObject *tc_class(const char *name, KnTypeObject *base, ...)
{
    KnObject *d = ob_dict_new();
    ob_dict_setitem_str(d, "__module__", S("tmod"));
    va_list ap;
    va_start(ap, base);
    for (const char *n = va_arg(ap, const char *); n != NULL; n = va_arg(ap, const char *))
        ob_dict_setitem_str(d, n, va_arg(ap, KnObject *));
    va_end(ap);
    KnObject *bases = base ? ob_tuple_pack(1, (KnObject *)base) : ob_tuple_empty();
    return tc_ok(ob_type_new(&ob_type_type, S(name), bases, d));
}
