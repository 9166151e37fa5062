/*
 * socket_msg.c — sendmsg, recvmsg and recvmsg_into: scatter / gather I/O
 * with ancillary data (control messages), the way multiprocessing passes
 * descriptors over AF_UNIX sockets (SCM_RIGHTS).  Ancillary items are
 * (level, type, data) tuples in both directions; a control message the
 * kernel truncated (MSG_CTRUNC) yields the part that arrived.
 */
#include <limits.h>
#include <string.h>

#include "libgc/gc.h"
#include "socket_internal.h"
#include "intarg.h"

typedef struct MsgCtx {
    struct msghdr msg;
    kn_ssize_t result;
    int flags;
} MsgCtx;

static int sendmsg_impl(SockObject *s, void *data)
{
    MsgCtx *c = data;
    c->result = sendmsg(s->fd, &c->msg, c->flags);
    return c->result < 0 ? -1 : 0;
}

static int recvmsg_impl(SockObject *s, void *data)
{
    MsgCtx *c = data;
    c->result = recvmsg(s->fd, &c->msg, c->flags);
    return c->result < 0 ? -1 : 0;
}

/* Views of the objects in `items`, released together. */
typedef struct Views {
    KnBuffer *v;
    kn_ssize_t n;
} Views;

static void views_release(Views *vs)
{
    for (kn_ssize_t i = 0; i < vs->n; i++)
        ob_buffer_release(&vs->v[i]);
    vs->n = 0;
}

static void *gc_array(size_t n, size_t size)
{
    void *p = kgc_alloc(n ? n * size : 1);
    if (p == NULL)
        ob_err_nomemory();
    return p;
}

/* list(iterable) or TypeError `msg`. */
static KnObject *as_list(KnObject *o, const char *msg)
{
    KnObject *it = ob_get_iter(o);
    if (it == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
            ob_err_clear();
            ob_err_set_string(ob_exc_TypeError, msg);
        }
        return NULL;
    }
    return ob_sequence_list(it);
}

/* The iovec array for the buffers in `list` (writable for recvmsg_into). */
static struct iovec *make_iov(KnObject *list, Views *vs, int writable, const char *fname)
{
    kn_ssize_t n = ob_length(list);
    struct iovec *iov = gc_array((size_t)n, sizeof *iov);
    vs->v = gc_array((size_t)n, sizeof(KnBuffer));
    vs->n = 0;
    if (iov == NULL || vs->v == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *o = ob_sequence_getitem(list, i);
        if (o == NULL)
            goto error;
        int ok = ob_buffer_get(o, &vs->v[i], writable ? KN_BUF_WRITABLE : KN_BUF_SIMPLE) == 0;
        if (ok && !ob_buffer_is_contiguous(&vs->v[i], 'C')) {
            ob_buffer_release(&vs->v[i]);
            ok = 0;
            if (!writable)
                ob_err_set_string(ob_exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        }
        if (!ok) {
            if (writable) {
                ob_err_clear();
                ob_err_format(ob_exc_TypeError,
                              "%s() argument 1 must be an iterable of single-segment read-write buffers",
                              fname);
            }
            goto error;
        }
        vs->n = i + 1;
        iov[i].iov_base = vs->v[i].buf;
        iov[i].iov_len = (size_t)vs->v[i].len;
    }
    return iov;
error:
    views_release(vs);
    return NULL;
}

/* Fill the control buffer from the ancdata items; -1 with TypeError. */
static int make_control(KnObject *list, struct msghdr *msg, Views *vs)
{
    kn_ssize_t n = ob_length(list);
    int *levels = gc_array((size_t)n, sizeof(int)), *types = gc_array((size_t)n, sizeof(int));
    vs->v = gc_array((size_t)n, sizeof(KnBuffer));
    vs->n = 0;
    if (levels == NULL || types == NULL || vs->v == NULL)
        return -1;
    size_t space = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *item = ob_sequence_getitem(list, i);
        if (item == NULL)
            goto error;
        if (!KN_TUPLE_CHECK(item) && !KN_FAST_SUBCLASS(item, KN_TPFLAGS_LIST_SUBCLASS)) {
            ob_err_format(ob_exc_TypeError,
                          "[sendmsg() ancillary data items]() argument must be 3-item sequence, not %s",
                          ob_type_name(KN_TYPE(item)));
            goto error;
        }
        if (ob_length(item) != 3) {
            ob_err_format(ob_exc_TypeError,
                          "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %zd",
                          ob_length(item));
            goto error;
        }
        if (sel_int_arg(ob_sequence_getitem(item, 0), &levels[i]) < 0
            || sel_int_arg(ob_sequence_getitem(item, 1), &types[i]) < 0
            || ob_buffer_get(ob_sequence_getitem(item, 2), &vs->v[i], KN_BUF_SIMPLE) < 0)
            goto error;
        vs->n = i + 1;
        space += CMSG_SPACE((size_t)vs->v[i].len);
    }
    msg->msg_control = NULL;
    msg->msg_controllen = space;
    if (space == 0)
        return 0;
    msg->msg_control = kgc_alloc_atomic(space);
    if (msg->msg_control == NULL) {
        ob_err_nomemory();
        goto error;
    }
    memset(msg->msg_control, 0, space);
    struct cmsghdr *c = CMSG_FIRSTHDR(msg);
    for (kn_ssize_t i = 0; i < n; i++) {
        c->cmsg_level = levels[i];
        c->cmsg_type = types[i];
        c->cmsg_len = CMSG_LEN((size_t)vs->v[i].len);
        memcpy(CMSG_DATA(c), vs->v[i].buf, (size_t)vs->v[i].len);
        c = CMSG_NXTHDR(msg, c);
    }
    return 0;
error:
    views_release(vs);
    return -1;
}

