/* test_property.c — the property descriptor (src/property.c). */
#include "test_type_helpers.h"

/* getter: self._x * 2; setter: self._x = v; deleter: del self._x */
static KnObject *g_get(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *x = getattr_s(a[0], "_x");
    return x ? I(2 * as_long(x)) : NULL;
}

static KnObject *g_get_other(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return I(-1);
}

static KnObject *g_set(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_setattr(a[0], S("_x"), a[1]) < 0 ? NULL : KN_None;
}

static KnObject *g_del(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_setattr(a[0], S("_x"), NULL) < 0 ? NULL : KN_None;
}

static KnObject *prop(KnObject *fget, KnObject *fset, KnObject *fdel, KnObject *doc)
{
    KnObject *args[4] = { fget ? fget : KN_None, fset ? fset : KN_None,
                          fdel ? fdel : KN_None, doc ? doc : KN_None };
    KnObject *p = ob_vectorcall((KnObject *)&ob_property_type, args, 4, NULL);
    assert_non_null(p);
    return p;
}

static void test_get_set_delete(void **state)
{
    KnObject *p = prop(fn_doc(g_get, "twice x"), fn(g_set), fn(g_del), NULL);
    KnObject *C = mkclass("C", bases0(), ns("x", p, NULL));
    KnObject *c = call0(C);
    assert_int_equal(ob_setattr(c, S("x"), I(4)), 0);
    assert_int_equal(as_long(getattr_s(c, "_x")), 4);
    assert_int_equal(as_long(getattr_s(c, "x")), 8);
    assert_int_equal(ob_setattr(c, S("x"), NULL), 0);
    assert_null(getattr_s(c, "x"));
    expect_error(ob_exc_AttributeError, "'C' object has no attribute '_x'");
    /* on the class: the property itself; its docstring from the getter */
    assert_ptr_equal(getattr_s(C, "x"), p);
    assert_string_equal(cstr(getattr_s(p, "__doc__")), "twice x");
    assert_true(((KnPropertyObject *)p)->getter_doc);
    /* data descriptor: beats the instance dict */
    KnObject *d = getattr_s(c, "__dict__");
    ob_dict_setitem(d, S("x"), I(100));
    ob_setattr(c, S("_x"), I(1));
    assert_int_equal(as_long(getattr_s(c, "x")), 2);
    /* fget/fset/fdel members */
    assert_ptr_equal(KN_TYPE(getattr_s(p, "fget")), KN_TYPE(getattr_s(p, "fset")));
}

static void test_missing_accessors(void **state)
{
    KnObject *ro = prop(fn(g_get), NULL, NULL, NULL);
    KnObject *C = mkclass("C", bases0(), ns("x", ro, "y", prop(NULL, NULL, NULL, NULL), NULL));
    assert_string_equal(cstr(((KnPropertyObject *)ro)->prop_name), "x");
    KnObject *c = call0(C);
    assert_int_equal(ob_setattr(c, S("x"), I(1)), -1);
    expect_error(ob_exc_AttributeError, "property 'x' of 'C' object has no setter");
    assert_int_equal(ob_setattr(c, S("x"), NULL), -1);
    expect_error(ob_exc_AttributeError, "property 'x' of 'C' object has no deleter");
    assert_null(getattr_s(c, "y"));
    expect_error(ob_exc_AttributeError, "property 'y' of 'C' object has no getter");
    /* a property that was never named */
    KnObject *anon = prop(NULL, NULL, NULL, NULL);
    assert_null(KN_TYPE(anon)->tp_descr_get(anon, I(1), NULL));
    expect_error(ob_exc_AttributeError, "property of 'int' object has no getter");
    assert_int_equal(KN_TYPE(anon)->tp_descr_set(anon, I(1), I(2)), -1);
    expect_error(ob_exc_AttributeError, "property of 'int' object has no setter");
    /* argument errors */
    KnObject *five[5] = { KN_None, KN_None, KN_None, KN_None, KN_None };
    assert_null(ob_vectorcall((KnObject *)&ob_property_type, five, 5, NULL));
    expect_error(ob_exc_TypeError, "property() takes at most 4 arguments (5 given)");
}

