/*
 * bz2_module.c — `_bz2` over Debian's libbz2, as CPython 3.11:
 * BZ2Compressor(compresslevel=9) with compress / flush, and
 * BZ2Decompressor() with decompress(data, max_length=-1), eof,
 * unused_data, needs_input.  The pure-Python `bz2` module builds
 * BZ2File, open, compress and decompress on these two.
 *
 * libbz2 counts bytes in unsigned ints: longer inputs are fed in
 * UINT_MAX slices.  Unconsumed input a decompress() call leaves (its
 * output reached max_length) is kept for the next call (CxPending).
 */
#include <bzlib.h>
#include <limits.h>
#include <string.h>

#include "compress_internal.h"
#include "intarg.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

KnObject *kn_init__bz2(void);

typedef struct {
    KN_OBJECT_HEAD;
    bz_stream bzs;
    int flushed;             /* compressor: flush() was called */
    int eof;                 /* decompressor */
    int needs_input;
    int failed;              /* decompressor: a data error made it unusable */
    KnObject *unused_data;   /* bytes */
    CxPending pending;
} Bz2Object;

static KnTypeObject bz2_compressor_type, bz2_decompressor_type;

static void *bz2_alloc(void *opaque, int items, int size)
{
    (void)opaque;
    return kgc_alloc((size_t)items * (size_t)size);
}

static void bz2_free(void *opaque, void *p)
{
    (void)opaque;
    (void)p;    /* the collector reclaims it */
}

/* 0 for the codes that are not errors, else -1 with CPython's exception. */
static int bz2_check(int ret)
{
    switch (ret) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END:
        return 0;
    case BZ_CONFIG_ERROR:
        ob_err_set_string(ob_exc_SystemError, "libbzip2 was not compiled correctly");
        return -1;
    case BZ_PARAM_ERROR:
        ob_err_set_string(ob_exc_ValueError, "Internal error - invalid parameters passed to libbzip2");
        return -1;
    case BZ_MEM_ERROR:
        ob_err_nomemory();
        return -1;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC:
        ob_err_set_string(ob_exc_OSError, "Invalid data stream");
        return -1;
    case BZ_IO_ERROR:
        ob_err_set_string(ob_exc_OSError, "Unknown I/O error");
        return -1;
    case BZ_UNEXPECTED_EOF:
        ob_err_set_string(ob_exc_EOFError,
                          "Compressed file ended before the logical end-of-stream was detected");
        return -1;
    case BZ_SEQUENCE_ERROR:
        ob_err_set_string(ob_exc_RuntimeError,
                          "Internal error - Invalid sequence of commands sent to libbzip2");
        return -1;
    default:
        ob_err_format(ob_exc_OSError, "Unrecognized error from libbzip2: %d", ret);
        return -1;
    }
}

static Bz2Object *bz2_new_object(KnTypeObject *t)
{
    Bz2Object *b = (Bz2Object *)ob_type_generic_alloc(t, 0);
    if (b == NULL)
        return NULL;
    memset(&b->bzs, 0, sizeof b->bzs);
    b->bzs.bzalloc = bz2_alloc;
    b->bzs.bzfree = bz2_free;
    return b;
}

/* Run libbz2 over [p, p + n) with `action` until the input is consumed
 * (BZ_RUN) or the stream is finished (BZ_FINISH); the output as bytes. */
static KnObject *bz2_compress_run(Bz2Object *b, const uint8_t *p, size_t n, int action)
{
    CxOut out = { NULL, 0, 0 };
    uint8_t *next = NULL;
    size_t room = 0, left = n;
    b->bzs.next_in = (char *)p;
    b->bzs.avail_in = 0;
    for (;;) {
        if (b->bzs.avail_in == 0 && left > 0) {
            size_t slice = left > UINT_MAX ? UINT_MAX : left;
            b->bzs.avail_in = (unsigned)slice;
            left -= slice;
        }
        /* libbz2 calls a BZ_RUN without input a parameter error */
        if (action == BZ_RUN && b->bzs.avail_in == 0)
            break;
        if (room == 0) {
            if (cx_out_room(&out, CX_NO_LIMIT, UINT_MAX, &next, &room) < 0)
                return NULL;
        }
        b->bzs.next_out = (char *)next;
        b->bzs.avail_out = (unsigned)room;
        int ret = BZ2_bzCompress(&b->bzs, action);
        cx_out_sync(&out, (uint8_t *)b->bzs.next_out);
        next = (uint8_t *)b->bzs.next_out;
        room = b->bzs.avail_out;
        if (bz2_check(ret) < 0)
            return NULL;
        if (action == BZ_FINISH && ret == BZ_STREAM_END)
            break;
    }
    return cx_out_bytes(&out);
}

