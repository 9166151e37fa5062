/*
 * unicodedata_db.c — property look-ups over unicodedata_db.inc (generated
 * by tools/gen_unicodedata.py) and libobject's Unicode tables.
 */
#include <stdio.h>
#include <string.h>

#include "libobject/unicode.h"
#include "unicodedata_internal.h"

typedef struct UdRecord {
    uint8_t bidi, combining, eaw, mirrored;
    uint16_t decomp;
} UdRecord;

typedef struct UdOldRecord {
    uint8_t assigned, category, bidi, eaw, mirrored;
} UdOldRecord;

typedef struct UdOldNumeric {
    uint32_t cp;
    int decimal, digit;
    double numeric;
} UdOldNumeric;

typedef struct UdRange {
    uint32_t first, last;
    const char *prefix;
} UdRange;

#include "unicodedata_db.inc"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const UdRecord *record(uint32_t cp)
{
    if (cp > 0x10FFFF)
        cp = 0x10FFFF;   /* a noncharacter: unassigned */
    unsigned b = ud_index1[cp >> UD_SHIFT];
    return &ud_records[ud_index2[(b << UD_SHIFT) | (cp & ((1u << UD_SHIFT) - 1))]];
}

static const UdOldRecord *old_record(uint32_t cp)
{
    if (cp > 0x10FFFF)
        cp = 0x10FFFF;
    unsigned b = ud_old_index1[cp >> UD_OLD_SHIFT];
    return &ud_old_records[ud_old_index2[(b << UD_OLD_SHIFT) | (cp & ((1u << UD_OLD_SHIFT) - 1))]];
}

void ud_props(uint32_t cp, int old, UdProps *p)
{
    const UdRecord *r = record(cp);
    p->category = ob_unicode_category(cp);
    p->bidirectional = ud_bidi_names[r->bidi];
    p->east_asian_width = ud_eaw_names[r->eaw];
    p->combining = r->combining;
    p->mirrored = r->mirrored;
    p->decomp = r->decomp;
    p->assigned = 1;
    if (old) {
        const UdOldRecord *o = old_record(cp);
        p->category = ud_category_names[o->category];
        p->bidirectional = ud_bidi_names[o->bidi];
        p->east_asian_width = ud_eaw_names[o->eaw];
        p->mirrored = o->mirrored;
        if (!o->assigned) {
            p->assigned = 0;
            p->combining = 0;
            p->decomp = 0;
        }
    }
}

