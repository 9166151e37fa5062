/*
 * fcntl_module.c — the `fcntl` module: fcntl, ioctl, flock, lockf and the
 * F_* / LOCK_* / DN_* constants.
 *
 * Integer arguments of fcntl and ioctl follow CPython's "I" conversion:
 * any int, truncated to 32 bits (so ioctl(fd, -1) reaches the kernel).
 * Buffer arguments are copied into a 1024-byte scratch area; a writable
 * buffer given to ioctl with mutate_flag true gets the result copied back.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "libobject/buffer.h"
#include "libobject/libobject.h"
#include "select_fd.h"

KnObject *kn_init_fcntl(void);

#define FC_BUFSZ 1024
#define FC_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw

/* CPython's "I": an integer truncated to its low 32 bits. */
static int fc_uint_mask(KnObject *o, unsigned int *out)
{
    if (KN_FLOAT_CHECK(o) || !ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    KnObject *i = ob_number_index(o);
    KnObject *low = i ? ob_number_and(i, ob_int_from_long_long(0xffffffffLL)) : NULL;
    if (low == NULL)
        return -1;
    *out = (unsigned int)ob_int_as_long_long(low);
    return 0;
}

/* A str (utf-8) or read-only bytes-like argument copied into buf; 1 when
 * arg is such, 0 when it is not (no error), -1 on error. */
static int fc_copy_arg(KnObject *arg, char *buf, kn_ssize_t *len, const char *who)
{
    const char *data;
    kn_ssize_t n;
    KnBuffer view;
    int have_view = 0;
    if (KN_STR_CHECK(arg)) {
        data = ob_str_as_utf8(arg, &n);
        if (data == NULL)
            return -1;
    } else if (ob_buffer_check(arg)) {
        if (ob_buffer_get(arg, &view, KN_BUF_SIMPLE) < 0)
            return -1;
        have_view = 1;
        data = view.buf;
        n = view.len;
    } else {
        return 0;
    }
    if (n > FC_BUFSZ) {
        if (have_view)
            ob_buffer_release(&view);
        ob_err_format(ob_exc_ValueError, "%s string arg too long", who);
        return -1;
    }
    memcpy(buf, data, (size_t)n);
    if (have_view)
        ob_buffer_release(&view);
    *len = n;
    return 1;
}

static KnObject *fc_fcntl(FC_ARGS)
{
    static const char *const names[] = {"", "", "", NULL};
    static const KnArgSpec spec = {"fcntl", names, 2, 3, 0};
    KnObject *a[3] = {0};
    int fd, cmd, ret;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || sel_fileno(a[0], &fd) < 0
        || sel_int_arg(a[1], &cmd) < 0)
        return NULL;
    if (a[2] != NULL) {
        char buf[FC_BUFSZ];
        kn_ssize_t len = 0;
        int r = fc_copy_arg(a[2], buf, &len, "fcntl");
        if (r < 0)
            return NULL;
        if (r > 0) {
            do ret = fcntl(fd, cmd, buf); while (ret == -1 && errno == EINTR);
            if (ret == -1)
                return sel_oserror();
            return ob_bytes_from_data(buf, len);
        }
    }
    unsigned int iarg = 0;
    if (a[2] != NULL && fc_uint_mask(a[2], &iarg) < 0)
        return NULL;
    do ret = fcntl(fd, cmd, (int)iarg); while (ret == -1 && errno == EINTR);
    if (ret == -1)
        return sel_oserror();
    return ob_int_from_long_long(ret);
}

/* ioctl on a writable buffer, the result written back when mutating. */
static KnObject *fc_ioctl_writable(int fd, unsigned int req, KnObject *arg, int mutate)
{
    KnBuffer view;
    if (ob_buffer_get(arg, &view, KN_BUF_WRITABLE) < 0)
        return NULL;
    char buf[FC_BUFSZ + 1];
    int ret;
    if (mutate && view.len > FC_BUFSZ) {
        ret = ioctl(fd, req, view.buf);
    } else {
        if (view.len > FC_BUFSZ) {
            ob_buffer_release(&view);
            ob_err_set_string(ob_exc_ValueError, "ioctl string arg too long");
            return NULL;
        }
        memcpy(buf, view.buf, (size_t)view.len);
        buf[view.len] = '\0';
        ret = ioctl(fd, req, buf);
        if (mutate && ret >= 0)
            memcpy(view.buf, buf, (size_t)view.len);
    }
    kn_ssize_t len = view.len;
    ob_buffer_release(&view);
    if (ret < 0)
        return sel_oserror();
    return mutate ? ob_int_from_long_long(ret) : ob_bytes_from_data(buf, len);
}

static KnObject *fc_ioctl(FC_ARGS)
{
    static const char *const names[] = {"", "", "", "", NULL};
    static const KnArgSpec spec = {"ioctl", names, 2, 4, 0};
    KnObject *a[4] = {0};
    int fd, ret;
    unsigned int req;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || sel_fileno(a[0], &fd) < 0
        || fc_uint_mask(a[1], &req) < 0)
        return NULL;
    int mutate = 1;
    if (a[3] != NULL && (mutate = ob_is_true(a[3])) < 0)
        return NULL;
    if (a[2] != NULL) {
        if (!KN_STR_CHECK(a[2]) && ob_buffer_check(a[2])) {
            KnBuffer probe;
            if (ob_buffer_get(a[2], &probe, KN_BUF_WRITABLE) == 0) {
                ob_buffer_release(&probe);
                return fc_ioctl_writable(fd, req, a[2], mutate);
            }
            ob_err_clear();
        }
        char buf[FC_BUFSZ + 1];
        kn_ssize_t len = 0;
        int r = fc_copy_arg(a[2], buf, &len, "ioctl");
        if (r < 0)
            return NULL;
        if (r > 0) {
            buf[len] = '\0';
            ret = ioctl(fd, req, buf);
            if (ret < 0)
                return sel_oserror();
            return ob_bytes_from_data(buf, len);
        }
    }
    unsigned int iarg = 0;
    if (a[2] != NULL && fc_uint_mask(a[2], &iarg) < 0)
        return NULL;
    ret = ioctl(fd, req, (int)iarg);
    if (ret < 0)
        return sel_oserror();
    return ob_int_from_long_long(ret);
}

