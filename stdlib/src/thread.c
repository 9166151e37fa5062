/*
 * thread.c — the `_thread` module (see NOTES-thread.md).
 *
 * Kiln has no GIL yet, so there is exactly one Python thread:
 * start_new_thread raises RuntimeError saying so.  Locks are therefore
 * plain state: acquiring a free lock takes it; acquiring a held lock
 * with a timeout waits that long (nobody can release it) and fails;
 * acquiring it with no timeout would wait forever, which is reported as
 * RuntimeError instead of hanging the process.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "libobject/libobject.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define THREAD_TIMEOUT_MAX 4294967.0

typedef struct ThLock {
    KN_OBJECT_HEAD;
    int locked;
    KnObject *weakreflist;
} ThLock;

typedef struct ThRLock {
    KN_OBJECT_HEAD;
    unsigned long owner;
    unsigned long count;
    KnObject *weakreflist;
} ThRLock;

typedef struct ThLocal {
    KN_OBJECT_HEAD;
    KnObject *dict;
    KnObject *weakreflist;
} ThLocal;

extern KnTypeObject th_lock_type, th_rlock_type, th_local_type;

static unsigned long current_ident(void)
{
    return (unsigned long)pthread_self();
}

/* acquire(blocking=True, timeout=-1) arguments as CPython checks them;
 * *timeout < 0 means "wait forever". */
