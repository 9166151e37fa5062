/* strlit.c — string literal bodies to values: CPython 3.11's escape
 * decoding for str ("unicodeescape") and bytes literals, with its error
 * messages and positions.  See NOTES-tokenizer.md, "String literals". */
#include "libparse/token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_names.h"
#include "utf8.h"

int ps_strlit_parse(const char *tok, size_t len, ps_strlit *out)
{
    size_t i = 0;
    unsigned flags = 0;
    memset(out, 0, sizeof *out);
    for (; i < len && i < 3; i++) {
        char c = tok[i];
        if (c == 'r' || c == 'R') flags |= PS_STR_RAW;
        else if (c == 'b' || c == 'B') flags |= PS_STR_BYTES;
        else if (c == 'f' || c == 'F') flags |= PS_STR_FSTRING;
        else if (c == 'u' || c == 'U') flags |= PS_STR_UNICODE;
        else break;
    }
    if (i >= len || (tok[i] != '\'' && tok[i] != '"'))
        return -1;
    char q = tok[i];
    size_t rest = len - i;
    int ql = (rest >= 6 && tok[i + 1] == q && tok[i + 2] == q) ? 3 : 1;
    if (rest < 2 * (size_t)ql)
        return -1;
    for (int k = 1; k <= ql; k++)
        if (tok[len - (size_t)k] != q)
            return -1;
    out->flags = flags;
    out->quote_len = ql;
    out->quote = q;
    out->body = tok + i + ql;
    out->body_len = rest - 2 * (size_t)ql;
    return 0;
}

/* Growable output.  Worst case is 4 bytes per input byte ("\777" is 4 in,
 * 2 out; "\U0010FFFF" 10 in, 4 out; literal text 1:1), so one allocation of
 * len + 1 suffices: every escape shrinks or keeps the size. */
typedef struct out_buf {
    char *p;
    size_t n;
} out_buf;

static int warn_escape(ps_warn_fn warn, void *ctx, ps_error *err, const char *esc,
                       size_t avail)
{
    char msg[64];
    unsigned char c = (unsigned char)esc[0];
    if (c >= '4' && c <= '7')
        snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%.*s'",
                 (int)(avail < 3 ? avail : 3), esc);
    else
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%c'", c);
    if (!warn)
        return 0;
    if (warn(ctx, PS_WARN_DEPRECATION, 0, -1, msg) < 0)
        return ps_error_setf(err, PS_ERR_SYNTAX, "%s", msg);
    return 0;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The unicodeescape codec's error: positions [start, end) are in CPython's
 * intermediate buffer, where each non-ASCII character was spelled
 * "\UXXXXXXXX" (10 positions) and a backslash before one "\u005c". */
static int uerr(ps_error *err, size_t start, size_t end, unsigned char byte,
                const char *why)
{
    if (end - start > 1)
        return ps_error_setf(err, PS_ERR_DECODE, "(unicode error) 'unicodeescape' "
                             "codec can't decode bytes in position %zu-%zu: %s",
                             start, end - 1, why);
    return ps_error_setf(err, PS_ERR_DECODE, "(unicode error) 'unicodeescape' "
                         "codec can't decode byte 0x%02x in position %zu: %s",
                         byte, start, why);
}

