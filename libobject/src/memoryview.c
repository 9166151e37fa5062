/*
 * memoryview.c — the memoryview type: construction over a managed buffer,
 * release, attributes, re-export, repr, hash, tobytes / hex / toreadonly.
 * Items, slicing, cast and comparison are in memoryview_items.c.
 *
 * Kiln has no reference counts: an export ends when release() is called
 * (or the with-block ends), or when a collection finds the managed buffer
 * dead — never at the last `del` (NOTES-memoryview.md).
 */
#include <string.h>
#include "memoryview_internal.h"
#include "bytes_internal.h"
#include "libobject/hash.h"
#include "libobject/weakref.h"

#define RELEASED_MSG "operation forbidden on released memoryview object"

int ob_mv_check_released(KnObject *self)
{
    KnMemoryViewObject *mv = MV(self);
    if ((mv->flags & KN_MV_RELEASED) || (mv->mbuf->flags & KN_MBUF_RELEASED)) {
        ob_err_set_string(ob_exc_ValueError, RELEASED_MSG);
        return -1;
    }
    return 0;
}

void ob_mv_init_flags(KnMemoryViewObject *mv)
{
    KnBuffer *v = &mv->view;
    int f = mv->flags & KN_MV_RELEASED;
    if (v->ndim == 0)
        f |= KN_MV_SCALAR | KN_MV_C | KN_MV_FORTRAN;
    else {
        if (ob_buffer_is_contiguous(v, 'C'))
            f |= KN_MV_C;
        if (ob_buffer_is_contiguous(v, 'F'))
            f |= KN_MV_FORTRAN;
    }
    if (v->suboffsets != NULL)
        f |= KN_MV_PIL;
    mv->flags = f;
}

KnObject *ob_mv_new_from(KnManagedBufferObject *mbuf, const KnBuffer *src)
{
    int ndim = src->ndim;
    KnMemoryViewObject *mv = (KnMemoryViewObject *)ob_alloc(&ob_memoryview_type, 3 * ndim);
    if (mv == NULL)
        return NULL;
    mv->mbuf = mbuf;
    mv->hash = -1;
    mv->view = *src;
    KnBuffer *v = &mv->view;
    v->shape = mv->ob_array;
    v->strides = mv->ob_array + ndim;
    v->suboffsets = NULL;
    if (v->format == NULL)
        v->format = "B";
    if (ndim == 1 && src->shape == NULL)
        v->shape[0] = v->itemsize ? v->len / v->itemsize : 0;
    else if (ndim > 0)
        memcpy(v->shape, src->shape, (size_t)ndim * sizeof(kn_ssize_t));
    if (src->strides != NULL && ndim > 0)
        memcpy(v->strides, src->strides, (size_t)ndim * sizeof(kn_ssize_t));
    else
        ob_buffer_fill_contiguous_strides(ndim, v->shape, v->strides, v->itemsize, 'C');
    if (src->suboffsets != NULL && ndim > 0) {
        v->suboffsets = mv->ob_array + 2 * ndim;
        memcpy(v->suboffsets, src->suboffsets, (size_t)ndim * sizeof(kn_ssize_t));
    }
    v->internal = NULL;
    mbuf->exports++;
    ob_mv_init_flags(mv);
    return (KnObject *)mv;
}

/* A managed buffer dropped unreleased (its memoryviews were never
 * released) gives the exporter its view back when the collector finds it
 * dead: at the next collection, not at `del` (NOTES-memoryview.md). */
static void mbuf_finalize(KnObject *o)
{
    KnManagedBufferObject *mbuf = (KnManagedBufferObject *)o;
    if (!(mbuf->flags & KN_MBUF_RELEASED)) {
        mbuf->flags |= KN_MBUF_RELEASED;
        ob_buffer_release(&mbuf->master);
    }
}

/* Only exporters with a bf_releasebuffer notice a missing release, so only
 * their managed buffers pay for finalization (registered by hand; the type
 * is deferred once, before its first allocation). */
