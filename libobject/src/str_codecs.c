/*
 * str_codecs.c — the codecs CPython implements in C: UTF-8, ASCII,
 * Latin-1, UTF-16 and UTF-32 (with and without BOM), with the standard
 * error handlers.  Other encodings will go through the Python-level codecs
 * registry once the interpreter exists; until then they raise LookupError.
 *
 * Error ranges follow CPython exactly, because they show up in messages:
 * UTF-8 decoding reports the maximal invalid subsequence ("invalid start
 * byte", "invalid continuation byte", "unexpected end of data"); encoders
 * report a run of consecutive unencodable characters (UTF-8, ASCII,
 * Latin-1) or one character (UTF-16/32).
 */
#include <ctype.h>
#include <stdio.h>
#include "str_internal.h"

typedef enum {
    EH_STRICT, EH_IGNORE, EH_REPLACE, EH_SURROGATEESCAPE, EH_SURROGATEPASS,
    EH_BACKSLASHREPLACE, EH_XMLCHARREFREPLACE, EH_NAMEREPLACE, EH_UNKNOWN
} CodecHandler;

static CodecHandler codec_handler(const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0) return EH_STRICT;
    if (strcmp(errors, "ignore") == 0) return EH_IGNORE;
    if (strcmp(errors, "replace") == 0) return EH_REPLACE;
    if (strcmp(errors, "surrogateescape") == 0) return EH_SURROGATEESCAPE;
    if (strcmp(errors, "surrogatepass") == 0) return EH_SURROGATEPASS;
    if (strcmp(errors, "backslashreplace") == 0) return EH_BACKSLASHREPLACE;
    if (strcmp(errors, "xmlcharrefreplace") == 0) return EH_XMLCHARREFREPLACE;
    if (strcmp(errors, "namereplace") == 0) return EH_NAMEREPLACE;
    return EH_UNKNOWN;
}

static int codec_unknown_handler(const char *errors)
{
    ob_err_format(ob_exc_LookupError, "unknown error handler name '%.400s'", errors);
    return -1;
}

/* Handle undecodable bytes [start, end): append the replacement to w or
 * raise.  (surrogatepass is the codec's own business before this.) */
static int codec_decode_error(CodecHandler eh, const char *errors, const char *encoding,
                              const char *data, kn_ssize_t len, kn_ssize_t start,
                              kn_ssize_t end, const char *reason, KnStrWriter *w)
{
    switch (eh) {
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        return ob_str_writer_put(w, 0xfffd);
    case EH_BACKSLASHREPLACE:
        for (kn_ssize_t i = start; i < end; i++) {
            char buf[4] = {'\\', 'x', "0123456789abcdef"[((unsigned char)data[i]) >> 4],
                           "0123456789abcdef"[data[i] & 0xf]};
            if (ob_str_writer_put_ascii(w, buf, 4) < 0)
                return -1;
        }
        return 0;
    case EH_SURROGATEESCAPE: {
        kn_ssize_t i;
        for (i = start; i < end; i++)
            if ((unsigned char)data[i] < 0x80)
                break;
        if (i == end) {
            for (i = start; i < end; i++)
                if (ob_str_writer_put(w, 0xdc00 + (unsigned char)data[i]) < 0)
                    return -1;
            return 0;
        }
        break;
    }
    case EH_XMLCHARREFREPLACE:
    case EH_NAMEREPLACE:
        ob_err_format(ob_exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    case EH_UNKNOWN:
        return codec_unknown_handler(errors);
    default:
        break;
    }
    ob_str_raise_decode_error(encoding, data, len, start, end, reason);
    return -1;
}

/* Replacement for unencodable characters [start, end) of s as ASCII text
 * (raw = 0) or raw bytes (raw = 1, surrogateescape).  -1: raise. */
static int codec_encode_error(CodecHandler eh, const char *errors, const char *encoding,
                              KnObject *s, kn_ssize_t start, kn_ssize_t end,
                              const char *reason, KnBytesWriter *out, int *raw)
{
    int kind = KN_STR_KIND(s);
    const void *d = KN_STR_DATA(s);
    *raw = 0;
    switch (eh) {
    case EH_IGNORE:
        return 0;
    case EH_REPLACE:
        for (kn_ssize_t i = start; i < end; i++)
            if (ob_bytes_writer_putc(out, '?') < 0)
                return -1;
        return 0;
    case EH_BACKSLASHREPLACE:
        for (kn_ssize_t i = start; i < end; i++) {
            uint32_t c = KN_STR_READ(kind, d, i);
            char buf[16];
            int n;
            if (c <= 0xff)
                n = snprintf(buf, sizeof buf, "\\x%02x", c);
            else if (c <= 0xffff)
                n = snprintf(buf, sizeof buf, "\\u%04x", c);
            else
                n = snprintf(buf, sizeof buf, "\\U%08x", c);
            if (ob_bytes_writer_put(out, buf, n) < 0)
                return -1;
        }
        return 0;
    case EH_XMLCHARREFREPLACE:
        for (kn_ssize_t i = start; i < end; i++) {
            char buf[24];
            int n = snprintf(buf, sizeof buf, "&#%u;", (unsigned)KN_STR_READ(kind, d, i));
            if (ob_bytes_writer_put(out, buf, n) < 0)
                return -1;
        }
        return 0;
    case EH_SURROGATEESCAPE: {
        kn_ssize_t i;
        for (i = start; i < end; i++) {
            uint32_t c = KN_STR_READ(kind, d, i);
            if (c < 0xdc80 || c > 0xdcff)
                break;
        }
        if (i < end)
            break;
        for (i = start; i < end; i++)
            if (ob_bytes_writer_putc(out, (int)(KN_STR_READ(kind, d, i) - 0xdc00)) < 0)
                return -1;
        *raw = 1;
        return 0;
    }
    case EH_UNKNOWN:
        return codec_unknown_handler(errors);
    default:
        break;
    }
    ob_str_raise_encode_error(encoding, s, start, end, reason);
    return -1;
}

/* ---- UTF-8 ---- */

/* Number of valid continuation bytes after lead byte p[0] (given the
 * lead's constraints on the second byte), and the total needed. */
static int utf8_expected(unsigned char b0, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf)
        return 1;
    if (b0 >= 0xe0 && b0 <= 0xef) {
        if (b0 == 0xe0) *lo = 0xa0;
        if (b0 == 0xed) *hi = 0x9f;
        return 2;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
        if (b0 == 0xf0) *lo = 0x90;
        if (b0 == 0xf4) *hi = 0x8f;
        return 3;
    }
    return 0;
}

