/*
 * test_weakref.c — weakref.ReferenceType and the proxy types (src/weakref.c,
 * src/weakref_proxy.c) against CPython 3.11's behaviour.
 */
#include "test_fin_util.h"

#define REF ((KnObject *)&ob_weakref_ref_type)

static KnObject *plain_class(void)
{
    return mkclass("C", bases0(), ns(NULL));
}

static const char *repr_s(KnObject *o)
{
    return cstr(ob_repr(o));
}

static void test_basic_ref(void **state)
{
    (void)state;
    KnObject *c = mk(plain_class(), 1);
    KnObject *r = tu_call2(REF, c, NULL);
    assert_non_null(r);
    assert_ptr_equal(call0(r), c);
    /* the basic ref (no callback) is shared; one with a callback is not */
    assert_ptr_equal(tu_call2(REF, c, KN_None), r);
    KnObject *cb = getattr_s(c, "__init__");
    KnObject *r1 = tu_call2(REF, c, cb), *r2 = tu_call2(REF, c, cb);
    assert_true(r1 != r && r2 != r1);
    assert_ptr_equal(getattr_s(r1, "__callback__"), cb);
    assert_ptr_equal(getattr_s(r, "__callback__"), KN_None);
    assert_int_equal(ob_setattr(r, S("__callback__"), KN_None), -1);
    expect_error(ob_exc_AttributeError, NULL);
    /* count and list order as CPython: basic ref, newest, older */
    assert_int_equal(ob_weakref_count(c), 3);
    KnObject *l = ob_weakref_list(c);
    assert_int_equal(KN_SIZE(l), 3);
    assert_ptr_equal(KN_LIST_GET(l, 0), r);
    assert_ptr_equal(KN_LIST_GET(l, 1), r2);
    assert_ptr_equal(KN_LIST_GET(l, 2), r1);
    /* c.__weakref__ is the head of the list */
    assert_ptr_equal(getattr_s(c, "__weakref__"), r);
    KnObject *p = ob_weakref_new_proxy(c, NULL);
    assert_ptr_equal(ob_weakref_new_proxy(c, NULL), p);
    assert_int_equal(ob_weakref_count(c), 4);
    assert_ptr_equal(KN_LIST_GET(ob_weakref_list(c), 1), p);
}

static void test_ref_errors(void **state)
{
    (void)state;
    assert_null(tu_call2(REF, I(1), NULL));
    expect_error(ob_exc_TypeError, "cannot create weak reference to 'int' object");
    assert_null(ob_call(REF, ob_tuple_empty(), NULL));
    expect_error(ob_exc_TypeError, "__new__ expected at least 1 argument, got 0");
    KnObject *c = mk(plain_class(), 1);
    assert_null(ob_call(REF, ob_tuple_pack(3, c, KN_None, KN_None), NULL));
    expect_error(ob_exc_TypeError, "__new__ expected at most 2 arguments, got 3");
    KnObject *r = tu_call2(REF, c, NULL);
    assert_null(ob_call(r, ob_tuple_pack(1, I(1)), NULL));
    expect_error(ob_exc_TypeError, "weakref expected 0 arguments, got 1");
    assert_int_equal(ob_weakref_count(I(5)), 0);
    assert_int_equal(KN_SIZE(ob_weakref_list(I(5))), 0);
    assert_null(ob_weakref_new_proxy(I(1), NULL));
    expect_error(ob_exc_TypeError, "cannot create weak reference to 'int' object");
}

NOINLINE static KnObject *ref_to_new(KnObject *cls, long id, KnObject *cb, kn_hash_t *h)
{
    KnObject *o = mk(cls, id);
    KnObject *r = ob_weakref_new_ref(o, cb);
    if (h != NULL)
        *h = ob_hash(r);
    return r;
}

static KnObject *cb_fn(KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    (void)kw;
    assert_int_equal(n, 1);
    assert_true(KN_WEAKREF_REF_CHECK(args[0]));
    assert_ptr_equal(call0(args[0]), KN_None);
    fin_record("cb", NULL);
    return KN_None;
}

