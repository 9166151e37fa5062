/*
 * float_format.c — float -> text: repr (shortest round-trip digits) and the
 * shared digit generation used by format() and complex.
 *
 * Shortest digits: the smallest precision p (1..17) whose correctly rounded
 * p-digit decimal (glibc's printf is exact) reads back (strtod) as the same
 * double.  See NOTES-numbers.md for why this equals CPython's dtoa mode 0
 * except in a rare power-of-two boundary case, and for the plan to replace
 * the loop with a Ryu-style generator.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "float_internal.h"
#include "libobject/errors.h"
#include "libobject/str.h"

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
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        if (p == 17 || strtod(buf, NULL) == v)
            break;
    }
    /* buf = "d.ddddde[+-]XX" */
    int n = 0;
    const char *q = buf;
    for (; *q && *q != 'e'; q++)
        if (*q != '.')
            digits[n++] = *q;
    int e10 = atoi(q + 1);
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *decpt = e10 + 1;
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
        p += sprintf(p, "e%+03d", decpt - 1);
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
