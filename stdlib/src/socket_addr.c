/*
 * socket_addr.c — socket addresses between their Python form and struct
 * sockaddr, for AF_INET (host, port), AF_INET6 (host, port[, flowinfo[,
 * scope_id]]), AF_UNIX (str / bytes path, Linux abstract names) and
 * AF_NETLINK (pid, groups).  Other families raise NotImplementedError
 * (NOTES-socket.md).  Host names go through sk_set_ipaddr, which skips the
 * resolver for numeric and special names as CPython does.
 */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netdb.h>
#include <stddef.h>
#include <string.h>

#include "libgc/gc.h"
#include "socket_internal.h"

const char *sk_host_arg(KnObject *o)
{
    const char *data;
    kn_ssize_t len;
    if (KN_BYTES_CHECK(o)) {
        data = KN_BYTES_AS_STRING(o);
        len = KN_SIZE(o);
    } else if (KN_STR_CHECK(o) || KN_TYPE(o) == &ob_bytearray_type
               || ob_type_is_subtype(KN_TYPE(o), &ob_bytearray_type)) {
        KnObject *b = o;
        if (KN_STR_CHECK(o)) {
            b = ob_str_max_char(o) < 0x80 ? ob_str_encode_utf8(o, NULL)
                                          : ob_str_encode(o, "idna", NULL);
            if (b == NULL)
                return NULL;
        }
        char *copy;
        if (KN_BYTES_CHECK(b)) {
            data = KN_BYTES_AS_STRING(b);
            len = KN_SIZE(b);
        } else if (ob_buffer_copy_data(b, &copy, &len) < 0) {
            return NULL;
        } else {
            data = copy;
        }
    } else {
        ob_err_format(ob_exc_TypeError, "str, bytes or bytearray expected, not %s",
                      ob_type_name(KN_TYPE(o)));
        return NULL;
    }
    if ((kn_ssize_t)strnlen(data, (size_t)len) != len) {
        ob_err_set_string(ob_exc_TypeError, "host name must not contain null character");
        return NULL;
    }
    char *out = kgc_alloc_atomic((size_t)len + 1);
    if (out == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memcpy(out, data, (size_t)len);
    out[len] = '\0';
    return out;
}

/* Copy the first getaddrinfo result into addr; the address size (4 / 16)
 * or -1. */
static int take_result(struct addrinfo *res, struct sockaddr *addr, size_t addr_size)
{
    size_t n = res->ai_addrlen < addr_size ? res->ai_addrlen : addr_size;
    memcpy(addr, res->ai_addr, n);
    int fam = res->ai_addr->sa_family;
    freeaddrinfo(res);
    if (fam == AF_INET)
        return 4;
    if (fam == AF_INET6)
        return 16;
    ob_err_set_string(ob_exc_OSError, "unknown address family");
    return -1;
}

int sk_set_ipaddr(const char *name, struct sockaddr *addr, size_t addr_size, int af)
{
    struct addrinfo hints, *res = NULL;
    memset(addr, 0, addr_size);
    memset(&hints, 0, sizeof hints);
    hints.ai_family = af;
    if (name[0] == '\0') {
        /* the wildcard address of the family */
        hints.ai_socktype = SOCK_DGRAM;
        hints.ai_flags = AI_PASSIVE;
        int e = getaddrinfo(NULL, "0", &hints, &res);
        if (e != 0) {
            sk_gai_error(e);
            return -1;
        }
        if (res->ai_family != AF_INET && res->ai_family != AF_INET6) {
            freeaddrinfo(res);
            ob_err_set_string(ob_exc_OSError, "unsupported address family");
            return -1;
        }
        if (res->ai_next != NULL) {
            freeaddrinfo(res);
            ob_err_set_string(ob_exc_OSError, "wildcard resolved to multiple address");
            return -1;
        }
        return take_result(res, addr, addr_size);
    }
    struct sockaddr_in *in4 = (struct sockaddr_in *)addr;
    if (strcmp(name, "255.255.255.255") == 0 || strcmp(name, "<broadcast>") == 0) {
        if (af != AF_INET && af != AF_UNSPEC) {
            ob_err_set_string(ob_exc_OSError, "address family mismatched");
            return -1;
        }
        in4->sin_family = AF_INET;
        in4->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        return 4;
    }
    if ((af == AF_INET || af == AF_UNSPEC) && inet_pton(AF_INET, name, &in4->sin_addr) > 0) {
        in4->sin_family = AF_INET;
        return 4;
    }
    /* a scope ("fe80::1%eth0") needs the resolver to map the interface */
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)addr;
    if ((af == AF_INET6 || af == AF_UNSPEC) && strchr(name, '%') == NULL
        && addr_size >= sizeof *in6 && inet_pton(AF_INET6, name, &in6->sin6_addr) > 0) {
        in6->sin6_family = AF_INET6;
        return 16;
    }
    int e = getaddrinfo(name, NULL, &hints, &res);
    if (e != 0) {
        sk_gai_error(e);
        return -1;
    }
    return take_result(res, addr, addr_size);
}

