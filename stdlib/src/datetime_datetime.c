/*
 * datetime_datetime.c — datetime.datetime: construction, fields, repr,
 * isoformat, replace, pickling, comparison, hashing and arithmetic.  The
 * clock / timestamp / time-zone methods are in datetime_dtconv.c.
 *
 * Pickle state: 10 bytes (year as 2 bytes, month + 128 when fold is 1 and
 * the protocol is above 3, day, hour, minute, second, microsecond as 3
 * bytes), then the tzinfo when there is one.
 */
#include <stdio.h>

#include "datetime_internal.h"

KnObject *dt_datetime_alloc(KnTypeObject *t, int y, int m, int d, int hh, int mm, int ss,
                            int us, KnObject *tz, int fold)
{
    KnObject *o = dt_alloc(t, &dt_datetime_type);
    if (o == NULL)
        return NULL;
    DtDateTime *x = DT_DT(o);
    x->d.hash = -1;
    x->d.year = y;
    x->d.month = m;
    x->d.day = d;
    x->hour = hh;
    x->minute = mm;
    x->second = ss;
    x->us = us;
    x->fold = fold;
    x->tzinfo = tz;
    return o;
}

KnObject *dt_datetime_new_sub(int y, int m, int d, int hh, int mm, int ss, int us,
                              KnObject *tz, int fold, KnObject *cls)
{
    if (cls == (KnObject *)&dt_datetime_type) {
        if (dt_check_date(y, m, d) < 0 || dt_check_time(hh, mm, ss, us, fold) < 0)
            return NULL;
        return dt_datetime_alloc(&dt_datetime_type, y, m, d, hh, mm, ss, us, tz, fold);
    }
    KnObject *args[9] = {ob_int_from_long_long(y), ob_int_from_long_long(m), ob_int_from_long_long(d),
                         ob_int_from_long_long(hh), ob_int_from_long_long(mm), ob_int_from_long_long(ss),
                         ob_int_from_long_long(us), tz, ob_int_from_long_long(1)};
    if (!fold)
        return ob_vectorcall(cls, args, 8, NULL);
    return ob_vectorcall(cls, args, 8, ob_tuple_pack(1, ob_str_intern_cstr("fold")));
}

static KnObject *datetime_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t n = KN_SIZE(args);
    if (n >= 1 && n <= 2 && (kwargs == NULL || ob_dict_size(kwargs) == 0)) {
        KnObject *keep;
        const unsigned char *s = dt_pickle_state(KN_TUPLE_GET(args, 0), 10, &keep);
        if (s != NULL && (s[2] & 0x7f) >= 1 && (s[2] & 0x7f) <= 12) {
            KnObject *tz = n == 2 ? KN_TUPLE_GET(args, 1) : KN_None;
            if (tz != KN_None && !DT_TZINFO_CHECK(tz)) {
                ob_err_set_string(ob_exc_TypeError, "bad tzinfo state arg");
                return NULL;
            }
            return dt_datetime_alloc(t, s[0] * 256 + s[1], s[2] & 0x7f, s[3], s[4], s[5], s[6],
                                     (s[7] << 16) | (s[8] << 8) | s[9], tz, s[2] > 127);
        }
    }
    static const char *const names[] = {"year", "month", "day", "hour", "minute", "second",
                                        "microsecond", "tzinfo", "fold", NULL};
    KnObject *a[9] = {0};
    int v[9] = {0};
    if (dt_parse_ctor(NULL, names, 3, 8, args, kwargs, a, v, 0x17f) < 0)
        return NULL;
    KnObject *tz = a[7] ? a[7] : KN_None;
    if (dt_check_date(v[0], v[1], v[2]) < 0 || dt_check_time(v[3], v[4], v[5], v[6], v[8]) < 0
        || dt_check_tzinfo(tz) < 0)
        return NULL;
    return dt_datetime_alloc(t, v[0], v[1], v[2], v[3], v[4], v[5], v[6], tz, v[8]);
}

/* ---- repr, isoformat ---- */

static KnObject *datetime_repr(KnObject *self)
{
    DtDateTime *x = DT_DT(self);
    const char *name = KN_TYPE(self)->tp_name;
    KnObject *r;
    if (x->us)
        r = ob_str_from_format("%s(%d, %d, %d, %d, %d, %d, %d)", name, x->d.year, x->d.month, x->d.day,
                               x->hour, x->minute, x->second, x->us);
    else if (x->second)
        r = ob_str_from_format("%s(%d, %d, %d, %d, %d, %d)", name, x->d.year, x->d.month, x->d.day,
                               x->hour, x->minute, x->second);
    else
        r = ob_str_from_format("%s(%d, %d, %d, %d, %d)", name, x->d.year, x->d.month, x->d.day,
                               x->hour, x->minute);
    return dt_append_tz_fold(r, x->tzinfo, x->fold);
}

