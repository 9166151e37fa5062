/*
 * io_base.c — the abstract classes _IOBase, _RawIOBase, _BufferedIOBase and
 * _TextIOBase.  Their methods only ever reach the concrete behaviour
 * through attribute look-ups on self (readline calls self.read, close calls
 * self.flush, ...), so a Python subclass that overrides one method changes
 * every method built on it, as with CPython's _io.
 */
#include <string.h>

#include "io_internal.h"

/* ------------------------------------------------------------ _IOBase */

static KnObject *iobase_seek(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return io_unsupported("seek");
}

static KnObject *iobase_tell(KnObject *self, KnObject *unused)
{
    return ob_call_method(self, "seek", 2, ob_int_from_ssize(0), ob_int_from_ssize(1));
}

static KnObject *iobase_truncate(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return io_unsupported("truncate");
}

static KnObject *iobase_flush(KnObject *self, KnObject *unused)
{
    if (((IoBase *)self)->iobase_closed)
        return io_err_closed();
    return KN_None;
}

KnObject *io_iobase_close(KnObject *self, KnObject *unused)
{
    IoBase *b = (IoBase *)self;
    if (b->iobase_closed)
        return KN_None;
    KnObject *r = ob_call_method(self, "flush", 0);
    b->iobase_closed = 1;
    return r == NULL ? NULL : KN_None;
}

static KnObject *iobase_closed_get(KnObject *self, void *closure)
{
    return KN_BOOL(((IoBase *)self)->iobase_closed);
}

static KnObject *iobase_false(KnObject *self, KnObject *unused)
{
    return KN_False;
}

static KnObject *iobase_check_closed_meth(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    return io_check_closed(self) < 0 ? NULL : KN_None;
}

static KnObject *iobase_check_readable_meth(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    return io_check_readable(self) < 0 ? NULL : KN_None;
}

static KnObject *iobase_check_writable_meth(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    return io_check_writable(self) < 0 ? NULL : KN_None;
}

static KnObject *iobase_check_seekable_meth(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    return io_check_seekable(self) < 0 ? NULL : KN_None;
}

static KnObject *iobase_fileno(KnObject *self, KnObject *unused)
{
    return io_unsupported("fileno");
}

static KnObject *iobase_isatty(KnObject *self, KnObject *unused)
{
    if (io_check_closed(self) < 0)
        return NULL;
    return KN_False;
}

KnObject *io_iobase_enter(KnObject *self, KnObject *unused)
{
    if (io_check_closed(self) < 0)
        return NULL;
    return self;
}

KnObject *io_iobase_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return ob_call_method(self, "close", 0);
}

static KnObject *iobase_iter(KnObject *self)
{
    if (io_check_closed(self) < 0)
        return NULL;
    return self;
}

KnObject *io_iobase_iternext(KnObject *self)
{
    KnObject *line = ob_call_method(self, "readline", 0);
    if (line == NULL)
        return NULL;
    kn_ssize_t n = ob_length(line);
    if (n < 0)
        return NULL;
    return n == 0 ? NULL : line;
}

/* Position of the first '\n' in data[0..n), or -1. */
static kn_ssize_t find_nl(const char *data, kn_ssize_t n)
{
    const char *p = memchr(data, '\n', (size_t)n);
    return p ? p - data : -1;
}