static void test_hash_eq_repr(void **state)
{
    (void)state;
    KnObject *C = plain_class();
    KnObject *c = mk(C, 1);
    KnObject *r = tu_call2(REF, c, NULL), *rc = tu_call2(REF, c, fn(cb_fn));
    assert_int_equal(ob_hash(r), ob_hash(c));
    assert_int_equal(ob_richcompare_bool(r, rc, KN_EQ), 1);
    assert_ptr_equal(ob_richcompare(r, I(1), KN_EQ), KN_False);
    assert_ptr_equal(ob_call_method(r, "__eq__", 1, I(1)), KN_NotImplemented);
    assert_null(ob_richcompare(r, r, KN_LT));
    expect_error(ob_exc_TypeError, "'<' not supported between instances of "
                                   "'weakref.ReferenceType' and 'weakref.ReferenceType'");
    char want[128];
    snprintf(want, sizeof want, "<weakref at %p; to 'C' at %p>", (void *)r, (void *)c);
    assert_string_equal(repr_s(r), want);
    /* a referent with __name__ shows it */
    snprintf(want, sizeof want, "<weakref at %p; to 'type' at %p (C)>",
             (void *)ob_weakref_new_ref(C, NULL), (void *)C);
    assert_string_equal(repr_s(ob_weakref_new_ref(C, NULL)), want);

    /* dead: hash kept if computed before, else an error; == is identity */
    kn_hash_t h1 = -1;
    static KnObject *d1, *d2, *d3;
    d1 = ref_to_new(C, 2, NULL, &h1);
    d2 = ref_to_new(C, 3, NULL, NULL);
    d3 = ref_to_new(C, 4, NULL, NULL);
    collect();
    assert_ptr_equal(call0(d1), KN_None);
    assert_ptr_equal(call0(d2), KN_None);
    assert_int_equal(ob_hash(d1), h1);
    assert_int_equal(ob_hash(d2), -1);
    expect_error(ob_exc_TypeError, "weak object has gone away");
    assert_int_equal(ob_richcompare_bool(d2, d3, KN_EQ), 0);
    assert_ptr_equal(ob_richcompare(d2, d2, KN_EQ), KN_True);
    assert_ptr_equal(ob_richcompare(d2, d3, KN_NE), KN_True);
    snprintf(want, sizeof want, "<weakref at %p; dead>", (void *)d2);
    assert_string_equal(repr_s(d2), want);
}

static void test_callback_on_death(void **state)
{
    (void)state;
    static KnObject *r, *r_nocb;
    KnObject *C = plain_class();
    r = ref_to_new(C, 1, fn(cb_fn), NULL);
    r_nocb = ref_to_new(C, 2, NULL, NULL);
    collect();
    assert_string_equal(fin_log, "cb -1");
    assert_ptr_equal(call0(r), KN_None);
    assert_ptr_equal(getattr_s(r, "__callback__"), KN_None);
    collect();
    assert_string_equal(fin_log, "cb -1");
    assert_ptr_equal(call0(r_nocb), KN_None);
}

static KnObject *cb2_fn(KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    (void)kw;
    (void)args;
    assert_int_equal(n, 1);
    fin_record("cb2", NULL);
    return KN_None;
}

NOINLINE static void two_callbacks(KnObject *C, KnObject **r1, KnObject **r2)
{
    KnObject *o = mk(C, 1);
    *r1 = ob_weakref_new_ref(o, fn(cb_fn));
    *r2 = ob_weakref_new_ref(o, fn(cb2_fn));
}

/* CPython calls the callbacks of one referent newest first. */
static void test_callback_order(void **state)
{
    (void)state;
    static KnObject *r1, *r2;
    two_callbacks(plain_class(), &r1, &r2);
    collect();
    assert_string_equal(fin_log, "cb2 -1;cb -1");
}

/* A weak reference that is garbage itself gets no callback. */
NOINLINE static void garbage_ref(KnObject *C, KnObject *keep_cls, KnObject **keep)
{
    KnObject *o = mk(C, 1);
    ob_weakref_new_ref(o, fn(cb_fn));
    *keep = ob_weakref_new_ref(mk(keep_cls, 2), NULL);
}

static void test_dead_ref_no_callback(void **state)
{
    (void)state;
    static KnObject *witness;
    KnObject *C = plain_class();
    garbage_ref(C, C, &witness);
    collect();
    assert_ptr_equal(call0(witness), KN_None);  /* a collection did happen */
    assert_string_equal(fin_log, "");
}

static void test_subclass(void **state)
{
    (void)state;
    KnObject *Sub = mkclass("MyRef", bases1(REF), ns(NULL));
    KnObject *c = mk(plain_class(), 1);
    KnObject *r = tu_call2(REF, c, NULL);
    KnObject *s = tu_call2(Sub, c, NULL);
    assert_non_null(s);
    assert_true(s != r);
    assert_ptr_equal(KN_TYPE(s), (KnTypeObject *)Sub);
    assert_ptr_equal(call0(s), c);
    assert_int_equal(ob_richcompare_bool(s, r, KN_EQ), 1);
    assert_int_equal(ob_setattr(s, S("extra"), I(3)), 0);   /* has a __dict__ */
    assert_int_equal(ob_weakref_count(c), 2);
    /* the proxy types cannot be subclassed */
    assert_null(ob_type_new(&ob_type_type, S("P"), bases1((KnObject *)&ob_weakref_proxy_type),
                            ns(NULL)));
    expect_error(ob_exc_TypeError, "type 'weakref.ProxyType' is not an acceptable base type");
}