static KnObject *datetime_isoformat(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"sep", "timespec", NULL};
    static const KnArgSpec spec = {"isoformat", names, 0, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    KnObject *sep = a[0] ? a[0] : ob_str_from_cstr("T");
    if (!KN_STR_CHECK(sep) || ob_str_length(sep) != 1) {
        ob_err_format(ob_exc_TypeError, "isoformat() argument 1 must be a unicode character, not %s",
                      ob_type_name(KN_TYPE(sep)));
        return NULL;
    }
    DtDateTime *x = DT_DT(self);
    KnObject *t = dt_format_iso_time(x->hour, x->minute, x->second, x->us, a[1]);
    if (t == NULL)
        return NULL;
    char date[32];
    snprintf(date, sizeof date, "%04d-%02d-%02d", x->d.year, x->d.month, x->d.day);
    char off[64] = "";
    if (x->tzinfo != KN_None && dt_format_offset(off, sizeof off, dt_call_utcoffset(x->tzinfo, self), ":") < 0)
        return NULL;
    return ob_str_from_format("%s%U%U%s", date, sep, t, off);
}

static KnObject *datetime_str(KnObject *self)
{
    return ob_call_method(self, "isoformat", 1, ob_str_from_cstr(" "));
}

/* ---- replace, pickling ---- */

static KnObject *datetime_replace(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"year", "month", "day", "hour", "minute", "second",
                                        "microsecond", "tzinfo", "fold", NULL};
    static const KnArgSpec spec = {"replace", names, 0, 8, 0};
    KnObject *a[9] = {0};
    DtDateTime *x = DT_DT(self);
    int v[9] = {x->d.year, x->d.month, x->d.day, x->hour, x->minute, x->second, x->us, 0, x->fold};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || dt_arg_ints(a, v, 7) < 0
        || (a[8] != NULL && dt_arg_int(a[8], &v[8]) < 0))
        return NULL;
    KnObject *tz = a[7] ? a[7] : x->tzinfo;
    if (dt_check_date(v[0], v[1], v[2]) < 0 || dt_check_time(v[3], v[4], v[5], v[6], v[8]) < 0
        || dt_check_tzinfo(tz) < 0)
        return NULL;
    return dt_datetime_alloc(KN_TYPE(self), v[0], v[1], v[2], v[3], v[4], v[5], v[6], tz, v[8]);
}

static void datetime_bytes(DtDateTime *x, unsigned char s[10], int with_fold)
{
    s[0] = (unsigned char)(x->d.year >> 8);
    s[1] = (unsigned char)(x->d.year & 0xff);
    s[2] = (unsigned char)(x->d.month + (with_fold && x->fold ? 128 : 0));
    s[3] = (unsigned char)x->d.day;
    s[4] = (unsigned char)x->hour;
    s[5] = (unsigned char)x->minute;
    s[6] = (unsigned char)x->second;
    s[7] = (unsigned char)(x->us >> 16);
    s[8] = (unsigned char)((x->us >> 8) & 0xff);
    s[9] = (unsigned char)(x->us & 0xff);
}

static KnObject *datetime_reduce_proto(KnObject *self, int proto)
{
    unsigned char s[10];
    datetime_bytes(DT_DT(self), s, proto > 3);
    return dt_reduce_state(self, s, 10, DT_DT(self)->tzinfo);
}

static KnObject *datetime_reduce_ex(KnObject *self, KnObject *arg)
{
    int proto;
    if (dt_arg_int(arg, &proto) < 0)
        return NULL;
    return datetime_reduce_proto(self, proto);
}

static KnObject *datetime_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    return datetime_reduce_proto(self, 2);
}

/* ---- arithmetic ---- */

KnObject *dt_datetime_add_delta(KnObject *dt, KnObject *delta, int sign)
{
    DtDateTime *x = DT_DT(dt);
    DtDelta *d = DT_DELTA(delta);
    int y = x->d.year, m = x->d.month, day = x->d.day + d->days * sign;
    int hh = x->hour, mm = x->minute, ss = x->second + d->seconds * sign, us = x->us + d->us * sign;
    if (dt_normalize_datetime(&y, &m, &day, &hh, &mm, &ss, &us) < 0)
        return NULL;
    return dt_datetime_new_sub(y, m, day, hh, mm, ss, us, x->tzinfo, 0, (KnObject *)KN_TYPE(dt));
}

KnObject *dt_datetime_utcoffset_obj(KnObject *self)
{
    return dt_call_utcoffset(DT_DT(self)->tzinfo, self);
}

