/* test_type_union.c — `X | Y` on classes: types.UnionType
 * (src/type_new_union.c) and isinstance/issubclass with unions (type.c). */
#include "type_new.h"
#include "test_type_helpers.h"

#define T(t) ((KnObject *)&(t))

static KnObject *or2(KnObject *a, KnObject *b)
{
    KnObject *r = ob_number_or(a, b);
    assert_non_null(r);
    return r;
}

static void test_build_and_repr(void **state)
{
    KnObject *u = or2(T(ob_int_type), T(ob_str_type));
    assert_ptr_equal(KN_TYPE(u), &ob_union_type);
    assert_string_equal(cstr(ob_repr(u)), "int | str");
    KnObject *args = getattr_s(u, "__args__");
    assert_int_equal(KN_SIZE(args), 2);
    assert_ptr_equal(KN_TUPLE_GET(args, 0), &ob_int_type);
    /* None is stored as NoneType, printed as None, either side */
    KnObject *on = or2(T(ob_int_type), KN_None);
    assert_ptr_equal(KN_TUPLE_GET(getattr_s(on, "__args__"), 1), &ob_none_type);
    assert_string_equal(cstr(ob_repr(on)), "int | None");
    assert_string_equal(cstr(ob_repr(or2(KN_None, T(ob_int_type)))), "None | int");
    /* one member left: the member itself; unions flatten, duplicates go */
    assert_ptr_equal(or2(T(ob_int_type), T(ob_int_type)), &ob_int_type);
    KnObject *three = or2(u, T(ob_float_type));
    assert_string_equal(cstr(ob_repr(three)), "int | str | float");
    assert_string_equal(cstr(ob_repr(or2(u, T(ob_int_type)))), "int | str");
    /* classes made at run time print with their module */
    KnObject *C = mkclass("C", bases0(), ns(NULL));
    assert_string_equal(cstr(ob_repr(or2(C, KN_None))), "tmod.C | None");
    /* the type of a union, as types.py takes it */
    assert_string_equal(cstr(ob_repr((KnObject *)KN_TYPE(u))), "<class 'types.UnionType'>");
    assert_string_equal(cstr(getattr_s(T(ob_union_type), "__name__")), "UnionType");
    assert_int_equal(KN_SIZE(getattr_s(u, "__parameters__")), 0);
}

static void test_errors(void **state)
{
    assert_null(ob_number_or(T(ob_int_type), I(1)));
    expect_error(ob_exc_TypeError, "unsupported operand type(s) for |: 'type' and 'int'");
    KnObject *u = or2(T(ob_int_type), T(ob_str_type));
    assert_null(ob_getitem(u, T(ob_int_type)));
    expect_error(ob_exc_TypeError, "int | str is not a generic class");
}

static void test_compare_and_hash(void **state)
{
    KnObject *a = or2(T(ob_int_type), T(ob_str_type));
    KnObject *b = or2(T(ob_str_type), T(ob_int_type));
    assert_int_equal(ob_richcompare_bool(a, b, KN_EQ), 1);
    assert_int_equal(ob_richcompare_bool(a, b, KN_NE), 0);
    assert_int_equal(ob_hash(a), ob_hash(b));
    KnObject *c = or2(T(ob_int_type), T(ob_float_type));
    assert_int_equal(ob_richcompare_bool(a, c, KN_EQ), 0);
    assert_int_equal(ob_richcompare_bool(a, T(ob_int_type), KN_EQ), 0);
}

static void test_isinstance(void **state)
{
    KnObject *u = or2(T(ob_int_type), T(ob_str_type));
    assert_int_equal(ob_isinstance(I(1), u), 1);
    assert_int_equal(ob_isinstance(S("s"), u), 1);
    assert_int_equal(ob_isinstance(ob_float_from_double(1.0), u), 0);
    assert_int_equal(ob_isinstance(KN_None, or2(T(ob_int_type), KN_None)), 1);
    assert_int_equal(ob_issubclass(T(ob_bool_type), u), 1);
    assert_int_equal(ob_issubclass(T(ob_float_type), u), 0);
    /* through the methods too */
    assert_ptr_equal(callm(u, "__instancecheck__", 1, I(3)), KN_True);
    assert_ptr_equal(callm(u, "__subclasscheck__", 1, T(ob_float_type)), KN_False);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_and_repr),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_compare_and_hash),
        cmocka_unit_test(test_isinstance),
    };
    return cmocka_run_group_tests(tests, setup_runtime, NULL);
}
