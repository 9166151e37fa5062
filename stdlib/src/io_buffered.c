/*
 * io_buffered.c — BufferedReader, BufferedWriter and BufferedRandom: one
 * object layout (io_buffered.h), three method tables.
 *
 * The buffer is either read-ahead or pending writes, never both: writing
 * after a read first moves the raw stream back over the unread bytes,
 * reading after a write first flushes.  A read that asks for at least a
 * whole buffer goes straight to the raw stream.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "libgc/gc.h"
#include "io_buffered.h"

#define BUF(o) ((IoBuffered *)(o))

/* ------------------------------------------------------------- checks */

static int check_init(IoBuffered *b)
{
    if (!b->ok) {
        ob_err_set_string(ob_exc_ValueError, b->detached ? "raw stream has been detached"
                                                         : "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

static int raw_closed(IoBuffered *b)
{
    if (b->raw_fileio)
        return io_fileio_closed(b->raw);
    return io_is_closed(b->raw);
}

static kn_ssize_t avail(IoBuffered *b)
{
    return b->read_end - b->pos;
}

/* Initialised, and open unless read-ahead is left (CPython reads what it
 * buffered even after the raw stream closed). */
static int check_open(IoBuffered *b, const char *msg)
{
    if (check_init(b) < 0)
        return -1;
    int c = raw_closed(b);
    if (c < 0)
        return -1;
    if (c && avail(b) == 0) {
        ob_err_set_string(ob_exc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------ buffer motion */

static int flush_writes(IoBuffered *b)
{
    if (b->wlen == 0)
        return 0;
    kn_ssize_t n = b->wlen;
    b->wlen = 0;
    if (io_raw_write_all(b, b->buf, n) < 0) {
        return -1;
    }
    return 0;
}

/* Give back unread read-ahead: the raw stream moves to the logical
 * position. */
static int drop_read(IoBuffered *b)
{
    kn_ssize_t left = avail(b);
    b->pos = b->read_end = 0;
    if (left > 0 && io_raw_seek(b, -(off_t)left, SEEK_CUR) < 0)
        return -1;
    return 0;
}

/* Refill the (empty) read buffer once: the count, 0 at EOF, -2, -1. */
static kn_ssize_t fill(IoBuffered *b)
{
    b->pos = b->read_end = 0;
    if (flush_writes(b) < 0)
        return -1;
    kn_ssize_t n = io_raw_read(b, b->buf, b->size);
    if (n > 0)
        b->read_end = n;
    return n;
}

/* Copy up to n buffered bytes to dst; the count. */
static kn_ssize_t take(IoBuffered *b, char *dst, kn_ssize_t n)
{
    kn_ssize_t k = avail(b) < n ? avail(b) : n;
    io_memcpy(dst, b->buf + b->pos, (size_t)k);
    b->pos += k;
    return k;
}

/* flush + bring the raw stream to the logical position. */
static int flush_and_rewind(IoBuffered *b)
{
    if (flush_writes(b) < 0)
        return -1;
    if (b->readable && drop_read(b) < 0)
        return -1;
    return 0;
}

/* Append to the read-ahead from the raw stream once: count, 0, -2, -1. */
static kn_ssize_t fill_more(IoBuffered *b)
{
    kn_ssize_t n = io_raw_read(b, b->buf + b->read_end, b->size - b->read_end);
    if (n > 0)
        b->read_end += n;
    return n;
}

/* Read into dst[0, n) until full or EOF; *blocked when the raw stream
 * would block before anything came.  The count, or -1.  CPython's order
 * of raw reads (it decides what stays buffered, which peek() and read1()
 * show): whole multiples of the buffer size straight into dst, then the
 * rest through the buffer, refilling at its end while it has room. */
static kn_ssize_t read_into(IoBuffered *b, char *dst, kn_ssize_t n, int *blocked)
{
    kn_ssize_t got = take(b, dst, n), rem = n - got;
    *blocked = 0;
    if (rem == 0)
        return got;
    if (flush_writes(b) < 0)
        return -1;
    b->pos = b->read_end = 0;
    while (rem >= b->size) {
        kn_ssize_t r = io_raw_read(b, dst + got, rem - rem % b->size);
        if (r == -1)
            return -1;
        if (r <= 0) {
            *blocked = r == -2 && got == 0;
            return got;
        }
        got += r;
        rem -= r;
    }
    while (rem > 0 && b->read_end < b->size) {
        kn_ssize_t r = fill_more(b);
        if (r == -1)
            return -1;
        if (r <= 0) {
            *blocked = r == -2 && got == 0;
            break;
        }
        kn_ssize_t k = take(b, dst + got, rem);
        got += k;
        rem -= k;
    }
    return got;
}

/* readinto(b) / readinto1(b), CPython's way: what is buffered, then raw
 * reads straight into b while more than a buffer is missing, else through
 * the buffer; readinto1 makes at most one raw read, and none through the
 * buffer once it has something. */
static kn_ssize_t readinto_raw(IoBuffered *b, char *dst, kn_ssize_t n, int one, int *blocked)
{
    kn_ssize_t got = take(b, dst, n), rem = n - got;
    *blocked = 0;
    if (rem == 0)
        return got;
    if (flush_writes(b) < 0)
        return -1;
    b->pos = b->read_end = 0;
    while (rem > 0) {
        kn_ssize_t r;
        if (rem > b->size) {
            r = io_raw_read(b, dst + got, rem);
        } else if (!(one && got > 0)) {
            b->pos = b->read_end = 0;
            r = fill_more(b);
            if (r > 0) {
                kn_ssize_t k = take(b, dst + got, rem);
                got += k;
                rem -= k;
                continue;
            }
        } else {
            r = 0;
        }
        if (r == -1)
            return -1;
        if (r == 0 || r == -2) {
            *blocked = r == -2 && got == 0;
            break;
        }
        got += r;
        rem -= r;
        if (one)
            break;
    }
    return got;
}

/* Like read_into, but at most one raw read, and none when data is
 * buffered; the read-ahead is not refilled. */
static kn_ssize_t read1_into(IoBuffered *b, char *dst, kn_ssize_t n, int *blocked)
{
    *blocked = 0;
    if (n == 0)
        return 0;
    if (avail(b) > 0)
        return take(b, dst, n);
    /* nothing buffered: one raw read straight into dst (CPython 3.11) */
    if (flush_writes(b) < 0)
        return -1;
    b->pos = b->read_end = 0;
    kn_ssize_t r = io_raw_read(b, dst, n);
    return r == -2 ? 0 : r;     /* would block: b'' (never None) */
}

static KnObject *read_all(IoBuffered *b)
{
    IoBytes out = {0};
    if (io_bytes_append(&out, b->buf + b->pos, avail(b)) < 0)
        return NULL;
    b->pos = b->read_end = 0;
    if (flush_writes(b) < 0)
        return NULL;
    KnObject *readall = NULL;
    if (ob_lookup_attr(b->raw, ob_str_intern_cstr("readall"), &readall) < 0)
        return NULL;
    for (;;) {
        KnObject *chunk = readall ? ob_call_noargs(readall)
                                  : ob_call_method(b->raw, "read", 0);
        if (chunk == NULL)
            return NULL;
        if (chunk == KN_None) {
            if (out.len == 0)
                return KN_None;
            break;
        }
        if (!KN_BYTES_CHECK(chunk))
            return ob_err_format(ob_exc_TypeError, "%s() should return bytes",
                                 readall ? "readall" : "read");
        if (io_bytes_append(&out, KN_BYTES_AS_STRING(chunk), KN_SIZE(chunk)) < 0)
            return NULL;
        if (readall || KN_SIZE(chunk) == 0)
            break;
    }
    return ob_bytes_from_data(out.data, out.len);
}

/* ------------------------------------------------------------ reading */

static int size_arg(KnObject *const *args, kn_ssize_t nargs, const char *fname, kn_ssize_t *n)
{
    if (ob_args_check_positional(fname, nargs, 0, 1) < 0)
        return -1;
    return io_size_arg(nargs ? args[0] : NULL, n);
}

/* n bytes (fewer at EOF) read by `fill` into a fresh bytes; None when the
 * raw stream would block before anything came. */
static KnObject *read_bytes(IoBuffered *b, kn_ssize_t n,
                            kn_ssize_t (*fill)(IoBuffered *, char *, kn_ssize_t, int *))
{
    KnObject *out = ob_bytes_new_uninit(n);
    if (out == NULL)
        return NULL;
    int blocked;
    kn_ssize_t got = fill(b, KN_BYTES_AS_STRING(out), n, &blocked);
    if (got < 0)
        return NULL;
    if (blocked)
        return KN_None;
    return got == n ? out : ob_bytes_from_data(KN_BYTES_AS_STRING(out), got);
}

static KnObject *buffered_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoBuffered *b = BUF(self);
    kn_ssize_t n;
    if (check_init(b) < 0 || size_arg(args, nargs, "read", &n) < 0)
        return NULL;
    if (n < -1)
        return ob_err_format(ob_exc_ValueError, "read length must be non-negative or -1");
    if (check_open(b, "read of closed file") < 0)
        return NULL;
    if (n == -1)
        return read_all(b);
    if (n <= avail(b)) {
        KnObject *r = ob_bytes_from_data(b->buf + b->pos, n);
        b->pos += n;
        return r;
    }
    return read_bytes(b, n, read_into);
}

static KnObject *buffered_read1(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoBuffered *b = BUF(self);
    kn_ssize_t n;
    if (check_init(b) < 0 || size_arg(args, nargs, "read1", &n) < 0)
        return NULL;
    if (n < 0)
        n = b->size;
    if (check_open(b, "read of closed file") < 0)
        return NULL;
    return read_bytes(b, n, read1_into);
}

static KnObject *buffered_peek(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoBuffered *b = BUF(self);
    kn_ssize_t n;
    if (check_init(b) < 0 || size_arg(args, nargs, "peek", &n) < 0)
        return NULL;
    if (check_open(b, "peek of closed file") < 0)
        return NULL;
    /* a BufferedRandom flushes and gives back its read-ahead first, so
     * peek() always shows a fresh buffer (CPython) */
    if (b->writable && flush_and_rewind(b) < 0)
        return NULL;
    if (avail(b) == 0) {
        kn_ssize_t r = fill(b);
        if (r == -1)
            return NULL;
    }
    return ob_bytes_from_data(b->buf + b->pos, avail(b));
}

static KnObject *readinto_common(KnObject *self, KnObject *buffer, int one, const char *fname)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    IoView v;
    if (io_view_get(buffer, &v, 1, fname) < 0)
        return NULL;
    KnObject *res = NULL;
    if (check_open(b, "readinto of closed file") < 0)
        goto done;
    int blocked;
    kn_ssize_t got = readinto_raw(b, v.data, v.len, one, &blocked);
    if (got >= 0)
        res = blocked ? KN_None : ob_int_from_ssize(got);
done:
    io_view_release(&v);
    return res;
}

static KnObject *buffered_readinto(KnObject *self, KnObject *buffer)
{
    return readinto_common(self, buffer, 0, "readinto");
}

static KnObject *buffered_readinto1(KnObject *self, KnObject *buffer)
{
    return readinto_common(self, buffer, 1, "readinto1");
}

static KnObject *readline_limit(IoBuffered *b, kn_ssize_t limit)
{
    IoBytes out = {0};
    for (;;) {
        kn_ssize_t k = avail(b);
        if (limit >= 0 && k > limit - out.len)
            k = limit - out.len;
        const char *start = b->buf + b->pos;
        const char *nl = k > 0 ? memchr(start, '\n', (size_t)k) : NULL;
        if (nl != NULL)
            k = nl - start + 1;
        if (io_bytes_append(&out, start, k) < 0)
            return NULL;
        b->pos += k;
        if (nl != NULL || (limit >= 0 && out.len >= limit))
            break;
        kn_ssize_t r = fill(b);
        if (r == -1)
            return NULL;
        if (r <= 0)
            break;
    }
    return ob_bytes_from_data(out.data, out.len);
}

static KnObject *buffered_readline(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoBuffered *b = BUF(self);
    kn_ssize_t n;
    if (check_init(b) < 0 || size_arg(args, nargs, "readline", &n) < 0)
        return NULL;
    if (check_open(b, "readline of closed file") < 0)
        return NULL;
    return readline_limit(b, n);
}

static KnObject *buffered_iternext(KnObject *self)
{
    KnTypeObject *t = KN_TYPE(self);
    if (t != &io_bufferedreader_type && t != &io_bufferedrandom_type)
        return io_iobase_iternext(self);
    IoBuffered *b = BUF(self);
    if (check_open(b, "readline of closed file") < 0)
        return NULL;
    KnObject *line = readline_limit(b, -1);
    if (line == NULL || KN_SIZE(line) == 0)
        return NULL;
    return line;
}

/* ------------------------------------------------------------ writing */

static KnObject *buffered_write(KnObject *self, KnObject *data)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    IoView v;
    if (io_view_get(data, &v, 0, "write") < 0)
        return NULL;
    KnObject *res = NULL;
    int c = raw_closed(b);
    if (c < 0)
        goto done;
    if (c) {
        ob_err_set_string(ob_exc_ValueError, "write to closed file");
        goto done;
    }
    if (b->read_end > 0 && drop_read(b) < 0)
        goto done;
    if (b->wlen + v.len <= b->size) {
        io_memcpy(b->buf + b->wlen, v.data, (size_t)v.len);
        b->wlen += v.len;
    } else {
        if (flush_writes(b) < 0)
            goto done;
        if (v.len >= b->size) {
            if (io_raw_write_all(b, v.data, v.len) < 0)
                goto done;
        } else {
            io_memcpy(b->buf, v.data, (size_t)v.len);
            b->wlen = v.len;
        }
    }
    res = ob_int_from_ssize(v.len);
done:
    io_view_release(&v);
    return res;
}

static KnObject *buffered_flush(KnObject *self, KnObject *unused)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    if (!b->writable)
        return ob_call_method(b->raw, "flush", 0);
    int c = raw_closed(b);
    if (c < 0)
        return NULL;
    if (c) {
        ob_err_set_string(ob_exc_ValueError, "flush of closed file");
        return NULL;
    }
    return flush_and_rewind(b) < 0 ? NULL : KN_None;
}

/* ----------------------------------------------------------- position */

static KnObject *buffered_seek(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0 || ob_args_check_positional("seek", nargs, 1, 2) < 0)
        return NULL;
    long long w;
    if (io_whence_arg(args, nargs, &w) < 0)
        return NULL;
    if (w < 0 || w > 4)     /* SEEK_DATA and SEEK_HOLE pass through */
        return ob_err_format(ob_exc_ValueError, "whence value %lld unsupported", w);
    int whence = (int)w;
    if (check_open(b, "seek of closed file") < 0 || io_check_seekable(b->raw) < 0)
        return NULL;
    off_t target;
    if (io_offset_arg(args[0], &target) < 0)
        return NULL;
    /* within the read-ahead (while some is left, as CPython): move in the
     * buffer only */
    if ((whence == 0 || whence == 1) && avail(b) > 0) {
        off_t rawpos = io_raw_tell(b);
        if (rawpos < 0)
            return NULL;
        off_t start = rawpos - b->read_end;
        off_t want = whence == 0 ? target : rawpos - avail(b) + target;
        if (want >= start && want <= rawpos) {
            b->pos = (kn_ssize_t)(want - start);
            return ob_int_from_long_long((long long)want);
        }
    }
    if (flush_writes(b) < 0)
        return NULL;
    if (whence == 1)
        target -= avail(b);
    off_t r = io_raw_seek(b, target, whence);
    if (r < 0)
        return NULL;        /* the raw stream did not move: keep the read-ahead */
    b->pos = b->read_end = 0;
    return ob_int_from_long_long((long long)r);
}

static KnObject *buffered_tell(KnObject *self, KnObject *unused)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    off_t r = io_raw_tell(b);
    if (r < 0)
        return NULL;
    r = r - avail(b) + b->wlen;
    return ob_int_from_long_long(r < 0 ? 0 : (long long)r);
}