static KnObject *sk_sendmsg(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    MsgCtx c;
    SkAddr addr;
    Views data = {NULL, 0}, anc = {NULL, 0};
    KnObject *result = NULL;
    memset(&c, 0, sizeof c);
    if (sk_nargs("sendmsg", nargs, 1, 4) < 0)
        return NULL;
    KnObject *bufs = as_list(args[0], "sendmsg() argument 1 must be an iterable");
    if (bufs == NULL)
        return NULL;
    KnObject *ancl = ob_list_new(0);
    if (nargs > 1 && (ancl = as_list(args[1], "sendmsg() argument 2 must be an iterable")) == NULL)
        return NULL;
    if (nargs > 2 && sel_int_arg(args[2], &c.flags) < 0)
        return NULL;
    if (nargs > 3 && args[3] != KN_None) {
        socklen_t len;
        if (sk_addr_parse(SK(self), args[3], &addr, &len, "sendmsg") < 0)
            return NULL;
        c.msg.msg_name = &addr;
        c.msg.msg_namelen = len;
    }
    if ((c.msg.msg_iov = make_iov(bufs, &data, 0, "sendmsg")) == NULL)
        goto error;
    c.msg.msg_iovlen = (size_t)data.n;
    if (make_control(ancl, &c.msg, &anc) < 0)
        goto error;
    if (sk_call(SK(self), 1, sendmsg_impl, &c, 0, NULL, SK(self)->timeout) < 0)
        goto error;
    result = ob_int_from_long_long(c.result);
error:
    views_release(&data);
    views_release(&anc);
    return result;
}

/* The (level, type, data) list of a received message. */
static KnObject *ancillary_list(struct msghdr *msg)
{
    KnObject *out = ob_list_new(0);
    if (out == NULL || msg->msg_control == NULL)
        return out;
    const char *end = (const char *)msg->msg_control + msg->msg_controllen;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
        const char *d = (const char *)CMSG_DATA(c);
        if (d > end || c->cmsg_len < CMSG_LEN(0))
            break;
        size_t len = c->cmsg_len - CMSG_LEN(0);
        if (len > (size_t)(end - d))
            len = (size_t)(end - d);   /* truncated by the kernel */
        KnObject *item = ob_tuple_pack(3, ob_int_from_long_long(c->cmsg_level),
                                       ob_int_from_long_long(c->cmsg_type),
                                       ob_bytes_from_data(d, (kn_ssize_t)len));
        if (item == NULL || ob_list_append(out, item) < 0)
            return NULL;
    }
    return out;
}

/* ancbufsize and flags of recvmsg / recvmsg_into (args from index 1). */
static int anc_flags(KnObject *const *args, kn_ssize_t nargs, kn_ssize_t *ancsize, int *flags)
{
    *ancsize = 0;
    *flags = 0;
    if (nargs > 1) {
        long long v;
        int overflow;
        if (kn_arg_index_ll(args[1], &v, &overflow) < 0)
            return -1;
        if (overflow || v < 0 || v > INT_MAX) {
            ob_err_set_string(ob_exc_ValueError, "invalid ancillary data buffer length");
            return -1;
        }
        *ancsize = (kn_ssize_t)v;
    }
    return nargs > 2 ? sel_int_arg(args[2], flags) : 0;
}

