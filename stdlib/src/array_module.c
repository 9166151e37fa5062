/*
 * array_module.c — the array.array type: storage, construction, repr,
 * indexing and slicing (with extended-slice assignment and deletion),
 * comparisons, + and *, the buffer protocol, pickling through
 * _array_reconstructor, and the module entry point.  Methods are in
 * array_methods.c, typecodes in array_types.c.
 */
#include "libgc/gc.h"
#include "array_internal.h"
#include "intarg.h"

KnObject *kn_init_array(void);

static char arr_empty_buf[8];
static KnObject *arr_reconstructor_fn;   /* array._array_reconstructor */

KnObject *arr_new_of(KnTypeObject *t, const ArrDesc *d, kn_ssize_t n)
{
    ArrObject *a = (ArrObject *)ob_type_generic_alloc(t, 0);
    if (a == NULL)
        return NULL;
    a->d = d;
    if (n > 0) {
        a->items = kgc_alloc_atomic((size_t)n * (size_t)d->itemsize);
        if (a->items == NULL)
            return ob_err_nomemory();
        memset(a->items, 0, (size_t)n * (size_t)d->itemsize);
        a->allocated = n;
    }
    KN_SET_SIZE(a, n);
    return (KnObject *)a;
}

int arr_resize(KnObject *o, kn_ssize_t n)
{
    ArrObject *a = ARR(o);
    if (a->exports > 0 && n != KN_SIZE(a)) {
        ob_err_set_string(ob_exc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (n > a->allocated || n < a->allocated / 2) {
        kn_ssize_t cap = n + (n >> 4) + (n < 8 ? 3 : 7);
        if (cap > ARR_SSIZE_MAX / a->d->itemsize) {
            ob_err_nomemory();
            return -1;
        }
        char *p = kgc_alloc_atomic((size_t)cap * (size_t)a->d->itemsize);
        if (p == NULL) {
            ob_err_nomemory();
            return -1;
        }
        kn_ssize_t keep = KN_SIZE(a) < n ? KN_SIZE(a) : n;
        if (keep > 0)
            memcpy(p, a->items, (size_t)keep * (size_t)a->d->itemsize);
        a->items = p;
        a->allocated = cap;
    }
    KN_SET_SIZE(a, n);
    return 0;
}

int arr_append_raw(KnObject *o, const void *data, kn_ssize_t n)
{
    kn_ssize_t old = ARR_LEN(o);
    if (n > ARR_SSIZE_MAX - old) {
        ob_err_nomemory();
        return -1;
    }
    if (arr_resize(o, old + n) < 0)
        return -1;
    if (n > 0)
        memmove(ARR_AT(o, old), data, (size_t)n * (size_t)ARR(o)->d->itemsize);
    return 0;
}

int arr_extend_iterable(KnObject *o, KnObject *iterable)
{
    KnObject *it = ob_get_iter(iterable), *v;
    if (it == NULL)
        return -1;
    char tmp[8];
    while ((v = ob_iter_next(it)) != NULL) {
        if (ARR(o)->d->set(tmp, v) < 0 || arr_append_raw(o, tmp, 1) < 0)
            return -1;
    }
    return ob_err_occurred() ? -1 : 0;
}

int arr_frombytes_data(KnObject *o, const char *p, kn_ssize_t len)
{
    int sz = ARR(o)->d->itemsize;
    if (len % sz != 0) {
        ob_err_set_string(ob_exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    return arr_append_raw(o, p, len / sz);
}

int arr_fromunicode_obj(KnObject *o, KnObject *s)
{
    kn_ssize_t n = ob_str_length(s);
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = ob_str_read_char(s, i);
        if (arr_append_raw(o, &c, 1) < 0)
            return -1;
    }
    return 0;
}

KnObject *arr_tolist_obj(KnObject *o)
{
    kn_ssize_t n = ARR_LEN(o);
    KnObject *l = ob_list_new(0);
    for (kn_ssize_t i = 0; l != NULL && i < n; i++) {
        KnObject *v = ARR(o)->d->get(ARR_AT(o, i));
        if (v == NULL || ob_list_append(l, v) < 0)
            return NULL;
    }
    return l;
}

KnObject *arr_slice(KnObject *o, kn_ssize_t lo, kn_ssize_t hi)
{
    kn_ssize_t n = hi > lo ? hi - lo : 0;
    KnObject *r = arr_new_of(&arr_type, ARR(o)->d, n);
    if (r != NULL && n > 0)
        memcpy(ARR(r)->items, ARR_AT(o, lo), (size_t)n * (size_t)ARR(o)->d->itemsize);
    return r;
}

/* ---- construction ---- */

static KnObject *arr_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (t == &arr_type && kwargs != NULL && ob_length(kwargs) > 0) {
        ob_err_set_string(ob_exc_TypeError, "array.array() takes no keyword arguments");
        return NULL;
    }
    kn_ssize_t nargs = ob_length(args);
    if (nargs < 1 || nargs > 2) {
        ob_err_format(ob_exc_TypeError, nargs < 1 ? "array() takes at least 1 argument (%zd given)"
                                                  : "array() takes at most 2 arguments (%zd given)", nargs);
        return NULL;
    }
    KnObject *tc = ob_sequence_getitem(args, 0), *init = nargs > 1 ? ob_sequence_getitem(args, 1) : NULL;
    if (!KN_STR_CHECK(tc) || ob_str_length(tc) != 1) {
        ob_err_format(ob_exc_TypeError, "array() argument 1 must be a unicode character, not %s",
                      KN_STR_CHECK(tc) ? "str" : ob_type_name(KN_TYPE(tc)));
        return NULL;
    }
    uint32_t c = ob_str_read_char(tc, 0);
    const ArrDesc *d = c < 128 ? arr_desc_for((int)c) : NULL;
    if (d == NULL) {
        ob_err_set_string(ob_exc_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    if (init != NULL && KN_STR_CHECK(init) && d->typecode != 'u') {
        ob_err_format(ob_exc_TypeError, "cannot use a str to initialize an array with typecode '%c'", d->typecode);
        return NULL;
    }
    if (init != NULL && ARR_CHECK(init) && ARR(init)->d->typecode == 'u' && d->typecode != 'u') {
        ob_err_format(ob_exc_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'",
                      d->typecode);
        return NULL;
    }
    KnObject *a = arr_new_of(t, d, 0);
    if (a == NULL || init == NULL)
        return a;
    int r;
    if (KN_STR_CHECK(init)) {
        r = arr_fromunicode_obj(a, init);
    } else if (KN_BYTES_CHECK(init) || KN_TYPE(init) == &ob_bytearray_type) {
        KnBuffer v;
        if (ob_buffer_get(init, &v, KN_BUF_SIMPLE) < 0)
            return NULL;
        r = arr_frombytes_data(a, v.buf, v.len);
        ob_buffer_release(&v);
    } else if (ARR_CHECK(init) && ARR(init)->d == d) {
        r = arr_append_raw(a, ARR(init)->items, ARR_LEN(init));
    } else {
        r = arr_extend_iterable(a, init);
    }
    return r < 0 ? NULL : a;
}

static KnObject *arr_repr(KnObject *o)
{
    char tc = ARR(o)->d->typecode;
    const char *name = ob_type_name(KN_TYPE(o));
    if (ARR_LEN(o) == 0)
        return ob_str_from_format("%s('%c')", name, tc);
    KnObject *items = tc == 'u' ? arr_tounicode_obj(o) : arr_tolist_obj(o);
    KnObject *body = items == NULL ? NULL : ob_repr(items);
    if (body == NULL)
        return NULL;
    return ob_str_from_format("%s('%c', %U)", name, tc, body);
}

/* ---- sequence / mapping ---- */

static kn_ssize_t arr_len(KnObject *o)
{
    return ARR_LEN(o);
}

static KnObject *arr_item(KnObject *o, kn_ssize_t i)
{
    if (i < 0 || i >= ARR_LEN(o)) {
        ob_err_set_string(ob_exc_IndexError, "array index out of range");
        return NULL;
    }
    return ARR(o)->d->get(ARR_AT(o, i));
}

static KnObject *arr_subscript(KnObject *o, KnObject *key)
{
    if (KN_SLICE_CHECK(key)) {
        kn_ssize_t start, stop, step;
        if (ob_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        kn_ssize_t n = ob_slice_adjust_indices(ARR_LEN(o), &start, &stop, step);
        if (step == 1)
            return arr_slice(o, start, start + n);
        KnObject *r = arr_new_of(&arr_type, ARR(o)->d, n);
        for (kn_ssize_t k = 0, i = start; r != NULL && k < n; k++, i += step)
            memcpy(ARR_AT(r, k), ARR_AT(o, i), (size_t)ARR(o)->d->itemsize);
        return r;
    }
    if (!ob_index_check(key)) {
        ob_err_set_string(ob_exc_TypeError, "array indices must be integers");
        return NULL;
    }
    kn_ssize_t i = ob_number_as_ssize(key, ob_exc_IndexError);
    if (i == -1 && ob_err_occurred())
        return NULL;
    if (i < 0)
        i += ARR_LEN(o);
    return arr_item(o, i);
}

/* Delete the items selected by start/step/n. */
static int arr_del_slice(KnObject *o, kn_ssize_t start, kn_ssize_t step, kn_ssize_t n)
{
    if (n == 0)
        return 0;
    if (ARR(o)->exports > 0) {
        ob_err_set_string(ob_exc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (step < 0) {
        start += step * (n - 1);
        step = -step;
    }
    kn_ssize_t len = ARR_LEN(o), w = start;
    size_t sz = (size_t)ARR(o)->d->itemsize;
    for (kn_ssize_t r = start; r < len; r++) {
        if (r - start < step * n && (r - start) % step == 0)
            continue;
        memmove(ARR_AT(o, w), ARR_AT(o, r), sz);
        w++;
    }
    return arr_resize(o, len - n);
}

static int arr_ass_subscript(KnObject *o, KnObject *key, KnObject *value)
{
    size_t sz = (size_t)ARR(o)->d->itemsize;
    if (!KN_SLICE_CHECK(key)) {
        if (!ob_index_check(key)) {
            ob_err_set_string(ob_exc_TypeError, "array indices must be integers");
            return -1;
        }
        kn_ssize_t i = ob_number_as_ssize(key, ob_exc_IndexError);
        if (i == -1 && ob_err_occurred())
            return -1;
        if (i < 0)
            i += ARR_LEN(o);
        if (i < 0 || i >= ARR_LEN(o)) {
            ob_err_set_string(ob_exc_IndexError, "array assignment index out of range");
            return -1;
        }
        if (value == NULL)
            return arr_del_slice(o, i, 1, 1);
        return ARR(o)->d->set(ARR_AT(o, i), value);
    }
    kn_ssize_t start, stop, step;
    if (ob_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    kn_ssize_t n = ob_slice_adjust_indices(ARR_LEN(o), &start, &stop, step);
    if (value == NULL)
        return arr_del_slice(o, start, step, n);
    if (!ARR_CHECK(value)) {
        ob_err_format(ob_exc_TypeError, "can only assign array (not \"%s\") to array slice",
                      ob_type_name(KN_TYPE(value)));
        return -1;
    }
    if (ARR(value)->d != ARR(o)->d) {
        ob_err_set_string(ob_exc_TypeError, "bad argument type for built-in operation");
        return -1;
    }
    kn_ssize_t m = ARR_LEN(value);
    char *src = m > 0 ? kgc_alloc_atomic((size_t)m * sz) : NULL;
    if (m > 0) {
        if (src == NULL) {
            ob_err_nomemory();
            return -1;
        }
        memcpy(src, ARR(value)->items, (size_t)m * sz);
    }
    if (step == 1) {
        kn_ssize_t len = ARR_LEN(o), hi = start + n;
        if (m != n) {
            if (m > n && arr_resize(o, len + m - n) < 0)
                return -1;
            if (ARR(o)->exports > 0) {
                ob_err_set_string(ob_exc_BufferError, "cannot resize an array that is exporting buffers");
                return -1;
            }
            memmove(ARR_AT(o, start + m), ARR_AT(o, hi), (size_t)(len - hi) * sz);
            if (m < n && arr_resize(o, len + m - n) < 0)
                return -1;
        }
        if (m > 0)
            memcpy(ARR_AT(o, start), src, (size_t)m * sz);
        return 0;
    }
    if (m != n) {
        ob_err_format(ob_exc_ValueError, "attempt to assign array of size %zd to extended slice of size %zd", m, n);
        return -1;
    }
    for (kn_ssize_t k = 0, i = start; k < n; k++, i += step)
        memcpy(ARR_AT(o, i), src + (size_t)k * sz, sz);
    return 0;
}

static int arr_contains(KnObject *o, KnObject *v)
{
    for (kn_ssize_t i = 0; i < ARR_LEN(o); i++) {
        KnObject *x = ARR(o)->d->get(ARR_AT(o, i));
        int eq = x ? ob_richcompare_bool(x, v, KN_EQ) : -1;
        if (eq != 0)
            return eq;
    }
    return 0;
}

static KnObject *arr_concat(KnObject *a, KnObject *b)
{
    if (!ARR_CHECK(b)) {
        ob_err_format(ob_exc_TypeError, "can only append array (not \"%s\") to array", ob_type_name(KN_TYPE(b)));
        return NULL;
    }
    if (ARR(b)->d != ARR(a)->d) {
        ob_err_set_string(ob_exc_TypeError, "bad argument type for built-in operation");
        return NULL;
    }
    KnObject *r = arr_slice(a, 0, ARR_LEN(a));
    if (r == NULL || arr_append_raw(r, ARR(b)->items, ARR_LEN(b)) < 0)
        return NULL;
    return r;
}

static KnObject *arr_inplace_concat(KnObject *a, KnObject *b)
{
    if (!ARR_CHECK(b)) {
        ob_err_format(ob_exc_TypeError, "can only extend array with array (not \"%s\")", ob_type_name(KN_TYPE(b)));
        return NULL;
    }
    if (ARR(b)->d != ARR(a)->d) {
        ob_err_set_string(ob_exc_TypeError, "can only extend with array of same kind");
        return NULL;
    }
    if (arr_append_raw(a, ARR(b)->items, ARR_LEN(b)) < 0)
        return NULL;
    return a;
}

static KnObject *arr_repeat_into(KnObject *r, KnObject *a, kn_ssize_t times)
{
    kn_ssize_t len = ARR_LEN(a);
    if (times < 0)
        times = 0;
    if (len > 0 && times > ARR_SSIZE_MAX / len / ARR(a)->d->itemsize)
        return ob_err_nomemory();
    char *src = kgc_alloc_atomic((size_t)(len * ARR(a)->d->itemsize) + 1);
    if (src == NULL)
        return ob_err_nomemory();
    memcpy(src, ARR(a)->items ? ARR(a)->items : arr_empty_buf, (size_t)(len * ARR(a)->d->itemsize));
    if (arr_resize(r, 0) < 0)
        return NULL;
    for (kn_ssize_t k = 0; k < times; k++)
        if (arr_append_raw(r, src, len) < 0)
            return NULL;
    return r;
}

static KnObject *arr_repeat(KnObject *a, kn_ssize_t times)
{
    KnObject *r = arr_new_of(&arr_type, ARR(a)->d, 0);
    return r ? arr_repeat_into(r, a, times) : NULL;
}

static KnObject *arr_inplace_repeat(KnObject *a, kn_ssize_t times)
{
    return arr_repeat_into(a, a, times);
}

static KnObject *arr_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!ARR_CHECK(a) || !ARR_CHECK(b))
        return KN_NotImplemented;
    kn_ssize_t na = ARR_LEN(a), nb = ARR_LEN(b);
    if (na != nb && (op == KN_EQ || op == KN_NE))
        return KN_BOOL(op == KN_NE);
    kn_ssize_t i;
    KnObject *x = NULL, *y = NULL;
    for (i = 0; i < na && i < nb; i++) {
        x = ARR(a)->d->get(ARR_AT(a, i));
        y = ARR(b)->d->get(ARR_AT(b, i));
        if (x == NULL || y == NULL)
            return NULL;
        int eq = ob_richcompare_bool(x, y, KN_EQ);
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    if (i < na && i < nb) {
        if (op == KN_EQ)
            return KN_False;
        if (op == KN_NE)
            return KN_True;
        return ob_richcompare(x, y, op);
    }
    int r;
    switch (op) {
    case KN_LT: r = na < nb; break;
    case KN_LE: r = na <= nb; break;
    case KN_EQ: r = na == nb; break;
    case KN_NE: r = na != nb; break;
    case KN_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    return KN_BOOL(r);
}

/* ---- buffer ---- */

static int arr_getbuffer(KnObject *o, KnBuffer *view, int flags)
{
    ArrObject *a = ARR(o);
    view->buf = a->items ? a->items : arr_empty_buf;
    view->obj = o;
    view->len = KN_SIZE(a) * a->d->itemsize;
    view->readonly = 0;
    view->ndim = 1;
    view->itemsize = a->d->itemsize;
    view->suboffsets = NULL;
    view->shape = (flags & KN_BUF_ND) == KN_BUF_ND ? &((KnVarObject *)o)->ob_size : NULL;
    view->strides = (flags & KN_BUF_STRIDES) == KN_BUF_STRIDES ? &view->itemsize : NULL;
    view->format = (flags & KN_BUF_FORMAT) ? (char *)a->d->format : NULL;
    view->internal = NULL;
    a->exports++;
    return 0;
}

static void arr_releasebuffer(KnObject *o, KnBuffer *view)
{
    (void)view;
    ARR(o)->exports--;
}

static KnBufferProcs arr_as_buffer = {arr_getbuffer, arr_releasebuffer};

/* ---- pickling ---- */

static KnObject *arr_reduce_ex(KnObject *o, KnObject *proto)
{
    long long p;
    int overflow;
    if (kn_arg_index_ll(proto, &p, &overflow) < 0)
        return NULL;
    KnObject *dict = NULL;
    if (ob_lookup_attr(o, ob_str_intern_cstr("__dict__"), &dict) < 0)
        return NULL;
    if (dict == NULL)
        dict = KN_None;
    KnObject *tc = ob_str_from_format("%c", ARR(o)->d->typecode);
    if (tc == NULL)
        return NULL;
    if (p < 3) {
        KnObject *l = arr_tolist_obj(o);
        return l ? ob_tuple_pack(3, ob_type_of(o), ob_tuple_pack(2, tc, l), dict) : NULL;
    }
    KnObject *recon = arr_reconstructor_fn;
    KnObject *bytes = ob_bytes_from_data(ARR(o)->items, ARR_LEN(o) * ARR(o)->d->itemsize);
    if (recon == NULL || bytes == NULL)
        return NULL;
    return ob_tuple_pack(3, recon, ob_tuple_pack(4, ob_type_of(o), tc, ob_int_from_long_long(ARR(o)->d->mformat),
                                                 bytes), dict);
}

/* _array_reconstructor(arraytype, typecode, mformat_code, items): the
 * machine format must be the typecode's own (any byte order); converting
 * between formats of other sizes is not supported. */
static KnObject *arr_reconstructor(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("_array_reconstructor", nargs, 4, 4) < 0)
        return NULL;
    KnObject *t = args[0], *tc = args[1], *items = args[3];
    if (!KN_TYPE_OBJ_CHECK(t)) {
        ob_err_format(ob_exc_TypeError, "first argument must be a type object, not %s", ob_type_name(KN_TYPE(t)));
        return NULL;
    }
    if (!ob_type_is_subtype((KnTypeObject *)t, &arr_type)) {
        ob_err_format(ob_exc_TypeError, "%s is not a subtype of array.array", ((KnTypeObject *)t)->tp_name);
        return NULL;
    }
    const ArrDesc *d = NULL;
    if (KN_STR_CHECK(tc) && ob_str_length(tc) == 1 && ob_str_read_char(tc, 0) < 128)
        d = arr_desc_for((int)ob_str_read_char(tc, 0));
    if (d == NULL) {
        ob_err_set_string(ob_exc_ValueError, "second argument must be a valid type code");
        return NULL;
    }
    long long code;
    int overflow;
    if (kn_arg_index_ll(args[2], &code, &overflow) < 0)
        return NULL;
    if (overflow || code < 0 || code > 21) {
        ob_err_set_string(ob_exc_ValueError, "third argument must be a valid machine format code.");
        return NULL;
    }
    if (!KN_BYTES_CHECK(items)) {
        ob_err_format(ob_exc_TypeError, "fourth argument should be bytes, not %s", ob_type_name(KN_TYPE(items)));
        return NULL;
    }
    /* big-endian variants are the odd codes after the little-endian ones
     * (8-bit codes 0/1 have no byte order) */
    int swap = d->mformat >= 2 && code == d->mformat + 1;
    if (code != d->mformat && !swap) {
        ob_err_format(ob_exc_NotImplementedError,
                      "_array_reconstructor: converting machine format %lld to typecode '%c' is not supported",
                      code, d->typecode);
        return NULL;
    }
    KnObject *a = arr_new_of((KnTypeObject *)t, d, 0);
    if (a == NULL || arr_frombytes_data(a, KN_BYTES_AS_STRING(items), ob_length(items)) < 0)
        return NULL;
    if (swap)
        arr_byteswap(a);
    return a;
}

static KnObject *arr_typecode(KnObject *o, void *closure)
{
    (void)closure;
    return ob_str_from_format("%c", ARR(o)->d->typecode);
}

static KnObject *arr_itemsize(KnObject *o, void *closure)
{
    (void)closure;
    return ob_int_from_long_long(ARR(o)->d->itemsize);
}

static KnGetSetDef arr_getset[] = {
    {"typecode", arr_typecode, NULL, "the typecode character used to create the array", NULL},
    {"itemsize", arr_itemsize, NULL, "the size, in bytes, of one array item", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnSequenceMethods arr_as_sequence = {
    .sq_length = arr_len,
    .sq_concat = arr_concat,
    .sq_repeat = arr_repeat,
    .sq_item = arr_item,
    .sq_contains = arr_contains,
    .sq_inplace_concat = arr_inplace_concat,
    .sq_inplace_repeat = arr_inplace_repeat,
};

static KnMappingMethods arr_as_mapping = {arr_len, arr_subscript, arr_ass_subscript};

KnMethodDef arr_reduce_def = {"__reduce_ex__", (KnCFunction)(void (*)(void))arr_reduce_ex, KN_METH_O,
                              "Return state information for pickling."};

KnTypeObject arr_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "array.array",
    .tp_basicsize = sizeof(ArrObject),
    .tp_repr = arr_repr,
    .tp_as_sequence = &arr_as_sequence,
    .tp_as_mapping = &arr_as_mapping,
    .tp_getattro = ob_generic_getattr,
    .tp_as_buffer = &arr_as_buffer,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_SEQUENCE,
    .tp_doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode.",
    .tp_richcompare = arr_richcompare,
    .tp_weaklistoffset = offsetof(ArrObject, weakreflist),
    .tp_methods = arr_methods,
    .tp_getset = arr_getset,
    .tp_new = arr_tp_new,
};

static KnMethodDef array_module_methods[] = {
    {"_array_reconstructor", (KnCFunction)(void (*)(void))arr_reconstructor, KN_METH_FASTCALL,
     "Internal. Used for pickling support."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init_array(void)
{
    static int filled;
    if (!filled) {
        int k = 0;
        while (arr_methods[k].ml_name != NULL)
            k++;
        arr_methods[k] = arr_reduce_def;
        filled = 1;
    }
    if (ob_type_ready(&arr_type) < 0)
        return NULL;
    KnObject *mod = ob_module_new_cstr("array");
    if (mod == NULL || ob_module_add_functions(mod, array_module_methods) < 0
        || ob_module_add_object(mod, "array", (KnObject *)&arr_type) < 0
        || ob_module_add_object(mod, "ArrayType", (KnObject *)&arr_type) < 0
        || ob_module_add_object(mod, "typecodes", ob_str_from_cstr("bBuhHiIlLqQfd")) < 0)
        return NULL;
    arr_reconstructor_fn = ob_getattr_str(mod, "_array_reconstructor");
    return arr_reconstructor_fn ? mod : NULL;
}
