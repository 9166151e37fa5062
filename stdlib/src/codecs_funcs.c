/*
 * codecs_funcs.c — `_codecs`' per-encoding functions over libobject's C
 * codecs (str_codecs.c): utf_8, utf_16(_le/_be/_ex), utf_32(...),
 * latin_1, ascii encode/decode, readbuffer_encode.
 *
 * Decoders return (str, consumed).  With final false an incomplete
 * sequence at the end (a valid UTF-8 prefix, an odd UTF-16 byte, a lone
 * leading surrogate, a partial UTF-32 unit) is left unconsumed, as the
 * incremental decoders of codecs.py expect; everything before it goes
 * through libobject's decoder.
 */
#include <string.h>

#include "codecs_internal.h"
#include "intarg.h"

/* ---- argument helpers shared by the module ---- */

int cd_get_bytes(KnObject *o, CdBytes *out)
{
    KnBufferProcs *bp = KN_TYPE(o)->tp_as_buffer;
    if (!KN_STR_CHECK(o) && bp != NULL && bp->bf_getbuffer != NULL) {
        KnBuffer view;
        memset(&view, 0, sizeof view);
        if (bp->bf_getbuffer(o, &view, 0) < 0)
            return -1;
        char *copy = kgc_alloc_atomic((size_t)view.len + 1);
        if (copy == NULL) {
            ob_err_nomemory();
            return -1;
        }
        memcpy(copy, view.buf, (size_t)view.len);
        copy[view.len] = '\0';
        out->data = copy;
        out->len = view.len;
        if (bp->bf_releasebuffer != NULL)
            bp->bf_releasebuffer(o, &view);
        return 0;
    }
    ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                  ob_type_name(KN_TYPE(o)));
    return -1;
}

int cd_get_errors(const char *fname, int argno, KnObject *o, const char **errors)
{
    *errors = NULL;
    if (o == NULL || o == KN_None)
        return 0;
    if (!KN_STR_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "%s() argument %d must be str or None, not %s",
                      fname, argno, ob_type_name(KN_TYPE(o)));
        return -1;
    }
    *errors = ob_str_as_utf8(o, NULL);
    return *errors == NULL ? -1 : 0;
}

int cd_check_str(const char *fname, int argno, KnObject *o)
{
    if (KN_STR_CHECK(o))
        return 0;
    ob_err_format(ob_exc_TypeError, "%s() argument %d must be str, not %s",
                  fname, argno, ob_type_name(KN_TYPE(o)));
    return -1;
}

int cd_args(const char *fname, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames,
            kn_ssize_t min, kn_ssize_t max)
{
    (void)args;
    if (ob_args_no_keywords(fname, kwnames) < 0)
        return -1;
    return ob_args_check_positional(fname, nargs, min, max);
}

KnObject *cd_pair(KnObject *a, kn_ssize_t n)
{
    KnObject *c = ob_int_from_ssize(n);
    return a == NULL || c == NULL ? NULL : ob_tuple_pack(2, a, c);
}

/* An int argument as a C int (clinic's "i"). */
static int cd_int(KnObject *o, int *v)
{
    long long r;
    int overflow;
    if (kn_arg_index_ll(o, &r, &overflow) < 0)
        return -1;
    if (overflow || r > 2147483647LL || r < -2147483647LL - 1) {
        ob_err_set_string(ob_exc_OverflowError, overflow < 0 || (!overflow && r < 0)
                          ? "signed integer is less than minimum"
                          : "signed integer is greater than maximum");
        return -1;
    }
    *v = (int)r;
    return 0;
}

static int cd_final(KnObject *o)
{
    return o == NULL ? 0 : ob_is_true(o);
}

/* ---- incomplete tails ---- */

/* Bytes at the end of s[0:len] that start a valid but unfinished UTF-8
 * sequence (0 when the tail is complete or plainly invalid). */
static kn_ssize_t utf8_tail(const unsigned char *s, kn_ssize_t len)
{
    for (kn_ssize_t back = 1; back <= 3 && back <= len; back++) {
        unsigned char b = s[len - back];
        if (b >= 0x80 && b < 0xc0)
            continue;                          /* a continuation byte */
        int need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
        if (need == 0 || back >= need)
            return 0;
        if (back >= 2) {                       /* check the second byte's range */
            unsigned char c = s[len - back + 1];
            unsigned char lo = 0x80, hi = 0xbf;
            if (b == 0xe0) lo = 0xa0;
            else if (b == 0xed) hi = 0x9f;
            else if (b == 0xf0) lo = 0x90;
            else if (b == 0xf4) hi = 0x8f;
            if (c < lo || c > hi)
                return 0;
        }
        return back;
    }
    return 0;
}

