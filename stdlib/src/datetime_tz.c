/*
 * datetime_tz.c — datetime.tzinfo (the abstract base), datetime.timezone
 * (fixed offsets) and the checked calls of utcoffset / dst / tzname that
 * time and datetime make.
 *
 * timezone(timedelta(0)) without a name is the timezone.utc singleton;
 * timezone cannot be subclassed (as in CPython).  Pickling goes through
 * tzinfo.__reduce__: (type, __getinitargs__() or (), __getstate__()).
 */
#include <stdio.h>

#include "datetime_internal.h"

KnObject *dt_utc;

/* Offsets must lie strictly inside (-24h, 24h). */
static int offset_in_range(KnObject *d)
{
    DtDelta *x = DT_DELTA(d);
    if (x->days < -1 || x->days >= 1)
        return 0;
    return !(x->days == -1 && x->seconds == 0 && x->us < 1);
}

static KnObject *call_offset(KnObject *tzinfo, const char *name, KnObject *arg)
{
    if (tzinfo == KN_None)
        return KN_None;
    KnObject *r = ob_call_method(tzinfo, name, 1, arg);
    if (r == NULL || r == KN_None)
        return r;
    if (!DT_DELTA_CHECK(r)) {
        ob_err_format(ob_exc_TypeError, "tzinfo.%s() must return None or timedelta, not '%s'", name,
                      KN_TYPE(r)->tp_name);
        return NULL;
    }
    if (!offset_in_range(r)) {
        ob_err_set_string(ob_exc_ValueError,
                          "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).");
        return NULL;
    }
    return r;
}

KnObject *dt_call_utcoffset(KnObject *tzinfo, KnObject *arg)
{
    return call_offset(tzinfo, "utcoffset", arg);
}

KnObject *dt_call_dst(KnObject *tzinfo, KnObject *arg)
{
    return call_offset(tzinfo, "dst", arg);
}

KnObject *dt_call_tzname(KnObject *tzinfo, KnObject *arg)
{
    if (tzinfo == KN_None)
        return KN_None;
    KnObject *r = ob_call_method(tzinfo, "tzname", 1, arg);
    if (r == NULL || r == KN_None)
        return r;
    if (!KN_STR_CHECK(r)) {
        ob_err_format(ob_exc_TypeError, "tzinfo.tzname() must return None or a string, not '%s'",
                      KN_TYPE(r)->tp_name);
        return NULL;
    }
    return r;
}

/* ---- tzinfo ---- */

static KnObject *tzinfo_abstract(const char *what)
{
    ob_err_format(ob_exc_NotImplementedError, "a tzinfo subclass must implement %s()", what);
    return NULL;
}

static KnObject *tzinfo_tzname(KnObject *self, KnObject *dt)
{
    (void)self;
    (void)dt;
    return tzinfo_abstract("tzname");
}

static KnObject *tzinfo_utcoffset(KnObject *self, KnObject *dt)
{
    (void)self;
    (void)dt;
    return tzinfo_abstract("utcoffset");
}

static KnObject *tzinfo_dst(KnObject *self, KnObject *dt)
{
    (void)self;
    (void)dt;
    return tzinfo_abstract("dst");
}

static KnObject *tzinfo_fromutc(KnObject *self, KnObject *dt)
{
    if (dt_check_fromutc_arg(self, dt) < 0)
        return NULL;
    KnObject *off = dt_call_utcoffset(self, dt);
    if (off == NULL)
        return NULL;
    if (off == KN_None) {
        ob_err_set_string(ob_exc_ValueError, "fromutc: non-None utcoffset() result required");
        return NULL;
    }
    KnObject *dst = dt_call_dst(self, dt);
    if (dst == NULL)
        return NULL;
    if (dst == KN_None) {
        ob_err_set_string(ob_exc_ValueError, "fromutc: non-None dst() result required");
        return NULL;
    }
    KnObject *delta = ob_number_subtract(off, dst);
    KnObject *result = delta ? dt_datetime_add_delta(dt, delta, 1) : NULL;
    if (result == NULL)
        return NULL;
    dst = dt_call_dst(DT_DT(dt)->tzinfo, result);
    if (dst == NULL)
        return NULL;
    if (dst == KN_None) {
        ob_err_set_string(ob_exc_ValueError, "fromutc: tz.dst() gave inconsistent results; cannot convert");
        return NULL;
    }
    if (!dt_delta_is_zero(dst))
        result = dt_datetime_add_delta(result, dst, 1);
    return result;
}

