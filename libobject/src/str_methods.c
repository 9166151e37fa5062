/*
 * str_methods.c — the str method table (ob_str_methods) and the methods
 * about searching, joining, padding and translating.  Splitting and
 * stripping are in str_split.c, case mapping and the is*() predicates in
 * str_case.c, format() in str_format.c.  Argument errors reproduce
 * CPython 3.11's wording for each method (the clinic and the older
 * hand-written parsers differ; see the oracle).
 */
#include "str_internal.h"
#include "libobject/tuple.h"
#include "libobject/list.h"
#include "libobject/dict.h"
#include "libobject/int.h"
#include "libobject/singletons.h"
#include "libobject/slice.h"

/* ---- argument helpers ---- */

/* An index argument (clinic's Py_ssize_t converter). */
int ob_str_arg_ssize(KnObject *o, kn_ssize_t *out)
{
    kn_ssize_t v = ob_number_as_ssize(o, ob_exc_OverflowError);
    if (v == -1 && ob_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* (sub[, start[, end]]) of find/index/count/...: old-style messages. */
static int meth_find_args(const char *name, KnObject *const *args, kn_ssize_t nargs,
                          KnObject **sub, kn_ssize_t *start, kn_ssize_t *end)
{
    if (nargs < 1) {
        ob_err_format(ob_exc_TypeError, "%s() takes at least 1 argument (0 given)", name);
        return -1;
    }
    if (nargs > 3) {
        ob_err_format(ob_exc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
        return -1;
    }
    *sub = args[0];
    *start = 0;
    *end = (kn_ssize_t)0x7fffffffffffffffLL;
    if (nargs > 1 && args[1] != KN_None && ob_slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && args[2] != KN_None && ob_slice_index(args[2], end) < 0)
        return -1;
    return 0;
}

static int meth_need_str(KnObject *o)
{
    if (!KN_STR_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "must be str, not %.100s", KN_TYPE(o)->tp_name);
        return -1;
    }
    return 0;
}

/* ---- find / rfind / index / rindex / count ---- */

static KnObject *str_find_common(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                 const char *name, int reverse, int raise)
{
    KnObject *sub;
    kn_ssize_t start, end;
    if (meth_find_args(name, args, nargs, &sub, &start, &end) < 0 || meth_need_str(sub) < 0)
        return NULL;
    kn_ssize_t i = ob_str_find(self, sub, start, end, reverse);
    if (i == -2)
        return NULL;
    if (i < 0 && raise) {
        ob_err_set_string(ob_exc_ValueError, "substring not found");
        return NULL;
    }
    return ob_int_from_ssize(i);
}

static KnObject *str_find(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return str_find_common(self, args, nargs, "find", 0, 0);
}

static KnObject *str_rfind(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return str_find_common(self, args, nargs, "rfind", 1, 0);
}

static KnObject *str_index(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return str_find_common(self, args, nargs, "index", 0, 1);
}

static KnObject *str_rindex(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return str_find_common(self, args, nargs, "rindex", 1, 1);
}

static KnObject *str_count(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    KnObject *sub;
    kn_ssize_t start, end;
    if (meth_find_args("count", args, nargs, &sub, &start, &end) < 0 || meth_need_str(sub) < 0)
        return NULL;
    kn_ssize_t n = ob_str_count(self, sub, start, end);
    return n < 0 ? NULL : ob_int_from_ssize(n);
}

/* ---- startswith / endswith ---- */

/* Does s[start:end] start (or end) with sub?  Slice semantics as CPython's
 * tailmatch: an empty sub matches iff start <= len after clamping. */
static int str_tailmatch(KnObject *s, KnObject *sub, kn_ssize_t start, kn_ssize_t end, int at_end)
{
    kn_ssize_t n = KN_STR_LEN(s), m = KN_STR_LEN(sub);
    ob_str_adjust_indices(n, &start, &end);
    end -= m;
    if (end < start || start > n)
        return 0;
    if (m == 0)
        return 1;
    kn_ssize_t at = at_end ? end : start;
    int ks = KN_STR_KIND(s), kb = KN_STR_KIND(sub);
    const void *ds = KN_STR_DATA(s), *db = KN_STR_DATA(sub);
    if (ks == kb)
        return memcmp((const char *)ds + at * ks, db, (size_t)(m * ks)) == 0;
    for (kn_ssize_t i = 0; i < m; i++)
        if (KN_STR_READ(ks, ds, at + i) != KN_STR_READ(kb, db, i))
            return 0;
    return 1;
}

static KnObject *str_startsendswith(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                    const char *name, int at_end)
{
    KnObject *sub;
    kn_ssize_t start, end;
    if (meth_find_args(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (KN_TUPLE_CHECK(sub)) {
        for (kn_ssize_t i = 0; i < KN_SIZE(sub); i++) {
            KnObject *it = KN_TUPLE_GET(sub, i);
            if (!KN_STR_CHECK(it))
                return ob_err_format(ob_exc_TypeError,
                                     "tuple for %s must only contain str, not %.100s", name,
                                     KN_TYPE(it)->tp_name);
            if (str_tailmatch(self, it, start, end, at_end))
                return KN_True;
        }
        return KN_False;
    }
    if (!KN_STR_CHECK(sub))
        return ob_err_format(ob_exc_TypeError,
                             "%s first arg must be str or a tuple of str, not %.100s", name,
                             KN_TYPE(sub)->tp_name);
    return KN_BOOL(str_tailmatch(self, sub, start, end, at_end));
}

static KnObject *str_startswith(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return str_startsendswith(self, args, nargs, "startswith", 0);
}

static KnObject *str_endswith(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return str_startsendswith(self, args, nargs, "endswith", 1);
}

static KnObject *str_removeaffix(KnObject *self, KnObject *affix, const char *name, int suffix)
{
    if (!KN_STR_CHECK(affix))
        return ob_err_format(ob_exc_TypeError, "%s() argument must be str, not %.100s", name,
                             KN_TYPE(affix)->tp_name);
    kn_ssize_t n = KN_STR_LEN(self), m = KN_STR_LEN(affix);
    if (m > 0 && str_tailmatch(self, affix, 0, n, suffix))
        return suffix ? ob_str_substring(self, 0, n - m) : ob_str_substring(self, m, n);
    return ob_str_substring(self, 0, n);
}

static KnObject *str_removeprefix(KnObject *self, KnObject *affix)
{
    return str_removeaffix(self, affix, "removeprefix", 0);
}

static KnObject *str_removesuffix(KnObject *self, KnObject *affix)
{
    return str_removeaffix(self, affix, "removesuffix", 1);
}

/* ---- encode / replace / join ---- */

static KnObject *str_encode(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    static const KnArgSpec spec = {"encode", names, 0, 2, 0};
    KnObject *a[2] = {NULL, NULL};
    const char *enc = NULL, *errs = NULL;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[0]) {
        if (!KN_STR_CHECK(a[0]))
            return ob_err_format(ob_exc_TypeError, "encode() argument 'encoding' must be str, not %.50s",
                                 KN_TYPE(a[0])->tp_name);
        if ((enc = ob_str_as_utf8(a[0], NULL)) == NULL)
            return NULL;
    }
    if (a[1]) {
        if (!KN_STR_CHECK(a[1]))
            return ob_err_format(ob_exc_TypeError, "encode() argument 'errors' must be str, not %.50s",
                                 KN_TYPE(a[1])->tp_name);
        if ((errs = ob_str_as_utf8(a[1], NULL)) == NULL)
            return NULL;
    }
    return ob_str_encode(self, enc, errs);
}

static KnObject *str_replace_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("replace", nargs, 2, 3) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!KN_STR_CHECK(args[i]))
            return ob_err_format(ob_exc_TypeError, "replace() argument %d must be str, not %.50s",
                                 i + 1, KN_TYPE(args[i])->tp_name);
    kn_ssize_t count = -1;
    if (nargs > 2 && ob_str_arg_ssize(args[2], &count) < 0)
        return NULL;
    return ob_str_replace(self, args[0], args[1], count);
}

static KnObject *str_join_meth(KnObject *self, KnObject *iterable)
{
    return ob_str_join(self, iterable);
}

/* ---- padding ---- */

static KnObject *str_pad(KnObject *self, kn_ssize_t left, kn_ssize_t right, uint32_t fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return ob_str_substring(self, 0, KN_STR_LEN(self));
    KnStrWriter w;
    ob_str_writer_init(&w, 0);
    if (ob_str_writer_reserve(&w, left + right + KN_STR_LEN(self), fill) < 0 ||
        ob_str_writer_put_repeat(&w, fill, left) < 0 || ob_str_writer_put_str(&w, self) < 0 ||
        ob_str_writer_put_repeat(&w, fill, right) < 0)
        return NULL;
    return ob_str_writer_finish(&w);
}

/* (width[, fillchar]) of center/ljust/rjust. */
static int str_pad_args(const char *name, KnObject *const *args, kn_ssize_t nargs,
                        kn_ssize_t *width, uint32_t *fill)
{
    if (ob_args_check_positional(name, nargs, 1, 2) < 0 || ob_str_arg_ssize(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        KnObject *f = args[1];
        if (!KN_STR_CHECK(f)) {
            ob_err_format(ob_exc_TypeError, "The fill character must be a unicode character, not %.50s",
                          KN_TYPE(f)->tp_name);
            return -1;
        }
        if (KN_STR_LEN(f) != 1) {
            ob_err_set_string(ob_exc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = ob_str_read_char(f, 0);
    }
    return 0;
}

static KnObject *str_center(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t width;
    uint32_t fill;
    if (str_pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    kn_ssize_t n = KN_STR_LEN(self);
    if (width <= n)
        return ob_str_substring(self, 0, n);
    kn_ssize_t marg = width - n;
    kn_ssize_t left = marg / 2 + (marg & width & 1);
    return str_pad(self, left, marg - left, fill);
}

static KnObject *str_ljust(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t width;
    uint32_t fill;
    if (str_pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return str_pad(self, 0, width - KN_STR_LEN(self), fill);
}

static KnObject *str_rjust(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t width;
    uint32_t fill;
    if (str_pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return str_pad(self, width - KN_STR_LEN(self), 0, fill);
}

static KnObject *str_zfill(KnObject *self, KnObject *arg)
{
    kn_ssize_t width;
    if (ob_str_arg_ssize(arg, &width) < 0)
        return NULL;
    kn_ssize_t n = KN_STR_LEN(self);
    if (width <= n)
        return ob_str_substring(self, 0, n);
    KnObject *r = str_pad(self, width - n, 0, '0');
    if (r == NULL)
        return NULL;
    kn_ssize_t fill = width - n;
    uint32_t c = n > 0 ? ob_str_read_char(self, 0) : 0;
    if (c == '+' || c == '-') {
        /* move the sign in front of the zeros (r is a fresh str) */
        KN_STR_WRITE(KN_STR_KIND(r), KN_STR_DATA(r), 0, c);
        KN_STR_WRITE(KN_STR_KIND(r), KN_STR_DATA(r), fill, '0');
    }
    return r;
}

static KnObject *str_expandtabs(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                KnObject *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    static const KnArgSpec spec = {"expandtabs", names, 0, 1, 0};
    KnObject *a[1] = {NULL};
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    kn_ssize_t tabsize = 8;
    if (a[0] && ob_str_arg_ssize(a[0], &tabsize) < 0)
        return NULL;
    kn_ssize_t n = KN_STR_LEN(self), col = 0;
    int kind = KN_STR_KIND(self);
    const void *d = KN_STR_DATA(self);
    KnStrWriter w;
    ob_str_writer_init(&w, n);
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        if (c == '\t') {
            if (tabsize > 0) {
                kn_ssize_t spaces = tabsize - col % tabsize;
                if (ob_str_writer_put_repeat(&w, ' ', spaces) < 0)
                    return NULL;
                col += spaces;
            }
            continue;
        }
        if (ob_str_writer_put(&w, c) < 0)
            return NULL;
        col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
    return ob_str_writer_finish(&w);
}

/* ---- partition ---- */

static KnObject *str_partition_common(KnObject *self, KnObject *sep, int reverse)
{
    if (meth_need_str(sep) < 0)
        return NULL;
    if (KN_STR_LEN(sep) == 0) {
        ob_err_set_string(ob_exc_ValueError, "empty separator");
        return NULL;
    }
    kn_ssize_t n = KN_STR_LEN(self);
    kn_ssize_t i = ob_str_find(self, sep, 0, n, reverse);
    if (i == -2)
        return NULL;
    KnObject *empty = ob_str_empty(), *whole = ob_str_substring(self, 0, n);
    if (whole == NULL)
        return NULL;
    if (i < 0)
        return reverse ? ob_tuple_pack(3, empty, empty, whole) : ob_tuple_pack(3, whole, empty, empty);
    KnObject *a = ob_str_substring(self, 0, i);
    KnObject *b = ob_str_substring(self, i + KN_STR_LEN(sep), n);
    KnObject *s = KN_STR_CHECK_EXACT(sep) ? sep : ob_str_substring(sep, 0, KN_STR_LEN(sep));
    if (!a || !b || !s)
        return NULL;
    return ob_tuple_pack(3, a, s, b);
}

static KnObject *str_partition(KnObject *self, KnObject *sep)
{
    return str_partition_common(self, sep, 0);
}

static KnObject *str_rpartition(KnObject *self, KnObject *sep)
{
    return str_partition_common(self, sep, 1);
}

/* ---- translate / maketrans ---- */

static KnObject *str_translate(KnObject *self, KnObject *table)
{
    kn_ssize_t n = KN_STR_LEN(self);
    int kind = KN_STR_KIND(self);
    const void *d = KN_STR_DATA(self);
    KnStrWriter w;
    ob_str_writer_init(&w, n);
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        KnObject *key = ob_int_from_ssize((kn_ssize_t)c);
        if (key == NULL)
            return NULL;
        KnObject *v = ob_getitem(table, key);
        if (v == NULL) {
            if (ob_err_matches((KnObject *)ob_exc_LookupError)) {
                ob_err_clear();
                if (ob_str_writer_put(&w, c) < 0)
                    return NULL;
                continue;
            }
            return NULL;
        }
        if (v == KN_None)
            continue;
        if (KN_INT_CHECK(v)) {
            int overflow = 0;
            long long x = ob_int_as_long_long_and_overflow(v, &overflow);
            if (overflow || x < 0 || x > 0x10ffff) {
                ob_err_set_string(ob_exc_ValueError, "character mapping must be in range(0x110000)");
                return NULL;
            }
            if (ob_str_writer_put(&w, (uint32_t)x) < 0)
                return NULL;
        } else if (KN_STR_CHECK(v)) {
            if (ob_str_writer_put_str(&w, v) < 0)
                return NULL;
        } else {
            ob_err_set_string(ob_exc_TypeError, "character mapping must return integer, None or str");
            return NULL;
        }
    }
    return ob_str_writer_finish(&w);
}

static KnObject *str_maketrans(KnObject *unused, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("maketrans", nargs, 1, 3) < 0)
        return NULL;
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    if (nargs == 1) {
        KnObject *x = args[0];
        if (!KN_DICT_CHECK(x)) {
            ob_err_set_string(ob_exc_TypeError,
                              "if you give only one argument to maketrans it must be a dict");
            return NULL;
        }
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(x, &pos, &k, &v)) {
            KnObject *key = k;
            if (KN_STR_CHECK(k)) {
                if (KN_STR_LEN(k) != 1) {
                    ob_err_set_string(ob_exc_ValueError,
                                      "string keys in translate table must be of length 1");
                    return NULL;
                }
                key = ob_int_from_ssize((kn_ssize_t)ob_str_read_char(k, 0));
                if (key == NULL)
                    return NULL;
            } else if (!KN_INT_CHECK(k)) {
                ob_err_set_string(ob_exc_TypeError,
                                  "keys in translate table must be strings or integers");
                return NULL;
            }
            if (ob_dict_setitem(d, key, v) < 0)
                return NULL;
        }
        return d;
    }
    for (int i = 0; i < nargs; i++) {
        if (!KN_STR_CHECK(args[i]))
            return ob_err_format(ob_exc_TypeError, "maketrans() argument %d must be str, not %.50s",
                                 i + 1, KN_TYPE(args[i])->tp_name);
    }
    KnObject *x = args[0], *y = args[1];
    if (KN_STR_LEN(x) != KN_STR_LEN(y)) {
        ob_err_set_string(ob_exc_ValueError,
                          "the first two maketrans arguments must have equal length");
        return NULL;
    }
    for (kn_ssize_t i = 0; i < KN_STR_LEN(x); i++) {
        KnObject *k = ob_int_from_ssize((kn_ssize_t)ob_str_read_char(x, i));
        KnObject *v = ob_int_from_ssize((kn_ssize_t)ob_str_read_char(y, i));
        if (!k || !v || ob_dict_setitem(d, k, v) < 0)
            return NULL;
    }
    if (nargs == 3) {
        KnObject *z = args[2];
        for (kn_ssize_t i = 0; i < KN_STR_LEN(z); i++) {
            KnObject *k = ob_int_from_ssize((kn_ssize_t)ob_str_read_char(z, i));
            if (!k || ob_dict_setitem(d, k, KN_None) < 0)
                return NULL;
        }
    }
    return d;
}

/* ---- small ones ---- */

static KnObject *str_sizeof(KnObject *self, KnObject *unused)
{
    kn_ssize_t n = KN_STR_LEN(self), size;
    int kind = KN_STR_KIND(self);
    if (KN_STR_IS_COMPACT(self) || ob_str_is_growable(self))
        size = (KN_STR_IS_ASCII(self) ? (kn_ssize_t)sizeof(KnASCIIObject)
                                      : (kn_ssize_t)sizeof(KnCompactUnicodeObject)) +
               (n + 1) * kind;
    else
        size = (kn_ssize_t)sizeof(KnUnicodeObject) + (n + 1) * kind;
    if (!KN_STR_IS_ASCII(self) && ((KnCompactUnicodeObject *)self)->utf8 != NULL)
        size += ((KnCompactUnicodeObject *)self)->utf8_length + 1;
    return ob_int_from_ssize(size);
}

static KnObject *str_getnewargs(KnObject *self, KnObject *unused)
{
    KnObject *copy = ob_str_from_kind_data(KN_STR_KIND(self), KN_STR_DATA(self), KN_STR_LEN(self));
    return copy ? ob_tuple_pack(1, copy) : NULL;
}

static KnObject *str_isascii(KnObject *self, KnObject *unused)
{
    return KN_BOOL(KN_STR_IS_ASCII(self) || (KN_STR_KIND(self) == 1 && ob_str_max_char(self) < 0x80));
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

KnMethodDef ob_str_methods[] = {
    {"encode", FAST(str_encode), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Encode the string using the codec registered for encoding."},
    {"replace", FAST(str_replace_meth), KN_METH_FASTCALL,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", FAST(ob_str_split_meth), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", FAST(ob_str_rsplit_meth), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", FAST(str_join_meth), KN_METH_O, "Concatenate any number of strings."},
    {"capitalize", FAST(ob_str_capitalize), KN_METH_NOARGS, "Return a capitalized version of the string."},
    {"casefold", FAST(ob_str_casefold), KN_METH_NOARGS, "Return a version of the string suitable for caseless comparisons."},
    {"title", FAST(ob_str_title), KN_METH_NOARGS, "Return a version of the string where each word is titlecased."},
    {"center", FAST(str_center), KN_METH_FASTCALL, "Return a centered string of length width."},
    {"count", FAST(str_count), KN_METH_FASTCALL,
     "S.count(sub[, start[, end]]) -> int"},
    {"expandtabs", FAST(str_expandtabs), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", FAST(str_find), KN_METH_FASTCALL, "S.find(sub[, start[, end]]) -> int"},
    {"partition", FAST(str_partition), KN_METH_O, "Partition the string into three parts using the given separator."},
    {"index", FAST(str_index), KN_METH_FASTCALL, "S.index(sub[, start[, end]]) -> int"},
    {"ljust", FAST(str_ljust), KN_METH_FASTCALL, "Return a left-justified string of length width."},
    {"lower", FAST(ob_str_lower), KN_METH_NOARGS, "Return a copy of the string converted to lowercase."},
    {"lstrip", FAST(ob_str_lstrip_meth), KN_METH_FASTCALL, "Return a copy of the string with leading whitespace removed."},
    {"rfind", FAST(str_rfind), KN_METH_FASTCALL, "S.rfind(sub[, start[, end]]) -> int"},
    {"rindex", FAST(str_rindex), KN_METH_FASTCALL, "S.rindex(sub[, start[, end]]) -> int"},
    {"rjust", FAST(str_rjust), KN_METH_FASTCALL, "Return a right-justified string of length width."},
    {"rstrip", FAST(ob_str_rstrip_meth), KN_METH_FASTCALL, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", FAST(str_rpartition), KN_METH_O, "Partition the string into three parts using the given separator."},
    {"splitlines", FAST(ob_str_splitlines_meth), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", FAST(ob_str_strip_meth), KN_METH_FASTCALL,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", FAST(ob_str_swapcase), KN_METH_NOARGS,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", FAST(str_translate), KN_METH_O, "Replace each character in the string using the given translation table."},
    {"upper", FAST(ob_str_upper), KN_METH_NOARGS, "Return a copy of the string converted to uppercase."},
    {"startswith", FAST(str_startswith), KN_METH_FASTCALL,
     "S.startswith(prefix[, start[, end]]) -> bool"},
    {"endswith", FAST(str_endswith), KN_METH_FASTCALL,
     "S.endswith(suffix[, start[, end]]) -> bool"},
    {"removeprefix", FAST(str_removeprefix), KN_METH_O,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", FAST(str_removesuffix), KN_METH_O,
     "Return a str with the given suffix string removed if present."},
    {"isascii", FAST(str_isascii), KN_METH_NOARGS, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", FAST(ob_str_islower), KN_METH_NOARGS, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", FAST(ob_str_isupper), KN_METH_NOARGS, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", FAST(ob_str_istitle), KN_METH_NOARGS, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", FAST(ob_str_isspace), KN_METH_NOARGS, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", FAST(ob_str_isdecimal), KN_METH_NOARGS, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", FAST(ob_str_isdigit), KN_METH_NOARGS, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", FAST(ob_str_isnumeric), KN_METH_NOARGS, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", FAST(ob_str_isalpha), KN_METH_NOARGS, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", FAST(ob_str_isalnum), KN_METH_NOARGS, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", FAST(ob_str_isidentifier_meth), KN_METH_NOARGS,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", FAST(ob_str_isprintable), KN_METH_NOARGS,
     "Return True if the string is printable, False otherwise."},
    {"zfill", FAST(str_zfill), KN_METH_O, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", FAST(ob_str_format_meth), KN_METH_VARARGS | KN_METH_KEYWORDS,
     "S.format(*args, **kwargs) -> str"},
    {"format_map", FAST(ob_str_format_map_meth), KN_METH_O, "S.format_map(mapping) -> str"},
    {"__format__", FAST(ob_str_format_spec_meth), KN_METH_O, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", FAST(str_maketrans), KN_METH_FASTCALL | KN_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", FAST(str_sizeof), KN_METH_NOARGS, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", FAST(str_getnewargs), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
