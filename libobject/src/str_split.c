/*
 * str_split.c — str.split / rsplit / splitlines / strip / lstrip / rstrip.
 *
 * "Whitespace" is the Unicode White_Space set CPython uses for str.isspace
 * (ob_unicode_isspace); line boundaries are those of str.splitlines
 * (ob_unicode_islinebreak, with \r\n as one boundary).
 */
#include <string.h>
#include "str_internal.h"
#include "libobject/list.h"
#include "libobject/singletons.h"
#include "libobject/unicode.h"

static int split_push(KnObject *list, KnObject *s, kn_ssize_t a, kn_ssize_t b)
{
    KnObject *part = ob_str_substring(s, a, b);
    return part ? ob_list_append(list, part) : -1;
}

/* Reverse a list in place (rsplit collects from the right). */
static void split_reverse(KnObject *list)
{
    KnObject **items = KN_LIST_ITEMS(list);
    for (kn_ssize_t i = 0, j = KN_SIZE(list) - 1; i < j; i++, j--) {
        KnObject *t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

/* White_Space, without a call for ASCII: \t-\r, \x1c-\x1f and ' '. */
static inline int ws_char(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    return ob_unicode_isspace(c);
}

/* ws_char for every 1-byte code unit, filled on first use. */
static uint8_t ws_latin1[256];
static int ws_latin1_ready;

/* split() on 1-byte data, left to right: a table instead of ws_char. */
static KnObject *split_whitespace_1(KnObject *s, KnObject *list, kn_ssize_t maxsplit)
{
    if (!ws_latin1_ready) {
        for (int c = 0; c < 256; c++)
            ws_latin1[c] = (uint8_t)ws_char((uint32_t)c);
        ws_latin1_ready = 1;
    }
    kn_ssize_t n = KN_STR_LEN(s), i = 0;
    const uint8_t *d = KN_STR_DATA(s);
    while (maxsplit-- > 0) {
        while (i < n && ws_latin1[d[i]])
            i++;
        if (i == n)
            return list;
        kn_ssize_t j = i;
        while (i < n && !ws_latin1[d[i]])
            i++;
        if (split_push(list, s, j, i) < 0)
            return NULL;
    }
    while (i < n && ws_latin1[d[i]])
        i++;
    if (i < n && split_push(list, s, i, n) < 0)
        return NULL;
    return list;
}

static KnObject *split_whitespace(KnObject *s, kn_ssize_t maxsplit, int reverse)
{
    kn_ssize_t n = KN_STR_LEN(s);
    int kind = KN_STR_KIND(s);
    const void *d = KN_STR_DATA(s);
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    if (kind == 1 && !reverse)
        return split_whitespace_1(s, list, maxsplit);
#define WS(i) ws_char(KN_STR_READ(kind, d, (i)))
    if (!reverse) {
        kn_ssize_t i = 0;
        while (maxsplit-- > 0) {
            while (i < n && WS(i))
                i++;
            if (i == n)
                break;
            kn_ssize_t j = i;
            while (i < n && !WS(i))
                i++;
            if (split_push(list, s, j, i) < 0)
                return NULL;
        }
        if (i < n) {
            while (i < n && WS(i))
                i++;
            if (i < n && split_push(list, s, i, n) < 0)
                return NULL;
        }
    } else {
        kn_ssize_t i = n - 1;
        while (maxsplit-- > 0) {
            while (i >= 0 && WS(i))
                i--;
            if (i < 0)
                break;
            kn_ssize_t j = i;
            while (i >= 0 && !WS(i))
                i--;
            if (split_push(list, s, i + 1, j + 1) < 0)
                return NULL;
        }
        if (i >= 0) {
            while (i >= 0 && WS(i))
                i--;
            if (i >= 0 && split_push(list, s, 0, i + 1) < 0)
                return NULL;
        }
        split_reverse(list);
    }
#undef WS
    return list;
}

static KnObject *split_sep(KnObject *s, KnObject *sep, kn_ssize_t maxsplit, int reverse)
{
    kn_ssize_t n = KN_STR_LEN(s), m = KN_STR_LEN(sep);
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    if (!reverse && m == 1 && KN_STR_KIND(s) == 1 && KN_STR_KIND(sep) == 1) {
        /* one 1-byte separator in 1-byte text: memchr straight over the
         * data (no per-piece search set-up) */
        const char *d = KN_STR_DATA(s);
        char c = *(const char *)KN_STR_DATA(sep);
        kn_ssize_t pos = 0;
        while (maxsplit-- > 0 && pos < n) {
            const char *p = memchr(d + pos, c, (size_t)(n - pos));
            if (p == NULL)
                break;
            if (split_push(list, s, pos, p - d) < 0)
                return NULL;
            pos = p - d + 1;
        }
        if (split_push(list, s, pos, n) < 0)
            return NULL;
        return list;
    }
    if (!reverse) {
        kn_ssize_t pos = 0;
        while (maxsplit-- > 0) {
            kn_ssize_t i = ob_str_find(s, sep, pos, n, 0);
            if (i == -2)
                return NULL;
            if (i < 0)
                break;
            if (split_push(list, s, pos, i) < 0)
                return NULL;
            pos = i + m;
        }
        if (split_push(list, s, pos, n) < 0)
            return NULL;
    } else {
        kn_ssize_t end = n;
        while (maxsplit-- > 0) {
            kn_ssize_t i = ob_str_find(s, sep, 0, end, 1);
            if (i == -2)
                return NULL;
            if (i < 0)
                break;
            if (split_push(list, s, i + m, end) < 0)
                return NULL;
            end = i;
        }
        if (split_push(list, s, 0, end) < 0)
            return NULL;
        split_reverse(list);
    }
    return list;
}

static KnObject *split_common(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              KnObject *kwnames, int reverse)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    static const KnArgSpec spec_f = {"split", names, 0, 2, 0};
    static const KnArgSpec spec_r = {"rsplit", names, 0, 2, 0};
    KnObject *a[2] = {NULL, NULL};
    if (ob_args_parse(reverse ? &spec_r : &spec_f, args, nargs, kwnames, a) < 0)
        return NULL;
    kn_ssize_t maxsplit = -1;
    if (a[1] && ob_str_arg_ssize(a[1], &maxsplit) < 0)
        return NULL;
    if (maxsplit < 0)
        maxsplit = (kn_ssize_t)0x7fffffffffffffffLL;
    KnObject *sep = a[0];
    if (sep == NULL || sep == KN_None)
        return split_whitespace(self, maxsplit, reverse);
    if (!KN_STR_CHECK(sep))
        return ob_err_format(ob_exc_TypeError, "must be str or None, not %.100s", KN_TYPE(sep)->tp_name);
    if (KN_STR_LEN(sep) == 0) {
        ob_err_set_string(ob_exc_ValueError, "empty separator");
        return NULL;
    }
    return split_sep(self, sep, maxsplit, reverse);
}

KnObject *ob_str_split_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return split_common(self, args, nargs, kw, 0);
}

