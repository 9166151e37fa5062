/*
 * posix_fd.c — operations on file descriptors: open, close, closerange,
 * read, write, lseek, fsync, fdatasync, ftruncate, dup, dup2, pipe, pipe2,
 * isatty, get/set_inheritable, get/set_blocking, device_encoding,
 * get_terminal_size (os.terminal_size).
 *
 * Descriptors Python creates are non-inheritable (PEP 446): open, dup and
 * pipe add O_CLOEXEC / F_DUPFD_CLOEXEC.
 */
#include <limits.h>
#include <sys/ioctl.h>

#include "posix_internal.h"
#include "structseq.h"

#define PX_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw
#define PARSE(spec, a) ((void)m, ob_args_parse(&(spec), args, nargs, kw, (a)))

static KnTypeObject *terminal_size_type;

/* One int argument named `name`. */
static int one_fd(const char *fname, PX_ARGS, int *fd)
{
    static const char *const names[] = {"fd", NULL};
    KnArgSpec spec = {fname, names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (PARSE(spec, a) < 0)
        return -1;
    return px_int_conv(a[0], fd);
}

static KnObject *px_open(PX_ARGS)
{
    static const char *const names[] = {"path", "flags", "mode", "dir_fd", NULL};
    static const KnArgSpec spec = {"open", names, 2, 3, 0};
    KnObject *a[4] = {0};
    PxPath p = PX_PATH_INIT("open", "path", 0, 0);
    int flags, mode = 0777, dirfd;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || px_int_conv(a[1], &flags) < 0
        || (a[2] && px_int_conv(a[2], &mode) < 0) || px_dirfd_conv(a[3], &dirfd) < 0)
        return NULL;
    int fd;
    PX_RETRY(fd, openat(dirfd, p.narrow, flags | O_CLOEXEC, mode));
    if (fd < 0)
        return px_err_path(&p);
    return ob_int_from_ssize(fd);
}

static KnObject *px_close(PX_ARGS)
{
    int fd;
    if (one_fd("close", m, args, nargs, kw, &fd) < 0)
        return NULL;
    if (close(fd) < 0 && errno != EINTR)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_closerange(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"closerange", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int lo, hi;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &lo) < 0 || px_int_conv(a[1], &hi) < 0)
        return NULL;
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++)
        close(fd);
    return KN_None;
}

static KnObject *px_read(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"read", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd;
    long long n;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0 || px_ll_conv(a[1], &n) < 0)
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return px_err(NULL);
    }
    KnObject *b = ob_bytes_new_uninit((kn_ssize_t)n);
    if (b == NULL)
        return NULL;
    ssize_t r;
    PX_RETRY_BLOCKING(r, read(fd, KN_BYTES_AS_STRING(b), (size_t)n));
    if (r < 0)
        return px_err(NULL);
    if (r == n)
        return b;
    return ob_bytes_from_data(KN_BYTES_AS_STRING(b), r);
}

static KnObject *px_write(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"write", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0)
        return NULL;
    KnBufferProcs *bp = KN_TYPE(a[1])->tp_as_buffer;
    KnBuffer view;
    if (bp == NULL || bp->bf_getbuffer == NULL)
        return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                             ob_type_name(KN_TYPE(a[1])));
    if (bp->bf_getbuffer(a[1], &view, 0) < 0)
        return NULL;
    ssize_t r;
    PX_RETRY_BLOCKING(r, write(fd, view.buf, (size_t)view.len));
    int saved = errno;
    if (bp->bf_releasebuffer != NULL)
        bp->bf_releasebuffer(a[1], &view);
    if (r < 0) {
        errno = saved;
        return px_err(NULL);
    }
    return ob_int_from_ssize(r);
}

static KnObject *px_lseek(PX_ARGS)
{
    static const char *const names[] = {"", "", "", NULL};
    static const KnArgSpec spec = {"lseek", names, 3, 3, 0};
    KnObject *a[3] = {0};
    int fd, how;
    long long pos;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0 || px_ll_conv(a[1], &pos) < 0
        || px_int_conv(a[2], &how) < 0)
        return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_long_long((long long)r);
}

/* fsync / fdatasync accept an fd or an object with fileno(). */
static int fileno_conv(KnObject *o, int *fd)
{
    if (KN_INT_CHECK(o))
        return px_int_conv(o, fd);
    KnObject *r = ob_call_method(o, "fileno", 0);
    if (r == NULL)
        return -1;
    return px_int_conv(r, fd);
}

