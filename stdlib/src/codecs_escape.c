/*
 * codecs_escape.c — the escape codecs of `_codecs`: unicode_escape and
 * raw_unicode_escape (encode/decode), escape_encode/escape_decode (the
 * bytes-literal escapes).
 *
 * Decoding errors go through the error-handler registry
 * (cd_call_handler), so every handler works.  With final false an
 * escape cut off by the end of the data is left unconsumed.  \N{name}
 * needs the Unicode name database, which libobject does not have yet:
 * NotImplementedError.
 */
#include <stdio.h>
#include <string.h>

#include "codecs_internal.h"

/* A growing array of code points. */
typedef struct Cps { uint32_t *v; kn_ssize_t n, cap; } Cps;

static int cps_put(Cps *c, uint32_t ch)
{
    if (c->n == c->cap) {
        kn_ssize_t cap = c->cap ? c->cap * 2 : 64;
        uint32_t *nv = kgc_alloc_atomic((size_t)cap * sizeof(uint32_t));
        if (nv == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (c->n)
            memcpy(nv, c->v, (size_t)c->n * sizeof(uint32_t));
        c->v = nv;
        c->cap = cap;
    }
    c->v[c->n++] = ch;
    return 0;
}

static int cps_put_str(Cps *c, KnObject *s)
{
    kn_ssize_t n = ob_str_length(s);
    for (kn_ssize_t i = 0; i < n; i++)
        if (cps_put(c, ob_str_read_char(s, i)) < 0)
            return -1;
    return 0;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Up to `count` hex digits at s[i..]: digits read in *got. */
static uint32_t read_hex(const unsigned char *s, kn_ssize_t len, kn_ssize_t i, int count, int *got)
{
    uint32_t v = 0;
    int k = 0;
    while (k < count && i + k < len && hexval(s[i + k]) >= 0) {
        v = v * 16 + (uint32_t)hexval(s[i + k]);
        k++;
    }
    *got = k;
    return v;
}

/* The DeprecationWarning for the first invalid escape. */
static int warn_escape(int *warned, const char *fmt, unsigned v)
{
    if (*warned)
        return 0;
    *warned = 1;
    char msg[64];
    snprintf(msg, sizeof msg, fmt, v);
    return ob_err_warn((KnObject *)ob_exc_DeprecationWarning, msg, 1);
}

/* The escapes str and bytes literals share, c being the byte after the
 * backslash and s[*i] the next one: 2 for a line continuation, 1 with
 * *out set (one-letter escapes, octal — warning once above 0o377), 0 for
 * another escape, -1 when the warning became an error. */
static int common_escape(const unsigned char *s, kn_ssize_t len, kn_ssize_t *i, unsigned char c,
                         int *warned, uint32_t *out)
{
    static const char letters[] = "\\'\"abtnvfr";
    static const unsigned char values[] = {'\\', '\'', '"', 7, 8, 9, 10, 11, 12, 13};
    if (c == '\n')
        return 2;
    const char *p = c ? strchr(letters, c) : NULL;
    if (p != NULL) {
        *out = values[p - letters];
        return 1;
    }
    if (c < '0' || c > '7')
        return 0;
    uint32_t v = c - '0';
    for (int k = 0; k < 2 && *i < len && s[*i] >= '0' && s[*i] <= '7'; k++)
        v = v * 8 + (uint32_t)(s[(*i)++] - '0');
    if (v > 0377 && warn_escape(warned, "invalid octal escape sequence '\\%o'", v) < 0)
        return -1;
    *out = v;
    return 1;
}

/* State of one decode call. */
typedef struct Dec {
    const char *encoding, *errors;
    CdBytes b;
    KnObject *bytes_obj;
    Cps out;
} Dec;

/* Error over [start, end): run the handler; *next gets where to go on. */
static int dec_error(Dec *d, kn_ssize_t start, kn_ssize_t end, const char *reason, kn_ssize_t *next)
{
    if (d->bytes_obj == NULL && (d->bytes_obj = ob_bytes_from_data(d->b.data, d->b.len)) == NULL)
        return -1;
    KnObject *rep;
    if (cd_call_handler(d->encoding, reason, d->errors, ob_exc_UnicodeDecodeError, d->bytes_obj,
                        d->b.len, start, end, &rep, next) < 0)
        return -1;
    return cps_put_str(&d->out, rep);
}

static int dec_args(const char *fname, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames,
                    Dec *d, int *final)
{
    memset(d, 0, sizeof *d);
    if (cd_args(fname, args, nargs, kwnames, 1, 3) < 0 || cd_get_bytes(args[0], &d->b) < 0
        || cd_get_errors(fname, 2, nargs > 1 ? args[1] : NULL, &d->errors) < 0)
        return -1;
    *final = nargs > 2 ? ob_is_true(args[2]) : 1;
    return *final < 0 ? -1 : 0;
}

static KnObject *dec_result(Dec *d, kn_ssize_t consumed)
{
    KnObject *r = d->out.n ? ob_str_from_codepoints(d->out.v, d->out.n) : ob_str_empty();
    return cd_pair(r, consumed);
}

static KnObject *cd_unicode_escape_decode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                          KnObject *kwnames)
{
    (void)m;
    Dec d;
    int final, warned = 0;
    if (dec_args("unicode_escape_decode", args, nargs, kwnames, &d, &final) < 0)
        return NULL;
    d.encoding = "unicodeescape";
    const unsigned char *s = (const unsigned char *)d.b.data;
    kn_ssize_t len = d.b.len, i = 0;
    while (i < len) {
        if (s[i] != '\\') {
            if (cps_put(&d.out, s[i++]) < 0)
                return NULL;
            continue;
        }
        kn_ssize_t start = i;
        if (i + 1 >= len) {
            if (!final)
                return dec_result(&d, start);
            if (dec_error(&d, start, len, "\\ at end of string", &i) < 0)
                return NULL;
            continue;
        }
        unsigned char c = s[i + 1];
        i += 2;
        uint32_t ch;
        int common = common_escape(s, len, &i, c, &warned, &ch);
        if (common < 0)
            return NULL;
        if (common == 2)
            continue;
        if (common == 1) {
            if (cps_put(&d.out, ch) < 0)
                return NULL;
            continue;
        }
        switch (c) {
        case 'x': case 'u': case 'U': {
            int count = c == 'x' ? 2 : c == 'u' ? 4 : 8, got;
            ch = read_hex(s, len, i, count, &got);
            if (got < count) {
                if (!final && i + got == len)
                    return dec_result(&d, start);
                const char *why = c == 'x' ? "truncated \\xXX escape" : c == 'u'
                                ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                if (dec_error(&d, start, i + got, why, &i) < 0)
                    return NULL;
                continue;
            }
            i += count;
            if (ch > 0x10ffff) {
                if (dec_error(&d, start, i, "illegal Unicode character", &i) < 0)
                    return NULL;
                continue;
            }
            break;
        }
        case 'N':
            return ob_err_format(ob_exc_NotImplementedError,
                                 "Kiln: \\N{...} escapes need the Unicode name database");
        default:
            if (warn_escape(&warned, c < 0x80 ? "invalid escape sequence '\\%c'"
                            : "invalid escape sequence '\\x%02x'", c) < 0)
                return NULL;
            if (cps_put(&d.out, '\\') < 0)
                return NULL;
            ch = c;
            break;
        }
        if (cps_put(&d.out, ch) < 0)
            return NULL;
    }
    return dec_result(&d, len);
}

static KnObject *cd_raw_unicode_escape_decode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                              KnObject *kwnames)
{
    (void)m;
    Dec d;
    int final;
    if (dec_args("raw_unicode_escape_decode", args, nargs, kwnames, &d, &final) < 0)
        return NULL;
    d.encoding = "rawunicodeescape";
    const unsigned char *s = (const unsigned char *)d.b.data;
    kn_ssize_t len = d.b.len, i = 0, run = 0;    /* run: backslashes just before i */
    while (i < len) {
        unsigned char c = s[i];
        if (c == '\\') {
            if (!final && i + 1 == len && run % 2 == 0)
                return dec_result(&d, i);         /* may start an escape */
            run++;
            if (cps_put(&d.out, c) < 0)
                return NULL;
            i++;
            continue;
        }
        if ((c == 'u' || c == 'U') && run % 2 == 1) {
            kn_ssize_t start = i - 1;
            int count = c == 'u' ? 4 : 8, got;
            uint32_t ch = read_hex(s, len, i + 1, count, &got);
            d.out.n--;                            /* the backslash was the escape */
            run = 0;
            if (got < count) {
                if (!final && i + 1 + got == len)
                    return dec_result(&d, start);
                if (dec_error(&d, start, i + 1 + got, c == 'u' ? "truncated \\uXXXX escape"
                              : "truncated \\UXXXXXXXX escape", &i) < 0)
                    return NULL;
                continue;
            }
            i += 1 + count;
            if (ch > 0x10ffff) {
                if (dec_error(&d, start, i, "\\Uxxxxxxxx out of range", &i) < 0)
                    return NULL;
                continue;
            }
            if (cps_put(&d.out, ch) < 0)
                return NULL;
            continue;
        }
        run = 0;
        if (cps_put(&d.out, c) < 0)
            return NULL;
        i++;
    }
    return dec_result(&d, len);
}

