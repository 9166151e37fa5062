/*
 * datetime_time.c — datetime.time.
 *
 * Pickle state: 6 bytes (hour, minute, second, microsecond as 3 bytes big
 * endian), the hour byte + 128 when fold is 1 and the protocol is above 3;
 * the tzinfo follows as a second argument when there is one.
 */
#include <stdio.h>

#include "datetime_internal.h"

KnObject *dt_time_alloc(KnTypeObject *t, int hh, int mm, int ss, int us, KnObject *tz, int fold)
{
    KnObject *o = dt_alloc(t, &dt_time_type);
    if (o == NULL)
        return NULL;
    DtTime *x = DT_TIME(o);
    x->hash = -1;
    x->hour = hh;
    x->minute = mm;
    x->second = ss;
    x->us = us;
    x->fold = fold;
    x->tzinfo = tz;
    return o;
}

static KnObject *time_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t n = KN_SIZE(args);
    if (n >= 1 && n <= 2 && (kwargs == NULL || ob_dict_size(kwargs) == 0)) {
        KnObject *keep;
        const unsigned char *s = dt_pickle_state(KN_TUPLE_GET(args, 0), 6, &keep);
        if (s != NULL && (s[0] & 0x7f) < 24) {
            KnObject *tz = n == 2 ? KN_TUPLE_GET(args, 1) : KN_None;
            if (tz != KN_None && !DT_TZINFO_CHECK(tz)) {
                ob_err_set_string(ob_exc_TypeError, "bad tzinfo state arg");
                return NULL;
            }
            return dt_time_alloc(t, s[0] & 0x7f, s[1], s[2], (s[3] << 16) | (s[4] << 8) | s[5], tz, s[0] > 127);
        }
    }
    static const char *const names[] = {"hour", "minute", "second", "microsecond", "tzinfo", "fold", NULL};
    KnObject *a[6] = {0};
    int v[6] = {0, 0, 0, 0, 0, 0};
    if (dt_parse_ctor(NULL, names, 0, 5, args, kwargs, a, v, 0x2f) < 0)
        return NULL;
    KnObject *tz = a[4] ? a[4] : KN_None;
    if (dt_check_time(v[0], v[1], v[2], v[3], v[5]) < 0 || dt_check_tzinfo(tz) < 0)
        return NULL;
    return dt_time_alloc(t, v[0], v[1], v[2], v[3], tz, v[5]);
}

/* ---- tz queries ---- */

static KnObject *time_utcoffset(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_call_utcoffset(DT_TIME(self)->tzinfo, KN_None);
}

static KnObject *time_dst(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_call_dst(DT_TIME(self)->tzinfo, KN_None);
}

static KnObject *time_tzname(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dt_call_tzname(DT_TIME(self)->tzinfo, KN_None);
}

/* ---- formatting ---- */

KnObject *dt_append_tz_fold(KnObject *repr, KnObject *tzinfo, int fold)
{
    if (repr == NULL || (tzinfo == KN_None && !fold))
        return repr;
    kn_ssize_t n = ob_str_length(repr);
    KnObject *head = ob_str_substring(repr, 0, n - 1);
    if (head == NULL)
        return NULL;
    if (tzinfo != KN_None && (head = ob_str_from_format("%U, tzinfo=%R", head, tzinfo)) == NULL)
        return NULL;
    if (fold && (head = ob_str_from_format("%U, fold=%d", head, fold)) == NULL)
        return NULL;
    return ob_str_from_format("%U)", head);
}

static KnObject *time_repr(KnObject *self)
{
    DtTime *t = DT_TIME(self);
    const char *name = KN_TYPE(self)->tp_name;
    KnObject *r;
    if (t->us)
        r = ob_str_from_format("%s(%d, %d, %d, %d)", name, t->hour, t->minute, t->second, t->us);
    else if (t->second)
        r = ob_str_from_format("%s(%d, %d, %d)", name, t->hour, t->minute, t->second);
    else
        r = ob_str_from_format("%s(%d, %d)", name, t->hour, t->minute);
    return dt_append_tz_fold(r, t->tzinfo, t->fold);
}

static KnObject *time_isoformat(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"timespec", NULL};
    static const KnArgSpec spec = {"isoformat", names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    DtTime *t = DT_TIME(self);
    KnObject *r = dt_format_iso_time(t->hour, t->minute, t->second, t->us, a[0]);
    if (r == NULL || t->tzinfo == KN_None)
        return r;
    char buf[64];
    if (dt_format_offset(buf, sizeof buf, dt_call_utcoffset(t->tzinfo, KN_None), ":") < 0)
        return NULL;
    return ob_str_from_format("%U%s", r, buf);
}

