/* stdio_writer.c — sys.stdin/stdout/stderr until `_io` exists: a small
 * UTF-8 text stream over a file descriptor.
 *
 * It is deliberately minimal and honest: write/flush/fileno/isatty/
 * readline/read/close and the attributes print() and input() use.  Output
 * is buffered in the object (block, line or no buffering, chosen at
 * creation) and flushed by flush(), by a newline in line mode, when the
 * buffer is full, and at exit (jit_stdio_flush_all).  When `_io` lands,
 * sys's streams become real io.TextIOWrapper objects and this file goes. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "libgc/gc.h"

#define STDIO_BUFSIZE 8192

typedef struct {
    KN_OBJECT_HEAD;
    int fd;
    int writable;
    int buffering;          /* JIT_STDIO_* */
    int closed;
    KnObject *name;         /* "<stdout>" */
    KnObject *errors;       /* error handler for encoding/decoding */
    char *buf;              /* output bytes not yet written, or input read ahead */
    kn_ssize_t len, cap;
    int eof;                /* input: read() returned 0 */
    KnObject *binary;       /* the .buffer view, made on first use */
} StdioObject;

#define SO(o) ((StdioObject *)(o))

static int check_open(StdioObject *so)
{
    if (!so->closed)
        return 0;
    ob_err_set_string(ob_exc_ValueError, "I/O operation on closed file.");
    return -1;
}

static int reserve(StdioObject *so, kn_ssize_t extra)
{
    if (so->len + extra <= so->cap)
        return 0;
    kn_ssize_t cap = so->cap ? so->cap : 256;
    while (cap < so->len + extra)
        cap *= 2;
    char *nb = kgc_alloc_atomic((size_t)cap);
    if (nb == NULL) {
        ob_err_nomemory();
        return -1;
    }
    if (so->len)
        memcpy(nb, so->buf, (size_t)so->len);
    so->buf = nb;
    so->cap = cap;
    return 0;
}

/* Write the whole output buffer to the fd (retrying on EINTR). */
static int flush_buffer(StdioObject *so)
{
    kn_ssize_t done = 0;
    while (done < so->len) {
        ssize_t n = write(so->fd, so->buf + done, (size_t)(so->len - done));
        if (n < 0) {
            if (errno == EINTR && jit_check_signals() == 0)
                continue;
            if (errno == EINTR) {
                memmove(so->buf, so->buf + done, (size_t)(so->len - done));
                so->len -= done;
                return -1;
            }
            /* Keep what was not written, as a buffered writer does. */
            memmove(so->buf, so->buf + done, (size_t)(so->len - done));
            so->len -= done;
            ob_err_from_errno(ob_exc_OSError, NULL);
            return -1;
        }
        done += n;
    }
    so->len = 0;
    return 0;
}

/* Queue output bytes; flush as the buffering mode says (a newline only
 * counts for text writes, as a binary BufferedWriter ignores lines). */
static int append(StdioObject *so, const char *data, kn_ssize_t n, int text)
{
    if (n == 0)
        return so->buffering == JIT_STDIO_UNBUFFERED ? flush_buffer(so) : 0;
    if (reserve(so, n) < 0)
        return -1;
    memcpy(so->buf + so->len, data, (size_t)n);
    so->len += n;
    int must_flush = so->buffering == JIT_STDIO_UNBUFFERED || so->len >= STDIO_BUFSIZE
        || (text && so->buffering == JIT_STDIO_LINE && memchr(data, '\n', (size_t)n));
    return must_flush ? flush_buffer(so) : 0;
}

static KnObject *stdio_write(KnObject *self, KnObject *s)
{
    StdioObject *so = SO(self);
    if (!KN_STR_CHECK(s))
        return ob_err_format(ob_exc_TypeError, "write() argument must be str, not %s",
                             ob_type_name(KN_TYPE(s)));
    if (check_open(so) < 0)
        return NULL;
    if (!so->writable)
        return ob_err_format(ob_exc_OSError, "not writable");
    KnObject *b = ob_str_encode(s, "utf-8", ob_str_as_utf8(so->errors, NULL));
    if (b == NULL || append(so, KN_BYTES_AS_STRING(b), KN_SIZE(b), 1) < 0)
        return NULL;
    return ob_int_from_ssize(KN_STR_LEN(s));
}

static KnObject *stdio_flush(KnObject *self, KnObject *unused)
{
    StdioObject *so = SO(self);
    if (check_open(so) < 0)
        return NULL;
    if (so->writable && flush_buffer(so) < 0)
        return NULL;
    return KN_None;
}

