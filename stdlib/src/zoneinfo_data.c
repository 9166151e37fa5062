/*
 * zoneinfo_data.c — the tables of a ZoneInfo and the lookups over them.
 *
 * zoneinfo._common.load_data reads the TZif bytes (v1, v2 and v3); the
 * transitions it returns are turned here into C arrays: UTC instants,
 * wall-clock instants for fold 0 and fold 1, and the local time type in
 * force after each one.  Times after the last transition follow the
 * footer's POSIX TZ rule, parsed and evaluated by zoneinfo._zoneinfo's
 * rule class (_parse_tz_str); see NOTES-zoneinfo.md.
 */
#include "libobject/libobject.h"
#include "libgc/gc.h"
#include "zoneinfo_internal.h"

KnObject *jit_import_module(const char *name) __attribute__((weak));
extern KnClassHooks ob_type_hooks;

KnObject *zi_import(const char *name)
{
    if (jit_import_module != NULL)
        return jit_import_module(name);
    if (ob_type_hooks.import_module != NULL)
        return ob_type_hooks.import_module(ob_str_intern_cstr(name));
    ob_err_format(ob_exc_ImportError, "_zoneinfo: cannot import %s", name);
    return NULL;
}

static KnObject *zi_timedelta(long long seconds)
{
    KnObject *dt = zi_import("datetime");
    KnObject *td = dt ? ob_getattr_str(dt, "timedelta") : NULL;
    if (td == NULL)
        return NULL;
    KnObject *kw = ob_dict_new();
    if (kw == NULL || ob_dict_setitem_str(kw, "seconds", ob_int_from_long_long(seconds)) < 0)
        return NULL;
    return ob_call(td, ob_tuple_pack(0), kw);
}

/* seq[i] as a C integer. */
static int zi_item_ll(KnObject *seq, kn_ssize_t i, long long *out)
{
    KnObject *v = ob_sequence_getitem(seq, i);
    if (v == NULL)
        return -1;
    *out = ob_int_as_long_long(v);
    return *out == -1 && ob_err_occurred() ? -1 : 0;
}

static long long *zi_ll_array(KnObject *seq, kn_ssize_t n)
{
    long long *a = kgc_alloc_atomic(sizeof(long long) * (size_t)(n ? n : 1));
    for (kn_ssize_t i = 0; i < n; i++)
        if (zi_item_ll(seq, i, &a[i]) < 0)
            return NULL;
    return a;
}

/* DST offsets are not stored in TZif files: a DST type's offset is its
 * UTC offset minus that of a neighbouring standard type (the transition
 * before it, else the one after); a DST type never resolved this way
 * gets one hour. */
static void zi_dst_offsets(const long long *idx, kn_ssize_t ntrans, const long long *utcoff,
                           const long long *isdst, kn_ssize_t ntypes, long long *dstoff)
{
    kn_ssize_t ndst = 0, found = 0;
    for (kn_ssize_t t = 0; t < ntypes; t++) {
        dstoff[t] = 0;
        ndst += isdst[t] != 0;
    }
    int complete = 0;
    for (kn_ssize_t i = 1; i < ntrans; i++) {
        if (found == ndst) {
            complete = 1;
            break;
        }
        long long t = idx[i];
        if (!isdst[t] || dstoff[t] != 0)
            continue;
        long long off = 0;
        if (!isdst[idx[i - 1]])
            off = utcoff[t] - utcoff[idx[i - 1]];
        if (off == 0 && t < ntypes - 1) {
            if (i + 1 >= ntrans)
                break;   /* the reference implementation fails here; stop */
            if (isdst[idx[i + 1]])
                continue;
            off = utcoff[t] - utcoff[idx[i + 1]];
        }
        if (off != 0) {
            found++;
            dstoff[t] = off;
        }
    }
    if (!complete)
        for (kn_ssize_t t = 0; t < ntypes; t++)
            if (dstoff[t] == 0 && isdst[t])
                dstoff[t] = 3600;
}