/* A port in 0-65535 (OverflowError "<caller>(): port must be 0-65535."). */
static int port_arg(KnObject *o, const char *caller, int *port)
{
    if (sel_int_arg(o, port) < 0) {
        if (ob_err_matches((KnObject *)ob_exc_OverflowError)) {
            ob_err_clear();
            ob_err_format(ob_exc_OverflowError, "%s(): port must be 0-65535.", caller);
        }
        return -1;
    }
    if (*port < 0 || *port > 0xffff) {
        ob_err_format(ob_exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    return 0;
}

/* An "I" argument: any int, masked to 32 bits. */
static int uint_mask_arg(KnObject *o, unsigned int *out)
{
    if (!KN_INT_CHECK(o)) {
        if (KN_FLOAT_CHECK(o) || !ob_index_check(o)) {
            ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ob_type_name(KN_TYPE(o)));
            return -1;
        }
        if ((o = ob_number_index(o)) == NULL)
            return -1;
    }
    KnObject *masked = ob_number_and(o, ob_int_from_long_long(0xffffffffLL));
    if (masked == NULL)
        return -1;
    *out = (unsigned int)ob_int_as_long_long(masked);
    return 0;
}

static int tuple_check(KnObject *o, const char *family, const char *caller)
{
    if (KN_TUPLE_CHECK(o))
        return 0;
    ob_err_format(ob_exc_TypeError, "%s(): %s address must be tuple, not %s", caller, family,
                  ob_type_name(KN_TYPE(o)));
    return -1;
}

static int parse_inet(KnObject *o, SkAddr *addr, socklen_t *len, const char *caller)
{
    if (tuple_check(o, "AF_INET", caller) < 0)
        return -1;
    if (KN_SIZE(o) != 2) {
        ob_err_set_string(ob_exc_TypeError, "AF_INET address must be a pair (host, port)");
        return -1;
    }
    const char *host = sk_host_arg(KN_TUPLE_GET(o, 0));
    int port;
    if (host == NULL || port_arg(KN_TUPLE_GET(o, 1), caller, &port) < 0)
        return -1;
    if (sk_set_ipaddr(host, &addr->sa, sizeof addr->in4, AF_INET) < 0)
        return -1;
    addr->in4.sin_family = AF_INET;
    addr->in4.sin_port = htons((uint16_t)port);
    *len = sizeof addr->in4;
    return 0;
}

static int parse_inet6(KnObject *o, SkAddr *addr, socklen_t *len, const char *caller)
{
    if (tuple_check(o, "AF_INET6", caller) < 0)
        return -1;
    kn_ssize_t n = KN_SIZE(o);
    if (n < 2 || n > 4) {
        ob_err_set_string(ob_exc_TypeError,
                          "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return -1;
    }
    const char *host = sk_host_arg(KN_TUPLE_GET(o, 0));
    int port;
    unsigned int flowinfo = 0, scope_id = 0;
    if (host == NULL || port_arg(KN_TUPLE_GET(o, 1), caller, &port) < 0
        || (n > 2 && uint_mask_arg(KN_TUPLE_GET(o, 2), &flowinfo) < 0)
        || (n > 3 && uint_mask_arg(KN_TUPLE_GET(o, 3), &scope_id) < 0))
        return -1;
    if (flowinfo > 0xfffff) {
        ob_err_format(ob_exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        return -1;
    }
    if (sk_set_ipaddr(host, &addr->sa, sizeof addr->in6, AF_INET6) < 0)
        return -1;
    addr->in6.sin6_family = AF_INET6;
    addr->in6.sin6_port = htons((uint16_t)port);
    addr->in6.sin6_flowinfo = htonl(flowinfo);
    addr->in6.sin6_scope_id = scope_id;
    *len = sizeof addr->in6;
    return 0;
}

static int parse_unix(SockObject *s, KnObject *o, SkAddr *addr, socklen_t *len)
{
    KnObject *path = o;
    if (KN_STR_CHECK(o) && (path = ob_str_encode(o, "utf-8", "surrogateescape")) == NULL)
        return -1;
    KnBuffer v;
    if (ob_buffer_get(path, &v, KN_BUF_SIMPLE) < 0)
        return -1;
    int abstract = v.len > 0 && ((const char *)v.buf)[0] == '\0';
    /* an abstract name may fill sun_path; a file name needs its NUL */
    if ((size_t)v.len > sizeof addr->un.sun_path
        || (!abstract && (size_t)v.len >= sizeof addr->un.sun_path)) {
        ob_buffer_release(&v);
        ob_err_set_string(ob_exc_OSError, "AF_UNIX path too long");
        return -1;
    }
    memset(&addr->un, 0, sizeof addr->un);
    addr->un.sun_family = (sa_family_t)s->family;
    memcpy(addr->un.sun_path, v.buf, (size_t)v.len);
    /* no room counted for the NUL: an empty name then asks Linux to
     * autobind an abstract one */
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)v.len);
    ob_buffer_release(&v);
    return 0;
}

static int parse_netlink(KnObject *o, SkAddr *addr, socklen_t *len, const char *caller)
{
    if (tuple_check(o, "AF_NETLINK", caller) < 0)
        return -1;
    if (KN_SIZE(o) != 2) {
        ob_err_set_string(ob_exc_TypeError, "AF_NETLINK address must be a pair (pid, groups)");
        return -1;
    }
    unsigned int pid, groups;
    if (uint_mask_arg(KN_TUPLE_GET(o, 0), &pid) < 0 || uint_mask_arg(KN_TUPLE_GET(o, 1), &groups) < 0)
        return -1;
    struct sockaddr_nl *nl = (struct sockaddr_nl *)&addr->storage;
    memset(nl, 0, sizeof *nl);
    nl->nl_family = AF_NETLINK;
    nl->nl_pid = pid;
    nl->nl_groups = groups;
    *len = sizeof *nl;
    return 0;
}

int sk_addr_parse(SockObject *s, KnObject *o, SkAddr *addr, socklen_t *len, const char *caller)
{
    memset(addr, 0, sizeof *addr);
    switch (s->family) {
    case AF_INET:
        return parse_inet(o, addr, len, caller);
    case AF_INET6:
        return parse_inet6(o, addr, len, caller);
    case AF_UNIX:
        return parse_unix(s, o, addr, len);
    case AF_NETLINK:
        return parse_netlink(o, addr, len, caller);
    case AF_PACKET: case AF_CAN: case AF_TIPC: case AF_ALG: case AF_VSOCK: case AF_QIPCRTR:
    case AF_RDS: case AF_BLUETOOTH:
        ob_err_format(ob_exc_NotImplementedError,
                      "%s(): addresses of family %d are not supported by Kiln's _socket",
                      caller, s->family);
        return -1;
    default:
        ob_err_format(ob_exc_OSError, "%s(): bad family", caller);
        return -1;
    }
}

/* The numeric host of an IP address (no "%scope": the scope id is its
 * own tuple item). */
static KnObject *ip_string(int af, const void *addr)
{
    char buf[INET6_ADDRSTRLEN];
    if (inet_ntop(af, addr, buf, sizeof buf) == NULL)
        return sk_errno_error();
    return ob_str_from_cstr(buf);
}

KnObject *sk_addr_make(const struct sockaddr *sa, socklen_t len, int proto)
{
    (void)proto;
    if (len == 0)
        return KN_None;
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
        KnObject *host = ip_string(AF_INET, &a->sin_addr);
        return host == NULL ? NULL
            : ob_tuple_pack(2, host, ob_int_from_long_long(ntohs(a->sin_port)));
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        KnObject *host = ip_string(AF_INET6, &a->sin6_addr);
        return host == NULL ? NULL
            : ob_tuple_pack(4, host, ob_int_from_long_long(ntohs(a->sin6_port)),
                            ob_int_from_long_long(ntohl(a->sin6_flowinfo)),
                            ob_int_from_long_long(a->sin6_scope_id));
    }
    case AF_UNIX: {
        const struct sockaddr_un *a = (const struct sockaddr_un *)sa;
        size_t n = len - offsetof(struct sockaddr_un, sun_path);
        if (len > offsetof(struct sockaddr_un, sun_path) && a->sun_path[0] == '\0')
            return ob_bytes_from_data(a->sun_path, (kn_ssize_t)n);   /* abstract */
        if (len <= offsetof(struct sockaddr_un, sun_path))
            n = 0;
        if (n > sizeof a->sun_path)
            n = sizeof a->sun_path;
        return ob_str_decode(a->sun_path, (kn_ssize_t)strnlen(a->sun_path, n), "utf-8",
                             "surrogateescape");
    }
    case AF_NETLINK: {
        const struct sockaddr_nl *a = (const struct sockaddr_nl *)sa;
        return ob_tuple_pack(2, ob_int_from_long_long(a->nl_pid),
                             ob_int_from_long_long(a->nl_groups));
    }
    case AF_PACKET: case AF_CAN: case AF_TIPC: case AF_ALG: case AF_VSOCK: case AF_QIPCRTR:
    case AF_RDS: case AF_BLUETOOTH:
        return ob_err_format(ob_exc_NotImplementedError,
                             "addresses of family %d are not supported by Kiln's _socket",
                             (int)sa->sa_family);
    default:
        return ob_tuple_pack(2, ob_int_from_long_long(sa->sa_family),
                             ob_bytes_from_data(sa->sa_data, sizeof sa->sa_data));
    }
}
