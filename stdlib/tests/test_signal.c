/*
 * test_signal.c — _signal (src/signal_*.c) and atexit (src/atexit_module.c):
 * the handler table, handlers run by kn_signal_check, masks, timers, the
 * constants, and atexit's callback list; expected values from python3.11.
 */
#include <signal.h>
#include <sys/wait.h>

#include "test_posix_util.h"
#include "stdlib/signals.h"
#include "stdlib/atexit.h"

KnObject *kn_init__signal(void);
KnObject *kn_init_atexit(void);

static KnObject *sm, *am;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (sm = kn_init__signal()) == NULL || (am = kn_init_atexit()) == NULL)
        return -1;
    return 0;
}

static void expect_exc(KnTypeObject *t, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    if (KN_TYPE(e) != t)
        fail_msg("raised %s, expected %s", ob_type_name(KN_TYPE(e)), ob_type_name(t));
    const char *s = ob_str_as_utf8(ob_str(e), NULL);
    if (msg != NULL && strcmp(s, msg) != 0)
        fail_msg("message %s, expected %s", s, msg);
}

static const char *R(KnObject *o)
{
    if (o == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("raised %s", ob_str_as_utf8(ob_repr(e), NULL));
    }
    return ob_str_as_utf8(ob_repr(o), NULL);
}

static void test_constants(void **state)
{
    (void)state;
    ASSERT_INT(attr(sm, "SIG_DFL"), 0);
    ASSERT_INT(attr(sm, "SIG_IGN"), 1);
    ASSERT_INT(attr(sm, "NSIG"), 65);
    ASSERT_INT(attr(sm, "SIGINT"), 2);
    ASSERT_INT(attr(sm, "SIGRTMIN"), 34);
    ASSERT_INT(attr(sm, "SIGRTMAX"), 64);
    ASSERT_INT(attr(sm, "SIGSTKFLT"), 16);
    ASSERT_INT(attr(sm, "ITIMER_PROF"), 2);
    assert_int_equal(ob_length(CALL0(sm, "valid_signals")), 62);
    assert_string_equal(R(CALL(sm, "strsignal", I(2))), "'Interrupt'");
    assert_string_equal(R(CALL(sm, "strsignal", I(34))), "'Real-time signal 0'");
    assert_null(CALL(sm, "strsignal", I(100)));
    expect_exc(ob_exc_ValueError, "signal number out of range");
    /* SIGINT gets default_int_handler at start-up */
    assert_ptr_equal(CALL(sm, "getsignal", I(SIGINT)), attr(sm, "default_int_handler"));
    assert_null(CALL(sm, "default_int_handler", I(2), KN_None));
    expect_exc(ob_exc_KeyboardInterrupt, "");
}

static void test_signal_errors(void **state)
{
    (void)state;
    assert_null(CALL(sm, "signal", I(0), I(0)));
    expect_exc(ob_exc_ValueError, "signal number out of range");
    assert_null(CALL(sm, "signal", I(2), I(5)));
    expect_exc(ob_exc_TypeError,
               "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    assert_null(CALL(sm, "signal", I(SIGKILL), I(1)));
    expect_exc(ob_exc_OSError, "[Errno 22] Invalid argument");
    assert_null(CALL(sm, "pthread_sigmask", I(0), ob_tuple_pack(1, I(100))));
    expect_exc(ob_exc_ValueError, "signal number 100 out of range [1; 64]");
    assert_null(CALL(sm, "pthread_sigmask", I(5), ob_tuple_empty()));
    expect_exc(ob_exc_OSError, "[Errno 22] Invalid argument");
    assert_null(CALL(sm, "setitimer", I(5), I(1)));
    KnObject *e = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(e), (KnTypeObject *)attr(sm, "ItimerError"));
    assert_int_equal(ob_isinstance(e, (KnObject *)ob_exc_OSError), 1);
    assert_string_equal(R(ob_getattr_str(attr(sm, "ItimerError"), "__name__")), "'itimer_error'");
    assert_null(CALL(sm, "set_wakeup_fd", I(1000)));
    expect_exc(ob_exc_OSError, "[Errno 9] Bad file descriptor");
}

