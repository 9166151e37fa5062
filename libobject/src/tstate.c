/*
 * tstate.c — per-thread state (tstate.h).
 *
 * States are uncollectable but scanned (kgc_alloc_uncollectable): they hold
 * the current exception and are reachable only through a thread-local,
 * which Boehm does not scan.
 */
#include <errno.h>
#include <pthread.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "libgc/gc.h"
#include "libobject/tstate.h"

_Thread_local KnThreadState *ob_tstate_current;

static uint64_t tstate_next_id = 1;
static KnThreadState *tstate_main;    /* the main thread's state */

KnThreadState *ob_tstate_new_and_bind(void)
{
    KnThreadState *ts = kgc_alloc_uncollectable(sizeof *ts);
    if (ts == NULL)
        return NULL;
    ts->_initialized = 1;
    ts->recursion_limit = 1000;
    ts->recursion_remaining = 1000;
    ts->recursion_headroom = 0;
    ts->cframe = &ts->root_cframe;
    ts->exc_info = &ts->exc_state;
    ts->thread_id = (unsigned long)pthread_self();
    ts->native_thread_id = (unsigned long)syscall(SYS_gettid);
    ts->id = __atomic_fetch_add(&tstate_next_id, 1, __ATOMIC_RELAXED);
    ob_tstate_current = ts;
    if (tstate_main == NULL)
        tstate_main = ts;
    return ts;
}

/* ---- threads (tstate.h) ---- */

static void (*gil_release_hook)(void);
static void (*gil_acquire_hook)(void);

void ob_gil_set_hooks(void (*release)(void), void (*acquire)(void))
{
    gil_release_hook = release;
    gil_acquire_hook = acquire;
}

int ob_gil_installed(void)
{
    return gil_acquire_hook != NULL;
}

void ob_gil_release(void)
{
    if (gil_release_hook != NULL) {
        int saved = errno;
        gil_release_hook();
        errno = saved;
    }
}

void ob_gil_acquire(void)
{
    if (gil_acquire_hook != NULL) {
        int saved = errno;
        gil_acquire_hook();
        errno = saved;
    }
}

int ob_tstate_is_main(void)
{
    return tstate_main == NULL || ob_tstate_current == tstate_main;
}

void ob_tstate_make_main(void)
{
    tstate_main = ob_tstate_current;
}

void ob_tstate_delete_current(void)
{
    KnThreadState *ts = ob_tstate_current;
    if (ts == NULL)
        return;
    ob_tstate_current = NULL;
    if (ts == tstate_main)
        tstate_main = NULL;
    kgc_free(ts);
}