/* ---- encoders ---- */

typedef struct Buf { char *p; size_t n, cap; } Buf;

static int buf_put(Buf *b, const char *s, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 64) + n;
        char *np = kgc_alloc_atomic(cap);
        if (np == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (b->n)
            memcpy(np, b->p, b->n);
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}

/* raw: only characters above 0xff are escaped. */
static KnObject *escape_str(const char *fname, int raw, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kwnames)
{
    const char *errors;
    if (cd_args(fname, args, nargs, kwnames, 1, 2) < 0 || cd_check_str(fname, 1, args[0]) < 0
        || cd_get_errors(fname, 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    KnObject *s = args[0];
    kn_ssize_t n = ob_str_length(s);
    Buf b = {NULL, 0, 0};
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = ob_str_read_char(s, i);
        char tmp[16];
        int k;
        if (c >= 0x10000)
            k = snprintf(tmp, sizeof tmp, "\\U%08x", c);
        else if (c >= 0x100)
            k = snprintf(tmp, sizeof tmp, "\\u%04x", c);
        else if (raw)
            tmp[0] = (char)c, k = 1;
        else if (c == '\\')
            k = snprintf(tmp, sizeof tmp, "\\\\");
        else if (c == '\t')
            k = snprintf(tmp, sizeof tmp, "\\t");
        else if (c == '\n')
            k = snprintf(tmp, sizeof tmp, "\\n");
        else if (c == '\r')
            k = snprintf(tmp, sizeof tmp, "\\r");
        else if (c < 0x20 || c >= 0x7f)
            k = snprintf(tmp, sizeof tmp, "\\x%02x", c);
        else
            tmp[0] = (char)c, k = 1;
        if (buf_put(&b, tmp, (size_t)k) < 0)
            return NULL;
    }
    return cd_pair(ob_bytes_from_data(b.p, (kn_ssize_t)b.n), n);
}

static KnObject *cd_unicode_escape_encode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k)
{
    (void)m;
    return escape_str("unicode_escape_encode", 0, a, n, k);
}

