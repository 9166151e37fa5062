/*
 * binascii_qp.c — quoted-printable (RFC 1521 §5.1) for binascii, with
 * CPython 3.11's choices: 76-character lines with "=" soft breaks, CRLF
 * line ends kept when the first newline is preceded by "\r", a "." alone
 * at a line start quoted, trailing blanks before a newline quoted, "_"
 * for space in headers; decoding keeps malformed "=" sequences as text.
 */
#include "binascii_internal.h"

#define MAXLINE 76

static const char HEX[] = "0123456789ABCDEF";

KnObject *ba_a2b_qp(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "data", "header", NULL };
    KnArgSpec spec = { "a2b_qp", names, 1, 2, 0 };
    KnObject *a[2];
    BaData d;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int header = 0;
    if (a[1] != NULL && (header = ob_is_true(a[1])) < 0)
        return NULL;
    if (ba_ascii_arg(a[0], &d) < 0)
        return NULL;
    uint8_t *out = ba_alloc((size_t)d.n);
    if (out == NULL) {
        ba_release(&d);
        return NULL;
    }
    size_t o = 0;
    kn_ssize_t i = 0, n = d.n;
    const uint8_t *p = d.p;
    while (i < n) {
        if (p[i] == '=') {
            if (++i >= n)
                break;
            if (p[i] == '\n' || p[i] == '\r') {          /* soft line break */
                while (i < n && p[i] != '\n')
                    i++;
                if (i < n)
                    i++;
            } else if (p[i] == '=') {
                out[o++] = '=';
                i++;
            } else if (i + 1 < n && ba_hexval(p[i]) >= 0 && ba_hexval(p[i + 1]) >= 0) {
                out[o++] = (uint8_t)(ba_hexval(p[i]) << 4 | ba_hexval(p[i + 1]));
                i += 2;
            } else {
                out[o++] = '=';
            }
        } else if (header && p[i] == '_') {
            out[o++] = ' ';
            i++;
        } else {
            out[o++] = p[i++];
        }
    }
    ba_release(&d);
    return ob_bytes_from_data(out, (kn_ssize_t)o);
}

typedef struct {
    uint8_t *buf;
    size_t len;
    int crlf;
} QpOut;

static void put(QpOut *q, uint8_t c)
{
    q->buf[q->len++] = c;
}

static void put_hex(QpOut *q, uint8_t c)
{
    put(q, '=');
    put(q, (uint8_t)HEX[c >> 4]);
    put(q, (uint8_t)HEX[c & 15]);
}

static void soft_break(QpOut *q)
{
    put(q, '=');
    if (q->crlf)
        put(q, '\r');
    put(q, '\n');
}

KnObject *ba_b2a_qp(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "data", "quotetabs", "istext", "header", NULL };
    KnArgSpec spec = { "b2a_qp", names, 1, 4, 0 };
    KnObject *a[4];
    BaData d;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int quotetabs = 0, istext = 1, header = 0;
    if ((a[1] != NULL && (quotetabs = ob_is_true(a[1])) < 0) ||
        (a[2] != NULL && (istext = ob_is_true(a[2])) < 0) ||
        (a[3] != NULL && (header = ob_is_true(a[3])) < 0))
        return NULL;
    if (ba_bytes_arg(a[0], &d) < 0)
        return NULL;
    const uint8_t *p = d.p;
    kn_ssize_t n = d.n;
    QpOut q = { ba_alloc((size_t)n * 6 + 8), 0, 0 };
    if (q.buf == NULL) {
        ba_release(&d);
        return NULL;
    }
    for (kn_ssize_t i = 0; i < n; i++)
        if (p[i] == '\n') {
            q.crlf = i > 0 && p[i - 1] == '\r';
            break;
        }
    size_t linelen = 0;
    kn_ssize_t i = 0;
    while (i < n) {
        uint8_t c = p[i];
        int last = i + 1 == n;
        int quote = c > 126 || c == '=' || (header && c == '_') ||
                    (c == '.' && linelen == 0 &&
                     (last || p[i + 1] == '\n' || p[i + 1] == '\r' || p[i + 1] == 0)) ||
                    (!istext && (c == '\r' || c == '\n')) ||
                    ((c == '\t' || c == ' ') && last) ||
                    (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
        if (quote) {
            if (linelen + 3 >= MAXLINE) {
                soft_break(&q);
                linelen = 0;
            }
            put_hex(&q, c);
            i++;
            linelen += 3;
        } else if (istext && (c == '\n' || (!last && c == '\r' && p[i + 1] == '\n'))) {
            linelen = 0;
            if (q.len > 0 && (q.buf[q.len - 1] == ' ' || q.buf[q.len - 1] == '\t')) {
                uint8_t blank = q.buf[--q.len];
                put_hex(&q, blank);
            }
            if (q.crlf)
                put(&q, '\r');
            put(&q, '\n');
            i += c == '\r' ? 2 : 1;
        } else {
            if (!last && p[i + 1] != '\n' && linelen + 1 >= MAXLINE) {
                soft_break(&q);
                linelen = 0;
            }
            linelen++;
            put(&q, header && c == ' ' ? '_' : c);
            i++;
        }
    }
    ba_release(&d);
    return ob_bytes_from_data(q.buf, (kn_ssize_t)q.len);
}
