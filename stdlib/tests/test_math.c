/*
 * test_math.c — the math module (src/math_*.c) against python3.11's
 * results: math_cases.inc (from gen_math_cases.py) holds ~2300 calls with
 * their repr or exception; float results of the functions that come from
 * glibc may differ by a few ulps (the tolerance column).  Plus fsum,
 * prod, isclose, constants and keyword handling.
 */
#include <math.h>
#include <stdint.h>

#include "test_posix_util.h"
#include "libobject/complex.h"

KnObject *kn_init_math(void);
KnObject *kn_init_cmath(void);

static KnObject *mm, *cmm;

typedef struct MathCase {
    const char *fn;
    int nargs;
    const char *args[3];
    const char *expect;
    int tol;
} MathCase;

static const MathCase cases[] = {
#include "math_cases.inc"
};

static const MathCase cmath_cases[] = {
#include "cmath_cases.inc"
};

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mm = kn_init_math()) == NULL || (cmm = kn_init_cmath()) == NULL)
        return -1;
    return 0;
}

static KnObject *make_arg(const char *a)
{
    const char *v = a + 2;
    switch (a[0]) {
    case 'f':
        return ob_float_from_double(strtod(v, NULL));
    case 'i':
        return ob_int_from_string(v, (kn_ssize_t)strlen(v), 10);
    case 's':
        return S(v);
    case 'c': {
        char *end;
        double re = strtod(v, &end);
        return ob_complex_from_doubles(re, strtod(end + 1, NULL));
    }
    case 't': {
        KnObject *items[8];
        int n = 0;
        char buf[256];
        snprintf(buf, sizeof buf, "%s", v);
        for (char *tok = strtok(buf, ","); tok != NULL && n < 8; tok = strtok(NULL, ","))
            items[n++] = ob_float_from_double(strtod(tok, NULL));
        return ob_tuple_from_array(items, n);
    }
    default:
        return NULL;
    }
}

static int64_t ordered(double d)
{
    int64_t i;
    memcpy(&i, &d, sizeof i);
    return i < 0 ? INT64_MIN - i : i;
}

static int close_enough(double want, double have, int tol)
{
    if (isnan(want) || isnan(have) || isinf(want) || isinf(have))
        return (isnan(want) && isnan(have)) || want == have;
    if (want == 0 || have == 0)
        return fabs(want - have) < 1e-300 || want == have;
    int64_t d = ordered(want) - ordered(have);
    return (d < 0 ? -d : d) <= tol;
}

/* 1 when got matches the expected text within tol ulps. */
static int matches(KnObject *got, const char *expect, int tol, char *why, size_t whylen)
{
    if (got == NULL) {
        KnObject *e = ob_err_fetch();
        const char *msg = ob_str_as_utf8(ob_str(e), NULL), *tn = ob_type_name(KN_TYPE(e));
        snprintf(why, whylen, "e:%s:%s", tn, msg);
        size_t tl = strlen(tn);
        return strncmp(expect, "e:", 2) == 0 && strncmp(expect + 2, tn, tl) == 0
            && expect[2 + tl] == ':' && strcmp(expect + 3 + tl, msg) == 0;
    }
    const char *r = ob_str_as_utf8(ob_repr(got), NULL);
    snprintf(why, whylen, "r:%s", r);
    if (expect[0] == 'r' && strcmp(r, expect + 2) == 0)
        return 1;
    if (tol == 0 || expect[0] != 'r')
        return 0;
    if (KN_COMPLEX_CHECK(got)) {
        /* expect is repr(complex): parse it with complex() */
        const char *t = expect + 2;
        KnObject *w = ob_call_onearg((KnObject *)&ob_complex_type, ob_str_from_cstr(t));
        if (w == NULL) {
            ob_err_clear();
            return 0;
        }
        KnComplex a = KN_COMPLEX_VALUE(w), b = KN_COMPLEX_VALUE(got);
        return close_enough(a.real, b.real, tol) && close_enough(a.imag, b.imag, tol);
    }
    if (!KN_FLOAT_CHECK(got))
        return 0;
    return close_enough(strtod(expect + 2, NULL), KN_FLOAT_VALUE(got), tol);
}

static void run_cases(KnObject *mod, const MathCase *cases, size_t n)
{
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        const MathCase *c = &cases[i];
        KnObject *args[3];
        for (int k = 0; k < c->nargs; k++)
            args[k] = make_arg(c->args[k]);
        KnObject *got = callv(mod, c->fn, c->nargs, args, NULL);
        char why[512];
        if (!matches(got, c->expect, c->tol, why, sizeof why)) {
            print_error("%s(%s, %s): got %s, expected %s\n", c->fn, c->args[0] ? c->args[0] : "",
                        c->args[1] ? c->args[1] : "", why, c->expect);
            failures++;
        }
    }
    print_message("%zu cases, %d failures\n", n, failures);
    assert_int_equal(failures, 0);
}

