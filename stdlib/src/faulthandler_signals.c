/*
 * faulthandler_signals.c — faulthandler's signal handlers and watchdog
 * thread (faulthandler.h).  Everything reached from a handler only reads
 * memory and calls write(2), sigaction(2) and raise(3).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "libobject/tstate.h"
#include "libjit/jit.h"
#include "faulthandler.h"

#pragma weak jit_dump_traceback_fd
#pragma weak jit_dump_thread_header

static void put(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

void fh_dump(int fd, void *ts, int all_threads, int current)
{
    if (jit_dump_traceback_fd == NULL)
        return;
    if (all_threads)
        jit_dump_thread_header(fd, ts ? (unsigned long)pthread_self() : 0, current);
    else
        put(fd, "Stack (most recent call first):\n");
    jit_dump_traceback_fd(fd, ts);
}

/* ---- fatal signals ---- */

static struct fatal_signal {
    int signum;
    const char *name;
    int installed;
    struct sigaction previous;
} fatal_signals[] = {
    { SIGBUS, "Bus error", 0 },
    { SIGILL, "Illegal instruction", 0 },
    { SIGFPE, "Floating point exception", 0 },
    { SIGABRT, "Aborted", 0 },
    { SIGSEGV, "Segmentation fault", 0 },
};
#define N_FATAL ((int)(sizeof fatal_signals / sizeof fatal_signals[0]))

static volatile int fatal_fd = -1, fatal_all_threads, fatal_on;
static stack_t alt_stack;

int fh_is_fatal_signal(int signum)
{
    for (int i = 0; i < N_FATAL; i++)
        if (fatal_signals[i].signum == signum)
            return 1;
    return 0;
}

static void fatal_handler(int signum)
{
    int saved_errno = errno;
    struct fatal_signal *fs = NULL;
    for (int i = 0; i < N_FATAL; i++)
        if (fatal_signals[i].signum == signum)
            fs = &fatal_signals[i];
    if (fs == NULL || !fs->installed)
        return;
    /* Back to the previous handler first: a fault while dumping, and the
     * re-raise below, go there. */
    sigaction(signum, &fs->previous, NULL);
    fs->installed = 0;
    put(fatal_fd, "Fatal Python error: ");
    put(fatal_fd, fs->name);
    put(fatal_fd, "\n\n");
    fh_dump(fatal_fd, ob_tstate_get(), fatal_all_threads, 1);
    errno = saved_errno;
    raise(signum);
}

static int ensure_alt_stack(void)
{
    if (alt_stack.ss_sp != NULL)
        return 0;
    /* A stack overflow's SIGSEGV needs a stack of its own to run on. */
    size_t size = SIGSTKSZ * 2 + 64 * 1024;
    void *sp = malloc(size);
    if (sp == NULL)
        return -1;
    alt_stack.ss_sp = sp;
    alt_stack.ss_size = size;
    alt_stack.ss_flags = 0;
    if (sigaltstack(&alt_stack, NULL) != 0) {
        free(sp);
        alt_stack.ss_sp = NULL;
        return -1;
    }
    return 0;
}

int fh_fatal_enable(int fd, int all_threads)
{
    fatal_fd = fd;
    fatal_all_threads = all_threads;
    if (fatal_on)
        return 0;
    (void)ensure_alt_stack();
    for (int i = 0; i < N_FATAL; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER | (alt_stack.ss_sp ? SA_ONSTACK : 0);
        if (sigaction(fatal_signals[i].signum, &sa, &fatal_signals[i].previous) != 0)
            return -1;
        fatal_signals[i].installed = 1;
    }
    fatal_on = 1;
    return 0;
}

int fh_fatal_disable(void)
{
    if (!fatal_on)
        return 0;
    for (int i = 0; i < N_FATAL; i++)
        if (fatal_signals[i].installed) {
            sigaction(fatal_signals[i].signum, &fatal_signals[i].previous, NULL);
            fatal_signals[i].installed = 0;
        }
    fatal_on = 0;
    return 1;
}