KnObject *ob_str_rsplit_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return split_common(self, args, nargs, kw, 1);
}

KnObject *ob_str_splitlines_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    static const KnArgSpec spec = {"splitlines", names, 0, 1, 0};
    KnObject *a[1] = {NULL};
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int keepends = 0;
    if (a[0]) {
        kn_ssize_t v = ob_number_as_ssize(a[0], NULL);
        if (v == -1 && ob_err_occurred())
            return NULL;
        keepends = v != 0;
    }
    kn_ssize_t n = KN_STR_LEN(self);
    int kind = KN_STR_KIND(self);
    const void *d = KN_STR_DATA(self);
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    kn_ssize_t i = 0;
    while (i < n) {
        kn_ssize_t j = i;
        while (i < n && !ob_unicode_islinebreak(KN_STR_READ(kind, d, i)))
            i++;
        kn_ssize_t eol = i;
        if (i < n) {
            if (KN_STR_READ(kind, d, i) == '\r' && i + 1 < n && KN_STR_READ(kind, d, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        if (split_push(list, self, j, eol) < 0)
            return NULL;
    }
    return list;
}

/* ---- strip ---- */

static int strip_in(KnObject *chars, uint32_t c)
{
    if (chars == NULL)
        return ws_char(c);
    int kind = KN_STR_KIND(chars);
    const void *d = KN_STR_DATA(chars);
    for (kn_ssize_t i = 0; i < KN_STR_LEN(chars); i++)
        if (KN_STR_READ(kind, d, i) == c)
            return 1;
    return 0;
}

/* which: 1 left, 2 right, 3 both. */
static KnObject *strip_common(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              const char *name, int which)
{
    if (ob_args_check_positional(name, nargs, 0, 1) < 0)
        return NULL;
    KnObject *chars = nargs > 0 ? args[0] : NULL;
    if (chars == KN_None)
        chars = NULL;
    if (chars != NULL && !KN_STR_CHECK(chars))
        return ob_err_format(ob_exc_TypeError, "%s arg must be None or str", name);
    kn_ssize_t n = KN_STR_LEN(self), i = 0, j = n;
    int kind = KN_STR_KIND(self);
    const void *d = KN_STR_DATA(self);
    if (which & 1)
        while (i < j && strip_in(chars, KN_STR_READ(kind, d, i)))
            i++;
    if (which & 2)
        while (j > i && strip_in(chars, KN_STR_READ(kind, d, j - 1)))
            j--;
    return ob_str_substring(self, i, j);
}

KnObject *ob_str_strip_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return strip_common(self, args, nargs, "strip", 3);
}

KnObject *ob_str_lstrip_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return strip_common(self, args, nargs, "lstrip", 1);
}

KnObject *ob_str_rstrip_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return strip_common(self, args, nargs, "rstrip", 2);
}
