/*
 * cjk_engine.c — the table-driven stateless codecs (gb2312, gbk, gb18030,
 * the Shift_JIS / EUC-JP families, euc_kr, cp949, johab, big5, cp950,
 * big5hkscs) over the generated tables of cjk_tables.c.
 *
 * Decoding walks the byte trie; encoding uses a map code point -> code
 * built on first use from the trie (shortest sequence wins, then the first
 * in byte order) and corrected by the table's overrides.  The map is
 * derived data of constant tables, so one per table is kept for the
 * process (built under the GIL).
 */
#include <stdlib.h>
#include <string.h>

#include "cjk_internal.h"

/* ---- outputs */

static int out_grow(CjkOut *o, size_t need, size_t unit)
{
    if (o->len + need <= o->cap)
        return 0;
    size_t cap = o->cap ? o->cap * 2 : 64;
    while (cap < o->len + need)
        cap *= 2;
    void *old = unit == 1 ? (void *)o->b : (void *)o->u;
    void *p = kgc_alloc_atomic(cap * unit);
    if (p == NULL) {
        ob_err_nomemory();
        return -1;
    }
    if (old != NULL)
        memcpy(p, old, o->len * unit);
    if (unit == 1)
        o->b = p;
    else
        o->u = p;
    o->cap = cap;
    return 0;
}

int cjk_out_bytes(CjkOut *o, const unsigned char *p, size_t n)
{
    if (out_grow(o, n, 1) < 0)
        return -1;
    memcpy(o->b + o->len, p, n);
    o->len += n;
    return 0;
}

int cjk_out_char(CjkOut *o, uint32_t c)
{
    if (out_grow(o, 1, sizeof(uint32_t)) < 0)
        return -1;
    o->u[o->len++] = c;
    return 0;
}

static int out_code(CjkOut *o, uint32_t code, unsigned len)
{
    unsigned char b[4];
    for (unsigned i = 0; i < len; i++)
        b[i] = (unsigned char)(code >> (8 * (len - 1 - i)));
    return cjk_out_bytes(o, b, len);
}

/* ---- decoding */

static uint16_t node_entry(uint32_t node, unsigned b)
{
    const CjkNode *nd = &cjk_nodes[node];
    return b >= nd->lo && b <= nd->hi ? cjk_vals[nd->off + b - nd->lo] : nd->dflt;
}

static const CjkExtra *find_extra(const CjkTable *t, uint32_t seq)
{
    size_t lo = 0, hi = t->nextras;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->extras[mid].seq < seq)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nextras && t->extras[lo].seq == seq ? &t->extras[lo] : NULL;
}

static uint32_t four_index(const unsigned char *in)
{
    return ((((uint32_t)in[0] - 0x81) * 10 + (in[1] - 0x30)) * 126 + (in[2] - 0x81)) * 10
           + (in[3] - 0x30);
}

static int decode_four(const CjkTable *t, const unsigned char *in, size_t n, CjkOut *out,
                       size_t *used)
{
    if (n < 4)
        return CJK_TOOFEW;
    if (in[2] < 0x81 || in[2] > 0xFE || in[3] < 0x30 || in[3] > 0x39)
        return 1;
    uint32_t idx = four_index(in);
    size_t lo = 0, hi = t->nfour;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->four[mid].hi < idx)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == t->nfour || t->four[lo].lo > idx)
        return 1;
    if (cjk_out_char(out, t->four[lo].cp + idx - t->four[lo].lo) < 0)
        return CJK_NOMEM;
    *used = 4;
    return CJK_OK;
}

static int jamo_index(const uint8_t *tab, int n, unsigned b)
{
    for (int i = 0; i < n; i++)
        if (tab[i] == b)
            return i;
    return -1;
}

/* KS X 1001 make-up: a4 d4, then a4 <initial> a4 <medial> a4 <final>. */
static int decode_makeup(const unsigned char *in, size_t n, CjkOut *out, size_t *used)
{
    if (n < 8)
        return CJK_TOOFEW;
    if (in[2] != 0xA4 || in[4] != 0xA4 || in[6] != 0xA4)
        return 1;
    int c = jamo_index(cjk_euckr_cho, 19, in[3]);
    int j = jamo_index(cjk_euckr_jung, 21, in[5]);
    int k = jamo_index(cjk_euckr_jong, 28, in[7]);
    if (c < 0 || j < 0 || k < 0)
        return 1;
    if (cjk_out_char(out, 0xAC00 + (uint32_t)((c * 21 + j) * 28 + k)) < 0)
        return CJK_NOMEM;
    *used = 8;
    return CJK_OK;
}

