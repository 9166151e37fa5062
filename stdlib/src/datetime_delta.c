/*
 * datetime_delta.c — datetime.timedelta.
 *
 * A duration is (days, seconds, microseconds) with 0 <= seconds < 86400,
 * 0 <= microseconds < 10**6 and |days| <= 999999999.  Products and
 * quotients go through the exact microsecond count as an int and round
 * half to even, as CPython does; sums work component-wise in C.
 */
#include <math.h>
#include <stdio.h>

#include "datetime_internal.h"

static KnObject *delta_alloc(KnTypeObject *t, int days, int seconds, int us)
{
    KnObject *o = dt_alloc(t, &dt_delta_type);
    if (o == NULL)
        return NULL;
    DT_DELTA(o)->hash = -1;
    DT_DELTA(o)->days = days;
    DT_DELTA(o)->seconds = seconds;
    DT_DELTA(o)->us = us;
    return o;
}

static void carry_ll(long long *hi, long long *lo, long long factor)
{
    long long q = *lo / factor, r = *lo % factor;
    if (r < 0) {
        r += factor;
        q--;
    }
    *hi += q;
    *lo = r;
}

KnObject *dt_delta_new_type(KnTypeObject *t, long long days, long long seconds, long long us)
{
    carry_ll(&seconds, &us, 1000000);
    carry_ll(&days, &seconds, 86400);
    if (days < -DT_MAX_DELTA_DAYS || days > DT_MAX_DELTA_DAYS) {
        ob_err_format(ob_exc_OverflowError, "days=%lld; must have magnitude <= %d", days, DT_MAX_DELTA_DAYS);
        return NULL;
    }
    return delta_alloc(t, (int)days, (int)seconds, (int)us);
}

KnObject *dt_delta_new(long long days, long long seconds, long long us)
{
    return dt_delta_new_type(&dt_delta_type, days, seconds, us);
}

KnObject *dt_delta_to_us(KnObject *delta)
{
    DtDelta *d = DT_DELTA(delta);
    KnObject *days = ob_number_multiply(ob_int_from_long_long(d->days), ob_int_from_long_long(86400000000LL));
    if (days == NULL)
        return NULL;
    return ob_number_add(days, ob_int_from_long_long((long long)d->seconds * 1000000 + d->us));
}

/* divmod(a, b), checked: user int subclasses may return anything. */
static KnObject *checked_divmod(KnObject *a, KnObject *b)
{
    KnObject *r = ob_number_divmod(a, b);
    if (r == NULL)
        return NULL;
    if (!KN_TUPLE_CHECK(r)) {
        ob_err_format(ob_exc_TypeError, "divmod() returned non-tuple (type %s)", ob_type_name(KN_TYPE(r)));
        return NULL;
    }
    if (KN_SIZE(r) != 2) {
        ob_err_format(ob_exc_TypeError, "divmod() returned a tuple of size %zd", KN_SIZE(r));
        return NULL;
    }
    return r;
}

/* An int (or __index__) item of a divmod result as C int. */
static int small_int(KnObject *o, long long *out)
{
    int overflow;
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    *out = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow || *out > 2147483647LL || *out < -2147483648LL) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return 0;
}

KnObject *dt_delta_from_us(KnObject *us, KnTypeObject *t)
{
    KnObject *qr = checked_divmod(us, ob_int_from_long_long(1000000));
    if (qr == NULL)
        return NULL;
    KnObject *qr2 = checked_divmod(KN_TUPLE_GET(qr, 0), ob_int_from_long_long(86400));
    if (qr2 == NULL)
        return NULL;
    long long days, secs, micros;
    if (small_int(KN_TUPLE_GET(qr2, 0), &days) < 0 || small_int(KN_TUPLE_GET(qr2, 1), &secs) < 0
        || small_int(KN_TUPLE_GET(qr, 1), &micros) < 0)
        return NULL;
    return dt_delta_new_type(t, days, secs, micros);
}