static int decode_str(const unsigned char *s, size_t len, out_buf *o,
                      ps_warn_fn warn, void *ctx, ps_error *err)
{
    size_t i = 0, vpos = 0;   /* vpos: position in CPython's intermediate text */
    const unsigned char *first_invalid = NULL;
    size_t first_avail = 0;
    /* CPython first re-spells the whole body (decoding every run of
     * non-ASCII bytes on its own), then decodes escapes: so UTF-8 errors,
     * with run-relative positions, win over escape errors. */
    for (size_t k = 0; k < len;) {
        if (s[k] < 0x80) {
            k++;
            continue;
        }
        size_t j = k;
        while (j < len && s[j] >= 0x80)
            j++;
        size_t bad, bad_end;
        const char *why;
        if (ps_utf8_find_error(s + k, j - k, &bad, &bad_end, &why))
            return ps_utf8_error(err, s + k, j - k);
        k = j;
    }
    while (i < len) {
        unsigned char c = s[i];
        if (c >= 0x80) {
            size_t j = i;
            while (j < len && s[j] >= 0x80)
                j++;
            while (i < j) {
                uint32_t cp;
                size_t k = ps_utf8_decode(s + i, j - i, &cp);
                memcpy(o->p + o->n, s + i, k);
                o->n += k;
                i += k;
                vpos += 10;
            }
            continue;
        }
        if (c != '\\') {
            o->p[o->n++] = (char)c;
            i++;
            vpos++;
            continue;
        }
        size_t esc_v = vpos;
        if (i + 1 >= len || s[i + 1] >= 0x80) {
            /* "\" before a non-ASCII char (or at the end) is literal */
            o->p[o->n++] = '\\';
            i++;
            vpos += 6;
            continue;
        }
        unsigned char e = s[i + 1];
        i += 2;
        vpos += 2;
        uint32_t ch;
        int count = 0;
        const char *why = NULL;
        switch (e) {
        case '\n': continue;
        case '\\': o->p[o->n++] = '\\'; continue;
        case '\'': o->p[o->n++] = '\''; continue;
        case '"': o->p[o->n++] = '"'; continue;
        case 'b': o->p[o->n++] = '\b'; continue;
        case 'f': o->p[o->n++] = '\f'; continue;
        case 't': o->p[o->n++] = '\t'; continue;
        case 'n': o->p[o->n++] = '\n'; continue;
        case 'r': o->p[o->n++] = '\r'; continue;
        case 'v': o->p[o->n++] = '\v'; continue;
        case 'a': o->p[o->n++] = '\a'; continue;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            ch = (uint32_t)(e - '0');
            for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++) {
                ch = (ch << 3) + (uint32_t)(s[i++] - '0');
                vpos++;
            }
            if (ch > 0377 && !first_invalid) {
                first_invalid = s + i - 3;
                first_avail = 3;
            }
            o->n += ps_utf8_encode(o->p + o->n, ch);
            continue;
        case 'x': count = 2; why = "truncated \\xXX escape"; break;
        case 'u': count = 4; why = "truncated \\uXXXX escape"; break;
        case 'U': count = 8; why = "truncated \\UXXXXXXXX escape"; break;
        case 'N': {
            why = "malformed \\N character escape";
            if (i >= len || s[i] != '{')
                return uerr(err, esc_v, vpos + (i < len ? 0 : 0), '\\', why);
            size_t nb = i + 1, ne = nb;
            while (ne < len && s[ne] != '}' && s[ne] < 0x80)
                ne++;
            /* CPython scans the intermediate text for '}'; a non-ASCII char
             * there reads as "\U..." and can never be part of a name. */
            while (ne < len && s[ne] != '}')
                ne++;
            if (ne >= len) {
                /* no closing brace: error runs to the end of the text */
                size_t vend = vpos + 1;
                for (size_t k = nb; k < len; k++)
                    vend += s[k] < 0x80 ? 1 : ((s[k] & 0xC0) != 0x80 ? 10 : 0);
                return uerr(err, esc_v, vend, '\\', why);
            }
            size_t vend = vpos + 1;
            int ascii = 1;
            for (size_t k = nb; k < ne; k++) {
                if (s[k] >= 0x80) {
                    ascii = 0;
                    vend += (s[k] & 0xC0) != 0x80 ? 10 : 0;
                } else {
                    vend++;
                }
            }
            if (ne == nb)
                return uerr(err, esc_v, vend, '\\', why);
            vend++;   /* the '}' */
            if (!ascii || !ps_uni_lookup_name((const char *)s + nb, ne - nb, &ch))
                return uerr(err, esc_v, vend, '\\', "unknown Unicode character name");
            o->n += ps_utf8_encode(o->p + o->n, ch);
            i = ne + 1;
            vpos = vend;
            continue;
        }
        default:
            if (!first_invalid) {
                first_invalid = s + i - 1;
                first_avail = 1;
            }
            o->p[o->n++] = '\\';
            o->p[o->n++] = (char)e;
            continue;
        }
        /* \x \u \U */
        ch = 0;
        for (; count; count--) {
            if (i >= len)
                return uerr(err, esc_v, vpos, '\\', why);
            int h = hexval(s[i]);
            if (h < 0)
                return uerr(err, esc_v, vpos, '\\', why);
            ch = (ch << 4) | (uint32_t)h;
            i++;
            vpos++;
        }
        if (ch > 0x10FFFF)
            return uerr(err, esc_v, vpos, '\\', "illegal Unicode character");
        o->n += ps_utf8_encode(o->p + o->n, ch);
    }
    if (first_invalid && warn_escape(warn, ctx, err, (const char *)first_invalid,
                                     first_avail) < 0)
        return -1;
    return 0;
}

