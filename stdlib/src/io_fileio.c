/*
 * io_fileio.c — _io.FileIO, raw unbuffered I/O on a file descriptor.
 *
 * Invariants: fd is -1 once closed (or before __init__ succeeded); the
 * mode bits never change after __init__; every system call is retried on
 * EINTR and EAGAIN on a non-blocking descriptor reads as None.  The file
 * name lives in the instance __dict__ as `name` (CPython does the same, so
 * assigning f.name works).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io_internal.h"
#include "stdlib/signals.h"

typedef struct IoFileIO {
    IO_BASE_HEAD;
    int fd;
    unsigned created : 1, readable : 1, writable : 1, appending : 1, closefd : 1;
    signed char seekable;       /* -1: not asked yet */
    kn_ssize_t blksize;
} IoFileIO;

#define F(o) ((IoFileIO *)(o))

int io_fileio_exact(KnObject *o)
{
    return KN_TYPE(o) == &io_fileio_type;
}

int io_fileio_closed(KnObject *o)
{
    return F(o)->fd < 0;
}

static KnObject *err_closed(void)
{
    ob_err_set_string(ob_exc_ValueError, "I/O operation on closed file");
    return NULL;
}

static KnObject *err_mode(const char *action)
{
    return ob_err_format(io_unsupported_operation, "File not open for %s", action);
}

/* ------------------------------------------------------- system calls */

/* A read(2) or write(2) result after EINTR retries: -2 would block, -1
 * error set, else the count. */
static kn_ssize_t syscall_result(ssize_t r)
{
    if (r >= 0)
        return r;
    if (errno == EAGAIN || errno == EWOULDBLOCK)
        return -2;
    io_err_errno(NULL);
    return -1;
}

/* After a read(2)/write(2): 0 it was interrupted (EINTR) and the Python
 * signal handlers ran — retry (PEP 475); -1 a handler raised; 1 done. */
static int interrupted(ssize_t r)
{
    if (r >= 0 || errno != EINTR)
        return 1;
    return kn_signal_check() < 0 ? -1 : 0;
}

kn_ssize_t io_fileio_read_raw(KnObject *self, char *buf, kn_ssize_t n)
{
    ssize_t r;
    int raised, fd = F(self)->fd;
    do {
        ob_gil_release();       /* other threads run while this blocks */
        r = read(fd, buf, (size_t)n);
        ob_gil_acquire();
    } while ((raised = interrupted(r)) == 0);
    return raised < 0 ? -1 : syscall_result(r);
}

kn_ssize_t io_fileio_write_raw(KnObject *self, const char *buf, kn_ssize_t n)
{
    ssize_t r;
    int raised, fd = F(self)->fd;
    do {
        ob_gil_release();       /* other threads run while this blocks */
        r = write(fd, buf, (size_t)n);
        ob_gil_acquire();
    } while ((raised = interrupted(r)) == 0);
    return raised < 0 ? -1 : syscall_result(r);
}

/* --------------------------------------------------------- new / init */

static KnObject *fileio_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnObject *self = ob_type_generic_new(t, args, kwargs);
    if (self == NULL)
        return NULL;
    F(self)->fd = -1;
    F(self)->seekable = -1;
    F(self)->closefd = 1;
    F(self)->blksize = IO_DEFAULT_BUFFER_SIZE;
    return self;
}

/* Mode string -> open(2) flags and the mode bits; -1 with ValueError. */
static int parse_mode(IoFileIO *f, KnObject *modeobj, int *flags)
{
    const char *mode = ob_str_as_utf8(modeobj, NULL);
    if (mode == NULL)
        return -1;
    int rwa = 0, plus = 0;
    *flags = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x': case 'r': case 'w': case 'a':
            if (rwa)
                goto bad;
            rwa = 1;
            if (*s == 'x') {
                f->created = f->writable = 1;
                *flags |= O_EXCL | O_CREAT;
            } else if (*s == 'r') {
                f->readable = 1;
            } else if (*s == 'w') {
                f->writable = 1;
                *flags |= O_CREAT | O_TRUNC;
            } else {
                f->writable = f->appending = 1;
                *flags |= O_APPEND | O_CREAT;
            }
            break;
        case 'b':
            break;
        case '+':
            if (plus)
                goto bad;
            f->readable = f->writable = 1;
            plus = 1;
            break;
        default:
            ob_err_format(ob_exc_ValueError, "invalid mode: %.200s", mode);
            return -1;
        }
    }
    if (!rwa)
        goto bad;
    *flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
    *flags |= O_CLOEXEC;
    return 0;
