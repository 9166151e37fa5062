/*
 * int_mag.c — arithmetic on raw magnitudes (arrays of 30-bit digits).
 *
 * No objects here: the callers in int_arith.c / int_format.c own allocation
 * of results.  Scratch space is malloc'd because it never holds pointers and
 * never outlives the call.  Algorithms: schoolbook add/sub/mul, Karatsuba
 * above OB_INT_KARATSUBA_CUTOFF digits (with a chunked loop for lopsided
 * operands), Knuth's algorithm D for division.
 */
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "libobject/errors.h"

/* Below this many digits in the smaller operand, schoolbook wins. */
#define OB_INT_KARATSUBA_CUTOFF 70

kn_ssize_t ob_int_mag_strip(const kn_digit *a, kn_ssize_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

int ob_int_mag_cmp(const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (kn_ssize_t i = na - 1; i >= 0; i--)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

void ob_int_mag_add(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    kn_digit carry = 0;
    kn_ssize_t i = 0;
    for (; i < nb; i++) {
        carry += a[i] + b[i];
        r[i] = carry & KN_INT_MASK;
        carry >>= KN_INT_SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = carry & KN_INT_MASK;
        carry >>= KN_INT_SHIFT;
    }
    r[i] = carry;
}

void ob_int_mag_sub(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    kn_digit borrow = 0;
    kn_ssize_t i = 0;
    for (; i < nb; i++) {
        borrow = a[i] - b[i] - borrow;
        r[i] = borrow & KN_INT_MASK;
        borrow = (borrow >> KN_INT_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = a[i] - borrow;
        r[i] = borrow & KN_INT_MASK;
        borrow = (borrow >> KN_INT_SHIFT) & 1;
    }
}

/* x[0..m) += y[0..n), m >= n; returns the carry out of x[m-1]. */
static kn_digit mag_iadd(kn_digit *x, kn_ssize_t m, const kn_digit *y, kn_ssize_t n)
{
    kn_digit carry = 0;
    kn_ssize_t i = 0;
    for (; i < n; i++) {
        carry += x[i] + y[i];
        x[i] = carry & KN_INT_MASK;
        carry >>= KN_INT_SHIFT;
    }
    for (; carry && i < m; i++) {
        carry += x[i];
        x[i] = carry & KN_INT_MASK;
        carry >>= KN_INT_SHIFT;
    }
    return carry;
}

/* x[0..m) -= y[0..n), m >= n; returns the borrow out. */
static kn_digit mag_isub(kn_digit *x, kn_ssize_t m, const kn_digit *y, kn_ssize_t n)
{
    kn_digit borrow = 0;
    kn_ssize_t i = 0;
    for (; i < n; i++) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & KN_INT_MASK;
        borrow = (borrow >> KN_INT_SHIFT) & 1;
    }
    for (; borrow && i < m; i++) {
        borrow = x[i] - borrow;
        x[i] = borrow & KN_INT_MASK;
        borrow = (borrow >> KN_INT_SHIFT) & 1;
    }
    return borrow;
}

static void mul_school(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    memset(r, 0, (size_t)(na + nb) * sizeof(kn_digit));
    for (kn_ssize_t i = 0; i < na; i++) {
        kn_twodigits f = a[i], carry = 0;
        if (f == 0)
            continue;
        kn_digit *p = r + i;
        for (kn_ssize_t j = 0; j < nb; j++) {
            carry += p[j] + f * b[j];
            p[j] = (kn_digit)(carry & KN_INT_MASK);
            carry >>= KN_INT_SHIFT;
        }
        /* r[i+nb] has not been written by earlier rows. */
        p[nb] = (kn_digit)carry;
    }
}

static int mul_rec(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb);

/* na >= 2*nb: multiply b by nb-sized slices of a and accumulate, so each
 * product is balanced enough for Karatsuba to pay off. */
static int mul_lopsided(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    kn_digit *tmp = malloc((size_t)(2 * nb) * sizeof(kn_digit));
    if (!tmp) {
        ob_err_nomemory();
        return -1;
    }
    memset(r, 0, (size_t)(na + nb) * sizeof(kn_digit));
    for (kn_ssize_t off = 0; off < na; off += nb) {
        kn_ssize_t c = na - off < nb ? na - off : nb;
        int rc = c >= nb ? mul_rec(tmp, a + off, c, b, nb) : mul_rec(tmp, b, nb, a + off, c);
        if (rc < 0) {
            free(tmp);
            return -1;
        }
        mag_iadd(r + off, na + nb - off, tmp, c + nb);
    }
    free(tmp);
    return 0;
}

/* Karatsuba with na >= nb: split both at s = nb/2 digits,
 *   a*b = hh*B^2s + ((ah+al)(bh+bl) - hh - ll)*B^s + ll.
 * hh and ll are computed straight into r's two halves. */
static int mul_rec(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    if (nb < OB_INT_KARATSUBA_CUTOFF) {
        mul_school(r, a, na, b, nb);
        return 0;
    }
    if (na >= 2 * nb)
        return mul_lopsided(r, a, na, b, nb);
    kn_ssize_t s = nb >> 1;
    kn_ssize_t nah = na - s, nbh = nb - s;        /* nah >= nbh >= s */
    kn_ssize_t lsa = nah + 1, lsb = nbh + 1;
    kn_digit *buf = malloc((size_t)(lsa + lsb + lsa + lsb) * sizeof(kn_digit));
    if (!buf) {
        ob_err_nomemory();
        return -1;
    }
    kn_digit *sa = buf, *sb = buf + lsa, *t3 = buf + lsa + lsb;
    if (mul_rec(r, a, s, b, s) < 0)                         /* ll -> r[0..2s) */
        goto error;
    if (mul_rec(r + 2 * s, a + s, nah, b + s, nbh) < 0)     /* hh -> r[2s..) */
        goto error;
    ob_int_mag_add(sa, a + s, nah, a, s);
    ob_int_mag_add(sb, b + s, nbh, b, s);
    if (mul_rec(t3, sa, lsa, sb, lsb) < 0)
        goto error;
    kn_ssize_t n3 = lsa + lsb;
    mag_isub(t3, n3, r, 2 * s);
    mag_isub(t3, n3, r + 2 * s, nah + nbh);
    n3 = ob_int_mag_strip(t3, n3);
    mag_iadd(r + s, na + nb - s, t3, n3);
    free(buf);
    return 0;
error:
    free(buf);
    return -1;
}

int ob_int_mag_mul(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    if (na < nb)
        return mul_rec(r, b, nb, a, na);
    return mul_rec(r, a, na, b, nb);
}

kn_digit ob_int_mag_divrem1(kn_digit *q, const kn_digit *a, kn_ssize_t na, kn_digit d)
{
    kn_twodigits rem = 0;
    for (kn_ssize_t i = na - 1; i >= 0; i--) {
        rem = (rem << KN_INT_SHIFT) | a[i];
        q[i] = (kn_digit)(rem / d);
        rem %= d;
    }
    return (kn_digit)rem;
}

kn_digit ob_int_mag_muladd1(kn_digit *a, kn_ssize_t n, kn_digit m, kn_digit c)
{
    kn_twodigits carry = c;
    for (kn_ssize_t i = 0; i < n; i++) {
        carry += (kn_twodigits)a[i] * m;
        a[i] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
    }
    return (kn_digit)carry;
}

static int digit_bits(kn_digit d)
{
    return d ? 32 - __builtin_clz(d) : 0;
}

int ob_int_mag_divrem(kn_digit *q, kn_digit *r, const kn_digit *a, kn_ssize_t na,
                      const kn_digit *b, kn_ssize_t nb)
{
    /* Normalise so v's top digit has its bit 29 set: then qhat (estimated
     * from the top two digits of u and the top digit of v) is at most 2 too
     * large, and the v[nb-2] test makes it almost always exact. */
    kn_digit *u = malloc((size_t)(na + 1 + nb) * sizeof(kn_digit));
    if (!u) {
        ob_err_nomemory();
        return -1;
    }
    kn_digit *v = u + na + 1;
    int d = KN_INT_SHIFT - digit_bits(b[nb - 1]);
    kn_digit carry = 0;
    for (kn_ssize_t i = 0; i < nb; i++) {
        kn_twodigits t = ((kn_twodigits)b[i] << d) | carry;
        v[i] = (kn_digit)(t & KN_INT_MASK);
        carry = (kn_digit)(t >> KN_INT_SHIFT);
    }
    carry = 0;
    for (kn_ssize_t i = 0; i < na; i++) {
        kn_twodigits t = ((kn_twodigits)a[i] << d) | carry;
        u[i] = (kn_digit)(t & KN_INT_MASK);
        carry = (kn_digit)(t >> KN_INT_SHIFT);
    }
    u[na] = carry;
    kn_digit vtop = v[nb - 1], vnext = v[nb - 2];
    for (kn_ssize_t j = na - nb; j >= 0; j--) {
        kn_twodigits top = ((kn_twodigits)u[j + nb] << KN_INT_SHIFT) | u[j + nb - 1];
        kn_twodigits qhat = top / vtop, rhat = top % vtop;
        while (qhat >= KN_INT_BASE ||
               qhat * vnext > ((rhat << KN_INT_SHIFT) | u[j + nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= KN_INT_BASE)
                break;
        }
        /* u[j..j+nb] -= qhat * v */
        kn_stwodigits borrow = 0;
        for (kn_ssize_t i = 0; i < nb; i++) {
            kn_twodigits p = qhat * v[i];
            kn_stwodigits t = (kn_stwodigits)u[i + j] - (kn_stwodigits)(p & KN_INT_MASK) + borrow;
            u[i + j] = (kn_digit)(t & KN_INT_MASK);
            borrow = (t >> KN_INT_SHIFT) - (kn_stwodigits)(p >> KN_INT_SHIFT);
        }
        kn_stwodigits t = (kn_stwodigits)u[j + nb] + borrow;
        if (t < 0) {
            /* qhat was one too large (rare): add v back. */
            kn_digit c = 0;
            for (kn_ssize_t i = 0; i < nb; i++) {
                c += u[i + j] + v[i];
                u[i + j] = c & KN_INT_MASK;
                c >>= KN_INT_SHIFT;
            }
            t += c;
            qhat--;
        }
        u[j + nb] = (kn_digit)(t & KN_INT_MASK);
        q[j] = (kn_digit)qhat;
    }
    /* remainder = u[0..nb) >> d */
    carry = 0;
    for (kn_ssize_t i = nb - 1; i >= 0; i--) {
        kn_twodigits t = ((kn_twodigits)carry << KN_INT_SHIFT) | u[i];
        r[i] = (kn_digit)(t >> d);
        carry = (kn_digit)(t & ((1u << d) - 1));
    }
    free(u);
    return 0;
}
