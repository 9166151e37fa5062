/*
 * zlib_objects.c — zlib.Compress and zlib.Decompress (compressobj,
 * decompressobj) as CPython 3.11: compress / flush(mode) / copy; and
 * decompress(data, max_length) with unconsumed_tail, unused_data, eof,
 * flush(length), copy, zdict for both directions.
 */
#include <limits.h>
#include <string.h>

#include "zlib_internal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

typedef struct {
    KN_OBJECT_HEAD;
    z_stream zs;
    int initialised;
    int eof;                      /* Decompress only */
    KnObject *unused_data;        /* bytes */
    KnObject *unconsumed_tail;    /* bytes */
    KnObject *zdict;              /* NULL or a buffer exporter */
} ZlObject;

static KnObject *empty_bytes(void)
{
    return ob_bytes_from_data("", 0);
}

static ZlObject *zl_new(KnTypeObject *t)
{
    ZlObject *z = (ZlObject *)ob_alloc(t, 0);
    if (z == NULL)
        return NULL;
    zl_init_stream(&z->zs);
    z->unused_data = empty_bytes();
    z->unconsumed_tail = empty_bytes();
    if (z->unused_data == NULL || z->unconsumed_tail == NULL)
        return NULL;
    return z;
}

static int set_dictionary(ZlObject *z, int deflating)
{
    KnBuffer view;
    if (ob_buffer_get(z->zdict, &view, KN_BUF_SIMPLE) < 0)
        return -1;
    if ((size_t)view.len > UINT_MAX) {
        ob_buffer_release(&view);
        ob_err_set_string(ob_exc_OverflowError, "zdict length does not fit in an unsigned int");
        return -1;
    }
    int err = deflating ? deflateSetDictionary(&z->zs, view.buf, (uInt)view.len)
                        : inflateSetDictionary(&z->zs, view.buf, (uInt)view.len);
    ob_buffer_release(&view);
    if (err != Z_OK) {
        zl_error(&z->zs, err, "while setting zdict");
        return -1;
    }
    return 0;
}

/* ---- constructors */

KnObject *zl_compressobj(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "level", "method", "wbits", "memLevel", "strategy",
                                         "zdict", NULL };
    KnArgSpec spec = { "compressobj", names, 0, 6, 0 };
    KnObject *a[6];
    int v[5] = { Z_DEFAULT_COMPRESSION, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY };
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 5; i++)
        if (a[i] != NULL && zl_int_arg(a[i], &v[i]) < 0)
            return NULL;
    if (a[5] != NULL && a[5] != KN_None && !ob_buffer_check(a[5])) {
        ob_err_set_string(ob_exc_TypeError, "zdict argument must support the buffer protocol");
        return NULL;
    }
    ZlObject *z = zl_new(&zlib_compress_type);
    if (z == NULL)
        return NULL;
    int err = deflateInit2(&z->zs, v[0], v[1], v[2], v[3], v[4]);
    if (err == Z_MEM_ERROR) {
        ob_err_set_string(ob_exc_MemoryError, "Can't allocate memory for compression object");
        return NULL;
    }
    if (err == Z_STREAM_ERROR) {
        ob_err_set_string(ob_exc_ValueError, "Invalid initialization option");
        return NULL;
    }
    if (err != Z_OK) {
        zl_error(&z->zs, err, "while creating compression object");
        return NULL;
    }
    z->initialised = 1;
    if (a[5] != NULL && a[5] != KN_None) {
        z->zdict = a[5];
        if (set_dictionary(z, 1) < 0)
            return NULL;
    }
    return (KnObject *)z;
}

