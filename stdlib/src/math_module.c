/*
 * math_module.c — the `math` module: the float functions over libm with
 * CPython's error rules, log with big ints, ceil/floor/trunc through
 * __ceil__/__floor__/__trunc__, the constants, and the module itself.
 *
 * Error rule of the one-argument functions: a NaN result from a non-NaN
 * argument is ValueError "math domain error"; an infinite result from a
 * finite argument is OverflowError "math range error" for the functions
 * that can overflow (exp, cosh, ...) and ValueError otherwise (a pole,
 * e.g. atanh(1), log1p(-1)).
 *
 * gamma/lgamma/erf/erfc come from glibc rather than CPython's own
 * approximations: values can differ from CPython's in the last bits.
 */
#include <float.h>
#include <limits.h>
#include <math.h>

#include "math_internal.h"

KnObject *kn_init_math(void);

KnObject *math_domain_error(void)
{
    return ob_err_format(ob_exc_ValueError, "math domain error");
}

KnObject *math_range_error(void)
{
    return ob_err_format(ob_exc_OverflowError, "math range error");
}

int math_arg_double(KnObject *o, double *x)
{
    if (KN_FLOAT_CHECK_EXACT(o)) {
        *x = KN_FLOAT_VALUE(o);
        return 0;
    }
    double d = ob_float_as_double(o);
    if (d == -1.0 && ob_err_occurred())
        return -1;
    *x = d;
    return 0;
}

KnObject *math_arg_index(KnObject *o)
{
    if (KN_FLOAT_CHECK(o) || !ob_index_check(o))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             ob_type_name(KN_TYPE(o)));
    return ob_number_index(o);
}

static KnObject *math_1(KnObject *arg, double (*fn)(double), int can_overflow)
{
    double x;
    if (math_arg_double(arg, &x) < 0)
        return NULL;
    double r = fn(x);
    if (isnan(r) && !isnan(x))
        return math_domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? math_range_error() : math_domain_error();
    return ob_float_from_double(r);
}

#define UNARY(name, fn, ovf) \
    static KnObject *m_##name(KnObject *m, KnObject *a) { (void)m; return math_1(a, fn, ovf); }
UNARY(acos, acos, 0)
UNARY(acosh, acosh, 0)
UNARY(asin, asin, 0)
UNARY(asinh, asinh, 0)
UNARY(atan, atan, 0)
UNARY(atanh, atanh, 0)
UNARY(cbrt, cbrt, 0)
UNARY(cos, cos, 0)
UNARY(cosh, cosh, 1)
UNARY(erf, erf, 0)
UNARY(erfc, erfc, 0)
UNARY(exp, exp, 1)
UNARY(exp2, exp2, 1)
UNARY(expm1, expm1, 1)
UNARY(fabs, fabs, 0)
UNARY(sin, sin, 0)
UNARY(sinh, sinh, 1)
UNARY(sqrt, sqrt, 0)
UNARY(tan, tan, 0)
UNARY(tanh, tanh, 0)
UNARY(log1p, log1p, 0)

/* r, or OverflowError when it overflowed to infinity. */
static KnObject *float_or_range(double r)
{
    return isinf(r) ? math_range_error() : ob_float_from_double(r);
}

static int nonpositive_integer(double x)
{
    return x <= 0 && floor(x) == x;
}

static KnObject *m_gamma(KnObject *m, KnObject *a)
{
    (void)m;
    double x;
    if (math_arg_double(a, &x) < 0)
        return NULL;
    if (isnan(x))
        return ob_float_from_double(x);
    if (isinf(x))
        return x > 0 ? ob_float_from_double(x) : math_domain_error();
    if (nonpositive_integer(x))
        return math_domain_error();
    double r = tgamma(x);
    return float_or_range(r);
}

static KnObject *m_lgamma(KnObject *m, KnObject *a)
{
    (void)m;
    double x;
    if (math_arg_double(a, &x) < 0)
        return NULL;
    if (!isfinite(x))
        return ob_float_from_double(isnan(x) ? x : INFINITY);
    if (nonpositive_integer(x))
        return math_domain_error();
    double r = lgamma(x);
    return float_or_range(r);
}

/* ---- logarithms (ints of any size) ---- */

