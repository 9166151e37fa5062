/*
 * socket_module.c — the `_socket` module: its table of functions and
 * constants (socket_consts.def), the functions with no system call that
 * may block: dup, close, socketpair, inet_aton / inet_ntoa / inet_pton /
 * inet_ntop, htons / ntohs / htonl / ntohl, get/setdefaulttimeout,
 * if_nameindex / if_nametoindex / if_indextoname, CMSG_LEN / CMSG_SPACE.
 * The socket type is socket_object.c; look-ups are socket_netdb.c.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/can.h>
#include <linux/can/bcm.h>
#include <linux/can/isotp.h>
#include <linux/can/j1939.h>
#include <linux/can/raw.h>
#include <linux/if_alg.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/qrtr.h>
#include <linux/rds.h>
#include <linux/tipc.h>
#include <linux/vm_sockets.h>

#include "socket_internal.h"
#include "intarg.h"

KnObject *kn_init__socket(void);

/* An int file descriptor argument (PyLong_AsSocket_t). */
static int fd_arg(KnObject *o, int *fd)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow || v > INT_MAX || v < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *fd = (int)v;
    return 0;
}

static KnObject *sk_dup(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return nfd < 0 ? sk_errno_error() : ob_int_from_long_long(nfd);
}

static KnObject *sk_close(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    if (close(fd) < 0 && errno != ECONNRESET)
        return sk_errno_error();
    return KN_None;
}

static KnObject *sk_socketpair(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int v[3] = {AF_UNIX, SOCK_STREAM, 0};
    if (sk_nargs("socketpair", nargs, 0, 3) < 0)
        return NULL;
    for (kn_ssize_t i = 0; i < nargs; i++)
        if (sel_int_arg(args[i], &v[i]) < 0)
            return NULL;
    int sv[2];
    if (socketpair(v[0], v[1] | SOCK_CLOEXEC, v[2], sv) < 0)
        return sk_errno_error();
    KnObject *a = sk_socket_from_fd(sv[0], v[0], v[1], v[2]);
    KnObject *b = a == NULL ? NULL : sk_socket_from_fd(sv[1], v[0], v[1], v[2]);
    if (b == NULL) {
        if (a != NULL)
            SK(a)->fd = -1;
        close(sv[0]);
        close(sv[1]);
        return NULL;
    }
    return ob_tuple_pack(2, a, b);
}

/* --------------------------------------------------- address strings */

