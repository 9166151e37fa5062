/*
 * str_fromformat.c — ob_str_from_format: CPython 3.11's PyUnicode_FromFormat.
 *
 * Codes: %% %c %d %i %u %x %p with the l / ll / z length modifiers, %s
 * (UTF-8 C string, undecodable bytes replaced), %U (str), %V (str, or the C
 * string after it when the str is NULL), %S / %R / %A (str() / repr() /
 * ascii() of an object), and Kiln's %N (a KnTypeObject *: its tp_name).
 * A '0' flag and a width pad numbers; width and precision (in code points)
 * apply to the text codes.  An unknown code copies the rest of the format
 * verbatim, as CPython does.
 */
#include <stdio.h>
#include "str_internal.h"

/* Append text (code points of str t) honouring width and precision. */
static int fmt_put_str(KnStrWriter *w, KnObject *t, kn_ssize_t width, kn_ssize_t prec)
{
    kn_ssize_t n = KN_STR_LEN(t);
    if (prec >= 0 && n > prec)
        n = prec;
    if (width > n && ob_str_writer_put_repeat(w, ' ', width - n) < 0)
        return -1;
    return ob_str_writer_put_substr(w, t, 0, n);
}

static int fmt_put_cstr(KnStrWriter *w, const char *s, kn_ssize_t width, kn_ssize_t prec)
{
    /* %s text is decoded as UTF-8 with "replace"; a precision counts bytes */
    kn_ssize_t len = (kn_ssize_t)strlen(s);
    if (prec >= 0 && len > prec)
        len = prec;
    KnObject *t = ob_str_decode_utf8(s, len, "replace");
    if (t == NULL)
        return -1;
    return fmt_put_str(w, t, width, -1);
}

