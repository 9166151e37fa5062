/*
 * posix_extra.c — the less central posix functions: system, abort, nice,
 * sched_yield, sched_getaffinity, session / group / user ids (setsid,
 * setpgid, getpgid, getsid, setuid, setgid, seteuid, setegid), sync,
 * mkfifo, major / minor / makedev, statvfs / fstatvfs
 * (os.statvfs_result), pread, pwrite, ttyname, setpgrp, get/setpriority,
 * getres[ug]id, setre[ug]id, tcget/tcsetpgrp, ctermid, chroot, lockf,
 * getrandom, posix_fallocate, posix_fadvise.
 */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>

#include "posix_internal.h"
#include "structseq.h"
#include "libobject/set.h"

#define PX_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw
#define PARSE(spec, a) ((void)m, ob_args_parse(&(spec), args, nargs, kw, (a)))

static KnTypeObject *statvfs_type;

static const char *const statvfs_fields[] = {
    "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree",
    "f_favail", "f_flag", "f_namemax", "f_fsid",
};

static KnObject *px_system(PX_ARGS)
{
    static const char *const names[] = {"command", NULL};
    static const KnArgSpec spec = {"system", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (PARSE(spec, a) < 0)
        return NULL;
    KnObject *cmd = px_fspath(a[0]);
    if (cmd == NULL)
        return NULL;
    PxPath p = PX_PATH_INIT("system", "command", 0, 0);
    if (px_path_conv(cmd, &p) < 0)
        return NULL;
    ob_gil_release();
    int status = system(p.narrow);
    ob_gil_acquire();
    return ob_int_from_ssize(status);
}

static KnObject *px_abort(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    abort();
}

static KnObject *px_nice(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    long long inc;
    (void)m;
    if (px_lls("nice", args, nargs, kw, 1, &inc) < 0)
        return NULL;
    errno = 0;
    int r = nice((int)inc);
    if (r == -1 && errno != 0)
        return px_err(NULL);
    return ob_int_from_ssize(r);
}

static KnObject *px_sched_yield(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    sched_yield();
    return KN_None;
}

static KnObject *px_sched_getaffinity(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    long long pid;
    (void)m;
    if (px_lls("sched_getaffinity", args, nargs, kw, 1, &pid) < 0)
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity((pid_t)pid, sizeof set, &set) < 0)
        return px_err(NULL);
    KnObject *res = ob_set_new(NULL);
    for (int i = 0; res != NULL && i < CPU_SETSIZE; i++)
        if (CPU_ISSET(i, &set) && ob_set_add(res, ob_int_from_ssize(i)) < 0)
            return NULL;
    return res;
}

