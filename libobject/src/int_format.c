/*
 * int_format.c — int <-> text: str/repr/hex/oct/bin output, int(str, base)
 * parsing, and the str-digits limit (sys.set_int_max_str_digits).
 *
 * Decimal output converts base 2**30 to base 10**9 in one pass per input
 * digit (quadratic, but with a tight inner loop); the 4300-digit default
 * limit exists precisely because CPython's conversion is quadratic too.
 * Power-of-two bases are linear bit repacking and have no limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/str.h"
#include "libgc/gc.h"

#define DEC_BASE 1000000000u   /* 10**9 fits a digit (< 2**30) */
#define DEC_DIGITS 9

static kn_ssize_t max_str_digits = OB_INT_MAX_STR_DIGITS_DEFAULT;

int ob_int_set_max_str_digits(kn_ssize_t n)
{
    if (n != 0 && n < OB_INT_MAX_STR_DIGITS_THRESHOLD) {
        ob_err_format(ob_exc_ValueError, "maxdigits must be 0 or larger than %d",
                      OB_INT_MAX_STR_DIGITS_THRESHOLD);
        return -1;
    }
    max_str_digits = n;
    return 0;
}

kn_ssize_t ob_int_get_max_str_digits(void)
{
    return max_str_digits;
}

static void *too_many_digits_out(void)
{
    ob_err_format(ob_exc_ValueError,
                  "Exceeds the limit (%zd digits) for integer string conversion; "
                  "use sys.set_int_max_str_digits() to increase the limit",
                  max_str_digits);
    return NULL;
}

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Base 2**k output: read k bits at a time from the bottom. */
static char *format_pow2(KnObject *v, int base, int alternate, kn_ssize_t *len)
{
    int k = __builtin_ctz((unsigned)base);
    uint64_t bits = ob_int_bit_length_u(v);
    kn_ssize_t nd = bits ? (kn_ssize_t)((bits + (uint64_t)k - 1) / (uint64_t)k) : 1;
    int neg = KN_SIZE(v) < 0;
    kn_ssize_t total = nd + neg + (alternate ? 2 : 0);
    char *buf = kgc_alloc_atomic((size_t)total + 1);
    if (!buf)
        return ob_err_nomemory(), NULL;
    char *p = buf + total;
    *p = '\0';
    const kn_digit *d = OB_INT_DIGITS(v);
    kn_ssize_t n = OB_INT_NDIGITS(v), i = 0;
    kn_twodigits acc = 0;
    int accbits = 0;
    for (kn_ssize_t c = 0; c < nd; c++) {
        if (accbits < k && i < n) {
            acc |= (kn_twodigits)d[i++] << accbits;
            accbits += KN_INT_SHIFT;
        }
        *--p = digit_chars[acc & (unsigned)(base - 1)];
        acc >>= k;
        accbits -= k;
    }
    if (alternate) {
        *--p = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
        *--p = '0';
    }
    if (neg)
        *--p = '-';
    *len = total;
    return buf;
}

/* Any base: repeated conversion to base B = base**m (the largest power
 * below 2**30), then each big digit printed as m characters. */
