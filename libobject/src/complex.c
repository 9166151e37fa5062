/*
 * complex.c — the complex type: CPython's arithmetic algorithms (Smith-style
 * division, integer powers by repeated squaring, polar general power),
 * parsing of complex('1+2j') forms, repr, hashing and the type object.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "int_internal.h"
#include "float_internal.h"
#include "libobject/complex.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/args.h"
#include "libobject/singletons.h"
#include "libobject/str.h"
#include "libobject/tuple.h"
#include "libobject/type.h"
#include "ob_alloc.h"

KnObject *ob_complex_from_doubles(double re, double im)
{
    KnObject *o = ob_alloc_exact(&ob_complex_type, sizeof(KnComplexObject));
    if (o) {
        KN_COMPLEX_VALUE(o).real = re;
        KN_COMPLEX_VALUE(o).imag = im;
    }
    return o;
}

static KnObject *complex_value(KnComplex c)
{
    return ob_complex_from_doubles(c.real, c.imag);
}

/* ---- the algorithms ---- */

static KnComplex c_sum(KnComplex a, KnComplex b)
{
    return (KnComplex){ a.real + b.real, a.imag + b.imag };
}

static KnComplex c_diff(KnComplex a, KnComplex b)
{
    return (KnComplex){ a.real - b.real, a.imag - b.imag };
}

static KnComplex c_prod(KnComplex a, KnComplex b)
{
    return (KnComplex){ a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real };
}

/* Divide by scaling with the larger of |b.real|, |b.imag| (avoids the
 * overflow of the textbook formula); NaN components propagate. */
KnComplex ob_complex_quot(KnComplex a, KnComplex b, int *err)
{
    KnComplex r;
    double ar = fabs(b.real), ai = fabs(b.imag);
    *err = 0;
    if (ar >= ai) {
        if (ar == 0.0) {
            *err = 1;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (ai >= ar) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;   /* at least one of b's parts is nan */
    }
    return r;
}

static KnComplex c_powu(KnComplex x, long n)
{
    KnComplex r = { 1.0, 0.0 }, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

/* a ** b as CPython 3.11 computes it: an integral exponent of magnitude up
 * to 100 by repeated squaring, anything else in polar form; the errors come
 * from errno as libm leaves it (cos(inf) reports EDOM, which CPython turns
 * into its ZeroDivisionError), and an infinite part means overflow. */
KnComplex ob_complex_pow(KnComplex a, KnComplex b, int *err)
{
    KnComplex r;
    *err = 0;
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0) {
        long n = (long)b.real;
        if (n >= 0) {
            r = c_powu(a, n);
        } else {
            r = ob_complex_quot((KnComplex){ 1.0, 0.0 }, c_powu(a, -n), err);
            if (*err)
                errno = EDOM;
        }
    } else if (b.real == 0.0 && b.imag == 0.0) {
        r = (KnComplex){ 1.0, 0.0 };
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0)
            errno = EDOM;
        r = (KnComplex){ 0.0, 0.0 };
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    if (isinf(r.real) || isinf(r.imag)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;      /* underflow to a finite result is not an error */
    }
    *err = errno == EDOM ? 1 : errno == ERANGE ? 2 : 0;
    return r;
}

double ob_complex_abs(KnComplex z, int *err)
{
    *err = 0;
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (isinf(z.real) || isinf(z.imag))
            return INFINITY;
        return NAN;
    }
    double r = hypot(z.real, z.imag);
    if (isinf(r))
        *err = 2;
    return r;
}

/* ---- coercion of operands ---- */

/* 1 ok, 0 NotImplemented, -1 error. */
static int to_complex(KnObject *o, KnComplex *c)
{
    if (KN_COMPLEX_CHECK(o)) {
        *c = KN_COMPLEX_VALUE(o);
        return 1;
    }
    if (KN_FLOAT_CHECK(o)) {
        *c = (KnComplex){ KN_FLOAT_VALUE(o), 0.0 };
        return 1;
    }
    if (KN_INT_CHECK(o)) {
        double d = ob_int_as_double(o);
        if (d == -1.0 && ob_err_occurred())
            return -1;
        *c = (KnComplex){ d, 0.0 };
        return 1;
    }
    return 0;
}

#define CONVERT(a, b, x, y)                                           \
    do {                                                              \
        int ra_ = to_complex(a, &x);                                  \
        if (ra_ <= 0)                                                 \
            return ra_ < 0 ? NULL : KN_NotImplemented;                \
        int rb_ = to_complex(b, &y);                                  \
        if (rb_ <= 0)                                                 \
            return rb_ < 0 ? NULL : KN_NotImplemented;                \
    } while (0)

