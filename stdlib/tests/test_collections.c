/*
 * test_collections.c — the _collections module (src/collections_*.c):
 * deque operation sequences replayed against python3.11's results
 * (collections_cases.inc), iterators, defaultdict, _count_elements and
 * _tuplegetter.
 */
#include "test_iter_util.h"

KnObject *kn_init__collections(void);

static KnObject *mod;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mod = kn_init__collections()) == NULL)
        return -1;
    return 0;
}

static KnObject *F(const char *name)
{
    KnObject *f = ob_getattr_str(mod, name);
    assert_non_null(f);
    return f;
}

/* {spec, method, kind, text, repr after}; method NULL: a new deque(spec) */
static const struct { const char *spec, *meth, *kind, *text, *after; } cases[] = {
#include "collections_cases.inc"
};

static void test_deque_cases(void **state)
{
    (void)state;
    KnObject *d = NULL;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char what[300];
        if (cases[i].meth == NULL) {
            snprintf(what, sizeof what, "deque(%s)", cases[i].spec);
            d = call_spec(F("deque"), cases[i].spec);
            check_outcome(what, d, cases[i].kind, cases[i].text);
            continue;
        }
        snprintf(what, sizeof what, "%s.%s(%s)", R(d), cases[i].meth, cases[i].spec);
        KnObject *m = ob_getattr_str(d, cases[i].meth);
        assert_non_null(m);
        check_outcome(what, call_spec(m, cases[i].spec), cases[i].kind, cases[i].text);
        if (strcmp(R(d), cases[i].after) != 0)
            fail_msg("%s: deque afterwards %s, expected %s", what, R(d), cases[i].after);
    }
}

static KnObject *deque_of(const char *spec)
{
    KnObject *d = call_spec(F("deque"), spec);
    assert_non_null(d);
    return d;
}

static void test_deque_iteration(void **state)
{
    (void)state;
    KnObject *d = deque_of("l:1,2,3");
    assert_string_equal(R(ob_sequence_list(ob_call_method(d, "__reversed__", 0))), "[3, 2, 1]");
    KnObject *it = ob_get_iter(d);
    assert_string_equal(ob_type_name(KN_TYPE(it)), "_deque_iterator");
    assert_string_equal(R(ob_iter_next(it)), "1");
    assert_int_equal(ob_length_hint(it, -1), 2);
    ob_call_method(d, "append", 1, I(4));
    assert_null(ob_iter_next(it));
    check_outcome("next after append", NULL, "RuntimeError", "deque mutated during iteration");
    KnObject *red = ob_call_method(d, "__reduce__", 0);
    assert_string_equal(R(KN_TUPLE_GET(red, 1)), "()");
    assert_string_equal(R(ob_sequence_list(KN_TUPLE_GET(red, 3))), "[1, 2, 3, 4]");
    KnObject *b = deque_of("l:1|i:5");
    red = ob_call_method(b, "__reduce__", 0);
    assert_string_equal(R(KN_TUPLE_GET(red, 1)), "((), 5)");
    assert_ptr_equal(KN_TUPLE_GET(red, 2), KN_None);
    /* _deque_iterator(deque, index) resumes */
    KnObject *it2 = ob_vectorcall(F("_deque_iterator"), (KnObject *[]){d, I(2)}, 2, NULL);
    assert_string_equal(R(ob_sequence_list(it2)), "[3, 4]");
    /* comparisons, hash, repr recursion */
    assert_int_equal(ob_richcompare_bool(deque_of("l:1,2"), deque_of("l:1,3"), KN_LT), 1);
    assert_ptr_equal(ob_richcompare(deque_of("l:1"), ob_list_new(0), KN_EQ), KN_False);
    assert_int_equal(ob_hash(d), -1);
    check_outcome("hash", NULL, "TypeError", "unhashable type: 'collections.deque'");
    KnObject *self_ref = deque_of("");
    ob_call_method(self_ref, "append", 1, self_ref);
    assert_string_equal(R(self_ref), "deque([[...]])");
    assert_string_equal(R(ob_getattr_str(b, "maxlen")), "5");
    assert_string_equal(R(ob_call_method(F("deque"), "__class_getitem__", 1, (KnObject *)&ob_int_type)),
                        "collections.deque[int]");
    /* a deque extended by itself doubles */
    KnObject *e = deque_of("l:1,2");
    ob_call_method(e, "extend", 1, e);
    assert_string_equal(R(e), "deque([1, 2, 1, 2])");
}