int cjk_table_decode(const CjkCodec *codec, CjkState *st, const unsigned char *in, size_t n,
                     CjkOut *out, size_t *used)
{
    (void)st;
    return cjk_trie_decode(codec->table, in, n, out, used);
}

int cjk_trie_decode(const CjkTable *t, const unsigned char *in, size_t n, CjkOut *out,
                    size_t *used)
{
    uint32_t e = t->root[in[0]];
    if (e < 0x110000) {
        *used = 1;
        return cjk_out_char(out, e) < 0 ? CJK_NOMEM : CJK_OK;
    }
    if (!(e & CJK_ROOT_CHILD))
        return (int)(e & 0xFF);
    uint32_t node = e & 0xFFFFFF, seq = in[0];
    for (size_t k = 1;; k++) {
        if (k >= n)
            return CJK_TOOFEW;
        seq = seq << 8 | in[k];
        uint16_t v = node_entry(node, in[k]);
        if (v < CJK_ILL) {
            *used = k + 1;
            return cjk_out_char(out, v) < 0 ? CJK_NOMEM : CJK_OK;
        }
        if (v < CJK_MAKEUP)
            return v - CJK_ILL + 1;
        if (v == CJK_FOUR)
            return decode_four(t, in, n, out, used);
        if (v == CJK_MAKEUP)
            return decode_makeup(in, n, out, used);
        const CjkExtra *x = find_extra(t, seq);
        if (x == NULL)
            return 1;   /* not reached: the generator lists every CJK_EXT */
        if (x->a & CJK_ROOT_CHILD) {
            node = x->a & 0xFFFFFF;
            continue;
        }
        if (cjk_out_char(out, x->a) < 0 || (x->b != 0 && cjk_out_char(out, x->b) < 0))
            return CJK_NOMEM;
        *used = k + 1;
        return CJK_OK;
    }
}

uint32_t cjk_table_char2(const CjkTable *t, unsigned b1, unsigned b2)
{
    uint32_t e = t->root[b1 & 0xFF];
    if (e < 0x110000 || !(e & CJK_ROOT_CHILD))
        return 0;
    uint16_t v = node_entry(e & 0xFFFFFF, b2 & 0xFF);
    return v < CJK_ILL ? v : 0;
}

/* ---- the encoding map */

/* map value: code | len << 24; MAP_NONE: explicitly not encodable;
 * MAP_MAKEUP: euc_kr make-up sequence. */
#define MAP_NONE 0xFFFFFFFFu
#define MAP_MAKEUP 0xFE000000u

typedef struct EncMap {
    const CjkTable *table;
    uint32_t *pages[0x1100];
    CjkRun *four_by_cp;        /* the runs sorted by code point */
    int makeup;                /* Hangul syllables without a code: make-up */
} EncMap;

static EncMap *enc_maps[64];

static int map_set(EncMap *m, uint32_t cp, uint32_t val, int replace)
{
    uint32_t **pg = &m->pages[cp >> 8];
    if (*pg == NULL) {
        *pg = kgc_alloc_atomic(256 * sizeof(uint32_t));
        if (*pg == NULL) {
            ob_err_nomemory();
            return -1;
        }
        memset(*pg, 0, 256 * sizeof(uint32_t));
    }
    uint32_t *slot = &(*pg)[cp & 0xFF];
    if (*slot == 0 || replace || (val >> 24) < (*slot >> 24))
        *slot = val;
    return 0;
}

