/* test_set.c — set and frozenset (src/set.c, src/set_ops.c).  Expected
 * values are what /usr/bin/python3.11 prints for the same operations; ints,
 * floats and tuples of them hash the same under every PYTHONHASHSEED, so
 * iteration order is comparable.  test_set_table.inc (test_set_gen.py)
 * replays 160 random operation sequences checked against python3.11. */
#include "test_cont.h"

static KnObject *SET(KnObject *iterable)
{
    return tc_ok(ob_set_new(iterable));
}

static KnObject *BIG(const char *digits)
{
    return tc_ok(ob_int_from_string(digits, (kn_ssize_t)strlen(digits), 10));
}

static KnObject *FS(KnObject *iterable)
{
    return tc_ok(ob_frozenset_new(iterable));
}

/* dict.fromkeys(keys, 0) */
static KnObject *DICT(KnObject *keys)
{
    KnObject *d = ob_dict_new();
    for (kn_ssize_t i = 0; i < KN_SIZE(keys); i++)
        ob_dict_setitem(d, KN_LIST_GET(keys, i), I(0));
    return d;
}

#include "test_set_table.inc"

static void test_order_matches_cpython(void **state)
{
    (void)state;
    KnObject *s = SET(L(10, I(5), I(13), I(21), I(3), I(100), I(-1), I(1LL << 40), I(8), I(16),
                        I(0)));
    assert_repr(s, "{1099511627776, 0, 3, 100, 5, 8, 13, 16, 21, -1}");
    assert_repr(SET(LR(0, 20)),
                "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}");
    /* collisions in the small table, then dummies reused by later adds */
    KnObject *x = SET(NULL);
    long long vals[] = {7, 15, 23, 31, 39, 1, 9, 17};
    for (int i = 0; i < 8; i++)
        assert_int_equal(ob_set_add(x, I(vals[i])), 0);
    assert_repr(x, "{1, 39, 7, 9, 15, 17, 23, 31}");
    assert_int_equal(ob_set_discard(x, I(15)), 1);
    assert_int_equal(ob_set_discard(x, I(1)), 1);
    assert_int_equal(ob_set_discard(x, I(1)), 0);
    ob_set_add(x, I(47));
    ob_set_add(x, I(55));
    assert_repr(x, "{39, 7, 9, 47, 17, 55, 23, 31}");
    /* the freed slot of a removed key is reused */
    KnObject *y = SET(L(2, I(0), I(8)));
    call(y, "remove", 1, I(0));
    call(y, "add", 1, I(16));
    assert_repr(y, "{16, 8}");
    /* the LAST dummy on the probe path is the one reused */
    KnObject *z = SET(L(3, I(0), I(8), I(16)));
    call(z, "remove", 1, I(0));
    call(z, "remove", 1, I(8));
    call(z, "add", 1, I(24));
    call(z, "add", 1, I(32));
    assert_repr(z, "{32, 24, 16}");
    assert_repr(SET(L(4, T(2, I(1), I(2)), T(2, I(3), I(4)), ob_float_from_double(1.5),
                      ob_float_from_double(2.5))),
                "{1.5, 2.5, (1, 2), (3, 4)}");
}

static void test_repr_forms(void **state)
{
    (void)state;
    assert_repr(SET(NULL), "set()");
    assert_repr(tc_ok(ob_frozenset_new(NULL)), "frozenset()");
    assert_repr(tc_ok(ob_frozenset_new(L(3, I(1), I(2), I(3)))), "frozenset({1, 2, 3})");
    /* a set inside a list inside itself cannot happen (unhashable), but a
     * frozenset holding a tuple holding a list holding the set recurs */
    KnObject *s = SET(NULL);
    KnObject *l = L(1, s);
    ob_set_add(s, T(1, I(1)));
    assert_repr(l, "[{(1,)}]");
}

