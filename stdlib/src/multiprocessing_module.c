/*
 * multiprocessing_module.c — the `_multiprocessing` module on Linux:
 * SemLock (a lock or semaphore over a POSIX named semaphore, the type
 * multiprocessing.synchronize builds Lock, RLock, Semaphore, Condition and
 * Event on), sem_unlink and the `flags` dict.
 *
 * A SemLock counts how often this process holds it (`count`) and which
 * thread took it last, so a RECURSIVE_MUTEX (kind 0) re-enters without
 * touching the semaphore and refuses a release from a non-owner, as
 * CPython's does.  acquire tries sem_trywait first, then blocks in
 * sem_wait / sem_timedwait (an absolute CLOCK_REALTIME deadline); EINTR
 * runs the signal handlers and retries.  A handle this object opened
 * (constructor, _rebuild with a name) is closed when it is finalized; a
 * handle merely adopted by _rebuild(handle, ..., None) is not, since its
 * owner still uses it.
 */
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

#include "libgc/gc.h"
#include "stdlib/signals.h"
#include "unix_internal.h"

KnObject *kn_init__multiprocessing(void);

enum { SL_RECURSIVE_MUTEX, SL_SEMAPHORE };

typedef struct SemLock {
    KN_OBJECT_HEAD;
    sem_t *handle;
    unsigned long handle_addr;   /* the `handle` member: the address as an int */
    pthread_t last_tid;
    int count;
    int maxvalue;
    int kind;
    int owns_handle;             /* sem_close it when finalized */
    char *name;                  /* NULL after unlink (the `name` member: None) */
} SemLock;

#define SL(o) ((SemLock *)(o))

static KnTypeObject sl_type;

static int sl_is_mine(SemLock *s)
{
    return s->count > 0 && pthread_equal(s->last_tid, pthread_self());
}

static KnObject *sl_wrap(KnTypeObject *t, sem_t *handle, int kind, int maxvalue, const char *name,
                         int owns)
{
    SemLock *s = (SemLock *)ob_type_generic_alloc(t, 0);
    if (s == NULL)
        return NULL;
    s->handle = handle;
    s->handle_addr = (unsigned long)(uintptr_t)handle;
    s->kind = kind;
    s->maxvalue = maxvalue;
    s->owns_handle = owns;
    if (name != NULL) {
        size_t n = strlen(name) + 1;
        if ((s->name = kgc_alloc_atomic(n)) == NULL)
            return ob_err_nomemory();
        memcpy(s->name, name, n);
    }
    return (KnObject *)s;
}

static KnObject *sl_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"kind", "value", "maxvalue", "name", "unlink", NULL};
    static const KnArgSpec spec = {"SemLock", names, 5, 5, 0};
    KnObject *a[5] = {0};
    int kind, value, maxvalue, unlink;
    const char *name;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0 || ux_cint_arg(a[0], &kind) < 0
        || ux_cint_arg(a[1], &value) < 0 || ux_cint_arg(a[2], &maxvalue) < 0
        || (name = ux_utf8_arg(a[3], "SemLock", "argument 'name'", 1)) == NULL || ux_cint_arg(a[4], &unlink) < 0)
        return NULL;
    if (kind != SL_RECURSIVE_MUTEX && kind != SL_SEMAPHORE) {
        ob_err_set_string(ob_exc_ValueError, "unrecognized kind");
        return NULL;
    }
    sem_t *h = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned int)value);
    if (h == SEM_FAILED)
        return ux_oserror();
    if (unlink && sem_unlink(name) < 0) {
        int e = errno;
        sem_close(h);
        errno = e;
        return ux_oserror();
    }
    KnObject *s = sl_wrap(t, h, kind, maxvalue, unlink ? NULL : name, 1);
    if (s == NULL)
        sem_close(h);
    return s;
}

static void sl_finalize(KnObject *self)
{
    if (SL(self)->owns_handle && SL(self)->handle != NULL) {
        sem_close(SL(self)->handle);
        SL(self)->handle = NULL;
    }
}

