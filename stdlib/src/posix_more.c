/*
 * posix_more.c — Linux extras of the posix module: waitid
 * (posix.waitid_result), setresuid / setresgid, setgroups, mknod,
 * sendfile, readv / writev, copy_file_range, memfd_create, eventfd /
 * eventfd_read / eventfd_write, and the MFD_ / EFD_ constants.
 */
#include <grp.h>
#include <linux/memfd.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include "posix_internal.h"
#include "structseq.h"
#include "libgc/gc.h"

#define PX_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw
#define PARSE(spec, a) ((void)m, ob_args_parse(&(spec), args, nargs, kw, (a)))

static KnTypeObject *waitid_type;
static const char *const waitid_fields[] = {"si_pid", "si_uid", "si_signo", "si_status", "si_code"};

static KnObject *px_waitid(PX_ARGS)
{
    long long v[3];
    (void)m;
    if (px_lls("waitid", args, nargs, kw, 3, v) < 0)
        return NULL;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int r;
    PX_RETRY_BLOCKING(r, waitid((idtype_t)v[0], (id_t)v[1], &si, (int)v[2]));
    if (r < 0)
        return px_err(NULL);
    if (si.si_pid == 0)
        return KN_None;        /* WNOHANG and no child ready */
    KnObject *vals[5] = {
        ob_int_from_long_long(si.si_pid), ob_int_from_long_long(si.si_uid),
        ob_int_from_ssize(si.si_signo), ob_int_from_ssize(si.si_status), ob_int_from_ssize(si.si_code),
    };
    return ss_new(waitid_type, vals);
}