static void test_defaultdict(void **state)
{
    (void)state;
    KnObject *dd = ob_call_onearg(F("defaultdict"), (KnObject *)&ob_list_type);
    assert_non_null(dd);
    assert_string_equal(R(dd), "defaultdict(<class 'list'>, {})");
    KnObject *v = ob_getitem(dd, S("a"));
    assert_string_equal(R(v), "[]");
    ob_list_append(v, I(1));
    assert_string_equal(R(dd), "defaultdict(<class 'list'>, {'a': [1]})");
    assert_int_equal(ob_dict_size(dd), 1);
    KnObject *c = ob_call_method(dd, "copy", 0);
    assert_string_equal(R(c), "defaultdict(<class 'list'>, {'a': [1]})");
    assert_ptr_equal(KN_TYPE(c), KN_TYPE(dd));
    KnObject *red = ob_call_method(dd, "__reduce__", 0);
    assert_string_equal(R(KN_TUPLE_GET(red, 1)), "(<class 'list'>,)");
    assert_string_equal(R(ob_sequence_list(KN_TUPLE_GET(red, 4))), "[('a', [1])]");
    KnObject *plain = ob_dict_new();
    ob_dict_setitem(plain, I(1), I(2));
    assert_string_equal(R(ob_number_or(dd, plain)), "defaultdict(<class 'list'>, {'a': [1], 1: 2})");
    assert_string_equal(R(ob_number_or(plain, dd)), "defaultdict(<class 'list'>, {1: 2, 'a': [1]})");
    assert_null(ob_number_or(dd, I(1)));
    check_outcome("dd | 1", NULL, "TypeError",
                  "unsupported operand type(s) for |: 'collections.defaultdict' and 'int'");
    KnObject *none = ob_call(F("defaultdict"), ob_tuple_empty(), NULL);
    assert_string_equal(R(none), "defaultdict(None, {})");
    assert_null(ob_getitem(none, ob_tuple_pack(1, I(1))));
    check_outcome("missing", NULL, "KeyError", "(1,)");
    assert_null(ob_call_onearg(F("defaultdict"), I(1)));
    check_outcome("defaultdict(1)", NULL, "TypeError", "first argument must be callable or None");
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "x", I(3));
    KnObject *withkw = ob_call(F("defaultdict"), ob_tuple_pack(2, KN_None, plain), kw);
    assert_string_equal(R(withkw), "defaultdict(None, {1: 2, 'x': 3})");
    assert_ptr_equal(ob_getattr_str(withkw, "default_factory"), KN_None);
}

static void test_count_and_tuplegetter(void **state)
{
    (void)state;
    KnObject *d = ob_dict_new();
    assert_non_null(ob_vectorcall(F("_count_elements"), (KnObject *[]){d, S("abracadabra")}, 2, NULL));
    assert_string_equal(R(d), "{'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}");
    KnObject *dd = ob_call_onearg(F("defaultdict"), (KnObject *)&ob_int_type);
    assert_non_null(ob_vectorcall(F("_count_elements"), (KnObject *[]){dd, S("aab")}, 2, NULL));
    assert_string_equal(R(dd), "defaultdict(<class 'int'>, {'a': 2, 'b': 1})");

    KnObject *g = ob_vectorcall(F("_tuplegetter"), (KnObject *[]){I(1), S("doc")}, 2, NULL);
    assert_string_equal(R(g), "_tuplegetter(1, 'doc')");
    assert_string_equal(R(ob_getattr_str(g, "__doc__")), "'doc'");
    KnObject *t = ob_tuple_pack(2, S("x"), S("y"));
    assert_string_equal(R(KN_TYPE(g)->tp_descr_get(g, t, NULL)), "'y'");
    assert_ptr_equal(KN_TYPE(g)->tp_descr_get(g, NULL, NULL), g);
    KnObject *g5 = ob_vectorcall(F("_tuplegetter"), (KnObject *[]){I(5), S("d")}, 2, NULL);
    assert_null(KN_TYPE(g5)->tp_descr_get(g5, t, NULL));
    check_outcome("tg[5]", NULL, "IndexError", "tuple index out of range");
    assert_string_equal(R(ob_call_method(g, "__reduce__", 0)),
                        "(<class '_collections._tuplegetter'>, (1, 'doc'))");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deque_cases),
        cmocka_unit_test(test_deque_iteration),
        cmocka_unit_test(test_defaultdict),
        cmocka_unit_test(test_count_and_tuplegetter),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
