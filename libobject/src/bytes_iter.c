/*
 * bytes_iter.c — bytes_iterator and bytearray_iterator: one
 * implementation over ob_bv_self(), so a bytearray that grows or shrinks
 * while iterated is read at its current length (as CPython does).
 */
#include "bytes_internal.h"

typedef KnIndexIter BytesIter;    /* seq NULL once exhausted */

KnObject *ob_bv_iter(KnObject *self)
{
    KnTypeObject *t = KN_BYTEARRAY_CHECK(self) ? &ob_bytearray_iter_type : &ob_bytes_iter_type;
    BytesIter *it = (BytesIter *)ob_alloc(t, 0);
    if (it == NULL)
        return NULL;
    it->seq = self;
    return (KnObject *)it;
}

static KnObject *bytesiter_next(KnObject *self)
{
    BytesIter *it = (BytesIter *)self;
    if (it->seq == NULL)
        return NULL;
    KnBView v = ob_bv_self(it->seq);
    if (it->index < v.n)
        return ob_int_from_ssize((unsigned char)v.s[it->index++]);
    it->seq = NULL;
    return NULL;
}

static KnObject *bytesiter_length_hint(KnObject *self, KnObject *unused)
{
    BytesIter *it = (BytesIter *)self;
    kn_ssize_t n = it->seq ? KN_SIZE(it->seq) - it->index : 0;
    return ob_int_from_ssize(n < 0 ? 0 : n);
}

static KnMethodDef bytesiter_methods[] = {
    {"__length_hint__", (KnCFunction)bytesiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    KN_ITER_PICKLE_METHODS(ob_cont_iter_reduce, ob_cont_iter_setstate)
    {NULL, NULL, 0, NULL}
};

#define BYTES_ITER_TYPE(cname, pyname)                \
    KnTypeObject cname = {                            \
        KN_VAR_HEAD_INIT(&ob_type_type, 0),           \
        .tp_name = pyname,                            \
        .tp_basicsize = sizeof(BytesIter),            \
        .tp_getattro = ob_generic_getattr,            \
        .tp_flags = KN_TPFLAGS_DEFAULT,               \
        .tp_iter = ob_iter_self,                      \
        .tp_iternext = bytesiter_next,                \
        .tp_methods = bytesiter_methods,              \
    };

BYTES_ITER_TYPE(ob_bytes_iter_type, "bytes_iterator")
BYTES_ITER_TYPE(ob_bytearray_iter_type, "bytearray_iterator")