/* The common tail: receive into the iovecs, build (x, ancdata, flags,
 * address) with x made by the caller from the byte count. */
static KnObject *do_recvmsg(SockObject *s, MsgCtx *c, kn_ssize_t ancsize, KnObject **anc_out,
                            KnObject **addr_out)
{
    SkAddr addr;
    memset(&addr, 0, sizeof addr);
    c->msg.msg_name = &addr;
    c->msg.msg_namelen = sizeof addr;
    if (ancsize > 0) {
        c->msg.msg_control = kgc_alloc_atomic((size_t)ancsize);
        if (c->msg.msg_control == NULL)
            return ob_err_nomemory();
        memset(c->msg.msg_control, 0, (size_t)ancsize);
        c->msg.msg_controllen = (size_t)ancsize;
    }
    if (sk_call(s, 0, recvmsg_impl, c, 0, NULL, s->timeout) < 0)
        return NULL;
    if ((*anc_out = ancillary_list(&c->msg)) == NULL)
        return NULL;
    *addr_out = sk_addr_make(&addr.sa, c->msg.msg_namelen, s->proto);
    return *addr_out;
}

static KnObject *sk_recvmsg(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    MsgCtx c;
    memset(&c, 0, sizeof c);
    kn_ssize_t size, ancsize;
    if (sk_nargs("recvmsg", nargs, 1, 3) < 0)
        return NULL;
    long long v;
    int overflow;
    if (kn_arg_index_ll(args[0], &v, &overflow) < 0 || anc_flags(args, nargs, &ancsize, &c.flags) < 0)
        return NULL;
    if (overflow > 0) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return NULL;
    }
    if (overflow < 0 || v < 0) {
        ob_err_set_string(ob_exc_ValueError, "negative buffer size in recvmsg()");
        return NULL;
    }
    size = (kn_ssize_t)v;
    KnObject *b = ob_bytes_new_uninit(size);
    if (b == NULL)
        return NULL;
    struct iovec iov = {KN_BYTES_AS_STRING(b), (size_t)size};
    c.msg.msg_iov = &iov;
    c.msg.msg_iovlen = 1;
    KnObject *anc, *addr;
    if (do_recvmsg(SK(self), &c, ancsize, &anc, &addr) == NULL)
        return NULL;
    if (c.result != size)
        b = ob_bytes_from_data(KN_BYTES_AS_STRING(b), c.result);
    return ob_tuple_pack(4, b, anc, ob_int_from_long_long(c.msg.msg_flags), addr);
}

static KnObject *sk_recvmsg_into(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    MsgCtx c;
    Views vs = {NULL, 0};
    memset(&c, 0, sizeof c);
    kn_ssize_t ancsize;
    if (sk_nargs("recvmsg_into", nargs, 1, 3) < 0)
        return NULL;
    KnObject *bufs = as_list(args[0], "recvmsg_into() argument 1 must be an iterable");
    if (bufs == NULL || anc_flags(args, nargs, &ancsize, &c.flags) < 0)
        return NULL;
    if ((c.msg.msg_iov = make_iov(bufs, &vs, 1, "recvmsg_into")) == NULL)
        return NULL;
    c.msg.msg_iovlen = (size_t)vs.n;
    KnObject *anc, *addr;
    KnObject *r = do_recvmsg(SK(self), &c, ancsize, &anc, &addr);
    views_release(&vs);
    if (r == NULL)
        return NULL;
    return ob_tuple_pack(4, ob_int_from_long_long(c.result), anc,
                         ob_int_from_long_long(c.msg.msg_flags), addr);
}

KnMethodDef sk_msg_methods[] = {
    {"sendmsg", SK_FC(sk_sendmsg), KN_METH_FASTCALL,
     "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count\n\nSend normal and ancillary data to the socket, gathering the\nnon-ancillary data from a series of buffers and concatenating it into\na single message."},
    {"recvmsg", SK_FC(sk_recvmsg), KN_METH_FASTCALL,
     "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)\n\nReceive normal data (up to bufsize bytes) and ancillary data from the\nsocket."},
    {"recvmsg_into", SK_FC(sk_recvmsg_into), KN_METH_FASTCALL,
     "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)\n\nReceive normal data and ancillary data from the socket, scattering the\nnon-ancillary data into a series of buffers."},
    {NULL, NULL, 0, NULL}
};
