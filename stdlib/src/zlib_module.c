/*
 * zlib_module.c — `zlib` over Debian's libz, as CPython 3.11: compress,
 * decompress (wbits, bufsize), crc32, adler32, the constants, `error`,
 * ZLIB_VERSION / ZLIB_RUNTIME_VERSION.  The stream objects are in
 * zlib_objects.c.
 */
#include <limits.h>
#include <string.h>

#include "zlib_internal.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define KWFAST (KN_METH_FASTCALL | KN_METH_KEYWORDS)

KnObject *zlib_error_type;

void zl_error(z_stream *zs, int err, const char *msg)
{
    const char *zmsg = err == Z_VERSION_ERROR ? "library version mismatch" : zs->msg;
    if (zmsg == NULL) {
        if (err == Z_BUF_ERROR)
            zmsg = "incomplete or truncated stream";
        else if (err == Z_STREAM_ERROR)
            zmsg = "inconsistent stream state";
        else if (err == Z_DATA_ERROR)
            zmsg = "invalid input data";
    }
    if (zmsg == NULL)
        ob_err_format((KnTypeObject *)zlib_error_type, "Error %d %s", err, msg);
    else
        ob_err_format((KnTypeObject *)zlib_error_type, "Error %d %s: %.200s", err, msg, zmsg);
}

static voidpf zl_zalloc(voidpf opaque, uInt items, uInt size)
{
    (void)opaque;
    return kgc_alloc((size_t)items * size);
}

static void zl_zfree(voidpf opaque, voidpf p)
{
    (void)opaque;
    (void)p;    /* the collector reclaims it */
}

void zl_init_stream(z_stream *zs)
{
    memset(zs, 0, sizeof *zs);
    zs->zalloc = zl_zalloc;
    zs->zfree = zl_zfree;
}

long long zl_out_room(ZlOut *o, z_stream *zs, size_t want, size_t limit)
{
    if (limit && o->len >= limit)
        return 0;
    if (o->cap - o->len < want || o->cap == o->len) {
        size_t cap = o->cap ? o->cap : want;
        while (cap - o->len < want || cap == o->len)
            cap *= 2;
        if (limit && cap > limit)
            cap = limit;
        uint8_t *b = o->buf ? kgc_realloc(o->buf, cap) : kgc_alloc_atomic(cap);
        if (b == NULL) {
            ob_err_nomemory();
            return -1;
        }
        o->buf = b;
        o->cap = cap;
    }
    size_t room = o->cap - o->len;
    if (room > UINT_MAX)
        room = UINT_MAX;
    zs->next_out = o->buf + o->len;
    zs->avail_out = (uInt)room;
    return (long long)room;
}

void zl_out_done(ZlOut *o, z_stream *zs)
{
    o->len = (size_t)(zs->next_out - o->buf);
}

KnObject *zl_out_bytes(ZlOut *o)
{
    return ob_bytes_from_data(o->buf, (kn_ssize_t)o->len);
}

void zl_feed(z_stream *zs, const uint8_t **p, size_t *left)
{
    size_t n = *left > UINT_MAX ? UINT_MAX : *left;
    zs->next_in = (Bytef *)*p;
    zs->avail_in = (uInt)n;
    *p += n;
    *left -= n;
}

