/*
 * socket_internal.h — what the files of the `_socket` module share (not
 * public).  See stdlib/NOTES-socket.md.
 *
 *   socket_module.c   module init, constants (socket_consts.def), small
 *                     functions (inet_*, hton*, defaulttimeout, CMSG_*,
 *                     dup, close, socketpair, if_*)
 *   socket_object.c   the socket type: creation, attributes, timeouts,
 *                     options, bind / listen / shutdown / names
 *   socket_io.c       the blocking calls (accept, connect, recv*, send*)
 *                     and the timeout loop they share (sk_call)
 *   socket_msg.c      sendmsg / recvmsg / recvmsg_into (ancillary data)
 *   socket_addr.c     Python address objects <-> struct sockaddr
 *   socket_netdb.c    getaddrinfo, getnameinfo, gethostby*, getserv*,
 *                     getprotobyname, host names; gaierror / herror
 */
#ifndef STDLIB_SOCKET_INTERNAL_H
#define STDLIB_SOCKET_INTERNAL_H

#include <errno.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

#include "libobject/libobject.h"
#include "libobject/buffer.h"
#include "select_fd.h"   /* sel_int_arg: an int argument as the "i" format */

#define SK_FC(f) ((KnCFunction)(void (*)(void))(f))
#define SK_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)
#define SK_ARGS KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw

/* Timeouts are kept as CPython keeps them: integer nanoseconds, -1 for a
 * blocking socket (no timeout), 0 for a non-blocking one. */
typedef int64_t sk_time_t;
#define SK_NS 1000000000LL

typedef struct SockObject {
    KN_OBJECT_HEAD;
    int fd;                 /* -1 once closed or detached */
    int family, type, proto;
    sk_time_t timeout;
} SockObject;

#define SK(o) ((SockObject *)(o))

/* Room for any address the module handles. */
typedef union SkAddr {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage storage;
} SkAddr;

/* ---- socket_object.c ---- */
extern KnTypeObject sk_socket_type;   /* tp_methods joined at init */
extern KnMethodDef sk_object_methods[];
/* A new `_socket.socket` object owning fd (timeout from the module
 * default, as CPython's new_sockobject). */
KnObject *sk_socket_from_fd(int fd, int family, int type, int proto);
/* Make fd non-blocking (block 0) or blocking; -1 with OSError. */
int sk_set_blocking_fd(int fd, int block);
/* A timeout argument (None -> -1); ValueError / TypeError as CPython. */
int sk_parse_timeout(KnObject *o, sk_time_t *out);
KnObject *sk_timeout_to_object(sk_time_t t);
extern sk_time_t sk_default_timeout;

/* ---- socket_io.c ---- */
sk_time_t sk_monotonic(void);
/* Run fn(s, data) until it succeeds, as CPython's sock_call_ex: with a
 * timeout, poll() for readiness (writing: POLLOUT) before each attempt;
 * EINTR retries after the pending-signal check; EAGAIN on a socket with a
 * timeout waits again.  fn returns 0 or -1 with errno set.  Returns 0, or
 * -1 with the exception set (TimeoutError "timed out" on timeout) — or,
 * when err is not NULL, -1 with *err set to the errno instead of raising
 * (connect_ex). */
typedef int (*SkCallFn)(SockObject *s, void *data);
int sk_call(SockObject *s, int writing, SkCallFn fn, void *data, int connect,
            int *err, sk_time_t timeout);
/* The OSError for the current errno (NULL). */
KnObject *sk_errno_error(void);
/* Check the socket is open: -1 with OSError EBADF otherwise. */
int sk_check_open(SockObject *s);
/* str argument `pos` of `fname` (the "s" format: UTF-8 without NUL). */
const char *sk_str_arg(KnObject *o, const char *fname, int pos);
/* PyArg_ParseTuple's argument-count check and messages ("recv() takes
 * at least 1 argument (0 given)"). */
int sk_nargs(const char *fname, kn_ssize_t n, int min, int max);
extern KnMethodDef sk_io_methods[];
extern KnMethodDef sk_msg_methods[];

/* ---- socket_addr.c ---- */
/* Parse address object `o` for socket s (its family); `caller` names the
 * method in messages ("bind").  0, or -1 with the exception set. */
int sk_addr_parse(SockObject *s, KnObject *o, SkAddr *addr, socklen_t *len,
                  const char *caller);
/* The Python form of a socket address (None for an empty one). */
KnObject *sk_addr_make(const struct sockaddr *sa, socklen_t len, int proto);
/* Resolve host name `name` into addr for family af (CPython's setipaddr:
 * '' = any, '<broadcast>', numeric forms, else getaddrinfo).  Returns the
 * address size, or -1 with the exception set. */
int sk_set_ipaddr(const char *name, struct sockaddr *addr, size_t addr_size, int af);
/* A host argument: str (ASCII, or via the idna codec), bytes or
 * bytearray; NUL-free.  The result is GC memory.  NULL + exception. */
const char *sk_host_arg(KnObject *o);

/* ---- socket_netdb.c ---- */
extern KnObject *sk_gaierror, *sk_herror;
/* Raise gaierror for getaddrinfo error code `code` (EAI_SYSTEM: the
 * errno OSError).  Returns NULL. */
KnObject *sk_gai_error(int code);
extern KnMethodDef sk_netdb_methods[];
int sk_netdb_init(KnObject *m);

#endif /* STDLIB_SOCKET_INTERNAL_H */
