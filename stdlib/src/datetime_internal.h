/*
 * datetime_internal.h — the `_datetime` module (NOTES-datetime.md): object
 * layouts and the helpers its files share.
 *
 * Files: datetime_calendar.c (proleptic Gregorian arithmetic, normalising,
 * IsoCalendarDate), datetime_delta.c (timedelta), datetime_date.c (date),
 * datetime_time.c (time), datetime_datetime.c (datetime: construction,
 * arithmetic, comparison), datetime_dtconv.c (datetime: clocks,
 * timestamps, time zones), datetime_tz.c (tzinfo, timezone, the
 * utcoffset/dst/tzname protocol), datetime_format.c (isoformat, strftime,
 * fromisoformat) and datetime_module.c (the module).
 *
 * Fields are plain ints, not CPython's packed bytes: there is no
 * datetime_CAPI, so nothing outside these files reads them.  tzinfo is
 * KN_None for a naive object, never NULL.
 */
#ifndef STDLIB_DATETIME_INTERNAL_H
#define STDLIB_DATETIME_INTERNAL_H

#include "libobject/libobject.h"
#include "libobject/hash.h"

#define DT_MINYEAR 1
#define DT_MAXYEAR 9999
#define DT_MAXORDINAL 3652059          /* date(9999, 12, 31).toordinal() */
#define DT_MAX_DELTA_DAYS 999999999

typedef struct DtDelta {
    KN_OBJECT_HEAD;
    kn_hash_t hash;                    /* -1 until computed */
    int days;                          /* |days| <= 999999999 */
    int seconds;                       /* 0 .. 86399 */
    int us;                            /* 0 .. 999999 */
} DtDelta;

typedef struct DtDate {
    KN_OBJECT_HEAD;
    kn_hash_t hash;
    int year, month, day;
} DtDate;

typedef struct DtTime {
    KN_OBJECT_HEAD;
    kn_hash_t hash;
    int hour, minute, second, us, fold;
    KnObject *tzinfo;
} DtTime;

/* A datetime is a date (its tp_base) with the time fields after it, so
 * date's methods read a datetime's date part unchanged. */
typedef struct DtDateTime {
    DtDate d;
    int hour, minute, second, us, fold;
    KnObject *tzinfo;
} DtDateTime;

typedef struct DtTimeZone {
    KN_OBJECT_HEAD;
    KnObject *offset;                  /* a timedelta */
    KnObject *name;                    /* str or NULL */
} DtTimeZone;

extern KnTypeObject dt_delta_type, dt_date_type, dt_time_type, dt_datetime_type,
    dt_tzinfo_type, dt_timezone_type, dt_isocal_type;
extern KnObject *dt_utc;               /* timezone.utc */

#define DT_DELTA(o) ((DtDelta *)(o))
#define DT_DATE(o) ((DtDate *)(o))
#define DT_TIME(o) ((DtTime *)(o))
#define DT_DT(o) ((DtDateTime *)(o))
#define DT_DELTA_CHECK(o) KN_TYPE_CHECK(o, &dt_delta_type)
#define DT_DATE_CHECK(o) KN_TYPE_CHECK(o, &dt_date_type)
#define DT_TIME_CHECK(o) KN_TYPE_CHECK(o, &dt_time_type)
#define DT_DATETIME_CHECK(o) KN_TYPE_CHECK(o, &dt_datetime_type)
#define DT_TZINFO_CHECK(o) KN_TYPE_CHECK(o, &dt_tzinfo_type)
#define DT_TIMEZONE_CHECK(o) KN_TYPE_CHECK(o, &dt_timezone_type)

#define DT_FC(f) ((KnCFunction)(void (*)(void))(f))
#define DT_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

