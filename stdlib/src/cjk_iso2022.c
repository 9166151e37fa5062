/*
 * cjk_iso2022.c — the ISO 2022 codecs (iso2022_jp, _jp_1, _jp_2,
 * _jp_2004, _jp_3, _jp_ext, iso2022_kr) and the _codecs_iso2022 module.
 *
 * A charset is named by its mark: the final byte of its designation, plus
 * 0x80 for two-byte sets ('B' ASCII, 'J' JIS X 0201 Roman, 'I' JIS X 0201
 * Katakana, 0xC2 JIS X 0208, 0xC0 its 1978 edition, 0xC4 JIS X 0212, 0xC1
 * GB 2312, 0xC3 KS X 1001, 0xCF / 0xD1 JIS X 0213 plane 1 (2000 / 2004),
 * 0xD0 plane 2), plus 0x100 for the G2 sets of iso2022_jp_2 (0x141 ISO
 * 8859-1, 0x146 ISO 8859-7).  The variant tables (cjk_tables.c) list the
 * marks each variant decodes and the order its encoder tries them in.
 *
 * State bytes, as python3.11's getstate() shows them: c[0..2] the charsets
 * designated to G0, G1, G2; c[4] flags (F_SHIFT: SO seen, KR only;
 * F_ESC: an escape that is not ISO 2022 was met and bytes pass through as
 * Latin-1 until a byte that ends an escape, 'A'..'Z' or '@').
 */
#include <string.h>

#include "cjk_internal.h"

KnObject *kn_init__codecs_iso2022(void);

#define ESC 0x1B
#define SO 0x0E
#define SI 0x0F
#define G0 c[0]
#define G1 c[1]
#define G2 c[2]
#define FLAGS c[4]
#define F_SHIFT 0x01
#define F_ESC 0x02
#define ASCII 'B'

static void iso_encinit(CjkState *st)
{
    st->G0 = ASCII;
    st->G1 = ASCII;
}

static void iso_decinit(CjkState *st)
{
    memset(st, 0, sizeof *st);
    st->G0 = ASCII;
    st->G1 = ASCII;
    st->G2 = ASCII;
}

static int accepts(const CjkIsoVariant *v, unsigned mark)
{
    for (size_t i = 0; v->marks[i] != 0; i++)
        if (v->marks[i] == mark)
            return 1;
    return 0;
}

static const CjkTable *table_of(const CjkIsoVariant *v, unsigned mark)
{
    for (size_t i = 0; v->marks[i] != 0; i++)
        if (v->marks[i] == mark)
            return v->tables[i];
    return NULL;
}

/* ---- decoding */

static int is_escend(unsigned b)
{
    return (b >= 'A' && b <= 'Z') || b == '@';
}

/* ESC ( F, ESC ) F, ESC . F, ESC $ F, ESC $ ( F, ESC $ ) F. */
static int designate(const CjkIsoVariant *v, CjkState *st, const unsigned char *in, size_t n,
                     size_t *used)
{
    size_t len = 0;
    for (size_t i = 1; i < 16; i++) {
        if (i >= n)
            return CJK_TOOFEW;
        if (is_escend(in[i])) {
            len = i + 1;
            break;
        }
    }
    if (len == 0)
        return 1;   /* unterminated */
    unsigned mark;
    int g;
    if (len == 3) {
        if (in[1] == '$') {
            mark = in[2] | 0x80u;
            g = 0;
        } else {
            mark = in[2];
            if (in[1] == '(')
                g = 0;
            else if (in[1] == ')')
                g = 1;
            else if (in[1] == '.' && (v->flags & CJK_ISO_G2)) {
                g = 2;
                mark |= 0x100;
            } else
                return 3;
        }
    } else if (len == 4) {
        if (in[1] != '$' || (in[2] != '(' && in[2] != ')'))
            return 4;
        mark = in[3] | 0x80u;
        g = in[2] == '(' ? 0 : 1;
    } else {
        return (int)len;
    }
    if ((mark & 0xFF) != ASCII && !accepts(v, mark))
        return (int)len;
    st->c[g] = (unsigned char)mark;
    *used = len;
    return CJK_OK;
}

/* ESC N b: one character of the G2 set. */
static int single_shift(CjkState *st, const unsigned char *in, size_t n, CjkOut *out,
                        size_t *used)
{
    if (n < 3)
        return CJK_TOOFEW;
    unsigned b = in[2];
    if (b >= 0x80)
        return 3;
    uint32_t u = b;
    if (st->G2 == 'A')
        u = b | 0x80;
    else if (st->G2 == 'F')
        u = b < 0x20 ? (b | 0x80) : cjk_iso8859_7[b - 0x20];
    if (u == 0)
        return 3;
    *used = 3;
    return cjk_out_char(out, u) < 0 ? CJK_NOMEM : CJK_OK;
}

