/*
 * test_itertools.c — the itertools module (src/itertools_*.c): the case
 * table from python3.11 (itertools_cases.inc), then reprs, pickling
 * support, tee's shared buffer and groupby's grouper invalidation.
 */
#include "test_iter_util.h"

KnObject *kn_init_itertools(void);

static KnObject *mod;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mod = kn_init_itertools()) == NULL)
        return -1;
    return 0;
}

static const struct { const char *name, *spec, *kind, *text; } cases[] = {
#include "itertools_cases.inc"
};

static KnObject *F(const char *name)
{
    KnObject *f = ob_getattr_str(mod, name);
    assert_non_null(f);
    return f;
}

/* list(islice(it, 30)), or [(k, list(g)) ...] for groupby. */
static KnObject *drain(const char *name, KnObject *it)
{
    KnObject *out = ob_list_new(0);
    for (int i = 0; i < 30; i++) {
        KnObject *x = ob_iter_next(it);
        if (x == NULL)
            return ob_err_occurred() ? NULL : out;
        if (strcmp(name, "groupby") == 0) {
            KnObject *g = ob_sequence_list(KN_TUPLE_GET(x, 1));
            if (g == NULL)
                return NULL;
            x = ob_tuple_pack(2, KN_TUPLE_GET(x, 0), g);
        }
        ob_list_append(out, x);
    }
    return out;
}

static void test_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char what[300];
        snprintf(what, sizeof what, "%s(%s)", cases[i].name, cases[i].spec);
        KnObject *it = call_spec(F(cases[i].name), cases[i].spec);
        KnObject *res = it ? drain(cases[i].name, it) : NULL;
        check_outcome(what, res, cases[i].kind, cases[i].text);
    }
}

static void test_reprs(void **state)
{
    (void)state;
    assert_string_equal(R(ob_call_onearg(F("count"), I(3))), "count(3)");
    KnObject *c = ob_call(F("count"), ob_tuple_pack(2, I(1), ob_float_from_double(0.5)), NULL);
    assert_string_equal(R(c), "count(1, 0.5)");
    ob_iter_next(c);
    assert_string_equal(R(c), "count(1.5, 0.5)");
    assert_string_equal(R(ob_call(F("repeat"), ob_tuple_pack(2, S("a"), I(2)), NULL)),
                        "repeat('a', 2)");
    assert_string_equal(R(ob_call_onearg(F("repeat"), S("a"))), "repeat('a')");
}

static void test_length_hint_and_reduce(void **state)
{
    (void)state;
    KnObject *r = ob_call(F("repeat"), ob_tuple_pack(2, S("a"), I(3)), NULL);
    assert_int_equal(ob_length_hint(r, -1), 3);
    ob_iter_next(r);
    assert_string_equal(R(ob_call_method(r, "__length_hint__", 0)), "2");
    assert_null(ob_call_method(ob_call_onearg(F("repeat"), S("a")), "__length_hint__", 0));
    check_outcome("repeat hint", NULL, "TypeError", "len() of unsized object");
    assert_string_equal(R(ob_call_method(r, "__reduce__", 0)),
                        "(<class 'itertools.repeat'>, ('a', 2))");
    KnObject *c = ob_call(F("count"), ob_tuple_pack(2, I(4), I(2)), NULL);
    assert_string_equal(R(ob_call_method(c, "__reduce__", 0)),
                        "(<class 'itertools.count'>, (4, 2))");
    /* islice state: (islice, (it, next, stop, step), cnt) */
    KnObject *is = ob_call(F("islice"), ob_tuple_pack(4, S("abcdef"), I(1), I(5), I(2)), NULL);
    assert_string_equal(R(ob_iter_next(is)), "'b'");
    KnObject *red = ob_call_method(is, "__reduce__", 0);
    assert_string_equal(R(KN_TUPLE_GET(red, 2)), "2");
    assert_string_equal(R(ob_tuple_pack(3, KN_TUPLE_GET(KN_TUPLE_GET(red, 1), 1),
                                        KN_TUPLE_GET(KN_TUPLE_GET(red, 1), 2),
                                        KN_TUPLE_GET(KN_TUPLE_GET(red, 1), 3))),
                        "(3, 5, 2)");
}

static void test_islice_maxsize(void **state)
{
    (void)state;
    /* python3.11: [2, 3] — the step overflows sys.maxsize and lands on stop */
    KnObject *max = ob_int_from_ssize((kn_ssize_t)(((size_t)-1) >> 1));
    KnObject *is = ob_call(F("islice"), ob_tuple_pack(4, ob_get_iter(ob_list_from_array(
        (KnObject *[]){I(0), I(1), I(2), I(3)}, 4)), I(2), KN_None, max), NULL);
    assert_string_equal(R(ob_sequence_list(is)), "[2, 3]");
}