/* ---- datetime_calendar.c ---- */
int dt_is_leap(int year);
int dt_days_in_month(int year, int month);
int dt_days_before_month(int year, int month);
long dt_ymd_to_ord(int year, int month, int day);
void dt_ord_to_ymd(long ordinal, int *year, int *month, int *day);
int dt_weekday(int year, int month, int day);          /* Monday 0 */
long dt_iso_week1_monday(int year);
void dt_iso_calendar(int y, int m, int d, int *iy, int *iw, int *iwd);
/* fromisocalendar's checks and conversion; -1 with ValueError. */
int dt_iso_to_ymd(int iy, int iw, int iwd, int *y, int *m, int *d);
/* Carry lo into hi so that 0 <= lo < factor. */
void dt_normalize_pair(int *hi, int *lo, int factor);
/* Date / date+time fields whose day (and time) may be out of range:
 * -1 with OverflowError "date value out of range". */
int dt_normalize_date(int *y, int *m, int *d);
int dt_normalize_datetime(int *y, int *m, int *d, int *hh, int *mm, int *ss, int *us);
int dt_check_date(int y, int m, int d);                /* ValueError */
int dt_check_time(int hh, int mm, int ss, int us, int fold);
int dt_check_tzinfo(KnObject *tz);                     /* TypeError */
KnObject *dt_isocal_new(int year, int week, int weekday);
/* An int argument as C int: TypeError for non-integers, OverflowError
 * "signed integer is greater than maximum" / "... less than minimum". */
int dt_arg_int(KnObject *o, int *out);
/* A zeroed instance of t (a datetime type or a Python subclass of one). */
KnObject *dt_alloc(KnTypeObject *t, KnTypeObject *base);
/* (type(self), (state_bytes[, tzinfo])): the __reduce__ of date, time and
 * datetime. */
