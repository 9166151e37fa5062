/*
 * posix_module.c — the `posix` module object: its functions (gathered from
 * the posix_*.c tables), constants, `error`, `_have_functions` and
 * fspath.
 *
 * _have_functions names only the *at()/f*() capabilities whose dir_fd,
 * fd and follow_symlinks forms the functions here really implement: os.py
 * builds supports_dir_fd / supports_fd / supports_follow_symlinks from it.
 */
#include <limits.h>
#include <dlfcn.h>
#include <sched.h>
#include <sys/statvfs.h>
#include <signal.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sysexits.h>

#include "posix_internal.h"
#include "stdlib/modules.h"

KnObject *kn_init_posix(void);

static KnObject *px_fspath_fn(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"path", NULL};
    static const KnArgSpec spec = {"fspath", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    return px_fspath(a[0]);
}

static KnMethodDef px_module_methods[] = {
    {"fspath", PX_FC(px_fspath_fn), PX_KW, "Return the file system path representation of the object."},
    {NULL, NULL, 0, NULL}
};

typedef struct PxConst { const char *name; long long value; } PxConst;
#define C(n) {#n, n}

static const PxConst px_constants[] = {
    C(F_OK), C(R_OK), C(W_OK), C(X_OK),
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_APPEND), C(O_CREAT), C(O_EXCL), C(O_TRUNC),
    C(O_NONBLOCK), C(O_NDELAY), C(O_DSYNC), C(O_SYNC), C(O_RSYNC), C(O_NOCTTY), C(O_CLOEXEC),
    C(O_DIRECTORY), C(O_NOFOLLOW), C(O_NOATIME), C(O_PATH), C(O_TMPFILE), C(O_ASYNC),
    C(O_DIRECT), C(O_LARGEFILE), C(O_ACCMODE), C(O_FSYNC),
    C(SEEK_DATA), C(SEEK_HOLE),
    C(WNOHANG), C(WUNTRACED), C(WCONTINUED), C(WEXITED), C(WSTOPPED), C(WNOWAIT),
    C(P_PID), C(P_PGID), C(P_ALL), C(P_PIDFD),
    C(CLD_EXITED), C(CLD_KILLED), C(CLD_DUMPED), C(CLD_TRAPPED), C(CLD_STOPPED), C(CLD_CONTINUED),
    C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT), C(EX_NOUSER), C(EX_NOHOST),
    C(EX_UNAVAILABLE), C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT),
    C(EX_IOERR), C(EX_TEMPFAIL), C(EX_PROTOCOL), C(EX_NOPERM), C(EX_CONFIG),
    C(F_LOCK), C(F_TLOCK), C(F_ULOCK), C(F_TEST),
    C(NGROUPS_MAX), C(TMP_MAX),
    C(PRIO_PROCESS), C(PRIO_PGRP), C(PRIO_USER),
    C(SCHED_OTHER), C(SCHED_FIFO), C(SCHED_RR), C(SCHED_BATCH), C(SCHED_IDLE), C(SCHED_RESET_ON_FORK),
    C(GRND_NONBLOCK), C(GRND_RANDOM),
    C(ST_RDONLY), C(ST_NOSUID), C(ST_NODEV), C(ST_NOEXEC), C(ST_SYNCHRONOUS), C(ST_MANDLOCK),
    C(ST_WRITE), C(ST_APPEND), C(ST_NOATIME), C(ST_NODIRATIME), C(ST_RELATIME),
    C(RTLD_LAZY), C(RTLD_NOW), C(RTLD_GLOBAL), C(RTLD_LOCAL), C(RTLD_NODELETE), C(RTLD_NOLOAD),
    C(RTLD_DEEPBIND),
    C(POSIX_FADV_NORMAL), C(POSIX_FADV_SEQUENTIAL), C(POSIX_FADV_RANDOM), C(POSIX_FADV_NOREUSE),
    C(POSIX_FADV_WILLNEED), C(POSIX_FADV_DONTNEED),
    {NULL, 0}
};

static const char *const px_have[] = {
    "HAVE_EVENTFD", "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN",
    "HAVE_FCHOWNAT", "HAVE_FDOPENDIR", "HAVE_FEXECVE", "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FTRUNCATE",
    "HAVE_FSTATVFS", "HAVE_FUTIMENS", "HAVE_LCHOWN", "HAVE_LINKAT", "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MEMFD_CREATE", "HAVE_MKNODAT",
    "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT", NULL
};

static KnMethodDef *const px_tables[] = {
    px_module_methods, px_stat_methods, px_fs_methods, px_fd_methods, px_dir_methods,
    px_proc_methods, px_sys_methods, px_extra_methods,
    px_more_methods,
};

KnObject *kn_init_posix(void)
{
    if (px_stat_init() < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("posix");
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof px_tables / sizeof px_tables[0]; i++)
        if (ob_module_add_functions(m, px_tables[i]) < 0)
            return NULL;
    for (const PxConst *c = px_constants; c->name != NULL; c++)
        if (ob_module_add_object(m, c->name, ob_int_from_long_long(c->value)) < 0)
            return NULL;
    KnObject *have = ob_list_new(0);
    for (const char *const *h = px_have; have != NULL && *h != NULL; h++)
        if (ob_list_append(have, ob_str_from_cstr(*h)) < 0)
            return NULL;
    if (have == NULL
        || ob_module_add_object(m, "_have_functions", have) < 0
        || ob_module_add_object(m, "error", (KnObject *)ob_exc_OSError) < 0
        || ob_module_add_object(m, "stat_result", (KnObject *)px_stat_result_type) < 0
        || px_fd_init(m) < 0 || px_dir_init(m) < 0 || px_sys_init(m) < 0 || px_extra_init(m) < 0
        || px_more_init(m) < 0)
        return NULL;
    return m;
}
