/*
 * test_io_memory.c — BytesIO (src/io_bytesio.c), StringIO
 * (src/io_stringio.c) and IncrementalNewlineDecoder (src/io_newline.c);
 * expected values are python3.11's.
 */
#include "test_io_util.h"

static KnObject *KW(const char *k, KnObject *v)
{
    KnObject *d = ob_dict_new();
    ob_dict_setitem_str(d, k, v);
    return d;
}

static void test_bytesio_read_write(void **state)
{
    KnObject *b = assert_ok(mk(&io_bytesio_type, 1, B("hello\nworld")));
    assert_b(M(b, "read", 1, I(2)), "he");
    assert_b(M(b, "read1", 0), "llo\nworld");
    assert_int(M(b, "seek", 1, I(0)), 0);
    assert_b(M(b, "readline", 0), "hello\n");
    assert_b(M(b, "readline", 1, I(2)), "wo");
    assert_int(M(b, "tell", 0), 8);
    assert_int(M(b, "seek", 1, I(20)), 20);
    assert_int(M(b, "write", 1, B("X")), 1);
    assert_bytes(M(b, "getvalue", 0), "hello\nworld\0\0\0\0\0\0\0\0\0X", 21);
    assert_null(M(b, "seek", 1, I(-1)));
    assert_raised(ob_exc_ValueError, "negative seek value -1");
    assert_null(M(b, "seek", 2, I(0), I(3)));
    assert_raised(ob_exc_ValueError, "invalid whence (3, should be 0, 1 or 2)");
    assert_int(M(b, "seek", 2, I(-3), I(2)), 18);
    assert_int(M(b, "seek", 2, I(1), I(1)), 19);
    assert_int(M(b, "seek", 2, I(-100), I(1)), 0);
    assert_int(M(b, "seek", 1, I(19)), 19);
    assert_int(M(b, "truncate", 1, I(3)), 3);
    assert_b(M(b, "getvalue", 0), "hel");
    assert_int(M(b, "tell", 0), 19);
    assert_null(M(b, "truncate", 1, I(-1)));
    assert_raised(ob_exc_ValueError, "negative size value -1");
    assert_int(M(b, "truncate", 0), 19);
    assert_null(M(b, "write", 1, S("s")));
    assert_raised(ob_exc_TypeError, "a bytes-like object is required, not 'str'");
    assert_int(M(b, "readinto", 1, ob_bytearray_from_data(NULL, 3)), 0);
    assert_int(M(b, "seek", 1, I(0)), 0);
    KnObject *ba = ob_bytearray_from_data(NULL, 2);
    assert_int(M(b, "readinto", 1, ba), 2);
    assert_memory_equal(((KnByteArrayObject *)ba)->ob_start, "he", 2);
    assert_ptr_equal(M(b, "readable", 0), KN_True);
    assert_ptr_equal(M(b, "isatty", 0), KN_False);
    assert_null(M(b, "fileno", 0));
    assert_raised(io_unsupported_operation, "fileno");
    assert_repr(M(b, "__getstate__", 0), "(b'hel', 2, None)");
}

