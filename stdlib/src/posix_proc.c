/*
 * posix_proc.c — processes: ids, kill/killpg, fork, the exec family,
 * wait/waitpid and the W*() status macros, _exit, waitstatus_to_exitcode.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <pty.h>
#include <utmp.h>

#include "posix_internal.h"
#include "stdlib/signals.h"
#include "libgc/gc.h"

#define PX_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw
#define PARSE(spec, a) ((void)m, ob_args_parse(&(spec), args, nargs, kw, (a)))

#define ID_FUNC(name, call) \
    static KnObject *px_##name(KnObject *m, KnObject *unused) \
    { (void)m; (void)unused; return ob_int_from_long_long((long long)(call)); }
ID_FUNC(getpid, getpid())
ID_FUNC(getppid, getppid())
ID_FUNC(getuid, getuid())
ID_FUNC(geteuid, geteuid())
ID_FUNC(getgid, getgid())
ID_FUNC(getegid, getegid())
ID_FUNC(getpgrp, getpgrp())

static KnObject *px_getgroups(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    int n = getgroups(0, NULL);
    if (n < 0)
        return px_err(NULL);
    gid_t *g = kgc_alloc_atomic(sizeof *g * (size_t)(n + 1));
    if (g == NULL)
        return ob_err_nomemory();
    n = getgroups(n, g);
    if (n < 0)
        return px_err(NULL);
    KnObject *list = ob_list_new(0);
    for (int i = 0; list != NULL && i < n; i++)
        if (ob_list_append(list, ob_int_from_long_long(g[i])) < 0)
            return NULL;
    return list;
}

static KnObject *px_getlogin(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    errno = 0;
    const char *s = getlogin();
    if (s == NULL) {
        if (errno == 0)
            return ob_err_format(ob_exc_OSError, "unable to determine login name");
        return px_err(NULL);
    }
    return px_fsdecode(s, (kn_ssize_t)strlen(s), 0);
}

static KnObject *px_kill(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"kill", names, 2, 2, 0};
    KnObject *a[2] = {0};
    long long pid;
    int sig;
    if (PARSE(spec, a) < 0 || px_ll_conv(a[0], &pid) < 0 || px_int_conv(a[1], &sig) < 0)
        return NULL;
    if (kill((pid_t)pid, sig) < 0)
        return px_err(NULL);
    /* A signal sent to this process is handled before kill() returns to
     * Python (as CPython's os.kill does). */
    if (kn_signal_check != NULL && kn_signal_check() < 0)
        return NULL;
    return KN_None;
}

static KnObject *px_killpg(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"killpg", names, 2, 2, 0};
    KnObject *a[2] = {0};
    long long pgid;
    int sig;
    if (PARSE(spec, a) < 0 || px_ll_conv(a[0], &pgid) < 0 || px_int_conv(a[1], &sig) < 0)
        return NULL;
    if (killpg((pid_t)pgid, sig) < 0)
        return px_err(NULL);
    return KN_None;
}

/* os.register_at_fork's callables: `before` run newest first, the
 * `after_*` ones in registration order (CPython's order).  Errors in a
 * hook are reported as unraisable, as CPython does.  The lists sit in
 * uncollectable roots. */
static KnObject **fork_hooks;   /* [before, after_in_child, after_in_parent] */

static void run_hooks(KnObject *list, int reverse)
{
    if (list == NULL)
        return;
    kn_ssize_t n = ob_length(list);
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *f = ob_sequence_getitem(list, reverse ? n - 1 - i : i);
        if (f == NULL || ob_call_noargs(f) == NULL)
            ob_err_write_unraisable(f);
    }
}

static KnObject *px_register_at_fork(PX_ARGS)
{
    static const char *const names[] = {"before", "after_in_child", "after_in_parent", NULL};
    static const KnArgSpec spec = {"register_at_fork", names, 0, 0, 0};
    KnObject *a[3] = {0};
    if (PARSE(spec, a) < 0)
        return NULL;
    if (a[0] == NULL && a[1] == NULL && a[2] == NULL)
        return ob_err_format(ob_exc_TypeError, "At least one argument is required.");
    static const char *const argn[3] = {"before", "after_in_child", "after_in_parent"};
    for (int i = 0; i < 3; i++)
        if (a[i] != NULL && !ob_callable_check(a[i]))
            return ob_err_format(ob_exc_TypeError, "'%s' must be callable, not %s", argn[i],
                                 ob_type_name(KN_TYPE(a[i])));
    if (fork_hooks == NULL) {
        fork_hooks = kgc_alloc_uncollectable(sizeof *fork_hooks * 3);
        if (fork_hooks == NULL)
            return ob_err_nomemory();
        for (int i = 0; i < 3; i++)
            if ((fork_hooks[i] = ob_list_new(0)) == NULL)
                return NULL;
    }
    for (int i = 0; i < 3; i++)
        if (a[i] != NULL && ob_list_append(fork_hooks[i], a[i]) < 0)
            return NULL;
    return KN_None;
}

