/*
 * int_arith.c — int's number slots: + - * // % divmod / ** << >> & | ^ ~.
 *
 * Every slot accepts any int (subclasses included: bool) and returns an
 * exact int (or float for / and negative powers), NotImplemented for
 * non-ints.  Values of at most one digit take a C fast path; the rest goes
 * through the magnitude routines of int_mag.c.  Division floors (Python
 * semantics): the remainder has the sign of the divisor.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "libobject/errors.h"
#include "libobject/singletons.h"
#include "libobject/tuple.h"

#define CHECK_BINOP(a, b)                                 \
    do {                                                  \
        if (!KN_INT_CHECK(a) || !KN_INT_CHECK(b))         \
            return KN_NotImplemented;                     \
    } while (0)

/* |a| + |b|, with the result's sign `sign`. */
static KnObject *x_add(KnObject *a, KnObject *b, int sign)
{
    kn_ssize_t na = OB_INT_NDIGITS(a), nb = OB_INT_NDIGITS(b);
    if (na < nb) {
        KnObject *t = a; a = b; b = t;
        kn_ssize_t tn = na; na = nb; nb = tn;
    }
    KnLongObject *r = ob_int_alloc(na + 1);
    if (!r)
        return NULL;
    ob_int_mag_add(r->ob_digit, OB_INT_DIGITS(a), na, OB_INT_DIGITS(b), nb);
    if (sign < 0)
        KN_SET_SIZE(r, -(na + 1));
    return ob_int_normalize(r);
}

/* (|a| - |b|) * sign. */
static KnObject *x_sub(KnObject *a, KnObject *b, int sign)
{
    kn_ssize_t na = OB_INT_NDIGITS(a), nb = OB_INT_NDIGITS(b);
    int c = ob_int_mag_cmp(OB_INT_DIGITS(a), na, OB_INT_DIGITS(b), nb);
    if (c == 0)
        return ob_int_from_long_long(0);
    if (c < 0) {
        KnObject *t = a; a = b; b = t;
        kn_ssize_t tn = na; na = nb; nb = tn;
        sign = -sign;
    }
    KnLongObject *r = ob_int_alloc(na);
    if (!r)
        return NULL;
    ob_int_mag_sub(r->ob_digit, OB_INT_DIGITS(a), na, OB_INT_DIGITS(b), nb);
    if (sign < 0)
        KN_SET_SIZE(r, -na);
    return ob_int_normalize(r);
}

KnObject *ob_int_add(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    if (OB_INT_IS_MEDIUM(a) && OB_INT_IS_MEDIUM(b))
        return ob_int_from_long_long(ob_int_medium_value(a) + ob_int_medium_value(b));
    if (OB_INT_IS_SMALL2(a) && OB_INT_IS_SMALL2(b))
        return ob_int_from_long_long(ob_int_small2_value(a) + ob_int_small2_value(b));
    if (KN_SIZE(a) < 0)
        return KN_SIZE(b) < 0 ? x_add(a, b, -1) : x_sub(b, a, 1);
    return KN_SIZE(b) < 0 ? x_sub(a, b, 1) : x_add(a, b, 1);
}

KnObject *ob_int_sub(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    if (OB_INT_IS_MEDIUM(a) && OB_INT_IS_MEDIUM(b))
        return ob_int_from_long_long(ob_int_medium_value(a) - ob_int_medium_value(b));
    if (OB_INT_IS_SMALL2(a) && OB_INT_IS_SMALL2(b))
        return ob_int_from_long_long(ob_int_small2_value(a) - ob_int_small2_value(b));
    if (KN_SIZE(a) < 0)
        return KN_SIZE(b) < 0 ? x_sub(b, a, 1) : x_add(a, b, -1);
    return KN_SIZE(b) < 0 ? x_add(a, b, 1) : x_sub(a, b, 1);
}