static char *format_general(KnObject *v, int base, kn_ssize_t *len)
{
    kn_ssize_t n = OB_INT_NDIGITS(v);
    kn_digit bigbase = (kn_digit)base;
    int per = 1;
    while ((kn_twodigits)bigbase * (kn_digit)base < KN_INT_BASE) {
        bigbase *= (kn_digit)base;
        per++;
    }
    if (base == 10 && max_str_digits > 0 &&
        n >= 10 * max_str_digits / (3 * KN_INT_SHIFT) + 2)
        return too_many_digits_out();
    /* Output digits needed: n * 30 / log2(bigbase) (+ slack). */
    kn_ssize_t cap = n + n / 4 + 2;   /* log2(bigbase) > 25 for every base */
    if (base == 10)
        cap = n + n / 99 + 2;
    kn_digit *out = malloc((size_t)cap * sizeof(kn_digit));
    if (!out)
        return ob_err_nomemory(), NULL;
    kn_ssize_t size = 0;
    const kn_digit *d = OB_INT_DIGITS(v);
    for (kn_ssize_t i = n - 1; i >= 0; i--) {
        kn_twodigits hi = d[i];
        for (kn_ssize_t j = 0; j < size; j++) {
            kn_twodigits z = ((kn_twodigits)out[j] << KN_INT_SHIFT) | hi;
            hi = z / bigbase;
            out[j] = (kn_digit)(z - hi * bigbase);
        }
        while (hi) {
            out[size++] = (kn_digit)(hi % bigbase);
            hi /= bigbase;
        }
    }
    if (size == 0)
        out[size++] = 0;
    /* characters: (size-1) full groups + the top group's own width */
    kn_ssize_t topw = 0;
    for (kn_digit t = out[size - 1]; t; t /= (kn_digit)base)
        topw++;
    if (topw == 0)
        topw = 1;
    kn_ssize_t nchars = (size - 1) * per + topw;
    if (base == 10 && max_str_digits > 0 && nchars > max_str_digits) {
        free(out);
        return too_many_digits_out();
    }
    int neg = KN_SIZE(v) < 0;
    kn_ssize_t total = nchars + neg;
    char *buf = kgc_alloc_atomic((size_t)total + 1);
    if (!buf) {
        free(out);
        return ob_err_nomemory(), NULL;
    }
    char *p = buf + total;
    *p = '\0';
    for (kn_ssize_t j = 0; j < size - 1; j++) {
        kn_digit t = out[j];
        for (int c = 0; c < per; c++) {
            *--p = digit_chars[t % (kn_digit)base];
            t /= (kn_digit)base;
        }
    }
    kn_digit t = out[size - 1];
    for (kn_ssize_t c = 0; c < topw; c++) {
        *--p = digit_chars[t % (kn_digit)base];
        t /= (kn_digit)base;
    }
    if (neg)
        *--p = '-';
    free(out);
    *len = total;
    return buf;
}

int ob_int_u64_digits(unsigned long long u, int base, char *end)
{
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char *p = end;
    if (base == 10) {
        while (u >= 100) {
            unsigned r = (unsigned)(u % 100);
            u /= 100;
            *--p = pairs[2 * r + 1];
            *--p = pairs[2 * r];
        }
        if (u >= 10) {
            *--p = pairs[2 * u + 1];
            *--p = pairs[2 * u];
        } else {
            *--p = (char)('0' + u);
        }
    } else {
        int k = __builtin_ctz((unsigned)base);
        do {
            *--p = digit_chars[u & (unsigned)(base - 1)];
            u >>= k;
        } while (u);
    }
    return (int)(end - p);
}

/* A medium int in decimal with its sign, written backwards before end. */
static int medium_decimal(KnObject *v, char *end, char **start)
{
    long long x = (long long)ob_int_medium_value(v);
    int k = ob_int_u64_digits(x < 0 ? 0ull - (unsigned long long)x : (unsigned long long)x, 10, end);
    *start = end - k;
    if (x < 0) {
        *--*start = '-';
        k++;
    }
    return k;
}

char *ob_int_format_cstr(KnObject *v, int base, int alternate, kn_ssize_t *len)
{
    if ((base & (base - 1)) == 0)
        return format_pow2(v, base, alternate, len);
    if (OB_INT_IS_MEDIUM(v) && base == 10) {
        char tmp[72], *start;
        int k = medium_decimal(v, tmp + sizeof tmp, &start);
        char *buf = kgc_alloc_atomic((size_t)k + 1);
        if (!buf)
            return ob_err_nomemory(), NULL;
        memcpy(buf, start, (size_t)k);
        buf[k] = '\0';
        *len = k;
        return buf;
    }
    return format_general(v, base, len);
}

