/*
 * datetime_date.c — datetime.date.
 *
 * Pickle state is CPython's 4 bytes (year high, year low, month, day);
 * date(state) rebuilds from it.  Alternative constructors of a subclass
 * call the subclass (cls(y, m, d)); replace() allocates the subclass
 * directly, as CPython's C type does.
 */
#include <stdio.h>
#include <time.h>

#include "datetime_internal.h"

static const char *const day_names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

KnObject *dt_date_alloc(KnTypeObject *t, int y, int m, int d)
{
    KnObject *o = dt_alloc(t, &dt_date_type);
    if (o == NULL)
        return NULL;
    DT_DATE(o)->hash = -1;
    DT_DATE(o)->year = y;
    DT_DATE(o)->month = m;
    DT_DATE(o)->day = d;
    return o;
}

KnObject *dt_date_new_sub(int y, int m, int d, KnObject *cls)
{
    if (cls == (KnObject *)&dt_date_type) {
        if (dt_check_date(y, m, d) < 0)
            return NULL;
        return dt_date_alloc(&dt_date_type, y, m, d);
    }
    if (cls == (KnObject *)&dt_datetime_type)
        return dt_datetime_new_sub(y, m, d, 0, 0, 0, 0, KN_None, 0, cls);
    KnObject *args[3] = {ob_int_from_long_long(y), ob_int_from_long_long(m), ob_int_from_long_long(d)};
    return ob_vectorcall(cls, args, 3, NULL);
}

/* The 4-byte pickle state as bytes, or NULL when obj is not one (str is
 * accepted too, its code points as bytes, as CPython does). */
const unsigned char *dt_pickle_state(KnObject *obj, kn_ssize_t want, KnObject **keep)
{
    if (KN_BYTES_CHECK(obj)) {
        if (KN_SIZE(obj) != want)
            return NULL;
        *keep = obj;
        return (const unsigned char *)KN_BYTES_AS_STRING(obj);
    }
    if (KN_STR_CHECK(obj) && ob_str_length(obj) == want && ob_str_max_char(obj) <= 0xff) {
        KnObject *b = ob_str_encode(obj, "latin-1", "strict");
        if (b == NULL) {
            ob_err_clear();
            return NULL;
        }
        *keep = b;
        return (const unsigned char *)KN_BYTES_AS_STRING(b);
    }
    return NULL;
}

static KnObject *date_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (KN_SIZE(args) == 1 && (kwargs == NULL || ob_dict_size(kwargs) == 0)) {
        KnObject *keep;
        const unsigned char *s = dt_pickle_state(KN_TUPLE_GET(args, 0), 4, &keep);
        if (s != NULL && s[2] >= 1 && s[2] <= 12)
            return dt_date_alloc(t, s[0] * 256 + s[1], s[2], s[3]);
    }
    static const char *const names[] = {"year", "month", "day", NULL};
    KnObject *a[3] = {0};
    int v[3];
    if (dt_parse_ctor(NULL, names, 3, 3, args, kwargs, a, v, 7) < 0 || dt_check_date(v[0], v[1], v[2]) < 0)
        return NULL;
    return dt_date_alloc(t, v[0], v[1], v[2]);
}

/* ---- alternative constructors ---- */

KnObject *dt_date_fromtimestamp_cls(KnObject *cls, KnObject *ts)
{
    long long secs;
    struct tm tm;
    if (dt_timestamp_split(ts, &secs, NULL) < 0 || dt_localtime(secs, &tm) < 0)
        return NULL;
    return dt_date_new_sub(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, cls);
}

static KnObject *date_fromtimestamp(KnObject *cls, KnObject *ts)
{
    return dt_date_fromtimestamp_cls(cls, ts);
}

static KnObject *date_today(KnObject *cls, KnObject *unused)
{
    (void)unused;
    KnObject *now = dt_import("time", "time");
    if (now == NULL || (now = ob_call_noargs(now)) == NULL)
        return NULL;
    return ob_call_method(cls, "fromtimestamp", 1, now);
}

static KnObject *date_fromordinal(KnObject *cls, KnObject *arg)
{
    int n, y, m, d;
    if (dt_arg_int(arg, &n) < 0)
        return NULL;
    if (n < 1) {
        ob_err_set_string(ob_exc_ValueError, "ordinal must be >= 1");
        return NULL;
    }
    dt_ord_to_ymd(n, &y, &m, &d);
    return dt_date_new_sub(y, m, d, cls);
}

static KnObject *date_fromisoformat_m(KnObject *cls, KnObject *arg)
{
    return dt_date_fromisoformat(cls, arg);
}

static KnObject *date_fromisocalendar(KnObject *cls, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"year", "week", "day", NULL};
    static const KnArgSpec spec = {"fromisocalendar", names, 3, 3, 0};
    KnObject *a[3] = {0};
    int v[3], y, m, d;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (dt_arg_ints(a, v, 3) < 0) {
        if (ob_err_occurred() == ob_exc_OverflowError) {
            ob_err_clear();
            ob_err_set_string(ob_exc_ValueError, "ISO calendar component out of range");
        }
        return NULL;
    }
    if (dt_iso_to_ymd(v[0], v[1], v[2], &y, &m, &d) < 0)
        return NULL;
    return dt_date_new_sub(y, m, d, cls);
}

