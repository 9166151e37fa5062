/*
 * socket_io.c — the socket methods that may block: _accept, connect,
 * connect_ex, recv, recv_into, recvfrom, recvfrom_into, send, sendall,
 * sendto; and sk_call, the loop they share (timeouts through poll(),
 * EINTR retried after the pending-signal check — PEP 475).
 *
 * TODO(gil): when libjit grows GIL release helpers, release the GIL
 * around poll() and the system call in sk_call / do_connect.
 */
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "socket_internal.h"
#include "intarg.h"
#include "stdlib/signals.h"

sk_time_t sk_monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (sk_time_t)ts.tv_sec * SK_NS + ts.tv_nsec;
}

KnObject *sk_errno_error(void)
{
    return ob_err_from_errno(ob_exc_OSError, NULL);
}

int sk_check_open(SockObject *s)
{
    if (s->fd >= 0)
        return 0;
    errno = EBADF;
    sk_errno_error();
    return -1;
}

/* A size argument ("n" format). */
static int ssize_arg(KnObject *o, kn_ssize_t *out)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, overflow > 0
                          ? "Python int too large to convert to C ssize_t"
                          : "Python int too small to convert to C ssize_t");
        return -1;
    }
    *out = (kn_ssize_t)v;
    return 0;
}

/* PyArg_ParseTuple's argument-count messages. */
int sk_nargs(const char *fname, kn_ssize_t n, int min, int max)
{
    if (n >= min && n <= max)
        return 0;
    int want = n < min ? min : max;
    ob_err_format(ob_exc_TypeError, "%s() takes %s %d argument%s (%zd given)", fname,
                  min == max ? "exactly" : n < min ? "at least" : "at most", want,
                  want == 1 ? "" : "s", n);
    return -1;
}

/* Wait for the socket to be ready: 0 ready, 1 timed out, -1 with errno.
 * interval < 0 waits without limit. */
static int wait_ready(SockObject *s, int writing, sk_time_t interval, int connect)
{
    if (s->fd < 0)
        return 0;   /* the call itself reports EBADF */
    struct pollfd p = {s->fd, (short)(writing ? POLLOUT : POLLIN), 0};
    if (connect)
        p.events = POLLOUT | POLLERR;
    int ms = -1;
    if (interval >= 0) {
        sk_time_t m = (interval + 999999) / 1000000;
        ms = m > INT_MAX ? INT_MAX : (int)m;
    }
    int r = poll(&p, 1, ms);
    if (r < 0)
        return -1;
    return r == 0 ? 1 : 0;
}

int sk_call(SockObject *s, int writing, SkCallFn fn, void *data, int connect,
            int *err, sk_time_t timeout)
{
    int has_timeout = timeout > 0;
    sk_time_t deadline = 0;
    int started = 0;
    for (;;) {
        if (has_timeout || connect) {
            sk_time_t interval = -1;
            if (has_timeout) {
                if (started) {
                    interval = deadline - sk_monotonic();
                } else {
                    deadline = sk_monotonic() + timeout;
                    interval = timeout;
                    started = 1;
                }
            }
            int r = interval < 0 && has_timeout ? 1 : wait_ready(s, writing, interval, connect);
            if (r < 0) {
                if (errno == EINTR) {
                    if (kn_signal_check() < 0)
                        return -1;
                    continue;
                }
                if (err != NULL) {
                    *err = errno;
                    return -2;
                }
                sk_errno_error();
                return -1;
            }
            if (r == 1) {
                if (err != NULL) {
                    *err = EWOULDBLOCK;
                    return -2;
                }
                ob_err_set_string(ob_exc_TimeoutError, "timed out");
                return -1;
            }
        }
        for (;;) {
            if (fn(s, data) == 0)
                return 0;
            if (errno != EINTR)
                break;
            if (kn_signal_check() < 0)
                return -1;
        }
        if (s->timeout > 0 && (errno == EWOULDBLOCK || errno == EAGAIN))
            continue;
        if (err != NULL) {
            *err = errno;
            return -2;
        }
        sk_errno_error();
        return -1;
    }
}

/* ------------------------------------------------------------ accept */

typedef struct AcceptCtx {
    SkAddr addr;
    socklen_t len;
    int fd;
} AcceptCtx;

static int accept_impl(SockObject *s, void *data)
{
    AcceptCtx *c = data;
    c->len = sizeof c->addr;
    c->fd = accept4(s->fd, &c->addr.sa, &c->len, SOCK_CLOEXEC);
    return c->fd < 0 ? -1 : 0;
}

