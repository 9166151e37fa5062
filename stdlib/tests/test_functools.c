/*
 * test_functools.c — the _functools module (src/functools_*.c): reduce,
 * partial (flattening, repr, calls, pickling state), cmp_to_key, and
 * _lru_cache_wrapper's hits / misses / eviction order.  Expected values
 * are python3.11's.
 */
#include "test_iter_util.h"

KnObject *kn_init__functools(void);

static KnObject *mod;
static int ncalls;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mod = kn_init__functools()) == NULL)
        return -1;
    return 0;
}

static KnObject *F(const char *name)
{
    KnObject *f = ob_getattr_str(mod, name);
    assert_non_null(f);
    return f;
}

/* (args, kwargs-dict-or-None) as one tuple: shows what a partial passed. */
static KnObject *h_show(KnObject *m, KnObject *args, KnObject *kwargs)
{
    (void)m;
    return ob_tuple_pack(2, args, kwargs ? kwargs : KN_None);
}
static KnObject *h_sub(KnObject *m, KnObject *const *a, kn_ssize_t n)
{
    (void)m; (void)n;
    return ob_number_subtract(a[0], a[1]);
}
/* counts calls: the lru tests check misses against it */
static KnObject *h_square(KnObject *m, KnObject *x)
{
    (void)m;
    ncalls++;
    return ob_number_multiply(x, x);
}
static KnObject *h_pack4(KnObject *m, KnObject *const *a, kn_ssize_t n)
{
    (void)m;
    return ob_tuple_from_array(a, n);
}
static KnMethodDef defs[] = {
    {"show", HFC(h_show), KN_METH_VARARGS | KN_METH_KEYWORDS, NULL},
    {"sub", HFC(h_sub), KN_METH_FASTCALL, NULL},
    {"square", HFC(h_square), KN_METH_O, NULL},
    {"pack4", HFC(h_pack4), KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};
#define FN(i) ob_cfunction_new(&defs[i], NULL, NULL)

static void test_reduce(void **state)
{
    (void)state;
    KnObject *sub = FN(1);
    assert_string_equal(R(ob_vectorcall(F("reduce"), (KnObject *[]){sub, ob_list_from_array((KnObject *[]){I(10), I(1), I(2)}, 3)}, 2, NULL)), "7");
    assert_string_equal(R(ob_vectorcall(F("reduce"), (KnObject *[]){sub, ob_list_new(0), I(5)}, 3, NULL)), "5");
    assert_null(ob_vectorcall(F("reduce"), (KnObject *[]){sub, ob_list_new(0)}, 2, NULL));
    check_outcome("reduce", NULL, "TypeError", "reduce() of empty iterable with no initial value");
    assert_null(ob_vectorcall(F("reduce"), (KnObject *[]){sub, I(2)}, 2, NULL));
    check_outcome("reduce", NULL, "TypeError", "reduce() arg 2 must support iteration");
    assert_null(ob_vectorcall(F("reduce"), NULL, 0, NULL));
    check_outcome("reduce", NULL, "TypeError", "reduce expected at least 2 arguments, got 0");
}

static void test_partial(void **state)
{
    (void)state;
    KnObject *show = FN(0);
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "sep", S("x"));
    KnObject *p = ob_call(F("partial"), ob_tuple_pack(2, show, I(1)), kw);
    assert_non_null(p);
    KnObject *kw2 = ob_dict_new();
    ob_dict_setitem_str(kw2, "end", S("y"));
    KnObject *q = ob_call(F("partial"), ob_tuple_pack(2, p, I(2)), kw2);
    assert_string_equal(R(ob_getattr_str(q, "func")), "<built-in function show>");
    assert_string_equal(R(ob_getattr_str(q, "args")), "(1, 2)");
    assert_string_equal(R(ob_getattr_str(q, "keywords")), "{'sep': 'x', 'end': 'y'}");
    assert_string_equal(R(q), "functools.partial(<built-in function show>, 1, 2, sep='x', end='y')");
    /* the call merges arguments; call-time keywords win */
    KnObject *kw3 = ob_dict_new();
    ob_dict_setitem_str(kw3, "sep", S("z"));
    assert_string_equal(R(ob_call(q, ob_tuple_pack(1, I(3)), kw3)),
                        "((1, 2, 3), {'sep': 'z', 'end': 'y'})");
    assert_string_equal(R(ob_vectorcall(q, (KnObject *[]){I(3), S("w")}, 1,
                                        ob_tuple_pack(1, S("end")))),
                        "((1, 2, 3), {'sep': 'x', 'end': 'w'})");
    assert_string_equal(R(ob_call_method(p, "__reduce__", 0)),
                        "(<class 'functools.partial'>, (<built-in function show>,), "
                        "(<built-in function show>, (1,), {'sep': 'x'}, None))");
    KnObject *r = ob_call_onearg(F("partial"), show);
    assert_ptr_equal(ob_call_method(r, "__setstate__", 1,
                                    ob_tuple_pack(4, show, ob_tuple_pack(1, I(9)), KN_None, KN_None)),
                     KN_None);
    assert_string_equal(R(r), "functools.partial(<built-in function show>, 9)");
    assert_null(ob_call_method(r, "__setstate__", 1, ob_tuple_pack(4, I(1), ob_tuple_empty(), KN_None, KN_None)));
    check_outcome("setstate", NULL, "TypeError", "invalid partial state");
    assert_null(ob_call(F("partial"), ob_tuple_empty(), NULL));
    check_outcome("partial()", NULL, "TypeError", "type 'partial' takes at least one argument");
    assert_null(ob_call_onearg(F("partial"), I(1)));
    check_outcome("partial(1)", NULL, "TypeError", "the first argument must be callable");
    assert_string_equal(R(ob_getattr_str(p, "__dict__")), "{}");
    assert_string_equal(R(ob_call_method(F("partial"), "__class_getitem__", 1, (KnObject *)&ob_int_type)),
                        "functools.partial[int]");
}