/* fn(o) for a float-like or an int of any size. */
static int log_of(KnObject *o, double (*fn)(double), double *out)
{
    if (KN_INT_CHECK(o)) {
        if (ob_int_sign(o) <= 0) {
            math_domain_error();
            return -1;
        }
        double d = ob_int_as_double(o);
        if (!(d == -1.0 && ob_err_occurred())) {
            *out = fn(d);
            return 0;
        }
        if (!ob_err_matches((KnObject *)ob_exc_OverflowError))
            return -1;
        ob_err_clear();
        /* o = top * 2**shift with top's 53 leading bits exact */
        KnObject *bl = ob_call_method(o, "bit_length", 0);
        if (bl == NULL)
            return -1;
        long long bits = ob_int_as_long_long(bl);
        if (bits == -1 && ob_err_occurred())
            return -1;
        long long shift = bits - 53;
        KnObject *top = ob_number_rshift(o, ob_int_from_long_long(shift));
        if (top == NULL)
            return -1;
        double t = ob_int_as_double(top);
        if (t == -1.0 && ob_err_occurred())
            return -1;
        *out = fn(t) + (double)shift * fn(2.0);
        return 0;
    }
    double x;
    if (math_arg_double(o, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        math_domain_error();
        return -1;
    }
    *out = fn(x);
    return 0;
}

static KnObject *m_log(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double num, den;
    if (ob_args_check_positional("log", nargs, 1, 2) < 0 || log_of(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 1)
        return ob_float_from_double(num);
    if (log_of(args[1], log, &den) < 0)
        return NULL;
    if (den == 0)
        return ob_err_format(ob_exc_ZeroDivisionError, "float division by zero");
    return ob_float_from_double(num / den);
}

static KnObject *m_log2(KnObject *m, KnObject *a)
{
    (void)m;
    double r;
    return log_of(a, log2, &r) < 0 ? NULL : ob_float_from_double(r);
}

static KnObject *m_log10(KnObject *m, KnObject *a)
{
    (void)m;
    double r;
    return log_of(a, log10, &r) < 0 ? NULL : ob_float_from_double(r);
}

/* ---- two-argument functions ---- */

static int two_doubles(const char *fname, KnObject *const *args, kn_ssize_t nargs,
                       double *x, double *y)
{
    if (ob_args_check_positional(fname, nargs, 2, 2) < 0 || math_arg_double(args[0], x) < 0
        || math_arg_double(args[1], y) < 0)
        return -1;
    return 0;
}

static KnObject *m_atan2(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double x, y;
    return two_doubles("atan2", args, nargs, &y, &x) < 0 ? NULL : ob_float_from_double(atan2(y, x));
}

static KnObject *m_copysign(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double x, y;
    return two_doubles("copysign", args, nargs, &x, &y) < 0 ? NULL
         : ob_float_from_double(copysign(x, y));
}

static KnObject *m_fmod(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return ob_float_from_double(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return math_domain_error();
    return ob_float_from_double(r);
}

static KnObject *m_remainder(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0)
        return NULL;
    if (isnan(x) || isnan(y))
        return ob_float_from_double(isnan(x) ? x : y);
    if (isinf(x) || y == 0)
        return math_domain_error();
    return ob_float_from_double(isinf(y) ? x : remainder(x, y));
}

static KnObject *m_pow(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double x, y;
    if (two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    double r = pow(x, y);      /* C99 Annex F special values match CPython */
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r))
            return math_domain_error();
        if (isinf(r))
            return x == 0 ? math_domain_error() : math_range_error();
    }
    return ob_float_from_double(r);
}

static KnObject *m_nextafter(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double x, y;
    return two_doubles("nextafter", args, nargs, &x, &y) < 0 ? NULL
         : ob_float_from_double(nextafter(x, y));
}

static KnObject *m_ulp(KnObject *m, KnObject *a)
{
    (void)m;
    double x;
    if (math_arg_double(a, &x) < 0)
        return NULL;
    if (isnan(x))
        return ob_float_from_double(x);
    x = fabs(x);
    if (isinf(x))
        return ob_float_from_double(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up))
        return ob_float_from_double(x - nextafter(x, 0));
    return ob_float_from_double(up - x);
}

static KnObject *m_ldexp(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double x;
    if (ob_args_check_positional("ldexp", nargs, 2, 2) < 0 || math_arg_double(args[0], &x) < 0)
        return NULL;
    if (!KN_INT_CHECK(args[1]))
        return ob_err_format(ob_exc_TypeError, "Expected an int as second argument to ldexp.");
    int overflow;
    long long e = ob_int_as_long_long_and_overflow(args[1], &overflow);
    if (e == -1 && ob_err_occurred())
        return NULL;
    if (overflow)
        e = overflow > 0 ? LLONG_MAX : LLONG_MIN;
    if (x == 0 || !isfinite(x))
        return ob_float_from_double(x);
    if (e > 100000)
        e = 100000;
    if (e < -100000)
        e = -100000;
    double r = ldexp(x, (int)e);
    return float_or_range(r);
}