KnObject *ob_int_mul(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    if (OB_INT_IS_MEDIUM(a) && OB_INT_IS_MEDIUM(b))
        return ob_int_from_long_long(ob_int_medium_value(a) * ob_int_medium_value(b));
    if (OB_INT_IS_SMALL2(a) && OB_INT_IS_SMALL2(b)) {
        long long p;
        if (!__builtin_mul_overflow(ob_int_small2_value(a), ob_int_small2_value(b), &p))
            return ob_int_from_long_long(p);
    }
    kn_ssize_t na = OB_INT_NDIGITS(a), nb = OB_INT_NDIGITS(b);
    if (na == 0 || nb == 0)
        return ob_int_from_long_long(0);
    KnLongObject *r = ob_int_alloc(na + nb);
    if (!r)
        return NULL;
    if (ob_int_mag_mul(r->ob_digit, OB_INT_DIGITS(a), na, OB_INT_DIGITS(b), nb) < 0)
        return NULL;
    if ((KN_SIZE(a) < 0) != (KN_SIZE(b) < 0))
        KN_SET_SIZE(r, -(na + nb));
    return ob_int_normalize(r);
}

/* ---- division ---- */

/* Truncating division of magnitudes: *q = |a| / |b|, *r = |a| % |b|, both
 * non-negative (and unnormalised objects turned into proper ints).  b != 0.
 * With r NULL the remainder is not computed. */
static int x_divrem(KnObject *a, KnObject *b, KnObject **q, KnObject **r)
{
    kn_ssize_t na = OB_INT_NDIGITS(a), nb = OB_INT_NDIGITS(b);
    const kn_digit *da = OB_INT_DIGITS(a), *db = OB_INT_DIGITS(b);
    if (ob_int_mag_cmp(da, na, db, nb) < 0) {
        *q = ob_int_from_long_long(0);
        if (!r)
            return 0;
        *r = ob_int_from_digits(da, na, 1);
        return *r ? 0 : -1;
    }
    KnLongObject *qo = ob_int_alloc(na - nb + 1);
    if (!qo)
        return -1;
    if (nb == 1) {
        kn_digit rem = ob_int_mag_divrem1(qo->ob_digit, da, na, db[0]);
        if (r)
            *r = ob_int_from_long_long(rem);
    } else {
        KnLongObject *ro = NULL;
        if (r && !(ro = ob_int_alloc(nb)))
            return -1;
        if (ob_int_mag_divrem(qo->ob_digit, ro ? ro->ob_digit : NULL, da, na, db, nb) < 0)
            return -1;
        if (r)
            *r = ob_int_normalize(ro);
    }
    *q = ob_int_normalize(qo);
    return 0;
}

int ob_int_divmod_parts(KnObject *a, KnObject *b, KnObject **qp, KnObject **rp)
{
    KnObject *q, *r;
    if (OB_INT_IS_SMALL2(a) && OB_INT_IS_SMALL2(b)) {
        kn_stwodigits x = ob_int_small2_value(a), y = ob_int_small2_value(b);
        kn_stwodigits qq = x / y, rr = x % y;
        if (rr != 0 && ((rr < 0) != (y < 0))) {
            qq--;
            rr += y;
        }
        if (qp && !(*qp = ob_int_from_long_long(qq)))
            return -1;
        if (rp && !(*rp = ob_int_from_long_long(rr)))
            return -1;
        return 0;
    }
    int nega = KN_SIZE(a) < 0, negb = KN_SIZE(b) < 0;
    if (!rp && qp && nega == negb) {
        /* Same signs: floor == truncation, the remainder plays no part. */
        if (x_divrem(a, b, &q, NULL) < 0)
            return -1;
        *qp = q;
        return 0;
    }
    if (x_divrem(a, b, &q, &r) < 0)
        return -1;
    if (nega != negb && KN_SIZE(q) != 0)
        q = ob_int_neg(q);
    if (nega && KN_SIZE(r) != 0)
        r = ob_int_neg(r);
    if (!q || !r)
        return -1;
    /* Truncation -> floor: when the remainder's sign differs from b's. */
    if (KN_SIZE(r) != 0 && ((KN_SIZE(r) < 0) != negb)) {
        if (rp && !(r = ob_int_add(r, b)))
            return -1;
        if (qp && !(q = ob_int_sub(q, ob_int_from_long_long(1))))
            return -1;
    }
    if (qp)
        *qp = q;
    if (rp)
        *rp = r;
    return 0;
}