/* fork() or forkpty() (master != NULL) between the register_at_fork
 * hooks; -1 with errno as the call left it. */
static pid_t fork_with_hooks(int *master)
{
    if (fork_hooks != NULL)
        run_hooks(fork_hooks[0], 1);
    pid_t pid = master != NULL ? forkpty(master, NULL, NULL, NULL) : fork();
    int err = errno;
    if (fork_hooks != NULL)
        run_hooks(fork_hooks[pid == 0 ? 1 : 2], 0);
    errno = err;
    return pid;
}

static KnObject *px_fork(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    pid_t pid = fork_with_hooks(NULL);
    if (pid < 0)
        return px_err(NULL);
    return ob_int_from_long_long(pid);
}

/* ---- pseudo-terminals: openpty, forkpty, login_tty ---- */

static int cloexec(int fd)
{
    int fl = fcntl(fd, F_GETFD);
    return fl < 0 ? -1 : fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
}

static KnObject *px_openpty(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) < 0)
        return px_err(NULL);
    /* new descriptors are non-inheritable (PEP 446) */
    if (cloexec(master) < 0 || cloexec(slave) < 0) {
        int err = errno;
        close(master);
        close(slave);
        errno = err;
        return px_err(NULL);
    }
    return ob_tuple_pack(2, ob_int_from_ssize(master), ob_int_from_ssize(slave));
}

static KnObject *px_forkpty(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    int master = -1;
    pid_t pid = fork_with_hooks(&master);
    if (pid < 0)
        return px_err(NULL);
    return ob_tuple_pack(2, ob_int_from_long_long(pid), ob_int_from_ssize(master));
}