static KnObject *buffered_truncate(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0 || ob_args_check_positional("truncate", nargs, 0, 1) < 0)
        return NULL;
    if (check_open(b, "truncate of closed file") < 0)
        return NULL;
    if (!b->writable)
        return io_unsupported("truncate");
    if (flush_and_rewind(b) < 0)
        return NULL;
    return ob_call_method(b->raw, "truncate", 1, nargs ? args[0] : KN_None);
}

/* --------------------------------------------------- life cycle, misc */

static KnObject *buffered_close(KnObject *self, KnObject *unused)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    int c = raw_closed(b);
    if (c < 0)
        return NULL;
    if (c)
        return KN_None;
    KnObject *flushed = ob_call_method(self, "flush", 0);
    KnObject *exc = flushed == NULL ? ob_err_fetch() : NULL;
    b->pos = b->read_end = 0;
    return io_close_finish(exc, ob_call_method(b->raw, "close", 0));
}

static KnObject *buffered_detach(KnObject *self, KnObject *unused)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    if (ob_call_method(self, "flush", 0) == NULL)
        return NULL;
    KnObject *raw = b->raw;
    b->raw = NULL;
    b->ok = 0;
    b->detached = 1;
    return raw;
}

static KnObject *delegate(KnObject *self, const char *meth)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    return ob_call_method(b->raw, meth, 0);
}