static KnObject *twice_fn(KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    (void)kw;
    assert_int_equal(n, 2);         /* self, x */
    return ob_number_multiply(args[1], I(2));
}

static void test_proxy_forwarding(void **state)
{
    (void)state;
    KnObject *L = mkclass("L", bases1((KnObject *)&ob_list_type), ns(NULL));
    KnObject *l = call0(L);
    assert_int_equal(ob_list_append(l, I(1)), 0);
    assert_int_equal(ob_list_append(l, I(2)), 0);
    KnObject *p = ob_weakref_new_proxy(l, NULL);
    assert_ptr_equal(KN_TYPE(p), &ob_weakref_proxy_type);
    assert_int_equal(ob_length(p), 2);
    assert_int(ob_getitem(p, I(0)), 1);
    assert_int_equal(ob_contains(p, I(2)), 1);
    assert_list_repr(p, "[1, 2]");
    assert_repr(ob_number_add(p, ob_list_new(0)), "[1, 2]");
    assert_int_equal(ob_richcompare_bool(p, l, KN_EQ), 1);
    assert_int_equal(ob_setitem(p, I(0), I(5)), 0);
    assert_repr(l, "[5, 2]");
    assert_int_equal(ob_delitem(p, I(0)), 0);
    assert_repr(l, "[2]");
    /* in-place operators give the referent's result */
    KnObject *one = ob_list_new(0);
    ob_list_append(one, I(9));
    assert_ptr_equal(ob_number_inplace_add(p, one), l);
    assert_repr(l, "[2, 9]");
    assert_str(ob_str(p), "[2, 9]");
    assert_ptr_equal(getattr_s(p, "__class__"), L);
    assert_int_equal(ob_setattr(p, S("tag"), I(4)), 0);
    assert_int(getattr_s(l, "tag"), 4);
    assert_int_equal(ob_hash(p), -1);
    expect_error(ob_exc_TypeError, "unhashable type: 'weakref.ProxyType'");
    char want[128];
    snprintf(want, sizeof want, "<weakproxy at %p to L at %p>", (void *)p, (void *)l);
    assert_string_equal(repr_s(p), want);
    /* a proxy to a callable is a CallableProxyType */
    KnObject *K = mkclass("K", bases0(), ns("__call__", fn(twice_fn), NULL));
    KnObject *f = call0(K);
    KnObject *pf = ob_weakref_new_proxy(f, NULL);
    assert_ptr_equal(KN_TYPE(pf), &ob_weakref_callable_proxy_type);
    assert_int(tu_call(pf, 1, I(21)), 42);
}

NOINLINE static KnObject *proxy_to_new(KnObject *cls)
{
    return ob_weakref_new_proxy(mk(cls, 1), NULL);
}

static void test_dead_proxy(void **state)
{
    (void)state;
    static KnObject *p;
    p = proxy_to_new(plain_class());
    collect();
    assert_null(getattr_s(p, "id"));
    expect_error(ob_exc_ReferenceError, "weakly-referenced object no longer exists");
    assert_int_equal(ob_is_true(p), -1);
    expect_error(ob_exc_ReferenceError, "weakly-referenced object no longer exists");
    assert_null(ob_str(p));
    expect_error(ob_exc_ReferenceError, "weakly-referenced object no longer exists");
    assert_null(ob_number_add(p, I(1)));
    expect_error(ob_exc_ReferenceError, "weakly-referenced object no longer exists");
    assert_int_equal(ob_setattr(p, S("x"), I(1)), -1);
    expect_error(ob_exc_ReferenceError, "weakly-referenced object no longer exists");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_basic_ref, fin_reset),
        cmocka_unit_test_setup(test_ref_errors, fin_reset),
        cmocka_unit_test_setup(test_hash_eq_repr, fin_reset),
        cmocka_unit_test_setup(test_callback_on_death, fin_reset),
        cmocka_unit_test_setup(test_callback_order, fin_reset),
        cmocka_unit_test_setup(test_dead_ref_no_callback, fin_reset),
        cmocka_unit_test_setup(test_subclass, fin_reset),
        cmocka_unit_test_setup(test_proxy_forwarding, fin_reset),
        cmocka_unit_test_setup(test_dead_proxy, fin_reset),
    };
    return cmocka_run_group_tests(tests, fin_setup, NULL);
}