static KnObject *px_setresuid(PX_ARGS)
{
    long long v[3];
    (void)m;
    if (px_lls("setresuid", args, nargs, kw, 3, v) < 0)
        return NULL;
    if (setresuid((uid_t)v[0], (uid_t)v[1], (uid_t)v[2]) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_setresgid(PX_ARGS)
{
    long long v[3];
    (void)m;
    if (px_lls("setresgid", args, nargs, kw, 3, v) < 0)
        return NULL;
    if (setresgid((gid_t)v[0], (gid_t)v[1], (gid_t)v[2]) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_setgroups(KnObject *m, KnObject *arg)
{
    (void)m;
    KnObject *t = ob_sequence_tuple(arg);
    if (t == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
            ob_err_clear();
            ob_err_set_string(ob_exc_TypeError, "setgroups argument must be a sequence");
        }
        return NULL;
    }
    kn_ssize_t n = KN_SIZE(t);
    gid_t *g = kgc_alloc_atomic(sizeof *g * (size_t)(n + 1));
    if (g == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < n; i++) {
        long long v;
        if (!KN_INT_CHECK(KN_TUPLE_GET(t, i)))
            return ob_err_format(ob_exc_TypeError, "groups must be integers");
        if (px_ll_conv(KN_TUPLE_GET(t, i), &v) < 0)
            return NULL;
        g[i] = (gid_t)v;
    }
    if (setgroups((size_t)n, g) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_mknod(PX_ARGS)
{
    static const char *const names[] = {"path", "mode", "device", "dir_fd", NULL};
    static const KnArgSpec spec = {"mknod", names, 1, 3, 0};
    KnObject *a[4] = {0};
    PxPath p = PX_PATH_INIT("mknod", "path", 0, 0);
    int mode = 0600, dirfd;
    long long dev = 0;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || (a[1] && px_int_conv(a[1], &mode) < 0)
        || (a[2] && px_ll_conv(a[2], &dev) < 0) || px_dirfd_conv(a[3], &dirfd) < 0)
        return NULL;
    if (mknodat(dirfd, p.narrow, (mode_t)mode, (dev_t)dev) < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_sendfile(PX_ARGS)
{
    static const char *const names[] = {"out_fd", "in_fd", "offset", "count", NULL};
    static const KnArgSpec spec = {"sendfile", names, 4, 4, 0};
    KnObject *a[4] = {0};
    int out, in;
    long long off = 0, count;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &out) < 0 || px_int_conv(a[1], &in) < 0
        || (a[2] != KN_None && px_ll_conv(a[2], &off) < 0) || px_ll_conv(a[3], &count) < 0)
        return NULL;
    off_t o = (off_t)off;
    ssize_t r;
    PX_RETRY(r, sendfile(out, in, a[2] == KN_None ? NULL : &o, (size_t)count));
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_ssize(r);
}

/* The buffers of readv / writev: views over a sequence of bytes-like
 * objects (writable ones for readv). */
typedef struct PxIov {
    struct iovec *iov;
    KnBuffer *views;
    KnObject **objs;
    kn_ssize_t n;
} PxIov;

static void iov_release(PxIov *v)
{
    for (kn_ssize_t i = 0; i < v->n; i++) {
        KnBufferProcs *bp = KN_TYPE(v->objs[i])->tp_as_buffer;
        if (bp->bf_releasebuffer != NULL)
            bp->bf_releasebuffer(v->objs[i], &v->views[i]);
    }
}

static int iov_get(KnObject *seq, int writable, const char *fname, PxIov *v)
{
    KnObject *t = ob_sequence_tuple(seq);
    if (t == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
            ob_err_clear();
            ob_err_format(ob_exc_TypeError, "%s() arg 2 must be a sequence", fname);
        }
        return -1;
    }
    kn_ssize_t n = KN_SIZE(t);
    v->n = 0;
    v->iov = kgc_alloc_atomic(sizeof *v->iov * (size_t)(n + 1));
    v->views = kgc_alloc(sizeof *v->views * (size_t)(n + 1));
    v->objs = KN_TUPLE_ITEMS(t);
    if (v->iov == NULL || v->views == NULL) {
        ob_err_nomemory();
        return -1;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *o = KN_TUPLE_GET(t, i);
        KnBufferProcs *bp = KN_TYPE(o)->tp_as_buffer;
        if (bp == NULL || bp->bf_getbuffer == NULL) {
            ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                          ob_type_name(KN_TYPE(o)));
            iov_release(v);
            return -1;
        }
        if (bp->bf_getbuffer(o, &v->views[i], writable ? 1 : 0) < 0) {
            iov_release(v);
            return -1;
        }
        v->n = i + 1;
        v->iov[i].iov_base = v->views[i].buf;
        v->iov[i].iov_len = (size_t)v->views[i].len;
    }
    return 0;
}

static KnObject *iov_call(const char *fname, int writing, PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    KnArgSpec spec = {fname, names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd;
    PxIov v;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0 || iov_get(a[1], !writing, fname, &v) < 0)
        return NULL;
    ssize_t r;
    PX_RETRY(r, writing ? writev(fd, v.iov, (int)v.n) : readv(fd, v.iov, (int)v.n));
    int err = errno;
    iov_release(&v);
    if (r < 0) {
        errno = err;
        return px_err(NULL);
    }
    return ob_int_from_ssize(r);
}

static KnObject *px_readv(PX_ARGS) { return iov_call("readv", 0, m, args, nargs, kw); }
static KnObject *px_writev(PX_ARGS) { return iov_call("writev", 1, m, args, nargs, kw); }

static KnObject *px_copy_file_range(PX_ARGS)
{
    static const char *const names[] = {"src", "dst", "count", "offset_src", "offset_dst", NULL};
    static const KnArgSpec spec = {"copy_file_range", names, 3, 5, 0};
    KnObject *a[5] = {0};
    int src, dst;
    long long count, os_ = 0, od = 0;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &src) < 0 || px_int_conv(a[1], &dst) < 0
        || px_ll_conv(a[2], &count) < 0
        || (a[3] && a[3] != KN_None && px_ll_conv(a[3], &os_) < 0)
        || (a[4] && a[4] != KN_None && px_ll_conv(a[4], &od) < 0))
        return NULL;
    if (count < 0)
        return ob_err_format(ob_exc_ValueError, "negative value not allowed");
    loff_t lo_s = os_, lo_d = od;
    ssize_t r;
    PX_RETRY(r, copy_file_range(src, a[3] && a[3] != KN_None ? &lo_s : NULL, dst,
                                a[4] && a[4] != KN_None ? &lo_d : NULL, (size_t)count, 0));
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_ssize(r);
}

static KnObject *px_memfd_create(PX_ARGS)
{
    static const char *const names[] = {"name", "flags", NULL};
    static const KnArgSpec spec = {"memfd_create", names, 1, 2, 0};
    KnObject *a[2] = {0};
    PxPath p = PX_PATH_INIT("memfd_create", "name", 0, 0);
    int flags = MFD_CLOEXEC;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || (a[1] && px_int_conv(a[1], &flags) < 0))
        return NULL;
    int fd = memfd_create(p.narrow, (unsigned)flags);
    if (fd < 0)
        return px_err(NULL);
    return ob_int_from_ssize(fd);
}

