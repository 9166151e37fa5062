/* test_list.c — list (src/list.c, list_methods.c, listsort.c).  Expected
 * values are python3.11's output for the same operations. */
#include "test_cont.h"

static KnObject *SET_OF3(void)
{
    return tc_ok(ob_set_new(L(3, I(1), I(2), I(3))));
}

static KnObject *rng(long long lo, long long hi)
{
    return tc_ok(tc_new(&ob_range_type, 2, I(lo), I(hi)));
}

static void test_methods(void **state)
{
    (void)state;
    KnObject *l = L(3, I(3), I(1), I(2));
    call(l, "append", 1, I(5));
    call(l, "extend", 1, rng(0, 2));
    call(l, "insert", 2, I(0), I(9));
    call(l, "insert", 2, I(-1), I(7));
    call(l, "insert", 2, I(100), I(8));
    assert_repr(l, "[9, 3, 1, 2, 5, 0, 7, 1, 8]");
    assert_int_obj(call(l, "pop", 0), 8);
    assert_int_obj(call(l, "pop", 1, I(0)), 9);
    assert_int_obj(call(l, "pop", 1, I(-2)), 7);
    assert_repr(l, "[3, 1, 2, 5, 0, 1]");
    call(l, "remove", 1, I(1));
    assert_repr(l, "[3, 2, 5, 0, 1]");
    assert_int_obj(call(l, "index", 1, I(5)), 2);
    assert_int_obj(call(l, "count", 1, I(1)), 1);
    assert_int_obj(call(l, "index", 2, I(1), I(2)), 4);
    call(l, "reverse", 0);
    assert_repr(l, "[1, 0, 5, 2, 3]");
    KnObject *c = call(l, "copy", 0);
    call(l, "clear", 0);
    assert_repr(l, "[]");
    assert_repr(c, "[1, 0, 5, 2, 3]");
}

static void test_sort(void **state)
{
    (void)state;
    KnObject *l = L(5, I(1), I(0), I(5), I(2), I(3));
    call(l, "sort", 0);
    assert_repr(l, "[0, 1, 2, 3, 5]");
    KnObject *kw = ob_tuple_pack(1, S("reverse"));
    KnObject *sort = ob_getattr_str(l, "sort");
    KnObject *args[1] = {KN_True};
    tc_ok(ob_vectorcall(sort, args, 0, kw));
    assert_repr(l, "[5, 3, 2, 1, 0]");
    /* key=int.bit_length; equal keys keep their order (stable) */
    KnObject *w = L(6, I(-5), I(3), I(-1), I(2), I(8), I(-8));
    KnObject *key[1] = {ob_getattr_str((KnObject *)&ob_int_type, "bit_length")};
    tc_ok(ob_vectorcall(ob_getattr_str(w, "sort"), key, 0, ob_tuple_pack(1, S("key"))));
    assert_repr(w, "[-1, 3, 2, -5, 8, -8]");
    /* a large sort agrees with a simple check of order */
    KnObject *big = ob_list_new(0);
    for (long long i = 0; i < 5000; i++)
        ob_list_append(big, I((i * 7919) % 5003));
    call(big, "sort", 0);
    for (kn_ssize_t i = 1; i < KN_SIZE(big); i++)
        assert_true(ob_int_as_long_long(KN_LIST_GET(big, i - 1)) <=
                    ob_int_as_long_long(KN_LIST_GET(big, i)));
    assert_exc(try_call(L(2, I(1), S("a")), "sort", 0), TypeError,
               "'<' not supported between instances of 'str' and 'int'");
}

static void test_slices(void **state)
{
    (void)state;
    KnObject *x = tc_ok(ob_sequence_list(rng(0, 10)));
    assert_repr(ob_getitem(x, SL(I(2), I(8), I(2))), "[2, 4, 6]");
    assert_repr(ob_getitem(x, SL(NULL, NULL, I(-3))), "[9, 6, 3, 0]");
    assert_repr(ob_getitem(x, SL(I(-3), NULL, NULL)), "[7, 8, 9]");
    assert_repr(ob_getitem(x, SL(I(100), NULL, NULL)), "[]");
    assert_int_equal(ob_setitem(x, SL(I(2), I(4), NULL), L(3, S("a"), S("b"), S("c"))), 0);
    assert_repr(x, "[0, 1, 'a', 'b', 'c', 4, 5, 6, 7, 8, 9]");
    assert_int_equal(ob_setitem(x, SL(NULL, NULL, I(3)), L(4, I(0), I(0), I(0), I(0))), 0);
    assert_repr(x, "[0, 1, 'a', 0, 'c', 4, 0, 6, 7, 0, 9]");
    assert_int_equal(ob_delitem(x, SL(NULL, NULL, I(2))), 0);
    assert_repr(x, "[1, 0, 4, 6, 0]");
    assert_int_equal(ob_delitem(x, SL(I(1), I(3), NULL)), 0);
    assert_repr(x, "[1, 6, 0]");
    assert_int_equal(ob_setitem(x, SL(I(1), I(1), NULL), rng(0, 2)), 0);
    assert_repr(x, "[1, 0, 1, 6, 0]");
    assert_int_equal(ob_setitem(x, SL(NULL, NULL, NULL), ob_tuple_empty()), 0);
    assert_repr(x, "[]");
    KnObject *y = L(3, I(1), I(2), I(3));
    assert_int_equal(ob_setitem(y, SL(NULL, NULL, I(2)), L(3, I(1), I(2), I(3))), -1);
    assert_exc(NULL, ValueError, "attempt to assign sequence of size 3 to extended slice of size 2");
    assert_int_equal(ob_setitem(y, SL(I(0), I(1), NULL), I(5)), -1);
    assert_exc(NULL, TypeError, "can only assign an iterable");
    /* a[:] = a */
    assert_int_equal(ob_setitem(y, SL(I(1), I(2), NULL), y), 0);
    assert_repr(y, "[1, 1, 2, 3, 3]");
}