/* Input: read more bytes into the buffer; 0 at end of file, -1 on error. */
static kn_ssize_t fill(StdioObject *so)
{
    if (so->eof || reserve(so, 4096) < 0)
        return so->eof ? 0 : -1;
    for (;;) {
        /* Other threads run during the read (input() waits here), so it
         * reads into its own chunk: another reader may grow so->buf. */
        char chunk[4096];
        int fd = so->fd;
        kn_gil_release();
        ssize_t n = read(fd, chunk, sizeof chunk);
        kn_gil_acquire();
        if (n > 0 && reserve(so, n) < 0)
            return -1;
        if (n > 0)
            memcpy(so->buf + so->len, chunk, (size_t)n);
        if (n < 0 && errno == EINTR) {
            if (jit_check_signals() < 0)
                return -1;
            continue;
        }
        if (n < 0) {
            ob_err_from_errno(ob_exc_OSError, NULL);
            return -1;
        }
        if (n == 0)
            so->eof = 1;
        so->len += n;
        return n;
    }
}

/* Take the first n buffered input bytes, as str (binary 0) or bytes. */
static KnObject *take(StdioObject *so, kn_ssize_t n, int binary)
{
    KnObject *r = binary ? ob_bytes_from_data(so->buf, n)
                         : ob_str_decode(so->buf, n, "utf-8", ob_str_as_utf8(so->errors, NULL));
    if (r == NULL)
        return NULL;
    memmove(so->buf, so->buf + n, (size_t)(so->len - n));
    so->len -= n;
    return r;
}

static int check_readable(StdioObject *so)
{
    if (check_open(so) < 0)
        return -1;
    if (so->writable) {
        ob_err_set_string(ob_exc_OSError, "not readable");
        return -1;
    }
    return 0;
}

/* The optional size argument of read()/readline(): -1 when absent/None. */
static int size_arg(const char *name, KnObject *const *args, kn_ssize_t nargs,
                    kn_ssize_t *limit)
{
    *limit = -1;
    if (ob_args_check_positional(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && args[0] != KN_None
        && (*limit = ob_number_as_ssize(args[0], ob_exc_OverflowError)) == -1
        && ob_err_occurred())
        return -1;
    return 0;
}

/* readline() for the text stream and its binary buffer.  The text form's
 * limit counts bytes, not characters (exact for ASCII input). */
static KnObject *read_line(StdioObject *so, KnObject *const *args, kn_ssize_t nargs,
                           int binary)
{
    kn_ssize_t limit;
    if (size_arg("readline", args, nargs, &limit) < 0 || check_readable(so) < 0)
        return NULL;
    for (kn_ssize_t scanned = 0;;) {
        char *nl = memchr(so->buf + scanned, '\n', (size_t)(so->len - scanned));
        if (nl != NULL && (limit < 0 || nl - so->buf < limit))
            return take(so, nl - so->buf + 1, binary);
        if (limit >= 0 && so->len >= limit)
            return take(so, limit, binary);
        scanned = so->len;
        kn_ssize_t got = fill(so);
        if (got < 0)
            return NULL;
        if (got == 0)
            return take(so, so->len, binary);
    }
}

static KnObject *read_all(StdioObject *so, KnObject *const *args, kn_ssize_t nargs, int binary)
{
    kn_ssize_t limit;
    if (size_arg("read", args, nargs, &limit) < 0 || check_readable(so) < 0)
        return NULL;
    while (limit < 0 || so->len < limit) {
        kn_ssize_t got = fill(so);
        if (got < 0)
            return NULL;
        if (got == 0)
            break;
    }
    return take(so, limit >= 0 && limit < so->len ? limit : so->len, binary);
}

static KnObject *stdio_readline(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return read_line(SO(self), args, nargs, 0);
}

static KnObject *stdio_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return read_all(SO(self), args, nargs, 0);
}

static KnObject *stdio_iternext(KnObject *self)
{
    KnObject *line = stdio_readline(self, NULL, 0);
    if (line == NULL || KN_STR_LEN(line) > 0)
        return line;
    return NULL;            /* end of file: StopIteration */
}

static KnObject *stdio_iter(KnObject *self)
{
    if (check_readable(SO(self)) < 0)
        return NULL;
    return self;
}

static KnObject *stdio_close(KnObject *self, KnObject *unused)
{
    StdioObject *so = SO(self);
    if (so->closed)
        return KN_None;
    int r = so->writable ? flush_buffer(so) : 0;
    so->closed = 1;     /* the fd stays open: 0-2 belong to the process */
    return r < 0 ? NULL : KN_None;
}

/* `with sys.stdin as f:` (IOBase's context manager: closes on exit). */
static KnObject *stdio_enter(KnObject *self, KnObject *unused)
{
    if (check_open(SO(self)) < 0)
        return NULL;
    return self;
}

static KnObject *stdio_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return stdio_close(self, NULL);
}

static KnObject *stdio_fileno(KnObject *self, KnObject *unused)
{
    if (check_open(SO(self)) < 0)
        return NULL;
    return ob_int_from_ssize(SO(self)->fd);
}