static KnObject *tzinfo_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *getinitargs, *args;
    if (ob_lookup_attr(self, ob_str_intern_cstr("__getinitargs__"), &getinitargs) < 0)
        return NULL;
    if (getinitargs != NULL)
        args = ob_call_noargs(getinitargs);
    else
        args = ob_tuple_empty();
    if (args == NULL)
        return NULL;
    KnObject *state = ob_call_method(self, "__getstate__", 0);
    if (state == NULL)
        return NULL;
    return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), args, state);
}

static KnMethodDef tzinfo_methods[] = {
    {"tzname", DT_FC(tzinfo_tzname), KN_METH_O, "datetime -> string name of time zone."},
    {"utcoffset", DT_FC(tzinfo_utcoffset), KN_METH_O,
     "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"},
    {"dst", DT_FC(tzinfo_dst), KN_METH_O, "datetime -> DST offset as timedelta positive east of UTC."},
    {"fromutc", DT_FC(tzinfo_fromutc), KN_METH_O, "datetime in UTC -> datetime in local time."},
    {"__reduce__", DT_FC(tzinfo_reduce), KN_METH_NOARGS, "-> (cls, state)"},
    {NULL, NULL, 0, NULL}
};

KnTypeObject dt_tzinfo_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "datetime.tzinfo",
    .tp_basicsize = sizeof(KnObject),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Abstract base class for time zone info objects.",
    .tp_methods = tzinfo_methods,
    .tp_new = ob_type_generic_new,
};

/* ---- timezone ---- */

#define TZ(o) ((DtTimeZone *)(o))

KnObject *dt_timezone_create(KnObject *offset, KnObject *name)
{
    KnObject *o = ob_alloc(&dt_timezone_type, 0);
    if (o == NULL)
        return NULL;
    TZ(o)->offset = offset;
    TZ(o)->name = name;
    return o;
}

KnObject *dt_timezone_new(KnObject *offset, KnObject *name)
{
    if (name == NULL && dt_delta_is_zero(offset))
        return dt_utc;
    if (!offset_in_range(offset)) {
        ob_err_format(ob_exc_ValueError,
                      "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %R.",
                      offset);
        return NULL;
    }
    return dt_timezone_create(offset, name);
}

static KnObject *timezone_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)t;
    static const char *const names[] = {"offset", "name", NULL};
    static const KnArgSpec spec = {"timezone", names, 1, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    if (!DT_DELTA_CHECK(a[0])) {
        ob_err_format(ob_exc_TypeError, "timezone() argument 1 must be datetime.timedelta, not %s",
                      ob_type_name(KN_TYPE(a[0])));
        return NULL;
    }
    if (a[1] != NULL && !KN_STR_CHECK(a[1])) {
        ob_err_format(ob_exc_TypeError, "timezone() argument 2 must be str, not %s",
                      a[1] == KN_None ? "None" : ob_type_name(KN_TYPE(a[1])));
        return NULL;
    }
    return dt_timezone_new(a[0], a[1]);
}

static int tz_check_arg(KnObject *dt, const char *meth)
{
    if (dt == KN_None || DT_DATETIME_CHECK(dt))
        return 0;
    ob_err_format(ob_exc_TypeError, "%s(dt) argument must be a datetime instance or None, not %s", meth,
                  KN_TYPE(dt)->tp_name);
    return -1;
}