/* ---- BZ2Compressor */

static KnObject *comp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("BZ2Compressor", kwargs) < 0)
        return NULL;
    kn_ssize_t nargs = KN_SIZE(args);
    if (ob_args_check_positional("BZ2Compressor", nargs, 0, 1) < 0)
        return NULL;
    long long level = 9;
    if (nargs == 1) {
        int overflow;
        if (kn_arg_index_ll(KN_TUPLE_ITEMS(args)[0], &level, &overflow) < 0)
            return NULL;
        if (overflow || level > INT_MAX || level < INT_MIN) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
    }
    if (level < 1 || level > 9) {
        ob_err_set_string(ob_exc_ValueError, "compresslevel must be between 1 and 9");
        return NULL;
    }
    Bz2Object *b = bz2_new_object(t);
    if (b == NULL || bz2_check(BZ2_bzCompressInit(&b->bzs, (int)level, 0, 0)) < 0)
        return NULL;
    return (KnObject *)b;
}

static KnObject *comp_compress(KnObject *self, KnObject *data)
{
    Bz2Object *b = (Bz2Object *)self;
    KnBuffer view;
    if (ob_buffer_get(data, &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *r = NULL;
    if (b->flushed)
        ob_err_set_string(ob_exc_ValueError, "Compressor has been flushed");
    else
        r = bz2_compress_run(b, view.buf, (size_t)view.len, BZ_RUN);
    ob_buffer_release(&view);
    return r;
}

static KnObject *comp_flush(KnObject *self, KnObject *unused)
{
    (void)unused;
    Bz2Object *b = (Bz2Object *)self;
    if (b->flushed) {
        ob_err_set_string(ob_exc_ValueError, "Repeated call to flush()");
        return NULL;
    }
    b->flushed = 1;
    return bz2_compress_run(b, NULL, 0, BZ_FINISH);
}

/* ---- BZ2Decompressor */

static KnObject *decomp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (KN_SIZE(args) > 0) {
        ob_err_set_string(ob_exc_TypeError, "BZ2Decompressor() takes no positional arguments");
        return NULL;
    }
    if (ob_args_no_kwargs_dict("BZ2Decompressor", kwargs) < 0)
        return NULL;
    Bz2Object *b = bz2_new_object(t);
    if (b == NULL || bz2_check(BZ2_bzDecompressInit(&b->bzs, 0, 0)) < 0 ||
        (b->unused_data = ob_bytes_from_data("", 0)) == NULL)
        return NULL;
    b->needs_input = 1;
    return (KnObject *)b;
}

/* Decompress until the end of stream, the input runs out, or the output
 * reaches `limit` bytes.  *left counts input bytes not consumed. */
static KnObject *bz2_decompress_buf(Bz2Object *b, size_t limit, size_t *left)
{
    CxOut out = { NULL, 0, 0 };
    uint8_t *next;
    size_t room;
    if (cx_out_room(&out, limit, UINT_MAX, &next, &room) < 0)
        return NULL;
    for (;;) {
        b->bzs.next_out = (char *)next;
        b->bzs.avail_out = (unsigned)room;
        size_t slice = *left > UINT_MAX ? UINT_MAX : *left;
        b->bzs.avail_in = (unsigned)slice;
        *left -= slice;
        int ret = BZ2_bzDecompress(&b->bzs);
        *left += b->bzs.avail_in;
        cx_out_sync(&out, (uint8_t *)b->bzs.next_out);
        if (bz2_check(ret) < 0)
            return NULL;
        if (ret == BZ_STREAM_END) {
            b->eof = 1;
            break;
        }
        if (*left == 0)
            break;
        if (b->bzs.avail_out == 0) {
            if (out.len == limit)
                break;
            if (cx_out_room(&out, limit, UINT_MAX, &next, &room) < 0)
                return NULL;
        } else {
            next = (uint8_t *)b->bzs.next_out;
            room = b->bzs.avail_out;
        }
    }
    return cx_out_bytes(&out);
}

static KnObject *decomp_decompress(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                   KnObject *kwnames)
{
    Bz2Object *b = (Bz2Object *)self;
    static const char *const names[] = { "data", "max_length", NULL };
    static const KnArgSpec spec = { "decompress", names, 1, 2, 0 };
    KnObject *a[2];
    long long max_length = -1;
    int overflow;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnBuffer view;
    if (ob_buffer_get(a[0], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *r = NULL;
    if (a[1] != NULL) {
        if (kn_arg_index_ll(a[1], &max_length, &overflow) < 0)
            goto done;
        if (overflow) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C ssize_t");
            goto done;
        }
    }
    if (b->eof) {
        ob_err_set_string(ob_exc_EOFError, "End of stream already reached");
        goto done;
    }
    if (b->failed) {
        ob_err_set_string(ob_exc_ValueError, "Decompressor is unusable after a previous error");
        goto done;
    }
    size_t total;
    const uint8_t *in = cx_pending_join(&b->pending, view.buf, (size_t)view.len, &total);
    if (in == NULL)
        goto done;
    b->bzs.next_in = (char *)in;
    size_t left = total;
    r = bz2_decompress_buf(b, max_length < 0 ? CX_NO_LIMIT : (size_t)max_length, &left);
    if (r == NULL) {
        /* libbz2's state is inconsistent after an error: refuse further
         * calls (Debian's 3.11 has this fix) */
        cx_pending_keep(&b->pending, NULL, 0);
        b->failed = 1;
        b->needs_input = 0;
        goto done;
    }
    const uint8_t *rest = (const uint8_t *)b->bzs.next_in;
    if (b->eof) {
        b->needs_input = 0;
        if (left > 0 && (b->unused_data = ob_bytes_from_data(rest, (kn_ssize_t)left)) == NULL)
            r = NULL;
        cx_pending_keep(&b->pending, NULL, 0);
    } else if (left == 0) {
        b->needs_input = 1;
        cx_pending_keep(&b->pending, NULL, 0);
    } else {
        b->needs_input = 0;
        if (cx_pending_keep(&b->pending, rest, left) < 0)
            r = NULL;
    }
done:
    ob_buffer_release(&view);
    return r;
}

static KnObject *get_eof(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(((Bz2Object *)self)->eof);
}

static KnObject *get_needs_input(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(((Bz2Object *)self)->needs_input);
}

static KnObject *get_unused_data(KnObject *self, void *c)
{
    (void)c;
    return ((Bz2Object *)self)->unused_data;
}

static KnMethodDef comp_methods[] = {
    { "compress", FC(comp_compress), KN_METH_O,
      "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, "
      "or b'' otherwise.\n\nWhen you have finished providing data to the compressor, call the\n"
      "flush() method to finish the compression process." },
    { "flush", FC(comp_flush), KN_METH_NOARGS,
      "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\n"
      "The compressor object may not be used after this method is called." },
    { NULL, NULL, 0, NULL }
};

static KnMethodDef decomp_methods[] = {
    { "decompress", FC(decomp_decompress), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Decompress *data*, returning uncompressed data as bytes." },
    { NULL, NULL, 0, NULL }
};

static KnGetSetDef decomp_getset[] = {
    { "eof", get_eof, NULL, "True if the end-of-stream marker has been reached.", NULL },
    { "unused_data", get_unused_data, NULL, "Data found after the end of the compressed stream.", NULL },
    { "needs_input", get_needs_input, NULL,
      "True if more input is needed before more decompressed data can be produced.", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnTypeObject bz2_compressor_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_bz2.BZ2Compressor", .tp_basicsize = sizeof(Bz2Object),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Create a compressor object for compressing data incrementally.\n\n"
              "  compresslevel\n    Compression level, as a number between 1 and 9.\n\n"
              "For one-shot compression, use the compress() function instead.",
    .tp_methods = comp_methods, .tp_new = comp_new,
};

static KnTypeObject bz2_decompressor_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_bz2.BZ2Decompressor", .tp_basicsize = sizeof(Bz2Object),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Create a decompressor object for decompressing data incrementally.\n\n"
              "For one-shot decompression, use the decompress() function instead.",
    .tp_methods = decomp_methods, .tp_getset = decomp_getset, .tp_new = decomp_new,
};

KnObject *kn_init__bz2(void)
{
    if (ob_type_ready(&bz2_compressor_type) < 0 || ob_type_ready(&bz2_decompressor_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_bz2");
    if (m == NULL ||
        ob_module_add_object(m, "BZ2Compressor", (KnObject *)&bz2_compressor_type) < 0 ||
        ob_module_add_object(m, "BZ2Decompressor", (KnObject *)&bz2_decompressor_type) < 0)
        return NULL;
    return m;
}