KnObject *dt_reduce_state(KnObject *self, const unsigned char *state, int n, KnObject *tzinfo);
/* The `format` argument of strftime(): a str, else TypeError. */
KnObject *dt_strftime_arg(KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
/* fromutc(dt)'s checks: dt is a datetime whose tzinfo is self. */
int dt_check_fromutc_arg(KnObject *self, KnObject *dt);
/* The constructors' argument parsing, with the messages of CPython's
 * PyArg_ParseTupleAndKeywords (fname NULL prints "function"): parameters
 * names[0 ..], the first `required` required, those from `maxpos` on
 * keyword-only.  Arguments are taken in order; one whose bit is set in
 * intmask is converted into ints[i] when it is reached, so a bad early
 * argument is reported before a missing later one, as in CPython. */
int dt_parse_ctor(const char *fname, const char *const *names, int required, int maxpos,
                  KnObject *args, KnObject *kwargs, KnObject **out, int *ints, unsigned intmask);
/* dt_arg_int over a[0 .. n-1], skipping NULL (absent) entries. */
int dt_arg_ints(KnObject *const *a, int *out, int n);
KnObject *dt_import(const char *module, const char *attr);
/* time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst)). */
KnObject *dt_struct_time(int y, int m, int d, int hh, int mm, int ss, int dst);

/* ---- datetime_delta.c ---- */
/* A timedelta of the exact type; normalises, then range-checks. */
KnObject *dt_delta_new(long long days, long long seconds, long long us);
KnObject *dt_delta_new_type(KnTypeObject *t, long long days, long long seconds, long long us);
KnObject *dt_delta_to_us(KnObject *delta);             /* int */
KnObject *dt_delta_from_us(KnObject *us, KnTypeObject *t); /* int -> timedelta */
int dt_delta_cmp(KnObject *a, KnObject *b);
int dt_delta_is_zero(KnObject *d);
KnObject *dt_delta_neg(KnObject *d);
KnObject *dt_delta_repr(KnObject *self);

/* ---- datetime_date.c ---- */
KnObject *dt_date_alloc(KnTypeObject *t, int y, int m, int d);
/* date(y, m, d) of class cls: the fast path for date / datetime, a call
 * of cls otherwise (subclass constructors run, as in CPython). */
KnObject *dt_date_new_sub(int y, int m, int d, KnObject *cls);
KnObject *dt_date_fromtimestamp_cls(KnObject *cls, KnObject *ts);

/* CPython's pickle state (bytes of length want, or a str of that many
 * code points below 256) as bytes; NULL when obj is not one. */
const unsigned char *dt_pickle_state(KnObject *obj, kn_ssize_t want, KnObject **keep);
KnObject *dt_format_ctime(DtDate *d, int hh, int mm, int ss);
/* __format__(fmt): str(self) for "", else self.strftime(fmt). */
KnObject *dt_format_method(KnObject *self, KnObject *const *args, kn_ssize_t nargs);
/* A comparison result c (<0, 0, >0) as the bool for op. */
KnObject *dt_cmp_result(int c, int op);

/* ---- datetime_time.c ---- */
KnObject *dt_time_alloc(KnTypeObject *t, int hh, int mm, int ss, int us, KnObject *tz, int fold);
/* repr "X(...)" with ", tzinfo=%R" / ", fold=1" inserted before ")". */
KnObject *dt_append_tz_fold(KnObject *repr, KnObject *tzinfo, int fold);

/* ---- datetime_datetime.c ---- */
KnObject *dt_datetime_alloc(KnTypeObject *t, int y, int m, int d, int hh, int mm, int ss,
                            int us, KnObject *tz, int fold);
KnObject *dt_datetime_new_sub(int y, int m, int d, int hh, int mm, int ss, int us,
                              KnObject *tz, int fold, KnObject *cls);
/* datetime +/- timedelta (sign +1 / -1), keeping the subclass. */
KnObject *dt_datetime_add_delta(KnObject *dt, KnObject *delta, int sign);
KnObject *dt_datetime_sub(KnObject *a, KnObject *b);

/* ---- datetime_dtconv.c ---- */
struct tm;
/* A timestamp (int or float) as whole seconds and, when us is not NULL,
 * microseconds rounded half to even; us NULL: seconds rounded down.
 * -1 with ValueError (NaN) / OverflowError (out of time_t). */
int dt_timestamp_split(KnObject *obj, long long *secs, int *us);
/* localtime_r / gmtime_r; -1 with OSError (or OverflowError). */
int dt_localtime(long long t, struct tm *tm);
int dt_gmtime(long long t, struct tm *tm);
extern KnMethodDef dt_datetime_conv_methods[];
KnObject *dt_datetime_utcoffset_obj(KnObject *self);

/* ---- datetime_tz.c ---- */
/* tzinfo.utcoffset(arg) / dst(arg) checked: None or a timedelta strictly
 * inside one day; tzname: None or str.  tzinfo None gives None. */
KnObject *dt_call_utcoffset(KnObject *tzinfo, KnObject *arg);
KnObject *dt_call_dst(KnObject *tzinfo, KnObject *arg);
KnObject *dt_call_tzname(KnObject *tzinfo, KnObject *arg);
KnObject *dt_timezone_new(KnObject *offset, KnObject *name);   /* name NULL: none */
KnObject *dt_timezone_create(KnObject *offset, KnObject *name);  /* never the utc singleton */
int dt_tz_init(void);

/* ---- datetime_format.c ---- */
/* "+HH:MM[:SS[.ffffff]]" (sep ":" or "") of a timedelta into buf; None
 * gives "". */
int dt_format_offset(char *buf, size_t size, KnObject *offset, const char *sep);
KnObject *dt_format_iso_time(int hh, int mm, int ss, int us, KnObject *timespec);
/* strftime(format) of an object with timetuple(): expands %z %Z %f (and
 * %:z is left alone, as in 3.11) then calls time.strftime. */
KnObject *dt_wrap_strftime(KnObject *obj, KnObject *format, KnObject *timetuple, KnObject *tzinfoarg);
KnObject *dt_date_fromisoformat(KnObject *cls, KnObject *s);
KnObject *dt_time_fromisoformat(KnObject *cls, KnObject *s);
KnObject *dt_datetime_fromisoformat(KnObject *cls, KnObject *s);

#endif /* STDLIB_DATETIME_INTERNAL_H */