static int decode_bytes(const unsigned char *s, size_t len, out_buf *o,
                        ps_warn_fn warn, void *ctx, ps_error *err)
{
    size_t i = 0;
    const unsigned char *first_invalid = NULL;
    size_t first_avail = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c != '\\') {
            o->p[o->n++] = (char)c;
            i++;
            continue;
        }
        if (i + 1 >= len)
            return ps_error_setf(err, PS_ERR_SYNTAX, "(value error) Trailing \\ in string");
        unsigned char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': continue;
        case '\\': o->p[o->n++] = '\\'; continue;
        case '\'': o->p[o->n++] = '\''; continue;
        case '"': o->p[o->n++] = '"'; continue;
        case 'b': o->p[o->n++] = '\b'; continue;
        case 'f': o->p[o->n++] = '\f'; continue;
        case 't': o->p[o->n++] = '\t'; continue;
        case 'n': o->p[o->n++] = '\n'; continue;
        case 'r': o->p[o->n++] = '\r'; continue;
        case 'v': o->p[o->n++] = '\v'; continue;
        case 'a': o->p[o->n++] = '\a'; continue;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(e - '0');
            for (int k = 0; k < 2 && i < len && s[i] >= '0' && s[i] <= '7'; k++)
                v = (v << 3) + (unsigned)(s[i++] - '0');
            if (v > 0377 && !first_invalid) {
                first_invalid = s + i - 3;
                first_avail = 3;
            }
            o->p[o->n++] = (char)(v & 0xFF);
            continue;
        }
        case 'x':
            if (i + 1 < len && hexval(s[i]) >= 0 && hexval(s[i + 1]) >= 0) {
                o->p[o->n++] = (char)(hexval(s[i]) * 16 + hexval(s[i + 1]));
                i += 2;
                continue;
            }
            return ps_error_setf(err, PS_ERR_SYNTAX,
                                 "(value error) invalid \\x escape at position %zu", i - 2);
        default:
            if (!first_invalid) {
                first_invalid = s + i - 1;
                first_avail = 1;
            }
            o->p[o->n++] = '\\';
            o->p[o->n++] = (char)e;
            continue;
        }
    }
    if (first_invalid && warn_escape(warn, ctx, err, (const char *)first_invalid,
                                     first_avail) < 0)
        return -1;
    return 0;
}

int ps_decode_body(const char *body, size_t len, unsigned flags,
                   char **out, size_t *out_len,
                   ps_warn_fn warn, void *warn_ctx, ps_error *err)
{
    const unsigned char *s = (const unsigned char *)body;
    out_buf o = {malloc(len + 1), 0};
    *out = NULL;
    *out_len = 0;
    if (!o.p)
        return ps_error_nomem(err);
    if (flags & PS_STR_BYTES) {
        for (size_t i = 0; i < len; i++)
            if (s[i] >= 0x80) {
                ps_error_setf(err, PS_ERR_SYNTAX,
                              "bytes can only contain ASCII literal characters");
                goto error;
            }
    }
    /* CPython decodes a body without backslashes in one go, except the
     * literal pieces of a (non-raw) f-string, which always go through the
     * escape decoder: there undecodable bytes count from their run */
    int raw = (flags & PS_STR_RAW)
              || (!(flags & PS_STR_FSTRING) && !memchr(body, '\\', len));
    if (raw) {
        if (!(flags & PS_STR_BYTES) && ps_utf8_find_error(s, len, &(size_t){0},
                                                         &(size_t){0}, &(const char *){0})) {
            ps_utf8_error(err, s, len);
            goto error;
        }
        memcpy(o.p, body, len);
        o.n = len;
    } else if (flags & PS_STR_BYTES) {
        if (decode_bytes(s, len, &o, warn, warn_ctx, err) < 0)
            goto error;
    } else {
        if (decode_str(s, len, &o, warn, warn_ctx, err) < 0)
            goto error;
    }
    o.p[o.n] = '\0';
    *out = o.p;
    *out_len = o.n;
    return 0;

error:
    free(o.p);
    return -1;
}

int ps_decode_string(const char *tok, size_t len, char **out, size_t *out_len,
                     unsigned *flags, ps_warn_fn warn, void *warn_ctx,
                     ps_error *err)
{
    ps_strlit lit;
    if (ps_strlit_parse(tok, len, &lit) < 0)
        return ps_error_setf(err, PS_ERR_SYNTAX, "malformed string literal");
    if (flags)
        *flags = lit.flags;
    return ps_decode_body(lit.body, lit.body_len, lit.flags, out, out_len,
                          warn, warn_ctx, err);
}