static kn_ssize_t utf16_usable(const unsigned char *s, kn_ssize_t len, int big)
{
    kn_ssize_t n = len - len % 2;
    if (n >= 2) {
        unsigned u = big ? (unsigned)(s[n - 2] << 8 | s[n - 1]) : (unsigned)(s[n - 1] << 8 | s[n - 2]);
        if (u >= 0xd800 && u <= 0xdbff)
            n -= 2;
    }
    return n;
}

/* ---- UTF-8, Latin-1, ASCII ---- */

static KnObject *cd_encode_simple(const char *fname, const char *encoding,
                                  KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    const char *errors;
    if (cd_args(fname, args, nargs, kwnames, 1, 2) < 0 || cd_check_str(fname, 1, args[0]) < 0
        || cd_get_errors(fname, 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    return cd_pair(cd_str_encode(args[0], encoding, errors), ob_str_length(args[0]));
}

static KnObject *cd_decode_simple(const char *fname, const char *encoding, int has_final,
                                  KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    const char *errors;
    CdBytes b;
    if (cd_args(fname, args, nargs, kwnames, 1, has_final ? 3 : 2) < 0
        || cd_get_bytes(args[0], &b) < 0
        || cd_get_errors(fname, 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    kn_ssize_t n = b.len;
    if (has_final) {
        int final = cd_final(nargs > 2 ? args[2] : NULL);
        if (final < 0)
            return NULL;
        if (!final)
            n -= utf8_tail((const unsigned char *)b.data, b.len);
    }
    return cd_pair(cd_str_decode(b.data, n, encoding, errors), n);
}

#define SIMPLE(name, enc, fin) \
    static KnObject *cd_##name##_encode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k) \
    { (void)m; return cd_encode_simple(#name "_encode", enc, a, n, k); } \
    static KnObject *cd_##name##_decode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k) \
    { (void)m; return cd_decode_simple(#name "_decode", enc, fin, a, n, k); }
SIMPLE(utf_8, "utf-8", 1)
SIMPLE(latin_1, "latin-1", 0)
SIMPLE(ascii, "ascii", 0)

/* ---- UTF-16 / UTF-32 ---- */

/* Decode with byte order *bo (-1 little, 1 big, 0: read a BOM, default
 * little); consumed bytes in *consumed. */
static KnObject *cd_decode_wide(const char *data, kn_ssize_t len, const char *errors, int unit,
                                int *bo, int final, kn_ssize_t *consumed)
{
    const unsigned char *s = (const unsigned char *)data;
    kn_ssize_t start = 0;
    if (*bo == 0) {
        if (len < unit && !final) {
            *consumed = 0;
            return ob_str_empty();
        }
        if (unit == 2 && len >= 2) {
            if (s[0] == 0xff && s[1] == 0xfe) { *bo = -1; start = 2; }
            else if (s[0] == 0xfe && s[1] == 0xff) { *bo = 1; start = 2; }
        } else if (unit == 4 && len >= 4) {
            if (memcmp(s, "\xff\xfe\0\0", 4) == 0) { *bo = -1; start = 4; }
            else if (memcmp(s, "\0\0\xfe\xff", 4) == 0) { *bo = 1; start = 4; }
        }
    }
    int big = *bo > 0;
    kn_ssize_t n = len - start;
    if (!final)
        n = unit == 2 ? utf16_usable(s + start, n, big) : n - n % 4;
    const char *enc = unit == 2 ? (big ? "utf-16-be" : "utf-16-le") : (big ? "utf-32-be" : "utf-32-le");
    KnObject *r = cd_str_decode_in(data, len, start, n, enc, errors);
    *consumed = start + n;
    return r;
}

static KnObject *cd_wide_decode(const char *fname, int unit, int fixed_bo, int ex,
                                KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    const char *errors;
    CdBytes b;
    int bo = fixed_bo, final;
    kn_ssize_t maxargs = ex ? 4 : 3;
    if (cd_args(fname, args, nargs, kwnames, 1, maxargs) < 0 || cd_get_bytes(args[0], &b) < 0
        || cd_get_errors(fname, 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    if (ex && nargs > 2 && cd_int(args[2], &bo) < 0)
        return NULL;
    final = cd_final(nargs > maxargs - 1 ? args[maxargs - 1] : NULL);
    if (final < 0)
        return NULL;
    kn_ssize_t consumed;
    KnObject *r = cd_decode_wide(b.data, b.len, errors, unit, &bo, final, &consumed);
    if (r == NULL)
        return NULL;
    if (!ex)
        return cd_pair(r, consumed);
    KnObject *c = ob_int_from_ssize(consumed), *o = ob_int_from_ssize(bo);
    return c == NULL || o == NULL ? NULL : ob_tuple_pack(3, r, c, o);
}

static KnObject *cd_wide_encode(const char *fname, int unit, int fixed_bo, int has_bo,
                                KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    const char *errors;
    int bo = fixed_bo;
    if (cd_args(fname, args, nargs, kwnames, 1, has_bo ? 3 : 2) < 0
        || cd_check_str(fname, 1, args[0]) < 0
        || cd_get_errors(fname, 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    if (has_bo && nargs > 2 && cd_int(args[2], &bo) < 0)
        return NULL;
    if (bo == 0 && !cd_builtin_handler(errors)) {
        /* the BOM separately, so a handler's resumed slices carry none */
        KnObject *body = cd_str_encode(args[0], unit == 2 ? "utf-16-le" : "utf-32-le", errors);
        KnObject *bom = unit == 2 ? ob_bytes_from_data("\xff\xfe", 2)
                                  : ob_bytes_from_data("\xff\xfe\0\0", 4);
        if (body == NULL || bom == NULL)
            return NULL;
        return cd_pair(ob_bytes_concat(bom, body), ob_str_length(args[0]));
    }
    const char *enc = bo == 0 ? (unit == 2 ? "utf-16" : "utf-32")
                    : bo < 0 ? (unit == 2 ? "utf-16-le" : "utf-32-le")
                    : (unit == 2 ? "utf-16-be" : "utf-32-be");
    return cd_pair(cd_str_encode(args[0], enc, errors), ob_str_length(args[0]));
}

#define WIDE(name, unit, bo) \
    static KnObject *cd_##name##_encode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k) \
    { (void)m; return cd_wide_encode(#name "_encode", unit, bo, bo == 0, a, n, k); } \
    static KnObject *cd_##name##_decode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k) \
    { (void)m; return cd_wide_decode(#name "_decode", unit, bo, 0, a, n, k); }
WIDE(utf_16, 2, 0)
WIDE(utf_16_le, 2, -1)
WIDE(utf_16_be, 2, 1)
WIDE(utf_32, 4, 0)
WIDE(utf_32_le, 4, -1)
WIDE(utf_32_be, 4, 1)

static KnObject *cd_utf_16_ex_decode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k)
{
    (void)m;
    return cd_wide_decode("utf_16_ex_decode", 2, 0, 1, a, n, k);
}

static KnObject *cd_utf_32_ex_decode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k)
{
    (void)m;
    return cd_wide_decode("utf_32_ex_decode", 4, 0, 1, a, n, k);
}

/* readbuffer_encode(data, errors=None): (bytes(data), len); a str is
 * taken as its UTF-8. */
static KnObject *cd_readbuffer_encode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                      KnObject *kwnames)
{
    (void)m;
    const char *errors;
    if (cd_args("readbuffer_encode", args, nargs, kwnames, 1, 2) < 0
        || cd_get_errors("readbuffer_encode", 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    if (KN_STR_CHECK(args[0])) {
        kn_ssize_t len;
        const char *u = ob_str_as_utf8(args[0], &len);
        return u == NULL ? NULL : cd_pair(ob_bytes_from_data(u, len), len);
    }
    CdBytes b;
    if (cd_get_bytes(args[0], &b) < 0)
        return NULL;
    return cd_pair(ob_bytes_from_data(b.data, b.len), b.len);
}

#define FC KN_METH_FASTCALL | KN_METH_KEYWORDS
#define ENTRY(name) {#name, (KnCFunction)(void *)cd_##name, FC, NULL}
KnMethodDef cd_codec_methods[] = {
    ENTRY(utf_8_encode), ENTRY(utf_8_decode),
    ENTRY(latin_1_encode), ENTRY(latin_1_decode),
    ENTRY(ascii_encode), ENTRY(ascii_decode),
    ENTRY(utf_16_encode), ENTRY(utf_16_decode),
    ENTRY(utf_16_le_encode), ENTRY(utf_16_le_decode),
    ENTRY(utf_16_be_encode), ENTRY(utf_16_be_decode),
    ENTRY(utf_16_ex_decode),
    ENTRY(utf_32_encode), ENTRY(utf_32_decode),
    ENTRY(utf_32_le_encode), ENTRY(utf_32_le_decode),
    ENTRY(utf_32_be_encode), ENTRY(utf_32_be_decode),
    ENTRY(utf_32_ex_decode),
    ENTRY(readbuffer_encode),
    {NULL, NULL, 0, NULL}
};