static int walk(EncMap *m, uint32_t node, uint32_t seq, unsigned len)
{
    for (unsigned b = 0; b < 256; b++) {
        uint16_t v = node_entry(node, b);
        uint32_t s = seq << 8 | b;
        if (v < CJK_ILL) {
            if (map_set(m, v, s | (len + 1) << 24, 0) < 0)
                return -1;
        } else if (v == CJK_MAKEUP) {
            m->makeup = 1;
        } else if (v == CJK_EXT) {
            const CjkExtra *x = find_extra(m->table, s);
            if (x == NULL)
                continue;
            if (x->a & CJK_ROOT_CHILD) {
                if (walk(m, x->a & 0xFFFFFF, s, len + 1) < 0)
                    return -1;
            } else if (x->b == 0 && map_set(m, x->a, s | (len + 1) << 24, 0) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int cmp_run_cp(const void *a, const void *b)
{
    uint32_t x = ((const CjkRun *)a)->cp, y = ((const CjkRun *)b)->cp;
    return x < y ? -1 : x > y;
}

static EncMap *enc_map(const CjkTable *t)
{
    size_t i;
    for (i = 0; i < 64 && enc_maps[i] != NULL; i++)
        if (enc_maps[i]->table == t)
            return enc_maps[i];
    if (i == 64) {
        ob_err_set_string(ob_exc_SystemError, "too many CJK tables");
        return NULL;
    }
    /* uncollectable: reached only from this static array */
    EncMap *m = kgc_alloc_uncollectable(sizeof(EncMap));
    if (m == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memset(m, 0, sizeof *m);
    m->table = t;
    for (unsigned b = 0; b < 256; b++) {
        uint32_t e = t->root[b];
        if (e < 0x110000) {
            if (map_set(m, e, b | 1u << 24, 0) < 0)
                return NULL;
        } else if ((e & CJK_ROOT_CHILD) && walk(m, e & 0xFFFFFF, b, 1) < 0) {
            return NULL;
        }
    }
    for (size_t k = 0; k < t->nover; k++) {
        const CjkOverride *o = &t->over[k];
        uint32_t v = o->len == 0 ? MAP_NONE
                     : o->len == CJK_OVER_MAKEUP ? MAP_MAKEUP : (o->code | o->len << 24);
        if (map_set(m, o->cp, v, 1) < 0)
            return NULL;
    }
    if (t->nfour) {
        m->four_by_cp = kgc_alloc_uncollectable(t->nfour * sizeof(CjkRun));
        if (m->four_by_cp == NULL) {
            ob_err_nomemory();
            return NULL;
        }
        memcpy(m->four_by_cp, t->four, t->nfour * sizeof(CjkRun));
        qsort(m->four_by_cp, t->nfour, sizeof(CjkRun), cmp_run_cp);
    }
    enc_maps[i] = m;
    return m;
}

/* 0: not encodable; 4 with *code for a gb18030 four-byte code; 8 for a
 * make-up sequence; else the code's length. */
static int map_code(EncMap *m, uint32_t c, uint32_t *code)
{
    uint32_t v = c < 0x110000 && m->pages[c >> 8] ? m->pages[c >> 8][c & 0xFF] : 0;
    if (v == MAP_NONE)
        return 0;
    if (v == MAP_MAKEUP || (v == 0 && m->makeup && c >= 0xAC00 && c <= 0xD7A3))
        return 8;
    if (v != 0) {
        *code = v & 0xFFFFFF;
        return (int)(v >> 24);
    }
    const CjkTable *t = m->table;
    size_t lo = 0, hi = t->nfour;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const CjkRun *r = &m->four_by_cp[mid];
        if (r->cp + (r->hi - r->lo) < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->nfour && m->four_by_cp[lo].cp <= c) {
        const CjkRun *r = &m->four_by_cp[lo];
        uint32_t idx = r->lo + (c - r->cp);
        uint32_t b4 = idx % 10, b3 = idx / 10 % 126, b2 = idx / 1260 % 10, b1 = idx / 12600;
        *code = (b1 + 0x81) << 24 | (b2 + 0x30) << 16 | (b3 + 0x81) << 8 | (b4 + 0x30);
        return 4;
    }
    return 0;
}

int cjk_table_code(const CjkTable *t, uint32_t c, uint32_t *code)
{
    EncMap *m = enc_map(t);
    if (m == NULL)
        return -1;
    int len = map_code(m, c, code);
    return len == 8 ? 0 : len;
}

static int out_makeup(CjkOut *out, uint32_t c)
{
    uint32_t i = c - 0xAC00;
    unsigned char b[8] = {0xA4, 0xD4, 0xA4, cjk_euckr_cho[i / 588], 0xA4,
                          cjk_euckr_jung[i % 588 / 28], 0xA4, cjk_euckr_jong[i % 28]};
    return cjk_out_bytes(out, b, 8);
}

int cjk_table_encode(const CjkCodec *codec, CjkState *st, const uint32_t *in, size_t n, int flush,
                     CjkOut *out, size_t *used)
{
    (void)st;
    const CjkTable *t = codec->table;
    EncMap *m = enc_map(t);
    if (m == NULL)
        return CJK_NOMEM;
    uint32_t c = in[0];
    int starts_pair = 0;
    for (size_t k = 0; k < t->npairs; k++) {
        if (t->pairs[k].first != c)
            continue;
        starts_pair = 1;
        if (n >= 2 && t->pairs[k].second == in[1]) {
            *used = 2;
            return out_code(out, t->pairs[k].code, t->pairs[k].len) < 0 ? CJK_NOMEM : CJK_OK;
        }
    }
    if (starts_pair && n < 2 && !flush)
        return CJK_TOOFEW;
    uint32_t code;
    int len = map_code(m, c, &code);
    if (len == 0)
        return 1;
    *used = 1;
    if (len == 8)
        return out_makeup(out, c) < 0 ? CJK_NOMEM : CJK_OK;
    return out_code(out, code, (unsigned)len) < 0 ? CJK_NOMEM : CJK_OK;
}
