/*
 * posix_stat.c — os.stat_result and stat / lstat / fstat.
 *
 * stat_result has 10 visible items (the classic tuple, times as ints) and
 * 19 fields: float times, ns times, st_blksize, st_blocks, st_rdev.
 */
#include "posix_internal.h"
#include "structseq.h"

KnTypeObject *px_stat_result_type;

static const char *const stat_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    NULL, NULL, NULL,
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
    "st_blksize", "st_blocks", "st_rdev",
};

/* stat_result(tuple10): st_atime/st_mtime/st_ctime left None take the
 * integer times of items 7-9, as CPython's stat_result does. */
static void stat_result_post_new(KnObject *self)
{
    for (int i = 0; i < 3; i++)
        if (KN_TUPLE_ITEMS(self)[10 + i] == KN_None)
            KN_TUPLE_ITEMS(self)[10 + i] = KN_TUPLE_ITEMS(self)[7 + i];
}

int px_stat_init(void)
{
    if (px_stat_result_type != NULL)
        return 0;
    px_stat_result_type = ss_new_type("os.stat_result",
        "stat_result: Result from stat, fstat, or lstat.", stat_fields, 19, 10);
    if (px_stat_result_type == NULL)
        return -1;
    ss_set_post_new(px_stat_result_type, stat_result_post_new);
    return 0;
}

static KnObject *ns_total(const struct timespec *ts)
{
    KnObject *s = ob_int_from_long_long((long long)ts->tv_sec);
    KnObject *g = ob_int_from_long_long(1000000000LL);
    KnObject *m = s && g ? ob_number_multiply(s, g) : NULL;
    return m ? ob_number_add(m, ob_int_from_long_long(ts->tv_nsec)) : NULL;
}

KnObject *px_stat_from(const struct stat *st)
{
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    KnObject *v[19];
    v[0] = ob_int_from_long_long(st->st_mode);
    v[1] = ob_int_from_unsigned_long_long(st->st_ino);
    v[2] = ob_int_from_unsigned_long_long(st->st_dev);
    v[3] = ob_int_from_unsigned_long_long(st->st_nlink);
    v[4] = ob_int_from_long_long(st->st_uid);
    v[5] = ob_int_from_long_long(st->st_gid);
    v[6] = ob_int_from_long_long(st->st_size);
    for (int i = 0; i < 3; i++) {
        v[7 + i] = ob_int_from_long_long((long long)ts[i]->tv_sec);
        v[10 + i] = ob_float_from_double((double)ts[i]->tv_sec + ts[i]->tv_nsec * 1e-9);
        v[13 + i] = ns_total(ts[i]);
    }
    v[16] = ob_int_from_long_long(st->st_blksize);
    v[17] = ob_int_from_long_long(st->st_blocks);
    v[18] = ob_int_from_unsigned_long_long(st->st_rdev);
    for (int i = 0; i < 19; i++)
        if (v[i] == NULL)
            return NULL;
    return ss_new(px_stat_result_type, v);
}

/* stat(path, *, dir_fd=None, follow_symlinks=True), lstat as follow=False. */
static KnObject *do_stat(const char *fname, KnObject *const *args, kn_ssize_t nargs,
                         KnObject *kwnames, int lstat_form)
{
    static const char *const names_s[] = {"path", "dir_fd", "follow_symlinks", NULL};
    static const char *const names_l[] = {"path", "dir_fd", NULL};
    KnArgSpec spec = {fname, lstat_form ? names_l : names_s, 1, 1, 0};
    KnObject *a[3] = {NULL, NULL, NULL};
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    PxPath p = PX_PATH_INIT(fname, "path", 0, !lstat_form);
    int dirfd, follow;
    if (px_path_conv(a[0], &p) < 0 || px_dirfd_conv(a[1], &dirfd) < 0
        || px_bool_conv(a[2], !lstat_form, &follow) < 0)
        return NULL;
    if (p.narrow == NULL && dirfd != AT_FDCWD)
        return ob_err_format(ob_exc_ValueError, "%s: can't specify dir_fd without matching path", fname);
    if (p.narrow == NULL && !follow)
        return ob_err_format(ob_exc_ValueError, "%s: cannot use fd and follow_symlinks together", fname);
    struct stat st;
    int r;
    if (p.narrow == NULL)
        r = fstat(p.fd, &st);
    else
        r = fstatat(dirfd, p.narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (r < 0)
        return px_err_path(&p);
    return px_stat_from(&st);
}

static KnObject *px_stat(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    return do_stat("stat", args, nargs, kw, 0);
}

static KnObject *px_lstat(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    return do_stat("lstat", args, nargs, kw, 1);
}

static KnObject *px_fstat(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"fd", NULL};
    static const KnArgSpec spec = {"fstat", names, 1, 1, 0};
    KnObject *a[1] = {NULL};
    int fd;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || px_int_conv(a[0], &fd) < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0)
        return px_err(NULL);
    return px_stat_from(&st);
}

KnMethodDef px_stat_methods[] = {
    {"stat", PX_FC(px_stat), PX_KW, "Perform a stat system call on the given path."},
    {"lstat", PX_FC(px_lstat), PX_KW, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", PX_FC(px_fstat), PX_KW, "Perform a stat system call on the given file descriptor."},
    {NULL, NULL, 0, NULL}
};
