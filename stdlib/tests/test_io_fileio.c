/*
 * test_io_fileio.c — the _io module object, the abstract base classes
 * (src/io_base.c) and FileIO (src/io_fileio.c), against python3.11's
 * behaviour and messages.
 */
#include <errno.h>
#include <fcntl.h>

#include "test_io_util.h"

static void test_module_contents(void **state)
{
    KnObject *v = ob_getattr_str(io_mod, "DEFAULT_BUFFER_SIZE");
    assert_int(v, 8192);
    KnObject *uo = ob_getattr_str(io_mod, "UnsupportedOperation");
    assert_non_null(uo);
    assert_true(ob_issubclass(uo, (KnObject *)ob_exc_OSError) == 1);
    assert_true(ob_issubclass(uo, (KnObject *)ob_exc_ValueError) == 1);
    assert_str(ob_getattr_str(uo, "__module__"), "io");
    assert_ptr_equal(ob_getattr_str(io_mod, "BlockingIOError"), ob_exc_BlockingIOError);
    assert_repr(ob_getattr_str(io_mod, "FileIO"), "<class '_io.FileIO'>");
    assert_repr(ob_getattr_str(io_mod, "_RawIOBase"), "<class '_io._RawIOBase'>");
    assert_true(ob_issubclass((KnObject *)&io_fileio_type, (KnObject *)&io_iobase_type) == 1);
}

static void test_iobase_defaults(void **state)
{
    KnObject *b = assert_ok(mk(&io_iobase_type, 0));
    assert_null(M(b, "seek", 1, I(0)));
    assert_raised(io_unsupported_operation, "seek");
    assert_null(M(b, "tell", 0));
    assert_raised(io_unsupported_operation, "seek");
    assert_null(M(b, "truncate", 0));
    assert_raised(io_unsupported_operation, "truncate");
    assert_null(M(b, "fileno", 0));
    assert_raised(io_unsupported_operation, "fileno");
    assert_ptr_equal(M(b, "readable", 0), KN_False);
    assert_ptr_equal(M(b, "isatty", 0), KN_False);
    assert_null(M(b, "_checkReadable", 0));
    assert_raised(io_unsupported_operation, "File or stream is not readable.");
    assert_null(M(b, "read", 0));
    /* CPython: "'_io._IOBase' object has no attribute 'read'"; libobject
     * prints the short type name (reported), so the text is not checked. */
    assert_raised(ob_exc_AttributeError, NULL);
    assert_ptr_equal(ob_getattr_str(b, "closed"), KN_False);
    assert_ptr_equal(M(b, "__enter__", 0), b);
    assert_ptr_equal(M(b, "close", 0), KN_None);
    assert_ptr_equal(ob_getattr_str(b, "closed"), KN_True);
    assert_ptr_equal(M(b, "close", 0), KN_None);
    assert_null(M(b, "flush", 0));
    assert_raised(ob_exc_ValueError, "I/O operation on closed file.");
    assert_null(ob_get_iter(b));
    assert_raised(ob_exc_ValueError, "I/O operation on closed file.");
    assert_null(M(b, "__enter__", 0));
    assert_raised(ob_exc_ValueError, "I/O operation on closed file.");
    /* instances have a __dict__ */
    assert_int_equal(ob_setattr_str(b, "extra", I(3)), 0);
    assert_int(ob_getattr_str(b, "extra"), 3);
}

static void test_abstract_subclasses(void **state)
{
    KnObject *r = assert_ok(mk(&io_rawiobase_type, 0));
    assert_null(M(r, "read", 0));
    assert_raised(ob_exc_NotImplementedError, "");
    assert_null(M(r, "write", 1, B("x")));
    assert_raised(ob_exc_NotImplementedError, "");
    KnObject *bb = assert_ok(mk(&io_bufferediobase_type, 0));
    assert_null(M(bb, "read1", 0));
    assert_raised(io_unsupported_operation, "read1");
    assert_null(M(bb, "detach", 0));
    assert_raised(io_unsupported_operation, "detach");
    assert_null(M(bb, "readinto", 1, ob_bytearray_from_data(NULL, 1)));
    assert_raised(io_unsupported_operation, "read");
    KnObject *tt = assert_ok(mk(&io_textiobase_type, 0));
    assert_null(M(tt, "readline", 0));
    assert_raised(io_unsupported_operation, "readline");
    assert_ptr_equal(ob_getattr_str(tt, "encoding"), KN_None);
    assert_ptr_equal(ob_getattr_str(tt, "newlines"), KN_None);
}

