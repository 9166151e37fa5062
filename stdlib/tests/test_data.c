/*
 * test_data.c — C-level pieces of the data part: json's JsonBuf (kind
 * widening, escaping), json_scanstring's results and errors without the
 * json package, and unicodedata's tables (names both ways, composition,
 * 3.2 assignment).  Python-level behaviour: the tests/data programs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "libobject/libobject.h"
#include "json_internal.h"
#include "unicodedata_internal.h"

static int setup(void **state)
{
    (void)state;
    return ob_runtime_init() < 0 ? -1 : 0;
}

static KnObject *u(const char *s)
{
    return ob_str_from_cstr(s);
}

static void test_buf_widens(void **state)
{
    (void)state;
    JsonBuf b;
    json_buf_init(&b, 2);
    assert_int_equal(json_buf_ascii(&b, "abc", 3), 0);
    assert_int_equal(b.kind, 1);
    assert_int_equal(json_buf_putc(&b, 0xE9), 0);
    assert_int_equal(b.kind, 1);
    assert_int_equal(json_buf_putc(&b, 0x2603), 0);
    assert_int_equal(b.kind, 2);
    assert_int_equal(json_buf_putc(&b, 0x1F600), 0);
    assert_int_equal(b.kind, 4);
    assert_int_equal(json_buf_ascii(&b, "z", 1), 0);
    KnObject *s = json_buf_finish(&b);
    assert_non_null(s);
    assert_true(ob_str_equal(s, u("abc\xc3\xa9\xe2\x98\x83\xf0\x9f\x98\x80z")));
}

static void test_escape(void **state)
{
    (void)state;
    JsonBuf b;
    json_buf_init(&b, 0);
    assert_int_equal(json_escape_into(&b, u("a\"\\\n\x01\xc3\xa9\xf0\x9f\x98\x80"), 1), 0);
    assert_true(ob_str_equal(json_buf_finish(&b), u("\"a\\\"\\\\\\n\\u0001\\u00e9\\ud83d\\ude00\"")));
    json_buf_init(&b, 0);
    assert_int_equal(json_escape_into(&b, u("\xc3\xa9\x7f\t"), 0), 0);
    assert_true(ob_str_equal(json_buf_finish(&b), u("\"\xc3\xa9\x7f\\t\"")));
}

static void test_scanstring(void **state)
{
    (void)state;
    kn_ssize_t next = 0;
    KnObject *r = json_scanstring(u("\"ab\\u00e9\\ud834\\udd1e\" x"), 1, 1, &next);
    assert_non_null(r);
    assert_int_equal(next, 22);
    assert_true(ob_str_equal(r, u("ab\xc3\xa9\xf0\x9d\x84\x9e")));
    assert_null(json_scanstring(u("\"a"), 5, 1, &next));
    assert_ptr_equal(ob_err_occurred(), ob_exc_ValueError);
    ob_err_clear();
}

static void test_names(void **state)
{
    (void)state;
    char buf[256];
    assert_int_equal(ud_name(0x2603, 0, buf, sizeof buf), 1);
    assert_string_equal(buf, "SNOWMAN");
    assert_int_equal(ud_name(0xAC01, 0, buf, sizeof buf), 1);
    assert_string_equal(buf, "HANGUL SYLLABLE GAG");
    assert_int_equal(ud_name(0x4E00, 0, buf, sizeof buf), 1);
    assert_string_equal(buf, "CJK UNIFIED IDEOGRAPH-4E00");
    assert_int_equal(ud_name(0x0000, 0, buf, sizeof buf), 0);
    /* U+1F600 did not exist in Unicode 3.2 */
    assert_int_equal(ud_name(0x1F600, 0, buf, sizeof buf), 1);
    assert_int_equal(ud_name(0x1F600, 1, buf, sizeof buf), 0);
    KnObject *c = ud_lookup("latin small letter sharp s", 26, 0);
    assert_non_null(c);
    assert_int_equal(ob_str_read_char(c, 0), 0xDF);
    assert_null(ud_lookup("BYTE ORDER MARK", 15, 1));   /* no aliases in 3.2 */
    assert_ptr_equal(ob_err_occurred(), ob_exc_KeyError);
    ob_err_clear();
}

static void test_compose(void **state)
{
    (void)state;
    assert_int_equal(ud_compose_pair('e', 0x301), 0xE9);
    assert_int_equal(ud_compose_pair(0x915, 0x93C), 0);   /* U+0958 is excluded */
    UdProps p;
    ud_props(0x301, 0, &p);
    assert_int_equal(p.combining, 230);
    assert_string_equal(p.bidirectional, "NSM");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_widens),
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_scanstring),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_compose),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