int dt_delta_cmp(KnObject *a, KnObject *b)
{
    DtDelta *x = DT_DELTA(a), *y = DT_DELTA(b);
    if (x->days != y->days)
        return x->days < y->days ? -1 : 1;
    if (x->seconds != y->seconds)
        return x->seconds < y->seconds ? -1 : 1;
    return x->us < y->us ? -1 : x->us > y->us;
}

int dt_delta_is_zero(KnObject *d)
{
    return DT_DELTA(d)->days == 0 && DT_DELTA(d)->seconds == 0 && DT_DELTA(d)->us == 0;
}

KnObject *dt_delta_neg(KnObject *d)
{
    return dt_delta_new(-(long long)DT_DELTA(d)->days, -(long long)DT_DELTA(d)->seconds, -(long long)DT_DELTA(d)->us);
}

/* ---- construction ---- */

/* sofar + num * factor (microseconds), the fraction of a float argument
 * going to *leftover. */
static KnObject *accum(const char *tag, KnObject *sofar, KnObject *num, long long factor, double *leftover)
{
    KnObject *f = ob_int_from_long_long(factor);
    if (KN_INT_CHECK(num)) {
        KnObject *prod = ob_number_multiply(num, f);
        return prod == NULL ? NULL : ob_number_add(sofar, prod);
    }
    if (KN_FLOAT_CHECK(num)) {
        double v = ob_float_as_double(num), ip;
        double frac = modf(v, &ip);
        KnObject *x = ob_int_from_double(ip);
        if (x == NULL)
            return NULL;
        KnObject *sum = ob_number_add(sofar, ob_number_multiply(x, f));
        if (sum == NULL || frac == 0.0)
            return sum;
        frac = modf(frac * (double)factor, &ip);
        x = ob_int_from_double(ip);
        if (x == NULL)
            return NULL;
        *leftover += frac;
        return ob_number_add(sum, x);
    }
    ob_err_format(ob_exc_TypeError, "unsupported type for timedelta %s component: %s", tag,
                  ob_type_name(KN_TYPE(num)));
    return NULL;
}

static KnObject *delta_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"days", "seconds", "microseconds", "milliseconds",
                                        "minutes", "hours", "weeks", NULL};

    /* accumulation order (CPython's): finest unit first */
    static const int order[7] = {2, 3, 1, 4, 5, 0, 6};
    static const long long factors[7] = {86400000000LL, 1000000LL, 1LL, 1000LL, 60000000LL,
                                         3600000000LL, 604800000000LL};
    KnObject *a[7] = {0};
    if (dt_parse_ctor("__new__", names, 0, 7, args, kwargs, a, NULL, 0) < 0)
        return NULL;
    KnObject *x = ob_int_from_long_long(0);
    double leftover = 0.0;
    for (int k = 0; k < 7; k++) {
        int i = order[k];
        if (a[i] != NULL && (x = accum(names[i], x, a[i], factors[i], &leftover)) == NULL)
            return NULL;
    }
    if (leftover != 0.0) {
        double whole = round(leftover);
        if (fabs(whole - leftover) == 0.5) {
            KnObject *odd = ob_number_and(x, ob_int_from_long_long(1));
            if (odd == NULL)
                return NULL;
            int is_odd = ob_int_sign(odd) != 0;
            whole = 2.0 * round((leftover + is_odd) * 0.5) - is_odd;
        }
        if ((x = ob_number_add(x, ob_int_from_double(whole))) == NULL)
            return NULL;
    }
    return dt_delta_from_us(x, t);
}

/* ---- repr, str, hash ---- */