static void test_fileio_write_read(void **state)
{
    KnObject *p = tpath("wr");
    KnObject *f = assert_ok(mk(&io_fileio_type, 2, p, S("w")));
    assert_str(ob_getattr_str(f, "mode"), "wb");
    assert_ptr_equal(ob_getattr_str(f, "name"), p);
    assert_ptr_equal(ob_getattr_str(f, "closefd"), KN_True);
    assert_int(M(f, "write", 1, B("hello world")), 11);
    assert_int(M(f, "write", 1, ob_bytearray_from_data("!\n", 2)), 2);
    assert_null(M(f, "write", 1, S("abc")));
    assert_raised(ob_exc_TypeError, "a bytes-like object is required, not 'str'");
    assert_null(M(f, "read", 0));
    assert_raised(io_unsupported_operation, "File not open for reading");
    assert_null(M(f, "readinto", 1, ob_bytearray_from_data(NULL, 1)));
    assert_raised(io_unsupported_operation, "File not open for reading");
    assert_int(M(f, "tell", 0), 13);
    assert_ptr_equal(M(f, "close", 0), KN_None);
    size_t n;
    char *data = tget("wr", &n);
    assert_int_equal(n, 13);
    assert_memory_equal(data, "hello world!\n", 13);

    f = assert_ok(mk(&io_fileio_type, 1, p));
    assert_str(ob_getattr_str(f, "mode"), "rb");
    assert_b(M(f, "read", 1, I(5)), "hello");
    assert_int(M(f, "tell", 0), 5);
    KnObject *ba = ob_bytearray_from_data(NULL, 4);
    assert_int(M(f, "readinto", 1, ba), 4);
    assert_memory_equal(((KnByteArrayObject *)ba)->ob_start, " wor", 4);
    assert_int_equal(((KnByteArrayObject *)ba)->ob_exports, 0);   /* export released */
    assert_null(M(f, "readinto", 1, B("xx")));
    assert_raised(ob_exc_TypeError, "readinto() argument must be read-write bytes-like object, not bytes");
    assert_b(M(f, "readall", 0), "ld!\n");
    assert_b(M(f, "read", 0), "");
    assert_int(M(f, "seek", 1, I(0)), 0);
    assert_b(M(f, "read", 1, KN_None), "hello world!\n");
    assert_int(M(f, "seek", 2, I(-2), I(2)), 11);
    assert_b(M(f, "read", 1, I(100)), "!\n");
    assert_null(M(f, "write", 1, B("x")));
    assert_raised(io_unsupported_operation, "File not open for writing");
    assert_null(M(f, "truncate", 0));
    assert_raised(io_unsupported_operation, "File not open for writing");
    assert_null(M(f, "read", 2, I(1), I(2)));
    assert_raised(ob_exc_TypeError, "read expected at most 1 argument, got 2");
    assert_null(M(f, "read", 1, S("a")));
    assert_raised(ob_exc_TypeError, "argument should be integer or None, not 'str'");
    assert_null(M(f, "seek", 1, ob_float_from_double(1.0)));
    assert_raised(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
    assert_null(M(f, "seek", 1, I(-1)));
    assert_raised(ob_exc_OSError, "[Errno 22] Invalid argument");
    assert_ptr_equal(M(f, "readable", 0), KN_True);
    assert_ptr_equal(M(f, "writable", 0), KN_False);
    assert_ptr_equal(M(f, "seekable", 0), KN_True);
    assert_ptr_equal(M(f, "isatty", 0), KN_False);
    assert_ptr_equal(M(f, "close", 0), KN_None);
}

static void test_fileio_lines_and_iteration(void **state)
{
    tput("lines", "a\nbb\n\nccc", 9);
    KnObject *f = assert_ok(mk(&io_fileio_type, 1, tpath("lines")));
    assert_b(M(f, "readline", 0), "a\n");
    assert_b(M(f, "readline", 1, I(1)), "b");
    assert_b(M(f, "readline", 1, I(-1)), "b\n");
    KnObject *rest = assert_ok(M(f, "readlines", 0));
    assert_repr(rest, "[b'\\n', b'ccc']");
    assert_int(M(f, "seek", 1, I(0)), 0);
    KnObject *l = assert_ok(ob_sequence_list(f));
    assert_repr(l, "[b'a\\n', b'bb\\n', b'\\n', b'ccc']");
    assert_int(M(f, "seek", 1, I(0)), 0);
    assert_repr(M(f, "readlines", 1, I(3)), "[b'a\\n', b'bb\\n']");
    assert_ptr_equal(M(f, "__exit__", 3, KN_None, KN_None, KN_None), KN_None);
    assert_ptr_equal(ob_getattr_str(f, "closed"), KN_True);
}

static void test_fileio_modes(void **state)
{
    KnObject *p = tpath("modes");
    tput("modes", "12345", 5);
    KnObject *f = assert_ok(mk(&io_fileio_type, 2, p, S("a")));
    assert_str(ob_getattr_str(f, "mode"), "ab");
    assert_int(M(f, "tell", 0), 5);
    assert_int(M(f, "write", 1, B("67")), 2);
    M(f, "close", 0);
    f = assert_ok(mk(&io_fileio_type, 2, p, S("r+")));
    assert_str(ob_getattr_str(f, "mode"), "rb+");
    assert_b(M(f, "read", 1, I(2)), "12");
    assert_int(M(f, "write", 1, B("X")), 1);
    assert_int(M(f, "truncate", 0), 3);
    assert_int(M(f, "truncate", 1, I(10)), 10);
    M(f, "close", 0);
    size_t n;
    char *data = tget("modes", &n);
    assert_int_equal(n, 10);
    assert_memory_equal(data, "12X\0\0\0\0\0\0\0", 10);
    f = assert_ok(mk(&io_fileio_type, 2, p, S("w+")));
    assert_str(ob_getattr_str(f, "mode"), "rb+");
    assert_b(M(f, "read", 0), "");
    M(f, "close", 0);
    f = assert_ok(mk(&io_fileio_type, 2, p, S("a+b")));
    assert_str(ob_getattr_str(f, "mode"), "ab+");
    M(f, "close", 0);
    assert_null(mk(&io_fileio_type, 2, p, S("x")));
    assert_raised(ob_exc_FileExistsError, NULL);
    f = assert_ok(mk(&io_fileio_type, 2, tpath("fresh"), S("xb")));
    assert_str(ob_getattr_str(f, "mode"), "xb");
    M(f, "close", 0);
    static const char *bad[] = {"rw", "rr", "", "r++", "b", "wa"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(mk(&io_fileio_type, 2, p, S(bad[i])));
        assert_raised(ob_exc_ValueError, "Must have exactly one of create/read/write/append "
                                         "mode and at most one plus");
    }
    assert_null(mk(&io_fileio_type, 2, p, S("q")));
    assert_raised(ob_exc_ValueError, "invalid mode: q");
    assert_null(mk(&io_fileio_type, 2, p, I(3)));
    assert_raised(ob_exc_TypeError, "FileIO() argument 'mode' must be str, not int");
}

static void test_fileio_open_errors(void **state)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s/missing", io_tmpdir);
    assert_null(mk(&io_fileio_type, 1, S(buf)));
    char msg[300];
    snprintf(msg, sizeof msg, "[Errno 2] No such file or directory: '%s'", buf);
    assert_raised(ob_exc_FileNotFoundError, msg);
    assert_null(mk(&io_fileio_type, 1, S(io_tmpdir)));
    snprintf(msg, sizeof msg, "[Errno 21] Is a directory: '%s'", io_tmpdir);
    assert_raised(ob_exc_IsADirectoryError, msg);
    assert_null(mk(&io_fileio_type, 1, I(-1)));
    assert_raised(ob_exc_ValueError, "negative file descriptor");
    assert_null(mk(&io_fileio_type, 1, ob_float_from_double(1.5)));
    assert_raised(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not float");
    assert_null(mk(&io_fileio_type, 1, KN_None));
    assert_raised(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not NoneType");
    assert_null(mk(&io_fileio_type, 1, ob_str_from_utf8("a\0b", 3)));
    assert_raised(ob_exc_ValueError, "embedded null byte");
    assert_null(mk(&io_fileio_type, 0));
    assert_raised(ob_exc_TypeError, "FileIO() missing required argument 'file' (pos 1)");
    KnObject *args = ob_tuple_pack(2, tpath("wr"), S("r"));
    assert_null(mk_kw(&io_fileio_type, args, "closefd", KN_False));
    assert_raised(ob_exc_ValueError, "Cannot use closefd=False with file name");
    assert_null(mk_kw(&io_fileio_type, ob_tuple_pack(1, tpath("wr")), "foo", I(1)));
    assert_raised(ob_exc_TypeError, "'foo' is an invalid keyword argument for FileIO()");
}

static void test_fileio_fd_and_closed(void **state)
{
    tput("fd", "xyz", 3);
    char buf[256];
    snprintf(buf, sizeof buf, "%s/fd", io_tmpdir);
    int fd = open(buf, O_RDONLY);
    assert_true(fd >= 0);
    KnObject *f = assert_ok(mk_kw(&io_fileio_type, ob_tuple_pack(1, I(fd)), "closefd", KN_False));
    char want[200];
    snprintf(want, sizeof want, "<_io.FileIO name=%d mode='rb' closefd=False>", fd);
    assert_repr(f, want);
    assert_int(M(f, "fileno", 0), fd);
    assert_b(M(f, "read", 0), "xyz");
    M(f, "close", 0);
    assert_repr(f, "<_io.FileIO [closed]>");
    /* closefd=False left the descriptor open */
    assert_true(lseek(fd, 0, SEEK_SET) == 0);
    close(fd);
    static const char *meths[] = {"read", "readall", "fileno", "tell", "seekable", "readable",
                                  "isatty", "truncate"};
    for (size_t i = 0; i < sizeof meths / sizeof meths[0]; i++) {
        assert_null(M(f, meths[i], 0));
        assert_raised(ob_exc_ValueError, "I/O operation on closed file");
    }
    assert_null(M(f, "write", 1, B("x")));
    assert_raised(ob_exc_ValueError, "I/O operation on closed file");
    assert_str(ob_getattr_str(f, "mode"), "rb");

    KnObject *g = assert_ok(mk(&io_fileio_type, 2, tpath("fd"), S("rb")));
    snprintf(want, sizeof want, "<_io.FileIO name='%s/fd' mode='rb' closefd=True>", io_tmpdir);
    assert_repr(g, want);
    int gfd = (int)ob_int_as_long_long(M(g, "fileno", 0));
    assert_true(fcntl(gfd, F_GETFD) & FD_CLOEXEC);
    M(g, "close", 0);
    assert_int_equal(fcntl(gfd, F_GETFD), -1);   /* closed for real */
}

static KnObject *opener_neg(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return I(-5);
}
static KnObject *opener_str(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return S("a");
}
static KnObject *opener_real(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    const char *path = ob_str_as_utf8(args[0], NULL);
    int flags = (int)ob_int_as_long_long(args[1]);
    return I(open(path, flags, 0666));
}
static KnMethodDef opener_defs[] = {
    {"neg", FC(opener_neg), KN_METH_FASTCALL, NULL},
    {"str", FC(opener_str), KN_METH_FASTCALL, NULL},
    {"real", FC(opener_real), KN_METH_FASTCALL, NULL},
};

static void test_fileio_opener(void **state)
{
    KnObject *args = ob_tuple_pack(2, tpath("op"), S("w"));
    assert_null(mk_kw(&io_fileio_type, args, "opener", ob_cfunction_new(&opener_defs[0], NULL, NULL)));
    assert_raised(ob_exc_ValueError, "opener returned -5");
    assert_null(mk_kw(&io_fileio_type, args, "opener", ob_cfunction_new(&opener_defs[1], NULL, NULL)));
    assert_raised(ob_exc_TypeError, "expected integer from opener");
    KnObject *f = assert_ok(mk_kw(&io_fileio_type, args, "opener",
                                  ob_cfunction_new(&opener_defs[2], NULL, NULL)));
    assert_int(M(f, "write", 1, B("op")), 2);
    M(f, "close", 0);
    size_t n;
    assert_memory_equal(tget("op", &n), "op", 2);
}

/* Classes made at run time over the abstract bases, with C functions as
 * overrides (not bound: they receive only the call's arguments), stand in
 * for Python subclasses: the base-class methods must go through them. */
static const char *src_data = "ab\ncd";
static kn_ssize_t src_pos;

static KnObject *src_readinto(KnObject *m, KnObject *buf)
{
    KnByteArrayObject *ba = (KnByteArrayObject *)buf;
    kn_ssize_t n = (kn_ssize_t)strlen(src_data) - src_pos;
    if (n > 2)
        n = 2;          /* short reads */
    if (n > KN_SIZE(ba))
        n = KN_SIZE(ba);
    memcpy(ba->ob_start, src_data + src_pos, (size_t)n);
    src_pos += n;
    return I(n);
}

static KnObject *src_read(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t want = ob_int_as_ssize(args[0]);
    kn_ssize_t n = (kn_ssize_t)strlen(src_data) - src_pos;
    if (n > want)
        n = want;
    src_pos += n;
    return BN(src_data + src_pos - n, n);
}

static int flushes;
static KnObject *count_flush(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    flushes++;
    return KN_None;
}

static KnMethodDef override_defs[] = {
    {"readinto", src_readinto, KN_METH_O, NULL},
    {"read", FC(src_read), KN_METH_FASTCALL, NULL},
    {"flush", FC(count_flush), KN_METH_FASTCALL, NULL},
};

static KnObject *subclass(KnTypeObject *base, int ndefs, KnMethodDef *defs)
{
    KnObject *ns = ob_dict_new();
    for (int i = 0; i < ndefs; i++)
        ob_dict_setitem_str(ns, defs[i].ml_name, ob_cfunction_new(&defs[i], NULL, NULL));
    return ob_type_new(&ob_type_type, S("Sub"), ob_tuple_pack(1, (KnObject *)base), ns);
}

static void test_overrides_reach_base_methods(void **state)
{
    /* _RawIOBase.read/readall on top of readinto */
    KnObject *cls = assert_ok(subclass(&io_rawiobase_type, 1, &override_defs[0]));
    KnObject *r = assert_ok(ob_call(cls, ob_tuple_empty(), NULL));
    src_pos = 0;
    assert_b(M(r, "read", 1, I(5)), "ab");
    assert_b(M(r, "readall", 0), "\ncd");
    src_pos = 0;
    assert_b(M(r, "read", 0), "ab\ncd");
    /* _IOBase.readline / iteration / readlines on top of read */
    cls = assert_ok(subclass(&io_iobase_type, 1, &override_defs[1]));
    KnObject *b = assert_ok(ob_call(cls, ob_tuple_empty(), NULL));
    src_pos = 0;
    assert_repr(ob_sequence_list(b), "[b'ab\\n', b'cd']");
    src_pos = 0;
    assert_b(M(b, "readline", 1, I(1)), "a");
    assert_repr(M(b, "readlines", 0), "[b'b\\n', b'cd']");
    /* close() calls the overriding flush once */
    cls = assert_ok(subclass(&io_iobase_type, 1, &override_defs[2]));
    b = assert_ok(ob_call(cls, ob_tuple_empty(), NULL));
    flushes = 0;
    assert_ptr_equal(M(b, "close", 0), KN_None);
    assert_ptr_equal(M(b, "close", 0), KN_None);
    assert_int_equal(flushes, 1);
    assert_ptr_equal(ob_getattr_str(b, "closed"), KN_True);
    /* a subclass of FileIO keeps FileIO's behaviour and its own dict */
    cls = assert_ok(subclass(&io_fileio_type, 0, NULL));
    tput("sub", "xy", 2);
    KnObject *f = assert_ok(ob_call(cls, ob_tuple_pack(1, tpath("sub")), NULL));
    assert_b(M(f, "read", 0), "xy");
    char want[200];
    snprintf(want, sizeof want, "<Sub name='%s/sub' mode='rb' closefd=True>", io_tmpdir);
    assert_repr(f, want);
    M(f, "close", 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_module_contents),
        cmocka_unit_test(test_iobase_defaults),
        cmocka_unit_test(test_abstract_subclasses),
        cmocka_unit_test(test_fileio_write_read),
        cmocka_unit_test(test_fileio_lines_and_iteration),
        cmocka_unit_test(test_fileio_modes),
        cmocka_unit_test(test_fileio_open_errors),
        cmocka_unit_test(test_fileio_fd_and_closed),
        cmocka_unit_test(test_fileio_opener),
        cmocka_unit_test(test_overrides_reach_base_methods),
    };
    return cmocka_run_group_tests(tests, io_setup, io_teardown);
}
