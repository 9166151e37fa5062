/*
 * unicodedata_norm.c — normalize() and is_normalized(): NFD/NFKD are the
 * full (recursive) canonical / compatibility decomposition with Hangul
 * syllables split arithmetically, then canonical ordering (a stable sort
 * of each run of non-starters by combining class); NFC/NFKC then compose
 * every unblocked pair that has a primary composite (UAX #15).
 *
 * For Unicode 3.2.0 code points unassigned then are left alone and the
 * ten normalisation corrections (a different decomposition in 3.2) are
 * used; composition uses the 14.0 pairs, as CPython's does.
 */
#include <string.h>

#include "libgc/gc.h"
#include "unicodedata_internal.h"

typedef struct Buf {
    uint32_t *p;
    kn_ssize_t n, cap;
} Buf;

static int put(Buf *b, uint32_t c)
{
    if (b->n == b->cap) {
        kn_ssize_t cap = b->cap * 2 + 32;
        uint32_t *q = kgc_alloc_atomic((size_t)cap * sizeof(uint32_t));
        if (q == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (b->n > 0)
            memcpy(q, b->p, (size_t)b->n * sizeof(uint32_t));
        b->p = q;
        b->cap = cap;
    }
    b->p[b->n++] = c;
    return 0;
}

static int ccc(uint32_t c, int old)
{
    UdProps p;
    ud_props(c, old, &p);
    return p.combining;
}

static int decompose_char(Buf *b, uint32_t c, int compat, int old, int depth)
{
    if (c >= UD_SBASE && c < UD_SBASE + UD_SCOUNT) {
        uint32_t s = c - UD_SBASE;
        if (put(b, UD_LBASE + s / UD_NCOUNT) < 0 || put(b, UD_VBASE + (s % UD_NCOUNT) / UD_TCOUNT) < 0)
            return -1;
        return s % UD_TCOUNT ? put(b, UD_TBASE + s % UD_TCOUNT) : 0;
    }
    UdProps p;
    ud_props(c, old, &p);
    if (old && p.assigned) {
        const uint32_t *seq;
        int n = ud_old_correction(c, compat, &seq);
        if (n > 0) {
            for (int i = 0; i < n; i++)
                if (put(b, seq[i]) < 0)
                    return -1;
            return 0;
        }
    }
    const char *tag;
    const uint32_t *cps;
    int n = ud_decomp_entry(p.decomp, &tag, &cps);
    if (n == 0 || (!compat && tag[0] != '\0') || depth > 32)
        return put(b, c);
    for (int i = 0; i < n; i++)
        if (decompose_char(b, cps[i], compat, old, depth + 1) < 0)
            return -1;
    return 0;
}

static void canonical_order(Buf *b, int old)
{
    for (kn_ssize_t i = 1; i < b->n; i++) {
        int cc = ccc(b->p[i], old);
        if (cc == 0)
            continue;
        kn_ssize_t j = i;
        uint32_t c = b->p[i];
        while (j > 0) {
            int prev = ccc(b->p[j - 1], old);
            if (prev <= cc)
                break;
            b->p[j] = b->p[j - 1];
            j--;
        }
        b->p[j] = c;
    }
}

static uint32_t compose(uint32_t a, uint32_t b)
{
    if (a >= UD_LBASE && a < UD_LBASE + UD_LCOUNT && b >= UD_VBASE && b < UD_VBASE + UD_VCOUNT)
        return UD_SBASE + ((a - UD_LBASE) * UD_VCOUNT + (b - UD_VBASE)) * UD_TCOUNT;
    if (a >= UD_SBASE && a < UD_SBASE + UD_SCOUNT && (a - UD_SBASE) % UD_TCOUNT == 0 &&
        b > UD_TBASE && b < UD_TBASE + UD_TCOUNT)
        return a + (b - UD_TBASE);
    return ud_compose_pair(a, b);
}

static void compose_all(Buf *b, int old)
{
    kn_ssize_t starter = -1, out = 0;
    int last_cc = 0;
    for (kn_ssize_t i = 0; i < b->n; i++) {
        uint32_t c = b->p[i];
        int cc = ccc(c, old);
        if (starter >= 0 && (out == starter + 1 || (last_cc != 0 && last_cc < cc))) {
            uint32_t comp = compose(b->p[starter], c);
            if (comp != 0) {
                b->p[starter] = comp;
                continue;
            }
        }
        if (cc == 0) {
            starter = out;
            last_cc = 0;
        } else {
            last_cc = cc;
        }
        b->p[out++] = c;
    }
    b->n = out;
}

KnObject *ud_normalize(const char *form, KnObject *s, int old, int check_only)
{
    int compat, comp;
    if (strcmp(form, "NFC") == 0)
        compat = 0, comp = 1;
    else if (strcmp(form, "NFKC") == 0)
        compat = 1, comp = 1;
    else if (strcmp(form, "NFD") == 0)
        compat = 0, comp = 0;
    else if (strcmp(form, "NFKD") == 0)
        compat = 1, comp = 0;
    else {
        ob_err_set_string(ob_exc_ValueError, "invalid normalization form");
        return NULL;
    }
    kn_ssize_t n = KN_STR_LEN(s);
    if (KN_STR_IS_ASCII(s))
        return check_only ? KN_True : s;   /* ASCII is in every form */
    Buf b = {NULL, 0, 0};
    int kind = KN_STR_KIND(s);
    const void *data = KN_STR_DATA(s);
    for (kn_ssize_t i = 0; i < n; i++)
        if (decompose_char(&b, KN_STR_READ(kind, data, i), compat, old, 0) < 0)
            return NULL;
    canonical_order(&b, old);
    if (comp)
        compose_all(&b, old);
    int same = b.n == n;
    for (kn_ssize_t i = 0; same && i < n; i++)
        same = b.p[i] == KN_STR_READ(kind, data, i);
    if (check_only)
        return KN_BOOL(same);
    if (same)
        return s;   /* CPython hands back the argument itself */
    return ob_str_from_codepoints(b.p, b.n);
}
