/*
 * cmath_module.c — the `cmath` module over glibc's C99 complex functions
 * (whose Annex G special values are the ones CPython's tables encode).
 *
 * Errors as CPython: from a finite argument, a NaN part in the result is
 * ValueError "math domain error"; an infinite part is OverflowError "math
 * range error" for the functions that overflow (exp, cosh, sinh, rect)
 * and ValueError otherwise (poles: log(0), atanh(±1)).  From an infinite
 * argument, CPython raises ValueError where C99 gives an invalid result
 * (NaN from the infinity, e.g. cos(inf)); this is the rule applied here.
 * Values can differ from CPython's own algorithms in the last bits.
 */
#include <complex.h>
#include <fenv.h>
#include <math.h>

#include "libobject/libobject.h"
#include "libobject/complex.h"

KnObject *kn_init_cmath(void);

static int arg_complex(KnObject *o, double complex *z)
{
    if (KN_COMPLEX_CHECK(o)) {
        KnComplex c = KN_COMPLEX_VALUE(o);
        *z = CMPLX(c.real, c.imag);
        return 0;
    }
    KnObject *meth = ob_lookup_special(o, ob_str_intern_cstr("__complex__"));
    if (meth != NULL) {
        KnObject *r = ob_call_noargs(meth);
        if (r == NULL)
            return -1;
        if (!KN_COMPLEX_CHECK(r)) {
            ob_err_format(ob_exc_TypeError, "__complex__ returned non-complex (type %s)",
                          ob_type_name(KN_TYPE(r)));
            return -1;
        }
        KnComplex c = KN_COMPLEX_VALUE(r);
        *z = CMPLX(c.real, c.imag);
        return 0;
    }
    if (ob_err_occurred())
        return -1;
    double d = ob_float_as_double(o);
    if (d == -1.0 && ob_err_occurred())
        return -1;
    *z = CMPLX(d, 0.0);
    return 0;
}

static int cfinite(double complex z)
{
    return isfinite(creal(z)) && isfinite(cimag(z));
}

static int chasnan(double complex z)
{
    return isnan(creal(z)) || isnan(cimag(z));
}

static KnObject *box(double complex z)
{
    return ob_complex_from_doubles(creal(z), cimag(z));
}

static KnObject *domain(void)
{
    return ob_err_format(ob_exc_ValueError, "math domain error");
}

static KnObject *range(void)
{
    return ob_err_format(ob_exc_OverflowError, "math range error");
}

/* The error rule of the header comment; invalid: the C function raised
 * FE_INVALID. */
static KnObject *checked(double complex z, double complex r, int can_overflow, int invalid)
{
    if (cfinite(z)) {
        if (chasnan(r))
            return domain();
        if (!cfinite(r))
            return can_overflow ? range() : domain();
    } else if (!chasnan(z) && invalid) {
        return domain();
    }
    return box(r);
}

static KnObject *cm_1(KnObject *a, double complex (*fn)(double complex), int can_overflow)
{
    double complex z;
    if (arg_complex(a, &z) < 0)
        return NULL;
    feclearexcept(FE_INVALID);
    double complex r = fn(z);
    return checked(z, r, can_overflow, fetestexcept(FE_INVALID) != 0);
}

#define UNARY(name, fn, ovf) \
    static KnObject *cm_##name(KnObject *m, KnObject *a) { (void)m; return cm_1(a, fn, ovf); }
/* Where C99 leaves a sign or a NaN open, CPython's tables decide. */
static double complex cm_cacos(double complex z)
{
    if (isinf(creal(z)) && isnan(cimag(z)))
        return CMPLX(NAN, INFINITY);
    return cacos(z);
}

static double complex cm_casin(double complex z)
{
    if (isinf(creal(z)) && isnan(cimag(z)))
        return CMPLX(NAN, -INFINITY);
    return casin(z);
}

static double complex cm_cacosh(double complex z)
{
    if (creal(z) == 0 && isnan(cimag(z)))
        return CMPLX(NAN, NAN);
    return cacosh(z);
}

static double complex cm_csin(double complex z)
{
    if (isnan(creal(z)) && isinf(cimag(z)))
        return CMPLX(NAN, -INFINITY);
    return csin(z);
}

static double complex cm_ctan(double complex z)
{
    if (isnan(creal(z)) && cimag(z) == 0)
        return CMPLX(NAN, NAN);
    return ctan(z);
}

static double complex cm_ctanh(double complex z)
{
    if (creal(z) == 0 && isnan(cimag(z)))
        return CMPLX(NAN, NAN);
    return ctanh(z);
}

UNARY(acos, cm_cacos, 0)
UNARY(acosh, cm_cacosh, 0)
UNARY(asin, cm_casin, 0)
UNARY(asinh, casinh, 0)
UNARY(atan, catan, 0)
UNARY(atanh, catanh, 0)
UNARY(cos, ccos, 1)
UNARY(cosh, ccosh, 1)
UNARY(exp, cexp, 1)
UNARY(sin, cm_csin, 1)
UNARY(sinh, csinh, 1)
UNARY(sqrt, csqrt, 0)
UNARY(tan, cm_ctan, 1)
UNARY(tanh, cm_ctanh, 1)

static double complex cm_clog10(double complex z)
{
    double complex l = clog(z);
    return CMPLX(creal(l) / M_LN10, cimag(l) / M_LN10);
}
UNARY(log10, cm_clog10, 0)

