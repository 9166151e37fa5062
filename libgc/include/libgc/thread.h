/*
 * libgc/thread.h -- threads that touch collected memory.
 *
 * Every thread other than the one that called kgc_init must register before
 * it holds a pointer into the collected heap, and unregister before it
 * exits: the collector stops registered threads and scans their stacks and
 * registers.  Stopping uses SIGPWR (suspend) and SIGXCPU (restart), so those
 * two signals are not available to Python code.
 */
#ifndef LIBGC_THREAD_H
#define LIBGC_THREAD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KGC_SUSPEND_SIGNAL_NAME "SIGPWR"
#define KGC_RESTART_SIGNAL_NAME "SIGXCPU"

/* Register the calling thread (idempotent).  Returns 0 or -1. */
int kgc_thread_register(void);

/* Unregister the calling thread; call before it exits.  Returns 0 or -1. */
int kgc_thread_unregister(void);

/* Non-zero if the calling thread is registered. */
int kgc_thread_is_registered(void);

/* ---- part: threads ----
 * Start fn(arg) on a new, detached OS thread that is registered before fn
 * runs and unregistered after fn returns.  arg may be (or lead to) memory
 * of the collected heap: libgc keeps it alive until the new thread holds
 * it on its own registered stack, which a bare pthread_create followed by
 * kgc_thread_register in the new thread cannot promise.  stack_size 0 is
 * the default size.  Returns 0, or an errno value (EAGAIN, EINVAL, ENOMEM)
 * with no thread started; *ident, if not NULL, receives the pthread id. */
int kgc_thread_start(void (*fn)(void *), void *arg, size_t stack_size,
                     unsigned long *ident);

#ifdef __cplusplus
}
#endif
#endif /* LIBGC_THREAD_H */