static KnObject *sk_accept(KnObject *self, KnObject *unused)
{
    (void)unused;
    AcceptCtx c;
    memset(&c, 0, sizeof c);
    if (sk_call(SK(self), 0, accept_impl, &c, 0, NULL, SK(self)->timeout) < 0)
        return NULL;
    KnObject *addr = sk_addr_make(&c.addr.sa, c.len, SK(self)->proto);
    if (addr == NULL) {
        close(c.fd);
        return NULL;
    }
    return ob_tuple_pack(2, ob_int_from_long_long(c.fd), addr);
}

/* ----------------------------------------------------------- connect */

static int connect_done_impl(SockObject *s, void *data)
{
    (void)data;
    int e = 0;
    socklen_t n = sizeof e;
    if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &e, &n) < 0)
        return -1;
    if (e == EISCONN || e == 0)
        return 0;
    errno = e;
    return -1;
}

/* connect(2) as CPython's internal_connect: 0 connected; -1 with the
 * exception set; with raise 0, a positive errno instead of an OSError. */
static int do_connect(SockObject *s, const SkAddr *addr, socklen_t len, int raise)
{
    if (connect(s->fd, &addr->sa, len) == 0)
        return 0;
    int e = errno, wait;
    if (e == EINTR) {
        if (kn_signal_check() < 0)
            return -1;
        /* the connection goes on in the background: wait for it unless
         * the socket is non-blocking */
        wait = s->timeout != 0;
    } else {
        wait = s->timeout > 0 && e == EINPROGRESS;
    }
    if (!wait) {
        if (!raise)
            return e;
        errno = e;
        sk_errno_error();
        return -1;
    }
    int err = 0;
    int r = sk_call(s, 1, connect_done_impl, NULL, 1, raise ? NULL : &err, s->timeout);
    if (r == -2)
        return err;
    return r;
}

static KnObject *sk_connect(KnObject *self, KnObject *arg)
{
    SkAddr addr;
    socklen_t len;
    if (sk_addr_parse(SK(self), arg, &addr, &len, "connect") < 0)
        return NULL;
    return do_connect(SK(self), &addr, len, 1) < 0 ? NULL : KN_None;
}

static KnObject *sk_connect_ex(KnObject *self, KnObject *arg)
{
    SkAddr addr;
    socklen_t len;
    if (sk_addr_parse(SK(self), arg, &addr, &len, "connect_ex") < 0)
        return NULL;
    int r = do_connect(SK(self), &addr, len, 0);
    return r < 0 ? NULL : ob_int_from_long_long(r);
}

/* -------------------------------------------------------------- recv */

typedef struct IoCtx {
    char *buf;
    kn_ssize_t len;
    int flags;
    kn_ssize_t result;
    SkAddr addr;          /* recvfrom: the peer; sendto: the target */
    socklen_t addrlen;
} IoCtx;

static int recv_impl(SockObject *s, void *data)
{
    IoCtx *c = data;
    c->result = recv(s->fd, c->buf, (size_t)c->len, c->flags);
    return c->result < 0 ? -1 : 0;
}

static int recvfrom_impl(SockObject *s, void *data)
{
    IoCtx *c = data;
    c->addrlen = sizeof c->addr;
    c->result = recvfrom(s->fd, c->buf, (size_t)c->len, c->flags, &c->addr.sa, &c->addrlen);
    return c->result < 0 ? -1 : 0;
}

static int send_impl(SockObject *s, void *data)
{
    IoCtx *c = data;
    c->result = send(s->fd, c->buf, (size_t)c->len, c->flags);
    return c->result < 0 ? -1 : 0;
}

static int sendto_impl(SockObject *s, void *data)
{
    IoCtx *c = data;
    c->result = sendto(s->fd, c->buf, (size_t)c->len, c->flags, &c->addr.sa, c->addrlen);
    return c->result < 0 ? -1 : 0;
}

/* bufsize and flags of recv / recvfrom ("n|i"). */
static int size_flags(const char *fname, KnObject *const *args, kn_ssize_t nargs,
                      kn_ssize_t *size, int *flags)
{
    *flags = 0;
    if (sk_nargs(fname, nargs, 1, 2) < 0 || ssize_arg(args[0], size) < 0
        || (nargs > 1 && sel_int_arg(args[1], flags) < 0))
        return -1;
    if (*size < 0) {
        ob_err_format(ob_exc_ValueError, "negative buffersize in %s", fname);
        return -1;
    }
    return 0;
}

/* A fresh bytes object holding the first n bytes of b. */
static KnObject *bytes_prefix(KnObject *b, kn_ssize_t size, kn_ssize_t n)
{
    return n == size ? b : ob_bytes_from_data(KN_BYTES_AS_STRING(b), n);
}

static KnObject *sk_recv(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoCtx c;
    memset(&c, 0, sizeof c);
    if (size_flags("recv", args, nargs, &c.len, &c.flags) < 0)
        return NULL;
    KnObject *b = ob_bytes_new_uninit(c.len);
    if (b == NULL)
        return NULL;
    c.buf = KN_BYTES_AS_STRING(b);
    if (sk_call(SK(self), 0, recv_impl, &c, 0, NULL, SK(self)->timeout) < 0)
        return NULL;
    return bytes_prefix(b, c.len, c.result);
}

