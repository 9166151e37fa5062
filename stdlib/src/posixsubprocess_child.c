/*
 * posixsubprocess_child.c — the child side of _posixsubprocess.fork_exec:
 * everything between fork() and exec().  Only async-signal-safe calls
 * happen here (no allocation, no stdio): the argv / envp arrays, the
 * descriptor list and the executable paths were prepared by the parent
 * (posixsubprocess_module.c).  preexec_fn is the one exception: it runs
 * Python code, as in CPython.  See NOTES-posixsubprocess.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "libobject/libobject.h"
#include "posixsubprocess_internal.h"

static void child_write(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

/* "OSError:<hex errno>:" plus "noexec" when exec was never reached, the
 * format subprocess.py parses. */
static void child_report(int errpipe, int err, int noexec)
{
    char buf[64] = "OSError:";
    size_t n = 8;
    char hex[16];
    int h = 0;
    unsigned int v = (unsigned int)err;
    do {
        hex[h++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v != 0);
    while (h > 0)
        buf[n++] = hex[--h];
    buf[n++] = ':';
    if (noexec) {
        memcpy(buf + n, "noexec", 6);
        n += 6;
    }
    child_write(errpipe, buf, n);
}

static int child_inheritable(int fd)
{
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0)
        return -1;
    if ((fl & FD_CLOEXEC) && fcntl(fd, F_SETFD, fl & ~FD_CLOEXEC) < 0)
        return -1;
    return 0;
}

/* Close [lo, hi] (hi -1: to the end). */
static void child_close_range(int lo, int hi, int max_fd)
{
    if (hi >= 0 && lo > hi)
        return;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned int)lo, hi < 0 ? ~0U : (unsigned int)hi, 0U) == 0)
        return;
#endif
    int end = hi < 0 ? max_fd : hi;
    for (int fd = lo; fd <= end; fd++)
        close(fd);
}

/* dup2 from -> to; the result inheritable even when from == to. */
static int child_dup_to(int from, int to)
{
    if (from == to)
        return child_inheritable(to);
    return dup2(from, to) < 0 ? -1 : 0;
}

void psp_child(const PspPlan *p)
{
    int err = 0;
    int errpipe = p->errpipe_write;
    int p2cread = p->p2cread, c2pwrite = p->c2pwrite, errwrite = p->errwrite;

    if (p->p2cwrite != -1)
        close(p->p2cwrite);
    if (p->c2pread != -1)
        close(p->c2pread);
    if (p->errread != -1)
        close(p->errread);
    if (p->errpipe_read >= 0 && p->errpipe_read != errpipe)
        close(p->errpipe_read);

    /* keep the standard descriptors we are about to fill from being
     * overwritten before they are used */
    if (c2pwrite == 0 && (c2pwrite = dup(c2pwrite)) < 0)
        goto error;
    while (errwrite == 0 || errwrite == 1)
        if ((errwrite = dup(errwrite)) < 0)
            goto error;
    if ((p2cread != -1 && child_dup_to(p2cread, 0) < 0)
        || (c2pwrite != -1 && child_dup_to(c2pwrite, 1) < 0)
        || (errwrite != -1 && child_dup_to(errwrite, 2) < 0))
        goto error;

    if (p->cwd != NULL && chdir(p->cwd) < 0)
        goto error;
    if (p->child_umask >= 0)
        umask((mode_t)p->child_umask);
    if (p->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
    }
    if (p->call_setsid && setsid() < 0)
        goto error;
    if (p->pgid_to_set >= 0 && setpgid(0, p->pgid_to_set) < 0)
        goto error;
    if (p->has_groups && setgroups(p->ngroups, p->groups) < 0)
        goto error;
    if (p->has_gid && setregid(p->gid, p->gid) < 0)
        goto error;
    if (p->has_uid && setreuid(p->uid, p->uid) < 0)
        goto error;

    if (p->preexec_fn != NULL) {
        if (ob_call_noargs(p->preexec_fn) == NULL) {
            static const char msg[] = "SubprocessError:0:Exception occurred in preexec_fn.";
            child_write(errpipe, msg, sizeof msg - 1);
            _exit(255);
        }
    }

    /* pass_fds become inheritable (errpipe_write stays close-on-exec) */
    for (int i = 0; i < p->nkeep; i++)
        if (p->keep[i] != errpipe && child_inheritable(p->keep[i]) < 0)
            goto error;
    if (p->close_fds) {
        int lo = 3;
        for (int i = 0; i < p->nkeep; i++) {
            if (p->keep[i] < lo)
                continue;
            child_close_range(lo, p->keep[i] - 1, p->max_fd);
            lo = p->keep[i] + 1;
        }
        child_close_range(lo, -1, p->max_fd);
    }

    /* try each candidate; remember the first error that is not "no such
     * file" so that EACCES wins over a later ENOENT */
    int saved = 0;
    for (int i = 0; i < p->nexec; i++) {
        if (p->envp != NULL)
            execve(p->exec_list[i], p->argv, p->envp);
        else
            execv(p->exec_list[i], p->argv);
        if (errno != ENOENT && errno != ENOTDIR && saved == 0)
            saved = errno;
    }
    err = saved ? saved : errno;
    child_report(errpipe, err, 0);
    _exit(255);

error:
    child_report(errpipe, errno, 1);
    _exit(255);
}