static KnObject *px_setsid(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    if (setsid() < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_setpgid(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    long long v[2];
    (void)m;
    if (px_lls("setpgid", args, nargs, kw, 2, v) < 0)
        return NULL;
    if (setpgid((pid_t)v[0], (pid_t)v[1]) < 0)
        return px_err(NULL);
    return KN_None;
}

/* getpgid / getsid: pid -> id. */
static KnObject *id_of(const char *fname, pid_t (*f)(pid_t), KnObject *const *args, kn_ssize_t nargs,
                       KnObject *kw)
{
    long long pid;
    if (px_lls(fname, args, nargs, kw, 1, &pid) < 0)
        return NULL;
    pid_t r = f((pid_t)pid);
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_long_long(r);
}

static KnObject *px_getpgid(PX_ARGS) { (void)m; return id_of("getpgid", getpgid, args, nargs, kw); }
static KnObject *px_getsid(PX_ARGS) { (void)m; return id_of("getsid", getsid, args, nargs, kw); }

/* setuid / setgid / seteuid / setegid. */
static KnObject *set_id(const char *fname, int (*f)(unsigned), KnObject *arg)
{
    long long v;
    if (px_ll_conv(arg, &v) < 0)
        return NULL;
    if (v < 0 || v > 0xfffffffeLL)
        return ob_err_format(ob_exc_OverflowError, v < 0 ? "%s is less than minimum" : "%s is greater than maximum",
                             fname[3] == 'g' || fname[4] == 'g' ? "gid" : "uid");
    if (f((unsigned)v) < 0)
        return px_err(NULL);
    return KN_None;
}

static int c_setuid(unsigned v) { return setuid(v); }
static int c_setgid(unsigned v) { return setgid(v); }
static int c_seteuid(unsigned v) { return seteuid(v); }
static int c_setegid(unsigned v) { return setegid(v); }
static KnObject *px_setuid(KnObject *m, KnObject *a) { (void)m; return set_id("setuid", c_setuid, a); }
static KnObject *px_setgid(KnObject *m, KnObject *a) { (void)m; return set_id("setgid", c_setgid, a); }
static KnObject *px_seteuid(KnObject *m, KnObject *a) { (void)m; return set_id("seteuid", c_seteuid, a); }
static KnObject *px_setegid(KnObject *m, KnObject *a) { (void)m; return set_id("setegid", c_setegid, a); }

static KnObject *px_sync(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    sync();
    return KN_None;
}

static KnObject *px_mkfifo(PX_ARGS)
{
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    static const KnArgSpec spec = {"mkfifo", names, 1, 2, 0};
    KnObject *a[3] = {0};
    PxPath p = PX_PATH_INIT("mkfifo", "path", 0, 0);
    int mode = 0666, dirfd;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0
        || (a[1] && px_int_conv(a[1], &mode) < 0) || px_dirfd_conv(a[2], &dirfd) < 0)
        return NULL;
    int r;
    PX_RETRY(r, mkfifoat(dirfd, p.narrow, (mode_t)mode));
    if (r < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_major(KnObject *m, KnObject *arg)
{
    (void)m;
    long long d;
    return px_ll_conv(arg, &d) < 0 ? NULL : ob_int_from_ssize(major((dev_t)d));
}

static KnObject *px_minor(KnObject *m, KnObject *arg)
{
    (void)m;
    long long d;
    return px_ll_conv(arg, &d) < 0 ? NULL : ob_int_from_ssize(minor((dev_t)d));
}

static KnObject *px_makedev(PX_ARGS)
{
    long long v[2];
    (void)m;
    if (px_lls("makedev", args, nargs, kw, 2, v) < 0)
        return NULL;
    return ob_int_from_unsigned_long_long(makedev((unsigned)v[0], (unsigned)v[1]));
}

static KnObject *statvfs_from(const struct statvfs *s)
{
    KnObject *v[11] = {
        ob_int_from_unsigned_long_long(s->f_bsize), ob_int_from_unsigned_long_long(s->f_frsize),
        ob_int_from_unsigned_long_long(s->f_blocks), ob_int_from_unsigned_long_long(s->f_bfree),
        ob_int_from_unsigned_long_long(s->f_bavail), ob_int_from_unsigned_long_long(s->f_files),
        ob_int_from_unsigned_long_long(s->f_ffree), ob_int_from_unsigned_long_long(s->f_favail),
        ob_int_from_unsigned_long_long(s->f_flag), ob_int_from_unsigned_long_long(s->f_namemax),
        ob_int_from_unsigned_long_long(s->f_fsid),
    };
    return ss_new(statvfs_type, v);
}

static KnObject *px_statvfs(PX_ARGS)
{
    static const char *const names[] = {"path", NULL};
    static const KnArgSpec spec = {"statvfs", names, 1, 1, 0};
    KnObject *a[1] = {0};
    PxPath p = PX_PATH_INIT("statvfs", "path", 0, 1);
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0)
        return NULL;
    struct statvfs s;
    int r;
    PX_RETRY(r, p.narrow ? statvfs(p.narrow, &s) : fstatvfs(p.fd, &s));
    if (r < 0)
        return px_err_path(&p);
    return statvfs_from(&s);
}

static KnObject *px_fstatvfs(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (px_int_conv(arg, &fd) < 0)
        return NULL;
    struct statvfs s;
    int r;
    PX_RETRY(r, fstatvfs(fd, &s));
    if (r < 0)
        return px_err(NULL);
    return statvfs_from(&s);
}

static KnObject *px_pread(PX_ARGS)
{
    long long v[3];
    (void)m;
    if (px_lls("pread", args, nargs, kw, 3, v) < 0)
        return NULL;
    if (v[1] < 0) {
        errno = EINVAL;
        return px_err(NULL);
    }
    KnObject *b = ob_bytes_new_uninit((kn_ssize_t)v[1]);
    if (b == NULL)
        return NULL;
    ssize_t r;
    PX_RETRY(r, pread((int)v[0], KN_BYTES_AS_STRING(b), (size_t)v[1], (off_t)v[2]));
    if (r < 0)
        return px_err(NULL);
    return r == v[1] ? b : ob_bytes_from_data(KN_BYTES_AS_STRING(b), r);
}

static KnObject *px_pwrite(PX_ARGS)
{
    static const char *const names[] = {"", "", "", NULL};
    static const KnArgSpec spec = {"pwrite", names, 3, 3, 0};
    KnObject *a[3] = {0};
    int fd;
    long long off;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &fd) < 0 || px_ll_conv(a[2], &off) < 0)
        return NULL;
    if (!KN_BYTES_CHECK(a[1]))
        return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                             ob_type_name(KN_TYPE(a[1])));
    ssize_t r;
    PX_RETRY(r, pwrite(fd, KN_BYTES_AS_STRING(a[1]), (size_t)KN_SIZE(a[1]), (off_t)off));
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_ssize(r);
}