static int mbuf_needs_finalizer(const KnBuffer *master)
{
    KnObject *o = master->obj;
    return o != NULL && KN_TYPE(o)->tp_as_buffer != NULL &&
           KN_TYPE(o)->tp_as_buffer->bf_releasebuffer != NULL;
}

static KnManagedBufferObject *mbuf_alloc(void)
{
    static int deferred;
    if (!deferred) {
        if (ob_finalize_defer_type(&ob_managedbuffer_type) < 0)
            return NULL;
        deferred = 1;
    }
    return (KnManagedBufferObject *)ob_alloc(&ob_managedbuffer_type, 0);
}

static KnManagedBufferObject *mbuf_from_object(KnObject *obj)
{
    KnManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL)
        return NULL;
    if (ob_buffer_get(obj, &mbuf->master, KN_BUF_FULL_RO) < 0)
        return NULL;
    if (mbuf->master.ndim > KN_BUF_MAX_NDIM) {
        ob_buffer_release(&mbuf->master);
        ob_err_set_string(ob_exc_ValueError,
                          "memoryview: number of dimensions must not exceed 64");
        return NULL;
    }
    if (mbuf_needs_finalizer(&mbuf->master) && ob_finalize_register((KnObject *)mbuf) < 0) {
        ob_buffer_release(&mbuf->master);
        return NULL;
    }
    return mbuf;
}

KnObject *ob_memoryview_from_object(KnObject *obj)
{
    if (KN_MEMORYVIEW_CHECK(obj)) {
        if (ob_mv_check_released(obj) < 0)
            return NULL;
        return ob_mv_new_from(MV(obj)->mbuf, &MV(obj)->view);
    }
    if (!ob_buffer_check(obj)) {
        ob_err_format(ob_exc_TypeError,
                      "memoryview: a bytes-like object is required, not '%.200s'",
                      ob_type_name(KN_TYPE(obj)));
        return NULL;
    }
    KnManagedBufferObject *mbuf = mbuf_from_object(obj);
    if (mbuf == NULL)
        return NULL;
    return ob_mv_new_from(mbuf, &mbuf->master);
}

KnObject *ob_memoryview_from_memory(char *mem, kn_ssize_t size, int flags)
{
    KnManagedBufferObject *mbuf = mbuf_alloc();   /* no exporter: no finalizer */
    if (mbuf == NULL)
        return NULL;
    int readonly = (flags & KN_BUF_WRITE) ? 0 : 1;
    if (ob_buffer_fill_info(&mbuf->master, NULL, mem, size, readonly, KN_BUF_FULL_RO) < 0)
        return NULL;
    return ob_mv_new_from(mbuf, &mbuf->master);
}

static const char *const mv_new_names[] = {"object", NULL};

static KnObject *mv_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    (void)type;
    KnArgSpec spec = {"memoryview", mv_new_names, 1, 1, 0};
    KnObject *a[1];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    return ob_memoryview_from_object(a[0]);
}

/* ---- release ---- */

static void mbuf_drop(KnManagedBufferObject *mbuf)
{
    if (--mbuf->exports == 0 && !(mbuf->flags & KN_MBUF_RELEASED)) {
        mbuf->flags |= KN_MBUF_RELEASED;
        ob_buffer_release(&mbuf->master);
    }
}

static KnObject *mv_release(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnMemoryViewObject *mv = MV(self);
    if (mv->flags & KN_MV_RELEASED)
        return KN_None;
    if (mv->exports > 0) {
        ob_err_format(ob_exc_BufferError, "memoryview has %zd exported buffer%s",
                      mv->exports, mv->exports == 1 ? "" : "s");
        return NULL;
    }
    mv->flags |= KN_MV_RELEASED;
    mbuf_drop(mv->mbuf);
    return KN_None;
}

static KnObject *mv_enter(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (ob_mv_check_released(self) < 0)
        return NULL;
    return self;
}

static KnObject *mv_exit(KnObject *self, KnObject *args)
{
    (void)args;
    return mv_release(self, NULL);
}

