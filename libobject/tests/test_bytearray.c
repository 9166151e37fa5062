/* test_bytearray.c — bytearray storage and mutation (src/bytearray.c,
 * src/bytearray_methods.c).  The methods shared with bytes are covered by
 * test_bytes.c's table for both types.  Expected values: python3.11. */
#include "test_cont.h"

static void setitem(KnObject *o, KnObject *k, KnObject *v)
{
    assert_int_equal(KN_TYPE(o)->tp_as_mapping->mp_ass_subscript(o, k, v), 0);
}

static void test_slice_assignment_and_growth(void **state)
{
    (void)state;
    KnObject *b = BA("hello");
    assert_int_obj(call(b, "__alloc__", 0), 6);
    setitem(b, SL(I(1), I(3), NULL), B("XYZW"));
    assert_repr(b, "bytearray(b'hXYZWlo')");
    setitem(b, SL(NULL, NULL, I(2)), B("1234"));
    assert_repr(b, "bytearray(b'1X2Z3l4')");
    setitem(b, SL(I(1), I(3), NULL), NULL);
    assert_repr(b, "bytearray(b'1Z3l4')");
    setitem(b, SL(I(0), I(2), NULL), NULL);
    assert_repr(b, "bytearray(b'3l4')");
    assert_int_obj(call(b, "__alloc__", 0), 4);
    assert_ptr_equal(call(b, "__iadd__", 1, B("!")), b);
    assert_repr(b, "bytearray(b'3l4!')");
    assert_ptr_equal(call(b, "__imul__", 1, I(2)), b);
    assert_repr(b, "bytearray(b'3l4!3l4!')");
    setitem(b, SL(I(0), I(0), NULL), L(2, I(65), I(66)));
    assert_repr(b, "bytearray(b'AB3l4!3l4!')");
    setitem(b, I(-1), I(63));
    assert_repr(b, "bytearray(b'AB3l4!3l4?')");
    setitem(b, SL(NULL, NULL, I(3)), NULL);
    assert_repr(b, "bytearray(b'B34!l4')");
    /* assigning a bytearray to a slice of itself */
    KnObject *x = BA("abc");
    setitem(x, SL(I(1), I(2), NULL), x);
    assert_repr(x, "bytearray(b'aabcc')");
    x = BA("abcdef");
    setitem(x, SL(I(1), I(5), I(2)), B("XY"));
    assert_repr(x, "bytearray(b'aXcYef')");
    setitem(x, SL(I(4), I(1), I(-1)), B("123"));
    assert_repr(x, "bytearray(b'aX321f')");
    x = BA("abcdef");
    setitem(x, SL(NULL, NULL, I(-2)), NULL);
    assert_repr(x, "bytearray(b'ace')");
    x = BA("abc");
    setitem(x, SL(I(1), I(2), NULL), BA("long"));
    assert_repr(x, "bytearray(b'alongc')");
    setitem(x, SL(NULL, NULL, NULL), T(2, I(1), I(2)));
    assert_repr(x, "bytearray(b'\\x01\\x02')");
    setitem(x, SL(I(5), NULL, NULL), B("end"));
    assert_repr(x, "bytearray(b'\\x01\\x02end')");
    /* CPython's over-allocation: 20 appends leave room for 27 */
    x = BA("");
    for (int i = 0; i < 20; i++)
        call(x, "append", 1, I(65 + i));
    assert_int_obj(call(x, "__alloc__", 0), 27);
    assert_int_obj(call(BA("abc"), "__sizeof__", 0), 60);
}