int zi_load_file(ZoneInfoObject *zi, KnObject *fobj)
{
    KnObject *common = zi_import("zoneinfo._common");
    KnObject *load = common ? ob_getattr_str(common, "load_data") : NULL;
    KnObject *data = load ? ob_call_onearg(load, fobj) : NULL;
    if (data == NULL)
        return -1;
    KnObject *f[6];
    for (int i = 0; i < 6; i++)
        if ((f[i] = ob_sequence_getitem(data, i)) == NULL)
            return -1;
    kn_ssize_t ntrans = ob_length(f[1]), ntypes = ob_length(f[2]);
    if (ntrans < 0 || ntypes < 0)
        return -1;
    long long *idx = zi_ll_array(f[0], ntrans), *utc = zi_ll_array(f[1], ntrans);
    long long *utcoff = zi_ll_array(f[2], ntypes), *isdst = zi_ll_array(f[3], ntypes);
    if (idx == NULL || utc == NULL || utcoff == NULL || isdst == NULL)
        return -1;
    for (kn_ssize_t i = 0; i < ntrans; i++)
        if (idx[i] < 0 || idx[i] >= ntypes) {
            ob_err_set_string(ob_exc_ValueError, "Invalid TZif file: bad transition type index");
            return -1;
        }
    long long *dstoff = kgc_alloc_atomic(sizeof(long long) * (size_t)(ntypes ? ntypes : 1));
    zi_dst_offsets(idx, ntrans, utcoff, isdst, ntypes, dstoff);

    ZiType *types = kgc_alloc(sizeof(ZiType) * (size_t)(ntypes ? ntypes : 1));
    for (kn_ssize_t t = 0; t < ntypes; t++) {
        types[t].utcoff_s = utcoff[t];
        if ((types[t].utcoff = zi_timedelta(utcoff[t])) == NULL
            || (types[t].dstoff = zi_timedelta(dstoff[t])) == NULL
            || (types[t].tzname = ob_sequence_getitem(f[4], t)) == NULL)
            return -1;
    }
    /* Wall-clock transition times: fold 0 sees the larger of the offsets
     * on either side, fold 1 the smaller. */
    long long *local0 = kgc_alloc_atomic(sizeof(long long) * (size_t)(ntrans ? ntrans : 1));
    long long *local1 = kgc_alloc_atomic(sizeof(long long) * (size_t)(ntrans ? ntrans : 1));
    for (kn_ssize_t i = 0; i < ntrans; i++) {
        long long a, b;
        if (i == 0) {
            a = utcoff[0];
            b = ntypes > 1 ? utcoff[idx[0]] : utcoff[0];
        } else {
            a = utcoff[idx[i - 1]];
            b = utcoff[idx[i]];
        }
        long long hi = a > b ? a : b, lo = a > b ? b : a;
        local0[i] = utc[i] + hi;
        local1[i] = utc[i] + lo;
    }
    ZiType **trans_type = kgc_alloc(sizeof(ZiType *) * (size_t)(ntrans ? ntrans : 1));
    for (kn_ssize_t i = 0; i < ntrans; i++)
        trans_type[i] = &types[idx[i]];

    ZiType *before = NULL;
    for (kn_ssize_t t = 0; t < ntypes && before == NULL; t++)
        if (!isdst[t])
            before = &types[t];
    if (before == NULL && ntrans > 0)
        before = trans_type[0];

    KnObject *rule = NULL;
    ZiType *after = NULL;
    if (f[5] != KN_None && ob_length(f[5]) > 0) {
        KnObject *text = ob_call_method(f[5], "decode", 0);
        KnObject *pymod = text ? zi_import("zoneinfo._zoneinfo") : NULL;
        KnObject *parse = pymod ? ob_getattr_str(pymod, "_parse_tz_str") : NULL;
        if (parse == NULL || (rule = ob_call_onearg(parse, text)) == NULL)
            return -1;
    } else {
        if (ntrans == 0 && ntypes == 0) {
            ob_err_set_string(ob_exc_ValueError, "No time zone information found.");
            return -1;
        }
        after = ntrans > 0 ? trans_type[ntrans - 1] : &types[ntypes - 1];
    }
    /* A rule without DST comes back as a fixed type: keep its values. */
    KnObject *pymod = rule ? zi_import("zoneinfo._zoneinfo") : NULL;
    KnObject *rule_cls = pymod ? ob_getattr_str(pymod, "_TZStr") : NULL;
    int is_rule = rule_cls ? ob_isinstance(rule, rule_cls) : 0;
    if (is_rule < 0 || (rule != NULL && rule_cls == NULL))
        return -1;
    if (rule != NULL && !is_rule) {
        after = kgc_alloc(sizeof(ZiType));
        KnObject *off = ob_getattr_str(rule, "utcoff");
        KnObject *secs = off ? ob_call_method(off, "total_seconds", 0) : NULL;
        if (secs == NULL || (after->dstoff = ob_getattr_str(rule, "dstoff")) == NULL
            || (after->tzname = ob_getattr_str(rule, "tzname")) == NULL)
            return -1;
        after->utcoff = off;
        after->utcoff_s = (long long)ob_float_as_double(secs);
        rule = NULL;
    }
    if (ntypes > 1 || rule != NULL)
        zi->fixed_offset = 0;
    else if (ntypes == 0)
        zi->fixed_offset = 1;
    else
        zi->fixed_offset = types[0].utcoff_s == after->utcoff_s
            && ob_richcompare_bool(types[0].dstoff, after->dstoff, KN_EQ) == 1
            && ob_richcompare_bool(types[0].tzname, after->tzname, KN_EQ) == 1;
    zi->ntrans = ntrans;
    zi->trans_utc = utc;
    zi->trans_local[0] = local0;
    zi->trans_local[1] = local1;
    zi->trans_type = trans_type;
    zi->before = before;
    zi->after = after;
    zi->tz_rule = rule;
    return 0;
}