KnObject *zl_decompressobj(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "wbits", "zdict", NULL };
    KnArgSpec spec = { "decompressobj", names, 0, 2, 0 };
    KnObject *a[2];
    int wbits = MAX_WBITS;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 ||
        (a[0] != NULL && zl_int_arg(a[0], &wbits) < 0))
        return NULL;
    if (a[1] != NULL && !ob_buffer_check(a[1])) {
        ob_err_set_string(ob_exc_TypeError, "zdict argument must support the buffer protocol");
        return NULL;
    }
    ZlObject *z = zl_new(&zlib_decompress_type);
    if (z == NULL)
        return NULL;
    z->zdict = a[1];
    int err = inflateInit2(&z->zs, wbits);
    if (err == Z_STREAM_ERROR) {
        ob_err_set_string(ob_exc_ValueError, "Invalid initialization option");
        return NULL;
    }
    if (err == Z_MEM_ERROR) {
        ob_err_set_string(ob_exc_MemoryError, "Can't allocate memory for decompression object");
        return NULL;
    }
    if (err != Z_OK) {
        zl_error(&z->zs, err, "while creating decompression object");
        return NULL;
    }
    z->initialised = 1;
    if (z->zdict != NULL && wbits < 0 && set_dictionary(z, 0) < 0)
        return NULL;
    return (KnObject *)z;
}

/* ---- Compress */

static KnObject *comp_compress(KnObject *self, KnObject *data)
{
    ZlObject *z = (ZlObject *)self;
    KnBuffer view;
    if (ob_buffer_get(data, &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    const uint8_t *p = view.buf;
    size_t left = (size_t)view.len;
    ZlOut out = { NULL, 0, 0 };
    KnObject *r = NULL;
    do {
        zl_feed(&z->zs, &p, &left);
        do {
            if (zl_out_room(&out, &z->zs, ZL_DEF_BUF_SIZE, 0) < 0)
                goto done;
            int err = deflate(&z->zs, Z_NO_FLUSH);
            zl_out_done(&out, &z->zs);
            if (err == Z_STREAM_ERROR) {
                zl_error(&z->zs, err, "while compressing data");
                goto done;
            }
        } while (z->zs.avail_out == 0);
    } while (left != 0);
    r = zl_out_bytes(&out);
done:
    ob_buffer_release(&view);
    return r;
}

static KnObject *comp_flush(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    ZlObject *z = (ZlObject *)self;
    int mode = Z_FINISH;
    if (ob_args_check_positional("flush", nargs, 0, 1) < 0 ||
        (nargs > 0 && zl_int_arg(args[0], &mode) < 0))
        return NULL;
    if (mode == Z_NO_FLUSH)
        return empty_bytes();
    ZlOut out = { NULL, 0, 0 };
    int err;
    z->zs.avail_in = 0;
    do {
        if (zl_out_room(&out, &z->zs, ZL_DEF_BUF_SIZE, 0) < 0)
            return NULL;
        err = deflate(&z->zs, mode);
        zl_out_done(&out, &z->zs);
        if (err == Z_STREAM_ERROR) {
            zl_error(&z->zs, err, "while flushing");
            return NULL;
        }
    } while (z->zs.avail_out == 0);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        err = deflateEnd(&z->zs);
        if (err != Z_OK) {
            zl_error(&z->zs, err, "while finishing compression");
            return NULL;
        }
        z->initialised = 0;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        zl_error(&z->zs, err, "while flushing");
        return NULL;
    }
    return zl_out_bytes(&out);
}

static KnObject *zl_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    ZlObject *z = (ZlObject *)self;
    int deflating = KN_TYPE(self) == &zlib_compress_type;
    if (!z->initialised) {
        ob_err_set_string(ob_exc_ValueError, deflating ? "Inconsistent stream state"
                                                       : "Inconsistent stream state");
        return NULL;
    }
    ZlObject *c = zl_new(KN_TYPE(self));
    if (c == NULL)
        return NULL;
    int err = deflating ? deflateCopy(&c->zs, &z->zs) : inflateCopy(&c->zs, &z->zs);
    if (err == Z_STREAM_ERROR) {
        ob_err_set_string(ob_exc_ValueError, "Inconsistent stream state");
        return NULL;
    }
    if (err == Z_MEM_ERROR) {
        ob_err_set_string(ob_exc_MemoryError, deflating
                          ? "Can't allocate memory for compression object"
                          : "Can't allocate memory for decompression object");
        return NULL;
    }
    if (err != Z_OK) {
        zl_error(&z->zs, err, deflating ? "while copying compression object"
                                        : "while copying decompression object");
        return NULL;
    }
    c->initialised = 1;
    c->eof = z->eof;
    c->unused_data = z->unused_data;
    c->unconsumed_tail = z->unconsumed_tail;
    c->zdict = z->zdict;
    return (KnObject *)c;
}