/* An absolute CLOCK_REALTIME deadline `secs` from now. */
static void sl_deadline(double secs, struct timespec *ts)
{
    clock_gettime(CLOCK_REALTIME, ts);
    if (secs > 1e9)
        secs = 1e9;
    double whole = floor(secs);
    ts->tv_sec += (time_t)whole;
    ts->tv_nsec += (long)((secs - whole) * 1e9);
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

static KnObject *sl_acquire(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"block", "timeout", NULL};
    static const KnArgSpec spec = {"acquire", names, 0, 2, 0};
    KnObject *a[2] = {0};
    int block = 1;
    SemLock *s = SL(self);
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || (a[0] && ux_cint_arg(a[0], &block) < 0))
        return NULL;
    if (s->kind == SL_RECURSIVE_MUTEX && sl_is_mine(s)) {
        s->count++;
        return KN_True;
    }
    struct timespec deadline;
    int timed = a[1] != NULL && a[1] != KN_None;
    if (timed) {
        double secs = ob_float_as_double(a[1]);
        if (secs == -1.0 && ob_err_occurred())
            return NULL;
        sl_deadline(secs < 0 ? 0 : secs, &deadline);
    }
    int r;
    while ((r = sem_trywait(s->handle)) < 0 && errno == EINTR)
        if (kn_signal_check() < 0)
            return NULL;
    if (r < 0 && errno == EAGAIN && block) {
        while ((r = timed ? sem_timedwait(s->handle, &deadline) : sem_wait(s->handle)) < 0
               && errno == EINTR)
            if (kn_signal_check() < 0)
                return NULL;
    }
    if (r < 0) {
        if (errno == EAGAIN || errno == ETIMEDOUT)
            return KN_False;
        return ux_oserror();
    }
    s->count++;
    s->last_tid = pthread_self();
    return KN_True;
}

static KnObject *sl_release(KnObject *self, KnObject *unused)
{
    (void)unused;
    SemLock *s = SL(self);
    if (s->kind == SL_RECURSIVE_MUTEX) {
        if (!sl_is_mine(s)) {
            ob_err_set_string(ob_exc_AssertionError,
                              "attempt to release recursive lock not owned by thread");
            return NULL;
        }
        if (s->count > 1) {
            s->count--;
            return KN_None;
        }
    } else {
        int v;
        if (sem_getvalue(s->handle, &v) < 0)
            return ux_oserror();
        if (v >= s->maxvalue) {
            ob_err_set_string(ob_exc_ValueError, "semaphore or lock released too many times");
            return NULL;
        }
    }
    if (sem_post(s->handle) < 0)
        return ux_oserror();
    s->count--;
    return KN_None;
}

static KnObject *sl_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return sl_release(self, NULL);
}

static KnObject *sl_count(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_int_from_long_long(SL(self)->count);
}

static KnObject *sl_is_mine_fn(KnObject *self, KnObject *unused)
{
    (void)unused;
    return KN_BOOL(sl_is_mine(SL(self)));
}

static int sl_value(SemLock *s, int *v)
{
    if (sem_getvalue(s->handle, v) < 0) {
        ux_oserror();
        return -1;
    }
    if (*v < 0)   /* some systems report waiters as a negative count */
        *v = 0;
    return 0;
}

static KnObject *sl_get_value(KnObject *self, KnObject *unused)
{
    (void)unused;
    int v;
    return sl_value(SL(self), &v) < 0 ? NULL : ob_int_from_long_long(v);
}

static KnObject *sl_is_zero(KnObject *self, KnObject *unused)
{
    (void)unused;
    int v;
    return sl_value(SL(self), &v) < 0 ? NULL : KN_BOOL(v == 0);
}

static KnObject *sl_after_fork(KnObject *self, KnObject *unused)
{
    (void)unused;
    SL(self)->count = 0;
    return KN_None;
}

/* SemLock._rebuild(handle, kind, maxvalue, name): the object a pickled
 * SemLock becomes in a child process (reopened by name when it has one). */
