/*
 * queue_module.c — the `_queue` module: SimpleQueue (an unbounded FIFO:
 * put / put_nowait never block; get / get_nowait with block and timeout)
 * and the Empty exception.
 *
 * Items live in a list with a head index (compacted when the consumed
 * prefix passes half the list).  A blocking get waits on a condition
 * variable with a monotonic deadline and the GIL released (sq_wait), so
 * another thread can fill the queue meanwhile.  The wait is not
 * interrupted by signals (Ctrl-C reaches the waiter when it wakes).
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>

#include "libobject/libobject.h"
#include "libobject/slice.h"
#include "intarg.h"

KnObject *kn_init__queue(void);

typedef struct SimpleQueue {
    KN_OBJECT_HEAD;
    KnObject *items;       /* list */
    kn_ssize_t head;       /* index of the next item to get */
    KnObject *weakreflist;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} SimpleQueue;

static KnTypeObject sq_type;
static KnObject *sq_empty_exc;

#define SQ(o) ((SimpleQueue *)(o))

static KnObject *sq_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_length(args) > 0) {
        ob_err_set_string(ob_exc_TypeError, "SimpleQueue() takes no positional arguments");
        return NULL;
    }
    if (kwargs != NULL && ob_length(kwargs) > 0) {
        ob_err_set_string(ob_exc_TypeError, "SimpleQueue() takes no keyword arguments");
        return NULL;
    }
    SimpleQueue *q = (SimpleQueue *)ob_type_generic_alloc(t, 0);
    if (q == NULL || (q->items = ob_list_new(0)) == NULL)
        return NULL;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->cv, &ca);
    pthread_condattr_destroy(&ca);
    return (KnObject *)q;
}

static kn_ssize_t sq_count(KnObject *o)
{
    return ob_length(SQ(o)->items) - SQ(o)->head;
}

static KnObject *sq_put(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"item", "block", "timeout", NULL};
    static const KnArgSpec spec = {"put", names, 1, 3, 0};
    KnObject *a[3] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    pthread_mutex_lock(&SQ(self)->mu);
    int r = ob_list_append(SQ(self)->items, a[0]);
    pthread_cond_signal(&SQ(self)->cv);
    pthread_mutex_unlock(&SQ(self)->mu);
    return r < 0 ? NULL : KN_None;
}

static KnObject *sq_put_nowait(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"item", NULL};
    static const KnArgSpec spec = {"put_nowait", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    return sq_put(self, a, 1, NULL);
}

/* Wait, with the GIL released, until an item is there or the deadline
 * passes (deadline NULL: forever).  Returns 0 when the deadline passed.
 * The mutex is let go before the GIL is taken back: a putter holds the GIL
 * while it takes the mutex, so the opposite order could deadlock.  The
 * caller re-checks the count with the GIL held (another getter may have
 * been first). */
static int sq_wait(SimpleQueue *q, const struct timespec *deadline)
{
    int timed_out = 0;
    pthread_mutex_lock(&q->mu);
    ob_gil_release();
    while (sq_count((KnObject *)q) == 0 && !timed_out) {
        int r = deadline ? pthread_cond_timedwait(&q->cv, &q->mu, deadline)
                         : pthread_cond_wait(&q->cv, &q->mu);
        timed_out = r == ETIMEDOUT;
    }
    pthread_mutex_unlock(&q->mu);
    ob_gil_acquire();
    return !timed_out;
}

static KnObject *sq_take(SimpleQueue *q)
{
    KnObject *item = ob_sequence_getitem(q->items, q->head);
    if (item == NULL)
        return NULL;
    q->head++;
    kn_ssize_t n = ob_length(q->items);
    if (q->head == n) {
        q->items = ob_list_new(0);
        q->head = 0;
    } else if (q->head > 16 && q->head * 2 > n) {
        KnObject *rest = ob_getitem(q->items, ob_slice_new(ob_int_from_long_long(q->head), KN_None, KN_None));
        if (rest == NULL)
            return NULL;
        q->items = rest;
        q->head = 0;
    }
    return item;
}

