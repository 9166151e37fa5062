/*
 * float_methods.c — float(x) and the methods of float reached from Python:
 * hex/fromhex, as_integer_ratio, is_integer, __round__, __trunc__, ...
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "int_internal.h"
#include "float_internal.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/args.h"
#include "libobject/buffer.h"
#include "libobject/bytes.h"
#include "libobject/singletons.h"
#include "libobject/str.h"
#include "libobject/tuple.h"

extern char *ob_int_text_ascii(KnObject *s, kn_ssize_t *len);
int ob_float_fromhex_cstr(const char *s, size_t len, double *out);

static KnObject *float_subtype(KnTypeObject *t, double v)
{
    if (t == &ob_float_type)
        return ob_float_from_double(v);
    KnObject *o = ob_alloc(t, 0);
    if (o)
        KN_FLOAT_VALUE(o) = v;
    return o;
}

/* float(x) asks __float__ and __index__ before reading x as text. */
static int has_number_form(KnObject *x)
{
    KnNumberMethods *nb = KN_TYPE(x)->tp_as_number;
    return nb != NULL && (nb->nb_float != NULL || nb->nb_index != NULL);
}

KnObject *ob_float_new_impl(KnTypeObject *t, KnObject *x)
{
    KnObject *r;
    if (!x) {
        return float_subtype(t, 0.0);
    } else if (KN_STR_CHECK(x)) {
        kn_ssize_t n;
        char *a = ob_int_text_ascii(x, &n);
        r = a ? ob_float_from_string(a, n, x) : NULL;
    } else if (KN_BYTES_CHECK(x)) {
        r = ob_float_from_string(KN_BYTES_AS_STRING(x), KN_SIZE(x), x);
    } else if (KN_TYPE_CHECK(x, &ob_bytearray_type)) {
        KnByteArrayObject *ba = (KnByteArrayObject *)x;
        r = ob_float_from_string(ba->ob_start ? ba->ob_start : "", KN_SIZE(x), x);
    } else if (ob_buffer_check(x) && !has_number_form(x)) {
        /* any other bytes-like object holds the text (memoryview, array) */
        char *data;
        kn_ssize_t len;
        r = ob_buffer_copy_data(x, &data, &len) <= 0 ? NULL : ob_float_from_string(data, len, x);
    } else {
        r = ob_number_float(x);
    }
    if (!r || t == &ob_float_type)
        return r;
    return float_subtype(t, KN_FLOAT_VALUE(r));
}

KnObject *ob_float_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_args_new_no_kwargs(t, &ob_float_type, "float", kwargs) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(args);
    if (ob_args_check_positional("float", n, 0, 1) < 0)
        return NULL;
    return ob_float_new_impl(t, n ? KN_TUPLE_GET(args, 0) : NULL);
}

#define SELF_VALUE(self) KN_FLOAT_VALUE(self)

static KnObject *float_conjugate(KnObject *self, KnObject *u)
{
    return KN_FLOAT_CHECK_EXACT(self) ? self : ob_float_from_double(SELF_VALUE(self));
}

static KnObject *float_trunc_m(KnObject *self, KnObject *u)
{
    return ob_int_from_double(SELF_VALUE(self));
}

static KnObject *float_floor_m(KnObject *self, KnObject *u)
{
    return ob_int_from_double(floor(SELF_VALUE(self)));
}

static KnObject *float_ceil_m(KnObject *self, KnObject *u)
{
    return ob_int_from_double(ceil(SELF_VALUE(self)));
}

static KnObject *float_is_integer(KnObject *self, KnObject *u)
{
    double x = SELF_VALUE(self);
    return KN_BOOL(isfinite(x) && floor(x) == x);
}

static KnObject *float_getnewargs(KnObject *self, KnObject *u)
{
    KnObject *f = ob_float_from_double(SELF_VALUE(self));
    return f ? ob_tuple_pack(1, f) : NULL;
}

/* x == m * 2**e exactly with m an integer (53 bits at most). */
static KnObject *float_exact_parts(double x, int64_t *e)
{
    int ex;
    double m = frexp(x, &ex);
    m = ldexp(m, DBL_MANT_DIG);
    *e = (int64_t)ex - DBL_MANT_DIG;
    return ob_int_from_double(m);
}