/* A Python-level handler: records its arguments. */
static KnObject *seen;
static KnObject *record(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)self;
    ob_list_append(seen, ob_tuple_from_array(args, nargs));
    return KN_None;
}
static KnObject *raising(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)self;
    (void)args;
    (void)nargs;
    return ob_err_format(ob_exc_RuntimeError, "from handler");
}
static KnMethodDef handler_defs[] = {
    {"record", (KnCFunction)(void *)record, KN_METH_FASTCALL, NULL},
    {"raising", (KnCFunction)(void *)raising, KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static void test_handlers(void **state)
{
    (void)state;
    KnObject *holder = ob_module_new_cstr("h");
    assert_int_equal(ob_module_add_functions(holder, handler_defs), 0);
    KnObject *rec = attr(holder, "record");
    seen = ob_list_new(0);
    assert_string_equal(R(CALL(sm, "signal", I(SIGUSR1), rec)), "0");
    assert_ptr_equal(CALL(sm, "getsignal", I(SIGUSR1)), rec);
    /* raise_signal runs the handler before returning */
    assert_string_equal(R(CALL(sm, "raise_signal", I(SIGUSR1))), "None");
    assert_string_equal(R(seen), "[(10, None)]");
    /* a signal from kill() waits for the safe point */
    kill(getpid(), SIGUSR1);
    assert_int_equal(ob_length(seen), 1);
    assert_int_equal(kn_signal_check(), 0);
    assert_int_equal(ob_length(seen), 2);
    assert_int_equal(kn_signal_check(), 0);      /* nothing pending */
    assert_int_equal(ob_length(seen), 2);
    /* an exception from the handler propagates */
    CALL(sm, "signal", I(SIGUSR2), attr(holder, "raising"));
    assert_null(CALL(sm, "raise_signal", I(SIGUSR2)));
    expect_exc(ob_exc_RuntimeError, "from handler");
    /* SIGINT -> KeyboardInterrupt through default_int_handler */
    kill(getpid(), SIGINT);
    assert_int_equal(kn_signal_check(), -1);
    expect_exc(ob_exc_KeyboardInterrupt, "");
    /* SIG_IGN: the signal is dropped */
    assert_ptr_equal(CALL(sm, "signal", I(SIGUSR1), I(1)), rec);
    kill(getpid(), SIGUSR1);
    assert_int_equal(kn_signal_check(), 0);
    assert_int_equal(ob_length(seen), 2);
    ASSERT_INT(CALL(sm, "signal", I(SIGUSR1), I(0)), 1);
}

static void test_masks_timers(void **state)
{
    (void)state;
    KnObject *usr1 = ob_tuple_pack(1, I(SIGUSR1));
    assert_string_equal(R(CALL(sm, "pthread_sigmask", I(SIG_BLOCK), usr1)), "set()");
    assert_string_equal(R(CALL(sm, "pthread_sigmask", I(SIG_BLOCK), ob_tuple_empty())), "{10}");
    raise(SIGUSR1);
    assert_string_equal(R(CALL0(sm, "sigpending")), "{10}");
    ASSERT_INT(CALL(sm, "sigwait", usr1), SIGUSR1);
    assert_string_equal(R(CALL0(sm, "sigpending")), "set()");
    raise(SIGUSR1);
    KnObject *info = CALL(sm, "sigwaitinfo", usr1);
    assert_ptr_equal(KN_TYPE(info), (KnTypeObject *)attr(sm, "struct_siginfo"));
    ASSERT_INT(ob_getattr_str(info, "si_signo"), SIGUSR1);
    ASSERT_INT(ob_getattr_str(info, "si_pid"), getpid());
    assert_string_equal(R(CALL(sm, "sigtimedwait", usr1, I(0))), "None");
    assert_null(CALL(sm, "sigtimedwait", usr1, I(-1)));
    expect_exc(ob_exc_ValueError, "timeout must be non-negative");
    CALL(sm, "pthread_sigmask", I(SIG_UNBLOCK), usr1);
    assert_string_equal(R(CALL(sm, "getitimer", I(0))), "(0.0, 0.0)");
    assert_string_equal(R(CALL(sm, "setitimer", I(0), ob_float_from_double(100.0), ob_float_from_double(0.25))),
                        "(0.0, 0.0)");
    KnObject *t = CALL(sm, "getitimer", I(0));
    double v = ob_float_as_double(KN_TUPLE_GET(t, 0));
    assert_true(v > 99.0 && v <= 100.0);
    assert_string_equal(R(KN_TUPLE_GET(t, 1)), "0.25");
    CALL(sm, "setitimer", I(0), I(0));
    ASSERT_INT(CALL(sm, "alarm", I(0)), 0);
}

/* ---- atexit ---- */

static void test_atexit(void **state)
{
    (void)state;
    KnObject *holder = ob_module_new_cstr("h");
    assert_int_equal(ob_module_add_functions(holder, handler_defs), 0);
    KnObject *rec = attr(holder, "record"), *bad = attr(holder, "raising");
    seen = ob_list_new(0);
    assert_null(CALL(am, "register", I(1)));
    expect_exc(ob_exc_TypeError, "the first argument must be callable");
    assert_null(CALL0(am, "register"));
    expect_exc(ob_exc_TypeError, "register() takes at least 1 argument (0 given)");
    assert_ptr_equal(CALL(am, "register", rec, I(1)), rec);
    CALL(am, "register", bad);
    CALL(am, "register", rec, I(2), I(3));
    ASSERT_INT(CALL0(am, "_ncallbacks"), 3);
    assert_int_equal(kn_atexit_run(), 0);         /* last first; the error is reported */
    assert_string_equal(R(seen), "[(2, 3), (1,)]");
    ASSERT_INT(CALL0(am, "_ncallbacks"), 0);
    CALL(am, "register", rec, I(1));
    CALL(am, "register", bad);
    CALL(am, "register", rec, I(4));
    CALL(am, "unregister", rec);
    ASSERT_INT(CALL0(am, "_ncallbacks"), 1);
    CALL0(am, "_clear");
    ASSERT_INT(CALL0(am, "_ncallbacks"), 0);
    assert_null(ob_err_occurred());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constants),
        cmocka_unit_test(test_signal_errors),
        cmocka_unit_test(test_handlers),
        cmocka_unit_test(test_masks_timers),
        cmocka_unit_test(test_atexit),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
