/*
 * select_internal.h — what the files of the `select` module share:
 * timeouts (seconds or milliseconds objects to a deadline on the
 * monotonic clock, so EINTR retries wait only for what is left) and the
 * poll / epoll types.
 */
#ifndef STDLIB_SELECT_INTERNAL_H
#define STDLIB_SELECT_INTERNAL_H

#include <time.h>

#include "select_fd.h"

#define SEL_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw
#define SEL_FC(f) ((KnCFunction)(void (*)(void))(f))
#define SEL_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

static inline double sel_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A timeout number (int or float, or __index__) as a double; -1 with
 * TypeError `msg` for anything else. */
static inline int sel_number(KnObject *o, double *out, const char *msg)
{
    if (KN_FLOAT_CHECK(o)) {
        *out = ob_float_as_double(o);
        return 0;
    }
    if (KN_INT_CHECK(o) || ob_index_check(o)) {
        KnObject *i = ob_number_index(o);
        if (i == NULL)
            return -1;
        *out = ob_int_as_double(i);
        return (*out == -1.0 && ob_err_occurred()) ? -1 : 0;
    }
    ob_err_set_string(ob_exc_TypeError, msg);
    return -1;
}

/* Milliseconds still to wait before `deadline` (rounded up; 0 when
 * past). */
static inline int sel_ms_left(double deadline)
{
    double left = deadline - sel_now();
    if (left <= 0)
        return 0;
    double ms = left * 1000.0;
    if (ms > (double)INT_MAX)
        return INT_MAX;
    int r = (int)ms;
    return (double)r < ms ? r + 1 : r;
}

extern KnTypeObject sel_poll_type, sel_epoll_type;
KnObject *sel_poll_new(void);

#endif /* STDLIB_SELECT_INTERNAL_H */