static void test_copies(void **state)
{
    KnObject *p = prop(fn_doc(g_get, "first"), NULL, NULL, NULL);
    KnObject *C = mkclass("C", bases0(), ns("x", p, NULL));
    KnObject *p2 = callm(p, "setter", 1, fn(g_set));
    assert_ptr_not_equal(p2, p);
    assert_ptr_equal(KN_TYPE(p2), &ob_property_type);
    assert_string_equal(cstr(getattr_s(p2, "__doc__")), "first");
    assert_string_equal(cstr(((KnPropertyObject *)p2)->prop_name), "x");
    assert_int_equal(ob_setattr(C, S("x"), p2), 0);
    KnObject *c = call0(C);
    assert_int_equal(ob_setattr(c, S("x"), I(5)), 0);
    assert_int_equal(as_long(getattr_s(c, "x")), 10);
    /* a new getter brings its own docstring */
    KnObject *p3 = callm(p2, "getter", 1, fn_doc(g_get_other, "second"));
    assert_string_equal(cstr(getattr_s(p3, "__doc__")), "second");
    assert_non_null(getattr_s(p3, "fset"));
    KnObject *p4 = callm(p3, "deleter", 1, fn(g_del));
    assert_ptr_equal(getattr_s(p4, "fdel"), ((KnPropertyObject *)p4)->prop_del);
    /* None keeps the old accessor, as CPython's property_copy */
    KnObject *p5 = callm(p4, "setter", 1, KN_None);
    assert_ptr_equal(((KnPropertyObject *)p5)->prop_set, ((KnPropertyObject *)p4)->prop_set);
    KnObject *p6 = callm(p4, "getter", 1, KN_None);
    assert_ptr_equal(((KnPropertyObject *)p6)->prop_get, ((KnPropertyObject *)p4)->prop_get);
    KnObject *p7 = callm(p4, "deleter", 1, KN_None);
    assert_ptr_equal(((KnPropertyObject *)p7)->prop_del, ((KnPropertyObject *)p4)->prop_del);
    assert_null(callm(p, "getter", 0, NULL));
    expect_error(ob_exc_TypeError, "property.getter() takes exactly one argument (0 given)");
    /* an explicit doc wins */
    KnObject *pd = prop(fn_doc(g_get, "ignored"), NULL, NULL, S("explicit"));
    assert_string_equal(cstr(getattr_s(pd, "__doc__")), "explicit");
    assert_ptr_equal(getattr_s(pd, "__isabstractmethod__"), KN_False);
}

static void test_property_class(void **state)
{
    KnObject *doc = getattr_s((KnObject *)&ob_property_type, "__doc__");
    assert_true(strncmp(cstr(doc), "Property attribute.\n\n  fget\n", 28) == 0);
    /* a subclass keeps the getter's docstring in the instance dict */
    KnObject *P = mkclass("P", bases1((KnObject *)&ob_property_type), ns(NULL));
    KnObject *args[1] = { fn_doc(g_get, "sub doc") };
    KnObject *sp = ob_vectorcall(P, args, 1, NULL);
    assert_non_null(sp);
    assert_string_equal(cstr(getattr_s(sp, "__doc__")), "sub doc");
    KnObject *d = getattr_s(sp, "__dict__");
    assert_string_equal(cstr(ob_dict_getitem(d, S("__doc__"))), "sub doc");
    assert_ptr_equal(getattr_s(P, "__doc__"), KN_None);
    KnObject *C = mkclass("C", bases0(), ns("x", sp, NULL));
    KnObject *c = call0(C);
    ob_dict_setitem(getattr_s(c, "__dict__"), S("_x"), I(3));
    assert_int_equal(as_long(getattr_s(c, "x")), 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get_set_delete),
        cmocka_unit_test(test_missing_accessors),
        cmocka_unit_test(test_copies),
        cmocka_unit_test(test_property_class),
    };
    return cmocka_run_group_tests(tests, setup_runtime, NULL);
}
