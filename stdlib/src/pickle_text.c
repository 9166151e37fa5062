/* pickle_text.c — the two text decoders protocol 0 needs:
 * raw-unicode-escape (the UNICODE opcode: \uXXXX and \UXXXXXXXX after an
 * odd run of backslashes, every other byte is a Latin-1 code point) and
 * Python 2 string-literal escapes (the STRING opcode, as
 * codecs.escape_decode). */
#include <string.h>

#include "pickle_internal.h"
#include "libgc/gc.h"

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static KnObject *decode_error(const char *s, kn_ssize_t n, kn_ssize_t start, kn_ssize_t end,
                              const char *reason)
{
    KnObject *data = ob_bytes_from_data(s, n);
    KnObject *args = data ? ob_tuple_pack(5, ob_str_from_cstr("rawunicodeescape"), data,
                                          ob_int_from_ssize(start), ob_int_from_ssize(end),
                                          ob_str_from_cstr(reason))
                          : NULL;
    KnObject *exc = args ? ob_exc_new(ob_exc_UnicodeDecodeError, args) : NULL;
    if (exc != NULL)
        ob_err_set_object(ob_exc_UnicodeDecodeError, exc);
    return NULL;
}

KnObject *pk_decode_raw_unicode_escape(const char *s, kn_ssize_t n)
{
    uint32_t *out = kgc_alloc_atomic(sizeof(uint32_t) * (size_t)(n + 1));
    if (out == NULL)
        return ob_err_nomemory();
    kn_ssize_t o = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c != '\\') {
            out[o++] = c;
            i++;
            continue;
        }
        kn_ssize_t start = i, bs = i;
        while (i < n && s[i] == '\\')
            out[o++] = (unsigned char)s[i++];
        if (((i - bs) & 1) == 0 || i >= n || (s[i] != 'u' && s[i] != 'U'))
            continue;
        o--;
        int count = s[i] == 'u' ? 4 : 8;
        i++;
        uint32_t x = 0;
        for (int k = 0; k < count; k++, i++) {
            int h = i < n ? hexval((unsigned char)s[i]) : -1;
            if (h < 0)
                return decode_error(s, n, start, i,
                                    count == 4 ? "truncated \\uXXXX escape"
                                               : "truncated \\UXXXXXXXX escape");
            x = (x << 4) | (uint32_t)h;
        }
        if (x > 0x10ffff)
            return decode_error(s, n, start, i, "\\Uxxxxxxxx out of range");
        out[o++] = x;
    }
    return ob_str_from_codepoints(out, o);
}

KnObject *pk_decode_escape(const char *s, kn_ssize_t n)
{
    char *out = kgc_alloc_atomic((size_t)n + 1);
    if (out == NULL)
        return ob_err_nomemory();
    kn_ssize_t o = 0, i = 0;
    while (i < n) {
        if (s[i] != '\\') {
            out[o++] = s[i++];
            continue;
        }
        i++;
        if (i >= n) {
            ob_err_set_string(ob_exc_ValueError, "Trailing \\ in string");
            return NULL;
        }
        char c = s[i++];
        switch (c) {
        case '\n': break;
        case '\\': out[o++] = '\\'; break;
        case '\'': out[o++] = '\''; break;
        case '"': out[o++] = '"'; break;
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 't': out[o++] = '\t'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 'v': out[o++] = '\v'; break;
        case 'a': out[o++] = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++)
                v = v * 8 + (s[i++] - '0');
            out[o++] = (char)v;
            break;
        }
        case 'x': {
            int h1 = i < n ? hexval((unsigned char)s[i]) : -1;
            int h2 = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
            if (h1 < 0 || h2 < 0) {
                ob_err_format(ob_exc_ValueError, "invalid \\x escape at position %zd", i - 2);
                return NULL;
            }
            out[o++] = (char)(h1 * 16 + h2);
            i += 2;
            break;
        }
        default:
            out[o++] = '\\';
            out[o++] = c;
            break;
        }
    }
    return ob_bytes_from_data(out, o);
}
