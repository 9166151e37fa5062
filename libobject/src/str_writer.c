/*
 * str_writer.c — KnStrWriter, the builder behind every str that is produced
 * piece by piece (repr, format, join of unknown width, codecs).
 *
 * Invariant: every code point in data[0..len) is <= maxchar, and kind is the
 * narrowest kind for maxchar except that ASCII data uses kind 1 too.  The
 * finished str is copied into a compact object of exactly that kind.
 */
#include "str_internal.h"

void ob_str_writer_init(KnStrWriter *w, kn_ssize_t hint)
{
    w->data = w->small;
    w->kind = KN_STR_1BYTE_KIND;
    w->len = 0;
    w->cap = KN_STR_WRITER_SMALL;
    w->maxchar = 0;
    if (hint > w->cap)
        ob_str_writer_reserve(w, hint, 0);
}

static int writer_kind_for(uint32_t ch)
{
    return ch < 0x100 ? 1 : ch < 0x10000 ? 2 : 4;
}

/* Widen the existing contents to `kind` (kind > w->kind). */
static int writer_widen(KnStrWriter *w, int kind)
{
    void *nd;
    kn_ssize_t cap;
    if (w->data == w->small && (size_t)w->len * (size_t)kind <= sizeof w->small) {
        /* in place, from the end: wider units never overwrite unread ones */
        nd = w->small;
        cap = (kn_ssize_t)(sizeof w->small / (size_t)kind);
        for (kn_ssize_t i = w->len - 1; i >= 0; i--)
            KN_STR_WRITE(kind, nd, i, KN_STR_READ(w->kind, w->data, i));
    } else {
        cap = w->cap > 8 ? w->cap : 8;
        nd = kgc_alloc_atomic((size_t)cap * (size_t)kind);
        if (nd == NULL) {
            ob_err_nomemory();
            return -1;
        }
        for (kn_ssize_t i = 0; i < w->len; i++)
            KN_STR_WRITE(kind, nd, i, KN_STR_READ(w->kind, w->data, i));
    }
    w->data = nd;
    w->kind = kind;
    w->cap = cap;
    return 0;
}

int ob_str_writer_reserve(KnStrWriter *w, kn_ssize_t extra, uint32_t maxchar)
{
    int kind = writer_kind_for(maxchar);
    if (kind > w->kind && writer_widen(w, kind) < 0)
        return -1;
    if (maxchar > w->maxchar)
        w->maxchar = maxchar;
    if (extra > (kn_ssize_t)0x7fffffffffffffffLL / 4 - w->len) {
        ob_err_nomemory();
        return -1;
    }
    kn_ssize_t need = w->len + extra;
    if (need <= w->cap)
        return 0;
    kn_ssize_t cap = w->cap < 16 ? 16 : w->cap;
    while (cap < need)
        cap += cap / 2 + 8;
    void *nd;
    if (w->data == w->small) {
        nd = kgc_alloc_atomic((size_t)cap * (size_t)w->kind);
        if (nd != NULL)
            memcpy(nd, w->small, (size_t)w->len * (size_t)w->kind);
    } else {
        nd = kgc_realloc(w->data, (size_t)cap * (size_t)w->kind);
    }
    if (nd == NULL) {
        ob_err_nomemory();
        return -1;
    }
    w->data = nd;
    w->cap = cap;
    return 0;
}

int ob_str_writer_put(KnStrWriter *w, uint32_t ch)
{
    if (w->len >= w->cap || ch > w->maxchar) {
        if (ob_str_writer_reserve(w, 1, ch) < 0)
            return -1;
    }
    KN_STR_WRITE(w->kind, w->data, w->len, ch);
    w->len++;
    return 0;
}

int ob_str_writer_put_ascii(KnStrWriter *w, const char *s, kn_ssize_t n)
{
    if (ob_str_writer_reserve(w, n, 0x7f) < 0)
        return -1;
    if (w->kind == 1) {
        memcpy((char *)w->data + w->len, s, (size_t)n);
    } else {
        for (kn_ssize_t i = 0; i < n; i++)
            KN_STR_WRITE(w->kind, w->data, w->len + i, (unsigned char)s[i]);
    }
    w->len += n;
    return 0;
}

int ob_str_writer_put_substr(KnStrWriter *w, KnObject *s, kn_ssize_t start, kn_ssize_t end)
{
    kn_ssize_t n = end - start;
    if (n <= 0)
        return 0;
    int sk = KN_STR_KIND(s);
    const void *sd = KN_STR_DATA(s);
    if (ob_str_writer_reserve(w, n, ob_str_max_char(s)) < 0)
        return -1;
    if (sk == w->kind) {
        memcpy((char *)w->data + w->len * w->kind, (const char *)sd + start * sk,
               (size_t)(n * sk));
    } else {
        for (kn_ssize_t i = 0; i < n; i++)
            KN_STR_WRITE(w->kind, w->data, w->len + i, KN_STR_READ(sk, sd, start + i));
    }
    w->len += n;
    return 0;
}

int ob_str_writer_put_str(KnStrWriter *w, KnObject *s)
{
    return ob_str_writer_put_substr(w, s, 0, KN_STR_LEN(s));
}

int ob_str_writer_put_repeat(KnStrWriter *w, uint32_t ch, kn_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (ob_str_writer_reserve(w, n, ch) < 0)
        return -1;
    for (kn_ssize_t i = 0; i < n; i++)
        KN_STR_WRITE(w->kind, w->data, w->len + i, ch);
    w->len += n;
    return 0;
}

KnObject *ob_str_writer_finish(KnStrWriter *w)
{
    if (w->len == 0)
        return ob_str_empty();
    if (w->maxchar < 0x80 && w->len > 1) {
        /* ASCII for certain: no scan for the canonical kind */
        KnObject *s = ob_str_new(w->len, 0x7f);
        if (s != NULL)
            memcpy(KN_STR_DATA(s), w->data, (size_t)w->len);
        return s;
    }
    /* maxchar may be an over-estimate (reserve with a kind bound): let the
     * generic constructor find the canonical kind. */
    return ob_str_from_kind_data(w->kind, w->data, w->len);
}