int zl_int_arg(KnObject *o, int *out)
{
    kn_ssize_t v;
    if (zl_ssize_arg(o, &v) < 0)
        return -1;
    if (v > INT_MAX || v < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, v > 0 ? "signed integer is greater than maximum"
                                                      : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int zl_ssize_arg(KnObject *o, kn_ssize_t *out)
{
    if (KN_FLOAT_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    kn_ssize_t v = ob_number_as_ssize(o, ob_exc_OverflowError);
    if (v == -1 && ob_err_occurred())
        return -1;
    *out = v;
    return 0;
}

static KnObject *zl_compress(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                             KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "", "level", "wbits", NULL };
    KnArgSpec spec = { "compress", names, 1, 3, 0 };
    KnObject *a[3];
    int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 ||
        (a[1] != NULL && zl_int_arg(a[1], &level) < 0) ||
        (a[2] != NULL && zl_int_arg(a[2], &wbits) < 0))
        return NULL;
    KnBuffer view;
    if (ob_buffer_get(a[0], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *r = NULL;
    z_stream zs;
    zl_init_stream(&zs);
    int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR) {
        ob_err_set_string(ob_exc_MemoryError, "Out of memory while compressing data");
        goto done;
    }
    if (err == Z_STREAM_ERROR) {
        ob_err_set_string((KnTypeObject *)zlib_error_type, "Bad compression level");
        goto done;
    }
    if (err != Z_OK) {
        deflateEnd(&zs);
        zl_error(&zs, err, "while compressing data");
        goto done;
    }
    const uint8_t *p = view.buf;
    size_t left = (size_t)view.len;
    ZlOut out = { NULL, 0, 0 };
    int flush;
    do {
        zl_feed(&zs, &p, &left);
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (zl_out_room(&out, &zs, ZL_DEF_BUF_SIZE, 0) < 0) {
                deflateEnd(&zs);
                goto done;
            }
            err = deflate(&zs, flush);
            zl_out_done(&out, &zs);
            if (err == Z_STREAM_ERROR) {
                deflateEnd(&zs);
                zl_error(&zs, err, "while compressing data");
                goto done;
            }
        } while (zs.avail_out == 0);
    } while (flush != Z_FINISH);
    err = deflateEnd(&zs);
    if (err != Z_OK) {
        zl_error(&zs, err, "while finishing compression");
        goto done;
    }
    r = zl_out_bytes(&out);
done:
    ob_buffer_release(&view);
    return r;
}

static KnObject *zl_decompress(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                               KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "", "wbits", "bufsize", NULL };
    KnArgSpec spec = { "decompress", names, 1, 3, 0 };
    KnObject *a[3];
    int wbits = MAX_WBITS;
    kn_ssize_t bufsize = ZL_DEF_BUF_SIZE;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 ||
        (a[1] != NULL && zl_int_arg(a[1], &wbits) < 0) ||
        (a[2] != NULL && zl_ssize_arg(a[2], &bufsize) < 0))
        return NULL;
    if (bufsize < 0) {
        ob_err_set_string(ob_exc_ValueError, "bufsize must be non-negative");
        return NULL;
    }
    if (bufsize == 0)
        bufsize = 1;
    KnBuffer view;
    if (ob_buffer_get(a[0], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *r = NULL;
    z_stream zs;
    zl_init_stream(&zs);
    int err = inflateInit2(&zs, wbits);
    if (err == Z_MEM_ERROR) {
        ob_err_set_string(ob_exc_MemoryError, "Out of memory while decompressing data");
        goto done;
    }
    if (err != Z_OK) {
        inflateEnd(&zs);
        zl_error(&zs, err, "while preparing to decompress data");
        goto done;
    }
    const uint8_t *p = view.buf;
    size_t left = (size_t)view.len;
    ZlOut out = { NULL, 0, 0 };
    do {
        zl_feed(&zs, &p, &left);
        do {
            if (zl_out_room(&out, &zs, (size_t)bufsize, 0) < 0) {
                inflateEnd(&zs);
                goto done;
            }
            err = inflate(&zs, Z_NO_FLUSH);
            zl_out_done(&out, &zs);
            if (err == Z_MEM_ERROR) {
                inflateEnd(&zs);
                ob_err_set_string(ob_exc_MemoryError, "Out of memory while decompressing data");
                goto done;
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                inflateEnd(&zs);
                zl_error(&zs, err, "while decompressing data");
                goto done;
            }
        } while (zs.avail_out == 0);
    } while (err != Z_STREAM_END && left != 0);
    if (err != Z_STREAM_END) {
        inflateEnd(&zs);
        zl_error(&zs, Z_BUF_ERROR, "while decompressing data");
        goto done;
    }
    err = inflateEnd(&zs);
    if (err != Z_OK) {
        zl_error(&zs, err, "while finishing decompression");
        goto done;
    }
    r = zl_out_bytes(&out);
done:
    ob_buffer_release(&view);
    return r;
}

/* crc32 / adler32(data, value): value taken modulo 2^32. */
static KnObject *checksum(const char *fname, int adler, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional(fname, nargs, 1, 2) < 0)
        return NULL;
    unsigned long v = adler ? 1 : 0;
    if (nargs > 1) {
        KnObject *i = ob_number_index(args[1]);
        if (i == NULL)
            return NULL;
        KnObject *low = ob_number_and(i, ob_int_from_unsigned_long_long(0xffffffffu));
        if (low == NULL)
            return NULL;
        v = (unsigned long)ob_int_as_long_long(low);
    }
    KnBuffer view;
    if (ob_buffer_get(args[0], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    const uint8_t *p = view.buf;
    size_t left = (size_t)view.len;
    while (left > 0) {
        uInt n = left > UINT_MAX ? UINT_MAX : (uInt)left;
        v = adler ? adler32(v, p, n) : crc32(v, p, n);
        p += n;
        left -= n;
    }
    ob_buffer_release(&view);
    return ob_int_from_unsigned_long_long(v & 0xffffffffu);
}

static KnObject *zl_crc32(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return checksum("crc32", 0, args, nargs);
}

static KnObject *zl_adler32(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return checksum("adler32", 1, args, nargs);
}

static KnMethodDef zlib_functions[] = {
    { "adler32", FC(zl_adler32), KN_METH_FASTCALL, "Compute an Adler-32 checksum of data." },
    { "compress", FC(zl_compress), KWFAST, "Returns a bytes object containing compressed data." },
    { "compressobj", FC(zl_compressobj), KWFAST, "Return a compressor object." },
    { "crc32", FC(zl_crc32), KN_METH_FASTCALL, "Compute a CRC-32 checksum of data." },
    { "decompress", FC(zl_decompress), KWFAST, "Returns a bytes object containing the uncompressed data." },
    { "decompressobj", FC(zl_decompressobj), KWFAST, "Return a decompressor object." },
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init_zlib(void)
{
    if (zlib_error_type == NULL) {
        KnObject *bases = ob_tuple_pack(1, (KnObject *)ob_exc_Exception);
        KnObject *ns = ob_dict_new();
        if (bases == NULL || ns == NULL ||
            ob_dict_setitem_str(ns, "__module__", ob_str_from_cstr("zlib")) < 0)
            return NULL;
        zlib_error_type = ob_type_new(&ob_type_type, ob_str_from_cstr("error"), bases, ns);
        if (zlib_error_type == NULL || ob_type_ready(&zlib_compress_type) < 0 ||
            ob_type_ready(&zlib_decompress_type) < 0)
            return NULL;
    }
    KnObject *m = ob_module_new_cstr("zlib");
    if (m == NULL || ob_module_add_functions(m, zlib_functions) < 0 ||
        ob_module_add_object(m, "error", zlib_error_type) < 0)
        return NULL;
    static const struct { const char *name; long value; } consts[] = {
        { "MAX_WBITS", MAX_WBITS }, { "DEFLATED", Z_DEFLATED }, { "DEF_MEM_LEVEL", 8 },
        { "DEF_BUF_SIZE", ZL_DEF_BUF_SIZE }, { "Z_NO_COMPRESSION", Z_NO_COMPRESSION },
        { "Z_BEST_SPEED", Z_BEST_SPEED }, { "Z_BEST_COMPRESSION", Z_BEST_COMPRESSION },
        { "Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION }, { "Z_FILTERED", Z_FILTERED },
        { "Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY }, { "Z_RLE", Z_RLE }, { "Z_FIXED", Z_FIXED },
        { "Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY }, { "Z_NO_FLUSH", Z_NO_FLUSH },
        { "Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH }, { "Z_SYNC_FLUSH", Z_SYNC_FLUSH },
        { "Z_FULL_FLUSH", Z_FULL_FLUSH }, { "Z_FINISH", Z_FINISH }, { "Z_BLOCK", Z_BLOCK },
        { "Z_TREES", Z_TREES },
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++)
        if (ob_module_add_object(m, consts[i].name, ob_int_from_ssize(consts[i].value)) < 0)
            return NULL;
    if (ob_module_add_object(m, "ZLIB_VERSION", ob_str_from_cstr(ZLIB_VERSION)) < 0 ||
        ob_module_add_object(m, "ZLIB_RUNTIME_VERSION", ob_str_from_cstr(zlibVersion())) < 0 ||
        ob_module_add_object(m, "__version__", ob_str_from_cstr("1.0")) < 0)
        return NULL;
    return m;
}