static KnObject *px_login_tty(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (px_int_conv(arg, &fd) < 0)
        return NULL;
    if (login_tty(fd) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_waitpid(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"waitpid", names, 2, 2, 0};
    KnObject *a[2] = {0};
    long long pid;
    int options, status = 0;
    if (PARSE(spec, a) < 0 || px_ll_conv(a[0], &pid) < 0 || px_int_conv(a[1], &options) < 0)
        return NULL;
    pid_t r;
    PX_RETRY_BLOCKING(r, waitpid((pid_t)pid, &status, options));
    if (r < 0)
        return px_err(NULL);
    return ob_tuple_pack(2, ob_int_from_long_long(r), ob_int_from_ssize(status));
}

static KnObject *px_wait(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    int status = 0;
    pid_t r;
    PX_RETRY(r, wait(&status));
    if (r < 0)
        return px_err(NULL);
    return ob_tuple_pack(2, ob_int_from_long_long(r), ob_int_from_ssize(status));
}

static int status_arg(const char *fname, KnObject *const *args, kn_ssize_t nargs, KnObject *kw, int *st)
{
    static const char *const names[] = {"status", NULL};
    KnArgSpec spec = {fname, names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return -1;
    return px_int_conv(a[0], st);
}

#define WFUNC(name, expr, conv) \
    static KnObject *px_##name(PX_ARGS) \
    { \
        (void)m; \
        int status; \
        if (status_arg(#name, args, nargs, kw, &status) < 0) \
            return NULL; \
        return conv(expr); \
    }
#define AS_INT(x) ob_int_from_ssize(x)
#define AS_BOOL(x) KN_BOOL(x)
WFUNC(WIFEXITED, WIFEXITED(status), AS_BOOL)
WFUNC(WEXITSTATUS, WEXITSTATUS(status), AS_INT)
WFUNC(WIFSIGNALED, WIFSIGNALED(status), AS_BOOL)
WFUNC(WTERMSIG, WTERMSIG(status), AS_INT)
WFUNC(WIFSTOPPED, WIFSTOPPED(status), AS_BOOL)
WFUNC(WSTOPSIG, WSTOPSIG(status), AS_INT)
WFUNC(WIFCONTINUED, WIFCONTINUED(status), AS_BOOL)
WFUNC(WCOREDUMP, WCOREDUMP(status), AS_BOOL)

static KnObject *px_waitstatus_to_exitcode(PX_ARGS)
{
    (void)m;
    int status;
    if (status_arg("waitstatus_to_exitcode", args, nargs, kw, &status) < 0)
        return NULL;
    if (WIFEXITED(status))
        return ob_int_from_ssize(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return ob_int_from_ssize(-WTERMSIG(status));
    if (WIFSTOPPED(status))
        return ob_err_format(ob_exc_ValueError, "process stopped by delivery of signal %d", WSTOPSIG(status));
    return ob_err_format(ob_exc_ValueError, "invalid wait status: %d", status);
}

static KnObject *px__exit(PX_ARGS)
{
    static const char *const names[] = {"status", NULL};
    static const KnArgSpec spec = {"_exit", names, 1, 1, 0};
    KnObject *a[1] = {0};
    int status;
    if (PARSE(spec, a) < 0 || px_int_conv(a[0], &status) < 0)
        return NULL;
    _exit(status);
}

/* argv for exec: a non-empty tuple or list of paths. */
static char **exec_argv(const char *fname, KnObject *argv)
{
    if (!KN_TUPLE_CHECK(argv) && !KN_LIST_CHECK(argv)) {
        ob_err_format(ob_exc_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return NULL;
    }
    KnObject *t = ob_sequence_tuple(argv);
    if (t == NULL)
        return NULL;
    kn_ssize_t n = KN_SIZE(t);
    if (n < 1) {
        ob_err_format(ob_exc_ValueError, "%s() arg 2 must not be empty", fname);
        return NULL;
    }
    char **out = kgc_alloc(sizeof *out * (size_t)(n + 1));
    if (out == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        PxPath p = PX_PATH_INIT(fname, "args", 0, 0);
        if (px_path_conv(KN_TUPLE_GET(t, i), &p) < 0)
            return NULL;
        out[i] = (char *)p.narrow;
    }
    if (out[0][0] == '\0') {
        ob_err_format(ob_exc_ValueError, "%s() arg 2 first element cannot be empty", fname);
        return NULL;
    }
    out[n] = NULL;
    return out;
}

static char **exec_env(KnObject *env)
{
    KnObject *keys = ob_call_method(env, "keys", 0);
    KnObject *kl = keys ? ob_sequence_tuple(keys) : NULL;
    if (kl == NULL)
        return NULL;
    kn_ssize_t n = KN_SIZE(kl);
    char **out = kgc_alloc(sizeof *out * (size_t)(n + 1));
    if (out == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *k = KN_TUPLE_GET(kl, i), *v = ob_getitem(env, k);
        PxPath pk = PX_PATH_INIT("execve", "key", 0, 0), pv = PX_PATH_INIT("execve", "value", 0, 0);
        if (v == NULL || px_path_conv(k, &pk) < 0 || px_path_conv(v, &pv) < 0)
            return NULL;
        if (pk.length == 0 || strchr(pk.narrow + 1, '=') != NULL) {
            ob_err_set_string(ob_exc_ValueError, "illegal environment variable name");
            return NULL;
        }
        char *s = kgc_alloc_atomic((size_t)(pk.length + pv.length + 2));
        if (s == NULL) {
            ob_err_nomemory();
            return NULL;
        }
        memcpy(s, pk.narrow, (size_t)pk.length);
        s[pk.length] = '=';
        memcpy(s + pk.length + 1, pv.narrow, (size_t)pv.length + 1);
        out[i] = s;
    }
    out[n] = NULL;
    return out;
}

static KnObject *px_execv(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"execv", names, 2, 2, 0};
    KnObject *a[2] = {0};
    PxPath p = PX_PATH_INIT("execv", "path", 0, 0);
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0)
        return NULL;
    char **argv = exec_argv("execv", a[1]);
    if (argv == NULL)
        return NULL;
    execv(p.narrow, argv);
    return px_err(NULL);
}

static KnObject *px_execve(PX_ARGS)
{
    static const char *const names[] = {"path", "argv", "env", NULL};
    static const KnArgSpec spec = {"execve", names, 3, 3, 0};
    KnObject *a[3] = {0};
    PxPath p = PX_PATH_INIT("execve", "path", 0, 1);
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0)
        return NULL;
    char **argv = exec_argv("execve", a[1]);
    if (argv == NULL)
        return NULL;
    if (!ob_hasattr(a[2], ob_str_intern_cstr("keys")))
        return ob_err_format(ob_exc_TypeError, "execve: environment must be a mapping object");
    char **envp = exec_env(a[2]);
    if (envp == NULL)
        return NULL;
    if (p.narrow == NULL)
        fexecve(p.fd, argv, envp);
    else
        execve(p.narrow, argv, envp);
    return px_err(NULL);
}

KnMethodDef px_proc_methods[] = {
    {"getpid", px_getpid, KN_METH_NOARGS, "Return the current process id."},
    {"getppid", px_getppid, KN_METH_NOARGS, "Return the parent's process id."},
    {"getuid", px_getuid, KN_METH_NOARGS, "Return the current process's user id."},
    {"geteuid", px_geteuid, KN_METH_NOARGS, "Return the current process's effective user id."},
    {"getgid", px_getgid, KN_METH_NOARGS, "Return the current process's group id."},
    {"getegid", px_getegid, KN_METH_NOARGS, "Return the current process's effective group id."},
    {"getpgrp", px_getpgrp, KN_METH_NOARGS, "Return the current process group id."},
    {"getgroups", px_getgroups, KN_METH_NOARGS, "Return list of supplemental group IDs for the process."},
    {"getlogin", px_getlogin, KN_METH_NOARGS, "Return the actual login name."},
    {"kill", PX_FC(px_kill), PX_KW, "Kill a process with a signal."},
    {"killpg", PX_FC(px_killpg), PX_KW, "Kill a process group with a signal."},
    {"register_at_fork", PX_FC(px_register_at_fork), PX_KW, "Register callables to be called when forking a new process."},
    {"fork", px_fork, KN_METH_NOARGS, "Fork a child process."},
    {"openpty", px_openpty, KN_METH_NOARGS, "Open a pseudo-terminal."},
    {"forkpty", px_forkpty, KN_METH_NOARGS, "Fork a new process with a new pseudo-terminal as controlling tty."},
    {"login_tty", px_login_tty, KN_METH_O, "Prepare the tty of which fd is a file descriptor for a new login session."},
    {"waitpid", PX_FC(px_waitpid), PX_KW, "Wait for completion of a given child process."},
    {"wait", px_wait, KN_METH_NOARGS, "Wait for completion of a child process."},
    {"WIFEXITED", PX_FC(px_WIFEXITED), PX_KW, "Return True if the process returning status exited via the exit() system call."},
    {"WEXITSTATUS", PX_FC(px_WEXITSTATUS), PX_KW, "Return the process return code from status."},
    {"WIFSIGNALED", PX_FC(px_WIFSIGNALED), PX_KW, "Return True if the process returning status was terminated by a signal."},
    {"WTERMSIG", PX_FC(px_WTERMSIG), PX_KW, "Return the signal that terminated the process that provided the status value."},
    {"WIFSTOPPED", PX_FC(px_WIFSTOPPED), PX_KW, "Return True if the process returning status was stopped."},
    {"WSTOPSIG", PX_FC(px_WSTOPSIG), PX_KW, "Return the signal that stopped the process that provided the status value."},
    {"WIFCONTINUED", PX_FC(px_WIFCONTINUED), PX_KW, "Return True if a particular process was continued from a job control stop."},
    {"WCOREDUMP", PX_FC(px_WCOREDUMP), PX_KW, "Return True if the process returning status was dumped to a core file."},
    {"waitstatus_to_exitcode", PX_FC(px_waitstatus_to_exitcode), PX_KW, "Convert a wait status to an exit code."},
    {"_exit", PX_FC(px__exit), PX_KW, "Exit to the system with specified status, without normal exit processing."},
    {"execv", PX_FC(px_execv), PX_KW, "Execute an executable path with arguments, replacing current process."},
    {"execve", PX_FC(px_execve), PX_KW, "Execute an executable path with arguments, replacing current process."},
    {NULL, NULL, 0, NULL}
};