static void test_tee(void **state)
{
    (void)state;
    KnObject *t = ob_call(F("tee"), ob_tuple_pack(2, ob_call_onearg(F("count"), I(0)), I(3)), NULL);
    assert_non_null(t);
    assert_int_equal(KN_SIZE(t), 3);
    KnObject *a = KN_TUPLE_GET(t, 0), *b = KN_TUPLE_GET(t, 1), *c = KN_TUPLE_GET(t, 2);
    assert_string_equal(ob_type_name(KN_TYPE(a)), "_tee");
    /* a runs ahead over several 57-item blocks; b and c see the same items */
    for (int i = 0; i < 200; i++)
        assert_string_equal(R(ob_iter_next(a)), R(I(i)));
    for (int i = 0; i < 150; i++)
        assert_string_equal(R(ob_iter_next(b)), R(I(i)));
    KnObject *d = ob_call_method(b, "__copy__", 0);
    assert_string_equal(R(ob_iter_next(d)), "150");
    assert_string_equal(R(ob_iter_next(c)), "0");
    /* tee of a tee copies it */
    KnObject *t2 = ob_call(F("tee"), ob_tuple_pack(2, b, I(2)), NULL);
    assert_string_equal(R(ob_iter_next(KN_TUPLE_GET(t2, 1))), "150");
    assert_string_equal(R(ob_call(F("tee"), ob_tuple_pack(2, S("x"), I(0)), NULL)), "()");
    assert_null(ob_call(F("tee"), ob_tuple_pack(2, S("x"), I(-1)), NULL));
    check_outcome("tee(-1)", NULL, "ValueError", "n must be >= 0");
}

static void test_groupby_invalidation(void **state)
{
    (void)state;
    KnObject *g = ob_call_onearg(F("groupby"), S("aabbc"));
    KnObject *first = ob_iter_next(g);
    KnObject *second = ob_iter_next(g);
    /* advancing the groupby invalidates the earlier grouper */
    assert_null(ob_iter_next(KN_TUPLE_GET(first, 1)));
    assert_null(ob_err_occurred());
    assert_string_equal(R(ob_sequence_list(KN_TUPLE_GET(second, 1))), "['b', 'b']");
    assert_string_equal(R(KN_TUPLE_GET(ob_iter_next(g), 0)), "'c'");
    assert_null(ob_iter_next(g));
}

static void test_chain_from_iterable(void **state)
{
    (void)state;
    KnObject *ch = ob_call_method(F("chain"), "from_iterable", 1,
                                  ob_tuple_pack(2, S("ab"), S("cd")));
    assert_string_equal(R(ob_sequence_list(ch)), "['a', 'b', 'c', 'd']");
    KnObject *ga = ob_call_method(F("chain"), "__class_getitem__", 1, (KnObject *)&ob_int_type);
    assert_string_equal(R(ga), "itertools.chain[int]");
}

/* values from python3.11 */
static void test_combinatoric_state(void **state)
{
    (void)state;
    KnObject *p = ob_vectorcall(F("permutations"), (KnObject *[]){S("abc"), I(2)}, 2, NULL);
    ob_iter_next(p);
    assert_string_equal(R(ob_call_method(p, "__reduce__", 0)),
                        "(<class 'itertools.permutations'>, (('a', 'b', 'c'), 2), ((0, 1, 2), (3, 2)))");
    KnObject *c = ob_vectorcall(F("combinations"), (KnObject *[]){S("abcd"), I(2)}, 2, NULL);
    ob_iter_next(c);
    ob_iter_next(c);
    assert_string_equal(R(ob_call_method(c, "__reduce__", 0)),
                        "(<class 'itertools.combinations'>, (('a', 'b', 'c', 'd'), 2), (0, 2))");
    KnObject *c3 = ob_vectorcall(F("combinations"), (KnObject *[]){S("abcde"), I(3)}, 2, NULL);
    assert_non_null(ob_call_method(c3, "__setstate__", 1, ob_tuple_pack(3, I(0), I(9), I(9))));
    assert_string_equal(R(ob_sequence_list(c3)),
                        "[('b', 'c', 'd'), ('b', 'c', 'e'), ('b', 'd', 'e'), ('c', 'd', 'e')]");
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "repeat", I(2));
    KnObject *q = ob_call(F("product"), ob_tuple_pack(1, S("ab")), kw);
    ob_iter_next(q);
    assert_string_equal(R(ob_call_method(q, "__reduce__", 0)),
                        "(<class 'itertools.product'>, (('a', 'b'), ('a', 'b')), (0, 0))");
    KnObject *cy = ob_call_onearg(F("cycle"), S("abc"));
    for (int i = 0; i < 4; i++)
        ob_iter_next(cy);
    KnObject *r = ob_call_method(cy, "__reduce__", 0);
    assert_string_equal(R(ob_sequence_list(KN_TUPLE_GET(KN_TUPLE_GET(r, 1), 0))), "['b', 'c']");
    assert_string_equal(R(KN_TUPLE_GET(r, 2)), "(['a', 'b', 'c'], True)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_reprs),
        cmocka_unit_test(test_length_hint_and_reduce),
        cmocka_unit_test(test_islice_maxsize),
        cmocka_unit_test(test_tee),
        cmocka_unit_test(test_groupby_invalidation),
        cmocka_unit_test(test_chain_from_iterable),
        cmocka_unit_test(test_combinatoric_state),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