bad:
    ob_err_set_string(ob_exc_ValueError, "Must have exactly one of create/read/write/append "
                                         "mode and at most one plus");
    return -1;
}

/* os.fspath(o) encoded for the file system: a NUL-free bytes. */
static KnObject *fs_path(KnObject *o)
{
    KnObject *p = o;
    if (!KN_STR_CHECK(p) && !KN_BYTES_CHECK(p)) {
        KnObject *meth = ob_lookup_special(o, ob_str_intern_cstr("__fspath__"));
        if (meth == NULL) {
            if (ob_err_occurred())
                return NULL;
            return ob_err_format(ob_exc_TypeError,
                                 "expected str, bytes or os.PathLike object, not %s",
                                 ob_type_name(KN_TYPE(o)));
        }
        p = ob_call_noargs(meth);
        if (p == NULL)
            return NULL;
        if (!KN_STR_CHECK(p) && !KN_BYTES_CHECK(p))
            return ob_err_format(ob_exc_TypeError,
                                 "expected %s.__fspath__() to return str or bytes, not %s",
                                 ob_type_name(KN_TYPE(o)), ob_type_name(KN_TYPE(p)));
    }
    if (KN_STR_CHECK(p)) {
        p = ob_str_encode(p, "utf-8", "surrogateescape");
        if (p == NULL)
            return NULL;
    }
    if ((kn_ssize_t)strlen(KN_BYTES_AS_STRING(p)) != KN_SIZE(p)) {
        ob_err_set_string(ob_exc_ValueError, "embedded null byte");
        return NULL;
    }
    return p;
}

static int fileio_close_fd(IoFileIO *f)
{
    int fd = f->fd;
    f->fd = -1;
    if (fd >= 0 && close(fd) < 0 && errno != EINTR) {
        io_err_errno(NULL);
        return -1;
    }
    return 0;
}

static int open_with_opener(KnObject *opener, KnObject *nameobj, int flags)
{
    KnObject *r = ob_vectorcall(opener, (KnObject *[]){nameobj, ob_int_from_ssize(flags)}, 2, NULL);
    if (r == NULL)
        return -1;
    if (!KN_INT_CHECK(r)) {
        ob_err_set_string(ob_exc_TypeError, "expected integer from opener");
        return -1;
    }
    long long fd = ob_int_as_long_long(r);
    if (fd == -1 && ob_err_occurred())
        return -1;
    if (fd < 0 || fd > 0x7fffffff) {
        ob_err_format(ob_exc_ValueError, "opener returned %lld", fd);
        return -1;
    }
    /* descriptors Python opens are not inheritable */
    int fl = fcntl((int)fd, F_GETFD);
    if (fl >= 0)
        fcntl((int)fd, F_SETFD, fl | FD_CLOEXEC);
    return (int)fd;
}

static const char *const fileio_kw[] = {"file", "mode", "closefd", "opener", NULL};
static const KnArgSpec fileio_spec = {"FileIO", fileio_kw, 1, 4, 0};

