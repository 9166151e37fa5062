/*
 * datetime_dtconv.c — datetime.datetime's clock, timestamp and time-zone
 * methods (now, fromtimestamp, timestamp, astimezone, ...), plus the
 * conversions date.fromtimestamp shares.
 *
 * Local time is the C library's localtime_r.  A naive datetime maps to a
 * POSIX time by solving local(u) = t for u, probing one day either side to
 * find the two offsets around a transition; fold picks the earlier or
 * later solution (PEP 495), as CPython's algorithm does.
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "datetime_internal.h"

#define EPOCH_SECONDS (719163LL * 86400)
#define FOLD_PROBE 86400LL

static int time_t_range_error(void)
{
    ob_err_set_string(ob_exc_OverflowError, "timestamp out of range for platform time_t");
    return -1;
}

static double round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return r;
}

int dt_timestamp_split(KnObject *obj, long long *secs, int *us)
{
    if (KN_FLOAT_CHECK(obj)) {
        double d = ob_float_as_double(obj);
        if (isnan(d)) {
            ob_err_set_string(ob_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double ip;
        if (us == NULL) {
            d = floor(d);
            ip = d;
        } else {
            double frac = modf(d, &ip);
            frac = round_half_even(frac * 1e6);
            if (frac >= 1e6) {
                frac -= 1e6;
                ip += 1.0;
            } else if (frac < 0) {
                frac += 1e6;
                ip -= 1.0;
            }
            *us = (int)frac;
        }
        if (!(ip >= -9223372036854775808.0 && ip < 9223372036854775808.0))
            return time_t_range_error();
        *secs = (long long)ip;
        return 0;
    }
    int overflow;
    KnObject *i = ob_number_index(obj);
    if (i == NULL)
        return -1;
    *secs = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow)
        return time_t_range_error();
    if (us != NULL)
        *us = 0;
    return 0;
}

static int tm_call(struct tm *(*f)(const time_t *, struct tm *), long long t, struct tm *tm)
{
    time_t tt = (time_t)t;
    if ((long long)tt != t)
        return time_t_range_error();
    errno = 0;
    if (f(&tt, tm) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        ob_err_from_errno(ob_exc_OSError, NULL);
        return -1;
    }
    return 0;
}

int dt_localtime(long long t, struct tm *tm)
{
    return tm_call(localtime_r, t, tm);
}

int dt_gmtime(long long t, struct tm *tm)
{
    return tm_call(gmtime_r, t, tm);
}

/* Seconds since 0001-01-01 00:00 (ordinal-based), -1 with ValueError for
 * a year outside 1..9999. */
static long long utc_seconds(int y, int m, int d, int hh, int mm, int ss, int *err)
{
    if (y < DT_MINYEAR || y > DT_MAXYEAR) {
        ob_err_format(ob_exc_ValueError, "year %d is out of range", y);
        *err = 1;
        return -1;
    }
    return ((dt_ymd_to_ord(y, m, d) * 24 + hh) * 60 + mm) * 60LL + ss;
}

/* Local wall time (as utc_seconds) of the POSIX time u - EPOCH. */
static long long local_of(long long u, int *err)
{
    struct tm tm;
    if (dt_localtime(u - EPOCH_SECONDS, &tm) < 0) {
        *err = 1;
        return -1;
    }
    return utc_seconds(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, err);
}

static long long local_to_seconds(int y, int m, int d, int hh, int mm, int ss, int fold, int *err)
{
    long long t = utc_seconds(y, m, d, hh, mm, ss, err);
    if (*err)
        return -1;
    long long lt = local_of(t, err);
    if (*err)
        return -1;
    long long a = lt - t, b;
    long long u1 = t - a;
    long long t1 = local_of(u1, err);
    if (*err)
        return -1;
    if (t1 == t) {
        long long u2 = fold ? u1 + FOLD_PROBE : u1 - FOLD_PROBE;
        lt = local_of(u2, err);
        if (*err)
            return -1;
        b = lt - u2;
        if (a == b)
            return u1;
    } else {
        b = t1 - u1;
    }
    long long u2 = t - b;
    long long t2 = local_of(u2, err);
    if (*err)
        return -1;
    if (t2 == t)
        return u2;
    if (t1 == t)
        return u1;
    /* t falls in a gap: neither offset reproduces it */
    if (fold)
        return u1 < u2 ? u1 : u2;
    return u1 > u2 ? u1 : u2;
}

