/*
 * format_spec_num.c — format() for int, float and complex: the digit
 * bodies (glibc's printf is correctly rounded; repr uses float_format.c's
 * shortest digits) and the int/float/complex __format__ methods.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "str_internal.h"
#include "format_spec.h"
#include "int_internal.h"
#include "float_internal.h"
#include "core.h"
#include "libobject/complex.h"

/* printf of one double into fresh GC memory; -1 + MemoryError. */
static char *print_double(const char *fmt, int prec, double v, int *len)
{
    int n = snprintf(NULL, 0, fmt, prec, v);
    char *buf = n < 0 ? NULL : kgc_alloc_atomic((size_t)n + 1);
    if (buf == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    snprintf(buf, (size_t)n + 1, fmt, prec, v);
    *len = n;
    return buf;
}

/* Significant digits of |v| correctly rounded to nd digits (printf %e):
 * digit string (GC memory) and decimal point position. */
static char *round_digits(double v, int nd, int *decpt)
{
    int len;
    char *s = print_double("%.*e", nd - 1, v, &len);
    if (s == NULL)
        return NULL;
    char *d = kgc_alloc_atomic((size_t)nd + 1), *q = d;
    if (d == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    const char *p = s;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            *q++ = *p;
    *q = '\0';
    *decpt = atoi(p + 1) + 1;
    return d;
}

static int all_zero(const char *s, kn_ssize_t n)
{
    for (kn_ssize_t i = 0; i < n; i++)
        if (s[i] >= '1' && s[i] <= '9')
            return 0;
    return 1;
}

static kn_ssize_t leading_digits(const char *s, kn_ssize_t n)
{
    kn_ssize_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* digits d (nd of them) at decimal position decpt, laid out in exponent or
 * fixed notation; min_frac: digits the fraction must have at least (0, or
 * 1 for ADD_DOT_0); alt: always show the point. */
static char *lay_out(const char *d, int nd, int decpt, int use_exp, int min_frac, int alt,
                     kn_ssize_t *len)
{
    size_t cap = (size_t)nd + (size_t)(decpt < 0 ? -decpt : decpt) + 16;
    char *out = kgc_alloc_atomic(cap), *p = out;
    if (out == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    if (use_exp) {
        *p++ = d[0];
        if (nd > 1 || alt)
            *p++ = '.';
        memcpy(p, d + 1, (size_t)nd - 1);
        p += nd - 1;
        p += sprintf(p, "e%+03d", decpt - 1);
    } else if (decpt <= 0) {
        *p++ = '0';
        *p++ = '.';
        memset(p, '0', (size_t)-decpt);
        p += -decpt;
        memcpy(p, d, (size_t)nd);
        p += nd;
    } else if (decpt >= nd) {
        memcpy(p, d, (size_t)nd);
        p += nd;
        memset(p, '0', (size_t)(decpt - nd));
        p += decpt - nd;
        if (min_frac || alt)
            *p++ = '.';
        if (min_frac)
            *p++ = '0';
    } else {
        memcpy(p, d, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, d + decpt, (size_t)(nd - decpt));
        p += nd - decpt;
    }
    *p = '\0';
    *len = p - out;
    return out;
}

/* %.*f of finite v >= 0 without printf, when the exact product
 * mantissa * 10**prec fits 128 bits: v = m * 2**e exactly, so
 * round(v * 10**prec) is an integer shift of m * 10**prec with the
 * remainder deciding the rounding (half to even on the exact binary value,
 * as printf and CPython's dtoa do).  NULL with no error set when the value
 * is out of this method's range; the caller then uses printf. */
static char *fixed_fast(double v, int prec, int alt, int *len, char *small, size_t smallsize)
{
    static const unsigned long long pow10[] = {
        1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
        100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
        10000000000000ull, 100000000000000ull, 1000000000000000ull,
        10000000000000000ull, 100000000000000000ull};
    if (prec < 0 || prec > 17)
        return NULL;
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int bexp = (int)((bits >> 52) & 0x7ff);
    uint64_t m = bits & ((1ull << 52) - 1);
    int e;
    if (bexp == 0) {
        e = -1074;
    } else {
        m |= 1ull << 52;
        e = bexp - 1075;
    }
    unsigned __int128 prod = (unsigned __int128)m * pow10[prec], q;   /* < 2**110 */
    if (e >= 0) {
        if (e > 16)
            return NULL;    /* m * 2**e * 10**prec might not fit */
        q = prod << e;
    } else if (-e >= 111) {
        q = 0;              /* below half a unit of the last place */
    } else {
        int sh = -e;
        q = prod >> sh;
        unsigned __int128 r = prod & (((unsigned __int128)1 << sh) - 1);
        unsigned __int128 half = (unsigned __int128)1 << (sh - 1);
        if (r > half || (r == half && (q & 1)))
            q++;
    }
    /* q's decimal digits, at least prec + 1 of them */
    char digits[48], *p = digits + sizeof digits;
    int nd = 0;
    while (q >= 10000000000000000000ull) {
        unsigned long long low = (unsigned long long)(q % 10000000000000000000ull);
        q /= 10000000000000000000ull;
        int k = ob_int_u64_digits(low, 10, p);
        p -= k;
        nd += k;
        for (; k < 19; k++, nd++)
            *--p = '0';
    }
    int k = ob_int_u64_digits((unsigned long long)q, 10, p);
    p -= k;
    nd += k;
    while (nd < prec + 1) {
        *--p = '0';
        nd++;
    }
    int intlen = nd - prec;
    int n = nd + (prec > 0 || alt);
    char *out = (size_t)n < smallsize ? small : kgc_alloc_atomic((size_t)n + 1);
    if (out == NULL)
        return NULL;
    memcpy(out, p, (size_t)intlen);
    if (prec > 0 || alt)
        out[intlen] = '.';
    memcpy(out + intlen + 1, p + intlen, (size_t)prec);
    out[n] = '\0';
    *len = n;
    return out;
}

int ob_fmt_float_body(double v, int type, kn_ssize_t precision, int flags, KnFloatBody *out)
{
    int upper = type == 'E' || type == 'F' || type == 'G';
    int alt = flags & OB_FMT_ALT, dot0 = (flags & OB_FMT_ADD_DOT_0) != 0;
    out->neg = 0;
    if (isnan(v) || isinf(v)) {
        out->neg = isinf(v) && v < 0;
        out->text = (char *)(isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        out->len = 3;
        out->intlen = 0;
        return 0;
    }
    if (precision > INT_MAX - 16) {
        ob_err_set_string(ob_exc_ValueError, "precision too big");
        return -1;
    }
    int prec = (int)precision;
    out->neg = signbit(v) != 0;
    v = fabs(v);
    char *text, *d;
    int nd, decpt;
    switch (type) {
    case 'f': case 'F': {
        int n;
        text = fixed_fast(v, prec, alt, &n, out->small, sizeof out->small);
        if (text == NULL)
            text = print_double(alt ? "%#.*f" : "%.*f", prec, v, &n);
        if (text == NULL)
            return -1;
        out->len = n;
        break;
    }
    case 'e': case 'E':
        d = round_digits(v, prec + 1, &decpt);
        if (d == NULL)
            return -1;
        text = lay_out(d, prec + 1, decpt, 1, 0, alt, &out->len);
        break;
    case 'r': {
        char buf[24];
        nd = ob_float_shortest_digits(v, buf, &decpt);
        text = lay_out(buf, nd, decpt, decpt <= -4 || decpt > 16, dot0, alt, &out->len);
        break;
    }
    default: {  /* g G */
        int p = prec == 0 ? 1 : prec;
        d = round_digits(v, p, &decpt);
        if (d == NULL)
            return -1;
        nd = p;
        if (!alt)
            while (nd > 1 && d[nd - 1] == '0')
                nd--;
        int use_exp = decpt <= -4 || decpt > p - dot0;
        /* The digits stay significant: with alt, fixed notation shows all p
         * of them (trailing zeros included), never more. */
        text = lay_out(d, nd, decpt, use_exp, dot0, alt, &out->len);
        break;
    }
    }
    if (text == NULL)
        return -1;
    if (upper)
        for (kn_ssize_t i = 0; i < out->len; i++)
            if (text[i] == 'e')
                text[i] = 'E';
    if ((flags & OB_FMT_NO_NEG_0) && all_zero(text, out->len))
        out->neg = 0;
    out->text = text;
    out->intlen = leading_digits(text, out->len);
    return 0;
}

static const char *sign_text(int neg, uint32_t sign)
{
    return neg ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
}

/* ---- float ---- */

static KnObject *format_float_spec(double v, KnFormatSpec *f, KnObject *obj)
{
    int type = (int)f->type, flags = 0;
    kn_ssize_t prec = f->precision;
    const char *suffix = "";
    switch (type) {
    case 0:
        flags |= OB_FMT_ADD_DOT_0;
        type = prec < 0 ? 'r' : 'g';
        break;
    case 'n':
        type = 'g';
        break;
    case '%':
        type = 'f';
        v *= 100;
        suffix = "%";
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        break;
    default:
        return ob_fmt_unknown_code(f->type, obj);
    }
    if (prec < 0)
        prec = 6;
    if (f->alternate)
        flags |= OB_FMT_ALT;
    if (f->no_neg_0)
        flags |= OB_FMT_NO_NEG_0;
    KnFloatBody b;
    if (ob_fmt_float_body(v, type, prec, flags, &b) < 0)
        return NULL;
    KnStrWriter w;
    ob_str_writer_init(&w, b.len + 8);
    if (ob_fmt_number(&w, f, sign_text(b.neg, f->sign), b.text, b.intlen, b.len, suffix) < 0)
        return NULL;
    return ob_str_writer_finish(&w);
}

KnObject *ob_fmt_float(double v, KnObject *spec, KnObject *obj)
{
    KnFormatSpec f;
    if (ob_fmt_spec_parse(spec, 0, ob_str_length(spec), 0, '>', obj, &f) < 0)
        return NULL;
    return format_float_spec(v, &f, obj);
}

/* ---- int ---- */

static KnObject *format_int_char(KnObject *v, KnFormatSpec *f)
{
    if (f->sign)
        return ob_err_format(ob_exc_ValueError,
                             "Sign not allowed with integer format specifier 'c'");
    if (f->alternate)
        return ob_err_format(ob_exc_ValueError,
                             "Alternate form (#) not allowed with integer format specifier 'c'");
    int overflow;
    long long c = ob_int_as_long_long_and_overflow(v, &overflow);
    if (overflow)
        return ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C long");
    if (c < 0 || c > 0x10ffff)
        return ob_err_format(ob_exc_OverflowError, "%%c arg not in range(0x110000)");
    KnObject *s = ob_str_from_char((uint32_t)c);
    if (s == NULL)
        return NULL;
    if (f->align == '=')
        f->align = '>';
    KnStrWriter w;
    ob_str_writer_init(&w, 8);
    if (ob_fmt_pad_str(&w, f, s, 0) < 0)
        return NULL;
    return ob_str_writer_finish(&w);
}

KnObject *ob_fmt_int(KnObject *v, KnObject *spec)
{
    KnFormatSpec f;
    if (ob_fmt_spec_parse(spec, 0, ob_str_length(spec), 'd', '>', v, &f) < 0)
        return NULL;
    int base;
    switch (f.type) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'd': case 'n': case 'c': base = 10; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = ob_int_as_double(v);
        if (d == -1.0 && ob_err_occurred())
            return NULL;
        return format_float_spec(d, &f, v);
    }
    default:
        return ob_fmt_unknown_code(f.type, v);
    }
    if (f.precision >= 0)
        return ob_err_format(ob_exc_ValueError, "Precision not allowed in integer format specifier");
    if (f.no_neg_0)
        return ob_err_format(ob_exc_ValueError,
                             "Negative zero coercion (z) not allowed in integer format specifier");
    if (f.type == 'c')
        return format_int_char(v, &f);
    kn_ssize_t len;
    char *digits;
    int neg, overflow = 0;
    char small[72];
    long long x = OB_INT_IS_MEDIUM(v) ? (long long)ob_int_medium_value(v)
                                      : ob_int_as_long_long_and_overflow(v, &overflow);
    if (!overflow) {
        /* fits 64 bits: digits on the stack */
        neg = x < 0;
        len = ob_int_u64_digits(neg ? 0ull - (unsigned long long)x : (unsigned long long)x, base,
                                small + sizeof small);
        digits = small + sizeof small - len;
    } else {
        digits = ob_int_format_cstr(v, base, 0, &len);
        if (digits == NULL)
            return NULL;
        neg = digits[0] == '-';
        digits += neg;
        len -= neg;
    }
    if (f.type == 'X')
        for (kn_ssize_t i = 0; i < len; i++)
            if (digits[i] >= 'a' && digits[i] <= 'f')
                digits[i] = (char)(digits[i] - 'a' + 'A');
    char pfx[4], *p = pfx;
    const char *sg = sign_text(neg, f.sign);
    if (*sg)
        *p++ = *sg;
    if (f.alternate && f.type != 'd' && f.type != 'n') {
        *p++ = '0';
        *p++ = (char)f.type;   /* b o x X */
    }
    *p = '\0';
    KnStrWriter w;
    ob_str_writer_init(&w, len + 8);
    if (ob_fmt_number(&w, &f, pfx, digits, len, len, "") < 0)
        return NULL;
    return ob_str_writer_finish(&w);
}

/* ---- complex ---- */

/* One part of a complex: its sign and grouped body, into w. */
static int complex_part(KnStrWriter *w, const KnFormatSpec *f, const KnFloatBody *b,
                        uint32_t sign)
{
    KnFormatSpec part = *f;
    part.width = -1;
    return ob_fmt_number(w, &part, sign_text(b->neg, sign), b->text, b->intlen, b->len, "");
}

KnObject *ob_fmt_complex(double re, double im, KnObject *spec, KnObject *obj)
{
    KnFormatSpec f;
    if (ob_fmt_spec_parse(spec, 0, ob_str_length(spec), 0, '>', obj, &f) < 0)
        return NULL;
    int type = (int)f.type, flags = 0, skip_re = 0, parens = 0;
    kn_ssize_t prec = f.precision;
    switch (type) {
    case 0:
        type = prec < 0 ? 'r' : 'g';
        if (re == 0.0 && !signbit(re))
            skip_re = 1;
        else
            parens = 1;
        break;
    case 'n':
        type = 'g';
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        break;
    default:
        return ob_fmt_unknown_code(f.type, obj);
    }
    if (f.fill == '0')
        return ob_err_format(ob_exc_ValueError,
                             "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return ob_err_format(ob_exc_ValueError,
                             "'=' alignment flag is not allowed in complex format specifier");
    if (prec < 0)
        prec = 6;
    if (f.alternate)
        flags |= OB_FMT_ALT;
    if (f.no_neg_0)
        flags |= OB_FMT_NO_NEG_0;
    KnFloatBody rb, ib;
    if ((!skip_re && ob_fmt_float_body(re, type, prec, flags, &rb) < 0) ||
        ob_fmt_float_body(im, type, prec, flags, &ib) < 0)
        return NULL;
    KnStrWriter w;
    ob_str_writer_init(&w, 32);
    if (parens && ob_str_writer_put(&w, '(') < 0)
        return NULL;
    if (!skip_re && complex_part(&w, &f, &rb, f.sign) < 0)
        return NULL;
    if (complex_part(&w, &f, &ib, skip_re ? f.sign : '+') < 0 ||
        ob_str_writer_put_ascii(&w, parens ? "j)" : "j", parens ? 2 : 1) < 0)
        return NULL;
    KnObject *body = ob_str_writer_finish(&w);
    if (body == NULL || f.width <= ob_str_length(body))
        return body;
    ob_str_writer_init(&w, f.width);
    if (ob_fmt_pad_str(&w, &f, body, 0) < 0)
        return NULL;
    return ob_str_writer_finish(&w);
}

/* ---- the __format__ methods ---- */

static int check_spec(KnObject *spec)
{
    if (KN_STR_CHECK(spec))
        return 0;
    ob_err_format(ob_exc_TypeError, "__format__() argument must be str, not %s", KN_TNAME(spec));
    return -1;
}

KnObject *ob_int_format_method(KnObject *self, KnObject *spec)
{
    if (check_spec(spec) < 0)
        return NULL;
    if (ob_str_length(spec) == 0)
        return ob_str(self);
    return ob_fmt_int(self, spec);
}

KnObject *ob_float_format_method(KnObject *self, KnObject *spec)
{
    if (check_spec(spec) < 0)
        return NULL;
    if (ob_str_length(spec) == 0)
        return ob_str(self);
    return ob_fmt_float(KN_FLOAT_VALUE(self), spec, self);
}

KnObject *ob_complex_format_method(KnObject *self, KnObject *spec)
{
    if (check_spec(spec) < 0)
        return NULL;
    if (ob_str_length(spec) == 0)
        return ob_str(self);
    KnComplex c = KN_COMPLEX_VALUE(self);
    return ob_fmt_complex(c.real, c.imag, spec, self);
}

/* ---- strings-perf: format() without the __format__ lookup ---- */

extern KnObject *ob_float_repr(KnObject *v);

KnObject *ob_format_fast(KnObject *v, KnObject *spec)
{
    /* Exact int, float and str: their __format__ cannot be replaced (the
     * built-in types are immutable), so calling it directly is the same. */
    if (spec == NULL || (KN_STR_CHECK_EXACT(spec) && KN_STR_LEN(spec) == 0)) {
        if (KN_STR_CHECK_EXACT(v))
            return v;
        if (KN_INT_CHECK_EXACT(v))
            return ob_int_to_decimal_string(v);
        if (KN_FLOAT_CHECK_EXACT(v))
            return ob_float_repr(v);
        return ob_format(v, spec ? spec : ob_str_empty());
    }
    if (KN_STR_CHECK_EXACT(spec)) {
        if (KN_INT_CHECK_EXACT(v))
            return ob_fmt_int(v, spec);
        if (KN_FLOAT_CHECK_EXACT(v))
            return ob_fmt_float(KN_FLOAT_VALUE(v), spec, v);
        if (KN_STR_CHECK_EXACT(v))
            return ob_str_format_spec_meth(v, spec);
    }
    return ob_format(v, spec);
}
