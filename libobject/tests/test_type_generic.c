/* test_type_generic.c — types.GenericAlias, list[int] (src/type_new_generic.c). */
#include "type_new.h"
#include "test_type_helpers.h"

#define T(t) ((KnObject *)&(t))

static KnObject *ga(KnObject *origin, KnObject *args)
{
    KnObject *a[2] = { origin, args };
    KnObject *g = ob_vectorcall(T(ob_generic_alias_type), a, 2, NULL);
    assert_non_null(g);
    return g;
}

static void test_basics(void **state)
{
    KnObject *g = ga(T(ob_list_type), ob_tuple_pack(1, T(ob_int_type)));
    assert_string_equal(cstr(ob_repr(g)), "list[int]");
    assert_ptr_equal(getattr_s(g, "__origin__"), &ob_list_type);
    assert_int_equal(KN_SIZE(getattr_s(g, "__args__")), 1);
    assert_int_equal(KN_SIZE(getattr_s(g, "__parameters__")), 0);
    KnObject *g2 = ob_generic_alias_new(T(ob_list_type), T(ob_int_type));
    assert_string_equal(cstr(ob_repr(g2)), "list[int]");
    assert_int_equal(ob_richcompare_bool(g, g2, KN_EQ), 1);
    assert_int_equal(ob_hash(g), ob_hash(g2));
    assert_string_equal(cstr(ob_repr(ga(T(ob_dict_type), ob_tuple_pack(2, T(ob_str_type), KN_Ellipsis)))),
                        "dict[str, ...]");
    assert_string_equal(cstr(ob_repr(ga(T(ob_tuple_type), ob_tuple_empty()))), "tuple[()]");
    KnObject *C = mkclass("C", bases0(), ns(NULL));
    assert_string_equal(cstr(ob_repr(ga(C, ob_tuple_pack(1, C)))), "tmod.C[tmod.C]");
    /* attributes of the origin show through; calling makes an origin instance */
    assert_ptr_equal(KN_TYPE(getattr_s(g, "append")), &ob_method_descr_type);
    KnObject *l = ob_call_onearg(g, ob_tuple_pack(2, I(1), I(2)));
    assert_non_null(l);
    assert_ptr_equal(KN_TYPE(l), &ob_list_type);
    KnObject *c = call0(ga(C, ob_tuple_pack(1, T(ob_int_type))));
    assert_ptr_equal(KN_TYPE(c), C);
    assert_string_equal(cstr(ob_repr(getattr_s(c, "__orig_class__"))), "tmod.C[int]");
    /* | makes a union */
    KnObject *u = ob_number_or(g, KN_None);
    assert_string_equal(cstr(ob_repr(u)), "list[int] | None");
    /* reduce */
    KnObject *r = callm(g, "__reduce__", 0, NULL);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), &ob_generic_alias_type);
}

static void test_errors(void **state)
{
    KnObject *g = ga(T(ob_list_type), ob_tuple_pack(1, T(ob_int_type)));
    assert_int_equal(ob_isinstance(ob_list_new(0), g), -1);
    expect_error(ob_exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    assert_int_equal(ob_issubclass(T(ob_list_type), g), -1);
    expect_error(ob_exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    assert_null(ob_getitem(g, T(ob_int_type)));
    expect_error(ob_exc_TypeError, "list[int] is not a generic class");
    assert_null(ob_call_onearg(T(ob_generic_alias_type), T(ob_list_type)));
    expect_error(ob_exc_TypeError, "GenericAlias expected 2 arguments, got 1");
}

static void test_subclassing(void **state)
{
    KnObject *g = ga(T(ob_list_type), ob_tuple_pack(1, T(ob_int_type)));
    KnObject *orig = ob_tuple_pack(1, g);
    KnObject *bases = ob_type_build_bases(orig);
    assert_ptr_equal(KN_TUPLE_GET(bases, 0), &ob_list_type);
    KnObject *D = ob_type_build_class(T(ob_type_type), S("D"), bases, orig, ns(NULL), NULL, NULL);
    assert_non_null(D);
    assert_ptr_equal(((KnTypeObject *)D)->tp_base, &ob_list_type);
    /* built-in classes plug the def in as their __class_getitem__ */
    KnObject *cg = ob_descr_new_classmethod(&ob_list_type, &ob_generic_alias_class_getitem_def);
    KnObject *bound = KN_TYPE(cg)->tp_descr_get(cg, NULL, T(ob_list_type));
    assert_string_equal(cstr(ob_repr(ob_call_onearg(bound, T(ob_str_type)))), "list[str]");
}

/* a stand-in for typing.TypeVar: repr "~T", __typing_subst__ returns its argument */
static KnObject *tv_repr(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return S("~T"); }
static KnObject *tv_subst(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return a[1]; }

static void test_substitution(void **state)
{
    KnObject *TypeVar = mkclass("TypeVar", bases0(), ns("__repr__", fn(tv_repr),
                                                         "__typing_subst__", fn(tv_subst), NULL));
    KnObject *Tv = call0(TypeVar);
    KnObject *h = ga(T(ob_dict_type), ob_tuple_pack(2, T(ob_str_type), Tv));
    KnObject *ps = getattr_s(h, "__parameters__");
    assert_int_equal(KN_SIZE(ps), 1);
    assert_ptr_equal(KN_TUPLE_GET(ps, 0), Tv);
    assert_string_equal(cstr(ob_repr(ob_getitem(h, T(ob_int_type)))), "dict[str, int]");
    KnObject *nested = ga(T(ob_list_type), ob_tuple_pack(1, ga(T(ob_list_type), ob_tuple_pack(1, Tv))));
    assert_string_equal(cstr(ob_repr(ob_getitem(nested, T(ob_float_type)))), "list[list[float]]");
    assert_null(ob_getitem(h, ob_tuple_pack(2, T(ob_int_type), T(ob_str_type))));
    expect_error(ob_exc_TypeError, "Too many arguments for dict[str, ~T]; actual 2, expected 1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basics),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_subclassing),
        cmocka_unit_test(test_substitution),
    };
    return cmocka_run_group_tests(tests, setup_runtime, NULL);
}