static void test_cmp_to_key(void **state)
{
    (void)state;
    KnObject *K = ob_call_onearg(F("cmp_to_key"), FN(1));
    assert_string_equal(ob_type_name(KN_TYPE(K)), "KeyWrapper");
    KnObject *a = ob_call_onearg(K, I(1)), *b = ob_call_onearg(K, I(2));
    assert_int_equal(ob_richcompare_bool(a, b, KN_LT), 1);
    assert_int_equal(ob_richcompare_bool(a, b, KN_GE), 0);
    assert_int_equal(ob_richcompare_bool(b, ob_call_onearg(K, I(2)), KN_EQ), 1);
    assert_string_equal(R(ob_getattr_str(a, "obj")), "1");
    assert_null(ob_richcompare(a, I(3), KN_LT));
    check_outcome("K < 3", NULL, "TypeError", "other argument must be K instance");
    assert_int_equal(ob_hash(a), -1);
    check_outcome("hash(K)", NULL, "TypeError", "unhashable type: 'functools.KeyWrapper'");
    /* sorting with the key: list.sort(key=...) through the protocol */
    KnObject *l = ob_list_from_array((KnObject *[]){I(3), I(1), I(2)}, 3);
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "key", K);
    assert_non_null(ob_call(ob_getattr_str(l, "sort"), ob_tuple_empty(), kw));
    assert_string_equal(R(l), "[1, 2, 3]");
}

static KnObject *lru(KnObject *maxsize, KnObject *typed)
{
    KnObject *w = ob_vectorcall(F("_lru_cache_wrapper"), (KnObject *[]){FN(2), maxsize, typed, FN(3)}, 4, NULL);
    assert_non_null(w);
    return w;
}

static void calls(KnObject *w, const long long *xs, int n)
{
    for (int i = 0; i < n; i++)
        assert_non_null(ob_call_onearg(w, I(xs[i])));
}

static void test_lru(void **state)
{
    (void)state;
    /* python3.11: w(1),w(1),w(2),w(3),w(1) with maxsize 2 -> hits=1, misses=4, currsize=2 */
    KnObject *w = lru(I(2), KN_False);
    ncalls = 0;
    calls(w, (const long long[]){1, 1, 2, 3, 1}, 5);
    assert_string_equal(R(ob_call_method(w, "cache_info", 0)), "(1, 4, 2, 2)");
    assert_int_equal(ncalls, 4);
    /* 3 and 1 are cached now (2 was evicted, then 1 refetched and 2... ) */
    calls(w, (const long long[]){3}, 1);
    assert_string_equal(R(ob_call_method(w, "cache_info", 0)), "(2, 4, 2, 2)");
    calls(w, (const long long[]){2}, 1);
    assert_string_equal(R(ob_call_method(w, "cache_info", 0)), "(2, 5, 2, 2)");
    ob_call_method(w, "cache_clear", 0);
    assert_string_equal(R(ob_call_method(w, "cache_info", 0)), "(0, 0, 2, 0)");

    KnObject *u = lru(KN_None, KN_False);
    calls(u, (const long long[]){1, 2, 1, 2, 3}, 5);
    assert_string_equal(R(ob_call_method(u, "cache_info", 0)), "(2, 3, None, 3)");
    /* a lone exact int is its own key, 2.0 is keyed as (2.0,): a miss */
    assert_string_equal(R(ob_call_onearg(u, ob_float_from_double(2.0))), "4.0");
    assert_string_equal(R(ob_call_method(u, "cache_info", 0)), "(2, 4, None, 4)");

    KnObject *t = lru(I(10), KN_True);
    calls(t, (const long long[]){2}, 1);
    assert_string_equal(R(ob_call_onearg(t, ob_float_from_double(2.0))), "4.0");
    assert_string_equal(R(ob_call_method(t, "cache_info", 0)), "(0, 2, 10, 2)");

    KnObject *z = lru(I(-1), KN_False);
    calls(z, (const long long[]){1, 1}, 2);
    assert_string_equal(R(ob_call_method(z, "cache_info", 0)), "(0, 2, 0, 0)");

    assert_null(ob_vectorcall(F("_lru_cache_wrapper"), (KnObject *[]){FN(2), S("a"), KN_False, FN(3)}, 4, NULL));
    check_outcome("lru", NULL, "TypeError", "maxsize should be integer or None");
    assert_null(ob_vectorcall(F("_lru_cache_wrapper"), (KnObject *[]){FN(2)}, 1, NULL));
    check_outcome("lru", NULL, "TypeError", "lru_cache() missing required argument 'maxsize' (pos 2)");
    assert_string_equal(R(ob_getattr_str(w, "__dict__")), "{}");
    assert_ptr_equal(ob_call_method(w, "__copy__", 0), w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reduce),
        cmocka_unit_test(test_partial),
        cmocka_unit_test(test_cmp_to_key),
        cmocka_unit_test(test_lru),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
