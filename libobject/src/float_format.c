/*
 * float_format.c — float -> text: repr (shortest round-trip digits) and the
 * shared digit generation used by format() and complex.
 *
 * Shortest digits: the smallest precision p (1..17) whose correctly rounded
 * p-digit decimal (glibc's printf is exact) reads back (strtod) as the same
 * double, or, for a power of two (whose rounding interval is lopsided), the
 * p-digit decimal just above it.  This equals CPython's dtoa mode 0.
 * Short decimals (most floats programs print) take an exact fast path
 * without printf (short_decimal_digits); in its range [1e-7, 1e15) it finds
 * every decimal of up to 15 digits, so the others there need only p = 16
 * (one printf + strtod) or 17; outside it p is binary-searched.  The
 * printf %e text itself is what strtod reads back.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "float_internal.h"
#include "libobject/errors.h"
#include "libobject/str.h"

/* Split "d.ddde[+-]XX" (printf %e) into its digit string and exponent. */
static int split_e(const char *buf, char *digits, int *e10)
{
    int n = 0;
    const char *q = buf;
    for (; *q && *q != 'e'; q++)
        if (*q != '.')
            digits[n++] = *q;
    digits[n] = '\0';
    *e10 = atoi(q + 1);
    return n;
}

/* Does 0.digits * 10**decpt read back as v? */
static int reads_back(const char *digits, int decpt, double v)
{
    char buf[48];
    snprintf(buf, sizeof buf, "0.%se%d", digits, decpt);
    return strtod(buf, NULL) == v;
}

/* Add one unit in the last place to the n digits; a carry out of the first
 * digit turns 99..9 into 10..0 one decade up. */
static void bump_last_digit(char *digits, int n, int *decpt)
{
    int i = n - 1;
    while (i >= 0 && digits[i] == '9')
        digits[i--] = '0';
    if (i >= 0) {
        digits[i]++;
        return;
    }
    digits[0] = '1';
    (*decpt)++;
}

/* Exact powers of ten (all representable up to 1e22). */
static const double pow10_exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

#define SHORT_M_LIMIT 1e15      /* m below it: 10**-k exceeds 4 ulps of v */

/* Fast path for the common doubles that are short decimals (2.5, 0.1,
 * 1234.125): the smallest k with m = round(v * 10**k) < 1e15 and
 * m / 10**k == v.  m and 10**k are exact doubles, so the division is the
 * correctly rounded value of the decimal m * 10**-k: that decimal reads
 * back as v.  It is the shortest: a decimal of fewer digits that read back
 * would have been found at a smaller k (v * 10**k is then within far less
 * than 1/2 of it), and at this k the spacing 10**-k is over 4 ulps of v,
 * so no other m reads back.  Returns the digit count, or 0 (no such k). */
static int short_decimal_digits(double v, char *digits, int *decpt)
{
    if (!(v >= 1e-7 && v < SHORT_M_LIMIT))
        return 0;
    for (int k = 0; k <= 22; k++) {
        double t = v * pow10_exact[k];
        if (t >= SHORT_M_LIMIT)
            return 0;
        double m = nearbyint(t);
        if (m == 0.0 || m / pow10_exact[k] != v)
            continue;
        /* 0 < m < 1e15: an exact integer, its digits by integer division
         * (printf("%.0f") costs a multi-precision conversion). */
        uint64_t mi = (uint64_t)m;
        char buf[24];
        int n = 0;
        while (mi % 10 == 0) {
            mi /= 10;
            k--;
        }
        do {
            buf[sizeof buf - 1 - n++] = (char)('0' + mi % 10);
            mi /= 10;
        } while (mi != 0);
        memcpy(digits, buf + sizeof buf - n, (size_t)n);
        digits[n] = '\0';
        *decpt = n - k;
        return n;
    }
    return 0;
}

