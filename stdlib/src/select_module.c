/*
 * select_module.c — the `select` module: select(), the poll() factory,
 * the POLL* / EPOLL* constants, PIPE_BUF and error (= OSError).  The
 * poll and epoll types live in select_poll.c and select_epoll.c.
 *
 * A call interrupted by a signal (EINTR) is retried with the timeout
 * recomputed from a monotonic deadline (PEP 475).
 */
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "select_internal.h"
#include "stdlib/signals.h"


KnObject *kn_init_select(void);

/* One of select()'s three lists: the objects and their descriptors. */
typedef struct SelList {
    KnObject *seq;   /* list(iterable) */
    int *fds;
} SelList;

static int sel_fill(KnObject *iterable, SelList *l, fd_set *set, int *maxfd)
{
    l->seq = ob_sequence_list(iterable);
    if (l->seq == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
            ob_err_clear();
            ob_err_set_string(ob_exc_TypeError, "arguments 1-3 must be sequences");
        }
        return -1;
    }
    kn_ssize_t n = ob_length(l->seq);
    l->fds = kgc_alloc_atomic(sizeof(int) * (size_t)(n + 1));
    if (l->fds == NULL) {
        ob_err_nomemory();
        return -1;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        int fd;
        if (sel_fileno(ob_sequence_getitem(l->seq, i), &fd) < 0)
            return -1;
        if (fd >= FD_SETSIZE) {
            ob_err_set_string(ob_exc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
        FD_SET(fd, set);
        if (fd > *maxfd)
            *maxfd = fd;
        l->fds[i] = fd;
    }
    return 0;
}

static KnObject *sel_ready(const SelList *l, const fd_set *set)
{
    KnObject *out = ob_list_new(0);
    kn_ssize_t n = ob_length(l->seq);
    for (kn_ssize_t i = 0; out != NULL && i < n; i++)
        if (FD_ISSET(l->fds[i], set) && ob_list_append(out, ob_sequence_getitem(l->seq, i)) < 0)
            return NULL;
    return out;
}

static KnObject *sel_select(SEL_ARGS)
{
    static const char *const names[] = {"", "", "", "", NULL};
    static const KnArgSpec spec = {"select", names, 3, 4, 0};
    KnObject *a[4] = {0};
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    double timeout = -1, deadline = 0;
    if (a[3] != NULL && a[3] != KN_None) {
        if (sel_number(a[3], &timeout, "timeout must be a float or None") < 0)
            return NULL;
        if (timeout < 0) {
            ob_err_set_string(ob_exc_ValueError, "timeout must be non-negative");
            return NULL;
        }
        deadline = sel_now() + timeout;
    }
    SelList l[3];
    fd_set sets[3];
    int maxfd = -1;
    for (int k = 0; k < 3; k++) {
        FD_ZERO(&sets[k]);
        if (sel_fill(a[k], &l[k], &sets[k], &maxfd) < 0)
            return NULL;
    }
    fd_set work[3];
    int r;
    for (;;) {
        memcpy(work, sets, sizeof work);
        struct timeval tv, *tvp = NULL;
        if (timeout >= 0) {
            double left = deadline - sel_now();
            if (left < 0)
                left = 0;
            tv.tv_sec = (time_t)left;
            tv.tv_usec = (suseconds_t)((left - (double)tv.tv_sec) * 1e6);
            tvp = &tv;
        }
        ob_gil_release();
        r = select(maxfd + 1, &work[0], &work[1], &work[2], tvp);
        ob_gil_acquire();
        if (r >= 0 || errno != EINTR)
            break;
        /* PEP 475: retry, unless a signal handler raised */
        if (kn_signal_check != NULL && kn_signal_check() < 0)
            return NULL;
    }
    if (r < 0)
        return sel_oserror();
    if (r == 0)
        for (int k = 0; k < 3; k++)
            FD_ZERO(&work[k]);
    KnObject *res[3];
    for (int k = 0; k < 3; k++)
        if ((res[k] = sel_ready(&l[k], &work[k])) == NULL)
            return NULL;
    return ob_tuple_pack(3, res[0], res[1], res[2]);
}

static KnObject *sel_poll_factory(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return sel_poll_new();
}

static KnMethodDef select_methods[] = {
    {"select", SEL_FC(sel_select), SEL_KW,
     "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", SEL_FC(sel_poll_factory), KN_METH_NOARGS,
     "Returns a polling object."},
    {NULL, NULL, 0, NULL}
};

typedef struct SelConst { const char *name; long long value; } SelConst;

static const SelConst select_consts[] = {
#define C(n) {#n, (long long)(n)},
    C(POLLIN) C(POLLPRI) C(POLLOUT) C(POLLERR) C(POLLHUP) C(POLLNVAL) C(POLLRDNORM)
    C(POLLRDBAND) C(POLLWRNORM) C(POLLWRBAND) C(POLLMSG) C(POLLRDHUP)
    C(EPOLLIN) C(EPOLLOUT) C(EPOLLPRI) C(EPOLLERR) C(EPOLLHUP) C(EPOLLET) C(EPOLLONESHOT)
    C(EPOLLEXCLUSIVE) C(EPOLLRDHUP) C(EPOLLRDNORM) C(EPOLLRDBAND) C(EPOLLWRNORM)
    C(EPOLLWRBAND) C(EPOLLMSG) C(EPOLL_CLOEXEC) C(PIPE_BUF)
#undef C
    {NULL, 0}
};

KnObject *kn_init_select(void)
{
    if (ob_type_ready(&sel_poll_type) < 0 || ob_type_ready(&sel_epoll_type) < 0)
        return NULL;
    KnObject *mod = ob_module_new_cstr("select");
    if (mod == NULL || ob_module_add_functions(mod, select_methods) < 0
        || ob_module_add_object(mod, "error", (KnObject *)ob_exc_OSError) < 0
        || ob_module_add_object(mod, "epoll", (KnObject *)&sel_epoll_type) < 0)
        return NULL;
    for (const SelConst *c = select_consts; c->name != NULL; c++) {
        KnObject *v = ob_int_from_long_long(c->value);
        if (v == NULL || ob_module_add_object(mod, c->name, v) < 0)
            return NULL;
    }
    return mod;
}
