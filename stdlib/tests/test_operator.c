/*
 * test_operator.c — the _operator module (src/operator_*.c): the case
 * table from python3.11 (operator_cases.inc), then attrgetter /
 * itemgetter / methodcaller applied, their reprs and __reduce__.
 */
#include "test_iter_util.h"

KnObject *kn_init__operator(void);
KnObject *kn_init__functools(void);

static KnObject *mod;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mod = kn_init__operator()) == NULL ||
        kn_init__functools() == NULL)
        return -1;
    return 0;
}

static const struct { const char *name, *spec, *kind, *text; } cases[] = {
#include "operator_cases.inc"
};

static KnObject *F(const char *name)
{
    KnObject *f = ob_getattr_str(mod, name);
    assert_non_null(f);
    return f;
}

static void test_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char what[300];
        snprintf(what, sizeof what, "%s(%s)", cases[i].name, cases[i].spec);
        check_outcome(what, call_spec(F(cases[i].name), cases[i].spec), cases[i].kind,
                      cases[i].text);
    }
}

static void test_module_names(void **state)
{
    (void)state;
    static const char *const names[] = {
        "abs", "add", "and_", "attrgetter", "call", "concat", "contains", "countOf",
        "delitem", "eq", "floordiv", "ge", "getitem", "gt", "iadd", "iand", "iconcat",
        "ifloordiv", "ilshift", "imatmul", "imod", "imul", "index", "indexOf", "inv",
        "invert", "ior", "ipow", "irshift", "is_", "is_not", "isub", "itemgetter",
        "itruediv", "ixor", "le", "length_hint", "lshift", "lt", "matmul", "methodcaller",
        "mod", "mul", "ne", "neg", "not_", "or_", "pos", "pow", "rshift", "setitem", "sub",
        "truediv", "truth", "xor", "_compare_digest", NULL};
    for (int i = 0; names[i]; i++)
        assert_non_null(F(names[i]));
}

static void test_getters(void **state)
{
    (void)state;
    KnObject *ig = ob_call(F("itemgetter"), ob_tuple_pack(2, I(0), I(-1)), NULL);
    assert_string_equal(R(ob_call_onearg(ig, S("abc"))), "('a', 'c')");
    assert_null(ob_call(ig, ob_tuple_empty(), NULL));
    check_outcome("itemgetter()", NULL, "TypeError", "itemgetter expected 1 argument, got 0");
    assert_string_equal(R(ob_call_method(ig, "__reduce__", 0)),
                        "(<class 'operator.itemgetter'>, (0, -1))");

    KnObject *ag = ob_call(F("attrgetter"), ob_tuple_pack(2, S("real.imag"), S("real")), NULL);
    assert_string_equal(R(ob_call_onearg(ag, I(5))), "(0, 5)");
    assert_string_equal(R(ag), "operator.attrgetter('real.imag', 'real')");
    assert_null(ob_call_onearg(ob_call_onearg(F("attrgetter"), S("nope")), I(1)));
    check_outcome("attrgetter", NULL, "AttributeError", "'int' object has no attribute 'nope'");

    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "maxsplit", I(1));
    KnObject *mc = ob_call(F("methodcaller"), ob_tuple_pack(2, S("split"), S(",")), kw);
    assert_string_equal(R(mc), "operator.methodcaller('split', ',', maxsplit=1)");
    assert_string_equal(R(ob_call_onearg(mc, S("a,b,c"))), "['a', 'b,c']");
    assert_string_equal(R(ob_call_method(mc, "__reduce__", 0)),
                        "(functools.partial(<class 'operator.methodcaller'>, 'split', maxsplit=1), (',',))");
    KnObject *mc2 = ob_call(F("methodcaller"), ob_tuple_pack(2, S("f"), I(1)), NULL);
    assert_string_equal(R(ob_call_method(mc2, "__reduce__", 0)),
                        "(<class 'operator.methodcaller'>, ('f', 1))");
}

static void test_mutators(void **state)
{
    (void)state;
    KnObject *l = ob_list_from_array((KnObject *[]){I(1), I(2), I(3)}, 3);
    assert_ptr_equal(ob_vectorcall(F("setitem"), (KnObject *[]){l, I(0), S("x")}, 3, NULL), KN_None);
    assert_ptr_equal(ob_vectorcall(F("delitem"), (KnObject *[]){l, I(1)}, 2, NULL), KN_None);
    assert_string_equal(R(l), "['x', 3]");
    assert_null(ob_vectorcall(F("setitem"), (KnObject *[]){l, I(0)}, 2, NULL));
    check_outcome("setitem", NULL, "TypeError", "setitem expected 3 arguments, got 2");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_module_names),
        cmocka_unit_test(test_getters),
        cmocka_unit_test(test_mutators),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
