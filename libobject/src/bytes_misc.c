/*
 * bytes_misc.c — hex(), fromhex() and decode(), shared by bytes and
 * bytearray.
 */
#include "bytes_internal.h"

static const char *const hex_names[] = {"sep", "bytes_per_sep", NULL};

KnObject *ob_bm_hex(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    KnArgSpec spec = {"hex", hex_names, 0, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    char sep = 0;
    int has_sep = 0;            /* '\0' is a separator like any other */
    kn_ssize_t group = 1;
    if (a[0] != NULL) {
        /* CPython takes len(sep) first, then insists on str or bytes */
        kn_ssize_t seplen = ob_length(a[0]);
        if (seplen < 0)
            return NULL;
        if (seplen != 1) {
            ob_err_set_string(ob_exc_ValueError, "sep must be length 1.");
            return NULL;
        }
        uint32_t ch;
        KnBView sv;
        if (KN_STR_CHECK(a[0])) {
            ch = ob_str_read_char(a[0], 0);
        } else if (ob_bv_try_arg(a[0], &sv) > 0) {
            ch = (unsigned char)sv.s[0];
        } else {
            if (!ob_err_occurred())
                ob_err_set_string(ob_exc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (ch > 0x7f) {
            ob_err_set_string(ob_exc_ValueError, "sep must be ASCII.");
            return NULL;
        }
        sep = (char)ch;
        has_sep = 1;
    }
    if (a[1] != NULL && ob_bv_ssize(a[1], &group) < 0)
        return NULL;
    KnBView v = ob_bv_self(self);
    KnBytesWriter w;
    ob_bytes_writer_init(&w, v.n * 3);
    kn_ssize_t g = group < 0 ? -group : group;
    for (kn_ssize_t i = 0; i < v.n; i++) {
        /* positive groups count from the right, negative from the left */
        if (has_sep && g > 0 && i > 0) {
            int boundary = group > 0 ? (v.n - i) % g == 0 : i % g == 0;
            if (boundary && ob_bytes_writer_putc(&w, sep) < 0)
                return NULL;
        }
        unsigned char c = (unsigned char)v.s[i];
        if (ob_bytes_writer_putc(&w, "0123456789abcdef"[c >> 4]) < 0 ||
            ob_bytes_writer_putc(&w, "0123456789abcdef"[c & 15]) < 0)
            return NULL;
    }
    return ob_str_from_kind_data(1, w.data, w.len);
}

static int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static int is_ascii_ws(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* bytes.fromhex(string) / bytearray.fromhex(string): a class method; a
 * subclass gets cls(result). */
KnObject *ob_bytes_fromhex(KnObject *cls, KnObject *arg)
{
    if (!KN_STR_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "fromhex() argument must be str, not %.50s",
                             ob_type_name(KN_TYPE(arg)));
    kn_ssize_t n = ob_str_length(arg);
    KnBytesWriter w;
    ob_bytes_writer_init(&w, n / 2);
    kn_ssize_t i = 0;
    for (;;) {
        while (i < n && is_ascii_ws(ob_str_read_char(arg, i)))
            i++;
        if (i >= n)
            break;
        int hi = hexval(ob_str_read_char(arg, i));
        int lo = i + 1 < n ? hexval(ob_str_read_char(arg, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            ob_err_format(ob_exc_ValueError,
                          "non-hexadecimal number found in fromhex() arg at position %zd",
                          hi < 0 ? i : i + 1);
            return NULL;
        }
        if (ob_bytes_writer_putc(&w, hi * 16 + lo) < 0)
            return NULL;
        i += 2;
    }
    KnTypeObject *t = (KnTypeObject *)cls;
    KnObject *r = ob_type_is_subtype(t, &ob_bytearray_type) ? ob_bytearray_from_data(w.data, w.len)
                                                            : ob_bytes_from_data(w.data, w.len);
    if (r == NULL || t == &ob_bytes_type || t == &ob_bytearray_type)
        return r;
    return ob_call_onearg(cls, r);
}

static const char *const decode_names[] = {"encoding", "errors", NULL};

KnObject *ob_bm_decode(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    KnArgSpec spec = {"decode", decode_names, 0, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    const char *enc = NULL, *err = NULL;
    for (int k = 0; k < 2; k++) {
        if (a[k] == NULL)
            continue;
        if (!KN_STR_CHECK(a[k]))
            return ob_err_format(ob_exc_TypeError, "decode() argument '%s' must be str, not %.50s",
                                 decode_names[k], ob_type_name(KN_TYPE(a[k])));
        const char *s = ob_str_as_utf8(a[k], NULL);
        if (s == NULL)
            return NULL;
        if (k == 0)
            enc = s;
        else
            err = s;
    }
    KnBView v = ob_bv_self(self);
    return ob_str_decode(v.s, v.n, enc ? enc : "utf-8", err);
}