KnObject *ob_int_floordiv(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    if (KN_SIZE(b) == 0)
        return ob_err_format(ob_exc_ZeroDivisionError, "integer division or modulo by zero");
    KnObject *q;
    return ob_int_divmod_parts(a, b, &q, NULL) < 0 ? NULL : q;
}

KnObject *ob_int_mod(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    if (KN_SIZE(b) == 0)
        return ob_err_format(ob_exc_ZeroDivisionError, "integer modulo by zero");
    KnObject *r;
    return ob_int_divmod_parts(a, b, NULL, &r) < 0 ? NULL : r;
}

KnObject *ob_int_divmod(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    if (KN_SIZE(b) == 0)
        return ob_err_format(ob_exc_ZeroDivisionError, "integer division or modulo by zero");
    KnObject *q, *r;
    if (ob_int_divmod_parts(a, b, &q, &r) < 0)
        return NULL;
    return ob_tuple_pack(2, q, r);
}

/* Correctly rounded a / b.  Small operands (exact as doubles) divide in the
 * FPU; otherwise scale a so the integer quotient has 55 bits (fewer in the
 * subnormal range), fold the remainder into a sticky bit and round to 53
 * bits half-even by hand before the exact ldexp. */
KnObject *ob_int_truediv(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    if (KN_SIZE(b) == 0)
        return ob_err_format(ob_exc_ZeroDivisionError, "division by zero");
    uint64_t la = ob_int_bit_length_u(a), lb = ob_int_bit_length_u(b);
    int neg = (KN_SIZE(a) < 0) != (KN_SIZE(b) < 0);
    if (la <= DBL_MANT_DIG && lb <= DBL_MANT_DIG)
        return ob_float_from_double(ob_int_as_double(a) / ob_int_as_double(b));
    if (KN_SIZE(a) == 0)
        return ob_float_from_double(neg ? -0.0 : 0.0);
    int64_t diff = (int64_t)la - (int64_t)lb;
    if (diff > DBL_MAX_EXP)
        goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return ob_float_from_double(neg ? -0.0 : 0.0);
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    KnObject *ma = ob_int_abs(a), *mb = ob_int_abs(b), *x, *q, *r;
    if (!ma || !mb)
        return NULL;
    int inexact = 0;
    if (shift <= 0) {
        x = ob_int_lshift_n(ma, (uint64_t)-shift);
    } else {
        x = ob_int_rshift_n(ma, (uint64_t)shift);
        if (!x)
            return NULL;
        /* bits shifted out are non-zero iff x << shift != ma */
        KnObject *back = ob_int_lshift_n(x, (uint64_t)shift);
        if (!back)
            return NULL;
        inexact = ob_int_compare(back, ma) != 0;
    }
    if (!x || x_divrem(x, mb, &q, &r) < 0)
        return NULL;
    if (KN_SIZE(r) != 0)
        inexact = 1;
    uint64_t qv = 0;
    for (kn_ssize_t i = OB_INT_NDIGITS(q) - 1; i >= 0; i--)
        qv = (qv << KN_INT_SHIFT) | OB_INT_DIGITS(q)[i];
    int qbits = qv ? 64 - __builtin_clzll(qv) : 0;
    int64_t keep_from = (int64_t)qbits > DBL_MIN_EXP - shift ? qbits : DBL_MIN_EXP - shift;
    int extra = (int)(keep_from - DBL_MANT_DIG);
    if (extra > 0) {
        uint64_t half = 1ULL << (extra - 1);
        uint64_t low = qv & (2 * half - 1);
        qv -= low;
        if ((low & half) && ((low & (half - 1)) || inexact || (qv & (2 * half))))
            qv += 2 * half;
    }
    double res = ldexp((double)qv, (int)shift);
    if (isinf(res))
        goto overflow;
    return ob_float_from_double(neg ? -res : res);
overflow:
    return ob_err_format(ob_exc_OverflowError, "integer division result too large for a float");
}

/* ---- unary ---- */

KnObject *ob_int_neg(KnObject *a)
{
    if (OB_INT_IS_MEDIUM(a))
        return ob_int_from_long_long(-ob_int_medium_value(a));
    KnObject *r = ob_int_copy(a);
    if (r)
        KN_SET_SIZE(r, -KN_SIZE(r));
    return r;
}

