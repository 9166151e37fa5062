/*
 * thread.c — the `_thread` module: starting threads, the module functions,
 * the thread sentinel and threading's default excepthook (NOTES-thread.md).
 * Locks are in thread_lock.c, _local in thread_local.c.
 *
 * A new thread is started by libgc (kgc_thread_start: registered with the
 * collector before it touches the heap), makes its own thread state, takes
 * the GIL (libjit's, through libobject's ob_gil_* hooks) and calls the
 * function.  An uncaught exception other than SystemExit goes to
 * sys.unraisablehook ("Exception ignored in thread started by"); then the thread's
 * sentinel lock is released, its _local data dropped, its state freed and
 * the GIL let go.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "libgc/gc.h"
#include "stdlib/modules.h"
#include "stdlib/signals.h"
#include "structseq.h"
#include "thread_internal.h"

#define SENTINEL_KEY "_thread._sentinel"

static atomic_long thread_count;        /* threads started here, still running */
static size_t thread_stack_size;        /* stack_size(); 0: the default */
static KnTypeObject *excepthook_args_type;

/* `import sys`, through libjit when linked (weak: the cmocka tests link
 * without it), else NULL with nothing set. */
KnObject *jit_import_module(const char *name) __attribute__((weak));

static KnObject *sys_module(void)
{
    return jit_import_module != NULL ? jit_import_module("sys") : NULL;
}

/* Write header to sys.stderr, then the exception with its traceback as
 * sys.__excepthook__ prints it.  Errors are swallowed: this is the last
 * report a failing thread makes. */
static void report(KnObject *header, KnObject *exc)
{
    KnObject *sys = sys_module();
    KnObject *err = sys ? ob_getattr_str(sys, "stderr") : NULL;
    KnObject *hook = sys ? ob_getattr_str(sys, "__excepthook__") : NULL;
    if (err != NULL && err != KN_None && hook != NULL) {
        if (ob_call_method(err, "write", 1, header) != NULL) {
            KnObject *tb = ((KnBaseExceptionObject *)exc)->traceback;
            ob_call_method(err, "flush", 0);
            ob_call(hook, ob_tuple_pack(3, (KnObject *)KN_TYPE(exc), exc,
                                        tb ? tb : KN_None), NULL);
            ob_call_method(err, "flush", 0);
        }
    }
    ob_err_clear();
}

/* sys.unraisablehook for the exception that ended a thread started here
 * (CPython's "Exception ignored in thread started by: <func>"). */
static void report_unraisable(KnObject *func, KnObject *exc)
{
    ob_err_clear();
    ob_err_restore(exc);
    ob_err_write_unraisable_msg("Exception ignored in thread started by", func);
}

/* ---- thread start-up ---- */

typedef struct ThBoot {
    KnObject *func;
    KnObject *args;
    KnObject *kwargs;
    int recursion_limit;
} ThBoot;

static void thread_run(void *arg)
{
    ThBoot *boot = arg;
    KnThreadState *ts = ob_tstate_new_and_bind();
    if (ts == NULL) {
        atomic_fetch_sub(&thread_count, 1);
        return;
    }
    ts->recursion_limit = ts->recursion_remaining = boot->recursion_limit;
    ob_gil_acquire();
    if (ob_call(boot->func, boot->args, boot->kwargs) == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_SystemExit)) {
            ob_err_clear();
        } else {
            report_unraisable(boot->func, ob_err_fetch());
        }
    }
    KnObject *sentinel = ts->dict ? ob_dict_getitem_str(ts->dict, SENTINEL_KEY) : NULL;
    if (sentinel != NULL)
        th_lock_release_quiet(sentinel);
    th_local_thread_exit();
    atomic_fetch_sub(&thread_count, 1);
    ob_tstate_delete_current();
    ob_gil_release();
}

