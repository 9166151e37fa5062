/*
 * float_parse.c — text -> float: float(str), float.fromhex.
 *
 * The syntax is checked here (Python's, not C's: no hex, underscores only
 * between digits, "inf"/"infinity"/"nan" in any case); the conversion
 * itself is glibc's strtod, which is correctly rounded.  strtod reads the
 * radix character from the locale; Kiln runs in the C locale for LC_NUMERIC.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "int_internal.h"
#include "float_internal.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/str.h"

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int ob_float_parse_cstr(const char *s, size_t len, double *out, int allow_underscores)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    size_t n = (size_t)(end - p);
    if ((n == 3 && strncasecmp(p, "inf", 3) == 0) || (n == 8 && strncasecmp(p, "infinity", 8) == 0)) {
        *out = neg ? -INFINITY : INFINITY;
        return 0;
    }
    if (n == 3 && strncasecmp(p, "nan", 3) == 0) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    /* digits [. digits] [e [sign] digits], copied without underscores */
    char small[128];
    char *buf = n + 2 <= sizeof small ? small : malloc(n + 2);
    if (!buf)
        return -1;
    char *b = buf;
    if (neg)
        *b++ = '-';
    int ndig = 0, ok = 1;
    const char *q = p;
#define DIGITS(count)                                                          \
    do {                                                                       \
        while (q < end) {                                                      \
            if (is_digit(*q)) {                                                \
                *b++ = *q++;                                                   \
                count++;                                                       \
            } else if (*q == '_' && allow_underscores && q > p && is_digit(q[-1]) && \
                       q + 1 < end && is_digit(q[1])) {                        \
                q++;                                                           \
            } else {                                                           \
                break;                                                         \
            }                                                                  \
        }                                                                      \
    } while (0)
    DIGITS(ndig);
    if (q < end && *q == '.') {
        *b++ = *q++;
        DIGITS(ndig);
    }
    if (ndig == 0)
        ok = 0;
    if (ok && q < end && (*q == 'e' || *q == 'E')) {
        *b++ = *q++;
        if (q < end && (*q == '+' || *q == '-'))
            *b++ = *q++;
        int nexp = 0;
        DIGITS(nexp);
        if (nexp == 0)
            ok = 0;
    }
#undef DIGITS
    if (q != end)
        ok = 0;
    *b = '\0';
    if (ok)
        *out = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    return ok ? 0 : -1;
}

KnObject *ob_float_from_string(const char *s, kn_ssize_t len, KnObject *orig)
{
    double d;
    if (ob_float_parse_cstr(s, (size_t)len, &d, 1) == 0)
        return ob_float_from_double(d);
    KnObject *shown = orig ? orig : ob_str_from_utf8(s, len);
    if (!shown)
        return NULL;
    return ob_err_format(ob_exc_ValueError, "could not convert string to float: %R", shown);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* m * 2**e2, plus a nonzero tail below m's last bit when sticky, rounded
 * half-even to a double: 53 bits, fewer below 2**-1022 (the subnormals
 * keep their last bit at 2**-1074).  glibc's hex strtod rounds some
 * subnormals wrongly, hence the arithmetic here. */
static double round_binary(uint64_t m, long e2, int sticky)
{
    if (m == 0)
        return 0.0;
    int bits = 64 - __builtin_clzll(m);
    long drop = bits - 53;
    if (-1074 - e2 > drop)
        drop = -1074 - e2;
    if (drop > 0) {
        if (drop > 64) {
            m = 0;              /* below half of the smallest subnormal */
        } else {
            uint64_t rest = drop == 64 ? m : m & ((UINT64_C(1) << drop) - 1);
            uint64_t half = UINT64_C(1) << (drop - 1);
            m = drop == 64 ? 0 : m >> drop;
            if (rest > half || (rest == half && (sticky || (m & 1))))
                m++;
        }
        e2 += drop;
    }
    return ldexp((double)m, e2 > 100000 ? 100000 : (int)e2);
}

/* float.fromhex: [ws] [sign] (inf|infinity|nan | [0x] hex [. hex] [p [sign] dec]) [ws].
 * 0 with *out, 1 overflow, -1 not such a string. */
int ob_float_fromhex_cstr(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    size_t n = (size_t)(end - p);
    if ((n == 3 && strncasecmp(p, "inf", 3) == 0) || (n == 8 && strncasecmp(p, "infinity", 8) == 0)) {
        *out = neg ? -INFINITY : INFINITY;
        return 0;
    }
    if (n == 3 && strncasecmp(p, "nan", 3) == 0) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        p += 2;
    /* the digits: the first 15 significant ones exactly in m (60 bits),
     * the others only as "something nonzero" (sticky) */
    uint64_t m = 0;
    long e2 = 0;
    int nd = 0, kept = 0, sticky = 0, in_fraction = 0;
    for (; p < end; p++) {
        if (*p == '.' && !in_fraction) {
            in_fraction = 1;
            continue;
        }
        int v = hex_value(*p);
        if (v < 0)
            break;
        nd++;
        if (kept < 15 && (m != 0 || v != 0)) {
            m = m << 4 | (uint64_t)v;
            kept++;
            if (in_fraction)
                e2 -= 4;
        } else if (m != 0 || v != 0) {
            sticky |= v != 0;   /* a digit past the kept ones */
            if (!in_fraction)
                e2 += 4;
        } else if (in_fraction) {
            e2 -= 4;            /* a leading zero after the point */
        }
    }
    if (nd == 0)
        return -1;
    if (p < end && (*p == 'p' || *p == 'P')) {
        p++;
        int eneg = 0;
        if (p < end && (*p == '+' || *p == '-'))
            eneg = *p++ == '-';
        if (p >= end || !is_digit(*p))
            return -1;
        long ex = 0;
        for (; p < end && is_digit(*p); p++)
            if (ex < 10000000)
                ex = ex * 10 + (*p - '0');
        e2 += eneg ? -ex : ex;
    }
    if (p != end)
        return -1;
    double d = round_binary(m, e2, sticky);
    if (isinf(d))
        return 1;
    *out = neg ? -d : d;
    return 0;
}
