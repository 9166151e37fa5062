/*
 * test_codecs.c — the _codecs module (src/codecs_*.c): return shapes,
 * partial decoding, registry, error handlers, charmap; expected values
 * from python3.11.
 */
#include "test_posix_util.h"

KnObject *kn_init__codecs(void);

static KnObject *cm;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (cm = kn_init__codecs()) == NULL)
        return -1;
    return 0;
}

/* repr(x) == expect */
static void check_repr(KnObject *x, const char *expect)
{
    if (x == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("raised %s", ob_str_as_utf8(ob_repr(e), NULL));
    }
    const char *r = ob_str_as_utf8(ob_repr(x), NULL);
    if (strcmp(r, expect) != 0)
        fail_msg("got %s, expected %s", r, expect);
}

/* the pending exception is of type t with str() == msg */
static void check_raised(KnTypeObject *t, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_ptr_equal(KN_TYPE(e), t);
    const char *s = ob_str_as_utf8(ob_str(e), NULL);
    if (strcmp(s, msg) != 0)
        fail_msg("message %s, expected %s", s, msg);
}

static KnObject *BL(const char *s, size_t n) { return ob_bytes_from_data(s, (kn_ssize_t)n); }

static void test_utf8(void **state)
{
    (void)state;
    check_repr(CALL(cm, "utf_8_encode", S("a\xc3\xa9")), "(b'a\\xc3\\xa9', 2)");
    check_repr(CALL(cm, "utf_8_decode", BL("a\xe2\x82", 3)), "('a', 1)");
    check_repr(CALL(cm, "utf_8_decode", BL("\xe2\x82\xac", 3)), "('\u20ac', 3)");
    check_repr(CALL(cm, "utf_8_decode", BL("a\xf0\x9f", 3)), "('a', 1)");
}

