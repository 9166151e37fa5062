/*
 * str_find.c — substring search for str (and the byte search bytes uses):
 * find / rfind / count / replace.
 *
 * Strategy: a needle of length 1 is a plain scan (memchr for bytes);
 * forward byte search: needles up to 32 bytes memchr for the first byte
 * and compare (falling back to memmem after many false candidates),
 * longer ones glibc's memmem (two-way: linear worst case);
 * everything else is Boyer-Moore-Horspool with a 256-entry shift table
 * indexed by the low byte of each code unit (a collision only shortens a
 * shift, so the table stays correct for 2- and 4-byte kinds).
 * Both operands are in the same kind when these run; ob_str_find widens
 * the needle first and rejects a needle wider than the haystack (canonical
 * kinds: it then holds a code point the haystack cannot contain).
 */
#include "str_internal.h"

static kn_ssize_t find_horspool(int kind, const void *hay, kn_ssize_t n, const void *nd,
                                kn_ssize_t m, int reverse)
{
    kn_ssize_t shift[256];
    for (int i = 0; i < 256; i++)
        shift[i] = m;
    if (!reverse) {
        for (kn_ssize_t i = 0; i < m - 1; i++)
            shift[KN_STR_READ(kind, nd, i) & 0xff] = m - 1 - i;
        uint32_t last = KN_STR_READ(kind, nd, m - 1);
        for (kn_ssize_t pos = 0; pos <= n - m;) {
            uint32_t c = KN_STR_READ(kind, hay, pos + m - 1);
            if (c == last) {
                kn_ssize_t j = 0;
                while (j < m - 1 && KN_STR_READ(kind, hay, pos + j) == KN_STR_READ(kind, nd, j))
                    j++;
                if (j == m - 1)
                    return pos;
            }
            pos += shift[c & 0xff];
        }
        return -1;
    }
    for (kn_ssize_t i = m - 1; i > 0; i--)
        shift[KN_STR_READ(kind, nd, i) & 0xff] = i;
    uint32_t first = KN_STR_READ(kind, nd, 0);
    for (kn_ssize_t pos = n - m; pos >= 0;) {
        uint32_t c = KN_STR_READ(kind, hay, pos);
        if (c == first) {
            kn_ssize_t j = 1;
            while (j < m && KN_STR_READ(kind, hay, pos + j) == KN_STR_READ(kind, nd, j))
                j++;
            if (j == m)
                return pos;
        }
        pos -= shift[c & 0xff];
    }
    return -1;
}

/* Forward byte search, 2 <= m <= n.  Short needles: memchr for the first
 * byte, then the last byte and the middle (finds a match close to the start
 * without memmem's set-up).  Once the first-byte candidates that fail
 * outnumber 64 plus an eighth of the bytes passed, the rest goes to memmem
 * (two-way), which keeps the worst case linear. */
static kn_ssize_t find_short_bytes(const void *hay, kn_ssize_t n, const void *needle, kn_ssize_t m)
{
    const char *h = hay, *nd = needle;
    if (m <= 32) {
        const char *p = h, *last = h + (n - m);   /* last candidate start */
        char c0 = nd[0], cl = nd[m - 1];
        kn_ssize_t misses = 0;
        while (p <= last) {
            p = memchr(p, c0, (size_t)(last - p) + 1);
            if (p == NULL)
                return -1;
            if (p[m - 1] == cl && memcmp(p + 1, nd + 1, (size_t)m - 2) == 0)
                return p - h;
            p++;
            if (++misses > 64 + (p - h) / 8)
                break;
        }
        if (p > last)
            return -1;
        const char *q = memmem(p, (size_t)(n - (p - h)), nd, (size_t)m);
        return q ? q - h : -1;
    }
    const char *q = memmem(h, (size_t)n, nd, (size_t)m);
    return q ? q - h : -1;
}

