/*
 * socket_netdb.c — name and service look-ups: getaddrinfo, getnameinfo,
 * gethostbyname(_ex), gethostbyaddr, getservbyname / getservbyport,
 * getprotobyname, gethostname / sethostname; and the gaierror / herror
 * classes (OSError subclasses whose __module__ is 'socket').
 *
 * getaddrinfo / getnameinfo may block on the resolver; they retry nothing
 * themselves (EAI_SYSTEM with EINTR surfaces as InterruptedError after the
 * signal check, see sk_gai_error).
 * TODO(gil): release the GIL around the resolver calls once libjit can.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libgc/gc.h"
#include "socket_internal.h"
#include "stdlib/signals.h"

KnObject *sk_gaierror, *sk_herror;

KnObject *sk_gai_error(int code)
{
    if (code == EAI_SYSTEM) {
        if (errno == EINTR && kn_signal_check() < 0)
            return NULL;
        return sk_errno_error();
    }
    KnObject *args = ob_tuple_pack(2, ob_int_from_long_long(code), ob_str_from_cstr(gai_strerror(code)));
    if (args != NULL)
        ob_err_set_object((KnTypeObject *)sk_gaierror, args);
    return NULL;
}

static KnObject *h_error(int code)
{
    KnObject *args = ob_tuple_pack(2, ob_int_from_long_long(code), ob_str_from_cstr(hstrerror(code)));
    if (args != NULL)
        ob_err_set_object((KnTypeObject *)sk_herror, args);
    return NULL;
}

const char *sk_str_arg(KnObject *o, const char *fname, int pos)
{
    if (!KN_STR_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "%s() argument %d must be str, not %s", fname, pos,
                      ob_type_name(KN_TYPE(o)));
        return NULL;
    }
    kn_ssize_t n;
    const char *s = ob_str_as_utf8(o, &n);
    if (s != NULL && (kn_ssize_t)strlen(s) != n) {
        ob_err_set_string(ob_exc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

/* A str / bytes / bytearray argument (the "et" format). */
static const char *et_arg(KnObject *o, const char *fname)
{
    if (!KN_STR_CHECK(o) && !KN_BYTES_CHECK(o) && !KN_TYPE_CHECK(o, &ob_bytearray_type)) {
        ob_err_format(ob_exc_TypeError, "%s() argument 1 must be str, bytes or bytearray, not %s",
                      fname, ob_type_name(KN_TYPE(o)));
        return NULL;
    }
    char *data;
    kn_ssize_t n;
    if (KN_STR_CHECK(o)) {
        const char *s = ob_str_as_utf8(o, &n);
        if (s == NULL)
            return NULL;
        data = (char *)s;
    } else if (ob_buffer_copy_data(o, &data, &n) < 0) {
        return NULL;
    }
    if ((kn_ssize_t)strlen(data) != n) {
        ob_err_format(ob_exc_TypeError,
                      "%s() argument 1 must be encoded string without null bytes, not %s",
                      fname, ob_type_name(KN_TYPE(o)));
        return NULL;
    }
    return data;
}

/* ------------------------------------------------------- getaddrinfo */

/* The host of getaddrinfo: None, str (idna: ASCII labels are checked
 * as the codec checks them), bytes. */