static KnObject *time_str(KnObject *self)
{
    return ob_call_method(self, "isoformat", 0);
}

static KnObject *time_strftime(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    KnObject *fmt = dt_strftime_arg(args, nargs, kw);
    if (fmt == NULL)
        return NULL;
    DtTime *t = DT_TIME(self);
    /* the date part is 1900-01-01, as CPython uses */
    KnObject *tt = ob_tuple_pack(9, ob_int_from_long_long(1900), ob_int_from_long_long(1), ob_int_from_long_long(1),
                                 ob_int_from_long_long(t->hour), ob_int_from_long_long(t->minute),
                                 ob_int_from_long_long(t->second), ob_int_from_long_long(0),
                                 ob_int_from_long_long(1), ob_int_from_long_long(-1));
    return tt == NULL ? NULL : dt_wrap_strftime(self, fmt, tt, KN_None);
}

/* ---- replace, pickling ---- */

static KnObject *time_replace(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"hour", "minute", "second", "microsecond", "tzinfo", "fold", NULL};
    static const KnArgSpec spec = {"replace", names, 0, 5, 0};
    KnObject *a[6] = {0};
    DtTime *t = DT_TIME(self);
    int v[6] = {t->hour, t->minute, t->second, t->us, 0, t->fold};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || dt_arg_ints(a, v, 4) < 0
        || (a[5] != NULL && dt_arg_int(a[5], &v[5]) < 0))
        return NULL;
    KnObject *tz = a[4] ? a[4] : t->tzinfo;
    if (dt_check_time(v[0], v[1], v[2], v[3], v[5]) < 0 || dt_check_tzinfo(tz) < 0)
        return NULL;
    return dt_time_alloc(KN_TYPE(self), v[0], v[1], v[2], v[3], tz, v[5]);
}

static void time_bytes(DtTime *t, unsigned char s[6], int with_fold)
{
    s[0] = (unsigned char)(t->hour + (with_fold && t->fold ? 128 : 0));
    s[1] = (unsigned char)t->minute;
    s[2] = (unsigned char)t->second;
    s[3] = (unsigned char)(t->us >> 16);
    s[4] = (unsigned char)((t->us >> 8) & 0xff);
    s[5] = (unsigned char)(t->us & 0xff);
}

static KnObject *time_reduce_proto(KnObject *self, int proto)
{
    unsigned char s[6];
    time_bytes(DT_TIME(self), s, proto > 3);
    return dt_reduce_state(self, s, 6, DT_TIME(self)->tzinfo);
}

static KnObject *time_reduce_ex(KnObject *self, KnObject *arg)
{
    int proto;
    if (dt_arg_int(arg, &proto) < 0)
        return NULL;
    return time_reduce_proto(self, proto);
}

static KnObject *time_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    return time_reduce_proto(self, 2);
}

/* ---- comparison, hash ---- */

static int time_fields_cmp(DtTime *a, DtTime *b)
{
    long long x = ((long long)a->hour * 3600 + a->minute * 60 + a->second) * 1000000 + a->us;
    long long y = ((long long)b->hour * 3600 + b->minute * 60 + b->second) * 1000000 + b->us;
    return x < y ? -1 : x > y;
}

static KnObject *time_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!DT_TIME_CHECK(b))
        return KN_NotImplemented;
    DtTime *x = DT_TIME(a), *y = DT_TIME(b);
    if (x->tzinfo == y->tzinfo)
        return dt_cmp_result(time_fields_cmp(x, y), op);
    KnObject *o1 = dt_call_utcoffset(x->tzinfo, KN_None);
    KnObject *o2 = o1 ? dt_call_utcoffset(y->tzinfo, KN_None) : NULL;
    if (o2 == NULL)
        return NULL;
    if (o1 == o2 || (DT_DELTA_CHECK(o1) && DT_DELTA_CHECK(o2) && dt_delta_cmp(o1, o2) == 0))
        return dt_cmp_result(time_fields_cmp(x, y), op);
    if (o1 != KN_None && o2 != KN_None) {
        long long s1 = (long long)x->hour * 3600 + x->minute * 60 + x->second
                       - (long long)DT_DELTA(o1)->days * 86400 - DT_DELTA(o1)->seconds;
        long long s2 = (long long)y->hour * 3600 + y->minute * 60 + y->second
                       - (long long)DT_DELTA(o2)->days * 86400 - DT_DELTA(o2)->seconds;
        long long diff = s1 - s2;
        if (diff == 0)
            diff = x->us - y->us;
        return dt_cmp_result(diff < 0 ? -1 : diff > 0, op);
    }
    if (op == KN_EQ || op == KN_NE)
        return KN_BOOL(op == KN_NE);
    ob_err_set_string(ob_exc_TypeError, "can't compare offset-naive and offset-aware times");
    return NULL;
}

