/* test_super.c — super objects (src/super.c). */
#include "test_type_helpers.h"

static KnObject *who_a(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return S("A"); }
static KnObject *who_b(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return S("B"); }
static KnObject *who_c(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return S("C"); }
static KnObject *who_d(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return S("D"); }

/* classmethod body: the class it was bound to */
static KnObject *cls_name(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return getattr_s(a[0], "__name__");
}

static KnObject *A, *B, *C, *D;

static int setup(void **state)
{
    if (setup_runtime(state) < 0)
        return -1;
    A = mkclass("A", bases0(), ns("who", fn(who_a), "k", ob_classmethod_new(fn(cls_name)),
                                  "plain", I(1), NULL));
    B = mkclass("B", bases1(A), ns("who", fn(who_b), NULL));
    C = mkclass("C", bases1(A), ns("who", fn(who_c), NULL));
    D = mkclass("D", bases2(B, C), ns("who", fn(who_d), NULL));
    return 0;
}

static KnObject *super2(KnObject *t, KnObject *o)
{
    KnObject *args[2] = { t, o };
    return ob_vectorcall((KnObject *)&ob_super_type, args, 2, NULL);
}

static void test_next_in_mro(void **state)
{
    KnObject *d = call0(D);
    KnObject *s = super2(D, d);
    assert_non_null(s);
    assert_string_equal(cstr(callm(s, "who", 0, NULL)), "B");
    assert_string_equal(cstr(callm(super2(B, d), "who", 0, NULL)), "C");
    assert_string_equal(cstr(callm(super2(C, d), "who", 0, NULL)), "A");
    assert_null(getattr_s(super2(A, d), "who"));
    expect_error(ob_exc_AttributeError, "'super' object has no attribute 'who'");
    /* plain values come back as they are; classmethods bind to the class */
    assert_int_equal(as_long(getattr_s(super2(B, d), "plain")), 1);
    assert_string_equal(cstr(callm(super2(B, d), "k", 0, NULL)), "D");
    /* the C entry the interpreter uses for super() */
    KnObject *z = ob_super_new((KnTypeObject *)B, d);
    assert_string_equal(cstr(callm(z, "who", 0, NULL)), "C");
    /* __class__ is the super object's own */
    assert_ptr_equal(getattr_s(z, "__class__"), &ob_super_type);
    assert_ptr_equal(getattr_s(z, "__thisclass__"), B);
    assert_ptr_equal(getattr_s(z, "__self__"), d);
    assert_ptr_equal(getattr_s(z, "__self_class__"), D);
}

static void test_class_argument(void **state)
{
    /* super(B, D): functions come back unbound, classmethods bind to D */
    KnObject *s = super2(B, D);
    KnObject *f = getattr_s(s, "who");
    assert_non_null(f);
    assert_ptr_not_equal(KN_TYPE(f), &ob_method_type);
    assert_string_equal(cstr(ob_call_onearg(f, I(0))), "C");
    assert_string_equal(cstr(callm(s, "k", 0, NULL)), "D");
}

static void test_repr_and_get(void **state)
{
    KnObject *b = call0(B);
    assert_string_equal(cstr(ob_repr(super2(B, b))), "<super: <class 'B'>, <B object>>");
    assert_string_equal(cstr(ob_repr(super2((KnObject *)&ob_int_type, I(1)))),
                        "<super: <class 'int'>, <int object>>");
    KnObject *args[1] = { B };
    KnObject *unbound = ob_vectorcall((KnObject *)&ob_super_type, args, 1, NULL);
    assert_non_null(unbound);
    assert_string_equal(cstr(ob_repr(unbound)), "<super: <class 'B'>, NULL>");
    /* __get__ binds an unbound super */
    KnObject *bound = KN_TYPE(unbound)->tp_descr_get(unbound, b, B);
    assert_string_equal(cstr(ob_repr(bound)), "<super: <class 'B'>, <B object>>");
    assert_string_equal(cstr(callm(bound, "who", 0, NULL)), "A");
    KnObject *same = KN_TYPE(bound)->tp_descr_get(bound, b, B);
    assert_ptr_equal(same, bound);
}

static void test_errors(void **state)
{
    assert_null(super2(I(1), I(2)));
    expect_error(ob_exc_TypeError, "super() argument 1 must be a type, not int");
    assert_null(super2((KnObject *)&ob_int_type, S("a")));
    expect_error(ob_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    assert_null(super2(B, call0(C)));
    expect_error(ob_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    assert_null(call0((KnObject *)&ob_super_type));
    expect_error(ob_exc_RuntimeError, "super(): no arguments");
    KnObject *three[3] = { B, B, B };
    assert_null(ob_vectorcall((KnObject *)&ob_super_type, three, 3, NULL));
    expect_error(ob_exc_TypeError, "super() expected at most 2 arguments, got 3");
}

static KnObject *zero_obj;
static int zero_args(KnTypeObject **type, KnObject **obj)
{
    *type = (KnTypeObject *)C;
    *obj = zero_obj;
    return 0;
}

static void test_zero_arg_hook(void **state)
{
    zero_obj = call0(D);
    KnClassHooks h = { .function_type = NULL, .super_zero_args = zero_args };
    extern KnClassHooks ob_type_hooks;
    KnClassHooks saved = ob_type_hooks;
    h.function_type = saved.function_type;
    ob_type_set_hooks(&h);
    KnObject *s = call0((KnObject *)&ob_super_type);
    ob_type_set_hooks(&saved);
    assert_non_null(s);
    assert_string_equal(cstr(callm(s, "who", 0, NULL)), "A");
}


static KnObject *p_base(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return I(5); }

/* D.p: super(PD, self).p + 1 */
static KnObject *PD;
static KnObject *p_derived(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *s = ob_super_new((KnTypeObject *)PD, a[0]);
    KnObject *v = s ? getattr_s(s, "p") : NULL;
    return v ? I(as_long(v) + 1) : NULL;
}

static void test_through_descriptors(void **state)
{
    KnObject *b = call0(B);
    /* object.__init__ reached through super */
    KnObject *init = getattr_s(super2(B, b), "__init__");
    assert_non_null(init);
    assert_ptr_equal(call0(init), KN_None);
    assert_null(ob_call_onearg(init, I(1)));
    expect_error(ob_exc_TypeError, "B.__init__() takes exactly one argument (the instance to initialize)");
    /* a property of the parent, read through super from the child's property */
    KnObject *args[1] = { fn(p_base) };
    KnObject *PC = mkclass("PC", bases0(), ns("p", ob_vectorcall((KnObject *)&ob_property_type,
                                                                  args, 1, NULL), NULL));
    args[0] = fn(p_derived);
    PD = mkclass("PD", bases1(PC), ns("p", ob_vectorcall((KnObject *)&ob_property_type, args, 1,
                                                          NULL), NULL));
    assert_int_equal(as_long(getattr_s(call0(PD), "p")), 6);
    /* object's __repr__ bound to the instance */
    KnObject *r = callm(super2(B, b), "__repr__", 0, NULL);
    assert_true(strncmp(cstr(r), "<tmod.B object at ", 18) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_next_in_mro),
        cmocka_unit_test(test_class_argument),
        cmocka_unit_test(test_repr_and_get),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_zero_arg_hook),
        cmocka_unit_test(test_through_descriptors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