KnObject *ob_int_pos(KnObject *a)
{
    return ob_int_exact(a);
}

KnObject *ob_int_abs(KnObject *a)
{
    return KN_SIZE(a) < 0 ? ob_int_neg(a) : ob_int_exact(a);
}

KnObject *ob_int_invert(KnObject *a)
{
    /* ~a == -(a + 1) */
    if (OB_INT_IS_MEDIUM(a))
        return ob_int_from_long_long(~ob_int_medium_value(a));
    KnObject *t = ob_int_add(a, ob_int_from_long_long(1));
    return t ? ob_int_neg(t) : NULL;
}

/* ---- power ---- */

static KnObject *mulmod(KnObject *x, KnObject *y, KnObject *m)
{
    KnObject *p = ob_int_mul(x, y), *r;
    if (!p)
        return NULL;
    if (!m)
        return p;
    return ob_int_divmod_parts(p, m, NULL, &r) < 0 ? NULL : r;
}

/* Inverse of a modulo m (m > 1, 0 <= a < m) by the extended Euclidean
 * algorithm; NULL + ValueError when gcd(a, m) != 1. */
static KnObject *mod_inverse(KnObject *a, KnObject *m)
{
    KnObject *b = m, *x = ob_int_from_long_long(1), *y = ob_int_from_long_long(0);
    /* invariant: a ≡ x * a0, b ≡ y * a0 (mod m) */
    while (KN_SIZE(b) != 0) {
        KnObject *q, *r;
        if (ob_int_divmod_parts(a, b, &q, &r) < 0)
            return NULL;
        KnObject *qy = ob_int_mul(q, y);
        if (!qy)
            return NULL;
        KnObject *ny = ob_int_sub(x, qy);
        if (!ny)
            return NULL;
        a = b; b = r;
        x = y; y = ny;
    }
    if (!(KN_SIZE(a) == 1 && OB_INT_DIGITS(a)[0] == 1))
        return ob_err_format(ob_exc_ValueError, "base is not invertible for the given modulus");
    KnObject *r;
    return ob_int_divmod_parts(x, m, NULL, &r) < 0 ? NULL : r;
}

KnObject *ob_int_pow(KnObject *a, KnObject *b, KnObject *m)
{
    CHECK_BINOP(a, b);
    if (m == KN_None)
        m = NULL;
    if (m && !KN_INT_CHECK(m))
        return KN_NotImplemented;
    if (KN_SIZE(b) < 0 && !m) {
        double x = ob_int_as_double(a), y;
        if (x == -1.0 && ob_err_occurred())
            return NULL;
        y = ob_int_as_double(b);
        if (y == -1.0 && ob_err_occurred())
            return NULL;
        return ob_float_pow_doubles(x, y);
    }
    int mneg = 0;
    if (m) {
        if (KN_SIZE(m) == 0)
            return ob_err_format(ob_exc_ValueError, "pow() 3rd argument cannot be 0");
        if (KN_SIZE(m) < 0) {
            mneg = 1;
            m = ob_int_neg(m);
            if (!m)
                return NULL;
        }
        if (KN_SIZE(m) == 1 && OB_INT_DIGITS(m)[0] == 1)
            return ob_int_from_long_long(0);
        if (KN_SIZE(a) < 0 || ob_int_compare(a, m) >= 0) {
            if (ob_int_divmod_parts(a, m, NULL, &a) < 0)
                return NULL;
        }
        if (KN_SIZE(b) < 0) {
            a = mod_inverse(a, m);
            if (!a)
                return NULL;
            b = ob_int_neg(b);
            if (!b)
                return NULL;
        }
    } else if (OB_INT_IS_MEDIUM(a) && OB_INT_IS_MEDIUM(b)) {
        /* C fast path while nothing overflows. */
        long long base = ob_int_medium_value(a), e = ob_int_medium_value(b), r = 1;
        int ok = 1;
        while (e && ok) {
            if (e & 1)
                ok = !__builtin_mul_overflow(r, base, &r);
            e >>= 1;
            if (e && ok)
                ok = !__builtin_mul_overflow(base, base, &base);
        }
        if (ok)
            return ob_int_from_long_long(r);
    }
    /* Left-to-right binary exponentiation. */
    uint64_t nbits = ob_int_bit_length_u(b);
    KnObject *r = ob_int_from_long_long(1);
    a = ob_int_exact(a);
    if (!a)
        return NULL;
    for (int64_t i = (int64_t)nbits - 1; i >= 0; i--) {
        r = mulmod(r, r, m);
        if (!r)
            return NULL;
        kn_digit d = OB_INT_DIGITS(b)[i / KN_INT_SHIFT];
        if ((d >> (i % KN_INT_SHIFT)) & 1) {
            r = mulmod(r, a, m);
            if (!r)
                return NULL;
        }
    }
    if (mneg && KN_SIZE(r) != 0)
        r = ob_int_sub(r, m);
    return r;
}

