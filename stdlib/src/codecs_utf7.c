/*
 * codecs_utf7.c — UTF-7 (RFC 2152) as CPython's utf_7_encode /
 * utf_7_decode do it.
 *
 * Encoding: ASCII characters other than '+', '\\', '~' and the controls
 * (tab, CR, LF excepted) are written directly; '+' alone becomes "+-";
 * everything else goes into a base64 run of UTF-16 units, closed before
 * the next direct character ('-' written when that character is a base64
 * letter or '-') and at the end.
 *
 * Decoding keeps a bit buffer; a UTF-16 leading surrogate waits for its
 * trailing one.  Errors (through the handler registry) are "ill-formed
 * sequence" ('+' followed by a non-base64 byte), "partial character in
 * shift sequence" / "non-zero padding bits in shift sequence" (left-over
 * bits when a run ends; the closing byte is part of the error),
 * "unterminated shift sequence" (at the end) and "unexpected special
 * character" (a byte >= 0x80).  With final false an open run is left
 * unconsumed, and what it produced is taken back.
 */
#include <string.h>

#include "codecs_internal.h"

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64val(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

static int direct(uint32_t c)
{
    if (c >= 128 || c == '+' || c == '\\' || c == '~')
        return 0;
    return c >= 0x20 ? c != 0x7f : (c == '\t' || c == '\r' || c == '\n');
}

/* ---- encode ---- */

typedef struct Out { char *p; size_t n, cap; } Out;

static int out_put(Out *o, char c)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        char *np = kgc_alloc_atomic(cap);
        if (np == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (o->n)
            memcpy(np, o->p, o->n);
        o->p = np;
        o->cap = cap;
    }
    o->p[o->n++] = c;
    return 0;
}