static KnObject *fc_flock(FC_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"flock", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd, op, ret;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || sel_fileno(a[0], &fd) < 0
        || sel_int_arg(a[1], &op) < 0)
        return NULL;
    do ret = flock(fd, op); while (ret == -1 && errno == EINTR);
    if (ret == -1)
        return sel_oserror();
    return KN_None;
}

static KnObject *fc_lockf(FC_ARGS)
{
    static const char *const names[] = {"", "", "", "", "", NULL};
    static const KnArgSpec spec = {"lockf", names, 2, 5, 0};
    KnObject *a[5] = {0};
    int fd, code, whence = 0, ret;
    long long len = 0, start = 0;
    int ovf = 0;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || sel_fileno(a[0], &fd) < 0
        || sel_int_arg(a[1], &code) < 0 || (a[2] && kn_arg_index_ll(a[2], &len, &ovf) < 0)
        || (a[3] && kn_arg_index_ll(a[3], &start, &ovf) < 0)
        || (a[4] && sel_int_arg(a[4], &whence) < 0))
        return NULL;
    if (ovf) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return NULL;
    }
    struct flock l;
    memset(&l, 0, sizeof l);
    if (code == LOCK_UN)
        l.l_type = F_UNLCK;
    else if (code & LOCK_SH)
        l.l_type = F_RDLCK;
    else if (code & LOCK_EX)
        l.l_type = F_WRLCK;
    else {
        ob_err_set_string(ob_exc_ValueError, "unrecognized lockf argument");
        return NULL;
    }
    l.l_start = (off_t)start;
    l.l_len = (off_t)len;
    l.l_whence = (short)whence;
    do ret = fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l); while (ret == -1 && errno == EINTR);
    if (ret == -1)
        return sel_oserror();
    return KN_None;
}

#define FC_FC(f) ((KnCFunction)(void (*)(void))(f))
#define FC_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

static KnMethodDef fcntl_methods[] = {
    {"fcntl", FC_FC(fc_fcntl), FC_KW, "Perform the operation `cmd` on file descriptor fd."},
    {"ioctl", FC_FC(fc_ioctl), FC_KW, "Perform the operation `request` on file descriptor `fd`."},
    {"flock", FC_FC(fc_flock), FC_KW, "Perform the lock operation `operation` on file descriptor `fd`."},
    {"lockf", FC_FC(fc_lockf), FC_KW, "A wrapper around the fcntl() locking calls."},
    {NULL, NULL, 0, NULL}
};

typedef struct FcConst { const char *name; long value; } FcConst;

static const FcConst fcntl_consts[] = {
#define C(n) {#n, (long)(n)},
    C(LOCK_SH) C(LOCK_EX) C(LOCK_NB) C(LOCK_UN) C(LOCK_MAND) C(LOCK_READ) C(LOCK_WRITE) C(LOCK_RW)
    C(F_DUPFD) C(F_DUPFD_CLOEXEC) C(F_GETFD) C(F_SETFD) C(F_GETFL) C(F_SETFL) C(F_GETLK)
    C(F_SETLK) C(F_SETLKW) C(F_GETOWN) C(F_SETOWN) C(F_GETSIG) C(F_SETSIG) C(F_RDLCK)
    C(F_WRLCK) C(F_UNLCK) C(F_GETLK64) C(F_SETLK64) C(F_SETLKW64) C(FASYNC) C(F_SETLEASE)
    C(F_GETLEASE) C(F_NOTIFY) C(F_EXLCK) C(F_SHLCK) C(F_SETPIPE_SZ) C(F_GETPIPE_SZ)
    C(F_OFD_GETLK) C(F_OFD_SETLK) C(F_OFD_SETLKW) C(F_ADD_SEALS) C(F_GET_SEALS)
    C(F_SEAL_SEAL) C(F_SEAL_SHRINK) C(F_SEAL_GROW) C(F_SEAL_WRITE) C(FD_CLOEXEC)
    C(DN_ACCESS) C(DN_MODIFY) C(DN_CREATE) C(DN_DELETE) C(DN_RENAME) C(DN_ATTRIB)
    C(DN_MULTISHOT)
#undef C
    {NULL, 0}
};

KnObject *kn_init_fcntl(void)
{
    KnObject *mod = ob_module_new_cstr("fcntl");
    if (mod == NULL || ob_module_add_functions(mod, fcntl_methods) < 0)
        return NULL;
    for (const FcConst *c = fcntl_consts; c->name != NULL; c++) {
        KnObject *v = ob_int_from_long_long(c->value);
        if (v == NULL || ob_module_add_object(mod, c->name, v) < 0)
            return NULL;
    }
    return mod;
}
