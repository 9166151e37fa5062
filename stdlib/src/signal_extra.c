/*
 * signal_extra.c — `_signal`'s signal masks (pthread_sigmask, sigpending,
 * sigwait, pthread_kill), interval timers (setitimer, getitimer,
 * ItimerError = signal.itimer_error, an OSError) and the constants.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "structseq.h"
#include "stdlib/signals.h"

#include "signal_internal.h"

static KnTypeObject *itimer_error;

KnObject *sig_set_from_mask(const sigset_t *mask)
{
    KnObject *s = ob_set_new(NULL);
    if (s == NULL)
        return NULL;
    for (int i = 1; i < NSIG; i++)
        if (sigismember(mask, i) == 1 && ob_set_add(s, ob_int_from_long_long(i)) < 0)
            return NULL;
    return s;
}

/* An iterable of signal numbers as a sigset_t. */
static int mask_from_iterable(KnObject *o, sigset_t *mask)
{
    sigemptyset(mask);
    KnObject *it = ob_get_iter(o), *item;
    if (it == NULL)
        return -1;
    while ((item = ob_iter_next(it)) != NULL) {
        KnObject *i = ob_number_index(item);
        if (i == NULL)
            return -1;
        int of;
        long long v = ob_int_as_long_long_and_overflow(i, &of);
        if (v == -1 && ob_err_occurred())
            return -1;
        if (of || v < 1 || v >= NSIG) {
            ob_err_format(ob_exc_ValueError, "signal number %lld out of range [1; %d]",
                          of ? (of > 0 ? 0x7fffffffffffffffLL : -0x7fffffffffffffffLL) : v, NSIG - 1);
            return -1;
        }
        sigaddset(mask, (int)v);
    }
    return ob_err_occurred() ? -1 : 0;
}

