/* libjit/src/gil.c — the global interpreter lock (NOTES-threads.md).
 *
 * One lock, as CPython 3.11's: whoever runs Python code or touches Python
 * objects holds it.  A thread that wants it waits on a condition variable
 * for one switch interval; if the holder has not let go by then (the
 * switch counter did not move), the waiter sets the drop request and
 * jit_eval_pending, so the holder's next safe point (RESUME or
 * JUMP_BACKWARD, the same poll that serves signals and finalizers) lands
 * in jit_gil_eval_breaker, which hands the lock over and waits until the
 * waiter really took it (forced switching: without it the holder would
 * usually win the race back).
 *
 * Signals: only the main thread runs Python handlers.  A non-main thread
 * that reaches the breaker leaves the handlers alone; the main thread sets
 * jit_eval_pending itself whenever it takes the lock again, so a signal
 * recorded while it waited is handled at its first safe point. */
#include <errno.h>
#include <pthread.h>
#include <time.h>

#include "eval.h"
#include "gil.h"
#include "libjit/jit.h"

static struct {
    pthread_mutex_t mu;
    pthread_cond_t free;        /* signalled when the lock is let go */
    pthread_cond_t switched;    /* broadcast when a new holder took it */
    int ready;
    int locked;
    int waiters;
    unsigned long switches;     /* takes so far: a waiter sees progress */
    long interval_us;           /* sys.setswitchinterval, in microseconds */
} gil = {
    .mu = PTHREAD_MUTEX_INITIALIZER,
    .free = PTHREAD_COND_INITIALIZER,
    .switched = PTHREAD_COND_INITIALIZER,
    .interval_us = 5000,
};

/* Set by a waiter whose interval ran out; read at the holder's breaker. */
static volatile int drop_request;

static void deadline_after(struct timespec *ts, long us)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_sec += us / 1000000;
    ts->tv_nsec += (us % 1000000) * 1000;
    if (ts->tv_nsec >= 1000000000) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000;
    }
}

static void init_conds(void)
{
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&gil.free, &ca);
    pthread_cond_init(&gil.switched, &ca);
    pthread_condattr_destroy(&ca);
}

/* In the child of fork() only the forking thread exists: it holds the
 * lock and becomes the main thread (as CPython's PyOS_AfterFork_Child). */
static void gil_after_fork_child(void)
{
    pthread_mutex_init(&gil.mu, NULL);
    init_conds();
    gil.locked = 1;
    gil.waiters = 0;
    drop_request = 0;
    ob_tstate_make_main();
}

void jit_gil_init(void)
{
    if (gil.ready)
        return;
    init_conds();
    pthread_atfork(NULL, NULL, gil_after_fork_child);
    gil.locked = 1;             /* the main thread holds it from the start */
    gil.switches = 1;
    gil.ready = 1;
    ob_gil_set_hooks(kn_gil_release, kn_gil_acquire);
}

void kn_gil_acquire(void)
{
    if (!gil.ready)
        return;
    int saved = errno;
    pthread_mutex_lock(&gil.mu);
    if (gil.locked) {
        gil.waiters++;
        while (gil.locked) {
            unsigned long seen = gil.switches;
            struct timespec dl;
            deadline_after(&dl, gil.interval_us);
            int r = pthread_cond_timedwait(&gil.free, &gil.mu, &dl);
            if (r == ETIMEDOUT && gil.locked && gil.switches == seen) {
                drop_request = 1;
                jit_eval_pending = 1;
            }
        }
        gil.waiters--;
    }
    gil.locked = 1;
    gil.switches++;
    drop_request = 0;
    pthread_cond_broadcast(&gil.switched);
    pthread_mutex_unlock(&gil.mu);
    if (ob_tstate_is_main())
        jit_eval_pending = 1;   /* signals recorded while we were away */
    errno = saved;
}

void kn_gil_release(void)
{
    if (!gil.ready)
        return;
    int saved = errno;
    pthread_mutex_lock(&gil.mu);
    gil.locked = 0;
    pthread_cond_signal(&gil.free);
    pthread_mutex_unlock(&gil.mu);
    errno = saved;
}

/* Hand the lock to a waiter and take it back after it had its turn. */
static void gil_yield(void)
{
    pthread_mutex_lock(&gil.mu);
    unsigned long seen = gil.switches;
    gil.locked = 0;
    pthread_cond_signal(&gil.free);
    if (drop_request)
        while (gil.switches == seen && gil.waiters > 0)
            pthread_cond_wait(&gil.switched, &gil.mu);
    pthread_mutex_unlock(&gil.mu);
    kn_gil_acquire();
}

int jit_gil_eval_breaker(void)
{
    jit_eval_pending = 0;
    if (drop_request && gil.ready)
        gil_yield();
    if (!ob_tstate_is_main())
        return 0;
    if (jit_finalizing_here) {
        jit_signals_skipped = 1;
        return 0;
    }
    return jit_eval_pending_hook != NULL ? jit_eval_pending_hook() : 0;
}

double kn_gil_get_switch_interval(void)
{
    return (double)gil.interval_us / 1e6;
}

void kn_gil_set_switch_interval(double seconds)
{
    double us = seconds * 1e6;
    long v = us >= 1e12 ? 1000000000000L : (long)us;
    gil.interval_us = v < 1 ? 1 : v;
}
