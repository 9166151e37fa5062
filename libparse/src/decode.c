/* decode.c — from the bytes of a source file to the tokenizer's UTF-8
 * buffer: null-byte check, newline translation, UTF-8 BOM, PEP 263 coding
 * cookie, transcoding.  See NOTES-tokenizer.md, "Source decoding". */
#include "decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libparse/token.h"

enum codec { CODEC_UTF8, CODEC_LATIN1, CODEC_ASCII, CODEC_CP1252, CODEC_UNKNOWN };

/* cp1252's 0x80..0x9F; 0 marks a byte the codec cannot decode. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* CPython's get_normal_name(): only utf-8 and latin-1 spellings are folded
 * (on the first 12 characters, lower-cased, '_' read as '-'); anything else
 * is returned as written.  The result decides the "with BOM" check. */
static const char *normal_name(const char *name, char *buf, size_t bufsize)
{
    char low[13];
    size_t i;
    for (i = 0; i < 12 && name[i]; i++) {
        char c = name[i];
        if (c == '_')
            c = '-';
        else if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        low[i] = c;
    }
    low[i] = '\0';
    if (!strcmp(low, "utf-8") || !strncmp(low, "utf-8-", 6))
        return "utf-8";
    static const char *const latin[] = {"latin-1", "iso-8859-1", "iso-latin-1"};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(latin[k]);
        if (!strcmp(low, latin[k]) || (!strncmp(low, latin[k], n) && low[n] == '-'))
            return "iso-8859-1";
    }
    size_t n = strlen(name);
    if (n >= bufsize)
        n = bufsize - 1;
    memcpy(buf, name, n);
    buf[n] = '\0';
    return buf;
}

/* Python's codec lookup normalizes: lower case, runs of non-alphanumerics
 * (other than '.') become '_'.  Only the codecs Kiln's parser can decode are
 * known; every other name is reported as unknown (a documented gap). */
