/*
 * io_bytesio.c — _io.BytesIO, a binary stream over a growable buffer.
 *
 * Invariants: 0 <= len <= cap; pos may lie past len (a later write pads
 * with zero bytes, as CPython); `closed` once close() ran.
 */
#include <string.h>

#include "io_internal.h"
#include "libobject/memoryview.h"

typedef struct IoBytesIO {
    IO_BASE_HEAD;
    IoBytes buf;
    kn_ssize_t pos;
    int closed;
    kn_ssize_t exports;     /* live buffer views from getbuffer() */
} IoBytesIO;

#define BIO(o) ((IoBytesIO *)(o))
#define CHECK_OPEN(self) do { if (BIO(self)->closed) return io_err_closed(); } while (0)
/* While getbuffer() views are alive the data must not move or shrink. */
#define CHECK_EXPORTS(self)                                                        \
    do {                                                                           \
        if (BIO(self)->exports > 0) {                                              \
            ob_err_set_string(ob_exc_BufferError,                                  \
                              "Existing exports of data: object cannot be re-sized"); \
            return NULL;                                                           \
        }                                                                          \
    } while (0)

static int bytesio_write_data(IoBytesIO *b, const char *data, kn_ssize_t n)
{
    if (n == 0)
        return 0;
    if (n > KN_SSIZE_MAX - b->pos) {
        ob_err_set_string(ob_exc_OverflowError, "new buffer size too large");
        return -1;
    }
    kn_ssize_t end = b->pos + n;
    if (io_bytes_reserve(&b->buf, end) < 0)
        return -1;
    if (b->pos > b->buf.len)
        memset(b->buf.data + b->buf.len, 0, (size_t)(b->pos - b->buf.len));
    io_memcpy(b->buf.data + b->pos, data, (size_t)n);
    b->pos = end;
    if (end > b->buf.len)
        b->buf.len = end;
    return 0;
}

static const char *const bio_kw[] = {"initial_bytes", NULL};
static const KnArgSpec bio_spec = {"BytesIO", bio_kw, 0, 1, 0};

static int bytesio_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *a[1];
    if (ob_args_parse_tuple(&bio_spec, args, kwargs, a) < 0)
        return -1;
    IoBytesIO *b = BIO(self);
    b->buf.len = 0;
    b->pos = 0;
    b->closed = 0;
    if (a[0] != NULL && a[0] != KN_None) {
        IoView v;
        if (io_view_get(a[0], &v, 0, "BytesIO") < 0)
            return -1;
        int r = bytesio_write_data(b, v.data, v.len);
        io_view_release(&v);
        if (r < 0)
            return -1;
        b->pos = 0;
    }
    return 0;
}

/* Bytes available from pos, clipped to size (size < 0: all). */
static kn_ssize_t avail(IoBytesIO *b, kn_ssize_t size)
{
    kn_ssize_t n = b->buf.len - b->pos;
    if (n < 0)
        n = 0;
    if (size >= 0 && size < n)
        n = size;
    return n;
}

static KnObject *take(IoBytesIO *b, kn_ssize_t n)
{
    KnObject *r = ob_bytes_from_data(b->buf.data + b->pos, n);
    if (r != NULL)
        b->pos += n;
    return r;
}

static KnObject *bytesio_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("read", nargs, 0, 1) < 0)
        return NULL;
    CHECK_OPEN(self);
    kn_ssize_t size;
    if (io_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    return take(BIO(self), avail(BIO(self), size));
}

/* Length of the next line (through '\n') within size. */
static kn_ssize_t line_len(IoBytesIO *b, kn_ssize_t size)
{
    kn_ssize_t n = avail(b, size);
    const char *start = b->buf.data + b->pos;
    const char *nl = n > 0 ? memchr(start, '\n', (size_t)n) : NULL;
    return nl ? nl - start + 1 : n;
}

static KnObject *bytesio_readline(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("readline", nargs, 0, 1) < 0)
        return NULL;
    CHECK_OPEN(self);
    kn_ssize_t size;
    if (io_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    return take(BIO(self), line_len(BIO(self), size));
}

static KnObject *bytesio_readlines(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("readlines", nargs, 0, 1) < 0)
        return NULL;
    CHECK_OPEN(self);
    kn_ssize_t hint;
    if (io_size_arg(nargs ? args[0] : NULL, &hint) < 0)
        return NULL;
    KnObject *out = ob_list_new(0);
    if (out == NULL)
        return NULL;
    kn_ssize_t total = 0, n;
    while ((n = line_len(BIO(self), -1)) > 0) {
        KnObject *line = take(BIO(self), n);
        if (line == NULL || ob_list_append(out, line) < 0)
            return NULL;
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return out;
}

static KnObject *bytesio_readinto(KnObject *self, KnObject *buffer)
{
    CHECK_OPEN(self);
    IoView v;
    if (io_view_get(buffer, &v, 1, "readinto") < 0)
        return NULL;
    IoBytesIO *b = BIO(self);
    kn_ssize_t n = avail(b, v.len);
    io_memcpy(v.data, b->buf.data + b->pos, (size_t)n);
    b->pos += n;
    io_view_release(&v);
    return ob_int_from_ssize(n);
}

