/*
 * struct_module.c — the _struct module: Struct, unpack_iterator, the
 * module functions over a cache of compiled formats, struct.error.
 */
#include <string.h>

#include "stdlib/modules.h"
#include "struct_internal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define ST_MAXCACHE 100

KnObject *st_error;
static KnObject *st_cache;              /* format -> Struct */

static int st_ready(StStruct *s)
{
    if (s->format != NULL)
        return 0;
    ob_err_set_string((KnTypeObject *)st_error, "Struct object is not initialized");
    return -1;
}

static KnObject *struct_new_from(KnObject *fmt)
{
    StStruct *s = (StStruct *)ob_type_generic_alloc(&st_struct_type, 0);
    if (s == NULL || st_compile(s, fmt) < 0)
        return NULL;
    return (KnObject *)s;
}

/* The Struct for a module function's format: a Struct as is, else
 * through the cache (cleared whole when it reaches ST_MAXCACHE). */
static StStruct *cached_struct(KnObject *fmt)
{
    if (KN_TYPE_CHECK(fmt, &st_struct_type))
        return st_ready((StStruct *)fmt) < 0 ? NULL : (StStruct *)fmt;
    if (st_cache == NULL && (st_cache = ob_dict_new()) == NULL)
        return NULL;
    if (KN_STR_CHECK(fmt) || KN_BYTES_CHECK(fmt)) {
        KnObject *hit = ob_dict_getitem(st_cache, fmt);
        if (hit != NULL)
            return (StStruct *)hit;
        if (ob_err_occurred())
            return NULL;
    }
    KnObject *s = struct_new_from(fmt);
    if (s == NULL)
        return NULL;
    if (KN_SIZE(st_cache) >= ST_MAXCACHE)
        ob_dict_clear(st_cache);
    if (ob_dict_setitem(st_cache, fmt, s) < 0)
        return NULL;
    return (StStruct *)s;
}

/* ---- the operations, shared by Struct methods and module functions ---- */

static KnObject *do_pack(StStruct *s, KnObject *const *args, kn_ssize_t n)
{
    if (n != s->nitems)
        return ob_err_format((KnTypeObject *)st_error,
                             "pack expected %zd items for packing (got %zd)", s->nitems, n);
    KnObject *r = ob_bytes_new_uninit(s->size);
    if (r == NULL)
        return NULL;
    memset(KN_BYTES_AS_STRING(r), 0, (size_t)s->size);
    if (st_pack_items(s, KN_BYTES_AS_STRING(r), args) < 0)
        return NULL;
    return r;
}

/* offset (negative: from the end) checked against a len-byte buffer for
 * s->size bytes; the absolute offset, or -1 with struct.error. */
static kn_ssize_t resolve_offset(StStruct *s, kn_ssize_t off, kn_ssize_t len, int packing)
{
    if (off < 0) {
        if (off + len < 0) {
            ob_err_format((KnTypeObject *)st_error, "offset %zd out of range for %zd-byte buffer",
                          off, len);
            return -1;
        }
        if (-off < s->size) {
            ob_err_format((KnTypeObject *)st_error,
                          packing ? "no space to pack %zd bytes at offset %zd"
                                  : "not enough data to unpack %zd bytes at offset %zd",
                          s->size, off);
            return -1;
        }
        off += len;
    }
    if (len - off < s->size) {
        ob_err_format((KnTypeObject *)st_error,
                      packing ? "pack_into requires a buffer of at least %zd bytes for packing "
                                "%zd bytes at offset %zd (actual buffer size is %zd)"
                              : "unpack_from requires a buffer of at least %zd bytes for "
                                "unpacking %zd bytes at offset %zd (actual buffer size is %zd)",
                      s->size + off, s->size, off, len);
        return -1;
    }
    return off;
}

static KnObject *do_pack_into(StStruct *s, KnObject *const *args, kn_ssize_t n)
{
    if (n != s->nitems + 2) {
        if (n == 0)
            return ob_err_format((KnTypeObject *)st_error, "pack_into expected buffer argument");
        if (n == 1)
            return ob_err_format((KnTypeObject *)st_error, "pack_into expected offset argument");
        return ob_err_format((KnTypeObject *)st_error,
                             "pack_into expected %zd items for packing (got %zd)", s->nitems,
                             n - 2);
    }
    StView v;
    if (st_view_get(args[0], &v, 1) < 0)
        return NULL;
    KnObject *result = NULL;
    kn_ssize_t len = v.view.len;
    kn_ssize_t off = ob_number_as_ssize(args[1], ob_exc_IndexError);
    if (off == -1 && ob_err_occurred())
        goto done;
    off = resolve_offset(s, off, len, 1);
    if (off < 0)
        goto done;
    /* like CPython: pad bytes zeroed, a failing item leaves the earlier
     * items written */
    char *dst = (char *)v.view.buf + off;
    memset(dst, 0, (size_t)s->size);
    if (st_pack_items(s, dst, args + 2) < 0)
        goto done;
    result = KN_None;
done:
    st_view_release(&v);
    return result;
}