KnObject *dt_datetime_sub(KnObject *a, KnObject *b)
{
    DtDateTime *x = DT_DT(a), *y = DT_DT(b);
    KnObject *o1 = KN_None, *o2 = KN_None;
    if (x->tzinfo != y->tzinfo) {
        if ((o1 = dt_datetime_utcoffset_obj(a)) == NULL || (o2 = dt_datetime_utcoffset_obj(b)) == NULL)
            return NULL;
        if ((o1 != KN_None) != (o2 != KN_None)) {
            ob_err_set_string(ob_exc_TypeError, "can't subtract offset-naive and offset-aware datetimes");
            return NULL;
        }
    }
    long long days = dt_ymd_to_ord(x->d.year, x->d.month, x->d.day) - dt_ymd_to_ord(y->d.year, y->d.month, y->d.day);
    long long secs = (long long)(x->hour - y->hour) * 3600 + (x->minute - y->minute) * 60 + (x->second - y->second);
    KnObject *r = dt_delta_new(days, secs, (long long)x->us - y->us);
    if (r == NULL || o1 == o2 || (o1 != KN_None && dt_delta_cmp(o1, o2) == 0))
        return r;
    KnObject *offdiff = ob_number_subtract(o1, o2);
    return offdiff == NULL ? NULL : ob_number_subtract(r, offdiff);
}

static KnObject *datetime_add(KnObject *a, KnObject *b)
{
    if (DT_DATETIME_CHECK(a) && DT_DELTA_CHECK(b))
        return dt_datetime_add_delta(a, b, 1);
    if (DT_DELTA_CHECK(a) && DT_DATETIME_CHECK(b))
        return dt_datetime_add_delta(b, a, 1);
    return KN_NotImplemented;
}

static KnObject *datetime_subtract(KnObject *a, KnObject *b)
{
    if (!DT_DATETIME_CHECK(a))
        return KN_NotImplemented;
    if (DT_DATETIME_CHECK(b))
        return dt_datetime_sub(a, b);
    if (DT_DELTA_CHECK(b))
        return dt_datetime_add_delta(a, b, -1);
    return KN_NotImplemented;
}

/* ---- comparison, hash ---- */

static int fields_cmp(DtDateTime *a, DtDateTime *b)
{
    unsigned char x[10], y[10];
    datetime_bytes(a, x, 0);
    datetime_bytes(b, y, 0);
    for (int i = 0; i < 10; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

/* utcoffset() of dt with fold flipped (PEP 495: == is False for times in
 * a repeated interval whose offset depends on fold). */
static KnObject *flipped_offset(KnObject *dt)
{
    DtDateTime *x = DT_DT(dt);
    KnObject *flip = dt_datetime_alloc(KN_TYPE(dt), x->d.year, x->d.month, x->d.day, x->hour, x->minute,
                                       x->second, x->us, x->tzinfo, !x->fold);
    return flip == NULL ? NULL : dt_datetime_utcoffset_obj(flip);
}

static int pep495_exception(KnObject *a, KnObject *b, KnObject *oa, KnObject *ob)
{
    KnObject *f = flipped_offset(a);
    if (f == NULL)
        return -1;
    if (f != oa && (!DT_DELTA_CHECK(f) || !DT_DELTA_CHECK(oa) || dt_delta_cmp(f, oa) != 0))
        return 1;
    if ((f = flipped_offset(b)) == NULL)
        return -1;
    return f != ob && (!DT_DELTA_CHECK(f) || !DT_DELTA_CHECK(ob) || dt_delta_cmp(f, ob) != 0);
}

static KnObject *datetime_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!DT_DATETIME_CHECK(b)) {
        if (DT_DATE_CHECK(b)) {
            if (op == KN_EQ || op == KN_NE)
                return KN_BOOL(op == KN_NE);
            ob_err_format(ob_exc_TypeError, "can't compare %s to %s", KN_TYPE(a)->tp_name, KN_TYPE(b)->tp_name);
            return NULL;
        }
        return KN_NotImplemented;
    }
    DtDateTime *x = DT_DT(a), *y = DT_DT(b);
    if (x->tzinfo == y->tzinfo)
        return dt_cmp_result(fields_cmp(x, y), op);
    KnObject *o1 = dt_datetime_utcoffset_obj(a);
    KnObject *o2 = o1 ? dt_datetime_utcoffset_obj(b) : NULL;
    if (o2 == NULL)
        return NULL;
    int diff;
    if (o1 == o2 || (DT_DELTA_CHECK(o1) && DT_DELTA_CHECK(o2) && dt_delta_cmp(o1, o2) == 0)) {
        diff = fields_cmp(x, y);
    } else if (o1 != KN_None && o2 != KN_None) {
        KnObject *d = dt_datetime_sub(a, b);
        if (d == NULL)
            return NULL;
        diff = DT_DELTA(d)->days < 0 ? -1 : !dt_delta_is_zero(d);
    } else {
        if (op == KN_EQ || op == KN_NE)
            return KN_BOOL(op == KN_NE);
        ob_err_set_string(ob_exc_TypeError, "can't compare offset-naive and offset-aware datetimes");
        return NULL;
    }
    if ((op == KN_EQ || op == KN_NE) && diff == 0) {
        int ex = pep495_exception(a, b, o1, o2);
        if (ex < 0)
            return NULL;
        if (ex)
            diff = 1;
    }
    return dt_cmp_result(diff, op);
}

