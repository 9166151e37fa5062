/*
 * memoryview_items.c — memoryview items: tolist, indexing, slicing, item
 * and slice assignment, iteration, cast and ==.  Items are read and
 * written through memoryview_fmt.c (native formats only, like CPython
 * 3.11 without the struct module).
 */
#include <string.h>
#include "memoryview_internal.h"
#include "containers.h"

/* ---- tolist ---- */

static KnObject *list_dim(const KnBuffer *v, int code, const char *p, int dim)
{
    kn_ssize_t n = v->shape[dim];
    KnObject *list = ob_list_new(n);
    if (list == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        const char *q = p + i * v->strides[dim];
        if (v->suboffsets != NULL && v->suboffsets[dim] >= 0)
            q = *(char *const *)q + v->suboffsets[dim];
        KnObject *x = dim + 1 == v->ndim ? ob_mv_unpack(code, q) : list_dim(v, code, q, dim + 1);
        if (x == NULL)
            return NULL;
        KN_LIST_ITEMS(list)[i] = x;
    }
    return list;
}

KnObject *ob_mv_tolist(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (ob_mv_check_released(self) < 0)
        return NULL;
    KnBuffer *v = &MV(self)->view;
    int code = ob_mv_item_code(v);
    if (code == 0)
        return NULL;
    if (v->ndim == 0)
        return ob_mv_unpack(code, v->buf);
    return list_dim(v, code, v->buf, 0);
}

/* ---- indexing ---- */

static int is_index(KnObject *o)
{
    return ob_index_check(o);
}