static enum codec lookup_codec(const char *name)
{
    char n[64];
    size_t j = 0;
    for (size_t i = 0; name[i] && j + 1 < sizeof n; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c == '-' || c == ' ')
            c = '_';
        n[j++] = c;
    }
    n[j] = '\0';
    static const struct { const char *name; enum codec c; } names[] = {
        {"utf_8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"u8", CODEC_UTF8},
        {"utf", CODEC_UTF8}, {"utf8_ucs2", CODEC_UTF8}, {"utf8_ucs4", CODEC_UTF8},
        {"cp65001", CODEC_UTF8}, {"utf_8_sig", CODEC_UTF8},
        {"latin_1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"latin", CODEC_LATIN1},
        {"l1", CODEC_LATIN1}, {"iso_8859_1", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1},
        {"8859", CODEC_LATIN1}, {"cp819", CODEC_LATIN1}, {"iso_ir_100", CODEC_LATIN1},
        {"csisolatin1", CODEC_LATIN1}, {"ibm819", CODEC_LATIN1},
        {"iso_8859_1:1987", CODEC_LATIN1},
        {"ascii", CODEC_ASCII}, {"us_ascii", CODEC_ASCII}, {"646", CODEC_ASCII},
        {"us", CODEC_ASCII}, {"ansi_x3.4_1968", CODEC_ASCII}, {"cp367", CODEC_ASCII},
        {"csascii", CODEC_ASCII}, {"ibm367", CODEC_ASCII}, {"iso646_us", CODEC_ASCII},
        {"iso_646.irv:1991", CODEC_ASCII}, {"iso_ir_6", CODEC_ASCII},
        {"ansi_x3.4_1986", CODEC_ASCII},
        {"cp1252", CODEC_CP1252}, {"windows_1252", CODEC_CP1252}, {"1252", CODEC_CP1252},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(n, names[i].name))
            return names[i].c;
    return CODEC_UNKNOWN;
}

static int is_name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

/* CPython's get_coding_spec() on one line [s, e): the line must be a comment
 * (only blanks before '#'); then the first "coding" followed by ':' or '='
 * and optional blanks introduces the name.  Returns 1 and the name in
 * `name`, 0 when there is none.  *is_comment_or_blank tells whether line 2
 * may still be looked at. */
static int coding_spec(const char *s, const char *e, char *name, size_t namesize,
                       int *blank_or_comment)
{
    const char *p = s;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\014'))
        p++;
    *blank_or_comment = (p == e || *p == '#' || *p == '\n');
    if (p == e || *p != '#')
        return 0;
    for (; p + 6 <= e; p++) {
        if (memcmp(p, "coding", 6) != 0)
            continue;
        const char *q = p + 6;
        if (q >= e || (*q != ':' && *q != '='))
            continue;
        q++;
        while (q < e && (*q == ' ' || *q == '\t'))
            q++;
        const char *b = q;
        while (q < e && is_name_char((unsigned char)*q))
            q++;
        if (q == b)
            continue;
        size_t n = (size_t)(q - b);
        if (n >= namesize)
            n = namesize - 1;
        memcpy(name, b, n);
        name[n] = '\0';
        return 1;
    }
    return 0;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

int ps_source_decode(const char *src, size_t len, int flags,
                     char **out, size_t *out_len, const char **encoding,
                     ps_error *err)
{
    char *buf = NULL;
    *out = NULL;
    *out_len = 0;
    *encoding = NULL;
    if (len > (size_t)INT32_MAX) {
        ps_error_setf(err, PS_ERR_OVERFLOW, "source too large");
        goto error;
    }
    if (memchr(src, '\0', len)) {
        ps_error_setf(err, PS_ERR_VALUE, "source code string cannot contain null bytes");
        goto error;
    }
    int bom = 0;
    if (!(flags & PS_TOK_STR) && len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) {
        src += 3;
        len -= 3;
        bom = 1;
    }

    /* Newline translation first (CPython translates before it looks for the
     * cookie); every supported codec is ASCII-compatible, so this is safe. */
    buf = malloc(len + 2);
    if (!buf) {
        ps_error_nomem(err);
        goto error;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\r') {
            buf[n++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        } else {
            buf[n++] = src[i];
        }
    }
    /* CPython's translate_newlines() turns a final "\r\n" into two
     * newlines (an extra empty last line, visible in "detected at line N");
     * reproduced on purpose. */
    if (len >= 2 && src[len - 2] == '\r' && src[len - 1] == '\n')
        buf[n++] = '\n';
    buf[n] = '\0';

    if (flags & PS_TOK_STR) {
        *encoding = "utf-8";
        *out = buf;
        *out_len = n;
        return 0;
    }
    if (bom)
        *encoding = "utf-8";

    /* Coding cookie on line 1, or on line 2 if line 1 is blank or a comment. */
    char name[128], normbuf[128];
    const char *cookie = NULL;
    int boc = 0;
    const char *l1e = memchr(buf, '\n', n);
    l1e = l1e ? l1e : buf + n;
    if (coding_spec(buf, l1e, name, sizeof name, &boc)) {
        cookie = name;
    } else if (boc && l1e < buf + n) {
        const char *l2 = l1e + 1;
        const char *l2e = memchr(l2, '\n', (size_t)(buf + n - l2));
        l2e = l2e ? l2e : buf + n;
        int dummy;
        if (coding_spec(l2, l2e, name, sizeof name, &dummy))
            cookie = name;
    }
    enum codec codec = CODEC_UTF8;
    if (cookie) {
        const char *norm = normal_name(cookie, normbuf, sizeof normbuf);
        if (bom && strcmp(norm, "utf-8") != 0) {
            ps_error_setf(err, PS_ERR_DECODE, "encoding problem: %s with BOM", norm);
            err->offset = err->end_offset = -1;
            goto error;
        }
        codec = lookup_codec(norm);
        if (codec == CODEC_UNKNOWN) {
            ps_error_setf(err, PS_ERR_DECODE, "unknown encoding: %s", cookie);
            err->offset = err->end_offset = -1;
            goto error;
        }
        *encoding = codec == CODEC_UTF8 ? "utf-8" : codec == CODEC_LATIN1 ? "iso-8859-1"
                  : codec == CODEC_ASCII ? "ascii" : "cp1252";
    }
    if (codec == CODEC_UTF8) {
        *out = buf;
        *out_len = n;
        return 0;
    }

    /* Single-byte codecs: at most 3 UTF-8 bytes per input byte. */
    size_t cap = n * 3 + 1;
    char *dec = malloc(cap);
    if (!dec) {
        ps_error_nomem(err);
        goto error;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        uint32_t cp = c;
        if (c >= 0x80 && codec == CODEC_ASCII) {
            /* Python's message counts positions in the translated buffer. */
            ps_error_setf(err, PS_ERR_DECODE,
                          "'ascii' codec can't decode byte 0x%02x in position %zu: "
                          "ordinal not in range(128)", c, i);
            err->offset = err->end_offset = -1;
            free(dec);
            goto error;
        }
        if (c >= 0x80 && c < 0xA0 && codec == CODEC_CP1252) {
            cp = cp1252_high[c - 0x80];
            if (!cp) {
                ps_error_setf(err, PS_ERR_DECODE,
                              "'charmap' codec can't decode byte 0x%02x in position %zu: "
                              "character maps to <undefined>", c, i);
                err->offset = err->end_offset = -1;
                free(dec);
                goto error;
            }
        }
        m += put_utf8(dec + m, cp);
    }
    dec[m] = '\0';
    free(buf);
    *out = dec;
    *out_len = m;
    return 0;

error:
    free(buf);
    return -1;
}