KnObject *dt_delta_repr(KnObject *self)
{
    DtDelta *d = DT_DELTA(self);
    char buf[128];
    int n = 0;
    if (d->days)
        n += snprintf(buf + n, sizeof buf - n, "days=%d", d->days);
    if (d->seconds)
        n += snprintf(buf + n, sizeof buf - n, "%sseconds=%d", n ? ", " : "", d->seconds);
    if (d->us)
        n += snprintf(buf + n, sizeof buf - n, "%smicroseconds=%d", n ? ", " : "", d->us);
    if (n == 0)
        snprintf(buf, sizeof buf, "0");
    return ob_str_from_format("%s(%s)", KN_TYPE(self)->tp_name, buf);
}

static KnObject *delta_str(KnObject *self)
{
    DtDelta *d = DT_DELTA(self);
    char buf[96];
    int n = 0;
    if (d->days)
        n = snprintf(buf, sizeof buf, "%d day%s, ", d->days, d->days == 1 || d->days == -1 ? "" : "s");
    int s = d->seconds;
    n += snprintf(buf + n, sizeof buf - n, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    if (d->us)
        snprintf(buf + n, sizeof buf - n, ".%06d", d->us);
    return ob_str_from_cstr(buf);
}

static KnObject *delta_state(KnObject *self)
{
    return ob_tuple_pack(3, ob_int_from_long_long(DT_DELTA(self)->days),
                         ob_int_from_long_long(DT_DELTA(self)->seconds),
                         ob_int_from_long_long(DT_DELTA(self)->us));
}

static kn_hash_t delta_hash(KnObject *self)
{
    if (DT_DELTA(self)->hash == -1) {
        KnObject *st = delta_state(self);
        if (st == NULL)
            return -1;
        DT_DELTA(self)->hash = ob_hash(st);
    }
    return DT_DELTA(self)->hash;
}

static KnObject *delta_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!DT_DELTA_CHECK(b))
        return KN_NotImplemented;
    int c = dt_delta_cmp(a, b);
    switch (op) {
    case KN_LT: return KN_BOOL(c < 0);
    case KN_LE: return KN_BOOL(c <= 0);
    case KN_EQ: return KN_BOOL(c == 0);
    case KN_NE: return KN_BOOL(c != 0);
    case KN_GT: return KN_BOOL(c > 0);
    default: return KN_BOOL(c >= 0);
    }
}

/* ---- arithmetic ---- */

static KnObject *delta_add(KnObject *a, KnObject *b)
{
    if (!DT_DELTA_CHECK(a) || !DT_DELTA_CHECK(b))
        return KN_NotImplemented;
    DtDelta *x = DT_DELTA(a), *y = DT_DELTA(b);
    return dt_delta_new((long long)x->days + y->days, (long long)x->seconds + y->seconds,
                        (long long)x->us + y->us);
}

static KnObject *delta_sub(KnObject *a, KnObject *b)
{
    if (!DT_DELTA_CHECK(a) || !DT_DELTA_CHECK(b))
        return KN_NotImplemented;
    DtDelta *x = DT_DELTA(a), *y = DT_DELTA(b);
    return dt_delta_new((long long)x->days - y->days, (long long)x->seconds - y->seconds,
                        (long long)x->us - y->us);
}

static KnObject *delta_negative(KnObject *a)
{
    return dt_delta_neg(a);
}

static KnObject *delta_positive(KnObject *a)
{
    return dt_delta_new(DT_DELTA(a)->days, DT_DELTA(a)->seconds, DT_DELTA(a)->us);
}

static KnObject *delta_absolute(KnObject *a)
{
    return DT_DELTA(a)->days < 0 ? dt_delta_neg(a) : delta_positive(a);
}

static int delta_bool(KnObject *a)
{
    return !dt_delta_is_zero(a);
}