static int gai_host(KnObject *o, const char **out)
{
    if (o == KN_None) {
        *out = NULL;
        return 0;
    }
    if (KN_STR_CHECK(o) && ob_str_max_char(o) < 0x80) {
        kn_ssize_t n;
        const char *s = ob_str_as_utf8(o, &n);
        if (s == NULL)
            return -1;
        /* every label but the last non-empty, all shorter than 64 */
        const char *label = s;
        for (kn_ssize_t i = 0; i <= n; i++) {
            if (i < n && s[i] != '.')
                continue;
            kn_ssize_t len = (s + i) - label;
            int last = i == n;
            if ((!last && (len == 0 || len >= 64)) || (last && len >= 64)) {
                ob_err_format(ob_exc_UnicodeError,
                              "encoding with 'idna' codec failed (UnicodeError: %s)",
                              last ? "label too long" : "label empty or too long");
                return -1;
            }
            label = s + i + 1;
        }
        *out = s;
        return 0;
    }
    if (KN_STR_CHECK(o)) {
        KnObject *b = ob_str_encode(o, "idna", NULL);
        if (b == NULL)
            return -1;
        *out = KN_BYTES_AS_STRING(b);
        return 0;
    }
    if (KN_BYTES_CHECK(o)) {
        *out = KN_BYTES_AS_STRING(o);
        return 0;
    }
    ob_err_set_string(ob_exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    return -1;
}

static int gai_port(KnObject *o, const char **out)
{
    if (o == KN_None) {
        *out = NULL;
    } else if (KN_INT_CHECK(o)) {
        int overflow;
        long long v = ob_int_as_long_long_and_overflow(o, &overflow);
        if (overflow) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
            return -1;
        }
        char *buf = kgc_alloc_atomic(32);
        if (buf == NULL) {
            ob_err_nomemory();
            return -1;
        }
        snprintf(buf, 32, "%lld", v);
        *out = buf;
    } else if (KN_STR_CHECK(o)) {
        if ((*out = ob_str_as_utf8(o, NULL)) == NULL)
            return -1;
    } else if (KN_BYTES_CHECK(o)) {
        *out = KN_BYTES_AS_STRING(o);
    } else {
        ob_err_set_string(ob_exc_OSError, "Int or String expected");
        return -1;
    }
    return 0;
}

static KnObject *sk_getaddrinfo(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    static const KnArgSpec spec = {"getaddrinfo", names, 2, 6, 0};
    KnObject *a[6] = {0};
    int v[4] = {0, 0, 0, 0};
    const char *host, *port;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    for (int i = 0; i < 4; i++)
        if (a[i + 2] != NULL && sel_int_arg(a[i + 2], &v[i]) < 0)
            return NULL;
    if (gai_host(a[0], &host) < 0 || gai_port(a[1], &port) < 0)
        return NULL;
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = v[0];
    hints.ai_socktype = v[1];
    hints.ai_protocol = v[2];
    hints.ai_flags = v[3];
    int e = getaddrinfo(host, port, &hints, &res);
    if (e != 0)
        return sk_gai_error(e);
    KnObject *out = ob_list_new(0);
    for (struct addrinfo *r = res; out != NULL && r != NULL; r = r->ai_next) {
        KnObject *addr = sk_addr_make(r->ai_addr, r->ai_addrlen, v[2]);
        KnObject *item = addr == NULL ? NULL
            : ob_tuple_pack(5, ob_int_from_long_long(r->ai_family),
                            ob_int_from_long_long(r->ai_socktype),
                            ob_int_from_long_long(r->ai_protocol),
                            ob_str_from_cstr(r->ai_canonname ? r->ai_canonname : ""), addr);
        if (item == NULL || ob_list_append(out, item) < 0)
            out = NULL;
    }
    freeaddrinfo(res);
    return out;
}

/* ------------------------------------------------------- getnameinfo */

