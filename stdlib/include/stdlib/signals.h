/* stdlib/signals.h — the `_signal` module's hook for the interpreter.
 *
 * The module's C handler only records the signal, writes the wakeup fd
 * and sets libjit's jit_eval_pending (when libjit is linked); the Python
 * handlers run from kn_signal_check(), which the module installs as
 * libjit's jit_eval_pending_hook and which blocking I/O may call on EINTR.
 * Returns 0, or -1 with the exception a handler raised (KeyboardInterrupt
 * from default_int_handler). */
#ifndef STDLIB_SIGNALS_H
#define STDLIB_SIGNALS_H

/* Weak: test programs may link a module without _signal; callers that
 * can be linked so test `kn_signal_check != NULL` first. */
int kn_signal_check(void) __attribute__((weak));

/* As if signal `sig` had arrived (_thread.interrupt_main): its Python
 * handler runs at the main thread's next check.  Nothing happens (0) when
 * the signal has no Python handler (SIG_DFL, SIG_IGN, never set). */
int kn_signal_simulate(int sig);

#endif /* STDLIB_SIGNALS_H */