static void test_utf8_errors(void **state)
{
    (void)state;
    assert_null(CALL(cm, "utf_8_decode", BL("a\xe2\x82", 3), KN_None, KN_True));
    check_raised(ob_exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
    check_repr(CALL(cm, "utf_8_decode", BL("a\xff", 2), S("replace"), KN_True), "('a\xef\xbf\xbd" "', 2)");
    assert_null(CALL(cm, "utf_8_encode", I(1)));
    check_raised(ob_exc_TypeError, "utf_8_encode() argument 1 must be str, not int");
    assert_null(CALL(cm, "utf_8_decode", B(""), I(1)));
    check_raised(ob_exc_TypeError, "utf_8_decode() argument 2 must be str or None, not int");
    assert_null(CALL(cm, "utf_8_decode", S("")));
    check_raised(ob_exc_TypeError, "a bytes-like object is required, not 'str'");
    assert_null(CALL0(cm, "utf_8_decode"));
    check_raised(ob_exc_TypeError, "utf_8_decode expected at least 1 argument, got 0");
}

static void test_utf16_32(void **state)
{
    (void)state;
    check_repr(CALL(cm, "utf_16_ex_decode", BL("\xff\xfe" "a\0", 4)), "('a', 4, -1)");
    check_repr(CALL(cm, "utf_16_ex_decode", BL("a\0", 2)), "('a', 2, 0)");
    check_repr(CALL(cm, "utf_16_ex_decode", BL("\xfe\xff\0a", 4), KN_None, I(0), KN_True),
               "('a', 4, 1)");
    check_repr(CALL(cm, "utf_16_ex_decode", BL("a\0", 2), KN_None, I(1)), "('\xe6\x84\x80', 2, 1)");
    check_repr(CALL(cm, "utf_16_decode", BL("\xff", 1)), "('', 0)");
    check_repr(CALL(cm, "utf_16_decode", BL("a\0\0\xd8", 4)), "('a', 2)");
    check_repr(CALL(cm, "utf_32_ex_decode", BL("\xff\xfe\0\0a\0\0\0", 8)), "('a', 8, -1)");
    check_repr(CALL(cm, "utf_16_encode", S("a")), "(b'\\xff\\xfea\\x00', 1)");
    check_repr(CALL(cm, "utf_16_encode", S("a"), KN_None, I(1)), "(b'\\x00a', 1)");
    check_repr(CALL(cm, "utf_16_encode", S("a"), KN_None, I(-1)), "(b'a\\x00', 1)");
    check_repr(CALL(cm, "utf_32_be_encode", S("a")), "(b'\\x00\\x00\\x00a', 1)");
    check_repr(CALL(cm, "utf_16_le_decode", BL("a\0b", 3)), "('a', 2)");
    /* errors after a BOM are positioned in the whole input */
    assert_null(CALL(cm, "utf_16_decode", BL("\xff\xfe\0", 3), KN_None, KN_True));
    check_raised(ob_exc_UnicodeDecodeError,
                 "'utf-16-le' codec can't decode byte 0x00 in position 2: truncated data");
}

static void test_simple(void **state)
{
    (void)state;
    check_repr(CALL(cm, "latin_1_decode", B("\xe9")), "('\xc3\xa9', 1)");
    check_repr(CALL(cm, "ascii_decode", B("a")), "('a', 1)");
    check_repr(CALL(cm, "ascii_encode", S("a\xc3\xa9"), S("xmlcharrefreplace")), "(b'a&#233;', 2)");
    check_repr(CALL(cm, "readbuffer_encode", B("ab")), "(b'ab', 2)");
    check_repr(CALL(cm, "readbuffer_encode", S("\xc3\xa9")), "(b'\\xc3\\xa9', 2)");
}

static void test_charmap(void **state)
{
    (void)state;
    check_repr(CALL(cm, "charmap_decode", BL("\0\1", 2), KN_None, S("xyz")), "('xy', 2)");
    check_repr(CALL(cm, "charmap_decode", B("ab")), "('ab', 2)");
    assert_null(CALL(cm, "charmap_decode", BL("\0\5", 2), KN_None, S("xyz")));
    check_raised(ob_exc_UnicodeDecodeError,
                 "'charmap' codec can't decode byte 0x05 in position 1: character maps to <undefined>");
    check_repr(CALL(cm, "charmap_decode", BL("\0\5", 2), S("replace"), S("xyz")), "('x\xef\xbf\xbd" "', 2)");
    check_repr(CALL(cm, "charmap_decode", BL("\0\5", 2), S("backslashreplace"), S("xyz")), "('x\\\\x05', 2)");
    KnObject *map = CALL(cm, "charmap_build", S("xyz"));
    check_repr(CALL(cm, "charmap_encode", S("zyx"), KN_None, map), "(b'\\x02\\x01\\x00', 3)");
    assert_null(CALL(cm, "charmap_encode", S("zqqx"), KN_None, map));
    check_raised(ob_exc_UnicodeEncodeError,
                 "'charmap' codec can't encode characters in position 1-2: character maps to <undefined>");
    check_repr(CALL(cm, "charmap_encode", S("zqqx"), S("ignore"), map), "(b'\\x02\\x00', 4)");
}

/* A search function returning a 4-tuple for "kiln_test" only. */
static KnObject *search_fn(KnObject *self, KnObject *name)
{
    (void)self;
    if (!ob_str_equal_cstr(name, "kiln_test"))
        return KN_None;
    KnObject *enc = ob_getattr_str(cm, "latin_1_encode"), *dec = ob_getattr_str(cm, "latin_1_decode");
    return ob_tuple_pack(4, enc, dec, KN_None, KN_None);
}
static KnMethodDef search_def[] = {{"search", (KnCFunction)search_fn, KN_METH_O, NULL},
                                   {NULL, NULL, 0, NULL}};

static void test_registry(void **state)
{
    (void)state;
    KnObject *holder = ob_module_new_cstr("t");
    assert_int_equal(ob_module_add_functions(holder, search_def), 0);
    KnObject *fn = ob_getattr_str(holder, "search");
    assert_null(CALL(cm, "register", I(1)));
    check_raised(ob_exc_TypeError, "argument must be callable");
    check_repr(CALL(cm, "register", fn), "None");
    KnObject *info = CALL(cm, "lookup", S("Kiln Test"));
    assert_non_null(info);
    assert_ptr_equal(CALL(cm, "lookup", S("KILN_TEST")), info);   /* cached */
    assert_null(CALL(cm, "lookup", S("xx y")));
    check_raised(ob_exc_LookupError, "unknown encoding: xx y");
    /* hyphens are not normalised by _codecs.lookup itself */
    assert_null(CALL(cm, "lookup", S("kiln-test")));
    check_raised(ob_exc_LookupError, "unknown encoding: kiln-test");
    check_repr(CALL(cm, "encode", S("\xc3\xa9"), S("kiln_test")), "b'\\xe9'");
    check_repr(CALL(cm, "decode", B("\xe9"), S("kiln_test")), "'\xc3\xa9'");
    /* libobject's hooks go through the registry */
    check_repr(ob_codec_hooks.decode("\xe9", 1, "Kiln Test", NULL), "'\xc3\xa9'");
    check_repr(ob_codec_hooks.encode(S("\xc3\xa9"), "kiln_test", NULL), "b'\\xe9'");
    assert_null(ob_codec_hooks.encode(S("\xe1\x88\xb4"), "kiln_test", NULL));
    check_raised(ob_exc_UnicodeEncodeError,
                 "'latin-1' codec can't encode character '\\u1234' in position 0: ordinal not in range(256)");
    assert_null(ob_codec_hooks.decode("", 0, "nope", NULL));
    check_raised(ob_exc_LookupError, "unknown encoding: nope");
    check_repr(CALL(cm, "_forget_codec", S("kiln_test")), "None");
    check_repr(CALL(cm, "unregister", fn), "None");
    assert_null(CALL(cm, "lookup", S("kiln_test")));
    check_raised(ob_exc_LookupError, "no codec search functions registered: can't find encoding");
}

static void test_error_handlers(void **state)
{
    (void)state;
    assert_null(CALL(cm, "lookup_error", S("nope")));
    check_raised(ob_exc_LookupError, "unknown error handler name 'nope'");
    KnObject *exc = ob_call((KnObject *)ob_exc_UnicodeEncodeError,
                            ob_tuple_pack(5, S("ascii"), S("a\xc3\xa9\xe1\x88\xb4z"), I(1), I(3), S("r")),
                            NULL);
    assert_non_null(exc);
    check_repr(ob_call_onearg(CALL(cm, "lookup_error", S("ignore")), exc), "('', 3)");
    check_repr(ob_call_onearg(CALL(cm, "lookup_error", S("replace")), exc), "('?\?', 3)");
    check_repr(ob_call_onearg(CALL(cm, "lookup_error", S("backslashreplace")), exc),
               "('\\\\xe9\\\\u1234', 3)");
    check_repr(ob_call_onearg(CALL(cm, "lookup_error", S("xmlcharrefreplace")), exc),
               "('&#233;&#4660;', 3)");
    assert_null(ob_call_onearg(CALL(cm, "lookup_error", S("strict")), exc));
    check_raised(ob_exc_UnicodeEncodeError,
                 "'ascii' codec can't encode characters in position 1-2: r");
    KnObject *dexc = ob_call((KnObject *)ob_exc_UnicodeDecodeError,
                             ob_tuple_pack(5, S("utf-8"), B("a\xff\xfe"), I(1), I(3), S("r")), NULL);
    check_repr(ob_call_onearg(CALL(cm, "lookup_error", S("surrogateescape")), dexc),
               "('\\udcff\\udcfe', 3)");
    check_repr(ob_call_onearg(CALL(cm, "lookup_error", S("replace")), dexc), "('\xef\xbf\xbd" "', 3)");
    assert_null(ob_call_onearg(CALL(cm, "lookup_error", S("xmlcharrefreplace")), dexc));
    check_raised(ob_exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
    /* a user handler reached through charmap */
    KnObject *ign = CALL(cm, "lookup_error", S("ignore"));
    check_repr(CALL(cm, "register_error", S("kiln_mine"), ign), "None");
    check_repr(CALL(cm, "charmap_decode", BL("\0\5", 2), S("kiln_mine"), S("xyz")), "('x', 2)");
    /* ... and through libobject's codecs */
    check_repr(CALL(cm, "utf_8_decode", B("a\xff" "b\xfe"), S("kiln_mine"), KN_True), "('ab', 4)");
    check_repr(CALL(cm, "ascii_encode", S("a\xc3\xa9" "b\xc3\xa9\xc3\xa9" "c"), S("kiln_mine")), "(b'abc', 6)");
    check_repr(CALL(cm, "utf_16_encode", S("a\xf0\x9f\x98\x80"), S("kiln_mine")),
               "(b'\\xff\\xfea\\x00=\\xd8\\x00\\xde', 2)");
    check_repr(CALL(cm, "latin_1_encode", S("\xe1\x88\xb4x"), S("kiln_mine")), "(b'x', 2)");
    KnObject *xml = CALL(cm, "lookup_error", S("xmlcharrefreplace"));
    CALL(cm, "register_error", S("kiln_xml"), xml);
    check_repr(CALL(cm, "ascii_encode", S("a\xc3\xa9" "b"), S("kiln_xml")), "(b'a&#233;b', 3)");
    assert_null(CALL(cm, "utf_8_decode", B("a\xff"), S("kiln_none"), KN_True));
    check_raised(ob_exc_LookupError, "unknown error handler name 'kiln_none'");
}

static void test_escape(void **state)
{
    (void)state;
    check_repr(CALL(cm, "escape_encode", BL("\0a'\"\\\n\x7f\xff", 8)),
               "(b'\\\\x00a\\\\\\'\"\\\\\\\\\\\\n\\\\x7f\\\\xff', 8)");
    check_repr(CALL(cm, "escape_decode", B("\\x41\\n\\101")), "(b'A\\nA', 10)");
    check_repr(CALL(cm, "escape_decode", S("\\x41\xc3\xa9")), "(b'A\\xc3\\xa9', 6)");
    assert_null(CALL(cm, "escape_decode", B("\\x4")));
    check_raised(ob_exc_ValueError, "invalid \\x escape at position 0");
    check_repr(CALL(cm, "unicode_escape_encode", S("a\\'\"\t\x7f\xc3\xa9\xe1\x88\xb4\xf0\x9f\x98\x80")),
               "(b'a\\\\\\\\\\'\"\\\\t\\\\x7f\\\\xe9\\\\u1234\\\\U0001f600', 9)");
    check_repr(CALL(cm, "raw_unicode_escape_encode", S("a\\\xc3\xa9\xe1\x88\xb4\xf0\x9f\x98\x80")),
               "(b'a\\\\\\xe9\\\\u1234\\\\U0001f600', 5)");
    check_repr(CALL(cm, "raw_unicode_escape_decode", B("\\\\u0041\\u0041\\x")),
               "('\\\\\\\\u0041A\\\\x', 15)");
    check_repr(CALL(cm, "unicode_escape_decode", B("\\u00e9x\\101\\t")), "('\xc3\xa9xA\\t', 13)");
    assert_null(CALL(cm, "unicode_escape_decode", B("\\x4")));
    check_raised(ob_exc_UnicodeDecodeError,
                 "'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape");
    assert_null(CALL(cm, "unicode_escape_decode", B("a\\u12")));
    check_raised(ob_exc_UnicodeDecodeError,
                 "'unicodeescape' codec can't decode bytes in position 1-4: truncated \\uXXXX escape");
    assert_null(CALL(cm, "unicode_escape_decode", B("\\U00110000")));
    check_raised(ob_exc_UnicodeDecodeError,
                 "'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character");
    assert_null(CALL(cm, "unicode_escape_decode", B("ab\\")));
    check_raised(ob_exc_UnicodeDecodeError,
                 "'unicodeescape' codec can't decode byte 0x5c in position 2: \\ at end of string");
    check_repr(CALL(cm, "unicode_escape_decode", B("\\x4"), KN_None, KN_False), "('', 0)");
    check_repr(CALL(cm, "unicode_escape_decode", B("a\\u12"), KN_None, KN_False), "('a', 1)");
    check_repr(CALL(cm, "unicode_escape_decode", B("ab\\"), KN_None, KN_False), "('ab', 2)");
    check_repr(CALL(cm, "unicode_escape_decode", B("\\x4"), S("replace")), "('\xef\xbf\xbd', 3)");
    check_repr(CALL(cm, "unicode_escape_decode", B("a\\u12"), S("replace")), "('a\xef\xbf\xbd', 5)");
    check_repr(CALL(cm, "raw_unicode_escape_decode", B("a\\"), KN_None, KN_False), "('a', 1)");
    check_repr(CALL(cm, "raw_unicode_escape_decode", B("a\\u00"), KN_None, KN_False), "('a', 1)");
    assert_null(CALL(cm, "raw_unicode_escape_decode", B("\\U00110000")));
    check_raised(ob_exc_UnicodeDecodeError,
                 "'rawunicodeescape' codec can't decode bytes in position 0-9: \\Uxxxxxxxx out of range");
}

typedef struct Utf7Case {
    const char *fn, *arg;
    int len;
    const char *errors;
    int final;
    const char *expect;
} Utf7Case;

static const Utf7Case utf7_cases[] = {
#include "utf7_cases.inc"
};

static void test_utf7(void **state)
{
    (void)state;
    int failures = 0;
    size_t n = sizeof utf7_cases / sizeof utf7_cases[0];
    for (size_t i = 0; i < n; i++) {
        const Utf7Case *c = &utf7_cases[i];
        int enc = strcmp(c->fn, "utf_7_encode") == 0;
        KnObject *arg = enc ? ob_str_decode(c->arg, c->len, "utf-8", "surrogatepass")
                            : BL(c->arg, (size_t)c->len);
        KnObject *r = enc ? CALL(cm, c->fn, arg)
                          : CALL(cm, c->fn, arg, c->errors ? S(c->errors) : KN_None, KN_BOOL(c->final));
        const char *got;
        if (r == NULL) {
            KnObject *e = ob_err_fetch();
            got = ob_str_as_utf8(ob_str_from_format("e:%s:%s", ob_type_name(KN_TYPE(e)),
                                                    ob_str_as_utf8(ob_str(e), NULL)), NULL);
        } else {
            got = ob_str_as_utf8(ob_str_from_format("r:%s", ob_str_as_utf8(ob_repr(r), NULL)), NULL);
        }
        if (strcmp(got, c->expect) != 0) {
            print_error("case %zu %s: got %s, expected %s\n", i, c->fn, got, c->expect);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_utf8_errors),
        cmocka_unit_test(test_utf16_32),
        cmocka_unit_test(test_simple),
        cmocka_unit_test(test_charmap),
        cmocka_unit_test(test_registry),
        cmocka_unit_test(test_error_handlers),
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_utf7),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
