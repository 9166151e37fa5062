/*
 * posix_path.c — argument conversion for the posix module: paths (str
 * encoded utf-8/surrogateescape, bytes, os.PathLike, optionally an fd),
 * descriptors, dir_fd, and the errno-selected OSError with file names.
 */
#include <limits.h>

#include "posix_internal.h"
#include "intarg.h"
#include "stdlib/signals.h"

KnObject *px_fspath(KnObject *o)
{
    if (KN_STR_CHECK(o) || KN_BYTES_CHECK(o))
        return o;
    KnObject *meth = ob_lookup_special(o, ob_str_intern_cstr("__fspath__"));
    if (meth == NULL) {
        if (ob_err_occurred())
            return NULL;
        return ob_err_format(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             ob_type_name(KN_TYPE(o)));
    }
    KnObject *r = ob_call_noargs(meth);
    if (r == NULL)
        return NULL;
    if (!KN_STR_CHECK(r) && !KN_BYTES_CHECK(r))
        return ob_err_format(ob_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                             ob_type_name(KN_TYPE(o)), ob_type_name(KN_TYPE(r)));
    return r;
}

KnObject *px_fsdecode(const char *s, kn_ssize_t n, int as_bytes)
{
    if (as_bytes)
        return ob_bytes_from_data(s, n);
    return ob_str_decode_utf8(s, n, "surrogateescape");
}

int px_fd_conv(KnObject *o, int *fd)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow > 0 || v > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "fd is greater than maximum");
        return -1;
    }
    if (overflow < 0 || v < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "fd is less than minimum");
        return -1;
    }
    *fd = (int)v;
    return 0;
}

int px_dirfd_conv(KnObject *o, int *fd)
{
    if (o == NULL || o == KN_None) {
        *fd = AT_FDCWD;
        return 0;
    }
    if (!KN_INT_CHECK(o) && !ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "argument should be integer or None, not %s",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    return px_fd_conv(o, fd);
}

int px_ll_conv(KnObject *o, long long *v)
{
    int overflow;
    if (kn_arg_index_ll(o, v, &overflow) < 0)
        return -1;
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return 0;
}

int px_lls(const char *fname, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames,
           int n, long long *out)
{
    static const char *const names[] = {"", "", "", "", NULL};
    KnArgSpec spec = {fname, names + (4 - n), n, n, 0};
    KnObject *a[4] = {0};
    if (n < 1 || n > 4) {
        ob_err_bad_internal_call();
        return -1;
    }
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return -1;
    for (int i = 0; i < n; i++)
        if (px_ll_conv(a[i], &out[i]) < 0)
            return -1;
    return 0;
}

int px_int_conv(KnObject *o, int *v)
{
    long long r;
    if (px_ll_conv(o, &r) < 0)
        return -1;
    if (r > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (r < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *v = (int)r;
    return 0;
}

int px_bool_conv(KnObject *o, int dflt, int *v)
{
    if (o == NULL) {
        *v = dflt;
        return 0;
    }
    int r = ob_is_true(o);
    if (r < 0)
        return -1;
    *v = r;
    return 0;
}

static int path_type_error(PxPath *p, KnObject *o)
{
    const char *what = p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
        : p->allow_fd ? "string, bytes, os.PathLike or integer"
        : p->nullable ? "string, bytes, os.PathLike or None"
        : "string, bytes or os.PathLike";
    ob_err_format(ob_exc_TypeError, "%s: %s should be %s, not %s", p->fname, p->argname, what,
                  ob_type_name(KN_TYPE(o)));
    return -1;
}

int px_path_conv(KnObject *o, PxPath *p)
{
    p->object = o;
    p->narrow = NULL;
    p->fd = -1;
    p->is_bytes = 0;
    if (o == NULL || (o == KN_None && p->nullable)) {
        p->object = KN_None;
        return 0;
    }
    if (p->allow_fd && KN_INT_CHECK(o))
        return px_fd_conv(o, &p->fd);
    KnObject *v = o;
    if (!KN_STR_CHECK(o) && !KN_BYTES_CHECK(o)) {
        KnObject *meth = ob_lookup_special(o, ob_str_intern_cstr("__fspath__"));
        if (meth == NULL) {
            if (ob_err_occurred())
                return -1;
            return path_type_error(p, o);
        }
        v = ob_call_noargs(meth);
        if (v == NULL)
            return -1;
        if (!KN_STR_CHECK(v) && !KN_BYTES_CHECK(v)) {
            ob_err_format(ob_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                          ob_type_name(KN_TYPE(o)), ob_type_name(KN_TYPE(v)));
            return -1;
        }
    }
    KnObject *b = v;
    if (KN_STR_CHECK(v)) {
        b = ob_str_encode(v, "utf-8", "surrogateescape");
        if (b == NULL)
            return -1;
        if ((kn_ssize_t)strlen(KN_BYTES_AS_STRING(b)) != KN_SIZE(b)) {
            ob_err_set_string(ob_exc_ValueError, "embedded null byte");
            return -1;
        }
    } else {
        p->is_bytes = 1;
        if ((kn_ssize_t)strlen(KN_BYTES_AS_STRING(b)) != KN_SIZE(b)) {
            ob_err_format(ob_exc_ValueError, "%s: embedded null character in %s", p->fname, p->argname);
            return -1;
        }
    }
    p->encoded = b;
    p->narrow = KN_BYTES_AS_STRING(b);
    p->length = KN_SIZE(b);
    return 0;
}

int px_eintr_retry(void)
{
    if (kn_signal_check == NULL || kn_signal_check() == 0)
        return 1;
    errno = EINTR;
    return 0;
}

KnObject *px_err2(KnObject *filename, KnObject *filename2)
{
    if (ob_err_occurred())
        return NULL;    /* a signal handler's exception ended the call */
    if (filename2 == NULL)
        return ob_err_from_errno(ob_exc_OSError, filename);
    /* OSError(errno, strerror, filename, winerror, filename2) */
    int code = errno;
    KnObject *num = ob_int_from_ssize(code);
    KnObject *msg = ob_str_from_cstr(strerror(code));
    KnObject *args = num && msg ? ob_tuple_pack(5, num, msg, filename ? filename : KN_None, KN_None,
                                                filename2) : NULL;
    if (args == NULL)
        return NULL;
    ob_err_set_object(ob_exc_OSError, args);
    return NULL;
}

KnObject *px_err(KnObject *filename)
{
    return px_err2(filename, NULL);
}

KnObject *px_err_path(const PxPath *p)
{
    return px_err2(p->object, NULL);
}