KnObject *ob_str_decode_utf8(const char *s, kn_ssize_t len, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    kn_ssize_t i = 0;
    /* ASCII fast path: most text is; build the result directly. */
    while (i < len && p[i] < 0x80)
        i++;
    if (i == len) {
        if (len == 1)
            return ob_str_from_char(p[0]);
        KnObject *r = ob_str_new(len, 0x7f);
        if (r != NULL)
            memcpy(KN_STR_DATA(r), s, (size_t)len);
        return r;
    }
    CodecHandler eh = codec_handler(errors);
    KnStrWriter w;
    ob_str_writer_init(&w, len);
    if (ob_str_writer_put_ascii(&w, s, i) < 0)
        return NULL;
    while (i < len) {
        unsigned char b0 = p[i];
        if (b0 < 0x80) {
            if (ob_str_writer_put(&w, b0) < 0)
                return NULL;
            i++;
            continue;
        }
        unsigned char lo, hi;
        int need = utf8_expected(b0, &lo, &hi);
        int k = 0;
        if (need > 0) {
            while (k < need && i + 1 + k < len) {
                unsigned char b = p[i + 1 + k];
                unsigned char l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xbf;
                if (b < l || b > h)
                    break;
                k++;
            }
        }
        if (need > 0 && k == need) {
            uint32_t c = b0 & (need == 1 ? 0x1f : need == 2 ? 0x0f : 0x07);
            for (int j = 1; j <= need; j++)
                c = (c << 6) | (p[i + j] & 0x3f);
            if (ob_str_writer_put(&w, c) < 0)
                return NULL;
            i += 1 + need;
            continue;
        }
        /* an encoded surrogate (ED A0..BF 80..BF) under surrogatepass */
        if (eh == EH_SURROGATEPASS && b0 == 0xed && i + 2 < len && p[i + 1] >= 0xa0 &&
            p[i + 1] <= 0xbf && (p[i + 2] & 0xc0) == 0x80) {
            uint32_t c = 0xd000 | ((uint32_t)(p[i + 1] & 0x3f) << 6) | (p[i + 2] & 0x3f);
            if (ob_str_writer_put(&w, c) < 0)
                return NULL;
            i += 3;
            continue;
        }
        const char *reason;
        kn_ssize_t end;
        if (need == 0) {
            reason = "invalid start byte";
            end = i + 1;
        } else if (i + 1 + k == len) {
            reason = "unexpected end of data";
            end = len;
        } else {
            reason = "invalid continuation byte";
            end = i + 1 + k;
        }
        if (codec_decode_error(eh, errors, "utf-8", s, len, i, end, reason, &w) < 0)
            return NULL;
        i = end;
    }
    return ob_str_writer_finish(&w);
}