static KnObject *from_timet_us(KnObject *cls, int local, long long t, int us, KnObject *tz)
{
    struct tm tm;
    if ((local ? dt_localtime(t, &tm) : dt_gmtime(t, &tm)) < 0)
        return NULL;
    int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
    int hh = tm.tm_hour, mm = tm.tm_min, ss = tm.tm_sec > 59 ? 59 : tm.tm_sec;
    int fold = 0;
    if (tz == KN_None && local) {
        int err = 0;
        long long result = utc_seconds(y, m, d, hh, mm, ss, &err);
        if (err)
            return NULL;
        long long probe = local_of(EPOCH_SECONDS + t - FOLD_PROBE, &err);
        if (err)
            return NULL;
        long long transition = result - probe - FOLD_PROBE;
        if (transition < 0) {
            probe = local_of(EPOCH_SECONDS + t + transition, &err);
            if (err)
                return NULL;
            fold = probe == result;
        }
    }
    return dt_datetime_new_sub(y, m, d, hh, mm, ss, us, tz, fold, cls);
}

static KnObject *fromtimestamp_impl(KnObject *cls, KnObject *ts, KnObject *tz)
{
    long long secs;
    int us;
    if (dt_check_tzinfo(tz) < 0 || dt_timestamp_split(ts, &secs, &us) < 0)
        return NULL;
    KnObject *r = from_timet_us(cls, tz == KN_None, secs, us, tz);
    if (r != NULL && tz != KN_None)
        r = ob_call_method(tz, "fromutc", 1, r);
    return r;
}

static KnObject *dt_fromtimestamp(KnObject *cls, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"timestamp", "tz", NULL};
    static const KnArgSpec spec = {"fromtimestamp", names, 1, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    return fromtimestamp_impl(cls, a[0], a[1] ? a[1] : KN_None);
}

static KnObject *dt_utcfromtimestamp(KnObject *cls, KnObject *ts)
{
    long long secs;
    int us;
    if (dt_timestamp_split(ts, &secs, &us) < 0)
        return NULL;
    return from_timet_us(cls, 0, secs, us, KN_None);
}

static KnObject *now_impl(KnObject *cls, KnObject *tz)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (dt_check_tzinfo(tz) < 0)
        return NULL;
    KnObject *r = from_timet_us(cls, tz == KN_None, ts.tv_sec, (int)(ts.tv_nsec / 1000), tz);
    if (r != NULL && tz != KN_None)
        r = ob_call_method(tz, "fromutc", 1, r);
    return r;
}

static KnObject *dt_now(KnObject *cls, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"tz", NULL};
    static const KnArgSpec spec = {"now", names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    return now_impl(cls, a[0] ? a[0] : KN_None);
}

static KnObject *dt_utcnow(KnObject *cls, KnObject *unused)
{
    (void)unused;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return from_timet_us(cls, 0, ts.tv_sec, (int)(ts.tv_nsec / 1000), KN_None);
}

static KnObject *dt_combine(KnObject *cls, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"date", "time", "tzinfo", NULL};
    static const KnArgSpec spec = {"combine", names, 2, 3, 0};
    KnObject *a[3] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (!DT_DATE_CHECK(a[0])) {
        ob_err_format(ob_exc_TypeError, "combine() argument 1 must be datetime.date, not %s", ob_type_name(KN_TYPE(a[0])));
        return NULL;
    }
    if (!DT_TIME_CHECK(a[1])) {
        ob_err_format(ob_exc_TypeError, "combine() argument 2 must be datetime.time, not %s", ob_type_name(KN_TYPE(a[1])));
        return NULL;
    }
    DtDate *d = DT_DATE(a[0]);
    DtTime *t = DT_TIME(a[1]);
    KnObject *tz = a[2] ? a[2] : t->tzinfo;
    if (dt_check_tzinfo(tz) < 0)
        return NULL;
    return dt_datetime_new_sub(d->year, d->month, d->day, t->hour, t->minute, t->second, t->us, tz, t->fold, cls);
}

