/*
 * select_epoll.c — select.epoll: an epoll descriptor (close-on-exec) with
 * register / modify / unregister / poll, close, closed, fileno, fromfd
 * and the context-manager protocol.  A closed object has epfd -1 and
 * raises "I/O operation on closed epoll object".  The descriptor is not
 * closed by the garbage collector: call close() (or use `with`).
 */
#include <sys/epoll.h>
#include <unistd.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "select_internal.h"
#include "stdlib/signals.h"


typedef struct SelEpoll {
    KN_OBJECT_HEAD;
    int epfd;
} SelEpoll;

#define EPFD(o) (((SelEpoll *)(o))->epfd)

static KnObject *ep_wrap(KnTypeObject *t, int fd)
{
    SelEpoll *e = (SelEpoll *)ob_type_generic_alloc(t, 0);
    if (e == NULL) {
        close(fd);
        return NULL;
    }
    e->epfd = fd;
    return (KnObject *)e;
}

static KnObject *ep_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"sizehint", "flags", NULL};
    static const KnArgSpec spec = {"epoll", names, 0, 2, 0};
    KnObject *a[2] = {0};
    int sizehint = -1, flags = 0;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0 || (a[0] && sel_int_arg(a[0], &sizehint) < 0)
        || (a[1] && sel_int_arg(a[1], &flags) < 0))
        return NULL;
    if (sizehint == -1)
        sizehint = FD_SETSIZE - 1;
    else if (sizehint <= 0) {
        ob_err_set_string(ob_exc_ValueError, "negative sizehint");
        return NULL;
    }
    if (flags && flags != EPOLL_CLOEXEC) {
        ob_err_set_string(ob_exc_OSError, "invalid flags");
        return NULL;
    }
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0)
        return sel_oserror();
    return ep_wrap(t, fd);
}

static int ep_open(KnObject *self)
{
    if (EPFD(self) < 0) {
        ob_err_set_string(ob_exc_ValueError, "I/O operation on closed epoll object");
        return -1;
    }
    return 0;
}

static KnObject *ep_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    int fd = EPFD(self);
    EPFD(self) = -1;
    if (fd >= 0 && close(fd) < 0)
        return sel_oserror();
    return KN_None;
}

static KnObject *ep_closed(KnObject *self, void *closure)
{
    (void)closure;
    return KN_BOOL(EPFD(self) < 0);
}

static KnObject *ep_fileno(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (ep_open(self) < 0)
        return NULL;
    return ob_int_from_long_long(EPFD(self));
}

static KnObject *ep_fromfd(KnObject *cls, KnObject *arg)
{
    int fd;
    if (sel_int_arg(arg, &fd) < 0)
        return NULL;
    return ep_wrap((KnTypeObject *)cls, fd);
}

static KnObject *ep_ctl(KnObject *self, int op, KnObject *fdobj, KnObject *maskobj, unsigned int mask)
{
    int fd;
    if (sel_fileno(fdobj, &fd) < 0)
        return NULL;
    if (maskobj != NULL) {
        long long v;
        int overflow;
        if (kn_arg_index_ll(maskobj, &v, &overflow) < 0)
            return NULL;
        if (overflow || v < 0 || v > 0xffffffffLL) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C unsigned int");
            return NULL;
        }
        mask = (unsigned int)v;
    }
    if (ep_open(self) < 0)
        return NULL;
    struct epoll_event ev = {.events = mask, .data.fd = fd};
    if (epoll_ctl(EPFD(self), op, fd, &ev) < 0)
        return sel_oserror();
    return KN_None;
}

static KnObject *ep_register(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"fd", "eventmask", NULL};
    static const KnArgSpec spec = {"register", names, 1, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    return ep_ctl(self, EPOLL_CTL_ADD, a[0], a[1], EPOLLIN | EPOLLPRI | EPOLLOUT);
}

static KnObject *ep_modify(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"fd", "eventmask", NULL};
    static const KnArgSpec spec = {"modify", names, 2, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    return ep_ctl(self, EPOLL_CTL_MOD, a[0], a[1], 0);
}

static KnObject *ep_unregister(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"fd", NULL};
    static const KnArgSpec spec = {"unregister", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    return ep_ctl(self, EPOLL_CTL_DEL, a[0], NULL, 0);
}

static KnObject *ep_poll(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"timeout", "maxevents", NULL};
    static const KnArgSpec spec = {"poll", names, 0, 2, 0};
    KnObject *a[2] = {0};
    int maxevents = -1;
    double secs = -1, deadline = 0;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || (a[1] && sel_int_arg(a[1], &maxevents) < 0))
        return NULL;
    if (ep_open(self) < 0)
        return NULL;
    if (a[0] != NULL && a[0] != KN_None) {
        if (sel_number(a[0], &secs, "timeout must be an integer or None") < 0)
            return NULL;
        if (secs >= 0)
            deadline = sel_now() + secs;
    }
    if (maxevents == -1)
        maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1) {
        ob_err_format(ob_exc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
        return NULL;
    }
    struct epoll_event *evs = kgc_alloc_atomic(sizeof *evs * (size_t)maxevents);
    if (evs == NULL)
        return ob_err_nomemory();
    int r;
    for (;;) {
        ob_gil_release();
        r = epoll_wait(EPFD(self), evs, maxevents, secs < 0 ? -1 : sel_ms_left(deadline));
        ob_gil_acquire();
        if (r >= 0 || errno != EINTR)
            break;
        /* PEP 475: retry, unless a signal handler raised */
        if (kn_signal_check != NULL && kn_signal_check() < 0)
            return NULL;
    }
    if (r < 0)
        return sel_oserror();
    KnObject *out = ob_list_new(0);
    for (int i = 0; out != NULL && i < r; i++) {
        KnObject *t = ob_tuple_pack(2, ob_int_from_long_long(evs[i].data.fd),
                                    ob_int_from_long_long(evs[i].events));
        if (t == NULL || ob_list_append(out, t) < 0)
            return NULL;
    }
    return out;
}

static KnObject *ep_enter(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (ep_open(self) < 0)
        return NULL;
    return self;
}

static KnObject *ep_exit(KnObject *self, KnObject *args)
{
    (void)args;
    return ep_close(self, NULL);
}

static KnMethodDef ep_methods[] = {
    {"close", SEL_FC(ep_close), KN_METH_NOARGS, "Close the epoll control file descriptor."},
    {"fileno", SEL_FC(ep_fileno), KN_METH_NOARGS, "Return the epoll control file descriptor."},
    {"fromfd", SEL_FC(ep_fromfd), KN_METH_O | KN_METH_CLASS, "Create an epoll object from a given control fd."},
    {"register", SEL_FC(ep_register), SEL_KW, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", SEL_FC(ep_modify), SEL_KW, "Modify event mask for a registered file descriptor."},
    {"unregister", SEL_FC(ep_unregister), SEL_KW, "Remove a registered file descriptor from the epoll object."},
    {"poll", SEL_FC(ep_poll), SEL_KW, "Wait for events on the epoll file descriptor."},
    {"__enter__", SEL_FC(ep_enter), KN_METH_NOARGS, NULL},
    {"__exit__", SEL_FC(ep_exit), KN_METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef ep_getset[] = {
    {"closed", ep_closed, NULL, "True if the epoll handler is closed", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject sel_epoll_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "select.epoll",
    .tp_basicsize = sizeof(SelEpoll),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object.",
    .tp_methods = ep_methods,
    .tp_getset = ep_getset,
    .tp_new = ep_new,
};
