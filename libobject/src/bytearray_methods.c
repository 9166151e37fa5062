/*
 * bytearray_methods.c — the mutating methods only bytearray has: append,
 * extend, insert, pop, remove, reverse, clear, copy, and __alloc__,
 * __sizeof__, __reduce__ / __reduce_ex__.
 */
#include "bytes_internal.h"

static int put_at_end(KnObject *self, const char *s, kn_ssize_t n)
{
    kn_ssize_t size = KN_SIZE(self);
    if (size > KN_SSIZE_MAX - n) {
        ob_err_nomemory();
        return -1;
    }
    if (ob_bytearray_resize(self, size + n) < 0)
        return -1;
    if (n > 0)
        memcpy(KN_BA(self)->ob_start + size, s, (size_t)n);
    return 0;
}

KnObject *ob_bam_append(KnObject *self, KnObject *arg)
{
    int b;
    if (ob_bv_byte(arg, &b, "byte must be in range(0, 256)") < 0)
        return NULL;
    char c = (char)b;
    return put_at_end(self, &c, 1) < 0 ? NULL : KN_None;
}

KnObject *ob_bam_extend(KnObject *self, KnObject *arg)
{
    KnBView v;
    int r = ob_bv_try_arg(arg, &v);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if (KN_TYPE(arg)->tp_iter == NULL && !KN_LIST_CHECK(arg) && !KN_TUPLE_CHECK(arg) &&
            (KN_TYPE(arg)->tp_as_sequence == NULL || KN_TYPE(arg)->tp_as_sequence->sq_item == NULL))
            return ob_err_format(ob_exc_TypeError, "can't extend bytearray with %.100s",
                                 ob_type_name(KN_TYPE(arg)));
        KnBytesWriter w;
        ob_bytes_writer_init(&w, 0);
        if (ob_bv_from_iterable(arg, &w, "byte must be in range(0, 256)") < 0)
            return NULL;
        v.s = w.data;
        v.n = w.len;
    } else if (v.s == KN_BA(self)->ob_start && v.n > 0) {
        char *copy = kgc_alloc_atomic((size_t)v.n);
        if (copy == NULL)
            return ob_err_nomemory();
        memcpy(copy, v.s, (size_t)v.n);
        v.s = copy;
    }
    return put_at_end(self, v.s, v.n) < 0 ? NULL : KN_None;
}

KnObject *ob_bam_insert(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    kn_ssize_t i;
    int b;
    if (ob_bv_ssize(args[0], &i) < 0 || ob_bv_byte(args[1], &b, "byte must be in range(0, 256)") < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(self);
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    if (ob_bytearray_resize(self, n + 1) < 0)
        return NULL;
    char *d = KN_BA(self)->ob_start;
    memmove(d + i + 1, d + i, (size_t)(n - i));
    d[i] = (char)b;
    return KN_None;
}

KnObject *ob_bam_pop(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("pop", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t i = -1, n = KN_SIZE(self);
    if (nargs == 1 && ob_bv_ssize(args[0], &i) < 0)
        return NULL;
    if (n == 0) {
        ob_err_set_string(ob_exc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        ob_err_set_string(ob_exc_IndexError, "pop index out of range");
        return NULL;
    }
    char *d = KN_BA(self)->ob_start;
    int c = (unsigned char)d[i];
    memmove(d + i, d + i + 1, (size_t)(n - i - 1));
    if (ob_bytearray_resize(self, n - 1) < 0)
        return NULL;
    return ob_int_from_ssize(c);
}

KnObject *ob_bam_remove(KnObject *self, KnObject *arg)
{
    int b;
    if (ob_bv_byte(arg, &b, "byte must be in range(0, 256)") < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(self);
    char *d = KN_BA(self)->ob_start;
    char *p = n > 0 ? memchr(d, b, (size_t)n) : NULL;
    if (p == NULL) {
        ob_err_set_string(ob_exc_ValueError, "value not found in bytearray");
        return NULL;
    }
    kn_ssize_t i = p - d;
    memmove(d + i, d + i + 1, (size_t)(n - i - 1));
    return ob_bytearray_resize(self, n - 1) < 0 ? NULL : KN_None;
}

KnObject *ob_bam_reverse(KnObject *self, KnObject *unused)
{
    char *d = KN_BA(self)->ob_start;
    for (kn_ssize_t i = 0, j = KN_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    return KN_None;
}

KnObject *ob_bam_clear(KnObject *self, KnObject *unused)
{
    return ob_bytearray_resize(self, 0) < 0 ? NULL : KN_None;
}

KnObject *ob_bam_copy(KnObject *self, KnObject *unused)
{
    KnBView v = ob_bv_self(self);
    return ob_bytearray_from_data(v.s, v.n);
}

KnObject *ob_bam_alloc(KnObject *self, KnObject *unused)
{
    return ob_int_from_ssize(KN_BA(self)->ob_alloc);
}

KnObject *ob_bam_sizeof(KnObject *self, KnObject *unused)
{
    return ob_int_from_ssize(KN_TYPE(self)->tp_basicsize + KN_BA(self)->ob_alloc);
}

/* (type(b), args, b.__getstate__()): args is (b.decode('latin-1'),
 * 'latin-1') for pickle protocols below 3, (bytes(b),) from 3 on. */
static KnObject *reduce_common(KnObject *self, int as_bytes)
{
    KnBView v = ob_bv_self(self);
    KnObject *args;
    if (as_bytes) {
        KnObject *b = ob_bytes_from_data(v.s, v.n);
        args = b ? ob_tuple_pack(1, b) : NULL;
    } else {
        KnObject *text = ob_str_from_latin1(v.s, v.n);
        KnObject *enc = text ? ob_str_from_cstr("latin-1") : NULL;
        args = enc ? ob_tuple_pack(2, text, enc) : NULL;
    }
    if (args == NULL)
        return NULL;
    KnObject *state = ob_object_getstate(self);
    return state ? ob_tuple_pack(3, (KnObject *)KN_TYPE(self), args, state) : NULL;
}

KnObject *ob_bam_reduce(KnObject *self, KnObject *unused)
{
    return reduce_common(self, 0);
}

KnObject *ob_bam_reduce_ex(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("__reduce_ex__", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t proto = 0;
    if (nargs == 1 && ob_bv_ssize(args[0], &proto) < 0)
        return NULL;
    return reduce_common(self, proto >= 3);
}