static KnObject *do_unpack(StStruct *s, KnObject *buffer)
{
    StView v;
    if (st_view_get(buffer, &v, 0) < 0)
        return NULL;
    KnObject *r = NULL;
    if (v.view.len != s->size)
        ob_err_format((KnTypeObject *)st_error, "unpack requires a buffer of %zd bytes", s->size);
    else
        r = st_unpack_items(s, v.view.buf);
    st_view_release(&v);
    return r;
}

static KnObject *do_unpack_from(StStruct *s, KnObject *buffer, KnObject *offset)
{
    kn_ssize_t off = 0;
    if (offset != NULL) {
        off = ob_number_as_ssize(offset, ob_exc_OverflowError);
        if (off == -1 && ob_err_occurred())
            return NULL;
    }
    StView v;
    if (st_view_get(buffer, &v, 0) < 0)
        return NULL;
    KnObject *r = NULL;
    kn_ssize_t len = v.view.len;
    off = resolve_offset(s, off, len, 0);
    if (off < 0)
        goto done;
    r = st_unpack_items(s, (const char *)v.view.buf + off);
done:
    st_view_release(&v);
    return r;
}

/* ---- unpack_iterator ---- */

typedef struct StIter {
    KN_OBJECT_HEAD;
    StStruct *s;
    KnObject *data;         /* a bytes copy of the buffer */
    kn_ssize_t pos;
} StIter;

static KnObject *do_iter_unpack(StStruct *s, KnObject *buffer)
{
    if (s->size == 0)
        return ob_err_format((KnTypeObject *)st_error,
                             "cannot iteratively unpack with a struct of length 0");
    StView v;
    if (st_view_get(buffer, &v, 0) < 0)
        return NULL;
    KnObject *r = NULL;
    if (v.view.len % s->size != 0) {
        ob_err_format((KnTypeObject *)st_error,
                      "iterative unpacking requires a buffer of a multiple of %zd bytes", s->size);
        goto done;
    }
    StIter *it = (StIter *)ob_type_generic_alloc(&st_unpack_iter_type, 0);
    if (it == NULL)
        goto done;
    it->s = s;
    it->data = ob_bytes_from_data(v.view.buf, v.view.len);
    if (it->data == NULL)
        goto done;
    r = (KnObject *)it;
done:
    st_view_release(&v);
    return r;
}

static KnObject *iter_self(KnObject *o)
{
    return o;
}

static KnObject *iter_next(KnObject *o)
{
    StIter *it = (StIter *)o;
    if (it->data == NULL || it->pos >= KN_SIZE(it->data))
        return NULL;
    KnObject *r = st_unpack_items(it->s, KN_BYTES_AS_STRING(it->data) + it->pos);
    it->pos += it->s->size;
    return r;
}

static KnObject *iter_length_hint(KnObject *o, KnObject *unused)
{
    (void)unused;
    StIter *it = (StIter *)o;
    kn_ssize_t left = it->data == NULL ? 0 : (KN_SIZE(it->data) - it->pos) / it->s->size;
    return ob_int_from_ssize(left);
}

static KnMethodDef iter_methods[] = {
    {"__length_hint__", FC(iter_length_hint), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

KnTypeObject st_unpack_iter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(StIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = iter_self,
    .tp_iternext = iter_next,
    .tp_methods = iter_methods,
};

/* ---- Struct ---- */

static int struct_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "format", NULL };
    static const KnArgSpec spec = { "Struct", names, 1, 1, 0 };
    KnObject *a[1];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return -1;
    return st_compile((StStruct *)self, a[0]);
}

static KnObject *s_pack(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    return st_ready((StStruct *)self) < 0 ? NULL : do_pack((StStruct *)self, args, n);
}

static KnObject *s_pack_into(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    return st_ready((StStruct *)self) < 0 ? NULL : do_pack_into((StStruct *)self, args, n);
}

static KnObject *s_unpack(KnObject *self, KnObject *buffer)
{
    return st_ready((StStruct *)self) < 0 ? NULL : do_unpack((StStruct *)self, buffer);
}

static KnObject *s_unpack_from(KnObject *self, KnObject *const *args, kn_ssize_t n,
                               KnObject *kwnames)
{
    static const char *const names[] = { "buffer", "offset", NULL };
    static const KnArgSpec spec = { "unpack_from", names, 1, 2, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, n, kwnames, a) < 0 || st_ready((StStruct *)self) < 0)
        return NULL;
    return do_unpack_from((StStruct *)self, a[0], a[1]);
}

static KnObject *s_iter_unpack(KnObject *self, KnObject *buffer)
{
    return st_ready((StStruct *)self) < 0 ? NULL : do_iter_unpack((StStruct *)self, buffer);
}

static KnObject *s_get_format(KnObject *self, void *closure)
{
    (void)closure;
    StStruct *s = (StStruct *)self;
    return s->format != NULL ? s->format : KN_None;
}

static KnObject *s_get_size(KnObject *self, void *closure)
{
    (void)closure;
    return ob_int_from_ssize(((StStruct *)self)->size);
}