static KnObject *sk_recvfrom(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoCtx c;
    memset(&c, 0, sizeof c);
    if (size_flags("recvfrom", args, nargs, &c.len, &c.flags) < 0)
        return NULL;
    KnObject *b = ob_bytes_new_uninit(c.len);
    if (b == NULL)
        return NULL;
    c.buf = KN_BYTES_AS_STRING(b);
    if (sk_call(SK(self), 0, recvfrom_impl, &c, 0, NULL, SK(self)->timeout) < 0)
        return NULL;
    KnObject *addr = sk_addr_make(&c.addr.sa, c.addrlen, SK(self)->proto);
    if (addr == NULL)
        return NULL;
    return ob_tuple_pack(2, bytes_prefix(b, c.len, c.result), addr);
}

/* A writable, contiguous view of `o` for recv_into / recvfrom_into. */
static int writable_view(KnObject *o, KnBuffer *v, const char *fname)
{
    if (ob_buffer_check(o) && ob_buffer_get(o, v, KN_BUF_WRITABLE) == 0) {
        if (ob_buffer_is_contiguous(v, 'C'))
            return 0;
        ob_buffer_release(v);
    } else if (ob_buffer_check(o)) {
        ob_err_clear();
    }
    ob_err_format(ob_exc_TypeError, "%s() argument 1 must be read-write bytes-like object, not %s",
                  fname, ob_type_name(KN_TYPE(o)));
    return -1;
}

/* recv_into / recvfrom_into: (buffer, nbytes=0, flags=0). */
static int into_args(const KnArgSpec *spec, KnObject *const *args, kn_ssize_t nargs,
                     KnObject *kw, KnBuffer *v, IoCtx *c)
{
    KnObject *a[3] = {0};
    kn_ssize_t n = 0;
    if (ob_args_parse(spec, args, nargs, kw, a) < 0)
        return -1;
    if ((a[1] != NULL && ssize_arg(a[1], &n) < 0)
        || (a[2] != NULL && sel_int_arg(a[2], &c->flags) < 0))
        return -1;
    if (writable_view(a[0], v, spec->fname) < 0)
        return -1;
    if (n < 0) {
        ob_buffer_release(v);
        ob_err_format(ob_exc_ValueError, "negative buffersize in %s", spec->fname);
        return -1;
    }
    if (n == 0)
        n = v->len;
    c->buf = v->buf;
    c->len = n;
    return 0;
}

static const char *const into_names[] = {"buffer", "nbytes", "flags", NULL};

/* recv_into (from 0) / recvfrom_into (from 1): the byte count, or
 * (count, address). */
static KnObject *recv_into_common(SK_ARGS, int from)
{
    static const KnArgSpec specs[2] = {{"recv_into", into_names, 1, 3, 0},
                                       {"recvfrom_into", into_names, 1, 3, 0}};
    IoCtx c;
    KnBuffer v;
    memset(&c, 0, sizeof c);
    if (into_args(&specs[from], args, nargs, kw, &v, &c) < 0)
        return NULL;
    if (c.len > v.len) {
        ob_buffer_release(&v);
        ob_err_set_string(ob_exc_ValueError, from ? "nbytes is greater than the length of the buffer"
                                                  : "buffer too small for requested bytes");
        return NULL;
    }
    int r = sk_call(SK(self), 0, from ? recvfrom_impl : recv_impl, &c, 0, NULL, SK(self)->timeout);
    ob_buffer_release(&v);
    if (r < 0)
        return NULL;
    if (!from)
        return ob_int_from_long_long(c.result);
    KnObject *addr = sk_addr_make(&c.addr.sa, c.addrlen, SK(self)->proto);
    return addr == NULL ? NULL : ob_tuple_pack(2, ob_int_from_long_long(c.result), addr);
}

static KnObject *sk_recv_into(SK_ARGS)
{
    return recv_into_common(self, args, nargs, kw, 0);
}

static KnObject *sk_recvfrom_into(SK_ARGS)
{
    return recv_into_common(self, args, nargs, kw, 1);
}

/* -------------------------------------------------------------- send */