static KnObject *bytesio_write(KnObject *self, KnObject *data)
{
    CHECK_OPEN(self);
    CHECK_EXPORTS(self);
    IoView v;
    if (io_view_get(data, &v, 0, "write") < 0)
        return NULL;
    int r = bytesio_write_data(BIO(self), v.data, v.len);
    kn_ssize_t n = v.len;
    io_view_release(&v);
    return r < 0 ? NULL : ob_int_from_ssize(n);
}

static KnObject *bytesio_writelines(KnObject *self, KnObject *lines)
{
    CHECK_OPEN(self);
    KnObject *it = ob_get_iter(lines), *line;
    if (it == NULL)
        return NULL;
    while ((line = ob_iter_next(it)) != NULL)
        if (bytesio_write(self, line) == NULL)
            return NULL;
    return ob_err_occurred() ? NULL : KN_None;
}

static KnObject *bytesio_seek(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("seek", nargs, 1, 2) < 0)
        return NULL;
    CHECK_OPEN(self);
    kn_ssize_t pos = ob_number_as_ssize(args[0], ob_exc_OverflowError);
    if (pos == -1 && ob_err_occurred())
        return NULL;
    long long whence;
    if (io_whence_arg(args, nargs, &whence) < 0)
        return NULL;
    if (whence < 0 || whence > 2)
        return ob_err_format(ob_exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", whence);
    if (whence == 0 && pos < 0)
        return ob_err_format(ob_exc_ValueError, "negative seek value %zd", pos);
    IoBytesIO *b = BIO(self);
    if (whence == 1) {
        if (pos > KN_SSIZE_MAX - b->pos)
            return ob_err_format(ob_exc_OverflowError, "new position too large");
        pos += b->pos;
    } else if (whence == 2) {
        if (pos > KN_SSIZE_MAX - b->buf.len)
            return ob_err_format(ob_exc_OverflowError, "new position too large");
        pos += b->buf.len;
    }
    b->pos = pos < 0 ? 0 : pos;
    return ob_int_from_ssize(b->pos);
}

static KnObject *bytesio_tell(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(self);
    return ob_int_from_ssize(BIO(self)->pos);
}

static KnObject *bytesio_truncate(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("truncate", nargs, 0, 1) < 0)
        return NULL;
    CHECK_OPEN(self);
    CHECK_EXPORTS(self);
    IoBytesIO *b = BIO(self);
    kn_ssize_t size;
    if (io_truncate_size(args, nargs, b->pos, "negative size value %zd", &size) < 0)
        return NULL;
    if (size < b->buf.len)
        b->buf.len = size;
    return ob_int_from_ssize(size);
}

static KnObject *bytesio_getvalue(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(self);
    return ob_bytes_from_data(BIO(self)->buf.data, BIO(self)->buf.len);
}

/* getbuffer() hands out a memoryview over the BytesIO's own bytes through a
 * small exporter object (CPython's _io._BytesIOBuffer): each view it
 * exports counts in the BytesIO's `exports`, which blocks resizing until
 * the view is released (explicitly, or when the collector finds it dead). */
typedef struct IoBytesIOBuffer {
    KN_OBJECT_HEAD;
    KnObject *source;       /* the BytesIO */
} IoBytesIOBuffer;

static int biobuf_getbuffer(KnObject *self, KnBuffer *view, int flags)
{
    IoBytesIO *b = BIO(((IoBytesIOBuffer *)self)->source);
    if (ob_bytes_fill_buffer(view, self, b->buf.data, b->buf.len, 0, flags) < 0)
        return -1;
    b->exports++;
    return 0;
}

static void biobuf_releasebuffer(KnObject *self, KnBuffer *view)
{
    BIO(((IoBytesIOBuffer *)self)->source)->exports--;
}

static KnBufferProcs biobuf_as_buffer = { biobuf_getbuffer, biobuf_releasebuffer };

KnTypeObject io_bytesiobuffer_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io._BytesIOBuffer",
    .tp_basicsize = sizeof(IoBytesIOBuffer),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_as_buffer = &biobuf_as_buffer,
};

static KnObject *bytesio_getbuffer(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(self);
    IoBytesIOBuffer *e = (IoBytesIOBuffer *)ob_type_generic_alloc(&io_bytesiobuffer_type, 0);
    if (e == NULL)
        return NULL;
    e->source = self;
    return ob_memoryview_from_object((KnObject *)e);
}

static KnObject *bytesio_true(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(self);
    return KN_True;
}

static KnObject *bytesio_false(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(self);
    return KN_False;
}

static KnObject *bytesio_flush(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(self);
    return KN_None;
}

static KnObject *bytesio_close(KnObject *self, KnObject *unused)
{
    CHECK_EXPORTS(self);
    BIO(self)->closed = 1;
    BIO(self)->iobase_closed = 1;
    BIO(self)->buf = (IoBytes){0};
    return KN_None;
}

