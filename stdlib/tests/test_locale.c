/*
 * test_locale.c — _locale (src/locale_module.c) in the C locale the test
 * starts in; expected values from `LC_ALL=C python3.11 -X utf8=0`.
 */
#include <locale.h>

#include "test_posix_util.h"

KnObject *kn_init__locale(void);

static KnObject *lm;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (lm = kn_init__locale()) == NULL)
        return -1;
    return 0;
}

static const char *R(KnObject *o)
{
    if (o == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("raised %s", ob_str_as_utf8(ob_repr(e), NULL));
    }
    return ob_str_as_utf8(ob_repr(o), NULL);
}

static void expect_exc(KnTypeObject *t, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_ptr_equal(KN_TYPE(e), t);
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), msg);
}

static void test_setlocale(void **state)
{
    (void)state;
    ASSERT_INT(attr(lm, "LC_ALL"), 6);
    ASSERT_INT(attr(lm, "LC_MESSAGES"), 5);
    ASSERT_INT(attr(lm, "CODESET"), 14);
    ASSERT_INT(attr(lm, "ABMON_12"), 131097);
    ASSERT_INT(attr(lm, "CHAR_MAX"), 127);
    assert_string_equal(R(CALL(lm, "setlocale", attr(lm, "LC_ALL"))), "'C'");
    KnObject *err = attr(lm, "Error");
    assert_string_equal(R(ob_getattr_str(err, "__module__")), "'locale'");
    assert_null(CALL(lm, "setlocale", attr(lm, "LC_ALL"), S("xx_YY")));
    expect_exc((KnTypeObject *)err, "unsupported locale setting");
    assert_null(CALL(lm, "setlocale", I(99)));
    expect_exc((KnTypeObject *)err, "locale query failed");
    assert_null(CALL(lm, "setlocale", I(6), I(5)));
    expect_exc(ob_exc_TypeError, "setlocale() argument 2 must be str or None, not int");
    assert_string_equal(R(CALL0(lm, "getencoding")), "'ANSI_X3.4-1968'");
    assert_string_equal(R(CALL(lm, "setlocale", attr(lm, "LC_CTYPE"), S("C.UTF-8"))), "'C.UTF-8'");
    assert_string_equal(R(CALL0(lm, "getencoding")), "'UTF-8'");
    assert_string_equal(R(CALL(lm, "strxfrm", S("b\xc3\xa9" "a"))), "'b\xc3\xa9" "a'");
    CALL(lm, "setlocale", attr(lm, "LC_ALL"), S("C"));
}

static void test_info(void **state)
{
    (void)state;
    assert_string_equal(R(CALL(lm, "nl_langinfo", attr(lm, "DAY_1"))), "'Sunday'");
    assert_string_equal(R(CALL(lm, "nl_langinfo", attr(lm, "D_T_FMT"))), "'%a %b %e %H:%M:%S %Y'");
    assert_string_equal(R(CALL(lm, "nl_langinfo", attr(lm, "_DATE_FMT"))), "'%a %b %e %H:%M:%S %Z %Y'");
    assert_null(CALL(lm, "nl_langinfo", I(99999)));
    expect_exc(ob_exc_ValueError, "unsupported langinfo constant");
    assert_string_equal(R(CALL0(lm, "localeconv")),
        "{'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '', "
        "'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '', 'negative_sign': '', "
        "'int_frac_digits': 127, 'frac_digits': 127, 'p_cs_precedes': 127, 'p_sep_by_space': 127, "
        "'n_cs_precedes': 127, 'n_sep_by_space': 127, 'p_sign_posn': 127, 'n_sign_posn': 127, "
        "'decimal_point': '.', 'thousands_sep': '', 'grouping': []}");
}

static void test_collate_gettext(void **state)
{
    (void)state;
    ASSERT_INT(CALL(lm, "strcoll", S("a"), S("b")), -1);
    ASSERT_INT(CALL(lm, "strcoll", S("b"), S("a")), 1);
    assert_null(CALL(lm, "strcoll", I(1), S("a")));
    expect_exc(ob_exc_TypeError, "strcoll() argument 1 must be str, not int");
    assert_null(CALL(lm, "strcoll", ob_str_from_utf8("a\0", 2), S("b")));
    expect_exc(ob_exc_ValueError, "embedded null character");
    assert_string_equal(R(CALL(lm, "strxfrm", S("abc"))), "'abc'");
    assert_string_equal(R(CALL(lm, "gettext", S("x"))), "'x'");
    assert_string_equal(R(CALL(lm, "dgettext", KN_None, S("x"))), "'x'");
    assert_string_equal(R(CALL(lm, "textdomain", KN_None)), "'messages'");
    assert_string_equal(R(CALL(lm, "bindtextdomain", S("x"), KN_None)), "'/usr/share/locale'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_setlocale),
        cmocka_unit_test(test_info),
        cmocka_unit_test(test_collate_gettext),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