static KnObject *buffered_readable(KnObject *self, KnObject *u) { return delegate(self, "readable"); }
static KnObject *buffered_writable(KnObject *self, KnObject *u) { return delegate(self, "writable"); }
static KnObject *buffered_seekable(KnObject *self, KnObject *u) { return delegate(self, "seekable"); }
static KnObject *buffered_fileno(KnObject *self, KnObject *u) { return delegate(self, "fileno"); }
static KnObject *buffered_isatty(KnObject *self, KnObject *u) { return delegate(self, "isatty"); }

static KnObject *raw_attr(KnObject *self, const char *name)
{
    IoBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    return ob_getattr_str(b->raw, name);
}

static KnObject *buffered_raw_get(KnObject *self, void *c)
{
    if (check_init(BUF(self)) < 0)
        return NULL;
    return BUF(self)->raw;
}
static KnObject *buffered_closed_get(KnObject *self, void *c) { return raw_attr(self, "closed"); }
static KnObject *buffered_name_get(KnObject *self, void *c) { return raw_attr(self, "name"); }
static KnObject *buffered_mode_get(KnObject *self, void *c) { return raw_attr(self, "mode"); }

static KnObject *buffered_repr(KnObject *self)
{
    const char *tname = KN_TYPE(self)->tp_name;
    KnObject *name = NULL;
    int r = ob_lookup_attr(self, ob_str_intern_cstr("name"), &name);
    if (r < 0) {
        if (!ob_err_matches((KnObject *)ob_exc_ValueError))
            return NULL;
        ob_err_clear();     /* detached: no name */
        r = 0;
    }
    if (r == 0)
        return ob_str_from_format("<%s>", tname);
    if (ob_repr_enter(self) != 0) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        return NULL;
    }
    KnObject *res = ob_str_from_format("<%s name=%R>", tname, name);
    ob_repr_leave(self);
    return res;
}