int fh_fatal_enabled(void)
{
    return fatal_on;
}

/* ---- user signals ---- */

static struct user_signal {
    int registered, fd, all_threads, chain;
    struct sigaction previous;
} user_signals[NSIG];

static void user_handler(int signum)
{
    int saved_errno = errno;
    struct user_signal *us = &user_signals[signum];
    if (!us->registered)
        return;
    fh_dump(us->fd, ob_tstate_get(), us->all_threads, 1);
    if (us->chain) {
        /* Run the previous handler, then come back. */
        struct sigaction mine;
        sigaction(signum, &us->previous, &mine);
        raise(signum);
        sigaction(signum, &mine, NULL);
    }
    errno = saved_errno;
}

int fh_user_register(int signum, int fd, int all_threads, int chain)
{
    struct user_signal *us = &user_signals[signum];
    us->fd = fd;
    us->all_threads = all_threads;
    us->chain = chain;
    if (us->registered)
        return 0;
    (void)ensure_alt_stack();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = user_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = (chain ? SA_NODEFER : 0) | (alt_stack.ss_sp ? SA_ONSTACK : 0);
    if (sigaction(signum, &sa, &us->previous) != 0)
        return -1;
    us->registered = 1;
    return 0;
}

int fh_user_unregister(int signum)
{
    struct user_signal *us = &user_signals[signum];
    if (!us->registered)
        return 0;
    sigaction(signum, &us->previous, NULL);
    us->registered = 0;
    return 1;
}

/* ---- the watchdog ---- */

static struct {
    pthread_t thread;
    int running, cancelled;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    long long us;
    int repeat, fd, exit_after;
    void *ts;
    unsigned long thread_id;
    char header[64];
} later = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

static void format_header(long long us)
{
    long long sec = us / 1000000, frac = us % 1000000;
    char *p = later.header;
    p += sprintf(p, "Timeout (%lld:%02lld:%02lld", sec / 3600, (sec / 60) % 60, sec % 60);
    if (frac != 0)
        p += sprintf(p, ".%06lld", frac);
    strcpy(p, ")!\n");
}

static void *watchdog(void *unused)
{
    (void)unused;
    pthread_mutex_lock(&later.mu);
    for (;;) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += (time_t)(later.us / 1000000);
        deadline.tv_nsec += (long)(later.us % 1000000) * 1000;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
        int r = 0;
        while (!later.cancelled && r != ETIMEDOUT)
            r = pthread_cond_timedwait(&later.cv, &later.mu, &deadline);
        if (later.cancelled)
            break;
        put(later.fd, later.header);
        if (jit_dump_traceback_fd != NULL) {
            jit_dump_thread_header(later.fd, later.thread_id, 0);
            jit_dump_traceback_fd(later.fd, later.ts);
        }
        if (later.exit_after)
            _exit(1);
        if (!later.repeat)
            break;
    }
    pthread_mutex_unlock(&later.mu);
    return NULL;
}

void fh_later_cancel(void)
{
    if (!later.running)
        return;
    pthread_mutex_lock(&later.mu);
    later.cancelled = 1;
    pthread_cond_signal(&later.cv);
    pthread_mutex_unlock(&later.mu);
    pthread_join(later.thread, NULL);
    later.running = 0;
}

int fh_later_start(long long us, int repeat, int fd, int exit_after, void *ts,
                   unsigned long thread_id)
{
    fh_later_cancel();
    later.us = us;
    later.repeat = repeat;
    later.fd = fd;
    later.exit_after = exit_after;
    later.ts = ts;
    later.thread_id = thread_id;
    later.cancelled = 0;
    format_header(us);
    int err = pthread_create(&later.thread, NULL, watchdog, NULL);
    if (err != 0) {
        errno = err;
        return -1;
    }
    later.running = 1;
    return 0;
}
