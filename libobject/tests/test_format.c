/*
 * test_format.c — format(value, spec) for int, bool, float, complex and str
 * (src/format_spec*.c) against a table generated from CPython 3.11
 * (format_cases.inc, see gen_format_cases.py), plus the __format__ entry
 * points' argument checks.
 */
#include <math.h>
#include "fmt_test.h"

typedef struct {
    char kind;
    const char *ival;
    double re, im;
    const char *sval, *spec, *expect, *exc;
} FormatCase;

static const FormatCase cases[] = {
#include "format_cases.inc"
};

static KnObject *make_value(const FormatCase *c)
{
    switch (c->kind) {
    case 'i': return ob_int_from_string(c->ival, (kn_ssize_t)strlen(c->ival), 10);
    case 'b': return KN_BOOL(c->ival[0] == '1');
    case 'f': return ob_float_from_double(c->re);
    case 'c': return ob_complex_from_doubles(c->re, c->im);
    default: return S(c->sval);
    }
}

static void test_table(void **state)
{
    (void)state;
    size_t n = sizeof cases / sizeof cases[0], failed = 0;
    for (size_t i = 0; i < n; i++) {
        const FormatCase *c = &cases[i];
        KnObject *v = make_value(c);
        assert_non_null(v);
        char what[160];
        snprintf(what, sizeof what, "case %zu: format(%c %s/%a/%a/'%s', '%s')", i, c->kind,
                 c->ival, c->re, c->im, c->sval, c->spec);
        if (!fmt_match(ob_format(v, S(c->spec)), c->expect, c->exc, what))
            failed++;
    }
    printf("format table: %zu cases, %zu failed\n", n, failed);
    assert_int_equal(failed, 0);
}

/* repr() of every power of two (see gen_float_repr_cases.py): the lopsided
 * rounding interval there once made repr print 17 digits where CPython
 * prints 16 (2.0**-139 is 7.174648137343064e-43). */
static const struct {
    int exp;
    const char *repr;
} pow2_cases[] = {
#include "float_repr_pow2.inc"
};

static void test_float_repr_powers_of_two(void **state)
{
    (void)state;
    size_t n = sizeof pow2_cases / sizeof pow2_cases[0], failed = 0;
    for (size_t i = 0; i < n; i++) {
        char what[64];
        snprintf(what, sizeof what, "repr(2.0**%d)", pow2_cases[i].exp);
        KnObject *v = ob_float_from_double(ldexp(1.0, pow2_cases[i].exp));
        if (!fmt_match(ob_repr(v), pow2_cases[i].repr, NULL, what))
            failed++;
    }
    printf("float repr powers of two: %zu cases, %zu failed\n", n, failed);
    assert_int_equal(failed, 0);
}

static void test_method_argument(void **state)
{
    (void)state;
    assert_true(fmt_match(ob_call_method(I(1), "__format__", 1, I(2)),
                          "__format__() argument must be str, not int", "TypeError", "int"));
    assert_true(fmt_match(ob_call_method(ob_float_from_double(1.5), "__format__", 1, I(2)),
                          "__format__() argument must be str, not int", "TypeError", "float"));
    assert_true(fmt_match(ob_call_method(S("a"), "__format__", 1, I(2)),
                          "__format__() argument must be str, not int", "TypeError", "str"));
    assert_true(fmt_match(ob_call_method(ob_complex_from_doubles(1, 2), "__format__", 1, I(2)),
                          "__format__() argument must be str, not int", "TypeError", "complex"));
    /* empty spec: str(self) */
    assert_true(fmt_match(ob_call_method(KN_True, "__format__", 1, S("")), "True", NULL, "bool"));
    assert_true(fmt_match(ob_call_method(ob_complex_from_doubles(0, 1), "__format__", 1, S("")),
                          "1j", NULL, "complex"));
    assert_true(fmt_match(ob_format(KN_None, S("x")),
                          "unsupported format string passed to NoneType.__format__", "TypeError",
                          "None"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_method_argument),
        cmocka_unit_test(test_float_repr_powers_of_two),
    };
    return cmocka_run_group_tests(tests, fmt_setup, NULL);
}