static int parse_acquire(const char *fname, KnObject *const *args, kn_ssize_t nargs,
                         KnObject *kwnames, double *timeout)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    KnArgSpec spec = {fname, names, 0, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return -1;
    int blocking = 1;
    if (a[0] != NULL && (blocking = ob_is_true(a[0])) < 0)
        return -1;
    double t = -1.0;
    if (a[1] != NULL && (t = ob_float_as_double(a[1])) == -1.0 && ob_err_occurred())
        return -1;
    if (!blocking && t != -1.0) {
        ob_err_format(ob_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1.0) {
        ob_err_format(ob_exc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    if (t > THREAD_TIMEOUT_MAX) {
        ob_err_format(ob_exc_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout = blocking ? t : 0.0;
    return 0;
}

/* A held lock that only this (the only) thread could release. */
static int wait_held(double timeout)
{
    if (timeout < 0) {
        ob_err_format(ob_exc_RuntimeError,
                      "Kiln: acquiring a held lock would wait forever "
                      "(threads are not supported yet)");
        return -1;
    }
    struct timespec ts = { (time_t)timeout, (long)((timeout - floor(timeout)) * 1e9) };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
    return 0;
}

/* ---- lock ---- */

static KnObject *lock_acquire(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              KnObject *kwnames)
{
    double timeout;
    if (parse_acquire("acquire", args, nargs, kwnames, &timeout) < 0)
        return NULL;
    ThLock *l = (ThLock *)self;
    if (!l->locked) {
        l->locked = 1;
        return KN_True;
    }
    if (timeout != 0.0 && wait_held(timeout) < 0)
        return NULL;
    return KN_False;
}

static KnObject *lock_release(KnObject *self, KnObject *unused)
{
    (void)unused;
    ThLock *l = (ThLock *)self;
    if (!l->locked)
        return ob_err_format(ob_exc_RuntimeError, "release unlocked lock");
    l->locked = 0;
    return KN_None;
}

static KnObject *lock_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return lock_release(self, NULL);
}

static KnObject *lock_locked(KnObject *self, KnObject *unused)
{
    (void)unused;
    return KN_BOOL(((ThLock *)self)->locked);
}

static KnObject *lock_at_fork(KnObject *self, KnObject *unused)
{
    (void)unused;
    ((ThLock *)self)->locked = 0;
    return KN_None;
}

static KnObject *lock_repr(KnObject *self)
{
    return ob_str_from_format("<%s %s object at %p>",
                              ((ThLock *)self)->locked ? "locked" : "unlocked",
                              ob_type_name(KN_TYPE(self)), (void *)self);
}

static KnMethodDef lock_methods[] = {
    {"acquire", FC(lock_acquire), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Lock the lock; returns True if it was acquired."},
    {"acquire_lock", FC(lock_acquire), KN_METH_FASTCALL | KN_METH_KEYWORDS, "An obsolete synonym of acquire()."},
    {"__enter__", FC(lock_acquire), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Lock the lock."},
    {"release", FC(lock_release), KN_METH_NOARGS, "Release the lock."},
    {"release_lock", FC(lock_release), KN_METH_NOARGS, "An obsolete synonym of release()."},
    {"__exit__", FC(lock_exit), KN_METH_FASTCALL, "Release the lock."},
    {"locked", FC(lock_locked), KN_METH_NOARGS, "Whether the lock is held."},
    {"locked_lock", FC(lock_locked), KN_METH_NOARGS, "An obsolete synonym of locked()."},
    {"_at_fork_reinit", FC(lock_at_fork), KN_METH_NOARGS, "Reset the lock after fork."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject th_lock_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(ThLock),
    .tp_repr = lock_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "A lock object (one thread only in Kiln for now).",
    .tp_weaklistoffset = offsetof(ThLock, weakreflist),
    .tp_methods = lock_methods,
};

static KnObject *new_lock(void)
{
    ThLock *l = (ThLock *)ob_type_generic_alloc(&th_lock_type, 0);
    return (KnObject *)l;
}

/* ---- RLock ---- */

static KnObject *rlock_acquire(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                               KnObject *kwnames)
{
    double timeout;
    if (parse_acquire("acquire", args, nargs, kwnames, &timeout) < 0)
        return NULL;
    ThRLock *r = (ThRLock *)self;
    unsigned long me = current_ident();
    if (r->count > 0 && r->owner == me) {
        r->count++;
        return KN_True;
    }
    if (r->count == 0) {
        r->owner = me;
        r->count = 1;
        return KN_True;
    }
    if (timeout != 0.0 && wait_held(timeout) < 0)
        return NULL;
    return KN_False;
}

static KnObject *rlock_release(KnObject *self, KnObject *unused)
{
    (void)unused;
    ThRLock *r = (ThRLock *)self;
    if (r->count == 0 || r->owner != current_ident())
        return ob_err_format(ob_exc_RuntimeError, "cannot release un-acquired lock");
    if (--r->count == 0)
        r->owner = 0;
    return KN_None;
}

static KnObject *rlock_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return rlock_release(self, NULL);
}

static KnObject *rlock_is_owned(KnObject *self, KnObject *unused)
{
    (void)unused;
    ThRLock *r = (ThRLock *)self;
    return KN_BOOL(r->count > 0 && r->owner == current_ident());
}

static KnObject *rlock_release_save(KnObject *self, KnObject *unused)
{
    (void)unused;
    ThRLock *r = (ThRLock *)self;
    if (r->count == 0)
        return ob_err_format(ob_exc_RuntimeError, "cannot release un-acquired lock");
    KnObject *c = ob_int_from_size(r->count), *o = ob_int_from_unsigned_long_long(r->owner);
    if (c == NULL || o == NULL)
        return NULL;
    r->count = 0;
    r->owner = 0;
    return ob_tuple_pack(2, c, o);
}

static KnObject *rlock_acquire_restore(KnObject *self, KnObject *state)
{
    ThRLock *r = (ThRLock *)self;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 2)
        return ob_err_format(ob_exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
    kn_ssize_t c = ob_number_as_ssize(KN_TUPLE_GET(state, 0), ob_exc_OverflowError);
    if (c == -1 && ob_err_occurred())
        return NULL;
    if (r->count > 0 && wait_held(-1) < 0)
        return NULL;
    r->owner = current_ident();
    r->count = (unsigned long)c;
    return KN_None;
}

static KnObject *rlock_at_fork(KnObject *self, KnObject *unused)
{
    (void)unused;
    ((ThRLock *)self)->count = 0;
    ((ThRLock *)self)->owner = 0;
    return KN_None;
}

static KnObject *rlock_repr(KnObject *self)
{
    ThRLock *r = (ThRLock *)self;
    return ob_str_from_format("<%s %s object owner=%lu count=%lu at %p>",
                              r->count ? "locked" : "unlocked", ob_type_name(KN_TYPE(self)),
                              r->owner, r->count, (void *)self);
}

static KnMethodDef rlock_methods[] = {
    {"acquire", FC(rlock_acquire), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Lock the lock."},
    {"__enter__", FC(rlock_acquire), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Lock the lock."},
    {"release", FC(rlock_release), KN_METH_NOARGS, "Release the lock."},
    {"__exit__", FC(rlock_exit), KN_METH_FASTCALL, "Release the lock."},
    {"_is_owned", FC(rlock_is_owned), KN_METH_NOARGS, "For internal use by threading."},
    {"_release_save", FC(rlock_release_save), KN_METH_NOARGS, "For internal use by threading."},
    {"_acquire_restore", FC(rlock_acquire_restore), KN_METH_O, "For internal use by threading."},
    {"_at_fork_reinit", FC(rlock_at_fork), KN_METH_NOARGS, "Reset the lock after fork."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject th_rlock_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(ThRLock),
    .tp_repr = rlock_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "A reentrant lock.",
    .tp_weaklistoffset = offsetof(ThRLock, weakreflist),
    .tp_methods = rlock_methods,
    .tp_new = ob_type_generic_new,
};

/* ---- _local: one thread, so one dict per object ---- */

KnTypeObject th_local_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(ThLocal),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Thread-local data.",
    .tp_weaklistoffset = offsetof(ThLocal, weakreflist),
    .tp_dictoffset = offsetof(ThLocal, dict),
    .tp_new = ob_type_generic_new,
};

/* ---- module functions ---- */

static KnObject *th_allocate_lock(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return new_lock();
}

static KnObject *th_get_ident(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_unsigned_long_long(current_ident());
}

static KnObject *th_get_native_id(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_long_long((long long)syscall(SYS_gettid));
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
    return ob_err_format(ob_exc_RuntimeError, "Kiln: threads are not supported yet");
}

static KnObject *th_count(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_ssize(0);
}

static KnObject *th_stack_size(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    static kn_ssize_t size;
    if (ob_args_check_positional("stack_size", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t old = size;
    if (nargs == 1) {
        kn_ssize_t n = ob_number_as_ssize(args[0], ob_exc_OverflowError);
        if (n == -1 && ob_err_occurred())
            return NULL;
        if (n < 0)
            return ob_err_format(ob_exc_ValueError, "size must be 0 or a positive value");
        if (n != 0 && n < 32768)
            return ob_err_format(ob_exc_ValueError, "size not valid: %zd bytes", n);
        size = n;
    }
    return ob_int_from_ssize(old);
}

static KnObject *th_daemon_allowed(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return KN_True;
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
    if (raise((int)sig) != 0)
        return ob_err_format(ob_exc_OSError, "cannot raise signal %zd", sig);
    return KN_None;
}

static KnMethodDef th_functions[] = {
    {"allocate_lock", FC(th_allocate_lock), KN_METH_NOARGS, "Create a new lock object."},
    {"allocate", FC(th_allocate_lock), KN_METH_NOARGS, "An obsolete synonym of allocate_lock()."},
    {"get_ident", FC(th_get_ident), KN_METH_NOARGS, "The current thread's identifier."},
    {"get_native_id", FC(th_get_native_id), KN_METH_NOARGS, "The kernel's id of this thread."},
    {"start_new_thread", FC(th_start_new_thread), KN_METH_FASTCALL,
     "Start a new thread (not supported by Kiln yet)."},
    {"start_new", FC(th_start_new_thread), KN_METH_FASTCALL, "An obsolete synonym."},
    {"_count", FC(th_count), KN_METH_NOARGS, "Number of threads started by _thread."},
    {"stack_size", FC(th_stack_size), KN_METH_FASTCALL, "Get or set the thread stack size."},
    {"daemon_threads_allowed", FC(th_daemon_allowed), KN_METH_NOARGS,
     "Whether daemon threads are allowed."},
    {"_set_sentinel", FC(th_allocate_lock), KN_METH_NOARGS,
     "A lock released when the thread state ends."},
    {"interrupt_main", FC(th_interrupt_main), KN_METH_FASTCALL,
     "Simulate the arrival of a signal in the main thread."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__thread(void)
{
    if (ob_type_ready(&th_lock_type) < 0 || ob_type_ready(&th_rlock_type) < 0
        || ob_type_ready(&th_local_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_thread");
    KnObject *tmax = ob_float_from_double(THREAD_TIMEOUT_MAX);
    if (m == NULL || tmax == NULL || ob_module_add_functions(m, th_functions) < 0
        || ob_module_add_object(m, "LockType", (KnObject *)&th_lock_type) < 0
        || ob_module_add_object(m, "RLock", (KnObject *)&th_rlock_type) < 0
        || ob_module_add_object(m, "_local", (KnObject *)&th_local_type) < 0
        || ob_module_add_object(m, "error", (KnObject *)ob_exc_RuntimeError) < 0
        || ob_module_add_object(m, "TIMEOUT_MAX", tmax) < 0)
        return NULL;
    return m;
}