static KnObject *bytesio_getstate(KnObject *self, KnObject *unused)
{
    KnObject *v = bytesio_getvalue(self, NULL);
    if (v == NULL)
        return NULL;
    KnObject *d = BIO(self)->dict;
    if (d == NULL)
        d = KN_None;
    else if ((d = ob_dict_copy(d)) == NULL)
        return NULL;
    return ob_tuple_pack(3, v, ob_int_from_ssize(BIO(self)->pos), d);
}

static KnObject *bytesio_setstate(KnObject *self, KnObject *state)
{
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) < 3)
        return ob_err_format(ob_exc_TypeError,
                             "%s.__setstate__ argument should be 3-tuple, got %s",
                             ob_type_name(KN_TYPE(self)), ob_type_name(KN_TYPE(state)));
    CHECK_OPEN(self);
    CHECK_EXPORTS(self);
    IoBytesIO *b = BIO(self);
    IoView v;
    if (io_view_get(KN_TUPLE_GET(state, 0), &v, 0, "__setstate__") < 0)
        return NULL;
    b->buf.len = 0;
    b->pos = 0;
    int r = bytesio_write_data(b, v.data, v.len);
    io_view_release(&v);
    if (r < 0)
        return NULL;
    KnObject *p = KN_TUPLE_GET(state, 1);
    if (!KN_INT_CHECK(p))
        return ob_err_format(ob_exc_TypeError, "second item of state must be an integer, not %s",
                             ob_type_name(KN_TYPE(p)));
    kn_ssize_t pos = ob_int_as_ssize(p);
    if (pos == -1 && ob_err_occurred())
        return NULL;
    if (pos < 0)
        return ob_err_format(ob_exc_ValueError, "position value cannot be negative");
    b->pos = pos;
    KnObject *d = KN_TUPLE_GET(state, 2);
    if (d != KN_None) {
        if (!KN_DICT_CHECK(d))
            return ob_err_format(ob_exc_TypeError, "third item of state should be a dict, got a %s",
                                 ob_type_name(KN_TYPE(d)));
        if (b->dict == NULL && (b->dict = ob_dict_new()) == NULL)
            return NULL;
        if (ob_dict_update(b->dict, d) < 0)
            return NULL;
    }
    return KN_None;
}

static KnObject *bytesio_iternext(KnObject *self)
{
    if (BIO(self)->closed)
        return io_err_closed();
    if (KN_TYPE(self) != &io_bytesio_type)
        return io_iobase_iternext(self);
    kn_ssize_t n = line_len(BIO(self), -1);
    return n == 0 ? NULL : take(BIO(self), n);
}

static KnObject *bytesio_closed_get(KnObject *self, void *c)
{
    return KN_BOOL(BIO(self)->closed);
}

static KnMethodDef bytesio_methods[] = {
    {"readable", FC(bytesio_true), KN_METH_NOARGS, NULL},
    {"seekable", FC(bytesio_true), KN_METH_NOARGS, NULL},
    {"writable", FC(bytesio_true), KN_METH_NOARGS, NULL},
    {"close", FC(bytesio_close), KN_METH_NOARGS, NULL},
    {"flush", FC(bytesio_flush), KN_METH_NOARGS, NULL},
    {"isatty", FC(bytesio_false), KN_METH_NOARGS, NULL},
    {"tell", FC(bytesio_tell), KN_METH_NOARGS, NULL},
    {"write", FC(bytesio_write), KN_METH_O, NULL},
    {"writelines", FC(bytesio_writelines), KN_METH_O, NULL},
    {"read1", FC(bytesio_read), KN_METH_FASTCALL, NULL},
    {"readinto", FC(bytesio_readinto), KN_METH_O, NULL},
    {"readline", FC(bytesio_readline), KN_METH_FASTCALL, NULL},
    {"readlines", FC(bytesio_readlines), KN_METH_FASTCALL, NULL},
    {"read", FC(bytesio_read), KN_METH_FASTCALL, NULL},
    {"getbuffer", FC(bytesio_getbuffer), KN_METH_NOARGS, NULL},
    {"getvalue", FC(bytesio_getvalue), KN_METH_NOARGS, NULL},
    {"seek", FC(bytesio_seek), KN_METH_FASTCALL, NULL},
    {"truncate", FC(bytesio_truncate), KN_METH_FASTCALL, NULL},
    {"__getstate__", FC(bytesio_getstate), KN_METH_NOARGS, NULL},
    {"__setstate__", FC(bytesio_setstate), KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef bytesio_getset[] = {
    {"closed", bytesio_closed_get, NULL, "True if the file is closed.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject io_bytesio_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(IoBytesIO),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "Buffered I/O implementation using an in-memory bytes buffer.",
    .tp_iternext = bytesio_iternext,
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getset,
    .tp_base = &io_bufferediobase_type,
    .tp_init = bytesio_init,
    .tp_new = ob_type_generic_new,
};
