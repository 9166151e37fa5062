/* test_bytes.c — the bytes type (src/bytes_type.c) and the methods bytes
 * shares with bytearray (src/bytes_find.c, bytes_split.c, bytes_case.c,
 * bytes_misc.c, bytes_view.c).  test_bytes_table.inc holds ~390 cases
 * whose expected reprs and exception messages come from python3.11
 * (test_bytes_gen.py); the tests below cover what a table cannot. */
#include "test_cont.h"

static KnObject *new_bytes(int n, KnObject *a0, KnObject *a1)
{
    return n == 0 ? tc_new(&ob_bytes_type, 0) : n == 1 ? tc_new(&ob_bytes_type, 1, a0)
                                                       : tc_new(&ob_bytes_type, 2, a0, a1);
}

#define BIGINT(digits) ob_int_from_string((digits), (kn_ssize_t)strlen(digits), 10)

#include "test_bytes_table.inc"

static void test_constructor(void **state)
{
    (void)state;
    assert_repr(tc_ok(new_bytes(0, NULL, NULL)), "b''");
    assert_repr(tc_ok(new_bytes(1, L(3, I(1), I(2), I(3)), NULL)), "b'\\x01\\x02\\x03'");
    assert_repr(tc_ok(new_bytes(1, T(2, I(65), I(66)), NULL)), "b'AB'");
    assert_repr(tc_ok(new_bytes(1, I(3), NULL)), "b'\\x00\\x00\\x00'");
    assert_repr(tc_ok(new_bytes(2, S("caf\xc3\xa9"), S("utf-8"))), "b'caf\\xc3\\xa9'");
    assert_repr(tc_ok(new_bytes(1, BA("q"), NULL)), "b'q'");
    KnObject *b = B("same");
    assert_ptr_equal(tc_ok(new_bytes(1, b, NULL)), b);
    assert_exc(new_bytes(1, I(-1), NULL), ValueError, "negative count");
    assert_exc(new_bytes(1, L(1, I(256)), NULL), ValueError, "bytes must be in range(0, 256)");
    assert_exc(new_bytes(1, L(1, I(-1)), NULL), ValueError, "bytes must be in range(0, 256)");
    assert_exc(new_bytes(1, S("abc"), NULL), TypeError, "string argument without an encoding");
    assert_exc(new_bytes(1, ob_float_from_double(1.5), NULL), TypeError,
               "cannot convert 'float' object to bytes");
    assert_exc(new_bytes(2, B(""), S("utf-8")), TypeError, "encoding without a string argument");
    assert_exc(new_bytes(2, I(3), S("x")), TypeError, "encoding without a string argument");
    assert_exc(new_bytes(1, L(1, ob_float_from_double(1.5)), NULL), TypeError,
               "'float' object cannot be interpreted as an integer");
    assert_exc(new_bytes(1, L(1, S("a")), NULL), TypeError,
               "'str' object cannot be interpreted as an integer");
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "x", I(1));
    assert_exc(ob_call((KnObject *)&ob_bytes_type, ob_tuple_empty(), kw), TypeError,
               "'x' is an invalid keyword argument for bytes()");
}

static void test_fromhex_and_maketrans(void **state)
{
    (void)state;
    KnObject *bt = (KnObject *)&ob_bytes_type;
    assert_repr(call(bt, "fromhex", 1, S(" 01 ab\tCD ")), "b'\\x01\\xab\\xcd'");
    assert_repr(call((KnObject *)&ob_bytearray_type, "fromhex", 1, S("ff")), "bytearray(b'\\xff')");
    assert_exc(try_call(bt, "fromhex", 1, I(1)), TypeError, "fromhex() argument must be str, not int");
    KnObject *t = call(bt, "maketrans", 2, B("ab"), B("xy"));
    assert_int_equal(KN_SIZE(t), 256);
    assert_repr(call(t, "__getitem__", 1, ob_slice_new(I(97), I(99), NULL)), "b'xy'");
    assert_repr(call(t, "__getitem__", 1, ob_slice_new(I(48), I(50), NULL)), "b'01'");
}

