/* parse_nfkc.c — NFKC normalisation of identifiers (PEP 3131).
 *
 * CPython's parser normalises every non-ASCII NAME with NFKC before it becomes
 * an identifier (so `ﬁ = 1` binds `fi`).  libparse has no unicodedata, so the
 * data lives in parse_nfkc_table.h, generated from /usr/bin/python3.11's own
 * unicodedata by tools/gen-nfkc-table.py.  The algorithm is the textbook one:
 * full compatibility decomposition (table + Hangul arithmetic), canonical
 * ordering by combining class, then canonical composition.
 */
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"
#include "parse_nfkc_table.h"

enum {
    PP_SBASE = 0xAC00, PP_LBASE = 0x1100, PP_VBASE = 0x1161, PP_TBASE = 0x11A7,
    PP_LCOUNT = 19, PP_VCOUNT = 21, PP_TCOUNT = 28,
    PP_NCOUNT = PP_VCOUNT * PP_TCOUNT, PP_SCOUNT = PP_LCOUNT * PP_NCOUNT
};

static int nfkc_ccc(uint32_t cp)
{
    size_t lo = 0, hi = PP_NFKC_NCCC;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t k = pp_nfkc_ccc[mid] >> 8;
        if (k == cp)
            return (int)(pp_nfkc_ccc[mid] & 0xff);
        if (k < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Full decomposition of cp: returns its length and sets *seq, or 0. */
static size_t nfkc_decomp(uint32_t cp, const uint32_t **seq)
{
    size_t lo = 0, hi = PP_NFKC_NDECOMP;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t k = pp_nfkc_decomp[2 * mid] >> 11;
        if (k == cp) {
            *seq = &pp_nfkc_pool[pp_nfkc_decomp[2 * mid + 1]];
            return pp_nfkc_decomp[2 * mid] & 0x7ff;
        }
        if (k < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static uint32_t nfkc_compose(uint32_t a, uint32_t b)
{
    if (a >= PP_LBASE && a < PP_LBASE + PP_LCOUNT && b >= PP_VBASE && b < PP_VBASE + PP_VCOUNT)
        return PP_SBASE + ((a - PP_LBASE) * PP_VCOUNT + (b - PP_VBASE)) * PP_TCOUNT;
    if (a >= PP_SBASE && a < PP_SBASE + PP_SCOUNT && (a - PP_SBASE) % PP_TCOUNT == 0
        && b > PP_TBASE && b < PP_TBASE + PP_TCOUNT)
        return a + (b - PP_TBASE);
    size_t lo = 0, hi = PP_NFKC_NCOMP;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t f = pp_nfkc_comp[3 * mid], s = pp_nfkc_comp[3 * mid + 1];
        if (f == a && s == b)
            return pp_nfkc_comp[3 * mid + 2];
        if (f < a || (f == a && s < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Decode one UTF-8 sequence (input is valid UTF-8: the tokenizer checked). */
static uint32_t utf8_get(const unsigned char *s, size_t n, size_t *i)
{
    unsigned c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (0x3F >> (len - 1));
    for (int k = 1; k < len && *i + k < n; k++)
        cp = (cp << 6) | (s[*i + k] & 0x3F);
    *i += len;
    return cp;
}

static size_t utf8_put(char *o, uint32_t cp)
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
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

char *pp_nfkc(const char *s, size_t n, size_t *out_len)
{
    /* A code point decomposes to at most 18 (U+FDFA); reserve generously. */
    size_t cap = n * 18 + 4, len = 0;
    uint32_t *buf = malloc(cap * sizeof *buf);
    if (!buf)
        return NULL;
    for (size_t i = 0; i < n;) {
        uint32_t cp = utf8_get((const unsigned char *)s, n, &i);
        const uint32_t *seq;
        size_t k;
        if (cp >= PP_SBASE && cp < PP_SBASE + PP_SCOUNT) {
            uint32_t si = cp - PP_SBASE;
            buf[len++] = PP_LBASE + si / PP_NCOUNT;
            buf[len++] = PP_VBASE + (si % PP_NCOUNT) / PP_TCOUNT;
            if (si % PP_TCOUNT)
                buf[len++] = PP_TBASE + si % PP_TCOUNT;
        } else if ((k = nfkc_decomp(cp, &seq)) != 0) {
            memcpy(buf + len, seq, k * sizeof *seq);
            len += k;
        } else {
            buf[len++] = cp;
        }
    }
    /* Canonical ordering: stable insertion sort inside runs of ccc != 0. */
    for (size_t i = 1; i < len; i++) {
        int c = nfkc_ccc(buf[i]);
        if (!c)
            continue;
        size_t j = i;
        uint32_t v = buf[i];
        while (j > 0) {
            int pc = nfkc_ccc(buf[j - 1]);
            if (pc <= c)
                break;
            buf[j] = buf[j - 1];
            j--;
        }
        buf[j] = v;
    }
    /* Canonical composition. */
    if (len > 0) {
        size_t starter = 0, w = 1;
        int starter_ok = nfkc_ccc(buf[0]) == 0;
        int last_ccc = starter_ok ? 0 : 256;
        for (size_t i = 1; i < len; i++) {
            uint32_t cp = buf[i];
            int c = nfkc_ccc(cp);
            uint32_t comp = 0;
            if (starter_ok && (last_ccc < c || (last_ccc == 0 && w == starter + 1)))
                comp = nfkc_compose(buf[starter], cp);
            if (comp) {
                buf[starter] = comp;
                continue;
            }
            if (c == 0) {
                starter = w;
                starter_ok = 1;
                last_ccc = 0;
            } else {
                last_ccc = c;
            }
            buf[w++] = cp;
        }
        len = w;
    }
    char *out = malloc(len * 4 + 1);
    if (!out) {
        free(buf);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < len; i++)
        o += utf8_put(out + o, buf[i]);
    out[o] = 0;
    free(buf);
    *out_len = o;
    return out;
}