static KnObject *th_start_new_thread(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("start_new_thread", nargs, 2, 3) < 0)
        return NULL;
    if (!ob_callable_check(args[0]))
        return ob_err_format(ob_exc_TypeError, "first arg must be callable");
    if (!KN_TUPLE_CHECK(args[1]))
        return ob_err_format(ob_exc_TypeError, "2nd arg must be a tuple");
    if (nargs == 3 && !KN_DICT_CHECK(args[2]))
        return ob_err_format(ob_exc_TypeError, "optional 3rd arg must be a dictionary");
    if (!ob_gil_installed())
        return ob_err_format(ob_exc_RuntimeError,
                             "Kiln: threads need the interpreter's GIL (libjit is not running)");
    ThBoot *boot = kgc_alloc(sizeof *boot);
    if (boot == NULL)
        return ob_err_nomemory();
    boot->func = args[0];
    boot->args = args[1];
    boot->kwargs = nargs == 3 ? args[2] : NULL;
    boot->recursion_limit = ob_tstate_get()->recursion_limit;
    unsigned long ident;
    atomic_fetch_add(&thread_count, 1);
    int r = kgc_thread_start(thread_run, boot, thread_stack_size, &ident);
    if (r != 0) {
        atomic_fetch_sub(&thread_count, 1);
        return ob_err_format(ob_exc_RuntimeError, "can't start new thread");
    }
    return ob_int_from_unsigned_long_long(ident);
}

/* ---- module functions ---- */

static KnObject *th_allocate_lock(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return th_lock_new();
}

static KnObject *th_get_ident(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_unsigned_long_long(th_ident());
}

static KnObject *th_get_native_id(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_long_long((long long)syscall(SYS_gettid));
}

static KnObject *th_count(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_ssize((kn_ssize_t)atomic_load(&thread_count));
}

static KnObject *th_stack_size(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("stack_size", nargs, 0, 1) < 0)
        return NULL;
    size_t old = thread_stack_size;
    if (nargs == 1) {
        kn_ssize_t n = ob_number_as_ssize(args[0], ob_exc_OverflowError);
        if (n == -1 && ob_err_occurred())
            return NULL;
        if (n < 0)
            return ob_err_format(ob_exc_ValueError, "size must be 0 or a positive value");
        if (n != 0 && n < 32768)
            return ob_err_format(ob_exc_ValueError, "size not valid: %zd bytes", n);
        thread_stack_size = (size_t)n;
    }
    return ob_int_from_ssize((kn_ssize_t)old);
}

/* A new lock that the calling thread's end releases if it is held then
 * (threading acquires it at once: Thread._tstate_lock, which join() waits
 * on). */
static KnObject *th_set_sentinel(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    KnThreadState *ts = ob_tstate_get();
    if (ts->dict == NULL && (ts->dict = ob_dict_new()) == NULL)
        return NULL;
    KnObject *lock = th_lock_new();
    if (lock == NULL)
        return NULL;
    KnObject *old = ob_dict_getitem_str(ts->dict, SENTINEL_KEY);
    if (old != NULL)
        th_lock_release_quiet(old);
    if (ob_dict_setitem_str(ts->dict, SENTINEL_KEY, lock) < 0)
        return NULL;
    return lock;
}