static void test_cases(void **state)
{
    (void)state;
    run_cases(mm, cases, sizeof cases / sizeof cases[0]);
}

static void test_cmath_cases(void **state)
{
    (void)state;
    run_cases(cmm, cmath_cases, sizeof cmath_cases / sizeof cmath_cases[0]);
}

static KnObject *list_of_floats(const double *v, int n)
{
    KnObject *l = ob_list_new(0);
    for (int i = 0; i < n; i++)
        ob_list_append(l, ob_float_from_double(v[i]));
    return l;
}

static void expect_repr(KnObject *got, const char *want)
{
    char why[512];
    char full[512];
    snprintf(full, sizeof full, "r:%s", want);
    if (!matches(got, full, 0, why, sizeof why))
        fail_msg("got %s, expected %s", why, full);
}

static void expect_exc(KnObject *got, const char *want)
{
    char why[512];
    if (!matches(got, want, 0, why, sizeof why))
        fail_msg("got %s, expected %s", why, want);
}

static void test_fsum(void **state)
{
    (void)state;
    double tenth[10] = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    expect_repr(CALL(mm, "fsum", list_of_floats(tenth, 10)), "1.0");
    double cancel[4] = {1e100, 1.0, -1e100, 1e-100};
    expect_repr(CALL(mm, "fsum", list_of_floats(cancel, 4)), "1.0");
    /* halfway case: 1 + 2**-53 + 2**-106 rounds up */
    double half[3] = {1.0, ldexp(1.0, -53), ldexp(1.0, -106)};
    expect_repr(CALL(mm, "fsum", list_of_floats(half, 3)), "1.0000000000000002");
    double half2[2] = {1.0, ldexp(1.0, -53)};
    expect_repr(CALL(mm, "fsum", list_of_floats(half2, 2)), "1.0");
    double big[2] = {1e308, 1e308};
    expect_exc(CALL(mm, "fsum", list_of_floats(big, 2)), "e:OverflowError:intermediate overflow in fsum");
    double infs[2] = {INFINITY, -INFINITY};
    expect_exc(CALL(mm, "fsum", list_of_floats(infs, 2)), "e:ValueError:-inf + inf in fsum");
    double mixed[3] = {INFINITY, 1.0, INFINITY};
    expect_repr(CALL(mm, "fsum", list_of_floats(mixed, 3)), "inf");
    double many[6] = {1e16, 1.0, 1e-16, -1e16, 3.3, -2.2};
    expect_repr(CALL(mm, "fsum", list_of_floats(many, 6)), "2.0999999999999996");
    expect_repr(CALL(mm, "fsum", ob_list_new(0)), "0.0");
}

static void test_prod_isclose(void **state)
{
    (void)state;
    KnObject *l = ob_list_new(0);
    ob_list_append(l, I(2));
    ob_list_append(l, I(3));
    expect_repr(callv(mm, "prod", 1, &l, KW("start", I(7))), "42");
    expect_repr(CALL(mm, "prod", ob_list_new(0)), "1");
    expect_exc(CALL(mm, "prod", I(1)), "e:TypeError:'int' object is not iterable");
    KnObject *ab[2] = {ob_float_from_double(1.0), ob_float_from_double(1.0 + 1e-10)};
    expect_repr(callv(mm, "isclose", 2, ab, NULL), "True");
    expect_repr(callv(mm, "isclose", 2, ab, KW("rel_tol", ob_float_from_double(1e-12))), "False");
    expect_exc(callv(mm, "isclose", 2, ab, KW("rel_tol", I(-1))),
               "e:ValueError:tolerances must be non-negative");
    KnObject *inf2[2] = {ob_float_from_double(INFINITY), ob_float_from_double(INFINITY)};
    expect_repr(callv(mm, "isclose", 2, inf2, NULL), "True");
}

static void test_constants(void **state)
{
    (void)state;
    expect_repr(attr(mm, "pi"), "3.141592653589793");
    expect_repr(attr(mm, "e"), "2.718281828459045");
    expect_repr(attr(mm, "tau"), "6.283185307179586");
    expect_repr(attr(mm, "inf"), "inf");
    expect_repr(attr(mm, "nan"), "nan");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_cmath_cases),
        cmocka_unit_test(test_fsum),
        cmocka_unit_test(test_prod_isclose),
        cmocka_unit_test(test_constants),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