static KnObject *buffered_dealloc_warn(KnObject *self, KnObject *source)
{
    return KN_None;
}

/* -------------------------------------------------------------- init */

static int init_common(KnObject *self, KnObject *args, KnObject *kwargs, const KnArgSpec *spec,
                       int readable, int writable)
{
    IoBuffered *b = BUF(self);
    KnObject *a[2];
    if (ob_args_parse_tuple(spec, args, kwargs, a) < 0)
        return -1;
    b->ok = 0;
    b->detached = 0;
    KnObject *raw = a[0];
    if (readable && writable && io_check_seekable(raw) < 0)
        return -1;
    if (readable && io_check_readable(raw) < 0)
        return -1;
    if (writable && io_check_writable(raw) < 0)
        return -1;
    kn_ssize_t size = IO_DEFAULT_BUFFER_SIZE;
    if (a[1] != NULL) {
        size = ob_number_as_ssize(a[1], ob_exc_OverflowError);
        if (size == -1 && ob_err_occurred())
            return -1;
    }
    if (size <= 0) {
        ob_err_set_string(ob_exc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    b->buf = kgc_alloc_atomic((size_t)size);
    if (b->buf == NULL) {
        ob_err_nomemory();
        return -1;
    }
    b->raw = raw;
    b->raw_fileio = io_fileio_exact(raw);
    b->size = size;
    b->pos = b->read_end = b->wlen = 0;
    b->readable = readable;
    b->writable = writable;
    b->ok = 1;
    return 0;
}

static const char *const buffered_kw[] = {"raw", "buffer_size", NULL};
static const KnArgSpec reader_spec = {"BufferedReader", buffered_kw, 1, 2, 0};
static const KnArgSpec writer_spec = {"BufferedWriter", buffered_kw, 1, 2, 0};
static const KnArgSpec random_spec = {"BufferedRandom", buffered_kw, 1, 2, 0};

static int reader_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return init_common(self, args, kwargs, &reader_spec, 1, 0);
}

static int writer_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return init_common(self, args, kwargs, &writer_spec, 0, 1);
}

