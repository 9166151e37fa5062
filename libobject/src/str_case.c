/*
 * str_case.c — case conversions (lower, upper, casefold, title,
 * capitalize, swapcase) with the full Unicode mappings, and the is*()
 * predicates.
 *
 * The one context-dependent rule str applies is Final_Sigma: U+03A3 lowers
 * to U+03C2 when a cased letter precedes it and none follows (case-ignorable
 * characters are skipped in both directions), else to U+03C3.
 */
#include "str_internal.h"
#include "libobject/singletons.h"
#include "libobject/unicode.h"

static uint32_t case_sigma(int kind, const void *d, kn_ssize_t n, kn_ssize_t i)
{
    kn_ssize_t j = i - 1;
    uint32_t c = 0;
    while (j >= 0) {
        c = KN_STR_READ(kind, d, j);
        if (!ob_unicode_iscaseignorable(c))
            break;
        j--;
    }
    int final = j >= 0 && ob_unicode_iscased(c);
    if (final) {
        j = i + 1;
        while (j < n) {
            c = KN_STR_READ(kind, d, j);
            if (!ob_unicode_iscaseignorable(c))
                break;
            j++;
        }
        final = j == n || !ob_unicode_iscased(c);
    }
    return final ? 0x3c2 : 0x3c3;
}

static int case_put_lower(KnStrWriter *w, int kind, const void *d, kn_ssize_t n, kn_ssize_t i)
{
    uint32_t c = KN_STR_READ(kind, d, i), out[3];
    if (c == 0x3a3)
        return ob_str_writer_put(w, case_sigma(kind, d, n, i));
    int k = ob_unicode_to_lower(c, out);
    for (int j = 0; j < k; j++)
        if (ob_str_writer_put(w, out[j]) < 0)
            return -1;
    return 0;
}

static int case_put_map(KnStrWriter *w, uint32_t c, int (*map)(uint32_t, uint32_t *))
{
    uint32_t out[3];
    int k = map(c, out);
    for (int j = 0; j < k; j++)
        if (ob_str_writer_put(w, out[j]) < 0)
            return -1;
    return 0;
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAP };

static KnObject *case_convert(KnObject *self, int mode)
{
    kn_ssize_t n = KN_STR_LEN(self);
    int kind = KN_STR_KIND(self);
    const void *d = KN_STR_DATA(self);
    if (KN_STR_IS_ASCII(self)) {
        /* ASCII maps to ASCII one for one; the cased characters are the
         * letters, and a letter's title case is its upper case. */
        if (n == 0)
            return ob_str_empty();
        KnObject *r = ob_str_new(n, 0x7f);
        if (r == NULL)
            return NULL;
        const unsigned char *s = d;
        unsigned char *o = KN_STR_DATA(r);
        if (mode == CASE_UPPER) {           /* branch-free: vectorises */
            for (kn_ssize_t i = 0; i < n; i++)
                o[i] = (unsigned char)(s[i] - (((unsigned)(s[i] - 'a') < 26u) << 5));
            return r;
        }
        if (mode == CASE_LOWER || mode == CASE_FOLD) {
            for (kn_ssize_t i = 0; i < n; i++)
                o[i] = (unsigned char)(s[i] + (((unsigned)(s[i] - 'A') < 26u) << 5));
            return r;
        }
        int prev_cased = 0;
        for (kn_ssize_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            int lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', up;
            switch (mode) {
            case CASE_UPPER: up = 1; break;
            case CASE_TITLE: up = !prev_cased; break;
            case CASE_CAPITALIZE: up = i == 0; break;
            case CASE_SWAP: up = lower; break;
            default: up = 0; break;   /* lower, casefold */
            }
            prev_cased = lower || upper;
            o[i] = up ? (lower ? (unsigned char)(c - 32) : c) : (upper ? (unsigned char)(c + 32) : c);
        }
        return r;
    }
    KnStrWriter w;
    ob_str_writer_init(&w, n);
    int prev_cased = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        int r = 0;
        switch (mode) {
        case CASE_LOWER:
            r = case_put_lower(&w, kind, d, n, i);
            break;
        case CASE_UPPER:
            r = case_put_map(&w, c, ob_unicode_to_upper);
            break;
        case CASE_FOLD:
            r = case_put_map(&w, c, ob_unicode_to_folded);
            break;
        case CASE_TITLE:
            r = prev_cased ? case_put_lower(&w, kind, d, n, i)
                           : case_put_map(&w, c, ob_unicode_to_title);
            prev_cased = ob_unicode_iscased(c);
            break;
        case CASE_CAPITALIZE:
            r = i == 0 ? case_put_map(&w, c, ob_unicode_to_title) : case_put_lower(&w, kind, d, n, i);
            break;
        case CASE_SWAP:
            if (ob_unicode_isupper(c))
                r = case_put_lower(&w, kind, d, n, i);
            else if (ob_unicode_islower(c))
                r = case_put_map(&w, c, ob_unicode_to_upper);
            else
                r = ob_str_writer_put(&w, c);
            break;
        }
        if (r < 0)
            return NULL;
    }
    return ob_str_writer_finish(&w);
}