static int fileio_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    IoFileIO *f = F(self);
    KnObject *a[4];
    if (ob_args_parse_tuple(&fileio_spec, args, kwargs, a) < 0)
        return -1;
    KnObject *nameobj = a[0], *modeobj = a[1], *opener = a[3];
    int closefd = 1;
    if (modeobj == NULL)
        modeobj = ob_str_intern_cstr("r");
    else if (!KN_STR_CHECK(modeobj)) {
        ob_err_format(ob_exc_TypeError, "FileIO() argument 'mode' must be str, not %s",
                      ob_type_name(KN_TYPE(modeobj)));
        return -1;
    }
    if (a[2] != NULL && (closefd = ob_is_true(a[2])) < 0)
        return -1;

    /* re-initialising an open object closes it first */
    if (f->fd >= 0) {
        if (f->closefd) {
            if (fileio_close_fd(f) < 0)
                return -1;
        } else {
            f->fd = -1;
        }
    }
    f->created = f->readable = f->writable = f->appending = 0;
    f->seekable = -1;

    int fd = -1;
    KnObject *path = NULL;
    if (KN_INT_CHECK(nameobj)) {
        long long v = ob_int_as_long_long(nameobj);
        if (v == -1 && ob_err_occurred())
            return -1;
        if (v < 0) {
            ob_err_set_string(ob_exc_ValueError, "negative file descriptor");
            return -1;
        }
        if (v > 0x7fffffff) {
            ob_err_set_string(ob_exc_OverflowError, "signed integer is greater than maximum");
            return -1;
        }
        fd = (int)v;
    } else if ((path = fs_path(nameobj)) == NULL) {
        return -1;
    }
    int flags;
    if (parse_mode(f, modeobj, &flags) < 0)
        return -1;

    if (fd >= 0) {
        f->fd = fd;
        f->closefd = closefd ? 1 : 0;
    } else {
        f->closefd = 1;
        if (!closefd) {
            ob_err_set_string(ob_exc_ValueError, "Cannot use closefd=False with file name");
            return -1;
        }
        if (opener == NULL || opener == KN_None) {
            do
                fd = open(KN_BYTES_AS_STRING(path), flags, 0666);
            while (fd < 0 && errno == EINTR);
            if (fd < 0) {
                io_err_errno(nameobj);
                return -1;
            }
        } else if ((fd = open_with_opener(opener, nameobj, flags)) < 0) {
            return -1;
        }
        f->fd = fd;
    }

    struct stat st;
    f->blksize = IO_DEFAULT_BUFFER_SIZE;
    if (fstat(f->fd, &st) < 0) {
        if (errno == EBADF) {
            io_err_errno(NULL);
            goto error;
        }
    } else {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            io_err_errno(nameobj);
            goto error;
        }
        if (st.st_blksize > 1)
            f->blksize = st.st_blksize;
    }
    if (ob_setattr_str(self, "name", nameobj) < 0)
        goto error;
    if (f->appending && lseek(f->fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
        io_err_errno(NULL);
        goto error;
    }
    return 0;
error:
    if (f->closefd)
        close(f->fd);
    f->fd = -1;
    return -1;
}

/* ------------------------------------------------------------ methods */

#define CHECK_OPEN(f) do { if ((f)->fd < 0) return err_closed(); } while (0)

static KnObject *fileio_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs);

static KnObject *fileio_readall(KnObject *self, KnObject *unused)
{
    IoFileIO *f = F(self);
    CHECK_OPEN(f);
    struct stat st;
    kn_ssize_t chunk = IO_DEFAULT_BUFFER_SIZE;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos >= 0 && fstat(f->fd, &st) == 0 && st.st_size >= pos && st.st_size - pos < KN_SSIZE_HALF)
        chunk = (kn_ssize_t)(st.st_size - pos) + 1;
    IoBytes acc = {0};
    for (;;) {
        if (io_bytes_reserve(&acc, acc.len + chunk) < 0)
            return NULL;
        kn_ssize_t n = io_fileio_read_raw(self, acc.data + acc.len, acc.cap - acc.len);
        if (n == -1)
            return NULL;
        if (n == -2) {
            if (acc.len == 0)
                return KN_None;
            break;
        }
        if (n == 0)
            break;
        acc.len += n;
        chunk = acc.len < 65536 ? IO_DEFAULT_BUFFER_SIZE : acc.len;
    }
    return ob_bytes_from_data(acc.data, acc.len);
}