/* ---- shifts ---- */

KnObject *ob_int_lshift_n(KnObject *a, uint64_t n)
{
    kn_ssize_t na = OB_INT_NDIGITS(a);
    if (na == 0)
        return ob_int_from_long_long(0);
    if (n / KN_INT_SHIFT > ((uint64_t)1 << 58))
        return ob_err_format(ob_exc_OverflowError, "too many digits in integer");
    kn_ssize_t ws = (kn_ssize_t)(n / KN_INT_SHIFT);
    int bs = (int)(n % KN_INT_SHIFT);
    KnLongObject *r = ob_int_alloc(na + ws + 1);
    if (!r)
        return NULL;
    const kn_digit *d = OB_INT_DIGITS(a);
    kn_twodigits carry = 0;
    for (kn_ssize_t i = 0; i < na; i++) {
        carry |= (kn_twodigits)d[i] << bs;
        r->ob_digit[ws + i] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
    }
    r->ob_digit[ws + na] = (kn_digit)carry;
    if (KN_SIZE(a) < 0)
        KN_SET_SIZE(r, -KN_SIZE(r));
    return ob_int_normalize(r);
}

KnObject *ob_int_rshift_n(KnObject *a, uint64_t n)
{
    if (KN_SIZE(a) < 0) {
        /* floor semantics: a >> n == ~(~a >> n), and ~a >= 0 here */
        KnObject *t = ob_int_invert(a);
        if (!t)
            return NULL;
        t = ob_int_rshift_n(t, n);
        return t ? ob_int_invert(t) : NULL;
    }
    kn_ssize_t na = OB_INT_NDIGITS(a);
    if (n / KN_INT_SHIFT >= (uint64_t)na)
        return ob_int_from_long_long(0);
    kn_ssize_t ws = (kn_ssize_t)(n / KN_INT_SHIFT);
    int bs = (int)(n % KN_INT_SHIFT);
    kn_ssize_t nr = na - ws;
    KnLongObject *r = ob_int_alloc(nr);
    if (!r)
        return NULL;
    const kn_digit *d = OB_INT_DIGITS(a) + ws;
    for (kn_ssize_t i = 0; i < nr; i++) {
        kn_twodigits t = d[i] >> bs;
        if (i + 1 < nr)
            t |= ((kn_twodigits)d[i + 1] << (KN_INT_SHIFT - bs)) & KN_INT_MASK;
        r->ob_digit[i] = (kn_digit)t;
    }
    return ob_int_normalize(r);
}

static int shift_count(KnObject *b, uint64_t *n, int *huge)
{
    if (KN_SIZE(b) < 0) {
        ob_err_set_string(ob_exc_ValueError, "negative shift count");
        return -1;
    }
    int ov;
    long long v = ob_int_as_long_long_and_overflow(b, &ov);
    *huge = ov != 0;
    *n = ov ? UINT64_MAX : (uint64_t)v;
    return 0;
}

KnObject *ob_int_lshift(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    uint64_t n;
    int huge;
    if (shift_count(b, &n, &huge) < 0)
        return NULL;
    if (KN_SIZE(a) == 0)
        return ob_int_from_long_long(0);
    if (OB_INT_IS_MEDIUM(a) && n < 32)
        return ob_int_from_long_long(ob_int_medium_value(a) * ((kn_stwodigits)1 << n));
    if (OB_INT_IS_SMALL2(a) && n < 62) {
        kn_stwodigits v = ob_int_small2_value(a);
        /* |v| < 2**(62-n) keeps |v << n| below 2**62 */
        if ((v < 0 ? -v : v) >> (62 - n) == 0)
            return ob_int_from_long_long(v * ((kn_stwodigits)1 << n));
    }
    if (huge)
        return ob_err_format(ob_exc_OverflowError, "too many digits in integer");
    return ob_int_lshift_n(a, n);
}