static KnObject *sq_get_impl(KnObject *self, int block, KnObject *timeout)
{
    SimpleQueue *q = SQ(self);
    struct timespec deadline, *dp = NULL;
    if (block && timeout != NULL && timeout != KN_None) {
        double secs;
        if (KN_FLOAT_CHECK(timeout)) {
            secs = ob_float_as_double(timeout);
        } else {
            long long v;
            int overflow;
            if (kn_arg_index_ll(timeout, &v, &overflow) < 0)
                return NULL;
            secs = overflow ? (overflow > 0 ? HUGE_VAL : -HUGE_VAL) : (double)v;
        }
        if (secs < 0) {
            ob_err_set_string(ob_exc_ValueError, "'timeout' must be a non-negative number");
            return NULL;
        }
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        if (secs > 1e9)
            secs = 1e9;
        double whole = floor(secs);
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((secs - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
        dp = &deadline;
    }
    while (block && sq_count(self) == 0 && sq_wait(q, dp))
        ;
    pthread_mutex_lock(&q->mu);
    KnObject *item = NULL;
    int empty = sq_count(self) == 0;
    if (!empty)
        item = sq_take(q);
    pthread_mutex_unlock(&q->mu);
    if (empty)
        ob_err_set_none((KnTypeObject *)sq_empty_exc);
    return item;
}

static KnObject *sq_get(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"block", "timeout", NULL};
    static const KnArgSpec spec = {"get", names, 0, 2, 0};
    KnObject *a[2] = {0};
    int block = 1;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || (a[0] != NULL && (block = ob_is_true(a[0])) < 0))
        return NULL;
    return sq_get_impl(self, block, a[1]);
}

static KnObject *sq_get_nowait(KnObject *self, KnObject *unused)
{
    (void)unused;
    return sq_get_impl(self, 0, NULL);
}

static KnObject *sq_empty(KnObject *self, KnObject *unused)
{
    (void)unused;
    return KN_BOOL(sq_count(self) == 0);
}

static KnObject *sq_qsize(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_int_from_long_long(sq_count(self));
}

#define SQ_FC(f) ((KnCFunction)(void (*)(void))(f))
#define SQ_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

static KnMethodDef sq_methods[] = {
    {"put", SQ_FC(sq_put), SQ_KW, "Put the item on the queue."},
    {"put_nowait", SQ_FC(sq_put_nowait), SQ_KW, "Put an item into the queue without blocking."},
    {"get", SQ_FC(sq_get), SQ_KW, "Remove and return an item from the queue."},
    {"get_nowait", SQ_FC(sq_get_nowait), KN_METH_NOARGS, "Remove and return an item from the queue without blocking."},
    {"empty", SQ_FC(sq_empty), KN_METH_NOARGS, "Return True if the queue is empty, False otherwise (not reliable!)."},
    {"qsize", SQ_FC(sq_qsize), KN_METH_NOARGS, "Return the approximate size of the queue (not reliable!)."},
    {NULL, NULL, 0, NULL},   /* __class_getitem__, filled at init */
    {NULL, NULL, 0, NULL}
};

static KnTypeObject sq_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_queue.SimpleQueue",
    .tp_basicsize = sizeof(SimpleQueue),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Simple, unbounded, reentrant FIFO queue.",
    .tp_weaklistoffset = offsetof(SimpleQueue, weakreflist),
    .tp_methods = sq_methods,
    .tp_new = sq_new,
};

KnObject *kn_init__queue(void)
{
    sq_methods[6] = ob_generic_alias_class_getitem_def;
    if (ob_type_ready(&sq_type) < 0)
        return NULL;
    if (sq_empty_exc == NULL) {
        KnObject *dict = ob_dict_new();
        if (dict == NULL || ob_dict_setitem_str(dict, "__module__", ob_str_from_cstr("_queue")) < 0
            || ob_dict_setitem_str(dict, "__doc__", ob_str_from_cstr("Exception raised by Queue.get(block=0)/get_nowait().")) < 0)
            return NULL;
        sq_empty_exc = ob_type_new(&ob_type_type, ob_str_from_cstr("Empty"),
                                   ob_tuple_pack(1, (KnObject *)ob_exc_Exception), dict);
        if (sq_empty_exc == NULL)
            return NULL;
    }
    KnObject *mod = ob_module_new_cstr("_queue");
    if (mod == NULL || ob_module_add_object(mod, "SimpleQueue", (KnObject *)&sq_type) < 0
        || ob_module_add_object(mod, "Empty", sq_empty_exc) < 0)
        return NULL;
    return mod;
}