static KnObject *dt_strptime(KnObject *cls, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("strptime", nargs, 2, 2) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!KN_STR_CHECK(args[i])) {
            ob_err_format(ob_exc_TypeError, "strptime() argument %d must be str, not %s", i + 1,
                          ob_type_name(KN_TYPE(args[i])));
            return NULL;
        }
    KnObject *f = dt_import("_strptime", "_strptime_datetime");
    if (f == NULL)
        return NULL;
    KnObject *cargs[3] = {cls, args[0], args[1]};
    return ob_vectorcall(f, cargs, 3, NULL);
}

/* ---- instance methods ---- */

#define X(o) DT_DT(o)

static KnObject *dt_date_part(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_date_alloc(&dt_date_type, X(self)->d.year, X(self)->d.month, X(self)->d.day);
}

static KnObject *dt_time_part(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_time_alloc(&dt_time_type, X(self)->hour, X(self)->minute, X(self)->second, X(self)->us, KN_None, X(self)->fold);
}

static KnObject *dt_timetz_part(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_time_alloc(&dt_time_type, X(self)->hour, X(self)->minute, X(self)->second, X(self)->us,
                         X(self)->tzinfo, X(self)->fold);
}

static KnObject *dt_ctime(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_format_ctime(&X(self)->d, X(self)->hour, X(self)->minute, X(self)->second);
}

static KnObject *dt_utcoffset(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_call_utcoffset(X(self)->tzinfo, self);
}

static KnObject *dt_dst(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_call_dst(X(self)->tzinfo, self);
}

static KnObject *dt_tzname(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_call_tzname(X(self)->tzinfo, self);
}

static KnObject *dt_timetuple(KnObject *self, KnObject *unused)
{
    (void)unused;
    int flag = -1;
    if (X(self)->tzinfo != KN_None) {
        KnObject *dst = dt_call_dst(X(self)->tzinfo, self);
        if (dst == NULL)
            return NULL;
        if (dst != KN_None)
            flag = !dt_delta_is_zero(dst);
    }
    DtDateTime *x = X(self);
    return dt_struct_time(x->d.year, x->d.month, x->d.day, x->hour, x->minute, x->second, flag);
}

static KnObject *dt_utctimetuple(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *u = self;
    if (X(self)->tzinfo != KN_None) {
        KnObject *off = dt_call_utcoffset(X(self)->tzinfo, self);
        if (off == NULL)
            return NULL;
        if (off != KN_None && (u = dt_datetime_add_delta(self, off, -1)) == NULL)
            return NULL;
    }
    DtDateTime *x = X(u);
    return dt_struct_time(x->d.year, x->d.month, x->d.day, x->hour, x->minute, x->second, 0);
}

static KnObject *epoch_utc(void)
{
    return dt_datetime_alloc(&dt_datetime_type, 1970, 1, 1, 0, 0, 0, 0, dt_utc, 0);
}

static KnObject *dt_timestamp(KnObject *self, KnObject *unused)
{
    (void)unused;
    DtDateTime *x = X(self);
    if (x->tzinfo != KN_None) {
        KnObject *d = dt_datetime_sub(self, epoch_utc());
        return d == NULL ? NULL : ob_call_method(d, "total_seconds", 0);
    }
    int err = 0;
    long long s = local_to_seconds(x->d.year, x->d.month, x->d.day, x->hour, x->minute, x->second, x->fold, &err);
    if (err)
        return NULL;
    return ob_float_from_double((double)(s - EPOCH_SECONDS) + x->us / 1e6);
}

static KnObject *local_tz_at(long long t)
{
    struct tm tm;
    if (dt_localtime(t, &tm) < 0)
        return NULL;
    KnObject *delta = dt_delta_new(0, tm.tm_gmtoff, 0);
    if (delta == NULL)
        return NULL;
    KnObject *name = NULL;
    if (tm.tm_zone != NULL) {
        name = ob_str_decode(tm.tm_zone, (kn_ssize_t)strlen(tm.tm_zone), "locale", "surrogateescape");
        if (name == NULL) {
            ob_err_clear();
            name = ob_str_decode_utf8(tm.tm_zone, (kn_ssize_t)strlen(tm.tm_zone), "surrogateescape");
            if (name == NULL)
                return NULL;
        }
    }
    return dt_timezone_create(delta, name);
}

