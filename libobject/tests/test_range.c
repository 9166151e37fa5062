/* test_range.c — range and its iterators (src/range.c); expectations are
 * python3.11's output. */
#include "test_cont.h"

#define RG(...) tc_new(&ob_range_type, __VA_ARGS__)

static KnObject *big(const char *digits)
{
    return ob_int_from_string(digits, (kn_ssize_t)strlen(digits), 10);
}

static KnObject *drain(KnObject *it)
{
    KnObject *l = ob_list_new(0), *x;
    while ((x = KN_TYPE(it)->tp_iternext(it)) != NULL)
        ob_list_append(l, x);
    assert_null(ob_err_occurred());
    return l;
}

static void test_repr_and_len(void **state)
{
    (void)state;
    assert_repr(RG(2, I(0), I(5)), "range(0, 5)");
    assert_repr(RG(1, I(5)), "range(0, 5)");
    assert_repr(RG(3, I(1), I(10), I(2)), "range(1, 10, 2)");
    KnObject *r5 = RG(3, I(1), I(10), I(2));
    assert_int_equal(KN_TYPE(r5)->tp_as_sequence->sq_length(r5), 5);
    assert_int_equal(KN_TYPE(RG(3, I(10), I(1), I(-3)))->tp_as_sequence->sq_length(
                         RG(3, I(10), I(1), I(-3))), 3);
    KnObject *huge = RG(1, big("100000000000000000000"));
    assert_int_equal(KN_TYPE(huge)->tp_as_sequence->sq_length(huge), -1);
    assert_exc(NULL, OverflowError, "Python int too large to convert to C ssize_t");
    assert_exc(RG(3, I(1), I(2), I(0)), ValueError, "range() arg 3 must not be zero");
    assert_exc(RG(0), TypeError, "range expected at least 1 argument, got 0");
    assert_exc(RG(4, I(1), I(1), I(1), I(1)), TypeError, "range expected at most 3 arguments, got 4");
}

static void test_items_and_slices(void **state)
{
    (void)state;
    KnObject *r = RG(3, I(0), I(10), I(3));
    KnMappingMethods *mp = KN_TYPE(r)->tp_as_mapping;
    assert_int_obj(KN_TYPE(r)->tp_as_sequence->sq_item(r, 3), 9);
    assert_exc(KN_TYPE(r)->tp_as_sequence->sq_item(r, 4), IndexError,
               "range object index out of range");
    assert_repr(mp->mp_subscript(RG(1, I(5)), SL(I(1), I(3), KN_None)), "range(1, 3)");
    assert_repr(mp->mp_subscript(RG(1, I(10)), SL(KN_None, KN_None, I(-2))),
                "range(9, -1, -2)");
    assert_exc(mp->mp_subscript(r, S("a")), TypeError,
               "range indices must be integers or slices, not str");
    KnObject *huge = RG(1, big("100000000000000000000"));
    assert_repr(mp->mp_subscript(huge, big("10000000000000000000")), "10000000000000000000");
    assert_repr(mp->mp_subscript(huge, SL(KN_None, KN_None, I(-1))),
                "range(99999999999999999999, -1, -1)");
    assert_repr(call(huge, "index", 1, big("10000000000000000000")), "10000000000000000000");
    assert_int_equal(KN_TYPE(huge)->tp_as_sequence->sq_contains(huge, big("10000000000000000000")), 1);
    assert_int_obj(call(huge, "count", 1, I(5)), 1);
}

static void test_search(void **state)
{
    (void)state;
    KnObject *r = RG(3, I(1), I(20), I(3));
    KnSequenceMethods *sq = KN_TYPE(r)->tp_as_sequence;
    assert_int_equal(sq->sq_contains(r, I(7)), 1);
    assert_int_equal(sq->sq_contains(r, I(8)), 0);
    assert_int_equal(sq->sq_contains(r, I(22)), 0);
    assert_int_equal(sq->sq_contains(r, ob_float_from_double(7.0)), 1);
    assert_int_equal(sq->sq_contains(r, KN_True), 1);
    assert_int_obj(call(r, "index", 1, I(7)), 2);
    assert_int_obj(call(r, "index", 1, ob_float_from_double(10.0)), 3);
    assert_exc(try_call(RG(1, I(5)), "index", 1, I(7)), ValueError, "7 is not in range");
    assert_exc(try_call(RG(1, I(5)), "index", 1, S("x")), ValueError,
               "sequence.index(x): x not in sequence");
    assert_int_obj(call(r, "count", 1, ob_float_from_double(4.0)), 1);
    assert_int_obj(call(RG(3, I(10), I(0), I(-1)), "index", 1, I(3)), 7);
}

static void test_equality_and_hash(void **state)
{
    (void)state;
    assert_true_obj(ob_richcompare(RG(3, I(0), I(3), I(2)), RG(3, I(0), I(4), I(2)), KN_EQ));
    assert_true_obj(ob_richcompare(RG(1, I(0)), RG(2, I(5), I(1)), KN_EQ));
    assert_true_obj(ob_richcompare(RG(3, I(3), I(4), I(5)), RG(3, I(3), I(5), I(7)), KN_EQ));
    assert_false_obj(ob_richcompare(RG(1, I(3)), RG(1, I(4)), KN_EQ));
    assert_ptr_equal(ob_range_type.tp_richcompare(RG(1, I(3)), RG(1, I(4)), KN_LT),
                     KN_NotImplemented);
    /* hash((len, start, step)) with None for what does not matter; None's
     * hash is an address, so only relations are checked there */
    assert_int_equal(ob_hash(RG(1, I(0))), ob_hash(RG(3, I(5), I(1), I(7))));
    assert_int_equal(ob_hash(RG(2, I(5), I(6))), ob_hash(RG(3, I(5), I(9), I(10))));
    assert_int_equal(ob_hash(RG(2, I(5), I(6))), ob_hash(T(3, I(1), I(5), KN_None)));
    assert_int_equal(ob_hash(RG(3, I(0), I(10), I(2))), -6143170332311272345LL);
    assert_repr(call(RG(1, I(5)), "__reduce__", 0), "(<class 'range'>, (0, 5, 1))");
    assert_repr(ob_getattr_str(RG(3, I(1), I(2), I(3)), "step"), "3");
}

