/*
 * bytes_percent.c — bytes % args and bytearray % args (PEP 461): the
 * parsing, numbers and padding of str_percent.c, with bytes rules for
 * %s/%b (bytes-like or __bytes__), %a/%r (ascii()), %c (one byte).
 */
#include "str_internal.h"
#include "format_spec.h"
#include "int_internal.h"
#include "core.h"
#include "libobject/tuple.h"

static int is_bytearray(KnObject *o)
{
    return KN_TYPE_CHECK(o, &ob_bytearray_type);
}

static const char *bytes_data(KnObject *o, kn_ssize_t *n)
{
    *n = KN_SIZE(o);
    return is_bytearray(o) ? ((KnByteArrayObject *)o)->ob_start : KN_BYTES_AS_STRING(o);
}

/* %s / %b: the bytes of a bytes-like object or of __bytes__(). */
static int put_bytes_like(KnBytesWriter *w, const KnPctSpec *sp, KnObject *v)
{
    const char *data;
    kn_ssize_t n;
    KnBuffer view = {0};
    int release = 0;
    if (KN_BYTES_CHECK(v) || is_bytearray(v)) {
        data = bytes_data(v, &n);
    } else {
        KnObject *meth = ob_lookup_special(v, ob_str_intern_cstr("__bytes__"));
        if (meth != NULL) {
            KnObject *r = ob_call_noargs(meth);
            if (r == NULL)
                return -1;
            if (!KN_BYTES_CHECK(r)) {
                ob_err_format(ob_exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                              KN_TNAME(r));
                return -1;
            }
            data = bytes_data(r, &n);
        } else if (ob_err_occurred()) {
            return -1;
        } else if (KN_TYPE(v)->tp_as_buffer && KN_TYPE(v)->tp_as_buffer->bf_getbuffer) {
            if (KN_TYPE(v)->tp_as_buffer->bf_getbuffer(v, &view, 0) < 0)
                return -1;
            release = 1;
            data = view.buf;
            n = view.len;
        } else {
            ob_err_format(ob_exc_TypeError, "%%b requires a bytes-like object, or an object "
                          "that implements __bytes__, not '%s'", KN_TNAME(v));
            return -1;
        }
    }
    if (sp->prec >= 0 && sp->prec < n)
        n = sp->prec;
    kn_ssize_t before, zeros, after;
    ob_pct_padding(sp, n, 0, &before, &zeros, &after);
    int rc = 0;
    for (kn_ssize_t i = 0; i < before && rc == 0; i++)
        rc = ob_bytes_writer_putc(w, ' ');
    if (rc == 0)
        rc = ob_bytes_writer_put(w, data, n);
    for (kn_ssize_t i = 0; i < after && rc == 0; i++)
        rc = ob_bytes_writer_putc(w, ' ');
    if (release && KN_TYPE(v)->tp_as_buffer->bf_releasebuffer)
        KN_TYPE(v)->tp_as_buffer->bf_releasebuffer(v, &view);
    return rc;
}

/* %c: one byte from an int in range(256) or a length-1 bytes/bytearray. */
static int char_byte(KnObject *v, char *out)
{
    if ((KN_BYTES_CHECK(v) || is_bytearray(v)) && KN_SIZE(v) == 1) {
        kn_ssize_t n;
        *out = bytes_data(v, &n)[0];
        return 0;
    }
    if (KN_INT_CHECK(v) || ob_index_check(v)) {
        KnObject *iv = KN_INT_CHECK(v) ? v : ob_number_index(v);
        if (iv == NULL)
            return -1;
        int overflow;
        long long x = ob_int_as_long_long_and_overflow(iv, &overflow);
        if (overflow || x < 0 || x > 255) {
            ob_err_set_string(ob_exc_OverflowError, "%c arg not in range(256)");
            return -1;
        }
        *out = (char)x;
        return 0;
    }
    ob_err_set_string(ob_exc_TypeError,
                      "%c requires an integer in range(256) or a single byte");
    return -1;
}

static int put_pad_text(KnBytesWriter *w, const KnPctSpec *sp, const char *s, kn_ssize_t n,
                        int truncate)
{
    if (truncate && sp->prec >= 0 && sp->prec < n)
        n = sp->prec;
    kn_ssize_t before, zeros, after;
    ob_pct_padding(sp, n, 0, &before, &zeros, &after);
    for (kn_ssize_t i = 0; i < before; i++)
        if (ob_bytes_writer_putc(w, ' ') < 0)
            return -1;
    if (ob_bytes_writer_put(w, s, n) < 0)
        return -1;
    for (kn_ssize_t i = 0; i < after; i++)
        if (ob_bytes_writer_putc(w, ' ') < 0)
            return -1;
    return 0;
}

