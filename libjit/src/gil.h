/* libjit/src/gil.h — the GIL's internal entry points (gil.c). */
#ifndef LIBJIT_GIL_H
#define LIBJIT_GIL_H

/* Create the lock, held by the calling (main) thread, and install it as
 * libobject's ob_gil_release/ob_gil_acquire.  jit_init calls it. */
void jit_gil_init(void);

/* The slow part of a safe point, entered when jit_eval_pending is set:
 * clears it, lets a waiting thread have the GIL if one asked, then (main
 * thread only) runs jit_eval_pending_hook.  0, or -1 with the hook's
 * exception set. */
int jit_gil_eval_breaker(void);

#endif /* LIBJIT_GIL_H */
