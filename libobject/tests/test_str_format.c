/*
 * test_str_format.c — str.format / str.format_map (src/str_format*.c)
 * against rows generated from CPython 3.11 (strformat_cases.inc, see
 * gen_fmtcall_cases.py), and the _string helpers.
 */
#include "fmt_test.h"
#include "str_internal.h"

typedef struct {
    const char *fmt;
    int is_map;
    const char *args[8];
    const char *kw[8];
    const char *expect, *exc;
} FmtCallCase;

static const FmtCallCase cases[] = {
#include "strformat_cases.inc"
};

static void test_table(void **state)
{
    (void)state;
    size_t n = sizeof cases / sizeof cases[0], failed = 0;
    for (size_t i = 0; i < n; i++) {
        const FmtCallCase *c = &cases[i];
        KnObject *kw = V_dict(c->kw, 0), *r;
        if (c->is_map)
            r = ob_call_method(S(c->fmt), "format_map", 1, kw);
        else
            r = ob_str_format_meth(S(c->fmt), V_tuple(c->args), c->kw[0] ? kw : NULL);
        char what[200];
        snprintf(what, sizeof what, "case %zu: '%s'.%s(...)", i, c->fmt,
                 c->is_map ? "format_map" : "format");
        if (!fmt_match(r, c->expect, c->exc, what))
            failed++;
    }
    printf("str.format table: %zu rows, %zu failed\n", n, failed);
    assert_int_equal(failed, 0);
}

static void test_format_map_positional(void **state)
{
    (void)state;
    assert_true(fmt_match(ob_str_format_map_meth(S("{}"), ob_dict_new()),
                          "Format string contains positional fields", "ValueError", "map"));
}

/* format_map with a mapping that is not a dict goes through __getitem__;
 * str.format through the method table with keywords. */
static void test_mapping_and_call(void **state)
{
    (void)state;
    KnObject *d = ob_dict_new();
    ob_dict_setitem(d, S("a"), I(1));
    ob_dict_setitem(d, S("b"), S("x"));
    KnObject *proxy = ob_mappingproxy_new(d);
    assert_non_null(proxy);
    assert_true(fmt_match(ob_str_format_map_meth(S("{a}|{b!r}"), proxy), "1|'x'", NULL, "proxy"));
    assert_true(fmt_match(ob_str_format_map_meth(S("{c}"), proxy), "'c'", "KeyError", "proxy"));
    KnObject *l = ob_list_new(0);
    ob_list_append(l, I(1));
    assert_true(fmt_match(ob_str_format_map_meth(S("{a}"), l),
                          "list indices must be integers or slices, not str", "TypeError", "list"));
    KnObject *kw = ob_dict_new();
    ob_dict_setitem(kw, S("x"), I(2));
    KnObject *meth = ob_getattr(S("{0}-{x}"), S("format"));
    assert_non_null(meth);
    assert_true(fmt_match(ob_call(meth, ob_tuple_pack(1, I(1)), kw), "1-2", NULL, "call"));
}

static const char *text(KnObject *o)
{
    KnObject *r = ob_repr(o);
    assert_non_null(r);
    return ob_str_as_utf8(r, NULL);
}

static void test_formatter_parser(void **state)
{
    (void)state;
    assert_string_equal(text(ob_str_formatter_parser(S("a{{b"))),
                        "[('a{', None, None, None), ('b', None, None, None)]");
    assert_string_equal(text(ob_str_formatter_parser(S("x}}y{0!r:>{w}}z{}"))),
                        "[('x}', None, None, None), ('y', '0', '>{w}', 'r'), ('z', '', '', None)]");
    assert_string_equal(text(ob_str_formatter_parser(S("{!x}"))), "[('', '', '', 'x')]");
    assert_string_equal(text(ob_str_formatter_parser(S(""))), "[]");
    assert_true(fmt_match(ob_str_formatter_parser(S("a}")),
                          "Single '}' encountered in format string", "ValueError", "parser"));
    assert_true(fmt_match(ob_str_formatter_parser(S("{0!rx}")),
                          "expected ':' after conversion specifier", "ValueError", "parser"));
}

static void test_field_name_split(void **state)
{
    (void)state;
    assert_string_equal(text(ob_str_formatter_field_name_split(S("a.b[0][x]"))),
                        "('a', [(True, 'b'), (False, 0), (False, 'x')])");
    assert_string_equal(text(ob_str_formatter_field_name_split(S(""))), "('', [])");
    assert_string_equal(text(ob_str_formatter_field_name_split(S("12.x"))), "(12, [(True, 'x')])");
    assert_true(fmt_match(ob_str_formatter_field_name_split(S("a.")),
                          "Empty attribute in format string", "ValueError", "split"));
    assert_true(fmt_match(ob_str_formatter_field_name_split(S("a[0]x")),
                          "Only '.' or '[' may follow ']' in format field specifier", "ValueError",
                          "split"));
    assert_true(fmt_match(ob_str_formatter_field_name_split(S("a[0")),
                          "Missing ']' in format string", "ValueError", "split"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_format_map_positional),
        cmocka_unit_test(test_mapping_and_call),
        cmocka_unit_test(test_formatter_parser),
        cmocka_unit_test(test_field_name_split),
    };
    return cmocka_run_group_tests(tests, fmt_setup, NULL);
}