int ob_float_shortest_digits(double v, char *digits, int *decpt)
{
    char buf[40];
    v = fabs(v);
    if (v == 0.0) {
        digits[0] = '0';
        digits[1] = '\0';
        *decpt = 1;
        return 1;
    }
    int fast = short_decimal_digits(v, digits, decpt);
    if (fast > 0)
        return fast;
    /* A power of two has a rounding interval twice as wide above as below,
     * so the shortest digits in it may be the p-digit decimal just above v
     * even when the nearest one (below v) does not read back. */
    int frexp_e;
    int pow2 = frexp(v, &frexp_e) == 0.5;
    int n = 0, e10 = 0;
    int first = 1;
    if (v >= 1e-7 && v < SHORT_M_LIMIT) {
        /* short_decimal_digits finds every decimal of at most 15 digits
         * that reads back in this range: 16 or 17 digits it is. */
        first = 16;
    } else if (!pow2) {
        /* If the nearest p-digit decimal reads back, so does the nearest
         * (p+1)-digit one (it is at least as close): binary search for the
         * smallest p, then produce its digits below. */
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            snprintf(buf, sizeof buf, "%.*e", mid - 1, v);
            if (strtod(buf, NULL) == v)    /* buf: the mid-digit decimal */
                hi = mid;
            else
                lo = mid + 1;
        }
        first = hi;
    }
    for (int p = first; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        n = split_e(buf, digits, &e10);
        *decpt = e10 + 1;
        if (p == 17 || strtod(buf, NULL) == v)
            break;
        if (pow2) {
            char up[24];
            int up_decpt = *decpt;
            memcpy(up, digits, (size_t)n + 1);
            bump_last_digit(up, n, &up_decpt);
            if (reads_back(up, up_decpt, v)) {
                memcpy(digits, up, (size_t)n + 1);
                *decpt = up_decpt;
                break;
            }
        }
    }
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    return n;
}

/* Lay out digits d[0..n) with decimal point position decpt (value is
 * 0.d * 10**decpt) in fixed or exponent notation. */
static int layout(char *out, const char *d, int n, int decpt, int use_exp, int add_dot0)
{
    char *p = out;
    if (use_exp) {
        *p++ = d[0];
        if (n > 1) {
            *p++ = '.';
            memcpy(p, d + 1, (size_t)n - 1);
            p += n - 1;
        }
        int x = decpt - 1;
        *p++ = 'e';
        *p++ = x < 0 ? '-' : '+';
        if (x < 0)
            x = -x;
        if (x >= 100)
            *p++ = (char)('0' + x / 100);
        *p++ = (char)('0' + x / 10 % 10);
        *p++ = (char)('0' + x % 10);
    } else if (decpt <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -decpt; i++)
            *p++ = '0';
        memcpy(p, d, (size_t)n);
        p += n;
    } else if (decpt >= n) {
        memcpy(p, d, (size_t)n);
        p += n;
        for (int i = n; i < decpt; i++)
            *p++ = '0';
        if (add_dot0) {
            *p++ = '.';
            *p++ = '0';
        }
    } else {
        memcpy(p, d, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, d + decpt, (size_t)(n - decpt));
        p += n - decpt;
    }
    *p = '\0';
    return (int)(p - out);
}

int ob_float_repr_style(double v, char *buf, size_t size, int add_dot0)
{
    char tmp[64];
    int len;
    if (isnan(v)) {
        len = snprintf(tmp, sizeof tmp, "nan");
    } else if (isinf(v)) {
        len = snprintf(tmp, sizeof tmp, v < 0 ? "-inf" : "inf");
    } else {
        char d[24];
        int decpt;
        int n = ob_float_shortest_digits(v, d, &decpt);
        char *p = tmp;
        if (signbit(v))
            *p++ = '-';
        int use_exp = decpt <= -4 || decpt > 16;
        len = (int)(p - tmp) + layout(p, d, n, decpt, use_exp, add_dot0);
    }
    if ((size_t)len >= size)
        return -1;
    memcpy(buf, tmp, (size_t)len + 1);
    return len;
}

int ob_float_repr_buf(double v, char *buf, size_t size)
{
    return ob_float_repr_style(v, buf, size, 1);
}

KnObject *ob_float_repr(KnObject *v)
{
    char buf[64];
    int n = ob_float_repr_buf(KN_FLOAT_VALUE(v), buf, sizeof buf);
    return ob_str_from_utf8(buf, n);
}