KnObject *ob_int_to_decimal_string(KnObject *o)
{
    if (OB_INT_IS_MEDIUM(o)) {
        char tmp[72], *start;
        int k = medium_decimal(o, tmp + sizeof tmp, &start);
        if (k == 1)
            return ob_str_from_char((unsigned char)start[0]);
        KnObject *r = ob_str_new(k, 0x7f);
        if (r != NULL)
            memcpy(KN_STR_DATA(r), start, (size_t)k);
        return r;
    }
    kn_ssize_t len;
    char *s = ob_int_format_cstr(o, 10, 0, &len);
    return s ? ob_str_from_utf8(s, len) : NULL;
}

KnObject *ob_int_to_base_str(KnObject *v, int base)
{
    char tmp[80], *p;
    kn_ssize_t k;
    int overflow = 0;
    long long x = OB_INT_IS_MEDIUM(v) ? (long long)ob_int_medium_value(v)
                                      : ob_int_as_long_long_and_overflow(v, &overflow);
    if (!overflow) {
        p = tmp + sizeof tmp;
        p -= ob_int_u64_digits(x < 0 ? 0ull - (unsigned long long)x : (unsigned long long)x,
                               base, p);
        *--p = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
        *--p = '0';
        if (x < 0)
            *--p = '-';
        k = tmp + sizeof tmp - p;
    } else if ((p = ob_int_format_cstr(v, base, 1, &k)) == NULL) {
        return NULL;
    }
    KnObject *r = ob_str_new(k, 0x7f);
    if (r != NULL)
        memcpy(KN_STR_DATA(r), p, (size_t)k);
    return r;
}

KnObject *ob_int_repr(KnObject *v)
{
    return ob_int_to_decimal_string(v);
}

/* ---- parsing ---- */

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static KnObject *invalid_literal(const char *s, kn_ssize_t len, int base, KnObject *orig)
{
    KnObject *shown = orig;
    if (!shown) {
        shown = ob_str_from_utf8(s, len);
        if (!shown)
            return NULL;
    }
    KnObject *r = ob_repr(shown);
    if (!r)
        return NULL;
    kn_ssize_t rl;
    const char *u = ob_str_as_utf8(r, &rl);
    if (!u)
        return NULL;
    /* %.200R: at most 200 code points of the repr */
    kn_ssize_t cut = 0, cps = 0;
    while (cut < rl && cps < 200) {
        cut++;
        while (cut < rl && ((unsigned char)u[cut] & 0xC0) == 0x80)
            cut++;
        cps++;
    }
    char *msg = malloc((size_t)cut + 1);
    if (!msg)
        return ob_err_nomemory();
    memcpy(msg, u, (size_t)cut);
    msg[cut] = '\0';
    ob_err_format(ob_exc_ValueError, "invalid literal for int() with base %d: %s", base, msg);
    free(msg);
    return NULL;
}

