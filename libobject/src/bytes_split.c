/*
 * bytes_split.c — split, rsplit, splitlines, strip, lstrip, rstrip and
 * join, shared by bytes and bytearray.  Whitespace is ASCII whitespace
 * (space, \t, \n, \r, \v, \f), as CPython's bytes methods use.
 */
#include "bytes_internal.h"

static int is_ws(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int append_piece(KnObject *list, KnObject *self, const char *s, kn_ssize_t n)
{
    KnObject *piece = ob_bv_result(self, s, n);
    return piece == NULL ? -1 : ob_list_append(list, piece);
}

static const char *const split_names[] = {"sep", "maxsplit", NULL};

static KnObject *split_common(const char *fname, KnObject *self, KnObject *const *args,
                              kn_ssize_t nargs, KnObject *kw, int reverse)
{
    KnArgSpec spec = {fname, split_names, 0, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    kn_ssize_t maxsplit = -1;
    if (a[1] != NULL && ob_bv_ssize(a[1], &maxsplit) < 0)
        return NULL;
    if (maxsplit < 0)
        maxsplit = KN_SSIZE_MAX;
    KnBView v = ob_bv_self(self), sep;
    int by_ws = a[0] == NULL || a[0] == KN_None;
    if (!by_ws) {
        if (ob_bv_arg(a[0], &sep) < 0)
            return NULL;
        if (sep.n == 0) {
            ob_err_set_string(ob_exc_ValueError, "empty separator");
            return NULL;
        }
    }
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    if (by_ws) {
        if (!reverse) {
            kn_ssize_t i = 0, splits = 0;
            for (;;) {
                while (i < v.n && is_ws((unsigned char)v.s[i]))
                    i++;
                if (i >= v.n)
                    break;
                if (splits >= maxsplit) {
                    /* the rest, trailing whitespace included */
                    if (append_piece(list, self, v.s + i, v.n - i) < 0)
                        return NULL;
                    break;
                }
                kn_ssize_t j = i;
                while (j < v.n && !is_ws((unsigned char)v.s[j]))
                    j++;
                if (append_piece(list, self, v.s + i, j - i) < 0)
                    return NULL;
                splits++;
                i = j;
            }
        } else {
            kn_ssize_t i = v.n, splits = 0;
            for (;;) {
                while (i > 0 && is_ws((unsigned char)v.s[i - 1]))
                    i--;
                if (i <= 0)
                    break;
                if (splits >= maxsplit) {
                    if (append_piece(list, self, v.s, i) < 0)
                        return NULL;
                    break;
                }
                kn_ssize_t j = i;
                while (j > 0 && !is_ws((unsigned char)v.s[j - 1]))
                    j--;
                if (append_piece(list, self, v.s + j, i - j) < 0)
                    return NULL;
                splits++;
                i = j;
            }
        }
    } else if (!reverse) {
        kn_ssize_t pos = 0, splits = 0;
        while (splits < maxsplit) {
            kn_ssize_t k = ob_str_find_bytes(v.s + pos, v.n - pos, sep.s, sep.n, 0);
            if (k < 0)
                break;
            if (append_piece(list, self, v.s + pos, k) < 0)
                return NULL;
            pos += k + sep.n;
            splits++;
        }
        if (append_piece(list, self, v.s + pos, v.n - pos) < 0)
            return NULL;
    } else {
        kn_ssize_t end = v.n, splits = 0;
        while (splits < maxsplit) {
            kn_ssize_t k = ob_str_find_bytes(v.s, end, sep.s, sep.n, 1);
            if (k < 0)
                break;
            if (append_piece(list, self, v.s + k + sep.n, end - k - sep.n) < 0)
                return NULL;
            end = k;
            splits++;
        }
        if (append_piece(list, self, v.s, end) < 0)
            return NULL;
    }
    if (reverse && ob_call_method(list, "reverse", 0) == NULL)
        return NULL;
    return list;
}

KnObject *ob_bm_split(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return split_common("split", self, args, nargs, kw, 0);
}

KnObject *ob_bm_rsplit(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return split_common("rsplit", self, args, nargs, kw, 1);
}

static const char *const splitlines_names[] = {"keepends", NULL};

KnObject *ob_bm_splitlines(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kw)
{
    KnArgSpec spec = {"splitlines", splitlines_names, 0, 1, 0};
    KnObject *a[1];
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0] != NULL) {
        if (KN_TYPE(a[0]) == &ob_float_type) {
            ob_err_set_string(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        if ((keep = ob_is_true(a[0])) < 0)
            return NULL;
    }
    KnBView v = ob_bv_self(self);
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    kn_ssize_t i = 0;
    while (i < v.n) {
        kn_ssize_t j = i;
        while (j < v.n && v.s[j] != '\n' && v.s[j] != '\r')
            j++;
        kn_ssize_t eol = j;
        if (j < v.n) {
            if (v.s[j] == '\r' && j + 1 < v.n && v.s[j + 1] == '\n')
                j += 2;
            else
                j++;
            if (keep)
                eol = j;
        }
        if (append_piece(list, self, v.s + i, eol - i) < 0)
            return NULL;
        i = j;
    }
    return list;
}

/* ---- strip ---- */

static KnObject *strip_common(const char *name, KnObject *self, KnObject *const *args,
                              kn_ssize_t nargs, int left, int right)
{
    if (ob_args_check_positional(name, nargs, 0, 1) < 0)
        return NULL;
    KnBView v = ob_bv_self(self), chars;
    int by_ws = nargs == 0 || args[0] == KN_None;
    if (!by_ws && ob_bv_arg(args[0], &chars) < 0)
        return NULL;
    kn_ssize_t i = 0, j = v.n;
#define STRIPPED(c) (by_ws ? is_ws((unsigned char)(c)) \
                           : (chars.n > 0 && memchr(chars.s, (unsigned char)(c), (size_t)chars.n) != NULL))
    if (left)
        while (i < j && STRIPPED(v.s[i]))
            i++;
    if (right)
        while (j > i && STRIPPED(v.s[j - 1]))
            j--;
#undef STRIPPED
    if (i == 0 && j == v.n)
        return ob_bv_result_self(self);
    return ob_bv_result(self, v.s + i, j - i);
}

KnObject *ob_bm_strip(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return strip_common("strip", self, args, nargs, 1, 1);
}

KnObject *ob_bm_lstrip(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return strip_common("lstrip", self, args, nargs, 1, 0);
}

KnObject *ob_bm_rstrip(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return strip_common("rstrip", self, args, nargs, 0, 1);
}

/* ---- join ---- */

typedef struct {
    KnBView sep;
    KnBytesWriter w;
    kn_ssize_t index;
} JoinCtx;

static int join_one(KnObject *item, void *ctx)
{
    JoinCtx *c = ctx;
    KnBView v;
    int r = ob_bv_try_arg(item, &v);
    if (r <= 0) {
        /* any refusal (a non-contiguous view too) becomes this TypeError */
        if (r < 0 && !ob_err_matches((KnObject *)ob_exc_BufferError))
            return -1;
        ob_err_clear();
        ob_err_format(ob_exc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found",
                      c->index, ob_type_name(KN_TYPE(item)));
        return -1;
    }
    if (c->index > 0 && ob_bytes_writer_put(&c->w, c->sep.s, c->sep.n) < 0)
        return -1;
    c->index++;
    return ob_bytes_writer_put(&c->w, v.s, v.n);
}

KnObject *ob_bm_join(KnObject *self, KnObject *iterable)
{
    JoinCtx c;
    c.sep = ob_bv_self(self);
    c.index = 0;
    ob_bytes_writer_init(&c.w, 0);
    /* the separator may be a bytearray that an item's conversion mutates:
     * take a private copy */
    if (c.sep.n > 0) {
        char *copy = kgc_alloc_atomic((size_t)c.sep.n);
        if (copy == NULL)
            return ob_err_nomemory();
        memcpy(copy, c.sep.s, (size_t)c.sep.n);
        c.sep.s = copy;
    }
    if (ob_cont_foreach(iterable, join_one, &c) != 0)
        return NULL;
    return ob_bv_result(self, c.w.data, c.w.len);
}
