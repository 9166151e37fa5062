/*
 * cjk_hz.c — the HZ codec (RFC 1843): 7-bit ASCII with "~{" ... "~}"
 * spans of GB 2312 codes (both bytes 0x21..0x7E); "~~" is a tilde and
 * "~\n" a line continuation in ASCII mode.  State byte c[0]: 1 inside a
 * GB span (the value getstate() shows).
 */
#include "cjk_internal.h"

#define IN_GB(st) ((st)->c[0] != 0)

static int hz_decode(const CjkCodec *codec, CjkState *st, const unsigned char *in, size_t n,
                     CjkOut *out, size_t *used)
{
    unsigned c = in[0];
    if (c >= 0x80)
        return 1;
    if (c == '~') {
        if (n < 2)
            return CJK_TOOFEW;
        unsigned d = in[1];
        *used = 2;
        if (IN_GB(st)) {
            if (d != '}')
                return 1;
            st->c[0] = 0;
            return CJK_OK;
        }
        if (d == '~')
            return cjk_out_char(out, '~') < 0 ? CJK_NOMEM : CJK_OK;
        if (d == '\n')
            return CJK_OK;
        if (d == '{') {
            st->c[0] = 1;
            return CJK_OK;
        }
        return 1;
    }
    if (!IN_GB(st)) {
        *used = 1;
        return cjk_out_char(out, c) < 0 ? CJK_NOMEM : CJK_OK;
    }
    if (n < 2)
        return CJK_TOOFEW;
    unsigned d = in[1];
    if (c < 0x21 || c > 0x7E || d < 0x21 || d > 0x7E)
        return 1;
    uint32_t u = cjk_table_char2(codec->table, c | 0x80, d | 0x80);
    if (u == 0)
        return 1;
    *used = 2;
    return cjk_out_char(out, u) < 0 ? CJK_NOMEM : CJK_OK;
}

static int hz_encode(const CjkCodec *codec, CjkState *st, const uint32_t *in, size_t n, int flush,
                     CjkOut *out, size_t *used)
{
    (void)n;
    (void)flush;
    uint32_t c = in[0];
    if (c < 0x80) {
        if (IN_GB(st)) {
            if (cjk_out_bytes(out, (const unsigned char *)"~}", 2) < 0)
                return CJK_NOMEM;
            st->c[0] = 0;
        }
        int r = c == '~' ? cjk_out_bytes(out, (const unsigned char *)"~~", 2)
                         : cjk_out_bytes(out, (const unsigned char[]){(unsigned char)c}, 1);
        *used = 1;
        return r < 0 ? CJK_NOMEM : CJK_OK;
    }
    uint32_t code;
    int len = cjk_table_code(codec->table, c, &code);
    if (len < 0)
        return CJK_NOMEM;
    if (len != 2)
        return 1;
    if (!IN_GB(st)) {
        if (cjk_out_bytes(out, (const unsigned char *)"~{", 2) < 0)
            return CJK_NOMEM;
        st->c[0] = 1;
    }
    unsigned char b[2] = {(unsigned char)(code >> 8 & 0x7F), (unsigned char)(code & 0x7F)};
    *used = 1;
    return cjk_out_bytes(out, b, 2) < 0 ? CJK_NOMEM : CJK_OK;
}

static int hz_encreset(const CjkCodec *codec, CjkState *st, CjkOut *out)
{
    (void)codec;
    if (!IN_GB(st))
        return 0;
    st->c[0] = 0;
    return cjk_out_bytes(out, (const unsigned char *)"~}", 2);
}

static void hz_decreset(CjkState *st)
{
    st->c[0] = 0;
}

const CjkCodec cjk_codec_hz = {"hz", &cjk_table_gb2312, hz_decode, hz_encode, hz_encreset,
                               hz_decreset, NULL, NULL, NULL};
