/*
 * tstate.c — per-thread state (tstate.h).
 *
 * States are uncollectable but scanned (kgc_alloc_uncollectable): they hold
 * the current exception and are reachable only through a thread-local,
 * which Boehm does not scan.
 */
#include "libgc/gc.h"
#include "libobject/tstate.h"

_Thread_local KnThreadState *ob_tstate_current;

static uint64_t tstate_next_id = 1;

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
    ts->id = __atomic_fetch_add(&tstate_next_id, 1, __ATOMIC_RELAXED);
    ob_tstate_current = ts;
    return ts;
}