kn_ssize_t ob_str_find_kind(int kind, const void *hay, kn_ssize_t n, const void *needle,
                            kn_ssize_t m, int reverse)
{
    if (m == 0)
        return reverse ? n : 0;
    if (m > n)
        return -1;
    if (m == 1) {
        uint32_t c = KN_STR_READ(kind, needle, 0);
        if (kind == 1) {
            const char *p = reverse ? memrchr(hay, (int)c, (size_t)n) : memchr(hay, (int)c, (size_t)n);
            return p ? p - (const char *)hay : -1;
        }
        if (!reverse) {
            for (kn_ssize_t i = 0; i < n; i++)
                if (KN_STR_READ(kind, hay, i) == c)
                    return i;
        } else {
            for (kn_ssize_t i = n - 1; i >= 0; i--)
                if (KN_STR_READ(kind, hay, i) == c)
                    return i;
        }
        return -1;
    }
    if (kind == 1 && !reverse)
        return find_short_bytes(hay, n, needle, m);
    return find_horspool(kind, hay, n, needle, m, reverse);
}

kn_ssize_t ob_str_find_bytes(const char *hay, kn_ssize_t n, const char *needle, kn_ssize_t m,
                             int reverse)
{
    return ob_str_find_kind(1, hay, n, needle, m, reverse);
}

kn_ssize_t ob_str_count_kind(int kind, const void *hay, kn_ssize_t n, const void *needle,
                             kn_ssize_t m, kn_ssize_t maxcount)
{
    if (m == 0)
        return n + 1 < maxcount ? n + 1 : maxcount;
    kn_ssize_t count = 0, pos = 0;
    while (count < maxcount && pos <= n - m) {
        kn_ssize_t i = ob_str_find_kind(kind, (const char *)hay + pos * kind, n - pos, needle, m, 0);
        if (i < 0)
            break;
        count++;
        pos += i + m;
    }
    return count;
}

