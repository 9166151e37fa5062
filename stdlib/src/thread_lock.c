/*
 * thread_lock.c — `_thread.lock` and `_thread.RLock` (NOTES-thread.md).
 *
 * Both wait on the lock's POSIX semaphore with the GIL released.  A wait
 * interrupted by a signal (EINTR) takes the GIL back and runs the signal
 * check (Python handlers, main thread only): if a handler raised, acquire
 * raises it; otherwise the wait goes on for what is left of the timeout.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "stdlib/signals.h"
#include "thread_internal.h"

unsigned long th_ident(void)
{
    return (unsigned long)pthread_self();
}

/* A timeout argument as CPython converts it (a float or an int). */
static int timeout_arg(KnObject *o, double *out)
{
    if (KN_FLOAT_CHECK(o)) {
        *out = ob_float_as_double(o);
        if (isnan(*out)) {
            ob_err_format(ob_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        KnObject *i = ob_number_index(o);
        if (i == NULL) {
            if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
                ob_err_clear();
                ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              ob_type_name(KN_TYPE(o)));
            }
            return -1;
        }
        *out = ob_int_as_double(i);
        if (*out == -1.0 && ob_err_occurred())
            return -1;
    }
    double ns = *out * 1e9;          /* CPython's _PyTime_t is int64 ns */
    if (ns >= 9223372036854775808.0 || ns < -9223372036854775808.0) {
        ob_err_format(ob_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    return 0;
}

/* acquire(blocking=True, timeout=-1); *timeout < 0 means "wait forever". */
static int parse_acquire(KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames,
                         double *timeout)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    KnArgSpec spec = {"acquire", names, 0, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return -1;
    int blocking = 1;
    if (a[0] != NULL && (blocking = ob_is_true(a[0])) < 0)
        return -1;
    double t = -1.0;
    if (a[1] != NULL && timeout_arg(a[1], &t) < 0)
        return -1;
    if (!blocking && t != -1.0) {
        ob_err_format(ob_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1.0) {
        ob_err_format(ob_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    *timeout = blocking ? t : 0.0;
    return 0;
}

/* 1 acquired, 0 timed out, -1 with the exception a signal handler raised. */
static int sem_acquire(sem_t *sem, double timeout)
{
    if (sem_trywait(sem) == 0)
        return 1;
    if (timeout == 0.0)
        return 0;
    struct timespec deadline;
    if (timeout > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        double whole = floor(timeout);
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    for (;;) {
        ob_gil_release();
        int r = timeout < 0 ? sem_wait(sem) : sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
        ob_gil_acquire();
        if (r == 0)
            return 1;
        if (errno == ETIMEDOUT)
            return 0;
        if (errno == EINTR && kn_signal_check() < 0)
            return -1;
    }
}

static void sem_release(sem_t *sem)
{
    sem_post(sem);
}

/* ---- lock ---- */

KnObject *th_lock_new(void)
{
    ThLock *l = (ThLock *)ob_type_generic_alloc(&th_lock_type, 0);
    if (l == NULL)
        return NULL;
    sem_init(&l->sem, 0, 1);
    return (KnObject *)l;
}

void th_lock_release_quiet(KnObject *lock)
{
    ThLock *l = (ThLock *)lock;
    if (l->locked) {
        l->locked = 0;
        sem_release(&l->sem);
    }
}

static KnObject *lock_acquire(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              KnObject *kwnames)
{
    double timeout;
    if (parse_acquire(args, nargs, kwnames, &timeout) < 0)
        return NULL;
    ThLock *l = (ThLock *)self;
    int r = sem_acquire(&l->sem, timeout);
    if (r < 0)
        return NULL;
    if (r)
        l->locked = 1;
    return KN_BOOL(r);
}

static KnObject *lock_release(KnObject *self, KnObject *unused)
{
    (void)unused;
    ThLock *l = (ThLock *)self;
    if (!l->locked)
        return ob_err_format(ob_exc_RuntimeError, "release unlocked lock");
    th_lock_release_quiet(self);
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
    ThLock *l = (ThLock *)self;
    sem_init(&l->sem, 0, 1);
    l->locked = 0;
    return KN_None;
}

static KnObject *lock_repr(KnObject *self)
{
    return ob_str_from_format("<%s %s object at %p>",
                              ((ThLock *)self)->locked ? "locked" : "unlocked",
                              KN_TYPE(self)->tp_name, (void *)self);
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
    .tp_doc = "A lock object: acquire() blocks until another thread releases it.",
    .tp_weaklistoffset = offsetof(ThLock, weakreflist),
    .tp_methods = lock_methods,
};

/* ---- RLock: a lock plus its owner and recursion count ---- */

typedef struct ThRLock {
    KN_OBJECT_HEAD;
    sem_t sem;
    unsigned long owner;
    unsigned long count;
    KnObject *weakreflist;
} ThRLock;

static KnObject *rlock_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    (void)args;
    (void)kwargs;
    ThRLock *r = (ThRLock *)ob_type_generic_alloc(type, 0);
    if (r == NULL)
        return NULL;
    sem_init(&r->sem, 0, 1);
    return (KnObject *)r;
}

static KnObject *rlock_acquire(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                               KnObject *kwnames)
{
    double timeout;
    if (parse_acquire(args, nargs, kwnames, &timeout) < 0)
        return NULL;
    ThRLock *r = (ThRLock *)self;
    unsigned long me = th_ident();
    if (r->count > 0 && r->owner == me) {
        if (r->count == (unsigned long)-1)
            return ob_err_format(ob_exc_OverflowError, "Internal lock count overflowed");
        r->count++;
        return KN_True;
    }
    int got = sem_acquire(&r->sem, timeout);
    if (got < 0)
        return NULL;
    if (got) {
        r->owner = me;
        r->count = 1;
    }
    return KN_BOOL(got);
}

static KnObject *rlock_release(KnObject *self, KnObject *unused)
{
    (void)unused;
    ThRLock *r = (ThRLock *)self;
    if (r->count == 0 || r->owner != th_ident())
        return ob_err_format(ob_exc_RuntimeError, "cannot release un-acquired lock");
    if (--r->count == 0) {
        r->owner = 0;
        sem_release(&r->sem);
    }
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
    return KN_BOOL(r->count > 0 && r->owner == th_ident());
}

static KnObject *rlock_release_save(KnObject *self, KnObject *unused)
{
    (void)unused;
    ThRLock *r = (ThRLock *)self;
    if (r->count == 0)
        return ob_err_format(ob_exc_RuntimeError, "cannot release un-acquired lock");
    KnObject *c = ob_int_from_unsigned_long_long(r->count);
    KnObject *o = ob_int_from_unsigned_long_long(r->owner);
    KnObject *t = c && o ? ob_tuple_pack(2, c, o) : NULL;
    if (t == NULL)
        return NULL;
    r->count = 0;
    r->owner = 0;
    sem_release(&r->sem);
    return t;
}

static KnObject *rlock_acquire_restore(KnObject *self, KnObject *state)
{
    ThRLock *r = (ThRLock *)self;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 2)
        return ob_err_format(ob_exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
    unsigned long long v[2];
    for (int i = 0; i < 2; i++) {
        KnObject *n = ob_number_index(KN_TUPLE_GET(state, i));
        int of = 0;
        long long x = n ? ob_int_as_long_long_and_overflow(n, &of) : -1;
        if (n == NULL || (x == -1 && ob_err_occurred()))
            return NULL;
        if (of || x < 0)
            return ob_err_format(ob_exc_OverflowError, "_acquire_restore() value out of range");
        v[i] = (unsigned long long)x;
    }
    if (sem_acquire(&r->sem, -1.0) < 0)
        return NULL;
    r->count = (unsigned long)v[0];
    r->owner = (unsigned long)v[1];
    return KN_None;
}

static KnObject *rlock_at_fork(KnObject *self, KnObject *unused)
{
    (void)unused;
    ThRLock *r = (ThRLock *)self;
    sem_init(&r->sem, 0, 1);
    r->count = 0;
    r->owner = 0;
    return KN_None;
}

static KnObject *rlock_repr(KnObject *self)
{
    ThRLock *r = (ThRLock *)self;
    return ob_str_from_format("<%s %s object owner=%lu count=%lu at %p>",
                              r->count ? "locked" : "unlocked", KN_TYPE(self)->tp_name,
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
    .tp_new = rlock_new,
};