static KnObject *tz_name_of(KnObject *self)
{
    if (TZ(self)->name != NULL)
        return TZ(self)->name;
    KnObject *off = TZ(self)->offset;
    if (self == dt_utc || dt_delta_is_zero(off))
        return ob_str_from_cstr("UTC");
    char sign = '+';
    if (DT_DELTA(off)->days < 0) {
        sign = '-';
        if ((off = dt_delta_neg(off)) == NULL)
            return NULL;
    }
    int s = DT_DELTA(off)->seconds, us = DT_DELTA(off)->us;
    char buf[48];
    if (us)
        snprintf(buf, sizeof buf, "UTC%c%02d:%02d:%02d.%06d", sign, s / 3600, s / 60 % 60, s % 60, us);
    else if (s % 60)
        snprintf(buf, sizeof buf, "UTC%c%02d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, sizeof buf, "UTC%c%02d:%02d", sign, s / 3600, s / 60 % 60);
    return ob_str_from_cstr(buf);
}

static KnObject *timezone_tzname(KnObject *self, KnObject *dt)
{
    return tz_check_arg(dt, "tzname") < 0 ? NULL : tz_name_of(self);
}

static KnObject *timezone_utcoffset(KnObject *self, KnObject *dt)
{
    return tz_check_arg(dt, "utcoffset") < 0 ? NULL : TZ(self)->offset;
}

static KnObject *timezone_dst(KnObject *self, KnObject *dt)
{
    (void)self;
    return tz_check_arg(dt, "dst") < 0 ? NULL : KN_None;
}

static KnObject *timezone_fromutc(KnObject *self, KnObject *dt)
{
    if (dt_check_fromutc_arg(self, dt) < 0)
        return NULL;
    return dt_datetime_add_delta(dt, TZ(self)->offset, 1);
}

static KnObject *timezone_getinitargs(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (TZ(self)->name == NULL)
        return ob_tuple_pack(1, TZ(self)->offset);
    return ob_tuple_pack(2, TZ(self)->offset, TZ(self)->name);
}

static KnObject *timezone_repr(KnObject *self)
{
    const char *tn = KN_TYPE(self)->tp_name;
    if (self == dt_utc)
        return ob_str_from_format("%s.utc", tn);
    if (TZ(self)->name == NULL)
        return ob_str_from_format("%s(%R)", tn, TZ(self)->offset);
    return ob_str_from_format("%s(%R, %R)", tn, TZ(self)->offset, TZ(self)->name);
}

static KnObject *timezone_str(KnObject *self)
{
    return tz_name_of(self);
}

static kn_hash_t timezone_hash(KnObject *self)
{
    return ob_hash(TZ(self)->offset);
}

static KnObject *timezone_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!DT_TIMEZONE_CHECK(b) || (op != KN_EQ && op != KN_NE))
        return KN_NotImplemented;
    int eq = dt_delta_cmp(TZ(a)->offset, TZ(b)->offset) == 0;
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

static KnMethodDef timezone_methods[] = {
    {"tzname", DT_FC(timezone_tzname), KN_METH_O,
     "If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."},
    {"utcoffset", DT_FC(timezone_utcoffset), KN_METH_O, "Return fixed offset."},
    {"dst", DT_FC(timezone_dst), KN_METH_O, "Return None."},
    {"fromutc", DT_FC(timezone_fromutc), KN_METH_O, "datetime in UTC -> datetime in local time."},
    {"__getinitargs__", DT_FC(timezone_getinitargs), KN_METH_NOARGS, "pickle support"},
    {NULL, NULL, 0, NULL}
};

KnTypeObject dt_timezone_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "datetime.timezone",
    .tp_basicsize = sizeof(DtTimeZone),
    .tp_repr = timezone_repr,
    .tp_hash = timezone_hash,
    .tp_str = timezone_str,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Fixed offset from UTC implementation of tzinfo.",
    .tp_richcompare = timezone_richcompare,
    .tp_methods = timezone_methods,
    .tp_base = &dt_tzinfo_type,
    .tp_new = timezone_tp_new,
};

int dt_tz_init(void)
{
    if (dt_utc != NULL)
        return 0;
    KnObject *zero = dt_delta_new(0, 0, 0);
    if (zero == NULL || (dt_utc = dt_timezone_create(zero, NULL)) == NULL)
        return -1;
    KnObject *d = dt_timezone_type.tp_dict;
    KnObject *mn = dt_delta_new(0, -(23 * 3600 + 59 * 60), 0);
    KnObject *mx = dt_delta_new(0, 23 * 3600 + 59 * 60, 0);
    if (mn == NULL || mx == NULL || ob_dict_setitem_str(d, "utc", dt_utc) < 0
        || ob_dict_setitem_str(d, "min", dt_timezone_create(mn, NULL)) < 0
        || ob_dict_setitem_str(d, "max", dt_timezone_create(mx, NULL)) < 0)
        return -1;
    ob_type_modified(&dt_timezone_type);
    return 0;
}