static KnObject *float_as_integer_ratio(KnObject *self, KnObject *u)
{
    double x = SELF_VALUE(self);
    if (isinf(x))
        return ob_err_format(ob_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return ob_err_format(ob_exc_ValueError, "cannot convert NaN to integer ratio");
    int64_t e;
    KnObject *m = float_exact_parts(x, &e);
    if (!m)
        return NULL;
    /* strip common factors of two */
    while (e < 0 && KN_SIZE(m) != 0 && !(OB_INT_DIGITS(m)[0] & 1)) {
        m = ob_int_rshift_n(m, 1);
        e++;
    }
    if (KN_SIZE(m) == 0)
        e = 0;
    KnObject *num = e > 0 ? ob_int_lshift_n(m, (uint64_t)e) : m;
    KnObject *den = ob_int_lshift_n(ob_int_from_long_long(1), (uint64_t)(e < 0 ? -e : 0));
    return num && den ? ob_tuple_pack(2, num, den) : NULL;
}

/* round(x, ndigits), exactly: with x = m * 2**e, round m * 2**e * 10**n
 * half-even to an integer q, then q / 10**n correctly rounded. */
#define NDIGITS_MAX 323
#define NDIGITS_MIN (-308)

static KnObject *round_half_even_div(KnObject *num, KnObject *den)
{
    KnObject *q, *r;
    if (ob_int_divmod_parts(num, den, &q, &r) < 0)
        return NULL;
    KnObject *twice = ob_int_lshift_n(r, 1);
    if (!twice)
        return NULL;
    int c = ob_int_compare(twice, den);
    if (c > 0 || (c == 0 && KN_SIZE(q) != 0 && (OB_INT_DIGITS(q)[0] & 1)))
        q = ob_int_add(q, ob_int_from_long_long(1));
    return q;
}

KnObject *ob_float_round_ndigits(double x, long long nd)
{
    if (!isfinite(x) || x == 0.0 || nd > NDIGITS_MAX)
        return ob_float_from_double(x);
    if (nd < NDIGITS_MIN)
        return ob_float_from_double(0.0 * x);
    int64_t e;
    KnObject *m = float_exact_parts(x, &e);
    KnObject *ten = ob_int_pow(ob_int_from_long_long(10), ob_int_from_long_long(nd < 0 ? -nd : nd), NULL);
    if (!m || !ten)
        return NULL;
    KnObject *num = m, *den = ob_int_from_long_long(1);
    if (e > 0)
        num = ob_int_lshift_n(num, (uint64_t)e);
    else
        den = ob_int_lshift_n(den, (uint64_t)-e);
    if (!num || !den)
        return NULL;
    if (nd >= 0)
        num = ob_int_mul(num, ten);
    else
        den = ob_int_mul(den, ten);
    if (!num || !den)
        return NULL;
    KnObject *q = round_half_even_div(num, den);
    if (!q)
        return NULL;
    double r;
    if (nd >= 0) {
        KnObject *f = ob_int_truediv(q, ten);
        if (!f)
            return NULL;
        r = KN_FLOAT_VALUE(f);
    } else {
        KnObject *v = ob_int_mul(q, ten);
        if (!v)
            return NULL;
        r = ob_int_as_double(v);
        if (r == -1.0 && ob_err_occurred()) {
            ob_err_clear();
            return ob_err_format(ob_exc_OverflowError, "rounded value too large to represent");
        }
    }
    if (r == 0.0)
        r = copysign(0.0, x);
    return ob_float_from_double(r);
}

static KnObject *float_round(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("__round__", nargs, 0, 1) < 0)
        return NULL;
    double x = SELF_VALUE(self);
    if (nargs == 0 || args[0] == KN_None) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);
        return ob_int_from_double(r);
    }
    KnObject *i = ob_number_index(args[0]);
    if (!i)
        return NULL;
    int ov;
    long long nd = ob_int_as_long_long_and_overflow(i, &ov);
    if (ov)
        nd = ov > 0 ? NDIGITS_MAX + 1 : NDIGITS_MIN - 1;
    return ob_float_round_ndigits(x, nd);
}