static KnObject *iobase_readline(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("readline", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t limit;
    if (io_size_arg(nargs ? args[0] : NULL, &limit) < 0)
        return NULL;
    KnObject *peek = NULL;
    if (ob_lookup_attr(self, ob_str_intern_cstr("peek"), &peek) < 0)
        return NULL;
    IoBytes acc = {0};
    while (limit < 0 || acc.len < limit) {
        kn_ssize_t want = 1;
        if (peek != NULL) {
            KnObject *ahead = ob_call_onearg(peek, ob_int_from_ssize(1));
            if (ahead == NULL)
                return NULL;
            if (!KN_BYTES_CHECK(ahead))
                return ob_err_format(ob_exc_OSError,
                                     "peek() should have returned a bytes object, not '%s'",
                                     ob_type_name(KN_TYPE(ahead)));
            kn_ssize_t n = KN_SIZE(ahead);
            if (n > 0) {
                if (limit >= 0 && n > limit - acc.len)
                    n = limit - acc.len;
                kn_ssize_t nl = find_nl(KN_BYTES_AS_STRING(ahead), n);
                want = nl >= 0 ? nl + 1 : n;
            }
        }
        KnObject *chunk = ob_call_method(self, "read", 1, ob_int_from_ssize(want));
        if (chunk == NULL)
            return NULL;
        if (!KN_BYTES_CHECK(chunk))
            return ob_err_format(ob_exc_OSError,
                                 "read() should have returned a bytes object, not '%s'",
                                 ob_type_name(KN_TYPE(chunk)));
        kn_ssize_t n = KN_SIZE(chunk);
        if (n == 0)
            break;
        if (io_bytes_append(&acc, KN_BYTES_AS_STRING(chunk), n) < 0)
            return NULL;
        if (acc.data[acc.len - 1] == '\n')
            break;
    }
    return ob_bytes_from_data(acc.data, acc.len);
}

static KnObject *iobase_readlines(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("readlines", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t hint;
    if (io_size_arg(nargs ? args[0] : NULL, &hint) < 0)
        return NULL;
    KnObject *out = ob_list_new(0);
    if (out == NULL)
        return NULL;
    KnObject *it = ob_get_iter(self);
    if (it == NULL)
        return NULL;
    kn_ssize_t total = 0;
    KnObject *line;
    while ((line = ob_iter_next(it)) != NULL) {
        if (ob_list_append(out, line) < 0)
            return NULL;
        if (hint > 0) {
            kn_ssize_t n = ob_length(line);
            if (n < 0)
                return NULL;
            total += n;
            if (total >= hint)
                break;
        }
    }
    if (ob_err_occurred())
        return NULL;
    return out;
}

static KnObject *iobase_writelines(KnObject *self, KnObject *lines)
{
    if (io_check_closed(self) < 0)
        return NULL;
    KnObject *it = ob_get_iter(lines);
    if (it == NULL)
        return NULL;
    KnObject *line;
    while ((line = ob_iter_next(it)) != NULL) {
        if (ob_call_method(self, "write", 1, line) == NULL)
            return NULL;
    }
    return ob_err_occurred() ? NULL : KN_None;
}

static void iobase_finalize(KnObject *self)
{
    /* Closing an unreachable file flushes it; errors cannot be raised. */
    KnObject *saved = ob_err_fetch();
    int closed = io_is_closed(self);
    if (closed == 0 && ob_call_method(self, "close", 0) == NULL)
        ob_err_write_unraisable(self);
    else if (closed < 0)
        ob_err_clear();
    ob_err_restore(saved);
}

static KnObject *iobase_dict_get(KnObject *self, void *closure)
{
    IoBase *b = (IoBase *)self;
    if (b->dict == NULL && (b->dict = ob_dict_new()) == NULL)
        return NULL;
    return b->dict;
}

static KnMethodDef iobase_methods[] = {
    {"seek", FC(iobase_seek), KN_METH_FASTCALL, NULL},
    {"tell", FC(iobase_tell), KN_METH_NOARGS, NULL},
    {"truncate", FC(iobase_truncate), KN_METH_FASTCALL, NULL},
    {"flush", FC(iobase_flush), KN_METH_NOARGS, NULL},
    {"close", FC(io_iobase_close), KN_METH_NOARGS, NULL},
    {"seekable", FC(iobase_false), KN_METH_NOARGS, NULL},
    {"readable", FC(iobase_false), KN_METH_NOARGS, NULL},
    {"writable", FC(iobase_false), KN_METH_NOARGS, NULL},
    {"_checkClosed", FC(iobase_check_closed_meth), KN_METH_FASTCALL, NULL},
    {"_checkSeekable", FC(iobase_check_seekable_meth), KN_METH_FASTCALL, NULL},
    {"_checkReadable", FC(iobase_check_readable_meth), KN_METH_FASTCALL, NULL},
    {"_checkWritable", FC(iobase_check_writable_meth), KN_METH_FASTCALL, NULL},
    {"fileno", FC(iobase_fileno), KN_METH_NOARGS, NULL},
    {"isatty", FC(iobase_isatty), KN_METH_NOARGS, NULL},
    {"__enter__", FC(io_iobase_enter), KN_METH_NOARGS, NULL},
    {"__exit__", FC(io_iobase_exit), KN_METH_FASTCALL, NULL},
    {"readline", FC(iobase_readline), KN_METH_FASTCALL, NULL},
    {"readlines", FC(iobase_readlines), KN_METH_FASTCALL, NULL},
    {"writelines", FC(iobase_writelines), KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef iobase_getset[] = {
    {"__dict__", iobase_dict_get, NULL, NULL, NULL},
    {"closed", iobase_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

#define IO_ABSTRACT_FLAGS (KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE)

KnTypeObject io_iobase_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io._IOBase",
    .tp_basicsize = sizeof(IoBase),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = IO_ABSTRACT_FLAGS,
    .tp_doc = "The abstract base class for all I/O classes.",
    .tp_weaklistoffset = offsetof(IoBase, weakreflist),
    .tp_dictoffset = offsetof(IoBase, dict),
    .tp_iter = iobase_iter,
    .tp_iternext = io_iobase_iternext,
    .tp_methods = iobase_methods,
    .tp_getset = iobase_getset,
    .tp_new = ob_type_generic_new,
    .tp_finalize = iobase_finalize,
};

/* --------------------------------------------------------- _RawIOBase */

static KnObject *rawiobase_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("read", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    if (n < 0)
        return ob_call_method(self, "readall", 0);
    KnObject *buf = ob_bytearray_from_data(NULL, n);
    if (buf == NULL)
        return NULL;
    KnObject *got = ob_call_method(self, "readinto", 1, buf);
    if (got == NULL)
        return NULL;
    if (got == KN_None)
        return KN_None;
    kn_ssize_t k = ob_number_as_ssize(got, ob_exc_OverflowError);
    if (k == -1 && ob_err_occurred())
        return NULL;
    if (k < 0 || k > n)
        return ob_err_format(ob_exc_ValueError, "readinto returned %zd outside buffer size %zd",
                             k, n);
    return ob_bytes_from_data(((KnByteArrayObject *)buf)->ob_start, k);
}

static KnObject *rawiobase_readall(KnObject *self, KnObject *unused)
{
    IoBytes acc = {0};
    for (;;) {
        KnObject *chunk = ob_call_method(self, "read", 1, ob_int_from_ssize(IO_DEFAULT_BUFFER_SIZE));
        if (chunk == NULL)
            return NULL;
        if (chunk == KN_None) {
            if (acc.len == 0)
                return KN_None;
            break;
        }
        if (!KN_BYTES_CHECK(chunk))
            return ob_err_format(ob_exc_TypeError, "read() should return bytes");
        if (KN_SIZE(chunk) == 0)
            break;
        if (io_bytes_append(&acc, KN_BYTES_AS_STRING(chunk), KN_SIZE(chunk)) < 0)
            return NULL;
    }
    return ob_bytes_from_data(acc.data, acc.len);
}

static KnObject *rawiobase_not_implemented(KnObject *self, KnObject *arg)
{
    ob_err_set_none(ob_exc_NotImplementedError);
    return NULL;
}

static KnMethodDef rawiobase_methods[] = {
    {"read", FC(rawiobase_read), KN_METH_FASTCALL, NULL},
    {"readall", FC(rawiobase_readall), KN_METH_NOARGS, NULL},
    {"readinto", FC(rawiobase_not_implemented), KN_METH_O, NULL},
    {"write", FC(rawiobase_not_implemented), KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

KnTypeObject io_rawiobase_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io._RawIOBase",
    .tp_basicsize = sizeof(IoBase),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = IO_ABSTRACT_FLAGS,
    .tp_doc = "Base class for raw binary I/O.",
    .tp_methods = rawiobase_methods,
    .tp_base = &io_iobase_type,
    .tp_new = ob_type_generic_new,
};

/* ---------------------------------------------------- _BufferedIOBase */

static KnObject *unsupported_read(KnObject *self, KnObject *const *a, kn_ssize_t n)
{
    return io_unsupported("read");
}
static KnObject *unsupported_read1(KnObject *self, KnObject *const *a, kn_ssize_t n)
{
    return io_unsupported("read1");
}
static KnObject *unsupported_write(KnObject *self, KnObject *const *a, kn_ssize_t n)
{
    return io_unsupported("write");
}
static KnObject *unsupported_detach(KnObject *self, KnObject *unused)
{
    return io_unsupported("detach");
}
static KnObject *unsupported_readline(KnObject *self, KnObject *const *a, kn_ssize_t n)
{
    return io_unsupported("readline");
}

/* readinto(b) on top of read(len(b)) / read1(len(b)). */
static KnObject *readinto_generic(KnObject *self, KnObject *buffer, const char *meth,
                                  const char *fname)
{
    IoView v;
    if (io_view_get(buffer, &v, 1, fname) < 0)
        return NULL;
    KnObject *data = ob_call_method(self, meth, 1, ob_int_from_ssize(v.len));
    if (data == NULL)
        goto error;
    if (!KN_BYTES_CHECK(data)) {
        ob_err_set_string(ob_exc_TypeError, "read() should return bytes");
        goto error;
    }
    kn_ssize_t n = KN_SIZE(data);
    if (n > v.len) {
        ob_err_format(ob_exc_ValueError, "read() returned too much data: %zd bytes requested, "
                      "%zd returned", v.len, n);
        goto error;
    }
    io_memcpy(v.data, KN_BYTES_AS_STRING(data), (size_t)n);
    io_view_release(&v);
    return ob_int_from_ssize(n);
error:
    io_view_release(&v);
    return NULL;
}

static KnObject *bufferediobase_readinto(KnObject *self, KnObject *b)
{
    return readinto_generic(self, b, "read", "readinto");
}

static KnObject *bufferediobase_readinto1(KnObject *self, KnObject *b)
{
    return readinto_generic(self, b, "read1", "readinto1");
}

static KnMethodDef bufferediobase_methods[] = {
    {"detach", FC(unsupported_detach), KN_METH_NOARGS, NULL},
    {"read", FC(unsupported_read), KN_METH_FASTCALL, NULL},
    {"read1", FC(unsupported_read1), KN_METH_FASTCALL, NULL},
    {"readinto", FC(bufferediobase_readinto), KN_METH_O, NULL},
    {"readinto1", FC(bufferediobase_readinto1), KN_METH_O, NULL},
    {"write", FC(unsupported_write), KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

KnTypeObject io_bufferediobase_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io._BufferedIOBase",
    .tp_basicsize = sizeof(IoBase),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = IO_ABSTRACT_FLAGS,
    .tp_doc = "Base class for buffered IO objects.",
    .tp_methods = bufferediobase_methods,
    .tp_base = &io_iobase_type,
    .tp_new = ob_type_generic_new,
};

/* -------------------------------------------------------- _TextIOBase */

static KnObject *textiobase_none(KnObject *self, void *closure)
{
    return KN_None;
}

static KnMethodDef textiobase_methods[] = {
    {"detach", FC(unsupported_detach), KN_METH_NOARGS, NULL},
    {"read", FC(unsupported_read), KN_METH_FASTCALL, NULL},
    {"readline", FC(unsupported_readline), KN_METH_FASTCALL, NULL},
    {"write", FC(unsupported_write), KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef textiobase_getset[] = {
    {"encoding", textiobase_none, NULL, "Encoding of the text stream.", NULL},
    {"newlines", textiobase_none, NULL, "Line endings translated so far.", NULL},
    {"errors", textiobase_none, NULL, "The error setting of the decoder or encoder.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject io_textiobase_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io._TextIOBase",
    .tp_basicsize = sizeof(IoBase),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = IO_ABSTRACT_FLAGS,
    .tp_doc = "Base class for text I/O.",
    .tp_methods = textiobase_methods,
    .tp_getset = textiobase_getset,
    .tp_base = &io_iobase_type,
    .tp_new = ob_type_generic_new,
};