static void test_bytesio_lines_and_close(void **state)
{
    KnObject *b = assert_ok(mk(&io_bytesio_type, 1, B("a\nbb\n\nc")));
    assert_repr(ob_sequence_list(b), "[b'a\\n', b'bb\\n', b'\\n', b'c']");
    assert_int(M(b, "seek", 1, I(0)), 0);
    assert_repr(M(b, "readlines", 1, I(3)), "[b'a\\n', b'bb\\n']");
    assert_repr(M(b, "readlines", 0), "[b'\\n', b'c']");
    assert_ptr_equal(M(b, "writelines", 1, ob_tuple_pack(2, B("x"), B("yz"))), KN_None);
    assert_b(M(b, "getvalue", 0), "a\nbb\n\ncxyz");
    KnObject *view = assert_ok(M(b, "getbuffer", 0));
    assert_b(M(view, "tobytes", 0), "a\nbb\n\ncxyz");
    assert_null(M(b, "close", 0));       /* a live view blocks close */
    assert_raised(ob_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    assert_ptr_equal(M(view, "release", 0), KN_None);
    assert_ptr_equal(M(b, "close", 0), KN_None);
    assert_ptr_equal(ob_getattr_str(b, "closed"), KN_True);
    static const char *meths[] = {"read", "getvalue", "tell", "readable", "readline", "flush"};
    for (size_t i = 0; i < sizeof meths / sizeof meths[0]; i++) {
        assert_null(M(b, meths[i], 0));
        assert_raised(ob_exc_ValueError, "I/O operation on closed file.");
    }
    assert_null(ob_get_iter(b));
    assert_raised(ob_exc_ValueError, "I/O operation on closed file.");
}

static void test_bytesio_constructor(void **state)
{
    assert_null(mk(&io_bytesio_type, 1, S("x")));
    assert_raised(ob_exc_TypeError, "a bytes-like object is required, not 'str'");
    KnObject *b = assert_ok(ob_call((KnObject *)&io_bytesio_type, ob_tuple_empty(),
                                    KW("initial_bytes", B("q"))));
    assert_b(M(b, "read", 0), "q");
    assert_null(mk(&io_bytesio_type, 2, B("a"), I(1)));
    assert_raised(ob_exc_TypeError, "BytesIO() takes at most 1 argument (2 given)");
    b = assert_ok(mk(&io_bytesio_type, 1, ob_bytearray_from_data("ba", 2)));
    assert_b(M(b, "read", 0), "ba");
    b = assert_ok(mk(&io_bytesio_type, 0));
    assert_b(M(b, "read", 0), "");
    assert_int(M(b, "write", 1, B("")), 0);
    assert_b(M(b, "getvalue", 0), "");
}

static KnObject *sio(const char *init, KnObject *newline)
{
    KnObject *args = ob_tuple_pack(1, S(init));
    return newline ? ob_call((KnObject *)&io_stringio_type, args, KW("newline", newline))
                   : ob_call((KnObject *)&io_stringio_type, args, NULL);
}

static void test_stringio_newline_modes(void **state)
{
    const char *text = "a\r\nb\rc\nd";
    KnObject *s = assert_ok(sio(text, NULL));
    assert_str(M(s, "read", 0), text);
    assert_ptr_equal(ob_getattr_str(s, "newlines"), KN_None);
    s = assert_ok(sio(text, KN_None));
    assert_repr(M(s, "readlines", 0), "['a\\n', 'b\\n', 'c\\n', 'd']");
    assert_repr(ob_getattr_str(s, "newlines"), "('\\r', '\\n', '\\r\\n')");
    assert_str(M(s, "getvalue", 0), "a\nb\nc\nd");
    s = assert_ok(sio(text, S("")));
    assert_repr(M(s, "readlines", 0), "['a\\r\\n', 'b\\r', 'c\\n', 'd']");
    assert_repr(ob_getattr_str(s, "newlines"), "('\\r', '\\n', '\\r\\n')");
    s = assert_ok(sio(text, S("\r")));
    assert_repr(M(s, "readlines", 0), "['a\\r', '\\r', 'b\\r', 'c\\r', 'd']");
    assert_str(M(s, "getvalue", 0), "a\r\rb\rc\rd");
    s = assert_ok(sio(text, S("\r\n")));
    assert_repr(M(s, "readlines", 0), "['a\\r\\r\\n', 'b\\rc\\r\\n', 'd']");
    s = assert_ok(sio(text, S("\n")));
    assert_repr(M(s, "readlines", 0), "['a\\r\\n', 'b\\rc\\n', 'd']");

    s = assert_ok(sio("", KN_None));
    assert_int(M(s, "write", 1, S("a\nb\r\nc\r")), 7);
    assert_str(M(s, "getvalue", 0), "a\nb\nc\n");
    s = assert_ok(sio("", S("")));
    assert_int(M(s, "write", 1, S("a\nb\r\nc\r")), 7);
    assert_str(M(s, "getvalue", 0), "a\nb\r\nc\r");
    assert_repr(ob_getattr_str(s, "newlines"), "('\\r', '\\n', '\\r\\n')");
    s = assert_ok(sio("", S("\n")));
    assert_int(M(s, "write", 1, S("a\nb")), 3);
    assert_repr(ob_getattr_str(s, "newlines"), "None");

    assert_null(sio("", S("x")));
    assert_raised(ob_exc_ValueError, "illegal newline value: 'x'");
    assert_null(sio("", I(3)));
    assert_raised(ob_exc_TypeError, "newline must be str or None, not int");
    assert_null(mk(&io_stringio_type, 1, I(3)));
    assert_raised(ob_exc_TypeError, "initial_value must be str or None, not int");
}

static void test_stringio_positions(void **state)
{
    KnObject *s = assert_ok(mk(&io_stringio_type, 0));
    assert_int(M(s, "write", 1, ob_str_from_utf8("h\xc3\xa9llo", 6)), 5);
    assert_null(M(s, "write", 1, B("x")));
    assert_raised(ob_exc_TypeError, "string argument expected, got 'bytes'");
    assert_int(M(s, "tell", 0), 5);
    assert_int(M(s, "seek", 1, I(2)), 2);
    assert_str(M(s, "read", 0), "llo");
    assert_null(M(s, "seek", 2, I(1), I(1)));
    assert_raised(ob_exc_OSError, "Can't do nonzero cur-relative seeks");
    assert_int(M(s, "seek", 2, I(0), I(1)), 5);
    assert_int(M(s, "seek", 2, I(0), I(2)), 5);
    assert_null(M(s, "seek", 1, I(-1)));
    assert_raised(ob_exc_ValueError, "Negative seek position -1");
    assert_null(M(s, "seek", 2, I(0), I(5)));
    assert_raised(ob_exc_ValueError, "Invalid whence (5, should be 0, 1 or 2)");
    assert_int(M(s, "seek", 1, I(10)), 10);
    assert_int(M(s, "write", 1, S("Z")), 1);
    KnObject *v = assert_ok(M(s, "getvalue", 0));
    assert_int_equal(ob_str_length(v), 11);
    assert_int_equal(ob_str_read_char(v, 1), 0xe9);
    assert_int_equal(ob_str_read_char(v, 7), 0);
    assert_int_equal(ob_str_read_char(v, 10), 'Z');
    assert_int(M(s, "truncate", 1, I(2)), 2);
    assert_str(M(s, "getvalue", 0), "h\xc3\xa9");
    assert_null(M(s, "truncate", 1, I(-1)));
    assert_raised(ob_exc_ValueError, "Negative size value -1");
    /* a write far past the end fails cleanly */
    KnObject *far = assert_ok(mk(&io_stringio_type, 0));
    assert_ok(M(far, "seek", 1, ob_int_from_long_long(1LL << 61)));
    assert_null(M(far, "write", 1, S("x")));
    assert_raised(ob_exc_MemoryError, NULL);
    far = assert_ok(mk(&io_bytesio_type, 0));
    assert_ok(M(far, "seek", 1, ob_int_from_long_long(0x7fffffffffffffffLL)));
    assert_null(M(far, "write", 1, B("x")));
    assert_raised(ob_exc_OverflowError, "new buffer size too large");
    assert_ptr_equal(ob_getattr_str(s, "line_buffering"), KN_False);
    assert_ptr_equal(ob_getattr_str(s, "encoding"), KN_None);
    assert_str(M(s, "readline", 1, I(1)), "");
    assert_null(M(s, "detach", 0));
    assert_raised(io_unsupported_operation, "detach");
    s = assert_ok(sio("abc\ndef", NULL));
    assert_str(M(s, "read", 1, I(-5)), "abc\ndef");
    assert_int(M(s, "seek", 1, I(0)), 0);
    assert_str(M(s, "readline", 1, I(2)), "ab");
    assert_str(M(s, "readline", 0), "c\n");
    assert_str(ob_iter_next(s), "def");
    assert_null(ob_iter_next(s));
    assert_null(ob_err_occurred());
    M(s, "close", 0);
    assert_null(M(s, "read", 0));
    assert_raised(ob_exc_ValueError, "I/O operation on closed file");
    assert_null(ob_getattr_str(s, "newlines"));
    assert_raised(ob_exc_ValueError, "I/O operation on closed file");
    assert_ptr_equal(ob_getattr_str(s, "closed"), KN_True);
}

static void test_stringio_state(void **state)
{
    KnObject *s = assert_ok(sio("a\r\nb", KN_None));
    assert_str(M(s, "read", 1, I(1)), "a");
    ob_setattr_str(s, "x", I(1));
    assert_repr(M(s, "__getstate__", 0), "('a\\nb', None, 1, {'x': 1})");
    s = assert_ok(sio("a\nb", S("\r\n")));
    assert_repr(M(s, "__getstate__", 0), "('a\\r\\nb', '\\r\\n', 0, None)");
    KnObject *t = assert_ok(mk(&io_stringio_type, 0));
    KnObject *d = ob_dict_new();
    ob_dict_setitem_str(d, "y", I(2));
    assert_ptr_equal(M(t, "__setstate__", 1, ob_tuple_pack(4, S("q\nz"), S("\r\n"), I(1), d)),
                     KN_None);
    assert_str(M(t, "getvalue", 0), "q\nz");
    assert_int(M(t, "tell", 0), 1);
    assert_int(ob_getattr_str(t, "y"), 2);
    assert_null(M(t, "__setstate__", 1, ob_tuple_pack(1, I(1))));
    assert_raised(ob_exc_TypeError, "_io.StringIO.__setstate__ argument should be 4-tuple, got tuple");
    assert_null(M(t, "__setstate__", 1, ob_tuple_pack(4, S("a"), KN_None, I(-1), KN_None)));
    assert_raised(ob_exc_ValueError, "position value cannot be negative");
    assert_null(M(t, "__setstate__", 1, ob_tuple_pack(4, S("a"), KN_None, I(0), I(3))));
    assert_raised(ob_exc_TypeError, "fourth item of state should be a dict, got a int");
    assert_null(M(t, "__setstate__", 1, ob_tuple_pack(4, S("a"), KN_None, S("x"), KN_None)));
    assert_raised(ob_exc_TypeError, "third item of state must be an integer, got str");
    assert_null(M(t, "__setstate__", 1, ob_tuple_pack(4, I(3), KN_None, I(0), KN_None)));
    assert_raised(ob_exc_TypeError, "initial_value must be str or None, not int");
    M(t, "close", 0);
    assert_null(M(t, "__getstate__", 0));
    assert_raised(ob_exc_ValueError, "I/O operation on closed file");
}

static void test_newline_decoder(void **state)
{
    KnObject *d = assert_ok(mk(&io_nldecoder_type, 2, KN_None, KN_True));
    assert_str(M(d, "decode", 1, S("a\r")), "a");
    assert_repr(M(d, "getstate", 0), "(b'', 1)");
    assert_str(M(d, "decode", 1, S("\nb\r")), "\nb");
    assert_str(M(d, "decode", 2, S("c"), KN_False), "\nc");
    assert_repr(ob_getattr_str(d, "newlines"), "('\\r', '\\r\\n')");
    assert_str(M(d, "decode", 2, S("\r"), KN_True), "\n");
    assert_ptr_equal(M(d, "reset", 0), KN_None);
    assert_ptr_equal(ob_getattr_str(d, "newlines"), KN_None);
    d = assert_ok(mk(&io_nldecoder_type, 2, KN_None, KN_False));
    assert_str(M(d, "decode", 1, S("x\r\ny\n")), "x\r\ny\n");
    assert_repr(ob_getattr_str(d, "newlines"), "('\\n', '\\r\\n')");
    assert_null(M(d, "decode", 1, B("x")));
    assert_raised(ob_exc_TypeError, "decoder should return a string result, not 'bytes'");
    assert_ptr_equal(M(d, "setstate", 1, ob_tuple_pack(2, B(""), I(1))), KN_None);
    assert_str(M(d, "decode", 2, S(""), KN_True), "\r");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bytesio_read_write),
        cmocka_unit_test(test_bytesio_lines_and_close),
        cmocka_unit_test(test_bytesio_constructor),
        cmocka_unit_test(test_stringio_newline_modes),
        cmocka_unit_test(test_stringio_positions),
        cmocka_unit_test(test_stringio_state),
        cmocka_unit_test(test_newline_decoder),
    };
    return cmocka_run_group_tests(tests, io_setup, io_teardown);
}