static void test_pop_and_errors(void **state)
{
    (void)state;
    KnObject *s = SET(LR(0, 100));
    assert_int_obj(call(s, "pop", 0), 0);
    assert_int_obj(call(s, "pop", 0), 1);
    assert_int_obj(call(s, "pop", 0), 2);
    assert_int_equal(ob_set_size(s), 97);
    assert_exc(try_call(SET(NULL), "pop", 0), KeyError, "'pop from an empty set'");
    assert_exc(try_call(s, "remove", 1, I(1000)), KeyError, "1000");
    assert_exc(try_call(s, "add", 1, L(0)), TypeError, "unhashable type: 'list'");
    assert_exc(try_call(s, "remove", 1, L(0)), TypeError, "unhashable type: 'list'");
    /* a set key is looked up as the equal frozenset */
    KnObject *outer = SET(L(1, tc_ok(ob_frozenset_new(L(1, I(1))))));
    assert_true_obj(call(outer, "__contains__", 1, SET(L(1, I(1)))));
    call(outer, "remove", 1, SET(L(1, I(1))));
    assert_int_equal(ob_set_size(outer), 0);
    assert_exc(tc_new(&ob_set_type, 2, L(0), L(0)), TypeError,
               "set expected at most 1 argument, got 2");
}

static void test_algebra(void **state)
{
    (void)state;
    KnObject *a = SET(L(4, I(1), I(2), I(3), I(4)));
    KnObject *b = SET(L(4, I(3), I(4), I(5), I(6)));
    assert_repr(call(a, "__or__", 1, b), "{1, 2, 3, 4, 5, 6}");
    assert_repr(call(a, "__and__", 1, b), "{3, 4}");
    assert_repr(call(a, "__sub__", 1, b), "{1, 2}");
    assert_repr(call(a, "__xor__", 1, b), "{1, 2, 5, 6}");
    assert_repr(call(b, "__sub__", 1, a), "{5, 6}");
    assert_repr(call(b, "__xor__", 1, a), "{1, 2, 5, 6}");
    assert_ptr_equal(call(a, "__or__", 1, L(0)), KN_NotImplemented);
    assert_repr(call(a, "union", 2, L(2, I(10), I(9)), T(1, I(8))), "{1, 2, 3, 4, 8, 9, 10}");
    assert_repr(call(a, "intersection", 2, L(3, I(4), I(3), I(99)), SET(L(1, I(3)))), "{3}");
    assert_repr(call(a, "difference", 2, L(1, I(1)), L(1, I(2))), "{3, 4}");
    assert_repr(call(a, "symmetric_difference", 1, L(2, I(1), I(9))), "{2, 3, 4, 9}");
    assert_repr(call(a, "copy", 0), "{1, 2, 3, 4}");

    KnObject *c = SET(LR(0, 1000));
    call(c, "difference_update", 1, call(SET(NULL), "union", 1, ob_list_new(0)));
    KnObject *evens = ob_list_new(0);
    for (int i = 0; i < 1000; i += 2)
        ob_list_append(evens, I(i));
    assert_ptr_equal(call(c, "__isub__", 1, SET(evens)), c);
    assert_int_equal(ob_set_size(c), 500);
    KnObject *first = ob_list_new(0);
    kn_ssize_t pos = 0;
    KnObject *k;
    while (ob_set_next(c, &pos, &k, NULL) && KN_SIZE(first) < 5)
        ob_list_append(first, k);
    assert_repr(first, "[1, 3, 5, 7, 9]");

    KnObject *d = SET(L(3, I(1), I(2), I(3)));
    call(d, "update", 3, L(1, I(4)), T(1, I(5)), SET(L(1, I(6))));
    assert_repr(d, "{1, 2, 3, 4, 5, 6}");
    call(d, "intersection_update", 2, LR(2, 10), LR(0, 5));
    assert_repr(d, "{2, 3, 4}");
    call(d, "symmetric_difference_update", 1, L(2, I(4), I(7)));
    assert_repr(d, "{2, 3, 7}");
    assert_ptr_equal(call(d, "__iand__", 1, SET(L(1, I(7)))), d);
    assert_repr(d, "{7}");
    assert_ptr_equal(call(d, "__ior__", 1, tc_ok(ob_frozenset_new(L(1, I(8))))), d);
    assert_ptr_equal(call(d, "__ixor__", 1, SET(L(1, I(7)))), d);
    assert_repr(d, "{8}");
    call(d, "clear", 0);
    assert_repr(d, "set()");
}