static KnObject *sl_rebuild(KnObject *cls, KnObject *args)
{
    kn_ssize_t n = KN_SIZE(args);
    if (n != 4)
        return ob_err_format(ob_exc_TypeError, "_rebuild() takes exactly 4 arguments (%zd given)", n);
    KnObject *const *a = KN_TUPLE_ITEMS(args);
    if (KN_FLOAT_CHECK(a[0]) || !ob_index_check(a[0]))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             ob_type_name(KN_TYPE(a[0])));
    /* "k": the handle's low 64 bits, taken as two 32-bit halves */
    KnObject *idx = ob_number_index(a[0]), *m32 = ob_int_from_long_long(0xffffffffLL);
    KnObject *lo = idx ? ob_number_and(idx, m32) : NULL;
    KnObject *hi = lo ? ob_number_and(ob_number_rshift(idx, ob_int_from_long_long(32)), m32) : NULL;
    int kind, maxvalue;
    if (hi == NULL || ux_cint_arg(a[1], &kind) < 0 || ux_cint_arg(a[2], &maxvalue) < 0)
        return NULL;
    unsigned long long addr = ((unsigned long long)ob_int_as_long_long(hi) << 32)
                              | (unsigned long long)ob_int_as_long_long(lo);
    const char *name = NULL;
    if (a[3] != KN_None && (name = ux_utf8_arg(a[3], "_rebuild", "argument", 1)) == NULL)
        return NULL;
    sem_t *h = (sem_t *)(uintptr_t)addr;
    if (name != NULL && (h = sem_open(name, 0)) == SEM_FAILED)
        return ux_oserror();
    return sl_wrap((KnTypeObject *)cls, h, kind, maxvalue, name, name != NULL);
}

static KnObject *sl_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_err_format(ob_exc_TypeError, "cannot pickle '%s' object", KN_TYPE(self)->tp_name);
}

static KnMethodDef sl_methods[] = {
    {"acquire", UX_FC(sl_acquire), UX_KW, "Acquire the semaphore/lock."},
    {"release", sl_release, KN_METH_NOARGS, "Release the semaphore/lock."},
    {"__enter__", UX_FC(sl_acquire), UX_KW, "Enter the semaphore/lock."},
    {"__exit__", UX_FC(sl_exit), KN_METH_FASTCALL, "Exit the semaphore/lock."},
    {"_count", sl_count, KN_METH_NOARGS, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", sl_is_mine_fn, KN_METH_NOARGS, "Whether the lock is owned by this thread."},
    {"_get_value", sl_get_value, KN_METH_NOARGS, "Get the value of the semaphore."},
    {"_is_zero", sl_is_zero, KN_METH_NOARGS, "Return whether semaphore has value zero."},
    {"_rebuild", UX_FC(sl_rebuild), KN_METH_VARARGS | KN_METH_CLASS, NULL},
    {"_after_fork", sl_after_fork, KN_METH_NOARGS, "Rezero the net acquisition count after fork()."},
    {"__reduce__", sl_reduce, KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef sl_members[] = {
    {"handle", KN_T_ULONG, offsetof(SemLock, handle_addr), KN_READONLY, ""},
    {"kind", KN_T_INT, offsetof(SemLock, kind), KN_READONLY, ""},
    {"maxvalue", KN_T_INT, offsetof(SemLock, maxvalue), KN_READONLY, ""},
    {"name", KN_T_STRING, offsetof(SemLock, name), KN_READONLY, ""},
    {NULL, 0, 0, 0, NULL}
};

static KnTypeObject sl_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_multiprocessing.SemLock",
    .tp_basicsize = sizeof(SemLock),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "Semaphore/Mutex type",
    .tp_methods = sl_methods,
    .tp_members = sl_members,
    .tp_new = sl_new,
    .tp_finalize = sl_finalize,
};

static KnObject *mp_sem_unlink(KnObject *m, KnObject *arg)
{
    (void)m;
    const char *name = ux_utf8_arg(arg, "sem_unlink", "argument", 1);
    if (name == NULL)
        return NULL;
    if (sem_unlink(name) < 0)
        return ux_oserror();
    return KN_None;
}

static KnMethodDef mp_methods[] = {
    {"sem_unlink", mp_sem_unlink, KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__multiprocessing(void)
{
    if (sl_type.tp_dict == NULL) {
        if (ob_type_ready(&sl_type) < 0
            || ob_dict_setitem_str(sl_type.tp_dict, "SEM_VALUE_MAX", ob_int_from_long_long(SEM_VALUE_MAX)) < 0)
            return NULL;
    }
    KnObject *flags = ob_dict_new();
    KnObject *mod = ob_module_new_cstr("_multiprocessing");
    if (flags == NULL || mod == NULL
        || ob_dict_setitem_str(flags, "HAVE_SEM_OPEN", ob_int_from_long_long(1)) < 0
        || ob_dict_setitem_str(flags, "HAVE_SEM_TIMEDWAIT", ob_int_from_long_long(1)) < 0
        || ob_module_add_functions(mod, mp_methods) < 0
        || ob_module_add_object(mod, "SemLock", (KnObject *)&sl_type) < 0
        || ob_module_add_object(mod, "flags", flags) < 0)
        return NULL;
    return mod;
}