static int random_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return init_common(self, args, kwargs, &random_spec, 1, 1);
}

/* ------------------------------------------------------------- tables */

#define COMMON_METHODS \
    {"detach", FC(buffered_detach), KN_METH_NOARGS, NULL}, \
    {"flush", FC(buffered_flush), KN_METH_NOARGS, NULL}, \
    {"close", FC(buffered_close), KN_METH_NOARGS, NULL}, \
    {"seekable", FC(buffered_seekable), KN_METH_NOARGS, NULL}, \
    {"readable", FC(buffered_readable), KN_METH_NOARGS, NULL}, \
    {"writable", FC(buffered_writable), KN_METH_NOARGS, NULL}, \
    {"fileno", FC(buffered_fileno), KN_METH_NOARGS, NULL}, \
    {"isatty", FC(buffered_isatty), KN_METH_NOARGS, NULL}, \
    {"_dealloc_warn", FC(buffered_dealloc_warn), KN_METH_O, NULL}, \
    {"seek", FC(buffered_seek), KN_METH_FASTCALL, NULL}, \
    {"tell", FC(buffered_tell), KN_METH_NOARGS, NULL}, \
    {"truncate", FC(buffered_truncate), KN_METH_FASTCALL, NULL}

#define READ_METHODS \
    {"read", FC(buffered_read), KN_METH_FASTCALL, NULL}, \
    {"peek", FC(buffered_peek), KN_METH_FASTCALL, NULL}, \
    {"read1", FC(buffered_read1), KN_METH_FASTCALL, NULL}, \
    {"readinto", FC(buffered_readinto), KN_METH_O, NULL}, \
    {"readinto1", FC(buffered_readinto1), KN_METH_O, NULL}, \
    {"readline", FC(buffered_readline), KN_METH_FASTCALL, NULL}

