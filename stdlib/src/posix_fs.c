/*
 * posix_fs.c — file-system operations on names: mkdir, rmdir, unlink,
 * remove, rename, replace, link, symlink, readlink, chmod, fchmod, chown,
 * lchown, fchown, utime, access, truncate, chdir, fchdir, getcwd, getcwdb,
 * umask.  dir_fd and follow_symlinks go to the *at() system calls.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "posix_internal.h"
#include "libgc/gc.h"

#define PX_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw
#define PARSE(spec, a) ((void)m, ob_args_parse(&(spec), args, nargs, kw, (a)))

static KnObject *px_mkdir(PX_ARGS)
{
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    static const KnArgSpec spec = {"mkdir", names, 1, 2, 0};
    KnObject *a[3] = {0};
    PxPath p = PX_PATH_INIT("mkdir", "path", 0, 0);
    int mode = 0777, dirfd;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0
        || (a[1] && px_int_conv(a[1], &mode) < 0) || px_dirfd_conv(a[2], &dirfd) < 0)
        return NULL;
    if (mkdirat(dirfd, p.narrow, (mode_t)mode) < 0)
        return px_err_path(&p);
    return KN_None;
}

/* rmdir / unlink / remove: (path, *, dir_fd=None). */
static KnObject *remove_common(const char *fname, int flags, PX_ARGS)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    KnArgSpec spec = {fname, names, 1, 1, 0};
    KnObject *a[2] = {0};
    PxPath p = PX_PATH_INIT(fname, "path", 0, 0);
    int dirfd;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || px_dirfd_conv(a[1], &dirfd) < 0)
        return NULL;
    if (unlinkat(dirfd, p.narrow, flags) < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_rmdir(PX_ARGS) { return remove_common("rmdir", AT_REMOVEDIR, m, args, nargs, kw); }
static KnObject *px_unlink(PX_ARGS) { return remove_common("unlink", 0, m, args, nargs, kw); }
static KnObject *px_remove(PX_ARGS) { return remove_common("remove", 0, m, args, nargs, kw); }

/* rename / replace / link: (src, dst, *, src_dir_fd, dst_dir_fd[, follow_symlinks]). */
static KnObject *two_paths(const char *fname, int is_link, PX_ARGS)
{
    static const char *const names_r[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    static const char *const names_l[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks", NULL};
    KnArgSpec spec = {fname, is_link ? names_l : names_r, 2, 2, 0};
    KnObject *a[5] = {0};
    PxPath s = PX_PATH_INIT(fname, "src", 0, 0), d = PX_PATH_INIT(fname, "dst", 0, 0);
    int sfd, dfd, follow;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &s) < 0 || px_path_conv(a[1], &d) < 0
        || px_dirfd_conv(a[2], &sfd) < 0 || px_dirfd_conv(a[3], &dfd) < 0
        || px_bool_conv(a[4], 1, &follow) < 0)
        return NULL;
    int r = is_link ? linkat(sfd, s.narrow, dfd, d.narrow, follow ? AT_SYMLINK_FOLLOW : 0)
                    : renameat(sfd, s.narrow, dfd, d.narrow);
    if (r < 0)
        return px_err2(s.object, d.object);
    return KN_None;
}

static KnObject *px_rename(PX_ARGS) { return two_paths("rename", 0, m, args, nargs, kw); }
static KnObject *px_replace(PX_ARGS) { return two_paths("replace", 0, m, args, nargs, kw); }
static KnObject *px_link(PX_ARGS) { return two_paths("link", 1, m, args, nargs, kw); }

static KnObject *px_symlink(PX_ARGS)
{
    static const char *const names[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    static const KnArgSpec spec = {"symlink", names, 2, 3, 0};
    KnObject *a[4] = {0};
    PxPath s = PX_PATH_INIT("symlink", "src", 0, 0), d = PX_PATH_INIT("symlink", "dst", 0, 0);
    int dirfd;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &s) < 0 || px_path_conv(a[1], &d) < 0
        || px_dirfd_conv(a[3], &dirfd) < 0)
        return NULL;
    if (symlinkat(s.narrow, dirfd, d.narrow) < 0)
        return px_err2(s.object, d.object);
    return KN_None;
}