KnObject *ob_int_rshift(KnObject *a, KnObject *b)
{
    CHECK_BINOP(a, b);
    uint64_t n;
    int huge;
    if (shift_count(b, &n, &huge) < 0)
        return NULL;
    if (OB_INT_IS_SMALL2(a)) {
        kn_stwodigits v = ob_int_small2_value(a);
        return ob_int_from_long_long(n >= 63 ? (v < 0 ? -1 : 0) : v >> n);
    }
    return ob_int_rshift_n(a, n);
}

/* ---- bitwise, on the infinite two's complement representation ---- */

/* Two's complement digits of v over n digits (n > ndigits(v)): for v < 0
 * that is ~(|v| - 1) masked to 30 bits per digit; the implied extension
 * digit is MASK for negatives, 0 otherwise. */
static void twos_complement(kn_digit *out, KnObject *v, kn_ssize_t n)
{
    kn_ssize_t nv = OB_INT_NDIGITS(v);
    const kn_digit *d = OB_INT_DIGITS(v);
    memset(out, 0, (size_t)n * sizeof(kn_digit));
    memcpy(out, d, (size_t)nv * sizeof(kn_digit));
    if (KN_SIZE(v) >= 0)
        return;
    /* subtract 1, then invert */
    for (kn_ssize_t i = 0; i < n; i++) {
        if (out[i] != 0) {
            out[i]--;
            break;
        }
        out[i] = KN_INT_MASK;
    }
    for (kn_ssize_t i = 0; i < n; i++)
        out[i] ^= KN_INT_MASK;
}

static KnObject *bitwise(KnObject *a, char op, KnObject *b)
{
    kn_ssize_t na = OB_INT_NDIGITS(a), nb = OB_INT_NDIGITS(b);
    kn_ssize_t n = (na > nb ? na : nb) + 1;
    int nega = KN_SIZE(a) < 0, negb = KN_SIZE(b) < 0, negr;
    switch (op) {
    case '&': negr = nega && negb; break;
    case '|': negr = nega || negb; break;
    default: negr = nega != negb; break;
    }
    KnLongObject *r = ob_int_alloc(n);
    kn_digit *tb = malloc((size_t)n * sizeof(kn_digit));
    if (!r || !tb) {
        free(tb);
        return r ? ob_err_nomemory() : NULL;
    }
    kn_digit *z = r->ob_digit;
    twos_complement(z, a, n);
    twos_complement(tb, b, n);
    for (kn_ssize_t i = 0; i < n; i++) {
        switch (op) {
        case '&': z[i] &= tb[i]; break;
        case '|': z[i] |= tb[i]; break;
        default: z[i] ^= tb[i]; break;
        }
    }
    free(tb);
    if (negr) {
        /* magnitude = ~z + 1 */
        for (kn_ssize_t i = 0; i < n; i++)
            z[i] ^= KN_INT_MASK;
        for (kn_ssize_t i = 0; i < n; i++) {
            if (++z[i] <= KN_INT_MASK)
                break;
            z[i] = 0;
        }
        KN_SET_SIZE(r, -n);
    }
    return ob_int_normalize(r);
}

#define BITWISE_SLOT(name, op, cexpr)                                      \
    KnObject *name(KnObject *a, KnObject *b)                               \
    {                                                                      \
        CHECK_BINOP(a, b);                                                 \
        if (OB_INT_IS_SMALL2(a) && OB_INT_IS_SMALL2(b)) {                  \
            kn_stwodigits x = ob_int_small2_value(a), y = ob_int_small2_value(b); \
            return ob_int_from_long_long(cexpr);                           \
        }                                                                  \
        return bitwise(a, op, b);                                          \
    }

BITWISE_SLOT(ob_int_and, '&', x & y)
BITWISE_SLOT(ob_int_or, '|', x | y)
BITWISE_SLOT(ob_int_xor, '^', x ^ y)