static KnObject *fileio_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoFileIO *f = F(self);
    CHECK_OPEN(f);
    if (!f->readable)
        return err_mode("reading");
    if (ob_args_check_positional("read", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t size;
    if (io_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    if (size < 0)
        return fileio_readall(self, NULL);
    KnObject *b = ob_bytes_new_uninit(size);
    if (b == NULL)
        return NULL;
    kn_ssize_t n = io_fileio_read_raw(self, KN_BYTES_AS_STRING(b), size);
    if (n == -1)
        return NULL;
    if (n == -2)
        return KN_None;
    if (n == size)
        return b;
    return ob_bytes_from_data(KN_BYTES_AS_STRING(b), n);
}

/* readinto(b) / write(b): one system call on b's memory. */
static KnObject *transfer(KnObject *self, KnObject *obj, int writing)
{
    IoFileIO *f = F(self);
    CHECK_OPEN(f);
    if (!(writing ? f->writable : f->readable))
        return err_mode(writing ? "writing" : "reading");
    IoView v;
    if (io_view_get(obj, &v, !writing, writing ? "write" : "readinto") < 0)
        return NULL;
    kn_ssize_t n = writing ? io_fileio_write_raw(self, v.data, v.len)
                           : io_fileio_read_raw(self, v.data, v.len);
    io_view_release(&v);
    if (n == -1)
        return NULL;
    return n == -2 ? KN_None : ob_int_from_ssize(n);
}

static KnObject *fileio_readinto(KnObject *self, KnObject *buffer)
{
    return transfer(self, buffer, 0);
}

static KnObject *fileio_write(KnObject *self, KnObject *data)
{
    return transfer(self, data, 1);
}

static KnObject *fileio_seek(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoFileIO *f = F(self);
    if (ob_args_check_positional("seek", nargs, 1, 2) < 0)
        return NULL;
    CHECK_OPEN(f);
    off_t pos;
    long long whence;
    if (io_offset_arg(args[0], &pos) < 0 || io_whence_arg(args, nargs, &whence) < 0)
        return NULL;
    off_t r = whence < INT_MIN || whence > INT_MAX ? (errno = EINVAL, -1)
                                                   : lseek(f->fd, pos, (int)whence);
    if (r < 0)
        return io_err_errno(NULL);
    if (f->seekable < 0)
        f->seekable = 1;
    return ob_int_from_long_long((long long)r);
}

static KnObject *fileio_tell(KnObject *self, KnObject *unused)
{
    IoFileIO *f = F(self);
    CHECK_OPEN(f);
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0)
        return io_err_errno(NULL);
    return ob_int_from_long_long((long long)r);
}

static KnObject *fileio_truncate(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoFileIO *f = F(self);
    if (ob_args_check_positional("truncate", nargs, 0, 1) < 0)
        return NULL;
    CHECK_OPEN(f);
    if (!f->writable)
        return err_mode("writing");
    KnObject *size = nargs ? args[0] : KN_None;
    off_t len;
    if (size == KN_None) {
        if ((size = fileio_tell(self, NULL)) == NULL)
            return NULL;
    }
    if (io_offset_arg(size, &len) < 0)
        return NULL;
    int r;
    do
        r = ftruncate(f->fd, len);
    while (r < 0 && errno == EINTR);
    if (r < 0)
        return io_err_errno(NULL);
    return size;
}

static KnObject *fileio_seekable(KnObject *self, KnObject *unused)
{
    IoFileIO *f = F(self);
    CHECK_OPEN(f);
    if (f->seekable < 0)
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return KN_BOOL(f->seekable);
}

static KnObject *fileio_readable(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(F(self));
    return KN_BOOL(F(self)->readable);
}

static KnObject *fileio_writable(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(F(self));
    return KN_BOOL(F(self)->writable);
}

static KnObject *fileio_fileno(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(F(self));
    return ob_int_from_ssize(F(self)->fd);
}

static KnObject *fileio_isatty(KnObject *self, KnObject *unused)
{
    CHECK_OPEN(F(self));
    return KN_BOOL(isatty(F(self)->fd));
}

static KnObject *fileio_close(KnObject *self, KnObject *unused)
{
    IoFileIO *f = F(self);
    /* _RawIOBase.close: flush, then mark closed (honours a flush override) */
    KnObject *res = io_iobase_close(self, NULL);
    KnObject *exc = res == NULL ? ob_err_fetch() : NULL;
    int r = 0;
    if (!f->closefd)
        f->fd = -1;
    else
        r = fileio_close_fd(f);
    return io_close_finish(exc, r < 0 ? NULL : KN_None);
}

static KnObject *fileio_dealloc_warn(KnObject *self, KnObject *source)
{
    return KN_None;
}

static const char *mode_string(IoFileIO *f)
{
    if (f->created)
        return f->readable ? "xb+" : "xb";
    if (f->appending)
        return f->readable ? "ab+" : "ab";
    if (f->readable)
        return f->writable ? "rb+" : "rb";
    return "wb";
}

static KnObject *fileio_repr(KnObject *self)
{
    IoFileIO *f = F(self);
    const char *tname = KN_TYPE(self)->tp_name;
    if (f->fd < 0)
        return ob_str_from_format("<%s [closed]>", tname);
    KnObject *name;
    int r = ob_lookup_attr(self, ob_str_intern_cstr("name"), &name);
    if (r < 0)
        return NULL;
    const char *closefd = f->closefd ? "True" : "False";
    if (r == 0)
        return ob_str_from_format("<%s fd=%d mode='%s' closefd=%s>", tname, f->fd,
                                  mode_string(f), closefd);
    if (ob_repr_enter(self) != 0) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        return NULL;
    }
    KnObject *res = ob_str_from_format("<%s name=%R mode='%s' closefd=%s>", tname, name,
                                       mode_string(f), closefd);
    ob_repr_leave(self);
    return res;
}