KnObject *ob_str_encode_utf8(KnObject *s, const char *errors)
{
    kn_ssize_t n = KN_STR_LEN(s);
    int kind = KN_STR_KIND(s);
    const void *d = KN_STR_DATA(s);
    if (KN_STR_IS_ASCII(s))
        return ob_bytes_from_data(d, n);
    KnCompactUnicodeObject *c = (KnCompactUnicodeObject *)s;
    if (c->utf8 != NULL)
        return ob_bytes_from_data(c->utf8, c->utf8_length);
    CodecHandler eh = codec_handler(errors);
    KnBytesWriter w;
    ob_bytes_writer_init(&w, n * (kind == 1 ? 2 : kind == 2 ? 3 : 4));
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t ch = KN_STR_READ(kind, d, i);
        unsigned char buf[4];
        int k;
        if (ch < 0x80) {
            buf[0] = (unsigned char)ch;
            k = 1;
        } else if (ch < 0x800) {
            buf[0] = (unsigned char)(0xc0 | (ch >> 6));
            buf[1] = (unsigned char)(0x80 | (ch & 0x3f));
            k = 2;
        } else if (ch >= 0xd800 && ch <= 0xdfff) {
            kn_ssize_t end = i + 1;
            while (end < n) {
                uint32_t c2 = KN_STR_READ(kind, d, end);
                if (c2 < 0xd800 || c2 > 0xdfff)
                    break;
                end++;
            }
            if (eh == EH_SURROGATEPASS) {
                for (kn_ssize_t j = i; j < end; j++) {
                    uint32_t sc = KN_STR_READ(kind, d, j);
                    unsigned char sb[3] = {(unsigned char)(0xe0 | (sc >> 12)),
                                           (unsigned char)(0x80 | ((sc >> 6) & 0x3f)),
                                           (unsigned char)(0x80 | (sc & 0x3f))};
                    if (ob_bytes_writer_put(&w, sb, 3) < 0)
                        return NULL;
                }
            } else {
                int raw;
                if (codec_encode_error(eh, errors, "utf-8", s, i, end, "surrogates not allowed",
                                       &w, &raw) < 0)
                    return NULL;
            }
            i = end - 1;
            continue;
        } else if (ch < 0x10000) {
            buf[0] = (unsigned char)(0xe0 | (ch >> 12));
            buf[1] = (unsigned char)(0x80 | ((ch >> 6) & 0x3f));
            buf[2] = (unsigned char)(0x80 | (ch & 0x3f));
            k = 3;
        } else {
            buf[0] = (unsigned char)(0xf0 | (ch >> 18));
            buf[1] = (unsigned char)(0x80 | ((ch >> 12) & 0x3f));
            buf[2] = (unsigned char)(0x80 | ((ch >> 6) & 0x3f));
            buf[3] = (unsigned char)(0x80 | (ch & 0x3f));
            k = 4;
        }
        if (ob_bytes_writer_put(&w, buf, k) < 0)
            return NULL;
    }
    return ob_bytes_writer_finish(&w);
}

/* ---- ASCII and Latin-1 ---- */

static KnObject *codec_decode_ascii(const char *s, kn_ssize_t len, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    kn_ssize_t i = 0;
    while (i < len && p[i] < 0x80)
        i++;
    if (i == len)
        return ob_str_from_kind_data(1, s, len);
    CodecHandler eh = codec_handler(errors);
    KnStrWriter w;
    ob_str_writer_init(&w, len);
    if (ob_str_writer_put_ascii(&w, s, i) < 0)
        return NULL;
    for (; i < len; i++) {
        if (p[i] < 0x80) {
            if (ob_str_writer_put(&w, p[i]) < 0)
                return NULL;
        } else if (codec_decode_error(eh, errors, "ascii", s, len, i, i + 1,
                                      "ordinal not in range(128)", &w) < 0) {
            return NULL;
        }
    }
    return ob_str_writer_finish(&w);
}

