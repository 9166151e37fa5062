/*
 * json_string.c — the str side of `_json`: the JsonBuf string builder,
 * JSON string escaping (encode_basestring[_ascii]) and scanstring, the
 * decoder of a JSON string literal with CPython 3.11's error positions:
 * "Invalid \escape" at the backslash, "Invalid \uXXXX escape" at the 'u',
 * "Unterminated string starting at" the opening quote.
 */
#include <string.h>

#include "libgc/gc.h"
#include "json_internal.h"

static int kind_for(uint32_t c)
{
    return c < 0x100 ? 1 : c < 0x10000 ? 2 : 4;
}

void json_buf_init(JsonBuf *b, kn_ssize_t cap)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->kind = 1;
    if (cap > 0) {
        b->data = kgc_alloc_atomic((size_t)cap);
        if (b->data != NULL)
            b->cap = cap;
    }
}

int json_buf_reserve(JsonBuf *b, kn_ssize_t n, uint32_t maxchar)
{
    int k = kind_for(maxchar);
    kn_ssize_t need = b->len + n;
    if (k <= b->kind && need <= b->cap)
        return 0;
    if (k < b->kind)
        k = b->kind;
    kn_ssize_t cap = b->cap;
    if (need > cap)
        cap = need + need / 2 + 64;
    if (k == b->kind) {
        void *p = b->data ? kgc_realloc(b->data, (size_t)cap * (size_t)k)
                          : kgc_alloc_atomic((size_t)cap * (size_t)k);
        if (p == NULL) {
            ob_err_nomemory();
            return -1;
        }
        b->data = p;
        b->cap = cap;
        return 0;
    }
    void *p = kgc_alloc_atomic((size_t)cap * (size_t)k);
    if (p == NULL) {
        ob_err_nomemory();
        return -1;
    }
    for (kn_ssize_t i = 0; i < b->len; i++)
        KN_STR_WRITE(k, p, i, KN_STR_READ(b->kind, b->data, i));
    b->data = p;
    b->cap = cap;
    b->kind = k;
    return 0;
}

int json_buf_putc(JsonBuf *b, uint32_t c)
{
    if (json_buf_reserve(b, 1, c) < 0)
        return -1;
    KN_STR_WRITE(b->kind, b->data, b->len, c);
    b->len++;
    return 0;
}

int json_buf_ascii(JsonBuf *b, const char *s, kn_ssize_t n)
{
    if (json_buf_reserve(b, n, 0x7f) < 0)
        return -1;
    if (b->kind == 1) {
        memcpy((char *)b->data + b->len, s, (size_t)n);
    } else {
        for (kn_ssize_t i = 0; i < n; i++)
            KN_STR_WRITE(b->kind, b->data, b->len + i, (unsigned char)s[i]);
    }
    b->len += n;
    return 0;
}

int json_buf_str(JsonBuf *b, KnObject *s, kn_ssize_t start, kn_ssize_t end)
{
    kn_ssize_t n = end - start;
    if (n <= 0)
        return 0;
    int sk = KN_STR_KIND(s);
    const void *sd = KN_STR_DATA(s);
    if (json_buf_reserve(b, n, ob_str_max_char(s)) < 0)
        return -1;
    if (sk == b->kind) {
        memcpy((char *)b->data + b->len * sk, (const char *)sd + start * sk, (size_t)(n * sk));
    } else {
        for (kn_ssize_t i = 0; i < n; i++)
            KN_STR_WRITE(b->kind, b->data, b->len + i, KN_STR_READ(sk, sd, start + i));
    }
    b->len += n;
    return 0;
}

KnObject *json_buf_finish(JsonBuf *b)
{
    if (b->len == 0)
        return ob_str_empty();
    return ob_str_from_kind_data(b->kind, b->data, b->len);
}

/* ---- escaping ---- */

static const char hexdig[] = "0123456789abcdef";

/* The short escape for c ('n' for '\n', ...), or 0. */
static char short_escape(uint32_t c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    default: return 0;
    }
}

/* Output units for c: 1 plain, 2 short escape, 6 \uXXXX, 12 a surrogate pair. */
static int escaped_width(uint32_t c, int ascii_only)
{
    if (c >= ' ' && c != '"' && c != '\\' && (c <= '~' || !ascii_only))
        return 1;
    if (short_escape(c))
        return 2;
    return c >= 0x10000 ? 12 : 6;
}

static kn_ssize_t put_u(char *o, uint32_t c)
{
    o[0] = '\\';
    o[1] = 'u';
    o[2] = hexdig[(c >> 12) & 0xf];
    o[3] = hexdig[(c >> 8) & 0xf];
    o[4] = hexdig[(c >> 4) & 0xf];
    o[5] = hexdig[c & 0xf];
    return 6;
}

int json_plain_ascii(const void *data, kn_ssize_t n)
{
    const uint8_t *p = data;
    for (kn_ssize_t i = 0; i < n; i++)
        if (p[i] < ' ' || p[i] == '"' || p[i] == '\\' || p[i] > '~')
            return 0;
    return 1;
}

