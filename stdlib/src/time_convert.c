/*
 * time_convert.c — calendar conversions of the time module: gmtime,
 * localtime, mktime, asctime, ctime, strftime, and time.struct_time.
 *
 * Python's time tuple counts months and days of the year from 1 and weeks
 * from Monday; C's struct tm from 0 and Sunday: tuple_to_tm and
 * tm_struct_from_tm translate, and the range checks carry CPython's
 * messages.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "time_internal.h"
#include "structseq.h"
#include "intarg.h"
#include "libgc/gc.h"

KnTypeObject *tm_struct_time_type;

static const char *const struct_time_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
    "tm_isdst", "tm_zone", "tm_gmtoff",
};

int tm_types_init(void)
{
    if (tm_struct_time_type != NULL)
        return 0;
    tm_struct_time_type = ss_new_type("time.struct_time",
        "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
        " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
        " sequence of 9 integers.", struct_time_fields, 11, 9);
    return tm_struct_time_type ? 0 : -1;
}

int tm_object_to_time_t(KnObject *o, time_t *out)
{
    if (o == NULL || o == KN_None) {
        *out = time(NULL);
        return 0;
    }
    if (KN_FLOAT_CHECK(o)) {
        double d = ob_float_as_double(o);
        if (isnan(d)) {
            ob_err_set_string(ob_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        /* time_t is 64 bits: its range is [-2**63, 2**63) */
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            ob_err_set_string(ob_exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

KnObject *tm_struct_from_tm(const struct tm *tm)
{
    const char *zone = tm->tm_zone ? tm->tm_zone : "";
    KnObject *v[11] = {
        ob_int_from_long_long((long long)tm->tm_year + 1900),
        ob_int_from_ssize(tm->tm_mon + 1),
        ob_int_from_ssize(tm->tm_mday),
        ob_int_from_ssize(tm->tm_hour),
        ob_int_from_ssize(tm->tm_min),
        ob_int_from_ssize(tm->tm_sec),
        ob_int_from_ssize((tm->tm_wday + 6) % 7),
        ob_int_from_ssize(tm->tm_yday + 1),
        ob_int_from_ssize(tm->tm_isdst),
        ob_str_decode_utf8(zone, (kn_ssize_t)strlen(zone), "surrogateescape"),
        ob_int_from_long_long(tm->tm_gmtoff),
    };
    for (int i = 0; i < 11; i++)
        if (v[i] == NULL)
            return NULL;
    return ss_new(tm_struct_time_type, v);
}

/* "f() takes at most 1 argument (2 given)": the PyArg_ParseTuple wording
 * these functions have in CPython. */
static int old_nargs(const char *fname, kn_ssize_t nargs, kn_ssize_t min, kn_ssize_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    kn_ssize_t bound = nargs < min ? min : max;
    ob_err_format(ob_exc_TypeError, "%s() takes at %s %zd argument%s (%zd given)", fname,
                  nargs < min ? "least" : "most", bound, bound == 1 ? "" : "s", nargs);
    return -1;
}

/* gmtime / localtime: ([seconds]) -> struct_time. */
static KnObject *to_struct(const char *fname, KnObject *const *args, kn_ssize_t nargs, int local)
{
    time_t t;
    if (old_nargs(fname, nargs, 0, 1) < 0 || tm_object_to_time_t(nargs ? args[0] : NULL, &t) < 0)
        return NULL;
    struct tm tm;
    errno = 0;
    if ((local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)) == NULL) {
        if (errno == 0 || errno == EOVERFLOW)
            return ob_err_format(ob_exc_OverflowError, "timestamp out of range for platform time_t");
        return ob_err_from_errno(ob_exc_OSError, NULL);
    }
    return tm_struct_from_tm(&tm);
}

static KnObject *tm_gmtime(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return to_struct("gmtime", args, nargs, 0);
}

static KnObject *tm_localtime(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return to_struct("localtime", args, nargs, 1);
}

/* A time tuple / struct_time -> struct tm (Python's numbering converted),
 * tm_zone / tm_gmtoff from a struct_time. */
