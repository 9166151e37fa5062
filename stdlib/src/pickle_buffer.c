/* pickle_buffer.c — pickle.PickleBuffer (PEP 574): a wrapper that holds
 * one buffer export of another object until release().  Its own buffer
 * requests are forwarded to that object, so consumers (memoryview,
 * bytes(), the pickler) see the exporter's memory; raw() is a flat
 * unsigned-byte memoryview of a contiguous buffer. */
#include <stddef.h>

#include "pickle_internal.h"
#include "libobject/memoryview.h"

typedef struct PickleBuffer {
    KN_OBJECT_HEAD;
    KnBuffer view;            /* view.obj NULL: released */
    KnObject *weakreflist;
} PickleBuffer;

#define PB(o) ((PickleBuffer *)(o))

static int released_error(void)
{
    ob_err_set_string(ob_exc_ValueError, "operation forbidden on released PickleBuffer object");
    return -1;
}

const KnBuffer *pk_picklebuffer_view(KnObject *pb)
{
    if (PB(pb)->view.obj == NULL) {
        released_error();
        return NULL;
    }
    return &PB(pb)->view;
}

static KnObject *pb_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"", NULL};
    static const KnArgSpec spec = {"PickleBuffer", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    PickleBuffer *self = (PickleBuffer *)ob_type_generic_alloc(t, 0);
    if (self == NULL)
        return NULL;
    if (ob_buffer_get(a[0], &self->view, KN_BUF_FULL_RO) < 0)
        return NULL;
    return (KnObject *)self;
}

static int pb_getbuffer(KnObject *self, KnBuffer *view, int flags)
{
    if (PB(self)->view.obj == NULL)
        return released_error();
    return ob_buffer_get(PB(self)->view.obj, view, flags);
}

static KnBufferProcs pb_as_buffer = {pb_getbuffer, NULL};

static KnObject *pb_raw(KnObject *self, KnObject *unused)
{
    (void)unused;
    const KnBuffer *v = pk_picklebuffer_view(self);
    if (v == NULL)
        return NULL;
    if (v->suboffsets != NULL || !ob_buffer_is_contiguous(v, 'A')) {
        ob_err_set_string(ob_exc_BufferError,
                          "cannot extract raw buffer from non-contiguous buffer");
        return NULL;
    }
    KnObject *m = ob_memoryview_from_object(self);
    if (m == NULL)
        return NULL;
    /* Reshape in place to one dimension of unsigned bytes (the view is
     * contiguous, so its memory is exactly len bytes from buf). */
    KnMemoryViewObject *mv = (KnMemoryViewObject *)m;
    mv->view.format = "B";
    mv->view.ndim = 1;
    mv->view.itemsize = 1;
    mv->view.shape = &mv->view.len;          /* (len,) */
    mv->view.strides = &mv->view.itemsize;   /* (1,) */
    mv->view.suboffsets = NULL;
    mv->flags = KN_MV_C | KN_MV_FORTRAN;
    return m;
}

static KnObject *pb_release(KnObject *self, KnObject *unused)
{
    (void)unused;
    ob_buffer_release(&PB(self)->view);
    return KN_None;
}

static KnMethodDef pb_methods[] = {
    {"raw", PK_FC(pb_raw), KN_METH_NOARGS,
     "raw($self, /)\n--\n\nReturn a memoryview of the raw memory underlying this buffer.\n"
     "Will raise BufferError is the buffer isn't contiguous."},
    {"release", PK_FC(pb_release), KN_METH_NOARGS,
     "release($self, /)\n--\n\nRelease the underlying buffer exposed by the PickleBuffer object."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject pk_picklebuffer_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "pickle.PickleBuffer",
    .tp_basicsize = sizeof(PickleBuffer),
    .tp_getattro = ob_generic_getattr,
    .tp_as_buffer = &pb_as_buffer,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Wrapper for potentially out-of-band buffers",
    .tp_weaklistoffset = offsetof(PickleBuffer, weakreflist),
    .tp_methods = pb_methods,
    .tp_new = pb_new,
};
