/*
 * socket_object.c — the `_socket.socket` type (subclassed by socket.py):
 * creation (a new socket, or adopting a descriptor whose family, type and
 * protocol are read from the kernel), attributes, blocking mode and
 * timeouts, close / detach / dup, bind, listen, shutdown, the address
 * getters and socket options.  The calls that may block live in
 * socket_io.c and socket_msg.c.
 *
 * Sockets are created close-on-exec.  A socket with a timeout keeps its
 * descriptor in O_NONBLOCK mode; sk_call waits with poll() (NOTES-socket.md).
 */
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "socket_internal.h"
#include "intarg.h"

sk_time_t sk_default_timeout = -1;

int sk_set_blocking_fd(int fd, int block)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -1;
    int want = block ? (fl & ~O_NONBLOCK) : (fl | O_NONBLOCK);
    if (want != fl && fcntl(fd, F_SETFL, want) < 0)
        return -1;
    return 0;
}

/* CPython's _PyTime_FromSecondsObject with rounding away from zero,
 * then the range check of socket timeouts. */
int sk_parse_timeout(KnObject *o, sk_time_t *out)
{
    if (o == KN_None) {
        *out = -1;
        return 0;
    }
    sk_time_t t;
    if (KN_FLOAT_CHECK(o)) {
        double d = ob_float_as_double(o);
        if (isnan(d)) {
            ob_err_set_string(ob_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d *= 1e9;
        d = d >= 0 ? ceil(d) : floor(d);
        if (!(d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)) {
            ob_err_set_string(ob_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        t = (sk_time_t)d;
    } else {
        long long v;
        int overflow;
        if (kn_arg_index_ll(o, &v, &overflow) < 0)
            return -1;
        if (overflow || v > INT64_MAX / SK_NS || v < INT64_MIN / SK_NS) {
            ob_err_set_string(ob_exc_OverflowError,
                              "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        t = (sk_time_t)v * SK_NS;
    }
    if (t < 0) {
        ob_err_set_string(ob_exc_ValueError, "Timeout value out of range");
        return -1;
    }
    *out = t;
    return 0;
}

KnObject *sk_timeout_to_object(sk_time_t t)
{
    if (t < 0)
        return KN_None;
    double secs = t % SK_NS == 0 ? (double)(t / SK_NS) : (double)t / 1e9;
    return ob_float_from_double(secs);
}

/* Fill a fresh object as CPython's init_sockobject: the type without
 * its SOCK_NONBLOCK / SOCK_CLOEXEC flags, the timeout from the flags or
 * the module default. */
static int sock_setup(SockObject *s, int fd, int family, int type, int proto)
{
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    if (type & SOCK_NONBLOCK) {
        s->timeout = 0;
        return 0;
    }
    s->timeout = sk_default_timeout;
    if (sk_default_timeout >= 0 && sk_set_blocking_fd(fd, 0) < 0) {
        sk_errno_error();
        return -1;
    }
    return 0;
}

static KnObject *sock_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args;
    (void)kwargs;
    SockObject *s = (SockObject *)ob_type_generic_alloc(t, 0);
    if (s == NULL)
        return NULL;
    s->fd = -1;
    s->timeout = -1;
    return (KnObject *)s;
}

KnObject *sk_socket_from_fd(int fd, int family, int type, int proto)
{
    SockObject *s = (SockObject *)sock_new(&sk_socket_type, NULL, NULL);
    if (s == NULL || sock_setup(s, fd, family, type, proto) < 0)
        return NULL;
    return (KnObject *)s;
}

/* An int socket option of fd (SO_TYPE, SO_PROTOCOL); -1 with errno. */
static int int_option(int fd, int name, int *out)
{
    socklen_t n = sizeof *out;
    return getsockopt(fd, SOL_SOCKET, name, out, &n);
}

static int sock_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"family", "type", "proto", "fileno", NULL};
    static const KnArgSpec spec = {"socket", names, 0, 4, 0};
    KnObject *a[4] = {0};
    int family = -1, type = -1, proto = -1, fd;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0
        || (a[0] != NULL && sel_int_arg(a[0], &family) < 0)
        || (a[1] != NULL && sel_int_arg(a[1], &type) < 0)
        || (a[2] != NULL && sel_int_arg(a[2], &proto) < 0))
        return -1;
    if (a[3] != NULL && a[3] != KN_None) {
        long long v;
        int overflow;
        if (kn_arg_index_ll(a[3], &v, &overflow) < 0)
            return -1;
        if (overflow || v > INT_MAX || v < INT_MIN) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
            return -1;
        }
        if (v < 0) {
            ob_err_set_string(ob_exc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
        /* the descriptor must be a socket: ask the kernel what it is */
        SkAddr addr;
        socklen_t len = sizeof addr;
        memset(&addr, 0, sizeof addr);
        if (getsockname(fd, &addr.sa, &len) == 0) {
            if (family == -1)
                family = addr.sa.sa_family;
        } else if (errno == EBADF || errno == ENOTSOCK) {
            sk_errno_error();
            return -1;
        }
        if ((type == -1 && int_option(fd, SO_TYPE, &type) < 0)
            || (proto == -1 && int_option(fd, SO_PROTOCOL, &proto) < 0)) {
            sk_errno_error();
            return -1;
        }
    } else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        if (fd < 0) {
            sk_errno_error();
            return -1;
        }
    }
    return sock_setup(SK(self), fd, family, type, proto);
}

/* Closing an unreachable socket: a ResourceWarning (ignored by the
 * default filters), then close(2). */
static void sock_finalize(KnObject *self)
{
    SockObject *s = SK(self);
    if (s->fd < 0)
        return;
    KnObject *saved = ob_err_fetch();
    if (ob_err_warn_format((KnObject *)ob_exc_ResourceWarning, 1, "unclosed %R", self) < 0)
        ob_err_write_unraisable(self);
    int fd = s->fd;
    s->fd = -1;
    if (fd >= 0)
        close(fd);
    ob_err_restore(saved);
}

static KnObject *sock_repr(KnObject *self)
{
    SockObject *s = SK(self);
    return ob_str_from_format("<socket object, fd=%ld, family=%d, type=%d, proto=%d>",
                              (long)s->fd, s->family, s->type, s->proto);
}

/* ------------------------------------------------------ simple methods */

static KnObject *sock_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    int fd = SK(self)->fd;
    if (fd >= 0) {
        SK(self)->fd = -1;
        /* never retried on EINTR: the descriptor is gone either way; a
         * peer that already reset the connection is not an error */
        if (close(fd) < 0 && errno != ECONNRESET)
            return sk_errno_error();
    }
    return KN_None;
}

static KnObject *sock_detach(KnObject *self, KnObject *unused)
{
    (void)unused;
    int fd = SK(self)->fd;
    SK(self)->fd = -1;
    return ob_int_from_long_long(fd);
}

static KnObject *sock_fileno(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_int_from_long_long(SK(self)->fd);
}

static KnObject *sock_dup(KnObject *self, KnObject *unused)
{
    (void)unused;
    SockObject *s = SK(self);
    int fd = fcntl(s->fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return sk_errno_error();
    KnObject *r = sk_socket_from_fd(fd, s->family, s->type, s->proto);
    if (r == NULL)
        close(fd);
    return r;
}

static KnObject *sock_setblocking(KnObject *self, KnObject *arg)
{
    int block;
    if (sel_int_arg(arg, &block) < 0)
        return NULL;
    SK(self)->timeout = block ? -1 : 0;
    if (sk_set_blocking_fd(SK(self)->fd, block) < 0)
        return sk_errno_error();
    return KN_None;
}

static KnObject *sock_getblocking(KnObject *self, KnObject *unused)
{
    (void)unused;
    return KN_BOOL(SK(self)->timeout != 0);
}

static KnObject *sock_settimeout(KnObject *self, KnObject *arg)
{
    sk_time_t t;
    if (sk_parse_timeout(arg, &t) < 0)
        return NULL;
    SK(self)->timeout = t;
    if (sk_set_blocking_fd(SK(self)->fd, t < 0) < 0)
        return sk_errno_error();
    return KN_None;
}

static KnObject *sock_gettimeout(KnObject *self, KnObject *unused)
{
    (void)unused;
    return sk_timeout_to_object(SK(self)->timeout);
}

static KnObject *sock_timeout_get(KnObject *self, void *closure)
{
    (void)closure;
    return sk_timeout_to_object(SK(self)->timeout);
}

static KnObject *sock_bind(KnObject *self, KnObject *arg)
{
    SkAddr addr;
    socklen_t len;
    if (sk_addr_parse(SK(self), arg, &addr, &len, "bind") < 0)
        return NULL;
    if (bind(SK(self)->fd, &addr.sa, len) < 0)
        return sk_errno_error();
    return KN_None;
}

static KnObject *sock_listen(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (sk_nargs("listen", nargs, 0, 1) < 0 || (nargs == 1 && sel_int_arg(args[0], &backlog) < 0))
        return NULL;
    if (backlog < 0)
        backlog = 0;
    if (listen(SK(self)->fd, backlog) < 0)
        return sk_errno_error();
    return KN_None;
}

static KnObject *sock_shutdown(KnObject *self, KnObject *arg)
{
    int how;
    if (sel_int_arg(arg, &how) < 0)
        return NULL;
    if (shutdown(SK(self)->fd, how) < 0)
        return sk_errno_error();
    return KN_None;
}

static KnObject *name_of(KnObject *self, int peer)
{
    SkAddr addr;
    socklen_t len = sizeof addr;
    memset(&addr, 0, sizeof addr);
    int r = peer ? getpeername(SK(self)->fd, &addr.sa, &len)
                 : getsockname(SK(self)->fd, &addr.sa, &len);
    if (r < 0)
        return sk_errno_error();
    return sk_addr_make(&addr.sa, len, SK(self)->proto);
}

static KnObject *sock_getsockname(KnObject *self, KnObject *unused)
{
    (void)unused;
    return name_of(self, 0);
}

static KnObject *sock_getpeername(KnObject *self, KnObject *unused)
{
    (void)unused;
    return name_of(self, 1);
}

/* ------------------------------------------------------------- options */

/* A C int without raising (0 when o is not one). */
static int quiet_int(KnObject *o, int *out)
{
    if (KN_FLOAT_CHECK(o) || !ob_index_check(o))
        return 0;
    int ok = sel_int_arg(o, out) == 0;
    if (!ok)
        ob_err_clear();
    return ok;
}

/* AF_VSOCK options are 64-bit: setsockopt(level, name, int) only, the
 * value taken modulo 2**64 (the "K" format). */
static KnObject *vsock_setsockopt(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    int level, name;
    if (sk_nargs("setsockopt", nargs, 3, 3) < 0 || sel_int_arg(args[0], &level) < 0
        || sel_int_arg(args[1], &name) < 0)
        return NULL;
    if (!KN_INT_CHECK(args[2]))
        return ob_err_format(ob_exc_TypeError, "setsockopt() argument 3 must be int, not %s",
                             ob_type_name(KN_TYPE(args[2])));
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 32) {
        KnObject *part = ob_number_and(ob_number_rshift(args[2], ob_int_from_long_long(shift)),
                                       ob_int_from_long_long(0xffffffffLL));
        if (part == NULL)
            return NULL;
        v |= (uint64_t)ob_int_as_long_long(part) << shift;
    }
    if (setsockopt(SK(self)->fd, level, name, &v, sizeof v) < 0)
        return sk_errno_error();
    return KN_None;
}

/* setsockopt(level, name, int | buffer) or (level, name, None, optlen):
 * the forms are tried in that order, and the errors are those of the
 * buffer form, as CPython's successive argument parses. */
static KnObject *sock_setsockopt(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    int level, name, flag;
    int r;
    if (SK(self)->family == AF_VSOCK)
        return vsock_setsockopt(self, args, nargs);
    if (nargs == 3 && quiet_int(args[0], &level) && quiet_int(args[1], &name)
        && quiet_int(args[2], &flag)) {
        r = setsockopt(SK(self)->fd, level, name, &flag, sizeof flag);
        return r < 0 ? sk_errno_error() : KN_None;
    }
    if (nargs == 4 && args[2] == KN_None && quiet_int(args[0], &level)
        && quiet_int(args[1], &name) && KN_INT_CHECK(args[3])) {
        KnObject *masked = ob_number_and(args[3], ob_int_from_long_long(0xffffffffLL));
        if (masked == NULL)
            return NULL;
        socklen_t optlen = (socklen_t)ob_int_as_long_long(masked);
        r = setsockopt(SK(self)->fd, level, name, NULL, optlen);
        return r < 0 ? sk_errno_error() : KN_None;
    }
    if (sk_nargs("setsockopt", nargs, 3, 3) < 0 || sel_int_arg(args[0], &level) < 0
        || sel_int_arg(args[1], &name) < 0)
        return NULL;
    KnBuffer v;
    if (ob_buffer_get(args[2], &v, KN_BUF_SIMPLE) < 0)
        return NULL;
    r = setsockopt(SK(self)->fd, level, name, v.buf, (socklen_t)v.len);
    ob_buffer_release(&v);
    return r < 0 ? sk_errno_error() : KN_None;
}

static KnObject *sock_getsockopt(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    int level, name, buflen = 0;
    if (sk_nargs("getsockopt", nargs, 2, 3) < 0 || sel_int_arg(args[0], &level) < 0
        || sel_int_arg(args[1], &name) < 0 || (nargs == 3 && sel_int_arg(args[2], &buflen) < 0))
        return NULL;
    if (buflen == 0 && SK(self)->family == AF_VSOCK) {
        uint64_t v = 0;
        socklen_t n = sizeof v;
        if (getsockopt(SK(self)->fd, level, name, &v, &n) < 0)
            return sk_errno_error();
        return ob_int_from_unsigned_long_long(v);
    }
    if (buflen == 0) {
        int flag = 0;
        socklen_t n = sizeof flag;
        if (getsockopt(SK(self)->fd, level, name, &flag, &n) < 0)
            return sk_errno_error();
        return ob_int_from_long_long(flag);
    }
    if (buflen < 0 || buflen > 1024) {
        ob_err_set_string(ob_exc_OSError, "getsockopt buflen out of range");
        return NULL;
    }
    char buf[1024];
    socklen_t n = (socklen_t)buflen;
    if (getsockopt(SK(self)->fd, level, name, buf, &n) < 0)
        return sk_errno_error();
    return ob_bytes_from_data(buf, n);
}

/* --------------------------------------------------------------- type */

KnMethodDef sk_object_methods[] = {
    {"close", SK_FC(sock_close), KN_METH_NOARGS,
     "close()\n\nClose the socket.  It cannot be used after this call."},
    {"detach", SK_FC(sock_detach), KN_METH_NOARGS,
     "detach()\n\nClose the socket object without closing the underlying file descriptor."},
    {"fileno", SK_FC(sock_fileno), KN_METH_NOARGS,
     "fileno() -> integer\n\nReturn the integer file descriptor of the socket."},
    {"dup", SK_FC(sock_dup), KN_METH_NOARGS,
     "dup() -> socket object\n\nDuplicate the socket. Return a new socket object connected to the same\nsystem resource. The new socket is non-inheritable."},
    {"setblocking", SK_FC(sock_setblocking), KN_METH_O,
     "setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false)."},
    {"getblocking", SK_FC(sock_getblocking), KN_METH_NOARGS,
     "getblocking()\n\nReturns True if socket is in blocking mode, or False if it\nis in non-blocking mode."},
    {"settimeout", SK_FC(sock_settimeout), KN_METH_O,
     "settimeout(timeout)\n\nSet a timeout on socket operations.  'timeout' can be a float,\ngiving in seconds, or None."},
    {"gettimeout", SK_FC(sock_gettimeout), KN_METH_NOARGS,
     "gettimeout() -> timeout\n\nReturns the timeout in seconds (float) associated with socket\noperations."},
    {"bind", SK_FC(sock_bind), KN_METH_O,
     "bind(address)\n\nBind the socket to a local address."},
    {"listen", SK_FC(sock_listen), KN_METH_FASTCALL,
     "listen([backlog])\n\nEnable a server to accept connections."},
    {"shutdown", SK_FC(sock_shutdown), KN_METH_O,
     "shutdown(flag)\n\nShut down the reading side of the socket (flag == SHUT_RD), the writing side\nof the socket (flag == SHUT_WR), or both ends (flag == SHUT_RDWR)."},
    {"getsockname", SK_FC(sock_getsockname), KN_METH_NOARGS,
     "getsockname() -> address info\n\nReturn the address of the local endpoint."},
    {"getpeername", SK_FC(sock_getpeername), KN_METH_NOARGS,
     "getpeername() -> address info\n\nReturn the address of the remote endpoint."},
    {"setsockopt", SK_FC(sock_setsockopt), KN_METH_FASTCALL,
     "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\nsetsockopt(level, option, None, optlen: int)\n\nSet a socket option."},
    {"getsockopt", SK_FC(sock_getsockopt), KN_METH_FASTCALL,
     "getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option."},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef sock_members[] = {
    {"family", KN_T_INT, offsetof(SockObject, family), KN_READONLY, "the socket family"},
    {"type", KN_T_INT, offsetof(SockObject, type), KN_READONLY, "the socket type"},
    {"proto", KN_T_INT, offsetof(SockObject, proto), KN_READONLY, "the socket protocol"},
    {NULL, 0, 0, 0, NULL}
};

static KnGetSetDef sock_getset[] = {
    {"timeout", sock_timeout_get, NULL, "the socket timeout", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject sk_socket_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_socket.socket",
    .tp_basicsize = sizeof(SockObject),
    .tp_repr = sock_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\n"
              "socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\n"
              "Open a socket of the given type.  The family argument specifies the\n"
              "address family; it defaults to AF_INET.  The type argument specifies\n"
              "whether this is a stream (SOCK_STREAM, this is the default)\n"
              "or datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,\n"
              "specifying the default protocol.  Keyword arguments are accepted.\n"
              "The socket is created as non-inheritable.\n\n"
              "When a fileno is passed in, family, type and proto are auto-detected,\n"
              "unless they are explicitly set.\n\n"
              "A socket object represents one endpoint of a network connection.",
    .tp_members = sock_members,
    .tp_getset = sock_getset,
    .tp_init = sock_init,
    .tp_new = sock_new,
    .tp_finalize = sock_finalize,
};
