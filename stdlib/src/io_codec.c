/*
 * io_codec.c — the codecs TextIOWrapper runs itself: incremental decoding
 * of UTF-8, ASCII and Latin-1 with CPython's error handlers, and the name
 * look-up.  Encoding goes through libobject (ob_str_encode).
 *
 * Decoding is defined one step at a time (io_codec_step): a step consumes
 * one character's bytes, or one maximal invalid subsequence, and yields
 * 0..4 code points.  TextIOWrapper.tell() replays the very same steps to
 * map a character index back to a byte offset, so both must agree — keep
 * every decision in io_codec_step.
 */
#include <ctype.h>
#include <string.h>

#include "libgc/gc.h"
#include "io_textio.h"

static void normalise(const char *in, char *out, size_t cap)
{
    size_t i = 0;
    for (; in[i] && i + 1 < cap; i++)
        out[i] = in[i] == '_' ? '-' : (char)tolower((unsigned char)in[i]);
    out[i] = 0;
}

int io_codec_lookup(const char *name, IoCodec *codec)
{
    char n[32];
    normalise(name, n, sizeof n);
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", "locale", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1",
                                         "8859", "cp819", "latin", "iso-ir-100", "csisolatin1",
                                         NULL};
    static const struct { const char *const *names; IoCodecKind kind; const char *pyname; } table[] = {
        {utf8, IO_CODEC_UTF8, "utf-8"},
        {ascii, IO_CODEC_ASCII, "ascii"},
        {latin1, IO_CODEC_LATIN1, "latin-1"},
    };
    for (size_t t = 0; t < sizeof table / sizeof table[0]; t++)
        for (const char *const *p = table[t].names; *p; p++)
            if (strcmp(n, *p) == 0) {
                codec->kind = table[t].kind;
                codec->name = table[t].pyname;
                return 0;
            }
    static const struct { const char *name; IoCodecKind kind; const char *pyname; } wide[] = {
        {"utf-16", IO_CODEC_UTF16, "utf-16"}, {"utf16", IO_CODEC_UTF16, "utf-16"},
        {"utf-16-le", IO_CODEC_UTF16LE, "utf-16-le"}, {"utf-16le", IO_CODEC_UTF16LE, "utf-16-le"},
        {"utf-16-be", IO_CODEC_UTF16BE, "utf-16-be"}, {"utf-16be", IO_CODEC_UTF16BE, "utf-16-be"},
        {"utf-32", IO_CODEC_UTF32, "utf-32"}, {"utf32", IO_CODEC_UTF32, "utf-32"},
        {"utf-32-le", IO_CODEC_UTF32LE, "utf-32-le"}, {"utf-32le", IO_CODEC_UTF32LE, "utf-32-le"},
        {"utf-32-be", IO_CODEC_UTF32BE, "utf-32-be"}, {"utf-32be", IO_CODEC_UTF32BE, "utf-32-be"},
    };
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (strcmp(n, wide[i].name) == 0) {
            codec->kind = wide[i].kind;
            codec->name = wide[i].pyname;
            return 0;
        }
    if (strcmp(n, "utf-8-sig") == 0 || strcmp(n, "utf8-sig") == 0) {
        codec->kind = IO_CODEC_UTF8SIG;
        codec->name = "utf-8";
        return 0;
    }
    return io_codec_registry_lookup(name, codec);
}

int io_errors_lookup(const char *name, IoErrors *e)
{
    static const struct { const char *name; IoErrors e; } table[] = {
        {"strict", IO_ERR_STRICT}, {"ignore", IO_ERR_IGNORE}, {"replace", IO_ERR_REPLACE},
        {"surrogateescape", IO_ERR_SURROGATEESCAPE}, {"backslashreplace", IO_ERR_BACKSLASH},
        {"surrogatepass", IO_ERR_STRICT}, {"xmlcharrefreplace", IO_ERR_STRICT},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0) {
            *e = table[i].e;
            return 0;
        }
    ob_err_format(ob_exc_LookupError, "unknown error handler name '%s'", name);
    return -1;
}

/* Length of the valid UTF-8 prefix of a sequence starting at s[0] (a lead
 * byte), or how far it got before going wrong.  *need: the full length. */
static int utf8_prefix(const uint8_t *s, kn_ssize_t n, int *need)
{
    uint8_t c = s[0];
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        *need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        *need = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        *need = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *need = 1;
        return 0;               /* invalid start byte */
    }
    int k = 1;
    for (; k < *need && k < n; k++) {
        uint8_t lim_lo = k == 1 ? lo : 0x80, lim_hi = k == 1 ? hi : 0xBF;
        if (s[k] < lim_lo || s[k] > lim_hi)
            break;
    }
    return k;
}

/* Replacement for the invalid bytes s[0, n). */
static int error_output(IoErrors e, const uint8_t *s, int n, uint32_t *out)
{
    static const char hex[] = "0123456789abcdef";
    switch (e) {
    case IO_ERR_IGNORE:
        return 0;
    case IO_ERR_REPLACE:
        out[0] = 0xFFFD;
        return 1;
    case IO_ERR_SURROGATEESCAPE:
        for (int i = 0; i < n; i++)
            out[i] = 0xDC00 + s[i];
        return n;
    case IO_ERR_BACKSLASH: {
        int w = 0;
        for (int i = 0; i < n; i++) {
            out[w++] = '\\';
            out[w++] = 'x';
            out[w++] = (uint32_t)hex[s[i] >> 4];
            out[w++] = (uint32_t)hex[s[i] & 15];
        }
        return w;
    }
    default:
        return -1;
    }
}

