/*
 * bytearray.c — bytearray storage and the bytearray type object.
 *
 * Layout is CPython's PyByteArrayObject: ob_bytes is the allocated block
 * (atomic GC memory, ob_alloc bytes), ob_start the first live byte inside
 * it (deleting from the front only advances ob_start), ob_size the live
 * length, always followed by a NUL, and ob_exports the number of buffer
 * views handed out — while it is non-zero the size may not change
 * (BufferError), because a view points into ob_bytes.  Growth follows
 * CPython's rule (about 1/8 over-allocation) so __alloc__() agrees.
 */
#include <stdio.h>
#include "bytes_internal.h"

static int can_resize(KnByteArrayObject *ba)
{
    if (ba->ob_exports > 0) {
        ob_err_set_string(ob_exc_BufferError,
                          "Existing exports of data: object cannot be re-sized");
        return 0;
    }
    return 1;
}

int ob_bytearray_resize(KnObject *self, kn_ssize_t n)
{
    KnByteArrayObject *ba = KN_BA(self);
    if (n < 0) {
        ob_err_set_string(ob_exc_SystemError, "Negative size passed to PyByteArray_Resize");
        return -1;
    }
    if (n == KN_SIZE(self))
        return 0;
    if (!can_resize(ba))
        return -1;
    kn_ssize_t offset = ba->ob_bytes ? ba->ob_start - ba->ob_bytes : 0;
    kn_ssize_t alloc = ba->ob_alloc;
    if (n + offset + 1 <= alloc) {
        if (n >= alloc / 2) {
            KN_SET_SIZE(self, n);
            ba->ob_start[n] = '\0';
            return 0;
        }
        alloc = n + 1;      /* a large shrink gives memory back */
    } else if ((double)n <= (double)alloc * 1.125) {
        alloc = n + (n >> 3) + (n < 9 ? 3 : 6);
    } else {
        alloc = n + 1;
    }
    if (alloc > KN_SSIZE_MAX - 1) {
        ob_err_nomemory();
        return -1;
    }
    char *nb = kgc_alloc_atomic((size_t)alloc);
    if (nb == NULL) {
        ob_err_nomemory();
        return -1;
    }
    kn_ssize_t keep = n < KN_SIZE(self) ? n : KN_SIZE(self);
    if (keep > 0)
        memcpy(nb, ba->ob_start, (size_t)keep);
    ba->ob_bytes = ba->ob_start = nb;
    ba->ob_alloc = alloc;
    KN_SET_SIZE(self, n);
    nb[n] = '\0';
    return 0;
}

static KnObject *new_of_type(KnTypeObject *type, const char *data, kn_ssize_t n)
{
    KnObject *r = type->tp_alloc ? type->tp_alloc(type, 0) : ob_alloc(type, 0);
    if (r == NULL)
        return NULL;
    if (n > 0) {
        if (ob_bytearray_resize(r, n) < 0)
            return NULL;
        if (data != NULL)
            memcpy(KN_BA(r)->ob_start, data, (size_t)n);
        else
            memset(KN_BA(r)->ob_start, 0, (size_t)n);
    }
    return r;
}