static const UdOldNumeric *old_numeric(uint32_t cp)
{
    size_t lo = 0, hi = COUNT(ud_old_numeric);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ud_old_numeric[mid].cp == cp)
            return &ud_old_numeric[mid];
        if (ud_old_numeric[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int ud_decimal(uint32_t cp, int old)
{
    const UdOldNumeric *o = old ? old_numeric(cp) : NULL;
    return o != NULL ? o->decimal : ob_unicode_decimal(cp);
}

int ud_digit(uint32_t cp, int old)
{
    (void)old;   /* the 3.2 table's digits equal 14.0's (CPython does not consult it) */
    return ob_unicode_digit(cp);
}

int ud_numeric(uint32_t cp, int old, double *v)
{
    const UdOldNumeric *o = old ? old_numeric(cp) : NULL;
    double d = o != NULL ? o->numeric : ob_unicode_numeric(cp);
    if (d == -1.0)
        return -1;
    *v = d;
    return 0;
}

int ud_decomp_entry(uint32_t off, const char **tag, const uint32_t **cps)
{
    if (off == 0)
        return 0;
    *tag = ud_tag_names[ud_decomp_pool[off] >> 8];
    *cps = &ud_decomp_pool[off + 1];
    return (int)(ud_decomp_pool[off] & 0xFF);
}

int ud_old_correction(uint32_t cp, int compat, const uint32_t **seq)
{
    size_t i = 0, n = COUNT(ud_old_fix);
    while (i + 3 <= n && UD_OLD_NFIX > 0) {
        uint32_t len = ud_old_fix[i + 2];
        if (ud_old_fix[i] == cp && ud_old_fix[i + 1] == (uint32_t)compat) {
            *seq = &ud_old_fix[i + 3];
            return (int)len;
        }
        i += 3 + len;
    }
    return 0;
}

uint32_t ud_compose_pair(uint32_t a, uint32_t b)
{
    size_t lo = 0, hi = UD_NCOMP;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t f = ud_comp[3 * mid], s = ud_comp[3 * mid + 1];
        if (f == a && s == b)
            return ud_comp[3 * mid + 2];
        if (f < a || (f == a && s < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* ---- names ---- */

static const char *const jamo_l[UD_LCOUNT] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T",
    "P", "H"};
static const char *const jamo_v[UD_VCOUNT] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO",
    "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_t[UD_TCOUNT] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH",
    "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

/* Decode the name at stream offset `at` into buf; returns the offset
 * after it. */
static size_t decode_name(size_t at, char *buf, size_t size)
{
    int nw = ud_name_stream[at++];
    size_t n = 0;
    for (int k = 0; k < nw; k++) {
        unsigned w = ud_name_stream[at++];
        if (w & 0x80)
            w = ((w & 0x7F) << 8) | ud_name_stream[at++];
        const char *t = ud_words + ud_word_off[w];
        size_t tl = strlen(t);
        if (buf != NULL && n + tl + 2 < size) {
            if (k > 0)
                buf[n++] = ' ';
            memcpy(buf + n, t, tl);
            n += tl;
            buf[n] = '\0';
        }
    }
    return at;
}

static size_t skip_name(size_t at)
{
    int nw = ud_name_stream[at++];
    for (int k = 0; k < nw; k++)
        if (ud_name_stream[at++] & 0x80)
            at++;
    return at;
}

int ud_name(uint32_t cp, int old, char *buf, size_t size)
{
    UdProps p;
    ud_props(cp, old, &p);
    if (!p.assigned || cp > 0x10FFFF)
        return 0;
    if (cp >= UD_SBASE && cp < UD_SBASE + UD_SCOUNT) {
        uint32_t s = cp - UD_SBASE;
        snprintf(buf, size, "HANGUL SYLLABLE %s%s%s", jamo_l[s / UD_NCOUNT],
                 jamo_v[(s % UD_NCOUNT) / UD_TCOUNT], jamo_t[s % UD_TCOUNT]);
        return 1;
    }
    for (size_t i = 0; i < COUNT(ud_ranges); i++)
        if (cp >= ud_ranges[i].first && cp <= ud_ranges[i].last) {
            snprintf(buf, size, "%s-%04X", ud_ranges[i].prefix, (unsigned)cp);
            return 1;
        }
    size_t lo = 0, hi = UD_NNAMES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ud_name_cp[mid] == cp) {
            size_t at = ud_name_ck[mid / 16];
            for (size_t k = 0; k < mid % 16; k++)
                at = skip_name(at);
            decode_name(at, buf, size);
            return 1;
        }
        if (ud_name_cp[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Longest jamo short name of the table that prefixes s; its index or -1. */
static int find_jamo(const char *s, size_t n, const char *const *tab, int count, size_t *used)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < count; i++) {
        size_t l = strlen(tab[i]);
        if (l <= n && memcmp(s, tab[i], l) == 0 && (best < 0 || l > best_len)) {
            best = i;
            best_len = l;
        }
    }
    *used = best_len;
    return best;
}

static KnObject *name_dict, *alias_dict, *seq_dict;   /* upper-case name -> int / str */

static KnObject *upper_key(const char *s, size_t n)
{
    char small[260];
    if (n >= sizeof small)
        return NULL;
    for (size_t i = 0; i < n; i++)
        small[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    return ob_str_from_latin1(small, (kn_ssize_t)n);
}

static int put_name(KnObject *d, const char *name, KnObject *value)
{
    KnObject *k = ob_str_from_cstr(name);
    return k == NULL ? -1 : ob_dict_setitem(d, k, value);
}

static int build_dicts(void)
{
    KnObject *names = ob_dict_new(), *aliases = ob_dict_new(), *seqs = ob_dict_new();
    if (names == NULL || aliases == NULL || seqs == NULL)
        return -1;
    char buf[256];
    size_t at = 0;
    for (size_t i = 0; i < UD_NNAMES; i++) {
        at = decode_name(at, buf, sizeof buf);
        if (put_name(names, buf, ob_int_from_long_long(ud_name_cp[i])) < 0)
            return -1;
    }
    for (size_t i = 0; i < COUNT(ud_ranges); i++) {
        if (strcmp(ud_ranges[i].prefix, "CJK UNIFIED IDEOGRAPH") == 0)
            continue;   /* looked up by its own rule (case-sensitive) */
        for (uint32_t cp = ud_ranges[i].first; cp <= ud_ranges[i].last; cp++) {
            snprintf(buf, sizeof buf, "%s-%04X", ud_ranges[i].prefix, (unsigned)cp);
            if (put_name(names, buf, ob_int_from_long_long(cp)) < 0)
                return -1;
        }
    }
    for (size_t i = 0; i < UD_NALIASES; i++) {
        decode_name(ud_alias_at[i], buf, sizeof buf);
        if (put_name(aliases, buf, ob_int_from_long_long(ud_alias_cp[i])) < 0)
            return -1;
    }
    for (size_t i = 0; i < UD_NSEQ; i++) {
        decode_name(ud_seq_name[i], buf, sizeof buf);
        const uint32_t *p = &ud_seq_pool[ud_seq_at[i]];
        KnObject *s = ob_str_from_codepoints(p + 1, (kn_ssize_t)p[0]);
        if (s == NULL || put_name(seqs, buf, s) < 0)
            return -1;
    }
    name_dict = names;
    alias_dict = aliases;
    seq_dict = seqs;
    return 0;
}

static int cjk_unified(uint32_t cp)
{
    for (size_t i = 0; i < COUNT(ud_ranges); i++)
        if (cp >= ud_ranges[i].first && cp <= ud_ranges[i].last)
            return strcmp(ud_ranges[i].prefix, "CJK UNIFIED IDEOGRAPH") == 0;
    return 0;
}

static KnObject *not_found(const char *name, size_t len)
{
    KnObject *s = ob_str_decode(name, (kn_ssize_t)len, "utf-8", "replace");
    if (s == NULL)
        return NULL;
    ob_err_format(ob_exc_KeyError, "undefined character name '%U'", s);
    return NULL;
}

KnObject *ud_lookup(const char *name, size_t len, int old)
{
    if (len > 256) {
        ob_err_set_string(ob_exc_KeyError, "name too long");
        return NULL;
    }
    static const char hangul[] = "HANGUL SYLLABLE ", cjk[] = "CJK UNIFIED IDEOGRAPH-";
    if (len >= sizeof hangul - 1 && memcmp(name, hangul, sizeof hangul - 1) == 0) {
        const char *p = name + sizeof hangul - 1;
        size_t n = len - (sizeof hangul - 1), u;
        int l = find_jamo(p, n, jamo_l, UD_LCOUNT, &u);
        p += u, n -= u;
        int v = find_jamo(p, n, jamo_v, UD_VCOUNT, &u);
        p += u, n -= u;
        int t = find_jamo(p, n, jamo_t, UD_TCOUNT, &u);
        n -= u;
        if (l >= 0 && v >= 0 && t >= 0 && n == 0)
            return ob_str_from_char((uint32_t)(UD_SBASE + (l * UD_VCOUNT + v) * UD_TCOUNT + t));
        return not_found(name, len);
    }
    if (len >= sizeof cjk - 1 && memcmp(name, cjk, sizeof cjk - 1) == 0) {
        size_t n = len - (sizeof cjk - 1);
        uint32_t v = 0;
        if (n != 4 && n != 5)
            return not_found(name, len);
        for (size_t i = sizeof cjk - 1; i < len; i++) {
            char c = name[i];
            if (c >= '0' && c <= '9')
                v = v * 16 + (uint32_t)(c - '0');
            else if (c >= 'A' && c <= 'F')
                v = v * 16 + (uint32_t)(c - 'A' + 10);
            else
                return not_found(name, len);
        }
        return cjk_unified(v) ? ob_str_from_char(v) : not_found(name, len);
    }
    if (name_dict == NULL && build_dicts() < 0)
        return NULL;
    KnObject *key = upper_key(name, len);
    if (key == NULL)
        return ob_err_occurred() ? NULL : not_found(name, len);
    KnObject *v = ob_dict_getitem(name_dict, key);
    if (v != NULL) {
        uint32_t cp = (uint32_t)ob_int_as_long_long(v);
        UdProps p;
        ud_props(cp, old, &p);
        return p.assigned ? ob_str_from_char(cp) : not_found(name, len);
    }
    if (!old && (v = ob_dict_getitem(alias_dict, key)) != NULL)
        return ob_str_from_char((uint32_t)ob_int_as_long_long(v));
    if (!old && (v = ob_dict_getitem(seq_dict, key)) != NULL)
        return v;
    return ob_err_occurred() ? NULL : not_found(name, len);
}