/* Address of item `key` on dimension dim, from base p. */
static char *item_ptr(const KnBuffer *v, char *p, int dim, KnObject *key)
{
    kn_ssize_t i = ob_number_as_ssize(key, ob_exc_IndexError);
    if (i == -1 && ob_err_occurred())
        return NULL;
    kn_ssize_t n = v->shape[dim];
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        ob_err_format(ob_exc_IndexError, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    p += i * v->strides[dim];
    if (v->suboffsets != NULL && v->suboffsets[dim] >= 0)
        p = *(char **)p + v->suboffsets[dim];
    return p;
}

/* The item a tuple of indices names ("cannot index N-dimension view with
 * M-element tuple" when the counts differ). */
static char *tuple_ptr(const KnBuffer *v, KnObject *key)
{
    kn_ssize_t n = KN_SIZE(key);
    if (n < v->ndim) {
        ob_err_set_string(ob_exc_NotImplementedError, "sub-views are not implemented");
        return NULL;
    }
    if (n > v->ndim) {
        ob_err_format(ob_exc_TypeError, "cannot index %d-dimension view with %zd-element tuple",
                      v->ndim, n);
        return NULL;
    }
    char *p = v->buf;
    for (kn_ssize_t d = 0; d < n; d++) {
        if ((p = item_ptr(v, p, (int)d, KN_TUPLE_ITEMS(key)[d])) == NULL)
            return NULL;
    }
    return p;
}

static int all_index(KnObject *t)
{
    for (kn_ssize_t i = 0; i < KN_SIZE(t); i++)
        if (!is_index(KN_TUPLE_ITEMS(t)[i]))
            return 0;
    return 1;
}

static int all_slices(KnObject *t)
{
    for (kn_ssize_t i = 0; i < KN_SIZE(t); i++)
        if (!KN_TYPE_CHECK(KN_TUPLE_ITEMS(t)[i], &ob_slice_type))
            return 0;
    return 1;
}

static KnObject *invalid_key(void)
{
    ob_err_set_string(ob_exc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

/* A view of self with dimension 0 sliced. */
static KnObject *slice_view(KnMemoryViewObject *mv, KnObject *key)
{
    kn_ssize_t start, stop, step;
    if (ob_slice_unpack(key, &start, &stop, &step) < 0)
        return NULL;
    KnBuffer *v = &mv->view;
    kn_ssize_t n = ob_slice_adjust_indices(v->shape[0], &start, &stop, step);
    KnMemoryViewObject *r = (KnMemoryViewObject *)ob_mv_new_from(mv->mbuf, v);
    if (r == NULL)
        return NULL;
    KnBuffer *rv = &r->view;
    rv->buf = (char *)v->buf + start * v->strides[0];
    rv->shape[0] = n;
    rv->strides[0] = v->strides[0] * step;
    rv->len = rv->itemsize;
    for (int d = 0; d < rv->ndim; d++)
        rv->len *= rv->shape[d];
    ob_mv_init_flags(r);
    return (KnObject *)r;
}

KnObject *ob_mv_subscript(KnObject *self, KnObject *key)
{
    KnMemoryViewObject *mv = MV(self);
    if (ob_mv_check_released(self) < 0)
        return NULL;
    KnBuffer *v = &mv->view;
    if (v->ndim == 0) {
        if (key == KN_Ellipsis)
            return self;
        if (KN_TUPLE_CHECK(key) && KN_SIZE(key) == 0) {
            int code = ob_mv_item_code(v);
            return code ? ob_mv_unpack(code, v->buf) : NULL;
        }
        ob_err_set_string(ob_exc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (is_index(key)) {
        if (v->ndim > 1) {
            ob_err_set_string(ob_exc_NotImplementedError,
                              "multi-dimensional sub-views are not implemented");
            return NULL;
        }
        int code = ob_mv_item_code(v);
        if (code == 0)
            return NULL;
        char *p = item_ptr(v, v->buf, 0, key);
        return p ? ob_mv_unpack(code, p) : NULL;
    }
    if (KN_TYPE_CHECK(key, &ob_slice_type))
        return slice_view(mv, key);
    if (KN_TUPLE_CHECK(key)) {
        if (all_index(key)) {
            int code = ob_mv_item_code(v);
            if (code == 0)
                return NULL;
            char *p = tuple_ptr(v, key);
            return p ? ob_mv_unpack(code, p) : NULL;
        }
        if (all_slices(key)) {
            ob_err_set_string(ob_exc_NotImplementedError,
                              "multi-dimensional slicing is not implemented");
            return NULL;
        }
    }
    return invalid_key();
}

/* ---- assignment ---- */

/* fmt of a view as written in messages: "B" for NULL. */
static const char *fmt_name(const KnBuffer *v)
{
    return v->format ? v->format : "B";
}

static int pack_at(const KnBuffer *v, char *p, KnObject *value)
{
    int code = ob_mv_item_code(v);
    if (code == 0)
        return -1;
    /* pack into a scratch item so that a failed pack leaves memory as is */
    char tmp[16];
    memcpy(tmp, p, (size_t)v->itemsize);
    if (ob_mv_pack(code, fmt_name(v), tmp, value) < 0)
        return -1;
    memcpy(p, tmp, (size_t)v->itemsize);
    return 0;
}

static int same_format(const char *a, const char *b)
{
    if (a == NULL) a = "B";
    if (b == NULL) b = "B";
    if (a[0] == '@') a++;
    if (b[0] == '@') b++;
    return strcmp(a, b) == 0;
}

/* dst[start::step] (n items, 1-D) = src's buffer. */
static int assign_slice(KnMemoryViewObject *mv, KnObject *key, KnObject *value)
{
    KnBuffer *v = &mv->view;
    kn_ssize_t start, stop, step;
    if (ob_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    kn_ssize_t n = ob_slice_adjust_indices(v->shape[0], &start, &stop, step);
    KnBuffer src;
    if (ob_buffer_get(value, &src, KN_BUF_FULL_RO) < 0)
        return -1;
    int ok = src.ndim == 1 && same_format(src.format, v->format) &&
             src.itemsize == v->itemsize &&
             (src.shape ? src.shape[0] : src.len / (src.itemsize ? src.itemsize : 1)) == n;
    if (!ok) {
        ob_buffer_release(&src);
        ob_err_set_string(ob_exc_ValueError,
                          "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    /* through a contiguous copy: source and destination may overlap */
    char *tmp = kgc_alloc_atomic((size_t)src.len + 1);
    if (tmp == NULL) {
        ob_buffer_release(&src);
        ob_err_nomemory();
        return -1;
    }
    int rc = ob_buffer_to_contiguous(tmp, &src, src.len, 'C');
    ob_buffer_release(&src);
    if (rc < 0)
        return -1;
    char *p = (char *)v->buf + start * v->strides[0];
    for (kn_ssize_t i = 0; i < n; i++) {
        memcpy(p, tmp + i * v->itemsize, (size_t)v->itemsize);
        p += step * v->strides[0];
    }
    return 0;
}

int ob_mv_ass_subscript(KnObject *self, KnObject *key, KnObject *value)
{
    KnMemoryViewObject *mv = MV(self);
    if (ob_mv_check_released(self) < 0)
        return -1;
    KnBuffer *v = &mv->view;
    if (v->readonly) {
        ob_err_set_string(ob_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (v->ndim == 0) {
        if (key == KN_Ellipsis || (KN_TUPLE_CHECK(key) && KN_SIZE(key) == 0))
            return pack_at(v, v->buf, value);
        ob_err_set_string(ob_exc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (is_index(key)) {
        if (v->ndim > 1) {
            ob_err_set_string(ob_exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        char *p = item_ptr(v, v->buf, 0, key);
        return p ? pack_at(v, p, value) : -1;
    }
    if (KN_TYPE_CHECK(key, &ob_slice_type)) {
        if (v->ndim == 1)
            return assign_slice(mv, key, value);
        ob_err_set_string(ob_exc_NotImplementedError,
                          "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    if (KN_TUPLE_CHECK(key)) {
        if (all_index(key)) {
            char *p = tuple_ptr(v, key);
            return p ? pack_at(v, p, value) : -1;
        }
        if (all_slices(key)) {
            ob_err_set_string(ob_exc_NotImplementedError,
                              "memoryview slice assignments are currently restricted to ndim = 1");
            return -1;
        }
    }
    invalid_key();
    return -1;
}

/* ---- iteration ---- */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *mv;             /* NULL when exhausted */
    kn_ssize_t index;
    int code;
} MvIter;

KnObject *ob_mv_iter(KnObject *self)
{
    if (ob_mv_check_released(self) < 0)
        return NULL;
    KnBuffer *v = &MV(self)->view;
    if (v->ndim == 0) {
        ob_err_set_string(ob_exc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (v->ndim != 1) {
        ob_err_set_string(ob_exc_NotImplementedError,
                          "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    int code = ob_mv_item_code(v);
    if (code == 0)
        return NULL;
    MvIter *it = (MvIter *)ob_alloc(&ob_memoryview_iter_type, 0);
    if (it == NULL)
        return NULL;
    it->mv = self;
    it->code = code;
    return (KnObject *)it;
}

static KnObject *mviter_next(KnObject *o)
{
    MvIter *it = (MvIter *)o;
    if (it->mv == NULL)
        return NULL;
    if (ob_mv_check_released(it->mv) < 0)
        return NULL;
    KnBuffer *v = &MV(it->mv)->view;
    if (it->index >= v->shape[0]) {
        it->mv = NULL;
        return NULL;
    }
    char *p = (char *)v->buf + it->index * v->strides[0];
    if (v->suboffsets != NULL && v->suboffsets[0] >= 0)
        p = *(char **)p + v->suboffsets[0];
    it->index++;
    return ob_mv_unpack(it->code, p);
}

static KnObject *mviter_self(KnObject *o)
{
    return o;
}

KnTypeObject ob_memoryview_iter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(MvIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = mviter_self,
    .tp_iternext = mviter_next,
};

/* ---- comparison ---- */

/* Items of a and b (same shape) equal by unpacked value; -1 on error. */
static int items_equal(const KnBuffer *a, int ca, const char *pa, const KnBuffer *b, int cb,
                       const char *pb, int dim)
{
    if (a->ndim == 0) {
        KnObject *x = ob_mv_unpack(ca, pa), *y = x ? ob_mv_unpack(cb, pb) : NULL;
        return y == NULL ? -1 : ob_richcompare_bool(x, y, KN_EQ);
    }
    for (kn_ssize_t i = 0; i < a->shape[dim]; i++) {
        const char *qa = pa + i * a->strides[dim], *qb = pb + i * b->strides[dim];
        if (a->suboffsets != NULL && a->suboffsets[dim] >= 0)
            qa = *(char *const *)qa + a->suboffsets[dim];
        if (b->suboffsets != NULL && b->suboffsets[dim] >= 0)
            qb = *(char *const *)qb + b->suboffsets[dim];
        int r;
        if (dim + 1 < a->ndim) {
            r = items_equal(a, ca, qa, b, cb, qb, dim + 1);
        } else {
            KnObject *x = ob_mv_unpack(ca, qa), *y = x ? ob_mv_unpack(cb, qb) : NULL;
            if (y == NULL)
                return -1;
            /* NaN != NaN, so no identity shortcut */
            KnObject *e = ob_richcompare(x, y, KN_EQ);
            r = e == NULL ? -1 : ob_is_true(e);
        }
        if (r <= 0)
            return r;
    }
    return 1;
}

KnObject *ob_mv_richcompare(KnObject *a, KnObject *b, int op)
{
    if (op != KN_EQ && op != KN_NE)
        return KN_NotImplemented;
    int eq;
    /* no identity shortcut: a view of NaNs is not equal to itself */
    if ((MV(a)->flags & KN_MV_RELEASED) || (MV(a)->mbuf->flags & KN_MBUF_RELEASED) ||
               (KN_MEMORYVIEW_CHECK(b) && ((MV(b)->flags & KN_MV_RELEASED) ||
                                           (MV(b)->mbuf->flags & KN_MBUF_RELEASED)))) {
        eq = a == b;
    } else {
        KnBuffer *va = &MV(a)->view, vb;
        if (!ob_buffer_check(b))
            return KN_NotImplemented;
        if (ob_buffer_get(b, &vb, KN_BUF_FULL_RO) < 0) {
            if (!ob_err_matches((KnObject *)ob_exc_BufferError))
                return NULL;
            ob_err_clear();
            return KN_NotImplemented;
        }
        KnMemoryViewObject *wb = (KnMemoryViewObject *)ob_mv_new_from(
            MV(a)->mbuf, &vb);   /* normalised shape/strides; not a real export */
        if (wb == NULL) {
            ob_buffer_release(&vb);
            return NULL;
        }
        MV(a)->mbuf->exports--;
        KnBuffer *nb = &wb->view;
        eq = va->ndim == nb->ndim;
        for (int d = 0; eq && d < va->ndim; d++)
            eq = va->shape[d] == nb->shape[d];
        if (eq) {
            int ca = ob_mv_item_code(va), cb = ca ? ob_mv_item_code(nb) : 0;
            eq = cb == 0 ? -1 : items_equal(va, ca, va->buf, nb, cb, nb->buf, 0);
        }
        ob_buffer_release(&vb);
        if (eq < 0)
            return NULL;
    }
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

/* ---- cast ---- */

static const char *const cast_names[] = {"format", "shape", NULL};

static int zero_in_shape(const KnBuffer *v)
{
    for (int d = 0; d < v->ndim; d++)
        if (v->shape[d] == 0)
            return 1;
    return 0;
}

KnObject *ob_mv_cast(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    KnArgSpec spec = {"cast", cast_names, 1, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (!KN_STR_CHECK(a[0])) {
        ob_err_format(ob_exc_TypeError, "cast() argument 'format' must be str, not %.50s",
                      ob_type_name(KN_TYPE(a[0])));
        return NULL;
    }
    KnObject *shape = a[1];     /* None is no default here: a type error */
    if (ob_mv_check_released(self) < 0)
        return NULL;
    KnMemoryViewObject *mv = MV(self);
    KnBuffer *v = &mv->view;
    if (!(mv->flags & KN_MV_C)) {
        ob_err_set_string(ob_exc_TypeError,
                          "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    if ((shape != NULL || v->ndim != 1) && zero_in_shape(v)) {
        ob_err_set_string(ob_exc_TypeError,
                          "memoryview: cannot cast view with zeros in shape or strides");
        return NULL;
    }
    kn_ssize_t ndim = 1;
    if (shape != NULL) {
        if (!KN_LIST_CHECK(shape) && !KN_TUPLE_CHECK(shape)) {
            ob_err_set_string(ob_exc_TypeError, "shape must be a list or a tuple");
            return NULL;
        }
        ndim = KN_SIZE(shape);
        if (v->ndim != 1 && ndim != 1) {
            ob_err_set_string(ob_exc_TypeError,
                              "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
        if (ndim > KN_BUF_MAX_NDIM) {
            ob_err_set_string(ob_exc_ValueError,
                              "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
    }
    kn_ssize_t flen;
    const char *f = ob_str_as_utf8(a[0], &flen);
    if (f == NULL)
        return NULL;
    int code = (kn_ssize_t)strlen(f) == flen ? ob_mv_native_char(f) : 0;
    if (code == 0) {
        ob_err_set_string(ob_exc_ValueError,
                          "memoryview: destination format must be a native single character "
                          "format prefixed with an optional '@'");
        return NULL;
    }
    int src = ob_mv_native_char(v->format);
    int src_byte = src == 'B' || src == 'b' || src == 'c';
    if (!src_byte && code != 'B' && code != 'b' && code != 'c') {
        ob_err_set_string(ob_exc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    kn_ssize_t itemsize = ob_mv_native_size(code);
    if (v->len % itemsize != 0) {
        ob_err_set_string(ob_exc_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    kn_ssize_t dims[KN_BUF_MAX_NDIM];
    if (shape == NULL) {
        dims[0] = v->len / itemsize;
    } else {
        KnObject *const *items = KN_LIST_CHECK(shape) ? KN_LIST_ITEMS(shape) : KN_TUPLE_ITEMS(shape);
        kn_ssize_t prod = 1;
        for (kn_ssize_t i = 0; i < ndim; i++) {
            KnObject *x = items[i];
            if (!KN_INT_CHECK(x)) {
                ob_err_set_string(ob_exc_TypeError,
                                  "memoryview.cast(): elements of shape must be integers");
                return NULL;
            }
            int overflow = 0;
            long long d = ob_int_as_long_long_and_overflow(x, &overflow);
            if (overflow || d <= 0) {
                ob_err_set_string(ob_exc_ValueError,
                                  overflow > 0 ? "memoryview.cast(): product(shape) > SSIZE_MAX"
                                               : "memoryview.cast(): elements of shape must be integers > 0");
                return NULL;
            }
            if (prod > KN_SSIZE_MAX / d) {
                ob_err_set_string(ob_exc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
                return NULL;
            }
            prod *= d;
            dims[i] = (kn_ssize_t)d;
        }
        if (prod * itemsize != v->len) {
            ob_err_set_string(ob_exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
    }
    KnBuffer nv = *v;
    nv.ndim = (int)ndim;
    nv.itemsize = itemsize;
    nv.shape = dims;
    nv.strides = NULL;
    nv.suboffsets = NULL;
    /* the format string must outlive this call: keep a GC copy */
    char *fcopy = kgc_alloc_atomic((size_t)flen + 1);
    if (fcopy == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memcpy(fcopy, f, (size_t)flen + 1);
    nv.format = fcopy;
    return ob_mv_new_from(mv->mbuf, &nv);
}
