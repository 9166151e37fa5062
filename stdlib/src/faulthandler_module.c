/*
 * faulthandler_module.c — the `faulthandler` module: enable / disable /
 * is_enabled (fatal signal handlers), dump_traceback, dump_traceback_later
 * / cancel_dump_traceback_later (a watchdog thread), register /
 * unregister (user signals), and the _sigsegv / _sigabrt / _sigfpe /
 * _read_null helpers CPython's tests use.  Signal-time code is in
 * faulthandler_signals.c.
 *
 * Only the calling thread's traceback is written: Kiln keeps no list of
 * thread states yet, so "all threads" means the thread that enabled the
 * handler (or the faulting thread for fatal signals).  CPython's
 * "Extension modules: ..." line after a fatal error is not written.
 */
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include "libobject/libobject.h"
#include "libobject/tstate.h"
#include "libjit/jit.h"
#include "faulthandler.h"

KnObject *kn_init_faulthandler(void);

#pragma weak jit_import_module

/* Files given to enable() / register() / dump_traceback_later() stay
 * referenced here so their descriptors stay open. */
static KnObject *fatal_file, *later_file;
static KnObject *user_files[NSIG];

/* CPython's faulthandler_get_fileno: a file object (flushed) or an int. */
static int file_fd(KnObject **file)
{
    KnObject *f = *file;
    if (f == NULL || f == KN_None) {
        KnObject *sys = jit_import_module ? jit_import_module("sys") : NULL;
        f = sys ? ob_getattr_str(sys, "stderr") : NULL;
        if (f == NULL)
            return -1;
        if (f == KN_None) {
            ob_err_set_string(ob_exc_RuntimeError, "sys.stderr is None");
            return -1;
        }
    }
    long long fd;
    if (KN_INT_CHECK(f)) {
        fd = ob_int_as_ssize(f);
        if (fd == -1 && ob_err_occurred())
            return -1;
        if (fd < 0) {
            ob_err_set_string(ob_exc_ValueError, "file is not a valid file descripter");
            return -1;
        }
        *file = NULL;
        return (int)fd;
    }
    KnObject *r = ob_call_method(f, "fileno", 0);
    if (r == NULL)
        return -1;
    fd = KN_INT_CHECK(r) ? ob_int_as_ssize(r) : -1;
    if (fd < 0 || fd > 0x7fffffff) {
        ob_err_clear();
        ob_err_set_string(ob_exc_RuntimeError, "file.fileno() is not a valid file descriptor");
        return -1;
    }
    r = ob_call_method(f, "flush", 0);
    if (r == NULL)
        ob_err_clear();
    *file = f;
    return (int)fd;
}

static int flag(KnObject *v, int dflt)
{
    return v == NULL ? dflt : ob_is_true(v);
}

static KnObject *fh_enable(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"file", "all_threads", NULL};
    static const KnArgSpec spec = {"enable", names, 0, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int all = flag(a[1], 1);
    int fd = all < 0 ? -1 : file_fd(&a[0]);
    if (fd < 0)
        return NULL;
    if (fh_fatal_enable(fd, all) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    fatal_file = a[0];
    return KN_None;
}

static KnObject *fh_disable(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    int was = fh_fatal_disable();
    fatal_file = NULL;
    return KN_BOOL(was);
}

static KnObject *fh_is_enabled(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    return KN_BOOL(fh_fatal_enabled());
}

static KnObject *fh_dump_traceback(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                   KnObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"file", "all_threads", NULL};
    static const KnArgSpec spec = {"dump_traceback", names, 0, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int all = flag(a[1], 1);
    int fd = all < 0 ? -1 : file_fd(&a[0]);
    if (fd < 0)
        return NULL;
    fh_dump(fd, ob_tstate_get(), all, 1);
    return KN_None;
}

static KnObject *fh_dump_later(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                               KnObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"timeout", "repeat", "file", "exit", NULL};
    static const KnArgSpec spec = {"dump_traceback_later", names, 1, 4, 0};
    KnObject *a[4] = {0};
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    double timeout = ob_float_as_double(a[0]);
    if (timeout == -1.0 && ob_err_occurred())
        return NULL;
    if (!(timeout * 1e6 < 9.2e18))
        return ob_err_format(ob_exc_OverflowError,
                             "timestamp too large to convert to C _PyTime_t");
    long long us = (long long)ceil(timeout * 1e6);
    if (us <= 0)
        return ob_err_format(ob_exc_ValueError, "timeout must be greater than 0");
    int repeat = flag(a[1], 0), exit_after = flag(a[3], 0);
    if (repeat < 0 || exit_after < 0)
        return NULL;
    int fd = file_fd(&a[2]);
    if (fd < 0)
        return NULL;
    if (fh_later_start(us, repeat, fd, exit_after, ob_tstate_get(),
                       (unsigned long)pthread_self()) < 0)
        return ob_err_format(ob_exc_RuntimeError, "unable to start watchdog thread");
    later_file = a[2];
    return KN_None;
}