static void test_result_types(void **state)
{
    (void)state;
    KnObject *f = tc_ok(ob_frozenset_new(L(2, I(1), I(2))));
    KnObject *s = SET(L(2, I(2), I(3)));
    assert_repr(call(f, "__or__", 1, s), "frozenset({1, 2, 3})");
    assert_repr(call(s, "__or__", 1, f), "{1, 2, 3}");
    assert_repr(call(f, "__and__", 1, s), "frozenset({2})");
    assert_ptr_equal(call(f, "copy", 0), f);
    assert_ptr_equal(tc_new(&ob_frozenset_type, 1, f), f);
    assert_false_obj(ob_hasattr(f, S("add")) ? KN_True : KN_False);
}

static void test_comparisons(void **state)
{
    (void)state;
    KnObject *a = SET(L(2, I(1), I(2)));
    KnObject *b = SET(L(3, I(1), I(2), I(3)));
    assert_true_obj(ob_richcompare(a, b, KN_LT));
    assert_true_obj(ob_richcompare(a, b, KN_LE));
    assert_false_obj(ob_richcompare(a, a, KN_LT));
    assert_true_obj(ob_richcompare(b, a, KN_GT));
    assert_false_obj(ob_richcompare(a, b, KN_EQ));
    assert_true_obj(ob_richcompare(a, tc_ok(ob_frozenset_new(L(2, I(2), I(1)))), KN_EQ));
    assert_true_obj(ob_richcompare(a, b, KN_NE));
    assert_ptr_equal(ob_richcompare(a, L(2, I(1), I(2)), KN_EQ), KN_False);
    assert_true_obj(call(a, "issubset", 1, L(3, I(3), I(2), I(1))));
    assert_false_obj(call(b, "issubset", 1, L(1, I(1))));
    assert_true_obj(call(b, "issuperset", 1, T(2, I(3), I(1))));
    assert_false_obj(call(a, "issuperset", 1, T(1, I(9))));
    assert_true_obj(call(a, "isdisjoint", 1, L(2, I(5), I(6))));
    assert_false_obj(call(a, "isdisjoint", 1, b));
    assert_true_obj(call(SET(NULL), "isdisjoint", 1, SET(NULL)));
}

static void test_frozenset_hash(void **state)
{
    (void)state;
    assert_int_equal(ob_hash(tc_ok(ob_frozenset_new(NULL))), 133146708735736LL);
    assert_int_equal(ob_hash(tc_ok(ob_frozenset_new(L(3, I(1), I(2), I(3))))),
                     -272375401224217160LL);
    assert_int_equal(ob_hash(tc_ok(ob_frozenset_new(LR(0, 100)))), 4411996150312757951LL);
    assert_int_equal(ob_hash(tc_ok(ob_frozenset_new(L(2, I(-1), I(-2))))), 399283329322573LL);
    assert_int_equal(ob_hash(SET(NULL)), -1);
    assert_exc(NULL, TypeError, "unhashable type: 'set'");
}

static void test_iterator(void **state)
{
    (void)state;
    KnObject *s = SET(L(3, I(1), I(2), I(3)));
    KnObject *it = KN_TYPE(s)->tp_iter(s);
    assert_int_obj(call(it, "__length_hint__", 0), 3);
    assert_int_obj(KN_TYPE(it)->tp_iternext(it), 1);
    ob_set_add(s, I(4));
    assert_exc(KN_TYPE(it)->tp_iternext(it), RuntimeError, "Set changed size during iteration");
    /* stays broken even once the size is back */
    ob_set_discard(s, I(4));
    assert_exc(KN_TYPE(it)->tp_iternext(it), RuntimeError, "Set changed size during iteration");
    it = KN_TYPE(s)->tp_iter(s);
    int n = 0;
    while (KN_TYPE(it)->tp_iternext(it) != NULL)
        n++;
    assert_int_equal(n, 3);
    assert_null(ob_err_occurred());
    assert_null(KN_TYPE(it)->tp_iternext(it));
}