static void test_hash_and_identity(void **state)
{
    (void)state;
    /* ASCII bytes and str hash alike (both SipHash over the same bytes) */
    assert_int_equal(ob_hash(B("abc")), ob_hash(S("abc")));
    assert_int_equal(ob_hash(B("xyz")), ob_hash(B("xyz")));
    assert_int_equal(ob_hash(BA("a")), -1);
    assert_exc(NULL, TypeError, "unhashable type: 'bytearray'");
    KnObject *b = B("abc");
    assert_ptr_equal(call(b, "__bytes__", 0), b);
    assert_repr(call(b, "__getnewargs__", 0), "(b'abc',)");
    assert_ptr_equal(call(b, "strip", 0), b);            /* unchanged: self */
    assert_ptr_equal(call(b, "replace", 2, B("x"), B("y")), b);
    KnObject *ba = BA("abc");
    assert_ptr_not_equal(call(ba, "strip", 0), ba);       /* bytearray: a copy */
    assert_repr(ob_number_remainder(B("%d-%s"), T(2, I(1), B("x"))), "b'1-x'");
    assert_repr(ob_number_remainder(BA("%s"), B("y")), "bytearray(b'y')");
    assert_exc(ob_number_remainder(B("%d"), S("x")), TypeError,
               "%d format: a real number is required, not str");
}

static void test_buffer_and_iteration(void **state)
{
    (void)state;
    KnObject *b = B("xyz");
    KnBuffer view;
    assert_int_equal(ob_bytes_type.tp_as_buffer->bf_getbuffer(b, &view, 0x1c), 0);
    assert_int_equal(view.len, 3);
    assert_int_equal(view.readonly, 1);
    assert_string_equal(view.format, "B");
    assert_memory_equal(view.buf, "xyz", 3);
    assert_int_equal(ob_bytes_type.tp_as_buffer->bf_getbuffer(b, &view, 1), -1);
    assert_exc(NULL, BufferError, "Object is not writable.");
    KnObject *it = ob_bytes_type.tp_iter(b);
    assert_string_equal(ob_type_name(KN_TYPE(it)), "bytes_iterator");
    assert_int_obj(call(it, "__length_hint__", 0), 3);
    assert_int_obj(KN_TYPE(it)->tp_iternext(it), 120);
    assert_int_obj(KN_TYPE(it)->tp_iternext(it), 121);
    assert_int_obj(KN_TYPE(it)->tp_iternext(it), 122);
    assert_null(KN_TYPE(it)->tp_iternext(it));
    assert_null(ob_err_occurred());
}

static KnObject *x_bytes(KnObject *self, KnObject *unused)
{
    return B("xx");
}

static KnObject *y_bytes(KnObject *self, KnObject *unused)
{
    return I(1);
}

static KnMethodDef x_bytes_def = {"__bytes__", (KnCFunction)x_bytes, KN_METH_NOARGS, NULL};
static KnMethodDef y_bytes_def = {"__bytes__", (KnCFunction)y_bytes, KN_METH_NOARGS, NULL};

static void test_classes(void **state)
{
    (void)state;
    KnObject *X = tc_class("X", NULL, "__bytes__", tc_method(&x_bytes_def), NULL);
    KnObject *Y = tc_class("Y", NULL, "__bytes__", tc_method(&y_bytes_def), NULL);
    assert_repr(new_bytes(1, tc_ok(ob_call_noargs(X)), NULL), "b'xx'");
    assert_exc(new_bytes(1, tc_ok(ob_call_noargs(Y)), NULL), TypeError,
               "__bytes__ returned non-bytes (type int)");
    KnObject *BB = tc_class("BB", &ob_bytes_type, NULL);
    KnObject *b = tc_ok(ob_call_onearg(BB, B("ab")));
    assert_string_equal(ob_type_name(KN_TYPE(b)), "BB");
    assert_repr(b, "b'ab'");
    assert_true(KN_BYTES_CHECK(b));
    assert_string_equal(ob_type_name(KN_TYPE(call(b, "upper", 0))), "bytes");
    assert_string_equal(ob_type_name(KN_TYPE(ob_getitem(b, SL(NULL, NULL, NULL)))), "bytes");
    assert_string_equal(ob_type_name(KN_TYPE(new_bytes(1, b, NULL))), "bytes");
    assert_int_equal(ob_hash(b), ob_hash(B("ab")));
    KnObject *BA2 = tc_class("BA2", &ob_bytearray_type, NULL);
    assert_repr(tc_ok(ob_call_onearg(BA2, B("x"))), "BA2(b'x')");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_methods_table),
        cmocka_unit_test(test_errors_table),
        cmocka_unit_test(test_constructor),
        cmocka_unit_test(test_fromhex_and_maketrans),
        cmocka_unit_test(test_hash_and_identity),
        cmocka_unit_test(test_buffer_and_iteration),
        cmocka_unit_test(test_classes),
    };
    return cmocka_run_group_tests(tests, tc_setup, NULL);
}
