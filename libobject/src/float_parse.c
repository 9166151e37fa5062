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

/* float.fromhex: [ws] [sign] (inf|infinity|nan | [0x] hex [. hex] [p [sign] dec]) [ws].
 * Re-spelled with a mandatory 0x and handed to strtod (exact hex rounding). */
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
    char *buf = malloc((size_t)(end - p) + 8);
    if (!buf)
        return -1;
    char *b = buf;
    if (neg)
        *b++ = '-';
    *b++ = '0';
    *b++ = 'x';
    int nd = 0, ok = 1;
    while (p < end && strchr("0123456789abcdefABCDEF", *p) && *p) {
        *b++ = *p++;
        nd++;
    }
    if (p < end && *p == '.') {
        *b++ = *p++;
        while (p < end && strchr("0123456789abcdefABCDEF", *p) && *p) {
            *b++ = *p++;
            nd++;
        }
    }
    if (nd == 0)
        ok = 0;
    if (ok && p < end && (*p == 'p' || *p == 'P')) {
        *b++ = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            *b++ = *p++;
        int ne = 0;
        while (p < end && is_digit(*p)) {
            *b++ = *p++;
            ne++;
        }
        if (ne == 0)
            ok = 0;
    }
    if (p != end)
        ok = 0;
    *b = '\0';
    int rc = -1;
    if (ok) {
        errno = 0;
        *out = strtod(buf, NULL);
        rc = isinf(*out) ? 1 : 0;
    }
    free(buf);
    return rc;
}
