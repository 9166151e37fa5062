/*
 * signal_module.c — `_signal`: the Python handler table (signal,
 * getsignal, default_int_handler, SIG_DFL/SIG_IGN), the C handler that
 * records signals for the interpreter's safe points (kn_signal_check,
 * stdlib/signals.h), set_wakeup_fd, raise_signal, strsignal,
 * valid_signals, siginterrupt, alarm, pause; the timers and masks are in
 * signal_extra.c.
 *
 * Handlers get frame None (Kiln has no frame objects to hand over).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libjit/jit.h"
#include "stdlib/signals.h"
#include "signal_internal.h"

/* libjit may be absent (stdlib cmocka tests): no frame then. */
#pragma weak jit_current_frame_object

KnObject *kn_init__signal(void);

/* libjit's safe-point request (weak: the tests link without libjit). */
extern volatile int jit_eval_pending __attribute__((weak));
extern int (*jit_eval_pending_hook)(void) __attribute__((weak));

static KnObject *handlers[NSIG];     /* Python handler; NULL: not set from Python */
static volatile sig_atomic_t tripped[NSIG];
static volatile sig_atomic_t any_tripped;
static volatile sig_atomic_t wakeup_fd = -1;
static KnObject *sig_dfl, *sig_ign, *default_int_handler;

static void on_signal(int sig)
{
    int saved = errno;
    tripped[sig] = 1;
    any_tripped = 1;
    if (&jit_eval_pending != NULL)
        jit_eval_pending = 1;
    if (wakeup_fd >= 0) {
        unsigned char b = (unsigned char)sig;
        ssize_t r = write(wakeup_fd, &b, 1);
        (void)r;
    }
    errno = saved;
}

int kn_signal_simulate(int sig)
{
    if (sig < 1 || sig >= NSIG)
        return 0;
    KnObject *h = handlers[sig];
    if (h == NULL || h == sig_dfl || h == sig_ign)
        return 0;
    on_signal(sig);
    return 1;
}

int kn_signal_check(void)
{
    /* Python handlers run in the main thread only (as CPython's); the
     * main thread sees the flag when it next takes the GIL. */
    if (!any_tripped || !ob_tstate_is_main())
        return 0;
    any_tripped = 0;
    for (int i = 1; i < NSIG; i++) {
        if (!tripped[i])
            continue;
        tripped[i] = 0;
        KnObject *h = handlers[i];
        if (h == NULL || h == sig_dfl || h == sig_ign)
            continue;
        /* handler(signum, frame): the frame interrupted (CPython's). */
        KnObject *frame = jit_current_frame_object != NULL ? jit_current_frame_object() : KN_None;
        KnObject *r = frame == NULL ? NULL
            : ob_call(h, ob_tuple_pack(2, ob_int_from_long_long(i), frame), NULL);
        if (r == NULL) {
            any_tripped = 1;           /* the others run at the next check */
            return -1;
        }
    }
    return 0;
}

int sig_number(KnObject *o, int *sig)
{
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    int of;
    long long v = ob_int_as_long_long_and_overflow(i, &of);
    if (v == -1 && ob_err_occurred())
        return -1;
    if (of || v < 1 || v >= NSIG) {
        ob_err_format(ob_exc_ValueError, "signal number out of range");
        return -1;
    }
    *sig = (int)v;
    return 0;
}

static KnObject *sg_default_int_handler(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    (void)args;
    if (ob_args_check_positional("default_int_handler", nargs, 2, 2) < 0)
        return NULL;
    ob_err_set_none(ob_exc_KeyboardInterrupt);
    return NULL;
}