static kn_hash_t time_hash(KnObject *self)
{
    DtTime *t = DT_TIME(self);
    if (t->hash != -1)
        return t->hash;
    KnObject *off = dt_call_utcoffset(t->tzinfo, KN_None);
    if (off == NULL)
        return -1;
    if (off == KN_None) {
        unsigned char s[6];
        time_bytes(t, s, 0);
        t->hash = ob_hash_bytes(s, 6);
    } else {
        KnObject *d = dt_delta_new(-(long long)DT_DELTA(off)->days,
                                   (long long)t->hour * 3600 + t->minute * 60 + t->second - DT_DELTA(off)->seconds,
                                   (long long)t->us - DT_DELTA(off)->us);
        if (d == NULL)
            return -1;
        t->hash = ob_hash(d);
    }
    return t->hash;
}

static KnObject *time_fromisoformat_m(KnObject *cls, KnObject *arg)
{
    return dt_time_fromisoformat(cls, arg);
}

static KnObject *time_get(KnObject *self, void *closure)
{
    DtTime *t = DT_TIME(self);
    switch ((int)(intptr_t)closure) {
    case 0: return ob_int_from_long_long(t->hour);
    case 1: return ob_int_from_long_long(t->minute);
    case 2: return ob_int_from_long_long(t->second);
    case 3: return ob_int_from_long_long(t->us);
    case 4: return t->tzinfo;
    default: return ob_int_from_long_long(t->fold);
    }
}

static KnGetSetDef time_getset[] = {
    {"hour", time_get, NULL, NULL, (void *)0},
    {"minute", time_get, NULL, NULL, (void *)1},
    {"second", time_get, NULL, NULL, (void *)2},
    {"microsecond", time_get, NULL, NULL, (void *)3},
    {"tzinfo", time_get, NULL, NULL, (void *)4},
    {"fold", time_get, NULL, NULL, (void *)5},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMethodDef time_methods[] = {
    {"isoformat", DT_FC(time_isoformat), DT_KW,
     "Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].\n\n"
     "The optional argument timespec specifies the number of additional terms\n"
     "of the time to include. Valid options are 'auto', 'hours', 'minutes',\n'seconds', 'milliseconds' and 'microseconds'.\n"},
    {"strftime", DT_FC(time_strftime), DT_KW, "format -> strftime() style string."},
    {"__format__", DT_FC(dt_format_method), KN_METH_FASTCALL, "Formats self with strftime."},
    {"utcoffset", DT_FC(time_utcoffset), KN_METH_NOARGS, "Return self.tzinfo.utcoffset(self)."},
    {"tzname", DT_FC(time_tzname), KN_METH_NOARGS, "Return self.tzinfo.tzname(self)."},
    {"dst", DT_FC(time_dst), KN_METH_NOARGS, "Return self.tzinfo.dst(self)."},
    {"replace", DT_FC(time_replace), DT_KW, "Return time with new specified fields."},
    {"fromisoformat", DT_FC(time_fromisoformat_m), KN_METH_O | KN_METH_CLASS, "string -> time from a string in ISO 8601 format"},
    {"__reduce_ex__", DT_FC(time_reduce_ex), KN_METH_O, "__reduce_ex__(proto) -> (cls, state)"},
    {"__reduce__", DT_FC(time_reduce), KN_METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL, NULL, 0, NULL}
};

KnTypeObject dt_time_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "datetime.time",
    .tp_basicsize = sizeof(DtTime),
    .tp_repr = time_repr,
    .tp_hash = time_hash,
    .tp_str = time_str,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\n"
              "All arguments are optional. tzinfo may be None, or an instance of\na tzinfo subclass. The remaining arguments may be ints.\n",
    .tp_richcompare = time_richcompare,
    .tp_methods = time_methods,
    .tp_getset = time_getset,
    .tp_new = time_tp_new,
};
