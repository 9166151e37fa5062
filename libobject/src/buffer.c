/*
 * buffer.c — the consumer side of the buffer protocol: getting and
 * releasing views, contiguity tests and copying a strided view into
 * contiguous memory.  Exporters live with their types (bytes.c,
 * bytearray.c, memoryview.c).
 */
#include <string.h>
#include "libobject/buffer.h"
#include "libobject/bytes.h"
#include "libobject/errors.h"
#include "libobject/exceptions.h"
#include "libobject/type.h"
#include "libobject/abstract.h"
#include "libgc/gc.h"

int ob_buffer_check(KnObject *o)
{
    KnBufferProcs *bp = KN_TYPE(o)->tp_as_buffer;
    return bp != NULL && bp->bf_getbuffer != NULL;
}

int ob_buffer_get(KnObject *obj, KnBuffer *view, int flags)
{
    if (!ob_buffer_check(obj)) {
        ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                      ob_type_name(KN_TYPE(obj)));
        return -1;
    }
    return KN_TYPE(obj)->tp_as_buffer->bf_getbuffer(obj, view, flags);
}

void ob_buffer_release(KnBuffer *view)
{
    KnObject *obj = view->obj;
    if (obj == NULL)
        return;
    KnBufferProcs *bp = KN_TYPE(obj)->tp_as_buffer;
    if (bp != NULL && bp->bf_releasebuffer != NULL)
        bp->bf_releasebuffer(obj, view);
    view->obj = NULL;
}

int ob_buffer_fill_info(KnBuffer *view, KnObject *obj, void *buf, kn_ssize_t len,
                        int readonly, int flags)
{
    return ob_bytes_fill_buffer(view, obj, buf, len, readonly, flags);
}

/* A view with NULL strides is C-contiguous by definition. */
static int is_c_contig(const KnBuffer *v)
{
    if (v->len == 0 || v->strides == NULL)
        return 1;
    kn_ssize_t sd = v->itemsize;
    for (int i = v->ndim - 1; i >= 0; i--) {
        kn_ssize_t dim = v->shape[i];
        if (dim > 1 && v->strides[i] != sd)
            return 0;
        sd *= dim;
    }
    return 1;
}

static int is_f_contig(const KnBuffer *v)
{
    if (v->len == 0)
        return 1;
    if (v->strides == NULL) {
        if (v->ndim <= 1)
            return 1;
        /* C-contiguous with more than one non-trivial dimension is not F */
        int big = 0;
        for (int i = 0; i < v->ndim; i++)
            big += v->shape[i] > 1;
        return big <= 1;
    }
    kn_ssize_t sd = v->itemsize;
    for (int i = 0; i < v->ndim; i++) {
        kn_ssize_t dim = v->shape[i];
        if (dim > 1 && v->strides[i] != sd)
            return 0;
        sd *= dim;
    }
    return 1;
}

int ob_buffer_is_contiguous(const KnBuffer *view, char order)
{
    if (view->suboffsets != NULL)
        return 0;
    if (order == 'C')
        return is_c_contig(view);
    if (order == 'F')
        return is_f_contig(view);
    if (order == 'A')
        return is_c_contig(view) || is_f_contig(view);
    return 0;
}

void ob_buffer_fill_contiguous_strides(int ndim, const kn_ssize_t *shape,
                                       kn_ssize_t *strides, kn_ssize_t itemsize,
                                       char order)
{
    kn_ssize_t sd = itemsize;
    if (order == 'F') {
        for (int i = 0; i < ndim; i++) {
            strides[i] = sd;
            sd *= shape[i];
        }
    } else {
        for (int i = ndim - 1; i >= 0; i--) {
            strides[i] = sd;
            sd *= shape[i];
        }
    }
}

void *ob_buffer_get_pointer(const KnBuffer *view, const kn_ssize_t *indices)
{
    char *p = view->buf;
    for (int i = 0; i < view->ndim; i++) {
        kn_ssize_t stride = view->strides ? view->strides[i] : 0;
        if (view->strides == NULL) {
            /* C-contiguous: stride of dimension i is the product after it */
            stride = view->itemsize;
            for (int j = i + 1; j < view->ndim; j++)
                stride *= view->shape[j];
        }
        p += stride * indices[i];
        if (view->suboffsets != NULL && view->suboffsets[i] >= 0)
            p = *(char **)p + view->suboffsets[i];
    }
    return p;
}

int ob_buffer_to_contiguous(void *dst, const KnBuffer *view, kn_ssize_t len, char order)
{
    if (len != view->len) {
        ob_err_set_string(ob_exc_ValueError,
                          "ob_buffer_to_contiguous: len != view->len");
        return -1;
    }
    if (order == 'A')
        order = is_f_contig(view) && !is_c_contig(view) ? 'F' : 'C';
    if (ob_buffer_is_contiguous(view, order) || view->ndim == 0) {
        memcpy(dst, view->buf, (size_t)len);
        return 0;
    }
    if (view->ndim > KN_BUF_MAX_NDIM) {
        ob_err_set_string(ob_exc_ValueError, "ndim out of range");
        return -1;
    }
    /* odometer over the indices: last index fastest for C, first for F */
    kn_ssize_t idx[KN_BUF_MAX_NDIM] = {0};
    char *out = dst;
    kn_ssize_t n = view->itemsize ? len / view->itemsize : 0;
    for (kn_ssize_t k = 0; k < n; k++) {
        memcpy(out, ob_buffer_get_pointer(view, idx), (size_t)view->itemsize);
        out += view->itemsize;
        if (order == 'F') {
            for (int d = 0; d < view->ndim; d++) {
                if (++idx[d] < view->shape[d])
                    break;
                idx[d] = 0;
            }
        } else {
            for (int d = view->ndim - 1; d >= 0; d--) {
                if (++idx[d] < view->shape[d])
                    break;
                idx[d] = 0;
            }
        }
    }
    return 0;
}

int ob_buffer_copy_data(KnObject *o, char **data, kn_ssize_t *len)
{
    if (!ob_buffer_check(o))
        return 0;
    KnBuffer view;
    if (ob_buffer_get(o, &view, KN_BUF_FULL_RO) < 0)
        return -1;
    char *copy = kgc_alloc_atomic((size_t)view.len + 1);
    if (copy == NULL) {
        ob_buffer_release(&view);
        ob_err_nomemory();
        return -1;
    }
    int rc = ob_buffer_to_contiguous(copy, &view, view.len, 'C');
    ob_buffer_release(&view);
    if (rc < 0)
        return -1;
    copy[view.len] = '\0';
    *data = copy;
    *len = view.len;
    return 1;
}
