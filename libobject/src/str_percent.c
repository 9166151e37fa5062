/*
 * str_percent.c — printf-style formatting: str % args, and the parts
 * bytes % args shares (bytes_percent.c): argument fetching, parsing a
 * conversion, numeric conversions, padding.  Semantics and messages are
 * CPython 3.11's (see NOTES-format.md for the quirks kept on purpose).
 */
#include <limits.h>
#include "str_internal.h"
#include "format_spec.h"
#include "int_internal.h"
#include "core.h"
#include "libobject/complex.h"
#include "libobject/dict.h"
#include "libobject/tuple.h"

#define PCT_SSIZE_MAX ((kn_ssize_t)(SIZE_MAX >> 1))

void ob_pct_args_init(KnPctArgs *a, KnObject *args, KnObject *mapping)
{
    a->args = args;
    a->mapping = mapping;
    if (KN_TUPLE_CHECK(args)) {
        a->len = KN_SIZE(args);
        a->idx = 0;
    } else {
        a->len = -1;
        a->idx = -2;
    }
}

KnObject *ob_pct_next_arg(KnPctArgs *a)
{
    if (a->idx < a->len) {
        kn_ssize_t i = a->idx++;
        return a->len < 0 ? a->args : KN_TUPLE_GET(a->args, i);
    }
    ob_err_set_string(ob_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

int ob_pct_finish(const KnPctFormat *fmt, KnPctArgs *a)
{
    if (a->idx < a->len && a->mapping == NULL) {
        ob_err_format(ob_exc_TypeError, "not all arguments converted during %s formatting",
                      fmt->is_bytes ? "bytes" : "string");
        return -1;
    }
    return 0;
}

KnObject *ob_pct_unsupported(const KnPctFormat *fmt, const KnPctSpec *sp)
{
    uint32_t c = sp->conv;
    if (fmt->is_bytes && c >= 0x80)     /* CPython formats the char as signed */
        return ob_err_format(ob_exc_OverflowError, "character argument not in range(0x110000)");
    int shown = fmt->is_bytes ? (int)c : (c >= 31 && c <= 126) ? (int)c : '?';
    return ob_err_format(ob_exc_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zd", shown,
                         (unsigned)c, sp->conv_index);
}

/* Keys of `fmt % dict` by (format str, key position): logging applies
 * the same format to a dict per record, and a key made once keeps its
 * cached hash.  Used only for exact dicts, where a key's identity is never
 * observable (no user __getitem__, str keys compare by value).  Strings
 * never change, so an entry stays right as long as it holds its format
 * (a static array: the collector sees it as a root). */
#define PCT_KEY_CACHE 64
static struct {
    KnObject *src;
    kn_ssize_t start, end;
    KnObject *key;
} pct_key_cache[PCT_KEY_CACHE];

static KnObject *cached_key(KnObject *src, kn_ssize_t start, kn_ssize_t end)
{
    size_t slot = (((uintptr_t)src >> 4) ^ ((size_t)start * 0x9e3779b1u)) % PCT_KEY_CACHE;
    if (pct_key_cache[slot].src == src && pct_key_cache[slot].start == start &&
        pct_key_cache[slot].end == end)
        return pct_key_cache[slot].key;
    KnObject *key = ob_str_substring(src, start, end);
    if (key != NULL && KN_STR_CHECK_EXACT(key)) {
        pct_key_cache[slot].src = src;
        pct_key_cache[slot].start = start;
        pct_key_cache[slot].end = end;
        pct_key_cache[slot].key = key;
    }
    return key;
}

/* %(key): the value under key in the mapping becomes the only argument. */
static int take_key(const KnPctFormat *fmt, kn_ssize_t start, kn_ssize_t end, KnPctArgs *a)
{
    KnObject *key;
    if (!fmt->is_bytes && fmt->src != NULL && KN_DICT_CHECK_EXACT(a->mapping)) {
        key = cached_key(fmt->src, start, end);
    } else if (fmt->is_bytes) {
        char *buf = kgc_alloc_atomic((size_t)(end - start) + 1);
        if (buf == NULL)
            return ob_err_nomemory(), -1;
        for (kn_ssize_t i = start; i < end; i++)
            buf[i - start] = (char)fmt->f[i];
        key = ob_bytes_from_data(buf, end - start);
    } else if (fmt->src != NULL) {
        key = ob_str_substring(fmt->src, start, end);
    } else {
        key = ob_str_from_codepoints(fmt->f + start, end - start);
    }
    if (key == NULL)
        return -1;
    KnObject *v;
    if (KN_DICT_CHECK_EXACT(a->mapping)) {
        v = ob_dict_getitem(a->mapping, key);
        if (v == NULL && !ob_err_occurred())
            ob_err_set_object(ob_exc_KeyError, key);
    } else {
        v = ob_getitem(a->mapping, key);
    }
    if (v == NULL)
        return -1;
    a->args = v;
    a->len = -1;
    a->idx = -2;
    return 0;
}

/* A '*' width or precision: the next argument, which must be an int. */
static int star_arg(KnPctArgs *a, int is_prec, kn_ssize_t *out)
{
    KnObject *v = ob_pct_next_arg(a);
    if (v == NULL)
        return -1;
    if (!KN_INT_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "* wants int");
        return -1;
    }
    int overflow;
    long long x = ob_int_as_long_long_and_overflow(v, &overflow);
    if (overflow || (is_prec && (x > INT_MAX || x < INT_MIN))) {
        ob_err_set_string(ob_exc_OverflowError, is_prec
                          ? "Python int too large to convert to C int"
                          : "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (kn_ssize_t)x;
    return 0;
}

static int incomplete(void)
{
    ob_err_set_string(ob_exc_ValueError, "incomplete format");
    return -1;
}

/* Digits at f[*pos...] after the first digit `first`; *ch gets the next
 * character (have = 0 at the end of the template). */
static int read_number(const KnPctFormat *fmt, kn_ssize_t *pos, uint32_t *ch, int *have,
                       kn_ssize_t limit, const char *too_big, kn_ssize_t *out)
{
    kn_ssize_t v = (kn_ssize_t)(*ch - '0');
    for (;;) {
        if (*pos >= fmt->n) {
            *have = 0;
            break;
        }
        *ch = fmt->f[(*pos)++];
        if (*ch < '0' || *ch > '9')
            break;
        int d = (int)(*ch - '0');
        if (v > (limit - d) / 10) {
            ob_err_set_string(ob_exc_ValueError, too_big);
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

int ob_pct_parse(const KnPctFormat *fmt, kn_ssize_t *pos, KnPctArgs *a, KnPctSpec *sp)
{
    const uint32_t *f = fmt->f;
    kn_ssize_t n = fmt->n, p = *pos;
    sp->flags = 0;
    sp->width = -1;
    sp->prec = -1;
    if (p < n && f[p] == '(') {
        if (a->mapping == NULL) {
            ob_err_set_string(ob_exc_TypeError, "format requires a mapping");
            return -1;
        }
        kn_ssize_t start = ++p;
        int depth = 1;
        while (depth > 0 && p < n) {
            if (f[p] == ')')
                depth--;
            else if (f[p] == '(')
                depth++;
            p++;
        }
        if (depth > 0) {
            ob_err_set_string(ob_exc_ValueError, "incomplete format key");
            return -1;
        }
        if (take_key(fmt, start, p - 1, a) < 0)
            return -1;
    }
    uint32_t ch = 0;
    int have = 0;
    while (p < n) {
        ch = f[p++];
        have = 1;
        switch (ch) {
        case '-': sp->flags |= OB_PCT_LJUST; have = 0; continue;
        case '+': sp->flags |= OB_PCT_SIGN; have = 0; continue;
        case ' ': sp->flags |= OB_PCT_BLANK; have = 0; continue;
        case '#': sp->flags |= OB_PCT_ALT; have = 0; continue;
        case '0': sp->flags |= OB_PCT_ZERO; have = 0; continue;
        }
        break;
    }
    if (have && ch == '*') {
        if (star_arg(a, 0, &sp->width) < 0)
            return -1;
        if (sp->width < 0) {
            sp->flags |= OB_PCT_LJUST;
            sp->width = -sp->width;
        }
        if (p < n)
            ch = f[p++];
        else
            have = 0;
    } else if (have && ch >= '0' && ch <= '9') {
        if (read_number(fmt, &p, &ch, &have, PCT_SSIZE_MAX, "width too big", &sp->width) < 0)
            return -1;
    }
    if (have && ch == '.') {
        sp->prec = 0;
        if (p < n)
            ch = f[p++];
        else
            have = 0;
        if (have && ch == '*') {
            if (star_arg(a, 1, &sp->prec) < 0)
                return -1;
            if (sp->prec < 0)
                sp->prec = 0;
            if (p < n)
                ch = f[p++];
            else
                have = 0;
        } else if (have && ch >= '0' && ch <= '9') {
            if (read_number(fmt, &p, &ch, &have, INT_MAX, "precision too big", &sp->prec) < 0)
                return -1;
        }
    }
    if (have && (ch == 'h' || ch == 'l' || ch == 'L')) {
        if (p < n)
            ch = f[p++];
        else
            have = 0;
    }
    if (!have)
        return incomplete();
    sp->conv = ch;
    sp->conv_index = p - 1;
    *pos = p;
    return 0;
}

int ob_pct_run(const KnPctFormat *fmt, KnObject *args, KnObject *mapping, void *w,
               KnPctLiteral literal, KnPctConvert convert)
{
    const uint32_t *f = fmt->f;
    kn_ssize_t n = fmt->n, p = 0;
    KnPctArgs a;
    ob_pct_args_init(&a, args, mapping);
    while (p < n) {
        kn_ssize_t q = p;
        while (q < n && f[q] != '%')
            q++;
        if (literal(w, p, q) < 0)
            return -1;
        if (q >= n)
            break;
        p = q + 1;
        if (p < n && f[p] == '%') {     /* only an immediate %% is a literal % */
            if (literal(w, p, p + 1) < 0)
                return -1;
            p++;
            continue;
        }
        KnPctSpec sp;
        if (ob_pct_parse(fmt, &p, &a, &sp) < 0)
            return -1;
        KnObject *v = ob_pct_next_arg(&a);
        if (v == NULL || convert(w, fmt, &sp, v) < 0)
            return -1;
    }
    return ob_pct_finish(fmt, &a);
}

/* ---- numbers ---- */

static int wrong_type(uint32_t c, KnObject *v)
{
    if (c == 'o' || c == 'x' || c == 'X')
        ob_err_format(ob_exc_TypeError, "%%%c format: an integer is required, not %s", (int)c,
                      KN_TNAME(v));
    else
        ob_err_format(ob_exc_TypeError, "%%%c format: a real number is required, not %s",
                      (int)c, KN_TNAME(v));
    return -1;
}

/* v as an int for %d (int(v)) or %o/%x/%X (v.__index__()). */
static KnObject *integer_arg(KnObject *v, uint32_t c)
{
    if (KN_INT_CHECK(v))
        return v;
    KnNumberMethods *nb = KN_TYPE(v)->tp_as_number;
    int numeric = (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) || KN_COMPLEX_CHECK(v);
    if (!numeric)
        return wrong_type(c, v), NULL;
    int want_index = c == 'o' || c == 'x' || c == 'X';
    KnObject *r;
    if (!want_index && KN_FLOAT_CHECK_EXACT(v))
        r = ob_int_from_double(KN_FLOAT_VALUE(v));
    else
        r = want_index ? ob_number_index(v) : ob_number_long(v);
    if (r == NULL && ob_err_matches((KnObject *)ob_exc_TypeError)) {
        ob_err_clear();
        wrong_type(c, v);
    }
    return r;
}

static const char *sign_of(int neg, int flags)
{
    return neg ? "-" : (flags & OB_PCT_SIGN) ? "+" : (flags & OB_PCT_BLANK) ? " " : "";
}

int ob_pct_number(KnObject *v, const KnPctSpec *sp, int is_bytes, KnPctNumber *out)
{
    uint32_t c = sp->conv;
    out->prefix = "";
    if (c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G') {
        double x = ob_float_as_double(v);
        if (x == -1.0 && ob_err_occurred()) {
            if (is_bytes) {     /* bytes % replaces any error */
                ob_err_clear();
                ob_err_format(ob_exc_TypeError, "float argument required, not %s", KN_TNAME(v));
            }
            return -1;
        }
        KnFloatBody b;
        if (ob_fmt_float_body(x, (int)c, sp->prec < 0 ? 6 : sp->prec,
                              (sp->flags & OB_PCT_ALT) ? OB_FMT_ALT : 0, &b) < 0)
            return -1;
        out->sign = sign_of(b.neg, sp->flags);
        out->body = b.text;
        if (b.text == b.small) {    /* b ends here: keep the text in out */
            memcpy(out->small, b.small, (size_t)b.len + 1);
            out->body = out->small;
        }
        out->len = b.len;
        return 0;
    }
    KnObject *iv = integer_arg(v, is_bytes && c == 'i' ? 'd' : c);
    if (iv == NULL)
        return -1;
    int base = c == 'o' ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
    kn_ssize_t len;
    char *d;
    int neg, overflow = 0;
    long long x = ob_int_as_long_long_and_overflow(iv, &overflow);
    if (!overflow) {
        /* fits 64 bits: digits in out->small */
        neg = x < 0;
        len = ob_int_u64_digits(neg ? 0ull - (unsigned long long)x : (unsigned long long)x, base,
                                out->small + sizeof out->small - 1);
        out->small[sizeof out->small - 1] = '\0';
        d = out->small + sizeof out->small - 1 - len;
    } else {
        d = ob_int_format_cstr(iv, base, 0, &len);
        if (d == NULL)
            return -1;
        neg = d[0] == '-';
        d += neg;
        len -= neg;
    }
    if (sp->prec > len) {   /* precision: at least that many digits */
        char *z = kgc_alloc_atomic((size_t)sp->prec + 1);
        if (z == NULL)
            return ob_err_nomemory(), -1;
        memset(z, '0', (size_t)(sp->prec - len));
        memcpy(z + sp->prec - len, d, (size_t)len + 1);
        d = z;
        len = sp->prec;
    }
    if (c == 'X')
        for (kn_ssize_t i = 0; i < len; i++)
            if (d[i] >= 'a' && d[i] <= 'f')
                d[i] = (char)(d[i] - 'a' + 'A');
    if (sp->flags & OB_PCT_ALT)
        out->prefix = c == 'o' ? "0o" : c == 'x' ? "0x" : c == 'X' ? "0X" : "";
    out->sign = sign_of(neg, sp->flags);
    out->body = d;
    out->len = len;
    return 0;
}

void ob_pct_padding(const KnPctSpec *sp, kn_ssize_t len, int numeric, kn_ssize_t *before,
                    kn_ssize_t *zeros, kn_ssize_t *after)
{
    kn_ssize_t pad = sp->width > len ? sp->width - len : 0;
    *before = *zeros = *after = 0;
    if (sp->flags & OB_PCT_LJUST)
        *after = pad;
    else if (numeric && (sp->flags & OB_PCT_ZERO))
        *zeros = pad;
    else
        *before = pad;
}

/* ---- str % args ---- */

static int is_numeric_conv(uint32_t c)
{
    return c == 'd' || c == 'i' || c == 'u' || c == 'o' || c == 'x' || c == 'X' || c == 'e' ||
           c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G';
}

/* %c: a one-character str, or an int code point. */
static KnObject *char_arg(KnObject *v)
{
    if (KN_STR_CHECK(v)) {
        if (ob_str_length(v) == 1)
            return ob_str_substring(v, 0, 1);
    } else if (KN_INT_CHECK(v) || ob_index_check(v)) {
        KnObject *iv = KN_INT_CHECK(v) ? v : ob_number_index(v);
        if (iv == NULL)
            return NULL;
        int overflow;
        long long x = ob_int_as_long_long_and_overflow(iv, &overflow);
        if (overflow || x < 0 || x > 0x10ffff)
            return ob_err_format(ob_exc_OverflowError, "%%c arg not in range(0x110000)");
        return ob_str_from_char((uint32_t)x);
    }
    return ob_err_format(ob_exc_TypeError, "%%c requires int or char");
}

static int put_text(KnStrWriter *w, const KnPctSpec *sp, KnObject *s, int truncate)
{
    kn_ssize_t len = ob_str_length(s);
    if (truncate && sp->prec >= 0 && sp->prec < len)
        len = sp->prec;
    kn_ssize_t before, zeros, after;
    ob_pct_padding(sp, len, 0, &before, &zeros, &after);
    if (ob_str_writer_put_repeat(w, ' ', before) < 0 ||
        ob_str_writer_put_substr(w, s, 0, len) < 0 ||
        ob_str_writer_put_repeat(w, ' ', after) < 0)
        return -1;
    return 0;
}

static int put_number(KnStrWriter *w, const KnPctSpec *sp, const KnPctNumber *num)
{
    kn_ssize_t ns = (kn_ssize_t)strlen(num->sign), np = (kn_ssize_t)strlen(num->prefix);
    kn_ssize_t before, zeros, after;
    ob_pct_padding(sp, ns + np + num->len, 1, &before, &zeros, &after);
    if (ob_str_writer_put_repeat(w, ' ', before) < 0 ||
        ob_str_writer_put_ascii(w, num->sign, ns) < 0 ||
        ob_str_writer_put_ascii(w, num->prefix, np) < 0 ||
        ob_str_writer_put_repeat(w, '0', zeros) < 0 ||
        ob_str_writer_put_ascii(w, num->body, num->len) < 0 ||
        ob_str_writer_put_repeat(w, ' ', after) < 0)
        return -1;
    return 0;
}

static int convert_one(KnStrWriter *w, const KnPctFormat *fmt, const KnPctSpec *sp, KnObject *v)
{
    KnObject *s;
    switch (sp->conv) {
    case 's':
        s = KN_STR_CHECK_EXACT(v) ? v : ob_str(v);
        return s ? put_text(w, sp, s, 1) : -1;
    case 'r':
        s = ob_repr(v);
        return s ? put_text(w, sp, s, 1) : -1;
    case 'a':
        s = ob_ascii(v);
        return s ? put_text(w, sp, s, 1) : -1;
    case 'c':
        s = char_arg(v);
        return s ? put_text(w, sp, s, 0) : -1;
    }
    if (!is_numeric_conv(sp->conv)) {
        ob_pct_unsupported(fmt, sp);
        return -1;
    }
    KnPctNumber num;
    if (ob_pct_number(v, sp, 0, &num) < 0)
        return -1;
    return put_number(w, sp, &num);
}

typedef struct StrOut {
    KnStrWriter w;
    KnObject *fmt;
} StrOut;

static int str_literal(void *out, kn_ssize_t start, kn_ssize_t end)
{
    StrOut *o = out;
    return ob_str_writer_put_substr(&o->w, o->fmt, start, end);
}

static int str_convert(void *out, const KnPctFormat *fmt, const KnPctSpec *sp, KnObject *v)
{
    return convert_one(&((StrOut *)out)->w, fmt, sp, v);
}

KnObject *ob_str_mod_format(KnObject *fmtobj, KnObject *args)
{
    kn_ssize_t n = ob_str_length(fmtobj);
    uint32_t small[128];
    uint32_t *f = n < 128 ? small : kgc_alloc_atomic(((size_t)n + 1) * sizeof(uint32_t));
    if (f == NULL)
        return ob_err_nomemory();
    ob_str_copy_ucs4(fmtobj, 0, n, f);
    KnPctFormat fmt = {f, n, 0, fmtobj};
    KnMappingMethods *mp = KN_TYPE(args)->tp_as_mapping;
    KnObject *mapping = (mp && mp->mp_subscript && !KN_TUPLE_CHECK(args) && !KN_STR_CHECK(args))
                            ? args : NULL;
    StrOut out;
    out.fmt = fmtobj;
    ob_str_writer_init(&out.w, n + 16);
    if (ob_pct_run(&fmt, args, mapping, &out, str_literal, str_convert) < 0)
        return NULL;
    return ob_str_writer_finish(&out.w);
}