static int put_repeat(KnBytesWriter *w, char c, kn_ssize_t n)
{
    for (kn_ssize_t i = 0; i < n; i++)
        if (ob_bytes_writer_putc(w, c) < 0)
            return -1;
    return 0;
}

static int convert_one(KnBytesWriter *w, const KnPctFormat *fmt, const KnPctSpec *sp,
                       KnObject *v)
{
    switch (sp->conv) {
    case 's': case 'b':
        return put_bytes_like(w, sp, v);
    case 'r': case 'a': {
        KnObject *s = ob_ascii(v);
        kn_ssize_t n;
        const char *t = s ? ob_str_as_utf8(s, &n) : NULL;   /* ASCII: UTF-8 is the bytes */
        return t ? put_pad_text(w, sp, t, n, 1) : -1;
    }
    case 'c': {
        char c;
        return char_byte(v, &c) < 0 ? -1 : put_pad_text(w, sp, &c, 1, 0);
    }
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        break;
    default:
        ob_pct_unsupported(fmt, sp);
        return -1;
    }
    KnPctNumber num;
    if (ob_pct_number(v, sp, 1, &num) < 0)
        return -1;
    kn_ssize_t ns = (kn_ssize_t)strlen(num.sign), np = (kn_ssize_t)strlen(num.prefix);
    kn_ssize_t before, zeros, after;
    ob_pct_padding(sp, ns + np + num.len, 1, &before, &zeros, &after);
    if (put_repeat(w, ' ', before) < 0 || ob_bytes_writer_put(w, num.sign, ns) < 0 ||
        ob_bytes_writer_put(w, num.prefix, np) < 0 || put_repeat(w, '0', zeros) < 0 ||
        ob_bytes_writer_put(w, num.body, num.len) < 0 || put_repeat(w, ' ', after) < 0)
        return -1;
    return 0;
}

typedef struct BytesOut {
    KnBytesWriter w;
    const char *src;
} BytesOut;

static int bytes_literal(void *out, kn_ssize_t start, kn_ssize_t end)
{
    BytesOut *o = out;
    return ob_bytes_writer_put(&o->w, o->src + start, end - start);
}

static int bytes_convert(void *out, const KnPctFormat *fmt, const KnPctSpec *sp, KnObject *v)
{
    return convert_one(&((BytesOut *)out)->w, fmt, sp, v);
}

KnObject *ob_bytes_mod_format(KnObject *fmtobj, KnObject *args)
{
    if (!KN_BYTES_CHECK(fmtobj) && !is_bytearray(fmtobj)) {
        ob_err_bad_internal_call();
        return NULL;
    }
    kn_ssize_t n;
    const char *src = bytes_data(fmtobj, &n);
    uint32_t *f = kgc_alloc_atomic(((size_t)n + 1) * sizeof(uint32_t));
    if (f == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < n; i++)
        f[i] = (unsigned char)src[i];
    KnPctFormat fmt = {f, n, 1, NULL};
    KnMappingMethods *mp = KN_TYPE(args)->tp_as_mapping;
    KnObject *mapping = (mp && mp->mp_subscript && !KN_TUPLE_CHECK(args) &&
                         !KN_BYTES_CHECK(args) && !KN_STR_CHECK(args) && !is_bytearray(args))
                            ? args : NULL;
    /* A bytearray template may change size while arguments' __bytes__ or
     * __index__ run; the output reads a private copy. */
    char *copy = kgc_alloc_atomic((size_t)n + 1);
    if (copy == NULL)
        return ob_err_nomemory();
    if (n > 0)
        memcpy(copy, src, (size_t)n);   /* an empty bytearray has no buffer */
    BytesOut out;
    out.src = copy;
    ob_bytes_writer_init(&out.w, n + 16);
    if (ob_pct_run(&fmt, args, mapping, &out, bytes_literal, bytes_convert) < 0)
        return NULL;
    KnObject *r = ob_bytes_writer_finish(&out.w);
    if (r != NULL && is_bytearray(fmtobj))
        r = ob_bytearray_from_data(KN_BYTES_AS_STRING(r), KN_SIZE(r));
    return r;
}