int io_codec_bom(IoCodec *codec, const uint8_t *s, kn_ssize_t n)
{
    if (codec->kind == IO_CODEC_UTF16 && n >= 2) {
        if (s[0] == 0xFF && s[1] == 0xFE) {
            *codec = (IoCodec){IO_CODEC_UTF16LE, "utf-16-le"};
            return 2;
        }
        if (s[0] == 0xFE && s[1] == 0xFF) {
            *codec = (IoCodec){IO_CODEC_UTF16BE, "utf-16-be"};
            return 2;
        }
    }
    if (codec->kind == IO_CODEC_UTF32 && n >= 4) {
        if (s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0) {
            *codec = (IoCodec){IO_CODEC_UTF32LE, "utf-32-le"};
            return 4;
        }
        if (s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) {
            *codec = (IoCodec){IO_CODEC_UTF32BE, "utf-32-be"};
            return 4;
        }
    }
    return 0;
}

/* One step of UTF-16 / UTF-32 (fixed byte order): the bytes taken, 0 for
 * a cut unit, or -(bad bytes) for an invalid sequence. */
static int wide_step(IoCodecKind kind, const uint8_t *s, kn_ssize_t n, int final, uint32_t *cp)
{
    int be = kind == IO_CODEC_UTF16BE || kind == IO_CODEC_UTF32BE;
    if (kind == IO_CODEC_UTF32LE || kind == IO_CODEC_UTF32BE) {
        if (n < 4)
            return final ? -(int)n : 0;
        uint32_t c = be ? (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3]
                        : (uint32_t)s[3] << 24 | (uint32_t)s[2] << 16 | (uint32_t)s[1] << 8 | s[0];
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return -4;
        *cp = c;
        return 4;
    }
    if (n < 2)
        return final ? -(int)n : 0;
    uint32_t u = be ? (uint32_t)s[0] << 8 | s[1] : (uint32_t)s[1] << 8 | s[0];
    if (u < 0xD800 || u > 0xDFFF) {
        *cp = u;
        return 2;
    }
    if (u > 0xDBFF)
        return -2;              /* a lone low surrogate */
    if (n < 4)
        return final ? -(int)n : 0;
    uint32_t v = be ? (uint32_t)s[2] << 8 | s[3] : (uint32_t)s[3] << 8 | s[2];
    if (v < 0xDC00 || v > 0xDFFF)
        return -2;              /* a high surrogate without its pair */
    *cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
    return 4;
}

int io_codec_step(const IoCodec *codec, IoErrors e, const uint8_t *s, kn_ssize_t n, int final,
                  uint32_t out[16], int *nout)
{
    if (codec->kind == IO_CODEC_REGISTRY)
        return io_codec_registry_step(codec, e, s, n, final, out, nout);
    if (codec->kind >= IO_CODEC_UTF16LE && codec->kind <= IO_CODEC_UTF32) {
        uint32_t cp = 0;
        int r = wide_step(codec->kind, s, n, final, &cp);
        if (r > 0) {
            out[0] = cp;
            *nout = 1;
            return r;
        }
        if (r == 0)
            return 0;
        int bad = -r;
        if (e == IO_ERR_SURROGATEESCAPE)
            for (int i = 0; i < bad; i++)
                if (s[i] < 0x80)
                    return -1;  /* not escapable: the error stands */
        int k = error_output(e, s, bad, out);
        if (k < 0)
            return -1;
        *nout = k;
        return bad;
    }
    uint8_t c = s[0];
    if (c < 0x80 || codec->kind == IO_CODEC_LATIN1) {
        out[0] = c;
        *nout = 1;
        return 1;
    }
    int bad = 1;
    if (codec->kind == IO_CODEC_UTF8 || codec->kind == IO_CODEC_UTF8SIG) {
        int need, k = utf8_prefix(s, n, &need);
        if (k == need) {
            uint32_t cp = need == 2 ? c & 0x1F : need == 3 ? c & 0x0F : c & 0x07;
            for (int i = 1; i < need; i++)
                cp = (cp << 6) | (s[i] & 0x3F);
            out[0] = cp;
            *nout = 1;
            return need;
        }
        if (k == n && k > 0 && !final)
            return 0;           /* a character cut by the chunk end */
        bad = k > 0 ? k : 1;
    }
    int r = error_output(e, s, bad, out);
    if (r < 0)
        return -1;
    *nout = r;
    return bad;
}

int io_codec_decode(const IoCodec *codec, IoErrors e, const uint8_t *s, kn_ssize_t n, int final,
                    uint32_t **out, kn_ssize_t *outn, kn_ssize_t *used)
{
    if (codec->kind == IO_CODEC_REGISTRY)
        return io_codec_registry_decode(codec, e, s, n, final, out, outn, used);
    /* at most 4 code points per input byte (backslashreplace) */
    uint32_t *buf = kgc_alloc_atomic((size_t)(n * 4 + 1) * sizeof(uint32_t));
    if (buf == NULL) {
        ob_err_nomemory();
        return -1;
    }
    kn_ssize_t i = 0, w = 0;
    while (i < n) {
        uint32_t tmp[16];
        int k, step = io_codec_step(codec, e, s + i, n - i, final, tmp, &k);
        if (step == 0)
            break;
        if (step < 0) {
            /* strict: let the full decoder raise CPython's exact error */
            KnObject *r = ob_str_decode((const char *)s, n, codec->name, "strict");
            if (r != NULL)
                ob_err_format(ob_exc_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x "
                              "in position %zd", codec->name, s[i], i);
            return -1;
        }
        io_memcpy(buf + w, tmp, (size_t)k * sizeof(uint32_t));
        w += k;
        i += step;
    }
    *out = buf;
    *outn = w;
    *used = i;
    return 0;
}