static int tuple_to_tm(KnObject *o, const char *fname, struct tm *tm)
{
    memset(tm, 0, sizeof *tm);
    if (!KN_TUPLE_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (KN_SIZE(o) != 9) {
        ob_err_format(ob_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int f[9];
    for (int i = 0; i < 9; i++) {
        long long v;
        int overflow;
        if (kn_arg_index_ll(KN_TUPLE_GET(o, i), &v, &overflow) < 0)
            return -1;
        if (overflow || v > INT_MAX || v < INT_MIN) {
            ob_err_set_string(ob_exc_OverflowError, overflow >= 0 && v >= 0
                              ? "signed integer is greater than maximum" : "signed integer is less than minimum");
            return -1;
        }
        f[i] = (int)v;
    }
    tm->tm_year = f[0] - 1900;
    tm->tm_mon = f[1] - 1;
    tm->tm_mday = f[2];
    tm->tm_hour = f[3];
    tm->tm_min = f[4];
    tm->tm_sec = f[5];
    tm->tm_wday = (f[6] + 1) % 7;
    if (tm->tm_wday < 0) {
        ob_err_set_string(ob_exc_ValueError, "day of week out of range");
        return -1;
    }
    tm->tm_yday = f[7] - 1;
    tm->tm_isdst = f[8];
    if (KN_TYPE_CHECK(o, tm_struct_time_type)) {
        KnObject *zone = ss_get(o, 9), *off = ss_get(o, 10);
        if (zone != KN_None) {
            KnObject *b = ob_str_encode(zone, "utf-8", "surrogateescape");
            if (b == NULL)
                return -1;
            tm->tm_zone = KN_BYTES_AS_STRING(b);
        }
        if (off != KN_None) {
            long long g = ob_int_as_long_long(off);
            if (g == -1 && ob_err_occurred())
                return -1;
            tm->tm_gmtoff = (long)g;
        }
    }
    return 0;
}

static int check_tm(const struct tm *tm)
{
    const char *msg = NULL;
    if (tm->tm_mon < 0 || tm->tm_mon > 11)
        msg = "month out of range";
    else if (tm->tm_mday < 1 || tm->tm_mday > 31)
        msg = "day of month out of range";
    else if (tm->tm_hour < 0 || tm->tm_hour > 23)
        msg = "hour out of range";
    else if (tm->tm_min < 0 || tm->tm_min > 59)
        msg = "minute out of range";
    else if (tm->tm_sec < 0 || tm->tm_sec > 61)
        msg = "seconds out of range";
    else if (tm->tm_wday < 0)
        msg = "day of week out of range";
    else if (tm->tm_yday < 0 || tm->tm_yday > 365)
        msg = "day of year out of range";
    if (msg != NULL) {
        ob_err_set_string(ob_exc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* The struct tm of an optional time-tuple argument (absent: localtime). */
static int tm_arg(const char *fname, KnObject *const *args, kn_ssize_t nargs, struct tm *tm)
{
    if (nargs == 0) {
        time_t t = time(NULL);
        localtime_r(&t, tm);
        return 0;
    }
    return tuple_to_tm(args[0], fname, tm);
}

static KnObject *format_asctime(const struct tm *tm)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return ob_str_from_format("%s %s%3d %.2d:%.2d:%.2d %d", wday[tm->tm_wday], mon[tm->tm_mon],
                              tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
}

static KnObject *tm_asctime(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    struct tm tm;
    if (ob_args_check_positional("asctime", nargs, 0, 1) < 0 || tm_arg("asctime", args, nargs, &tm) < 0 || check_tm(&tm) < 0)
        return NULL;
    return format_asctime(&tm);
}

static KnObject *tm_ctime(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    time_t t;
    if (old_nargs("ctime", nargs, 0, 1) < 0 || tm_object_to_time_t(nargs ? args[0] : NULL, &t) < 0)
        return NULL;
    struct tm tm;
    if (localtime_r(&t, &tm) == NULL)
        return ob_err_format(ob_exc_OverflowError, "timestamp out of range for platform time_t");
    return format_asctime(&tm);
}

static KnObject *tm_mktime(KnObject *m, KnObject *arg)
{
    (void)m;
    struct tm tm;
    if (tuple_to_tm(arg, "mktime", &tm) < 0)
        return NULL;
    tm.tm_wday = -1;    /* mktime() sets it on success */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return ob_err_format(ob_exc_OverflowError, "mktime argument out of range");
    return ob_float_from_double((double)t);
}

static KnObject *tm_strftime(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (old_nargs("strftime", nargs, 1, 2) < 0)
        return NULL;
    if (!KN_STR_CHECK(args[0]))
        return ob_err_format(ob_exc_TypeError, "strftime() argument 1 must be str, not %s",
                             ob_type_name(KN_TYPE(args[0])));
    struct tm tm;
    if (tm_arg("strftime", args + 1, nargs - 1, &tm) < 0)
        return NULL;
    /* strftime() accepts 0 for the 1-based fields, as CPython does */
    if (tm.tm_mon == -1)
        tm.tm_mon = 0;
    if (tm.tm_mday == 0)
        tm.tm_mday = 1;
    if (tm.tm_yday == -1)
        tm.tm_yday = 0;
    if (tm.tm_isdst < -1)
        tm.tm_isdst = -1;
    else if (tm.tm_isdst > 1)
        tm.tm_isdst = 1;
    if (check_tm(&tm) < 0)
        return NULL;
    KnObject *fmtb = ob_str_encode(args[0], "utf-8", "surrogateescape");
    if (fmtb == NULL)
        return NULL;
    const char *fmt = KN_BYTES_AS_STRING(fmtb);
    size_t flen = (size_t)KN_SIZE(fmtb);
    if (strlen(fmt) != flen)
        return ob_err_format(ob_exc_ValueError, "embedded null character");
    if (flen == 0)
        return ob_str_empty();
    /* strftime() returns 0 both for "too small" and for an empty result:
     * grow the buffer up to a bound, then take the result as empty. */
    for (size_t size = 1024; size <= 256 * flen + 1024; size *= 2) {
        char *buf = kgc_alloc_atomic(size);
        if (buf == NULL)
            return ob_err_nomemory();
        size_t n = strftime(buf, size, fmt, &tm);
        if (n > 0)
            return ob_str_decode_utf8(buf, (kn_ssize_t)n, "surrogateescape");
    }
    return ob_str_empty();
}

KnMethodDef tm_convert_methods[] = {
    {"gmtime", TM_FC(tm_gmtime), KN_METH_FASTCALL,
     "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)"},
    {"localtime", TM_FC(tm_localtime), KN_METH_FASTCALL,
     "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)"},
    {"asctime", TM_FC(tm_asctime), KN_METH_FASTCALL, "asctime([tuple]) -> string"},
    {"ctime", TM_FC(tm_ctime), KN_METH_FASTCALL, "ctime(seconds) -> string"},
    {"mktime", tm_mktime, KN_METH_O, "mktime(tuple) -> floating point number"},
    {"strftime", TM_FC(tm_strftime), KN_METH_FASTCALL, "strftime(format[, tuple]) -> string"},
    {NULL, NULL, 0, NULL}
};