/* ASCII (limit 0x80) or Latin-1 (limit 0x100) encoding. */
static KnObject *codec_encode_ucs1(KnObject *s, const char *errors, uint32_t limit)
{
    const char *encoding = limit == 0x80 ? "ascii" : "latin-1";
    const char *reason = limit == 0x80 ? "ordinal not in range(128)" : "ordinal not in range(256)";
    kn_ssize_t n = KN_STR_LEN(s);
    int kind = KN_STR_KIND(s);
    const void *d = KN_STR_DATA(s);
    if (kind == 1 && (KN_STR_IS_ASCII(s) || limit == 0x100))
        return ob_bytes_from_data(d, n);
    CodecHandler eh = codec_handler(errors);
    KnBytesWriter w;
    ob_bytes_writer_init(&w, n);
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t ch = KN_STR_READ(kind, d, i);
        if (ch < limit) {
            if (ob_bytes_writer_putc(&w, (int)ch) < 0)
                return NULL;
            continue;
        }
        kn_ssize_t end = i + 1;
        while (end < n && KN_STR_READ(kind, d, end) >= limit)
            end++;
        int raw;
        if (codec_encode_error(eh, errors, encoding, s, i, end, reason, &w, &raw) < 0)
            return NULL;
        i = end - 1;
    }
    return ob_bytes_writer_finish(&w);
}

/* ---- UTF-16 and UTF-32 ----
 * byteorder: -1 little, +1 big, 0 "detect a BOM, default little" (decode)
 * or "write a BOM, then little" (encode).  unit: 2 or 4. */

static uint32_t codec_read_unit(const unsigned char *p, int unit, int big)
{
    if (unit == 2)
        return big ? ((uint32_t)p[0] << 8 | p[1]) : ((uint32_t)p[1] << 8 | p[0]);
    return big ? ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3])
               : ((uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]);
}

static int codec_put_unit(KnBytesWriter *w, uint32_t v, int unit, int big)
{
    unsigned char b[4];
    for (int i = 0; i < unit; i++) {
        int shift = big ? 8 * (unit - 1 - i) : 8 * i;
        b[i] = (unsigned char)(v >> shift);
    }
    return ob_bytes_writer_put(w, b, unit);
}

static KnObject *codec_decode_utf16_32(const char *s, kn_ssize_t len, const char *errors,
                                       int unit, int byteorder, const char *encoding)
{
    const unsigned char *p = (const unsigned char *)s;
    CodecHandler eh = codec_handler(errors);
    kn_ssize_t i = 0;
    int big = byteorder > 0;
    if (byteorder == 0 && len >= unit) {
        uint32_t bom = codec_read_unit(p, unit, 0);
        if (bom == 0xfeff) {
            i = unit;
        } else if ((unit == 2 && bom == 0xfffe) || (unit == 4 && bom == 0xfffe0000u)) {
            big = 1;
            i = unit;
        }
    }
    KnStrWriter w;
    ob_str_writer_init(&w, len / unit);
    while (i < len) {
        if (len - i < unit) {
            if (codec_decode_error(eh, errors, encoding, s, len, i, len, "truncated data", &w) < 0)
                return NULL;
            break;
        }
        uint32_t c = codec_read_unit(p + i, unit, big);
        if (unit == 4) {
            const char *reason = NULL;
            if (c > 0x10ffff)
                reason = "code point not in range(0x110000)";
            else if (c >= 0xd800 && c <= 0xdfff && eh != EH_SURROGATEPASS)
                reason = "code point in surrogate code point range(0xd800, 0xe000)";
            if (reason) {
                if (codec_decode_error(eh, errors, encoding, s, len, i, i + 4, reason, &w) < 0)
                    return NULL;
            } else if (ob_str_writer_put(&w, c) < 0) {
                return NULL;
            }
            i += 4;
            continue;
        }
        if (c < 0xd800 || c > 0xdfff) {
            if (ob_str_writer_put(&w, c) < 0)
                return NULL;
            i += 2;
            continue;
        }
        if (c <= 0xdbff) {
            if (len - i < 4) {
                if (eh == EH_SURROGATEPASS && len - i == 2) {
                    if (ob_str_writer_put(&w, c) < 0)
                        return NULL;
                    i += 2;
                    continue;
                }
                if (codec_decode_error(eh, errors, encoding, s, len, i, len,
                                       "unexpected end of data", &w) < 0)
                    return NULL;
                break;
            }
            uint32_t c2 = codec_read_unit(p + i + 2, 2, big);
            if (c2 >= 0xdc00 && c2 <= 0xdfff) {
                if (ob_str_writer_put(&w, 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00)) < 0)
                    return NULL;
                i += 4;
                continue;
            }
            if (eh == EH_SURROGATEPASS) {
                if (ob_str_writer_put(&w, c) < 0)
                    return NULL;
            } else if (codec_decode_error(eh, errors, encoding, s, len, i, i + 2,
                                          "illegal UTF-16 surrogate", &w) < 0) {
                return NULL;
            }
            i += 2;
            continue;
        }
        if (eh == EH_SURROGATEPASS) {
            if (ob_str_writer_put(&w, c) < 0)
                return NULL;
        } else if (codec_decode_error(eh, errors, encoding, s, len, i, i + 2, "illegal encoding",
                                      &w) < 0) {
            return NULL;
        }
        i += 2;
    }
    return ob_str_writer_finish(&w);
}