static void test_mutating_methods(void **state)
{
    (void)state;
    KnObject *b = BA("B34!l4");
    call(b, "append", 1, I(0x7a));
    call(b, "insert", 2, I(0), I(0x30));
    call(b, "insert", 2, I(-1), I(0x31));
    call(b, "insert", 2, I(100), I(0x32));
    assert_repr(b, "bytearray(b'0B34!l41z2')");
    assert_int_obj(call(b, "pop", 0), 50);
    assert_int_obj(call(b, "pop", 1, I(0)), 48);
    assert_repr(b, "bytearray(b'B34!l41z')");
    call(b, "remove", 1, I(0x31));
    call(b, "reverse", 0);
    assert_repr(b, "bytearray(b'z4l!43B')");
    call(b, "extend", 1, B("xy"));
    call(b, "extend", 1, L(2, I(1), I(2)));
    call(b, "extend", 1, tc_new(&ob_range_type, 1, I(3)));
    call(b, "extend", 1, BA("q"));
    assert_repr(b, "bytearray(b'z4l!43Bxy\\x01\\x02\\x00\\x01\\x02q')");
    KnObject *c = call(b, "copy", 0);
    call(b, "clear", 0);
    assert_repr(b, "bytearray(b'')");
    assert_int_obj(call(b, "__alloc__", 0), 1);
    assert_repr(c, "bytearray(b'z4l!43Bxy\\x01\\x02\\x00\\x01\\x02q')");
    assert_repr(call(BA("abc"), "__reduce__", 0),
                "(<class 'bytearray'>, ('abc', 'latin-1'), None)");
    assert_repr(call(BA("abc"), "__reduce_ex__", 1, I(2)),
                "(<class 'bytearray'>, ('abc', 'latin-1'), None)");
    assert_repr(call(BA("abc"), "__reduce_ex__", 1, I(4)), "(<class 'bytearray'>, (b'abc',), None)");
}

static void test_construction(void **state)
{
    (void)state;
    assert_repr(tc_ok(tc_new(&ob_bytearray_type, 1, I(3))), "bytearray(b'\\x00\\x00\\x00')");
    assert_repr(tc_ok(tc_new(&ob_bytearray_type, 1, L(2, I(1), I(2)))), "bytearray(b'\\x01\\x02')");
    assert_repr(tc_ok(tc_new(&ob_bytearray_type, 2, S("caf\xc3\xa9"), S("utf-8"))),
                "bytearray(b'caf\\xc3\\xa9')");
    assert_repr(tc_ok(tc_new(&ob_bytearray_type, 1, tc_new(&ob_range_type, 2, I(65), I(68)))),
                "bytearray(b'ABC')");
    assert_repr(call(BA("ab"), "__add__", 1, B("cd")), "bytearray(b'abcd')");
    assert_repr(call(B("ab"), "__add__", 1, BA("cd")), "b'abcd'");
    assert_repr(call(BA("ab"), "__mul__", 1, I(2)), "bytearray(b'abab')");
    assert_exc(tc_new(&ob_bytearray_type, 1, L(1, I(256))), ValueError, "byte must be in range(0, 256)");
    assert_exc(tc_new(&ob_bytearray_type, 1, S("a")), TypeError, "string argument without an encoding");
    assert_exc(tc_new(&ob_bytearray_type, 2, I(1), S("x")), TypeError, "encoding without a string argument");
    assert_exc(tc_new(&ob_bytearray_type, 1, ob_float_from_double(1.5)), TypeError,
               "cannot convert 'float' object to bytearray");
    assert_true_obj(ob_richcompare(B("abc"), BA("abc"), KN_EQ));
    assert_true_obj(ob_richcompare(BA("abc"), B("abd"), KN_LT));
}

static void test_exports_pin_the_size(void **state)
{
    (void)state;
    KnObject *b = BA("abc");
    KnBuffer view;
    assert_int_equal(ob_bytearray_type.tp_as_buffer->bf_getbuffer(b, &view, 1), 0);
    assert_int_equal(view.readonly, 0);
    ((char *)view.buf)[0] = 'X';
    assert_repr(b, "bytearray(b'Xbc')");
    assert_exc(try_call(b, "append", 1, I(65)), BufferError,
               "Existing exports of data: object cannot be re-sized");
    setitem(b, I(1), I(66));        /* same size: allowed */
    ob_bytearray_type.tp_as_buffer->bf_releasebuffer(b, &view);
    call(b, "append", 1, I(65));
    assert_repr(b, "bytearray(b'XBcA')");
}

static void test_iterator(void **state)
{
    (void)state;
    KnObject *b = BA("hi");
    KnObject *it = ob_get_iter(b);
    assert_string_equal(ob_type_name(KN_TYPE(it)), "bytearray_iterator");
    assert_int_obj(ob_iter_next(it), 104);
    call(b, "append", 1, I(33));    /* growth is seen */
    assert_int_obj(ob_iter_next(it), 105);
    assert_int_obj(ob_iter_next(it), 33);
    assert_null(ob_iter_next(it));
    assert_null(ob_err_occurred());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slice_assignment_and_growth),
        cmocka_unit_test(test_mutating_methods),
        cmocka_unit_test(test_construction),
        cmocka_unit_test(test_exports_pin_the_size),
        cmocka_unit_test(test_iterator),
    };
    return cmocka_run_group_tests(tests, tc_setup, NULL);
}