static KnObject *sg_signal(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int sig;
    if (ob_args_check_positional("signal", nargs, 2, 2) < 0)
        return NULL;
    if (!ob_tstate_is_main())
        return ob_err_format(ob_exc_ValueError,
                             "signal only works in main thread of the main interpreter");
    if (sig_number(args[0], &sig) < 0)
        return NULL;
    KnObject *h = args[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    long long hv = -1;
    if (KN_INT_CHECK_EXACT(h)) {
        int of;
        hv = ob_int_as_long_long_and_overflow(h, &of);
        if (of)
            hv = -1;
    }
    if (hv == 1) {
        sa.sa_handler = SIG_IGN;
        h = sig_ign;
    } else if (hv == 0) {
        sa.sa_handler = SIG_DFL;
        h = sig_dfl;
    } else if (ob_callable_check(h)) {
        sa.sa_handler = on_signal;
    } else {
        return ob_err_format(ob_exc_TypeError, "signal handler must be signal.SIG_IGN, "
                             "signal.SIG_DFL, or a callable object");
    }
    /* a pending signal of the old handler runs first */
    if (kn_signal_check() < 0)
        return NULL;
    if (sigaction(sig, &sa, NULL) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    KnObject *old = handlers[sig];
    handlers[sig] = h;
    return old ? old : KN_None;
}

static KnObject *sg_getsignal(KnObject *m, KnObject *arg)
{
    (void)m;
    int sig;
    if (sig_number(arg, &sig) < 0)
        return NULL;
    return handlers[sig] ? handlers[sig] : KN_None;
}

static KnObject *sg_raise_signal(KnObject *m, KnObject *arg)
{
    (void)m;
    int sig;
    if (sig_number(arg, &sig) < 0)
        return NULL;
    if (raise(sig) != 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    return kn_signal_check() < 0 ? NULL : KN_None;
}

static KnObject *sg_strsignal(KnObject *m, KnObject *arg)
{
    (void)m;
    int sig;
    if (sig_number(arg, &sig) < 0)
        return NULL;
    const char *s = strsignal(sig);
    if (s == NULL || strstr(s, "Unknown signal") != NULL)
        return KN_None;
    return ob_str_from_cstr(s);
}

static KnObject *sg_valid_signals(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    sigset_t all;
    sigfillset(&all);
    return sig_set_from_mask(&all);
}

static KnObject *sg_siginterrupt(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int sig;
    if (ob_args_check_positional("siginterrupt", nargs, 2, 2) < 0 || sig_number(args[0], &sig) < 0)
        return NULL;
    int flag = ob_is_true(args[1]);
    if (flag < 0)
        return NULL;
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    if (flag)
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    if (sigaction(sig, &sa, NULL) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    return KN_None;
}

static KnObject *sg_set_wakeup_fd(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                  KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "warn_on_full_buffer", NULL};
    KnArgSpec spec = {"set_wakeup_fd", names, 1, 1, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!ob_tstate_is_main())
        return ob_err_format(ob_exc_ValueError,
                             "set_wakeup_fd only works in main thread of the main interpreter");
    KnObject *i = ob_number_index(a[0]);
    if (i == NULL)
        return NULL;
    long long fd = ob_int_as_long_long(i);
    if (fd == -1 && ob_err_occurred())
        return NULL;
    if (fd != -1) {
        struct stat st;
        if (fd < 0 || fd > 0x7fffffff || fstat((int)fd, &st) < 0) {
            errno = EBADF;
            return ob_err_from_errno(ob_exc_OSError, NULL);
        }
    }
    int old = wakeup_fd;
    wakeup_fd = (int)fd;
    return ob_int_from_long_long(old);
}

static KnObject *sg_alarm(KnObject *m, KnObject *arg)
{
    (void)m;
    KnObject *i = ob_number_index(arg);
    if (i == NULL)
        return NULL;
    long long s = ob_int_as_long_long(i);
    if (s == -1 && ob_err_occurred())
        return NULL;
    return ob_int_from_long_long(alarm((unsigned)s));
}

static KnObject *sg_pause(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    pause();
    return kn_signal_check() < 0 ? NULL : KN_None;
}

static KnMethodDef sg_methods[] = {
    {"default_int_handler", (KnCFunction)(void *)sg_default_int_handler, KN_METH_FASTCALL, NULL},
    {"signal", (KnCFunction)(void *)sg_signal, KN_METH_FASTCALL, NULL},
    {"getsignal", (KnCFunction)sg_getsignal, KN_METH_O, NULL},
    {"raise_signal", (KnCFunction)sg_raise_signal, KN_METH_O, NULL},
    {"strsignal", (KnCFunction)sg_strsignal, KN_METH_O, NULL},
    {"valid_signals", (KnCFunction)sg_valid_signals, KN_METH_NOARGS, NULL},
    {"siginterrupt", (KnCFunction)(void *)sg_siginterrupt, KN_METH_FASTCALL, NULL},
    {"set_wakeup_fd", (KnCFunction)(void *)sg_set_wakeup_fd, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"alarm", (KnCFunction)sg_alarm, KN_METH_O, NULL},
    {"pause", (KnCFunction)sg_pause, KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* The handler table at start-up: SIG_DFL / SIG_IGN as the process has
 * them, None for a C handler; SIGINT gets default_int_handler unless it
 * is ignored (as CPython does at start-up). */
static int init_handlers(void)
{
    for (int i = 1; i < NSIG; i++) {
        struct sigaction sa;
        if (sigaction(i, NULL, &sa) < 0)
            continue;
        handlers[i] = sa.sa_handler == SIG_DFL ? sig_dfl : sa.sa_handler == SIG_IGN ? sig_ign : NULL;
    }
    if (handlers[SIGINT] != sig_ign) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sigemptyset(&sa.sa_mask);
        sa.sa_handler = on_signal;
        if (sigaction(SIGINT, &sa, NULL) < 0) {
            ob_err_from_errno(ob_exc_OSError, NULL);
            return -1;
        }
        handlers[SIGINT] = default_int_handler;
    }
    if (&jit_eval_pending_hook != NULL)
        jit_eval_pending_hook = kn_signal_check;
    return 0;
}

KnObject *kn_init__signal(void)
{
    KnObject *m = ob_module_new_cstr("_signal");
    if (m == NULL || ob_module_add_functions(m, sg_methods) < 0
        || ob_module_add_functions(m, sig_extra_methods) < 0 || sig_add_constants(m) < 0)
        return NULL;
    if (sig_dfl == NULL) {
        sig_dfl = ob_int_from_long_long(0);
        sig_ign = ob_int_from_long_long(1);
        default_int_handler = ob_getattr_str(m, "default_int_handler");
        if (sig_dfl == NULL || sig_ign == NULL || default_int_handler == NULL
            || init_handlers() < 0) {
            sig_dfl = NULL;
            return NULL;
        }
    }
    if (ob_module_add_object(m, "SIG_DFL", sig_dfl) < 0
        || ob_module_add_object(m, "SIG_IGN", sig_ign) < 0
        || ob_module_add_object(m, "default_int_handler", default_int_handler) < 0)
        return NULL;
    return m;
}