static void test_large_growth(void **state)
{
    (void)state;
    KnObject *s = SET(NULL);
    for (int i = 0; i < 100000; i++)
        assert_int_equal(ob_set_add(s, I((long long)i * 7919)), 0);
    assert_int_equal(ob_set_size(s), 100000);
    for (int i = 0; i < 100000; i += 3)
        assert_int_equal(ob_set_contains(s, I((long long)i * 7919)), 1);
    assert_int_equal(ob_set_contains(s, I(1)), 0);
    for (int i = 0; i < 100000; i += 2)
        assert_int_equal(ob_set_discard(s, I((long long)i * 7919)), 1);
    assert_int_equal(ob_set_size(s), 50000);
}

static KnObject *rng(long long n)
{
    return tc_ok(tc_new(&ob_range_type, 1, I(n)));
}

/* Arguments that are neither lists, tuples nor sets go through the
 * iterator protocol. */
static void test_any_iterable(void **state)
{
    (void)state;
    assert_repr(SET(rng(5)), "{0, 1, 2, 3, 4}");
    KnObject *d = ob_dict_new();
    ob_dict_setitem(d, I(3), I(4));
    assert_repr(call(SET(L(2, I(1), I(2))), "union", 1, d), "{1, 2, 3}");
    assert_true_obj(call(SET(L(1, I(1))), "issubset", 1, ob_get_iter(L(2, I(1), I(2)))));
    KnObject *s = SET(rng(10));
    call(s, "difference_update", 1, tc_new(&ob_range_type, 3, I(0), I(10), I(3)));
    assert_repr(s, "{1, 2, 4, 5, 7, 8}");
    s = SET(rng(10));
    KnObject *d2 = ob_dict_new();
    ob_dict_setitem(d2, I(5), I(1));
    ob_dict_setitem(d2, I(20), I(2));
    call(s, "symmetric_difference_update", 1, d2);
    assert_repr(s, "{0, 1, 2, 3, 4, 6, 7, 8, 9, 20}");
    assert_repr(SET(S("aa")), "{'a'}");
    assert_repr(SET(L(3, ob_float_from_double(1.0), I(1), KN_True)), "{1.0}");
    assert_repr(SET(L(4, I(-1), I(-2), I(-5), I(7))), "{-5, 7, -1, -2}");
    assert_exc(try_call(SET(NULL), "union", 1, I(3)), TypeError, "'int' object is not iterable");
    assert_exc(tc_new(&ob_set_type, 1, I(3)), TypeError, "'int' object is not iterable");
    assert_exc(tc_new(&ob_frozenset_type, 2, I(1), I(2)), TypeError,
               "frozenset expected at most 1 argument, got 2");
    assert_repr(ob_number_or(tc_ok(ob_frozenset_new(rng(3))), SET(L(1, I(9)))),
                "frozenset({0, 1, 2, 9})");
    /* the set iterator through the protocol */
    KnObject *it = ob_get_iter(SET(L(2, I(8), I(1))));
    assert_string_equal(ob_type_name(KN_TYPE(it)), "set_iterator");
    assert_int_obj(ob_iter_next(it), 8);
    assert_int_obj(ob_iter_next(it), 1);
    assert_null(ob_iter_next(it));
    assert_null(ob_err_occurred());
    assert_int_equal(ob_contains(SET(rng(3)), I(2)), 1);
    assert_int_equal(ob_length(SET(rng(3))), 3);
}

/* ---- user classes ---- */

static KnObject *victim;        /* the set K.__eq__ empties */

static KnObject *k_hash(KnObject *self, KnObject *unused)
{
    return I(1);
}