static KnObject *fileio_closed_get(KnObject *self, void *c)
{
    return KN_BOOL(F(self)->fd < 0);
}

static KnObject *fileio_closefd_get(KnObject *self, void *c)
{
    return KN_BOOL(F(self)->closefd);
}

static KnObject *fileio_mode_get(KnObject *self, void *c)
{
    return ob_str_from_cstr(mode_string(F(self)));
}

static KnObject *fileio_blksize_get(KnObject *self, void *c)
{
    return ob_int_from_ssize(F(self)->blksize);
}

static KnMethodDef fileio_methods[] = {
    {"read", FC(fileio_read), KN_METH_FASTCALL, NULL},
    {"readall", FC(fileio_readall), KN_METH_NOARGS, NULL},
    {"readinto", FC(fileio_readinto), KN_METH_O, NULL},
    {"write", FC(fileio_write), KN_METH_O, NULL},
    {"seek", FC(fileio_seek), KN_METH_FASTCALL, NULL},
    {"tell", FC(fileio_tell), KN_METH_NOARGS, NULL},
    {"truncate", FC(fileio_truncate), KN_METH_FASTCALL, NULL},
    {"close", FC(fileio_close), KN_METH_NOARGS, NULL},
    {"seekable", FC(fileio_seekable), KN_METH_NOARGS, NULL},
    {"readable", FC(fileio_readable), KN_METH_NOARGS, NULL},
    {"writable", FC(fileio_writable), KN_METH_NOARGS, NULL},
    {"fileno", FC(fileio_fileno), KN_METH_NOARGS, NULL},
    {"isatty", FC(fileio_isatty), KN_METH_NOARGS, NULL},
    {"_dealloc_warn", FC(fileio_dealloc_warn), KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef fileio_getset[] = {
    {"closed", fileio_closed_get, NULL, "True if the file is closed", NULL},
    {"closefd", fileio_closefd_get, NULL, "True if the file descriptor will be closed by close().", NULL},
    {"mode", fileio_mode_get, NULL, "String giving the file mode", NULL},
    {"_blksize", fileio_blksize_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject io_fileio_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(IoFileIO),
    .tp_repr = fileio_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "Open a file.",
    .tp_methods = fileio_methods,
    .tp_getset = fileio_getset,
    .tp_base = &io_rawiobase_type,
    .tp_init = fileio_init,
    .tp_new = fileio_new,
};