static void test_iterators(void **state)
{
    (void)state;
    KnObject *r = RG(3, I(1), I(10), I(3));
    KnObject *it = KN_TYPE(r)->tp_iter(r);
    assert_string_equal(ob_type_name(KN_TYPE(it)), "range_iterator");
    assert_int_obj(call(it, "__length_hint__", 0), 3);
    assert_repr(drain(it), "[1, 4, 7]");
    assert_repr(drain(call(r, "__reversed__", 0)), "[7, 4, 1]");
    assert_repr(drain(call(RG(1, I(0)), "__reversed__", 0)), "[]");
    KnObject *huge = RG(2, big("99999999999999999998"), big("100000000000000000000"));
    it = KN_TYPE(huge)->tp_iter(huge);
    assert_string_equal(ob_type_name(KN_TYPE(it)), "longrange_iterator");
    assert_repr(drain(it), "[99999999999999999998, 99999999999999999999]");
    /* values at the very edge of a C long stay exact */
    KnObject *edge = RG(3, big("9223372036854775805"), big("9223372036854775807"), I(1));
    assert_repr(drain(KN_TYPE(edge)->tp_iter(edge)),
                "[9223372036854775805, 9223372036854775806]");
}

/* Which iterator type iter() and reversed() pick at the C long limits
 * (python3.11's answers). */
static void test_iterator_choice(void **state)
{
    (void)state;
    static const struct {
        const char *start, *stop, *step, *fwd, *rev;
    } cases[] = {
        {"0", "9223372036854775807", "1", "range_iterator", "range_iterator"},
        {"0", "9223372036854775807", "2", "longrange_iterator", "range_iterator"},
        {"-9223372036854775808", "0", "1", "longrange_iterator", "longrange_iterator"},
        {"9223372036854775802", "9223372036854775807", "1", "range_iterator", "range_iterator"},
        {"0", "9223372036854775808", "1", "longrange_iterator", "longrange_iterator"},
        {"5", "-9223372036854775808", "-1", "longrange_iterator", "longrange_iterator"},
        {"5", "-9223372036854775807", "-1", "longrange_iterator", "longrange_iterator"},
        {"-9223372036854775808", "-9223372036854775802", "2", "range_iterator", "longrange_iterator"},
        {"-9223372036854775805", "-9223372036854775808", "-1", "range_iterator", "range_iterator"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        KnObject *r = RG(3, big(cases[i].start), big(cases[i].stop), big(cases[i].step));
        assert_string_equal(ob_type_name(KN_TYPE(tc_ok(ob_get_iter(r)))), cases[i].fwd);
        assert_string_equal(ob_type_name(KN_TYPE(call(r, "__reversed__", 0))), cases[i].rev);
    }
    KnObject *r = RG(3, big("-9223372036854775808"), big("-9223372036854775802"), I(2));
    assert_repr(drain(call(r, "__reversed__", 0)),
                "[-9223372036854775804, -9223372036854775806, -9223372036854775808]");
    r = RG(3, big("-9223372036854775805"), big("-9223372036854775808"), I(-1));
    assert_repr(drain(call(r, "__reversed__", 0)),
                "[-9223372036854775807, -9223372036854775806, -9223372036854775805]");
    assert_repr(drain(ob_get_iter(r)),
                "[-9223372036854775805, -9223372036854775806, -9223372036854775807]");
}

/* __reduce__ / __setstate__ (python3.11's answers). */
static void test_iterator_pickling(void **state)
{
    (void)state;
    KnObject *it = ob_get_iter(RG(3, I(1), I(10), I(3)));
    assert_exc(try_call(it, "__reduce__", 0), NotImplementedError, NULL);
    tc_register_iter();
    assert_int_obj(ob_iter_next(it), 1);
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, (range(1, 10, 3),), 1)");
    call(it, "__setstate__", 1, I(2));
    assert_repr(drain(it), "[7]");
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, (range(1, 10, 3),), 3)");
    it = ob_get_iter(RG(1, big("100000000000000000000")));
    assert_int_obj(ob_iter_next(it), 0);
    assert_repr(call(it, "__reduce__", 0),
                "(<built-in function iter>, (range(0, 100000000000000000000),), 1)");
    call(it, "__setstate__", 1, big("99999999999999999998"));
    assert_repr(drain(it), "[99999999999999999998, 99999999999999999999]");
    it = call(RG(1, I(5)), "__reversed__", 0);
    ob_iter_next(it);
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, (range(4, -1, -1),), 1)");
    call(it, "__setstate__", 1, I(-7));
    assert_repr(drain(it), "[4, 3, 2, 1, 0]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repr_and_len),
        cmocka_unit_test(test_items_and_slices),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_equality_and_hash),
        cmocka_unit_test(test_iterators),
        cmocka_unit_test(test_iterator_choice),
        cmocka_unit_test(test_iterator_pickling),
    };
    return cmocka_run_group_tests(tests, tc_setup, NULL);
}
