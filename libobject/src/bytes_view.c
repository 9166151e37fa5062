/*
 * bytes_view.c — argument and result plumbing shared by bytes and
 * bytearray: bytes-like arguments, integer and slice-bound arguments, byte
 * values, results of self's kind, and the source rules of bytes(x) /
 * bytearray(x).
 */
#include <limits.h>
#include "bytes_internal.h"
#include "libobject/buffer.h"

KnObject *ob_bv_result(KnObject *self, const char *data, kn_ssize_t n)
{
    if (KN_BYTEARRAY_CHECK(self))
        return ob_bytearray_from_data(data, n);
    return ob_bytes_from_data(data, n);
}

KnObject *ob_bv_result_uninit(KnObject *self, kn_ssize_t n, char **out)
{
    KnObject *r;
    if (KN_BYTEARRAY_CHECK(self)) {
        r = ob_bytearray_from_data(NULL, n);
        if (r != NULL)
            *out = KN_BA(r)->ob_start;
    } else {
        r = ob_bytes_new_uninit(n);
        if (r != NULL)
            *out = KN_BYTES_AS_STRING(r);
    }
    return r;
}

KnObject *ob_bv_result_self(KnObject *self)
{
    if (KN_TYPE(self) == &ob_bytes_type)
        return self;
    KnBView v = ob_bv_self(self);
    return ob_bv_result(self, v.s, v.n);
}

int ob_bv_try_arg(KnObject *o, KnBView *v)
{
    if (KN_BYTES_CHECK(o) || KN_BYTEARRAY_CHECK(o)) {
        *v = ob_bv_self(o);
        return 1;
    }
    KnBufferProcs *bp = KN_TYPE(o)->tp_as_buffer;
    if (bp == NULL || bp->bf_getbuffer == NULL)
        return 0;
    KnBuffer view;
    if (bp->bf_getbuffer(o, &view, 0) < 0)
        return -1;
    /* copied so that the export can end at once */
    char *copy = kgc_alloc_atomic((size_t)view.len + 1);
    if (copy == NULL) {
        ob_err_nomemory();
        return -1;
    }
    memcpy(copy, view.buf, (size_t)view.len);
    v->s = copy;
    v->n = view.len;
    if (bp->bf_releasebuffer != NULL)
        bp->bf_releasebuffer(o, &view);
    return 1;
}