KnObject *ob_str_lower(KnObject *self, KnObject *unused) { return case_convert(self, CASE_LOWER); }
KnObject *ob_str_upper(KnObject *self, KnObject *unused) { return case_convert(self, CASE_UPPER); }
KnObject *ob_str_casefold(KnObject *self, KnObject *unused) { return case_convert(self, CASE_FOLD); }
KnObject *ob_str_title(KnObject *self, KnObject *unused) { return case_convert(self, CASE_TITLE); }
KnObject *ob_str_capitalize(KnObject *self, KnObject *unused) { return case_convert(self, CASE_CAPITALIZE); }
KnObject *ob_str_swapcase(KnObject *self, KnObject *unused) { return case_convert(self, CASE_SWAP); }

/* ---- predicates ---- */

KnObject *ob_str_islower(KnObject *self, KnObject *unused)
{
    int kind = KN_STR_KIND(self), cased = 0;
    const void *d = KN_STR_DATA(self);
    for (kn_ssize_t i = 0; i < KN_STR_LEN(self); i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        if (ob_unicode_isupper(c) || ob_unicode_istitle(c))
            return KN_False;
        if (ob_unicode_islower(c))
            cased = 1;
    }
    return KN_BOOL(cased);
}

KnObject *ob_str_isupper(KnObject *self, KnObject *unused)
{
    int kind = KN_STR_KIND(self), cased = 0;
    const void *d = KN_STR_DATA(self);
    for (kn_ssize_t i = 0; i < KN_STR_LEN(self); i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        if (ob_unicode_islower(c) || ob_unicode_istitle(c))
            return KN_False;
        if (ob_unicode_isupper(c))
            cased = 1;
    }
    return KN_BOOL(cased);
}

KnObject *ob_str_istitle(KnObject *self, KnObject *unused)
{
    int kind = KN_STR_KIND(self), cased = 0, prev = 0;
    const void *d = KN_STR_DATA(self);
    for (kn_ssize_t i = 0; i < KN_STR_LEN(self); i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        if (ob_unicode_isupper(c) || ob_unicode_istitle(c)) {
            if (prev)
                return KN_False;
            prev = cased = 1;
        } else if (ob_unicode_islower(c)) {
            if (!prev)
                return KN_False;
            prev = cased = 1;
        } else {
            prev = 0;
        }
    }
    return KN_BOOL(cased);
}

/* True when every code point satisfies pred; `empty` for ''. */
static KnObject *case_all(KnObject *self, int (*pred)(uint32_t), int empty)
{
    kn_ssize_t n = KN_STR_LEN(self);
    if (n == 0)
        return KN_BOOL(empty);
    int kind = KN_STR_KIND(self);
    const void *d = KN_STR_DATA(self);
    for (kn_ssize_t i = 0; i < n; i++)
        if (!pred(KN_STR_READ(kind, d, i)))
            return KN_False;
    return KN_True;
}

KnObject *ob_str_isspace(KnObject *self, KnObject *unused) { return case_all(self, ob_unicode_isspace, 0); }
KnObject *ob_str_isdecimal(KnObject *self, KnObject *unused) { return case_all(self, ob_unicode_isdecimal, 0); }
KnObject *ob_str_isdigit(KnObject *self, KnObject *unused) { return case_all(self, ob_unicode_isdigit, 0); }
KnObject *ob_str_isnumeric(KnObject *self, KnObject *unused) { return case_all(self, ob_unicode_isnumeric, 0); }
KnObject *ob_str_isalpha(KnObject *self, KnObject *unused) { return case_all(self, ob_unicode_isalpha, 0); }
KnObject *ob_str_isalnum(KnObject *self, KnObject *unused) { return case_all(self, ob_unicode_isalnum, 0); }
KnObject *ob_str_isprintable(KnObject *self, KnObject *unused) { return case_all(self, ob_unicode_isprintable, 1); }

int ob_str_isidentifier(KnObject *s)
{
    kn_ssize_t n = KN_STR_LEN(s);
    if (n == 0)
        return 0;
    int kind = KN_STR_KIND(s);
    const void *d = KN_STR_DATA(s);
    uint32_t c = KN_STR_READ(kind, d, 0);
    if (c != '_' && !ob_unicode_isxidstart(c))
        return 0;
    for (kn_ssize_t i = 1; i < n; i++)
        if (!ob_unicode_isxidcontinue(KN_STR_READ(kind, d, i)))
            return 0;
    return 1;
}

KnObject *ob_str_isidentifier_meth(KnObject *self, KnObject *unused)
{
    return KN_BOOL(ob_str_isidentifier(self));
}
