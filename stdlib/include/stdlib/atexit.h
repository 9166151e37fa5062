/* stdlib/atexit.h — running the `atexit` module's callbacks at exit.
 *
 * kn_atexit_run() calls the registered callbacks last-registered first
 * (as atexit._run_exitfuncs does), reporting each exception as
 * "Exception ignored in atexit callback: <func>" with its traceback on
 * stderr, then empties the list.  The interpreter's finalisation
 * (libjit's jit_finalize) calls it once, before flushing the streams.
 * Returns 0 (errors are reported, never raised). */
#ifndef STDLIB_ATEXIT_H
#define STDLIB_ATEXIT_H

int kn_atexit_run(void);

#endif /* STDLIB_ATEXIT_H */