int json_escape_into(JsonBuf *b, KnObject *s, int ascii_only)
{
    kn_ssize_t n = KN_STR_LEN(s);
    int sk = KN_STR_KIND(s);
    const void *sd = KN_STR_DATA(s);
    kn_ssize_t out = 2;
    for (kn_ssize_t i = 0; i < n; i++)
        out += escaped_width(KN_STR_READ(sk, sd, i), ascii_only);
    uint32_t maxchar = ascii_only ? 0x7f : ob_str_max_char(s);
    if (json_buf_reserve(b, out, maxchar) < 0)
        return -1;
    int k = b->kind;
    void *d = b->data;
    kn_ssize_t at = b->len;
    KN_STR_WRITE(k, d, at, '"');
    at++;
    if (out == n + 2 && sk == k) {
        memcpy((char *)d + at * k, sd, (size_t)(n * k));
        at += n;
    } else {
        for (kn_ssize_t i = 0; i < n; i++) {
            uint32_t c = KN_STR_READ(sk, sd, i);
            int w = escaped_width(c, ascii_only);
            if (w == 1) {
                KN_STR_WRITE(k, d, at, c);
                at++;
                continue;
            }
            char tmp[12];
            kn_ssize_t m;
            if (w == 2) {
                tmp[0] = '\\';
                tmp[1] = short_escape(c);
                m = 2;
            } else if (w == 6) {
                m = put_u(tmp, c);
            } else {
                uint32_t v = c - 0x10000;
                m = put_u(tmp, 0xD800 | (v >> 10));
                m += put_u(tmp + 6, 0xDC00 | (v & 0x3ff));
            }
            for (kn_ssize_t j = 0; j < m; j++)
                KN_STR_WRITE(k, d, at + j, (unsigned char)tmp[j]);
            at += m;
        }
    }
    KN_STR_WRITE(k, d, at, '"');
    b->len = at + 1;
    return 0;
}

/* ---- scanstring ---- */

static int hex4(int kind, const void *data, kn_ssize_t at, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        uint32_t c = KN_STR_READ(kind, data, at + i), d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v << 4 | d;
    }
    *out = v;
    return 0;
}

KnObject *json_scanstring(KnObject *s, kn_ssize_t end, int strict, kn_ssize_t *next)
{
    kn_ssize_t len = KN_STR_LEN(s);
    if (end < 0 || len < end) {
        ob_err_set_string(ob_exc_ValueError, "end is out of bounds");
        return NULL;
    }
    int kind = KN_STR_KIND(s);
    const void *data = KN_STR_DATA(s);
    kn_ssize_t begin = end - 1, pos = end;
    JsonBuf b;
    int buffered = 0;
    for (;;) {
        kn_ssize_t i = pos;
        uint32_t c = 0;
        if (kind == 1) {
            const uint8_t *p = data;
            for (; i < len; i++) {
                c = p[i];
                if (c == '"' || c == '\\' || (c < 0x20 && strict))
                    break;
            }
        } else {
            for (; i < len; i++) {
                c = KN_STR_READ(kind, data, i);
                if (c == '"' || c == '\\' || (c < 0x20 && strict))
                    break;
            }
        }
        if (i < len && c < 0x20)
            return json_raise_errmsg("Invalid control character at", s, i);
        if (i >= len)
            return json_raise_errmsg("Unterminated string starting at", s, begin);
        if (c == '"' && !buffered) {
            *next = i + 1;
            return ob_str_substring(s, pos, i);
        }
        if (!buffered) {
            json_buf_init(&b, (i - pos) + 16);
            buffered = 1;
        }
        if (json_buf_str(&b, s, pos, i) < 0)
            return NULL;
        if (c == '"') {
            *next = i + 1;
            return json_buf_finish(&b);
        }
        /* a backslash at i */
        i++;
        if (i == len)
            return json_raise_errmsg("Unterminated string starting at", s, begin);
        c = KN_STR_READ(kind, data, i);
        if (c != 'u') {
            switch (c) {
            case '"': case '\\': case '/': break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default:
                return json_raise_errmsg("Invalid \\escape", s, i - 1);
            }
            if (json_buf_putc(&b, c) < 0)
                return NULL;
            pos = i + 1;
            continue;
        }
        /* \uXXXX at i ('u'); the digits are i+1 .. i+4 */
        kn_ssize_t e = i + 5;
        if (e >= len || hex4(kind, data, i + 1, &c) < 0)
            return json_raise_errmsg("Invalid \\uXXXX escape", s, i);
        if (c >= 0xD800 && c <= 0xDBFF && e + 6 < len && KN_STR_READ(kind, data, e) == '\\'
            && KN_STR_READ(kind, data, e + 1) == 'u') {
            uint32_t c2;
            if (hex4(kind, data, e + 2, &c2) < 0)
                return json_raise_errmsg("Invalid \\uXXXX escape", s, e + 1);
            if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
                c = 0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00));
                e += 6;
            }
        }
        if (json_buf_putc(&b, c) < 0)
            return NULL;
        pos = e;
    }
}