static KnObject *cm_log(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double complex x, base;
    if (ob_args_check_positional("log", nargs, 1, 2) < 0 || arg_complex(args[0], &x) < 0)
        return NULL;
    double complex lx = clog(x);
    KnObject *r = checked(x, lx, 0, 0);
    if (r == NULL || nargs == 1)
        return r;
    if (arg_complex(args[1], &base) < 0)
        return NULL;
    double complex lb = clog(base);
    if (checked(base, lb, 0, 0) == NULL)
        return NULL;
    KnComplex a = {creal(lx), cimag(lx)}, b = {creal(lb), cimag(lb)};
    int err;
    KnComplex q = ob_complex_quot(a, b, &err);
    if (err == 1)
        return domain();
    if (err == 2)
        return range();
    return ob_complex_from_doubles(q.real, q.imag);
}

static KnObject *cm_phase(KnObject *m, KnObject *a)
{
    (void)m;
    double complex z;
    if (arg_complex(a, &z) < 0)
        return NULL;
    return ob_float_from_double(carg(z));
}

static KnObject *cm_polar(KnObject *m, KnObject *a)
{
    (void)m;
    double complex z;
    if (arg_complex(a, &z) < 0)
        return NULL;
    KnComplex c = {creal(z), cimag(z)};
    int err;
    double r = ob_complex_abs(c, &err);
    if (err)
        return range();
    return ob_tuple_pack(2, ob_float_from_double(r), ob_float_from_double(carg(z)));
}

static KnObject *cm_rect(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double r, phi;
    if (ob_args_check_positional("rect", nargs, 2, 2))
        return NULL;
    r = ob_float_as_double(args[0]);
    if (r == -1.0 && ob_err_occurred())
        return NULL;
    phi = ob_float_as_double(args[1]);
    if (phi == -1.0 && ob_err_occurred())
        return NULL;
    if (isinf(r)) {
        if (isinf(phi))
            return domain();
        if (isnan(phi))
            return ob_complex_from_doubles(INFINITY, NAN);
        if (phi == 0)
            return ob_complex_from_doubles(r, r > 0 ? phi : -phi);
    } else if (isnan(r)) {
        return ob_complex_from_doubles(r, phi == 0 ? phi : NAN);
    } else if (!isfinite(phi)) {
        if (r == 0)
            return ob_complex_from_doubles(0.0, 0.0);
        if (isinf(phi))
            return domain();
        return ob_complex_from_doubles(NAN, NAN);
    }
    return ob_complex_from_doubles(r * cos(phi), r * sin(phi));
}

#define PRED(name, expr) \
    static KnObject *cm_##name(KnObject *m, KnObject *a) \
    { (void)m; double complex z; if (arg_complex(a, &z) < 0) return NULL; return KN_BOOL(expr); }
PRED(isfinite, cfinite(z))
PRED(isnan, chasnan(z))
PRED(isinf, isinf(creal(z)) || isinf(cimag(z)))

static KnObject *cm_isclose(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    KnArgSpec spec = {"isclose", names, 2, 2, 0};
    KnObject *o[4];
    double complex a, b;
    double rel = 1e-9, abs_tol = 0.0;
    if (ob_args_parse(&spec, args, nargs, kwnames, o) < 0 || arg_complex(o[0], &a) < 0
        || arg_complex(o[1], &b) < 0)
        return NULL;
    if (o[2] && (rel = ob_float_as_double(o[2])) == -1.0 && ob_err_occurred())
        return NULL;
    if (o[3] && (abs_tol = ob_float_as_double(o[3])) == -1.0 && ob_err_occurred())
        return NULL;
    if (rel < 0 || abs_tol < 0)
        return ob_err_format(ob_exc_ValueError, "tolerances must be non-negative");
    if (creal(a) == creal(b) && cimag(a) == cimag(b))
        return KN_True;
    if (!cfinite(a) || !cfinite(b))
        return KN_False;
    KnComplex d = {creal(a) - creal(b), cimag(a) - cimag(b)};
    int err;
    double diff = ob_complex_abs(d, &err);
    KnComplex ca = {creal(a), cimag(a)}, cb = {creal(b), cimag(b)};
    double na = ob_complex_abs(ca, &err), nb = ob_complex_abs(cb, &err);
    return KN_BOOL(diff <= rel * nb || diff <= rel * na || diff <= abs_tol);
}

#define O1(name) {#name, (KnCFunction)cm_##name, KN_METH_O, NULL}
static KnMethodDef cm_methods[] = {
    O1(acos), O1(acosh), O1(asin), O1(asinh), O1(atan), O1(atanh), O1(cos), O1(cosh),
    O1(exp), O1(sin), O1(sinh), O1(sqrt), O1(tan), O1(tanh), O1(log10), O1(phase),
    O1(polar), O1(isfinite), O1(isnan), O1(isinf),
    {"log", (KnCFunction)(void *)cm_log, KN_METH_FASTCALL, NULL},
    {"rect", (KnCFunction)(void *)cm_rect, KN_METH_FASTCALL, NULL},
    {"isclose", (KnCFunction)(void *)cm_isclose, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init_cmath(void)
{
    KnObject *m = ob_module_new_cstr("cmath");
    if (m == NULL || ob_module_add_functions(m, cm_methods) < 0)
        return NULL;
    if (ob_module_add_object(m, "pi", ob_float_from_double(M_PI)) < 0
        || ob_module_add_object(m, "e", ob_float_from_double(M_E)) < 0
        || ob_module_add_object(m, "tau", ob_float_from_double(2 * M_PI)) < 0
        || ob_module_add_object(m, "inf", ob_float_from_double(INFINITY)) < 0
        || ob_module_add_object(m, "infj", ob_complex_from_doubles(0.0, INFINITY)) < 0
        || ob_module_add_object(m, "nan", ob_float_from_double(NAN)) < 0
        || ob_module_add_object(m, "nanj", ob_complex_from_doubles(0.0, NAN)) < 0)
        return NULL;
    return m;
}
