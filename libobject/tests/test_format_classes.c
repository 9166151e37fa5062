/*
 * test_format_classes.c — formatting driven by classes with dunders (built
 * from C with the classes part's test helpers): __format__ and attribute
 * fields in str.format, __missing__ / __getitem__ mappings, __index__ and
 * __float__ in %-formatting, __bytes__ in bytes %.  Every expectation is
 * what python3.11 prints for the same classes.
 */
#include "test_type_helpers.h"
#include "str_internal.h"

static KnObject *float_25(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_float_from_double(2.5);
}

static KnObject *index_66(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return I(66); }

static KnObject *bytes_by(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_bytes_from_data("BY", 2);
}

/* __missing__(self, key) / __getitem__(self, key): prefix + key */
static KnObject *missing(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_str_concat(S("miss:"), a[1]);
}

static KnObject *getitem(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_str_concat(S("got:"), a[1]);
}

/* __format__(self, spec) -> "F:" + spec */
static KnObject *format_f(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_str_concat(S("F:"), a[1]);
}

static void expect_text(KnObject *r, const char *text)
{
    if (r == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("raised %s, expected '%s'", e ? ob_str_as_utf8(ob_str(e), NULL) : "?", text);
    }
    assert_string_equal(cstr(r), text);
}

static void test_percent_number_protocols(void **state)
{
    KnObject *F = mkclass("F", bases0(), ns("__float__", fn(float_25), NULL));
    KnObject *Ix = mkclass("Ix", bases0(), ns("__index__", fn(index_66), NULL));
    assert_null(ob_str_mod_format(S("%d"), call0(F)));
    expect_error(ob_exc_TypeError, "%d format: a real number is required, not F");
    expect_text(ob_str_mod_format(S("%f"), call0(F)), "2.500000");
    KnObject *ix = call0(Ix);
    expect_text(ob_str_mod_format(S("%x|%d|%c|%.1f"), ob_tuple_pack(4, ix, ix, ix, ix)),
                "42|66|B|66.0");
    assert_null(ob_str_format_meth(S("{:d}"), ob_tuple_pack(1, ix), NULL));
    expect_error(ob_exc_TypeError, "unsupported format string passed to Ix.__format__");
}

static void test_bytes_protocols(void **state)
{
    KnObject *B = mkclass("B", bases0(), ns("__bytes__", fn(bytes_by), NULL));
    KnObject *Ix = mkclass("Ix", bases0(), ns("__index__", fn(index_66), NULL));
    KnObject *b = call0(B);
    KnObject *r = ob_bytes_mod_format(ob_bytes_from_data("%s|%b|%c", 8),
                                      ob_tuple_pack(3, b, b, call0(Ix)));
    assert_non_null(r);
    assert_int_equal(KN_SIZE(r), 7);
    assert_memory_equal(KN_BYTES_AS_STRING(r), "BY|BY|B", 7);
    assert_null(ob_bytes_mod_format(ob_bytes_from_data("%s", 2), call0(Ix)));
    expect_error(ob_exc_TypeError, "%b requires a bytes-like object, or an object that "
                 "implements __bytes__, not 'Ix'");
}

static void test_mappings(void **state)
{
    KnObject *D = mkclass("D", bases1((KnObject *)&ob_dict_type),
                          ns("__missing__", fn(missing), NULL));
    expect_text(ob_str_format_map_meth(S("{a}"), call0(D)), "miss:a");
    KnObject *M = mkclass("M", bases0(), ns("__getitem__", fn(getitem), NULL));
    KnObject *m = call0(M);
    expect_text(ob_str_mod_format(S("%(a)s"), m), "got:a");
    expect_text(ob_str_mod_format(S("abc"), m), "abc");   /* a mapping: no leftover error */
}

static void test_format_and_fields(void **state)
{
    KnObject *Fm = mkclass("Fm", bases0(), ns("__format__", fn(format_f), NULL));
    KnObject *o = call0(Fm);
    expect_text(ob_format(o, S("q")), "F:q");
    expect_text(ob_str_format_meth(S("{0:abc}|{0:{1}}"), ob_tuple_pack(2, o, S("zz")), NULL),
                "F:abc|F:zz");
    KnObject *X = mkclass("X", bases0(), ns("x", I(5), NULL));
    expect_text(ob_str_format_meth(S("{0.x:>3}|{0.x!r}"), ob_tuple_pack(1, call0(X)), NULL),
                "  5|5");
    assert_null(ob_str_format_meth(S("{0.y}"), ob_tuple_pack(1, call0(X)), NULL));
    expect_error(ob_exc_AttributeError, "'X' object has no attribute 'y'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_percent_number_protocols),
        cmocka_unit_test(test_bytes_protocols),
        cmocka_unit_test(test_mappings),
        cmocka_unit_test(test_format_and_fields),
    };
    return cmocka_run_group_tests(tests, setup_runtime, NULL);
}
