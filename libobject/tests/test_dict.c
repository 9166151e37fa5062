/* test_dict.c — dict, its views and iterators (src/dict.c, dict_methods.c,
 * dict_views.c, dict_iter.c).  Expected values are python3.11's output;
 * the set operations of views use int keys (seed-independent order). */
#include "test_cont.h"

static KnObject *D(int n, ...)
{
    KnObject *d = ob_dict_new();
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        KnObject *k = va_arg(ap, KnObject *);
        KnObject *v = va_arg(ap, KnObject *);
        ob_dict_setitem(d, k, v);
    }
    va_end(ap);
    return d;
}

static void test_order_and_methods(void **state)
{
    (void)state;
    KnObject *d = ob_dict_new();
    long long keys[] = {5, 3, 9, 1};
    for (int i = 0; i < 4; i++)
        assert_int_equal(ob_dict_setitem(d, I(keys[i]), I(keys[i] * keys[i])), 0);
    assert_repr(d, "{5: 25, 3: 9, 9: 81, 1: 1}");
    assert_repr(ob_sequence_list(d), "[5, 3, 9, 1]");
    assert_repr(ob_sequence_list(call(d, "values", 0)), "[25, 9, 81, 1]");
    assert_repr(ob_sequence_list(call(d, "items", 0)), "[(5, 25), (3, 9), (9, 81), (1, 1)]");
    assert_int_equal(ob_delitem(d, I(3)), 0);
    ob_setitem(d, I(3), I(0));
    assert_repr(d, "{5: 25, 9: 81, 1: 1, 3: 0}");
    assert_int_obj(call(d, "get", 1, I(9)), 81);
    assert_ptr_equal(call(d, "get", 1, I(7)), KN_None);
    assert_repr(call(d, "get", 2, I(7), S("x")), "'x'");
    assert_repr(call(d, "setdefault", 2, I(7), S("n")), "'n'");
    assert_int_obj(call(d, "pop", 1, I(5)), 25);
    assert_repr(call(d, "pop", 2, I(100), S("dflt")), "'dflt'");
    assert_repr(call(d, "popitem", 0), "(7, 'n')");
    assert_repr(d, "{9: 81, 1: 1, 3: 0}");
    KnObject *kw = ob_tuple_pack(1, S("two"));
    KnObject *args[2] = {D(1, I(1), S("one")), I(2)};
    tc_ok(ob_vectorcall(ob_getattr_str(d, "update"), args, 1, kw));
    assert_repr(d, "{9: 81, 1: 'one', 3: 0, 'two': 2}");
    call(d, "update", 1, L(1, T(2, I(8), S("e"))));
    assert_repr(d, "{9: 81, 1: 'one', 3: 0, 'two': 2, 8: 'e'}");
    assert_repr(call(d, "keys", 0), "dict_keys([9, 1, 3, 'two', 8])");
    assert_repr(call(d, "values", 0), "dict_values([81, 'one', 0, 2, 'e'])");
    assert_repr(call(d, "items", 0),
                "dict_items([(9, 81), (1, 'one'), (3, 0), ('two', 2), (8, 'e')])");
    assert_true_obj(ob_richcompare(call(d, "copy", 0), d, KN_EQ));
    assert_repr(ob_sequence_list(call(D(2, I(1), I(2), I(3), I(4)), "__reversed__", 0)), "[3, 1]");
}

static void test_constructors_and_operators(void **state)
{
    (void)state;
    assert_repr(call((KnObject *)&ob_dict_type, "fromkeys", 2, L(2, I(1), I(2)), I(0)),
                "{1: 0, 2: 0}");
    assert_repr(tc_new(&ob_dict_type, 1, L(1, T(2, I(1), I(2)))), "{1: 2}");
    assert_repr(ob_number_or(D(1, I(1), I(2)), D(1, I(3), I(4))), "{1: 2, 3: 4}");
    assert_true_obj(ob_richcompare(D(1, I(1), I(2)), D(1, I(1), I(2)), KN_EQ));
    assert_false_obj(ob_richcompare(D(1, I(1), I(2)), D(1, I(1), I(3)), KN_EQ));
    KnObject *e = D(1, I(1), I(2));
    assert_ptr_equal(ob_number_inplace_or(e, D(2, I(1), I(5), I(6), I(7))), e);
    assert_repr(e, "{1: 5, 6: 7}");
    KnObject *r = ob_dict_new();
    ob_dict_setitem(r, I(1), r);
    assert_repr(r, "{1: {...}}");
}