/* round(a / b) with ties to even, a and b ints */
static KnObject *divide_nearest(KnObject *a, KnObject *b)
{
    KnObject *qr = checked_divmod(a, b);
    if (qr == NULL)
        return NULL;
    KnObject *q = KN_TUPLE_GET(qr, 0), *r = KN_TUPLE_GET(qr, 1);
    KnObject *r2 = ob_number_multiply(r, ob_int_from_long_long(2));
    if (r2 == NULL)
        return NULL;
    int bpos = ob_int_sign(b) > 0;
    int gt = ob_richcompare_bool(r2, b, bpos ? KN_GT : KN_LT);
    int eq = ob_richcompare_bool(r2, b, KN_EQ);
    if (gt < 0 || eq < 0)
        return NULL;
    if (eq) {
        KnObject *odd = ob_number_and(q, ob_int_from_long_long(1));
        if (odd == NULL)
            return NULL;
        gt = ob_int_sign(odd) != 0;
    }
    return gt ? ob_number_add(q, ob_int_from_long_long(1)) : q;
}

/* delta * (num / den) for a float given as its integer ratio */
static KnObject *delta_times_float(KnObject *delta, KnObject *f, int divide)
{
    KnObject *ratio = ob_call_method(f, "as_integer_ratio", 0);
    if (ratio == NULL)
        return NULL;
    if (!KN_TUPLE_CHECK(ratio)) {
        ob_err_format(ob_exc_TypeError, "unexpected return type from as_integer_ratio(): expected tuple, got '%s'",
                      ob_type_name(KN_TYPE(ratio)));
        return NULL;
    }
    if (KN_SIZE(ratio) != 2) {
        ob_err_set_string(ob_exc_ValueError, "as_integer_ratio() must return a 2-tuple");
        return NULL;
    }
    KnObject *us = dt_delta_to_us(delta);
    if (us == NULL)
        return NULL;
    KnObject *num = KN_TUPLE_GET(ratio, divide ? 1 : 0), *den = KN_TUPLE_GET(ratio, divide ? 0 : 1);
    KnObject *prod = ob_number_multiply(us, num);
    if (prod == NULL)
        return NULL;
    KnObject *q = divide_nearest(prod, den);
    return q == NULL ? NULL : dt_delta_from_us(q, &dt_delta_type);
}

static KnObject *delta_times_int(KnObject *delta, KnObject *n)
{
    KnObject *us = dt_delta_to_us(delta);
    if (us == NULL)
        return NULL;
    KnObject *p = ob_number_multiply(us, n);
    return p == NULL ? NULL : dt_delta_from_us(p, &dt_delta_type);
}

static KnObject *delta_multiply(KnObject *a, KnObject *b)
{
    if (!DT_DELTA_CHECK(a)) {
        KnObject *t = a;
        a = b;
        b = t;
    }
    if (KN_INT_CHECK(b))
        return delta_times_int(a, b);
    if (KN_FLOAT_CHECK(b))
        return delta_times_float(a, b, 0);
    return KN_NotImplemented;
}

static KnObject *delta_truediv(KnObject *a, KnObject *b)
{
    if (!DT_DELTA_CHECK(a))
        return KN_NotImplemented;
    KnObject *us = dt_delta_to_us(a);
    if (us == NULL)
        return NULL;
    if (DT_DELTA_CHECK(b)) {
        KnObject *other = dt_delta_to_us(b);
        return other == NULL ? NULL : ob_number_truediv(us, other);
    }
    if (KN_FLOAT_CHECK(b))
        return delta_times_float(a, b, 1);
    if (KN_INT_CHECK(b)) {
        KnObject *q = divide_nearest(us, b);
        return q == NULL ? NULL : dt_delta_from_us(q, &dt_delta_type);
    }
    return KN_NotImplemented;
}

static KnObject *delta_floordiv(KnObject *a, KnObject *b)
{
    if (!DT_DELTA_CHECK(a))
        return KN_NotImplemented;
    KnObject *us = dt_delta_to_us(a);
    if (us == NULL)
        return NULL;
    if (DT_DELTA_CHECK(b)) {
        KnObject *other = dt_delta_to_us(b);
        return other == NULL ? NULL : ob_number_floordiv(us, other);
    }
    if (KN_INT_CHECK(b)) {
        KnObject *q = ob_number_floordiv(us, b);
        return q == NULL ? NULL : dt_delta_from_us(q, &dt_delta_type);
    }
    return KN_NotImplemented;
}