static KnObject *px_eventfd(PX_ARGS)
{
    static const char *const names[] = {"initval", "flags", NULL};
    static const KnArgSpec spec = {"eventfd", names, 1, 2, 0};
    KnObject *a[2] = {0};
    long long init;
    int flags = EFD_CLOEXEC;
    if (PARSE(spec, a) < 0 || px_ll_conv(a[0], &init) < 0 || (a[1] && px_int_conv(a[1], &flags) < 0))
        return NULL;
    int fd = eventfd((unsigned)init, flags);
    if (fd < 0)
        return px_err(NULL);
    return ob_int_from_ssize(fd);
}

static KnObject *px_eventfd_read(PX_ARGS)
{
    long long fd;
    (void)m;
    if (px_lls("eventfd_read", args, nargs, kw, 1, &fd) < 0)
        return NULL;
    eventfd_t v;
    int r;
    PX_RETRY(r, eventfd_read((int)fd, &v));
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_unsigned_long_long(v);
}

static KnObject *px_eventfd_write(PX_ARGS)
{
    long long v[2];
    (void)m;
    if (px_lls("eventfd_write", args, nargs, kw, 2, v) < 0)
        return NULL;
    int r;
    PX_RETRY(r, eventfd_write((int)v[0], (eventfd_t)v[1]));
    if (r < 0)
        return px_err(NULL);
    return KN_None;
}

typedef struct PxMoreConst { const char *name; long long value; } PxMoreConst;
#define C(n) {#n, n}
static const PxMoreConst more_constants[] = {
    C(MFD_CLOEXEC), C(MFD_ALLOW_SEALING), C(MFD_HUGETLB), C(MFD_HUGE_SHIFT), C(MFD_HUGE_MASK),
    C(MFD_HUGE_64KB), C(MFD_HUGE_512KB), C(MFD_HUGE_1MB), C(MFD_HUGE_2MB), C(MFD_HUGE_8MB),
    C(MFD_HUGE_16MB), C(MFD_HUGE_32MB), C(MFD_HUGE_256MB), C(MFD_HUGE_512MB), C(MFD_HUGE_1GB),
    C(MFD_HUGE_2GB), C(MFD_HUGE_16GB),
    C(EFD_CLOEXEC), C(EFD_NONBLOCK), C(EFD_SEMAPHORE),
    {NULL, 0}
};

int px_more_init(KnObject *m)
{
    if (waitid_type == NULL) {
        waitid_type = ss_new_type("posix.waitid_result", "waitid_result: Result from waitid.",
                                  waitid_fields, 5, 5);
        if (waitid_type == NULL)
            return -1;
    }
    for (const PxMoreConst *c = more_constants; c->name != NULL; c++)
        if (ob_module_add_object(m, c->name, ob_int_from_long_long(c->value)) < 0)
            return -1;
    return ob_module_add_object(m, "waitid_result", (KnObject *)waitid_type);
}

KnMethodDef px_more_methods[] = {
    {"waitid", PX_FC(px_waitid), PX_KW, "Returns the result of waiting for a process or processes."},
    {"setresuid", PX_FC(px_setresuid), PX_KW, "Set the current process's real, effective, and saved user ids."},
    {"setresgid", PX_FC(px_setresgid), PX_KW, "Set the current process's real, effective, and saved group ids."},
    {"setgroups", px_setgroups, KN_METH_O, "Set the groups of the current process to list."},
    {"mknod", PX_FC(px_mknod), PX_KW, "Create a node in the file system."},
    {"sendfile", PX_FC(px_sendfile), PX_KW, "Copy count bytes from file descriptor in_fd to file descriptor out_fd."},
    {"readv", PX_FC(px_readv), PX_KW, "Read from a file descriptor fd into an iterable of buffers."},
    {"writev", PX_FC(px_writev), PX_KW, "Iterate over buffers, and write the contents of each to a file descriptor."},
    {"copy_file_range", PX_FC(px_copy_file_range), PX_KW, "Copy count bytes from one file descriptor to another."},
    {"memfd_create", PX_FC(px_memfd_create), PX_KW, "Create an anonymous file and return a file descriptor that refers to it."},
    {"eventfd", PX_FC(px_eventfd), PX_KW, "Creates and returns an event notification file descriptor."},
    {"eventfd_read", PX_FC(px_eventfd_read), PX_KW, "Read eventfd value"},
    {"eventfd_write", PX_FC(px_eventfd_write), PX_KW, "Write eventfd value."},
    {NULL, NULL, 0, NULL}
};
