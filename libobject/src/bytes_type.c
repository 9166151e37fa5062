/*
 * bytes_type.c — the bytes type object: bytes(...) construction rules
 * (__bytes__, str + encoding, int count, buffers, iterables of ints),
 * the sequence and mapping protocols, comparison, hash, the buffer
 * protocol, and the method table (shared methods from
 * bytes_methods.def plus fromhex, maketrans, __getnewargs__, __bytes__).
 * `%` (nb_remainder) is ob_bytes_mod_format, from src/bytes_percent.c.
 */
#include "bytes_internal.h"

/* A bytes subclass instance holding data[0:n]. */
static KnObject *subtype_from(KnTypeObject *type, const char *data, kn_ssize_t n)
{
    KnObject *r = ob_alloc(type, n);
    if (r == NULL)
        return NULL;
    ((KnBytesObject *)r)->ob_shash = -1;
    if (n > 0)
        memcpy(KN_BYTES_AS_STRING(r), data, (size_t)n);
    return r;
}

static const char *const bytes_new_names[] = {"source", "encoding", "errors", NULL};

static KnObject *bytes_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    KnArgSpec spec = {"bytes", bytes_new_names, 0, 3, 0};
    KnObject *a[3];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    KnObject *x = a[0];
    KnObject *res = NULL;
    if (x != NULL && a[1] == NULL && a[2] == NULL) {
        KnObject *meth = ob_lookup_special(x, ob_str_intern_cstr("__bytes__"));
        if (meth != NULL) {
            res = ob_call_noargs(meth);
            if (res == NULL)
                return NULL;
            if (!KN_BYTES_CHECK(res))
                return ob_err_format(ob_exc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                                     ob_type_name(KN_TYPE(res)));
        } else if (ob_err_occurred()) {
            return NULL;
        }
    }
    if (res == NULL) {
        if (x != NULL && KN_TYPE(x) == &ob_bytes_type && a[1] == NULL && a[2] == NULL) {
            res = x;
        } else {
            KnBytesWriter w;
            ob_bytes_writer_init(&w, 0);
            if (ob_bv_from_source(x, a[1], a[2], &w, "bytes must be in range(0, 256)", "bytes") < 0)
                return NULL;
            res = ob_bytes_writer_finish(&w);
            if (res == NULL)
                return NULL;
        }
    }
    if (type == &ob_bytes_type) {
        if (KN_TYPE(res) == &ob_bytes_type)
            return res;
        return ob_bytes_from_data(KN_BYTES_AS_STRING(res), KN_SIZE(res));
    }
    return subtype_from(type, KN_BYTES_AS_STRING(res), KN_SIZE(res));
}

/* ---- sequence / mapping ---- */

static kn_ssize_t bytes_length(KnObject *self)
{
    return KN_SIZE(self);
}

static KnObject *bytes_sq_concat(KnObject *a, KnObject *b)
{
    KnBView va, vb;
    if (ob_bv_concat_args(a, b, &va, &vb) < 0)
        return NULL;
    if (vb.n == 0 && KN_TYPE(a) == &ob_bytes_type)
        return a;
    if (va.n == 0 && KN_TYPE(b) == &ob_bytes_type)
        return b;
    if (va.n > KN_SSIZE_MAX - vb.n)
        return ob_err_nomemory();
    KnObject *r = ob_bytes_new_uninit(va.n + vb.n);
    if (r == NULL)
        return NULL;
    memcpy(KN_BYTES_AS_STRING(r), va.s, (size_t)va.n);
    memcpy(KN_BYTES_AS_STRING(r) + va.n, vb.s, (size_t)vb.n);
    return r;
}

/* data repeated n times into dst (n * len bytes). */
void ob_bv_repeat_into(char *dst, const char *src, kn_ssize_t len, kn_ssize_t n)
{
    if (len == 1) {
        memset(dst, src[0], (size_t)n);
        return;
    }
    for (kn_ssize_t i = 0; i < n; i++)
        memcpy(dst + i * len, src, (size_t)len);
}