static KnObject *cd_utf_7_encode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kwnames)
{
    (void)m;
    const char *errors;
    if (cd_args("utf_7_encode", args, nargs, kwnames, 1, 2) < 0
        || cd_check_str("utf_7_encode", 1, args[0]) < 0
        || cd_get_errors("utf_7_encode", 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    KnObject *s = args[0];
    kn_ssize_t n = ob_str_length(s);
    Out o = {NULL, 0, 0};
    int shift = 0, bits = 0;
    uint32_t buf = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = ob_str_read_char(s, i);
        if (direct(c)) {
            if (shift) {
                if (bits > 0 && out_put(&o, b64[(buf << (6 - bits)) & 63]) < 0)
                    return NULL;
                if ((b64val((unsigned char)c) >= 0 || c == '-') && out_put(&o, '-') < 0)
                    return NULL;
                shift = 0;
                bits = 0;
            }
            if (out_put(&o, (char)c) < 0)
                return NULL;
            continue;
        }
        if (!shift && c == '+') {
            if (out_put(&o, '+') < 0 || out_put(&o, '-') < 0)
                return NULL;
            continue;
        }
        if (!shift) {
            if (out_put(&o, '+') < 0)
                return NULL;
            shift = 1;
        }
        uint32_t units[2];
        int nu = 0;
        if (c >= 0x10000) {
            units[nu++] = 0xd800 + ((c - 0x10000) >> 10);
            units[nu++] = 0xdc00 + ((c - 0x10000) & 0x3ff);
        } else {
            units[nu++] = c;
        }
        for (int u = 0; u < nu; u++) {
            buf = (buf << 16) | units[u];
            bits += 16;
            while (bits >= 6) {
                bits -= 6;
                if (out_put(&o, b64[(buf >> bits) & 63]) < 0)
                    return NULL;
            }
            buf &= (1u << bits) - 1;
        }
    }
    if (shift) {
        if (bits > 0 && out_put(&o, b64[(buf << (6 - bits)) & 63]) < 0)
            return NULL;
        if (out_put(&o, '-') < 0)
            return NULL;
    }
    return cd_pair(ob_bytes_from_data(o.p, (kn_ssize_t)o.n), n);
}

/* ---- decode ---- */

typedef struct U7 {
    const char *errors;
    KnObject *bytes_obj;
    CdBytes b;
    uint32_t *cp;
    kn_ssize_t n, cap;
} U7;

static int u7_put(U7 *d, uint32_t c)
{
    if (d->n == d->cap) {
        kn_ssize_t cap = d->cap ? d->cap * 2 : 64;
        uint32_t *np = kgc_alloc_atomic((size_t)cap * sizeof(uint32_t));
        if (np == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (d->n)
            memcpy(np, d->cp, (size_t)d->n * sizeof(uint32_t));
        d->cp = np;
        d->cap = cap;
    }
    d->cp[d->n++] = c;
    return 0;
}

/* Handler for [start, end); *next: where to resume. */
static int u7_error(U7 *d, kn_ssize_t start, kn_ssize_t end, const char *reason, kn_ssize_t *next)
{
    if (d->bytes_obj == NULL && (d->bytes_obj = ob_bytes_from_data(d->b.data, d->b.len)) == NULL)
        return -1;
    KnObject *rep;
    if (cd_call_handler("utf7", reason, d->errors, ob_exc_UnicodeDecodeError, d->bytes_obj,
                        d->b.len, start, end, &rep, next) < 0)
        return -1;
    kn_ssize_t n = ob_str_length(rep);
    for (kn_ssize_t i = 0; i < n; i++)
        if (u7_put(d, ob_str_read_char(rep, i)) < 0)
            return -1;
    return 0;
}

static KnObject *u7_result(U7 *d, kn_ssize_t consumed)
{
    KnObject *s = d->n ? ob_str_from_codepoints(d->cp, d->n) : ob_str_empty();
    return cd_pair(s, consumed);
}

static KnObject *cd_utf_7_decode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kwnames)
{
    (void)m;
    U7 d;
    memset(&d, 0, sizeof d);
    if (cd_args("utf_7_decode", args, nargs, kwnames, 1, 3) < 0 || cd_get_bytes(args[0], &d.b) < 0
        || cd_get_errors("utf_7_decode", 2, nargs > 1 ? args[1] : NULL, &d.errors) < 0)
        return NULL;
    int final = nargs > 2 ? ob_is_true(args[2]) : 0;
    if (final < 0)
        return NULL;
    const unsigned char *s = (const unsigned char *)d.b.data;
    kn_ssize_t len = d.b.len, i = 0, start = 0, out_at_start = 0;
    int shift = 0, bits = 0;
    uint32_t buf = 0, surrogate = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (shift) {
            int v = b64val(c);
            if (v >= 0) {
                buf = (buf << 6) | (uint32_t)v;
                bits += 6;
                i++;
                if (bits >= 16) {
                    bits -= 16;
                    uint32_t unit = (buf >> bits) & 0xffff;
                    buf &= (1u << bits) - 1;
                    if (surrogate) {
                        if (unit >= 0xdc00 && unit <= 0xdfff) {
                            if (u7_put(&d, 0x10000 + ((surrogate - 0xd800) << 10) + (unit - 0xdc00)) < 0)
                                return NULL;
                            surrogate = 0;
                            continue;
                        }
                        if (u7_put(&d, surrogate) < 0)
                            return NULL;
                        surrogate = 0;
                    }
                    if (unit >= 0xd800 && unit <= 0xdbff)
                        surrogate = unit;
                    else if (u7_put(&d, unit) < 0)
                        return NULL;
                }
                continue;
            }
            /* the run ends here */
            shift = 0;
            if (bits >= 6 || buf != 0) {
                const char *why = bits >= 6 ? "partial character in shift sequence"
                                : "non-zero padding bits in shift sequence";
                surrogate = 0;
                bits = 0;
                buf = 0;
                if (u7_error(&d, start, i + 1, why, &i) < 0)
                    return NULL;
                continue;
            }
            bits = 0;
            if (surrogate) {
                if (u7_put(&d, surrogate) < 0)
                    return NULL;
                surrogate = 0;
            }
            if (c == '-')
                i++;
            continue;                        /* c is read again, outside the run */
        }
        if (c == '+') {
            start = i;
            if (i + 1 < len && s[i + 1] == '-') {
                if (u7_put(&d, '+') < 0)
                    return NULL;
                i += 2;
            } else if (i + 1 < len && b64val(s[i + 1]) < 0) {
                if (u7_error(&d, i, i + 2, "ill-formed sequence", &i) < 0)
                    return NULL;
            } else {
                shift = 1;
                out_at_start = d.n;
                bits = 0;
                buf = 0;
                surrogate = 0;
                i++;
            }
            continue;
        }
        if (c < 0x80) {
            if (u7_put(&d, c) < 0)
                return NULL;
            i++;
            continue;
        }
        if (u7_error(&d, i, i + 1, "unexpected special character", &i) < 0)
            return NULL;
    }
    if (shift) {
        if (!final) {
            d.n = out_at_start;              /* the open run is decoded again later */
            return u7_result(&d, start);
        }
        if (surrogate || bits >= 6 || buf != 0) {
            kn_ssize_t next;
            if (u7_error(&d, start, len, "unterminated shift sequence", &next) < 0)
                return NULL;
        }
    }
    return u7_result(&d, len);
}

KnMethodDef cd_utf7_methods[] = {
    {"utf_7_encode", (KnCFunction)(void *)cd_utf_7_encode, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"utf_7_decode", (KnCFunction)(void *)cd_utf_7_decode, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};
