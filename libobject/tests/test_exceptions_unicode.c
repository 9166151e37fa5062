/*
 * test_exceptions_unicode.c — UnicodeDecodeError, UnicodeEncodeError and
 * UnicodeTranslateError (src/exc_fields.c) and the codecs raising them
 * (src/str_codecs.c).  Expected values are python3.11's.
 */
#include "test_abstract_util.h"
#include "libobject/bytes.h"

#define UDE ((KnObject *)ob_exc_UnicodeDecodeError)
#define UEE ((KnObject *)ob_exc_UnicodeEncodeError)
#define UTE ((KnObject *)ob_exc_UnicodeTranslateError)

static KnObject *B(const char *s) { return ob_bytes_from_data(s, (kn_ssize_t)strlen(s)); }

static KnObject *U(const char *utf8)
{
    KnObject *s = ob_str_from_utf8(utf8, (kn_ssize_t)strlen(utf8));
    assert_non_null(s);
    return s;
}

static KnObject *decode_err(KnObject *obj, long long start, long long end, const char *reason)
{
    return tu_call(UDE, 5, S("utf-8"), obj, I(start), I(end), S(reason));
}

static KnObject *encode_err(const char *obj, long long start, long long end)
{
    return tu_call(UEE, 5, S("ascii"), U(obj), I(start), I(end), S("ordinal not in range(128)"));
}

static void test_decode_error(void **state)
{
    KnObject *e = decode_err(B("\xff"), 0, 1, "invalid start byte");
    assert_non_null(e);
    assert_str(ob_str(e), "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    assert_repr(e, "UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'invalid start byte')");
    assert_str(ob_getattr(e, S("encoding")), "utf-8");
    assert_repr(ob_getattr(e, S("object")), "b'\\xff'");
    assert_int(ob_getattr(e, S("start")), 0);
    assert_int(ob_getattr(e, S("end")), 1);
    assert_str(ob_getattr(e, S("reason")), "invalid start byte");
    assert_str(ob_str(decode_err(B("\xff\xfe"), 0, 2, "bad")),
               "'utf-8' codec can't decode bytes in position 0-1: bad");
    assert_str(ob_str(decode_err(B("\xff"), 5, 6, "x")),
               "'utf-8' codec can't decode bytes in position 5-5: x");
    assert_str(ob_str(decode_err(B("ab"), 1, 0, "x")),
               "'utf-8' codec can't decode bytes in position 1--1: x");
    /* a bytes-like object is kept as bytes */
    KnObject *ba = ob_bytearray_from_data("\xff\xfe", 2);
    assert_non_null(ba);
    e = decode_err(ba, 0, 2, "bad");
    assert_true(KN_TYPE(ob_getattr(e, S("object"))) == &ob_bytes_type);
    assert_repr(ob_getattr(e, S("object")), "b'\\xff\\xfe'");
    /* the attributes are plain members once the exception exists */
    e = decode_err(B("\xff"), 0, 1, "invalid start byte");
    assert_int_equal(ob_setattr(e, S("start"), I(5)), 0);
    assert_str(ob_str(e), "'utf-8' codec can't decode bytes in position 5-0: invalid start byte");
    assert_int_equal(ob_setattr(e, S("end"), I(-3)), 0);
    assert_str(ob_str(e), "'utf-8' codec can't decode bytes in position 5--4: invalid start byte");
    assert_int_equal(ob_setattr(e, S("start"), S("x")), -1);
    assert_raised(ob_exc_TypeError, "an integer is required");
    assert_int_equal(ob_setattr(e, S("reason"), KN_None), 0);
    assert_int_equal(ob_setattr(e, S("encoding"), I(3)), 0);
    assert_int_equal(ob_setattr(e, S("start"), I(0)), 0);
    assert_int_equal(ob_setattr(e, S("end"), I(1)), 0);
    assert_str(ob_str(e), "'3' codec can't decode byte 0xff in position 0: None");
}