KnObject *ob_bytearray_from_data(const void *data, kn_ssize_t len)
{
    if (len < 0) {
        ob_err_set_string(ob_exc_SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    return new_of_type(&ob_bytearray_type, data, len);
}

/* ---- slice assignment ---- */

/* self[lo:hi] = src[0:n] (src NULL with n 0 deletes). */
static int setslice_linear(KnObject *self, kn_ssize_t lo, kn_ssize_t hi, const char *src,
                           kn_ssize_t n)
{
    KnByteArrayObject *ba = KN_BA(self);
    kn_ssize_t size = KN_SIZE(self);
    kn_ssize_t growth = n - (hi - lo);
    if (growth < 0) {
        if (!can_resize(ba))
            return -1;
        if (lo == 0)    /* drop from the front by moving the logical start */
            ba->ob_start -= growth;
        else
            memmove(ba->ob_start + lo + n, ba->ob_start + hi, (size_t)(size - hi));
        if (ob_bytearray_resize(self, size + growth) < 0)
            return -1;
    } else if (growth > 0) {
        if (size > KN_SSIZE_MAX - growth) {
            ob_err_nomemory();
            return -1;
        }
        if (ob_bytearray_resize(self, size + growth) < 0)
            return -1;
        memmove(ba->ob_start + lo + n, ba->ob_start + hi, (size_t)(size - hi));
    }
    if (n > 0)
        memcpy(ba->ob_start + lo, src, (size_t)n);
    return 0;
}

/* PyNumber_Check: what may not be assigned to a slice. */
static int number_like(KnObject *v)
{
    KnNumberMethods *nb = KN_TYPE(v)->tp_as_number;
    return nb != NULL && (nb->nb_index || nb->nb_int || nb->nb_float);
}

/* The bytes of a value assigned to a slice (copied when it is self). */
static int slice_source(KnObject *self, KnObject *value, KnBView *v)
{
    if (KN_BYTEARRAY_CHECK(value) && value != self) {
        *v = ob_bv_self(value);
        return 0;
    }
    if (value != self && (KN_BYTES_CHECK(value) || KN_TYPE(value)->tp_as_buffer != NULL)) {
        int r = ob_bv_try_arg(value, v);
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    if (number_like(value) || KN_STR_CHECK(value)) {
        ob_err_set_string(ob_exc_TypeError,
                          "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
    }
    KnBytesWriter w;
    ob_bytes_writer_init(&w, 0);
    if (ob_bv_from_source(value, NULL, NULL, &w, "byte must be in range(0, 256)", "bytearray") < 0)
        return -1;
    v->s = w.data ? w.data : "";
    v->n = w.len;
    return 0;
}

static int ass_extended(KnObject *self, kn_ssize_t start, kn_ssize_t step, kn_ssize_t count,
                        KnBView *src)
{
    KnByteArrayObject *ba = KN_BA(self);
    if (src != NULL) {
        if (src->n != count) {
            ob_err_format(ob_exc_ValueError,
                          "attempt to assign bytes of size %zd to extended slice of size %zd",
                          src->n, count);
            return -1;
        }
        for (kn_ssize_t k = 0, cur = start; k < count; k++, cur += step)
            ba->ob_start[cur] = src->s[k];
        return 0;
    }
    if (count == 0)
        return 0;
    if (!can_resize(ba))
        return -1;
    /* delete every step-th byte: compact the survivors in place */
    if (step < 0) {
        start += step * (count - 1);
        step = -step;
    }
    kn_ssize_t size = KN_SIZE(self), out = start;
    for (kn_ssize_t i = start; i < size; i++) {
        if (i >= start && (i - start) % step == 0 && (i - start) / step < count)
            continue;
        ba->ob_start[out++] = ba->ob_start[i];
    }
    return ob_bytearray_resize(self, size - count);
}

static int bytearray_ass_subscript(KnObject *self, KnObject *key, KnObject *value)
{
    if (KN_SLICE_CHECK(key)) {
        /* the value first: converting it may run code that resizes self */
        KnBView src;
        if (value != NULL && slice_source(self, value, &src) < 0)
            return -1;
        kn_ssize_t start, stop, step;
        if (ob_slice_unpack(key, &start, &stop, &step) < 0)
            return -1;
        kn_ssize_t count = ob_slice_adjust_indices(KN_SIZE(self), &start, &stop, step);
        if (step == 1) {
            if (stop < start)
                stop = start;
            return setslice_linear(self, start, stop, value ? src.s : NULL, value ? src.n : 0);
        }
        return ass_extended(self, start, step, count, value ? &src : NULL);
    }
    KnNumberMethods *nb = KN_TYPE(key)->tp_as_number;
    if (!KN_INT_CHECK(key) && (nb == NULL || nb->nb_index == NULL)) {
        ob_err_format(ob_exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                      ob_type_name(KN_TYPE(key)));
        return -1;
    }
    kn_ssize_t i = KN_INT_CHECK(key) ? ob_int_as_ssize(key)
                                     : ob_number_as_ssize(key, ob_exc_IndexError);
    if (i == -1 && ob_err_occurred())
        return -1;
    int b = 0;
    if (value != NULL && ob_bv_byte(value, &b, "byte must be in range(0, 256)") < 0)
        return -1;
    kn_ssize_t size = KN_SIZE(self);
    if (i < 0)
        i += size;
    if (i < 0 || i >= size) {
        ob_err_set_string(ob_exc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (value == NULL)
        return setslice_linear(self, i, i + 1, NULL, 0);
    KN_BA(self)->ob_start[i] = (char)b;
    return 0;
}

static int bytearray_sq_ass_item(KnObject *self, kn_ssize_t i, KnObject *value)
{
    KnObject *key = ob_int_from_ssize(i);
    return key == NULL ? -1 : bytearray_ass_subscript(self, key, value);
}

/* ---- sequence protocol ---- */

static kn_ssize_t bytearray_length(KnObject *self)
{
    return KN_SIZE(self);
}

static KnObject *bytearray_sq_item(KnObject *self, kn_ssize_t i)
{
    if (i < 0 || i >= KN_SIZE(self)) {
        ob_err_set_string(ob_exc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return ob_int_from_ssize((unsigned char)KN_BA(self)->ob_start[i]);
}

static KnObject *bytearray_subscript(KnObject *self, KnObject *key)
{
    return ob_bv_subscript(self, key, "bytearray", "bytearray index out of range");
}

static KnObject *bytearray_concat(KnObject *a, KnObject *b)
{
    KnBView va, vb;
    if (ob_bv_concat_args(a, b, &va, &vb) < 0)
        return NULL;
    if (va.n > KN_SSIZE_MAX - vb.n)
        return ob_err_nomemory();
    KnObject *r = ob_bytearray_from_data(NULL, va.n + vb.n);
    if (r == NULL)
        return NULL;
    memcpy(KN_BA(r)->ob_start, va.s, (size_t)va.n);
    memcpy(KN_BA(r)->ob_start + va.n, vb.s, (size_t)vb.n);
    return r;
}

static KnObject *bytearray_inplace_concat(KnObject *self, KnObject *other)
{
    KnBView mine, v;
    if (ob_bv_concat_args(self, other, &mine, &v) < 0)
        return NULL;
    kn_ssize_t size = KN_SIZE(self);
    if (v.s == KN_BA(self)->ob_start) {     /* b += b */
        char *copy = kgc_alloc_atomic((size_t)v.n + 1);
        if (copy == NULL)
            return ob_err_nomemory();
        memcpy(copy, v.s, (size_t)v.n);
        v.s = copy;
    }
    if (size > KN_SSIZE_MAX - v.n)
        return ob_err_nomemory();
    if (v.n == 0)
        return self;        /* nothing to add (an empty bytearray has no buffer) */
    if (ob_bytearray_resize(self, size + v.n) < 0)
        return NULL;
    if (v.n > 0)   /* an empty bytearray has no buffer: no memcpy from NULL */
        memcpy(KN_BA(self)->ob_start + size, v.s, (size_t)v.n);
    return self;
}

static KnObject *bytearray_inplace_repeat(KnObject *self, kn_ssize_t n)
{
    KnBView v = ob_bv_self(self);
    if (n < 0)
        n = 0;
    if (v.n > 0 && n > KN_SSIZE_MAX / v.n)
        return ob_err_nomemory();
    if (n == 1)
        return self;
    char *copy = NULL;
    if (v.n > 0) {
        copy = kgc_alloc_atomic((size_t)v.n);
        if (copy == NULL)
            return ob_err_nomemory();
        memcpy(copy, v.s, (size_t)v.n);
    }
    if (ob_bytearray_resize(self, v.n * n) < 0)
        return NULL;
    if (v.n * n > 0)
        ob_bv_repeat_into(KN_BA(self)->ob_start, copy, v.n, n);
    return self;
}

static KnObject *bytearray_repeat(KnObject *self, kn_ssize_t n)
{
    KnBView v = ob_bv_self(self);
    KnObject *r = ob_bytearray_from_data(v.s, v.n);
    return r == NULL ? NULL : bytearray_inplace_repeat(r, n);
}

static int bytearray_sq_contains(KnObject *self, KnObject *x)
{
    return ob_bv_contains(self, x);
}

static KnObject *bytearray_mod(KnObject *a, KnObject *b)
{
    if (!KN_BYTEARRAY_CHECK(a))
        return KN_NotImplemented;
    return ob_bytes_mod_format(a, b);
}

/* ---- repr, compare, buffer ---- */

static KnObject *bytearray_repr(KnObject *self)
{
    KnBView v = ob_bv_self(self);
    const char *name = KN_TYPE(self)->tp_name;
    const char *dot = strrchr(name, '.');
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%s(", dot ? dot + 1 : name);
    return ob_bytes_repr_quoted(v.s, v.n, prefix, ")", 1);
}

static KnObject *bytearray_richcompare(KnObject *a, KnObject *b, int op)
{
    return ob_bv_richcompare(a, b, op);
}

static int bytearray_getbuffer(KnObject *self, KnBuffer *view, int flags)
{
    KnByteArrayObject *ba = KN_BA(self);
    static char empty[1];
    char *p = ba->ob_start ? ba->ob_start : empty;
    if (ob_bytes_fill_buffer(view, self, p, KN_SIZE(self), 0, flags) < 0)
        return -1;
    ba->ob_exports++;
    return 0;
}

static void bytearray_releasebuffer(KnObject *self, KnBuffer *view)
{
    KN_BA(self)->ob_exports--;
}

/* ---- construction ---- */

static const char *const bytearray_init_names[] = {"source", "encoding", "errors", NULL};

static int bytearray_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnArgSpec spec = {"bytearray", bytearray_init_names, 0, 3, 0};
    KnObject *a[3];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return -1;
    KnBytesWriter w;
    ob_bytes_writer_init(&w, 0);
    if (ob_bv_from_source(a[0], a[1], a[2], &w, "byte must be in range(0, 256)", "bytearray") < 0)
        return -1;
    if (KN_SIZE(self) != 0 && ob_bytearray_resize(self, 0) < 0)
        return -1;
    if (ob_bytearray_resize(self, w.len) < 0)
        return -1;
    if (w.len > 0)
        memcpy(KN_BA(self)->ob_start, w.data, (size_t)w.len);
    return 0;
}

/* ---- the type ---- */

#define BM_FAST BM_ENTRY_FAST
#define BM_KW BM_ENTRY_KW
#define BM_NOARGS BM_ENTRY_NOARGS
#define BM_O BM_ENTRY_O
static KnMethodDef bytearray_methods[] = {
#include "bytes_methods.def"
#include "bytearray_methods.def"
    BM_CLASS_METHODS
    {NULL, NULL, 0, NULL}
};
#undef BM_FAST
#undef BM_KW
#undef BM_NOARGS
#undef BM_O

static KnNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_mod,
};

static KnSequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_sq_item,
    .sq_ass_item = bytearray_sq_ass_item,
    .sq_contains = bytearray_sq_contains,
    .sq_inplace_concat = bytearray_inplace_concat,
    .sq_inplace_repeat = bytearray_inplace_repeat,
};

static KnMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static KnBufferProcs bytearray_as_buffer = {
    .bf_getbuffer = bytearray_getbuffer,
    .bf_releasebuffer = bytearray_releasebuffer,
};

KnTypeObject ob_bytearray_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(KnByteArrayObject),
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = ob_hash_not_implemented,
    .tp_str = bytearray_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_MATCH_SELF,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array\n\n"
              "Construct a mutable bytearray object.",
    .tp_richcompare = bytearray_richcompare,
    .tp_iter = ob_bv_iter,
    .tp_methods = bytearray_methods,
    .tp_init = bytearray_init,
    .tp_new = ob_type_generic_new,
};