static KnObject *sync_common(const char *fname, int (*sync)(int), PX_ARGS)
{
    static const char *const names[] = {"fd", NULL};
    KnArgSpec spec = {fname, names, 1, 1, 0};
    KnObject *a[1] = {0};
    int fd;
    if (PARSE(spec, a) < 0 || fileno_conv(a[0], &fd) < 0)
        return NULL;
    if (sync(fd) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_fsync(PX_ARGS) { return sync_common("fsync", fsync, m, args, nargs, kw); }
static KnObject *px_fdatasync(PX_ARGS) { return sync_common("fdatasync", fdatasync, m, args, nargs, kw); }

static KnObject *px_ftruncate(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"ftruncate", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd;
    long long len;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0 || px_ll_conv(a[1], &len) < 0)
        return NULL;
    int r;
    PX_RETRY(r, ftruncate(fd, (off_t)len));
    if (r < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_dup(PX_ARGS)
{
    int fd;
    if (one_fd("dup", m, args, nargs, kw, &fd) < 0)
        return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_ssize(r);
}

static KnObject *px_dup2(PX_ARGS)
{
    static const char *const names[] = {"fd", "fd2", "inheritable", NULL};
    static const KnArgSpec spec = {"dup2", names, 2, 3, 0};
    KnObject *a[3] = {0};
    int fd, fd2, inh;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0 || px_int_conv(a[1], &fd2) < 0
        || px_bool_conv(a[2], 1, &inh) < 0)
        return NULL;
    int r = fd == fd2 ? (fcntl(fd, F_GETFD) < 0 ? -1 : fd) : dup3(fd, fd2, inh ? 0 : O_CLOEXEC);
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_ssize(r);
}

static KnObject *pipe_result(int flags)
{
    int fds[2];
    if (pipe2(fds, flags) < 0)
        return px_err(NULL);
    return ob_tuple_pack(2, ob_int_from_ssize(fds[0]), ob_int_from_ssize(fds[1]));
}

static KnObject *px_pipe(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return pipe_result(O_CLOEXEC);
}

static KnObject *px_pipe2(KnObject *m, KnObject *arg)
{
    (void)m;
    int flags;
    if (px_int_conv(arg, &flags) < 0)
        return NULL;
    return pipe_result(flags);
}

static KnObject *px_isatty(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (px_int_conv(arg, &fd) < 0)
        return NULL;
    return KN_BOOL(isatty(fd));
}

static KnObject *px_get_inheritable(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (px_int_conv(arg, &fd) < 0)
        return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0)
        return px_err(NULL);
    return KN_BOOL(!(fl & FD_CLOEXEC));
}

static KnObject *px_set_inheritable(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"set_inheritable", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd, inh;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0 || px_int_conv(a[1], &inh) < 0)
        return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0 || fcntl(fd, F_SETFD, inh ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_get_blocking(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (px_int_conv(arg, &fd) < 0)
        return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return px_err(NULL);
    return KN_BOOL(!(fl & O_NONBLOCK));
}

static KnObject *px_set_blocking(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"set_blocking", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd, blk;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0 || px_int_conv(a[1], &blk) < 0)
        return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, blk ? fl & ~O_NONBLOCK : fl | O_NONBLOCK) < 0)
        return px_err(NULL);
    return KN_None;
}

/* Kiln's locale is always UTF-8 (PEP 540 UTF-8 mode semantics): a tty's
 * encoding is 'UTF-8'; anything else has none. */
static KnObject *px_device_encoding(PX_ARGS)
{
    int fd;
    if (one_fd("device_encoding", m, args, nargs, kw, &fd) < 0)
        return NULL;
    return isatty(fd) ? ob_str_from_cstr("UTF-8") : KN_None;
}

static KnObject *px_get_terminal_size(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int fd = 1;
    if (ob_args_check_positional("get_terminal_size", nargs, 0, 1) < 0
        || (nargs == 1 && px_int_conv(args[0], &fd) < 0))
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return px_err(NULL);
    KnObject *v[2] = {ob_int_from_ssize(w.ws_col), ob_int_from_ssize(w.ws_row)};
    return ss_new(terminal_size_type, v);
}

static const char *const ts_fields[] = {"columns", "lines"};

int px_fd_init(KnObject *m)
{
    if (terminal_size_type == NULL) {
        terminal_size_type = ss_new_type("os.terminal_size",
            "A tuple of (columns, lines) for holding terminal window size", ts_fields, 2, 2);
        if (terminal_size_type == NULL)
            return -1;
    }
    return ob_module_add_object(m, "terminal_size", (KnObject *)terminal_size_type);
}

KnMethodDef px_fd_methods[] = {
    {"open", PX_FC(px_open), PX_KW, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", PX_FC(px_close), PX_KW, "Close a file descriptor."},
    {"closerange", PX_FC(px_closerange), PX_KW, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", PX_FC(px_read), PX_KW, "Read from a file descriptor.  Returns a bytes object."},
    {"write", PX_FC(px_write), PX_KW, "Write a bytes object to a file descriptor."},
    {"lseek", PX_FC(px_lseek), PX_KW, "Set the position of a file descriptor.  Return the new position."},
    {"fsync", PX_FC(px_fsync), PX_KW, "Force write of fd to disk."},
    {"fdatasync", PX_FC(px_fdatasync), PX_KW, "Force write of fd to disk without forcing update of metadata."},
    {"ftruncate", PX_FC(px_ftruncate), PX_KW, "Truncate a file, specified by file descriptor, to a specific length."},
    {"dup", PX_FC(px_dup), PX_KW, "Return a duplicate of a file descriptor."},
    {"dup2", PX_FC(px_dup2), PX_KW, "Duplicate file descriptor."},
    {"pipe", px_pipe, KN_METH_NOARGS, "Create a pipe."},
    {"pipe2", px_pipe2, KN_METH_O, "Create a pipe with flags set atomically."},
    {"isatty", px_isatty, KN_METH_O, "Return True if the fd is connected to a terminal."},
    {"get_inheritable", px_get_inheritable, KN_METH_O, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", PX_FC(px_set_inheritable), PX_KW, "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking", px_get_blocking, KN_METH_O, "Get the blocking mode of the file descriptor."},
    {"set_blocking", PX_FC(px_set_blocking), PX_KW, "Set the blocking mode of the specified file descriptor."},
    {"device_encoding", PX_FC(px_device_encoding), PX_KW, "Return a string describing the encoding of a terminal's file descriptor."},
    {"get_terminal_size", PX_FC(px_get_terminal_size), KN_METH_FASTCALL, "Return the size of the terminal window as (columns, lines)."},
    {NULL, NULL, 0, NULL}
};