static void test_encode_error(void **state)
{
    assert_str(ob_str(encode_err("\xc3\xa9", 0, 1)),
               "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
    assert_str(ob_str(encode_err("a\xc3\xa9\xe1\x88\xb4", 1, 3)),
               "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
    assert_str(ob_str(encode_err("\xe1\x88\xb4", 0, 1)),
               "'ascii' codec can't encode character '\\u1234' in position 0: ordinal not in range(128)");
    assert_str(ob_str(encode_err("\xf0\x92\x8d\x85", 0, 1)),
               "'ascii' codec can't encode character '\\U00012345' in position 0: ordinal not in range(128)");
    assert_str(ob_str(encode_err("a", 0, 1)),
               "'ascii' codec can't encode character '\\x61' in position 0: ordinal not in range(128)");
    assert_str(ob_str(encode_err("abc", -1, 1)),
               "'ascii' codec can't encode characters in position -1-0: ordinal not in range(128)");
    assert_str(ob_str(encode_err("", 0, 0)),
               "'ascii' codec can't encode characters in position 0--1: ordinal not in range(128)");
    KnObject *e = encode_err("abc", 2, 1);
    assert_int(ob_getattr(e, S("end")), 1);
    assert_repr(ob_getattr(e, S("args")), "('ascii', 'abc', 2, 1, 'ordinal not in range(128)')");
}

static void test_translate_error(void **state)
{
    KnObject *e = tu_call(UTE, 4, U("\xc3\xa9"), I(0), I(1), S("r"));
    assert_str(ob_str(e), "can't translate character '\\xe9' in position 0: r");
    assert_ptr_equal(ob_getattr(e, S("encoding")), KN_None);
    assert_repr(ob_getattr(e, S("args")), "('é', 0, 1, 'r')");
    assert_str(ob_str(tu_call(UTE, 4, U("a\xe1\x88\xb4"), I(1), I(2), S("r"))),
               "can't translate character '\\u1234' in position 1: r");
    assert_str(ob_str(tu_call(UTE, 4, S("abc"), I(0), I(2), S("r"))),
               "can't translate characters in position 0-1: r");
    assert_null(tu_call(UTE, 3, S("abc"), I(0), I(2)));
    assert_raised(ob_exc_TypeError, "function takes exactly 4 arguments (3 given)");
}

static void test_constructor_checks(void **state)
{
    assert_null(tu_call(UDE, 4, S("utf-8"), B("ab"), I(1), I(1)));
    assert_raised(ob_exc_TypeError, "function takes exactly 5 arguments (4 given)");
    assert_null(tu_call(UDE, 0));
    assert_raised(ob_exc_TypeError, "function takes exactly 5 arguments (0 given)");
    assert_null(decode_err(S("ab"), 1, 1, "x"));
    assert_raised(ob_exc_TypeError, "a bytes-like object is required, not 'str'");
    assert_null(tu_call(UDE, 5, I(1), B("ab"), I(1), I(1), S("x")));
    assert_raised(ob_exc_TypeError, "argument 1 must be str, not int");
    assert_null(tu_call(UDE, 5, S("u"), B("ab"), F(1.0), I(1), S("x")));
    assert_raised(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
    assert_null(tu_call(UDE, 5, S("u"), B("ab"), I(1), I(1), I(5)));
    assert_raised(ob_exc_TypeError, "argument 5 must be str, not int");
    assert_null(tu_call(UDE, 5, S("u"), B("ab"), BIG("1180591620717411303424"), I(1), S("x")));
    assert_raised(ob_exc_OverflowError, "Python int too large to convert to C ssize_t");
    assert_null(tu_call(UEE, 5, S("ascii"), B("a"), I(0), I(1), S("r")));
    assert_raised(ob_exc_TypeError, "argument 2 must be str, not bytes");
    KnObject *e = tu_call(UDE, 5, S("u"), B("ab"), KN_True, I(1), S("x"));
    assert_int(ob_getattr(e, S("start")), 1);
    KnObject *kw = ob_dict_new();
    assert_int_equal(ob_dict_setitem(kw, S("x"), I(1)), 0);
    KnObject *args = ob_tuple_pack(5, S("utf-8"), B("\xff"), I(0), I(1), S("r"));
    assert_null(ob_call(UDE, args, kw));
    assert_raised(ob_exc_TypeError, "UnicodeDecodeError() takes no keyword arguments");
}

/* Made by __new__ alone (no fields): str() is empty; a failed __init__
 * leaves the new args and no fields. */
static void test_uninitialised(void **state)
{
    KnObject *e = ob_call_method(UDE, "__new__", 1, UDE);
    assert_non_null(e);
    assert_str(ob_str(e), "");
    assert_ptr_equal(ob_getattr(e, S("encoding")), KN_None);
    assert_int(ob_getattr(e, S("start")), 0);
    e = encode_err("abc", 0, 1);
    assert_null(ob_call_method(e, "__init__", 4, S("q"), U("\xc3\xa9"), I(0), I(1)));
    assert_raised(ob_exc_TypeError, "function takes exactly 5 arguments (4 given)");
    assert_str(ob_str(e), "");
    assert_repr(ob_getattr(e, S("args")), "('q', 'é', 0, 1)");
    assert_non_null(ob_call_method(e, "__init__", 5, S("q"), U("\xc3\xa9"), I(0), I(1), S("z")));
    assert_str(ob_str(e), "'q' codec can't encode character '\\xe9' in position 0: z");
}

/* The codecs raise these exceptions with every field set. */
static void test_codecs_set_fields(void **state)
{
    assert_null(ob_str_decode("\xff\xfe", 2, "utf-8", NULL));
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_ptr_equal(KN_TYPE(e), ob_exc_UnicodeDecodeError);
    assert_repr(ob_getattr(e, S("args")), "('utf-8', b'\\xff\\xfe', 0, 1, 'invalid start byte')");
    assert_str(ob_str(e), "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    assert_int(ob_getattr(e, S("end")), 1);

    assert_null(ob_str_encode(U("a\xc3\xa9\xc3\xa9" "b"), "ascii", NULL));
    e = ob_err_fetch();
    assert_non_null(e);
    assert_ptr_equal(KN_TYPE(e), ob_exc_UnicodeEncodeError);
    assert_str(ob_getattr(e, S("encoding")), "ascii");
    assert_str(ob_getattr(e, S("object")), "a\xc3\xa9\xc3\xa9" "b");
    assert_int(ob_getattr(e, S("start")), 1);
    assert_int(ob_getattr(e, S("end")), 3);
    assert_str(ob_str(e), "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");

    assert_null(ob_str_encode(U("a\xe1\x88\xb4" "b"), "latin-1", NULL));
    e = ob_err_fetch();
    assert_str(ob_str(e), "'latin-1' codec can't encode character '\\u1234' in position 1: ordinal not in range(256)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_error),
        cmocka_unit_test(test_encode_error),
        cmocka_unit_test(test_translate_error),
        cmocka_unit_test(test_constructor_checks),
        cmocka_unit_test(test_uninitialised),
        cmocka_unit_test(test_codecs_set_fields),
    };
    return cmocka_run_group_tests(tests, tu_setup, NULL);
}