/* The needle's code units in `kind` (kind >= its own kind). */
static const void *find_widen(KnObject *sub, int kind)
{
    int sk = KN_STR_KIND(sub);
    if (sk == kind)
        return KN_STR_DATA(sub);
    kn_ssize_t m = KN_STR_LEN(sub);
    void *buf = kgc_alloc_atomic((size_t)(m ? m : 1) * (size_t)kind);
    if (buf == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    const void *sd = KN_STR_DATA(sub);
    for (kn_ssize_t i = 0; i < m; i++)
        KN_STR_WRITE(kind, buf, i, KN_STR_READ(sk, sd, i));
    return buf;
}

/* Slice-style clamping of [start, end) to a length (CPython's ADJUST_INDICES). */
void ob_str_adjust_indices(kn_ssize_t len, kn_ssize_t *start, kn_ssize_t *end)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

kn_ssize_t ob_str_find(KnObject *s, KnObject *sub, kn_ssize_t start, kn_ssize_t end, int reverse)
{
    kn_ssize_t n = KN_STR_LEN(s), m = KN_STR_LEN(sub);
    ob_str_adjust_indices(n, &start, &end);
    if (start > n || end - start < m)
        return -1;
    int kind = KN_STR_KIND(s);
    if (KN_STR_KIND(sub) > kind)
        return -1;
    const void *nd = find_widen(sub, kind);
    if (nd == NULL)
        return -2;
    kn_ssize_t i = ob_str_find_kind(kind, (const char *)KN_STR_DATA(s) + start * kind,
                                    end - start, nd, m, reverse);
    return i < 0 ? -1 : i + start;
}

kn_ssize_t ob_str_count(KnObject *s, KnObject *sub, kn_ssize_t start, kn_ssize_t end)
{
    kn_ssize_t n = KN_STR_LEN(s), m = KN_STR_LEN(sub);
    ob_str_adjust_indices(n, &start, &end);
    if (start > n || end - start < m)
        return 0;
    int kind = KN_STR_KIND(s);
    if (KN_STR_KIND(sub) > kind)
        return 0;
    const void *nd = find_widen(sub, kind);
    if (nd == NULL)
        return -1;
    return ob_str_count_kind(kind, (const char *)KN_STR_DATA(s) + start * kind, end - start,
                             nd, m, (kn_ssize_t)0x7fffffffffffffffLL);
}

/* replace for ASCII s and new_ (old non-empty, no wider than s, hence
 * ASCII too): count the matches, then one exact allocation.  NULL without
 * an exception when nothing matched. */
static KnObject *replace_ascii(KnObject *s, KnObject *old, KnObject *new_, kn_ssize_t count)
{
    kn_ssize_t n = KN_STR_LEN(s), m = KN_STR_LEN(old), k = KN_STR_LEN(new_);
    const char *d = KN_STR_DATA(s), *od = KN_STR_DATA(old), *nd = KN_STR_DATA(new_);
    kn_ssize_t hits = ob_str_count_kind(1, d, n, od, m, count);
    if (hits == 0)
        return NULL;
    if (k > m && hits > ((kn_ssize_t)0x7fffffffffffffffLL - n) / (k - m)) {
        ob_err_set_string(ob_exc_OverflowError, "replace string is too long");
        return NULL;
    }
    kn_ssize_t total = n + hits * (k - m);
    if (total == 0)
        return ob_str_empty();
    KnObject *r = ob_str_new(total, 0x7f);
    if (r == NULL)
        return NULL;
    char *o = KN_STR_DATA(r);
    if (m == 1 && k == 1) {
        /* one character for another: copy, then patch the matches */
        memcpy(o, d, (size_t)n);
        for (kn_ssize_t i = 0, done = 0; i < n && done < hits; i++)
            if (o[i] == od[0]) {
                o[i] = nd[0];
                done++;
            }
        return r;
    }
    kn_ssize_t pos = 0, at = 0;
    for (kn_ssize_t done = 0; done < hits; done++) {
        kn_ssize_t i = ob_str_find_kind(1, d + pos, n - pos, od, m, 0);
        memcpy(o + at, d + pos, (size_t)i);
        at += i;
        memcpy(o + at, nd, (size_t)k);
        at += k;
        pos += i + m;
    }
    memcpy(o + at, d + pos, (size_t)(n - pos));
    return r;
}

KnObject *ob_str_replace(KnObject *s, KnObject *old, KnObject *new_, kn_ssize_t count)
{
    kn_ssize_t n = KN_STR_LEN(s), m = KN_STR_LEN(old);
    if (count < 0)
        count = (kn_ssize_t)0x7fffffffffffffffLL;
    int kind = KN_STR_KIND(s);
    if (count == 0 || m > n || KN_STR_KIND(old) > kind)
        goto unchanged;
    if (m > 0 && KN_STR_IS_ASCII(s) && KN_STR_IS_ASCII(new_)) {
        KnObject *r = replace_ascii(s, old, new_, count);
        if (r != NULL || ob_err_occurred())
            return r;
        goto unchanged;
    }
    KnStrWriter w;
    ob_str_writer_init(&w, n);
    if (m == 0) {
        /* insert new_ before every character and at the end */
        kn_ssize_t done = 0;
        for (kn_ssize_t i = 0; i <= n; i++) {
            if (done < count) {
                if (ob_str_writer_put_str(&w, new_) < 0)
                    return NULL;
                done++;
            }
            if (i < n && ob_str_writer_put_substr(&w, s, i, i + 1) < 0)
                return NULL;
        }
        return ob_str_writer_finish(&w);
    }
    const void *nd = find_widen(old, kind);
    if (nd == NULL)
        return NULL;
    const char *d = KN_STR_DATA(s);
    kn_ssize_t pos = 0, done = 0;
    while (done < count) {
        kn_ssize_t i = ob_str_find_kind(kind, d + pos * kind, n - pos, nd, m, 0);
        if (i < 0)
            break;
        if (ob_str_writer_put_substr(&w, s, pos, pos + i) < 0 ||
            ob_str_writer_put_str(&w, new_) < 0)
            return NULL;
        pos += i + m;
        done++;
    }
    if (done == 0)
        goto unchanged;
    if (ob_str_writer_put_substr(&w, s, pos, n) < 0)
        return NULL;
    return ob_str_writer_finish(&w);
unchanged:
    return KN_STR_CHECK_EXACT(s) ? s : ob_str_substring(s, 0, n);
}