static int c_int(KnObject *o, int *v)
{
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    long long x = ob_int_as_long_long(i);
    if (x == -1 && ob_err_occurred())
        return -1;
    if (x > 0x7fffffff || x < -0x7fffffff - 1) {
        ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *v = (int)x;
    return 0;
}

static KnObject *sg_pthread_sigmask(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int how;
    sigset_t mask, old;
    if (ob_args_check_positional("pthread_sigmask", nargs, 2, 2) < 0 || c_int(args[0], &how) < 0
        || mask_from_iterable(args[1], &mask) < 0)
        return NULL;
    int err = pthread_sigmask(how, &mask, &old);
    if (err != 0) {
        errno = err;
        return ob_err_from_errno(ob_exc_OSError, NULL);
    }
    return sig_set_from_mask(&old);
}

static KnObject *sg_sigpending(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    sigset_t mask;
    if (sigpending(&mask) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    return sig_set_from_mask(&mask);
}

static KnObject *sg_sigwait(KnObject *m, KnObject *arg)
{
    (void)m;
    sigset_t mask;
    int sig;
    if (mask_from_iterable(arg, &mask) < 0)
        return NULL;
    int err = sigwait(&mask, &sig);
    if (err != 0) {
        errno = err;
        return ob_err_from_errno(ob_exc_OSError, NULL);
    }
    return ob_int_from_long_long(sig);
}

static KnObject *sg_pthread_kill(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int sig;
    if (ob_args_check_positional("pthread_kill", nargs, 2, 2) < 0)
        return NULL;
    KnObject *i = ob_number_index(args[0]);
    if (i == NULL || c_int(args[1], &sig) < 0)
        return NULL;
    int of;
    unsigned long long tid = (unsigned long long)ob_int_as_long_long_and_overflow(i, &of);
    if (ob_err_occurred())
        return NULL;
    if (of)
        return ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C unsigned long");
    int err = pthread_kill((pthread_t)tid, sig);
    if (err != 0) {
        errno = err;
        return ob_err_from_errno(ob_exc_OSError, NULL);
    }
    /* Sent to this thread: its handler runs before pthread_kill returns. */
    return kn_signal_check() < 0 ? NULL : KN_None;
}

/* ---- sigwaitinfo / sigtimedwait (signal.struct_siginfo) ---- */

static KnTypeObject *siginfo_type;

static KnObject *siginfo_result(const siginfo_t *si)
{
    if (siginfo_type == NULL) {
        static const char *const fields[] = {"si_signo", "si_code", "si_errno", "si_pid",
                                             "si_uid", "si_status", "si_band"};
        siginfo_type = ss_new_type("signal.struct_siginfo",
                                   "struct_siginfo: Result from sigwaitinfo or sigtimedwait.",
                                   fields, 7, 7);
        if (siginfo_type == NULL)
            return NULL;
    }
    KnObject *v[7] = {
        ob_int_from_long_long(si->si_signo), ob_int_from_long_long(si->si_code),
        ob_int_from_long_long(si->si_errno), ob_int_from_long_long(si->si_pid),
        ob_int_from_unsigned_long_long(si->si_uid), ob_int_from_long_long(si->si_status),
        ob_int_from_long_long(si->si_band),
    };
    for (int i = 0; i < 7; i++)
        if (v[i] == NULL)
            return NULL;
    return ss_new(siginfo_type, v);
}

/* timeout < 0: wait forever (sigwaitinfo). EINTR runs the handlers and
 * waits again, as PEP 475 asks. */
static KnObject *wait_info(KnObject *set, double timeout)
{
    sigset_t mask;
    siginfo_t si;
    if (mask_from_iterable(set, &mask) < 0)
        return NULL;
    for (;;) {
        int r;
        if (timeout < 0) {
            r = sigwaitinfo(&mask, &si);
        } else {
            struct timespec ts;
            ts.tv_sec = (time_t)timeout;
            ts.tv_nsec = (long)((timeout - (double)ts.tv_sec) * 1e9);
            r = sigtimedwait(&mask, &si, &ts);
        }
        if (r >= 0)
            return siginfo_result(&si);
        if (errno == EAGAIN && timeout >= 0)
            return KN_None;
        if (errno != EINTR)
            return ob_err_from_errno(ob_exc_OSError, NULL);
        if (kn_signal_check() < 0)
            return NULL;
    }
}

static KnObject *sg_sigwaitinfo(KnObject *m, KnObject *arg)
{
    (void)m;
    return wait_info(arg, -1.0);
}

static KnObject *sg_sigtimedwait(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("sigtimedwait", nargs, 2, 2) < 0)
        return NULL;
    double t = ob_float_as_double(args[1]);
    if (t == -1.0 && ob_err_occurred())
        return NULL;
    if (isnan(t) || t > 1e15)
        return ob_err_format(ob_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    if (t < 0)
        return ob_err_format(ob_exc_ValueError, "timeout must be non-negative");
    return wait_info(args[0], t);
}

/* pidfd_send_signal(pidfd, signalnum, siginfo=None, flags=0) */
static KnObject *sg_pidfd_send_signal(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int fd, sig, flags = 0;
    if (ob_args_check_positional("pidfd_send_signal", nargs, 2, 4) < 0 || c_int(args[0], &fd) < 0
        || c_int(args[1], &sig) < 0 || (nargs > 3 && c_int(args[3], &flags) < 0))
        return NULL;
    if (nargs > 2 && args[2] != KN_None)
        return ob_err_format(ob_exc_TypeError, "siginfo must be None");
    if (syscall(SYS_pidfd_send_signal, fd, sig, NULL, flags) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    return KN_None;
}

static double tv_seconds(const struct timeval *tv)
{
    return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

static KnObject *itimer_pair(const struct itimerval *v)
{
    return ob_tuple_pack(2, ob_float_from_double(tv_seconds(&v->it_value)),
                         ob_float_from_double(tv_seconds(&v->it_interval)));
}

/* seconds -> timeval, rounding up a non-zero value below 1 µs to 1 µs. */
static int to_timeval(KnObject *o, struct timeval *tv)
{
    double d = ob_float_as_double(o);
    if (d == -1.0 && ob_err_occurred())
        return -1;
    if (isnan(d) || d > 1e15 || d < -1e15) {
        ob_err_format(ob_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    double sec = floor(d);
    tv->tv_sec = (time_t)sec;
    tv->tv_usec = (suseconds_t)ceil((d - sec) * 1e6);
    if (tv->tv_usec >= 1000000) {
        tv->tv_sec += 1;
        tv->tv_usec -= 1000000;
    }
    return 0;
}

static KnObject *itimer_fail(void)
{
    return ob_err_from_errno(itimer_error, NULL);
}

static KnObject *sg_setitimer(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int which;
    struct itimerval nv, old;
    memset(&nv, 0, sizeof nv);
    if (ob_args_check_positional("setitimer", nargs, 2, 3) < 0 || c_int(args[0], &which) < 0
        || to_timeval(args[1], &nv.it_value) < 0
        || (nargs > 2 && to_timeval(args[2], &nv.it_interval) < 0))
        return NULL;
    if (setitimer(which, &nv, &old) < 0)
        return itimer_fail();
    return itimer_pair(&old);
}

static KnObject *sg_getitimer(KnObject *m, KnObject *arg)
{
    (void)m;
    int which;
    struct itimerval v;
    if (c_int(arg, &which) < 0)
        return NULL;
    if (getitimer(which, &v) < 0)
        return itimer_fail();
    return itimer_pair(&v);
}

KnMethodDef sig_extra_methods[] = {
    {"pthread_sigmask", (KnCFunction)(void *)sg_pthread_sigmask, KN_METH_FASTCALL, NULL},
    {"sigpending", (KnCFunction)sg_sigpending, KN_METH_NOARGS, NULL},
    {"sigwait", (KnCFunction)sg_sigwait, KN_METH_O, NULL},
    {"pthread_kill", (KnCFunction)(void *)sg_pthread_kill, KN_METH_FASTCALL, NULL},
    {"setitimer", (KnCFunction)(void *)sg_setitimer, KN_METH_FASTCALL, NULL},
    {"getitimer", (KnCFunction)sg_getitimer, KN_METH_O, NULL},
    {"sigwaitinfo", (KnCFunction)sg_sigwaitinfo, KN_METH_O, NULL},
    {"sigtimedwait", (KnCFunction)(void *)sg_sigtimedwait, KN_METH_FASTCALL, NULL},
    {"pidfd_send_signal", (KnCFunction)(void *)sg_pidfd_send_signal, KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

int sig_add_constants(KnObject *m)
{
    static const struct { const char *name; int v; } consts[] = {
#define C(n) {#n, n},
        C(SIGABRT) C(SIGALRM) C(SIGBUS) C(SIGCHLD) C(SIGCLD) C(SIGCONT) C(SIGFPE) C(SIGHUP)
        C(SIGILL) C(SIGINT) C(SIGIO) C(SIGIOT) C(SIGKILL) C(SIGPIPE) C(SIGPOLL) C(SIGPROF)
        C(SIGPWR) C(SIGQUIT) C(SIGSEGV) C(SIGSTKFLT) C(SIGSTOP) C(SIGSYS) C(SIGTERM)
        C(SIGTRAP) C(SIGTSTP) C(SIGTTIN) C(SIGTTOU) C(SIGURG) C(SIGUSR1) C(SIGUSR2)
        C(SIGVTALRM) C(SIGWINCH) C(SIGXCPU) C(SIGXFSZ) C(SIG_BLOCK) C(SIG_UNBLOCK)
        C(SIG_SETMASK) C(ITIMER_REAL) C(ITIMER_VIRTUAL) C(ITIMER_PROF) C(NSIG)
#undef C
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (ob_module_add_object(m, consts[i].name, ob_int_from_long_long(consts[i].v)) < 0)
            return -1;
    if (ob_module_add_object(m, "SIGRTMIN", ob_int_from_long_long(SIGRTMIN)) < 0
        || ob_module_add_object(m, "SIGRTMAX", ob_int_from_long_long(SIGRTMAX)) < 0)
        return -1;
    if (itimer_error == NULL) {
        KnObject *ns = ob_dict_new();
        if (ns == NULL || ob_dict_setitem_str(ns, "__module__", ob_str_from_cstr("signal")) < 0)
            return -1;
        KnObject *cls = ob_type_new(&ob_type_type, ob_str_from_cstr("itimer_error"),
                                    ob_tuple_pack(1, (KnObject *)ob_exc_OSError), ns);
        if (cls == NULL)
            return -1;
        itimer_error = (KnTypeObject *)cls;
    }
    if (ob_module_add_object(m, "ItimerError", (KnObject *)itimer_error) < 0
        || siginfo_result(&(siginfo_t){0}) == NULL)      /* creates the type */
        return -1;
    return ob_module_add_object(m, "struct_siginfo", (KnObject *)siginfo_type);
}