static KnObject *codec_encode_utf16_32(KnObject *s, const char *errors, int unit, int byteorder,
                                       const char *encoding)
{
    kn_ssize_t n = KN_STR_LEN(s);
    int kind = KN_STR_KIND(s);
    const void *d = KN_STR_DATA(s);
    int big = byteorder > 0;
    CodecHandler eh = codec_handler(errors);
    KnBytesWriter w;
    ob_bytes_writer_init(&w, (n + 1) * unit);
    if (byteorder == 0 && codec_put_unit(&w, 0xfeff, unit, 0) < 0)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        if (c >= 0xd800 && c <= 0xdfff && eh != EH_SURROGATEPASS) {
            KnBytesWriter rep;
            ob_bytes_writer_init(&rep, 8);
            int raw = 0;
            CodecHandler h = eh == EH_SURROGATEESCAPE ? EH_STRICT : eh;
            if (codec_encode_error(h, errors, encoding, s, i, i + 1, "surrogates not allowed",
                                   &rep, &raw) < 0)
                return NULL;
            for (kn_ssize_t j = 0; j < rep.len; j++)
                if (codec_put_unit(&w, (unsigned char)rep.data[j], unit, big) < 0)
                    return NULL;
            continue;
        }
        int r;
        if (unit == 2 && c >= 0x10000) {
            r = codec_put_unit(&w, 0xd800 | ((c - 0x10000) >> 10), 2, big);
            if (r == 0)
                r = codec_put_unit(&w, 0xdc00 | ((c - 0x10000) & 0x3ff), 2, big);
        } else {
            r = codec_put_unit(&w, c, unit, big);
        }
        if (r < 0)
            return NULL;
    }
    return ob_bytes_writer_finish(&w);
}

/* ---- dispatch by name ---- */

typedef enum {
    CODEC_NONE, CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1,
    CODEC_UTF16, CODEC_UTF16LE, CODEC_UTF16BE, CODEC_UTF32, CODEC_UTF32LE, CODEC_UTF32BE
} CodecId;

/* Normalise like encodings.normalize_encoding (lower case, runs of
 * punctuation other than '.' become '_'), then match the aliases that
 * encodings.aliases gives these codecs. */