static KnObject *th_interrupt_main(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("interrupt_main", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t sig = SIGINT;
    if (nargs == 1 && (sig = ob_number_as_ssize(args[0], ob_exc_OverflowError)) == -1
        && ob_err_occurred())
        return NULL;
    if (sig < 1 || sig >= NSIG)
        return ob_err_format(ob_exc_ValueError, "signal number out of range");
    /* As CPython: only a signal with a Python handler is simulated (its
     * handler runs in the main thread); SIG_DFL / SIG_IGN: nothing. */
    kn_signal_simulate((int)sig);
    return KN_None;
}

static KnObject *th_exit(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    ob_err_set_none(ob_exc_SystemExit);
    return NULL;
}

/* threading.excepthook's default: "Exception in thread NAME:" and the
 * traceback on sys.stderr; SystemExit is silent. */
static KnObject *th_excepthook(KnObject *m, KnObject *arg)
{
    (void)m;
    if (KN_TYPE(arg) != excepthook_args_type)
        return ob_err_format(ob_exc_TypeError,
                             "_thread.excepthook argument type must be ExceptHookArgs");
    KnObject *type = ss_get(arg, 0), *value = ss_get(arg, 1), *thread = ss_get(arg, 3);
    if (type == (KnObject *)ob_exc_SystemExit)
        return KN_None;
    KnObject *name = NULL;
    if (thread != KN_None) {
        name = ob_getattr_str(thread, "name");
        if (name == NULL)
            ob_err_clear();
    }
    if (name == NULL || name == KN_None)
        name = ob_int_from_unsigned_long_long(th_ident());
    KnObject *s = name ? ob_str(name) : NULL;
    KnObject *header = s ? ob_str_from_format("Exception in thread %U:\n", s) : NULL;
    if (header == NULL)
        return NULL;
    if (value != KN_None && KN_EXC_CHECK(value))
        report(header, value);
    return KN_None;
}

static KnMethodDef th_functions[] = {
    {"allocate_lock", FC(th_allocate_lock), KN_METH_NOARGS, "Create a new lock object."},
    {"allocate", FC(th_allocate_lock), KN_METH_NOARGS, "An obsolete synonym of allocate_lock()."},
    {"get_ident", FC(th_get_ident), KN_METH_NOARGS, "The current thread's identifier."},
    {"get_native_id", FC(th_get_native_id), KN_METH_NOARGS, "The kernel's id of this thread."},
    {"start_new_thread", FC(th_start_new_thread), KN_METH_FASTCALL,
     "Start a new thread running function(*args, **kwargs); return its identifier."},
    {"start_new", FC(th_start_new_thread), KN_METH_FASTCALL, "An obsolete synonym."},
    {"_count", FC(th_count), KN_METH_NOARGS, "Number of threads started by _thread still running."},
    {"stack_size", FC(th_stack_size), KN_METH_FASTCALL, "Get or set the thread stack size."},
    {"_set_sentinel", FC(th_set_sentinel), KN_METH_NOARGS,
     "A lock released when the calling thread ends."},
    {"interrupt_main", FC(th_interrupt_main), KN_METH_FASTCALL,
     "Simulate the arrival of a signal in the main thread."},
    {"exit", FC(th_exit), KN_METH_NOARGS, "Raise SystemExit: end the calling thread."},
    {"exit_thread", FC(th_exit), KN_METH_NOARGS, "An obsolete synonym of exit()."},
    {"_excepthook", FC(th_excepthook), KN_METH_O, "Handle an uncaught exception of a thread."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__thread(void)
{
    static const char *const hook_fields[] = {"exc_type", "exc_value", "exc_traceback", "thread"};
    if (ob_type_ready(&th_lock_type) < 0 || ob_type_ready(&th_rlock_type) < 0
        || ob_type_ready(&th_local_type) < 0)
        return NULL;
    if (excepthook_args_type == NULL
        && (excepthook_args_type = ss_new_type("_thread._ExceptHookArgs",
                                               "ExceptHookArgs\n\nType used to pass arguments "
                                               "to threading.excepthook.",
                                               hook_fields, 4, 4)) == NULL)
        return NULL;
    KnObject *m = ob_module_new_cstr("_thread");
    KnObject *tmax = ob_float_from_double(THREAD_TIMEOUT_MAX);
    if (m == NULL || tmax == NULL || ob_module_add_functions(m, th_functions) < 0
        || ob_module_add_object(m, "LockType", (KnObject *)&th_lock_type) < 0
        || ob_module_add_object(m, "RLock", (KnObject *)&th_rlock_type) < 0
        || ob_module_add_object(m, "_local", (KnObject *)&th_local_type) < 0
        || ob_module_add_object(m, "_ExceptHookArgs", (KnObject *)excepthook_args_type) < 0
        || ob_module_add_object(m, "error", (KnObject *)ob_exc_RuntimeError) < 0
        || ob_module_add_object(m, "TIMEOUT_MAX", tmax) < 0)
        return NULL;
    return m;
}
