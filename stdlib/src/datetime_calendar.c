/*
 * datetime_calendar.c — proleptic Gregorian arithmetic for `_datetime`
 * (ordinals, ISO weeks, carrying out-of-range fields), argument checks
 * shared by the types, and datetime.IsoCalendarDate.
 *
 * Ordinal 1 is 0001-01-01 (a Monday).  Years stay in 1..9999 except
 * transiently while normalising, where they may leave it by one.
 */
#include <limits.h>

#include "datetime_internal.h"
#include "intarg.h"

extern KnClassHooks ob_type_hooks;   /* libobject (type_new.h): the import hook */

static const int dim_table[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int dbm_table[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

int dt_is_leap(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int dt_days_in_month(int year, int month)
{
    return month == 2 && dt_is_leap(year) ? 29 : dim_table[month];
}

int dt_days_before_month(int year, int month)
{
    return dbm_table[month] + (month > 2 && dt_is_leap(year));
}

static long days_before_year(int year)
{
    long y = year - 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

long dt_ymd_to_ord(int year, int month, int day)
{
    return days_before_year(year) + dt_days_before_month(year, month) + day;
}

/* Days in 400, 100 and 4 years of the cycle. */
#define DI400Y 146097
#define DI100Y 36524
#define DI4Y 1461

void dt_ord_to_ymd(long ordinal, int *year, int *month, int *day)
{
    long n = ordinal - 1;
    long n400 = n / DI400Y;
    n %= DI400Y;
    long n100 = n / DI100Y;
    n %= DI100Y;
    long n4 = n / DI4Y;
    n %= DI4Y;
    long n1 = n / 365;
    n %= 365;
    *year = (int)(n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1);
    if (n1 == 4 || n100 == 4) {
        /* the last day of a leap cycle: December 31 of the year before */
        (*year)--;
        *month = 12;
        *day = 31;
        return;
    }
    int leap = n1 == 3 && (n4 != 24 || n100 == 3);
    int m = (int)((n + 50) >> 5);          /* a guess, at most one too big */
    int before = dbm_table[m] + (m > 2 && leap);
    if (before > n) {
        m--;
        before = dbm_table[m] + (m > 2 && leap);
    }
    *month = m;
    *day = (int)(n - before + 1);
}

int dt_weekday(int year, int month, int day)
{
    return (int)((dt_ymd_to_ord(year, month, day) + 6) % 7);
}

long dt_iso_week1_monday(int year)
{
    long first = days_before_year(year) + 1;
    long first_wd = (first + 6) % 7;
    long monday = first - first_wd;
    if (first_wd > 3)              /* Jan 1 after Thursday: week 1 starts later */
        monday += 7;
    return monday;
}

void dt_iso_calendar(int y, int m, int d, int *iy, int *iw, int *iwd)
{
    int year = y;
    long monday = dt_iso_week1_monday(year);
    long today = dt_ymd_to_ord(y, m, d);
    long diff = today - monday;
    long week = diff >= 0 ? diff / 7 : -((-diff + 6) / 7);
    long wd = diff - week * 7;
    if (week < 0) {
        year--;
        monday = dt_iso_week1_monday(year);
        diff = today - monday;
        week = diff / 7;
        wd = diff % 7;
    } else if (week >= 52 && today >= dt_iso_week1_monday(year + 1)) {
        year++;
        week = 0;
    }
    *iy = year;
    *iw = (int)week + 1;
    *iwd = (int)wd + 1;
}

int dt_iso_to_ymd(int iy, int iw, int iwd, int *y, int *m, int *d)
{
    if (iy < DT_MINYEAR || iy > DT_MAXYEAR) {
        ob_err_format(ob_exc_ValueError, "Year is out of range: %d", iy);
        return -1;
    }
    if (iw <= 0 || iw >= 53) {
        /* week 53 exists when the year starts on a Thursday, or on a
         * Wednesday in a leap year */
        int first = dt_weekday(iy, 1, 1);
        if (!(iw == 53 && (first == 3 || (first == 2 && dt_is_leap(iy))))) {
            ob_err_format(ob_exc_ValueError, "Invalid week: %d", iw);
            return -1;
        }
    }
    if (iwd <= 0 || iwd >= 8) {
        ob_err_format(ob_exc_ValueError, "Invalid day: %d (range is [1, 7])", iwd);
        return -1;
    }
    long ord = dt_iso_week1_monday(iy) + (long)(iw - 1) * 7 + (iwd - 1);
    dt_ord_to_ymd(ord, y, m, d);
    return 0;
}

void dt_normalize_pair(int *hi, int *lo, int factor)
{
    if (*lo < 0 || *lo >= factor) {
        int q = *lo / factor;
        int r = *lo % factor;
        if (r < 0) {
            r += factor;
            q--;
        }
        *hi += q;
        *lo = r;
    }
}

int dt_normalize_date(int *y, int *m, int *d)
{
    /* months first (replace() never produces bad months, but arithmetic
     * passes an in-range month with a day possibly out of range) */
    if (*m < 1 || *m > 12) {
        int mm = *m - 1;
        dt_normalize_pair(y, &mm, 12);
        *m = mm + 1;
    }
    if (*d < 1 || *d > dt_days_in_month(*y, *m)) {
        if (*y >= DT_MINYEAR && *y <= DT_MAXYEAR) {
            long ord = dt_ymd_to_ord(*y, *m, 1) + *d - 1;
            if (ord < 1 || ord > DT_MAXORDINAL)
                goto range;
            dt_ord_to_ymd(ord, y, m, d);
            return 0;
        }
        goto range;
    }
    if (*y < DT_MINYEAR || *y > DT_MAXYEAR)
        goto range;
    return 0;
range:
    ob_err_set_string(ob_exc_OverflowError, "date value out of range");
    return -1;
}

int dt_normalize_datetime(int *y, int *m, int *d, int *hh, int *mm, int *ss, int *us)
{
    dt_normalize_pair(ss, us, 1000000);
    dt_normalize_pair(mm, ss, 60);
    dt_normalize_pair(hh, mm, 60);
    dt_normalize_pair(d, hh, 24);
    return dt_normalize_date(y, m, d);
}

int dt_check_date(int y, int m, int d)
{
    if (y < DT_MINYEAR || y > DT_MAXYEAR) {
        ob_err_format(ob_exc_ValueError, "year %d is out of range", y);
        return -1;
    }
    if (m < 1 || m > 12) {
        ob_err_set_string(ob_exc_ValueError, "month must be in 1..12");
        return -1;
    }
    if (d < 1 || d > dt_days_in_month(y, m)) {
        ob_err_set_string(ob_exc_ValueError, "day is out of range for month");
        return -1;
    }
    return 0;
}

int dt_check_time(int hh, int mm, int ss, int us, int fold)
{
    const char *msg = NULL;
    if (hh < 0 || hh > 23)
        msg = "hour must be in 0..23";
    else if (mm < 0 || mm > 59)
        msg = "minute must be in 0..59";
    else if (ss < 0 || ss > 59)
        msg = "second must be in 0..59";
    else if (us < 0 || us > 999999)
        msg = "microsecond must be in 0..999999";
    else if (fold != 0 && fold != 1)
        msg = "fold must be either 0 or 1";
    if (msg != NULL) {
        ob_err_set_string(ob_exc_ValueError, msg);
        return -1;
    }
    return 0;
}

int dt_check_tzinfo(KnObject *tz)
{
    if (tz == KN_None || DT_TZINFO_CHECK(tz))
        return 0;
    ob_err_format(ob_exc_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
                  ob_type_name(KN_TYPE(tz)));
    return -1;
}

int dt_arg_int(KnObject *o, int *out)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    if (v > INT_MAX || v < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, v > 0 ? "signed integer is greater than maximum"
                                                       : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

KnObject *dt_alloc(KnTypeObject *t, KnTypeObject *base)
{
    return t == base ? ob_alloc(t, 0) : ob_type_generic_alloc(t, 0);
}

KnObject *dt_reduce_state(KnObject *self, const unsigned char *state, int n, KnObject *tzinfo)
{
    KnObject *st = ob_bytes_from_data(state, n);
    if (st == NULL)
        return NULL;
    KnObject *args = tzinfo == KN_None ? ob_tuple_pack(1, st) : ob_tuple_pack(2, st, tzinfo);
    return args == NULL ? NULL : ob_tuple_pack(2, (KnObject *)KN_TYPE(self), args);
}

KnObject *dt_strftime_arg(KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"format", NULL};
    static const KnArgSpec spec = {"strftime", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (!KN_STR_CHECK(a[0])) {
        ob_err_format(ob_exc_TypeError, "strftime() argument 1 must be str, not %s", ob_type_name(KN_TYPE(a[0])));
        return NULL;
    }
    return a[0];
}

int dt_check_fromutc_arg(KnObject *self, KnObject *dt)
{
    if (!DT_DATETIME_CHECK(dt)) {
        ob_err_set_string(ob_exc_TypeError, "fromutc: argument must be a datetime");
        return -1;
    }
    if (DT_DT(dt)->tzinfo != self) {
        ob_err_set_string(ob_exc_ValueError, "fromutc: dt.tzinfo is not self");
        return -1;
    }
    return 0;
}

int dt_parse_ctor(const char *fname, const char *const *names, int required, int maxpos,
                  KnObject *args, KnObject *kwargs, KnObject **out, int *ints, unsigned intmask)
{
    const char *fn = fname ? fname : "function", *paren = fname ? "()" : "";
    int len = 0;
    while (names[len] != NULL)
        len++;
    kn_ssize_t nargs = KN_SIZE(args);
    kn_ssize_t nkw = kwargs != NULL ? ob_dict_size(kwargs) : 0;
    if (nargs + nkw > len) {
        ob_err_format(ob_exc_TypeError, "%s%s takes at most %d %sargument%s (%zd given)", fn, paren, len,
                      nargs == 0 ? "keyword " : "", len == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        ob_err_format(ob_exc_TypeError, "%s%s takes %s %d positional argument%s (%zd given)", fn, paren,
                      required < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    kn_ssize_t left = nkw;
    for (int i = 0; i < len; i++) {
        KnObject *v = NULL;
        if (i < nargs) {
            v = KN_TUPLE_GET(args, i);
        } else if (left > 0) {
            v = ob_dict_getitem_str(kwargs, names[i]);
            if (v == NULL && ob_err_occurred())
                return -1;
            if (v != NULL)
                left--;
        }
        out[i] = v;
        if (v != NULL) {
            if ((intmask >> i & 1) && dt_arg_int(v, &ints[i]) < 0)
                return -1;
            continue;
        }
        if (i < required) {
            ob_err_format(ob_exc_TypeError, "%s%s missing required argument '%s' (pos %d)", fn, paren, names[i], i + 1);
            return -1;
        }
    }
    if (nkw == 0)
        return 0;
    for (kn_ssize_t i = 0; i < nargs; i++) {
        KnObject *v = ob_dict_getitem_str(kwargs, names[i]);
        if (v == NULL && ob_err_occurred())
            return -1;
        if (v != NULL) {
            ob_err_format(ob_exc_TypeError, "argument for %s%s given by name ('%s') and position (%zd)", fn, paren,
                          names[i], i + 1);
            return -1;
        }
    }
    kn_ssize_t pos = 0;
    KnObject *key, *value;
    while (ob_dict_next(kwargs, &pos, &key, &value)) {
        if (!KN_STR_CHECK(key)) {
            ob_err_set_string(ob_exc_TypeError, "keywords must be strings");
            return -1;
        }
        int match = 0;
        for (int i = 0; i < len && !match; i++)
            match = ob_str_equal_cstr(key, names[i]);
        if (!match) {
            ob_err_format(ob_exc_TypeError, "'%U' is an invalid keyword argument for %s%s", key,
                          fname ? fname : "this function", paren);
            return -1;
        }
    }
    return 0;
}

int dt_arg_ints(KnObject *const *a, int *out, int n)
{
    for (int i = 0; i < n; i++)
        if (a[i] != NULL && dt_arg_int(a[i], &out[i]) < 0)
            return -1;
    return 0;
}

KnObject *dt_import(const char *module, const char *attr)
{
    if (ob_type_hooks.import_module == NULL) {
        ob_err_format(ob_exc_ImportError, "%s is needed but no import system is running", module);
        return NULL;
    }
    KnObject *mod = ob_type_hooks.import_module(ob_str_intern_cstr(module));
    if (mod == NULL || attr == NULL)
        return mod;
    return ob_getattr_str(mod, attr);
}

KnObject *dt_struct_time(int y, int m, int d, int hh, int mm, int ss, int dst)
{
    KnObject *st = dt_import("time", "struct_time");
    if (st == NULL)
        return NULL;
    int yday = dt_days_before_month(y, m) + d;
    KnObject *t = ob_tuple_pack(9, ob_int_from_long_long(y), ob_int_from_long_long(m),
                                ob_int_from_long_long(d), ob_int_from_long_long(hh),
                                ob_int_from_long_long(mm), ob_int_from_long_long(ss),
                                ob_int_from_long_long(dt_weekday(y, m, d)),
                                ob_int_from_long_long(yday), ob_int_from_long_long(dst));
    if (t == NULL)
        return NULL;
    return ob_call_onearg(st, t);
}

/* ---- datetime.IsoCalendarDate: a 3-tuple with names ---- */

KnObject *dt_isocal_new(int year, int week, int weekday)
{
    KnObject *o = ob_alloc(&dt_isocal_type, 3);
    if (o == NULL)
        return NULL;
    KN_TUPLE_SET(o, 0, ob_int_from_long_long(year));
    KN_TUPLE_SET(o, 1, ob_int_from_long_long(week));
    KN_TUPLE_SET(o, 2, ob_int_from_long_long(weekday));
    return o;
}

static KnObject *isocal_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"year", "week", "weekday", NULL};
    static const KnArgSpec spec = {"IsoCalendarDate", names, 3, 3, 0};
    KnObject *a[3] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    KnObject *o = ob_alloc(t, 3);
    if (o == NULL)
        return NULL;
    for (int i = 0; i < 3; i++)
        KN_TUPLE_SET(o, i, a[i]);
    return o;
}

static KnObject *isocal_get(KnObject *self, void *closure)
{
    return KN_TUPLE_GET(self, (intptr_t)closure);
}

static KnObject *isocal_repr(KnObject *self)
{
    return ob_str_from_format("%s(year=%S, week=%S, weekday=%S)", KN_TYPE(self)->tp_name,
                              KN_TUPLE_GET(self, 0), KN_TUPLE_GET(self, 1), KN_TUPLE_GET(self, 2));
}

static KnObject *isocal_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *plain = ob_tuple_from_array(KN_TUPLE_ITEMS(self), 3);
    if (plain == NULL)
        return NULL;
    return ob_tuple_pack(2, (KnObject *)&ob_tuple_type, ob_tuple_pack(1, plain));
}

static KnGetSetDef isocal_getset[] = {
    {"year", isocal_get, NULL, NULL, (void *)0},
    {"week", isocal_get, NULL, NULL, (void *)1},
    {"weekday", isocal_get, NULL, NULL, (void *)2},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMethodDef isocal_methods[] = {
    {"__reduce__", DT_FC(isocal_reduce), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

KnTypeObject dt_isocal_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "datetime.IsoCalendarDate",
    .tp_basicsize = sizeof(KnTupleObject) - sizeof(KnObject *),
    .tp_itemsize = sizeof(KnObject *),
    .tp_repr = isocal_repr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_TUPLE_SUBCLASS,
    .tp_methods = isocal_methods,
    .tp_getset = isocal_getset,
    .tp_base = &ob_tuple_type,
    .tp_new = isocal_tp_new,
};
