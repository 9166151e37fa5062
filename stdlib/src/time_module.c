/*
 * time_module.c — the `time` module: clocks (time, monotonic,
 * perf_counter, process_time, thread_time and their _ns forms,
 * clock_gettime / clock_getres / clock_settime, pthread_getcpuclockid),
 * sleep, get_clock_info, the time-zone
 * variables, tzset, strptime (delegated to _strptime) and the
 * conversions of time_convert.c.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "time_internal.h"
#include "intarg.h"
#include "stdlib/signals.h"

KnObject *kn_init_time(void);

/* `import name` for time.strptime (_strptime) and time.get_clock_info
 * (types.SimpleNamespace).  libjit's jit_import_module (libjit/jit.h,
 * branch jit-import) when the program links libjit — a weak reference, so
 * the cmocka tests link without libjit; else libobject's import hook
 * (ob_type_hooks.import_module, declared in libobject's internal
 * src/type_new.h); else NotImplementedError naming the module. */
KnObject *jit_import_module(const char *name) __attribute__((weak));
extern KnClassHooks ob_type_hooks;

static KnObject *import_module(const char *name)
{
    if (jit_import_module != NULL)
        return jit_import_module(name);
    if (ob_type_hooks.import_module != NULL)
        return ob_type_hooks.import_module(ob_str_intern_cstr(name));
    return ob_err_format(ob_exc_NotImplementedError,
                         "Kiln: time needs the %s module and no import hook is set", name);
}

static int clock_ns(clockid_t clk, long long *ns)
{
    struct timespec ts;
    if (clock_gettime(clk, &ts) < 0) {
        ob_err_from_errno(ob_exc_OSError, NULL);
        return -1;
    }
    *ns = (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
    return 0;
}

/* Seconds as a float the way CPython rounds them: ns / 1e9. */
static KnObject *clock_float(clockid_t clk)
{
    long long ns;
    if (clock_ns(clk, &ns) < 0)
        return NULL;
    return ob_float_from_double((double)ns / 1e9);
}

static KnObject *clock_int(clockid_t clk)
{
    long long ns;
    if (clock_ns(clk, &ns) < 0)
        return NULL;
    return ob_int_from_long_long(ns);
}

#define CLOCK_FUNCS(name, clk) \
    static KnObject *tm_##name(KnObject *m, KnObject *u) { (void)m; (void)u; return clock_float(clk); } \
    static KnObject *tm_##name##_ns(KnObject *m, KnObject *u) { (void)m; (void)u; return clock_int(clk); }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

static int clk_arg(KnObject *o, clockid_t *clk)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow || v > INT32_MAX || v < INT32_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *clk = (clockid_t)v;
    return 0;
}

static KnObject *tm_clock_gettime(KnObject *m, KnObject *arg)
{
    (void)m;
    clockid_t clk;
    return clk_arg(arg, &clk) < 0 ? NULL : clock_float(clk);
}

static KnObject *tm_clock_gettime_ns(KnObject *m, KnObject *arg)
{
    (void)m;
    clockid_t clk;
    return clk_arg(arg, &clk) < 0 ? NULL : clock_int(clk);
}