/* ---- re-export ---- */

static int mv_getbuffer(KnObject *self, KnBuffer *out, int flags)
{
    KnMemoryViewObject *mv = MV(self);
    if (ob_mv_check_released(self) < 0)
        return -1;
    KnBuffer *v = &mv->view;
    const char *why = NULL;
    if ((flags & KN_BUF_WRITABLE) && v->readonly)
        why = "memoryview: underlying buffer is not writable";
    else if ((flags & KN_BUF_C_CONTIGUOUS) == KN_BUF_C_CONTIGUOUS && !(mv->flags & KN_MV_C))
        why = "memoryview: underlying buffer is not C-contiguous";
    else if ((flags & KN_BUF_F_CONTIGUOUS) == KN_BUF_F_CONTIGUOUS && !(mv->flags & KN_MV_FORTRAN))
        why = "memoryview: underlying buffer is not Fortran contiguous";
    else if ((flags & KN_BUF_ANY_CONTIGUOUS) == KN_BUF_ANY_CONTIGUOUS &&
             !(mv->flags & (KN_MV_C | KN_MV_FORTRAN)))
        why = "memoryview: underlying buffer is not contiguous";
    else if ((flags & KN_BUF_INDIRECT) != KN_BUF_INDIRECT && (mv->flags & KN_MV_PIL))
        why = "memoryview: underlying buffer requires suboffsets";
    else if ((flags & KN_BUF_STRIDES) != KN_BUF_STRIDES && !(mv->flags & KN_MV_C))
        why = "memoryview: underlying buffer is not C-contiguous";
    else if (!(flags & KN_BUF_ND) && !(flags & KN_BUF_FORMAT) && v->ndim != 1 &&
             !(mv->flags & KN_MV_C))
        why = "memoryview: underlying buffer is not C-contiguous";
    if (why != NULL) {
        ob_err_set_string(ob_exc_BufferError, why);
        return -1;
    }
    *out = *v;
    out->obj = self;
    if (!(flags & KN_BUF_FORMAT))
        out->format = NULL;
    if ((flags & KN_BUF_STRIDES) != KN_BUF_STRIDES)
        out->strides = NULL;
    if (!(flags & KN_BUF_ND))
        out->shape = NULL;
    if ((flags & KN_BUF_INDIRECT) != KN_BUF_INDIRECT)
        out->suboffsets = NULL;
    mv->exports++;
    return 0;
}

static void mv_releasebuffer(KnObject *self, KnBuffer *view)
{
    (void)view;
    MV(self)->exports--;
}

/* ---- simple methods ---- */

/* The view's bytes in order 'C' / 'F' / 'A' as a fresh bytes. */
static KnObject *mv_bytes(KnMemoryViewObject *mv, char order)
{
    KnObject *r = ob_bytes_new_uninit(mv->view.len);
    if (r == NULL)
        return NULL;
    if (ob_buffer_to_contiguous(KN_BYTES_AS_STRING(r), &mv->view, mv->view.len, order) < 0)
        return NULL;
    return r;
}

static const char *const tobytes_names[] = {"order", NULL};