static kn_hash_t datetime_hash(KnObject *self)
{
    DtDateTime *x = DT_DT(self);
    if (x->d.hash != -1)
        return x->d.hash;
    KnObject *probe = self;
    if (x->fold && (probe = dt_datetime_alloc(KN_TYPE(self), x->d.year, x->d.month, x->d.day, x->hour,
                                              x->minute, x->second, x->us, x->tzinfo, 0)) == NULL)
        return -1;
    KnObject *off = dt_datetime_utcoffset_obj(probe);
    if (off == NULL)
        return -1;
    if (off == KN_None) {
        unsigned char s[10];
        datetime_bytes(x, s, 0);
        x->d.hash = ob_hash_bytes(s, 10);
    } else {
        KnObject *d = dt_delta_new(dt_ymd_to_ord(x->d.year, x->d.month, x->d.day) - DT_DELTA(off)->days,
                                   (long long)x->hour * 3600 + x->minute * 60 + x->second - DT_DELTA(off)->seconds,
                                   (long long)x->us - DT_DELTA(off)->us);
        if (d == NULL)
            return -1;
        x->d.hash = ob_hash(d);
    }
    return x->d.hash;
}

/* ---- fields ---- */

static KnObject *datetime_get(KnObject *self, void *closure)
{
    DtDateTime *x = DT_DT(self);
    switch ((int)(intptr_t)closure) {
    case 0: return ob_int_from_long_long(x->hour);
    case 1: return ob_int_from_long_long(x->minute);
    case 2: return ob_int_from_long_long(x->second);
    case 3: return ob_int_from_long_long(x->us);
    case 4: return x->tzinfo;
    default: return ob_int_from_long_long(x->fold);
    }
}

static KnGetSetDef datetime_getset[] = {
    {"hour", datetime_get, NULL, NULL, (void *)0},
    {"minute", datetime_get, NULL, NULL, (void *)1},
    {"second", datetime_get, NULL, NULL, (void *)2},
    {"microsecond", datetime_get, NULL, NULL, (void *)3},
    {"tzinfo", datetime_get, NULL, NULL, (void *)4},
    {"fold", datetime_get, NULL, NULL, (void *)5},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnObject *datetime_fromisoformat_m(KnObject *cls, KnObject *arg)
{
    return dt_datetime_fromisoformat(cls, arg);
}

static KnMethodDef datetime_methods[] = {
    {"isoformat", DT_FC(datetime_isoformat), DT_KW,
     "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n"
     "sep is used to separate the year from the time, and defaults to 'T'.\n"
     "The optional argument timespec specifies the number of additional terms\n"
     "of the time to include. Valid options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n"},
    {"replace", DT_FC(datetime_replace), DT_KW, "Return datetime with new specified fields."},
    {"fromisoformat", DT_FC(datetime_fromisoformat_m), KN_METH_O | KN_METH_CLASS,
     "string -> datetime from a string in most ISO 8601 formats"},
    {"__reduce_ex__", DT_FC(datetime_reduce_ex), KN_METH_O, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", DT_FC(datetime_reduce), KN_METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL, NULL, 0, NULL}
};

static KnNumberMethods datetime_as_number = {
    .nb_add = datetime_add,
    .nb_subtract = datetime_subtract,
};

KnTypeObject dt_datetime_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "datetime.datetime",
    .tp_basicsize = sizeof(DtDateTime),
    .tp_repr = datetime_repr,
    .tp_as_number = &datetime_as_number,
    .tp_hash = datetime_hash,
    .tp_str = datetime_str,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\n"
              "The year, month and day arguments are required. tzinfo may be None, or an\n"
              "instance of a tzinfo subclass. The remaining arguments may be ints.\n",
    .tp_richcompare = datetime_richcompare,
    .tp_methods = datetime_methods,
    .tp_getset = datetime_getset,
    .tp_base = &dt_date_type,
    .tp_new = datetime_tp_new,
};
