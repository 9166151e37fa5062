/*
 * bytes_find.c — searching methods shared by bytes and bytearray: find,
 * rfind, index, rindex, count, startswith, endswith, replace,
 * removeprefix, removesuffix, partition, rpartition.
 */
#include "bytes_internal.h"

/* "NAME() takes at least 1 argument (0 given)" style checks (the
 * stringlib methods still use PyArg_ParseTuple's wording). */
static int old_style_count(const char *name, kn_ssize_t nargs, kn_ssize_t lo, kn_ssize_t hi)
{
    if (nargs < lo) {
        ob_err_format(ob_exc_TypeError, "%s() takes at least %zd argument%s (%zd given)", name,
                      lo, lo == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > hi) {
        ob_err_format(ob_exc_TypeError, "%s() takes at most %zd argument%s (%zd given)", name, hi,
                      hi == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* sub (an int or bytes-like) and the optional start/end, adjusted. */
typedef struct {
    KnBView hay, sub;
    char byte;
    kn_ssize_t start, end;
} FindArgs;

static int parse_find(const char *name, KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                      FindArgs *fa)
{
    if (old_style_count(name, nargs, 1, 3) < 0)
        return -1;
    fa->hay = ob_bv_self(self);
    fa->start = 0;
    fa->end = KN_SSIZE_MAX;
    KnObject *sub = args[0];
    int r = ob_bv_try_arg(sub, &fa->sub);
    if (r < 0)
        return -1;
    if (r == 0) {
        KnNumberMethods *nb = KN_TYPE(sub)->tp_as_number;
        if (!KN_INT_CHECK(sub) && (nb == NULL || nb->nb_index == NULL)) {
            ob_err_format(ob_exc_TypeError,
                          "argument should be integer or bytes-like object, not '%.200s'",
                          ob_type_name(KN_TYPE(sub)));
            return -1;
        }
        int b;
        if (ob_bv_byte(sub, &b, "byte must be in range(0, 256)") < 0)
            return -1;
        fa->byte = (char)b;
        fa->sub.s = &fa->byte;
        fa->sub.n = 1;
    }
    if (nargs >= 2 && ob_bv_slice_index(args[1], &fa->start) < 0)
        return -1;
    if (nargs >= 3 && ob_bv_slice_index(args[2], &fa->end) < 0)
        return -1;
    ob_str_adjust_indices(fa->hay.n, &fa->start, &fa->end);
    return 0;
}

/* Index of sub in hay[start:end] (absolute), -1 when absent. */
static kn_ssize_t find_in(FindArgs *fa, int reverse)
{
    if (fa->end - fa->start < fa->sub.n)
        return -1;
    kn_ssize_t i = ob_str_find_bytes(fa->hay.s + fa->start, fa->end - fa->start, fa->sub.s,
                                     fa->sub.n, reverse);
    return i < 0 ? -1 : i + fa->start;
}

static KnObject *find_common(const char *name, KnObject *self, KnObject *const *args,
                             kn_ssize_t nargs, int reverse, int raise)
{
    FindArgs fa;
    if (parse_find(name, self, args, nargs, &fa) < 0)
        return NULL;
    kn_ssize_t i = find_in(&fa, reverse);
    if (i < 0 && raise) {
        ob_err_set_string(ob_exc_ValueError, "subsection not found");
        return NULL;
    }
    return ob_int_from_ssize(i);
}

KnObject *ob_bm_find(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return find_common("find", self, args, nargs, 0, 0);
}

KnObject *ob_bm_rfind(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return find_common("rfind", self, args, nargs, 1, 0);
}

KnObject *ob_bm_index(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return find_common("index", self, args, nargs, 0, 1);
}

KnObject *ob_bm_rindex(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return find_common("rindex", self, args, nargs, 1, 1);
}

KnObject *ob_bm_count(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    FindArgs fa;
    if (parse_find("count", self, args, nargs, &fa) < 0)
        return NULL;
    if (fa.end - fa.start < 0)
        return ob_int_from_ssize(0);
    return ob_int_from_ssize(ob_str_count_kind(1, fa.hay.s + fa.start, fa.end - fa.start,
                                               fa.sub.s, fa.sub.n, KN_SSIZE_MAX));
}

/* ---- startswith / endswith ---- */

/* 1 when data[start:end] starts (dir < 0) or ends (dir > 0) with sub. */
static int tailmatch(KnBView v, KnBView sub, kn_ssize_t start, kn_ssize_t end, int dir)
{
    ob_str_adjust_indices(v.n, &start, &end);
    if (dir < 0) {
        if (start > v.n - sub.n)
            return 0;
    } else {
        if (end - start < sub.n || start > v.n)
            return 0;
        if (end - sub.n > start)
            start = end - sub.n;
    }
    if (end - start < sub.n)
        return 0;
    return sub.n == 0 || memcmp(v.s + start, sub.s, (size_t)sub.n) == 0;
}

static KnObject *affix_common(const char *name, KnObject *self, KnObject *const *args,
                              kn_ssize_t nargs, int dir)
{
    if (old_style_count(name, nargs, 1, 3) < 0)
        return NULL;
    kn_ssize_t start = 0, end = KN_SSIZE_MAX;
    if (nargs >= 2 && ob_bv_slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs >= 3 && ob_bv_slice_index(args[2], &end) < 0)
        return NULL;
    KnBView v = ob_bv_self(self), sub;
    KnObject *arg = args[0];
    if (KN_TUPLE_CHECK(arg)) {
        for (kn_ssize_t i = 0; i < KN_SIZE(arg); i++) {
            KnObject *item = KN_TUPLE_GET(arg, i);
            int r = ob_bv_try_arg(item, &sub);
            if (r < 0)
                return NULL;
            if (r == 0)
                return ob_err_format(ob_exc_TypeError,
                                     "a bytes-like object is required, not '%.100s'",
                                     ob_type_name(KN_TYPE(item)));
            if (tailmatch(v, sub, start, end, dir))
                return KN_True;
        }
        return KN_False;
    }
    int r = ob_bv_try_arg(arg, &sub);
    if (r < 0)
        return NULL;
    if (r == 0)
        return ob_err_format(ob_exc_TypeError,
                             "%s first arg must be bytes or a tuple of bytes, not %.100s", name,
                             ob_type_name(KN_TYPE(arg)));
    return KN_BOOL(tailmatch(v, sub, start, end, dir));
}

KnObject *ob_bm_startswith(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return affix_common("startswith", self, args, nargs, -1);
}

KnObject *ob_bm_endswith(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return affix_common("endswith", self, args, nargs, 1);
}

KnObject *ob_bm_removeprefix(KnObject *self, KnObject *arg)
{
    KnBView v = ob_bv_self(self), p;
    if (ob_bv_arg(arg, &p) < 0)
        return NULL;
    if (p.n > 0 && v.n >= p.n && memcmp(v.s, p.s, (size_t)p.n) == 0)
        return ob_bv_result(self, v.s + p.n, v.n - p.n);
    return ob_bv_result_self(self);
}

KnObject *ob_bm_removesuffix(KnObject *self, KnObject *arg)
{
    KnBView v = ob_bv_self(self), p;
    if (ob_bv_arg(arg, &p) < 0)
        return NULL;
    if (p.n > 0 && v.n >= p.n && memcmp(v.s + v.n - p.n, p.s, (size_t)p.n) == 0)
        return ob_bv_result(self, v.s, v.n - p.n);
    return ob_bv_result_self(self);
}

/* ---- replace ---- */

KnObject *ob_bm_replace(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("replace", nargs, 2, 3) < 0)
        return NULL;
    KnBView v = ob_bv_self(self), from, to;
    if (ob_bv_arg(args[0], &from) < 0 || ob_bv_arg(args[1], &to) < 0)
        return NULL;
    kn_ssize_t maxcount = -1;
    if (nargs == 3 && ob_bv_ssize(args[2], &maxcount) < 0)
        return NULL;
    if (maxcount < 0)
        maxcount = KN_SSIZE_MAX;
    KnBytesWriter w;
    ob_bytes_writer_init(&w, v.n);
    kn_ssize_t done = 0;
    if (from.n == 0) {
        /* to before each byte and at the end, count times at most */
        kn_ssize_t i = 0;
        while (done < maxcount && i <= v.n) {
            if (ob_bytes_writer_put(&w, to.s, to.n) < 0)
                return NULL;
            done++;
            if (i < v.n && ob_bytes_writer_putc(&w, v.s[i]) < 0)
                return NULL;
            i++;
        }
        if (i < v.n && ob_bytes_writer_put(&w, v.s + i, v.n - i) < 0)
            return NULL;
    } else {
        kn_ssize_t pos = 0;
        while (done < maxcount) {
            kn_ssize_t k = ob_str_find_bytes(v.s + pos, v.n - pos, from.s, from.n, 0);
            if (k < 0)
                break;
            if (ob_bytes_writer_put(&w, v.s + pos, k) < 0 ||
                ob_bytes_writer_put(&w, to.s, to.n) < 0)
                return NULL;
            pos += k + from.n;
            done++;
        }
        if (done == 0)
            return ob_bv_result_self(self);
        if (ob_bytes_writer_put(&w, v.s + pos, v.n - pos) < 0)
            return NULL;
    }
    return ob_bv_result(self, w.data, w.len);
}

/* ---- partition ---- */

static KnObject *partition_common(KnObject *self, KnObject *arg, int reverse)
{
    KnBView v = ob_bv_self(self), sep;
    if (ob_bv_arg(arg, &sep) < 0)
        return NULL;
    if (sep.n == 0) {
        ob_err_set_string(ob_exc_ValueError, "empty separator");
        return NULL;
    }
    kn_ssize_t i = ob_str_find_bytes(v.s, v.n, sep.s, sep.n, reverse);
    KnObject *empty1 = ob_bv_result(self, NULL, 0);
    KnObject *empty2 = empty1 ? ob_bv_result(self, NULL, 0) : NULL;
    if (empty2 == NULL)
        return NULL;
    if (i < 0) {
        KnObject *whole = ob_bv_result_self(self);
        if (whole == NULL)
            return NULL;
        return reverse ? ob_tuple_pack(3, empty1, empty2, whole)
                       : ob_tuple_pack(3, whole, empty1, empty2);
    }
    KnObject *head = ob_bv_result(self, v.s, i);
    KnObject *mid = head ? ob_bv_result(self, sep.s, sep.n) : NULL;
    KnObject *tail = mid ? ob_bv_result(self, v.s + i + sep.n, v.n - i - sep.n) : NULL;
    if (tail == NULL)
        return NULL;
    return ob_tuple_pack(3, head, mid, tail);
}

KnObject *ob_bm_partition(KnObject *self, KnObject *arg)
{
    return partition_common(self, arg, 0);
}

KnObject *ob_bm_rpartition(KnObject *self, KnObject *arg)
{
    return partition_common(self, arg, 1);
}