static KnObject *dt_astimezone(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"tz", NULL};
    static const KnArgSpec spec = {"astimezone", names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    KnObject *tz = a[0] ? a[0] : KN_None;
    if (dt_check_tzinfo(tz) < 0)
        return NULL;
    KnObject *self_tz = X(self)->tzinfo, *off = KN_None;
    if (self_tz != KN_None) {
        if (self_tz == tz)
            return self;
        if ((off = dt_call_utcoffset(self_tz, self)) == NULL)
            return NULL;
    }
    if (off == KN_None) {
        /* naive: self is local time */
        DtDateTime *x = X(self);
        int err = 0;
        long long s = local_to_seconds(x->d.year, x->d.month, x->d.day, x->hour, x->minute, x->second, x->fold, &err);
        if (err || (self_tz = local_tz_at(s - EPOCH_SECONDS)) == NULL)
            return NULL;
        if (self_tz == tz)
            return self;
        if ((off = dt_call_utcoffset(self_tz, self)) == NULL)
            return NULL;
    }
    KnObject *utc = dt_datetime_add_delta(self, off, -1);
    if (utc == NULL)
        return NULL;
    DtDateTime *u = X(utc);
    if (tz == KN_None) {
        KnObject *t = dt_datetime_alloc(&dt_datetime_type, u->d.year, u->d.month, u->d.day, u->hour, u->minute,
                                        u->second, u->us, dt_utc, 0);
        KnObject *d = t ? dt_datetime_sub(t, epoch_utc()) : NULL;
        if (d == NULL)
            return NULL;
        long long secs = (long long)DT_DELTA(d)->days * 86400 + DT_DELTA(d)->seconds;
        if ((tz = local_tz_at(secs)) == NULL)
            return NULL;
    }
    u->tzinfo = tz;
    return ob_call_method(tz, "fromutc", 1, utc);
}

#define CLS KN_METH_CLASS
KnMethodDef dt_datetime_conv_methods[] = {
    {"now", DT_FC(dt_now), DT_KW | CLS, "Returns new datetime object representing current time local to tz.\n\n  tz\n    Timezone object.\n\nIf no tz is specified, uses local timezone."},
    {"utcnow", DT_FC(dt_utcnow), KN_METH_NOARGS | CLS, "Return a new datetime representing UTC day and time."},
    {"fromtimestamp", DT_FC(dt_fromtimestamp), DT_KW | CLS, "timestamp[, tz] -> tz's local time from POSIX timestamp."},
    {"utcfromtimestamp", DT_FC(dt_utcfromtimestamp), KN_METH_O | CLS, "Construct a naive UTC datetime from a POSIX timestamp."},
    {"strptime", DT_FC(dt_strptime), KN_METH_FASTCALL | CLS, "string, format -> new datetime parsed from a string (like time.strptime())."},
    {"combine", DT_FC(dt_combine), DT_KW | CLS, "date, time -> datetime with same date and time fields"},
    {"date", DT_FC(dt_date_part), KN_METH_NOARGS, "Return date object with same year, month and day."},
    {"time", DT_FC(dt_time_part), KN_METH_NOARGS, "Return time object with same time but with tzinfo=None."},
    {"timetz", DT_FC(dt_timetz_part), KN_METH_NOARGS, "Return time object with same time and tzinfo."},
    {"ctime", DT_FC(dt_ctime), KN_METH_NOARGS, "Return ctime() style string."},
    {"timetuple", DT_FC(dt_timetuple), KN_METH_NOARGS, "Return time tuple, compatible with time.localtime()."},
    {"timestamp", DT_FC(dt_timestamp), KN_METH_NOARGS, "Return POSIX timestamp as float."},
    {"utctimetuple", DT_FC(dt_utctimetuple), KN_METH_NOARGS, "Return UTC time tuple, compatible with time.localtime()."},
    {"utcoffset", DT_FC(dt_utcoffset), KN_METH_NOARGS, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", DT_FC(dt_tzname), KN_METH_NOARGS, "Return self.tzinfo.tzname(self)."},
    {"dst", DT_FC(dt_dst), KN_METH_NOARGS, "Return self.tzinfo.dst(self)."},
    {"astimezone", DT_FC(dt_astimezone), DT_KW, "tz -> convert to local time in new timezone tz\n"},
    {NULL, NULL, 0, NULL}
};