static void test_operators_and_repr(void **state)
{
    (void)state;
    KnObject *a = L(1, I(1));
    ob_list_append(a, a);
    assert_repr(a, "[1, [...]]");
    assert_repr(L(2, a, L(1, a)), "[[1, [...]], [[1, [...]]]]");
    assert_repr(ob_number_multiply(L(2, I(1), I(2)), I(3)), "[1, 2, 1, 2, 1, 2]");
    assert_repr(ob_number_add(L(2, I(1), I(2)), L(1, I(3))), "[1, 2, 3]");
    assert_true_obj(ob_richcompare(L(2, I(1), I(2)), L(2, I(1), I(3)), KN_LT));
    assert_true_obj(ob_richcompare(L(2, I(1), I(2)), L(3, I(1), I(2), I(0)), KN_LT));
    assert_true_obj(ob_richcompare(L(2, I(1), I(2)), L(2, I(1), I(2)), KN_EQ));
    KnObject *y = L(1, I(1));
    assert_ptr_equal(ob_number_inplace_add(y, rng(0, 3)), y);
    assert_repr(y, "[1, 0, 1, 2]");
    assert_ptr_equal(ob_number_inplace_multiply(y, I(2)), y);
    assert_repr(y, "[1, 0, 1, 2, 1, 0, 1, 2]");
    assert_repr(tc_new(&ob_list_type, 1, S("ab")), "['a', 'b']");
    assert_int_equal(ob_contains(y, I(2)), 1);
    assert_int_equal(ob_contains(y, I(7)), 0);
}

static void test_errors(void **state)
{
    (void)state;
    assert_exc(try_call(L(0), "pop", 0), IndexError, "pop from empty list");
    assert_exc(try_call(L(0), "pop", 1, I(3)), IndexError, "pop from empty list");
    assert_exc(try_call(L(2, I(1), I(2)), "pop", 1, I(5)), IndexError, "pop index out of range");
    assert_exc(try_call(L(1, I(1)), "remove", 1, I(2)), ValueError, "list.remove(x): x not in list");
    assert_exc(try_call(L(1, I(1)), "index", 1, I(2)), ValueError, "2 is not in list");
    assert_exc(try_call(L(1, I(1)), "index", 2, I(1), S("x")), TypeError,
               "slice indices must be integers or have an __index__ method");
    assert_exc(ob_number_add(L(1, I(1)), T(1, I(2))), TypeError,
               "can only concatenate list (not \"tuple\") to list");
    assert_exc(ob_getitem(L(1, I(1)), S("a")), TypeError,
               "list indices must be integers or slices, not str");
    assert_exc(ob_getitem(L(1, I(1)), I(5)), IndexError, "list index out of range");
    assert_exc(try_call(L(1, I(1)), "insert", 1, I(1)), TypeError, "insert expected 2 arguments, got 1");
}

/* __reduce__ / __setstate__ of the list, tuple, bytes, bytearray and set
 * iterators (python3.11's answers). */
static void test_iterator_pickling(void **state)
{
    (void)state;
    tc_register_iter();
    KnObject *it = ob_get_iter(L(2, I(1), I(2)));
    ob_iter_next(it);
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, ([1, 2],), 1)");
    ob_iter_next(it);
    assert_null(ob_iter_next(it));
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, ([],))");
    it = ob_get_iter(T(2, I(1), I(2)));
    ob_iter_next(it);
    ob_iter_next(it);
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, ((1, 2),), 2)");
    assert_null(ob_iter_next(it));
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, ((),))");
    it = ob_get_iter(B("ab"));
    ob_iter_next(it);
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, (b'ab',), 1)");
    it = ob_get_iter(BA("ab"));
    ob_iter_next(it);
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, (bytearray(b'ab'),), 1)");
    it = ob_get_iter(SET_OF3());
    ob_iter_next(it);
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, ([2, 3],))");
    it = ob_get_iter(L(3, I(1), I(2), I(3)));
    call(it, "__setstate__", 1, I(2));
    assert_repr(ob_sequence_list(it), "[3]");
    it = ob_get_iter(B("abc"));
    call(it, "__setstate__", 1, I(-1));
    assert_repr(ob_sequence_list(it), "[97, 98, 99]");
    it = ob_get_iter(B("abc"));
    call(it, "__setstate__", 1, I(100));
    assert_repr(ob_sequence_list(it), "[]");
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, ((),))");
    it = call(L(3, I(1), I(2), I(3)), "__reversed__", 0);
    ob_iter_next(it);
    assert_repr(call(it, "__reduce__", 0), "(<class 'reversed'>, ([1, 2, 3],), 1)");
    call(it, "__setstate__", 1, I(9));
    assert_repr(ob_sequence_list(it), "[3, 2, 1]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_methods),
        cmocka_unit_test(test_sort),
        cmocka_unit_test(test_slices),
        cmocka_unit_test(test_operators_and_repr),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_iterator_pickling),
    };
    return cmocka_run_group_tests(tests, tc_setup, NULL);
}