static KnObject *zl_deepcopy(KnObject *self, KnObject *memo)
{
    (void)memo;
    return zl_copy(self, NULL);
}

/* ---- Decompress */

/* After inflating from `data`: move what zlib left of it into
 * unused_data (past the end of stream) or unconsumed_tail.  (Input over
 * UINT_MAX bytes not yet fed counts as unconsumed.) */
static int save_unconsumed(ZlObject *z, const uint8_t *end, size_t left, int err)
{
    size_t rest = z->zs.avail_in + left;
    const uint8_t *from = end - rest;
    if (err == Z_STREAM_END) {
        if (rest > 0) {
            KnObject *more = ob_bytes_from_data(from, (kn_ssize_t)rest);
            KnObject *joined = more == NULL ? NULL : ob_number_add(z->unused_data, more);
            if (joined == NULL)
                return -1;
            z->unused_data = joined;
        }
        z->zs.avail_in = 0;
    }
    /* As CPython: a non-empty tail is recomputed even after the end of
     * stream, and then keeps the bytes unused_data got too. */
    if (z->zs.avail_in + (err == Z_STREAM_END ? 0 : left) > 0 || KN_SIZE(z->unconsumed_tail) > 0) {
        KnObject *tail = ob_bytes_from_data(from, (kn_ssize_t)rest);
        if (tail == NULL)
            return -1;
        z->unconsumed_tail = tail;
    }
    return 0;
}

/* Inflate [p, p + n) with `flush` into out (limit 0: no limit). */
static int inflate_into(ZlObject *z, const uint8_t *p, size_t n, int flush, size_t limit,
                        size_t chunk, ZlOut *out, int *errp)
{
    const uint8_t *end = p + n;
    size_t left = n;
    int err = Z_OK;
    do {
        zl_feed(&z->zs, &p, &left);
        do {
            long long room = zl_out_room(out, &z->zs, chunk, limit);
            if (room < 0)
                return -1;
            if (room == 0)
                goto save;
            err = inflate(&z->zs, flush);
            zl_out_done(out, &z->zs);
            if (err == Z_NEED_DICT && z->zdict != NULL) {
                if (set_dictionary(z, 0) < 0)
                    return -1;
                continue;      /* the loop test sees Z_NEED_DICT: go again */
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END)
                goto save;
        } while (z->zs.avail_out == 0 || err == Z_NEED_DICT);
    } while (err != Z_STREAM_END && left != 0);
save:
    if (save_unconsumed(z, end, left, err) < 0)
        return -1;
    *errp = err;
    return 0;
}