static KnObject *sk_getnameinfo(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    static const char *bad = "getnameinfo(): illegal sockaddr argument";
    (void)m;
    int flags;
    if (ob_args_check_positional("getnameinfo", nargs, 2, 2) < 0 || sel_int_arg(args[1], &flags) < 0)
        return NULL;
    KnObject *sa = args[0];
    if (!KN_TUPLE_CHECK(sa)) {
        ob_err_set_string(ob_exc_TypeError, "getnameinfo() argument 1 must be a tuple");
        return NULL;
    }
    kn_ssize_t n = KN_SIZE(sa);
    if (n < 2 || n > 4 || !KN_STR_CHECK(KN_TUPLE_GET(sa, 0))) {
        ob_err_set_string(ob_exc_TypeError, bad);
        return NULL;
    }
    kn_ssize_t hlen;
    const char *host = ob_str_as_utf8(KN_TUPLE_GET(sa, 0), &hlen);
    if (host == NULL)
        return NULL;
    if ((kn_ssize_t)strlen(host) != hlen) {
        ob_err_set_string(ob_exc_TypeError, bad);
        return NULL;
    }
    int port;
    long long flowinfo = 0, scope_id = 0;
    if (sel_int_arg(KN_TUPLE_GET(sa, 1), &port) < 0)
        return NULL;
    for (kn_ssize_t i = 2; i < n; i++) {
        KnObject *o = KN_TUPLE_GET(sa, i);
        if (!KN_INT_CHECK(o)) {
            ob_err_set_string(ob_exc_TypeError, bad);
            return NULL;
        }
        KnObject *masked = ob_number_and(o, ob_int_from_long_long(0xffffffffLL));
        if (masked == NULL)
            return NULL;
        *(i == 2 ? &flowinfo : &scope_id) = ob_int_as_long_long(masked);
    }
    if (flowinfo > 0xfffff) {
        ob_err_set_string(ob_exc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
        return NULL;
    }
    char pbuf[32];
    snprintf(pbuf, sizeof pbuf, "%d", port);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    int e = getaddrinfo(host, pbuf, &hints, &res);
    if (e != 0)
        return sk_gai_error(e);
    KnObject *result = NULL;
    if (res->ai_next != NULL) {
        ob_err_set_string(ob_exc_OSError, "sockaddr resolved to multiple addresses");
        goto done;
    }
    if (res->ai_family == AF_INET && n != 2) {
        ob_err_set_string(ob_exc_OSError, "IPv4 sockaddr must be 2 tuple");
        goto done;
    }
    if (res->ai_family == AF_INET6) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)res->ai_addr;
        in6->sin6_flowinfo = htonl((uint32_t)flowinfo);
        in6->sin6_scope_id = (uint32_t)scope_id;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    e = getnameinfo(res->ai_addr, res->ai_addrlen, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
    if (e != 0) {
        sk_gai_error(e);
        goto done;
    }
    result = ob_tuple_pack(2, ob_str_from_cstr(hbuf), ob_str_from_cstr(sbuf));
done:
    freeaddrinfo(res);
    return result;
}

/* ------------------------------------------------------ gethostby* */

/* (name, aliases, addresses) of a hostent of family af. */
static KnObject *host_tuple(struct hostent *h, int af, int herr)
{
    if (h == NULL)
        return h_error(herr);
    if (h->h_addrtype != af) {
        errno = EAFNOSUPPORT;
        return sk_errno_error();
    }
    KnObject *aliases = ob_list_new(0), *addrs = ob_list_new(0);
    if (aliases == NULL || addrs == NULL)
        return NULL;
    for (char **p = h->h_aliases; p != NULL && *p != NULL; p++)
        if (ob_list_append(aliases, ob_str_from_cstr(*p)) < 0)
            return NULL;
    for (char **p = h->h_addr_list; p != NULL && *p != NULL; p++) {
        char buf[INET6_ADDRSTRLEN];
        if (inet_ntop(af, *p, buf, sizeof buf) == NULL)
            return sk_errno_error();
        if (ob_list_append(addrs, ob_str_from_cstr(buf)) < 0)
            return NULL;
    }
    return ob_tuple_pack(3, ob_str_from_cstr(h->h_name), aliases, addrs);
}

/* The dotted-quad form of an IPv4 sockaddr. */
static KnObject *ipv4_string(const struct sockaddr_in *a)
{
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
    return ob_str_from_cstr(buf);
}

static KnObject *sk_gethostbyname(KnObject *m, KnObject *arg)
{
    (void)m;
    const char *name = et_arg(arg, "gethostbyname");
    SkAddr addr;
    if (name == NULL || sk_set_ipaddr(name, &addr.sa, sizeof addr.in4, AF_INET) < 0)
        return NULL;
    return ipv4_string(&addr.in4);
}

/* gethostbyname_r (addr NULL) or gethostbyaddr_r, growing the buffer
 * while it is too small; the result as host_tuple makes it. */
static KnObject *host_lookup(const char *name, const SkAddr *addr, int af)
{
    struct hostent he, *h = NULL;
    size_t size = 16384;
    int herr = 0;
    const void *ap = af == AF_INET6 ? (const void *)&addr->in6.sin6_addr
                                    : (const void *)&addr->in4.sin_addr;
    socklen_t al = af == AF_INET6 ? sizeof addr->in6.sin6_addr : sizeof addr->in4.sin_addr;
    for (;;) {
        char *buf = kgc_alloc_atomic(size);
        if (buf == NULL)
            return ob_err_nomemory();
        int r = name != NULL ? gethostbyname_r(name, &he, buf, size, &h, &herr)
                             : gethostbyaddr_r(ap, al, af, &he, buf, size, &h, &herr);
        if (r != ERANGE || size > (1 << 22))
            break;
        size *= 2;
    }
    return host_tuple(h, af, herr);
}

static KnObject *sk_gethostbyname_ex(KnObject *m, KnObject *arg)
{
    (void)m;
    const char *name = et_arg(arg, "gethostbyname_ex");
    SkAddr addr;
    if (name == NULL || sk_set_ipaddr(name, &addr.sa, sizeof addr.in4, AF_INET) < 0)
        return NULL;
    return host_lookup(name, &addr, AF_INET);
}

static KnObject *sk_gethostbyaddr(KnObject *m, KnObject *arg)
{
    (void)m;
    const char *name = et_arg(arg, "gethostbyaddr");
    SkAddr addr;
    if (name == NULL || sk_set_ipaddr(name, &addr.sa, sizeof addr, AF_UNSPEC) < 0)
        return NULL;
    return host_lookup(NULL, &addr, addr.sa.sa_family);
}

/* ------------------------------------------------ services, protocols */

static KnObject *sk_getservbyname(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    const char *name, *proto = NULL;
    if (sk_nargs("getservbyname", nargs, 1, 2) < 0 || (name = sk_str_arg(args[0], "getservbyname", 1)) == NULL
        || (nargs > 1 && (proto = sk_str_arg(args[1], "getservbyname", 2)) == NULL))
        return NULL;
    struct servent se, *sp = NULL;
    char buf[4096];
    if (getservbyname_r(name, proto, &se, buf, sizeof buf, &sp) != 0 || sp == NULL) {
        ob_err_set_string(ob_exc_OSError, "service/proto not found");
        return NULL;
    }
    return ob_int_from_long_long(ntohs((uint16_t)sp->s_port));
}

static KnObject *sk_getservbyport(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int port;
    const char *proto = NULL;
    if (sk_nargs("getservbyport", nargs, 1, 2) < 0 || sel_int_arg(args[0], &port) < 0
        || (nargs > 1 && (proto = sk_str_arg(args[1], "getservbyport", 2)) == NULL))
        return NULL;
    if (port < 0 || port > 0xffff) {
        ob_err_set_string(ob_exc_OverflowError, "getservbyport: port must be 0-65535.");
        return NULL;
    }
    struct servent se, *sp = NULL;
    char buf[4096];
    if (getservbyport_r(htons((uint16_t)port), proto, &se, buf, sizeof buf, &sp) != 0 || sp == NULL) {
        ob_err_set_string(ob_exc_OSError, "port/proto not found");
        return NULL;
    }
    return ob_str_from_cstr(sp->s_name);
}

static KnObject *sk_getprotobyname(KnObject *m, KnObject *arg)
{
    (void)m;
    const char *name = sk_str_arg(arg, "getprotobyname", 1);
    if (name == NULL)
        return NULL;
    struct protoent pe, *pp = NULL;
    char buf[4096];
    if (getprotobyname_r(name, &pe, buf, sizeof buf, &pp) != 0 || pp == NULL) {
        ob_err_set_string(ob_exc_OSError, "protocol not found");
        return NULL;
    }
    return ob_int_from_long_long(pp->p_proto);
}

/* ------------------------------------------------------- host names */

static KnObject *sk_gethostname(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    char buf[1024];
    if (gethostname(buf, sizeof buf - 1) < 0)
        return sk_errno_error();
    buf[sizeof buf - 1] = '\0';
    return ob_str_decode(buf, (kn_ssize_t)strlen(buf), "utf-8", "surrogateescape");
}

static KnObject *sk_sethostname(KnObject *m, KnObject *arg)
{
    (void)m;
    KnObject *b = arg;
    if (KN_STR_CHECK(arg) && (b = ob_str_encode(arg, "utf-8", "surrogateescape")) == NULL)
        return NULL;
    KnBuffer v;
    if (ob_buffer_get(b, &v, KN_BUF_SIMPLE) < 0)
        return NULL;
    int r = sethostname(v.buf, (size_t)v.len);
    ob_buffer_release(&v);
    return r < 0 ? sk_errno_error() : KN_None;
}

KnMethodDef sk_netdb_methods[] = {
    {"getaddrinfo", SK_FC(sk_getaddrinfo), SK_KW,
     "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)\n\nResolve host and port into addrinfo struct."},
    {"getnameinfo", SK_FC(sk_getnameinfo), KN_METH_FASTCALL,
     "getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr."},
    {"gethostbyname", SK_FC(sk_gethostbyname), KN_METH_O,
     "gethostbyname(host) -> address\n\nReturn the IP address (a string of the form '255.255.255.255') for a host."},
    {"gethostbyname_ex", SK_FC(sk_gethostbyname_ex), KN_METH_O,
     "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."},
    {"gethostbyaddr", SK_FC(sk_gethostbyaddr), KN_METH_O,
     "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."},
    {"getservbyname", SK_FC(sk_getservbyname), KN_METH_FASTCALL,
     "getservbyname(servicename[, protocolname]) -> integer\n\nReturn a port number from a service name and protocol name."},
    {"getservbyport", SK_FC(sk_getservbyport), KN_METH_FASTCALL,
     "getservbyport(port[, protocolname]) -> string\n\nReturn the service name from a port number and protocol name."},
    {"getprotobyname", SK_FC(sk_getprotobyname), KN_METH_O,
     "getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol.  (Rarely used.)"},
    {"gethostname", SK_FC(sk_gethostname), KN_METH_NOARGS,
     "gethostname() -> string\n\nReturn the current host name."},
    {"sethostname", SK_FC(sk_sethostname), KN_METH_O,
     "sethostname(name)\n\nSets the hostname to name."},
    {NULL, NULL, 0, NULL}
};

/* An OSError subclass named socket.<name>. */
static KnObject *make_error_class(const char *name)
{
    KnObject *dict = ob_dict_new();
    if (dict == NULL || ob_dict_setitem_str(dict, "__module__", ob_str_from_cstr("socket")) < 0)
        return NULL;
    return ob_type_new(&ob_type_type, ob_str_from_cstr(name),
                       ob_tuple_pack(1, (KnObject *)ob_exc_OSError), dict);
}

int sk_netdb_init(KnObject *m)
{
    if (sk_gaierror == NULL && (sk_gaierror = make_error_class("gaierror")) == NULL)
        return -1;
    if (sk_herror == NULL && (sk_herror = make_error_class("herror")) == NULL)
        return -1;
    if (ob_module_add_object(m, "gaierror", sk_gaierror) < 0
        || ob_module_add_object(m, "herror", sk_herror) < 0)
        return -1;
    return 0;
}