/* A read-only contiguous view of a bytes-like data argument. */
static int data_view(KnObject *o, KnBuffer *v)
{
    if (ob_buffer_get(o, v, KN_BUF_SIMPLE) < 0)
        return -1;
    if (!ob_buffer_is_contiguous(v, 'C')) {
        ob_buffer_release(v);
        ob_err_set_string(ob_exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    return 0;
}

static KnObject *sk_send(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoCtx c;
    KnBuffer v;
    memset(&c, 0, sizeof c);
    if (sk_nargs("send", nargs, 1, 2) < 0 || data_view(args[0], &v) < 0)
        return NULL;
    if (nargs > 1 && sel_int_arg(args[1], &c.flags) < 0) {
        ob_buffer_release(&v);
        return NULL;
    }
    c.buf = v.buf;
    c.len = v.len;
    int r = sk_call(SK(self), 1, send_impl, &c, 0, NULL, SK(self)->timeout);
    ob_buffer_release(&v);
    return r < 0 ? NULL : ob_int_from_long_long(c.result);
}

static KnObject *sk_sendall(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    SockObject *s = SK(self);
    IoCtx c;
    KnBuffer v;
    memset(&c, 0, sizeof c);
    if (sk_nargs("sendall", nargs, 1, 2) < 0 || data_view(args[0], &v) < 0)
        return NULL;
    if (nargs > 1 && sel_int_arg(args[1], &c.flags) < 0) {
        ob_buffer_release(&v);
        return NULL;
    }
    char *p = v.buf;
    kn_ssize_t left = v.len;
    sk_time_t deadline = s->timeout > 0 ? sk_monotonic() + s->timeout : 0;
    KnObject *result = KN_None;
    do {
        sk_time_t interval = s->timeout;
        if (s->timeout > 0) {
            interval = deadline - sk_monotonic();
            if (interval <= 0) {
                ob_err_set_string(ob_exc_TimeoutError, "timed out");
                result = NULL;
                break;
            }
        }
        c.buf = p;
        c.len = left;
        if (sk_call(s, 1, send_impl, &c, 0, NULL, interval) < 0) {
            result = NULL;
            break;
        }
        p += c.result;
        left -= c.result;
        /* a partial write may hide a signal: run the handlers first */
        if (kn_signal_check() < 0) {
            result = NULL;
            break;
        }
    } while (left > 0);
    ob_buffer_release(&v);
    return result;
}

static KnObject *sk_sendto(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoCtx c;
    KnBuffer v;
    memset(&c, 0, sizeof c);
    if (nargs != 2 && nargs != 3) {
        ob_err_format(ob_exc_TypeError, "sendto() takes 2 or 3 arguments (%zd given)", nargs);
        return NULL;
    }
    if (data_view(args[0], &v) < 0)
        return NULL;
    if ((nargs == 3 && sel_int_arg(args[1], &c.flags) < 0)
        || sk_addr_parse(SK(self), args[nargs - 1], &c.addr, &c.addrlen, "sendto") < 0) {
        ob_buffer_release(&v);
        return NULL;
    }
    c.buf = v.buf;
    c.len = v.len;
    int r = sk_call(SK(self), 1, sendto_impl, &c, 0, NULL, SK(self)->timeout);
    ob_buffer_release(&v);
    return r < 0 ? NULL : ob_int_from_long_long(c.result);
}

KnMethodDef sk_io_methods[] = {
    {"_accept", SK_FC(sk_accept), KN_METH_NOARGS,
     "_accept() -> (integer, address info)\n\nWait for an incoming connection.  Return a new socket file descriptor\nrepresenting the connection, and the address of the client.\nFor IP sockets, the address info is a pair (hostaddr, port)."},
    {"connect", SK_FC(sk_connect), KN_METH_O,
     "connect(address)\n\nConnect the socket to a remote address.  For IP sockets, the address\nis a pair (host, port)."},
    {"connect_ex", SK_FC(sk_connect_ex), KN_METH_O,
     "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code (the errno value)\ninstead of raising an exception when an error occurs."},
    {"recv", SK_FC(sk_recv), KN_METH_FASTCALL,
     "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes from the socket."},
    {"recv_into", SK_FC(sk_recv_into), SK_KW,
     "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nA version of recv() that stores its data into a buffer rather than creating\na new string."},
    {"recvfrom", SK_FC(sk_recvfrom), KN_METH_FASTCALL,
     "recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(buffersize, flags) but also return the sender's address info."},
    {"recvfrom_into", SK_FC(sk_recvfrom_into), SK_KW,
     "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike recv_into(buffer[, nbytes[, flags]]) but also return the sender's address info."},
    {"send", SK_FC(sk_send), KN_METH_FASTCALL,
     "send(data[, flags]) -> count\n\nSend a data string to the socket.  Return the number of bytes sent."},
    {"sendall", SK_FC(sk_sendall), KN_METH_FASTCALL,
     "sendall(data[, flags])\n\nSend a data string to the socket.  Keep sending until all the data is sent."},
    {"sendto", SK_FC(sk_sendto), KN_METH_FASTCALL,
     "sendto(data[, flags], address) -> count\n\nLike send(data, flags) but allows specifying the destination address."},
    {NULL, NULL, 0, NULL}
};