static KnObject *bytes_sq_repeat(KnObject *self, kn_ssize_t n)
{
    kn_ssize_t len = KN_SIZE(self);
    if (n < 0)
        n = 0;
    if (n == 1 && KN_TYPE(self) == &ob_bytes_type)
        return self;
    if (len > 0 && n > (KN_SSIZE_MAX - 64) / len) {
        ob_err_set_string(ob_exc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    KnObject *r = ob_bytes_new_uninit(len * n);
    if (r == NULL)
        return NULL;
    ob_bv_repeat_into(KN_BYTES_AS_STRING(r), KN_BYTES_AS_STRING(self), len, n);
    return r;
}

static KnObject *bytes_sq_item(KnObject *self, kn_ssize_t i)
{
    if (i < 0 || i >= KN_SIZE(self)) {
        ob_err_set_string(ob_exc_IndexError, "index out of range");
        return NULL;
    }
    return ob_int_from_ssize((unsigned char)KN_BYTES_AS_STRING(self)[i]);
}

static int bytes_sq_contains(KnObject *self, KnObject *x)
{
    return ob_bv_contains(self, x);
}

/* self[key] for an index or a slice; shared with bytearray through
 * `make` and the messages. */
KnObject *ob_bv_subscript(KnObject *self, KnObject *key, const char *what,
                          const char *index_msg)
{
    KnBView v = ob_bv_self(self);
    if (KN_SLICE_CHECK(key)) {
        kn_ssize_t start, stop, step, n;
        if (ob_slice_get_indices(key, v.n, &start, &stop, &step, &n) < 0)
            return NULL;
        if (step == 1)
            return (n == v.n && KN_TYPE(self) == &ob_bytes_type) ? self
                                                                : ob_bv_result(self, v.s + start, n);
        char *out;
        KnObject *r = ob_bv_result_uninit(self, n, &out);
        if (r == NULL)
            return NULL;
        for (kn_ssize_t k = 0, cur = start; k < n; k++, cur += step)
            out[k] = v.s[cur];
        return r;
    }
    KnNumberMethods *nb = KN_TYPE(key)->tp_as_number;
    if (KN_INT_CHECK(key) || (nb != NULL && nb->nb_index != NULL)) {
        kn_ssize_t i = KN_INT_CHECK(key) ? ob_int_as_ssize(key)
                                         : ob_number_as_ssize(key, ob_exc_IndexError);
        if (i == -1 && ob_err_occurred()) {
            if (KN_INT_CHECK(key) && ob_err_matches((KnObject *)ob_exc_OverflowError)) {
                ob_err_clear();
                ob_err_format(ob_exc_IndexError, "cannot fit 'int' into an index-sized integer");
            }
            return NULL;
        }
        if (i < 0)
            i += v.n;
        if (i < 0 || i >= v.n) {
            ob_err_set_string(ob_exc_IndexError, index_msg);
            return NULL;
        }
        return ob_int_from_ssize((unsigned char)v.s[i]);
    }
    return ob_err_format(ob_exc_TypeError, "%s indices must be integers or slices, not %.200s",
                         what, ob_type_name(KN_TYPE(key)));
}

static KnObject *bytes_subscript(KnObject *self, KnObject *key)
{
    return ob_bv_subscript(self, key, "byte", "index out of range");
}

static KnObject *bytes_richcompare(KnObject *a, KnObject *b, int op)
{
    return ob_bv_richcompare(a, b, op);
}

static kn_hash_t bytes_tp_hash(KnObject *self)
{
    return ob_bytes_hash(self);
}

static KnObject *bytes_tp_repr(KnObject *self)
{
    return ob_bytes_repr(self);
}

/* b'...' % args: the formatting part's printf-style engine. */
static KnObject *bytes_mod(KnObject *a, KnObject *b)
{
    if (!KN_BYTES_CHECK(a))
        return KN_NotImplemented;
    return ob_bytes_mod_format(a, b);
}

/* ---- methods only bytes has ---- */

static KnObject *bytes_getnewargs(KnObject *self, KnObject *unused)
{
    KnObject *copy = ob_bytes_from_data(KN_BYTES_AS_STRING(self), KN_SIZE(self));
    return copy == NULL ? NULL : ob_tuple_pack(1, copy);
}

static KnObject *bytes_dunder_bytes(KnObject *self, KnObject *unused)
{
    if (KN_TYPE(self) == &ob_bytes_type)
        return self;
    return ob_bytes_from_data(KN_BYTES_AS_STRING(self), KN_SIZE(self));
}

#define BM_FAST BM_ENTRY_FAST
#define BM_KW BM_ENTRY_KW
#define BM_NOARGS BM_ENTRY_NOARGS
#define BM_O BM_ENTRY_O
static KnMethodDef bytes_methods[] = {
#include "bytes_methods.def"
    {"__getnewargs__", (KnCFunction)bytes_getnewargs, KN_METH_NOARGS, NULL},
    {"__bytes__", (KnCFunction)bytes_dunder_bytes, KN_METH_NOARGS,
     "Convert this value to exact type bytes."},
    BM_CLASS_METHODS
    {NULL, NULL, 0, NULL}
};
#undef BM_FAST
#undef BM_KW
#undef BM_NOARGS
#undef BM_O

static KnNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

static KnSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_sq_concat,
    .sq_repeat = bytes_sq_repeat,
    .sq_item = bytes_sq_item,
    .sq_contains = bytes_sq_contains,
};

static KnMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

static KnBufferProcs bytes_as_buffer = {
    .bf_getbuffer = ob_bytes_getbuffer,
};

KnTypeObject ob_bytes_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "bytes",
    .tp_basicsize = offsetof(KnBytesObject, ob_sval) + 1,
    .tp_itemsize = 1,
    .tp_repr = bytes_tp_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_tp_hash,
    .tp_str = bytes_tp_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_BYTES_SUBCLASS |
                KN_TPFLAGS_MATCH_SELF,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\n"
              "bytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
    .tp_richcompare = bytes_richcompare,
    .tp_iter = ob_bv_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_tp_new,
};
