/* test_tuple.c — tuple (src/tuple.c).  Expected values are python3.11's
 * output (hashes of ints and floats do not depend on PYTHONHASHSEED). */
#include "test_cont.h"

static void test_hash(void **state)
{
    (void)state;
    assert_int_equal(ob_hash(ob_tuple_empty()), 5740354900026072187LL);
    assert_int_equal(ob_hash(T(1, I(1))), -6644214454873602895LL);
    assert_int_equal(ob_hash(T(3, I(1), I(2), I(3))), 529344067295497451LL);
    assert_int_equal(ob_hash(T(2, T(2, I(1), I(2)), T(1, I(3)))), -8303551883679707139LL);
    assert_int_equal(ob_hash(T(1, I(-1))), 8078679518589016365LL);
    assert_int_equal(ob_hash(T(2, ob_float_from_double(1.5), I(2))), 8274728468405361693LL);
    assert_int_equal(ob_hash(T(1, L(0))), -1);
    assert_exc(NULL, TypeError, "unhashable type: 'list'");
}

static void test_sequence(void **state)
{
    (void)state;
    KnObject *t = T(4, I(1), I(2), I(3), I(2));
    assert_int_obj(call(t, "index", 1, I(2)), 1);
    assert_int_obj(call(t, "index", 2, I(2), I(2)), 3);
    assert_int_obj(call(t, "count", 1, I(2)), 2);
    assert_repr(ob_getitem(t, ob_slice_new(I(1), I(3), NULL)), "(2, 3)");
    assert_repr(ob_getitem(t, ob_slice_new(NULL, NULL, I(-1))), "(2, 3, 2, 1)");
    assert_ptr_equal(ob_getitem(t, ob_slice_new(NULL, NULL, NULL)), t);
    assert_repr(ob_number_multiply(t, I(2)), "(1, 2, 3, 2, 1, 2, 3, 2)");
    assert_repr(ob_number_add(t, T(1, I(5))), "(1, 2, 3, 2, 5)");
    assert_ptr_equal(ob_number_multiply(T(1, I(1)), I(0)), ob_tuple_empty());
    assert_true_obj(ob_richcompare(T(2, I(1), I(2)), T(3, I(1), I(2), I(3)), KN_LT));
    assert_true_obj(ob_richcompare(T(2, I(1), I(3)), T(3, I(1), I(2), I(9)), KN_GT));
    assert_repr(T(1, I(1)), "(1,)");
    assert_repr(ob_tuple_empty(), "()");
    assert_repr(T(3, I(1), S("a"), T(1, I(2))), "(1, 'a', (2,))");
    assert_repr(tc_new(&ob_tuple_type, 1, L(2, I(1), I(2))), "(1, 2)");
    assert_repr(tc_new(&ob_tuple_type, 1, tc_new(&ob_range_type, 1, I(3))), "(0, 1, 2)");
    assert_ptr_equal(tc_new(&ob_tuple_type, 0), ob_tuple_empty());
    assert_repr(call(T(2, I(1), I(2)), "__getnewargs__", 0), "((1, 2),)");
    /* a tuple reached again through a list prints (...) */
    KnObject *l = L(0);
    KnObject *rt = T(1, l);
    ob_list_append(l, rt);
    assert_repr(rt, "([(...)],)");
}

static void test_errors(void **state)
{
    (void)state;
    assert_exc(ob_getitem(T(1, I(1)), I(5)), IndexError, "tuple index out of range");
    assert_exc(ob_getitem(T(1, I(1)), S("a")), TypeError,
               "tuple indices must be integers or slices, not str");
    assert_exc(ob_number_add(T(1, I(1)), L(1, I(2))), TypeError,
               "can only concatenate tuple (not \"list\") to tuple");
    assert_exc(try_call(T(1, I(1)), "index", 1, I(5)), ValueError, "tuple.index(x): x not in tuple");
    assert_exc(try_call(T(2, I(1), I(2)), "index", 3, I(1), I(0), I(0)), ValueError,
               "tuple.index(x): x not in tuple");
    assert_exc(tc_new(&ob_tuple_type, 1, I(1)), TypeError, "'int' object is not iterable");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_sequence),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, tc_setup, NULL);
}
