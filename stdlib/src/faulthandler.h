/*
 * faulthandler.h — the `faulthandler` module's two halves:
 * faulthandler_module.c (the Python functions: argument checks, files)
 * and faulthandler_signals.c (what runs in signal handlers and on the
 * watchdog thread: async-signal-safe writes only, through libjit's
 * jit_dump_traceback_fd).
 */
#ifndef STDLIB_FAULTHANDLER_H
#define STDLIB_FAULTHANDLER_H

#include "libobject/libobject.h"

/* Write the traceback of thread state ts to fd: with all_threads the
 * "Current thread 0x... (most recent call first):" header (current: ts
 * is the calling thread's), else "Stack (most recent call first):". */
void fh_dump(int fd, void *ts, int all_threads, int current);

/* SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL: print "Fatal Python error: <what>"
 * and the traceback to fd, then let the previous handler run. */
int fh_fatal_enable(int fd, int all_threads);
int fh_fatal_disable(void);          /* 1 if it was enabled */
int fh_fatal_enabled(void);
int fh_is_fatal_signal(int signum);

/* User signals (register / unregister). */
int fh_user_register(int signum, int fd, int all_threads, int chain);
int fh_user_unregister(int signum);  /* 1 if it was registered */

/* dump_traceback_later's watchdog: after `us` microseconds (again and
 * again with repeat) "Timeout (H:MM:SS)!" and every thread's traceback on
 * fd; exit: _exit(1) after the dump.  -1 with errno when the thread
 * cannot start. */
int fh_later_start(long long us, int repeat, int fd, int exit_after, void *ts,
                   unsigned long thread_id);
void fh_later_cancel(void);

#endif
