/*
 * float.c — the float type: arithmetic with Python's semantics (floor
 * division and modulo take the sign of the divisor), exact comparison with
 * ints, the numeric hash, and the type object.  Text conversion is in
 * float_format.c / float_parse.c, methods in float_methods.c.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include "int_internal.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/type.h"
#include "libobject/singletons.h"
#include "libobject/tuple.h"
#include "libobject/str.h"
#include "ob_alloc.h"

KnObject *ob_float_from_double(double v)
{
    KnObject *o = ob_alloc_exact(&ob_float_type, sizeof(KnFloatObject));
    if (o)
        KN_FLOAT_VALUE(o) = v;
    return o;
}

double ob_float_as_double(KnObject *o)
{
    if (KN_FLOAT_CHECK_EXACT(o))
        return KN_FLOAT_VALUE(o);
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    if (!nb || !nb->nb_float) {
        if (nb && nb->nb_index) {
            KnObject *i = ob_number_index(o);
            return i ? ob_int_as_double(i) : -1.0;
        }
        if (KN_FLOAT_CHECK(o))
            return KN_FLOAT_VALUE(o);
        ob_err_format(ob_exc_TypeError, "must be real number, not %s", ob_type_name(KN_TYPE(o)));
        return -1.0;
    }
    if (KN_FLOAT_CHECK(o) && nb->nb_float == ob_float_type.tp_as_number->nb_float)
        return KN_FLOAT_VALUE(o);
    KnObject *r = nb->nb_float(o);
    if (!r)
        return -1.0;
    if (!KN_FLOAT_CHECK(r)) {
        ob_err_format(ob_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                      ob_type_name(KN_TYPE(o)), ob_type_name(KN_TYPE(r)));
        return -1.0;
    }
    return KN_FLOAT_VALUE(r);
}

/* Coerce a binary operand: 1 ok, 0 not a number we handle (NotImplemented),
 * -1 error (an int too large for a double). */
static int to_double(KnObject *o, double *d)
{
    if (KN_FLOAT_CHECK(o)) {
        *d = KN_FLOAT_VALUE(o);
        return 1;
    }
    if (KN_INT_CHECK(o)) {
        *d = ob_int_as_double(o);
        return *d == -1.0 && ob_err_occurred() ? -1 : 1;
    }
    return 0;
}

#define CONVERT_BINOP(a, b, x, y)                     \
    do {                                              \
        int ra_ = to_double(a, &x);                   \
        if (ra_ <= 0)                                 \
            return ra_ < 0 ? NULL : KN_NotImplemented; \
        int rb_ = to_double(b, &y);                   \
        if (rb_ <= 0)                                 \
            return rb_ < 0 ? NULL : KN_NotImplemented; \
    } while (0)

static KnObject *float_add(KnObject *a, KnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return ob_float_from_double(x + y);
}

static KnObject *float_sub(KnObject *a, KnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return ob_float_from_double(x - y);
}

static KnObject *float_mul(KnObject *a, KnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return ob_float_from_double(x * y);
}

static KnObject *float_truediv(KnObject *a, KnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0)
        return ob_err_format(ob_exc_ZeroDivisionError, "float division by zero");
    return ob_float_from_double(x / y);
}

static KnObject *float_mod(KnObject *a, KnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0)
        return ob_err_format(ob_exc_ZeroDivisionError, "float modulo");
    double m = fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0))
            m += y;
    } else {
        m = copysign(0.0, y);
    }
    return ob_float_from_double(m);
}

/* Python's divmod for doubles: the quotient is floor'd, then nudged when
 * the FPU's (x - mod) / y lands just below an integer. */
static void float_divmod_values(double x, double y, double *fd, double *md)
{
    double m = fmod(x, y);
    double div = (x - m) / y;
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, y);
    }
    double f;
    if (div != 0.0) {
        f = floor(div);
        if (div - f > 0.5)
            f += 1.0;
    } else {
        f = copysign(0.0, x / y);
    }
    *fd = f;
    *md = m;
}

static KnObject *float_floordiv(KnObject *a, KnObject *b)
{
    double x, y, f, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0)
        return ob_err_format(ob_exc_ZeroDivisionError, "float floor division by zero");
    float_divmod_values(x, y, &f, &m);
    return ob_float_from_double(f);
}

static KnObject *float_divmod(KnObject *a, KnObject *b)
{
    double x, y, f, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0)
        return ob_err_format(ob_exc_ZeroDivisionError, "float divmod()");
    float_divmod_values(x, y, &f, &m);
    KnObject *fo = ob_float_from_double(f), *mo = ob_float_from_double(m);
    return fo && mo ? ob_tuple_pack(2, fo, mo) : NULL;
}

static KnObject *range_error(void)
{
    KnObject *msg = ob_str_from_cstr("Numerical result out of range");
    if (!msg)
        return NULL;
    KnObject *args = ob_tuple_pack(2, ob_int_from_long_long(ERANGE), msg);
    if (args)
        ob_err_set_object(ob_exc_OverflowError, args);
    return NULL;
}

extern KnObject *ob_complex_pow_doubles(double ar, double ai, double br, double bi);

/* float ** float with CPython's special cases (C99 Annex F pow, plus
 * Python's errors).  A negative base with a non-integral exponent gives a
 * complex result in 3.x. */