static KnMethodDef struct_methods[] = {
    {"pack", FC(s_pack), KN_METH_FASTCALL,
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... "
     "packed according to the format string S.format."},
    {"pack_into", FC(s_pack_into), KN_METH_FASTCALL,
     "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", FC(s_unpack), KN_METH_O, "Return a tuple containing unpacked values."},
    {"unpack_from", FC(s_unpack_from), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a tuple containing unpacked values."},
    {"iter_unpack", FC(s_iter_unpack), KN_METH_O,
     "Return an iterator yielding tuples."},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef struct_getset[] = {
    {"format", s_get_format, NULL, "struct format string", NULL},
    {"size", s_get_size, NULL, "struct size in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject st_struct_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(StStruct),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Struct(format)\n--\n\nCreate a compiled struct object.",
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
    .tp_init = struct_init,
    .tp_new = ob_type_generic_new,
};

/* ---- module functions ---- */

static KnObject *m_calcsize(KnObject *mod, KnObject *fmt)
{
    (void)mod;
    StStruct *s = cached_struct(fmt);
    return s == NULL ? NULL : ob_int_from_ssize(s->size);
}

static KnObject *m_pack(KnObject *mod, KnObject *const *args, kn_ssize_t n)
{
    (void)mod;
    if (n == 0) {
        ob_err_set_string(ob_exc_TypeError, "missing format argument");
        return NULL;
    }
    StStruct *s = cached_struct(args[0]);
    return s == NULL ? NULL : do_pack(s, args + 1, n - 1);
}

static KnObject *m_pack_into(KnObject *mod, KnObject *const *args, kn_ssize_t n)
{
    (void)mod;
    if (n == 0) {
        ob_err_set_string(ob_exc_TypeError, "missing format argument");
        return NULL;
    }
    StStruct *s = cached_struct(args[0]);
    return s == NULL ? NULL : do_pack_into(s, args + 1, n - 1);
}

static KnObject *m_unpack(KnObject *mod, KnObject *const *args, kn_ssize_t n)
{
    (void)mod;
    if (n != 2) {
        ob_err_format(ob_exc_TypeError, "unpack expected 2 arguments, got %zd", n);
        return NULL;
    }
    StStruct *s = cached_struct(args[0]);
    return s == NULL ? NULL : do_unpack(s, args[1]);
}

static KnObject *m_unpack_from(KnObject *mod, KnObject *const *args, kn_ssize_t n,
                               KnObject *kwnames)
{
    (void)mod;
    static const char *const names[] = { "", "buffer", "offset", NULL };
    static const KnArgSpec spec = { "unpack_from", names, 2, 3, 0 };
    KnObject *a[3];
    if (ob_args_parse(&spec, args, n, kwnames, a) < 0)
        return NULL;
    StStruct *s = cached_struct(a[0]);
    return s == NULL ? NULL : do_unpack_from(s, a[1], a[2]);
}

static KnObject *m_iter_unpack(KnObject *mod, KnObject *const *args, kn_ssize_t n)
{
    (void)mod;
    if (n != 2) {
        ob_err_format(ob_exc_TypeError, "iter_unpack expected 2 arguments, got %zd", n);
        return NULL;
    }
    StStruct *s = cached_struct(args[0]);
    return s == NULL ? NULL : do_iter_unpack(s, args[1]);
}

static KnObject *m_clearcache(KnObject *mod, KnObject *unused)
{
    (void)mod;
    (void)unused;
    if (st_cache != NULL)
        ob_dict_clear(st_cache);
    return KN_None;
}

static KnMethodDef struct_functions[] = {
    {"_clearcache", FC(m_clearcache), KN_METH_NOARGS, "Clear the internal cache."},
    {"calcsize", FC(m_calcsize), KN_METH_O,
     "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", FC(m_iter_unpack), KN_METH_FASTCALL,
     "Return an iterator yielding tuples unpacked from the buffer."},
    {"pack", FC(m_pack), KN_METH_FASTCALL,
     "Return a bytes object containing the values packed according to the format."},
    {"pack_into", FC(m_pack_into), KN_METH_FASTCALL,
     "Pack values according to the format string into the buffer at offset."},
    {"unpack", FC(m_unpack), KN_METH_FASTCALL,
     "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", FC(m_unpack_from), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a tuple containing values unpacked according to the format string."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__struct(void)
{
    if (st_error == NULL) {
        if (ob_type_ready(&st_struct_type) < 0 || ob_type_ready(&st_unpack_iter_type) < 0)
            return NULL;
        KnObject *bases = ob_tuple_pack(1, (KnObject *)ob_exc_Exception);
        KnObject *ns = ob_dict_new();
        if (bases == NULL || ns == NULL ||
            ob_dict_setitem_str(ns, "__module__", ob_str_from_cstr("struct")) < 0)
            return NULL;
        st_error = ob_type_new(&ob_type_type, ob_str_from_cstr("error"), bases, ns);
        if (st_error == NULL)
            return NULL;
    }
    KnObject *m = ob_module_new_cstr("_struct");
    if (m == NULL || ob_module_add_functions(m, struct_functions) < 0 ||
        ob_module_add_object(m, "Struct", (KnObject *)&st_struct_type) < 0 ||
        ob_module_add_object(m, "error", st_error) < 0)
        return NULL;
    return m;
}