KnObject *ob_str_from_formatv(const char *fmt, va_list vargs)
{
    va_list ap;
    va_copy(ap, vargs);
    KnStrWriter w;
    ob_str_writer_init(&w, (kn_ssize_t)strlen(fmt) + 16);
    const char *f = fmt;
    while (*f) {
        if (*f != '%') {
            const char *start = f;
            while (*f && *f != '%')
                f++;
            /* the format is ASCII in CPython; accept UTF-8 here */
            KnObject *lit = ob_str_decode_utf8(start, f - start, "replace");
            if (lit == NULL || ob_str_writer_put_str(&w, lit) < 0)
                goto error;
            continue;
        }
        const char *spec = f++;
        int zero = 0;
        kn_ssize_t width = -1, prec = -1;
        while (*f == '0' || *f == '-') {
            if (*f == '0')
                zero = 1;
            f++;
        }
        if (*f >= '0' && *f <= '9') {
            width = 0;
            while (*f >= '0' && *f <= '9')
                width = width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            f++;
            prec = 0;
            while (*f >= '0' && *f <= '9')
                prec = prec * 10 + (*f++ - '0');
        }
        int lng = 0, size_t_mod = 0;
        if (*f == 'l') {
            lng = 1;
            f++;
            if (*f == 'l') {
                lng = 2;
                f++;
            }
        } else if (*f == 'z') {
            size_t_mod = 1;
            f++;
        }
        char buf[64];
        int n = -1;
        switch (*f) {
        case '%':
            if (ob_str_writer_put(&w, '%') < 0)
                goto error;
            break;
        case 'c': {
            int ch = va_arg(ap, int);
            if (ch < 0 || ch > 0x10ffff) {
                ob_err_set_string(ob_exc_OverflowError, "character argument not in range(0x110000)");
                goto error;
            }
            if (ob_str_writer_put(&w, (uint32_t)ch) < 0)
                goto error;
            break;
        }
        case 'd': case 'i': case 'u': case 'x': {
            char conv = *f == 'i' ? 'd' : *f;
            int is_unsigned = conv == 'u' || conv == 'x';
            unsigned long long uv = 0;
            long long sv = 0;
            if (size_t_mod) {
                if (is_unsigned) uv = va_arg(ap, size_t);
                else sv = va_arg(ap, kn_ssize_t);
            } else if (lng == 2) {
                if (is_unsigned) uv = va_arg(ap, unsigned long long);
                else sv = va_arg(ap, long long);
            } else if (lng == 1) {
                if (is_unsigned) uv = va_arg(ap, unsigned long);
                else sv = va_arg(ap, long);
            } else {
                if (is_unsigned) uv = va_arg(ap, unsigned int);
                else sv = va_arg(ap, int);
            }
            int wdt = width < 0 ? 0 : (int)(width > 40 ? 40 : width);
            int pr = prec < 0 ? 1 : (int)(prec > 40 ? 40 : prec);
            /* C's printf ignores '0' with a precision; CPython's zero
             * flag pads the digits, which '%0*' reproduces. */
            if (conv == 'd')
                n = zero ? snprintf(buf, sizeof buf, "%0*lld", wdt, sv)
                         : snprintf(buf, sizeof buf, "%*.*lld", wdt, pr, sv);
            else if (conv == 'u')
                n = zero ? snprintf(buf, sizeof buf, "%0*llu", wdt, uv)
                         : snprintf(buf, sizeof buf, "%*.*llu", wdt, pr, uv);
            else
                n = zero ? snprintf(buf, sizeof buf, "%0*llx", wdt, uv)
                         : snprintf(buf, sizeof buf, "%*.*llx", wdt, pr, uv);
            if (ob_str_writer_put_ascii(&w, buf, n) < 0)
                goto error;
            break;
        }
        case 'p': {
            void *p = va_arg(ap, void *);
            n = snprintf(buf, sizeof buf, "%p", p);
            if (n >= 2 && buf[1] != 'x') {   /* ensure a 0x prefix, as CPython */
                char tmp[64];
                n = snprintf(tmp, sizeof tmp, "0x%s", buf);
                memcpy(buf, tmp, (size_t)n + 1);
            }
            if (strcmp(buf, "(nil)") == 0)
                n = snprintf(buf, sizeof buf, "0x0");
            if (ob_str_writer_put_ascii(&w, buf, n) < 0)
                goto error;
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (fmt_put_cstr(&w, s ? s : "(null)", width, prec) < 0)
                goto error;
            break;
        }
        case 'U': {
            KnObject *o = va_arg(ap, KnObject *);
            if (fmt_put_str(&w, o, width, prec) < 0)
                goto error;
            break;
        }
        case 'V': {
            KnObject *o = va_arg(ap, KnObject *);
            const char *s = va_arg(ap, const char *);
            if ((o ? fmt_put_str(&w, o, width, prec) : fmt_put_cstr(&w, s, width, prec)) < 0)
                goto error;
            break;
        }
        case 'S': case 'R': case 'A': {
            KnObject *o = va_arg(ap, KnObject *);
            KnObject *t = *f == 'S' ? ob_str(o) : *f == 'R' ? ob_repr(o) : ob_ascii(o);
            if (t == NULL || fmt_put_str(&w, t, width, prec) < 0)
                goto error;
            break;
        }
        case 'N': {
            KnTypeObject *t = va_arg(ap, KnTypeObject *);
            if (fmt_put_cstr(&w, t->tp_name, width, prec) < 0)
                goto error;
            break;
        }
        default:
            /* unknown code: the rest of the format is copied as it is */
            if (ob_str_writer_put_ascii(&w, spec, (kn_ssize_t)strlen(spec)) < 0)
                goto error;
            va_end(ap);
            return ob_str_writer_finish(&w);
        }
        f++;
    }
    va_end(ap);
    return ob_str_writer_finish(&w);
error:
    va_end(ap);
    return NULL;
}

KnObject *ob_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    KnObject *r = ob_str_from_formatv(fmt, ap);
    va_end(ap);
    return r;
}