static int iso_decode(const CjkCodec *codec, CjkState *st, const unsigned char *in, size_t n,
                      CjkOut *out, size_t *used)
{
    const CjkIsoVariant *v = codec->iso;
    unsigned c = in[0];
    if (st->FLAGS & F_ESC) {
        if (is_escend(c))
            st->FLAGS &= (unsigned char)~F_ESC;
        *used = 1;
        return cjk_out_char(out, c) < 0 ? CJK_NOMEM : CJK_OK;
    }
    if (c == ESC) {
        if (n < 2)
            return CJK_TOOFEW;
        unsigned d = in[1];
        if (d == 'N' && (v->flags & CJK_ISO_G2))
            return single_shift(st, in, n, out, used);
        if (d == '(' || d == ')' || d == '$' || d == '.')
            return designate(v, st, in, n, used);
        st->FLAGS |= F_ESC;
        *used = 1;
        return cjk_out_char(out, c) < 0 ? CJK_NOMEM : CJK_OK;
    }
    if ((v->flags & CJK_ISO_KR) && (c == SO || c == SI)) {
        if (c == SO)
            st->FLAGS |= F_SHIFT;
        else
            st->FLAGS &= (unsigned char)~F_SHIFT;
        *used = 1;
        return CJK_OK;
    }
    if (c >= 0x80)
        return 1;
    if (c < 0x20) {
        if (c == '\n')
            st->FLAGS &= (unsigned char)~F_SHIFT;
        *used = 1;
        return cjk_out_char(out, c) < 0 ? CJK_NOMEM : CJK_OK;
    }
    unsigned mark = (st->FLAGS & F_SHIFT) ? st->G1 : st->G0;
    uint32_t u;
    if (mark == ASCII)
        u = c;
    else if (mark == 'J')
        u = c == 0x5C ? 0xA5 : c == 0x7E ? 0x203E : c;
    else if (mark == 'I') {
        if (c < 0x21 || c > 0x5F)
            return 1;
        u = 0xFF61 + (c - 0x21);
    } else {
        const CjkTable *t = (mark & 0x80) ? table_of(v, mark) : NULL;
        if (t == NULL)
            return 1;
        return cjk_trie_decode(t, in, n, out, used);
    }
    *used = 1;
    return cjk_out_char(out, u) < 0 ? CJK_NOMEM : CJK_OK;
}

static void iso_decreset(CjkState *st)
{
    iso_decinit(st);
}

/* ---- encoding */

/* Code of u in the set `mark`: its length (0: none). */
static int charset_code(const CjkIsoVariant *v, unsigned mark, uint32_t u, uint32_t *code)
{
    switch (mark) {
    case 'J':
        *code = u == 0xA5 ? 0x5C : 0x7E;
        return u == 0xA5 || u == 0x203E;
    case 'I':
        *code = u - 0xFF61 + 0x21;
        return u >= 0xFF61 && u <= 0xFF9F;
    case 0x141:
        *code = u - 0x80;
        return u >= 0xA0 && u <= 0xFF;
    case 0x146:
        for (unsigned i = 0; i < 96; i++)
            if (cjk_iso8859_7[i] == u && u != 0) {
                *code = 0x20 + i;
                return 1;
            }
        return 0;
    default: {
        const CjkTable *t = table_of(v, mark);
        if (t == NULL)
            return 0;
        int len = cjk_table_code(t, u, code);
        return len == 2 ? 2 : len < 0 ? -1 : 0;
    }
    }
}

static int put(CjkOut *out, const char *s, size_t n)
{
    return cjk_out_bytes(out, (const unsigned char *)s, n);
}