static KnObject *complex_add(KnObject *a, KnObject *b)
{
    KnComplex x, y;
    CONVERT(a, b, x, y);
    return complex_value(c_sum(x, y));
}

static KnObject *complex_sub(KnObject *a, KnObject *b)
{
    KnComplex x, y;
    CONVERT(a, b, x, y);
    return complex_value(c_diff(x, y));
}

static KnObject *complex_mul(KnObject *a, KnObject *b)
{
    KnComplex x, y;
    CONVERT(a, b, x, y);
    return complex_value(c_prod(x, y));
}

static KnObject *complex_div(KnObject *a, KnObject *b)
{
    KnComplex x, y;
    int err;
    CONVERT(a, b, x, y);
    KnComplex r = ob_complex_quot(x, y, &err);
    if (err)
        return ob_err_format(ob_exc_ZeroDivisionError, "complex division by zero");
    return complex_value(r);
}

static KnObject *complex_pow_slot(KnObject *a, KnObject *b, KnObject *m)
{
    KnComplex x, y;
    int err;
    CONVERT(a, b, x, y);
    if (m != NULL && m != KN_None)
        return ob_err_format(ob_exc_ValueError, "complex modulo");
    KnComplex r = ob_complex_pow(x, y, &err);
    if (err == 1)
        return ob_err_format(ob_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (err == 2)
        return ob_err_format(ob_exc_OverflowError, "complex exponentiation");
    return complex_value(r);
}

KnObject *ob_complex_pow_doubles(double ar, double ai, double br, double bi)
{
    int err;
    KnComplex r = ob_complex_pow((KnComplex){ ar, ai }, (KnComplex){ br, bi }, &err);
    if (err == 1)
        return ob_err_format(ob_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (err == 2)
        return ob_err_format(ob_exc_OverflowError, "complex exponentiation");
    return complex_value(r);
}

static KnObject *complex_neg(KnObject *a)
{
    KnComplex c = KN_COMPLEX_VALUE(a);
    return ob_complex_from_doubles(-c.real, -c.imag);
}

static KnObject *complex_pos(KnObject *a)
{
    return KN_COMPLEX_CHECK_EXACT(a) ? a : complex_value(KN_COMPLEX_VALUE(a));
}

static KnObject *complex_absolute(KnObject *a)
{
    int err;
    double r = ob_complex_abs(KN_COMPLEX_VALUE(a), &err);
    if (err)
        return ob_err_format(ob_exc_OverflowError, "absolute value too large");
    return ob_float_from_double(r);
}

static int complex_bool(KnObject *a)
{
    KnComplex c = KN_COMPLEX_VALUE(a);
    return c.real != 0.0 || c.imag != 0.0;
}

static KnObject *complex_richcompare(KnObject *a, KnObject *b, int op)
{
    if (op != KN_EQ && op != KN_NE)
        return KN_NotImplemented;
    if (!KN_COMPLEX_CHECK(a))
        return KN_NotImplemented;
    KnComplex x = KN_COMPLEX_VALUE(a);
    int eq;
    if (KN_INT_CHECK(b)) {
        /* exact: the imaginary part must be 0 and the real part equal */
        eq = x.imag == 0.0 && ob_float_compare_int(x.real, b) == 0;
    } else if (KN_FLOAT_CHECK(b)) {
        eq = x.imag == 0.0 && x.real == KN_FLOAT_VALUE(b);
    } else if (KN_COMPLEX_CHECK(b)) {
        KnComplex y = KN_COMPLEX_VALUE(b);
        eq = x.real == y.real && x.imag == y.imag;
    } else {
        return KN_NotImplemented;
    }
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

static kn_hash_t complex_hash(KnObject *a)
{
    KnComplex c = KN_COMPLEX_VALUE(a);
    uint64_t hr = (uint64_t)ob_float_hash_double(a, c.real);
    uint64_t hi = (uint64_t)ob_float_hash_double(a, c.imag);
    /* hash(x + 0j) == hash(x): the imaginary hash is scaled by a prime. */
    kn_hash_t h = (kn_hash_t)(hr + 1000003ULL * hi);
    return h == -1 ? -2 : h;
}

/* ---- repr ---- */

int ob_complex_repr_buf(KnComplex c, char *buf, size_t size)
{
    char re[40], im[40];
    ob_float_repr_style(c.imag, im, sizeof im, 0);
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0)
        return snprintf(buf, size, "%sj", im);
    ob_float_repr_style(c.real, re, sizeof re, 0);
    const char *sign = (im[0] == '-') ? "" : "+";
    return snprintf(buf, size, "(%s%s%sj)", re, sign, im);
}

static KnObject *complex_repr(KnObject *a)
{
    char buf[96];
    int n = ob_complex_repr_buf(KN_COMPLEX_VALUE(a), buf, sizeof buf);
    return ob_str_from_utf8(buf, n);
}

/* ---- parsing ---- */

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Length of the longest float literal at p (sign included), 0 when none;
 * its value in *out. */
static kn_ssize_t float_prefix(const char *p, const char *end, double *out)
{
    const char *q = p;
    if (q < end && (*q == '+' || *q == '-'))
        q++;
    kn_ssize_t rest = end - q;
    const char *stop = NULL;
    if (rest >= 8 && strncasecmp(q, "infinity", 8) == 0)
        stop = q + 8;
    else if (rest >= 3 && (strncasecmp(q, "inf", 3) == 0 || strncasecmp(q, "nan", 3) == 0))
        stop = q + 3;
    else {
        int nd = 0;
        const char *r = q;
        while (r < end && (is_digit(*r) || (*r == '_' && r > q && r + 1 < end && is_digit(r[1]))))
            nd += is_digit(*r++);
        if (r < end && *r == '.') {
            r++;
            while (r < end && (is_digit(*r) || (*r == '_' && is_digit(r[-1]) && r + 1 < end && is_digit(r[1]))))
                nd += is_digit(*r++);
        }
        if (nd == 0)
            return 0;
        if (r < end && (*r == 'e' || *r == 'E')) {
            const char *e = r + 1;
            if (e < end && (*e == '+' || *e == '-'))
                e++;
            if (e < end && is_digit(*e)) {
                while (e < end && (is_digit(*e) || (*e == '_' && r + 1 < end && is_digit(e[-1]) && e + 1 < end && is_digit(e[1]))))
                    e++;
                r = e;
            }
        }
        stop = r;
    }
    if (ob_float_parse_cstr(p, (size_t)(stop - p), out, 1) < 0)
        return 0;
    return stop - p;
}

int ob_complex_parse(const char *s, kn_ssize_t len, KnComplex *out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    if (p < end && *p == '(') {
        if (end[-1] != ')')
            return -1;
        p++;
        end--;
        while (p < end && is_space((unsigned char)*p))
            p++;
        while (end > p && is_space((unsigned char)end[-1]))
            end--;
    }
    double re = 0.0, im = 0.0, x;
    kn_ssize_t n = float_prefix(p, end, &x);
    if (n > 0) {
        p += n;
        if (p < end && (*p == '+' || *p == '-')) {
            re = x;
            double y;
            kn_ssize_t m = float_prefix(p, end, &y);
            if (m > 0) {
                im = y;
                p += m;
            } else {
                im = *p == '-' ? -1.0 : 1.0;
                p++;
            }
            if (p >= end || (*p != 'j' && *p != 'J'))
                return -1;
            p++;
        } else if (p < end && (*p == 'j' || *p == 'J')) {
            im = x;
            p++;
        } else {
            re = x;
        }
    } else {
        double sign = 1.0;
        if (p < end && (*p == '+' || *p == '-'))
            sign = *p++ == '-' ? -1.0 : 1.0;
        if (p >= end || (*p != 'j' && *p != 'J'))
            return -1;
        im = sign;
        p++;
    }
    if (p != end)
        return -1;
    out->real = re;
    out->imag = im;
    return 0;
}

/* ---- construction ---- */

extern char *ob_int_text_ascii(KnObject *s, kn_ssize_t *len);

static KnObject *complex_subtype(KnTypeObject *t, double re, double im)
{
    KnObject *o = ob_alloc(t, 0);
    if (o) {
        KN_COMPLEX_VALUE(o).real = re;
        KN_COMPLEX_VALUE(o).imag = im;
    }
    return o;
}

static int is_number_for_complex(KnObject *o)
{
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    return KN_COMPLEX_CHECK(o) || (nb && (nb->nb_float || nb->nb_index));
}

static const char *const complex_names[] = { "real", "imag", NULL };
static const KnArgSpec complex_spec = { "complex", complex_names, 0, 2, 0 };

KnObject *ob_complex_new_impl(KnTypeObject *t, KnObject *r, KnObject *i)
{
    if (!r)
        return complex_subtype(t, 0.0, 0.0);
    if (KN_STR_CHECK(r)) {
        if (i)
            return ob_err_format(ob_exc_TypeError,
                                 "complex() can't take second arg if first is a string");
        kn_ssize_t n;
        char *a = ob_int_text_ascii(r, &n);
        if (!a)
            return NULL;
        KnComplex c;
        if (ob_complex_parse(a, n, &c) < 0)
            return ob_err_format(ob_exc_ValueError, "complex() arg is a malformed string");
        return complex_subtype(t, c.real, c.imag);
    }
    if (i && KN_STR_CHECK(i))
        return ob_err_format(ob_exc_TypeError, "complex() second arg can't be a string");
    if (KN_COMPLEX_CHECK_EXACT(r) && !i && t == &ob_complex_type)
        return r;
    KnComplex cr = { 0.0, 0.0 };
    int cr_is_complex = 0;
    KnObject *meth = ob_lookup_special(r, ob_str_intern_cstr("__complex__"));
    if (meth) {
        KnObject *v = ob_call_noargs(meth);
        if (!v)
            return NULL;
        if (!KN_COMPLEX_CHECK(v))
            return ob_err_format(ob_exc_TypeError, "__complex__ returned non-complex (type %s)",
                                 ob_type_name(KN_TYPE(v)));
        if (!KN_COMPLEX_CHECK_EXACT(v) &&
            ob_err_warn_format((KnObject *)ob_exc_DeprecationWarning, 1,
                               "__complex__ returned non-complex (type %.200s).  The ability to "
                               "return an instance of a strict subclass of complex is "
                               "deprecated, and may be removed in a future version of Python.",
                               KN_TYPE(v)->tp_name) < 0)
            return NULL;
        cr = KN_COMPLEX_VALUE(v);
        cr_is_complex = 1;
    } else if (ob_err_occurred()) {
        return NULL;
    } else if (!is_number_for_complex(r)) {
        return ob_err_format(ob_exc_TypeError,
                             "complex() first argument must be a string or a number, not '%s'",
                             ob_type_name(KN_TYPE(r)));
    } else if (KN_COMPLEX_CHECK(r)) {
        cr = KN_COMPLEX_VALUE(r);
        cr_is_complex = 1;
    } else {
        cr.real = ob_float_as_double(r);
        if (cr.real == -1.0 && ob_err_occurred())
            return NULL;
    }
    double ci_real;
    if (!i) {
        ci_real = cr.imag;
    } else if (!is_number_for_complex(i)) {
        return ob_err_format(ob_exc_TypeError,
                             "complex() second argument must be a number, not '%s'",
                             ob_type_name(KN_TYPE(i)));
    } else if (KN_COMPLEX_CHECK(i)) {
        KnComplex ci = KN_COMPLEX_VALUE(i);
        cr.real -= ci.imag;
        ci_real = ci.real;
        if (cr_is_complex)
            ci_real += cr.imag;
    } else {
        ci_real = ob_float_as_double(i);
        if (ci_real == -1.0 && ob_err_occurred())
            return NULL;
        if (cr_is_complex)
            ci_real += cr.imag;
    }
    return complex_subtype(t, cr.real, ci_real);
}

static KnObject *complex_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnObject *a[2] = { NULL, NULL };
    if (ob_args_parse_tuple(&complex_spec, args, kwargs, a) < 0)
        return NULL;
    return ob_complex_new_impl(t, a[0], a[1]);
}

/* ---- methods ---- */

static KnObject *complex_conjugate(KnObject *self, KnObject *u)
{
    KnComplex c = KN_COMPLEX_VALUE(self);
    return ob_complex_from_doubles(c.real, -c.imag);
}

static KnObject *complex_getnewargs(KnObject *self, KnObject *u)
{
    KnComplex c = KN_COMPLEX_VALUE(self);
    KnObject *re = ob_float_from_double(c.real), *im = ob_float_from_double(c.imag);
    return re && im ? ob_tuple_pack(2, re, im) : NULL;
}

static KnObject *complex_complex(KnObject *self, KnObject *u)
{
    return complex_pos(self);
}

extern KnObject *ob_complex_format_method(KnObject *self, KnObject *spec);

static KnMethodDef complex_methods[] = {
    { "conjugate", complex_conjugate, KN_METH_NOARGS,
      "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j." },
    { "__complex__", complex_complex, KN_METH_NOARGS, "Convert this value to exact type complex." },
    { "__getnewargs__", complex_getnewargs, KN_METH_NOARGS, NULL },
    { "__format__", ob_complex_format_method, KN_METH_O,
      "Convert to a string according to format_spec." },
    { NULL, NULL, 0, NULL },
};

static KnMemberDef complex_members[] = {
    { "real", KN_T_DOUBLE, offsetof(KnComplexObject, cval.real), KN_READONLY,
      "the real part of a complex number" },
    { "imag", KN_T_DOUBLE, offsetof(KnComplexObject, cval.imag), KN_READONLY,
      "the imaginary part of a complex number" },
    { NULL, 0, 0, 0, NULL },
};

static KnNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow_slot,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_absolute,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

KnTypeObject ob_complex_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "complex",
    .tp_basicsize = sizeof(KnComplexObject),
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
              "This is equivalent to (real + imag*1j) where imag defaults to 0.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_new = complex_tp_new,
};