static KnObject *decomp_decompress(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                   KnObject *kwnames)
{
    ZlObject *z = (ZlObject *)self;
    static const char *const names[] = { "", "max_length", NULL };
    KnArgSpec spec = { "decompress", names, 1, 2, 0 };
    KnObject *a[2];
    kn_ssize_t max_length = 0;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 ||
        (a[1] != NULL && zl_ssize_arg(a[1], &max_length) < 0))
        return NULL;
    if (max_length < 0) {
        ob_err_set_string(ob_exc_ValueError, "max_length must be non-negative");
        return NULL;
    }
    KnBuffer view;
    if (ob_buffer_get(a[0], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    ZlOut out = { NULL, 0, 0 };
    int err;
    size_t chunk = ZL_DEF_BUF_SIZE;
    if (max_length > 0 && (size_t)max_length < chunk)
        chunk = (size_t)max_length;
    int rc = inflate_into(z, view.buf, (size_t)view.len, Z_SYNC_FLUSH, (size_t)max_length,
                          chunk, &out, &err);
    ob_buffer_release(&view);
    if (rc < 0)
        return NULL;
    if (err == Z_STREAM_END) {
        z->eof = 1;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        zl_error(&z->zs, err, "while decompressing data");
        return NULL;
    }
    return zl_out_bytes(&out);
}

static KnObject *decomp_flush(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    ZlObject *z = (ZlObject *)self;
    kn_ssize_t length = ZL_DEF_BUF_SIZE;
    if (ob_args_check_positional("flush", nargs, 0, 1) < 0 ||
        (nargs > 0 && zl_ssize_arg(args[0], &length) < 0))
        return NULL;
    if (length <= 0) {
        ob_err_set_string(ob_exc_ValueError, "length must be greater than zero");
        return NULL;
    }
    KnObject *tail = z->unconsumed_tail;
    ZlOut out = { NULL, 0, 0 };
    int err;
    if (inflate_into(z, (const uint8_t *)KN_BYTES_AS_STRING(tail), (size_t)KN_SIZE(tail),
                     Z_FINISH, 0, (size_t)length, &out, &err) < 0)
        return NULL;
    if (err == Z_STREAM_END) {
        z->eof = 1;
        if (z->initialised) {
            err = inflateEnd(&z->zs);
            z->initialised = 0;
            if (err != Z_OK) {
                zl_error(&z->zs, err, "while finishing decompression");
                return NULL;
            }
        }
    }
    return zl_out_bytes(&out);
}

static KnObject *get_unused_data(KnObject *self, void *c)
{
    (void)c;
    return ((ZlObject *)self)->unused_data;
}

static KnObject *get_unconsumed_tail(KnObject *self, void *c)
{
    (void)c;
    return ((ZlObject *)self)->unconsumed_tail;
}

static KnObject *get_eof(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(((ZlObject *)self)->eof);
}

static KnMethodDef comp_methods[] = {
    { "compress", FC(comp_compress), KN_METH_O, "Returns a bytes object containing compressed data." },
    { "flush", FC(comp_flush), KN_METH_FASTCALL, "Return a bytes object containing any remaining compressed data." },
    { "copy", FC(zl_copy), KN_METH_NOARGS, "Return a copy of the compression object." },
    { "__copy__", FC(zl_copy), KN_METH_NOARGS, NULL },
    { "__deepcopy__", FC(zl_deepcopy), KN_METH_O, NULL },
    { NULL, NULL, 0, NULL }
};

static KnMethodDef decomp_methods[] = {
    { "decompress", FC(decomp_decompress), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a bytes object containing the decompressed version of the data." },
    { "flush", FC(decomp_flush), KN_METH_FASTCALL, "Return a bytes object containing any remaining decompressed data." },
    { "copy", FC(zl_copy), KN_METH_NOARGS, "Return a copy of the decompression object." },
    { "__copy__", FC(zl_copy), KN_METH_NOARGS, NULL },
    { "__deepcopy__", FC(zl_deepcopy), KN_METH_O, NULL },
    { NULL, NULL, 0, NULL }
};

static KnGetSetDef decomp_getset[] = {
    { "unused_data", get_unused_data, NULL, NULL, NULL },
    { "unconsumed_tail", get_unconsumed_tail, NULL, NULL, NULL },
    { "eof", get_eof, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject zlib_compress_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "zlib.Compress", .tp_basicsize = sizeof(ZlObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = comp_methods,
};

KnTypeObject zlib_decompress_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "zlib.Decompress", .tp_basicsize = sizeof(ZlObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = decomp_methods, .tp_getset = decomp_getset,
};