static KnObject *mv_tobytes(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kw)
{
    KnArgSpec spec = {"tobytes", tobytes_names, 0, 1, 0};
    KnObject *a[1];
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (ob_mv_check_released(self) < 0)
        return NULL;
    char order = 'C';
    if (a[0] != NULL && a[0] != KN_None) {
        if (!KN_STR_CHECK(a[0])) {
            ob_err_format(ob_exc_TypeError, "tobytes() argument 'order' must be str or None, "
                          "not %.50s", ob_type_name(KN_TYPE(a[0])));
            return NULL;
        }
        const char *s = ob_str_as_utf8(a[0], NULL);
        if (s == NULL)
            return NULL;
        if (strcmp(s, "C") != 0 && strcmp(s, "F") != 0 && strcmp(s, "A") != 0) {
            ob_err_set_string(ob_exc_ValueError, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
        order = s[0];
    }
    return mv_bytes(MV(self), order);
}

static KnObject *mv_hex(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    if (ob_mv_check_released(self) < 0)
        return NULL;
    KnObject *b = mv_bytes(MV(self), 'C');
    return b == NULL ? NULL : ob_bm_hex(b, args, nargs, kw);
}

static KnObject *mv_toreadonly(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (ob_mv_check_released(self) < 0)
        return NULL;
    KnObject *r = ob_mv_new_from(MV(self)->mbuf, &MV(self)->view);
    if (r != NULL)
        MV(r)->view.readonly = 1;
    return r;
}

static KnObject *mv_repr(KnObject *self)
{
    if (MV(self)->flags & KN_MV_RELEASED)
        return ob_str_from_format("<released memory at %p>", (void *)self);
    return ob_str_from_format("<memory at %p>", (void *)self);
}

static kn_hash_t mv_hash(KnObject *self)
{
    KnMemoryViewObject *mv = MV(self);
    if (mv->hash != -1)
        return mv->hash;
    if (ob_mv_check_released(self) < 0)
        return -1;
    if (!mv->view.readonly) {
        ob_err_set_string(ob_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    int c = ob_mv_native_char(mv->view.format);
    if (c != 'B' && c != 'b' && c != 'c') {
        ob_err_set_string(ob_exc_ValueError,
                          "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    KnObject *b = mv_bytes(mv, 'C');
    if (b == NULL)
        return -1;
    mv->hash = ob_hash_bytes(KN_BYTES_AS_STRING(b), KN_SIZE(b));
    return mv->hash;
}

static kn_ssize_t mv_length(KnObject *self)
{
    if (ob_mv_check_released(self) < 0)
        return -1;
    if (MV(self)->view.ndim == 0) {
        ob_err_set_string(ob_exc_TypeError, "0-dim memory has no length");
        return -1;
    }
    return MV(self)->view.shape[0];
}

/* ---- attributes ---- */

static KnObject *ssize_tuple(const kn_ssize_t *a, int n)
{
    KnObject *t = ob_tuple_new(a == NULL ? 0 : n);
    if (t == NULL || a == NULL)
        return t;
    for (int i = 0; i < n; i++) {
        KnObject *x = ob_int_from_ssize(a[i]);
        if (x == NULL)
            return NULL;
        KN_TUPLE_SET(t, i, x);
    }
    return t;
}

enum { A_OBJ, A_NBYTES, A_READONLY, A_ITEMSIZE, A_FORMAT, A_NDIM, A_SHAPE, A_STRIDES,
       A_SUBOFFSETS, A_C, A_F, A_CONTIG };

static KnObject *mv_get(KnObject *self, void *closure)
{
    if (ob_mv_check_released(self) < 0)
        return NULL;
    KnMemoryViewObject *mv = MV(self);
    KnBuffer *v = &mv->view;
    switch ((int)(intptr_t)closure) {
    case A_OBJ: return v->obj ? v->obj : KN_None;
    case A_NBYTES: return ob_int_from_ssize(v->len);
    case A_READONLY: return KN_BOOL(v->readonly);
    case A_ITEMSIZE: return ob_int_from_ssize(v->itemsize);
    case A_FORMAT: return ob_str_from_cstr(v->format);
    case A_NDIM: return ob_int_from_ssize(v->ndim);
    case A_SHAPE: return ssize_tuple(v->shape, v->ndim);
    case A_STRIDES: return ssize_tuple(v->strides, v->ndim);
    case A_SUBOFFSETS: return ssize_tuple(v->suboffsets, v->ndim);
    case A_C: return KN_BOOL(mv->flags & KN_MV_C);
    case A_F: return KN_BOOL(mv->flags & KN_MV_FORTRAN);
    default: return KN_BOOL(mv->flags & (KN_MV_C | KN_MV_FORTRAN));
    }
}

#define GET(name, id, doc) {name, mv_get, NULL, doc, (void *)(intptr_t)(id)}
static KnGetSetDef mv_getset[] = {
    GET("obj", A_OBJ, "The underlying object of the memoryview."),
    GET("nbytes", A_NBYTES, "The amount of space in bytes that the array would use in\n"
                            " a contiguous representation."),
    GET("readonly", A_READONLY, "A bool indicating whether the memory is read only."),
    GET("itemsize", A_ITEMSIZE, "The size in bytes of each element of the memoryview."),
    GET("format", A_FORMAT, "A string containing the format (in struct module style)\n"
                            " for each element in the view."),
    GET("ndim", A_NDIM, "An integer indicating how many dimensions of a multi-dimensional\n"
                        " array the memory represents."),
    GET("shape", A_SHAPE, "A tuple of ndim integers giving the shape of the memory\n"
                          " as an N-dimensional array."),
    GET("strides", A_STRIDES, "A tuple of ndim integers giving the size in bytes to access\n"
                              " each element for each dimension of the array."),
    GET("suboffsets", A_SUBOFFSETS, "A tuple of integers used internally for PIL-style arrays."),
    GET("c_contiguous", A_C, "A bool indicating whether the memory is C contiguous."),
    GET("f_contiguous", A_F, "A bool indicating whether the memory is Fortran contiguous."),
    GET("contiguous", A_CONTIG, "A bool indicating whether the memory is contiguous."),
    {NULL, NULL, NULL, NULL, NULL},
};

static KnMethodDef mv_methods[] = {
    {"release", (KnCFunction)mv_release, KN_METH_NOARGS,
     "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", (KnCFunction)(void (*)(void))mv_tobytes, KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return the data in the buffer as a byte string."},
    {"hex", (KnCFunction)(void (*)(void))mv_hex, KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", (KnCFunction)ob_mv_tolist, KN_METH_NOARGS,
     "Return the data in the buffer as a list of elements."},
    {"cast", (KnCFunction)(void (*)(void))ob_mv_cast, KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Cast a memoryview to a new format or shape."},
    {"toreadonly", (KnCFunction)mv_toreadonly, KN_METH_NOARGS,
     "Return a readonly version of the memoryview."},
    {"__enter__", (KnCFunction)mv_enter, KN_METH_NOARGS, NULL},
    {"__exit__", (KnCFunction)mv_exit, KN_METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* sq_item, as CPython's memoryview has: it makes a view a sequence
 * (reversed(), PySequence_Check). */
static KnObject *mv_item(KnObject *self, kn_ssize_t i)
{
    KnObject *index = ob_int_from_ssize(i);
    return index ? ob_mv_subscript(self, index) : NULL;
}

static KnSequenceMethods mv_as_sequence = {
    .sq_length = mv_length,
    .sq_item = mv_item,
};

static KnMappingMethods mv_as_mapping = {
    .mp_length = mv_length,
    .mp_subscript = ob_mv_subscript,
    .mp_ass_subscript = ob_mv_ass_subscript,
};

static KnBufferProcs mv_as_buffer = {
    .bf_getbuffer = mv_getbuffer,
    .bf_releasebuffer = mv_releasebuffer,
};

KnTypeObject ob_memoryview_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "memoryview",
    .tp_basicsize = offsetof(KnMemoryViewObject, ob_array),
    .tp_itemsize = sizeof(kn_ssize_t),
    .tp_repr = mv_repr,
    .tp_as_sequence = &mv_as_sequence,
    .tp_as_mapping = &mv_as_mapping,
    .tp_hash = mv_hash,
    .tp_getattro = ob_generic_getattr,
    .tp_as_buffer = &mv_as_buffer,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_SEQUENCE,
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_richcompare = ob_mv_richcompare,
    .tp_weaklistoffset = offsetof(KnMemoryViewObject, weakreflist),
    .tp_iter = ob_mv_iter,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
    .tp_new = mv_tp_new,
};

KnTypeObject ob_managedbuffer_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(KnManagedBufferObject),
    .tp_finalize = mbuf_finalize,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
};