static KnObject *k_eq(KnObject *self, KnObject *other)
{
    if (victim != NULL)
        ob_set_clear(victim);
    return KN_False;
}

static KnMethodDef k_hash_def = {"__hash__", (KnCFunction)k_hash, KN_METH_NOARGS, NULL};
static KnMethodDef k_eq_def = {"__eq__", (KnCFunction)k_eq, KN_METH_O, NULL};

/* An __eq__ that empties the set while it is being probed: the probe
 * starts over (as in CPython) instead of using the stale slot. */
static void test_mutating_eq(void **state)
{
    (void)state;
    KnObject *K = tc_class("K", NULL, "__hash__", tc_method(&k_hash_def), "__eq__",
                           tc_method(&k_eq_def), NULL);
    KnObject *s = SET(NULL);
    KnObject *k1 = tc_ok(ob_call_noargs(K)), *k2 = tc_ok(ob_call_noargs(K));
    assert_int_equal(ob_set_add(s, k1), 0);
    victim = s;
    assert_int_equal(ob_set_add(s, k2), 0);
    victim = NULL;
    assert_int_equal(ob_set_size(s), 1);
    assert_int_equal(ob_set_contains(s, k2), 1);
    /* lookups restart the same way */
    ob_set_add(s, k1);
    victim = s;
    KnObject *k3 = tc_ok(ob_call_noargs(K));
    assert_int_equal(ob_set_contains(s, k3), 0);
    victim = NULL;
}

static void test_subclasses(void **state)
{
    (void)state;
    KnObject *Sc = tc_class("S", &ob_set_type, NULL);
    KnObject *s = tc_ok(ob_call_onearg(Sc, L(1, I(1))));
    assert_repr(s, "S({1})");
    assert_repr(ob_call_noargs(Sc), "S()");
    assert_string_equal(ob_type_name(KN_TYPE(ob_number_or(s, SET(L(1, I(2)))))), "set");
    assert_string_equal(ob_type_name(KN_TYPE(call(s, "copy", 0))), "set");
    assert_true(ob_anyset_check(s) && ob_set_check(s) && !ob_frozenset_check(s));
    KnObject *Fc = tc_class("F", &ob_frozenset_type, NULL);
    KnObject *f = tc_ok(ob_call_onearg(Fc, L(1, I(1))));
    assert_repr(f, "F({1})");
    assert_string_equal(ob_type_name(KN_TYPE(ob_number_or(f, SET(L(1, I(2)))))), "frozenset");
    assert_int_equal(ob_hash(f), ob_hash(tc_ok(ob_frozenset_new(L(1, I(1))))));
    /* PEP 585 */
    assert_repr(ob_getitem((KnObject *)&ob_set_type, (KnObject *)&ob_int_type), "set[int]");
    assert_repr(ob_getitem((KnObject *)&ob_frozenset_type, (KnObject *)&ob_str_type),
                "frozenset[str]");
    assert_repr(ob_getitem((KnObject *)&ob_dict_type,
                           T(2, (KnObject *)&ob_str_type, (KnObject *)&ob_int_type)),
                "dict[str, int]");
    assert_repr(ob_getitem((KnObject *)&ob_list_type, (KnObject *)&ob_int_type), "list[int]");
    assert_repr(ob_getitem((KnObject *)&ob_tuple_type, (KnObject *)&ob_int_type), "tuple[int]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_matches_cpython),
        cmocka_unit_test(test_repr_forms),
        cmocka_unit_test(test_pop_and_errors),
        cmocka_unit_test(test_algebra),
        cmocka_unit_test(test_result_types),
        cmocka_unit_test(test_comparisons),
        cmocka_unit_test(test_frozenset_hash),
        cmocka_unit_test(test_iterator),
        cmocka_unit_test(test_large_growth),
        cmocka_unit_test(test_any_iterable),
        cmocka_unit_test(test_mutating_eq),
        cmocka_unit_test(test_subclasses),
        cmocka_unit_test(test_random_sequences),
    };
    return cmocka_run_group_tests(tests, tc_setup, NULL);
}
