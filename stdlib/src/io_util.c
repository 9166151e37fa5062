/*
 * io_util.c — helpers every `_io` class uses: closed/readable checks that
 * go through the (overridable) attributes, argument conversions, views of
 * bytes-like objects and a growable byte buffer.
 */
#include <errno.h>
#include <string.h>

#include "libgc/gc.h"
#include "io_internal.h"

KnObject *io_unsupported(const char *msg)
{
    ob_err_set_string(io_unsupported_operation, msg);
    return NULL;
}

KnObject *io_err_closed(void)
{
    ob_err_set_string(ob_exc_ValueError, "I/O operation on closed file.");
    return NULL;
}

KnObject *io_err_errno(KnObject *filename)
{
    return ob_err_from_errno(ob_exc_OSError, filename);
}

KnObject *io_close_finish(KnObject *first, KnObject *second)
{
    if (first == NULL)
        return second == NULL ? NULL : KN_None;
    if (second == NULL) {
        KnObject *cur = ob_err_fetch();
        ob_exc_set_context(cur, first);
        ob_err_restore(cur);
    } else {
        ob_err_restore(first);
    }
    return NULL;
}

int io_truncate_size(KnObject *const *args, kn_ssize_t nargs, kn_ssize_t pos, const char *negfmt,
                     kn_ssize_t *size)
{
    *size = pos;
    if (nargs == 0 || args[0] == KN_None)
        return 0;
    if (io_size_arg(args[0], size) < 0)
        return -1;
    if (*size < 0) {
        ob_err_format(ob_exc_ValueError, negfmt, *size);
        return -1;
    }
    return 0;
}

int io_whence_arg(KnObject *const *args, kn_ssize_t nargs, long long *whence)
{
    *whence = 0;
    if (nargs < 2)
        return 0;
    *whence = ob_int_as_long_long(args[1]);
    return *whence == -1 && ob_err_occurred() ? -1 : 0;
}

int io_is_closed(KnObject *self)
{
    KnObject *c = ob_getattr_str(self, "closed");
    if (c == NULL)
        return -1;
    return ob_is_true(c);
}

int io_check_closed(KnObject *self)
{
    int c = io_is_closed(self);
    if (c < 0)
        return -1;
    if (c) {
        io_err_closed();
        return -1;
    }
    return 0;
}

int io_call_bool(KnObject *self, const char *meth)
{
    KnObject *r = ob_call_method(self, meth, 0);
    if (r == NULL)
        return -1;
    return ob_is_true(r);
}

static int check_able(KnObject *self, const char *meth, const char *msg)
{
    KnObject *r = ob_call_method(self, meth, 0);
    if (r == NULL)
        return -1;
    if (r != KN_True) {
        /* CPython insists on the True object itself here. */
        io_unsupported(msg);
        return -1;
    }
    return 0;
}

int io_check_readable(KnObject *self)
{
    return check_able(self, "readable", "File or stream is not readable.");
}

int io_check_writable(KnObject *self)
{
    return check_able(self, "writable", "File or stream is not writable.");
}

int io_check_seekable(KnObject *self)
{
    return check_able(self, "seekable", "File or stream is not seekable.");
}

int io_size_arg(KnObject *o, kn_ssize_t *out)
{
    if (o == NULL || o == KN_None) {
        *out = -1;
        return 0;
    }
    if (!ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "argument should be integer or None, not '%s'",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    kn_ssize_t n = ob_number_as_ssize(o, ob_exc_OverflowError);
    if (n == -1 && ob_err_occurred())
        return -1;
    *out = n;
    return 0;
}

int io_offset_arg(KnObject *o, off_t *out)
{
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    long long v = ob_int_as_long_long(i);
    if (v == -1 && ob_err_occurred())
        return -1;
    *out = (off_t)v;
    return 0;
}

int io_view_get(KnObject *o, IoView *v, int writable, const char *fname)
{
    memset(v, 0, sizeof *v);
    /* through the buffer protocol, so a bytearray is locked against
     * resizing (ob_exports) while its memory is in use */
    KnBufferProcs *bp = KN_TYPE(o)->tp_as_buffer;
    if (bp != NULL && bp->bf_getbuffer != NULL) {
        /* PyBUF_SIMPLE (0) or PyBUF_WRITABLE (1) */
        if (bp->bf_getbuffer(o, &v->view, writable ? 1 : 0) == 0) {
            v->has_view = 1;
            v->data = v->view.buf;
            v->len = v->view.len;
            return 0;
        }
        if (!writable)
            return -1;
        ob_err_clear();
    }
    if (writable)
        ob_err_format(ob_exc_TypeError, "%s() argument must be read-write bytes-like object, not %s",
                      fname, ob_type_name(KN_TYPE(o)));
    else
        ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                      ob_type_name(KN_TYPE(o)));
    return -1;
}

void io_view_release(IoView *v)
{
    if (v->has_view) {
        KnObject *o = v->view.obj;
        if (o != NULL && KN_TYPE(o)->tp_as_buffer && KN_TYPE(o)->tp_as_buffer->bf_releasebuffer)
            KN_TYPE(o)->tp_as_buffer->bf_releasebuffer(o, &v->view);
        v->has_view = 0;
    }
}

int io_bytes_reserve(IoBytes *b, kn_ssize_t need)
{
    if (need <= b->cap)
        return 0;
    kn_ssize_t cap = b->cap < 64 ? 64 : b->cap;
    while (cap < need) {
        if (cap > KN_SSIZE_HALF) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    char *p = b->data ? kgc_realloc(b->data, (size_t)cap) : kgc_alloc_atomic((size_t)cap);
    if (p == NULL) {
        ob_err_nomemory();
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

int io_bytes_append(IoBytes *b, const char *data, kn_ssize_t n)
{
    if (n == 0)
        return 0;
    if (n > KN_SSIZE_MAX - b->len) {
        ob_err_nomemory();
        return -1;
    }
    if (io_bytes_reserve(b, b->len + n) < 0)
        return -1;
    io_memcpy(b->data + b->len, data, (size_t)n);
    b->len += n;
    return 0;
}
