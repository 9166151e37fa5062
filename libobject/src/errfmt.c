/*
 * errfmt.c — the small printf used for exception messages (ob_err_format).
 *
 * Supports the PyUnicode_FromFormat conversions C code in Kiln uses:
 *   %s %c %d %i %u %x %p %% with l / ll / z length modifiers,
 *   %U (str), %S (str(obj)), %R (repr(obj)), %A (ascii(obj)),
 *   %V (str object or, when NULL, the following char*), %N (a type's name).
 * %.Ns precision is honoured for %s/%U/%S/%R.  Text is collected as UTF-8 in
 * a growing buffer and turned into a str at the end.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "libgc/gc.h"
#include "core.h"

typedef struct {
    char *p;
    size_t len, cap;
    char small[256];
} Buf;

static int buf_put(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *np;
        if (b->p == b->small) {
            np = kgc_alloc_atomic(cap);
            if (np != NULL)
                memcpy(np, b->p, b->len);
        } else {
            np = kgc_realloc(b->p, cap);
        }
        if (np == NULL)
            return -1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

/* Append the UTF-8 of str object s, at most `prec` code points (-1: all). */
static int put_str(Buf *b, KnObject *s, long prec)
{
    kn_ssize_t n;
    const char *u = ob_str_as_utf8(s, &n);
    if (u == NULL)
        return -1;
    if (prec >= 0) {
        /* count code points: skip UTF-8 continuation bytes */
        kn_ssize_t i = 0;
        long cps = 0;
        while (i < n && cps < prec) {
            i++;
            while (i < n && ((unsigned char)u[i] & 0xC0) == 0x80)
                i++;
            cps++;
        }
        n = i;
    }
    return buf_put(b, u, (size_t)n);
}

KnObject *ob_errfmt_str(const char *fmt, va_list ap)
{
    Buf b;
    b.p = b.small;
    b.len = 0;
    b.cap = sizeof b.small;
    va_list aq;
    va_copy(aq, ap);
    const char *f = fmt;
    while (*f) {
        const char *start = f;
        while (*f && *f != '%')
            f++;
        if (f > start && buf_put(&b, start, (size_t)(f - start)) < 0)
            goto nomem;
        if (*f == '\0')
            break;
        const char *pct = f;
        f++;                                    /* past '%' */
        long prec = -1;
        while (*f >= '0' && *f <= '9')          /* width: ignored */
            f++;
        if (*f == '.') {
            f++;
            prec = strtol(f, (char **)&f, 10);
        }
        int lmod = 0, zmod = 0;
        while (*f == 'l') { lmod++; f++; }
        if (*f == 'z') { zmod = 1; f++; }
        char tmp[64];
        int n = 0;
        KnObject *o, *s;
        switch (*f) {
        case '%':
            tmp[0] = '%';
            n = 1;
            break;
        case 'c': {
            int c = va_arg(aq, int);
            /* encode as UTF-8 */
            if (c < 0x80) { tmp[0] = (char)c; n = 1; }
            else if (c < 0x800) { tmp[0] = (char)(0xC0 | (c >> 6)); tmp[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
            else if (c < 0x10000) { tmp[0] = (char)(0xE0 | (c >> 12)); tmp[1] = (char)(0x80 | ((c >> 6) & 0x3F)); tmp[2] = (char)(0x80 | (c & 0x3F)); n = 3; }
            else { tmp[0] = (char)(0xF0 | (c >> 18)); tmp[1] = (char)(0x80 | ((c >> 12) & 0x3F)); tmp[2] = (char)(0x80 | ((c >> 6) & 0x3F)); tmp[3] = (char)(0x80 | (c & 0x3F)); n = 4; }
            break;
        }
        case 'd': case 'i':
            if (zmod) n = snprintf(tmp, sizeof tmp, "%zd", va_arg(aq, kn_ssize_t));
            else if (lmod >= 2) n = snprintf(tmp, sizeof tmp, "%lld", va_arg(aq, long long));
            else if (lmod == 1) n = snprintf(tmp, sizeof tmp, "%ld", va_arg(aq, long));
            else n = snprintf(tmp, sizeof tmp, "%d", va_arg(aq, int));
            break;
        case 'u':
            if (zmod) n = snprintf(tmp, sizeof tmp, "%zu", va_arg(aq, size_t));
            else if (lmod >= 2) n = snprintf(tmp, sizeof tmp, "%llu", va_arg(aq, unsigned long long));
            else if (lmod == 1) n = snprintf(tmp, sizeof tmp, "%lu", va_arg(aq, unsigned long));
            else n = snprintf(tmp, sizeof tmp, "%u", va_arg(aq, unsigned));
            break;
        case 'x':
            if (zmod) n = snprintf(tmp, sizeof tmp, "%zx", va_arg(aq, size_t));
            else if (lmod >= 1) n = snprintf(tmp, sizeof tmp, "%lx", va_arg(aq, unsigned long));
            else n = snprintf(tmp, sizeof tmp, "%x", va_arg(aq, unsigned));
            break;
        case 'p':
            n = snprintf(tmp, sizeof tmp, "%p", va_arg(aq, void *));
            break;
        case 's': {
            const char *cs = va_arg(aq, const char *);
            if (cs == NULL)
                cs = "(null)";
            size_t len = strlen(cs);
            if (prec >= 0 && (size_t)prec < len)
                len = (size_t)prec;
            if (buf_put(&b, cs, len) < 0)
                goto nomem;
            break;
        }
        case 'U':
            if (put_str(&b, va_arg(aq, KnObject *), prec) < 0)
                goto error;
            break;
        case 'V': {
            o = va_arg(aq, KnObject *);
            const char *cs = va_arg(aq, const char *);
            if (o != NULL) {
                if (put_str(&b, o, prec) < 0)
                    goto error;
            } else if (buf_put(&b, cs, strlen(cs)) < 0) {
                goto nomem;
            }
            break;
        }
        case 'S': case 'R': case 'A':
            o = va_arg(aq, KnObject *);
            s = *f == 'S' ? ob_str(o) : *f == 'R' ? ob_repr(o) : ob_ascii(o);
            if (s == NULL || put_str(&b, s, prec) < 0)
                goto error;
            break;
        case 'N': {
            KnTypeObject *t = va_arg(aq, KnTypeObject *);
            const char *tn = t->tp_name;
            if (buf_put(&b, tn, strlen(tn)) < 0)
                goto nomem;
            break;
        }
        default:
            /* unknown conversion: copy it literally, as CPython does */
            if (buf_put(&b, pct, (size_t)(f + (*f != '\0') - pct)) < 0)
                goto nomem;
            if (*f == '\0')
                f--;
            break;
        }
        if (n > 0 && buf_put(&b, tmp, (size_t)n) < 0)
            goto nomem;
        f++;
    }
    va_end(aq);
    return ob_str_from_utf8(b.p, (kn_ssize_t)b.len);
nomem:
    va_end(aq);
    return ob_err_nomemory();
error:
    va_end(aq);
    return NULL;
}