static KnObject *px_readlink(PX_ARGS)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    static const KnArgSpec spec = {"readlink", names, 1, 1, 0};
    KnObject *a[2] = {0};
    PxPath p = PX_PATH_INIT("readlink", "path", 0, 0);
    int dirfd;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || px_dirfd_conv(a[1], &dirfd) < 0)
        return NULL;
    char buf[PATH_MAX + 1];
    ssize_t n = readlinkat(dirfd, p.narrow, buf, sizeof buf);
    if (n < 0)
        return px_err_path(&p);
    return px_fsdecode(buf, n, p.is_bytes);
}

static KnObject *px_chmod(PX_ARGS)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    static const KnArgSpec spec = {"chmod", names, 2, 2, 0};
    KnObject *a[4] = {0};
    PxPath p = PX_PATH_INIT("chmod", "path", 0, 1);
    int mode, dirfd, follow;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || px_int_conv(a[1], &mode) < 0
        || px_dirfd_conv(a[2], &dirfd) < 0 || px_bool_conv(a[3], 1, &follow) < 0)
        return NULL;
    int r;
    if (p.narrow == NULL)
        r = fchmod(p.fd, (mode_t)mode);
    else if (!follow)
        return ob_err_set_string(ob_exc_NotImplementedError,
                                 "chmod: follow_symlinks unavailable on this platform"), NULL;
    else
        r = fchmodat(dirfd, p.narrow, (mode_t)mode, 0);
    if (r < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_fchmod(PX_ARGS)
{
    static const char *const names[] = {"fd", "mode", NULL};
    static const KnArgSpec spec = {"fchmod", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int fd, mode;
    if (PARSE(spec, a) < 0 || px_fd_conv(a[0], &fd) < 0 || px_int_conv(a[1], &mode) < 0)
        return NULL;
    if (fchmod(fd, (mode_t)mode) < 0)
        return px_err(NULL);
    return KN_None;
}

/* uid/gid: -1 means "leave unchanged". */
static int id_conv(KnObject *o, unsigned *v)
{
    long long r;
    if (px_ll_conv(o, &r) < 0)
        return -1;
    if (r < -1 || r > (long long)UINT_MAX - 1) {
        ob_err_set_string(ob_exc_OverflowError, r < 0 ? "uid is less than minimum" : "uid is greater than maximum");
        return -1;
    }
    *v = (unsigned)r;
    return 0;
}

static KnObject *chown_common(const char *fname, int lform, PX_ARGS)
{
    static const char *const names[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", NULL};
    static const char *const lnames[] = {"path", "uid", "gid", NULL};
    KnArgSpec spec = {fname, lform ? lnames : names, 3, 3, 0};
    KnObject *a[5] = {0};
    PxPath p = PX_PATH_INIT(fname, "path", 0, !lform);
    unsigned uid, gid;
    int dirfd, follow;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || id_conv(a[1], &uid) < 0
        || id_conv(a[2], &gid) < 0 || px_dirfd_conv(a[3], &dirfd) < 0
        || px_bool_conv(a[4], !lform, &follow) < 0)
        return NULL;
    int r = p.narrow == NULL ? fchown(p.fd, uid, gid)
        : fchownat(dirfd, p.narrow, uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_chown(PX_ARGS) { return chown_common("chown", 0, m, args, nargs, kw); }
static KnObject *px_lchown(PX_ARGS) { return chown_common("lchown", 1, m, args, nargs, kw); }

static KnObject *px_fchown(PX_ARGS)
{
    static const char *const names[] = {"fd", "uid", "gid", NULL};
    static const KnArgSpec spec = {"fchown", names, 3, 3, 0};
    KnObject *a[3] = {0};
    int fd;
    unsigned uid, gid;
    if (PARSE(spec, a) < 0 || px_fd_conv(a[0], &fd) < 0 || id_conv(a[1], &uid) < 0 || id_conv(a[2], &gid) < 0)
        return NULL;
    if (fchown(fd, uid, gid) < 0)
        return px_err(NULL);
    return KN_None;
}

/* A time in seconds (int or float) as a timespec. */
static int time_conv(KnObject *o, struct timespec *ts)
{
    if (KN_FLOAT_CHECK(o)) {
        double d = ob_float_as_double(o), fl = 0;
        long long s = (long long)d;
        fl = d - (double)s;
        if (fl < 0) {
            fl += 1.0;
            s -= 1;
        }
        ts->tv_sec = (time_t)s;
        ts->tv_nsec = (long)(fl * 1e9 + 0.5);
        if (ts->tv_nsec >= 1000000000L) {
            ts->tv_sec++;
            ts->tv_nsec -= 1000000000L;
        }
        return 0;
    }
    long long s;
    if (px_ll_conv(o, &s) < 0)
        return -1;
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = 0;
    return 0;
}

static int ns_conv(KnObject *o, struct timespec *ts)
{
    KnObject *g = ob_int_from_long_long(1000000000LL);
    KnObject *dm = KN_INT_CHECK(o) ? ob_number_divmod(o, g) : NULL;
    if (dm == NULL) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_TypeError, "utime: ns must be a tuple of two ints");
        return -1;
    }
    long long s = ob_int_as_long_long(KN_TUPLE_GET(dm, 0));
    if (s == -1 && ob_err_occurred())
        return -1;
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = (long)ob_int_as_long_long(KN_TUPLE_GET(dm, 1));
    return 0;
}

static KnObject *px_utime(PX_ARGS)
{
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    static const KnArgSpec spec = {"utime", names, 1, 2, 0};
    KnObject *a[5] = {0};
    PxPath p = PX_PATH_INIT("utime", "path", 0, 1);
    int dirfd, follow;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || px_dirfd_conv(a[3], &dirfd) < 0
        || px_bool_conv(a[4], 1, &follow) < 0)
        return NULL;
    struct timespec ts[2], *tsp = NULL;
    KnObject *times = a[1] == KN_None ? NULL : a[1];
    if (times != NULL && a[2] != NULL)
        return ob_err_format(ob_exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    if (times != NULL) {
        if (!KN_TUPLE_CHECK(times) || KN_SIZE(times) != 2)
            return ob_err_format(ob_exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
        if (time_conv(KN_TUPLE_GET(times, 0), &ts[0]) < 0 || time_conv(KN_TUPLE_GET(times, 1), &ts[1]) < 0)
            return NULL;
        tsp = ts;
    } else if (a[2] != NULL) {
        if (!KN_TUPLE_CHECK(a[2]) || KN_SIZE(a[2]) != 2)
            return ob_err_format(ob_exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        if (ns_conv(KN_TUPLE_GET(a[2], 0), &ts[0]) < 0 || ns_conv(KN_TUPLE_GET(a[2], 1), &ts[1]) < 0)
            return NULL;
        tsp = ts;
    }
    int r = p.narrow == NULL ? futimens(p.fd, tsp)
        : utimensat(dirfd, p.narrow, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_access(PX_ARGS)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    static const KnArgSpec spec = {"access", names, 2, 2, 0};
    KnObject *a[5] = {0};
    PxPath p = PX_PATH_INIT("access", "path", 0, 0);
    int mode, dirfd, eff, follow;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || px_int_conv(a[1], &mode) < 0
        || px_dirfd_conv(a[2], &dirfd) < 0 || px_bool_conv(a[3], 0, &eff) < 0
        || px_bool_conv(a[4], 1, &follow) < 0)
        return NULL;
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return KN_BOOL(faccessat(dirfd, p.narrow, mode, flags) == 0);
}

static KnObject *px_truncate(PX_ARGS)
{
    static const char *const names[] = {"path", "length", NULL};
    static const KnArgSpec spec = {"truncate", names, 2, 2, 0};
    KnObject *a[2] = {0};
    PxPath p = PX_PATH_INIT("truncate", "path", 0, 1);
    long long len;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || px_ll_conv(a[1], &len) < 0)
        return NULL;
    int r = p.narrow == NULL ? ftruncate(p.fd, (off_t)len) : truncate(p.narrow, (off_t)len);
    if (r < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_chdir(PX_ARGS)
{
    static const char *const names[] = {"path", NULL};
    static const KnArgSpec spec = {"chdir", names, 1, 1, 0};
    KnObject *a[1] = {0};
    PxPath p = PX_PATH_INIT("chdir", "path", 0, 1);
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0)
        return NULL;
    int r = p.narrow == NULL ? fchdir(p.fd) : chdir(p.narrow);
    if (r < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_fchdir(PX_ARGS)
{
    static const char *const names[] = {"fd", NULL};
    static const KnArgSpec spec = {"fchdir", names, 1, 1, 0};
    KnObject *a[1] = {0};
    int fd;
    if (PARSE(spec, a) < 0 || px_fd_conv(a[0], &fd) < 0)
        return NULL;
    if (fchdir(fd) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *getcwd_common(int as_bytes)
{
    size_t size = 1024;
    for (;;) {
        char *buf = kgc_alloc_atomic(size);
        if (buf == NULL)
            return ob_err_nomemory();
        if (getcwd(buf, size) != NULL)
            return px_fsdecode(buf, (kn_ssize_t)strlen(buf), as_bytes);
        if (errno != ERANGE)
            return px_err(NULL);
        size *= 2;
    }
}

static KnObject *px_getcwd(KnObject *m, KnObject *unused) { (void)m; (void)unused; return getcwd_common(0); }
static KnObject *px_getcwdb(KnObject *m, KnObject *unused) { (void)m; (void)unused; return getcwd_common(1); }

static KnObject *px_umask(KnObject *m, KnObject *arg)
{
    (void)m;
    int mask;
    if (px_int_conv(arg, &mask) < 0)
        return NULL;
    return ob_int_from_ssize((kn_ssize_t)umask((mode_t)mask));
}

KnMethodDef px_fs_methods[] = {
    {"mkdir", PX_FC(px_mkdir), PX_KW, "Create a directory."},
    {"rmdir", PX_FC(px_rmdir), PX_KW, "Remove a directory."},
    {"unlink", PX_FC(px_unlink), PX_KW, "Remove a file (same as remove())."},
    {"remove", PX_FC(px_remove), PX_KW, "Remove a file (same as unlink())."},
    {"rename", PX_FC(px_rename), PX_KW, "Rename a file or directory."},
    {"replace", PX_FC(px_replace), PX_KW, "Rename a file or directory, overwriting the destination."},
    {"link", PX_FC(px_link), PX_KW, "Create a hard link to a file."},
    {"symlink", PX_FC(px_symlink), PX_KW, "Create a symbolic link pointing to src named dst."},
    {"readlink", PX_FC(px_readlink), PX_KW, "Return a string representing the path to which the symbolic link points."},
    {"chmod", PX_FC(px_chmod), PX_KW, "Change the access permissions of a file."},
    {"fchmod", PX_FC(px_fchmod), PX_KW, "Change the access permissions of the file given by file descriptor fd."},
    {"chown", PX_FC(px_chown), PX_KW, "Change the owner and group id of path to the numeric uid and gid."},
    {"lchown", PX_FC(px_lchown), PX_KW, "Change the owner and group id of path to the numeric uid and gid."},
    {"fchown", PX_FC(px_fchown), PX_KW, "Change the owner and group id of the file specified by file descriptor."},
    {"utime", PX_FC(px_utime), PX_KW, "Set the access and modified time of path."},
    {"access", PX_FC(px_access), PX_KW, "Use the real uid/gid to test for access to a path."},
    {"truncate", PX_FC(px_truncate), PX_KW, "Truncate a file, specified by path, to a specific length."},
    {"chdir", PX_FC(px_chdir), PX_KW, "Change the current working directory to the specified path."},
    {"fchdir", PX_FC(px_fchdir), PX_KW, "Change to the directory of the given file descriptor."},
    {"getcwd", px_getcwd, KN_METH_NOARGS, "Return a unicode string representing the current working directory."},
    {"getcwdb", px_getcwdb, KN_METH_NOARGS, "Return a bytes string representing the current working directory."},
    {"umask", px_umask, KN_METH_O, "Set the current numeric umask and return the previous umask."},
    {NULL, NULL, 0, NULL}
};