static KnObject *m_frexp(KnObject *m, KnObject *a)
{
    (void)m;
    double x;
    int e = 0;
    if (math_arg_double(a, &x) < 0)
        return NULL;
    double mant = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    return ob_tuple_pack(2, ob_float_from_double(mant), ob_int_from_long_long(e));
}

static KnObject *m_modf(KnObject *m, KnObject *a)
{
    (void)m;
    double x, ip;
    if (math_arg_double(a, &x) < 0)
        return NULL;
    double fp;
    if (isinf(x)) {
        fp = copysign(0.0, x);
        ip = x;
    } else {
        fp = modf(x, &ip);
    }
    return ob_tuple_pack(2, ob_float_from_double(fp), ob_float_from_double(ip));
}

static KnObject *m_degrees(KnObject *m, KnObject *a)
{
    (void)m;
    double x;
    return math_arg_double(a, &x) < 0 ? NULL : ob_float_from_double(x * (180.0 / M_PI));
}

static KnObject *m_radians(KnObject *m, KnObject *a)
{
    (void)m;
    double x;
    return math_arg_double(a, &x) < 0 ? NULL : ob_float_from_double(x * (M_PI / 180.0));
}

#define PRED(name, expr) \
    static KnObject *m_##name(KnObject *m, KnObject *a) \
    { (void)m; double x; return math_arg_double(a, &x) < 0 ? NULL : KN_BOOL(expr); }
PRED(isfinite, isfinite(x))
PRED(isinf, isinf(x))
PRED(isnan, isnan(x))

/* ---- ceil / floor / trunc ---- */

static KnObject *round_special(KnObject *a, const char *dunder, double (*fn)(double))
{
    if (!KN_FLOAT_CHECK_EXACT(a)) {
        KnObject *meth = ob_lookup_special(a, ob_str_intern_cstr(dunder));
        if (meth != NULL)
            return ob_call_noargs(meth);
        if (ob_err_occurred())
            return NULL;
    }
    double x;
    if (math_arg_double(a, &x) < 0)
        return NULL;
    return ob_int_from_double(fn(x));
}

static KnObject *m_ceil(KnObject *m, KnObject *a)
{
    (void)m;
    return round_special(a, "__ceil__", ceil);
}

static KnObject *m_floor(KnObject *m, KnObject *a)
{
    (void)m;
    return round_special(a, "__floor__", floor);
}

static KnObject *m_trunc(KnObject *m, KnObject *a)
{
    (void)m;
    KnObject *meth = ob_lookup_special(a, ob_str_intern_cstr("__trunc__"));
    if (meth != NULL)
        return ob_call_noargs(meth);
    if (ob_err_occurred())
        return NULL;
    return ob_err_format(ob_exc_TypeError, "type %s doesn't define __trunc__ method",
                         ob_type_name(KN_TYPE(a)));
}

#define O1(name) {#name, (KnCFunction)m_##name, KN_METH_O, NULL}
#define FA(name) {#name, (KnCFunction)(void *)m_##name, KN_METH_FASTCALL, NULL}
static KnMethodDef math_methods[] = {
    O1(acos), O1(acosh), O1(asin), O1(asinh), O1(atan), O1(atanh), O1(cbrt), O1(cos),
    O1(cosh), O1(erf), O1(erfc), O1(exp), O1(exp2), O1(expm1), O1(fabs), O1(sin),
    O1(sinh), O1(sqrt), O1(tan), O1(tanh), O1(log1p), O1(gamma), O1(lgamma),
    FA(log), O1(log2), O1(log10),
    FA(atan2), FA(copysign), FA(fmod), FA(remainder), FA(pow), FA(nextafter), FA(ldexp),
    O1(ulp), O1(frexp), O1(modf), O1(degrees), O1(radians),
    O1(isfinite), O1(isinf), O1(isnan), O1(ceil), O1(floor), O1(trunc),
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init_math(void)
{
    KnObject *m = ob_module_new_cstr("math");
    if (m == NULL || ob_module_add_functions(m, math_methods) < 0
        || ob_module_add_functions(m, math_int_methods) < 0
        || ob_module_add_functions(m, math_sum_methods) < 0)
        return NULL;
    static const struct { const char *name; double v; } consts[] = {
        {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (ob_module_add_object(m, consts[i].name, ob_float_from_double(consts[i].v)) < 0)
            return NULL;
    return m;
}