/* ---- formatting ---- */

static KnObject *date_isoformat(KnObject *self, KnObject *unused)
{
    (void)unused;
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", DT_DATE(self)->year, DT_DATE(self)->month, DT_DATE(self)->day);
    return ob_str_from_cstr(buf);
}

static KnObject *date_repr(KnObject *self)
{
    return ob_str_from_format("%s(%d, %d, %d)", KN_TYPE(self)->tp_name, DT_DATE(self)->year,
                              DT_DATE(self)->month, DT_DATE(self)->day);
}

static KnObject *date_str(KnObject *self)
{
    return ob_call_method(self, "isoformat", 0);
}

KnObject *dt_format_ctime(DtDate *d, int hh, int mm, int ss)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", day_names[dt_weekday(d->year, d->month, d->day)],
             month_names[d->month - 1], d->day, hh, mm, ss, d->year);
    return ob_str_from_cstr(buf);
}

static KnObject *date_ctime(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_format_ctime(DT_DATE(self), 0, 0, 0);
}

static KnObject *date_timetuple(KnObject *self, KnObject *unused)
{
    (void)unused;
    DtDate *d = DT_DATE(self);
    return dt_struct_time(d->year, d->month, d->day, 0, 0, 0, -1);
}

static KnObject *date_strftime(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    KnObject *fmt = dt_strftime_arg(args, nargs, kw);
    KnObject *tt = fmt ? ob_call_method(self, "timetuple", 0) : NULL;
    /* a datetime's tzinfo methods get the datetime itself */
    return tt == NULL ? NULL : dt_wrap_strftime(self, fmt, tt, self);
}

KnObject *dt_format_method(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!KN_STR_CHECK(args[0])) {
        ob_err_format(ob_exc_TypeError, "__format__() argument 1 must be str, not %s",
                      ob_type_name(KN_TYPE(args[0])));
        return NULL;
    }
    if (ob_str_length(args[0]) == 0)
        return ob_str(self);
    return ob_call_method(self, "strftime", 1, args[0]);
}

/* ---- calendar queries ---- */

static KnObject *date_toordinal(KnObject *self, KnObject *unused)
{
    (void)unused;
    DtDate *d = DT_DATE(self);
    return ob_int_from_long_long(dt_ymd_to_ord(d->year, d->month, d->day));
}

static KnObject *date_weekday(KnObject *self, KnObject *unused)
{
    (void)unused;
    DtDate *d = DT_DATE(self);
    return ob_int_from_long_long(dt_weekday(d->year, d->month, d->day));
}

static KnObject *date_isoweekday(KnObject *self, KnObject *unused)
{
    (void)unused;
    DtDate *d = DT_DATE(self);
    return ob_int_from_long_long(dt_weekday(d->year, d->month, d->day) + 1);
}

static KnObject *date_isocalendar(KnObject *self, KnObject *unused)
{
    (void)unused;
    DtDate *d = DT_DATE(self);
    int y, w, wd;
    dt_iso_calendar(d->year, d->month, d->day, &y, &w, &wd);
    return dt_isocal_new(y, w, wd);
}

static KnObject *date_replace(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"year", "month", "day", NULL};
    static const KnArgSpec spec = {"replace", names, 0, 3, 0};
    KnObject *a[3] = {0};
    DtDate *d = DT_DATE(self);
    int v[3] = {d->year, d->month, d->day};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || dt_arg_ints(a, v, 3) < 0
        || dt_check_date(v[0], v[1], v[2]) < 0)
        return NULL;
    return dt_date_alloc(KN_TYPE(self), v[0], v[1], v[2]);
}

static void date_bytes(DtDate *d, unsigned char s[4])
{
    s[0] = (unsigned char)(d->year >> 8);
    s[1] = (unsigned char)(d->year & 0xff);
    s[2] = (unsigned char)d->month;
    s[3] = (unsigned char)d->day;
}

static KnObject *date_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    unsigned char s[4];
    date_bytes(DT_DATE(self), s);
    return dt_reduce_state(self, s, 4, KN_None);
}

/* ---- comparison, hash, arithmetic ---- */

static int date_cmp(DtDate *a, DtDate *b)
{
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->month != b->month)
        return a->month < b->month ? -1 : 1;
    return a->day < b->day ? -1 : a->day > b->day;
}

KnObject *dt_cmp_result(int c, int op)
{
    switch (op) {
    case KN_LT: return KN_BOOL(c < 0);
    case KN_LE: return KN_BOOL(c <= 0);
    case KN_EQ: return KN_BOOL(c == 0);
    case KN_NE: return KN_BOOL(c != 0);
    case KN_GT: return KN_BOOL(c > 0);
    default: return KN_BOOL(c >= 0);
    }
}

static KnObject *date_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!DT_DATE_CHECK(b))
        return KN_NotImplemented;
    return dt_cmp_result(date_cmp(DT_DATE(a), DT_DATE(b)), op);
}