int ob_float_hex_buf(double x, char *buf, size_t size)
{
    if (isnan(x) || isinf(x))
        return ob_float_repr_buf(x, buf, size);
    if (x == 0.0)
        return snprintf(buf, size, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char tmp[40], *p = tmp;
    static const char hexd[] = "0123456789abcdef";
    if (x < 0)
        *p++ = '-';
    *p++ = '0';
    *p++ = 'x';
    *p++ = hexd[(int)m];
    m -= (int)m;
    *p++ = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; i++) {
        m *= 16.0;
        *p++ = hexd[(int)m];
        m -= (int)m;
    }
    snprintf(p, sizeof tmp - (size_t)(p - tmp), "p%+d", e);
    return snprintf(buf, size, "%s", tmp);
}

static KnObject *float_hex(KnObject *self, KnObject *u)
{
    char buf[48];
    int n = ob_float_hex_buf(SELF_VALUE(self), buf, sizeof buf);
    return ob_str_from_utf8(buf, n);
}

static KnObject *float_fromhex(KnObject *cls, KnObject *arg)
{
    kn_ssize_t n;
    const char *s;
    if (!KN_STR_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "fromhex() argument must be str, not %s",
                             ob_type_name(KN_TYPE(arg)));
    /* ASCII only: unlike float(), no Unicode digits or spaces (those
     * bytes are simply invalid here) */
    s = ob_str_as_utf8(arg, &n);
    if (!s)
        return NULL;
    double d;
    int rc = ob_float_fromhex_cstr(s, (size_t)n, &d);
    if (rc < 0)
        return ob_err_format(ob_exc_ValueError, "invalid hexadecimal floating-point string");
    if (rc > 0)
        return ob_err_format(ob_exc_OverflowError,
                             "hexadecimal value too large to represent as a float");
    KnObject *f = ob_float_from_double(d);
    if (!f || (KnTypeObject *)cls == &ob_float_type)
        return f;
    return ob_call_onearg(cls, f);
}

static KnObject *float_getformat(KnObject *cls, KnObject *arg)
{
    if (!KN_STR_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "__getformat__() argument must be str, not %s",
                             ob_type_name(KN_TYPE(arg)));
    if (!ob_str_equal_cstr(arg, "double") && !ob_str_equal_cstr(arg, "float"))
        return ob_err_format(ob_exc_ValueError,
                             "__getformat__() argument 1 must be 'double' or 'float'");
    return ob_str_from_cstr("IEEE, little-endian");
}

extern KnObject *ob_float_format_method(KnObject *self, KnObject *spec);

KnMethodDef ob_float_methods[] = {
    { "conjugate", float_conjugate, KN_METH_NOARGS, "Return self, the complex conjugate of any float." },
    { "__trunc__", float_trunc_m, KN_METH_NOARGS, "Return the Integral closest to x between 0 and x." },
    { "__floor__", float_floor_m, KN_METH_NOARGS, "Return the floor as an Integral." },
    { "__ceil__", float_ceil_m, KN_METH_NOARGS, "Return the ceiling as an Integral." },
    { "__round__", (KnCFunction)(void (*)(void))float_round, KN_METH_FASTCALL,
      "Return the Integral closest to x, rounding half toward even.\n\n"
      "When an argument is passed, work like built-in round(x, ndigits)." },
    { "as_integer_ratio", float_as_integer_ratio, KN_METH_NOARGS,
      "Return integer ratio." },
    { "fromhex", float_fromhex, KN_METH_O | KN_METH_CLASS,
      "Create a floating-point number from a hexadecimal string." },
    { "hex", float_hex, KN_METH_NOARGS, "Return a hexadecimal representation of a floating-point number." },
    { "is_integer", float_is_integer, KN_METH_NOARGS, "Return True if the float is an integer." },
    { "__getnewargs__", float_getnewargs, KN_METH_NOARGS, NULL },
    { "__getformat__", float_getformat, KN_METH_O | KN_METH_CLASS,
      "You probably don't want to use this function." },
    { "__format__", ob_float_format_method, KN_METH_O, "Formats the float according to format_spec." },
    { NULL, NULL, 0, NULL },
};

static KnObject *get_real(KnObject *self, void *c)
{
    return float_conjugate(self, NULL);
}

static KnObject *get_imag(KnObject *self, void *c)
{
    return ob_float_from_double(0.0);
}

KnGetSetDef ob_float_getset[] = {
    { "real", get_real, NULL, "the real part of a complex number", NULL },
    { "imag", get_imag, NULL, "the imaginary part of a complex number", NULL },
    { NULL, NULL, NULL, NULL, NULL },
};
