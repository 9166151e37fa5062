/* decode.c — from the bytes of a source file to the tokenizer's UTF-8
 * buffer: null-byte check, newline translation, UTF-8 BOM, PEP 263 coding
 * cookie, transcoding.  See NOTES-tokenizer.md, "Source decoding". */
#include "decode.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libparse/token.h"

#include "decode_codecs.h"
#include "utf8.h"

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

/* The codec a cookie names, resolved as Python's codec registry and the
 * encodings package's search function do (see tools/gen_codecs.py): lower
 * case; runs of characters other than letters, digits and '.' become one
 * '_', dropped at either end; then the alias table (as is, then with '.'
 * read as '_'), the aliased module, and the name itself as a module (unless
 * it contains a '.').  Returns the module, or NULL for an unknown codec. */
static int by_module(const void *key, const void *elt)
{
    return strcmp(key, ((const struct ps_codec_module *)elt)->name);
}

static int by_alias(const void *key, const void *elt)
{
    return strcmp(key, ((const struct ps_codec_alias *)elt)->alias);
}

static const struct ps_codec_module *find_module(const char *name)
{
    if (strchr(name, '.'))
        return NULL;
    return bsearch(name, ps_codec_modules,
                   sizeof ps_codec_modules / sizeof ps_codec_modules[0],
                   sizeof ps_codec_modules[0], by_module);
}

static const struct ps_codec_alias *find_alias(const char *name)
{
    return bsearch(name, ps_codec_aliases,
                   sizeof ps_codec_aliases / sizeof ps_codec_aliases[0],
                   sizeof ps_codec_aliases[0], by_alias);
}

static const struct ps_codec_module *lookup_codec(const char *name)
{
    char norm[128];
    size_t j = 0;
    int punct = 0;
    for (size_t i = 0; name[i] && j + 2 < sizeof norm; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        int keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
        if (!keep) {
            punct = 1;
            continue;
        }
        if (punct && j > 0)
            norm[j++] = '_';
        norm[j++] = c;
        punct = 0;
    }
    norm[j] = '\0';
    const struct ps_codec_alias *al = find_alias(norm);
    if (!al && strchr(norm, '.')) {
        char under[sizeof norm];
        for (size_t i = 0; i <= j; i++)
            under[i] = norm[i] == '.' ? '_' : norm[i];
        al = find_alias(under);
    }
    if (al)
        return &ps_codec_modules[al->module];
    return find_module(norm);
}

/* An error found while decoding the whole source: CPython reports it at
 * line 0 with offset -1. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void source_error(ps_error *err, const char *fmt, ...)
{
    char msg[PS_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ps_error_setf(err, PS_ERR_DECODE, "%s", msg);
    err->offset = err->end_offset = -1;
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
    const struct ps_codec_module *codec = NULL;
    const char *norm = NULL;
    if (cookie) {
        norm = normal_name(cookie, normbuf, sizeof normbuf);
        if (bom && strcmp(norm, "utf-8") != 0) {
            source_error(err, "encoding problem: %s with BOM", norm);
            goto error;
        }
        codec = lookup_codec(norm);
        if (!codec) {
            source_error(err, "unknown encoding: %s", cookie);
            goto error;
        }
        switch (codec->kind) {
        case PS_CODEC_NOT_TEXT:
            source_error(err, "'%s' is not a text encoding; use "
                          "codecs.decode() to handle arbitrary codecs", norm);
            goto error;
        case PS_CODEC_UNDEFINED:
            source_error(err, "decoding with '%s' codec failed "
                          "(UnicodeError: undefined encoding)", norm);
            goto error;
        case PS_CODEC_UNSUPPORTED:
            /* A documented gap (README, "Source encodings"): CPython would
             * decode these multi-byte / stateful codecs. */
            source_error(err, "unsupported encoding: %s (libparse "
                          "decodes UTF-8 and the single-byte codecs only)", cookie);
            goto error;
        case PS_CODEC_UTF8:
            *encoding = "utf-8";
            break;
        case PS_CODEC_LATIN1:
            *encoding = "iso-8859-1";
            break;
        default:
            *encoding = codec->name;
            break;
        }
    }
    if (!codec || codec->kind == PS_CODEC_UTF8) {
        /* A cookie spelled other than "utf-8" (say "utf8") goes through the
         * codec, which validates the whole buffer, comments included. */
        if (codec && strcmp(norm, "utf-8") != 0) {
            size_t bad, bad_end;
            const char *why;
            if (ps_utf8_find_error((const unsigned char *)buf, n, &bad, &bad_end, &why)) {
                if (bad_end - bad <= 1)
                    source_error(err, "'utf-8' codec can't decode byte "
                                  "0x%02x in position %zu: %s",
                                  (unsigned char)buf[bad], bad, why);
                else
                    source_error(err, "'utf-8' codec can't decode bytes "
                                  "in position %zu-%zu: %s", bad, bad_end - 1, why);
                goto error;
            }
        }
        *out = buf;
        *out_len = n;
        return 0;
    }

    /* Single-byte codecs: at most 3 UTF-8 bytes per input byte (every table
     * entry is in the BMP). */
    const uint16_t *table = codec->kind == PS_CODEC_TABLE ? ps_codec_tables[codec->table] : NULL;
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
        if (c >= 0x80 && codec->kind == PS_CODEC_ASCII) {
            /* Python's message counts positions in the translated buffer. */
            source_error(err, "'ascii' codec can't decode byte 0x%02x in position %zu: "
                          "ordinal not in range(128)", c, i);
            free(dec);
            goto error;
        }
        if (table) {
            cp = table[c];
            if (cp == 0xFFFE) {
                source_error(err, "'charmap' codec can't decode byte 0x%02x in position %zu: "
                              "character maps to <undefined>", c, i);
                free(dec);
                goto error;
            }
        }
        m += ps_utf8_encode(dec + m, cp);
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