KnObject *ob_int_parse(const char *s, kn_ssize_t len, int base, KnObject *orig)
{
    const char *p = s, *end = s + len;
    int given_base = base;
    if (base != 0 && (base < 2 || base > 36))
        return ob_err_format(ob_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    int prefixed = 0;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = 1;
        }
    }
    int zero_lead_check = 0;
    if (base == 0) {
        base = 10;
        zero_lead_check = 1;   /* "010" is not a literal; "000" and "0_0" are */
    }
    /* Validate and collect digit values. */
    kn_ssize_t avail = end - p;
    unsigned char small[64];
    unsigned char *vals = avail <= (kn_ssize_t)sizeof small ? small : malloc((size_t)avail);
    if (!vals)
        return ob_err_nomemory();
    kn_ssize_t nd = 0;
    /* '_' only between digits, or once right after a 0x/0o/0b prefix. */
    int prev_us = 0;
    int ok = 1;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            if (prev_us || (nd == 0 && !(prefixed && q == p))) {
                ok = 0;
                break;
            }
            prev_us = 1;
            continue;
        }
        int dv = digit_value((unsigned char)*q);
        if (dv >= base) {
            ok = 0;
            break;
        }
        vals[nd++] = (unsigned char)dv;
        prev_us = 0;
    }
    if (prev_us || nd == 0)
        ok = 0;
    if (ok && zero_lead_check && nd > 1 && vals[0] == 0) {
        for (kn_ssize_t i = 0; i < nd && ok; i++)
            ok = vals[i] == 0;
    }
    if (!ok) {
        if (vals != small)
            free(vals);
        return invalid_literal(s, len, given_base, orig);
    }
    KnObject *result;
    if ((base & (base - 1)) == 0) {
        int k = __builtin_ctz((unsigned)base);
        kn_ssize_t n = (kn_ssize_t)(((uint64_t)nd * (uint64_t)k) / KN_INT_SHIFT + 1);
        KnLongObject *r = ob_int_alloc(n);
        if (!r) {
            if (vals != small)
                free(vals);
            return NULL;
        }
        kn_twodigits acc = 0;
        int bits = 0;
        kn_ssize_t di = 0;
        for (kn_ssize_t i = nd - 1; i >= 0; i--) {
            acc |= (kn_twodigits)vals[i] << bits;
            bits += k;
            if (bits >= KN_INT_SHIFT) {
                r->ob_digit[di++] = (kn_digit)(acc & KN_INT_MASK);
                acc >>= KN_INT_SHIFT;
                bits -= KN_INT_SHIFT;
            }
        }
        if (bits)
            r->ob_digit[di++] = (kn_digit)acc;
        result = (KnObject *)r;
    } else {
        if (max_str_digits > 0 && nd > OB_INT_MAX_STR_DIGITS_THRESHOLD && nd > max_str_digits) {
            if (vals != small)
                free(vals);
            return ob_err_format(ob_exc_ValueError,
                                 "Exceeds the limit (%zd digits) for integer string conversion: "
                                 "value has %zd digits; use sys.set_int_max_str_digits() "
                                 "to increase the limit", max_str_digits, nd);
        }
        if (nd <= (base <= 10 ? 18 : 12)) {
            long long x = 0;
            for (kn_ssize_t i = 0; i < nd; i++)
                x = x * base + vals[i];
            if (vals != small)
                free(vals);
            result = ob_int_from_long_long(neg ? -x : x);
            return result;
        }
        /* Chunks of `per` digits: acc = acc * base**per + chunk. */
        kn_digit bigbase = (kn_digit)base;
        int per = 1;
        while ((kn_twodigits)bigbase * (kn_digit)base < KN_INT_BASE) {
            bigbase *= (kn_digit)base;
            per++;
        }
        /* digits needed: at most nd * ceil(log2(base)) / 30 + 1 */
        int bits_per = 32 - __builtin_clz((unsigned)base - 1);
        kn_ssize_t cap = nd / KN_INT_SHIFT * bits_per + (nd % KN_INT_SHIFT * bits_per) / KN_INT_SHIFT + 2;
        KnLongObject *r = ob_int_alloc(cap);
        if (!r) {
            if (vals != small)
                free(vals);
            return NULL;
        }
        kn_ssize_t size = 0;
        kn_ssize_t first = nd % per ? nd % per : per;
        kn_ssize_t i = 0;
        while (i < nd) {
            kn_ssize_t take = i == 0 ? first : per;
            kn_digit chunk = 0, mul = 1;
            for (kn_ssize_t c = 0; c < take; c++) {
                chunk = chunk * (kn_digit)base + vals[i + c];
                mul *= (kn_digit)base;
            }
            i += take;
            kn_digit carry = ob_int_mag_muladd1(r->ob_digit, size, mul, chunk);
            if (carry)
                r->ob_digit[size++] = carry;
        }
        KN_SET_SIZE(r, size);
        result = (KnObject *)r;
    }
    if (vals != small)
        free(vals);
    if (neg)
        KN_SET_SIZE(result, -KN_SIZE(result));
    return ob_int_normalize((KnLongObject *)result);
}

KnObject *ob_int_from_string(const char *s, kn_ssize_t len, int base)
{
    return ob_int_parse(s, len, base, NULL);
}