#define WRITE_METHODS \
    {"write", FC(buffered_write), KN_METH_O, NULL}

static KnMethodDef reader_methods[] = { COMMON_METHODS, READ_METHODS, {NULL, NULL, 0, NULL} };
static KnMethodDef writer_methods[] = { COMMON_METHODS, WRITE_METHODS, {NULL, NULL, 0, NULL} };
static KnMethodDef random_methods[] = {
    COMMON_METHODS, READ_METHODS, WRITE_METHODS, {NULL, NULL, 0, NULL}
};

static KnGetSetDef buffered_getset[] = {
    {"raw", buffered_raw_get, NULL, NULL, NULL},
    {"closed", buffered_closed_get, NULL, NULL, NULL},
    {"name", buffered_name_get, NULL, NULL, NULL},
    {"mode", buffered_mode_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

#define BUFFERED_TYPE(var, name, doc, methods, init) \
    KnTypeObject var = { \
        KN_VAR_HEAD_INIT(&ob_type_type, 0), \
        .tp_name = name, \
        .tp_basicsize = sizeof(IoBuffered), \
        .tp_repr = buffered_repr, \
        .tp_getattro = ob_generic_getattr, \
        .tp_setattro = ob_generic_setattr, \
        .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE, \
        .tp_doc = doc, \
        .tp_iternext = buffered_iternext, \
        .tp_methods = methods, \
        .tp_getset = buffered_getset, \
        .tp_base = &io_bufferediobase_type, \
        .tp_init = init, \
        .tp_new = ob_type_generic_new, \
    }

BUFFERED_TYPE(io_bufferedreader_type, "_io.BufferedReader",
              "Create a new buffered reader using the given readable raw IO object.",
              reader_methods, reader_init);
BUFFERED_TYPE(io_bufferedwriter_type, "_io.BufferedWriter",
              "A buffer for a writeable sequential RawIO object.",
              writer_methods, writer_init);
BUFFERED_TYPE(io_bufferedrandom_type, "_io.BufferedRandom",
              "A buffered interface to random access streams.",
              random_methods, random_init);
