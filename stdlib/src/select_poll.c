/*
 * select_poll.c — select.poll objects: a dict from descriptor to event
 * mask, turned into a struct pollfd array on each poll() call.
 */
#include <poll.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "select_internal.h"
#include "stdlib/signals.h"


typedef struct SelPoll {
    KN_OBJECT_HEAD;
    KnObject *fds;     /* dict: int fd -> int mask */
} SelPoll;

KnObject *sel_poll_new(void)
{
    SelPoll *p = (SelPoll *)ob_type_generic_alloc(&sel_poll_type, 0);
    if (p == NULL || (p->fds = ob_dict_new()) == NULL)
        return NULL;
    return (KnObject *)p;
}

/* An event mask: an int in unsigned short range. */
static int sel_mask(KnObject *o, unsigned short *out)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow || v < 0 || v > 0xffff) {
        ob_err_set_string(ob_exc_OverflowError, overflow > 0 || v > 0xffff
                          ? "Python int too large for C unsigned short"
                          : "Python int too small for C unsigned short");
        return -1;
    }
    *out = (unsigned short)v;
    return 0;
}

static KnObject *poll_set(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                          KnObject *kw, int modify)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec rspec = {"register", names, 1, 2, 0};
    static const KnArgSpec mspec = {"modify", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd;
    unsigned short mask = POLLIN | POLLPRI | POLLOUT;
    if (ob_args_parse(modify ? &mspec : &rspec, args, nargs, kw, a) < 0 || sel_fileno(a[0], &fd) < 0
        || (a[1] != NULL && sel_mask(a[1], &mask) < 0))
        return NULL;
    KnObject *d = ((SelPoll *)self)->fds, *key = ob_int_from_long_long(fd);
    if (key == NULL)
        return NULL;
    if (modify) {
        int has = ob_dict_contains(d, key);
        if (has < 0)
            return NULL;
        if (!has) {
            errno = ENOENT;
            return sel_oserror();
        }
    }
    if (ob_dict_setitem(d, key, ob_int_from_long_long(mask)) < 0)
        return NULL;
    return KN_None;
}

static KnObject *poll_register(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return poll_set(self, args, nargs, kw, 0);
}

static KnObject *poll_modify(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return poll_set(self, args, nargs, kw, 1);
}

static KnObject *poll_unregister(KnObject *self, KnObject *arg)
{
    int fd;
    if (sel_fileno(arg, &fd) < 0)
        return NULL;
    if (ob_dict_delitem(((SelPoll *)self)->fds, ob_int_from_long_long(fd)) < 0)
        return NULL;
    return KN_None;
}

static KnObject *poll_poll(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"", NULL};
    static const KnArgSpec spec = {"poll", names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    double ms = -1, deadline = 0;
    if (a[0] != NULL && a[0] != KN_None) {
        if (sel_number(a[0], &ms, "timeout must be an integer or None") < 0)
            return NULL;
        if (ms >= 0)
            deadline = sel_now() + ms / 1000.0;
    }
    KnObject *d = ((SelPoll *)self)->fds;
    kn_ssize_t n = ob_length(d), pos = 0, i = 0;
    struct pollfd *pf = kgc_alloc_atomic(sizeof *pf * (size_t)(n + 1));
    if (pf == NULL)
        return ob_err_nomemory();
    KnObject *k, *v;
    while (ob_dict_next(d, &pos, &k, &v)) {
        pf[i].fd = (int)ob_int_as_long_long(k);
        pf[i].events = (short)ob_int_as_long_long(v);
        pf[i].revents = 0;
        i++;
    }
    int r;
    for (;;) {
        ob_gil_release();
        r = poll(pf, (nfds_t)n, ms < 0 ? -1 : sel_ms_left(deadline));
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
    for (kn_ssize_t j = 0; out != NULL && j < n; j++) {
        if (pf[j].revents == 0)
            continue;
        KnObject *t = ob_tuple_pack(2, ob_int_from_long_long(pf[j].fd),
                                    ob_int_from_long_long((unsigned short)pf[j].revents));
        if (t == NULL || ob_list_append(out, t) < 0)
            return NULL;
    }
    return out;
}

static KnMethodDef poll_methods[] = {
    {"register", SEL_FC(poll_register), SEL_KW, "Register a file descriptor with the polling object."},
    {"modify", SEL_FC(poll_modify), SEL_KW, "Modify an already registered file descriptor."},
    {"unregister", SEL_FC(poll_unregister), KN_METH_O, "Remove a file descriptor being tracked by the polling object."},
    {"poll", SEL_FC(poll_poll), SEL_KW, "Polls the set of registered file descriptors."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject sel_poll_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "select.poll",
    .tp_basicsize = sizeof(SelPoll),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = poll_methods,
};