static KnObject *tm_clock_getres(KnObject *m, KnObject *arg)
{
    (void)m;
    clockid_t clk;
    struct timespec ts;
    if (clk_arg(arg, &clk) < 0)
        return NULL;
    if (clock_getres(clk, &ts) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    return ob_float_from_double((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

/* clock_settime(clk, seconds) / clock_settime_ns(clk, ns). */
static KnObject *settime(const char *fname, KnObject *const *args, kn_ssize_t nargs, int ns_form)
{
    clockid_t clk;
    if (ob_args_check_positional(fname, nargs, 2, 2) < 0 || clk_arg(args[0], &clk) < 0)
        return NULL;
    struct timespec ts;
    if (ns_form) {
        long long ns;
        int overflow;
        if (kn_arg_index_ll(args[1], &ns, &overflow) < 0)
            return NULL;
        if (overflow)
            return ob_err_format(ob_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        ts.tv_sec = (time_t)(ns / 1000000000LL);
        ts.tv_nsec = (long)(ns % 1000000000LL);
        if (ts.tv_nsec < 0) {
            ts.tv_sec -= 1;
            ts.tv_nsec += 1000000000L;
        }
    } else {
        double d = ob_float_as_double(args[1]);
        if (d == -1.0 && ob_err_occurred())
            return NULL;
        double fl = floor(d);
        ts.tv_sec = (time_t)fl;
        ts.tv_nsec = (long)((d - fl) * 1e9);
    }
    if (clock_settime(clk, &ts) < 0)
        return ob_err_from_errno(ob_exc_OSError, NULL);
    return KN_None;
}

static KnObject *tm_clock_settime(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return settime("clock_settime", args, nargs, 0);
}

static KnObject *tm_clock_settime_ns(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return settime("clock_settime_ns", args, nargs, 1);
}

static KnObject *tm_pthread_getcpuclockid(KnObject *m, KnObject *arg)
{
    (void)m;
    long long tid;
    int overflow;
    if (kn_arg_index_ll(arg, &tid, &overflow) < 0)
        return NULL;
    clockid_t clk;
    int r = pthread_getcpuclockid((pthread_t)tid, &clk);
    if (r != 0) {
        errno = r;
        return ob_err_from_errno(ob_exc_OSError, NULL);
    }
    return ob_int_from_ssize(clk);
}

/* sleep(secs): float or int seconds against a monotonic deadline, with the
 * GIL released; a signal runs its Python handler, and the sleep goes on
 * unless the handler raised (PEP 475).  kn_signal_check is weak: the
 * cmocka test links without the signal module. */
static KnObject *tm_sleep(KnObject *m, KnObject *arg)
{
    (void)m;
    double secs;
    if (KN_FLOAT_CHECK(arg)) {
        secs = ob_float_as_double(arg);
        if (isnan(secs))
            return ob_err_format(ob_exc_ValueError, "Invalid value NaN (not a number)");
    } else {
        long long v;
        int overflow;
        if (kn_arg_index_ll(arg, &v, &overflow) < 0)
            return NULL;
        if (overflow)
            return ob_err_format(ob_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        secs = (double)v;
    }
    if (secs < 0)
        return ob_err_format(ob_exc_ValueError, "sleep length must be non-negative");
    if (secs > 9223372036.0)
        return ob_err_format(ob_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    long long total = (long long)(secs * 1e9 + 0.5);
    long long dl = (long long)deadline.tv_sec * 1000000000LL + deadline.tv_nsec + total;
    deadline.tv_sec = (time_t)(dl / 1000000000LL);
    deadline.tv_nsec = (long)(dl % 1000000000LL);
    for (;;) {
        ob_gil_release();
        int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        ob_gil_acquire();
        if (r == 0) {
            /* a signal simulated meanwhile (interrupt_main) is handled
             * now, as CPython's check after the call would */
            if (kn_signal_check != NULL && kn_signal_check() < 0)
                return NULL;
            return KN_None;
        }
        if (r != EINTR) {
            errno = r;
            return ob_err_from_errno(ob_exc_OSError, NULL);
        }
        /* PEP 475: a handler that raises ends the sleep (Ctrl-C). */
        if (kn_signal_check != NULL && kn_signal_check() < 0)
            return NULL;
    }
}

static KnObject *tm_get_clock_info(KnObject *m, KnObject *arg)
{
    (void)m;
    static const struct {
        const char *name, *impl;
        clockid_t clk;
        int monotonic, adjustable;
    } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, 0, 1},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, 1, 0},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, 1, 0},
    };
    if (!KN_STR_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "get_clock_info() argument must be str, not %s",
                             ob_type_name(KN_TYPE(arg)));
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (!ob_str_equal_cstr(arg, clocks[i].name))
            continue;
        struct timespec res;
        if (clock_getres(clocks[i].clk, &res) < 0)
            return ob_err_from_errno(ob_exc_OSError, NULL);
        KnObject *types = import_module("types");
        KnObject *ns_type = types ? ob_getattr_str(types, "SimpleNamespace") : NULL;
        KnObject *ns = ns_type ? ob_call_noargs(ns_type) : NULL;
        if (ns == NULL
            || ob_setattr_str(ns, "implementation", ob_str_from_cstr(clocks[i].impl)) < 0
            || ob_setattr_str(ns, "monotonic", KN_BOOL(clocks[i].monotonic)) < 0
            || ob_setattr_str(ns, "adjustable", KN_BOOL(clocks[i].adjustable)) < 0
            || ob_setattr_str(ns, "resolution",
                              ob_float_from_double((double)res.tv_sec + res.tv_nsec * 1e-9)) < 0)
            return NULL;
        return ns;
    }
    return ob_err_format(ob_exc_ValueError, "unknown clock");
}

static KnObject *tm_strptime(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    KnObject *mod = import_module("_strptime");
    if (mod == NULL)
        return NULL;
    KnObject *fn = ob_getattr_str(mod, "_strptime_time");
    if (fn == NULL)
        return NULL;
    return ob_vectorcall(fn, args, (size_t)nargs, NULL);
}

/* timezone, altzone, daylight, tzname from the local zone's offsets in
 * January and July of the current year (CPython's method). */
static int set_timezone(KnObject *m)
{
    tzset();
    time_t now = time(NULL);
    time_t year = now - now % (365 * 24 * 3600);
    time_t jan_t = year, jul_t = year + (365 * 24 * 3600) / 2;
    struct tm jan, jul;
    localtime_r(&jan_t, &jan);
    localtime_r(&jul_t, &jul);
    long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "   ";
    const char *julname = jul.tm_zone ? jul.tm_zone : "   ";
    KnObject *n1 = ob_str_decode_utf8(janname, (kn_ssize_t)strlen(janname), "surrogateescape");
    KnObject *n2 = ob_str_decode_utf8(julname, (kn_ssize_t)strlen(julname), "surrogateescape");
    if (n1 == NULL || n2 == NULL)
        return -1;
    int south = janzone < julzone;
    long tz = south ? julzone : janzone, alt = south ? janzone : julzone;
    KnObject *names = south ? ob_tuple_pack(2, n2, n1) : ob_tuple_pack(2, n1, n2);
    if (names == NULL
        || ob_module_add_object(m, "timezone", ob_int_from_ssize(tz)) < 0
        || ob_module_add_object(m, "altzone", ob_int_from_ssize(alt)) < 0
        || ob_module_add_object(m, "daylight", ob_int_from_ssize(janzone != julzone)) < 0
        || ob_module_add_object(m, "tzname", names) < 0)
        return -1;
    return 0;
}

static KnObject *time_module;

static KnObject *tm_tzset(KnObject *m, KnObject *unused)
{
    (void)unused;
    if (set_timezone(time_module ? time_module : m) < 0)
        return NULL;
    return KN_None;
}

#define NOARGS(name, doc) {#name, tm_##name, KN_METH_NOARGS, doc}
static KnMethodDef tm_methods[] = {
    NOARGS(time, "time() -> floating point number\n\nReturn the current time in seconds since the Epoch."),
    NOARGS(time_ns, "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."),
    NOARGS(monotonic, "monotonic() -> float\n\nMonotonic clock, cannot go backward."),
    NOARGS(monotonic_ns, "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."),
    NOARGS(perf_counter, "perf_counter() -> float\n\nPerformance counter for benchmarking."),
    NOARGS(perf_counter_ns, "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."),
    NOARGS(process_time, "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."),
    NOARGS(process_time_ns, "process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."),
    NOARGS(thread_time, "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."),
    NOARGS(thread_time_ns, "thread_time() -> int\n\nThread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."),
    {"clock_gettime", tm_clock_gettime, KN_METH_O, "clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."},
    {"clock_gettime_ns", tm_clock_gettime_ns, KN_METH_O, "clock_gettime_ns(clk_id) -> int\n\nReturn the time of the specified clock clk_id as nanoseconds."},
    {"clock_getres", tm_clock_getres, KN_METH_O, "clock_getres(clk_id) -> floating point number\n\nReturn the resolution (precision) of the specified clock clk_id."},
    {"clock_settime", TM_FC(tm_clock_settime), KN_METH_FASTCALL, "clock_settime(clk_id, time)\n\nSet the time of the specified clock clk_id."},
    {"clock_settime_ns", TM_FC(tm_clock_settime_ns), KN_METH_FASTCALL, "clock_settime_ns(clk_id, time)\n\nSet the time of the specified clock clk_id with nanoseconds."},
    {"pthread_getcpuclockid", tm_pthread_getcpuclockid, KN_METH_O, "pthread_getcpuclockid(thread_id) -> int\n\nReturn the clk_id of a thread's CPU time clock."},
    {"sleep", tm_sleep, KN_METH_O, "sleep(seconds)\n\nDelay execution for a given number of seconds."},
    {"get_clock_info", tm_get_clock_info, KN_METH_O, "get_clock_info(name: str) -> dict\n\nGet information of the specified clock."},
    {"strptime", TM_FC(tm_strptime), KN_METH_FASTCALL, "strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format specification."},
    {"tzset", tm_tzset, KN_METH_NOARGS, "tzset()\n\nInitialize, or reinitialize, the local timezone to the value\nof the environment variable TZ."},
    {NULL, NULL, 0, NULL}
};

typedef struct TmConst { const char *name; long value; } TmConst;
static const TmConst tm_constants[] = {
    {"CLOCK_REALTIME", CLOCK_REALTIME}, {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
    {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
    {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
    {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
    {"CLOCK_BOOTTIME", CLOCK_BOOTTIME}, {"CLOCK_TAI", CLOCK_TAI},
    {NULL, 0}
};

KnObject *kn_init_time(void)
{
    if (tm_types_init() < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("time");
    if (m == NULL || ob_module_add_functions(m, tm_methods) < 0
        || ob_module_add_functions(m, tm_convert_methods) < 0
        || ob_module_add_object(m, "struct_time", (KnObject *)tm_struct_time_type) < 0
        || ob_module_add_object(m, "_STRUCT_TM_ITEMS", ob_int_from_ssize(11)) < 0
        || set_timezone(m) < 0)
        return NULL;
    for (const TmConst *c = tm_constants; c->name != NULL; c++)
        if (ob_module_add_object(m, c->name, ob_int_from_ssize(c->value)) < 0)
            return NULL;
    time_module = m;
    return m;
}