static int emit(const CjkIsoVariant *v, CjkState *st, CjkOut *out, unsigned mark, uint32_t code,
                int len)
{
    unsigned f = mark & 0x7F;
    if (mark & 0x100) {
        if (st->G2 != (mark & 0xFF)) {
            const char d[3] = {ESC, '.', (char)f};
            if (put(out, d, 3) < 0)
                return -1;
            st->G2 = (unsigned char)mark;
        }
        const char d[3] = {ESC, 'N', (char)code};
        return put(out, d, 3);
    }
    if (v->flags & CJK_ISO_KR) {
        if (st->G1 != mark) {
            const char d[4] = {ESC, '$', ')', (char)f};
            if (put(out, d, 4) < 0)
                return -1;
            st->G1 = (unsigned char)mark;
        }
        if (!(st->FLAGS & F_SHIFT)) {
            if (put(out, "\x0e", 1) < 0)
                return -1;
            st->FLAGS |= F_SHIFT;
        }
    } else if (st->G0 != mark) {
        char d[4] = {ESC, '(', (char)f, 0};
        size_t dn = 3;
        if (mark & 0x80) {
            d[1] = '$';
            if (f != '@' && f != 'B') {
                d[2] = '(';
                d[3] = (char)f;
                dn = 4;
            }
        }
        if (put(out, d, dn) < 0)
            return -1;
        st->G0 = (unsigned char)mark;
    }
    unsigned char b[2] = {(unsigned char)(code >> 8), (unsigned char)code};
    return cjk_out_bytes(out, len == 2 ? b : b + 1, (size_t)len);
}

static const CjkOverride *find_override(const CjkIsoVariant *v, uint32_t u)
{
    size_t lo = 0, hi = v->nover;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v->over[mid].cp < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < v->nover && v->over[lo].cp == u ? &v->over[lo] : NULL;
}

static int iso_encode(const CjkCodec *codec, CjkState *st, const uint32_t *in, size_t n, int flush,
                      CjkOut *out, size_t *used)
{
    const CjkIsoVariant *v = codec->iso;
    uint32_t u = in[0];
    if (u < 0x80) {
        if (st->G0 != ASCII) {
            if (put(out, "\x1b(B", 3) < 0)
                return CJK_NOMEM;
            st->G0 = ASCII;
        }
        if (st->FLAGS & F_SHIFT) {
            if (put(out, "\x0f", 1) < 0)
                return CJK_NOMEM;
            st->FLAGS &= (unsigned char)~F_SHIFT;
        }
        unsigned char b = (unsigned char)u;
        *used = 1;
        return cjk_out_bytes(out, &b, 1) < 0 ? CJK_NOMEM : CJK_OK;
    }
    int starts_pair = 0;
    for (size_t k = 0; k < v->npairs; k++) {
        const CjkPair *p = &v->pairs[k];
        if (p->first != u)
            continue;
        starts_pair = 1;
        if (n >= 2 && p->second != 0 && p->second == in[1]) {
            *used = 2;
            return emit(v, st, out, p->len >> 8, p->code, (int)(p->len & 0xFF)) < 0 ? CJK_NOMEM
                                                                                   : CJK_OK;
        }
    }
    if (starts_pair && n < 2 && !flush)
        return CJK_TOOFEW;
    unsigned mark = 0;
    uint32_t code = 0;
    int len = 0;
    const CjkOverride *o = find_override(v, u);
    if (o != NULL) {
        if (o->len == 0)
            return 1;
        mark = o->len >> 8;
        len = (int)(o->len & 0xFF);
        code = o->code;
    } else {
        for (size_t i = 0; v->order[i] != 0 && len == 0; i++) {
            mark = v->order[i];
            len = charset_code(v, mark, u, &code);
            if (len < 0)
                return CJK_NOMEM;
        }
        if (len == 0)
            return 1;
    }
    *used = 1;
    return emit(v, st, out, mark, code, len) < 0 ? CJK_NOMEM : CJK_OK;
}

static int iso_encreset(const CjkCodec *codec, CjkState *st, CjkOut *out)
{
    (void)codec;
    if (st->FLAGS & F_SHIFT) {
        if (put(out, "\x0f", 1) < 0)
            return -1;
        st->FLAGS &= (unsigned char)~F_SHIFT;
    }
    if (st->G0 != ASCII) {
        if (put(out, "\x1b(B", 3) < 0)
            return -1;
        st->G0 = ASCII;
    }
    return 0;
}

#define ISO_CODEC(id) \
    const CjkCodec cjk_codec_##id = {#id, NULL, iso_decode, iso_encode, iso_encreset, \
                                     iso_decreset, iso_encinit, iso_decinit, &cjk_iso_##id}

ISO_CODEC(iso2022_jp);
ISO_CODEC(iso2022_jp_1);
ISO_CODEC(iso2022_jp_2);
ISO_CODEC(iso2022_jp_2004);
ISO_CODEC(iso2022_jp_3);
ISO_CODEC(iso2022_jp_ext);
ISO_CODEC(iso2022_kr);