static CodecId codec_lookup(const char *encoding)
{
    char name[64];
    size_t k = 0;
    int pending = 0;
    for (const char *p = encoding; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c == '.') {
            if (pending && k > 0 && k < sizeof name - 1)
                name[k++] = '_';
            pending = 0;
            if (k < sizeof name - 1)
                name[k++] = (char)tolower(c);
        } else {
            pending = 1;
        }
        if (k >= sizeof name - 1)
            return CODEC_NONE;
    }
    name[k] = '\0';
    static const struct { const char *name; CodecId id; } table[] = {
        {"utf_8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"u8", CODEC_UTF8}, {"utf", CODEC_UTF8},
        {"utf8_ucs2", CODEC_UTF8}, {"utf8_ucs4", CODEC_UTF8}, {"cp65001", CODEC_UTF8},
        {"ascii", CODEC_ASCII}, {"646", CODEC_ASCII}, {"us_ascii", CODEC_ASCII},
        {"us", CODEC_ASCII}, {"ansi_x3.4_1968", CODEC_ASCII}, {"ansi_x3_4_1968", CODEC_ASCII},
        {"ansi_x3.4_1986", CODEC_ASCII}, {"cp367", CODEC_ASCII}, {"csascii", CODEC_ASCII},
        {"ibm367", CODEC_ASCII}, {"iso646_us", CODEC_ASCII}, {"iso_646.irv_1991", CODEC_ASCII},
        {"iso_ir_6", CODEC_ASCII},
        {"latin_1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"latin", CODEC_LATIN1},
        {"l1", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1}, {"iso_8859_1", CODEC_LATIN1},
        {"iso8859", CODEC_LATIN1}, {"8859", CODEC_LATIN1}, {"cp819", CODEC_LATIN1},
        {"ibm819", CODEC_LATIN1}, {"csisolatin1", CODEC_LATIN1},
        {"iso_8859_1_1987", CODEC_LATIN1}, {"iso_ir_100", CODEC_LATIN1},
        {"utf_16", CODEC_UTF16}, {"utf16", CODEC_UTF16}, {"u16", CODEC_UTF16},
        {"utf_16le", CODEC_UTF16LE}, {"utf_16_le", CODEC_UTF16LE},
        {"utf_16be", CODEC_UTF16BE}, {"utf_16_be", CODEC_UTF16BE},
        {"utf_32", CODEC_UTF32}, {"utf32", CODEC_UTF32}, {"u32", CODEC_UTF32},
        {"utf_32le", CODEC_UTF32LE}, {"utf_32_le", CODEC_UTF32LE},
        {"utf_32be", CODEC_UTF32BE}, {"utf_32_be", CODEC_UTF32BE},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0)
            return table[i].id;
    return CODEC_NONE;
}

KnObject *ob_str_decode(const char *data, kn_ssize_t len, const char *encoding,
                        const char *errors)
{
    if (len == 0)
        return ob_str_empty();  /* as CPython: no codec lookup for empty input */
    if (encoding == NULL)
        encoding = "utf-8";
    int id = codec_lookup(encoding);
    /* Other codecs and user error handlers live in the codec registry (the
     * stdlib's _codecs sets the hook when it is imported). */
    if (ob_codec_hooks.decode != NULL && (id == CODEC_NONE || codec_handler(errors) == EH_UNKNOWN))
        return ob_codec_hooks.decode(data, len, encoding, errors);
    switch (id) {
    case CODEC_UTF8: return ob_str_decode_utf8(data, len, errors);
    case CODEC_ASCII: return codec_decode_ascii(data, len, errors);
    case CODEC_LATIN1: return ob_str_from_latin1(data, len);
    case CODEC_UTF16: return codec_decode_utf16_32(data, len, errors, 2, 0, "utf-16");
    case CODEC_UTF16LE: return codec_decode_utf16_32(data, len, errors, 2, -1, "utf-16-le");
    case CODEC_UTF16BE: return codec_decode_utf16_32(data, len, errors, 2, 1, "utf-16-be");
    case CODEC_UTF32: return codec_decode_utf16_32(data, len, errors, 4, 0, "utf-32");
    case CODEC_UTF32LE: return codec_decode_utf16_32(data, len, errors, 4, -1, "utf-32-le");
    case CODEC_UTF32BE: return codec_decode_utf16_32(data, len, errors, 4, 1, "utf-32-be");
    default:
        return ob_err_format(ob_exc_LookupError, "unknown encoding: %s", encoding);
    }
}

KnObject *ob_str_encode(KnObject *s, const char *encoding, const char *errors)
{
    if (encoding == NULL)
        encoding = "utf-8";
    int id = codec_lookup(encoding);
    if (ob_codec_hooks.encode != NULL && (id == CODEC_NONE || codec_handler(errors) == EH_UNKNOWN))
        return ob_codec_hooks.encode(s, encoding, errors);
    switch (id) {
    case CODEC_UTF8: return ob_str_encode_utf8(s, errors);
    case CODEC_ASCII: return codec_encode_ucs1(s, errors, 0x80);
    case CODEC_LATIN1: return codec_encode_ucs1(s, errors, 0x100);
    case CODEC_UTF16: return codec_encode_utf16_32(s, errors, 2, 0, "utf-16");
    case CODEC_UTF16LE: return codec_encode_utf16_32(s, errors, 2, -1, "utf-16-le");
    case CODEC_UTF16BE: return codec_encode_utf16_32(s, errors, 2, 1, "utf-16-be");
    case CODEC_UTF32: return codec_encode_utf16_32(s, errors, 4, 0, "utf-32");
    case CODEC_UTF32LE: return codec_encode_utf16_32(s, errors, 4, -1, "utf-32-le");
    case CODEC_UTF32BE: return codec_encode_utf16_32(s, errors, 4, 1, "utf-32-be");
    default:
        return ob_err_format(ob_exc_LookupError, "unknown encoding: %s", encoding);
    }
}