static KnObject *stdio_isatty(KnObject *self, KnObject *unused)
{
    if (check_open(SO(self)) < 0)
        return NULL;
    return KN_BOOL(isatty(SO(self)->fd));
}

static KnObject *stdio_readable(KnObject *self, KnObject *unused)
{
    if (check_open(SO(self)) < 0)
        return NULL;
    return KN_BOOL(!SO(self)->writable);
}

static KnObject *stdio_writable(KnObject *self, KnObject *unused)
{
    if (check_open(SO(self)) < 0)
        return NULL;
    return KN_BOOL(SO(self)->writable);
}

static KnObject *stdio_seekable(KnObject *self, KnObject *unused)
{
    if (check_open(SO(self)) < 0)
        return NULL;
    return KN_False;
}

static KnObject *stdio_repr(KnObject *self)
{
    StdioObject *so = SO(self);
    return ob_str_from_format("<kiln stdio name=%R mode='%s' encoding='utf-8'>", so->name,
                              so->writable ? "w" : "r");
}

static KnObject *get_closed(KnObject *self, void *c) { return KN_BOOL(SO(self)->closed); }
static KnObject *get_name(KnObject *self, void *c) { return SO(self)->name; }
static KnObject *get_errors(KnObject *self, void *c) { return SO(self)->errors; }
static KnObject *get_encoding(KnObject *self, void *c) { return ob_str_intern_cstr("utf-8"); }
static KnObject *get_mode(KnObject *self, void *c)
{
    return ob_str_intern_cstr(SO(self)->writable ? "w" : "r");
}
static KnObject *get_line_buffering(KnObject *self, void *c)
{
    return KN_BOOL(SO(self)->buffering == JIT_STDIO_LINE);
}

/* TextIOWrapper's write_through: every write goes straight to the fd
 * (stderr; stdout under -u). */
static KnObject *get_write_through(KnObject *self, void *c)
{
    return KN_BOOL(SO(self)->buffering == JIT_STDIO_UNBUFFERED);
}

static KnObject *get_buffer(KnObject *self, void *c);