KnObject *ob_float_pow_doubles(double iv, double iw)
{
    if (iw == 0.0)
        return ob_float_from_double(1.0);
    if (isnan(iv))
        return ob_float_from_double(iv);
    if (isnan(iw))
        return ob_float_from_double(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return ob_float_from_double(1.0);
        return ob_float_from_double((iw > 0.0) == (iv > 1.0) ? fabs(iw) : 0.0);
    }
    int iw_is_odd = fmod(fabs(iw), 2.0) == 1.0;
    if (isinf(iv)) {
        if (iw > 0.0)
            return ob_float_from_double(iw_is_odd ? iv : fabs(iv));
        return ob_float_from_double(iw_is_odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            return ob_err_format(ob_exc_ZeroDivisionError,
                                 "0.0 cannot be raised to a negative power");
        return ob_float_from_double(iw_is_odd ? iv : 0.0);
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw))
            return ob_complex_pow_doubles(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = iw_is_odd;
    }
    if (iv == 1.0)
        return ob_float_from_double(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (negate)
        ix = -ix;
    if (isinf(ix) || (errno == ERANGE && fabs(ix) >= 1.0))
        return range_error();
    return ob_float_from_double(ix);
}

static KnObject *float_pow(KnObject *a, KnObject *b, KnObject *m)
{
    if (m != KN_None && m != NULL)
        return ob_err_format(ob_exc_TypeError,
                             "pow() 3rd argument not allowed unless all arguments are integers");
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return ob_float_pow_doubles(x, y);
}

static KnObject *float_neg(KnObject *a)
{
    return ob_float_from_double(-KN_FLOAT_VALUE(a));
}

static KnObject *float_pos(KnObject *a)
{
    return KN_FLOAT_CHECK_EXACT(a) ? a : ob_float_from_double(KN_FLOAT_VALUE(a));
}

static KnObject *float_abs(KnObject *a)
{
    return ob_float_from_double(fabs(KN_FLOAT_VALUE(a)));
}

static int float_bool(KnObject *a)
{
    return KN_FLOAT_VALUE(a) != 0.0;
}

KnObject *ob_float_trunc(KnObject *a)
{
    return ob_int_from_double(KN_FLOAT_VALUE(a));
}

/* ---- comparison ---- */

int ob_float_compare_int(double v, KnObject *w)
{
    if (isnan(v))
        return 2;
    int wsign = ob_int_sign(w);
    int vsign = v < 0 ? -1 : v > 0;
    if (isinf(v))
        return vsign;
    if (vsign != wsign)
        return vsign < wsign ? -1 : 1;
    if (vsign == 0)
        return 0;
    uint64_t nbits = ob_int_bit_length_u(w);
    if (nbits <= 48) {
        double d = ob_int_as_double(w);
        return v < d ? -1 : v > d;
    }
    int e;
    frexp(v, &e);                      /* 2**(e-1) <= |v| < 2**e */
    if (e < 0 || (uint64_t)e < nbits)
        return -vsign;                 /* |v| < |w| */
    if ((uint64_t)e > nbits)
        return vsign;
    /* Same bit length: compare integer parts exactly, then the fraction. */
    double ip;
    double frac = modf(v, &ip);
    KnObject *vi = ob_int_from_double(ip);
    if (!vi)
        return -2;
    int c = ob_int_compare(vi, w);
    if (c == 0 && frac != 0.0)
        c = vsign;
    return c;
}

static KnObject *float_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!KN_FLOAT_CHECK(a))
        return KN_NotImplemented;
    double x = KN_FLOAT_VALUE(a);
    int c;
    if (KN_FLOAT_CHECK(b)) {
        double y = KN_FLOAT_VALUE(b);
        if (isnan(x) || isnan(y))
            c = 2;
        else
            c = x < y ? -1 : x > y;
    } else if (KN_INT_CHECK(b)) {
        c = ob_float_compare_int(x, b);
        if (c == -2)
            return NULL;
    } else {
        return KN_NotImplemented;
    }
    int r;
    if (c == 2)
        r = op == KN_NE;
    else {
        switch (op) {
        case KN_LT: r = c < 0; break;
        case KN_LE: r = c <= 0; break;
        case KN_EQ: r = c == 0; break;
        case KN_NE: r = c != 0; break;
        case KN_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return KN_BOOL(r);
}

/* ---- hashing (see NOTES-numbers.md: hash(x) == hash(int(x)) for integral x) ---- */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

static kn_hash_t hash_pointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));   /* low bits are alignment */
    kn_hash_t h = (kn_hash_t)y;
    return h == -1 ? -2 : h;
}

kn_hash_t ob_float_hash_double(KnObject *self, double v)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? HASH_INF : -HASH_INF;
        return hash_pointer(self);
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* Feed 28 bits at a time; multiplying by 2**28 is a 61-bit rotation. */
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    kn_hash_t h = (kn_hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static kn_hash_t float_hash(KnObject *a)
{
    return ob_float_hash_double(a, KN_FLOAT_VALUE(a));
}

/* ---- the type ---- */

extern KnObject *ob_float_repr(KnObject *v);
extern KnObject *ob_float_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs);
extern KnMethodDef ob_float_methods[];
extern KnGetSetDef ob_float_getset[];

static KnNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = ob_float_trunc,
    .nb_float = float_pos,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_truediv,
};

KnTypeObject ob_float_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "float",
    .tp_basicsize = sizeof(KnFloatObject),
    .tp_repr = ob_float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_MATCH_SELF,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = ob_float_methods,
    .tp_getset = ob_float_getset,
    .tp_new = ob_float_tp_new,
};