static kn_hash_t date_hash(KnObject *self)
{
    if (DT_DATE(self)->hash == -1) {
        unsigned char s[4];
        date_bytes(DT_DATE(self), s);
        DT_DATE(self)->hash = ob_hash_bytes(s, 4);
    }
    return DT_DATE(self)->hash;
}

static KnObject *date_plus_days(KnObject *date, long long days)
{
    DtDate *d = DT_DATE(date);
    int y = d->year, m = d->month, day = (int)(d->day + days);
    if (dt_normalize_date(&y, &m, &day) < 0)
        return NULL;
    return dt_date_new_sub(y, m, day, (KnObject *)KN_TYPE(date));
}

static KnObject *date_add(KnObject *a, KnObject *b)
{
    if (DT_DATETIME_CHECK(a) || DT_DATETIME_CHECK(b))
        return KN_NotImplemented;
    if (DT_DATE_CHECK(a) && DT_DELTA_CHECK(b))
        return date_plus_days(a, DT_DELTA(b)->days);
    if (DT_DELTA_CHECK(a) && DT_DATE_CHECK(b))
        return date_plus_days(b, DT_DELTA(a)->days);
    return KN_NotImplemented;
}

static KnObject *date_sub(KnObject *a, KnObject *b)
{
    if (DT_DATETIME_CHECK(a) || DT_DATETIME_CHECK(b) || !DT_DATE_CHECK(a))
        return KN_NotImplemented;
    if (DT_DATE_CHECK(b)) {
        DtDate *x = DT_DATE(a), *y = DT_DATE(b);
        return dt_delta_new(dt_ymd_to_ord(x->year, x->month, x->day) - dt_ymd_to_ord(y->year, y->month, y->day), 0, 0);
    }
    if (DT_DELTA_CHECK(b))
        return date_plus_days(a, -(long long)DT_DELTA(b)->days);
    return KN_NotImplemented;
}

static KnObject *date_get(KnObject *self, void *closure)
{
    DtDate *d = DT_DATE(self);
    int which = (int)(intptr_t)closure;
    return ob_int_from_long_long(which == 0 ? d->year : which == 1 ? d->month : d->day);
}

static KnGetSetDef date_getset[] = {
    {"year", date_get, NULL, NULL, (void *)0},
    {"month", date_get, NULL, NULL, (void *)1},
    {"day", date_get, NULL, NULL, (void *)2},
    {NULL, NULL, NULL, NULL, NULL}
};

#define CLS (KN_METH_CLASS)
static KnMethodDef date_methods[] = {
    {"fromtimestamp", DT_FC(date_fromtimestamp), KN_METH_O | CLS,
     "Create a date from a POSIX timestamp.\n\nThe timestamp is a number, e.g. created via time.time(), that is interpreted\nas local time."},
    {"fromordinal", DT_FC(date_fromordinal), KN_METH_O | CLS,
     "int -> date corresponding to a proleptic Gregorian ordinal."},
    {"fromisoformat", DT_FC(date_fromisoformat_m), KN_METH_O | CLS, "str -> Construct a date from a string in ISO 8601 format."},
    {"fromisocalendar", DT_FC(date_fromisocalendar), DT_KW | CLS,
     "int, int, int -> Construct a date from the ISO year, week number and weekday.\n\nThis is the inverse of the date.isocalendar() function"},
    {"today", DT_FC(date_today), KN_METH_NOARGS | CLS, "Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."},
    {"ctime", DT_FC(date_ctime), KN_METH_NOARGS, "Return ctime() style string."},
    {"strftime", DT_FC(date_strftime), DT_KW, "format -> strftime() style string."},
    {"__format__", DT_FC(dt_format_method), KN_METH_FASTCALL, "Formats self with strftime."},
    {"timetuple", DT_FC(date_timetuple), KN_METH_NOARGS, "Return time tuple, compatible with time.localtime()."},
    {"isocalendar", DT_FC(date_isocalendar), KN_METH_NOARGS, "Return a named tuple containing ISO year, week number, and weekday."},
    {"isoformat", DT_FC(date_isoformat), KN_METH_NOARGS, "Return string in ISO 8601 format, YYYY-MM-DD."},
    {"isoweekday", DT_FC(date_isoweekday), KN_METH_NOARGS, "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {"toordinal", DT_FC(date_toordinal), KN_METH_NOARGS, "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {"weekday", DT_FC(date_weekday), KN_METH_NOARGS, "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {"replace", DT_FC(date_replace), DT_KW, "Return date with new specified fields."},
    {"__reduce__", DT_FC(date_reduce), KN_METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL, NULL, 0, NULL}
};

static KnNumberMethods date_as_number = {
    .nb_add = date_add,
    .nb_subtract = date_sub,
};

KnTypeObject dt_date_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "datetime.date",
    .tp_basicsize = sizeof(DtDate),
    .tp_repr = date_repr,
    .tp_as_number = &date_as_number,
    .tp_hash = date_hash,
    .tp_str = date_str,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "date(year, month, day) --> date object",
    .tp_richcompare = date_richcompare,
    .tp_methods = date_methods,
    .tp_getset = date_getset,
    .tp_new = date_tp_new,
};