static KnObject *cd_raw_unicode_escape_encode(KnObject *m, KnObject *const *a, kn_ssize_t n,
                                              KnObject *k)
{
    (void)m;
    return escape_str("raw_unicode_escape_encode", 1, a, n, k);
}

/* escape_encode(bytes): the inside of repr(bytes) with ' escaped. */
static KnObject *cd_escape_encode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                  KnObject *kwnames)
{
    (void)m;
    const char *errors;
    if (cd_args("escape_encode", args, nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (!KN_BYTES_CHECK(args[0]))
        return ob_err_format(ob_exc_TypeError, "escape_encode() argument 1 must be bytes, not %s",
                             ob_type_name(KN_TYPE(args[0])));
    if (cd_get_errors("escape_encode", 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    const unsigned char *s = (const unsigned char *)KN_BYTES_AS_STRING(args[0]);
    kn_ssize_t n = KN_SIZE(args[0]);
    Buf b = {NULL, 0, 0};
    for (kn_ssize_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        char tmp[8];
        int k;
        if (c == '\\' || c == '\'')
            k = snprintf(tmp, sizeof tmp, "\\%c", c);
        else if (c == '\t')
            k = snprintf(tmp, sizeof tmp, "\\t");
        else if (c == '\n')
            k = snprintf(tmp, sizeof tmp, "\\n");
        else if (c == '\r')
            k = snprintf(tmp, sizeof tmp, "\\r");
        else if (c < 0x20 || c >= 0x7f)
            k = snprintf(tmp, sizeof tmp, "\\x%02x", c);
        else
            tmp[0] = (char)c, k = 1;
        if (buf_put(&b, tmp, (size_t)k) < 0)
            return NULL;
    }
    return cd_pair(ob_bytes_from_data(b.p, (kn_ssize_t)b.n), n);
}

/* escape_decode(data): bytes-literal escapes of bytes (or a str's UTF-8). */
static KnObject *cd_escape_decode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                  KnObject *kwnames)
{
    (void)m;
    const char *errors;
    CdBytes in;
    if (cd_args("escape_decode", args, nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (KN_STR_CHECK(args[0])) {
        in.data = ob_str_as_utf8(args[0], &in.len);
        if (in.data == NULL)
            return NULL;
    } else if (cd_get_bytes(args[0], &in) < 0) {
        return NULL;
    }
    if (cd_get_errors("escape_decode", 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    const unsigned char *s = (const unsigned char *)in.data;
    kn_ssize_t len = in.len, i = 0;
    int warned = 0;
    Buf b = {NULL, 0, 0};
    while (i < len) {
        char ch;
        if (s[i] != '\\') {
            ch = (char)s[i++];
            if (buf_put(&b, &ch, 1) < 0)
                return NULL;
            continue;
        }
        kn_ssize_t at = i;
        if (++i >= len)
            return ob_err_format(ob_exc_ValueError, "Trailing \\ in string");
        unsigned char c = s[i++];
        uint32_t v;
        int common = common_escape(s, len, &i, c, &warned, &v);
        if (common < 0)
            return NULL;
        if (common == 2)
            continue;
        if (common == 1) {
            ch = (char)(v & 0xff);
            if (buf_put(&b, &ch, 1) < 0)
                return NULL;
            continue;
        }
        switch (c) {
        case 'x':
            if (i + 1 < len && hexval(s[i]) >= 0 && hexval(s[i + 1]) >= 0) {
                v = (unsigned)(hexval(s[i]) * 16 + hexval(s[i + 1]));
                i += 2;
                break;
            }
            if (errors == NULL || strcmp(errors, "strict") == 0)
                return ob_err_format(ob_exc_ValueError, "invalid \\x escape at position %zd", at);
            if (strcmp(errors, "replace") == 0) {
                if (buf_put(&b, "?", 1) < 0)
                    return NULL;
            } else if (strcmp(errors, "ignore") != 0) {
                return ob_err_format(ob_exc_ValueError,
                                     "decoding error; unknown error handling code: %s", errors);
            }
            if (i < len && hexval(s[i]) >= 0)
                i++;
            continue;
        default:
            if (warn_escape(&warned, c < 0x80 ? "invalid escape sequence '\\%c'"
                            : "invalid escape sequence '\\x%02x'", c) < 0)
                return NULL;
            if (buf_put(&b, "\\", 1) < 0)
                return NULL;
            v = c;
            break;
        }
        ch = (char)v;
        if (buf_put(&b, &ch, 1) < 0)
            return NULL;
    }
    return cd_pair(ob_bytes_from_data(b.p, (kn_ssize_t)b.n), len);
}

#define FK KN_METH_FASTCALL | KN_METH_KEYWORDS
KnMethodDef cd_escape_methods[] = {
    {"unicode_escape_decode", (KnCFunction)(void *)cd_unicode_escape_decode, FK, NULL},
    {"unicode_escape_encode", (KnCFunction)(void *)cd_unicode_escape_encode, FK, NULL},
    {"raw_unicode_escape_decode", (KnCFunction)(void *)cd_raw_unicode_escape_decode, FK, NULL},
    {"raw_unicode_escape_encode", (KnCFunction)(void *)cd_raw_unicode_escape_encode, FK, NULL},
    {"escape_encode", (KnCFunction)(void *)cd_escape_encode, FK, NULL},
    {"escape_decode", (KnCFunction)(void *)cd_escape_decode, FK, NULL},
    {NULL, NULL, 0, NULL}
};
