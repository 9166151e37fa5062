/* unicode_names.c — "\N{...}" name look-up over the compressed table that
 * tools/gen_unicode_names.py generates (format described there).  A look-up
 * maps the query's words to word indices (binary search), then scans the
 * name stream comparing index sequences: about a millisecond at worst, and
 * only string literals with \N escapes pay it. */
#include "unicode_names.h"

#include <string.h>

#include "unicode_names_data.h"

#define MAX_WORDS 32
#define MAX_NAME 256

static const char *word_text(unsigned i)
{
    return ps_un_words + ps_un_word_off[i];
}

static int find_word(const char *w, size_t n)
{
    size_t lo = 0, hi = PS_UN_NWORDS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *t = word_text(ps_un_word_alpha[mid]);
        int c = strncmp(w, t, n);
        if (c == 0 && t[n] != '\0')
            c = -1;     /* query word is a proper prefix of t: sorts before */
        if (c == 0)
            return ps_un_word_alpha[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* Scan one stream; entries' code points are deltas when `delta`. */
static int scan(const unsigned char *p, size_t size, int delta, const int *q,
                int nq, uint32_t *cp)
{
    const unsigned char *end = p + size;
    int cur[MAX_WORDS];
    int ncur = 0;
    uint32_t code = 0;
    while (p < end) {
        uint32_t v = 0;
        int shift = 0;
        for (;;) {
            unsigned char b = *p++;
            v |= (uint32_t)(b & 0x7F) << shift;
            shift += 7;
            if (!(b & 0x80))
                break;
        }
        code = delta ? code + v : v;
        int shared = *p++, fresh = *p++;
        ncur = shared;
        for (int k = 0; k < fresh; k++) {
            int w = *p++;
            if (w & 0x80)
                w = ((w & 0x7F) << 8) | *p++;
            if (ncur < MAX_WORDS)
                cur[ncur++] = w;
        }
        if (ncur == nq && !memcmp(cur, q, (size_t)nq * sizeof *q)) {
            *cp = code;
            return 1;
        }
    }
    return 0;
}

/* Hangul syllables are named from their jamo (Unicode ch. 3.12); CPython
 * matches each part greedily, longest first. */
static const char *const jamo_l[19] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ",
    "C", "K", "T", "P", "H"};
static const char *const jamo_v[21] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE",
    "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_t[28] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS",
    "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P",
    "H"};

static int longest(const char *s, size_t n, const char *const *tab, int count,
                   size_t *used)
{
    int best = -1;
    size_t blen = 0;
    for (int i = 0; i < count; i++) {
        size_t l = strlen(tab[i]);
        if (l <= n && !memcmp(s, tab[i], l) && (best < 0 || l > blen)) {
            best = i;
            blen = l;
        }
    }
    *used = blen;
    return best;
}

static int hangul(const char *s, size_t n, uint32_t *cp)
{
    static const char pre[] = "HANGUL SYLLABLE ";
    size_t pl = sizeof pre - 1, u;
    if (n <= pl || memcmp(s, pre, pl) != 0)
        return 0;
    s += pl;
    n -= pl;
    int l = longest(s, n, jamo_l, 19, &u);
    s += u, n -= u;
    int v = longest(s, n, jamo_v, 21, &u);
    s += u, n -= u;
    int t = longest(s, n, jamo_t, 28, &u);
    s += u, n -= u;
    if (l < 0 || v < 0 || t < 0 || n != 0)
        return 0;
    *cp = 0xAC00 + (uint32_t)((l * 21 + v) * 28 + t);
    return 1;
}

static int in_range(const char *s, size_t n, uint32_t *cp)
{
    for (size_t i = 0; i < sizeof ps_un_ranges / sizeof ps_un_ranges[0]; i++) {
        const char *p = ps_un_ranges[i].prefix;
        size_t pl = strlen(p);
        if (n < pl + 5 || n > pl + 6 || memcmp(s, p, pl) != 0 || s[pl] != '-')
            continue;
        uint32_t v = 0;
        size_t k;
        for (k = pl + 1; k < n; k++) {
            char c = s[k];
            if (c >= '0' && c <= '9') v = v * 16 + (uint32_t)(c - '0');
            else if (c >= 'A' && c <= 'F') v = v * 16 + (uint32_t)(c - 'A' + 10);
            else break;
        }
        if (k == n && v >= ps_un_ranges[i].lo && v <= ps_un_ranges[i].hi) {
            *cp = v;
            return 1;
        }
    }
    return 0;
}

int ps_uni_lookup_name(const char *name, size_t len, uint32_t *cp)
{
    char up[MAX_NAME];
    if (len == 0 || len >= MAX_NAME)
        return 0;
    /* CPython's computed names (Hangul, CJK unified ideographs) compare
     * case-sensitively; stored names ignore case. */
    if (hangul(name, len, cp) || in_range(name, len, cp))
        return 1;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        up[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    up[len] = '\0';
    if (in_range(up, len, cp) && (*cp < 0x3400 || *cp > 0x2EBE0 ||
                                  memcmp(up, "CJK UNIFIED", 11) != 0))
        return 1;
    int q[MAX_WORDS], nq = 0;
    size_t i = 0;
    while (i <= len) {
        size_t j = i;
        while (j < len && up[j] != ' ')
            j++;
        if (j == i || nq == MAX_WORDS)
            return 0;    /* empty word (double space) or too many words */
        int w = find_word(up + i, j - i);
        if (w < 0)
            return 0;
        q[nq++] = w;
        i = j + 1;
    }
    return scan(ps_un_names, sizeof ps_un_names, 1, q, nq, cp) ||
           scan(ps_un_aliases, sizeof ps_un_aliases, 0, q, nq, cp);
}