static KnObject *px_ttyname(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (px_int_conv(arg, &fd) < 0)
        return NULL;
    char buf[256];
    int r = ttyname_r(fd, buf, sizeof buf);
    if (r != 0) {
        errno = r;
        return px_err(NULL);
    }
    return px_fsdecode(buf, (kn_ssize_t)strlen(buf), 0);
}

static KnObject *px_setpgrp(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    if (setpgid(0, 0) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_getpriority(PX_ARGS)
{
    long long v[2];
    (void)m;
    if (px_lls("getpriority", args, nargs, kw, 2, v) < 0)
        return NULL;
    errno = 0;
    int r = getpriority((int)v[0], (id_t)v[1]);
    if (r == -1 && errno != 0)
        return px_err(NULL);
    return ob_int_from_ssize(r);
}

static KnObject *px_setpriority(PX_ARGS)
{
    long long v[3];
    (void)m;
    if (px_lls("setpriority", args, nargs, kw, 3, v) < 0)
        return NULL;
    if (setpriority((int)v[0], (id_t)v[1], (int)v[2]) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *three_ids(int (*f)(unsigned *, unsigned *, unsigned *))
{
    unsigned a, b, c;
    if (f(&a, &b, &c) < 0)
        return px_err(NULL);
    return ob_tuple_pack(3, ob_int_from_long_long(a), ob_int_from_long_long(b), ob_int_from_long_long(c));
}

static int c_getresuid(unsigned *a, unsigned *b, unsigned *c) { return getresuid(a, b, c); }
static int c_getresgid(unsigned *a, unsigned *b, unsigned *c) { return getresgid(a, b, c); }
static KnObject *px_getresuid(KnObject *m, KnObject *u) { (void)m; (void)u; return three_ids(c_getresuid); }
static KnObject *px_getresgid(KnObject *m, KnObject *u) { (void)m; (void)u; return three_ids(c_getresgid); }

/* setreuid / setregid: -1 keeps an id. */
static KnObject *two_ids(const char *fname, int (*f)(unsigned, unsigned), KnObject *const *args,
                         kn_ssize_t nargs, KnObject *kw)
{
    long long v[2];
    if (px_lls(fname, args, nargs, kw, 2, v) < 0)
        return NULL;
    if (f((unsigned)v[0], (unsigned)v[1]) < 0)
        return px_err(NULL);
    return KN_None;
}

static int c_setreuid(unsigned a, unsigned b) { return setreuid(a, b); }
static int c_setregid(unsigned a, unsigned b) { return setregid(a, b); }
static KnObject *px_setreuid(PX_ARGS) { (void)m; return two_ids("setreuid", c_setreuid, args, nargs, kw); }
static KnObject *px_setregid(PX_ARGS) { (void)m; return two_ids("setregid", c_setregid, args, nargs, kw); }

static KnObject *px_tcgetpgrp(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (px_int_conv(arg, &fd) < 0)
        return NULL;
    pid_t r = tcgetpgrp(fd);
    if (r < 0)
        return px_err(NULL);
    return ob_int_from_long_long(r);
}

static KnObject *px_tcsetpgrp(PX_ARGS)
{
    long long v[2];
    (void)m;
    if (px_lls("tcsetpgrp", args, nargs, kw, 2, v) < 0)
        return NULL;
    if (tcsetpgrp((int)v[0], (pid_t)v[1]) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_ctermid(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    char buf[L_ctermid];
    const char *r = ctermid(buf);
    if (r == NULL)
        return px_err(NULL);
    return px_fsdecode(r, (kn_ssize_t)strlen(r), 0);
}

static KnObject *px_chroot(PX_ARGS)
{
    static const char *const names[] = {"path", NULL};
    static const KnArgSpec spec = {"chroot", names, 1, 1, 0};
    KnObject *a[1] = {0};
    PxPath p = PX_PATH_INIT("chroot", "path", 0, 0);
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0)
        return NULL;
    if (chroot(p.narrow) < 0)
        return px_err_path(&p);
    return KN_None;
}

static KnObject *px_lockf(PX_ARGS)
{
    long long v[3];
    (void)m;
    if (px_lls("lockf", args, nargs, kw, 3, v) < 0)
        return NULL;
    int r;
    PX_RETRY(r, lockf((int)v[0], (int)v[1], (off_t)v[2]));
    if (r < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_getrandom(PX_ARGS)
{
    static const char *const names[] = {"size", "flags", NULL};
    static const KnArgSpec spec = {"getrandom", names, 1, 2, 0};
    KnObject *a[2] = {0};
    long long size, flags = 0;
    if (PARSE(spec, a) < 0 || px_ll_conv(a[0], &size) < 0 || (a[1] && px_ll_conv(a[1], &flags) < 0))
        return NULL;
    if (size < 0) {
        errno = EINVAL;
        return px_err(NULL);
    }
    KnObject *b = ob_bytes_new_uninit((kn_ssize_t)size);
    if (b == NULL)
        return NULL;
    ssize_t r;
    PX_RETRY(r, getrandom(KN_BYTES_AS_STRING(b), (size_t)size, (unsigned)flags));
    if (r < 0)
        return px_err(NULL);
    return r == size ? b : ob_bytes_from_data(KN_BYTES_AS_STRING(b), r);
}

/* posix_fallocate / posix_fadvise report the error as their result. */
static KnObject *px_posix_fallocate(PX_ARGS)
{
    long long v[3];
    (void)m;
    if (px_lls("posix_fallocate", args, nargs, kw, 3, v) < 0)
        return NULL;
    int r;
    do
        r = posix_fallocate((int)v[0], (off_t)v[1], (off_t)v[2]);
    while (r == EINTR);
    if (r != 0) {
        errno = r;
        return px_err(NULL);
    }
    return KN_None;
}

static KnObject *px_posix_fadvise(PX_ARGS)
{
    static const char *const names[] = {"", "", "", "", NULL};
    static const KnArgSpec spec = {"posix_fadvise", names, 4, 4, 0};
    KnObject *a[4] = {0};
    long long v[4];
    if (PARSE(spec, a) < 0)
        return NULL;
    for (int i = 0; i < 4; i++)
        if (px_ll_conv(a[i], &v[i]) < 0)
            return NULL;
    int r;
    do
        r = posix_fadvise((int)v[0], (off_t)v[1], (off_t)v[2], (int)v[3]);
    while (r == EINTR);
    if (r != 0) {
        errno = r;
        return px_err(NULL);
    }
    return KN_None;
}

int px_extra_init(KnObject *m)
{
    if (statvfs_type == NULL) {
        statvfs_type = ss_new_type("os.statvfs_result",
            "statvfs_result: Result from statvfs or fstatvfs.", statvfs_fields, 11, 10);
        if (statvfs_type == NULL)
            return -1;
    }
    return ob_module_add_object(m, "statvfs_result", (KnObject *)statvfs_type);
}

KnMethodDef px_extra_methods[] = {
    {"system", PX_FC(px_system), PX_KW, "Execute the command in a subshell."},
    {"abort", px_abort, KN_METH_NOARGS, "Abort the interpreter immediately."},
    {"nice", PX_FC(px_nice), PX_KW, "Add increment to the priority of process and return the new priority."},
    {"sched_yield", px_sched_yield, KN_METH_NOARGS, "Voluntarily relinquish the CPU."},
    {"sched_getaffinity", PX_FC(px_sched_getaffinity), PX_KW, "Return the affinity of the process identified by pid (or the current process if zero)."},
    {"setsid", px_setsid, KN_METH_NOARGS, "Call the system call setsid()."},
    {"setpgid", PX_FC(px_setpgid), PX_KW, "Call the system call setpgid(pid, pgrp)."},
    {"getpgid", PX_FC(px_getpgid), PX_KW, "Call the system call getpgid(), and return the result."},
    {"getsid", PX_FC(px_getsid), PX_KW, "Call the system call getsid(pid) and return the result."},
    {"setuid", px_setuid, KN_METH_O, "Set the current process's user id."},
    {"setgid", px_setgid, KN_METH_O, "Set the current process's group id."},
    {"seteuid", px_seteuid, KN_METH_O, "Set the current process's effective user id."},
    {"setegid", px_setegid, KN_METH_O, "Set the current process's effective group id."},
    {"sync", px_sync, KN_METH_NOARGS, "Force write of everything to disk."},
    {"mkfifo", PX_FC(px_mkfifo), PX_KW, "Create a \"fifo\" (a POSIX named pipe)."},
    {"major", px_major, KN_METH_O, "Extracts a device major number from a raw device number."},
    {"minor", px_minor, KN_METH_O, "Extracts a device minor number from a raw device number."},
    {"makedev", PX_FC(px_makedev), PX_KW, "Composes a raw device number from the major and minor device numbers."},
    {"statvfs", PX_FC(px_statvfs), PX_KW, "Perform a statvfs system call on the given path."},
    {"fstatvfs", px_fstatvfs, KN_METH_O, "Perform an fstatvfs system call on the given fd."},
    {"pread", PX_FC(px_pread), PX_KW, "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"pwrite", PX_FC(px_pwrite), PX_KW, "Write bytes to a file descriptor starting at a particular offset."},
    {"setpgrp", px_setpgrp, KN_METH_NOARGS, "Make the current process the leader of its process group."},
    {"getpriority", PX_FC(px_getpriority), PX_KW, "Return program scheduling priority."},
    {"setpriority", PX_FC(px_setpriority), PX_KW, "Set program scheduling priority."},
    {"getresuid", px_getresuid, KN_METH_NOARGS, "Return a tuple of the current process's real, effective, and saved user ids."},
    {"getresgid", px_getresgid, KN_METH_NOARGS, "Return a tuple of the current process's real, effective, and saved group ids."},
    {"setreuid", PX_FC(px_setreuid), PX_KW, "Set the current process's real and effective user ids."},
    {"setregid", PX_FC(px_setregid), PX_KW, "Set the current process's real and effective group ids."},
    {"tcgetpgrp", px_tcgetpgrp, KN_METH_O, "Return the process group associated with the terminal specified by fd."},
    {"tcsetpgrp", PX_FC(px_tcsetpgrp), PX_KW, "Set the process group associated with the terminal specified by fd."},
    {"ctermid", px_ctermid, KN_METH_NOARGS, "Return the name of the controlling terminal for this process."},
    {"chroot", PX_FC(px_chroot), PX_KW, "Change root directory to path."},
    {"lockf", PX_FC(px_lockf), PX_KW, "Apply, test or remove a POSIX lock on an open file descriptor."},
    {"getrandom", PX_FC(px_getrandom), PX_KW, "Obtain a series of random bytes."},
    {"posix_fallocate", PX_FC(px_posix_fallocate), PX_KW, "Ensure a file has allocated at least a particular number of bytes on disk."},
    {"posix_fadvise", PX_FC(px_posix_fadvise), PX_KW, "Announce an intention to access data in a specific pattern."},
    {"ttyname", px_ttyname, KN_METH_O, "Return the name of the terminal device connected to 'fd'."},
    {NULL, NULL, 0, NULL}
};