static KnObject *fh_cancel_later(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    fh_later_cancel();
    later_file = NULL;
    return KN_None;
}

static int signum_arg(KnObject *v, int *signum)
{
    kn_ssize_t s = ob_int_as_ssize(v);
    if (s == -1 && ob_err_occurred())
        return -1;
    if (s < 1 || s >= NSIG) {
        ob_err_set_string(ob_exc_ValueError, "signal number out of range");
        return -1;
    }
    *signum = (int)s;
    return 0;
}

static KnObject *fh_register(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                             KnObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"signum", "file", "all_threads", "chain", NULL};
    static const KnArgSpec spec = {"register", names, 1, 4, 0};
    KnObject *a[4] = {0};
    int signum;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 || signum_arg(a[0], &signum) < 0)
        return NULL;
    if (fh_is_fatal_signal(signum))
        return ob_err_format(ob_exc_RuntimeError,
                             "signal %d cannot be registered, use enable() instead", signum);
    int all = flag(a[2], 1), chain = flag(a[3], 0);
    if (all < 0 || chain < 0)
        return NULL;
    int fd = file_fd(&a[1]);
    if (fd < 0)
        return NULL;
    if (fh_user_register(signum, fd, all, chain) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    user_files[signum] = a[1];
    return KN_None;
}

static KnObject *fh_unregister(KnObject *self, KnObject *arg)
{
    (void)self;
    int signum;
    if (signum_arg(arg, &signum) < 0)
        return NULL;
    user_files[signum] = NULL;
    return KN_BOOL(fh_user_unregister(signum));
}

/* Crash on purpose (CPython's test helpers). */
static KnObject *fh_sigsegv(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)self;
    (void)args;
    (void)nargs;
    raise(SIGSEGV);
    return KN_None;
}

/* Not instrumented: the debug build's UBSan would report the NULL read
 * and exit instead of letting it fault. */
__attribute__((no_sanitize("undefined")))
static KnObject *fh_read_null(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    volatile int *p = NULL;
    return ob_int_from_ssize(*p);
}

static KnObject *fh_sigabrt(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    abort();
}

static KnObject *fh_sigfpe(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    raise(SIGFPE);
    return KN_None;
}

#define FH_FC(f) ((KnCFunction)(void (*)(void))(f))
#define FH_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

static KnMethodDef fh_methods[] = {
    {"enable", FH_FC(fh_enable), FH_KW,
     "enable(file=sys.stderr, all_threads=True): enable the fault handler"},
    {"disable", FH_FC(fh_disable), KN_METH_NOARGS,
     "disable(): disable the fault handler"},
    {"is_enabled", FH_FC(fh_is_enabled), KN_METH_NOARGS,
     "is_enabled()->bool: check if the handler is enabled"},
    {"dump_traceback", FH_FC(fh_dump_traceback), FH_KW,
     "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current "
     "thread, or of all threads if all_threads is True, into file"},
    {"dump_traceback_later", FH_FC(fh_dump_later), FH_KW,
     "dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False):\n"
     "dump the traceback of all threads in timeout seconds,\n"
     "or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not "
     "safe."},
    {"cancel_dump_traceback_later", FH_FC(fh_cancel_later), KN_METH_NOARGS,
     "cancel_dump_traceback_later():\ncancel the previous call to dump_traceback_later()."},
    {"register", FH_FC(fh_register), FH_KW,
     "register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler "
     "for the signal 'signum': dump the traceback of the current thread, or of all threads "
     "if all_threads is True, into file"},
    {"unregister", FH_FC(fh_unregister), KN_METH_O,
     "unregister(signum): unregister the handler of the signal 'signum' registered by "
     "register()"},
    {"_sigsegv", FH_FC(fh_sigsegv), KN_METH_FASTCALL,
     "_sigsegv(release_gil=False): raise a SIGSEGV signal"},
    {"_read_null", FH_FC(fh_read_null), KN_METH_NOARGS,
     "_read_null(): read from NULL, raise a SIGSEGV or SIGBUS signal depending on the "
     "platform"},
    {"_sigabrt", FH_FC(fh_sigabrt), KN_METH_NOARGS, "_sigabrt(): raise a SIGABRT signal"},
    {"_sigfpe", FH_FC(fh_sigfpe), KN_METH_NOARGS, "_sigfpe(): raise a SIGFPE signal"},
    {NULL, NULL, 0, NULL},
};

KnObject *kn_init_faulthandler(void)
{
    KnObject *mod = ob_module_new_cstr("faulthandler");
    if (mod == NULL || ob_module_add_functions(mod, fh_methods) < 0 ||
        ob_module_add_object(mod, "__doc__", ob_str_from_cstr("faulthandler module.")) < 0)
        return NULL;
    return mod;
}