/* a % b and divmod(a, b) of two timedeltas, via microseconds */
static KnObject *delta_mod_op(KnObject *a, KnObject *b, int want_divmod)
{
    if (!DT_DELTA_CHECK(a) || !DT_DELTA_CHECK(b))
        return KN_NotImplemented;
    KnObject *x = dt_delta_to_us(a), *y = x ? dt_delta_to_us(b) : NULL;
    if (y == NULL)
        return NULL;
    if (want_divmod) {
        KnObject *qr = checked_divmod(x, y);
        if (qr == NULL)
            return NULL;
        KnObject *r = dt_delta_from_us(KN_TUPLE_GET(qr, 1), &dt_delta_type);
        return r == NULL ? NULL : ob_tuple_pack(2, KN_TUPLE_GET(qr, 0), r);
    }
    KnObject *r = ob_number_remainder(x, y);
    return r == NULL ? NULL : dt_delta_from_us(r, &dt_delta_type);
}

static KnObject *delta_remainder(KnObject *a, KnObject *b)
{
    return delta_mod_op(a, b, 0);
}

static KnObject *delta_divmod(KnObject *a, KnObject *b)
{
    return delta_mod_op(a, b, 1);
}

/* ---- methods and attributes ---- */

static KnObject *delta_total_seconds(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *us = dt_delta_to_us(self);
    return us == NULL ? NULL : ob_number_truediv(us, ob_int_from_long_long(1000000));
}

static KnObject *delta_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *st = delta_state(self);
    return st == NULL ? NULL : ob_tuple_pack(2, (KnObject *)KN_TYPE(self), st);
}

static KnObject *delta_get(KnObject *self, void *closure)
{
    DtDelta *d = DT_DELTA(self);
    int which = (int)(intptr_t)closure;
    return ob_int_from_long_long(which == 0 ? d->days : which == 1 ? d->seconds : d->us);
}

static KnGetSetDef delta_getset[] = {
    {"days", delta_get, NULL, "Number of days.", (void *)0},
    {"seconds", delta_get, NULL, "Number of seconds (>= 0 and less than 1 day).", (void *)1},
    {"microseconds", delta_get, NULL, "Number of microseconds (>= 0 and less than 1 second).", (void *)2},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMethodDef delta_methods[] = {
    {"total_seconds", DT_FC(delta_total_seconds), KN_METH_NOARGS, "Total seconds in the duration."},
    {"__reduce__", DT_FC(delta_reduce), KN_METH_NOARGS, "__reduce__() -> (cls, state)"},
    {NULL, NULL, 0, NULL}
};

static KnNumberMethods delta_as_number = {
    .nb_add = delta_add,
    .nb_subtract = delta_sub,
    .nb_multiply = delta_multiply,
    .nb_remainder = delta_remainder,
    .nb_divmod = delta_divmod,
    .nb_negative = delta_negative,
    .nb_positive = delta_positive,
    .nb_absolute = delta_absolute,
    .nb_bool = delta_bool,
    .nb_floor_divide = delta_floordiv,
    .nb_true_divide = delta_truediv,
};

KnTypeObject dt_delta_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "datetime.timedelta",
    .tp_basicsize = sizeof(DtDelta),
    .tp_repr = dt_delta_repr,
    .tp_as_number = &delta_as_number,
    .tp_hash = delta_hash,
    .tp_str = delta_str,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Difference between two datetime values.\n\n"
              "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\n"
              "All arguments are optional and default to 0.\nArguments may be integers or floats, and may be positive or negative.",
    .tp_richcompare = delta_richcompare,
    .tp_methods = delta_methods,
    .tp_getset = delta_getset,
    .tp_new = delta_tp_new,
};