static KnGetSetDef stdio_getset[] = {
    { "closed", get_closed, NULL, NULL, NULL },
    { "name", get_name, NULL, NULL, NULL },
    { "encoding", get_encoding, NULL, NULL, NULL },
    { "errors", get_errors, NULL, NULL, NULL },
    { "mode", get_mode, NULL, NULL, NULL },
    { "line_buffering", get_line_buffering, NULL, NULL, NULL },
    { "write_through", get_write_through, NULL, NULL, NULL },
    { "buffer", get_buffer, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

static KnMethodDef stdio_methods[] = {
    { "write", stdio_write, KN_METH_O, NULL },
    { "flush", stdio_flush, KN_METH_NOARGS, NULL },
    { "readline", FAST(stdio_readline), KN_METH_FASTCALL, NULL },
    { "read", FAST(stdio_read), KN_METH_FASTCALL, NULL },
    { "close", stdio_close, KN_METH_NOARGS, NULL },
    { "__enter__", stdio_enter, KN_METH_NOARGS, NULL },
    { "__exit__", FAST(stdio_exit), KN_METH_FASTCALL, NULL },
    { "fileno", stdio_fileno, KN_METH_NOARGS, NULL },
    { "isatty", stdio_isatty, KN_METH_NOARGS, NULL },
    { "readable", stdio_readable, KN_METH_NOARGS, NULL },
    { "writable", stdio_writable, KN_METH_NOARGS, NULL },
    { "seekable", stdio_seekable, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

KnTypeObject jit_stdio_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_kiln.StdioStream",
    .tp_basicsize = sizeof(StdioObject),
    .tp_repr = stdio_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Text stream over a file descriptor (sys.stdin/stdout/stderr until _io exists).",
    .tp_iter = stdio_iter,
    .tp_iternext = stdio_iternext,
    .tp_methods = stdio_methods,
    .tp_getset = stdio_getset,
};

/* ---- sys.stdout.buffer & co: the same fd and buffer, in bytes ---- */

typedef struct {
    KN_OBJECT_HEAD;
    StdioObject *text;
} StdioBufferObject;

#define SB(o) (((StdioBufferObject *)(o))->text)

static KnObject *buf_write(KnObject *self, KnObject *b)
{
    StdioObject *so = SB(self);
    const char *data;
    kn_ssize_t n;
    if (KN_BYTES_CHECK(b)) {
        data = KN_BYTES_AS_STRING(b);
        n = KN_SIZE(b);
    } else if (KN_TYPE_CHECK(b, &ob_bytearray_type)) {
        data = ((KnByteArrayObject *)b)->ob_start;
        n = KN_SIZE(b);
    } else {
        return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                             ob_type_name(KN_TYPE(b)));
    }
    if (check_open(so) < 0)
        return NULL;
    if (!so->writable)
        return ob_err_format(ob_exc_OSError, "not writable");
    if (append(so, data, n, 0) < 0)
        return NULL;
    return ob_int_from_ssize(n);
}

static KnObject *buf_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return read_all(SB(self), args, nargs, 1);
}

static KnObject *buf_readline(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return read_line(SB(self), args, nargs, 1);
}

static KnObject *buf_forward(KnObject *self, const char *meth)
{
    return ob_call_method((KnObject *)SB(self), meth, 0);
}

static KnObject *buf_flush(KnObject *self, KnObject *u) { return buf_forward(self, "flush"); }
static KnObject *buf_fileno(KnObject *self, KnObject *u) { return buf_forward(self, "fileno"); }
static KnObject *buf_isatty(KnObject *self, KnObject *u) { return buf_forward(self, "isatty"); }
static KnObject *buf_readable(KnObject *self, KnObject *u) { return buf_forward(self, "readable"); }
static KnObject *buf_writable(KnObject *self, KnObject *u) { return buf_forward(self, "writable"); }
static KnObject *buf_get_closed(KnObject *self, void *c) { return KN_BOOL(SB(self)->closed); }
static KnObject *buf_get_name(KnObject *self, void *c) { return ob_int_from_ssize(SB(self)->fd); }
static KnObject *buf_get_mode(KnObject *self, void *c)
{
    return ob_str_intern_cstr(SB(self)->writable ? "wb" : "rb");
}

static KnGetSetDef buf_getset[] = {
    { "closed", buf_get_closed, NULL, NULL, NULL },
    { "name", buf_get_name, NULL, NULL, NULL },
    { "mode", buf_get_mode, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static KnMethodDef buf_methods[] = {
    { "write", buf_write, KN_METH_O, NULL },
    { "read", FAST(buf_read), KN_METH_FASTCALL, NULL },
    { "readline", FAST(buf_readline), KN_METH_FASTCALL, NULL },
    { "flush", buf_flush, KN_METH_NOARGS, NULL },
    { "fileno", buf_fileno, KN_METH_NOARGS, NULL },
    { "isatty", buf_isatty, KN_METH_NOARGS, NULL },
    { "readable", buf_readable, KN_METH_NOARGS, NULL },
    { "writable", buf_writable, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

static KnTypeObject stdio_buffer_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_kiln.StdioBuffer",
    .tp_basicsize = sizeof(StdioBufferObject),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Binary view of a standard stream (its .buffer).",
    .tp_methods = buf_methods,
    .tp_getset = buf_getset,
};

static KnObject *get_buffer(KnObject *self, void *c)
{
    StdioObject *so = SO(self);
    if (so->binary != NULL)
        return so->binary;
    if (!(stdio_buffer_type.tp_flags & KN_TPFLAGS_READY) && ob_type_ready(&stdio_buffer_type) < 0)
        return NULL;
    StdioBufferObject *b = (StdioBufferObject *)ob_alloc(&stdio_buffer_type, 0);
    if (b == NULL)
        return NULL;
    b->text = so;
    so->binary = (KnObject *)b;
    return so->binary;
}

KnObject *jit_stdio_new(int fd, const char *name, int writable, int buffering)
{
    if (!(jit_stdio_type.tp_flags & KN_TPFLAGS_READY) && ob_type_ready(&jit_stdio_type) < 0)
        return NULL;
    StdioObject *so = (StdioObject *)ob_alloc(&jit_stdio_type, 0);
    if (so == NULL)
        return NULL;
    so->fd = fd;
    so->writable = writable;
    so->buffering = buffering;
    /* Never NULL: memchr/memcpy/memmove on it are then always defined. */
    if ((so->buf = kgc_alloc_atomic(256)) == NULL)
        return ob_err_nomemory();
    so->cap = 256;
    so->name = ob_str_from_cstr(name);
    so->errors = ob_str_from_cstr(fd == 2 ? "backslashreplace" : "strict");
    if (so->name == NULL || so->errors == NULL)
        return NULL;
    return (KnObject *)so;
}

/* Flush one stream object if it is ours or has a flush() method. */
static int flush_stream(const char *name)
{
    KnObject *f = jit_sys_get(name);
    if (f == NULL || f == KN_None)
        return 0;
    if (KN_TYPE(f) == &jit_stdio_type && SO(f)->closed)
        return 0;
    if (ob_call_method(f, "flush", 0) == NULL) {
        ob_err_clear();
        return -1;
    }
    return 0;
}

void jit_stdio_flush_all(void)
{
    flush_stream("stdout");
    flush_stream("stderr");
}

int jit_stdio_flush_stdout(void)
{
    return flush_stream("stdout");
}