static KnObject *sk_inet_aton(KnObject *m, KnObject *arg)
{
    (void)m;
    const char *s = sk_str_arg(arg, "inet_aton", 1);
    if (s == NULL)
        return NULL;
    struct in_addr a;
    if (inet_aton(s, &a) == 0) {
        ob_err_set_string(ob_exc_OSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return ob_bytes_from_data(&a, sizeof a);
}

static KnObject *sk_inet_ntoa(KnObject *m, KnObject *arg)
{
    (void)m;
    KnBuffer v;
    if (ob_buffer_get(arg, &v, KN_BUF_SIMPLE) < 0)
        return NULL;
    if (v.len != 4) {
        ob_buffer_release(&v);
        ob_err_set_string(ob_exc_OSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, v.buf, buf, sizeof buf);
    ob_buffer_release(&v);
    return ob_str_from_cstr(buf);
}

static KnObject *sk_inet_pton(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int af;
    const char *s;
    if (sk_nargs("inet_pton", nargs, 2, 2) < 0 || sel_int_arg(args[0], &af) < 0
        || (s = sk_str_arg(args[1], "inet_pton", 2)) == NULL)
        return NULL;
    unsigned char buf[sizeof(struct in6_addr)];
    int r = inet_pton(af, s, buf);
    if (r < 0)
        return sk_errno_error();
    if (r == 0) {
        ob_err_set_string(ob_exc_OSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    return ob_bytes_from_data(buf, af == AF_INET ? 4 : 16);
}

static KnObject *sk_inet_ntop(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int af;
    KnBuffer v;
    if (sk_nargs("inet_ntop", nargs, 2, 2) < 0 || sel_int_arg(args[0], &af) < 0
        || ob_buffer_get(args[1], &v, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *r = NULL;
    char buf[INET6_ADDRSTRLEN];
    if (af != AF_INET && af != AF_INET6)
        ob_err_format(ob_exc_ValueError, "unknown address family %d", af);
    else if (v.len != (af == AF_INET ? 4 : 16))
        ob_err_set_string(ob_exc_ValueError, "invalid length of packed IP address string");
    else if (inet_ntop(af, v.buf, buf, sizeof buf) == NULL)
        sk_errno_error();
    else
        r = ob_str_from_cstr(buf);
    ob_buffer_release(&v);
    return r;
}

/* ------------------------------------------------------ byte order */

static KnObject *short_order(KnObject *arg, const char *fname, int to_net)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(arg, &v, &overflow) < 0)
        return NULL;
    if (overflow < 0 || (!overflow && v < 0))
        return ob_err_format(ob_exc_OverflowError,
                             "%s: can't convert negative Python int to C 16-bit unsigned integer", fname);
    if (overflow > 0 || v > 0xffff)
        return ob_err_format(ob_exc_OverflowError,
                             "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
    uint16_t x = (uint16_t)v;
    return ob_int_from_long_long(to_net ? htons(x) : ntohs(x));
}

static KnObject *long_order(KnObject *arg, int to_net)
{
    if (!KN_INT_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "expected int, %s found", ob_type_name(KN_TYPE(arg)));
    int overflow;
    long long v = ob_int_as_long_long_and_overflow(arg, &overflow);
    if (overflow < 0 || (!overflow && v < 0))
        return ob_err_format(ob_exc_OverflowError, "can't convert negative value to unsigned int");
    if (overflow > 0) {
        /* beyond long long: unsigned long may still hold it */
        KnObject *limit = ob_number_rshift(arg, ob_int_from_long_long(64));
        if (limit == NULL)
            return NULL;
        if (ob_is_true(limit))
            return ob_err_format(ob_exc_OverflowError,
                                 "Python int too large to convert to C unsigned long");
        return ob_err_format(ob_exc_OverflowError, "int larger than 32 bits");
    }
    if (v > 0xffffffffLL)
        return ob_err_format(ob_exc_OverflowError, "int larger than 32 bits");
    uint32_t x = (uint32_t)v;
    return ob_int_from_long_long(to_net ? htonl(x) : ntohl(x));
}

static KnObject *sk_htons(KnObject *m, KnObject *arg) { (void)m; return short_order(arg, "htons", 1); }
static KnObject *sk_ntohs(KnObject *m, KnObject *arg) { (void)m; return short_order(arg, "ntohs", 0); }
static KnObject *sk_htonl(KnObject *m, KnObject *arg) { (void)m; return long_order(arg, 1); }
static KnObject *sk_ntohl(KnObject *m, KnObject *arg) { (void)m; return long_order(arg, 0); }

/* ------------------------------------------------- default timeout */

static KnObject *sk_getdefaulttimeout(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return sk_timeout_to_object(sk_default_timeout);
}

static KnObject *sk_setdefaulttimeout(KnObject *m, KnObject *arg)
{
    (void)m;
    sk_time_t t;
    if (sk_parse_timeout(arg, &t) < 0)
        return NULL;
    sk_default_timeout = t;
    return KN_None;
}

/* ------------------------------------------------------ interfaces */

static KnObject *sk_if_nameindex(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    struct if_nameindex *ni = if_nameindex();
    if (ni == NULL)
        return sk_errno_error();
    KnObject *out = ob_list_new(0);
    for (struct if_nameindex *p = ni; out != NULL && p->if_index != 0; p++) {
        KnObject *name = ob_str_decode(p->if_name, (kn_ssize_t)strlen(p->if_name), "utf-8",
                                       "surrogateescape");
        KnObject *item = name == NULL ? NULL
            : ob_tuple_pack(2, ob_int_from_long_long(p->if_index), name);
        if (item == NULL || ob_list_append(out, item) < 0)
            out = NULL;
    }
    if_freenameindex(ni);
    return out;
}

static KnObject *sk_if_nametoindex(KnObject *m, KnObject *arg)
{
    (void)m;
    KnObject *path = ob_call_method(arg, "__fspath__", 0);
    if (!KN_STR_CHECK(arg) && !KN_BYTES_CHECK(arg)) {
        if (path == NULL) {
            ob_err_clear();
            return ob_err_format(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                                 ob_type_name(KN_TYPE(arg)));
        }
        arg = path;
    } else {
        ob_err_clear();
    }
    if (KN_STR_CHECK(arg) && (arg = ob_str_encode(arg, "utf-8", "surrogateescape")) == NULL)
        return NULL;
    if (!KN_BYTES_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             ob_type_name(KN_TYPE(arg)));
    if ((kn_ssize_t)strlen(KN_BYTES_AS_STRING(arg)) != KN_SIZE(arg))
        return ob_err_format(ob_exc_ValueError, "embedded null byte");
    unsigned int idx = if_nametoindex(KN_BYTES_AS_STRING(arg));
    if (idx == 0)
        return ob_err_format(ob_exc_OSError, "no interface with this name");
    return ob_int_from_long_long(idx);
}

static KnObject *sk_if_indextoname(KnObject *m, KnObject *arg)
{
    (void)m;
    if (!KN_INT_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "an integer is required");
    int overflow;
    long long v = ob_int_as_long_long_and_overflow(arg, &overflow);
    if (overflow < 0 || (!overflow && v < 0))
        return ob_err_format(ob_exc_OverflowError, "can't convert negative value to unsigned int");
    if (overflow > 0)
        return ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C unsigned long");
    char name[IF_NAMESIZE + 1];
    if (if_indextoname((unsigned int)v, name) == NULL)
        return sk_errno_error();
    return ob_str_decode(name, (kn_ssize_t)strlen(name), "utf-8", "surrogateescape");
}

/* ------------------------------------------------- control messages */

static KnObject *cmsg_size(KnObject *arg, int space)
{
    const char *fname = space ? "CMSG_SPACE" : "CMSG_LEN";
    long long v;
    int overflow;
    if (kn_arg_index_ll(arg, &v, &overflow) < 0)
        return NULL;
    if (overflow > 0)
        return ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C ssize_t");
    /* CPython's bound: the length plus the header (for CMSG_SPACE, the
     * space of a 1-byte item) must stay within INT_MAX */
    long long limit = INT_MAX - (long long)(space ? CMSG_SPACE(1) : CMSG_LEN(0));
    if (overflow < 0 || v < 0 || v > limit)
        return ob_err_format(ob_exc_OverflowError, "%s() argument out of range", fname);
    size_t r = space ? CMSG_SPACE((size_t)v) : CMSG_LEN((size_t)v);
    return ob_int_from_long_long((long long)r);
}

static KnObject *sk_cmsg_len(KnObject *m, KnObject *arg) { (void)m; return cmsg_size(arg, 0); }
static KnObject *sk_cmsg_space(KnObject *m, KnObject *arg) { (void)m; return cmsg_size(arg, 1); }

static KnMethodDef module_methods[] = {
    {"dup", SK_FC(sk_dup), KN_METH_O,
     "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor.  This is like os.dup(), but for\nsockets; on some platforms os.dup() won't work for socket file descriptors."},
    {"close", SK_FC(sk_close), KN_METH_O,
     "close(integer) -> None\n\nClose an integer socket file descriptor.  This is like os.close(), but for\nsockets; on some platforms os.close() won't work for socket file descriptors."},
    {"socketpair", SK_FC(sk_socketpair), KN_METH_FASTCALL,
     "socketpair([family[, type [, proto]]]) -> (socket object, socket object)\n\nCreate a pair of socket objects from the sockets returned by the platform\nsocketpair() function."},
    {"inet_aton", SK_FC(sk_inet_aton), KN_METH_O,
     "inet_aton(string) -> bytes giving packed 32-bit IP representation\n\nConvert an IP address in string format (123.45.67.89) to the 32-bit packed\nbinary format used in low-level network functions."},
    {"inet_ntoa", SK_FC(sk_inet_ntoa), KN_METH_O,
     "inet_ntoa(packed_ip) -> ip_address_string\n\nConvert an IP address from 32-bit packed binary format to string format."},
    {"inet_pton", SK_FC(sk_inet_pton), KN_METH_FASTCALL,
     "inet_pton(af, ip) -> packed IP address string\n\nConvert an IP address from string format to a packed string suitable\nfor use with low-level network functions."},
    {"inet_ntop", SK_FC(sk_inet_ntop), KN_METH_FASTCALL,
     "inet_ntop(af, packed_ip) -> string formatted IP address\n\nConvert a packed IP address of the given family to string format."},
    {"htons", SK_FC(sk_htons), KN_METH_O, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"ntohs", SK_FC(sk_ntohs), KN_METH_O, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"htonl", SK_FC(sk_htonl), KN_METH_O,
     "htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order."},
    {"ntohl", SK_FC(sk_ntohl), KN_METH_O,
     "ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order."},
    {"getdefaulttimeout", SK_FC(sk_getdefaulttimeout), KN_METH_NOARGS,
     "getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None."},
    {"setdefaulttimeout", SK_FC(sk_setdefaulttimeout), KN_METH_O,
     "setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None."},
    {"if_nameindex", SK_FC(sk_if_nameindex), KN_METH_NOARGS,
     "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."},
    {"if_nametoindex", SK_FC(sk_if_nametoindex), KN_METH_O,
     "Returns the interface index corresponding to the interface name if_name."},
    {"if_indextoname", SK_FC(sk_if_indextoname), KN_METH_O,
     "if_indextoname(if_index)\n\nReturns the interface name corresponding to the interface index if_index."},
    {"CMSG_LEN", SK_FC(sk_cmsg_len), KN_METH_O,
     "CMSG_LEN(length) -> control message length\n\nReturn the total length, without trailing padding, of an ancillary\ndata item with associated data of the given length."},
    {"CMSG_SPACE", SK_FC(sk_cmsg_space), KN_METH_O,
     "CMSG_SPACE(length) -> buffer size\n\nReturn the buffer size needed for recvmsg() to receive an ancillary\ndata item with associated data of the given length."},
    {NULL, NULL, 0, NULL}
};

typedef struct SkConst { const char *name; long long value; } SkConst;

static const SkConst socket_consts[] = {
#define SK_C(n) {#n, (long long)(n)},
#define SK_N(n, e) {#n, (long long)(e)},
#define SK_V(n, v) {#n, (long long)(v)},
#include "socket_consts.def"
#undef SK_C
#undef SK_N
#undef SK_V
    {NULL, 0}
};

/* The socket type's methods: socket_object.c's, socket_io.c's and
 * socket_msg.c's tables joined (filled once, before the type is ready). */
static KnMethodDef all_methods[64];

static int join_methods(void)
{
    KnMethodDef *parts[] = {sk_object_methods, sk_io_methods, sk_msg_methods};
    size_t n = 0;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        for (KnMethodDef *d = parts[i]; d->ml_name != NULL; d++) {
            if (n + 1 >= sizeof all_methods / sizeof all_methods[0]) {
                ob_err_set_string(ob_exc_SystemError, "_socket: method table too small");
                return -1;
            }
            all_methods[n++] = *d;
        }
    sk_socket_type.tp_methods = all_methods;
    return 0;
}

KnObject *kn_init__socket(void)
{
    if (all_methods[0].ml_name == NULL && join_methods() < 0)
        return NULL;
    if (ob_type_ready(&sk_socket_type) < 0)
        return NULL;
    KnObject *mod = ob_module_new_cstr("_socket");
    if (mod == NULL || ob_module_add_functions(mod, module_methods) < 0
        || ob_module_add_functions(mod, sk_netdb_methods) < 0 || sk_netdb_init(mod) < 0
        || ob_module_add_object(mod, "socket", (KnObject *)&sk_socket_type) < 0
        || ob_module_add_object(mod, "SocketType", (KnObject *)&sk_socket_type) < 0
        || ob_module_add_object(mod, "error", (KnObject *)ob_exc_OSError) < 0
        || ob_module_add_object(mod, "timeout", (KnObject *)ob_exc_TimeoutError) < 0
        || ob_module_add_object(mod, "has_ipv6", KN_True) < 0
        || ob_module_add_object(mod, "BDADDR_ANY", ob_str_from_cstr("00:00:00:00:00:00")) < 0
        || ob_module_add_object(mod, "BDADDR_LOCAL", ob_str_from_cstr("00:00:00:FF:FF:FF")) < 0)
        return NULL;
    for (const SkConst *c = socket_consts; c->name != NULL; c++) {
        KnObject *v = ob_int_from_long_long(c->value);
        if (v == NULL || ob_module_add_object(mod, c->name, v) < 0)
            return NULL;
    }
    return mod;
}