static void test_views_as_sets(void **state)
{
    (void)state;
    KnObject *d = D(4, I(9), I(81), I(1), I(1), I(3), I(0), I(8), I(5));
    KnObject *k = call(d, "keys", 0);
    assert_repr(ob_number_and(k, ob_set_new(L(3, I(1), I(9), I(99)))), "{1, 9}");
    assert_repr(ob_number_or(k, ob_set_new(L(1, I(42)))), "{1, 3, 8, 9, 42}");
    assert_repr(ob_number_subtract(k, ob_set_new(L(1, I(1)))), "{8, 9, 3}");
    assert_repr(ob_number_xor(k, ob_set_new(L(2, I(1), I(77)))), "{3, 8, 9, 77}");
    assert_repr(ob_number_and(k, L(2, I(3), I(100))), "{3}");
    assert_true_obj(call(k, "isdisjoint", 1, L(1, I(100))));
    KnObject *items = call(D(1, I(1), I(2)), "items", 0);
    assert_repr(ob_number_and(items, ob_set_new(L(1, T(2, I(1), I(2))))), "{(1, 2)}");
}

static void test_deletions_and_iteration(void **state)
{
    (void)state;
    KnObject *big = ob_dict_new();
    for (int i = 0; i < 1000; i++)
        ob_dict_setitem(big, I(i), I(i));
    for (int i = 0; i < 1000; i += 2)
        assert_int_equal(ob_dict_delitem(big, I(i)), 0);
    assert_int_equal(ob_dict_size(big), 500);
    KnObject *keys = ob_sequence_list(big);
    assert_repr(ob_getitem(keys, ob_slice_new(NULL, I(5), NULL)), "[1, 3, 5, 7, 9]");
    KnObject *f = D(1, I(1), I(1));
    KnObject *it = ob_get_iter(f);
    KnObject *key = ob_iter_next(it);
    assert_int_obj(key, 1);
    ob_dict_setitem(f, I(2), I(1));
    assert_exc(ob_iter_next(it), RuntimeError, "dictionary changed size during iteration");
}

static void test_errors(void **state)
{
    (void)state;
    assert_exc(ob_getitem(ob_dict_new(), I(1)), KeyError, "1");
    assert_exc(try_call(ob_dict_new(), "pop", 1, I(1)), KeyError, "1");
    assert_exc(try_call(ob_dict_new(), "popitem", 0), KeyError,
               "'popitem(): dictionary is empty'");
    assert_exc(tc_new(&ob_dict_type, 1, I(1)), TypeError, "'int' object is not iterable");
    assert_exc(tc_new(&ob_dict_type, 1, L(1, I(1))), TypeError,
               "cannot convert dictionary update sequence element #0 to a sequence");
    assert_exc(tc_new(&ob_dict_type, 1, L(1, T(3, I(1), I(2), I(3)))), ValueError,
               "dictionary update sequence element #0 has length 3; 2 is required");
    assert_int_equal(ob_dict_setitem(ob_dict_new(), L(0), I(1)), -1);
    assert_exc(NULL, TypeError, "unhashable type: 'list'");
    assert_exc(ob_richcompare(ob_dict_new(), ob_dict_new(), KN_LT), TypeError,
               "'<' not supported between instances of 'dict' and 'dict'");
}

static void test_iterators(void **state)
{
    (void)state;
    tc_register_iter();
    KnObject *d = D(3, I(1), I(10), I(2), I(20), I(3), I(30));
    KnObject *it = ob_get_iter(call(d, "items", 0));
    assert_string_equal(ob_type_name(KN_TYPE(it)), "dict_itemiterator");
    assert_int_obj(call(it, "__length_hint__", 0), 3);
    ob_iter_next(it);
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, ([(2, 20), (3, 30)],))");
    assert_int_obj(call(it, "__length_hint__", 0), 2);   /* the copy was drained, not it */
    it = call(d, "__reversed__", 0);
    assert_string_equal(ob_type_name(KN_TYPE(it)), "dict_reversekeyiterator");
    assert_repr(call(it, "__reduce__", 0), "(<built-in function iter>, ([3, 2, 1],))");
    assert_repr(ob_sequence_list(call(call(d, "values", 0), "__reversed__", 0)), "[30, 20, 10]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_and_methods),
        cmocka_unit_test(test_constructors_and_operators),
        cmocka_unit_test(test_views_as_sets),
        cmocka_unit_test(test_deletions_and_iteration),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_iterators),
    };
    return cmocka_run_group_tests(tests, tc_setup, NULL);
}