int ob_bv_arg(KnObject *o, KnBView *v)
{
    int r = ob_bv_try_arg(o, v);
    if (r == 0) {
        ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    return r < 0 ? -1 : 0;
}

static int has_index(KnObject *o)
{
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    return KN_INT_CHECK(o) || (nb != NULL && nb->nb_index != NULL);
}

int ob_bv_ssize(KnObject *o, kn_ssize_t *out)
{
    if (KN_INT_CHECK(o)) {
        *out = ob_int_as_ssize(o);
        return (*out == -1 && ob_err_occurred()) ? -1 : 0;
    }
    if (!has_index(o)) {
        ob_err_format(ob_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    *out = ob_number_as_ssize(o, ob_exc_OverflowError);
    return (*out == -1 && ob_err_occurred()) ? -1 : 0;
}

int ob_bv_cint(KnObject *o, int *out)
{
    if (!KN_INT_CHECK(o) && !has_index(o)) {
        ob_err_format(ob_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    KnObject *i = KN_INT_CHECK(o) ? o : ob_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    long long x = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow || x > INT_MAX || x < INT_MIN) {
        /* CPython says "too large" for both directions here */
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

int ob_bv_slice_index(KnObject *o, kn_ssize_t *out)
{
    if (o == KN_None)
        return 0;
    if (KN_INT_CHECK(o)) {
        int overflow = 0;
        long long x = ob_int_as_long_long_and_overflow(o, &overflow);
        *out = overflow > 0 ? KN_SSIZE_MAX : overflow < 0 ? KN_SSIZE_MIN : (kn_ssize_t)x;
        return 0;
    }
    if (!has_index(o)) {
        ob_err_set_string(ob_exc_TypeError, "slice indices must be integers or None or "
                                            "have an __index__ method");
        return -1;
    }
    *out = ob_number_as_ssize(o, NULL);
    return (*out == -1 && ob_err_occurred()) ? -1 : 0;
}

int ob_bv_byte(KnObject *o, int *out, const char *range_msg)
{
    KnObject *i = o;
    if (!KN_INT_CHECK(o)) {
        if (!has_index(o)) {
            ob_err_format(ob_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          ob_type_name(KN_TYPE(o)));
            return -1;
        }
        if ((i = ob_number_index(o)) == NULL)
            return -1;
    }
    int overflow = 0;
    long long x = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow || x < 0 || x > 255) {
        ob_err_set_string(ob_exc_ValueError, range_msg);
        return -1;
    }
    *out = (int)x;
    return 0;
}

typedef struct {
    KnBytesWriter *w;
    const char *msg;
} FromIterCtx;

static int put_item(KnObject *item, void *ctx)
{
    FromIterCtx *c = ctx;
    int b;
    if (ob_bv_byte(item, &b, c->msg) < 0)
        return -1;
    return ob_bytes_writer_putc(c->w, b);
}

int ob_bv_from_iterable(KnObject *it, KnBytesWriter *w, const char *range_msg)
{
    FromIterCtx c = {w, range_msg};
    return ob_cont_foreach(it, put_item, &c) ? -1 : 0;
}

int ob_bv_from_source(KnObject *x, KnObject *encoding, KnObject *errors, KnBytesWriter *w,
                      const char *range_msg, const char *tname)
{
    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            ob_err_set_string(ob_exc_TypeError, encoding ? "encoding without a string argument"
                                                         : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (encoding != NULL || errors != NULL) {
        if (!KN_STR_CHECK(x)) {
            ob_err_set_string(ob_exc_TypeError, encoding ? "encoding without a string argument"
                                                         : "errors without a string argument");
            return -1;
        }
        if (encoding == NULL) {     /* errors= alone does not name a codec */
            ob_err_set_string(ob_exc_TypeError, "string argument without an encoding");
            return -1;
        }
        const char *enc = "utf-8", *err = NULL;
        if (encoding != NULL && !KN_STR_CHECK(encoding)) {
            ob_err_format(ob_exc_TypeError, "%s() argument 'encoding' must be str, not %.200s",
                          tname, ob_type_name(KN_TYPE(encoding)));
            return -1;
        }
        if (errors != NULL && !KN_STR_CHECK(errors)) {
            ob_err_format(ob_exc_TypeError, "%s() argument 'errors' must be str, not %.200s",
                          tname, ob_type_name(KN_TYPE(errors)));
            return -1;
        }
        if (encoding != NULL && (enc = ob_str_as_utf8(encoding, NULL)) == NULL)
            return -1;
        if (errors != NULL && (err = ob_str_as_utf8(errors, NULL)) == NULL)
            return -1;
        KnObject *b = ob_str_encode(x, enc, err);
        if (b == NULL)
            return -1;
        KnBView v;
        if (ob_bv_arg(b, &v) < 0)
            return -1;
        return ob_bytes_writer_put(w, v.s, v.n);
    }
    if (KN_STR_CHECK(x)) {
        ob_err_set_string(ob_exc_TypeError, "string argument without an encoding");
        return -1;
    }
    if (has_index(x)) {
        kn_ssize_t n = ob_number_as_ssize(x, ob_exc_OverflowError);
        if (n == -1 && ob_err_occurred()) {
            if (!ob_err_matches((KnObject *)ob_exc_TypeError))
                return -1;
            ob_err_clear();     /* an __index__ that refuses: try the other rules */
        } else {
            if (n < 0) {
                ob_err_set_string(ob_exc_ValueError, "negative count");
                return -1;
            }
            if (n > 0) {
                char *zeros = kgc_alloc_atomic((size_t)n);
                if (zeros == NULL) {
                    ob_err_nomemory();
                    return -1;
                }
                memset(zeros, 0, (size_t)n);
                return ob_bytes_writer_put(w, zeros, n);
            }
            return 0;
        }
    }
    /* any buffer, gathered into C order when it is not contiguous */
    char *data;
    kn_ssize_t len;
    int r = ob_buffer_copy_data(x, &data, &len);
    if (r < 0)
        return -1;
    if (r > 0)
        return ob_bytes_writer_put(w, data, len);
    if (!KN_LIST_CHECK_EXACT(x) && !KN_TUPLE_CHECK_EXACT(x) && KN_TYPE(x)->tp_iter == NULL &&
        (KN_TYPE(x)->tp_as_sequence == NULL || KN_TYPE(x)->tp_as_sequence->sq_item == NULL)) {
        ob_err_format(ob_exc_TypeError, "cannot convert '%.200s' object to %s",
                      ob_type_name(KN_TYPE(x)), tname);
        return -1;
    }
    return ob_bv_from_iterable(x, w, range_msg);
}

/* ---- shared sequence behaviour ---- */

int ob_bv_concat_args(KnObject *a, KnObject *b, KnBView *va, KnBView *vb)
{
    int ra = ob_bv_try_arg(a, va);
    int rb = ra > 0 ? ob_bv_try_arg(b, vb) : 0;
    if ((ra < 0 || rb < 0) && !ob_err_matches((KnObject *)ob_exc_BufferError))
        return -1;
    if (ra <= 0 || rb <= 0) {
        ob_err_clear();     /* a refused export (BufferError) reads as this TypeError */
        ob_err_format(ob_exc_TypeError, "can't concat %.100s to %.100s",
                      ob_type_name(KN_TYPE(b)), ob_type_name(KN_TYPE(a)));
        return -1;
    }
    return 0;
}

int ob_bv_contains(KnObject *self, KnObject *arg)
{
    KnBView v = ob_bv_self(self), sub;
    if (has_index(arg)) {
        int b;
        if (ob_bv_byte(arg, &b, "byte must be in range(0, 256)") < 0)
            return -1;
        return v.n > 0 && memchr(v.s, b, (size_t)v.n) != NULL;
    }
    if (ob_bv_arg(arg, &sub) < 0)
        return -1;
    return ob_str_find_bytes(v.s, v.n, sub.s, sub.n, 0) >= 0;
}

static KnObject *cmp_result(int c, int op)
{
    switch (op) {
    case KN_LT: return KN_BOOL(c < 0);
    case KN_LE: return KN_BOOL(c <= 0);
    case KN_EQ: return KN_BOOL(c == 0);
    case KN_NE: return KN_BOOL(c != 0);
    case KN_GT: return KN_BOOL(c > 0);
    default: return KN_BOOL(c >= 0);
    }
}

/* bytes compares with bytes only; bytearray with any buffer (CPython). */
KnObject *ob_bv_richcompare(KnObject *a, KnObject *b, int op)
{
    KnBView va, vb;
    if (KN_BYTES_CHECK(a)) {
        if (!KN_BYTES_CHECK(b))
            return KN_NotImplemented;   /* bytearray answers reflected */
        va = ob_bv_self(a);
        vb = ob_bv_self(b);
        if ((op == KN_EQ || op == KN_NE) && va.n != vb.n)
            return KN_BOOL(op == KN_NE);
    } else {
        int r = ob_bv_try_arg(a, &va);
        if (r < 0)
            return NULL;
        int r2 = r ? ob_bv_try_arg(b, &vb) : 0;
        if (r2 < 0)
            return NULL;
        if (!r || !r2)
            return KN_NotImplemented;
    }
    return cmp_result(ob_bytes_compare_data(va.s, va.n, vb.s, vb.n), op);
}