/* First index whose value is > x (bisect_right). */
static kn_ssize_t zi_bisect(const long long *a, kn_ssize_t n, long long x)
{
    kn_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        kn_ssize_t mid = lo + (hi - lo) / 2;
        if (x < a[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static int zi_attr_ll(KnObject *o, const char *name, long long *out)
{
    KnObject *v = ob_getattr_str(o, name);
    if (v == NULL)
        return -1;
    *out = ob_int_as_long_long(v);
    return *out == -1 && ob_err_occurred() ? -1 : 0;
}

/* Seconds since 1970-01-01 00:00 of dt's wall-clock fields; year too. */
static int zi_local_seconds(KnObject *dt, long long *ts, long long *year)
{
    long long ordinal, h, m, s;
    KnObject *o = ob_call_method(dt, "toordinal", 0);
    if (o == NULL)
        return -1;
    ordinal = ob_int_as_long_long(o);
    if ((ordinal == -1 && ob_err_occurred()) || zi_attr_ll(dt, "hour", &h) < 0
        || zi_attr_ll(dt, "minute", &m) < 0 || zi_attr_ll(dt, "second", &s) < 0
        || zi_attr_ll(dt, "year", year) < 0)
        return -1;
    *ts = (ordinal - 719163) * 86400 + h * 3600 + m * 60 + s;
    return 0;
}

int zi_find(ZoneInfoObject *zi, KnObject *dt, ZiType **out, KnObject **out_rule)
{
    long long ts, year, fold;
    *out = NULL;
    *out_rule = NULL;
    if (zi_local_seconds(dt, &ts, &year) < 0 || zi_attr_ll(dt, "fold", &fold) < 0)
        return -1;
    const long long *lt = zi->trans_local[fold ? 1 : 0];
    kn_ssize_t n = zi->ntrans;
    if (n > 0 && ts < lt[0]) {
        *out = zi->before;
    } else if (n == 0 || ts > lt[n - 1]) {
        if (zi->tz_rule != NULL) {
            *out_rule = ob_call_method(zi->tz_rule, "get_trans_info", 3, ob_int_from_long_long(ts),
                                       ob_int_from_long_long(year), ob_int_from_long_long(fold));
            return *out_rule == NULL ? -1 : 0;
        }
        *out = zi->after;
    } else {
        *out = zi->trans_type[zi_bisect(lt, n, ts) - 1];
    }
    return 0;
}

KnObject *zi_fromutc(ZoneInfoObject *zi, KnObject *dt)
{
    long long ts, year;
    if (zi_local_seconds(dt, &ts, &year) < 0)
        return NULL;
    kn_ssize_t n = zi->ntrans;
    const long long *utc = zi->trans_utc;
    KnObject *offset;
    int fold = 0;
    if (n >= 1 && ts < utc[0]) {
        offset = zi->before->utcoff;
    } else if ((n == 0 || ts > utc[n - 1]) && zi->tz_rule != NULL) {
        KnObject *r = ob_call_method(zi->tz_rule, "get_trans_info_fromutc", 2,
                                     ob_int_from_long_long(ts), ob_int_from_long_long(year));
        KnObject *tti = r ? ob_sequence_getitem(r, 0) : NULL;
        KnObject *f = r ? ob_sequence_getitem(r, 1) : NULL;
        if (tti == NULL || f == NULL || (offset = ob_getattr_str(tti, "utcoff")) == NULL
            || (fold = ob_is_true(f)) < 0)
            return NULL;
    } else if (n == 0) {
        offset = zi->after->utcoff;
    } else {
        kn_ssize_t i = zi_bisect(utc, n, ts);
        ZiType *prev, *cur;
        if (n > 1 && ts >= utc[1]) {
            prev = zi->trans_type[i - 2];
            cur = zi->trans_type[i - 1];
        } else if (ts > utc[n - 1]) {
            prev = zi->trans_type[n - 1];
            cur = zi->after;
        } else {
            prev = zi->before;
            cur = zi->trans_type[0];
        }
        fold = prev->utcoff_s - cur->utcoff_s > ts - utc[i - 1];
        offset = cur->utcoff;
    }
    KnObject *res = ob_number_add(dt, offset);
    if (res == NULL || !fold)
        return res;
    KnObject *replace = ob_getattr_str(res, "replace");
    KnObject *kw = ob_dict_new();
    if (replace == NULL || kw == NULL || ob_dict_setitem_str(kw, "fold", ob_int_from_long_long(1)) < 0)
        return NULL;
    return ob_call(replace, ob_tuple_pack(0), kw);
}
