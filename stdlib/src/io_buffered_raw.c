/*
 * io_buffered_raw.c — how the buffered classes talk to their raw stream.
 *
 * An exact FileIO is driven through its C entry points (no bytearray copy,
 * no method look-up); anything else through its Python-visible methods,
 * with CPython's checks on what they return.
 */
#include <errno.h>
#include <string.h>

#include "io_buffered.h"

kn_ssize_t io_raw_read(IoBuffered *b, char *buf, kn_ssize_t n)
{
    if (b->raw_fileio)
        return io_fileio_read_raw(b->raw, buf, n);
    KnObject *ba = ob_bytearray_from_data(NULL, n);
    if (ba == NULL)
        return -1;
    KnObject *r = ob_call_method(b->raw, "readinto", 1, ba);
    if (r == NULL)
        return -1;
    if (r == KN_None)
        return -2;
    kn_ssize_t got = ob_number_as_ssize(r, ob_exc_ValueError);
    if (got == -1 && ob_err_occurred())
        return -1;
    if (got < 0 || got > n) {
        ob_err_format(ob_exc_OSError, "raw readinto() returned invalid length %zd "
                      "(should have been between 0 and %zd)", got, n);
        return -1;
    }
    io_memcpy(buf, ((KnByteArrayObject *)ba)->ob_start, (size_t)got);
    return got;
}

kn_ssize_t io_raw_write(IoBuffered *b, const char *buf, kn_ssize_t n)
{
    if (b->raw_fileio)
        return io_fileio_write_raw(b->raw, buf, n);
    KnObject *data = ob_bytes_from_data(buf, n);
    if (data == NULL)
        return -1;
    KnObject *r = ob_call_method(b->raw, "write", 1, data);
    if (r == NULL)
        return -1;
    if (r == KN_None)
        return -2;
    kn_ssize_t put = ob_number_as_ssize(r, ob_exc_ValueError);
    if (put == -1 && ob_err_occurred())
        return -1;
    if (put < 0 || put > n) {
        ob_err_format(ob_exc_OSError, "raw write() returned invalid length %zd "
                      "(should have been between 0 and %zd)", put, n);
        return -1;
    }
    return put;
}

int io_raw_write_all(IoBuffered *b, const char *buf, kn_ssize_t n)
{
    while (n > 0) {
        kn_ssize_t put = io_raw_write(b, buf, n);
        if (put == -1)
            return -1;
        if (put == -2) {
            KnObject *args = ob_tuple_pack(3, ob_int_from_ssize(EAGAIN),
                                           ob_str_from_cstr("write could not complete without blocking"),
                                           ob_int_from_ssize(0));
            if (args != NULL)
                ob_err_set_object(ob_exc_BlockingIOError, args);
            return -1;
        }
        buf += put;
        n -= put;
    }
    return 0;
}

static off_t position_of(KnObject *r)
{
    if (r == NULL)
        return -1;
    KnObject *i = ob_number_index(r);
    if (i == NULL)
        return -1;
    long long v = ob_int_as_long_long(i);
    if (v == -1 && ob_err_occurred())
        return -1;
    if (v < 0) {
        ob_err_format(ob_exc_OSError, "Raw stream returned invalid position %lld", v);
        return -1;
    }
    return (off_t)v;
}

off_t io_raw_seek(IoBuffered *b, off_t off, int whence)
{
    return position_of(ob_call_method(b->raw, "seek", 2, ob_int_from_long_long((long long)off),
                                      ob_int_from_ssize(whence)));
}

off_t io_raw_tell(IoBuffered *b)
{
    return position_of(ob_call_method(b->raw, "tell", 0));
}
